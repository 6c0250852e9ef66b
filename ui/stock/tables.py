"""Pieces the stock and order screens share: small read-only tables of service rows
(queues, lists, balances: one row per dataclass, the id kept in the first cell, numbers
right-aligned), the editable lines view of a document or order, and its title row."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTableView,
                               QTableWidget, QTableWidgetItem)

ID_ROLE = Qt.UserRole


def make_table(headers: Sequence[str], *, stretch: int | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    if stretch is not None:
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.Stretch)
    table.setProperty("stretch_column", stretch)
    return table


def set_headers(table: QTableWidget, headers: Sequence[str]) -> None:
    table.setHorizontalHeaderLabels(list(headers))


def fill_table(table: QTableWidget, rows: Sequence[Any], cells: Callable[[Any], Sequence[str]],
               *, right: Sequence[int] = (), row_id: Callable[[Any], Any] = lambda r: r.id,
               keep_selection: bool = True) -> None:
    """Show ``rows`` (each turned into its texts by ``cells``); the row whose id was
    selected stays selected."""
    selected = selected_id(table) if keep_selection else None
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(cells(row)):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setData(ID_ROLE, row_id(row))
            if c in right:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            table.setItem(r, c, item)
    # Sized to their contents, except the stretching one (sizing it would pin its width).
    stretch = table.property("stretch_column")
    for c in range(table.columnCount()):
        if c != stretch:
            table.resizeColumnToContents(c)
    if selected is not None:
        select_id(table, selected)


def selected_id(table: QTableWidget) -> Any:
    row = table.currentRow()
    if row < 0 or table.item(row, 0) is None:
        return None
    return table.item(row, 0).data(ID_ROLE)


def select_id(table: QTableWidget, value: Any) -> bool:
    for r in range(table.rowCount()):
        item = table.item(r, 0)
        if item is not None and item.data(ID_ROLE) == value:
            table.selectRow(r)
            return True
    return False


def column_texts(table: QTableWidget, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]


LINE_EDIT_TRIGGERS = (QAbstractItemView.AnyKeyPressed | QAbstractItemView.DoubleClicked
                      | QAbstractItemView.EditKeyPressed)


def lines_view(model, event_filter) -> QTableView:
    """The lines of a document or order: whole rows selected, a typed key starts editing the
    cell (``event_filter`` handles Delete and the like)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setEditTriggers(LINE_EDIT_TRIGGERS)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.installEventFilter(event_filter)
    return view


def title_row(prefix: str) -> tuple[QLabel, QLabel, QHBoxLayout]:
    """A bold title on the left, the state on the right (object names ``<prefix>_title``
    and ``<prefix>_state``)."""
    title, state = QLabel(), QLabel()
    title.setObjectName(f"{prefix}_title")
    title.setStyleSheet("font-size: 15px; font-weight: bold;")
    state.setObjectName(f"{prefix}_state")
    row = QHBoxLayout()
    row.addWidget(title)
    row.addStretch(1)
    row.addWidget(state)
    return title, state, row
