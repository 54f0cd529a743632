"""ADV006: "expected return" wording for wealth, asset-management, trust and fund products.

Net-value products state a 业绩比较基准 with a note that it is no promise (AM-GUIDE,
WMP-SALES).  The fix keeps the draft's own figure, so a rewrite changes the wording, never
the number: ``预期年化收益率4.5%`` → ``业绩比较基准4.5%（业绩比较基准不代表产品未来表现和实际收益）``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import KeywordDetector
from assistant.checker.detectors.returns import quotes_borrowing_cost
from assistant.checker.models import Finding, Fix
from assistant.checker.rulespec import rule_spec
from assistant.text import lazyre
from assistant.text.normalize import normalize_term
from assistant.text.numbers import CN_NUMERAL_CHARS

if TYPE_CHECKING:
    from assistant.checker.message import Message

_N = r"\d+(?:\.\d+)?"
_CN = rf"[{CN_NUMERAL_CHARS}点]+"
_FIGURE = (
    rf"(?:{_N}\s*[%％]?\s*(?:[-~～至到—－]|\s)\s*)?{_N}\s*[%％]"
    rf"|百分之{_CN}(?:\s*(?:[-~～至到—－])\s*(?:百分之)?{_CN})?"
)
# Runs on the folded view (offsets equal the original's).
_AFTER_RE = lazyre.compile(
    rf"[\s:：]*(?:为|是|达|约|可达|高达|在|可获|可获得|最高)?[\s:：]*(?P<fig>{_FIGURE})"
)
_BEFORE_RE = lazyre.compile(rf"(?P<fig>{_FIGURE})\s*(?:的)?\s*$")
#: The customer set the figure (您设定的目标收益率6%已达到): a notice about their own order.
_OWN_SETTING_RE = lazyre.compile(r"(?:您|你|客户|自行)[^,。!?;]{0,6}?(?:设定|设置|选择|预设)")
#: Words of return in the hit itself: such a hit is never a borrowing cost.
#: Words that make a hit a return whatever the message sells: a gain, or the reference
#: figure only an investment quotes (参考年化7.9%: no loan has a "reference" rate).
_RETURN_WORDS = ("收益", "回报", "参考", "测算")


class ExpectedReturn(KeywordDetector):
    def detect(self, msg: Message) -> Iterable[Finding]:
        opts = self.spec.options
        folded = msg.nt.folded
        compact = msg.nt.compact
        has_note = any(w in compact for w in opts.get("benchmark_note", []))
        template = str(opts.get("replacement", "业绩比较基准{figure}"))
        note_text = "" if has_note else str(opts.get("note_text", ""))
        negators = tuple(normalize_term(w) for w in opts.get("negators", []))
        for c in self.candidates(msg):
            c_start, _ = msg.ctx.clause(c.hit.start)
            if any(n in compact[max(c_start, c.hit.start - 8) : c.hit.start] for n in negators):
                continue  # 不再使用预期收益率: the wording is disowned, not used
            if _OWN_SETTING_RE.search(compact, c_start, c.hit.start):
                continue
            if self._borrowing_cost(msg, c.hit.start, c.hit.end):
                continue  # 借款最低年化7.2%: a loan's cost, judged by DIS001/DIS004
            start, end = msg.span(c.hit.start, c.hit.end)
            fix_start, fix_end, figure = start, end, None
            after = _AFTER_RE.match(folded, end)
            if after is not None:
                figure, fix_end = msg.text[after.start("fig") : after.end("fig")], after.end("fig")
            else:
                base = max(0, start - 24)
                before = _BEFORE_RE.search(folded[base:start])
                if before is not None:
                    fix_start = base + before.start("fig")
                    figure = msg.text[fix_start : base + before.end("fig")]
            if figure is not None:
                replacement = template.format(figure=figure) + note_text
                fix = Fix(
                    "unsafe",
                    replacement,
                    f"改为“{replacement}”（保留原数字）",
                    at=(fix_start, fix_end),
                )
            else:
                fix = Fix(
                    "unsafe", "", "删除预期收益表述；如需展示收益，请提供业绩比较基准并注明其不代表实际收益"
                )
            yield self.finding(msg, start, end, severity=c.severity, fix=fix, note=c.note, context=c.context)

    def _borrowing_cost(self, msg: Message, start: int, end: int) -> bool:
        """Whether an ambiguous hit (最低年化, 预计年化, 预期利率) quotes a loan's cost, read
        as PRO007 reads its figures; a hit with 收益/回报 in it is a return whatever the
        message sells."""
        if any(w in msg.nt.compact[start:end] for w in _RETURN_WORDS):
            return False
        return quotes_borrowing_cost(msg, start, rule_spec("PRO007").options, ambiguous=True)
