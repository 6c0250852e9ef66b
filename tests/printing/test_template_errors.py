"""Bad templates: every problem is reported with sheet, cell and a clear message, all at
once, before anything is filled or printed."""
import io
import os

import pytest

from printing import TemplateError, load_template, render_pdf
from printing.samples import DELIVERY_NOTE_FIELDS
from tests.printing.helpers import sheet, xlsx_bytes

FIELDS = DELIVERY_NOTE_FIELDS


def problems_of(wb, fields=FIELDS) -> list[str]:
    with pytest.raises(TemplateError) as err:
        load_template(xlsx_bytes(wb), fields)
    return [str(p) for p in err.value.problems]


def test_misspelt_field_names_sheet_cell_and_suggestion():
    wb, _ = sheet({"B7": "客户：{{ custmer.name }}"}, title="送货单")
    assert problems_of(wb) == [
        "送货单!B7: unknown field 'custmer.name' — did you mean 'customer.name'?"]


def test_misspelt_line_field_suggests_the_loop_variable_form():
    wb, _ = sheet({"A1": "{% for line in lines %}", "A2": "{{ line.qtty }}",
                   "A3": "{% endfor %}"})
    assert problems_of(wb) == [
        "Sheet1!A2: unknown field 'line.qtty' — did you mean 'line.qty'?"]


def test_line_fields_outside_the_loop_are_unknown():
    wb, _ = sheet({"C4": "{{ line.qty }}", "D4": "{{ loop.index }}"})
    found = problems_of(wb)
    assert found[0].startswith("Sheet1!C4: unknown field 'line.qty'")
    assert found[1] == "Sheet1!D4: 'loop.index' is only available inside a {% for %} block"


def test_unknown_filter_with_suggestion():
    wb, _ = sheet({"H9": "{{ document.total | mony }}"})
    assert problems_of(wb) == ["Sheet1!H9: unknown filter 'mony' — did you mean 'money'?"]


def test_filter_arguments_are_checked():
    wb, _ = sheet({"A1": "{{ document.total | number('x') }}",
                   "A2": "{{ document.total | money(2) }}",
                   "A3": "{{ document.date | date(1) }}"})
    found = problems_of(wb)
    assert len(found) == 3
    assert found[0].startswith("Sheet1!A1: filter 'number' got 'x'")
    assert found[1] == "Sheet1!A2: filter 'money' takes no arguments"
    assert found[2].startswith("Sheet1!A3: filter 'date' got 1")


def test_unclosed_loop():
    wb, _ = sheet({"A5": "{% for line in lines %}", "A6": "{{ line.name }}"})
    assert problems_of(wb) == [
        "Sheet1!A5: {% for %} is never closed — add a row with {% endfor %} after the block"]


def test_endfor_and_endif_without_opening():
    wb, _ = sheet({"A3": "{% endfor %}", "A4": "{% endif %}"})
    assert problems_of(wb) == ["Sheet1!A3: {% endfor %} without a {% for %} above it",
                               "Sheet1!A4: {% endif %} without an {% if %} above it"]


def test_two_loops_on_one_sheet():
    wb, _ = sheet({"A2": "{% for line in lines %}", "A3": "{{ line.name }}",
                   "A4": "{% endfor %}", "A6": "{% for line in lines %}",
                   "A7": "{{ line.name }}", "A8": "{% endfor %}"})
    found = problems_of(wb)
    assert found[0] == ("Sheet1!A6: a second {% for %} block on this sheet (the first is at "
                        "A2): one loop per sheet")


def test_loop_inside_a_merged_range():
    wb, _ = sheet({"A2": "{% for line in lines %}", "A3": "{{ line.name }}",
                   "A4": "{% endfor %}"}, merges=("C1:D3",))
    found = problems_of(wb)
    assert found == ["Sheet1!C1: the {% for %} block (rows 2–4) cuts through merged range "
                     "C1:D3: a merged range must lie wholly inside the repeated rows or "
                     "wholly outside the block"]


def test_merges_inside_the_body_or_on_a_marker_row_are_fine():
    wb, _ = sheet({"A2": "{% for line in lines %}", "B3": "{{ line.name }}",
                   "A4": "{% endfor %}"}, merges=("B3:D3", "A2:D2"))
    assert load_template(xlsx_bytes(wb), FIELDS).sheets["Sheet1"].loop is not None


def test_if_block_cut_by_a_merge():
    wb, _ = sheet({"A2": "{% if document.remark %}", "A3": "{{ document.remark }}",
                   "A4": "{% endif %}"}, merges=("B3:C5",))
    assert problems_of(wb)[0].startswith("Sheet1!B3: the {% if %} block (rows 2–4) cuts")


