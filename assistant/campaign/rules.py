"""The campaign rules CMP001–CMP004: per-recipient state over a time-ordered stream.

Rule metadata (severity, message, citations, fix, docs) lives in ``knowledge/rules/CMP00N.yaml``
like every other rule (``detector: campaign``); the logic is here because it needs state
across messages, which the per-message checker engine deliberately does not have.

Memory is per recipient, never per row: the current calendar month and its marketing count
(CMP001), and the hashes of texts sent in the last 24 hours with their times (CMP004).  That
needs the sends of one recipient in time order, which the runner guarantees (it sorts plans
that are not).  Recipients that have been quiet for a full month and 24 hours are dropped by
a periodic sweep, so a long history of many one-off recipients does not accumulate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from assistant.campaign.consent import ConsentBook
from assistant.campaign.times import SendWindow, month_key, month_label
from assistant.checker.models import Finding
from assistant.checker.rulespec import RuleSpec, load_rule_specs, validate_selection
from assistant.config import Settings
from assistant.errors import ConfigError

CAMPAIGN_CODES = ("CMP001", "CMP002", "CMP003", "CMP004")
#: The checks this module implements; a campaign rule's ``detector`` names one of them.
CAMPAIGN_DETECTORS = ("monthly_cap", "send_window", "consent", "repeat_within_day")
DAY = 86400.0
SWEEP_EVERY = 65536


@dataclass(slots=True)
class SendEvent:
    """One send in the merged, time-ordered stream (``history`` sends are only counted)."""

    epoch: float
    history: bool
    line: int
    key: str  # normalised recipient
    raw: str  # recipient as written (only ever used to mask it in output)
    local: dt.datetime
    text: str
    kind: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    #: The row's declared product type (``product_type`` column), checked like ``check -i``.
    product_type: str | None = None

    def sort_key(self) -> tuple[float, int, int]:
        # History first at equal times: it was already sent.
        return (self.epoch, 0 if self.history else 1, self.line)


class _State:
    __slots__ = ("count", "last", "month", "recent")

    def __init__(self) -> None:
        self.month = 0
        self.count = 0  # marketing sends in ``month``, history included
        self.recent: dict[int, float] = {}  # text hash -> last send time (epoch)
        self.last = 0.0


def campaign_specs(settings: Settings, rules_dir: str | None = None) -> dict[str, RuleSpec]:
    """The selected campaign-scoped rules by code (``--select``/``--ignore`` apply)."""
    validate_selection(settings, rules_dir)
    return {
        s.code: s for s in load_rule_specs(rules_dir) if s.scope == "campaign" and settings.selects(s.code)
    }


def _check_setting(spec: RuleSpec) -> None:
    """A rule's ``setting`` names the configuration key that governs it, and its ``default``
    states that key's default for the rule's page: the value itself is read from the settings
    only (assistant.toml), one place.  A name that is no key, or a default that differs from
    the key's, would be data that silently does nothing: refused."""
    setting = spec.options.get("setting")
    if setting is None:
        return
    field = Settings.model_fields.get(str(setting))
    if field is None:
        raise ConfigError(
            f"规则 {spec.code} 的 options.setting {setting!r} 不是已知的配置项（{spec.source_path}）"
        )
    default = field.get_default(call_default_factory=True)
    if "default" in spec.options and str(spec.options["default"]) != str(default):
        raise ConfigError(
            f"规则 {spec.code} 的 options.default {spec.options['default']!r} 与配置项 {setting} 的默认值 "
            f"{default!r} 不一致：该值只能在 assistant.toml 中用 {setting} 设置（{spec.source_path}）"
        )


