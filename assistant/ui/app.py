"""The Gradio 6 Blocks app: the header and the four tabs, all in simplified Chinese.

Each tab is built by its own module under :mod:`assistant.ui.tabs`, which only wires
components to browser-free functions (:mod:`assistant.ui.chat`, :mod:`assistant.ui.editor`,
:mod:`assistant.ui.pane`, :mod:`assistant.ui.history`, :mod:`assistant.ui.handlers`);
behaviour lives there and is unit-tested without a browser.  This module assembles the
page, restores the per-browser settings (``gr.BrowserState``) on load, and serves it.  In
Gradio 6 ``theme``, ``css`` and ``head`` are arguments of ``launch()``, not of ``Blocks``;
``head`` carries ``static/workspace.js``, which also makes Gradio's own strings Chinese.
"""

from __future__ import annotations

import contextlib
import hashlib
from typing import Any

import gradio as gr  # assistant/ui/__init__.py has already disabled its analytics

from assistant.ui import render
from assistant.ui.handlers import AssistantServices, SessionSettings
from assistant.ui.prefs import PREFS_KEY, from_prefs, to_prefs
from assistant.ui.tabs import login_name
from assistant.ui.tabs.batch import build_batch_tab
from assistant.ui.tabs.header import TITLE, build_header, profile_chip
from assistant.ui.tabs.history import build_history_tab
from assistant.ui.tabs.settings import SettingsTab, build_settings_tab
from assistant.ui.tabs.workspace import build_workspace_tab


def _prefs_secret(services: AssistantServices) -> str:
    """A stable key for the saved settings, so they survive a server restart.

    The settings are not secret (a profile name, rule codes, a number); the key only has to
    stay the same for one deployment, so it is derived from where its data lives.
    """
    where = str(services.feedback.path or "") + "|" + str(services.config or "")
    return hashlib.sha256(f"{PREFS_KEY}|{where}".encode()).hexdigest()[:32]


def build_app(services: AssistantServices) -> gr.Blocks:
    """Build the Blocks app around ``services`` (one per server process)."""
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        session = gr.State(SessionSettings())  # per browser tab, shared by the tabs
        prefs = gr.BrowserState(
            to_prefs(SessionSettings()), storage_key=PREFS_KEY, secret=_prefs_secret(services)
        )
        chip = build_header(services)
        with gr.Tabs(elem_id="tabs"):
            workspace = build_workspace_tab(services, session, prefs)
            build_batch_tab(services, session)
            build_history_tab(services)
            settings = build_settings_tab(services, session, prefs, chip)

        codes = services.rule_codes()

        def on_load(saved: Any, request: gr.Request) -> list[Any]:
            sess, notes = from_prefs(saved, known_codes=codes)
            return [
                sess,
                profile_chip(sess),
                gr.update(value=sess.mode),
                gr.update(value=login_name(request)),
                *SettingsTab.values(services, sess, notes),
            ]

        demo.load(
            on_load,
            [prefs],
            [session, chip, workspace.mode, workspace.reviewer, *settings.components],
            show_progress="hidden",
        )
    return demo


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
    app_kwargs: dict[str, Any] | None = None,
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
        app_kwargs=app_kwargs,
        theme=theme(),
        css=render.CSS,
        head=render.HEAD,
    )


def close_quietly(demo: gr.Blocks) -> None:
    with contextlib.suppress(Exception):
        demo.close()
