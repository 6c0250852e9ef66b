"""Catalog rows for stock tests, written straight through the models so ledger tests do
not depend on the catalog services."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from app.db import Database
from models.catalog import Product, Warehouse
from models.stock import StockDocument


@dataclass(frozen=True)
class Catalog:
    products: tuple[int, ...]
    warehouses: tuple[int, ...]


def make_catalog(db: Database, products: int = 3, warehouses: int = 2,
                 cost: str = "10") -> Catalog:
    def build(s):
        ps = [Product(sku=f"SKU-{i:03d}", name=f"产品{i}", unit="个", cost=Decimal(cost),
                      sale_price=Decimal("20")) for i in range(1, products + 1)]
        ws = [Warehouse(code=f"W{i}", name=f"仓库{i}") for i in range(1, warehouses + 1)]
        s.add_all(ps + ws)
        s.flush()
        return Catalog(tuple(p.id for p in ps), tuple(w.id for w in ws))
    return db.write(build)


def draft_document(s, doc_type: str, warehouse_id: int, **kw) -> StockDocument:
    import datetime as dt
    doc = StockDocument(doc_type=doc_type, client_uuid=str(uuid.uuid4()),
                        doc_date=dt.date.today(), warehouse_id=warehouse_id, **kw)
    s.add(doc)
    s.flush()
    return doc
