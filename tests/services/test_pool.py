"""The public customer pool on SQLite and PostgreSQL: rules, claim, release, assign, the
sweep with a controlled clock (per level, by no follow-up and by no won deal), idempotence,
history and audit rows, the re-claim block, the claim limit, and the workbench's list."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text, update

from models.base import utcnow
from models.party import Customer
from models.pipeline import Opportunity, OwnershipChange, Stage
from models.system import AuditLog, Setting
from services import customers, pool
from services.customers import CustomerInput
from services.errors import NotFound, PermissionDenied, ValidationError
from services.pool import LevelRule, PoolRules

DAY = dt.timedelta(days=1)
# The controlled clock: tests set the customers' times relative to T and sweep at T — an
# hour ahead, so rows written now (creation, history) are older than anything at T.
T = utcnow().replace(microsecond=0) + dt.timedelta(hours=1)


def create(db, actor, name, **fields):
    data = CustomerInput(name=name, **fields)
    return db.write(lambda s: customers.create_customer(s, actor, data, allow_duplicate=True))


def set_row(db, customer_id, **values):
    db.write(lambda s: s.execute(update(Customer).where(Customer.id == customer_id)
                                 .values(**values)))


def owned(db, actor, name, *, claimed_days_ago, followed_days_ago=None, level=None):
    """A customer of ``actor`` claimed (and last followed up) so many days before T."""
    c = create(db, actor, name, level=level)
    set_row(db, c.id, claimed_at=T - claimed_days_ago * DAY,
            last_follow_up_at=None if followed_days_ago is None else T - followed_days_ago * DAY)
    return c.id


def row(db, customer_id) -> Customer:
    return db.read(lambda s: s.get(Customer, customer_id))


def save_rules(db, actor, rules: PoolRules):
    return db.write(lambda s: pool.save_pool_rules(s, actor, rules))


def sweep(db, now=T):
    return db.write(lambda s: pool.sweep_pool(s, now=now))


def claim(db, actor, customer_id, now=None):
    return db.write(lambda s: pool.claim_customer(s, actor, customer_id, now=now))


def won_deal(db, actor, customer_id, closed_at, state="won"):
    def add(s):
        stage = s.scalar(select(Stage.id).where(Stage.code == ("won" if state == "won"
                                                                 else "initial")))
        s.add(Opportunity(customer_id=customer_id, title="ERP", amount=Decimal("1000"),
                          owner_id=actor.user_id, stage_id=stage, probability=100,
                          state=state, closed_at=closed_at if state != "open" else None))
    db.write(add)


# --------------------------------------------------------------------------- rules

def test_default_rules_follow_the_old_single_setting(db, staff):
    rules = db.read(pool.get_pool_rules)
    assert rules == PoolRules(by_level={}, default=LevelRule(30, None), max_owned=None,
                              reclaim_block_days=7)
    db.write(lambda s: s.add(Setting(key="pool.return_after_days", value=12)))
    assert db.read(pool.get_pool_rules).rule_for("A") == LevelRule(12, None)
    assert db.read(lambda s: customers.pool_return_days(s, "B")) == 12


def test_save_rules_round_trip_permissions_and_validation(db, staff):
    rules = PoolRules(by_level={"A": LevelRule(60, 180), "B": LevelRule(None, 90)},
                      default=LevelRule(30, None), max_owned=50, reclaim_block_days=3)
    assert save_rules(db, staff.manager, rules) == rules
    assert db.read(pool.get_pool_rules) == rules
    assert db.read(pool.get_pool_rules).rule_for("c") == LevelRule(30, None)
    assert db.read(lambda s: customers.pool_return_days(s, "A")) == 60
    assert db.read(lambda s: customers.pool_return_days(s, "B")) is None
    stored = db.read(lambda s: s.get(Setting, "pool.rules").value)
    assert stored["levels"]["A"] == {"no_follow_up_days": 60, "no_deal_days": 180}
    audit = db.read(lambda s: s.scalars(select(AuditLog).where(
        AuditLog.action == "pool.rules")).one())
    assert audit.actor_id == staff.manager.user_id and audit.details["after"]["max_owned"] == 50
    with pytest.raises(PermissionDenied):
        save_rules(db, staff.rep1, rules)
    with pytest.raises(ValidationError) as e:
        save_rules(db, staff.admin, PoolRules(by_level={"Z": LevelRule(1, 1)},
                                              default=LevelRule(0, None), max_owned=0,
                                              reclaim_block_days=-1))
    assert set(e.value.errors) == {"level_Z", "default_no_follow_up_days", "max_owned",
                                   "reclaim_block_days"}
    assert db.read(pool.get_pool_rules) == rules                   # nothing saved


def test_malformed_stored_rules_switch_clocks_off_not_crash(db, staff):
    db.write(lambda s: s.add(Setting(key="pool.rules", value={
        "levels": {"A": {"no_follow_up_days": "abc", "no_deal_days": -3}, "Q": {}},
        "default": "nonsense", "max_owned": "many", "reclaim_block_days": "x"})))
    rules = db.read(pool.get_pool_rules)
    assert rules.by_level == {"A": LevelRule(None, None)}
    assert rules.default == LevelRule(30, None) and rules.max_owned is None
    assert rules.reclaim_block_days == 7


# --------------------------------------------------------------------------- sweep

def test_sweep_by_no_follow_up_per_level(db, staff):
    save_rules(db, staff.admin, PoolRules(by_level={"A": LevelRule(60, None),
                                                    "B": LevelRule(10, None)},
                                          default=LevelRule(30, None)))
    a_old = owned(db, staff.rep1, "A old", level="A", claimed_days_ago=100, followed_days_ago=61)
    a_ok = owned(db, staff.rep1, "A ok", level="A", claimed_days_ago=100, followed_days_ago=59)
    b_old = owned(db, staff.rep1, "B old", level="B", claimed_days_ago=11)
    b_claim = owned(db, staff.rep1, "B recent claim", level="B", claimed_days_ago=5,
                    followed_days_ago=40)              # the later of claim and follow-up counts
    c_old = owned(db, staff.rep2, "C old", level="C", claimed_days_ago=31, followed_days_ago=30)
    none_ok = owned(db, staff.rep2, "No level", claimed_days_ago=25)
    in_pool = create(db, staff.admin, "Already pooled").id
    assert sweep(db) == pool.SweepResult(no_follow_up=3, no_deal=0)
    for cid in (a_old, b_old, c_old):
        r = row(db, cid)
        assert (r.owner_id, r.claimed_at) == (None, None)
        assert r.updated_at == T and r.version_id == 2
    for cid in (a_ok, b_claim, none_ok):
        assert row(db, cid).owner_id is not None
    assert row(db, in_pool).version_id == 1                        # untouched
    # Idempotent: the same clock finds nothing more, and writes nothing more.
    count = lambda model: db.read(lambda s: s.scalar(select(func.count()).select_from(model)))
    before = (count(OwnershipChange), count(AuditLog))
    assert sweep(db) == pool.SweepResult(0, 0)
    assert (count(OwnershipChange), count(AuditLog)) == before
    # A day later the next customer is due.
    assert sweep(db, T + 2 * DAY) == pool.SweepResult(1, 0)
    assert row(db, a_ok).owner_id is None


def test_sweep_history_and_audit_rows(db, staff):
    cid = owned(db, staff.rep1, "Acme", claimed_days_ago=31)
    assert sweep(db).no_follow_up == 1
    history = db.read(lambda s: pool.ownership_history(s, staff.admin, cid))
    assert [(h.reason, h.from_owner_name, h.to_owner_name, h.actor_name) for h in history] == [
        ("sweep_no_follow_up", "张伟", None, None), ("create", None, "张伟", "张伟")]
    assert history[0].at == T and history[0].from_owner_id == staff.rep1.user_id
    entry = db.read(lambda s: s.scalars(select(AuditLog).where(
        AuditLog.entity == "customer", AuditLog.entity_id == cid,
        AuditLog.action == "customer.sweep_no_follow_up")).one())
    assert entry.details == {"version": 2, "before": {"owner_id": staff.rep1.user_id},
                             "after": {"owner_id": None}, "reason": "sweep_no_follow_up"}
    assert entry.at == T and entry.actor_id is None
    # The audit trail feeds the stale-form check like any master-data change.
    changed = db.read(lambda s: customers.changed_since(
        s, "customer", cid, 1, {"owner_id": None, "name": "Acme"}))
    assert changed == ("owner_id",)


def test_sweep_by_no_won_deal_per_level(db, staff):
    save_rules(db, staff.admin, PoolRules(by_level={"A": LevelRule(None, 90)},
                                          default=LevelRule(None, None)))
    fresh = dict(level="A", followed_days_ago=1)
    no_deal = owned(db, staff.rep1, "A no deal", claimed_days_ago=91, **fresh)
    won_after = owned(db, staff.rep1, "A won", claimed_days_ago=91, **fresh)
    won_deal(db, staff.rep1, won_after, T - 50 * DAY)
    won_before = owned(db, staff.rep1, "A won before claim", claimed_days_ago=91, **fresh)
    won_deal(db, staff.rep1, won_before, T - 100 * DAY)            # an earlier owner's deal
    lost = owned(db, staff.rep1, "A lost", claimed_days_ago=91, **fresh)
    won_deal(db, staff.rep1, lost, T - 10 * DAY, state="lost")
    young = owned(db, staff.rep1, "A young", claimed_days_ago=89, **fresh)
    other_level = owned(db, staff.rep1, "B old", level="B", claimed_days_ago=500)
    assert sweep(db) == pool.SweepResult(no_follow_up=0, no_deal=3)
    assert {cid for cid in (no_deal, won_after, won_before, lost, young, other_level)
            if row(db, cid).owner_id is None} == {no_deal, won_before, lost}
    reasons = db.read(lambda s: set(s.scalars(select(OwnershipChange.reason).where(
        OwnershipChange.customer_id == no_deal))))
    assert reasons == {"create", "sweep_no_deal"}
    assert sweep(db) == pool.SweepResult(0, 0)


def test_a_customer_due_by_both_clocks_counts_once(db, staff):
    save_rules(db, staff.admin, PoolRules(default=LevelRule(30, 60)))
    cid = owned(db, staff.rep1, "Both", claimed_days_ago=100)
    assert sweep(db) == pool.SweepResult(no_follow_up=1, no_deal=0)
    assert db.read(lambda s: s.scalar(select(func.count()).where(
        OwnershipChange.customer_id == cid, OwnershipChange.reason.like("sweep%")))) == 1


def test_a_clock_on_for_one_level_only_leaves_the_others_alone(db, staff):
    """The default level's clocks off, level A's on: customers of other or no level are
    never due, however old; the workbench's list and the sweep agree."""
    save_rules(db, staff.admin, PoolRules(by_level={"A": LevelRule(10, 20)},
                                          default=LevelRule(None, None)))
    a_silent = owned(db, staff.rep1, "A silent", level="A", claimed_days_ago=11)
    a_no_deal = owned(db, staff.rep1, "A no deal", level="A", claimed_days_ago=21,
                      followed_days_ago=1)
    a_fresh = owned(db, staff.rep1, "A fresh", level="A", claimed_days_ago=9)
    others = [owned(db, staff.rep1, f"{level or 'No level'} old", level=level,
                    claimed_days_ago=900) for level in ("B", "D", None)]
    listed = db.read(lambda s: pool.due_for_pool(s, staff.admin, within_days=0, now=T))
    assert {(r.customer_id, r.reason) for r in listed} == {(a_silent, "no_follow_up"),
                                                            (a_no_deal, "no_deal")}
    assert sweep(db) == pool.SweepResult(no_follow_up=1, no_deal=1)
    assert [row(db, cid).owner_id is None for cid in (a_silent, a_no_deal, a_fresh, *others)] \
        == [True, True, False, False, False, False]


