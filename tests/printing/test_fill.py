"""Filling: the filled workbook is checked cell by cell, and again after saving as .xlsx."""
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.drawing.image import Image as XLImage
from openpyxl.styles import Border, Font, PatternFill, Side

from printing import fill, load_template
from printing.formula import FormulaEvaluator
from tests.printing.helpers import xlsx_bytes

THIN = Side(style="thin")


def note_template():
    """A small delivery-note-like template exercising every moving part."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Note"
    ws["A1"] = "{{ company.name }}"
    ws.merge_cells("A1:D1")
    ws["A2"] = "No. {{ document.number }}"
    ws["C2"] = "{{ document.date }}"
    ws["D2"] = "{{ document.total }}"
    ws["A3"] = "Item"
    ws["B3"] = "Qty"
    ws["C3"] = "Price"
    ws["D3"] = "Amount"
    ws["A4"] = "{% for line in lines %}"
    ws["A5"] = "{{ loop.index }}. {{ line.name }}"
    ws["B5"] = "{{ line.qty }}"
    ws["C5"] = "{{ line.price }}"
    ws["D5"] = "=B5*C5"
    ws["A5"].font = Font(bold=True, color="FF0000")
    ws["D5"].number_format = "#,##0.00"
    ws["D5"].border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
    ws["B5"].fill = PatternFill("solid", fgColor="DDEEFF")
    ws.row_dimensions[5].height = 21
    ws["B6"] = "{{ line.note }}"
    ws.merge_cells("B6:D6")
    ws["A7"] = "{% endfor %}"
    ws["A8"] = "Total"
    ws["B8"] = "=SUM(B5:B5)"
    ws["D8"] = "=SUM(D4:D7)"
    ws["D9"] = "=D8*0.13"
    ws["D10"] = "=D8+D9"
    ws.merge_cells("A10:C10")
    ws["A10"] = "含税合计 {{ document.total | money }}"
    ws["A11"] = "{% if document.remark %}"
    ws["A12"] = "Remark: {{ document.remark }}"
    ws["A13"] = "{% else %}"
    ws["A14"] = "No remark"
    ws["A15"] = "{% endif %}"
    ws["A16"] = "Signed"
    ws.row_dimensions[16].height = 33
    ws.print_area = "A1:D16"
    ws.print_title_rows = "3:3"
    ws.oddHeader.right.text = "{{ document.number }} &P"
    ws.oddHeader.left.text = "{{ company.short }}"
    img = XLImage(io.BytesIO(_png()))
    img.width = img.height = 20
    ws.add_image(img, "C16")
    other = wb.create_sheet("Summary")
    other["A1"] = "=Note!D8"
    other["A2"] = "=SUM(Note!B5:B5)"
    return load_template(xlsx_bytes(wb))


def _png() -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buf, "PNG")
    return buf.getvalue()


def context(n=3, remark="fragile"):
    return {
        "company": {"name": "千里贸易", "short": "Q&L"},
        "document": {"number": "DN-7", "date": dt.date(2026, 3, 5), "total": Decimal("1234.5"),
                     "remark": remark},
        "lines": [{"name": f"P{i}", "qty": Decimal(i), "price": Decimal("2.50"),
                   "note": f"n{i}"} for i in range(1, n + 1)],
    }


@pytest.fixture(scope="module")
def template():
    return note_template()


def values(ws):
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


def test_rows_repeat_and_everything_below_moves(template):
    ws = fill(template, context(3))["Note"]
    v = values(ws)
    # three lines of two rows each replace the block rows 4-7 (marker rows removed)
    assert v["A4"] == "1. P1" and v["A6"] == "2. P2" and v["A8"] == "3. P3"
    assert v["B5"] == "n1" and v["B9"] == "n3"
    assert v["D4"] == "=B4*C4" and v["D6"] == "=B6*C6" and v["D8"] == "=B8*C8"
    assert v["A10"] == "Total"
    assert v["B10"] == "=SUM(B4:B8)"  # SUM over the template's line row covers every line
    assert v["D10"] == "=SUM(D4:D9)"  # a range over the whole block, markers included
    assert v["D11"] == "=D10*0.13" and v["D12"] == "=D10+D11"  # references below shift
    assert v["A13"] == "Remark: fragile"
    assert v["A14"] == "Signed"
    assert "No remark" not in v.values()
    assert not any(isinstance(x, str) and "{%" in x for x in v.values())


def test_values_keep_their_type_and_mixed_text_becomes_text(template):
    ws = fill(template, context(2))["Note"]
    assert ws["C2"].value == dt.date(2026, 3, 5) or ws["C2"].value == dt.datetime(2026, 3, 5)
    assert ws["C2"].is_date
    assert ws["D2"].value == Decimal("1234.5") and ws["D2"].data_type == "n"
    assert ws["B4"].value == Decimal(1) and ws["C4"].value == Decimal("2.50")
    assert ws["A2"].value == "No. DN-7"
    assert ws["A10"].value == "含税合计 1,234.50"


def test_styles_heights_and_merges_follow(template):
    ws = fill(template, context(3))["Note"]
    for row in (4, 6, 8):
        assert ws.cell(row, 1).font.b and ws.cell(row, 1).font.color.rgb == "00FF0000"
        assert ws.cell(row, 4).number_format == "#,##0.00"
        assert ws.cell(row, 4).border.left.style == "thin"
        assert ws.cell(row, 2).fill.fgColor.rgb == "00DDEEFF"
        assert ws.row_dimensions[row].height == 21
    assert ws.row_dimensions[14].height == 33
    merged = sorted(str(r) for r in ws.merged_cells.ranges)
    assert merged == ["A12:C12", "A1:D1", "B5:D5", "B7:D7", "B9:D9"]


def test_print_area_titles_header_and_pictures_move(template):
    wb = fill(template, context(3))
    ws = wb["Note"]
    assert ws.print_area == "'Note'!$A$1:$D$14"
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddHeader.right.text == "DN-7 &P"  # the template's own codes stay
    assert ws.oddHeader.left.text == "Q&&L"  # an & in the data is not a header code
    (img,) = ws._images
    assert (img.anchor._from.row + 1, img.anchor._from.col + 1) == (14, 3)


def test_other_sheets_follow_the_moved_rows(template):
    ws = fill(template, context(3))["Summary"]
    assert ws["A1"].value == "=Note!D10"
    assert ws["A2"].value == "=SUM(Note!B4:B8)"


def test_formulas_compute_to_the_sum_of_the_lines(template):
    wb = fill(template, context(4))
    ev = FormulaEvaluator(wb)
    total_row = 4 + 2 * 4
    assert wb["Note"].cell(total_row, 1).value == "Total"
    assert ev.value("Note", total_row, 2) == Decimal(1 + 2 + 3 + 4)
    amount = Decimal("2.50") * 10
    assert ev.value("Note", total_row, 4) == amount
    assert ev.value("Note", total_row + 2, 4) == amount + amount * Decimal("0.13")
    assert ev.value("Summary", 1, 1) == amount


def test_else_branch_and_zero_lines(template):
    ws = fill(template, context(0, remark=""))["Note"]
    v = values(ws)
    assert v["A4"] == "Total"
    assert v["B4"] == "=SUM(0)" and v["D4"] == "=SUM(0)"
    assert v["A7"] == "No remark"
    assert FormulaEvaluator(ws.parent).value("Note", 4, 4) == 0


def test_filled_workbook_saves_and_reads_back(template, tmp_path):
    wb = fill(template, context(3))
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    back = openpyxl.load_workbook(path)
    ws = back["Note"]
    assert values(ws) == values(wb["Note"]) | {"C2": ws["C2"].value}
    assert sorted(str(r) for r in ws.merged_cells.ranges) == \
        sorted(str(r) for r in wb["Note"].merged_cells.ranges)
    assert ws.print_area == "'Note'!$A$1:$D$14"
    assert ws.print_title_rows == "$3:$3"
    assert len(ws._images) == 1


def test_template_is_untouched_by_filling(template):
    fill(template, context(5))
    again = fill(template, context(1))["Note"]
    assert again["A4"].value == "1. P1" and again["A6"].value == "Total"


def test_data_never_becomes_a_formula():
    wb = openpyxl.Workbook()
    wb.active["A1"] = "{{ customer.name }}"
    template = load_template(xlsx_bytes(wb))
    ws = fill(template, {"customer": {"name": "=HYPERLINK(\"http://x\")"}}).active
    assert ws["A1"].data_type == "s"
    assert FormulaEvaluator(ws.parent).value(ws.title, 1, 1).startswith("=HYPERLINK")


def test_money_and_number_filters_keep_numbers_with_a_format():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "{{ x | money }}"
    ws["A2"] = "{{ x | number(1) }}"
    ws["A3"] = "{{ x | cn_amount }}"
    ws["A4"] = "{{ missing | default('—') }}"
    ws["A5"] = "{{ d | date('%Y年%m月%d日') }}"
    ws["A6"] = "{{ name | upper }}"
    ws["A7"] = "{{ x > 100 }}"
    template = load_template(xlsx_bytes(wb))
    out = fill(template, {"x": Decimal("1234.567"), "d": dt.date(2026, 1, 2),
                          "name": "abc"}).active
    assert out["A1"].value == Decimal("1234.57") and out["A1"].number_format == "#,##0.00"
    assert out["A2"].value == Decimal("1234.6") and out["A2"].number_format == "0.0"
    assert out["A3"].value == "壹仟贰佰叁拾肆元伍角柒分"
    assert out["A4"].value == "—"
    assert out["A5"].value == "2026年01月02日"
    assert out["A6"].value == "ABC"
    assert out["A7"].value is True


def test_dataclass_contexts_and_nested_if_inside_the_loop():
    from dataclasses import dataclass

    @dataclass
    class Line:
        name: str
        note: str

    @dataclass
    class Doc:
        lines: list

    wb = openpyxl.Workbook()
    ws = wb.active
    for coord, value in {"A1": "{% for line in lines %}", "A2": "{{ line.name }}",
                         "A3": "{% if line.note %}", "A4": "  note: {{ line.note }}",
                         "A5": "{% endif %}", "A6": "{% endfor %}", "A7": "end"}.items():
        ws[coord] = value
    template = load_template(xlsx_bytes(wb), ["lines[]", "lines[].name", "lines[].note"])
    out = fill(template, Doc([Line("a", ""), Line("b", "x"), Line("c", "")])).active
    assert [c.value for c in out["A"]] == ["a", "b", "  note: x", "c", "end"]


def test_barcode_becomes_a_picture_over_its_cell():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["B2"] = "{{ number | barcode }}"
    ws.merge_cells("B2:D3")
    ws["A5"] = "{{ number | qrcode }}"
    template = load_template(xlsx_bytes(wb))
    out = fill(template, {"number": "DN-2026-0001"}).active
    assert out["B2"].value is None and out["A5"].value is None
    bar, qr = out._images
    assert (bar.anchor._from.row, bar.anchor._from.col) == (1, 1)
    assert bar.qianli_code == ("barcode", "DN-2026-0001")
    assert qr.anchor.ext.width == qr.anchor.ext.height  # a QR code stays square
    assert bar.anchor.ext.width > bar.anchor.ext.height
