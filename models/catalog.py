"""Catalog and supply-side master data: product categories, products, suppliers and their
contacts, warehouses."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (Boolean, CheckConstraint, ForeignKey, Index, Integer, Numeric, String,
                        Text)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow

# Quantities carry three decimals (kg, m); the product's unit says how many the UI shows.
QTY = Numeric(14, 3)
MONEY = Numeric(14, 2)
# Costs keep four decimals so a moving average over many receipts does not drift.
COST = Numeric(14, 4)
PERCENT = Numeric(5, 2)


class ProductCategory(Base):
    __tablename__ = "product_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("product_category.id"))


class Product(Base):
    __tablename__ = "product"
    __table_args__ = (
        CheckConstraint("sale_price >= 0", name="sale_price_positive"),
        CheckConstraint("cost >= 0", name="cost_positive"),
        CheckConstraint("min_stock >= 0", name="min_stock_positive"),
        CheckConstraint("qty_decimals >= 0 AND qty_decimals <= 3", name="qty_decimals_range"),
        Index("ix_product_category_id", "category_id"),
        Index("ix_product_name", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    spec: Mapped[str | None] = mapped_column(String(200))          # 规格型号
    unit: Mapped[str] = mapped_column(String(16), default="个")      # 个/箱/kg …
    # 0 for pieces, up to 3 for kg/m: quantities are rounded to this on entry.
    qty_decimals: Mapped[int] = mapped_column(Integer, default=0)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("product_category.id"))
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True)
    sale_price: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    # Standard / last purchase cost; the moving-average cost lives on stock_balance.
    cost: Mapped[Decimal] = mapped_column(COST, default=Decimal("0"))
    tax_rate: Mapped[Decimal] = mapped_column(PERCENT, default=Decimal("13"))
    min_stock: Mapped[Decimal] = mapped_column(QTY, default=Decimal("0"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Lower-cased, width-folded sku/name/spec/barcode for fragment search (pg_trgm GIN on
    # PostgreSQL, migration 0006).
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow,
                                                    onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}


class Supplier(Base):
    __tablename__ = "supplier"
    __table_args__ = (
        CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating_range"),
        Index("ix_supplier_name", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(String(300))
    tax_id: Mapped[str | None] = mapped_column(String(40))
    bank_account: Mapped[str | None] = mapped_column(String(80))
    payment_terms: Mapped[str | None] = mapped_column(String(80))   # e.g. 月结30天
    payment_days: Mapped[int | None] = mapped_column(Integer)
    rating: Mapped[int | None] = mapped_column(Integer)             # 1–5 stars
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow,
                                                    onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}


class SupplierContact(Base):
    __tablename__ = "supplier_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id", ondelete="CASCADE"),
                                             index=True)
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class Warehouse(Base):
    __tablename__ = "warehouse"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
