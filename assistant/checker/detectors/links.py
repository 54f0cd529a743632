"""LNK001/LNK002: short links and links off the sender's official domains (IND-LINK)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.models import Finding, Fix
from assistant.checker.recognizers import host_as_written
from assistant.text import lazyre

if TYPE_CHECKING:
    from assistant.checker.message import Message


#: LNK002 when the profile lists no official domain: the comparison could not be made.
UNCHECKED_DOMAIN = (
    "发送方档案未配置 official_domains（官方域名），无法核对链接是否为官方域名，请人工确认或在档案中补充"
)


def _has_link(msg: Message) -> object:
    return msg.urls


class ShortLinks(Detector):
    """LNK001: third-party short-link services hide the destination (guide §4.3)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        opts = self.spec.options
        self._label_max = int(opts.get("shape_label_max", 0))
        path = opts.get("shape_path")
        self._path_re = lazyre.compile_now(str(path)) if path else None

    def gate(self) -> Callable[[Message], object] | None:
        """A link (each finding is one of :attr:`Message.urls`)."""
        return _has_link

    def detect(self, msg: Message) -> Iterable[Finding]:
        domains = self.spec.options.get("domains", [])
        text = msg.text
        for start, end, host, url in msg.urls:
            bare = host.removeprefix("www.")
            if not any(bare == d or bare.endswith("." + d) for d in domains):
                if self._shaped(msg, host, url):
                    yield self.finding(
                        msg,
                        start,
                        end,
                        severity="warning",
                        fix=_official_link_fix(msg),
                        note=f"域名 {bare} 不在短链接服务名单中，但域名很短且路径为随机码，疑似短链接，请人工确认",
                    )
                continue
            if _named_not_linked(text, start, end, url, host):
                continue  # 本行短信不含t.cn、dwz.cn等短链接: the services named, nothing linked
            yield self.finding(msg, start, end, fix=_official_link_fix(msg), note=f"短链接域名：{bare}")

    def _shaped(self, msg: Message, host: str, url: str) -> bool:
        """Whether a link off the list is shaped like a short link (kurl.cn/Ab9x): a short
        registrable name, one random token as its path; never the sender's official host."""
        if self._path_re is None or not self._label_max:
            return False
        if msg.profile is not None and msg.profile.is_official_host(host):
            return False
        labels = host.lower().split(".")
        if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
            labels = labels[:-1]  # icbc.com.cn: the name is icbc
        if len(labels) < 2 or len(labels[-2]) > self._label_max:
            return False
        rest = url.split("://", 1)[-1]
        path = (
            rest[len(host) :]
            if rest.lower().startswith(host.lower())
            else rest[rest.find("/") :]
            if "/" in rest
            else ""
        )
        if not self._path_re.match(path):
            return False
        token = path.strip("/")
        mixed_kinds = any(c.isdigit() for c in token) and any(c.isalpha() for c in token)
        mixed_case = any(c.isupper() for c in token) and any(c.islower() for c in token)
        return mixed_kinds or mixed_case


#: Second-level names under a country code (com.cn, org.hk): the registrable name is the one before.
_SECOND_LEVEL = frozenset({"com", "net", "org", "gov", "edu", "co", "ac"})

#: A host named in a list of services (t.cn、dwz.cn等短链接), not written as a link to follow.
_LISTED_AFTER_RE = lazyre.compile_now(
    r"\s*(?:、|等|及|和|或|之类|这类|此类"
    # (a kind of link described by its host: 凡以t.cn开头的短链接, t.cn类短链接 — rt171)
    r"|[”\"」]?\s*(?:开头|打头|为前缀|类短链|类链接|形式的短链|格式的短链|域名的短链|短链|这样的短链|这种短链|之类的短链))"
)


def _named_not_linked(text: str, start: int, end: int, url: str, host: str) -> bool:
    """A bare short-link host (no path) in a list of services: it names the service.  With a
    path (t.cn/Ab9), or alone before a call (点击t.cn领取), it is a link."""
    if url.rstrip("/").lower().removeprefix("http://").removeprefix("https://") != host.lower():
        return False
    before = text[:start].rstrip()
    return _LISTED_AFTER_RE.match(text, end) is not None or before.endswith(
        ("、", "如", "像", "以“", '以"', "以「")
    )


class UnofficialLinks(Detector):
    """LNK002: a link whose host is not an official domain of the sender (or a subdomain)."""

    def detect(self, msg: Message) -> Iterable[Finding]:
        profile = msg.profile
        if profile is None:
            return
        short = set(self.spec.options.get("skip_domains", []))
        for start, end, host, _url in msg.urls:
            bare = host.removeprefix("www.")
            written = host_as_written(msg.text, start, end)
            if any(bare == d or bare.endswith("." + d) for d in short):
                continue
            if not profile.official_domains:
                # Why a warning and not silence: a profile was given, so the user believes
                # the link was compared with the official domains; any domain passed.
                yield self.finding(
                    msg,
                    start,
                    end,
                    severity="warning",
                    message=UNCHECKED_DOMAIN,
                    fix=Fix("unsafe", None, "在发送方档案中补充 official_domains（官方域名）后重新检查"),
                    note=f"链接域名 {written} 未与官方域名核对",
                )
                continue
            if profile.is_official_host(host) and written.isascii():
                continue
            if not written.isascii():
                yield self.finding(
                    msg,
                    start,
                    end,
                    fix=Fix("needs_input", None, "需要提供官方域名下的正确链接", ("official_url",)),
                    note=f"链接域名“{written}”含非 ASCII 字符，与官方域名形似而实为不同域名（疑似仿冒）",
                )
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
