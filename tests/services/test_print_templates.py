"""Stored print templates: checked on import (every problem named by sheet and cell, nothing
stored), versions per (document type, name), one default per type, built-in templates when
the database has none."""
from __future__ import annotations

import io

import openpyxl
import pytest
from sqlalchemy import func, select

from models.system import AuditLog, PrintTemplate
from services import print_templates as pt
from services.errors import PermissionDenied, ValidationError
from services.print_jobs import prepare_sample
from tests.printing.helpers import sheet, xlsx_bytes


def builtin_bytes(doc_type="delivery_note", language="zh") -> bytes:
    return pt.builtin_template(doc_type, language).content


def edited(doc_type="delivery_note", cell="A2", value="{{ custmer.name }}", merge=None) -> bytes:
    """The built-in template with one cell changed (a user's edit in Excel)."""
    wb = openpyxl.load_workbook(io.BytesIO(builtin_bytes(doc_type)))
    ws = wb.worksheets[0]
    ws[cell] = value
    if merge:
        ws.merge_cells(merge)
    return xlsx_bytes(wb)


def stored(db) -> int:
    return db.read(lambda s: s.scalar(select(func.count()).select_from(PrintTemplate)))


def test_builtin_templates_when_nothing_is_stored(db, staff):
    listed = db.read(lambda s: pt.list_templates(s, staff.rep1, "delivery_note",
                                                 language="en"))
    assert [(t.builtin, t.language) for t in listed] == [(True, "en"), (True, "zh")]
    chosen = db.read(lambda s: pt.default_template(s, staff.rep1, "quotation", "en"))
    assert chosen.info.builtin and chosen.info.filename == "quotation.en.xlsx"
    assert chosen.content == builtin_bytes("quotation", "en")


def test_import_versions_and_default(db, staff):
    first = db.write(lambda s: pt.import_template(
        s, staff.admin, "delivery_note", " 三联 送货单 ", builtin_bytes(),
        filename="C:\\forms\\dn.xlsx", language="zh", note="first"))
    assert (first.name, first.version, first.filename) == ("三联 送货单", 1, "dn.xlsx")
    again = db.write(lambda s: pt.import_template(s, staff.admin, "delivery_note", "三联 送货单",
                                                  builtin_bytes("delivery_note", "en")))
    assert again.version == 2
    other = db.write(lambda s: pt.import_template(s, staff.admin, "delivery_note", "A5",
                                                  builtin_bytes(), make_default=True))
    assert other.is_default
    versions = db.read(lambda s: pt.template_versions(s, staff.rep1, "delivery_note",
                                                      "三联 送货单"))
    assert [v.version for v in versions] == [2, 1]
    # an earlier version may become the default; the other default is cleared
    db.write(lambda s: pt.set_default(s, staff.admin, first.id))
    listed = db.read(lambda s: pt.list_templates(s, staff.warehouse, "delivery_note"))
    assert [(t.name, t.version, t.is_default) for t in listed if not t.builtin] == [
        ("三联 送货单", 1, True), ("A5", 1, False)]
    chosen = db.read(lambda s: pt.default_template(s, staff.warehouse, "delivery_note"))
    assert chosen.info.id == first.id and chosen.content == builtin_bytes()
    assert db.read(lambda s: pt.template_content(s, staff.rep1, again.id)).content == \
        builtin_bytes("delivery_note", "en")
    # back to the built-in template
    db.write(lambda s: pt.set_default(s, staff.admin, None, "delivery_note"))
    assert db.read(lambda s: pt.default_template(s, staff.admin, "delivery_note")).info.builtin
    actions = db.read(lambda s: list(s.scalars(
        select(AuditLog.action).where(AuditLog.entity == "print_template"))))
    assert actions.count("import") == 3 and "set_default" in actions


def _wb_with(cells, merges=(), title="Sheet1"):
    wb, _ws = sheet(cells, title=title, merges=merges)
    return xlsx_bytes(wb)


BAD_TEMPLATES = {
    "unknown field": (edited(cell="C5", value="客户：{{ custmer.name }}"),
                      ["送货单!C5: unknown field 'custmer.name' — did you mean 'customer.name'?"]),
    "unclosed loop": (_wb_with({"A1": "{% for line in lines %}", "A2": "{{ line.name }}"}),
                      ["Sheet1!A1: {% for %} is never closed"]),
    "two loops": (_wb_with({"A1": "{% for line in lines %}", "A2": "{{ line.name }}",
                            "A3": "{% endfor %}", "A5": "{% for line in lines %}",
                            "A6": "{{ line.qty }}", "A7": "{% endfor %}"}),
                  ["Sheet1!A5: a second {% for %} block on this sheet (the first is at A1)"]),
    "loop inside a merged range": (
        _wb_with({"A1": "{% for line in lines %}", "B2": "{{ line.name }}",
                  "A3": "{% endfor %}"}, merges=("C1:D3",)),
        ["Sheet1!C1: the {% for %} block (rows 1–3) cuts through merged range C1:D3"]),
    "corrupt file": (b"PK\x03\x04 this is not a workbook",
                     ["dn.xlsx: not an Excel workbook (.xlsx)"]),
    "empty file": (b"", ["dn.xlsx is empty"]),
}


@pytest.mark.parametrize("case", list(BAD_TEMPLATES))
def test_bad_template_is_refused_and_nothing_stored(db, staff, case):
    content, expected = BAD_TEMPLATES[case]
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: pt.import_template(s, staff.admin, "delivery_note", "坏模板",
                                              content, filename="dn.xlsx"))
    assert err.value.field == "file"
    for part in expected:
        assert part in err.value.message
    assert stored(db) == 0
    # the preview refuses it the same way (nothing half printed)
    with pytest.raises(ValidationError):
        db.read(lambda s: prepare_sample(s, staff.admin, "delivery_note", template=content,
                                         template_filename="dn.xlsx"))


def test_template_checked_against_its_own_document_type(db, staff):
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: pt.import_template(s, staff.admin, "purchase_order", "x",
                                              builtin_bytes("delivery_note")))
    assert "unknown field 'customer.name'" in err.value.message
    assert stored(db) == 0


def test_only_administrators_manage_templates(db, staff):
    for actor in (staff.manager, staff.warehouse, staff.finance):
        with pytest.raises(PermissionDenied):
            db.write(lambda s: pt.import_template(s, actor, "delivery_note", "x",
                                                  builtin_bytes()))
    with pytest.raises(ValidationError):
        db.write(lambda s: pt.import_template(s, staff.admin, "delivery_note", "  ",
                                              builtin_bytes()))
    with pytest.raises(ValidationError):
        db.write(lambda s: pt.import_template(s, staff.admin, "invoice", "x",
                                              builtin_bytes()))
    info = db.write(lambda s: pt.import_template(s, staff.admin, "delivery_note", "x",
                                                 builtin_bytes()))
    with pytest.raises(PermissionDenied):
        db.write(lambda s: pt.set_default(s, staff.warehouse, info.id))
    assert stored(db) == 1
