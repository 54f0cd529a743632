"""Detector base classes.

A detector is a small class bound to one rule spec (Presidio-style): the spec supplies
name, severity, message, citations and trigger words; the class supplies whatever logic
the words alone cannot express.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from assistant.checker.context import NEGATION_WORDS, inside_latin_word
from assistant.checker.models import SEVERITY_RANK, ContextEffect, Finding, Fix, Severity
from assistant.checker.rulespec import (
    CLAUSE_SCOPED,
    CONFIRMING_HERE,
    SENTENCE_SCOPED,
    VOIDING,
    VOIDING_CLAUSE,
    VOIDING_HERE,
)
from assistant.text import lazyre

if TYPE_CHECKING:
    from assistant.checker.context import Hit, MessageContext
    from assistant.checker.message import Message
    from assistant.checker.rulespec import RuleSpec
    from assistant.config import Settings
    from assistant.text.normalize import NormalizedText


#: Decimals that are not all zero right after a hit that ends in 0 (违约率0.5%, 亏损率0.02%): read in the
#: original text, because the compact view drops the point (违约率05%) and also the space of 违约率0 6.5%.
_SMALL_DECIMAL_RE = lazyre.compile(r"[.．]\d*[1-9]")
#: Right after a confirming word, what dismisses it (投诉无效, 举报也没用, 报警不管用).
_DISMISSED_RE = lazyre.compile(
    r"[^，,。！!？?；;]{0,3}?(?:也|都)?(?:无效|没用|无用|不管用|没有用|白费|不予受理|不受理|不起作用)"
)


def _exempt_void(ctx: MessageContext, spec: RuleSpec, exempt: Hit) -> bool:
    """Whether an exemption hit does not apply: negated itself (see ``_double_negated_exempt``),
    or in a context the rule's ``exempt_void`` names (a loss borne by oneself, 自行承担, said
    of the seller; the recipient's own purchase, 您购买的, made the subject of a promise)."""
    if _double_negated_exempt(ctx, exempt):
        return True
    # keyed by the word the exemption matched, not as written (自行cheng担 is 自行承担)
    voids = spec.exempt_voids.get(exempt.payload if isinstance(exempt.payload, str) else exempt.word)
    if not voids:
        return False
    compact = ctx.nt.compact
    for before, window, after in voids:
        if before is not None and before.search(compact, max(0, exempt.start - window), exempt.start):
            return True
        if after is not None and after.match(compact, exempt.end):
            return True
    return False


def _double_negated_exempt(ctx: MessageContext, exempt: Hit) -> bool:
    """An exempting negation (不保本, 非保本) that is itself negated (不是不保本, 并非非保本), or
    asked and then affirmed (不承诺保本？我们承诺！), asserts the claim: the exemption does not
    apply; so does one asked in a yes/no question answered no (会不保本吗？答：不会。)."""
    return exempt.word[:1] in NEGATION_WORDS and (
        ctx.negation_ends_at(exempt.start)
        or ctx.denial_answered_yes(exempt.word, exempt.end, exempt.start)
        or ctx.negative_question_denied(exempt.start + 1, exempt.start)
        # (不保本的理财我们一款都不卖: what is refused is the negated kind, so what is sold has
        # the claim — rt93)
        or ctx.excluded_from_sale(exempt.start + 1, ctx.clause(exempt.start)[1])
        # (怎么可能不保本？, 岂能不保本: a rhetorical negation asserts — rt94)
        or ctx.affirmed_before(exempt.start)
        # (谁说零风险是不存在的？, 都说零风险根本不存在，我们偏偏做到了 — rt97)
        or ctx.denial_contradicted(exempt.start)
        # (说明德稳盈不保本的，都是不了解它的人: others' denial dismissed — rt100)
        or ctx.saying_dismissed(exempt.start)
    )


