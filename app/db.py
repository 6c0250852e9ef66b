"""Engine factory and the unit of work.

SQLite (one PC): WAL, foreign keys, busy timeout, and ``BEGIN IMMEDIATE`` for write
transactions so two writers queue on the file lock instead of failing half-way.
PostgreSQL (office LAN): pre-ping, ``application_name``, lock and statement timeouts.

``Database.write(fn)`` runs ``fn(session)`` in one transaction and retries the whole
transaction on serialization failure, deadlock or lock-not-available (SQLSTATE 40001,
40P01, 55P03; "database is locked" on SQLite) with jittered backoff. Business errors
(``services.errors.QianliError``) are never retried.
"""
from __future__ import annotations

import logging
import random
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRYABLE_SQLSTATES = {"40001", "40P01", "55P03"}
DEFAULT_LOCK_TIMEOUT_MS = 5000
DEFAULT_STATEMENT_TIMEOUT_MS = 60000
SQLITE_BUSY_TIMEOUT_MS = 10000


def normalize_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs and use psycopg 3 for them."""
    u = make_url(url)
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    return u.render_as_string(hide_password=False)


def create_qianli_engine(url: str, *, application_name: str = "qianli",
                         echo: bool = False, pool_size: int = 5) -> Engine:
    url = normalize_url(url)
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo,
                               connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
                                             "check_same_thread": False})
        _install_sqlite_hooks(engine)
        return engine
    if u.get_backend_name() == "postgresql":
        # jit=off: JIT compilation costs tens of milliseconds and pays off only for long
        # analytical queries; an interactive client's queries are short (bench/customers.py).
        # prepare_threshold=None: psycopg would prepare a statement after a few runs, and
        # PostgreSQL may then plan it once for any parameters; a search's best plan depends
        # on the fragment (LIKE '%q%' for a rare or a common q), so every statement is sent
        # unprepared and planned for its values. (The server-wide alternative,
        # plan_cache_mode=force_custom_plan, also re-planned every foreign-key check of
        # every inserted row: bulk writes paid ~10x for them — see the pool sweep notes in
        # docs/performance.md.)
        options = (f"-c lock_timeout={DEFAULT_LOCK_TIMEOUT_MS} "
                   f"-c statement_timeout={DEFAULT_STATEMENT_TIMEOUT_MS} -c jit=off")
        return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=pool_size,
                             max_overflow=pool_size,
                             connect_args={"application_name": application_name,
                                           "options": options,
                                           "prepare_threshold": None,
                                           "connect_timeout": 10})
    raise ValueError(f"unsupported database URL {u.render_as_string()!r}: "
                     "use sqlite:///FILE or postgresql://user@host/db")


def _install_sqlite_hooks(engine: Engine) -> None:
    # SQLAlchemy's documented pysqlite recipe: take transaction control away from the
    # driver so we can emit BEGIN IMMEDIATE ourselves.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, DBAPIError):
        orig = exc.orig
        state = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None),
                                                            "sqlstate", None)
        if state in RETRYABLE_SQLSTATES:
            return True
        if isinstance(exc, OperationalError) and "database is locked" in str(orig):
            return True
    return False


class Database:
    """One database (SQLite file or PostgreSQL server) and its session factory."""

    def __init__(self, url: str, *, application_name: str = "qianli", echo: bool = False,
                 pool_size: int = 5):
        self.url = normalize_url(url)
        self.engine = create_qianli_engine(self.url, application_name=application_name,
                                           echo=echo, pool_size=pool_size)
        self._write_factory = sessionmaker(self.engine, expire_on_commit=False)
        # Reads on SQLite take a deferred (shared) transaction and never block writers in WAL.
        self._read_engine = self.engine.execution_options(sqlite_begin="DEFERRED")
        self._read_factory = sessionmaker(self._read_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name  # 'sqlite' or 'postgresql'

    @property
    def display_name(self) -> str:
        u = make_url(self.url)
        if self.dialect == "sqlite":
            return f"SQLite {u.database}"
        return f"PostgreSQL {u.host}:{u.port or 5432}/{u.database}"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One write transaction: commit on success, roll back on any error."""
        with self._write_factory() as s, s.begin():
            yield s

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        with self._read_factory() as s, s.begin():
            yield s

    def write(self, fn: Callable[[Session], T], *, attempts: int = 5,
              lock_timeout_ms: int | None = None) -> T:
        """Run ``fn(session)`` as one transaction, retrying the whole of it on
        serialization failure / deadlock / lock timeout."""
        delay = 0.02
        for attempt in range(1, attempts + 1):
            try:
                with self.session() as s:
                    if lock_timeout_ms is not None and self.dialect == "postgresql":
                        s.connection().exec_driver_sql(
                            f"SET LOCAL lock_timeout = {int(lock_timeout_ms)}")
                    return fn(s)
            except DBAPIError as exc:
                if attempt == attempts or not is_retryable(exc):
                    raise
                log.info("retrying transaction after %s (attempt %d)", exc.orig, attempt)
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 1.0)
        raise AssertionError("unreachable")

    def read(self, fn: Callable[[Session], T]) -> T:
        with self.read_session() as s:
            return fn(s)

    def dispose(self) -> None:
        self.engine.dispose()
