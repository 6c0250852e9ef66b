"""Kanban board of opportunities: one column per stage (in stage order) with the count and
amount of what it holds, one card per opportunity (title, customer, amount, expected close,
owner).

Changing a stage:
- Mouse: drag a card onto another column.
- Keyboard: focus a card (Tab, or click), then Ctrl+← / Ctrl+→ (Alt+← / Alt+→ work too, for
  keyboards where Ctrl+arrows are taken) moves it one stage left or right. The arrow keys
  alone move the focus (↑/↓ within a column, ←/→ to the neighbouring column), Enter opens
  the opportunity, and the context-menu key (or Shift+F10) offers every stage and the
  customer's 360° view.
Moving to a lost stage first asks why it was lost. The card moves at once; the service
call runs in the background, and if it fails the card goes back where it was and the
error is shown. After every change the board reloads, so counts and amounts are the
service's."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QHBoxLayout, QLabel,
                               QLineEdit, QMenu, QMessageBox, QPushButton, QScrollArea,
                               QSizePolicy, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import opportunities as opportunity_service
from services.opportunities import OpportunityFilter
from ui.errors import describe as error_text, error_title
from ui.pipeline import money_text, sales_people, stage_name
from ui.pipeline.opportunity_form import LostReasonDialog, OpportunityFormDialog
from ui.widgets.formatting import date_text
from ui.widgets.lifetime import OwnedRunner

MIME_TYPE = "application/x-qianli-opportunity"
COLUMN_WIDTH = 236
SEARCH_DELAY_MS = 300

BOARD_STYLE = """
QWidget#boardArea { background: #f3f5f7; }
QFrame#stageColumn { background: #e9edf1; border-radius: 8px; }
QFrame#stageColumn[dropTarget="true"] { background: #dbe9fb; border: 2px dashed #1f6feb; }
QLabel#stageName { font-weight: bold; }
QLabel#stageName[kind="won"] { color: #1b5e20; }
QLabel#stageName[kind="lost"] { color: #b71c1c; }
QLabel#stageSummary, QLabel#stageMore { color: #57606a; }
QFrame#opportunityCard { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }
QFrame#opportunityCard:focus { border: 2px solid #1f6feb; }
QFrame#opportunityCard[pending="true"] { background: #f6f8fa; border: 1px dashed #8c959f; }
QFrame#opportunityCard[state="won"] { border-left: 4px solid #2e7d32; }
QFrame#opportunityCard[state="lost"] { border-left: 4px solid #c62828; }
QLabel#cardTitle { font-weight: bold; }
QLabel#cardAmount { color: #0a3069; font-weight: bold; }
QLabel#cardMeta { color: #57606a; }
QLabel#cardMeta[overdue="true"] { color: #c62828; }
QLabel#cardCommit { color: #9a6700; }
"""


def _restyle(widget: QWidget, name: str, value) -> None:
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def card_mime(info) -> QMimeData:
    """What a dragged card carries: the opportunity, the version the board showed and the
    stage it left (and its title as plain text for other drop targets)."""
    mime = QMimeData()
    payload = {"id": info.id, "version": info.version_id, "stage_id": info.stage_id}
    mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
    mime.setText(info.title)
    return mime


def read_mime(mime: QMimeData | None) -> dict | None:
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
        return {"id": int(payload["id"]), "version": int(payload["version"]),
                "stage_id": int(payload["stage_id"])}
    except (ValueError, KeyError, TypeError):
        return None


def _elided(label: QLabel, text: str, width: int) -> None:
    label.setText(label.fontMetrics().elidedText(text, Qt.ElideRight, width))
    label.setToolTip(text if label.text() != text else "")


class OpportunityCard(QFrame):
    def __init__(self, board: "PipelineBoard", info, parent: QWidget | None = None):
        super().__init__(parent)
        self.board, self.info, self.column = board, info, None
        self._press: QPoint | None = None
        self.setObjectName("opportunityCard")
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.OpenHandCursor)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.customer = QLabel()
        self.amount = QLabel()
        self.amount.setObjectName("cardAmount")
        self.commit = QLabel()
        self.commit.setObjectName("cardCommit")
        self.close_on = QLabel()
        self.close_on.setObjectName("cardMeta")
        self.owner = QLabel()
        self.owner.setObjectName("cardMeta")
        money = QHBoxLayout()
        money.addWidget(self.amount)
        money.addWidget(self.commit)
        money.addStretch(1)
        meta = QHBoxLayout()
        meta.addWidget(self.close_on)
        meta.addStretch(1)
        meta.addWidget(self.owner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.customer)
        layout.addLayout(money)
        layout.addLayout(meta)
        self.set_info(info)

    def set_info(self, info) -> None:
        self.info = info
        inner = COLUMN_WIDTH - 48
        _elided(self.title, info.title, inner)
        _elided(self.customer, info.customer_name or "", inner)
        self.amount.setText(money_text(info.amount))
        self.amount.setToolTip(self.tr("%1% probability").replace("%1", str(info.probability)))
        self.commit.setText(self.tr("commit") if info.is_commit else "")
        self.commit.setVisible(bool(info.is_commit))
        self.close_on.setText(date_text(info.expected_close_on) or self.tr("no close date"))
        overdue = (info.state == "open" and info.expected_close_on is not None
                   and info.expected_close_on < dt.date.today())
        _restyle(self.close_on, "overdue", overdue)
        self.close_on.setToolTip(self.tr("Expected close date has passed") if overdue
                                 else self.tr("Expected close date"))
        self.owner.setText(info.owner_name or "")
        _restyle(self, "state", info.state)
        self.setAccessibleName(f"{info.title}, {info.customer_name}, {money_text(info.amount)}")

    def mime_data(self) -> QMimeData:
        return card_mime(self.info)

    def set_pending(self, pending: bool) -> None:
        _restyle(self, "pending", pending)

    # -- mouse ------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.LeftButton:
            self._press = event.position().toPoint()
            self.setFocus(Qt.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if (self._press is not None and event.buttons() & Qt.LeftButton and
                (event.position().toPoint() - self._press).manhattanLength()
                >= QApplication.startDragDistance()):
            self._press = None
            self.board.drag_card(self)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self.board.open_opportunity(self.info)

    # -- keyboard -------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self.board.card_key(self, event):
            super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        self.board.card_menu(self, event.globalPos())

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.board.card_focused(self)


class StageColumn(QFrame):
    """One stage: header with count and amount, the cards, and a drop target for cards."""

    def __init__(self, board: "PipelineBoard", column, parent: QWidget | None = None):
        super().__init__(parent)
        self.board = board
        self.stage = column.stage
        self.count, self.amount = column.count, Decimal(column.amount or 0)
        self.setObjectName("stageColumn")
        self.setAcceptDrops(True)
        self.setFixedWidth(COLUMN_WIDTH)
        self.name = QLabel(stage_name(self.stage))
        self.name.setObjectName("stageName")
        _restyle(self.name, "kind", "won" if self.stage.is_won else
                 "lost" if self.stage.is_lost else "open")
        self.probability = QLabel(f"{self.stage.probability}%")
        self.probability.setObjectName("stageSummary")
        self.probability.setToolTip(self.tr("Default probability of this stage"))
        self.summary = QLabel()
        self.summary.setObjectName("stageSummary")
        self.more = QLabel()
        self.more.setObjectName("stageMore")
        self.more.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addStretch(1)
        top.addWidget(self.probability)
        self.body = QWidget()
        self.body.setObjectName("stageBody")
        self.body.setStyleSheet("QWidget#stageBody { background: transparent; }")
        self.cards_layout = QVBoxLayout(self.body)
        self.cards_layout.setContentsMargins(0, 0, 4, 0)
        self.cards_layout.setSpacing(6)
        self.cards_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        self.scroll.viewport().setStyleSheet("background: transparent;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.more)
        for info in column.cards:
            self.add_card(OpportunityCard(board, info))
        self.shown_cards = len(column.cards)
        self._show_totals()

    # -- cards ----------------------------------------------------------------------------
    def cards(self) -> list[OpportunityCard]:
        out = []
        for i in range(self.cards_layout.count()):
            w = self.cards_layout.itemAt(i).widget()
            if isinstance(w, OpportunityCard):
                out.append(w)
        return out

    def add_card(self, card: OpportunityCard, index: int | None = None) -> None:
        count = len(self.cards())
        index = count if index is None else max(0, min(index, count))
        card.column = self
        self.cards_layout.insertWidget(index, card)
        card.show()

    def take_card(self, card: OpportunityCard) -> int:
        index = self.cards().index(card)
        self.cards_layout.removeWidget(card)
        card.column = None
        return index

    def add_totals(self, count: int, amount: Decimal) -> None:
        self.count += count
        self.amount += amount
        self.shown_cards += count
        self._show_totals()

    def _show_totals(self) -> None:
        self.summary.setText(self.tr("%1 · %2").replace("%1", str(self.count))
                             .replace("%2", money_text(self.amount)))
        self.summary.setToolTip(self.tr("%1 opportunities, %2 in total")
                                .replace("%1", str(self.count))
                                .replace("%2", money_text(self.amount)))
        hidden = self.count - self.shown_cards
        self.more.setText(self.tr("%1 more not shown; narrow the filters to see them.")
                          .replace("%1", str(hidden)) if hidden > 0 else "")
        self.more.setVisible(hidden > 0)

    # -- drop target ----------------------------------------------------------------------
    def _wants(self, event) -> bool:
        payload = read_mime(event.mimeData())
        return payload is not None and payload["stage_id"] != self.stage.id

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._wants(event):
            event.setDropAction(Qt.MoveAction)
            event.accept()
            _restyle(self, "dropTarget", True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if self._wants(event):
            event.setDropAction(Qt.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        _restyle(self, "dropTarget", False)

    def dropEvent(self, event) -> None:  # noqa: N802
        _restyle(self, "dropTarget", False)
        if self.board.drop(event.mimeData(), self.stage.id):
            event.setDropAction(Qt.MoveAction)
            event.accept()
        else:
            event.ignore()


class PipelineBoard(QWidget):
    """``open_customer(id)`` asks the main window for a customer's 360° view;
    ``opportunity_changed(info)`` fires after a stage change or an edit was saved;
    ``move_failed(id, error)`` after a refused stage change put the card back."""

    open_customer = Signal(int)
    opportunity_changed = Signal(object)
    move_failed = Signal(int, object)

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.columns: list[StageColumn] = []
        self.loading = True
        self._shown_before = False
        self._moves = 0                  # stage changes saving right now
        self._reload_wanted = False
        self._focus_id: int | None = None
        self.error_box: QMessageBox | None = None
        self.lost_dialog: LostReasonDialog | None = None
        self.form: OpportunityFormDialog | None = None
        self.menu: QMenu | None = None
        self.setStyleSheet(BOARD_STYLE)
        self._build()
        self.jobs.submit(self.client.read, sales_people, on_done=self._owners_ready,
                         on_error=self._load_failed)
        self.reload()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.scope = QComboBox()
        for code, text in (("mine", self.tr("Mine")), ("team", self.tr("My team")),
                           ("all", self.tr("All I can see"))):
            self.scope.addItem(text, code)
        default = {"sales": "mine", "sales_manager": "team"}.get(self.client.actor.role, "all")
        self.scope.setCurrentIndex(self.scope.findData(default))
        self.owner = QComboBox()
        self.owner.addItem(self.tr("Any owner"), None)
        self.period = QComboBox()
        for code, text in (("", self.tr("Any close date")),
                           ("this_month", self.tr("Closing this month")),
                           ("next_month", self.tr("Closing next month")),
                           ("this_quarter", self.tr("Closing this quarter")),
                           ("this_year", self.tr("Closing this year")),
                           ("overdue", self.tr("Close date passed"))):
            self.period.addItem(text, code)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Title or customer…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search.setMaximumWidth(260)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.new_button = QPushButton(self.tr("New opportunity…"))
        self.new_button.setVisible(self.client.actor.role in ("sales", "sales_manager", "admin"))
        bar = QHBoxLayout()
        for caption, widget in ((self.tr("Show"), self.scope), (self.tr("Owner"), self.owner),
                                (self.tr("Close"), self.period)):
            label = QLabel(caption)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.search)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.new_button)

        self.hint = QLabel(self.tr("Drag a card to another stage, or select it and press "
                                   "Ctrl+← / Ctrl+→ (or Alt+← / Alt+→). Enter opens it."))
        self.hint.setObjectName("stageSummary")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()

        self.area = QWidget()
        self.area.setObjectName("boardArea")
        self.columns_layout = QHBoxLayout(self.area)
        self.columns_layout.setContentsMargins(8, 8, 8, 8)
        self.columns_layout.setSpacing(8)
        self.columns_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.area)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.scope, self.owner, self.period):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.new_button.clicked.connect(lambda: self.open_opportunity(None))

    def _owners_ready(self, users) -> None:
        current = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("Any owner"), None)
        for u in users:
            self.owner.addItem(u.display_name, u.id)
        self.owner.setCurrentIndex(max(self.owner.findData(current), 0))
        self.owner.blockSignals(False)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Coming back to the board (another tab changed opportunities meanwhile): reload.
        super().showEvent(event)
        if self._shown_before and not self.loading:
            self.reload()
        self._shown_before = True

    # -- filters --------------------------------------------------------------------------
    def close_period(self, today: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
        """(close_from, close_to) of the chosen close-date filter, both inclusive."""
        today = today or dt.date.today()
        code = self.period.currentData()

        def month_end(d: dt.date) -> dt.date:
            nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return nxt - dt.timedelta(days=1)
        if code == "this_month":
            return today.replace(day=1), month_end(today)
        if code == "next_month":
            first = month_end(today) + dt.timedelta(days=1)
            return first, month_end(first)
        if code == "this_quarter":
            first = dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
            last = month_end(dt.date(first.year, first.month + 2, 1))
            return first, last
        if code == "this_year":
            return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
        if code == "overdue":
            return None, today - dt.timedelta(days=1)
        return None, None

    def current_filter(self) -> OpportunityFilter:
        close_from, close_to = self.close_period()
        return OpportunityFilter(scope=self.scope.currentData(), owner_id=self.owner.currentData(),
                                 close_from=close_from, close_to=close_to,
                                 text=self.search.text().strip())

    # -- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.loading = True
        self.jobs.submit(self.client.read, opportunity_service.board, self.current_filter(),
                         on_done=self._loaded, on_error=self._load_failed,
                         key=f"pipeline-board-{id(self)}")

    def _loaded(self, columns) -> None:
        if self._moves:
            # A stage change is saving: this result may predate it. Load again after it.
            self._reload_wanted = True
            return
        focused = self.focused_card()
        focus_id = focused.info.id if focused is not None else self._focus_id
        for column in self.columns:
            self.columns_layout.removeWidget(column)
            column.deleteLater()
        self.columns = []
        for data in columns:
            column = StageColumn(self, data)
            self.columns_layout.insertWidget(self.columns_layout.count() - 1, column)
            self.columns.append(column)
        self.loading = False
        if focus_id is not None and self.isVisible():
            card = self.card(focus_id)
            if card is not None:
                card.setFocus(Qt.OtherFocusReason)

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        self._say(error_text(exc), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828;" if error else "color: #1b5e20;")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    @property
    def settled(self) -> bool:
        """Nothing loading and no stage change saving (what is shown is what is saved)."""
        return not self.loading and self._moves == 0

    # -- lookups --------------------------------------------------------------------------
    @property
    def stages(self) -> list:
        return [c.stage for c in self.columns]

    def column(self, stage_id: int) -> StageColumn | None:
        return next((c for c in self.columns if c.stage.id == stage_id), None)

    def card(self, opportunity_id: int) -> OpportunityCard | None:
        for column in self.columns:
            for card in column.cards():
                if card.info.id == opportunity_id:
                    return card
        return None

    def focused_card(self) -> OpportunityCard | None:
        w = QApplication.focusWidget()
        return w if isinstance(w, OpportunityCard) and w.board is self else None

    def card_focused(self, card: OpportunityCard) -> None:
        self._focus_id = card.info.id
        if card.column is not None:
            card.column.scroll.ensureWidgetVisible(card, 0, 8)
            self.scroll.ensureWidgetVisible(card.column, 8, 0)

    # -- moving a card --------------------------------------------------------------------
    def drag_card(self, card: OpportunityCard) -> None:
        drag = QDrag(card)
        drag.setMimeData(card.mime_data())
        drag.setPixmap(card.grab())
        drag.setHotSpot(QPoint(card.width() // 2, 12))
        card.setCursor(Qt.ClosedHandCursor)
        drag.exec(Qt.MoveAction)   # the drop lands in StageColumn.dropEvent → drop()
        card.setCursor(Qt.OpenHandCursor)

    def drop(self, mime: QMimeData, stage_id: int) -> bool:
        """A card (as card_mime made it) dropped on the column of ``stage_id``."""
        payload = read_mime(mime)
        if payload is None:
            return False
        card = self.card(payload["id"])
        if card is None or card.info.stage_id == stage_id:
            return False
        # The drag runs its own event loop; ask for a lost reason after it has finished.
        QTimer.singleShot(0, self, lambda: self.request_move(payload["id"], stage_id))
        return True

    def move_by(self, card: OpportunityCard, step: int) -> None:
        stages = self.stages
        index = next((i for i, s in enumerate(stages) if s.id == card.info.stage_id), None)
        if index is None or not 0 <= index + step < len(stages):
            return
        self.request_move(card.info.id, stages[index + step].id)

    def request_move(self, opportunity_id: int, stage_id: int) -> None:
        card, column = self.card(opportunity_id), self.column(stage_id)
        if card is None or column is None or card.info.stage_id == stage_id:
            return
        if column.stage.is_lost:
            dialog = LostReasonDialog(card.info.title, stage_name(column.stage), parent=self)
            dialog.reason_given.connect(
                lambda reason: self._start_move(opportunity_id, stage_id, reason))
            dialog.rejected.connect(lambda: self._refocus(opportunity_id))
            self.lost_dialog = dialog
            dialog.open()
            return
        self._start_move(opportunity_id, stage_id, None)

    def _refocus(self, opportunity_id: int) -> None:
        card = self.card(opportunity_id)
        if card is not None:
            card.setFocus(Qt.OtherFocusReason)

    def _start_move(self, opportunity_id: int, stage_id: int, lost_reason: str | None) -> None:
        card, target = self.card(opportunity_id), self.column(stage_id)
        if card is None or target is None or card.column is target:
            return
        source = card.column
        index = source.take_card(card)
        source.add_totals(-1, -Decimal(card.info.amount or 0))
        target.add_card(card, 0)
        target.add_totals(1, Decimal(card.info.amount or 0))
        card.set_pending(True)
        card.setFocus(Qt.OtherFocusReason)      # the keyboard user goes on from here
        self._moves += 1
        self._say("")
        self.jobs.submit(
            self.client.write, opportunity_service.move_stage, opportunity_id, stage_id,
            expected_version=card.info.version_id, lost_reason=lost_reason,
            on_done=self._moved,
            on_error=lambda exc: self._move_failed(opportunity_id, source.stage.id, index, exc))

    def _moved(self, info) -> None:
        self._moves -= 1
        card = self.card(info.id)
        if card is not None:
            card.set_pending(False)
            card.set_info(info)
        self.opportunity_changed.emit(info)
        self._after_moves()

    def _move_failed(self, opportunity_id: int, stage_id: int, index: int,
                     exc: BaseException) -> None:
        self._moves -= 1
        card, home = self.card(opportunity_id), self.column(stage_id)
        if card is not None and home is not None:
            away = card.column
            away.take_card(card)
            away.add_totals(-1, -Decimal(card.info.amount or 0))
            home.add_card(card, index)
            home.add_totals(1, Decimal(card.info.amount or 0))
            card.set_pending(False)
            card.setFocus(Qt.OtherFocusReason)
        text = error_text(exc)
        self._say(text, error=True)
        box = QMessageBox(QMessageBox.Warning, error_title(exc), text, QMessageBox.Ok, self)
        self.error_box = box
        box.open()
        self.move_failed.emit(opportunity_id, exc)
        self._after_moves()

    def _after_moves(self) -> None:
        if self._moves == 0:
            self._reload_wanted = False
            self.reload()

    # -- keyboard and menu ----------------------------------------------------------------
    def card_key(self, card: OpportunityCard, event) -> bool:
        key, mods = event.key(), event.modifiers()
        mover = mods & (Qt.ControlModifier | Qt.AltModifier)
        if key in (Qt.Key_Left, Qt.Key_Right) and mover:
            self.move_by(card, -1 if key == Qt.Key_Left else 1)
            return True
        if key in (Qt.Key_Return, Qt.Key_Enter):
            self.open_opportunity(card.info)
            return True
        if card.column is None:
            return False
        if key in (Qt.Key_Up, Qt.Key_Down):
            cards = card.column.cards()
            i = cards.index(card) + (-1 if key == Qt.Key_Up else 1)
            if 0 <= i < len(cards):
                cards[i].setFocus(Qt.TabFocusReason)
            return True
        if key in (Qt.Key_Left, Qt.Key_Right):
            self._focus_neighbour(card, -1 if key == Qt.Key_Left else 1)
            return True
        return False

    def _focus_neighbour(self, card: OpportunityCard, step: int) -> None:
        row = card.column.cards().index(card)
        i = self.columns.index(card.column) + step
        while 0 <= i < len(self.columns):
            cards = self.columns[i].cards()
            if cards:
                cards[min(row, len(cards) - 1)].setFocus(Qt.TabFocusReason)
                return
            i += step

    def card_menu(self, card: OpportunityCard, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Open…"), lambda: self.open_opportunity(card.info))
        customer_id = card.info.customer_id
        menu.addAction(self.tr("Open customer"), lambda: self.open_customer.emit(customer_id))
        moves = menu.addMenu(self.tr("Move to"))
        opportunity_id = card.info.id
        for stage in self.stages:
            action = moves.addAction(stage_name(stage))
            action.setEnabled(stage.id != card.info.stage_id)
            action.triggered.connect(
                lambda _c=False, sid=stage.id: self.request_move(opportunity_id, sid))
        self.menu = menu
        menu.popup(pos)

    # -- opportunity form -----------------------------------------------------------------
    def open_opportunity(self, info) -> None:
        """The form for ``info`` (an OpportunityInfo), or a new one when None."""
        self.form = OpportunityFormDialog(self.client, self.runner, opportunity=info,
                                          parent=self)
        self.form.saved.connect(self._form_saved)
        self.form.open_customer.connect(self.open_customer)
        self.form.open()

    def _form_saved(self, info) -> None:
        self._focus_id = info.id
        self.opportunity_changed.emit(info)
        self.reload()
