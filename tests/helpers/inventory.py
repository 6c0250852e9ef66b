"""Stock for the inventory tests (transfers, counts, reversals, inquiry, reports) without the
receipt/delivery services: posted documents written through the ledger core, as
tests/services/test_stock_ledger.py does."""
from __future__ import annotations

from decimal import Decimal

from app.db import Database
from services import stock_ledger as ledger
from services.stock_documents import DocLineInput, post_document, write_lines
from services.stock_ledger import Move
from services.stock_posting import document_lines
from tests.helpers.stock import draft_document


def book(db: Database, actor_id: int | None, doc_type: str, warehouse_id: int,
         lines: list[tuple[int, str | Decimal, str | Decimal | None]], *,
         price: str | Decimal | None = None, **header) -> int:
    """Post a document of ``doc_type`` whose lines move ``(product, signed qty, cost)`` in
    ``warehouse_id`` (a receipt's cost is blended into the average; None → the average),
    every line at the sales ``price`` when given. Returns the document id."""
    def work(s):
        doc = draft_document(s, doc_type, warehouse_id, **header)
        write_lines(s, doc, tuple(DocLineInput(p, abs(Decimal(q)),
                                               unit_cost=None if c is None else Decimal(c),
                                               unit_price=None if price is None else Decimal(price))
                                  for p, q, c in lines))
        s.refresh(doc)
        ids = [ln.id for ln in document_lines(s, doc.id)]
        ledger.lock_document(s, doc.id)
        ledger.mark_posted(s, actor_id, doc)
        ledger.apply_moves(s, actor_id, [
            Move(p, warehouse_id, Decimal(q), line_id=i,
                 unit_cost=None if c is None else Decimal(c))
            for (p, q, c), i in zip(lines, ids)], document=doc)
        ledger.finish_posting(s, doc)
        return doc.id
    return db.write(work)


def receive(db: Database, product_id: int, warehouse_id: int, qty, cost="10") -> int:
    return book(db, None, "GR", warehouse_id, [(product_id, qty, cost)])


def post(db: Database, actor, doc_id: int):
    return db.write(lambda s: post_document(s, actor, doc_id))
