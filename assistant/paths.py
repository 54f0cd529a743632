"""Where things live: the shipped data, and the per-user data and cache folders.

In a checkout (editable install) the data folders sit next to the package; a wheel
carries copies under ``assistant/_data``.  ``ASSISTANT_KNOWLEDGE_DIR`` overrides both so a
team can point the checker at its own rule set.  Per-user state (the knowledge index, the
audit store) goes to the platform's data folder, caches (the fold table, tiktoken files,
the eval index) to its cache folder; ``ASSISTANT_DATA_DIR`` / ``ASSISTANT_CACHE_DIR``
override them (tests, CI, a second installation side by side).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

APP_NAME = "sms-compliance-assistant"

_PACKAGE_DIR = Path(__file__).resolve().parent


def user_data_dir() -> Path:
    """``ASSISTANT_DATA_DIR`` or the per-user data folder (knowledge index, audit store)."""
    env_dir = os.environ.get("ASSISTANT_DATA_DIR")
    if env_dir:
        return Path(env_dir).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def user_cache_dir() -> Path:
    """``ASSISTANT_CACHE_DIR`` or the per-user cache folder (rebuildable files only)."""
    env_dir = os.environ.get("ASSISTANT_CACHE_DIR")
    if env_dir:
        return Path(env_dir).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))


def _data_dir(name: str, env: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name


@cache
def knowledge_dir() -> Path:
    return _data_dir("knowledge", "ASSISTANT_KNOWLEDGE_DIR")


@cache
def prompts_dir() -> Path:
    return _data_dir("prompts", "ASSISTANT_PROMPTS_DIR")


def rules_dir() -> Path:
    return knowledge_dir() / "rules"


def profiles_dir() -> Path:
    return knowledge_dir() / "profiles"
