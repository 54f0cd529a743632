"""Reading the project's TOML files (config, profiles, users) with errors that name them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import ConfigError

if TYPE_CHECKING:
    import tomllib


def read_toml(path: Path | str, what: str = "配置文件") -> dict[str, Any]:
    """Parse ``path``; a missing or malformed file raises ``ConfigError`` naming it."""
    import tomllib  # here: a plain check with no config file reads no TOML (~2 ms to import)

    p = Path(path)
    if p.is_dir():
        raise ConfigError(f"{what} {p} 是目录，不是文件")
    try:
        # utf-8-sig: Windows editors put a byte-order mark in front, which TOML itself refuses
        # with an English message that names no cause
        return tomllib.loads(p.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{what}不存在：{p}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{what} {p} 无法解析：不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节处）"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{what} {p} 无法解析：不是有效的 TOML（{_where(exc)}），请检查该处的写法") from exc


def _where(exc: tomllib.TOMLDecodeError) -> str:
    """The line and column of a TOML error, in Chinese (the parser's message is English)."""
    line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    if line is None:
        import re

        m = re.search(r"line (\d+), column (\d+)", str(exc))
        if m is None:
            return str(exc)
        line, col = int(m.group(1)), int(m.group(2))
    return f"第 {line} 行第 {col} 列：{exc}"
