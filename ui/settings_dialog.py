"""Settings: the language and the connection profiles (this PC or an office server).

Passwords are not edited here; they live in the OS keyring ("remember me" at login)."""
from __future__ import annotations

import copy
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from app.settings import ConnectionProfile, Settings, default_sqlite_path

SSL_MODES = ("prefer", "require", "verify-full", "disable")


DEFAULT_PROFILE_NAME = ConnectionProfile().name


def profile_display_name(p: ConnectionProfile) -> str:
    """The default profile's stored name is English ("This PC"); show it translated."""
    if p.name == DEFAULT_PROFILE_NAME:
        return QCoreApplication.translate("ProfilesEditor", "This PC")
    return p.name


def profile_summary(p: ConnectionProfile) -> str:
    if p.kind == "local":
        return p.path or str(default_sqlite_path())
    return f"{p.host}:{p.port}/{p.database}"


class ProfilesEditor(QWidget):
    """Edit a list of connection profiles in place (a copy; the caller decides to keep it)."""

    def __init__(self, profiles: list[ConnectionProfile], parent: QWidget | None = None):
        super().__init__(parent)
        self.profiles = [copy.copy(p) for p in profiles] or [ConnectionProfile()]
        self._loading = False

        self.list = QListWidget()
        self.list.setMaximumWidth(180)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        left = QVBoxLayout()
        left.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left.addLayout(buttons)

        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItem("", "local")
        self.kind.addItem("", "server")
        self.path = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path)
        path_row.addWidget(self.browse)
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.database = QLineEdit()
        self.sslmode = QComboBox()
        for m in SSL_MODES:
            self.sslmode.addItem(m, m)

        # One form for both kinds, so the labels line up; rows of the other kind are hidden.
        form = QFormLayout()
        self.form = form
        self.name_label, self.kind_label, self.path_label = QLabel(), QLabel(), QLabel()
        self.host_label, self.port_label = QLabel(), QLabel()
        self.database_label, self.ssl_label = QLabel(), QLabel()
        path_box = QWidget()
        path_box.setLayout(path_row)
        self.local_hint = QLabel()
        self.local_hint.setWordWrap(True)
        form.addRow(self.name_label, self.name)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.path_label, path_box)
        form.addRow(self.local_hint)
        form.addRow(self.host_label, self.host)
        form.addRow(self.port_label, self.port)
        form.addRow(self.database_label, self.database)
        form.addRow(self.ssl_label, self.sslmode)
        self._local_rows = (2, 3)
        self._server_rows = (4, 5, 6, 7)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left)
        layout.addLayout(right, 1)

        for w in (self.name, self.path, self.host, self.database):
            w.textEdited.connect(self._store)
        self.port.valueChanged.connect(self._store)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.sslmode.currentIndexChanged.connect(self._store)
        self.list.currentRowChanged.connect(self._show)
        self.retranslate()
        self._fill_list()
        self.list.setCurrentRow(0)

    def retranslate(self) -> None:
        for row in range(self.list.count()):
            self.list.item(row).setText(profile_display_name(self.profiles[row]))
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.kind.setItemText(0, self.tr("This PC (SQLite file)"))
        self.kind.setItemText(1, self.tr("Office server (PostgreSQL)"))
        self.browse.setText(self.tr("Browse…"))
        self.name_label.setText(self.tr("Profile name:"))
        self.kind_label.setText(self.tr("Database is on:"))
        self.path_label.setText(self.tr("Database file:"))
        self.path.setPlaceholderText(str(default_sqlite_path()))
        self.local_hint.setText(self.tr("Leave empty for the standard file. Keep the file on "
                                        "this computer, never on a network share."))
        self.host_label.setText(self.tr("Server:"))
        self.port_label.setText(self.tr("Port:"))
        self.database_label.setText(self.tr("Database name:"))
        self.ssl_label.setText(self.tr("Encryption (TLS):"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_list(self) -> None:
        self.list.clear()
        for p in self.profiles:
            self.list.addItem(profile_display_name(p))

    def current(self) -> ConnectionProfile | None:
        row = self.list.currentRow()
        return self.profiles[row] if 0 <= row < len(self.profiles) else None

    def _show(self, row: int) -> None:
        p = self.current()
        if p is None:
            return
        self._loading = True
        try:
            self.name.setText(p.name)
            self.kind.setCurrentIndex(0 if p.kind == "local" else 1)
            self._show_kind(p.kind)
            self.path.setText(p.path)
            self.host.setText(p.host)
            self.port.setValue(int(p.port))
            self.database.setText(p.database)
            self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(p.sslmode)))
        finally:
            self._loading = False
        self.remove_button.setEnabled(len(self.profiles) > 1)

    def _kind_changed(self, index: int) -> None:
        self._show_kind(self.kind.itemData(index))
        self._store()

    def _show_kind(self, kind: str) -> None:
        for row in self._local_rows:
            self.form.setRowVisible(row, kind == "local")
        for row in self._server_rows:
            self.form.setRowVisible(row, kind != "local")

    def _store(self, *_args) -> None:
        if self._loading:
            return
        row = self.list.currentRow()
        p = self.current()
        if p is None:
            return
        self.profiles[row] = replace(
            p, name=self.name.text().strip() or p.name, kind=self.kind.currentData(),
            path=self.path.text().strip(), host=self.host.text().strip() or "127.0.0.1",
            port=self.port.value(), database=self.database.text().strip() or "qianli",
            sslmode=self.sslmode.currentData())
        self.list.item(row).setText(profile_display_name(self.profiles[row]))

    def _add(self) -> None:
        names = {p.name for p in self.profiles}
        base = self.tr("Office server")
        name, n = base, 2
        while name in names:
            name, n = f"{base} {n}", n + 1
        self.profiles.append(ConnectionProfile(name=name, kind="server"))
        self.list.addItem(name)
        self.list.setCurrentRow(len(self.profiles) - 1)
        self.name.setFocus()
        self.name.selectAll()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if len(self.profiles) > 1 and row >= 0:
            del self.profiles[row]
            self.list.takeItem(row)
            self.list.setCurrentRow(min(row, len(self.profiles) - 1))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Database file"), self.path.text() or str(default_sqlite_path()),
            self.tr("Qianli database (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.path.setText(path)
            self._store()

    def unique_names(self) -> bool:
        return len({p.name for p in self.profiles}) == len(self.profiles)


class ProfilesDialog(QDialog):
    """"Edit profiles…" from the login dialog: only the connection profiles."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Connection profiles"))
        self.editor = ProfilesEditor(settings.profiles)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 320)

    def accept(self) -> None:
        if not self.editor.unique_names():
            self.error.setText(self.tr("Two profiles have the same name."))
            return
        self.settings.profiles = self.editor.profiles
        self.settings.save()
        super().accept()


LANGUAGE_CHOICES = ("", "en", "zh_CN")


class SettingsDialog(QDialog):
    """Language and connection profiles. A language change is applied at once (open
    windows retranslate; a few texts follow after a restart)."""

    language_changed = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.language = QComboBox()
        for code in LANGUAGE_CHOICES:
            self.language.addItem("", code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        lang_row = QFormLayout()
        lang_row.addRow(self.language_label, self.language)
        lang_row.addRow(self.language_note)
        self.language_box = QGroupBox()
        self.language_box.setLayout(lang_row)

        self.editor = ProfilesEditor(settings.profiles)
        self.profiles_box = QGroupBox()
        box_layout = QVBoxLayout(self.profiles_box)
        box_layout.addWidget(self.editor)

        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.language_box)
        layout.addWidget(self.profiles_box, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.retranslate()
        self.resize(640, 460)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_box.setTitle(self.tr("Language"))
        self.language_label.setText(self.tr("&Language:"))
        # Language names in their own language, so anyone can find theirs.
        self.language.setItemText(0, self.tr("Follow the system"))
        self.language.setItemText(1, "English")
        self.language.setItemText(2, "简体中文")
        self.language_note.setText(self.tr("Open windows switch at once; dialogs that are "
                                           "open now switch the next time they open."))
        self.profiles_box.setTitle(self.tr("Connection profiles"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        if not self.editor.unique_names():
            self.error.setText(self.tr("Two profiles have the same name."))
            return
        language = self.language.currentData()
        changed = language != self.settings.language
        self.settings.language = language
        self.settings.profiles = self.editor.profiles
        if self.settings.last_profile not in {p.name for p in self.settings.profiles}:
            self.settings.last_profile = self.settings.profiles[0].name
        self.settings.save()
        super().accept()
        if changed:
            self.language_changed.emit(language)
