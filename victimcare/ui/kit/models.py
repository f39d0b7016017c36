"""A lazy, keyset-paged table model: rows are fetched a page at a time as the view scrolls.

Sorting and filtering happen in SQL inside ``fetch_page``; this model never holds more rows than
the user has scrolled through and never wraps a proxy over all rows. Pages are fetched off the GUI
thread (``run``); a page that arrives after a reset belongs to an old query and is dropped.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from victimcare.ui.kit.tasks import run

PAGE_SIZE = 200
RowKeyRole = Qt.ItemDataRole.UserRole + 1


class PagedTableModel(QAbstractTableModel):
    """``fetch_page(cursor, limit) -> (rows, next_cursor)``; rows are dicts; ``columns`` is a list of
    (key, header, formatter) where formatter turns the row into display text."""

    loading_changed = Signal(bool)
    failed = Signal(str)  # a page could not be read: the message to show

    def __init__(self, columns: Sequence[tuple[str, str, Callable[[dict], str]]],
                 fetch_page: Callable[[object, int], tuple[list[dict], object]], parent=None,
                 page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch_page = fetch_page
        self.page_size = page_size
        self._rows: list[dict] = []
        self._cursor = None
        self._exhausted = False
        self._loading = False
        self._generation = 0
        # Nothing is read before the page asks (``reset``, when it is shown): a view fetches as soon as it
        # is laid out, even on a page the user never opened, and every page read is an audited view.
        self._started = False

    def reset(self, fetch_page: Callable | None = None) -> None:
        """Start again from the first page (new query, filter or sort)."""
        self._started = True
        self.beginResetModel()
        if fetch_page is not None:
            self._fetch_page = fetch_page
        self._rows, self._cursor, self._exhausted = [], None, False
        self._generation += 1
        self._set_loading(False)
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._cursor, self._exhausted = [], None, True
        self._generation += 1
        self._set_loading(False)
        self.endResetModel()

    def row_data(self, row: int) -> dict:
        return self._rows[row]

    # -- Qt model API -----------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.columns[index.column()][2](row)
        if role == RowKeyRole:
            return row.get("id")
        if role == Qt.ItemDataRole.ForegroundRole:
            return row.get("_foreground")
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._started and not self._exhausted and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or not self._started or self._exhausted or self._loading:
            return
        self._set_loading(True)
        generation = self._generation
        run(self, self._fetch_page, self._cursor, self.page_size,
            done=lambda page: self._arrived(generation, page), failed=lambda exc: self._fetch_failed(generation, exc))

    @property
    def loading(self) -> bool:
        return self._loading

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _arrived(self, generation: int, page) -> None:
        if generation != self._generation:
            return
        rows, cursor = page
        if len(rows) < self.page_size or cursor is None:
            self._exhausted = True
        self._cursor = cursor
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._set_loading(False)

    def _fetch_failed(self, generation: int, exc) -> None:
        if generation == self._generation:
            self._exhausted = True
            self._set_loading(False)
            self.failed.emit(exc.message)
