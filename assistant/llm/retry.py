"""Retry policy: which failures are worth another try, and how long to wait.

Exponential back-off with *full jitter* (a random wait between 0 and base·2^n, capped):
when a batch of 200 rewrites hits a rate limit together, jitter spreads their retries
instead of sending them back in one burst.  A server's ``Retry-After`` (seconds or an
HTTP date; also ``retry-after-ms``) is honoured over the computed wait, within the cap.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

#: HTTP statuses that say "try again later" rather than "your request is wrong".
RETRYABLE_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504, 529})


def parse_retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Seconds to wait as the server asked, or ``None`` when it did not say."""
    if not headers:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return max(float(ms) / 1000.0, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


def backoff_delay(
    retry: int,
    *,
    base: float,
    cap: float,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> float:
    """Wait before retry number ``retry`` (0-based)."""
    if retry_after is not None:
        return min(retry_after, cap)
    ceiling = min(cap, base * (2**retry))
    return (rng or random).uniform(0, ceiling)
