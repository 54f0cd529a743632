"""The page header: title, the banner stating which engine answers, the active profile chip."""

from __future__ import annotations

import gradio as gr

from assistant.ui.handlers import AssistantServices, SessionSettings
from assistant.ui.render import e

TITLE = "金融营销短信合规助手"


def profile_chip(session: SessionSettings) -> str:
    """Which sender profile is active: profile rules (signature, links, licences) depend on it."""
    if session.profile_data is None:
        return '<span class="chip" id="profile-chip-text">发送方档案：未使用（签名、链接、资质规则按通用标准）</span>'
    return (
        f'<span class="chip profile-on" id="profile-chip-text">发送方档案：{e(session.profile_label)}</span>'
    )


def build_header(services: AssistantServices) -> gr.HTML:
    """The header; returns the profile chip, which the settings redraw."""
    with gr.Row(elem_id="header"):
        gr.HTML(
            f'<div style="display:flex;flex-wrap:wrap;align-items:center;gap:10px">'
            f'<h1 class="app-title">{TITLE}</h1>{services.banner_html()}</div>',
            elem_id="banner",
        )
        chip = gr.HTML(profile_chip(SessionSettings()), elem_id="profile-chip")
    return chip
