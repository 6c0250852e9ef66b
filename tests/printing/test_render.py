"""Rendering: PDFs are read back with pypdf — text and its order, page size and count,
title rows on every page, totals, page numbers, fonts."""
import io
import os
import re
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.styles import Alignment
from openpyxl.worksheet.properties import PageSetupProperties

from printing import (FontError, RenderCancelled, fill, load_template, render_many,
                      render_pdf)
from printing.samples import (DELIVERY_NOTE_FIELDS, STATEMENT_FIELDS, TEMPLATE_DIR,
                              delivery_note_context, statement_context)
from tests.printing.helpers import pdf_pages, pdf_reader, xlsx_bytes

A4 = (595.28, 841.89)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_in_order(text: str, parts: list[str]) -> None:
    flat = squash(text)
    pos = 0
    for part in parts:
        found = flat.find(squash(part), pos)
        assert found >= 0, f"{part!r} missing (or out of order) after position {pos}"
        pos = found + len(squash(part))


@pytest.fixture(scope="module")
def note_template():
    return load_template(os.path.join(TEMPLATE_DIR, "sample_delivery_note.xlsx"),
                         DELIVERY_NOTE_FIELDS)


@pytest.fixture(scope="module")
def long_note(note_template):
    ctx = delivery_note_context(120)
    buf = io.BytesIO()
    pages = render_pdf(note_template, buf, context=ctx)
    return ctx, pages, buf.getvalue()


def render(source, **kw) -> bytes:
    buf = io.BytesIO()
    render_pdf(source, buf, **kw)
    return buf.getvalue()


def test_delivery_note_text_in_order_with_chinese(note_template):
    ctx = delivery_note_context(6)
    data = render(note_template, context=ctx)
    (text,) = pdf_pages(data)
    assert_in_order(text, [
        "千里贸易有限公司", "送 货 单", "客户：杭州明远机电设备有限公司（C0042）", "单号：",
        "DN-2026-000123", "日期：", "2026年11月23日", "序号", "商品编码", "品名", "金额",
        "1", "A-1001", "不锈钢六角螺栓", "M8×30", "盒", "1", "36.50", "36.50",
        "4", "C-3300", "LED 防爆工作灯（含支架和安装", "配件，户外防水等级 IP66）",
        "6", "E-5120", "液压油 46#", "合 计", "65", "¥40,141.90",
        "金额大写（人民币）：肆万零壹佰肆拾壹元玖角整", "备注：请于收货后 3 日内核对数量",
        "制单：李娜", "收货人签字：", "第 1 页 / 共 1 页"])
    assert sum(line["amount"] for line in ctx["lines"]) == Decimal("40141.90")


def test_page_size_and_pictures(note_template):
    data = render(note_template, context=delivery_note_context(3))
    reader = pdf_reader(data)
    (page,) = reader.pages
    assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4
    xobjects = page["/Resources"]["/XObject"]
    assert len(xobjects) >= 2  # logo and seal
    content = page.get_contents().get_data().decode("latin1")
    assert content.count(" re f*") >= 30  # the code128 bars are drawn as vectors


def test_overflowing_lines_repeat_title_rows_on_every_page(long_note):
    ctx, pages, data = long_note
    texts = pdf_pages(data)
    assert pages == len(texts) >= 3
    header = "序号商品编码品名规格单位数量单价金额"
    for number, text in enumerate(texts, start=1):
        assert header in squash(text), f"page {number} lacks the title row"
        assert f"第{number}页/共{pages}页" in squash(text)
    # every line printed once, in order, across the pages
    all_text = "\n".join(texts)
    codes = re.findall(r"\b[A-E]-\d{4}\b", all_text)
    assert codes == [line["code"] for line in ctx["lines"]]
    assert "千里贸易有限公司" in texts[0] and "千里贸易有限公司" not in texts[1]


def test_totals_equal_the_sum_of_the_lines(long_note):
    ctx, _pages, data = long_note
    last = pdf_pages(data)[-1]
    total = sum(line["amount"] for line in ctx["lines"])
    qty = sum(line["qty"] for line in ctx["lines"])
    assert f"合计{qty}¥{total:,.2f}" in squash(last)
    from printing import cn_amount
    assert cn_amount(total) in squash(last)


