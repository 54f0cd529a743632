"""The Gradio layer of the web UI: one builder per tab, plus the page header.

Each builder creates its tab's components inside the caller's ``gr.Blocks`` and wires
their events to browser-free functions (:mod:`assistant.ui.chat`,
:mod:`assistant.ui.history`, :mod:`assistant.ui.handlers`); an event body here only
moves values between components and those functions.  The per-session settings
(``gr.State`` of :class:`~assistant.ui.handlers.SessionSettings`) are created once by
:func:`assistant.ui.app.build_app` and shared by the tabs.
"""

from __future__ import annotations

from typing import Any


def login_name(request: Any) -> str:
    """The logged-in user's name (``gr.Request.username``), or "" without login."""
    return str(getattr(request, "username", "") or "") if request is not None else ""
