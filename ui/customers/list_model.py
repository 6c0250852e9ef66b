"""The customer list as a windowed table model.

The model never holds the whole list. It knows how many rows there are (a capped count:
"10,000+" for a huge result, raised when the user scrolls to the end) and keeps a bounded
LRU cache of pages of ``PAGE_SIZE`` rows. A row that is not loaded shows "…" and asks for
its page in the background: the page after a loaded page continues the keyset from that
page's last key; a page far away first asks ``seek_key(offset)`` and continues from there.
Every change of filter or sort starts a new generation; results of older generations are
dropped when they arrive."""
from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject,
                            QT_TRANSLATE_NOOP, Qt, QTimer, Signal)
from PySide6.QtGui import QBrush, QColor

from services.customer_search import (CustomerFilter, CustomerPage, CustomerRow,
                                      count_customers, list_customers, seek_key)
from ui.widgets.lifetime import while_alive

PLACEHOLDER = "…"

# (attribute of CustomerRow, header source text, sort key or None when not sortable)
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("code", QT_TRANSLATE_NOOP("CustomerListModel", "Code"), "code"),
    ("name", QT_TRANSLATE_NOOP("CustomerListModel", "Name"), "name"),
    ("level", QT_TRANSLATE_NOOP("CustomerListModel", "Level"), "level"),
    ("region", QT_TRANSLATE_NOOP("CustomerListModel", "Region"), "region"),
    ("industry", QT_TRANSLATE_NOOP("CustomerListModel", "Industry"), None),
    ("phone", QT_TRANSLATE_NOOP("CustomerListModel", "Phone"), None),
    ("owner_name", QT_TRANSLATE_NOOP("CustomerListModel", "Owner"), None),
    ("last_follow_up_at", QT_TRANSLATE_NOOP("CustomerListModel", "Last follow-up"),
     "last_follow_up_at"),
    ("updated_at", QT_TRANSLATE_NOOP("CustomerListModel", "Updated"), "updated_at"),
)
COLUMN_OF = {attr: i for i, (attr, _, _) in enumerate(COLUMNS)}


def local_time_text(value: dt.datetime | None) -> str:
    """Stored UTC, shown in the computer's local time."""
    if value is None:
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def load_first_page(session, actor, filt: CustomerFilter, sort: str, descending: bool,
                    cap: int, limit: int) -> tuple[int, CustomerPage]:
    """Count and first page in one read transaction, so they agree with each other."""
    count = count_customers(session, actor, filt, cap=cap)
    page = list_customers(session, actor, filt, sort=sort, descending=descending, limit=limit)
    return count, page


def load_page(session, actor, filt: CustomerFilter, sort: str, descending: bool,
              after: tuple | None, offset: int, limit: int) -> CustomerPage:
    """A page starting at ``offset``: continue from ``after`` when the key before it is
    known, otherwise seek the key at ``offset`` first (same transaction)."""
    if after is None and offset > 0:
        after = seek_key(session, actor, filt, sort=sort, descending=descending,
                         offset=offset)
    return list_customers(session, actor, filt, sort=sort, descending=descending,
                          after=after, limit=limit)


def count_only(session, actor, filt: CustomerFilter, cap: int | None) -> int:
    return count_customers(session, actor, filt, cap=cap)


