"""Rewrite results, shaped as the CLI contract's ``rewrite`` JSON.

Statuses mean what they say, in the same words in the CLI, its JSON and the UI
(:data:`assistant.labels.STATUS_ZH`): ``unchanged`` (the draft is already compliant and is
returned as is), ``fixed`` (compliant versions), ``needs_input`` (facts to supply; a partial
version with visible placeholders, never labelled compliant), ``refused`` (forbidden
content), ``failed`` (no compliant version, with why).

``variants`` only ever holds compliant versions.  A ``needs_input`` result carries its
``partial`` version (placeholders such as ``【请填写：年化利率】``) and any ``alternatives``:
compliant versions that drop a problem element instead of supplying its fact (the short
link removed instead of an official URL), each labelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from assistant.checker.models import CheckResult, Finding
from assistant.checker.recognizers import segments, sms_length
from assistant.labels import NEEDS_ZH, STATUS_ZH, STYLE_ZH

if TYPE_CHECKING:
    from assistant.rewrite.quality import Quality
    from assistant.rewrite.validators import FactError, ValidatedFact

Status = Literal["unchanged", "fixed", "needs_input", "refused", "failed"]
STATUSES: tuple[str, ...] = ("unchanged", "fixed", "needs_input", "refused", "failed")


@dataclass(slots=True)
class Variant:
    text: str
    findings: list[Finding] = field(default_factory=list)  # never an error when compliant
    changes: list[str] = field(default_factory=list)
    #: minimal / value_led / shortest / original / partial / remove_instead / model
    style: str = "model"
    #: What this version is, in words (a remove-instead version says what it dropped).
    label: str = ""
    #: Passed the gate.  A partial version (placeholders) never is.
    compliant: bool = True
    #: Facts this version still needs (partial versions only).
    needs: list[str] = field(default_factory=list)
    quality: Quality | None = None

    @property
    def length(self) -> int:
        return sms_length(self.text)

    @property
    def segments(self) -> int:
        return segments(self.length)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "style": self.style,
            "style_label": STYLE_ZH.get(self.style, self.style),
            "label": self.label,
            "compliant": self.compliant,
            "findings": [f.to_dict() for f in self.findings],
            "changes": list(self.changes),
            "length": self.length,
            "segments": self.segments,
        }
        if self.needs:
            out["needs"] = list(self.needs)
        if self.quality is not None:
            out["quality"] = self.quality.to_dict()
        return out


@dataclass(slots=True)
class RewriteResult:
    original: str
    status: Status
    engine: str
    llm_calls: int = 0
    findings_before: list[Finding] = field(default_factory=list)
    variants: list[Variant] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    reason: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    #: The draft's own check (kind, findings): callers reuse it instead of checking again.
    draft: CheckResult | None = None
    #: ``needs_input``: every fixable finding fixed, the missing facts as visible placeholders.
    partial: Variant | None = None
    #: ``needs_input``: compliant versions that remove an element instead of supplying its fact.
    alternatives: list[Variant] = field(default_factory=list)
    #: Supplied facts that were refused (never used), each with its Chinese reason.
    fact_errors: list[FactError] = field(default_factory=list)
    #: Supplied facts that were validated and may be used.
    facts_used: list[ValidatedFact] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return STATUS_ZH.get(self.status, self.status)

    def texts(self) -> list[str]:
        """Every text this result shows a user: versions, the partial one, alternatives."""
        out = [v.text for v in self.variants]
        if self.partial is not None:
            out.append(self.partial.text)
        return out + [v.text for v in self.alternatives]

    def to_dict(self) -> dict[str, Any]:
        out = {
            "original": self.original,
            "status": self.status,
            "status_label": self.status_label,
            "engine": self.engine,
            "llm_calls": self.llm_calls,
            "findings_before": [f.to_dict() for f in self.findings_before],
            "variants": [v.to_dict() for v in self.variants],
            "needs": list(self.needs),
            "needs_labels": {n: NEEDS_ZH.get(n, n) for n in self.needs},
            "partial": self.partial.to_dict() if self.partial is not None else None,
            "alternatives": [v.to_dict() for v in self.alternatives],
            "fact_errors": [e.to_dict() for e in self.fact_errors],
            "facts_used": [f.to_dict() for f in self.facts_used],
            "reason": self.reason,
        }
        out.update(self.extra)
        return out
