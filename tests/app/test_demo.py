"""The demo company: deterministic, logins work, rows as the services write them."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import cli
from app.demo import DEMO_LOGIN, DEMO_PASSWORD, DEMO_USERS, build_demo
from models.crm import Activity
from models.org import User
from models.party import Contact, Customer, CustomerSearchToken
from models.pipeline import Opportunity
from services import customer_search, normalize, org
from services.customers import CustomerInput, create_customer, find_duplicates
from services.errors import PermissionDenied
from tests.helpers import databases

TODAY = dt.date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[2]


def _content(db):
    def read(s):
        def rows(model, *skip):
            cols = [c for c in model.__table__.columns if c.name not in skip]
            return [tuple(r) for r in s.execute(select(*cols).order_by(model.id))]
        return {"users": rows(User, "password_hash", "created_at"),
                "customers": rows(Customer), "contacts": rows(Contact),
                "activities": rows(Activity),
                "opportunities": rows(Opportunity, "created_at", "updated_at")}
    return db.read(read)


def test_two_builds_from_one_seed_are_the_same(sqlite_template, tmp_path):
    a = databases.sqlite_copy(sqlite_template, tmp_path / "a.sqlite3")
    b = databases.sqlite_copy(sqlite_template, tmp_path / "b.sqlite3")
    c = databases.sqlite_copy(sqlite_template, tmp_path / "c.sqlite3")
    try:
        summary = build_demo(a, customers=300, today=TODAY)
        assert build_demo(b, customers=300, today=TODAY) == summary
        build_demo(c, customers=300, today=TODAY, seed=7)
        first, second, other = _content(a), _content(b), _content(c)
        assert first == second
        assert first["customers"] != other["customers"]
        assert len(first["customers"]) == 300 and summary.users == len(DEMO_USERS)
        assert summary.contacts > 300 and summary.activities > 600 and 0 < summary.pool < 100
        # a living pipeline: open, won and lost deals, walked through the stages
        states = {row[0] for row in a.read(lambda s: s.execute(
            select(Opportunity.state)).all())}
        assert summary.opportunities == len(first["opportunities"]) > 10
        assert "open" in states and states & {"won", "lost"}   # 300 customers: few closed
        # the data fits the demo's own pool rules: the first login's sweep returns nobody
        from services import pool
        noon = dt.datetime.combine(TODAY, dt.time(12), dt.timezone.utc)
        assert a.write(lambda s: pool.sweep_pool(s, now=noon)).total == 0
        # a working warehouse: stock that agrees with its ledger, orders waiting to ship and
        # a purchase order waiting to be received, every document type posted at least once
        from models.stock import StockDocument
        from services import purchasing, sales_orders, stock_ledger
        from services.org import actor_for
        assert summary.products > 20 and summary.sales_orders > 10
        assert a.read(stock_ledger.verify) == []
        clerk = a.read(lambda s: actor_for(s, "warehouse"))
        assert a.read(lambda s: sales_orders.ship_queue(s, clerk))
        assert a.read(lambda s: purchasing.receive_queue(s, clerk))
        posted = {row[0] for row in a.read(lambda s: s.execute(
            select(StockDocument.doc_type).where(StockDocument.state == "posted")).all())}
        assert posted == {"GR", "DN", "CR", "TR"}
        # printouts carry the demo company's letterhead, not an empty header
        from services.print_settings import company_profile
        assert a.read(company_profile).name == "千里演示贸易有限公司"
    finally:
        for d in (a, b, c):
            d.dispose()


def test_demo_data_is_what_the_services_would_write(db):
    summary = build_demo(db, customers=400, today=TODAY)

    def check(s):
        customers = s.scalars(select(Customer)).all()
        names = [c.name for c in customers]
        assert any(normalize.contains_cjk(n) for n in names)
        assert any(not normalize.contains_cjk(n) for n in names)          # English names too
        assert {c.kind for c in customers} == {"company", "person"}
        assert len({c.region for c in customers}) >= 10
        assert {c.level for c in customers} == {"A", "B", "C", "D"}
        for c in customers:
            assert c.name_norm == normalize.normalize_name(c.name)
            assert c.phone_digits == normalize.normalize_phone(c.phone)
            assert normalize.validate_phone(c.phone) is None
            assert normalize.validate_email(c.email) is None
            assert normalize.validate_tax_id(c.tax_id, kind=c.kind) is None
            assert c.search_text                                           # indexed
            assert (c.owner_id is None) == (c.claimed_at is None)
        # Unique duplicate keys: the demo has no accidental duplicates.
        assert len({c.name_norm for c in customers}) == len(customers)
        assert s.scalar(select(func.count()).select_from(CustomerSearchToken)) > 1000
        last = s.execute(select(Activity.customer_id, func.max(Activity.occurred_at))
                         .group_by(Activity.customer_id)).all()
        by_id = {c.id: c for c in customers}
        assert all(by_id[cid].last_follow_up_at == when for cid, when in last)
        now = dt.datetime.combine(TODAY, dt.time(12), dt.timezone.utc)
        oldest = s.scalar(select(func.min(Activity.occurred_at)))
        assert now - oldest <= dt.timedelta(days=121)
        upcoming = s.scalar(select(func.count()).where(Activity.next_follow_up_on >= TODAY))
        assert upcoming > 50
        return customers
    customers = db.read(check)
    assert sum(c.owner_id is None for c in customers) == summary.pool
    # The search index is what the search service computes: refreshing changes nothing.
    texts = db.read(lambda s: dict(s.execute(select(Customer.id, Customer.search_text))
                                   .all()))
    db.write(lambda s: customer_search.refresh_search_index(s, texts))
    assert db.read(lambda s: dict(s.execute(select(Customer.id, Customer.search_text))
                                  .all())) == texts

    manager = db.read(lambda s: org.authenticate(s, DEMO_LOGIN, DEMO_PASSWORD))
    assert manager.role == "sales_manager"
    page = db.read(lambda s: customer_search.list_customers(
        s, manager, customer_search.CustomerFilter(scope="team"), limit=500))
    team = db.read(lambda s: set(org.team_member_ids(s, manager)))
    assert page.rows and all(r.owner_id in team for r in page.rows)
    hits = db.read(lambda s: customer_search.list_customers(
        s, manager, customer_search.CustomerFilter(text=customers[0].name[:4]), limit=50))
    assert hits.rows
    # Duplicate detection sees demo customers; new codes carry on after the demo's.
    assert db.read(lambda s: find_duplicates(s, CustomerInput(name=customers[5].name)))
    admin = db.read(lambda s: org.actor_for(s, "admin"))
    new = db.write(lambda s: create_customer(s, admin, CustomerInput(name="演示后新建客户")))
    assert new.code == "C-000401"


def test_every_role_can_log_in(sqlite_template, tmp_path):
    demo = databases.sqlite_copy(sqlite_template, tmp_path / "demo.sqlite3")
    try:
        build_demo(demo, customers=20, today=TODAY)
        for login, _name, role, team, _manager in DEMO_USERS:
            actor = demo.read(lambda s: org.authenticate(s, login, DEMO_PASSWORD))
            assert (actor.login, actor.role) == (login, role)
        assert {u[2] for u in DEMO_USERS} == {"admin", "sales_manager", "sales", "finance",
                                              "warehouse"}
        with pytest.raises(PermissionDenied):
            demo.read(lambda s: org.authenticate(s, DEMO_LOGIN, "wrong"))
        with pytest.raises(ValueError):
            build_demo(demo, customers=5)                  # only into an empty database
    finally:
        demo.dispose()


def _main(tmp_path, *args):
    env = {**os.environ, "QIANLI_CONFIG_DIR": str(tmp_path / "config"),
           "QIANLI_DATA_DIR": str(tmp_path / "data"), "QIANLI_LOG_DIR": str(tmp_path / "logs"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    env.pop(cli.ENV_DATABASE, None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=300, stdin=subprocess.DEVNULL)


def test_demo_command_builds_reuses_resets_and_screenshots(tmp_path):
    demo_file = tmp_path / "data" / "qianli-demo.sqlite3"
    r = _main(tmp_path, "demo", "--customers", "60", "--no-client")
    assert r.returncode == 0, r.stderr
    assert "Building the demo database" in r.stdout and "'manager'" in r.stdout
    assert demo_file.exists()
    r = _main(tmp_path, "demo", "--no-client")
    assert r.returncode == 0 and "Using the demo database" in r.stdout
    shot = tmp_path / "shot.png"
    r = _main(tmp_path, "demo", "--reset", "--customers", "80", "--screenshot", shot)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Building the demo database" in r.stdout
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
