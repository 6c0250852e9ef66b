"""Bulk load of the generated customers: COPY on PostgreSQL, big executemany transactions
on SQLite. Secondary indexes, the FTS triggers and the token primary key are set aside
during the load and rebuilt from their own stored definitions afterwards, so the schema
ends exactly as the migrations made it.

The load bypasses the services for speed but builds ``search_text`` and the token rows
with the very functions ``refresh_search_index`` uses; ``verify_index_sample`` re-runs
``refresh_search_index`` on a sample and checks that nothing would change."""
from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path
from typing import Callable

from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.db import Database, normalize_url
from app.migrate import upgrade
from bench.customer_data import (ACTIVITY_KINDS, NOTES, NOW, GenCustomer, make_customer)
from models.party import Customer, CustomerSearchToken
from models.system import Setting
from services import org
from services import customer_search_narrow as narrow
from services.customer_search import build_search_text, refresh_search_index, search_tokens
from services.normalize import normalize_name, normalize_phone

MARKER_KEY = "bench.customers"
DATA_FORMAT = 1              # bump when the generator or the index content changes
BATCH = 20_000

CUSTOMER_COLS = ("id", "code", "name", "kind", "level", "industry", "source", "region",
                 "address", "phone", "email", "tax_id", "notes", "owner_id", "claimed_at",
                 "last_follow_up_at", "merged_into_id", "name_norm", "phone_digits",
                 "tax_id_norm", "search_text", "created_at", "created_by_id", "updated_at",
                 "updated_by_id", "version_id")
CONTACT_COLS = ("id", "customer_id", "name", "title", "phone", "phone_digits", "email",
                "wechat", "is_primary", "notes", "created_at", "version_id")
ACTIVITY_COLS = ("id", "customer_id", "contact_id", "user_id", "kind", "occurred_at", "notes",
                 "next_follow_up_on", "created_at")
TABLES = ("customer", "contact", "customer_search_token", "activity", "customer_search_narrow")


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def hero_id(rows: int) -> int:
    """The customer with 1,000 follow-ups (the 360° view benchmark)."""
    return max(1, rows // 2)


# --------------------------------------------------------------------------- rows

def _sqlite_ts(value: dt.datetime | None):
    # models.base.UTCDateTime on SQLite: naive UTC in SQLAlchemy's DATETIME text format.
    if value is None:
        return None
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


def generate_batches(rows: int, seed: int, owner_ids: list[int], ts: Callable):
    """Yield (customer tuples, contact tuples, token tuples) per batch of customers."""
    rnd = random.Random(seed)
    contact_id = 0
    hero = hero_id(rows)
    for start in range(1, rows + 1, BATCH):
        custs, contacts, tokens = [], [], []
        for i in range(start, min(rows, start + BATCH - 1) + 1):
            c: GenCustomer = make_customer(rnd, i, owner_ids)
            if i == hero:
                while len(c.contacts) < 3:
                    c.contacts.append((f"联系人{len(c.contacts) + 1}", None,
                                       f"1390000{len(c.contacts):04d}", not c.contacts))
            st = build_search_text(name=c.name, code=c.code, phone=c.phone, email=c.email,
                                   contact_names=[n for n, _, _, _ in c.contacts],
                                   contact_phones=[p for _, _, p, _ in c.contacts if p])
            custs.append((c.id, c.code, c.name, c.kind, c.level, c.industry, c.source,
                          c.region, c.address, c.phone, c.email, None, None, c.owner_id,
                          ts(c.claimed_at), ts(c.last_follow_up_at), None,
                          normalize_name(c.name), normalize_phone(c.phone), None, st,
                          ts(c.created_at), None, ts(c.updated_at), None, 1))
            for name, title, phone, primary in c.contacts:
                contact_id += 1
                contacts.append((contact_id, c.id, name, title, phone, normalize_phone(phone),
                                 None, None, primary, None, ts(c.created_at), 1))
            tokens.extend((t, c.id) for t in search_tokens(st))
        yield custs, contacts, tokens


def generate_activities(rows: int, seed: int, owner_ids: list[int], ts: Callable,
                        date_fn: Callable):
    """1,000 follow-ups for the hero customer plus one per five customers elsewhere."""
    rnd = random.Random(seed + 1)
    hero = hero_id(rows)
    out, aid = [], 0
    total = 1000 + rows // 5
    for k in range(total):
        cid = hero if k < 1000 else rnd.randrange(1, rows + 1)
        aid += 1
        when = NOW - dt.timedelta(seconds=rnd.randrange(700 * 86400))
        nxt = (when + dt.timedelta(days=rnd.randrange(1, 30))).date() if rnd.random() < 0.4 else None
        out.append((aid, cid, None, rnd.choice(owner_ids), rnd.choice(ACTIVITY_KINDS), ts(when),
                    rnd.choice(NOTES), date_fn(nxt), ts(when)))
        if len(out) >= BATCH:
            yield out
            out = []
    if out:
        yield out


# --------------------------------------------------------------------------- database

def create_users(db: Database) -> list[int]:
    """admin, finance, warehouse and five sales teams of a manager and ten reps."""
    def build(s):
        org.add_user(s, None, login="admin", display_name="管理员", role="admin")
        org.add_user(s, None, login="finance", display_name="刘会计", role="finance")
        org.add_user(s, None, login="warehouse", display_name="陈库管", role="warehouse")
        ids = []
        for t, team in enumerate(("华东", "华南", "华北", "西南", "海外")):
            m = org.add_user(s, None, login=f"mgr{t + 1}", display_name=f"经理{t + 1}",
                             role="sales_manager", team=team)
            ids.append(m.id)
            for r in range(10):
                u = org.add_user(s, None, login=f"rep{t + 1}_{r + 1}",
                                 display_name=f"销售{t + 1}-{r + 1}", role="sales", team=team,
                                 manager_login=f"mgr{t + 1}")
                ids.append(u.id)
        return ids
    return db.write(build)


def reset_database(kind: str, url: str) -> None:
    """An empty database migrated to head."""
    if kind == "sqlite":
        path = Path(make_url(url).database)
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(path) + suffix)
            if p.exists():
                p.unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
    else:
        from sqlalchemy import create_engine
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
    try:
        upgrade(db.engine)
    finally:
        db.dispose()


