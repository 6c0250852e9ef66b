"""The product catalog (商品): products, their categories, and the warehouses stock is kept in.

Rules enforced here (each public function's docstring says which apply):

- Who edits: warehouse staff and administrators create and change products, categories
  and warehouses; every other role (sales, sales managers, finance) reads them — sales
  need prices and stock on their orders, finance the costs. A sales manager does not edit
  sale prices here: price lists are not part of this module.
- Products: SKU required and unique (the error names the SKU and the product that has
  it); barcode optional and unique; SKU and barcode are width-folded (NFKC) and contain no
  spaces; name and unit required; sale price, cost and minimum stock are exact Decimals
  ≥ 0 (2, 4 and ``qty_decimals`` decimals); tax rate 0–100 %; ``qty_decimals`` 0–3 (how
  many decimals quantities of this product carry: 0 for pieces, 3 for kg).
- A category is named on the product; a name not seen before creates it (names compare
  case-insensitively, so "Tools" and "tools" are one category).
- Optimistic locking: ``update_product`` names the ``version_id`` the form loaded; a stale
  one is a ``Conflict`` carrying the product as it is now and the fields changed since
  (read from the audit trail, as for customers).
- Search: ``product.search_text`` holds sku, name, spec and barcode, each NFKC +
  casefold, one per line; it is rewritten with every change here. A query matches when
  every word of it is a fragment of that text (CJK or Latin, full- or half-width, any
  case), ordered by SKU, in keyset pages.
- Every change is audited (services.audit) with before/after of the changed fields.

Suppliers are in services/suppliers.py.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.catalog import Product, ProductCategory, Warehouse
from models.stock import StockBalance
from services import audit
from services import catalog_values as values
from services.customer_search import normalize_text
from services.customers import changed_since
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.org import Actor

EDITOR_ROLES = ("warehouse", "admin")
SEARCH_SEPARATOR = "\n"
MAX_SEARCH_LIMIT = 500
# Column sizes (models/catalog.py).
LIMITS = {"sku": 40, "name": 200, "spec": 200, "unit": 16, "barcode": 64, "category": 80}
MAX_MONEY = Decimal("999999999999.99")         # Numeric(14, 2)
MAX_COST = Decimal("9999999999.9999")          # Numeric(14, 4)
MAX_QTY = Decimal("99999999999.999")           # Numeric(14, 3)
# What update compares, audits and reports as changed, in form order.
PRODUCT_FIELDS = ("sku", "name", "spec", "unit", "qty_decimals", "category", "barcode",
                  "sale_price", "cost", "tax_rate", "min_stock", "active")
_PLACES = {"sale_price": 2, "cost": 4, "tax_rate": 2}


@dataclass(frozen=True)
class ProductInput:
    """What the product form or an import row supplies. Empty strings count as "not
    given"; decimals may be Decimal, int or text."""

    sku: str
    name: str
    spec: str | None = None
    unit: str = "个"
    qty_decimals: int = 0
    category: str | None = None           # a category name; created when new
    barcode: str | None = None
    sale_price: Decimal | int | str = 0
    cost: Decimal | int | str = 0
    tax_rate: Decimal | int | str = 13
    min_stock: Decimal | int | str = 0
    active: bool = True


@dataclass(frozen=True)
class ProductInfo:
    id: int
    sku: str
    name: str
    spec: str | None
    unit: str
    qty_decimals: int
    category_id: int | None
    category_name: str | None
    barcode: str | None
    sale_price: Decimal
    cost: Decimal
    tax_rate: Decimal
    min_stock: Decimal
    active: bool
    version_id: int


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    name: str
    parent_id: int | None


@dataclass(frozen=True)
class WarehouseInfo:
    id: int
    code: str
    name: str
    address: str | None
    active: bool


# --------------------------------------------------------------------------- helpers

def check_editor(actor: Actor, what: str) -> None:
    """Only warehouse staff and administrators change catalog master data."""
    if actor.role not in EDITOR_ROLES:
        raise PermissionDenied(f"Only warehouse staff and administrators can change {what}.")