def test_days_until_pool_follows_the_level_rules(db, staff):
    save_rules(db, staff.admin, PoolRules(by_level={"A": LevelRule(60, 20)},
                                          default=LevelRule(30, None)))
    now = utcnow()
    a = create(db, staff.rep1, "A", level="A")
    set_row(db, a.id, claimed_at=now - 5 * DAY - dt.timedelta(hours=1),
            last_follow_up_at=now - dt.timedelta(hours=1))
    view = lambda cid: db.read(lambda s: customers.customer_360(s, staff.rep1, cid))
    assert view(a.id).days_until_pool == 15                        # the deal clock is sooner
    won_deal(db, staff.rep1, a.id, now - DAY)
    assert view(a.id).days_until_pool == 60                        # won: only follow-ups count
    c = create(db, staff.rep1, "C", level="C")
    assert view(c.id).days_until_pool == 30
    save_rules(db, staff.admin, PoolRules(default=LevelRule(None, None)))
    assert view(c.id).days_until_pool is None                      # does not return


def test_due_for_pool_lists_what_returns_soon_for_the_actor(db, staff):
    save_rules(db, staff.admin, PoolRules(by_level={"A": LevelRule(60, None)},
                                          default=LevelRule(30, 40)))
    soon = owned(db, staff.rep1, "Soon", claimed_days_ago=28)               # 2 days left
    due = owned(db, staff.rep1, "Due", claimed_days_ago=45, followed_days_ago=1)  # no deal
    owned(db, staff.rep1, "Later", claimed_days_ago=20)                     # 10 days left
    owned(db, staff.rep1, "A later", level="A", claimed_days_ago=50)        # 10 days left
    theirs = owned(db, staff.rep3, "West soon", claimed_days_ago=29)
    rows = db.read(lambda s: pool.due_for_pool(s, staff.rep1, within_days=3, now=T))
    assert [(r.customer_id, r.days_left, r.reason) for r in rows] == [
        (due, 0, "no_deal"), (soon, 2, "no_follow_up")]
    assert rows[1].owner_name == "张伟" and rows[1].code.startswith("C-")
    manager = db.read(lambda s: pool.due_for_pool(s, staff.manager, within_days=3, now=T))
    assert {r.customer_id for r in manager} == {soon, due}           # team East only
    admin = db.read(lambda s: pool.due_for_pool(s, staff.admin, within_days=3, now=T))
    assert {r.customer_id for r in admin} == {soon, due, theirs}
    assert db.read(lambda s: pool.due_for_pool(s, staff.finance, now=T)) == []
    # What due_for_pool says is due now is exactly what the sweep takes.
    assert sweep(db).total == 1 and row(db, due).owner_id is None


