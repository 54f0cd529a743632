"""What the web UI does, as plain functions and one services object: testable without a browser.

The Gradio layer (:mod:`assistant.ui.tabs`) only moves values between components and
these functions (and the chat and history steps built on them, :mod:`assistant.ui.chat`,
:mod:`assistant.ui.history`), so every behaviour a user sees — intent detection, the
review card, rewrite variants with their diffs and resolved findings, the needs-input
round trip, cited answers, approvals, batch checks, settings — is exercised by unit
tests, not by clicking.  Nothing here imports gradio.

The library does the work (``Checker``, ``rewrite``, the retriever, ``answer_question``);
this module adds only presentation data and one extra guard: a rewrite variant that
still has an error finding is never handed to the UI, even though the rewrite gate
already guarantees that (:class:`UnsafeVariantError`).
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
from pathlib import Path
from typing import Any, Literal

from assistant import labels as zh
from assistant.checker.detectors.length import segments, sms_length
from assistant.checker.engine import Checker
from assistant.checker.models import CheckResult, Finding
from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.llm.config import LLMConfig, load_llm_config
from assistant.profile import SenderProfile, load_profile
from assistant.redact import config_secrets
from assistant.rewrite.gate import lingering_findings
from assistant.rewrite.models import RewriteResult
from assistant.rewrite.offline import NEEDS_LABELS
from assistant.service.knowledge import Knowledge
from assistant.ui import render
from assistant.ui.batch import BatchOutcome, ProgressFn, run_batch, validate_upload
from assistant.ui.feedback import FeedbackStore

MAX_VARIANTS = 5
OFFLINE_LABEL = "离线规则引擎（未配置大模型）"

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------- intent

_SIGNATURE_RE = re.compile(r"^\s*【[^】\n]{1,20}】|【[^】\n]{1,20}】\s*$")
_QUESTION_START_RE = re.compile(
    r"^\s*(请问|什么|怎么|怎样|如何|为什么|为何|能不能|能否|可不可以|可以不可以|是否|是不是|有没有|"
    r"哪些|哪个|哪里|哪种|多少|几条|几次|要不要|需不需要|需要什么|应该|应当|营销短信能|短信能)"
)
_QUESTION_END_RE = re.compile(r"[？?]\s*$|[吗呢么]\s*[。.！!]?\s*$")
_SMS_CUE_RE = re.compile(
    r"回T退订|回复T退订|退订回T|拒收请回复R|退订|https?://|www\.|\.com|\.cn|\d+(\.\d+)?%|详询|点击|登录|"
    r"尊敬的|您好|亲爱的|客户|您的|您尾号"
)


@dataclass(frozen=True)
class Intent:
    """Whether a chat input is an SMS draft or a question, and why we think so."""

    kind: Literal["sms", "question"]
    reason: str

    @property
    def label(self) -> str:
        return "短信草稿" if self.kind == "sms" else "合规问题"


def detect_intent(text: str) -> Intent:
    """Classify chat input: a draft to review, or a question to answer.

    A 【】 signature is the strongest cue (every Chinese SMS carries one); then question
    form (ends with ？/?/吗, or starts with 什么/怎么/能不能/是否…); then SMS cues (opt-out,
    links, rates, salutations, length).  Ambiguous short text defaults to a review: a
    needless review costs nothing, a draft treated as a question gets no findings.
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
    if len(s) >= 40:
        return Intent("sms", "篇幅像一条短信")
    return Intent("sms", "默认按短信草稿审核")


def resolve_mode(mode: str, text: str) -> tuple[str, Intent | None]:
    """The action to take (review / rewrite / ask) for ``mode``; auto reviews and rewrites drafts."""
    if mode in ("review", "rewrite", "ask"):
        return mode, None
    intent = detect_intent(text)
    return ("rewrite" if intent.kind == "sms" else "ask"), intent


# ---------------------------------------------------------------------------- settings


@dataclass
class SessionSettings:
    """Per-browser-session settings (held in ``gr.State``; plain data so it deep-copies)."""

    profile_name: str = ""  # a shipped profile's name, or "" when none / uploaded
    profile_label: str = "未使用发送方档案"
    profile_data: dict[str, Any] | None = None  # a validated SenderProfile, dumped
    select: list[str] = field(default_factory=list)  # empty: the project config's selection
    ignore: list[str] = field(default_factory=list)
    variants: int = 3
    auto_rewrite: bool = True
    advisory: bool = False

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


