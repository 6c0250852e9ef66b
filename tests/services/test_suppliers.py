"""Suppliers: codes from the counter or typed, validation, optimistic locking, who edits,
audit, contacts (one primary), search, purchase history. Both databases."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from models.stock import PurchaseOrder, StockDocument, StockDocumentLine
from models.system import AuditLog
from services import suppliers
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.suppliers import SupplierContactInput, SupplierInfo, SupplierInput
from tests.helpers.stock import make_catalog


def create(db, actor, name="宁波精工五金有限公司", **fields) -> SupplierInfo:
    data = SupplierInput(name=name, **fields)
    return db.write(lambda s: suppliers.create_supplier(s, actor, data))


def save(db, actor, sup: SupplierInfo, *, version=None, **changes) -> SupplierInfo:
    values = {f.name: getattr(sup, f.name) for f in dataclasses.fields(SupplierInput)}
    values.update(changes)
    data = SupplierInput(**values)
    return db.write(lambda s: suppliers.update_supplier(s, actor, sup.id, data,
                                                        version or sup.version_id))


def get(db, actor, supplier_id) -> SupplierInfo:
    return db.read(lambda s: suppliers.get_supplier(s, actor, supplier_id))


def actions(db, entity, entity_id):
    return db.read(lambda s: [a.action for a in s.scalars(
        select(AuditLog).where(AuditLog.entity == entity, AuditLog.entity_id == entity_id)
        .order_by(AuditLog.id))])


def test_codes_come_from_the_counter_and_typed_codes_are_skipped(db, staff):
    a = create(db, staff.warehouse)
    typed = create(db, staff.admin, "Typed Ltd", code="S-000002")
    b = create(db, staff.warehouse, "第三家")
    assert (a.code, typed.code, b.code) == ("S-000001", "S-000002", "S-000003")
    with pytest.raises(ValidationError) as err:
        create(db, staff.admin, "Again", code="S-000002")
    assert err.value.errors == {"code": "Supplier code 'S-000002' is already used by another "
                                        "supplier."}


def test_create_validates_every_field_at_once(db, staff):
    with pytest.raises(ValidationError) as err:
        create(db, staff.admin, " ", phone="12ab", email="no-at", rating=6, payment_days="-1",
               code="S 1")
    assert set(err.value.errors) == {"name", "phone", "email", "rating", "payment_days", "code"}
    assert err.value.errors["rating"] == "Rating is 1 to 5 stars (got 6)."
    assert err.value.errors["payment_days"] == \
        "Payment days must be a whole number from 0 to 365 (got '-1')."


def test_create_and_update_store_terms_rating_and_audit(db, staff):
    sup = create(db, staff.warehouse, phone="0574-8888 6666", email="Sales@NBJG.cn",
                 payment_terms="月结30天", payment_days=30, rating=4, bank_account="6222 0001")
    assert (sup.email, sup.payment_terms, sup.payment_days, sup.rating) == \
        ("Sales@nbjg.cn", "月结30天", 30, 4)
    after = save(db, staff.admin, sup, rating=5, payment_terms="款到发货", payment_days=None)
    assert (after.rating, after.payment_terms, after.payment_days) == (5, "款到发货", None)
    assert after.version_id == sup.version_id + 1
    assert actions(db, "supplier", sup.id) == ["supplier.create", "supplier.update"]
    same = save(db, staff.admin, after)
    assert same.version_id == after.version_id            # nothing changed: no write
    assert len(actions(db, "supplier", sup.id)) == 2


def test_stale_update_is_a_conflict_naming_what_changed(db, staff):
    loaded = create(db, staff.warehouse, rating=3)
    save(db, staff.admin, loaded, rating=1, notes="质量问题")
    with pytest.raises(Conflict) as err:
        save(db, staff.warehouse, loaded, phone="13800138000")
    assert set(err.value.changed) == {"rating", "notes"}
    assert err.value.current.rating == 1
    assert get(db, staff.rep1, loaded.id).phone is None


def test_only_warehouse_and_admin_edit_suppliers(db, staff):
    for actor in (staff.rep1, staff.manager, staff.finance):
        with pytest.raises(PermissionDenied) as err:
            create(db, actor)
        assert str(err.value) == \
            "Only warehouse staff and administrators can change suppliers."
    sup = create(db, staff.warehouse)
    with pytest.raises(PermissionDenied):
        db.write(lambda s: suppliers.add_supplier_contact(
            s, staff.finance, sup.id, SupplierContactInput("王五")))
    assert get(db, staff.finance, sup.id).name == sup.name
    with pytest.raises(NotFound):
        get(db, staff.finance, sup.id + 99)


def test_contacts_add_update_remove_with_one_primary(db, staff):
    sup = create(db, staff.warehouse)
    w = staff.warehouse

    def add(name, **kw):
        return db.write(lambda s: suppliers.add_supplier_contact(
            s, w, sup.id, SupplierContactInput(name, **kw)))
    a = add("张三", phone="13800138000", is_primary=True)
    b = add("李四", title="销售经理", email="LI@x.cn")
    with pytest.raises(ValidationError) as err:
        add(" ", phone="x")
    assert set(err.value.errors) == {"name", "phone"}
    assert [c.name for c in get(db, w, sup.id).contacts] == ["张三", "李四"]
    db.write(lambda s: suppliers.update_supplier_contact(
        s, w, b.id, SupplierContactInput("李四", title="销售经理", email="li@x.cn",
                                         is_primary=True)))
    contacts = get(db, w, sup.id).contacts
    assert [(c.name, c.is_primary) for c in contacts] == [("李四", True), ("张三", False)]
    db.write(lambda s: suppliers.remove_supplier_contact(s, w, a.id))
    assert [c.name for c in get(db, w, sup.id).contacts] == ["李四"]
    assert actions(db, "supplier_contact", a.id) == ["supplier_contact.add",
                                                     "supplier_contact.remove"]
    with pytest.raises(NotFound):
        db.write(lambda s: suppliers.remove_supplier_contact(s, w, a.id))


def test_search_by_code_name_phone_and_contact(db, staff):
    a = create(db, staff.admin, "宁波精工五金有限公司", phone="0574-88886666")
    create(db, staff.admin, "ACME Tools Ltd")
    old = create(db, staff.admin, "旧供应商五金")
    save(db, staff.admin, old, active=False)
    db.write(lambda s: suppliers.add_supplier_contact(
        s, staff.admin, a.id, SupplierContactInput("Wang Lei", phone="13912345678")))

    def names(text, **kw):
        return [x.name for x in db.read(lambda s: suppliers.search_suppliers(
            s, staff.rep1, text, **kw))]
    assert names("五金") == ["宁波精工五金有限公司"]
    assert names("五金", active_only=False) == ["宁波精工五金有限公司", "旧供应商五金"]
    assert names("acme") == names("ＡＣＭＥ") == ["ACME Tools Ltd"]
    assert names("8888") == names("wang") == names("1391234") == ["宁波精工五金有限公司"]
    assert names(a.code.lower()) == ["宁波精工五金有限公司"]
    assert names("") == ["ACME Tools Ltd", "宁波精工五金有限公司"]


def test_purchase_history_lists_orders_receipts_and_returns(db, staff):
    sup = create(db, staff.warehouse)
    other = create(db, staff.warehouse, "Other")
    cat = make_catalog(db, products=1, warehouses=1)

    def build(s):
        po = PurchaseOrder(number="PO-2026-000001", client_uuid="u-po1", state="approved",
                           supplier_id=sup.id, warehouse_id=cat.warehouses[0],
                           order_date=dt.date(2026, 3, 1), total=Decimal("1130.00"))
        draft = PurchaseOrder(client_uuid="u-po2", supplier_id=sup.id,
                              warehouse_id=cat.warehouses[0], order_date=dt.date(2026, 3, 5))
        theirs = PurchaseOrder(client_uuid="u-po3", supplier_id=other.id,
                               warehouse_id=cat.warehouses[0], order_date=dt.date(2026, 3, 6))
        s.add_all([po, draft, theirs])
        s.flush()
        # A receipt from the order (no supplier on the document) and a standalone return.
        gr = StockDocument(doc_type="GR", client_uuid="u-gr", doc_date=dt.date(2026, 3, 3),
                           warehouse_id=cat.warehouses[0], purchase_order_id=po.id)
        sr = StockDocument(doc_type="SR", client_uuid="u-sr", doc_date=dt.date(2026, 3, 4),
                           warehouse_id=cat.warehouses[0], supplier_id=sup.id)
        s.add_all([gr, sr])
        s.flush()
        s.add_all([StockDocumentLine(document_id=gr.id, line_no=1, product_id=cat.products[0],
                                     qty=Decimal("3"), unit_cost=Decimal("33.3333")),
                   StockDocumentLine(document_id=gr.id, line_no=2, product_id=cat.products[0],
                                     qty=Decimal("1.5"), unit_cost=Decimal("10")),
                   StockDocumentLine(document_id=sr.id, line_no=1, product_id=cat.products[0],
                                     qty=Decimal("1"), unit_cost=None)])
    db.write(build)
    rows = db.read(lambda s: suppliers.supplier_purchase_history(s, staff.finance, sup.id))
    assert [(r.kind, r.number, r.date, r.state, r.total) for r in rows] == [
        ("PO", None, dt.date(2026, 3, 5), "draft", Decimal("0.00")),
        ("SR", None, dt.date(2026, 3, 4), "draft", Decimal("0.00")),
        ("GR", None, dt.date(2026, 3, 3), "draft", Decimal("115.00")),
        ("PO", "PO-2026-000001", dt.date(2026, 3, 1), "approved", Decimal("1130.00"))]
    assert db.read(lambda s: suppliers.supplier_purchase_history(s, staff.rep1, other.id))[0] \
        .kind == "PO"
    with pytest.raises(NotFound):
        db.read(lambda s: suppliers.supplier_purchase_history(s, staff.rep1, 9999))
