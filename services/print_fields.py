"""The printable document types and the fields each one offers to its templates.

Every document type has one field list. The template validator checks a template against it
("B7: unknown field 'custmer.name' — did you mean 'customer.name'?"), the template manager
shows it, and docs/print-templates.md prints it (``python -m services.print_fields``).
The context builders in services/print_context.py fill exactly these fields; a test checks
that each builder's real and sample contexts have every documented field and nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Field", "DocType", "DOC_TYPES", "DOC_TYPE_ALIASES", "doc_type", "field_paths",
           "fields_markdown"]


@dataclass(frozen=True)
class Field:
    path: str      # dotted; list items as lines[].qty
    zh: str
    en: str


@dataclass(frozen=True)
class DocType:
    key: str
    zh: str
    en: str
    fields: tuple[Field, ...]
    has_number: bool = True  # printed by number from the CLI / the lists


def _f(*rows: tuple[str, str, str]) -> tuple[Field, ...]:
    return tuple(Field(*r) for r in rows)


COMPANY = _f(
    ("company.name", "本公司名称", "our company name"),
    ("company.address", "本公司地址", "our address"),
    ("company.phone", "本公司电话", "our phone"),
    ("company.fax", "传真", "fax"),
    ("company.email", "电子邮箱", "e-mail"),
    ("company.website", "网址", "website"),
    ("company.tax_id", "统一社会信用代码（税号）", "tax id (unified social credit code)"),
    ("company.bank_name", "开户银行", "bank"),
    ("company.bank_account", "银行账号", "bank account"),
)
USER = _f(("user.name", "制单人（当前用户）", "prepared by (the user printing)"),
          ("user.login", "制单人登录名", "the user's login"))
CUSTOMER = _f(
    ("customer.code", "客户编号", "customer code"),
    ("customer.name", "客户名称", "customer name"),
    ("customer.address", "客户地址", "customer address"),
    ("customer.phone", "客户电话", "customer phone"),
    ("customer.email", "客户邮箱", "customer e-mail"),
    ("customer.tax_id", "客户税号", "customer tax id"),
    ("customer.contact", "客户联系人（主联系人）", "customer contact (primary)"),
    ("customer.contact_phone", "联系人电话", "contact's phone"),
)
SUPPLIER = _f(
    ("supplier.code", "供应商编号", "supplier code"),
    ("supplier.name", "供应商名称", "supplier name"),
    ("supplier.address", "供应商地址", "supplier address"),
    ("supplier.phone", "供应商电话", "supplier phone"),
    ("supplier.email", "供应商邮箱", "supplier e-mail"),
    ("supplier.tax_id", "供应商税号", "supplier tax id"),
    ("supplier.bank_account", "供应商银行账号", "supplier bank account"),
    ("supplier.payment_terms", "付款条件", "payment terms"),
    ("supplier.contact", "供应商联系人（主联系人）", "supplier contact (primary)"),
    ("supplier.contact_phone", "联系人电话", "contact's phone"),
)
PRODUCT_LINE = _f(
    ("lines[]", "明细行（用于 {% for line in lines %}）",
     "line items (for {% for line in lines %})"),
    ("lines[].line_no", "行号", "line number"),
    ("lines[].code", "商品编码", "product code (SKU)"),
    ("lines[].name", "品名", "product name"),
    ("lines[].spec", "规格型号", "specification"),
    ("lines[].unit", "单位", "unit"),
    ("lines[].barcode", "商品条码", "product barcode"),
    ("lines[].qty", "数量（按单位的小数位）", "quantity (to the unit's decimals)"),
    ("lines[].price", "单价（含税）", "unit price (tax included)"),
    ("lines[].amount", "金额（含税）", "amount (tax included)"),
    ("lines[].tax_rate", "税率 %", "tax rate %"),
    ("lines[].tax_amount", "税额", "tax amount"),
    ("lines[].amount_ex_tax", "不含税金额", "amount without tax"),
    ("lines[].note", "备注", "note"),
)
_DOC_COMMON = _f(
    ("document.number", "单号", "document number"),
    ("document.date", "单据日期", "document date"),
    ("document.state", "状态（英文代码）", "state code"),
    ("document.state_name", "状态", "state (words)"),
    ("document.remark", "备注", "remark"),
    ("document.total", "合计金额（含税）", "total (tax included)"),
    ("document.tax_total", "税额合计", "total tax"),
    ("document.total_ex_tax", "不含税合计", "total without tax"),
    ("document.total_qty", "数量合计", "total quantity"),
    ("document.line_count", "明细行数", "number of lines"),
)
_ORDER = _f(
    ("document.order_number", "销售订单号", "sales order number"),
    ("document.order_date", "订单日期", "order date"),
    ("document.salesperson", "业务员", "salesperson"),
    ("document.delivery_address", "送货地址", "delivery address"),
    ("document.delivery_terms", "交货条款", "delivery terms"),
    ("document.payment_terms", "付款条件", "payment terms"),
    ("document.contact_name", "收货联系人", "delivery contact"),
    ("document.contact_phone", "收货联系电话", "delivery contact phone"),
    ("document.warehouse", "发货仓库", "warehouse"),
    ("document.warehouse_address", "仓库地址", "warehouse address"),
)
_SALES_LINE = _f(
    ("lines[].list_price", "原价（折前单价）", "list price (before discount)"),
    ("lines[].discount_pct", "折扣 %", "discount %"),
)

DELIVERY_NOTE = DocType("delivery_note", "送货单", "Delivery note", COMPANY + USER + CUSTOMER
                        + _DOC_COMMON + _ORDER + _f(
    ("document.copy_name", "联次名称（白联/红联/黄联，打印设置）",
     "copy name (white/red/yellow copy, a print setting)"),
    ("document.is_draft", "是否草稿（未过账）", "true while the note is a draft (not posted)"),
) + PRODUCT_LINE)

_SO_DOC = _f(
    ("document.delivery_date", "交货日期", "delivery date"),
    ("document.subtotal", "折前金额", "amount before discounts"),
    ("document.discount_total", "折扣金额", "discounts"),
)
QUOTATION = DocType("quotation", "报价单", "Quotation", COMPANY + USER + CUSTOMER + _DOC_COMMON
                    + _ORDER + _SO_DOC + _f(
    ("document.valid_until", "报价有效期至", "valid until"),
) + PRODUCT_LINE + _SALES_LINE)
SALES_ORDER = DocType("sales_order", "销售订单（合同）", "Sales order / contract",
                      COMPANY + USER + CUSTOMER + _DOC_COMMON + _ORDER + _SO_DOC + _f(
    ("document.approved_by", "审批人", "approved by"),
) + PRODUCT_LINE + _SALES_LINE)

_PO_DOC = _f(
    ("document.order_number", "采购订单号", "purchase order number"),
    ("document.expected_date", "预计到货日期", "expected delivery date"),
    ("document.payment_terms", "付款条件", "payment terms"),
    ("document.warehouse", "收货仓库", "receiving warehouse"),
    ("document.warehouse_address", "收货地址（仓库地址）", "delivery address (the warehouse)"),
    ("document.buyer", "采购员", "buyer"),
    ("document.approved_by", "审批人", "approved by"),
)
PURCHASE_ORDER = DocType("purchase_order", "采购订单", "Purchase order",
                         COMPANY + USER + SUPPLIER + _DOC_COMMON + _PO_DOC + PRODUCT_LINE)
GOODS_RECEIPT = DocType("goods_receipt", "入库单", "Goods receipt",
                        COMPANY + USER + SUPPLIER + _DOC_COMMON + _f(
    ("document.order_number", "采购订单号", "purchase order number"),
    ("document.warehouse", "收货仓库", "receiving warehouse"),
    ("document.reason", "入库原因（无采购单时）", "reason (receipt without an order)"),
    ("document.is_draft", "是否草稿（未过账）", "true while the receipt is a draft"),
    ("lines[].ordered_qty", "订购数量", "quantity ordered"),
) + PRODUCT_LINE)

STATEMENT = DocType("statement", "对账单", "Customer statement", COMPANY + USER + CUSTOMER + _f(
    ("document.number", "对账单号", "statement number"),
    ("document.date", "对账日期", "statement date"),
    ("document.period_start", "对账期间起", "period from"),
    ("document.period_end", "对账期间止", "period to"),
    ("document.opening_balance", "期初余额", "opening balance"),
    ("document.total_debit", "本期应收（送货）", "deliveries in the period"),
    ("document.total_credit", "本期减少（退货）", "returns in the period"),
    ("document.closing_balance", "期末余额", "closing balance"),
    ("document.note", "说明（尚未包含收款）", "note (payments are not included yet)"),
    ("lines[]", "明细（按日期）", "entries (by date)"),
    ("lines[].date", "日期", "date"),
    ("lines[].doc_type", "类型（送货/退货）", "type (delivery/return)"),
    ("lines[].number", "单号", "document number"),
    ("lines[].memo", "摘要", "memo"),
    ("lines[].debit", "应收金额", "debit (delivery)"),
    ("lines[].credit", "减少金额", "credit (return)"),
    ("lines[].balance", "余额", "running balance"),
))

PAYMENT_RECEIPT = DocType("payment_receipt", "收据", "Payment receipt", COMPANY + USER + _f(
    ("document.number", "收据号", "receipt number"),
    ("document.date", "日期", "date"),
    ("document.payer", "交款单位/人", "received from"),
    ("document.amount", "金额", "amount"),
    ("document.purpose", "事由", "for"),
    ("document.method", "收款方式", "payment method"),
    ("document.remark", "备注", "remark"),
), has_number=False)

DOC_TYPES: dict[str, DocType] = {d.key: d for d in (
    DELIVERY_NOTE, QUOTATION, SALES_ORDER, PURCHASE_ORDER, GOODS_RECEIPT, STATEMENT,
    PAYMENT_RECEIPT)}

# What the CLI accepts besides the keys.
DOC_TYPE_ALIASES = {"dn": "delivery_note", "delivery": "delivery_note", "送货单": "delivery_note",
                    "quote": "quotation", "报价单": "quotation",
                    "so": "sales_order", "order": "sales_order", "contract": "sales_order",
                    "销售订单": "sales_order", "po": "purchase_order", "采购订单": "purchase_order",
                    "gr": "goods_receipt", "receipt": "goods_receipt", "入库单": "goods_receipt",
                    "对账单": "statement", "payment": "payment_receipt",
                    "收据": "payment_receipt"}


def doc_type(key: str) -> DocType:
    """The document type for a key or alias; ValueError naming the known ones."""
    k = (key or "").strip()
    k = DOC_TYPE_ALIASES.get(k.lower(), DOC_TYPE_ALIASES.get(k, k.lower()))
    if k not in DOC_TYPES:
        raise ValueError(f"unknown document type {key!r}; use one of: "
                         + ", ".join(DOC_TYPES))
    return DOC_TYPES[k]


def field_paths(key: str) -> list[str]:
    """The documented fields as the template validator takes them (dotted, lines[].x)."""
    return [f.path for f in doc_type(key).fields]


def fields_markdown(key: str, language: str = "zh") -> str:
    d = doc_type(key)
    head = "| 字段 | 含义 |\n|---|---|" if language == "zh" else "| field | meaning |\n|---|---|"
    rows = [f"| `{f.path}` | {f.zh if language == 'zh' else f.en} |" for f in d.fields]
    return head + "\n" + "\n".join(rows)


BLOCKS = {"company": COMPANY, "user": USER, "customer": CUSTOMER, "supplier": SUPPLIER}


def docs_markdown(language: str = "zh") -> str:
    """The field tables of docs/print-templates.md: the shared blocks once, then each
    document type's own fields."""
    zh = language == "zh"
    head = "| 字段 | 含义 |\n|---|---|" if zh else "| field | meaning |\n|---|---|"

    def table(fields) -> str:
        return head + "\n" + "\n".join(f"| `{f.path}` | {f.zh if zh else f.en} |"
                                         for f in fields)
    out = []
    for name, fields in BLOCKS.items():
        out.append(f"#### `{name}.*`\n\n{table(fields)}\n")
    for d in DOC_TYPES.values():
        shared = {f.path for block in BLOCKS.values() for f in block}
        own = [f for f in d.fields if f.path not in shared]
        blocks = [n for n, fs in BLOCKS.items() if fs[0] in d.fields]
        uses = ("另有 " if zh else "Also ") + ", ".join(f"`{b}.*`" for b in blocks)
        out.append(f"#### {d.zh if zh else d.en} (`{d.key}`)\n\n{uses}\n\n{table(own)}\n")
    return "\n".join(out)


if __name__ == "__main__":  # python -m services.print_fields zh|en → the docs' tables
    import sys
    print(docs_markdown(sys.argv[1] if len(sys.argv) > 1 else "zh"))
