"""Customer 360° view on real databases: header, contacts, timeline, quick follow-up,
sections that appear only with rows, edit and merge."""
from __future__ import annotations

import dataclasses
import datetime as dt

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from app.client import Client
from services import customers as cs
from models.system import Setting
from tests.ui.helpers_b import (add_contact, add_customer, log, quick_staff,  # noqa: F401
                                rep_client, sqlite_staff, staffed_db,
                                staffed_sqlite_template, table_column)
from ui.customers.detail import Customer360Widget
from ui.widgets.formatting import local_datetime_text


def open_360(qtbot, client, runner, customer_id) -> Customer360Widget:
    w = Customer360Widget(client, runner, customer_id)
    qtbot.addWidget(w)
    w.resize(1100, 650)
    w.show()
    qtbot.waitUntil(lambda: w.data is not None, timeout=10000)
    return w


def test_360_shows_header_contacts_and_timeline_newest_first(qtbot, db, runner):
    staff = quick_staff(db)
    client = Client(db, staff.rep1)
    c = add_customer(client, "深圳华为电子科技有限公司", phone="0755-2678 9000", level="A",
                     region="广东深圳")
    add_contact(client, c.id, "李明", title="采购经理", phone="138 0013 8000", is_primary=True)
    add_contact(client, c.id, "陈静", title="财务主管")
    log(client, c.id, "第一次电话", days_ago=5)
    log(client, c.id, "上门拜访，谈了交货期", kind="visit", days_ago=1,
        next_on=dt.date.today() + dt.timedelta(days=3))

    w = open_360(qtbot, client, runner, c.id)

    assert w.title.text() == "深圳华为电子科技有限公司"
    assert w.code_label.text() == c.code
    assert w.owner_value.text() == "张伟"
    assert w.region_value.text() == "广东深圳"
    assert w.next_value.text() == (dt.date.today() + dt.timedelta(days=3)).isoformat()
    assert table_column(w.contacts, 0) == ["李明 ★", "陈静"]
    assert table_column(w.timeline, 4) == ["上门拜访，谈了交货期", "第一次电话"]
    assert table_column(w.timeline, 2) == ["张伟", "张伟"]
    assert w.timeline.item(0, 1).text() == "Visit"
    # Later modules' sections are empty here: no tabs for them.
    assert w.visible_tab_titles() == ["Contacts (2)", "Follow-ups (2)"]


def test_quick_follow_up_goes_first_and_updates_header(qtbot, rep_client, runner):
    c = add_customer(rep_client, "杭州西湖茶业有限公司")
    log(rep_client, c.id, "old call", days_ago=10)
    w = open_360(qtbot, rep_client, runner, c.id)
    before = w.last_value.text()
    changed = []
    w.customer_changed.connect(changed.append)

    entry = w.follow_up
    entry.kind.setCurrentIndex(entry.kind.findData("wechat"))
    entry.notes.setFocus()
    entry.notes.insertPlainText("发了报价单")   # QTest cannot type CJK; an IME inserts text
    next_on = dt.date.today() + dt.timedelta(days=2)
    entry.next_date.setDate(next_on)
    qtbot.keyClick(entry.notes, Qt.Key_Return, Qt.ControlModifier)   # Ctrl+Enter saves

    qtbot.waitUntil(lambda: w.timeline.rowCount() == 2 and
                    w.timeline.item(0, 4).text() == "发了报价单", timeout=10000)
    assert w.timeline.item(0, 1).text() == "WeChat"
    assert w.timeline.item(0, 5).text() == next_on.isoformat()
    saved = rep_client.read(cs.get_customer, c.id).last_follow_up_at
    assert w.last_value.text() == local_datetime_text(saved) != before
    assert w.next_value.text() == next_on.isoformat()
    assert changed == [c.id]
    assert entry.notes.toPlainText() == ""          # ready for the next one
    assert entry.next_date.date() is None


def test_quick_follow_up_needs_notes(qtbot, rep_client, runner):
    c = add_customer(rep_client, "空白备注测试")
    w = open_360(qtbot, rep_client, runner, c.id)
    w.follow_up.save_button.click()
    assert w.follow_up.errors.message("notes")
    assert rep_client.read(cs.customer_360, c.id).timeline_total == 0


def test_days_until_pool_highlighted_when_three_or_fewer(qtbot, staffed_db, rep_client,
                                                        runner):
    c = add_customer(rep_client, "苏州园林设计院")
    w = open_360(qtbot, rep_client, runner, c.id)
    assert w.pool_value.text() == "in 30 days" and not w.pool_warning

    def short_return(s):
        s.add(Setting(key="pool.return_after_days", value=2))
    staffed_db.write(short_return)
    w.reload()
    qtbot.waitUntil(lambda: w.pool_value.text() == "in 2 days", timeout=10000)
    assert w.pool_warning


