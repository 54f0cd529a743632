"""OPT001/OPT002: the unsubscribe instruction (TEL-SMS15-19, ADV-43, IND-UNSUB)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.models import Finding, Fix
from assistant.text import lazyre

if TYPE_CHECKING:
    from assistant.checker.message import Message


#: An unsubscribe instruction in a form the configured list does not hold (回复TD退订,
#: 退订请回N, 回复N拒收): the catalogue accepts only the configured forms, so it is still
#: OPT001, pointed at the phrase and saying how to accept it if the channel honours it.
_OTHER_OPTOUT_RE = lazyre.compile(
    r"(?:回复?|发送?|编辑|短信)[A-Za-z0-9]{1,4}(?:即可|可)?(?:退订|拒收)"
    r"|(?:退订|拒收)(?:请|可)?(?:回复?|发送?|编辑|短信)[A-Za-z0-9]{1,4}(?![A-Za-z0-9])"
)


def _no_optout(msg: Message) -> bool:
    return msg.optout_span is None


class OptOutMissing(Detector):
    """OPT001: a marketing message with no configured unsubscribe phrase."""

    def gate(self) -> Callable[[Message], object] | None:
        """No opt-out phrase found (detect's own first test)."""
        return _no_optout

    def detect(self, msg: Message) -> Iterable[Finding]:
        if msg.optout_span is not None:
            return
        pos = msg.body_end
        phrase = msg.settings.optout_phrases[0] if msg.settings.optout_phrases else "回T退订"
        text = msg.text
        sep = "" if pos == 0 or text[pos - 1] in " 。！!" else " "
        fix = Fix("safe", f"{sep}{phrase}", f"在末尾添加“{phrase}”")
        void = msg.void_optout
        if void is not None:  # the phrase is there but does not work: point at it
            start, end, cue = void
            yield self.finding(
                msg,
                start,
                end,
                fix=Fix("unsafe", phrase, f"改为有效、免费的退订方式“{phrase}”"),
                note=f"退订语被声明无效或需付费（{cue}），不构成便捷有效的退订方式",
            )
            return
        other = _OTHER_OPTOUT_RE.search(msg.nt.compact)
        if other is not None:  # an instruction is there, in a form nobody configured
            start, end = msg.nt.compact_span(other.start(), other.end())
            listed = "、".join(msg.settings.optout_phrases)
            yield self.finding(
                msg,
                start,
                end,
                fix=Fix("unsafe", phrase, f"改为配置的退订语“{phrase}”"),
                note=(
                    f"退订语“{msg.text[start:end]}”不在配置的退订语（{listed}）中：请确认短信通道支持该指令，"
                    "支持则将其加入 assistant.toml 的 optout_phrases"
                ),
            )
            return
        yield self.finding(msg, pos, pos, fix=fix)


def _has_optout(msg: Message) -> bool:
    return msg.optout_span is not None


class OptOutInService(Detector):
    """OPT002: a service notice carrying an unsubscribe phrase (often disguised marketing)."""

    def gate(self) -> Callable[[Message], object] | None:
        """An opt-out phrase (the finding is its span)."""
        return _has_optout

    def detect(self, msg: Message) -> Iterable[Finding]:
        span = msg.optout_span
        if span is None:
            return
        yield self.finding(
            msg, span[0], span[1], fix=Fix("unsafe", "", "服务类通知删除退订语，或改按营销短信报备")
        )