class CustomerListModel(QAbstractTableModel):
    PAGE_SIZE = 200
    MAX_PAGES = 40            # LRU bound: at most 8,000 rows held
    COUNT_CAP = 10_000        # first count stops here; scrolling to the end raises it ×10
    MAX_IN_FLIGHT = 2
    MAX_WANTED = 6            # pages asked for while scrolling fast: only the latest few

    count_changed = Signal(int, bool)      # rows, capped
    reloaded = Signal()                    # count and first page of a new generation shown
    page_loaded = Signal(int)
    load_failed = Signal(object)
    loading_changed = Signal(bool)

    def __init__(self, client, runner, filt: CustomerFilter | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._client, self._runner = client, runner
        self._filter = filt or CustomerFilter()
        self._sort_column = COLUMN_OF["code"]
        self._descending = False
        self._key = f"customer-list-{id(self)}"
        self._generation = 0
        self._count = 0
        self._cap = self.COUNT_CAP
        self._capped = False
        self._count_pending = False
        self._count_failed = False
        self._loading_first = False
        self._was_loading = False
        self._pages: OrderedDict[int, tuple[CustomerRow, ...]] = OrderedDict()
        # key before page p (the next_key of page p-1); survives eviction of the pages.
        self._page_after: dict[int, tuple] = {}
        self._in_flight: set[int] = set()
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._failed: set[int] = set()
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)

    # --- what the view asks ------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CustomerListModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row(), request=True)
        attr = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if row is None:
                return PLACEHOLDER if self._page_of(index.row()) not in self._pages else ""
            return self._display(row, attr)
        if role == Qt.ItemDataRole.ToolTipRole and row is not None and attr == "name":
            return row.name
        if role == Qt.ItemDataRole.ForegroundRole:
            if row is None or (attr == "owner_name" and row.owner_id is None):
                return QBrush(QColor(128, 128, 128))
        if role == Qt.ItemDataRole.UserRole:
            return row.id if row is not None else None
        return None

    def _display(self, row: CustomerRow, attr: str) -> str:
        value = getattr(row, attr)
        if attr == "owner_name" and row.owner_id is None:
            return QCoreApplication.translate("CustomerListModel", "Public pool")
        if isinstance(value, dt.datetime):
            return local_time_text(value)
        return "" if value is None else str(value)

    # --- sorting, filtering ------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if COLUMNS[column][2] is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        self.reload()

    @staticmethod
    def is_sortable(column: int) -> bool:
        return COLUMNS[column][2] is not None

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    @property
    def sort_key(self) -> str:
        return COLUMNS[self._sort_column][2]

    @property
    def filter(self) -> CustomerFilter:
        return self._filter

    def set_filter(self, filt: CustomerFilter) -> None:
        if filt != self._filter:
            self._filter = filt
            self.reload()

    def set_search_text(self, text: str) -> None:
        self.set_filter(replace(self._filter, text=text.strip()))

    # --- state for the view and tests --------------------------------------------------

    @property
    def capped(self) -> bool:
        return self._capped

    @property
    def is_loading(self) -> bool:
        return self._loading_first or bool(self._in_flight) or self._count_pending

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    def row_at(self, row: int, *, request: bool = False) -> CustomerRow | None:
        """The row if its page is cached; with ``request`` a missing page is fetched."""
        if row < 0 or row >= self._count:
            return None
        page = self._page_of(row)
        rows = self._pages.get(page)
        if rows is None:
            if request:
                self._want(page)
            return None
        self._pages.move_to_end(page)
        offset = row - page * self.PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def page_rows(self, page: int) -> tuple[CustomerRow, ...]:
        return self._pages.get(page, ())

    def customer_id(self, row: int) -> int | None:
        r = self.row_at(row)
        return r.id if r is not None else None

    def row_of_id(self, customer_id: int) -> int | None:
        """The row of a customer among the cached pages."""
        for page, rows in self._pages.items():
            for i, r in enumerate(rows):
                if r.id == customer_id:
                    return page * self.PAGE_SIZE + i
        return None

    # --- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Forget the cache and load count + first page for the current filter and sort."""
        self._generation += 1
        generation = self._generation
        for page in self._in_flight:
            self._runner.cancel(f"{self._key}:page:{page}")
        self._in_flight.clear()
        self._wanted.clear()
        self._failed.clear()
        self._count_pending = False
        self._count_failed = False
        self._runner.cancel(f"{self._key}:count")
        self._set_loading(first=True)
        self._runner.submit(self._client.read, load_first_page, self._filter, self.sort_key,
                            self._descending, self.COUNT_CAP, self.PAGE_SIZE,
                            on_done=while_alive(self, lambda res: self._first_loaded(
                                generation, res)),
                            on_error=while_alive(self, lambda exc: self._failed_load(
                                generation, None, exc)),
                            key=f"{self._key}:first")

    def _first_loaded(self, generation: int, result: tuple[int, CustomerPage]) -> None:
        if generation != self._generation:
            return
        count, page = result
        self.beginResetModel()
        self._pages.clear()
        self._page_after.clear()
        self._cap = self.COUNT_CAP
        self._count, self._capped = count, count >= self.COUNT_CAP
        self._store_page(0, page)
        self.endResetModel()
        self._set_loading(first=False)
        self.count_changed.emit(self._count, self._capped)
        self.reloaded.emit()
        self.page_loaded.emit(0)

    def _store_page(self, page: int, result: CustomerPage) -> None:
        self._pages[page] = tuple(result.rows)
        self._pages.move_to_end(page)
        if result.next_key is not None:
            self._page_after[page + 1] = result.next_key
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)

    def _page_of(self, row: int) -> int:
        return row // self.PAGE_SIZE

    def _want(self, page: int) -> None:
        if page in self._pages or page in self._in_flight or page in self._failed:
            return
        if self._loading_first:
            return  # the reset brings page 0; the view asks again afterwards
        self._wanted[page] = None
        self._wanted.move_to_end(page)
        while len(self._wanted) > self.MAX_WANTED:
            self._wanted.popitem(last=False)
        if not self._pump_timer.isActive():
            self._pump_timer.start()

    def _pump(self) -> None:
        while self._wanted and len(self._in_flight) < self.MAX_IN_FLIGHT:
            page, _ = self._wanted.popitem(last=True)  # the latest request first
            if page in self._pages or page in self._in_flight:
                continue
            self._fetch(page)
        self._set_loading()

    def _fetch(self, page: int) -> None:
        generation = self._generation
        self._in_flight.add(page)
        after = self._page_after.get(page)
        self._runner.submit(self._client.read, load_page, self._filter, self.sort_key,
                            self._descending, after, page * self.PAGE_SIZE, self.PAGE_SIZE,
                            on_done=while_alive(self, lambda res: self._page_arrived(
                                generation, page, res)),
                            on_error=while_alive(self, lambda exc: self._failed_load(
                                generation, page, exc)),
                            key=f"{self._key}:page:{page}")

    def _page_arrived(self, generation: int, page: int, result: CustomerPage) -> None:
        if generation != self._generation:
            return
        self._in_flight.discard(page)
        self._store_page(page, result)
        first = page * self.PAGE_SIZE
        last = min(first + self.PAGE_SIZE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(page)
        self._pump()

    def _failed_load(self, generation: int, page: int | None, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if page is None:  # the count or the first page
            if self._count_pending:
                self._count_pending, self._count_failed = False, True
            self._set_loading(first=False)
        else:
            self._in_flight.discard(page)
            self._failed.add(page)  # not asked again until the next reload
            self._set_loading()
        self.load_failed.emit(exc)

    def _set_loading(self, *, first: bool | None = None) -> None:
        before = self._was_loading
        if first is not None:
            self._loading_first = first
        now = self.is_loading
        self._was_loading = now
        if now != before:
            self.loading_changed.emit(now)

    # --- growing a capped count when the user reaches the end -----------------------------

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return (not parent.isValid() and self._capped and not self._count_pending
                and not self._count_failed and not self._loading_first)

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        generation = self._generation
        cap = self._cap * 10
        self._count_pending = True
        self._set_loading()
        self._runner.submit(self._client.read, count_only, self._filter, cap,
                            on_done=while_alive(self, lambda n: self._count_grown(
                                generation, cap, n)),
                            on_error=while_alive(self, lambda exc: self._failed_load(
                                generation, None, exc)),
                            key=f"{self._key}:count")

    def _count_grown(self, generation: int, cap: int, count: int) -> None:
        if generation != self._generation:
            return
        self._count_pending = False
        self._cap = cap
        self._capped = count >= cap
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        self._set_loading()
        self.count_changed.emit(self._count, self._capped)
