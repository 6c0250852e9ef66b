"""Pure normalisation and validation of what people type into customer fields.

No database, no Qt: everything here is a function of its arguments, so it is shared by the
customer services, the import and the search index, and tested with property-based tests.

- ``normalize_name``: the key duplicate detection compares company names on. Full-width and
  half-width forms, case, spaces, punctuation and the legal-form suffix (有限公司,
  Co., Ltd. …, see ``COMPANY_SUFFIXES_CJK`` / ``COMPANY_SUFFIXES_LATIN``) do not count.
- ``normalize_phone`` / ``validate_phone``: digits only, +86 / 0086 dropped, extensions cut.
- ``normalize_email`` / ``validate_email``.
- ``normalize_tax_id`` / ``validate_tax_id``: the 18-character unified social credit code
  (统一社会信用代码, GB 32100-2015) including its check character.
- ``is_cjk`` / ``contains_cjk``.

Validators return ``None`` when the value is fine and an English message otherwise; the
service collects the messages into one ``ValidationError``.
"""
from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------- width, CJK

# CJK Unified Ideographs and their extensions, plus compatibility ideographs.
_CJK_RANGES = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
    (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0x2F800, 0x2FA1F), (0x30000, 0x3134F),
)
_CJK_CLASS = ("\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
              "\U00020000-\U0002ebef\U0002f800-\U0002fa1f\U00030000-\U0003134f")


def is_cjk(ch: str) -> bool:
    """True for one Chinese (CJK ideograph) character."""
    if len(ch) != 1:
        return False
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


def contains_cjk(text: str | None) -> bool:
    return bool(text) and any(is_cjk(c) for c in text)


def fold_width(text: str) -> str:
    """Full-width letters, digits, punctuation and the ideographic space become their
    half-width forms (NFKC); Chinese characters are left as they are."""
    return unicodedata.normalize("NFKC", text)


def clean_text(value: str | None) -> str | None:
    """Strip a free-text field; empty means "not given" (None). Width is kept as typed."""
    if value is None:
        return None
    value = value.strip()
    return value or None


# --------------------------------------------------------------------------- names

#: Legal-form suffixes written in Chinese (simplified and traditional), removed from the end
#: of a name, longest first, repeatedly (集团有限公司 → 集团 → ''). 分公司 (branch) is NOT
#: here: a branch is a different customer from its head office.
COMPANY_SUFFIXES_CJK: tuple[str, ...] = tuple(sorted({
    "有限公司", "有限责任公司", "股份有限公司", "股份公司", "集团公司", "集团",
    "公司", "总公司", "控股", "有限責任公司", "股份有限公司", "集團", "集團公司",
}, key=len, reverse=True))

#: Legal-form words written in Latin script, removed as whole trailing words after case
#: folding ("ACME Co., Ltd." → acme, "Acme Ltd" → acme; "Zinc" keeps its "inc").
COMPANY_SUFFIXES_LATIN: frozenset[str] = frozenset({
    "co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation",
    "llc", "llp", "lp", "plc", "gmbh", "ag", "kg", "bv", "nv", "sarl", "srl", "spa",
    "pte", "pty", "oy", "ab", "group", "holding", "holdings",
})

_CJK_RUN = f"[{_CJK_CLASS}]+"
# Runs of Chinese characters, or runs of other letters/digits (no underscore); everything
# else (spaces, punctuation, symbols) separates words and is dropped.
_WORD = re.compile(f"{_CJK_RUN}|[^\\W_{_CJK_CLASS}]+")


def _casefold(text: str) -> str:
    # NFKC before and after casefold: casefold can yield non-NFKC text for a few letters.
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def _words(text: str) -> list[str]:
    """Words of ``text``; neighbouring Chinese runs join (spaces between 汉字 mean nothing)."""
    words: list[str] = []
    for w in _WORD.findall(text):
        if words and is_cjk(w[0]) and is_cjk(words[-1][-1]):
            words[-1] += w
        else:
            words.append(w)
    return words


