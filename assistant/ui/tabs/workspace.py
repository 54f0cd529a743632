"""The 工作台 tab: the chat on the left, the draft pane (editor, preview, cards, versions,
needs form, approval) on the right; stacked on a phone.

The conversation and the draft live in ``gr.State`` as a
:class:`~assistant.ui.context.ChatContext`, never read back from the components, so what is
stored is exactly what :mod:`assistant.ui.chat` and :mod:`assistant.ui.editor` wrote.  The
pane is redrawn from :func:`assistant.ui.pane.pane_view` after every event.

Browser-side pieces (``static/workspace.js``): Enter in ``#chat-input`` clicks 发送;
typing in ``#draft-editor`` clicks the hidden ``#live-go`` 300 ms after the last key; a
card's button writes a JSON action into the hidden ``#ui-action`` and clicks
``#ui-action-go``.  The chat input is cleared in the browser when it is sent (the text
travels through the hidden ``#pending-input``), so what is typed while a check runs stays.
The live check never writes the editor back (the user is typing in it).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant.ui import chat, editor
from assistant.ui.approval import decide
from assistant.ui.chat import NEED_KEYS
from assistant.ui.context import ChatContext
from assistant.ui.handlers import MODES, NEED_LABELS, AssistantServices, SessionSettings
from assistant.ui.pane import PaneView, pane_view
from assistant.ui.prefs import to_prefs
from assistant.ui.render import e
from assistant.ui.tabs import login_name

NEED_HINTS = {
    "annualized_rate": "例如 7.2%-18%",
    "official_url": "例如 https://www.mingde-bank.com",
    "compliant_return_figure": "例如 3.5%",
    "signature": "例如 明德银行",
    "placeholder_value": "模板变量的实际内容",
}
EXAMPLES = [
    "【明德银行】尊享理财，预期年化收益3%，稳赚不赔！回T退订",
    "【捷贷消费金融】借款3分钟到账，日息0.03%。回T退订",
    "营销短信每月最多发几条？",
]
MODE_CHOICES = [("自动识别", "auto"), ("只审核", "review"), ("审核并改写", "rewrite"), ("提问", "ask")]
SEND_HINT = "Enter 发送 · Shift+Enter 换行（输入法选字时 Enter 不发送）"


#: One lock per browser session (most recent sessions kept): the events that change a
#: session's conversation run one after another, in the order they were sent.  Without it
#: a message sent while the previous one was still being rewritten finished first, and the
#: earlier message's last step then overwrote the workspace with the older draft.
_SESSION_LOCKS: OrderedDict[str, threading.Lock] = OrderedDict()
_SESSION_LOCKS_GUARD = threading.Lock()
_MAX_SESSION_LOCKS = 4096


def session_lock(request: gr.Request | None) -> threading.Lock:
    """The lock of ``request``'s session (one shared lock when Gradio gives no session)."""
    key = str(getattr(request, "session_hash", None) or "-")
    with _SESSION_LOCKS_GUARD:
        lock = _SESSION_LOCKS.pop(key, None) or threading.Lock()
        _SESSION_LOCKS[key] = lock
        while len(_SESSION_LOCKS) > _MAX_SESSION_LOCKS:
            oldest, held = next(iter(_SESSION_LOCKS.items()))
            if held.locked():
                break
            del _SESSION_LOCKS[oldest]
    return lock


@dataclass(frozen=True)
class WorkspaceTab:
    """What the page needs from this tab: the reviewer box (filled with the login) and the mode."""

    reviewer: gr.Textbox
    mode: gr.Radio


def note_html(text: str) -> str:
    if not text:
        return ""
    cls = "refused" if text.startswith("提示：") else "notice"
    return f'<div class="{cls}">{e(text)}</div>'


def switch_update(ctx: ChatContext) -> Any:
    intent = ctx.last_intent
    if intent is None:
        return gr.update(visible=False)
    label = "识别有误？改为按问题回答" if intent.kind == "sms" else "识别有误？改为按草稿审核"
    return gr.update(visible=True, value=label)


