"""Sales settings (销售设置) for sales managers and administrators: the opportunity stages
(names, order, default probability, active), the public-pool rules per customer level and
the basis on which targets are measured.

Every changed stage row is saved by one ``stages.save_stage`` call each, all in ONE write
transaction (a problem in any row rolls back every row and is shown beside that row). Pool
rules go through ``pool.save_pool_rules``; the basis through ``targets.set_basis``
(administrators only; signed orders and cash collected wait for their modules). Others see
the settings read-only — the services refuse their saves anyway."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import pool as pool_service, stages as stage_service, targets as target_service
from services.errors import ValidationError
from ui import errors
from ui.widgets.lifetime import OwnedRunner

EDITORS = ("sales_manager", "admin")
LEVELS = ("A", "B", "C", "D")
MAX_DAYS = pool_service.MAX_DAYS
(COL_CODE, COL_NAME_EN, COL_NAME_ZH, COL_POSITION, COL_PROBABILITY, COL_WON, COL_LOST,
 COL_ACTIVE) = range(8)
STAGE_FIELD_COLUMNS = {"code": COL_CODE, "name_en": COL_NAME_EN, "name_zh": COL_NAME_ZH,
                       "position": COL_POSITION, "probability": COL_PROBABILITY,
                       "is_won": COL_WON, "is_lost": COL_LOST, "active": COL_ACTIVE}
BASES = ("won", "orders", "cash")
ERROR_BRUSH = QBrush(QColor("#fde2e1"))


def _load(session, actor):
    return (stage_service.list_stages(session, actor, include_inactive=True),
            pool_service.get_pool_rules(session), target_service.get_basis(session))


def save_stage_changes(session, actor, changes: list[tuple[int, dict]]):
    """Runs inside ONE client.write transaction: one save_stage per changed row. A failing
    row is marked on the exception (``row``) so the screen can show the problem there; the
    transaction then rolls back every row."""
    saved = []
    for row, kwargs in changes:
        try:
            saved.append(stage_service.save_stage(session, actor, **kwargs))
        except ValidationError as exc:
            exc.row = row
            raise
    return saved


def _spin(low: int, high: int, *, special: str | None = None, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    if special is not None:
        box.setSpecialValueText(special)
    if suffix:
        box.setSuffix(suffix)
    box.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return box


class SalesSettingsWidget(QWidget):
    loaded = Signal()
    stages_saved = Signal()
    rules_saved = Signal()
    basis_saved = Signal()
    failed = Signal(str)              # the message shown

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, OwnedRunner(runner, self)
        self.can_edit = client.actor.role in EDITORS
        self.can_set_basis = client.actor.role == "admin"
        self.stages: list = []          # StageInfo per saved row, None for added rows
        self.rules = None
        self.basis = "won"

        # --- stages
        self.stage_box = QGroupBox()
        self.table = QTableWidget(0, 8)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME_EN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NAME_ZH, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.save_stages_button = QPushButton()
        self.add_button.clicked.connect(self.add_stage)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.save_stages_button.clicked.connect(self.save_stages)
        self.stage_status = self._status_label()
        buttons = QHBoxLayout()
        for b in (self.add_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.save_stages_button)
        box = QVBoxLayout(self.stage_box)
        box.addWidget(self.table)
        box.addWidget(self.stage_status)
        box.addLayout(buttons)

        # --- pool rules
        self.pool_box = QGroupBox()
        self.rules_table = QTableWidget(len(LEVELS) + 1, 2)
        self.rules_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rules_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.rule_spins: dict[tuple[str, str], QSpinBox] = {}
        for r, key in enumerate((*LEVELS, "default")):
            for c, kind in enumerate(("no_follow_up_days", "no_deal_days")):
                spin = _spin(0, MAX_DAYS)
                self.rule_spins[(key, kind)] = spin
                self.rules_table.setCellWidget(r, c, spin)
        self.rules_table.setMaximumHeight(
            self.rules_table.horizontalHeader().sizeHint().height()
            + 5 * self.rules_table.verticalHeader().defaultSectionSize() + 12)
        self.max_owned = _spin(0, 1_000_000)
        self.reclaim_days = _spin(0, MAX_DAYS)
        for spin in (self.max_owned, self.reclaim_days):
            spin.setMaximumWidth(160)
        self.rules_form = QFormLayout()
        self.max_owned_label, self.reclaim_label = QLabel(), QLabel()
        self.rules_form.addRow(self.max_owned_label, self.max_owned)
        self.rules_form.addRow(self.reclaim_label, self.reclaim_days)
        self.save_rules_button = QPushButton()
        self.save_rules_button.clicked.connect(self.save_rules)
        self.rules_status = self._status_label()
        self.rules_hint = QLabel()
        self.rules_hint.setWordWrap(True)
        rules_buttons = QHBoxLayout()
        rules_buttons.addStretch(1)
        rules_buttons.addWidget(self.save_rules_button)
        box = QVBoxLayout(self.pool_box)
        box.addWidget(self.rules_hint)
        box.addWidget(self.rules_table)
        box.addLayout(self.rules_form)
        box.addWidget(self.rules_status)
        box.addLayout(rules_buttons)

        # --- attainment basis
        self.basis_box = QGroupBox()
        self.basis_combo = QComboBox()
        for basis in BASES:
            self.basis_combo.addItem("", basis)
        model = self.basis_combo.model()
        for i, basis in enumerate(BASES):
            if basis != "won":
                item = model.item(i)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        self.save_basis_button = QPushButton()
        self.save_basis_button.clicked.connect(self.save_basis)
        self.basis_status = self._status_label()
        row = QHBoxLayout()
        self.basis_label = QLabel()
        row.addWidget(self.basis_label)
        row.addWidget(self.basis_combo)
        row.addStretch(1)
        row.addWidget(self.save_basis_button)
        box = QVBoxLayout(self.basis_box)
        box.addLayout(row)
        box.addWidget(self.basis_status)

        self.read_only_note = QLabel()
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(not self.can_edit)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.stage_box, 3)
        layout.addWidget(self.pool_box)
        layout.addWidget(self.basis_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        for w in (self.add_button, self.up_button, self.down_button, self.save_stages_button,
                  self.save_rules_button, self.max_owned, self.reclaim_days,
                  *self.rule_spins.values()):
            w.setEnabled(self.can_edit)
        self.basis_combo.setEnabled(self.can_set_basis)
        self.save_basis_button.setEnabled(self.can_set_basis)
        self.retranslate()
        self.reload()

    # --- texts ---------------------------------------------------------------------------

    def _status_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setVisible(False)
        return label

    def retranslate(self) -> None:
        self.stage_box.setTitle(self.tr("Opportunity stages"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("English name"), self.tr("Chinese name"),
            self.tr("Order"), self.tr("Default probability"), self.tr("Won"), self.tr("Lost"),
            self.tr("Active")])
        self.add_button.setText(self.tr("&Add stage"))
        self.up_button.setText(self.tr("Move &up"))
        self.down_button.setText(self.tr("Move &down"))
        self.save_stages_button.setText(self.tr("&Save stages"))
        self.pool_box.setTitle(self.tr("Public pool rules"))
        self.rules_hint.setText(self.tr(
            "An owned customer returns to the public pool after the given days without a "
            "follow-up, or without a won deal since it was claimed. 0 switches a rule off."))
        self.rules_table.setHorizontalHeaderLabels([self.tr("Days without follow-up"),
                                                    self.tr("Days without a won deal")])
        self.rules_table.setVerticalHeaderLabels([
            *(self.tr("Level %1").replace("%1", level) for level in LEVELS),
            self.tr("Other / no level")])
        off = self.tr("Off")
        for spin in self.rule_spins.values():
            spin.setSpecialValueText(off)
        self.max_owned.setSpecialValueText(self.tr("No limit"))
        self.reclaim_days.setSpecialValueText(self.tr("No block"))
        self.max_owned_label.setText(self.tr("Most customers per rep:"))
        self.reclaim_label.setText(
            self.tr("Days before a released customer can be re-claimed:"))
        self.save_rules_button.setText(self.tr("Save &pool rules"))
        self.basis_box.setTitle(self.tr("Target attainment"))
        self.basis_label.setText(self.tr("Measured on:"))
        texts = {"won": self.tr("Won amount"), "orders": self.tr("Signed orders"),
                 "cash": self.tr("Cash collected")}
        needs = self.tr("Needs the orders/finance module")
        for i, basis in enumerate(BASES):
            self.basis_combo.setItemText(i, texts[basis])
            self.basis_combo.setItemData(i, needs if basis != "won" else None,
                                         Qt.ItemDataRole.ToolTipRole)
        self.basis_combo.setToolTip("" if self.can_set_basis else self.tr(
            "Only an administrator chooses how targets are measured."))
        self.save_basis_button.setText(self.tr("Save &basis"))
        self.read_only_note.setText(self.tr(
            "Only a sales manager or an administrator can change these settings."))
        if self.stages:
            self._render_stages(self._collect_stages())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        self.runner.submit(self.client.read, _load, on_done=self._loaded,
                           on_error=self._load_failed, key=f"sales-settings-{id(self)}")

    def _loaded(self, result) -> None:
        stages, rules, basis = result
        self.stages = list(stages)
        self._render_stages([self._row_of(s) for s in stages])
        self._show_rules(rules)
        self.basis = basis
        index = self.basis_combo.findData(basis)
        self.basis_combo.setCurrentIndex(max(index, 0))
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._show(self.stage_status, errors.describe(exc))
        if not errors.is_expected(exc):
            errors.show_error(self, exc)

    # --- stages --------------------------------------------------------------------------

    @staticmethod
    def _row_of(s) -> dict:
        return dict(stage_id=s.id, code=s.code, name_en=s.name_en, name_zh=s.name_zh,
                    position=s.position, probability=s.probability, is_won=s.is_won,
                    is_lost=s.is_lost, active=s.active)

    def _render_stages(self, rows: list[dict]) -> None:
        t = self.table
        t.setRowCount(0)
        t.setRowCount(len(rows))
        editable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.can_edit:
            editable |= Qt.ItemFlag.ItemIsEditable
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        yes, no = self.tr("Yes"), ""
        for r, row in enumerate(rows):
            code = QTableWidgetItem(row["code"])
            code.setData(Qt.ItemDataRole.UserRole, row["stage_id"])
            code.setFlags(editable if row["stage_id"] is None else fixed)
            t.setItem(r, COL_CODE, code)
            for col, key in ((COL_NAME_EN, "name_en"), (COL_NAME_ZH, "name_zh")):
                item = QTableWidgetItem(row[key])
                item.setFlags(editable)
                t.setItem(r, col, item)
            position = _spin(-9999, 9999)
            position.setValue(row["position"])
            probability = _spin(0, 100, suffix=" %")
            probability.setValue(row["probability"])
            for spin in (position, probability):
                spin.setEnabled(self.can_edit)
                spin.setFrame(False)
            t.setCellWidget(r, COL_POSITION, position)
            t.setCellWidget(r, COL_PROBABILITY, probability)
            for col, key in ((COL_WON, "is_won"), (COL_LOST, "is_lost")):
                item = QTableWidgetItem(yes if row[key] else no)
                item.setData(Qt.ItemDataRole.UserRole, bool(row[key]))
                item.setFlags(fixed)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                t.setItem(r, col, item)
            active = QTableWidgetItem()
            active.setFlags(fixed | (Qt.ItemFlag.ItemIsUserCheckable if self.can_edit
                                     else Qt.ItemFlag.NoItemFlags))
            active.setCheckState(Qt.CheckState.Checked if row["active"]
                                 else Qt.CheckState.Unchecked)
            t.setItem(r, COL_ACTIVE, active)

    def _collect_stages(self) -> list[dict]:
        t = self.table
        rows = []
        for r in range(t.rowCount()):
            rows.append(dict(
                stage_id=t.item(r, COL_CODE).data(Qt.ItemDataRole.UserRole),
                code=t.item(r, COL_CODE).text(),
                name_en=t.item(r, COL_NAME_EN).text(),
                name_zh=t.item(r, COL_NAME_ZH).text(),
                position=t.cellWidget(r, COL_POSITION).value(),
                probability=t.cellWidget(r, COL_PROBABILITY).value(),
                is_won=bool(t.item(r, COL_WON).data(Qt.ItemDataRole.UserRole)),
                is_lost=bool(t.item(r, COL_LOST).data(Qt.ItemDataRole.UserRole)),
                active=t.item(r, COL_ACTIVE).checkState() == Qt.CheckState.Checked))
        return rows

    def add_stage(self) -> int:
        """A new open stage at the end (before nothing: give it an order). Returns its row."""
        rows = self._collect_stages()
        last = max((r["position"] for r in rows), default=0)
        rows.append(dict(stage_id=None, code="", name_en="", name_zh="", position=last + 1,
                         probability=0, is_won=False, is_lost=False, active=True))
        self._render_stages(rows)
        row = len(rows) - 1
        self.table.setCurrentCell(row, COL_CODE)
        self.table.editItem(self.table.item(row, COL_CODE))
        return row

    def move_selected(self, step: int) -> None:
        """Swap the selected stage with its neighbour; the orders are swapped with it
        (renumbered 1, 2, … when two stages share an order)."""
        r = self.table.currentRow()
        other = r + step
        rows = self._collect_stages()
        if r < 0 or not 0 <= other < len(rows):
            return
        positions = sorted(row["position"] for row in rows)
        rows[r], rows[other] = rows[other], rows[r]
        if len(set(positions)) != len(positions):
            positions = list(range(1, len(rows) + 1))
        for row, position in zip(rows, positions):
            row["position"] = position
        self._render_stages(rows)
        self.table.setCurrentCell(other, COL_NAME_EN)

    def stage_changes(self) -> list[tuple[int, dict]]:
        """(row, save_stage keyword arguments) for every new or changed row."""
        before = {s.id: self._row_of(s) for s in self.stages}
        changes = []
        for r, row in enumerate(self._collect_stages()):
            if row["stage_id"] is not None and before.get(row["stage_id"]) == row:
                continue
            changes.append((r, row))
        return changes

    def save_stages(self) -> None:
        changes = self.stage_changes()
        self._clear_marks()
        if not changes:
            self._show(self.stage_status, self.tr("Nothing to save."), error=False)
            return
        self.save_stages_button.setEnabled(False)
        self.runner.submit(self.client.write, save_stage_changes, changes,
                           on_done=self._stages_saved, on_error=self._stages_failed)

    def _stages_saved(self, _saved) -> None:
        self.save_stages_button.setEnabled(self.can_edit)
        self._show(self.stage_status, self.tr("Stages saved."), error=False)
        self.stages_saved.emit()
        self.reload()

    def _stages_failed(self, exc: BaseException) -> None:
        self.save_stages_button.setEnabled(self.can_edit)
        row = getattr(exc, "row", None)
        if isinstance(exc, ValidationError) and row is not None:
            code = self.table.item(row, COL_CODE).text() or self.tr("new stage")
            lines = []
            for field, message in errors.field_messages(exc).items():
                col = STAGE_FIELD_COLUMNS.get(field, COL_CODE)
                self._mark(self.table, row, col, message)
                lines.append(self.tr("Row %1 (%2), %3: %4").replace("%1", str(row + 1))
                             .replace("%2", code).replace("%3", errors.field_label(field))
                             .replace("%4", message))
            text = "\n".join(lines)
            self.table.setCurrentCell(row, COL_NAME_EN)
        else:
            text = errors.describe(exc)
        self._show(self.stage_status, text)
        self.failed.emit(text)
        if not errors.is_expected(exc):
            errors.show_error(self, exc)

    # --- pool rules ----------------------------------------------------------------------

    def _show_rules(self, rules) -> None:
        self.rules = rules
        for key in (*LEVELS, "default"):
            rule = rules.default if key == "default" else rules.rule_for(key)
            self.rule_spins[(key, "no_follow_up_days")].setValue(rule.no_follow_up_days or 0)
            self.rule_spins[(key, "no_deal_days")].setValue(rule.no_deal_days or 0)
        self.max_owned.setValue(rules.max_owned or 0)
        self.reclaim_days.setValue(rules.reclaim_block_days)

    def rules_from_screen(self):
        def rule(key: str):
            return pool_service.LevelRule(
                self.rule_spins[(key, "no_follow_up_days")].value() or None,
                self.rule_spins[(key, "no_deal_days")].value() or None)
        return pool_service.PoolRules(
            by_level={level: rule(level) for level in LEVELS}, default=rule("default"),
            max_owned=self.max_owned.value() or None,
            reclaim_block_days=self.reclaim_days.value())

    def save_rules(self) -> None:
        self._clear_marks()
        self.save_rules_button.setEnabled(False)
        self.runner.submit(self.client.write, pool_service.save_pool_rules,
                           self.rules_from_screen(), on_done=self._rules_saved,
                           on_error=self._rules_failed)

    def _rules_saved(self, rules) -> None:
        self.save_rules_button.setEnabled(self.can_edit)
        self._show_rules(rules)
        self._show(self.rules_status, self.tr("Pool rules saved."), error=False)
        self.rules_saved.emit()

    def _rules_failed(self, exc: BaseException) -> None:
        self.save_rules_button.setEnabled(self.can_edit)
        if isinstance(exc, ValidationError):
            for field, message in errors.field_messages(exc).items():
                key, _, kind = field.partition("_")
                spin = self.rule_spins.get((key, kind)) or {
                    "max_owned": self.max_owned, "reclaim_block_days": self.reclaim_days
                }.get(field)
                if spin is not None:
                    spin.setStyleSheet("background: #fde2e1;")
                    spin.setToolTip(message)
        text = errors.describe(exc)
        self._show(self.rules_status, text)
        self.failed.emit(text)
        if not errors.is_expected(exc):
            errors.show_error(self, exc)

    # --- basis ---------------------------------------------------------------------------

    def save_basis(self) -> None:
        self.save_basis_button.setEnabled(False)
        self.runner.submit(self.client.write, target_service.set_basis,
                           self.basis_combo.currentData(), on_done=self._basis_saved,
                           on_error=self._basis_failed)

    def _basis_saved(self, basis) -> None:
        self.save_basis_button.setEnabled(self.can_set_basis)
        self.basis = basis
        self._show(self.basis_status, self.tr("Basis saved."), error=False)
        self.basis_saved.emit()

    def _basis_failed(self, exc: BaseException) -> None:
        self.save_basis_button.setEnabled(self.can_set_basis)
        text = errors.describe(exc)
        self._show(self.basis_status, text)
        self.failed.emit(text)
        if not errors.is_expected(exc):
            errors.show_error(self, exc)

    # --- messages ------------------------------------------------------------------------

    def _show(self, label: QLabel, text: str, *, error: bool = True) -> None:
        label.setStyleSheet("color: #b3261e;" if error else "color: #2e7d32;")
        label.setText(text)
        label.setVisible(bool(text))

    def _mark(self, table: QTableWidget, row: int, col: int, message: str) -> None:
        item = table.item(row, col)
        if item is not None:
            item.setBackground(ERROR_BRUSH)
            item.setToolTip(message)
        widget = table.cellWidget(row, col)
        if widget is not None:
            widget.setStyleSheet("background: #fde2e1;")
            widget.setToolTip(message)

    def _clear_marks(self) -> None:
        for label in (self.stage_status, self.rules_status, self.basis_status):
            label.setVisible(False)
        t = self.table
        for r in range(t.rowCount()):
            for c in range(t.columnCount()):
                item = t.item(r, c)
                if item is not None and item.toolTip():
                    item.setBackground(QBrush())
                    item.setToolTip("")
                widget = t.cellWidget(r, c)
                if widget is not None:
                    widget.setStyleSheet("")
                    widget.setToolTip("")
        for spin in (*self.rule_spins.values(), self.max_owned, self.reclaim_days):
            spin.setStyleSheet("")
            spin.setToolTip("")
