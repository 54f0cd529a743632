"""Insurance claims that mislead: insurance sold as a deposit (ADV008) and exaggerated
benefits (ADV009), INS-SALES-17(3).

ADV008's words (存款, 利息, 定期 …) are ordinary banking words; they are a violation only
when said of an insurance product, so the detector asks for an insurance word in the
same sentence, or a message whose product type is insurance.  ADV009's 保证续保 is true of
some products: the sender profile decides, and says which field is missing when it cannot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import KeywordDetector, Spans
from assistant.checker.detectors.families import clause_text, family_of, removal_spans, term_of
from assistant.checker.models import Finding
from assistant.text import lazyre
from assistant.text.normalize import fold, normalize_term

if TYPE_CHECKING:
    from assistant.checker.message import Message

#: Product words that make a 、-list an enumeration of products (养老储蓄、养老理财、…保险).
_PRODUCT_KINDS = ("理财", "基金", "国债", "存款", "储蓄", "保险", "股票", "信托", "黄金")
#: A non-zero deductible stated in the message: a 0免赔 beside it is scoped to one part.
_NONZERO_DEDUCTIBLE_RE = lazyre.compile(
    r"免赔额?(?:为|是|:)?(?:[1-9]\d*(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?:万|千|百)?元"
)
#: A deposit word said to differ from insurance: after it (保险与银行存款不同) or, negated,
#: before it (保险不能替代存款, 保险区别于储蓄).  Contrast is the opposite of an analogy.
_CONTRAST_AFTER_RE = lazyre.compile(
    r"^[^,。!?;]{0,10}?(?:不同|有区别|有所区别|区别|不一样|两回事|不可比|不能比|不能相比|不能混淆|不是一回事)"
)
_CONTRAST_BEFORE_RE = lazyre.compile(
    r"(?:不能|不可|无法|不宜|不应)(?:替代|代替|取代|等同于?|当作|视为|看作|混同|与|和|同)[^,。!?;]{0,2}$"
    r"|(?:区别于|有别于|不同于|不等同于|不等于|不是|并非|并不是|不属于|非)[^,。!?;]{0,4}$"
)


class InsuranceAsDeposit(KeywordDetector):
    """ADV008: 存款, 储蓄, 零存整取, 利息, 比存款划算, 银行理财 … said of insurance."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        opts = self.spec.options
        self._insurance = tuple(normalize_term(w) for w in opts.get("insurance_words", []))
        not_words = sorted(
            (normalize_term(w) for w in opts.get("not_insurance_words", [])), key=len, reverse=True
        )
        self._not_insurance = lazyre.compile_now("|".join(map(re.escape, not_words))) if not_words else None
        self._likening = tuple(opts.get("likening_words", []))
        gifts = sorted((normalize_term(w) for w in opts.get("gift_words", [])), key=len, reverse=True)
        # 存款满5万元，赠送…人寿提供的意外保障: insurance given away with a deposit is a gift, the
        # deposit is the product (the gift word to the end of its clause says nothing of it)
        self._gift = (
            lazyre.compile_now(f"(?:{'|'.join(map(re.escape, gifts))})[^,。!?;:]*") if gifts else None
        )

    def _insurance_in(self, text: str) -> str | None:
        if self._not_insurance is not None:
            text = self._not_insurance.sub("#", text)  # 存款保险, 风险: not insurance products
        if self._gift is not None:
            text = self._gift.sub("#", text)
        return next((w for w in self._insurance if w in text), None)

    def detect(self, msg: Message) -> Iterable[Finding]:
        typed = msg.product_type == "insurance"
        kept = []
        for c in self.candidates(msg):
            start, end = msg.span(c.hit.start, c.hit.end)
            if _enumerated(msg, start, end, self._likening):
                continue  # a list of products the sender offers, insurance among them
            if _contrasted(msg, c.hit.start, c.hit.end):
                continue  # 保险与银行存款不同: told apart, not likened
            word = self._insurance_in(_sentence_without_signature(msg, c.hit.start))
            if word is None and not typed:
                continue  # a real deposit, or insurance mentioned elsewhere
            kept.append((c, start, end, word))
        spans = removal_spans(msg, [c.hit for c, *_ in kept])
        for (c, start, end, word), at in zip(kept, spans, strict=True):
            if at is None and self._insurance_in(clause_text(msg, c.hit.start)) is None:
                at = removal_spans(msg, [c.hit], keep=1 << 30)[0]  # the clause is the analogy itself
            note = c.note or (
                f"与“{word}”同句，把保险产品比作存款或理财"
                if word
                else "产品类型为保险，把保险产品比作存款或理财"
            )
            fix = self.default_fix()
            fix.at = at
            yield self.finding(msg, start, end, severity=c.severity, fix=fix, note=note, context=c.context)


def _sentence_without_signature(msg: Message, pos: int) -> str:
    """The sentence around ``pos`` with the sender's signature blanked: 【和瑞保险】 names
    the sender, it does not say the product is insurance (the product type does that)."""
    start, end = msg.ctx.sentence(pos)
    compact = msg.nt.compact
    if compact[end : end + 1] in ("：", ":") and end + 1 < len(compact):
        # a heading names what its colon introduces (开门红存款新选择：交5年存10年…由…人寿承保)
        end = msg.ctx.sentence(end + 1)[1]
    sig_span = msg.signature_span
    if sig_span is None:
        return compact[start:end]
    s0, s1 = sig_span
    if s1 <= start or s0 >= end:
        return compact[start:end]
    return compact[start:s0] + "#" + compact[s1:end] if s0 > start else "#" + compact[s1:end]


