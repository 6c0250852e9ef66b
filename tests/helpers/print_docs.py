"""Documents to print, written straight through the models (customers through the customer
service), so printing tests do not depend on the order and stock-posting services: a
customer of rep1 with a sales order, a posted and a draft delivery note and a posted
customer return; a purchase order and its posted goods receipt; a customer of rep3."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.db import Database
from models.base import utcnow
from models.catalog import Product, Supplier, SupplierContact, Warehouse
from models.stock import (PurchaseOrder, PurchaseOrderLine, SalesOrder, SalesOrderLine,
                          StockDocument, StockDocumentLine)
from services.contacts import ContactInput, add_contact
from services.customers import CustomerInput, create_customer
from services.print_settings import CompanyProfile, PrintOptions, save_print_settings

DAY = dt.date(2026, 10, 15)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class PrintWorld:
    customer_id: int
    customer_code: str
    other_customer_id: int
    products: tuple[int, ...]
    warehouse_id: int
    so_id: int
    so_number: str
    dn_id: int
    dn_number: str
    draft_dn_id: int
    cr_id: int
    po_id: int
    po_number: str
    gr_id: int
    gr_number: str
    dn_lines: tuple[tuple[Decimal, Decimal], ...]   # (qty, net unit price) of the posted DN


def _amount(qty, price) -> Decimal:
    return (Decimal(qty) * Decimal(price)).quantize(CENT, rounding=ROUND_HALF_UP)


def _tax(amount: Decimal, rate: Decimal) -> Decimal:
    return (amount - amount / (1 + rate / 100)).quantize(CENT, rounding=ROUND_HALF_UP)


def _doc(s, doc_type, number, warehouse_id, day, **kw) -> StockDocument:
    posted = number is not None
    doc = StockDocument(doc_type=doc_type, number=number, client_uuid=str(uuid.uuid4()),
                        state="posted" if posted else "draft", doc_date=day,
                        warehouse_id=warehouse_id, posted_at=utcnow() if posted else None,
                        **kw)
    s.add(doc)
    s.flush()
    return doc


def seed_print_world(db: Database, staff, lines: int = 3) -> PrintWorld:
    db.write(lambda s: save_print_settings(
        s, staff.admin, CompanyProfile(name="千里贸易有限公司", address="上海市张江路 88 号",
                                       phone="021-5080 1234", bank_name="工商银行",
                                       bank_account="1001 2345"),
        PrintOptions(delivery_note_copies=("白联", "红联", "黄联"))))
    cust = db.write(lambda s: create_customer(
        s, staff.rep1, CustomerInput(name="杭州明远机电设备有限公司", address="杭州市文一西路 1500 号",
                                     phone="0571-8888 6666")))
    db.write(lambda s: add_contact(s, staff.rep1, cust.id,
                                   ContactInput(name="王磊", phone="13800000000",
                                                is_primary=True)))
    other = db.write(lambda s: create_customer(s, staff.rep3, CustomerInput(name="West Corp")))

    def build(s):
        wh = Warehouse(code="W1", name="一号仓库", address="上海市川沙路 1200 号")
        products = [Product(sku=f"P-{i:03d}", name=f"不锈钢螺栓 M{i}", spec=f"M{i}×30",
                            unit="盒", qty_decimals=0 if i % 2 else 2,
                            sale_price=Decimal("36.50") + i, cost=Decimal("20"),
                            tax_rate=Decimal("13")) for i in range(1, lines + 1)]
        sup = Supplier(code="S-0007", name="宁波恒固紧固件", payment_terms="月结 30 天")
        s.add_all([wh, sup, *products])
        s.flush()
        s.add(SupplierContact(supplier_id=sup.id, name="陈芳", phone="0574-1", is_primary=True))
        so = SalesOrder(number="SO-2026-000087", client_uuid=str(uuid.uuid4()), state="approved",
                        customer_id=cust.id, warehouse_id=wh.id, salesperson_id=staff.rep1.user_id,
                        order_date=DAY - dt.timedelta(days=3), payment_terms="货到 30 天",
                        created_by_id=staff.rep1.user_id)
        s.add(so)
        s.flush()
        so_lines, total, tax, disc = [], Decimal(0), Decimal(0), Decimal(0)
        for i, p in enumerate(products, start=1):
            qty = Decimal(i * 3) + (Decimal("0.25") if p.qty_decimals else 0)
            d = Decimal(5) if i == 2 else Decimal(0)
            amount = _amount(qty * p.sale_price, 1 - d / 100)
            line = SalesOrderLine(order_id=so.id, line_no=i, product_id=p.id, qty=qty,
                                  unit_price=p.sale_price, discount_pct=d, tax_rate=p.tax_rate,
                                  amount=amount, tax_amount=_tax(amount, p.tax_rate))
            so_lines.append(line)
            total += amount
            tax += line.tax_amount
            disc += _amount(qty, p.sale_price) - amount
        s.add_all(so_lines)
        so.total, so.tax_total, so.discount_total = total, tax, disc
        s.flush()
        dn = _doc(s, "DN", "DN-2026-000123", wh.id, DAY, customer_id=cust.id,
                  sales_order_id=so.id, notes="轻拿轻放")
        dn_lines = []
        for i, (p, sol) in enumerate(zip(products, so_lines), start=1):
            net = (p.sale_price * (1 - sol.discount_pct / 100)).quantize(CENT)
            s.add(StockDocumentLine(document_id=dn.id, line_no=i, product_id=p.id,
                                    qty=sol.qty, unit_price=net, unit_cost=Decimal("20"),
                                    so_line_id=sol.id))
            dn_lines.append((sol.qty, net))
        draft = _doc(s, "DN", None, wh.id, DAY, customer_id=cust.id, sales_order_id=so.id)
        s.add(StockDocumentLine(document_id=draft.id, line_no=1, product_id=products[0].id,
                                qty=Decimal(1), so_line_id=so_lines[0].id))
        s.flush()
        first_dn_line = s.query(StockDocumentLine).filter_by(document_id=dn.id, line_no=1).one()
        cr = _doc(s, "CR", "CR-2026-000004", wh.id, DAY + dt.timedelta(days=5),
                  source_document_id=dn.id, customer_id=cust.id)
        s.add(StockDocumentLine(document_id=cr.id, line_no=1, product_id=products[0].id,
                                qty=Decimal(1), source_line_id=first_dn_line.id,
                                reason="破损"))
        po = PurchaseOrder(number="PO-2026-000045", client_uuid=str(uuid.uuid4()),
                           state="approved", supplier_id=sup.id, warehouse_id=wh.id,
                           order_date=DAY - dt.timedelta(days=10),
                           created_by_id=staff.warehouse.user_id)
        s.add(po)
        s.flush()
        po_total = Decimal(0)
        for i, p in enumerate(products, start=1):
            amount = _amount(10 * i, p.cost * Decimal("1.13"))
            s.add(PurchaseOrderLine(order_id=po.id, line_no=i, product_id=p.id,
                                    qty=Decimal(10 * i), unit_price=p.cost * Decimal("1.13"),
                                    tax_rate=Decimal(13), amount=amount,
                                    tax_amount=_tax(amount, Decimal(13))))
            po_total += amount
        po.total = po_total
        s.flush()
        po_lines = s.query(PurchaseOrderLine).filter_by(order_id=po.id).order_by(
            PurchaseOrderLine.line_no).all()
        gr = _doc(s, "GR", "GR-2026-000031", wh.id, DAY, supplier_id=sup.id,
                  purchase_order_id=po.id)
        for i, (p, pol) in enumerate(zip(products, po_lines), start=1):
            s.add(StockDocumentLine(document_id=gr.id, line_no=i, product_id=p.id,
                                    qty=pol.qty - 1, unit_cost=p.cost, po_line_id=pol.id))
        s.flush()
        return PrintWorld(cust.id, cust.code, other.id, tuple(p.id for p in products), wh.id,
                          so.id, so.number, dn.id, dn.number, draft.id, cr.id, po.id,
                          po.number, gr.id, gr.number, tuple(dn_lines))
    return db.write(build)