# --------------------------------------------------------------------------- claim/release

def test_claim_and_refusals(db, staff):
    c = create(db, staff.admin, "Pool Co")
    got = claim(db, staff.rep1, c.id)
    assert (got.owner_id, got.owner_name, got.version_id) == (staff.rep1.user_id, "张伟", 2)
    assert got.claimed_at is not None and got.can_edit
    with pytest.raises(pool.AlreadyClaimed, match=r"^Customer C-000001 was already claimed "
                                                  r"by 张伟\.$"):
        claim(db, staff.rep2, c.id)
    with pytest.raises(pool.AlreadyClaimed, match="already yours"):
        claim(db, staff.rep1, c.id)
    with pytest.raises(PermissionDenied):
        claim(db, staff.finance, c.id)
    with pytest.raises(NotFound):
        claim(db, staff.rep1, 999999)
    keep, gone = create(db, staff.admin, "Keep"), create(db, staff.admin, "Gone")
    db.write(lambda s: customers.merge_customers(s, staff.admin, keep_id=keep.id,
                                                 merge_id=gone.id))
    with pytest.raises(ValidationError, match="merged into"):
        claim(db, staff.rep1, gone.id)
    history = db.read(lambda s: pool.ownership_history(s, staff.rep1, c.id))
    assert [(h.reason, h.to_owner_name, h.actor_name) for h in history] == [
        ("claim", "张伟", "张伟")]
    entry = db.read(lambda s: s.scalars(select(AuditLog).where(
        AuditLog.action == "customer.claim")).one())
    assert entry.details["before"] == {"owner_id": None} and entry.details["version"] == 2


