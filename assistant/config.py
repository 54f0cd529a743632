"""The project configuration (``assistant.toml``): one loader, one model, strict everywhere.

One file configures everything, in sections::

    select = ["ALL"]                 # checker keys may sit at the top level …
    [checker]                        # … or in [checker] (not the same key in both)
    yield_threshold_percent = 8
    [llm]        # model endpoint (environment variables override, see assistant.llm.config)
    [audit]      # audit store: path, retention_months, enabled, store_text
    [knowledge]  # index: data_dir, chroma_url, collection, knowledge_dir, min_relevance
    [ui]         # serve: host, port, auth_file, max_file_size, timezone (shown times)

Why strict: a typo is a silent wrong result in a compliance tool (``yeild_threshold_percent
= 2`` kept the 8 % threshold; a mistyped ``select = ["ADV1"]`` switched every rule off).  So every
section forbids unknown keys, values are range-checked, and errors are Chinese sentences
naming the file, the key and, for a misspelt key, the closest valid one.  The file is
found in one place (:func:`resolve_config_path`) and every run can say which file it used.
"""

from __future__ import annotations

import difflib
import os
import re
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit, urlunsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from assistant.errors import ConfigError
from assistant.text import lazyre
from assistant.tomlfile import read_toml

DEFAULT_CONFIG_NAME = "assistant.toml"

DEFAULT_OPTOUT_PHRASES = [
    "回T退订",
    "回复T退订",
    "退订回T",
    "拒收请回复R",
]  # the catalogue's accepted forms; teams add their own in assistant.toml

# Letters and digits only (never empty: "" is a prefix of every code).  Whether it names a
# rule is decided against the catalogue (rulespec.validate_selection), which also says
# which code was probably meant (PRV0O1 → PRV001).
_CODE_PATTERN_RE = lazyre.compile(r"^[A-Z0-9]{1,12}$")
_WINDOW_RE = lazyre.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


# ---------------------------------------------------------------------------- sections


