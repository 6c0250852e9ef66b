"""The placeholder expression language: a small, closed grammar — never Python's eval.

    test     := or_expr
    or_expr  := and_expr ('or' and_expr)*
    and_expr := not_expr ('and' not_expr)*
    not_expr := 'not' not_expr | compare
    compare  := filtered (('=='|'!='|'<'|'<='|'>'|'>=') filtered)?
    filtered := primary ('|' NAME ('(' literal (',' literal)* ')')?)*
    primary  := literal | path | '(' test ')'
    path     := NAME ('.' NAME)*          names never start with '_'
    literal  := 'string' | "string" | number | true | false | none

Evaluation looks names up in the context (mapping keys or public attributes of
dataclasses/objects); a missing name evaluates to None so a template prints an empty cell
rather than failing halfway (validation against the documented fields catches misspellings
before anything is printed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Mapping

__all__ = ["ExprSyntaxError", "Node", "Path", "Literal", "Filter", "Compare", "BoolOp", "Not",
           "parse_expr", "evaluate", "paths_in", "filters_in", "MISSING"]


class ExprSyntaxError(ValueError):
    """The text between the braces is not a valid expression (message says where)."""


@dataclass(frozen=True)
class Literal:
    value: Any


@dataclass(frozen=True)
class Path:
    names: tuple[str, ...]

    @property
    def dotted(self) -> str:
        return ".".join(self.names)


@dataclass(frozen=True)
class Filter:
    operand: "Node"
    name: str
    args: tuple[Any, ...]


@dataclass(frozen=True)
class Compare:
    left: "Node"
    op: str
    right: "Node"


@dataclass(frozen=True)
class BoolOp:
    op: str  # 'and' | 'or'
    items: tuple["Node", ...]


@dataclass(frozen=True)
class Not:
    operand: "Node"


Node = Literal | Path | Filter | Compare | BoolOp | Not

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<num>-?\d+(?:\.\d+)?)
  | (?P<name>[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*)
  | (?P<op>==|!=|<=|>=|<|>|\||\.|\(|\)|,)
""", re.VERBOSE)

_KEYWORDS = {"and", "or", "not", "true", "false", "none", "True", "False", "None"}
_CONSTANTS = {"true": True, "True": True, "false": False, "False": False,
              "none": None, "None": None}


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ExprSyntaxError(f"unexpected character {text[pos]!r} at position {pos + 1}")
        kind = m.lastgroup
        if kind != "ws":
            tokens.append((kind, m.group(), pos))
        pos = m.end()
    tokens.append(("end", "", len(text)))
    return tokens


def _unquote(token: str) -> str:
    body = token[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokenize(text)
        self.i = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, value: str) -> None:
        kind, val, pos = self.take()
        if val != value:
            found = "the end" if kind == "end" else repr(val)
            raise ExprSyntaxError(f"expected {value!r} but found {found} at position {pos + 1}")

    def parse(self) -> Node:
        if self.peek()[0] == "end":
            raise ExprSyntaxError("empty expression")
        node = self.or_expr()
        kind, val, pos = self.peek()
        if kind != "end":
            raise ExprSyntaxError(f"unexpected {val!r} at position {pos + 1}")
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while self.peek()[1] == "or":
            self.take()
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else BoolOp("or", tuple(items))

    def and_expr(self) -> Node:
        items = [self.not_expr()]
        while self.peek()[1] == "and":
            self.take()
            items.append(self.not_expr())
        return items[0] if len(items) == 1 else BoolOp("and", tuple(items))

    def not_expr(self) -> Node:
        if self.peek()[1] == "not":
            self.take()
            return Not(self.not_expr())
        return self.compare()

    def compare(self) -> Node:
        left = self.filtered()
        kind, val, _ = self.peek()
        if kind == "op" and val in ("==", "!=", "<", "<=", ">", ">="):
            self.take()
            return Compare(left, val, self.filtered())
        return left

    def filtered(self) -> Node:
        node = self.primary()
        while self.peek()[1] == "|":
            self.take()
            kind, name, pos = self.take()
            if kind != "name" or name in _KEYWORDS:
                raise ExprSyntaxError(f"expected a filter name after '|' at position {pos + 1}")
            args: list[Any] = []
            if self.peek()[1] == "(":
                self.take()
                if self.peek()[1] != ")":
                    args.append(self.literal())
                    while self.peek()[1] == ",":
                        self.take()
                        args.append(self.literal())
                self.expect(")")
            node = Filter(node, name, tuple(args))
        return node

    def literal(self) -> Any:
        kind, val, pos = self.take()
        if kind == "str":
            return _unquote(val)
        if kind == "num":
            return Decimal(val) if "." in val else int(val)
        if kind == "name" and val in _CONSTANTS:
            return _CONSTANTS[val]
        found = "the end" if kind == "end" else repr(val)
        raise ExprSyntaxError(f"filter arguments must be literals (text in quotes or numbers), "
                              f"found {found} at position {pos + 1}")

    def primary(self) -> Node:
        kind, val, pos = self.peek()
        if kind in ("str", "num") or (kind == "name" and val in _CONSTANTS):
            return Literal(self.literal())
        if val == "(":
            self.take()
            node = self.or_expr()
            self.expect(")")
            return node
        if kind == "name" and val not in _KEYWORDS:
            self.take()
            names = [self._check_name(val, pos)]
            while self.peek()[1] == ".":
                self.take()
                k2, v2, p2 = self.take()
                if k2 != "name" or v2 in _KEYWORDS:
                    raise ExprSyntaxError(f"expected a field name after '.' at position {p2 + 1}")
                names.append(self._check_name(v2, p2))
            if self.peek()[1] == "(":
                raise ExprSyntaxError(f"calls are not allowed (position {self.peek()[2] + 1}); "
                                      "use a filter: value | name(args)")
            return Path(tuple(names))
        found = "the end" if kind == "end" else repr(val)
        raise ExprSyntaxError(f"expected a field name or a literal but found {found} "
                              f"at position {pos + 1}")

    @staticmethod
    def _check_name(name: str, pos: int) -> str:
        if name.startswith("_"):
            raise ExprSyntaxError(f"names starting with '_' are not allowed: {name!r} "
                                  f"(position {pos + 1})")
        return name


