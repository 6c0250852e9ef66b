"""The main window on a real SQLite database: navigation, tabs, status bar, shortcuts,
the busy indicator and the offscreen screenshot."""
from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QApplication

from app.client import Client
from app.gui import run_client
from app.settings import Settings
from tests.ui.conftest import actor
from ui.main_window import (NAV_CUSTOMERS, NAV_FUNNEL, NAV_IMPORT, NAV_POOL,
                            NAV_SALES_SETTINGS, NAV_SETTINGS, NAV_TODAY, MainWindow)


def _window(qtbot, client, runner, *, auto_sweep: bool = False) -> MainWindow:
    # The automatic pool sweep has its own test; elsewhere it would hand the seeded
    # customers (not followed up since 2024) back to the pool while the lists load.
    window = MainWindow(client, runner, Settings(), auto_sweep=auto_sweep)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.customers.model.is_loading, timeout=20000)
    return window


def _click_nav(qtbot, window, row: int) -> None:
    item = window.nav.item(row)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav.visualItemRect(item).center())


def test_status_bar_title_and_navigation(qtbot, runner, small_db):
    client = Client(small_db, actor(small_db, "manager"))
    window = _window(qtbot, client, runner)
    assert window.windowTitle() == "千里 Qianli CRM"
    assert window.user_label.text() == "王经理 (Sales manager)"
    assert window.db_label.text() == "SQLite qianli.sqlite3"
    assert window.db_label.toolTip() == client.database_label   # the full path
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Customers", "Today", "Public pool", "Leads", "Pipeline board", "Funnel", "Forecast",
        "Targets", "Performance", "Orders", "Warehouse", "Stock inquiry", "Stock reports",
        "Products", "Suppliers", "Warehouses", "Import", "Sales settings", "Settings"]
    # Sales staff start on Today, the tab beside the customer list.
    assert window.tabs.currentWidget() is window.pages["today"]
    assert window.nav.currentRow() == NAV_TODAY
    assert [m.title() for m in (window.menu_file, window.menu_customers, window.menu_view,
                                window.menu_help)] == ["&File", "&Customers", "&View", "&Help"]

    _click_nav(qtbot, window, NAV_POOL)
    assert window.tabs.currentWidget() is window.pool
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Public pool"
    assert window.pool.model.filter.scope == "pool"
    # The pool's own scope box offers the pool and, to release, the user's own customers.
    assert [window.pool.scope.itemData(i) for i in range(window.pool.scope.count())] == [
        "mine", "team", "pool"]
    qtbot.waitUntil(lambda: not window.pool.model.is_loading, timeout=20000)
    pool_rows = [window.pool.model.row_at(i) for i in range(window.pool.model.rowCount())]
    assert pool_rows and all(r.owner_id is None for r in pool_rows)
    # The list tabs cannot be closed; the nav highlight follows the tab.
    assert [window.tabs.widget(i) for i in range(3)] == [window.customers,
                                                         window.pages["today"], window.pool]
    count = window.tabs.count()
    window.close_tab(window.tabs.indexOf(window.customers))
    assert window.tabs.indexOf(window.customers) == 0 and window.tabs.count() == count
    window.show_customers()
    assert window.nav.currentRow() == NAV_CUSTOMERS
    # Report screens open on demand, once; the highlight follows them too.
    _click_nav(qtbot, window, NAV_FUNNEL)
    funnel = window.pages["funnel"]
    assert window.tabs.currentWidget() is funnel and window.nav.currentRow() == NAV_FUNNEL
    window.show_customers()
    window.show_page("funnel")
    assert window.pages["funnel"] is funnel and window.tabs.count() == count + 1
    # Every sales screen builds (the other modules' screens too) and can open a customer.
    from ui.main_window import PAGES
    for key in PAGES:
        page = window.show_page(key)
        assert page is not None and window.nav.currentRow() == PAGES[key]
        assert key in ("forecast", "targets", "performance") or hasattr(page, "open_customer")
    # Sales settings: a tab for managers and admins, opened from its navigation entry.
    from ui.pipeline.sales_settings import SalesSettingsWidget
    _click_nav(qtbot, window, NAV_SALES_SETTINGS)
    assert isinstance(window.pages["sales_settings"], SalesSettingsWidget)
    assert window.tabs.currentWidget() is window.pages["sales_settings"]
    assert window.nav.currentRow() == NAV_SALES_SETTINGS
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)


