"""Stock (进销存): purchase and sales orders, the stock documents that move goods
(receipts, delivery notes, returns, transfers, counts), the append-only ledger and the
balances it sums to.

Invariants the database holds:
- ``stock_balance.on_hand >= 0`` and ``reserved >= 0`` (CHECK);
- a document's client UUID is unique, so a resend cannot create it twice;
- a document number is unique; a reversal reverses one document once (UNIQUE reverses_id);
- on PostgreSQL, triggers (migration 0003) refuse UPDATE/DELETE of a posted stock document,
  its lines and any ledger row.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, String,
                        Text, UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow
from models.catalog import COST, MONEY, PERCENT, QTY

PO_STATES = ("draft", "submitted", "approved", "partially_received", "received", "cancelled")
SO_STATES = ("draft", "submitted", "approved", "partially_delivered", "delivered", "cancelled")
# GR goods receipt, DN delivery note, CR customer return, SR supplier return,
# TR transfer, SC stock count (盘点).
STOCK_DOC_TYPES = ("GR", "DN", "CR", "SR", "TR", "SC")
# submitted is used by stock counts (posting a count is its approval).
STOCK_DOC_STATES = ("draft", "submitted", "posted", "cancelled")

# SQLite only auto-numbers an INTEGER PRIMARY KEY; PostgreSQL gets bigint for the ledger.
BIGID = BigInteger().with_variant(Integer(), "sqlite")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({','.join(repr(v) for v in values)})"


class PurchaseOrder(Base):
    __tablename__ = "purchase_order"
    __table_args__ = (
        CheckConstraint(_in("state", PO_STATES), name="state_known"),
        Index("ix_purchase_order_supplier", "supplier_id", "id"),
        Index("ix_purchase_order_state", "state", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Gapless PO-YYYY-NNNNNN, assigned when the order is submitted.
    number: Mapped[str | None] = mapped_column(String(32), unique=True)
    client_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    state: Mapped[str] = mapped_column(String(20), default="draft")
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"))
    order_date: Mapped[dt.date] = mapped_column(Date)
    expected_date: Mapped[dt.date | None] = mapped_column(Date)
    payment_terms: Mapped[str | None] = mapped_column(String(80))
    # Totals are tax-inclusive (含税), kept in step with the lines by the service.
    total: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    tax_total: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    notes: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    cancel_reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow,
                                                    onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}


class PurchaseOrderLine(Base):
    __tablename__ = "purchase_order_line"
    __table_args__ = (
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("unit_price >= 0", name="price_positive"),
        CheckConstraint("received_qty >= 0 AND returned_qty >= 0", name="progress_positive"),
        UniqueConstraint("order_id", "line_no", name="uq_purchase_order_line_no"),
        Index("ix_purchase_order_line_product", "product_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("purchase_order.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    qty: Mapped[Decimal] = mapped_column(QTY)
    unit_price: Mapped[Decimal] = mapped_column(COST)          # tax-inclusive purchase price
    tax_rate: Mapped[Decimal] = mapped_column(PERCENT, default=Decimal("13"))
    amount: Mapped[Decimal] = mapped_column(MONEY)             # qty × price, tax-inclusive
    tax_amount: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    received_qty: Mapped[Decimal] = mapped_column(QTY, default=Decimal("0"))
    returned_qty: Mapped[Decimal] = mapped_column(QTY, default=Decimal("0"))


class SalesOrder(Base):
    __tablename__ = "sales_order"
    __table_args__ = (
        CheckConstraint(_in("state", SO_STATES), name="state_known"),
        Index("ix_sales_order_customer", "customer_id", "id"),
        Index("ix_sales_order_state", "state", "id"),
        Index("ix_sales_order_salesperson", "salesperson_id", "order_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Gapless SO-YYYY-NNNNNN, assigned when the order is submitted.
    number: Mapped[str | None] = mapped_column(String(32), unique=True)
    client_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    state: Mapped[str] = mapped_column(String(20), default="draft")
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"))
    salesperson_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("opportunity.id"))
    order_date: Mapped[dt.date] = mapped_column(Date)
    delivery_date: Mapped[dt.date | None] = mapped_column(Date)
    delivery_address: Mapped[str | None] = mapped_column(String(300))
    delivery_terms: Mapped[str | None] = mapped_column(String(200))
    payment_terms: Mapped[str | None] = mapped_column(String(200))
    contact_name: Mapped[str | None] = mapped_column(String(100))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    # Tax-inclusive totals after line discounts (含税金额), kept in step by the service.
    total: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    tax_total: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    discount_total: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    # Why a manager must approve (amount/discount over the settings), empty when not needed.
    approval_reason: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    cancel_reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow,
                                                    onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}


class SalesOrderLine(Base):
    __tablename__ = "sales_order_line"
    __table_args__ = (
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("unit_price >= 0", name="price_positive"),
        CheckConstraint("discount_pct >= 0 AND discount_pct <= 100", name="discount_range"),
        CheckConstraint("reserved_qty >= 0 AND delivered_qty >= 0 AND returned_qty >= 0",
                        name="progress_positive"),
        UniqueConstraint("order_id", "line_no", name="uq_sales_order_line_no"),
        Index("ix_sales_order_line_product", "product_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("sales_order.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    qty: Mapped[Decimal] = mapped_column(QTY)
    unit_price: Mapped[Decimal] = mapped_column(MONEY)          # tax-inclusive list price
    discount_pct: Mapped[Decimal] = mapped_column(PERCENT, default=Decimal("0"))
    tax_rate: Mapped[Decimal] = mapped_column(PERCENT, default=Decimal("13"))
    amount: Mapped[Decimal] = mapped_column(MONEY)              # after discount, tax-inclusive
    tax_amount: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    # Reserved while the order is approved and not yet delivered; released on delivery or cancel.
    reserved_qty: Mapped[Decimal] = mapped_column(QTY, default=Decimal("0"))
    delivered_qty: Mapped[Decimal] = mapped_column(QTY, default=Decimal("0"))
    returned_qty: Mapped[Decimal] = mapped_column(QTY, default=Decimal("0"))


class StockDocument(Base):
    """Every movement of goods is on one of these. Type-specific columns are empty for the
    other types (e.g. ``to_warehouse_id`` only for transfers)."""

    __tablename__ = "stock_document"
    __table_args__ = (
        CheckConstraint(_in("doc_type", STOCK_DOC_TYPES), name="doc_type_known"),
        CheckConstraint(_in("state", STOCK_DOC_STATES), name="state_known"),
        CheckConstraint("doc_type <> 'TR' OR (to_warehouse_id IS NOT NULL "
                        "AND to_warehouse_id <> warehouse_id)", name="transfer_two_warehouses"),
        CheckConstraint("state <> 'posted' OR (number IS NOT NULL AND posted_at IS NOT NULL)",
                        name="posted_has_number"),
        Index("ix_stock_document_type_state", "doc_type", "state", "id"),
        Index("ix_stock_document_sales_order", "sales_order_id"),
        Index("ix_stock_document_purchase_order", "purchase_order_id"),
        Index("ix_stock_document_customer", "customer_id", "id"),
        Index("ix_stock_document_source", "source_document_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_type: Mapped[str] = mapped_column(String(2))
    # Gapless per type and year (DN-2026-000123), assigned at posting.
    number: Mapped[str | None] = mapped_column(String(32), unique=True)
    # Generated by the client when the document is first created: a resend is recognised.
    client_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    state: Mapped[str] = mapped_column(String(12), default="draft")
    doc_date: Mapped[dt.date] = mapped_column(Date)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"))
    to_warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouse.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("supplier.id"))
    purchase_order_id: Mapped[int | None] = mapped_column(ForeignKey("purchase_order.id"))
    sales_order_id: Mapped[int | None] = mapped_column(ForeignKey("sales_order.id"))
    # A return points at the delivery note / receipt it returns goods from.
    source_document_id: Mapped[int | None] = mapped_column(ForeignKey("stock_document.id"))
    # A reversal document undoes exactly one posted document, once.
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("stock_document.id"),
                                                    unique=True)
    reason: Mapped[str | None] = mapped_column(String(200))
    quality_note: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    delivery_address: Mapped[str | None] = mapped_column(String(300))
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    posted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    posted_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow,
                                                    onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}


class StockDocumentLine(Base):
    __tablename__ = "stock_document_line"
    __table_args__ = (
        CheckConstraint("qty >= 0", name="qty_not_negative"),
        UniqueConstraint("document_id", "line_no", name="uq_stock_document_line_no"),
        Index("ix_stock_document_line_product", "product_id"),
        Index("ix_stock_document_line_so_line", "so_line_id"),
        Index("ix_stock_document_line_po_line", "po_line_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("stock_document.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    # Moved quantity (always positive; the type says the direction). For a count: counted qty.
    qty: Mapped[Decimal] = mapped_column(QTY)
    # Count only: the book quantity when the count was posted (difference = qty - system_qty).
    system_qty: Mapped[Decimal | None] = mapped_column(QTY)
    # Receipt: purchase price; other types: filled at posting with the moving-average cost.
    unit_cost: Mapped[Decimal | None] = mapped_column(COST)
    # Delivery / customer return: the sales price net of discount (for margin reports).
    unit_price: Mapped[Decimal | None] = mapped_column(MONEY)
    po_line_id: Mapped[int | None] = mapped_column(ForeignKey("purchase_order_line.id"))
    so_line_id: Mapped[int | None] = mapped_column(ForeignKey("sales_order_line.id"))
    source_line_id: Mapped[int | None] = mapped_column(ForeignKey("stock_document_line.id"))
    reason: Mapped[str | None] = mapped_column(String(200))


class StockBalance(Base):
    """On hand and reserved per product and warehouse; always the sum of the ledger
    (``python main.py stock check``). Available = on_hand − reserved."""

    __tablename__ = "stock_balance"
    __table_args__ = (
        CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
        CheckConstraint("reserved >= 0", name="reserved_not_negative"),
        Index("ix_stock_balance_warehouse", "warehouse_id", "product_id"),
    )

    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"), primary_key=True)
    on_hand: Mapped[Decimal] = mapped_column(QTY, default=Decimal("0"))
    reserved: Mapped[Decimal] = mapped_column(QTY, default=Decimal("0"))
    # Moving-average unit cost of what is on hand in this warehouse.
    avg_cost: Mapped[Decimal] = mapped_column(COST, default=Decimal("0"))
    last_move_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class StockMove(Base):
    """The append-only ledger: one row per product, warehouse and posted document line.
    ``qty`` is signed (+ in, − out); ``unit_cost`` is the cost the move carried."""

    __tablename__ = "stock_move"
    __table_args__ = (
        CheckConstraint("qty <> 0", name="qty_not_zero"),
        # Covering on PostgreSQL (migration 0006): the inquiry's history page reads the index
        # alone.
        Index("ix_stock_move_product_wh", "product_id", "warehouse_id", "id",
              postgresql_include=["at", "doc_type", "doc_number", "document_id", "qty",
                                  "unit_cost"]),
        Index("ix_stock_move_at", "at"),
        Index("ix_stock_move_document", "document_id"),
    )

    id: Mapped[int] = mapped_column(BIGID, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"))
    qty: Mapped[Decimal] = mapped_column(QTY)
    unit_cost: Mapped[Decimal] = mapped_column(COST, default=Decimal("0"))
    document_id: Mapped[int] = mapped_column(ForeignKey("stock_document.id"))
    line_id: Mapped[int | None] = mapped_column(ForeignKey("stock_document_line.id"))
    doc_type: Mapped[str] = mapped_column(String(2))
    doc_number: Mapped[str] = mapped_column(String(32))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
