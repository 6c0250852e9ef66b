"""Around a customer: contacts, follow-ups, merging, and the 360° view (with its query
count). Every test runs on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest
from sqlalchemy import event, func, insert, select, update

from models.base import utcnow
from models.crm import Activity
from models.party import Contact, Customer, CustomerSearchToken
from models.system import AuditLog, Setting
from services import customers, org
from services import pool as pool_service
from services.customers import ContactInput, CustomerDetail, CustomerInput
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError



def create(db, actor, name, **fields) -> CustomerDetail:
    data = CustomerInput(name=name, **fields)
    return db.write(lambda s: customers.create_customer(s, actor, data, allow_duplicate=True))


def contact(db, actor, customer_id, name, **fields):
    return db.write(lambda s: customers.add_contact(s, actor, customer_id,
                                                    ContactInput(name=name, **fields)))


def follow_up(db, actor, customer_id, **kw):
    kw.setdefault("kind", "call")
    kw.setdefault("notes", "聊了报价")
    return db.write(lambda s: customers.log_follow_up(s, actor, customer_id, **kw))


def get(db, actor, customer_id) -> CustomerDetail:
    return db.read(lambda s: customers.get_customer(s, actor, customer_id))


def view(db, actor, customer_id, **kw):
    return db.read(lambda s: customers.customer_360(s, actor, customer_id, **kw))


def actions(db, entity, entity_id):
    return db.read(lambda s: [a.action for a in s.scalars(
        select(AuditLog).where(AuditLog.entity == entity, AuditLog.entity_id == entity_id)
        .order_by(AuditLog.id))])


def tokens_of(db, customer_id) -> int:
    return db.read(lambda s: s.scalar(select(func.count()).select_from(CustomerSearchToken)
                                      .where(CustomerSearchToken.customer_id == customer_id)))


def set_row(db, customer_id, **values):
    """Test set-up: move a customer's timestamps into the past."""
    db.write(lambda s: s.execute(update(Customer).where(Customer.id == customer_id)
                                 .values(**values)))


# --------------------------------------------------------------------------- contacts

def test_add_contacts_primary_is_unique_and_search_sees_them(db, staff):
    c = create(db, staff.rep1, "深圳市华为技术有限公司")
    a = contact(db, staff.rep1, c.id, "王 强", phone="+86 139-0013-9000", is_primary=True,
                email="Wang@Example.COM", title="采购经理")
    b = contact(db, staff.rep1, c.id, "Lisa Chen", is_primary=True)
    assert (a.name, a.email, a.is_primary, a.customer_id) == ("王 强", "Wang@example.com",
                                                              True, c.id)
    contacts = view(db, staff.rep1, c.id).contacts
    assert [(x.id, x.is_primary) for x in contacts] == [(b.id, True), (a.id, False)]
    assert contacts[1].version_id == a.version_id + 1     # an open form of ``a`` is stale now
    text = db.read(lambda s: s.get(Customer, c.id).search_text)
    assert "13900139000" in text and "lisa chen" in text
    assert actions(db, "contact", a.id) == ["contact.add"]


def test_contact_validation_reports_every_field(db, staff):
    c = create(db, staff.rep1, "Acme")
    with pytest.raises(ValidationError) as err:
        contact(db, staff.rep1, c.id, " ", phone="12", email="x@", wechat="w" * 61)
    assert set(err.value.errors) == {"name", "phone", "email", "wechat"}
    assert db.read(lambda s: s.scalar(select(func.count(Contact.id)))) == 0


def test_update_contact_and_stale_version(db, staff):
    c = create(db, staff.rep1, "Acme")
    loaded = contact(db, staff.rep1, c.id, "Old Name", phone="13900139000")
    new = db.write(lambda s: customers.update_contact(
        s, staff.manager, loaded.id, ContactInput(name="New Name", phone="13700137000"),
        expected_version=loaded.version_id))
    assert (new.name, new.phone, new.version_id) == ("New Name", "13700137000",
                                                     loaded.version_id + 1)
    assert "new name" in db.read(lambda s: s.get(Customer, c.id).search_text)
    with pytest.raises(Conflict) as err:
        db.write(lambda s: customers.update_contact(
            s, staff.rep1, loaded.id, ContactInput(name="Old Name", title="CEO"),
            expected_version=loaded.version_id))
    assert err.value.current == new and set(err.value.changed) == {"name", "phone"}
    assert actions(db, "contact", loaded.id) == ["contact.add", "contact.update"]


