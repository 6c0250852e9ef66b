"""Kanban board on real databases: columns and totals, drag and drop (the drop handler fed
the QMimeData a card produces), keyboard moves, the lost-reason question, a failed move
going back, filters."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.client import Client
from services import opportunities as ops
from services import stages as stage_service
from services.opportunities import OpportunityInput
from tests.ui.helpers_b import (add_customer, quick_staff, rep_client,  # noqa: F401
                                sqlite_staff, staffed_db, staffed_sqlite_template)
from ui.pipeline.board import MIME_TYPE, OpportunityCard, PipelineBoard


def stages(client: Client) -> dict[str, object]:
    return {s.code: s for s in client.read(stage_service.list_stages)}


def add_opportunity(client: Client, customer_id: int, title: str, amount: str, *,
                    stage: str | None = None, close: dt.date | None = None):
    stage_id = stages(client)[stage].id if stage else None
    return client.write(ops.create_opportunity,
                        OpportunityInput(customer_id=customer_id, title=title,
                                         amount=Decimal(amount), stage_id=stage_id,
                                         expected_close_on=close))


def open_board(qtbot, client, runner) -> PipelineBoard:
    board = PipelineBoard(client, runner)
    qtbot.addWidget(board)
    board.resize(1500, 700)
    board.show()
    qtbot.waitUntil(lambda: board.settled and bool(board.columns), timeout=10000)
    return board


def card_titles(board: PipelineBoard, code: str) -> list[str]:
    column = next(c for c in board.columns if c.stage.code == code)
    return [card.info.title for card in column.cards()]


def column_of(board: PipelineBoard, code: str):
    return next(c for c in board.columns if c.stage.code == code)


def saved_stage(client: Client, opp_id: int) -> str:
    return client.read(ops.get_opportunity, opp_id).stage_code


def drop_on(column, mime) -> None:
    """Deliver a drag-enter and a drop of ``mime`` to the column, as Qt does at the end of a
    drag (the QDrag's own event loop cannot run offscreen)."""
    centre = column.rect().center()
    enter = QDragEnterEvent(centre, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(column, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(centre), Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(column, drop)
    assert drop.isAccepted()


def test_board_shows_stages_in_order_with_counts_amounts_and_cards(qtbot, db, runner):
    staff = quick_staff(db)
    client = Client(db, staff.rep1)
    c = add_customer(client, "深圳华为电子科技有限公司")
    add_opportunity(client, c.id, "二期生产线改造", "120000", stage="proposal",
                    close=dt.date(2030, 5, 31))
    add_opportunity(client, c.id, "备件年度合同", "30000.50", stage="proposal")
    add_opportunity(client, c.id, "试用装", "800")

    board = open_board(qtbot, client, runner)

    assert [col.stage.code for col in board.columns] == ["initial", "needs", "proposal",
                                                          "negotiation", "won", "lost"]
    assert [col.name.text() for col in board.columns][:3] == ["Initial contact",
                                                              "Needs confirmed",
                                                              "Proposal / quote"]
    proposal = column_of(board, "proposal")
    assert proposal.summary.text() == "2 · ¥150,000.50"
    assert card_titles(board, "proposal") == ["二期生产线改造", "备件年度合同"]   # biggest first
    card = proposal.cards()[0]
    assert card.customer.text() == "深圳华为电子科技有限公司"
    assert card.amount.text() == "¥120,000"
    assert card.close_on.text() == "2030-05-31"
    assert card.owner.text() == "张伟"
    assert column_of(board, "initial").summary.text() == "1 · ¥800"
    assert column_of(board, "won").summary.text() == "0 · ¥0"


def test_drag_and_drop_changes_the_stage(qtbot, db, runner):
    staff = quick_staff(db)
    client = Client(db, staff.rep1)
    c = add_customer(client, "上海远航贸易有限公司")
    opp = add_opportunity(client, c.id, "冷库设备", "50000")
    board = open_board(qtbot, client, runner)
    changed = []
    board.opportunity_changed.connect(changed.append)

    mime = board.card(opp.id).mime_data()
    assert mime.hasFormat(MIME_TYPE)
    drop_on(column_of(board, "proposal"), mime)

    qtbot.waitUntil(lambda: saved_stage(client, opp.id) == "proposal", timeout=10000)
    qtbot.waitUntil(lambda: board.settled and card_titles(board, "proposal") == ["冷库设备"],
                    timeout=10000)
    assert card_titles(board, "initial") == []
    assert column_of(board, "proposal").summary.text() == "1 · ¥50,000"
    assert column_of(board, "initial").summary.text() == "0 · ¥0"
    assert [info.stage_code for info in changed] == ["proposal"]
    history = client.read(ops.stage_history, opp.id)
    assert [h.stage_code for h in history] == ["initial", "proposal"]
    assert history[0].left_at is not None and history[1].left_at is None


def test_dropping_on_its_own_column_is_refused(qtbot, rep_client, runner):
    c = add_customer(rep_client, "杭州西湖茶业有限公司")
    opp = add_opportunity(rep_client, c.id, "茶叶礼盒", "9000")
    board = open_board(qtbot, rep_client, runner)
    mime = board.card(opp.id).mime_data()
    own = column_of(board, "initial")
    enter = QDragEnterEvent(own.rect().center(), Qt.MoveAction, mime, Qt.LeftButton,
                            Qt.NoModifier)
    QApplication.sendEvent(own, enter)
    assert not enter.isAccepted()
    assert not board.drop(mime, own.stage.id)


def test_keyboard_moves_the_focused_card_one_stage(qtbot, rep_client, runner):
    c = add_customer(rep_client, "成都东方机械有限公司")
    opp = add_opportunity(rep_client, c.id, "数控机床", "260000", stage="needs")
    other = add_opportunity(rep_client, c.id, "刀具", "1000", stage="needs")
    board = open_board(qtbot, rep_client, runner)
    card = board.card(opp.id)
    card.setFocus()
    qtbot.waitUntil(card.hasFocus)

    qtbot.keyClick(card, Qt.Key_Right, Qt.ControlModifier)
    qtbot.waitUntil(lambda: saved_stage(rep_client, opp.id) == "proposal", timeout=10000)
    qtbot.waitUntil(lambda: board.settled and card_titles(board, "proposal") == ["数控机床"],
                    timeout=10000)
    # The moved card keeps the focus after the board reloaded; Alt+Left moves it back.
    qtbot.waitUntil(lambda: board.focused_card() is not None and
                    board.focused_card().info.id == opp.id, timeout=10000)
    qtbot.keyClick(board.focused_card(), Qt.Key_Left, Qt.AltModifier)
    qtbot.waitUntil(lambda: saved_stage(rep_client, opp.id) == "needs", timeout=10000)
    qtbot.waitUntil(lambda: board.settled and
                    card_titles(board, "needs") == ["数控机床", "刀具"], timeout=10000)
    assert saved_stage(rep_client, other.id) == "needs"

    # Plain arrows move the focus, not the card.
    focused = board.focused_card()
    qtbot.keyClick(focused, Qt.Key_Down)
    assert board.focused_card().info.id == other.id
    qtbot.keyClick(board.focused_card(), Qt.Key_Left)   # the initial column is empty
    assert board.focused_card().info.id == other.id
    assert saved_stage(rep_client, other.id) == "needs"


def test_moving_to_lost_asks_for_a_reason(qtbot, rep_client, runner):
    c = add_customer(rep_client, "广州宏达贸易有限公司")
    opp = add_opportunity(rep_client, c.id, "包装机", "45000", stage="negotiation")
    board = open_board(qtbot, rep_client, runner)
    lost = column_of(board, "lost")

    drop_on(lost, board.card(opp.id).mime_data())
    qtbot.waitUntil(lambda: board.lost_dialog is not None and board.lost_dialog.isVisible(),
                    timeout=5000)
    dialog = board.lost_dialog
    # Nothing moves while the question is open, and no reason means no OK.
    assert card_titles(board, "negotiation") == ["包装机"]
    assert not dialog.ok_button.isEnabled()
    dialog.buttons.button(QDialogButtonBox.Cancel).click()
    assert card_titles(board, "negotiation") == ["包装机"]
    assert saved_stage(rep_client, opp.id) == "negotiation"

    # Keyboard: Ctrl+Right twice reaches lost (won sits between); this time give a reason.
    card = board.card(opp.id)
    card.setFocus()
    board.move_by(card, 2)
    qtbot.waitUntil(lambda: board.lost_dialog is not dialog and board.lost_dialog.isVisible(),
                    timeout=5000)
    board.lost_dialog.reason.setCurrentText("价格太高")
    assert board.lost_dialog.ok_button.isEnabled()
    board.lost_dialog.ok_button.click()
    qtbot.waitUntil(lambda: saved_stage(rep_client, opp.id) == "lost", timeout=10000)
    info = rep_client.read(ops.get_opportunity, opp.id)
    assert (info.state, info.lost_reason, info.probability) == ("lost", "价格太高", 0)
    qtbot.waitUntil(lambda: board.settled and card_titles(board, "lost") == ["包装机"],
                    timeout=10000)


def test_a_failed_move_puts_the_card_back_and_says_why(qtbot, rep_client, runner,
                                                        sqlite_staff):
    c = add_customer(rep_client, "北京星辰软件有限公司")
    opp = add_opportunity(rep_client, c.id, "ERP 实施", "300000", stage="needs")
    board = open_board(qtbot, rep_client, runner)
    # Someone else saves the opportunity after the board loaded it: the card's version is
    # stale, so the move is refused.
    manager = Client(rep_client.db, sqlite_staff.manager)
    manager.write(ops.update_opportunity, opp.id,
                  OpportunityInput(customer_id=c.id, title="ERP 实施（一期）",
                                   amount=Decimal("280000")),
                  expected_version=opp.version_id)

    seen = []

    def failed(opportunity_id, exc):
        # Before the board reloads: where the card is and what the headers say.
        card = board.card(opportunity_id)
        seen.append((card.column.stage.code, card_titles(board, "proposal"),
                     column_of(board, "proposal").summary.text(),
                     column_of(board, "needs").summary.text(), type(exc).__name__))
    board.move_failed.connect(failed)

    drop_on(column_of(board, "proposal"), board.card(opp.id).mime_data())
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen == [("needs", [], "0 · ¥0", "1 · ¥300,000", "Conflict")]
    assert board.error_box.isVisible()
    assert "Someone else changed this record" in board.error_box.text()
    assert board.status.text() == board.error_box.text()
    assert saved_stage(rep_client, opp.id) == "needs"
    board.error_box.close()
    # The board reloads after the failure, so the next try uses the saved version.
    qtbot.waitUntil(lambda: board.settled and
                    board.card(opp.id).info.title == "ERP 实施（一期）", timeout=10000)
    drop_on(column_of(board, "proposal"), board.card(opp.id).mime_data())
    qtbot.waitUntil(lambda: saved_stage(rep_client, opp.id) == "proposal", timeout=10000)


def test_filters_owner_close_period_and_scope(qtbot, staffed_db, sqlite_staff, runner):
    rep1 = Client(staffed_db, sqlite_staff.rep1)
    rep2 = Client(staffed_db, sqlite_staff.rep2)
    manager = Client(staffed_db, sqlite_staff.manager)
    today = dt.date.today()
    a = add_customer(rep1, "深圳腾飞电子有限公司")
    b = add_customer(rep2, "上海东方科技有限公司")
    add_opportunity(rep1, a.id, "本月成交", "1000", close=today)
    add_opportunity(rep1, a.id, "明年再说", "2000", close=today.replace(year=today.year + 1))
    add_opportunity(rep2, b.id, "李娜的单", "3000", close=today)

    board = open_board(qtbot, manager, runner)
    assert board.scope.currentData() == "team"
    assert sorted(card_titles(board, "initial")) == ["明年再说", "本月成交", "李娜的单"]

    board.period.setCurrentIndex(board.period.findData("this_month"))
    qtbot.waitUntil(lambda: board.settled and
                    sorted(card_titles(board, "initial")) == ["本月成交", "李娜的单"],
                    timeout=10000)
    qtbot.waitUntil(lambda: board.owner.findData(sqlite_staff.rep2.user_id) >= 0, timeout=5000)
    board.owner.setCurrentIndex(board.owner.findData(sqlite_staff.rep2.user_id))
    qtbot.waitUntil(lambda: board.settled and card_titles(board, "initial") == ["李娜的单"],
                    timeout=10000)
    board.scope.setCurrentIndex(board.scope.findData("mine"))
    qtbot.waitUntil(lambda: board.settled and card_titles(board, "initial") == [],
                    timeout=10000)

    rep_board = open_board(qtbot, rep1, runner)
    assert rep_board.scope.currentData() == "mine"
    assert sorted(card_titles(rep_board, "initial")) == ["明年再说", "本月成交"]


def test_cards_are_widgets_that_take_the_focus(qtbot, rep_client, runner):
    c = add_customer(rep_client, "深圳新源电子有限公司")
    opp = add_opportunity(rep_client, c.id, "传感器", "1200")
    board = open_board(qtbot, rep_client, runner)
    card = board.card(opp.id)
    assert isinstance(card, OpportunityCard)
    assert card.focusPolicy() & Qt.TabFocus
    qtbot.mouseClick(card, Qt.LeftButton, pos=QPoint(10, 10))
    assert card.hasFocus()


def test_enter_opens_the_opportunity_and_the_form_leads_to_the_customer(qtbot, rep_client,
                                                                        runner):
    c = add_customer(rep_client, "青岛蓝海化工有限公司")
    opp = add_opportunity(rep_client, c.id, "财务共享中心", "540000", stage="negotiation")
    board = open_board(qtbot, rep_client, runner)
    opened = []
    board.open_customer.connect(opened.append)
    card = board.card(opp.id)
    card.setFocus()
    qtbot.keyClick(card, Qt.Key_Return)
    form = board.form
    qtbot.waitUntil(lambda: form is not None and not form.busy, timeout=10000)
    assert (form.title.text(), form.stage.currentText(), form.probability.value()) == (
        "财务共享中心", "Negotiation", 70)
    qtbot.mouseClick(form.open_customer_button, Qt.LeftButton)
    assert opened == [c.id]
    # An edit saved in the form shows on the board.
    form.title.setText("财务共享中心（二期）")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: board.settled and
                    card_titles(board, "negotiation") == ["财务共享中心（二期）"], timeout=10000)
