"""ADV006: "expected return" wording for wealth, asset-management, trust and fund products.

Net-value products state a 业绩比较基准 with a note that it is no promise (AM-GUIDE,
WMP-SALES).  The fix keeps the draft's own figure, so a rewrite changes the wording, never
the number: ``预期年化收益率4.5%`` → ``业绩比较基准4.5%（业绩比较基准不代表产品未来表现和实际收益）``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import KeywordDetector
from assistant.checker.models import Finding, Fix
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
_AFTER_RE = re.compile(rf"[\s:：]*(?:为|是|达|约|可达|高达|在|可获|可获得|最高)?[\s:：]*(?P<fig>{_FIGURE})")
_BEFORE_RE = re.compile(rf"(?P<fig>{_FIGURE})\s*(?:的)?\s*$")


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
