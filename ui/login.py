"""The login dialog: user, password, where the database is, "remember me".

Connecting runs on the background runner, so a slow or unreachable office server never
freezes the window. Errors show inline, in words, and what was typed stays."""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from app.client import Client
from app.settings import (ConnectionProfile, Settings, forget_password, recall_password,
                          remember_password)
from ui import errors
from ui.settings_dialog import ProfilesDialog, profile_display_name, profile_summary
from ui.widgets.lifetime import while_alive

log = logging.getLogger(__name__)


class DatabaseOutOfDate(Exception):
    """The office server's schema is older than this client (an admin runs the upgrade)."""


def open_client(profile: ConnectionProfile, login: str, password: str,
                settings: Settings) -> Client:
    """Connect to the profile's database and check the login (runs off the GUI thread).

    A SQLite file on this PC is created or upgraded to the current schema on the spot;
    an office server is upgraded by its administrator (``python main.py db upgrade``)."""
    from app import migrate
    from app.db import Database
    from services.org import authenticate

    db = Database(profile.url(login, password), application_name=f"qianli:{login}")
    try:
        if db.dialect == "sqlite":
            if migrate.needs_upgrade(db.engine):
                migrate.upgrade(db.engine)
        elif migrate.needs_upgrade(db.engine):
            raise DatabaseOutOfDate()
        actor = db.read(lambda s: authenticate(s, login, password))
    except BaseException:
        db.dispose()
        raise
    return Client(db=db, actor=actor, settings=settings)


class LoginDialog(QDialog):
    """``exec()`` returns Accepted with ``self.client`` set to the logged-in Client."""

    def __init__(self, settings: Settings, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings, self.runner = settings, runner
        self.client: Client | None = None
        self.keyring_failed = False
        self._busy = False

        self.heading = QLabel("千里 Qianli CRM")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.user = QLineEdit(settings.last_login)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.profile = QComboBox()
        self.profile.setMinimumWidth(260)
        self.edit_profiles = QPushButton()
        self.edit_profiles.clicked.connect(self._edit_profiles)
        profile_row = QHBoxLayout()
        profile_row.setContentsMargins(0, 0, 0, 0)
        profile_row.addWidget(self.profile, 1)
        profile_row.addWidget(self.edit_profiles)
        profile_box = QWidget()
        profile_box.setLayout(profile_row)
        self.remember = QCheckBox()
        self.remember.setChecked(settings.remember_me)

        self.user_label, self.password_label, self.profile_label = QLabel(), QLabel(), QLabel()
        self.user_label.setBuddy(self.user)
        self.password_label.setBuddy(self.password)
        self.profile_label.setBuddy(self.profile)
        form = QFormLayout()
        form.addRow(self.user_label, self.user)
        form.addRow(self.password_label, self.password)
        form.addRow(self.profile_label, profile_box)
        form.addRow("", self.remember)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.setVisible(False)
        self.status = QLabel()
        self.status.setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._fill_profiles(settings.last_profile)
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.retranslate()
        self._recall()
        (self.password if self.user.text() else self.user).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in — 千里 Qianli CRM"))
        self.user_label.setText(self.tr("&User:"))
        self.password_label.setText(self.tr("&Password:"))
        self.profile_label.setText(self.tr("&Database:"))
        self.edit_profiles.setText(self.tr("&Edit…"))
        self.edit_profiles.setToolTip(self.tr("Add or change connection profiles"))
        self.remember.setText(self.tr("&Remember me on this computer"))
        self.remember.setToolTip(self.tr("The password is kept in the system's credential "
                                         "store, never in a file."))
        self.login_button.setText(self.tr("&Log in"))
        self.status.setText(self.tr("Connecting…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- profiles ------------------------------------------------------------------------

    def _fill_profiles(self, select: str) -> None:
        self.profile.blockSignals(True)
        self.profile.clear()
        for p in self.settings.profiles:
            self.profile.addItem(profile_display_name(p), p.name)
            self.profile.setItemData(self.profile.count() - 1, profile_summary(p),
                                     Qt.ItemDataRole.ToolTipRole)
        self.profile.setCurrentIndex(max(0, self.profile.findData(select)))
        self.profile.blockSignals(False)

    def current_profile(self) -> ConnectionProfile:
        return self.settings.profile(self.profile.currentData())

    def _profile_changed(self, _index: int) -> None:
        self._show_error("")
        self._recall()

    def _edit_profiles(self) -> None:
        current = self.profile.currentData()
        if ProfilesDialog(self.settings, self).exec() == QDialog.DialogCode.Accepted:
            self._fill_profiles(current)

    def _recall(self) -> None:
        if self.remember.isChecked() and self.user.text().strip() and not self.password.text():
            stored = recall_password(self.current_profile(), self.user.text().strip())
            if stored:
                self.password.setText(stored)

    # --- logging in ----------------------------------------------------------------------

    def submit(self) -> None:
        if self._busy:
            return
        login, password = self.user.text().strip(), self.password.text()
        if not login:
            self._show_error(self.tr("Enter your user name."))
            self.user.setFocus()
            return
        if not password:
            self._show_error(self.tr("Enter your password."))
            self.password.setFocus()
            return
        self._set_busy(True)
        self._show_error("")
        profile = self.current_profile()
        self.runner.submit(open_client, profile, login, password, self.settings,
                           on_done=while_alive(self, lambda client: self._logged_in(
                               client, profile, login, password)),
                           on_error=while_alive(self, self._failed), key="login")

    def _logged_in(self, client: Client, profile: ConnectionProfile, login: str,
                   password: str) -> None:
        self._set_busy(False)
        self.settings.last_login = login
        self.settings.last_profile = profile.name
        self.settings.remember_me = self.remember.isChecked()
        if self.remember.isChecked():
            self.keyring_failed = not remember_password(profile, login, password)
            if self.keyring_failed:
                log.warning("no OS keyring available; the password was not remembered")
        else:
            forget_password(profile, login)
        try:
            self.settings.save()
        except OSError:
            log.exception("could not save settings")
        self.client = client
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DatabaseOutOfDate):
            text = self.tr("The office database is older than this program. Ask your "
                           "administrator to run the database upgrade.")
        elif errors.database_problem(exc) == "unreachable":
            text = self.tr("Cannot reach the database server of profile “%1”. Check the "
                           "network and that the server is running.").replace(
                "%1", profile_display_name(self.current_profile()))
        elif errors.is_expected(exc):
            text = errors.describe(exc)
        else:
            log.error("login failed", exc_info=exc)
            text = errors.describe(exc)
        self._show_error(text)
        self.password.setFocus()
        self.password.selectAll()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for w in (self.user, self.password, self.profile, self.edit_profiles, self.remember,
                  self.login_button):
            w.setEnabled(not busy)
        self.status.setVisible(busy)

    def reject(self) -> None:
        if self._busy:
            self.runner.cancel("login")
            self._set_busy(False)
        super().reject()
