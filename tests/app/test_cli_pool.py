"""``python main.py pool sweep`` as a scheduled task runs it: a subprocess against a SQLite
file and a PostgreSQL database, with a controlled clock (--now)."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select, update

from app import cli
from models.base import utcnow
from models.party import Customer
from models.pipeline import OwnershipChange
from services import customers
from services.customers import CustomerInput

ROOT = Path(__file__).resolve().parents[2]


def run(tmp_path, *args):
    environ = {k: v for k, v in os.environ.items() if k != cli.ENV_DATABASE}
    environ.update({"QIANLI_CONFIG_DIR": str(tmp_path / "config"),
                    "QIANLI_DATA_DIR": str(tmp_path / "data"),
                    "QIANLI_LOG_DIR": str(tmp_path / "logs"),
                    "PYTHONIOENCODING": "utf-8"})
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", env=environ,
                          cwd=tmp_path, timeout=300, stdin=subprocess.DEVNULL)


def test_pool_sweep_command(db, staff, tmp_path):
    now = utcnow().replace(microsecond=0) + dt.timedelta(hours=1)

    def setup(s):
        ids = [customers.create_customer(s, staff.rep1, CustomerInput(name=name),
                                         allow_duplicate=True).id
               for name in ("久未跟进甲", "久未跟进乙", "刚认领")]
        s.execute(update(Customer).where(Customer.id.in_(ids[:2]))
                  .values(claimed_at=now - dt.timedelta(days=31)))
        return ids
    ids = db.write(setup)
    # The clock given in Beijing time: the same instant as ``now``.
    beijing = now.astimezone(dt.timezone(dt.timedelta(hours=8))).isoformat()

    first = run(tmp_path, "pool", "sweep", "--database", db.url, "--now", beijing)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == ("2 customers returned to the public pool: "
                                    "2 without a follow-up, 0 without a won deal.")
    owners = db.read(lambda s: dict(s.execute(select(Customer.id, Customer.owner_id)
                                              .where(Customer.id.in_(ids))).all()))
    assert owners == {ids[0]: None, ids[1]: None, ids[2]: staff.rep1.user_id}
    swept_at = db.read(lambda s: s.scalars(select(OwnershipChange.at).where(
        OwnershipChange.reason == "sweep_no_follow_up")).all())
    assert swept_at == [now, now]

    again = run(tmp_path, "pool", "sweep", "--database", db.url, "--now", beijing)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("0 customers returned to the public pool")


def test_pool_sweep_usage_and_database_errors(tmp_path):
    bad_time = run(tmp_path, "pool", "sweep", "--database", tmp_path / "x.sqlite3",
                   "--now", "yesterday")
    assert bad_time.returncode == cli.EXIT_USAGE
    assert "'yesterday' is not an ISO time" in bad_time.stderr
    no_action = run(tmp_path, "pool")
    assert no_action.returncode == cli.EXIT_USAGE
    unreachable = run(tmp_path, "pool", "sweep", "--database",
                      "postgresql://nobody@127.0.0.1:1/none")
    assert unreachable.returncode == cli.EXIT_DATABASE
    assert unreachable.stderr.startswith("error: Cannot connect to the database")
