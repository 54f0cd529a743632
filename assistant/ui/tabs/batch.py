"""The 批量审核 tab: upload a file, watch the progress, read the table, download the reports."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.ui.handlers import AssistantServices, SessionSettings, check_upload

#: Gradio recognises a progress tracker by a ``gr.Progress`` default argument.
BATCH_PROGRESS = gr.Progress()


def build_batch_tab(services: AssistantServices, session: gr.State) -> None:
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
                    choices=[("自动识别", "auto"), ("逐条检查", "check"), ("发送计划（CMP）", "campaign")],
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

    def on_batch(
        path: str | None, how: str, sess: SessionSettings, progress: gr.Progress = BATCH_PROGRESS
    ) -> list[Any]:
        def report(done: int, total: int, desc: str) -> None:
            progress((done, total), desc=desc, unit="行")

        view = check_upload(services, sess, path, how, progress=report)
        outcome = view.outcome
        if outcome is None:
            hidden = gr.update(visible=False)
            return [view.message, hidden, hidden, hidden, gr.update(value=None)]
        return [
            view.message,
            *(gr.update(value=str(outcome.files[kind]), visible=True) for kind in ("csv", "xlsx", "html")),
            gr.update(
                value=view.table, headers=outcome.display_columns, column_widths=outcome.display_widths
            ),
        ]

    batch_run.click(
        on_batch,
        [batch_file, batch_mode, session],
        [batch_summary, dl_csv, dl_xlsx, dl_html, batch_table],
        concurrency_limit=2,
    )
