"""The demo company's warehouse side: its letterhead for printouts, two warehouses, a
product catalogue, suppliers, and a few weeks of purchasing and selling walked through the real services (orders submitted and
approved, goods received, delivery notes posted, a return, a transfer), so the clerk's
queues, the stock inquiry, the reports and the customer 360° view are not empty.

Everything goes through the services (numbers, reservations, ledger, audit are the real
ones); it is deterministic for one seed and build day."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal as D

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.org import User
from models.party import Customer
from models.stock import SalesOrder, StockBalance
from services import catalog, org, purchasing, sales_orders, suppliers
from services import deliveries, receipts, returns, transfers
from services.catalog import ProductInput
from services.order_approval import ApprovalRules, set_approval_rules
from services.order_lines import OrderLineInput
from services.print_settings import CompanyProfile, PrintOptions, save_print_settings
from services.purchasing import PurchaseOrderInput
from services.returns import ReturnLineInput
from services.sales_orders import SalesOrderInput
from services.stock_documents import (DocLineInput, StockDocFilter, list_stock_documents,
                                      get_stock_document, post_document,
                                      set_draft_lines)
from services.suppliers import SupplierContactInput, SupplierInput

WAREHOUSES = (("WH01", "上海总仓", "上海市闵行区莘庄工业区春东路 88 号"),
              ("WH02", "深圳分仓", "广东省深圳市宝安区福永街道凤凰路 16 号"))

#: (category, name, spec, unit, decimals, cost, price, min stock)
PRODUCTS: tuple[tuple[str, str, str, str, int, str, str, str], ...] = (
    ("电子元件", "贴片电阻 10kΩ", "0603 ±1% 5000只/盘", "盘", 0, "18.50", "32.00", "20"),
    ("电子元件", "贴片电容 100nF", "0805 50V X7R 4000只/盘", "盘", 0, "22.00", "38.00", "20"),
    ("电子元件", "STM32F103C8T6 单片机", "LQFP48", "片", 0, "9.80", "16.50", "200"),
    ("电子元件", "ESP32-WROOM-32E 模组", "4MB Flash", "片", 0, "14.20", "23.80", "100"),
    ("电子元件", "AMS1117-3.3 稳压芯片", "SOT-223", "片", 0, "0.35", "0.80", "1000"),
    ("电子元件", "LED 灯珠 白光", "5730 0.5W", "千只", 0, "45.00", "78.00", "10"),
    ("电子元件", "排针 2.54mm 单排 40P", "镀金", "包", 0, "3.20", "6.50", "50"),
    ("电子元件", "USB Type-C 母座", "16P 沉板", "千只", 0, "260.00", "420.00", "2"),
    ("线材", "RVV 电源线 2×1.5mm²", "国标纯铜 100米/卷", "卷", 0, "168.00", "245.00", "10"),
    ("线材", "超五类网线", "CAT5e 305米/箱", "箱", 0, "260.00", "399.00", "5"),
    ("线材", "热缩管 Φ6mm", "黑色 2:1", "米", 1, "0.42", "0.90", "500"),
    ("线材", "铜芯导线 BV 2.5mm²", "红色", "米", 1, "1.85", "3.20", "800"),
    ("五金工具", "十字螺丝刀套装", "32 合 1 S2 钢", "套", 0, "26.00", "49.00", "15"),
    ("五金工具", "数显游标卡尺", "0-150mm 0.01mm", "把", 0, "58.00", "118.00", "5"),
    ("五金工具", "内六角扳手套装", "9 件公制", "套", 0, "15.50", "32.00", "10"),
    ("五金工具", "不锈钢螺丝 M3×8", "304 1000只/包", "包", 0, "12.00", "25.00", "30"),
    ("五金工具", "电烙铁 60W", "恒温可调", "把", 0, "38.00", "79.00", "8"),
    ("包装材料", "瓦楞纸箱 40×30×25cm", "五层加硬", "个", 0, "3.60", "6.80", "300"),
    ("包装材料", "气泡膜 50cm×50m", "双层加厚", "卷", 0, "28.00", "46.00", "20"),
    ("包装材料", "封箱胶带 48mm", "透明 100米", "卷", 0, "2.10", "4.50", "200"),
    ("包装材料", "防静电袋 15×20cm", "100只/包", "包", 0, "9.50", "18.00", "40"),
    ("包装材料", "缠绕膜 50cm", "工业级 3kg/卷", "卷", 0, "21.00", "35.00", "30"),
    ("办公用品", "A4 复印纸 70g", "500张/包 5包/箱", "箱", 0, "98.00", "135.00", "30"),
    ("办公用品", "中性笔 0.5mm 黑", "12支/盒", "盒", 0, "9.60", "18.00", "50"),
    ("办公用品", "订书机 12号", "金属", "个", 0, "8.80", "16.00", "20"),
    ("办公用品", "文件夹 A4 双夹", "蓝色", "个", 0, "4.20", "8.50", "100"),
    ("办公用品", "激光打印机硒鼓", "CF217A 兼容", "个", 0, "65.00", "128.00", "10"),
    ("劳保用品", "丁腈手套", "100只/盒 M码", "盒", 0, "18.00", "32.00", "40"),
    ("劳保用品", "防静电工作服", "蓝色 L码", "套", 0, "42.00", "78.00", "15"),
    ("劳保用品", "N95 口罩", "50只/盒", "盒", 0, "35.00", "59.00", "30"),
    ("原材料", "环氧树脂 AB 胶", "1kg/组", "kg", 3, "36.00", "62.00", "20"),
    ("原材料", "焊锡丝 Sn63 0.8mm", "500g/卷", "kg", 3, "168.00", "260.00", "5"),
)

#: (code, name, contact, phone, terms, days, rating)
SUPPLIERS = (
    ("S-000001", "深圳市华强电子元器件有限公司", "林志强", "0755-83216688", "月结30天", 30, 5),
    ("S-000002", "东莞市联创线缆有限公司", "何晓燕", "0769-22883301", "月结60天", 60, 4),
    ("S-000003", "宁波恒力五金工具厂", "王建国", "0574-87726654", "款到发货", 0, 4),
    ("S-000004", "苏州绿源包装材料有限公司", "周敏", "0512-65559012", "月结30天", 30, 3),
    ("S-000005", "上海晨光文具办公用品有限公司", "陈晨", "021-64458890", "货到付款", 7, 5),
    ("S-000006", "Shenzhen Bright Safety Supply Co., Ltd.", "Grace Wu", "0755-26631188",
     "Net 45", 45, 4),
)
SUPPLIER_OF_CATEGORY = {"电子元件": 0, "原材料": 0, "线材": 1, "五金工具": 2, "包装材料": 3,
                        "办公用品": 4, "劳保用品": 5}


@dataclass(frozen=True)
class StockDemoSummary:
    products: int
    suppliers: int
    purchase_orders: int
    sales_orders: int
    delivery_notes: int


def build_stock_demo(s: Session, seed: int, today: dt.date) -> StockDemoSummary:
    rng = random.Random(seed * 11 + 3)
    admin = org.actor_for(s, "admin")
    clerk = org.actor_for(s, "warehouse")
    uid = _uuids(rng)

    save_print_settings(s, admin, CompanyProfile(
        name="千里演示贸易有限公司", address="上海市浦东新区张江高科技园区碧波路 690 号",
        phone="021-5080 1234", fax="021-5080 1235", email="sales@qianli-demo.cn",
        tax_id="91310115MA1K4AB12X", bank_name="招商银行上海张江支行",
        bank_account="1219 0888 6610 888"), PrintOptions())
    whs = [catalog.create_warehouse(s, admin, code, name, address)
           for code, name, address in WAREHOUSES]
    sups = []
    for code, name, contact, phone, terms, days, rating in SUPPLIERS:
        sup = suppliers.create_supplier(s, admin, SupplierInput(
            code=code, name=name, phone=phone, payment_terms=terms, payment_days=days,
            rating=rating))
        suppliers.add_supplier_contact(s, admin, sup.id, SupplierContactInput(
            name=contact, phone=phone, is_primary=True))
        sups.append(sup)
    products = []
    for i, (cat, name, spec, unit, dec, cost, price, min_stock) in enumerate(PRODUCTS, 1):
        products.append((catalog.create_product(s, admin, ProductInput(
            sku=f"P{i:04d}", name=name, spec=spec, unit=unit, qty_decimals=dec, category=cat,
            barcode=_ean13(f"690{i:09d}"), sale_price=D(price), cost=D(cost),
            min_stock=D(min_stock))), cat))

    # Purchasing: one approved order per supplier and warehouse, mostly received.
    pos = 0
    for w_index, wh in enumerate(whs):
        for s_index, sup in enumerate(sups):
            mine = [p for p, cat in products if SUPPLIER_OF_CATEGORY[cat] == s_index]
            if not mine:
                continue
            lines = tuple(OrderLineInput(p.id, _qty(rng, p, 40, 400) if w_index == 0
                                         else _qty(rng, p, 60, 240), p.cost)
                          for p in mine)
            po = purchasing.create_purchase_order(s, clerk, PurchaseOrderInput(
                supplier_id=sup.id, warehouse_id=wh.id, lines=lines,
                order_date=today - dt.timedelta(days=40 - s_index),
                expected_date=today - dt.timedelta(days=30 - s_index),
                payment_terms=sup.payment_terms), next(uid))
            purchasing.submit_purchase_order(s, clerk, po.id)
            purchasing.approve_purchase_order(s, admin, po.id)
            pos += 1
            if (w_index, s_index) == (1, 4):
                continue            # stays in the clerk's "to receive" queue
            doc = receipts.create_receipt_from_po(s, clerk, po.id, next(uid))
            if (w_index, s_index) == (0, 3):
                # a partial receipt: half of every line came, the rest is still open
                half = tuple(DocLineInput(ln.product_id, _half(ln.qty), po_line_id=ln.po_line_id,
                                          unit_cost=ln.unit_cost) for ln in doc.lines)
                set_draft_lines(s, clerk, doc.id, half)
            post_document(s, clerk, doc.id)

    # Selling: orders for owned customers by their owners; most delivered.
    set_approval_rules(s, admin, ApprovalRules(amount_above=D("50000"),
                                               discount_above=D("15")))
    owned = s.execute(select(Customer.id, Customer.owner_id)
                      .where(Customer.owner_id.is_not(None), Customer.merged_into_id.is_(None))
                      .order_by(Customer.id).limit(400)).all()
    picked = rng.sample(owned, k=min(36, len(owned)))
    actors: dict[int, object] = {}
    logins = dict(s.execute(select(User.id, User.login)).all())
    manager = org.actor_for(s, "manager")
    sos = dns = 0
    for n, (customer_id, owner_id) in enumerate(picked):
        if owner_id not in actors:
            actors[owner_id] = org.actor_for(s, logins[owner_id])
        rep = actors[owner_id]
        wh = whs[0] if n % 4 else whs[1]
        # Only what the warehouse has left (the 深圳 office supplies are still on order).
        available = {pid: on_hand - reserved for pid, on_hand, reserved in s.execute(
            select(StockBalance.product_id, StockBalance.on_hand, StockBalance.reserved)
            .where(StockBalance.warehouse_id == wh.id))}
        stocked = [x for x in products if available.get(x[0].id, 0) >= 12]
        chosen = rng.sample(stocked, k=min(len(stocked), rng.randint(1, 4)))
        if not chosen:
            continue
        lines = tuple(OrderLineInput(p.id, _qty(rng, p, 1, 12), p.sale_price,
                                     discount_pct=D(rng.choice((0, 0, 0, 5, 10))))
                      for p, _cat in chosen)
        so = sales_orders.create_sales_order(s, rep, SalesOrderInput(
            customer_id=customer_id, warehouse_id=wh.id, lines=lines,
            order_date=today - dt.timedelta(days=25 - n // 2),
            delivery_date=today - dt.timedelta(days=18 - n // 2),
            payment_terms="月结30天"), next(uid))
        sos += 1
        if n % 9 == 8:
            continue                                    # a draft the rep is still writing
        so = sales_orders.submit_sales_order(s, rep, so.id)
        if so.state == "submitted":
            so = sales_orders.approve_sales_order(s, manager, so.id)
        if n % 5 == 4:
            continue                                    # approved, waiting in "to ship"
        deliveries.post_delivery_from_so(s, clerk, so.id, next(uid))
        dns += 1

    # One customer return and one transfer, so every document type has an example.
    delivered = s.scalars(select(SalesOrder.id).where(SalesOrder.state == "delivered")
                          .order_by(SalesOrder.id).limit(1)).first()
    if delivered:
        dn = list_stock_documents(s, clerk, StockDocFilter(doc_types=("DN",),
                                                           sales_order_id=delivered))[0]
        line = get_stock_document(s, clerk, dn.id).lines[0]
        cr = returns.create_customer_return(
            s, clerk, dn.id, (ReturnLineInput(line.id, D(1), "包装破损"),), next(uid),
            quality_note="外箱受潮，产品完好，可二次销售")
        post_document(s, clerk, cr.id)
    p = products[0][0]
    tr = transfers.create_transfer(s, clerk, whs[0].id, whs[1].id,
                                   (DocLineInput(p.id, D(5)),), next(uid),
                                   reason="深圳分仓补货")
    post_document(s, clerk, tr.id)
    return StockDemoSummary(len(products), len(sups), pos, sos, dns)


def _uuids(rng: random.Random):
    while True:
        yield "%032x" % rng.getrandbits(128)


def _qty(rng: random.Random, product, low: int, high: int) -> D:
    if product.qty_decimals:
        return D(rng.randint(low * 10, high * 10)) / 10
    return D(rng.randint(low, high))


def _half(q: D) -> D:
    return max(D(1), (q / 2).quantize(D(1)))


def _ean13(body12: str) -> str:
    """A valid EAN-13 (the check digit scanners verify) from 12 digits."""
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)
