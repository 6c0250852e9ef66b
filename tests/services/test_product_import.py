"""Product import from .xlsx: Chinese or English titles below a title row, Excel's numbers
taken as shown, creates and updates, every problem with its row and column, all or
nothing, permissions. Both databases."""
from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models.catalog import Product
from models.system import AuditLog
from services import catalog, product_import
from services.catalog import ProductInput
from services.errors import PermissionDenied, ValidationError
from tests.helpers.xlsx import write_xlsx

HEADER = ["商品编码", "名称", "规格型号", "单位", "分类", "条码", "售价", "成本", "税率",
          "最低库存", "备注"]


def sheet(tmp_path, *rows, name="products.xlsx"):
    return write_xlsx(tmp_path / name, [["商品资料 2026"], HEADER, *rows],
                      sheet_title="商品")


def preview(db, actor, path):
    return db.read(lambda s: product_import.preview_product_import(s, actor, path))


def run(db, actor, path):
    return db.write(lambda s: product_import.run_product_import(s, actor, path))


def products(db):
    return {p.sku: p for p in db.read(lambda s: catalog.search_products(
        s, None, "", active_only=False, limit=500))}


def test_creates_and_updates_with_excel_numbers_as_shown(db, staff, tmp_path):
    old = db.write(lambda s: catalog.create_product(s, staff.admin, ProductInput(
        "NUT-M6", "螺母", spec="M6", barcode="111", sale_price="0.10", cost="0.05",
        category="五金")))
    path = sheet(tmp_path,
                 ["BOLT-M6", "六角螺栓", "M6×20", "个", "紧固件", 6901234500011, 1.2, 0.6875,
                  0.13, 500, "x"],
                 [1001, "Cable", None, "米", None, None, "18.50", None, 9, None, None],
                 ["NUT-M6", "六角螺母", None, None, None, "6901234500035", 0.12, None, None,
                  None, None],
                 [None] * 11)
    p = preview(db, staff.warehouse, path)
    assert (p.header_row, p.ignored) == (2, ("备注",))
    assert p.columns["sale_price"] == "G"
    assert [(r.row, r.sku, r.action) for r in p.rows] == [
        (3, "BOLT-M6", "create"), (4, "1001", "create"), (5, "NUT-M6", "update")]
    assert run(db, staff.warehouse, path) == product_import.ProductImportResult(2, 1)
    got = products(db)
    bolt = got["BOLT-M6"]
    assert (bolt.barcode, bolt.sale_price, bolt.cost, bolt.tax_rate, bolt.min_stock,
            bolt.category_name) == ("6901234500011", Decimal("1.20"), Decimal("0.6875"),
                                    Decimal("13.00"), Decimal("500"), "紧固件")
    assert (got["1001"].unit, got["1001"].tax_rate) == ("米", Decimal("9.00"))
    nut = got["NUT-M6"]
    # Columns in the file replace; an empty spec cell empties it; empty numbers keep theirs.
    assert (nut.name, nut.spec, nut.barcode, nut.sale_price, nut.cost, nut.category_name) == \
        ("六角螺母", None, "6901234500035", Decimal("0.12"), Decimal("0.0500"), None)
    assert nut.version_id == old.version_id + 1
    actions = db.read(lambda s: [a.action for a in s.scalars(
        select(AuditLog).where(AuditLog.entity == "product").order_by(AuditLog.id))])
    assert actions == ["product.create", "product.create", "product.create",
                       "product.update", "product.import"]


def test_every_bad_row_is_named_and_nothing_is_imported(db, staff, tmp_path):
    db.write(lambda s: catalog.create_product(s, staff.admin, ProductInput(
        "OLD", "旧货", barcode="690")))
    path = sheet(tmp_path,
                 ["A-1", "好的", None, "个", None, None, 1, 1, None, None, None],
                 ["A 2", "", None, None, None, "690", -1, None, None, None, None],
                 ["A-1", "重复", None, None, None, None, None, None, None, 1.5, None])
    p = preview(db, staff.admin, path)
    assert [(r.row, r.action) for r in p.rows] == [(3, "create"), (4, "error"), (5, "error")]
    assert p.rows[1].errors == (
        "Column A: SKU 'A 2' contains spaces.",
        "Column B: Name is required.",
        "Column F: Barcode '690' is already used by product OLD 旧货.",
        "Column G: Sale price cannot be negative.")
    assert p.rows[2].errors == ("Column J: Minimum stock must be a whole number.",
                                "SKU 'A-1' is also on row 3.")
    with pytest.raises(ValidationError) as err:
        run(db, staff.admin, path)
    assert err.value.errors == {"file": "products.xlsx: nothing imported because 2 of 3 rows "
                                        "have errors."}
    assert db.read(lambda s: s.scalar(select(func.count(Product.id)))) == 1


def test_a_file_without_sku_and_name_columns_is_refused(db, staff, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", [["客户", "电话"], ["a", "b"]])
    with pytest.raises(ValidationError) as err:
        preview(db, staff.admin, path)
    assert "no header row with a SKU and a name column" in err.value.message


def test_only_warehouse_and_admin_import(db, staff, tmp_path):
    path = sheet(tmp_path, ["A", "a", None, None, None, None, None, None, None, None, None])
    for actor in (staff.rep1, staff.finance):
        with pytest.raises(PermissionDenied):
            preview(db, actor, path)
        with pytest.raises(PermissionDenied):
            run(db, actor, path)
