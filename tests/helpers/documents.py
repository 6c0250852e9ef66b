"""Orders and a small world for the stock-document tests: products and warehouses straight
through the models (tests/helpers/stock.py), a supplier, a customer, and purchase / sales
orders taken through the order services up to "approved"."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal as D

from sqlalchemy import select

from app.db import Database
from models.catalog import Supplier
from models.stock import StockBalance
from services import customers, purchasing, sales_orders
from services.customers import CustomerInput
from services.order_lines import OrderLineInput
from services.purchasing import PurchaseOrderInput
from services.sales_orders import SalesOrderInput
from services.stock_documents import new_uuid
from tests.helpers.stock import make_catalog


@dataclass(frozen=True)
class World:
    products: tuple[int, ...]
    warehouses: tuple[int, ...]
    supplier: int
    customer: int


def make_world(db: Database, staff, products: int = 3, warehouses: int = 2) -> World:
    cat = make_catalog(db, products, warehouses)

    def build(s):
        sup = Supplier(code="S-0001", name="华东五金供应商")
        s.add(sup)
        s.flush()
        c = customers.create_customer(s, staff.rep1, CustomerInput(name="上海精工机械有限公司"))
        return sup.id, c.id
    supplier, customer = db.write(build)
    return World(cat.products, cat.warehouses, supplier, customer)


def approved_po(db: Database, staff, world: World, lines, warehouse: int | None = None) -> int:
    """A purchase order approved by the admin; ``lines`` are (product, qty, price incl. tax)."""
    def work(s):
        po = purchasing.create_purchase_order(s, staff.warehouse, PurchaseOrderInput(
            world.supplier, warehouse or world.warehouses[0],
            tuple(OrderLineInput(p, D(q), D(price)) for p, q, price in lines)), new_uuid())
        purchasing.submit_purchase_order(s, staff.warehouse, po.id)
        purchasing.approve_purchase_order(s, staff.admin, po.id)
        return po.id
    return db.write(work)


def approved_so(db: Database, staff, world: World, lines, warehouse: int | None = None,
                actor=None) -> int:
    """A sales order submitted by rep1 (approved at once: no approval rules are set), its
    lines reserved; ``lines`` are (product, qty, price incl. tax[, discount %])."""
    def work(s):
        so = sales_orders.create_sales_order(s, actor or staff.rep1, SalesOrderInput(
            world.customer, warehouse or world.warehouses[0],
            tuple(OrderLineInput(ln[0], D(ln[1]), D(ln[2]), D(ln[3]) if len(ln) > 3 else D(0))
                  for ln in lines)), new_uuid())
        info = sales_orders.submit_sales_order(s, actor or staff.rep1, so.id)
        assert info.state == "approved", info.approval_reason
        return so.id
    return db.write(work)


def balance(db: Database, product: int, warehouse: int) -> tuple[D, D]:
    """(on hand, reserved)."""
    row = db.read(lambda s: s.execute(select(StockBalance.on_hand, StockBalance.reserved)
                                      .where(StockBalance.product_id == product,
                                             StockBalance.warehouse_id == warehouse)).first())
    return (D(row[0]), D(row[1])) if row else (D(0), D(0))
