"""The placeholder language: a closed grammar evaluated without Python's eval."""
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest

from printing.expr import ExprSyntaxError, evaluate, parse_expr
from printing.filters import Formatted, apply_filter


def ev(text, **scope):
    return evaluate(parse_expr(text), scope, apply_filter)


@dataclass
class Customer:
    name: str
    level: int

    def secret(self):  # methods are never called from a template
        return "leak"


def test_dotted_fields_of_dicts_and_dataclasses():
    scope = {"customer": Customer("甲", 3), "document": {"number": "DN-1"}}
    assert ev("customer.name", **scope) == "甲"
    assert ev("document.number", **scope) == "DN-1"
    assert ev("customer.secret", **scope) is None
    assert ev("customer.missing.deeper", **scope) is None
    assert ev("nothing", **scope) is None


def test_comparisons_and_logic():
    scope = {"x": Decimal("10.5"), "s": "a", "none": None}
    assert ev("x > 10 and x <= 10.5", **scope) is True
    assert ev("x == 10.5", **scope) is True
    assert ev("s != 'a' or not x", **scope) is False
    assert ev("missing > 3", **scope) is False  # None never compares greater
    assert ev("(x > 100) or s == \"a\"", **scope) is True
    assert ev("x < 'text'", **scope) is False  # no TypeError from mixed types


def test_filters_chain_with_literal_arguments():
    assert ev("x | money", x=1234.5) == Formatted(Decimal("1234.50"), "#,##0.00", "1,234.50")
    assert ev("x | number(0)", x=Decimal("2.5")).text == "3"
    assert ev("d | date('%d/%m/%Y')", d=dt.date(2026, 1, 2)) == "02/01/2026"
    assert ev("d | date", d="2026-01-02") == "2026-01-02"
    assert ev("s | default('—') | upper", s="") == "—"
    assert ev("s | default('n/a') | upper", s="abc") == "ABC"
    assert ev("x | money | cn_amount", x=Decimal("1.5")) == "壹元伍角整"


@pytest.mark.parametrize("text, message", [
    ("", "empty expression"),
    ("a.", "expected a field name after '.'"),
    ("a | ", "expected a filter name"),
    ("a | f(b)", "filter arguments must be literals"),
    ("__import__", "names starting with '_'"),
    ("a._secret", "names starting with '_'"),
    ("a.b()", "calls are not allowed"),
    ("a + 1", "unexpected character '+'"),
    ("a b", "unexpected 'b'"),
    ("(a", "expected ')'"),
    ("a[0]", "unexpected character '['"),
])
def test_anything_else_is_a_syntax_error(text, message):
    with pytest.raises(ExprSyntaxError, match=re.escape(message)):
        parse_expr(text)
