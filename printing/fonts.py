"""Fonts for the PDF: which face draws which characters, text widths and line wrapping.

By default Latin text uses the PDF base faces (Helvetica, Times, Courier, chosen from the
Excel font's name) and everything else — Chinese, full-width punctuation — the
``STSong-Light`` CID font that every PDF reader carries, so nothing is embedded. For PDFs
sent outside the office a TrueType font (.ttf, or .ttc with a sub-font index) can be
embedded instead; characters it lacks still fall back to STSong-Light. Bold where the face
has no bold variant is drawn with a thin outline stroke.
"""
from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

__all__ = ["FontError", "FontSet", "Run", "font_set", "CJK_FONT", "DEFAULT_TTC"]

CJK_FONT = "STSong-Light"
DEFAULT_TTC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
_LOCK = threading.Lock()

_LATIN = {
    "sans": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"),
    "narrow": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"),
    "serif": ("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic"),
    "mono": ("Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique"),
}
# Calibri/等线 are narrower than Helvetica: squeeze Helvetica to keep Excel's line breaks
_HSCALE = {"narrow": 0.9}

# closing punctuation never starts a line, opening punctuation never ends one
_NO_START = set("，。、：；！？）》」』】〕〉”’％%,.;:!?)]}…·")
_NO_END = set("（《「『【〔〈“‘([{")


class FontError(ValueError):
    """The chosen font cannot be used (missing file, PostScript outlines, bad index)."""


@dataclass(frozen=True)
class Run:
    font: str
    text: str
    width: float  # at size 1, after horizontal scaling
    fake_bold: bool
    hscale: float


def _register_cjk() -> None:
    with _LOCK:
        if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


@lru_cache(maxsize=4096)
def _winansi(ch: str) -> bool:
    try:
        ch.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


class FontSet:
    """Turns (text, family, bold, italic) into runs of one font each, and measures them."""

    def __init__(self, ttf_path: str | None = None, subfont_index: int = 0,
                 bold_path: str | None = None):
        _register_cjk()
        self.ttf_path = ttf_path
        self.regular: str | None = None
        self.bold: str | None = None
        self.covered: frozenset[int] = frozenset()
        self.bold_covered: frozenset[int] = frozenset()
        if ttf_path:
            self.regular, self.covered = _register_ttf(ttf_path, subfont_index)
            if bold_path:
                self.bold, self.bold_covered = _register_ttf(bold_path, subfont_index)
        self._width_cache: dict[tuple[str, str], float] = {}
        self._runs_cache: dict[tuple, tuple[Run, ...]] = {}
        self._wrap_cache: dict[tuple, tuple[str, ...]] = {}

    @property
    def embeds(self) -> bool:
        return self.regular is not None

    def _latin_face(self, family: str, bold: bool, italic: bool) -> str:
        faces = _LATIN.get(family, _LATIN["sans"])
        return faces[(1 if bold else 0) + (2 if italic else 0)]

    def _face_for(self, ch: str, family: str, bold: bool, italic: bool) -> tuple[str, bool, float]:
        """(font name, draw bold by stroking, horizontal scale) for one character."""
        if self.regular is not None:
            code = ord(ch)
            if bold and self.bold is not None and code in self.bold_covered:
                return self.bold, False, 1.0
            if code in self.covered or ch in " \t":
                return self.regular, bold, 1.0
            return CJK_FONT, bold, 1.0
        if _winansi(ch):
            return self._latin_face(family, bold, italic), False, _HSCALE.get(family, 1.0)
        return CJK_FONT, bold, 1.0

    def _width(self, text: str, font: str) -> float:
        key = (text, font)
        w = self._width_cache.get(key)
        if w is None:
            w = pdfmetrics.stringWidth(text, font, 1.0)
            if len(self._width_cache) < 200_000:
                self._width_cache[key] = w
        return w

    def runs(self, text: str, family: str = "sans", bold: bool = False,
             italic: bool = False) -> tuple[Run, ...]:
        key = (text, family, bold, italic)
        cached = self._runs_cache.get(key)
        if cached is not None:
            return cached
        out: list[Run] = []
        cur_face = None
        start = 0
        for i, ch in enumerate(text):
            face = self._face_for(ch, family, bold, italic)
            if face != cur_face:
                if cur_face is not None and i > start:
                    seg = text[start:i]
                    out.append(Run(cur_face[0], seg, self._width(seg, cur_face[0]) * cur_face[2],
                                   cur_face[1], cur_face[2]))
                cur_face, start = face, i
        if cur_face is not None and start < len(text):
            seg = text[start:]
            out.append(Run(cur_face[0], seg, self._width(seg, cur_face[0]) * cur_face[2],
                           cur_face[1], cur_face[2]))
        result = tuple(out)
        if len(self._runs_cache) < 100_000:
            self._runs_cache[key] = result
        return result

    def width(self, text: str, size: float, family: str = "sans", bold: bool = False,
              italic: bool = False) -> float:
        return sum(r.width for r in self.runs(text, family, bold, italic)) * size

    def wrap(self, text: str, max_width: float, size: float, family: str = "sans",
             bold: bool = False, italic: bool = False) -> list[str]:
        """Break text into lines no wider than ``max_width``: Latin words stay whole where
        they fit, Chinese breaks between any two characters, punctuation stays attached."""
        key = (text, round(max_width, 2), size, family, bold, italic)
        cached = self._wrap_cache.get(key)
        if cached is not None:
            return list(cached)
        lines = self._wrap(text, max_width, size, family, bold, italic)
        if len(self._wrap_cache) < 50_000:
            self._wrap_cache[key] = tuple(lines)
        return lines

    def _wrap(self, text: str, max_width: float, size: float, family: str, bold: bool,
              italic: bool) -> list[str]:
        lines: list[str] = []
        for paragraph in text.split("\n"):
            if paragraph == "":
                lines.append("")
                continue
            units = _units(paragraph)
            line = ""
            for unit in units:
                candidate = line + unit
                if not line or self.width(candidate.rstrip(), size, family, bold, italic) \
                        <= max_width:
                    line = candidate
                    continue
                lines.append(line.rstrip())
                line = unit.lstrip() if unit.strip() else ""
                # a single unit wider than the line: break it by characters
                while line and self.width(line, size, family, bold, italic) > max_width \
                        and len(line) > 1:
                    cut = len(line) - 1
                    while cut > 1 and self.width(line[:cut], size, family, bold, italic) \
                            > max_width:
                        cut -= 1
                    lines.append(line[:cut])
                    line = line[cut:]
            lines.append(line.rstrip())
        return lines


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF
            or 0x3000 <= code <= 0x303F or 0x20000 <= code <= 0x2FFFF)


