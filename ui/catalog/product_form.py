"""Product form (商品): SKU, name, specification, unit and its decimals, category, barcode
(typed or scanned into the field), sale price, cost, tax rate, minimum stock, active.
Warehouse staff and administrators edit; everyone else sees it read-only."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from services import catalog
from services.catalog import ProductInput
from ui.catalog.common import CatalogFormDialog, caption, decimal_text

# Units offered in the combo; any other can be typed.
UNITS = ("个", "件", "箱", "套", "台", "盒", "包", "卷", "米", "千克", "kg", "m", "pcs")
# Up to 12 digits, a point and up to 4 decimals, thousands commas allowed while typing.
_NUMBER = QRegularExpression(r"^[0-9,]{0,16}([.][0-9]{0,4})?$")


def field_label(field: str) -> str:
    labels = {
        "sku": QCoreApplication.translate("ProductForm", "SKU"),
        "name": QCoreApplication.translate("ProductForm", "Name"),
        "spec": QCoreApplication.translate("ProductForm", "Specification"),
        "unit": QCoreApplication.translate("ProductForm", "Unit"),
        "qty_decimals": QCoreApplication.translate("ProductForm", "Quantity decimals"),
        "category": QCoreApplication.translate("ProductForm", "Category"),
        "barcode": QCoreApplication.translate("ProductForm", "Barcode"),
        "sale_price": QCoreApplication.translate("ProductForm", "Sale price"),
        "cost": QCoreApplication.translate("ProductForm", "Cost"),
        "tax_rate": QCoreApplication.translate("ProductForm", "Tax rate %"),
        "min_stock": QCoreApplication.translate("ProductForm", "Minimum stock"),
        "active": QCoreApplication.translate("ProductForm", "Active"),
    }
    return labels[field]


class ProductFormDialog(CatalogFormDialog):
    """New product (``product_id`` None) or edit one. ``saved(ProductInfo)``."""

    def __init__(self, client, runner, product_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(client, runner, product_id, parent)
        self.setWindowTitle(self.tr("New product") if product_id is None
                            else self.tr("Edit product"))
        self._build()
        self.jobs.submit(self.client.read, catalog.list_categories,
                         on_done=self._categories_loaded, on_error=self._show_error)
        self.start(catalog.get_product)

    def _build(self) -> None:
        number = QRegularExpressionValidator(_NUMBER, self)
        self.sku = QLineEdit()
        self.name = QLineEdit()
        self.spec = QLineEdit()
        self.spec.setPlaceholderText(self.tr("e.g. M6×20, 500 ml"))
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(UNITS)
        self.qty_decimals = QSpinBox()
        self.qty_decimals.setRange(0, 3)
        self.qty_decimals.setToolTip(self.tr("0 for pieces; 1 to 3 for goods sold by weight "
                                             "or length (kg, m)."))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.NoInsert)
        self.category.lineEdit().setPlaceholderText(self.tr("none; type a new one to add it"))
        self.barcode = QLineEdit()
        self.barcode.setPlaceholderText(self.tr("scan or type; optional"))
        # A scanner ends with Enter: go on to the price instead of saving half a form.
        self.barcode.installEventFilter(self)
        self.sale_price = QLineEdit()
        self.cost = QLineEdit()
        self.tax_rate = QLineEdit()
        self.min_stock = QLineEdit()
        for w in (self.sale_price, self.cost, self.tax_rate, self.min_stock):
            w.setValidator(number)
            w.setAlignment(Qt.AlignRight)
        self.tax_rate.setText("13")
        self.sale_price.setText("0.00")
        self.cost.setText("0.00")
        self.min_stock.setText("0")
        self.active = QCheckBox(field_label("active"))
        self.active.setChecked(True)
        self.editors = {"sku": self.sku, "name": self.name, "spec": self.spec,
                        "unit": self.unit, "qty_decimals": self.qty_decimals,
                        "category": self.category, "barcode": self.barcode,
                        "sale_price": self.sale_price, "cost": self.cost,
                        "tax_rate": self.tax_rate, "min_stock": self.min_stock}
        columns = (("sku", "name", "spec", "category", "barcode"),
                   ("unit", "qty_decimals", "sale_price", "cost", "tax_rate", "min_stock"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setColumnMinimumWidth(2, 16)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(4, 1)
        required = ("sku", "name", "unit")
        for half, fields in enumerate(columns):
            for row, field in enumerate(fields):
                text = field_label(field) + (" *" if field in required else "")
                grid.addWidget(caption(text, self.editors[field]), row, half * 3, Qt.AlignTop)
                grid.addWidget(self.errors.wrap(field, self.editors[field]), row, half * 3 + 1)
        grid.addWidget(self.errors.wrap("active", self.active), len(columns[1]), 4)
        for field in ("sku", "name", "spec", "barcode"):
            self.editors[field].setMinimumWidth(240)
        self.category.setMinimumWidth(240)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        if not self.editable:
            self.set_read_only([*self.editors.values(), self.active])
        self.resize(max(760, self.sizeHint().width()), self.sizeHint().height())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.barcode and event.type() == QEvent.KeyPress \
                and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.sale_price.setFocus()
            self.sale_price.selectAll()
            return True
        return super().eventFilter(obj, event)

    def _categories_loaded(self, categories) -> None:
        typed = self.category.currentText()
        self.category.clear()
        self.category.addItem("")
        self.category.addItems([c.name for c in categories])
        self.category.setEditText(typed)

    def fill(self, p) -> None:
        """Show a saved product (ProductInfo)."""
        for field in ("sku", "name", "spec", "barcode"):
            self.editors[field].setText(getattr(p, field) or "")
        self.unit.setEditText(p.unit)
        self.qty_decimals.setValue(p.qty_decimals)
        self.category.setEditText(p.category_name or "")
        self.sale_price.setText(decimal_text(p.sale_price, 2))
        self.cost.setText(decimal_text(p.cost, 2))
        self.tax_rate.setText(decimal_text(p.tax_rate))
        self.min_stock.setText(decimal_text(p.min_stock))
        self.active.setChecked(p.active)

    def current_input(self) -> ProductInput:
        # Decimals go to the service as typed text: it parses them exactly and says what
        # is wrong beside the field.
        return ProductInput(
            sku=self.sku.text(), name=self.name.text(), spec=self.spec.text() or None,
            unit=self.unit.currentText(), qty_decimals=self.qty_decimals.value(),
            category=self.category.currentText().strip() or None,
            barcode=self.barcode.text() or None, sale_price=self.sale_price.text(),
            cost=self.cost.text(), tax_rate=self.tax_rate.text(),
            min_stock=self.min_stock.text(), active=self.active.isChecked())

    def save_call(self, data: ProductInput) -> tuple:
        if self.record_id is None:
            return (catalog.create_product, data)
        return (catalog.update_product, self.record_id, data, self.version)
