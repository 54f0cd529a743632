"""The Gradio 6 Blocks app: chat, batch, history and settings tabs, all in simplified Chinese.

This module only wires components to :mod:`assistant.ui.handlers`; behaviour lives there
and is unit-tested without a browser.  Gradio 6 specifics used here (checked against
6.31): chat messages are ``{"role", "content", "metadata"}`` dicts (``metadata.title``
makes a collapsible message, used for the answer's sources), the copy button is
``Textbox(buttons=["copy"])``, and ``theme``/``css`` are arguments of ``launch()``.

Layout: on a wide screen the chat sits left and the result panel (variants with copy
buttons and diffs, the needs-input form, approve/reject, thumbs) right; on a phone the
columns stack.  The chat history lives in ``gr.State`` (plain dicts with string content),
never read back from the Chatbot, so what is stored is exactly what the handlers wrote.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr  # assistant/ui/__init__.py has already disabled its analytics

from assistant import labels as zh
from assistant.checker.models import CheckResult
from assistant.errors import AssistantError
from assistant.rewrite.offline import NEEDS_LABELS
from assistant.ui import render
from assistant.ui.batch import run_batch, validate_upload
from assistant.ui.feedback import EXEMPTION_COLUMNS, REVIEW_COLUMNS, FeedbackStore
from assistant.ui.handlers import (
    MAX_VARIANTS,
    AssistantServices,
    RewriteOutcome,
    SessionSettings,
    UnsafeVariantError,
    choose_profile,
    feedback_targets,
    find_target,
    parse_codes,
    resolve_mode,
    shipped_profiles,
)

TITLE = "金融营销短信合规助手"
#: Gradio recognises a progress tracker by a ``gr.Progress`` default argument.
BATCH_PROGRESS = gr.Progress()
NEED_KEYS = list(NEEDS_LABELS)
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


def _user_msg(text: str) -> dict[str, Any]:
    # Escaped and wrapped so markdown (稳*赚*), LaTeX ($) or HTML in a draft show verbatim.
    return {
        "role": "user",
        "content": f'<div class="rv-text">{render.e(text).replace(chr(10), "<br>")}</div>',
    }


def _bot(content: str, **metadata: Any) -> dict[str, Any]:
    msg: dict[str, Any] = {"role": "assistant", "content": content}
    if metadata:
        msg["metadata"] = metadata
    return msg


def _login(request: gr.Request | None) -> str:
    return str(getattr(request, "username", "") or "") if request is not None else ""


# ------------------------------------------------------------------------------ panel


def panel_updates(ctx: ChatContext) -> list[Any]:
    """Updates for the right-hand panel from the context: status, variants, needs form, choices."""
    out: list[Any] = []
    rw = ctx.rewrite
    status = ""
    if ctx.review is not None:
        r = ctx.review
        status = f"**审核**：{zh.VERDICT_ZH[r.verdict]} · {render.kind_text(r)} · {r.length} 字 · {r.segments} 条短信"
    if rw is not None:
        status += f"\n\n**改写**：{zh.STATUS_ZH.get(rw.status, rw.status)}（{rw.engine_label}）"
        if rw.status in ("refused", "failed", "needs_input") and rw.reason:
            status += f"\n\n{rw.reason}"
    out.append(gr.update(value=status or "提交一条短信草稿后，这里显示改写版本、审批与反馈。"))
    views = rw.variants if rw is not None else []
    for i in range(MAX_VARIANTS):
        if i < len(views):
            v = views[i]
            out += [
                gr.update(visible=True),
                gr.update(value=v.meta + ("\n\n修改：" + "；".join(v.changes) if v.changes else "")),
                gr.update(value=v.text),
                gr.update(value=v.diff_html),
            ]
        else:
            out += [gr.update(visible=False), gr.update(value=""), gr.update(value=""), gr.update(value="")]
    needs = dict(rw.needs) if rw is not None and rw.status == "needs_input" else {}
    out.append(gr.update(visible=bool(needs)))
    for key in NEED_KEYS:
        out.append(gr.update(visible=key in needs, value=(rw.facts.get(key, "") if rw is not None else "")))
    targets = ["草稿"] + [f"版本 {v.index}" for v in views]
    out.append(gr.update(choices=targets, value=("版本 1" if views else "草稿")))
    fb = feedback_targets(ctx.review, ctx.question if ctx.answer else "")
    out.append(gr.update(choices=fb, value=(fb[0] if fb else None)))
    return out


# ------------------------------------------------------------------------------ build


def build_app(services: AssistantServices) -> gr.Blocks:
    """Build the Blocks app around ``services`` (one per server process)."""
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        session = gr.State(SessionSettings())
        ctx_state = gr.State(ChatContext())

        with gr.Row(elem_id="header"):
            gr.HTML(
                f'<div style="display:flex;flex-wrap:wrap;align-items:center;gap:12px">'
                f'<h2 style="margin:0">{TITLE}</h2>{services.banner_html()}</div>',
                elem_id="banner",
            )

        with gr.Tabs(elem_id="tabs") as tabs:
            # ------------------------------------------------------------------ chat
            with gr.Tab("对话", id="chat", elem_id="tab-chat"), gr.Row(equal_height=False):
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
                        choices=[
                            ("自动识别", "auto"),
                            ("审核", "review"),
                            ("改写", "rewrite"),
                            ("提问", "ask"),
                        ],
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
                    status_md = gr.Markdown(
                        "提交一条短信草稿后，这里显示改写版本、审批与反馈。", elem_id="result-status"
                    )
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
                        fb_target = gr.Dropdown(
                            choices=[], label="反馈对象（回答或某条发现）", elem_id="fb-target"
                        )
                        fb_rating = gr.Radio(
                            choices=[("有用 / 正确", "up"), ("误报 / 无用", "down")],
                            value="down",
                            label="评价",
                            elem_id="fb-rating",
                        )
                        fb_reason = gr.Textbox(label="理由", elem_id="fb-reason")
                        fb_btn = gr.Button("提交反馈", elem_id="fb-submit")
                        fb_msg = gr.Markdown(elem_id="fb-msg")

            # ------------------------------------------------------------------ batch
            with gr.Tab("批量审核", id="batch", elem_id="tab-batch"):
                gr.Markdown(
                    "上传 .csv / .xlsx / .jsonl / .txt（CSV 可为 UTF-8、带 BOM 的 UTF-8 或 GBK；短信列名 text 或“短信内容”）。"
                    "含 recipient 与 send_time 列的发送计划会额外做 CMP 跨短信检查（频率、时段、重复），号码脱敏显示。"
                )
                with gr.Row():
                    batch_file = gr.File(
                        label="上传文件",
                        file_types=[".csv", ".xlsx", ".jsonl", ".txt"],
                        type="filepath",
                        elem_id="batch-file",
                    )
                    with gr.Column():
                        batch_mode = gr.Radio(
                            choices=[
                                ("自动识别", "auto"),
                                ("逐条检查", "check"),
                                ("发送计划（CMP）", "campaign"),
                            ],
                            value="auto",
                            label="检查方式",
                            elem_id="batch-mode",
                        )
                        batch_run = gr.Button("开始检查", variant="primary", elem_id="batch-run")
                batch_summary = gr.Markdown(elem_id="batch-summary")
                with gr.Row():
                    dl_csv = gr.DownloadButton("下载 CSV", visible=False, elem_id="dl-csv")
                    dl_xlsx = gr.DownloadButton("下载 Excel", visible=False, elem_id="dl-xlsx")
                    dl_html = gr.DownloadButton("下载 HTML 报告", visible=False, elem_id="dl-html")
                batch_table = gr.Dataframe(
                    headers=["行号", "短信内容", "判定", "发现"],
                    column_widths=["7%", "38%", "9%", "46%"],
                    wrap=True,
                    interactive=False,
                    max_height=520,
                    elem_id="batch-table",
                    label="审核结果",
                )

            # ------------------------------------------------------------------ history
            with gr.Tab("审核历史", id="history", elem_id="tab-history") as history_tab:
                with gr.Row():
                    h_query = gr.Textbox(label="搜索（文本、审核人、理由、规则）", elem_id="history-query")
                    h_decision = gr.Radio(
                        choices=[("全部", ""), ("批准", "approved"), ("驳回", "rejected")],
                        value="",
                        label="决定",
                    )
                    h_since = gr.Textbox(label="起始日期", placeholder="YYYY-MM-DD")
                    h_until = gr.Textbox(label="截止日期", placeholder="YYYY-MM-DD")
                with gr.Row():
                    h_search = gr.Button("搜索", variant="primary", elem_id="history-search")
                    h_export = gr.DownloadButton("导出 CSV", visible=False, elem_id="history-export")
                h_msg = gr.Markdown(elem_id="history-msg")
                h_table = gr.Dataframe(
                    headers=list(REVIEW_COLUMNS),
                    column_widths=["10%", "7%", "5%", "7%", "20%", "17%", "6%", "8%", "10%", "6%", "4%"],
                    wrap=True,
                    interactive=False,
                    max_height=480,
                    elem_id="history-table",
                    label="审核记录",
                )
                gr.Markdown("### 误报候选（供合规负责人评估豁免）\n由“误报 / 无用”反馈按规则与证据汇总。")
                with gr.Row():
                    ex_refresh = gr.Button("刷新", elem_id="exemptions-refresh")
                    ex_export = gr.DownloadButton("导出 CSV", visible=False, elem_id="exemptions-export")
                ex_table = gr.Dataframe(
                    headers=list(EXEMPTION_COLUMNS),
                    wrap=True,
                    interactive=False,
                    elem_id="exemptions-table",
                    label="误报候选",
                )

            # ------------------------------------------------------------------ settings
            with gr.Tab("设置", id="settings", elem_id="tab-settings"):
                gr.Markdown("设置只对当前浏览器会话有效。")
                with gr.Row():
                    profile_dd = gr.Dropdown(
                        choices=[("不使用发送方档案", "")] + [(p, p) for p in shipped_profiles()],
                        value="",
                        label="发送方档案（启用签名、链接、资质等规则）",
                        elem_id="profile-select",
                    )
                    profile_file = gr.File(label="或上传档案 TOML", file_types=[".toml"], type="filepath")
                rules = services.rule_choices()
                select_dd = gr.Dropdown(
                    choices=rules,
                    multiselect=True,
                    label="只启用这些规则（留空为全部）",
                    elem_id="rules-select",
                )
                ignore_dd = gr.Dropdown(
                    choices=rules, multiselect=True, label="忽略这些规则", elem_id="rules-ignore"
                )
                with gr.Row():
                    variants_n = gr.Slider(
                        1,
                        MAX_VARIANTS,
                        value=3,
                        step=1,
                        label="改写版本数",
                        info="离线引擎只给出 1 个（机械修改只有一种结果）",
                    )
                    auto_rw = gr.Checkbox(value=True, label="提交草稿时自动改写")
                    advisory = gr.Checkbox(
                        value=False, label="附大模型参考意见（误导、语气、清晰度）", visible=services.llm
                    )
                settings_md = gr.Markdown(SessionSettings().describe(), elem_id="settings-summary")

        # ====================================================================== events
        panel_outputs = [status_md, *variant_parts, needs_group, *need_fields, target_dd, fb_target]
        chat_outputs = [chatbot, draft, ctx_state, *panel_outputs]

        def on_send(
            text: str, mode_value: str, ctx: ChatContext, sess: SessionSettings, request: gr.Request
        ) -> Iterator[list[Any]]:
            text = (text or "").strip()
            if not text:
                yield [gr.update(), gr.update(), ctx, *panel_updates(ctx)]
                return
            action, intent = resolve_mode(mode_value, text)
            ctx.messages.append(_user_msg(text))
            if action == "ask":
                yield from _ask(text, intent, ctx, sess)
                return
            try:
                outcome = services.review(text, sess, intent=intent)
            except AssistantError as exc:
                ctx.messages.append(_bot(f"提示：{render.e(exc)}"))
                yield [ctx.messages, "", ctx, *panel_updates(ctx)]
                return
            ctx.draft, ctx.review, ctx.rewrite = text, outcome.result, None
            ctx.messages.append(_bot(outcome.html))
            do_rewrite = action == "rewrite" and (mode_value == "rewrite" or sess.auto_rewrite)
            if do_rewrite and outcome.result.findings:
                ctx.messages.append(_bot('<div class="muted">正在改写……</div>'))
            yield [ctx.messages, "", ctx, *panel_updates(ctx)]
            if sess.advisory and services.llm:
                notes = services.advisory(text, sess)
                if notes:
                    items = "".join(
                        f"<li>{render.e(n['category_label'])}：{render.e(n['note'])}"
                        f"{('（建议：' + render.e(n['suggestion']) + '）') if n.get('suggestion') else ''}</li>"
                        for n in notes
                    )
                    ctx.messages.append(
                        _bot(f'<div class="rv"><b>大模型参考意见</b>（不影响结论）<ul>{items}</ul></div>')
                    )
            if not do_rewrite:
                yield [ctx.messages, "", ctx, *panel_updates(ctx)]
                return
            if not outcome.result.findings:
                ctx.messages.append(_bot('<div class="muted">原稿未发现问题，无需改写。</div>'))
                yield [ctx.messages, "", ctx, *panel_updates(ctx)]
                return
            yield from _rewrite_into(ctx, sess, {}, replace_last=True)

        def _rewrite_into(
            ctx: ChatContext, sess: SessionSettings, facts: dict[str, str], *, replace_last: bool
        ) -> Iterator[list[Any]]:
            try:
                rw = services.rewrite(ctx.draft, sess, facts=facts)
                ctx.rewrite = rw
                card = rw.html()
            except UnsafeVariantError as exc:
                ctx.rewrite = None
                card = f'<div class="refused">内部错误：{render.e(exc)}</div>'
            except AssistantError as exc:
                ctx.rewrite = None
                card = f'<div class="refused">{render.e(exc)}</div>'
            if replace_last and ctx.messages and "正在改写" in str(ctx.messages[-1].get("content", "")):
                ctx.messages[-1] = _bot(card)
            else:
                ctx.messages.append(_bot(card))
            yield [ctx.messages, "", ctx, *panel_updates(ctx)]

        def _ask(text: str, intent: Any, ctx: ChatContext, sess: SessionSettings) -> Iterator[list[Any]]:
            note = (
                f'<div class="muted">识别为{intent.label}（{intent.reason}）</div>'
                if intent is not None
                else ""
            )
            ctx.messages.append(_bot(note + '<div class="muted">正在检索知识库……</div>'))
            idx = len(ctx.messages) - 1
            yield [ctx.messages, "", ctx, *panel_updates(ctx)]
            try:
                for upd in services.ask(text, sess):
                    body = upd.answer or f'<div class="muted">{render.e(upd.status or "……")}</div>'
                    if upd.notice:
                        body = f'<div class="muted">{render.e(upd.notice)}</div>\n\n' + body
                    if upd.done:
                        engine = (
                            f"大模型 {upd.model} 作答"
                            if upd.engine == "llm"
                            else "离线检索答案（未使用大模型）"
                        )
                        tail = f'\n\n<span class="muted">模式：{render.e(engine)} · 来源 {len(upd.sources)} 条，点开下方查看原文</span>'
                        if upd.removed_citations:
                            nums = "、".join(f"[{n}]" for n in upd.removed_citations)
                            tail += f'\n\n<span class="muted">已移除引用了未检索到的来源的标注：{nums}</span>'
                        ctx.messages[idx] = _bot(note + "\n\n" + body + tail)
                        for src in upd.sources:
                            ctx.messages.append(
                                _bot(render.source_body(src), title=render.source_title(src), status="done")
                            )
                        ctx.question, ctx.answer, ctx.answer_engine = text, upd.answer, upd.engine
                    else:
                        ctx.messages[idx] = _bot(note + "\n\n" + body)
                    yield [ctx.messages, "", ctx, *panel_updates(ctx)]
            except Exception as exc:
                ctx.messages[idx] = _bot(f'<div class="refused">无法回答：{render.e(exc)}</div>')
                yield [ctx.messages, "", ctx, *panel_updates(ctx)]

        send.click(on_send, [draft, mode, ctx_state, session], chat_outputs, show_progress="hidden")
        draft.submit(on_send, [draft, mode, ctx_state, session], chat_outputs, show_progress="hidden")

        def on_clear() -> list[Any]:
            ctx = ChatContext()
            return [[], "", ctx, *panel_updates(ctx)]

        clear.click(on_clear, None, chat_outputs)

        def on_refill(ctx: ChatContext, sess: SessionSettings, *values: str) -> Iterator[list[Any]]:
            if not ctx.draft:
                yield [ctx.messages, gr.update(), ctx, *panel_updates(ctx)]
                return
            facts = {k: v for k, v in zip(NEED_KEYS, values, strict=True) if v and v.strip()}
            shown = "，".join(f"{NEEDS_LABELS[k]}：{v}" for k, v in facts.items()) or "（未填写）"
            ctx.messages.append({"role": "user", "content": f"补充信息：{render.e(shown)}"})
            yield from _rewrite_into(ctx, sess, facts, replace_last=False)

        refill.click(on_refill, [ctx_state, session, *need_fields], chat_outputs)

        def on_decide(decision: str) -> Callable[..., str]:
            def fn(
                ctx: ChatContext, sess: SessionSettings, target: str, who: str, why: str, request: gr.Request
            ) -> str:
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
                        reviewer=who or _login(request),
                        reason=why,
                        target="variant" if variant_no else "draft",
                        draft=ctx.draft,
                        variant_text=variant_text,
                        variant=variant_no,
                        session=sess,
                        engine=ctx.rewrite.engine_label if ctx.rewrite is not None else "",
                        login=_login(request),
                    )
                except AssistantError as exc:
                    return f"提示：{exc}"
                verb = "已批准" if decision == "approved" else "已驳回"
                return f"{verb}（{review.reviewer}，{review.ts[:19].replace('T', ' ')} UTC，编号 {review.id}），可在“审核历史”中查看。"

            return fn

        decide_inputs = [ctx_state, session, target_dd, reviewer, approve_reason]
        approve_btn.click(on_decide("approved"), decide_inputs, approve_msg)
        reject_btn.click(on_decide("rejected"), decide_inputs, approve_msg)

        def on_feedback(
            ctx: ChatContext, target: str | None, rating: str, why: str, request: gr.Request
        ) -> str:
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
                    reason=why or "",
                    detail={"start": finding.start, "end": finding.end, "severity": finding.severity},
                    login=_login(request),
                )
            else:
                services.feedback.record_feedback(
                    rating=value,
                    target="answer",
                    text=ctx.question,
                    reason=why or "",
                    detail={"answer": ctx.answer, "engine": ctx.answer_engine},
                    login=_login(request),
                )
            return "已记录反馈，谢谢。" + (
                "误报会列入“审核历史 → 误报候选”。" if value < 0 and finding else ""
            )

        fb_btn.click(on_feedback, [ctx_state, fb_target, fb_rating, fb_reason], fb_msg)

        def on_like(ctx: ChatContext, why: str, data: gr.LikeData, request: gr.Request) -> str:
            index = data.index if isinstance(data.index, int) else data.index[0]
            msg = ctx.messages[index] if 0 <= index < len(ctx.messages) else {}
            liked = data.liked in (True, "Like")
            services.feedback.record_feedback(
                rating=1 if liked else -1,
                target="message",
                text=str(msg.get("content", ""))[:4000],
                reason=why or "",
                detail={"index": index, "draft": ctx.draft, "question": ctx.question},
                login=_login(request),
            )
            note = (
                "已记录对该条消息的"
                + ("赞" if liked else "踩")
                + ("；可在右侧“反馈”中选择具体发现并填写理由" if not why else "")
            )
            gr.Info(note)  # a toast: the feedback panel may be collapsed
            return note

        chatbot.like(on_like, [ctx_state, fb_reason], fb_msg)

        # -------------------------------------------------------------- batch events
        def on_batch(
            path: str | None, how: str, sess: SessionSettings, progress: gr.Progress = BATCH_PROGRESS
        ) -> list[Any]:
            hidden = gr.update(visible=False)
            try:
                p = validate_upload(path)

                def report(done: int, total: int, desc: str) -> None:
                    progress((done, total), desc=desc, unit="行")

                outcome = run_batch(
                    p,
                    checker=services.checker(sess),
                    settings=services.settings_for(sess),
                    profile=sess.profile(),
                    progress=report,
                    campaign=None if how == "auto" else how == "campaign",
                )
            except AssistantError as exc:
                return [f"提示：{exc}", hidden, hidden, hidden, gr.update(value=None)]
            shown = outcome.table()
            note = (
                "" if len(shown) == outcome.total else f"\n\n表格显示前 {len(shown)} 行，完整结果见下载文件。"
            )
            table = gr.update(
                value=shown, headers=outcome.display_columns, column_widths=outcome.display_widths
            )
            return [
                outcome.summary().replace("\n", "\n\n") + note,
                gr.update(value=str(outcome.files["csv"]), visible=True),
                gr.update(value=str(outcome.files["xlsx"]), visible=True),
                gr.update(value=str(outcome.files["html"]), visible=True),
                table,
            ]

        batch_run.click(
            on_batch,
            [batch_file, batch_mode, session],
            [batch_summary, dl_csv, dl_xlsx, dl_html, batch_table],
            concurrency_limit=2,
        )

        # -------------------------------------------------------------- history events
        def on_history(query: str, decision: str, since: str, until: str) -> list[Any]:
            try:
                reviews = services.feedback.reviews(
                    query=query or "", decision=decision or "", since=since or "", until=until or ""
                )
            except ValueError as exc:
                return [f"提示：{exc}", gr.update(), gr.update(visible=False)]
            path = _export_file("reviews", FeedbackStore.reviews_csv(reviews))
            return [
                f"共 {len(reviews)} 条审核记录",
                gr.update(value=[r.row() for r in reviews]),
                gr.update(value=str(path), visible=bool(reviews)),
            ]

        h_inputs = [h_query, h_decision, h_since, h_until]
        h_outputs = [h_msg, h_table, h_export]
        h_search.click(on_history, h_inputs, h_outputs)
        h_query.submit(on_history, h_inputs, h_outputs)

        def on_exemptions() -> list[Any]:
            rows = services.feedback.candidate_exemptions()
            path = _export_file("exemption-candidates", FeedbackStore.exemptions_csv(rows))
            return [gr.update(value=rows), gr.update(value=str(path), visible=bool(rows))]

        ex_refresh.click(on_exemptions, None, [ex_table, ex_export])
        history_tab.select(on_history, h_inputs, h_outputs).then(on_exemptions, None, [ex_table, ex_export])

        # -------------------------------------------------------------- settings events
        def on_profile(name: str, sess: SessionSettings) -> tuple[SessionSettings, str]:
            try:
                sess = choose_profile(sess, name or None)
            except AssistantError as exc:
                return sess, f"提示：{exc}\n\n{sess.describe()}"
            return sess, sess.describe()

        def on_profile_upload(path: str | None, sess: SessionSettings) -> tuple[SessionSettings, str, Any]:
            if not path:
                return sess, sess.describe(), gr.update()
            try:
                sess = choose_profile(sess, path, label=Path(path).name)
            except AssistantError as exc:
                return sess, f"提示：{exc}\n\n{sess.describe()}", gr.update()
            return sess, sess.describe(), gr.update(value="")

        def on_rules(
            selected: list[str], ignored: list[str], n: float, auto: bool, adv: bool, sess: SessionSettings
        ) -> tuple[SessionSettings, str]:
            sess.select, sess.ignore = parse_codes(selected), parse_codes(ignored)
            sess.variants, sess.auto_rewrite, sess.advisory = int(n), bool(auto), bool(adv)
            return sess, sess.describe()

        profile_dd.change(on_profile, [profile_dd, session], [session, settings_md])
        profile_file.upload(on_profile_upload, [profile_file, session], [session, settings_md, profile_dd])
        rule_inputs = [select_dd, ignore_dd, variants_n, auto_rw, advisory, session]
        for comp in (select_dd, ignore_dd, variants_n, auto_rw, advisory):
            comp.change(on_rules, rule_inputs, [session, settings_md])

        def on_load(request: gr.Request) -> Any:
            return gr.update(value=_login(request))

        demo.load(on_load, None, reviewer, show_progress="hidden")
        del tabs
    return demo


def _export_file(stem: str, text: str) -> Path:
    """A CSV (UTF-8 with BOM for Excel) in a fresh temp folder, for a download button."""
    folder = Path(tempfile.mkdtemp(prefix="assistant-export-"))
    path = folder / f"{stem}.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path


def theme() -> Any:
    """The default theme with system CJK fonts: nothing is fetched from a font CDN."""
    fonts = [
        gr.themes.Font(n)
        for n in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC")
    ]
    return gr.themes.Default(
        primary_hue="indigo",
        font=[*fonts, "system-ui", "sans-serif"],
        font_mono=[gr.themes.Font("Noto Sans Mono CJK SC"), "ui-monospace", "monospace"],
    )


def launch(
    demo: gr.Blocks,
    *,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: Any = None,
    max_file_size: str | int | None = "10mb",
    prevent_thread_lock: bool = False,
    quiet: bool = False,
) -> Any:
    """Serve ``demo``: local only by default, no share link, no SSR (no Node), no analytics."""
    demo.queue(default_concurrency_limit=4)
    return demo.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        auth_message=f"{TITLE}：请输入管理员分配的账号和密码",
        max_file_size=max_file_size,
        share=False,
        show_error=True,
        ssr_mode=False,
        pwa=False,
        mcp_server=False,
        enable_monitoring=False,
        footer_links=[],
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        theme=theme(),
        css=render.CSS,
    )


def close_quietly(demo: gr.Blocks) -> None:
    with contextlib.suppress(Exception):
        demo.close()
