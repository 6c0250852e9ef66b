"""Background runner: service calls run on a thread pool; results and typed errors come back
to the GUI thread by signal. The GUI thread never waits on the database.

    runner.submit(client.read, list_customers, filt, on_done=show, on_error=warn,
                  key="customer-list")

A call submitted with a ``key`` supersedes earlier calls with the same key: when a newer
search has been typed, the older result is dropped, never shown."""
from __future__ import annotations

import itertools
import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    # Emitted from the worker thread; Qt queues it to the GUI thread (the relay lives there).
    finished = Signal(int, bool, object)


class _Task(QRunnable):
    def __init__(self, ticket: int, fn: Callable, args, kwargs, relay: _Relay):
        super().__init__()
        self.ticket, self.fn, self.args, self.kwargs, self.relay = ticket, fn, args, kwargs, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # delivered to on_error on the GUI thread
            self.relay.finished.emit(self.ticket, False, exc)
        else:
            self.relay.finished.emit(self.ticket, True, result)


class Runner(QObject):
    """Owns a thread pool; call only from the GUI thread."""

    busy_changed = Signal(bool)
    # Errors without an on_error handler (the main window shows them).
    unhandled_error = Signal(object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 4):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._tickets = itertools.count(1)
        self._pending: dict[int, tuple[Callable | None, Callable | None, str | None]] = {}
        self._latest: dict[str, int] = {}
        self._lock = threading.Lock()

    def submit(self, fn: Callable, *args: Any, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               key: str | None = None, **kwargs: Any) -> int:
        ticket = next(self._tickets)
        self._pending[ticket] = (on_done, on_error, key)
        if key is not None:
            self._latest[key] = ticket
        was_idle = len(self._pending) == 1
        self._pool.start(_Task(ticket, fn, args, kwargs, self._relay))
        if was_idle:
            self.busy_changed.emit(True)
        return ticket

    def cancel(self, key: str) -> None:
        """Drop the result of the call running under ``key`` (it still finishes)."""
        self._latest.pop(key, None)

    @property
    def pending(self) -> int:
        return len(self._pending)

    def wait_idle(self, msecs: int = 30000) -> bool:
        """For tests and shutdown: wait for the pool (does not deliver results)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, bool, object)
    def _deliver(self, ticket: int, ok: bool, payload: object) -> None:
        on_done, on_error, key = self._pending.pop(ticket, (None, None, None))
        if not self._pending:
            self.busy_changed.emit(False)
        stale = key is not None and self._latest.get(key) != ticket
        if key is not None and not stale:
            self._latest.pop(key, None)
        if stale:
            return
        if ok:
            if on_done is not None:
                on_done(payload)
        elif on_error is not None:
            on_error(payload)
        else:
            log.error("background call failed", exc_info=payload)
            self.unhandled_error.emit(payload)
