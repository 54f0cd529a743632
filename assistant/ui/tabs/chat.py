"""The 对话 tab: the chat on the left, the result panel (variants, needs form, approval, thumbs) right.

On a wide screen the columns sit side by side; on a phone they stack.  The conversation
lives in ``gr.State`` as a :class:`~assistant.ui.chat.ChatContext` (plain dicts with
string content), never read back from the Chatbot, so what is stored is exactly what
:mod:`assistant.ui.chat` wrote.  Gradio 6 specifics: chat messages are
``{"role", "content", "metadata"}`` dicts (``metadata.title`` makes a collapsible
message, used for an answer's sources) and the copy button is ``Textbox(buttons=["copy"])``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant.rewrite.offline import NEEDS_LABELS
from assistant.ui import chat
from assistant.ui.chat import NEED_KEYS, PANEL_PLACEHOLDER, ChatContext
from assistant.ui.handlers import MAX_VARIANTS, AssistantServices, SessionSettings
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
    "【明德银行】推荐一只牛股，明天必涨停！回T退订",
    "营销短信每月最多发几条？",
]


@dataclass(frozen=True)
class ChatTab:
    """What the page needs from this tab: the reviewer box, filled with the login on load."""

    reviewer: gr.Textbox


def panel_updates(ctx: ChatContext) -> list[Any]:
    """Updates for the panel's components, in :func:`build_chat_tab`'s output order."""
    p = chat.panel_state(ctx)
    out: list[Any] = [gr.update(value=p.status)]
    for i in range(MAX_VARIANTS):
        if i < len(p.variants):
            v = p.variants[i]
            out += [
                gr.update(visible=True),
                gr.update(value=v.meta),
                gr.update(value=v.text),
                gr.update(value=v.diff_html),
            ]
        else:
            out += [gr.update(visible=False), gr.update(value=""), gr.update(value=""), gr.update(value="")]
    out.append(gr.update(visible=bool(p.needs)))
    out += [gr.update(visible=key in p.needs, value=p.facts[key]) for key in NEED_KEYS]
    out.append(gr.update(choices=p.targets, value=p.target))
    out.append(gr.update(choices=p.feedback, value=p.feedback_target))
    return out


def build_chat_tab(services: AssistantServices, session: gr.State) -> ChatTab:
    with gr.Tab("对话", id="chat", elem_id="tab-chat"), gr.Row(equal_height=False):
        ctx_state = gr.State(ChatContext())
        with gr.Column(scale=3, min_width=320):
            chatbot = gr.Chatbot(
                elem_id="chat",
                label="对话",
                height=520,
                latex_delimiters=[],
                buttons=["copy"],
                feedback_options=("Like", "Dislike"),
                placeholder="粘贴一条短信草稿即可审核并改写；也可以提问，如“营销短信每月最多发几条？”",
            )
            mode = gr.Radio(
                choices=[("自动识别", "auto"), ("审核", "review"), ("改写", "rewrite"), ("提问", "ask")],
                value="auto",
                label="模式",
                elem_id="mode",
            )
            draft = gr.Textbox(
                lines=3,
                max_lines=10,
                label="短信草稿或问题",
                placeholder="粘贴短信草稿，或输入合规问题……",
                elem_id="draft-input",
            )
            with gr.Row():
                send = gr.Button("发送", variant="primary", elem_id="send-btn")
                clear = gr.Button("清空对话", elem_id="clear-btn")
            gr.Examples(examples=[[x] for x in EXAMPLES], inputs=[draft], label="示例")
        with gr.Column(scale=2, min_width=300):
            status_md = gr.Markdown(PANEL_PLACEHOLDER, elem_id="result-status")
            variant_parts: list[Any] = []
            for i in range(1, MAX_VARIANTS + 1):
                with gr.Group(visible=False, elem_id=f"variant-{i}") as group:
                    meta = gr.Markdown(elem_classes=["variant-meta"])
                    box = gr.Textbox(
                        label=f"版本 {i}",
                        lines=2,
                        interactive=False,
                        buttons=["copy"],
                        elem_id=f"variant-{i}-text",
                    )
                    diff = gr.HTML(elem_id=f"variant-{i}-diff")
                variant_parts += [group, meta, box, diff]
            with gr.Group(visible=False, elem_id="needs-form") as needs_group:
                gr.Markdown("**补充信息**：改写需要草稿中没有的事实，请如实填写")
                need_fields = [
                    gr.Textbox(
                        label=NEEDS_LABELS[k],
                        placeholder=NEED_HINTS.get(k, ""),
                        visible=False,
                        elem_id=f"need-{k}",
                    )
                    for k in NEED_KEYS
                ]
                refill = gr.Button("补充后重新改写", variant="primary", elem_id="needs-submit")
            with gr.Accordion("审批", open=True, elem_id="approve-box"):
                target_dd = gr.Dropdown(
                    choices=["草稿"], value="草稿", label="审批对象", elem_id="approve-target"
                )
                reviewer = gr.Textbox(label="审核人", elem_id="reviewer")
                approve_reason = gr.Textbox(label="理由（驳回必填）", elem_id="approve-reason")
                with gr.Row():
                    approve_btn = gr.Button("批准", variant="primary", elem_id="approve-btn")
                    reject_btn = gr.Button("驳回", variant="stop", elem_id="reject-btn")
                approve_msg = gr.Markdown(elem_id="approve-msg")
            with gr.Accordion("反馈（有用 / 误报）", open=False, elem_id="feedback-box"):
                fb_target = gr.Dropdown(choices=[], label="反馈对象（回答或某条发现）", elem_id="fb-target")
                fb_rating = gr.Radio(
                    choices=[("有用 / 正确", "up"), ("误报 / 无用", "down")],
                    value="down",
                    label="评价",
                    elem_id="fb-rating",
                )
                fb_reason = gr.Textbox(label="理由", elem_id="fb-reason")
                fb_btn = gr.Button("提交反馈", elem_id="fb-submit")
                fb_msg = gr.Markdown(elem_id="fb-msg")

    # Every streaming event refreshes the chat, clears the input box and redraws the panel.
    panel_outputs = [status_md, *variant_parts, needs_group, *need_fields, target_dd, fb_target]
    chat_outputs = [chatbot, draft, ctx_state, *panel_outputs]

    def stream(ctx: ChatContext, steps: Iterator[ChatContext]) -> Iterator[list[Any]]:
        shown = False
        for step in steps:
            shown = True
            yield [step.messages, "", step, *panel_updates(step)]
        if not shown:  # nothing to do (blank input, no draft): leave chat and input as they are
            yield [gr.update(), gr.update(), ctx, *panel_updates(ctx)]

    def on_send(text: str, mode_value: str, ctx: ChatContext, sess: SessionSettings) -> Iterator[list[Any]]:
        yield from stream(ctx, chat.send(services, ctx, sess, text, mode_value))

    def on_clear() -> list[Any]:
        ctx = ChatContext()
        return [[], "", ctx, *panel_updates(ctx)]

    def on_refill(ctx: ChatContext, sess: SessionSettings, *values: str) -> Iterator[list[Any]]:
        facts = dict(zip(NEED_KEYS, values, strict=True))
        yield from stream(ctx, chat.refill(services, ctx, sess, facts))

    send.click(on_send, [draft, mode, ctx_state, session], chat_outputs, show_progress="hidden")
    draft.submit(on_send, [draft, mode, ctx_state, session], chat_outputs, show_progress="hidden")
    clear.click(on_clear, None, chat_outputs)
    refill.click(on_refill, [ctx_state, session, *need_fields], chat_outputs)

    def decider(decision: str) -> Callable[..., str]:
        def on_decide(
            ctx: ChatContext, sess: SessionSettings, target: str, who: str, why: str, request: gr.Request
        ) -> str:
            return chat.decide(
                services,
                ctx,
                sess,
                decision=decision,
                target=target,
                reviewer=who,
                reason=why,
                login=login_name(request),
            )

        return on_decide

    decide_inputs = [ctx_state, session, target_dd, reviewer, approve_reason]
    approve_btn.click(decider("approved"), decide_inputs, approve_msg)
    reject_btn.click(decider("rejected"), decide_inputs, approve_msg)

    def on_feedback(ctx: ChatContext, target: str | None, rating: str, why: str, request: gr.Request) -> str:
        return chat.rate(services, ctx, target=target, rating=rating, reason=why, login=login_name(request))

    def on_like(ctx: ChatContext, why: str, data: gr.LikeData, request: gr.Request) -> str:
        index = data.index if isinstance(data.index, int) else data.index[0]
        note = chat.rate_message(
            services,
            ctx,
            index=index,
            liked=data.liked in (True, "Like"),
            reason=why,
            login=login_name(request),
        )
        gr.Info(note)  # a toast: the feedback panel may be collapsed
        return note

    fb_btn.click(on_feedback, [ctx_state, fb_target, fb_rating, fb_reason], fb_msg)
    chatbot.like(on_like, [ctx_state, fb_reason], fb_msg)
    return ChatTab(reviewer=reviewer)
