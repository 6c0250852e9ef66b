"""Export to .xlsx: the generic row writer and the customer export, read back with openpyxl."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from services.customer_import import preview_import
from services.customer_search import CustomerFilter
from services.customers import ContactInput, CustomerInput, add_contact, create_customer
from services.errors import ValidationError
from services.export import (ExportCancelled, customer_headers, export_customers, export_rows,
                             iter_customer_rows)
from tests.helpers.xlsx import read_rows


def test_export_rows_writes_a_readable_sheet(tmp_path):
    path = tmp_path / "list.xlsx"
    when = dt.datetime(2026, 11, 23, 4, 30, tzinfo=dt.timezone.utc)
    rows = (r for r in [
        ["C-000001", "深圳市华强电子有限公司", Decimal("1234.50"), when, dt.date(2026, 1, 3), None],
        ["C-000002", "Acme", Decimal("0.10"), None, None, True],
    ])
    assert export_rows(path, ["编码", "客户名称", "金额", "时间", "日期", "Flag"], rows,
                       sheet_title="客户") == 2
    wb = openpyxl.load_workbook(path)
    ws = wb["客户"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.b and ws["B1"].value == "客户名称"
    assert ws["C2"].value == 1234.5 and ws["E2"].value == dt.datetime(2026, 1, 3)
    # Excel has no time zones: the time is written as the local clock shows it.
    assert ws["D2"].value == when.astimezone().replace(tzinfo=None)
    assert ws["F3"].value is True and ws["D3"].value is None
    # Chinese characters are twice as wide as Latin ones.
    assert ws.column_dimensions["B"].width >= 2 * len("深圳市华强电子有限公司")
    assert ws.column_dimensions["A"].width < ws.column_dimensions["B"].width
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_rows_cancel_leaves_no_file(tmp_path):
    path = tmp_path / "big.xlsx"
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done < 2000
    with pytest.raises(ExportCancelled):
        export_rows(path, ["n"], ([i] for i in range(5000)), progress=progress, total=5000)
    assert calls == [(1000, 5000), (2000, 5000)]
    assert not path.exists() and not list(tmp_path.iterdir())


def test_export_rows_refuses_other_formats(tmp_path):
    with pytest.raises(ValidationError) as err:
        export_rows(tmp_path / "list.xls", ["a"], [])
    assert ".xlsx" in err.value.message
    with pytest.raises(ValidationError) as err:
        export_rows(tmp_path / "missing" / "list.xlsx", ["a"], [])
    assert "does not exist" in err.value.message


@pytest.fixture
def customers(db, staff):
    def make(s):
        made = {}
        for actor, name, extra in [
            (staff.rep1, "杭州西湖茶业有限公司", dict(level="A", region="杭州", phone="0571-87654321")),
            (staff.rep2, "苏州园林设计有限公司", dict(level="B", region="苏州", kind="company")),
            (staff.rep3, "Pacific Trading Ltd", dict(level="A", region="深圳")),
            (staff.manager, "公海客户有限公司", dict(region="杭州")),
            (staff.rep1, "王小明", dict(kind="person", phone="13800138000",
                                       email="xm@example.com")),
        ]:
            made[name] = create_customer(s, actor, CustomerInput(name=name, **extra))
        add_contact(s, staff.rep1, made["杭州西湖茶业有限公司"].id,
                    ContactInput(name="周经理", is_primary=False))
        add_contact(s, staff.rep1, made["杭州西湖茶业有限公司"].id,
                    ContactInput(name="吴采购", is_primary=True))
        return made
    return db.write(make)


def test_export_customers_as_the_actor_sees_them(db, staff, customers, tmp_path):
    path = tmp_path / "客户.xlsx"
    calls = []
    n = db.read(lambda s: export_customers(s, staff.manager, CustomerFilter(), path,
                                           progress=lambda d, t: calls.append((d, t))))
    # Team East (rep1, rep2, the manager's pool customer) but not rep3 of team West.
    assert n == 4 and calls[-1] == (4, 4)
    rows = read_rows(path)
    assert rows[0] == customer_headers("zh")
    by_name = {r[1]: dict(zip(rows[0], r)) for r in rows[1:]}
    assert set(by_name) == {"杭州西湖茶业有限公司", "苏州园林设计有限公司", "公海客户有限公司",
                            "王小明"}
    tea = by_name["杭州西湖茶业有限公司"]
    assert tea["编码"] == customers["杭州西湖茶业有限公司"].code
    assert (tea["类型"], tea["级别"], tea["地区"], tea["电话"]) == ("公司", "A", "杭州",
                                                                   "0571-87654321")
    assert tea["联系人"] == "吴采购"                   # the primary contact
    assert tea["负责人"] == "张伟" and isinstance(tea["创建时间"], dt.datetime)
    assert by_name["公海客户有限公司"]["负责人"] is None   # in the pool
    assert by_name["王小明"]["类型"] == "个人" and by_name["王小明"]["邮箱"] == "xm@example.com"
    assert [r[0] for r in rows[1:]] == sorted(r[0] for r in rows[1:])   # in code order


def test_export_customers_filter_and_english(db, staff, customers, tmp_path):
    path = tmp_path / "customers.xlsx"
    n = db.read(lambda s: export_customers(s, staff.admin, CustomerFilter(level="A"), path,
                                           language="en"))
    rows = read_rows(path)
    assert n == 2 and rows[0][:3] == ["Code", "Name", "Kind"]
    assert {r[1] for r in rows[1:]} == {"杭州西湖茶业有限公司", "Pacific Trading Ltd"}
    assert {r[2] for r in rows[1:]} == {"company"}
    assert openpyxl.load_workbook(path).sheetnames == ["Customers"]


def test_export_pages_through_every_row(db, staff, customers):
    rows = db.read(lambda s: list(iter_customer_rows(s, staff.admin, CustomerFilter(),
                                                     page_size=2)))
    assert sorted(r[1] for r in rows) == sorted(customers)
    assert len({r[0] for r in rows}) == 5


def test_exported_file_imports_back_as_the_same_customers(db, staff, customers, tmp_path):
    path = tmp_path / "back.xlsx"
    db.read(lambda s: export_customers(s, staff.admin, CustomerFilter(), path))
    p = db.read(lambda s: preview_import(s, staff.admin, path))
    assert p.mapping["A"] == "code" and p.mapping["L"] == "contact"
    assert "Column M (负责人): information only, not imported." in p.notes
    assert [r.status for r in p.rows] == ["duplicate"] * 5
    assert all("code" in r.duplicate_of.reasons for r in p.rows)
