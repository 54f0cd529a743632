"""LNK001/LNK002: short links and links off the sender's official domains (IND-LINK)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.models import Finding, Fix

if TYPE_CHECKING:
    from assistant.checker.message import Message
    from assistant.text.normalize import NormalizedText

_TLDS = (
    "com|cn|net|org|top|xyz|ly|im|me|cc|io|co|info|vip|club|site|online|shop|app|biz|tv|hk|la|gl|gd|ws|to|"
    "link|ink|fun|icu|pro|asia|mobi|name|work|live|tech|store|wang|ren|gov|edu|int|mn|so|lt|gg|us|uk|tk|ml|"
    "ga|cf|pw|bid|win|loan|money|finance|bank|insure|cash|fund|cloud|space|website|email|run|plus|red|ltd|"
    "group|xin|kim|tw|sg|jp|kr|de|ru|fr|in|ai|cx|su|nu|be"
)
# Runs on the no-space view with 。 read as a dot, so "t . cn" and "t。cn" are links too.
_URL_RE = re.compile(
    r"(?<![a-z0-9@._\-])"
    r"(?:(?P<scheme>https?://)(?:[^\s/@]{1,64}@)?)?"
    r"(?P<host>(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+(?P<tld>[a-z]{2,12})"
    r"|(?<=://)\d{1,3}(?:\.\d{1,3}){3}|(?<=@)\d{1,3}(?:\.\d{1,3}){3})"
    r"(?P<port>:\d{1,5})?"
    r"(?P<path>/[!-~]*)?",
)
_KNOWN_TLD_RE = re.compile(rf"(?:{_TLDS})")
_QUICK_RE = re.compile(r"[a-z0-9][\s\u200b-\u200f\u2060\ufeff]*[.。][\s\u200b-\u200f\u2060\ufeff]*[a-z]|://")
_TRAILING_PUNCT = ".,;:!?)]}'\""


def find_urls(nt: NormalizedText) -> list[tuple[int, int, str, str]]:
    """(start, end, host, url) of each link, start/end in original offsets."""
    if _QUICK_RE.search(nt.folded) is None:  # before building the no-space view
        return []
    view = nt.nospace
    view = view.replace("。", ".")
    out = []
    for m in _URL_RE.finditer(view):
        host = m.group("host")
        tld = m.group("tld")
        # A bare IP address after a scheme (no TLD) is a link, and never an official one.
        bare_name = tld is not None and not m.group("scheme") and not host.startswith("www.")
        if bare_name and not _KNOWN_TLD_RE.fullmatch(tld):
            continue
        s, e = m.start(), m.end()
        while e > s and view[e - 1] in _TRAILING_PUNCT:
            e -= 1
        start, end = nt.nospace_span(s, e)
        out.append((start, end, host, view[s:e]))
    return out


class ShortLinks(Detector):
    """LNK001: third-party short-link services hide the destination (guide §4.3)."""

    def detect(self, msg: Message) -> Iterable[Finding]:
        domains = self.spec.options.get("domains", [])
        for start, end, host, _url in msg.urls:
            bare = host.removeprefix("www.")
            if any(bare == d or bare.endswith("." + d) for d in domains):
                yield self.finding(msg, start, end, fix=_official_link_fix(msg), note=f"短链接域名：{bare}")


class UnofficialLinks(Detector):
    """LNK002: a link whose host is not an official domain of the sender (or a subdomain)."""

    def detect(self, msg: Message) -> Iterable[Finding]:
        profile = msg.profile
        if profile is None or not profile.official_domains:
            return
        short = set(self.spec.options.get("skip_domains", []))
        for start, end, host, _url in msg.urls:
            bare = host.removeprefix("www.")
            if profile.is_official_host(host) or any(bare == d or bare.endswith("." + d) for d in short):
                continue
            yield self.finding(
                msg,
                start,
                end,
                # Which official page a look-alike link stood for is a fact the draft does
                # not give: always ask (the catalogue's needs_input), never guess the homepage.
                fix=Fix("needs_input", None, "需要提供官方域名下的正确链接", ("official_url",)),
                note=f"链接域名 {host} 不属于报备官方域名（{'、'.join(profile.official_domains)}）",
            )


def _official_link_fix(msg: Message) -> Fix:
    url = msg.profile.default_url() if msg.profile else None
    if url:
        return Fix("safe", url, f"替换为官方链接 {url}")
    return Fix("needs_input", None, "需要提供发送方ICP备案官网链接", ("official_url",))