def apply_changes(session: Session, actor: Actor, obj, entity: str, before: dict,
                  after: dict, **details) -> list[str]:
    """Set on ``obj`` the fields of ``after`` that differ from ``before``, flush, and audit
    them as ``<entity>.update`` (before/after of the changed fields, and the version it
    produced when the row is versioned). Nothing changed → no write, no audit."""
    changed = [f for f in after if before[f] != after[f]]
    if not changed:
        return changed
    for f in changed:
        setattr(obj, f, after[f])
    session.flush()
    if hasattr(obj, "version_id"):
        details["version"] = obj.version_id
    audit.record(session, actor.user_id, f"{entity}.update", entity, obj.id,
                 before={f: before[f] for f in changed}, after={f: after[f] for f in changed},
                 **details)
    return changed


def build_search_text(sku: str, name: str, spec: str | None, barcode: str | None) -> str:
    """product.search_text: sku, name, spec and barcode, each NFKC + casefold, one per line
    (a fragment never spans two fields)."""
    parts = [normalize_text(p) for p in (sku, name, spec, barcode)]
    return SEARCH_SEPARATOR.join(p for p in parts if p)


def like_pattern(fragment: str) -> str:
    esc = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def product_values(data: ProductInput) -> tuple[dict, dict[str, str]]:
    """The stored form of the input and every problem with it, as {field: message}."""
    errors: dict[str, str] = {}
    v: dict = {
        "sku": values.code(data.sku, "sku", LIMITS["sku"], errors, required="SKU is required."),
        "name": values.text(data.name, "name", LIMITS["name"], errors,
                            required="Name is required."),
        "spec": values.text(data.spec, "spec", LIMITS["spec"], errors),
        "unit": values.text(data.unit, "unit", LIMITS["unit"], errors,
                            required="Unit is required."),
        "category": values.text(data.category, "category", LIMITS["category"], errors),
        "barcode": values.code(data.barcode, "barcode", LIMITS["barcode"], errors),
        "active": bool(data.active),
    }
    if v["name"]:
        v["name"] = " ".join(v["name"].split())
    qd = values.whole(data.qty_decimals, "qty_decimals", errors, low=0, high=3,
                      message=f"Quantity decimals must be 0, 1, 2 or 3 "
                              f"(got {data.qty_decimals!r}).")
    v["qty_decimals"] = 0 if qd is None else qd
    v["sale_price"] = values.decimal(data.sale_price, "sale_price", 2, errors,
                                     maximum=MAX_MONEY)
    v["cost"] = values.decimal(data.cost, "cost", 4, errors, maximum=MAX_COST)
    v["tax_rate"] = values.decimal(data.tax_rate, "tax_rate", 2, errors,
                                   maximum=Decimal(100), default=Decimal("13.00"))
    # A wrong qty_decimals is reported once, not again as a wrong minimum stock.
    v["min_stock"] = values.decimal(data.min_stock, "min_stock", 3 if qd is None else qd,
                                    errors, maximum=MAX_QTY)
    return v, errors


def check_unique_codes(session: Session, v: dict, exclude_id: int | None,
                  errors: dict[str, str]) -> None:
    for field in ("sku", "barcode"):
        if not v[field] or field in errors:
            continue
        q = select(Product.sku, Product.name).where(getattr(Product, field) == v[field])
        if exclude_id is not None:
            q = q.where(Product.id != exclude_id)
        row = session.execute(q).first()
        if row is not None:
            errors[field] = _taken_message(field, v[field], row.sku, row.name)


def _taken_message(field: str, value: str, sku: str | None, name: str | None) -> str:
    if sku is None:                        # found by the database, not by our check
        return f"{values.label(field)} {value!r} is already used by another product."
    if field == "sku":
        return f"SKU {value!r} is already used by product {name}."
    return f"Barcode {value!r} is already used by product {sku} {name}."


def _flush_unique(session: Session, v: dict) -> None:
    """Flush; a concurrent save that took the SKU or barcode after our check is reported
    like the check would have (the caller's transaction is rolled back)."""
    try:
        session.flush()
    except IntegrityError as exc:
        text = str(exc.orig).lower()
        for field in ("barcode", "sku"):
            if field in text:
                raise ValidationError(field, _taken_message(field, v[field], None, None)) \
                    from None
        raise


