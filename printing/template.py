"""Loading a print template (.xlsx) and checking it completely before anything is printed.

A template is an ordinary workbook. Cells hold ``{{ expr }}`` placeholders; rows whose only
content is a block tag — ``{% for line in lines %}``, ``{% endfor %}``, ``{% if expr %}``,
``{% else %}``, ``{% endif %}`` — mark blocks and are removed from the output. Every problem
found is reported at once, each naming the sheet, the cell and what is wrong.
"""
from __future__ import annotations

import copy
import difflib
import io
import re
import zipfile
from dataclasses import dataclass, field
from os import PathLike
from typing import Any, Iterable

import openpyxl
from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.utils.indexed_list import IndexedList

from printing.expr import ExprSyntaxError, Node, Path, filters_in, parse_expr, paths_in
from printing.filters import FILTERS, check_filter_call
from printing.formula import FormulaError, unsupported_functions

__all__ = ["Problem", "TemplateError", "Template", "SheetPlan", "CellTemplate", "RowNode",
           "ForNode", "IfNode", "load_template", "fields_of", "BUILTIN_NAMES"]

_EXPR_RE = re.compile(r"\{\{(.*?)\}\}", re.S)
_TAG_RE = re.compile(r"\{%(.*?)%\}", re.S)
_FOR_RE = re.compile(r"^for\s+([A-Za-z][A-Za-z0-9_]*)\s+in\s+(.+)$", re.S)
_HF_ATTRS = ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")

BUILTIN_NAMES = ("today", "now")
_INDEXED_LISTS = ("_fonts", "_fills", "_borders", "_number_formats", "_alignments",
                  "_protections", "_cell_styles", "shared_strings")
_LOOP_FIELDS = ("index", "index0", "first", "last", "length", "revindex")


@dataclass(frozen=True)
class Problem:
    sheet: str
    cell: str  # "B7", or "" for the whole workbook
    message: str

    def __str__(self) -> str:
        if not self.sheet:
            return self.message
        return f"{self.sheet}!{self.cell}: {self.message}" if self.cell else \
            f"{self.sheet}: {self.message}"


