"""Per-user settings in the OS config dir (platformdirs) and connection profiles.

A profile is either this PC (an embedded SQLite file in the user data dir) or an office
PostgreSQL server. Passwords are never written here: they live in the OS keyring.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "Qianli"
APP_AUTHOR = "Qianli"


def config_dir() -> Path:
    override = os.environ.get("QIANLI_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    override = os.environ.get("QIANLI_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    override = os.environ.get("QIANLI_LOG_DIR")
    return Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_sqlite_path() -> Path:
    return data_dir() / "qianli.sqlite3"


def demo_sqlite_path() -> Path:
    return data_dir() / "qianli-demo.sqlite3"


@dataclass
class ConnectionProfile:
    """Where the client's database is. kind: 'local' (SQLite file) or 'server' (PostgreSQL)."""

    name: str = "This PC"
    kind: str = "local"
    path: str = ""                 # local: SQLite file path ('' = default)
    host: str = "127.0.0.1"        # server
    port: int = 5432
    database: str = "qianli"
    sslmode: str = "prefer"

    def url(self, user: str | None = None, password: str | None = None) -> str:
        if self.kind == "local":
            return "sqlite:///" + str(Path(self.path) if self.path else default_sqlite_path())
        from sqlalchemy.engine import URL
        return URL.create("postgresql+psycopg", username=user, password=password,
                          host=self.host, port=self.port, database=self.database,
                          query={"sslmode": self.sslmode}).render_as_string(hide_password=False)


@dataclass
class Settings:
    language: str = ""             # '' follows the system; 'en' or 'zh_CN'
    profiles: list[ConnectionProfile] = field(default_factory=lambda: [ConnectionProfile()])
    last_profile: str = "This PC"
    last_login: str = ""
    remember_me: bool = False
    # Printing on this desktop: the printer last used per document type, and a TrueType
    # font to embed in PDFs sent outside the office ('' = the readers' own STSong-Light).
    last_printers: dict[str, str] = field(default_factory=dict)
    print_font: str = ""

    @property
    def path(self) -> Path:
        return config_dir() / "settings.json"

    def profile(self, name: str | None = None) -> ConnectionProfile:
        name = name or self.last_profile
        for p in self.profiles:
            if p.name == name:
                return p
        return self.profiles[0]

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)  # atomic: a crash never leaves half a settings file

    @classmethod
    def load(cls) -> "Settings":
        path = config_dir() / "settings.json"
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f for f in ConnectionProfile.__dataclass_fields__}
        profiles = [ConnectionProfile(**{k: v for k, v in p.items() if k in known})
                    for p in raw.get("profiles", [])] or [ConnectionProfile()]
        return cls(language=raw.get("language", ""), profiles=profiles,
                   last_profile=raw.get("last_profile", profiles[0].name),
                   last_login=raw.get("last_login", ""),
                   remember_me=bool(raw.get("remember_me", False)),
                   last_printers={str(k): str(v) for k, v in
                                  (raw.get("last_printers") or {}).items()},
                   print_font=str(raw.get("print_font") or ""))


KEYRING_SERVICE = "Qianli CRM"


def keyring_key(profile: ConnectionProfile, login: str) -> str:
    return f"{profile.name}:{login}"


def remember_password(profile: ConnectionProfile, login: str, password: str) -> bool:
    """Store the password in the OS keyring (Windows Credential Manager, macOS Keychain,
    Secret Service). Returns False when no keyring backend exists; nothing is written to disk."""
    try:
        import keyring
        keyring.set_password(KEYRING_SERVICE, keyring_key(profile, login), password)
        return True
    except Exception:  # keyring.errors.NoKeyringError and backend failures
        return False


def recall_password(profile: ConnectionProfile, login: str) -> str | None:
    try:
        import keyring
        return keyring.get_password(KEYRING_SERVICE, keyring_key(profile, login))
    except Exception:
        return None


def forget_password(profile: ConnectionProfile, login: str) -> None:
    try:
        import keyring
        keyring.delete_password(KEYRING_SERVICE, keyring_key(profile, login))
    except Exception:
        pass
