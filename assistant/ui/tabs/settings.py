"""The 设置 tab: sender profile, rule selection and rewrite options, kept per browser.

Every change is saved in the page's ``gr.BrowserState`` (:mod:`assistant.ui.prefs`) and
restored on the next visit; ``.input`` events (the user's own changes) are used, so
restoring the values on load does not fire them again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.ui.handlers import (
    MAX_VARIANTS,
    AssistantServices,
    SessionSettings,
    apply_rule_settings,
    profile_choices,
    select_profile,
    upload_profile,
)
from assistant.ui.prefs import to_prefs
from assistant.ui.tabs.header import profile_chip


@dataclass(frozen=True)
class SettingsTab:
    """The components the page restores from the browser on load, in :meth:`values` order."""

    profile: gr.Dropdown
    select: gr.Dropdown
    ignore: gr.Dropdown
    variants: gr.Slider
    auto_rewrite: gr.Checkbox
    advisory: gr.Checkbox
    summary: gr.Markdown

    @property
    def components(self) -> list[Any]:
        return [
            self.profile,
            self.select,
            self.ignore,
            self.variants,
            self.auto_rewrite,
            self.advisory,
            self.summary,
        ]

    @staticmethod
    def values(services: AssistantServices, sess: SessionSettings, notes: list[str]) -> list[Any]:
        labels = {c.split(" ")[0]: c for c in services.rule_choices()}
        summary = sess.describe() + ("\n\n提示：" + "；".join(notes) if notes else "")
        return [
            gr.update(value=sess.profile_name),
            gr.update(value=[labels.get(c, c) for c in sess.select]),
            gr.update(value=[labels.get(c, c) for c in sess.ignore]),
            gr.update(value=sess.variants),
            gr.update(value=sess.auto_rewrite),
            gr.update(value=sess.advisory),
            gr.update(value=summary),
        ]


def build_settings_tab(
    services: AssistantServices, session: gr.State, prefs: Any, chip: gr.HTML
) -> SettingsTab:
    with gr.Tab("设置", id="settings", elem_id="tab-settings"):
        gr.Markdown("设置保存在本浏览器中，刷新或下次打开时自动恢复。")
        with gr.Row():
            profile_dd = gr.Dropdown(
                choices=profile_choices(),
                value="",
                label="发送方档案（启用签名、链接、资质等规则）",
                elem_id="profile-select",
            )
            profile_file = gr.File(
                label="或上传档案（TOML 文件）", file_types=[".toml"], type="filepath", elem_id="profile-file"
            )
        rules = services.rule_choices()
        select_dd = gr.Dropdown(
            choices=rules, multiselect=True, label="只启用这些规则（留空为全部）", elem_id="rules-select"
        )
        ignore_dd = gr.Dropdown(choices=rules, multiselect=True, label="忽略这些规则", elem_id="rules-ignore")
        with gr.Row():
            variants_n = gr.Slider(1, MAX_VARIANTS, value=3, step=1, label="改写版本数", elem_id="variants-n")
            auto_rw = gr.Checkbox(value=True, label="提交草稿时自动改写", elem_id="auto-rewrite")
            advisory = gr.Checkbox(
                value=False,
                label="附大模型参考意见（误导、语气、清晰度）",
                visible=services.llm,
                elem_id="advisory",
            )
        settings_md = gr.Markdown(SessionSettings().describe(), elem_id="settings-summary")

    def saved(sess: SessionSettings, text: str) -> tuple[SessionSettings, str, dict[str, Any], str]:
        return sess, text, to_prefs(sess), profile_chip(sess)

    def on_profile(sess: SessionSettings, name: str | None) -> tuple[Any, ...]:
        return saved(*select_profile(sess, name))

    def on_profile_upload(path: str | None, sess: SessionSettings) -> tuple[Any, ...]:
        sess, text, taken = upload_profile(sess, path, Path(path).name if path else "")
        return (*saved(sess, text), gr.update(value="") if taken else gr.update())

    def on_rules(
        selected: list[str], ignored: list[str], n: float, auto: bool, adv: bool, sess: SessionSettings
    ) -> tuple[Any, ...]:
        return saved(
            *apply_rule_settings(
                sess, selected=selected, ignored=ignored, variants=n, auto_rewrite=auto, advisory=adv
            )
        )

    outputs = [session, settings_md, prefs, chip]
    profile_dd.input(on_profile, [session, profile_dd], outputs)
    profile_file.upload(on_profile_upload, [profile_file, session], [*outputs, profile_dd])
    rule_inputs = [select_dd, ignore_dd, variants_n, auto_rw, advisory, session]
    for comp in (select_dd, ignore_dd, auto_rw, advisory):
        comp.input(on_rules, rule_inputs, outputs)
    variants_n.release(on_rules, rule_inputs, outputs)
    return SettingsTab(profile_dd, select_dd, ignore_dd, variants_n, auto_rw, advisory, settings_md)
