"""What every reader yields: a good ``Record`` or a ``RowError`` naming the line.

Kept apart from the readers so the small format modules (CSV records, JSON lines, XLSX)
can build row errors without importing the readers that use them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Record:
    line: int
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    kind: str | None = None
    #: A declared product type (``product_type`` column), validated like ``kind``.
    product_type: str | None = None


@dataclass(slots=True)
class RowError:
    """A row that could not be read.  ``raw`` keeps what could be read of it, so a report
    never loses the row's data: a CSV/XLSX row as a column→value dict, a JSONL line as the
    parsed object (when it parsed but a field was wrong) or else the raw line text."""

    line: int
    message: str
    source: str = ""
    raw: dict[str, Any] | str | None = None

    def __str__(self) -> str:
        where = f"{self.source} 第{self.line}行" if self.source else f"第{self.line}行"
        return f"{where}：{self.message}"


def row_dict(header: list[str], cells: list[Any]) -> dict[str, Any]:
    """A row as column→value, keeping every cell: cells beyond the header go under 列N.

    Used for the ``raw`` of row errors, so a report shows all of a broken row.
    """
    row = {h: cells[i] if i < len(cells) else "" for i, h in enumerate(header)}
    row.update({f"列{i + 1}": cell for i, cell in enumerate(cells) if i >= len(header)})
    return row
