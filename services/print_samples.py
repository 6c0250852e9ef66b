"""Sample data for previewing a template without a real document (template manager,
screenshots, benchmark). Each sample has exactly the fields of its document type
(services/print_fields.py) and is built with the same line/total rules as the real
contexts, so a template that previews well prints well."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.print_context import (ENTRY_NAMES, STATE_NAMES, line_dict, money, totals)

__all__ = ["sample_context", "SAMPLE_DATE"]

SAMPLE_DATE = dt.date(2026, 11, 23)

_PRODUCTS = {
    "zh": [("A-1001", "不锈钢六角螺栓", "M8×30", "盒", "36.50", "6901234500011"),
           ("A-1002", "镀锌平垫圈", "Φ8", "包", "4.20", "6901234500028"),
           ("B-2040", "工业级电缆 RVV 3×2.5mm²", "100m/卷", "卷", "386.00", ""),
           ("C-3300", "LED 防爆工作灯（含支架和安装配件，户外防水等级 IP66）", "50W", "台",
            "1280.00", "6901234500035"),
           ("D-0007", "丁腈涂层防护手套", "L 码", "双", "12.80", ""),
           ("E-5120", "抗磨液压油 46#", "18L/桶", "桶", "465.00", "6901234500042")],
    "en": [("A-1001", "Stainless hex bolt", "M8×30", "box", "36.50", "6901234500011"),
           ("A-1002", "Galvanised flat washer", "Φ8", "bag", "4.20", "6901234500028"),
           ("B-2040", "Industrial cable RVV 3×2.5 mm²", "100 m/roll", "roll", "386.00", ""),
           ("C-3300", "LED explosion-proof work lamp with bracket and fittings, IP66", "50 W",
            "pc", "1280.00", "6901234500035"),
           ("D-0007", "Safety gloves, nitrile coated", "L", "pair", "12.80", ""),
           ("E-5120", "Anti-wear hydraulic oil 46#", "18 L/drum", "drum", "465.00",
            "6901234500042")],
}

_COMPANY = {
    "zh": {"name": "千里贸易有限公司", "address": "上海市浦东新区张江路 88 号",
           "phone": "021-5080 1234", "fax": "021-5080 1235", "email": "sales@qianli.example",
           "website": "www.qianli.example", "tax_id": "91310115MA1K00000X",
           "bank_name": "中国工商银行上海张江支行", "bank_account": "1001 2345 6789 0123 456"},
    "en": {"name": "Qianli Trading Co., Ltd.", "address": "88 Zhangjiang Road, Pudong, Shanghai",
           "phone": "+86 21 5080 1234", "fax": "+86 21 5080 1235",
           "email": "sales@qianli.example", "website": "www.qianli.example",
           "tax_id": "91310115MA1K00000X", "bank_name": "ICBC Shanghai Zhangjiang Branch",
           "bank_account": "1001 2345 6789 0123 456"},
}
_CUSTOMER = {
    "zh": {"code": "C-000042", "name": "杭州明远机电设备有限公司",
           "address": "浙江省杭州市余杭区文一西路 1500 号 3 幢", "phone": "0571-8888 6666",
           "email": "purchase@mingyuan.example", "tax_id": "91330110MA2H00000Y",
           "contact": "王磊", "contact_phone": "138 0571 0000"},
    "en": {"code": "C-000042", "name": "Hangzhou Mingyuan Electromechanical Co., Ltd.",
           "address": "Bldg 3, 1500 Wenyi West Road, Yuhang, Hangzhou",
           "phone": "+86 571 8888 6666",
           "email": "purchase@mingyuan.example", "tax_id": "91330110MA2H00000Y",
           "contact": "Wang Lei", "contact_phone": "+86 138 0571 0000"},
}
_SUPPLIER = {
    "zh": {"code": "S-0007", "name": "宁波恒固紧固件制造有限公司",
           "address": "浙江省宁波市北仑区大港工业城 12 号", "phone": "0574-8686 1234",
           "email": "sales@henggu.example", "tax_id": "91330206MA2A00000Z",
           "bank_account": "宁波银行北仑支行 5101 0000 1234", "payment_terms": "月结 30 天",
           "contact": "陈芳", "contact_phone": "139 5741 0000"},
    "en": {"code": "S-0007", "name": "Ningbo Henggu Fasteners Manufacturing Co., Ltd.",
           "address": "12 Dagang Industrial Park, Beilun, Ningbo", "phone": "+86 574 8686 1234",
           "email": "sales@henggu.example", "tax_id": "91330206MA2A00000Z",
           "bank_account": "Bank of Ningbo Beilun 5101 0000 1234",
           "payment_terms": "30 days end of month", "contact": "Chen Fang",
           "contact_phone": "+86 139 5741 0000"},
}
_USER = {"zh": {"name": "李娜", "login": "lina"}, "en": {"name": "Li Na", "login": "lina"}}
_WORDS = {
    "zh": {"warehouse": "一号仓库", "wh_address": "上海市浦东新区川沙路 1200 号",
           "remark": "请于收货后 3 日内核对数量，逾期视为无误。", "salesperson": "张伟",
           "terms": "送货上门，运费由我方承担", "payment": "货到 30 天内付款",
           "manager": "王经理", "purpose": "货款（DN-2026-000123）", "method": "银行转账",
           "payer": "杭州明远机电设备有限公司", "memo": "货款", "reason": ""},
    "en": {"warehouse": "Main warehouse", "wh_address": "1200 Chuansha Road, Pudong, Shanghai",
           "remark": "Please check the quantities within 3 days of receipt.",
           "salesperson": "Zhang Wei", "terms": "Delivered to your door, freight paid",
           "payment": "Net 30 days after delivery", "manager": "Manager Wang",
           "purpose": "Payment for DN-2026-000123", "method": "bank transfer",
           "payer": "Hangzhou Mingyuan Electromechanical Co., Ltd.", "memo": "goods",
           "reason": ""},
}


def _lines(language: str, n: int, *, sales: bool = False, receipt: bool = False) -> list[dict]:
    out = []
    products = _PRODUCTS[language]
    for i in range(n):
        code, name, spec, unit, price, barcode = products[i % len(products)]
        qty = Decimal(1 + (i * 7) % 23)
        price = Decimal(price)
        extra = {}
        if sales:
            discount = Decimal(5) if i % 3 == 1 else Decimal(0)
            extra = {"list_price": price, "discount_pct": discount}
            price = money(price * (1 - discount / 100))
        if receipt:
            extra = {"ordered_qty": qty + (i % 2)}
            price = (price / Decimal("1.13")).quantize(Decimal("0.0001"))
        out.append(line_dict(i + 1, code=code, name=name, spec=spec, unit=unit,
                             barcode=barcode, qty=qty, price=price,
                             tax_rate=Decimal(0) if receipt else Decimal(13),
                             note="", **extra))
    return out


def _order_block(w: dict, customer: dict) -> dict:
    return {"order_number": "SO-2026-000087", "order_date": SAMPLE_DATE - dt.timedelta(days=3),
            "salesperson": w["salesperson"], "delivery_address": customer["address"],
            "delivery_terms": w["terms"], "payment_terms": w["payment"],
            "contact_name": customer["contact"], "contact_phone": customer["contact_phone"],
            "warehouse": w["warehouse"], "warehouse_address": w["wh_address"]}


def sample_context(doc_type: str, language: str = "zh", lines: int = 6,
                   number: str | None = None) -> dict:
    """A filled-in example of ``doc_type`` (Chinese or English words), ``lines`` lines."""
    lang = "en" if language.startswith("en") else "zh"
    w = _WORDS[lang]
    base = {"company": dict(_COMPANY[lang]), "user": dict(_USER[lang])}
    customer = dict(_CUSTOMER[lang])
    states = STATE_NAMES[lang]
    common = {"date": SAMPLE_DATE, "remark": w["remark"]}
    if doc_type == "delivery_note":
        items = _lines(lang, lines)
        doc = {"number": number or "DN-2026-000123", "state": "posted",
               "state_name": states["posted"], **common, **_order_block(w, customer),
               **totals(items), "copy_name": "白联（存根）" if lang == "zh" else "white copy",
               "is_draft": False}
        return {**base, "customer": customer, "document": doc, "lines": items}
    if doc_type in ("quotation", "sales_order"):
        items = _lines(lang, lines, sales=True)
        t = totals(items)
        discount = sum((money(ln["list_price"] * ln["qty"]) - ln["amount"] for ln in items),
                       Decimal("0.00"))
        doc = {"number": number or ("QT-20261123-87" if doc_type == "quotation"
                                    else "SO-2026-000087"),
               "state": "approved", "state_name": states["approved"], **common,
               **_order_block(w, customer), **t,
               "delivery_date": SAMPLE_DATE + dt.timedelta(days=10),
               "discount_total": discount, "subtotal": t["total"] + discount}
        if doc_type == "quotation":
            doc["valid_until"] = SAMPLE_DATE + dt.timedelta(days=30)
        else:
            doc["approved_by"] = w["manager"]
        return {**base, "customer": customer, "document": doc, "lines": items}
    supplier = dict(_SUPPLIER[lang])
    if doc_type == "purchase_order":
        items = _lines(lang, lines)
        num = number or "PO-2026-000045"
        doc = {"number": num, "order_number": num, "state": "approved",
               "state_name": states["approved"], **common,
               "expected_date": SAMPLE_DATE + dt.timedelta(days=7),
               "payment_terms": supplier["payment_terms"], "warehouse": w["warehouse"],
               "warehouse_address": w["wh_address"], "buyer": base["user"]["name"],
               "approved_by": w["manager"], **totals(items)}
        return {**base, "supplier": supplier, "document": doc, "lines": items}
    if doc_type == "goods_receipt":
        items = _lines(lang, lines, receipt=True)
        doc = {"number": number or "GR-2026-000031", "state": "posted",
               "state_name": states["posted"], **common, "order_number": "PO-2026-000045",
               "warehouse": w["warehouse"], "reason": "", "is_draft": False, **totals(items)}
        return {**base, "supplier": supplier, "document": doc, "lines": items}
    if doc_type == "statement":
        opening = Decimal("15800.00")
        balance = opening
        items = []
        day = dt.date(2026, 10, 1)
        names = ENTRY_NAMES[lang]
        for i in range(lines):
            day += dt.timedelta(days=2)
            is_return = i % 4 == 3
            amount = money(Decimal("2350.40") * (1 + i % 3) / (3 if is_return else 1))
            balance += -amount if is_return else amount
            items.append({"date": day, "doc_type": names["CR" if is_return else "DN"],
                          "number": f"{'CR' if is_return else 'DN'}-2026-{100 + i:06d}",
                          "memo": w["memo"], "debit": None if is_return else amount,
                          "credit": amount if is_return else None, "balance": balance})
        doc = {"number": number or "ST-202610-C-000042", "date": SAMPLE_DATE,
               "period_start": dt.date(2026, 10, 1), "period_end": dt.date(2026, 10, 31),
               "opening_balance": opening,
               "total_debit": sum((x["debit"] or 0 for x in items), Decimal("0.00")),
               "total_credit": sum((x["credit"] or 0 for x in items), Decimal("0.00")),
               "closing_balance": balance,
               "note": "本对账单按送货单与退货单计算，未包含已收款项。" if lang == "zh" else
               "Deliveries and returns only; payments received are not included."}
        return {**base, "customer": customer, "document": doc, "lines": items}
    if doc_type == "payment_receipt":
        doc = {"number": number or "RC-20261123", "date": SAMPLE_DATE, "payer": w["payer"],
               "amount": Decimal("12680.50"), "purpose": w["purpose"], "method": w["method"],
               "remark": ""}
        return {**base, "document": doc}
    raise ValueError(f"no sample for document type {doc_type!r}")
