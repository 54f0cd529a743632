"""LEN001: length and billing segments (IND-LEN: 70 chars, then 67 per segment)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.models import Finding
from assistant.checker.recognizers import MULTI_SEGMENT, SINGLE_SEGMENT, segments, sms_length

if TYPE_CHECKING:
    from assistant.checker.message import Message


def _longer_than_one_segment(msg: Message) -> bool:
    return len(msg.text) > SINGLE_SEGMENT


class Length(Detector):
    def gate(self) -> Callable[[Message], object] | None:
        """Longer than one segment: the billed length (the text stripped) is never more than
        the text's."""
        return _longer_than_one_segment

    def detect(self, msg: Message) -> Iterable[Finding]:
        text = msg.text
        n = sms_length(text)
        segs = segments(n)
        if segs <= 1:
            return
        lead = len(text) - len(text.lstrip())
        end = lead + n
        limit = msg.settings.max_length
        max_segments = msg.settings.max_segments
        if n > limit:
            start, severity = lead + limit, "error"
            message = f"短信长度{n}字，超过{limit}字上限，运营商将拒绝发送"
        elif segs > max_segments:
            start, severity = lead + max_segments * MULTI_SEGMENT, "warning"
            message = f"短信长度{n}字，将拆分为{segs}条计费，超过设定上限{max_segments}条"
        else:
            start, severity = lead + SINGLE_SEGMENT, "info"
            message = f"短信长度{n}字，将拆分为{segs}条计费（70字以内为1条，超出后每67字1条）"
        yield self.finding(msg, start, end, severity=severity, message=message)  # type: ignore[arg-type]