def test_shortcuts(qtbot, runner, small_db):
    client = Client(small_db, actor(small_db, "rep1"))
    window = _window(qtbot, client, runner)
    assert window.nav.item(NAV_SALES_SETTINGS).isHidden()   # managers and admins only
    assert window.act_find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.act_import.shortcut() == QKeySequence("Ctrl+I")
    assert window.act_pool.shortcut() == QKeySequence("Ctrl+2")
    window.activateWindow()
    window.customers.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.pool
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.pool.search     # Find searches this list
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.customers
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.customers.search


def test_busy_indicator_follows_the_runner(qtbot, runner, small_db):
    client = Client(small_db, actor(small_db, "admin"))
    window = _window(qtbot, client, runner)
    assert window.busy.isHidden()
    release = threading.Event()
    runner.submit(release.wait, 30)
    assert window.busy.isVisible()
    release.set()
    qtbot.waitUntil(window.busy.isHidden, timeout=20000)


def test_a_customer_opens_in_one_tab_and_is_reactivated(qtbot, runner, small_db):
    client = Client(small_db, actor(small_db, "admin"))
    window = _window(qtbot, client, runner)
    model = window.customers.model
    first, second = model.row_at(0), model.row_at(1)
    tab = window.open_customer(first.id)
    assert window.tabs.currentWidget() is tab
    assert window.tabs.tabToolTip(window.tabs.currentIndex()) == first.name
    window.open_customer(second.id)
    count = window.tabs.count()
    assert window.open_customer(first.id) is tab
    assert window.tabs.count() == count and window.tabs.currentWidget() is tab
    assert window.nav.currentRow() == -1
    window.close_current_tab()
    assert window.tabs.count() == count - 1 and first.id not in window._customer_tabs
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)


def test_a_tab_whose_customer_was_merged_away_follows_the_kept_customer(qtbot, runner,
                                                                         small_db):
    from services import customers
    client = Client(small_db, actor(small_db, "admin"))
    window = _window(qtbot, client, runner)
    model = window.customers.model
    merged, kept, other = model.row_at(0), model.row_at(1), model.row_at(2)
    tab = window.open_customer(merged.id)
    window.open_customer(other.id)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)
    # The form's duplicate dialog merged this customer into ``kept``; the form says so.
    client.write(customers.merge_customers, keep_id=kept.id, merge_id=merged.id)
    tab.open_form()
    tab.form_dialog.saved.emit(kept.id)
    tab.form_dialog.close()
    assert merged.id not in window._customer_tabs
    assert window._customer_tabs[kept.id] is tab
    assert window.open_customer(kept.id) is tab          # no second tab for the kept one
    # When the kept customer already had a tab, the merged view's tab closes.
    window.close_current_tab()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)
    second = window.open_customer(other.id)
    keep_tab = window.open_customer(kept.id)
    client.write(customers.merge_customers, keep_id=kept.id, merge_id=other.id)
    count = window.tabs.count()
    second.open_form()
    second.form_dialog.saved.emit(kept.id)
    second.form_dialog.close()
    assert window.tabs.count() == count - 1
    assert window._customer_tabs == {kept.id: keep_tab}
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)


def test_import_and_settings_open_their_dialogs(qtbot, runner, small_db):
    from ui.customers.import_wizard import ImportWizard
    from ui.settings_dialog import SettingsDialog
    client = Client(small_db, actor(small_db, "admin"))
    window = _window(qtbot, client, runner)
    _click_nav(qtbot, window, NAV_IMPORT)
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    wizard.reject()
    assert window.nav.currentRow() == NAV_CUSTOMERS   # the highlight stays on the open tab
    _click_nav(qtbot, window, NAV_SETTINGS)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_screenshot_renders_the_loaded_list_offscreen(qtbot, small_db, tmp_path):
    client = Client(small_db, actor(small_db, "admin"), Settings(language="en"))
    target = tmp_path / "shot.png"
    assert run_client(client=client, screenshot=target) == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 760)
    # the window is not blank: many distinct colours (text, grid, header)
    colours = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, 760, 7)}
    assert len(colours) > 20


