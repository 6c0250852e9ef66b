"""Delivery notes posted at the same moment over real parallel connections: each worker has
its own Database (engine, connections) and posts notes of its own approved sales orders
against 20 hot products. PostgreSQL with 8 workers, SQLite (a file, separate connections)
with 4. Then: the same note posted twice, resent, and posted by two clerks at once."""
from __future__ import annotations

import random
import threading
import time
from collections import defaultdict
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from app.db import Database
from models.stock import (SalesOrder, SalesOrderLine, StockDocument, StockDocumentLine,
                          StockMove)
from services import deliveries, stock_ledger
from services.errors import InsufficientStock, ValidationError
from services.receipts import create_standalone_receipt
from services.stock_documents import DocLineInput, new_uuid, post_document
from tests.helpers import databases
from tests.helpers.documents import approved_so, balance, make_world
from tests.helpers.org import make_staff

WORKERS = {"sqlite": 4, "postgresql": 8}
HOT_PRODUCTS = 20
ORDERS_PER_WORKER = 8
HOT_STOCK = 10          # per product in the branch warehouse the race ships from


@pytest.fixture(params=["sqlite", "postgresql"])
def racing_db(request, tmp_path):
    if request.param == "sqlite":
        database = databases.sqlite_copy(request.getfixturevalue("sqlite_template"),
                                         tmp_path / "qianli.sqlite3")
    else:
        database = Database(request.getfixturevalue("pg_ready"))
        databases.truncate_pg(database)
    yield database
    database.dispose()


def race(n: int, work) -> list:
    """``work(i)`` in ``n`` threads released together; each result or exception."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i):
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as exc:            # kept: the assertions show it
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def receive(db, staff, warehouse, products, qty):
    db.write(lambda s: post_document(s, staff.warehouse, create_standalone_receipt(
        s, staff.warehouse, warehouse, "期初库存",
        tuple(DocLineInput(p, D(qty), unit_cost=D("10")) for p in products), new_uuid()).id))


def open_reservations(s) -> dict:
    """What the orders say should be reserved: the open quantity of every approved or
    partially delivered order line, in the order's warehouse."""
    ln = SalesOrderLine
    out: dict = defaultdict(lambda: D(0))
    for p, w, q, done in s.execute(
            select(ln.product_id, SalesOrder.warehouse_id, ln.qty, ln.delivered_qty)
            .join(SalesOrder, SalesOrder.id == ln.order_id)
            .where(SalesOrder.state.in_(("approved", "partially_delivered")))):
        out[(p, w)] += D(q) - D(done)
    return dict(out)


def test_parallel_delivery_notes_never_oversell(racing_db):
    db, n = racing_db, WORKERS[racing_db.dialect]
    staff = make_staff(db)
    w = make_world(db, staff, products=HOT_PRODUCTS, warehouses=2)
    central, branch = w.warehouses
    hot = w.products
    # The orders are booked (and reserved) on the well-stocked central warehouse; most are
    # shipped from the branch, where the 20 hot products are scarce and not reserved, so
    # the notes themselves compete for stock. Every fourth ships from central, consuming
    # its reservation, so both paths run at once over the same balance rows.
    receive(db, staff, central, hot, 1000)
    receive(db, staff, branch, hot, HOT_STOCK)
    rnd = random.Random(4)
    orders: list[list[tuple[int, int]]] = []          # per worker: (so id, ship from)
    for i in range(n):
        mine = []
        for k in range(ORDERS_PER_WORKER):
            lines = [(p, rnd.randint(1, 4), "20") for p in rnd.sample(hot, 3)]
            mine.append((approved_so(db, staff, w, lines), central if k % 4 == 0 else branch))
        orders.append(mine)

    def worker(i):
        own = Database(db.url, pool_size=1)
        outcome = []
        try:
            for so, wh in orders[i]:
                try:
                    r = own.write(lambda s: deliveries.post_delivery_from_so(
                        s, staff.warehouse, so, new_uuid(), wh))
                    outcome.append(("posted", so, wh, r.document.number))
                except InsufficientStock as exc:
                    outcome.append(("refused", so, wh, exc))
        finally:
            own.dispose()
        return outcome

    results = race(n, worker)
    errors = [r for r in results if isinstance(r, Exception)]
    assert errors == []                                # no deadlock / serialization error
    outcomes = [o for r in results for o in r]
    posted = [o for o in outcomes if o[0] == "posted"]
    refused = [o for o in outcomes if o[0] == "refused"]
    assert len(outcomes) == n * ORDERS_PER_WORKER
    assert refused and posted                          # the race really was for scarce stock
    assert all(o[2] == branch for o in refused)        # reserved stock is never refused
    assert all(o[3].shortfall > 0 and o[3].warehouse == "仓库2" for o in refused)

    def shipped(s):
        return dict(s.execute(
            select(StockMove.product_id, func.sum(StockMove.qty))
            .where(StockMove.doc_type == "DN", StockMove.warehouse_id == branch)
            .group_by(StockMove.product_id)).all())
    out_of_branch = db.read(shipped)
    for p in hot:
        on_hand, reserved = balance(db, p, branch)
        assert on_hand >= 0 and reserved == 0
        assert -D(out_of_branch.get(p, 0)) + on_hand == HOT_STOCK      # never oversold
    assert db.read(lambda s: stock_ledger.verify(s, open_reservations(s))) == []
    # numbers stayed gapless under the race
    numbers = sorted(int(o[3].rsplit("-", 1)[1]) for o in posted)
    assert numbers == list(range(1, len(posted) + 1))
    # a refused order is untouched: still approved, still reserved in full
    for _, so, _, _ in refused:
        state = db.read(lambda s: s.get(SalesOrder, so).state)
        assert state == "approved"


