"""Stock benchmark: posting throughput next to pgbench, and stock inquiry at scale.

    python -m bench.stock                       # PostgreSQL: load (or --reuse) and measure
    python -m bench.stock --db sqlite --reuse   # SQLite file under bench/data/
    python -m bench.stock --reuse --skip-inquiry --workers 8 --notes 200

Data: bench/stock_data.py (100,000 products × 5 warehouses, 10,000,000 ledger rows loaded
in SQL, ANALYZEd; ``--reuse`` keeps a loaded database when its marker matches the size).

Timed:
- **Posting throughput**: ``--workers`` processes (8 on PostgreSQL), each with its own
  connection, post delivery notes with ``deliveries.post_delivery_from_so`` — create the note
  for an approved sales order's open lines and post it in one ``Database.write`` (locks,
  stock check, reservation release, ledger rows, order progress, gapless number, audit) —
  for ``--notes`` notes each. The orders (``--lines`` lines each, random products and
  warehouses) are created and approved beforehand, untimed. Reported: notes/s and lines/s
  over the wall time of the timed phase.
- **pgbench** on the same server in the same run: ``pgbench -i -s SCALE`` into its own
  database, then ``pgbench -b tpcb-like -c WORKERS -j 2 -T SECONDS``; tps (without the
  initial connection time). The ratio is notes/s ÷ tps (a delivery note is one
  transaction of ~25 statements; a TPC-B transaction is 5).
- **Inquiry** (target p95 ≤ 50 ms), each call its own read transaction as the client makes
  it, for ``--samples`` random products: ``stock_by_product``, ``product_ledger`` first page
  (50 rows, all warehouses), the next page, one warehouse's page, and "inquiry screen" =
  balances + first ledger page (what the stock inquiry page loads when a product is picked).
  ``low_stock`` per warehouse and ``stock check`` over the whole ledger are reported
  without a target.

Prints the table and writes bench/results/stock-<db>.json.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import re
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bench.common import format_table, row, time_ms, write_results
from bench.pipeline import log
from bench.stock_data import default_url, generate, marker_value, read_marker

TARGET_MS = 50.0
PAGE = 50


# --------------------------------------------------------------------------- posting

def prepare_orders(url: str, n_orders: int, lines: int, products: int, warehouses: int,
                   seed: int) -> list[int]:
    """Approved sales orders (admin, no approval rules) with ``lines`` random products
    each, in one warehouse per order. Returns their ids."""
    from app.db import Database
    from services import org, sales_orders
    from services.order_lines import OrderLineInput
    from services.sales_orders import SalesOrderInput
    from services.stock_documents import new_uuid
    rnd = random.Random(seed)
    db = Database(url, application_name="bench.stock")
    ids: list[int] = []
    try:
        admin = db.read(lambda s: org.actor_for(s, "admin"))
        customers = db.read(lambda s: s.execute(text("SELECT id FROM customer")).scalars().all())
        batch = 50
        for start in range(0, n_orders, batch):
            def work(s, k=min(batch, n_orders - start)):
                out = []
                for _ in range(k):
                    chosen = rnd.sample(range(1, products + 1), lines)
                    so = sales_orders.create_sales_order(s, admin, SalesOrderInput(
                        rnd.choice(customers), rnd.randint(1, warehouses),
                        tuple(OrderLineInput(p, Decimal(rnd.randint(1, 3))) for p in chosen)),
                        new_uuid())
                    sales_orders.submit_sales_order(s, admin, so.id)
                    out.append(so.id)
                return out
            ids += db.write(work)
    finally:
        db.dispose()
    return ids


def _post_worker(args) -> tuple[int, int, float, list[float], int]:
    url, login, so_ids, barrier = args
    from sqlalchemy.exc import OperationalError
    from app.db import Database
    from services import deliveries, org
    from services.stock_documents import new_uuid
    db = Database(url, application_name="bench.stock", pool_size=1)
    try:
        actor = db.read(lambda s: org.actor_for(s, login))
        barrier.wait()
        notes = lines = 0
        samples = []
        t0 = time.perf_counter()
        failed = 0
        for so_id in so_ids:
            try:
                ms, result = time_ms(lambda: db.write(
                    lambda s: deliveries.post_delivery_from_so(s, actor, so_id, new_uuid())))
            except OperationalError:      # SQLite: the write lock not had within the retries
                failed += 1
                continue
            samples.append(ms)
            notes += 1
            lines += len(result.document.lines)
        return notes, lines, time.perf_counter() - t0, samples, failed
    finally:
        db.dispose()


def statements_per_note(url: str, so_id: int) -> int:
    """Round trips of one delivery-note posting (counted on one note, untimed)."""
    from sqlalchemy import event

    from app.db import Database
    from services import deliveries, org
    from services.stock_documents import new_uuid
    db = Database(url, application_name="bench.stock", pool_size=1)
    try:
        actor = db.read(lambda s: org.actor_for(s, "clerk1"))
        seen: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
        db.write(lambda s: deliveries.post_delivery_from_so(s, actor, so_id, new_uuid()))
        return len(seen)
    finally:
        db.dispose()


def measure_posting(url: str, kind: str, workers: int, per_worker: int, lines: int,
                    products: int, warehouses: int, seed: int) -> list[dict]:
    log(f"{kind}: preparing {workers * per_worker + 1:,} approved sales orders "
        f"({lines} lines each)")
    ids = prepare_orders(url, workers * per_worker + 1, lines, products, warehouses, seed)
    statements = statements_per_note(url, ids.pop())
    chunks = [ids[i::workers] for i in range(workers)]
    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(workers + 1)
        with ctx.Pool(workers) as pool:
            pending = pool.map_async(_post_worker, [
                (url, f"clerk{i % 8 + 1}", chunk, barrier) for i, chunk in enumerate(chunks)])
            barrier.wait()
            log(f"{kind}: {workers} workers posting delivery notes")
            t0 = time.perf_counter()
            results = pending.get()
            wall = time.perf_counter() - t0
    notes = sum(r[0] for r in results)
    n_lines = sum(r[1] for r in results)
    samples = [ms for r in results for ms in r[3]]
    failed = sum(r[4] for r in results)
    return [row("post delivery note (per note)", kind, notes, samples=samples, workers=workers,
                statements=statements, failed=failed),
            row("posting throughput: notes", kind, notes, value=notes / wall, unit="notes/s",
                workers=workers),
            row("posting throughput: lines", kind, n_lines, value=n_lines / wall,
                unit="lines/s", workers=workers)]


def pgbench_binary() -> str | None:
    found = shutil.which("pgbench")
    if found:
        return found
    for p in sorted(Path("/usr/lib/postgresql").glob("*/bin/pgbench"), reverse=True):
        return str(p)
    return None


def measure_pgbench(url: str, workers: int, seconds: int, scale: int) -> dict | None:
    """TPC-B-like tps of the same server, in a database of its own."""
    binary = pgbench_binary()
    if binary is None:
        log("pgbench not found (apt-get install postgresql-contrib): no baseline")
        return None
    u = make_url(url)
    target = f"{u.database}_pgbench"
    env_args = ["-h", u.host or "127.0.0.1", "-p", str(u.port or 5432),
                "-U", u.username or "postgres"]
    from sqlalchemy import create_engine
    admin = create_engine(u.set(drivername="postgresql+psycopg", database="postgres"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        if not c.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                         {"n": target}).scalar():
            c.execute(text(f'CREATE DATABASE "{target}"'))
    admin.dispose()
    log(f"pgbench: initialising scale {scale}")
    subprocess.run([binary, *env_args, "-i", "-q", "-s", str(scale), target], check=True,
                   capture_output=True, text=True)
    log(f"pgbench: tpcb-like, {workers} clients, {seconds} s")
    out = subprocess.run([binary, *env_args, "-b", "tpcb-like", "-c", str(workers), "-j", "2",
                          "-T", str(seconds), target], check=True, capture_output=True,
                         text=True).stdout
    m = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", out) or \
        re.search(r"tps = ([0-9.]+)", out)
    if not m:
        raise RuntimeError(f"cannot read pgbench output:\n{out}")
    return row("pgbench tpcb-like", "postgresql", workers, value=float(m.group(1)), unit="tps",
               scale=scale, seconds=seconds)


# --------------------------------------------------------------------------- inquiry

def measure_inquiry(url: str, kind: str, samples: int, products: int, warehouses: int,
                    seed: int, with_check: bool = True) -> list[dict]:
    from app.db import Database
    from services import org
    from services.stock_check import check_stock
    from services.stock_inquiry import low_stock, product_ledger, stock_by_product
    db = Database(url, application_name="bench.stock")
    try:
        clerk = db.read(lambda s: org.actor_for(s, "clerk1"))
        rnd = random.Random(seed)
        picks = [rnd.randint(1, products) for _ in range(samples)]
        # Warm the connection pool and the catalog caches (not the data pages).
        db.read(lambda s: stock_by_product(s, clerk, 1))
        times: dict[str, list[float]] = {k: [] for k in (
            "balances", "ledger", "next", "one", "screen")}
        for p in picks:
            times["balances"].append(time_ms(lambda: db.read(
                lambda s: stock_by_product(s, clerk, p)))[0])
            ms, page = time_ms(lambda: db.read(
                lambda s: product_ledger(s, clerk, p, limit=PAGE)))
            times["ledger"].append(ms)
            times["next"].append(time_ms(lambda: db.read(
                lambda s: product_ledger(s, clerk, p, limit=PAGE, before_id=page[-1].id)))[0])
            w = rnd.randint(1, warehouses)
            times["one"].append(time_ms(lambda: db.read(
                lambda s: product_ledger(s, clerk, p, warehouse_id=w, limit=PAGE)))[0])
        for p in picks:
            q = rnd.randint(1, products)
            times["screen"].append(time_ms(lambda: db.read(lambda s: (
                stock_by_product(s, clerk, q), product_ledger(s, clerk, q, limit=PAGE))))[0])
        names = {"balances": "stock_by_product (per-warehouse balances)",
                 "ledger": f"product_ledger first page ({PAGE} rows)",
                 "next": "product_ledger next page",
                 "one": "product_ledger one warehouse",
                 "screen": "inquiry screen (balances + first ledger page)"}
        rows = [row(names[k], kind, samples, samples=v, target=TARGET_MS)
                for k, v in times.items()]
        low = [time_ms(lambda w=w: db.read(lambda s: low_stock(s, clerk, w)))[0]
               for w in range(1, warehouses + 1)]
        rows.append(row("low_stock (one warehouse, 1,000 rows)", kind, len(low), samples=low))
        if with_check:
            log(f"{kind}: stock check over the whole ledger")
            ms, result = time_ms(lambda: db.read(check_stock))
            rows.append(row("stock check (whole ledger)", kind, result.ledger_rows, value=ms,
                            unit="ms", problems=len(result.problems)))
        return rows
    finally:
        db.dispose()


# --------------------------------------------------------------------------- main

def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.stock", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", choices=("postgresql", "sqlite"), default="postgresql")
    p.add_argument("--url", help="database URL (default: a bench database of its own)")
    p.add_argument("--products", type=int, default=100_000)
    p.add_argument("--warehouses", type=int, default=5)
    p.add_argument("--rows", type=int, default=10_000_000, help="ledger rows")
    p.add_argument("--reuse", action="store_true",
                   help="keep the loaded database when it holds the data asked for")
    p.add_argument("--workers", type=int, default=None,
                   help="posting workers (default 8 on PostgreSQL, 4 on SQLite)")
    p.add_argument("--notes", type=int, default=100, help="delivery notes per worker")
    p.add_argument("--lines", type=int, default=5, help="lines per delivery note")
    p.add_argument("--samples", type=int, default=300, help="inquiry samples")
    p.add_argument("--pgbench-seconds", type=int, default=30)
    p.add_argument("--pgbench-scale", type=int, default=10)
    p.add_argument("--skip-posting", action="store_true")
    p.add_argument("--skip-inquiry", action="store_true")
    p.add_argument("--skip-check", action="store_true", help="no whole-ledger stock check")
    p.add_argument("--seed", type=int, default=7)
    return p.parse_args(argv)


def main(argv=None) -> int:
    from app.db import Database
    args = parse_args(argv)
    url = args.url or default_url(args.db, args.rows)
    workers = args.workers or (8 if args.db == "postgresql" else 4)
    want = marker_value(args.products, args.warehouses, args.rows)
    if args.reuse:
        db = Database(url)
        have = read_marker(db)
        db.dispose()
    if not args.reuse or have != want:
        if args.reuse:
            log(f"{args.db}: the database holds {have}, not {want}: loading again")
        generate(args.db, url, args.products, args.warehouses, args.rows)
    rows: list[dict] = []
    if not args.skip_inquiry:
        rows += measure_inquiry(url, args.db, args.samples, args.products, args.warehouses,
                                args.seed, with_check=not args.skip_check)
        write_results("stock", args.db, rows)      # kept even if posting fails later
    if not args.skip_posting:
        posting = measure_posting(url, args.db, workers, args.notes, args.lines,
                                  args.products, args.warehouses, args.seed)
        rows += posting
        if args.db == "postgresql":
            base = measure_pgbench(url, workers, args.pgbench_seconds, args.pgbench_scale)
            if base is not None:
                rows.append(base)
                notes = posting[1]
                notes["baseline"] = base["value"]
                notes["ratio"] = round(notes["value"] / base["value"], 3)
                notes["target"] = None
    print(format_table(rows))
    for r in rows:
        if r["metric"] == "posting throughput: notes" and r.get("baseline"):
            print(f"posting / pgbench ratio: {r['value']:.1f} notes/s ÷ {r['baseline']:.1f} tps"
                  f" = {r['ratio']:.3f} (aim ≥ 0.3)")
    path = write_results("stock", args.db, rows)
    log(f"results written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
