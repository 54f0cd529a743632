"""Shapes of things a message can contain, shared by every part that needs to find them.

One place for each recognizer, so the checker's detectors, the rewrite gate's fact
extraction, the audit store's masking and the UI all agree on what an ID number, a card
number or a mobile number looks like.  Recognizers work on *folded* text (see
:mod:`assistant.text.normalize`), whose offsets equal the original's.
"""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.text import lazyre
from assistant.text.chartable import CharTable
from assistant.text.regexgate import any_search

if TYPE_CHECKING:
    from assistant.text.normalize import NormalizedText

# Numbers are read on a *digit projection* of the folded text: every digit form becomes an
# ASCII digit (Chinese and capital numerals, 幺; full-width and circled digits are folded
# already) and every separator a sender might put between digit groups becomes "~"
# (spaces of any kind, tabs, dots, slashes, dashes, underscores, zero-width characters).
# One character in, one out, so a match's offsets are the original's.  A number is taken
# whole: not preceded or followed by more digits across separators, so a longer
# reference number is never read as a card, an ID or a phone.
_PROJECT_MAP = str.maketrans(
    {
        **dict.fromkeys("零〇", "0"),
        **dict.fromkeys("一壹幺", "1"),
        **dict.fromkeys("二两贰貳", "2"),
        **dict.fromkeys("三叁參", "3"),
        **dict.fromkeys("四肆", "4"),
        **dict.fromkeys("五伍", "5"),
        **dict.fromkeys("六陆陸", "6"),
        **dict.fromkeys("七柒", "7"),
        **dict.fromkeys("八捌", "8"),
        **dict.fromkeys("九玖", "9"),
        **dict.fromkeys(
            " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u3000", "~"
        ),
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff.-_·•'", "~"),
        # dashes of every width as group separators (电话139—0571—2288 — rt159)
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "~"),
        # a slash joins numbers in a list (卡号A/卡号B, 021-62345678/95588): see digit_projection
        **dict.fromkeys("/\\", "|"),
        # an ID's check character typed as a multiplication sign, a cross or a Roman ten
        # (11010520150307142× — rt189, …✕ — rt191): read as the X it stands for
        **dict.fromkeys("X\u00d7\u2169\u2179\u2715\u2716\u2717\u2718", "x"),
    }
)
_PROJECT = CharTable(_PROJECT_MAP)
_SEP = "~{0,3}"
ID_RE = lazyre.compile(
    rf"(?<![0-9a-z])(?<![0-9]~)(?<![0-9]~~)(\d(?:{_SEP}\d){{16}}{_SEP}[\dx])(?![0-9a-z])(?!~{{1,3}}[0-9])"
)
CARD_RE = lazyre.compile(
    rf"(?<![0-9a-z])(?<![0-9]~)(?<![0-9]~~)(\d(?:{_SEP}\d){{15,18}})(?![0-9a-z])(?!~{{1,3}}[0-9])"
)
#: (with a country code written +86 or 0086: 0086-13912345678 is a mobile number, not a longer one)
MOBILE_RE = lazyre.compile(r"(?<![0-9])(?:(?:\+|00)?86~?)?(1[3-9]\d(?:~{0,2}\d){8})(?![0-9])")
LONG_NUMBER_RE = lazyre.compile(r"\d[\d~]{10,}")
#: :data:`LONG_NUMBER_RE` read on the folded text itself: a character that projects to a
#: digit (a digit, 一, 两 …) and ten more that project to digits or separators (a slash or
#: bar may join digit groups: see digit_projection).  Every long number of the projection
#: is a match here, so a text without one has no long number, and the projection (a
#: translation of every character, ~2.5 µs a message) is not made on the nine messages in
#: ten that have none.
_DIGIT_FORMS = re.escape("".join(sorted(chr(k) for k, v in _PROJECT_MAP.items() if v and v.isdigit())))
_SEPARATOR_FORMS = re.escape(
    "".join(sorted({chr(k) for k, v in _PROJECT_MAP.items() if v in ("~", "|")} | {"~", "|"}))
)
LONG_NUMBER_GATE_RE = lazyre.compile(rf"[\d{_DIGIT_FORMS}][\d{_DIGIT_FORMS}{_SEPARATOR_FORMS}]{{10,}}")
#: A street address on the folded text: optional province, city and district, a road with
#: its number, then any building, unit and room numbers.  A match is a *full* address
#: when it names a city or district (``admin``) or a room (``room``).
_ADMIN = r"(?:[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,6}自治区)?(?:[\u4e00-\u9fff]{2,4}市)?(?:[\u4e00-\u9fff]{1,5}(?:区|县|旗))?"
ADDRESS_RE = lazyre.compile(
    rf"(?P<admin>{_ADMIN})"
    r"[\u4e00-\u9fff0-9]{1,10}?(?:路|街|大道|大街|巷|弄|胡同)[\u4e00-\u9fff]{0,3}?\d{1,5}(?:[-之]\d{1,4})?号(?:院)?"
    r"(?P<room>(?:[\u4e00-\u9fffa-z0-9]{0,12}?\d{1,5}(?:栋|幢|座|号楼|楼|单元|层|室|户))*)"
)


