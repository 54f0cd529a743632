"""Facts a user supplies for a rewrite, validated before any of them is used.

A fact goes into a message the bank sends to its customers, so a wrong one is worse than
none: ``不知道`` as the official link, an annual rate that contradicts the draft's own
``日息0.03%`` (≈ 年化10.95%), or 36% (above the ceiling) must be refused with a Chinese
message naming the field, never inserted and labelled compliant.  The CLI (``--fact``),
the offline engine and the UI's needs-input form call the same functions:
:func:`validate_fact` for one field and :func:`accepted_fact_keys` for what may be given.

One function per fact kind; each returns a :class:`ValidatedFact` (the value to insert,
normalised, with a note such as ``日息0.03% ≈ 年化10.95%（单利）``) or a
:class:`FactError` (the key, what was given and why it is refused).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from assistant.checker.recognizers import signature_name_ok
from assistant.checker.rulespec import rule_spec
from assistant.labels import NEEDS_ZH
from assistant.text.normalize import fold
from assistant.text.numbers import parse_number

if TYPE_CHECKING:
    from assistant.profile import SenderProfile

#: The fact keys every draft accepts (placeholder names of the draft come on top).
FACT_KEYS: tuple[str, ...] = (
    "annualized_rate",
    "official_url",
    "compliant_return_figure",
    "past_performance_disclosure",
    "signature",
    "placeholder_value",
    "message_content",
)
#: The borrowing-cost ceiling used until the checker configuration names one (DIS004).
DEFAULT_APR_CEILING = 24.0
#: Rates are compared to two decimals: 日息0.02% is 7.3% a year, and 7.3% agrees with it.
_RATE_TOLERANCE = 0.005

# Answers that are not facts, whatever the field: "I don't know", "to be decided", filler.
_NONSENSE = {
    "不知道",
    "不清楚",
    "待定",
    "待填",
    "待填写",
    "未知",
    "无",
    "没有",
    "暂无",
    "空",
    "略",
    "同上",
    "见上",
    "见下",
    "见合同",
    "以合同为准",
    "以实际为准",
    "以页面为准",
    "官网",
    "网址",
    "链接",
    "很低",
    "很高",
    "低",
    "高",
    "优惠",
    "面议",
    "随便",
    "test",
    "tbd",
    "todo",
    "n/a",
    "na",
    "none",
    "null",
    "unknown",
    "xxx",
    "-",
}
_NONSENSE_RE = re.compile(
    r"^(?:[xX×＊*?？._\-—~～\s]+|(.)\1{2,}|.*(?:不知道|待定|待确认|不确定|请填写|占位).*)$"
)
_PLACEHOLDER_RE = re.compile(r"\$\{|\{\{|\{[^{}]*\}|<[^<>]*>|【[^】]*请填写|#\w+#")
_RATE_NUM = r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十点]+)"
_RATE_RE = re.compile(
    rf"^(?:年化(?:利率)?|年利率|apr)?[:：]?\s*(?:百分之)?{_RATE_NUM}\s*[%％]?"
    rf"(?:\s*(?:-|~|～|至|到|—|－)\s*(?:百分之)?{_RATE_NUM}\s*[%％]?)?\s*(?:（单利）|\(单利\))?$",
    re.IGNORECASE,
)
_SOURCE_RE = re.compile(r"来源|據|据|报告|報告|披露|公告|年报|年報|季报|季報|托管|统计|統計|测算|測算|数据")
_PERIOD_RE = re.compile(
    r"\d{4}\s*[年./\-]|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|截至|截止|成立以来|近[一二三四五六七八九十\d]+(?:年|个月)|区间|期间|年度"
)
_HOST_RE = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")
_DAILY_CUES = ("日息", "日利率", "日费率", "万分之", "每天", "每日")
_MONTHLY_CUES = ("月息", "月利率", "月费率", "每月")


@dataclass(frozen=True, slots=True)
class ValidatedFact:
    """A supplied fact that may be used: ``value`` is what goes into the message."""

    key: str
    value: str
    given: str
    kind: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "value": self.value,
            "given": self.given,
            "kind": self.kind,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class FactError:
    """A supplied fact that was refused; ``message`` names the field and says why (Chinese)."""

    key: str
    given: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "given": self.given, "message": self.message}


def accepted_fact_keys(draft: str | None = None) -> list[str]:
    """The keys ``--fact`` and the needs-input form accept: the fixed ones plus the names
    of the draft's template variables (``${amount}`` → ``amount``)."""
    keys = list(FACT_KEYS)
    for name in placeholder_names(draft or ""):
        if name not in keys:
            keys.append(name)
    return keys


