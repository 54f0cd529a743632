"""Credit marketing that lures or breaks the law: inducements (DIS003) and illegal
intermediaries and card cash-out (PRO008).

The words are rule data; what needs logic is (a) 免息/0利率 is only misleading without the
annualised rate (FIN-CC22, FIN-APR), and (b) 无抵押 + 当天放款 is an agent's lure only when
no licensed lender is named (FIN-AGENT): a bank's own unsecured loan says who lends.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import KeywordDetector
from assistant.checker.detectors.disclosures import _ANNUAL_RATE_RE
from assistant.checker.detectors.families import family_of, removal_spans, sentence_text, term_of
from assistant.checker.models import ContextEffect, Finding, Fix
from assistant.text import lazyre
from assistant.text.normalize import fold

if TYPE_CHECKING:
    from assistant.checker.message import Message


def states_annual_rate(msg: Message) -> bool:
    """Whether the message shows an annualised rate with its figure (年化利率（单利）9.8%)."""
    return bool(_ANNUAL_RATE_RE.search(msg.nt.nospace) or _ANNUAL_RATE_RE.search(msg.nt.compact))


#: A signature that names no lender though it says 银行 (【银行信贷服务中心】, 【贷款服务中心】 — rt149): a
#: lender word first, or an agent's words (咨询, 助贷, 中介, 代办).
_GENERIC_LENDER_NAME_RE = lazyre.compile(r"^(?:银行|贷款|信贷|金融|消费金融|小额贷款)|咨询|助贷|中介|代办")


class CreditInducement(KeywordDetector):
    """DIS003: 零门槛, 秒批, 无视征信, 黑户可贷 …; 免息 without the annualised rate."""

    def detect(self, msg: Message) -> Iterable[Finding]:
        opts = self.spec.options
        zero_terms = frozenset(opts.get("zero_interest_terms", []))
        zero_families = frozenset(opts.get("zero_interest_families", []))
        zero_fix = dict(opts.get("zero_interest_fix") or {})
        annual: bool | None = None
        candidates = self.candidates(msg)
        spans = removal_spans(msg, [c.hit for c in candidates])
        for c, at in zip(candidates, spans, strict=True):
            start, end = msg.span(c.hit.start, c.hit.end)
            family = family_of(self.spec, c.hit)
            if (family is None and term_of(self.spec, c.hit) in zero_terms) or (
                family is not None and family in zero_families
            ):
                if annual is None:
                    annual = states_annual_rate(msg)
                if annual:
                    continue  # 免息 next to the annualised rate and fees is a disclosed offer
                fix = Fix(
                    zero_fix.get("kind", "needs_input"),
                    None,
                    zero_fix.get("description", ""),
                    tuple(zero_fix.get("needs", ())),
                )
                note = c.note or "宣传免息/0利率但未展示年化利率及费用"
                yield self.finding(
                    msg, start, end, severity=c.severity, fix=fix, note=note, context=c.context
                )
                continue
            fix = self.default_fix()
            fix.at = at
            yield self.finding(msg, start, end, severity=c.severity, fix=fix, note=c.note, context=c.context)


class IllegalIntermediary(KeywordDetector):
    """PRO008: 代办, 包装资料, 包下款, 内部渠道, 套现, 代还, 养卡; 无抵押 + 当天放款 with no
    licensed lender named."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        opts = self.spec.options
        self._lure_terms = frozenset(opts.get("lure_terms", []))
        self._lure_folded = tuple(fold(w) for w in self._lure_terms)
        self._speed = tuple(fold(w) for w in opts.get("lure_speed", []))
        self._lender_words = tuple(fold(w) for w in opts.get("lender_words", []))
        pattern = opts.get("lender_named_re")
        self._lender_named = lazyre.compile_now(pattern) if pattern else None
        self._warning_words = tuple(opts.get("warning_words", []))

    def detect(self, msg: Message) -> Iterable[Finding]:
        lure: str | bool | None = False  # False: not yet decided
        for c in self.candidates(msg):
            note = c.note
            if family_of(self.spec, c.hit) is None and term_of(self.spec, c.hit) in self._lure_terms:
                if lure is False:
                    lure = self._lure(msg)
                if lure is None:
                    continue  # no speed promise, or a licensed lender says it lends
                note = f"“{c.hit.word}”与“{lure}”同现，且短信未署明持牌放贷机构，属贷款中介揽客话术"
            severity, effects = c.severity, c.context
            if severity == "error" and not msg.ctx.strict:
                sentence = sentence_text(msg, c.hit.start)
                word = next((w for w in self._warning_words if w in sentence), None)
                if word is not None:
                    severity = "warning"
                    effects = (
                        *effects,
                        ContextEffect(word, "downgraded", "句中将其称为违规或违法，可能是在警示，请人工确认"),
                    )
            start, end = msg.span(c.hit.start, c.hit.end)
            yield self.finding(msg, start, end, severity=severity, note=note, context=effects)

    def _lure(self, msg: Message) -> str | None:
        compact = msg.nt.compact
        speed = next((w for w in self._speed if w in compact), None)
        if speed is None or self._lender_vouched(msg):
            return None
        return speed

    def _lender_vouched(self, msg: Message) -> bool:
        """A licensed lender says it lends: the profile's licence, a lender's signature, or
        由…银行/消费金融公司发放 in the body."""
        if msg.profile is not None and msg.profile.has_license("lending"):
            return True
        sig = msg.signature
        name = fold(sig.name) if sig is not None else ""
        if any(w in name for w in self._lender_words) and _GENERIC_LENDER_NAME_RE.search(name) is None:
            return True
        return self._lender_named is not None and self._lender_named.search(msg.nt.compact) is not None

    def rules_out(self, msg: Message) -> bool:
        """The lure's words (无抵押, 当天放款) in a message whose licensed lender is named: the
        rule cleared them, and its model reads only those words (捷贷 under a lending profile)."""
        compact = msg.nt.compact
        return any(w in compact for w in self._lure_folded) and self._lender_vouched(msg)
