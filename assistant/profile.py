"""Sender profile: who is sending, under which signatures, domains and licences.

Profile-scoped rules are skipped (never guessed) when no profile is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from assistant.config import closest, describe_validation_error
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


#: The keys of ``official_urls`` and what a fix inserts each one for.  Why a closed list: a
#: misspelt key (``helth``) was kept and never used, so the fix it was meant for asked for a
#: link instead, or a check silently used the default page.
URL_TOPICS: dict[str, str] = {
    "default": "官网链接，LNK001 替换短链接时插入",
    "health": "健康险产品页，DIS002 补官网链接时插入",
}


ProductType = Literal["wealth", "fund", "insurance", "loan", "card", "deposit", "payment"]
PRODUCT_TYPES: tuple[str, ...] = get_args(ProductType)


class ProductDetails(BaseModel):
    """``[product_details."name"]``: what a rule needs to know about one product.

    Rules that need a field the profile does not give say so and never guess
    (``guaranteed_renewal`` unset: 保证续保 is judged as for an unknown product).
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    type: ProductType
    guaranteed_renewal: bool | None = None


class SenderProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    full_name: str = ""
    signatures: list[str] = Field(default_factory=list)
    official_domains: list[str] = Field(default_factory=list)
    official_urls: dict[str, str] = Field(default_factory=dict)
    licenses: list[str] = Field(default_factory=list)
    #: None: not configured (the approved-list check is skipped); []: nothing approved.
    products: list[str] | None = None
    #: The sender's own service lines (95xxx, 400-…): not someone else's number (PRV004).
    service_numbers: list[str] = Field(default_factory=list)
    product_details: dict[str, ProductDetails] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _details_name_products(self) -> SenderProfile:
        if self.products is not None:
            for name in self.product_details:
                if name not in self.products:
                    raise ValueError(f"product_details 中的产品 {name!r} 不在 products 清单中")
        return self

    @field_validator("licenses")
    @classmethod
    def _licenses(cls, value: list[str]) -> list[str]:
        for lic in value:
            if lic not in KNOWN_LICENSES:
                hint = closest(lic, sorted(KNOWN_LICENSES))
                raise ValueError(f"未知资质 {lic!r}" + (f"（是否应为 {hint}？）" if hint else ""))
        return value

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

    @field_validator("official_urls")
    @classmethod
    def _urls_are_official(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        """Every key known, every link an http(s) URL on one of ``official_domains``.

        Why: a fix inserts these links into the message as *safe* fixes (LNK001, the health
        insurance page), so a link off the sender's own domains (https://evil.com) would be
        written into customers' messages as the compliant version.
        """
        for key in value:
            if key not in URL_TOPICS:
                hint = closest(key, list(URL_TOPICS))
                known = "、".join(f"{k}（{v}）" for k, v in URL_TOPICS.items())
                raise ValueError(
                    f"未知的链接键 {key!r}"
                    + (f"（是否应为 {hint}？）" if hint else "")
                    + f"，可用的键：{known}"
                )
        domains = info.data.get("official_domains")
        for key, url in value.items():
            parts = urlsplit(url.strip())
            host = (parts.hostname or "") if parts.scheme in ("http", "https") else ""
            if not host or any(c.isspace() for c in url.strip()):
                raise ValueError(f"{key} 的值 {url!r} 不是 http(s) 链接（应形如 https://www.example.com）")
            if domains is None:
                continue  # official_domains itself was refused: that error is the one to fix
            allowed = "、".join(domains) or "空"
            if not any(host == d or host.endswith("." + d) for d in domains):
                raise ValueError(
                    f"{key} 的链接 {url!r} 的域名 {host} 不在 official_domains（{allowed}）之内："
                    "修复会把它作为官方链接写进短信，请改用官方域名下的链接或在 official_domains 中补充该域名"
                )
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
    extra = [k for k in raw if k not in ("sender", "product_details")]
    if extra:
        hint = closest(extra[0], ["sender", "product_details"])
        raise ConfigError(
            f'发送方档案 {path} 中的 {extra[0]} 不是已知的表（应为 [sender] 与 [product_details."产品名"]'
            + (f"，是否应为 {hint}？）" if hint else "）")
        )
    data = dict(raw["sender"])
    if "product_details" in raw:  # the contract puts it beside [sender], as its own table
        if "product_details" in data:
            raise ConfigError(f"发送方档案 {path} 中 product_details 同时出现在 [sender] 内外，只能保留一处")
        data["product_details"] = raw["product_details"]
    try:
        return SenderProfile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(describe_validation_error(exc, f"发送方档案 {path}", SenderProfile)) from exc
