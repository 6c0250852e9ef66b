"""Gathering what a printout needs in one read transaction: the template (chosen, the
stored default, or the built-in one) and the document contexts (a delivery note once per
copy). Rendering happens afterwards, outside the transaction (printing/jobs.py), so a
database connection is never held while a PDF is drawn."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy.orm import Session

from services.org import Actor
from services.print_context import build_context, copies_of, find_document
from services.print_fields import doc_type as lookup_doc_type
from services.print_samples import sample_context
from services.print_templates import TemplateContent, default_template, template_content

__all__ = ["PrintJob", "prepare_print", "prepare_batch", "prepare_sample",
           "prepare_by_number", "prepare_stock_document", "STOCK_DOC_TYPES"]


@dataclass(frozen=True)
class PrintJob:
    doc_type: str
    title: str                      # for the PDF and the print queue: 送货单 DN-2026-000123
    template: TemplateContent
    contexts: tuple[dict, ...]      # one printed document each (copies included)
    language: str

    @property
    def numbers(self) -> tuple[str, ...]:
        return tuple(c["document"]["number"] for c in self.contexts)


def _template(session: Session, actor: Actor, doc_type: str, template_id: int | None,
              template: bytes | None, language: str, filename: str | None = None
              ) -> TemplateContent:
    if template is not None:  # a file given on the command line or being previewed
        from services.print_templates import TemplateInfo, check_template
        check_template(doc_type, template, filename)
        return TemplateContent(TemplateInfo(None, doc_type, filename or "file", 0, None,
                                            filename, False, None, None, None, len(template)),
                               template)
    if template_id is not None:
        return template_content(session, actor, template_id)
    return default_template(session, actor, doc_type, language)


def _language(tpl: TemplateContent, language: str) -> str:
    return tpl.info.language or ("en" if language.startswith("en") else "zh")


def _title(doc_type: str, language: str, numbers: list[str]) -> str:
    d = lookup_doc_type(doc_type)
    name = d.zh if language == "zh" else d.en
    if len(numbers) == 1:
        return f"{name} {numbers[0]}"
    return f"{name} ×{len(numbers)}"


def _contexts(session: Session, actor: Actor, doc_type: str, key: Any, language: str,
              copies: bool) -> list[dict]:
    if doc_type == "delivery_note" and copies:
        return copies_of(session, actor, key, language)
    return [build_context(session, actor, doc_type, key, language=language)]


def prepare_print(session: Session, actor: Actor, doc_type: str, key: Any, *,
                  template_id: int | None = None, template: bytes | None = None,
                  template_filename: str | None = None, language: str = "zh",
                  copies: bool = True) -> PrintJob:
    """One document (``key``: its id; see print_context.build_context for statements and
    receipts). The reader's permission is checked by the context builder."""
    tpl = _template(session, actor, doc_type, template_id, template, language,
                    template_filename)
    lang = _language(tpl, language)
    contexts = _contexts(session, actor, doc_type, key, lang, copies)
    return PrintJob(doc_type, _title(doc_type, lang, [contexts[0]["document"]["number"]]),
                    tpl, tuple(contexts), lang)


def prepare_by_number(session: Session, actor: Actor, doc_type: str, number: str,
                      **kw: Any) -> PrintJob:
    """As prepare_print, the document found by its number (the CLI)."""
    return prepare_print(session, actor, doc_type,
                         find_document(session, actor, doc_type, number), **kw)


STOCK_DOC_TYPES = {"DN": "delivery_note", "GR": "goods_receipt"}


def prepare_stock_document(session: Session, actor: Actor, doc_id: int, **kw: Any) -> PrintJob:
    """A stock document by id, printed as its type's document (delivery note, goods
    receipt); other stock documents have no print template yet."""
    from models.stock import StockDocument
    doc_type = session.get(StockDocument, doc_id)
    if doc_type is None:
        from services.errors import NotFound
        raise NotFound("stock document", doc_id)
    kind = STOCK_DOC_TYPES.get(doc_type.doc_type)
    if kind is None:
        from services.errors import ValidationError
        raise ValidationError("doc_type", "Only delivery notes and goods receipts can be "
                                          "printed yet.")
    return prepare_print(session, actor, kind, doc_id, **kw)


def prepare_batch(session: Session, actor: Actor, doc_type: str, ids: Iterable[int], *,
                  template_id: int | None = None, language: str = "zh",
                  copies: bool = True) -> PrintJob:
    """Several documents of one type into one printout (batch print of delivery notes),
    in the order given; every copy of each."""
    tpl = _template(session, actor, doc_type, template_id, None, language)
    lang = _language(tpl, language)
    contexts: list[dict] = []
    numbers = []
    for doc_id in ids:
        got = _contexts(session, actor, doc_type, doc_id, lang, copies)
        numbers.append(got[0]["document"]["number"])
        contexts.extend(got)
    return PrintJob(doc_type, _title(doc_type, lang, numbers), tpl, tuple(contexts), lang)


def prepare_sample(session: Session, actor: Actor, doc_type: str, *,
                   template_id: int | None = None, template: bytes | None = None,
                   template_filename: str | None = None, language: str = "zh",
                   lines: int = 6) -> PrintJob:
    """A template previewed with sample data (the template manager)."""
    tpl = _template(session, actor, doc_type, template_id, template, language,
                    template_filename)
    lang = _language(tpl, language)
    ctx = sample_context(doc_type, lang, lines)
    return PrintJob(doc_type, _title(doc_type, lang, [ctx["document"]["number"]]), tpl,
                    (ctx,), lang)
