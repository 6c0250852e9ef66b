"""Customer form on real databases: messages beside the fields, the duplicate dialog and
the stale-edit conflict dialog."""
from __future__ import annotations

from app.client import Client
from services import customers as cs
from services.customers import CustomerInput
from tests.ui.helpers_b import (add_customer, customer_names, quick_staff, rep_client,  # noqa: F401
                                sqlite_staff, staffed_db,
                                staffed_sqlite_template)
from ui.customers.form import CustomerFormDialog


def open_form(qtbot, client, runner, customer_id=None) -> CustomerFormDialog:
    form = CustomerFormDialog(client, runner, customer_id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.save_button.isEnabled(), timeout=10000)
    return form


def test_messages_appear_beside_the_fields_and_input_is_kept(qtbot, rep_client, runner):
    form = open_form(qtbot, rep_client, runner)
    form.phone.setText("12345")
    form.email.setText("not-an-email")
    form.region.setText("浙江杭州")
    form.save_button.click()
    qtbot.waitUntil(lambda: bool(form.errors.message("name")), timeout=10000)

    assert form.errors.message("phone")
    assert form.errors.message("email")
    assert not form.errors.message("region")
    # The message sits right under its own field, inside the same container.
    phone_box = form.phone.parentWidget()
    label = form.errors.label("phone")
    assert label.parentWidget() is phone_box and label.isVisible()
    assert label.geometry().top() >= form.phone.geometry().bottom()
    # What the user typed is still there; nothing was saved; the dialog stays open.
    assert (form.phone.text(), form.email.text(), form.region.text()) == (
        "12345", "not-an-email", "浙江杭州")
    assert form.isVisible() and customer_names(rep_client) == []

    form.name.setText("杭州数据科技")
    form.phone.setText("0571-8888 6666")
    form.email.setText("info@hzdata.cn")
    saved = []
    form.saved.connect(saved.append)
    form.save_button.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert not form.errors.message("phone")
    detail = rep_client.read(cs.get_customer, saved[0])
    assert (detail.name, detail.phone, detail.owner_name) == ("杭州数据科技", "0571-8888 6666", "张伟")


def test_duplicate_save_anyway_creates_a_second(qtbot, db, runner):
    staff = quick_staff(db)
    client = Client(db, staff.rep1)
    first = add_customer(client, "深圳华为电子科技有限公司", phone="0755-2678 9000")
    form = open_form(qtbot, client, runner)
    form.name.setText("深圳华为电子科技有限公司")
    form.phone.setText("+86 755 2678 9000")
    saved = []
    form.saved.connect(saved.append)
    form.save_button.click()
    qtbot.waitUntil(lambda: form.duplicate_dialog is not None
                    and form.duplicate_dialog.isVisible(), timeout=10000)
    dialog = form.duplicate_dialog
    assert dialog.table.item(0, 0).text() == first.code
    assert dialog.table.item(0, 2).text() == "张伟"
    assert "same name" in dialog.table.item(0, 3).text()
    assert "same phone" in dialog.table.item(0, 3).text()

    dialog.save_anyway_button.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert saved[0] != first.id
    assert customer_names(client) == ["深圳华为电子科技有限公司"] * 2


def test_duplicate_cancel_creates_none_and_keeps_the_form(qtbot, rep_client, runner):
    add_customer(rep_client, "南京长江物流", tax_id="91320100MA1XYW123W")
    form = open_form(qtbot, rep_client, runner)
    form.name.setText("长江物流（南京）")
    form.tax_id.setText("91320100MA1XYW123W")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.duplicate_dialog is not None
                    and form.duplicate_dialog.isVisible(), timeout=10000)
    assert form.duplicate_dialog.table.item(0, 3).text() == "same tax ID"
    form.duplicate_dialog.cancel_button.click()

    assert not form.duplicate_dialog.isVisible()
    assert form.isVisible() and form.name.text() == "长江物流（南京）"
    assert len(customer_names(rep_client)) == 1


