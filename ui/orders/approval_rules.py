"""Approval rules for sales orders (sales managers and administrators): above which order
total, and above which line discount, a manager must approve an order. Either may be left
empty (no rule). Orders already submitted keep the decision taken when they were
submitted; messages appear beside their fields."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import order_approval
from services.errors import ValidationError
from services.order_approval import ApprovalRules
from ui.errors import describe as error_text, translate_service_message as message_text
from ui.pipeline import parse_money
from ui.stock import parse_qty
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from ui.widgets.lifetime import OwnedRunner

RULE_EDITORS = ("sales_manager", "admin")


def _plain(value: Decimal | None) -> str:
    return "" if value is None else f"{Decimal(value).normalize():f}"


class ApprovalRulesDialog(QDialog):
    """``saved(ApprovalRules)`` once stored."""

    saved = Signal(object)

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.jobs = OwnedRunner(runner, self)
        self.loaded = False
        self.setWindowTitle(self.tr("Order approval rules"))
        intro = QLabel(self.tr("A sales order needs a manager's approval when its total or "
                               "a line's discount is above these limits. Leave a limit "
                               "empty for no rule. Orders already submitted keep their "
                               "decision."))
        intro.setWordWrap(True)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 50000 or 5万 (empty: no limit)"))
        self.discount = QLineEdit()
        self.discount.setPlaceholderText(self.tr("e.g. 10 (empty: no limit)"))
        self.errors = FieldErrors(message_text)
        form = QFormLayout()
        form.addRow(self.tr("Order total above (¥)"), self.errors.wrap("amount_above",
                                                                      self.amount))
        form.addRow(self.tr("Line discount above (%)"), self.errors.wrap("discount_above",
                                                                        self.discount))
        self.status = QLabel()
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.save_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.jobs.submit(client.read, order_approval.get_approval_rules,
                         on_done=self._loaded, on_error=lambda e: self._say(error_text(e)))

    def _loaded(self, rules) -> None:
        self.amount.setText(_plain(rules.amount_above))
        self.discount.setText(_plain(rules.discount_above))
        self.loaded = True
        self.save_button.setEnabled(True)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def current_rules(self):
        problems = {}
        try:
            amount = parse_money(self.amount.text())
        except ValueError:
            amount = None
            problems["amount_above"] = self.tr("Type an amount such as 50000 or 5万.")
        try:
            discount = parse_qty(self.discount.text().replace("%", ""))
        except ValueError:
            discount = None
            problems["discount_above"] = self.tr("Type a percentage such as 10.")
        if problems:
            raise ValidationError(problems)
        return ApprovalRules(amount_above=amount, discount_above=discount)

    def save(self) -> None:
        self.errors.clear()
        self._say("")
        try:
            rules = self.current_rules()
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.save_button.setEnabled(False)
        self.jobs.submit(self.client.write, order_approval.set_approval_rules,
                         rules, on_done=self._saved, on_error=self._failed)

    def _saved(self, rules) -> None:
        self.accept()
        self.saved.emit(rules)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            rest = self.errors.show(exc.errors)
            self._say("\n".join(message_text(m) for m in rest.values()))
        else:
            self._say(error_text(exc))
