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
