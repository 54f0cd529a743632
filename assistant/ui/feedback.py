"""Review decisions and thumbs from the UI, kept in the audit database.

Why the audit database: approvals are compliance records (who approved which text, when
and why) and belong next to the rewrites and answers they refer to, under the same
retention and export tooling.  The audit module exposes the path of its SQLite file
(:func:`assistant.llm.config.load_audit_config`), not its connection, so this module
opens its own connection to that file (WAL mode: several connections share it safely)
and keeps its own two tables, ``ui_reviews`` and ``ui_feedback``.  Each decision is also
written as an ``events`` row (kind ``review``/``feedback``) when auditing is enabled, so
``assistant audit export`` shows it with everything else.

Thumbs-down on a finding is how reviewers report a false positive; grouped by rule code
and evidence they become the compliance lead's list of candidate exemptions.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from assistant.llm.audit import AuditStore
from assistant.ui.batch import csv_cell

_SCHEMA = """
CREATE TABLE IF NOT EXISTS ui_reviews (
    id TEXT PRIMARY KEY,
    ts TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    login TEXT,
    decision TEXT NOT NULL,      -- approved / rejected
    target TEXT NOT NULL,        -- draft / variant
    variant INTEGER,
    text TEXT NOT NULL,          -- the text that was approved or rejected
    original TEXT,               -- the draft it came from
    verdict TEXT,                -- checker verdict of ``text`` when decided
    codes TEXT,                  -- rule codes still reported on ``text``
    reason TEXT,
    engine TEXT
);
CREATE INDEX IF NOT EXISTS ui_reviews_ts ON ui_reviews(ts);
CREATE TABLE IF NOT EXISTS ui_feedback (
    id TEXT PRIMARY KEY,
    ts TEXT NOT NULL,
    login TEXT,
    rating INTEGER NOT NULL,     -- +1 thumbs up, -1 thumbs down
    target TEXT NOT NULL,        -- finding / answer / message / variant
    rule_code TEXT,
    evidence TEXT,
    text TEXT,                   -- the draft, question or message concerned
    reason TEXT,
    detail TEXT                  -- JSON: span, engine, sources ...
);
CREATE INDEX IF NOT EXISTS ui_feedback_rule ON ui_feedback(rule_code, evidence);
"""

DECISIONS = {"approved": "批准", "rejected": "驳回"}
TARGETS = {"draft": "草稿", "variant": "改写版本"}
REVIEW_COLUMNS = (
    "时间（UTC）",
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

    def row(self) -> list[Any]:
        """The history table's cells (Chinese labels, local-readable time)."""
        target = TARGETS.get(self.target, self.target)
        if self.target == "variant" and self.variant:
            target += f" {self.variant}"
        return [
            self.ts.replace("T", " ")[:19],
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
    """Reviews and thumbs in the audit SQLite file (own tables, own connection)."""

    def __init__(self, path: Path | str, *, audit: AuditStore | None = None) -> None:
        self.path = Path(path)
        self.audit = audit
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, timeout=10.0, check_same_thread=False, isolation_level=None)
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA busy_timeout=10000")
            self._conn.executescript(_SCHEMA)

    # ------------------------------------------------------------------ writing
    def _event(self, kind: str, payload: dict[str, Any], status: str) -> None:
        if self.audit is None:
            return
        # The decision itself is stored in our table; the audit copy is a convenience.
        with contextlib.suppress(Exception):
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
    ) -> Review:
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
        )
        with self._lock:
            self._conn.execute(
                "INSERT INTO ui_reviews (id, ts, reviewer, login, decision, target, variant, text, original,"
                " verdict, codes, reason, engine) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    review.id,
                    review.ts,
                    review.reviewer,
                    login,
                    decision,
                    target,
                    variant,
                    text,
                    original,
                    verdict,
                    codes,
                    review.reason,
                    engine,
                ),
            )
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
        rating = 1 if rating > 0 else -1
        fid = uuid.uuid4().hex[:12]
        with self._lock:
            self._conn.execute(
                "INSERT INTO ui_feedback (id, ts, login, rating, target, rule_code, evidence, text, reason, detail)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    fid,
                    _now(),
                    login,
                    rating,
                    target,
                    rule_code,
                    evidence,
                    text,
                    reason.strip(),
                    json.dumps(detail or {}, ensure_ascii=False, default=str),
                ),
            )
        self._event(
            "feedback",
            {
                "feedback_id": fid,
                "rating": rating,
                "target": target,
                "rule_code": rule_code,
                "evidence": evidence,
                "text": text,
                "reason": reason.strip(),
                "login": login,
            },
            "up" if rating > 0 else "down",
        )
        return fid

    # ------------------------------------------------------------------ reading
    def reviews(
        self,
        *,
        query: str = "",
        decision: str = "",
        since: str = "",
        until: str = "",
        limit: int = 1000,
    ) -> list[Review]:
        """Past reviews, newest first; ``query`` matches text, draft, reviewer, reason or codes."""
        sql = (
            "SELECT id, ts, reviewer, decision, target, variant, text, original, verdict, codes, reason, engine,"
            " login FROM ui_reviews WHERE 1=1"
        )
        args: list[Any] = []
        if query.strip():
            like = f"%{query.strip()}%"
            sql += " AND (text LIKE ? OR original LIKE ? OR reviewer LIKE ? OR reason LIKE ? OR codes LIKE ?)"
            args += [like] * 5
        if decision in DECISIONS:
            sql += " AND decision = ?"
            args.append(decision)
        if since.strip():
            sql += " AND ts >= ?"
            args.append(_day_start(since))
        if until.strip():
            sql += " AND ts < ?"
            args.append(_day_after(until))
        sql += " ORDER BY ts DESC, id LIMIT ?"
        args.append(int(limit))
        with self._lock:
            rows = self._conn.execute(sql, args).fetchall()
        return [
            Review(
                id=r[0],
                ts=r[1],
                reviewer=r[2],
                decision=r[3],
                target=r[4],
                variant=r[5],
                text=r[6],
                original=r[7] or "",
                verdict=r[8] or "",
                codes=r[9] or "",
                reason=r[10] or "",
                engine=r[11] or "",
                login=r[12] or "",
            )
            for r in rows
        ]

    def candidate_exemptions(self) -> list[list[Any]]:
        """Findings reported as false positives, by (rule code, evidence): how often and why."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT rule_code, evidence, COUNT(*), MAX(ts) FROM ui_feedback"
                " WHERE target = 'finding' AND rating < 0 GROUP BY rule_code, evidence"
                " ORDER BY COUNT(*) DESC, MAX(ts) DESC"
            ).fetchall()
            out: list[list[Any]] = []
            for code, evidence, count, last in rows:
                reasons = [
                    r[0]
                    for r in self._conn.execute(
                        "SELECT DISTINCT reason FROM ui_feedback WHERE target = 'finding' AND rating < 0"
                        " AND rule_code IS ? AND evidence IS ? AND reason != '' ORDER BY ts DESC LIMIT 10",
                        (code, evidence),
                    ).fetchall()
                ]
                out.append([code, evidence, int(count), "；".join(reasons), str(last).replace("T", " ")[:19]])
        return out

    # ------------------------------------------------------------------ export
    @staticmethod
    def reviews_csv(reviews: list[Review]) -> str:
        """CSV text (header in Chinese) of ``reviews``; written with a BOM so Excel reads it."""
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(REVIEW_COLUMNS)
        for r in reviews:
            writer.writerow([csv_cell(v) for v in r.row()])
        return buf.getvalue()

    @staticmethod
    def exemptions_csv(rows: list[list[Any]]) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(EXEMPTION_COLUMNS)
        writer.writerows([csv_cell(v) for v in row] for row in rows)
        return buf.getvalue()

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise ValueError(f"日期格式应为 YYYY-MM-DD：{value!r}") from exc


def _day_start(value: str) -> str:
    d = _parse_day(value)
    return datetime(d.year, d.month, d.day, tzinfo=UTC).isoformat(timespec="milliseconds")


def _day_after(value: str) -> str:
    from datetime import timedelta

    d = _parse_day(value) + timedelta(days=1)
    return datetime(d.year, d.month, d.day, tzinfo=UTC).isoformat(timespec="milliseconds")
