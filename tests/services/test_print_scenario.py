"""Printing the documents the stock services really make, on both back ends: purchase →
receive → sell (with a discount) → deliver → return, each printed with its default
template and read back from the PDF: numbers, totals equal to the sum of the lines and to
the order, the statement's balance."""
from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal as D

from printing.jobs import render_job
from services import deliveries, print_jobs, receipts, returns, sales_orders
from services.print_context import statement_context
from services.returns import ReturnLineInput
from services.stock_documents import get_stock_document, new_uuid, post_document
from tests.helpers.documents import approved_po, approved_so, make_world
from tests.printing.helpers import pdf_pages


def printed(job) -> list[str]:
    buf = io.BytesIO()
    render_job(job, buf)
    return [re.sub(r"\s+", "", p) for p in pdf_pages(buf.getvalue())]


def test_documents_of_the_stock_services_print(db, staff):
    w = make_world(db, staff)
    p1, p2, _ = w.products
    po = approved_po(db, staff, w, [(p1, 20, "113"), (p2, 10, "56.5")])
    gr = db.write(lambda s: post_document(s, staff.warehouse, receipts.create_receipt_from_po(
        s, staff.warehouse, po, new_uuid()).id)).document
    job = db.read(lambda s: print_jobs.prepare_by_number(s, staff.warehouse, "goods_receipt",
                                                         gr.number))
    doc = job.contexts[0]["document"]
    assert doc["order_number"].startswith("PO-") and doc["is_draft"] is False
    # received at the tax-exclusive cost: 20 × 100 + 10 × 50
    assert [(ln["qty"], ln["price"]) for ln in job.contexts[0]["lines"]] == [
        (D(20), D("100.00")), (D(10), D("50.00"))]
    assert doc["total"] == D("2500.00")
    (page,) = printed(job)
    assert gr.number in page and "2,500.00" in page and "贰仟伍佰元整" in page

    so = approved_so(db, staff, w, [(p1, 5, "200", "10"), (p2, 3, "80")])
    order = db.read(lambda s: sales_orders.get_sales_order(s, staff.rep1, so))
    dn = db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so,
                                                             new_uuid())).document
    job = db.read(lambda s: print_jobs.prepare_by_number(s, staff.rep1, "delivery_note",
                                                         dn.number, copies=False))
    ctx = job.contexts[0]
    assert ctx["document"]["order_number"] == order.number
    assert ctx["customer"]["name"] == "上海精工机械有限公司"
    assert [(ln["qty"], ln["price"], ln["amount"]) for ln in ctx["lines"]] == [
        (D(5), D("180.00"), D("900.00")), (D(3), D("80.00"), D("240.00"))]
    # a whole order delivered: the note's total is the order's
    assert ctx["document"]["total"] == order.total == D("1140.00")
    (page,) = printed(job)
    assert dn.number in page and "1,140.00" in page and "壹仟壹佰肆拾元整" in page

    so_job = db.read(lambda s: print_jobs.prepare_print(s, staff.rep1, "sales_order", so))
    assert so_job.contexts[0]["document"]["total"] == order.total
    assert so_job.contexts[0]["document"]["discount_total"] == order.discount_total

    first_line = db.read(lambda s: get_stock_document(s, staff.warehouse, dn.id)).lines[0]
    cr = db.write(lambda s: post_document(s, staff.warehouse, returns.create_customer_return(
        s, staff.warehouse, dn.id, (ReturnLineInput(first_line.id, D(1), "破损"),),
        new_uuid()).id)).document
    today = dt.date.today()
    st = db.read(lambda s: statement_context(s, staff.finance, w.customer,
                                             today.replace(day=1), today))
    assert [(ln["number"], ln["debit"], ln["credit"]) for ln in st["lines"]] == [
        (dn.number, D("1140.00"), None), (cr.number, None, D("180.00"))]
    assert st["document"]["closing_balance"] == D("960.00")
