"""The database layer: migrations, SQLite pragmas, retry, gapless numbering."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.db import Database, is_retryable
from app.migrate import current_revision, head_revision
from services import numbering
from services.errors import ValidationError


def test_migrated_to_head(db):
    assert current_revision(db.engine) == head_revision()


def test_sqlite_pragmas(sqlite_db):
    with sqlite_db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_postgres_session_settings(pg_db):
    with pg_db.engine.connect() as c:
        assert c.exec_driver_sql("SHOW lock_timeout").scalar() == "5s"
        assert c.exec_driver_sql("SHOW application_name").scalar() == "qianli"


def test_write_rolls_back_everything_on_error(db, staff):
    def boom(s):
        numbering.next_number(s, "DN", 2026)
        raise ValidationError("x", "no")
    with pytest.raises(ValidationError):
        db.write(boom)
    assert db.read(lambda s: numbering.peek_last(s, "DN", 2026)) == 0


def test_business_errors_are_not_retried(db):
    calls = []

    def fn(s):
        calls.append(1)
        raise ValidationError("name", "required")
    with pytest.raises(ValidationError):
        db.write(fn)
    assert calls == [1]


def test_retries_on_serialization_failure(pg_db):
    calls = []

    def fn(s):
        calls.append(1)
        if len(calls) < 3:
            s.execute(text("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001'; END $$"))
        return "done"
    assert pg_db.write(fn) == "done"
    assert len(calls) == 3


def test_sqlite_locked_is_retryable():
    exc = OperationalError("INSERT", {}, Exception("database is locked"))
    assert is_retryable(exc)


def test_numbers_are_gapless_under_concurrency(db):
    results: list[str] = []
    lock = threading.Lock()

    def worker():
        for _ in range(10):
            n = db.write(lambda s: numbering.next_number(s, "DN", 2026))
            with lock:
                results.append(n)
    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [f"DN-2026-{i:06d}" for i in range(1, 41)]


def test_default_stages_are_seeded_on_both_back_ends(db):
    rows = db.read(lambda s: s.execute(text(
        "SELECT name_zh, probability FROM stage ORDER BY position")).all())
    assert [tuple(r) for r in rows] == [("初步接触", 10), ("需求确认", 30), ("方案报价", 50),
                                        ("商务谈判", 70), ("赢单", 100), ("输单", 0)]
