"""The lines of a stock document being entered: a table model the clerk edits with the
keyboard (quantities typed over, +/- by one, Delete removes) and the barcode scanner feeds
(a scanned product is added, or its line goes up by one).

The model keeps what it was loaded with, so a product scanned again after its line was
deleted gets its order line back (a delivery line must stay tied to its sales-order line)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from services.stock_documents import DocLineInput
from ui.stock import parse_qty, qty_text

COL_NO, COL_SKU, COL_NAME, COL_SPEC, COL_UNIT, COL_SYSTEM, COL_QTY, COL_DIFF, COL_COST, \
    COL_REASON = range(10)
ERROR_BRUSH = QBrush(QColor("#fdecea"))
TOUCHED_BRUSH = QBrush(QColor("#e8f5e9"))


@dataclass
class EditLine:
    """One line as the editor holds it (the service's DocLineInfo, or a scanned product)."""
    product_id: int
    sku: str
    name: str
    spec: str | None
    unit: str
    qty_decimals: int
    barcode: str | None
    qty: Decimal
    system_qty: Decimal | None = None
    unit_cost: Decimal | None = None
    unit_price: Decimal | None = None
    po_line_id: int | None = None
    so_line_id: int | None = None
    source_line_id: int | None = None
    reason: str | None = None

    @classmethod
    def from_info(cls, info) -> "EditLine":
        return cls(info.product_id, info.sku, info.product_name, info.spec, info.unit,
                   info.qty_decimals, info.barcode, Decimal(info.qty), info.system_qty,
                   info.unit_cost, info.unit_price, info.po_line_id, info.so_line_id,
                   info.source_line_id, info.reason)

    @classmethod
    def from_product(cls, product, qty: Decimal) -> "EditLine":
        return cls(product.id, product.sku, product.name, product.spec, product.unit,
                   product.qty_decimals, product.barcode, qty)


class LinesModelMixin:
    """For a table model holding ``self.lines`` (also the order forms' lines): removing
    rows and marking the row a refusal is about. Row numbers shift, so all rows repaint."""

    def remove_rows(self, rows) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self.lines):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.lines[row]
                self.endRemoveRows()
        self.error_rows = set()
        self.rows_removed()
        self.repaint_all()
        self.lines_changed.emit()

    def rows_removed(self) -> None:
        """Subclasses forget what pointed at a row."""

    def mark_error(self, row: int | None) -> None:
        self.error_rows = {row} if row is not None and 0 <= row < len(self.lines) else set()
        self.repaint_all()

    def repaint_all(self) -> None:
        if self.lines:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.lines) - 1, len(self.columns) - 1))


