"""UI test fixtures: real SQLite databases with staff and customers, a runner, English by
default (a test that switches language gets English back afterwards)."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sqlalchemy import insert, select

from app.client import Client
from app.db import Database
from app.runner import Runner
from models.party import Customer
from services import org
from services.customer_search import refresh_search_index
from tests.helpers.org import make_staff

CITIES = ("深圳", "上海", "北京", "广州", "杭州", "成都")
CORES = ("华为", "腾飞", "星辰", "远航", "东方", "宏达", "新源")
SUFFIXES = ("电子有限公司", "科技有限公司", "贸易有限公司")
LATIN = ("Acme Trading", "Blue River", "Northwind", "Pacific Rim", "Golden Gate")
REGIONS = ("华南", "华东", "华北", "西南")
INDUSTRIES = ("电子", "机械", "贸易", "软件")
BIG_LIST = 3000


def customer_name(i: int) -> str:
    if i % 5 == 4:
        return f"{LATIN[i % len(LATIN)]} Co., Ltd. {i}"
    return f"{CITIES[i % len(CITIES)]}{CORES[(i // 6) % len(CORES)]}{SUFFIXES[i % 3]}{i}"


def seed_customers(db: Database, n: int, owners: list[int | None]) -> None:
    """``n`` customers C-000001…, owners cycling through ``owners`` (None = public pool),
    levels A–D, regions, Chinese and Latin names; indexed for search."""
    base = dt.datetime(2024, 1, 1, 8, 0, tzinfo=dt.timezone.utc)

    def build(s):
        rows = []
        for i in range(1, n + 1):
            rows.append(dict(
                code=f"C-{i:06d}", name=customer_name(i), kind="company",
                level="ABCD"[i % 4], region=REGIONS[i % len(REGIONS)],
                industry=INDUSTRIES[i % len(INDUSTRIES)], phone=f"138{i:08d}",
                owner_id=owners[i % len(owners)], name_norm=customer_name(i).lower(),
                last_follow_up_at=base + dt.timedelta(hours=i) if i % 3 else None,
                created_at=base, updated_at=base + dt.timedelta(minutes=i), version_id=1))
        s.execute(insert(Customer.__table__), rows)
        refresh_search_index(s, s.scalars(select(Customer.id)).all())
    db.write(build)


def _seeded_template(directory, sqlite_template, n: int):
    path = directory / "seeded.sqlite3"
    shutil.copyfile(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    try:
        staff = make_staff(db)
        seed_customers(db, n, [staff.rep1.user_id, staff.rep2.user_id, staff.manager.user_id,
                               staff.rep3.user_id, None])
    finally:
        db.dispose()
    return path


@pytest.fixture(scope="session")
def big_template(tmp_path_factory, sqlite_template):
    return _seeded_template(tmp_path_factory.mktemp("ui-big"), sqlite_template, BIG_LIST)


@pytest.fixture(scope="session")
def small_template(tmp_path_factory, sqlite_template):
    return _seeded_template(tmp_path_factory.mktemp("ui-small"), sqlite_template, 60)


def _copy(template, tmp_path) -> Database:
    target = tmp_path / "qianli.sqlite3"
    shutil.copyfile(template, target)
    return Database(f"sqlite:///{target}")


@pytest.fixture
def big_db(big_template, tmp_path):
    db = _copy(big_template, tmp_path)
    yield db
    db.dispose()


@pytest.fixture
def small_db(small_template, tmp_path):
    db = _copy(small_template, tmp_path)
    yield db
    db.dispose()


def actor(db: Database, login: str) -> org.Actor:
    return db.read(lambda s: org.actor_for(s, login))


@pytest.fixture
def runner(qapp):
    r = Runner()
    yield r
    r.wait_idle(30000)
    # deliver what finished so no queued signal outlives the test's widgets
    qapp.processEvents()


@pytest.fixture
def admin_client(big_db):
    return Client(big_db, actor(big_db, "admin"))


@pytest.fixture(autouse=True)
def _english(qapp):
    from app import i18n
    i18n.install_translators("en", qapp)
    yield
    i18n.install_translators("en", qapp)


@pytest.fixture
def memory_keyring():
    """An in-memory OS keyring (the test machine has none)."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


__all__ = ["seed_customers", "customer_name", "actor", "make_staff", "BIG_LIST"]
