"""The public pool screen on a real SQLite database: a rep claims a customer, a second
claim of the same customer (from a list loaded before) says who has it, the claim limit is
told in words, a manager assigns to a rep of the team, and a rep releases their own."""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from app.client import Client
from services import customers, pool
from services.pool import LevelRule, PoolRules
from tests.helpers.org import make_staff
from tests.helpers.pipeline import make_customer
from ui.pool.pool_view import PoolWidget


def _pool_customers(db, staff, names):
    return [make_customer(db, staff.admin, name, to_pool=True) for name in names]


def _view(qtbot, db, runner, actor) -> PoolWidget:
    widget = PoolWidget(Client(db, actor), runner)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitUntil(lambda: not widget.model.is_loading and widget.model.rowCount() > 0,
                    timeout=20000)
    return widget


def _owner(db, staff, customer_id):
    return db.read(lambda s: customers.get_customer(s, staff.admin, customer_id)).owner_id


def test_claim_then_a_second_claim_is_told_who_won(qtbot, runner, sqlite_db):
    staff = make_staff(sqlite_db)
    first, _second = _pool_customers(sqlite_db, staff, ["杭州新源科技有限公司", "成都腾飞电子有限公司"])
    mine = _view(qtbot, sqlite_db, runner, staff.rep1)
    theirs = _view(qtbot, sqlite_db, runner, staff.rep2)      # loaded before the claim
    assert mine.model.filter.scope == "pool"
    assert not mine.claim_button.isEnabled()                  # nothing selected yet

    assert mine.select_customer(first.id)
    assert mine.claim_button.isEnabled() and not mine.release_button.isEnabled()
    mine.claim_button.click()
    qtbot.waitUntil(lambda: mine.banner.isVisible(), timeout=20000)
    assert mine.banner.text() == f"{first.code} 杭州新源科技有限公司 is now your customer."
    assert mine.banner.property("kind") == "ok"
    assert _owner(sqlite_db, staff, first.id) == staff.rep1.user_id
    qtbot.waitUntil(lambda: mine.model.row_of_id(first.id) is None, timeout=20000)

    # rep2's list still shows the customer in the pool: the claim loses, in words.
    assert theirs.select_customer(first.id)
    theirs.claim_button.click()
    qtbot.waitUntil(lambda: theirs.banner.isVisible(), timeout=20000)
    assert theirs.banner.text() == f"Customer {first.code} was already claimed by 张伟."
    assert theirs.banner.property("kind") == "warn"
    assert _owner(sqlite_db, staff, first.id) == staff.rep1.user_id
    qtbot.waitUntil(lambda: theirs.model.row_of_id(first.id) is None, timeout=20000)


def test_the_claim_limit_is_explained(qtbot, runner, sqlite_db):
    staff = make_staff(sqlite_db)
    wanted, = _pool_customers(sqlite_db, staff, ["苏州星辰精密制造有限公司"])
    make_customer(sqlite_db, staff.rep1, "南京长江物流有限公司")          # rep1 owns one
    sqlite_db.write(lambda s: pool.save_pool_rules(s, staff.admin, PoolRules(
        default=LevelRule(30, None), max_owned=1)))
    view = _view(qtbot, sqlite_db, runner, staff.rep1)
    view.select_customer(wanted.id)
    view.claim(wanted.id)
    qtbot.waitUntil(lambda: view.banner.isVisible(), timeout=20000)
    assert view.banner.text() == ("You own 1 customers, the most allowed is 1; release one "
                                  "before claiming another.")
    assert _owner(sqlite_db, staff, wanted.id) is None


def test_a_manager_assigns_to_a_rep_of_the_team(qtbot, runner, sqlite_db):
    staff = make_staff(sqlite_db)
    customer, = _pool_customers(sqlite_db, staff, ["武汉光谷仪器有限公司"])
    view = _view(qtbot, sqlite_db, runner, staff.manager)
    assert view.assign_button.isVisible()
    view.select_customer(customer.id)
    view.assign_button.click()
    qtbot.waitUntil(lambda: view.assign_dialog is not None and view.assign_dialog.isVisible(),
                    timeout=20000)
    dialog = view.assign_dialog
    offered = [dialog.rep.itemText(i) for i in range(dialog.rep.count())]
    assert offered == ["张伟 · East", "李娜 · East", "王经理 · East"]   # the team, not West
    dialog.rep.setCurrentIndex(1)
    dialog.note.setText("李娜熟悉该行业")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: view.banner.isVisible(), timeout=20000)
    assert view.banner.text() == f"{customer.code} 武汉光谷仪器有限公司 now belongs to 李娜."
    assert _owner(sqlite_db, staff, customer.id) == staff.rep2.user_id
    history = sqlite_db.read(lambda s: pool.ownership_history(s, staff.admin, customer.id))
    assert (history[0].reason, history[0].to_owner_name, history[0].note) == (
        "assign", "李娜", "李娜熟悉该行业")


def test_a_rep_releases_their_own_customer(qtbot, runner, sqlite_db):
    staff = make_staff(sqlite_db)
    _pool_customers(sqlite_db, staff, ["厦门海湾食品有限公司"])
    own = make_customer(sqlite_db, staff.rep1, "青岛蓝海化工有限公司")
    view = _view(qtbot, sqlite_db, runner, staff.rep1)
    assert not view.assign_button.isVisible()                 # reps do not assign
    view.scope.setCurrentIndex(view.scope.findData("mine"))
    qtbot.waitUntil(lambda: view.model.filter.scope == "mine" and not view.model.is_loading
                    and view.model.row_of_id(own.id) is not None, timeout=20000)
    view.select_customer(own.id)
    assert view.release_button.isEnabled() and not view.claim_button.isEnabled()
    view.release_button.click()
    dialog = view.release_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.note.setText("客户已转向竞争对手")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: view.banner.isVisible(), timeout=20000)
    assert view.banner.text() == f"{own.code} 青岛蓝海化工有限公司 is back in the public pool."
    assert _owner(sqlite_db, staff, own.id) is None
    qtbot.waitUntil(lambda: view.model.row_of_id(own.id) is None, timeout=20000)

    # Claiming it straight back is blocked for the rule's days, and said so.
    view.scope.setCurrentIndex(view.scope.findData("pool"))
    qtbot.waitUntil(lambda: view.model.filter.scope == "pool" and not view.model.is_loading
                    and view.model.row_of_id(own.id) is not None, timeout=20000)
    view.select_customer(own.id)
    view.claim_button.click()
    qtbot.waitUntil(lambda: "left you" in view.banner.text(), timeout=20000)
    assert view.banner.text() == (f"Customer {own.code} left you less than 7 days ago; you "
                                  "can claim it again in 7 day(s).")
    assert _owner(sqlite_db, staff, own.id) is None
