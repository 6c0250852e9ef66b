"""Printing in the client, offscreen on a real SQLite database: preview (QPdfView) of a
delivery note with its copies, printing to a (PDF) printer, save as PDF / Excel, batch
print, the template manager (import checked, default, preview, export), statements and
receipts, and the main window's menu entries."""
from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import func, select

from app.client import Client
from app.settings import Settings
from models.system import PrintTemplate
from services.print_templates import builtin_template
from tests.helpers.org import make_staff
from tests.helpers.print_docs import seed_print_world
from tests.printing.helpers import pdf_pages, pdf_reader, xlsx_bytes
from ui import printing
from ui.printing.output import choose_printer


@pytest.fixture
def world(sqlite_db):
    staff = make_staff(sqlite_db)
    return staff, seed_print_world(sqlite_db, staff)


@pytest.fixture
def shown_errors(monkeypatch):
    seen = []
    from ui import errors
    monkeypatch.setattr(errors, "show_error", lambda parent, exc: seen.append(exc))
    return seen


def client_for(db, actor) -> Client:
    return Client(db, actor, Settings())


def wait_preview(qtbot, start) -> printing.PrintPreviewDialog:
    shown = []
    start(lambda dialog: shown.append(dialog))
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    return shown[0]


def test_preview_print_and_save_a_delivery_note(qtbot, sqlite_db, world, runner, tmp_path,
                                                shown_errors):
    staff, w = world
    parent = QMainWindow()
    qtbot.addWidget(parent)
    client = client_for(sqlite_db, staff.warehouse)
    dialog = wait_preview(qtbot, lambda cb: printing.print_stock_document(
        parent, client, runner, w.dn_id, on_shown=cb))
    assert dialog.pages == 3 and dialog.document.pageCount() == 3
    assert "Delivery note DN-2026-000123" in dialog.windowTitle()  # English UI: English template
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(96)
    assert dialog.print_to(printer) == 3
    assert len(pdf_pages((tmp_path / "printed.pdf").read_bytes())) == 3
    saved = dialog.save_pdf(str(tmp_path / "copy.pdf"))
    pages = pdf_pages((tmp_path / "copy.pdf").read_bytes())
    assert saved and len(pages) == 3
    assert [("白联" in p, "红联" in p, "黄联" in p) for p in pages] == [
        (True, False, False), (False, True, False), (False, False, True)]
    done = []
    dialog.save_excel(str(tmp_path / "dn.xlsx"), on_saved=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    ws = openpyxl.load_workbook(tmp_path / "dn.xlsx").worksheets[0]
    assert "DN-2026-000123" in {c.value for row in ws.iter_rows() for c in row}
    assert not shown_errors


def test_last_printer_is_remembered_per_document_type(qtbot, sqlite_db, world, runner):
    staff, w = world
    client = client_for(sqlite_db, staff.warehouse)
    parent = QMainWindow()
    qtbot.addWidget(parent)
    dialog = wait_preview(qtbot, lambda cb: printing.print_document(
        parent, client, runner, "delivery_note", w.dn_id, on_shown=cb))
    dialog.remember("Office HP LaserJet")
    assert Settings.load().last_printers == {"delivery_note": "Office HP LaserJet"}
    # a remembered printer that is no longer installed is not forced on the dialog
    printer = QPrinter()
    before = printer.printerName()
    choose_printer(printer, "Office HP LaserJet")
    assert printer.printerName() == before
    assert dialog.make_printer().docName() == dialog.job.title


def test_batch_print_of_delivery_notes(qtbot, sqlite_db, world, runner):
    staff, w = world
    client = client_for(sqlite_db, staff.warehouse)
    parent = QMainWindow()
    qtbot.addWidget(parent)
    dialog = wait_preview(qtbot, lambda cb: printing.print_documents(
        parent, client, runner, "delivery_note", [w.dn_id, w.draft_dn_id], on_shown=cb))
    assert len(dialog.job.contexts) == 6 and dialog.pages == 6
    texts = pdf_pages(dialog.pdf)
    assert all("DN-2026-000123" in t for t in texts[:3])
    assert all(f"DRAFT-DN-{w.draft_dn_id}" in t for t in texts[3:])


def test_template_manager_import_default_preview_export(qtbot, sqlite_db, world, runner,
                                                        tmp_path, shown_errors):
    staff, w = world
    client = client_for(sqlite_db, staff.admin)
    manager = printing.TemplateManager(client, runner)
    qtbot.addWidget(manager)
    qtbot.waitUntil(lambda: len(manager.rows) == 2, timeout=20000)
    assert all(r.builtin for r in manager.rows)
    good = tmp_path / "三联送货单.xlsx"
    good.write_bytes(builtin_template("delivery_note").content)
    manager.import_file(str(good), name="三联")
    qtbot.waitUntil(lambda: len(manager.rows) == 3, timeout=20000)
    assert manager.selected().name == "三联" and manager.selected().version == 1
    # a bad template: the problems are shown, nothing is stored
    wb = openpyxl.load_workbook(io.BytesIO(good.read_bytes()))
    wb.worksheets[0]["C5"] = "{{ custmer.name }}"
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx_bytes(wb))
    manager.import_file(str(bad), name="坏")
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=20000)
    assert "did you mean 'customer.name'" in shown_errors[0].message
    assert manager.status.text() == "The template was not imported."
    count = sqlite_db.read(lambda s: s.scalar(select(func.count()).select_from(PrintTemplate)))
    assert count == 1
    manager.set_default()
    qtbot.waitUntil(lambda: bool(manager.rows and manager.rows[0].is_default), timeout=20000)
    preview = wait_preview(qtbot, lambda cb: manager.preview(on_shown=cb))
    text = pdf_pages(preview.pdf)[0].replace(" ", "")
    assert preview.pages == 1 and "送货单" in text and "DN-2026-000123" in text
    real = wait_preview(qtbot, lambda cb: manager.preview_document("DN-2026-000123",
                                                                   on_shown=cb))
    assert real.pages == 3
    manager.export(str(tmp_path / "exported.xlsx"))
    qtbot.waitUntil(lambda: (tmp_path / "exported.xlsx").exists(), timeout=20000)
    assert (tmp_path / "exported.xlsx").read_bytes() == good.read_bytes()
    manager.versions.setChecked(True)
    qtbot.waitUntil(lambda: any(r.builtin for r in manager.rows), timeout=20000)
    assert not shown_errors[1:]


