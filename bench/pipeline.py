"""Sales pipeline benchmark: funnel, forecast, rep performance, attainment (and the Today
workbench) at 1,000,000 opportunities, and the public-pool sweep over 1,000,000 customers.

    python -m bench.pipeline --opportunities 1000000 --db sqlite
    python -m bench.pipeline --opportunities 1000000 --db postgresql [--url postgresql://...]
    python -m bench.pipeline --opportunities 1000000 --db sqlite --reuse   # measure again only

Data (fixed seed, clock fixed at NOW below): admin + 5 teams of a manager and 10 reps;
``--customers`` customers (default 1,000,000; 70 % owned, levels A/B/C/D, claims and last
follow-ups shaped so that about 4 % are due for the pool), the opportunities on every fifth
customer (≈200k customers) created over five years (ids in creation order, as a database
assigns them) (state, stage path, amounts and
probabilities as described in docs/performance.md), ≈3 stage_history rows per opportunity,
≈1.1 follow-ups per customer (the latest at ``last_follow_up_at``), a claim row for each
customer taken from the pool, month targets for every rep and quarter targets per team.
Loaded in bulk (COPY on PostgreSQL, executemany in one transaction on SQLite) with the
secondary indexes dropped and rebuilt from their own definitions, then ANALYZEd.

Timed (each call in its own read transaction, as the client makes it), in the user's zone
UTC+8, the current quarter, for the whole company (admin), a team (its manager) and a rep:
``funnel``, ``forecast`` (by rep; by team for the company), ``rep_performance`` and
``attainment`` — target p95 ≤ 300 ms. ``today`` (workbench) is reported without a target.
``sweep_pool`` runs on the generated state and commits; the state is then restored (owners,
claims, versions from a snapshot table; the sweep's history, audit and setting rows
deleted) before the next repetition — target ≤ 5 s. Its CPU time (this process plus the
PostgreSQL session's server process, from /proc) is reported beside the wall time: on a
shared machine the wall time moves with the load, the CPU time hardly.

Prints the table and writes bench/results/pipeline-<db>.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from bench.common import DATA_DIR, format_table, row, time_ms, write_results

UTC = dt.timezone.utc
CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 11, 20, 1, 30, tzinfo=UTC)          # 09:30 in China
TODAY = NOW.astimezone(CST).date()
DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/qianli_bench_pipeline"
MARKER_KEY = "bench.pipeline"
DATA_FORMAT = 2
BATCH = 20_000
TARGET_MS = 300.0
SWEEP_TARGET_MS = 5000.0
YEAR = 365 * 86400

TEAMS = ("华东", "华南", "华北", "西南", "海外")
LEVELS = ("A", "B", "C", "D")
LEVEL_WEIGHTS = (10, 30, 40, 20)
# Progression stages in order (code, default probability); 'won'/'lost' close.
OPEN_STAGES = (("initial", 10), ("needs", 30), ("proposal", 50), ("negotiation", 70))
POOL_RULES = {"levels": {"A": {"no_follow_up_days": 60, "no_deal_days": None},
                         "B": {"no_follow_up_days": 45, "no_deal_days": None},
                         "C": {"no_follow_up_days": 30, "no_deal_days": None},
                         "D": {"no_follow_up_days": 30, "no_deal_days": 365}},
              "default": {"no_follow_up_days": 30, "no_deal_days": None},
              "max_owned": None, "reclaim_block_days": 7}

CUSTOMER_COLS = ("id", "code", "name", "kind", "level", "owner_id", "claimed_at",
                 "last_follow_up_at", "name_norm", "search_text", "created_at",
                 "created_by_id", "updated_at", "version_id")
OPP_COLS = ("id", "customer_id", "title", "amount", "expected_close_on", "owner_id",
            "stage_id", "probability", "state", "is_commit", "lost_reason", "closed_at",
            "created_at", "created_by_id", "updated_at", "version_id")
HIST_COLS = ("id", "opportunity_id", "stage_id", "entered_at", "left_at", "user_id")
ACT_COLS = ("id", "customer_id", "user_id", "kind", "occurred_at", "notes",
            "next_follow_up_on", "created_at")
CLAIM_COLS = ("id", "customer_id", "from_owner_id", "to_owner_id", "reason", "at", "actor_id")
LOADED = ("customer", "opportunity", "stage_history", "activity", "ownership_change")


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def default_url(kind: str, opportunities: int) -> str:
    if kind == "sqlite":
        return f"sqlite:///{DATA_DIR / f'pipeline-{opportunities}.sqlite3'}"
    return DEFAULT_PG_URL


# --------------------------------------------------------------------------- generation

class Plan:
    """Everything the generator needs besides the random stream: ids of users and stages."""

    def __init__(self, reps: list[int], stage_ids: dict[str, int], customers: int,
                 opportunities: int, seed: int):
        self.reps, self.stage_ids = reps, stage_ids
        self.customers, self.opportunities, self.seed = customers, opportunities, seed
        self.start = NOW - dt.timedelta(seconds=5 * YEAR)

    # Ids follow creation time, as the database assigns them: row i of n is created in the
    # i-th slice of the five years.
    def _created(self, i: int, n: int, rnd: random.Random) -> dt.datetime:
        slot = 5 * YEAR / n
        return self.start + dt.timedelta(seconds=int((i - 1 + rnd.random()) * slot))

    def customer_created(self, i: int, rnd: random.Random) -> dt.datetime:
        return self._created(i, self.customers, rnd)

    def opportunity_created(self, k: int, rnd: random.Random) -> dt.datetime:
        return self._created(k, self.opportunities, rnd)

    def deal_customer(self, created: dt.datetime, rnd: random.Random) -> int:
        """Every fifth customer does business (≈200k of 1M); an opportunity goes to one
        that existed when it was created."""
        existing = int((created - self.start).total_seconds() / (5 * YEAR) * self.customers)
        return 5 * rnd.randint(1, max(1, existing // 5))


def _when(rnd: random.Random, lo: dt.datetime, hi: dt.datetime) -> dt.datetime:
    span = max(0.0, (hi - lo).total_seconds())
    return lo + dt.timedelta(seconds=int(rnd.random() * span))


def customer_batches(plan: Plan):
    """Yield (customers, activities, claims) per batch; rows are tuples in *_COLS order
    with Python values (aware datetimes, dates, bools)."""
    rnd = random.Random(plan.seed)
    act_id = claim_id = 0
    for start in range(1, plan.customers + 1, BATCH):
        custs, acts, claims = [], [], []
        for i in range(start, min(plan.customers, start + BATCH - 1) + 1):
            created = plan.customer_created(i, rnd)
            level = rnd.choices(LEVELS, LEVEL_WEIGHTS)[0]
            owner = claimed = created_by = lfu = None
            if rnd.random() < 0.7:
                owner = rnd.choice(plan.reps)
                claimed = max(created, NOW - dt.timedelta(seconds=int(rnd.random() * 400 * 86400)))
                if claimed == created:
                    created_by = owner            # the rep created it and owns it since
                else:
                    claim_id += 1
                    claims.append((claim_id, i, None, owner, "claim", claimed, owner))
                if rnd.random() < 0.98:
                    lfu = NOW - dt.timedelta(seconds=int(rnd.expovariate(1 / (9 * 86400))))
                    lfu = max(lfu, created)
            elif rnd.random() < 0.5:
                lfu = _when(rnd, created, NOW - dt.timedelta(days=30))
                lfu = max(lfu, created)
            name = f"基准客户{i:07d}"
            custs.append((i, f"B{i:07d}", name, "company", level, owner, claimed, lfu, name, "",
                          created, created_by, created, 1))
            if lfu is not None:
                act_id += 1
                nxt = lfu.astimezone(CST).date() + dt.timedelta(days=rnd.randint(1, 21)) \
                    if rnd.random() < 0.5 else None
                acts.append((act_id, i, owner or rnd.choice(plan.reps), "call", lfu,
                             "跟进", nxt, lfu))
                if rnd.random() < 0.4:                  # an older follow-up before it
                    act_id += 1
                    when = _when(rnd, created, lfu)
                    acts.append((act_id, i, owner or rnd.choice(plan.reps), "visit", when,
                                 "拜访", None, when))
        yield custs, acts, claims


def opportunity_batches(plan: Plan):
    """Yield (opportunities, stage_history rows) per batch."""
    rnd = random.Random(plan.seed + 1)
    st = plan.stage_ids
    hist_id = 0
    for start in range(1, plan.opportunities + 1, BATCH):
        opps, hist = [], []
        for k in range(start, min(plan.opportunities, start + BATCH - 1) + 1):
            owner = rnd.choice(plan.reps)
            created = plan.opportunity_created(k, rnd)
            expected = created.astimezone(CST).date() + dt.timedelta(days=rnd.randint(14, 180))
            amount = Decimal(round(math.exp(rnd.uniform(math.log(1000), math.log(500000))), 2)
                             ).quantize(Decimal("0.01"))
            r = rnd.random()
            if expected < TODAY - dt.timedelta(days=30):
                state = "open" if r < 0.05 else ("won" if r < 0.05 + 0.95 * 0.35 else "lost")
            else:
                state = "open" if r < 0.8 else ("won" if r < 0.88 else "lost")
            closed = None
            if state == "open":
                current = rnd.choices(range(4), (35, 30, 20, 15))[0]
                path = ["initial"] + [OPEN_STAGES[j][0] for j in range(1, current + 1)
                                      if j == current or rnd.random() < 0.7]
                end = NOW
                prob = max(0, min(100, OPEN_STAGES[current][1] + rnd.choice((-10, 0, 0, 10))))
                commit = current >= 2 and rnd.random() < 0.3
            else:
                at_close = dt.datetime.combine(expected, dt.time(10), tzinfo=CST) + \
                    dt.timedelta(days=rnd.randint(-20, 20), minutes=rnd.randint(0, 480))
                closed = min(max(at_close, created + dt.timedelta(hours=1)),
                             NOW - dt.timedelta(hours=1))
                end = closed
                if state == "won":
                    middle = [c for c, _ in OPEN_STAGES[1:] if rnd.random() < 0.6]
                    path = ["initial", *middle, "won"]
                    prob = 100
                else:
                    middle = [c for c, _ in OPEN_STAGES[1:1 + rnd.randint(0, 2)]]
                    path = ["initial", *middle, "lost"]
                    prob = 0
                commit = False
            # stage entry times: created, then sorted random instants, the last at the close
            inner = sorted(_when(rnd, created, end) for _ in range(len(path) - 1))
            if state != "open" and inner:
                inner[-1] = closed
            entered = [created] + inner
            for j, code in enumerate(path):
                hist_id += 1
                left = entered[j + 1] if j + 1 < len(path) else None
                hist.append((hist_id, k, st[code], entered[j], left, owner))
            opps.append((k, plan.deal_customer(created, rnd), f"商机{k}", amount, expected,
                         owner, st[path[-1]], prob, state, commit,
                         "价格" if state == "lost" else None, closed, created, owner,
                         entered[-1], 1))
        yield opps, hist


# --------------------------------------------------------------------------- loading

def reset_database(kind: str, url: str) -> None:
    from app.db import Database, normalize_url
    from app.migrate import upgrade
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


def create_org(db) -> tuple[list[int], dict[str, int]]:
    """Users (admin, finance, 5 managers, 50 reps), pool rules, targets; returns
    (rep ids, stage ids by code)."""
    from models.pipeline import SalesTarget, Stage
    from services import org, pool

    def build(s):
        admin = org.add_user(s, None, login="admin", display_name="管理员", role="admin")
        org.add_user(s, None, login="finance", display_name="刘会计", role="finance")
        reps = []
        for t, team in enumerate(TEAMS):
            org.add_user(s, None, login=f"mgr{t + 1}", display_name=f"经理{t + 1}",
                         role="sales_manager", team=team)
            for r in range(10):
                u = org.add_user(s, None, login=f"rep{t + 1}_{r + 1}",
                                 display_name=f"销售{t + 1}-{r + 1}", role="sales", team=team,
                                 manager_login=f"mgr{t + 1}")
                reps.append((u.id, u.team_id))
        actor = org.actor_for(s, admin.login)
        pool.save_pool_rules(s, actor, pool.PoolRules(
            by_level={level: pool.LevelRule(r["no_follow_up_days"], r["no_deal_days"])
                      for level, r in POOL_RULES["levels"].items()},
            default=pool.LevelRule(POOL_RULES["default"]["no_follow_up_days"],
                                   POOL_RULES["default"]["no_deal_days"]),
            max_owned=POOL_RULES["max_owned"],
            reclaim_block_days=POOL_RULES["reclaim_block_days"]))
        rnd = random.Random(11)
        first = dt.date(TODAY.year - 2, 1, 1)
        months = [dt.date(first.year + (m // 12), m % 12 + 1, 1) for m in range(36)]
        for uid, _ in reps:
            for m in months:
                s.add(SalesTarget(period="month", period_start=m, user_id=uid,
                                  amount=Decimal(rnd.randrange(300, 900) * 1000)))
        for team_id in sorted({t for _, t in reps}):
            for m in months[::3]:
                s.add(SalesTarget(period="quarter", period_start=m, team_id=team_id,
                                  amount=Decimal(rnd.randrange(8000, 20000) * 1000)))
        stages = {x.code: x.id for x in s.scalars(select(Stage))}
        return [u for u, _ in reps], stages
    return db.write(build)


def _sqlite_value(v):
    if isinstance(v, dt.datetime):
        return v.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, Decimal):
        return float(v)
    return v


def load_sqlite(db, plan: Plan) -> None:
    raw = db.engine.raw_connection()
    con = raw.driver_connection
    cur = con.cursor()
    cur.execute("PRAGMA foreign_keys=OFF")
    cur.execute("PRAGMA synchronous=OFF")
    cur.execute("PRAGMA cache_size=-400000")
    marks = ",".join("?" * len(LOADED))
    saved = cur.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
        f"((type='index' AND tbl_name IN ({marks})) OR (type='trigger' AND tbl_name='customer'))",
        LOADED).fetchall()
    for typ, name, _ in saved:
        cur.execute(f'DROP {typ.upper()} "{name}"')

    def ins(table, cols, rows):
        cur.executemany(f"INSERT INTO {table} ({','.join(cols)}) VALUES "
                        f"({','.join('?' * len(cols))})",
                        [tuple(_sqlite_value(v) for v in r) for r in rows])

    cur.execute("BEGIN")
    done = 0
    for custs, acts, claims in customer_batches(plan):
        ins("customer", CUSTOMER_COLS, custs)
        ins("activity", ACT_COLS, acts)
        ins("ownership_change", CLAIM_COLS, claims)
        done += len(custs)
        if done % 200_000 < BATCH:
            log(f"sqlite: {done:,} customers")
    done = 0
    for opps, hist in opportunity_batches(plan):
        ins("opportunity", OPP_COLS, opps)
        ins("stage_history", HIST_COLS, hist)
        done += len(opps)
        if done % 200_000 < BATCH:
            log(f"sqlite: {done:,} opportunities")
    cur.execute("COMMIT")
    log("sqlite: rebuilding indexes, triggers and the FTS index")
    cur.execute("BEGIN")
    for _, _, sql in saved:
        cur.execute(sql)
    cur.execute("COMMIT")
    cur.execute("INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')")
    cur.execute("ANALYZE")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cur.close()
    raw.close()


def _pg_conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def load_postgresql(db, plan: Plan) -> None:
    import psycopg
    with psycopg.connect(_pg_conninfo(db.url), autocommit=True) as con:
        con.execute("SET statement_timeout = 0")
        con.execute("SET maintenance_work_mem = '512MB'")
        saved = con.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
            "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname)", (list(LOADED),)).fetchall()
        for name, _ in saved:
            con.execute(f'DROP INDEX "{name}"')

        def copy(cur, table, cols, rows):
            with cur.copy(f"COPY {table} ({','.join(cols)}) FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)

        with con.transaction():
            con.execute("SET LOCAL session_replication_role = replica")
            with con.cursor() as cur:
                done = 0
                for custs, acts, claims in customer_batches(plan):
                    copy(cur, "customer", CUSTOMER_COLS, custs)
                    copy(cur, "activity", ACT_COLS, acts)
                    copy(cur, "ownership_change", CLAIM_COLS, claims)
                    done += len(custs)
                    if done % 200_000 < BATCH:
                        log(f"postgresql: {done:,} customers")
                done = 0
                for opps, hist in opportunity_batches(plan):
                    copy(cur, "opportunity", OPP_COLS, opps)
                    copy(cur, "stage_history", HIST_COLS, hist)
                    done += len(opps)
                    if done % 200_000 < BATCH:
                        log(f"postgresql: {done:,} opportunities")
        log("postgresql: rebuilding indexes")
        for name, definition in saved:
            con.execute(definition)
        for table in LOADED:
            con.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))")
        log("postgresql: VACUUM ANALYZE")
        for table in LOADED:
            con.execute(f"VACUUM ANALYZE {table}")


def snapshot_owners(db) -> None:
    """Keep the generated ownership so each sweep repetition starts from the same state."""
    def fn(s):
        s.execute(text("DROP TABLE IF EXISTS bench_owner_snapshot"))
        s.execute(text("CREATE TABLE bench_owner_snapshot AS SELECT id, owner_id, claimed_at, "
                       "updated_at, updated_by_id, version_id FROM customer "
                       "WHERE owner_id IS NOT NULL"))
        s.execute(text("CREATE UNIQUE INDEX ix_bench_owner_snapshot ON bench_owner_snapshot (id)"))
    db.write(fn)


def read_marker(db) -> dict | None:
    from models.system import Setting
    try:
        return db.read(lambda s: s.scalar(select(Setting.value).where(Setting.key == MARKER_KEY)))
    except Exception:
        return None


def marker_value(args) -> dict:
    return {"opportunities": args.opportunities, "customers": args.customers,
            "seed": args.seed, "format": DATA_FORMAT}


def generate(args, url: str) -> None:
    from app.db import Database
    from models.system import Setting
    t0 = time.perf_counter()
    log(f"{args.db}: creating an empty database at {make_url(url).render_as_string()}")
    reset_database(args.db, url)
    db = Database(url)
    try:
        reps, stages = create_org(db)
        plan = Plan(reps, stages, args.customers, args.opportunities, args.seed)
        (load_sqlite if args.db == "sqlite" else load_postgresql)(db, plan)
        snapshot_owners(db)
        db.write(lambda s: s.merge(Setting(key=MARKER_KEY, value=marker_value(args))))
    finally:
        db.dispose()
    log(f"{args.db}: generated {args.customers:,} customers and {args.opportunities:,} "
        f"opportunities in {time.perf_counter() - t0:,.0f} s")


# --------------------------------------------------------------------------- measuring

def restore_after_sweep(db) -> int:
    """Undo a committed sweep: owners, claims and versions back from the snapshot; the
    sweep's history, audit and last-sweep rows removed. Returns customers restored."""
    def fn(s):
        n = s.execute(text(
            "UPDATE customer SET owner_id = b.owner_id, claimed_at = b.claimed_at, "
            "updated_at = b.updated_at, updated_by_id = b.updated_by_id, "
            "version_id = b.version_id FROM bench_owner_snapshot b "
            "WHERE customer.id = b.id AND customer.owner_id IS NULL")).rowcount
        s.execute(text("DELETE FROM ownership_change WHERE reason LIKE 'sweep%'"))
        s.execute(text("DELETE FROM audit_log WHERE action LIKE 'customer.sweep%'"))
        s.execute(text("DELETE FROM setting WHERE key = 'pool.last_sweep_at'"))
        return n
    n = db.write(fn)
    if db.dialect == "postgresql":
        # as autovacuum would: keep the visibility map whole so the reports measured next
        # (index-only scans) are not measured on the sweep's dead rows
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            for table in ("customer", "ownership_change", "audit_log", "setting"):
                c.exec_driver_sql(f"VACUUM {table}")
    return n


