"""The 审核历史 tab: search and export past decisions; false-positive reports as candidate exemptions.

Times are shown in the configured zone (``[ui] timezone``, Beijing time by default); the
tables become cards on a phone (:mod:`assistant.ui.tables`).
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.ui.handlers import AssistantServices
from assistant.ui.history import exemption_candidates, exemptions_html, search_history


def build_history_tab(services: AssistantServices) -> None:
    with gr.Tab("审核历史", id="history", elem_id="tab-history") as history_tab:
        with gr.Row():
            h_query = gr.Textbox(label="搜索（文本、审核人、理由、规则）", elem_id="history-query")
            h_decision = gr.Radio(
                choices=[("全部", ""), ("批准", "approved"), ("驳回", "rejected")],
                value="",
                label="决定",
            )
        with gr.Row():
            h_since = gr.Textbox(label=f"起始日期（{services.tz_label}）", placeholder="例如 2025-01-31")
            h_until = gr.Textbox(label=f"截止日期（{services.tz_label}）", placeholder="例如 2025-12-31")
        with gr.Row():
            h_search = gr.Button("搜索", variant="primary", elem_id="history-search")
            h_export = gr.DownloadButton("导出 CSV", visible=False, elem_id="history-export")
        h_msg = gr.Markdown(elem_id="history-msg")
        h_table = gr.HTML(elem_id="history-table")
        gr.Markdown("### 误报候选（供合规负责人评估豁免）\n由工作台中“误报”反馈按规则与证据汇总。")
        with gr.Row():
            ex_refresh = gr.Button("刷新", elem_id="exemptions-refresh")
            ex_export = gr.DownloadButton("导出 CSV", visible=False, elem_id="exemptions-export")
        ex_table = gr.HTML(elem_id="exemptions-table")

    def on_history(query: str, decision: str, since: str, until: str) -> list[Any]:
        view = search_history(
            services.feedback, query=query, decision=decision, since=since, until=until, tz=services.tz
        )
        return [
            view.message,
            gr.update() if view.html is None else gr.update(value=view.html),
            _download(view.export),
        ]

    def on_exemptions() -> list[Any]:
        try:
            rows, path = exemption_candidates(services.feedback, services.tz)
        except ValueError as exc:
            return [gr.update(value=f'<div class="refused">提示：{exc}</div>'), _download(None)]
        return [gr.update(value=exemptions_html(rows)), _download(path)]

    h_inputs = [h_query, h_decision, h_since, h_until]
    h_outputs = [h_msg, h_table, h_export]
    quiet: dict[str, Any] = {"show_progress": "hidden"}
    h_search.click(on_history, h_inputs, h_outputs, **quiet)
    h_query.submit(on_history, h_inputs, h_outputs, **quiet)
    ex_refresh.click(on_exemptions, None, [ex_table, ex_export], **quiet)
    history_tab.select(on_history, h_inputs, h_outputs, **quiet).then(
        on_exemptions, None, [ex_table, ex_export], **quiet
    )


def _download(path: Any) -> Any:
    """A download button showing ``path``, or hidden when there is nothing to download."""
    return gr.update(value=str(path), visible=True) if path is not None else gr.update(visible=False)
