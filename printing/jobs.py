"""Rendering a prepared print job (services/print_jobs.py) to PDF or to a filled .xlsx.

The template of a job is parsed once and kept (by content hash) while the client runs, so
printing the next delivery note with the same template only fills and draws."""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any, Callable

from printing.fill import fill
from printing.render import render_many, render_pdf
from printing.template import Template, load_template
from services.print_fields import field_paths

__all__ = ["template_of", "render_job", "job_workbook", "save_job_xlsx"]

_CACHE: "OrderedDict[tuple[str, str], Template]" = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 16


def template_of(job) -> Template:
    """The parsed, validated template of ``job`` (cached by content)."""
    content = job.template.content
    key = (job.doc_type, hashlib.sha1(content).hexdigest())
    with _CACHE_LOCK:
        tpl = _CACHE.get(key)
        if tpl is not None:
            _CACHE.move_to_end(key)
            return tpl
    tpl = load_template(content, field_paths(job.doc_type))
    tpl.name = job.template.info.filename or job.template.info.name
    with _CACHE_LOCK:
        _CACHE[key] = tpl
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return tpl


def render_job(job, out=None, *, font=None,
               progress: Callable[[int, int], Any] | None = None) -> int:
    """All documents of the job into one PDF (``out``: a path or a binary file object),
    each numbered from its own page 1. ``progress(done, total)`` returning False cancels
    (printing.RenderCancelled; nothing written). Returns the page count."""
    tpl = template_of(job)
    if len(job.contexts) == 1 and progress is None:
        return render_pdf(tpl, out, context=job.contexts[0], font=font, title=job.title)
    return render_many([(tpl, ctx) for ctx in job.contexts], out, font=font, title=job.title,
                       progress=progress)


def job_workbook(job, index: int = 0):
    """The filled workbook of one document of the job (openpyxl), for "save as Excel"."""
    return fill(template_of(job), job.contexts[index])


def save_job_xlsx(job, path, index: int = 0) -> None:
    """Write the filled .xlsx of one document atomically (a temp file renamed at the end)."""
    import os
    wb = job_workbook(job, index)
    tmp = f"{os.fspath(path)}.part"
    wb.save(tmp)
    os.replace(tmp, path)
