"""What the chat tab does, browser-free: a conversation as data, and the steps that grow it.

The Gradio layer (:mod:`assistant.ui.tabs.chat`) keeps a :class:`ChatContext` per browser
session and calls these functions; each streaming function is a generator that changes
the context and yields it whenever the screen should be refreshed (the review card before
the rewrite, each burst of an answer's tokens).  So the whole conversation — intent,
review, advisory notes, rewrite, needs-input round trip, answer with sources, approvals
and thumbs — is unit-tested by calling these functions, without a browser.

Chat messages are ``{"role", "content", "metadata"}`` dicts with HTML content: the
chatbot sanitises it, and every piece of user text in it is escaped here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assistant import labels as zh
from assistant.checker.models import CheckResult
from assistant.errors import AssistantError
from assistant.rewrite.offline import NEEDS_LABELS
from assistant.ui import render
from assistant.ui.handlers import (
    MAX_VARIANTS,
    AnswerUpdate,
    AssistantServices,
    Intent,
    RewriteOutcome,
    SessionSettings,
    UnsafeVariantError,
    feedback_targets,
    find_target,
    resolve_mode,
)

#: The facts the needs-input form can ask for, in the form's order.
NEED_KEYS = list(NEEDS_LABELS)
PANEL_PLACEHOLDER = "提交一条短信草稿后，这里显示改写版本、审批与反馈。"
REWRITING = "正在改写"


@dataclass
class ChatContext:
    """What the current conversation is about (per session, in ``gr.State``)."""

    messages: list[dict[str, Any]] = field(default_factory=list)
    draft: str = ""
    review: CheckResult | None = None
    rewrite: RewriteOutcome | None = None
    question: str = ""
    answer: str = ""
    answer_engine: str = ""


def user_message(text: str) -> dict[str, Any]:
    """The user's input, escaped and wrapped so markdown (稳*赚*), LaTeX ($) or HTML show verbatim."""
    return {
        "role": "user",
        "content": f'<div class="rv-text">{render.e(text).replace(chr(10), "<br>")}</div>',
    }


def bot_message(content: str, **metadata: Any) -> dict[str, Any]:
    """An assistant message; ``metadata.title`` makes it collapsible (an answer's sources)."""
    msg: dict[str, Any] = {"role": "assistant", "content": content}
    if metadata:
        msg["metadata"] = metadata
    return msg


# ------------------------------------------------------------------------------ panel


@dataclass(frozen=True)
class VariantPanel:
    meta: str  # counts, resolved findings and the changes, as markdown
    text: str
    diff_html: str


@dataclass(frozen=True)
class PanelState:
    """The right-hand panel for a context: status, variants, needs form, approval and thumbs choices."""

    status: str
    variants: list[VariantPanel]
    needs: list[str]  # the facts the rewrite asks for (keys of NEED_KEYS): their fields are shown
    facts: dict[str, str]  # every field's value: the facts the last rewrite was given
    targets: list[str]  # what can be approved: the draft and each variant
    target: str
    feedback: list[str]  # what can be rated: the answer and each finding
    feedback_target: str | None


def panel_state(ctx: ChatContext) -> PanelState:
    """What the panel shows for ``ctx`` (the Gradio layer turns it into component updates)."""
    rw = ctx.rewrite
    status = ""
    if ctx.review is not None:
        r = ctx.review
        status = f"**审核**：{zh.VERDICT_ZH[r.verdict]} · {render.kind_text(r)} · {r.length} 字 · {r.segments} 条短信"
    if rw is not None:
        status += f"\n\n**改写**：{zh.STATUS_ZH.get(rw.status, rw.status)}（{rw.engine_label}）"
        if rw.status in ("refused", "failed", "needs_input") and rw.reason:
            status += f"\n\n{rw.reason}"
    views = rw.variants if rw is not None else []
    variants = [
        VariantPanel(
            meta=v.meta + ("\n\n修改：" + "；".join(v.changes) if v.changes else ""),
            text=v.text,
            diff_html=v.diff_html,
        )
        for v in views[:MAX_VARIANTS]
    ]
    asked = dict(rw.needs) if rw is not None and rw.status == "needs_input" else {}
    fb = feedback_targets(ctx.review, ctx.question if ctx.answer else "")
    return PanelState(
        status=status or PANEL_PLACEHOLDER,
        variants=variants,
        needs=[key for key in NEED_KEYS if key in asked],
        facts={key: (rw.facts.get(key, "") if rw is not None else "") for key in NEED_KEYS},
        targets=["草稿"] + [f"版本 {v.index}" for v in views],
        target="版本 1" if views else "草稿",
        feedback=fb,
        feedback_target=fb[0] if fb else None,
    )


