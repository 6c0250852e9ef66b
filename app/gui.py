"""The desktop client: QApplication, translators, the uncaught-exception dialog, login,
and the main window. ``python main.py`` and ``python main.py demo`` end up here."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("qianli.gui")

SCREENSHOT_SIZE = (1280, 760)
SCREENSHOT_TIMEOUT_MS = 60_000


def install_excepthook(log_file: Path | None = None):
    """Log uncaught exceptions and show them in a dialog; returns the previous hook."""
    previous = sys.excepthook
    showing = False

    def hook(exc_type, exc, tb):
        nonlocal showing
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        from PySide6.QtWidgets import QApplication
        if QApplication.instance() is None or showing:
            previous(exc_type, exc, tb)
            return
        from ui.errors import ExceptionDialog
        showing = True
        try:
            ExceptionDialog(exc, log_file=log_file).exec()
        finally:
            showing = False

    sys.excepthook = hook
    return previous


def run_client(*, client=None, settings=None, screenshot: Path | None = None,
               argv: list[str] | None = None) -> int:
    """Open the desktop client. Without ``client`` the login dialog asks who and where;
    with ``screenshot`` the main window is rendered offscreen to that PNG once the first
    page of the customer list has loaded, and the function returns without an event loop."""
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QDialog

    from app import i18n
    from app.logging_setup import setup_logging
    from app.runner import Runner
    from app.settings import Settings

    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("Qianli")
    app.setOrganizationName("Qianli")
    if settings is None:
        settings = client.settings if client is not None else Settings.load()
    log_path = setup_logging()
    i18n.install_translators(settings.language, app)
    previous_hook = install_excepthook(log_path)
    runner = Runner()
    own_client = client is None
    try:
        if client is None:
            from ui.login import LoginDialog
            dialog = LoginDialog(settings, runner)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.client is None:
                return 0
            client = dialog.client
        from ui.main_window import MainWindow
        window = MainWindow(client, runner, settings)
        if screenshot is not None:
            return save_screenshot(window, Path(screenshot))
        window.show()
        return app.exec()
    finally:
        runner.wait_idle(10_000)
        sys.excepthook = previous_hook
        if own_client and client is not None:
            client.db.dispose()


def wait_until_idle(runner, timeout_ms: int = SCREENSHOT_TIMEOUT_MS) -> bool:
    """Run the event loop until the runner has delivered every pending result."""
    from PySide6.QtCore import QEventLoop, QTimer

    if runner.pending == 0:
        return True
    loop = QEventLoop()

    def changed(busy: bool) -> None:
        if not busy:
            loop.quit()

    runner.busy_changed.connect(changed)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    runner.busy_changed.disconnect(changed)
    return runner.pending == 0


def wait_for_first_page(window, timeout_ms: int = SCREENSHOT_TIMEOUT_MS) -> bool:
    """Run the event loop until the main window's customer list has its first page."""
    from PySide6.QtCore import QEventLoop, QTimer

    model = window.customers.model
    if not model.is_loading:
        return True
    loop = QEventLoop()
    ok = {"loaded": False}

    def loaded():
        ok["loaded"] = True
        loop.quit()

    model.reloaded.connect(loaded)
    model.load_failed.connect(lambda _e: loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    model.reloaded.disconnect(loaded)
    return ok["loaded"]


def save_screenshot(window, path: Path) -> int:
    from PySide6.QtCore import QCoreApplication

    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if not wait_for_first_page(window):
        log.error("screenshot: the customer list did not load")
        window.close()
        return 1
    # The start page may be another screen (Today for sales staff): let every background
    # call it made deliver before the picture is taken.
    if not wait_until_idle(window.runner):
        log.warning("screenshot: background work still running after the timeout")
    for _ in range(3):  # let the view lay out and paint the rows that just arrived
        QCoreApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    saved = window.grab().save(str(path), "PNG")
    window.close()
    if not saved:
        log.error("screenshot: could not write %s", path)
        return 1
    log.info("screenshot written to %s", path)
    return 0
