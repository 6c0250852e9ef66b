"""The product list (商品): type-ahead search over SKU, name, specification and barcode,
category filter, inactive products on request, pages loaded as the user scrolls (keyset by
SKU). Enter or a double click opens the form; warehouse staff and administrators add
products."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from services import catalog
from ui.catalog.common import (OK_STYLE, SearchBox, can_edit_catalog, money_text,
                               open_dialog)
from ui.catalog.product_form import ProductFormDialog
from ui.errors import describe as error_text
from ui.widgets.lifetime import OwnedRunner

PAGE = 200
SEARCH_DEBOUNCE_MS = 250
COLUMNS = ("sku", "name", "spec", "unit", "category_name", "barcode", "sale_price", "cost",
           "min_stock", "active")
_RIGHT = ("sale_price", "cost", "min_stock")


class ProductListModel(QAbstractTableModel):
    """Products of one search, a page at a time (``fetchMore`` asks for the next one)."""

    def __init__(self, client, runner, parent=None):
        super().__init__(parent)
        self.client = client
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []
        self.text, self.category_id, self.active_only = "", None, True
        self._complete = True
        self._loading = False
        self._generation = 0
        self.error: BaseException | None = None

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        titles = {"sku": self.tr("SKU"), "name": self.tr("Name"), "spec": self.tr("Spec"),
                  "unit": self.tr("Unit"), "category_name": self.tr("Category"),
                  "barcode": self.tr("Barcode"), "sale_price": self.tr("Sale price"),
                  "cost": self.tr("Cost"), "min_stock": self.tr("Min. stock"),
                  "active": self.tr("Active")}
        return titles[COLUMNS[section]]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.DisplayRole:
            value = getattr(p, column)
            if column in ("sale_price", "cost"):
                return money_text(value)
            if column == "min_stock":
                return f"{value:,.{p.qty_decimals}f}"
            if column == "active":
                return self.tr("yes") if value else self.tr("no")
            return value or ""
        if role == Qt.TextAlignmentRole and column in _RIGHT:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and not p.active:
            return QBrush(QColor("#9e9e9e"))
        if role == Qt.UserRole:
            return p
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._complete and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._load(self.rows[-1].sku if self.rows else None)

    # -- loading --------------------------------------------------------------------------
    def search(self, text: str, category_id: int | None, active_only: bool) -> None:
        self.text, self.category_id, self.active_only = text, category_id, active_only
        self._generation += 1
        self.beginResetModel()
        self.rows, self._complete = [], False
        self.endResetModel()
        self._loading = False
        self._load(None)

    def reload(self) -> None:
        self.search(self.text, self.category_id, self.active_only)

    def _load(self, after_sku: str | None) -> None:
        self._loading = True
        generation = self._generation
        self.jobs.submit(self.client.read, catalog.search_products, self.text,
                         active_only=self.active_only, limit=PAGE, after_sku=after_sku,
                         category_id=self.category_id,
                         on_done=lambda rows: self._page(generation, rows),
                         on_error=lambda exc: self._failed(generation, exc))

    def _page(self, generation: int, rows) -> None:
        if generation != self._generation:
            return                         # an older search: its rows are not wanted
        self._loading = False
        self.error = None
        self._complete = len(rows) < PAGE
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.layoutChanged.emit()           # the count label listens

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading, self._complete, self.error = False, True, exc
        self.layoutChanged.emit()

    def replace(self, product) -> None:
        """Show a saved product in place (or at the end when new to this list)."""
        for i, p in enumerate(self.rows):
            if p.id == product.id:
                self.rows[i] = product
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(product)
        self.endInsertRows()

    @property
    def complete(self) -> bool:
        return self._complete


class ProductListWidget(QWidget):
    """The product list page. ``product_saved(ProductInfo)`` after a form saved."""

    product_saved = Signal(object)

    def __init__(self, client, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.form: ProductFormDialog | None = None
        self.model = ProductListModel(client, runner, self)

        self.search = SearchBox(self.tr("SKU, name, spec or barcode…"), self.apply_filters, SEARCH_DEBOUNCE_MS)
        self.category_label = QLabel(self.tr("Category"))
        self.category = QComboBox()
        self.category.setMinimumWidth(140)
        self.category.addItem(self.tr("(all)"), None)
        self.category.currentIndexChanged.connect(self.apply_filters)
        self.category_label.setBuddy(self.category)
        self.show_inactive = QCheckBox(self.tr("Show inactive"))
        self.show_inactive.toggled.connect(self.apply_filters)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.count_label.setMinimumWidth(120)
        self.new_button = QPushButton(self.tr("New product"))
        self.new_button.clicked.connect(self.new_product)
        self.new_button.setVisible(can_edit_catalog(client.actor))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Create or update products from an .xlsx or "
                                              ".csv file"))
        self.import_button.clicked.connect(self.import_products)
        self.import_button.setVisible(can_edit_catalog(client.actor))
        self.import_dialog = None
        self.notice = QLabel()              # what the last import did
        self.notice.setStyleSheet(OK_STYLE)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.Interactive)
        for column, width in (("sku", 120), ("name", 220), ("spec", 140), ("unit", 50),
                              ("category_name", 100), ("barcode", 130), ("sale_price", 90),
                              ("cost", 90), ("min_stock", 80)):
            self.table.setColumnWidth(COLUMNS.index(column), width)
        self.table.activated.connect(self._activated)
        self.model.layoutChanged.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.category_label)
        bar.addWidget(self.category)
        bar.addWidget(self.show_inactive)
        bar.addStretch(1)
        bar.addWidget(self.notice)
        bar.addWidget(self.count_label)
        bar.addWidget(self.new_button)
        bar.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)

        self.load_categories()
        self.apply_filters()

    def load_categories(self) -> None:
        self.jobs.submit(self.client.read, catalog.list_categories,
                         on_done=self._categories, on_error=lambda _e: None)

    def _categories(self, categories) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("(all)"), None)
        for c in categories:
            self.category.addItem(c.name, c.id)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)

    def apply_filters(self) -> None:
        self.search.timer.stop()
        self.count_label.setText(self.tr("Searching…"))
        self.model.search(self.search.text().strip(), self.category.currentData(),
                          not self.show_inactive.isChecked())

    def refresh(self) -> None:
        self.load_categories()
        self.model.reload()

    def _update_count(self, *_args) -> None:
        if self.model.error is not None:
            self.count_label.setText(error_text(self.model.error))
            return
        n = len(self.model.rows)
        if n == 0 and self.model.complete:
            text = self.tr("No product matches.")
        elif self.model.complete:
            text = self.tr("%1 products").replace("%1", f"{n:,}")
        else:
            text = self.tr("%1+ products").replace("%1", f"{n:,}")
        self.count_label.setText(text)

    def selected_product(self):
        index = self.table.currentIndex()
        return self.model.data(index, Qt.UserRole) if index.isValid() else None

    def _activated(self, index) -> None:
        product = self.model.data(index, Qt.UserRole)
        if product is not None:
            self.edit_product(product.id)

    def new_product(self) -> ProductFormDialog:
        self.form = open_dialog(ProductFormDialog(self.client, self.runner, parent=self),
                                self._saved)
        return self.form

    def edit_product(self, product_id: int) -> ProductFormDialog:
        self.form = open_dialog(ProductFormDialog(self.client, self.runner, product_id,
                                                  parent=self), self._saved)
        return self.form

    def import_products(self):
        from ui.catalog.product_import import ProductImportDialog
        dialog = ProductImportDialog(self.client, self.runner, parent=self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, result) -> None:
        self.notice.setText(self.tr("Imported: %1 new, %2 updated.")
                                 .replace("%1", str(result.created))
                                 .replace("%2", str(result.updated)))
        self.refresh()

    def _saved(self, product) -> None:
        self.model.replace(product)
        self._update_count()
        self.load_categories()
        self.product_saved.emit(product)
