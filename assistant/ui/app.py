"""The Gradio 6 Blocks app: the header and the four tabs, all in simplified Chinese.

Each tab is built by its own module under :mod:`assistant.ui.tabs`, which only wires
components to browser-free functions (:mod:`assistant.ui.chat`, :mod:`assistant.ui.history`,
:mod:`assistant.ui.handlers`); behaviour lives there and is unit-tested without a browser.
This module assembles the page and serves it.  In Gradio 6 ``theme`` and ``css`` are
arguments of ``launch()``, not of ``Blocks``.
"""

from __future__ import annotations

import contextlib
from typing import Any

import gradio as gr  # assistant/ui/__init__.py has already disabled its analytics

from assistant.ui import render
from assistant.ui.handlers import AssistantServices, SessionSettings
from assistant.ui.tabs import login_name
from assistant.ui.tabs.batch import build_batch_tab
from assistant.ui.tabs.chat import build_chat_tab
from assistant.ui.tabs.header import TITLE, build_header
from assistant.ui.tabs.history import build_history_tab
from assistant.ui.tabs.settings import build_settings_tab


def build_app(services: AssistantServices) -> gr.Blocks:
    """Build the Blocks app around ``services`` (one per server process)."""
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        session = gr.State(SessionSettings())  # per browser session, shared by the tabs
        build_header(services)
        with gr.Tabs(elem_id="tabs"):
            chat = build_chat_tab(services, session)
            build_batch_tab(services, session)
            build_history_tab(services)
            build_settings_tab(services, session)

        def on_load(request: gr.Request) -> Any:
            return gr.update(value=login_name(request))

        demo.load(on_load, None, chat.reviewer, show_progress="hidden")
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
    )


def close_quietly(demo: gr.Blocks) -> None:
    with contextlib.suppress(Exception):
        demo.close()
