"""Build the default print templates (Chinese and English) of every document type.

    python resources/templates/build_templates.py          # writes <doc_type>.<lang>.xlsx here

The templates are ordinary Excel workbooks; the office may replace any of them in the
template manager with one of its own. Layout, shared by all: a header (company name, address
line, the title, the document number as a barcode or QR code at the top right), an
information block of label/value pairs, the lines table with its header repeated on every
page, a total row with SUM over the lines, the amount in capital numerals (大写金额), terms,
and signature lines. The fields used are those of services/print_fields.py; building checks
every template against them.
"""
from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

HERE = os.path.dirname(os.path.abspath(__file__))
THIN = Side(style="thin", color="000000")
MEDIUM = Side(style="medium", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
UNDER = Border(bottom=THIN)
MONEY = "#,##0.00"
BLANK_ZERO = "#,##0.00;-#,##0.00;\"\""
FONTS = {"zh": ("宋体", "黑体"), "en": ("Arial", "Arial")}
HEADER_FILL = "EDEDED"


@dataclass(frozen=True)
class Col:
    zh: str
    en: str
    expr: str
    width: float
    fmt: str | None = None
    align: str = "center"
    wrap: bool = False
    total: bool = False        # SUM over the lines in the total row


@dataclass
class Spec:
    key: str
    title: dict[str, str]
    sheet: dict[str, str]
    cols: list[Col]
    left: list[tuple[str, str, str]]      # (zh label, en label, value text)
    right: list[tuple[str, str, str]]
    split: int                             # first column (1-based) of the right block
    code: str = "barcode"
    amount: str | None = "document.total"  # the amount written in words
    amount_label: tuple[str, str] = ("合计金额（大写）：", "Total in words (RMB): ")
    terms: list[tuple[str, str]] = field(default_factory=list)
    signatures: list[list[tuple[str, str]]] = field(default_factory=list)
    footnote: tuple[str, str] | None = None
    draft_warning: bool = False
    copy_name: bool = False
    total_label: tuple[str, str] = ("合    计", "Total")
    total_value: str | None = None         # a placeholder instead of SUM in the last column
    remark: bool = True
    right_label_cols: int = 2


_LINE_HEAD = [
    Col("序号", "No.", "{{ loop.index }}", 5),
    Col("商品编码", "Code", "{{ line.code }}", 11, align="left"),
    Col("品名", "Description", "{{ line.name }}", 26, align="left", wrap=True),
    Col("规格型号", "Spec.", "{{ line.spec }}", 11, align="left", wrap=True),
    Col("单位", "Unit", "{{ line.unit }}", 5),
]
_QTY = Col("数量", "Qty", "{{ line.qty }}", 8, "General", "right", total=True)
_PRICE = Col("单价", "Unit price", "{{ line.price }}", 10, MONEY, "right")
_AMOUNT = Col("金额", "Amount", "{{ line.amount }}", 12, MONEY, "right", total=True)
_NOTE = Col("备注", "Note", "{{ line.note }}", 10, align="left", wrap=True)
_SALES_COLS = _LINE_HEAD + [
    _QTY, Col("原价", "List price", "{{ line.list_price }}", 9, MONEY, "right"),
    Col("折扣", "Disc.", "{{ line.discount_pct }}", 6, '0.0"%";-0.0"%";""', "right"),
    Col("折后单价", "Net price", "{{ line.price }}", 9, MONEY, "right"), _AMOUNT]

_CUSTOMER_LEFT = [("客户名称：", "Customer:", "{{ customer.name }}"),
                  ("客户地址：", "Address:", "{{ customer.address }}"),
                  ("联 系 人：", "Contact:",
                   "{{ customer.contact }}　{{ customer.contact_phone }}")]
_SUPPLIER_LEFT = [("供 应 商：", "Supplier:", "{{ supplier.name }}"),
                  ("地    址：", "Address:", "{{ supplier.address }}"),
                  ("联 系 人：", "Contact:",
                   "{{ supplier.contact }}　{{ supplier.contact_phone }}")]
_MAKER = ("制单：{{ user.name }}", "Prepared by: {{ user.name }}")

SPECS = [
    Spec("delivery_note", {"zh": "送  货  单", "en": "DELIVERY NOTE"},
         {"zh": "送货单", "en": "Delivery note"},
         _LINE_HEAD + [_QTY, _PRICE, _AMOUNT, _NOTE],
         [("客户名称：", "Customer:", "{{ customer.name }}"),
          ("送货地址：", "Deliver to:", "{{ document.delivery_address }}"),
          ("收 货 人：", "Receiver:", "{{ document.contact_name }}　{{ document.contact_phone }}")],
         [("单    号：", "No.:", "{{ document.number }}"),
          ("送货日期：", "Date:", "{{ document.date | date('%Y-%m-%d') }}"),
          ("订 单 号：", "Order:", "{{ document.order_number }}"),
          ("发货仓库：", "Warehouse:", "{{ document.warehouse }}")], split=6,
         terms=[("说明：请收货人当面点清数量、检查外观，签字确认；如有异议请于收货后 3 日内提出，"
                 "逾期视为验收合格。", "Please check the quantities and the goods on receipt and "
                 "sign below; report any discrepancy within 3 days of receipt.")],
         signatures=[[_MAKER, ("送货人：", "Delivered by:"), ("收货人签字：", "Received by (sign):")],
                     [("业务员：{{ document.salesperson }}", "Sales: {{ document.salesperson }}"),
                      ("收货日期：", "Date received:"), ("收货单位（盖章）：", "Receiver's stamp:")]],
         footnote=("第一联 白联：存根　　第二联 红联：客户　　第三联 黄联：财务",
                   "Copies: white — file; red — customer; yellow — accounts"),
         draft_warning=True, copy_name=True),
    Spec("quotation", {"zh": "报  价  单", "en": "QUOTATION"}, {"zh": "报价单", "en": "Quotation"},
         _SALES_COLS,
         _CUSTOMER_LEFT,
         [("报价单号：", "No.:", "{{ document.number }}"),
          ("报价日期：", "Date:", "{{ document.date | date('%Y-%m-%d') }}"),
          ("有效期至：", "Valid until:", "{{ document.valid_until | date('%Y-%m-%d') }}"),
          ("业 务 员：", "Sales:", "{{ document.salesperson }}")], split=7,
         terms=[("报价说明：1. 以上价格均为含税价（增值税专用发票）；", "Terms: 1. All prices include VAT;"),
                ("2. 交货：{{ document.delivery_terms | default('双方协商') }}；"
                 "交货期：{{ document.delivery_date | date('%Y-%m-%d') | default('双方协商') }}；",
                 "2. Delivery: {{ document.delivery_terms | default('to be agreed') }}, by "
                 "{{ document.delivery_date | date('%Y-%m-%d') | default('to be agreed') }};"),
                ("3. 付款方式：{{ document.payment_terms | default('双方协商') }}；"
                 "本报价有效期至 {{ document.valid_until | date('%Y年%m月%d日') }}。",
                 "3. Payment: {{ document.payment_terms | default('to be agreed') }}; this "
                 "quotation is valid until {{ document.valid_until | date('%Y-%m-%d') }}.")],
         signatures=[[("报价人：{{ document.salesperson }}", "Quoted by: {{ document.salesperson }}"),
                      ("客户确认（签章）：", "Accepted by (stamp):")],
                     [("电话：{{ company.phone }}", "Phone: {{ company.phone }}"),
                      ("日期：", "Date:")]]),
    Spec("sales_order", {"zh": "销  售  合  同", "en": "SALES CONTRACT"},
         {"zh": "销售合同", "en": "Sales contract"}, _SALES_COLS,
         [("买方（甲方）：", "Buyer:", "{{ customer.name }}"),
          ("地    址：", "Address:", "{{ customer.address }}"),
          ("卖方（乙方）：", "Seller:", "{{ company.name }}")],
         [("合同编号：", "No.:", "{{ document.number }}"),
          ("签订日期：", "Date:", "{{ document.date | date('%Y-%m-%d') }}"),
          ("交货日期：", "Delivery:", "{{ document.delivery_date | date('%Y-%m-%d') }}"),
          ("业 务 员：", "Sales:", "{{ document.salesperson }}")], split=7,
         terms=[("一、交货地点：{{ document.delivery_address }}；"
                 "收货人：{{ document.contact_name }} {{ document.contact_phone }}；",
                 "1. Delivery to: {{ document.delivery_address }}; "
                 "receiver: {{ document.contact_name }} {{ document.contact_phone }};"),
                ("二、交货方式：{{ document.delivery_terms | default('乙方送货上门') }}；"
                 "付款方式：{{ document.payment_terms | default('货到付款') }}；",
                 "2. Delivery terms: {{ document.delivery_terms | default('delivered') }}; "
                 "payment: {{ document.payment_terms | default('cash on delivery') }};"),
                ("三、质量标准：按国家标准及生产厂家标准执行；以上价格含增值税；",
                 "3. Quality: national and manufacturer standards; prices include VAT;"),
                ("四、本合同一式两份，双方各执一份，经双方签字盖章后生效；未尽事宜双方协商解决。",
                 "4. Two originals, one for each party, valid when signed and stamped by both."),
                ("五、乙方开户行：{{ company.bank_name }}　账号：{{ company.bank_account }}　"
                 "税号：{{ company.tax_id }}",
                 "5. Seller's bank: {{ company.bank_name }}, account {{ company.bank_account }}, "
                 "tax id {{ company.tax_id }}.")],
         signatures=[[("甲方（盖章）：", "Buyer (stamp):"), ("乙方（盖章）：{{ company.name }}",
                                                          "Seller (stamp): {{ company.name }}")],
                     [("代表签字：", "Signed:"), ("代表签字：{{ document.salesperson }}",
                                              "Signed: {{ document.salesperson }}")],
                     [("日期：", "Date:"), ("日期：", "Date:")]]),
    Spec("purchase_order", {"zh": "采  购  订  单", "en": "PURCHASE ORDER"},
         {"zh": "采购订单", "en": "Purchase order"},
         _LINE_HEAD + [_QTY, Col("含税单价", "Unit price", "{{ line.price }}", 10, MONEY, "right"),
                       Col("税率", "VAT", "{{ line.tax_rate }}", 6, '0"%"', "right"), _AMOUNT],
         _SUPPLIER_LEFT,
         [("订 单 号：", "PO No.:", "{{ document.number }}"),
          ("订单日期：", "Date:", "{{ document.date | date('%Y-%m-%d') }}"),
          ("交货日期：", "Deliver by:", "{{ document.expected_date | date('%Y-%m-%d') }}"),
          ("采 购 员：", "Buyer:", "{{ document.buyer }}")], split=6,
         terms=[("收货地址：{{ document.warehouse }}　{{ document.warehouse_address }}",
                 "Deliver to: {{ document.warehouse }}, {{ document.warehouse_address }}"),
                ("付款条件：{{ document.payment_terms }}；"
                 "请随货附送货单并注明本订单号，开具增值税专用发票。",
                 "Payment: {{ document.payment_terms }}. "
                 "Quote this PO number on your delivery note and invoice.")],
         signatures=[[("采购员：{{ document.buyer }}", "Buyer: {{ document.buyer }}"),
                      ("审批：{{ document.approved_by }}", "Approved: {{ document.approved_by }}"),
                      ("供应商确认（盖章）：", "Supplier (stamp):")]]),
    Spec("goods_receipt", {"zh": "入  库  单", "en": "GOODS RECEIPT"},
         {"zh": "入库单", "en": "Goods receipt"},
         _LINE_HEAD + [Col("订购数量", "Ordered", "{{ line.ordered_qty }}", 8, "General", "right"),
                       Col("实收数量", "Received", "{{ line.qty }}", 8, "General", "right",
                           total=True),
                       Col("单价(不含税)", "Unit cost", "{{ line.price }}", 10, "#,##0.00##",
                           "right"),
                       Col("金额", "Amount", "{{ line.amount }}", 11, MONEY, "right", total=True),
                       _NOTE],
         [("供 应 商：", "Supplier:", "{{ supplier.name }}"),
          ("采购订单：", "PO No.:", "{{ document.order_number }}"),
          ("联 系 人：", "Contact:", "{{ supplier.contact }}　{{ supplier.contact_phone }}")],
         [("入库单号：", "No.:", "{{ document.number }}"),
          ("入库日期：", "Date:", "{{ document.date | date('%Y-%m-%d') }}"),
          ("收货仓库：", "Warehouse:", "{{ document.warehouse }}")], split=7,
         amount_label=("入库金额（大写）：", "Amount in words (RMB): "),
         signatures=[[_MAKER, ("仓管员：", "Storekeeper:"), ("送货人：", "Delivered by:")],
                     [("质检：", "Inspected by:"), ("审核：", "Checked by:"),
                      ("日期：", "Date:")]],
         draft_warning=True),
    Spec("statement", {"zh": "客 户 对 账 单", "en": "CUSTOMER STATEMENT"},
         {"zh": "对账单", "en": "Statement"},
         [Col("日期", "Date", "{{ line.date }}", 11, "yyyy-mm-dd"),
          Col("类型", "Type", "{{ line.doc_type }}", 7),
          Col("单号", "Document", "{{ line.number }}", 17, align="left"),
          Col("摘要", "Memo", "{{ line.memo }}", 22, align="left", wrap=True),
          Col("应收金额", "Debit", "{{ line.debit }}", 13, BLANK_ZERO, "right", total=True),
          Col("减少金额", "Credit", "{{ line.credit }}", 13, BLANK_ZERO, "right", total=True),
          Col("余额", "Balance", "{{ line.balance }}", 14, MONEY, "right")],
         [("客户名称：", "Customer:", "{{ customer.name }}（{{ customer.code }}）"),
          ("联 系 人：", "Contact:", "{{ customer.contact }}　{{ customer.contact_phone }}"),
          ("对账期间：", "Period:", "{{ document.period_start | date('%Y-%m-%d') }} 至 "
                                   "{{ document.period_end | date('%Y-%m-%d') }}")],
         [("对账单号：", "No.:", "{{ document.number }}"),
          ("对账日期：", "Date:", "{{ document.date | date('%Y-%m-%d') }}"),
          ("期初余额：", "Opening:", "{{ document.opening_balance | money }}")], split=5,
         code="qrcode", amount="document.closing_balance",
         amount_label=("期末余额（大写）：", "Closing balance in words (RMB): "),
         total_label=("本 期 合 计", "Period total"), total_value="{{ document.closing_balance }}",
         remark=False, right_label_cols=1,
         terms=[("{{ document.note }}", "{{ document.note }}"),
                ("请贵司核对以上账目，如有不符请于收到本对账单后 7 日内与我司联系"
                 "（电话 {{ company.phone }}），逾期视为确认无误。",
                 "Please check this statement and tell us of any difference within 7 days "
                 "(phone {{ company.phone }}); otherwise it is taken as agreed.")],
         signatures=[[("{{ company.name }}（盖章）", "{{ company.name }} (stamp)"),
                      ("客户确认（签章）：", "Customer confirms (stamp):")],
                     [("经办人：{{ user.name }}", "Prepared by: {{ user.name }}"),
                      ("日期：", "Date:")]]),
]


def _font(lang: str, *, size: float = 10, bold: bool = False, heading: bool = False,
          color: str = "000000") -> Font:
    body, head = FONTS[lang]
    return Font(name=head if heading else body, size=size, bold=bold, color=color)


def _put(ws, row: int, c1: int, c2: int, value, font: Font, *, h="left", v="center",
         wrap=False, border: Border | None = None, fmt: str | None = None,
         fill: str | None = None, r2: int | None = None) -> None:
    r2 = r2 or row
    cell = ws.cell(row, c1)
    cell.value = value
    cell.font = font
    cell.alignment = Alignment(horizontal=h, vertical=v, wrap_text=wrap)
    if fmt:
        cell.number_format = fmt
    for r in range(row, r2 + 1):
        for c in range(c1, c2 + 1):
            x = ws.cell(r, c)
            if border is not None:
                x.border = border
            if fill:
                x.fill = PatternFill("solid", fgColor=fill)
    if c2 > c1 or r2 > row:
        ws.merge_cells(start_row=row, start_column=c1, end_row=r2, end_column=c2)


def _page(ws, last_col: int, last_row: int, title_row: int | None, *, paper: int = 9,
          landscape: bool = False, lang: str = "zh") -> None:
    ws.page_setup.paperSize = paper
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    m = ws.page_margins
    m.left = m.right = 0.45
    m.top, m.bottom, m.header, m.footer = 0.5, 0.6, 0.25, 0.3
    ws.print_options.horizontalCentered = True
    if title_row:
        ws.print_title_rows = f"{title_row}:{title_row}"
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页" if lang == "zh" else "Page &P of &N"
    ws.oddFooter.center.size = 8
    ws.oddFooter.right.text = "{{ document.number }}"
    ws.oddFooter.right.size = 8
    ws.sheet_view.showGridLines = False


def _header(ws, lang: str, n: int, title: str, code: str, first: int = 3) -> int:
    """Rows 1–4: company, address line, title (columns ``first``…n-2), copy name; the
    number's code at the right."""
    _put(ws, 1, first, n - 2, "{{ company.name }}",
         _font(lang, size=16, bold=True, heading=True), h="center")
    ws.row_dimensions[1].height = 26
    line = ("地址：{{ company.address }}　电话：{{ company.phone }}　传真：{{ company.fax }}"
            if lang == "zh" else
            "{{ company.address }} · Tel {{ company.phone }} · Fax {{ company.fax }}")
    _put(ws, 2, first, n - 2, line, _font(lang, size=8.5, color="404040"), h="center")
    ws.cell(2, first).alignment = Alignment(horizontal="center", vertical="center",
                                            shrink_to_fit=True)
    ws.row_dimensions[2].height = 14
    _put(ws, 3, first, n - 2, title, _font(lang, size=17, bold=True, heading=True),
         h="center")
    ws.row_dimensions[3].height = 30
    _put(ws, 1, n - 1, n, "{{ document.number | %s }}" % code, _font(lang), h="center", r2=3)
    for c in range(1, n + 1):
        ws.cell(3, c).border = Border(bottom=MEDIUM)
    ws.row_dimensions[4].height = 6
    return 5


def _info(ws, spec: Spec, lang: str, row: int, n: int) -> int:
    """Label/value pairs: the left block from column A, the right from ``split``."""
    k = 0 if lang == "zh" else 1
    rows = max(len(spec.left), len(spec.right))
    for i in range(rows):
        r = row + i
        if i < len(spec.left):
            label, value = spec.left[i][k], spec.left[i][2]
            _put(ws, r, 1, 2, label, _font(lang, bold=True), h="left")
            _put(ws, r, 3, spec.split - 1, value, _font(lang), h="left")
        if i < len(spec.right):
            label, value = spec.right[i][k], spec.right[i][2]
            value_col = spec.split + spec.right_label_cols
            _put(ws, r, spec.split, value_col - 1, label, _font(lang, bold=True), h="right")
            bold = value == "{{ document.number }}"
            _put(ws, r, value_col, n, value,
                 _font(lang, bold=bold, color="C00000" if bold else "000000"), h="left")
        ws.row_dimensions[r].height = 17
    return row + rows


def _table(ws, spec: Spec, lang: str, row: int) -> tuple[int, int]:
    """Header, the loop, the total row; returns (header row, next free row)."""
    n = len(spec.cols)
    head = row
    for c, col in enumerate(spec.cols, start=1):
        _put(ws, head, c, c, col.zh if lang == "zh" else col.en,
             _font(lang, bold=True, heading=True), h="center", wrap=True, border=BOX,
             fill=HEADER_FILL)
    ws.row_dimensions[head].height = 20
    ws.cell(head + 1, 1).value = "{% for line in lines %}"
    body = head + 2
    for c, col in enumerate(spec.cols, start=1):
        _put(ws, body, c, c, col.expr, _font(lang, size=9.5), h=col.align, wrap=col.wrap,
             border=BOX, fmt=col.fmt)
    ws.row_dimensions[body].height = 17
    ws.cell(body + 1, 1).value = "{% endfor %}"
    total = body + 2
    first_sum = next(i for i, col in enumerate(spec.cols, start=1) if col.total)
    _put(ws, total, 1, first_sum - 1, spec.total_label[0 if lang == "zh" else 1],
         _font(lang, bold=True, heading=True), h="center", border=BOX)
    for c in range(first_sum, n + 1):
        col = spec.cols[c - 1]
        value = None
        if col.total:
            letter = get_column_letter(c)
            value = f"=SUM({letter}{body}:{letter}{body})"
        elif c == n and spec.total_value:
            value = spec.total_value
        _put(ws, total, c, c, value, _font(lang, bold=True), h="right", border=BOX,
             fmt=col.fmt if col.fmt and col.fmt != "General" else None)
    ws.row_dimensions[total].height = 20
    row = total + 1
    if spec.amount:
        label = spec.amount_label[0 if lang == "zh" else 1]
        _put(ws, row, 1, n - 3, f"{label}{{{{ {spec.amount} | cn_amount }}}}",
             _font(lang, bold=True), border=BOX)
        _put(ws, row, n - 2, n, f"{'￥' if lang == 'zh' else 'RMB '}"
             f"{{{{ {spec.amount} | money }}}}", _font(lang, bold=True), h="right", border=BOX)
        ws.row_dimensions[row].height = 20
        row += 1
    return head, row


def _groups(widths: list[float], parts: int) -> list[tuple[int, int]]:
    """Split the columns into ``parts`` runs of about equal printed width."""
    total = sum(widths)
    ends, acc = [], [sum(widths[:c]) for c in range(1, len(widths) + 1)]
    for i in range(1, parts):
        target = total * i / parts
        lo = (ends[-1] + 1) if ends else 1
        c = min(range(lo, len(widths)), key=lambda c: abs(acc[c - 1] - target))
        ends.append(c)
    starts = [1] + [e + 1 for e in ends]
    return list(zip(starts, ends + [len(widths)]))


def _tail(ws, spec: Spec, lang: str, row: int, n: int) -> int:
    k = 0 if lang == "zh" else 1
    if spec.remark:
        ws.cell(row, 1).value = "{% if document.remark %}"
        _put(ws, row + 1, 1, n, ("备注：" if lang == "zh" else "Remark: ") +
             "{{ document.remark }}", _font(lang), wrap=True, border=BOX, v="top")
        ws.row_dimensions[row + 1].height = 30
        ws.cell(row + 2, 1).value = "{% endif %}"
        row += 3
    for term in spec.terms:
        _put(ws, row, 1, n, term[k], _font(lang, size=9), wrap=True, v="top")
        ws.row_dimensions[row].height = 15
        row += 1
    ws.row_dimensions[row].height = 8
    row += 1
    widths = [c.width for c in spec.cols]
    for line in spec.signatures:
        for c1, c2 in _groups(widths, len(line)):
            sig = line[_groups(widths, len(line)).index((c1, c2))]
            if c2 < n and c2 - c1 >= 2:
                c2 -= 1  # an empty column between two signature lines
            _put(ws, row, c1, c2, sig[k], _font(lang), v="bottom", border=UNDER)
        ws.row_dimensions[row].height = 28
        row += 1
    if spec.footnote:
        _put(ws, row, 1, n, spec.footnote[k], _font(lang, size=8, color="606060"))
        row += 1
    return row - 1


def build(spec: Spec, lang: str) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = spec.sheet[lang]
    n = len(spec.cols)
    for c, col in enumerate(spec.cols, start=1):
        ws.column_dimensions[get_column_letter(c)].width = col.width
    row = _header(ws, lang, n, spec.title[lang], spec.code)
    if spec.copy_name:
        _put(ws, 4, n - 2, n, "{{ document.copy_name }}", _font(lang, size=9, bold=True,
                                                              color="C00000"), h="right")
        ws.row_dimensions[4].height = 14
    if spec.draft_warning:
        ws.cell(row, 1).value = "{% if document.is_draft %}"
        _put(ws, row + 1, 1, n, "草稿 — 尚未过账，不作为收发货凭证" if lang == "zh" else
             "DRAFT — not posted, not valid as a delivery record",
             _font(lang, bold=True, color="C00000"), h="center")
        ws.cell(row + 2, 1).value = "{% endif %}"
        row += 3
    row = _info(ws, spec, lang, row, n)
    ws.row_dimensions[row].height = 5
    head, row = _table(ws, spec, lang, row + 1)
    last = _tail(ws, spec, lang, row, n)
    _page(ws, n, last, head, lang=lang)
    return wb


def build_receipt(lang: str) -> Workbook:
    """收据: a half-page (A5 landscape) form without lines."""
    wb = Workbook()
    ws = wb.active
    ws.title = "收据" if lang == "zh" else "Receipt"
    widths = (14 if lang == "zh" else 19, 16, 16, 14, 16, 18)
    n = len(widths)
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    _header(ws, lang, n, "收    据" if lang == "zh" else "RECEIPT", "qrcode", first=1)
    zh = lang == "zh"
    _put(ws, 5, 1, 3, ("日期：" if zh else "Date: ") + "{{ document.date | date('%Y-%m-%d') }}",
         _font(lang), h="left")
    _put(ws, 5, 4, n, ("No. ") + "{{ document.number }}", _font(lang, bold=True,
                                                                color="C00000"), h="right")
    rows = [("交款单位（人）", "Received from", "{{ document.payer }}"),
            ("事    由", "For", "{{ document.purpose }}"),
            ("金额（大写）", "Amount in words", "人民币 {{ document.amount | cn_amount }}"
             if zh else "RMB {{ document.amount | cn_amount }}"),
            ("金额（小写）", "Amount", "￥{{ document.amount | money }}" if zh else
             "RMB {{ document.amount | money }}"),
            ("收款方式", "Paid by", "{{ document.method }}"),
            ("备    注", "Remark", "{{ document.remark }}")]
    r = 6
    for label_zh, label_en, value in rows:
        _put(ws, r, 1, 1, label_zh if zh else label_en, _font(lang, bold=True), h="center",
             border=BOX, fill=HEADER_FILL)
        _put(ws, r, 2, n, value, _font(lang, bold="金额" in label_zh), border=BOX, wrap=True)
        ws.row_dimensions[r].height = 24
        r += 1
    ws.row_dimensions[r].height = 8
    r += 1
    sigs = [("收款单位（盖章）：", "Received by (stamp):"), ("收款人：{{ user.name }}",
                                                       "Cashier: {{ user.name }}"),
            ("交款人：", "Paid by:")]
    for i, sig in enumerate(sigs):
        _put(ws, r, i * 2 + 1, i * 2 + 2, sig[0 if zh else 1], _font(lang), v="bottom",
             border=UNDER)
    ws.row_dimensions[r].height = 30
    r += 1
    _put(ws, r, 1, n, "本收据仅证明收到款项，不作为发票使用。" if zh else
         "This receipt acknowledges the payment; it is not a VAT invoice.",
         _font(lang, size=8, color="606060"))
    _page(ws, n, r, None, paper=11, landscape=True, lang=lang)
    ws.oddFooter.center.text = ""
    return wb


def workbooks() -> dict[str, Workbook]:
    """{file name: workbook} of every default template."""
    out = {}
    for lang in ("zh", "en"):
        for spec in SPECS:
            out[f"{spec.key}.{lang}.xlsx"] = build(spec, lang)
        out[f"payment_receipt.{lang}.xlsx"] = build_receipt(lang)
    return out


def main(directory: str = HERE) -> list[str]:
    sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))
    from printing import load_template
    from services.print_fields import field_paths
    written = []
    for name, wb in workbooks().items():
        buf = io.BytesIO()
        wb.save(buf)
        load_template(buf.getvalue(), field_paths(name.split(".")[0]))  # fails loudly
        path = os.path.join(directory, name)
        with open(path, "wb") as fh:
            fh.write(buf.getvalue())
        written.append(path)
    return written


if __name__ == "__main__":
    for p in main():
        print(p)
