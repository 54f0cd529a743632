"""What the history tab does, browser-free: search past decisions, list candidate exemptions.

Both come from :class:`~assistant.ui.feedback.FeedbackStore`; this module adds what the
tab shows (a count, the table rows) and the CSV a download button serves.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.ui.feedback import FeedbackStore


@dataclass(frozen=True)
class HistoryView:
    """A search's outcome: the message, the table (``None``: leave it as it is) and the export."""

    message: str
    rows: list[list[Any]] | None
    export: Path | None  # ``None``: nothing to download


def search_history(
    store: FeedbackStore, *, query: str = "", decision: str = "", since: str = "", until: str = ""
) -> HistoryView:
    """Decisions matching the filters, newest first; a bad date is a message, not an error page."""
    try:
        reviews = store.reviews(
            query=query or "", decision=decision or "", since=since or "", until=until or ""
        )
    except ValueError as exc:
        return HistoryView(f"提示：{exc}", None, None)
    path = export_csv("reviews", FeedbackStore.reviews_csv(reviews))
    return HistoryView(f"共 {len(reviews)} 条审核记录", [r.row() for r in reviews], path if reviews else None)


def exemption_candidates(store: FeedbackStore) -> tuple[list[list[Any]], Path | None]:
    """False-positive reports grouped by rule and evidence, and their CSV (``None`` when empty)."""
    rows = store.candidate_exemptions()
    path = export_csv("exemption-candidates", FeedbackStore.exemptions_csv(rows))
    return rows, path if rows else None


def export_csv(stem: str, text: str) -> Path:
    """A CSV (UTF-8 with BOM, for Excel) in a fresh temp folder, for a download button."""
    folder = Path(tempfile.mkdtemp(prefix="assistant-export-"))
    path = folder / f"{stem}.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path
