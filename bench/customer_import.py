"""Customer import and export benchmark: how long a clerk waits for a big file.

    python -m bench.customer_import --rows 10000 --db sqlite
    python -m bench.customer_import --rows 10000 --db postgresql [--url postgresql://...]

Builds an .xlsx of ``--rows`` customers the way an office sends one (ten columns, phones as
numbers and text, one row in 200 with an error), imports it into a fresh database, imports
it again (every row is then a duplicate), writes the error report and exports every
customer. Each step is timed once, end to end, as the user experiences it. Prints a table
and writes bench/results/customer_import-<db>.json.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from bench.common import DATA_DIR, format_table, peak_rss_mb, row, write_results

DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/qianli_bench_import"
CITIES = ("深圳", "上海", "广州", "杭州", "苏州", "北京", "成都", "武汉", "南京", "厦门")
WORDS = ("华强", "远航", "金桥", "鼎盛", "恒泰", "宏达", "瑞丰", "联创", "新锐", "天成")
TRADES = ("电子科技", "贸易", "物流", "机械设备", "食品", "软件", "建材", "化工")


def build_file(path: Path, rows: int, seed: int) -> int:
    """The import file; returns how many rows carry a deliberate error."""
    import openpyxl
    rng = random.Random(seed)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    ws.append(["客户名称", "类型", "联系电话", "邮箱", "统一社会信用代码", "客户级别", "所属行业",
               "客户来源", "地区", "联系人"])
    bad = 0
    for i in range(1, rows + 1):
        city = rng.choice(CITIES)
        name = f"{city}{rng.choice(WORDS)}{rng.choice(TRADES)}第{i}分公司有限公司"
        phone: object = float(f"13{rng.randrange(10**9):09d}") if i % 3 else \
            f"0755-{rng.randrange(2 * 10**7, 9 * 10**7)}"
        if i % 200 == 0:
            phone, bad = "12345", bad + 1
        ws.append([name, "公司", phone, f"buyer{i}@example.com", None, "ABCD"[i % 4],
                   rng.choice(TRADES), "展会", city, f"联系人{i}"])
    wb.save(path)
    return bad


def fresh_database(kind: str, url: str):
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from app.db import Database, normalize_url
    from app.migrate import upgrade
    if kind == "sqlite":
        file = Path(make_url(url).database)
        for p in (file, Path(f"{file}-wal"), Path(f"{file}-shm")):
            p.unlink(missing_ok=True)
    else:
        u = make_url(normalize_url(url))
        admin = create_engine(u.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            if not c.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                             {"n": u.database}).scalar():
                c.execute(text(f'CREATE DATABASE "{u.database}"'))
        admin.dispose()
        eng = create_engine(u, isolation_level="AUTOCOMMIT")
        with eng.connect() as c:
            c.execute(text("DROP SCHEMA public CASCADE"))
            c.execute(text("CREATE SCHEMA public"))
        eng.dispose()
    db = Database(url)
    upgrade(db.engine)
    return db


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.customer_import", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=10_000)
    p.add_argument("--db", choices=("sqlite", "postgresql"), required=True)
    p.add_argument("--url", help=f"database URL (default: bench/data/import.sqlite3 or "
                                 f"{DEFAULT_PG_URL}); it is emptied first")
    p.add_argument("--seed", type=int, default=20261123)
    args = p.parse_args(argv)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    url = args.url or (f"sqlite:///{DATA_DIR / 'import.sqlite3'}" if args.db == "sqlite"
                       else DEFAULT_PG_URL)

    from services import customer_import as ci
    from services import org
    from services.customer_search import CustomerFilter
    from services.export import export_customers

    db = fresh_database(args.db, url)
    admin = db.write(lambda s: org.add_user(s, None, login="admin", display_name="管理员",
                                            role="admin"))
    actor = db.read(lambda s: org.actor_for(s, admin.login))
    n = args.rows
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "客户.xlsx"
        bad = build_file(path, n, args.seed)

        def step(metric, fn):
            t0 = time.perf_counter()
            out = fn()
            ms = (time.perf_counter() - t0) * 1000
            results.append(row(metric, args.db, n, value=ms, unit="ms"))
            return out

        read = step("read and check the file", lambda: ci.read_import_file(path))
        step("duplicate check (empty database)",
             lambda: db.read(lambda s: ci.preview_import(s, actor, read)))
        first = step("import good rows (one transaction)",
                     lambda: ci.run_import(db, actor, read, mode="good_rows"))
        assert first.created == n - bad, first.summary
        again = step("re-import the same file (all duplicates)",
                     lambda: ci.run_import(db, actor, path, mode="good_rows"))
        assert again.created == 0 and again.skipped_duplicates == n - bad, again.summary
        step("write the error report", lambda: ci.write_error_report(
            again, Path(tmp) / "problems.xlsx"))
        exported = step("export every customer to .xlsx", lambda: db.read(
            lambda s: export_customers(s, actor, CustomerFilter(), Path(tmp) / "out.xlsx")))
        assert exported == n - bad
    results.append(row("rows per second, import", args.db, n,
                       value=(n - bad) / (results[2]["value"] / 1000), unit="rows/s"))
    results.append(row("peak RSS", args.db, n, value=peak_rss_mb(), unit="MB"))
    db.dispose()
    print(format_table(results))
    print(f"\nwritten to {write_results('customer_import', args.db, results)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