def read_marker(db: Database) -> dict | None:
    try:
        return db.read(lambda s: s.scalar(select(Setting.value).where(Setting.key == MARKER_KEY)))
    except Exception:
        return None


def write_marker(db: Database, rows: int, seed: int) -> None:
    def fn(s):
        s.merge(Setting(key=MARKER_KEY, value={"rows": rows, "seed": seed, "format": DATA_FORMAT}))
    db.write(fn)


def load_sqlite(db: Database, rows: int, seed: int, owner_ids: list[int]) -> None:
    raw = db.engine.raw_connection()
    con = raw.driver_connection
    cur = con.cursor()
    cur.execute("PRAGMA foreign_keys=OFF")
    cur.execute("PRAGMA synchronous=OFF")
    cur.execute("PRAGMA cache_size=-400000")
    saved = cur.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
        "((type='index' AND tbl_name IN (%s)) OR (type='trigger' AND tbl_name='customer'))"
        % ",".join("?" * len(TABLES)), TABLES).fetchall()
    for typ, name, _ in saved:
        cur.execute(f'DROP {typ.upper()} "{name}"')
    cur.execute("CREATE TEMP TABLE token_stage(token TEXT, customer_id INTEGER)")
    ins_c = f"INSERT INTO customer ({','.join(CUSTOMER_COLS)}) VALUES ({','.join('?' * len(CUSTOMER_COLS))})"
    ins_k = f"INSERT INTO contact ({','.join(CONTACT_COLS)}) VALUES ({','.join('?' * len(CONTACT_COLS))})"
    ins_a = f"INSERT INTO activity ({','.join(ACTIVITY_COLS)}) VALUES ({','.join('?' * len(ACTIVITY_COLS))})"
    cur.execute("BEGIN")
    done = 0
    for custs, contacts, tokens in generate_batches(rows, seed, owner_ids, _sqlite_ts):
        cur.executemany(ins_c, custs)
        cur.executemany(ins_k, [c[:8] + (1 if c[8] else 0,) + c[9:] for c in contacts])
        cur.executemany("INSERT INTO token_stage VALUES (?, ?)", tokens)
        done += len(custs)
        if done % 100_000 < BATCH:
            log(f"sqlite: {done:,} customers")
    for acts in generate_activities(rows, seed, owner_ids, _sqlite_ts,
                                    lambda d: d.isoformat() if d else None):
        cur.executemany(ins_a, acts)
    log("sqlite: sorting token postings")
    cur.execute("INSERT INTO customer_search_token (token, customer_id) "
                "SELECT token, customer_id FROM token_stage ORDER BY token, customer_id")
    cur.execute("DROP TABLE token_stage")
    cur.execute("COMMIT")
    log("sqlite: rebuilding FTS5 trigram index")
    cur.execute("INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')")
    log("sqlite: rebuilding indexes and triggers")
    cur.execute("BEGIN")
    for typ, name, sql in saved:
        cur.execute(sql)
    cur.execute("COMMIT")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cur.close()
    raw.close()


