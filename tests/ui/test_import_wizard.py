"""Import wizard end to end on real .xlsx files and a real SQLite database: preview with
the detected mapping, a column mapped by hand, good-rows and all-or-nothing modes, the
error report, and cancelling (nothing half-written)."""
from __future__ import annotations

import sqlite3

import openpyxl
from PySide6.QtWidgets import QWizard

from tests.helpers.xlsx import write_xlsx
from tests.ui.helpers_b import (customer_names, customer_values, rep_client,  # noqa: F401
                                sqlite_staff, staffed_db, staffed_sqlite_template)
from ui.customers.import_wizard import ImportWizard

ROWS = [
    ["客户名称", "联系电话", "邮箱", "联系人", "地区"],
    ["宁波港口物流有限公司", "0574-8765 4321", "info@nbport.cn", "陈工", "浙江宁波"],
    ["温州鞋业", "138 0000 1111", None, None, "浙江温州"],
    ["嘉兴电子", "12345", None, None, "浙江嘉兴"],                # bad phone
    ["Suzhou Silk Co., Ltd.", "0512-6666 8888", "sales@szsilk.com", "Amy", "江苏苏州"],
]


def start(qtbot, client, runner, path) -> ImportWizard:
    wizard = ImportWizard(client, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    assert wizard.file_page.isComplete()
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10000)
    return wizard


def test_good_rows_import_with_error_report(qtbot, rep_client, runner, tmp_path):
    path = write_xlsx(tmp_path / "客户.xlsx", ROWS)
    wizard = start(qtbot, rep_client, runner, path)
    page = wizard.preview_page
    # The detected mapping is shown in editable combos, one per column.
    assert {k: c.currentData() for k, c in page.combos.items()} == {
        "A": "name", "B": "phone", "C": "email", "D": "contact", "E": "region"}
    model = page.rows_model
    statuses = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert statuses == ["ok", "ok", "errors", "ok"]
    assert model.index(2, 2).data().startswith("column B (联系电话): Phone '12345'")
    assert "1 with errors" in page.summary.text()
    page.problems_only.setChecked(True)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [4]

    imported = []
    wizard.imported.connect(imported.append)
    wizard.next()                                   # mode page
    assert wizard.currentPage() is wizard.mode_page
    assert wizard.mode_page.good_rows.isChecked()   # proposed because a row is bad
    wizard.next()                                   # import
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=15000)
    assert imported == [3]
    assert customer_names(rep_client) == ["宁波港口物流有限公司", "温州鞋业",
                                          "Suzhou Silk Co., Ltd."]
    text = wizard.result_page.counts.text()
    assert "Imported: 3" in text and "Rows with errors: 1" in text
    assert not wizard.button(QWizard.BackButton).isVisible()

    report = tmp_path / "problems.xlsx"
    wizard.result_page.ask_report_path = lambda: str(report)
    wizard.result_page.save_report.click()
    qtbot.waitUntil(lambda: wizard.result_page.report_path == str(report), timeout=10000)
    sheet = openpyxl.load_workbook(report).active
    lines = [[c.value for c in row] for row in sheet.iter_rows()]
    assert lines[0][:6] == ["Row", "Column", "Header", "Value", "Problem", "Reason"]
    assert len(lines) == 2 and lines[1][:2] == [4, "B"] and lines[1][3] == "12345"

    # Importing the same file again creates nothing: every row is now a duplicate.
    again = start(qtbot, rep_client, runner, path)
    assert again.preview_page.preview.duplicate_count == 3
    first = again.preview_page.rows_model.index(0, 2).data()
    assert first.startswith("like existing customer C-") and "宁波港口物流有限公司" in first
    assert "same name" in first and "same phone" in first


def test_all_or_nothing_refuses_a_file_with_a_bad_row(qtbot, rep_client, runner, tmp_path):
    path = write_xlsx(tmp_path / "客户.xlsx", ROWS)
    wizard = start(qtbot, rep_client, runner, path)
    wizard.next()
    wizard.mode_page.all_or_nothing.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=15000)
    assert wizard.run_page.result.refused
    assert "Nothing was imported" in wizard.result_page.counts.text()
    assert customer_names(rep_client) == []


def test_unrecognised_column_is_mapped_by_hand(qtbot, rep_client, runner, tmp_path):
    rows = [["客户名称", "座机/手机 (工作)", "Remarks"],
            ["大连海鲜批发", "0411-8222 3333", "老客户"]]
    path = write_xlsx(tmp_path / "mapping.xlsx", rows)
    wizard = start(qtbot, rep_client, runner, path)
    page = wizard.preview_page
    assert page.combos["B"].currentData() is None          # not recognised: ignored
    assert not page.columns.isRowHidden(2) and "ignored" in page.columns.item(2, 1).text()
    page.set_column_field("B", "phone")
    qtbot.waitUntil(lambda: page.isComplete() and page.preview.mapping.get("B") == "phone",
                    timeout=10000)
    assert page.preview.rows[0].fields.get("phone") == "0411-8222 3333"
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=15000)
    assert customer_values(rep_client, "name", "phone", "notes") == [
        ("大连海鲜批发", "0411-8222 3333", "老客户")]


def test_cancel_leaves_nothing_written(qtbot, rep_client, staffed_db, runner, tmp_path):
    path = write_xlsx(tmp_path / "客户.xlsx", ROWS)
    wizard = start(qtbot, rep_client, runner, path)
    wizard.next()
    # Another writer holds the database: the import waits at its first statement, so the
    # cancel below is certain to arrive before anything is written.
    blocker = sqlite3.connect(staffed_db.engine.url.database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        wizard.next()
        assert wizard.run_page.running
        wizard.run_page.cancel_button.click()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=15000)
    assert wizard.run_page.result.cancelled
    assert "Cancelled" in wizard.result_page.counts.text()
    assert customer_names(rep_client) == []
