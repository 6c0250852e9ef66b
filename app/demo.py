"""The demo company: a database a newcomer can click through (``python main.py demo``).

``build_demo`` fills an empty, migrated database with users for every role (an admin, two
sales managers with two teams of reps, finance, warehouse; every password ``demo123``), a few
thousand customers with Chinese and English names across Chinese cities, their contacts,
follow-ups over the last 120 days with next follow-up dates, and some customers in the public
pool, and the warehouse side (app/demo_stock.py: products, suppliers, two warehouses,
orders, receipts, deliveries, a return and a transfer). Everything comes from one seed
(and the day it is built), so two builds are the same.

It is fast because it writes with bulk inserts instead of one service call per customer, but
the rows are the ones the services write: the same normalised duplicate keys, codes from the
customer counter, audit entries, and the search index via
``customer_search.refresh_search_index``. Users are added through ``services.org.add_user``.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session

from models.crm import Activity
from models.org import User
from models.party import Contact, Customer
from models.system import AuditLog, DocSequence
from services import customer_search, normalize, org
from services.customers import CODE_PREFIX, CODE_SEQUENCE

DEMO_SEED = 20261123
DEMO_LOGIN = "manager"
DEMO_PASSWORD = "demo123"
HISTORY_DAYS = 120

#: (login, display name, role, team, manager login)
DEMO_USERS: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    ("admin", "系统管理员", "admin", None, None),
    ("manager", "王建华", "sales_manager", "华东销售部", None),
    ("manager2", "陈思远", "sales_manager", "华南销售部", None),
    ("zhangwei", "张伟", "sales", "华东销售部", "manager"),
    ("lina", "李娜", "sales", "华东销售部", "manager"),
    ("tom", "Tom Wilson", "sales", "华东销售部", "manager"),
    ("liuyang", "刘洋", "sales", "华南销售部", "manager2"),
    ("huangmin", "黄敏", "sales", "华南销售部", "manager2"),
    ("finance", "赵会计", "finance", None, None),
    ("warehouse", "孙库管", "warehouse", None, None),
)
POOL_SHARE = 0.12


def resources_dir() -> Path:
    """resources/ next to the code, or inside a PyInstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def load_words() -> dict:
    with open(resources_dir() / "demo" / "seed_words.json", encoding="utf-8") as f:
        return json.load(f)


@dataclass(frozen=True)
class DemoSummary:
    users: int
    customers: int
    contacts: int
    activities: int
    pool: int
    opportunities: int = 0
    products: int = 0
    sales_orders: int = 0


def _weighted(rng: random.Random, pairs):
    items = [p[0] for p in pairs]
    weights = [p[-1] for p in pairs]
    return rng.choices(items, weights=weights, k=1)[0]


