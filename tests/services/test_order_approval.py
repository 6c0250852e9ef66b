"""Sales order approval rules as a setting: who sets them, what they accept, and where
the thresholds lie."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from sqlalchemy import select

from models.system import AuditLog, Setting
from services import order_approval as oa
from services.errors import PermissionDenied, ValidationError
from services.order_approval import ApprovalRules
from tests.helpers.orders import call


def test_no_setting_means_no_approval(db, staff):
    rules = call(db, oa.get_approval_rules, staff.rep1)
    assert rules == ApprovalRules(None, None)
    assert oa.approval_reasons(rules, D("1e9"), [(1, D("100"))]) == []


def test_managers_and_admins_set_rules_and_it_is_audited(db, staff):
    with pytest.raises(PermissionDenied):
        call(db, oa.set_approval_rules, staff.rep1, ApprovalRules(D("1")))
    with pytest.raises(PermissionDenied):
        call(db, oa.set_approval_rules, staff.warehouse, ApprovalRules(D("1")))
    saved = call(db, oa.set_approval_rules, staff.manager,
                 ApprovalRules(D("50000.00"), D("10")))
    assert saved == ApprovalRules(D("50000"), D("10"))
    assert call(db, oa.get_approval_rules, staff.finance) == saved
    stored = db.read(lambda s: s.get(Setting, "sales_order_approval").value)
    assert stored == {"amount_above": "50000", "discount_above": "10"}
    cleared = call(db, oa.set_approval_rules, staff.admin, ApprovalRules(None, D("5.5")))
    assert cleared == ApprovalRules(None, D("5.5"))
    details = db.read(lambda s: s.scalars(
        select(AuditLog.details).where(AuditLog.action == "approval.rules")
        .order_by(AuditLog.id)).all())
    assert details[0]["before"] == {"amount_above": None, "discount_above": None}
    assert details[1]["before"] == stored
    assert details[1]["after"] == {"amount_above": None, "discount_above": "5.5"}


@pytest.mark.parametrize("rules, fields", [
    (ApprovalRules(D("-1"), None), {"amount_above"}),
    (ApprovalRules(D("10.001"), None), {"amount_above"}),
    (ApprovalRules(None, D("100.5")), {"discount_above"}),
    (ApprovalRules("abc", D("-3")), {"amount_above", "discount_above"}),
])
def test_bad_rules_are_refused_all_at_once(db, staff, rules, fields):
    with pytest.raises(ValidationError) as err:
        call(db, oa.set_approval_rules, staff.admin, rules)
    assert set(err.value.errors) == fields
    assert db.read(lambda s: s.get(Setting, "sales_order_approval")) is None


def test_a_malformed_stored_value_counts_as_not_set(db, staff):
    db.write(lambda s: s.add(Setting(key="sales_order_approval",
                                     value={"amount_above": "lots", "discount_above": 12})))
    assert call(db, oa.get_approval_rules, staff.rep1) == ApprovalRules(None, D("12"))


def test_thresholds_are_strictly_above():
    rules = ApprovalRules(D("1000"), D("10"))
    assert oa.approval_reasons(rules, D("1000.00"), [(1, D("10")), (2, D("0"))]) == []
    assert oa.approval_reasons(rules, D("1000.01"), [(1, D("10.01")), (2, D("30")),
                                                     (3, D("30"))]) == [
        "The total 1000.01 is above the approval limit 1000.00.",
        "Line 2 has a 30% discount, above the approval limit of 10%.",
    ]
    assert oa.approval_reasons(ApprovalRules(D("0"), None), D("0.01"), []) == [
        "The total 0.01 is above the approval limit 0.00."]