def test_contact_permissions(db, staff):
    c = create(db, staff.rep1, "Acme")
    x = contact(db, staff.rep1, c.id, "Zhang")
    with pytest.raises(NotFound):
        contact(db, staff.rep2, c.id, "Intruder")
    with pytest.raises(NotFound, match="contact"):
        db.write(lambda s: customers.update_contact(s, staff.rep3, x.id, ContactInput(name="y"),
                                                    expected_version=x.version_id))
    with pytest.raises(PermissionDenied):
        contact(db, staff.finance, c.id, "Finance")
    with pytest.raises(NotFound):
        db.write(lambda s: customers.update_contact(s, staff.admin, 999, ContactInput(name="y"),
                                                    expected_version=1))


# --------------------------------------------------------------------------- follow-ups

def test_log_follow_up_updates_last_follow_up_to_the_latest(db, staff):
    c = create(db, staff.rep1, "Acme")
    x = contact(db, staff.rep1, c.id, "Zhang")
    now = utcnow()
    a = follow_up(db, staff.rep1, c.id, kind="WeChat", notes=" 发了报价 ", contact_id=x.id,
                  occurred_at=now - dt.timedelta(hours=1),
                  next_follow_up_on=dt.date.today() + dt.timedelta(days=3))
    assert (a.kind, a.notes, a.contact_name, a.user_name) == ("wechat", "发了报价", "Zhang", "张伟")
    assert get(db, staff.rep1, c.id).last_follow_up_at == now - dt.timedelta(hours=1)
    follow_up(db, staff.rep1, c.id, occurred_at=now - dt.timedelta(days=2))  # back-dated
    assert get(db, staff.rep1, c.id).last_follow_up_at == now - dt.timedelta(hours=1)
    follow_up(db, staff.rep1, c.id, kind="visit", next_follow_up_on=dt.date.today())
    after = get(db, staff.rep1, c.id)
    assert after.last_follow_up_at > now - dt.timedelta(hours=1)
    assert after.version_id == c.version_id        # activity data, not master data
    assert actions(db, "activity", a.id) == ["activity.add"]


def test_follow_up_validation_reports_every_field(db, staff):
    c = create(db, staff.rep1, "Acme")
    other = create(db, staff.rep1, "Other")
    foreign = contact(db, staff.rep1, other.id, "Not theirs")
    with pytest.raises(ValidationError) as err:
        follow_up(db, staff.rep1, c.id, kind="fax", notes="  ", contact_id=foreign.id,
                  next_follow_up_on=dt.date.today() - dt.timedelta(days=1))
    assert set(err.value.errors) == {"kind", "notes", "contact_id", "next_follow_up_on"}
    assert "in the past" in err.value.errors["next_follow_up_on"]
    with pytest.raises(ValidationError, match="in the future"):
        follow_up(db, staff.rep1, c.id, occurred_at=utcnow() + dt.timedelta(hours=2))
    with pytest.raises(ValidationError, match="time zone"):
        follow_up(db, staff.rep1, c.id, occurred_at=dt.datetime(2026, 1, 1, 9, 0))
    assert view(db, staff.rep1, c.id).timeline_total == 0


def test_follow_up_permissions_and_the_pool(db, staff):
    mine = create(db, staff.rep1, "Mine")
    pool = create(db, staff.admin, "Pool")
    with pytest.raises(PermissionDenied, match="claim it"):
        follow_up(db, staff.rep1, pool.id)
    assert follow_up(db, staff.manager, pool.id).user_name == "王经理"
    assert follow_up(db, staff.admin, pool.id).user_name == "管理员"
    assert get(db, staff.admin, pool.id).owner_id is None      # logging does not claim
    with pytest.raises(NotFound):
        follow_up(db, staff.rep2, mine.id)
    with pytest.raises(PermissionDenied):
        follow_up(db, staff.finance, mine.id)
    assert follow_up(db, staff.manager, mine.id).customer_id == mine.id


# --------------------------------------------------------------------------- merge

