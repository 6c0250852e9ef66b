"""What a printed document shows: one context builder per document type.

Each builder reads the document with its own queries straight from the models (so printing
does not depend on the order/stock services' return types) and returns a plain dict whose
fields are exactly those documented in services/print_fields.py — the template validator
checks templates against that list and docs/print-templates.md prints it. Money is Decimal
(tax-inclusive, as stored), quantities are Decimal rounded to the product's decimals, dates
are dates. ``language`` ('zh' or 'en') only chooses the words of ``document.state_name``
and of the statement's entry types.

Who may print what mirrors who may read it: stock documents and purchase orders —
warehouse, finance, admin (a delivery note also the sales staff who see its customer);
sales orders and quotations — the sales staff who see the customer, warehouse, finance,
admin; customer statements — finance, admin and the customer's sales staff; payment
receipts — finance and admin.

Not yet backed by tables: the customer statement is built from posted delivery notes
(debit) and customer returns (credit) only, because there is no finance module yet —
payments are not deducted; a payment receipt is printed from fields typed in (there is no
payment table yet).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from models.catalog import Product, Supplier, SupplierContact, Warehouse
from models.org import User
from models.party import Contact, Customer
from models.stock import (PurchaseOrder, PurchaseOrderLine, SalesOrder, SalesOrderLine,
                          StockDocument, StockDocumentLine)
from services.errors import NotFound, PermissionDenied, ValidationError
from services.money import CENT
from services.org import Actor, customer_visibility
from services.print_settings import company_profile, print_options

__all__ = ["ReceiptInput", "build_context", "find_document", "delivery_note_context",
           "quotation_context", "sales_order_context", "purchase_order_context",
           "goods_receipt_context", "statement_context", "payment_receipt_context",
           "copies_of", "line_dict", "totals", "STATE_NAMES"]

ALL_READERS = ("warehouse", "finance", "admin")
SALES = ("sales", "sales_manager")

STATE_NAMES = {
    "zh": {"draft": "草稿", "submitted": "已提交", "approved": "已审批", "posted": "已过账",
           "partially_received": "部分到货", "received": "已到货", "cancelled": "已作废",
           "partially_delivered": "部分发货", "delivered": "已发货"},
    "en": {"draft": "draft", "submitted": "submitted", "approved": "approved",
           "posted": "posted", "partially_received": "partially received",
           "received": "received", "cancelled": "cancelled",
           "partially_delivered": "partially delivered", "delivered": "delivered"},
}
ENTRY_NAMES = {"zh": {"DN": "送货", "CR": "退货"}, "en": {"DN": "delivery", "CR": "return"}}


@dataclass(frozen=True)
class ReceiptInput:
    """A payment receipt (收据) typed in by finance: there is no payment table yet."""
    payer: str
    amount: Decimal
    purpose: str
    date: dt.date | None = None
    method: str = ""
    number: str = ""
    remark: str = ""


# --------------------------------------------------------------------------- shared parts

def money(value: Any) -> Decimal:
    return Decimal(value or 0).quantize(CENT, rounding=ROUND_HALF_UP)


def _qty(value: Any, decimals: int) -> Decimal:
    return Decimal(value or 0).quantize(Decimal(1).scaleb(-int(decimals or 0)),
                                        rounding=ROUND_HALF_UP)


def line_dict(line_no: int, *, code: str, name: str, spec: str | None, unit: str,
              barcode: str | None, qty: Decimal, price: Decimal, tax_rate: Decimal,
              amount: Decimal | None = None, tax_amount: Decimal | None = None,
              note: str | None = None, **extra: Any) -> dict:
    """One printed line: amount = round(qty × price, 2) unless the order stored it; the tax
    inside the tax-inclusive amount is round(amount − amount / (1 + rate/100), 2)."""
    amount = money(qty * price) if amount is None else money(amount)
    rate = Decimal(tax_rate or 0)
    if tax_amount is None:
        tax_amount = money(amount - amount / (1 + rate / 100))
    tax_amount = money(tax_amount)
    return {"line_no": line_no, "code": code, "name": name, "spec": spec or "", "unit": unit,
            "barcode": barcode or "", "qty": qty, "price": money(price), "amount": amount,
            "tax_rate": rate.normalize() if rate == rate.to_integral() else rate,
            "tax_amount": tax_amount, "amount_ex_tax": amount - tax_amount,
            "note": note or "", **extra}


def totals(lines: list[dict]) -> dict:
    total = sum((ln["amount"] for ln in lines), Decimal("0.00"))
    tax = sum((ln["tax_amount"] for ln in lines), Decimal("0.00"))
    return {"total": total, "tax_total": tax, "total_ex_tax": total - tax,
            "total_qty": sum((ln["qty"] for ln in lines), Decimal(0)),
            "line_count": len(lines)}


def _company(session: Session) -> dict:
    c = company_profile(session)
    return {"name": c.name, "address": c.address, "phone": c.phone, "fax": c.fax,
            "email": c.email, "website": c.website, "tax_id": c.tax_id,
            "bank_name": c.bank_name, "bank_account": c.bank_account}


def _user(actor: Actor) -> dict:
    return {"name": actor.display_name, "login": actor.login}


def _state(state: str, language: str) -> str:
    return STATE_NAMES.get(language, STATE_NAMES["zh"]).get(state, state)


def _customer(session: Session, actor: Actor, customer_id: int | None) -> dict:
    """The customer block; NotFound when the actor may not see the customer."""
    if customer_id is None:
        return {k: "" for k in ("code", "name", "address", "phone", "email", "tax_id",
                                "contact", "contact_phone")}
    c = session.scalar(select(Customer).where(
        Customer.id == customer_id, customer_visibility(session, actor, Customer.owner_id)))
    if c is None:
        raise NotFound("customer", customer_id)
    contact = session.execute(
        select(Contact.name, Contact.phone).where(Contact.customer_id == c.id)
        .order_by(Contact.is_primary.desc(), Contact.id).limit(1)).first()
    return {"code": c.code, "name": c.name, "address": c.address or "", "phone": c.phone or "",
            "email": c.email or "", "tax_id": c.tax_id or "",
            "contact": contact.name if contact else "",
            "contact_phone": (contact.phone or "") if contact else ""}


def _supplier(session: Session, supplier_id: int | None) -> dict:
    if supplier_id is None:
        return {k: "" for k in ("code", "name", "address", "phone", "email", "tax_id",
                                "bank_account", "payment_terms", "contact", "contact_phone")}
    s = session.get(Supplier, supplier_id)
    if s is None:
        raise NotFound("supplier", supplier_id)
    contact = session.execute(
        select(SupplierContact.name, SupplierContact.phone)
        .where(SupplierContact.supplier_id == s.id)
        .order_by(SupplierContact.is_primary.desc(), SupplierContact.id).limit(1)).first()
    return {"code": s.code, "name": s.name, "address": s.address or "", "phone": s.phone or "",
            "email": s.email or "", "tax_id": s.tax_id or "",
            "bank_account": s.bank_account or "", "payment_terms": s.payment_terms or "",
            "contact": contact.name if contact else "",
            "contact_phone": (contact.phone or "") if contact else ""}


def _require(actor: Actor, roles: tuple[str, ...], what: str) -> None:
    if actor.role not in roles:
        raise PermissionDenied(f"You may not print {what}.")


def _user_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    return session.scalar(select(User.display_name).where(User.id == user_id)) or ""


def _warehouse(session: Session, warehouse_id: int) -> Warehouse:
    return session.get(Warehouse, warehouse_id)


def _order_block(session: Session, so: SalesOrder | None, doc_wh: int | None) -> dict:
    """The sales-order fields a delivery note, quotation and order share."""
    wh = _warehouse(session, doc_wh if doc_wh is not None else so.warehouse_id)
    if so is None:
        return {"order_number": "", "order_date": None, "salesperson": "",
                "delivery_address": "", "delivery_terms": "", "payment_terms": "",
                "contact_name": "", "contact_phone": "", "warehouse": wh.name,
                "warehouse_address": wh.address or ""}
    return {"order_number": so.number or "", "order_date": so.order_date,
            "salesperson": _user_name(session, so.salesperson_id),
            "delivery_address": so.delivery_address or "",
            "delivery_terms": so.delivery_terms or "", "payment_terms": so.payment_terms or "",
            "contact_name": so.contact_name or "", "contact_phone": so.contact_phone or "",
            "warehouse": wh.name, "warehouse_address": wh.address or ""}


def _with_customer_fallbacks(block: dict, customer: dict) -> dict:
    """An order without its own delivery address or contact delivers to the customer's."""
    block["delivery_address"] = block["delivery_address"] or customer["address"]
    if not block["contact_name"]:
        block["contact_name"] = customer["contact"]
        block["contact_phone"] = block["contact_phone"] or customer["contact_phone"]
    return block