def build_workspace_tab(services: AssistantServices, session: gr.State, prefs: Any) -> WorkspaceTab:
    """The tab; ``prefs`` is the page's ``gr.BrowserState`` (the chat mode is saved there)."""
    with gr.Tab("工作台", id="workspace", elem_id="tab-workspace"):
        ctx_state = gr.State(ChatContext())
        shown_hash = gr.State("")  # the hash the approval panel shows: a decision must match it
        with gr.Row(elem_id="workspace-row", equal_height=False):
            with gr.Column(scale=5, min_width=330, elem_id="chat-pane"):
                chatbot = gr.Chatbot(
                    elem_id="chat",
                    show_label=False,
                    label="对话",
                    height=420,
                    latex_delimiters=[],
                    buttons=[],
                    feedback_options=("Like", "Dislike"),
                    placeholder="粘贴一条短信草稿即可审核并改写（结果在右侧“当前草稿”）；也可以提问，如“营销短信每月最多发几条？”",
                )
                switch_btn = gr.Button(visible=False, size="sm", elem_id="intent-switch")
                mode = gr.Radio(
                    choices=MODE_CHOICES, value="auto", label="模式", show_label=False, elem_id="mode"
                )
                chat_input = gr.Textbox(
                    lines=2,
                    max_lines=6,
                    label="短信草稿或问题",
                    show_label=False,
                    placeholder="粘贴短信草稿，或输入合规问题……",
                    elem_id="chat-input",
                )
                with gr.Row(equal_height=True):
                    gr.Markdown(SEND_HINT, elem_id="send-hint")
                    clear_btn = gr.Button("清空对话", size="sm", elem_id="clear-btn", scale=0, min_width=80)
                    send_btn = gr.Button(
                        "发送", variant="primary", elem_id="send-btn", scale=0, min_width=100
                    )
                gr.Examples(examples=[[x] for x in EXAMPLES], inputs=[chat_input], label="示例")
                pending = gr.Textbox(label="待发送", visible="hidden", elem_id="pending-input")
            with gr.Column(scale=6, min_width=330, elem_id="draft-pane"):
                with gr.Column(elem_id="draft-top"):
                    head = gr.HTML(elem_id="draft-head")
                    draft_editor = gr.Textbox(
                        label="当前草稿（可直接编辑，边写边检查）",
                        lines=2,
                        max_lines=8,
                        elem_id="draft-editor",
                    )
                    with gr.Row():
                        review_btn = gr.Button(
                            "审核并改写",
                            size="sm",
                            variant="primary",
                            elem_id="review-btn",
                            scale=0,
                            min_width=110,
                        )
                        undo_btn = gr.Button("撤销", size="sm", elem_id="undo-btn", scale=0, min_width=70)
                    preview = gr.HTML(elem_id="draft-view")
                    note = gr.HTML(elem_id="pane-note", visible=False)
                cards = gr.HTML(elem_id="cards")
                versions = gr.HTML(elem_id="versions")
                with gr.Group(visible=False, elem_id="needs-form") as needs_group:
                    gr.Markdown("**补充信息**：改写需要草稿中没有的事实，请如实填写（补充后仍可修改再改写）")
                    need_fields = [
                        gr.Textbox(
                            label=NEED_LABELS[k],
                            placeholder=NEED_HINTS.get(k, ""),
                            visible=False,
                            elem_id=f"need-{k}",
                        )
                        for k in NEED_KEYS
                    ]
                    needs_errors = gr.HTML(elem_id="needs-errors")
                    with gr.Row():
                        refill_btn = gr.Button("补充后重新改写", variant="primary", elem_id="needs-submit")
                        remove_btn = gr.Button("改为删除该内容", visible=False, elem_id="needs-remove")
                with gr.Group(visible=False, elem_id="approve-panel") as approve_group:
                    gr.Markdown("**审批**：批准或驳回的是下面这段确切的文本")
                    target_dd = gr.Dropdown(choices=[], label="审批对象", elem_id="approve-target")
                    approve_preview = gr.HTML(elem_id="approve-preview")
                    reviewer = gr.Textbox(label="审核人", elem_id="reviewer")
                    approve_reason = gr.Textbox(
                        label="理由（驳回、批准仍有错误的文本、推翻先前决定时必填）", elem_id="approve-reason"
                    )
                    supersede = gr.Checkbox(label="推翻此文本先前的决定", value=False, elem_id="supersede")
                    with gr.Row():
                        approve_btn = gr.Button("批准", variant="primary", elem_id="approve-btn")
                        reject_btn = gr.Button("驳回", variant="stop", elem_id="reject-btn")
                    approve_msg = gr.Markdown(elem_id="approve-msg")
                action_box = gr.Textbox(label="操作", visible="hidden", elem_id="ui-action")
                action_go = gr.Button("执行", visible="hidden", elem_id="ui-action-go")
                live_go = gr.Button("检查", visible="hidden", elem_id="live-go")

    # ------------------------------------------------------------------ the pane
    pane_parts = [
        head,
        preview,
        note,
        cards,
        versions,
        needs_group,
        *need_fields,
        needs_errors,
        remove_btn,
        approve_group,
        target_dd,
        approve_preview,
        shown_hash,
    ]

    def pane_updates(view: PaneView, *, values: bool) -> list[Any]:
        """Updates for ``pane_parts``; the form's values only when asked (the user may be typing)."""
        out: list[Any] = [
            gr.update(value=view.head),
            gr.update(value=view.preview),
            gr.update(value=note_html(view.note), visible=bool(view.note)),
            gr.update(value=view.cards),
            gr.update(value=view.versions),
            gr.update(visible=bool(view.needs)),
        ]
        for k in NEED_KEYS:
            if values:
                out.append(gr.update(visible=k in view.needs, value=view.needs_values.get(k, "")))
            else:
                out.append(gr.update(visible=k in view.needs))
        out += [
            gr.update(value=view.needs_errors),
            gr.update(visible=view.remove_instead is not None),
            gr.update(visible=view.can_approve),
            gr.update(choices=view.targets, value=view.target),
            gr.update(value=view.approval),
            view.approval_hash,
        ]
        return out

    def pane(
        ctx: ChatContext, sess: SessionSettings, target: str | None, *, values: bool = False
    ) -> list[Any]:
        return pane_updates(pane_view(services, ctx, sess, target), values=values)

    # ------------------------------------------------------------------ chat
    chat_outputs = [chatbot, ctx_state, draft_editor, switch_btn, *pane_parts]

    def stream(
        ctx: ChatContext, sess: SessionSettings, target: str | None, steps: Iterator[ChatContext]
    ) -> Iterator[list[Any]]:
        shown = False
        for step in steps:
            shown = True
            yield [
                step.messages,
                step,
                step.draft,
                switch_update(step),
                *pane(step, sess, target, values=True),
            ]
        if not shown:  # nothing to do (blank input): leave everything as it is
            yield [gr.update(), ctx, gr.update(), gr.update(), *pane(ctx, sess, target)]

    def on_send(
        text: str,
        mode_value: str,
        ctx: ChatContext,
        sess: SessionSettings,
        target: str | None,
        request: gr.Request,
    ) -> Iterator[list[Any]]:
        with session_lock(request):
            yield from stream(ctx, sess, target, chat.send(services, ctx, sess, text, mode_value))

    def on_switch(
        ctx: ChatContext, sess: SessionSettings, target: str | None, request: gr.Request
    ) -> Iterator[list[Any]]:
        with session_lock(request):
            yield from stream(ctx, sess, target, chat.switch_intent(services, ctx, sess))

    def on_review(
        text: str, ctx: ChatContext, sess: SessionSettings, target: str | None, request: gr.Request
    ) -> Iterator[list[Any]]:
        with session_lock(request):
            steps = chat.review_draft(services, ctx, sess, text or "", rewrite=True, forced=True)
            yield from stream(ctx, sess, target, steps)

    def on_clear(ctx: ChatContext) -> list[Any]:
        ctx.messages, ctx.question, ctx.answer, ctx.last_input, ctx.last_intent = [], "", "", "", None
        return [[], ctx, gr.update(visible=False)]

    def on_refill(
        ctx: ChatContext, sess: SessionSettings, target: str | None, request: gr.Request, *values: str
    ) -> Iterator[list[Any]]:
        # (the request before the field values: Gradio injects it only as a positional parameter)
        facts = dict(zip(NEED_KEYS, values, strict=True))
        with session_lock(request):
            yield from stream(ctx, sess, target, chat.refill(services, ctx, sess, facts))

    send_inputs = [pending, mode, ctx_state, session, target_dd]
    # The input is taken and cleared in the browser (instant), then sent: typing goes on meanwhile.
    take = "(text) => [text, '']"
    # "multiple": a message sent while the previous one is still being rewritten is queued, not dropped
    for trigger in (send_btn.click, chat_input.submit):
        trigger(
            None, [chat_input], [pending, chat_input], js=take, queue=False, trigger_mode="multiple"
        ).then(on_send, send_inputs, chat_outputs, show_progress="hidden", trigger_mode="multiple")
    switch_btn.click(on_switch, [ctx_state, session, target_dd], chat_outputs, show_progress="hidden")
    review_btn.click(
        on_review, [draft_editor, ctx_state, session, target_dd], chat_outputs, show_progress="hidden"
    )
    clear_btn.click(on_clear, [ctx_state], [chatbot, ctx_state, switch_btn], queue=False)
    refill_btn.click(
        on_refill, [ctx_state, session, target_dd, *need_fields], chat_outputs, show_progress="hidden"
    )

    # ------------------------------------------------------------------ editor
    # Typing changes the draft's check and what can be approved, nothing else: the live
    # check redraws only those parts (fewer outputs, a faster round trip).
    live_parts = [head, preview, note, cards, approve_group, target_dd, approve_preview, shown_hash]

    def on_live(text: str, ctx: ChatContext, sess: SessionSettings, target: str | None) -> list[Any]:
        ctx = editor.live_check(services, ctx, sess, text)
        view = pane_view(services, ctx, sess, target)
        return [
            ctx,
            gr.update(value=view.head),
            gr.update(value=view.preview),
            gr.update(value=note_html(view.note), visible=bool(view.note)),
            gr.update(value=view.cards),
            gr.update(visible=view.can_approve),
            gr.update(choices=view.targets, value=view.target),
            gr.update(value=view.approval),
            view.approval_hash,
        ]

    live_go.click(
        on_live,
        [draft_editor, ctx_state, session, target_dd],
        [ctx_state, *live_parts],
        show_progress="hidden",
        trigger_mode="always_last",
        queue=False,
    )

    editor_outputs = [ctx_state, draft_editor, *pane_parts]

    def on_action(
        payload: str,
        text: str,
        ctx: ChatContext,
        sess: SessionSettings,
        target: str | None,
        request: gr.Request,
    ) -> list[Any]:
        ctx = editor.act(services, ctx, sess, payload, editor_text=text, login=login_name(request))
        return [ctx, ctx.draft, *pane(ctx, sess, target)]

    action_go.click(
        on_action,
        [action_box, draft_editor, ctx_state, session, target_dd],
        editor_outputs,
        show_progress="hidden",
        queue=False,
    )

    def on_undo(ctx: ChatContext, sess: SessionSettings, target: str | None) -> list[Any]:
        ctx = editor.undo(services, ctx, sess)
        return [ctx, ctx.draft, *pane(ctx, sess, target)]

    undo_btn.click(on_undo, [ctx_state, session, target_dd], editor_outputs, show_progress="hidden")

    def on_remove(ctx: ChatContext, sess: SessionSettings, target: str | None) -> list[Any]:
        view = pane_view(services, ctx, sess, target)
        payload = f'{{"op": "use", "v": {view.remove_instead or 0}}}'
        ctx = editor.act(services, ctx, sess, payload)
        return [ctx, ctx.draft, *pane(ctx, sess, target)]

    remove_btn.click(on_remove, [ctx_state, session, target_dd], editor_outputs, show_progress="hidden")

    # ------------------------------------------------------------------ approval
    def on_target(ctx: ChatContext, sess: SessionSettings, target: str | None) -> list[Any]:
        return pane(ctx, sess, target)

    target_dd.input(on_target, [ctx_state, session, target_dd], pane_parts, show_progress="hidden")

    def decider(decision: str) -> Callable[..., list[Any]]:
        def on_decide(
            ctx: ChatContext,
            sess: SessionSettings,
            target: str | None,
            who: str,
            why: str,
            overrule: bool,
            expected: str,
            request: gr.Request,
        ) -> list[Any]:
            message = decide(
                services,
                ctx,
                sess,
                decision=decision,
                target=target,
                reviewer=who,
                reason=why,
                supersede=overrule,
                expected_hash=expected,
                login=login_name(request),
            )
            return [message, gr.update(value=False), *pane(ctx, sess, target)]

        return on_decide

    decide_inputs = [ctx_state, session, target_dd, reviewer, approve_reason, supersede, shown_hash]
    decide_outputs = [approve_msg, supersede, *pane_parts]
    approve_btn.click(decider("approved"), decide_inputs, decide_outputs, show_progress="hidden")
    reject_btn.click(decider("rejected"), decide_inputs, decide_outputs, show_progress="hidden")

    # ------------------------------------------------------------------ thumbs on chat messages
    def on_like(ctx: ChatContext, data: gr.LikeData, request: gr.Request) -> None:
        index = data.index if isinstance(data.index, int) else data.index[0]
        note_text = chat.rate_message(
            services, ctx, index=index, liked=data.liked in (True, "Like"), login=login_name(request)
        )
        gr.Info(note_text, title="提示")

    chatbot.like(on_like, [ctx_state], None)

    def on_mode(value: str, sess: SessionSettings) -> tuple[SessionSettings, dict[str, Any]]:
        sess.mode = value if value in MODES else "auto"
        return sess, to_prefs(sess)

    mode.input(on_mode, [mode, session], [session, prefs], queue=False)
    return WorkspaceTab(reviewer=reviewer, mode=mode)