def test_merge_moves_rows_fills_gaps_and_leaves_a_tombstone(db, staff):
    keep = create(db, staff.rep1, "Acme Ltd", level="A")
    gone = create(db, staff.rep1, "艾克米科技有限公司", level="B", phone="13800138000",
                  region="深圳", email="info@acme.cn")
    for name in ("赵六", "钱七"):
        contact(db, staff.rep1, gone.id, name)
    contact(db, staff.rep1, keep.id, "孙八")
    for days in (3, 2, 1):
        follow_up(db, staff.rep1, gone.id, occurred_at=utcnow() - dt.timedelta(days=days))
    follow_up(db, staff.rep1, keep.id, occurred_at=utcnow() - dt.timedelta(days=5))
    last_on_gone = get(db, staff.rep1, gone.id).last_follow_up_at
    assert tokens_of(db, gone.id) > 0

    merged = db.write(lambda s: customers.merge_customers(s, staff.rep1, keep_id=keep.id,
                                                          merge_id=gone.id))
    assert (merged.id, merged.level, merged.phone, merged.region, merged.email) == (
        keep.id, "A", "13800138000", "深圳", "info@acme.cn")
    assert merged.last_follow_up_at == last_on_gone
    assert merged.version_id == keep.version_id + 1
    v = view(db, staff.rep1, keep.id)
    assert {x.name for x in v.contacts} == {"赵六", "钱七", "孙八"}
    assert v.timeline_total == 4
    tomb = get(db, staff.rep1, gone.id)
    assert tomb.merged_into_id == keep.id and not tomb.can_edit
    assert view(db, staff.rep1, gone.id).timeline_total == 0
    text = db.read(lambda s: s.get(Customer, keep.id).search_text)
    assert "赵六" in text and "13800138000" in text
    # The tombstone is out of the search index.
    assert db.read(lambda s: s.get(Customer, gone.id).search_text) == ""
    assert tokens_of(db, gone.id) == 0
    # The tombstone is no duplicate candidate; the kept customer now matches its phone.
    found = db.read(lambda s: customers.find_duplicates(s, CustomerInput(name="x",
                                                                         phone="13800138000")))
    assert [m.customer_id for m in found] == [keep.id]
    assert actions(db, "customer", keep.id)[-1] == "customer.merge"
    assert actions(db, "customer", gone.id)[-1] == "customer.merged_into"
    details = db.read(lambda s: s.scalars(select(AuditLog.details).where(
        AuditLog.action == "customer.merge")).one())
    assert details["moved"]["contact"] == 2 and details["moved"]["activity"] == 3
    assert details["after"]["phone"] == "13800138000" and details["before"]["phone"] is None


def test_merge_rules(db, staff):
    a = create(db, staff.rep1, "A")
    b = create(db, staff.rep1, "B")
    c = create(db, staff.rep1, "C")
    west = create(db, staff.rep3, "West")

    def merge(actor, keep, gone):
        return db.write(lambda s: customers.merge_customers(s, actor, keep_id=keep.id,
                                                            merge_id=gone.id))
    with pytest.raises(ValidationError, match="itself"):
        merge(staff.rep1, a, a)
    with pytest.raises(NotFound):
        merge(staff.rep1, a, west)                   # cannot see the other rep's customer
    with pytest.raises(NotFound):
        merge(staff.manager, west, a)
    with pytest.raises(PermissionDenied):
        merge(staff.finance, a, b)
    merge(staff.rep1, b, a)                          # a → b
    with pytest.raises(ValidationError, match="merged into"):
        merge(staff.rep1, a, c)                      # into a merged customer
    with pytest.raises(ValidationError, match="merged into"):
        merge(staff.rep1, c, a)                      # a merged customer again
    with pytest.raises(ValidationError, match="merged into"):
        db.write(lambda s: customers.update_customer(s, staff.rep1, a.id,
                                                     CustomerInput(name="A2"),
                                                     expected_version=get(db, staff.rep1,
                                                                          a.id).version_id))
    merge(staff.manager, c, b)                       # b → c: a follows to c
    assert get(db, staff.rep1, a.id).merged_into_id == c.id
    assert get(db, staff.rep1, b.id).merged_into_id == c.id


def test_merge_into_a_pool_customer_keeps_the_owner(db, staff):
    pool = create(db, staff.admin, "Pool Co")
    owned = create(db, staff.rep1, "Pool Company")
    merged = db.write(lambda s: customers.merge_customers(s, staff.rep1, keep_id=pool.id,
                                                          merge_id=owned.id))
    assert merged.owner_id == staff.rep1.user_id and merged.claimed_at == owned.claimed_at
    # the kept customer's owner history says where its owner came from
    history = db.read(lambda s: pool_service.ownership_history(s, staff.rep1, pool.id))
    assert [(h.reason, h.to_owner_name, h.note) for h in history][:1] == [
        ("merge", staff.rep1.display_name, owned.code)]


# --------------------------------------------------------------------------- 360° view

@contextmanager
def counting_statements(engine):
    statements: list[str] = []

    def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)
    event.listen(engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before_cursor_execute)


def customer_with_history(db, actor, name, *, contacts, follow_ups):
    c = create(db, actor, name)

    def fill(s):
        ids = [customers.add_contact(s, actor, c.id, ContactInput(name=f"联系人{i}")).id
               for i in range(contacts)]
        start = utcnow() - dt.timedelta(days=1)
        # Bulk rows for speed; the view reads them exactly as logged ones.
        s.execute(insert(Activity), [
            {"customer_id": c.id, "contact_id": ids[i % len(ids)], "user_id": actor.user_id,
             "kind": "call", "notes": f"第{i}次", "occurred_at": start + dt.timedelta(minutes=i),
             "created_at": start} for i in range(follow_ups)])
    db.write(fill)
    return c


