"""DIS004: an annualised borrowing cost above the configured ceiling (default 24 %).

The figures are read and converted exactly as PRO007 reads returns (one conversion in
:mod:`returns`: 日息/月息/万分之/千分之/月息N分 → annual, ranges at their upper bound),
with PRO007's cue words; only loan messages and loan cues count, and a deposit rate or a
yield is never a borrowing cost.  The simple annualisation decides; when only the
compounded (IRR) figure is above the ceiling the finding is a warning for review, unless
the message says its rate is simple (单利), as FIN-APR allows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.detectors.returns import (
    _PERIOD_ZH,
    cached_stated_rates,
    cue_pattern,
    has_rate_figure,
    implied_loan_rates,
)
from assistant.checker.models import Finding
from assistant.checker.rulespec import rule_spec
from assistant.paths import rules_dir
from assistant.text import lazyre

if TYPE_CHECKING:
    from assistant.checker.message import Message


class BorrowingCost(Detector):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        base = Path(self.spec.source_path).parent if self.spec.source_path else None
        directory = None if base is None or base.resolve() == rules_dir().resolve() else str(base)
        rates = rule_spec("PRO007", directory).options  # the conversion's cue data lives there
        self._rates = rates
        self._cue_re = cue_pattern(rates)
        self._cost_cues = frozenset(rates["loan_cues"]) | frozenset(rates.get("ambiguous_cues", []))
        words = sorted(rates["loan_context"], key=len, reverse=True)
        self._loan_context = lazyre.compile_now("|".join(map(re.escape, words)))
        opts = self.spec.options
        self._not_cost = tuple(opts.get("not_cost_cues", []))
        self._borrowing_cues = frozenset(opts.get("borrowing_cues", []))
        self._compound = tuple(opts.get("compound_words", []))
        self._simple = tuple(opts.get("simple_words", []))

    def detect(self, msg: Message) -> Iterable[Finding]:
        implied = implied_loan_rates(msg)  # 借1000元，一个月利息30元: a cost by construction
        if not implied and not has_rate_figure(msg):
            return
        compact = msg.nt.compact
        loan = self._loan_context.search(compact) is not None
        if not loan and not implied and not any(c in compact for c in self._borrowing_cues):
            return  # not about borrowing: a yield or a deposit rate is judged by PRO007
        rates = [
            r
            for r in cached_stated_rates(msg, self._rates, self._cue_re)
            if r.cue in self._cost_cues or r.cue in ("月息", "万分之")
        ]
        if not loan:  # 日利率万分之八: a per-day or per-month rate beside a borrowing cue
            rates = [
                r
                for r in rates
                if r.cue in self._borrowing_cues
                or (r.period in ("day", "month") and r.cue in self._cost_cues)
            ]
        rates += implied
        ceiling = float(msg.settings.borrowing_cost_ceiling_percent)
        simple_stated = any(w in compact for w in self._simple)
        compound_stated = any(w in compact for w in self._compound)
        for rate in rates:
            start, end = msg.nt.nospace_span(rate.start, rate.end)
            cpos = msg.nt.compact_pos(start)
            c_start, _ = msg.ctx.clause(cpos)
            if any(w in compact[max(c_start, cpos - 12) : cpos] for w in self._not_cost):
                continue  # 存单利率, 七日年化: not the cost of a loan
            period = _PERIOD_ZH.get(rate.period, rate.period)
            value = rate.compound if compound_stated and rate.period != "year" else rate.annual
            basis = "复利" if compound_stated and rate.period != "year" else "单利"
            if value > ceiling + 1e-9:
                how = f"按{period}利率折算（{basis}）" if rate.period != "year" else "按所示年化口径"
                yield self.finding(
                    msg,
                    start,
                    end,
                    message=(
                        f"借款成本{how}约为年化{value:.2f}%，超过{ceiling:g}%的上限：该产品或利率不得如此宣传，"
                        "请调整产品定价后再发送"
                    ),
                    note=f"上限{ceiling:g}%据报来自金规〔2025〕9号（二手资料，待核），可在配置中调整（borrowing_cost_ceiling_percent）",
                )
                continue
            if (
                rate.period != "year"
                and not simple_stated
                and not compound_stated
                and rate.compound > ceiling + 1e-9
            ):
                yield self.finding(
                    msg,
                    start,
                    end,
                    severity="warning",
                    message=(
                        f"借款成本按{period}利率单利折算约为年化{rate.annual:.2f}%，按复利（IRR）折算约为"
                        f"{rate.compound:.2f}%，超过{ceiling:g}%的上限：请核实年化利率口径并明示"
                    ),
                    note="未注明单利或复利，两种口径结论不同，请人工核对",
                )
