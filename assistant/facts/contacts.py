"""Contact points: every way a message can send its reader somewhere.

A rewrite that adds a phone number, a link, a WeChat ID or another signature gives the
customer a new place to call or pay — the classic shape of a fraud SMS — however
compliant the wording.  So contact points are read in every spelling a model (or an
evader) can use, and compared by value:

* links and domains: with or without a scheme, a bare IP, a Chinese domain (明德.中国),
  full-width letters and dots, 点 or "dot" for the dot (:func:`find_urls` plus the forms
  it does not cover);
* phone numbers: digits in any script or numeral form (一三八…, 壹叁捌…, ①③⑧…) with any
  separators, read on the digit projection of :mod:`assistant.checker.recognizers`;
* IM handles and channels: 微信 / VX / 薇信 / QQ / 扣扣 / 群号 / 公众号 / 小程序 … followed
  by an ID, or an invitation to add one (加微信, 关注公众号) even without it; a QR code (扫码);
* signatures: every 【…】 (or 〖…〗, a bracketed name at either end, a trailing ——name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.checker.recognizers import digit_projection, find_urls
from assistant.text.normalize import fold, normalize


@dataclass(frozen=True, slots=True)
class Contact:
    """One contact point: ``kind`` is url / phone / im / signature; ``value`` compares."""

    kind: str
    value: str
    start: int
    end: int
    text: str

    @property
    def host(self) -> str:
        """A link's host (its value up to the first ``/``)."""
        return self.value.split("/", 1)[0] if self.kind == "url" else ""


# ----------------------------------------------------------------------------- links
_CN_TLDS = "中国|公司|网络|网址|在线|中文网|商城|集团|移动|手机|我爱你|信息|广东|佛山|政务|公益"
_DOT = r"\s*(?:[.。．｡]|点|dot|\(dot\)|\[dot\]|\[\.\]|\(\.\)|（点）)\s*"
_CN_DOMAIN_RE = re.compile(
    rf"(?P<host>[\u4e00-\u9fffa-z0-9\-]{{1,30}}(?:\s*[.．｡]\s*(?:{_CN_TLDS})"
    rf"|{_DOT}(?:{_CN_TLDS})(?![\u4e00-\u9fff])))"
)
_IP_RE = re.compile(r"(?<![\d.])(?P<ip>\d{1,3}(?:\s*[.。．点]\s*\d{1,3}){3})(?![\d.])(?P<path>/[!-~]*)?")
_DOT_WORD_RE = re.compile(
    r"(?<![a-z0-9\-])(?P<name>[a-z0-9][a-z0-9\-]{0,61})\s*(?:dot|\(dot\)|\[dot\]|\[\.\]|\(\.\))\s*"
    r"(?P<tld>com|cn|net|org|top|xyz|vip|cc|io|me|info|biz|club|site|online|shop|app)(?![a-z])"
)


_LEAD_VERBS_RE = re.compile(
    r"^(?:访问|登录|登陆|打开|进入|浏览|详见|点击|官网|网址|网站|请|至|到|或|在|上|搜索)+"
)


def _clean_host(host: str) -> str:
    host = re.sub(_DOT, ".", host.lower())
    host = _LEAD_VERBS_RE.sub("", host)  # 访问明德.中国: the verb is not part of the name
    return host.removeprefix("www.").rstrip(".")


def find_links(text: str) -> list[Contact]:
    """Links and bare domains in ``text`` in any spelling; value = host[/path], no scheme/www."""
    nt = normalize(text)
    out: list[Contact] = []
    for start, end, _host, url in find_urls(nt):
        value = re.sub(r"^[a-z][a-z0-9+.\-]*://", "", url.lower())
        value = value.removeprefix("www.").rstrip("/")
        out.append(Contact("url", value, start, end, text[start:end]))
    folded = nt.folded
    taken = [(c.start, c.end) for c in out]

    def add(start: int, end: int, value: str) -> None:
        if all(end <= s or start >= e for s, e in taken):
            out.append(Contact("url", value, start, end, text[start:end]))
            taken.append((start, end))

    for m in _IP_RE.finditer(folded):
        parts = re.split(r"\s*[.。．点]\s*", m.group("ip"))
        if all(int(p) <= 255 for p in parts):
            add(m.start(), m.end(), ".".join(parts) + (m.group("path") or "").rstrip("/"))
    for m in _CN_DOMAIN_RE.finditer(folded):
        raw = m.group("host")
        lead = _LEAD_VERBS_RE.match(raw)
        add(m.start("host") + (lead.end() if lead else 0), m.end("host"), _clean_host(raw))
    for m in _DOT_WORD_RE.finditer(folded):
        add(m.start(), m.end(), f"{m.group('name')}.{m.group('tld')}")
    # an e-mail address sends the reader to its domain like a link does (kefu@mingde-vip.com)
    for m in _EMAIL_RE.finditer(folded):
        start = m.start()
        out[:] = [c for c in out if not (c.start >= start and c.end <= m.end())]  # its bare host
        taken[:] = [(s, e) for s, e in taken if not (s >= start and e <= m.end())]
        add(start, m.end(), m.group("host"))
    out.sort(key=lambda c: c.start)
    return out