def _contrasted(msg: Message, start: int, end: int) -> bool:
    """Whether the deposit word at compact ``[start, end)`` is told apart from insurance."""
    compact = msg.nt.compact
    c_start, c_end = msg.ctx.clause(start)
    if _CONTRAST_AFTER_RE.search(compact[end:c_end]):
        return True
    return _CONTRAST_BEFORE_RE.search(compact[max(c_start, start - 10) : start]) is not None


def _enumerated(msg: Message, start: int, end: int, likening: tuple[str, ...]) -> bool:
    """Whether the span is one item of a list of products: a 、-list naming three or more
    kinds, or two or more joined by 或/及/以及 (养老储蓄或商业养老保险) — unless the clause
    likens them (保险和存款一样 is an analogy, not a list)."""
    folded = msg.nt.folded
    left = max(folded.rfind(d, 0, start) for d in "，,。！!？?；;：:\n") + 1
    rights = [i for i in (folded.find(d, end) for d in "，,。！!？?；;：:\n") if i >= 0]
    clause = folded[left : min(rights) if rights else len(folded)]
    if any(w in clause for w in likening):
        return False
    kinds = sum(1 for k in _PRODUCT_KINDS if k in clause)
    if "、" in clause and kinds >= 3:
        return True
    return kinds >= 2 and any(j in clause for j in ("或", "及", "以及"))


class InsuranceBenefits(KeywordDetector):
    """ADV009: 什么病都赔, 百病全保, 无理由理赔, 保证续保 (profile decides), 0免赔, 稳赚分红."""

    def detect(self, msg: Message) -> Iterable[Finding]:
        opts = self.spec.options
        renewal_families = set(opts.get("renewal_families", []))
        renewal_terms = set(opts.get("renewal_terms", []))
        deductible_terms = set(opts.get("deductible_terms", []))
        qualifiers = tuple(normalize_term(w) for w in opts.get("deductible_qualifiers", []))
        kept = []
        for c in self.candidates(msg):
            family, term = family_of(self.spec, c.hit), term_of(self.spec, c.hit)
            start, end = msg.span(c.hit.start, c.hit.end)
            note = c.note
            if family in renewal_families or term in renewal_terms:
                allowed, note = _renewal(msg, start)
                if allowed:
                    continue
            elif family is None and term in deductible_terms:
                if _qualified(msg, c.hit.start, qualifiers, self.code):
                    continue  # 住院医疗费用0免赔额（门急诊责任除外）: a stated product term
                if _NONZERO_DEDUCTIBLE_RE.search(msg.nt.compact):
                    continue  # 重疾住院0免赔，一般医疗免赔额1万元: the zero is one part's term
            kept.append((c, start, end, note))
        spans = removal_spans(msg, [c.hit for c, *_ in kept])
        for (c, start, end, note), at in zip(kept, spans, strict=True):
            fix = self.default_fix()
            fix.at = at
            yield self.finding(msg, start, end, severity=c.severity, fix=fix, note=note, context=c.context)


def _qualified(msg: Message, pos: int, qualifiers: tuple[str, ...], code: str) -> bool:
    """A scope qualifier in the sentence at compact ``pos``, not inside one of the rule's
    exempt phrases: 社保目录内外 and 责任免除仅3条 state no scope (red team rt84)."""
    start, end = msg.ctx.sentence(pos)
    compact = msg.nt.compact
    exempt = Spans(msg.ctx.scan.exempts.get(code, ()))
    for q in qualifiers:
        i = compact.find(q, start, end)
        while i >= 0:
            if not exempt.overlaps(i, i + len(q)):
                return True
            i = compact.find(q, i + 1, end)
    return False


def _renewal(msg: Message, pos: int) -> tuple[bool, str]:
    """(allowed, why): 保证续保 is allowed only for a product the profile lists as
    ``guaranteed_renewal = true``; otherwise the note names what is missing."""
    need = '需要发送方档案 [product_details."产品名"] 中 type = "insurance" 且 guaranteed_renewal = true'
    profile = msg.profile
    if profile is None:
        return False, f"未提供发送方档案，无法确认该产品可保证续保（{need}）"
    folded = msg.nt.folded
    named = sorted(
        ((folded.rfind(fold(name), 0, pos), name, d) for name, d in profile.product_details.items()),
        key=lambda x: x[0],
    )
    before = [x for x in named if x[0] >= 0]
    if not before:
        after = [(folded.find(fold(name)), name, d) for name, d in profile.product_details.items()]
        before = sorted((x for x in after if x[0] >= 0), key=lambda x: x[0])[:1]
    if not before:
        return False, f"短信未提到发送方档案 product_details 中的产品，无法确认可保证续保（{need}）"
    _, name, details = before[-1]
    if details.guaranteed_renewal is True:
        return True, ""
    if details.guaranteed_renewal is False:
        return False, f"发送方档案列明“{name}”不保证续保（guaranteed_renewal = false）"
    return False, f"发送方档案未设置“{name}”的 guaranteed_renewal，无法确认可保证续保（{need}）"