def test_only_administrators_import(qtbot, sqlite_db, world, runner):
    staff, _w = world
    manager = printing.TemplateManager(client_for(sqlite_db, staff.warehouse), runner)
    qtbot.addWidget(manager)
    assert manager.import_button.isHidden() and manager.default_button.isHidden()


def test_statement_and_payment_receipt(qtbot, sqlite_db, world, runner, shown_errors):
    staff, w = world
    client = client_for(sqlite_db, staff.finance)
    parent = QMainWindow()
    qtbot.addWidget(parent)
    statement = printing.StatementDialog(client, runner, w.customer_id, "C-000001", parent)
    statement.start.setDate(statement.start.date().fromString("2026-10-01", "yyyy-MM-dd"))
    statement.end.setDate(statement.end.date().fromString("2026-10-31", "yyyy-MM-dd"))
    shown = wait_preview(qtbot, lambda cb: statement.preview(on_shown=cb))
    text = pdf_pages(shown.pdf)[0]
    assert "DN-2026-000123" in text and "CR-2026-000004" in text
    receipt = printing.ReceiptDialog(client, runner, parent)
    receipt.payer.setText("杭州明远")
    receipt.amount.setText("1,234.56")
    receipt.purpose.setText("货款")
    assert receipt.data().amount == Decimal("1234.56")
    shown = wait_preview(qtbot, lambda cb: receipt.preview(on_shown=cb))
    assert "壹仟贰佰叁拾肆元伍角陆分" in pdf_pages(shown.pdf)[0].replace(" ", "")
    receipt.payer.setText("")
    receipt.preview()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=20000)
    assert "payer" in shown_errors[0].errors


def test_install_adds_menu_entries_and_the_stock_print_handler(qtbot, sqlite_db, world,
                                                               runner):
    staff, _w = world
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menu_file = window.menuBar().addMenu("File")
    actions = printing.install(window, client_for(sqlite_db, staff.finance), runner)
    assert [a.text() for a in actions] == ["Print templates…", "Customer statement…",
                                           "Payment receipt…"]
    admin = printing.install(QMainWindow(), client_for(sqlite_db, staff.admin), runner)
    assert [a.text() for a in admin][:2] == ["Print templates…", "Print settings…"]
    assert [a.text() for a in window.menu_file.actions() if a.text()] == \
        [a.text() for a in actions]
    warehouse = printing.install(window, client_for(sqlite_db, staff.warehouse), runner)
    assert [a.text() for a in warehouse] == ["Print templates…"]
    from ui.stock.doc_actions import print_handler
    assert print_handler() is not None


def test_batch_print_from_the_stock_document_list(qtbot, sqlite_db, world, runner):
    from ui.stock.doc_list import StockDocumentList
    staff, w = world
    docs = StockDocumentList(client_for(sqlite_db, staff.warehouse), runner)
    qtbot.addWidget(docs)
    qtbot.waitUntil(lambda: docs.settled and len(docs.rows) == 4, timeout=20000)
    docs.print_selected()
    assert docs.message.text() == "Select posted delivery notes to print."
    docs.table.selectAll()  # the draft note, the return and the receipt are left out
    assert docs.selected_delivery_notes() == [w.dn_id]
    docs.print_selected()
    qtbot.waitUntil(lambda: docs.findChild(printing.PrintPreviewDialog) is not None,
                    timeout=30000)
    assert docs.findChild(printing.PrintPreviewDialog).job.numbers == (w.dn_number,) * 3


