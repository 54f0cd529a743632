"""How texts are kept at rest: personal data masked (default), in full, or as a hash.

Why: the audit store outlives the work it records (six months at least), is copied into
exports and backups, and is read by people who need to know *what happened*, not the
customer's ID or phone number.  So by default every text written is passed through
:func:`assistant.checker.recognizers.mask_personal_data` (ID, card and mobile numbers keep
their last 4 digits, length preserved).  ``[audit] store_text`` chooses:

* ``masked`` — texts with personal data masked (the default);
* ``full`` — texts as they were (a team whose store is itself under access control);
* ``hash`` — ``sha256:<hex>`` instead of each text: the store proves that a given text was
  processed (hash it and compare) without holding it.

Nested JSON (an event's input and output) is walked.  In ``hash`` mode, values shaped like
identifiers (rule codes, statuses, engine and prompt names) are kept, so a record still
says *what* was decided; every free text is hashed.  Metadata strings that are not texts
(an error message) are masked in both ``masked`` and ``hash`` modes.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from assistant.checker.recognizers import mask_personal_data
from assistant.config import STORE_TEXT_MODES

# ADV001, fixed, rewrite.v1, needs_input: kept in hash mode (no spaces, no slashes, ASCII).
_IDENTIFIER_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]{0,63}")
_BIG_INT = 10**9  # integers this large may be a phone or card number stored as a number


def sha256_text(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


class TextPolicy:
    """Applies one ``store_text`` mode to texts, metadata strings and nested JSON."""

    def __init__(self, mode: str = "masked") -> None:
        if mode not in STORE_TEXT_MODES:
            raise ValueError(f"store_text must be one of {STORE_TEXT_MODES}, not {mode!r}")
        self.mode = mode

    def text(self, value: str | None) -> str | None:
        """A free text (a draft, a reply, a reason)."""
        if not value or self.mode == "full":
            return value
        if self.mode == "hash":
            return sha256_text(value)
        return mask_personal_data(value)

    def note(self, value: str | None) -> str | None:
        """A metadata string that may quote personal data (an error message): masked, never hashed."""
        if not value or self.mode == "full":
            return value
        return mask_personal_data(value)

    def data(self, value: Any) -> Any:
        """Nested JSON-like data: keys kept, string and large-integer leaves handled as texts."""
        if self.mode == "full":
            return value
        if isinstance(value, str):
            if self.mode == "hash" and _IDENTIFIER_RE.fullmatch(value):
                return value
            return self.text(value)
        if isinstance(value, dict):
            return {k: self.data(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.data(v) for v in value]
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _BIG_INT:
            digits = str(value)
            if mask_personal_data(digits) != digits:  # a phone or card number kept as a number
                return self.text(digits)
        return value
