"""Sheet geometry and cell styles as they reach the PDF (content stream operators)."""
import io

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from printing import fields_of, load_template, render_pdf
from printing.geometry import column_widths, max_digit_width
from printing.layout import layout_sheet
from printing.fonts import font_set
from printing.formula import FormulaEvaluator
from tests.printing.helpers import pdf_reader, xlsx_bytes


def content_of(wb) -> str:
    buf = io.BytesIO()
    render_pdf(load_template(xlsx_bytes(wb)), buf, context={})
    page = pdf_reader(buf.getvalue()).pages[0]
    return page.get_contents().get_data().decode("latin1")


def test_column_widths_follow_excels_conversion():
    wb = openpyxl.Workbook()
    ws = wb.active
    assert max_digit_width(wb) == 7  # Calibri 11
    ws.column_dimensions["B"].width = 10  # stored width 10 (Excel shows 9.29) → 70 px
    ws.column_dimensions["C"].hidden = True
    widths = column_widths(ws, 1, 4)
    assert widths == {1: 48.0, 2: 52.5, 3: 0.0, 4: 48.0}  # default 8.43 chars = 64 px


def test_row_heights_default_custom_and_grown():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["A3"] = "default", "custom", "big font"
    ws.row_dimensions[2].height = 30
    ws["A3"].font = Font(size=20)
    ws["A4"] = "wrapped " * 30
    ws["A4"].alignment = Alignment(wrap_text=True)
    ws["A5"].value = "hidden"
    ws.row_dimensions[5].hidden = True
    layout = layout_sheet(ws, font_set(), FormulaEvaluator(wb), {})
    h = layout.heights
    assert h[1] == 15 and h[2] == 30 and h[3] == 26 and h[5] == 0
    assert h[4] > 5 * 15


def test_borders_fills_fonts_and_colours_reach_the_pdf():
    wb = openpyxl.Workbook()
    ws = wb.active
    styles = {"A1": "thin", "A3": "medium", "A5": "thick", "A7": "dashed", "A9": "double"}
    for coord, style in styles.items():
        ws[coord] = style
        ws[coord].border = Border(bottom=Side(style=style, color="FF0000"))
    ws["C1"] = "bold red"
    ws["C1"].font = Font(bold=True, italic=True, color="FF0000", size=14)
    ws["C3"] = "filled"
    ws["C3"].fill = PatternFill("solid", fgColor="D9E1F2")
    ws["C5"] = "粗体中文"
    ws["C5"].font = Font(bold=True)
    content = content_of(wb)
    assert "1.000 0.000 0.000 RG 0.50 w [] 0 d" in content  # thin, red
    assert "1.00 w" in content and "1.60 w" in content  # medium, thick
    assert "[3.00 2.00] 0 d" in content  # dashed
    assert "0.35 w" in content  # double: two hairlines
    assert "0.851 0.882 0.949 rg" in content  # the fill
    assert "1.000 0.000 0.000 rg" in content and "14.00 Tf" in content  # red 14 pt text
    assert " 2 Tr" in content  # Chinese bold is stroked (STSong has no bold face)


def test_fonts_map_to_bold_italic_faces():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "x"
    ws["A1"].font = Font(name="Arial", bold=True, italic=True)
    ws["A2"] = "y"
    ws["A2"].font = Font(name="Times New Roman")
    buf = io.BytesIO()
    render_pdf(load_template(xlsx_bytes(wb)), buf, context={})
    fonts = pdf_reader(buf.getvalue()).pages[0]["/Resources"]["/Font"]
    names = {f.get_object()["/BaseFont"] for f in fonts.values()}
    assert {"/Helvetica-BoldOblique", "/Times-Roman"} <= names


def test_scale_shrinks_the_sheet_and_margins_move_it():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "x"
    ws.page_setup.scale = 50
    ws.page_margins.left = 1.0
    ws.page_margins.top = 2.0
    content = content_of(wb)
    # origin at the left and top margins (1 in, 2 in), everything drawn at half size
    assert f".5 0 0 .5 72 {841.8898 - 144:.4f} cm" in content


def test_vertical_alignment_places_text_in_tall_rows():
    wb = openpyxl.Workbook()
    ws = wb.active
    for coord, v in (("A1", "top"), ("B1", "center"), ("C1", "bottom")):
        ws[coord] = v
        ws[coord].alignment = Alignment(vertical=v)
    ws.row_dimensions[1].height = 60
    buf = io.BytesIO()
    render_pdf(load_template(xlsx_bytes(wb)), buf, context={})
    found = {}
    pdf_reader(buf.getvalue()).pages[0].extract_text(
        visitor_text=lambda t, cm, tm, fd, fs: found.update({t.strip(): tm[5]}) if t.strip()
        else None)
    assert found["top"] > found["center"] > found["bottom"]
    assert 40 < found["top"] - found["bottom"] < 60


def test_fields_of_a_sample_context():
    from dataclasses import dataclass

    @dataclass
    class Line:
        qty: int

    sample = {"document": {"number": "x"}, "lines": [Line(1)], "today": None}
    assert fields_of(sample) == ["document", "document.number", "lines[]", "lines[].qty",
                                 "today"]
