"""What the history tab does, browser-free: search past decisions, list candidate exemptions.

Both come from :class:`~assistant.ui.feedback.FeedbackStore`; this module adds what the
tab shows (a count, the table — times in the configured zone, Beijing time by default,
readable as cards on a phone) and the CSV a download button serves.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from assistant.ui.feedback import EXEMPTION_COLUMNS, REVIEW_COLUMNS, FeedbackStore, zone_label
from assistant.ui.tables import table_html


@dataclass(frozen=True)
class HistoryView:
    """A search's outcome: the message, the table (``None``: leave it as it is) and the export."""

    message: str
    rows: list[list[Any]] | None
    export: Path | None  # ``None``: nothing to download
    html: str | None = None  # the table as the tab shows it


def review_columns(tz: ZoneInfo | None) -> list[str]:
    return [f"时间（{zone_label(tz)}）", *REVIEW_COLUMNS[1:]]


def search_history(
    store: FeedbackStore,
    *,
    query: str = "",
    decision: str = "",
    since: str = "",
    until: str = "",
    tz: ZoneInfo | None = None,
) -> HistoryView:
    """Decisions matching the filters, newest first; a bad date is a message, not an error page.

    Dates are days in ``tz``; times are shown in ``tz`` (default UTC).
    """
    try:
        reviews = store.reviews(
            query=query or "", decision=decision or "", since=since or "", until=until or "", tz=tz
        )
    except ValueError as exc:
        return HistoryView(f"提示：{exc}", None, None)
    path = export_csv("reviews", FeedbackStore.reviews_csv(reviews, tz))
    rows = [r.row(tz) for r in reviews]
    html = table_html(
        review_columns(tz),
        rows,
        cell_class={"决定": [f"d-{r.decision}" for r in reviews]},
        empty="没有符合条件的审核记录",
    )
    superseded = {r.supersedes for r in reviews if r.supersedes}
    note = f"（其中 {len(superseded)} 条已被后来的决定推翻）" if superseded else ""
    return HistoryView(f"共 {len(reviews)} 条审核记录{note}", rows, path if reviews else None, html)


def exemption_candidates(
    store: FeedbackStore, tz: ZoneInfo | None = None
) -> tuple[list[list[Any]], Path | None]:
    """False-positive reports grouped by rule and evidence, and their CSV (``None`` when empty)."""
    rows = store.candidate_exemptions(tz)
    path = export_csv("exemption-candidates", FeedbackStore.exemptions_csv(rows))
    return rows, path if rows else None


def exemptions_html(rows: list[list[Any]]) -> str:
    return table_html(EXEMPTION_COLUMNS, rows, empty="还没有误报反馈")


def export_csv(stem: str, text: str) -> Path:
    """A CSV (UTF-8 with BOM, for Excel) in a fresh temp folder, for a download button."""
    folder = Path(tempfile.mkdtemp(prefix="assistant-export-"))
    path = folder / f"{stem}.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path
