"""Logging for the CLI and the desktop client: a rotating file in the user's log dir.

``setup_logging()`` is idempotent. The log keeps five old files of 2 MB each, so a busy
office PC never fills its disk, and a support request can attach the whole folder.
Tracebacks of unexpected errors go here; users see a sentence, not a stack."""
from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from app import settings

LOG_FILE_NAME = "qianli.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(process)d %(threadName)s %(name)s: %(message)s"

_handler: logging.Handler | None = None


def log_file() -> Path:
    return settings.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO, *, console: bool = False) -> Path:
    """Send the ``qianli`` loggers (and everything else at WARNING and above) to the
    rotating log file; returns its path. With ``console`` also echo to stderr."""
    global _handler
    path = log_file()
    root = logging.getLogger()
    if _handler is not None and Path(getattr(_handler, "baseFilename", "")) != path:
        # The log dir changed (tests switch QIANLI_LOG_DIR): move to the new file.
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    if _handler is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8",
                delay=True)
        except OSError as exc:  # read-only profile dir: log to stderr rather than fail
            print(f"Qianli: cannot write the log file {path}: {exc}", file=sys.stderr)
            _handler = logging.StreamHandler(sys.stderr)
        _handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(_handler)
    root.setLevel(level)
    if console and not any(getattr(h, "_qianli_console", False) for h in root.handlers):
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(level)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream._qianli_console = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    # Chatty libraries only say what matters.
    for name in ("sqlalchemy", "alembic", "openpyxl", "PIL"):
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    return path


def log_uncaught(exc_type, exc, tb) -> None:
    """For sys.excepthook / Qt: log an uncaught exception with its traceback."""
    logging.getLogger("qianli").critical("uncaught exception", exc_info=(exc_type, exc, tb))
