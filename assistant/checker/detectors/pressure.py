"""ADV007: pressure selling (限时抢购, 名额有限, 仅剩3天, 即将停售, 下月涨价).

Severity follows the product type (rule data ``severity_by_product_type``): for insurance
INS-SALES-19 forbids withdrawal and price-rise claims before the insurer announces them,
so pressure there is an error; elsewhere it is a warning for review.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import KeywordDetector
from assistant.checker.detectors.families import counted, family_of, removal_spans, term_of
from assistant.checker.models import ContextEffect, Finding
from assistant.checker.product_type import load_product_type_rules

if TYPE_CHECKING:
    from assistant.checker.message import Message


class PressureSelling(KeywordDetector):
    def detect(self, msg: Message) -> Iterable[Finding]:
        opts = self.spec.options
        by_type = dict(opts.get("severity_by_product_type") or {})
        counted_families = set(opts.get("counted_families", []))
        announcement_families = set(opts.get("announcement_families", []))
        announcement_terms = set(opts.get("announcement_terms", []))
        compact = msg.nt.compact
        announced = next((w for w in opts.get("announcement_words", []) if w in compact), None)
        ptype = msg.product_type
        candidates = [
            c
            for c in self.candidates(msg)
            # 最后还款日, 剩余本金: nothing is being counted down
            if family_of(self.spec, c.hit) not in counted_families or counted(msg, c.hit, before=0)
        ]
        spans = removal_spans(msg, [c.hit for c in candidates])
        for c, at in zip(candidates, spans, strict=True):
            family = family_of(self.spec, c.hit)
            severity = (
                by_type.get(ptype or "", c.severity) if c.severity == self.spec.severity else c.severity
            )
            effects = list(c.context)
            note = c.note
            if ptype in by_type:
                zh = load_product_type_rules().zh(ptype)
                note = (
                    note or f"产品类型为{zh}：施压话术按{by_type[ptype]}报告（类型可用 --product-type 指定）"
                )
            withdrawal = family in announcement_families or term_of(self.spec, c.hit) in announcement_terms
            if withdrawal and announced is not None and severity == "error":
                severity = "warning"
                effects.append(
                    ContextEffect(announced, "downgraded", "引用了公司公告，请核实停售/涨价公告确已发布")
                )
            start, end = msg.span(c.hit.start, c.hit.end)
            fix = self.default_fix()
            fix.at = at
            yield self.finding(msg, start, end, severity=severity, fix=fix, note=note, context=tuple(effects))
