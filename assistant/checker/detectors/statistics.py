"""ADV010: statistics, rankings and testimonials without a stated source (ADV-11, ADV-28(3)).

A figure a reader cannot check is no proof.  The phrases come from rule data; the logic
is (a) counted phrases (10万人已购买, 98%的客户) need a number, (b) figures about the
recipient's own account or the offer's terms are not social proof, (c) one stated source
anywhere in the message (数据来源：…, 据…报告, 《…》, 截至2026年…) satisfies the rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import KeywordDetector
from assistant.checker.detectors.families import counted, family_of, removal_spans, term_of
from assistant.checker.models import Finding
from assistant.text import lazyre

if TYPE_CHECKING:
    from assistant.checker.context import Hit
    from assistant.checker.message import Message


#: 元 not after a figure (a brand such as 鼎元) is no amount of money.
_NOT_MONEY_YUAN = lazyre.compile(r"(?<![0-9万千百亿十两一二三四五六七八九])元")


class UnsourcedStatistics(KeywordDetector):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        opts = self.spec.options
        self._sources = tuple(lazyre.compile_now(p) for p in opts.get("source_patterns", []))
        vague = opts.get("vague_sources")
        # the vague word as the whole name after the cue (数据来源：网络）)
        self._vague = (
            lazyre.compile_now(rf"[：:]?\s*(?:{vague})\s*(?:[）)】\]，,。；;！!]|$)") if vague else None
        )
        # the name between 据 and the report word, once the report words are taken out: empty
        # (据统计显示, 据数据显示) or only a vague word (据有关部门统计) names no one who counted;
        # a named body ending in a vague word (据国家金融监督管理总局有关统计) does.
        # (several vague words in a row are still no one: 据权威第三方统计, 据公司内部数据, rt52)
        # (a qualifier before them does not name anyone either: 据某权威机构统计, 据国际权威机构调查,
        # 据独立第三方统计: rt54)
        self._vague_name = (
            lazyre.compile_now(
                rf"(?:某|国际|国内|全球|独立|知名|专业|多家|有关|相关)*"
                rf"(?:(?:{vague}|公司|平台|行业|方面|专业|机构|部门|人士)+[^，,。；;]{{0,2}})?"
            )
            if vague
            else None
        )
        report = "|".join(opts.get("report_words", [])) or "(?!)"
        self._report_word_end = lazyre.compile_now(rf"(?:{report})$")
        self._counted = frozenset(opts.get("counted_families", []))
        self._counted_terms = frozenset(opts.get("counted_terms", []))
        self._people_families = frozenset(opts.get("people_families", []))
        self._people = tuple(opts.get("people_words", []))
        self._own = tuple(opts.get("own_account_words", []))
        self._own_generic = tuple(opts.get("own_generic_words", []))
        self._people_in_hit = (*(w for w in self._people if len(w) > 1), "人", "家", "户", "位", "名")

    def _sourced(self, folded: str) -> bool:
        """A stated source that names who counted (数据来源：中国银行业协会): a vague one (数据来源：
        网络, 据权威统计) is no source."""
        for p in self._sources:
            for m in p.finditer(folded):
                if self._vague is None:
                    return True
                if m.group().startswith("据"):
                    if m.start() and folded[m.start() - 1] == "数":
                        continue  # 数据来源：…: the word 数据, judged by its own cue
                    if self._vague_name is None:
                        return True
                    # the name, then with its report words taken off the end one at a time
                    # (据大数据显示: 大数据 is the vague name, not 大 + 数据)
                    name = m.group()[1:].strip()
                    vague_name = self._vague_name.fullmatch(name) is not None
                    while not vague_name and (cut := self._report_word_end.search(name)) is not None:
                        name = name[: cut.start()]
                        vague_name = self._vague_name.fullmatch(name) is not None
                    if not vague_name:
                        return True
                elif self._vague.match(folded, m.end()) is None:
                    return True
        return False

    def detect(self, msg: Message) -> Iterable[Finding]:
        candidates = self.candidates(msg)
        if not candidates:
            return
        folded = msg.nt.folded
        if self._sourced(folded):
            return  # the message states where its figures come from
        kept = [c for c in candidates if self._statistic(msg, c.hit)]
        spans = removal_spans(msg, [c.hit for c in kept])
        for c, at in zip(kept, spans, strict=True):
            start, end = msg.span(c.hit.start, c.hit.end)
            fix = self.default_fix()
            fix.at = at
            yield self.finding(
                msg,
                start,
                end,
                severity=c.severity,
                fix=fix,
                note=c.note or "未注明数据来源",
                context=c.context,
            )

    def _statistic(self, msg: Message, hit: Hit) -> bool:
        """Whether a hit is social proof: counted phrases need a figure, not about the
        recipient's own account or the offer's own terms."""
        family = family_of(self.spec, hit)
        needs_count = family in self._counted or (
            family is None and term_of(self.spec, hit) in self._counted_terms
        )
        if not needs_count:
            return True
        if not counted(msg, hit):
            return False  # 客户经理, 成为客户: no figure, no statistic
        # 【星拓支付】商户好评率99%, 鼎元…已有30万投资者: the sender's name is no own-account word
        clause = msg.without_sender_name(*msg.ctx.clause(hit.start))
        clause = _NOT_MONEY_YUAN.sub("", clause)  # 元 counts as money only after a figure
        if any(w in clause for w in self._own):
            return False  # 您本年消费186笔, 每户限1份, 最高可达20万: not social proof
        if any(w in clause for w in self._own_generic) and not any(
            w in hit.word for w in self._people_in_hit
        ):
            return False  # 全年交易186笔: an amount or a payment, no people counted
        return family not in self._people_families or any(w in clause for w in self._people)
