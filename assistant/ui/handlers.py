"""What the web UI does, as plain functions and one services object: testable without a browser.

The Gradio layer (:mod:`assistant.ui.tabs`) only moves values between components and
these functions (and the steps built on them: :mod:`assistant.ui.chat` for the
conversation, :mod:`assistant.ui.editor` for the draft editor, :mod:`assistant.ui.approval`,
:mod:`assistant.ui.history`), so every behaviour a user sees — intent detection, the live
check, finding cards and their fixes, rewrite versions, the needs-input round trip, cited
answers, approvals, batch checks, settings — is exercised by unit tests, not by clicking.
Nothing here imports gradio.

The service layer (:class:`assistant.service.Assistant`) does the work; this module adds
presentation data and one extra guard: a rewrite version that still has an error finding
under *every* rule (whatever the session ignores) is never handed to the UI as compliant
(:class:`UnsafeVariantError`), although the rewrite gate already guarantees that.
"""

from __future__ import annotations

import json
import logging
import queue
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from assistant import labels as zh
from assistant.checker.detectors.length import segments, sms_length
from assistant.checker.engine import Checker
from assistant.checker.models import CheckResult, Finding, Kind
from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.htmlrender import diff
from assistant.llm.config import LLMConfig, load_llm_config
from assistant.profile import SenderProfile, load_profile
from assistant.redact import config_secrets
from assistant.rewrite.gate import declared_product_type, lingering_findings
from assistant.rewrite.models import RewriteResult
from assistant.rewrite.offline import NEEDS_LABELS
from assistant.service.knowledge import Knowledge
from assistant.ui import render
from assistant.ui.feedback import FeedbackStore, zone_label

MAX_VARIANTS = 5
OFFLINE_LABEL = "离线规则引擎（未配置大模型）"
#: The facts the needs-input form can ask for, with their labels (the rewrite's own, when it has them).
NEED_LABELS: dict[str, str] = {**NEEDS_LABELS, **getattr(zh, "NEEDS_ZH", {})}
#: Version styles in words (the rewrite's labels when it has them).
STYLE_LABELS: dict[str, str] = {
    "model": "大模型改写版",
    "partial": "待补充版（含占位，未合规）",
    "remove_instead": "删除替代版",
    **getattr(zh, "STYLE_ZH", {}),
}

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------- intent

_SIGNATURE_RE = re.compile(r"^\s*【[^】\n]{1,20}】|【[^】\n]{1,20}】\s*$")
_QUESTION_START_RE = re.compile(
    r"^\s*(请问|什么|怎么|怎样|如何|为什么|为何|能不能|能否|可不可以|可以不可以|是否|是不是|有没有|"
    r"哪些|哪个|哪里|哪种|多少|几条|几次|要不要|需不需要|需要什么|应该|应当|营销短信能|短信能)"
)
_QUESTION_END_RE = re.compile(r"[？?]\s*$|[吗呢么]\s*[。.！!]?\s*$")
#: Question words anywhere in a short input make it a question (营销短信能不能晚上发).
_QUESTION_WORD_RE = re.compile(r"怎么|怎样|如何|能不能|能否|可不可以|是否|多少|吗|什么|为什么|哪些|有没有")
_SMS_CUE_RE = re.compile(
    r"回T退订|回复T退订|退订回T|拒收请回复R|退订|https?://|www\.|\.com|\.cn|\d+(\.\d+)?%|详询|点击|登录|"
    r"尊敬的|您好|亲爱的|客户|您的|您尾号|！"
)


@dataclass(frozen=True)
class Intent:
    """Whether a chat input is an SMS draft or a question, and why we think so."""

    kind: Literal["sms", "question"]
    reason: str

    @property
    def label(self) -> str:
        return "短信草稿" if self.kind == "sms" else "合规问题"

    @property
    def other(self) -> str:
        """The action of the other reading (the chat's 识别有误 switch)."""
        return "ask" if self.kind == "sms" else "rewrite"


