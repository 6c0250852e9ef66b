"""Catalog screens on a real SQLite database: the product picker (typing, keys, scanner
Enter, codes queued in order), the product list and form, suppliers, warehouses."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.client import Client
from services import catalog
from services.catalog import ProductInput
from tests.ui.conftest import actor
from ui.widgets.product_picker import ProductPicker, ProductPickerDialog

PRODUCTS = [("BOLT-M6", "六角螺栓", "M6×20", "6901000000011", "1.20"),
            ("BOLT-M8", "六角螺栓", "M8×30", None, "1.80"),
            ("NUT-M6", "Hex Nut", "M6 stainless", "6901000000028", "0.30"),
            ("WIRE-2.5", "电线 BV", "2.5mm²", None, "3.50")]


@pytest.fixture
def shelf_db(small_db):
    admin = actor(small_db, "admin")
    for sku, name, spec, barcode, price in PRODUCTS:
        small_db.write(lambda s, a=(sku, name, spec, barcode, price): catalog.create_product(
            s, admin, ProductInput(a[0], a[1], spec=a[2], barcode=a[3], sale_price=a[4],
                                   category="五金")))
    return small_db


def hosted_picker(qtbot, runner, db, login: str) -> ProductPicker:
    """A picker at the top of a window, as in a document editor."""
    host = QWidget()
    host.resize(800, 500)
    picker = ProductPicker(Client(db, actor(db, login)), runner)
    layout = QVBoxLayout(host)
    layout.addWidget(picker)
    layout.addStretch(1)
    qtbot.addWidget(host)
    host.show()
    picker.setFocus()
    picker.host = host                     # keep the window alive with the picker
    return picker


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: ASCII as key presses, Chinese (and full-width) as an input method
    commits it."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QCoreApplication.sendEvent(widget, event)


# --------------------------------------------------------------------------- picker

def test_picker_lists_matches_as_you_type_and_takes_the_row_chosen_with_keys(
        qtbot, runner, qapp, shelf_db):
    picker = hosted_picker(qtbot, runner, shelf_db, "warehouse")
    picked = []
    picker.product_picked.connect(picked.append)
    type_text(qtbot, picker, "螺栓")
    qtbot.waitUntil(lambda: picker.popup_visible(), timeout=5000)
    assert [p.sku for p in picker.results.products] == ["BOLT-M6", "BOLT-M8"]
    qtbot.keyClick(picker, Qt.Key_Down)
    qtbot.keyClick(picker, Qt.Key_Return)
    assert [p.sku for p in picked] == ["BOLT-M8"]
    assert picker.text() == "" and not picker.popup_visible()


def test_picker_enter_takes_a_scanned_code_at_once_and_keeps_scans_in_order(
        qtbot, runner, qapp, shelf_db):
    picker = hosted_picker(qtbot, runner, shelf_db, "warehouse")
    picked, missing = [], []
    picker.product_picked.connect(lambda p: picked.append(p.sku))
    picker.not_found.connect(missing.append)
    # A scanner: code + Enter, three times, faster than any answer arrives.
    for code in ("6901000000028", "BOLT-M8", "6901000000028"):
        qtbot.keyClicks(picker, code)
        qtbot.keyClick(picker, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(picked) == 3, timeout=5000)
    assert picked == ["NUT-M6", "BOLT-M8", "NUT-M6"]
    qtbot.keyClicks(picker, "9999999")
    qtbot.keyClick(picker, Qt.Key_Return)
    qtbot.waitUntil(lambda: missing == ["9999999"], timeout=5000)
    assert picker.text() == "9999999" and picker.selectedText() == "9999999"


def test_picker_enter_on_a_fragment_takes_a_single_match_or_opens_the_list(
        qtbot, runner, qapp, shelf_db):
    picker = hosted_picker(qtbot, runner, shelf_db, "rep1")
    picked = []
    picker.product_picked.connect(lambda p: picked.append(p.sku))
    type_text(qtbot, picker, "ｗｉｒｅ")            # full-width, one match
    qtbot.keyClick(picker, Qt.Key_Return)
    qtbot.waitUntil(lambda: picked == ["WIRE-2.5"], timeout=5000)
    qtbot.keyClicks(picker, "m6")
    qtbot.keyClick(picker, Qt.Key_Return)
    qtbot.waitUntil(lambda: picker.popup_visible(), timeout=5000)
    assert picker.text() == "m6" and picked == ["WIRE-2.5"]
    qtbot.keyClick(picker, Qt.Key_Return)          # the first row is highlighted
    assert picked == ["WIRE-2.5", "BOLT-M6"]


def test_picker_dialog_searches_and_chooses_with_enter(qtbot, runner, qapp, shelf_db):
    dialog = ProductPickerDialog(Client(shelf_db, actor(shelf_db, "rep1")), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=5000)
    chosen = []
    dialog.product_picked.connect(chosen.append)
    qtbot.keyClicks(dialog.search, "nut")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 1).text() == "Hex Nut"
    assert dialog.table.item(0, 5).text() == "0.30"
    qtbot.keyClick(dialog.search, Qt.Key_Return)
    assert [p.sku for p in chosen] == ["NUT-M6"] and chosen[0].sale_price == Decimal("0.30")
    assert dialog.result() == dialog.DialogCode.Accepted


def test_picker_dialog_enter_before_the_search_answers_waits_for_it(qtbot, runner, qapp,
                                                                     shelf_db):
    dialog = ProductPickerDialog(Client(shelf_db, actor(shelf_db, "rep1")), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    chosen = []
    dialog.product_picked.connect(lambda p: chosen.append(p.sku))
    dialog.search.setText("6901000000011")
    qtbot.keyClick(dialog.search, Qt.Key_Return)
    qtbot.waitUntil(lambda: chosen == ["BOLT-M6"], timeout=5000)


# --------------------------------------------------------------------------- product list and form

def test_product_list_searches_and_pages(qtbot, runner, qapp, shelf_db, monkeypatch):
    from ui.catalog import product_list
    monkeypatch.setattr(product_list, "PAGE", 3)
    page = product_list.ProductListWidget(Client(shelf_db, actor(shelf_db, "rep1")), runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() == "3+ products", timeout=5000)
    page.model.fetchMore()
    qtbot.waitUntil(lambda: page.count_label.text() == "4 products", timeout=5000)
    assert [p.sku for p in page.model.rows] == ["BOLT-M6", "BOLT-M8", "NUT-M6", "WIRE-2.5"]
    assert not page.new_button.isVisibleTo(page)            # a sales rep only reads
    type_text(qtbot, page.search, "螺栓 M8")
    qtbot.waitUntil(lambda: [p.sku for p in page.model.rows] == ["BOLT-M8"], timeout=5000)
    assert page.model.data(page.model.index(0, 6)) == "1.80"
    page.search.clear()
    qtbot.keyClicks(page.search, "nothing")
    qtbot.waitUntil(lambda: page.count_label.text() == "No product matches.", timeout=5000)


def test_new_product_form_shows_errors_beside_fields_then_saves(qtbot, runner, qapp,
                                                                  shelf_db):
    from ui.catalog.product_list import ProductListWidget
    page = ProductListWidget(Client(shelf_db, actor(shelf_db, "warehouse")), runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: len(page.model.rows) == 4, timeout=5000)
    form = page.new_product()
    qtbot.keyClicks(form.sku, "BOLT-M6")
    type_text(qtbot, form.name, "螺栓")
    form.barcode.setFocus()
    qtbot.keyClicks(form.barcode, "6901000000028")
    qtbot.keyClick(form.barcode, Qt.Key_Return)             # a scanner's Enter: no save
    assert form.focusWidget() is form.sale_price and form.isVisible()
    form.sale_price.setText("1.005")
    form.save()
    qtbot.waitUntil(lambda: form.errors.message("sku") != "", timeout=5000)
    assert form.errors.message("sku") == "SKU 'BOLT-M6' is already used by product 六角螺栓."
    assert form.errors.message("barcode") == \
        "Barcode '6901000000028' is already used by product NUT-M6 Hex Nut."
    assert form.errors.message("sale_price") == "Sale price has at most 2 decimals."
    form.sku.setText("BOLT-M10")
    form.barcode.clear()
    form.sale_price.setText("2.4")
    form.category.setEditText("紧固件")
    with qtbot.waitSignal(page.product_saved, timeout=5000) as saved:
        form.save()
    product = saved.args[0]
    assert (product.sku, product.sale_price, product.category_name) == \
        ("BOLT-M10", Decimal("2.40"), "紧固件")
    assert "BOLT-M10" in [p.sku for p in page.model.rows]


def test_product_form_stale_save_offers_their_version(qtbot, runner, qapp, shelf_db):
    from ui.catalog.product_form import ProductFormDialog
    wh = actor(shelf_db, "warehouse")
    p = shelf_db.read(lambda s: catalog.product_by_code(s, wh, "NUT-M6"))
    form = ProductFormDialog(Client(shelf_db, wh), runner, p.id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.sku.text() == "NUT-M6" and form.save_button.isEnabled(),
                    timeout=5000)
    assert (form.sale_price.text(), form.cost.text(), form.min_stock.text()) == \
        ("0.30", "0.00", "0")
    admin = actor(shelf_db, "admin")
    shelf_db.write(lambda s: catalog.update_product(
        s, admin, p.id, ProductInput(p.sku, p.name, spec=p.spec, barcode=p.barcode,
                                     sale_price="0.35", category="五金"), p.version_id))
    form.name.setText("Hex Nut M6")
    form.save()
    qtbot.waitUntil(lambda: form.conflict_box is not None, timeout=5000)
    assert "Changed: Sale price" in form.conflict_box.text()
    form.conflict_box.buttonClicked.emit(form.reload_button)
    assert form.sale_price.text() == "0.35" and form.name.text() == "Hex Nut"


def test_product_form_is_read_only_for_sales(qtbot, runner, qapp, shelf_db):
    from ui.catalog.product_form import ProductFormDialog
    rep = actor(shelf_db, "rep1")
    p = shelf_db.read(lambda s: catalog.product_by_code(s, rep, "NUT-M6"))
    form = ProductFormDialog(Client(shelf_db, rep), runner, p.id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.sku.text() == "NUT-M6", timeout=5000)
    assert form.sku.isReadOnly() and not form.unit.isEnabled()
    assert form.status.text().startswith("Only warehouse staff and administrators")
    form.save()                                              # nothing happens
    assert shelf_db.read(lambda s: catalog.get_product(s, rep, p.id)) == p


# --------------------------------------------------------------------------- suppliers, warehouses

def test_supplier_form_saves_then_takes_contacts_and_shows_history(qtbot, runner, qapp,
                                                                   shelf_db):
    from ui.catalog.supplier_list import SupplierListWidget
    page = SupplierListWidget(Client(shelf_db, actor(shelf_db, "warehouse")), runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() == "No supplier matches.", timeout=5000)
    form = page.new_supplier()
    assert not form.add_contact_button.isEnabled()            # save the supplier first
    type_text(qtbot, form.name, "宁波精工五金")
    form.rating.setCurrentIndex(form.rating.findData(4))
    form.payment_terms.setEditText("月结30天")
    form.payment_days.setValue(30)
    with qtbot.waitSignal(page.supplier_saved, timeout=5000) as saved:
        form.save()
    sup = saved.args[0]
    assert (sup.code, sup.rating, sup.payment_terms, sup.payment_days) == \
        ("S-000001", 4, "月结30天", 30)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.table.item(0, 4).text() == "★★★★☆"
    form = page.edit_supplier(sup.id)
    qtbot.waitUntil(lambda: form.save_button.isEnabled(), timeout=5000)
    assert form.add_contact_button.isEnabled()
    dialog = form.edit_contact(new=True)
    type_text(qtbot, dialog.name, "王建国")
    dialog.phone.setText("138")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors.message("phone") != "", timeout=5000)
    dialog.phone.setText("13812345678")
    dialog.is_primary.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: form.contacts.rowCount() == 1, timeout=5000)
    assert [form.contacts.item(0, c).text() for c in (0, 2, 4)] == ["王建国", "13812345678",
                                                                   "✓"]
    qtbot.waitUntil(lambda: form.history_note.text().startswith("No purchases"),
                    timeout=5000)


def test_warehouses_add_and_refuse_an_empty_name(qtbot, runner, qapp, shelf_db):
    from ui.catalog.warehouses import WarehouseWidget
    page = WarehouseWidget(Client(shelf_db, actor(shelf_db, "admin")), runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.status.text() == "0 warehouses", timeout=5000)
    dialog = page.new_warehouse()
    qtbot.keyClicks(dialog.code, "WH-SZ")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors.message("name") == "Name is required.", timeout=5000)
    type_text(qtbot, dialog.name, "深圳仓")
    dialog.save()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert [page.table.item(0, c).text() for c in range(4)] == ["WH-SZ", "深圳仓", "", "yes"]
    dialog = page.edit_current()
    assert dialog.code.isReadOnly()
    dialog.active.setChecked(False)
    dialog.save()
    qtbot.waitUntil(lambda: page.table.item(0, 3).text() == "no", timeout=5000)


def test_main_window_opens_the_catalog_pages_by_role(qtbot, runner, qapp, shelf_db):
    from ui.main_window import NAV_PRODUCTS, NAV_SUPPLIERS, NAV_WAREHOUSES, MainWindow
    from ui.catalog.product_list import ProductListWidget
    from ui.catalog.supplier_list import SupplierListWidget
    from ui.catalog.warehouses import WarehouseWidget
    window = MainWindow(Client(shelf_db, actor(shelf_db, "warehouse")), runner,
                        auto_sweep=False)
    qtbot.addWidget(window)
    for key, row, cls in (("products", NAV_PRODUCTS, ProductListWidget),
                          ("suppliers", NAV_SUPPLIERS, SupplierListWidget),
                          ("warehouses", NAV_WAREHOUSES, WarehouseWidget)):
        assert not window.nav.item(row).isHidden()
        assert isinstance(window.show_page(key), cls)
        assert window.nav.currentRow() == row
    sales = MainWindow(Client(shelf_db, actor(shelf_db, "rep1")), runner, auto_sweep=False)
    qtbot.addWidget(sales)
    assert not sales.nav.item(NAV_PRODUCTS).isHidden()
    assert sales.nav.item(NAV_SUPPLIERS).isHidden() and sales.nav.item(NAV_WAREHOUSES).isHidden()
    runner.wait_idle(10000)


def test_import_dialog_previews_refuses_errors_then_imports(qtbot, runner, qapp, shelf_db,
                                                            tmp_path):
    from tests.helpers.xlsx import write_xlsx
    from ui.catalog.product_list import ProductListWidget
    page = ProductListWidget(Client(shelf_db, actor(shelf_db, "warehouse")), runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: len(page.model.rows) == 4, timeout=5000)
    header = ["SKU", "Name", "Sale price", "Barcode"]
    bad = write_xlsx(tmp_path / "bad.xlsx", [header, ["GLUE", "胶水", -2, "6901000000028"]])
    good = write_xlsx(tmp_path / "good.xlsx", [header, ["GLUE", "胶水", 16, None],
                                               ["NUT-M6", "Hex Nut M6", 0.35, None]])
    dialog = page.import_products()
    dialog.load(str(bad))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 2).text() == "error"
    assert dialog.table.item(0, 3).text().splitlines() == [
        "Column C: Sale price cannot be negative.",
        "Column D: Barcode '6901000000028' is already used by product NUT-M6 Hex Nut."]
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text().startswith("0 new products, 0 to update, 1 rows with errors.")
    dialog.load(str(good))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    assert [dialog.table.item(i, 2).text() for i in range(2)] == ["new", "update"]
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        dialog.import_button.click()
    assert page.notice.text() == "Imported: 1 new, 1 updated."
    qtbot.waitUntil(lambda: len(page.model.rows) == 5, timeout=5000)
    nut = next(p for p in page.model.rows if p.sku == "NUT-M6")
    assert (nut.name, nut.sale_price) == ("Hex Nut M6", Decimal("0.35"))
