"""The measurements of bench/customers.py, on an already generated database."""
from __future__ import annotations

import datetime as dt
import os
import random
import re
import time

from sqlalchemy import select, text

from app.db import Database
from app.migrate import needs_upgrade, upgrade
from bench.common import (format_table, peak_rss_mb, percentile, row, time_ms,
                          write_results)
from bench.customer_load import hero_id, verify_index_sample
from models.party import Contact, Customer
from services import org
from services.customer_search import (SORT_KEYS, CustomerFilter, count_customers, is_cjk,
                                      list_customers, phone_digits, seek_key)

PAGE = 200            # the customer list window's page (ui/customers/list_model.py)
COUNT_CAP = 10_000    # and its first count
CLASSES = (("cjk2", "search: 2-char Chinese"), ("cjk34", "search: 3-4-char Chinese"),
           ("latin", "search: Latin"), ("phone", "search: phone digits"))
TARGETS = {"search": 30.0, "page": 20.0, "360": 100.0, "paint": 300.0, "rss": 400.0}


def _cjk_runs(s: str) -> list[str]:
    runs, cur = [], ""
    for ch in s:
        if is_cjk(ch):
            cur += ch
        else:
            if cur:
                runs.append(cur)
            cur = ""
    if cur:
        runs.append(cur)
    return runs


def sample_fragments(db: Database, rows: int, per_class: int, seed: int) -> dict[str, list[str]]:
    """Fragments people would type, cut from random customers' names, contacts and phones."""
    rnd = random.Random(seed)
    out: dict[str, list[str]] = {k: [] for k, _ in CLASSES}

    def load(s):
        ids = [rnd.randrange(1, rows + 1) for _ in range(per_class * 40)]
        cust = {r.id: r for r in s.execute(select(Customer.id, Customer.name, Customer.phone)
                                           .where(Customer.id.in_(ids)))}
        contacts: dict[int, list] = {}
        for r in s.execute(select(Contact.customer_id, Contact.name, Contact.phone)
                           .where(Contact.customer_id.in_(ids))):
            contacts.setdefault(r.customer_id, []).append(r)
        return ids, cust, contacts
    ids, cust, contacts = db.read(load)
    for cid in ids:
        c = cust.get(cid)
        if c is None:
            continue
        cs = contacts.get(cid, [])
        texts = [c.name] + ([rnd.choice(cs).name] if cs and rnd.random() < 0.25 else [])
        name = texts[-1]
        runs = _cjk_runs(name)
        if len(out["cjk2"]) < per_class and runs:
            run = rnd.choice([r for r in runs] + [max(runs, key=len)])
            if len(run) >= 2:
                i = rnd.randrange(len(run) - 1)
                out["cjk2"].append(run[i:i + 2])
        if len(out["cjk34"]) < per_class and runs:
            run = max(runs, key=len)
            n = rnd.choice((3, 4))
            if len(run) >= n:
                i = rnd.randrange(len(run) - n + 1)
                out["cjk34"].append(run[i:i + n])
        latin = re.findall(r"[A-Za-z][A-Za-z .,]*[A-Za-z]", name)
        if len(out["latin"]) < per_class and latin:
            # People type from the start of a word ("golden", "smith", "bridge tr"), now
            # and then from inside one ("ridge").
            w = rnd.choice(latin)
            starts = [m.start() for m in re.finditer(r"\b[A-Za-z]", w)]
            i = rnd.choice(starts) if rnd.random() < 0.8 else rnd.randrange(len(w))
            frag = w[i:i + rnd.randrange(3, 10)].strip()
            if len(frag) >= 3:
                out["latin"].append(frag if rnd.random() < 0.5 else frag.lower())
        phones = [p for p in [c.phone] + [x.phone for x in cs] if p]
        if len(out["phone"]) < per_class and phones:
            d = phone_digits(rnd.choice(phones))
            n = rnd.randrange(4, 9)
            if len(d) >= n:
                i = rnd.randrange(len(d) - n + 1)
                frag = d[i:i + n]
                if rnd.random() < 0.3 and n >= 6:        # typed with a dash
                    frag = frag[:3] + "-" + frag[3:]
                out["phone"].append(frag)
        if all(len(v) >= per_class for v in out.values()):
            break
    return out


def naive_search(session, q: str, limit: int):
    """What a plain implementation does: LIKE '%q%' over name and phone, same page."""
    p = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return session.execute(text(
        "SELECT id, code, name, phone FROM customer WHERE merged_into_id IS NULL AND "
        "(name LIKE :p ESCAPE '\\' OR phone LIKE :p ESCAPE '\\') ORDER BY code LIMIT :n"),
        {"p": p, "n": limit}).all()


