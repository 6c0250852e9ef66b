"""Print templates stored in the database, so every desktop on the LAN prints the same.

Rules:
- a template is an .xlsx checked completely on import against its document type's fields
  (services/print_fields.py); one that fails is not stored, and the error names the sheet,
  the cell and the problem of every fault found;
- importing under a (document type, name) that exists adds a version; earlier versions are
  kept and can still be previewed, exported or made the default;
- one template per document type is the default (the one printed without asking); when the
  database has none for a type, the built-in template of resources/templates/ is used, in
  the user's language;
- administrators import templates and choose the default; everybody may list and print.

The engine's validator (printing.template) is a leaf library — it imports neither services
nor Qt — so using it here does not make a cycle.
"""
from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.org import User
from models.system import PrintTemplate
from services import audit
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.org import Actor
from services.print_fields import DOC_TYPES, field_paths

__all__ = ["TemplateInfo", "TemplateContent", "list_templates", "template_versions",
           "import_template", "set_default", "template_content", "default_template",
           "builtin_template", "builtin_path", "check_template", "BUILTIN_DIR",
           "MAX_TEMPLATE_BYTES", "LANGUAGES"]

BUILTIN_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                           "resources", "templates")
MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
LANGUAGES = ("zh", "en")
MANAGERS = ("admin",)


@dataclass(frozen=True)
class TemplateInfo:
    id: int | None              # None: the built-in template (not in the database)
    doc_type: str
    name: str
    version: int
    language: str | None
    filename: str | None
    is_default: bool
    note: str | None
    created_at: dt.datetime | None
    created_by_name: str | None
    size: int

    @property
    def builtin(self) -> bool:
        return self.id is None


@dataclass(frozen=True)
class TemplateContent:
    info: TemplateInfo
    content: bytes


def _doc_type(doc_type: str) -> str:
    if doc_type not in DOC_TYPES:
        raise ValidationError("doc_type", f"Unknown document type {doc_type}.")
    return doc_type


def _lang(language: str | None) -> str:
    return "en" if (language or "").lower().startswith("en") else "zh"


def builtin_path(doc_type: str, language: str | None = None) -> str:
    return os.path.join(BUILTIN_DIR, f"{_doc_type(doc_type)}.{_lang(language)}.xlsx")


def builtin_template(doc_type: str, language: str | None = None) -> TemplateContent:
    """The default template shipped in resources/templates/ (Chinese or English)."""
    lang = _lang(language)
    path = builtin_path(doc_type, lang)
    with open(path, "rb") as fh:
        data = fh.read()
    d = DOC_TYPES[doc_type]
    name = d.zh if lang == "zh" else d.en
    return TemplateContent(TemplateInfo(None, doc_type, name, 0, lang, os.path.basename(path),
                                        False, None, None, None, len(data)), data)


