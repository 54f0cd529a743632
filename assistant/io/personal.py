"""Phone numbers in reports: recipient-like columns are always masked.

Why: a send plan's recipient column is personal information (PIPL), and uploaded files
carry it under many names (``recipient``, ``手机号``, ``phone``, ``收件人`` …), sometimes
in a file that is not a send plan at all — then it travels as an "other column" into the
report.  Every report and export masks these columns by name, whatever the rest of the
file is, using the campaign package's mask (``138****5678``), so a number looks the same
in every report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.checker.recognizers import mask_personal_data

#: Substrings of a (lower-cased, separator-free) column name that mark a recipient column.
RECIPIENT_NAME_PARTS = (
    "recipient",
    "phone",
    "mobile",
    "msisdn",
    "手机",
    "电话",
    "号码",
    "收件人",
    "联系方式",
)
RECIPIENT_NAMES = frozenset({"tel", "telno", "to"})


def is_recipient_column(name: object) -> bool:
    folded = str(name).strip().lstrip("\ufeff").lower()
    for sep in (" ", "_", "-", "."):
        folded = folded.replace(sep, "")
    return folded in RECIPIENT_NAMES or any(part in folded for part in RECIPIENT_NAME_PARTS)


def mask_recipient_value(value: Any) -> Any:
    """A recipient cell with its number masked (``+86 138-1234-5678`` → ``138****5678``);
    several numbers or a number inside text are masked where they stand."""
    if value is None or value == "" or isinstance(value, bool):
        return value
    from assistant.io.recipients import mask_recipient, normalize_recipient, redact_numbers

    key = normalize_recipient(value)
    if key.isdigit() and len(key) >= 7:
        return mask_recipient(key)
    return mask_personal_data(redact_numbers(str(value)))


def mask_recipient_fields(row: Mapping[Any, Any]) -> dict[Any, Any]:
    """``row`` with every recipient-like field masked (other fields untouched)."""
    return {k: mask_recipient_value(v) if is_recipient_column(k) else v for k, v in row.items()}