def test_corrupt_file_is_not_an_excel_workbook(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(TemplateError) as err:
        load_template(bad)
    assert "bad.xlsx: not an Excel workbook" in str(err.value)
    with pytest.raises(TemplateError, match="not an Excel workbook"):
        load_template(b"%PDF-1.4 hello")


def test_block_tags_must_be_alone_in_cell_and_row():
    wb, _ = sheet({"A2": "x {% for line in lines %}", "A5": "{% if document.remark %}",
                   "C5": "text", "A6": "{% endif %}"})
    found = problems_of(wb)
    assert found[0] == ("Sheet1!A2: a {% … %} tag must be alone in its cell (found "
                        "'x {% for line in lines %}')")
    assert found[1].startswith("Sheet1!A5: the row of a block tag is removed when printing, "
                               "so it must hold nothing else (also filled: C5)")


def test_syntax_errors_and_unknown_tags():
    wb, _ = sheet({"A1": "{{ customer. }}", "A2": "{{ customer.name", "A3": "{% while x %}",
                   "A4": "{{ customer.name() }}", "A5": "{{ customer.__class__ }}"})
    found = problems_of(wb)
    assert found[0].startswith("Sheet1!A3: unknown tag '{% while x %}'")
    assert found[1].startswith("Sheet1!A1: cannot read '{{ customer. }}': expected a field "
                               "name after '.'")
    assert found[2] == "Sheet1!A2: '{{' without a matching '}}'"
    assert "calls are not allowed" in found[3]
    assert "names starting with '_' are not allowed" in found[4]


def test_loop_over_something_that_is_not_a_list():
    wb, _ = sheet({"A1": "{% for c in customer %}", "A2": "x", "A3": "{% endfor %}"})
    assert problems_of(wb) == ["Sheet1!A1: 'customer' is not a list of this document "
                               "(lists: lines)"]


def test_picture_filters_must_be_alone():
    wb, _ = sheet({"A1": "No. {{ document.number | barcode }}",
                   "A2": "{{ document.number | qrcode | upper }}"})
    found = problems_of(wb)
    assert len(found) == 2 and all("draws a picture" in f for f in found)


def test_formulas_the_printer_cannot_compute():
    wb, _ = sheet({"A1": 1, "B1": "=VLOOKUP(A1,C1:D9,2,FALSE)", "B2": "=SUM(A1:A1)"})
    assert problems_of(wb) == ["Sheet1!B1: formula function VLOOKUP is not supported when "
                               "printing"]


def test_every_problem_of_every_sheet_at_once():
    wb, ws = sheet({"A1": "{{ custmer.name }}"})
    other = wb.create_sheet("第二页")
    other["B2"] = "{{ lines | mony }}"
    other["A3"] = "{% for line in lines %}"
    found = problems_of(wb)
    assert [f.split(":")[0] for f in found] == ["Sheet1!A1", "第二页!A3", "第二页!B2"]


def test_without_a_field_list_only_structure_is_checked():
    wb, _ = sheet({"A1": "{{ anything.at.all }}", "A2": "{% for x in rows %}",
                   "A3": "{{ x.y }}", "A4": "{% endfor %}"})
    template = load_template(xlsx_bytes(wb))
    assert template.sheets["Sheet1"].loop.var == "x"


def test_nothing_is_written_when_the_template_is_bad(tmp_path):
    wb, _ = sheet({"A1": "{{ custmer.name }}"})
    out = tmp_path / "note.pdf"
    with pytest.raises(TemplateError):
        render_pdf(load_template(xlsx_bytes(wb), FIELDS), out, context={})
    assert not out.exists()


def test_nothing_is_written_when_the_data_does_not_fit(tmp_path):
    from printing import FillError
    wb, _ = sheet({"A1": "{{ company.name }}", "A2": "{% for line in lines %}",
                   "A3": "{{ line.name }}", "A4": "{% endfor %}"})
    template = load_template(xlsx_bytes(wb), FIELDS)
    out = tmp_path / "note.pdf"
    with pytest.raises(FillError, match="'lines' is not a list"):
        render_pdf(template, out, context={"company": {"name": "x"}, "lines": "oops"})
    assert not out.exists() and not os.listdir(tmp_path)
    buf = io.BytesIO()
    with pytest.raises(FillError):
        render_pdf(template, buf, context={"lines": 5})
    assert buf.getvalue() == b""


def test_a_value_a_filter_cannot_handle_names_the_cell():
    from printing import FillError, fill
    wb, _ = sheet({"A1": "{% for line in lines %}", "B2": "{{ line.qty | money }}",
                   "A3": "{% endfor %}"})
    template = load_template(xlsx_bytes(wb), FIELDS)
    with pytest.raises(FillError) as err:
        fill(template, {"lines": [{"qty": 1}, {"qty": "lots"}]})
    assert str(err.value) == ("Sheet1!B2 (template row 2): filter 'money': not a number: "
                              "'lots'")
