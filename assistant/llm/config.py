"""Model and audit configuration: environment over ``assistant.toml`` over defaults.

Every OpenAI-compatible server differs only in ``base_url`` (and whether it wants a key),
so one table describes them all::

    [llm]
    base_url = "https://api.deepseek.com/v1"
    model = "deepseek-chat"
    api_key_env = "DEEPSEEK_API_KEY"   # read the key from this variable, keep it out of files
    timeout = 60
    max_retries = 3
    concurrency = 4
    temperature = 0.3

The environment wins (``OPENAI_API_KEY``, ``OPENAI_BASE_URL``, ``ASSISTANT_MODEL``) so a CI
job or a one-off run never has to edit the project's file.  The API key is held as a
``SecretStr``: its ``repr`` never shows it, and :func:`describe_key` is the only way it is
ever displayed (masked).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from assistant.errors import ConfigError
from assistant.tomlfile import read_toml

APP_NAME = "sms-compliance-assistant"

#: Environment variables and the ``[llm]`` keys they override.
ENV_KEYS: dict[str, str] = {
    "OPENAI_API_KEY": "api_key",
    "OPENAI_BASE_URL": "base_url",
    "ASSISTANT_MODEL": "model",
    "ASSISTANT_LLM_TIMEOUT": "timeout",
    "ASSISTANT_LLM_MAX_RETRIES": "max_retries",
    "ASSISTANT_LLM_CONCURRENCY": "concurrency",
    "ASSISTANT_LLM_TEMPERATURE": "temperature",
}

#: Example endpoints for the README and ``doctor``; only ``base_url`` differs.
PROVIDER_EXAMPLES: dict[str, tuple[str, str]] = {
    "OpenAI": ("https://api.openai.com/v1", "gpt-4o-mini"),
    "DeepSeek": ("https://api.deepseek.com/v1", "deepseek-chat"),
    "Qwen（DashScope 兼容模式）": ("https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus"),
    "vLLM": ("http://127.0.0.1:8000/v1", "Qwen/Qwen2.5-7B-Instruct"),
    "Ollama": ("http://127.0.0.1:11434/v1", "qwen2.5:7b"),
}


class LLMConfig(BaseModel):
    """How to reach the model, and how patiently."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    api_key: SecretStr | None = None
    api_key_env: str | None = None
    base_url: str | None = None
    model: str | None = None
    timeout: float = Field(60.0, gt=0, description="seconds per HTTP request")
    max_retries: int = Field(3, ge=0, le=10, description="retries after the first try (429/5xx/timeouts)")
    concurrency: int = Field(4, ge=1, le=64, description="model calls in flight at once in a batch")
    temperature: float = Field(0.3, ge=0, le=2)
    retry_base_delay: float = Field(0.5, ge=0, description="first back-off in seconds, doubled per retry")
    retry_max_delay: float = Field(20.0, ge=0, description="cap on one wait, Retry-After included")
    context_tokens: int = Field(1800, ge=0, description="token budget for retrieved passages in a prompt")
    max_tokens: int = Field(1500, ge=16, description="reply budget")
    json_mode: bool = Field(True, description="send response_format=json_object")
    retrieval: bool = Field(True, description="give rewrites the knowledge passages behind the findings")
    doctor_timeout: float = Field(8.0, gt=0)

    @property
    def key(self) -> str | None:
        return self.api_key.get_secret_value() if self.api_key is not None else None

    @property
    def configured(self) -> bool:
        """A model name plus either a key (hosted APIs) or a base URL (local servers)."""
        return bool(self.model) and bool(self.key or self.base_url)

    def missing(self) -> list[str]:
        """What is lacking for the model mode, as the user would set it."""
        out: list[str] = []
        if not self.model:
            out.append("ASSISTANT_MODEL")
        if not (self.key or self.base_url):
            out.append("OPENAI_API_KEY 或 OPENAI_BASE_URL")
        return out

    def endpoint(self) -> str:
        """The base URL without credentials or query, safe to print and to store."""
        return redact_url(self.base_url or "https://api.openai.com/v1")

    def with_overrides(self, **overrides: Any) -> LLMConfig:
        data = self.model_dump()
        data.update(overrides)
        return LLMConfig.model_validate(data)


@dataclass(frozen=True)
class AuditConfig:
    """Where the audit store lives, how long rows are kept and how texts are kept."""

    path: Path
    retention_months: int = 6  # the guide's minimum for send records (§五 4: 至少6个月)
    enabled: bool = True
    store_text: str = "masked"  # masked | full | hash (see assistant.audit.privacy)


def redact_url(url: str) -> str:
    """The URL as it may be shown or stored: no ``user:password@``, no query string (some
    gateways put keys there, under any name) and no credential-shaped path segment."""
    from assistant.llm.redact import REDACTED, looks_like_credential

    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
    except ValueError:
        return "<无效的 URL>"
    path = "/".join(REDACTED if looks_like_credential(seg) else seg for seg in parts.path.split("/"))
    return urlunsplit((parts.scheme, host, path, "", ""))