class Settings(BaseModel):
    """``[checker]``: which rules run and their thresholds."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    select: list[str] = Field(default_factory=lambda: ["ALL"])
    ignore: list[str] = Field(default_factory=list)
    yield_threshold_percent: float = Field(8.0, gt=0, le=100, allow_inf_nan=False)
    #: DIS004: the highest annualised borrowing cost a loan message may state (the 24 %
    #: reported for 金规〔2025〕9号; some teams use 4×LPR).  Not a yield: see PRO007.
    borrowing_cost_ceiling_percent: float = Field(24.0, gt=0, le=100, allow_inf_nan=False)
    max_segments: int = Field(3, ge=1, le=10)
    max_length: int = Field(500, ge=70, le=5000)
    #: Longer messages get LEN001 at error and are not scanned further: a bound on the work
    #: one message may cause (a pasted 64 K-character document is not an SMS).
    max_check_length: int = Field(2000, ge=500, le=20_000)
    optout_phrases: list[str] = Field(default_factory=lambda: list(DEFAULT_OPTOUT_PHRASES), min_length=1)
    send_window: str = "08:00-21:00"
    max_marketing_per_month: int = Field(3, ge=1, le=1000)

    @field_validator("select", "ignore", mode="before")
    @classmethod
    def _split_codes(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [c for c in re.split(r"[,，\s]+", value) if c]
        if isinstance(value, list):
            return [c.strip().upper() if isinstance(c, str) else c for c in value]
        return value

    @field_validator("select", "ignore")
    @classmethod
    def _code_shapes(cls, value: list[str]) -> list[str]:
        for code in value:
            if not _CODE_PATTERN_RE.match(code):
                raise ValueError(f"{code!r} 不是规则代码或前缀（如 ADV001、ADV、ALL）")
        return value

    @field_validator("optout_phrases")
    @classmethod
    def _phrases(cls, value: list[str]) -> list[str]:
        for phrase in value:
            if len(phrase.strip()) < 2:
                raise ValueError(f"退订语 {phrase!r} 过短（至少 2 个字符，且不能为空白）")
        return value

    @field_validator("send_window")
    @classmethod
    def _window(cls, value: str) -> str:
        m = _WINDOW_RE.match(value)
        if not m:
            raise ValueError("格式应为 HH:MM-HH:MM，例如 08:00-21:00")
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2) or (h1, m1) >= (h2, m2):
            raise ValueError(f"{value} 不是有效的时段（开始须早于结束，时间在 00:00–24:00 之间）")
        return value

    @model_validator(mode="after")
    def _check_length_covers_length(self) -> Settings:
        if self.max_check_length < self.max_length:
            raise ValueError(
                f"max_check_length（{self.max_check_length}）应不小于 max_length（{self.max_length}）："
                "超过检查上限的短信不再逐条规则检查"
            )
        return self

    def with_overrides(self, **overrides: Any) -> Settings:
        data = self.model_dump()
        data.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return Settings.model_validate(data)
        except ValidationError as exc:
            raise ConfigError(describe_validation_error(exc, "规则设置")) from exc

    def selects(self, code: str) -> bool:
        """Ruff-style selection: a code is on if a prefix of it is selected and none ignored."""

        def match(patterns: list[str]) -> int:
            best = -1
            for p in patterns:
                if p == "ALL":
                    best = max(best, 0)
                elif code.startswith(p):
                    best = max(best, len(p))
            return best

        sel, ign = match(self.select), match(self.ignore)
        return sel >= 0 and sel > ign

    def unknown_codes(self, known: list[str]) -> list[tuple[str, str, str | None]]:
        """``(option, code, closest)`` for each selected or ignored code that names no rule.

        A prefix counts as known when at least one rule starts with it; ``ALL`` always does.
        """
        out = []
        for option, codes in (("select", self.select), ("ignore", self.ignore)):
            for code in codes:
                if code == "ALL" or any(k.startswith(code) for k in known):
                    continue
                out.append((option, code, closest(code, known)))
        return out


class LLMConfig(BaseModel):
    """``[llm]``: how to reach the model, and how patiently (see :mod:`assistant.llm.config`)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    api_key: SecretStr | None = None
    api_key_env: str | None = None
    base_url: str | None = None
    model: str | None = None
    timeout: float = Field(60.0, gt=0, le=3600, description="seconds per HTTP request")
    max_retries: int = Field(3, ge=0, le=10, description="retries after the first try (429/5xx/timeouts)")
    concurrency: int = Field(4, ge=1, le=64, description="model calls in flight at once in a batch")
    temperature: float = Field(0.3, ge=0, le=2)
    retry_base_delay: float = Field(
        0.5, ge=0, le=60, description="first back-off in seconds, doubled per retry"
    )
    retry_max_delay: float = Field(20.0, ge=0, le=600, description="cap on one wait, Retry-After included")
    context_tokens: int = Field(1800, ge=0, le=200_000, description="token budget for retrieved passages")
    max_tokens: int = Field(1500, ge=16, le=200_000, description="reply budget")
    json_mode: bool = Field(True, description="send response_format=json_object")
    retrieval: bool = Field(True, description="give rewrites the knowledge passages behind the findings")
    doctor_timeout: float = Field(8.0, gt=0, le=600)

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


StoreText = Literal["masked", "full", "hash"]
STORE_TEXT_MODES: tuple[str, ...] = ("masked", "full", "hash")


class AuditSection(BaseModel):
    """``[audit]``: where the audit store lives and how long rows are kept."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    path: str | None = None
    retention_months: int = Field(6, ge=1, le=1200)  # the guide's minimum: 6 months (§五 4)
    enabled: bool = True
    #: How texts are kept at rest: personal data masked (default), in full, or only a hash.
    store_text: StoreText = "masked"


class KnowledgeSection(BaseModel):
    """``[knowledge]``: the index folder, a shared Chroma server, the collection, the sources."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    data_dir: str | None = None
    chroma_url: str | None = None
    collection: str = Field("sms_knowledge", min_length=3, max_length=63)
    knowledge_dir: str | None = None
    #: Below this relevance (:mod:`assistant.answer.scope`) a question is out of scope and
    #: gets "知识库中没有相关内容"; 0 answers everything.  Calibrated on evals/qa.jsonl
    #: against evals/qa_offtopic.jsonl (in scope ≥ 0.91, off-topic ≤ 0.885).
    min_relevance: float = Field(0.896, ge=0, le=2, allow_inf_nan=False)