def shipped_profiles() -> list[str]:
    from assistant.paths import profiles_dir

    return sorted(p.stem for p in profiles_dir().glob("*.toml"))


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
    settings.profile_data = profile.model_dump()
    shipped = str(name_or_path) in shipped_profiles()
    settings.profile_name = str(name_or_path) if shipped else ""
    where = f"内置档案 {name_or_path}" if shipped else f"上传文件 {label or Path(str(name_or_path)).name}"
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
    """A rewrite variant with an error finding reached the UI layer: a library bug, never shown."""


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
    index: int  # 1-based
    text: str
    length: int
    segments: int
    findings: list[Finding]  # warnings/info only: errors are impossible here
    resolved: list[Finding]  # the draft's findings this variant no longer has
    changes: list[str]
    diff_html: str

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

    @property
    def status(self) -> str:
        return self.result.status

    @property
    def reason(self) -> str:
        return self.result.reason

    def html(self) -> str:
        """The chat card: status, each variant with its counts, or the refusal / missing facts."""
        r = self.result
        head = f"<b>改写：{zh.STATUS_ZH.get(r.status, r.status)}</b>（{render.e(self.engine_label)}）"
        parts = [f'<div class="rv"><div class="rv-head">{head}</div>']
        if r.status == "refused":
            parts.append(f'<div class="refused">{render.e(r.reason)}</div>')
            parts.append(_refusal_citations(r.findings_before))
        elif r.status == "needs_input":
            labels = "、".join(label for _, label in self.needs)
            parts.append(
                f'<div class="needs">{render.e(r.reason)}<br>请在右侧“补充信息”中填写：{render.e(labels)}，'
                "然后点“补充后重新改写”。</div>"
            )
        elif r.status == "failed":
            parts.append(f'<div class="refused">{render.e(r.reason or "改写失败")}</div>')
        for v in self.variants:
            unchanged = v.text == r.original
            parts.append(f'<div class="variant-meta">{render.e(v.meta)}</div>')
            parts.append(f'<div class="rv-text">{render.e(v.text)}</div>')
            if unchanged:
                parts.append('<div class="muted">原稿未发现需要修改之处。</div>')
            else:
                parts.append(v.diff_html)
        if r.status == "fixed" and r.reason:
            parts.append(f'<div class="muted">{render.e(r.reason)}</div>')
        parts.append("</div>")
        return "".join(parts)


def _refusal_citations(findings: list[Finding]) -> str:
    items = [f for f in findings if f.fix.kind == "none" and f.severity == "error"]
    if not items:
        return ""
    return '<ol class="rv-findings">' + "".join(render.finding_item(f) for f in items) + "</ol>"


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


def _same(a: Finding, b: Finding) -> bool:
    return a.code == b.code and a.evidence == b.evidence