# ------------------------------------------------------------------------------ conversation


def send(
    services: AssistantServices, ctx: ChatContext, session: SessionSettings, text: str, mode: str
) -> Iterator[ChatContext]:
    """Handle one input: review (and rewrite) a draft, or answer a question; yields to refresh.

    Blank input yields nothing: there is nothing to show.  The review card is shown before
    the advisory notes and the rewrite (which may call a model), so findings appear at once.
    """
    text = (text or "").strip()
    if not text:
        return
    action, intent = resolve_mode(mode, text)
    ctx.messages.append(user_message(text))
    if action == "ask":
        yield from ask(services, ctx, session, text, intent)
        return
    try:
        outcome = services.review(text, session, intent=intent)
    except AssistantError as exc:
        ctx.messages.append(bot_message(f"提示：{render.e(exc)}"))
        yield ctx
        return
    ctx.draft, ctx.review, ctx.rewrite = text, outcome.result, None
    ctx.messages.append(bot_message(outcome.html))
    do_rewrite = action == "rewrite" and (mode == "rewrite" or session.auto_rewrite)
    if do_rewrite and outcome.result.findings:
        ctx.messages.append(bot_message(f'<div class="muted">{REWRITING}……</div>'))
    yield ctx
    if session.advisory and services.llm:
        notes = services.advisory(outcome.result, session)
        if notes:
            ctx.messages.append(bot_message(advisory_html(notes)))
    if not do_rewrite:
        yield ctx
        return
    if not outcome.result.findings:
        ctx.messages.append(bot_message('<div class="muted">原稿未发现问题，无需改写。</div>'))
        yield ctx
        return
    yield from rewrite_into(services, ctx, session, {}, replace_last=True)


def advisory_html(notes: list[dict[str, Any]]) -> str:
    """The model's advisory notes as one message, marked as not affecting the verdict."""
    items = "".join(
        f"<li>{render.e(n['category_label'])}：{render.e(n['note'])}"
        f"{('（建议：' + render.e(n['suggestion']) + '）') if n.get('suggestion') else ''}</li>"
        for n in notes
    )
    return f'<div class="rv"><b>大模型参考意见</b>（不影响结论）<ul>{items}</ul></div>'


def rewrite_into(
    services: AssistantServices,
    ctx: ChatContext,
    session: SessionSettings,
    facts: dict[str, str],
    *,
    replace_last: bool,
) -> Iterator[ChatContext]:
    """Rewrite the context's draft and show the card, replacing the "正在改写" note if asked."""
    try:
        # the draft's own check, when it was reviewed with these settings: not checked again
        draft = ctx.review if ctx.review is not None and ctx.review.text == ctx.draft else ctx.draft
        rw = services.rewrite(draft, session, facts=facts)
        ctx.rewrite = rw
        card = rw.html()
    except UnsafeVariantError as exc:
        ctx.rewrite = None
        card = f'<div class="refused">内部错误：{render.e(exc)}</div>'
    except AssistantError as exc:
        ctx.rewrite = None
        card = f'<div class="refused">{render.e(exc)}</div>'
    if replace_last and ctx.messages and REWRITING in str(ctx.messages[-1].get("content", "")):
        ctx.messages[-1] = bot_message(card)
    else:
        ctx.messages.append(bot_message(card))
    yield ctx


def refill(
    services: AssistantServices, ctx: ChatContext, session: SessionSettings, values: dict[str, str]
) -> Iterator[ChatContext]:
    """Re-run the rewrite with the facts typed into the needs-input form (blank fields ignored)."""
    if not ctx.draft:
        return
    facts = {k: v for k, v in values.items() if v and v.strip()}
    shown = "，".join(f"{NEEDS_LABELS.get(k, k)}：{v}" for k, v in facts.items()) or "（未填写）"
    ctx.messages.append({"role": "user", "content": f"补充信息：{render.e(shown)}"})
    yield from rewrite_into(services, ctx, session, facts, replace_last=False)


def ask(
    services: AssistantServices,
    ctx: ChatContext,
    session: SessionSettings,
    question: str,
    intent: Intent | None,
) -> Iterator[ChatContext]:
    """Answer a question in one message that grows as tokens arrive, then its sources, collapsed."""
    note = f'<div class="muted">识别为{intent.label}（{intent.reason}）</div>' if intent is not None else ""
    ctx.messages.append(bot_message(note + '<div class="muted">正在检索知识库……</div>'))
    idx = len(ctx.messages) - 1
    yield ctx
    try:
        for upd in services.ask(question, session):
            ctx.messages[idx] = bot_message(note + "\n\n" + answer_body(upd))
            if upd.done:
                for src in upd.sources:
                    ctx.messages.append(
                        bot_message(render.source_body(src), title=render.source_title(src), status="done")
                    )
                ctx.question, ctx.answer, ctx.answer_engine = question, upd.answer, upd.engine
            yield ctx
    except Exception as exc:  # the index or the model: shown in the chat, the session goes on
        ctx.messages[idx] = bot_message(f'<div class="refused">无法回答：{render.e(exc)}</div>')
        yield ctx