def test_pdf_font_is_checked_and_used(qtbot, sqlite_db, world, runner, shown_errors):
    staff, w = world
    client = client_for(sqlite_db, staff.warehouse)
    manager = printing.TemplateManager(client, runner)
    qtbot.addWidget(manager)
    cff = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
    manager.set_pdf_font(cff)
    qtbot.waitUntil(lambda: "cannot be used for PDFs" in manager.status.text(), timeout=20000)
    assert client.settings.print_font == ""
    kept = []
    ttf = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    manager.set_pdf_font(ttf, on_done=kept.append)
    qtbot.waitUntil(lambda: bool(kept), timeout=20000)
    assert Settings.load().print_font == ttf and "DejaVuSans.ttf" in manager.font_label.text()
    dialog = wait_preview(qtbot, lambda cb: printing.print_document(
        manager, client, runner, "delivery_note", w.dn_id, on_shown=cb))
    fonts = {str(f.get_object()["/BaseFont"]) for page in pdf_reader(dialog.pdf).pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in f for f in fonts)
    assert not shown_errors


def test_print_settings_dialog(qtbot, sqlite_db, world, runner):
    from services.print_settings import get_print_settings
    staff, w = world
    dialog = printing.PrintSettingsDialog(client_for(sqlite_db, staff.admin), runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=20000)
    assert dialog.fields["name"].text() == "千里贸易有限公司"
    assert dialog.copies.text() == "白联/红联/黄联"
    dialog.fields["name"].setText("")
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=20000)
    assert "Company name is required." in dialog.message.text()
    dialog.fields["name"].setText("千里商贸")
    dialog.copies.setText(" 存根 / 客户 ")
    saved = []
    dialog.save(on_saved=saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=20000)
    company, options = sqlite_db.read(lambda s: get_print_settings(s, staff.admin))
    assert company.name == "千里商贸" and options.delivery_note_copies == ("存根", "客户")
    readonly = printing.PrintSettingsDialog(client_for(sqlite_db, staff.warehouse), runner)
    qtbot.addWidget(readonly)
    assert not readonly.fields["name"].isEnabled()


def test_printing_refusals_read_in_chinese(qapp, sqlite_db, world):
    from app import i18n
    from services import print_context
    from services.errors import PermissionDenied, ValidationError
    from ui import errors
    staff, w = world
    i18n.install_translators("zh_CN", qapp)
    with pytest.raises(PermissionDenied) as denied:
        sqlite_db.read(lambda s: print_context.purchase_order_context(s, staff.rep1, w.po_id))
    assert errors.describe(denied.value) == "您无权打印采购订单。"
    with pytest.raises(ValidationError) as bad:
        sqlite_db.read(lambda s: print_context.payment_receipt_context(
            s, staff.finance, print_context.ReceiptInput("", Decimal(0), "货款")))
    assert "请填写交款单位（人）。" in errors.describe(bad.value)
    assert "金额必须大于 0。" in errors.describe(bad.value)


def test_order_forms_print_as_quotation_contract_and_purchase_order(qtbot, sqlite_db, world,
                                                                  runner):
    from ui.orders.purchase_form import PurchaseOrderForm
    from ui.orders.sales_form import SalesOrderForm
    staff, w = world
    form = SalesOrderForm(client_for(sqlite_db, staff.rep1), runner, w.so_id)
    qtbot.addWidget(form)
    qtbot.waitUntil(lambda: form.loaded, timeout=20000)
    assert [a.text() for a in form.print_button.menu().actions()] == ["Quotation",
                                                                      "Sales contract"]
    form.print_order("quotation")
    qtbot.waitUntil(lambda: form.findChild(printing.PrintPreviewDialog) is not None,
                    timeout=30000)
    text = pdf_pages(form.findChild(printing.PrintPreviewDialog).pdf)[0]
    assert "QUOTATION" in text and w.so_number in text
    po = PurchaseOrderForm(client_for(sqlite_db, staff.warehouse), runner, w.po_id)
    qtbot.addWidget(po)
    qtbot.waitUntil(lambda: po.loaded, timeout=20000)
    po.print_order("purchase_order")
    qtbot.waitUntil(lambda: po.findChild(printing.PrintPreviewDialog) is not None,
                    timeout=30000)
    assert w.po_number in pdf_pages(po.findChild(printing.PrintPreviewDialog).pdf)[0]
    new = SalesOrderForm(client_for(sqlite_db, staff.rep1), runner)
    qtbot.addWidget(new)
    new.print_order("sales_order")
    assert new.status.text() == "Save the order before printing it."
