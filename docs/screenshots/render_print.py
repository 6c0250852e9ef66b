"""Render the default print templates and the printing screens again.

    python docs/screenshots/render_print.py            # every template, zh and en, + screens
    python docs/screenshots/render_print.py templates  # only the templates

Templates: each default template of resources/templates/ filled with the sample data of
services/print_samples.py, rendered to PDF by the engine and to PNG by ``pdftoppm`` (needs
poppler-utils and, for the Chinese font, poppler-data) → print-<doc_type>.<lang>.png.
Screens (offscreen, Chinese): the template manager and the print preview of a delivery note
from a temporary SQLite database (tests/helpers/print_docs.py).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def templates() -> None:
    from printing import load_template, render_pdf
    from services.print_fields import DOC_TYPES, field_paths
    from services.print_samples import sample_context
    from services.print_templates import builtin_path
    with tempfile.TemporaryDirectory() as tmp:
        for key in DOC_TYPES:
            for lang in ("zh", "en"):
                tpl = load_template(builtin_path(key, lang), field_paths(key))
                pdf = Path(tmp) / f"{key}.{lang}.pdf"
                render_pdf(tpl, pdf, context=sample_context(key, lang))
                stem = OUT / f"print-{key}.{lang}"
                subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf),
                                str(stem)], check=True)
                print(f"wrote {stem.relative_to(ROOT)}.png")


def screens() -> None:
    from PySide6.QtCore import QCoreApplication, QThread
    from PySide6.QtWidgets import QApplication, QMainWindow

    from app import i18n, migrate
    from app.client import Client
    from app.db import Database
    from app.runner import Runner
    from app.settings import Settings
    from tests.helpers.org import make_staff
    from tests.helpers.print_docs import seed_print_world
    from ui import printing

    app = QApplication.instance() or QApplication([])
    i18n.install_translators("zh_CN", app)

    def pump(until, rounds=3000):
        for _ in range(rounds):
            QCoreApplication.processEvents()
            if until():
                return
            QThread.msleep(10)
        raise TimeoutError("screenshot: gave up waiting")

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QIANLI_CONFIG_DIR"] = tmp
        db = Database(f"sqlite:///{tmp}/print.sqlite3")
        migrate.upgrade(db.engine)
        staff = make_staff(db)
        world = seed_print_world(db, staff, lines=8)
        client = Client(db, staff.admin, Settings())
        runner = Runner()
        window = QMainWindow()
        manager = printing.TemplateManager(client, runner, window)
        manager.show()
        pump(lambda: len(manager.rows) == 2)
        manager.import_file(str(ROOT / "resources/templates/delivery_note.zh.xlsx"),
                            name="三联送货单（241×140）")
        pump(lambda: len(manager.rows) == 3)
        manager.set_default()
        pump(lambda: manager.rows and manager.rows[0].is_default)
        manager.resize(900, 380)
        for _ in range(20):
            QCoreApplication.processEvents()
        manager.grab().save(str(OUT / "print-template-manager.png"))
        print("wrote docs/screenshots/print-template-manager.png")
        shown = []
        printing.print_document(window, client, runner, "delivery_note", world.dn_id,
                                on_shown=shown.append)
        pump(lambda: bool(shown))
        preview = shown[0]
        preview.resize(760, 820)
        for _ in range(50):
            QCoreApplication.processEvents()
            QThread.msleep(10)
        preview.grab().save(str(OUT / "print-preview.png"))
        print("wrote docs/screenshots/print-preview.png")
        runner.wait_idle()
        db.dispose()


if __name__ == "__main__":
    which = sys.argv[1:] or ["templates", "screens"]
    if "templates" in which:
        templates()
    if "screens" in which:
        screens()
