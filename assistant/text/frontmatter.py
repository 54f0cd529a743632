"""YAML front matter of the knowledge Markdown files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.errors import ConfigError
from assistant.text.yamlload import load_yaml, yaml_error


def split_front_matter(text: str, path: Path | str = "<text>") -> tuple[dict[str, Any], str]:
    if not text.startswith("---"):
        return {}, text
    lines = text.splitlines(keepends=True)
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            try:
                meta = load_yaml("".join(lines[1:i])) or {}
            except yaml_error() as exc:
                raise ConfigError(f"{path} 的 front matter 无法解析：{exc}") from exc
            return meta, "".join(lines[i + 1 :])
    raise ConfigError(f"{path} 的 front matter 没有结束标记 ---")


def read_markdown(path: Path) -> tuple[dict[str, Any], str]:
    return split_front_matter(path.read_text(encoding="utf-8"), path)
