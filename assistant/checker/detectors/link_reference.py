"""FMT002: a message that points to a link it does not contain (IND-LINK).

点击链接 with no URL is a template whose link variable was never filled: the recipient is
sent looking for a link that is missing, or that arrives from somewhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import KeywordDetector
from assistant.checker.models import Finding
from assistant.text.normalize import normalize_term

if TYPE_CHECKING:
    from assistant.checker.message import Message


class LinkReference(KeywordDetector):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._negators = tuple(normalize_term(w) for w in self.spec.options.get("negators", []))

    def detect(self, msg: Message) -> Iterable[Finding]:
        candidates = self.candidates(msg)
        if not candidates or msg.urls:
            return
        compact = msg.nt.compact
        for c in candidates:
            c_start, _ = msg.ctx.clause(c.hit.start)
            before = compact[max(c_start, c.hit.start - 4) : c.hit.start]
            if any(n in before for n in self._negators):
                continue  # 无需点击任何链接, 不要点击链接: a reminder, not a reference
            start, end = msg.span(c.hit.start, c.hit.end)
            yield self.finding(
                msg, start, end, severity=c.severity, note=c.note or "正文中没有链接", context=c.context
            )
