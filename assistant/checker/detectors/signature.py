"""SIG001–SIG003: the 【signature】 that identifies the sender (ADV-43, IND-SIG)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.models import Finding, Fix
from assistant.checker.recognizers import INSTITUTION_WORDS, heading_not_name
from assistant.text import lazyre

if TYPE_CHECKING:
    from assistant.checker.message import Message

# A name is "evident" when the draft already shows it in the wrong form.
_EVIDENT_BRACKET_RE = lazyre.compile(
    r"^\s*[\[［〖〔（(「『<＜]\s*([^\]］〗〕）)」』>＞\n]{2,16}?)\s*[\]］〗〕）)」』>＞]"
)
_EVIDENT_COLON_RE = lazyre.compile(rf"^\s*([\u4e00-\u9fffA-Za-z0-9]{{1,14}}{INSTITUTION_WORDS})\s*[:：]")


#: SIG002 when the profile registers no signature: the comparison could not be made.
UNCHECKED_SIGNATURE = (
    "发送方档案未配置 signatures（报备签名），无法核对短信签名是否已报备，请人工确认或在档案中补充"
)


def _unsigned(msg: Message) -> bool:
    return msg.signature is None


class SignatureMissing(Detector):
    """SIG001: no valid 【name】 at the start or end."""

    def gate(self) -> Callable[[Message], object] | None:
        """No valid signature (detect's own first test)."""
        return _unsigned

    def detect(self, msg: Message) -> Iterable[Finding]:
        if msg.signature is not None:
            return
        text = msg.text
        bracket = _EVIDENT_BRACKET_RE.match(text)
        evident = bracket or _EVIDENT_COLON_RE.match(text)
        bad_bracket = next(iter(msg.signatures), None)
        if evident:
            start, end = evident.start(1), evident.end(0)
            # include the opening bracket for the bracket form
            if evident is bracket:
                start = len(text) - len(text.lstrip())
            name = evident.group(1).strip()
            fix = Fix("safe", f"【{name}】", f"改为全角方括号签名【{name}】")
            yield self.finding(msg, start, end, fix=fix, note="签名格式不规范")
            return
        if bad_bracket is not None:
            note = (
                f"“{bad_bracket.name}”是标题，不是发送单位名称"
                if heading_not_name(bad_bracket.name)
                else f"签名“{bad_bracket.name}”长度应为2–16个字符且不能全为数字"
            )
            fix = self._profile_fix(msg, replace=True)
            yield self.finding(msg, bad_bracket.start, bad_bracket.end, fix=fix, note=note)
            return
        lead = len(text) - len(text.lstrip())
        yield self.finding(msg, lead, lead, fix=self._profile_fix(msg, replace=False))

    def _profile_fix(self, msg: Message, *, replace: bool) -> Fix:
        if msg.profile and msg.profile.signatures:
            sig = msg.profile.signatures[-1] if len(msg.profile.signatures) > 1 else msg.profile.signatures[0]
            sig = min(msg.profile.signatures, key=len) if len(sig) > 16 else sig
            return Fix("safe", f"【{sig}】", f"使用报备签名【{sig}】")
        return Fix("needs_input", None, "需要提供已报备的短信签名", ("signature",))


class SignatureNotRegistered(Detector):
    """SIG002: the signature is not one the profile registered (look-alikes included)."""

    def detect(self, msg: Message) -> Iterable[Finding]:
        sig = msg.signature
        profile = msg.profile
        if sig is None or profile is None:
            return
        if not profile.signatures:
            # Why a warning and not silence: a profile was given, so the user believes the
            # signature was compared with the registered ones; a fake 【假银行】 passed.
            yield self.finding(
                msg,
                sig.start,
                sig.end,
                severity="warning",
                message=UNCHECKED_SIGNATURE,
                fix=Fix("unsafe", None, "在发送方档案中补充 signatures（报备签名）后重新检查"),
                note=f"签名“{sig.name}”未与报备签名核对",
            )
            return
        if sig.name in profile.signatures:
            return
        best = difflib.get_close_matches(sig.name, profile.signatures, n=1, cutoff=0.0)
        replacement = best[0] if best else profile.signatures[0]
        close = difflib.SequenceMatcher(None, sig.name, replacement).ratio() >= 0.6
        note = (
            f"疑似仿冒签名，与报备签名“{replacement}”相近"
            if close
            else f"报备签名为：{'、'.join(profile.signatures)}"
        )
        yield self.finding(
            msg,
            sig.start,
            sig.end,
            fix=Fix("safe", f"【{replacement}】", f"改为报备签名【{replacement}】"),
            note=note,
        )


def _brackets_beyond_signature(msg: Message) -> bool:
    """More 【】 than one signature's pair, or no signature to hold them: else every 【 and 】
    is the signature's own."""
    text = msg.text
    return text.count("【") + text.count("】") > 2 or msg.signature is None


class SignatureBracketsInBody(Detector):
    """SIG003: 【】 reused inside the body, where carriers reserve it for the signature."""

    _PAIR_RE = lazyre.compile_now(r"【([^【】]*)】|[【】]")

    def gate(self) -> Callable[[Message], object] | None:
        """Detect's own first test (:func:`_brackets_beyond_signature`)."""
        return _brackets_beyond_signature

    def detect(self, msg: Message) -> Iterable[Finding]:
        text = msg.text
        if not _brackets_beyond_signature(msg):
            return
        sig_spans = [(msg.signature.start, msg.signature.end)] if msg.signature else []
        for m in self._PAIR_RE.finditer(text):
            if any(s <= m.start() and m.end() <= e for s, e in sig_spans):
                continue
            inner = m.group(1)
            replacement = f"「{inner}」" if inner is not None else ""
            yield self.finding(msg, m.start(), m.end(), fix=Fix("safe", replacement, "正文中的【】改为「」"))
