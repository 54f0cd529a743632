"""Pinyin spellings hidden inside Chinese words (wen赚不赔, 比te币, bao本).

Spelling part of a word in pinyin is a common way past keyword filters.  Only messages
that mix Latin letters into Chinese are read this way (a cheap regex decides), and only
matches that really contain a Latin letter are reported, so ordinary Chinese text is
never second-guessed by homophones.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# A run of two or more Latin letters touching a Chinese character (single letters such as
# the T of 回T退订 are never a pinyin syllable of a trigger word).
MIXED_RE = re.compile(r"[a-z]{2,}(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[a-z]{2,}")
#: Latin words common in SMS that are not pinyin.
NOT_PINYIN = frozenset(
    {"app", "vip", "etf", "atm", "pos", "sms", "apr", "ipo", "lpr", "qq", "id", "ok", "pc", "tv", "ai"}
)
WINDOW = 6


@cache
def _dict() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict  # ~0.15 s: loaded only for mixed-script text

    out = {}
    for cp, readings in pinyin_dict.items():
        first = readings.split(",")[0]
        plain = "".join(c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c))
        out[cp] = plain.replace("ü", "v").lower()
    return out


def to_pinyin(text: str) -> tuple[str, list[int]]:
    """Toneless pinyin of the Chinese characters, Latin letters kept; with the index of the
    source character for every output character."""
    table = _dict()
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        py = table.get(ord(ch))
        if py is None:
            if not ("a" <= ch <= "z"):
                continue
            py = ch
        parts.append(py)
        index.extend([i] * len(py))
    return "".join(parts), index


def term_pinyin(term: str) -> str | None:
    """Pinyin key of a Chinese term (None for terms without two Chinese characters)."""
    if sum(1 for ch in term if "\u4e00" <= ch <= "\u9fff") < 2:
        return None
    py, _ = to_pinyin(term)
    return py or None


#: Initials spell a word only when they are this long (无视征信 → wszx): two or three
#: letters are too often an abbreviation of something else.
MIN_INITIALS = 4


def to_initials(text: str) -> tuple[str, list[int]]:
    """The first letter of each Chinese character's pinyin (征信 → zx), Latin letters kept,
    anything else ``|``; with the index of the source character of every output character."""
    table = _dict()
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        py = table.get(ord(ch))
        if py:
            out.append(py[0])
        elif "a" <= ch <= "z":
            out.append(ch)
        else:
            out.append("|")  # a digit or a comma ends the word: no key spans it
        index.append(i)
    return "".join(out), index


def term_initials(term: str) -> str | None:
    """Initials key of an all-Chinese term of at least ``MIN_INITIALS`` characters."""
    if len(term) < MIN_INITIALS or not all("\u4e00" <= ch <= "\u9fff" for ch in term):
        return None
    key, _ = to_initials(term)
    return key if len(key) == len(term) else None