def answer_body(upd: AnswerUpdate) -> str:
    """An answer so far: progress note or text, any notice, and once done its mode and sources line."""
    body = upd.answer or f'<div class="muted">{render.e(upd.status or "……")}</div>'
    if upd.notice:
        body = f'<div class="muted">{render.e(upd.notice)}</div>\n\n' + body
    if not upd.done:
        return body
    engine = f"大模型 {upd.model} 作答" if upd.engine == "llm" else "离线检索答案（未使用大模型）"
    tail = f'\n\n<span class="muted">模式：{render.e(engine)} · 来源 {len(upd.sources)} 条，点开下方查看原文</span>'
    if upd.removed_citations:
        nums = "、".join(f"[{n}]" for n in upd.removed_citations)
        tail += f'\n\n<span class="muted">已移除引用了未检索到的来源的标注：{nums}</span>'
    return body + tail


# ------------------------------------------------------------------------------ approvals & thumbs


def decide(
    services: AssistantServices,
    ctx: ChatContext,
    session: SessionSettings,
    *,
    decision: str,
    target: str,
    reviewer: str,
    reason: str,
    login: str = "",
) -> str:
    """Approve or reject the draft or the chosen variant ("草稿" / "版本 N"); the message to show."""
    variant_no: int | None = None
    variant_text = ""
    if target and target.startswith("版本") and ctx.rewrite is not None:
        variant_no = int(target.split()[-1])
        views = ctx.rewrite.variants
        if 1 <= variant_no <= len(views):
            variant_text = views[variant_no - 1].text
    try:
        review = services.decide(
            decision=decision,
            reviewer=reviewer or login,
            reason=reason,
            target="variant" if variant_no else "draft",
            draft=ctx.draft,
            variant_text=variant_text,
            variant=variant_no,
            session=session,
            engine=ctx.rewrite.engine_label if ctx.rewrite is not None else "",
            login=login,
        )
    except AssistantError as exc:
        return f"提示：{exc}"
    verb = "已批准" if decision == "approved" else "已驳回"
    when = review.ts[:19].replace("T", " ")
    return f"{verb}（{review.reviewer}，{when} UTC，编号 {review.id}），可在“审核历史”中查看。"


def rate(
    services: AssistantServices,
    ctx: ChatContext,
    *,
    target: str | None,
    rating: str,
    reason: str,
    login: str = "",
) -> str:
    """Thumbs on a finding (a false-positive report when down) or on the last answer; the message."""
    if not target:
        return "提示：请先选择反馈对象（提交草稿或问题后可选）"
    value = 1 if rating == "up" else -1
    finding = find_target(target, ctx.review)
    if finding is not None:
        services.feedback.record_feedback(
            rating=value,
            target="finding",
            text=ctx.draft,
            rule_code=finding.code,
            evidence=finding.evidence,
            reason=reason or "",
            detail={"start": finding.start, "end": finding.end, "severity": finding.severity},
            login=login,
        )
    else:
        services.feedback.record_feedback(
            rating=value,
            target="answer",
            text=ctx.question,
            reason=reason or "",
            detail={"answer": ctx.answer, "engine": ctx.answer_engine},
            login=login,
        )
    return "已记录反馈，谢谢。" + ("误报会列入“审核历史 → 误报候选”。" if value < 0 and finding else "")


def rate_message(
    services: AssistantServices,
    ctx: ChatContext,
    *,
    index: int,
    liked: bool,
    reason: str,
    login: str = "",
) -> str:
    """The chatbot's own thumbs on one message; the note to show."""
    msg = ctx.messages[index] if 0 <= index < len(ctx.messages) else {}
    services.feedback.record_feedback(
        rating=1 if liked else -1,
        target="message",
        text=str(msg.get("content", ""))[:4000],
        reason=reason or "",
        detail={"index": index, "draft": ctx.draft, "question": ctx.question},
        login=login,
    )
    return (
        "已记录对该条消息的"
        + ("赞" if liked else "踩")
        + ("；可在右侧“反馈”中选择具体发现并填写理由" if not reason else "")
    )
