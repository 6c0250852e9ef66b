from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.helpers import databases  # noqa: E402
from tests.helpers.org import make_staff  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    """Settings, data and logs of the code under test go to the test's tmp dir."""
    monkeypatch.setenv("QIANLI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("QIANLI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QIANLI_LOG_DIR", str(tmp_path / "logs"))


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch):
    """Production argon2 costs ~0.15 s a hash; fixtures create seven users per test. Tests
    still hash and verify for real, with argon2's cheapest parameters
    (tests/services/test_org.py checks the production parameters themselves)."""
    from argon2 import PasswordHasher
    from services import org
    monkeypatch.setattr(org, "_hasher", PasswordHasher(time_cost=1, memory_cost=8,
                                                       parallelism=1))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    return databases.make_sqlite_template(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
def pg_ready():
    url = databases.pg_url()
    try:
        databases.prepare_pg(url)
    except Exception as exc:  # server down or unreachable
        if IN_CI:
            pytest.fail(f"PostgreSQL suite cannot run under CI ({exc}); set QIANLI_TEST_PG_URL")
        pytest.skip(f"PostgreSQL not available: {exc}")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """A migrated, empty database on each back end."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        database = databases.sqlite_copy(template, tmp_path / "qianli.sqlite3")
    else:
        from app.db import Database
        database = Database(request.getfixturevalue("pg_ready"))
        databases.truncate_pg(database)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(sqlite_template, tmp_path):
    database = databases.sqlite_copy(sqlite_template, tmp_path / "qianli.sqlite3")
    yield database
    database.dispose()


@pytest.fixture
def staff(db):
    return make_staff(db)


@pytest.fixture
def pg_db(pg_ready):
    """PostgreSQL only, for behaviour SQLite does not have (SQLSTATEs, session settings)."""
    from app.db import Database
    database = Database(pg_ready)
    databases.truncate_pg(database)
    yield database
    database.dispose()
