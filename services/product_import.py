"""Import products from an .xlsx or .csv sheet (services.sheet_reader reads it).

Rules:
- Only warehouse staff and administrators import (they edit products).
- The header row is the first of the top ten rows that names a SKU and a name column
  (English or Chinese titles: SKU/商品编码/货号, Name/名称/品名, Spec/规格型号, Unit/单位,
  Category/分类, Barcode/条码, Sale price/售价, Cost/成本, Tax rate/税率, Min stock/最低库存,
  Quantity decimals/小数位, Active/启用); other columns are ignored and listed.
- Each row is checked with the product form's rules (services.catalog) and against the
  database: a SKU that exists updates that product (only the columns the file has change),
  a new SKU creates one. A SKU or barcode twice in the file, or a barcode another product
  has, is an error naming both rows / the product.
- Excel's numbers are taken exactly as shown (1.2 stays 1.2, not 1.19999…); a barcode or
  SKU Excel turned into a number comes back as its digits; a tax rate formatted as a
  percentage (0.13) means 13 %.
- All or nothing: ``run_product_import`` writes every row in the caller's one transaction
  or, when any row has an error, nothing (ValidationError naming how many rows are wrong).
  Every product written is audited like a form save.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from services import audit, catalog, catalog_values
from services.catalog import ProductInput
from services.errors import ValidationError
from services.org import Actor
from services.sheet_reader import FormulaWithoutValue, open_table

HEADER_SCAN_ROWS = 10
MAX_ROWS = 100_000
# Column titles (NFKC + casefold, spaces removed) → ProductInput field.
HEADERS = {
    "sku": "sku", "商品编码": "sku", "编码": "sku", "货号": "sku", "itemcode": "sku",
    "code": "sku", "物料编码": "sku",
    "name": "name", "名称": "name", "商品名称": "name", "品名": "name", "productname": "name",
    "spec": "spec", "specification": "spec", "规格": "spec", "规格型号": "spec", "型号": "spec",
    "unit": "unit", "单位": "unit",
    "category": "category", "分类": "category", "类别": "category", "商品分类": "category",
    "barcode": "barcode", "条码": "barcode", "条形码": "barcode",
    "saleprice": "sale_price", "price": "sale_price", "售价": "sale_price",
    "销售价": "sale_price", "单价": "sale_price",
    "cost": "cost", "成本": "cost", "成本价": "cost", "进价": "cost",
    "taxrate": "tax_rate", "税率": "tax_rate",
    "minstock": "min_stock", "minimumstock": "min_stock", "最低库存": "min_stock",
    "安全库存": "min_stock",
    "quantitydecimals": "qty_decimals", "qtydecimals": "qty_decimals",
    "数量小数位": "qty_decimals", "小数位": "qty_decimals",
    "active": "active", "启用": "active",
}
_TRUE = {"1", "yes", "y", "true", "是", "启用", "有效"}
_FALSE = {"0", "no", "n", "false", "否", "停用", "无效"}


@dataclass(frozen=True)
class ImportRow:
    row: int                      # as Excel shows it
    sku: str | None
    action: str                   # 'create' | 'update' | 'error'
    errors: tuple[str, ...] = ()  # "Column C (售价): Sale price cannot be negative."


@dataclass(frozen=True)
class ProductImportPreview:
    file_name: str
    header_row: int
    columns: dict[str, str]       # field → column letter
    ignored: tuple[str, ...]      # titles of the columns not imported
    rows: tuple[ImportRow, ...]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


@dataclass(frozen=True)
class ProductImportResult:
    created: int
    updated: int


def _key(title) -> str:
    text = unicodedata.normalize("NFKC", str(title)).casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch not in "*:：._-()（）%")


def _cell_text(value) -> str | None:
    """A cell as the text a clerk sees: numbers without a spurious .0 or float noise."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _tax_text(value) -> str | None:
    if isinstance(value, float) and 0 < value < 1:     # a cell formatted as 13 %
        return str((Decimal(repr(value)) * 100).normalize())
    return _cell_text(value)


def _active(value, errors: list[str], where: str) -> bool | None:
    text = (_cell_text(value) or "").strip().casefold()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    errors.append(f"{where}: {value!r} is not yes/no (是/否).")
    return None


def _find_header(table) -> tuple[int, dict[str, int], tuple[str, ...]]:
    for n, values in table.rows():
        if n > HEADER_SCAN_ROWS:
            break
        fields: dict[str, int] = {}
        ignored = []
        for i, title in enumerate(values):
            if title is None or isinstance(title, FormulaWithoutValue):
                continue
            field = HEADERS.get(_key(title))
            if field and field not in fields:
                fields[field] = i
            else:
                ignored.append(str(title))
        if "sku" in fields and "name" in fields:
            return n, fields, tuple(ignored)
    raise ValidationError("file", f"{table.path.name}: no header row with a SKU and a name "
                                  f"column in the first {HEADER_SCAN_ROWS} rows; title them "
                                  "SKU / 商品编码 and Name / 名称.")


