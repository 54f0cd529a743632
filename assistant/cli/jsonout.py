"""``--format json`` written as it is produced: one array element at a time.

Why: a JSON array held in memory until the end cost 2.5 GB on a 200,000-line file; this
writes each element as soon as it exists, so memory stays flat on inputs of any length.
The layout is exactly ``json.dumps(items, ensure_ascii=False, indent=2)``'s, so output
did not change for anyone parsing it (or diffing it).
"""

from __future__ import annotations

import json
import textwrap
from typing import IO, Any


def dumps(obj: Any) -> str:
    """One JSON document as every command writes it (UTF-8 text, 2-space indent)."""
    return json.dumps(obj, ensure_ascii=False, indent=2, default=str)


class JsonArray:
    """Writes ``[`` on the first element, each element as it comes, ``]`` on :meth:`close`."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.count = 0

    def add(self, obj: Any) -> None:
        self.out.write(("[\n" if self.count == 0 else ",\n") + textwrap.indent(dumps(obj), "  "))
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