#: …or a home in a housing estate named with no road (北京市朝阳区望京花园东区3号楼2单元501室 — rt149):
#: a city and a district, the estate, then a building and a room or unit number — all of them.
COMPOUND_ADDRESS_RE = lazyre.compile(
    r"(?P<admin>(?:[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,6}自治区)?[\u4e00-\u9fff]{2,4}市[\u4e00-\u9fff]{1,5}(?:区|县))"
    r"[\u4e00-\u9fff0-9]{2,12}?\d{1,4}(?:号楼|栋|幢|座)"
    r"(?P<room>[\u4e00-\u9fff0-9]{0,4}?\d{1,3}单元\d{1,5}(?:室|号)?|[\u4e00-\u9fff0-9]{0,4}?\d{1,5}室)"
)


def digit_projection(text: str) -> str:
    """``text`` (folded) with digit forms as ASCII digits and separators as ``~``.

    A slash between numbers lists them (two cards, a card and its expiry, an ID and a
    mobile): each is judged on its own, so ``/`` projects to ``|``, which no number pattern
    crosses.  Only short groups all joined by slashes (6222/0212/3456/7890, a number split
    to get past a filter), or an ID's own three groups (320582/19850612/4573), are read as one
    number.
    """
    proj = _PROJECT.translate(text)
    if "|" in proj:
        proj = _SLASH_GROUPS_RE.sub(lambda m: m.group().replace("|", "~"), proj)
    return proj


_SLASH_GROUPS_RE = lazyre.compile(
    r"(?<![\d~])\d{1,6}(?:\|\d{1,6}){2,}(?![\d~])"
    # (an ID in its own grouping, region/birth date/serial: 320582/19850612/4573 — rt204)
    # (not a code, a date and a count: 600519/20240614/1200股 — rt205)
    r"|(?<![\d~])\d{6}\|\d{8}\|\d{3}[\dx](?![\d~股元份笔手张件个台次])"
)


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10x98765432"


def digits_of(text: str) -> str:
    """The digits (and a final X) of a projected match: separators dropped."""
    return re.sub(r"[^0-9x]", "", _PROJECT.translate(text))


def plausible_resident_id(digits: str) -> bool:
    """18 characters, 17 digits then a digit or X, and a real birth date (from 1900, not after
    today: a reference number built as code + date + serial, 投诉编号110108202612150032, carries a
    date to come — rt171).

    The shape alone is enough to treat a number as an ID: a mistyped check digit does not
    make it less personal.  :func:`resident_id_checksum_ok` says whether it is also valid.
    """
    if len(digits) != 18 or not digits[:17].isdigit() or not (digits[17].isdigit() or digits[17] in "xX"):
        return False
    born = resident_id_date(digits)
    return born is not None and born.year >= 1900 and born <= date.today()