def detect_intent(text: str) -> Intent:
    """Classify chat input: a draft to review, or a question to answer.

    A 【】 signature is the strongest cue (every Chinese SMS carries one); then question
    form (ends with ？/?/吗, or starts with 什么/怎么/能不能/是否…); then SMS cues (opt-out,
    links, rates, salutations, an exclamation); then question words anywhere in a short
    input (营销短信能不能晚上发, 理财宣传要注意什么 — no ？ needed); then length.  Ambiguous
    text defaults to a review; the chat offers to switch when the guess was wrong.
    """
    s = text.strip()
    if _SIGNATURE_RE.search(s):
        return Intent("sms", "含【】签名")
    if _QUESTION_END_RE.search(s):
        return Intent("question", "以问句结尾")
    if _QUESTION_START_RE.match(s):
        return Intent("question", "以疑问词开头")
    if _SMS_CUE_RE.search(s):
        return Intent("sms", "含短信常见内容（退订语、链接、称呼或收益率等）")
    if len(s) <= 50 and _QUESTION_WORD_RE.search(s):
        return Intent("question", "含疑问词（怎么、能不能、吗、如何、多少等）")
    if len(s) >= 40:
        return Intent("sms", "篇幅像一条短信")
    return Intent("sms", "默认按短信草稿审核")


def resolve_mode(mode: str, text: str) -> tuple[str, Intent | None]:
    """The action to take (review / rewrite / ask) for ``mode``; auto reviews and rewrites drafts."""
    if mode in ("review", "rewrite", "ask"):
        return mode, None
    if mode != "auto":
        raise AssistantError(f"未知的模式 {mode!r}：应为 auto、review、rewrite 或 ask")
    intent = detect_intent(text)
    return ("rewrite" if intent.kind == "sms" else "ask"), intent


# ---------------------------------------------------------------------------- settings

MODES = ("auto", "review", "rewrite", "ask")


@dataclass
class SessionSettings:
    """Per-browser settings (held in ``gr.State``, saved in ``gr.BrowserState``; plain data)."""

    profile_name: str = ""  # a shipped profile's name, or "" when none / uploaded
    profile_label: str = "未使用发送方档案"
    profile_data: dict[str, Any] | None = None  # a validated SenderProfile, dumped
    select: list[str] = field(default_factory=list)  # empty: the project config's selection
    ignore: list[str] = field(default_factory=list)
    variants: int = 3
    auto_rewrite: bool = True
    advisory: bool = False
    mode: str = "auto"  # the chat's mode

    def profile(self) -> SenderProfile | None:
        return SenderProfile.model_validate(self.profile_data) if self.profile_data is not None else None

    def key(self) -> str:
        """Cache key for the checker these settings need."""
        return json.dumps([self.profile_data, sorted(self.select), sorted(self.ignore)], sort_keys=True)

    def describe(self) -> str:
        sel = "、".join(self.select) if self.select else "全部（按项目配置）"
        ign = "、".join(self.ignore) if self.ignore else "无"
        return (
            f"发送方档案：{self.profile_label}；启用规则：{sel}；忽略规则：{ign}；"
            f"改写版本数：{self.variants}；自动改写：{'是' if self.auto_rewrite else '否'}"
        )

    def ignored_note(self) -> str:
        """What the settings leave out of a check, for the draft's card ("" when nothing)."""
        parts = []
        if self.select:
            parts.append("只启用 " + "、".join(self.select))
        if self.ignore:
            parts.append("已忽略 " + "、".join(self.ignore))
        return ("设置中" + "，".join(parts) + "（改写复检仍检查全部规则）") if parts else ""


def shipped_profiles() -> list[str]:
    from assistant.paths import profiles_dir

    return sorted(p.stem for p in profiles_dir().glob("*.toml"))


def profile_choices() -> list[tuple[str, str]]:
    """The shipped profiles for the settings dropdown: (the sender's name in Chinese, file name)."""
    out = [("不使用发送方档案", "")]
    for name in shipped_profiles():
        try:
            full = load_profile(name).full_name
        except AssistantError:
            continue  # a broken shipped profile is reported when chosen by name elsewhere
        out.append((f"{full or name}（内置档案）", name))
    return out


def choose_profile(
    settings: SessionSettings, name_or_path: str | None, *, label: str = ""
) -> SessionSettings:
    """Settings with a shipped profile (by name) or an uploaded TOML (by path); ``None`` clears it.

    The TOML is validated here, once (``load_profile``: unknown licences, bad domains), and
    only the validated data is kept, so a temp upload can disappear afterwards.
    """
    if not name_or_path:
        settings.profile_name, settings.profile_label, settings.profile_data = "", "未使用发送方档案", None
        return settings
    profile = load_profile(name_or_path)
    settings.profile_data = profile.model_dump(mode="json")
    shipped = str(name_or_path) in shipped_profiles()
    settings.profile_name = str(name_or_path) if shipped else ""
    where = "内置档案" if shipped else f"上传文件 {label or Path(str(name_or_path)).name}"
    settings.profile_label = f"{profile.full_name or '（未填写全称）'}（{where}）"
    return settings