def test_release_permissions_and_history(db, staff):
    c = create(db, staff.rep1, "Mine")
    with pytest.raises(NotFound):                                   # not visible to rep2
        db.write(lambda s: pool.release_customer(s, staff.rep2, c.id))
    with pytest.raises(PermissionDenied):
        db.write(lambda s: pool.release_customer(s, staff.warehouse, c.id))
    with pytest.raises(ValidationError, match="too long"):
        db.write(lambda s: pool.release_customer(s, staff.rep1, c.id, note="x" * 201))
    out = db.write(lambda s: pool.release_customer(s, staff.rep1, c.id, note=" 没预算 "))
    assert (out.owner_id, out.claimed_at, out.version_id) == (None, None, 2)
    with pytest.raises(ValidationError, match="already in the public pool"):
        db.write(lambda s: pool.release_customer(s, staff.rep1, c.id))
    team = create(db, staff.rep2, "Team's")
    assert db.write(lambda s: pool.release_customer(s, staff.manager, team.id)).owner_id is None
    history = db.read(lambda s: pool.ownership_history(s, staff.rep1, c.id))
    assert [(h.reason, h.from_owner_name, h.to_owner_name, h.note) for h in history] == [
        ("release", "张伟", None, "没预算"), ("create", None, "张伟", None)]
    with pytest.raises(NotFound):
        db.read(lambda s: pool.ownership_history(s, staff.rep3, team.id + 1000))