def parse_expr(text: str) -> Node:
    """Parse the text between ``{{`` and ``}}`` (or after ``if``); raises ExprSyntaxError."""
    return _Parser(text).parse()


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


def lookup(obj: Any, name: str) -> Any:
    """One step of a dotted path: mapping key, else a public attribute; missing → None."""
    if obj is None:
        return None
    if type(obj) is dict or isinstance(obj, Mapping):
        return obj.get(name)
    if name.startswith("_"):
        return None
    value = getattr(obj, name, None)
    if callable(value):  # methods are not data; never call them from a template
        return None
    return value


def _compare(op: str, a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, Decimal):
        a = Decimal(str(a))
    if isinstance(b, float) and isinstance(a, Decimal):
        b = Decimal(str(b))
    try:
        if op == "==":
            return a == b
        if op == "!=":
            return a != b
        if a is None or b is None:
            return False
        if op == "<":
            return a < b
        if op == "<=":
            return a <= b
        if op == ">":
            return a > b
        return a >= b
    except TypeError:
        return False


def evaluate(node: Node, scope: Mapping[str, Any],
             apply_filter: Callable[[str, Any, tuple], Any]) -> Any:
    """Evaluate a parsed expression against ``scope`` (name → value)."""
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Path):
        value: Any = scope.get(node.names[0])
        for name in node.names[1:]:
            value = lookup(value, name)
        return value
    if isinstance(node, Filter):
        return apply_filter(node.name, evaluate(node.operand, scope, apply_filter), node.args)
    if isinstance(node, Compare):
        return _compare(node.op, evaluate(node.left, scope, apply_filter),
                        evaluate(node.right, scope, apply_filter))
    if isinstance(node, Not):
        return not _truthy(evaluate(node.operand, scope, apply_filter))
    if isinstance(node, BoolOp):
        if node.op == "and":
            return all(_truthy(evaluate(n, scope, apply_filter)) for n in node.items)
        return any(_truthy(evaluate(n, scope, apply_filter)) for n in node.items)
    raise TypeError(f"not an expression node: {node!r}")


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip() != ""
    return bool(value)


truthy = _truthy


def paths_in(node: Node) -> list[Path]:
    """Every field path the expression reads, in reading order."""
    if isinstance(node, Path):
        return [node]
    if isinstance(node, Filter):
        return paths_in(node.operand)
    if isinstance(node, Compare):
        return paths_in(node.left) + paths_in(node.right)
    if isinstance(node, Not):
        return paths_in(node.operand)
    if isinstance(node, BoolOp):
        return [p for item in node.items for p in paths_in(item)]
    return []


def filters_in(node: Node) -> list[Filter]:
    """Every filter application in the expression (outermost last)."""
    if isinstance(node, Filter):
        return filters_in(node.operand) + [node]
    if isinstance(node, Compare):
        return filters_in(node.left) + filters_in(node.right)
    if isinstance(node, Not):
        return filters_in(node.operand)
    if isinstance(node, BoolOp):
        return [f for item in node.items for f in filters_in(item)]
    return []
