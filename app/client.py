"""The logged-in session as the UI sees it: a database and the acting user.

``ui/`` never opens a SQLAlchemy session; it hands a service function to
``Client.read``/``Client.write`` (normally through app.runner.Runner, off the GUI thread)
and gets the service's frozen dataclasses back."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

from app.db import Database
from app.settings import Settings
from services.org import Actor

T = TypeVar("T")


@dataclass
class Client:
    db: Database
    actor: Actor
    settings: Settings = field(default_factory=Settings)

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(session, actor, *args, **kwargs)`` in a read transaction."""
        return self.db.read(lambda s: fn(s, self.actor, *args, **kwargs))

    def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(session, actor, *args, **kwargs)`` as one write transaction (retried on
        serialization failure / deadlock)."""
        return self.db.write(lambda s: fn(s, self.actor, *args, **kwargs))

    @property
    def database_label(self) -> str:
        return self.db.display_name