def test_form_owner_changes_are_history_too(db, staff):
    c = create(db, staff.rep1, "Form")
    form = CustomerInput(name="Form", to_pool=True)
    db.write(lambda s: customers.update_customer(s, staff.rep1, c.id, form, expected_version=1))
    history = db.read(lambda s: pool.ownership_history(s, staff.admin, c.id))
    assert [h.reason for h in history] == ["release", "create"]
    db.write(lambda s: customers.update_customer(
        s, staff.manager, c.id, CustomerInput(name="Form", owner_id=staff.rep2.user_id),
        expected_version=2))
    history = db.read(lambda s: pool.ownership_history(s, staff.admin, c.id))
    assert (history[0].reason, history[0].to_owner_name, history[0].actor_name) == (
        "assign", "李娜", "王经理")
    assert create(db, staff.admin, "Pooled") and db.read(lambda s: s.scalar(
        select(func.count()).select_from(OwnershipChange))) == 3    # a pool create: no row


def test_form_owner_changes_follow_the_pool_rules(db, staff):
    save_rules(db, staff.admin, PoolRules(max_owned=1, reclaim_block_days=7))
    own = create(db, staff.rep1, "Own")                # creating is not limited
    pooled = create(db, staff.admin, "Pooled")
    take = lambda c, v: db.write(lambda s: customers.update_customer(
        s, staff.rep1, c.id, CustomerInput(name=c.name, owner_id=staff.rep1.user_id),
        expected_version=v))
    with pytest.raises(pool.ClaimLimitReached):
        take(pooled, 1)
    db.write(lambda s: customers.update_customer(
        s, staff.rep1, own.id, CustomerInput(name="Own", to_pool=True), expected_version=1))
    with pytest.raises(pool.ReclaimBlocked):
        take(own, 2)
    assert take(pooled, 1).owner_id == staff.rep1.user_id
    history = db.read(lambda s: pool.ownership_history(s, staff.rep1, pooled.id))
    assert [(h.reason, h.to_owner_name) for h in history] == [("claim", "张伟")]


def test_reclaim_block_after_release_and_after_the_sweep(db, staff):
    save_rules(db, staff.admin, PoolRules(default=LevelRule(30, None), reclaim_block_days=5))
    c = create(db, staff.admin, "Bounce")
    claim(db, staff.rep1, c.id, now=T)
    db.write(lambda s: pool.release_customer(s, staff.rep1, c.id, now=T))
    with pytest.raises(pool.ReclaimBlocked, match=r"less than 5 days ago; you can claim it "
                                                  r"again in 3 days\.$"):
        claim(db, staff.rep1, c.id, now=T + 2 * DAY)
    assert claim(db, staff.rep1, c.id, now=T + 5 * DAY).owner_id == staff.rep1.user_id
    # Lost to the sweep: blocked the same way; a colleague may claim at once.
    assert sweep(db, T + 40 * DAY).no_follow_up == 1
    with pytest.raises(pool.ReclaimBlocked):
        claim(db, staff.rep1, c.id, now=T + 41 * DAY)
    assert claim(db, staff.rep2, c.id, now=T + 41 * DAY).owner_name == "李娜"
    # A manager may hand it back to the blocked rep.
    back = db.write(lambda s: pool.assign_customer(s, staff.manager, c.id, staff.rep1.user_id,
                                                   now=T + 42 * DAY))
    assert back.owner_id == staff.rep1.user_id
    # Without a block, release and claim again at once.
    save_rules(db, staff.admin, PoolRules(reclaim_block_days=0))
    db.write(lambda s: pool.release_customer(s, staff.rep1, c.id, now=T + 43 * DAY))
    assert claim(db, staff.rep1, c.id, now=T + 43 * DAY).owner_id == staff.rep1.user_id


