"""ADV004: endorsements, and a quote signed by a named customer after it.

The words and families are the rule data's, read by :class:`KeywordDetector`.  One shape is not
a word: a closing quote, a dash and a named customer (“定投三年，孩子学费有着落了。”——来自汇川App
用户李女士).  The matching views drop quotes and dashes, so the signature is read from the folded
text, which keeps them; the rule's ``context`` (investment words) then decides the severity, as for
every other endorsement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from assistant.checker.detectors.base import KeywordDetector
from assistant.checker.models import ContextEffect, Finding
from assistant.text import lazyre
from assistant.text.regexgate import literal_gate

if TYPE_CHECKING:
    from assistant.checker.message import Message


#: Product types that are no investment: a testimonial for them is reviewed, not failed.
_NOT_INVESTMENT_TYPES = frozenset({"loan", "card", "payment", "deposit"})


class Endorsement(KeywordDetector):
    #: The signed quote needs no trigger word, so the detector runs on every message; the dash
    #: test below keeps that to a character search on most of them.
    needs_trigger: ClassVar[bool] = False

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        pattern = self.spec.options.get("signed_quote_pattern")
        self._signed = lazyre.compile_now(str(pattern)) if pattern else None
        self._signed_note = str(self.spec.options.get("signed_quote_note", ""))

    def gate(self) -> Callable[[Message], object] | None:
        """A trigger word of the rule, or the characters the signed-quote pattern cannot match
        without in the folded text it is searched on (a closing quote, a dash, a customer word)."""
        code = self.code
        if self._signed is None:
            return lambda msg: msg.ctx.scan.triggers.get(code)
        signed = literal_gate(self._signed)
        if signed is None:
            return None
        return lambda msg: msg.ctx.scan.triggers.get(code) or signed(msg.nt.folded)

    def detect(self, msg: Message) -> Iterable[Finding]:
        found = list(super().detect(msg))
        yield from found
        folded = msg.nt.folded
        if found or self._signed is None or ("—" not in folded and "－" not in folded and "--" not in folded):
            return
        m = self._signed.search(folded)
        if m is None:
            return  # (one signature is proof enough: only the first is reported)
        if msg.kind == "service" and msg.ctx.anti_fraud_cue is not None:
            # a victim's story in an anti-fraud notice (“…多亏柜员及时提醒，养老钱才保住了。”——客户王阿姨。
            # 警惕冒充客服… — rt158): it warns, it vouches for no product
            return
        context = self.spec.context
        severity = self.spec.severity
        effects: tuple[ContextEffect, ...] = ()
        if context is not None and context.requires_any and not msg.ctx.scan.contexts.get(self.code):
            # no investment named: the rule's own context decides, as for its words
            if context.otherwise == "skip":
                return
            severity, effects = self.without_context(severity)
        if severity == "error" and msg.product_type in _NOT_INVESTMENT_TYPES:
            # a borrower's or a cardholder's praise (“…当天就到账了”——用户陈先生 of a loan whose APR
            # is stated): no investment vouched for; a testimonial still reviewed
            severity = "warning"
            effects = (
                ContextEffect(msg.product_type or "", "downgraded", "推介的不是投资类产品，客户证言提示复核"),
            )
        yield self.finding(
            msg,
            m.start("signed"),
            m.end("signed"),
            severity=severity,
            note=self._signed_note,
            context=effects,
        )