def test_same_client_uuid_twice_posts_once(db, staff):
    w = make_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    receive(db, staff, wh, [p1], 10)
    so = approved_so(db, staff, w, [(p1, 3, "20")])
    uuid = new_uuid()
    first = db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so, uuid))
    again = db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so, uuid))
    assert (first.already_posted, again.already_posted) == (False, True)
    assert again.document.id == first.document.id
    assert again.document.number == first.document.number
    # creating the draft again with its UUID returns it as it is, lines and all
    same = db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so, uuid))
    assert (same.id, same.state, len(same.lines)) == (first.document.id, "posted", 1)
    assert balance(db, p1, wh) == (D("7"), D("0"))
    assert db.read(lambda s: s.scalar(select(func.count()).select_from(StockDocument)
                                      .where(StockDocument.doc_type == "DN"))) == 1
    # a UUID already used for another order's note is not quietly reused
    other = approved_so(db, staff, w, [(p1, 1, "20")])
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, other, uuid))
    assert "already used by another document" in str(err.value)


def test_posting_a_posted_note_again_changes_nothing(db, staff):
    w = make_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    receive(db, staff, wh, [p1], 10)
    so = approved_so(db, staff, w, [(p1, 3, "20")])
    doc = db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so,
                                                                new_uuid()))
    a = db.write(lambda s: post_document(s, staff.warehouse, doc.id))
    b = db.write(lambda s: post_document(s, staff.admin, doc.id))
    assert (a.already_posted, b.already_posted) == (False, True)
    assert b.document.posted_by_name == "陈库管"            # still the first clerk's posting
    assert balance(db, p1, wh) == (D("7"), D("0"))
    assert db.read(lambda s: s.scalar(select(func.count()).select_from(StockMove)
                                      .where(StockMove.document_id == doc.id))) == 1


def _two_clerks(racing_db):
    db = racing_db
    staff = make_staff(db)
    w = make_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    receive(db, staff, wh, [p1], 10)
    so = approved_so(db, staff, w, [(p1, 3, "20")])
    return db, staff, w, p1, wh, so


def test_two_clerks_posting_the_same_note_at_once_post_it_once(racing_db):
    db, staff, w, p1, wh, so = _two_clerks(racing_db)
    doc = db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so,
                                                                new_uuid()))
    clerks = [staff.warehouse, staff.admin]
    dbs = [Database(db.url, pool_size=1) for _ in clerks]
    try:
        results = race(2, lambda i: dbs[i].write(lambda s: post_document(s, clerks[i], doc.id)))
    finally:
        for d in dbs:
            d.dispose()
    assert sorted(r.already_posted for r in results) == [False, True], results
    assert results[0].document.number == results[1].document.number
    assert balance(db, p1, wh) == (D("7"), D("0"))
    assert db.read(stock_ledger.verify) == []


def test_a_resend_racing_the_first_send_posts_once(racing_db):
    """A double click / resend with the same client UUID while the first call still runs."""
    db, staff, w, p1, wh, so = _two_clerks(racing_db)
    uuid = new_uuid()
    dbs = [Database(db.url, pool_size=1) for _ in range(2)]
    try:
        results = race(2, lambda i: dbs[i].write(
            lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so, uuid)))
    finally:
        for d in dbs:
            d.dispose()
    assert sorted(r.already_posted for r in results) == [False, True], results
    assert results[0].document.id == results[1].document.id
    assert balance(db, p1, wh) == (D("7"), D("0"))
    assert db.read(lambda s: s.scalar(select(func.count()).select_from(StockDocument)
                                      .where(StockDocument.doc_type == "DN"))) == 1


