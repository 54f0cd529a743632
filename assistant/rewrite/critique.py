"""Critique: the deterministic findings, plus the model's advisory notes kept apart.

Rules catch what can be specified (保本, 最高, a missing 回T退订); a reviewer also wants to
hear about what cannot — a misleading implication, a pushy tone, an unclear fee.  A model
is good at the second and unreliable at the first, so the two are never mixed: the
verdict and findings come from the checker alone, the model's notes go into a separate
``advisory`` list, and no note can clear, downgrade or override a finding (a model that
says "ADV001 可忽略" changes nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.checker.engine import Checker
from assistant.checker.models import CheckResult, Finding
from assistant.llm.client import LLMClient, LLMError
from assistant.llm.jsonparse import MalformedReply, parse_notes
from assistant.llm.promptdata import fence, format_findings
from assistant.llm.prompts import load_prompt

CATEGORIES = {"misleading": "误导性暗示", "tone": "语气", "clarity": "清晰度", "other": "其他"}
NOTES_SCHEMA = '{"notes": [{"category": "misleading|tone|clarity|other", "quote": "原文片段", "note": "问题", "suggestion": "建议"}]}'


@dataclass
class AdvisoryNote:
    """A model's remark for a human reviewer: never a finding, never a verdict."""

    category: str
    note: str
    quote: str = ""
    suggestion: str = ""
    start: int | None = None  # where ``quote`` sits in the draft, when it does
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "category": self.category,
            "category_label": CATEGORIES.get(self.category, self.category),
            "note": self.note,
            "quote": self.quote,
            "suggestion": self.suggestion,
            "severity": "advisory",
        }
        if self.start is not None:
            out["start"], out["end"] = self.start, self.end
        return out


@dataclass
class CritiqueResult:
    text: str
    verdict: str  # from the findings only
    findings: list[Finding]
    advisory: list[AdvisoryNote] = field(default_factory=list)
    engine: str = "offline"
    llm_calls: int = 0
    notice: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "text": self.text,
            "verdict": self.verdict,
            "verdict_source": "rules",
            "findings": [f.to_dict() for f in self.findings],
            "advisory": [a.to_dict() for a in self.advisory],
            "engine": self.engine,
            "llm_calls": self.llm_calls,
            "notice": self.notice,
        }
        out.update(self.extra)
        return out


def _note(raw: dict[str, str], text: str) -> AdvisoryNote:
    category = raw["category"] if raw["category"] in CATEGORIES else "other"
    quote = raw["quote"].strip()
    start = text.find(quote) if quote else -1
    return AdvisoryNote(
        category=category,
        note=raw["note"],
        quote=quote,
        suggestion=raw["suggestion"],
        start=start if start >= 0 else None,
        end=start + len(quote) if start >= 0 else None,
    )


def critique(
    text: str,
    *,
    checker: Checker,
    client: LLMClient | None = None,
    notice: str = "",
    event_id: str | None = None,
    draft: CheckResult | None = None,
) -> CritiqueResult:
    """Findings from the checker; advisory notes from the model when ``client`` is given.

    The service layer records the audit event; model calls are linked to ``event_id``.
    """
    checked = draft if draft is not None else checker.check(text)
    result = CritiqueResult(
        text=text, verdict=checked.verdict, findings=list(checked.findings), notice=notice, engine="offline"
    )
    if client is not None:
        result.engine = "llm"
        prompt = load_prompt("critique")
        messages = prompt.messages(
            draft=fence(text), kind=checked.kind, findings=format_findings(checked.findings)
        )
        result.extra.update({"model": client.model, "prompt_version": prompt.id})
        try:
            result.llm_calls += 1
            reply = client.chat(
                messages, purpose="critique", json_mode=True, event_id=event_id, prompt_version=prompt.id
            )
            try:
                raw = parse_notes(reply.text)
            except MalformedReply as exc:
                repair = load_prompt("json_repair").messages(error=str(exc), schema=NOTES_SCHEMA)
                result.llm_calls += 1
                reply = client.chat(
                    [*messages, {"role": "assistant", "content": reply.text[:4000]}, *repair],
                    purpose="critique/json_repair",
                    json_mode=True,
                    event_id=event_id,
                    prompt_version=prompt.id,
                )
                raw = parse_notes(reply.text)
            result.advisory = [_note(r, text) for r in raw]
        except (LLMError, MalformedReply) as exc:
            what = (
                "模型回复的 JSON 格式不正确" if isinstance(exc, MalformedReply) else f"大模型调用失败：{exc}"
            )
            result.extra["advisory_error"] = f"{what}；仅给出规则检查结果"
    return result
