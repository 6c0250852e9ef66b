"""The windowed customer list on a real SQLite file with 3,000 customers."""
from __future__ import annotations

import datetime as dt
import os
import time

import openpyxl
import pytest
from PySide6.QtCore import Qt

from app.client import Client
from tests.ui.conftest import BIG_LIST, actor, customer_name
from ui.customers.list_model import COLUMN_OF, PLACEHOLDER, CustomerListModel, local_time_text
from ui.customers.list_view import CustomerListWidget


def _list(qtbot, client, runner, **kwargs) -> CustomerListWidget:
    widget = CustomerListWidget(client, runner, **kwargs)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    _settle(qtbot, widget)
    return widget


def _settle(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: not widget.model.is_loading, timeout=20000)


def _rows(widget):
    m = widget.model
    return [m.row_at(i) for i in range(min(m.rowCount(), m.PAGE_SIZE))]


def test_list_opens_with_count_and_first_page_only(qtbot, runner, admin_client):
    w = _list(qtbot, admin_client, runner)
    m = w.model
    assert m.rowCount() == BIG_LIST and not m.capped
    assert w.count_label.text() == "3,000 customers"
    assert m.cached_pages == 1                    # never everything
    assert m.row_at(0).code == "C-000001"
    assert m.index(0, COLUMN_OF["name"]).data() == customer_name(1)
    assert w.problem_box.isHidden()


def test_typing_searches_after_a_pause(qtbot, runner, admin_client):
    w = _list(qtbot, admin_client, runner)
    with qtbot.waitSignal(w.model.reloaded, timeout=20000):
        qtbot.keyClicks(w.search, "pacific")
        assert w.model.filter.text == ""          # debounced: nothing asked yet
    _settle(qtbot, w)
    expected = [i for i in range(1, BIG_LIST + 1) if "Pacific" in customer_name(i)]
    assert w.model.rowCount() == len(expected)
    assert all("Pacific" in r.name for r in _rows(w))
    assert w.count_label.text() == f"{len(expected):,} customers"


def test_chinese_two_character_search(qtbot, runner, admin_client):
    w = _list(qtbot, admin_client, runner)
    # An input method commits the whole word at once.
    with qtbot.waitSignal(w.model.reloaded, timeout=20000):
        w.search.setText("华为")
    _settle(qtbot, w)
    expected = [i for i in range(1, BIG_LIST + 1) if "华为" in customer_name(i)]
    assert w.model.rowCount() == len(expected) > 0
    assert all("华为" in r.name for r in _rows(w))


def test_a_newer_search_drops_the_older_result(qtbot, runner, admin_client):
    w = _list(qtbot, admin_client, runner)
    shown = []
    w.model.reloaded.connect(lambda: shown.append(w.model.rowCount()))
    w.search.setText("华为")
    w.apply_filters()
    w.search.setText("Northwind")
    w.apply_filters()
    _settle(qtbot, w)
    runner.wait_idle()
    qtbot.waitUntil(lambda: runner.pending == 0)
    expected = sum(1 for i in range(1, BIG_LIST + 1) if "Northwind" in customer_name(i))
    assert shown == [expected]                    # the 华为 result never reached the view
    assert all("Northwind" in r.name for r in _rows(w))


def test_search_by_phone_digits_and_code(qtbot, runner, admin_client):
    w = _list(qtbot, admin_client, runner)
    for text, code in (("13800001234", "C-001234"), ("C-002999", "C-002999")):
        w.search.setText(text)
        w.apply_filters()
        _settle(qtbot, w)
        assert [r.code for r in _rows(w)] == [code]


def test_scope_level_and_region_filters(qtbot, runner, big_db):
    manager = Client(big_db, actor(big_db, "manager"))
    w = _list(qtbot, manager, runner)
    # Owners cycle rep1, rep2, manager, rep3, pool by i % 5 (East team: rep1, rep2, manager).
    assert w.model.filter.scope == "team"

    def counts_for(scope):
        w.scope.setCurrentIndex(w.scope.findData(scope))
        _settle(qtbot, w)
        return w.model.rowCount()

    assert counts_for("mine") == BIG_LIST // 5
    assert all(r.owner_id == manager.actor.user_id for r in _rows(w))
    assert counts_for("pool") == BIG_LIST // 5
    assert all(r.owner_id is None and r.owner_name is None for r in _rows(w))
    assert w.model.index(0, COLUMN_OF["owner_name"]).data() == "Public pool"
    team = counts_for("team")
    assert team == 3 * BIG_LIST // 5
    assert counts_for("all") == team + BIG_LIST // 5          # plus the pool, never rep3's

    w.level.setCurrentIndex(w.level.findData("A"))
    _settle(qtbot, w)
    assert {r.level for r in _rows(w)} == {"A"}
    w.region.setEditText("华南")
    w.region.lineEdit().editingFinished.emit()
    _settle(qtbot, w)
    rows = _rows(w)
    assert rows and {(r.level, r.region) for r in rows} == {("A", "华南")}


