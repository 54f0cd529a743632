"""PRV001/PRV002: full ID and bank-card numbers in clear text (个人信息保护法)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.models import Finding, Fix

if TYPE_CHECKING:
    from assistant.checker.message import Message

# A number is taken whole: not preceded or followed by more digits, even across a
# single space or dash, so a longer reference number is never read as a card or ID.
_ID_RE = re.compile(r"(?<![0-9a-z])(?<![0-9][ \-])(\d(?:[ \-]?\d){16}[ \-]?[\dx])(?![0-9a-z])(?![ \-][0-9])")
_CARD_RE = re.compile(r"(?<![0-9a-z])(?<![0-9][ \-])(\d(?:[ \-]?\d){15,18})(?![0-9a-z])(?![ \-][0-9])")
_LONG_NUMBER_RE = re.compile(r"\d[\d \-]{14,}")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10x98765432"


def valid_resident_id(digits: str) -> bool:
    """18-character PRC resident ID: plausible birth date and ISO 7064 check character."""
    if len(digits) != 18 or not digits[:17].isdigit():
        return False
    try:
        born = date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return False
    if not 1900 <= born.year <= 2100:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == digits[17].lower()


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


class ResidentId(Detector):
    def detect(self, msg: Message) -> Iterable[Finding]:
        folded = msg.nt.folded
        if _LONG_NUMBER_RE.search(folded) is None:
            return
        for m in _ID_RE.finditer(folded):
            digits = re.sub(r"[ \-]", "", m.group(1))
            if valid_resident_id(digits):
                masked = "*" * 14 + digits[-4:]
                yield self.finding(msg, m.start(1), m.end(1), fix=Fix("safe", masked, "身份证号仅保留后4位"))


class BankCard(Detector):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._not_card = tuple(w.lower() for w in self.spec.options.get("not_card_context", []))

    def detect(self, msg: Message) -> Iterable[Finding]:
        folded = msg.nt.folded
        if _LONG_NUMBER_RE.search(folded) is None:
            return
        not_card = self._not_card
        for m in _CARD_RE.finditer(folded):
            digits = re.sub(r"[ \-]", "", m.group(1))
            if not 16 <= len(digits) <= 19 or not luhn_valid(digits) or valid_resident_id(digits):
                continue
            before = msg.nt.compact[
                max(0, msg.nt.compact_pos(m.start(1)) - 8) : msg.nt.compact_pos(m.start(1))
            ]
            if any(w in before for w in not_card):
                continue
            yield self.finding(
                msg, m.start(1), m.end(1), fix=Fix("safe", f"尾号{digits[-4:]}", "卡号仅显示尾号")
            )