def _stock_doc(session: Session, doc_id: int, doc_type: str) -> StockDocument:
    doc = session.get(StockDocument, doc_id)
    if doc is None or doc.doc_type != doc_type:
        raise NotFound({"DN": "delivery note", "GR": "goods receipt"}[doc_type], doc_id)
    return doc


def _draft_number(doc_type: str, doc_id: int) -> str:
    return f"DRAFT-{doc_type}-{doc_id}"


# --------------------------------------------------------------------------- builders

def delivery_note_context(session: Session, actor: Actor, doc_id: int, *,
                          copy_name: str = "", language: str = "zh") -> dict:
    """送货单 of a stock document DN (posted or draft) with its sales order and customer."""
    doc = _stock_doc(session, doc_id, "DN")
    if actor.role not in ALL_READERS + SALES:
        raise PermissionDenied("You may not print delivery notes.")
    customer_id = doc.customer_id
    so = session.get(SalesOrder, doc.sales_order_id) if doc.sales_order_id else None
    if customer_id is None and so is not None:
        customer_id = so.customer_id
    customer = _customer(session, actor, customer_id)
    ln, sol = StockDocumentLine, SalesOrderLine
    lines = []
    for r in session.execute(
            select(ln, Product, sol.unit_price, sol.discount_pct, sol.tax_rate)
            .join(Product, Product.id == ln.product_id)
            .outerjoin(sol, sol.id == ln.so_line_id)
            .where(ln.document_id == doc.id).order_by(ln.line_no)):
        x, p = r[0], r[1]
        price = x.unit_price
        if price is None and r.unit_price is not None:  # a draft without its net price
            price = money(r.unit_price * (1 - (r.discount_pct or 0) / Decimal(100)))
        rate = r.tax_rate if r.tax_rate is not None else p.tax_rate
        lines.append(line_dict(len(lines) + 1, code=p.sku, name=p.name, spec=p.spec,
                               unit=p.unit, barcode=p.barcode, qty=_qty(x.qty, p.qty_decimals),
                               price=Decimal(price or 0), tax_rate=rate, note=x.reason))
    block = _with_customer_fallbacks(_order_block(session, so, doc.warehouse_id), customer)
    if doc.delivery_address:
        block["delivery_address"] = doc.delivery_address
    document = {"number": doc.number or _draft_number("DN", doc.id), "date": doc.doc_date,
                "state": doc.state, "state_name": _state(doc.state, language),
                "remark": doc.notes or "", **block, **totals(lines),
                "copy_name": copy_name, "is_draft": doc.state != "posted"}
    return {"company": _company(session), "user": _user(actor), "customer": customer,
            "document": document, "lines": lines}


