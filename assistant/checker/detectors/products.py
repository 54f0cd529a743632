"""PRO006: products outside the approved list, and public promotion of private products."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import KeywordDetector
from assistant.checker.models import Finding

if TYPE_CHECKING:
    from assistant.checker.message import Message

# A product-like name: 明德稳盈2号, 鑫享A款, 安心e生2026版 …
_PRODUCT_RE = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{2,10}?(?:\d{1,4}|[A-Za-z]|[一二三四五六七八九十])(?:号|期|款|版)(?:理财|基金|产品|计划|保险)?"
)
_LEADING_NOISE = ("尊享", "推荐", "购买", "认购", "申购", "新品", "热销", "本行", "我行", "本公司", "我司", "专属", "抢购", "限量")


class Products(KeywordDetector):
    def detect(self, msg: Message) -> Iterable[Finding]:
        yield from super().detect(msg)
        profile = msg.profile
        if profile is None or not profile.products:
            return
        text = msg.text
        approved = [(p, [m.start() for m in re.finditer(re.escape(p), text)]) for p in profile.products]
        approved_spans = [(s, s + len(p)) for p, starts in approved for s in starts]
        sig_end = msg.signature.end if msg.signature and msg.signature.position == "head" else 0
        for m in _PRODUCT_RE.finditer(text, sig_end):
            start, end = m.start(), m.end()
            if any(s < end and start < e for s, e in approved_spans):
                continue
            name = m.group()
            for noise in _LEADING_NOISE:
                if name.startswith(noise) and len(name) - len(noise) >= 3:
                    start += len(noise)
                    name = name[len(noise) :]
            cpos = msg.nt.compact_pos(start)
            if msg.ctx.negated(cpos, cpos):
                continue
            note = f"“{name}”不在发送方报备的产品清单（{'、'.join(profile.products)}）中"
            yield self.finding(msg, start, end, note=note)


class Licensed(KeywordDetector):
    """QUA001–QUA004: a business reminder that needs a licence the sender lacks."""

    def detect(self, msg: Message) -> Iterable[Finding]:
        profile = msg.profile
        if profile is None:
            return
        needed = self.spec.options.get("requires_license_any", [])
        if profile.has_license(*needed):
            return
        for finding in super().detect(msg):
            finding.note = f"发送方资质（{'、'.join(profile.licenses) or '无'}）缺少：{' 或 '.join(needed)}"
            yield finding
            return  # one finding per message is enough for a licence gap
