"""Helpers for the browser tests (kept out of ``conftest.py``: ``import conftest`` is ambiguous here)."""

from __future__ import annotations

from typing import Any


def open_page(browser: Any, url: str, width: int, height: int) -> tuple[Any, Any, list[str]]:
    """A fresh context (own Gradio session) and page; records any request that leaves 127.0.0.1."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="zh-CN", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    outside: list[str] = []

    def watch(request: Any) -> None:
        u = request.url
        if not u.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            outside.append(u)

    page.on("request", watch)
    page.goto(url)
    page.wait_for_selector("#draft-input textarea")
    return context, page, outside
