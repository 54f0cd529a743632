"""Rewrite results, shaped as the CLI contract's ``rewrite`` JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.checker.models import CheckResult, Finding

Status = Literal["fixed", "needs_input", "refused", "failed"]


@dataclass(slots=True)
class Variant:
    text: str
    findings: list[Finding] = field(default_factory=list)  # never an error: the gate saw to that
    changes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "findings": [f.to_dict() for f in self.findings],
            "changes": list(self.changes),
            "length": len(self.text.strip()),
        }


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

    def to_dict(self) -> dict[str, Any]:
        out = {
            "original": self.original,
            "status": self.status,
            "engine": self.engine,
            "llm_calls": self.llm_calls,
            "findings_before": [f.to_dict() for f in self.findings_before],
            "variants": [v.to_dict() for v in self.variants],
            "needs": list(self.needs),
            "reason": self.reason,
        }
        out.update(self.extra)
        return out