class UISection(BaseModel):
    """``[ui]``: defaults for ``assistant serve`` (command-line options win)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    host: str = "127.0.0.1"
    port: int = Field(7860, ge=1, le=65535)
    auth_file: str | None = None
    max_file_size: str = "10mb"
    #: The time zone the UI shows times in (history, approvals): an IANA name.
    timezone: str = "Asia/Shanghai"

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value.strip())
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} 不是有效的时区名称（应为 IANA 时区，如 Asia/Shanghai）") from None
        return value.strip()


class ProjectConfig(BaseModel):
    """The whole ``assistant.toml``; ``path`` is the file it came from (``None``: defaults)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    checker: Settings = Field(default_factory=Settings)
    llm: LLMConfig = Field(default_factory=LLMConfig)
    audit: AuditSection = Field(default_factory=AuditSection)
    knowledge: KnowledgeSection = Field(default_factory=KnowledgeSection)
    ui: UISection = Field(default_factory=UISection)
    path: Path | None = None

    @model_validator(mode="before")
    @classmethod
    def _top_level_checker_keys(cls, raw: Any) -> Any:
        """``select = …`` at the top level is the ``[checker]`` table, as in ruff's config."""
        if not isinstance(raw, dict):
            return raw
        data = dict(raw)
        loose = {k: data.pop(k) for k in list(data) if k in Settings.model_fields}
        if loose:
            checker = data.get("checker", {})
            if not isinstance(checker, dict):
                return raw  # reported by the section's own validation
            both = sorted(set(loose) & set(checker))
            if both:
                raise ValueError(f"{'、'.join(both)} 同时出现在顶层和 [checker] 中，只能保留一处")
            data["checker"] = {**loose, **checker}
        return data

    @property
    def source(self) -> str:
        """Which file configured this run, for output footers and JSON ``config`` fields."""
        return str(self.path) if self.path is not None else "（未使用配置文件，使用默认设置）"

    def path_relative(self, value: str | None) -> Path | None:
        """A path written in the file is relative to the file's folder."""
        if not value:
            return None
        p = Path(value).expanduser()
        base = self.path.resolve().parent if self.path is not None else Path.cwd()
        return p if p.is_absolute() else base / p


def redact_url(url: str) -> str:
    """The URL as it may be shown or stored: no ``user:password@``, no query string (some
    gateways put keys there, under any name) and no credential-shaped path segment."""
    from assistant.redact import REDACTED, looks_like_credential

    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
    except ValueError:
        return "<无效的 URL>"
    path = "/".join(REDACTED if looks_like_credential(seg) else seg for seg in parts.path.split("/"))
    return urlunsplit((parts.scheme, host, path, "", ""))


# ---------------------------------------------------------------------------- loading


def resolve_config_path(config: Path | str | None) -> Path | None:
    """The config file a run uses: ``--config``, else ``./assistant.toml`` when present.

    ``ASSISTANT_CONFIG`` names a file like ``--config`` does.  A given path that is not a
    file is an error (a folder, a typo), never silently "no config".
    """
    if config is None and os.environ.get("ASSISTANT_CONFIG"):
        config = os.environ["ASSISTANT_CONFIG"]
    if config is None:
        candidate = Path(DEFAULT_CONFIG_NAME)
        return candidate if candidate.is_file() else None
    path = Path(config).expanduser()
    if path.is_dir():
        raise ConfigError(f"--config 应指向配置文件，而 {path} 是一个文件夹")
    if not path.is_file():
        raise ConfigError(f"配置文件不存在：{path}")
    return path


_Model = TypeVar("_Model", bound=BaseModel)


def defaults(model: type[_Model]) -> _Model:
    """``model()`` (every field at its default, none set), made without pydantic's validator.

    Why: the models here are built lazily (``defer_build``): building their validators and
    serialisers, with pydantic's plugin scan, was about a tenth of a cold ``assistant check
    "…"``, which with no config file only ever reads the defaults.  The defaults need no
    validation (a test checks that ``defaults(M) == M()`` for every model here); a section
    whose default is itself a model gets that model's defaults the same way.
    """
    values: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        factory = field.default_factory
        if isinstance(factory, type) and issubclass(factory, BaseModel):
            values[name] = defaults(factory)
    return model.model_construct(_fields_set=set(), **values)


def load_project_config(config: Path | str | None = None) -> ProjectConfig:
    """The project configuration from ``config`` (or ``./assistant.toml``), validated."""
    path = resolve_config_path(config)
    if path is None:
        return defaults(ProjectConfig)
    stat = path.stat()
    return _load_file(str(path.resolve()), stat.st_mtime_ns, stat.st_size, str(path))


@cache
def _load_file(resolved: str, mtime: int, size: int, shown: str) -> ProjectConfig:
    raw = read_toml(resolved)
    unknown = [k for k in raw if k not in ProjectConfig.model_fields and k not in Settings.model_fields]
    for key in unknown:
        valid = [k for k in (*ProjectConfig.model_fields, *Settings.model_fields) if k != "path"]
        hint = closest(key, valid)
        raise ConfigError(
            f"配置文件 {shown} 中的 {key} 不是已知的配置项" + (f"（是否应为 {hint}？）" if hint else "")
        )
    try:
        cfg = ProjectConfig.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(describe_validation_error(exc, f"配置文件 {shown}")) from exc
    return cfg.model_copy(update={"path": Path(shown)})


