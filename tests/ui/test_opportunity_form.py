"""Opportunity form and the 360° view's opportunities tab and unified timeline, on real
databases: stage fills the default probability, messages beside the fields, save, the
stale-edit choice, the commit mark for managers, a lost stage needing a reason."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from app.client import Client
from services import opportunities as ops
from services.opportunities import OpportunityInput
from tests.ui.helpers_b import (add_customer, log, quick_staff, rep_client,  # noqa: F401
                                sqlite_staff, staffed_db, staffed_sqlite_template,
                                table_column)
from tests.ui.test_pipeline_board import add_opportunity, stages
from ui.customers.detail import Customer360Widget
from ui.pipeline import money_text, parse_money
from ui.pipeline.opportunity_form import OpportunityFormDialog


def open_form(qtbot, client, runner, **kwargs) -> OpportunityFormDialog:
    form = OpportunityFormDialog(client, runner, **kwargs)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: not form.busy, timeout=10000)
    return form


def choose_stage(form: OpportunityFormDialog, code: str) -> None:
    stage = next(s for s in form.stages if s.code == code)
    form.stage.setCurrentIndex(form.stage.findData(stage.id))


def test_money_is_read_as_people_type_it():
    assert parse_money("120000") == Decimal("120000.00")
    assert parse_money("120,000.50") == Decimal("120000.50")
    assert parse_money("￥12 000") == Decimal("12000.00")
    assert parse_money("1.5万") == Decimal("15000.00")
    assert parse_money("  ") is None
    for bad in ("abc", "12..5", "万"):
        try:
            parse_money(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was accepted")
    assert money_text(Decimal("1234567")) == "¥1,234,567"
    assert money_text(Decimal("0.5")) == "¥0.50"


def test_new_opportunity_stage_fills_probability_and_saves(qtbot, db, runner):
    staff = quick_staff(db)
    client = Client(db, staff.rep1)
    c = add_customer(client, "深圳华为电子科技有限公司")
    form = open_form(qtbot, client, runner, customer_id=c.id, customer_name=c.name)
    assert form.customer_label.text() == "深圳华为电子科技有限公司"
    assert form.stage.currentText() == "Initial contact"
    assert form.probability.value() == 10
    assert form.owner.currentData() == staff.rep1.user_id
    assert not form.commit.isVisible()                   # reps do not mark commit
    choose_stage(form, "proposal")
    assert form.probability.value() == 50
    form.probability.setValue(55)                        # the rep's own estimate

    # Nothing typed: messages beside title and amount, nothing saved.
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    assert form.errors.message("amount") == "Amount is required (0 when not known yet)."
    form.amount.setText("十二万")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    assert "Type an amount" in form.errors.message("amount")
    form.amount.setText("12万")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(form.errors.message("title")), timeout=10000)
    assert form.errors.message("title") == "Title is required."
    assert form.amount.text() == "12万" and form.isVisible()   # what was typed stays

    form.title.insert("二期生产线改造")
    form.close_on.setDate(dt.date(2030, 6, 30))
    form.products.insert("贴片机 ×2")
    saved = []
    form.saved.connect(saved.append)
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert not form.isVisible()
    info = client.read(ops.get_opportunity, saved[0].id)
    assert (info.customer_id, info.title, info.amount, info.stage_code, info.probability,
            info.expected_close_on, info.products_of_interest, info.owner_name) == (
        c.id, "二期生产线改造", Decimal("120000.00"), "proposal", 55, dt.date(2030, 6, 30),
        "贴片机 ×2", "张伟")


def test_lost_stage_in_the_form_needs_a_reason(qtbot, rep_client, runner):
    c = add_customer(rep_client, "广州宏达贸易有限公司")
    opp = add_opportunity(rep_client, c.id, "包装机", "45000", stage="negotiation")
    form = open_form(qtbot, rep_client, runner, opportunity=opp)
    assert not form.rows["lost_reason"].isVisible()
    choose_stage(form, "lost")
    assert form.rows["lost_reason"].isVisible()
    assert form.probability.value() == 0 and not form.probability.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(form.errors.message("lost_reason")), timeout=10000)
    assert form.errors.message("lost_reason") == "Say why the opportunity was lost."
    form.lost_reason.setCurrentText("Chose a competitor")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    info = rep_client.read(ops.get_opportunity, opp.id)
    assert (info.state, info.lost_reason) == ("lost", "Chose a competitor")


def test_stale_edit_shows_both_versions_and_can_overwrite(qtbot, rep_client, runner,
                                                          sqlite_staff):
    c = add_customer(rep_client, "成都东方机械有限公司")
    opp = add_opportunity(rep_client, c.id, "数控机床", "260000", stage="needs")
    form = open_form(qtbot, rep_client, runner, opportunity=opp)
    assert form.title.text() == "数控机床" and form.amount.text() == "260000.00"
    manager = Client(rep_client.db, sqlite_staff.manager)
    manager.write(ops.update_opportunity, opp.id,
                  OpportunityInput(customer_id=c.id, title="数控机床", amount=Decimal("240000")),
                  expected_version=opp.version_id)

    form.amount.setText("300000")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: form.conflict_dialog is not None and
                    form.conflict_dialog.isVisible(), timeout=10000)
    dialog = form.conflict_dialog
    assert dialog.row_values("amount") == ("¥300,000", "¥240,000")
    assert "title" not in dialog.fields
    qtbot.mouseClick(dialog.overwrite_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    assert rep_client.read(ops.get_opportunity, opp.id).amount == Decimal("300000.00")


def test_stale_edit_keep_theirs_reloads_the_form(qtbot, rep_client, runner, sqlite_staff):
    c = add_customer(rep_client, "北京星辰软件有限公司")
    opp = add_opportunity(rep_client, c.id, "ERP 实施", "300000")
    form = open_form(qtbot, rep_client, runner, opportunity=opp)
    manager = Client(rep_client.db, sqlite_staff.manager)
    manager.write(ops.update_opportunity, opp.id,
                  OpportunityInput(customer_id=c.id, title="ERP 实施（一期）",
                                   amount=Decimal("300000")),
                  expected_version=opp.version_id)
    form.notes.setPlainText("客户要求分两期")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: form.conflict_dialog is not None and
                    form.conflict_dialog.isVisible(), timeout=10000)
    assert form.conflict_dialog.row_values("title") == ("ERP 实施", "ERP 实施（一期）")
    qtbot.mouseClick(form.conflict_dialog.keep_theirs_button, Qt.LeftButton)
    assert form.title.text() == "ERP 实施（一期）" and form.notes.toPlainText() == ""
    assert form.isVisible() and form.status.text() == "Reloaded the saved version."


def test_manager_marks_commit_in_the_same_save(qtbot, staffed_db, sqlite_staff, runner):
    rep = Client(staffed_db, sqlite_staff.rep1)
    manager = Client(staffed_db, sqlite_staff.manager)
    c = add_customer(rep, "杭州西湖茶业有限公司")
    opp = add_opportunity(rep, c.id, "茶叶礼盒", "9000", stage="negotiation")
    form = open_form(qtbot, manager, runner, opportunity=opp)
    assert form.commit.isVisible() and form.commit.isEnabled()
    assert form.owner.currentText() == "张伟"
    form.commit.setChecked(True)
    form.amount.setText("9500")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    info = rep.read(ops.get_opportunity, opp.id)
    assert (info.is_commit, info.amount) == (True, Decimal("9500.00"))


def test_360_opportunities_tab_and_unified_timeline(qtbot, db, runner):
    staff = quick_staff(db)
    client = Client(db, staff.rep1)
    c = add_customer(client, "苏州精工机械有限公司")
    log(client, c.id, "第一次电话")
    w = Customer360Widget(client, runner, c.id)
    qtbot.addWidget(w)
    w.resize(1100, 650)
    w.show()
    qtbot.waitUntil(lambda: w.data is not None and w.history is not None, timeout=10000)
    # No opportunity yet: no tab for them, nothing beyond follow-ups to put in a timeline.
    assert w.visible_tab_titles() == ["Contacts (0)", "Follow-ups (1)"]
    assert w.new_opportunity_button.isEnabled()

    qtbot.mouseClick(w.new_opportunity_button, Qt.LeftButton)
    form = w.opportunity_form
    qtbot.waitUntil(lambda: not form.busy, timeout=10000)
    assert form.customer_label.text() == "苏州精工机械有限公司"
    assert not form.choose_customer.isVisible()
    form.title.insert("自动化装配线")
    form.amount.insert("350000")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: w.visible_tab_titles()[2:] == ["Opportunities (1)", "Timeline"],
                    timeout=10000)
    tab = w.opportunities_tab
    assert table_column(tab.table, 0) == ["自动化装配线"]
    assert table_column(tab.table, 1) == ["Initial contact"]
    assert table_column(tab.table, 2) == ["¥350,000"]
    opp = client.read(ops.opportunities_of_customer, c.id)[0]

    # A stage change and a newer follow-up: the timeline has them all, newest first.
    client.write(ops.move_stage, opp.id, stages(client)["proposal"].id)
    log(client, c.id, "发了报价单")
    w.reload()
    qtbot.waitUntil(lambda: len(w.history_tab.entries) == 5, timeout=10000)
    assert w.history_tab.kinds() == ["follow_up", "stage", "stage", "follow_up", "owner"]
    assert w.history_tab.details() == [
        "发了报价单", "“自动化装配线”: Initial contact → Proposal / quote",
        "“自动化装配线” opened in Initial contact", "第一次电话", "Created; owner 张伟"]
    assert table_column(w.history_tab.table, 2)[:3] == ["张伟", "张伟", "张伟"]

    # Double-clicking the opportunity opens its form.
    item = tab.table.item(0, 0)
    tab.table.setCurrentItem(item)
    tab.table.itemActivated.emit(item)
    qtbot.waitUntil(lambda: w.opportunity_form is not form and not w.opportunity_form.busy,
                    timeout=10000)
    assert w.opportunity_form.title.text() == "自动化装配线"
    assert w.opportunity_form.stage.currentText() == "Proposal / quote"


def test_new_opportunity_without_a_customer_asks_for_one(qtbot, rep_client, runner):
    c = add_customer(rep_client, "厦门海湾食品有限公司")
    form = open_form(qtbot, rep_client, runner)
    form.title.insert("门店收银系统")
    form.amount.insert("75000")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    assert form.errors.message("customer_id") == "Choose the customer."
    qtbot.mouseClick(form.choose_customer, Qt.LeftButton)
    picker = form.picker
    picker.search.setText("海湾")
    qtbot.waitUntil(lambda: picker.selected_id() == c.id, timeout=10000)
    qtbot.mouseClick(picker.ok_button, Qt.LeftButton)
    assert form.customer_label.text() == "厦门海湾食品有限公司"
    saved = []
    form.saved.connect(saved.append)
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert (saved[0].customer_id, saved[0].title) == (c.id, "门店收银系统")
