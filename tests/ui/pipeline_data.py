"""A small sales organisation with Chinese data for the pipeline screens' tests and
screenshots: staff, customers, opportunities spread over the stages (created and moved at
chosen instants), follow-ups with next dates, and targets — all through the real services.

    staff = make_staff(db)
    world = seed_pipeline(db, staff, today=date.today())
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from app.db import Database
from services import customers, targets
from tests.helpers.org import Staff
from tests.helpers.pipeline import make_customer, make_opportunity, move

COMPANIES = ("深圳华星电子有限公司", "上海远航贸易有限公司", "北京东方软件有限公司",
             "广州宏达机械有限公司", "杭州新源科技有限公司", "成都腾飞电子有限公司",
             "苏州星辰精密制造有限公司", "南京长江物流有限公司", "武汉光谷仪器有限公司",
             "厦门海湾食品有限公司", "青岛蓝海化工有限公司", "天津北方重工有限公司")
TITLES = ("ERP 升级项目", "年度采购框架协议", "仓储系统改造", "CRM 实施", "生产线自动化",
          "质检设备采购", "物流管理平台", "财务共享中心", "门店收银系统", "数据中心扩容",
          "安防监控项目", "办公设备更新")
# (stage path, amount) — where each opportunity goes after it is created.
PATHS = (
    (("initial",), "80000"), (("initial",), "45000"), (("initial",), "120000"),
    (("initial", "needs"), "260000"), (("initial", "needs"), "98000"),
    (("initial", "needs", "proposal"), "350000"), (("initial", "needs", "proposal"), "180000"),
    (("initial", "needs", "proposal", "negotiation"), "520000"),
    (("initial", "needs", "proposal", "negotiation"), "230000"),
    (("initial", "needs", "proposal", "negotiation", "won"), "410000"),
    (("initial", "needs", "proposal", "won"), "150000"),
    (("initial", "needs", "lost"), "90000"), (("initial", "lost"), "60000"),
    (("initial", "needs", "proposal", "negotiation", "won"), "680000"),
)


@dataclass
class PipelineWorld:
    customers: list = field(default_factory=list)          # CustomerDetail
    opportunities: list = field(default_factory=list)      # OpportunityInfo (latest)
    created_at: dt.datetime | None = None


def month_end(day: dt.date) -> dt.date:
    nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def seed_pipeline(db: Database, staff: Staff, *, today: dt.date,
                  opportunities: int = len(PATHS)) -> PipelineWorld:
    """Customers of rep1, rep2 and rep3 and ``opportunities`` opportunities created four
    days before ``today`` (so any period that contains today holds them) and moved one
    stage every few hours; expected close dates within ``today``'s month and the next
    ones."""
    world = PipelineWorld()
    reps = (staff.rep1, staff.rep2, staff.rep3)
    for i, name in enumerate(COMPANIES):
        rep = reps[i % 3]
        world.customers.append(make_customer(db, rep, name, level="ABCD"[i % 4],
                                             region=("华南", "华东", "华北", "西南")[i % 4],
                                             phone=f"1380013{i:04d}"))
    start = dt.datetime.combine(today - dt.timedelta(days=4), dt.time(9, 0)).astimezone(
        dt.timezone.utc)
    world.created_at = start
    last_day = month_end(today)
    for i, (path, amount) in enumerate(PATHS[:opportunities]):
        customer = world.customers[i % len(world.customers)]
        rep = reps[(i % len(world.customers)) % 3]
        close = min(today + dt.timedelta(days=3 + 9 * i), last_day) if i % 3 == 0 else (
            today + dt.timedelta(days=20 * i))
        opp = make_opportunity(db, rep, customer.id, title=TITLES[i % len(TITLES)],
                               amount=amount, stage=path[0], now=start + dt.timedelta(minutes=i),
                               expected_close_on=close)
        when = start + dt.timedelta(minutes=i)
        for n, code in enumerate(path[1:], start=1):
            when = when + dt.timedelta(hours=3 + 2 * n + i % 4)
            opp = move(db, rep, opp.id, code, now=when,
                       lost_reason="价格超出预算" if code == "lost" else None)
        world.opportunities.append(opp)
    return world


def seed_follow_ups(db: Database, staff: Staff, world: PipelineWorld, *,
                    today: dt.date) -> None:
    """Follow-ups logged now by the customers' owners: two with a next date before
    ``today + 3`` and one on it (see ``workbench_day``)."""
    plans = ((0, 1, "电话沟通了报价，客户需要内部审批"), (3, 2, "拜访客户，演示了新版本"),
             (1, 3, "微信确认了交付时间"))
    reps = {c.id: c.owner_id for c in world.customers}
    actors = {a.user_id: a for a in (staff.rep1, staff.rep2, staff.rep3)}
    for index, days, notes in plans:
        customer = world.customers[index]
        actor = actors[reps[customer.id]]
        db.write(lambda s, c=customer, a=actor, d=days, n=notes: customers.log_follow_up(
            s, a, c.id, kind="call", notes=n, next_follow_up_on=today + dt.timedelta(days=d)))


def workbench_day(today: dt.date) -> dt.date:
    """The day on which ``seed_follow_ups``' first two follow-ups are overdue and the
    third is due."""
    return today + dt.timedelta(days=3)


def seed_targets(db: Database, staff: Staff, *, month: dt.date) -> None:
    amounts = {staff.rep1.user_id: "500000", staff.rep2.user_id: "400000",
               staff.rep3.user_id: "300000"}

    def build(s):
        for uid, amount in amounts.items():
            targets.set_target(s, staff.admin, period="month", period_start=month,
                               amount=Decimal(amount), user_id=uid)
        for team_id in {staff.rep1.team_id, staff.rep3.team_id}:
            targets.set_target(s, staff.admin, period="month", period_start=month,
                               amount=Decimal("1000000"), team_id=team_id)
    db.write(build)