def _category_id(session: Session, actor: Actor, name: str | None) -> int | None:
    """The id of the category called ``name`` (case-insensitive), created when new."""
    if not name:
        return None
    name = " ".join(name.split())
    found = session.scalar(select(ProductCategory.id)
                           .where(func.lower(ProductCategory.name) == name.lower())
                           .order_by(ProductCategory.id).limit(1))
    if found is not None:
        return found
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    # Two clerks adding the same new category at once: one insert wins, both use it.
    new_id = session.execute(insert(ProductCategory).values(name=name)
                             .on_conflict_do_nothing(index_elements=["name"])
                             .returning(ProductCategory.id)).scalar()
    if new_id is None:
        return session.scalar(select(ProductCategory.id).where(ProductCategory.name == name))
    audit.record(session, actor.user_id, "product_category.create", "product_category",
                 new_id, name=name)
    return new_id


def _category_name(session: Session, category_id: int | None) -> str | None:
    if category_id is None:
        return None
    return session.scalar(select(ProductCategory.name)
                          .where(ProductCategory.id == category_id))


def _snapshot(p: Product, category: str | None) -> dict:
    """The audited form of a product: decimals as canonical text (the audit is JSON)."""
    snap = {f: getattr(p, f) for f in PRODUCT_FIELDS if f != "category"}
    snap["category"] = category
    for f, places in {**_PLACES, "min_stock": 3}.items():
        snap[f] = str(values.canonical(snap[f], places))
    return snap


def _stored(v: dict) -> dict:
    snap = dict(v)
    for f, places in {**_PLACES, "min_stock": 3}.items():
        snap[f] = str(values.canonical(snap[f], places))
    return snap


def product_info(p: Product, category_name: str | None) -> ProductInfo:
    c = values.canonical
    return ProductInfo(id=p.id, sku=p.sku, name=p.name, spec=p.spec, unit=p.unit,
                       qty_decimals=p.qty_decimals, category_id=p.category_id,
                       category_name=category_name, barcode=p.barcode,
                       sale_price=c(p.sale_price, 2), cost=c(p.cost, 4),
                       tax_rate=c(p.tax_rate, 2), min_stock=c(p.min_stock, p.qty_decimals),
                       active=bool(p.active), version_id=p.version_id)


def _info_query():
    return (select(Product, ProductCategory.name)
            .outerjoin(ProductCategory, ProductCategory.id == Product.category_id))


def _info(session: Session, product_id: int) -> ProductInfo:
    row = session.execute(_info_query().where(Product.id == product_id)
                          .execution_options(populate_existing=True)).first()
    if row is None:
        raise NotFound("product", product_id)
    return product_info(*row)


# --------------------------------------------------------------------------- products

def create_product(session: Session, actor: Actor, data: ProductInput) -> ProductInfo:
    """Create a product (warehouse staff and administrators only). All invalid fields are
    reported at once; a SKU or barcode already in use is an error naming the product that
    has it. A new category name creates the category. Audited."""
    check_editor(actor, "products")
    v, errors = product_values(data)
    check_unique_codes(session, v, None, errors)
    if errors:
        raise ValidationError(errors)
    category = v.pop("category")
    p = Product(**v, category_id=_category_id(session, actor, category),
                search_text=build_search_text(v["sku"], v["name"], v["spec"], v["barcode"]))
    session.add(p)
    _flush_unique(session, {**v, "category": category})
    after = {f: x for f, x in _snapshot(p, category).items() if x is not None}
    audit.record(session, actor.user_id, "product.create", "product", p.id,
                 version=p.version_id, after=after)
    return _info(session, p.id)


def update_product(session: Session, actor: Actor, product_id: int, data: ProductInput,
                   expected_version: int) -> ProductInfo:
    """Save the product form over the product (warehouse staff and administrators only):
    every field is replaced. A stale ``expected_version`` → Conflict(current=ProductInfo,
    changed=fields). SKU and barcode stay unique. Nothing changed → no write, no audit.
    Changing the SKU keeps the product's stock and history (they refer to its id)."""
    check_editor(actor, "products")
    p = session.scalar(select(Product).where(Product.id == product_id).with_for_update()
                       .execution_options(populate_existing=True))
    if p is None:
        raise NotFound("product", product_id)
    before = _snapshot(p, _category_name(session, p.category_id))
    if p.version_id != expected_version:
        raise Conflict(f"Product {p.sku} was changed by someone else since you opened it "
                       f"(version {expected_version}, now {p.version_id}).",
                       current=_info(session, p.id),
                       changed=changed_since(session, "product", p.id, expected_version,
                                             before))
    v, errors = product_values(data)
    check_unique_codes(session, v, p.id, errors)
    if errors:
        raise ValidationError(errors)
    after = _stored(v)
    if after["category"] and before["category"] and \
            after["category"].lower() == before["category"].lower():
        after["category"] = v["category"] = before["category"]
    changed = [f for f in PRODUCT_FIELDS if before[f] != after[f]]
    if not changed:
        return _info(session, p.id)
    category = v.pop("category")
    # The category first: its query would autoflush half-set fields (a second version).
    category_id = _category_id(session, actor, category)
    for f, x in v.items():
        setattr(p, f, x)
    p.category_id = category_id
    p.search_text = build_search_text(v["sku"], v["name"], v["spec"], v["barcode"])
    _flush_unique(session, {**v, "category": category})
    audit.record(session, actor.user_id, "product.update", "product", p.id,
                 version=p.version_id, before={f: before[f] for f in changed},
                 after={f: after[f] for f in changed})
    return _info(session, p.id)


