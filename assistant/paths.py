"""Where the shipped data lives.

In a checkout (editable install) the data folders sit next to the package; a wheel
carries copies under ``assistant/_data``.  ``ASSISTANT_KNOWLEDGE_DIR`` overrides both so a
team can point the checker at its own rule set.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


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
