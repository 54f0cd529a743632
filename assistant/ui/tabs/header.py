"""The page header: title and the banner stating which engine answers (offline or a model)."""

from __future__ import annotations

import gradio as gr

from assistant.ui.handlers import AssistantServices

TITLE = "金融营销短信合规助手"


def build_header(services: AssistantServices) -> None:
    with gr.Row(elem_id="header"):
        gr.HTML(
            f'<div style="display:flex;flex-wrap:wrap;align-items:center;gap:12px">'
            f'<h2 style="margin:0">{TITLE}</h2>{services.banner_html()}</div>',
            elem_id="banner",
        )