def test_duplicate_open_existing_asks_the_caller(qtbot, rep_client, runner):
    first = add_customer(rep_client, "武汉光谷激光", phone="027-8765 4321")
    form = open_form(qtbot, rep_client, runner)
    form.name.setText("武汉光谷激光")
    opened = []
    form.open_requested.connect(opened.append)
    form.save_button.click()
    qtbot.waitUntil(lambda: form.duplicate_dialog is not None
                    and form.duplicate_dialog.isVisible(), timeout=10000)
    form.duplicate_dialog.candidate_button.click()
    assert opened == [first.id] and not form.isVisible()
    assert len(customer_names(rep_client)) == 1


def _change_elsewhere(client, customer_id, **changes):
    """Another user saves the customer in their own transaction."""
    current = client.read(cs.get_customer, customer_id)
    data = CustomerInput(**{**{f: getattr(current, f) for f in (
        "name", "kind", "code", "level", "industry", "source", "region", "address", "phone",
        "email", "tax_id", "notes")}, **changes})
    return client.write(cs.update_customer, customer_id, data,
                        expected_version=current.version_id)


def test_stale_edit_shows_both_values_and_overwrite_saves_mine(qtbot, rep_client, runner,
                                                               staffed_db, sqlite_staff):
    c = add_customer(rep_client, "厦门鼓浪屿旅游", phone="0592-111 2222", level="B")
    form = open_form(qtbot, rep_client, runner, c.id)
    assert form.phone.text() == "0592-111 2222"
    manager = Client(staffed_db, sqlite_staff.manager)
    _change_elsewhere(manager, c.id, phone="0592-333 4444", level="A")

    form.phone.setText("0592-555 6666")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.conflict_dialog is not None
                    and form.conflict_dialog.isVisible(), timeout=10000)
    dialog = form.conflict_dialog
    assert dialog.row_values("phone") == ("0592-555 6666", "0592-333 4444")
    assert dialog.row_values("level") == ("B", "A")

    saved = []
    form.saved.connect(saved.append)
    dialog.overwrite_button.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    now = rep_client.read(cs.get_customer, c.id)
    assert (now.phone, now.level) == ("0592-555 6666", "B")
    assert now.version_id == 3


def test_stale_edit_keep_theirs_reloads_the_form(qtbot, rep_client, runner, staffed_db,
                                                 sqlite_staff):
    c = add_customer(rep_client, "青岛啤酒街餐饮", region="山东")
    form = open_form(qtbot, rep_client, runner, c.id)
    _change_elsewhere(Client(staffed_db, sqlite_staff.manager), c.id, region="山东青岛")
    form.region.setText("山东省")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.conflict_dialog is not None
                    and form.conflict_dialog.isVisible(), timeout=10000)
    assert form.conflict_dialog.row_values("region") == ("山东省", "山东青岛")
    form.conflict_dialog.keep_theirs_button.click()

    assert form.region.text() == "山东青岛" and form.isVisible()
    assert "王经理" in form.status.text()
    assert rep_client.read(cs.get_customer, c.id).region == "山东青岛"
    # Saving now works on top of their version.
    form.notes.setPlainText("checked")
    form.save_button.click()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    assert rep_client.read(cs.get_customer, c.id).notes == "checked"


def test_edit_that_duplicates_another_can_merge_into_it(qtbot, rep_client, runner):
    kept = add_customer(rep_client, "西安古城文化传媒", phone="029-8765 4321")
    other = add_customer(rep_client, "古城传媒")
    form = open_form(qtbot, rep_client, runner, other.id)
    form.phone.setText("029 8765 4321")            # now it shares the phone with ``kept``
    saved = []
    form.saved.connect(saved.append)
    form.save_button.click()
    qtbot.waitUntil(lambda: form.duplicate_dialog is not None
                    and form.duplicate_dialog.isVisible(), timeout=10000)
    dialog = form.duplicate_dialog
    assert dialog.table.item(0, 0).text() == kept.code
    assert dialog.candidate_button.text() == "Merge this customer into the selected one"
    dialog.candidate_button.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert saved == [kept.id] and not form.isVisible()
    assert rep_client.read(cs.get_customer, other.id).merged_into_id == kept.id
