"""Opportunities: stage moves with their history under a controlled clock, won/lost/reopen,
commit, optimistic locking, permissions, lists, the board and the 360° view. Every test
runs on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from decimal import Decimal

import pytest
from sqlalchemy import event, insert, select

from models.pipeline import Opportunity, StageHistory
from models.system import AuditLog
from services import customers, opportunities as opps
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.opportunities import OpportunityFilter, OpportunityInput
from services.stages import save_stage
from tests.helpers.pipeline import make_customer, make_opportunity, move, stage_ids

T0 = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc)


def days(n: float) -> dt.datetime:
    return T0 + dt.timedelta(days=n)


def history(db, actor, opp_id):
    return db.read(lambda s: opps.stage_history(s, actor, opp_id))


def get(db, actor, opp_id):
    return db.read(lambda s: opps.get_opportunity(s, actor, opp_id))


def audit_actions(db, opp_id):
    return db.read(lambda s: list(s.scalars(
        select(AuditLog.action).where(AuditLog.entity == "opportunity",
                                      AuditLog.entity_id == opp_id).order_by(AuditLog.id))))


def update(db, actor, opp, **changes):
    base = dict(customer_id=opp.customer_id, title=opp.title, amount=opp.amount,
                expected_close_on=opp.expected_close_on,
                products_of_interest=opp.products_of_interest, notes=opp.notes)
    base.update(changes)
    version = changes.pop("expected_version", None) or opp.version_id
    base.pop("expected_version", None)
    return db.write(lambda s: opps.update_opportunity(s, actor, opp.id, OpportunityInput(**base),
                                                      expected_version=version))


# --------------------------------------------------------------------------- stages and history

def test_stage_history_records_entered_and_left_under_a_controlled_clock(db, staff):
    o = make_opportunity(db, staff.rep1, amount="120000.50", now=T0,
                         expected_close_on=dt.date(2026, 2, 28))
    assert (o.stage_code, o.state, o.probability, o.closed_at) == ("initial", "open", 10, None)
    assert o.amount == Decimal("120000.50") and o.created_at == T0
    o = move(db, staff.rep1, o.id, "needs", now=days(2))
    assert (o.stage_code, o.probability) == ("needs", 30)
    o = move(db, staff.rep1, o.id, "proposal", now=days(5.5))
    o = move(db, staff.rep1, o.id, "won", now=days(9))
    assert (o.state, o.probability, o.closed_at) == ("won", 100, days(9))

    rows = history(db, staff.rep1, o.id)
    assert [(r.stage_code, r.entered_at, r.left_at) for r in rows] == [
        ("initial", T0, days(2)), ("needs", days(2), days(5.5)),
        ("proposal", days(5.5), days(9)), ("won", days(9), None)]
    assert {r.user_name for r in rows} == {"张伟"}
    # Exactly one open history row per opportunity, in the database too.
    open_rows = db.read(lambda s: s.scalars(select(StageHistory.stage_id).where(
        StageHistory.opportunity_id == o.id, StageHistory.left_at.is_(None))).all())
    assert open_rows == [stage_ids(db)["won"]]
    assert audit_actions(db, o.id) == ["opportunity.create"] + ["opportunity.stage"] * 3


def test_moving_to_the_current_stage_changes_nothing(db, staff):
    o = make_opportunity(db, staff.rep1, now=T0)
    same = move(db, staff.rep1, o.id, "initial", now=days(1))
    assert same.version_id == o.version_id and len(history(db, staff.rep1, o.id)) == 1


def test_lost_needs_a_reason_and_records_it(db, staff):
    o = make_opportunity(db, staff.rep1, now=T0)
    with pytest.raises(ValidationError) as e:
        move(db, staff.rep1, o.id, "lost", now=days(1), lost_reason="  ")
    assert e.value.field == "lost_reason"
    assert get(db, staff.rep1, o.id).state == "open"          # nothing half-done
    assert len(history(db, staff.rep1, o.id)) == 1
    o = move(db, staff.rep1, o.id, "lost", now=days(3), lost_reason="价格太高 price")
    assert (o.state, o.probability, o.closed_at, o.lost_reason) == (
        "lost", 0, days(3), "价格太高 price")


def test_reopening_a_closed_opportunity_is_for_managers(db, staff):
    o = make_opportunity(db, staff.rep1, now=T0)
    o = move(db, staff.rep1, o.id, "lost", now=days(1), lost_reason="budget cut")
    with pytest.raises(PermissionDenied):
        move(db, staff.rep1, o.id, "negotiation", now=days(2))
    with pytest.raises(PermissionDenied):                      # nor edit it
        update(db, staff.rep1, o, amount=Decimal("1"))
    o = move(db, staff.manager, o.id, "negotiation", now=days(4))
    assert (o.state, o.closed_at, o.lost_reason, o.probability) == ("open", None, None, 70)
    assert [(r.stage_code, r.left_at) for r in history(db, staff.rep1, o.id)] == [
        ("initial", days(1)), ("lost", days(4)), ("negotiation", None)]
    # Won → lost directly is a change of a closed result too.
    o = move(db, staff.rep1, o.id, "won", now=days(5))
    with pytest.raises(PermissionDenied):
        move(db, staff.rep1, o.id, "lost", lost_reason="changed mind", now=days(6))
    o = move(db, staff.admin, o.id, "lost", lost_reason="contract withdrawn", now=days(6))
    assert (o.state, o.closed_at) == ("lost", days(6))


def test_creating_in_a_closed_stage_closes_it_at_creation(db, staff):
    with pytest.raises(ValidationError) as e:
        make_opportunity(db, staff.rep1, stage="lost", now=T0)
    assert e.value.field == "lost_reason"
    o = make_opportunity(db, staff.rep1, stage="won", now=T0, probability=40)
    assert (o.state, o.closed_at, o.probability) == ("won", T0, 100)
    assert [(r.stage_code, r.entered_at) for r in history(db, staff.rep1, o.id)] == [("won", T0)]


def test_probability_defaults_from_the_stage_and_may_be_set_while_open(db, staff):
    o = make_opportunity(db, staff.rep1, stage="proposal", probability=65)
    assert o.probability == 65
    o = update(db, staff.rep1, o, probability=55)
    assert o.probability == 55
    o = move(db, staff.rep1, o.id, "negotiation")
    assert o.probability == 70                                  # the new stage's default


def test_update_with_a_stage_moves_it_like_move_stage(db, staff):
    ids = stage_ids(db)
    o = make_opportunity(db, staff.rep1, now=T0)
    o = update(db, staff.rep1, o, stage_id=ids["proposal"], title="ERP 二期", amount=Decimal("9"))
    assert (o.stage_code, o.probability, o.title, o.amount) == ("proposal", 50, "ERP 二期",
                                                                Decimal("9.00"))
    assert o.version_id == 2                                    # one write
    assert [r.stage_code for r in history(db, staff.rep1, o.id)] == ["initial", "proposal"]
    with pytest.raises(ValidationError) as e:
        update(db, staff.rep1, o, stage_id=ids["lost"])
    assert e.value.field == "lost_reason"
    o = update(db, staff.rep1, o, stage_id=ids["lost"], lost_reason="went with a rival")
    assert (o.state, o.lost_reason) == ("lost", "went with a rival")


# --------------------------------------------------------------------------- validation

def test_validation_reports_every_field(db, staff):
    c = make_customer(db, staff.rep1)
    ids = stage_ids(db)
    data = OpportunityInput(customer_id=c.id, title="  ", amount=Decimal("-1"),
                            probability=120, expected_close_on=dt.datetime(2026, 1, 1))
    with pytest.raises(ValidationError) as e:
        db.write(lambda s: opps.create_opportunity(s, staff.rep1, data))
    assert set(e.value.errors) == {"title", "amount", "probability", "expected_close_on"}
    for amount, message in ((1.5, "not a floating-point"), (Decimal("1.005"), "two decimals"),
                            ("abc", "not a number"), (None, "required"),
                            (Decimal("1e15"), "too large")):
        data = OpportunityInput(customer_id=c.id, title="x", amount=amount)
        with pytest.raises(ValidationError) as e:
            db.write(lambda s: opps.create_opportunity(s, staff.rep1, data))
        assert message in e.value.errors["amount"]
    inactive = db.write(lambda s: save_stage(
        s, staff.admin, stage_id=ids["needs"], code="needs", name_en="Needs confirmed",
        name_zh="需求确认", position=20, probability=30, active=False))
    assert not inactive.active
    data = OpportunityInput(customer_id=c.id, title="x", amount=Decimal("0"),
                            stage_id=ids["needs"])
    with pytest.raises(ValidationError) as e:
        db.write(lambda s: opps.create_opportunity(s, staff.rep1, data))
    assert "no longer in use" in e.value.errors["stage_id"]
    assert db.read(lambda s: s.scalar(select(Opportunity.id))) is None


# --------------------------------------------------------------------------- permissions

def test_visibility_reps_own_managers_team_admin_all(db, staff):
    o1 = make_opportunity(db, staff.rep1, title="East deal")
    o3 = make_opportunity(db, staff.rep3, title="West deal")
    for actor in (staff.rep2, staff.finance, staff.warehouse):
        with pytest.raises(NotFound):
            get(db, actor, o1.id)
        with pytest.raises(NotFound):
            history(db, actor, o1.id)
    with pytest.raises(NotFound):
        move(db, staff.rep2, o1.id, "needs")
    assert get(db, staff.manager, o1.id).title == "East deal"
    with pytest.raises(NotFound):
        get(db, staff.manager, o3.id)
    assert {get(db, staff.admin, i).id for i in (o1.id, o3.id)} == {o1.id, o3.id}

    def titles(actor, **kw):
        page = db.read(lambda s: opps.list_opportunities(s, actor, OpportunityFilter(**kw)))
        return sorted(r.title for r in page.rows)
    assert titles(staff.rep1) == ["East deal"]
    assert titles(staff.rep2) == []
    assert titles(staff.manager) == ["East deal"]
    assert titles(staff.manager, scope="mine") == []
    assert titles(staff.admin) == ["East deal", "West deal"]
    assert titles(staff.finance) == []
    # The manager edits the team's opportunity.
    assert move(db, staff.manager, o1.id, "needs").stage_code == "needs"


def test_who_may_open_an_opportunity_on_which_customer_and_for_whom(db, staff):
    mine = make_customer(db, staff.rep1, "甲公司")
    theirs = make_customer(db, staff.rep2, "乙公司")
    pool = make_customer(db, staff.manager, "丙公司")          # a manager's goes to the pool
    assert pool.owner_id is None

    def create(actor, customer_id, **kw):
        data = OpportunityInput(customer_id=customer_id, title="deal", amount=Decimal("1"), **kw)
        return db.write(lambda s: opps.create_opportunity(s, actor, data))
    with pytest.raises(NotFound):
        create(staff.rep1, theirs.id)
    with pytest.raises(PermissionDenied, match="claim"):
        create(staff.rep1, pool.id)
    with pytest.raises(PermissionDenied):
        create(staff.finance, mine.id)
    with pytest.raises(PermissionDenied):
        create(staff.rep1, mine.id, owner_id=staff.rep2.user_id)
    assert create(staff.rep1, mine.id).owner_id == staff.rep1.user_id
    assert create(staff.manager, mine.id, owner_id=staff.rep2.user_id).owner_id == staff.rep2.user_id
    with pytest.raises(PermissionDenied):
        create(staff.manager, mine.id, owner_id=staff.rep3.user_id)
    assert create(staff.manager, pool.id).owner_id == staff.manager.user_id
    # An admin's opportunity goes to the customer's owner.
    assert create(staff.admin, theirs.id).owner_id == staff.rep2.user_id
    with pytest.raises(ValidationError):
        create(staff.admin, mine.id, owner_id=staff.finance.user_id)


def test_commit_flag_is_manager_marked_on_open_opportunities(db, staff):
    o = make_opportunity(db, staff.rep1)
    with pytest.raises(PermissionDenied):
        db.write(lambda s: opps.set_commit(s, staff.rep1, o.id, True))
    o2 = db.write(lambda s: opps.set_commit(s, staff.manager, o.id, True))
    assert o2.is_commit and o2.version_id == o.version_id + 1
    assert db.write(lambda s: opps.set_commit(s, staff.manager, o.id, True)).version_id == \
        o2.version_id                                           # no change, no write
    o3 = make_opportunity(db, staff.rep3)
    with pytest.raises(NotFound):
        db.write(lambda s: opps.set_commit(s, staff.manager, o3.id, True))
    won = move(db, staff.rep1, make_opportunity(db, staff.rep1).id, "won")
    with pytest.raises(ValidationError):
        db.write(lambda s: opps.set_commit(s, staff.admin, won.id, True))
    assert "opportunity.commit" in audit_actions(db, o.id)


# --------------------------------------------------------------------------- optimistic locking

def test_stale_edits_are_conflicts_naming_what_changed(db, staff):
    o = make_opportunity(db, staff.rep1, amount="100")
    update(db, staff.manager, o, amount=Decimal("250"))
    with pytest.raises(Conflict) as e:
        update(db, staff.rep1, o, title="my edit")
    assert e.value.changed == ("amount",)
    assert e.value.current.amount == Decimal("250.00")
    with pytest.raises(Conflict) as e:
        move(db, staff.rep1, o.id, "needs", expected_version=o.version_id)
    assert get(db, staff.rep1, o.id).title == "ERP 项目"
    fresh = get(db, staff.rep1, o.id)
    assert move(db, staff.rep1, o.id, "needs",
                expected_version=fresh.version_id).stage_code == "needs"
    # Unchanged form: no write, no audit entry.
    now = get(db, staff.rep1, o.id)
    assert update(db, staff.rep1, now).version_id == now.version_id
    assert audit_actions(db, o.id) == ["opportunity.create", "opportunity.update",
                                       "opportunity.stage"]


# --------------------------------------------------------------------------- lists and board

def test_list_filters_and_keyset_pages(db, staff):
    c = make_customer(db, staff.rep1, "深圳华强电子")
    other = make_customer(db, staff.rep1, "Acme Trading")
    made = [make_opportunity(db, staff.rep1, c.id, title=f"项目{i}", amount=str(100 * i),
                             expected_close_on=dt.date(2026, 1 + i, 1)) for i in range(1, 6)]
    make_opportunity(db, staff.rep1, other.id, title="Widgets")
    move(db, staff.rep1, made[0].id, "won")
    seen, after = [], None
    while True:
        page = db.read(lambda s: opps.list_opportunities(
            s, staff.rep1, OpportunityFilter(customer_id=c.id), after=after, limit=2))
        seen += [r.id for r in page.rows]
        if page.next_key is None:
            break
        after = page.next_key
    assert seen == sorted((m.id for m in made), reverse=True)

    def ids(**kw):
        return {r.title for r in db.read(lambda s: opps.list_opportunities(
            s, staff.rep1, OpportunityFilter(**kw))).rows}
    assert ids(text="华强") == {f"项目{i}" for i in range(1, 6)}
    assert ids(text="widg") == {"Widgets"}
    assert ids(state="won") == {"项目1"}
    assert ids(close_from=dt.date(2026, 3, 1), close_to=dt.date(2026, 4, 30)) == {"项目2", "项目3"}
    assert ids(team_id=staff.rep1.team_id, stage_id=stage_ids(db)["won"]) == {"项目1"}
    assert ids(owner_id=staff.rep2.user_id) == set()
    with pytest.raises(ValidationError):
        ids(scope="everything")


@contextmanager
def counting_statements(engine):
    statements: list[str] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


def test_board_counts_and_sums_every_card_but_shows_the_biggest(db, staff):
    ids = stage_ids(db)
    c = make_customer(db, staff.rep1)
    for amount in ("500", "1500.25", "1000"):
        make_opportunity(db, staff.rep1, c.id, amount=amount, stage="proposal")
    make_opportunity(db, staff.rep1, c.id, amount="7", stage="initial")
    make_opportunity(db, staff.rep3, amount="99999", stage="proposal")    # West: not visible
    with counting_statements(db.engine) as statements:
        columns = db.read(lambda s: opps.board(s, staff.manager, OpportunityFilter(),
                                               per_stage_limit=2))
    assert len(statements) <= 5
    by_code = {col.stage.code: col for col in columns}
    assert list(by_code) == ["initial", "needs", "proposal", "negotiation", "won", "lost"]
    p = by_code["proposal"]
    assert (p.count, p.amount) == (3, Decimal("3000.25"))
    assert [x.amount for x in p.cards] == [Decimal("1500.25"), Decimal("1000.00")]
    assert (by_code["initial"].count, by_code["needs"].count, by_code["needs"].cards) == (1, 0, ())
    admin_board = db.read(lambda s: opps.board(s, staff.admin, OpportunityFilter(
        stage_id=ids["proposal"])))
    assert {col.stage.code: col.count for col in admin_board}["proposal"] == 4
    assert sum(col.count for col in admin_board) == 4
    text_board = db.read(lambda s: opps.board(s, staff.admin, OpportunityFilter(text="华为")))
    assert sum(col.count for col in text_board) == 4


def test_board_shows_an_inactive_stage_while_it_holds_opportunities(db, staff):
    ids = stage_ids(db)
    o = make_opportunity(db, staff.rep1, stage="needs")
    db.write(lambda s: save_stage(s, staff.admin, stage_id=ids["needs"], code="needs",
                                  name_en="Needs confirmed", name_zh="需求确认", position=20,
                                  probability=30, active=False))

    def codes():
        return [col.stage.code for col in db.read(lambda s: opps.board(
            s, staff.rep1, OpportunityFilter()))]
    assert "needs" in codes()
    move(db, staff.rep1, o.id, "proposal")
    assert "needs" not in codes()


# --------------------------------------------------------------------------- 360° and merge

def test_360_lists_opportunities_in_a_fixed_number_of_queries(db, staff):
    one = make_customer(db, staff.rep1, "One")
    many = make_customer(db, staff.rep1, "Many")
    make_opportunity(db, staff.rep1, one.id, title="only")
    ids = stage_ids(db)
    # 50 rows in bulk (the view reads them exactly as created ones), one of them rep2's.
    db.write(lambda s: s.execute(insert(Opportunity), [
        {"customer_id": many.id, "title": f"商机{i}", "amount": Decimal(i), "owner_id":
         staff.rep2.user_id if i == 0 else staff.rep1.user_id, "stage_id": ids["initial"],
         "probability": 10, "state": "open", "is_commit": False, "created_at": T0,
         "updated_at": T0} for i in range(50)]))
    for actor, expected in ((staff.rep1, 49), (staff.manager, 50)):
        counts = []
        for c, n in ((one, 1), (many, expected)):
            with counting_statements(db.engine) as statements:
                view = db.read(lambda s: customers.customer_360(s, actor, c.id))
            counts.append(len(statements))
            assert len(view.opportunities) == n
        assert counts[0] == counts[1], (actor.login, counts)
    view = db.read(lambda s: customers.customer_360(s, staff.rep1, one.id))
    assert view.opportunities[0].title == "only" and view.opportunities[0].customer_name == "One"


def test_opportunities_follow_a_merged_customer(db, staff):
    keep = make_customer(db, staff.rep1, "Keep Co")
    gone = make_customer(db, staff.rep1, "Gone Co")
    o = make_opportunity(db, staff.rep1, gone.id)
    db.write(lambda s: customers.merge_customers(s, staff.rep1, keep_id=keep.id,
                                                 merge_id=gone.id))
    assert get(db, staff.rep1, o.id).customer_id == keep.id
