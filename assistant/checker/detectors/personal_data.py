"""PRV001/PRV002: full ID and bank-card numbers in clear text (个人信息保护法)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.models import Finding, Fix
from assistant.checker.recognizers import CARD_RE, ID_RE, LONG_NUMBER_RE, luhn_valid, valid_resident_id

if TYPE_CHECKING:
    from assistant.checker.message import Message


class ResidentId(Detector):
    def detect(self, msg: Message) -> Iterable[Finding]:
        folded = msg.nt.folded
        if LONG_NUMBER_RE.search(folded) is None:
            return
        for m in ID_RE.finditer(folded):
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
        if LONG_NUMBER_RE.search(folded) is None:
            return
        not_card = self._not_card
        for m in CARD_RE.finditer(folded):
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
