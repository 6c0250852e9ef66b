"""Sample templates and contexts: a delivery note (送货单) and a customer statement (对账单).

They show every feature of the engine and are what the tests, the benchmark and the
screenshots use. ``python -m printing.samples`` (re)writes
``resources/templates/sample_delivery_note.xlsx`` and ``sample_statement.xlsx``.
The document modules will ship their own default templates and context builders; these
samples only fix the engine's behaviour.
"""
from __future__ import annotations

import datetime as _dt
import io
import os
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.drawing.image import Image as XLImage
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.properties import PageSetupProperties

__all__ = ["DELIVERY_NOTE_FIELDS", "STATEMENT_FIELDS", "delivery_note_context",
           "statement_context", "delivery_note_workbook", "statement_workbook",
           "write_samples", "TEMPLATE_DIR"]

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                            "resources", "templates")

_COMPANY_FIELDS = ["company.name", "company.address", "company.phone", "company.tax_id",
                   "company.bank_account"]
_CUSTOMER_FIELDS = ["customer.name", "customer.code", "customer.address", "customer.contact",
                    "customer.phone"]

DELIVERY_NOTE_FIELDS = sorted(_COMPANY_FIELDS + _CUSTOMER_FIELDS + [
    "document.number", "document.date", "document.warehouse", "document.remark",
    "document.total", "document.total_qty", "document.copy_name", "user.name",
    "lines[]", "lines[].code", "lines[].name", "lines[].spec", "lines[].unit", "lines[].qty",
    "lines[].price", "lines[].amount", "lines[].note",
])

STATEMENT_FIELDS = sorted(_COMPANY_FIELDS + _CUSTOMER_FIELDS + [
    "document.number", "document.period_start", "document.period_end",
    "document.opening_balance", "document.closing_balance", "document.total_debit",
    "document.total_credit", "user.name",
    "lines[]", "lines[].date", "lines[].doc_type", "lines[].number", "lines[].memo",
    "lines[].debit", "lines[].credit", "lines[].balance",
])

_PRODUCTS = [
    ("A-1001", "不锈钢六角螺栓", "M8×30", "盒", Decimal("36.50")),
    ("A-1002", "镀锌平垫圈", "Φ8", "包", Decimal("4.20")),
    ("B-2040", "工业级电缆 RVV 3×2.5mm²", "100m/卷", "卷", Decimal("386.00")),
    ("C-3300", "LED 防爆工作灯（含支架和安装配件，户外防水等级 IP66）", "50W", "台",
     Decimal("1280.00")),
    ("D-0007", "Safety gloves, nitrile coated", "L", "双", Decimal("12.80")),
    ("E-5120", "液压油 46#", "18L/桶", "桶", Decimal("465.00")),
]


def _company() -> dict:
    return {"name": "千里贸易有限公司", "address": "上海市浦东新区张江路 88 号",
            "phone": "021-5080 1234", "tax_id": "91310115MA1K00000X",
            "bank_account": "工商银行张江支行 1001 2345 6789 0123"}


def _customer() -> dict:
    return {"name": "杭州明远机电设备有限公司", "code": "C0042",
            "address": "浙江省杭州市余杭区文一西路 1500 号 3 幢", "contact": "王磊",
            "phone": "0571-8888 6666"}


def delivery_note_context(lines: int = 6, remark: str | None = "请于收货后 3 日内核对数量，"
                          "逾期视为无误。", number: str = "DN-2026-000123") -> dict:
    items = []
    total = Decimal(0)
    total_qty = Decimal(0)
    for i in range(lines):
        code, name, spec, unit, price = _PRODUCTS[i % len(_PRODUCTS)]
        qty = Decimal(1 + (i * 7) % 23)
        amount = (qty * price).quantize(Decimal("0.01"))
        total += amount
        total_qty += qty
        items.append({"code": code, "name": name, "spec": spec, "unit": unit, "qty": qty,
                      "price": price, "amount": amount, "note": ""})
    return {
        "company": _company(), "customer": _customer(), "user": {"name": "李娜"},
        "document": {"number": number, "date": _dt.date(2026, 11, 23), "warehouse": "一号仓库",
                     "remark": remark, "total": total, "total_qty": total_qty,
                     "copy_name": "白联（存根）"},
        "lines": items,
    }


