"""The :class:`Assistant`: the product assembled once, under the CLI and the UI.

Why one object: the CLI and the UI used to assemble the product each in their own way
(which checker, which settings, which engine, whether to audit), so a fix landed in one
and not the other.  Here each concern has one place:

* configuration: :func:`assistant.config.load_project_config`, plus the caller's profile
  and rule selection (``--select`` replaces, ``--ignore`` adds, ruff-style);
* checkers: one per (profile, selection), built once and cached — the UI's sessions share
  them through :meth:`Assistant.variant`;
* the model: the engine choice (:func:`assistant.llm.config.choose_engine`) and one client;
* the audit store: opened once; **every user-facing action writes exactly one event**
  (a single check, a whole batch, a rewrite or a batch of rewrites, a critique, an answer,
  a campaign, an evaluation), and model calls are linked to it by its id.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.checker.engine import Checker
from assistant.checker.models import CheckResult, Kind
from assistant.config import LLMConfig, ProjectConfig, Settings, load_project_config
from assistant.errors import ConfigError
from assistant.profile import SenderProfile, load_profile
from assistant.service.knowledge import Knowledge

if TYPE_CHECKING:
    from assistant.answer.models import Answer
    from assistant.audit import AuditStore
    from assistant.llm.client import LLMClient
    from assistant.rewrite.critique import CritiqueResult
    from assistant.rewrite.gate import GateReport
    from assistant.rewrite.llm_engine import Draft
    from assistant.rewrite.models import RewriteResult
    from assistant.rewrite.validators import FactError, ValidatedFact

#: Results kept in a batch's audit event (a million-row file is one event, not a million).
AUDIT_DETAIL = 50
OFFLINE_LABEL = "离线规则引擎（未配置大模型）"
_UNSET: Any = object()


@dataclass
class BatchStats:
    """What a batch check counted: verdicts, findings and unreadable rows."""

    verdicts: dict[str, int] = field(default_factory=lambda: {"pass": 0, "review": 0, "fail": 0})
    errors: int = 0
    warnings: int = 0
    row_errors: int = 0
    checked: int = 0
    sample: list[dict[str, Any]] = field(default_factory=list)

    def add(self, result: CheckResult) -> None:
        self.checked += 1
        self.verdicts[result.verdict] += 1
        if result.findings:  # most results have none; one pass over the rest
            severities = [f.severity for f in result.findings]
            self.errors += severities.count("error")
            self.warnings += severities.count("warning")
        if len(self.sample) < AUDIT_DETAIL:
            self.sample.append(
                {"text": result.text, "verdict": result.verdict, "codes": [f.code for f in result.findings]}
            )

    @property
    def status(self) -> str:
        return "fail" if self.verdicts["fail"] else "review" if self.verdicts["review"] else "pass"

    def to_dict(self) -> dict[str, Any]:
        return {
            "counts": dict(self.verdicts),
            "checked": self.checked,
            "errors": self.errors,
            "warnings": self.warnings,
            "row_errors": self.row_errors,
        }


@dataclass
class _RewriteTally:
    """What a rewrite batch's audit event needs: counts, and the first results in detail."""

    total: int = 0
    llm_calls: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    first: list[RewriteResult] = field(default_factory=list)

    def add(self, result: RewriteResult) -> None:
        self.total += 1
        self.llm_calls += result.llm_calls
        self.statuses[result.status] = self.statuses.get(result.status, 0) + 1
        if len(self.first) < AUDIT_DETAIL:
            self.first.append(result)