def copies_of(session: Session, actor: Actor, doc_id: int, language: str = "zh") -> list[dict]:
    """A delivery note once per copy of the print settings (白联/红联/黄联), or once."""
    names = print_options(session).delivery_note_copies or ("",)
    first = delivery_note_context(session, actor, doc_id, copy_name=names[0],
                                  language=language)
    out = [first]
    for name in names[1:]:
        out.append({**first, "document": {**first["document"], "copy_name": name}})
    return out


def _sales_order(session: Session, actor: Actor, so_id: int, what: str, language: str
                 ) -> tuple[SalesOrder, dict]:
    _require(actor, ALL_READERS + SALES, what)
    so = session.get(SalesOrder, so_id)
    if so is None:
        raise NotFound("sales order", so_id)
    customer = _customer(session, actor, so.customer_id)  # NotFound for a rep's colleague's
    lines = []
    for line, p in session.execute(
            select(SalesOrderLine, Product).join(Product, Product.id == SalesOrderLine.product_id)
            .where(SalesOrderLine.order_id == so.id).order_by(SalesOrderLine.line_no)):
        net = money(line.unit_price * (1 - line.discount_pct / Decimal(100)))
        lines.append(line_dict(len(lines) + 1, code=p.sku, name=p.name, spec=p.spec,
                               unit=p.unit, barcode=p.barcode, qty=_qty(line.qty, p.qty_decimals),
                               price=net, tax_rate=line.tax_rate, amount=line.amount,
                               tax_amount=line.tax_amount, list_price=money(line.unit_price),
                               discount_pct=line.discount_pct))
    t = totals(lines)
    document = {"number": so.number or "", "date": so.order_date, "state": so.state,
                "state_name": _state(so.state, language), "remark": so.notes or "",
                **_with_customer_fallbacks(_order_block(session, so, None), customer), **t,
                "delivery_date": so.delivery_date,
                "discount_total": money(so.discount_total),
                "subtotal": t["total"] + money(so.discount_total)}
    return so, {"company": _company(session), "user": _user(actor), "customer": customer,
                "document": document, "lines": lines}


