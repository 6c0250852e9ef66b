"""The lines grid of a sales or purchase order: product, quantity, tax-inclusive price,
discount (sales only) and tax rate typed in place; amount and tax worked out as the
services do (services/order_lines.line_money), so the totals shown while typing are the
totals that will be saved. Once the order is approved the grid is read-only and shows the
progress columns (reserved / delivered / received, still open)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from services.order_lines import OrderLineInput, line_money
from services.stock_ledger import plain as _plain
from ui.orders import amount_text
from ui.stock import parse_qty, qty_text
from ui.stock.doc_lines import LinesModelMixin

(COL_NO, COL_SKU, COL_NAME, COL_UNIT, COL_QTY, COL_PRICE, COL_DISCOUNT, COL_TAX, COL_AMOUNT,
 COL_TAX_AMOUNT, COL_RESERVED, COL_DONE, COL_OPEN) = range(13)
ERROR_BRUSH = QBrush(QColor("#fdecea"))
PERCENT_COLS = (COL_DISCOUNT, COL_TAX)


@dataclass
class OrderLine:
    product_id: int
    sku: str
    name: str
    unit: str
    qty_decimals: int
    qty: Decimal
    unit_price: Decimal
    discount_pct: Decimal = Decimal(0)
    tax_rate: Decimal = Decimal(13)
    reserved_qty: Decimal | None = None
    done_qty: Decimal | None = None          # delivered (sales) / received (purchase)
    open_qty: Decimal | None = None

    def money(self) -> tuple[Decimal, Decimal, Decimal]:
        return line_money(self.qty, self.unit_price, self.discount_pct, self.tax_rate)


class OrderLinesModel(LinesModelMixin, QAbstractTableModel):
    lines_changed = Signal()
    problem = Signal(str)

    def __init__(self, *, purchase: bool, parent=None):
        super().__init__(parent)
        self.purchase = purchase
        self.lines: list[OrderLine] = []
        self.editable = True
        self.error_rows: set[int] = set()
        self.show_progress = False
        self._set_columns()

    def _set_columns(self) -> None:
        cols = [COL_NO, COL_SKU, COL_NAME, COL_UNIT, COL_QTY, COL_PRICE]
        if not self.purchase:
            cols.append(COL_DISCOUNT)
        cols += [COL_TAX, COL_AMOUNT, COL_TAX_AMOUNT]
        if self.show_progress:
            cols += ([] if self.purchase else [COL_RESERVED]) + [COL_DONE, COL_OPEN]
        self.columns = cols

    def set_progress_visible(self, visible: bool) -> None:
        if visible != self.show_progress:
            self.beginResetModel()
            self.show_progress = visible
            self._set_columns()
            self.endResetModel()

    def column_of(self, kind: int) -> int:
        return self.columns.index(kind)

    def load(self, infos) -> None:
        """Lines of a SalesOrderInfo / PurchaseOrderInfo."""
        self.beginResetModel()
        self.lines = [OrderLine(
            i.product_id, i.sku, i.product_name, i.unit, getattr(i, "qty_decimals", 0),
            Decimal(i.qty), Decimal(i.unit_price),
            Decimal(getattr(i, "discount_pct", 0) or 0), Decimal(i.tax_rate),
            getattr(i, "reserved_qty", None),
            getattr(i, "delivered_qty", getattr(i, "received_qty", None)), i.open_qty)
            for i in infos]
        self.error_rows = set()
        self.endResetModel()

    # -- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        titles = {COL_NO: self.tr("#"), COL_SKU: self.tr("SKU"), COL_NAME: self.tr("Product"),
                  COL_UNIT: self.tr("Unit"), COL_QTY: self.tr("Quantity"),
                  COL_PRICE: self.tr("Unit price (incl. tax)"),
                  COL_DISCOUNT: self.tr("Discount %"), COL_TAX: self.tr("Tax %"),
                  COL_AMOUNT: self.tr("Amount"), COL_TAX_AMOUNT: self.tr("Tax"),
                  COL_RESERVED: self.tr("Reserved"),
                  COL_DONE: self.tr("Received") if self.purchase else self.tr("Delivered"),
                  COL_OPEN: self.tr("Open")}
        return titles[self.columns[section]]

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.editable and self.columns[index.column()] in (COL_QTY, COL_PRICE, COL_DISCOUNT,
                                                              COL_TAX):
            return base | Qt.ItemIsEditable
        return base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        ln = self.lines[index.row()]
        kind = self.columns[index.column()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            amount, tax, _discount = ln.money()
            values = {COL_NO: str(index.row() + 1), COL_SKU: ln.sku, COL_NAME: ln.name,
                      COL_UNIT: ln.unit, COL_QTY: qty_text(ln.qty, ln.qty_decimals),
                      COL_PRICE: _price(ln.unit_price), COL_DISCOUNT: _plain(ln.discount_pct),
                      COL_TAX: _plain(ln.tax_rate), COL_AMOUNT: amount_text(amount),
                      COL_TAX_AMOUNT: amount_text(tax),
                      COL_RESERVED: qty_text(ln.reserved_qty, ln.qty_decimals),
                      COL_DONE: qty_text(ln.done_qty, ln.qty_decimals),
                      COL_OPEN: qty_text(ln.open_qty, ln.qty_decimals)}
            if role == Qt.EditRole and kind == COL_PRICE:
                return _plain(ln.unit_price)
            return values[kind]
        if role == Qt.TextAlignmentRole and kind not in (COL_SKU, COL_NAME, COL_UNIT):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole and index.row() in self.error_rows:
            return ERROR_BRUSH
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:  # noqa: N802
        if role != Qt.EditRole or not index.isValid() or not self.editable:
            return False
        ln = self.lines[index.row()]
        kind = self.columns[index.column()]
        text = str(value).strip().replace("%", "").replace("¥", "").replace("￥", "")
        try:
            number = parse_qty(text)
        except ValueError:
            self.problem.emit(self.tr("“%1” is not a number.").replace("%1", str(value)))
            return False
        if number is None or number < 0:
            self.problem.emit(self.tr("Type a number of 0 or more."))
            return False
        if kind == COL_QTY:
            if number == 0:
                self.problem.emit(self.tr("Type a quantity above zero, or press Delete to "
                                          "remove the line."))
                return False
            if number != number.quantize(Decimal(1).scaleb(-ln.qty_decimals)):
                self.problem.emit(self.tr("%1 takes at most %2 decimals.").replace(
                    "%1", ln.sku).replace("%2", str(ln.qty_decimals)))
                return False
            ln.qty = number
        elif kind == COL_PRICE:
            places = 4 if self.purchase else 2
            if number != number.quantize(Decimal(1).scaleb(-places)):
                self.problem.emit(self.tr("A price has at most %1 decimals.").replace(
                    "%1", str(places)))
                return False
            ln.unit_price = number
        elif kind in PERCENT_COLS:
            if number > 100 or number != number.quantize(Decimal("0.01")):
                self.problem.emit(self.tr("A percentage is from 0 to 100, with at most two "
                                          "decimals."))
                return False
            if kind == COL_DISCOUNT:
                ln.discount_pct = number
            else:
                ln.tax_rate = number
        else:
            return False
        self.error_rows.discard(index.row())
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(self.columns) - 1))
        self.lines_changed.emit()
        return True

    # -- operations ----------------------------------------------------------------------------
    def add_product(self, product, qty: Decimal = Decimal(1)) -> int:
        """One more of the product (its line, or a new one at its list price and rate)."""
        for row, ln in enumerate(self.lines):
            if ln.product_id == product.id:
                ln.qty += qty
                self.dataChanged.emit(self.index(row, 0),
                                      self.index(row, len(self.columns) - 1))
                self.lines_changed.emit()
                return row
        price = product.cost if self.purchase else product.sale_price
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(OrderLine(product.id, product.sku, product.name, product.unit,
                                    product.qty_decimals, qty, Decimal(price),
                                    tax_rate=Decimal(product.tax_rate)))
        self.endInsertRows()
        self.lines_changed.emit()
        return row

    def totals(self) -> tuple[Decimal, Decimal, Decimal]:
        """(total, tax, discount) as the services will compute them."""
        total = tax = discount = Decimal(0)
        for ln in self.lines:
            a, t, d = ln.money()
            total, tax, discount = total + a, tax + t, discount + d
        return total, tax, discount

    def inputs(self) -> tuple[OrderLineInput, ...]:
        return tuple(OrderLineInput(product_id=ln.product_id, qty=ln.qty,
                                    unit_price=ln.unit_price,
                                    discount_pct=Decimal(0) if self.purchase else ln.discount_pct,
                                    tax_rate=ln.tax_rate) for ln in self.lines)


def _price(value: Decimal) -> str:
    """A price with at least its cents: 68 → '68.00', 2.2599 → '2.2599'."""
    text = _plain(value)
    cents = len(text.partition(".")[2])
    return text + ("." if not cents else "") + "0" * max(0, 2 - cents)
