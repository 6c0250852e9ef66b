"""The main window: navigation on the left, work in tabs on the right (Today, the customer
list, the public pool, leads, the pipeline board and reports, one 360° view per opened
customer), menus with shortcuts, and a status bar with the user, the database and a busy
indicator. Screens other than the customer list are built when first opened; sales staff
start on Today. The client also runs the public-pool return sweep: at login and hourly
(services.pool.sweep_due runs it at most once an hour across all clients)."""
from __future__ import annotations

import logging
from pathlib import PurePath

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QFrame, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QMessageBox, QProgressBar, QSplitter, QTabWidget, QWidget)

from ui import errors
from ui.customers.list_view import CustomerListWidget

log = logging.getLogger(__name__)

(NAV_CUSTOMERS, NAV_TODAY, NAV_POOL, NAV_LEADS, NAV_BOARD, NAV_FUNNEL, NAV_FORECAST,
 NAV_TARGETS, NAV_PERFORMANCE, NAV_ORDERS, NAV_WAREHOUSE, NAV_INQUIRY, NAV_STOCK_REPORTS,
 NAV_PRODUCTS, NAV_SUPPLIERS, NAV_WAREHOUSES, NAV_IMPORT,
 NAV_SALES_SETTINGS, NAV_SETTINGS) = range(19)
# Screens opened as tabs on demand: key → navigation row.
PAGES = {"today": NAV_TODAY, "leads": NAV_LEADS, "board": NAV_BOARD, "funnel": NAV_FUNNEL,
         "forecast": NAV_FORECAST, "targets": NAV_TARGETS, "performance": NAV_PERFORMANCE}
# Tab screens for sales managers and administrators only (no View-menu shortcut).
MANAGER_PAGES = {"sales_settings": NAV_SALES_SETTINGS}
MANAGER_ROLES = ("sales_manager", "admin")
# Order and warehouse screens (issue 4), each for the roles that work with it.
STOCK_PAGES = {"orders": NAV_ORDERS, "warehouse": NAV_WAREHOUSE, "inquiry": NAV_INQUIRY,
               "stock_reports": NAV_STOCK_REPORTS}
STOCK_PAGE_ROLES = {"orders": ("sales", "sales_manager", "finance", "admin"),
                    "warehouse": ("warehouse", "admin"),
                    "inquiry": ("sales", "sales_manager", "warehouse", "finance", "admin"),
                    "stock_reports": ("sales_manager", "warehouse", "finance", "admin")}
# Catalog (issue 4): everyone reads products; warehouse staff and admins keep
# suppliers and warehouses (ui/catalog).
CATALOG_PAGES = {"products": NAV_PRODUCTS, "suppliers": NAV_SUPPLIERS,
                 "warehouses": NAV_WAREHOUSES}
