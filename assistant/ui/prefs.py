"""Settings that persist per browser: what is saved in ``gr.BrowserState`` and how it comes back.

Why: settings used to live only in the server's per-tab state, so a reload silently
dropped the sender profile and every profile rule stopped firing.  The browser now keeps
them (localStorage, through ``gr.BrowserState``): profile, rule selection, versions, the
auto-rewrite and advisory switches and the chat mode.  Restoring validates everything
again — a shipped profile is re-read from disk, an uploaded one re-validated, rule codes
checked against the catalogue — and anything that no longer holds is dropped *with a
note naming it*, never silently.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from assistant.errors import AssistantError
from assistant.profile import SenderProfile
from assistant.ui.handlers import MAX_VARIANTS, MODES, SessionSettings, choose_profile, parse_codes

__all__ = ["PREFS_KEY", "PREFS_VERSION", "from_prefs", "to_prefs"]

PREFS_KEY = "sms-compliance-assistant.settings"
PREFS_VERSION = 1


def to_prefs(session: SessionSettings) -> dict[str, Any]:
    """What the browser keeps (JSON): a shipped profile by name, an uploaded one by its data."""
    return {
        "version": PREFS_VERSION,
        "profile_name": session.profile_name,
        "profile_label": session.profile_label if session.profile_data is not None else "",
        "profile_data": session.profile_data if not session.profile_name else None,
        "select": list(session.select),
        "ignore": list(session.ignore),
        "variants": session.variants,
        "auto_rewrite": session.auto_rewrite,
        "advisory": session.advisory,
        "mode": session.mode,
    }


def from_prefs(data: Any, *, known_codes: list[str]) -> tuple[SessionSettings, list[str]]:
    """Settings from what the browser kept, and a note for each value that was dropped."""
    session = SessionSettings()
    notes: list[str] = []
    if not isinstance(data, dict) or data.get("version") != PREFS_VERSION:
        return session, notes
    name = str(data.get("profile_name") or "")
    if name:
        try:
            choose_profile(session, name)
        except AssistantError:
            notes.append(f"已保存的发送方档案 {name} 已不存在，未启用")
    elif isinstance(data.get("profile_data"), dict):
        try:
            profile = SenderProfile.model_validate(data["profile_data"])
        except ValidationError:
            notes.append("已保存的上传档案无效，未启用")
        else:
            session.profile_data = profile.model_dump(mode="json")
            session.profile_label = str(data.get("profile_label") or profile.full_name or "上传的档案")

    def codes(key: str) -> list[str]:
        raw = parse_codes([str(c) for c in data.get(key) or [] if isinstance(c, str)])
        good = [c for c in raw if c == "ALL" or any(k.startswith(c) for k in known_codes)]
        bad = [c for c in raw if c not in good]
        if bad:
            notes.append(f"已保存的规则设置中 {'、'.join(bad)} 不是已知规则，已去掉")
        return good

    session.select, session.ignore = codes("select"), codes("ignore")
    try:
        session.variants = max(1, min(int(data.get("variants", 3)), MAX_VARIANTS))
    except (TypeError, ValueError):
        notes.append("已保存的改写版本数无效，已恢复为 3")
    session.auto_rewrite = bool(data.get("auto_rewrite", True))
    session.advisory = bool(data.get("advisory", False))
    mode = str(data.get("mode", "auto"))
    session.mode = mode if mode in MODES else "auto"
    return session, notes
