"""Chinese numerals to numbers, for the figures that rules compare (rates, amounts)."""

from __future__ import annotations

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万点"


def _integer(s: str) -> int | None:
    if not s:
        return 0
    if all(ch in _DIGITS for ch in s):  # 一二 read digit by digit
        return int("".join(str(_DIGITS[ch]) for ch in s))
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit == 10000:
                section = (section + (digit or 0)) * unit
                total += section
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def parse_cn_number(s: str) -> float | None:
    """'十二' → 12, '八点五' → 8.5, '一百二十' → 120, '零点零三' → 0.03; None if not a numeral."""
    if not s or any(ch not in CN_NUMERAL_CHARS for ch in s):
        return None
    whole, _, frac = s.partition("点")
    value = _integer(whole)
    if value is None:
        return None
    if frac:
        if not all(ch in _DIGITS for ch in frac):
            return None
        return float(f"{value}.{''.join(str(_DIGITS[ch]) for ch in frac)}")
    return float(value)


def parse_number(s: str) -> float | None:
    s = s.strip()
    try:
        return float(s)
    except ValueError:
        return parse_cn_number(s)
