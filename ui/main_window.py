"""The main window: navigation on the left, work in tabs on the right (the customer list,
the public pool, one 360° view per opened customer), menus with shortcuts, and a status bar
with the user, the database and a busy indicator."""
from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QFrame, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QMessageBox, QProgressBar, QSplitter, QTabWidget, QWidget)

from ui import errors
from ui.customers.list_view import CustomerListWidget

NAV_CUSTOMERS, NAV_POOL, NAV_IMPORT, NAV_SETTINGS = range(4)
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

    def __init__(self, client, runner, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.settings = settings if settings is not None else client.settings
        self._customer_tabs: dict[int, QWidget] = {}
        self.setWindowTitle(APP_TITLE)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMinimumWidth(130)
        self.nav.setMaximumWidth(200)
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setStyleSheet(NAV_STYLE)
        for _ in range(4):
            self.nav.addItem(QListWidgetItem())
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
        self._build_status_bar()
        runner.busy_changed.connect(self._busy)
        runner.unhandled_error.connect(lambda exc: errors.show_error(self, exc))
        self.retranslate()
        self.nav.setCurrentRow(NAV_CUSTOMERS)
        self.resize(1200, 720)

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
        for a in (self.act_customers, self.act_pool, None, self.act_close_tab):
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
        texts = (self.tr("Customers"), self.tr("Public pool"), self.tr("Import"),
                 self.tr("Settings"))
        for i, text in enumerate(texts):
            self.nav.item(i).setText(text)
        self.tabs.setTabText(self.tabs.indexOf(self.customers), self.tr("Customers"))
        if self.pool is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.pool), self.tr("Public pool"))
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

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        row = self.nav.row(item)
        if row == NAV_CUSTOMERS:
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
            self.pool = self._make_list(pool_only=True)
            self.tabs.insertTab(1, self.pool, self.tr("Public pool"))
            self._unclosable(self.pool)
        self.tabs.setCurrentWidget(self.pool)

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.customers or widget is None:
            return
        if widget is self.pool:
            self.pool = None
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
        for lst in (self.customers, self.pool):
            if lst is not None:
                lst.refresh()

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
