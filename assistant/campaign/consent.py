"""The consent / opt-out list, asked "may this recipient get marketing at this time?".

Several records for one recipient are normal (consented in March, opted out in June), so
each record is kept with its time and the one in force at the send time decides: the
latest record at or before the send.  A record without a time is taken as always in
force (ordered by its line among the untimed ones), which is what a plain opt-out list
means.  A consent dated after the send does not cover it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.campaign.sources import ConsentRow, consent_rows
from assistant.campaign.times import TimeParser
from assistant.config import closest
from assistant.io.readers import RowError
from assistant.io.recipients import normalize_recipient, redact_numbers

#: Scopes that do not cover marketing (consent to notices only).
NON_MARKETING_SCOPES = {"service", "services", "notice", "notification", "服务", "通知", "服务通知"}
_NOTICE_WORDS = ("service", "notice", "notification")
#: Scopes that cover marketing: everything, or marketing itself.  A product line (信用卡,
#: 理财, a product type or its Chinese name) covers marketing too, because the tool cannot
#: tell which product a draft promotes; narrower scopes are the sender's responsibility and
#: are named in the finding's note.  Any other value is a row error: it used to count as
#: marketing consent whatever it said (无, a misspelt word).
MARKETING_SCOPES = {
    "all",
    "any",
    "*",
    "全部",
    "所有",
    "marketing",
    "marketing_sms",
    "promotion",
    "promotions",
    "营销",
    "营销短信",
    "营销类",
    "推广",
}
#: Several scopes in one cell (marketing,service): each is read, and any that covers
#: marketing makes the consent cover it.
_SCOPE_SEPARATORS_RE = re.compile(r"[,，、;；|+]+")
SCOPES_ZH = (
    "all/全部、marketing/营销、service/服务通知，或产品类别（信用卡、理财、保险…），多个范围用逗号分隔"
)


def notices_only(scope: str) -> bool:
    """Whether a consent scope means notices only, however it is spelt (servcie, notices,
    service_only, 仅服务通知): a misspelt narrow scope read as marketing consent would let
    marketing reach someone who agreed to notices only — a silent wrong result.  Product
    lines (信用卡, 理财) and marketing words still cover marketing."""
    s = scope.strip().lower()
    if not s:
        return False
    if s in NON_MARKETING_SCOPES or "服务" in s or "通知" in s:
        return True
    word = re.sub(r"[^a-z]", "", s)
    return bool(word) and (
        word.startswith(("serv", "notic", "notif")) or closest(word, _NOTICE_WORDS) is not None
    )


def scope_covers_marketing(scope: str) -> bool | None:
    """Whether a consent ``scope`` covers marketing: ``True`` (empty, all, marketing, a
    product line, or a list with any of them), ``False`` (notices only), ``None`` (a value
    this tool does not know: the caller reports the row, never guesses)."""
    from assistant.checker.product_type import ALIASES

    parts = [p for p in _SCOPE_SEPARATORS_RE.split(scope.strip().lower()) if p]
    if not parts:
        return True
    covers = False
    for part in parts:
        if part in MARKETING_SCOPES or part in ALIASES:
            covers = True
        elif not notices_only(part):
            return None
    return covers


_NEVER = float("-inf")


@dataclass(frozen=True, slots=True)
class ConsentDecision:
    ok: bool
    reason: str = ""


class ConsentBook:
    """Consent records per recipient key, sorted by (time, line) once loaded."""

    def __init__(self) -> None:
        #: per recipient: (time, line, status, scope as written, whether it covers marketing)
        self._records: dict[str, list[tuple[float, int, str, str, bool]]] = {}
        self.rows = 0
        self.source = ""
        self.tz: dt.tzinfo = dt.UTC

    def add(self, key: str, status: str, at: float | None, line: int, scope: str = "") -> None:
        """One record; ``ValueError`` for a scope :func:`scope_covers_marketing` does not know."""
        covers = scope_covers_marketing(scope)
        if covers is None:
            raise ValueError(f"字段 scope 的值 {scope!r} 无法识别，应为 {SCOPES_ZH}")
        self._records.setdefault(key, []).append((_NEVER if at is None else at, line, status, scope, covers))
        self.rows += 1

    def finish(self) -> None:
        for records in self._records.values():
            if len(records) > 1:
                records.sort(key=lambda r: (r[0], r[1]))

    def __len__(self) -> int:
        return len(self._records)

    def decide(self, key: str, epoch: float) -> ConsentDecision:
        records = self._records.get(key)
        if not records:
            return ConsentDecision(False, "同意/退订名单中没有该收件人的同意记录")
        current = None
        for rec in records:
            if rec[0] <= epoch:
                current = rec
            else:
                break
        if current is None:
            first = records[0]
            when = dt.datetime.fromtimestamp(first[0], self.tz).strftime("%Y-%m-%d %H:%M")
            return ConsentDecision(False, f"最早的同意记录（第{first[1]}行，{when}）晚于发送时间")
        _, line, status, scope, covers = current
        if status == "opt_out":
            return ConsentDecision(False, f"收件人已退订或撤回同意（名单第{line}行）")
        if not covers:
            return ConsentDecision(False, f"同意范围为“{scope}”（名单第{line}行），不含营销短信")
        return ConsentDecision(True)


def load_consent(
    path: str | Path,
    parser: TimeParser,
    on_error: Callable[[RowError], None],
    *,
    encoding: str | None = None,
    on_notice: Callable[[str], None] | None = None,
) -> ConsentBook:
    """Read a consent list; bad rows go to ``on_error`` and the rest are used.

    ``encoding`` (``--encoding``) overrides detection; ``on_notice`` receives the
    statement of a detected encoding that is not plain UTF-8.
    """
    book = ConsentBook()
    book.source = str(path)
    book.tz = parser.tz
    _fill(book, consent_rows(path, encoding, on_notice), parser, on_error, str(path))
    return book


def consent_from_rows(
    rows: Iterable[dict[str, object]], parser: TimeParser, on_error: Callable[[RowError], None]
) -> ConsentBook:
    """A consent book from in-memory dicts (library use and tests)."""
    from assistant.campaign.sources import _consent_row

    book = ConsentBook()
    book.source = "<rows>"
    book.tz = parser.tz
    items = (_consent_row(i, dict(r), "<consent>") for i, r in enumerate(rows, start=1))
    _fill(book, items, parser, on_error, "<consent>")
    return book


def _fill(
    book: ConsentBook,
    rows: Iterable[ConsentRow | RowError],
    parser: TimeParser,
    on_error: Callable[[RowError], None],
    source: str,
) -> None:
    def report(err: RowError) -> None:
        on_error(RowError(err.line, redact_numbers(err.message), err.source))

    for row in rows:
        if isinstance(row, RowError):
            report(row)
            continue
        key = normalize_recipient(row.recipient)
        if not key:
            report(RowError(row.line, "字段 recipient 为空", source))
            continue
        at: float | None = None
        if row.at is not None and str(row.at).strip():
            try:
                at = parser.parse(row.at).timestamp()
            except ValueError as exc:
                report(RowError(row.line, f"字段 consented_at：{exc}", source))
                continue
        try:
            book.add(key, row.status, at, row.line, row.scope)
        except ValueError as exc:  # an unknown scope: the row is reported, not read as consent
            report(RowError(row.line, str(exc), source))
    book.finish()