def _read(session: Session, path: str | Path):
    """(preview, {row: ProductInput or None}, {sku: existing ProductInfo})."""
    with open_table(path) as table:
        header_row, fields, ignored = _find_header(table)
        letters = {f: get_column_letter(i + 1) for f, i in fields.items()}
        parsed: list[tuple[int, dict, list[str]]] = []
        for n, values in table.rows():
            if n <= header_row:
                continue
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if len(parsed) >= MAX_ROWS:
                raise ValidationError("file", f"{table.path.name}: more than {MAX_ROWS} rows; "
                                              "split the file.")
            cells, errors = {}, []
            for f, i in fields.items():
                v = values[i] if i < len(values) else None
                if isinstance(v, FormulaWithoutValue):
                    errors.append(f"Column {letters[f]}: the formula {v.formula} has no saved "
                                  "result; open the file in Excel and save it.")
                    v = None
                if f == "active":
                    cells[f] = _active(v, errors, f"Column {letters[f]}")
                elif f == "tax_rate":
                    cells[f] = _tax_text(v)
                else:
                    cells[f] = _cell_text(v)
            parsed.append((n, cells, errors))
        file_name = table.path.name
    skus = {_sku(c.get("sku")) for _, c, _ in parsed} - {None}
    existing = catalog.products_by_skus(session, None, skus)
    return file_name, header_row, letters, ignored, parsed, existing


def _sku(value) -> str | None:
    return catalog_values.code(value, "sku", catalog.LIMITS["sku"], {})


def _input_for(cells: dict, current) -> ProductInput:
    """The row as a form save. New product: the file's cells over the form's defaults.
    Existing product: the file's columns replace its values — an empty cell empties spec,
    barcode or category and keeps any other field as it is."""
    if current is None:
        return ProductInput(**{"sku": "", "name": "",
                               **{f: v for f, v in cells.items() if v is not None}})
    base = ProductInput(sku=current.sku, name=current.name, spec=current.spec,
                        unit=current.unit, qty_decimals=current.qty_decimals,
                        category=current.category_name, barcode=current.barcode,
                        sale_price=current.sale_price, cost=current.cost,
                        tax_rate=current.tax_rate, min_stock=current.min_stock,
                        active=current.active)
    return replace(base, **{f: v for f, v in cells.items()
                            if v is not None or f in ("spec", "barcode", "category")})


def _check(session: Session, file_name, header_row, letters, ignored, parsed, existing):
    rows: list[ImportRow] = []
    inputs: dict[int, ProductInput] = {}
    seen_sku: dict[str, int] = {}
    seen_barcode: dict[str, int] = {}
    for n, cells, errors in parsed:
        errors = list(errors)
        sku = _sku(cells.get("sku"))
        current = existing.get(sku) if sku else None
        data = _input_for(cells, current)
        values, problems = catalog.product_values(data)
        catalog.check_unique_codes(session, values, current.id if current else None, problems)
        by_column = sorted(problems.items(),   # in the file's column order
                           key=lambda fm: (len(letters.get(fm[0], "ZZZ")),
                                           letters.get(fm[0], "ZZZ")))
        for field, message in by_column:
            letter = letters.get(field)
            errors.append(f"Column {letter}: {message}" if letter else message)
        if values["sku"] and "sku" not in problems:
            if values["sku"] in seen_sku:
                errors.append(f"SKU {values['sku']!r} is also on row {seen_sku[values['sku']]}.")
            seen_sku.setdefault(values["sku"], n)
        if values["barcode"] and "barcode" not in problems:
            if values["barcode"] in seen_barcode:
                errors.append(f"Barcode {values['barcode']!r} is also on row "
                              f"{seen_barcode[values['barcode']]}.")
            seen_barcode.setdefault(values["barcode"], n)
        action = "error" if errors else ("update" if current else "create")
        rows.append(ImportRow(n, sku, action, tuple(errors)))
        if not errors:
            inputs[n] = data
    preview = ProductImportPreview(file_name, header_row, letters, ignored, tuple(rows))
    return preview, inputs


def preview_product_import(session: Session, actor: Actor,
                           path: str | Path) -> ProductImportPreview:
    """What importing ``path`` would do, row by row, without writing anything (warehouse
    staff and administrators only; see the module rules)."""
    catalog.check_editor(actor, "products")
    preview, _ = _check(session, *_read(session, path))
    return preview


def run_product_import(session: Session, actor: Actor,
                       path: str | Path) -> ProductImportResult:
    """Import every row of ``path`` in this transaction, or nothing when any row has an
    error (see the module rules). Products are created and updated through the catalog
    service, so each is validated, locked and audited like a form save."""
    catalog.check_editor(actor, "products")
    read = _read(session, path)
    preview, inputs = _check(session, *read)
    bad = preview.count("error")
    if bad:
        raise ValidationError("file", f"{preview.file_name}: nothing imported because {bad} of "
                                      f"{len(preview.rows)} rows have errors.")
    existing = read[5]
    created = updated = 0
    for row in preview.rows:
        data = inputs[row.row]
        current = existing.get(row.sku)
        if current is None:
            catalog.create_product(session, actor, data)
            created += 1
        else:
            saved = catalog.update_product(session, actor, current.id, data,
                                           current.version_id)
            updated += saved.version_id != current.version_id     # unchanged rows: no write
    audit.record(session, actor.user_id, "product.import", "product", None,
                 file=preview.file_name, created=created, updated=updated)
    return ProductImportResult(created, updated)
