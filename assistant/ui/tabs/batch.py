"""The 批量审核 tab: upload, map the columns (with a preview), check, read the table, download.

A new upload clears the previous results at once (table, summary, downloads), so nothing
on screen can be mistaken for the new file's results.  The reading and checking are
:mod:`assistant.ui.batch`'s; this module only moves values between components.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from assistant.ui.batch import ROLES, BatchOutcome, UploadPreview, batch_error, inspect_upload, run_batch
from assistant.ui.handlers import AssistantServices, SessionSettings
from assistant.ui.render import e

#: Gradio recognises a progress tracker by a ``gr.Progress`` default argument.
BATCH_PROGRESS = gr.Progress()
HOW = [("自动识别", "auto"), ("逐条检查", "check"), ("发送计划（含跨短信检查）", "campaign")]
#: What the result area shows before a check (an empty value would leave the old one on screen).
EMPTY = '<div class="muted"></div>'


def _message(text: str) -> str:
    cls = "refused" if text.startswith("提示：") else "notice"
    return f'<div class="{cls}">{e(text)}</div>' if text else ""


def build_batch_tab(services: AssistantServices, session: gr.State) -> None:
    with gr.Tab("批量审核", id="batch", elem_id="tab-batch"):
        gr.Markdown(
            "上传 .csv / .xlsx / .jsonl / .txt 文件（自动识别 UTF-8、UTF-16、GBK、Big5 编码），"
            "确认各列的含义后开始检查。含收件人与发送时间的发送计划会额外检查发送频率、时段与重复发送，号码脱敏显示。"
        )
        preview_state = gr.State(None)
        outcome_state = gr.State(None)
        with gr.Row():
            batch_file = gr.File(
                label="上传文件",
                file_types=[".csv", ".xlsx", ".jsonl", ".txt"],
                type="filepath",
                elem_id="batch-file",
            )
            with gr.Column():
                batch_mode = gr.Radio(choices=HOW, value="auto", label="检查方式", elem_id="batch-mode")
                consent_file = gr.File(
                    label="同意名单（可选，发送计划用：收件人、同意状态、时间）",
                    file_types=[".csv", ".xlsx", ".jsonl"],
                    type="filepath",
                    elem_id="consent-file",
                )
        upload_msg = gr.HTML(elem_id="batch-upload-msg")
        with gr.Group(visible=False, elem_id="batch-mapping") as mapping_group:
            gr.Markdown("**列的含义**：请确认每一项对应文件中的哪一列")
            with gr.Row():
                role_dds = [
                    gr.Dropdown(choices=[], label=label, elem_id=f"map-{role}", allow_custom_value=False)
                    for role, label in ROLES.items()
                ]
            preview_html = gr.HTML(elem_id="batch-preview")
        batch_run = gr.Button("开始检查", variant="primary", elem_id="batch-run")
        batch_summary = gr.HTML(EMPTY, elem_id="batch-summary")
        with gr.Row():
            dl_csv = gr.DownloadButton("下载 CSV", visible=False, elem_id="dl-csv")
            dl_xlsx = gr.DownloadButton("下载 Excel", visible=False, elem_id="dl-xlsx")
            dl_html = gr.DownloadButton("下载网页报告", visible=False, elem_id="dl-html")
        rule_filter = gr.Dropdown(
            choices=[], label="按规则筛选", visible=False, elem_id="rule-filter", allow_custom_value=False
        )
        batch_table = gr.HTML(elem_id="batch-table", visible=False)

    hidden = gr.update(visible=False)
    cleared = [
        None,  # outcome
        gr.update(value=EMPTY),  # summary
        hidden,
        hidden,
        hidden,
        gr.update(visible=False),  # rule filter (its choices are replaced by the next run)
        gr.update(visible=False),  # table: hidden until the next run fills it
    ]
    result_outputs = [outcome_state, batch_summary, dl_csv, dl_xlsx, dl_html, rule_filter, batch_table]

    def on_upload(path: str | None) -> list[Any]:
        """A new file: forget the old results, show the preview and the column mapping."""
        if not path:
            return [
                None,
                gr.update(value=""),
                hidden,
                gr.update(value=""),
                *[gr.update() for _ in ROLES],
                *cleared,
            ]
        name = Path(path).name
        try:
            preview = inspect_upload(path, name)
        except Exception as exc:
            return [
                None,
                _message(batch_error(exc, name)),
                hidden,
                gr.update(value=EMPTY),
                *[gr.update() for _ in ROLES],
                *cleared,
            ]
        choices = [("（无）", "")] + [(c, c) for c in preview.columns if c]
        roles = [
            gr.update(choices=choices, value=preview.guess.get(role, ""), interactive=preview.mappable)
            for role in ROLES
        ]
        note = f"已读取「{name}」" + (f"，编码 {preview.encoding}" if preview.encoding else "")
        if preview.campaign:
            note += "；含收件人与发送时间列，将按发送计划检查"
        return [preview, _message(note), gr.update(visible=True), preview.preview_html(), *roles, *cleared]

    batch_file.change(
        on_upload,
        [batch_file],
        [preview_state, upload_msg, mapping_group, preview_html, *role_dds, *result_outputs],
    )

    def on_batch(
        path: str | None,
        how: str,
        consent: str | None,
        preview: UploadPreview | None,
        sess: SessionSettings,
        *mapped: str,
        progress: gr.Progress = BATCH_PROGRESS,
    ) -> list[Any]:
        if not path or preview is None:
            return [None, _message("提示：请先上传文件"), hidden, hidden, hidden, cleared[5], cleared[6]]
        name = preview.name
        columns = dict(zip(ROLES, mapped, strict=True)) if preview.mappable else {}
        if preview.mappable and not columns.get("text"):
            return [
                None,
                _message("提示：请选择“短信内容”对应的列"),
                hidden,
                hidden,
                hidden,
                cleared[5],
                cleared[6],
            ]

        def report(done: int, total: int, desc: str) -> None:
            progress((done, total), desc=desc, unit="行")

        campaign = None if how == "auto" else how == "campaign"
        if campaign is None and preview.mappable:
            campaign = bool(columns.get("recipient") and columns.get("send_time"))
        try:
            outcome = run_batch(
                path,
                assistant=services.session(sess),
                progress=report,
                campaign=campaign,
                name=name,
                columns=columns,
                consent=consent if campaign else None,
                consent_name=Path(consent).name if consent else "",
            )
        except Exception as exc:
            return [None, _message(batch_error(exc, name)), hidden, hidden, hidden, cleared[5], cleared[6]]
        codes = outcome.rule_codes()
        return [
            outcome,
            _summary_html(outcome),
            *(gr.update(value=str(outcome.files[kind]), visible=True) for kind in ("csv", "xlsx", "html")),
            gr.update(visible=bool(codes), choices=[("全部规则", "")] + [(c, c) for c in codes], value=""),
            gr.update(value=outcome.table_html(), visible=True),
        ]

    batch_run.click(
        on_batch,
        [batch_file, batch_mode, consent_file, preview_state, session, *role_dds],
        result_outputs,
        concurrency_limit=2,
    )

    def on_filter(outcome: BatchOutcome | None, rule: str | None) -> str:
        return outcome.table_html(rule=rule or "") if outcome is not None else ""

    rule_filter.input(on_filter, [outcome_state, rule_filter], [batch_table])


def _summary_html(outcome: BatchOutcome) -> str:
    lines = outcome.summary().splitlines()
    c = outcome.counts
    chips = (
        f'<span class="verdict fail">不通过 {c["fail"]}</span> '
        f'<span class="verdict review">需复核 {c["review"]}</span> '
        f'<span class="verdict pass">通过 {c["pass"]}</span>'
    )
    rest = "".join(f'<div class="muted">{e(line)}</div>' for line in lines[1:])
    return f'<div class="rv"><div>{chips}</div><div>{e(lines[0])}</div>{rest}</div>'