def _pg_conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def load_postgresql(db: Database, rows: int, seed: int, owner_ids: list[int]) -> None:
    import psycopg
    with psycopg.connect(_pg_conninfo(db.url), autocommit=True) as con:
        con.execute("SET statement_timeout = 0")
        con.execute("SET maintenance_work_mem = '512MB'")
        # Secondary indexes, unique constraints and the token primary key (not referenced by
        # any foreign key) are rebuilt after the load from their own definitions.
        saved_idx = con.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname='public' "
            "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname)", (list(TABLES),)).fetchall()
        saved_con = con.execute(
            "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
            "FROM pg_constraint c WHERE c.conrelid::regclass::text = ANY(%s) AND "
            "(c.contype = 'u' OR (c.contype = 'p' AND c.conrelid = "
            "'customer_search_token'::regclass))", (list(TABLES),)).fetchall()
        for name, _ in saved_idx:
            con.execute(f'DROP INDEX "{name}"')
        for table, name, _ in saved_con:
            con.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
        with con.transaction():
            # Rows are consistent by construction; skip the per-row FK trigger checks.
            con.execute("SET LOCAL session_replication_role = replica")
            done = 0
            with con.cursor() as cur:
                for custs, contacts, tokens in generate_batches(rows, seed, owner_ids, lambda v: v):
                    with cur.copy(f"COPY customer ({','.join(CUSTOMER_COLS)}) FROM STDIN") as cp:
                        for r in custs:
                            cp.write_row(r)
                    with cur.copy(f"COPY contact ({','.join(CONTACT_COLS)}) FROM STDIN") as cp:
                        for r in contacts:
                            cp.write_row(r)
                    with cur.copy("COPY customer_search_token (token, customer_id) FROM STDIN") as cp:
                        for r in tokens:
                            cp.write_row(r)
                    done += len(custs)
                    if done % 100_000 < BATCH:
                        log(f"postgresql: {done:,} customers")
                for acts in generate_activities(rows, seed, owner_ids, lambda v: v, lambda d: d):
                    with cur.copy(f"COPY activity ({','.join(ACTIVITY_COLS)}) FROM STDIN") as cp:
                        for r in acts:
                            cp.write_row(r)
            # The trigger that keeps the narrow search table is off in replica mode: fill it
            # with the trigger's own functions, as the migration's backfill does.
            log("postgresql: filling customer_search_narrow")
            con.execute(narrow.BACKFILL_SQL)
        log("postgresql: rebuilding constraints and indexes")
        for table, name, definition in saved_con:
            con.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        for name, definition in saved_idx:
            log(f"postgresql: {name}")
            con.execute(definition)
        for table in ("customer", "contact", "activity"):
            con.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))")
        log("postgresql: VACUUM ANALYZE")
        for table in TABLES:
            con.execute(f"VACUUM ANALYZE {table}")


def verify_index_sample(db: Database, rows: int, sample: int = 300, seed: int = 7) -> int:
    """Re-run refresh_search_index on a sample of customers (rolled back) and check that the
    bulk-built search_text and tokens are exactly what it produces. Returns the sample size."""
    rnd = random.Random(seed)
    ids = sorted({rnd.randrange(1, rows + 1) for _ in range(sample)} | {hero_id(rows)})
    tok = CustomerSearchToken.__table__

    def snapshot(s):
        texts = dict(s.execute(select(Customer.id, Customer.search_text)
                               .where(Customer.id.in_(ids))).all())
        tokens = {}
        for cid, t in s.execute(select(tok.c.customer_id, tok.c.token).where(tok.c.customer_id.in_(ids))):
            tokens.setdefault(cid, set()).add(t)
        return texts, tokens

    with Session(db.engine) as s:
        before = snapshot(s)
        refresh_search_index(s, ids)
        s.flush()
        after = snapshot(s)
        s.rollback()
    if before != after:
        bad = [i for i in ids if before[0].get(i) != after[0].get(i)
               or before[1].get(i) != after[1].get(i)]
        raise AssertionError(f"bulk-built search index differs from refresh_search_index for "
                             f"customers {bad[:10]} (of {len(ids)} sampled)")
    if db.engine.dialect.name == "postgresql":
        raw = db.engine.raw_connection()
        try:
            bad = [r[0] for r in raw.driver_connection.execute(narrow.DRIFT_SQL, (ids,))]
        finally:
            raw.close()
        if bad:
            raise AssertionError(f"customer_search_narrow differs from what its trigger writes "
                                 f"for customers {bad[:10]} (of {len(ids)} sampled)")
    return len(ids)


def generate(kind: str, url: str, rows: int, seed: int) -> None:
    t0 = time.perf_counter()
    log(f"{kind}: creating an empty database at {make_url(url).render_as_string()}")
    reset_database(kind, url)
    db = Database(url)
    try:
        owner_ids = create_users(db)
        (load_sqlite if kind == "sqlite" else load_postgresql)(db, rows, seed, owner_ids)
        n = verify_index_sample(db, rows)
        log(f"{kind}: bulk index content matches refresh_search_index on {n} sampled customers")
        write_marker(db, rows, seed)
    finally:
        db.dispose()
    log(f"{kind}: generated {rows:,} customers in {time.perf_counter() - t0:,.0f} s")