def measure_first_paint(db: Database, actor, repeats: int = 5) -> tuple[list[float], str]:
    """Build the customer list window offscreen and time it until the first rows are
    painted (count + first page loaded in the background, then the table rendered)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from app.client import Client
    from app.runner import Runner
    from ui.customers.list_view import CustomerListWidget

    app = QApplication.instance() or QApplication([])
    client = Client(db, actor)
    runner = Runner()
    samples = []
    for _ in range(repeats):
        loop = QEventLoop()
        t0 = time.perf_counter()
        w = CustomerListWidget(client, runner)
        w.resize(1280, 800)
        w.show()
        done = {}

        def painted():
            w.table.viewport().grab()          # renders the visible rows
            done["t"] = time.perf_counter()
            loop.quit()
        w.model.reloaded.connect(painted)
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        if "t" not in done:
            raise RuntimeError("the customer list did not load within 30 s")
        rows_shown = w.model.rowCount()
        samples.append((done["t"] - t0) * 1000)
        w.close()
        w.deleteLater()
        app.processEvents()
    return samples, f"{rows_shown:,} rows in the model (count capped at its first cap)"


def measure(kind: str, url: str, rows: int, seed: int, per_class: int) -> int:
    db = Database(url)
    results = []
    try:
        # A database generated before newer migrations landed is upgraded first, as the
        # client does at start (new tables are empty; the customers stay as generated).
        if needs_upgrade(db.engine):
            print("upgrading the database to the current schema")
            upgrade(db.engine)
        n_checked = verify_index_sample(db, rows, sample=200, seed=seed)
        print(f"index content: bulk-built rows match refresh_search_index on {n_checked} customers")
        admin = db.read(lambda s: org.actor_for(s, "admin"))
        manager = db.read(lambda s: org.actor_for(s, "mgr1"))
        frags = sample_fragments(db, rows, per_class, seed)
        # Warm up the connection pool and the estimate sample (built once per process).
        db.read(lambda s: list_customers(s, admin, CustomerFilter(text="有限公司"), limit=PAGE))
        db.read(lambda s: list_customers(s, admin, CustomerFilter(), limit=PAGE))

        # The classes take turns, query by query, so a burst of load from elsewhere on the
        # machine falls on all of them alike; the naive scans come after.
        ours = {k: [] for k, _ in CLASSES}
        counts = {k: [] for k, _ in CLASSES}
        naive = {k: [] for k, _ in CLASSES}
        load_before = os.getloadavg()[0]
        for i in range(per_class):
            for key, _ in CLASSES:
                if i >= len(frags[key]):
                    continue
                q = frags[key][i]
                ours[key].append(time_ms(lambda: db.read(lambda s: list_customers(
                    s, admin, CustomerFilter(text=q), limit=PAGE)))[0])
                counts[key].append(time_ms(lambda: db.read(lambda s: count_customers(
                    s, admin, CustomerFilter(text=q), cap=COUNT_CAP)))[0])
        for i in range(per_class):
            for key, _ in CLASSES:
                if i < len(frags[key]):
                    q = frags[key][i]
                    naive[key].append(time_ms(lambda: db.read(lambda s: naive_search(s, q, PAGE)))[0])
        print(f"load average (1 min) before/after the searches: {load_before:.2f} / "
              f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        for key, label in CLASSES:
            qs = frags[key]
            print(f"{label}: {len(qs)} fragments, e.g. {', '.join(qs[:8])}")
            results.append(row(f"{label} (page of {PAGE})", kind, rows, samples=ours[key],
                               target=TARGETS["search"], baseline=percentile(naive[key], 95)))
            results.append(row(f"  count, cap {COUNT_CAP:,}: {label[8:]}", kind, rows,
                               samples=counts[key]))
            results.append(row(f"  naive LIKE '%q%' name/phone: {label[8:]}", kind, rows,
                               samples=naive[key]))

        rnd = random.Random(seed + 2)
        page_t, page_mgr_t, seek_t = [], [], []
        for i in range(200):
            sort = rnd.choice(SORT_KEYS)
            desc = rnd.random() < 0.5
            cid = rnd.randrange(1, rows + 1)
            key = db.read(lambda s: tuple(s.execute(select(Customer.__table__.c[sort], Customer.id)
                                                    .where(Customer.id == cid)).one()))
            t, page = time_ms(lambda: db.read(lambda s: list_customers(
                s, admin, CustomerFilter(), sort=sort, descending=desc, after=key, limit=PAGE)))
            page_t.append(t)
            if i < 100:
                page_mgr_t.append(time_ms(lambda: db.read(lambda s: list_customers(
                    s, manager, CustomerFilter(scope="team"), sort=sort, descending=desc,
                    after=key, limit=PAGE)))[0])
            if i < 40:
                off = rnd.randrange(1, rows)
                seek_t.append(time_ms(lambda: db.read(lambda s: seek_key(
                    s, admin, CustomerFilter(), sort=sort, descending=desc, offset=off)))[0])
        results.append(row(f"keyset page of {PAGE} at a random position (admin, all sorts)",
                           kind, rows, samples=page_t, target=TARGETS["page"]))
        results.append(row("  same, sales manager's team scope", kind, rows, samples=page_mgr_t))
        results.append(row("  seek_key(random offset) for a scrollbar jump", kind, rows,
                           samples=seek_t))

        hero = hero_id(rows)
        try:
            from services.customers import customer_360
            view = lambda s: customer_360(s, admin, hero)    # noqa: E731
            db.read(view)
            label = "360° view, customer with 1,000 follow-ups (customer_360)"
        except NotImplementedError:
            raise SystemExit("services.customers.customer_360 is not implemented yet")
        t360 = [time_ms(lambda: db.read(view))[0] for _ in range(30)]
        v = db.read(view)
        print(f"360° view: {v.timeline_total} follow-ups, {len(v.timeline)} in the timeline, "
              f"{len(v.contacts)} contacts")
        results.append(row(label, kind, rows, samples=t360, target=TARGETS["360"]))

        paint, note = measure_first_paint(db, admin)
        print(f"first paint: {note}")
        results.append(row("first rows painted, customer list window (admin, all)", kind, rows,
                           samples=paint, target=TARGETS["paint"]))
        results.append(row("peak RSS of this process (client side)", kind, rows,
                           value=peak_rss_mb(), unit="MB", target=TARGETS["rss"]))
    finally:
        db.dispose()
    print()
    print(format_table(results))
    path = write_results("customers", kind, results)
    print(f"\nwrote {path}  ({dt.datetime.now():%Y-%m-%d %H:%M})")
    return 0
