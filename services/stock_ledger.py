"""The stock ledger: the one place where on-hand and reserved quantities change.

Every document service (receipts, deliveries, returns, transfers, counts, sales-order
reservations) describes what it does as a list of :class:`Move` and hands it to
:func:`apply_moves` inside its own transaction. The rules enforced here:

- Balance rows are created with ``INSERT … ON CONFLICT DO NOTHING`` and then locked
  ``FOR UPDATE`` in sorted (product, warehouse) order, all at once, so two postings that
  touch the same products queue instead of deadlocking; the check and the change happen
  under that lock (never "check first, deduct later"). On SQLite the write transaction
  already holds the database's single write lock (``BEGIN IMMEDIATE``).
- On hand never goes below zero and a move may not take stock that is reserved for
  someone else: available (on hand − reserved) may not become negative, or more negative
  than it already was (a count can leave it over-reserved). A refusal is
  :class:`InsufficientStock` naming the product, the warehouse and the shortfall; nothing is
  written.
- Every quantity change writes one ledger row (``stock_move``) in the same transaction, so
  the ledger always sums to ``stock_balance.on_hand`` (``verify`` checks it).
- Moving-average cost per product and warehouse: a receipt with a price blends it in;
  everything else moves at the current average, and the ledger row records that cost.

Document services lock their document first (:func:`lock_document`, ``FOR UPDATE``), then
call :func:`apply_moves`: documents before balances, balances in sorted order — one global
order, so no deadlocks.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Sequence

from sqlalchemy import event, func, insert, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from models.base import utcnow
from models.catalog import Product, Warehouse
from models.stock import StockBalance, StockDocument, StockMove
from services.errors import InsufficientStock, NotFound
from services.numbering import next_number

ZERO = Decimal("0")
QTY_STEP = Decimal("0.001")
COST_STEP = Decimal("0.0001")

Key = tuple[int, int]           # (product_id, warehouse_id)


def qty(value) -> Decimal:
    """A quantity as Decimal with the ledger's three decimals."""
    return Decimal(value).quantize(QTY_STEP, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Move:
    """One change of one balance. ``qty`` is signed (+ in, − out); ``reserved`` changes the
    reserved quantity (+ reserve, − release). A move with ``qty == 0`` only changes the
    reservation and writes no ledger row.

    Cost of an incoming move: ``unit_cost`` when given (a receipt's price, blended into the
    moving average); else the average of ``cost_from_warehouse`` before this posting (a
    transfer carries the source's cost); else the destination's current average."""

    product_id: int
    warehouse_id: int
    qty: Decimal = ZERO
    reserved: Decimal = ZERO
    line_id: int | None = None
    unit_cost: Decimal | None = None
    cost_from_warehouse: int | None = None

    @property
    def key(self) -> Key:
        return (self.product_id, self.warehouse_id)


@dataclass(frozen=True)
class BalanceInfo:
    product_id: int
    warehouse_id: int
    on_hand: Decimal
    reserved: Decimal
    avg_cost: Decimal

    @property
    def available(self) -> Decimal:
        return self.on_hand - self.reserved


@dataclass(frozen=True)
class Applied:
    """What :func:`apply_moves` did: the balances after, and per move (in the order given)
    the unit cost its ledger row carries (None for reservation-only moves)."""

    balances: dict[Key, BalanceInfo]
    costs: tuple[Decimal | None, ...]


_CREATED = "qianli_created_documents"


def created_here(session: Session) -> dict[int, int]:
    """Stock documents this transaction inserted: {id: number of lines written}. Nobody
    else can see such a row before commit, so it needs no lock and holds what this session
    wrote. Forgotten when any transaction or savepoint ends (then they are locked as usual)."""
    return session.info.setdefault(_CREATED, {})


def lock_document(session: Session, document_id: int) -> StockDocument:
    """Lock a stock document row for the rest of the transaction and return it fresh."""
    if document_id in created_here(session):
        doc = session.get(StockDocument, document_id)
        if doc is not None:
            return doc
    doc = session.scalar(select(StockDocument).where(StockDocument.id == document_id)
                         .with_for_update().execution_options(populate_existing=True))
    if doc is None:
        raise NotFound("stock document", document_id)
    return doc


def _ensure_rows(session: Session, keys: Sequence[Key]) -> None:
    dialect = session.get_bind().dialect.name
    ins = (pg_insert if dialect == "postgresql" else sqlite_insert)(StockBalance)
    session.execute(ins.values([{"product_id": p, "warehouse_id": w, "on_hand": ZERO,
                                 "reserved": ZERO, "avg_cost": ZERO} for p, w in keys])
                    .on_conflict_do_nothing(index_elements=["product_id", "warehouse_id"]))


_HELD = "qianli_held_balances"


def _held(session: Session) -> dict[Key, BalanceInfo]:
    """The balances this transaction has locked, as they are now: ``apply_moves`` is the
    only writer of ``stock_balance`` and keeps this up to date, and every commit and
    rollback (a savepoint's too) forgets it — so a second lock of the same rows in one
    posting (``lock_costs`` then ``apply_moves``) costs no round trip."""
    return session.info.setdefault(_HELD, {})


def lock_balances(session: Session, keys: Iterable[Key]) -> dict[Key, BalanceInfo]:
    """Lock the balances in sorted order, creating the missing rows (rows this transaction
    holds already are answered from what it knows of them)."""
    keys = sorted(set(keys))
    if not keys:
        return {}
    held = _held(session)
    if all(k in held for k in keys):
        return {k: held[k] for k in keys}
    lock = (select(StockBalance.product_id, StockBalance.warehouse_id, StockBalance.on_hand,
                   StockBalance.reserved, StockBalance.avg_cost)
            .where(tuple_(StockBalance.product_id, StockBalance.warehouse_id).in_(keys))
            .order_by(StockBalance.product_id, StockBalance.warehouse_id)
            .with_for_update())
    rows = session.execute(lock).all()
    if len(rows) < len(keys):
        # A first move of a product into a warehouse: create the missing rows, then lock
        # all again (rows already locked are not waited for). The rows that existed stay
        # locked meanwhile; should that ever cross another posting creating the same
        # rows, PostgreSQL reports a deadlock and Database.write retries the posting.
        found = {(r.product_id, r.warehouse_id) for r in rows}
        _ensure_rows(session, [k for k in keys if k not in found])
        rows = session.execute(lock).all()
    got = {(r.product_id, r.warehouse_id):
           BalanceInfo(r.product_id, r.warehouse_id, qty(r.on_hand), qty(r.reserved),
                       Decimal(r.avg_cost or 0).quantize(COST_STEP)) for r in rows}
    held.update(got)
    return got


def _shortfall_error(session: Session, key: Key, shortfall: Decimal) -> InsufficientStock:
    product = session.execute(select(Product.sku, Product.name, Product.unit)
                              .where(Product.id == key[0])).one()
    warehouse = session.scalar(select(Warehouse.name).where(Warehouse.id == key[1]))
    err = InsufficientStock(f"{product.sku} {product.name}", warehouse,
                            Decimal(plain(shortfall)))
    err.product_id, err.warehouse_id, err.unit = key[0], key[1], product.unit
    return err


def plain(value) -> str:
    """3.000 → '3', 2.50 → '2.5': numbers in messages read as people write them."""
    return f"{Decimal(value).normalize():f}"


def apply_moves(session: Session, actor_id: int | None, moves: Sequence[Move], *,
                document: StockDocument | None = None,
                at: dt.datetime | None = None) -> Applied:
    """Lock the touched balances, check every rule, then change balances and append the
    ledger rows — all or nothing. ``document`` is required when any move changes on hand
    (the ledger row names it); reservation-only calls may omit it."""
    moves = list(moves)
    keys = {m.key for m in moves}
    keys |= {(m.product_id, m.cost_from_warehouse) for m in moves
             if m.cost_from_warehouse is not None}
    before = lock_balances(session, keys)
    state = {k: [b.on_hand, b.reserved, b.avg_cost] for k, b in before.items()}
    fallback_cost = _standard_costs(session, {m.product_id for m in moves if m.qty > 0})

    costs: list[Decimal | None] = []
    for m in moves:
        on_hand, reserved, avg = state[m.key]
        q, r = qty(m.qty), qty(m.reserved)
        if q > 0:
            if m.unit_cost is not None:
                cost = Decimal(m.unit_cost)
            elif m.cost_from_warehouse is not None:
                cost = before[(m.product_id, m.cost_from_warehouse)].avg_cost
            else:
                cost = avg if avg > 0 else fallback_cost.get(m.product_id, ZERO)
            base = max(on_hand, ZERO)
            avg = ((base * avg + q * cost) / (base + q)).quantize(COST_STEP) \
                if base + q > 0 else avg
        else:
            cost = avg
        state[m.key] = [on_hand + q, reserved + r, avg]
        costs.append(cost.quantize(COST_STEP) if q != 0 else None)

    for key, (on_hand, reserved, _avg) in sorted(state.items()):
        old = before[key]
        if on_hand < 0:
            raise _shortfall_error(session, key, -on_hand)
        if reserved < 0:
            # Releasing more than was reserved means the caller's bookkeeping is wrong.
            raise ValueError(f"reservation of {key} would become negative ({reserved})")
        available = on_hand - reserved
        if available < 0 and available < old.available:
            raise _shortfall_error(session, key, -(available - min(old.available, ZERO)))

    now = at or utcnow()
    changed = [k for k in sorted(state) if state[k] != [before[k].on_hand, before[k].reserved,
                                                         before[k].avg_cost]]
    if changed:
        session.execute(update(StockBalance), [
            {"product_id": k[0], "warehouse_id": k[1], "on_hand": state[k][0],
             "reserved": state[k][1], "avg_cost": state[k][2], "last_move_at": now}
            for k in changed])
        _held(session).update({k: BalanceInfo(k[0], k[1], *state[k]) for k in changed})
    ledger = [{"at": now, "product_id": m.product_id, "warehouse_id": m.warehouse_id,
               "qty": qty(m.qty), "unit_cost": cost, "document_id": document.id,
               "line_id": m.line_id, "doc_type": document.doc_type,
               "doc_number": document.number, "actor_id": actor_id}
              for m, cost in zip(moves, costs) if qty(m.qty) != 0] if document else []
    if any(qty(m.qty) != 0 for m in moves) and document is None:
        raise ValueError("moves that change on-hand stock need a document")
    if ledger:
        pending = _pending(session).get(document.id)
        if pending is not None:
            # Written by finish_posting with the number, the last thing before commit.
            pending.ledger.extend(ledger)
        elif document.number is None:
            raise ValueError("call mark_posted before writing a document's ledger rows")
        else:
            session.execute(insert(StockMove), ledger)
    return Applied({k: BalanceInfo(k[0], k[1], *state[k]) for k in state}, tuple(costs))


def _standard_costs(session: Session, product_ids: set[int]) -> dict[int, Decimal]:
    if not product_ids:
        return {}
    return {pid: Decimal(c or 0) for pid, c in session.execute(
        select(Product.id, Product.cost).where(Product.id.in_(product_ids)))}


@dataclass
class _PendingPost:
    actor_id: int | None
    at: dt.datetime | None
    from_states: tuple[str, ...]
    ledger: list[dict] = field(default_factory=list)


_PENDING = "qianli_pending_posts"


def _pending(session: Session) -> dict[int, _PendingPost]:
    return session.info.setdefault(_PENDING, {})


def mark_posted(session: Session, actor_id: int | None, doc: StockDocument,
                *, at: dt.datetime | None = None, from_states: tuple[str, ...] = ("draft",)
                ) -> None:
    """Begin posting a locked document that is in one of ``from_states``. Its ledger rows
    (from :func:`apply_moves`) are kept back, and :func:`finish_posting` — called by
    ``stock_documents.post_document`` after the poster, or by whoever posts outside it —
    takes the gapless number, makes the conditional state change and writes them.

    Why last: the number's counter row stays locked until commit and every posting of the
    type queues on it, so the fewer statements run after it, the more postings a second
    (see docs/performance.md, stock)."""
    if doc.state not in from_states:
        raise RuntimeError(f"stock document {doc.id} is {doc.state}, not {from_states}")
    _pending(session)[doc.id] = _PendingPost(actor_id, at, tuple(from_states))


def is_posting(session: Session, doc: StockDocument) -> bool:
    return doc.id in _pending(session)


def finish_posting(session: Session, doc: StockDocument) -> str:
    """Take the document's number, move it to ``posted`` only if it is still in the state
    :func:`mark_posted` saw (the conditional state change), and write its ledger rows with
    the number. Returns the number."""
    pending = _pending(session).pop(doc.id, None)
    if pending is None:
        raise RuntimeError(f"stock document {doc.id} was not marked for posting")
    now = pending.at or utcnow()
    number = next_number(session, doc.doc_type, (doc.doc_date or now.date()).year)
    done = session.execute(
        update(StockDocument)
        .where(StockDocument.id == doc.id, StockDocument.state.in_(pending.from_states))
        .values(state="posted", number=number, posted_at=now, posted_by_id=pending.actor_id,
                version_id=StockDocument.version_id + 1)
        .execution_options(synchronize_session=False)).rowcount
    if done != 1:
        raise RuntimeError(f"stock document {doc.id} changed state while locked")
    if pending.ledger:
        for row in pending.ledger:
            row["doc_number"] = number
        session.execute(insert(StockMove), pending.ledger)
    # What the UPDATE wrote, set as loaded (not dirty): no read-back while the number's
    # counter is locked.
    for name, value in (("state", "posted"), ("number", number), ("posted_at", now),
                        ("posted_by_id", pending.actor_id), ("version_id", doc.version_id + 1)):
        set_committed_value(doc, name, value)
    return number


@event.listens_for(Session, "before_commit")
def _no_half_posted_documents(session: Session) -> None:
    left = session.info.get(_PENDING)
    if left:
        raise RuntimeError(f"stock documents {sorted(left)} were marked for posting but never "
                           "finished (call stock_ledger.finish_posting)")


@event.listens_for(Session, "after_rollback")
def _forget_pending_posts(session: Session) -> None:
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "after_transaction_end")
def _forget_held_balances(session: Session, _transaction) -> None:
    # Locks end with the transaction (commit, rollback or close); a savepoint that ends
    # may have undone a change, so it forgets too.
    session.info.pop(_HELD, None)
    session.info.pop(_CREATED, None)