def test_header_click_sorts_and_toggles(qtbot, runner, admin_client):
    w = _list(qtbot, admin_client, runner)
    header = w.table.horizontalHeader()
    name_col = COLUMN_OF["name"]
    with qtbot.waitSignal(w.model.reloaded, timeout=20000):
        header.sectionClicked.emit(name_col)
    names = [r.name for r in _rows(w)]
    assert names == sorted(names) and names[0] != customer_name(1)
    assert header.sortIndicatorSection() == name_col
    with qtbot.waitSignal(w.model.reloaded, timeout=20000):
        header.sectionClicked.emit(name_col)
    names_desc = [r.name for r in _rows(w)]
    assert names_desc == sorted(names_desc, reverse=True)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # A column the list cannot sort by leaves the order as it is.
    header.sectionClicked.emit(COLUMN_OF["phone"])
    assert header.sortIndicatorSection() == name_col and not w.model.is_loading


def test_scrolling_far_loads_rows_there_and_keeps_the_cache_bounded(qtbot, runner,
                                                                    admin_client, monkeypatch):
    monkeypatch.setattr(CustomerListModel, "MAX_PAGES", 3)
    w = _list(qtbot, admin_client, runner)
    m = w.model
    last = m.index(BIG_LIST - 1, COLUMN_OF["code"])
    w.table.scrollToBottom()
    assert last.data() == PLACEHOLDER                  # not loaded yet: a placeholder
    qtbot.waitUntil(lambda: last.data() == f"C-{BIG_LIST:06d}", timeout=20000)
    for target in (1500, 2400, 700, 1):               # jump around: seek + keyset
        w.table.scrollTo(m.index(target, 0))
        qtbot.waitUntil(lambda t=target: m.index(t, 0).data() == f"C-{t + 1:06d}",
                        timeout=20000)
        assert m.cached_pages <= 3
    # The row after a loaded page continues the keyset from there.
    w.table.scrollTo(m.index(1000, 0))
    qtbot.waitUntil(lambda: m.index(1000, 0).data() == "C-001001", timeout=20000)


def test_a_huge_result_shows_a_capped_count_that_grows_at_the_end(qtbot, runner,
                                                                 admin_client, monkeypatch):
    monkeypatch.setattr(CustomerListModel, "COUNT_CAP", 1000)
    w = _list(qtbot, admin_client, runner)
    assert w.model.rowCount() == 1000 and w.model.capped
    assert w.count_label.text() == "1,000+ customers"
    with qtbot.waitSignal(w.model.count_changed, timeout=20000):
        w.table.scrollToBottom()
    _settle(qtbot, w)
    assert w.model.rowCount() == BIG_LIST and not w.model.capped
    assert w.count_label.text() == "3,000 customers"


def test_double_click_and_enter_open_the_customer(qtbot, runner, admin_client):
    w = _list(qtbot, admin_client, runner)
    m = w.model
    index = m.index(0, COLUMN_OF["name"])
    rect = w.table.visualRect(index)
    with qtbot.waitSignal(w.open_customer) as opened:
        # a real double click: press/release, then the second press arrives as a double click
        qtbot.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [m.row_at(0).id]
    w.table.setFocus()
    w.table.setCurrentIndex(m.index(2, 0))
    with qtbot.waitSignal(w.open_customer) as opened:
        qtbot.keyClick(w.table, Qt.Key.Key_Return)
    assert opened.args == [m.row_at(2).id]


def test_export_writes_the_filtered_list_to_xlsx(qtbot, runner, admin_client, tmp_path):
    w = _list(qtbot, admin_client, runner)
    w.level.setCurrentIndex(w.level.findData("B"))
    _settle(qtbot, w)
    target = tmp_path / "客户.xlsx"
    with qtbot.waitSignal(w.export_finished, timeout=60000):
        w.export_to(target)
    ws = openpyxl.load_workbook(target, read_only=True).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:2] == ("Code", "Name")
    assert len(rows) - 1 == w.model.rowCount() == BIG_LIST // 4
    assert {r[3] for r in rows[1:]} == {"B"}


