"""The customer 360° view shows the customer's sales orders and delivery notes / returns,
in the same number of queries however many there are."""
from __future__ import annotations

import dataclasses
from decimal import Decimal as D

from services import customers, deliveries, returns
from services.customers import CustomerInput
from services.stock_documents import new_uuid, post_document
from services.stock_inquiry import customer_deliveries
from tests.helpers.documents import approved_so, make_world
from tests.helpers.inventory import receive
from tests.services.test_customers_related import counting_statements


def test_360_lists_orders_and_deliveries_in_a_fixed_number_of_queries(db, staff):
    w = make_world(db, staff)
    (p1, p2, _), a = w.products, w.warehouses[0]
    receive(db, p1, a, "100")
    receive(db, p2, a, "100")
    other = db.write(lambda s: customers.create_customer(
        s, staff.rep1, CustomerInput(name="北京小单贸易"))).id
    approved_so(db, staff, dataclasses.replace(w, customer=other), [(p1, 1, "10")])
    dns = []
    for i in range(4):
        so = approved_so(db, staff, w, [(p1, 2, "113"), (p2, 1, "50", 10)])
        dns.append(db.write(lambda s: deliveries.post_delivery_from_so(
            s, staff.warehouse, so, new_uuid())).document)
    approved_so(db, staff, w, [(p2, 3, "50")])                 # still open: listed first
    back = dns[0].lines[0]
    cr = db.write(lambda s: returns.create_customer_return(
        s, staff.warehouse, dns[0].id, (returns.ReturnLineInput(back.id, D("1"), "错发"),),
        new_uuid()))
    db.write(lambda s: post_document(s, staff.warehouse, cr.id))

    counts = {}
    for cid in (other, w.customer):
        with counting_statements(db.engine) as statements:
            view = db.read(lambda s: customers.customer_360(s, staff.rep1, cid))
        counts[cid] = len(statements)
    assert counts[other] == counts[w.customer]
    assert [o.state for o in view.orders] == ["approved"] + ["delivered"] * 4
    assert [(d.doc_type, d.qty, d.amount) for d in view.deliveries] == [
        ("CR", D("1"), D("113.00"))] + [("DN", D("3"), D("271.00"))] * 4   # 2×113 + 45
    assert view.deliveries[1].number == dns[-1].number
    assert view.deliveries[1].sales_order_number is not None
    assert db.read(lambda s: customer_deliveries(s, staff.rep1, w.customer)) == view.deliveries
    small = db.read(lambda s: customers.customer_360(s, staff.manager, other))
    assert [(o.state, o.total) for o in small.orders] == [("approved", D("10.00"))]
    assert small.deliveries == ()
