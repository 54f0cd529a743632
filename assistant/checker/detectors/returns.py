"""PRO007: stated returns above the yield threshold (the guide's 8% heuristic, PRO-YIELD).

Figures are converted to a simple annual rate first, so 月收益1%, 日收益万分之三 and
百分之十二 are all compared on the same footing.  Loan rates are not returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.models import Finding
from assistant.text.numbers import CN_NUMERAL_CHARS, parse_number

if TYPE_CHECKING:
    from assistant.checker.message import Message

_NUM = rf"(?:\d+(?:\.\d+)?|[{CN_NUMERAL_CHARS}]+)"
# Each alternative yields a rate in percent for its own period.
_RATE_RE = re.compile(
    rf"(?P<pct>(?P<lo>{_NUM})\s*(?:%|％)?\s*(?:-|~|～|至|到|—|－)\s*)?(?P<a>\d+(?:\.\d+)?)\s*(?:%|％)"
    rf"|百分之(?P<b>{_NUM})(?:(?:-|~|至|到)(?:百分之)?(?P<b2>{_NUM}))?"
    rf"|万分之(?P<c>{_NUM})"
    rf"|千分之(?P<d>{_NUM})"
    rf"|月息(?P<e>{_NUM})分"
    rf"|(?P<f>{_NUM})个点"
    rf"|(?P<g>\d+(?:\.\d+)?)厘"
)
_DAILY = ("日", "天", "每日", "每天", "/日", "/天", "daily")
_MONTHLY = ("月", "每月", "/月")
_WEEKLY = ("周", "每周", "/周", "星期")


@dataclass(slots=True)
class StatedRate:
    start: int  # no-space view offsets
    end: int
    annual: float
    period: str
    cue: str


class Returns(Detector):
    def detect(self, msg: Message) -> Iterable[Finding]:
        view = msg.nt.nospace
        if not any(ch in view for ch in "%％分点厘"):
            return
        opts = self.spec.options
        threshold = float(msg.settings.yield_threshold_percent)
        loan_message = any(w in msg.nt.compact for w in opts["loan_context"])
        for rate in stated_rates(msg, opts):
            if rate.cue in opts["loan_cues"] and loan_message:
                continue
            if rate.annual <= threshold + 1e-9:
                continue
            start, end = msg.nt.nospace_span(rate.start, rate.end)
            cpos = msg.nt.compact_pos(start)
            if msg.ctx.negated(cpos, cpos) or msg.ctx.warned_against(cpos, cpos):
                continue
            period = {"day": "日", "month": "月", "week": "周", "year": "年"}[rate.period]
            note = f"按{period}利率口径折算年化约{rate.annual:.2f}%；{threshold:g}%为合规指南的经验阈值，并非法定标准"
            message = f"宣传收益率折合年化约{rate.annual:.2f}%，超过{threshold:g}%的高收益警戒线，属高收益理财承诺"
            yield self.finding(msg, start, end, message=message, note=note)


def stated_rates(msg: Message, opts: dict) -> list[StatedRate]:
    """Rates that a return cue (收益, 回报, 利息, 年化 …) introduces within the same clause.

    Numbers are read on the no-space view (decimals intact); the cue is looked for in the
    compact view, so 收*益 still counts as 收益.
    """
    view = msg.nt.nospace
    compact = msg.nt.compact
    cues: list[str] = sorted(opts["return_cues"] + opts["loan_cues"], key=len, reverse=True)
    width = int(opts.get("window", 16))
    out: list[StatedRate] = []
    for m in _RATE_RE.finditer(view):
        ostart, _ = msg.nt.nospace_span(m.start(), m.start() + 1)
        cpos = msg.nt.compact_pos(ostart)
        w_start = max(0, cpos - width)
        window = compact[w_start:cpos]
        cut = max(window.rfind(d) for d in "，,。！!？?；;")
        if cut >= 0:
            w_start += cut + 1
            window = window[cut + 1 :]
        found = [(window.rfind(c), c) for c in cues if c in window]
        if not found:
            continue
        cue_at, cue = max(found, key=lambda t: (t[0], len(t[1])))
        value = _value(m)
        if value is None:
            continue
        pre = compact[max(0, w_start + cue_at - 3) : w_start + cue_at]
        near = pre + window[cue_at:]
        period = _period(near, view[m.end() : m.end() + 4], m)
        factor = {"day": 365, "month": 12, "week": 52, "year": 1}[period]
        out.append(StatedRate(m.start(), m.end(), round(value * factor, 6), period, cue))
    return out


def _value(m: re.Match[str]) -> float | None:
    g = m.groupdict()
    if g["a"] is not None:
        values = [parse_number(g["a"]), parse_number(g["lo"]) if g["lo"] else None]
    elif g["b"] is not None:
        values = [parse_number(g["b"]), parse_number(g["b2"]) if g["b2"] else None]
    elif g["c"] is not None:
        v = parse_number(g["c"])
        values = [v / 100 if v is not None else None]
    elif g["d"] is not None:
        v = parse_number(g["d"])
        values = [v / 10 if v is not None else None]
    elif g["e"] is not None:
        values = [parse_number(g["e"])]
    elif g["f"] is not None:
        values = [parse_number(g["f"])]
    else:
        v = parse_number(g["g"])
        values = [v / 10 if v is not None else None]
    nums = [v for v in values if v is not None]
    return max(nums) if nums else None


_DATE_DAY = re.compile(r"\d日")


def _has(words: tuple[str, ...], text: str) -> bool:
    return any(w in text for w in words)


def _period(near: str, after: str, m: re.Match[str]) -> str:
    """The period a rate is quoted for, from the words around its cue (not from dates)."""
    if m.group("e") is not None or (m.group("g") is not None and "月" in near):
        return "month"
    if "年" in near:
        return "year"
    if _has(("/天", "/日", "每天", "每日", "一天"), after):
        return "day"
    if _has(("/月", "每月", "一个月"), after):
        return "month"
    if _has(("/周", "每周"), after):
        return "week"
    cleaned = _DATE_DAY.sub("", near)
    if _has(_DAILY, cleaned):
        return "day"
    if _has(_MONTHLY, re.sub(r"\d+月", "", cleaned)):
        return "month"
    if _has(_WEEKLY, cleaned):
        return "week"
    if m.group("c") is not None:
        return "day"  # 万分之N is quoted per day
    return "year"
