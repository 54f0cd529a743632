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

from pydantic import ValidationError

from assistant.config import LLMConfig, defaults, load_project_config
from assistant.errors import ConfigError
from assistant.paths import user_data_dir

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


@dataclass(frozen=True)
class AuditConfig:
    """Where the audit store lives and how long rows are kept."""

    path: Path
    retention_months: int = 6  # the guide's minimum for send records (§五 4: 至少6个月)
    enabled: bool = True
    store_text: str = "masked"  # masked | full | hash (see assistant.audit.privacy)


def describe_key(key: str | None) -> str:
    """The only way a key is ever shown: 已设置（sk-…末4位）or 未设置."""
    if not key:
        return "未设置"
    if len(key) < 16:
        return "已设置（过短，不显示）"
    prefix = "sk-" if key.startswith("sk-") else ""
    return f"已设置（{prefix}…{key[-4:]}）"


def load_llm_config(
    config: Path | str | None = None, *, env: dict[str, str] | None = None
) -> tuple[LLMConfig, dict[str, str]]:
    """The model configuration and, per field, where its value came from (env/file/default)."""
    env = dict(os.environ if env is None else env)
    project = load_project_config(config)
    section = project.llm
    table: dict[str, Any] = {k: getattr(section, k) for k in section.model_fields_set}
    origin: dict[str, str] = {k: f"文件 {project.path.name}" for k in table} if project.path else {}
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
        # nothing set anywhere: the defaults, without building the validator (see defaults)
        cfg = LLMConfig.model_validate(table) if table else defaults(LLMConfig)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        where = origin.get(field, f"配置文件 {project.path}")
        # Never echo the offending value: it could be the key.
        raise ConfigError(f"大模型配置 [llm] {field} 无效（来自{where}）：{first['msg']}") from exc
    return cfg, origin


def load_audit_config(config: Path | str | None = None) -> AuditConfig:
    """``[audit]``: ``path`` (relative to the config file), ``retention_months``, ``enabled``.

    ``ASSISTANT_AUDIT_DB`` overrides the path (tests and CI keep the user's store clean).
    """
    project = load_project_config(config)
    section = project.audit
    env_path = os.environ.get("ASSISTANT_AUDIT_DB")
    if env_path:
        db = Path(env_path).expanduser()
    else:
        db = project.path_relative(section.path) or user_data_dir() / "audit.sqlite3"
    return AuditConfig(
        path=db,
        retention_months=section.retention_months,
        enabled=section.enabled,
        store_text=section.store_text,
    )


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
