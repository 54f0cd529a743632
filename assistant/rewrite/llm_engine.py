"""The model-driven rewrite: the model proposes, the gate disposes.

Order of work, and why:

1. Check the draft.  Forbidden content (a finding with fix kind ``none``) is refused
   *before* any model call: no wording makes 荐股 or 比特币 compliant, and asking a model
   to try would only launder it.
2. Retrieve the passages behind the findings (query = the findings' messages) and give
   them, trimmed to a token budget, with the findings (code, span, evidence, message),
   facts and sender profile to the model; ask for N variants in JSON.
3. Every candidate goes through :func:`~assistant.rewrite.gate.validate_variant` (all
   text/profile rules plus REW001 facts kept / REW002 no invented figures).  A candidate
   that fails only on mechanically fixable points (missing 回T退订, signature brackets,
   risk warning) is repaired with the checker's safe fixes and re-validated, so the model
   is not re-asked for what code can do.  Still-failing candidates are sent back with
   their failing spans and rules; at most two such rounds, and none when the only errors
   left need a fact the user has not given (年化利率): the model cannot know it.
   Every model call — the first ask, a JSON-repair re-ask, a revise round — draws on one
   budget of :data:`MAX_CALLS` per rewrite: one call when the model complies at once,
   never more than three however it misbehaves.
4. Only candidates with no error finding are returned.  A model that never complies
   yields ``needs_input`` (when the missing piece is a fact the user must supply) or
   ``failed``; nothing non-compliant is ever returned, whatever the draft or the model
   says — that is the defence against prompt injection that actually holds.

In code: each round is a LangChain chain, ``retrieve → prompt → model → parse → gate``
(a revise round starts at the prompt), whose output step is the gate; a round loop
(:meth:`LLMRewriter._run_rounds`) decides whether another round is worth a model call, and
an outcome builder (:meth:`LLMRewriter._outcome`) turns what happened into the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.checker.engine import Checker
from assistant.checker.fixes import apply_fixes
from assistant.checker.models import CheckResult, Finding, Kind
from assistant.checker.rulespec import rule_spec
from assistant.facts import extract_facts
from assistant.llm.client import LLMClient, LLMError
from assistant.llm.config import LLMConfig, choose_engine
from assistant.llm.jsonparse import MalformedReply, parse_variants
from assistant.llm.promptdata import (
    Passage,
    fence,
    findings_query,
    format_facts,
    format_findings,
    format_passages,
    format_profile,
)
from assistant.llm.prompts import load_prompt
from assistant.llm.tokens import fit_passages
from assistant.redact import Scrubber, config_secrets
from assistant.rewrite.gate import declared_product_type, ignored_rules, is_acceptable, validate_variant
from assistant.rewrite.models import RewriteResult, Variant
from assistant.rewrite.offline import (
    NEEDS_LABELS,
    UNCHANGED_REASON,
    forbidden,
    offline_rewrite,
    original_version,
    refusal,
    tidy,
    to_resolve,
)
from assistant.rewrite.quality import assess

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # LangChain is imported only when a model rewrites (offline rewrites never pay for it)
    from langchain_core.retrievers import BaseRetriever
    from langchain_core.runnables import Runnable

    from assistant.llm.chain import CallTally, ChatTurn

#: Styles for the N versions: the guide's §三 "3 套不同版本的话术" and §四 2 value wording.
STYLES = (
    "简洁直白版",
    "价值传递版（把产品特征转化为客户得到的好处）",
    "服务关怀版",
    "活动告知版",
    "提醒说明版",
)
VARIANTS_SCHEMA = '{"variants": [{"text": "改写后的完整短信", "changes": ["改了什么（规则代码）"]}]}'
MAX_VARIANTS = 5
MAX_ROUNDS = 2
#: A variant this many times the configured maximum SMS length is rejected unread.
OVERSIZE_FACTOR = 4
#: A failing variant longer than this is sent back as excerpts around its failing spans.
REVISE_WHOLE_CHARS = 300
#: Model calls per rewrite, all kinds together (first ask, JSON repair, revise rounds).
MAX_CALLS = 3


class _MalformedTwice(Exception):
    """The model's reply was not the JSON asked for, even after one re-ask (or no budget
    was left for the re-ask: ``reasked`` is then False)."""

    def __init__(self, message: str, *, reasked: bool = True) -> None:
        super().__init__(message)
        self.reasked = reasked


@dataclass
class _Candidate:
    text: str
    changes: list[str]
    findings: list[Finding] = field(default_factory=list)
    #: Content-retention and readability problems: a version that drops the
    #: draft's purpose or does not read as a message is not returned either.
    problems: list[str] = field(default_factory=list)


@dataclass
class _Job:
    """One rewrite as every step of the chain sees it: the draft, what the user gave, the budget."""

    text: str
    facts: dict[str, str]
    n: int
    before: CheckResult
    event_id: str | None
    tally: CallTally
    retrieval: str = "off"
    passages: list[Passage] = field(default_factory=list)


@dataclass
class _Parsed:
    """The variants a reply held, with the conversation that produced them."""

    conversation: list[dict[str, str]]
    items: list[dict[str, Any]]


@dataclass
class _Round:
    """The gate's verdict on one round: the conversation so far, what passed, what did not."""

    conversation: list[dict[str, str]]
    passed: list[Variant]
    failing: list[_Candidate]


