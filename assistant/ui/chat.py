"""The chat, browser-free: a conversation as data, and the steps that grow it.

The Gradio layer (:mod:`assistant.ui.tabs.workspace`) keeps a
:class:`~assistant.ui.context.ChatContext` per browser session and calls these functions;
each streaming function is a generator that changes the context and yields it whenever the
screen should be refreshed (the review before the rewrite, each burst of an answer's
tokens).  A draft sent in the chat becomes the draft in the editor; its details (cards,
versions, approval) live in the draft pane (:mod:`assistant.ui.pane`), the chat keeps a
short note.  So the whole conversation — intent (and switching it), review, advisory
notes, rewrite, needs-input round trip, answers with sources — is unit-tested by calling
these functions, without a browser.

Chat messages are ``{"role", "content", "metadata"}`` dicts with HTML content: the chatbot
renders Markdown and sanitises HTML, so every piece of text that is not ours goes through
:func:`~assistant.ui.render.text_html` (escaped, Markdown neutralised).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from assistant.answer.extractive import OFFLINE_LABEL as EXTRACTIVE_LABEL
from assistant.errors import AssistantError
from assistant.ui import render
from assistant.ui.context import ChatContext
from assistant.ui.handlers import (
    NEED_LABELS,
    AnswerUpdate,
    AssistantServices,
    Intent,
    SessionSettings,
    UnsafeVariantError,
    resolve_mode,
    validate_needs,
)

__all__ = [
    "NEED_KEYS",
    "REWRITING",
    "ChatContext",
    "ask",
    "bot_message",
    "refill",
    "rewrite_into",
    "send",
    "switch_intent",
    "user_message",
]

#: The facts the needs-input form can ask for, in the form's order.
NEED_KEYS = list(NEED_LABELS)
REWRITING = "正在改写"


def user_message(text: str) -> dict[str, Any]:
    """The user's input, escaped and wrapped so Markdown (稳*赚*), LaTeX ($) or HTML show verbatim."""
    return {"role": "user", "content": f'<div class="rv-text">{render.text_html(text)}</div>'}


def bot_message(content: str, **metadata: Any) -> dict[str, Any]:
    """An assistant message; ``metadata.title`` makes it collapsible."""
    msg: dict[str, Any] = {"role": "assistant", "content": content}
    if metadata:
        msg["metadata"] = metadata
    return msg


def _note(text: str, cls: str = "muted") -> dict[str, Any]:
    return bot_message(f'<div class="{cls}">{render.e(text)}</div>')


# ------------------------------------------------------------------------------ conversation


def send(
    services: AssistantServices, ctx: ChatContext, session: SessionSettings, text: str, mode: str
) -> Iterator[ChatContext]:
    """Handle one input: review (and rewrite) a draft, or answer a question; yields to refresh.

    Blank input yields nothing.  The review is shown (chat note, editor, cards) before the
    advisory notes and the rewrite, which may call a model.
    """
    text = (text or "").strip()
    if not text:
        return
    try:
        action, intent = resolve_mode(mode, text)
    except AssistantError as exc:
        ctx.messages.append(_note(f"提示：{exc}", "refused"))
        yield ctx
        return
    ctx.messages.append(user_message(text))
    ctx.last_input, ctx.last_intent = text, intent
    if action == "ask":
        yield from ask(services, ctx, session, text, intent)
        return
    yield from review_draft(
        services, ctx, session, text, intent=intent, rewrite=action == "rewrite", forced=mode == "rewrite"
    )


def review_draft(
    services: AssistantServices,
    ctx: ChatContext,
    session: SessionSettings,
    text: str,
    *,
    intent: Intent | None = None,
    rewrite: bool = True,
    forced: bool = False,
) -> Iterator[ChatContext]:
    """Review ``text`` into the editor, then (auto or forced) rewrite it."""
    try:
        outcome = services.review(text, session, intent=intent)
    except AssistantError as exc:
        ctx.messages.append(_note(f"提示：{exc}", "refused"))
        yield ctx
        return
    ctx.set_draft(text)
    ctx.review, ctx.rewrite, ctx.note = outcome.result, None, ""
    ctx.needs_errors = {}
    ctx.messages.append(bot_message(outcome.html))
    do_rewrite = rewrite and (forced or session.auto_rewrite)
    if do_rewrite and outcome.result.findings:
        ctx.messages.append(_note(f"{REWRITING}……"))
    yield ctx
    if session.advisory and services.llm:
        notes = services.advisory(outcome.result, session)
        if notes:
            ctx.messages.append(bot_message(advisory_html(notes)))
    if not do_rewrite:
        yield ctx
        return
    if not outcome.result.findings:
        ctx.messages.append(_note("原稿未发现问题，无需改写。"))
        yield ctx
        return
    yield from rewrite_into(services, ctx, session, {}, replace_last=True)


def switch_intent(
    services: AssistantServices, ctx: ChatContext, session: SessionSettings
) -> Iterator[ChatContext]:
    """Read the last input the other way: a draft as a question, or a question as a draft."""
    intent, text = ctx.last_intent, ctx.last_input
    if intent is None or not text:
        return
    ctx.last_intent = None  # switched once: the choice is the user's now
    if intent.kind == "sms":
        ctx.messages.append(_note("已改为按合规问题回答"))
        yield from ask(services, ctx, session, text, None)
    else:
        ctx.messages.append(_note("已改为按短信草稿审核"))
        yield from review_draft(services, ctx, session, text, rewrite=True)


