"""Run a campaign: every message through the checker, every send through CMP001–CMP004.

Streaming with flat memory, for plans of a million rows:

* **Order.**  The campaign rules need each recipient's sends in time order.  A first, cheap
  pass reads the plan (and the history) and only parses send times, to learn whether the
  file is already in time order — schedulers export it that way, and then rows are checked
  and reported in file order.  A file that is not is sorted externally (sorted runs of
  ``spill_rows`` rows pickled to a temporary folder, then a lazy k-way merge), and rows
  are reported in send-time order, each with its file line.  History and plan are then
  merged lazily by time, history first at equal times (it was already sent).
* **Checks.**  Campaigns repeat a handful of texts to many recipients, so results are cached
  by (text, declared kind, declared product type) in a bounded LRU: the checker runs once per distinct text.  Rows
  are taken in batches; a batch with many distinct new texts (personalised messages) goes
  through ``Checker.check_many(workers=N)``, a small one is checked in-process.
* **State.**  Only per-recipient state (see :mod:`assistant.campaign.rules`) and the set of
  plan recipients (for the summary) are kept, never the rows.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import os
import pickle
import re
import shutil
import tempfile
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.campaign.consent import ConsentBook
from assistant.campaign.rules import CampaignRules, SendEvent
from assistant.campaign.sources import PlanRow, RowSource
from assistant.campaign.times import DEFAULT_TZ, TimeParser, load_zone
from assistant.checker.engine import Checker
from assistant.checker.models import CheckResult, Finding, verdict_of
from assistant.config import Settings
from assistant.errors import InputError
from assistant.io.readers import RowError
from assistant.io.recipients import (
    mask_in,
    mask_recipient,
    normalize_recipient,
    plausible_recipient,
    redact_numbers,
)
from assistant.profile import SenderProfile

ENGINE = "offline"
ENGINE_ZH = "离线规则引擎"
BATCH = 4096
PARALLEL_MIN = 512
ERROR_SAMPLES = 50

OnError = Callable[[RowError], None]
#: What a checker result is cached by: text, declared kind, declared product type.
_CacheKey = tuple[str, str | None, str | None]
Progress = Callable[[int, int], None]


# ------------------------------------------------------------------------- results


#: A date with no clock time (2026-11-05, 2026/11/5, 2026.11.05, 2026年11月5日).
_DATE_ONLY_RE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?")


def _date_only(value: object) -> bool:
    """Whether a send time states a day but no time of day (a text, or a spreadsheet date)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return True
    return isinstance(value, str) and _DATE_ONLY_RE.fullmatch(value.strip()) is not None


class _Cached:
    """One checker result shared by every row with the same text.

    Its JSON (text, kind, findings) is made once, and the rows using it are only counted
    here and folded into the summary's rule counts when the entry leaves the cache or the
    run ends: per-row work stays O(1) however many findings the text has.
    """

    __slots__ = ("_body_json", "result", "rows")

    def __init__(self, result: CheckResult) -> None:
        self.result = result
        self.rows = 0
        self._body_json: tuple[str, str] | None = None

    @property
    def body_json(self) -> tuple[str, str]:
        """``"text": …, "kind": …`` (with its source and reason, and the product type with its
        source) and the findings."""
        if self._body_json is None:
            r = self.result
            fields = json.dumps(
                {
                    "text": r.text,
                    "kind": r.kind,
                    "kind_source": r.kind_source,
                    "kind_reason": r.kind_reason,
                    "product_type": r.product_type,
                    "product_type_source": r.product_type_source,
                },
                ensure_ascii=False,
            )[1:-1]
            findings = ", ".join(json.dumps(f.to_dict(), ensure_ascii=False) for f in r.findings)
            self._body_json = (fields, findings)
        return self._body_json


_CMP_TEMPLATES: dict[str, tuple[str, str]] = {}
_META_JSON: dict[tuple[Any, ...], str] = {}