def statement_context(lines: int = 12) -> dict:
    opening = Decimal("15800.00")
    balance = opening
    items = []
    debit_total = credit_total = Decimal(0)
    day = _dt.date(2026, 10, 1)
    for i in range(lines):
        day = day + _dt.timedelta(days=2)
        if i % 3 == 2:
            debit, credit = Decimal(0), Decimal("8000.00") + i * 100
            doc_type, number, memo = "收款", f"RC-2026-{300 + i:04d}", "银行转账"
        else:
            debit, credit = Decimal("2350.40") * (1 + i % 4), Decimal(0)
            doc_type, number, memo = "送货", f"DN-2026-{100 + i:06d}", "货款"
        balance += debit - credit
        debit_total += debit
        credit_total += credit
        items.append({"date": day, "doc_type": doc_type, "number": number, "memo": memo,
                      "debit": debit or None, "credit": credit or None, "balance": balance})
    return {
        "company": _company(), "customer": _customer(), "user": {"name": "赵敏"},
        "document": {"number": "ST-2026-10-C0042", "period_start": _dt.date(2026, 10, 1),
                     "period_end": _dt.date(2026, 10, 31), "opening_balance": opening,
                     "closing_balance": balance, "total_debit": debit_total,
                     "total_credit": credit_total},
        "lines": items,
    }