class _Shared:
    """What every variant of an assistant shares: config, model, audit store, index, checkers."""

    def __init__(
        self,
        project: ProjectConfig,
        config_path: Path | str | None,
        llm: LLMConfig,
        audit: AuditStore | Any | None,
        knowledge: Knowledge | None,
    ) -> None:
        self.project = project
        self.config_path = config_path
        self.llm = llm
        self._audit = audit  # _UNSET: open on first use
        self.knowledge = knowledge or Knowledge(config_path)
        self.checkers: OrderedDict[str, Checker] = OrderedDict()
        self.lock = threading.Lock()
        self._client: LLMClient | None = None

    def audit(self) -> AuditStore | None:
        with self.lock:
            if self._audit is _UNSET:
                from assistant.audit import open_audit
                from assistant.redact import config_secrets

                self._audit = open_audit(self.config_path, secrets=config_secrets(self.llm))
            return self._audit

    def client(self) -> LLMClient:
        store = self.audit()
        with self.lock:
            if self._client is None:
                from assistant.llm.client import LLMClient

                self._client = LLMClient(self.llm, audit=store)
            return self._client

    def checker(self, settings: Settings, profile: SenderProfile | None) -> Checker:
        """A checker per distinct (profile, selection): building one takes ~0.1 s, a check ~0.1 ms."""
        # repr, not model_dump_json: the same for equal settings (every field is shown, at
        # full precision), and it needs no serialiser built (see assistant.config.defaults)
        key = repr(settings) + (profile.model_dump_json() if profile is not None else "")
        with self.lock:
            hit = self.checkers.get(key)
            if hit is not None:
                self.checkers.move_to_end(key)
                return hit
        checker = Checker(settings, profile)
        with self.lock:
            self.checkers[key] = checker
            while len(self.checkers) > 16:
                self.checkers.popitem(last=False)
        return checker


