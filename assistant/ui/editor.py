"""The draft editor, browser-free: live check, one-click fixes with undo, versions, 误报.

The editor's textarea and the cards' buttons come here (:mod:`assistant.ui.tabs.workspace`
wires them); every function changes the session's :class:`~assistant.ui.context.ChatContext`
and returns it, and the pane is redrawn from it (:mod:`assistant.ui.pane`).

A card's button arrives as one JSON action (``{"op": "fix", "i": 2, "code": …, "start": …,
"end": …}``, see ``static/workspace.js``).  An action names the finding it was drawn for
(code and span) and is refused when the draft has changed since — a stale card never
edits the wrong characters.  Unknown operations are errors, never ignored.
"""

from __future__ import annotations

import json
from typing import Any

from assistant.errors import AssistantError
from assistant.ui.context import ChatContext
from assistant.ui.fixes import fixed_text
from assistant.ui.handlers import AssistantServices, SessionSettings

__all__ = ["OPS", "act", "live_check", "undo"]

#: What a card or the toolbar can ask for.
OPS = ("fix", "accept", "fp", "use", "undo")


def live_check(
    services: AssistantServices, ctx: ChatContext, session: SessionSettings, text: str
) -> ChatContext:
    """Re-check the editor's text as the user types (not audited: no action was taken)."""
    text = text or ""
    if text == ctx.draft and ctx.review is not None:
        return ctx
    if text != ctx.draft:
        ctx.set_draft(text, keep_undo=False)  # typing is undone by the browser, not by 撤销
    ctx.note = ""
    ctx.review = services.review(text, session, record=False).result if text.strip() else None
    return ctx


def _recheck(services: AssistantServices, ctx: ChatContext, session: SessionSettings) -> None:
    ctx.review = services.review(ctx.draft, session, record=False).result if ctx.draft.strip() else None


def undo(services: AssistantServices, ctx: ChatContext, session: SessionSettings) -> ChatContext:
    """Back to the text before the last fix or version (the 撤销 button)."""
    if not ctx.undo:
        ctx.note = "没有可撤销的修改"
        return ctx
    ctx.set_draft(ctx.undo.pop(), keep_undo=False)
    _recheck(services, ctx, session)
    ctx.note = "已撤销上一次修改"
    return ctx


def act(
    services: AssistantServices,
    ctx: ChatContext,
    session: SessionSettings,
    payload: str,
    *,
    editor_text: str | None = None,
    login: str = "",
) -> ChatContext:
    """Apply one action from the pane; ``ctx.note`` says what happened (or why not)."""
    if editor_text is not None and editor_text != ctx.draft:
        live_check(services, ctx, session, editor_text)  # the debounce had not fired yet
    try:
        data = json.loads(payload or "{}")
        if not isinstance(data, dict):
            raise ValueError
    except ValueError:
        ctx.note = "操作无效：无法解析"
        return ctx
    op = str(data.get("op", ""))
    try:
        if op == "undo":
            return undo(services, ctx, session)
        if op == "use":
            return _use_version(services, ctx, session, data)
        if op in ("fix", "accept", "fp"):
            finding = _finding(ctx, data)
            if op == "fp":
                return _report(services, ctx, finding, login)
            return _apply(services, ctx, session, finding)
        raise AssistantError(f"未知的操作 {op!r}（可用：{'、'.join(OPS)}）")
    except AssistantError as exc:
        ctx.note = f"提示：{exc}"
        return ctx


def _finding(ctx: ChatContext, data: dict[str, Any]) -> Any:
    """The finding a card was drawn for, if the draft still has it."""
    review = ctx.review
    try:
        i, start, end = int(data.get("i", -1)), int(data.get("start", -1)), int(data.get("end", -1))
    except (TypeError, ValueError):
        raise AssistantError("操作缺少发现的位置") from None
    if review is None or not 0 <= i < len(review.findings):
        raise AssistantError("草稿已变化，请在新的发现卡片上操作")
    f = review.findings[i]
    if (f.code, f.start, f.end) != (str(data.get("code", "")), start, end):
        raise AssistantError("草稿已变化，请在新的发现卡片上操作")
    return f


def _apply(
    services: AssistantServices, ctx: ChatContext, session: SessionSettings, finding: Any
) -> ChatContext:
    after = fixed_text(ctx.draft, finding)
    if after is None:
        raise AssistantError(f"{finding.code} 没有可一键应用的修改")
    ctx.set_draft(after)
    _recheck(services, ctx, session)
    what = "已应用安全修复" if finding.fix.kind == "safe" else "已接受修改"
    ctx.note = f"{what}（{finding.code}），可点“撤销”恢复"
    return ctx


def _report(services: AssistantServices, ctx: ChatContext, finding: Any, login: str) -> ChatContext:
    services.feedback.record_feedback(
        rating=-1,
        target="finding",
        text=ctx.draft,
        rule_code=finding.code,
        evidence=finding.evidence,
        reason="误报",
        detail={"start": finding.start, "end": finding.end, "severity": finding.severity},
        login=login,
    )
    ctx.reported.add((finding.code, finding.start, finding.end))
    ctx.note = f"已记录 {finding.code} 误报，将列入“审核历史 → 误报候选”"
    return ctx


def _use_version(
    services: AssistantServices, ctx: ChatContext, session: SessionSettings, data: dict[str, Any]
) -> ChatContext:
    views = ctx.rewrite.variants if ctx.rewrite is not None else []
    try:
        n = int(data.get("v", 0))
    except (TypeError, ValueError):
        n = 0
    if not 1 <= n <= len(views):
        raise AssistantError("该版本已不存在，请重新改写")
    ctx.set_draft(views[n - 1].text)
    _recheck(services, ctx, session)
    ctx.note = f"已将版本 {n} 放入编辑器，可点“撤销”恢复"
    return ctx
