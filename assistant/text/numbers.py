"""Numerals in every form a message can write them, to numbers.

A figure must compare equal however it is written — 3280, ３２８０, 三千二百八十,
叁仟贰佰捌拾, 3,280.00 — or a rewrite can change a fact by restating it in another
script.  Unicode decimal digits of any script (full-width, Arabic-Indic ٣, circled ③)
are folded to ASCII by :func:`assistant.text.normalize.fold`; this module reads the
Chinese forms: ordinary (十二, 四点五), financial capitals (叁仟贰佰, 拾万), 两 and 幺,
and the colloquial tail (两千五 = 2500, 一万二 = 12000).
"""

from __future__ import annotations

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "幺": 1,
    "二": 2,
    "两": 2,
    "贰": 2,
    "貳": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
#: Characters a Chinese numeral is made of (``点`` is the decimal point).
CN_DIGIT_CHARS = "".join(_DIGITS)
CN_NUMERAL_CHARS = CN_DIGIT_CHARS + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS) + "点"


def _section(s: str) -> int | None:
    """A numeral below 10000 (十二, 三百零五, 两千五)."""
    total, digit, last_unit = 0, None, 0
    for ch in s:
        if ch in _DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row inside a unit numeral: not a number
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            total += (1 if digit is None else digit) * unit
            last_unit, digit = unit, None
        else:
            return None
    if digit:
        # 两千五 = 2500, 三百五 = 350: a bare last digit counts in the next lower unit —
        # unless a 零 came before it (三百零五 = 305) or no unit came at all.
        zero_before = "零" in s or "〇" in s
        total += digit * (last_unit // 10 if last_unit >= 100 and not zero_before else 1)
    return total


def _integer(s: str) -> int | None:
    if not s:
        return 0
    if all(ch in _DIGITS for ch in s):  # 一二三 / 幺三八 read digit by digit
        return int("".join(str(_DIGITS[ch]) for ch in s))
    total = 0
    rest = s
    for big, value in sorted(_BIG_UNITS.items(), key=lambda kv: -kv[1]):
        if big in rest:
            head, _, rest = rest.partition(big)
            part = _section(head) if head else 1
            if part is None:
                return None
            total += part * value
            if rest and all(ch in _DIGITS for ch in rest) and len(rest) == 1 and "零" not in s:
                return total + _DIGITS[rest] * value // 10  # 一万二 = 12000
    tail = _section(rest) if rest else 0
    return None if tail is None else total + tail


def parse_cn_number(s: str) -> float | None:
    """'十二' → 12, '八点五' → 8.5, '叁仟贰佰' → 3200, '两千五' → 2500; None if not a numeral."""
    if not s or any(ch not in CN_NUMERAL_CHARS for ch in s):
        return None
    whole, dot, frac = s.partition("点")
    if "点" in frac or (dot and not frac) or (dot and not whole):
        return None  # 一点 (a little), 点五: not numbers
    value = _integer(whole)
    if value is None:
        return None
    if frac:
        if not all(ch in _DIGITS for ch in frac):
            return None
        return float(f"{value}.{''.join(str(_DIGITS[ch]) for ch in frac)}")
    return float(value)


def parse_number(s: str) -> float | None:
    """An Arabic (``1,200.50``) or Chinese numeral; ``None`` when ``s`` is neither.

    Mixed forms (``1.2万``, ``3千``) read the Arabic part and scale it.
    """
    s = s.strip().replace(",", "")
    try:
        return float(s)
    except ValueError:
        pass
    if (s and s[-1] in _BIG_UNITS) or s[-1:] in _SMALL_UNITS:
        head = s[:-1]
        try:
            return float(head) * (_BIG_UNITS.get(s[-1]) or _SMALL_UNITS[s[-1]])
        except ValueError:
            pass
    return parse_cn_number(s)


def format_number(value: float) -> str:
    """One spelling per value, for comparisons: 1200.00 → '1200', 0.50 → '0.5'."""
    return f"{value:.6f}".rstrip("0").rstrip(".")