def test_claim_limit(db, staff):
    save_rules(db, staff.admin, PoolRules(max_owned=2, reclaim_block_days=0))
    create(db, staff.rep1, "Own 1")
    pooled = [create(db, staff.admin, f"Pool {i}").id for i in range(3)]
    claim(db, staff.rep1, pooled[0])
    with pytest.raises(pool.ClaimLimitReached, match=r"^You own 2 customers, the most allowed "
                                                     r"is 2; release one"):
        claim(db, staff.rep1, pooled[1])
    assert row(db, pooled[1]).owner_id is None
    db.write(lambda s: pool.release_customer(s, staff.rep1, pooled[0]))
    claim(db, staff.rep1, pooled[1])
    with pytest.raises(pool.ClaimLimitReached, match=r"^张伟 owns 2 customers"):
        db.write(lambda s: pool.assign_customer(s, staff.manager, pooled[2],
                                                staff.rep1.user_id))
    assert db.read(lambda s: pool.owned_count(s, staff.rep1.user_id)) == 2


def test_assign_permissions(db, staff):
    c = create(db, staff.admin, "Assign me")
    with pytest.raises(PermissionDenied):
        db.write(lambda s: pool.assign_customer(s, staff.rep1, c.id, staff.rep1.user_id))
    with pytest.raises(PermissionDenied, match="members of your team"):
        db.write(lambda s: pool.assign_customer(s, staff.manager, c.id, staff.rep3.user_id))
    with pytest.raises(ValidationError, match="cannot own customers"):
        db.write(lambda s: pool.assign_customer(s, staff.admin, c.id, staff.finance.user_id))
    got = db.write(lambda s: pool.assign_customer(s, staff.manager, c.id, staff.rep1.user_id,
                                                  note="大客户"))
    assert (got.owner_name, got.version_id) == ("张伟", 2)
    with pytest.raises(ValidationError, match="already belongs to 张伟"):
        db.write(lambda s: pool.assign_customer(s, staff.manager, c.id, staff.rep1.user_id))
    # Within the team, from one rep to another.
    assert db.write(lambda s: pool.assign_customer(
        s, staff.manager, c.id, staff.rep2.user_id)).owner_name == "李娜"
    west = create(db, staff.rep3, "West customer")
    with pytest.raises(NotFound):                                   # not the manager's team
        db.write(lambda s: pool.assign_customer(s, staff.manager, west.id, staff.rep1.user_id))
    assert db.write(lambda s: pool.assign_customer(
        s, staff.admin, west.id, staff.rep1.user_id)).owner_name == "张伟"
    history = db.read(lambda s: pool.ownership_history(s, staff.admin, c.id))
    assert [(h.reason, h.from_owner_name, h.to_owner_name, h.actor_name, h.note)
            for h in history] == [("assign", "张伟", "李娜", "王经理", None),
                                  ("assign", None, "张伟", "王经理", "大客户")]


# --------------------------------------------------------------------------- automatic sweep

def test_sweep_due_runs_at_most_once_per_interval(db, staff):
    owned(db, staff.rep1, "Old", claimed_days_ago=31)
    assert db.write(lambda s: pool.sweep_due(s, now=T)) == pool.SweepResult(1, 0)
    stored = db.read(lambda s: s.get(Setting, "pool.last_sweep_at").value)
    assert dt.datetime.fromisoformat(stored) == T
    owned(db, staff.rep1, "Old 2", claimed_days_ago=31)
    assert db.write(lambda s: pool.sweep_due(s, now=T + dt.timedelta(minutes=59))) is None
    assert db.write(lambda s: pool.sweep_due(s, now=T + dt.timedelta(minutes=61))) == \
        pool.SweepResult(1, 0)
    # The scheduled task's sweep counts as a sweep too.
    sweep(db, T + DAY)
    assert db.write(lambda s: pool.sweep_due(s, now=T + DAY + dt.timedelta(minutes=10))) is None


def test_sweep_lifts_the_interactive_statement_limit_on_postgresql(pg_db):
    """A first sweep after the rules are tightened may run longer than the client's 60 s
    statement limit; the sweep's own transaction allows 30 minutes."""
    with pg_db.session() as s:
        assert s.execute(text("SHOW statement_timeout")).scalar() == "1min"
        pool.sweep_pool(s, now=T)
        assert s.execute(text("SHOW statement_timeout")).scalar() == "30min"