class CampaignRules:
    """Feed every send in time order to :meth:`observe`; plan sends get their findings back."""

    def __init__(
        self,
        settings: Settings,
        *,
        consent: ConsentBook | None = None,
        rules_dir: str | None = None,
    ) -> None:
        self.settings = settings
        self.window = SendWindow.parse(settings.send_window)
        self.cap = int(settings.max_marketing_per_month)
        self.consent = consent
        self.specs = campaign_specs(settings, rules_dir)
        for spec in self.specs.values():
            _check_setting(spec)
            if spec.detector not in CAMPAIGN_DETECTORS:
                raise ConfigError(
                    f"规则 {spec.code} 引用了未知的活动检查 {spec.detector!r}（{spec.source_path}）"
                )
        inputs = {"consent": consent is not None}
        #: Selected rules that cannot run for lack of an input (CMP003 without a consent
        #: list), with the reason from the rule data: reported, never silently passed.
        self.skipped: dict[str, str] = {
            code: str(spec.options.get("skipped", "缺少所需输入，未检查此规则"))
            for code, spec in self.specs.items()
            if not inputs.get(str(spec.options.get("requires", "")), True)
        }
        #: The rule for each check this object knows how to run, by detector name.
        self._by_detector = {s.detector: s for c, s in self.specs.items() if c not in self.skipped}
        self._state: dict[str, _State] = {}
        self._seen = 0
        self._last_epoch = float("-inf")

    @property
    def active(self) -> list[str]:
        """Codes that actually run."""
        return [s.code for s in self._by_detector.values()]

    def observe(self, ev: SendEvent, kind: str) -> list[Finding]:
        """Update the recipient's state with this send; findings for plan sends only."""
        epoch = ev.epoch
        if epoch < self._last_epoch:
            raise ValueError("campaign events must arrive in time order")  # a runner bug, not input
        self._last_epoch = epoch
        self._seen += 1
        if self._seen % SWEEP_EVERY == 0:
            self._sweep(ev)
        st = self._state.get(ev.key)
        if st is None:
            st = self._state[ev.key] = _State()
        st.last = epoch
        findings: list[Finding] = []
        plan = not ev.history

        if kind == "marketing":
            local = ev.local
            month = local.year * 12 + local.month
            if st.month != month:
                st.month, st.count = month, 0
            st.count += 1
            if plan:
                if st.count > self.cap and "monthly_cap" in self._by_detector:
                    findings.append(
                        self._finding(
                            "monthly_cap",
                            f"本条是该收件人 {month_label(month)} 的第 {st.count} 条营销短信"
                            f"（含此前已发送与计划发送），上限 {self.cap} 条",
                        )
                    )
                if "send_window" in self._by_detector and not self.window.contains(local):
                    findings.append(
                        self._finding(
                            "send_window",
                            f"计划于当地时间 {local.strftime('%Y-%m-%d %H:%M')} 发送，"
                            f"不在营销短信发送时段 {self.window.text} 内",
                        )
                    )
                if "consent" in self._by_detector:
                    decision = self.consent.decide(ev.key, epoch)  # type: ignore[union-attr]
                    if not decision.ok:
                        findings.append(self._finding("consent", decision.reason))

        h = hash(ev.text)
        recent = st.recent
        prev = recent.get(h)
        if plan and prev is not None and epoch - prev < DAY and "repeat_within_day" in self._by_detector:
            hours, rest = divmod(int(epoch - prev), 3600)
            findings.append(
                self._finding(
                    "repeat_within_day",
                    f"相同内容在 {hours} 小时 {rest // 60} 分钟前已发给同一收件人（24 小时内重复）",
                )
            )
        recent[h] = epoch
        if len(recent) > 8:
            cutoff = epoch - DAY
            st.recent = {k: t for k, t in recent.items() if t > cutoff}
        return findings

    def _sweep(self, ev: SendEvent) -> None:
        """Forget recipients whose state can no longer matter (older month, >24 h quiet)."""
        month = month_key(ev.local)
        cutoff = ev.epoch - DAY
        stale = [k for k, st in self._state.items() if st.month < month and st.last <= cutoff]
        for k in stale:
            del self._state[k]

    def _finding(self, detector: str, detail: str) -> Finding:
        spec = self._by_detector[detector]
        return spec.finding("", 0, 0, message=f"{spec.message}：{detail}")