class Detector:
    """Base: turns spans into findings carrying the rule's metadata."""

    #: Extra word groups this detector wants matched in the shared dictionary pass.
    groups: ClassVar[dict[str, list[str]]] = {}
    #: True when the detector can only fire on one of its rule's trigger words, so the
    #: engine can skip it for the (many) messages that contain none.
    needs_trigger: ClassVar[bool] = False

    def __init__(self, spec: RuleSpec, settings: Settings) -> None:
        self.spec = spec
        self.settings = settings
        self.code = spec.code

    def lexicon_groups(self) -> dict[str, list[str]]:
        return dict(self.groups)

    def needs_trigger_for(self, profile: object) -> bool:
        return self.needs_trigger

    def gate(self) -> Callable[[Message], object] | None:
        """A test that is falsy only for a message on which :meth:`detect` finds nothing, or
        None (run on every message).  Asked once, when the engine plans its runs.

        Why: the engine runs about eighteen detectors on every message; most can only fire on
        something most messages lack (a trigger word of their own rule, a long number, a
        character their patterns cannot match without), and each asked anyway costs a call, a
        generator and its own first tests (1-3 µs).  The gate is read from the detector's own
        words and patterns (:func:`regexgate.literal_gate`), never a list of its own: a
        detector that can fire on an absence (no signature, no opt-out) has none.
        ``tests/test_detector_gates.py`` runs every gated detector on every rule example and
        eval text its gate turns away and requires that it find nothing."""
        return None

    def detect(self, msg: Message) -> Iterable[Finding]:
        raise NotImplementedError

    def rules_out(self, msg: Message) -> bool:
        """Whether the rule's own data decides that this message is not what the rule forbids
        though its words occur (PRO008: 无抵押 + 当天放款 from a licensed lender that is named).
        The rule's fitted model, which reads neither profiles nor signatures, is then not asked:
        it would say yes to the very words the rule has weighed and cleared."""
        return False

    def default_fix(self, replacement: str | None = None) -> Fix:
        return self.spec.default_fix(replacement)

    def finding(
        self,
        msg: Message,
        start: int,
        end: int,
        *,
        severity: Severity | None = None,
        message: str | None = None,
        fix: Fix | None = None,
        note: str = "",
        context: tuple[ContextEffect, ...] = (),
    ) -> Finding:
        """Build a finding from original-text offsets (the rule spec's factory)."""
        return self.spec.finding(
            msg.text, start, end, severity=severity, message=message, fix=fix, note=note, context=context
        )


def sentence_break(text: str, pos: int) -> str:
    """What to put before text inserted at ``pos`` so it does not run into the sentence."""
    if pos == 0 or text[pos - 1] in "。！!？?；;，,、 \n":
        return ""
    return "。"


def _drop_contained(hits: list[Hit], rank: Callable[[Hit], tuple[int, bool]] | None = None) -> list[Hit]:
    """Merge overlapping hits of one rule into one span (稳赚不赔 over 稳赚).

    A longer exact term wins (最高可借 over 最高: it is the more specific); a longer
    *family* match gives way to a more severe term or family match it overlaps (``rank``):
    the error term 政府兜底 inside the warning-only family match 政府兜底、安全放心 stays an
    error, and so does 保证还本 inside the warning family match 到期保证还本, while the warning
    term 年金险 inside an error family match (鑫享年金险开售) does not soften it.  An exact
    warning term that a more severe match overlaps and reaches past (你亲戚 | 亲戚朋友都知道)
    does not soften it either."""
    ordered = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for h in ordered:
        if kept and h.start < kept[-1].end:
            last = kept[-1]
            payload = last.payload
            if rank is not None:
                (last_sev, last_exact), (h_sev, _) = rank(last), rank(h)
                if h_sev > last_sev and (not last_exact or h.end > last.end):
                    # a more severe term or family match inside a family match, or reaching
                    # past an exact term (你亲戚 then 亲戚朋友都知道): the more severe reading
                    # stands; only a longer exact term over a shorter one is the specific word
                    payload = h.payload
            if h.end > last.end or payload is not last.payload:
                kept[-1] = type(h)(last.start, max(h.end, last.end), last.word, payload)
            continue
        kept.append(h)
    return kept


