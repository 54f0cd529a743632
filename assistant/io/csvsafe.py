"""The one CSV writer for every CSV the product hands out: formula-safe, recipients masked.

Why one writer: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is run as a formula when the file is opened in Excel or WPS (CSV injection: a draft
or an error message is enough to carry ``=HYPERLINK(…)``).  Every export — the audit
export, the UI's review history and exemption candidates, the batch report — writes
through :class:`SafeCsvWriter`, which prefixes such cells with ``'`` so they are shown,
not run.  The same writer masks phone numbers in recipient-like columns (see
:mod:`assistant.io.personal`), so no report can forget to.

Hand-written rather than a dependency such as ``defusedcsv``: the rule is one line, and
owning it pins exactly which cells change (the six prefixes above, nothing else).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from assistant.io.personal import is_recipient_column, mask_recipient_value

#: First characters that make a spreadsheet treat a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` over ``out`` with ``header`` written first; every cell neutralised,
    recipient-like columns (by header name) masked."""

    def __init__(self, out: IO[str], header: Sequence[str], **fmtparams: Any) -> None:
        self.header = list(header)
        self._masked = [is_recipient_column(name) for name in self.header]
        self._writer = csv.writer(out, **fmtparams)
        self._writer.writerow([safe_cell(name) for name in self.header])

    def writerow(self, row: Sequence[Any]) -> None:
        self._writer.writerow(
            [
                safe_cell(mask_recipient_value(v) if masked else v)
                for v, masked in zip(row, self._masked, strict=False)
            ]
            + [safe_cell(v) for v in row[len(self._masked) :]]
        )

    def writerows(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.writerow(row)

    def writedict(self, row: Mapping[str, Any]) -> None:
        """A row given by column name; columns it lacks are empty, extra keys ignored."""
        self.writerow([row.get(name, "") for name in self.header])


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A whole CSV as text (for download buttons that take a string)."""
    buf = io.StringIO()
    SafeCsvWriter(buf, header).writerows(rows)
    return buf.getvalue()
