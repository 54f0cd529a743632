"""Sender profile: who is sending, under which signatures, domains and licences.

Profile-scoped rules are skipped (never guessed) when no profile is given.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assistant.errors import ConfigError
from assistant.paths import profiles_dir
from assistant.tomlfile import read_toml

KNOWN_LICENSES = {
    "financial",
    "value_added_telecom",
    "lending",
    "insurer",
    "insurance_broker",
    "securities",
    "tax_integration",
    "business_registration_cert",
    "payment",
    "fund_sales",
}


class SenderProfile(BaseModel):
    model_config = ConfigDict(extra="allow")

    full_name: str = ""
    signatures: list[str] = Field(default_factory=list)
    official_domains: list[str] = Field(default_factory=list)
    official_urls: dict[str, str] = Field(default_factory=dict)
    licenses: list[str] = Field(default_factory=list)
    #: None: not configured (the approved-list check is skipped); []: nothing approved.
    products: list[str] | None = None

    @field_validator("official_domains")
    @classmethod
    def _domains(cls, value: list[str]) -> list[str]:
        out = []
        for d in value:
            d = d.strip().lower().removeprefix("https://").removeprefix("http://").strip("/")
            if not d or "/" in d or "." not in d:
                raise ValueError(f"官方域名格式不正确：{d!r}")
            out.append(d)
        return out

    @field_validator("official_urls", mode="before")
    @classmethod
    def _urls(cls, value: object) -> object:
        if isinstance(value, str):
            return {"default": value}
        return value

    def has_license(self, *names: str) -> bool:
        return any(n in self.licenses for n in names)

    def default_url(self, topic: str = "default") -> str | None:
        return self.official_urls.get(topic) or self.official_urls.get("default")

    def is_official_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.official_domains)


def resolve_profile_path(name_or_path: str | Path) -> Path:
    """Accept a file path, or the bare name of a shipped profile (``example-bank``)."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    shipped = profiles_dir() / f"{name_or_path}.toml"
    if shipped.is_file():
        return shipped
    raise ConfigError(f"发送方档案文件不存在：{name_or_path}")


def load_profile(name_or_path: str | Path) -> SenderProfile:
    path = resolve_profile_path(name_or_path)
    raw = read_toml(path, "发送方档案")
    if "sender" not in raw or not isinstance(raw["sender"], dict):
        raise ConfigError(f"发送方档案 {path} 缺少 [sender] 表")
    try:
        profile = SenderProfile.model_validate(raw["sender"])
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"发送方档案 {path} 字段 sender.{field} 无效：{first['msg']}") from exc
    unknown = [lic for lic in profile.licenses if lic not in KNOWN_LICENSES]
    if unknown:
        raise ConfigError(f"发送方档案 {path} 字段 sender.licenses 含未知资质：{', '.join(unknown)}")
    return profile
