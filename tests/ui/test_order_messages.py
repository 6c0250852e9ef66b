"""Order refusals as the services raise them (not copied into the test) read in Chinese
through ui.errors: state refusals, line checks, delivery progress and approval reasons."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app import i18n
from services import order_progress, sales_orders as so
from services.errors import PermissionDenied, ValidationError
from services.order_approval import ApprovalRules, set_approval_rules
from tests.helpers.org import make_staff
from tests.helpers.orders import call, create_so, line, make_shop, so_input, stock_in
from ui import errors


@pytest.fixture
def chinese(qapp):
    i18n.install_translators("zh_CN", qapp)
    yield
    i18n.install_translators("en", qapp)


def test_order_refusals_read_in_chinese(chinese, sqlite_db):
    db = sqlite_db
    staff = make_staff(db)
    shop = make_shop(db, staff.rep1)
    p1, p2, _ = shop.products
    stock_in(db, p1, shop.warehouses[0], 10)

    with pytest.raises(ValidationError) as caught:
        create_so(db, staff.rep1, so_input(shop, line(p1, 0), line(p2, "1.5")))
    assert errors.field_messages(caught.value) == {
        "lines[1].qty": "第 1 行（SKU-001）：数量必须大于零。",
        "lines[2].qty": "第 2 行（SKU-002）：单位“个”最多 0 位小数。"}

    call(db, set_approval_rules, staff.admin,
         ApprovalRules(amount_above=Decimal("100"), discount_above=Decimal("5")))
    order = create_so(db, staff.rep1, so_input(shop, line(p1, 2, discount="10")))
    waiting = call(db, so.submit_sales_order, staff.rep1, order.id)
    assert [errors.translate_service_message(r) for r in
            waiting.approval_reason.splitlines()] == [
        "订单总额 180.00 超过审批限额 100.00。", "第 1 行折扣 10% 超过审批限额 5%。"]
    with pytest.raises(PermissionDenied) as caught:
        call(db, so.approve_sales_order, staff.rep1, order.id)
    assert errors.describe(caught.value) == "只有销售经理或管理员可以审批订单。"
    with pytest.raises(ValidationError) as caught:
        call(db, so.update_sales_order, staff.rep1, order.id, so_input(shop),
             waiting.version_id)
    assert errors.field_messages(caught.value)["state"] == f"{waiting.number} 正在等待审批。"

    approved = call(db, so.approve_sales_order, staff.manager, order.id)
    with pytest.raises(ValidationError) as caught:
        db.write(lambda s: order_progress.record_delivery(
            s, {approved.lines[0].id: Decimal("3")}))
    assert list(errors.field_messages(caught.value).values()) == [
        f"{approved.number} 第 1 行（SKU-001）：只剩 2 待发货。"]
    call(db, so.cancel_sales_order, staff.rep1, order.id, "客户取消")
    with pytest.raises(ValidationError) as caught:
        call(db, so.approve_sales_order, staff.manager, order.id)
    assert errors.field_messages(caught.value)["state"] == f"{approved.number} 已取消。"