def test_cancelled_export_leaves_no_file(qtbot, runner, admin_client, tmp_path):
    w = _list(qtbot, admin_client, runner)
    target = tmp_path / "all.xlsx"
    # Press Cancel as soon as the progress dialog exists; the service stops at its first
    # progress report and removes what it wrote.
    w.export_started.connect(w.cancel_export)
    with qtbot.waitSignal(w.export_cancelled, timeout=60000):
        w.export_to(target)
    assert not target.exists()
    assert list(tmp_path.glob("*.tmp")) == []


@pytest.fixture
def shanghai_time():
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_times_show_in_local_time(qtbot, runner, admin_client, shanghai_time):
    assert local_time_text(dt.datetime(2024, 1, 1, 8, 0, tzinfo=dt.timezone.utc)) == \
        "2024-01-01 16:00"
    w = _list(qtbot, admin_client, runner)
    # C-000001 was followed up at 2024-01-01 09:00 UTC = 17:00 in Shanghai.
    assert w.model.index(0, COLUMN_OF["last_follow_up_at"]).data() == "2024-01-01 17:00"


def test_new_customer_saved_in_the_form_is_listed_and_opened(qtbot, runner, small_db):
    from ui.customers.form import CustomerFormDialog
    w = _list(qtbot, Client(small_db, actor(small_db, "rep1")), runner)
    before = w.model.rowCount()
    qtbot.mouseClick(w.new_button, Qt.MouseButton.LeftButton)
    dialog = w.findChild(CustomerFormDialog)
    assert dialog is not None and dialog.isVisible() and dialog.customer_id is None
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=20000)
    dialog.name.setText("苏州千里测试贸易有限公司")
    dialog.phone.setText("0512-6688 1234")
    with qtbot.waitSignal(w.open_customer, timeout=20000) as opened:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, w)
    assert w.model.rowCount() == before + 1          # the list reloaded with the new row
    w.search.setText("千里测试")
    w.apply_filters()
    _settle(qtbot, w)
    assert [r.id for r in _rows(w)] == opened.args


def test_every_row_shows_once_in_order_on_both_databases(qtbot, runner, db, staff,
                                                         monkeypatch):
    """Keyset pages and far jumps (seek) agree: sorted by last follow-up (with empty ones),
    descending, each customer appears exactly once whichever way the pages were fetched."""
    from tests.ui.conftest import seed_customers
    monkeypatch.setattr(CustomerListModel, "PAGE_SIZE", 50)
    monkeypatch.setattr(CustomerListModel, "MAX_PAGES", 4)
    seed_customers(db, 420, [staff.rep1.user_id, None])
    w = _list(qtbot, Client(db, staff.admin), runner)
    col = COLUMN_OF["last_follow_up_at"]
    with qtbot.waitSignal(w.model.reloaded, timeout=20000):
        w.table.horizontalHeader().sectionClicked.emit(col)
    with qtbot.waitSignal(w.model.reloaded, timeout=20000):
        w.table.horizontalHeader().sectionClicked.emit(col)    # now descending
    m = w.model
    assert m.rowCount() == 420
    seen = {}
    for row in (400, 0, 250, 100, 350, 50, 300, 150, 200):    # far jumps, then neighbours
        for r in range(row, min(row + 50, 420)):
            w.table.scrollTo(m.index(r, 0))
            qtbot.waitUntil(lambda r=r: m.row_at(r) is not None, timeout=20000)
            seen[r] = m.row_at(r)
        assert m.cached_pages <= 4
    assert len(seen) == 420
    assert len({c.id for c in seen.values()}) == 420          # no customer twice
    stamps = [seen[r].last_follow_up_at for r in range(420)]
    dated = [s for s in stamps if s is not None]
    assert dated == sorted(dated, reverse=True) and len(dated) == 280


def test_finance_staff_choose_between_all_customers_and_the_pool(qtbot, runner, small_db):
    w = _list(qtbot, Client(small_db, actor(small_db, "finance")), runner)
    assert [w.scope.itemData(i) for i in range(w.scope.count())] == ["pool", "all"]
    assert w.scope.currentText() == "All I can see" and w.model.rowCount() == 60
    assert w.new_button.isHidden()                 # finance reads customers, never edits