def advisory_html(notes: list[dict[str, Any]]) -> str:
    """The model's advisory notes as one message, marked as not affecting the verdict."""
    items = "".join(
        f"<li>{render.text_html(n['category_label'])}：{render.text_html(n['note'])}"
        f"{('（建议：' + render.text_html(n['suggestion']) + '）') if n.get('suggestion') else ''}</li>"
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
    """Rewrite the editor's draft, note it in the chat (replacing "正在改写" if asked)."""
    try:
        # the draft's own check, when it was reviewed with these settings: not checked again
        draft = ctx.review if ctx.review is not None and ctx.review.text == ctx.draft else ctx.draft
        rw = services.rewrite(draft, session, facts=facts)
        ctx.rewrite = rw
        ctx.needs_errors = dict(rw.fact_errors)
        card = rw.html()
    except UnsafeVariantError as exc:
        ctx.rewrite = None
        card = f'<div class="refused">内部错误：{render.e(exc)}</div>'
    except AssistantError as exc:
        ctx.rewrite = None
        card = f'<div class="refused">{render.e(render.cli_free(str(exc)))}</div>'
    if replace_last and ctx.messages and REWRITING in str(ctx.messages[-1].get("content", "")):
        ctx.messages[-1] = bot_message(card)
    else:
        ctx.messages.append(bot_message(card))
    yield ctx


def refill(
    services: AssistantServices, ctx: ChatContext, session: SessionSettings, values: dict[str, str]
) -> Iterator[ChatContext]:
    """Re-run the rewrite with the facts typed into the needs-input form.

    Each field is validated first (:func:`~assistant.ui.handlers.validate_needs`); a refused
    value is shown under its name and the rewrite waits for a correction — a wrong fact is
    never inserted.  The form stays editable after a version is produced.
    """
    if not ctx.draft:
        return
    ctx.needs_values = {k: v for k, v in values.items() if v is not None}
    facts, errors = validate_needs(
        values, draft=ctx.draft, profile=session.profile(), settings=services.settings_for(session)
    )
    ctx.needs_errors = errors
    if errors:
        lines = "；".join(f"{NEED_LABELS.get(k, k)}：{why}" for k, why in errors.items())
        ctx.messages.append(
            bot_message(f'<div class="needs">补充信息有误，未改写：{render.text_html(lines)}</div>')
        )
        yield ctx
        return
    shown = "，".join(f"{NEED_LABELS.get(k, k)}：{v}" for k, v in facts.items()) or "（未填写）"
    ctx.messages.append(
        {"role": "user", "content": f'<div class="rv-text">补充信息：{render.text_html(shown)}</div>'}
    )
    yield from rewrite_into(services, ctx, session, facts, replace_last=False)


def ask(
    services: AssistantServices,
    ctx: ChatContext,
    session: SessionSettings,
    question: str,
    intent: Intent | None,
) -> Iterator[ChatContext]:
    """Answer a question in one message that grows as tokens arrive, sources inside it."""
    note = f'<div class="muted">识别为{intent.label}（{intent.reason}）</div>' if intent is not None else ""
    ctx.messages.append(bot_message(note + '<div class="muted">正在检索知识库……</div>'))
    idx = len(ctx.messages) - 1
    yield ctx
    try:
        for upd in services.ask(question, session):
            ctx.messages[idx] = bot_message(note + answer_body(upd))
            if upd.done:
                ctx.question, ctx.answer, ctx.answer_engine = question, upd.answer, upd.engine
            yield ctx
    except Exception as exc:  # the index or the model: shown in the chat, the session goes on
        ctx.messages[idx] = bot_message(f'<div class="refused">无法回答：{render.e(exc)}</div>')
        yield ctx


def answer_body(upd: AnswerUpdate) -> str:
    """An answer so far: a progress note or the text, and once done its mode and sources."""
    if upd.out_of_scope:
        return render.answer_html(
            upd.answer, [], footer="知识库只覆盖金融营销短信合规；可换个问法，或直接粘贴短信草稿审核"
        )
    if not upd.answer:
        return f'<div class="muted">{render.e(upd.status or "……")}</div>'
    text = upd.answer.removeprefix(EXTRACTIVE_LABEL)
    if not upd.done:
        return render.answer_html(text, upd.sources)
    engine = (
        f"大模型 {upd.model} 作答" if upd.engine == "llm" else "离线检索答案（未使用大模型，摘自知识库原文）"
    )
    removed = (
        "已移除引用了未检索到的来源的标注：" + "、".join(f"[{n}]" for n in upd.removed_citations)
        if upd.removed_citations
        else ""
    )
    return render.answer_html(text, upd.sources, label=engine, notice=upd.notice, footer=removed)


def rate_message(
    services: AssistantServices,
    ctx: ChatContext,
    *,
    index: int,
    liked: bool,
    login: str = "",
) -> str:
    """The chatbot's own thumbs on one message (an answer, a review note); the note to show."""
    msg = ctx.messages[index] if 0 <= index < len(ctx.messages) else {}
    services.feedback.record_feedback(
        rating=1 if liked else -1,
        target="message",
        text=str(msg.get("content", ""))[:4000],
        detail={"index": index, "draft": ctx.draft, "question": ctx.question},
        login=login,
    )
    return "已记录对该条消息的" + ("赞" if liked else "踩") + "，谢谢。"