class Spans:
    """Spans sorted by start with the running maximum of their ends: whether any overlaps
    ``[start, end)`` in O(log n), so checking every hit stays linear in the hits."""

    def __init__(self, spans: Iterable[Hit]) -> None:
        ordered = sorted((h.start, h.end) for h in spans)
        self.starts = [s for s, _ in ordered]
        self.max_end: list[int] = []
        for _, e in ordered:
            self.max_end.append(max(e, self.max_end[-1]) if self.max_end else e)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``
        return i > 0 and self.max_end[i - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether one span holds all of ``[start, end)``."""
        i = bisect.bisect_right(self.starts, start)  # spans starting at or before ``start``
        return i > 0 and self.max_end[i - 1] >= end


#: No spans (read only: a :class:`Spans` is never changed once built).
NO_SPANS = Spans(())


def _asked_a_not_a(ctx: MessageContext, start: int, end: int) -> bool:
    """A trigger that opens with the negation of an A-not-A question (会不会亏？, 有没有风险):
    it asks, it denies or promises nothing (the families guard their slots the same way),
    unless the question is answered "no" outright (会不会亏本？绝对不会。): the answer
    asserts the trigger; nor when it is made to hinge on the reader (能不能贷款，就看您还不还)."""
    compact = ctx.nt.compact
    return (
        end - start >= 2
        and start > 0
        and compact[start] in "不没"
        and compact[start - 1] == compact[start + 1]
        and ctx.a_not_a_answer(start) not in ("no", "hinged")
    )


def _present(
    ctx: Any,
    group: str,
    exempted: Spans,
    skip: tuple[int, int] | None = None,
    within: tuple[int, int] | None = None,
    compared: bool = True,
    whole_latin: bool = False,
) -> bool:
    """A word of the rule's context group, not inside one of its fixed terms (the 借 of
    借记卡 is no loan word): exemptions apply to context words as to triggers; nor negated
    (您的房贷已全部还清，无欠债: no debt is no debt context); nor inside ``skip`` (a compact
    span: the signature, for a group that cancels a term); only inside ``within`` when given
    (a word that cancels in its own sentence only); and, unless ``compared``, not a word named
    only as the yardstick of a comparison (see ``_compared``)."""
    compact = ctx.nt.compact
    return any(
        # (an exempt phrase inside the context word does not hide it: 保险 of 存款保险 — rt86)
        not exempted.covers(h.start, h.end)
        and not _stated_none(compact, h.start, h.end)
        and (skip is None or not (skip[0] <= h.start < skip[1]))
        and (within is None or within[0] <= h.start < within[1])
        and (compared or not _compared(compact, h.start, h.end))
        # (a Latin word that cancels is a whole word: atm in "at Minsheng" is no ATM; letters
        # glue, digits do not — ATM24小时 is an ATM.  Not for a required context: glued tickers
        # and amounts (BTCUSDT, RMB50000) still name what they name — red team rt127)
        and not (
            whole_latin and h.word.isascii() and inside_latin_word(ctx.nt, h.start, h.end, digits_glue=False)
        )
        for h in ctx.scan.contexts.get(group, ())
    )


#: Right before a context word, what says there is none (无欠债, 未逾期, 并无逾期).
_NO = frozenset("无未")
_NONE = frozenset({"并无", "从未", "并未", "尚无"})
_SETTLED_RE = lazyre.compile(r"已结清|已还清|全部还清|已全部结清|已清偿|已偿清|结清证明")
_OTHER_DEBT_RE = lazyre.compile(r"账单|借款|欠|未处理|未还|应还|贷款|分期|罚息|催收|逾期")


def _stated_none(compact: str, start: int, end: int) -> bool:
    """A context word stated as absent after a settlement (您的房贷已全部还清，无欠债。): no debt
    is no debt context.  Not a phrase or a question (别以为没有欠款记录就没事, 你说你没欠钱？), nor
    the debtor's denial quoted by a collector (别跟我们说您从未逾期，…): without a settlement in
    the message a denial is no proof (red teams rt44, rt47)."""
    if compact[max(0, start - 1) : start] not in _NO and compact[max(0, start - 2) : start] not in _NONE:
        return False
    if compact[end : end + 1] not in ("。", "，", ",", "；", ";", "！", "!", ""):
        return False
    neg = start - (2 if compact[max(0, start - 2) : start] in _NONE else 1)
    if compact[neg - 1 : neg] not in ("，", ",", "。", "；", ";", ""):
        return False  # a statement of its own (…已全部还清，无欠债。), not 就算无欠款 (rt48)
    if _OTHER_DEBT_RE.search(compact, end) is not None:
        return False  # …无欠款。但您的信用卡账单…至今未处理: another debt follows (rt49)
    return _SETTLED_RE.search(compact) is not None and "说" not in compact


#: Comparison verbs after which a word is what the product is measured against (跑赢, 高于 …);
#: 比 itself is added by each pattern below, with or without its guards.
_COMPARISON_VERBS = (
    "较|相比|跑赢|胜过|超过|超越|强过|强于|高过|赛过|不输|碾压|秒杀|吊打|完爆|甩|远超|远胜|高于|好于|优于"
)
#: Right before a word, what makes it the yardstick of a comparison (比储蓄国债收益更高, 跑赢
#: 大额存单, 较定期存款); 与/和/跟/同 only with a likeness after the word (与记账式国债一样).
_COMPARED_BEFORE_RE = lazyre.compile(
    rf"(?:(?<!如)(?<!方)(?<!对)比(?!如|方|例)|相较|对比|{_COMPARISON_VERBS})"
    # (not the head of a relative clause: 利率高于定存的储蓄国债 — the bond is the subject — rt88)
    r"[^，,。！!？?；;的]{0,4}$"
)
#: The same with a modifier and 的 before the word (比银行的大额存单, 跑赢所有的定期存款 — rt89) —
#: unless what stands before 的 is itself what is compared, heading a relative clause (利率高于定存的
#: 储蓄国债: the bond is the subject — rt88).
_COMPARED_MODIFIED_RE = lazyre.compile(rf"(?:比|{_COMPARISON_VERBS})[^，,。！!？?；;]{{0,6}}$")
_RELATIVE_HEAD_RE = lazyre.compile(r"(?:定存|存款|定期|存单|国债|理财|利率|收益|同期)的$")
_LIKENED_BEFORE_RE = lazyre.compile(r"(?:与|和|跟|同|像|如同)[^，,。！!？?；;]{0,4}$")
_LIKENESS_AFTER_RE = lazyre.compile(
    r"[^，,。！!？?；;]{0,3}?(?:一样|一般|相同|同等|相当|类似|相似|媲美|相比|比)"
)
_COMPARED_AFTER_RE = lazyre.compile(
    r"[^，,。！!？?；;]{0,3}?(?:比不了|比不上|没法比|不能比|都不如|不如|望尘莫及|甘拜下风|差远了|远不及|不及|逊色|靠边站)"
)


def _compared(compact: str, start: int, end: int) -> bool:
    """A context word named only as what the product is measured against (鑫安稳享计划，比储蓄
    国债收益更高; 收益起码有5个点，大额存单比不了): it is not the product, so it cannot lift a
    claim the way the product itself would (a treasury bond's state backing, a deposit's
    floor rate — red team rt84)."""
    before = compact[max(0, start - 12) : start]
    if _COMPARED_AFTER_RE.match(compact, end) is not None:
        return True
    if _COMPARED_BEFORE_RE.search(before) is not None or (
        _COMPARED_MODIFIED_RE.search(before) is not None and _RELATIVE_HEAD_RE.search(before) is None
    ):
        return True
    return (
        _LIKENED_BEFORE_RE.search(before) is not None and _LIKENESS_AFTER_RE.match(compact, end) is not None
    )


#: In a void word's clause, what leaves it out (基金投资不在保障范围内, 理财亏损不属于保障范围).
#: (and an aside: 如需改约可与您的客户经理联系 — rt88)
_LEFT_OUT_RE = lazyre.compile(
    # (not 不含 nor any 如需: …不含…, 如需…上门代您办理 still void — rt89)
    r"不在[^，,。！!？?；;]{0,6}?范围|不属于[^，,。！!？?；;]{0,6}?范围|不包括在|^(?:如需改约|如需变更|如需改期|如有疑问)"
)


def _voids(ctx: MessageContext, h: Hit) -> bool:
    """A void word that stands: not denied before it (工作人员不会致电您), nor left out in its clause
    (提示：基金投资不在保障范围内 — rt88)."""
    if ctx.negation_cue(h.start) is not None:
        return False
    c_start, c_end = ctx.clause(h.start)
    clause = ctx.nt.compact[c_start:c_end]
    return _LEFT_OUT_RE.search(clause) is None


def half_name(msg: Message, start: int, end: int) -> bool:
    """A short hit (two or three characters) that takes exactly the last character of the
    head signature's name and runs into the body: 【水滴保】本月 (保本), 【星钱包】收益 (包收益).
    It may be two words, so it is never sure evidence on its own.  Longer hits keep their
    weight (【金稳】赚不赔 is still 稳赚不赔), and so do hits made inside the name itself."""
    name_end = msg.name_end
    return name_end > 0 and start == name_end - 1 and name_end < end <= start + 3


def _latin_edge_glued(nt: NormalizedText, word: str, start: int, end: int) -> bool:
    """A mixed Chinese and Latin trigger ending in a Latin letter (出u) whose end runs on into
    more Latin letters as written (支出USD): that end is part of another word."""
    last = word[-1:]
    if not (last.isascii() and last.isalpha()):
        return False  # (only the end: TGU商 glues a handle to 收U商 on purpose — rt28)
    folded = nt.folded
    _, o_end = nt.compact_span(start, end)
    after = folded[o_end] if o_end < len(folded) else ""
    return after.isascii() and after.isalpha()


@dataclass(slots=True)
class Candidate:
    """A trigger hit that passed the rule's own filters, with its severity and any effect."""

    hit: Hit
    severity: Severity
    note: str
    context: tuple[ContextEffect, ...] = ()