def _campaign_finding_json(f: Finding) -> str:
    """A campaign finding as JSON: everything but the message is fixed per rule, so cached."""
    parts = _CMP_TEMPLATES.get(f.code)
    if parts is None:
        d = f.to_dict()
        d["message"] = "\x00"
        head, tail = json.dumps(d, ensure_ascii=False).split('"\\u0000"')
        parts = _CMP_TEMPLATES[f.code] = (head, tail)
    return parts[0] + json.dumps(f.message, ensure_ascii=False) + parts[1]


def _meta_json(meta: dict[str, Any]) -> str:
    if not meta:
        return "{}"
    try:
        key = tuple(meta.items())
        hit = _META_JSON.get(key)
    except TypeError:  # unhashable values (lists in JSONL rows)
        return json.dumps(meta, ensure_ascii=False, default=str)
    if hit is None:
        if len(_META_JSON) > 4096:
            _META_JSON.clear()
        hit = _META_JSON[key] = json.dumps(meta, ensure_ascii=False, default=str)
    return hit


@dataclass(slots=True)
class RowResult:
    """The report of one planned send.  Holds only the masked recipient."""

    line: int
    recipient: str
    send_time: str
    text: str
    kind: str
    kind_source: str
    kind_reason: str
    verdict: str
    findings: list[Finding]
    campaign_findings: list[Finding]
    meta: dict[str, Any] = field(default_factory=dict)
    _cached: _Cached | None = None  # fast JSON path when nothing needed masking
    product_type: str | None = None
    product_type_source: str = "inferred"

    @property
    def all_findings(self) -> list[Finding]:
        return self.findings + self.campaign_findings

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "recipient": self.recipient,
            "send_time": self.send_time,
            "text": self.text,
            "kind": self.kind,
            "kind_source": self.kind_source,
            "kind_reason": self.kind_reason,
            "product_type": self.product_type,
            "product_type_source": self.product_type_source,
            "verdict": self.verdict,
            "findings": [f.to_dict() for f in self.all_findings],
            "meta": self.meta,
        }

    def to_json(self) -> str:
        """One JSON object, equal to ``json.dumps(to_dict())``, built from cached parts (hot path)."""
        if self._cached is None:
            return json.dumps(self.to_dict(), ensure_ascii=False, default=str)
        fields, findings = self._cached.body_json
        if self.campaign_findings:
            extra = ", ".join(_campaign_finding_json(f) for f in self.campaign_findings)
            findings = f"{findings}, {extra}" if findings else extra
        recipient = self.recipient if _SAFE.fullmatch(self.recipient) else json.dumps(self.recipient)[1:-1]
        return (
            f'{{"line": {self.line}, "recipient": "{recipient}", "send_time": "{self.send_time}", {fields}, '
            f'"verdict": "{self.verdict}", "findings": [{findings}], "meta": {_meta_json(self.meta)}}}'
        )


_SAFE = re.compile(r"[0-9A-Za-z*+\-_.@]*")


@dataclass
class CampaignSummary:
    rows: int = 0
    history_rows: int = 0
    recipients: int = 0
    verdicts: Counter[str] = field(default_factory=lambda: Counter({"pass": 0, "review": 0, "fail": 0}))
    rule_counts: Counter[str] = field(default_factory=Counter)
    error_findings: int = 0
    warning_findings: int = 0
    input_errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    skipped_rules: dict[str, str] = field(default_factory=dict)
    timezone: str = DEFAULT_TZ
    send_window: str = "08:00-21:00"
    max_marketing_per_month: int = 3
    order: str = "file"
    history_order: str = ""
    consent_records: int | None = None
    distinct_texts_checked: int = 0
    elapsed_s: float = 0.0
    engine: str = ENGINE

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "history_rows": self.history_rows,
            "recipients": self.recipients,
            "verdicts": dict(self.verdicts),
            "rule_counts": dict(sorted(self.rule_counts.items())),
            "error_findings": self.error_findings,
            "warning_findings": self.warning_findings,
            "input_errors": self.input_errors,
            "input_error_samples": self.error_samples,
            "skipped_rules": self.skipped_rules,
            "timezone": self.timezone,
            "send_window": self.send_window,
            "max_marketing_per_month": self.max_marketing_per_month,
            "order": self.order,
            "history_order": self.history_order,
            "consent_records": self.consent_records,
            "distinct_texts_checked": self.distinct_texts_checked,
            "elapsed_s": round(self.elapsed_s, 3),
            "engine": self.engine,
        }