def load_settings(config: Path | str | None = None) -> Settings:
    """The ``[checker]`` section (rule selection and thresholds)."""
    return load_project_config(config).checker


# ---------------------------------------------------------------------------- errors

_MESSAGES = {
    "missing": "缺少必填项",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "finite_number": "应为有限的数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "string_type": "应为字符串",
    "list_type": "应为列表",
    "dict_type": "应为表（TOML table）",
    "model_type": "应为表（TOML table）",
    "too_short": "至少需要 {min_length} 项/字符",
    "too_long": "至多 {max_length} 项/字符",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "literal_error": "应为以下之一：{expected}（store_text：masked 个人信息打码保存；full 原文保存；hash 只保存 sha256 摘要）",
}


def closest(name: str, candidates: Any) -> str | None:
    """The candidate a typo most likely meant (``yeild_threshold_percent`` → ``yield_…``)."""
    names = [str(c) for c in candidates]
    found = difflib.get_close_matches(name, names, n=1, cutoff=0.6) or difflib.get_close_matches(
        name.upper(), names, n=1, cutoff=0.5
    )
    return found[0] if found else None


def unknown_keys(where: str, keys: Any, allowed: Any) -> list[str]:
    """One Chinese sentence per key of ``keys`` not in ``allowed``, with the key it most
    likely meant: data files read with ``.get`` and defaults (the context lexicon, product
    types, rule options) refuse unknown names this way, as the config and profiles do."""
    valid = sorted(str(a) for a in allowed)
    out = []
    for key in keys:
        if key in allowed:
            continue
        hint = closest(str(key), valid)
        out.append(f"{where}中未知的键 {key!r}" + (f"（是否应为 {hint}？）" if hint else ""))
    return out


def describe_validation_error(exc: ValidationError, where: str, model: type[BaseModel] | None = None) -> str:
    """One Chinese sentence per problem, each naming the key (``[checker] max_segments``).

    ``model`` is the model that was validated (default :class:`ProjectConfig`); it is used
    to suggest the closest valid key for a misspelt one.
    """
    root = model or ProjectConfig
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"] if not isinstance(p, int)]
        key = _key_name(loc) if root is ProjectConfig else ".".join(loc) or "（顶层）"
        kind = err["type"]
        if kind == "extra_forbidden":
            section_model = _section_model(root, loc[:-1])
            hint = closest(loc[-1], section_model.model_fields) if section_model is not None else None
            parts.append(f"{key} 不是已知的配置项" + (f"（是否应为 {hint}？）" if hint else ""))
            continue
        if kind == "value_error":
            text = str(err.get("ctx", {}).get("error", err["msg"]))
        else:
            ctx = {k: v for k, v in (err.get("ctx") or {}).items()}
            text = _MESSAGES.get(kind, err["msg"]).format(**ctx) if kind in _MESSAGES else err["msg"]
        value = err.get("input")
        shown = "" if isinstance(value, dict | list) or value is None else f"（当前值 {value!r}）"
        if "api_key" in key:
            shown = ""  # never echo what could be a key
        parts.append(f"{key} 无效：{text}{shown}")
    return f"{where}：" + "；".join(parts)


def _key_name(loc: list[str]) -> str:
    if not loc:
        return "（顶层）"
    if len(loc) == 1:
        return loc[0] if loc[0] not in ProjectConfig.model_fields else f"[{loc[0]}]"
    return f"[{loc[0]}] {'.'.join(loc[1:])}"


def _section_model(root: type[BaseModel], loc: list[str]) -> type[BaseModel] | None:
    """The model that owns the key at ``loc`` (for suggesting the key meant)."""
    model: type[BaseModel] = root
    for part in loc:
        field = model.model_fields.get(part)
        annotation = field.annotation if field is not None else None
        args = getattr(annotation, "__args__", ()) or ()
        candidates = [annotation, *args]
        # dict[str, Model]: the key itself is a name (a product), the model is the value's
        nested = [a for a in candidates if isinstance(a, type) and issubclass(a, BaseModel)]
        if not nested:
            return None if field is not None else model
        model = nested[0]
    return model


__all__ = [
    "DEFAULT_OPTOUT_PHRASES",
    "AuditSection",
    "KnowledgeSection",
    "LLMConfig",
    "ProjectConfig",
    "Settings",
    "UISection",
    "closest",
    "defaults",
    "describe_validation_error",
    "load_project_config",
    "load_settings",
    "redact_url",
    "resolve_config_path",
]
