"""Funnel, forecast and rep performance against a small company whose every figure was
worked out by hand (below, next to each assertion). Rows are created straight through the
ORM with fixed timestamps, so the clock is controlled. Runs on SQLite and PostgreSQL.

The company (see services/pipeline_reports.py for the definitions): team East = manager,
rep1 (张伟), rep2 (李娜); team West = rep3 (Tom Lee). The user's zone is UTC+8 (China):
2026-01-31 17:00 UTC is already 1 February there.

Stages (seeded): initial 10 (pos 10), needs 30 (20), proposal 50 (30), negotiation 70 (40),
won 100 (90), lost 0 (99). Days are 00:00 UTC unless a time is given.

 opp  owner amount    prob state stage        expected    created  path (entered)                              closed
 O1   rep1  10000.00  100  won   won          2026-01-20  01-02    initial 01-02, needs 01-05, proposal 01-10,  01-20 10:00
                                                                   won 01-20 10:00 (skips negotiation)
 O2   rep1   5000.50   50  open  proposal     2026-02-15  01-10    initial 01-10, proposal 01-14 (skips needs); commit
 O3   rep1   2000.05   10  open  initial      2026-03-10  02-01    initial 02-01
 O4   rep2   8000.00    0  lost  lost         2026-02-28  01-03    initial 01-03, needs 01-07, lost 02-01         02-01
 O5   rep2  12000.00   80  open  negotiation  2026-03-31  01-05    initial 01-05, needs 01-06, proposal 01-16,
                                                                   negotiation 02-05; commit
 O6   rep2   3000.00  100  won   won          2026-02-01  01-20    initial 01-20, negotiation 01-25,             01-31 17:00
                                                                   won 01-31 17:00 (= 02-01 01:00 in UTC+8)
 O7   rep3   7000.00   30  open  needs        2026-01-31  01-08    initial 01-08, needs 01-18
 O8   rep3   4500.00  100  won   won          2026-04-10  02-01    initial 02-01, needs 02-11, proposal 02-21,   03-14 12:00
                                                                   negotiation 03-03, won 03-14 12:00
 O9   rep3   9999.99   50  open  proposal     2026-04-05  2025-12-20  initial 2025-12-20, proposal 2026-01-02
 O10  rep1   1500.00    0  lost  lost         2026-03-31  03-01    initial 03-01, lost 04-02                      04-02
 O11  rep2    800.00   10  open  initial      (none)      01-15    initial 01-15
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import select

from models.crm import Activity
from models.party import Customer
from models.pipeline import Opportunity, OwnershipChange, SalesTarget, Stage, StageHistory
from services import opportunities, pipeline_reports as pr
from services.errors import PermissionDenied, ValidationError

UTC = dt.timezone.utc
CST = dt.timezone(dt.timedelta(hours=8))
Q1 = pr.ReportFilter(dt.date(2026, 1, 1), dt.date(2026, 3, 31), tz=CST)
D = Decimal


def ts(month, day, hour=0, minute=0, year=2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


# (key, owner, amount, probability, state, final stage, expected close, commit,
#  [(stage, entered_at), ...], closed_at)
OPPS = [
    ("O1", "rep1", "10000.00", 100, "won", "2026-01-20", False,
     [("initial", ts(1, 2)), ("needs", ts(1, 5)), ("proposal", ts(1, 10)),
      ("won", ts(1, 20, 10))], ts(1, 20, 10)),
    ("O2", "rep1", "5000.50", 50, "open", "2026-02-15", True,
     [("initial", ts(1, 10)), ("proposal", ts(1, 14))], None),
    ("O3", "rep1", "2000.05", 10, "open", "2026-03-10", False,
     [("initial", ts(2, 1))], None),
    ("O4", "rep2", "8000.00", 0, "lost", "2026-02-28", False,
     [("initial", ts(1, 3)), ("needs", ts(1, 7)), ("lost", ts(2, 1))], ts(2, 1)),
    ("O5", "rep2", "12000.00", 80, "open", "2026-03-31", True,
     [("initial", ts(1, 5)), ("needs", ts(1, 6)), ("proposal", ts(1, 16)),
      ("negotiation", ts(2, 5))], None),
    ("O6", "rep2", "3000.00", 100, "won", "2026-02-01", False,
     [("initial", ts(1, 20)), ("negotiation", ts(1, 25)), ("won", ts(1, 31, 17))],
     ts(1, 31, 17)),
    ("O7", "rep3", "7000.00", 30, "open", "2026-01-31", False,
     [("initial", ts(1, 8)), ("needs", ts(1, 18))], None),
    ("O8", "rep3", "4500.00", 100, "won", "2026-04-10", False,
     [("initial", ts(2, 1)), ("needs", ts(2, 11)), ("proposal", ts(2, 21)),
      ("negotiation", ts(3, 3)), ("won", ts(3, 14, 12))], ts(3, 14, 12)),
    ("O9", "rep3", "9999.99", 50, "open", "2026-04-05", False,
     [("initial", ts(12, 20, year=2025)), ("proposal", ts(1, 2))], None),
    ("O10", "rep1", "1500.00", 0, "lost", "2026-03-31", False,
     [("initial", ts(3, 1)), ("lost", ts(4, 2))], ts(4, 2)),
    ("O11", "rep2", "800.00", 10, "open", None, False,
     [("initial", ts(1, 15))], None),
]


def build_company(db, staff) -> dict[str, int]:
    """The opportunities above (one customer per owner), plus the customers, claims and
    follow-ups of the performance test. Returns {key: id}."""
    users = {"rep1": staff.rep1.user_id, "rep2": staff.rep2.user_id, "rep3": staff.rep3.user_id}

    def build(s):
        stages = {x.code: x.id for x in s.scalars(select(Stage))}
        ids: dict[str, int] = {}
        n = 0

        def customer(key, owner, created_at, created_by=None, merged_into=None):
            nonlocal n
            n += 1
            c = Customer(code=f"C-{n:06d}", name=f"客户{key}", owner_id=owner,
                         created_at=created_at, updated_at=created_at,
                         created_by_id=created_by, merged_into_id=merged_into,
                         claimed_at=created_at if owner else None)
            s.add(c)
            s.flush()
            ids[key] = c.id
            return c.id

        home = {u: customer(f"home-{u}", uid, ts(6, 1, year=2025)) for u, uid in users.items()}
        for key, owner, amount, prob, state, close, commit, path, closed in OPPS:
            opp = Opportunity(customer_id=home[owner], title=key, amount=D(amount),
                              expected_close_on=dt.date.fromisoformat(close) if close else None,
                              owner_id=users[owner], stage_id=stages[path[-1][0]],
                              probability=prob, state=state, is_commit=commit,
                              closed_at=closed, created_at=path[0][1], updated_at=path[-1][1],
                              created_by_id=users[owner],
                              lost_reason="price" if state == "lost" else None)
            s.add(opp)
            s.flush()
            ids[key] = opp.id
            for i, (code, entered) in enumerate(path):
                left = path[i + 1][1] if i + 1 < len(path) else None
                s.add(StageHistory(opportunity_id=opp.id, stage_id=stages[code],
                                   entered_at=entered, left_at=left, user_id=users[owner]))

        # New customers in Q1 (UTC+8): rep1 created two (the second at 23:00 local on
        # 31 March; a third at 00:30 local on 1 April is outside) and claimed one customer
        # twice (claim, release, claim again: two acquisitions) → 4. rep2 created one in
        # December (outside), one in Q1 that was merged away (not counted), claimed one and
        # released it → 1.
        r1, r2 = users["rep1"], users["rep2"]
        a = customer("new1", r1, ts(1, 5), created_by=r1)
        customer("new2", r1, ts(3, 31, 15), created_by=r1)
        customer("new-april", r1, ts(3, 31, 16, 30), created_by=r1)
        claimed = customer("pool1", r1, ts(1, 1, year=2024))
        customer("dec", r2, ts(12, 10, year=2025), created_by=r2)
        customer("merged", None, ts(2, 2), created_by=r2, merged_into=a)
        claimed2 = customer("pool2", r2, ts(1, 1, year=2024))
        s.add_all([OwnershipChange(customer_id=claimed, from_owner_id=None, to_owner_id=r1,
                                   reason="claim", at=ts(2, 10), actor_id=r1),
                   OwnershipChange(customer_id=claimed, from_owner_id=r1, to_owner_id=None,
                                   reason="release", at=ts(2, 20), actor_id=r1),
                   OwnershipChange(customer_id=claimed, from_owner_id=None, to_owner_id=r1,
                                   reason="claim", at=ts(3, 5), actor_id=r1),
                   OwnershipChange(customer_id=claimed2, from_owner_id=None, to_owner_id=r2,
                                   reason="claim", at=ts(1, 9), actor_id=r2),
                   # released by rep2 in Q1: not a new customer of anyone
                   OwnershipChange(customer_id=claimed2, from_owner_id=r2, to_owner_id=None,
                                   reason="release", at=ts(3, 1), actor_id=r2)])
        # Follow-ups in Q1 (UTC+8): rep1 four (one at 00:00 local on 1 January; one at
        # 23:00 local on 31 December is outside), rep2 two.
        times = {r1: [ts(12, 31, 16, year=2025), ts(1, 15), ts(2, 15), ts(3, 15),
                      ts(12, 31, 15, year=2025)],
                 r2: [ts(1, 20), ts(3, 31, 15)]}
        for uid, whens in times.items():
            for when in whens:
                s.add(Activity(customer_id=home["rep1" if uid == r1 else "rep2"], user_id=uid,
                               kind="call", occurred_at=when, notes="call"))
        return ids
    return db.write(build)


def run(db, fn):
    return db.read(fn)


# --------------------------------------------------------------------------- funnel

def by_code(f: pr.Funnel) -> dict[str, pr.FunnelStage]:
    return {x.stage.code: x for x in f.stages}


def test_funnel_counts_amounts_reach_conversion_and_days(db, staff):
    build_company(db, staff)
    f = run(db, lambda s: pr.funnel(s, staff.admin, Q1))
    assert [x.stage.code for x in f.stages] == ["initial", "needs", "proposal", "negotiation",
                                                "won", "lost"]
    got = {code: (x.count, x.amount, x.reached, x.conversion_to_next_pct, x.avg_days_in_stage)
           for code, x in by_code(f).items()}
    # Cohort: expected close in Q1 → O1 O2 O3 O4 O5 O6 O7 O10 (O8, O9 in April; O11 none).
    # Furthest non-lost stage: O1 won, O2 proposal, O3 initial, O4 needs, O5 negotiation,
    # O6 won, O7 needs, O10 initial.
    # Finished stays (days): initial O1 3, O2 4, O4 4, O5 1, O6 5, O7 10, O10 32 → 59/7 = 8.43
    # needs O1 5, O4 25, O5 10 → 40/3 = 13.33; proposal O1 10.4167, O5 20 → 15.21;
    # negotiation O6 6.7083; won/lost stays are still open.
    assert got == {
        "initial": (1, D("2000.05"), 8, D("75.0"), D("8.4")),        # 6/8
        "needs": (1, D("7000.00"), 6, D("66.7"), D("13.3")),         # 4/6
        "proposal": (1, D("5000.50"), 4, D("75.0"), D("15.2")),      # 3/4
        "negotiation": (1, D("12000.00"), 3, D("66.7"), D("6.7")),   # 2/3
        "won": (2, D("13000.00"), 2, None, None),
        "lost": (2, D("9500.00"), 2, None, None),
    }
    assert (f.total_count, f.total_amount) == (8, D("48500.55"))
    assert all(isinstance(x.amount, Decimal) for x in f.stages)


def test_funnel_with_a_scattered_cohort(db, staff):
    """An opportunity created long after the others but due in the period: the cohort's ids
    are spread out (PostgreSQL then reads the history per opportunity instead of one id
    range); the figures follow the same definitions."""
    build_company(db, staff)

    def add(s):
        stages = {x.code: x.id for x in s.scalars(select(Stage))}
        customer_id = s.scalar(select(Customer.id).where(Customer.owner_id == staff.rep3.user_id))
        for i in range(40):                  # later opportunities due in 2027
            s.add(Opportunity(customer_id=customer_id, title=f"F{i}", amount=D("1.00"),
                              expected_close_on=dt.date(2027, 6, 1), owner_id=staff.rep3.user_id,
                              stage_id=stages["initial"], probability=10, state="open",
                              created_at=ts(3, 1)))
        late = Opportunity(customer_id=customer_id, title="O12", amount=D("100.00"),
                           expected_close_on=dt.date(2026, 3, 20), owner_id=staff.rep3.user_id,
                           stage_id=stages["initial"], probability=10, state="open",
                           created_at=ts(3, 2))
        s.add(late)
        s.flush()
        s.add(StageHistory(opportunity_id=late.id, stage_id=stages["initial"],
                           entered_at=ts(3, 2), user_id=staff.rep3.user_id))
    db.write(add)
    f = run(db, lambda s: pr.funnel(s, staff.admin, Q1))
    got = {code: (x.count, x.amount, x.reached, x.conversion_to_next_pct, x.avg_days_in_stage)
           for code, x in by_code(f).items()}
    # as in the first test, plus O12 in initial (its stay is still open)
    assert got == {
        "initial": (2, D("2100.05"), 9, D("66.7"), D("8.4")),        # 6/9
        "needs": (1, D("7000.00"), 6, D("66.7"), D("13.3")),
        "proposal": (1, D("5000.50"), 4, D("75.0"), D("15.2")),
        "negotiation": (1, D("12000.00"), 3, D("66.7"), D("6.7")),
        "won": (2, D("13000.00"), 2, None, None),
        "lost": (2, D("9500.00"), 2, None, None),
    }
    assert (f.total_count, f.total_amount) == (9, D("48600.55"))


def test_funnel_team_and_rep_filters_and_scopes(db, staff):
    build_company(db, staff)
    east = staff.rep1.team_id
    west = staff.rep3.team_id
    # West, Q1: only O7 (needs; initial 01-08 → needs 01-18 = 10 days).
    f = run(db, lambda s: pr.funnel(s, staff.admin, pr.ReportFilter(Q1.date_from, Q1.date_to,
                                                                     team_id=west, tz=CST)))
    got = {c: (x.count, x.amount, x.reached, x.conversion_to_next_pct, x.avg_days_in_stage)
           for c, x in by_code(f).items()}
    assert got == {"initial": (0, D("0.00"), 1, D("100.0"), D("10.0")),
                   "needs": (1, D("7000.00"), 1, D("0.0"), None),
                   "proposal": (0, D("0.00"), 0, None, None),
                   "negotiation": (0, D("0.00"), 0, None, None),
                   "won": (0, D("0.00"), 0, None, None),
                   "lost": (0, D("0.00"), 0, None, None)}
    # rep1 sees only own: O1 O2 O3 O10 — reach initial 4, needs 1 (O1), proposal 2 (O1, O2).
    mine = run(db, lambda s: pr.funnel(s, staff.rep1, Q1))
    assert [(x.stage.code, x.count, x.reached) for x in mine.stages] == [
        ("initial", 1, 4), ("needs", 0, 2), ("proposal", 1, 2), ("negotiation", 0, 1),
        ("won", 1, 1), ("lost", 1, 1)]
    # the manager's default scope is the team: O1–O6 and O10
    team = run(db, lambda s: pr.funnel(s, staff.manager, Q1))
    assert team.total_count == 7 and team.total_amount == D("41500.55")
    same = run(db, lambda s: pr.funnel(s, staff.admin, pr.ReportFilter(
        Q1.date_from, Q1.date_to, team_id=east, tz=CST)))
    assert same == team
    rep2 = run(db, lambda s: pr.funnel(s, staff.manager, pr.ReportFilter(
        Q1.date_from, Q1.date_to, owner_id=staff.rep2.user_id, tz=CST)))
    assert (rep2.total_count, rep2.total_amount) == (3, D("23000.00"))
    with pytest.raises(PermissionDenied):
        run(db, lambda s: pr.funnel(s, staff.manager, pr.ReportFilter(
            Q1.date_from, Q1.date_to, team_id=west)))
    with pytest.raises(PermissionDenied):
        run(db, lambda s: pr.funnel(s, staff.rep1, pr.ReportFilter(
            Q1.date_from, Q1.date_to, owner_id=staff.rep2.user_id)))
    for outsider in (staff.finance, staff.warehouse):
        with pytest.raises(PermissionDenied):
            run(db, lambda s: pr.funnel(s, outsider, Q1))


def test_funnel_stage_click_lists_the_same_opportunities(db, staff):
    ids = build_company(db, staff)
    stages = run(db, lambda s: {x.code: x.id for x in s.scalars(select(Stage))})
    for code, expected in (("won", {"O1", "O6"}), ("lost", {"O4", "O10"}),
                           ("needs", {"O7"})):
        filt = pr.stage_opportunity_filter(Q1, stages[code])
        page = run(db, lambda s: opportunities.list_opportunities(s, staff.admin, filt))
        assert {r.id for r in page.rows} == {ids[k] for k in expected}
    f = run(db, lambda s: pr.funnel(s, staff.admin, Q1))
    for x in f.stages:
        page = run(db, lambda s: opportunities.list_opportunities(
            s, staff.admin, pr.stage_opportunity_filter(Q1, x.stage.id)))
        assert (len(page.rows), sum((r.amount for r in page.rows), D("0.00"))) == (x.count,
                                                                                   x.amount)


def test_funnel_period_validation_and_empty(db, staff):
    with pytest.raises(ValidationError) as e:
        run(db, lambda s: pr.funnel(s, staff.admin, pr.ReportFilter(dt.date(2026, 3, 1),
                                                                    dt.date(2026, 2, 1))))
    assert e.value.field == "date_to"
    f = run(db, lambda s: pr.funnel(s, staff.admin, Q1))
    assert [(x.count, x.amount, x.reached, x.conversion_to_next_pct, x.avg_days_in_stage)
            for x in f.stages] == [(0, D("0.00"), 0, None, None)] * 6
    assert (f.total_count, f.total_amount) == (0, D("0.00"))


# --------------------------------------------------------------------------- forecast

def rows(fc: list[pr.ForecastRow]):
    return [(r.month.month, r.group_name, r.pipeline_amount, r.weighted_amount,
             r.best_case_amount, r.commit_amount, r.won_amount) for r in fc]


def test_forecast_per_rep_team_and_company(db, staff):
    build_company(db, staff)
    # Open in Q1 by expected month: O7 rep3 Jan 7000×30%; O2 rep1 Feb 5000.50×50% commit;
    # O3 rep1 Mar 2000.05×10% (= 200.005 → 200.01); O5 rep2 Mar 12000×80% commit.
    # Won by close month in UTC+8: O1 rep1 Jan 10000; O6 rep2 Feb 3000 (17:00 UTC on
    # 31 Jan); O8 rep3 Mar 4500 (its expected date is in April). Lost never counts.
    # best case = won + open; commit = won + open commit-marked.
    fc = run(db, lambda s: pr.forecast(s, staff.admin, Q1, group_by="rep"))
    assert rows(fc) == [
        (1, "Tom Lee", D("7000.00"), D("2100.00"), D("7000.00"), D("0.00"), D("0.00")),
        (1, "张伟", D("0.00"), D("0.00"), D("10000.00"), D("10000.00"), D("10000.00")),
        (2, "张伟", D("5000.50"), D("2500.25"), D("5000.50"), D("5000.50"), D("0.00")),
        (2, "李娜", D("0.00"), D("0.00"), D("3000.00"), D("3000.00"), D("3000.00")),
        (3, "Tom Lee", D("0.00"), D("0.00"), D("4500.00"), D("4500.00"), D("4500.00")),
        (3, "张伟", D("2000.05"), D("200.01"), D("2000.05"), D("0.00"), D("0.00")),
        (3, "李娜", D("12000.00"), D("9600.00"), D("12000.00"), D("12000.00"), D("0.00")),
    ]
    assert {r.group_id for r in fc} == {staff.rep1.user_id, staff.rep2.user_id,
                                        staff.rep3.user_id}
    assert [(r.open_count, r.won_count) for r in fc] == [(1, 0), (0, 1), (1, 0), (0, 1),
                                                          (0, 1), (1, 0), (1, 0)]
    teams = run(db, lambda s: pr.forecast(s, staff.admin, Q1, group_by="team"))
    assert rows(teams) == [
        (1, "East", D("0.00"), D("0.00"), D("10000.00"), D("10000.00"), D("10000.00")),
        (1, "West", D("7000.00"), D("2100.00"), D("7000.00"), D("0.00"), D("0.00")),
        (2, "East", D("5000.50"), D("2500.25"), D("8000.50"), D("8000.50"), D("3000.00")),
        # 12000×80% + 2000.05×10% = 9800.005 → 9800.01 (rounded once, on the sum)
        (3, "East", D("14000.05"), D("9800.01"), D("14000.05"), D("12000.00"), D("0.00")),
        (3, "West", D("0.00"), D("0.00"), D("4500.00"), D("4500.00"), D("4500.00")),
    ]
    assert {r.group_id for r in teams} == {staff.rep1.team_id, staff.rep3.team_id}
    company = run(db, lambda s: pr.forecast(s, staff.admin, Q1, group_by="company"))
    assert rows(company) == [
        (1, "Company", D("7000.00"), D("2100.00"), D("17000.00"), D("10000.00"), D("10000.00")),
        (2, "Company", D("5000.50"), D("2500.25"), D("8000.50"), D("8000.50"), D("3000.00")),
        (3, "Company", D("14000.05"), D("9800.01"), D("18500.05"), D("16500.00"), D("4500.00")),
    ]
    assert [r.month for r in company] == [dt.date(2026, m, 1) for m in (1, 2, 3)]


def test_forecast_months_follow_the_users_zone_and_scope(db, staff):
    build_company(db, staff)
    # In UTC, O6 (closed 17:00 UTC on 31 January) is a January win.
    utc = pr.ReportFilter(Q1.date_from, Q1.date_to, tz=UTC)
    company = run(db, lambda s: pr.forecast(s, staff.admin, utc, group_by="company"))
    assert [(r.month.month, r.won_amount) for r in company] == [
        (1, D("13000.00")), (2, D("0.00")), (3, D("4500.00"))]
    # The manager sees the team only; a month without anything still shows for the company.
    mgr = run(db, lambda s: pr.forecast(s, staff.manager, pr.ReportFilter(
        dt.date(2026, 2, 1), dt.date(2026, 4, 30), tz=CST), group_by="company"))
    assert rows(mgr) == [
        (2, "Company", D("5000.50"), D("2500.25"), D("8000.50"), D("8000.50"), D("3000.00")),
        (3, "Company", D("14000.05"), D("9800.01"), D("14000.05"), D("12000.00"), D("0.00")),
        (4, "Company", D("0.00"), D("0.00"), D("0.00"), D("0.00"), D("0.00")),
    ]
    mine = run(db, lambda s: pr.forecast(s, staff.rep3, pr.ReportFilter(
        dt.date(2026, 4, 1), dt.date(2026, 4, 30), tz=CST), group_by="rep"))
    # April: O9 open 9999.99×50% = 4999.995 → 5000.00; O8 expected April but already won.
    assert rows(mine) == [(4, "Tom Lee", D("9999.99"), D("5000.00"), D("9999.99"),
                           D("0.00"), D("0.00"))]
    with pytest.raises(ValidationError):
        run(db, lambda s: pr.forecast(s, staff.admin, Q1, group_by="region"))


# --------------------------------------------------------------------------- performance

def test_rep_performance_for_a_quarter(db, staff):
    build_company(db, staff)
    db.write(lambda s: s.add_all([
        SalesTarget(period="quarter", period_start=dt.date(2026, 1, 1),
                    user_id=staff.rep1.user_id, amount=D("20000")),
        # rep2 has month targets only: 3 × 2000 = 6000 for the quarter
        *[SalesTarget(period="month", period_start=dt.date(2026, m, 1),
                      user_id=staff.rep2.user_id, amount=D("2000")) for m in (1, 2, 3)],
        SalesTarget(period="quarter", period_start=dt.date(2026, 1, 1),
                    user_id=staff.rep3.user_id, amount=D("4000"))]))
    perf = {r.name: r for r in run(db, lambda s: pr.rep_performance(s, staff.admin, Q1))}
    assert set(perf) == {"张伟", "李娜", "Tom Lee", "王经理"}
    got = {n: (r.new_customers, r.follow_ups, r.opportunities_created, r.won_count,
               r.won_amount, r.lost_count, r.win_rate_pct, r.avg_deal_size, r.avg_cycle_days,
               r.target, r.target_attainment_pct) for n, r in perf.items()}
    assert got == {
        # created O1 O2 O3 O10; won O1 (18.42 days: 01-02 → 01-20 10:00); O10 lost in April
        "张伟": (4, 4, 4, 1, D("10000.00"), 0, D("100.0"), D("10000.00"), D("18.4"),
                 D("20000.00"), D("50.0")),
        # created O4 O5 O6 (O11 too: 01-15) → 4; won O6 (01-20 → 01-31 17:00 = 11.71 days),
        # lost O4 → 50 %
        "李娜": (1, 2, 4, 1, D("3000.00"), 1, D("50.0"), D("3000.00"), D("11.7"),
                 D("6000.00"), D("50.0")),
        # created O7 O8 (O9 in December); won O8 (02-01 → 03-14 12:00 = 41.5 days)
        "Tom Lee": (0, 0, 2, 1, D("4500.00"), 0, D("100.0"), D("4500.00"), D("41.5"),
                    D("4000.00"), D("112.5")),
        "王经理": (0, 0, 0, 0, D("0.00"), 0, None, None, None, None, None),
    }
    # the manager sees the team (manager, rep1, rep2); a rep only themself
    team = run(db, lambda s: pr.rep_performance(s, staff.manager, Q1))
    assert {r.name for r in team} == {"张伟", "李娜", "王经理"}
    assert [r.name for r in run(db, lambda s: pr.rep_performance(s, staff.rep3, Q1))] == ["Tom Lee"]
    # sorted by won amount
    assert [r.name for r in run(db, lambda s: pr.rep_performance(s, staff.admin, Q1))][:3] == \
        ["张伟", "Tom Lee", "李娜"]


def test_rep_performance_average_deal_size_is_exact(db, staff):
    def build(s):
        won = s.scalar(select(Stage.id).where(Stage.code == "won"))
        c = Customer(code="C-1", name="x", owner_id=staff.rep1.user_id)
        s.add(c)
        s.flush()
        for amount in ("0.10", "0.10", "0.11"):       # 0.31 / 3 = 0.10333 → 0.10
            s.add(Opportunity(customer_id=c.id, title="t", amount=D(amount), owner_id=c.owner_id,
                              stage_id=won, probability=100, state="won",
                              created_at=ts(1, 1), closed_at=ts(1, 2)))
    db.write(build)
    r = run(db, lambda s: pr.rep_performance(s, staff.rep1, pr.ReportFilter(
        dt.date(2026, 1, 1), dt.date(2026, 1, 31), tz=UTC)))
    assert [(x.won_count, x.won_amount, x.avg_deal_size, x.avg_cycle_days) for x in r] == [
        (3, D("0.31"), D("0.10"), D("1.0"))]


def test_export_rep_performance_to_xlsx(db, staff, tmp_path):
    build_company(db, staff)
    path = tmp_path / "performance.xlsx"
    n = run(db, lambda s: pr.export_rep_performance(s, staff.manager, Q1, path))
    assert n == 3
    ws = openpyxl.load_workbook(path).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == list(pr.PERFORMANCE_HEADERS)
    assert values[1][:8] == ["张伟", 4, 4, 4, 1, 10000, 0, 100]
    assert values[2][:8] == ["李娜", 1, 2, 4, 1, 3000, 1, 50]
    assert values[3][0] == "王经理" and values[3][7] is None
    with pytest.raises(ValidationError):
        run(db, lambda s: pr.export_rep_performance(s, staff.manager, Q1,
                                                    tmp_path / "p.xlsx", headers=["A"]))
