"""Leads screen on real databases: quick enquiry → convert → customer, contact and
opportunity exist; conversion into an existing customer the lead looks like; duplicate
warning and "create anyway"; disqualify with a reason; filters and search; messages beside
the fields."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from app.client import Client
from models.party import Contact, Customer
from services import leads as lead_service
from services import opportunities as ops
from services.leads import LeadInput
from tests.helpers.xlsx import write_xlsx
from tests.ui.helpers_b import (add_customer, quick_staff, rep_client,  # noqa: F401
                                sqlite_staff, staffed_db, staffed_sqlite_template)
from ui.leads.lead_list import LeadListWidget


def open_list(qtbot, client, runner) -> LeadListWidget:
    w = LeadListWidget(client, runner)
    qtbot.addWidget(w)
    w.resize(1100, 600)
    w.show()
    qtbot.waitUntil(lambda: not w.loading, timeout=10000)
    return w


def add_lead(client: Client, name: str, **fields):
    return client.write(lead_service.create_lead, LeadInput(contact_name=name, **fields))


def lead_now(client: Client, lead_id: int):
    return client.read(lead_service.get_lead, lead_id)


def customers_named(client: Client, name: str) -> list[int]:
    return client.db.read(lambda s: list(s.scalars(
        select(Customer.id).where(Customer.name == name, Customer.merged_into_id.is_(None)))))


def select_lead(qtbot, w: LeadListWidget, lead_id: int) -> None:
    qtbot.waitUntil(lambda: w.select_lead(lead_id), timeout=10000)


def test_quick_enquiry_then_convert_makes_customer_contact_and_opportunity(qtbot, db, runner):
    staff = quick_staff(db)
    client = Client(db, staff.rep1)
    w = open_list(qtbot, client, runner)
    assert w.table.rowCount() == 0

    qtbot.mouseClick(w.new_button, Qt.LeftButton)
    form = w.form
    assert form.quick and form.isVisible()
    # QTest cannot type CJK; an input method inserts whole text.
    form.contact_name.insert("王先生")
    form.company.insert("苏州精工机械有限公司")
    form.phone.insert("139 1234 5678")
    form.source.setCurrentText("展会 Exhibition")
    form.enquiry.insertPlainText("询价：自动化装配线两条\n下月到厂参观")
    form.activateWindow()          # what the window manager does with a new dialog
    qtbot.waitUntil(form.isActiveWindow, timeout=5000)
    qtbot.keyClick(form.enquiry, Qt.Key_Return, Qt.ControlModifier)      # Ctrl+Enter saves
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: w.column_texts("contact_name") == ["王先生"], timeout=10000)
    assert w.column_texts("company") == ["苏州精工机械有限公司"]
    assert w.column_texts("status") == ["New"]
    assert w.column_texts("owner_name") == ["张伟"]
    lead_id = w.rows[0].id

    select_lead(qtbot, w, lead_id)
    assert w.convert_button.isEnabled()
    qtbot.mouseClick(w.convert_button, Qt.LeftButton)
    dialog = w.convert_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    assert dialog.new_choice.isChecked()                  # nothing like it exists
    assert dialog.name.text() == "苏州精工机械有限公司"
    assert dialog.title.text() == "询价：自动化装配线两条"   # the enquiry's first line
    dialog.opportunity_box.setChecked(True)
    dialog.amount.insert("35万")
    qtbot.mouseClick(dialog.convert_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)

    lead = lead_now(client, lead_id)
    assert lead.status == "converted"
    assert customers_named(client, "苏州精工机械有限公司") == [lead.customer_id]
    contact = db.read(lambda s: s.get(Contact, lead.contact_id))
    assert (contact.customer_id, contact.name, contact.phone) == (lead.customer_id, "王先生",
                                                                  "139 1234 5678")
    opp = client.read(ops.get_opportunity, lead.opportunity_id)
    assert (opp.customer_id, opp.title, opp.amount, opp.stage_code, opp.owner_name) == (
        lead.customer_id, "询价：自动化装配线两条", Decimal("350000.00"), "initial", "张伟")

    # The converted lead leaves the open list; the message links to the customer.
    qtbot.waitUntil(lambda: not w.loading and w.table.rowCount() == 0, timeout=10000)
    opened = []
    w.open_customer.connect(opened.append)
    assert "Open the customer" in w.message.text()
    w.message.linkActivated.emit(f"customer:{lead.customer_id}")
    assert opened == [lead.customer_id]


def test_convert_attaches_to_the_existing_customer_it_looks_like(qtbot, rep_client, runner):
    existing = add_customer(rep_client, "无锡华光电器有限公司", phone="0510-8888 1234")
    lead = add_lead(rep_client, "赵工", company="无锡华光电器有限公司", title="设备科长",
                    phone="139 0000 1111")
    w = open_list(qtbot, rep_client, runner)
    select_lead(qtbot, w, lead.id)
    w.convert_selected()
    dialog = w.convert_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    assert dialog.duplicate_note.isVisible()
    assert dialog.existing_choice.isChecked()
    assert dialog.selected_customer_id() == existing.id
    assert dialog.candidate_table.item(0, 3).text() == "same name"
    qtbot.mouseClick(dialog.convert_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lead_now(rep_client, lead.id).status == "converted", timeout=10000)
    converted = lead_now(rep_client, lead.id)
    assert converted.customer_id == existing.id and converted.opportunity_id is None
    assert customers_named(rep_client, "无锡华光电器有限公司") == [existing.id]
    contacts = rep_client.db.read(lambda s: [c.name for c in s.scalars(
        select(Contact).where(Contact.customer_id == existing.id))])
    assert contacts == ["赵工"]


def test_new_customer_like_an_existing_one_asks_then_creates_anyway(qtbot, rep_client, runner):
    add_customer(rep_client, "宁波港城物流有限公司")
    lead = add_lead(rep_client, "孙小姐", company="宁波港城物流有限公司")
    w = open_list(qtbot, rep_client, runner)
    select_lead(qtbot, w, lead.id)
    w.convert_selected()
    dialog = w.convert_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    dialog.new_choice.setChecked(True)          # the user insists on a new customer
    qtbot.mouseClick(dialog.convert_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.anyway_button.isVisible(), timeout=10000)
    assert lead_now(rep_client, lead.id).status == "new"       # nothing converted yet
    assert "exists already" in dialog.duplicate_note.text()
    qtbot.mouseClick(dialog.anyway_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lead_now(rep_client, lead.id).status == "converted", timeout=10000)
    assert len(customers_named(rep_client, "宁波港城物流有限公司")) == 2


def test_disqualify_asks_for_a_reason_and_the_status_filter_follows(qtbot, rep_client, runner):
    keep = add_lead(rep_client, "周经理", company="厦门海天食品有限公司")
    drop = add_lead(rep_client, "推销员", company="某某广告公司", enquiry="想给贵司做推广")
    w = open_list(qtbot, rep_client, runner)
    assert w.column_texts("contact_name") == ["推销员", "周经理"]
    select_lead(qtbot, w, drop.id)
    qtbot.mouseClick(w.disqualify_button, Qt.LeftButton)
    dialog = w.disqualify_dialog
    assert not dialog.ok_button.isEnabled()              # no reason, no disqualifying
    dialog.reason.setCurrentText("Spam or advertising")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lead_now(rep_client, drop.id).status == "disqualified",
                    timeout=10000)
    assert lead_now(rep_client, drop.id).disqualify_reason == "Spam or advertising"
    # The default filter shows open leads only.
    qtbot.waitUntil(lambda: not w.loading and w.column_texts("contact_name") == ["周经理"],
                    timeout=10000)
    w.status_filter.setCurrentIndex(w.status_filter.findText("Disqualified"))
    qtbot.waitUntil(lambda: not w.loading and w.column_texts("contact_name") == ["推销员"],
                    timeout=10000)
    select_lead(qtbot, w, drop.id)
    assert "Spam or advertising" in w.detail.text()
    assert not w.convert_button.isEnabled() and w.reopen_button.isEnabled()

    # Mark contacted, search.
    w.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not w.loading and w.column_texts("contact_name") == ["周经理"],
                    timeout=10000)
    select_lead(qtbot, w, keep.id)
    qtbot.mouseClick(w.contacted_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not w.loading and w.column_texts("status") == ["Contacted"],
                    timeout=10000)
    w.search.setText("海天")
    qtbot.waitUntil(lambda: not w.loading and w.column_texts("contact_name") == ["周经理"],
                    timeout=10000)
    w.search.setText("没有这个")
    qtbot.waitUntil(lambda: not w.loading and w.table.rowCount() == 0, timeout=10000)
    assert w.message.text() == "No leads match."


def test_lead_form_shows_messages_beside_fields_and_keeps_the_input(qtbot, rep_client, runner):
    w = open_list(qtbot, rep_client, runner)
    w.new_lead(quick=False)
    form = w.form
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    assert form.errors.message("contact_name")             # a name is needed first
    form.contact_name.insert("钱女士")
    form.phone.insert("12345")
    form.email.insert("qian.example.com")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(form.errors.message("phone")), timeout=10000)
    assert "too few digits" in form.errors.message("phone")
    assert "missing '@'" in form.errors.message("email")
    assert form.phone.text() == "12345" and form.isVisible()
    form.phone.setText("021-6234 5678")
    form.email.setText("qian@example.com")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: w.column_texts("contact_name") == ["钱女士"], timeout=10000)
    assert w.column_texts("phone") == ["021-6234 5678"]


def test_quick_form_save_and_add_another_keeps_the_source(qtbot, rep_client, runner):
    w = open_list(qtbot, rep_client, runner)
    w.new_lead(quick=True)
    form = w.form
    form.source.setCurrentText("展会 Exhibition")
    for name in ("客户甲", "客户乙"):
        form.contact_name.insert(name)
        qtbot.mouseClick(form.another_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: form.contact_name.text() == "", timeout=10000)
    assert form.isVisible() and form.saved_count == 2
    assert form.source.currentText() == "展会 Exhibition"
    form.buttons.button(QDialogButtonBox.Cancel).click()
    qtbot.waitUntil(lambda: not w.loading and
                    w.column_texts("contact_name") == ["客户乙", "客户甲"], timeout=10000)
    assert w.column_texts("source") == ["展会 Exhibition", "展会 Exhibition"]


def test_import_wizard_imports_good_rows_and_reports_the_rest(qtbot, rep_client, runner,
                                                              tmp_path):
    add_lead(rep_client, "老客户", phone="138 0000 0001")
    path = write_xlsx(tmp_path / "展会线索.xlsx", [
        ["联系人", "公司", "手机", "需求", "备用"],
        ["王先生", "苏州精工机械有限公司", "139 1234 5678", "自动化装配线", "x"],
        ["", "无名公司", "139 0000 0002", "没有联系人", ""],
        ["老客户", "重复公司", "138 0000 0001", "又来问了", ""],
        ["李女士", "杭州新锐科技", "wechat: lee", "询价", ""],
        ["陈工", "宁波港城物流有限公司", "13712345678", "仓储系统", ""],
    ])
    w = open_list(qtbot, rep_client, runner)
    w.import_leads()
    wizard = w.import_wizard
    wizard.file_page.path.setText(str(path))
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(page.isComplete, timeout=10000)
    assert page.preview.mapping == {"A": "contact_name", "B": "company", "C": "phone",
                                    "D": "enquiry", "E": None}
    assert page.summary.text().startswith("5 rows: 2 ok, 2 with errors, 1 duplicates.")
    assert page.good_rows.isChecked()                  # errors present: good rows only
    problems = {page.rows_model.index(r, 0).data(): page.rows_model.index(r, 2).data()
                for r in range(page.rows_model.rowCount())}
    assert problems[3].startswith("column A (联系人)")
    assert problems[4] == f"same phone as existing lead {w.rows[0].id}"
    assert problems[5].startswith("column C (手机)")
    wizard.next()                                      # Import
    result = wizard.result_page
    qtbot.waitUntil(lambda: result.result is not None, timeout=15000)
    assert result.result.created == 2 and result.result.skipped_duplicates == 1
    assert "Imported: 2" in result.status.text()
    assert result.save_report.isVisible()
    report = tmp_path / "问题.xlsx"
    result.ask_report_path = lambda: str(report)
    qtbot.mouseClick(result.save_report, Qt.LeftButton)
    qtbot.waitUntil(lambda: result.report_path == str(report), timeout=10000)
    assert report.is_file()
    wizard.accept()
    qtbot.waitUntil(lambda: not w.loading and
                    sorted(w.column_texts("contact_name")) == ["王先生", "老客户", "陈工"],
                    timeout=10000)