class _Generator:
    """Deterministic fake data from one seed."""

    def __init__(self, seed: int, today: dt.date):
        self.rng = random.Random(seed)
        self.words = load_words()
        self.today = today
        # Noon UTC of the build day: every timestamp is an offset from it.
        self.now = dt.datetime.combine(today, dt.time(12, 0), dt.timezone.utc)
        self.used_names: set[str] = set()
        self.used_phones: set[str] = set()
        self.cities = self.words["cities"]

    def city(self, team_region: str | None):
        rng = self.rng
        if team_region and rng.random() < 0.8:
            pool = [c for c in self.cities if c[6] == team_region]
        else:
            pool = self.cities
        return rng.choice(pool)

    def person_name(self) -> str:
        rng = self.rng
        given = "".join(rng.choice(self.words["given_chars"]) for _ in range(rng.choice((1, 2, 2))))
        return rng.choice(self.words["surnames"]) + given

    def english_person(self) -> str:
        return f"{self.rng.choice(self.words['english_first_names'])} " \
               f"{self.rng.choice(self.words['english_last_names'])}"

    def mobile(self) -> str:
        rng = self.rng
        while True:
            number = f"{rng.choice(self.words['mobile_prefixes'])}{rng.randrange(10**8):08d}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def landline(self, city) -> str:
        rng = self.rng
        while True:
            number = f"{city[3]}-{rng.randrange(2 * 10**7, 9 * 10**7)}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def uscc(self, city) -> str:
        alphabet = normalize.USCC_ALPHABET
        body = "91" + city[4] + "".join(self.rng.choice(alphabet) for _ in range(9))
        return body + normalize.uscc_check_char(body)

    def address(self, city) -> str:
        rng = self.rng
        province, prefecture = city[1], city[2]
        district = rng.choice(city[5])
        street = rng.choice(self.words["streets"])
        return f"{province}{prefecture}{district}{street}{rng.randrange(1, 999)}号"

    def company(self, city) -> tuple[str, str, str | None]:
        """(name, industry, email domain)"""
        rng = self.rng
        w = self.words
        for _ in range(1000):
            if rng.random() < 0.15:
                kind, industry = rng.choice(w["english_company_kinds"])
                word = rng.choice(w["english_company_words"])
                prefix = w["city_en"][city[0]] + " " if rng.random() < 0.6 else ""
                name = f"{prefix}{word} {kind}"
                domain = word.lower().replace(" ", "") + rng.choice((".com", ".com.cn", ".net"))
            else:
                brand, pinyin = rng.choice(w["brands"])
                industry, word, _weight = rng.choices(
                    w["industries"], weights=[i[2] for i in w["industries"]])[0]
                suffix = _weighted(rng, w["company_suffixes"])
                place = city[0] if rng.random() < 0.7 else ""
                name = f"{place}{brand}{word}{suffix}"
                domain = pinyin + rng.choice((".com", ".cn", ".com.cn"))
            key = normalize.normalize_name(name)
            if key not in self.used_names:
                self.used_names.add(key)
                return name, industry, domain
        raise RuntimeError("the demo word lists ran out of company names")

    def person(self) -> str:
        for _ in range(1000):
            name = self.english_person() if self.rng.random() < 0.2 else self.person_name()
            key = normalize.normalize_name(name)
            if key not in self.used_names:
                self.used_names.add(key)
                return name
        raise RuntimeError("the demo word lists ran out of person names")

    def when(self, days_ago_max: float, days_ago_min: float = 0) -> dt.datetime:
        days = self.rng.uniform(days_ago_min, days_ago_max)
        t = self.now - dt.timedelta(days=days)
        # Office hours, China time (UTC+8): 09:00–18:00 → 01:00–10:00 UTC.
        return t.replace(hour=self.rng.randrange(1, 10), minute=self.rng.randrange(60),
                         second=0, microsecond=0)


def build_demo(db, *, customers: int = 3000, seed: int = DEMO_SEED,
               today: dt.date | None = None) -> DemoSummary:
    """Fill an empty, migrated database with the demo company (see module doc). Runs in one
    transaction; ``today`` (default: the local date) anchors every date."""
    today = today or dt.date.today()
    return db.write(lambda s: _build(s, customers, seed, today))


