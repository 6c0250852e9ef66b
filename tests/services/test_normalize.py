"""services/normalize.py: the keys duplicate detection and search compare on."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings, strategies as st

from services.normalize import (COMPANY_SUFFIXES_CJK, USCC_ALPHABET, contains_cjk, fold_width,
                                is_cjk, normalize_email, normalize_name, normalize_phone,
                                normalize_tax_id, uscc_check_char, validate_email,
                                validate_phone, validate_tax_id)

PROPERTY = settings(max_examples=200, deadline=None)


def to_fullwidth(text: str) -> str:
    """ASCII → the full-width forms a Chinese IME types (space → ideographic space)."""
    return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c
                   for c in text)


# --------------------------------------------------------------------------- names

@pytest.mark.parametrize("a, b", [
    ("深圳市华为技术有限公司", "深圳市华为技术 有限公司"),
    ("深圳市华为技术有限公司", "深圳市华为技术　有限公司"),          # ideographic space
    ("深圳市华为技术有限公司", "深圳市华为技术有限 公司"),
    ("深圳市华为技术有限公司", "深圳市华为技术"),
    ("华为集团有限公司", "华为"),
    ("华为技术股份有限公司", "华为技术有限责任公司"),
    ("台積電股份有限公司", "台積電"),
    ("ACME Co., Ltd.", "Acme Ltd"),
    ("ACME Co.,Ltd", "acme"),
    ("ＡＣＭＥ　Ｃｏ．，Ｌｔｄ．", "ACME Co., Ltd."),
    ("Acme Limited", "ACME INC."),
    ("Acme GmbH", "Acme Corp"),
    ("Acme (Shanghai) Co., Ltd.", "ACME SHANGHAI LLC"),
    ("Smith & Co", "smith"),
])
def test_same_company_spelled_differently(a, b):
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize("a, b", [
    ("深圳市华为技术有限公司", "华为技术有限公司"),      # the city is part of the name
    ("华为技术有限公司深圳分公司", "华为技术有限公司"),   # a branch is another customer
    ("Zinc", "Z"),                                       # 'inc' only as a whole word
    ("Acme Trading", "Acme"),
])
def test_different_companies_stay_different(a, b):
    assert normalize_name(a) != normalize_name(b)


def test_name_that_is_only_a_suffix_is_kept():
    assert normalize_name("有限公司") == "有限公司"
    assert normalize_name("Ltd.") == "ltd"
    assert normalize_name("") == "" and normalize_name(None) == ""


@PROPERTY
@given(st.text())
@example("华为 l td")
@example("0086 Ｌｔｄ 有限 公司")
def test_normalize_name_is_idempotent(text):
    once = normalize_name(text)
    assert normalize_name(once) == once


@PROPERTY
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_full_width_and_half_width_names_are_equal(text):
    assert normalize_name(to_fullwidth(text)) == normalize_name(text)


@PROPERTY
@given(st.text())
def test_normalized_name_has_no_spaces_or_punctuation(text):
    assert all(c.isalnum() for c in normalize_name(text))


CORE_CHARS = "华为深圳市技术电子科北京上海中国建设银行天津美的格力海尔联想小米"


@PROPERTY
@given(core=st.text(alphabet=CORE_CHARS, min_size=1, max_size=10),
       suffix=st.sampled_from(COMPANY_SUFFIXES_CJK),
       space=st.sampled_from(["", " ", "\u3000"]))
def test_chinese_suffix_does_not_count(core, suffix, space):
    assert normalize_name(core + space + suffix) == normalize_name(core) == core


LATIN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=4, max_size=8)


@PROPERTY
@given(words=st.lists(LATIN_WORD, min_size=1, max_size=3),
       suffix=st.sampled_from(["Co., Ltd.", "Co.,Ltd", "Ltd", "Limited", "Inc.", "Corp.",
                               "LLC", "GmbH", "Company Limited", "Group Holdings Ltd"]))
def test_latin_suffix_does_not_count(words, suffix):
    core = " ".join(w.capitalize() for w in words)
    assert normalize_name(f"{core} {suffix}") == normalize_name(core)


# --------------------------------------------------------------------------- phones

@pytest.mark.parametrize("raw", [
    "13800138000", "+86 138-0013-8000", "+86 13800138000", "0086 138 0013 8000",
    "86 138 0013 8000", "(+86) 138.0013.8000", "１３８００１３８０００", "+86-138-0013-8000",
])
def test_mainland_mobile_variants_normalise_to_eleven_digits(raw):
    assert normalize_phone(raw) == "13800138000"
    assert validate_phone(raw) is None


@pytest.mark.parametrize("raw, digits", [
    ("0755-12345678", "075512345678"),
    ("(0755) 1234 5678", "075512345678"),
    ("+86 755 1234 5678", "075512345678"),          # trunk 0 comes back
    ("+86 (0)755 1234 5678", "075512345678"),
    ("0755-12345678 转 801", "075512345678"),        # extension is not part of the key
    ("0755-12345678 ext. 801", "075512345678"),
    ("+1 415 555 0100", "14155550100"),             # other countries keep their code
    ("8675512345678", "8675512345678"),             # a bare 86 only goes before a mobile
    ("", None), (None, None), ("---", None),
])
def test_phone_digits(raw, digits):
    assert normalize_phone(raw) == digits


@pytest.mark.parametrize("raw, words", [
    ("12345", "too few digits (5)"),
    ("138-001", "too few digits (6)"),
    ("1380013800a", "contains letters"),
    ("电话13800138000", "contains letters"),
    ("138001380001", "mainland mobile numbers have 11"),
    ("12800138000", "not a mainland mobile"),
    ("1234567890123456", "too many digits (16)"),
    ("138*0013*8000", "characters a phone number cannot have"),
    ("138+0013 8000", "characters a phone number cannot have"),
])
def test_phone_validation_says_what_is_wrong(raw, words):
    message = validate_phone(raw)
    assert message is not None and words in message and raw in message


@pytest.mark.parametrize("raw", ["", "   ", None, "0755-12345678", "+852 2345 6789",
                                 "010 8888 6666 转 12", "+44 20 7946 0958"])
def test_plausible_phones_are_accepted(raw):
    assert validate_phone(raw) is None


@PROPERTY
@given(rest=st.text(alphabet="0123456789", min_size=9, max_size=9),
       second=st.sampled_from("3456789"),
       prefix=st.sampled_from(["", "+86", "+86 ", "0086", "0086 ", "86", "(+86)"]),
       seps=st.lists(st.sampled_from(["", " ", "-", ".", "\u3000"]), min_size=11,
                     max_size=11),
       fullwidth=st.booleans())
def test_any_formatting_of_a_mobile_gives_its_digits(rest, second, prefix, seps, fullwidth):
    mobile = "1" + second + rest
    raw = prefix + "".join(d + s for d, s in zip(mobile, seps))
    if fullwidth:
        raw = to_fullwidth(raw)
    assert normalize_phone(raw) == mobile
    assert validate_phone(raw) is None


@PROPERTY
@given(st.text())
@example("0086 0086 13800138000")
def test_phone_digits_are_idempotent(text):
    once = normalize_phone(text)
    assert once is None or (once.isdigit() and normalize_phone(once) == once)


# --------------------------------------------------------------------------- email

@pytest.mark.parametrize("raw", ["wang@example.com", "li.na+crm@mail.example.com.cn",
                                 "x@xn--fiqs8s.cn", "zhang＠example．com", " a@b.co "])
def test_valid_emails(raw):
    assert validate_email(raw) is None


@pytest.mark.parametrize("raw, words", [
    ("wang.example.com", "missing '@'"),
    ("wang@@example.com", "exactly one '@'"),
    ("wang@example", "needs a dot"),
    ("wang @example.com", "contains a space"),
    ("@example.com", "before '@'"),
    ("wang.@example.com", "before '@'"),
    ("wang@-example.com", "is not valid"),
    ("wang@example.c", "is not valid"),
])
def test_invalid_emails_say_why(raw, words):
    message = validate_email(raw)
    assert message is not None and words in message


def test_email_domain_is_lower_cased_and_width_folded():
    assert normalize_email(" Wang@Example.COM ") == "Wang@example.com"
    assert normalize_email("ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ") == "wang@example.com"
    assert normalize_email("  ") is None


# --------------------------------------------------------------------------- tax id

def make_uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


def test_known_check_character():
    # Check character worked by hand with GB 32100-2015 weights (3^i mod 31).
    assert uscc_check_char("91350100M000100Y4") == "3"


def test_tax_id_normalisation():
    code = make_uscc("91440300MA5ABCDE1")
    spaced = " ".join([code[:6].lower(), code[6:12].lower(), code[12:]])
    assert normalize_tax_id(spaced) == code
    assert normalize_tax_id(to_fullwidth(code.lower())) == code
    assert validate_tax_id(spaced) is None
    assert normalize_tax_id("  ") is None


@pytest.mark.parametrize("raw, words", [
    ("91440300MA5ABCDE1@", "only letters and digits"),
    ("12345", "has 5 characters"),
    ("91440300IA5ABCDE1X", "I cannot appear"),
])
def test_bad_tax_ids(raw, words):
    assert words in validate_tax_id(raw)


def test_person_tax_id_is_not_held_to_the_company_check():
    assert validate_tax_id("11010519491231002X", kind="person") is None
    assert "check character" in validate_tax_id("110105194912310021", kind="company")


@PROPERTY
@given(body=st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17),
       position=st.integers(0, 17), replacement=st.sampled_from(USCC_ALPHABET))
def test_any_single_typo_in_a_credit_code_is_caught(body, position, replacement):
    code = make_uscc(body)
    assert validate_tax_id(code) is None
    typo = code[:position] + replacement + code[position + 1:]
    if typo != code:
        assert "check character" in validate_tax_id(typo)


# --------------------------------------------------------------------------- scripts

def test_cjk_detection():
    assert is_cjk("华") and is_cjk("𠀀") and not is_cjk("a") and not is_cjk("，")
    assert not is_cjk("华为")
    assert contains_cjk("Acme 华为") and not contains_cjk("Acme") and not contains_cjk(None)
    assert fold_width("ＡＢＣ１２３　（） ") == "ABC123 () "
