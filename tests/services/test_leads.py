"""Leads: the lead → customer → opportunity → won scenario, conversion with duplicates,
statuses, permissions and optimistic locking. Every test runs on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models.party import Contact, Customer
from models.pipeline import Lead, Opportunity
from models.system import AuditLog
from services import customers, leads
from services.customers import CustomerInput
from services.errors import (Conflict, DuplicateCandidate, NotFound, PermissionDenied,
                             ValidationError)
from services.leads import LeadInput
from services.opportunities import OpportunityInput
from tests.helpers.pipeline import make_customer, make_lead, move

T0 = dt.datetime(2026, 3, 2, 8, 30, tzinfo=dt.timezone.utc)


def get(db, actor, lead_id):
    return db.read(lambda s: leads.get_lead(s, actor, lead_id))


def status(db, actor, lead_id, value, reason=None):
    return db.write(lambda s: leads.set_lead_status(s, actor, lead_id, value, reason=reason))


def convert(db, actor, lead_id, **kw):
    return db.write(lambda s: leads.convert_lead(s, actor, lead_id, **kw))


def count(db, model):
    return db.read(lambda s: s.scalar(select(func.count()).select_from(model)))


def test_lead_to_customer_to_opportunity_to_won(db, staff):
    # The quick "new enquiry" form: a name, a phone and what they asked for.
    lead = make_lead(db, staff.rep1, "周杰", company="深圳华强电子有限公司",
                     phone="138-0013-8000", enquiry="要 100 套门禁的报价", source="展会 Exhibition",
                     now=T0)
    assert (lead.status, lead.owner_id, lead.created_at) == ("new", staff.rep1.user_id, T0)
    status(db, staff.rep1, lead.id, "contacted")
    status(db, staff.rep1, lead.id, "qualified")
    assert db.read(lambda s: leads.conversion_candidates(s, staff.rep1, lead.id)) == []

    result = convert(db, staff.rep1, lead.id, opportunity=OpportunityInput(
        customer_id=0, title="门禁 100 套", amount=Decimal("88000"),
        expected_close_on=dt.date(2026, 4, 30), products_of_interest="门禁, 考勤"))
    assert result.created_customer and result.contact_id and result.opportunity_id
    c = db.read(lambda s: customers.get_customer(s, staff.rep1, result.customer_id))
    assert (c.name, c.kind, c.phone, c.owner_id, c.source) == (
        "深圳华强电子有限公司", "company", "138-0013-8000", staff.rep1.user_id, "展会 Exhibition")
    done = get(db, staff.rep1, lead.id)
    assert (done.status, done.customer_id, done.contact_id, done.opportunity_id) == (
        "converted", c.id, result.contact_id, result.opportunity_id)

    move(db, staff.rep1, result.opportunity_id, "proposal")
    won = move(db, staff.rep1, result.opportunity_id, "won")
    assert (won.state, won.probability, won.customer_id) == ("won", 100, c.id)
    view = db.read(lambda s: customers.customer_360(s, staff.rep1, c.id))
    assert [(x.title, x.state) for x in view.opportunities] == [("门禁 100 套", "won")]
    assert [(x.name, x.phone, x.is_primary) for x in view.contacts] == [
        ("周杰", "138-0013-8000", True)]

    # Converted is final.
    with pytest.raises(ValidationError, match="converted already"):
        convert(db, staff.rep1, lead.id)
    with pytest.raises(ValidationError):
        status(db, staff.rep1, lead.id, "new")
    with pytest.raises(ValidationError):
        db.write(lambda s: leads.update_lead(s, staff.rep1, lead.id, LeadInput("周杰"),
                                             expected_version=done.version_id))
    actions = db.read(lambda s: list(s.scalars(select(AuditLog.action).where(
        AuditLog.entity == "lead", AuditLog.entity_id == lead.id).order_by(AuditLog.id))))
    assert actions == ["lead.create", "lead.status", "lead.status", "lead.convert"]


def test_conversion_finds_duplicates_and_attaches_to_an_existing_customer(db, staff):
    existing = make_customer(db, staff.rep1, "华强电子有限公司", phone="13800138000")
    colleague = make_customer(db, staff.rep2, "Acme Trading Co., Ltd.")
    lead = make_lead(db, staff.rep1, "周杰", company="华强电子", phone="+86 138 0013 8000")
    found = db.read(lambda s: leads.conversion_candidates(s, staff.rep1, lead.id))
    assert [(m.customer_id, m.reasons) for m in found] == [(existing.id, ("phone", "name"))]
    customers_before = count(db, Customer)
    with pytest.raises(DuplicateCandidate) as e:
        convert(db, staff.rep1, lead.id)
    assert e.value.candidates[0].customer_id == existing.id
    assert count(db, Customer) == customers_before and count(db, Contact) == 0
    assert get(db, staff.rep1, lead.id).status == "new"

    result = convert(db, staff.rep1, lead.id, existing_customer_id=existing.id)
    assert (result.customer_id, result.created_customer, result.opportunity_id) == (
        existing.id, False, None)
    contact = db.read(lambda s: s.get(Contact, result.contact_id))
    assert (contact.customer_id, contact.name, contact.is_primary) == (existing.id, "周杰", False)

    # A second lead of the same person reuses the contact.
    again = make_lead(db, staff.rep1, "周杰", phone="13800138000")
    assert convert(db, staff.rep1, again.id, existing_customer_id=existing.id,
                   allow_duplicate=True).contact_id == result.contact_id

    # A colleague's customer shows up (撞单) with its owner, but cannot be attached to.
    other = make_lead(db, staff.rep1, "John", company="ACME Trading Ltd")
    found = db.read(lambda s: leads.conversion_candidates(s, staff.rep1, other.id))
    assert [(m.customer_id, m.owner_name) for m in found] == [(colleague.id, "李娜")]
    with pytest.raises(NotFound):
        convert(db, staff.rep1, other.id, existing_customer_id=colleague.id)
    # Saving anyway creates a second customer, with the typed details.
    made = convert(db, staff.rep1, other.id, allow_duplicate=True,
                   customer=CustomerInput(name="ACME Trading (Shanghai)", level="B"))
    assert made.created_customer and made.customer_id != colleague.id


def test_conversion_is_one_transaction(db, staff):
    lead = make_lead(db, staff.rep1, "李雷", company="新客户有限公司")
    before = (count(db, Customer), count(db, Contact), count(db, Opportunity))
    with pytest.raises(ValidationError) as e:
        convert(db, staff.rep1, lead.id, opportunity=OpportunityInput(
            customer_id=0, title="", amount=Decimal("-5")))
    assert set(e.value.errors) == {"title", "amount"}
    assert (count(db, Customer), count(db, Contact), count(db, Opportunity)) == before
    assert get(db, staff.rep1, lead.id).status == "new"
    with pytest.raises(ValidationError):
        convert(db, staff.rep1, lead.id, customer=CustomerInput(name="X"),
                existing_customer_id=1)


def test_statuses_and_the_disqualify_reason(db, staff):
    lead = make_lead(db, staff.rep1, "韩梅梅")
    with pytest.raises(ValidationError) as e:
        status(db, staff.rep1, lead.id, "disqualified")
    assert e.value.field == "reason"
    out = status(db, staff.rep1, lead.id, "disqualified", "只是学生，没有预算")
    assert (out.status, out.disqualify_reason) == ("disqualified", "只是学生，没有预算")
    with pytest.raises(ValidationError, match="disqualified"):
        convert(db, staff.rep1, lead.id)
    out = status(db, staff.rep1, lead.id, "qualified")
    assert (out.status, out.disqualify_reason) == ("qualified", None)
    for bad in ("converted", "won"):
        with pytest.raises(ValidationError):
            status(db, staff.rep1, lead.id, bad)
    assert status(db, staff.rep1, lead.id, "qualified").version_id == out.version_id
    page = db.read(lambda s: leads.list_leads(s, staff.rep1, status=("new", "qualified")))
    assert [r.id for r in page.rows] == [lead.id]


def test_who_sees_and_owns_leads(db, staff):
    own = make_lead(db, staff.rep1, "甲")
    west = make_lead(db, staff.rep3, "乙")
    unassigned = make_lead(db, staff.admin, "丙")
    assert unassigned.owner_id is None
    for actor in (staff.rep2, staff.rep3):
        with pytest.raises(NotFound):
            get(db, actor, own.id)
        with pytest.raises(NotFound):
            status(db, actor, own.id, "contacted")
    with pytest.raises(NotFound):
        get(db, staff.rep1, unassigned.id)
    with pytest.raises(PermissionDenied):
        make_lead(db, staff.finance, "丁")
    with pytest.raises(PermissionDenied):
        make_lead(db, staff.rep1, "戊", owner_id=staff.rep2.user_id)

    def names(actor, scope, **kw):
        return sorted(r.contact_name for r in db.read(
            lambda s: leads.list_leads(s, actor, scope=scope, **kw)).rows)
    assert names(staff.rep1, "all") == ["甲"]
    assert names(staff.manager, "all") == ["丙", "甲"]
    assert names(staff.manager, "team") == ["甲"]
    assert names(staff.manager, "unassigned") == ["丙"]
    assert names(staff.manager, "mine") == []
    assert names(staff.admin, "all") == ["丙", "乙", "甲"]
    assert names(staff.finance, "all") == []
    with pytest.raises(NotFound):
        get(db, staff.manager, west.id)
    # The manager hands the unassigned lead to a team member, not to another team.
    assign = LeadInput("丙", owner_id=staff.rep2.user_id)
    with pytest.raises(PermissionDenied):
        db.write(lambda s: leads.update_lead(s, staff.manager, unassigned.id,
                                             LeadInput("丙", owner_id=staff.rep3.user_id),
                                             expected_version=1))
    given = db.write(lambda s: leads.update_lead(s, staff.manager, unassigned.id, assign,
                                                 expected_version=1))
    assert (given.owner_id, given.owner_name) == (staff.rep2.user_id, "李娜")
    assert names(staff.rep2, "mine") == ["丙"]

    # A manager converting a rep's lead leaves customer and opportunity with the rep.
    result = convert(db, staff.manager, own.id, customer=CustomerInput(name="甲方公司"),
                     opportunity=OpportunityInput(0, "甲方项目", Decimal("10")))
    c = db.read(lambda s: customers.get_customer(s, staff.rep1, result.customer_id))
    assert c.owner_id == staff.rep1.user_id
    assert db.read(lambda s: s.get(Opportunity, result.opportunity_id).owner_id) == \
        staff.rep1.user_id


def test_edit_validation_conflict_and_list_pages(db, staff):
    with pytest.raises(ValidationError) as e:
        make_lead(db, staff.rep1, " ", phone="12", email="not-an-email", company="x" * 201)
    assert set(e.value.errors) == {"contact_name", "phone", "email", "company"}
    lead = make_lead(db, staff.rep1, "Lucy", phone="021-6234 5678", wechat="lucy_sh")
    edited = db.write(lambda s: leads.update_lead(
        s, staff.manager, lead.id, LeadInput("Lucy Wang", phone="021-6234 5678"),
        expected_version=lead.version_id))
    assert (edited.contact_name, edited.wechat, edited.version_id) == ("Lucy Wang", None, 2)
    with pytest.raises(Conflict) as e:
        db.write(lambda s: leads.update_lead(s, staff.rep1, lead.id, LeadInput("Lucy"),
                                             expected_version=lead.version_id))
    assert set(e.value.changed) == {"contact_name", "wechat"}
    assert e.value.current.contact_name == "Lucy Wang"

    for i in range(4):
        make_lead(db, staff.rep1, f"客户{i}", phone=f"1390000000{i}")
    seen, after = [], None
    while True:
        page = db.read(lambda s: leads.list_leads(s, staff.rep1, after=after, limit=2))
        seen += [r.contact_name for r in page.rows]
        if page.next_key is None:
            break
        after = page.next_key
    assert seen == ["客户3", "客户2", "客户1", "客户0", "Lucy Wang"]

    def found(text):
        return [r.contact_name for r in db.read(
            lambda s: leads.list_leads(s, staff.rep1, text=text)).rows]
    assert found("62345678") == ["Lucy Wang"]
    assert found("lucy w") == ["Lucy Wang"]
    assert found("13900000002") == ["客户2"]
    assert db.read(lambda s: s.scalar(select(Lead.phone_digits).where(Lead.id == lead.id))) \
        == "02162345678"
