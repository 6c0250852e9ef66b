"""Warehouse screens: the clerk's page with the "to ship" and "to receive" queues, the stock
document editor (barcode and keyboard line entry, posting), the document list, the stock
inquiry and the low-stock list.

Shared here: quantities as a clerk reads and types them, the words for document types and
states, the warehouse choice."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

from services import catalog


def qty_text(value: Decimal | None, decimals: int | None = None) -> str:
    """3.000 → '3', 2.500 with 3 decimals → '2.5' (trailing zeros dropped), None → ''."""
    if value is None:
        return ""
    value = Decimal(value)
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals))
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def parse_qty(text: str) -> Decimal | None:
    """What a clerk types for a quantity: '3', '2.5', '1,200'. '' → None; else ValueError."""
    t = (text or "").strip().replace(",", "").replace("，", "").replace(" ", "")
    if not t:
        return None
    try:
        value = Decimal(t)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def doc_type_name(doc_type: str) -> str:
    names = {"GR": QCoreApplication.translate("Stock", "Goods receipt"),
             "DN": QCoreApplication.translate("Stock", "Delivery note"),
             "CR": QCoreApplication.translate("Stock", "Customer return"),
             "SR": QCoreApplication.translate("Stock", "Supplier return"),
             "TR": QCoreApplication.translate("Stock", "Transfer"),
             "SC": QCoreApplication.translate("Stock", "Stock count")}
    return names.get(doc_type, doc_type)


def doc_state_name(state: str) -> str:
    names = {"draft": QCoreApplication.translate("Stock", "Draft"),
             "submitted": QCoreApplication.translate("Stock", "Awaiting approval"),
             "posted": QCoreApplication.translate("Stock", "Posted"),
             "cancelled": QCoreApplication.translate("Stock", "Cancelled")}
    return names.get(state, state)


def load_warehouses(session, actor):
    """Active warehouses for a combo box."""
    return catalog.list_warehouses(session, actor)


def fill_warehouse_combo(combo, warehouses, *, any_text: str | None = None,
                         keep: int | None = None) -> None:
    """Warehouses as 'code name' with the id as data; ``any_text`` adds an 'all' row
    (data None) first; the warehouse ``keep`` (an id) stays selected."""
    combo.blockSignals(True)
    combo.clear()
    if any_text is not None:
        combo.addItem(any_text, None)
    for w in warehouses:
        combo.addItem(f"{w.code} {w.name}", w.id)
    index = combo.findData(keep) if keep is not None else -1
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)
