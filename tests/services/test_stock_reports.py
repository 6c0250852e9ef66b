"""Stock reports on a small scenario whose totals are worked out by hand: a purchase
received, a sale delivered with a discount, one unit returned by the customer, two sent back
to the supplier, a transfer — and a reversed delivery that must add nothing. Each report is
exported and read back with openpyxl."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import openpyxl
import pytest

from services import deliveries, receipts, returns, stock_report_export as xl
from services.errors import PermissionDenied, ValidationError
from services.reversals import reverse_document
from services.stock_documents import DocLineInput, new_uuid, post_document
from services.stock_reports import (ReportPeriod, gross_margin, inventory_valuation, movements,
                                    product_sales, purchase_summary, stock_on_hand)
from services.transfers import create_transfer
from tests.helpers.documents import approved_po, approved_so, make_world

TODAY = ReportPeriod(dt.date.today(), dt.date.today())


def scenario(db, staff):
    """p1: 10 in at 100 (113 incl. 13 % VAT), 4 sold at 226 → 200 net, 3 moved to B.
    p2: 20 in at 50 (56.5), 5 sold at 113 −20 % = 90.40 → 80 net, 1 returned by the
    customer (back at 50), 2 sent back to the supplier (at 50)."""
    w = make_world(db, staff)
    (p1, p2, _), (a, b) = w.products, w.warehouses
    wh = staff.warehouse
    po = approved_po(db, staff, w, [(p1, 10, "113"), (p2, 20, "56.5")])
    gr = db.write(lambda s: receipts.create_receipt_from_po(s, wh, po, new_uuid()))
    db.write(lambda s: post_document(s, wh, gr.id))
    so = approved_so(db, staff, w, [(p1, 4, "226"), (p2, 5, "113", 20)])
    dn = db.write(lambda s: deliveries.post_delivery_from_so(s, wh, so, new_uuid())).document
    p2_line = next(ln for ln in dn.lines if ln.product_id == p2)
    cr = db.write(lambda s: returns.create_customer_return(
        s, wh, dn.id, (returns.ReturnLineInput(p2_line.id, D("1"), "破损"),), new_uuid()))
    db.write(lambda s: post_document(s, wh, cr.id))
    sr = db.write(lambda s: returns.create_supplier_return(
        s, wh, w.supplier, a, (DocLineInput(p2, D("2")),), "质量问题", new_uuid()))
    db.write(lambda s: post_document(s, wh, sr.id))
    tr = db.write(lambda s: create_transfer(s, wh, a, b, [DocLineInput(p1, D("3"))],
                                            new_uuid()))
    db.write(lambda s: post_document(s, wh, tr.id))
    return w


def read_xlsx(path):
    ws = openpyxl.load_workbook(path).active
    return ws.title, [[c.value for c in row] for row in ws.iter_rows()]


def test_quantities_on_hand_and_movements(db, staff, tmp_path):
    w = scenario(db, staff)
    (p1, p2, _), (a, b) = w.products, w.warehouses
    rep = db.read(lambda s: stock_on_hand(s, staff.warehouse))
    assert [(r.sku, r.warehouse_name, r.on_hand, r.available) for r in rep.rows] == [
        ("SKU-001", "仓库1", D("3"), D("3")), ("SKU-001", "仓库2", D("3"), D("3")),
        ("SKU-002", "仓库1", D("14"), D("14"))]
    assert rep.totals.on_hand == D("20")
    only_b = db.read(lambda s: stock_on_hand(s, staff.warehouse, b))
    assert [(r.sku, r.on_hand) for r in only_b.rows] == [("SKU-001", D("3"))]

    mv = db.read(lambda s: movements(s, staff.finance, TODAY))
    assert [(r.sku, r.warehouse_name, r.opening, r.qty_in, r.qty_out, r.closing, r.value_in,
             r.value_out) for r in mv.rows] == [
        ("SKU-001", "仓库1", 0, D("10"), D("7"), D("3"), D("1000.00"), D("700.00")),
        ("SKU-001", "仓库2", 0, D("3"), 0, D("3"), D("300.00"), D("0.00")),
        ("SKU-002", "仓库1", 0, D("21"), D("7"), D("14"), D("1050.00"), D("350.00"))]
    assert (mv.totals.qty_in, mv.totals.value_in) == (D("34"), D("2350.00"))
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    later = db.read(lambda s: movements(s, staff.finance, ReportPeriod(tomorrow, tomorrow)))
    assert [(r.opening, r.qty_in, r.qty_out, r.closing) for r in later.rows] == [
        (D("3"), 0, 0, D("3")), (D("3"), 0, 0, D("3")), (D("14"), 0, 0, D("14"))]
    with pytest.raises(ValidationError):
        db.read(lambda s: movements(s, staff.finance, ReportPeriod(tomorrow, dt.date.today())))

    path = tmp_path / "收发存.xlsx"
    assert db.read(lambda s: xl.export_movements(s, staff.finance, path, TODAY)) == 4
    title, cells = read_xlsx(path)
    assert title == "收发存"
    assert cells[0] == ["编码", "品名", "单位", "仓库", "期初", "入库", "出库", "期末",
                        "入库金额", "出库金额"]
    assert cells[3][:3] == ["SKU-002", "产品2", "个"] and cells[3][5:8] == [21, 7, 14]
    assert cells[4][0] == "合计" and cells[4][8:] == [2350, 1050]


def test_valuation_sales_margin_and_purchases(db, staff, tmp_path):
    scenario(db, staff)
    val = db.read(lambda s: inventory_valuation(s, staff.finance))
    assert [(r.sku, r.qty, r.avg_cost, r.value) for r in val.rows] == [
        ("SKU-001", D("6"), D("100"), D("600.00")), ("SKU-002", D("14"), D("50"), D("700.00"))]
    assert val.totals.value == D("1300.00")

    sales = db.read(lambda s: product_sales(s, staff.warehouse, TODAY))
    assert [(r.sku, r.delivered_qty, r.returned_qty, r.net_qty, r.revenue, r.revenue_incl_tax)
            for r in sales.rows] == [
        ("SKU-001", D("4"), D("0"), D("4"), D("800.00"), D("904.00")),
        ("SKU-002", D("5"), D("1"), D("4"), D("320.00"), D("361.60"))]

    by_product = db.read(lambda s: gross_margin(s, staff.finance, TODAY))
    assert [(r.code, r.net_qty, r.revenue, r.cost, r.margin, r.margin_pct)
            for r in by_product.rows] == [
        ("SKU-001", D("4"), D("800.00"), D("400.00"), D("400.00"), D("50.0")),
        ("SKU-002", D("4"), D("320.00"), D("200.00"), D("120.00"), D("37.5"))]
    t = by_product.totals
    assert (t.revenue, t.cost, t.margin, t.margin_pct) == (D("1120.00"), D("600.00"),
                                                           D("520.00"), D("46.4"))
    by_customer = db.read(lambda s: gross_margin(s, staff.manager, TODAY, by="customer"))
    assert [(r.name, r.revenue, r.cost, r.margin) for r in by_customer.rows] == [
        ("上海精工机械有限公司", D("1120.00"), D("600.00"), D("520.00"))]

    buy = db.read(lambda s: purchase_summary(s, staff.admin, TODAY))
    assert [(r.name, r.receipts, r.received_qty, r.amount, r.returned_qty, r.returned_amount,
             r.net_amount) for r in buy.rows] == [
        ("华东五金供应商", 1, D("30"), D("2000.00"), D("2"), D("100.00"), D("1900.00"))]

    path = tmp_path / "margin.xlsx"
    db.read(lambda s: xl.export_gross_margin(s, staff.finance, path, TODAY, by="customer",
                                             language="en"))
    title, cells = read_xlsx(path)
    assert title == "Gross margin by customer"
    assert cells[0] == ["Customer code", "Customer", "Net quantity", "Revenue excl. VAT",
                        "Cost of sales", "Gross margin", "Margin %"]
    assert cells[-1] == ["Total", None, 8, 1120, 600, 520, 46.4]
    for export in (xl.export_stock_on_hand, xl.export_inventory_valuation):
        out = tmp_path / f"{export.__name__}.xlsx"
        db.read(lambda s: export(s, staff.admin, out))
        assert read_xlsx(out)[1][-1][0] == "合计"
    for export, rows in ((xl.export_product_sales, 2), (xl.export_purchase_summary, 1)):
        out = tmp_path / f"{export.__name__}.xlsx"
        db.read(lambda s: export(s, staff.admin, out, TODAY))
        assert len(read_xlsx(out)[1]) == 1 + rows + 1         # header, rows, totals

    with pytest.raises(PermissionDenied):
        db.read(lambda s: gross_margin(s, staff.warehouse, TODAY))
    with pytest.raises(PermissionDenied):
        db.read(lambda s: stock_on_hand(s, staff.rep1))


def test_a_reversed_delivery_adds_nothing_to_sales_or_margin(db, staff):
    w = make_world(db, staff)
    p1, a = w.products[0], w.warehouses[0]
    po = approved_po(db, staff, w, [(p1, 5, "113")])
    gr = db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, po, new_uuid()))
    db.write(lambda s: post_document(s, staff.warehouse, gr.id))
    so = approved_so(db, staff, w, [(p1, 2, "226")])
    dn = db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so,
                                                             new_uuid())).document
    db.write(lambda s: reverse_document(s, staff.warehouse, dn.id, "开错单", new_uuid()))
    sales = db.read(lambda s: product_sales(s, staff.admin, TODAY))
    assert [(r.delivered_qty, r.net_qty, r.revenue) for r in sales.rows] == [
        (D("0"), D("0"), D("0.00"))]
    margin = db.read(lambda s: gross_margin(s, staff.admin, TODAY)).totals
    assert (margin.revenue, margin.cost, margin.margin, margin.margin_pct) == (
        D("0.00"), D("0.00"), D("0.00"), None)
    assert db.read(lambda s: inventory_valuation(s, staff.admin, a)).totals.value == \
        D("500.00")