def _units(text: str) -> list[str]:
    """Unbreakable pieces: a Latin word with its trailing spaces, or one CJK character,
    with closing punctuation glued to what precedes it and opening to what follows."""
    units: list[str] = []
    word = ""
    for ch in text:
        if _is_cjk(ch) and ch not in _NO_START and ch not in _NO_END:
            if word:
                units.append(word)
                word = ""
            units.append(ch)
        elif ch in _NO_START and (units or word):
            if word:
                word += ch
            else:
                units[-1] += ch
        elif ch == " ":
            word += ch
            units.append(word)
            word = ""
        else:
            if word.endswith(" "):
                units.append(word)
                word = ""
            word += ch
    if word:
        units.append(word)
    # glue opening punctuation to the next unit
    glued: list[str] = []
    carry = ""
    for u in units:
        if u and all(c in _NO_END for c in u):
            carry += u
            continue
        glued.append(carry + u)
        carry = ""
    if carry:
        glued.append(carry)
    return glued


_TTF_CACHE: dict[tuple[str, int], tuple[str, frozenset[int]]] = {}


def _register_ttf(path: str, subfont_index: int) -> tuple[str, frozenset[int]]:
    key = (os.path.abspath(path), subfont_index)
    with _LOCK:
        if key in _TTF_CACHE:
            return _TTF_CACHE[key]
        if not os.path.exists(path):
            raise FontError(f"font file not found: {path}")
        digest = hashlib.sha1(f"{key[0]}#{subfont_index}".encode()).hexdigest()[:10]
        name = f"QianliTTF-{digest}"
        try:
            font = TTFont(name, path, subfontIndex=subfont_index)
        except TTFError as exc:
            msg = str(exc)
            if "postscript outlines" in msg.lower():
                raise FontError(
                    f"{path}: this font has PostScript (CFF) outlines, which cannot be "
                    "embedded; choose a TrueType font (.ttf, or a .ttc of TrueType fonts) — "
                    "or keep the default STSong-Light, which needs no embedding") from None
            raise FontError(f"{path}: not a usable TrueType font ({msg})") from None
        pdfmetrics.registerFont(font)
        covered = frozenset(font.face.charToGlyph.keys())
        _TTF_CACHE[key] = (name, covered)
        return name, covered


_SETS: dict[tuple, FontSet] = {}


def font_set(font=None) -> FontSet:
    """A (cached) FontSet for a font choice.

    ``None`` or ``"stsong"``: base faces + STSong-Light, nothing embedded. A path to a .ttf,
    ``(path, subfont_index)`` for a .ttc, ``{"path":…, "index":…, "bold":…}``, or a FontSet.
    """
    if isinstance(font, FontSet):
        return font
    if font is None or (isinstance(font, str) and font.lower() in ("stsong", "stsong-light",
                                                                     "default", "")):
        key: tuple = ("default",)
        path, index, bold = None, 0, None
    elif isinstance(font, (str, os.PathLike)):
        path, index, bold = os.fspath(font), 0, None
        key = (path, 0, None)
    elif isinstance(font, tuple):
        path, index = os.fspath(font[0]), int(font[1])
        bold = font[2] if len(font) > 2 else None
        key = (path, index, bold)
    elif isinstance(font, dict):
        path, index, bold = font.get("path"), int(font.get("index", 0)), font.get("bold")
        key = (path, index, bold)
    else:
        raise FontError(f"unknown font choice {font!r}")
    fs = _SETS.get(key)
    if fs is None:
        fs = FontSet(path, index, bold)
        _SETS[key] = fs
    return fs