@dataclass
class _Progress:
    """What the round loop did, for the outcome builder."""

    accepted: list[Variant] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)  # per round: the codes that failed
    last_failing: list[_Candidate] = field(default_factory=list)
    rounds: int = 0  # revise rounds asked for
    budget_spent: bool = False
    error: LLMError | _MalformedTwice | None = None

    def absorb(self, round_: _Round) -> None:
        for variant in round_.passed:
            if all(v.text != variant.text for v in self.accepted):
                self.accepted.append(variant)
        if round_.failing:
            codes = {f.code for c in round_.failing for f in c.findings if f.severity == "error"}
            problems = [p for c in round_.failing for p in c.problems]
            entry: dict[str, Any] = {"round": self.rounds, "codes": sorted(codes)}
            if problems:
                entry["problems"] = list(dict.fromkeys(problems))
            self.rejected.append(entry)
        self.last_failing = round_.failing


class LLMRewriter:
    """Rewrites drafts with a model; every output passes the gate.

    Each round is a LangChain chain whose output step is the gate — the first one
    retrieve → prompt → model → parse → gate, a revise round prompt → model → parse →
    gate (:meth:`_round_chain`).  :meth:`_run_rounds` decides whether another round is
    worth a model call; :meth:`_outcome` turns what happened into the result.
    """

    def __init__(
        self,
        *,
        checker: Checker,
        client: LLMClient,
        retriever: BaseRetriever | None = None,
        max_rounds: int = MAX_ROUNDS,
        max_calls: int = MAX_CALLS,
        passages_k: int = 4,
    ) -> None:
        self.checker = checker
        self.client = client
        self.retriever = retriever
        self.max_rounds = max_rounds
        self.max_calls = max(1, int(max_calls))
        # The client's scrubber knows the configured key; a stand-in client gets the patterns.
        self.scrub: Callable[[str], str] = getattr(client, "scrub", None) or Scrubber()
        self.passages_k = passages_k
        self.prompt = load_prompt("rewrite")
        self.revise_prompt = load_prompt("revise")
        self.repair_prompt = load_prompt("json_repair")
        profile = checker.profile
        self._products = list(profile.products or []) if profile else []

    # ------------------------------------------------------------------ main
    def rewrite(
        self,
        text: str,
        *,
        facts: dict[str, str] | None = None,
        variants: int = 3,
        event_id: str | None = None,
        draft: CheckResult | None = None,
        kind: Kind | None = None,
        product_type: str | None = None,
    ) -> RewriteResult:
        """``draft``: the draft's check, if the caller has it (it carries any declared kind
        and product type); else the draft is checked with ``kind`` and ``product_type``,
        the declared ones, and every candidate is judged with them."""
        from assistant.llm.chain import CallTally  # LangChain loads only when a model rewrites

        facts = dict(facts or {})
        n = max(1, min(int(variants), MAX_VARIANTS))
        before = (
            draft if draft is not None else self.checker.check(text, kind=kind, product_type=product_type)
        )
        result = RewriteResult(
            original=text, status="failed", engine="llm", findings_before=before.findings, draft=before
        )
        result.extra.update(
            {
                "model": self.client.model,
                "prompt_version": self.prompt.id,
                "requested_variants": n,
                # the gate judges every variant with every rule; these the user's settings
                # leave out of *checks* (shown on the draft's card, recorded on approval)
                "gate": {"rules": "all", "ignored_rules": ignored_rules(self.checker)},
            }
        )
        bad = forbidden(before.findings)
        if bad:
            result.status, result.reason = "refused", refusal(bad)
            return result
        tally = CallTally(budget=self.max_calls, model=self.client.model)
        job = _Job(text, facts, n, before, event_id, tally)
        result = self._outcome(result, job, self._run_rounds(job))
        if not to_resolve(before.findings):
            _unchanged(result, before)
        return result

    # ------------------------------------------------------------------ the round loop
    def _run_rounds(self, job: _Job) -> _Progress:
        """Ask, vet, and send failing candidates back while that can still help and budget is left."""
        from assistant.llm.chain import invoke_local

        progress = _Progress()
        try:
            round_ = invoke_local(self._round_chain(job), job.before.findings)
            while True:
                progress.absorb(round_)
                failing = round_.failing
                if not failing or len(progress.accepted) >= job.n or progress.rounds >= self.max_rounds:
                    break
                if all(_only_missing_facts(c, job.facts) for c in failing):
                    break  # a re-ask cannot conjure a fact only the user knows: ask the user
                if job.tally.spent:
                    progress.budget_spent = True
                    break
                progress.rounds += 1
                wanted = failing[: job.n - len(progress.accepted)]
                round_ = invoke_local(
                    self._round_chain(job, revise=len(wanted)), (round_.conversation, wanted)
                )
        except (LLMError, _MalformedTwice) as exc:
            progress.error = exc
        return progress

    # ------------------------------------------------------------------ the chain
    def _round_chain(self, job: _Job, *, revise: int = 0) -> Runnable[Any, _Round]:
        """One round as a chain: the first retrieves and fills the rewrite prompt; a revise
        round (``revise`` = how many versions to redo) continues the conversation."""
        from langchain_core.runnables import RunnableLambda

        from assistant.llm.chain import ChatModel

        prompt = self.revise_prompt if revise else self.prompt
        purpose = "revise" if revise else "rewrite"
        model = ChatModel(
            self.client,
            purpose=purpose,
            prompt_version=prompt.id,
            json_mode=True,
            event_id=job.event_id,
            tally=job.tally,
        )
        limit = revise or job.n
        parse = RunnableLambda(lambda turn: self._parse(turn, job, purpose=purpose, limit=limit))
        gate = RunnableLambda(lambda parsed: self._gate(parsed, job))
        if revise:
            return RunnableLambda(self._revise_messages) | model | parse | gate
        retrieve = RunnableLambda(lambda findings: self._retrieve(findings, job))
        fill = RunnableLambda(lambda passages: self._prompt_values(passages, job))
        return retrieve | fill | prompt.template | model | parse | gate

    def _retrieve(self, findings: list[Finding], job: _Job) -> list[Passage]:
        """The passages behind the findings, trimmed to the token budget (none on failure)."""
        job.passages, job.retrieval = self._passages(findings)
        return job.passages

    def _prompt_values(self, passages: list[Passage], job: _Job) -> dict[str, str]:
        return self.prompt.values(
            draft=fence(job.text),
            kind=job.before.kind,
            findings=format_findings(job.before.findings, facts=job.facts),
            facts=format_facts(job.facts),
            profile=format_profile(self.checker.profile),
            sources=format_passages(passages),
            n=job.n,
            styles="；".join(STYLES[: job.n]),
        )

    def _revise_messages(self, state: tuple[list[dict[str, str]], list[_Candidate]]) -> list[dict[str, str]]:
        conversation, wanted = state
        feedback = self.revise_prompt.messages(failures=_failures_text(wanted), count=len(wanted))
        return [*conversation, *feedback]

    def _parse(self, turn: ChatTurn, job: _Job, *, purpose: str, limit: int) -> _Parsed:
        """The variants in the reply; a reply that is not the JSON asked for is re-asked once,
        if the call budget allows."""
        from assistant.llm.chain import ChatModel

        try:
            return _Parsed(turn.conversation(), parse_variants(turn.text, limit=limit))
        except MalformedReply as exc:
            first_error = str(exc)
        if job.tally.spent:
            raise _MalformedTwice(
                f"{first_error}；已用完本次改写的 {job.tally.budget} 次模型调用额度，未再重问", reasked=False
            )
        repair = self.repair_prompt.messages(error=first_error, schema=VARIANTS_SCHEMA)
        fixer = ChatModel(
            self.client,
            purpose=f"{purpose}/json_repair",
            prompt_version=self.repair_prompt.id,
            json_mode=True,
            event_id=job.event_id,
            tally=job.tally,
        )
        again = fixer.invoke([*turn.conversation(limit=4000), *repair])
        try:
            return _Parsed(again.conversation(), parse_variants(again.text, limit=limit))
        except MalformedReply as exc:
            raise _MalformedTwice(f"{first_error}；重问后仍然如此：{exc}") from exc

    def _gate(self, parsed: _Parsed, job: _Job) -> _Round:
        """Every candidate through the gate: the chain's output is what passed and what did not."""
        passed: list[Variant] = []
        failing: list[_Candidate] = []
        for item in parsed.items:
            variant, seen = self._vet(
                job.text, _Candidate(item["text"], item["changes"]), job.facts, job.before
            )
            if variant is None:
                failing.append(seen)
            else:
                passed.append(variant)
        return _Round(parsed.conversation, passed, failing)

    def _vet(
        self, original: str, cand: _Candidate, facts: dict[str, str], before: CheckResult
    ) -> tuple[Variant | None, _Candidate]:
        """Validate; if it fails, try the checker's safe fixes and validate again."""
        limit = OVERSIZE_FACTOR * self.checker.settings.max_length
        if len(cand.text) > limit:  # megabytes of "SMS" are not worth a check, only a rejection
            too_long = rule_spec("LEN001").finding(
                cand.text,
                0,
                0,
                severity="error",
                message=f"改写长 {len(cand.text)} 字，远超短信长度上限（{limit} 字），未做进一步检查",
            )
            return None, _Candidate(cand.text, cand.changes, [too_long])
        findings = validate_variant(
            original,
            cand.text,
            checker=self.checker,
            facts=facts,
            original_findings=before.findings,
            kind=before.kind,
            product_type=declared_product_type(before),
        )
        if is_acceptable(findings):
            return self._judged(original, cand, findings, before)
        fixed = tidy(apply_fixes(cand.text, findings)).strip()
        if fixed and fixed != cand.text:
            refixed = validate_variant(
                original,
                fixed,
                checker=self.checker,
                facts=facts,
                original_findings=before.findings,
                kind=before.kind,
                product_type=declared_product_type(before),
            )
            added = [
                f"自动{f.fix.description or '安全修复'}（{f.code}）"
                for f in findings
                if f.fix.kind == "safe" and f.fix.replacement is not None
            ]
            repaired = _Candidate(fixed, [*cand.changes, *added], refixed)
            if is_acceptable(refixed):
                return self._judged(original, repaired, refixed, before)
            if _errors(refixed) < _errors(findings):
                return None, repaired
        return None, _Candidate(cand.text, cand.changes, findings)

    def _judged(
        self, original: str, cand: _Candidate, findings: list[Finding], before: CheckResult
    ) -> tuple[Variant | None, _Candidate]:
        """A version the gate accepted, if it still carries the draft's message and reads as
        one (the offline engine's retention and readability checks, in their model form:
        the purpose words of every compliant clause, not its wording)."""
        quality = assess(
            original,
            cand.text,
            before.findings,
            protected=[(f.start, f.end) for f in extract_facts(original, self._products)],
            fact_findings=[f for f in findings if f.code == "REW001"],
            optout=self.checker.settings.optout_phrases,
            style="model",
        )
        if not quality.ok:
            return None, _Candidate(
                cand.text, cand.changes, findings, quality.retention + quality.readability
            )
        variant = Variant(cand.text, findings, cand.changes or ["改写"], style="model", quality=quality)
        return variant, cand

    def _passages(self, findings: list[Finding]) -> tuple[list[Passage], str]:
        if self.retriever is None:
            return [], "off"
        query = findings_query(findings)
        if not query:
            return [], "no findings"
        try:
            found = [Passage.from_document(d) for d in self.retriever.invoke(query)[: self.passages_k]]
        except Exception as exc:  # retrieval is optional context: degrade, do not fail
            why = self.scrub(str(exc))
            log.warning("知识库检索失败，改写时不附资料：%s", why)
            return [], f"unavailable: {why}"
        budget = self.client.config.context_tokens
        texts = fit_passages([p.text for p in found], budget, self.client.model)
        kept = [
            Passage(p.title, p.section, t, p.source, p.id, p.confidence)
            for p, t in zip(found, texts, strict=False)
        ]
        return kept, "ok" if len(kept) == len(
            found
        ) else f"ok (trimmed {len(found)}→{len(kept)} to {budget} tokens)"

    # ------------------------------------------------------------------ the outcome
    def _outcome(self, result: RewriteResult, job: _Job, progress: _Progress) -> RewriteResult:
        """Status, needs, reason and variants from what the rounds produced."""
        result.extra["retrieval"] = job.retrieval
        result.extra["sources"] = [
            {"id": i, "title": p.heading(), "chunk_id": p.id} for i, p in enumerate(job.passages, 1)
        ]
        tally = job.tally
        result.llm_calls = tally.calls
        result.extra.update(
            {
                "model": tally.model or result.extra.get("model", ""),
                "llm_requests": tally.requests,
                "rounds": progress.rounds,
                "rejected": progress.rejected,
                "usage": {"prompt_tokens": tally.prompt_tokens, "completion_tokens": tally.completion_tokens},
            }
        )
        accepted, exc = progress.accepted, progress.error
        if isinstance(exc, LLMError):
            result.extra["llm_error"] = exc.kind
            if accepted:
                note = self.scrub(f"后续追问失败（{exc}），已返回通过复检的版本")
                return _fixed(result, accepted, job.n, note=note)
            result.reason = self.scrub(
                f"大模型调用失败：{exc}。这是模型服务的问题，不是草稿的问题；可稍后重试，或使用 --engine offline。"
            )
            return result
        if isinstance(exc, _MalformedTwice):
            result.extra["llm_error"] = "malformed_json"
            if accepted:
                note = "后续追问中模型回复的 JSON 格式不正确，已返回通过复检的版本"
                return _fixed(result, accepted, job.n, note=note)
            how = "已重问一次仍无法解析" if exc.reasked else "模型调用次数已达上限，未能给出合规版本"
            result.reason = self.scrub(
                f"模型回复的 JSON 格式不正确（{exc}），{how}。"
                "这是模型的问题，不是草稿的问题；可更换模型或稍后重试，或使用 --engine offline。"
            )
            return result
        if accepted:
            return _fixed(result, accepted, job.n)
        errors = [f for c in progress.last_failing for f in c.findings if f.severity == "error"]
        needs = sorted({x for f in errors for x in f.fix.needs if x not in job.facts})
        problems = [p for c in progress.last_failing for p in c.problems]
        codes = "、".join(sorted({f.code for f in errors})) or (
            "内容保留或可读性要求：" + "；".join(dict.fromkeys(problems))[:200] if problems else "未知"
        )
        spent = f"已用完本次改写的 {tally.budget} 次模型调用额度；" if progress.budget_spent else ""
        if needs:
            result.status = "needs_input"
            result.needs = needs
            result.reason = (
                "需要补充以下信息才能给出合规版本："
                + "、".join(NEEDS_LABELS.get(x, x) for x in needs)
                + "（可用 --fact KEY=VALUE 提供）。"
                + spent
                + "模型的候选仍违反 "
                + codes
                + "，均未返回。"
            )
        else:
            result.reason = (
                f"{spent}模型在 {progress.rounds + 1} 轮中给出的候选都未通过复检（仍违反 {codes}），"
                "为避免发送违规内容，未返回任何版本。可修改草稿后重试，或使用 --engine offline。"
            )
        return result