def test_statement_renders_with_running_balance():
    template = load_template(os.path.join(TEMPLATE_DIR, "sample_statement.xlsx"),
                             STATEMENT_FIELDS)
    ctx = statement_context(12)
    (text,) = pdf_pages(render(template, context=ctx))
    doc = ctx["document"]
    assert_in_order(text, ["客 户 对 账 单", "对账期间：2026年10月01日 至 2026年10月31日",
                           "期初余额：15,800.00 元", "2026-10-03", "DN-2026-000100",
                           "2,350.40", "18,150.40", "本期合计",
                           f"{doc['total_debit']:,.2f}", f"{doc['total_credit']:,.2f}",
                           f"{doc['closing_balance']:,.2f}", "期末余额（大写）：贰万捌仟贰佰零捌元整"])


def test_batch_numbers_each_document_from_page_one(note_template):
    items = [(note_template, delivery_note_context(n, number=f"DN-{n}")) for n in (2, 120, 5)]
    seen = []
    buf = io.BytesIO()
    total = render_many(items, buf, progress=lambda done, count: seen.append((done, count)))
    texts = pdf_pages(buf.getvalue())
    assert total == len(texts)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    footers = [re.search(r"第(\d+)页/共(\d+)页", squash(t)).groups() for t in texts]
    assert footers[0] == ("1", "1") and footers[-1] == ("1", "1")
    middle = footers[1:-1]
    assert [int(p) for p, _ in middle] == list(range(1, len(middle) + 1))
    assert {n for _, n in middle} == {str(len(middle))}


def test_cancelled_batch_writes_nothing(note_template, tmp_path):
    out = tmp_path / "batch.pdf"
    items = [(note_template, delivery_note_context(2))] * 3
    with pytest.raises(RenderCancelled):
        render_many(items, out, progress=lambda done, count: done < 2)
    assert not out.exists()
    assert render_many(items, out) == 3 and out.read_bytes().startswith(b"%PDF")


def sheet_with(setup) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    setup(ws)
    return render(load_template(xlsx_bytes(wb)), context={})


@pytest.mark.parametrize("paper, landscape, size", [
    (11, True, (595.28, 419.53)), (1, False, (612.0, 792.0)), (8, False, (841.89, 1190.55)),
    (None, False, A4)])
def test_paper_size_and_orientation(paper, landscape, size):
    def setup(ws):
        ws["A1"] = "x"
        ws.page_setup.paperSize = paper
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
    (page,) = pdf_reader(sheet_with(setup)).pages
    assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == size


def test_print_area_and_hidden_columns_limit_what_prints():
    def setup(ws):
        ws["A1"], ws["B1"], ws["C1"], ws["A5"] = "visible", "hidden", "also", "outside"
        ws.column_dimensions["B"].hidden = True
        ws.print_area = "A1:C3"
    (text,) = pdf_pages(sheet_with(setup))
    assert "visible" in text and "also" in text
    assert "hidden" not in text and "outside" not in text


def test_number_formats_print_as_excel_shows_them():
    import datetime as dt

    def setup(ws):
        values = [(Decimal("1234.5"), "#,##0.00"), (0.125, "0.0%"), (dt.date(2026, 3, 5),
                  "yyyy-mm-dd"), (Decimal("-42"), '#,##0.00;[Red](#,##0.00)'), (7, "0\"件\""),
                  (dt.datetime(2026, 3, 5, 14, 7), "yyyy\"年\"m\"月\"d\"日\" h:mm")]
        for row, (value, fmt) in enumerate(values, start=1):
            ws.cell(row, 1, value).number_format = fmt
        ws.column_dimensions["A"].width = 30
    (text,) = pdf_pages(sheet_with(setup))
    assert_in_order(text, ["1,234.50", "12.5%", "2026-03-05", "(42.00)", "7件",
                           "2026年3月5日 14:07"])


def _wide(ws, fit):
    for col in range(1, 31):
        ws.cell(1, col, f"c{col}")
        ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width = 12
    ws.cell(2, 1, "second")
    if fit:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0


