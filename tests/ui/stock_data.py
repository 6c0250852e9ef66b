"""A small trading company for the stock and order screen tests, built through the real
services: two warehouses, five products with barcodes (one counted in kg with decimals, one
with a minimum stock that is not met), a supplier, a customer of rep 张伟, stock received
into the main warehouse, and helpers for approved sales and purchase orders."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal as D

from app.db import Database
from services import catalog, customers, purchasing, sales_orders, suppliers
from services.catalog import ProductInput
from services.customers import CustomerInput
from services.order_lines import OrderLineInput
from services.purchasing import PurchaseOrderInput
from services.sales_orders import SalesOrderInput
from services.stock_documents import DocLineInput, new_uuid, post_document
from services.suppliers import SupplierInput
from tests.helpers.org import Staff
from tests.ui.helpers_b import quick_staff

PRODUCTS = (  # sku, name, spec, unit, decimals, barcode, price, cost, min stock
    ("BOLT-M6", "六角螺栓", "M6×30 镀锌", "个", 0, "6901234500011", "0.80", "0.35", "0"),
    ("NUT-M6", "六角螺母", "M6 镀锌", "个", 0, "6901234500028", "0.30", "0.12", "0"),
    ("WIRE-2.5", "铜芯电线", "BV 2.5mm²", "kg", 3, "6901234500035", "68.00", "52.00", "0"),
    ("GLOVE-L", "劳保手套", "L 号 棉纱", "双", 0, "6901234500042", "4.50", "2.10", "200"),
    ("TAPE-18", "绝缘胶带", "18mm×10m 黑色", "卷", 0, None, "3.20", "1.40", "0"),
)


@dataclass(frozen=True)
class StockWorld:
    staff: Staff
    main: int               # warehouse ids
    south: int
    products: dict          # sku → ProductInfo
    supplier: int
    customer: int

    def pid(self, sku: str) -> int:
        return self.products[sku].id


def stock_world(db: Database, *, stock: dict[str, str] | None = None) -> StockWorld:
    """The company; ``stock`` (sku → qty) is received into the main warehouse (default: a
    few hundred of each product, 40 gloves, below their minimum of 200)."""
    staff = quick_staff(db)
    admin = staff.admin

    def build(s):
        main = catalog.create_warehouse(s, admin, "WH1", "总仓", "上海市嘉定区")
        south = catalog.create_warehouse(s, admin, "WH2", "深圳仓", "深圳市宝安区")
        products = {}
        for sku, name, spec, unit, dec, barcode, price, cost, minimum in PRODUCTS:
            products[sku] = catalog.create_product(s, admin, ProductInput(
                sku=sku, name=name, spec=spec, unit=unit, qty_decimals=dec, barcode=barcode,
                sale_price=D(price), cost=D(cost), min_stock=D(minimum), category="五金"))
        supplier = suppliers.create_supplier(s, admin, SupplierInput(
            name="华东五金供应商", phone="021-55550001", payment_terms="月结30天"))
        customer = customers.create_customer(s, staff.rep1,
                                             CustomerInput(name="上海精工机械有限公司"))
        return StockWorld(staff, main.id, south.id, products, supplier.id, customer.id)
    world = db.write(build)
    stock = stock if stock is not None else {"BOLT-M6": "500", "NUT-M6": "800",
                                             "WIRE-2.5": "120.5", "GLOVE-L": "40",
                                             "TAPE-18": "60"}
    if stock:
        receive(db, world, world.main, stock)
    return world


def receive(db: Database, world: StockWorld, warehouse: int, stock: dict[str, str]) -> int:
    """Post a receipt without an order (opening stock) of ``stock``; returns its id."""
    from services.receipts import create_standalone_receipt

    def work(s):
        info = create_standalone_receipt(
            s, world.staff.warehouse, warehouse, "期初库存",
            tuple(DocLineInput(world.pid(sku), D(q), unit_cost=world.products[sku].cost)
                  for sku, q in stock.items()), new_uuid())
        post_document(s, world.staff.warehouse, info.id)
        return info.id
    return db.write(work)


def sales_order(db: Database, world: StockWorld, lines, *, submit: bool = True,
                actor=None, warehouse: int | None = None) -> int:
    """An order of rep 张伟 for the customer; ``lines`` are (sku, qty[, price[, discount]]).
    Submitted (and, without approval rules, approved with its stock reserved) unless
    ``submit`` is False."""
    actor = actor or world.staff.rep1

    def work(s):
        so = sales_orders.create_sales_order(s, actor, SalesOrderInput(
            world.customer, warehouse or world.main, tuple(
                OrderLineInput(world.pid(ln[0]), D(ln[1]),
                               D(ln[2]) if len(ln) > 2 else None,
                               D(ln[3]) if len(ln) > 3 else D(0)) for ln in lines),
            delivery_address="上海市嘉定区安亭镇墨玉路 88 号"), new_uuid())
        if submit:
            sales_orders.submit_sales_order(s, actor, so.id)
        return so.id
    return db.write(work)


def purchase_order(db: Database, world: StockWorld, lines, *, approve: bool = True) -> int:
    """A purchase order of ``lines`` (sku, qty[, price]) into the main warehouse, submitted
    and approved by the administrator unless ``approve`` is False (then a draft)."""
    def work(s):
        po = purchasing.create_purchase_order(s, world.staff.warehouse, PurchaseOrderInput(
            world.supplier, world.main, tuple(
                OrderLineInput(world.pid(ln[0]), D(ln[1]), D(ln[2]) if len(ln) > 2 else None)
                for ln in lines)), new_uuid())
        if approve:
            purchasing.submit_purchase_order(s, world.staff.warehouse, po.id)
            purchasing.approve_purchase_order(s, world.staff.admin, po.id)
        return po.id
    return db.write(work)