def _strip_suffixes(words: list[str]) -> list[str]:
    words = list(words)
    while words:
        last = words[-1]
        if is_cjk(last[0]):
            suffix = next((s for s in COMPANY_SUFFIXES_CJK if last.endswith(s)), None)
            if suffix is None:
                break
            rest = last[: -len(suffix)]
            if not rest and len(words) == 1:
                break                      # the whole name is a suffix: keep it
            words[-1:] = [rest] if rest else []
        elif last in COMPANY_SUFFIXES_LATIN and len(words) > 1:
            words.pop()
        else:
            break
    return words


def normalize_name(name: str | None) -> str:
    """The duplicate-detection key of a customer name: width-folded, case-folded, without
    spaces and punctuation, without trailing legal-form suffixes. Never empty for a name
    that has a letter or digit (a name that is only a suffix keeps it). Idempotent."""
    if not name:
        return ""
    key = _casefold(name)
    while True:
        new = _casefold("".join(_strip_suffixes(_words(key))))
        if new == key:
            return key
        key = new


# --------------------------------------------------------------------------- phones

_PHONE_ALLOWED = re.compile(r"^\(?\+?[0-9 \-().·/]*$")
_PLUS86 = re.compile(r"^\(?\s*\+\s*86")
# Extension markers: "转 801", "分机801", "ext. 801", "x801", "#801".
_EXTENSION = re.compile(r"(转|分机|ext\.?|extension|x|#)\s*[0-9]*\s*$", re.IGNORECASE)
_MAINLAND_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 15                      # E.164


def _split_phone(raw: str) -> tuple[str, str]:
    """(main number, extension) of a width-folded phone string."""
    text = fold_width(raw).strip()
    m = _EXTENSION.search(text)
    if m and m.start() > 0:
        return text[: m.start()].strip(), re.sub(r"[^0-9]", "", m.group(0))
    return text, ""


def _strip_country_code(digits: str, *, plus86: bool) -> str:
    if digits.startswith("0086"):
        rest = digits[4:]
    elif plus86:
        rest = digits[2:]
    elif digits.startswith("86") and _MAINLAND_MOBILE.match(digits[2:]):
        return digits[2:]
    else:
        return digits
    if rest and not rest.startswith(("0", "1")):
        rest = "0" + rest                  # +86 10 … is 010 … when dialled at home
    return rest


def normalize_phone(raw: str | None) -> str | None:
    """Digits only, for comparing and searching phones. +86 / 0086 are dropped (a landline
    then gets its trunk 0 back: +86 755 … → 0755…); a bare 86 is dropped only in front of
    an 11-digit mainland mobile. The extension is not part of the key. None when no digits.
    Idempotent: the digits it returns normalise to themselves."""
    if not raw:
        return None
    main, _ext = _split_phone(raw)
    digits = _strip_country_code(re.sub(r"[^0-9]", "", main), plus86=bool(_PLUS86.match(main)))
    while True:                            # odd input such as "0086 0086 …"
        again = _strip_country_code(digits, plus86=False)
        if again == digits:
            return digits or None
        digits = again


def validate_phone(raw: str | None) -> str | None:
    """None when ``raw`` is empty or a plausible phone number, else a message saying why."""
    if raw is None or not raw.strip():
        return None
    main, _ext = _split_phone(raw)
    if re.search(r"[^\W\d_]", main):
        return (f"Phone {raw.strip()!r} contains letters; use digits, spaces, dashes, "
                "parentheses and a leading +.")
    if not _PHONE_ALLOWED.match(main):
        return (f"Phone {raw.strip()!r} has characters a phone number cannot have; use "
                "digits, spaces, dashes, parentheses and a leading +.")
    digits = normalize_phone(raw) or ""
    if len(digits) < MIN_PHONE_DIGITS:
        return (f"Phone {raw.strip()!r} has too few digits ({len(digits)}); a phone number "
                f"has at least {MIN_PHONE_DIGITS}, with the area code for a landline.")
    if len(digits) > MAX_PHONE_DIGITS:
        return (f"Phone {raw.strip()!r} has too many digits ({len(digits)}); at most "
                f"{MAX_PHONE_DIGITS}.")
    if digits[0] == "1" and "+" not in main and len(digits) in (10, 12):
        return (f"Phone {raw.strip()!r} looks like a mobile number with {len(digits)} "
                "digits; mainland mobile numbers have 11.")
    if len(digits) == 11 and digits[0] == "1" and not _MAINLAND_MOBILE.match(digits):
        return f"Phone {raw.strip()!r} is not a mainland mobile number (13x–19x)."
    return None


