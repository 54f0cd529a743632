"""The 审核历史 tab: search and export past decisions; false-positive reports as candidate exemptions."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.ui.feedback import EXEMPTION_COLUMNS, REVIEW_COLUMNS
from assistant.ui.handlers import AssistantServices
from assistant.ui.history import exemption_candidates, search_history


def build_history_tab(services: AssistantServices) -> None:
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

    def on_history(query: str, decision: str, since: str, until: str) -> list[Any]:
        view = search_history(services.feedback, query=query, decision=decision, since=since, until=until)
        return [
            view.message,
            gr.update() if view.rows is None else gr.update(value=view.rows),
            _download(view.export),
        ]

    def on_exemptions() -> list[Any]:
        rows, path = exemption_candidates(services.feedback)
        return [gr.update(value=rows), _download(path)]

    h_inputs = [h_query, h_decision, h_since, h_until]
    h_outputs = [h_msg, h_table, h_export]
    h_search.click(on_history, h_inputs, h_outputs)
    h_query.submit(on_history, h_inputs, h_outputs)
    ex_refresh.click(on_exemptions, None, [ex_table, ex_export])
    history_tab.select(on_history, h_inputs, h_outputs).then(on_exemptions, None, [ex_table, ex_export])


def _download(path: Any) -> Any:
    """A download button showing ``path``, or hidden when there is nothing to download."""
    return gr.update(value=str(path), visible=True) if path is not None else gr.update(visible=False)