@dataclass(frozen=True)
class CheckProblem:
    product_id: int
    warehouse_id: int
    what: str                   # 'on_hand' | 'reserved' | 'negative'
    book: Decimal               # balance table
    expected: Decimal           # ledger sum / open reservations


def verify(session: Session, open_reservations: dict[Key, Decimal] | None = None
           ) -> list[CheckProblem]:
    """Compare ``stock_balance.on_hand`` with the ledger sum per product and warehouse (and,
    when given, ``reserved`` with the open reservations). Returns every difference."""
    ledger = {(p, w): qty(s) for p, w, s in session.execute(
        select(StockMove.product_id, StockMove.warehouse_id, func.sum(StockMove.qty))
        .group_by(StockMove.product_id, StockMove.warehouse_id))}
    problems: list[CheckProblem] = []
    seen: set[Key] = set()
    for p, w, on_hand, reserved in session.execute(
            select(StockBalance.product_id, StockBalance.warehouse_id, StockBalance.on_hand,
                   StockBalance.reserved)):
        key = (p, w)
        seen.add(key)
        on_hand, reserved = qty(on_hand), qty(reserved)
        expected = ledger.get(key, ZERO)
        if on_hand != expected:
            problems.append(CheckProblem(p, w, "on_hand", on_hand, expected))
        if on_hand < 0:
            problems.append(CheckProblem(p, w, "negative", on_hand, ZERO))
        if open_reservations is not None:
            want = qty(open_reservations.get(key, ZERO))
            if reserved != want:
                problems.append(CheckProblem(p, w, "reserved", reserved, want))
    for key in sorted(set(ledger) - seen):
        if ledger[key] != 0:
            problems.append(CheckProblem(key[0], key[1], "on_hand", ZERO, ledger[key]))
    if open_reservations is not None:
        for key in sorted(set(open_reservations) - seen):
            if qty(open_reservations[key]) != 0:
                problems.append(CheckProblem(key[0], key[1], "reserved", ZERO,
                                             qty(open_reservations[key])))
    return problems


def group_moves(moves: Iterable[Move]) -> dict[Key, Decimal]:
    """Net quantity per (product, warehouse) — handy for tests and previews."""
    out: dict[Key, Decimal] = defaultdict(lambda: ZERO)
    for m in moves:
        out[m.key] += qty(m.qty)
    return dict(out)
