"""The default templates of resources/templates/ (Chinese and English, every document type),
filled with sample data and read back: text in order, Chinese included, A4/A5 pages, title
rows on every page of a long delivery note, totals equal to the sum of the lines, and the
filled workbook cell by cell (formulas, merges, print area moved)."""
from __future__ import annotations

import io
import re
from decimal import Decimal

import openpyxl
import pytest

from printing import fill, load_template, render_pdf
from printing.jobs import render_job
from services.print_fields import DOC_TYPES, field_paths
from services.print_jobs import PrintJob
from services.print_samples import sample_context
from services.print_templates import TemplateContent, builtin_path, builtin_template
from tests.printing.helpers import pdf_pages, pdf_reader

A4 = (595.28, 841.89)
A5_LANDSCAPE = (595.28, 419.53)
TITLES = {"delivery_note": ("送货单", "DELIVERY NOTE"), "quotation": ("报价单", "QUOTATION"),
          "sales_order": ("销售合同", "SALES CONTRACT"),
          "purchase_order": ("采购订单", "PURCHASE ORDER"),
          "goods_receipt": ("入库单", "GOODS RECEIPT"),
          "statement": ("客户对账单", "CUSTOMER STATEMENT"), "payment_receipt": ("收据", "RECEIPT")}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def render(doc_type: str, language: str, lines: int = 6) -> tuple[dict, list[str], bytes]:
    tpl = load_template(builtin_path(doc_type, language), field_paths(doc_type))
    ctx = sample_context(doc_type, language, lines)
    buf = io.BytesIO()
    render_pdf(tpl, buf, context=ctx)
    return ctx, [squash(p) for p in pdf_pages(buf.getvalue())], buf.getvalue()


def money(value) -> str:
    return f"{Decimal(value):,.2f}"


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("doc_type", list(DOC_TYPES))
def test_default_template_prints_its_document(doc_type, language):
    ctx, pages, data = render(doc_type, language)
    assert len(pages) == 1
    size = tuple(round(float(x), 2) for x in pdf_reader(data).pages[0].mediabox[2:])
    assert size == (A5_LANDSCAPE if doc_type == "payment_receipt" else A4)
    text = pages[0]
    title = squash(TITLES[doc_type][0 if language == "zh" else 1])
    doc = ctx["document"]
    # header, title, number, party, lines in order, the total and its capital numerals
    order = [squash(ctx["company"]["name"]), title]
    party = ctx.get("customer") or ctx.get("supplier")
    if party:
        order.append(squash(party["name"]))
    order.append(doc["number"])
    for line in ctx.get("lines", []):
        order.append(squash(line.get("code") or line.get("number")))
    pos = 0
    for part in order:
        found = text.find(part, pos)
        assert found >= 0, f"{part!r} missing or out of order"
        pos = found + len(part)
    amount = doc.get("total", doc.get("closing_balance", doc.get("amount")))
    assert money(amount) in text
    from printing import cn_amount
    assert cn_amount(amount) in text
    if ctx.get("lines") and "amount" in ctx["lines"][0]:
        assert sum(ln["amount"] for ln in ctx["lines"]) == amount


def test_long_delivery_note_repeats_its_header_and_sums_every_line():
    ctx, pages, _data = render("delivery_note", "zh", lines=200)
    assert len(pages) >= 5
    for n, page in enumerate(pages, start=1):
        assert "序号商品编码品名规格型号单位数量单价金额备注" in page, f"no title row on page {n}"
        assert f"第{n}页/共{len(pages)}页" in page
    # each line number appears once, in order, across the pages
    codes = re.findall(r"(A-1001|A-1002|B-2040|C-3300|D-0007|E-5120)", "".join(pages))
    assert len(codes) == 200
    total = sum(ln["amount"] for ln in ctx["lines"])
    assert money(total) in pages[-1] and "合计" in pages[-1]
    assert "制单：李娜" in pages[-1] and "制单" not in "".join(pages[:-1])


def test_filled_delivery_note_workbook_cell_by_cell():
    tpl = load_template(builtin_path("delivery_note", "zh"), field_paths("delivery_note"))
    template_ws = openpyxl.load_workbook(builtin_path("delivery_note", "zh")).worksheets[0]
    body_row = next(c.row for c in template_ws["A"] if c.value == "{% for line in lines %}") + 1
    ctx = sample_context("delivery_note", "zh", 25)
    ws = fill(tpl, ctx).worksheets[0]
    # the header row, then the 25 lines (the draft warning's rows and the markers are gone)
    header = next(c.row for c in ws["A"] if c.value == "序号")
    assert header == body_row - 2 - 3
    first, last = header + 1, header + 25
    assert [ws.cell(r, 1).value for r in range(first, last + 1)] == list(range(1, 26))
    assert ws.cell(first, 2).value == "A-1001" and ws.cell(first, 6).value == Decimal(1)
    assert ws.cell(last, 8).value == ctx["lines"][24]["amount"]
    # every line row keeps the template's style and height
    assert {ws.cell(r, 3).border.left.style for r in range(first, last + 1)} == {"thin"}
    assert ws.row_dimensions[last].height == template_ws.row_dimensions[body_row].height
    total_row = last + 1
    assert ws.cell(total_row, 6).value == f"=SUM(F{first}:F{last})"
    assert ws.cell(total_row, 8).value == f"=SUM(H{first}:H{last})"
    assert f"A{total_row}:E{total_row}" in {str(r) for r in ws.merged_cells.ranges}
    words = ws.cell(total_row + 1, 1).value
    from printing import cn_amount
    assert words == "合计金额（大写）：" + cn_amount(ctx["document"]["total"])
    area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
    last_template_row = int(re.search(r"(\d+)$", template_ws.print_area
                                      if isinstance(template_ws.print_area, str)
                                      else template_ws.print_area[0]).group(1))
    # the draft block (3 rows), two loop markers and the remark's two markers gone,
    # 24 lines added
    assert area.endswith(f"$I${last_template_row - 7 + 24}")
    assert ws.print_title_rows.replace("$", "") == f"{header}:{header}"


def test_job_renders_copies_as_separate_documents():
    tpl = builtin_template("delivery_note", "zh")
    ctx = sample_context("delivery_note", "zh", 3)
    contexts = tuple({**ctx, "document": {**ctx["document"], "copy_name": name}}
                     for name in ("第一联", "第二联", "第三联"))
    job = PrintJob("delivery_note", "送货单", TemplateContent(tpl.info, tpl.content), contexts,
                   "zh")
    buf = io.BytesIO()
    assert render_job(job, buf) == 3
    pages = pdf_pages(buf.getvalue())
    # the footnote names every copy; the copy's own name is printed under the barcode
    assert [squash(p).count("第二联") for p in pages] == [1, 2, 1]
    assert all("第 1 页 / 共 1 页" in p for p in pages)  # each copy numbered on its own