def _build(s: Session, n_customers: int, seed: int, today: dt.date) -> DemoSummary:
    if s.scalar(select(func.count()).select_from(Customer)) or \
            s.scalar(select(func.count()).select_from(User)):
        raise ValueError("the demo is built into an empty database")
    gen = _Generator(seed, today)
    rng = gen.rng

    # Users through the service (validation, teams, audit); one argon2 hash for the shared
    # demo password instead of ten slow ones.
    for login, name, role, team, manager in DEMO_USERS:
        org.add_user(s, None, login=login, display_name=name, role=role, team=team,
                     manager_login=manager)
    s.execute(update(User).values(password_hash=org.hash_password(DEMO_PASSWORD)))
    users = {u.login: u for u in s.scalars(select(User))}
    reps = [users[u[0]] for u in DEMO_USERS if u[2] in ("sales", "sales_manager")]
    team_region = {"华东销售部": "华东", "华南销售部": "华南"}
    admin = users["admin"]
    team_names = dict(s.execute(text("SELECT id, name FROM team")).all())

    customers, contacts, activities, audits = [], [], [], []
    contact_id = activity_id = 0
    pool = 0
    for i in range(1, n_customers + 1):
        owner = None if rng.random() < POOL_SHARE else rng.choice(reps)
        region = team_region.get(team_names.get(owner.team_id)) if owner else None
        city = gen.city(region)
        is_company = rng.random() < 0.85
        if is_company:
            name, industry, domain = gen.company(city)
            phone = gen.landline(city) if rng.random() < 0.6 else gen.mobile()
            email = f"{rng.choice(('sales', 'info', 'purchase', 'service'))}@{domain}" \
                if rng.random() < 0.5 else None
            tax_id = gen.uscc(city) if rng.random() < 0.7 else None
        else:
            name, industry = gen.person(), None
            phone, tax_id = gen.mobile(), None
            email = f"{rng.choice(('li', 'wang', 'amy', 'mike', 'chen'))}{i}@example.com" \
                if rng.random() < 0.3 else None
        created = gen.when(720, 30)
        claimed = created + dt.timedelta(days=rng.randrange(0, 20)) if owner else None
        if claimed and claimed > gen.now:
            claimed = created
        notes = rng.choice(gen.words["customer_notes"]) or None if rng.random() < 0.3 else None
        row = {
            "id": i, "code": f"{CODE_PREFIX}{i:06d}", "name": name,
            "kind": "company" if is_company else "person",
            "level": _weighted(rng, gen.words["levels"]), "industry": industry,
            "source": _weighted(rng, gen.words["sources"]), "region": city[0],
            "address": gen.address(city) if rng.random() < 0.8 else None,
            "phone": phone, "email": email, "tax_id": tax_id, "notes": notes,
            "owner_id": owner.id if owner else None, "claimed_at": claimed,
            "last_follow_up_at": None, "merged_into_id": None,
            "name_norm": normalize.normalize_name(name),
            "phone_digits": normalize.normalize_phone(phone),
            "tax_id_norm": normalize.normalize_tax_id(tax_id),
            "search_text": "", "created_at": created, "created_by_id": (owner or admin).id,
            "updated_at": created, "updated_by_id": (owner or admin).id, "version_id": 1,
        }
        pool += owner is None

        english = not normalize.contains_cjk(name)
        people = []
        for k in range(rng.choice((1, 1, 2, 2, 3)) if is_company else 0):
            contact_id += 1
            cname = gen.english_person() if english else gen.person_name()
            title = rng.choice(gen.words["english_titles" if english else "contact_titles"])
            cphone = gen.mobile() if rng.random() < 0.85 else None
            people.append((contact_id, cname))
            contacts.append({
                "id": contact_id, "customer_id": i, "name": cname, "title": title,
                "phone": cphone, "phone_digits": normalize.normalize_phone(cphone),
                "email": (f"{cname.split()[0].lower()}@{domain}" if english
                          else f"c{contact_id}@{domain}") if rng.random() < 0.4 else None,
                "wechat": f"wx_{rng.randrange(10**6, 10**7)}" if rng.random() < 0.5 else None,
                "is_primary": k == 0, "notes": None, "created_at": created, "version_id": 1,
            })

        # Follow-ups: owned customers have recent ones; pool customers only old ones (that
        # is why they went back to the pool).
        if owner:
            count = rng.choice((0, 1, 2, 3, 3, 4, 5, 6, 8))
            span = (HISTORY_DAYS, 0)
        else:
            count = rng.choice((0, 0, 1, 2))
            span = (HISTORY_DAYS, 35)
        times = sorted(gen.when(*span) for _ in range(count))
        times = [t for t in times if t >= created]
        if owner and (not times or times[-1] < gen.now - dt.timedelta(days=DEMO_RECENT_DAYS)):
            # A customer someone owns is being worked: its latest follow-up is recent
            # enough for the demo's pool rules (else the first login would sweep it away).
            times.append(max(created, gen.when(DEMO_RECENT_DAYS, 0)))
        for n, t in enumerate(times):
            activity_id += 1
            kind = _weighted(rng, gen.words["activity_kinds"])
            who = people[rng.randrange(len(people))] if people and rng.random() < 0.8 else None
            product = rng.choice(gen.words["products_en" if english else "products"])
            template = rng.choice(gen.words["notes_en" if english else "notes_zh"][kind])
            note = template.format(product=product, contact=who[1] if who else
                                   ("the customer" if english else "客户"))
            last = n == len(times) - 1
            if last and owner:
                # The newest follow-up plans the next one: mostly soon, some overdue.
                next_on = today + dt.timedelta(days=rng.choice(
                    (-6, -3, -1, 0, 1, 2, 3, 5, 7, 7, 10, 14, 21)))
            else:
                next_on = t.date() + dt.timedelta(days=rng.randrange(3, 15)) \
                    if rng.random() < 0.6 else None
            activities.append({
                "id": activity_id, "customer_id": i, "contact_id": who[0] if who else None,
                "user_id": (owner or rng.choice(reps)).id, "kind": kind, "occurred_at": t,
                "notes": note, "next_follow_up_on": next_on, "created_at": t,
            })
        if times:
            row["last_follow_up_at"] = times[-1]
        # As refresh_search_index computes it (it then finds nothing to update).
        mine = [c for c in contacts[len(contacts) - len(people):]] if people else []
        row["search_text"] = customer_search.build_search_text(
            name=name, code=row["code"], phone=phone, email=email,
            contact_names=[c["name"] for c in mine],
            contact_phones=[c["phone"] for c in mine if c["phone"]])
        customers.append(row)
        audits.append({"actor_id": (owner or admin).id, "db_user": None,
                       "action": "customer.create", "entity": "customer", "entity_id": i,
                       "at": created, "details": {"version": 1, "source": "demo", "after": {
                           f: row[f] for f in ("code", "name", "kind", "level", "industry",
                                               "source", "region", "address", "phone",
                                               "email", "tax_id", "notes", "owner_id")
                           if row[f] is not None}}})

    for table, rows in ((Customer.__table__, customers), (Contact.__table__, contacts),
                        (Activity.__table__, activities), (AuditLog.__table__, audits)):
        for start in range(0, len(rows), 2000):
            s.execute(insert(table), rows[start:start + 2000])
    if s.get_bind().dialect.name == "postgresql":
        # Explicit ids leave the serial sequences behind: move them past the demo rows.
        for table in ("customer", "contact", "activity"):
            s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"GREATEST((SELECT max(id) FROM {table}), 1))"))
    # The customer counter continues after the demo codes (create_customer takes the next).
    doc_type, year = CODE_SEQUENCE
    s.merge(DocSequence(doc_type=doc_type, year=year, last_number=n_customers))
    customer_search.refresh_search_index(s, range(1, n_customers + 1))
    opportunities = _demo_opportunities(s, seed, today, users, reps, customers)
    from services import pool as pool_service
    pool_service.save_pool_rules(s, org.actor_for(s, "admin"), _demo_pool_rules())
    from app.demo_stock import build_stock_demo
    stock = build_stock_demo(s, seed, today)
    org_audit = {"customers": n_customers, "contacts": len(contacts),
                 "activities": len(activities), "seed": seed, "today": today.isoformat()}
    from services import audit
    audit.record(s, admin.id, "demo.build", "system", None, **org_audit)
    return DemoSummary(users=len(users), customers=n_customers, contacts=len(contacts),
                       activities=len(activities), pool=pool, opportunities=opportunities,
                       products=stock.products, sales_orders=stock.sales_orders)