_THIN = Side(style="thin", color="000000")
_MEDIUM = Side(style="medium", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SONG = "宋体"
_HEI = "黑体"


def _logo_png() -> bytes:
    from PIL import Image, ImageDraw
    img = Image.new("RGBA", (120, 120), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    d.ellipse([4, 4, 116, 116], fill=(192, 32, 38, 255))
    d.polygon([(60, 18), (96, 92), (24, 92)], fill=(255, 255, 255, 255))
    d.rectangle([50, 60, 70, 92], fill=(192, 32, 38, 255))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _seal_png() -> bytes:
    from PIL import Image, ImageDraw
    img = Image.new("RGBA", (160, 160), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    d.ellipse([6, 6, 154, 154], outline=(220, 30, 30, 200), width=7)
    cx, cy, r = 80, 80, 22
    import math
    pts = []
    for k in range(10):
        rad = r if k % 2 == 0 else r * 0.4
        ang = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    d.polygon(pts, fill=(220, 30, 30, 200))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _set(ws, coord: str, value=None, *, size: float = 10.5, bold: bool = False,
         name: str = _SONG, h: str | None = None, v: str = "center", wrap: bool = False,
         border: Border | None = None, fill: str | None = None, fmt: str | None = None,
         color: str = "000000"):
    cell = ws[coord]
    if value is not None:
        cell.value = value
    cell.font = Font(name=name, size=size, bold=bold, color=color)
    cell.alignment = Alignment(horizontal=h, vertical=v, wrap_text=wrap)
    if border is not None:
        cell.border = border
    if fill:
        cell.fill = PatternFill("solid", fgColor=fill)
    if fmt:
        cell.number_format = fmt
    return cell


def _merge(ws, rng: str, value=None, **style):
    first = rng.split(":")[0]
    _set(ws, first, value, **style)
    if style.get("border") is not None:
        from openpyxl.utils.cell import range_boundaries
        c1, r1, c2, r2 = range_boundaries(rng)
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                ws.cell(r, c).border = style["border"]
    ws.merge_cells(rng)


def _page(ws, *, paper: int, landscape: bool = False, titles: str | None = None,
          area: str | None = None) -> None:
    ws.page_setup.paperSize = paper
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.header = 0.25
    ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    if titles:
        ws.print_title_rows = titles
    if area:
        ws.print_area = area
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    ws.oddFooter.center.size = 9


def delivery_note_workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "送货单"
    for col, width in zip("ABCDEFGH", (5.5, 10, 30, 11, 6, 9, 11, 13)):
        ws.column_dimensions[col].width = width

    _merge(ws, "A1:H1", "{{ company.name }}", size=18, bold=True, name=_HEI, h="center")
    ws.row_dimensions[1].height = 30
    _merge(ws, "A2:H2", "送  货  单", size=15, bold=True, name=_HEI, h="center")
    ws.row_dimensions[2].height = 24
    _merge(ws, "A3:E3", "客户：{{ customer.name }}（{{ customer.code }}）", h="left")
    _set(ws, "F3", "单号：", h="right")
    _merge(ws, "G3:H3", "{{ document.number }}", h="left", bold=True)
    _merge(ws, "A4:E4", "地址：{{ customer.address }}", h="left")
    _set(ws, "F4", "日期：", h="right")
    _merge(ws, "G4:H4", "{{ document.date }}", h="left", fmt="yyyy\"年\"m\"月\"d\"日\"")
    _merge(ws, "A5:E5", "联系人：{{ customer.contact }}    电话：{{ customer.phone }}", h="left")
    _merge(ws, "F5:H6", "{{ document.number | barcode }}", h="center")
    _merge(ws, "A6:E6", "发货仓库：{{ document.warehouse }}    {{ document.copy_name }}",
           h="left")
    for r in (3, 4, 5, 6):
        ws.row_dimensions[r].height = 18

    heads = ["序号", "商品编码", "品名", "规格", "单位", "数量", "单价", "金额"]
    for col, text in zip("ABCDEFGH", heads):
        _set(ws, f"{col}7", text, bold=True, name=_HEI, h="center", border=_BOX, fill="D9E1F2")
    ws.row_dimensions[7].height = 20
    _set(ws, "A8", "{% for line in lines %}")
    row = 9
    body = [("A", "{{ loop.index }}", "center", None, False),
            ("B", "{{ line.code }}", "left", None, False),
            ("C", "{{ line.name }}", "left", None, True),
            ("D", "{{ line.spec }}", "center", None, False),
            ("E", "{{ line.unit }}", "center", None, False),
            ("F", "{{ line.qty }}", "right", "General", False),
            ("G", "{{ line.price }}", "right", "#,##0.00", False),
            ("H", f"=ROUND(F{row}*G{row},2)", "right", "#,##0.00", False)]
    for col, text, h, fmt, wrap in body:
        _set(ws, f"{col}{row}", text, h=h, border=_BOX, fmt=fmt, wrap=wrap)
    ws.row_dimensions[row].height = 18
    _set(ws, "A10", "{% endfor %}")
    _merge(ws, "A11:E11", "合    计", bold=True, name=_HEI, h="center", border=_BOX)
    _set(ws, "F11", "=SUM(F9:F9)", bold=True, h="right", border=_BOX)
    _set(ws, "G11", None, border=_BOX)
    _set(ws, "H11", "=SUM(H8:H10)", bold=True, h="right", border=_BOX, fmt="¥#,##0.00")
    ws.row_dimensions[11].height = 20
    _merge(ws, "A12:H12", "金额大写（人民币）：{{ document.total | cn_amount }}", h="left",
           border=_BOX, bold=True)
    ws.row_dimensions[12].height = 20
    _set(ws, "A13", "{% if document.remark %}")
    _merge(ws, "A14:H14", "备注：{{ document.remark }}", h="left", v="top", wrap=True,
           border=_BOX)
    ws.row_dimensions[14].height = 30
    _set(ws, "A15", "{% endif %}")
    ws.row_dimensions[16].height = 10
    _merge(ws, "A17:C17", "制单：{{ user.name }}", h="left")
    _merge(ws, "D17:E17", "送货人：", h="left")
    _merge(ws, "F17:H17", "收货人签字：", h="left")
    ws.row_dimensions[17].height = 22
    _merge(ws, "A18:C18", "{{ company.phone }}", h="left", size=9, color="595959")
    _merge(ws, "F18:H18", "收货单位（盖章）：", h="left")
    ws.row_dimensions[18].height = 40
    _merge(ws, "A19:H19", "白联：存根　　红联：客户　　黄联：财务", h="left", size=8,
           color="7F7F7F")

    logo = XLImage(io.BytesIO(_logo_png()))
    logo.width = logo.height = 36
    ws.add_image(logo, "A1")
    seal = XLImage(io.BytesIO(_seal_png()))
    seal.width = seal.height = 64
    ws.add_image(seal, "H17")

    _page(ws, paper=9, titles="7:7", area="A1:H19")
    return wb


def statement_workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "对账单"
    for col, width in zip("ABCDEFG", (11, 8, 16, 16, 13, 13, 14)):
        ws.column_dimensions[col].width = width
    _merge(ws, "A1:G1", "{{ company.name }}", size=16, bold=True, name=_HEI, h="center")
    ws.row_dimensions[1].height = 26
    _merge(ws, "A2:G2", "客 户 对 账 单", size=14, bold=True, name=_HEI, h="center")
    ws.row_dimensions[2].height = 22
    _merge(ws, "A3:E3", "客户：{{ customer.name }}", h="left")
    _merge(ws, "F3:G5", "{{ document.number | qrcode }}", h="right")
    _merge(ws, "A4:E4", "对账期间：{{ document.period_start | date('%Y年%m月%d日') }} 至 "
                        "{{ document.period_end | date('%Y年%m月%d日') }}", h="left")
    _merge(ws, "A5:E5", "期初余额：{{ document.opening_balance | money }} 元", h="left")
    for r in (3, 4, 5):
        ws.row_dimensions[r].height = 20
    heads = ["日期", "类型", "单号", "摘要", "应收金额", "已收金额", "余额"]
    for col, text in zip("ABCDEFG", heads):
        _set(ws, f"{col}6", text, bold=True, name=_HEI, h="center", border=_BOX, fill="E2EFDA")
    ws.row_dimensions[6].height = 20
    _set(ws, "A7", "{% for line in lines %}")
    body = [("A", "{{ line.date }}", "center", "yyyy-mm-dd"),
            ("B", "{{ line.doc_type }}", "center", None),
            ("C", "{{ line.number }}", "left", None),
            ("D", "{{ line.memo }}", "left", None),
            ("E", "{{ line.debit }}", "right", "#,##0.00;-#,##0.00;"),
            ("F", "{{ line.credit }}", "right", "#,##0.00;-#,##0.00;"),
            ("G", "{{ line.balance }}", "right", "#,##0.00")]
    for col, text, h, fmt in body:
        _set(ws, f"{col}8", text, h=h, border=_BOX, fmt=fmt)
    ws.row_dimensions[8].height = 17
    _set(ws, "A9", "{% endfor %}")
    _merge(ws, "A10:D10", "本期合计", bold=True, name=_HEI, h="center", border=_BOX)
    _set(ws, "E10", "=SUM(E8:E8)", bold=True, h="right", border=_BOX, fmt="#,##0.00")
    _set(ws, "F10", "=SUM(F8:F8)", bold=True, h="right", border=_BOX, fmt="#,##0.00")
    _set(ws, "G10", "{{ document.closing_balance }}", bold=True, h="right", border=_BOX,
         fmt="#,##0.00")
    ws.row_dimensions[10].height = 20
    _merge(ws, "A11:G11", "期末余额（大写）：{{ document.closing_balance | cn_amount }}",
           h="left", border=_BOX, bold=True)
    ws.row_dimensions[11].height = 20
    _merge(ws, "A13:G13", "请核对以上账目。如有不符，请于收到本对账单后 7 日内与我司财务部联系"
                          "（电话 {{ company.phone }}），逾期视为确认无误。", h="left", v="top",
           wrap=True)
    ws.row_dimensions[13].height = 30
    _merge(ws, "A15:C15", "{{ company.name }}（盖章）", h="left")
    _merge(ws, "E15:G15", "客户确认（签章）：", h="left")
    ws.row_dimensions[15].height = 24
    _merge(ws, "A16:C16", "经办：{{ user.name }}　日期：{{ today | date('%Y-%m-%d') }}", h="left")
    _merge(ws, "E16:G16", "日期：", h="left")
    _page(ws, paper=9, titles="6:6", area="A1:G16")
    return wb


def write_samples(directory: str = TEMPLATE_DIR) -> list[str]:
    os.makedirs(directory, exist_ok=True)
    paths = []
    for name, build in (("sample_delivery_note.xlsx", delivery_note_workbook),
                        ("sample_statement.xlsx", statement_workbook)):
        path = os.path.join(directory, name)
        build().save(path)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in write_samples():
        print(p)
