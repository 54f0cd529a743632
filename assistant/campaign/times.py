"""Send times: parsing, the local time zone and the send window.

Plans come from schedulers and spreadsheets, so times arrive as ISO 8601 with or without
an offset, with slashes, with or without seconds, or in Chinese (2026年11月28日 20:59).
A time without an offset is wall-clock time in the campaign's zone (``--tz``, default
Asia/Shanghai): that is what a marketer means by "20:59", and it is the zone in which
the send window and calendar months are judged, so one instant is never counted in two
different months depending on how it was written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.errors import InputError

DEFAULT_TZ = "Asia/Shanghai"

_LOOSE = re.compile(
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*(?:[:：分]\s*(\d{1,2}(?:\.\d+)?)\s*秒?)?\s*分?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$",
    re.IGNORECASE,
)


def load_zone(name: str) -> dt.tzinfo:
    """The IANA zone ``name``; an unknown name is a usage error (exit 2), not a crash."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InputError(f"--tz 的值 {name!r} 不是有效的时区名（例如 Asia/Shanghai、UTC）") from exc


class TimeParser:
    """Parse send times into aware datetimes in one zone, caching repeated strings.

    Bulk plans repeat the same scheduled minute for thousands of rows, so a small cache of
    recent strings saves most of the parsing; it is cleared when full to keep memory flat.
    """

    def __init__(self, tz: dt.tzinfo, cache_size: int = 4096) -> None:
        self.tz = tz
        self._cache: dict[str, tuple[dt.datetime, float]] = {}
        self._cache_size = cache_size

    def parse(self, value: object) -> dt.datetime:
        """An aware datetime in ``self.tz``; raises ``ValueError`` with a Chinese message."""
        return self.parse_epoch(value)[0]

    def parse_epoch(self, value: object) -> tuple[dt.datetime, float]:
        """The local datetime and its POSIX timestamp (both cached: ``timestamp()`` is not free)."""
        if isinstance(value, str):
            hit = self._cache.get(value)
            if hit is not None:
                return hit
            text = value.strip()
            if not text:
                raise ValueError("send_time 为空")
            local = self._parse_text(text)
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            hit = self._cache[value] = (local, local.timestamp())
            return hit
        if isinstance(value, dt.datetime):
            local = self._localize(value)
        elif isinstance(value, dt.date):
            local = self._localize(dt.datetime(value.year, value.month, value.day))
        elif value is None:
            raise ValueError("send_time 为空")
        else:
            local = self._parse_text(str(value).strip())
        return local, local.timestamp()

    def _parse_text(self, text: str) -> dt.datetime:
        try:
            return self._localize(dt.datetime.fromisoformat(text))
        except ValueError:
            pass
        m = _LOOSE.match(text)
        if m is None:
            raise ValueError(
                f"无法识别的时间 {text!r}（示例：2026-11-28 20:59 或 2026-11-28T20:59:00+08:00）"
            )
        year, month, day, hour, minute, second, offset = m.groups()
        sec = float(second) if second else 0.0
        try:
            naive = dt.datetime(
                int(year),
                int(month),
                int(day),
                int(hour or 0),
                int(minute or 0),
                int(sec),
                round((sec - int(sec)) * 1_000_000),
            )
        except ValueError as exc:
            raise ValueError(f"无效的时间 {text!r}（{exc}）") from exc
        if offset:
            off = offset.upper()
            if off == "Z":
                naive = naive.replace(tzinfo=dt.UTC)
            else:
                sign = -1 if off[0] == "-" else 1
                digits = off[1:].replace(":", "")
                delta = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
                naive = naive.replace(tzinfo=dt.timezone(sign * delta))
        return self._localize(naive)

    def _localize(self, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            return value.replace(tzinfo=self.tz)
        return value.astimezone(self.tz)


def month_key(local: dt.datetime) -> int:
    """A calendar month as one integer (year × 12 + month), judged in the local zone."""
    return local.year * 12 + local.month


def month_label(key: int) -> str:
    year, month = divmod(key - 1, 12)
    return f"{year}-{month + 1:02d}"


@dataclass(frozen=True, slots=True)
class SendWindow:
    """Allowed local send times, ``start`` inclusive and ``end`` exclusive.

    08:00-21:00 allows 08:00:00 up to 20:59:59: a message scheduled for 21:00 lands on the
    phone at nine in the evening, which is what the platforms' window excludes.  A window
    whose start is after its end wraps past midnight (22:00-06:00).
    """

    start: int  # seconds after midnight
    end: int
    text: str

    @classmethod
    def parse(cls, text: str) -> SendWindow:
        m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", text)
        if m is None:
            raise InputError(f"send_window 格式应为 HH:MM-HH:MM，而不是 {text!r}")
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
            raise InputError(f"send_window 中的时间无效：{text!r}")
        return cls(h1 * 3600 + m1 * 60, h2 * 3600 + m2 * 60, f"{h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}")

    def contains(self, local: dt.datetime) -> bool:
        t = local.hour * 3600 + local.minute * 60 + local.second
        if self.start <= self.end:
            return self.start <= t < self.end
        return t >= self.start or t < self.end
