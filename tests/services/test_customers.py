"""Customer master data: create/update validation, codes, ownership, duplicates,
optimistic locking, permissions, audit. Every test runs on SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import threading

import pytest
from sqlalchemy import select

from models.party import Customer, CustomerSearchToken
from models.system import AuditLog
from services import customers, org
from services.customers import ContactInput, CustomerDetail, CustomerInput
from services.errors import (Conflict, DuplicateCandidate, NotFound, PermissionDenied,
                             ValidationError)
from services.normalize import uscc_check_char

HUAWEI = "深圳市华为技术有限公司"



def create(db, actor, name=HUAWEI, *, allow_duplicate=False, **fields) -> CustomerDetail:
    data = CustomerInput(name=name, **fields)
    return db.write(lambda s: customers.create_customer(s, actor, data,
                                                        allow_duplicate=allow_duplicate))


def form(d: CustomerDetail, **changes) -> CustomerInput:
    """What the edit form sends back for ``d`` with ``changes`` typed in."""
    values = {f.name: getattr(d, f.name) for f in dataclasses.fields(CustomerInput)
              if f.name not in ("owner_id", "to_pool")}
    values.update(changes)
    return CustomerInput(**values)


def save(db, actor, d: CustomerDetail, *, version=None, allow_duplicate=False, **changes):
    data = form(d, **changes)
    return db.write(lambda s: customers.update_customer(
        s, actor, d.id, data, expected_version=version or d.version_id,
        allow_duplicate=allow_duplicate))


def audit_rows(db, entity_id, entity="customer"):
    return db.read(lambda s: [(a.action, a.actor_id, a.details) for a in s.scalars(
        select(AuditLog).where(AuditLog.entity == entity, AuditLog.entity_id == entity_id)
        .order_by(AuditLog.id))])


def credit_code(first17="91440300MA5FXXXX1") -> str:
    return first17 + uscc_check_char(first17)


# --------------------------------------------------------------------------- create

def test_rep_creates_own_customer_with_code_audit_and_search_index(db, staff):
    c = create(db, staff.rep1, phone="+86 138-0013-8000", email="Wang@Example.COM",
               tax_id=credit_code().lower(), level="a", region="广东")
    assert c.code == "C-000001"
    assert (c.owner_id, c.owner_name, c.created_by_name) == (staff.rep1.user_id, "张伟", "张伟")
    assert c.claimed_at is not None and c.claimed_at == c.created_at
    assert (c.email, c.tax_id, c.level, c.version_id) == ("Wang@example.com", credit_code(),
                                                         "A", 1)
    assert c.can_edit and c.merged_into_id is None
    row = db.read(lambda s: s.get(Customer, c.id))
    assert (row.name_norm, row.phone_digits, row.tax_id_norm) == ("深圳市华为技术",
                                                                   "13800138000", credit_code())
    assert "13800138000" in row.search_text
    tokens = db.read(lambda s: set(s.scalars(select(CustomerSearchToken.token).where(
        CustomerSearchToken.customer_id == c.id))))
    assert {"华为", "深圳"} <= tokens
    [(action, actor_id, details)] = audit_rows(db, c.id)
    assert (action, actor_id, details["version"]) == ("customer.create", staff.rep1.user_id, 1)
    assert details["after"]["name"] == HUAWEI and details["after"]["owner_id"] == staff.rep1.user_id


def test_codes_are_assigned_in_sequence_and_skip_codes_typed_by_hand(db, staff):
    typed = create(db, staff.rep1, "Typed", code="C-000002")
    first = create(db, staff.rep1, "First")
    third = create(db, staff.rep1, "Third")
    assert (typed.code, first.code, third.code) == ("C-000002", "C-000001", "C-000003")


def test_rolled_back_create_gives_its_code_back(db, staff):
    def create_then_fail(s):
        customers.create_customer(s, staff.rep1, CustomerInput(name="Rolled back"))
        raise ValidationError("x", "abort")
    with pytest.raises(ValidationError):
        db.write(create_then_fail)
    assert create(db, staff.rep1, "Kept").code == "C-000001"


def test_every_bad_field_is_reported_at_once(db, staff):
    create(db, staff.rep1, "Existing", code="K-1")
    with pytest.raises(ValidationError) as err:
        create(db, staff.rep1, "   ", kind="shop", level="Z", phone="138 0013 800a",
               email="wang.example.com", tax_id="91440300MA5FXXXX1@", code="K-1",
               region="区" * 61)
    errors = err.value.errors
    assert set(errors) == {"name", "kind", "level", "phone", "email", "tax_id", "code", "region"}
    assert errors["name"] == "Name is required."
    assert "letters" in errors["phone"] and "'@'" in errors["email"]
    assert "K-1" in errors["code"] and "at most 60" in errors["region"]
    assert db.read(lambda s: s.scalar(select(Customer.id).where(Customer.name == "   "))) is None


def test_single_field_rules(db, staff):
    bad_check = credit_code()[:-1] + ("1" if credit_code()[-1] == "0" else "0")
    cases = [({"phone": "12345"}, "phone", "too few digits"),
             ({"phone": "138001380001"}, "phone", "11"),
             ({"email": "wang@example"}, "email", "needs a dot"),
             ({"tax_id": bad_check}, "tax_id", "check character"),
             ({"name": "名" * 201}, "name", "at most 200"),
             ({"code": "C" * 33}, "code", "at most 32"),
             ({"address": "路" * 301}, "address", "at most 300")]
    for fields, field, words in cases:
        with pytest.raises(ValidationError) as err:
            create(db, staff.rep1, **{"name": "Acme", **fields})
        assert set(err.value.errors) == {field} and words in err.value.errors[field], fields


def test_person_customers_accept_an_id_number_as_tax_id(db, staff):
    c = create(db, staff.rep1, "王小明", kind="person", tax_id="11010519491231002x")
    assert (c.kind, c.tax_id) == ("person", "11010519491231002X")


# --------------------------------------------------------------------------- ownership

def test_ownership_rules_on_create(db, staff):
    assert create(db, staff.rep1, "Rep to pool", to_pool=True).owner_id is None
    assert create(db, staff.manager, "Manager default").owner_id is None
    assert create(db, staff.admin, "Admin default").owner_id is None
    given = create(db, staff.manager, "For rep2", owner_id=staff.rep2.user_id)
    assert given.owner_id == staff.rep2.user_id and given.claimed_at is not None
    assert create(db, staff.admin, "For rep3", owner_id=staff.rep3.user_id).owner_name == "Tom Lee"
    assert create(db, staff.rep1, "Own", owner_id=staff.rep1.user_id).owner_id == staff.rep1.user_id
    with pytest.raises(PermissionDenied, match="only to members of your team"):
        create(db, staff.manager, "Other team", owner_id=staff.rep3.user_id)
    with pytest.raises(PermissionDenied, match="give a customer to someone else"):
        create(db, staff.rep1, "For a colleague", owner_id=staff.rep2.user_id)
    with pytest.raises(ValidationError) as err:
        create(db, staff.admin, "Warehouse owner", owner_id=staff.warehouse.user_id)
    assert "cannot own customers" in err.value.errors["owner_id"]
    with pytest.raises(ValidationError, match="not both"):
        create(db, staff.admin, "Both", owner_id=staff.rep1.user_id, to_pool=True)
    for who in (staff.finance, staff.warehouse):
        with pytest.raises(PermissionDenied, match="Only sales staff"):
            create(db, who, "Not theirs to create")


# --------------------------------------------------------------------------- duplicates

def test_duplicate_names(db, staff):
    huawei = create(db, staff.rep1, HUAWEI)
    acme = create(db, staff.rep1, "ACME Co., Ltd.")
    variants = [("深圳市华为技术 有限公司", huawei), ("深圳市华为技术　有限公司", huawei),
                ("深圳市华为技术（有限公司）", huawei), ("深圳市华为技术", huawei),
                ("Acme Ltd", acme), ("ＡＣＭＥ　Ｃｏ．，Ｌｔｄ．", acme), ("acme inc", acme)]
    for name, existing in variants:
        with pytest.raises(DuplicateCandidate) as err:
            create(db, staff.rep3, name)  # another team: a rep must still learn it exists
        [match] = err.value.candidates
        assert (match.customer_id, match.code, match.owner_name, match.reasons) == (
            existing.id, existing.code, "张伟", ("name",)), name
    saved = create(db, staff.rep3, "Acme Ltd", allow_duplicate=True)
    assert saved.id not in (huawei.id, acme.id) and saved.owner_id == staff.rep3.user_id


def test_duplicate_phone_on_customer_or_contact_and_tax_id(db, staff):
    a = create(db, staff.rep1, "Alpha", phone="+86 138-0013-8000")
    b = create(db, staff.rep1, "Beta", tax_id=credit_code())
    db.write(lambda s: customers.add_contact(s, staff.rep1, b.id,
                                             ContactInput(name="李四", phone="139-0013-9000")))
    with pytest.raises(DuplicateCandidate) as err:
        create(db, staff.rep2, "Gamma", phone="13800138000")
    assert [(m.customer_id, m.reasons) for m in err.value.candidates] == [(a.id, ("phone",))]
    with pytest.raises(DuplicateCandidate) as err:
        create(db, staff.rep2, "Delta", phone="+86 139 0013 9000")
    assert [(m.customer_id, m.reasons) for m in err.value.candidates] == [(b.id, ("phone",))]
    with pytest.raises(DuplicateCandidate) as err:
        create(db, staff.rep2, "Alpha Ltd", tax_id=" " + credit_code().lower(),
               phone="0086 138 0013 8000")
    got = {m.customer_id: m.reasons for m in err.value.candidates}
    assert got == {a.id: ("phone", "name"), b.id: ("tax_id",)}
    # Strongest match first: two reasons beat one.
    assert err.value.candidates[0].customer_id == a.id


def test_find_duplicates_without_saving(db, staff):
    a = create(db, staff.rep1, "ACME Co., Ltd.")
    found = db.read(lambda s: customers.find_duplicates(s, CustomerInput(name="acme inc")))
    assert [m.customer_id for m in found] == [a.id]
    assert db.read(lambda s: customers.find_duplicates(s, CustomerInput(name="acme inc"),
                                                       exclude_id=a.id)) == []
    assert db.read(lambda s: customers.find_duplicates(s, CustomerInput(name="Acme Trading"))) == []


def test_update_checks_duplicates_only_when_a_key_changes(db, staff):
    create(db, staff.rep1, "Acme Ltd")
    twin = create(db, staff.rep1, "ACME Inc.", allow_duplicate=True)
    # Saving other fields of an accepted duplicate does not nag again.
    twin = save(db, staff.rep1, twin, region="上海")
    assert twin.region == "上海"
    other = create(db, staff.rep1, "Zeta")
    with pytest.raises(DuplicateCandidate):
        save(db, staff.rep1, other, name="ACME Corporation")
    assert save(db, staff.rep1, other, name="ACME Corporation", allow_duplicate=True).name \
        == "ACME Corporation"


# --------------------------------------------------------------------------- update

def test_update_changes_fields_bumps_version_and_audits_before_after(db, staff):
    c = create(db, staff.rep1, phone="13800138000", region="深圳")
    saved = save(db, staff.rep1, c, region="广州", level="B",
                 notes="大客户", code="")
    assert (saved.region, saved.level, saved.notes, saved.code) == ("广州", "B", "大客户", c.code)
    assert saved.version_id == c.version_id + 1 and saved.updated_by_name == "张伟"
    action, _, details = audit_rows(db, c.id)[-1]
    assert action == "customer.update" and details["version"] == saved.version_id
    assert details["before"] == {"level": None, "region": "深圳", "notes": None}
    assert details["after"] == {"level": "B", "region": "广州", "notes": "大客户"}


def test_saving_an_unchanged_form_writes_nothing(db, staff):
    c = create(db, staff.rep1)
    again = save(db, staff.rep1, c)
    assert again.version_id == c.version_id and len(audit_rows(db, c.id)) == 1


def test_rename_refreshes_the_search_index(db, staff):
    c = create(db, staff.rep1, "Acme")
    save(db, staff.rep1, c, name="北京电子科技")
    text = db.read(lambda s: s.get(Customer, c.id).search_text)
    assert "北京电子科技" in text and "acme" not in text
    row = db.read(lambda s: s.get(Customer, c.id))
    assert row.name_norm == "北京电子科技"


def test_update_validates_like_create(db, staff):
    c = create(db, staff.rep1)
    other = create(db, staff.rep1, "Other")
    with pytest.raises(ValidationError) as err:
        save(db, staff.rep1, c, name="", phone="12", code=other.code)
    assert set(err.value.errors) == {"name", "phone", "code"}


def test_stale_update_is_a_conflict_naming_what_changed(db, staff):
    loaded = create(db, staff.rep1, phone="13800138000", region="深圳")
    # The manager saves first: phone and region.
    mine = save(db, staff.manager, loaded, phone="13900139000", region="广州")
    with pytest.raises(Conflict) as err:
        save(db, staff.rep1, loaded, notes="my edit")
    assert err.value.current.version_id == mine.version_id
    assert err.value.current.phone == "13900139000"
    assert set(err.value.changed) == {"phone", "region"}
    assert db.read(lambda s: s.get(Customer, loaded.id).notes) is None
    # Re-loaded, the edit goes through.
    assert save(db, staff.rep1, err.value.current, notes="my edit").notes == "my edit"


def test_conflict_lists_only_changes_after_the_loaded_version(db, staff):
    v1 = create(db, staff.rep1)
    v2 = save(db, staff.rep1, v1, region="深圳")
    v3 = save(db, staff.rep1, v2, level="A")
    save(db, staff.rep1, v3, region="广州")
    save(db, staff.rep1, db.read(lambda s: customers.get_customer(s, staff.rep1, v1.id)),
         region="深圳")                    # changed and changed back: not a difference
    with pytest.raises(Conflict) as err:
        save(db, staff.rep1, v2, notes="late")
    assert err.value.changed == ("level",)


def test_follow_up_does_not_make_an_open_form_stale(db, staff):
    c = create(db, staff.rep1)
    db.write(lambda s: customers.log_follow_up(s, staff.rep1, c.id, kind="call", notes="hi"))
    assert save(db, staff.rep1, c, region="深圳").region == "深圳"


# --------------------------------------------------------------------------- ownership changes

def test_owner_changes_on_update(db, staff):
    c = create(db, staff.rep1)
    with pytest.raises(PermissionDenied):
        db.write(lambda s: customers.update_customer(
            s, staff.rep1, c.id, form(c, owner_id=staff.rep2.user_id),
            expected_version=c.version_id))
    moved = db.write(lambda s: customers.update_customer(
        s, staff.manager, c.id, form(c, owner_id=staff.rep2.user_id),
        expected_version=c.version_id))
    assert moved.owner_id == staff.rep2.user_id and moved.claimed_at > c.claimed_at
    assert audit_rows(db, c.id)[-1][2]["after"] == {"owner_id": staff.rep2.user_id}
    released = db.write(lambda s: customers.update_customer(
        s, staff.rep2, c.id, form(moved, to_pool=True), expected_version=moved.version_id))
    assert released.owner_id is None and released.claimed_at is None


# --------------------------------------------------------------------------- permissions

def test_who_sees_and_edits_a_reps_customer(db, staff):
    c = create(db, staff.rep1)
    for who in ("rep1", "manager", "admin", "finance", "warehouse"):
        got = db.read(lambda s: customers.get_customer(s, getattr(staff, who), c.id))
        assert got.id == c.id
        assert got.can_edit == (who in ("rep1", "manager", "admin")), who
    # Not visible is NotFound, so an id does not reveal that a customer exists.
    for who in ("rep2", "rep3"):
        with pytest.raises(NotFound):
            db.read(lambda s: customers.get_customer(s, getattr(staff, who), c.id))
        with pytest.raises(NotFound):
            save(db, getattr(staff, who), c, region="x")
    for who in ("finance", "warehouse"):
        with pytest.raises(PermissionDenied):
            save(db, getattr(staff, who), c, region="x")
    assert save(db, staff.manager, c, region="团队").region == "团队"
    with pytest.raises(NotFound):
        db.read(lambda s: customers.get_customer(s, staff.rep1, 9999))


def test_manager_sees_own_team_only_and_pool_is_open_to_sales(db, staff):
    west = create(db, staff.rep3, "West Co")
    pool = create(db, staff.admin, "Pool Co")
    with pytest.raises(NotFound):
        db.read(lambda s: customers.get_customer(s, staff.manager, west.id))
    for who in ("rep1", "rep3", "manager"):
        got = db.read(lambda s: customers.get_customer(s, getattr(staff, who), pool.id))
        assert got.can_edit and got.owner_id is None
    assert save(db, staff.rep3, pool, region="西区").version_id == pool.version_id + 1


# --------------------------------------------------------------------------- concurrency

def run_together(*jobs):
    """Run the jobs on parallel threads (own connections) from one start line; return each
    job's result or the exception it raised."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(i, job):
        barrier.wait()
        try:
            results[i] = job()
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            results[i] = exc
    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_saves_of_the_same_version_one_wins_one_conflicts(db, staff):
    c = create(db, staff.rep1, region="深圳")
    results = run_together(lambda: save(db, staff.rep1, c, region="广州"),
                           lambda: save(db, staff.manager, c, level="A"))
    winners = [r for r in results if isinstance(r, CustomerDetail)]
    conflicts = [r for r in results if isinstance(r, Conflict)]
    assert len(winners) == 1 and len(conflicts) == 1, results
    assert conflicts[0].current.version_id == winners[0].version_id == c.version_id + 1
    assert conflicts[0].changed in (("level",), ("region",))


def test_parallel_creates_get_distinct_gapless_codes(db, staff):
    def many(actor, prefix):
        return [create(db, actor, f"{prefix} {i}").code for i in range(5)]
    results = run_together(*(lambda a=a, p=p: many(a, p) for a, p in
                             ((staff.rep1, "East"), (staff.rep2, "North"), (staff.rep3, "West"))))
    codes = sorted(code for r in results for code in r)
    assert codes == [f"C-{n:06d}" for n in range(1, 16)], results
