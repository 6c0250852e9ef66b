"""The login dialog against real databases: a SQLite file through a "this PC" profile and
the PostgreSQL test server through an "office server" profile (as a database login role)."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from app import migrate, pg_roles
from app.db import Database
from app.settings import ConnectionProfile, Settings
from services import org
from ui.login import LoginDialog
from ui.main_window import MainWindow


def _grant_login_role(db: Database, role: str) -> None:
    """Staff connect to the office server as themselves: a login role in the staff group."""
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        pg_roles.grant_staff_rights(c)
        assert pg_roles.ensure_login_role(c, role, "secret123")


@pytest.fixture
def login_setup(db):
    """Settings whose current profile points at ``db``, and a clerk who may log in."""
    url = make_url(db.url)
    if db.dialect == "sqlite":
        login = "clerk"
        profile = ConnectionProfile(name="This PC", kind="local", path=url.database)
    else:
        login = f"{url.database}_clerk"   # one role per test database: no clash between runs
        _grant_login_role(db, login)
        profile = ConnectionProfile(name="Office", kind="server", host=url.host,
                                    port=url.port or 5432, database=url.database)
    db.write(lambda s: org.add_user(s, None, login=login, display_name="张三", role="sales",
                                    password="secret123"))
    settings = Settings(profiles=[profile], last_profile=profile.name)
    return settings, login


def _dialog(qtbot, settings, runner) -> LoginDialog:
    dlg = LoginDialog(settings, runner)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _log_in(qtbot, dlg: LoginDialog, login: str, password: str) -> None:
    dlg.user.setText(login)
    dlg.password.setText(password)
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg._busy, timeout=20000)


def test_wrong_password_is_shown_inline_and_keeps_what_was_typed(qtbot, runner, login_setup):
    settings, login = login_setup
    dlg = _dialog(qtbot, settings, runner)
    _log_in(qtbot, dlg, login, "not-my-password")
    assert dlg.error.isVisible()
    assert dlg.error.text() == "Unknown user or wrong password."
    assert dlg.user.text() == login
    assert dlg.password.text() == "not-my-password"
    assert dlg.client is None and dlg.isVisible()


def test_right_password_opens_the_main_window(qtbot, runner, login_setup, db):
    settings, login = login_setup
    dlg = _dialog(qtbot, settings, runner)
    _log_in(qtbot, dlg, login, "secret123")
    assert dlg.error.isHidden()
    assert dlg.result() == QDialog.DialogCode.Accepted
    client = dlg.client
    try:
        assert client.actor.login == login and client.db.dialect == db.dialect
        window = MainWindow(client, runner, settings)
        qtbot.addWidget(window)
        assert window.user_label.text() == "张三 (Sales)"
        assert window.db_label.text().startswith("SQLite" if db.dialect == "sqlite"
                                                 else "PostgreSQL")
        assert window.windowTitle() == "千里 Qianli CRM"
        qtbot.waitUntil(lambda: not window.customers.model.is_loading, timeout=20000)
        runner.wait_idle()
    finally:
        client.db.dispose()
    saved = Settings.load()
    assert saved.last_login == login and saved.last_profile == settings.last_profile


def test_empty_fields_are_asked_for_without_connecting(qtbot, runner):
    dlg = _dialog(qtbot, Settings(), runner)
    dlg.user.setText("")
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    assert dlg.error.text() == "Enter your user name."
    dlg.user.setText("rep1")
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    assert dlg.error.text() == "Enter your password."
    assert runner.pending == 0


def test_unreachable_server_is_told_in_words(qtbot, runner):
    profile = ConnectionProfile(name="Office", kind="server", host="127.0.0.1", port=1,
                                database="qianli")
    settings = Settings(profiles=[profile], last_profile="Office")
    dlg = _dialog(qtbot, settings, runner)
    _log_in(qtbot, dlg, "rep1", "secret123")
    assert dlg.error.text().startswith("Cannot reach the database server of profile “Office”")
    assert dlg.password.text() == "secret123"


def test_remember_me_keeps_the_password_in_the_keyring_not_in_a_file(
        qtbot, runner, sqlite_db, memory_keyring):
    sqlite_db.write(lambda s: org.add_user(s, None, login="clerk", display_name="Clerk",
                                           role="sales", password="secret123"))
    profile = ConnectionProfile(name="This PC", kind="local",
                                path=make_url(sqlite_db.url).database)
    settings = Settings(profiles=[profile], last_profile="This PC")
    dlg = _dialog(qtbot, settings, runner)
    dlg.remember.setChecked(True)
    _log_in(qtbot, dlg, "clerk", "secret123")
    assert dlg.client is not None and not dlg.keyring_failed
    dlg.client.db.dispose()
    assert list(memory_keyring.store.values()) == ["secret123"]
    on_disk = settings.path.read_text(encoding="utf-8")
    assert "secret123" not in on_disk and json.loads(on_disk)["remember_me"] is True

    again = _dialog(qtbot, Settings.load(), runner)
    assert again.user.text() == "clerk" and again.password.text() == "secret123"

    again.remember.setChecked(False)
    _log_in(qtbot, again, "clerk", "secret123")
    again.client.db.dispose()
    assert memory_keyring.store == {}


def test_a_new_database_file_is_created_and_upgraded_at_login(qtbot, runner, tmp_path):
    path = tmp_path / "fresh" / "office.sqlite3"
    profile = ConnectionProfile(name="This PC", kind="local", path=str(path))
    dlg = _dialog(qtbot, Settings(profiles=[profile]), runner)
    _log_in(qtbot, dlg, "admin", "whatever1")
    assert dlg.error.text() == "Unknown user or wrong password."
    engine = create_engine(f"sqlite:///{path}")
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_edit_profiles_adds_an_office_server(qtbot, runner):
    from ui.settings_dialog import ProfilesDialog
    settings = Settings()
    dialog = ProfilesDialog(settings)
    qtbot.addWidget(dialog)
    editor = dialog.editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.name.setText("Head office")
    editor.name.textEdited.emit("Head office")
    editor.host.setText("10.0.0.5")
    editor.host.textEdited.emit("10.0.0.5")
    editor.port.setValue(5433)
    dialog.accept()
    saved = Settings.load()
    assert [p.name for p in saved.profiles] == ["This PC", "Head office"]
    office = saved.profile("Head office")
    assert (office.kind, office.host, office.port) == ("server", "10.0.0.5", 5433)

    dlg = _dialog(qtbot, saved, runner)
    assert [dlg.profile.itemText(i) for i in range(dlg.profile.count())] == [
        "This PC", "Head office"]
