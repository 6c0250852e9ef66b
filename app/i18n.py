"""Languages: English (the source strings) and Simplified Chinese.

The language comes from the settings ('' follows the system locale). Translators are
installed on the QCoreApplication: ours (resources/translations/qianli_<lang>.qm) and Qt's
own (qtbase_<lang>.qm: standard buttons, file dialogs) when Qt ships them."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

# Translators currently installed, kept referenced (Qt does not own them).
_installed: list[QTranslator] = []
_current = "en"


def system_language() -> str:
    """'zh_CN' for any Chinese system locale, else 'en'."""
    locale = QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    return "en"


def resolve_language(setting: str | None) -> str:
    """The language to use for a settings value ('' or None: follow the system)."""
    if setting in LANGUAGES:
        return setting
    return system_language()


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"qianli_{language}.qm"


def install_translators(language: str, app: QCoreApplication | None = None) -> str:
    """Replace the installed translators with those for ``language``; returns the language
    actually in use. English needs no translator (the source strings are English)."""
    global _current
    app = app or QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    language = resolve_language(language)
    QLocale.setDefault(QLocale(language))
    _current = language
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(str(qm_path(language))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no translation file %s; showing English", qm_path(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_tr = QTranslator(app)
    if qt_tr.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    return language


def current_language() -> str:
    return _current
