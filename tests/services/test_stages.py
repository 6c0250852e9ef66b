"""Opportunity stages: the seeded defaults and who may change what. Both databases."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from models.system import AuditLog
from services import stages
from services.errors import PermissionDenied, ValidationError
from tests.helpers.pipeline import make_opportunity, stage_ids


def save(db, actor, **kw):
    return db.write(lambda s: stages.save_stage(s, actor, **kw))


def test_default_stages_are_seeded_in_order(db, staff):
    rows = db.read(lambda s: stages.list_stages(s, staff.rep1))
    assert [(r.code, r.name_zh, r.probability, r.state) for r in rows] == [
        ("initial", "初步接触", 10, "open"), ("needs", "需求确认", 30, "open"),
        ("proposal", "方案报价", 50, "open"), ("negotiation", "商务谈判", 70, "open"),
        ("won", "赢单", 100, "won"), ("lost", "输单", 0, "lost")]
    assert all(r.name_en and r.active for r in rows)


def test_managers_configure_stages_with_every_problem_reported(db, staff):
    with pytest.raises(PermissionDenied):
        save(db, staff.rep1, code="demo", name_en="Demo", name_zh="演示", position=25,
             probability=40)
    with pytest.raises(ValidationError) as e:
        save(db, staff.manager, code="bad code!", name_en="", name_zh="演示", position=25,
             probability=140, is_won=True, is_lost=True)
    assert set(e.value.errors) == {"code", "name_en", "probability", "is_lost"}
    with pytest.raises(ValidationError) as e:
        save(db, staff.manager, code="won", name_en="Won again", name_zh="赢", position=95,
             probability=100, is_won=True)
    assert "already used" in e.value.errors["code"]

    demo = save(db, staff.manager, code="demo", name_en="Demo", name_zh="演示", position=25,
                probability=40)
    codes = [r.code for r in db.read(lambda s: stages.list_stages(s, staff.rep1))]
    assert codes == ["initial", "needs", "demo", "proposal", "negotiation", "won", "lost"]
    hidden = save(db, staff.admin, stage_id=demo.id, code="demo", name_en="Demo",
                  name_zh="演示", position=25, probability=40, active=False)
    assert "demo" not in [r.code for r in db.read(lambda s: stages.list_stages(s, staff.rep1))]
    assert hidden in db.read(lambda s: stages.list_stages(s, staff.rep1, include_inactive=True))
    actions = db.read(lambda s: list(s.scalars(select(AuditLog.action).where(
        AuditLog.entity == "stage", AuditLog.entity_id == demo.id).order_by(AuditLog.id))))
    assert actions == ["stage.create", "stage.update"]


def test_won_lost_flags_are_fixed_while_a_stage_holds_opportunities(db, staff):
    ids = stage_ids(db)
    o = make_opportunity(db, staff.rep1, stage="negotiation")
    kw = dict(stage_id=ids["negotiation"], code="negotiation", name_en="Negotiation",
              name_zh="商务谈判", position=40)
    with pytest.raises(ValidationError) as e:
        save(db, staff.admin, probability=70, is_won=True, **kw)
    assert "holds 1 opportunities" in e.value.errors["is_won"]
    # A new default probability applies to opportunities entering from now on only.
    assert save(db, staff.admin, probability=80, **kw).probability == 80
    from services.opportunities import get_opportunity
    assert db.read(lambda s: get_opportunity(s, staff.rep1, o.id)).probability == 70
    # An empty stage may change its kind.
    assert save(db, staff.admin, stage_id=ids["needs"], code="needs", name_en="Needs",
                name_zh="需求确认", position=20, probability=0, is_lost=True).state == "lost"
