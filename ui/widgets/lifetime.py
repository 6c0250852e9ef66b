"""Background results for widgets that may be gone by the time the result arrives (a
customer tab closed while its data loaded): the result is dropped instead of touching a
deleted Qt object."""
from __future__ import annotations

from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject

from app.runner import Runner


def while_alive(owner: QObject, callback: Callable[[Any], None] | None):
    if callback is None:
        return None

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)
    return call


class OwnedRunner:
    """``Runner.submit`` on behalf of ``owner``: callbacks run only while it exists."""

    def __init__(self, runner: Runner, owner: QObject):
        self.runner, self.owner = runner, owner

    def submit(self, fn: Callable, *args: Any, on_done=None, on_error=None,
               key: str | None = None, **kwargs: Any) -> int:
        return self.runner.submit(fn, *args, on_done=while_alive(self.owner, on_done),
                                  on_error=while_alive(self.owner, on_error), key=key,
                                  **kwargs)
