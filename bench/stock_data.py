"""Stock benchmark data: 100,000 products × 5 warehouses and 10,000,000 ledger rows, loaded
straight in SQL (generate_series on PostgreSQL, a recursive CTE on SQLite) with the ledger's
secondary indexes dropped and rebuilt, then ANALYZEd.

Shape (deterministic, no random stream): ledger row ``g`` (1…N) belongs to product
``(g−1) mod P + 1``, warehouse ``((g−1) div P) mod W + 1`` and round ``(g−1) div (P·W)``;
20 consecutive rows (20 products, one warehouse, one round) are one posted document. Even
rounds are receipts (GR, +10…+20 at a cost per product), odd rounds delivery notes
(DN, −1…−9), so every running balance stays ≥ 0 and each (product, warehouse) has N/(P·W)
ledger rows (20 at the default size). Times run over two years in id order, as posting
assigns them. Balances are the ledger's sums (``stock check`` passes on the loaded data);
one product in 50 has a minimum stock above what it holds (low-stock rows). Ledger rows
carry no document lines (the inquiry reads the ledger only).

A ``setting`` row ``bench.stock`` records the size, so ``--reuse`` can tell whether the
database holds what was asked for.
"""
from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from bench.common import DATA_DIR
from bench.pipeline import log, reset_database

MARKER_KEY = "bench.stock"
DATA_FORMAT = 1
DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/qianli_bench_stock"
ROWS_PER_DOC = 20
START = dt.datetime(2024, 11, 1, tzinfo=dt.timezone.utc)
SPAN_S = 2 * 365 * 86400
LOADED = ("stock_document", "stock_move", "stock_balance", "product", "customer")
CUSTOMERS = 1000


def default_url(kind: str, rows: int) -> str:
    if kind == "sqlite":
        return f"sqlite:///{DATA_DIR / f'stock-{rows}.sqlite3'}"
    return DEFAULT_PG_URL


def marker_value(products: int, warehouses: int, rows: int) -> dict:
    return {"products": products, "warehouses": warehouses, "rows": rows,
            "format": DATA_FORMAT}


def read_marker(db) -> dict | None:
    from models.system import Setting
    try:
        return db.read(lambda s: s.scalar(select(Setting.value)
                                          .where(Setting.key == MARKER_KEY)))
    except Exception:
        return None


def create_org(db) -> None:
    from services import org

    def build(s):
        org.add_user(s, None, login="admin", display_name="管理员", role="admin")
        for i in range(1, 9):
            org.add_user(s, None, login=f"clerk{i}", display_name=f"库管{i}", role="warehouse")
        org.add_user(s, None, login="mgr", display_name="经理", role="sales_manager",
                     team="华东")
        org.add_user(s, None, login="rep", display_name="销售", role="sales", team="华东",
                     manager_login="mgr")
    db.write(build)


