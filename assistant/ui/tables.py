"""Tables for the web UI (batch results, column preview, history) as plain HTML.

Why not ``gr.Dataframe``: its column menu and toolbar are English, it cannot colour a
cell by value, and on a phone it scrolls sideways.  These tables are escaped HTML with a
sticky header; under 760 px each row becomes a card whose cells are labelled by their
column (``data-label``), so nothing scrolls sideways at 390 px.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assistant.htmlrender import escape as e

__all__ = ["table_html"]


def table_html(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    cell_class: Mapping[str, Sequence[str]] | None = None,
    empty: str = "没有记录",
) -> str:
    """An escaped table; ``cell_class[column][i]`` is a class for row ``i``'s cell in that column."""
    classes = cell_class or {}
    head = "".join(f"<th>{e(c)}</th>" for c in columns)
    body = []
    for i, row in enumerate(rows):
        cells = []
        for c, value in zip(columns, row, strict=False):
            cls = classes.get(c)
            attr = f' class="{e(cls[i])}"' if cls is not None and i < len(cls) and cls[i] else ""
            cells.append(f'<td data-label="{e(c)}"{attr}>{e("" if value is None else value)}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    if not body:
        return f'<div class="muted">{e(empty)}</div>'
    return (
        f'<div class="tbl-wrap"><table class="tbl"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )
