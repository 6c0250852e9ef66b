"""Choose a product by typing: any fragment of its SKU, name, specification or barcode (CJK or
Latin, any width or case), or a whole barcode / SKU from a scanner.

Two forms, the same rules (services.catalog.lookup_products, one round trip per lookup):

- ``ProductPicker``: a line edit for forms and line entry. Typing shows the matches in a
  list under it (it never takes the focus: Up/Down move in it, Enter takes the highlighted
  row, Escape closes it, a click takes a row). Enter without a highlighted row looks the
  text up at once: an exact barcode or SKU is taken (a scanner types the code and Enter),
  else a single match is taken, else the list opens; nothing found → ``not_found``.
  Codes entered faster than the answers come are looked up in order, none is lost.
- ``ProductPickerDialog``: the same search in a dialog with a table (Enter or a double
  click chooses), for "Find product…" buttons.

Both emit ``product_picked(ProductInfo)``."""
from __future__ import annotations

from collections import deque

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFrame,
                               QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import catalog
from ui.errors import describe as error_text
from ui.widgets.lifetime import OwnedRunner

DEBOUNCE_MS = 200
POPUP_LIMIT = 20
DIALOG_LIMIT = 100


class ProductTable(QTableWidget):
    """Read-only rows of ProductInfo: SKU, name, specification, unit, barcode, price."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 6, parent)
        self.products: list = []
        self.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Name"), self.tr("Spec"),
                                        self.tr("Unit"), self.tr("Barcode"),
                                        self.tr("Sale price")])
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.horizontalHeader().setHighlightSections(False)

    def show_products(self, products) -> None:
        self.products = list(products)
        self.setRowCount(len(self.products))
        for i, p in enumerate(self.products):
            cells = (p.sku, p.name, p.spec or "", p.unit, p.barcode or "", f"{p.sale_price:,}")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 5:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if not p.active:
                    item.setForeground(Qt.gray)
                self.setItem(i, col, item)
        self.resizeColumnToContents(0)
        if self.products:
            self.selectRow(0)

    def current_product(self):
        row = self.currentRow()
        return self.products[row] if 0 <= row < len(self.products) else None

    def move(self, step: int) -> None:
        if self.products:
            row = max(0, min(len(self.products) - 1, self.currentRow() + step))
            self.selectRow(row)


class ProductPicker(QLineEdit):
    """Search-as-you-type product entry (see the module docstring)."""

    product_picked = Signal(object)     # ProductInfo
    not_found = Signal(str)             # the code or text that names no product

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None, *,
                 active_only: bool = True, clear_after_pick: bool = True):
        super().__init__(parent)
        self.client = client
        self.active_only, self.clear_after_pick = active_only, clear_after_pick
        self.jobs = OwnedRunner(runner, self)
        self.setPlaceholderText(self.tr("Scan a barcode, or type SKU, name or spec…"))
        self.setClearButtonEnabled(True)
        self._pending: deque[str] = deque()    # Enter-lookups in the order they were typed
        self._looking_up = False
        self._chosen_by_keys = False           # the user moved in the list with Up/Down

        # The list floats over the window as a child of it, not as a window of its own:
        # it never takes the focus from the line edit and needs no window-system support.
        self.popup = QFrame()
        self.popup.setFrameShape(QFrame.StyledPanel)
        self.popup.setAutoFillBackground(True)
        self.results = ProductTable(self.popup)
        self.results.setFocusPolicy(Qt.NoFocus)
        self.results.itemClicked.connect(lambda _i: self._take(self.results.current_product()))
        layout = QVBoxLayout(self.popup)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.results)
        self.popup.hide()
        self.destroyed.connect(self.popup.deleteLater)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self._enter)

    # --- typing ---------------------------------------------------------------------------

    def _edited(self, text: str) -> None:
        self._chosen_by_keys = False
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.hide_popup()

    def _search(self) -> None:
        text = self.text().strip()
        if not text:
            return
        self.jobs.submit(self.client.read, catalog.search_products, text,
                         active_only=self.active_only, limit=POPUP_LIMIT,
                         on_done=lambda rows, t=text: self._searched(t, rows),
                         on_error=self._failed, key=f"product-picker-{id(self)}")

    def _searched(self, text: str, rows) -> None:
        if text != self.text().strip() or self._looking_up:
            return                                 # typed on since, or Enter took over
        self._show_popup(rows)

    def _show_popup(self, rows) -> None:
        self.results.show_products(rows)
        if not rows:
            self.hide_popup()
            return
        window = self.window()
        if window is self:
            return                                 # nowhere to float: Enter still works
        if self.popup.parent() is not window:
            self.popup.setParent(window)
        height = min(len(rows), 10) * self.results.verticalHeader().defaultSectionSize() \
            + self.results.horizontalHeader().height() + 6
        width = min(max(self.width(), 560), window.width())
        below = self.mapTo(window, QPoint(0, self.height()))
        above = self.mapTo(window, QPoint(0, 0)).y() - height
        y = below.y() if below.y() + height <= window.height() or above < 0 else above
        x = max(0, min(below.x(), window.width() - width))
        self.popup.setGeometry(x, y, width, height)
        self.popup.raise_()
        self.popup.show()

    def hide_popup(self) -> None:
        self.popup.hide()
        self._chosen_by_keys = False

    def popup_visible(self) -> bool:
        return self.popup.isVisible()

    # --- keys -----------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key_Down, Qt.Key_Up, Qt.Key_PageDown, Qt.Key_PageUp) \
                and self.results.products:
            if not self.popup_visible():
                self._show_popup(self.results.products)
            else:
                step = {Qt.Key_Down: 1, Qt.Key_Up: -1, Qt.Key_PageDown: 10,
                        Qt.Key_PageUp: -10}[key]
                self.results.move(step)
            self._chosen_by_keys = True
            return
        if key == Qt.Key_Escape and self.popup_visible():
            self.hide_popup()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.hide_popup()
        super().focusOutEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.hide_popup()
        super().hideEvent(event)

    # --- Enter: take the highlighted row, or look the text up -------------------------------

    def _enter(self) -> None:
        self._timer.stop()
        if self.popup_visible() and self._chosen_by_keys:
            self._take(self.results.current_product())
            return
        text = self.text().strip()
        if not text:
            return
        self.hide_popup()
        if self.clear_after_pick:
            self.clear()                          # the next scan types into an empty field
        self._pending.append(text)
        self._next_lookup()

    def _next_lookup(self) -> None:
        if self._looking_up or not self._pending:
            return
        self._looking_up = True
        text = self._pending[0]
        self.jobs.submit(self.client.read, catalog.lookup_products, text,
                         active_only=self.active_only, limit=POPUP_LIMIT,
                         on_done=lambda found, t=text: self._looked_up(t, found),
                         on_error=self._lookup_failed)

    def _looked_up(self, text: str, found) -> None:
        self._pending.popleft()
        self._looking_up = False
        if found.exact is not None:
            self._take(found.exact)
        elif len(found.matches) == 1:
            self._take(found.matches[0])
        elif found.matches:
            if not self.text():
                self.setText(text)
            self._show_popup(found.matches)
            self._chosen_by_keys = True           # Enter again takes the first row
        else:
            if not self.text():
                self.setText(text)
                self.selectAll()                  # the next scan replaces it
            self.not_found.emit(text)
        self._next_lookup()

    def _lookup_failed(self, exc: BaseException) -> None:
        self._pending.clear()
        self._looking_up = False
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.setToolTip(error_text(exc))

    def _take(self, product) -> None:
        if product is None:
            return
        self.hide_popup()
        if self.clear_after_pick:
            self.clear()
        else:
            self.setText(product.sku)
        self.product_picked.emit(product)


class ProductPickerDialog(QDialog):
    """Find a product in a dialog: type, then Enter or double-click to choose."""

    product_picked = Signal(object)     # ProductInfo

    def __init__(self, client: Client, runner: Runner, *, active_only: bool = True,
                 title: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.active_only = client, active_only
        self.jobs = OwnedRunner(runner, self)
        self.setWindowTitle(title or self.tr("Choose a product"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("SKU, name, spec or barcode…"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.table = ProductTable()
        self.status = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Choose"))
        self.ok_button.setEnabled(False)
        self.ok_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(760, 460)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.table.itemSelectionChanged.connect(
            lambda: self.ok_button.setEnabled(self.table.current_product() is not None))
        self.table.itemDoubleClicked.connect(lambda _i: self._choose())
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        self._searched_text: str | None = None
        self._choose_when_found = False
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        self.status.setText(self.tr("Searching…"))
        self.jobs.submit(self.client.read, catalog.lookup_products, text,
                         active_only=self.active_only, limit=DIALOG_LIMIT,
                         on_done=lambda found, t=text: self._show(t, found),
                         on_error=self._failed, key=f"product-picker-dialog-{id(self)}")

    def _show(self, text: str, found) -> None:
        rows = list(found.matches)
        if found.exact is not None:               # the scanned product first
            rows = [found.exact] + [p for p in rows if p.id != found.exact.id]
        self._searched_text = text
        self.table.show_products(rows)
        if not rows:
            self.status.setText(self.tr("No product matches."))
        elif len(rows) >= DIALOG_LIMIT:
            self.status.setText(self.tr("The first %1 matches; type more to narrow them.")
                                .replace("%1", str(DIALOG_LIMIT)))
        else:
            self.status.setText("")
        if self._choose_when_found and text == self.search.text().strip():
            self._choose_when_found = False
            if found.exact is not None or len(rows) == 1:
                self._choose()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.search and event.type() == QEvent.KeyPress:
            key = event.key()
            if key in (Qt.Key_Down, Qt.Key_Up):
                self.table.move(1 if key == Qt.Key_Down else -1)
                return True
            if key in (Qt.Key_Return, Qt.Key_Enter):
                if self._searched_text == self.search.text().strip() \
                        and self.table.current_product() is not None:
                    self._choose()
                else:                              # typed or scanned faster than the search
                    self._choose_when_found = True
                    self.run_search()
                return True
        return super().eventFilter(obj, event)

    def _choose(self) -> None:
        product = self.table.current_product()
        if product is None:
            return
        self.accept()
        self.product_picked.emit(product)
