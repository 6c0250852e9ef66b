"""Printing in the client: preview, print, save as PDF/Excel, batch print, the template
manager, statements and payment receipts.

What other screens call:

    print_document(parent, client, runner, "delivery_note", doc_id)   # preview → print
    print_stock_document(parent, client, runner, doc_id)              # DN/GR by its type
    print_documents(parent, client, runner, "delivery_note", ids)     # batch, one preview
    open_template_manager(parent, client, runner)
    install(window, client, runner)   # the stock editor's Print button + the File menu

Everything runs through the runner: the job (template + data) is read in one transaction,
rendered on a worker thread, and shown in a QPdfView preview from which it is printed."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from services import print_jobs
from ui.widgets.lifetime import OwnedRunner

# The dialogs are imported when first used: ui/errors.py imports ui.printing.messages, and
# that must not pull the PDF widgets (and ui.errors itself) in while it loads.
_LAZY = {"PrintPreviewDialog": "preview", "TemplateManager": "template_manager",
         "StatementDialog": "forms", "ReceiptDialog": "forms",
         "PrintSettingsDialog": "settings_dialog"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib
    return getattr(importlib.import_module(f"ui.printing.{module}"), name)


__all__ = ["print_document", "print_stock_document", "print_documents",
           "open_template_manager", "open_statement", "open_payment_receipt", "install",
           "open_print_settings", "PrintPreviewDialog", "TemplateManager", "StatementDialog",
           "ReceiptDialog", "PrintSettingsDialog"]

STATEMENT_ROLES = ("finance", "admin", "sales", "sales_manager")
RECEIPT_ROLES = ("finance", "admin")


def _run(parent: QWidget, client, runner, fn, *args, on_shown=None, **kwargs) -> None:
    from ui import errors
    from ui.printing.preview import show_job
    from ui.printing.template_manager import ui_language
    OwnedRunner(runner, parent).submit(
        client.read, fn, *args, language=ui_language(), **kwargs,
        on_done=lambda job: show_job(parent, client, runner, job, on_shown),
        on_error=lambda exc: errors.show_error(parent, exc))


def print_document(parent: QWidget, client, runner, doc_type: str, doc_id: int, *,
                   on_shown=None) -> None:
    """Preview one document (its default template; a delivery note with its copies)."""
    _run(parent, client, runner, print_jobs.prepare_print, doc_type, doc_id,
         on_shown=on_shown)


def print_stock_document(parent: QWidget, client, runner, doc_id: int, *,
                         on_shown=None) -> None:
    """A stock document by id: a delivery note or a goods receipt."""
    _run(parent, client, runner, print_jobs.prepare_stock_document, doc_id,
         on_shown=on_shown)


def print_documents(parent: QWidget, client, runner, doc_type: str, ids: Iterable[int], *,
                    on_shown=None) -> None:
    """Batch print: the documents into one PDF (progress, cancel), previewed once."""
    _run(parent, client, runner, print_jobs.prepare_batch, doc_type, list(ids),
         on_shown=on_shown)


def open_template_manager(parent: QWidget, client, runner,
                          doc_type: str = "delivery_note"):
    from ui.printing.template_manager import TemplateManager
    dialog = TemplateManager(client, runner, parent, doc_type)
    dialog.show()
    return dialog


def open_statement(parent: QWidget, client, runner, customer_id: int | None = None,
                   customer_name: str = ""):
    from ui.printing.forms import StatementDialog
    dialog = StatementDialog(client, runner, customer_id, customer_name, parent)
    dialog.show()
    return dialog


def open_payment_receipt(parent: QWidget, client, runner):
    from ui.printing.forms import ReceiptDialog
    dialog = ReceiptDialog(client, runner, parent)
    dialog.show()
    return dialog


def open_print_settings(parent: QWidget, client, runner):
    from ui.printing.settings_dialog import PrintSettingsDialog
    dialog = PrintSettingsDialog(client, runner, parent)
    dialog.show()
    return dialog


def install(window, client, runner) -> list[QAction]:
    """Wire printing into the main window: the stock document editor's Print button, and
    File-menu entries for the template manager, the print settings (administrators),
    statements and payment receipts (for the roles that use them). Returns the actions."""
    try:
        from ui.stock.doc_actions import set_print_handler
    except ImportError:  # the stock screens are not in this build
        pass
    else:
        set_print_handler(lambda parent, doc_id: print_stock_document(
            parent, client, runner, doc_id))
    actions = [QAction(QCoreApplication.translate("Printing", "Print templates…"), window)]
    actions[0].triggered.connect(lambda: open_template_manager(window, client, runner))
    role = client.actor.role
    if role == "admin":
        a = QAction(QCoreApplication.translate("Printing", "Print settings…"), window)
        a.triggered.connect(lambda: open_print_settings(window, client, runner))
        actions.append(a)
    if role in STATEMENT_ROLES:
        a = QAction(QCoreApplication.translate("Printing", "Customer statement…"), window)
        a.triggered.connect(lambda: open_statement(window, client, runner))
        actions.append(a)
    if role in RECEIPT_ROLES:
        a = QAction(QCoreApplication.translate("Printing", "Payment receipt…"), window)
        a.triggered.connect(lambda: open_payment_receipt(window, client, runner))
        actions.append(a)
    menu = getattr(window, "menu_file", None)
    if menu is not None:
        first = menu.actions()[0] if menu.actions() else None
        for a in actions:
            menu.insertAction(first, a)
        menu.insertSeparator(first)
    return actions