def resident_id_date(digits: str) -> date | None:
    """The date an ID-shaped number holds in its 7th–14th digits (a birth date, or the day a case
    number was made), or ``None`` when they are no calendar date."""
    try:
        return date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return None


def resident_id_checksum_ok(digits: str) -> bool:
    """ISO 7064 MOD 11-2 check character of an 18-character resident ID."""
    if len(digits) != 18 or not digits[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == digits[17].lower()


def valid_resident_id(digits: str) -> bool:
    return plausible_resident_id(digits) and resident_id_checksum_ok(digits)


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def mask_keep_tail(digits: str, keep: int = 4) -> str:
    return "*" * max(0, len(digits) - keep) + digits[-keep:]


def mask_personal_data(text: str) -> str:
    """``text`` with ID-, card- and mobile-shaped numbers masked to their last 4 digits.

    For text at rest (audit store, exports), where masking an order number by mistake
    costs nothing and keeping a real ID number in clear is a breach, so shapes decide:
    no checksum, no context.  Length is preserved, so offsets into the text stay valid.
    """
    from assistant.text.normalize import fold

    proj = digit_projection(fold(text))
    if LONG_NUMBER_RE.search(proj) is None:
        return text
    out = list(text)

    def mask(start: int, end: int) -> None:
        positions = [i for i in range(start, end) if proj[i].isdigit() or proj[i] == "x"]
        for i in positions[:-4]:
            out[i] = "*"

    for m in ID_RE.finditer(proj):
        if plausible_resident_id(digits_of(m.group(1))):
            mask(m.start(1), m.end(1))
    for m in CARD_RE.finditer(proj):
        if 16 <= len(digits_of(m.group(1))) <= 19:
            mask(m.start(1), m.end(1))
    for m in MOBILE_RE.finditer(proj):
        mask(m.start(1), m.end(1))
    return "".join(out)


# ---------------------------------------------------------------------------- links

_TLDS = (
    "com|cn|net|org|top|xyz|ly|im|me|cc|io|co|info|vip|club|site|online|shop|app|biz|tv|hk|la|gl|gd|ws|to|"
    "link|ink|fun|icu|pro|asia|mobi|name|work|live|tech|store|wang|ren|gov|edu|int|mn|so|lt|gg|us|uk|tk|ml|"
    "ga|cf|pw|bid|win|loan|money|finance|bank|insure|cash|fund|cloud|space|website|email|run|plus|red|ltd|"
    "group|xin|kim|tw|sg|jp|kr|de|ru|fr|in|ai|cx|su|nu|be"
)
# Runs on the no-space view with 。 read as a dot, so "t . cn" and "t。cn" are links too.
_URL_RE = lazyre.compile(
    r"(?<![a-z0-9@._\-])"
    r"(?:(?P<scheme>https?://)(?:[^\s/@]{1,64}@)?)?"
    # a dot may be written defanged (t[.]cn, t(.)cn) to slip past link filters
    r"(?P<host>(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?(?:\.|\[\.\]|\(\.\)|·|•))+(?P<tld>[a-z]{2,12})"
    r"|(?<=://)\d{1,3}(?:\.\d{1,3}){3}|(?<=@)\d{1,3}(?:\.\d{1,3}){3}"
    # a bare IP address with a path or a port (101.33.12.8/jf): a link, never an official one
    r"|(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?=/[!-~]|:\d))"
    r"(?P<port>:\d{1,5})?"
    r"(?P<path>/[!-~]*)?",
)
_KNOWN_TLD_RE = lazyre.compile(rf"(?:{_TLDS})")
#: A dot written as 。 or 点 between two Latin labels, bare or defanged in brackets (the
#: no-space view: t点cn, dwz。cn, t[。]cn, url(点)cn), or as a character drawn like a dot
#: (dwz丶cn, t・cn — rt163, rt165: spam's stand-ins for the full stop) — those only before a
#: common top-level domain, since they also separate words in a list (PC丶App, H5・App); never 、, the
#: list mark itself (SVIP、VIP, EN、CN — rt168).
_DRAWN_DOTS = "丶﹒・･‧∙⋅"
_DOT_STANDINS = "。点" + _DRAWN_DOTS
_SPELLED_DOT_RE = lazyre.compile(
    r"(?<=[a-z0-9\-\[(（［])(?:[。点](?=[a-z0-9\])）］])"
    rf"|[{_DRAWN_DOTS}](?=(?:cn|com|net|org|top|cc|vip|xyz|info|tk|me|ly|gl|co|io|shop|site|online|club|wang)(?![a-z0-9\-])))"
)
#: What any link holds somewhere (a dot between a label and letters, ://, a defanged or
#: middle dot, an IP address), as separate searches (see :func:`any_search`; ~1 µs for all
#: five, against ~3-4 µs for their alternation).
_may_hold_link = any_search(
    rf"[a-z0-9][\s\u200b-\u200f\u2060\ufeff]*[.{_DOT_STANDINS}][\s\u200b-\u200f\u2060\ufeff]*[a-z]",
    r"://",
    rf"[a-z0-9][\[(][.{_DOT_STANDINS}][\])]",
    r"[a-z0-9][·•][a-z]",
    r"\d\.\d{1,3}\.\d{1,3}\.\d{1,3}[/:]",
)


#: Words that introduce a link (请登录 mdbank.cfd, 详见 …): after one, a host with a top-level
#: domain outside the common list is still a link (look-alike domains favour cheap new ones).
_LINK_VERB_RE = lazyre.compile(
    r"(?:登录|登陆|访问|打开|点击|点开|进入|前往|详见|详情见|网址|官网|链接|见)[:：]?$"
)
_TRAILING_PUNCT = ".,;:!?)]}'\""


def host_as_written(text: str, start: int, end: int) -> str:
    """The host part of a link exactly as the sender wrote it (original characters).

    Links are *found* on the folded view, where Cyrillic і and full-width ｍ read as Latin
    letters; whether a host is the sender's official domain must be judged on what was
    actually written, or ``mіngde-bank.com`` would pass for ``mingde-bank.com``.
    """
    raw = text[start:end]
    raw = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://", "", raw)
    return re.split(r"[/?#:]", raw, maxsplit=1)[0]


def find_urls(nt: NormalizedText) -> list[tuple[int, int, str, str]]:
    """(start, end, host, url) of each link, start/end in original offsets."""
    if not _may_hold_link(nt.folded):  # before building the no-space view
        return []
    view = nt.nospace
    # 。 and a spelled-out 点 between Latin labels are dots too (t点cn, mingde-bank点com);
    # elsewhere they stay Chinese: 续保请点 t.cn/… and 详情。t.cn/… made a dot that glued
    # itself to the host and hid the link.  One character for one, so offsets hold.
    if any(c in view for c in _DOT_STANDINS):
        view = _SPELLED_DOT_RE.sub(".", view)
    out = []
    for m in _URL_RE.finditer(view):
        host = m.group("host").replace("[.]", ".").replace("(.)", ".").replace("·", ".").replace("•", ".")
        tld = m.group("tld")
        # A bare IP address after a scheme (no TLD) is a link, and never an official one.
        bare_name = tld is not None and not m.group("scheme") and not host.startswith("www.")
        if bare_name and not _KNOWN_TLD_RE.fullmatch(tld):
            # an unusual top-level domain is still a link when a path follows (rb.gy/aB9) or a
            # word that introduces a link comes right before (请登录 mdbank.cfd)
            path = m.group("path") or ""
            if len(path) < 2 and _LINK_VERB_RE.search(view, max(0, m.start() - 4), m.start()) is None:
                continue
        s, e = m.start(), m.end()
        while e > s and view[e - 1] in _TRAILING_PUNCT:
            e -= 1
        start, end = nt.nospace_span(s, e)
        url = view[s:e].replace("[.]", ".").replace("(.)", ".").replace("·", ".").replace("•", ".")
        out.append((start, end, host, url))
    return out


# ---------------------------------------------------------------------------- signatures

SIGNATURE_HEAD_RE = lazyre.compile(r"^\s*【([^【】\n]*)】")
SIGNATURE_TAIL_RE = lazyre.compile(r"【([^【】\n]*)】\s*$")
#: A draft bracketed anywhere at its start or end, for intent detection (is this an SMS?).
SIGNATURE_ANYWHERE_RE = lazyre.compile(r"^\s*【[^】\n]{1,20}】|【[^】\n]{1,20}】\s*$")

#: Words that make a name an institution's (明德银行, 捷贷消费金融, 汇通支付 …).
INSTITUTION_WORDS = (
    r"(?:银行|銀行|保险|保險|人寿|人壽|财险|財險|证券|證券|基金|信托|信託|消费金融|消費金融|金融|支付|小贷|小貸|"
    r"信用卡|期货|期貨|理财|理財|资管|資管|科技|集团|集團|公司|贷|貸|钱包|錢包|财富|財富|金服|消金)"
)
INSTITUTION_RE = lazyre.compile(INSTITUTION_WORDS)


#: A heading in brackets that names no sender (【温馨提示】, 【重要通知】, 【还款提醒】, 【验证码】).
_LABEL_ONLY_RE = lazyre.compile(
    r"(?:温馨|重要|紧急|友情|特别|安全|风险|交易|账单|还款|到期|活动|服务|系统|官方|最新|节日|反诈)?"
    r"(?:提示|提醒|通知|公告|消息|告知)|验证码|动态码|校验码"
)
#: …or a heading in other words that names no institution (【动账通知】, 【新春特惠】 — rt159): a few words
#: and a heading noun, no 银行/保险/证券/… in it.
_HEADING_RE = lazyre.compile(
    # (not 福利: a platform's brand ends in it, 【平安好福利】 — rt162; Latin letters too, 【VIP专享】)
    r"[\u4e00-\u9fff0-9A-Za-z]{0,6}?(?:提示|提醒|通知|公告|告知|特惠|优惠|快讯|速递|播报|专享|活动"
    # (a promotion's slogan: 【夏日钜惠】, 【周年献礼】 — rt170)
    r"|钜惠|巨惠|献礼|好礼|礼遇|大促|促销|狂欢|秒杀|盛典|开门红|周年庆|嘉年华|购物节|狂欢节|理财季|存款季|开户季|财富季"
    # (福利 after a season or a festival: 【年终福利】, 【新春福利】 — rt179; not a brand's 【平安好福利】)
    r"|(?:年终|年末|岁末|新春|春节|新年|元旦|中秋|国庆|端午|周年|开年|夏日|冬日|会员日|节日|双十一|双11|618)福利)"
)
#: …or a member of staff by role and name (【理财经理王敏】, 【您的客户经理李娜】 — rt170; 【客户经理 王敏】,
#: 【私人银行家李娜】 — rt172): a person, no sender, whatever institution word the role holds.
_STAFF_HEADING_RE = lazyre.compile(
    r"(?:您的)?(?:专属)?(?:理财经理|客户经理|财富顾问|理财顾问|理财师|理财规划师|服务专员|专员|私人银行家|银行家|投资顾问|保险顾问|财富经理)"
    r"\s?[\u4e00-\u9fff]{0,4}"
)


#: An entity's own word in a heading-shaped name (【明德银行通知】 names the bank): not a product's
#: word, which a heading carries too (【信用卡还款提醒】 — rt161).
_ENTITY_RE = lazyre.compile(
    r"银行(?!卡)|保险|证券|基金|人寿|财险|消费金融|消金|信托|支付|集团|公司|期货|资管|农信|农商|信用社|小贷"
)


#: …or the reader greeted, not the sender named (【尊敬的会员】, 【亲爱的用户】, 【客户您好】 — rt189; 【尊贵的会员】 — rt191).
_SALUTATION_RE = lazyre.compile(
    # (with its greeting after a comma: 【尊敬的客户，您好】 — rt192)
    r"(?:尊敬的|亲爱的|尊贵的)[\u4e00-\u9fff0-9A-Za-z]{0,8}(?:[，,][\u4e00-\u9fff]{0,4}?您好[!！]?)?|[\u4e00-\u9fff]{0,6}?您好"
)


def heading_not_name(name: str) -> bool:
    """A bracketed heading that names no sender (【温馨提示】, 【动账通知】, 【新春特惠】, 【信用卡还款提醒】)."""
    stripped = name.strip()
    return (
        _LABEL_ONLY_RE.fullmatch(stripped) is not None
        or (_SALUTATION_RE.fullmatch(stripped) is not None and _ENTITY_RE.search(stripped) is None)
        or _STAFF_HEADING_RE.fullmatch(stripped) is not None
        or (_HEADING_RE.fullmatch(stripped) is not None and _ENTITY_RE.search(stripped) is None)
    )


@lru_cache(maxsize=1024)
def signature_name_ok(name: str) -> bool:
    """2–16 characters, not digits only, no padding (IND-SIG), and a name, not a heading:
    【温馨提示】 or 【还款提醒】 tells the recipient nothing of who sent the message.

    Kept per name: a batch comes from a few senders, each signing every message alike, and
    the heading test is three pattern matches on every message's signature."""
    stripped = name.strip()
    return (
        2 <= len(stripped) <= 16
        and not stripped.isdigit()
        and stripped == name
        and not heading_not_name(stripped)
    )


# ---------------------------------------------------------------------------- product names

# A product-like name: 明德稳盈2号, 鑫享A款, 安心e生2026版 …
PRODUCT_RE = lazyre.compile(
    r"[\u4e00-\u9fffA-Za-z]{2,10}?(?:\d{1,4}|[A-Za-z]|[一二三四五六七八九十])(?:号|期|款|版)(?:理财|基金|产品|计划|保险)?"
)
#: Marketing words that run into a product name (尊享明德稳盈1号): not part of the name.
LEADING_NOISE = (
    "尊享",
    "推荐",
    "购买",
    "认购",
    "申购",
    "新品",
    "热销",
    "本行",
    "我行",
    "本公司",
    "我司",
    "专属",
    "抢购",
    "限量",
)


#: A name ending in one of these is an identifier, not a product (尾号, 账号, 第3期 …).
NOT_PRODUCT_ENDINGS = (
    "尾号",
    "账号",
    "帐号",
    "单号",
    "编号",
    "卡号",
    "型号",
    "批号",
    "序号",
    "口号",
    "称号",
    "代号",
    "挂号",
    "信号",
    "字号",
)
_BEFORE_PERIOD_NUMBER = frozenset("第分共每前后为至近余剩满首末本上下该")
#: The next issue after a verb of buying (续投新一期, 认购新1期): no product's name.
_NEXT_ISSUE_RE = lazyre.compile(r"(?:续投|认购|申购|购买|参与|预约|转入|续存|投资|购入|加入|转投)新[一1]期$")
_NOT_IN_NAME = frozenset("您你向给在于对为把被从")
#: Addresses, counters and terms that share the name shape: 建设路88号, 3号窗口, 借款期限12期,
#: 每月5号, 1号楼.  A word before the number (路 … 期限) or after the match says which.
_ADDRESS_OR_TERM_RE = lazyre.compile(
    r"(?:路|街|道|巷|弄|村|镇|区|县|市|省|大道|广场|大厦|中心|楼|室|栋|座|层|期限|期数|周期|账期|租期|月|年|日|窗口|柜台)"
    r"(?:\d{1,4}|[一二三四五六七八九十])(?:号|期|款|版)"
)
_AFTER_NAME_NOT_PRODUCT = (
    "窗口",
    "柜台",
    "楼",
    "室",
    "门",
    "线",
    "院",
    "公馆",
    "客服中心",
    "营业厅",
    "网点",
    # 由安泰人寿保险股份有限公司承保: the company, not a product
    "股份",
    "有限公司",
    "有限责任",
    "公司",
    "集团",
)


def address_or_term(text: str, start: int, end: int) -> bool:
    """Whether a name-shaped match is an address, a counter or a term (建设路88号, 3号窗口,
    还款期限24期, 每月5号), read with the characters right after it."""
    return bool(_ADDRESS_OR_TERM_RE.search(text[start:end])) or text[end : end + 4].startswith(
        _AFTER_NAME_NOT_PRODUCT
    )


def plausible_product_name(name: str) -> bool:
    """Whether a PRODUCT_RE / brand match reads as a product's name.

    分12期, 第3期, 本期为第6期, 汇通支付账号, 支付向尾号 match the shape but are periods,
    instalments and identifiers; a name has no pronoun or preposition in it.
    """
    if name.endswith(NOT_PRODUCT_ENDINGS) or any(ch in _NOT_IN_NAME for ch in name):
        return False
    if _NEXT_ISSUE_RE.search(name):
        return False  # 续投新一期: the next issue, no name (f144); 焕新1号, 恒丰鑫利新一期 are names (rt238, rt239)
    m = re.search(r"(\d{1,4}|[一二三四五六七八九十百两零]{1,4})(?:号|期|款|版)", name)  # 分十二期 too
    return not (m is not None and m.start() > 0 and name[m.start() - 1] in _BEFORE_PERIOD_NUMBER)


def strip_leading_noise(name: str, start: int) -> tuple[str, int]:
    """``(name, start)`` without a leading marketing word, when enough of the name is left."""
    for noise in LEADING_NOISE:
        if name.startswith(noise) and len(name) - len(noise) >= 3:
            start += len(noise)
            name = name[len(noise) :]
    return name, start


#: The last word before a name that is the sentence's, not the name's (您12月1日认购的明德稳盈1号,
#: 通过手机银行办理12期): a name has no 的 and no verb of buying or handling in it.
_NAME_BREAK_RE = lazyre.compile(r".*(?:的|办理|认购|申购|购买|投保|持有(?!期)|通过|使用|参与|参加|开通)")
_TERM_ONLY_RE = lazyre.compile(r"[\d一二三四五六七八九十百两零]")
_NAME_HEAD_RE = lazyre.compile(r"[^\W\d_一二三四五六七八九十百两零]{2}")


def product_core(name: str, start: int) -> tuple[str, int] | None:
    """``(name, start)`` of a PRODUCT_RE match as a fact: without the sentence's words before
    it, or None when what is left has no name before its number (办理12期 is a term).

    Facts only (the rewrite gate compares a draft's names with its rewrite's: the same name
    after 您于…认购的 and after 您…认购 is one product); the checker's product rules read
    PRODUCT_RE through :func:`strip_leading_noise` alone."""
    name, start = strip_leading_noise(name, start)
    m = _NAME_BREAK_RE.match(name)
    if m is not None and m.end() < len(name):
        rest = name[m.end() :]
        if _TERM_ONLY_RE.match(rest):
            return None  # 办理12期: a term, no name
        if _NAME_HEAD_RE.match(rest):
            return rest, start + m.end()
        # (too little left for a name: the word was the name's own — 稳享持有期3号 — rg17)
    if not _NAME_HEAD_RE.match(name):
        return None
    return name, start


# ---------------------------------------------------------------------------- length

SINGLE_SEGMENT = 70
MULTI_SEGMENT = 67


def sms_length(text: str) -> int:
    """Billed length: signature and body, every character 1 (IND-LEN)."""
    return len(text.strip())


def segments(length: int) -> int:
    """Billed messages: one up to 70 characters, then one per 67."""
    if length <= SINGLE_SEGMENT:
        return 1 if length else 0
    return math.ceil(length / MULTI_SEGMENT)