# -------------------------------------------------------------------------- runner


class CampaignRunner:
    """Check a send plan (optionally with history and a consent list).

    Build once per campaign; :meth:`run` yields one :class:`RowResult` per good plan row
    and fills :attr:`summary`.  Bad rows go to ``on_error`` with their file and line.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        profile: SenderProfile | None = None,
        *,
        tz: str = DEFAULT_TZ,
        consent: ConsentBook | None = None,
        workers: int = 1,
        cache_size: int = 8192,
        spill_rows: int = 50_000,
        checker: Checker | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.tz_name = tz
        self.tz = load_zone(tz)
        self.parser = TimeParser(self.tz)
        self.checker = checker or Checker(self.settings, profile)
        self.rules = CampaignRules(self.settings, consent=consent)
        self.consent = consent
        self.workers = max(1, workers)
        self.cache_size = max(cache_size, BATCH)
        self.spill_rows = max(spill_rows, 2)
        self._cache: OrderedDict[_CacheKey, _Cached] = OrderedDict()
        self.summary = CampaignSummary(
            timezone=tz,
            send_window=self.rules.window.text,
            max_marketing_per_month=self.rules.cap,
        )
        self.summary.skipped_rules.update(self.rules.skipped)
        if consent is not None:
            self.summary.consent_records = consent.rows

    # -- public ------------------------------------------------------------------

    def run(
        self,
        plan: RowSource,
        history: RowSource | None = None,
        *,
        on_error: OnError | None = None,
        progress: Progress | None = None,
    ) -> Iterator[RowResult]:
        started = time.perf_counter()
        errors = on_error or (lambda e: None)

        def report(err: RowError) -> None:
            err = RowError(err.line, redact_numbers(err.message), err.source)
            self.summary.input_errors += 1
            if len(self.summary.error_samples) < ERROR_SAMPLES:
                self.summary.error_samples.append(str(err))
            errors(err)

        plan_sorted, total = self._scan(plan)
        self.summary.order = "file" if plan_sorted else "send_time"
        tmp = tempfile.mkdtemp(prefix="assistant-campaign-")
        try:
            stream: Iterable[SendEvent] = self._events(plan, False, plan_sorted, report, tmp)
            if history is not None:
                hist_sorted, _ = self._scan(history)
                self.summary.history_order = "file" if hist_sorted else "send_time"
                past = self._events(history, True, hist_sorted, report, tmp)
                stream = heapq.merge(past, stream, key=SendEvent.sort_key)
            done = 0
            recipients: set[str] = set()
            batch: list[SendEvent] = []
            for ev in stream:
                batch.append(ev)
                if len(batch) >= BATCH:
                    for row in self._process(batch, recipients):
                        done += 1
                        yield row
                    batch = []
                    if progress is not None:
                        progress(done, total)
            for row in self._process(batch, recipients):
                done += 1
                yield row
            if progress is not None:
                progress(done, total)
            self.summary.recipients = len(recipients)
            self._finish()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            self.summary.elapsed_s = time.perf_counter() - started

    # -- reading -----------------------------------------------------------------

    def _scan(self, source: RowSource) -> tuple[bool, int]:
        """Is the source in time order?  And about how many rows (for the progress bar)?"""
        last = float("-inf")
        ordered = True
        count = 0
        parse = self.parser.parse_epoch
        for value in source.send_times():
            count += 1
            if not ordered:
                continue
            try:
                epoch = parse(value)[1]
            except ValueError:
                continue  # reported with its line number by the checking pass
            if epoch < last:
                ordered = False
            last = epoch
        return ordered, count

    def _to_event(self, row: PlanRow, history: bool, source: str) -> SendEvent | RowError:
        raw = row.recipient
        if (
            isinstance(raw, str)
            and len(raw) == 11
            and raw.isdigit()
            and raw[0] == "1"
            and raw[1] in "3456789"
        ):
            key = raw  # the common case: a bare mobile number
            checked = True
        else:
            checked = False
            key = normalize_recipient(raw)
            raw = "" if raw is None else str(raw).strip()
            if not key:
                return RowError(row.line, "字段 recipient 为空", source)
        if not history and _date_only(row.send_time):
            # a planned 2026-11-05 read as midnight invented a CMP002 finding and a place in the
            # month's and the day's counts: a send time needs its clock time (a past send in
            # --history may be known by its day alone: the month's count needs no more)
            return RowError(
                row.line,
                f"字段 send_time 只有日期 {str(row.send_time).strip()!r}，缺少发送时刻（如 2026-11-05 14:00）",
                source,
            )
        try:
            local, epoch = self.parser.parse_epoch(row.send_time)
        except ValueError as exc:
            return RowError(row.line, f"字段 send_time：{exc}", source)
        if not checked and not plausible_recipient(key):
            return RowError(
                row.line, f"字段 recipient 的值 {mask_recipient(key)} 不是有效的手机号或固定电话号码", source
            )
        return SendEvent(
            epoch, history, row.line, key, raw, local, row.text, row.kind, row.meta, row.product_type
        )

    def _events(
        self, source: RowSource, history: bool, ordered: bool, report: OnError, tmp: str
    ) -> Iterator[SendEvent]:
        label = "history" if history else "plan"

        def events() -> Iterator[SendEvent]:
            for row in source():
                if isinstance(row, RowError):
                    report(row)
                    continue
                ev = self._to_event(row, history, source.name)
                if isinstance(ev, RowError):
                    report(ev)
                    continue
                yield ev

        if ordered:
            return _checked_order(events(), source.name)
        return self._external_sort(events(), os.path.join(tmp, label))

    def _external_sort(self, events: Iterator[SendEvent], prefix: str) -> Iterator[SendEvent]:
        """Sorted runs on disk, merged lazily: memory is one run while writing, one block per run after."""
        runs: list[str] = []
        chunk: list[SendEvent] = []

        def flush() -> None:
            chunk.sort(key=SendEvent.sort_key)
            path = f"{prefix}-{len(runs)}.pickle"
            with open(path, "wb") as fh:
                for i in range(0, len(chunk), 1024):
                    block = [
                        (e.epoch, e.history, e.line, e.key, e.raw, e.text, e.kind, e.meta, e.product_type)
                        for e in chunk[i : i + 1024]
                    ]
                    pickle.dump(block, fh, protocol=pickle.HIGHEST_PROTOCOL)
            runs.append(path)
            chunk.clear()

        for ev in events:
            chunk.append(ev)
            if len(chunk) >= self.spill_rows:
                flush()
        if chunk:
            flush()
        return heapq.merge(*(self._read_run(p) for p in runs), key=SendEvent.sort_key)

    def _read_run(self, path: str) -> Iterator[SendEvent]:
        tz = self.tz
        with open(path, "rb") as fh:
            while True:
                try:
                    block = pickle.load(fh)
                except EOFError:
                    return
                for epoch, hist, line, key, raw, text, kind, meta, ptype in block:
                    local = dt.datetime.fromtimestamp(epoch, tz)
                    yield SendEvent(epoch, hist, line, key, raw, local, text, kind, meta, ptype)

    # -- checking ----------------------------------------------------------------

    def _checked(self, batch: list[SendEvent]) -> dict[_CacheKey, _Cached]:
        """Checker results for every distinct (text, kind, product type) of the batch, from the
        cache or fresh: a row's declared product type changes severities (ADV007), so it is
        part of the key."""
        local: dict[_CacheKey, _Cached] = {}
        missing: list[_CacheKey] = []
        cache = self._cache
        for ev in batch:
            key = (ev.text, ev.kind, ev.product_type)
            if key in local:
                continue
            hit = cache.get(key)
            if hit is not None:
                cache.move_to_end(key)
                local[key] = hit
            else:
                local[key] = None  # type: ignore[assignment]
                missing.append(key)
        if missing:
            if self.workers > 1 and len(missing) >= PARALLEL_MIN:
                results: Iterable[CheckResult] = self.checker.check_many(missing, workers=self.workers)
            else:
                results = (
                    self.checker.check(text, kind=kind, product_type=ptype)  # type: ignore[arg-type]
                    for text, kind, ptype in missing
                )
            for key, result in zip(missing, results, strict=True):
                entry = _Cached(result)
                local[key] = entry
                cache[key] = entry
            self.summary.distinct_texts_checked += len(missing)
            # cache_size >= BATCH, so an entry used by this batch is never the one evicted
            while len(cache) > self.cache_size:
                self._fold(cache.popitem(last=False)[1])
        return local

    def _fold(self, entry: _Cached) -> None:
        """Add the rows counted on a cache entry to the summary's per-rule counts."""
        n, entry.rows = entry.rows, 0
        if not n:
            return
        summary = self.summary
        for f in entry.result.findings:
            summary.rule_counts[f.code] += n
            if f.severity == "error":
                summary.error_findings += n
            elif f.severity == "warning":
                summary.warning_findings += n

    def _finish(self) -> None:
        for entry in self._cache.values():
            self._fold(entry)

    def _process(self, batch: list[SendEvent], recipients: set[str]) -> Iterator[RowResult]:
        if not batch:
            return
        checked = self._checked(batch)
        summary = self.summary
        observe = self.rules.observe
        for ev in batch:
            cached = checked[(ev.text, ev.kind, ev.product_type)]
            cmp = observe(ev, cached.result.kind)
            if ev.history:
                summary.history_rows += 1
                continue
            recipients.add(ev.key)
            yield self._row(ev, cached, cmp)

    def _row(self, ev: SendEvent, cached: _Cached, cmp: list[Finding]) -> RowResult:
        result = cached.result
        summary = self.summary
        findings = result.findings
        summary.rows += 1
        if cmp:
            verdict = verdict_of(findings + cmp)
            for f in cmp:
                summary.rule_counts[f.code] += 1
                if f.severity == "error":
                    summary.error_findings += 1
                elif f.severity == "warning":
                    summary.warning_findings += 1
        else:
            verdict = result.verdict
        summary.verdicts[verdict] += 1
        text, meta, fast = ev.text, ev.meta, cached
        secrets = (ev.key, ev.raw) if ev.raw and ev.raw != ev.key else (ev.key,)
        if _leaks(secrets, text, meta):
            # The recipient's own number appears in the text or extra columns: mask it there
            # too (same length, so finding offsets stay valid) and drop the shared JSON.
            text = mask_in(text, *secrets)
            meta = {k: mask_in(v, *secrets) if isinstance(v, str) else v for k, v in meta.items()}
            findings = [
                replace(f, evidence=mask_in(f.evidence, *secrets), message=mask_in(f.message, *secrets))
                for f in findings
            ]
            fast = None
        cached.rows += 1  # its findings are counted by _fold
        return RowResult(
            line=ev.line,
            recipient=mask_recipient(ev.key),
            send_time=ev.local.isoformat(),
            text=text,
            kind=result.kind,
            kind_source=result.kind_source,
            kind_reason=result.kind_reason,
            product_type=result.product_type,
            product_type_source=result.product_type_source,
            verdict=verdict,
            findings=findings,
            campaign_findings=cmp,
            meta=meta,
            _cached=fast,
        )


def _checked_order(events: Iterator[SendEvent], name: str) -> Iterator[SendEvent]:
    """Pass events through, insisting on the time order the first pass saw."""
    last = float("-inf")
    for ev in events:
        if ev.epoch < last:
            raise InputError(f"{name} 在检查过程中被修改（第{ev.line}行不再按时间排序），请重新运行")
        last = ev.epoch
        yield ev


def _leaks(secrets: tuple[str, ...], text: str, meta: dict[str, Any]) -> bool:
    for s in secrets:
        if len(s) < 3:
            continue
        if s in text:
            return True
        for v in meta.values():
            if isinstance(v, str) and s in v:
                return True
    return False