CATALOG_EDITOR_PAGES = ("suppliers", "warehouses")
NAV_PAGES = {**PAGES, **MANAGER_PAGES, **STOCK_PAGES, **CATALOG_PAGES}
SALES_ROLES = ("sales", "sales_manager")
# Staff who own no customers and sell nothing see no sales screens.
PIPELINE_ROLES = ("sales", "sales_manager", "admin")
SWEEP_INTERVAL_MS = 60 * 60 * 1000
SWEEP_MIN_MINUTES = 55      # a timer firing a little early must not skip an hour
APP_TITLE = "千里 Qianli CRM"
NAV_STYLE = """
QListWidget#navigation { background: palette(window); outline: 0; padding-top: 6px; }
QListWidget#navigation::item { padding: 7px 14px; border-radius: 4px; margin: 1px 6px; }
QListWidget#navigation::item:hover { background: palette(midlight); }
QListWidget#navigation::item:selected { background: palette(highlight);
                                         color: palette(highlighted-text); }
"""


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(self, client, runner, settings=None, parent: QWidget | None = None, *,
                 auto_sweep: bool = True):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.settings = settings if settings is not None else client.settings
        self._customer_tabs: dict[int, QWidget] = {}
        self.pages: dict[str, QWidget] = {}
        self.setWindowTitle(APP_TITLE)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMinimumWidth(130)
        self.nav.setMaximumWidth(200)
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setStyleSheet(NAV_STYLE)
        for _ in range(NAV_SETTINGS + 1):
            self.nav.addItem(QListWidgetItem())
        if client.actor.role not in PIPELINE_ROLES:
            for row in PAGES.values():
                self.nav.item(row).setHidden(True)
        if client.actor.role not in MANAGER_ROLES:
            for row in MANAGER_PAGES.values():
                self.nav.item(row).setHidden(True)
        for key, row in STOCK_PAGES.items():
            self.nav.item(row).setHidden(client.actor.role not in STOCK_PAGE_ROLES[key])
        for key in CATALOG_EDITOR_PAGES:
            self.nav.item(CATALOG_PAGES[key]).setHidden(
                client.actor.role not in ("warehouse", "admin"))
        self.nav.itemClicked.connect(self._nav_clicked)
        self.nav.itemActivated.connect(self._nav_clicked)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.customers = self._make_list(pool_only=False)
        self.pool: CustomerListWidget | None = None
        self.tabs.addTab(self.customers, "")
        self._unclosable(self.customers)

        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([150, 1000])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self._build_actions()
        from ui import printing  # the stock editor's Print button and the File-menu entries
        self.print_actions = printing.install(self, client, runner)
        self._build_status_bar()
        runner.busy_changed.connect(self._busy)
        runner.unhandled_error.connect(lambda exc: errors.show_error(self, exc))
        self.retranslate()
        self.nav.setCurrentRow(NAV_CUSTOMERS)
        if client.actor.role in SALES_ROLES:
            self.show_page("today")
        elif client.actor.role == "warehouse":
            self.show_page("warehouse")
        self.resize(1200, 720)

        self.sweep_timer = QTimer(self)
        self.sweep_timer.setInterval(SWEEP_INTERVAL_MS)
        self.sweep_timer.timeout.connect(self.sweep_pool)
        if auto_sweep:
            self.sweep_pool()
            self.sweep_timer.start()

    # --- building ------------------------------------------------------------------------

    def _make_list(self, *, pool_only: bool) -> CustomerListWidget:
        widget = CustomerListWidget(self.client, self.runner, pool_only=pool_only)
        widget.open_customer.connect(self.open_customer)
        widget.export_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        return widget

    def _unclosable(self, widget: QWidget) -> None:
        index = self.tabs.indexOf(widget)
        bar = self.tabs.tabBar()
        for side in (bar.ButtonPosition.RightSide, bar.ButtonPosition.LeftSide):
            if bar.tabButton(index, side) is not None:
                bar.setTabButton(index, side, None)

    def _build_actions(self) -> None:
        def action(shortcut, slot) -> QAction:
            a = QAction(self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            return a

        self.act_new = action(QKeySequence.StandardKey.New, self.new_customer)
        self.act_find = action(QKeySequence.StandardKey.Find, self.find)
        self.act_refresh = action(QKeySequence.StandardKey.Refresh, self.refresh)
        self.act_import = action("Ctrl+I", self.import_customers)
        self.act_export = action("Ctrl+E", self.export)
        self.act_settings = action(QKeySequence.StandardKey.Preferences, self.open_settings)
        if not self.act_settings.shortcut():
            self.act_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.act_quit = action(QKeySequence.StandardKey.Quit, self.close)
        if not self.act_quit.shortcut():
            self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_customers = action("Ctrl+1", self.show_customers)
        self.act_pool = action("Ctrl+2", self.show_pool)
        self.page_actions = {key: action(f"Ctrl+{n}", lambda _c=False, k=key: self.show_page(k))
                             for n, key in enumerate(PAGES, start=3)}
        for a in self.page_actions.values():
            a.setVisible(self.client.actor.role in PIPELINE_ROLES)
        self.act_close_tab = action(QKeySequence.StandardKey.Close, self.close_current_tab)
        self.act_about = action(None, self.about)
        self.act_new.setVisible(self.client.actor.role in ("sales", "sales_manager", "admin"))

        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        for a in (self.act_import, self.act_export, None, self.act_settings, None,
                  self.act_quit):
            self.menu_file.addSeparator() if a is None else self.menu_file.addAction(a)
        self.menu_customers = bar.addMenu("")
        for a in (self.act_new, self.act_find, self.act_refresh):
            self.menu_customers.addAction(a)
        self.menu_view = bar.addMenu("")
        for a in (self.act_customers, self.page_actions["today"], self.act_pool,
                  self.page_actions["leads"], None, self.page_actions["board"],
                  self.page_actions["funnel"], self.page_actions["forecast"],
                  self.page_actions["targets"], self.page_actions["performance"], None,
                  self.act_close_tab):
            self.menu_view.addSeparator() if a is None else self.menu_view.addAction(a)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def _build_status_bar(self) -> None:
        status = self.statusBar()

        def separator() -> QFrame:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.VLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            return line

        self.user_label = QLabel()
        self.db_label = QLabel()
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)          # indeterminate: "working…"
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        status.addPermanentWidget(self.busy)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(separator())
        status.addPermanentWidget(self.db_label)

    def retranslate(self) -> None:
        titles = self.page_titles()
        nav_texts = {NAV_CUSTOMERS: self.tr("Customers"), NAV_POOL: self.tr("Public pool"),
                     NAV_IMPORT: self.tr("Import"), NAV_SETTINGS: self.tr("Settings")}
        nav_texts.update({row: titles[key] for key, row in NAV_PAGES.items()})
        for row, text in nav_texts.items():
            self.nav.item(row).setText(text)
        self.tabs.setTabText(self.tabs.indexOf(self.customers), self.tr("Customers"))
        if self.pool is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.pool), self.tr("Public pool"))
        for key, widget in self.pages.items():
            self.tabs.setTabText(self.tabs.indexOf(widget), titles[key])
        menu_texts = {"today": self.tr("&Today"), "leads": self.tr("&Leads"),
                      "board": self.tr("Pipeline &board"), "funnel": self.tr("&Funnel"),
                      "forecast": self.tr("F&orecast"), "targets": self.tr("&Targets"),
                      "performance": self.tr("&Rep performance")}
        for key, a in self.page_actions.items():
            a.setText(menu_texts[key])
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_customers.setTitle(self.tr("&Customers"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_new.setText(self.tr("&New customer…"))
        self.act_find.setText(self.tr("&Find"))
        self.act_refresh.setText(self.tr("&Refresh"))
        self.act_import.setText(self.tr("&Import customers…"))
        self.act_export.setText(self.tr("&Export list…"))
        self.act_settings.setText(self.tr("&Settings…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_customers.setText(self.tr("&Customers"))
        self.act_pool.setText(self.tr("&Public pool"))
        self.act_close_tab.setText(self.tr("&Close tab"))
        self.act_about.setText(self.tr("&About Qianli"))
        actor = self.client.actor
        self.user_label.setText(self.tr("%1 (%2)").replace("%1", actor.display_name)
                                .replace("%2", errors.role_label(actor.role)))
        self.db_label.setText(_short_database_label(self.client.database_label))
        self.db_label.setToolTip(self.client.database_label)
        self.busy.setToolTip(self.tr("Working…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- navigation ----------------------------------------------------------------------

    def page_titles(self) -> dict[str, str]:
        return {"today": self.tr("Today"), "leads": self.tr("Leads"),
                "board": self.tr("Pipeline board"), "funnel": self.tr("Funnel"),
                "forecast": self.tr("Forecast"), "targets": self.tr("Targets"),
                "performance": self.tr("Performance"),
                "sales_settings": self.tr("Sales settings"), "products": self.tr("Products"),
                "suppliers": self.tr("Suppliers"),
                "warehouses": self.tr("Warehouses"), "orders": self.tr("Orders"),
                "warehouse": self.tr("Warehouse"), "inquiry": self.tr("Stock inquiry"),
                "stock_reports": self.tr("Stock reports")}

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        row = self.nav.row(item)
        pages = {r: key for key, r in NAV_PAGES.items()}
        if row in pages:
            self.show_page(pages[row])
        elif row == NAV_CUSTOMERS:
            self.show_customers()
        elif row == NAV_POOL:
            self.show_pool()
        elif row == NAV_IMPORT:
            self.import_customers()
        elif row == NAV_SETTINGS:
            self.open_settings()
        if row in (NAV_IMPORT, NAV_SETTINGS):  # dialogs: the highlight stays on the tab
            self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        self.nav.blockSignals(True)
        if widget is self.customers:
            self.nav.setCurrentRow(NAV_CUSTOMERS)
        elif widget is not None and widget is self.pool:
            self.nav.setCurrentRow(NAV_POOL)
        elif widget is not None and widget in self.pages.values():
            key = next(k for k, w in self.pages.items() if w is widget)
            self.nav.setCurrentRow(NAV_PAGES[key])
        else:
            self.nav.clearSelection()
            self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)

    def current_list(self) -> CustomerListWidget:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, CustomerListWidget) else self.customers

    def show_customers(self) -> None:
        self.tabs.setCurrentWidget(self.customers)

    def show_pool(self) -> None:
        if self.pool is None:
            from ui.pool.pool_view import PoolWidget
            self.pool = PoolWidget(self.client, self.runner)
            self.pool.open_customer.connect(self.open_customer)
            self.pool.export_message.connect(
                lambda text: self.statusBar().showMessage(text, 8000))
            self.pool.ownership_changed.connect(self._ownership_changed)
            today = self.pages.get("today")
            after = max(self.tabs.indexOf(self.customers),
                        self.tabs.indexOf(today) if today is not None else -1)
            self.tabs.insertTab(after + 1, self.pool, self.tr("Public pool"))
            self._unclosable(self.pool)
        self.tabs.setCurrentWidget(self.pool)

    def _build_page(self, key: str) -> QWidget | None:
        # Imported here: each screen loads its modules (pyqtgraph …) when first opened.
        try:
            if key == "today":
                from ui.workbench import WorkbenchWidget as cls
            elif key == "leads":
                from ui.leads.lead_list import LeadListWidget as cls
            elif key == "board":
                from ui.pipeline.board import PipelineBoard as cls
            elif key == "funnel":
                from ui.pipeline.funnel import FunnelWidget as cls
            elif key == "forecast":
                from ui.pipeline.forecast import ForecastWidget as cls
            elif key == "targets":
                from ui.pipeline.targets import TargetsWidget as cls
            elif key == "sales_settings":
                from ui.pipeline.sales_settings import SalesSettingsWidget as cls
            elif key == "products":
                from ui.catalog.product_list import ProductListWidget as cls
            elif key == "suppliers":
                from ui.catalog.supplier_list import SupplierListWidget as cls
            elif key == "warehouses":
                from ui.catalog.warehouses import WarehouseWidget as cls
            elif key == "orders":
                from ui.orders.order_list import OrdersPage as cls
            elif key == "warehouse":
                from ui.stock.warehouse_page import WarehousePage as cls
            elif key == "inquiry":
                from ui.stock.inquiry import StockInquiryWidget as cls
            elif key == "stock_reports":
                from ui.stock.reports import StockReportsWidget as cls
            else:
                from ui.pipeline.performance import PerformanceWidget as cls
        except ImportError:
            log.exception("screen %s is not available", key)
            QMessageBox.information(self, self.page_titles()[key],
                                    self.tr("This screen is not available in this version."))
            return None
        widget = cls(self.client, self.runner)
        if hasattr(widget, "open_customer"):
            widget.open_customer.connect(self.open_customer)
        if hasattr(widget, "log_follow_up"):
            widget.log_follow_up.connect(self.log_follow_up)
        if hasattr(widget, "open_product"):
            widget.open_product.connect(self.show_product_stock)
        return widget

    def show_product_stock(self, product_id: int) -> None:
        """The stock inquiry showing one product (from the low-stock list)."""
        inquiry = self.show_page("inquiry")
        if inquiry is not None:
            inquiry.show_product(product_id)

    def show_page(self, key: str) -> QWidget | None:
        """Open (building it the first time) and show one of the PAGES screens."""
        widget = self.pages.get(key)
        if widget is None:
            widget = self._build_page(key)
            if widget is None:
                self._tab_changed(self.tabs.currentIndex())
                return None
            self.pages[key] = widget
            title = self.page_titles()[key]
            if key == "today":      # beside the customer list, as in the navigation
                self.tabs.insertTab(self.tabs.indexOf(self.customers) + 1, widget, title)
            else:
                self.tabs.addTab(widget, title)
        self.tabs.setCurrentWidget(widget)
        return widget

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.customers or widget is None:
            return
        if widget is self.pool:
            self.pool = None
        for key, w in list(self.pages.items()):
            if w is widget:
                del self.pages[key]
        for cid, w in list(self._customer_tabs.items()):
            if w is widget:
                del self._customer_tabs[cid]
        self.tabs.removeTab(index)
        widget.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    # --- customers -----------------------------------------------------------------------

    def open_customer(self, customer_id: int) -> QWidget | None:
        """The customer's 360° view in its own tab (re-activated if already open)."""
        existing = self._customer_tabs.get(customer_id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            return existing
        try:
            from ui.customers.detail import Customer360Widget
        except ImportError:
            QMessageBox.information(self, self.tr("Customer"),
                                    self.tr("The customer view is not available in this "
                                            "version."))
            return None
        widget = Customer360Widget(self.client, self.runner, customer_id)
        widget.customer_changed.connect(self._customer_changed)
        row = self._known_row(customer_id)
        title = row.name if row is not None else self.tr("Customer %1").replace(
            "%1", str(customer_id))
        index = self.tabs.addTab(widget, _short(title))
        self.tabs.setTabToolTip(index, title)
        widget.windowTitleChanged.connect(lambda t, w=widget: self._retitle(w, t))
        self._customer_tabs[customer_id] = widget
        self.tabs.setCurrentIndex(index)
        return widget

    def log_follow_up(self, customer_id: int) -> QWidget | None:
        """The customer's 360° view with its quick follow-up entry focused (once loaded)."""
        widget = self.open_customer(customer_id)
        if widget is None:
            return None
        entry = getattr(getattr(widget, "follow_up", None), "notes", None)
        if entry is None:
            return widget

        def focus(*_args) -> None:
            entry.setFocus(Qt.FocusReason.OtherFocusReason)
        if getattr(widget, "data", None) is not None:
            focus()
        else:
            def once(*_args) -> None:
                widget.windowTitleChanged.disconnect(once)
                focus()
            widget.windowTitleChanged.connect(once)
        return widget

    def _known_row(self, customer_id: int):
        for lst in (self.customers, self.pool):
            if lst is None:
                continue
            r = lst.model.row_of_id(customer_id)
            if r is not None:
                return lst.model.row_at(r)
        return None

    def _retitle(self, widget: QWidget, title: str) -> None:
        index = self.tabs.indexOf(widget)
        if index >= 0 and title:
            self.tabs.setTabText(index, _short(title))
            self.tabs.setTabToolTip(index, title)

    def _customer_changed(self, _customer_id: int) -> None:
        # A view whose customer was merged into another now shows the kept customer: file its
        # tab under that id, or close it when the kept customer already has a tab.
        for cid, widget in list(self._customer_tabs.items()):
            shown = getattr(widget, "customer_id", cid)
            if shown == cid:
                continue
            del self._customer_tabs[cid]
            if shown in self._customer_tabs:
                self.close_tab(self.tabs.indexOf(widget))
            else:
                self._customer_tabs[shown] = widget
        for lst in (self.customers, self.pool, self.pages.get("today")):
            if lst is not None:
                lst.refresh()

    def _ownership_changed(self, _customer_id: int) -> None:
        for widget in (self.customers, self.pages.get("today")):
            if widget is not None:
                widget.refresh()

    # --- public pool sweep -----------------------------------------------------------------

    def sweep_pool(self) -> None:
        """Return due customers to the public pool in the background (skipped by the
        service when any client or the scheduled task swept within the hour)."""
        try:
            from services.pool import sweep_due
        except ImportError:
            return
        self.runner.submit(self.client.db.write,
                           lambda s: sweep_due(s, min_interval_minutes=SWEEP_MIN_MINUTES),
                           on_done=self._swept, on_error=self._sweep_failed)

    def _swept(self, result) -> None:
        total = getattr(result, "total", 0) if result is not None else 0
        if not total:
            return
        self.statusBar().showMessage(self.tr("%1 customers returned to the public pool.")
                                     .replace("%1", self.locale().toString(total)), 8000)
        for widget in (self.customers, self.pool, self.pages.get("today")):
            if widget is not None:
                widget.refresh()

    def _sweep_failed(self, exc: BaseException) -> None:
        # Not the user's doing and retried within the hour: log it, do not interrupt.
        log.warning("automatic pool sweep failed: %s", exc, exc_info=exc)

    def new_customer(self) -> None:
        self.current_list().new_customer()

    def find(self) -> None:
        if not isinstance(self.tabs.currentWidget(), CustomerListWidget):
            self.show_customers()
        self.current_list().focus_search()

    def refresh(self) -> None:
        widget = self.tabs.currentWidget()
        if hasattr(widget, "refresh"):
            widget.refresh()

    def export(self) -> None:
        widget = self.tabs.currentWidget()
        if not isinstance(widget, CustomerListWidget) and hasattr(widget, "export_xlsx"):
            widget.export_xlsx()
            return
        self.current_list().export()

    def import_customers(self) -> None:
        try:
            from ui.customers.import_wizard import ImportWizard
        except ImportError:
            QMessageBox.information(self, self.tr("Import"),
                                    self.tr("Importing is not available in this version."))
            return
        wizard = ImportWizard(self.client, self.runner, self)
        wizard.imported.connect(self._imported)
        wizard.open()

    def _imported(self, count: int) -> None:
        self.statusBar().showMessage(self.tr("Imported %1 customers").replace(
            "%1", self.locale().toString(count)), 8000)
        self._customer_changed(0)

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog
        dialog = SettingsDialog(self.settings, self)
        dialog.language_changed.connect(self.apply_language)
        dialog.open()

    def apply_language(self, language: str) -> None:
        """Switch the language now: every open widget gets a LanguageChange and retranslates."""
        from app.i18n import install_translators
        install_translators(language)
        self.language_changed.emit(language)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Qianli"),
                          self.tr("千里 Qianli CRM\nCustomers, sales, stock and receivables "
                                  "for small and mid-sized offices."))

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def closeEvent(self, event) -> None:
        self.runner.wait_idle(5000)
        super().closeEvent(event)


def _short_database_label(label: str) -> str:
    """'SQLite C:\\Users\\…\\qianli.sqlite3' → 'SQLite qianli.sqlite3' (full path in the tooltip)."""
    kind, _, where = label.partition(" ")
    if kind == "SQLite" and where:
        return f"{kind} {PurePath(where).name}"
    return label


def _short(title: str, limit: int = 18) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"
