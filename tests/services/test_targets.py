"""Sales targets: who may set them, validation, replacing, attainment with ranks, the
month-target fallback, the 12-month trend and the basis setting — on SQLite and PostgreSQL.
Achievements come from the hand-worked company of test_pipeline_reports (won in Q1 2026,
UTC+8): rep1 10000.00, rep2 3000.00 (February), rep3 4500.00, manager nothing."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from models.system import AuditLog
from services import targets
from services.errors import PermissionDenied, ValidationError
from tests.services.test_pipeline_reports import CST, build_company

D = Decimal
Q1 = dt.date(2026, 1, 1)


def set_(db, actor, **kw):
    return db.write(lambda s: targets.set_target(s, actor, **kw))


def company_targets(db, staff):
    """rep1 Q1 20000; rep2 2000 a month (Jan–Mar); rep3 Q1 4000; East Q1 30000 and
    January 9000; West none."""
    set_(db, staff.manager, period="quarter", period_start=Q1, amount=D("20000"),
         user_id=staff.rep1.user_id)
    for m in (1, 2, 3):
        set_(db, staff.manager, period="month", period_start=dt.date(2026, m, 1),
             amount="2000", user_id=staff.rep2.user_id)
    set_(db, staff.admin, period="quarter", period_start=Q1, amount=4000,
         user_id=staff.rep3.user_id)
    set_(db, staff.admin, period="quarter", period_start=Q1, amount=D("30000"),
         team_id=staff.rep1.team_id)
    set_(db, staff.manager, period="month", period_start=Q1, amount=D("9000"),
         team_id=staff.rep1.team_id)


def table(rows):
    return [(r.kind, r.name, r.target, r.achieved, r.pct, r.rank) for r in rows]


def test_set_target_permissions_validation_and_replace(db, staff):
    t = set_(db, staff.manager, period="month", period_start=dt.date(2026, 2, 1),
             amount="1234.5", user_id=staff.rep1.user_id)
    assert (t.period, t.period_start, t.user_id, t.team_id, t.name, t.amount) == (
        "month", dt.date(2026, 2, 1), staff.rep1.user_id, None, "张伟", D("1234.50"))
    again = set_(db, staff.admin, period="month", period_start=dt.date(2026, 2, 1),
                 amount=D("2000"), user_id=staff.rep1.user_id)
    assert (again.id, again.amount) == (t.id, D("2000.00"))
    actions = db.read(lambda s: [a.action for a in s.scalars(
        select(AuditLog).where(AuditLog.entity == "sales_target").order_by(AuditLog.id))])
    assert actions == ["target.set", "target.set"]
    team = set_(db, staff.manager, period="year", period_start=dt.date(2026, 1, 1),
                amount=0, team_id=staff.manager.team_id)
    assert (team.name, team.amount, team.user_id) == ("East", D("0.00"), None)

    for actor, kw in ((staff.manager, {"user_id": staff.rep3.user_id}),
                      (staff.manager, {"team_id": staff.rep3.team_id}),
                      (staff.rep1, {"user_id": staff.rep1.user_id}),
                      (staff.finance, {"team_id": staff.rep1.team_id})):
        with pytest.raises(PermissionDenied):
            set_(db, actor, period="month", period_start=Q1, amount=1, **kw)
    bad = [({"period": "week"}, "period"),
           ({"period_start": dt.date(2026, 2, 2)}, "period_start"),
           ({"period": "quarter", "period_start": dt.date(2026, 2, 1)}, "period_start"),
           ({"period": "year", "period_start": dt.date(2026, 4, 1)}, "period_start"),
           ({"amount": "-1"}, "amount"),
           ({"amount": "lots"}, "amount"),
           ({"team_id": staff.rep1.team_id}, "user_id"),           # both rep and team
           ({"user_id": 9999}, "user_id")]
    for change, field in bad:
        kw = {"period": "month", "period_start": Q1, "amount": 5, "user_id": staff.rep1.user_id}
        kw.update(change)
        with pytest.raises(ValidationError) as e:
            set_(db, staff.admin, **kw)
        assert field in e.value.errors, (change, e.value.errors)


def test_list_targets_by_visibility_and_delete(db, staff):
    company_targets(db, staff)
    everyone = db.read(lambda s: targets.list_targets(s, staff.admin, period="quarter",
                                                      period_start=Q1))
    assert [(x.name, x.amount) for x in everyone] == [
        ("East", D("30000.00")), ("Tom Lee", D("4000.00")), ("张伟", D("20000.00"))]
    mgr = db.read(lambda s: targets.list_targets(s, staff.manager, period="quarter",
                                                 period_start=Q1))
    assert [x.name for x in mgr] == ["East", "张伟"]
    rep3 = db.read(lambda s: targets.list_targets(s, staff.rep3, period="quarter",
                                                  period_start=Q1))
    assert [x.name for x in rep3] == ["Tom Lee"]
    with pytest.raises(PermissionDenied):
        db.write(lambda s: targets.delete_target(s, staff.manager, rep3[0].id))
    db.write(lambda s: targets.delete_target(s, staff.admin, rep3[0].id))
    assert [x.name for x in db.read(lambda s: targets.list_targets(
        s, staff.admin, period="quarter", period_start=Q1))] == ["East", "张伟"]


def test_attainment_and_ranking(db, staff):
    build_company(db, staff)
    company_targets(db, staff)
    rows = db.read(lambda s: targets.attainment(s, staff.admin, period="quarter",
                                                period_start=Q1, tz=CST))
    assert table(rows) == [
        # rep3 4500/4000; rep1 10000/20000 and rep2 3000/(3 × 2000 month targets) tie at 50 %
        ("rep", "Tom Lee", D("4000.00"), D("4500.00"), D("112.5"), 1),
        ("rep", "张伟", D("20000.00"), D("10000.00"), D("50.0"), 2),
        ("rep", "李娜", D("6000.00"), D("3000.00"), D("50.0"), 2),
        ("rep", "王经理", None, D("0.00"), None, None),
        # the team's own quarter target wins over its January target; 13000/30000
        ("team", "East", D("30000.00"), D("13000.00"), D("43.3"), 1),
        ("team", "West", None, D("4500.00"), None, None),
    ]
    mgr = db.read(lambda s: targets.attainment(s, staff.manager, period="quarter",
                                               period_start=Q1, tz=CST))
    assert table(mgr) == [
        ("rep", "张伟", D("20000.00"), D("10000.00"), D("50.0"), 1),
        ("rep", "李娜", D("6000.00"), D("3000.00"), D("50.0"), 1),
        ("rep", "王经理", None, D("0.00"), None, None),
        ("team", "East", D("30000.00"), D("13000.00"), D("43.3"), 1),
    ]
    assert table(db.read(lambda s: targets.attainment(s, staff.rep3, period="quarter",
                                                      period_start=Q1, tz=CST))) == [
        ("rep", "Tom Lee", D("4000.00"), D("4500.00"), D("112.5"), 1)]
    # February alone: rep2's O6 closed at 01:00 on 1 February in UTC+8 → 3000/2000
    feb = db.read(lambda s: targets.attainment(s, staff.manager, period="month",
                                               period_start=dt.date(2026, 2, 1), tz=CST))
    assert table(feb)[0] == ("rep", "李娜", D("2000.00"), D("3000.00"), D("150.0"), 1)
    with pytest.raises(PermissionDenied):
        db.read(lambda s: targets.attainment(s, staff.finance, period="quarter",
                                             period_start=Q1))


def test_period_target_falls_back_to_month_targets(db, staff):
    company_targets(db, staff)
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    got = db.read(lambda s: targets.period_targets(s, *year, ids=[staff.rep2.user_id]))
    assert got == {staff.rep2.user_id: D("6000.00")}
    set_(db, staff.manager, period="year", period_start=year[0], amount="50000",
         user_id=staff.rep2.user_id)
    got = db.read(lambda s: targets.period_targets(s, *year, ids=[staff.rep2.user_id]))
    assert got == {staff.rep2.user_id: D("50000.00")}
    # an arbitrary range sums the months it touches: 15 Jan – 10 Feb → Jan + Feb
    got = db.read(lambda s: targets.period_targets(s, dt.date(2026, 1, 15), dt.date(2026, 2, 10)))
    assert got == {staff.rep2.user_id: D("4000.00")}
    teams = db.read(lambda s: targets.period_targets(s, dt.date(2026, 1, 1),
                                                     dt.date(2026, 3, 31), kind="team"))
    assert teams == {staff.rep1.team_id: D("30000.00")}


def test_attainment_trend(db, staff):
    build_company(db, staff)
    company_targets(db, staff)
    today = dt.date(2026, 3, 15)

    def trend(actor, **kw):
        pts = db.read(lambda s: targets.attainment_trend(s, actor, today=today, tz=CST, **kw))
        return [(p.month, p.target, p.achieved, p.pct) for p in pts]

    m = [dt.date(2026, i, 1) for i in (1, 2, 3)]
    assert trend(staff.manager, user_id=staff.rep2.user_id, months=3) == [
        (m[0], D("2000.00"), D("0.00"), D("0.0")),
        (m[1], D("2000.00"), D("3000.00"), D("150.0")),
        (m[2], D("2000.00"), D("0.00"), D("0.0"))]
    # the manager's default is the team (January target 9000 against O1's 10000)
    assert trend(staff.manager, months=3) == [
        (m[0], D("9000.00"), D("10000.00"), D("111.1")),
        (m[1], None, D("3000.00"), None),
        (m[2], None, D("0.00"), None)]
    # the administrator's default is the company (targets = the teams' month targets)
    assert trend(staff.admin, months=3) == [
        (m[0], D("9000.00"), D("10000.00"), D("111.1")),
        (m[1], None, D("3000.00"), None),
        (m[2], None, D("4500.00"), None)]
    # a rep's default is themself; twelve months by default, ending with the current one
    year = trend(staff.rep3)
    assert [p[0] for p in year] == [dt.date(2025, 4, 1)] + [
        dt.date(2025 + (i // 12), i % 12 + 1, 1) for i in range(4, 15)]
    assert [(p[2], p[3]) for p in year if p[2]] == [(D("4500.00"), None)]
    with pytest.raises(PermissionDenied):
        trend(staff.rep3, user_id=staff.rep1.user_id)
    with pytest.raises(PermissionDenied):
        trend(staff.manager, team_id=staff.rep3.team_id)


def test_basis_setting(db, staff):
    assert db.read(targets.get_basis) == "won"
    with pytest.raises(PermissionDenied):
        db.write(lambda s: targets.set_basis(s, staff.manager, "orders"))
    with pytest.raises(ValidationError):
        db.write(lambda s: targets.set_basis(s, staff.admin, "profit"))
    for basis, module in (("orders", "orders module"), ("cash", "finance module")):
        db.write(lambda s: targets.set_basis(s, staff.admin, basis))
        assert db.read(targets.get_basis) == basis
        with pytest.raises(ValidationError) as e:
            db.read(lambda s: targets.attainment(s, staff.admin, period="month",
                                                 period_start=Q1))
        assert e.value.field == "targets.basis" and module in e.value.message
        with pytest.raises(ValidationError):
            db.read(lambda s: targets.attainment_trend(s, staff.admin))
    db.write(lambda s: targets.set_basis(s, staff.admin, "won"))
    assert db.read(lambda s: targets.attainment(s, staff.admin, period="month",
                                                period_start=Q1)) != []
