"""大写金额: a reference table checked by hand against the PBOC writing rules, and
properties checked with an independent reader of the capital numerals."""
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printing.filters import FilterError, cn_amount

# each row verified by hand: 零 for a gap of zeros (one 零 for several), 整 when there is no
# 分, 壹拾 for a leading ten, 万/亿 written only when their group has a non-zero digit
TABLE = [
    ("0", "零元整"),
    ("0.00", "零元整"),
    ("0.004", "零元整"),
    ("0.005", "壹分"),
    ("0.05", "伍分"),
    ("0.5", "伍角整"),
    ("0.56", "伍角陆分"),
    ("1", "壹元整"),
    ("1.05", "壹元零伍分"),
    ("1.5", "壹元伍角整"),
    ("10", "壹拾元整"),
    ("10.5", "壹拾元零伍角整"),
    ("15", "壹拾伍元整"),
    ("20.09", "贰拾元零玖分"),
    ("100", "壹佰元整"),
    ("101", "壹佰零壹元整"),
    ("110", "壹佰壹拾元整"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("1000.06", "壹仟元零陆分"),
    ("1001", "壹仟零壹元整"),
    ("1010", "壹仟零壹拾元整"),
    ("1234.56", "壹仟贰佰叁拾肆元伍角陆分"),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
    ("10000", "壹万元整"),
    ("10001", "壹万零壹元整"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("100000", "壹拾万元整"),
    ("107000.53", "壹拾万零柒仟元零伍角叁分"),
    ("1000100", "壹佰万零壹佰元整"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("100000000", "壹亿元整"),
    ("100010000", "壹亿零壹万元整"),
    ("100000001", "壹亿零壹元整"),
    ("200300400", "贰亿零叁拾万零肆佰元整"),
    ("123456789.12", "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"),
    ("1000000000000", "壹万亿元整"),
    ("-1234.5", "负壹仟贰佰叁拾肆元伍角整"),
    ("-0.01", "负壹分"),
    ("40141.90", "肆万零壹佰肆拾壹元玖角整"),
]


@pytest.mark.parametrize("amount, expected", TABLE)
def test_reference_table(amount, expected):
    assert cn_amount(Decimal(amount)) == expected


def test_accepts_ints_floats_strings():
    assert cn_amount(1234) == "壹仟贰佰叁拾肆元整"
    assert cn_amount(0.1 + 0.2) == "叁角整"
    assert cn_amount("1,234.56") == "壹仟贰佰叁拾肆元伍角陆分"


def test_rejects_too_large_and_non_numbers():
    with pytest.raises(FilterError):
        cn_amount(Decimal("1e16"))
    with pytest.raises(FilterError):
        cn_amount("abc")


_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def _read_back(text: str) -> Decimal:
    """An independent reader: capital numerals → amount (not the function under test)."""
    sign = -1 if text.startswith("负") else 1
    text = text.removeprefix("负").removesuffix("整")
    fen = Decimal(0)
    if "元" in text:
        integer_part, _, small = text.partition("元")
    else:
        integer_part, small = "", text
    for unit, factor in (("角", Decimal("0.1")), ("分", Decimal("0.01"))):
        if unit in small:
            before, _, small = small.partition(unit)
            fen += _DIGIT[before[-1]] * factor
    total = 0
    section = 0  # below 万
    digit = 0
    big = 0  # accumulated 亿 part
    for ch in integer_part:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _SMALL:
            section += digit * _SMALL[ch]
            digit = 0
        elif ch == "万":
            section += digit
            if "亿" in integer_part[integer_part.index(ch) + 1:]:
                big += section * 10000  # 万亿
            else:
                total += section * 10000
            section, digit = 0, 0
        elif ch == "亿":
            section += digit
            big = (big + section) * 10 ** 8
            section, digit = 0, 0
    total += big + section + digit
    return sign * (Decimal(total) + fen)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=-(10 ** 14), max_value=10 ** 14))
def test_reads_back_to_the_same_amount(fen):
    amount = Decimal(fen) / 100
    text = cn_amount(amount)
    assert _read_back(text) == amount, text


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=10 ** 14))
def test_writing_rules(fen):
    text = cn_amount(Decimal(fen) / 100)
    assert "零零" not in text
    assert not text.startswith("零")
    assert text.endswith("整") == (fen % 10 == 0)
    assert not text.endswith("零整") and "零元" not in text
    assert "万亿" in text or "亿万" not in text
