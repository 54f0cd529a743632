"""Marketing or service?  The answer decides which rules apply, so it is shown with why.

Cue words are weighted; an opt-out phrase counts as a marketing cue (only marketing
carries one).  With no cue at all the message is treated as marketing, the reading that
applies more rules, and the reason says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.checker.models import Kind

if TYPE_CHECKING:
    from assistant.checker.message import Message

OPTOUT_WEIGHT = 4  # only marketing should carry an opt-out: a strong signal


def infer_kind(msg: Message) -> tuple[Kind, str]:
    scores = {"marketing": 0, "service": 0}
    words: dict[str, list[str]] = {"marketing": [], "service": []}
    covered = bytearray(len(msg.nt.compact) + 1)
    sig = msg.signature
    if sig is not None:  # 【汇通支付】 names the sender, it is not a "支付" notice
        s0, s1 = msg.nt.compact_pos(sig.start), msg.nt.compact_pos(sig.end)
        covered[s0:s1] = b"\x01" * (s1 - s0)
    # Longest cues first, so 最低还款额 is not also counted as 最低 / 还款.
    for hit in sorted(msg.ctx.scan.kind_hits, key=lambda h: h.start - h.end):
        if covered.find(0, hit.start, hit.end) == -1:
            continue  # wholly inside a longer cue (or the signature)
        kind, weight = hit.payload
        covered[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
        scores[kind] += weight
        if hit.word not in words[kind]:
            words[kind].append(hit.word)
    if msg.optout_span is not None:
        scores["marketing"] += OPTOUT_WEIGHT
        words["marketing"].append("退订语")
    m, s = scores["marketing"], scores["service"]
    if m == 0:
        reason = (
            "服务通知特征（" + "、".join(words["service"][:4]) + "）"
            if s
            else "未发现推广、优惠或办理邀约等营销特征"
        )
        return "service", reason
    if s > m:
        return "service", f"服务通知特征（{'、'.join(words['service'][:4])}）强于营销特征"
    return "marketing", f"含营销特征（{'、'.join(words['marketing'][:4])}）"