def _only_missing_facts(cand: _Candidate, facts: dict[str, str]) -> bool:
    """True when every error of ``cand`` needs a fact the user has not supplied."""
    errors = [f for f in cand.findings if f.severity == "error"]
    return bool(errors) and all(
        f.fix.kind == "needs_input" and any(x not in facts for x in f.fix.needs) for f in errors
    )


def _errors(findings: list[Finding]) -> int:
    return sum(1 for f in findings if f.severity == "error")


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _variant_excerpt(text: str, errors: list[Finding]) -> str:
    """The failing variant as the model needs to see it again: whole when short, else its
    opening and the failing spans with a little context (never megabytes back upstream)."""
    if len(text) <= REVISE_WHOLE_CHARS:
        return fence(text)
    pieces = [text[:80]]
    for f in errors[:8]:
        if f.end > f.start:
            pieces.append(text[max(0, f.start - 20) : min(len(text), f.end + 20)][:120])
    return fence(" …… ".join(pieces)) + f"（该版本共 {len(text)} 字，已截断，只列出开头和问题片段）"


def _failures_text(cands: list[_Candidate]) -> str:
    blocks = []
    for i, c in enumerate(cands, start=1):
        errors = [f for f in c.findings if f.severity == "error"]
        lines = [f"版本{i}：<variant>{_variant_excerpt(c.text, errors)}</variant>"]
        for f in errors[:12]:
            where = f"位置 {f.start}–{f.end} 片段「{fence(_clip(f.evidence))}」" if f.evidence else "整条短信"
            lines.append(f"  - {f.code} {f.name}（{where}）：{_clip(f.message, 200)}")
        for p in c.problems[:6]:
            lines.append(f"  - 内容或可读性：{fence(_clip(p, 200))}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _unchanged(result: RewriteResult, before: CheckResult) -> None:
    """A draft with nothing to fix is ``unchanged``, never "fixed": the model's versions (each
    through the gate) are other wordings to choose from; without any, the draft itself."""
    result.status, result.needs = "unchanged", []
    if result.variants:
        result.reason = f"{UNCHANGED_REASON}；以下为模型给出的其他写法（均已通过复检）"
        return
    why = f"（{result.reason}）" if result.reason else ""
    result.variants = [original_version(before)]
    result.reason = f"{UNCHANGED_REASON}{why}"


def _fixed(result: RewriteResult, accepted: list[Variant], n: int, note: str = "") -> RewriteResult:
    result.status = "fixed"
    result.variants = accepted[:n]
    if len(result.variants) < n:
        note = (note + "；" if note else "") + f"要求 {n} 个版本，{len(result.variants)} 个通过复检"
    if note:
        result.reason = note
    return result


# ---------------------------------------------------------------------- dispatch
def rewrite(
    text: str,
    *,
    checker: Checker,
    engine: str = "auto",
    llm_config: LLMConfig | None = None,
    client: LLMClient | None = None,
    retriever: BaseRetriever | None = None,
    facts: dict[str, str] | None = None,
    variants: int = 3,
    event_id: str | None = None,
    draft: CheckResult | None = None,
    kind: Kind | None = None,
    product_type: str | None = None,
) -> RewriteResult:
    """Pick the engine and run it (the service layer records the audit event).

    ``engine="auto"`` uses the model when one is configured, else the offline engine and
    says so in ``notice``; ``"llm"`` without a model raises :class:`InputError`.
    ``kind`` / ``product_type``: the draft's declared ones (a batch row's own columns);
    the draft is checked with them once here, and both engines judge from that check.
    """
    cfg = llm_config or (client.config if client is not None else LLMConfig())
    chosen, notice = choose_engine(engine, cfg)
    if draft is None:
        draft = checker.check(text, kind=kind, product_type=product_type)
    if chosen == "llm":
        client = client or LLMClient(cfg)
        return LLMRewriter(checker=checker, client=client, retriever=retriever).rewrite(
            text, facts=facts, variants=variants, event_id=event_id, draft=draft
        )
    result = offline_rewrite(text, checker=checker, facts=facts, variants=variants, draft=draft)
    if notice:
        result.extra["notice"] = notice
    return result


#: A draft for :func:`rewrite_many`: its text, or ``(text, kind, product_type)`` with the
#: row's declared kind and product type (``None`` where not declared), as ``check_many`` takes.
Draft = str | tuple[str, Kind | None, str | None]


def rewrite_many(
    texts: Iterable[Draft],
    *,
    checker: Checker,
    engine: str = "auto",
    llm_config: LLMConfig | None = None,
    client: LLMClient | None = None,
    retriever: BaseRetriever | None = None,
    facts: dict[str, str] | None = None,
    variants: int = 3,
    workers: int | None = None,
    on_error: Callable[[str, BaseException], RewriteResult] | None = None,
    event_id: str | None = None,
) -> Iterator[RewriteResult]:
    """Rewrite many drafts concurrently, yielding results in input order.

    A draft given as ``(text, kind, product_type)`` is checked and rewritten with its own
    declared kind and product type.  The client's semaphore bounds calls in flight
    (``concurrency``); every row yields a result — an unexpected exception becomes a
    ``failed`` row, never a lost one.  Model calls are linked to ``event_id`` (the batch's
    audit event).
    """
    cfg = llm_config or (client.config if client is not None else LLMConfig())
    chosen, _ = choose_engine(engine, cfg)
    if chosen == "llm" and client is None:
        client = LLMClient(cfg)
    pool_size = workers or (cfg.concurrency if chosen == "llm" else 1)

    def one(item: Draft) -> RewriteResult:
        text, kind, product_type = (item, None, None) if isinstance(item, str) else item
        try:
            return rewrite(
                text,
                checker=checker,
                engine=engine,
                llm_config=cfg,
                client=client,
                retriever=retriever,
                facts=facts,
                variants=variants,
                event_id=event_id,
                kind=kind,
                product_type=product_type,
            )
        except Exception as exc:
            if on_error is not None:
                return on_error(text, exc)
            failed = RewriteResult(original=text, status="failed", engine=chosen)
            failed.reason = Scrubber(config_secrets(cfg))(f"内部错误：{type(exc).__name__}: {exc}")
            return failed

    if pool_size <= 1:
        for text in texts:
            yield one(text)
        return
    with ThreadPoolExecutor(max_workers=pool_size) as pool:
        # Bounded look-ahead keeps memory flat on long inputs while the pool stays busy.
        window: list[Any] = []
        for text in texts:
            window.append(pool.submit(one, text))
            if len(window) >= pool_size * 4:
                yield window.pop(0).result()
        for fut in window:
            yield fut.result()
