"""Context builders: what each printed document shows, read from the database on both back
ends — fields exactly as documented, totals equal to the sum of the lines, copies from the
print settings, who may print what."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest

from printing import fields_of
from services import print_context as pc
from services.errors import NotFound, PermissionDenied, ValidationError
from services.print_fields import DOC_TYPES, field_paths
from services.print_jobs import prepare_batch, prepare_print
from services.print_samples import sample_context
from services.print_settings import CompanyProfile, PrintOptions, save_print_settings
from tests.helpers.print_docs import DAY, seed_print_world

CENT = Decimal("0.01")


@pytest.fixture
def world(db, staff):
    return seed_print_world(db, staff)


def documented(ctx) -> set[str]:
    return {f for f in fields_of(ctx) if "." in f or f.endswith("[]")}


@pytest.mark.parametrize("doc_type", list(DOC_TYPES))
@pytest.mark.parametrize("language", ["zh", "en"])
def test_samples_have_exactly_the_documented_fields(doc_type, language):
    assert documented(sample_context(doc_type, language)) == set(field_paths(doc_type))


def test_delivery_note_from_posted_document(db, staff, world):
    ctx = db.read(lambda s: pc.delivery_note_context(s, staff.warehouse, world.dn_id))
    assert documented(ctx) == set(field_paths("delivery_note"))
    doc = ctx["document"]
    assert doc["number"] == "DN-2026-000123" and doc["date"] == DAY
    assert doc["order_number"] == world.so_number and doc["salesperson"] == "张伟"
    assert doc["is_draft"] is False and doc["state_name"] == "已过账"
    assert doc["remark"] == "轻拿轻放" and doc["warehouse"] == "一号仓库"
    # no delivery address or contact on the order: the customer's
    assert doc["delivery_address"] == "杭州市文一西路 1500 号"
    assert (doc["contact_name"], doc["contact_phone"]) == ("王磊", "13800000000")
    assert ctx["customer"]["name"] == "杭州明远机电设备有限公司"
    assert ctx["company"]["name"] == "千里贸易有限公司"
    assert ctx["user"] == {"name": "陈库管", "login": "warehouse"}
    amounts = [(q * p).quantize(CENT, ROUND_HALF_UP) for q, p in world.dn_lines]
    assert [ln["amount"] for ln in ctx["lines"]] == amounts
    assert doc["total"] == sum(amounts)
    assert doc["tax_total"] == sum(ln["tax_amount"] for ln in ctx["lines"])
    assert doc["total_qty"] == sum(q for q, _ in world.dn_lines)
    # quantities to the product's decimals: 0 → "3", 2 → "6.25"
    assert [str(ln["qty"]) for ln in ctx["lines"]] == ["3", "6.25", "9"]
    assert [ln["line_no"] for ln in ctx["lines"]] == [1, 2, 3]


def test_draft_delivery_note_says_so(db, staff, world):
    ctx = db.read(lambda s: pc.delivery_note_context(s, staff.admin, world.draft_dn_id,
                                                     language="en"))
    assert ctx["document"]["number"] == f"DRAFT-DN-{world.draft_dn_id}"
    assert ctx["document"]["is_draft"] is True and ctx["document"]["state_name"] == "draft"
    # a draft line without its net price takes the order line's price after discount
    assert ctx["lines"][0]["price"] == Decimal("37.50")


def test_delivery_note_copies_follow_the_print_settings(db, staff, world):
    job = db.read(lambda s: prepare_print(s, staff.warehouse, "delivery_note", world.dn_id))
    assert [c["document"]["copy_name"] for c in job.contexts] == ["白联", "红联", "黄联"]
    assert job.title == "送货单 DN-2026-000123"
    db.write(lambda s: save_print_settings(s, staff.admin, CompanyProfile(name="千里"),
                                           PrintOptions(delivery_note_copies=())))
    job = db.read(lambda s: prepare_print(s, staff.warehouse, "delivery_note", world.dn_id))
    assert [c["document"]["copy_name"] for c in job.contexts] == [""]
    batch = db.read(lambda s: prepare_batch(s, staff.warehouse, "delivery_note",
                                            [world.dn_id, world.draft_dn_id]))
    assert batch.numbers == ("DN-2026-000123", f"DRAFT-DN-{world.draft_dn_id}")


def test_who_may_print_what(db, staff, world):
    # a rep sees only own customers: another rep's delivery note does not exist for them
    with pytest.raises(NotFound):
        db.read(lambda s: pc.delivery_note_context(s, staff.rep3, world.dn_id))
    assert db.read(lambda s: pc.delivery_note_context(s, staff.rep1, world.dn_id))
    with pytest.raises(PermissionDenied):
        db.read(lambda s: pc.purchase_order_context(s, staff.rep1, world.po_id))
    with pytest.raises(PermissionDenied):
        db.read(lambda s: pc.payment_receipt_context(
            s, staff.warehouse, pc.ReceiptInput("x", Decimal(1), "y")))
    with pytest.raises(NotFound):
        db.read(lambda s: pc.sales_order_context(s, staff.rep3, world.so_id))
    with pytest.raises(NotFound):
        db.read(lambda s: pc.goods_receipt_context(s, staff.admin, world.dn_id))


def test_sales_order_and_quotation(db, staff, world):
    so = db.read(lambda s: pc.sales_order_context(s, staff.rep1, world.so_id))
    assert documented(so) == set(field_paths("sales_order"))
    assert so["document"]["number"] == world.so_number
    # the order's stored line amounts are printed: they sum to the order total
    assert so["document"]["total"] == sum(ln["amount"] for ln in so["lines"])
    assert so["lines"][1]["discount_pct"] == Decimal(5)
    assert so["document"]["subtotal"] == so["document"]["total"] + \
        so["document"]["discount_total"]
    quote = db.read(lambda s: pc.quotation_context(s, staff.manager, world.so_id))
    assert documented(quote) == set(field_paths("quotation"))
    assert quote["document"]["valid_until"] == DAY - dt.timedelta(days=3) + \
        dt.timedelta(days=30)


def test_purchase_order_and_goods_receipt(db, staff, world):
    po = db.read(lambda s: pc.purchase_order_context(s, staff.warehouse, world.po_id))
    assert documented(po) == set(field_paths("purchase_order"))
    assert po["supplier"]["contact"] == "陈芳"
    assert po["document"]["payment_terms"] == "月结 30 天"  # the supplier's, none on the PO
    assert po["document"]["total"] == sum(ln["amount"] for ln in po["lines"])
    gr = db.read(lambda s: pc.goods_receipt_context(s, staff.finance, world.gr_id))
    assert documented(gr) == set(field_paths("goods_receipt"))
    assert [(ln["ordered_qty"], ln["qty"]) for ln in gr["lines"]] == [
        (Decimal(10), Decimal(9)), (Decimal("20.00"), Decimal("19.00")),
        (Decimal(30), Decimal(29))]
    assert gr["document"]["total"] == Decimal("20") * (9 + 19 + 29)
    assert gr["document"]["order_number"] == world.po_number


def test_statement_from_deliveries_and_returns(db, staff, world):
    oct_ = db.read(lambda s: pc.statement_context(s, staff.finance, world.customer_id,
                                                  dt.date(2026, 10, 1), dt.date(2026, 10, 31)))
    assert documented(oct_) == set(field_paths("statement"))
    delivered = sum((q * p).quantize(CENT, ROUND_HALF_UP) for q, p in world.dn_lines)
    returned = world.dn_lines[0][1]           # one piece of the first line back
    doc = oct_["document"]
    assert doc["opening_balance"] == 0
    assert (doc["total_debit"], doc["total_credit"]) == (delivered, returned)
    assert doc["closing_balance"] == delivered - returned
    assert [(ln["doc_type"], ln["number"]) for ln in oct_["lines"]] == [
        ("送货", "DN-2026-000123"), ("退货", "CR-2026-000004")]
    assert [ln["balance"] for ln in oct_["lines"]] == [delivered, delivered - returned]
    assert "未包含已收款项" in doc["note"]
    # a later period starts from what the earlier one closed with
    nov = db.read(lambda s: pc.statement_context(s, staff.rep1, world.customer_id,
                                                 dt.date(2026, 10, 18), dt.date(2026, 11, 30),
                                                 language="en"))
    assert nov["document"]["opening_balance"] == delivered
    assert [ln["doc_type"] for ln in nov["lines"]] == ["return"]
    with pytest.raises(ValidationError) as bad:
        db.read(lambda s: pc.statement_context(s, staff.finance, world.customer_id,
                                               dt.date(2026, 11, 1), dt.date(2026, 10, 1)))
    assert bad.value.field == "period_end"


def test_payment_receipt_from_typed_fields(db, staff):
    ctx = db.read(lambda s: pc.payment_receipt_context(
        s, staff.finance, pc.ReceiptInput(" 杭州明远 ", Decimal("12680.5"), "货款",
                                          date=dt.date(2026, 11, 2), method="转账")))
    assert documented(ctx) == set(field_paths("payment_receipt"))
    assert ctx["document"]["amount"] == Decimal("12680.50")
    assert ctx["document"]["number"] == "RC-20261102" and ctx["document"]["payer"] == "杭州明远"
    with pytest.raises(ValidationError) as bad:
        db.read(lambda s: pc.payment_receipt_context(
            s, staff.finance, pc.ReceiptInput("", Decimal("-1"), " ")))
    assert set(bad.value.errors) == {"payer", "amount", "purpose"}


def test_find_document_by_number(db, staff, world):
    find = pc.find_document
    assert db.read(lambda s: find(s, staff.admin, "delivery_note", "DN-2026-000123")) == \
        world.dn_id
    assert db.read(lambda s: find(s, staff.admin, "delivery_note",
                                  f"DRAFT-DN-{world.draft_dn_id}")) == world.draft_dn_id
    assert db.read(lambda s: find(s, staff.admin, "statement", world.customer_code)) == \
        world.customer_id
    with pytest.raises(NotFound):
        db.read(lambda s: find(s, staff.admin, "goods_receipt", "DN-2026-000123"))


def test_standalone_goods_receipt_without_order_or_supplier(db, staff, world):
    from models.stock import StockDocument, StockDocumentLine
    from services.stock_documents import new_uuid

    def add(s):
        doc = StockDocument(doc_type="GR", client_uuid=new_uuid(), state="draft", doc_date=DAY,
                            warehouse_id=world.warehouse_id, reason="样品入库")
        s.add(doc)
        s.flush()
        s.add(StockDocumentLine(document_id=doc.id, line_no=1, product_id=world.products[0],
                                qty=Decimal(2), unit_cost=Decimal("12.5")))
        return doc.id
    gr_id = db.write(add)
    ctx = db.read(lambda s: pc.goods_receipt_context(s, staff.warehouse, gr_id))
    assert documented(ctx) == set(field_paths("goods_receipt"))
    doc = ctx["document"]
    assert (doc["order_number"], doc["reason"], doc["is_draft"]) == ("", "样品入库", True)
    assert ctx["supplier"]["name"] == "" and ctx["lines"][0]["ordered_qty"] is None
    assert doc["total"] == Decimal("25.00")
