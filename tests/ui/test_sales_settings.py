"""Sales settings screen on real databases: stages (rename, probability, add, errors beside
the row), public-pool rules (saved and obeyed by the sweep), and a rep's refused save."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.client import Client
from models.party import Customer
from services import pool, stages
from services.customers import pool_return_days
from tests.helpers.org import make_staff
from tests.helpers.pipeline import make_customer, make_opportunity
from ui.pipeline.sales_settings import (COL_CODE, COL_NAME_EN, COL_NAME_ZH, COL_PROBABILITY,
                                        SalesSettingsWidget)


def _widget(qtbot, client, runner) -> SalesSettingsWidget:
    w = SalesSettingsWidget(client, runner)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=20000):
        w.show()
    return w


def _row(w: SalesSettingsWidget, code: str) -> int:
    return next(r for r in range(w.table.rowCount()) if w.table.item(r, COL_CODE).text() == code)


def test_renaming_a_stage_and_its_probability_applies_to_new_opportunities(qtbot, runner, db):
    staff = make_staff(db)
    w = _widget(qtbot, Client(db, staff.manager), runner)
    r = _row(w, "needs")
    w.table.item(r, COL_NAME_ZH).setText("需求确认中")
    w.table.cellWidget(r, COL_PROBABILITY).setValue(35)
    assert [kw["code"] for _, kw in w.stage_changes()] == ["needs"]
    with qtbot.waitSignal(w.stages_saved, timeout=20000):
        w.save_stages_button.click()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)
    needs = next(s for s in db.read(lambda s: stages.list_stages(s, staff.manager))
                 if s.code == "needs")
    assert (needs.name_zh, needs.probability) == ("需求确认中", 35)
    assert w.stage_changes() == []          # reloaded: nothing left to save
    opp = make_opportunity(db, staff.rep1, stage="needs")
    assert opp.probability == 35


def test_add_a_stage_and_errors_show_beside_the_row(qtbot, runner, sqlite_db):
    staff = make_staff(sqlite_db)
    w = _widget(qtbot, Client(sqlite_db, staff.admin), runner)
    count = w.table.rowCount()
    r = w.add_stage()
    w.table.item(r, COL_CODE).setText("demo")
    w.table.item(r, COL_NAME_EN).setText("Demo")
    # Chinese name left blank; an existing row renamed at the same time rolls back too
    w.table.item(_row(w, "initial"), COL_NAME_EN).setText("First contact")
    with qtbot.waitSignal(w.failed, timeout=20000) as failed:
        w.save_stages()
    assert "Stage name is required." in failed.args[0] and "demo" in failed.args[0]
    assert w.stage_status.isVisible()
    assert w.table.item(r, COL_NAME_ZH).toolTip() == "Stage name is required."
    codes = [s.code for s in sqlite_db.read(
        lambda s: stages.list_stages(s, staff.admin, include_inactive=True))]
    assert "demo" not in codes and len(codes) == count
    assert "First contact" not in [s.name_en for s in sqlite_db.read(
        lambda s: stages.list_stages(s, staff.admin))]       # one transaction: nothing saved

    w.table.item(r, COL_NAME_ZH).setText("演示")
    w.table.cellWidget(r, COL_PROBABILITY).setValue(40)
    with qtbot.waitSignal(w.stages_saved, timeout=20000):
        w.save_stages()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)
    saved = {s.code: s for s in sqlite_db.read(lambda s: stages.list_stages(s, staff.admin))}
    assert (saved["demo"].name_zh, saved["demo"].probability, saved["demo"].is_won) == \
        ("演示", 40, False)
    assert saved["initial"].name_en == "First contact"
    # an existing row's code is read-only
    assert not w.table.item(_row(w, "demo"), COL_CODE).flags() & Qt.ItemFlag.ItemIsEditable


def test_pool_rules_are_saved_and_the_sweep_follows_them(qtbot, runner, sqlite_db):
    staff = make_staff(sqlite_db)
    a = make_customer(sqlite_db, staff.rep1, "深圳华星电子有限公司", level="A")
    b = make_customer(sqlite_db, staff.rep1, "上海远航贸易有限公司", level="B")
    w = _widget(qtbot, Client(sqlite_db, staff.manager), runner)
    w.rule_spins[("A", "no_follow_up_days")].setValue(5)
    w.rule_spins[("A", "no_deal_days")].setValue(0)
    w.rule_spins[("B", "no_follow_up_days")].setValue(0)      # off
    w.rule_spins[("B", "no_deal_days")].setValue(0)
    w.rule_spins[("default", "no_follow_up_days")].setValue(45)
    w.max_owned.setValue(200)
    w.reclaim_days.setValue(3)
    with qtbot.waitSignal(w.rules_saved, timeout=20000):
        w.save_rules_button.click()
    rules = sqlite_db.read(pool.get_pool_rules)
    assert rules.rule_for("A") == pool.LevelRule(5, None)
    assert rules.rule_for("B") == pool.LevelRule(None, None)
    assert rules.default.no_follow_up_days == 45
    assert (rules.max_owned, rules.reclaim_block_days) == (200, 3)
    assert sqlite_db.read(lambda s: pool_return_days(s, "A")) == 5
    # six days later the level-A customer returns to the pool; B's clock is off
    later = a.created_at + dt.timedelta(days=6)
    result = sqlite_db.write(lambda s: pool.sweep_pool(s, now=later))
    assert result.no_follow_up == 1
    owners = sqlite_db.read(lambda s: {c: s.get(Customer, c).owner_id for c in (a.id, b.id)})
    assert owners == {a.id: None, b.id: staff.rep1.user_id}


def test_a_rep_sees_read_only_settings_and_cannot_save(qtbot, runner, sqlite_db):
    staff = make_staff(sqlite_db)
    w = _widget(qtbot, Client(sqlite_db, staff.rep1), runner)
    assert w.read_only_note.isVisibleTo(w)
    assert not w.save_stages_button.isEnabled() and not w.save_rules_button.isEnabled()
    assert not w.table.item(0, COL_NAME_EN).flags() & Qt.ItemFlag.ItemIsEditable
    # even if the screen let it through, the service refuses and the screen says so
    with qtbot.waitSignal(w.failed, timeout=20000) as failed:
        w.save_rules()
    assert failed.args[0] == ("Only a sales manager or an administrator can change the "
                              "public pool rules.")
    w.table.item(0, COL_NAME_EN).setText("Renamed")
    with qtbot.waitSignal(w.failed, timeout=20000) as failed:
        w.save_stages()
    assert failed.args[0] == "Only a sales manager or an administrator can change the stages."
    assert w.stage_status.text() == failed.args[0]