class KeywordDetector(Detector):
    """Trigger words with exemptions, boundaries and required context.

    Negation, warnings against the thing and anti-fraud framing are applied to every
    finding by the engine's context pass; :meth:`relevant_hits` applies the cancelling
    part too, for detectors that need to know whether their *topic* is really present.
    """

    needs_trigger: ClassVar[bool] = True

    def _term_rank(self, hit: Hit) -> tuple[int, bool]:
        """How strongly a hit's term speaks when hits overlap: its severity, and whether it is
        an exact term (a family match gives way only to a more severe exact term inside it)."""
        term = self.spec.terms[hit.payload]
        return SEVERITY_RANK[term.severity or self.spec.severity], term.family is None

    def candidates(self, msg: Message) -> list[Candidate]:
        """Triggers that survive exemptions, boundaries and the rule's required context.

        Computed once per message and rule: the kind decision asks the claim rules first,
        their detectors ask again (the answer depends on the message, not its kind)."""
        key = ("candidates", self.code)
        cached = msg.memo.get(key)
        if cached is None:
            cached = msg.memo[key] = self._candidates(msg)
        return cached  # type: ignore[no-any-return]

    def _candidates(self, msg: Message) -> list[Candidate]:
        hits = msg.ctx.scan.triggers.get(self.code)
        if not hits:
            return []
        spec = self.spec
        ctx = msg.ctx
        exempts = ctx.scan.exempts.get(self.code)
        # (most hits have no exempt phrase of their rule around: one empty set serves them all)
        exempted = Spans(e for e in exempts if not _exempt_void(ctx, spec, e)) if exempts else NO_SPANS
        out: list[Candidate] = []
        context_ok = True
        if spec.context and spec.context.requires_any:
            # a context word inside an exempt phrase is not context (保险 of 存款保险条例)
            context_ok = any(
                not exempted.overlaps(h.start, h.end) for h in ctx.scan.contexts.get(self.code, ())
            )
            if not context_ok and spec.context.otherwise == "skip":
                return []
        sig_start = sig_end = -1
        if spec.skip_signature and msg.signature_span is not None:
            sig_start, sig_end = msg.signature_span
        boundaries = msg.ctx_boundaries
        # a hit whose required context is absent is no hit: dropped before overlapping hits
        # merge, so it cannot swallow a term that needs nothing (秒批 inside 秒批秒到账)
        present: dict[str, bool] = {}

        def has(group: str) -> bool:
            if group not in present:
                present[group] = _present(ctx, f"{self.code}/{group}", exempted)
            return present[group]

        absent_from_body: dict[str, bool] = {}

        def in_body(group: str) -> bool:
            # A cancelling word counts in the body only: the sender's name is no act (【澄江
            # 小额贷款】闲钱别放着，月息1分2 borrows from the reader, it lends nothing); nor
            # when it is only what the product is compared with (比储蓄国债收益更高)
            if group not in absent_from_body:
                sig = msg.signature_span
                absent_from_body[group] = _present(
                    ctx,
                    f"{self.code}/{group}",
                    exempted,
                    skip=sig if sig is not None else None,
                    compared=False,
                    whole_latin=True,
                )
            return absent_from_body[group]

        def in_scope(group: str, hit: Hit) -> bool:
            # the group's words that cancel in their own sentence or clause only (如遇冒名催收请
            # 报警 is a tip of its own, not the notice's threat — red teams rt84, rt86)
            for suffix, unit in ((SENTENCE_SCOPED, ctx.sentence), (CLAUSE_SCOPED, ctx.clause)):
                key = f"{self.code}/{group}{suffix}"
                if key in ctx.scan.contexts and _present(
                    ctx, key, exempted, within=unit(hit.start), compared=False, whole_latin=True
                ):
                    return True
            return False

        def cancelled(group: str, hit: Hit) -> bool:
            if not (in_body(group) or in_scope(group, hit)):
                return False
            if group in spec.term_context_confirm_sentence:
                # …its sentence or the next: a tip asked as a question is answered after it
                # (催收员威胁“上门”？专业律师帮您依法维权)
                s_start, s_end = ctx.sentence(hit.start)
                n = len(ctx.nt.compact)
                reach = ctx.sentence(s_end + 1)[1] if s_end + 1 < n else s_end
                if not any(
                    s_start <= h.start < reach
                    and not ctx.negated(h.start, h.end)  # 切勿举报 confirms nothing
                    and _DISMISSED_RE.match(ctx.nt.compact, h.end) is None  # …nor 投诉也没用
                    for h in ctx.scan.contexts.get(f"{self.code}/{group}{CONFIRMING_HERE}", ())
                ):
                    return False  # the group cancels only with a confirming word there
            # the exemption's own exception, anywhere in the message (…网点… but 专员来电), unless
            # itself denied (工作人员不会致电您索要 — rt87)
            return not voided(group, hit)

        def voided(group: str, hit: Hit) -> bool:
            """The exemption's own exception standing where its data says: anywhere in the message
            (term_context_void), in the hit's sentence (_sentence) or in its clause (_clause)."""
            for suffix, scope in (
                (VOIDING, None),
                (VOIDING_HERE, ctx.sentence),
                (VOIDING_CLAUSE, ctx.clause),
            ):
                hits = ctx.scan.contexts.get(f"{self.code}/{group}{suffix}")
                if not hits:
                    continue
                lo, hi = (0, len(ctx.nt.compact)) if scope is None else scope(hit.start)
                if any(lo <= h.start < hi and _voids(ctx, h) for h in hits):
                    return True
            return False

        def context_met(hit: Hit) -> bool:
            term = spec.terms[hit.payload]
            if any(cancelled(group, hit) for group in term.unless_groups):
                return False
            return term.requires is None or has(term.requires) or required_here(term.requires, hit)

        def required_here(group: str, hit: Hit) -> bool:
            """A group required up to the end of the hit's own sentence (term_context_sentence):
            what the sentence is about is named in it or before it (青岭信用贷…。人人可申请;
            青岭车主贷：…也可办理), not only after it (ETC…人人可办。青岭信用卡首刷礼 — rt191, rt192)."""
            key = f"{self.code}/{group}{SENTENCE_SCOPED}"
            if key not in ctx.scan.contexts:
                return False
            end = ctx.sentence(hit.start)[1]
            return _present(ctx, key, exempted, within=(0, end), compared=False, whole_latin=True)

        def stands(hit: Hit) -> bool:
            """Whether a hit is one on its span: not in the signature or an exempt phrase, a
            Latin word not inside a longer one (eth in "method", mt4 in "smt45") nor in a link
            (links are judged by the link rules), a Chinese one not across two words (投保|本产品:
            the characters of 保本 belong to two other words).  Asked of each specific hit before
            a catch-all gives way, and of each merged hit below."""
            if sig_start <= hit.start < sig_end or exempted.overlaps(hit.start, hit.end):
                return False
            if hit.word.isascii():
                return not (inside_latin_word(msg.nt, hit.start, hit.end) or msg.inside_link(hit.start))
            if _latin_edge_glued(msg.nt, hit.word, hit.start, hit.end):
                return False  # 支出USD is no 出u: a mixed word's Latin end inside a longer Latin word (rt177)
            return not ctx.straddles(hit.start, hit.end, boundaries)

        def family_straddles(hit: Hit) -> bool:
            """A family's hit that starts at a slot word across two words (个人|大额 is no 人大,
            家人|行车 no 人行 — rt177).  Dropped before longer hits swallow shorter ones: 理财|政府
            信用担保 must leave 政府信用担保 standing."""
            return (
                hit.end - hit.start > 2
                and spec.terms[hit.payload].family is not None
                and ctx.straddles(hit.start, hit.start + 2, boundaries)
            )

        met = [
            h
            for h in hits
            if context_met(h) and not _asked_a_not_a(ctx, h.start, h.end) and not family_straddles(h)
        ]
        specific = [h for h in met if not spec.terms[h.payload].fallback]
        if any(stands(h) for h in specific):
            # a catch-all counts only where nothing specific matched; a specific hit that is no
            # hit (in the signature, an exempt phrase, a longer word: 客户…赚了 in 客户经理)
            # matched nothing and does not silence it
            met = specific
        if msg.name_end > 0 and any(half_name(msg, h.start, h.end) for h in met):
            # the body says it by itself (【安心保】本息无忧): the half-name hit gives way, so it
            # cannot merge with the body's hit and soften it
            met = [
                h
                for h in met
                if not (half_name(msg, h.start, h.end) and any(msg.name_end <= b.start < h.end for b in met))
            ]
        if sig_end > 0:
            # a hit opening inside the signature is no hit, and must not swallow the body's hit it
            # overlaps (【岭南征信】能帮您修复征信…: 征信…修复 from the name hid 修复征信 — s42)
            met = [h for h in met if not sig_start <= h.start < sig_end]
        for hit in _drop_contained(met, self._term_rank):
            if not stands(hit):
                continue
            if (
                spec.nil_figures
                and hit.word.endswith("0")
                and _SMALL_DECIMAL_RE.match(msg.text, msg.span(hit.start, hit.end)[1])
            ):
                continue  # 违约率0.5%: a small figure with decimals, not none (the compact view drops the point)
            term = spec.terms[hit.payload]
            severity: Severity = term.severity or spec.severity
            note = term.note
            effects: tuple[ContextEffect, ...] = ()
            if severity == "error" and half_name(msg, hit.start, hit.end):
                # alone, half a name and half a word: for review, never silently passed
                severity = "warning"
                effects = (
                    ContextEffect(
                        hit.word, "downgraded", "命中词的第一个字属于发送方签名，可能是两个词，请人工确认"
                    ),
                )
            if not context_ok and spec.context is not None:
                lowered, lowered_effects = self.without_context(severity)
                if lowered_effects:
                    severity, effects = lowered, lowered_effects
                    note = note or "缺少相关语境，提示人工复核"
            out.append(Candidate(hit, severity, note, effects))
        return out

    def without_context(self, severity: Severity) -> tuple[Severity, tuple[ContextEffect, ...]]:
        """``severity`` where the rule's required context (``context.requires_any``) is absent:
        its ``otherwise`` severity when that is lower, with the effect recorded for the reviewer;
        unchanged (and no effect) otherwise.  One place for every finding a rule makes, by word
        or by shape (the ADV004 signed quote)."""
        context = self.spec.context
        other = context.otherwise if context is not None else "skip"
        if other == "skip" or SEVERITY_RANK[other] >= SEVERITY_RANK[severity]:
            return severity, ()
        words = "、".join(context.requires_any[:4]) if context is not None else ""
        return other, (ContextEffect(f"缺少：{words}", "downgraded", "缺少该规则所需的相关语境"),)

    def relevant_hits(self, msg: Message) -> list[tuple[Hit, Severity, str]]:
        """Candidates that no negation or verdict cancels: the topic is really there."""
        key = ("relevant", self.code)
        cached = msg.memo.get(key)
        if cached is None:
            cached = msg.memo[key] = self._relevant_hits(msg)
        return cached  # type: ignore[no-any-return]

    def _relevant_hits(self, msg: Message) -> list[tuple[Hit, Severity, str]]:
        ctx = msg.ctx
        out = []
        for c in self.candidates(msg):
            if self.spec.negatable and (
                ctx.negated(c.hit.start, c.hit.end)
                or (self.spec.purpose_context and ctx.purpose_cue(c.hit.start) is not None)
            ):
                continue
            if self.spec.anti_fraud and ctx.warned_against(c.hit.start, c.hit.end):
                continue
            out.append((c.hit, c.severity, c.note))
        return out

    def detect(self, msg: Message) -> Iterable[Finding]:
        for c in self.candidates(msg):
            start, end = msg.span(c.hit.start, c.hit.end)
            term = self.spec.terms[c.hit.payload]
            yield self.finding(
                msg,
                start,
                end,
                severity=c.severity,
                fix=self.default_fix(term.replacement),
                note=c.note,
                context=c.context,
            )
