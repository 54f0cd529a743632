"""Recipient keys and masking.

The plan, the history and the consent list are exported by different systems, so one
phone number can be written ``13812345678``, ``+86 138-1234-5678`` or ``0086 13812345678``;
all of them must be the same recipient, or the monthly cap and the consent check are
silently bypassed.  Numbers are personal information (PIPL), so every report shows only a
mask (138****5678) — the full number never leaves this module's callers' memory.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-()（）.]+")
_DIGIT_RUN = re.compile(r"(?<!\d)\d{7,}(?!\d)")
# An 11-digit mainland mobile, or a landline with its area code (010-12345678, 0755-1234567).
_PLAUSIBLE = re.compile(r"1[3-9]\d{9}|0[1-9]\d{8,10}")


def plausible_recipient(key: str) -> bool:
    """Is a normalised key a phone number a message can go to?  ``138123456789`` is not."""
    return _PLAUSIBLE.fullmatch(key) is not None


def normalize_recipient(value: object) -> str:
    """The comparison key of a recipient: separators and the +86/0086 prefix removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # spreadsheets store phone numbers as numbers
    key = _SEPARATORS.sub("", str(value).strip())
    if key.startswith("+86"):
        key = key[3:]
    elif key.startswith("0086"):
        key = key[4:]
    elif len(key) == 13 and key.startswith("861"):
        key = key[2:]
    return key


def mask_recipient(key: str) -> str:
    """138****5678 for a mobile number; other identifiers keep only their outer quarters.

    The mask always hides at least one character and keeps the length, so a masked number
    can replace the original inside a text without moving finding offsets.
    """
    n = len(key)
    if n >= 11:
        head, tail = 3, 4
    elif n >= 3:
        head = tail = max(1, n // 4) if n >= 4 else 1
        if head + tail >= n:
            head, tail = 1, 0
    else:
        return "*" * n
    return key[:head] + "*" * (n - head - tail) + (key[n - tail :] if tail else "")


def mask_in(text: str, *secrets: str) -> str:
    """``text`` with every occurrence of the given numbers replaced by their masks."""
    for secret in secrets:
        if secret and len(secret) >= 3 and secret in text:
            text = text.replace(secret, mask_recipient(secret))
    return text


def redact_numbers(text: str) -> str:
    """Mask every run of 7+ digits: error messages echo cell values, and a shifted column
    can put a phone number where a time or a status was expected."""
    return _DIGIT_RUN.sub(lambda m: mask_recipient(m.group()), text)