def cpu_time_ms(s, out: list, fn):
    """Run ``fn()`` and append the CPU time it cost, in ms, to ``out``: this process's, plus
    the PostgreSQL server process's of this session (read from /proc, so a server on this
    machine). Unlike the wall time it hardly moves with the load of the machine shared."""
    pid = s.execute(text("SELECT pg_backend_pid()")).scalar() \
        if s.get_bind().dialect.name == "postgresql" else None

    def now() -> float:
        total = time.process_time()
        if pid is not None:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total

    t0 = now()
    result = fn()
    out.append((now() - t0) * 1000.0)
    return result


def quarter_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    nxt = dt.date(first.year + (first.month + 3 > 12), (first.month + 2) % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def measure(args, url: str) -> int:
    from app.db import Database
    from services import org, pipeline_reports as pr, pool, targets, workbench
    db = Database(url, application_name="bench.pipeline")
    kind = db.dialect
    n = args.opportunities
    actors = db.read(lambda s: {"company": org.actor_for(s, "admin"),
                                "team": org.actor_for(s, "mgr2"),
                                "rep": org.actor_for(s, "rep3_4")})
    q_from, q_to = quarter_of(TODAY)
    filt = pr.ReportFilter(q_from, q_to, tz=CST)
    log(f"{kind}: measuring (quarter {q_from} … {q_to}, {args.repeat} calls each)")

    def timed(fn) -> list[float]:
        db.read(fn)                                   # warm the cache and the plan
        samples = []
        for _ in range(args.repeat):
            ms, _ = time_ms(lambda: db.read(fn))
            samples.append(ms)
        return samples

    results = []
    checks = {}
    for scope, actor in ([] if args.sweep_only else actors.items()):
        def funnel(s, a=actor):
            return pr.funnel(s, a, filt)

        def forecast(s, a=actor, scope=scope):
            return pr.forecast(s, a, filt, group_by="team" if scope == "company" else "rep")

        def performance(s, a=actor):
            return pr.rep_performance(s, a, filt)

        def attainment(s, a=actor):
            return targets.attainment(s, a, period="quarter", period_start=q_from, tz=CST)

        for name, fn in (("funnel", funnel), ("forecast", forecast),
                         ("performance", performance), ("attainment", attainment)):
            samples = timed(fn)
            result = db.read(fn)
            checks[f"{name}/{scope}"] = result
            results.append(row(f"{name} ({scope}, quarter)", kind, n, samples=samples,
                               target=TARGET_MS))
            log(f"{kind}: {results[-1]['metric']} p50 {results[-1]['p50_ms']:.1f} ms "
                f"p95 {results[-1]['p95_ms']:.1f} ms")
    for scope in () if args.sweep_only else ("team", "rep"):
        actor = actors[scope]
        samples = timed(lambda s, a=actor: workbench.today(s, a, today=TODAY, now=NOW))
        results.append(row(f"today workbench ({scope})", kind, n, samples=samples))
        log(f"{kind}: {results[-1]['metric']} p95 {results[-1]['p95_ms']:.1f} ms")

    customers = db.read(lambda s: s.execute(text("SELECT count(*) FROM customer")).scalar())
    sweep_samples, cpu_samples, swept = [], [], []
    for i in range(args.sweeps):
        cpu = []
        ms, res = time_ms(lambda: db.write(lambda s: cpu_time_ms(s, cpu, lambda: pool.sweep_pool(
            s, now=NOW))))
        sweep_samples.append(ms)
        cpu_samples += cpu[-1:]
        swept.append(res.no_follow_up + res.no_deal)
        restored = restore_after_sweep(db)
        log(f"{kind}: sweep {i + 1}: {ms:,.0f} ms (CPU {cpu[-1]:,.0f} ms), returned "
            f"{res.no_follow_up:,} (no follow-up) + {res.no_deal:,} (no deal); "
            f"restored {restored:,}")
        if restored != swept[-1]:
            raise AssertionError(f"restored {restored} customers after a sweep of {swept[-1]}")
    results.append(row("pool sweep", kind, customers, samples=sweep_samples,
                       target=SWEEP_TARGET_MS, returned=swept[0]))
    results.append(row("pool sweep, CPU time (db + client)", kind, customers,
                       samples=cpu_samples))
    db.dispose()

    print()
    print(format_table(results))
    if args.sweep_only:
        return 0                        # a partial run leaves the results file alone
    company = checks["funnel/company"]
    log(f"{kind}: company funnel this quarter: {company.total_count:,} opportunities, "
        f"{company.total_amount:,} — " + ", ".join(
            f"{x.stage.code} {x.count:,}/{x.reached:,}" for x in company.stages))
    path = write_results("pipeline", kind, results)
    print(f"\nwritten {path}")
    return 0


# --------------------------------------------------------------------------- main

def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.pipeline", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--opportunities", type=int, default=1_000_000)
    p.add_argument("--customers", type=int, default=1_000_000)
    p.add_argument("--db", choices=("sqlite", "postgresql"), required=True)
    p.add_argument("--url", help="database URL (default: bench/data/pipeline-N.sqlite3 or "
                                 f"{DEFAULT_PG_URL})")
    p.add_argument("--seed", type=int, default=20261120)
    p.add_argument("--reuse", action="store_true",
                   help="reuse the database when it already holds this data set")
    p.add_argument("--repeat", type=int, default=20, help="timed calls per report and scope")
    p.add_argument("--sweeps", type=int, default=5, help="timed pool sweeps")
    p.add_argument("--sweep-only", action="store_true",
                   help="time only the pool sweep (no results file written)")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    url = args.url or default_url(args.db, args.opportunities)
    need = True
    if args.reuse:
        from app.db import Database
        db = Database(url)
        marker = read_marker(db)
        db.dispose()
        need = marker != marker_value(args)
        if need:
            print(f"--reuse: {url} does not hold this data set ({marker}); generating it")
    if need:
        generate(args, url)
    return measure(args, url)


if __name__ == "__main__":
    sys.exit(main())