_EMAIL_RE = re.compile(
    r"(?<![a-z0-9._%+\-])[a-z0-9._%+\-]{1,64}@(?P<host>(?:[a-z0-9\-]{1,63}\.)+[a-z]{2,24})(?![a-z0-9\-])"
)


# ----------------------------------------------------------------------------- phones
_RUN_RE = re.compile(r"(?<![0-9a-z])\+?(?:\d~{0,3}){4,15}\d(?![0-9a-z])")
_NOT_PHONE_AFTER = frozenset("元块万千亿%倍个天日月年号期笔次人名位折分秒点岁")


def _phone_digits(digits: str) -> str | None:
    """The number when ``digits`` has the shape of a Chinese phone number, else ``None``."""
    if digits.startswith("86") and len(digits) in (13, 12, 13):
        digits = digits[2:]
    if len(digits) == 11 and re.match(r"1[3-9]", digits):
        return digits  # mobile
    if len(digits) == 10 and digits[:3] in ("400", "800"):
        return digits
    if len(digits) in (5, 6) and digits[:2] in ("95", "96"):
        return digits  # 95588, 96xxx service lines
    if len(digits) == 5 and digits[:3] == "100":
        return digits  # 10086, 10010: carrier lines (a new 12xxx figure is REW002's)
    if 10 <= len(digits) <= 12 and digits.startswith("0") and digits[1] != "0":
        return digits  # 010-88886666, 0755-1234567
    return None


def find_phones(text: str, *, skip: list[tuple[int, int]] | None = None) -> list[Contact]:
    """Phone numbers in any numeral form and with any separators (value: the digits)."""
    folded = fold(text)
    proj = digit_projection(folded)
    out = []
    for m in _RUN_RE.finditer(proj):
        start, end = m.start(), m.end()
        if skip and any(s <= start < e for s, e in skip):
            continue
        after = folded[end : end + 1]
        if after and after in _NOT_PHONE_AFTER:
            continue  # 10000元, 12345个: an amount or a count
        if start > 0 and folded[start - 1] in "¥￥":
            continue
        digits = re.sub(r"\D", "", m.group())
        number = _phone_digits(digits)
        if number is not None:
            out.append(Contact("phone", number, start, end, text[start:end]))
    return out


# ----------------------------------------------------------------------------- IM handles
_IM_CUES = {
    "wechat": r"微信号?|威信|薇信|徽信|微心|维信|v信|vx|wx|weixin|wechat|绿泡泡|(?<=[加+➕])v(?![a-z])|v❤",
    "qq": r"qq群?|扣扣群?|企鹅号?|企鹅群|q群|qq号",
    "group": r"群号|微信群|飞机群|电报群?|telegram|tg群|whatsapp|钉钉群?|社群",
    "channel": r"公众号|服务号|小程序|视频号|抖音号?|快手号?|微博|直播间|小红书|生活号",
    # an app to download or a person to add as a friend is a new place to be reached
    "app": r"app|客户端|应用",
    "friend": r"好友",
}
#: A QR code is a contact point on its own: it sends the reader somewhere unseen.
_QR_RE = re.compile(r"扫码|扫一扫|二维码|扫描.{0,4}码")
_IM_RE = re.compile(
    "(?P<cue>" + "|".join(f"(?P<{k}>{v})" for k, v in _IM_CUES.items()) + r")"
    r"\s*(?:号|账号|id|名)?\s*[:：是为]?\s*(?P<handle>[a-z0-9_~\-]{4,30})?"
)
_INVITE_RE = re.compile(
    r"(?:加|添加|联系|私信|关注|搜索|扫码|进|入|拉你进|邀请您?进|打开|进入|下载|安装)[^，。！？；,.!?;\s]{0,10}$"
)
#: Who an invitation reaches: a person (客服微信, 顾问为好友) rather than the sender's channel.
_PERSONAL_RE = re.compile(r"客服|顾问|经理|专员|老师|助理|助手|个人|本人|我的|为")
#: An app or a friend is a contact only when the invitation says so (下载…app, 添加…为好友).
_NEEDS_VERB = frozenset({"app", "friend"})
_APP_VERB_RE = re.compile(r"(?:下载|安装)[^，。！？；,.!?;\s]{0,10}$")
_FRIEND_VERB_RE = re.compile(r"(?:加|添加)[^，。！？；,.!?;\s]{0,12}为$")