def _statements(products: int, warehouses: int, rows: int, dialect: str) -> list[str]:
    """The generating SQL, written once for both dialects (series and integer division
    differ)."""
    pg = dialect == "postgresql"
    per_round = products * warehouses
    docs = rows // ROWS_PER_DOC
    docs_per_round = per_round // ROWS_PER_DOC
    step = SPAN_S / rows
    if pg:
        series = lambda n: f"generate_series(1, {n}) AS t(g)"      # noqa: E731
        ts = lambda expr: f"(TIMESTAMPTZ '{START.isoformat()}' + ({expr}) * INTERVAL '1 second')"  # noqa: E731,E501
        pad = lambda expr, w: f"lpad(({expr})::text, {w}, '0')"    # noqa: E731
        idiv = lambda a, b: f"(({a}) / {b})"                        # noqa: E731
        prefix = ""
    else:
        series = lambda n: f"s AS t"                                # noqa: E731
        ts = lambda expr: (f"strftime('%Y-%m-%d %H:%M:%S', '{START.strftime('%Y-%m-%d %H:%M:%S')}', "  # noqa: E731,E501
                           f"'+' || CAST(({expr}) AS INTEGER) || ' seconds') || '.000000'")
        pad = lambda expr, w: f"substr('{'0' * w}' || ({expr}), -{w}, {w})"  # noqa: E731
        idiv = lambda a, b: f"(({a}) / {b})"                        # noqa: E731
        prefix = "WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {n}) "
    now = "now()" if pg else "strftime('%Y-%m-%d %H:%M:%S', 'now') || '.000000'"
    true = "true" if pg else "1"
    date = "DATE '2025-01-01'" if pg else "'2025-01-01'"
    out = []
    # Products: sku P000001, barcode 69…, cost 5–204, price cost × 1.6 incl. tax.
    out.append(
        (prefix.format(n=products) if not pg else "") +
        "INSERT INTO product (id, sku, name, spec, unit, qty_decimals, barcode, sale_price, cost, "
        "tax_rate, min_stock, active, search_text, created_at, updated_at, version_id) "
        f"SELECT g, 'P' || {pad('g', 6)}, '产品' || g, '规格' || (g % 97), '个', 0, "
        f"'69' || {pad('g', 11)}, (5 + g % 200) * 1.6, 5 + g % 200, 13, "
        f"CASE WHEN g % 50 = 0 THEN 500 ELSE 5 END, {true}, "
        f"'p' || {pad('g', 6)} || ' 产品' || g, {now}, {now}, 1 FROM {series(products)}")
    out.append(
        (prefix.format(n=CUSTOMERS) if not pg else "") +
        "INSERT INTO customer (id, code, name, kind, name_norm, search_text, created_at, "
        f"updated_at, version_id) SELECT g, 'C' || {pad('g', 6)}, '客户' || g, 'company', "
        f"'客户' || g, '客户' || g, {now}, {now}, 1 FROM {series(CUSTOMERS)}")
    # Documents: round r = (d−1) div docs_per_round; GR in even rounds, DN in odd ones;
    # per-type counter = (r div 2) × docs_per_round + (d−1) mod docs_per_round + 1.
    rnd = idiv("g - 1", docs_per_round)
    kind = f"CASE WHEN {rnd} % 2 = 0 THEN 'GR' ELSE 'DN' END"
    counter = f"{idiv(rnd, 2)} * {docs_per_round} + (g - 1) % {docs_per_round} + 1"
    doc_at = ts(f"(g - 1) * {ROWS_PER_DOC} * {step}")
    out.append(
        (prefix.format(n=docs) if not pg else "") +
        "INSERT INTO stock_document (id, doc_type, number, client_uuid, state, doc_date, "
        "warehouse_id, customer_id, posted_at, posted_by_id, created_at, created_by_id, "
        "updated_at, version_id) "
        f"SELECT g, {kind}, {kind} || '-2025-' || {pad(counter, 6)}, 'bench-' || g, 'posted', "
        f"{date}, {idiv(f'(g - 1) * {ROWS_PER_DOC}', products)} % {warehouses} + 1, "
        f"CASE WHEN {rnd} % 2 = 1 THEN (g % {CUSTOMERS}) + 1 END, {doc_at}, 1, {doc_at}, 1, "
        f"{doc_at}, 1 FROM {series(docs)}")
    k = "(g - 1)"
    rnd_row = idiv(k, per_round)
    d = f"{idiv(k, ROWS_PER_DOC)} + 1"
    rkind = f"CASE WHEN {rnd_row} % 2 = 0 THEN 'GR' ELSE 'DN' END"
    rcounter = (f"{idiv(rnd_row, 2)} * {docs_per_round} + "
                f"{idiv(k, ROWS_PER_DOC)} % {docs_per_round} + 1")
    out.append(
        (prefix.format(n=rows) if not pg else "") +
        "INSERT INTO stock_move (id, at, product_id, warehouse_id, qty, unit_cost, "
        "document_id, line_id, doc_type, doc_number, actor_id) "
        f"SELECT g, {ts(f'{idiv(k, ROWS_PER_DOC)} * {ROWS_PER_DOC} * {step}')}, {k} % {products} + 1, "
        f"{idiv(k, products)} % {warehouses} + 1, "
        f"CASE WHEN {rnd_row} % 2 = 0 THEN 10 + g % 11 ELSE -(1 + g % 9) END, "
        f"5 + ({k} % {products} + 1) % 200 + ({rnd_row} % 5) * 0.5, {d}, NULL, {rkind}, "
        f"{rkind} || '-2025-' || {pad(rcounter, 6)}, 1 FROM {series(rows)}")
    out.append(
        "INSERT INTO stock_balance (product_id, warehouse_id, on_hand, reserved, avg_cost, "
        "last_move_at) SELECT product_id, warehouse_id, sum(qty), 0, 6 + product_id % 200, "
        "max(at) FROM stock_move GROUP BY product_id, warehouse_id")
    rounds = rows // per_round
    n_type = ((rounds + 1) // 2) * docs_per_round
    out.append("INSERT INTO doc_sequence (doc_type, year, last_number) VALUES "
               f"('GR', 2025, {n_type}), ('DN', 2025, {n_type})")
    out.append("INSERT INTO warehouse (id, code, name, active) VALUES " + ", ".join(
        f"({w}, 'W{w}', '仓库{w}', {true})" for w in range(1, warehouses + 1)))
    # Warehouses first (foreign keys on SQLite are checked per statement).
    return [out[-1], *out[:-1]]


def load_postgresql(db, products: int, warehouses: int, rows: int) -> None:
    import psycopg
    conninfo = make_url(db.url).set(drivername="postgresql").render_as_string(
        hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as con:
        con.execute("SET statement_timeout = 0")
        con.execute("SET maintenance_work_mem = '512MB'")
        saved = con.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
            "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname)", (list(LOADED),)).fetchall()
        for name, _ in saved:
            con.execute(f'DROP INDEX "{name}"')
        with con.transaction():
            # No FK checks or guard triggers while loading: the generator keeps them true.
            con.execute("SET LOCAL session_replication_role = replica")
            for stmt in _statements(products, warehouses, rows, "postgresql"):
                t0 = time.perf_counter()
                con.execute(stmt)
                log(f"postgresql: {stmt.split('(')[0].strip()[:40]} "
                    f"{time.perf_counter() - t0:,.0f} s")
        log("postgresql: rebuilding indexes")
        for name, definition in saved:
            con.execute(definition)
        for table in ("stock_document", "stock_move", "product", "customer", "warehouse"):
            con.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))")
        log("postgresql: VACUUM ANALYZE")
        for table in LOADED + ("warehouse",):
            con.execute(f"VACUUM ANALYZE {table}")


