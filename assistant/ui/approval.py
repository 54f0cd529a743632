"""Approvals tied to the exact text: its hash, what was ignored, the findings, no contradictions.

Why: an approval is a compliance record.  It must say exactly which characters were
approved (the text and its SHA-256), under which settings (rules the session ignored or
left out) and what the checker found at that moment — under *every* rule, so an ignored
rule cannot hide an error from the record.  The same text cannot be approved twice or
approved and rejected: a second decision on the same text is refused, unless the
reviewer explicitly supersedes the earlier one with a reason (recorded with the id it
replaces).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant import labels as zh
from assistant.errors import AssistantError
from assistant.ui import render

if TYPE_CHECKING:
    from assistant.ui.context import ChatContext
    from assistant.ui.feedback import Review
    from assistant.ui.handlers import AssistantServices, SessionSettings

__all__ = ["ApprovalTarget", "approval_targets", "decide", "digest", "prior_decisions", "record_decision"]

DRAFT_TARGET = "draft"


def digest(text: str) -> str:
    """The SHA-256 of the exact text (UTF-8), as 64 hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ApprovalTarget:
    """Something that can be approved: the draft in the editor, or a compliant version."""

    key: str  # "draft" or "variant:N"
    label: str  # 当前草稿 / 版本 N（最小修改版）
    text: str
    variant: int | None = None

    @property
    def digest(self) -> str:
        return digest(self.text)


def approval_targets(ctx: ChatContext) -> list[ApprovalTarget]:
    """The draft in the editor, then every compliant version (a partial one never)."""
    out: list[ApprovalTarget] = []
    if ctx.draft.strip():
        out.append(ApprovalTarget(DRAFT_TARGET, "当前草稿（编辑器中的文本）", ctx.draft))
    views = ctx.rewrite.variants if ctx.rewrite is not None else []
    for v in views:
        if v.compliant and v.text.strip():
            style = f"（{v.style_label}）" if v.style_label else ""
            out.append(ApprovalTarget(f"variant:{v.index}", f"版本 {v.index}{style}", v.text, v.index))
    return out


def prior_decisions(services: AssistantServices, text: str) -> list[Review]:
    """Decisions already taken on exactly this text, newest first ([] when the store is unreadable)."""
    try:
        return services.feedback.reviews(text_hash=digest(text), limit=20)
    except ValueError:
        return []


def _finding_rows(findings: list[Any]) -> list[dict[str, Any]]:
    return [
        {"code": f.code, "severity": f.severity, "start": f.start, "end": f.end, "evidence": f.evidence}
        for f in findings
    ]


def record_decision(
    services: AssistantServices,
    *,
    decision: str,
    reviewer: str,
    reason: str,
    target: str,
    text: str,
    original: str,
    variant: int | None,
    session: SessionSettings,
    engine: str = "",
    login: str = "",
    supersede: bool = False,
    expected_hash: str = "",
) -> Review:
    """Store one decision on ``text``; raises :class:`AssistantError` (Chinese) when refused.

    Refused: no reviewer; no text; ``expected_hash`` given and not the text's (it changed
    after the panel showed it); a reject without a reason; an approval of a text with an
    error finding under any rule without a reason; a second decision on the same text
    (the same decision again, or the opposite one without ``supersede`` and a reason).
    """
    if decision not in ("approved", "rejected"):
        raise AssistantError(f"未知的审批决定 {decision!r}：应为 approved 或 rejected")
    if not reviewer.strip():
        raise AssistantError("请填写审核人姓名")
    if not text.strip():
        raise AssistantError("没有可审批的内容：请先提交一条短信草稿")
    text_hash = digest(text)
    if expected_hash and expected_hash != text_hash:
        raise AssistantError("待审批的文本已变化（与面板显示的不一致），请确认新的文本后再审批")
    session_check = services.checker(session).check(text)
    full_check = services.gate_checker(session).check(text)
    hidden = [f for f in full_check.findings if not any(f.code == g.code for g in session_check.findings)]
    if decision == "rejected" and not reason.strip():
        raise AssistantError("驳回时请填写理由")
    if decision == "approved" and full_check.verdict == "fail" and not reason.strip():
        codes = render.codes_text(full_check.errors)
        extra = "（其中含设置中忽略的规则）" if any(f.severity == "error" for f in hidden) else ""
        raise AssistantError(f"该文本仍有错误级发现 {codes}{extra}，批准时必须填写理由")
    prior = prior_decisions(services, text)
    supersedes = ""
    if prior:
        last = prior[0]
        when = f"{_when(services, last.ts)} {services.tz_label}"
        verb = "批准" if last.decision == "approved" else "驳回"
        if last.decision == decision:
            raise AssistantError(f"该文本已于 {when} 由 {last.reviewer} {verb}（编号 {last.id}），不重复记录")
        if not supersede:
            raise AssistantError(
                f"该文本已于 {when} 由 {last.reviewer} {verb}（编号 {last.id}）；"
                "如需改变决定，请勾选“推翻先前决定”并填写理由"
            )
        if not reason.strip():
            raise AssistantError("推翻先前的决定时必须填写理由")
        supersedes = last.id
    detail = {
        "ignored": list(session.ignore),
        "selected": list(session.select),
        "profile": session.profile_label,
        "findings": _finding_rows(session_check.findings),
        "findings_ignored": _finding_rows(hidden),
        "verdict_all_rules": full_check.verdict,
    }
    if supersedes:
        detail["supersedes"] = supersedes
    return services.feedback.record_review(
        reviewer=reviewer,
        decision=decision,
        target=target,
        text=text,
        original=original,
        variant=variant,
        verdict=zh.VERDICT_ZH.get(full_check.verdict, full_check.verdict),
        codes=render.codes_text(full_check.findings),
        reason=reason,
        engine=engine,
        login=login,
        text_hash=text_hash,
        detail=detail,
    )


def _when(services: AssistantServices, ts: str) -> str:
    from assistant.ui.feedback import local_time

    return local_time(ts, services.tz)


def decide(
    services: AssistantServices,
    ctx: ChatContext,
    session: SessionSettings,
    *,
    decision: str,
    target: str | None,
    reviewer: str,
    reason: str,
    supersede: bool = False,
    expected_hash: str = "",
    login: str = "",
) -> str:
    """The approval panel's buttons: decide on the chosen target; the message to show."""
    chosen = next((t for t in approval_targets(ctx) if t.key == target), None)
    if chosen is None:
        return "提示：没有可审批的内容：请先提交一条短信草稿，或重新选择审批对象"
    try:
        review = record_decision(
            services,
            decision=decision,
            reviewer=reviewer or login,
            reason=reason,
            target="variant" if chosen.variant else "draft",
            text=chosen.text,
            original=ctx.rewrite.result.original if chosen.variant and ctx.rewrite is not None else ctx.draft,
            variant=chosen.variant,
            session=session,
            engine=ctx.rewrite.engine_label if chosen.variant and ctx.rewrite is not None else "",
            login=login,
            supersede=supersede,
            expected_hash=expected_hash,
        )
    except AssistantError as exc:
        return f"提示：{exc}"
    verb = "已批准" if decision == "approved" else "已驳回"
    extra = f"，推翻了编号 {review.supersedes} 的决定" if review.supersedes else ""
    return (
        f"{verb}：{chosen.label}（{review.reviewer}，{_when(services, review.ts)} {services.tz_label}，"
        f"编号 {review.id}{extra}），可在“审核历史”中查看。"
    )