def describe_key(key: str | None) -> str:
    """The only way a key is ever shown: 已设置（sk-…末4位）or 未设置."""
    if not key:
        return "未设置"
    if len(key) < 16:
        return "已设置（过短，不显示）"
    prefix = "sk-" if key.startswith("sk-") else ""
    return f"已设置（{prefix}…{key[-4:]}）"


def _read_toml(config: Path | str | None) -> tuple[dict[str, Any], Path | None]:
    path = Path(config) if config is not None else Path("assistant.toml")
    if config is None and not path.is_file():
        return {}, None
    return read_toml(path), path


def _table(raw: dict[str, Any], name: str, path: Path | None) -> dict[str, Any]:
    section = raw.get(name, {})
    if not isinstance(section, dict):
        raise ConfigError(f"配置文件 {path} 的 [{name}] 应为表")
    return dict(section)


def load_llm_config(
    config: Path | str | None = None, *, env: dict[str, str] | None = None
) -> tuple[LLMConfig, dict[str, str]]:
    """The model configuration and, per field, where its value came from (env/file/default)."""
    env = dict(os.environ if env is None else env)
    raw, path = _read_toml(config)
    table = _table(raw, "llm", path)
    origin: dict[str, str] = {k: f"文件 {path.name}" for k in table} if path else {}
    if table.get("api_key_env") and not table.get("api_key"):
        var = str(table["api_key_env"])
        if env.get(var):
            table["api_key"] = env[var]
            origin["api_key"] = f"环境变量 {var}"
    for var, key in ENV_KEYS.items():
        value = env.get(var, "").strip()
        if value:
            table[key] = value
            origin[key] = f"环境变量 {var}"
    try:
        cfg = LLMConfig.model_validate(table)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        where = origin.get(field, f"配置文件 {path}")
        # Never echo the offending value: it could be the key.
        raise ConfigError(f"大模型配置 [llm] {field} 无效（来自{where}）：{first['msg']}") from exc
    return cfg, origin


def user_data_dir() -> Path:
    """``ASSISTANT_DATA_DIR`` or the per-user data folder (shared with the knowledge index)."""
    env_dir = os.environ.get("ASSISTANT_DATA_DIR")
    if env_dir:
        return Path(env_dir).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def load_audit_config(config: Path | str | None = None) -> AuditConfig:
    """``[audit]`` table: ``path``, ``retention_months`` (default 6), ``enabled``, ``store_text``."""
    from assistant.audit.privacy import STORE_TEXT_MODES

    raw, path = _read_toml(config)
    table = _table(raw, "audit", path)
    unknown = set(table) - {"path", "retention_months", "enabled", "store_text"}
    if unknown:
        raise ConfigError(f"配置文件 {path} 的 [audit] 有未知字段：{', '.join(sorted(unknown))}")
    env_path = os.environ.get("ASSISTANT_AUDIT_DB")
    if env_path:
        db = Path(env_path).expanduser()
    elif table.get("path"):
        base = path.resolve().parent if path else Path.cwd()
        db = base / Path(str(table["path"])).expanduser()
    else:
        db = user_data_dir() / "audit.sqlite3"
    months = table.get("retention_months", 6)
    if not isinstance(months, int) or isinstance(months, bool) or months < 1:
        raise ConfigError(f"配置文件 {path} 的 [audit] retention_months 应为正整数（月）")
    enabled = table.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"配置文件 {path} 的 [audit] enabled 应为 true 或 false")
    store_text = table.get("store_text", "masked")
    if store_text not in STORE_TEXT_MODES:
        raise ConfigError(
            f"配置文件 {path} 的 [audit] store_text 的值 {store_text!r} 无效，"
            f"应为 {'、'.join(STORE_TEXT_MODES)} 之一"
            "（masked：个人信息打码保存；full：原文保存；hash：只保存 sha256 摘要）"
        )
    return AuditConfig(path=db, retention_months=months, enabled=enabled, store_text=store_text)


ENGINES = ("auto", "llm", "offline")


def choose_engine(engine: str, cfg: LLMConfig) -> tuple[str, str]:
    """Which engine runs (``llm``/``offline``) and the notice to show when auto fell back.

    ``--engine llm`` without a model is a usage error (exit 2), never a silent fallback:
    the user asked for something specific.
    """
    from assistant.errors import InputError

    if engine not in ENGINES:
        raise InputError(f"--engine 的值 {engine!r} 无效，应为 {'|'.join(ENGINES)}")
    if engine == "offline":
        return "offline", ""
    if cfg.configured:
        return "llm", ""
    missing = "、".join(cfg.missing())
    if engine == "llm":
        raise InputError(
            f"未配置大模型，无法使用 --engine llm：缺少 {missing}。运行 assistant doctor 查看配置。"
        )
    return "offline", f"未配置大模型（缺少 {missing}），已使用离线规则引擎"
