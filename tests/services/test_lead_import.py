"""Lead import from real .xlsx and CSV files: a broken file (title rows, a phone Excel
turned into a date and one shortened to scientific notation, a formula without a saved
result, a bad email, an empty name, an unknown owner, duplicates), all-or-nothing versus
good rows, re-import, the error report, owners and cancelling. Both databases."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from models.pipeline import Lead
from models.system import AuditLog
from services import leads
from services.errors import PermissionDenied, ValidationError
from services.lead_import import (preview_lead_import, read_lead_file, run_lead_import,
                                  write_lead_error_report)
from tests.helpers.pipeline import make_lead
from tests.helpers.xlsx import read_rows, write_csv, write_xlsx

HEADER = ["序号", "联系人（必填）", "公司名称", "手机", "邮箱", "微信", "来源", "需求", "负责人"]


def broken_file(tmp_path):
    rows = [
        ["2026年3月展会线索"],                                                   # title row 1
        [],
        HEADER,                                                                   # header row 3
        [1, "周杰", "深圳华强电子有限公司", "13800138000", "zhou@huaqiang.cn", "zj88",
         "展会", "门禁 100 套", "张伟"],                                          # row 4 ok
        [2, "Lucy Wang", "Acme Trading", "021-62345678", "LUCY@ACME.COM", None, "网站",
         "Quote for 20 units", None],                                             # row 5 ok
        [3, None, "无名公司", "13900000001", None, None, None, None, None],       # row 6 no name
        [4, "李雷", "日期公司", dt.datetime(2026, 3, 1), None, None, None, None, None],  # 7 date
        [5, "韩梅梅", None, "1.38001E+10", None, None, None, None, None],         # 8 scientific
        [6, "王五", None, "=A1", None, None, None, None, None],                   # 9 formula
        [7, "赵六", None, None, "not-an-email", None, None, None, None],          # 10 email
        [8, "钱七", None, "13700000007", None, None, None, None, "nobody"],       # 11 owner
        [9, "周杰 (again)", None, "+86 138 0013 8000", None, None, None, None, None],  # 12 dup
        [10, "Tom", None, "13600000010", None, None, None, None, "Tom Lee"],      # 13 West rep
    ]
    return write_xlsx(tmp_path / "线索.xlsx", rows)


def count_leads(db):
    return db.read(lambda s: s.scalar(select(func.count()).select_from(Lead)))


def test_preview_reports_every_problem_where_the_clerk_sees_it(db, staff, tmp_path):
    p = db.read(lambda s: preview_lead_import(s, staff.manager, broken_file(tmp_path)))
    assert p.header_row == 3
    assert p.notes[0].startswith("Columns understood: B 联系人（必填） → contact_name")
    assert any("row(s) 1" in n for n in p.notes)
    by_row = {r.row: r for r in p.rows}
    assert [r.row for r in p.rows if r.status == "ok"] == [4, 5]
    assert by_row[5].fields["email"] == "LUCY@acme.com"          # domain folded, as for customers
    assert by_row[4].owner_id == staff.rep1.user_id
    assert by_row[5].owner_id == staff.manager.user_id           # no owner named: the importer
    issues = {r.row: [(i.column, i.field) for i in r.issues] for r in p.rows if r.issues}
    assert issues == {6: [("B", "contact_name")], 7: [("D", "phone")], 8: [("D", "phone")],
                      9: [("D", "phone")], 10: [("E", "email")], 11: [("I", "owner")],
                      13: [("I", "owner")]}
    assert "date" in by_row[7].issues[0].reason and "scientific" in by_row[8].issues[0].reason
    assert "no saved result" in by_row[9].issues[0].reason
    assert "not a user" in by_row[11].issues[0].reason
    assert "team" in by_row[13].issues[0].reason                 # rep3 is in another team
    assert by_row[6].issues[0].message.startswith("Row 6, column B (联系人（必填）): ")
    assert (by_row[12].status, by_row[12].duplicate_of_row, by_row[12].duplicate_reason) == (
        "duplicate", 4, "phone")
    assert count_leads(db) == 0


def test_all_or_nothing_then_good_rows_then_reimport(db, staff, tmp_path):
    path = broken_file(tmp_path)
    refused = run_lead_import(db, staff.manager, path)
    assert refused.refused and refused.created == 0 and count_leads(db) == 0
    assert "7 of 10 rows have errors" in refused.summary

    result = run_lead_import(db, staff.manager, path, mode="good_rows")
    assert (result.created, result.skipped_duplicates, result.rejected) == (2, 1, 7)
    rows = {x.contact_name: x for x in db.read(
        lambda s: leads.list_leads(s, staff.admin, scope="all")).rows}
    assert set(rows) == {"周杰", "Lucy Wang"}
    zhou = rows["周杰"]
    assert (zhou.company, zhou.phone, zhou.wechat, zhou.source, zhou.enquiry, zhou.status,
            zhou.owner_id) == ("深圳华强电子有限公司", "13800138000", "zj88", "展会",
                               "门禁 100 套", "new", staff.rep1.user_id)
    audit_rows = db.read(lambda s: s.execute(select(AuditLog.action, AuditLog.details).where(
        AuditLog.entity == "lead").order_by(AuditLog.id)).all())
    assert [a for a, _ in audit_rows] == ["lead.create", "lead.create", "lead.import"]
    assert audit_rows[0][1]["row"] == 4 and audit_rows[0][1]["file"] == "线索.xlsx"

    again = run_lead_import(db, staff.manager, path, mode="good_rows")
    assert (again.created, again.skipped_duplicates) == (0, 3)
    dup = next(r for r in again.preview.rows if r.row == 4)
    assert dup.duplicate_of_lead == zhou.id
    assert count_leads(db) == 2


def test_error_report_lists_row_column_header_value_and_reason(db, staff, tmp_path):
    result = run_lead_import(db, staff.manager, broken_file(tmp_path), mode="good_rows")
    report = tmp_path / "problems.xlsx"
    assert write_lead_error_report(result, report, language="zh") == 8    # 7 errors + 1 dup
    rows = read_rows(report)
    assert rows[0][:6] == ["行号", "列", "表头", "值", "问题", "原因"]
    assert rows[0][6:] == HEADER
    by_row = {r[0]: r for r in rows[1:]}
    assert by_row[10][:5] == [10, "E", "邮箱", "not-an-email", "error"]
    assert by_row[12][4] == "duplicate" and "row 4" in by_row[12][5]
    assert by_row[6][7] is None and by_row[6][8] == "无名公司"          # the original row


def test_csv_with_english_headers_and_a_wizard_mapping(db, staff, tmp_path):
    path = write_csv(tmp_path / "leads.csv", [
        ["Name", "Company", "Phone", "What they want", "Extra"],
        ["Alice", "Contoso", "13511112222", "Demo please", "x"],
        ["Bob", "", "13511113333, 13511114444", "", "y"],
    ], encoding="gbk")
    p = db.read(lambda s: preview_lead_import(s, staff.rep1, path))
    assert [c.field for c in p.columns] == ["contact_name", "company", "phone", None, None]
    mapped = db.read(lambda s: preview_lead_import(
        s, staff.rep1, path, mapping={"A": "contact_name", "C": "phone", "D": "enquiry"}))
    assert [c.field for c in mapped.columns] == ["contact_name", None, "phone", "enquiry", None]
    result = run_lead_import(db, staff.rep1, mapped)
    assert result.created == 2
    bob = db.read(lambda s: s.scalar(select(Lead).where(Lead.contact_name == "Bob")))
    assert (bob.phone, bob.enquiry, bob.owner_id) == ("13511113333", "Other phones: 13511114444",
                                                      staff.rep1.user_id)
    with pytest.raises(ValidationError):
        read_lead_file(path, {"A": "customer_code"})


def test_bad_files_and_who_may_import(db, staff, tmp_path):
    garbage = tmp_path / "broken.xlsx"
    garbage.write_bytes(b"not a zip at all")
    with pytest.raises(ValidationError, match="not a readable .xlsx"):
        run_lead_import(db, staff.rep1, garbage)
    nameless = write_xlsx(tmp_path / "no-name.xlsx", [["公司名称", "电话"], ["A公司", "13800000000"]])
    with pytest.raises(ValidationError, match="contact name"):
        run_lead_import(db, staff.rep1, nameless)
    ok = write_xlsx(tmp_path / "ok.xlsx", [["联系人", "电话"], ["A", "13800000000"]])
    with pytest.raises(PermissionDenied):
        run_lead_import(db, staff.finance, ok)
    # A rep importing names only themself as owner; another rep is a row error.
    named = write_xlsx(tmp_path / "named.xlsx", [["联系人", "负责人"], ["A", "rep2"], ["B", "rep1"]])
    p = db.read(lambda s: preview_lead_import(s, staff.rep1, named))
    assert [(r.row, r.status) for r in p.rows] == [(2, "error"), (3, "ok")]
    assert "someone else" in p.rows[0].issues[0].reason


def test_cancel_and_a_callers_transaction_leave_nothing(db, staff, tmp_path):
    rows = [["联系人", "电话"]] + [[f"人{i}", f"1380000{i:04d}"] for i in range(30)]
    path = write_xlsx(tmp_path / "many.xlsx", rows)
    calls = []

    def stop_after_start(done, total):
        calls.append((done, total))
        return done == 0
    result = run_lead_import(db, staff.rep1, path, progress=stop_after_start)
    assert result.cancelled and count_leads(db) == 0 and calls[0] == (0, 30)
    make_lead(db, staff.rep1, "Existing", phone="13800000005")

    def inside(s):
        res = run_lead_import(s, staff.rep1, path)
        assert res.created == 29 and res.skipped_duplicates == 1
        raise RuntimeError("caller fails after the import")
    with pytest.raises(RuntimeError):
        db.write(inside)
    assert count_leads(db) == 1
