"""Real databases for tests: a fresh SQLite file per test (copied from one migrated
template) and one PostgreSQL database per test run, truncated between tests.

PostgreSQL comes from ``QIANLI_TEST_PG_URL`` (the database is created if missing and its
schema rebuilt by migrations). Without the variable the local server's
``qianli_test`` database is used when reachable; under ``CI=true`` an unreachable
PostgreSQL fails the run instead of skipping it."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db import Database, normalize_url
from app.migrate import upgrade
from models.base import Base

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/qianli_test"


def pg_url() -> str:
    return normalize_url(os.environ.get("QIANLI_TEST_PG_URL") or DEFAULT_PG_URL)


def prepare_pg(url: str) -> None:
    """Create the database if needed and rebuild its schema from the migrations."""
    u = make_url(url)
    admin = create_engine(u.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            exists = c.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                               {"n": u.database}).scalar()
            if not exists:
                c.execute(text(f'CREATE DATABASE "{u.database}"'))
    finally:
        admin.dispose()
    eng = create_engine(u, isolation_level="AUTOCOMMIT")
    try:
        with eng.connect() as c:
            c.execute(text("DROP SCHEMA public CASCADE"))
            c.execute(text("CREATE SCHEMA public"))
    finally:
        eng.dispose()
    db = Database(url)
    try:
        upgrade(db.engine)
    finally:
        db.dispose()


# Tables whose rows the migrations seed (default stages …): restored after each truncate
# so a PostgreSQL test starts from the same state as a freshly migrated SQLite copy.
SEEDED_TABLES = ("stage",)
_seed_rows: dict[str, dict[str, list[dict]]] = {}


def _snapshot_seeds(db: Database) -> dict[str, list[dict]]:
    with db.engine.connect() as c:
        return {t: [dict(r._mapping) for r in c.execute(Base.metadata.tables[t].select())]
                for t in SEEDED_TABLES if t in Base.metadata.tables}


def truncate_pg(db: Database) -> None:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    seeds = _seed_rows.get(db.url)
    if seeds is None:
        seeds = _seed_rows[db.url] = _snapshot_seeds(db)
    with db.engine.begin() as c:
        c.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        for table, rows in seeds.items():
            if rows:
                c.execute(Base.metadata.tables[table].insert(), rows)
                # keep the id sequence past the seeded ids
                c.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"(SELECT max(id) FROM {table}))"))


def make_sqlite_template(directory: Path) -> Path:
    path = directory / "template.sqlite3"
    db = Database(f"sqlite:///{path}")
    try:
        upgrade(db.engine)
    finally:
        db.dispose()  # closing the last connection checkpoints the WAL into the file
    return path


def sqlite_copy(template: Path, target: Path) -> Database:
    shutil.copyfile(template, target)
    return Database(f"sqlite:///{target}")
