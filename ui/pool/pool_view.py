"""The public pool screen (公海): the customer list in the 'pool' scope with Claim (sales
staff), Assign to… (a manager: a rep of the team; an administrator: anyone in sales), and —
switching the list to the user's own customers — Release. A claim that lost the race, hit
the ownership limit or the re-claim block says so in a banner above the list."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from services import pool as pool_service
from services.errors import Conflict, PermissionDenied
from ui.customers.list_view import CustomerListWidget
from ui.errors import describe as error_text
from ui.pipeline.report_filters import sales_staff
from ui.widgets.lifetime import OwnedRunner

CLAIM_ROLES = ("sales", "sales_manager", "admin")
ASSIGN_ROLES = ("sales_manager", "admin")
BANNER_STYLES = {
    "ok": "background: #e6f4ea; color: #1e4620; border: 1px solid #b7dfc1;",
    "warn": "background: #fff4e5; color: #663c00; border: 1px solid #f3cf99;",
    "error": "background: #fdecea; color: #611a15; border: 1px solid #f1b8b3;",
}


class AssignDialog(QDialog):
    """Choose the rep who gets a customer; ``chosen(user_id)`` on OK."""

    chosen = Signal(int)

    def __init__(self, staff, customer_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign customer"))
        self.rep = QComboBox()
        for u in sorted(staff, key=lambda u: (u.team_name or "", u.display_name)):
            label = u.display_name + (f" · {u.team_name}" if u.team_name else "")
            self.rep.addItem(label, u.id)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("Why (optional, kept in the history)"))
        form = QFormLayout()
        form.addRow(QLabel(customer_text))
        form.addRow(self.tr("&To:"), self.rep)
        form.addRow(self.tr("&Note:"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Assign"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.rep.count() > 0)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _accept(self) -> None:
        if self.rep.currentData() is None:
            return
        self.accept()
        self.chosen.emit(self.rep.currentData())


class ReleaseDialog(QDialog):
    """Confirm putting a customer back into the pool, with an optional note."""

    def __init__(self, customer_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Release to the public pool"))
        text = QLabel(self.tr("Put %1 back into the public pool? Anyone in sales can then "
                              "claim it; you cannot claim it again for a few days.")
                      .replace("%1", customer_text))
        text.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("Why (optional, kept in the history)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Release"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())


class PoolWidget(CustomerListWidget):
    """The customer list fixed to the public pool, plus the pool actions. Sales staff can
    switch the list to their own customers (managers: their team's) to release one."""

    ownership_changed = Signal(int)     # a customer was claimed, assigned or released

    def __init__(self, client, runner, parent: QWidget | None = None):
        super().__init__(client, runner, pool_only=True, parent=parent)
        self.jobs = OwnedRunner(runner, self)
        role = client.actor.role
        self.can_claim = role in CLAIM_ROLES
        self.can_assign = role in ASSIGN_ROLES
        self.staff: list | None = None
        self.assign_dialog: AssignDialog | None = None
        self.release_dialog: ReleaseDialog | None = None
        self._busy_ids: set[int] = set()

        # The scope box offers the pool and, for releasing, the user's own customers.
        keep = {"pool"} | ({"mine"} if role in ("sales", "sales_manager") else set()) | (
            {"team"} if role == "sales_manager" else set()) | (
            {"all"} if role == "admin" else set())
        for i in reversed(range(self.scope.count())):
            if self.scope.itemData(i) not in keep:
                self.scope.removeItem(i)
        self.scope.setCurrentIndex(self.scope.findData("pool"))
        several = self.scope.count() > 1
        self.scope.setVisible(several)
        self.scope_label.setVisible(several)
        self.new_button.hide()

        self.claim_button = QPushButton()
        self.claim_button.setVisible(self.can_claim)
        self.assign_button = QPushButton()
        self.assign_button.setVisible(self.can_assign)
        self.release_button = QPushButton()
        self.release_button.setVisible(self.can_claim)
        for b in (self.claim_button, self.assign_button, self.release_button):
            b.setEnabled(False)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setContentsMargins(8, 5, 8, 5)
        self.banner.hide()
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.banner, 1)
        actions.addWidget(self.claim_button)
        actions.addWidget(self.assign_button)
        actions.addWidget(self.release_button)
        layout = self.layout()
        layout.insertLayout(1, actions)
        if not (self.can_claim or self.can_assign):
            self.banner.setText(self.tr("Only sales staff claim customers from the pool."))

        self.claim_button.clicked.connect(self.claim_selected)
        self.assign_button.clicked.connect(self.assign_selected)
        self.release_button.clicked.connect(self.release_selected)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(lambda *_a: self._update_buttons())
        self._retranslate_pool()

    # --- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "claim_button"):
            self._retranslate_pool()

    def _retranslate_pool(self) -> None:
        self.claim_button.setText(self.tr("&Claim"))
        self.claim_button.setToolTip(self.tr("Take the selected customer from the pool; it "
                                             "becomes yours."))
        self.assign_button.setText(self.tr("&Assign to…"))
        self.assign_button.setToolTip(self.tr("Give the selected customer to a rep of your "
                                              "team."))
        self.release_button.setText(self.tr("&Release"))
        self.release_button.setToolTip(self.tr("Put the selected customer of yours back into "
                                               "the pool."))

    # --- selection -----------------------------------------------------------------------
    def selected_row(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.row_at(index.row())
        return row if row is not None and getattr(row, "id", None) is not None else None

    def select_customer(self, customer_id: int) -> bool:
        """Make ``customer_id`` the current row (if it is loaded)."""
        r = self.model.row_of_id(customer_id)
        if r is None:
            return False
        self.table.setCurrentIndex(self.model.index(r, 0))
        self.table.selectRow(r)
        return True

    def _update_buttons(self) -> None:
        row = self.selected_row()
        free = row is not None and row.owner_id is None and row.id not in self._busy_ids
        owned = row is not None and row.owner_id is not None and row.id not in self._busy_ids
        self.claim_button.setEnabled(self.can_claim and free)
        self.assign_button.setEnabled(self.can_assign and row is not None
                                      and row.id not in self._busy_ids)
        mine = owned and (row.owner_id == self.client.actor.user_id
                          or self.client.actor.role in ASSIGN_ROLES)
        self.release_button.setEnabled(self.can_claim and mine)

    @staticmethod
    def _label(row) -> str:
        return f"{row.code} {row.name}"

    # --- banner --------------------------------------------------------------------------
    def show_banner(self, text: str, kind: str = "ok") -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(BANNER_STYLES[kind] + " border-radius: 4px;")
        self.banner.setProperty("kind", kind)
        self.banner.show()

    def refusal_text(self, exc: BaseException) -> str:
        """Why a claim, assignment or release did not happen, in the user's language."""
        message = str(exc)
        if isinstance(exc, pool_service.AlreadyClaimed):
            if message.endswith("is already yours."):
                return self.tr("Customer %1 is already yours.").replace("%1", exc.code)
            return (self.tr("Customer %1 was already claimed by %2.").replace("%1", exc.code)
                    .replace("%2", exc.owner_name or self.tr("someone else")))
        m = re.match(r"^You own (\d+) customers, the most allowed is (\d+);", message)
        if isinstance(exc, pool_service.ClaimLimitReached) and m:
            return (self.tr("You own %1 customers, the most allowed is %2; release one before "
                            "claiming another.").replace("%1", m.group(1))
                    .replace("%2", m.group(2)))
        m = re.match(r"^(.+) owns (\d+) customers, the most allowed is (\d+)\.$", message)
        if isinstance(exc, pool_service.ClaimLimitReached) and m:
            return (self.tr("%1 owns %2 customers, the most allowed is %3.")
                    .replace("%1", m.group(1)).replace("%2", m.group(2))
                    .replace("%3", m.group(3)))
        m = re.match(r"^Customer (\S+) left you less than (\d+) days ago; you can claim it "
                     r"again in (\d+) days?\.$", message)
        if isinstance(exc, pool_service.ReclaimBlocked) and m:
            return (self.tr("Customer %1 left you less than %2 days ago; you can claim it "
                            "again in %3 day(s).").replace("%1", m.group(1))
                    .replace("%2", m.group(2)).replace("%3", m.group(3)))
        return error_text(exc)

    def _refused(self, exc: BaseException) -> None:
        kind = "warn" if isinstance(exc, (Conflict, PermissionDenied)) else "error"
        self.show_banner(self.refusal_text(exc), kind)

    def _done(self, customer_id: int, text: str) -> None:
        self._busy_ids.discard(customer_id)
        self.show_banner(text, "ok")
        self.refresh()
        self.ownership_changed.emit(customer_id)

    def _failed(self, customer_id: int, exc: BaseException) -> None:
        self._busy_ids.discard(customer_id)
        self._refused(exc)
        # The list may be stale (someone else claimed it): show what is true now.
        self.refresh()

    # --- claim ---------------------------------------------------------------------------
    def claim_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.claim(row.id, self._label(row))

    def claim(self, customer_id: int, label: str = "") -> None:
        """Claim a customer from the pool in the background; the banner tells the outcome."""
        if customer_id in self._busy_ids:
            return
        self._busy_ids.add(customer_id)
        self._update_buttons()
        self.jobs.submit(self.client.write, pool_service.claim_customer, customer_id,
                         on_done=lambda d: self._done(customer_id, self.tr(
                             "%1 is now your customer.").replace("%1", f"{d.code} {d.name}")),
                         on_error=lambda exc: self._failed(customer_id, exc))

    # --- assign --------------------------------------------------------------------------
    def assign_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if self.staff is None:
            self.jobs.submit(self.client.read, sales_staff,
                             on_done=lambda staff: self._ask_assignee(row, staff),
                             on_error=self._refused)
        else:
            self._ask_assignee(row, self.staff)

    def _ask_assignee(self, row, staff) -> None:
        self.staff = staff
        people = [u for u in staff if u.id != row.owner_id]
        self.assign_dialog = AssignDialog(people, self._label(row), self)
        self.assign_dialog.chosen.connect(
            lambda user_id: self.assign(row.id, user_id,
                                        note=self.assign_dialog.note.text().strip() or None))
        self.assign_dialog.open()

    def assign(self, customer_id: int, user_id: int, *, note: str | None = None) -> None:
        if customer_id in self._busy_ids:
            return
        self._busy_ids.add(customer_id)
        self._update_buttons()
        self.jobs.submit(self.client.write, pool_service.assign_customer, customer_id, user_id,
                         note=note,
                         on_done=lambda d: self._done(customer_id, self.tr(
                             "%1 now belongs to %2.").replace("%1", f"{d.code} {d.name}")
                             .replace("%2", d.owner_name or "")),
                         on_error=lambda exc: self._failed(customer_id, exc))

    # --- release -------------------------------------------------------------------------
    def release_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.owner_id is None:
            return
        self.release_dialog = ReleaseDialog(self._label(row), self)
        self.release_dialog.accepted.connect(
            lambda: self.release(row.id, note=self.release_dialog.note.text().strip() or None))
        self.release_dialog.open()

    def release(self, customer_id: int, *, note: str | None = None) -> None:
        if customer_id in self._busy_ids:
            return
        self._busy_ids.add(customer_id)
        self._update_buttons()
        self.jobs.submit(self.client.write, pool_service.release_customer, customer_id,
                         note=note,
                         on_done=lambda d: self._done(customer_id, self.tr(
                             "%1 is back in the public pool.").replace(
                                 "%1", f"{d.code} {d.name}")),
                         on_error=lambda exc: self._failed(customer_id, exc))
