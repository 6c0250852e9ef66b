"""Excel-driven print templates: fill a workbook with a document's data, render it to PDF.

    tpl = load_template("送货单.xlsx", doc_type_fields)      # validated, or TemplateError
    wb = fill(tpl, context)                                   # openpyxl Workbook (save as .xlsx)
    pages = render_pdf(wb, "out.pdf")                         # or render_pdf(tpl, out, context=…)
    render_many([(tpl, ctx1), (tpl, ctx2)], "batch.pdf")      # batch print, one PDF

Template syntax and filters: docs/print-templates.md. No Qt here: the client shows and prints
the PDF this package makes.
"""
from printing.fill import FillError, fill
from printing.filters import cn_amount
from printing.fonts import FontError, font_set
from printing.render import RenderCancelled, render_many, render_pdf
from printing.template import Problem, Template, TemplateError, fields_of, load_template

__all__ = ["load_template", "fill", "render_pdf", "render_many", "Template", "TemplateError",
           "Problem", "FillError", "FontError", "RenderCancelled", "cn_amount", "fields_of",
           "font_set"]