def quotation_context(session: Session, actor: Actor, so_id: int, *,
                      language: str = "zh") -> dict:
    """报价单: a sales order (usually a draft) printed as an offer, valid for the number of
    days in the print settings."""
    so, ctx = _sales_order(session, actor, so_id, "quotations", language)
    days = print_options(session).quotation_valid_days
    doc = ctx["document"]
    doc["number"] = so.number or f"QT-{so.order_date:%Y%m%d}-{so.id}"
    doc["valid_until"] = so.order_date + dt.timedelta(days=days)
    return ctx


def sales_order_context(session: Session, actor: Actor, so_id: int, *,
                        language: str = "zh") -> dict:
    """销售订单/合同 of a sales order."""
    so, ctx = _sales_order(session, actor, so_id, "sales orders", language)
    ctx["document"]["number"] = so.number or _draft_number("SO", so.id)
    ctx["document"]["approved_by"] = _user_name(session, so.approved_by_id)
    return ctx


def purchase_order_context(session: Session, actor: Actor, po_id: int, *,
                           language: str = "zh") -> dict:
    """采购订单 sent to the supplier."""
    _require(actor, ALL_READERS, "purchase orders")
    po = session.get(PurchaseOrder, po_id)
    if po is None:
        raise NotFound("purchase order", po_id)
    lines = []
    for line, p in session.execute(
            select(PurchaseOrderLine, Product)
            .join(Product, Product.id == PurchaseOrderLine.product_id)
            .where(PurchaseOrderLine.order_id == po.id).order_by(PurchaseOrderLine.line_no)):
        lines.append(line_dict(len(lines) + 1, code=p.sku, name=p.name, spec=p.spec,
                               unit=p.unit, barcode=p.barcode, qty=_qty(line.qty, p.qty_decimals),
                               price=line.unit_price, tax_rate=line.tax_rate, amount=line.amount,
                               tax_amount=line.tax_amount))
    wh = _warehouse(session, po.warehouse_id)
    supplier = _supplier(session, po.supplier_id)
    number = po.number or _draft_number("PO", po.id)
    document = {"number": number, "order_number": number, "date": po.order_date,
                "state": po.state, "state_name": _state(po.state, language),
                "remark": po.notes or "", "expected_date": po.expected_date,
                "payment_terms": po.payment_terms or supplier["payment_terms"],
                "warehouse": wh.name,
                "warehouse_address": wh.address or "",
                "buyer": _user_name(session, po.created_by_id),
                "approved_by": _user_name(session, po.approved_by_id), **totals(lines)}
    return {"company": _company(session), "user": _user(actor),
            "supplier": supplier, "document": document,
            "lines": lines}