# --------------------------------------------------------------------------- email

_EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")
_DOMAIN_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")


def normalize_email(raw: str | None) -> str | None:
    """Width-folded and stripped; the domain lower-cased (the local part is kept as typed)."""
    if raw is None or not raw.strip():
        return None
    text = fold_width(raw).strip()
    local, at, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}" if at else text


def validate_email(raw: str | None) -> str | None:
    """None when empty or a plausible address (name@example.com), else a message."""
    email = normalize_email(raw)
    if email is None:
        return None
    if any(c.isspace() for c in email):
        return f"Email {email!r} contains a space."
    if email.count("@") != 1:
        return (f"Email {email!r} needs exactly one '@', as in name@example.com."
                if "@" in email else f"Email {email!r} is missing '@', as in name@example.com.")
    local, domain = email.split("@")
    if not local or not _EMAIL_LOCAL.match(local) or local.startswith(".") \
            or local.endswith(".") or ".." in local:
        return f"Email {email!r}: the part before '@' is not valid."
    labels = domain.split(".")
    if len(labels) < 2:
        return f"Email {email!r}: the domain {domain!r} needs a dot, as in example.com."
    if not all(_DOMAIN_LABEL.match(label) for label in labels) \
            or not re.fullmatch(r"[A-Za-z]{2,}|xn--[A-Za-z0-9-]+", labels[-1]):
        return f"Email {email!r}: the domain {domain!r} is not valid."
    return None


# --------------------------------------------------------------------------- tax id

# GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z); the last one is a
# check character over the first 17 with weights 3^i mod 31.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


def normalize_tax_id(raw: str | None) -> str | None:
    """Width-folded, upper-case, without spaces and dashes; None when empty."""
    if raw is None:
        return None
    text = re.sub(r"[\s\-–—./]", "", fold_width(raw)).upper()
    return text or None


def uscc_check_char(first17: str) -> str:
    """The check character of a unified social credit code from its first 17 characters."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def validate_tax_id(raw: str | None, *, kind: str = "company") -> str | None:
    """None when empty or plausible, else a message. Tax ids are 6–20 letters and digits
    (foreign VAT numbers, the old 15-digit registration numbers, a person's ID number); an
    18-character id of a company must be a unified social credit code with the right check
    character, which catches most typos."""
    tax_id = normalize_tax_id(raw)
    if tax_id is None:
        return None
    if not re.fullmatch(r"[0-9A-Z]+", tax_id):
        return f"Tax id {raw.strip()!r} may contain only letters and digits."
    if not 6 <= len(tax_id) <= 20:
        return (f"Tax id {raw.strip()!r} has {len(tax_id)} characters; expected 6 to 20 "
                "(18 for a unified social credit code).")
    if len(tax_id) == 18 and kind == "company":
        bad = sorted({c for c in tax_id if c not in USCC_ALPHABET})
        if bad:
            return (f"Tax id {raw.strip()!r} is not a unified social credit code: "
                    f"{', '.join(bad)} cannot appear in one.")
        if uscc_check_char(tax_id[:17]) != tax_id[17]:
            return (f"Tax id {raw.strip()!r} fails the unified social credit code check "
                    "character; please check it for a typo.")
    return None
