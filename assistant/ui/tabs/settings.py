"""The 设置 tab: sender profile, rule selection and rewrite options, for this browser session only."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.ui.handlers import (
    MAX_VARIANTS,
    AssistantServices,
    SessionSettings,
    apply_rule_settings,
    select_profile,
    shipped_profiles,
    upload_profile,
)


def build_settings_tab(services: AssistantServices, session: gr.State) -> None:
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
        ignore_dd = gr.Dropdown(choices=rules, multiselect=True, label="忽略这些规则", elem_id="rules-ignore")
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

    def on_profile_upload(path: str | None, sess: SessionSettings) -> tuple[SessionSettings, str, Any]:
        sess, text, taken = upload_profile(sess, path)
        return sess, text, gr.update(value="") if taken else gr.update()

    def on_rules(
        selected: list[str], ignored: list[str], n: float, auto: bool, adv: bool, sess: SessionSettings
    ) -> tuple[SessionSettings, str]:
        return apply_rule_settings(
            sess, selected=selected, ignored=ignored, variants=n, auto_rewrite=auto, advisory=adv
        )

    profile_dd.change(select_profile, [session, profile_dd], [session, settings_md])
    profile_file.upload(on_profile_upload, [profile_file, session], [session, settings_md, profile_dd])
    rule_inputs = [select_dd, ignore_dd, variants_n, auto_rw, advisory, session]
    for comp in (select_dd, ignore_dd, variants_n, auto_rw, advisory):
        comp.change(on_rules, rule_inputs, [session, settings_md])