def parse_codes(values: list[str] | str | None) -> list[str]:
    """Rule codes from dropdown labels ("ADV001 保本承诺") or a comma list; prefixes allowed."""
    if not values:
        return []
    items = re.split(r"[,，\s]+", values) if isinstance(values, str) else list(values)
    out: list[str] = []
    for item in items:
        code = str(item).strip().split(" ")[0].upper()
        if code and re.fullmatch(r"[A-Z]{1,3}\d{0,3}|ALL", code) and code not in out:
            out.append(code)
    return out


# ---------------------------------------------------------------------------- results


class UnsafeVariantError(AssertionError):
    """A rewrite version with an error finding reached the UI layer: a library bug, never shown."""


@dataclass
class ReviewOutcome:
    result: CheckResult
    html: str
    intent: Intent | None = None
    elapsed_ms: float = 0.0

    @property
    def spans(self) -> list[tuple[int, int, str, str]]:
        """``(start, end, code, severity)`` of every finding, in order."""
        return [(f.start, f.end, f.code, f.severity) for f in self.result.findings]


@dataclass
class VariantView:
    """One version as the pane shows it (compliant, or a partial one with placeholders)."""

    index: int  # 1-based
    text: str
    length: int
    segments: int
    findings: list[Finding]  # warnings/info only for a compliant version
    resolved: list[Finding]  # the draft's findings this version no longer has
    changes: list[str]
    diff_html: str
    style: str = ""  # the engine's style key ("minimal", "remove_instead", "partial", "model" …)
    label: str = ""  # the engine's own words for it (what a remove-instead version dropped)
    compliant: bool = True  # False: a partial version — shown, never approvable

    @property
    def style_label(self) -> str:
        base = STYLE_LABELS.get(self.style, "") if self.style else ""
        label = self.label
        head = base.split("（")[0]
        if head and label.startswith(head):  # the engine's label already names the style
            label = label[len(head) :].lstrip("：: ")
        return "：".join(x for x in (base, label) if x)

    @property
    def meta(self) -> str:
        resolved = render.codes_text(self.resolved) or "无"
        left = render.codes_text(self.findings)
        return f"版本 {self.index} · {self.length} 字 · {self.segments} 条短信 · 已解决：{resolved}" + (
            f" · 仍需留意：{left}" if left else ""
        )


@dataclass
class RewriteOutcome:
    result: RewriteResult
    variants: list[VariantView]
    needs: list[tuple[str, str]]  # (key, Chinese label)
    engine_label: str
    facts: dict[str, str] = field(default_factory=dict)
    fact_errors: dict[str, str] = field(default_factory=dict)  # key → Chinese reason

    @property
    def status(self) -> str:
        return self.result.status

    @property
    def reason(self) -> str:
        return render.cli_free(self.result.reason)

    @property
    def notice(self) -> str:
        """Why the offline engine answered although a model is configured ("" otherwise).

        Without a model the banner already says the UI runs offline; the library's notice
        (which names environment variables) is for the CLI.
        """
        if not self.result.extra.get("fallback_from"):
            return ""
        return render.cli_free(str(self.result.extra.get("notice") or ""))

    @property
    def status_text(self) -> str:
        return f"改写：{zh.STATUS_ZH.get(self.status, self.status)}（{self.engine_label}）"

    @property
    def compliant(self) -> list[VariantView]:
        return [v for v in self.variants if v.compliant]

    def html(self) -> str:
        """The chat's note on a rewrite: status, why, and where the versions are."""
        r = self.result
        parts = [f'<div class="rv"><b>{render.e(self.status_text)}</b>']
        if self.notice:
            parts.append(f'<div class="notice">{render.e(self.notice)}</div>')
        if r.status == "refused":
            parts.append(f'<div class="refused">{render.text_html(self.reason)}</div>')
            items = [f for f in r.findings_before if f.fix.kind == "none" and f.severity == "error"]
            if items:
                parts.append("<ol>" + "".join(render.finding_item(f) for f in items) + "</ol>")
        elif r.status == "needs_input":
            labels = "、".join(label for _, label in self.needs)
            parts.append(
                f'<div class="needs">{render.text_html(self.reason)}<br>请在右侧“补充信息”中填写：'
                f"{render.e(labels)}，然后点“补充后重新改写”。</div>"
            )
        elif r.status == "failed":
            parts.append(f'<div class="refused">{render.text_html(self.reason or "改写失败")}</div>')
        shown = len(self.compliant)
        if shown:
            parts.append(
                f'<div class="muted">{shown} 个合规版本见右侧“改写版本”，可复制或用作当前草稿。</div>'
            )
        parts.append("</div>")
        return "".join(parts)