def goods_receipt_context(session: Session, actor: Actor, doc_id: int, *,
                          language: str = "zh") -> dict:
    """入库单 of a stock document GR: the received quantities at their unit cost
    (tax-exclusive purchase price), next to what the purchase order ordered."""
    _require(actor, ALL_READERS, "goods receipts")
    doc = _stock_doc(session, doc_id, "GR")
    po = session.get(PurchaseOrder, doc.purchase_order_id) if doc.purchase_order_id else None
    supplier_id = doc.supplier_id or (po.supplier_id if po else None)
    ln, pol = StockDocumentLine, PurchaseOrderLine
    lines = []
    for r in session.execute(
            select(ln, Product, pol.qty.label("ordered"), pol.tax_rate.label("po_rate"))
            .join(Product, Product.id == ln.product_id)
            .outerjoin(pol, pol.id == ln.po_line_id)
            .where(ln.document_id == doc.id).order_by(ln.line_no)):
        x, p = r[0], r[1]
        qty = _qty(x.qty, p.qty_decimals)
        # the receipt carries a tax-exclusive cost: no tax inside its amount
        lines.append(line_dict(
            len(lines) + 1, code=p.sku, name=p.name, spec=p.spec, unit=p.unit,
            barcode=p.barcode, qty=qty, price=Decimal(x.unit_cost or 0), tax_rate=Decimal(0),
            note=x.reason,
            ordered_qty=_qty(r.ordered, p.qty_decimals) if r.ordered is not None else None))
    wh = _warehouse(session, doc.warehouse_id)
    document = {"number": doc.number or _draft_number("GR", doc.id), "date": doc.doc_date,
                "state": doc.state, "state_name": _state(doc.state, language),
                "remark": doc.notes or "", "order_number": (po.number or "") if po else "",
                "warehouse": wh.name, "reason": doc.reason or "",
                "is_draft": doc.state != "posted", **totals(lines)}
    return {"company": _company(session), "user": _user(actor),
            "supplier": _supplier(session, supplier_id), "document": document,
            "lines": lines}


def statement_context(session: Session, actor: Actor, customer_id: int,
                      period_start: dt.date, period_end: dt.date, *,
                      language: str = "zh") -> dict:
    """对账单 of a customer for a period: posted delivery notes raise the balance, posted
    customer returns lower it; the opening balance is the same sum before the period.
    There is no finance module yet, so payments are not deducted (``document.note`` says
    so on the printout)."""
    _require(actor, ("finance", "admin") + SALES, "customer statements")
    if period_end < period_start:
        raise ValidationError("period_end", "The period ends before it starts.")
    customer = _customer(session, actor, customer_id)
    d, ln, src = StockDocument, StockDocumentLine, aliased(StockDocument)
    src_line = aliased(StockDocumentLine)
    rows = session.execute(
        select(d.id, d.doc_type, d.number, d.doc_date, d.notes, ln.qty, ln.unit_price,
               src_line.unit_price.label("source_price"))
        .join(ln, ln.document_id == d.id)
        .outerjoin(src, src.id == d.source_document_id)
        .outerjoin(src_line, src_line.id == ln.source_line_id)
        .where(d.state == "posted", d.doc_type.in_(("DN", "CR")), d.doc_date <= period_end,
               or_(d.customer_id == customer_id,
                   and_(d.customer_id.is_(None), src.customer_id == customer_id)))
        .order_by(d.doc_date, d.id)).all()
    amounts: dict[int, Decimal] = defaultdict(lambda: Decimal("0.00"))
    heads: dict[int, Any] = {}
    for r in rows:
        price = r.unit_price if r.unit_price is not None else (r.source_price or 0)
        amounts[r.id] += money(Decimal(r.qty) * Decimal(price))
        heads[r.id] = r
    opening = Decimal("0.00")
    entries = []
    for doc_id, r in heads.items():
        signed = amounts[doc_id] if r.doc_type == "DN" else -amounts[doc_id]
        if r.doc_date < period_start:
            opening += signed
        else:
            entries.append((r, amounts[doc_id]))
    balance = opening
    lines = []
    names = ENTRY_NAMES.get(language, ENTRY_NAMES["zh"])
    for r, amount in entries:
        debit = amount if r.doc_type == "DN" else None
        credit = amount if r.doc_type == "CR" else None
        balance += amount if r.doc_type == "DN" else -amount
        lines.append({"date": r.doc_date, "doc_type": names[r.doc_type], "number": r.number,
                      "memo": r.notes or "", "debit": debit, "credit": credit,
                      "balance": balance})
    debit_total = sum((ln_["debit"] or 0 for ln_ in lines), Decimal("0.00"))
    credit_total = sum((ln_["credit"] or 0 for ln_ in lines), Decimal("0.00"))
    note = ("本对账单按送货单与退货单计算，未包含已收款项。" if language == "zh" else
            "Deliveries and returns only; payments received are not included.")
    document = {"number": f"ST-{period_end:%Y%m}-{customer['code']}",
                "date": dt.date.today(), "period_start": period_start,
                "period_end": period_end, "opening_balance": opening,
                "total_debit": debit_total, "total_credit": credit_total,
                "closing_balance": balance, "note": note}
    return {"company": _company(session), "user": _user(actor), "customer": customer,
            "document": document, "lines": lines}


