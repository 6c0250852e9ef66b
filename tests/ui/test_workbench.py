"""The Today workbench on a real SQLite database: overdue and due follow-ups and an
opportunity closing this month show up; the one-click actions open the customer's 360° view
(with the follow-up entry focused for "Log follow-up")."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.client import Client
from app.settings import Settings
from services import customers
from tests.helpers.org import make_staff
from tests.helpers.pipeline import make_customer, make_opportunity
from ui.main_window import MainWindow
from ui.workbench import WorkbenchWidget


def _seed(db, staff, today: dt.date):
    """rep1: 深圳华星 (next follow-up planned for today+1) and 广州宏达 (today+3); rep2:
    上海远航 (today+1). Seen on today+2 the first and third are overdue; on today+3 the
    second is due."""
    a = make_customer(db, staff.rep1, "深圳华星电子有限公司")
    b = make_customer(db, staff.rep1, "广州宏达机械有限公司")
    c = make_customer(db, staff.rep2, "上海远航贸易有限公司")
    for customer, actor, days, notes in ((a, staff.rep1, 1, "电话沟通了报价"),
                                         (b, staff.rep1, 3, "拜访客户"),
                                         (c, staff.rep2, 1, "微信确认交付时间")):
        db.write(lambda s, cu=customer, ac=actor, d=days, n=notes: customers.log_follow_up(
            s, ac, cu.id, kind="call", notes=n, next_follow_up_on=today + dt.timedelta(days=d)))
    return a, b, c


def _workbench(qtbot, runner, db, actor, day: dt.date) -> WorkbenchWidget:
    widget = WorkbenchWidget(Client(db, actor), runner, today=day)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitUntil(lambda: widget.data is not None, timeout=20000)
    return widget


def _names(widget: WorkbenchWidget, section: str, column: int = 1) -> list[str]:
    table = widget.sections[section].table
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_the_workbench_shows_what_is_due(qtbot, runner, sqlite_db):
    staff = make_staff(sqlite_db)
    today = dt.date.today()
    a, b, c = _seed(sqlite_db, staff, today)
    # Look from the day after tomorrow, in a month where the close date falls too.
    day = today + dt.timedelta(days=2)
    closing = make_opportunity(sqlite_db, staff.rep1, a.id, title="ERP 升级项目",
                               amount="250000", expected_close_on=day)

    mine = _workbench(qtbot, runner, sqlite_db, staff.rep1, day)
    assert _names(mine, "overdue") == ["深圳华星电子有限公司"]
    assert mine.sections["overdue"].table.item(0, 0).text() == (
        f"{(today + dt.timedelta(days=1)).isoformat()} (1 d late)")
    assert _names(mine, "due") == []
    assert mine.sections["due"].empty.isVisibleTo(mine)
    assert _names(mine, "closing", 2) == ["ERP 升级项目"]
    assert mine.sections["closing"].table.item(0, 3).text() == "250,000.00"
    assert mine.sections["overdue"].count.text() == "1"

    # The manager sees the team: rep2's overdue customer too.
    team = _workbench(qtbot, runner, sqlite_db, staff.manager, day)
    assert sorted(_names(team, "overdue")) == ["上海远航贸易有限公司", "深圳华星电子有限公司"]
    assert not team.sections["overdue"].table.isColumnHidden(3)     # the owner column

    # A day later 广州宏达 is due today.
    later = _workbench(qtbot, runner, sqlite_db, staff.rep1, today + dt.timedelta(days=3))
    assert _names(later, "due") == ["广州宏达机械有限公司"]
    assert closing.id and later.summary.text().startswith("1 overdue · 1 due today")

    # One click on a row's button asks for the customer.
    with qtbot.waitSignal(mine.open_customer, timeout=5000) as opened:
        qtbot.mouseClick(mine.action_button("overdue", 0, "open_customer"),
                         Qt.MouseButton.LeftButton)
    assert opened.args == [a.id]
    with qtbot.waitSignal(mine.log_follow_up, timeout=5000) as logged:
        qtbot.mouseClick(mine.action_button("closing", 0, "log_follow_up"),
                         Qt.MouseButton.LeftButton)
    assert logged.args == [a.id]


def test_log_follow_up_opens_the_360_with_the_entry_focused(qtbot, runner, sqlite_db):
    from ui.customers.detail import Customer360Widget
    staff = make_staff(sqlite_db)
    today = dt.date.today()
    a, _b, _c = _seed(sqlite_db, staff, today)
    client = Client(sqlite_db, staff.rep1)
    window = MainWindow(client, runner, Settings(), auto_sweep=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    workbench = window.pages["today"]                 # a rep starts on Today
    assert window.tabs.currentWidget() is workbench
    workbench.fixed_today = today + dt.timedelta(days=2)
    with qtbot.waitSignal(workbench.loaded, timeout=20000):
        workbench.refresh()
    qtbot.mouseClick(workbench.action_button("overdue", 0, "log_follow_up"),
                     Qt.MouseButton.LeftButton)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, Customer360Widget) and tab.customer_id == a.id
    qtbot.waitUntil(lambda: tab.data is not None, timeout=20000)
    assert tab.focusWidget() is tab.follow_up.notes or window.focusWidget() is \
        tab.follow_up.notes

    # Logging the follow-up there takes the customer off the overdue list.
    tab.follow_up.notes.setPlainText("再次电话跟进，客户同意下周签约")
    with qtbot.waitSignal(workbench.loaded, timeout=20000):
        tab.follow_up.save()
    assert _names(workbench, "overdue") == []
    # "Open" on the same customer re-activates its tab.
    window.show_page("today")
    window.open_customer(a.id)
    assert window.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)