@dataclass
class AnswerUpdate:
    """One step of an answer: partial while streaming, final when ``done``."""

    question: str
    answer: str
    sources: list[dict[str, Any]]
    done: bool
    engine: str
    status: str = ""  # a progress note while nothing is written yet
    notice: str = ""
    model: str = ""
    removed_citations: list[int] = field(default_factory=list)
    out_of_scope: bool = False


def _same(a: Finding, b: Finding) -> bool:
    return a.code == b.code and a.evidence == b.evidence


def variant_views(result: RewriteResult, checker: Checker) -> list[VariantView]:
    """Every version of ``result`` to show; raises :class:`UnsafeVariantError` on an unsafe one.

    ``checker`` should run every rule (:meth:`AssistantServices.gate_checker`): a session's
    ignored rules never make a version compliant.  Each version is re-checked here as the
    draft's kind *and* as its own, strictly, plus the draft's banned wording, so a bug in
    the gate still cannot put a non-compliant text on screen.  The rewrite's partial version
    (placeholders such as 【请填写：年化利率】) is shown as not compliant; its alternatives
    (remove instead of supplying a fact) are versions like any other.
    """
    draft = result.draft if result.draft is not None else checker.check(result.original)
    items: list[Any] = [*result.variants, *getattr(result, "alternatives", [])]
    partial = getattr(result, "partial", None)
    views: list[VariantView] = []
    for i, v in enumerate([*items, *([partial] if partial is not None else [])], start=1):
        is_partial = v is partial or getattr(v, "compliant", True) is False
        recheck = [
            *checker.check(
                v.text, kind=draft.kind if draft.kind != "uncertain" else None, strict=True
            ).findings,
            *checker.check(v.text, strict=True).findings,
            *lingering_findings(v.text, result.findings_before),
        ]
        errors = [f for f in [*v.findings, *recheck] if f.severity == "error"]
        if errors and not is_partial:
            raise UnsafeVariantError(
                f"改写版本 {i} 仍有错误级发现（{render.codes_text(errors)}），已拦截，未显示"
            )
        remaining: list[Finding] = []
        for f in [*v.findings, *recheck]:
            if not any(_same(f, g) for g in remaining):
                remaining.append(f)
        resolved = [f for f in result.findings_before if not any(_same(f, g) for g in remaining)]
        length = sms_length(v.text)
        views.append(
            VariantView(
                index=i,
                text=v.text,
                length=length,
                segments=segments(length),
                findings=remaining,
                resolved=resolved,
                changes=[render.cli_free(c) for c in v.changes],
                diff_html=diff(result.original, v.text, words=True),
                style="partial" if is_partial else str(getattr(v, "style", "") or ""),
                label=str(getattr(v, "label", "") or ""),
                compliant=not is_partial,
            )
        )
    return views


def validate_needs(
    values: dict[str, str], *, draft: str, profile: SenderProfile | None = None, settings: Any = None
) -> tuple[dict[str, str], dict[str, str]]:
    """The needs-input form's values: ``(facts to use, errors by key)`` — one place to validate.

    The rewrite's own validators (:mod:`assistant.rewrite.validators`) judge each field when
    they are installed, so the form and ``--fact`` refuse the same values with the same
    Chinese messages; without them only empty fields are dropped.  Blank fields are simply
    not given; a refused field is never used.
    """
    given = {k: v.strip() for k, v in values.items() if v and v.strip()}
    try:
        from assistant.rewrite import validators  # type: ignore[attr-defined]
    except ImportError:
        return given, {}
    good: dict[str, str] = {}
    bad: dict[str, str] = {}
    for key, value in given.items():
        out = validators.validate_fact(key, value, draft=draft, profile=profile, settings=settings)
        if hasattr(out, "message"):
            bad[key] = str(out.message)
        else:
            good[key] = value
    return good, bad


