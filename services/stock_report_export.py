"""The stock reports (services/stock_reports.py) as .xlsx files: one sheet, bold frozen
header, the report's rows and a last 合计 / Total row, written through
``services.export.export_rows`` (streamed, temporary file renamed at the end, so a failed
export never leaves a broken file). Column titles in Chinese or English."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from services import stock_reports as reports
from services.export import export_rows
from services.org import Actor
from services.stock_reports import Report, ReportPeriod

Columns = tuple[tuple[str, str, str], ...]      # (field, zh title, en title)

PRODUCT = (("sku", "编码", "SKU"), ("name", "品名", "Product"), ("unit", "单位", "Unit"))
ON_HAND: Columns = PRODUCT + (
    ("warehouse_name", "仓库", "Warehouse"), ("on_hand", "库存", "On hand"),
    ("reserved", "已预留", "Reserved"), ("available", "可用", "Available"))
MOVEMENTS: Columns = PRODUCT + (
    ("warehouse_name", "仓库", "Warehouse"), ("opening", "期初", "Opening"),
    ("qty_in", "入库", "In"), ("qty_out", "出库", "Out"), ("closing", "期末", "Closing"),
    ("value_in", "入库金额", "Value in"), ("value_out", "出库金额", "Value out"))
VALUATION: Columns = PRODUCT + (
    ("category_name", "类别", "Category"), ("qty", "数量", "Quantity"),
    ("avg_cost", "移动平均成本", "Average cost"), ("value", "金额", "Value"))
SALES: Columns = PRODUCT + (
    ("delivered_qty", "发货数量", "Delivered"), ("returned_qty", "退货数量", "Returned"),
    ("net_qty", "净销量", "Net quantity"), ("revenue", "不含税收入", "Revenue excl. VAT"),
    ("revenue_incl_tax", "含税收入", "Revenue incl. VAT"))
MARGIN_PRODUCT: Columns = (
    ("code", "编码", "SKU"), ("name", "品名", "Product"), ("net_qty", "净销量", "Net quantity"),
    ("revenue", "不含税收入", "Revenue excl. VAT"), ("cost", "销售成本", "Cost of sales"),
    ("margin", "毛利", "Gross margin"), ("margin_pct", "毛利率%", "Margin %"))
MARGIN_CUSTOMER: Columns = (("code", "客户编码", "Customer code"),
                            ("name", "客户名称", "Customer")) + MARGIN_PRODUCT[2:]
PURCHASES: Columns = (
    ("code", "供应商编码", "Supplier code"), ("name", "供应商", "Supplier"),
    ("receipts", "入库单数", "Receipts"), ("received_qty", "入库数量", "Received"),
    ("amount", "入库金额(不含税)", "Amount excl. VAT"),
    ("returned_qty", "退货数量", "Returned"), ("returned_amount", "退货金额", "Returns"),
    ("net_amount", "净采购额", "Net purchases"))


def export_report(path: str | Path, report: Report, columns: Columns, *,
                  sheet_title: str, language: str = "zh") -> int:
    """Write a report's rows and its totals row; returns the number of rows written."""
    zh = language.lower().startswith("zh")
    headers = [z if zh else e for _f, z, e in columns]
    fields = [f for f, _z, _e in columns]
    total_label = "合计" if zh else "Total"

    def rows():
        for r in report.rows:
            yield [getattr(r, f) for f in fields]
        yield [total_label] + [getattr(report.totals, f) for f in fields[1:]]
    return export_rows(path, headers, rows(), sheet_title=sheet_title)


def _exporter(build: Callable[..., Report], columns: Columns, zh_title: str, en_title: str):
    def export(session: Session, actor: Actor, path: str | Path, *args,
               language: str = "zh", **kwargs) -> int:
        report = build(session, actor, *args, **kwargs)
        return export_report(path, report, columns, language=language,
                             sheet_title=zh_title if language.startswith("zh") else en_title)
    export.__name__ = f"export_{build.__name__}"
    export.__doc__ = f"{en_title} ({zh_title}) to .xlsx; arguments as {build.__name__}."
    return export


export_stock_on_hand = _exporter(reports.stock_on_hand, ON_HAND, "库存", "Stock on hand")
export_movements = _exporter(reports.movements, MOVEMENTS, "收发存", "Movements")
export_inventory_valuation = _exporter(reports.inventory_valuation, VALUATION, "存货估值",
                                       "Inventory valuation")
export_product_sales = _exporter(reports.product_sales, SALES, "销售汇总", "Product sales")
export_purchase_summary = _exporter(reports.purchase_summary, PURCHASES, "采购汇总",
                                    "Purchase summary")


def export_gross_margin(session: Session, actor: Actor, path: str | Path,
                        period: ReportPeriod, *, by: str = "product",
                        language: str = "zh") -> int:
    """销售毛利 by product or by customer to .xlsx."""
    report = reports.gross_margin(session, actor, period, by=by)
    zh = language.startswith("zh")
    title = ("销售毛利" if zh else "Gross margin") + (
        ("-按产品" if zh else " by product") if by == "product" else
        ("-按客户" if zh else " by customer"))
    return export_report(path, report, MARGIN_PRODUCT if by == "product" else MARGIN_CUSTOMER,
                         language=language, sheet_title=title)