def find_im_handles(text: str) -> list[Contact]:
    """IM IDs and invitations (value: ``family:handle`` or ``family:`` for an invitation)."""
    folded = fold(text)
    proj = digit_projection(folded)
    out = []
    for m in _IM_RE.finditer(proj):
        family = next(k for k in _IM_CUES if m.group(k))
        handle = (m.group("handle") or "").replace("~", "")
        before = proj[max(0, m.start() - 8) : m.start()]
        if family in _NEEDS_VERB:
            wide = proj[max(0, m.start() - 16) : m.start()]
            verb = (_APP_VERB_RE if family == "app" else _FRIEND_VERB_RE).search(wide)
            if verb is not None:
                name = re.sub(r"^(?:下载|安装|添加|加)", "", verb.group()).rstrip("为")
                out.append(
                    Contact("im", f"{family}:{name}", m.start(), m.end("cue"), text[m.start() : m.end("cue")])
                )
            continue
        if len(handle) >= 4:
            end = m.end("handle")
            out.append(Contact("im", f"{family}:{handle}", m.start(), end, text[m.start() : end]))
        elif _INVITE_RE.search(before):
            # an invitation is licensed by its own cue (公众号 does not license 直播间) and a
            # person's account never by the sender's channel (客服微信 after 微信公众号)
            who = "@personal" if _PERSONAL_RE.search(before[-4:]) else ""
            cue = m.group("cue") if family == "channel" else ""
            out.append(
                Contact("im", f"{family}:{cue}{who}", m.start(), m.end("cue"), text[m.start() : m.end("cue")])
            )
    for m in _QR_RE.finditer(folded):
        out.append(Contact("im", "qr:", m.start(), m.end(), text[m.start() : m.end()]))
    return out


# ----------------------------------------------------------------------------- signatures
_BRACKETS_RE = re.compile(r"【\s*([^【】\n]{1,24}?)\s*】|〖\s*([^〖〗\n]{1,24}?)\s*〗")
_EDGE_RE = re.compile(
    r"^\s*[\[［]\s*([^\[\]［］\n]{2,16}?)\s*[\]］]|[\[［]\s*([^\[\]［］\n]{2,16}?)\s*[\]］]\s*$"
)
_DASH_RE = re.compile(r"(?:——|--|－－|—|-)\s*([\u4e00-\u9fff]{2,16})\s*$")


def find_signatures(text: str) -> list[Contact]:
    """Every signature-shaped name: 【…】 anywhere, […] or ——name at either end."""
    folded = fold(text)
    out = []
    for m in _BRACKETS_RE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        out.append(Contact("signature", folded[m.start(group) : m.end(group)], m.start(), m.end(), m.group()))
    for m in _EDGE_RE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        out.append(Contact("signature", folded[m.start(group) : m.end(group)], m.start(), m.end(), m.group()))
    m = _DASH_RE.search(text)
    if m is not None:
        out.append(Contact("signature", folded[m.start(1) : m.end(1)], m.start(), m.end(), m.group()))
    return out


def find_contacts(text: str) -> list[Contact]:
    """Every contact point in ``text``: links, phones, IM handles and signatures."""
    links = find_links(text)
    spans = [(c.start, c.end) for c in links]
    contacts = [*links, *find_phones(text, skip=spans), *find_im_handles(text), *find_signatures(text)]
    contacts.sort(key=lambda c: (c.start, c.end))
    return contacts