def _basename(path: str) -> str:
    """The file name of a Windows or POSIX path (the client may run on either)."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def check_template(doc_type: str, content: bytes, filename: str | None = None) -> None:
    """Validate a template for ``doc_type``: ValidationError('file', every problem, one a
    line, each naming sheet and cell) when it cannot be used."""
    from printing.template import TemplateError, load_template
    if not content:
        raise ValidationError("file", f"{filename or 'The file'} is empty.")
    if len(content) > MAX_TEMPLATE_BYTES:
        raise ValidationError("file", f"{filename or 'The template'} is larger than "
                                      f"{MAX_TEMPLATE_BYTES // (1024 * 1024)} MB.")
    source = io.BytesIO(content)
    source.name = _basename(filename) if filename else "template.xlsx"
    try:
        load_template(source, field_paths(_doc_type(doc_type)))
    except TemplateError as exc:
        where = f"{source.name}: " if filename else ""
        raise ValidationError("file", "\n".join(f"{where}{p}" if p.sheet else str(p)
                                                for p in exc.problems)) from None


def _info(row: PrintTemplate, creator: str | None, size: int) -> TemplateInfo:
    return TemplateInfo(row.id, row.doc_type, row.name, row.version, row.language,
                        row.filename, row.is_default, row.note, row.created_at, creator,
                        size)


def _select():
    return (select(PrintTemplate, User.display_name, func.length(PrintTemplate.content))
            .outerjoin(User, User.id == PrintTemplate.created_by_id))


def list_templates(session: Session, actor: Actor, doc_type: str, *,
                   language: str | None = None, all_versions: bool = False
                   ) -> list[TemplateInfo]:
    """The newest version of each stored template of ``doc_type`` (default first, then by
    name), followed by the built-in templates (Chinese and English) — the built-in one of
    the user's language is what prints when nothing is stored. ``all_versions`` lists the
    earlier versions too (newest first within a name)."""
    _doc_type(doc_type)
    langs = (_lang(language),) + tuple(x for x in LANGUAGES if x != _lang(language))
    builtins = [builtin_template(doc_type, lang).info for lang in langs]
    if all_versions:
        rows = session.execute(_select().where(PrintTemplate.doc_type == doc_type)
                               .order_by(PrintTemplate.name, PrintTemplate.version.desc()))
        return [_info(r[0], r[1], r[2] or 0) for r in rows] + builtins
    newest = (select(PrintTemplate.name, func.max(PrintTemplate.version).label("v"))
              .where(PrintTemplate.doc_type == doc_type, PrintTemplate.active.is_(True))
              .group_by(PrintTemplate.name).subquery())
    rows = session.execute(
        _select().join(newest, (newest.c.name == PrintTemplate.name) &
                       (newest.c.v == PrintTemplate.version))
        .where(PrintTemplate.doc_type == doc_type)).all()
    # a default may be an earlier version: list it in its name's place
    default = session.execute(_select().where(PrintTemplate.doc_type == doc_type,
                                              PrintTemplate.is_default.is_(True))).first()
    infos = {r[0].name: _info(r[0], r[1], r[2] or 0) for r in rows}
    if default is not None:
        infos[default[0].name] = _info(default[0], default[1], default[2] or 0)
    stored = sorted(infos.values(), key=lambda t: (not t.is_default, t.name))
    return stored + builtins


def template_versions(session: Session, actor: Actor, doc_type: str, name: str
                      ) -> list[TemplateInfo]:
    """Every version of one template, newest first."""
    rows = session.execute(_select().where(PrintTemplate.doc_type == _doc_type(doc_type),
                                           PrintTemplate.name == name)
                           .order_by(PrintTemplate.version.desc())).all()
    return [_info(r[0], r[1], r[2] or 0) for r in rows]


def import_template(session: Session, actor: Actor, doc_type: str, name: str,
                    content: bytes, *, filename: str | None = None,
                    language: str | None = None, note: str | None = None,
                    make_default: bool = False) -> TemplateInfo:
    """Store a user's .xlsx as the next version of (doc_type, name) — administrators only.
    The whole template is checked first; nothing is stored when it has a problem."""
    if actor.role not in MANAGERS:
        raise PermissionDenied("Only an administrator can import print templates.")
    _doc_type(doc_type)
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("name", "Give the template a name.")
    if len(name) > 100:
        raise ValidationError("name", "The name is longer than 100 characters.")
    check_template(doc_type, content, filename)
    version = (session.scalar(select(func.max(PrintTemplate.version))
                              .where(PrintTemplate.doc_type == doc_type,
                                     PrintTemplate.name == name)) or 0) + 1
    row = PrintTemplate(doc_type=doc_type, name=name, version=version,
                        language=_lang(language) if language else None, content=content,
                        filename=_basename(filename)[:200] if filename else None,
                        is_default=False, active=True, note=(note or "").strip()[:300] or None,
                        created_by_id=actor.user_id)
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        raise Conflict("Someone stored a version of this template at the same moment; "
                       "import it again.") from None
    audit.record(session, actor.user_id, "import", "print_template", row.id,
                 doc_type=doc_type, name=name, version=version, filename=row.filename)
    if make_default:
        return set_default(session, actor, row.id)
    return _info(row, actor.display_name, len(content))


def set_default(session: Session, actor: Actor, template_id: int | None,
                doc_type: str | None = None) -> TemplateInfo | None:
    """Make a stored template version the default of its document type (administrators).
    ``template_id`` None with ``doc_type`` goes back to the built-in template."""
    if actor.role not in MANAGERS:
        raise PermissionDenied("Only an administrator can choose the default template.")
    row = None
    if template_id is not None:
        row = session.get(PrintTemplate, template_id)
        if row is None:
            raise NotFound("print template", template_id)
        doc_type = row.doc_type
    _doc_type(doc_type or "")
    # lock the type's rows so two administrators choosing at once leave one default
    session.execute(select(PrintTemplate.id).where(PrintTemplate.doc_type == doc_type)
                    .with_for_update())
    session.execute(update(PrintTemplate).where(PrintTemplate.doc_type == doc_type,
                                                PrintTemplate.is_default.is_(True))
                    .values(is_default=False))
    if row is not None:
        row.is_default = True
    session.flush()
    audit.record(session, actor.user_id, "set_default", "print_template", template_id,
                 doc_type=doc_type)
    if row is None:
        return None
    return _info(row, None, len(row.content))


def template_content(session: Session, actor: Actor, template_id: int | None,
                     doc_type: str | None = None, language: str | None = None
                     ) -> TemplateContent:
    """A stored version's .xlsx (``template_id``), or the built-in one of ``doc_type``."""
    if template_id is None:
        return builtin_template(doc_type or "", language)
    r = session.execute(_select().where(PrintTemplate.id == template_id)).first()
    if r is None:
        raise NotFound("print template", template_id)
    return TemplateContent(_info(r[0], r[1], r[2] or 0), r[0].content)


def default_template(session: Session, actor: Actor, doc_type: str,
                     language: str | None = None) -> TemplateContent:
    """What prints for ``doc_type``: the stored default, else the built-in template in
    ``language`` (the office has not chosen one)."""
    r = session.execute(_select().where(PrintTemplate.doc_type == _doc_type(doc_type),
                                        PrintTemplate.is_default.is_(True))).first()
    if r is None:
        return builtin_template(doc_type, language)
    return TemplateContent(_info(r[0], r[1], r[2] or 0), r[0].content)
