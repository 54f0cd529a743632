"""Review decisions and thumbs from the UI: validation and presentation over the audit store.

Why the audit store: approvals are compliance records (who approved which text, when and
why) and belong next to the rewrites and answers they refer to, under the same retention,
masking and export tooling.  The rows live in :mod:`assistant.audit` (tables ``reviews``
and ``feedback``, one connection for everything); this module keeps what only the UI
needs — the allowed decisions, Chinese labels, the history table and its CSV exports.
Each decision is also written as an ``events`` row (kind ``review``/``feedback``) when
auditing is enabled, so ``assistant audit export`` shows it with everything else; with
``[audit] enabled = false`` reviews are still kept (the history tab needs them).

An approval that cannot be stored is an error the reviewer sees (they must not believe it
was recorded); a thumbs that cannot be stored is only logged, like any audit write.

Thumbs-down on a finding is how reviewers report a false positive; grouped by rule code
and evidence they become the compliance lead's list of candidate exemptions.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from assistant.audit import AuditStore, AuditStoreError, open_store
from assistant.errors import AssistantError
from assistant.io.csvsafe import csv_text

DECISIONS = {"approved": "批准", "rejected": "驳回"}
TARGETS = {"draft": "草稿", "variant": "改写版本"}
REVIEW_COLUMNS = (
    "时间",
    "审核人",
    "决定",
    "对象",
    "文本",
    "原稿",
    "判定",
    "规则",
    "理由",
    "引擎",
    "编号",
)
EXEMPTION_COLUMNS = ("规则", "证据", "次数", "理由", "最近一次")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Review:
    """One approval or rejection, as stored."""

    id: str
    ts: str
    reviewer: str
    decision: str
    target: str
    variant: int | None
    text: str
    original: str
    verdict: str
    codes: str
    reason: str
    engine: str
    login: str = ""
    text_hash: str = ""  # SHA-256 of ``text``, the exact text decided on
    detail: dict[str, Any] = field(default_factory=dict)  # ignored rules, findings, supersedes

    @property
    def supersedes(self) -> str:
        return str(self.detail.get("supersedes") or "")

    def row(self, tz: ZoneInfo | None = None) -> list[Any]:
        """The history table's cells (Chinese labels, the time in ``tz``, default UTC)."""
        target = TARGETS.get(self.target, self.target)
        if self.target == "variant" and self.variant:
            target += f" {self.variant}"
        return [
            local_time(self.ts, tz),
            self.reviewer,
            DECISIONS.get(self.decision, self.decision),
            target,
            self.text,
            self.original,
            self.verdict,
            self.codes,
            self.reason,
            self.engine,
            self.id,
        ]