def payment_receipt_context(session: Session, actor: Actor, data: ReceiptInput, *,
                            language: str = "zh") -> dict:
    """收据 from the fields typed in (there is no payment table yet): payer, amount and
    purpose are required, the amount must be positive."""
    _require(actor, ("finance", "admin"), "payment receipts")
    errors = {}
    if not (data.payer or "").strip():
        errors["payer"] = "Who paid is required."
    if not (data.purpose or "").strip():
        errors["purpose"] = "What the payment is for is required."
    try:
        amount = money(data.amount)
    except Exception:
        amount = Decimal(0)
    if amount <= 0:
        errors["amount"] = "The amount must be more than 0."
    if errors:
        raise ValidationError(errors)
    day = data.date or dt.date.today()
    document = {"number": data.number.strip() or f"RC-{day:%Y%m%d}", "date": day,
                "payer": data.payer.strip(), "amount": amount, "purpose": data.purpose.strip(),
                "method": data.method.strip(), "remark": data.remark.strip()}
    return {"company": _company(session), "user": _user(actor), "document": document}


# --------------------------------------------------------------------------- dispatch

_BY_ID = {"delivery_note": delivery_note_context, "quotation": quotation_context,
          "sales_order": sales_order_context, "purchase_order": purchase_order_context,
          "goods_receipt": goods_receipt_context}


def build_context(session: Session, actor: Actor, doc_type: str, key: Any, *,
                  language: str = "zh", **options: Any) -> dict:
    """The context of ``doc_type`` for ``key``: a document id; for a statement
    ``(customer_id, period_start, period_end)``; for a payment receipt a ReceiptInput."""
    if doc_type == "statement":
        customer_id, start, end = key
        return statement_context(session, actor, customer_id, start, end, language=language)
    if doc_type == "payment_receipt":
        return payment_receipt_context(session, actor, key, language=language)
    if doc_type not in _BY_ID:
        raise ValidationError("doc_type", f"Unknown document type {doc_type}.")
    return _BY_ID[doc_type](session, actor, key, language=language, **options)


def find_document(session: Session, actor: Actor, doc_type: str, number: str) -> int:
    """The id of a document by its number (a statement: the customer by code)."""
    number = (number or "").strip()
    model, extra = {
        "delivery_note": (StockDocument, StockDocument.doc_type == "DN"),
        "goods_receipt": (StockDocument, StockDocument.doc_type == "GR"),
        "quotation": (SalesOrder, None), "sales_order": (SalesOrder, None),
        "purchase_order": (PurchaseOrder, None), "statement": (Customer, None),
    }.get(doc_type, (None, None))
    if model is None:
        raise ValidationError("doc_type", "This document type has no stored numbers.")
    col = Customer.code if model is Customer else model.number
    q = select(model.id).where(col == number)
    if extra is not None:
        q = q.where(extra)
    found = session.scalar(q)
    if found is None and number.upper().startswith("DRAFT-"):
        tail = number.rsplit("-", 1)[-1]
        if tail.isdigit() and session.get(model, int(tail)) is not None:
            found = int(tail)
    if found is None:
        raise NotFound({"statement": "customer"}.get(doc_type, doc_type.replace("_", " ")),
                       number)
    return found
