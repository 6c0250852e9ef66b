"""Claims racing each other, each thread on its own connection of one Database engine:
many reps claiming one customer get exactly one owner and clean refusals; one rep claiming
many customers at once stays within the claim limit. PostgreSQL with 20 threads; SQLite
with 10 (its connection pool holds 15, and BEGIN IMMEDIATE queues them on the file lock)."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from app.db import Database
from models.party import Customer
from models.pipeline import OwnershipChange
from services import customers, org, pool
from services.customers import CustomerInput
from services.errors import QianliError
from services.pool import LevelRule, PoolRules
from tests.helpers import databases

THREADS = {"sqlite": 10, "postgresql": 20}


@pytest.fixture(params=["sqlite", "postgresql"])
def racing_db(request, tmp_path):
    """A migrated, empty database whose engine pool has a connection for every thread."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        database = databases.sqlite_copy(template, tmp_path / "qianli.sqlite3")
    else:
        database = Database(request.getfixturevalue("pg_ready"), pool_size=THREADS[
            "postgresql"] + 1)
        databases.truncate_pg(database)
    yield database
    database.dispose()


def race(n: int, work) -> list:
    """Run ``work(i)`` in ``n`` threads released at the same moment; each result or the
    business error it raised, in thread order."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i):
        barrier.wait()
        try:
            results[i] = work(i)
        except QianliError as exc:
            results[i] = exc
        except Exception as exc:           # kept so the assertion shows it
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_many_reps_claim_one_customer_exactly_one_wins(racing_db):
    db, n = racing_db, THREADS[racing_db.dialect]

    def setup(s):
        admin = org.add_user(s, None, login="admin", display_name="Admin", role="admin")
        reps = [org.add_user(s, None, login=f"rep{i}", display_name=f"销售{i:02d}",
                             role="sales", team="East") for i in range(n)]
        actor = org.actor_for(s, admin.login)
        c = customers.create_customer(s, actor, CustomerInput(name="抢手客户有限公司"))
        return [org.actor_for(s, r.login) for r in reps], c.id
    reps, cid = db.write(setup)

    results = race(n, lambda i: db.write(lambda s: pool.claim_customer(s, reps[i], cid)))

    wins = [r for r in results if isinstance(r, customers.CustomerDetail)]
    refusals = [r for r in results if isinstance(r, pool.AlreadyClaimed)]
    assert len(wins) == 1 and len(refusals) == n - 1, results
    winner = wins[0].owner_name
    assert all(str(r) == f"Customer C-000001 was already claimed by {winner}."
               for r in refusals)
    owner_id, version = db.read(lambda s: s.execute(
        select(Customer.owner_id, Customer.version_id).where(Customer.id == cid)).one())
    assert owner_id == wins[0].owner_id and version == 2
    claims = db.read(lambda s: s.scalars(select(OwnershipChange.to_owner_id).where(
        OwnershipChange.customer_id == cid, OwnershipChange.reason == "claim")).all())
    assert claims == [owner_id]


def test_claim_limit_holds_under_concurrent_claims(racing_db):
    db, n, limit = racing_db, THREADS[racing_db.dialect], 5

    def setup(s):
        admin = org.actor_for(s, org.add_user(s, None, login="admin", display_name="Admin",
                                              role="admin").login)
        rep = org.actor_for(s, org.add_user(s, None, login="rep", display_name="张伟",
                                            role="sales", team="East").login)
        pool.save_pool_rules(s, admin, PoolRules(default=LevelRule(30, None),
                                                 max_owned=limit))
        ids = [customers.create_customer(s, admin, CustomerInput(name=f"公海客户{i:02d}")).id
               for i in range(n)]
        return rep, ids
    rep, ids = db.write(setup)

    results = race(n, lambda i: db.write(lambda s: pool.claim_customer(s, rep, ids[i])))

    wins = [r for r in results if isinstance(r, customers.CustomerDetail)]
    refused = [r for r in results if isinstance(r, pool.ClaimLimitReached)]
    assert len(wins) == limit and len(refused) == n - limit, results
    assert all(str(r).startswith(f"You own {limit} customers, the most allowed is {limit}")
               for r in refused)
    assert db.read(lambda s: pool.owned_count(s, rep.user_id)) == limit
    assert db.read(lambda s: s.scalar(select(func.count()).where(
        OwnershipChange.reason == "claim"))) == limit