OPPORTUNITY_SHARE = 0.12          # of owned customers
DEMO_RECENT_DAYS = 25             # an owned customer's latest follow-up is at most this old


def _demo_pool_rules():
    from services.pool import LevelRule, PoolRules
    return PoolRules(by_level={"A": LevelRule(90, None), "B": LevelRule(60, None),
                               "C": LevelRule(45, None), "D": LevelRule(30, None)},
                     default=LevelRule(45, None), max_owned=None, reclaim_block_days=7)
LOST_REASONS = ("价格偏高", "选择了竞争对手", "预算取消", "Went with a competitor",
                "需求推迟到明年")
OPPORTUNITY_TITLES = ("ERP 升级项目", "年度采购框架协议", "生产线自动化", "CRM 实施",
                      "数据中心扩容", "安防监控项目", "物流管理平台", "质检设备采购",
                      "Annual supply agreement", "Warehouse automation")


def _demo_opportunities(s: Session, seed: int, today: dt.date, users, reps,
                        customers: list[dict]) -> int:
    """Opportunities on some owned customers, walked through the stages by the services
    (stage history, won/lost, audit) at past times, so the board, funnel, forecast and
    Today show a living pipeline. A generator of its own keeps the customer data as it is
    for a given seed."""
    from services import opportunities, stages
    from services.opportunities import OpportunityInput

    rng = random.Random(seed * 7 + 1)
    now = dt.datetime.combine(today, dt.time(12, 0), dt.timezone.utc)
    by_id = {u.id: u for u in users.values()}
    actors = {u.id: org.actor_for(s, by_id[u.id].login) for u in reps}
    admin = org.actor_for(s, "admin")
    ladder = [st for st in stages.list_stages(s, admin) if not (st.is_won or st.is_lost)]
    won = next(st for st in stages.list_stages(s, admin) if st.is_won)
    lost = next(st for st in stages.list_stages(s, admin) if st.is_lost)
    count = 0
    for row in customers:
        if row["owner_id"] is None or rng.random() >= OPPORTUNITY_SHARE:
            continue
        actor = actors[row["owner_id"]]
        start = max(row["created_at"], now - dt.timedelta(days=150))
        opened = start + dt.timedelta(hours=rng.randrange(1, 24 * 60))
        if opened >= now:
            opened = now - dt.timedelta(days=1)
        close_on = today + dt.timedelta(days=rng.randrange(-20, 150))
        amount = Decimal(rng.choice((8, 15, 30, 45, 60, 80, 120, 180, 260, 520))) * 1000
        info = opportunities.create_opportunity(s, actor, OpportunityInput(
            customer_id=row["id"], title=rng.choice(OPPORTUNITY_TITLES), amount=amount,
            expected_close_on=close_on, stage_id=ladder[0].id), now=opened)
        count += 1
        outcome = rng.random()
        target = rng.randrange(len(ladder)) if outcome < 0.75 else len(ladder) - 1
        when = opened
        for st in ladder[1:target + 1]:
            when += dt.timedelta(days=rng.randrange(2, 12))
            if when >= now:
                break
            info = opportunities.move_stage(s, actor, info.id, st.id, now=when)
        if outcome >= 0.75:
            when += dt.timedelta(days=rng.randrange(2, 12))
            if when < now:
                final, reason = (won, None) if outcome < 0.9 else (lost, rng.choice(LOST_REASONS))
                opportunities.move_stage(s, actor, info.id, final.id, lost_reason=reason,
                                         now=when)
    return count


def is_demo_database(db) -> bool:
    """A database built by build_demo (the demo login exists)."""
    try:
        return db.read(lambda s: s.scalar(select(User.id).where(User.login == DEMO_LOGIN))
                       is not None)
    except Exception:
        return False


def create_demo_database(path: Path, *, customers: int = 3000, seed: int = DEMO_SEED):
    """Delete ``path`` (and its WAL files), create it migrated, build the demo; returns the
    open app.db.Database."""
    from app import migrate
    from app.db import Database
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        p.unlink(missing_ok=True)
    db = Database("sqlite:///" + str(path), application_name="qianli-demo")
    try:
        migrate.upgrade(db.engine)
        build_demo(db, customers=customers, seed=seed)
    except BaseException:
        db.dispose()
        raise
    return db