# ---------------------------------------------------------------------------- knowledge


#: The knowledge index lives in the service layer; the UI's name for it stays.
KnowledgeService = Knowledge


# ---------------------------------------------------------------------------- services


class _Failed:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


class AssistantServices:
    """The UI's adapter over the service layer (:class:`assistant.service.Assistant`).

    One assistant per server (config, model client, knowledge index, audit store), one
    variant per browser session's profile and rule selection; the reviews store shares the
    audit store.  Everything the product does goes through the assistant, so the UI checks,
    rewrites, answers and audits exactly as the CLI does.
    """

    def __init__(
        self,
        config: Path | None = None,
        *,
        llm_config: LLMConfig | None = None,
        knowledge: Knowledge | None = None,
    ) -> None:
        from assistant.service import Assistant

        self.config = config
        llm = llm_config if llm_config is not None else load_llm_config(config)[0]
        # One store for reviews, thumbs, events and model calls; ``audit`` is None when
        # auditing is off or the store is broken (then with one warning, and the UI still runs).
        self.feedback = FeedbackStore.open(config, secrets=config_secrets(llm))
        self.audit = self.feedback.audit
        self.assistant = Assistant.open(config, llm=llm, audit=self.audit, knowledge=knowledge)
        self.knowledge = self.assistant.knowledge
        self.llm_config = llm
        self.llm = llm.configured
        self.base_settings: Settings = self.assistant.settings
        self._sessions: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ basics
    @property
    def mode_label(self) -> str:
        return self.assistant.mode_label

    @cached_property
    def tz(self) -> ZoneInfo:
        """The time zone the UI shows times in (``[ui] timezone``, default Asia/Shanghai)."""
        return ZoneInfo(self.assistant.project.ui.timezone)

    @property
    def tz_label(self) -> str:
        return zone_label(self.tz)

    def banner_html(self) -> str:
        return render.banner_html(self.mode_label, self.llm)

    def client(self) -> Any:
        return self.assistant.client()

    def session(self, session: SessionSettings) -> Any:
        """The assistant for a session's profile and rule selection (cached per selection)."""
        key = session.key()
        with self._lock:
            hit = self._sessions.get(key)
            if hit is not None:
                self._sessions.move_to_end(key)
                return hit
        variant = self.assistant.variant(
            profile=session.profile(),
            select=list(session.select) or None,
            ignore=list(session.ignore) or None,
        )
        variant.checker  # noqa: B018  (unknown rule codes fail here, naming them)
        with self._lock:
            self._sessions[key] = variant
            while len(self._sessions) > 16:
                self._sessions.popitem(last=False)
        return variant

    def settings_for(self, session: SessionSettings) -> Settings:
        return self.session(session).settings

    def checker(self, session: SessionSettings) -> Checker:
        return self.session(session).checker

    def every_rule(self, session: SessionSettings) -> Any:
        """The assistant with every rule and the session's profile: what rewrites, versions and
        approvals are held to.

        Settings choose what a *check* reports; they never weaken a rewrite, the judgement
        of a model's text or what an approval records.
        """
        every = self.assistant.variant(profile=session.profile())
        every.settings = every.settings.with_overrides(select=["ALL"], ignore=[])
        return every

    def gate_checker(self, session: SessionSettings) -> Checker:
        return self.every_rule(session).checker

    def rule_codes(self) -> list[str]:
        from assistant.checker.rulespec import load_rule_specs

        return [s.code for s in load_rule_specs() if s.scope in ("text", "profile", "campaign")]

    def rule_choices(self) -> list[str]:
        """``"CODE 标题"`` for every rule the checker can run, for the settings dropdowns."""
        from assistant.checker.rulespec import load_rule_specs

        return [
            f"{s.code} {s.title}" for s in load_rule_specs() if s.scope in ("text", "profile", "campaign")
        ]

    def warm_up(self, *, knowledge: bool = True) -> None:
        """Pay the first-check cost (lazy tables, ~0.5 s) and start the knowledge index now."""
        self.checker(SessionSettings()).check("【明德银行】预热。回T退订")
        diff("预热", "预热完成", words=True)  # jieba's dictionary, for the word diff
        if knowledge:
            self.knowledge.warm_up_async()

    # ------------------------------------------------------------------ review / rewrite
    def review(
        self, text: str, session: SessionSettings, *, intent: Intent | None = None, record: bool = True
    ) -> ReviewOutcome:
        """Check ``text`` with the session's rules (``record=False``: the live check, not audited)."""
        if not text.strip():
            raise AssistantError("短信内容为空")
        started = time.perf_counter()
        result = self.session(session).check(text, source="对话", record=record)
        note = f"识别为{intent.label}（{intent.reason}）" if intent is not None else ""
        return ReviewOutcome(
            result=result,
            html=render.review_summary_html(result, intent_note=note, ignored=session.ignored_note()),
            intent=intent,
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )

    def rewrite(
        self,
        text: str | CheckResult,
        session: SessionSettings,
        *,
        facts: dict[str, str] | None = None,
    ) -> RewriteOutcome:
        """Rewrite with the configured engine (auto: model if configured, else offline).

        Pass the draft's :class:`CheckResult` (from :meth:`review`) to reuse it.  Knowledge
        passages are used only once the index is ready: a rewrite never waits for a build.
        A model that fails or is too slow is replaced by the offline engine (service layer).
        """
        facts = {k: v.strip() for k, v in (facts or {}).items() if v and v.strip()}
        variant = self.every_rule(session)
        kind: Kind | None = None
        product_type: str | None = None
        if isinstance(text, CheckResult) and (session.select or session.ignore):
            # checked with fewer rules: the rewrite checks it with all of them, and with the
            # kind and product type the user declared for it
            kind = text.kind if text.kind_source == "declared" else None  # type: ignore[assignment]
            product_type = declared_product_type(text)
            text = text.text
        result = variant.rewrite(
            text,
            facts=facts,
            variants=max(1, min(int(session.variants), MAX_VARIANTS)),
            retrieval=self.knowledge.ready and self.llm_config.retrieval,
            kind=kind,
            product_type=product_type,
        )
        views = variant_views(result, variant.checker)
        if result.engine == "llm":
            label = f"大模型 {result.extra.get('model') or self.llm_config.model}，调用 {result.llm_calls} 次"
        else:
            label = "离线规则引擎"
        needs = [(n, NEED_LABELS.get(n, n)) for n in result.needs]
        errors = {
            str(getattr(err, "key", "")): render.cli_free(str(getattr(err, "message", "")))
            for err in getattr(result, "fact_errors", [])
        }
        return RewriteOutcome(
            result=result, variants=views, needs=needs, engine_label=label, facts=facts, fact_errors=errors
        )

    def advisory(self, text: str | CheckResult, session: SessionSettings) -> list[dict[str, Any]]:
        """The model's advisory notes (critique); empty offline.  Never changes the verdict."""
        if not self.llm:
            return []
        result = self.session(session).critique(text)
        return [a.to_dict() for a in result.advisory]

    # ------------------------------------------------------------------ ask
    def ask(
        self, question: str, session: SessionSettings | None = None, *, k: int = 5
    ) -> Iterator[AnswerUpdate]:
        """Answer a question with numbered sources; streams when a model answers.

        The answer itself is :func:`~assistant.answer.service.answer_question`'s, as in
        ``assistant ask`` (offline: the best sentence first, then supporting points; with a
        model: its tokens as they arrive, citations to unknown sources filtered while
        streaming, the extractive answer if the model fails or runs out of time; an
        off-topic question: "知识库中没有相关内容").  It runs in a thread so that the tokens
        reach the page while it works.
        """
        question = question.strip()
        if not question:
            raise AssistantError("问题为空")
        engine = "llm" if self.llm else "offline"
        if not self.knowledge.ready:
            yield AnswerUpdate(
                question, "", [], False, engine, status="正在加载知识库（首次使用需要建立索引，请稍候）…"
            )
        self.knowledge.retriever()  # built (or waited for) here, before the answer's thread
        yield from self._answer_updates(question, k)

    def _answer_updates(self, question: str, k: int) -> Iterator[AnswerUpdate]:
        """Run the answer in a thread; turn what it reports into updates, one per burst of tokens."""
        from assistant.answer.models import Answer

        pipe: queue.Queue[Any] = queue.Queue()  # sources (list), tokens (str), then Answer or _Failed
        client = self.client() if self.llm else None

        def work() -> None:
            try:
                pipe.put(self.assistant.ask(question, k=k, on_token=pipe.put, on_sources=pipe.put))
            except BaseException as exc:
                pipe.put(_Failed(exc))

        threading.Thread(target=work, name="answer", daemon=True).start()
        sources: list[dict[str, Any]] = []
        text = ""
        model = self.llm_config.model or ""
        while True:
            item = pipe.get()
            pieces = [item]
            # Coalesce what has already arrived: one UI update per burst, not per token.
            while isinstance(pieces[-1], str):
                try:
                    pieces.append(pipe.get_nowait())
                except queue.Empty:
                    break
            grown = False
            for piece in pieces:
                if isinstance(piece, str) and piece:
                    text += piece
                    grown = True
            if grown:  # what was streamed is shown even when the end arrived in the same burst
                yield AnswerUpdate(question, text, sources, False, "llm", model=model)
            last = pieces[-1]
            if isinstance(last, str):
                continue
            if isinstance(last, list):  # retrieved: the model starts now, if there is one and sources
                sources = last
                if client is not None and sources:
                    yield AnswerUpdate(
                        question, "", sources, False, "llm", status="大模型正在作答…", model=model
                    )
                continue
            if isinstance(last, _Failed):
                raise last.exc
            answer: Answer = last
            yield AnswerUpdate(
                question,
                answer.answer,
                answer.sources,
                True,
                answer.engine,
                # without a model the banner says so; a notice is for a model that failed
                notice=answer.notice if answer.llm_calls is not None else "",
                model=answer.model if answer.engine == "llm" else "",
                removed_citations=list(answer.removed_citations),
                out_of_scope=answer.out_of_scope,
            )
            return

    # ------------------------------------------------------------------ reviews & feedback
    def decide(
        self,
        *,
        decision: str,
        reviewer: str,
        reason: str,
        target: str,
        draft: str,
        variant_text: str = "",
        variant: int | None = None,
        session: SessionSettings | None = None,
        engine: str = "",
        login: str = "",
        supersede: bool = False,
    ) -> Any:
        """Approve or reject the draft or one version, tied to its exact text (see :mod:`assistant.ui.approval`)."""
        from assistant.ui.approval import record_decision

        return record_decision(
            self,
            decision=decision,
            reviewer=reviewer,
            reason=reason,
            target=target,
            text=variant_text if target == "variant" else draft,
            original=draft,
            variant=variant,
            session=session or SessionSettings(),
            engine=engine,
            login=login,
            supersede=supersede,
        )

    def close(self) -> None:
        self.feedback.close()  # the audit store too: it is the same store


