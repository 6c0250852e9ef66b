"""Products, categories and warehouses: validation, unique SKU/barcode, exact decimals,
optimistic locking, who edits, audit, search (CJK/Latin, width and case), the scanner's
exact lookup. Every test runs on SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import threading
from decimal import Decimal

import pytest
from sqlalchemy import select

from models.catalog import Product, ProductCategory
from models.stock import StockBalance
from models.system import AuditLog
from services import catalog
from services.catalog import ProductInfo, ProductInput
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError


def create(db, actor, sku="SKU-001", name="六角螺丝", **fields) -> ProductInfo:
    data = ProductInput(sku=sku, name=name, **fields)
    return db.write(lambda s: catalog.create_product(s, actor, data))


def form(p: ProductInfo, **changes) -> ProductInput:
    """What the product form sends back for ``p`` with ``changes`` typed in."""
    values = {f.name: getattr(p, f.name) for f in dataclasses.fields(ProductInput)
              if f.name != "category"}
    values["category"] = p.category_name
    values.update(changes)
    return ProductInput(**values)


def save(db, actor, p: ProductInfo, *, version=None, **changes) -> ProductInfo:
    data = form(p, **changes)
    return db.write(lambda s: catalog.update_product(s, actor, p.id, data,
                                                     version or p.version_id))


def search(db, actor, text="", **kw) -> list[str]:
    return [p.sku for p in db.read(lambda s: catalog.search_products(s, actor, text, **kw))]


def audit_rows(db, entity, entity_id):
    return db.read(lambda s: [(a.action, a.actor_id, a.details) for a in s.scalars(
        select(AuditLog).where(AuditLog.entity == entity, AuditLog.entity_id == entity_id)
        .order_by(AuditLog.id))])


# --------------------------------------------------------------------------- create

def test_create_stores_exact_values_category_search_text_and_audit(db, staff):
    p = create(db, staff.warehouse, sku="ＡＢ-０１", name="  不锈钢  六角螺丝 ", spec="M6×20",
               unit="盒", qty_decimals=0, category="紧固件", barcode="6901234567892",
               sale_price="1,234.50", cost=Decimal("12.3456"), tax_rate=9, min_stock="100")
    assert (p.sku, p.name, p.spec, p.unit) == ("AB-01", "不锈钢 六角螺丝", "M6×20", "盒")
    assert (p.sale_price, p.cost, p.tax_rate, p.min_stock) == \
        (Decimal("1234.50"), Decimal("12.3456"), Decimal("9.00"), Decimal("100"))
    assert p.category_name == "紧固件" and p.category_id is not None
    assert p.version_id == 1 and p.active
    text = db.read(lambda s: s.get(Product, p.id).search_text)
    assert text == "ab-01\n不锈钢 六角螺丝\nm6×20\n6901234567892"
    [(action, actor_id, details)] = audit_rows(db, "product", p.id)
    assert (action, actor_id) == ("product.create", staff.warehouse.user_id)
    assert details["after"]["sku"] == "AB-01" and details["after"]["sale_price"] == "1234.50"
    assert details["after"]["category"] == "紧固件"
    assert audit_rows(db, "product_category", p.category_id)[0][0] == "product_category.create"


def test_defaults_are_pieces_at_13_percent(db, staff):
    p = create(db, staff.admin)
    assert (p.unit, p.qty_decimals, p.tax_rate, p.sale_price, p.cost, p.min_stock) == \
        ("个", 0, Decimal("13.00"), Decimal("0.00"), Decimal("0.0000"), Decimal("0"))
    assert p.category_id is None and p.barcode is None


def test_every_invalid_field_is_reported_at_once(db, staff):
    with pytest.raises(ValidationError) as err:
        create(db, staff.admin, sku="A B", name=" ", unit="", qty_decimals=4,
               sale_price="-1", cost=1.5, tax_rate="abc", min_stock="1.5", barcode="x" * 65)
    e = err.value.errors
    assert set(e) == {"sku", "name", "unit", "qty_decimals", "sale_price", "cost", "tax_rate",
                      "barcode"}
    assert e["sku"] == "SKU 'A B' contains spaces."
    assert e["sale_price"] == "Sale price cannot be negative."
    assert e["cost"] == "Cost must be exact (a Decimal), not a floating-point number."
    assert e["tax_rate"] == "Tax rate 'abc' is not a number."
    assert e["qty_decimals"] == "Quantity decimals must be 0, 1, 2 or 3 (got 4)."
    assert e["barcode"] == "Barcode is too long: 65 characters, at most 64."
    assert db.read(lambda s: s.scalar(select(Product.id))) is None


def test_decimal_places_follow_the_column_and_the_unit(db, staff):
    with pytest.raises(ValidationError) as err:
        create(db, staff.admin, sale_price="1.005", cost="0.00001", tax_rate="101",
               min_stock="2.5")
    assert err.value.errors == {
        "sale_price": "Sale price has at most 2 decimals.",
        "cost": "Cost has at most 4 decimals.",
        "tax_rate": "Tax rate is too large (at most 100).",
        "min_stock": "Minimum stock must be a whole number."}
    kg = create(db, staff.admin, unit="kg", qty_decimals=3, min_stock="2.125")
    assert kg.min_stock == Decimal("2.125")


def test_sku_and_barcode_are_unique_and_the_error_names_them(db, staff):
    first = create(db, staff.admin, sku="A-1", barcode="690001")
    with pytest.raises(ValidationError) as err:
        create(db, staff.admin, sku="Ａ-1", name="别的", barcode="690001")
    assert err.value.errors == {
        "sku": "SKU 'A-1' is already used by product 六角螺丝.",
        "barcode": "Barcode '690001' is already used by product A-1 六角螺丝."}
    other = create(db, staff.admin, sku="A-2")
    with pytest.raises(ValidationError) as err:
        save(db, staff.admin, other, sku="A-1")
    assert err.value.errors == {"sku": "SKU 'A-1' is already used by product 六角螺丝."}
    assert save(db, staff.admin, first, barcode=None).barcode is None
    assert save(db, staff.admin, other, barcode="690001").barcode == "690001"


def test_concurrent_creates_of_one_sku_leave_one_product(db, staff):
    barrier = threading.Barrier(2)
    results = []

    def worker(name):
        try:
            def work(s):
                s.execute(select(ProductCategory.id)).all()
                barrier.wait(timeout=10)   # both pass the uniqueness check first
                return catalog.create_product(s, staff.admin, ProductInput("DUP-1", name))
            results.append(db.write(work))
        except (ValidationError, threading.BrokenBarrierError) as exc:
            results.append(exc)

    if db.engine.dialect.name == "sqlite":
        # One writer at a time: the second waits for the first and then sees the SKU.
        for n in ("a", "b"):
            try:
                results.append(db.write(lambda s, n=n: catalog.create_product(
                    s, staff.admin, ProductInput("DUP-1", n))))
            except ValidationError as exc:
                results.append(exc)
    else:
        threads = [threading.Thread(target=worker, args=(n,)) for n in ("a", "b")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    errors = [r for r in results if isinstance(r, ValidationError)]
    assert len(errors) == 1 and errors[0].field == "sku"
    assert "'DUP-1' is already used" in errors[0].message
    assert db.read(lambda s: len(s.scalars(select(Product.id)).all())) == 1


def test_categories_are_created_once_and_matched_case_insensitively(db, staff):
    a = create(db, staff.admin, sku="A", category="Tools")
    b = create(db, staff.admin, sku="B", category="tools")
    assert a.category_id == b.category_id and b.category_name == "Tools"
    create(db, staff.admin, sku="C", category="电工")
    names = [c.name for c in db.read(lambda s: catalog.list_categories(s, staff.rep1))]
    assert sorted(names) == sorted(["Tools", "电工"])


# --------------------------------------------------------------------------- update

def test_update_changes_fields_bumps_version_and_audits_the_difference(db, staff):
    p = create(db, staff.warehouse, sale_price="10")
    q = save(db, staff.warehouse, p, name="内六角螺丝", sale_price="12.5", category="五金")
    assert (q.name, q.sale_price, q.category_name) == ("内六角螺丝", Decimal("12.50"), "五金")
    assert q.version_id == p.version_id + 1
    assert search(db, staff.rep1, "内六角") == ["SKU-001"]
    action, _, details = audit_rows(db, "product", p.id)[-1]
    assert action == "product.update"
    assert details["before"] == {"name": "六角螺丝", "sale_price": "10.00", "category": None}
    assert details["after"] == {"name": "内六角螺丝", "sale_price": "12.50", "category": "五金"}
    assert details["version"] == q.version_id


def test_saving_an_unchanged_form_writes_nothing(db, staff):
    p = create(db, staff.admin, sale_price="10", category="工具")
    again = save(db, staff.admin, p, category="工具")
    assert again.version_id == p.version_id
    assert len(audit_rows(db, "product", p.id)) == 1


def test_stale_update_is_a_conflict_naming_what_changed(db, staff):
    loaded = create(db, staff.warehouse, sale_price="10")
    mine = save(db, staff.admin, loaded, sale_price="11", min_stock="5")
    with pytest.raises(Conflict) as err:
        save(db, staff.warehouse, loaded, name="late edit")
    assert err.value.current == mine
    assert set(err.value.changed) == {"sale_price", "min_stock"}
    assert str(err.value).startswith("Product SKU-001 was changed by someone else")
    assert db.read(lambda s: s.get(Product, loaded.id).name) == "六角螺丝"
    assert save(db, staff.warehouse, err.value.current, name="late edit").name == "late edit"


def test_only_warehouse_and_admin_edit_products_everyone_reads(db, staff):
    for actor in (staff.rep1, staff.manager, staff.finance):
        with pytest.raises(PermissionDenied) as err:
            create(db, actor)
        assert str(err.value) == "Only warehouse staff and administrators can change products."
    p = create(db, staff.warehouse)
    with pytest.raises(PermissionDenied):
        save(db, staff.manager, p, sale_price="99")
    for actor in (staff.rep1, staff.manager, staff.finance):
        assert db.read(lambda s: catalog.get_product(s, actor, p.id)) == p
    with pytest.raises(NotFound):
        db.read(lambda s: catalog.get_product(s, staff.rep1, p.id + 999))


# --------------------------------------------------------------------------- search

@pytest.fixture
def shelf(db, staff):
    rows = [("BOLT-M6", "六角螺栓", "M6×20", "6901000000011"),
            ("BOLT-M8", "六角螺栓", "M8×30", None),
            ("NUT-M6", "Hex Nut", "M6 stainless", "6901000000028"),
            ("WIRE-2.5", "电线 BV", "2.5mm²", None),
            ("PCT_50", "50% off tag", None, None)]
    for sku, name, spec, barcode in rows:
        create(db, staff.admin, sku=sku, name=name, spec=spec, barcode=barcode)
    old = create(db, staff.admin, sku="BOLT-OLD", name="旧螺栓")
    save(db, staff.admin, old, active=False)


@pytest.mark.parametrize("text, expected", [
    ("", ["BOLT-M6", "BOLT-M8", "NUT-M6", "PCT_50", "WIRE-2.5"]),
    ("螺栓", ["BOLT-M6", "BOLT-M8"]),
    ("m6", ["BOLT-M6", "NUT-M6"]),
    ("Ｍ６", ["BOLT-M6", "NUT-M6"]),             # full-width typed with a Chinese IME
    ("hex NUT", ["NUT-M6"]),
    ("螺栓 ×30", ["BOLT-M8"]),                    # every word, in any field
    ("000028", ["NUT-M6"]),                       # barcode fragment
    ("mm²", ["WIRE-2.5"]),
    ("%", ["PCT_50"]),                            # LIKE wildcards are literal
    ("t_5", ["PCT_50"]),
    ("螺栓\nm6", ["BOLT-M6"]),
    ("nothing", []),
])
def test_search_by_fragment(db, staff, shelf, text, expected):
    assert search(db, staff.rep1, text) == expected


def test_search_pages_inactive_and_category(db, staff, shelf):
    assert search(db, staff.rep1, "", limit=2) == ["BOLT-M6", "BOLT-M8"]
    assert search(db, staff.rep1, "", limit=2, after_sku="BOLT-M8") == ["NUT-M6", "PCT_50"]
    assert search(db, staff.rep1, "螺栓", active_only=False) == ["BOLT-M6", "BOLT-M8",
                                                                "BOLT-OLD"]
    c = create(db, staff.admin, sku="Z-1", category="线材")
    assert search(db, staff.rep1, "", category_id=c.category_id) == ["Z-1"]


def test_product_by_code_takes_barcode_then_sku(db, staff, shelf):
    def by(code):
        p = db.read(lambda s: catalog.product_by_code(s, staff.warehouse, code))
        return p and p.sku
    assert by("6901000000028") == "NUT-M6"
    assert by(" BOLT-M8\n") == "BOLT-M8"
    assert by("ｂｏｌｔ-m8") == "BOLT-M8"          # other case, one match
    assert by("BOLT") is None and by("") is None
    # A barcode that is another product's SKU: the barcode wins (that is what was scanned).
    create(db, staff.admin, sku="6901000000011X", name="x", barcode="BOLT-M8")
    assert by("BOLT-M8") == "6901000000011X"
    inactive = db.read(lambda s: catalog.product_by_code(s, staff.warehouse, "BOLT-OLD"))
    assert inactive.active is False


# --------------------------------------------------------------------------- warehouses

def test_warehouses_create_update_deactivate(db, staff):
    w = db.write(lambda s: catalog.create_warehouse(s, staff.admin, "WH-SZ", "深圳仓",
                                                     "深圳市南山区"))
    assert (w.code, w.name, w.address, w.active) == ("WH-SZ", "深圳仓", "深圳市南山区", True)
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: catalog.create_warehouse(s, staff.warehouse, "WH-SZ", ""))
    assert err.value.errors == {"code": "Warehouse code 'WH-SZ' is already used.",
                                "name": "Name is required."}
    with pytest.raises(PermissionDenied):
        db.write(lambda s: catalog.create_warehouse(s, staff.finance, "X", "x"))
    gz = db.write(lambda s: catalog.create_warehouse(s, staff.warehouse, "WH-GZ", "广州仓"))
    off = db.write(lambda s: catalog.update_warehouse(s, staff.warehouse, gz.id,
                                                       name="广州仓", address=None,
                                                       active=False))
    assert not off.active
    assert [x.code for x in db.read(lambda s: catalog.list_warehouses(s, staff.rep1))] == \
        ["WH-SZ"]
    assert [x.code for x in db.read(lambda s: catalog.list_warehouses(
        s, staff.rep1, active_only=False))] == ["WH-GZ", "WH-SZ"]
    assert audit_rows(db, "warehouse", gz.id)[-1][2] == {"before": {"active": True},
                                                         "after": {"active": False}}


def test_a_warehouse_holding_stock_is_not_deactivated(db, staff):
    w = db.write(lambda s: catalog.create_warehouse(s, staff.admin, "W1", "一号仓"))
    p = create(db, staff.admin)
    db.write(lambda s: s.add(StockBalance(product_id=p.id, warehouse_id=w.id,
                                          on_hand=Decimal("3"), reserved=Decimal("0"),
                                          avg_cost=Decimal("1"))))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: catalog.update_warehouse(s, staff.admin, w.id, name="一号仓",
                                                    address=None, active=False))
    assert err.value.errors["active"].startswith("Warehouse W1 still holds stock")


def test_lookup_gives_the_exact_code_and_the_fragment_matches(db, staff, shelf):
    found = db.read(lambda s: catalog.lookup_products(s, staff.rep1, "6901000000028"))
    assert found.exact.sku == "NUT-M6" and [p.sku for p in found.matches] == ["NUT-M6"]
    found = db.read(lambda s: catalog.lookup_products(s, staff.rep1, "bolt", limit=1))
    assert found.exact is None and [p.sku for p in found.matches] == ["BOLT-M6"]
    assert db.read(lambda s: catalog.lookup_products(s, staff.rep1, " ")).exact is None
