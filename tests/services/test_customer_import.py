"""Customer import from real .xlsx and .csv files, on SQLite and PostgreSQL.

The broken file is the kind clerks send: title rows above the header, a header merged over
two columns, an unknown column, blank names, bad phones, phones saved as numbers or in
scientific notation or turned into dates, a formula with and one without a saved result,
full-width digits, stray spaces, duplicates within the file and of existing customers."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from models.party import Contact, Customer
from models.pipeline import OwnershipChange
from models.system import AuditLog
from services.customer_import import (preview_import, read_import_file, run_import,
                                      write_error_report)
from services.customers import CustomerInput, create_customer
from services.errors import PermissionDenied, ValidationError
from tests.helpers.xlsx import (big_customer_file, read_rows, set_cached_values, write_csv,
                                write_xlsx)

HEADER = ["客户名称", "类型", "电话", None, "邮箱", "税号", "级别", "地区", "联系人", "备注",
          "微信号"]
GOOD_USCC = "91440300MA5FXXXX0"  # 17 characters: a plain tax number, not checked as USCC


def broken_file(tmp_path):
    rows = [
        ["2026年11月 客户名单"],                                               # 1 title
        ["制表：张伟", None, None, None, None, None, None, None, None, "打印日期 2026/11/20"],
        HEADER,                                                                 # 3 header
        ["深圳市华强电子有限公司", "公司", 13800138000.0, None, "sales@huaqiang.cn",
         GOOD_USCC, "A", "广东深圳", "王强", "老客户", "wx_wq"],               # 4 ok
        [None, "公司", "13900139000"],                                          # 5 blank name
        ["北京远航科技有限公司", "公司", "12345"],                              # 6 bad phone
        ["深圳市华强电子", "公司", "13700137000"],                              # 7 dup of row 4
        ["上海明珠贸易有限公司", "公司", '="021-"&"62345678"'],                 # 8 formula, saved
        ["杭州西湖茶业有限公司", "公司", '=A9&"-1"'],                           # 9 formula, unsaved
        ["张三", "个人", "1.38001E+10"],                                        # 10 digits lost
        ["李四", "个人", "1.3800138001E+10"],                                   # 11 ok
        ["成都天府软件有限公司", "公司", dt.datetime(2026, 1, 3)],              # 12 date phone
        ["广州白云物流有限公司", "company", "１３６００１３６０００", None, None, None, "b级",
         "  广州 ", None, "2026/11/3 来访"],                                   # 13 ok, cleaned
        ["Acme Trading Co., Ltd.", "公司", "021-5555 0101"],                   # 14 dup existing
        ["南京钟山化工有限公司", "公司", "025-84561234", None, "foo@bar"],      # 15 bad email
        ["苏州园林设计有限公司", "公司", "0512-65231234", None, None, None, "VIP"],  # 16 level
        ["无锡太湖机械有限公司", "公司", "0510-82345678", None, None,
         "91320200MA1MXXXXXA"],                                                 # 17 bad USCC
        [None, None, None, None, None, None, None, "   "],                     # 18 blank: skipped
        ["武汉光谷生物有限公司", "个人客户", "027 8765 4321", None, None, None, "C类",
         None, "赵敏", dt.date(2026, 11, 3)],                                  # 19 ok
    ]
    path = write_xlsx(tmp_path / "客户名单.xlsx", rows, merges=["A1:K1", "C3:D3"],
                      extra_sheets=["说明"])
    set_cached_values(path, {"C8": "021-62345678"})
    return path


@pytest.fixture
def existing(db, staff):
    return db.write(lambda s: create_customer(s, staff.admin, CustomerInput(
        name="ACME Trading Ltd", phone="13311112222")))


def count(db, model=Customer):
    return db.read(lambda s: s.scalar(select(func.count()).select_from(model)))


def by_row(preview):
    return {r.row: r for r in preview.rows}


def test_preview_reports_every_problem_where_the_clerk_sees_it(db, staff, existing, tmp_path):
    path = broken_file(tmp_path)
    p = db.read(lambda s: preview_import(s, staff.manager, path))
    rows = by_row(p)

    assert p.header_row == 3
    assert p.mapping["A"] == "name" and p.mapping["C"] == "phone" and p.mapping["I"] == "contact"
    assert p.mapping["D"] is None and p.mapping["K"] is None
    notes = "\n".join(p.notes)
    assert "row(s) 1, 2 above it were taken as titles" in notes
    assert "merged over C3:D3" in notes and "Column K (微信号): unknown header" in notes
    assert "other sheets (说明) ignored" in notes

    assert sorted(rows) == [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19]
    status = {n: r.status for n, r in rows.items()}
    assert [n for n, s in status.items() if s == "ok"] == [4, 8, 11, 13, 19]
    assert [n for n, s in status.items() if s == "duplicate"] == [7, 14]
    assert [n for n, s in status.items() if s == "error"] == [5, 6, 9, 10, 12, 15, 16, 17]

    def issue(n):
        (i,) = rows[n].issues
        return i
    assert (issue(5).column, issue(5).header, issue(5).field) == ("A", "客户名称", "name")
    assert "name is empty" in issue(5).reason
    assert (issue(6).column, issue(6).value) == ("C", "12345")
    assert "too few digits" in issue(6).reason
    assert "formula" in issue(9).reason and "no saved result" in issue(9).reason
    assert "scientific notation" in issue(10).reason and issue(10).value == "1.38001E+10"
    assert "is a date (2026-01-03)" in issue(12).reason
    assert issue(15).column == "E" and "foo@bar" in issue(15).reason
    assert issue(16).column == "G" and "A, B, C or D" in issue(16).reason
    assert issue(17).column == "F" and "check character" in issue(17).reason
    assert rows[6].issues[0].message.startswith("Row 6, column C (电话): ")

    assert rows[7].duplicate_of_row == 4 and rows[7].duplicate_of is None
    dup = rows[14].duplicate_of
    assert dup.customer_id == existing.id and dup.code == existing.code and "name" in dup.reasons
    assert "duplicate of existing customer" in rows[14].reason

    # Values as the customer should get them.
    assert rows[4].fields["phone"] == "13800138000"            # number cell, no ".0"
    assert rows[8].fields["phone"] == "021-62345678"           # the formula's saved result
    assert rows[11].fields["phone"] == "13800138001"           # every digit was there
    assert rows[13].fields == {"name": "广州白云物流有限公司", "kind": "company",
                               "phone": "13600136000", "level": "B", "region": "广州",
                               "notes": "2026/11/3 来访"}
    assert rows[19].fields["kind"] == "person" and rows[19].fields["level"] == "C"
    assert rows[19].fields["notes"] == "2026-11-03"            # a date cell in a text column
    assert count(db) == 1                                       # a preview writes nothing


def test_all_or_nothing_refuses_a_file_with_bad_rows(db, staff, existing, tmp_path):
    result = run_import(db, staff.manager, broken_file(tmp_path), mode="all_or_nothing")
    assert result.refused and not result.ok and result.created == 0
    assert result.rejected == 8
    assert "nothing imported because 8 of 15 rows have errors" in result.summary
    assert count(db) == 1 and count(db, Contact) == 0


def test_good_rows_import_once_and_reimport_creates_nothing(db, staff, existing, tmp_path):
    path = broken_file(tmp_path)
    first = run_import(db, staff.manager, path, mode="good_rows")
    assert first.ok and first.created == 5
    assert first.skipped_duplicates == 2 and first.rejected == 8

    def created(s):
        return {c.name: c for c in s.scalars(select(Customer).where(
            Customer.id.in_(first.created_ids)))}
    customers = db.read(created)
    assert set(customers) == {"深圳市华强电子有限公司", "上海明珠贸易有限公司", "李四",
                              "广州白云物流有限公司", "武汉光谷生物有限公司"}
    hq = customers["深圳市华强电子有限公司"]
    assert hq.phone == "13800138000" and hq.phone_digits == "13800138000"
    assert hq.level == "A" and hq.tax_id == GOOD_USCC and hq.region == "广东深圳"
    assert hq.owner_id is None                                  # a manager's import: the pool
    assert hq.name_norm and "13800138000" in hq.search_text     # indexed for search
    assert hq.created_by_id == staff.manager.user_id and hq.version_id == 1
    # Codes come from the customer counter and carry on after the existing customer.
    codes = sorted(c.code for c in customers.values())
    assert codes == [f"C-{i:06d}" for i in range(2, 7)]
    contacts = db.read(lambda s: s.execute(select(Contact.name, Contact.is_primary)).all())
    assert set(contacts) == {("王强", True), ("赵敏", True)}
    audits = db.read(lambda s: s.scalars(select(AuditLog).where(
        AuditLog.action.in_(["customer.create", "customer.import"]))).all())
    creates = [a for a in audits if a.action == "customer.create" and a.entity_id != existing.id]
    assert len(creates) == 5 and all(a.details["source"] == "import" for a in creates)
    assert {a.details["row"] for a in creates} == {4, 8, 11, 13, 19}
    assert [a.details["created"] for a in audits if a.action == "customer.import"] == [5]

    again = run_import(db, staff.manager, path, mode="good_rows")
    assert again.created == 0 and again.skipped_duplicates == 7
    assert count(db) == 6
    # The service carries on numbering after the imported codes.
    nxt = db.write(lambda s: create_customer(s, staff.admin, CustomerInput(name="新客户")))
    assert nxt.code == "C-000007"


def test_error_report_lists_row_column_header_value_and_reason(db, staff, existing, tmp_path):
    result = run_import(db, staff.manager, broken_file(tmp_path), mode="good_rows")
    report = tmp_path / "errors.xlsx"
    assert write_error_report(result, report) == 10             # 8 errors + 2 duplicates
    rows = read_rows(report)
    assert rows[0][:6] == ["Row", "Column", "Header", "Value", "Problem", "Reason"]
    assert rows[0][6:] == ["客户名称", "类型", "电话", "D", "邮箱", "税号", "级别", "地区",
                           "联系人", "备注", "微信号"]
    lines = {r[0]: r for r in rows[1:]}
    assert lines[6][:5] == [6, "C", "电话", "12345", "error"]
    assert "too few digits" in lines[6][5]
    assert lines[6][6:9] == ["北京远航科技有限公司", "公司", "12345"]   # the original row
    assert lines[12][3] == "2026-01-03"
    assert lines[7][4] == "duplicate" and "row 4" in lines[7][5]
    assert lines[14][4] == "duplicate" and existing.code in lines[14][5]
    wb = openpyxl.load_workbook(report)
    ws = wb.active
    assert ws.freeze_panes == "A2" and ws["A1"].font.b and ws["F1"].font.b
    assert ws.column_dimensions["F"].width > 40                 # reasons are readable


def test_gbk_csv_from_chinese_excel(db, staff, tmp_path):
    path = write_csv(tmp_path / "客户.csv", [
        ["客户名称", "手机", "客户级别", "所属行业", "地区", "地址"],
        ["重庆山城火锅餐饮有限公司", "13900001111", "A", "餐饮", "重庆", "渝中区解放碑 88 号"],
        ["贵州茅台镇酒业有限公司", "1.39E+10", "B", "酒类", "贵州", ""],
        ["云南普洱茶叶有限公司", "13900003333.0", "c", "茶叶", "云南", "思茅区"],
    ], encoding="gbk")
    p = db.read(lambda s: preview_import(s, staff.rep1, path))
    assert p.file_kind == "csv" and p.encoding == "gb18030"
    assert p.notes[0].startswith("Columns understood: A 客户名称 → name, B 手机 → phone")
    assert "CSV file, text encoding GBK/GB18030, delimiter ','." in p.notes
    rows = by_row(p)
    assert rows[2].fields["name"] == "重庆山城火锅餐饮有限公司"
    assert rows[2].fields["industry"] == "餐饮" and rows[2].fields["address"] == "渝中区解放碑 88 号"
    assert rows[3].status == "error" and "scientific notation" in rows[3].issues[0].reason
    assert rows[4].fields["phone"] == "13900003333" and rows[4].fields["level"] == "C"
    result = run_import(db, staff.rep1, path, mode="good_rows")
    assert result.created == 2
    owners = db.read(lambda s: set(s.scalars(select(Customer.owner_id))))
    assert owners == {staff.rep1.user_id}                       # a rep's import is theirs
    # ... and their owner history starts with the import, as a form-created one's does
    history = db.read(lambda s: s.execute(select(
        OwnershipChange.customer_id, OwnershipChange.to_owner_id, OwnershipChange.reason,
        OwnershipChange.note)).all())
    assert sorted(h.customer_id for h in history) == sorted(result.created_ids)
    assert {(h.to_owner_id, h.reason, h.note) for h in history} == {
        (staff.rep1.user_id, "import", "客户.csv")}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_csv_with_semicolons_and_english_headers(db, staff, tmp_path, encoding):
    path = write_csv(tmp_path / "customers.csv", [
        ["Customer Name", "Tel", "E-mail", "Type", "Contact person", "Remarks"],
        ["Ｂｌｕｅ Ｏｃｅａｎ Ltd", "+86 21 6234 5678", "INFO@BlueOcean.COM", "Company", "Amy",
         "全角名称"],
        ["Li Lei", "139-0000-4444 / 0755 8888 9999", "", "individual", "", ""],
    ], encoding=encoding, delimiter=";")
    p = db.read(lambda s: preview_import(s, staff.admin, path))
    assert p.mapping == {"A": "name", "B": "phone", "C": "email", "D": "kind",
                         "E": "contact", "F": "notes"}
    rows = by_row(p)
    assert rows[2].status == "ok" and rows[2].fields["kind"] == "company"
    assert rows[3].fields["kind"] == "person" and rows[3].fields["phone"] == "139-0000-4444"
    assert "Other phones: 0755 8888 9999" in rows[3].fields["notes"] and rows[3].warnings
    result = run_import(db, staff.admin, p)
    assert result.created == 2
    email = db.read(lambda s: s.scalar(select(Customer.email).where(
        Customer.id == result.created_ids[0])))
    assert email == "INFO@blueocean.com"


def test_two_row_header_with_vertical_merges(db, staff, tmp_path):
    path = write_xlsx(tmp_path / "two-row.xlsx", [
        ["客户名称", "联系方式", None, "级别"],
        [None, "电话", "邮箱", None],
        ["厦门鼓浪屿旅游有限公司", "0592-2061234", "hi@gly.cn", "B"],
    ], merges=["A1:A2", "B1:C1", "D1:D2"])
    p = db.read(lambda s: preview_import(s, staff.admin, path))
    assert p.header_row == 2
    assert p.mapping == {"A": "name", "B": "phone", "C": "email", "D": "level"}
    assert any(n.startswith("The header spans rows 1–2") for n in p.notes)
    assert not any("titles and skipped" in n for n in p.notes)
    (row,) = p.rows
    assert row.row == 3 and row.status == "ok"
    assert row.fields == {"name": "厦门鼓浪屿旅游有限公司", "phone": "0592-2061234",
                          "email": "hi@gly.cn", "level": "B"}


def test_explicit_mapping_from_the_wizard(db, staff, tmp_path):
    path = write_xlsx(tmp_path / "odd.xlsx", [
        ["Firma", "Telefon", "Kommentar", "Nr"],
        ["Müller GmbH", "+49 30 1234567", "Berlin", "M-1"],
    ])
    with pytest.raises(ValidationError) as err:
        db.read(lambda s: preview_import(s, staff.admin, path))
    assert "no header row found" in err.value.message
    mapping = {"A": "name", "Telefon": "phone", "c": None, "D": "code"}
    p = db.read(lambda s: preview_import(s, staff.admin, path, mapping))
    assert p.mapping == {"A": "name", "B": "phone", "C": None, "D": "code"}
    result = run_import(db, staff.admin, path, mapping=mapping)
    assert result.created == 1
    assert db.read(lambda s: s.scalar(select(Customer.code))) == "M-1"
    with pytest.raises(ValidationError) as err:
        db.read(lambda s: preview_import(s, staff.admin, path, {"A": "nickname"}))
    assert err.value.field == "mapping"


def test_codes_in_the_file(db, staff, existing, tmp_path):
    path = write_xlsx(tmp_path / "codes.xlsx", [
        ["编码", "客户名称", "电话"],
        [existing.code.lower(), "完全不同的名字有限公司", "13322223333"],   # same code: same customer
        ["K-1", "青岛啤酒经销有限公司", "0532-81234567"],
        ["K-1", "大连海鲜有限公司", "0411-81234567"],                     # code used twice
        [None, "烟台苹果有限公司", "0535-81234567"],
    ])
    p = db.read(lambda s: preview_import(s, staff.admin, path))
    rows = by_row(p)
    assert rows[2].status == "duplicate" and rows[2].duplicate_of.reasons == ("code",)
    assert rows[4].status == "error" and rows[4].issues[0].column == "A"
    assert "also used in row 3" in rows[4].issues[0].reason
    result = run_import(db, staff.admin, path, mode="good_rows", on_duplicate="import")
    codes = db.read(lambda s: sorted(s.scalars(select(Customer.code))))
    # The taken code is skipped even when duplicates are imported; the new one keeps K-1;
    # the row without a code gets the next counter code.
    assert result.created == 2 and result.skipped_duplicates == 1
    assert codes == ["C-000001", "C-000002", "K-1"]


def test_on_duplicate_import_creates_lookalikes(db, staff, existing, tmp_path):
    path = write_xlsx(tmp_path / "dups.xlsx", [["客户名称"], ["Acme Trading Co., Ltd."],
                                                ["ACME TRADING"]])
    skip = db.read(lambda s: preview_import(s, staff.admin, path))
    assert [r.status for r in skip.rows] == ["duplicate", "duplicate"]
    result = run_import(db, staff.admin, path, on_duplicate="import")
    assert result.created == 2 and count(db) == 3


def test_who_may_import(db, staff, tmp_path):
    path = write_xlsx(tmp_path / "one.xlsx", [["客户名称"], ["泉州石材有限公司"]])
    for actor in (staff.finance, staff.warehouse):
        with pytest.raises(PermissionDenied):
            run_import(db, actor, path)
    assert count(db) == 0


@pytest.mark.parametrize("name,content,expected", [
    ("old.xls", b"\xd0\xcf\x11\xe0", "Excel 97-2003"),
    ("broken.xlsx", b"not a zip", "not a readable .xlsx"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "password-protected"),
    ("notes.docx", b"x", "unsupported file type"),
])
def test_unreadable_files_are_refused_in_words(sqlite_db, tmp_path, name, content, expected):
    from tests.helpers.org import make_staff
    staff = make_staff(sqlite_db)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError) as err:
        sqlite_db.read(lambda s: preview_import(s, staff.admin, path))
    assert err.value.field == "file" and expected in err.value.message


def test_file_without_name_column(sqlite_db, tmp_path):
    from tests.helpers.org import make_staff
    staff = make_staff(sqlite_db)
    path = write_xlsx(tmp_path / "no-name.xlsx", [["电话", "邮箱"], ["13800138000", "a@b.cn"]])
    with pytest.raises(ValidationError) as err:
        sqlite_db.read(lambda s: preview_import(s, staff.admin, path))
    assert "no column for the customer name" in err.value.message


def test_import_inside_a_callers_transaction_rolls_back_its_savepoint(db, staff, tmp_path):
    path = write_xlsx(tmp_path / "two.xlsx", [["客户名称"], ["甲公司"], ["乙公司"]])

    def work(s):
        result = run_import(s, staff.admin, path, progress=lambda done, total: done == 0)
        assert result.cancelled and "cancelled" in result.summary
        kept = create_customer(s, staff.admin, CustomerInput(name="丙公司"))
        return kept
    kept = db.write(work)
    assert count(db) == 1 and kept.code == "C-000001"


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    """10,000 customers, every 1,000th with a bad phone: built and read once for both
    back ends (reading is the same on both; duplicates are checked per database)."""
    path = big_customer_file(tmp_path_factory.mktemp("big") / "客户10000.xlsx", 10_000,
                             bad_every=1000)
    return path, read_import_file(path)


@pytest.mark.slow
def test_ten_thousand_rows(db, staff, big_file):
    _path, read = big_file
    assert (read.ok_count, read.error_count) == (9990, 10)
    assert [r.row for r in read.rows if r.status == "error"] == \
        [1001 + 1000 * i for i in range(10)]

    refused = run_import(db, staff.manager, read, mode="all_or_nothing")
    assert refused.refused and count(db) == 0

    seen = []

    def cancel_halfway(done, total):
        seen.append((done, total))
        return done < total // 2
    cancelled = run_import(db, staff.manager, read, mode="good_rows", progress=cancel_halfway)
    assert cancelled.cancelled and cancelled.created == 0
    assert seen[0] == (0, 10_000) and seen[-1][0] >= 5000     # it had written half
    assert count(db) == 0 and count(db, Contact) == 0 and count(db, AuditLog) == 7

    done = run_import(db, staff.manager, read, mode="good_rows")
    assert done.created == 9990 and count(db) == 9990 and count(db, Contact) == 9990
    # Cancelling gave its codes back: numbering starts at 1 and has no gaps.
    codes = db.read(lambda s: s.execute(select(func.min(Customer.code),
                                               func.max(Customer.code))).one())
    assert tuple(codes) == ("C-000001", "C-009990")

    # Importing the same file again: every row is a duplicate now, nothing is created.
    rerun = run_import(db, staff.manager, read, mode="good_rows")
    assert rerun.created == 0 and rerun.skipped_duplicates == 9990 and count(db) == 9990
