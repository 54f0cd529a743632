"""Result types of the checker.

Plain slotted dataclasses rather than pydantic models: a batch check builds hundreds of
thousands of these, and validation already happened when the rules were loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from assistant.profile import ProductType

Severity = Literal["error", "warning", "info"]
FixKind = Literal["safe", "unsafe", "needs_input", "none"]
Kind = Literal["marketing", "service"]
#: What the checker concluded: a message can also be ``uncertain`` (mixed or no evidence).
InferredKind = Literal["marketing", "service", "uncertain"]
Verdict = Literal["pass", "review", "fail"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(slots=True, frozen=True)
class Citation:
    source: str
    article: str
    confidence: str  # verified / secondary / recalled / guide
    id: str = ""

    def __reduce__(self) -> tuple[Any, ...]:
        # Plain tuples pickle several times faster than slotted dataclasses; results cross
        # process boundaries in parallel batch checks.
        return (Citation, (self.source, self.article, self.confidence, self.id))

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "article": self.article, "confidence": self.confidence, "id": self.id}


@dataclass(slots=True)
class Fix:
    kind: FixKind
    replacement: str | None = None
    description: str = ""
    needs: tuple[str, ...] = ()
    #: Where the replacement goes when not at the finding's own span (e.g. a missing
    #: risk warning is inserted before the opt-out, while the finding marks the product).
    at: tuple[int, int] | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (Fix, (self.kind, self.replacement, self.description, self.needs, self.at))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "replacement": self.replacement}
        if self.description:
            out["description"] = self.description
        if self.needs:
            out["needs"] = list(self.needs)
        if self.at is not None:
            out["start"], out["end"] = self.at
        return out


@dataclass(slots=True, frozen=True)
class ContextEffect:
    """Why context changed a finding: the cue seen, what it did, and in words.

    ``effect`` is ``cancelled`` (not a violation here: 非保本, 谨防…诈骗), ``downgraded``
    (reported as a warning for review), ``upgraded``, or ``confirmed`` (a fitted model's
    opinion sure enough to be reported at the rule's severity: its cue is ``模型 0.97``).
    Recorded on every finding the engine's context pass touched, so a reviewer can see why a
    word did or did not count.
    """

    cue: str
    effect: str
    reason: str

    def __reduce__(self) -> tuple[Any, ...]:
        return (ContextEffect, (self.cue, self.effect, self.reason))

    def to_dict(self) -> dict[str, str]:
        return {"cue": self.cue, "effect": self.effect, "reason": self.reason}


@dataclass(slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    evidence: str
    fix: Fix
    citations: tuple[Citation, ...] = ()
    note: str = ""
    context: tuple[ContextEffect, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            Finding,
            (
                self.code,
                self.name,
                self.severity,
                self.message,
                self.start,
                self.end,
                self.evidence,
                self.fix,
                self.citations,
                self.note,
                self.context,
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "fix": self.fix.to_dict(),
            "citations": [c.to_dict() for c in self.citations],
        }
        if self.note:
            out["note"] = self.note
        if self.context:
            out["context"] = [c.to_dict() for c in self.context]
        return out


@dataclass(slots=True)
class CheckResult:
    text: str
    kind: InferredKind
    kind_source: Literal["inferred", "declared"]
    kind_reason: str
    verdict: Verdict
    length: int
    segments: int
    findings: list[Finding]
    meta: dict[str, Any] = field(default_factory=dict)
    fixed_text: str | None = None
    #: Findings that context cancelled (非保本, a warning against the thing): not counted,
    #: kept so a reviewer can see what was read and why it did not count.
    suppressed: list[Finding] = field(default_factory=list)
    #: The product type the message is about (``None``: no evidence), where that came from
    #: (``declared``, ``profile`` or ``inferred``) and why: it sets severities (ADV007).
    product_type: ProductType | None = None
    product_type_source: str = "inferred"
    product_type_reason: str = ""

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            CheckResult,
            (
                self.text,
                self.kind,
                self.kind_source,
                self.kind_reason,
                self.verdict,
                self.length,
                self.segments,
                self.findings,
                self.meta,
                self.fixed_text,
                self.suppressed,
                self.product_type,
                self.product_type_source,
                self.product_type_reason,
            ),
        )

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "kind": self.kind,
            "kind_source": self.kind_source,
            "kind_reason": self.kind_reason,
            "verdict": self.verdict,
            "length": self.length,
            "segments": self.segments,
            "product_type": self.product_type,
            "product_type_source": self.product_type_source,
            "product_type_reason": self.product_type_reason,
            "findings": [f.to_dict() for f in self.findings],
            "meta": self.meta,
        }
        if self.fixed_text is not None:
            out["fixed_text"] = self.fixed_text
        if self.suppressed:
            out["suppressed"] = [f.to_dict() for f in self.suppressed]
        return out


def verdict_of(findings: list[Finding]) -> Verdict:
    worst = max((SEVERITY_RANK[f.severity] for f in findings), default=0)
    return "fail" if worst == 2 else "review" if worst == 1 else "pass"
