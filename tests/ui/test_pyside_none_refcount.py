"""PySide6 6.12.0 on CPython 3.11 decrements None's refcount on every beginInsertRows/endInsertRows
and setItem without a matching increment, until the process dies with 'deallocating None'.
The pinned release must not leak: the count of None stays put across 1000 cycles."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402

from victimcare.ui.models import PagedTableModel  # noqa: E402

CYCLES = 1000


def test_insert_rows_keeps_none_refcount(qapp):
    batches = iter(range(CYCLES + 1))
    model = PagedTableModel([("n", "n", lambda r: str(r["id"]))],
                            lambda cursor, limit: ([{"id": next(batches)}], 0), page_size=1)
    model.fetchMore(QModelIndex())  # warm up caches that may hold a reference once
    before = sys.getrefcount(None)
    for _ in range(CYCLES):
        model._exhausted = False
        model.fetchMore(QModelIndex())  # one beginInsertRows/endInsertRows pair per call
    assert model.rowCount() == CYCLES + 1
    assert abs(sys.getrefcount(None) - before) < CYCLES // 10


def test_set_item_keeps_none_refcount(qapp):
    model = QStandardItemModel(10, 1)
    model.setItem(0, 0, QStandardItem("x"))
    before = sys.getrefcount(None)
    for i in range(CYCLES):
        model.setItem(i % 10, 0, QStandardItem("x"))
    assert abs(sys.getrefcount(None) - before) < CYCLES // 10