def test_pool_customer_says_so(qtbot, sqlite_staff, staffed_db, runner):
    manager = Client(staffed_db, sqlite_staff.manager)
    c = add_customer(manager, "公海客户有限公司", to_pool=True)
    w = open_360(qtbot, manager, runner, c.id)
    assert w.owner_value.text() == "in public pool"
    assert w.pool_value.text() == "in public pool"


def test_section_tabs_appear_only_with_rows(qtbot, rep_client, runner):
    @dataclasses.dataclass(frozen=True)
    class ReceivableRow:       # the shape a later module's 360 section rows will have
        id: int
        number: str
        total: str

    c = add_customer(rep_client, "上海浦东贸易公司")
    w = open_360(qtbot, rep_client, runner, c.id)
    w.show_data(dataclasses.replace(
        w.data, receivables=(ReceivableRow(1, "AR-2026-0001", "1200.00"),)))
    assert w.visible_tab_titles() == ["Contacts (0)", "Follow-ups (0)", "Receivables (1)"]
    table = w.section_tables["receivables"]
    assert table.item(0, 0).text() == "AR-2026-0001"
    w.show_data(dataclasses.replace(w.data, receivables=()))
    assert w.visible_tab_titles() == ["Contacts (0)", "Follow-ups (0)"]


def test_edit_button_opens_form_and_header_follows(qtbot, rep_client, runner):
    c = add_customer(rep_client, "北京中关村软件")
    w = open_360(qtbot, rep_client, runner, c.id)
    changed = []
    w.customer_changed.connect(changed.append)
    w.edit_button.click()
    form = w.form_dialog
    qtbot.waitUntil(lambda: form.save_button.isEnabled(), timeout=10000)
    form.name.setText("北京中关村软件股份有限公司")
    form.save_button.click()
    qtbot.waitUntil(lambda: w.title.text() == "北京中关村软件股份有限公司", timeout=10000)
    assert changed == [c.id]


def test_add_contact_from_360(qtbot, rep_client, runner):
    c = add_customer(rep_client, "广州白云电器")
    w = open_360(qtbot, rep_client, runner, c.id)
    w.add_contact_button.click()
    dialog = w.contact_dialog
    dialog.phone.setText("12")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.errors.message("name")), timeout=10000)
    assert dialog.errors.message("phone")
    dialog.name.setText("王芳")
    dialog.phone.setText("139 2233 4455")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: table_column(w.contacts, 0) == ["王芳"], timeout=10000)
    assert w.follow_up.contact.findText("王芳") >= 0

    w.contacts.selectRow(0)
    w.edit_contact_button.click()
    edit = w.contact_dialog
    assert edit is not dialog and edit.name.text() == "王芳"
    edit.title.setText("销售总监")
    edit.save_button.click()
    qtbot.waitUntil(lambda: table_column(w.contacts, 1) == ["销售总监"], timeout=10000)


def test_merge_another_customer_into_this(qtbot, rep_client, runner):
    keep = add_customer(rep_client, "成都天府软件有限公司", phone="028-8888 1234")
    gone = add_customer(rep_client, "成都天府软件", phone="028 8888 1234")
    add_contact(rep_client, gone.id, "赵强")
    log(rep_client, gone.id, "老客户的跟进", days_ago=2)
    w = open_360(qtbot, rep_client, runner, keep.id)

    w.merge_button.click()
    picker = w.picker_dialog
    picker.search.setText("天府")
    qtbot.waitUntil(lambda: [r.id for r in picker.rows] == [gone.id], timeout=10000)
    picker.ok_button.click()
    qtbot.waitUntil(lambda: w.merge_confirm is not None and w.merge_confirm.isVisible(),
                    timeout=10000)
    box = w.merge_confirm
    assert gone.code in box.text() and keep.code in box.text()
    assert "1 contact(s)" in box.informativeText()
    assert "1 follow-up(s)" in box.informativeText()
    box.merge_button.click()

    qtbot.waitUntil(lambda: table_column(w.contacts, 0) == ["赵强"], timeout=10000)
    assert table_column(w.timeline, 4) == ["老客户的跟进"]
    assert rep_client.read(cs.get_customer, gone.id).merged_into_id == keep.id


def test_view_closed_before_its_data_arrives(qtbot, qapp, rep_client, runner):
    c = add_customer(rep_client, "关得很快的标签页")
    w = Customer360Widget(rep_client, runner, c.id)     # loading starts at once
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert not shiboken6.isValid(w)
    runner.wait_idle(10000)
    qapp.processEvents()          # the result arrives for a widget that is gone: dropped