class Assistant:
    """The product: check, rewrite, critique, ask, campaign, evaluate — each audited once."""

    def __init__(
        self,
        project: ProjectConfig | None = None,
        *,
        settings: Settings | None = None,
        profile: SenderProfile | None = None,
        llm: LLMConfig | None = None,
        audit: AuditStore | Any | None = _UNSET,
        knowledge: Knowledge | None = None,
        config_path: Path | str | None = None,
        _shared: _Shared | None = None,
    ) -> None:
        if _shared is None:
            project = project or ProjectConfig()
            if llm is None:
                from assistant.llm.config import load_llm_config

                llm = (
                    load_llm_config(config_path)[0]
                    if config_path is not None or project.path
                    else LLMConfig()
                )
            _shared = _Shared(project, config_path, llm, audit, knowledge)
        self._shared = _shared
        self.settings: Settings = settings or _shared.project.checker
        self.profile = profile

    # ------------------------------------------------------------------ assembling
    @classmethod
    def open(
        cls,
        config: Path | str | None = None,
        *,
        profile: str | Path | SenderProfile | None = None,
        select: str | list[str] | None = None,
        ignore: str | list[str] | None = None,
        llm: LLMConfig | None = None,
        audit: bool | AuditStore | None = True,
        knowledge: Knowledge | None = None,
    ) -> Assistant:
        """The assistant for a project config (``--config``, or ``./assistant.toml``).

        ``audit``: ``True`` opens the configured store on first use; ``False``/``None``
        records nothing; an open store is used as it is (the UI shares its reviews store).
        """
        from assistant.llm.config import load_llm_config

        project = load_project_config(config)
        llm = llm if llm is not None else load_llm_config(config)[0]
        store = _UNSET if audit is True else None if audit is False else audit
        shared = _Shared(project, config, llm, store, knowledge)
        settings = with_selection(project.checker, select, ignore)
        loaded = load_profile(profile) if isinstance(profile, str | Path) else profile
        assistant = cls(_shared=shared, settings=settings, profile=loaded)
        assistant.checker  # noqa: B018  (unknown rule codes fail now, before any output)
        return assistant

    def variant(
        self,
        *,
        profile: SenderProfile | Any | None = _UNSET,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
    ) -> Assistant:
        """The same assistant with another sender profile or rule selection (a UI session)."""
        settings = with_selection(self._shared.project.checker, select, ignore)
        return Assistant(
            _shared=self._shared, settings=settings, profile=self.profile if profile is _UNSET else profile
        )

    @property
    def project(self) -> ProjectConfig:
        return self._shared.project

    @property
    def config_source(self) -> str:
        """Which config file this run uses (for output footers and JSON ``config`` fields)."""
        return self._shared.project.source

    @property
    def llm(self) -> LLMConfig:
        return self._shared.llm

    @property
    def knowledge(self) -> Knowledge:
        return self._shared.knowledge

    @property
    def checker(self) -> Checker:
        return self._shared.checker(self.settings, self.profile)

    @property
    def audit(self) -> AuditStore | None:
        return self._shared.audit()

    @property
    def ignored_rules(self) -> list[str]:
        """Rules this assistant's select/ignore settings leave out of *checks*.

        The gate for model output runs them all anyway; the UI shows these on a draft's
        card and an approval records them.
        """
        from assistant.checker.engine import ignored_rules  # not the gate's: see there

        return ignored_rules(self.checker)

    def gate(
        self, draft: str | CheckResult, variant: str, *, facts: dict[str, str] | None = None
    ) -> GateReport:
        """The gate's verdict on ``variant`` as a rewrite of ``draft``: every rule whatever the
        settings, both kinds, facts, contact points and added content (for the UI's last
        look before it shows or approves a text)."""
        from assistant.rewrite.gate import declared_product_type, judge_variant

        checked = draft if isinstance(draft, CheckResult) else None
        text = checked.text if checked is not None else str(draft)
        return judge_variant(
            text,
            variant,
            checker=self.checker,
            facts=facts,
            original_findings=checked.findings if checked is not None else None,
            kind=checked.kind if checked is not None and checked.kind_source == "declared" else None,
            product_type=declared_product_type(checked) if checked is not None else None,
        )

    def client(self) -> LLMClient:
        return self._shared.client()

    @property
    def llm_configured(self) -> bool:
        return self.llm.configured

    @property
    def mode_label(self) -> str:
        if self.llm.configured:
            return f"大模型 {self.llm.model}（{self.llm.endpoint()}）"
        return OFFLINE_LABEL

    def engine(self, requested: str) -> tuple[str, str]:
        """Which engine runs (``llm``/``offline``) for ``requested``, and any fallback notice."""
        from assistant.llm.config import choose_engine

        return choose_engine(requested, self.llm)

    # ------------------------------------------------------------------ auditing
    def record(
        self, kind: str, *, input: Any, output: Any, event_id: str | None = None, **columns: Any
    ) -> str:
        """Write one audit event (never raises: the store logs a failed write)."""
        from assistant.audit import new_event_id

        event_id = event_id or new_event_id()
        store = self.audit
        if store is not None:
            store.record_event(kind, input=input, output=output, event_id=event_id, **columns)
        return event_id

    # ------------------------------------------------------------------ check
    def check(
        self,
        text: str,
        *,
        kind: Kind | None = None,
        fix: bool = False,
        meta: dict[str, Any] | None = None,
        source: str = "",
        record: bool = True,
    ) -> CheckResult:
        """Check one message (one audit event; ``record=False`` for the editor's live
        re-check while typing, which is not an action of its own)."""
        result = self.checker.check(text, kind=kind, fix=fix, meta=meta)
        if not record:
            return result
        self.record(
            "check",
            input={"texts": [text], "source": source},
            output={"counts": {result.verdict: 1}, "results": [_summary(result)]},
            engine="offline",
            status=result.verdict,
            meta={"config": self.config_source},
        )
        return result

    def check_many(
        self,
        items: Iterable[str | tuple[str, Kind | None]],
        *,
        workers: int = 1,
        fix: bool = False,
        kind: Kind | None = None,
        stats: BatchStats | None = None,
        source: str = "",
    ) -> Iterator[CheckResult]:
        """Check a stream of messages in order, streamed; one audit event when it ends.

        ``stats`` (give your own to read it afterwards, or to count unreadable rows in it)
        collects the verdict counts the event records.  The event is written even when
        the caller stops early (the generator is closed).
        """
        stats = stats if stats is not None else BatchStats()
        started = time.perf_counter()
        try:
            for result in self.checker.check_many(items, workers=workers, fix=fix, kind=kind):
                stats.add(result)
                yield result
        finally:
            self.record(
                "check",
                input={"source": source, "texts": [s["text"] for s in stats.sample]},
                output={**stats.to_dict(), "results": stats.sample},
                engine="offline",
                status=stats.status,
                meta={"config": self.config_source, "seconds": round(time.perf_counter() - started, 3)},
            )

    # ------------------------------------------------------------------ rewrite
    def rewrite(
        self,
        draft: str | CheckResult,
        *,
        facts: dict[str, str] | None = None,
        variants: int = 3,
        engine: str = "auto",
        retrieval: bool | None = None,
        kind: Kind | None = None,
        product_type: str | None = None,
    ) -> RewriteResult:
        """Compliant versions of a draft (its check reused when given); one audit event.

        ``kind`` / ``product_type``: the draft's declared ones, for a text draft (a checked
        draft carries its own); the draft is checked and every version judged with them."""
        from assistant.audit import new_event_id
        from assistant.rewrite.llm_engine import rewrite

        checked = (
            draft
            if isinstance(draft, CheckResult)
            else self.checker.check(draft, kind=kind, product_type=product_type)
        )
        chosen, _ = self.engine(engine)
        event_id = new_event_id()
        passages = self._rewrite_retriever(chosen, retrieval)  # local: not part of the model's time

        def run() -> RewriteResult:
            return rewrite(
                checked.text,
                checker=self.checker,
                engine=engine,
                llm_config=self.llm,
                client=self.client() if chosen == "llm" else None,
                retriever=passages,
                facts=facts,
                variants=variants,
                event_id=event_id,
                draft=checked,
            )

        if chosen == "llm" and engine == "auto":
            result = self._model_or_offline(run, checked, facts=facts, variants=variants)
        else:
            result = run()
        result.extra.setdefault("gate", {"rules": "all", "ignored_rules": self.ignored_rules})
        tally = _RewriteTally()
        tally.add(result)
        self._record_rewrites(tally, facts=facts, engine=engine, event_id=event_id)
        return result

    def validate_fact(self, key: str, value: str, *, draft: str) -> ValidatedFact | FactError:
        """One supplied fact checked for ``draft`` with this sender's profile and settings
        (the needs-input form and ``--fact`` use the same validators)."""
        from assistant.rewrite.validators import validate_fact

        return validate_fact(key, value, draft=draft, profile=self.profile, settings=self.settings)

    def fact_keys(self, draft: str = "") -> list[str]:
        """The fact keys a rewrite of ``draft`` accepts (fixed keys and its template variables)."""
        from assistant.rewrite.validators import accepted_fact_keys

        return accepted_fact_keys(draft)

    def _model_or_offline(
        self,
        run: Callable[[], RewriteResult],
        checked: CheckResult,
        *,
        facts: dict[str, str] | None,
        variants: int,
    ) -> RewriteResult:
        """The model's rewrite, or the offline engine's when the model fails or is too slow.

        Why here: a configured but unreachable model used to fail the rewrite (after the
        client's retries) with no version at all; the CLI and the UI now both get the
        offline versions within the configured timeout, with a notice saying why.
        """
        from assistant.llm.client import _KIND_TEXT as LLM_ERRORS_ZH  # the client's own wording
        from assistant.rewrite.offline import offline_rewrite

        finished, result = bounded(run, self.llm.timeout)
        if finished and not (result.extra.get("llm_error") and not result.variants):
            return result
        if finished:
            kind = str(result.extra.get("llm_error"))
            why = f"大模型调用失败（{LLM_ERRORS_ZH.get(kind, kind)}）"
        else:
            kind, why = "timeout", f"大模型在 {self.llm.timeout:g} 秒内未完成改写"
        fallback = offline_rewrite(
            checked.text, checker=self.checker, facts=facts, variants=variants, draft=checked
        )
        fallback.extra.update(notice=f"{why}，已改用离线规则引擎", fallback_from="llm", llm_error=kind)
        if finished:
            fallback.llm_calls = result.llm_calls
        return fallback

    def rewrite_many(
        self,
        drafts: Iterable[Draft],
        *,
        facts: dict[str, str] | None = None,
        variants: int = 3,
        engine: str = "auto",
        retrieval: bool | None = None,
        workers: int | None = None,
    ) -> Iterator[RewriteResult]:
        """Rewrite many drafts (concurrently with a model), in order; one audit event.

        A draft is a text or ``(text, kind, product_type)`` with the row's declared kind and
        product type (``None`` where not declared): each is checked and rewritten with its
        own, as :meth:`check_many` checks it."""
        from assistant.audit import new_event_id
        from assistant.rewrite.llm_engine import rewrite_many

        chosen, _ = self.engine(engine)
        event_id = new_event_id()
        done = _RewriteTally()  # counts, and the first results only: memory stays flat
        try:
            for result in rewrite_many(
                drafts,
                checker=self.checker,
                engine=engine,
                llm_config=self.llm,
                client=self.client() if chosen == "llm" else None,
                retriever=self._rewrite_retriever(chosen, retrieval),
                facts=facts,
                variants=variants,
                workers=workers,
                event_id=event_id,
            ):
                done.add(result)
                yield result
        finally:
            self._record_rewrites(done, facts=facts, engine=engine, event_id=event_id)

    def _rewrite_retriever(self, chosen: str, retrieval: bool | None) -> Any:
        if chosen != "llm" or not (self.llm.retrieval if retrieval is None else retrieval):
            return None
        from assistant.llm.passages import HybridPassages

        try:
            return HybridPassages(self.knowledge.retriever())
        except Exception as exc:  # retrieval is optional context: degrade, do not fail
            import logging

            logging.getLogger(__name__).warning("知识库检索不可用，改写时不附资料：%s", exc)
            return None

    def _record_rewrites(
        self, tally: _RewriteTally, *, facts: dict[str, str] | None, engine: str, event_id: str
    ) -> None:
        results = tally.first
        if not results:
            return
        one = tally.total == 1
        texts = {"text": results[0].original} if one else {"texts": [r.original for r in results]}
        if one:
            output: dict[str, Any] = results[0].to_dict()
            status = results[0].status
        else:
            output = {
                "counts": dict(sorted(tally.statuses.items())),
                "results": [r.to_dict() for r in results],
            }
            status = "fixed" if set(tally.statuses) <= {"fixed", "unchanged"} else "mixed"
        self.record(
            "rewrite",
            input={**texts, "facts": facts or {}, "engine": engine},
            output=output,
            engine=results[0].engine,
            status=status,
            model=str(results[0].extra.get("model", "")),
            llm_calls=tally.llm_calls,
            event_id=event_id,
        )

    # ------------------------------------------------------------------ critique, ask
    def critique(self, draft: str | CheckResult, *, engine: str = "auto") -> CritiqueResult:
        """The checker's findings plus the model's advisory notes; one audit event."""
        from assistant.audit import new_event_id
        from assistant.rewrite.critique import critique

        checked = draft if isinstance(draft, CheckResult) else self.checker.check(draft)
        chosen, notice = self.engine(engine)
        event_id = new_event_id()
        result = critique(
            checked.text,
            checker=self.checker,
            client=self.client() if chosen == "llm" else None,
            notice=notice,
            event_id=event_id,
            draft=checked,
        )
        self.record(
            "critique",
            input={"text": checked.text},
            output=result.to_dict(),
            engine=result.engine,
            status=result.verdict,
            model=str(result.extra.get("model", "")),
            llm_calls=result.llm_calls,
            event_id=event_id,
        )
        return result

    def ask(
        self,
        question: str,
        *,
        k: int = 5,
        engine: str = "auto",
        on_token: Callable[[str], None] | None = None,
        on_sources: Callable[[list[dict[str, Any]]], None] | None = None,
    ) -> Answer:
        """A cited answer (model when configured, else extractive); one audit event."""
        from assistant.answer.service import answer_event, answer_question
        from assistant.audit import new_event_id

        chosen, notice = self.engine(engine)
        event_id = new_event_id()
        retriever = self.knowledge.retriever()
        min_relevance = self.project.knowledge.min_relevance

        def run(tokens: Callable[[str], None] | None, found: Callable[[Any], None] | None) -> Answer:
            return answer_question(
                question,
                retriever=retriever,
                client=self.client() if chosen == "llm" else None,
                k=k,
                on_token=tokens,
                on_sources=found,
                notice=notice,
                event_id=event_id,
                min_relevance=min_relevance,
            )

        if chosen == "llm":
            answer = self._answer_in_time(question, run, retriever, on_token, on_sources)
        else:
            answer = run(on_token, on_sources)
        self.record(
            "answer",
            input={"question": question},
            output=answer_event(answer),
            engine=answer.engine,
            status="ok",
            model=str(answer.model or ""),
            llm_calls=int(answer.llm_calls or 0),
            event_id=event_id,
        )
        return answer

    def _answer_in_time(
        self,
        question: str,
        run: Callable[[Any, Any], Answer],
        retriever: Any,
        on_token: Callable[[str], None] | None,
        on_sources: Callable[[list[dict[str, Any]]], None] | None,
    ) -> Answer:
        """The model's answer, or the extractive one once the model has had its timeout.

        Retrieval is local and not bounded; from the moment the sources are known the model
        gets ``timeout`` seconds in all (retries included).  After that its tokens are
        dropped and the extractive answer from the same sources is returned with a notice,
        so a question never waits on an unreachable model for more than the timeout.
        """
        from functools import partial

        from assistant.answer.extractive import extractive_answer

        found = threading.Event()
        muted = threading.Event()
        sources: list[list[dict[str, Any]]] = []

        def tokens(text: str) -> None:
            if on_token is not None and not muted.is_set():
                on_token(text)

        def retrieved(items: list[dict[str, Any]]) -> None:
            sources.append(items)
            found.set()
            if on_sources is not None:
                on_sources(items)

        worker = _Worker(partial(run, tokens, retrieved))
        while not found.wait(0.05):
            if worker.done.is_set():
                return worker.result()
        if worker.done.wait(self.llm.timeout):
            return worker.result()
        muted.set()
        from assistant.answer.models import Answer

        why = f"大模型在 {self.llm.timeout:g} 秒内未完成回答，以下为离线检索答案"
        answer = Answer(
            question,
            extractive_answer(question, sources[0], retriever),
            "offline",
            sources[0],
            notice=why,
            llm_calls=1,
            llm_error="timeout",
        )
        return answer

    # ------------------------------------------------------------------ campaign, eval
    def campaign(self, **kwargs: Any) -> Any:
        """A :class:`~assistant.campaign.CampaignRunner` with this assistant's settings and
        profile; run it with :meth:`run_campaign` so the run is audited once."""
        from assistant.campaign import CampaignRunner

        return CampaignRunner(self.settings, self.profile, **kwargs)

    def run_campaign(self, runner: Any, plan: Any, history: Any = None, **kwargs: Any) -> Iterator[Any]:
        """Rows of a campaign run, streamed; one audit event with the summary when it ends."""
        try:
            yield from runner.run(plan, history, **kwargs)
        finally:
            summary = runner.summary.to_dict()
            self.record(
                "campaign",
                input={"rows": summary.get("rows", 0)},
                output=summary,
                engine="offline",
                status="fail" if summary.get("verdicts", {}).get("fail") else "pass",
                meta={"config": self.config_source},
            )

    def evaluate(self, datasets: list[Any], **kwargs: Any) -> dict[str, Any]:
        """An evaluation report over loaded datasets; one audit event with its summary."""
        from assistant.evals.report import build_report

        report = build_report(datasets, settings=self.settings, llm_config=self.llm, **kwargs)
        report["run"]["config"] = self.config_source
        metrics = {
            part: (report.get(part) or {}).get("metrics")
            for part in ("drafts", "qa", "rewrite")
            if report.get(part)
        }
        self.record(
            "eval",
            input={"datasets": [str(getattr(d, "path", "")) for d in datasets]},
            output={"metrics": metrics},
            engine=str(report.get("run", {}).get("engine", "")),
            status="ok",
        )
        return report

    # ------------------------------------------------------------------ lifetime
    def close(self) -> None:
        shared = self._shared
        with shared.lock:
            store, shared._audit = shared._audit, None
        if store is not None and store is not _UNSET:
            store.close()

    def __enter__(self) -> Assistant:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Worker:
    """Runs one call in a daemon thread; :meth:`result` returns its value or raises its error."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self.done = threading.Event()
        self._value: Any = None
        self._error: BaseException | None = None

        def target() -> None:
            try:
                self._value = work()
            except BaseException as exc:  # handed to the caller by result()
                self._error = exc
            finally:
                self.done.set()

        threading.Thread(target=target, name="model-call", daemon=True).start()

    def result(self) -> Any:
        if self._error is not None:
            raise self._error
        return self._value


def bounded(work: Callable[[], Any], seconds: float) -> tuple[bool, Any]:
    """``(True, value)`` when ``work`` finishes within ``seconds``, else ``(False, None)``.

    The work goes on in its daemon thread (a model call cannot be interrupted); its
    result is then ignored.  An exception it raises in time is raised here.
    """
    worker = _Worker(work)
    if not worker.done.wait(seconds):
        return False, None
    return True, worker.result()


def with_selection(
    settings: Settings, select: str | list[str] | None, ignore: str | list[str] | None
) -> Settings:
    """Ruff-style: ``select`` replaces the configured selection, ``ignore`` adds to it."""
    overrides: dict[str, Any] = {}
    if isinstance(select, str) and not select.strip(" ,，"):
        raise ConfigError(
            "--select 的值为空：请给出规则代码或前缀（如 ADV,PRO），或不指定 --select 以启用全部规则"
        )
    if select:
        overrides["select"] = select
    if ignore:
        extra = ignore if isinstance(ignore, list) else [c for c in ignore.replace(" ", ",").split(",") if c]
        overrides["ignore"] = list(settings.ignore) + list(extra)
    return settings.with_overrides(**overrides) if overrides else settings


def _summary(result: CheckResult) -> dict[str, Any]:
    return {"text": result.text, "verdict": result.verdict, "codes": [f.code for f in result.findings]}
