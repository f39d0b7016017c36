"""PySide6 6.12.0 on CPython 3.11 decrements None's refcount on every beginInsertRows/endInsertRows
and setItem without a matching increment, until the process dies with 'deallocating None'.
The pinned release must not leak: the count of None stays put across 1000 cycles."""

import gc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402

from victimcare.ui.kit.models import PagedTableModel  # noqa: E402

CYCLES = 1000
# The leak is exactly one reference per call (1000 or 2000 here). Other threads and the garbage
# collector move None's count by a few hundred at most, so half the cycle count separates them.
TOLERANCE = CYCLES // 2


def none_refs_lost(action) -> int:
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        action()
        return before - sys.getrefcount(None)
    finally:
        gc.enable()


def test_insert_rows_keeps_none_refcount(qapp):
    model = PagedTableModel([("n", "n", lambda r: str(r["id"]))], lambda cursor, limit: ([], None), page_size=1)
    arrive = lambda i: model._arrived(model._generation, ([{"id": i}], 0))  # what a fetched page does
    arrive(0)  # warm up caches that may hold a reference once

    def insert_rows():
        for i in range(CYCLES):
            arrive(i + 1)  # one beginInsertRows/endInsertRows pair per page

    assert none_refs_lost(insert_rows) < TOLERANCE
    assert model.rowCount() == CYCLES + 1


def test_set_item_keeps_none_refcount(qapp):
    model = QStandardItemModel(10, 1)
    model.setItem(0, 0, QStandardItem("x"))

    def set_items():
        for i in range(CYCLES):
            model.setItem(i % 10, 0, QStandardItem("x"))

    assert none_refs_lost(set_items) < TOLERANCE