def get_product(session: Session, actor: Actor, product_id: int) -> ProductInfo:
    """One product, active or not (every role reads the catalog). NotFound when absent."""
    return _info(session, product_id)


def search_products(session: Session, actor: Actor, text: str = "", *,
                    active_only: bool = True, limit: int = 50, after_sku: str | None = None,
                    category_id: int | None = None) -> list[ProductInfo]:
    """Products whose sku, name, spec or barcode contain every word of ``text`` (NFKC +
    casefold: 'ＡＢ' finds 'ab', '螺丝 m6' finds 六角螺丝 with spec M6), ordered by SKU;
    the next page starts ``after_sku`` (keyset). Every role reads the catalog."""
    limit = max(1, min(int(limit), MAX_SEARCH_LIMIT))
    q = _info_query().order_by(Product.sku).limit(limit)
    for word in normalize_text(text).split():
        q = q.where(Product.search_text.like(like_pattern(word), escape="\\"))
    if active_only:
        q = q.where(Product.active.is_(True))
    if after_sku is not None:
        q = q.where(Product.sku > after_sku)
    if category_id is not None:
        q = q.where(Product.category_id == category_id)
    return [product_info(p, cat) for p, cat in session.execute(q)]


def product_by_code(session: Session, actor: Actor, code: str) -> ProductInfo | None:
    """The product a scanner or a typed code names: exact barcode first, else exact SKU,
    else the SKU in upper or lower case (width-folded, surrounding spaces ignored; indexed
    lookups only, a miss costs no scan); inactive products too, with ``active`` False — an
    open order may still need one shipped. None when nothing matches."""
    folded = unicodedata.normalize("NFKC", code or "").strip()
    if not folded:
        return None
    # One indexed lookup: the barcode, the SKU as given, or the SKU in upper or lower case
    # (a SKU typed in the other case, 'ab-1' for AB-1); the first of those that exists wins.
    spellings = [folded, folded.upper(), folded.lower()]
    rows = session.execute(_info_query().where(or_(Product.barcode == folded,
                                                    Product.sku.in_(spellings)))
                           .limit(4)).all()

    def rank(row) -> int:
        p = row[0]
        return 0 if p.barcode == folded else 1 + spellings.index(p.sku)
    return product_info(*min(rows, key=rank)) if rows else None


@dataclass(frozen=True)
class ProductLookup:
    """What a picker shows for typed text: the product the text names exactly (barcode or
    SKU, see product_by_code) and the products it is a fragment of (search_products)."""

    exact: ProductInfo | None
    matches: tuple[ProductInfo, ...]


def lookup_products(session: Session, actor: Actor, text: str, *, active_only: bool = True,
                    limit: int = 50) -> ProductLookup:
    """product_by_code and search_products for the same text in one call (one round trip
    for a picker: a scanned code picks at once, a fragment lists). Every role reads."""
    exact = product_by_code(session, actor, text) if text and text.strip() else None
    matches = search_products(session, actor, text, active_only=active_only, limit=limit)
    return ProductLookup(exact, tuple(matches))


def list_categories(session: Session, actor: Actor) -> list[CategoryInfo]:
    """Every product category, by name. Every role reads the catalog."""
    return [CategoryInfo(c.id, c.name, c.parent_id) for c in session.scalars(
        select(ProductCategory).order_by(ProductCategory.name))]