def variant_views(result: RewriteResult, checker: Checker) -> list[VariantView]:
    """Presentation of each variant; raises :class:`UnsafeVariantError` on any error finding.

    The variant is re-checked here with the session's checker as well as trusting the
    gate's findings, so a bug in either still cannot put a non-compliant text on screen.
    """
    views: list[VariantView] = []
    draft = result.draft if result.draft is not None else checker.check(result.original)
    kind = draft.kind if result.variants else None
    for i, v in enumerate(result.variants, start=1):
        # as the gate judges: the draft's kind, strictly, and no banned wording carried over
        recheck = [
            *checker.check(v.text, kind=kind, strict=True).findings,
            *lingering_findings(v.text, result.findings_before),
        ]
        errors = [f for f in [*v.findings, *recheck] if f.severity == "error"]
        if errors:
            raise UnsafeVariantError(
                f"改写版本 {i} 仍有错误级发现（{render.codes_text(errors)}），已拦截，未显示"
            )
        remaining = list(v.findings) + [f for f in recheck if not any(_same(f, g) for g in v.findings)]
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
                changes=list(v.changes),
                diff_html=render.diff_html(result.original, v.text),
            )
        )
    return views


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

    def rule_choices(self) -> list[str]:
        """``"CODE 标题"`` for every rule the checker can run, for the settings dropdowns."""
        from assistant.checker.rulespec import load_rule_specs

        return [
            f"{s.code} {s.title}" for s in load_rule_specs() if s.scope in ("text", "profile", "campaign")
        ]

    def warm_up(self, *, knowledge: bool = True) -> None:
        """Pay the first-check cost (lazy tables, ~0.5 s) and start the knowledge index now."""
        self.checker(SessionSettings()).check("【明德银行】预热。回T退订")
        if knowledge:
            self.knowledge.warm_up_async()

    # ------------------------------------------------------------------ review / rewrite
    def review(self, text: str, session: SessionSettings, *, intent: Intent | None = None) -> ReviewOutcome:
        if not text.strip():
            raise AssistantError("短信内容为空")
        started = time.perf_counter()
        result = self.session(session).check(text, source="对话")
        note = f"识别为{intent.label}（{intent.reason}）" if intent is not None else ""
        return ReviewOutcome(
            result=result,
            html=render.review_html(result, intent_note=note),
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
        """
        facts = {k: v.strip() for k, v in (facts or {}).items() if v and v.strip()}
        variant = self.session(session)
        result = variant.rewrite(
            text,
            facts=facts,
            variants=max(1, min(int(session.variants), MAX_VARIANTS)),
            retrieval=self.knowledge.ready and self.llm_config.retrieval,
        )
        views = variant_views(result, variant.checker)
        if result.engine == "llm":
            label = f"大模型 {result.extra.get('model') or self.llm_config.model}，调用 {result.llm_calls} 次"
        else:
            label = "离线规则引擎"
        needs = [(n, NEEDS_LABELS.get(n, n)) for n in result.needs]
        return RewriteOutcome(result=result, variants=views, needs=needs, engine_label=label, facts=facts)

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
        ``assistant ask`` (offline: sentences quoted from the sources; with a model: its
        tokens as they arrive, citations to unknown sources filtered while streaming, and
        the extractive answer with a notice if the model fails).  Here it runs in a thread
        so that the tokens reach the page while it works.
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
                notice=answer.notice,
                model=answer.model if answer.engine == "llm" else "",
                removed_citations=list(answer.removed_citations),
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
    ) -> Any:
        """Approve or reject the draft or one variant; the text is re-checked and stored with its verdict.

        A reviewer name is required; approving a text that still has an error finding
        requires a reason (the record then shows who overrode the checker and why).
        """
        if not reviewer.strip():
            raise AssistantError("请填写审核人姓名")
        text = variant_text if target == "variant" else draft
        if not text.strip():
            raise AssistantError("没有可审批的内容：请先提交一条短信草稿")
        checked = self.checker(session or SessionSettings()).check(text)
        if decision == "approved" and checked.verdict == "fail" and not reason.strip():
            raise AssistantError("该文本仍有错误级发现，批准时必须填写理由")
        if decision == "rejected" and not reason.strip():
            raise AssistantError("驳回时请填写理由")
        return self.feedback.record_review(
            reviewer=reviewer,
            decision=decision,
            target=target,
            text=text,
            original=draft,
            variant=variant,
            verdict=zh.VERDICT_ZH.get(checked.verdict, checked.verdict),
            codes=render.codes_text(checked.findings),
            reason=reason,
            engine=engine,
            login=login,
        )

    def close(self) -> None:
        self.feedback.close()  # the audit store too: it is the same store


# ---------------------------------------------------------------------------- feedback targets


def finding_label(f: Finding) -> str:
    ev = f"「{f.evidence}」" if f.evidence else "（整条）"
    return f"{f.code}{ev} @{f.start}-{f.end}"


def feedback_targets(review: CheckResult | None, question: str = "") -> list[str]:
    """Choices for the thumbs form: every finding of the last review, and the last answer."""
    out: list[str] = []
    if question:
        out.append(f"回答：{question[:40]}")
    if review is not None:
        out.extend(f"发现：{finding_label(f)}" for f in review.findings)
    return out


def find_target(label: str, review: CheckResult | None) -> Finding | None:
    if review is None or not label.startswith("发现："):
        return None
    for f in review.findings:
        if f"发现：{finding_label(f)}" == label:
            return f
    return None


# ---------------------------------------------------------------------------- batch tab


@dataclass(frozen=True)
class BatchView:
    """A batch run as the tab shows it: the summary (or why the upload was refused) and the outcome."""

    message: str
    outcome: BatchOutcome | None = None  # None: nothing was checked
    table: list[list[Any]] = field(default_factory=list)  # the first rows, for the on-screen table


def check_upload(
    services: AssistantServices,
    session: SessionSettings,
    path: str | None,
    how: str,
    *,
    progress: ProgressFn | None = None,
) -> BatchView:
    """Check an uploaded file with the session's rules; ``how`` is auto, check or campaign."""
    try:
        outcome = run_batch(
            validate_upload(path),
            assistant=services.session(session),
            progress=progress,
            campaign=None if how == "auto" else how == "campaign",
        )
    except AssistantError as exc:
        return BatchView(f"提示：{exc}")
    shown = outcome.table()
    note = "" if len(shown) == outcome.total else f"\n\n表格显示前 {len(shown)} 行，完整结果见下载文件。"
    return BatchView(outcome.summary().replace("\n", "\n\n") + note, outcome, shown)


# ---------------------------------------------------------------------------- settings tab


def select_profile(session: SessionSettings, name: str | None) -> tuple[SessionSettings, str]:
    """The session with a shipped profile (or none), and the settings summary to show."""
    try:
        session = choose_profile(session, name or None)
    except AssistantError as exc:
        return session, f"提示：{exc}\n\n{session.describe()}"
    return session, session.describe()


def upload_profile(session: SessionSettings, path: str | None) -> tuple[SessionSettings, str, bool]:
    """The session with an uploaded profile TOML; the flag says it was taken (clear the dropdown)."""
    if not path:
        return session, session.describe(), False
    try:
        session = choose_profile(session, path, label=Path(path).name)
    except AssistantError as exc:
        return session, f"提示：{exc}\n\n{session.describe()}", False
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
    session.variants = int(variants)
    session.auto_rewrite, session.advisory = bool(auto_rewrite), bool(advisory)
    return session, session.describe()
