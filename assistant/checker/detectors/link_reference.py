"""FMT002: a message that points to a link it does not contain (IND-LINK).

点击链接 with no URL is a template whose link variable was never filled: the recipient is
sent looking for a link that is missing, or that arrives from somewhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import KeywordDetector
from assistant.checker.models import Finding
from assistant.text import lazyre
from assistant.text.normalize import normalize_term

if TYPE_CHECKING:
    from assistant.checker.message import Message


#: Reported speech: the link is what someone else sends (如收到要求您点击链接…的短信), so the
#: message warns about it, it does not point to one of its own.
_REPORTED_BEFORE_RE = lazyre.compile(
    r"(?:收到|接到|冒充|自称|假冒|仿冒|以[^,。!?;]{0,6}为由|凡是?|任何|陌生)"
)
_REPORTED_AFTER_RE = lazyre.compile(
    r"^[^。!?]{0,30}?(?:的短信|的信息|的消息|的电话|的邮件|均为诈骗|都是诈骗|系诈骗|是诈骗)"
)


#: Words that end in 别 without forbidding anything (请分别点击, 特别提醒…): not a negation.
_BIE_WORDS = ("分别", "特别", "区别", "告别", "级别", "类别", "个别", "识别", "辨别", "鉴别", "性别", "差别")


#: 别 as a reminder, not a warning (别忘了点击链接, 别错过 — rt205).
_BIE_REMINDERS = ("别忘", "别错过", "别漏")
#: 别 with an adverb before the act (您别轻易点击, 别随便点 — rt205).
_BIE_ADVERB_RE = lazyre.compile(r"别(?:轻易|随意|随便|乱|再)$")


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
            if not before.startswith(_BIE_REMINDERS) and (
                (before.startswith("别") and c_start >= c.hit.start - 4)
                or before.endswith("避免")
                or (before.endswith("别") and not before.endswith(_BIE_WORDS))
                or _BIE_ADVERB_RE.search(before) is not None
            ):
                # 温馨提示：别点开短信里的链接, 请避免点击…: 别 opening its clause or either right before the
                # act (not 分别点击…, 为避免逾期点击链接…: rt201, rt203)
                continue
            if self._reported(msg, c.hit.start, c.hit.end):
                continue
            start, end = msg.span(c.hit.start, c.hit.end)
            yield self.finding(
                msg, start, end, severity=c.severity, note=c.note or "正文中没有链接", context=c.context
            )

    @staticmethod
    def _reported(msg: Message, start: int, end: int) -> bool:
        """The link request is reported, not made: anti-fraud framing governs it, or its
        sentence describes someone else's message (收到…点击链接…的短信)."""
        if msg.ctx.anti_fraud_near(start) is not None:
            return True
        compact = msg.nt.compact
        s_start, s_end = msg.ctx.sentence(start)
        before = compact[s_start:start]
        return bool(_REPORTED_BEFORE_RE.search(before)) and bool(
            _REPORTED_AFTER_RE.search(compact[end:s_end])
        )