class TemplateError(ValueError):
    """The template cannot be used; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class CellTemplate:
    """A cell with placeholders: ``parts`` are literal strings and parsed expressions."""
    parts: tuple[str | Node, ...]

    @property
    def single(self) -> Node | None:
        """The expression when the cell holds exactly one and nothing else (keeps its type)."""
        if len(self.parts) == 1 and not isinstance(self.parts[0], str):
            return self.parts[0]
        return None


@dataclass
class RowNode:
    row: int


@dataclass
class ForNode:
    var: str
    iterable: Path
    start: int  # row of the {% for %} marker
    end: int = 0  # row of the {% endfor %} marker
    body: list = field(default_factory=list)


@dataclass
class IfNode:
    condition: Node
    start: int
    else_row: int = 0
    end: int = 0
    then: list = field(default_factory=list)
    otherwise: list = field(default_factory=list)


@dataclass
class SheetPlan:
    title: str
    max_row: int
    nodes: list
    cells: dict[tuple[int, int], CellTemplate]
    header_footer: dict[tuple[str, str], CellTemplate]
    loop: ForNode | None
    has_blocks: bool


@dataclass
class Template:
    """A validated template: the workbook bytes plus the parsed plan of every sheet."""
    data: bytes
    sheets: dict[str, SheetPlan]
    fields: frozenset[str] | None
    name: str = ""

    def workbook(self) -> openpyxl.Workbook:
        """A fresh copy of the template workbook (filling never touches the template).

        The file is parsed once; each copy is a deep copy of that parse (a third of the
        cost of reading the file again)."""
        pristine = self.__dict__.get("_pristine")
        if pristine is None:
            pristine = openpyxl.load_workbook(io.BytesIO(self.data), rich_text=False)
            self.__dict__["_pristine"] = pristine
        # openpyxl's IndexedList loses its items under deepcopy: hand over fresh copies
        memo: dict[int, Any] = {}
        for attr in _INDEXED_LISTS:
            items = getattr(pristine, attr, None)
            if isinstance(items, IndexedList):
                memo[id(items)] = IndexedList(items)
        # cells are only read by the filler, which builds every sheet's cells anew: share them
        for ws in pristine.worksheets:
            memo[id(ws._cells)] = ws._cells
        return copy.deepcopy(pristine, memo)


def fields_of(sample: Any, prefix: str = "") -> list[str]:
    """The documented field list of a sample context (dicts, dataclasses, lists of them).

    Lists are written ``name[]`` and their items' fields ``name[].field``.
    """
    import dataclasses
    out: list[str] = []

    def walk(value: Any, path: str) -> None:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            items = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        elif isinstance(value, dict):
            items = value
        else:
            if path:
                out.append(path)
            return
        if path:
            out.append(path)
        for key, child in items.items():
            if str(key).startswith("_"):
                continue
            child_path = f"{path}.{key}" if path else str(key)
            if isinstance(child, (list, tuple)):
                out.append(child_path + "[]")
                if child:
                    walk_item(child[0], child_path + "[]")
            else:
                walk(child, child_path)

    def walk_item(item: Any, path: str) -> None:
        if dataclasses.is_dataclass(item) or isinstance(item, dict):
            before = len(out)
            walk(item, path)
            if len(out) > before and out[before] == path:
                del out[before]

    walk(sample, prefix)
    return sorted(set(out))


class _FieldChecker:
    """Checks field paths against a documented field list, with did-you-mean."""

    def __init__(self, fields: Iterable[str] | None):
        self.fields = None if fields is None else frozenset(fields)
        self.lists: set[str] = set()
        self.plain: set[str] = set()
        self.wild: set[str] = set()
        if self.fields is not None:
            for f in self.fields:
                if f.endswith(".*"):
                    self.wild.add(f[:-2])
                    continue
                if "[]" in f:
                    self.lists.add(f.split("[]")[0])
                self.plain.add(f)

    def item_fields(self, iterable: str) -> set[str]:
        prefix = iterable + "[]."
        return {f[len(prefix):] for f in self.plain if f.startswith(prefix)}

    def candidates(self, loop: tuple[str, str] | None) -> list[str]:
        names = [f for f in self.plain if "[]" not in f]
        names += list(BUILTIN_NAMES)
        if loop is not None:
            var, iterable = loop
            names += [f"{var}.{f}" for f in self.item_fields(iterable)]
            names += [f"loop.{f}" for f in _LOOP_FIELDS]
        return names

    def check(self, path: Path, loop: tuple[str, str] | None) -> str | None:
        dotted = path.dotted
        head = path.names[0]
        if head == "loop" and (loop is None or loop[0] != "loop"):
            if loop is None:
                return f"'{dotted}' is only available inside a {{% for %}} block"
            if len(path.names) != 2 or path.names[1] not in _LOOP_FIELDS:
                return f"unknown loop field '{dotted}' — use one of " + \
                    ", ".join(f"loop.{f}" for f in _LOOP_FIELDS)
            return None
        if loop is not None and head == loop[0]:
            if self.fields is None:
                return None
            known = self.item_fields(loop[1])
            rest = ".".join(path.names[1:])
            if not rest or rest in known or any(k.startswith(rest + ".") for k in known):
                return None
            return self._unknown(dotted, loop)
        if head in BUILTIN_NAMES and len(path.names) == 1:
            return None
        if self.fields is None:
            return None
        if dotted in self.plain or dotted in self.lists:
            return None
        if any(p.startswith(dotted + ".") or p.startswith(dotted + "[]") for p in self.plain):
            return None
        if any(dotted == w or dotted.startswith(w + ".") for w in self.wild):
            return None
        return self._unknown(dotted, loop)

    def _unknown(self, dotted: str, loop: tuple[str, str] | None) -> str:
        close = difflib.get_close_matches(dotted, self.candidates(loop), n=1, cutoff=0.6)
        hint = f" — did you mean '{close[0]}'?" if close else ""
        return f"unknown field '{dotted}'{hint}"


def _read_workbook(source: str | PathLike | bytes | io.IOBase) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), "template.xlsx"
    if hasattr(source, "read"):
        return source.read(), getattr(source, "name", "template.xlsx")
    with open(source, "rb") as fh:
        return fh.read(), str(source)


def load_template(source: str | PathLike | bytes | io.IOBase,
                  doc_type_fields: Iterable[str] | None = None) -> Template:
    """Read and validate a template; raises TemplateError listing every problem.

    ``doc_type_fields`` is the documented field list of the document type (dotted paths,
    lists as ``lines[]`` with item fields ``lines[].qty``, ``x.*`` for free-form objects); when
    given, every placeholder's fields are checked against it.
    """
    data, name = _read_workbook(source)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), rich_text=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError,
            TypeError) as exc:
        raise TemplateError([Problem("", "", f"{name}: not an Excel workbook (.xlsx) — "
                                             f"{type(exc).__name__}: {exc}")]) from None
    checker = _FieldChecker(doc_type_fields)
    problems: list[Problem] = []
    plans: dict[str, SheetPlan] = {}
    for ws in wb.worksheets:
        plans[ws.title] = _plan_sheet(ws, checker, problems)
    if problems:
        raise TemplateError(problems)
    return Template(data=data, sheets=plans, fields=checker.fields, name=name)


def _parse_text(text: str, where: tuple[str, str], problems: list[Problem],
                checker: _FieldChecker, loop: tuple[str, str] | None,
                allow_pictures: bool = True) -> CellTemplate | None:
    sheet, cell = where
    parts: list[str | Node] = []
    pos = 0
    bad = False
    for m in _EXPR_RE.finditer(text):
        if m.start() > pos:
            parts.append(text[pos:m.start()])
        source = m.group(1).strip()
        try:
            node = parse_expr(source)
        except ExprSyntaxError as exc:
            problems.append(Problem(sheet, cell, f"cannot read '{{{{ {source} }}}}': {exc}"))
            bad = True
            pos = m.end()
            continue
        if _check_expr(node, source, where, problems, checker, loop):
            bad = True
        parts.append(node)
        pos = m.end()
    rest = text[pos:]
    if "{{" in rest or "}}" in rest:
        problems.append(Problem(sheet, cell, "'{{' without a matching '}}'" if "{{" in rest
                                else "'}}' without a matching '{{'"))
        bad = True
    if rest:
        parts.append(rest)
    if bad:
        return None
    exprs = [p for p in parts if not isinstance(p, str)]
    pictures = [f for e in exprs for f in filters_in(e) if FILTERS.get(f.name) and
                FILTERS[f.name].alone]
    if pictures:
        if not allow_pictures:
            problems.append(Problem(sheet, cell, f"'{pictures[0].name}' cannot be used here"))
            return None
        if len(parts) != 1 or filters_in(exprs[0])[-1] is not pictures[-1]:
            problems.append(Problem(sheet, cell, f"'{pictures[0].name}' draws a picture: it must "
                                                 "be the last filter and alone in its cell"))
            return None
    return CellTemplate(tuple(parts))


def _check_expr(node: Node, source: str, where: tuple[str, str], problems: list[Problem],
                checker: _FieldChecker, loop: tuple[str, str] | None) -> bool:
    sheet, cell = where
    bad = False
    for f in filters_in(node):
        if f.name not in FILTERS:
            close = difflib.get_close_matches(f.name, list(FILTERS), n=1, cutoff=0.5)
            hint = f" — did you mean '{close[0]}'?" if close else \
                f" (filters: {', '.join(FILTERS)})"
            problems.append(Problem(sheet, cell, f"unknown filter '{f.name}'{hint}"))
            bad = True
            continue
        why = check_filter_call(f.name, f.args)
        if why:
            problems.append(Problem(sheet, cell, why))
            bad = True
    for p in paths_in(node):
        why = checker.check(p, loop)
        if why:
            problems.append(Problem(sheet, cell, why))
            bad = True
    return bad


def _plan_sheet(ws, checker: _FieldChecker, problems: list[Problem]) -> SheetPlan:
    title = ws.title
    # 1. find block tags (they must be alone in their row)
    tags: dict[int, tuple[str, str]] = {}  # row -> (coordinate, tag text)
    texts: list[tuple[int, int, str]] = []
    for (r, c), cell in sorted(ws._cells.items()):
        value = cell.value
        if not isinstance(value, str) or cell.data_type == "f":
            continue
        if "{%" in value or "%}" in value:
            coord = f"{get_column_letter(c)}{r}"
            stripped = value.strip()
            m = _TAG_RE.fullmatch(stripped)
            if not m:
                problems.append(Problem(title, coord, "a {% … %} tag must be alone in its cell "
                                                      f"(found {stripped!r})"))
                continue
            if r in tags:
                problems.append(Problem(title, coord, f"row {r} already holds the tag at "
                                                      f"{tags[r][0]}: one tag per row"))
                continue
            tags[r] = (coord, m.group(1).strip())
        elif "{{" in value or "}}" in value:
            texts.append((r, c, value))
    for r, (coord, _tag) in tags.items():
        others = [f"{get_column_letter(c)}{r}" for (rr, c), cell in ws._cells.items()
                  if rr == r and cell.value not in (None, "") and
                  f"{get_column_letter(c)}{r}" != coord]
        if others:
            problems.append(Problem(title, coord, "the row of a block tag is removed when "
                                                  f"printing, so it must hold nothing else "
                                                  f"(also filled: {', '.join(sorted(others))})"))

    # 2. build the row tree
    max_row = ws.max_row
    root: list = []
    stack: list[tuple[Any, list]] = []  # (node, list being filled)
    current = root
    loop: ForNode | None = None
    loops_seen: list[tuple[int, str]] = []
    row_loop: dict[int, tuple[str, str] | None] = {}
    for r in range(1, max_row + 1):
        active = next((n for n, _ in reversed(stack) if isinstance(n, ForNode)), None)
        row_loop[r] = (active.var, active.iterable.dotted) if active else None
        if r not in tags:
            current.append(RowNode(r))
            continue
        coord, tag = tags[r]
        word = tag.split(None, 1)[0] if tag else ""
        if word == "for":
            m = _FOR_RE.match(tag)
            if not m:
                problems.append(Problem(title, coord, "write the loop as "
                                                      "{% for line in lines %}"))
                continue
            var, iterable_src = m.group(1), m.group(2).strip()
            try:
                iterable = parse_expr(iterable_src)
            except ExprSyntaxError as exc:
                problems.append(Problem(title, coord, f"cannot read the loop list: {exc}"))
                continue
            if not isinstance(iterable, Path):
                problems.append(Problem(title, coord, "a loop runs over a list field, "
                                                      "e.g. {% for line in lines %}"))
                continue
            if loops_seen:
                problems.append(Problem(title, coord, "a second {% for %} block on this sheet "
                                                      f"(the first is at {loops_seen[0][1]}): "
                                                      "one loop per sheet"))
                continue
            loops_seen.append((r, coord))
            if var in ("loop",) or var in BUILTIN_NAMES:
                problems.append(Problem(title, coord, f"'{var}' is reserved; name the loop "
                                                      "variable e.g. 'line'"))
            if checker.fields is not None and iterable.dotted not in checker.lists:
                close = difflib.get_close_matches(iterable.dotted, sorted(checker.lists), n=1,
                                                  cutoff=0.5)
                hint = f" — did you mean '{close[0]}'?" if close else ""
                lists = ", ".join(sorted(checker.lists)) or "none"
                problems.append(Problem(title, coord, f"'{iterable.dotted}' is not a list of "
                                                      f"this document{hint} (lists: {lists})"))
            node = ForNode(var, iterable, start=r)
            current.append(node)
            stack.append((node, current))
            current = node.body
            loop = node
        elif word == "endfor":
            if tag != "endfor":
                problems.append(Problem(title, coord, "write {% endfor %} alone"))
            if not stack or not isinstance(stack[-1][0], ForNode):
                if stack:
                    inner = stack[-1][0]
                    problems.append(Problem(title, coord, "{% endfor %} while the {% if %} at "
                                                          f"row {inner.start} is still open"))
                else:
                    problems.append(Problem(title, coord, "{% endfor %} without a "
                                                          "{% for %} above it"))
                continue
            node, parent = stack.pop()
            node.end = r
            if not node.body:
                problems.append(Problem(title, coord, "the {% for %} block has no rows to "
                                                      "repeat"))
            current = parent
        elif word == "if":
            cond_src = tag[2:].strip()
            if not cond_src:
                problems.append(Problem(title, coord, "{% if %} needs a condition"))
                continue
            try:
                cond = parse_expr(cond_src)
            except ExprSyntaxError as exc:
                problems.append(Problem(title, coord, f"cannot read the condition: {exc}"))
                cond = None
            if cond is not None:
                _check_expr(cond, cond_src, (title, coord), problems, checker,
                            (stack_loop(stack)))
            node = IfNode(cond, start=r)
            current.append(node)
            stack.append((node, current))
            current = node.then
        elif word == "else":
            if not stack or not isinstance(stack[-1][0], IfNode) or stack[-1][0].else_row:
                problems.append(Problem(title, coord, "{% else %} without an open {% if %}"))
                continue
            stack[-1][0].else_row = r
            current = stack[-1][0].otherwise
        elif word == "endif":
            if not stack or not isinstance(stack[-1][0], IfNode):
                if stack:
                    problems.append(Problem(title, coord, "{% endif %} while the {% for %} at "
                                                          f"row {stack[-1][0].start} is still "
                                                          "open"))
                else:
                    problems.append(Problem(title, coord, "{% endif %} without an "
                                                          "{% if %} above it"))
                continue
            node, parent = stack.pop()
            node.end = r
            current = parent
        else:
            problems.append(Problem(title, coord, f"unknown tag '{{% {tag} %}}' — use for, "
                                                  "endfor, if, else or endif"))
    for node, _ in stack:
        kind = "for" if isinstance(node, ForNode) else "if"
        problems.append(Problem(title, tags[node.start][0],
                                f"{{% {kind} %}} is never closed — add a row with "
                                f"{{% end{kind} %}} after the block"))

    # 3. placeholders in cells, checked with the loop variable where it applies
    cells: dict[tuple[int, int], CellTemplate] = {}
    for r, c, text in texts:
        parsed = _parse_text(text, (title, f"{get_column_letter(c)}{r}"), problems, checker,
                             row_loop.get(r))
        if parsed is not None:
            cells[(r, c)] = parsed

    # 4. formulas the renderer cannot compute
    for (r, c), cell in ws._cells.items():
        if cell.data_type == "f" and isinstance(cell.value, str):
            try:
                missing = unsupported_functions(cell.value)
            except FormulaError as exc:
                problems.append(Problem(title, f"{get_column_letter(c)}{r}", str(exc)))
                continue
            if missing:
                problems.append(Problem(title, f"{get_column_letter(c)}{r}",
                                        f"formula function {', '.join(sorted(set(missing)))} "
                                        "is not supported when printing"))

    # 5. merged ranges may not cut through a block boundary
    if not stack:
        _check_merges(ws, root, problems)

    # 6. header and footer text may hold placeholders too
    header_footer: dict[tuple[str, str], CellTemplate] = {}
    for attr in _HF_ATTRS:
        hf = getattr(ws, attr, None)
        if hf is None:
            continue
        for part_name in ("left", "center", "right"):
            part = getattr(hf, part_name, None)
            text = getattr(part, "text", None)
            if text and ("{{" in text or "}}" in text):
                parsed = _parse_text(text, (title, f"{attr}.{part_name}"), problems, checker,
                                     None, allow_pictures=False)
                if parsed is not None:
                    header_footer[(attr, part_name)] = parsed

    return SheetPlan(title=title, max_row=max_row, nodes=root, cells=cells,
                     header_footer=header_footer, loop=loop, has_blocks=bool(tags))


def stack_loop(stack) -> tuple[str, str] | None:
    for node, _ in reversed(stack):
        if isinstance(node, ForNode):
            return node.var, node.iterable.dotted
    return None


def _check_merges(ws, root: list, problems: list[Problem]) -> None:
    blocks: list[tuple[str, int, int, list[tuple[int, int]], int]] = []

    def collect(nodes: list) -> None:
        for n in nodes:
            if isinstance(n, ForNode):
                blocks.append(("for", n.start, n.end, [(n.start + 1, n.end - 1)], n.start))
                collect(n.body)
            elif isinstance(n, IfNode):
                parts = [(n.start + 1, (n.else_row or n.end) - 1)]
                if n.else_row:
                    parts.append((n.else_row + 1, n.end - 1))
                blocks.append(("if", n.start, n.end, parts, n.start))
                collect(n.then)
                collect(n.otherwise)

    collect(root)
    markers = {row for _k, s, e, _p, _ in blocks for row in (s, e)} | \
        {p[1] + 1 for _k, s, e, parts, _ in blocks if len(parts) == 2 for p in parts[:1]}
    for rng in ws.merged_cells.ranges:
        r1, r2 = rng.min_row, rng.max_row
        if r1 == r2 and r1 in markers:
            continue  # a merge on a marker row is removed with the row
        for kind, start, end, parts, _ in blocks:
            if r2 < start or r1 > end:
                continue
            if any(a <= r1 and r2 <= b for a, b in parts):
                continue
            problems.append(Problem(
                ws.title, rng.coord.split(":")[0],
                f"the {{% {kind} %}} block (rows {start}–{end}) cuts through merged range "
                f"{rng.coord}: a merged range must lie wholly inside the repeated rows or "
                "wholly outside the block"))
            break