def test_closing_a_list_tab_while_it_loads_drops_its_results(qtbot, runner, small_db):
    import shiboken6
    client = Client(small_db, actor(small_db, "admin"))
    window = _window(qtbot, client, runner)
    window.show_pool()
    pool = window.pool
    assert pool.model.is_loading
    window.close_tab(window.tabs.indexOf(pool))
    qtbot.waitUntil(lambda: not shiboken6.isValid(pool), timeout=20000)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)   # delivered and dropped
    assert window.pool is None and window.tabs.count() == 1


def test_run_client_logs_in_first_then_renders_the_window(qtbot, small_db, tmp_path):
    from PySide6.QtCore import QTimer
    from sqlalchemy.engine import make_url

    from app.settings import ConnectionProfile
    from ui.login import LoginDialog
    profile = ConnectionProfile(kind="local", path=make_url(small_db.url).database)
    settings = Settings(profiles=[profile], language="en")
    seen = []

    def log_in():
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, LoginDialog) and w.isVisible()]
        if not dialogs:                  # exec() has not shown it yet: look again soon
            QTimer.singleShot(10, log_in)
            return
        seen.append(dialogs[0])
        dialogs[0].user.setText("rep1")
        dialogs[0].password.setText("secret123")
        dialogs[0].submit()

    QTimer.singleShot(0, log_in)
    target = tmp_path / "after-login.png"
    assert run_client(settings=settings, screenshot=target) == 0
    assert seen and QImage(str(target)).width() == 1280
    assert Settings.load().last_login == "rep1"


def test_uncaught_exceptions_are_logged_and_shown_in_a_dialog(qtbot):
    import sys

    from PySide6.QtCore import QTimer

    from app.gui import install_excepthook
    from app.logging_setup import setup_logging
    from ui.errors import ExceptionDialog
    log_file = setup_logging()
    shown = []

    def close_dialog():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, close_dialog)
            return
        shown.append((type(dialog), dialog.details))
        dialog.reject()

    previous = install_excepthook(log_file)
    try:
        QTimer.singleShot(0, close_dialog)
        try:
            raise RuntimeError("printer on fire")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert shown and shown[0][0] is ExceptionDialog and "printer on fire" in shown[0][1]
    assert "printer on fire" in log_file.read_text(encoding="utf-8")


def test_the_pool_sweep_runs_at_login_and_then_hourly(qtbot, runner, small_db):
    from services.customer_search import CustomerFilter, count_customers
    from ui.main_window import SWEEP_INTERVAL_MS
    admin = actor(small_db, "admin")

    def owned() -> int:
        return small_db.read(lambda s: count_customers(s, admin, CustomerFilter(scope="all"))
                             - count_customers(s, admin, CustomerFilter(scope="pool")))

    before = owned()
    assert before > 0          # seeded owners last followed up in 2024: all overdue
    client = Client(small_db, actor(small_db, "rep1"))
    window = _window(qtbot, client, runner, auto_sweep=True)
    qtbot.waitUntil(lambda: owned() == 0, timeout=20000)
    qtbot.waitUntil(lambda: "returned to the public pool" in window.statusBar().currentMessage(),
                    timeout=20000)
    assert window.statusBar().currentMessage() == (
        f"{before} customers returned to the public pool.")
    assert window.sweep_timer.isActive() and window.sweep_timer.interval() == SWEEP_INTERVAL_MS
    # The next client within the hour finds the sweep done and does nothing.
    other = _window(qtbot, Client(small_db, admin), runner, auto_sweep=True)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)
    assert other.statusBar().currentMessage() == ""


def test_staff_outside_sales_see_no_sales_screens(qtbot, runner, small_db):
    client = Client(small_db, actor(small_db, "warehouse"))
    window = _window(qtbot, client, runner)
    visible = [window.nav.item(i).text() for i in range(window.nav.count())
               if not window.nav.item(i).isHidden()]
    assert visible == ["Customers", "Public pool", "Warehouse", "Stock inquiry", "Stock reports",
                       "Products", "Suppliers", "Warehouses", "Import", "Settings"]
    # a warehouse clerk starts on the warehouse page, and no sales screen is open
    assert window.tabs.currentWidget() is window.pages["warehouse"]
    assert list(window.pages) == ["warehouse"]
    assert not window.page_actions["funnel"].isVisible()