def load_sqlite(db, products: int, warehouses: int, rows: int) -> None:
    with db.engine.connect() as con:
        raw = con.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        saved = raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({','.join(repr(t) for t in LOADED)})").fetchall()
        for name, _ in saved:
            raw.execute(f'DROP INDEX "{name}"')
        raw.execute("BEGIN")
        for stmt in _statements(products, warehouses, rows, "sqlite"):
            t0 = time.perf_counter()
            raw.execute(stmt)
            log(f"sqlite: {stmt.split('INSERT INTO')[1].split('(')[0].strip()} "
                f"{time.perf_counter() - t0:,.0f} s")
        raw.execute("COMMIT")
        log("sqlite: rebuilding indexes")
        for _, definition in saved:
            raw.execute(definition)
        raw.execute("ANALYZE")
        raw.execute("PRAGMA foreign_keys=ON")


def generate(kind: str, url: str, products: int, warehouses: int, rows: int) -> None:
    from app.db import Database
    from models.system import Setting
    if (products * warehouses) % ROWS_PER_DOC or rows % (products * warehouses):
        raise SystemExit("rows must be a multiple of products × warehouses, and "
                         f"products × warehouses a multiple of {ROWS_PER_DOC}")
    t0 = time.perf_counter()
    log(f"{kind}: creating an empty database at {make_url(url).render_as_string()}")
    reset_database(kind, url)
    db = Database(url)
    try:
        create_org(db)
        (load_sqlite if kind == "sqlite" else load_postgresql)(db, products, warehouses, rows)
        db.write(lambda s: s.merge(Setting(key=MARKER_KEY,
                                           value=marker_value(products, warehouses, rows))))
    finally:
        db.dispose()
    log(f"{kind}: loaded {products:,} products × {warehouses} warehouses and {rows:,} "
        f"ledger rows in {time.perf_counter() - t0:,.0f} s")