class FeedbackStore:
    """Reviews and thumbs, validated and labelled for the UI, stored in the audit store."""

    def __init__(
        self, store: AuditStore | None, *, audit: AuditStore | None = None, path: Path | None = None
    ) -> None:
        #: Where reviews and thumbs go; ``None`` when the store could not be opened.
        self.store = store
        #: The same store when auditing is on (decisions also become events), else ``None``.
        self.audit = audit
        self.path = path if path is not None else (store.path if store is not None else None)

    @classmethod
    def open(cls, config: Path | str | None = None, *, secrets: Iterable[str | None] = ()) -> FeedbackStore:
        """The configured store (opened even with auditing off: the history needs it)."""
        from assistant.llm.config import load_audit_config

        cfg = load_audit_config(config)
        store = open_store(config, secrets=secrets)
        return cls(store, audit=store if cfg.enabled else None, path=cfg.path)

    def _unavailable(self) -> str:
        return f"审计库 {self.path} 无法使用（见服务端警告）；如文件已损坏，请运行 assistant audit reset"

    # ------------------------------------------------------------------ writing
    def _event(self, kind: str, payload: dict[str, Any], status: str) -> None:
        if self.audit is not None:  # never raises: a failed write is logged by the store
            self.audit.record_event(kind, input=payload, output={}, engine="ui", status=status)

    def record_review(
        self,
        *,
        reviewer: str,
        decision: str,
        target: str,
        text: str,
        original: str = "",
        variant: int | None = None,
        verdict: str = "",
        codes: str = "",
        reason: str = "",
        engine: str = "",
        login: str = "",
        text_hash: str = "",
        detail: dict[str, Any] | None = None,
    ) -> Review:
        """Store one decision; raises :class:`AssistantError` when it could not be stored."""
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {sorted(DECISIONS)}")
        if target not in TARGETS:
            raise ValueError(f"target must be one of {sorted(TARGETS)}")
        review = Review(
            id=uuid.uuid4().hex[:12],
            ts=_now(),
            reviewer=reviewer.strip(),
            decision=decision,
            target=target,
            variant=variant,
            text=text,
            original=original,
            verdict=verdict,
            codes=codes,
            reason=reason.strip(),
            engine=engine,
            login=login,
            text_hash=text_hash,
            detail=dict(detail or {}),
        )
        stored = self.store is not None and self.store.record_review(**asdict(review))
        if not stored:
            raise AssistantError(f"审核决定未能保存：{self._unavailable()}")
        self._event(
            "review",
            {
                "review_id": review.id,
                "reviewer": review.reviewer,
                "login": login,
                "target": target,
                "variant": variant,
                "text": text,
                "original": original,
                "reason": review.reason,
                "text_hash": text_hash,
                "detail": review.detail,
            },
            decision,
        )
        return review

    def record_feedback(
        self,
        *,
        rating: int,
        target: str,
        text: str = "",
        rule_code: str = "",
        evidence: str = "",
        reason: str = "",
        detail: dict[str, Any] | None = None,
        login: str = "",
    ) -> str:
        """Store one thumbs; returns its id ("" when it could not be stored — logged, not raised)."""
        row: dict[str, Any] = {
            "id": uuid.uuid4().hex[:12],
            "rating": 1 if rating > 0 else -1,
            "target": target,
            "rule_code": rule_code,
            "evidence": evidence,
            "text": text,
            "reason": reason.strip(),
            "login": login,
        }
        if self.store is None or not self.store.record_feedback(**row, detail=detail):
            return ""
        payload = {"feedback_id": row.pop("id"), **row}
        self._event("feedback", payload, "up" if row["rating"] > 0 else "down")
        return payload["feedback_id"]

    # ------------------------------------------------------------------ reading
    def _readable(self) -> AuditStore:
        if self.store is None:
            raise ValueError(self._unavailable())
        return self.store

    def reviews(
        self,
        *,
        query: str = "",
        decision: str = "",
        since: str = "",
        until: str = "",
        limit: int = 1000,
        text_hash: str = "",
        tz: ZoneInfo | None = None,
    ) -> list[Review]:
        """Past reviews, newest first; ``query`` matches text, draft, reviewer, reason or codes;
        ``text_hash`` selects the decisions on one exact text.  ``since``/``until`` are days
        in ``tz`` (default UTC).

        Bad dates and an unreadable store raise ``ValueError`` with a Chinese message (the
        history tab shows it).
        """
        store = self._readable()
        try:
            rows = store.reviews(
                query=query,
                decision=decision if decision in DECISIONS else "",
                since=_day_start(since, tz) if since.strip() else "",
                until=_day_after(until, tz) if until.strip() else "",
                limit=limit,
                text_hash=text_hash,
            )
        except AuditStoreError as exc:
            raise ValueError(str(exc)) from exc
        optional = ("original", "verdict", "codes", "reason", "engine", "login", "text_hash")
        return [
            Review(**{**r, **{k: r[k] or "" for k in optional}, "detail": _detail(r.get("detail"))})
            for r in rows
        ]

    def candidate_exemptions(self, tz: ZoneInfo | None = None) -> list[list[Any]]:
        """Findings reported as false positives, by (rule code, evidence): how often and why."""
        try:
            groups = self._readable().false_positives()
        except AuditStoreError as exc:
            raise ValueError(str(exc)) from exc
        return [
            [code, evidence, count, "；".join(reasons), local_time(last, tz)]
            for code, evidence, count, reasons, last in groups
        ]

    # ------------------------------------------------------------------ export
    @staticmethod
    def reviews_csv(reviews: list[Review], tz: ZoneInfo | None = None) -> str:
        """CSV text (header in Chinese), formula-safe; the caller writes it with a BOM for Excel."""
        header = (f"时间（{zone_label(tz)}）", *REVIEW_COLUMNS[1:], "文本SHA-256")
        return csv_text(header, ([*r.row(tz), r.text_hash] for r in reviews))

    @staticmethod
    def exemptions_csv(rows: list[list[Any]]) -> str:
        return csv_text(EXEMPTION_COLUMNS, rows)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise ValueError(f"日期格式应为 YYYY-MM-DD：{value!r}") from exc


def _day_start(value: str, tz: ZoneInfo | None = None) -> str:
    d = _parse_day(value)
    start = datetime(d.year, d.month, d.day, tzinfo=tz or UTC)
    return start.astimezone(UTC).isoformat(timespec="milliseconds")


def _day_after(value: str, tz: ZoneInfo | None = None) -> str:
    d = _parse_day(value) + timedelta(days=1)
    start = datetime(d.year, d.month, d.day, tzinfo=tz or UTC)
    return start.astimezone(UTC).isoformat(timespec="milliseconds")


def _detail(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    try:
        out = json.loads(value) if value else {}
    except ValueError:
        return {}
    return out if isinstance(out, dict) else {}


def local_time(ts: str, tz: ZoneInfo | None = None) -> str:
    """A stored UTC timestamp as ``YYYY-MM-DD HH:MM:SS`` in ``tz`` (default UTC)."""
    try:
        moment = datetime.fromisoformat(ts)
    except ValueError:
        return ts.replace("T", " ")[:19]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz or UTC).strftime("%Y-%m-%d %H:%M:%S")


def zone_label(tz: ZoneInfo | None) -> str:
    """How the UI names a time zone: 北京时间 for Asia/Shanghai, else its IANA name."""
    if tz is None:
        return "UTC"
    return "北京时间" if tz.key in ("Asia/Shanghai", "Asia/Chongqing", "PRC") else tz.key