def test_360_runs_a_fixed_number_of_queries(db, staff):
    small = customer_with_history(db, staff.rep1, "Small", contacts=2, follow_ups=3)
    big = customer_with_history(db, staff.rep1, "Big", contacts=30, follow_ups=300)
    for actor in (staff.rep1, staff.manager):     # the manager's check reads the team too
        counts = []
        for c in (small, big):
            with counting_statements(db.engine) as statements:
                v = view(db, actor, c.id)
            counts.append(len(statements))
        assert (len(v.contacts), len(v.timeline), v.timeline_total) == (30, 200, 300)
        assert len({a.contact_name for a in v.timeline}) == 30
        # 9 + sales orders (1; 3 for a manager: the order visibility reads the team) and
        # deliveries (1)
        assert counts[0] == counts[1] <= 13, (actor.login, counts)


def test_360_timeline_newest_first_with_limit_and_next_date(db, staff):
    c = create(db, staff.rep1, "Acme")
    base = utcnow() - dt.timedelta(days=3)
    later = dt.date.today() + dt.timedelta(days=7)
    for i, next_on in enumerate([dt.date.today() + dt.timedelta(days=30), None, later]):
        follow_up(db, staff.rep1, c.id, notes=f"n{i}", occurred_at=base + dt.timedelta(days=i),
                  next_follow_up_on=next_on)
    v = view(db, staff.rep1, c.id, timeline_limit=2)
    assert [a.notes for a in v.timeline] == ["n2", "n1"]
    assert v.timeline_total == 3 and v.next_follow_up_on == later
    assert v.timeline[0].user_name == "张伟" and v.timeline[0].occurred_at.tzinfo is not None
    assert (v.opportunities, v.orders, v.deliveries, v.receivables, v.tickets) == (
        (), (), (), (), ())
    empty = view(db, staff.rep1, create(db, staff.rep1, "Empty").id)
    assert (empty.timeline, empty.timeline_total, empty.next_follow_up_on) == ((), 0, None)


def test_days_until_pool(db, staff):
    c = create(db, staff.rep1, "Acme")
    assert view(db, staff.rep1, c.id).days_until_pool == 30        # default setting
    db.write(lambda s: s.add(Setting(key="pool.return_after_days", value=10)))
    set_row(db, c.id, claimed_at=utcnow() - dt.timedelta(days=3, hours=1))
    assert view(db, staff.rep1, c.id).days_until_pool == 7
    follow_up(db, staff.rep1, c.id, occurred_at=utcnow() - dt.timedelta(days=1, hours=1))
    assert view(db, staff.rep1, c.id).days_until_pool == 9          # the later of the two
    set_row(db, c.id, claimed_at=utcnow() - dt.timedelta(days=40),
            last_follow_up_at=utcnow() - dt.timedelta(days=12))
    assert view(db, staff.rep1, c.id).days_until_pool == 0          # overdue
    pool = create(db, staff.admin, "Pool")
    assert view(db, staff.rep1, pool.id).days_until_pool is None
    for bad in ("abc", -5):
        db.write(lambda s: s.execute(update(Setting).where(Setting.key == "pool.return_after_days")
                                     .values(value=bad)))
        assert db.read(customers.pool_return_days) == customers.DEFAULT_POOL_RETURN_DAYS
    db.write(lambda s: s.execute(update(Setting).where(Setting.key == "pool.return_after_days")
                                 .values(value="15")))
    assert db.read(customers.pool_return_days) == 15


def test_days_until_pool_rule():
    now = dt.datetime(2026, 3, 10, 12, tzinfo=dt.timezone.utc)
    day = dt.timedelta(days=1)
    common = dict(created_at=now - 100 * day, return_after_days=30, now=now)
    assert customers.days_until_pool(owner_id=None, claimed_at=now, last_follow_up_at=None,
                                     **common) is None
    assert customers.days_until_pool(owner_id=1, claimed_at=now - 29.5 * day,
                                     last_follow_up_at=None, **common) == 1
    assert customers.days_until_pool(owner_id=1, claimed_at=now - 29.5 * day,
                                     last_follow_up_at=now - 2 * day, **common) == 28
    assert customers.days_until_pool(owner_id=1, claimed_at=None, last_follow_up_at=None,
                                     **common) == 0                 # imported, never claimed


def test_360_visibility(db, staff):
    c = create(db, staff.rep1, "Acme")
    for who in ("rep2", "rep3"):
        with pytest.raises(NotFound):
            view(db, getattr(staff, who), c.id)
    assert view(db, staff.warehouse, c.id).customer.can_edit is False
    assert view(db, staff.manager, c.id).customer.can_edit is True