def products_by_skus(session: Session, actor: Actor, skus) -> dict[str, ProductInfo]:
    """Products by exact SKU (missing ones left out), e.g. for an import's existing rows."""
    ordered, found = sorted(set(skus)), {}
    for i in range(0, len(ordered), 500):          # bounded IN lists
        found.update({p.sku: product_info(p, cat) for p, cat in session.execute(
            _info_query().where(Product.sku.in_(ordered[i:i + 500])))})
    return found


def products_by_ids(session: Session, actor: Actor, ids) -> dict[int, ProductInfo]:
    """Products by id (missing ids are left out), for screens that show stored lines."""
    ids = sorted({int(i) for i in ids})
    if not ids:
        return {}
    return {p.id: product_info(p, cat)
            for p, cat in session.execute(_info_query().where(Product.id.in_(ids)))}


# --------------------------------------------------------------------------- warehouses

def _warehouse_info(w: Warehouse) -> WarehouseInfo:
    return WarehouseInfo(w.id, w.code, w.name, w.address, bool(w.active))


def list_warehouses(session: Session, actor: Actor, *,
                    active_only: bool = True) -> list[WarehouseInfo]:
    """Warehouses by code (every role reads them: orders name one)."""
    q = select(Warehouse).order_by(Warehouse.code)
    if active_only:
        q = q.where(Warehouse.active.is_(True))
    return [_warehouse_info(w) for w in session.scalars(q)]


def get_warehouse(session: Session, actor: Actor, warehouse_id: int) -> WarehouseInfo:
    w = session.get(Warehouse, warehouse_id)
    if w is None:
        raise NotFound("warehouse", warehouse_id)
    return _warehouse_info(w)


def create_warehouse(session: Session, actor: Actor, code: str, name: str,
                     address: str | None = None) -> WarehouseInfo:
    """Add a warehouse (warehouse staff and administrators only). Code required, unique,
    no spaces; name required. Audited."""
    check_editor(actor, "warehouses")
    errors: dict[str, str] = {}
    code_v = values.code(code, "code", 20, errors, required="Warehouse code is required.")
    name_v = values.text(name, "name", 100, errors, required="Name is required.")
    address_v = values.text(address, "address", 300, errors)
    if code_v and "code" not in errors and session.scalar(
            select(Warehouse.id).where(Warehouse.code == code_v)) is not None:
        errors["code"] = f"Warehouse code {code_v!r} is already used."
    if errors:
        raise ValidationError(errors)
    w = Warehouse(code=code_v, name=name_v, address=address_v, active=True)
    session.add(w)
    try:
        session.flush()
    except IntegrityError:                 # a concurrent create took the code
        raise ValidationError("code", f"Warehouse code {code_v!r} is already used.") from None
    audit.record(session, actor.user_id, "warehouse.create", "warehouse", w.id,
                 after={"code": code_v, "name": name_v, "address": address_v})
    return _warehouse_info(w)


def update_warehouse(session: Session, actor: Actor, warehouse_id: int, *, name: str,
                     address: str | None, active: bool) -> WarehouseInfo:
    """Rename, re-address or (de)activate a warehouse (warehouse staff and administrators
    only). The code never changes (documents print it). A warehouse that still holds or
    has reserved stock cannot be deactivated: move or count it out first. Audited."""
    check_editor(actor, "warehouses")
    w = session.scalar(select(Warehouse).where(Warehouse.id == warehouse_id)
                       .with_for_update())
    if w is None:
        raise NotFound("warehouse", warehouse_id)
    errors: dict[str, str] = {}
    after = {"name": values.text(name, "name", 100, errors, required="Name is required."),
             "address": values.text(address, "address", 300, errors),
             "active": bool(active)}
    if errors:
        raise ValidationError(errors)
    if w.active and not after["active"] and session.scalar(
            select(StockBalance.product_id)
            .where(StockBalance.warehouse_id == w.id,
                   or_(StockBalance.on_hand != 0, StockBalance.reserved != 0))
            .limit(1)) is not None:
        raise ValidationError("active", f"Warehouse {w.code} still holds stock; move it to "
                                        "another warehouse or count it out before "
                                        "deactivating it.")
    before = {"name": w.name, "address": w.address, "active": bool(w.active)}
    apply_changes(session, actor, w, "warehouse", before, after)
    return _warehouse_info(w)