def test_a_connection_dropped_before_commit_leaves_nothing_and_the_resend_posts(pg_db):
    staff = make_staff(pg_db)
    w = make_world(pg_db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    receive(pg_db, staff, wh, [p1], 10)
    so = approved_so(pg_db, staff, w, [(p1, 3, "20")])
    uuid = new_uuid()
    with pytest.raises(DBAPIError):
        with pg_db.session() as s:
            deliveries.post_delivery_from_so(s, staff.warehouse, so, uuid)
            pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
            with pg_db.engine.connect() as killer:
                killer.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
                killer.commit()
    assert balance(pg_db, p1, wh) == (D("10"), D("3"))
    again = pg_db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so,
                                                                   uuid))
    assert not again.already_posted and again.document.number.endswith("-000001")
    assert balance(pg_db, p1, wh) == (D("7"), D("0"))


def test_postgresql_refuses_to_change_a_posted_note_or_its_lines(pg_db):
    staff = make_staff(pg_db)
    w = make_world(pg_db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    receive(pg_db, staff, wh, [p1], 10)
    so = approved_so(pg_db, staff, w, [(p1, 3, "20")])
    posted = pg_db.write(lambda s: deliveries.post_delivery_from_so(
        s, staff.warehouse, so, new_uuid())).document
    other = approved_so(pg_db, staff, w, [(p1, 1, "20")])
    draft = pg_db.write(lambda s: deliveries.create_delivery_from_so(
        s, staff.warehouse, other, new_uuid()))
    for sql in ("UPDATE stock_document SET notes = 'edited' WHERE id = :d",
                "UPDATE stock_document SET state = 'draft' WHERE id = :d",
                "DELETE FROM stock_document WHERE id = :d",
                "UPDATE stock_document_line SET qty = 1 WHERE document_id = :d",
                "DELETE FROM stock_document_line WHERE document_id = :d"):
        with pytest.raises(DBAPIError) as err:
            pg_db.write(lambda s: s.execute(text(sql), {"d": posted.id}))
        assert f"stock document {posted.number} is posted" in str(err.value), sql
    # a draft is still edited freely
    pg_db.write(lambda s: s.execute(text("UPDATE stock_document_line SET qty = 1 "
                                         "WHERE document_id = :d"), {"d": draft.id}))
    assert pg_db.read(lambda s: s.scalar(select(StockDocumentLine.qty).where(
        StockDocumentLine.document_id == posted.id))) == D("3")


def test_two_notes_of_one_order_racing_deliver_it_once(racing_db):
    """Each clerk clicks "deliver everything open" on the same order at the same moment."""
    db, staff, w, p1, wh, so = _two_clerks(racing_db)
    dbs = [Database(db.url, pool_size=1) for _ in range(2)]
    try:
        results = race(2, lambda i: dbs[i].write(
            lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so, new_uuid())))
    finally:
        for d in dbs:
            d.dispose()
    posted = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(posted) == 1 and not posted[0].already_posted, results
    assert [type(r) for r in refused] == [ValidationError], results
    number = posted[0].document.sales_order_number
    # depending on when the second looked: the order already delivered, or its lines empty
    assert refused[0].message in (f"{number} is fully delivered.",
                                  f"Sales order {number} has nothing left to deliver.")
    assert balance(db, p1, wh) == (D("7"), D("0"))
    assert db.read(lambda s: stock_ledger.verify(s, open_reservations(s))) == []


def test_a_resend_blocked_on_the_first_sends_uncommitted_draft_returns_it(pg_db):
    """The second send of a create arrives while the first one's transaction is still open:
    it waits on the UNIQUE client UUID, then answers with the first one's document."""
    staff = make_staff(pg_db)
    w = make_world(pg_db, staff)
    receive(pg_db, staff, w.warehouses[0], [w.products[0]], 10)
    so = approved_so(pg_db, staff, w, [(w.products[0], 3, "20")])
    uuid = new_uuid()
    second_db = Database(pg_db.url, pool_size=1)
    drafted = threading.Event()
    answers: dict = {}

    def second():
        drafted.wait()
        try:
            answers["second"] = second_db.write(
                lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so, uuid))
        except Exception as exc:            # kept: the assertion shows it
            answers["second"] = exc

    t = threading.Thread(target=second)
    t.start()
    try:
        with pg_db.session() as s:
            answers["first"] = deliveries.create_delivery_from_so(s, staff.warehouse, so, uuid)
            drafted.set()
            with pg_db.engine.connect() as monitor:     # commit only once the second waits
                for _ in range(2000):
                    if monitor.execute(text(
                            "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                            "current_database() AND wait_event_type = 'Lock'")).scalar():
                        break
                    monitor.rollback()
                    time.sleep(0.01)
                else:
                    pytest.fail("the second send never waited for the first")
    finally:
        t.join()
        second_db.dispose()
    assert answers["second"] == answers["first"]
    assert pg_db.read(lambda s: s.scalar(select(func.count()).select_from(StockDocument)
                                         .where(StockDocument.doc_type == "DN"))) == 1