# ---------------------------------------------------------------------------- settings tab


def select_profile(session: SessionSettings, name: str | None) -> tuple[SessionSettings, str]:
    """The session with a shipped profile (or none), and the settings summary to show."""
    try:
        session = choose_profile(session, name or None)
    except AssistantError as exc:
        return session, f"提示：{exc}\n\n{session.describe()}"
    return session, session.describe()


def upload_profile(
    session: SessionSettings, path: str | None, name: str = ""
) -> tuple[SessionSettings, str, bool]:
    """The session with an uploaded profile TOML; the flag says it was taken (clear the dropdown)."""
    if not path:
        return session, session.describe(), False
    shown = name or Path(path).name
    try:
        session = choose_profile(session, path, label=shown)
    except AssistantError as exc:
        message = str(exc).replace(str(path), shown)
        return session, f"提示：{message}\n\n{session.describe()}", False
    return session, session.describe(), True


def apply_rule_settings(
    session: SessionSettings,
    *,
    selected: list[str] | None,
    ignored: list[str] | None,
    variants: float,
    auto_rewrite: bool,
    advisory: bool,
) -> tuple[SessionSettings, str]:
    """The session with the rule selection and rewrite options of the settings tab."""
    session.select, session.ignore = parse_codes(selected), parse_codes(ignored)
    session.variants = max(1, min(int(variants), MAX_VARIANTS))
    session.auto_rewrite, session.advisory = bool(auto_rewrite), bool(advisory)
    return session, session.describe()