class DocLinesModel(LinesModelMixin, QAbstractTableModel):
    """``lines_changed`` after every edit the user made (not after ``load``);
    ``problem(text)`` when a typed value is refused."""

    lines_changed = Signal()
    problem = Signal(str)

    def __init__(self, doc_type: str, parent=None):
        super().__init__(parent)
        self.doc_type = doc_type
        self.lines: list[EditLine] = []
        self.origin: dict[int, EditLine] = {}   # product id → line as loaded
        self.editable = True
        self.cost_editable = False
        self.error_rows: set[int] = set()
        self.touched_row: int | None = None
        self.columns = [COL_NO, COL_SKU, COL_NAME, COL_SPEC, COL_UNIT]
        if doc_type == "SC":
            self.columns += [COL_SYSTEM, COL_QTY, COL_DIFF]
        else:
            self.columns += [COL_QTY]
        if doc_type == "GR":
            self.columns.append(COL_COST)
        if doc_type in ("CR", "SR"):
            self.columns.append(COL_REASON)

    # -- loading ------------------------------------------------------------------------
    def load(self, infos) -> None:
        self.beginResetModel()
        self.lines = [EditLine.from_info(i) for i in infos]
        self.origin = {ln.product_id: replace(ln) for ln in self.lines}
        self.error_rows = set()
        self.touched_row = None
        self.endResetModel()

    def column_of(self, kind: int) -> int:
        return self.columns.index(kind)

    # -- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        kind = self.columns[section]
        titles = {COL_NO: self.tr("#"), COL_SKU: self.tr("SKU"), COL_NAME: self.tr("Product"),
                  COL_SPEC: self.tr("Specification"), COL_UNIT: self.tr("Unit"),
                  COL_SYSTEM: self.tr("Book qty"),
                  COL_QTY: self.tr("Counted") if self.doc_type == "SC" else self.tr("Quantity"),
                  COL_DIFF: self.tr("Difference"), COL_COST: self.tr("Unit cost"),
                  COL_REASON: self.tr("Reason")}
        return titles[kind]

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        kind = self.columns[index.column()]
        if self.editable and (kind in (COL_QTY, COL_REASON)
                              or (kind == COL_COST and self.cost_editable)):
            return base | Qt.ItemIsEditable
        return base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        ln = self.lines[index.row()]
        kind = self.columns[index.column()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            if kind == COL_NO:
                return str(index.row() + 1)
            if kind == COL_SKU:
                return ln.sku
            if kind == COL_NAME:
                return ln.name
            if kind == COL_SPEC:
                return ln.spec or ""
            if kind == COL_UNIT:
                return ln.unit
            if kind == COL_QTY:
                return qty_text(ln.qty, ln.qty_decimals)
            if kind == COL_SYSTEM:
                return qty_text(ln.system_qty, ln.qty_decimals)
            if kind == COL_DIFF:
                if ln.system_qty is None:
                    return ""
                diff = ln.qty - ln.system_qty
                return ("+" if diff > 0 else "") + qty_text(diff, ln.qty_decimals)
            if kind == COL_COST:
                return "" if ln.unit_cost is None else f"{Decimal(ln.unit_cost):.4f}".rstrip(
                    "0").rstrip(".")
            if kind == COL_REASON:
                return ln.reason or ""
        if role == Qt.TextAlignmentRole and kind in (COL_NO, COL_QTY, COL_SYSTEM, COL_DIFF,
                                                      COL_COST):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole:
            if index.row() in self.error_rows:
                return ERROR_BRUSH
            if index.row() == self.touched_row:
                return TOUCHED_BRUSH
        if role == Qt.ToolTipRole and ln.barcode:
            return self.tr("Barcode %1").replace("%1", ln.barcode)
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:  # noqa: N802
        if role != Qt.EditRole or not index.isValid() or not self.editable:
            return False
        ln = self.lines[index.row()]
        kind = self.columns[index.column()]
        if kind == COL_REASON:
            ln.reason = str(value).strip() or None
        elif kind in (COL_QTY, COL_COST):
            try:
                number = parse_qty(str(value))
            except ValueError:
                self.problem.emit(self.tr("“%1” is not a number.").replace("%1", str(value)))
                return False
            if kind == COL_COST:
                if number is not None and number < 0:
                    self.problem.emit(self.tr("A cost cannot be negative."))
                    return False
                ln.unit_cost = number
            else:
                refusal = self.qty_refusal(ln, number)
                if refusal:
                    self.problem.emit(refusal)
                    return False
                ln.qty = number
        else:
            return False
        self._row_changed(index.row())
        return True

    def qty_refusal(self, ln: EditLine, number: Decimal | None) -> str:
        """Why ``number`` cannot be this line's quantity ('' when it can)."""
        if number is None or number < 0 or (number == 0 and self.doc_type != "SC"):
            return self.tr("Type a quantity above zero, or press Delete to remove the line.")
        if number != number.quantize(Decimal(1).scaleb(-ln.qty_decimals)):
            if ln.qty_decimals == 0:
                return self.tr("%1 is counted in whole %2.").replace("%1", ln.sku).replace(
                    "%2", ln.unit)
            return self.tr("%1 takes at most %2 decimals.").replace("%1", ln.sku).replace(
                "%2", str(ln.qty_decimals))
        return ""

    # -- the clerk's operations ----------------------------------------------------------
    def row_of_product(self, product_id: int) -> int | None:
        for row, ln in enumerate(self.lines):
            if ln.product_id == product_id:
                return row
        return None

    def add_product(self, product, qty: Decimal = Decimal(1)) -> int:
        """+qty on the product's line, or a new line (restoring its order link if it was on
        the document as loaded). Returns the row."""
        row = self.row_of_product(product.id)
        if row is not None:
            self.change_qty(row, qty)
            return row
        origin = self.origin.get(product.id)
        line = replace(origin, qty=qty) if origin is not None else \
            EditLine.from_product(product, qty)
        if self.doc_type == "GR" and line.unit_cost is None and origin is None:
            line.unit_cost = getattr(product, "cost", None)
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(line)
        self.endInsertRows()
        self._row_changed(row)
        return row

    def change_qty(self, row: int, delta: Decimal) -> bool:
        ln = self.lines[row]
        new = ln.qty + delta
        if new <= 0 and self.doc_type != "SC" or new < 0:
            return False
        ln.qty = new
        self._row_changed(row)
        return True

    def rows_removed(self) -> None:
        self.touched_row = None

    def _row_changed(self, row: int) -> None:
        previous = self.touched_row
        self.touched_row = row
        self.error_rows.discard(row)
        for r in {row, previous} - {None}:
            if 0 <= r < len(self.lines):
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))
        self.lines_changed.emit()

    def total_qty(self) -> Decimal:
        return sum((ln.qty for ln in self.lines), Decimal(0))

    def inputs(self):
        """The lines as the services take them (DocLineInput)."""
        return tuple(DocLineInput(product_id=ln.product_id, qty=ln.qty, unit_cost=ln.unit_cost,
                                  unit_price=ln.unit_price, po_line_id=ln.po_line_id,
                                  so_line_id=ln.so_line_id, source_line_id=ln.source_line_id,
                                  reason=ln.reason, system_qty=ln.system_qty)
                     for ln in self.lines)
