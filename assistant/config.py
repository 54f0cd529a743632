"""Project configuration (``assistant.toml``): rule selection and thresholds.

Read once per run and passed down explicitly, so the library never depends on the
current directory behind the caller's back.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assistant.errors import ConfigError
from assistant.tomlfile import read_toml

DEFAULT_OPTOUT_PHRASES = [
    "回T退订",
    "回复T退订",
    "退订回T",
    "拒收请回复R",
]  # the catalogue's accepted forms; teams add their own in assistant.toml


class Settings(BaseModel):
    model_config = ConfigDict(extra="allow")

    select: list[str] = Field(default_factory=lambda: ["ALL"])
    ignore: list[str] = Field(default_factory=list)
    yield_threshold_percent: float = 8.0
    max_segments: int = 3
    max_length: int = 500
    optout_phrases: list[str] = Field(default_factory=lambda: list(DEFAULT_OPTOUT_PHRASES))
    send_window: str = "08:00-21:00"
    max_marketing_per_month: int = 3

    @field_validator("select", "ignore", mode="before")
    @classmethod
    def _split_codes(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [c for c in re.split(r"[,\s]+", value) if c]
        return value

    @field_validator("send_window")
    @classmethod
    def _window(cls, value: str) -> str:
        if not re.fullmatch(r"\d{2}:\d{2}-\d{2}:\d{2}", value):
            raise ValueError("send_window 格式应为 HH:MM-HH:MM，例如 08:00-21:00")
        return value

    def with_overrides(self, **overrides: Any) -> Settings:
        data = self.model_dump()
        data.update({k: v for k, v in overrides.items() if v is not None})
        return Settings.model_validate(data)

    def selects(self, code: str) -> bool:
        """Ruff-style selection: a code is on if a prefix of it is selected and none ignored."""

        def match(patterns: list[str]) -> int:
            best = -1
            for p in patterns:
                p = p.upper()
                if p == "ALL":
                    best = max(best, 0)
                elif code.startswith(p):
                    best = max(best, len(p))
            return best

        sel, ign = match(self.select), match(self.ignore)
        return sel >= 0 and sel > ign


def load_settings(path: str | Path | None = None) -> Settings:
    """Load ``path``, or ``./assistant.toml`` when present, else the defaults."""
    if path is None:
        candidate = Path("assistant.toml")
        if not candidate.is_file():
            return Settings()
        path = candidate
    path = Path(path)
    raw = read_toml(path)
    section = raw.get("checker", raw)
    try:
        return Settings.model_validate({k: v for k, v in section.items() if not isinstance(v, dict)})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"配置文件 {path} 字段 {field} 无效：{first['msg']}") from exc
