"""The Today workbench on SQLite and PostgreSQL, with a controlled clock: today is Monday
16 March 2026 and rows are written straight through the ORM with fixed times.

rep1's customers (latest follow-up decides):
  CA  follow-ups 03-01 (next 03-10) and 03-05 (next 03-12)          → overdue 4 days
  CB  03-02 (next 03-08), then 03-09 without a next date              → nothing
  CC  03-10 (next 03-16)                                              → due today
  CD  03-11 (next 03-20)                                              → nothing yet
  CF  merged into CA, 03-01 (next 03-02)                              → nothing (merged)
  CG  two follow-ups at the same time 03-04: ids decide, the later
      one says 03-30                                                  → nothing
  CI  02-01 (next 02-20), no follow-up since (returns to the pool soon) → overdue 24 days
rep2 (same team): CE 03-03 (next 03-06) → overdue 10 days, for the manager only.
rep3 (West): CW 03-01 (next 03-02) → overdue, for rep3 only.
Pool customer CH 03-01 (next 03-02) → nobody's.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from models.crm import Activity
from models.party import Customer
from models.pipeline import Opportunity, Stage
from services import pool, workbench

UTC = dt.timezone.utc
TODAY = dt.date(2026, 3, 16)
NOW = dt.datetime(2026, 3, 16, 4, 0, tzinfo=UTC)


def at(month, day, hour=9):
    return dt.datetime(2026, month, day, hour, tzinfo=UTC)


def build(db, staff):
    r1, r2, r3 = staff.rep1.user_id, staff.rep2.user_id, staff.rep3.user_id

    def fn(s):
        ids = {}

        def customer(key, owner, *follow_ups, merged_into=None, claimed=at(1, 1)):
            c = Customer(code=f"C-{key}", name=f"客户{key}", owner_id=owner,
                         merged_into_id=merged_into, claimed_at=claimed if owner else None,
                         created_at=at(1, 1), updated_at=at(1, 1))
            s.add(c)
            s.flush()
            ids[key] = c.id
            for when, nxt in follow_ups:
                a = Activity(customer_id=c.id, user_id=owner or r1, kind="call",
                             occurred_at=when, notes=f"{key} {when:%m-%d}",
                             next_follow_up_on=nxt)
                s.add(a)
                s.flush()
                ids[f"{key}@{when:%m-%d}:{a.id}"] = a.id
            c.last_follow_up_at = max((w for w, _ in follow_ups), default=None)
            return c.id

        d = dt.date
        ca = customer("CA", r1, (at(3, 1), d(2026, 3, 10)), (at(3, 5), d(2026, 3, 12)))
        customer("CB", r1, (at(3, 2), d(2026, 3, 8)), (at(3, 9), None))
        customer("CC", r1, (at(3, 10), d(2026, 3, 16)))
        customer("CD", r1, (at(3, 11), d(2026, 3, 20)))
        customer("CF", r1, (at(3, 1), d(2026, 3, 2)), merged_into=ca)
        customer("CG", r1, (at(3, 4), d(2026, 3, 1)), (at(3, 4), d(2026, 3, 30)))
        customer("CI", r1, (at(2, 1), d(2026, 2, 20)), claimed=at(1, 1))
        customer("CE", r2, (at(3, 3), d(2026, 3, 6)))
        customer("CW", r3, (at(3, 1), d(2026, 3, 2)))
        customer("CH", None, (at(3, 1), d(2026, 3, 2)))

        stages = {x.code: x.id for x in s.scalars(select(Stage))}

        def opp(key, owner, customer_key, close, state="open", amount="1000.00"):
            o = Opportunity(customer_id=ids[customer_key], title=key, amount=Decimal(amount),
                            expected_close_on=close, owner_id=owner,
                            stage_id=stages["proposal" if state == "open" else state],
                            probability=50 if state == "open" else 100, state=state,
                            closed_at=at(3, 2) if state != "open" else None)
            s.add(o)
            s.flush()
            ids[key] = o.id

        opp("P-mar31", r1, "CA", d(2026, 3, 31), amount="500.50")
        opp("P-mar01", r1, "CB", d(2026, 3, 1), amount="200.00")   # overdue, still this month
        opp("P-feb", r1, "CB", d(2026, 2, 28))                      # last month: not listed
        opp("P-apr", r1, "CB", d(2026, 4, 1))                       # next month
        opp("P-won", r1, "CB", d(2026, 3, 20), state="won")
        opp("P-none", r1, "CB", None)
        opp("P-rep2", r2, "CE", d(2026, 3, 18), amount="3000.00")
        opp("P-rep3", r3, "CW", d(2026, 3, 18))
        return ids
    return db.write(fn)


def names(rows):
    return [(r.customer_name, r.next_follow_up_on.isoformat(), r.days_overdue) for r in rows]


def test_rep_workbench_buckets(db, staff):
    ids = build(db, staff)
    w = db.read(lambda s: workbench.today(s, staff.rep1, today=TODAY, now=NOW))
    assert w.today == TODAY
    assert names(w.overdue_follow_ups) == [("客户CI", "2026-02-20", 24),
                                           ("客户CA", "2026-03-12", 4)]
    ca = w.overdue_follow_ups[1]
    assert (ca.customer_id, ca.customer_code, ca.owner_id, ca.owner_name, ca.last_activity_kind,
            ca.last_notes, ca.last_activity_at) == (ids["CA"], "C-CA", staff.rep1.user_id,
                                                    "张伟", "call", "CA 03-05", at(3, 5))
    assert names(w.due_follow_ups) == [("客户CC", "2026-03-16", 0)]
    assert [(r.title, r.amount, r.expected_close_on.day, r.stage_code, r.customer_id)
            for r in w.closing_this_month] == [
        ("P-mar01", Decimal("200.00"), 1, "proposal", ids["CB"]),
        ("P-mar31", Decimal("500.50"), 31, "proposal", ids["CA"])]
    assert (w.overdue_total, w.due_total, w.closing_total) == (2, 1, 2)
    # the pool bucket is the pool service's answer for the same clock: CI's last follow-up
    # is 43 days old (default rule 30 days), the others are recent
    expected = db.read(lambda s: pool.due_for_pool(s, staff.rep1, within_days=3, now=NOW))
    assert w.returning_to_pool == tuple(expected)
    assert [r.customer_id for r in w.returning_to_pool] == [ids["CI"]]


def test_manager_sees_the_team_and_limits(db, staff):
    ids = build(db, staff)
    w = db.read(lambda s: workbench.today(s, staff.manager, today=TODAY, now=NOW))
    assert names(w.overdue_follow_ups) == [("客户CI", "2026-02-20", 24),
                                           ("客户CE", "2026-03-06", 10),
                                           ("客户CA", "2026-03-12", 4)]
    assert [r.title for r in w.closing_this_month] == ["P-mar01", "P-rep2", "P-mar31"]
    assert w.closing_this_month[1].owner_name == "李娜"
    small = db.read(lambda s: workbench.today(s, staff.manager, today=TODAY, now=NOW, limit=1))
    assert (len(small.overdue_follow_ups), small.overdue_total) == (1, 3)
    assert (len(small.closing_this_month), small.closing_total) == (1, 3)
    west = db.read(lambda s: workbench.today(s, staff.rep3, today=TODAY, now=NOW))
    assert [r.customer_id for r in west.overdue_follow_ups] == [ids["CW"]]
    assert [r.title for r in west.closing_this_month] == ["P-rep3"]
    # a day later CC is overdue too, and CA one day more
    later = db.read(lambda s: workbench.today(s, staff.rep1, today=TODAY + dt.timedelta(days=1),
                                              now=NOW + dt.timedelta(days=1)))
    assert names(later.overdue_follow_ups) == [("客户CI", "2026-02-20", 25),
                                               ("客户CA", "2026-03-12", 5),
                                               ("客户CC", "2026-03-16", 1)]
    assert later.due_follow_ups == ()


def test_logging_a_follow_up_clears_the_reminder(db, staff):
    from services.followups import log_follow_up
    ids = build(db, staff)
    db.write(lambda s: log_follow_up(s, staff.rep1, ids["CA"], kind="visit", notes="visited",
                                     occurred_at=NOW - dt.timedelta(hours=1), today=TODAY))
    w = db.read(lambda s: workbench.today(s, staff.rep1, today=TODAY, now=NOW))
    assert [r.customer_name for r in w.overdue_follow_ups] == ["客户CI"]
    db.write(lambda s: log_follow_up(s, staff.rep1, ids["CC"], kind="call", notes="rang",
                                     occurred_at=NOW - dt.timedelta(minutes=5),
                                     next_follow_up_on=dt.date(2026, 3, 23), today=TODAY))
    assert db.read(lambda s: workbench.today(s, staff.rep1, today=TODAY,
                                             now=NOW)).due_follow_ups == ()
