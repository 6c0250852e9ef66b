"""Orders for service tests: a small catalog, a supplier, a customer, stock put in through
the ledger, and shortcuts for the order services."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.db import Database
from models.catalog import Product, Supplier, Warehouse
from models.stock import StockBalance
from services import purchasing, sales_orders, stock_ledger
from services.order_lines import OrderLineInput
from services.org import Actor
from services.stock_ledger import Move
from tests.helpers.pipeline import make_customer
from tests.helpers.stock import draft_document


@dataclass(frozen=True)
class Shop:
    products: tuple[int, ...]       # SKU-001 …: sale price 100, cost 60, tax 13 %
    warehouses: tuple[int, ...]     # 仓库1, 仓库2
    supplier: int
    customer: int                   # owned by rep1


def make_shop(db: Database, rep: Actor, products: int = 3) -> Shop:
    def build(s):
        ps = [Product(sku=f"SKU-{i:03d}", name=f"产品{i}", unit="个", cost=Decimal("60"),
                      sale_price=Decimal("100"), tax_rate=Decimal("13"))
              for i in range(1, products + 1)]
        ws = [Warehouse(code=f"W{i}", name=f"仓库{i}") for i in (1, 2)]
        sup = Supplier(code="S-001", name="上海供应商", payment_terms="月结30天")
        s.add_all(ps + ws + [sup])
        s.flush()
        return [p.id for p in ps], [w.id for w in ws], sup.id
    pids, wids, sid = db.write(build)
    customer = make_customer(db, rep, "客户甲有限公司", address="北京市海淀区1号")
    return Shop(tuple(pids), tuple(wids), sid, customer.id)


def stock_in(db: Database, product_id: int, warehouse_id: int, quantity) -> None:
    """Put stock on hand through a posted receipt written straight to the ledger."""
    def work(s):
        doc = draft_document(s, "GR", warehouse_id)
        stock_ledger.lock_document(s, doc.id)
        stock_ledger.mark_posted(s, None, doc)
        stock_ledger.apply_moves(s, None, [Move(product_id, warehouse_id, Decimal(quantity),
                                                unit_cost=Decimal("60"))], document=doc)
        stock_ledger.finish_posting(s, doc)
    db.write(work)


def balance(db: Database, product_id: int, warehouse_id: int) -> tuple[Decimal, Decimal]:
    """(on hand, reserved)."""
    row = db.read(lambda s: s.execute(
        select(StockBalance.on_hand, StockBalance.reserved)
        .where(StockBalance.product_id == product_id,
               StockBalance.warehouse_id == warehouse_id)).first())
    return (Decimal("0"), Decimal("0")) if row is None else (Decimal(row[0]), Decimal(row[1]))


def line(product_id: int, q, price=None, discount="0", tax=None) -> OrderLineInput:
    return OrderLineInput(product_id, Decimal(str(q)),
                          None if price is None else Decimal(str(price)), Decimal(discount),
                          None if tax is None else Decimal(str(tax)))


def so_input(shop: Shop, *lines: OrderLineInput, warehouse: int | None = None, **kw
             ) -> sales_orders.SalesOrderInput:
    return sales_orders.SalesOrderInput(
        customer_id=kw.pop("customer_id", shop.customer),
        warehouse_id=warehouse or shop.warehouses[0],
        lines=tuple(lines) or (line(shop.products[0], 2),), **kw)


def create_so(db: Database, actor: Actor, data: sales_orders.SalesOrderInput,
              client_uuid: str | None = None) -> sales_orders.SalesOrderInfo:
    key = client_uuid or str(uuid.uuid4())
    return db.write(lambda s: sales_orders.create_sales_order(s, actor, data, key))


def po_input(shop: Shop, *lines: OrderLineInput, **kw) -> purchasing.PurchaseOrderInput:
    return purchasing.PurchaseOrderInput(
        supplier_id=shop.supplier, warehouse_id=kw.pop("warehouse_id", shop.warehouses[0]),
        lines=tuple(lines) or (line(shop.products[0], 10),),
        expected_date=kw.pop("expected_date", dt.date.today() + dt.timedelta(days=7)), **kw)


def create_po(db: Database, actor: Actor, data: purchasing.PurchaseOrderInput,
              client_uuid: str | None = None) -> purchasing.PurchaseOrderInfo:
    key = client_uuid or str(uuid.uuid4())
    return db.write(lambda s: purchasing.create_purchase_order(s, actor, data, key))


def call(db: Database, fn, *args, **kwargs):
    """Run one service call in a write transaction."""
    return db.write(lambda s: fn(s, *args, **kwargs))


def warehouse_name(db: Database, warehouse_id: int) -> str:
    return db.read(lambda s: s.scalar(select(Warehouse.name)
                                      .where(Warehouse.id == warehouse_id)))
