"""Shapes of things a message can contain, shared by every part that needs to find them.

One place for each recognizer, so the checker's detectors, the rewrite gate's fact
extraction, the audit store's masking and the UI all agree on what an ID number, a card
number or a mobile number looks like.  Recognizers work on *folded* text (see
:mod:`assistant.text.normalize`), whose offsets equal the original's.
"""

from __future__ import annotations

import re
from datetime import date

# A number is taken whole: not preceded or followed by more digits, even across a single
# space or dash, so a longer reference number is never read as a card, an ID or a phone.
ID_RE = re.compile(r"(?<![0-9a-z])(?<![0-9][ \-])(\d(?:[ \-]?\d){16}[ \-]?[\dxX])(?![0-9a-z])(?![ \-][0-9])")
CARD_RE = re.compile(r"(?<![0-9a-z])(?<![0-9][ \-])(\d(?:[ \-]?\d){15,18})(?![0-9a-z])(?![ \-][0-9])")
MOBILE_RE = re.compile(r"(?<![0-9])(?:\+?86[ \-]?)?(1[3-9]\d(?:[ \-]?\d){8})(?![0-9])")
LONG_NUMBER_RE = re.compile(r"\d[\d \-]{10,}")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10x98765432"


def digits_of(text: str) -> str:
    return re.sub(r"[ \-]", "", text)


def plausible_resident_id(digits: str) -> bool:
    """18 characters, 17 digits then a digit or X, and a real birth date (1900–2100).

    The shape alone is enough to treat a number as an ID: a mistyped check digit does not
    make it less personal.  :func:`resident_id_checksum_ok` says whether it is also valid.
    """
    if len(digits) != 18 or not digits[:17].isdigit() or not (digits[17].isdigit() or digits[17] in "xX"):
        return False
    try:
        born = date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= 2100


def resident_id_checksum_ok(digits: str) -> bool:
    """ISO 7064 MOD 11-2 check character of an 18-character resident ID."""
    if len(digits) != 18 or not digits[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == digits[17].lower()


def valid_resident_id(digits: str) -> bool:
    return plausible_resident_id(digits) and resident_id_checksum_ok(digits)


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def mask_keep_tail(digits: str, keep: int = 4) -> str:
    return "*" * max(0, len(digits) - keep) + digits[-keep:]


def mask_personal_data(text: str) -> str:
    """``text`` with ID-, card- and mobile-shaped numbers masked to their last 4 digits.

    For text at rest (audit store, exports), where masking an order number by mistake
    costs nothing and keeping a real ID number in clear is a breach, so shapes decide:
    no checksum, no context.  Length is preserved, so offsets into the text stay valid.
    """
    if LONG_NUMBER_RE.search(text) is None:
        return text
    out = list(text)

    def mask(start: int, end: int) -> None:
        positions = [i for i in range(start, end) if text[i].isdigit() or text[i] in "xX"]
        for i in positions[:-4]:
            out[i] = "*"

    for m in ID_RE.finditer(text):
        if plausible_resident_id(digits_of(m.group(1))):
            mask(m.start(1), m.end(1))
    for m in CARD_RE.finditer(text):
        if 16 <= len(digits_of(m.group(1))) <= 19:
            mask(m.start(1), m.end(1))
    for m in MOBILE_RE.finditer(text):
        mask(m.start(1), m.end(1))
    return "".join(out)
