"""Reading the project's TOML files (config, profiles, users) with errors that name them."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError


def read_toml(path: Path | str, what: str = "配置文件") -> dict[str, Any]:
    """Parse ``path``; a missing or malformed file raises ``ConfigError`` naming it."""
    p = Path(path)
    try:
        return tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{what}不存在：{p}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{what} {p} 无法解析：{exc}") from exc