def test_fit_to_width_keeps_one_page_across():
    assert len(pdf_pages(sheet_with(lambda ws: _wide(ws, True)))) == 1
    pages = pdf_pages(sheet_with(lambda ws: _wide(ws, False)))
    assert len(pages) > 1
    assert "c1" in pages[0] and "c30" in pages[-1] and "c30" not in pages[0]


def _text_positions(page) -> list[tuple[str, float, float]]:
    found = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            found.append((text.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))
    page.extract_text(visitor_text=visit)
    return found


def test_wrapped_text_grows_its_row_and_breaks_chinese():
    long_text = "这是一段很长的中文备注，用来检查自动换行是否正确，并且标点不会出现在行首。" * 2

    def setup(ws):
        ws["A1"] = "top"
        ws["A2"] = long_text
        ws["A2"].alignment = Alignment(wrap_text=True)
        ws["A3"] = "below"
        ws.column_dimensions["A"].width = 20
    reader = pdf_reader(sheet_with(setup))
    text = reader.pages[0].extract_text()
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert squash(text) == "top" + squash(long_text) + "below"
    assert len(lines) >= 6
    assert not any(ln.strip()[0] in "，。" for ln in lines)
    pos = {t: y for t, _x, y in _text_positions(reader.pages[0])}
    assert pos["top"] - pos["below"] > 5 * 15  # the wrapped row grew


def test_merged_title_is_centred_across_its_range():
    def setup(ws):
        ws["A1"] = "TITLE"
        ws.merge_cells("A1:H1")
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.print_options.horizontalCentered = True
        ws["H2"] = "x"
    reader = pdf_reader(sheet_with(setup))
    (title_x,) = [x for t, x, _y in _text_positions(reader.pages[0]) if t == "TITLE"]
    from printing.fonts import font_set
    width = font_set().width("TITLE", 11, "narrow")
    assert abs(title_x + width / 2 - 595.28 / 2) < 1.0


def test_header_and_footer_page_numbers_and_placeholders():
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in range(1, 121):
        ws.cell(row, 1, f"row {row}")
    ws.oddHeader.left.text = "{{ company }}"
    ws.oddFooter.center.text = "Page &P of &N"
    ws.oddFooter.right.text = "&A"
    texts = pdf_pages(render(load_template(xlsx_bytes(wb)), context={"company": "千里"}))
    assert len(texts) == 3
    reader = pdf_reader(render(load_template(xlsx_bytes(wb)), context={"company": "千里"}))
    for n, (text, page) in enumerate(zip(texts, reader.pages), start=1):
        assert f"Page {n} of 3" in text and ws.title in text
        pos = {t: (x, y) for t, x, y in _text_positions(page)}
        assert pos["千里"][1] > max(y for t, (x, y) in pos.items() if t.startswith("row"))


def test_embedded_truetype_font_with_cjk_fallback(note_template):
    import reportlab
    vera = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")
    data = render(note_template, context=delivery_note_context(2), font=vera)
    reader = pdf_reader(data)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [f.get_object().get("/FontDescriptor") for f in fonts.values()]
    assert any(d is not None and "/FontFile2" in d.get_object() for d in descriptors)
    text = squash(reader.pages[0].extract_text())
    assert "不锈钢六角螺栓" in text and "DN-2026-000123" in text


def test_postscript_outline_fonts_are_refused_clearly(tmp_path):
    from printing.fonts import FontSet
    missing = tmp_path / "none.ttf"
    with pytest.raises(FontError, match="font file not found"):
        FontSet(str(missing))
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"OTTO" + b"\0" * 64)
    with pytest.raises(FontError, match="not a usable TrueType font|PostScript"):
        FontSet(str(fake))


def test_filled_workbook_renders_the_same_as_template_and_context(note_template):
    ctx = delivery_note_context(4)
    direct = pdf_pages(render(note_template, context=ctx))
    via_wb = pdf_pages(render(fill(note_template, ctx)))
    assert direct == via_wb


def test_saved_and_reloaded_xlsx_still_renders(note_template, tmp_path):
    path = tmp_path / "note.xlsx"
    fill(note_template, delivery_note_context(3)).save(path)
    wb = openpyxl.load_workbook(path)
    (text,) = pdf_pages(render(wb))
    assert "¥" in text and "不锈钢六角螺栓" in text