def placeholder_names(text: str) -> list[str]:
    """Names of the template variables in ``text`` (``${due_date}``, ``{name}``, ``<amount>``)."""
    names: list[str] = []
    for m in re.finditer(
        r"\$\{([^{}\n]{1,40})\}|\{\{([^{}\n]{1,40})\}\}|\{([^{}\n]{1,40})\}|<([\w]{1,20})>|#(\w{1,20})#",
        fold(text),
    ):
        name = next(g for g in m.groups() if g is not None).strip()
        if name and name not in names:
            names.append(name)
    return names


def label(key: str) -> str:
    return NEEDS_ZH.get(key, key)


def validate_fact(
    key: str,
    value: str,
    *,
    draft: str,
    profile: SenderProfile | None = None,
    settings: Any = None,
) -> ValidatedFact | FactError:
    """Validate one supplied fact for ``draft`` (unknown keys are refused, never ignored)."""
    given = value if isinstance(value, str) else str(value)
    text = given.strip()
    if key not in accepted_fact_keys(draft):
        keys = "、".join(accepted_fact_keys(draft))
        return FactError(key, given, f"未知的信息项 {key}：可填写的信息项为 {keys}")
    if not text:
        return FactError(key, given, f"{label(key)}（{key}）不能为空")
    if is_nonsense(text):
        return FactError(key, given, f"{label(key)}（{key}）的值“{text}”不是有效信息，请填写确切内容")
    if _PLACEHOLDER_RE.search(text):
        return FactError(key, given, f"{label(key)}（{key}）的值“{text}”仍是模板变量或占位符")
    check = _VALIDATORS.get(key)
    if check is None:
        check = _placeholder_validator(key)
    return check(key, text, draft, profile, settings)


def validate_facts(
    facts: Mapping[str, str],
    *,
    draft: str,
    profile: SenderProfile | None = None,
    settings: Any = None,
) -> tuple[dict[str, ValidatedFact], list[FactError]]:
    """Every supplied fact validated: the usable ones by key, and the refused ones."""
    good: dict[str, ValidatedFact] = {}
    bad: list[FactError] = []
    for key, value in facts.items():
        out = validate_fact(key, value, draft=draft, profile=profile, settings=settings)
        if isinstance(out, FactError):
            bad.append(out)
        else:
            good[key] = out
    return good, bad


def is_nonsense(text: str) -> bool:
    t = text.strip().strip("。.，,！!")
    return t.lower() in _NONSENSE or bool(_NONSENSE_RE.match(t))


# ----------------------------------------------------------------------------- rates


def parse_rate(text: str) -> tuple[float, float] | None:
    """``7.2%-18%`` → (7.2, 18.0); ``年化7.2%`` → (7.2, 7.2); None when not a rate."""
    m = _RATE_RE.match(fold(text).replace(" ", "").lower().replace("年化利率", "年化"))
    if m is None:
        return None
    lo = parse_number(m.group(1))
    hi = parse_number(m.group(2)) if m.group(2) else lo
    if lo is None or hi is None:
        return None
    return lo, hi


def format_rate(lo: float, hi: float) -> str:
    def f(x: float) -> str:
        return f"{x:.4f}".rstrip("0").rstrip(".") + "%"

    return f(lo) if abs(hi - lo) < 1e-9 else f"{f(lo)}-{f(hi)}"


def draft_short_rates(draft: str) -> list[tuple[str, float]]:
    """(as written, simple annual rate) for each 日息/月息/万分之 figure (any period but a year)."""
    from assistant.checker.detectors.returns import annualised_rates

    out = []
    for rate in annualised_rates(draft):
        if rate.period == "year":
            continue
        written = rate.text if rate.text.startswith(rate.cue) else rate.cue + rate.text
        out.append((written, rate.annual))
    return out


