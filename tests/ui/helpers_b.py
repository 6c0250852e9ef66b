"""Fixtures and builders for the customer 360°, form and import-wizard tests (real
databases, real services, real widgets offscreen). The ``runner`` fixture comes from
tests/ui/conftest.py."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from app.client import Client
from models.party import Customer
from services import customers as cs
from services import org
from services.customers import ContactInput, CustomerInput
from tests.helpers import databases
from tests.helpers.org import Staff


def quick_staff(db) -> Staff:
    """The organisation of tests.helpers.org.make_staff without passwords: these tests
    never log in, and seven argon2 hashes cost seconds per test on a busy machine."""
    specs = [("admin", "管理员", "admin", None), ("manager", "王经理", "sales_manager", "East"),
             ("rep1", "张伟", "sales", "East"), ("rep2", "李娜", "sales", "East"),
             ("rep3", "Tom Lee", "sales", "West"), ("finance", "刘会计", "finance", None),
             ("warehouse", "陈库管", "warehouse", None)]

    def build(s):
        for login, name, role, team in specs:
            org.add_user(s, None, login=login, display_name=name, role=role, team=team,
                         manager_login="manager" if team == "East" and role == "sales" else None)
        return Staff(*(org.actor_for(s, spec[0]) for spec in specs))
    return db.write(build)


@pytest.fixture(scope="session")
def staffed_sqlite_template(sqlite_template, tmp_path_factory):
    """The migrated template plus the test organisation, built once per run."""
    db = databases.sqlite_copy(sqlite_template,
                               tmp_path_factory.mktemp("ui-b") / "staffed.sqlite3")
    try:
        quick_staff(db)
    finally:
        db.dispose()  # checkpoints the WAL into the file
    return Path(db.engine.url.database)


@pytest.fixture
def staffed_db(staffed_sqlite_template, tmp_path):
    """A fresh SQLite file that already holds the test organisation (see sqlite_staff)."""
    database = databases.sqlite_copy(staffed_sqlite_template, tmp_path / "qianli.sqlite3")
    yield database
    database.dispose()


@pytest.fixture
def sqlite_staff(staffed_db):
    logins = ("admin", "manager", "rep1", "rep2", "rep3", "finance", "warehouse")
    return staffed_db.read(lambda s: Staff(*(org.actor_for(s, login) for login in logins)))


@pytest.fixture
def rep_client(staffed_db, sqlite_staff):
    """Sales rep 张伟 (team East) on a fresh SQLite file."""
    return Client(staffed_db, sqlite_staff.rep1)


def add_customer(client: Client, name: str, **fields) -> cs.CustomerDetail:
    return client.write(cs.create_customer, CustomerInput(name=name, **fields),
                        allow_duplicate=True)


def add_contact(client: Client, customer_id: int, name: str, **fields) -> cs.ContactInfo:
    return client.write(cs.add_contact, customer_id, ContactInput(name=name, **fields))


def log(client: Client, customer_id: int, notes: str, *, kind: str = "call",
        days_ago: float = 0, next_on: dt.date | None = None) -> cs.ActivityInfo:
    when = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days_ago)
    return client.write(cs.log_follow_up, customer_id, kind=kind, notes=notes,
                        occurred_at=when, next_follow_up_on=next_on)


def table_column(table, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]


def customer_values(client: Client, *columns: str) -> list[tuple]:
    """The given columns of every customer row (merged-away ones too), oldest first."""
    cols = [getattr(Customer, c) for c in columns]
    return client.db.read(lambda s: [tuple(r) for r in
                                     s.execute(select(*cols).order_by(Customer.id))])


def customer_names(client: Client) -> list[str]:
    return [name for (name,) in customer_values(client, "name")]