def _pct2(x: float) -> str:
    """Two decimals, rounded half up as people do (9.125 → 9.13, not 9.12)."""
    return str(Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _apr_ceiling(settings: Any) -> float:
    value = getattr(settings, "borrowing_cost_ceiling_percent", None) if settings is not None else None
    return float(value) if value else DEFAULT_APR_CEILING


def validate_annualized_rate(
    key: str, text: str, draft: str, profile: SenderProfile | None, settings: Any
) -> ValidatedFact | FactError:
    """A single rate or a range, within the ceiling, not below the draft's own daily/monthly rate."""
    parsed = parse_rate(text)
    if parsed is None:
        return FactError(key, text, f"年化利率（{key}）“{text}”无法识别，应写成 7.2% 或区间 7.2%-18%")
    lo, hi = parsed
    if lo <= 0 or hi <= 0:
        return FactError(key, text, f"年化利率（{key}）“{text}”必须大于 0")
    if lo > hi:
        return FactError(key, text, f"年化利率（{key}）区间“{text}”下限大于上限")
    ceiling = _apr_ceiling(settings)
    if hi > ceiling + 1e-9:
        return FactError(
            key,
            text,
            f"年化利率（{key}）“{text}”超过{ceiling:g}%的上限，不能用于营销短信（产品或利率须调整）",
        )
    notes = []
    for written, annual in draft_short_rates(draft):
        shown = f"{written} ≈ 年化{_pct2(annual)}%（单利）"
        notes.append(shown)
        if hi + _RATE_TOLERANCE < float(_pct2(annual)):
            return FactError(
                key,
                text,
                f"年化利率（{key}）“{text}”低于原稿利率折算的年化：{shown}，两者矛盾；请核对后填写不低于{_pct2(annual)}%的年化利率",
            )
    return ValidatedFact(key, format_rate(lo, hi), text, "rate", "；".join(notes))


def validate_return_figure(
    key: str, text: str, draft: str, profile: SenderProfile | None, settings: Any
) -> ValidatedFact | FactError:
    """A benchmark from the prospectus: a rate or range, not above the yield threshold."""
    parsed = parse_rate(re.sub(r"^业绩比较基准", "", fold(text)))
    if parsed is None:
        return FactError(key, text, f"业绩比较基准（{key}）“{text}”无法识别，应写成 3.2% 或区间 2.8%-3.5%")
    lo, hi = parsed
    if lo <= 0 or lo > hi:
        return FactError(key, text, f"业绩比较基准（{key}）“{text}”不是有效的比率或区间")
    threshold = float(getattr(settings, "yield_threshold_percent", 8.0) or 8.0)
    if hi > threshold + 1e-9:
        return FactError(
            key, text, f"业绩比较基准（{key}）“{text}”超过{threshold:g}%的高收益警戒线，请按产品说明书填写"
        )
    return ValidatedFact(key, format_rate(lo, hi), text, "rate")


# ----------------------------------------------------------------------------- links


def _short_domains() -> set[str]:
    return {str(d).lower() for d in rule_spec("LNK001").options.get("domains", [])}


def validate_url(
    key: str, text: str, draft: str, profile: SenderProfile | None, settings: Any
) -> ValidatedFact | FactError:
    """An http(s) link to a real host; with a profile, on one of its official domains."""
    raw = fold(text).strip()
    if re.search(r"\s", raw):
        return FactError(key, text, f"官方网站链接（{key}）“{text}”中不能有空格")
    candidate = raw if re.match(r"^[a-z][a-z0-9+.\-]*://", raw, re.IGNORECASE) else "https://" + raw
    try:
        parts = urlsplit(candidate)
        host = (parts.hostname or "").lower()
    except ValueError:
        return FactError(key, text, f"官方网站链接（{key}）“{text}”不是有效的网址")
    if parts.scheme.lower() not in ("http", "https"):
        return FactError(key, text, f"官方网站链接（{key}）“{text}”须以 https:// 或 http:// 开头")
    if not _HOST_RE.match(host) or parts.username or parts.password:
        return FactError(
            key, text, f"官方网站链接（{key}）“{text}”不是有效的网址（应如 https://www.example.com）"
        )
    bare = host.removeprefix("www.")
    if any(bare == d or bare.endswith("." + d) for d in _short_domains()):
        return FactError(key, text, f"官方网站链接（{key}）“{text}”是短链接，须提供官方完整链接")
    if profile is not None and profile.official_domains and not profile.is_official_host(host):
        domains = "、".join(profile.official_domains)
        return FactError(key, text, f"官方网站链接（{key}）“{text}”不在发送方的官方域名（{domains}）下")
    return ValidatedFact(key, raw, text, "url")


# ----------------------------------------------------------------------------- the rest


def validate_signature(
    key: str, text: str, draft: str, profile: SenderProfile | None, settings: Any
) -> ValidatedFact | FactError:
    """2–16 characters of a name (IND-SIG); with a profile, one of its registered signatures."""
    name = text.strip().removeprefix("【").removesuffix("】").strip()
    if not signature_name_ok(name) or re.search(r"[【】\[\]{}<>\s]", name):
        return FactError(key, text, f"短信签名（{key}）“{text}”应为 2–16 个字的单位名称，不含括号和空格")
    if not re.search(r"[\u4e00-\u9fffA-Za-z]", name):
        return FactError(key, text, f"短信签名（{key}）“{text}”应为单位名称")
    if profile is not None and profile.signatures and name not in profile.signatures:
        names = "、".join(profile.signatures)
        return FactError(key, text, f"短信签名（{key}）“{name}”不是发送方档案中报备的签名（{names}）")
    return ValidatedFact(key, name, text, "signature")


def validate_past_disclosure(
    key: str, text: str, draft: str, profile: SenderProfile | None, settings: Any
) -> ValidatedFact | FactError:
    """Where a past result comes from and over which period (过往业绩 needs both)."""
    value = text.strip().rstrip("。；;，,")
    if not _SOURCE_RE.search(value):
        return FactError(key, text, f"过往业绩说明（{key}）须写明数据来源，例如“数据来源：基金定期报告”")
    if not _PERIOD_RE.search(value) and not _PERIOD_RE.search(draft):
        return FactError(key, text, f"过往业绩说明（{key}）须写明统计期间，例如“统计区间2025.1.1—2025.12.31”")
    if len(value) > 60:
        return FactError(key, text, f"过往业绩说明（{key}）过长（{len(value)} 字），请控制在 60 字以内")
    return ValidatedFact(key, value, text, "disclosure")


def validate_message_content(
    key: str, text: str, draft: str, profile: SenderProfile | None, settings: Any
) -> ValidatedFact | FactError:
    """The body itself, when nothing of the draft's could be kept: a few words of real content."""
    value = text.strip()
    if len(re.findall(r"[\u4e00-\u9fff]", value)) < 4:
        return FactError(key, text, f"短信正文（{key}）“{text}”过短，请写明产品、活动或通知的内容")
    if len(value) > 300:
        return FactError(key, text, f"短信正文（{key}）过长（{len(value)} 字）")
    return ValidatedFact(key, value, text, "text")


def _one_fact(kind: str, text: str) -> Any:
    """The single fact of ``kind`` that ``text`` is, read as the gate reads facts (or None)."""
    from assistant.facts import extract_facts

    value = text.strip()
    found = [f for f in extract_facts(value) if f.kind == kind]
    if len(found) != 1 or found[0].start > 1 or found[0].end < len(value) - 1:
        return None
    return found[0]


def validate_amount(key: str, text: str) -> ValidatedFact | FactError:
    if _one_fact("amount", text) is None:
        return FactError(key, text, f"金额（{key}）“{text}”无法识别，应写成 1,200.00元 这样的金额")
    return ValidatedFact(key, text.strip(), text, "amount")


def validate_date(key: str, text: str) -> ValidatedFact | FactError:
    fact = _one_fact("date", text)
    if fact is None:
        return FactError(key, text, f"日期（{key}）“{text}”无法识别，应写成 12月3日 或 2026-12-03")
    month_text, day_text = fact.value.split("-")
    month, day = (int(month_text) if month_text.isdigit() else 1), int(day_text)  # 每月8日: a day only
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return FactError(key, text, f"日期（{key}）“{text}”不是有效日期")
    return ValidatedFact(key, text.strip(), text, "date")


def validate_phone(key: str, text: str) -> ValidatedFact | FactError:
    if _one_fact("phone", text) is None:
        return FactError(key, text, f"电话（{key}）“{text}”不是有效的电话号码")
    return ValidatedFact(key, text.strip(), text, "phone")


_NAME_KINDS: tuple[tuple[str, str], ...] = (
    ("url|link|链接|网址", "url"),
    ("phone|tel|mobile|hotline|电话|手机", "phone"),
    ("date|day|deadline|日期|日$", "date"),
    ("amount|money|fee|payment|balance|due|金额|费用|应还", "amount"),
    ("rate|apr|利率", "rate"),
)


def _placeholder_validator(key: str) -> Callable[..., ValidatedFact | FactError]:
    """A template variable's value, checked by what its name says it is."""

    def check(
        key: str, text: str, draft: str, profile: SenderProfile | None, settings: Any
    ) -> ValidatedFact | FactError:
        kind = next((k for pattern, k in _NAME_KINDS if re.search(pattern, key, re.IGNORECASE)), "text")
        if kind == "url":
            return validate_url(key, text, draft, profile, settings)
        if kind == "phone":
            return validate_phone(key, text)
        if kind == "date":
            return validate_date(key, text)
        if kind == "amount":
            return validate_amount(key, text)
        if kind == "rate":
            return validate_annualized_rate(key, text, draft, profile, settings)
        if len(text) > 40:
            return FactError(key, text, f"模板变量 {key} 的值过长（{len(text)} 字）")
        return ValidatedFact(key, text, text, "text")

    return check


def validate_placeholder_value(
    key: str, text: str, draft: str, profile: SenderProfile | None, settings: Any
) -> ValidatedFact | FactError:
    return _placeholder_validator(key)(key, text, draft, profile, settings)


_VALIDATORS: dict[str, Callable[..., ValidatedFact | FactError]] = {
    "annualized_rate": validate_annualized_rate,
    "official_url": validate_url,
    "compliant_return_figure": validate_return_figure,
    "past_performance_disclosure": validate_past_disclosure,
    "signature": validate_signature,
    "placeholder_value": validate_placeholder_value,
    "message_content": validate_message_content,
}
