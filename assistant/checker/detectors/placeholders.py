"""FMT001: unfilled template variables (IND-LINK: no variables in marketing templates)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.detectors.markup import HTML_TAG_RE
from assistant.checker.models import Finding
from assistant.text import lazyre

if TYPE_CHECKING:
    from assistant.checker.message import Message

#: A mail-merge field's name inside 【】 (客户姓名, 金额, 产品名称): the blank itself, and what makes the
#: next bracket of a chain a blank too.
_FIELD_NAME = r"(?:客户|用户|会员|持卡人|投保人|借款人)?(?:姓名|名字|称呼|金额|日期|时间|链接|网址|卡号|尾号|手机号|编号|产品名称|产品名)"

# Runs on the folded view (same offsets as the original; ＸＸ and ｛｝ already folded).
_PLACEHOLDER_RE = lazyre.compile(
    r"\$\{[^{}\n]{0,40}\}"
    r"|\{\{[^{}\n]{0,40}\}\}"
    r"|\{[^{}\n]{1,40}\}"
    r"|<[a-z_\u4e00-\u9fff][\w\u4e00-\u9fff]{0,19}>"
    r"|#[a-z_\u4e00-\u9fff][\w\u4e00-\u9fff]{0,19}#"
    r"|【[^【】\n]*(?:请填写|请输入|待填写|待填|待定|变量|占位)[^【】\n]*】"
    # (填写 alone names a page in an app's menu path, not a blank: 进入【我的-个人资料填写】页面 — rt188; a path that
    # starts at an app's section, not any separator: 【客户名-填写】 is a blank — rt191)
    # (…or a page after another bracketed section: 【我的】-【个人资料填写】 — rt192)
    r"|(?<!】[>＞→\-－—])【(?!(?:我的|设置|首页|个人中心|账户管理|服务|更多)[>＞→\-－—])[^【】\n]*填写[^【】\n]*】"
    r"|\[(?:请填写|请输入|待填写|待定|变量|姓名|客户名|产品名|金额|日期|链接)[^\[\]\n]*\]"
    # a field named alone inside 【】 (本期应还【金额】元): a mail-merge field, not a signature
    # (not a label before its value: 【金额】500.00元, 【姓名】：李*明)
    # (nor a table of labels, each before its value: 【产品名称】明德稳盈180天【业绩比较基准】2.8% — rt159; a
    # next bracket that is itself a field is a chain of blanks, 【产品名称】到期本息【金额】元 — rt161)
    rf"|【{_FIELD_NAME}】(?!\s*(?:[:：]|\d|[*＊]))"
    rf"(?![^【】，,。！!？?；;\s]{{1,30}}【(?!{_FIELD_NAME}】)"
    # (the next bracket a label, not a tail signature: …最低还款额为【金额】元【澄河银行】 — rt162)
    r"[^【】\n]{0,8}(?:名称|基准|金额|等级|期限|日期|时间|方式|类型|代码|费率|利率|规模|门槛|说明|额度)】)"
    # (a name field only where the name would stand: 尊敬的【客户名称】，… — rt149; not a label before its
    # value, 【客户名称】星河科技有限公司 — rt150)
    r"|【(?:客户|用户|会员|持卡人|投保人|企业|单位)?(?:名称|全称)】(?=[，,。！!？?、\s]|$)"
    # a field named alone inside round brackets (尊敬的(客户姓名)，您尾号(卡号后四位)的信用卡…, 应还（此处填写金额）元,
    # 到期还款日为（待补充） — rt159, rt169, rt173): the blank itself, not a note in brackets (（单利）, （含）)
    # (not a term named after its value: 每月8日（还款日）, 1,860.00元（应还金额） — rt174)
    # (only a field's own name, not a status or a gloss: 收入证明（待补充）, 联系方式（手机号）, 户名（姓名） — rt175)
    # (not the digits asked for, glossed after the number's own name: 输入借记卡卡号（后四位） — rt208)
    r"|(?<![\d元])[（(](?:客户姓名|客户名称|卡号后四位|金额|日期|编号|此处填写[^（()）\n]{0,8})[)）](?!\s*[:：])"
    # (…a blank all the same unless the reader is asked to enter it: 您账号（后四位）的账户 — rt209, rt210;
    # the detector reads the verb before it, _ENTER_BEFORE_RE)
    r"|(?<![\d元])[（(]后四位[)）](?!\s*[:：])"
    # …a name where the greeting puts it (尊敬的（姓名）), a status where a value is due (还款日为（待补充）)
    r"|(?<=尊敬的)[（(](?:姓名|称呼|客户|用户)[)）]|(?<=[为是:：])[（(](?:待补充|待填写|待定)[)）]"
    # a date format left as the date (最后还款日YYYY-MM-DD, yyyy年mm月dd日)
    r"|(?<![a-z])yyyy[-/.年]mm[-/.月]dd日?(?![a-z])"
    # a field named inside square brackets (尊敬的[客户姓名], [产品名称]): a mail-merge field
    r"|\[[^\[\]\n]{0,6}?(?:姓名|名字|称呼|客户名|名称|金额|日期|时间|链接|网址|卡号|尾号|手机号|编号)\]"
    # (not the X of a car model's name: Model X月供)
    r"|(?<![a-z0-9])(?<!model )x{1,4}(?:[.．]x{1,2})?(?=\s*(?:%|％|月|日|号|元|万|千|个|份|期|笔|位|天|年|折|倍|分|点|小时))"
    r"|(?<![a-z0-9])x{2,}(?![a-z0-9])"
    r"|[□＿_]{2,}"
    # multiplication signs as blanks (尾号××××, ×月×日)
    r"|×{2,}|×(?=[月日号元])"
    # ○〇 as blanks, not the zeros of a number in Chinese numerals (二〇〇八年)
    # (nor 〇〇后, the generation born in the 2000s)
    r"|(?<![一二三四五六七八九十零〇○])[○〇]{2,}(?![一二三四五六七八九十零〇○后]|年代)"
    # printf and .NET format fields left in (%s, %d, %1$s, {0}): a template never filled
    # (with flags, a width or a precision too: %.2f, %06d, %-8s — rt114)
    r"|%(?:\d\$)?[sd](?![a-z])|(?<![\d.])%[-+0#]{0,2}\d{0,2}(?:\.\d{1,2})?[sdfiu](?![a-z])"
    r"|\{\d\}"
    # a named field between % or $ signs (尊敬的%name%, 最后还款日$date$): a mail-merge field in
    # another template language (not 3%至5%: a field starts with a letter)
    r"|%[a-z_][a-z0-9_]{0,30}%|\$[a-z_][a-z0-9_]{0,30}\$"
    # a shell-style field with no closing sign (应还$amount元, 还款日$date。)
    r"|(?<![a-z0-9])\$[a-z_][a-z0-9_]{1,30}(?![a-z0-9_$])"
    # a run of hash signs as the blank (应还####元), a field in angle brackets (尊敬的〈姓名〉), a
    # name left as 某某某, 请填写 standing as the value (还款日：请填写)
    r"|#{3,}"
    r"|〈(?:客户)?(?:姓名|名字|称呼|金额|日期|时间|链接|网址|卡号|尾号|手机号|编号|产品名称|产品名)〉"
    r"|某某某"
    r"|(?<=[:：])\s*(?:请填写|待填写|待填)(?=\s*(?:[。，,；;！!]|$))"
    # a blank to fill in other brackets (〔待填〕, ［请填写金额］)
    r"|[〔［][^〔〕［］\n]{0,10}(?:请填写|请输入|待填写|待填|待定|变量|占位|填写)[^〔〕［］\n]{0,10}[〕］]"
    # an English field name in square brackets (应还[AMOUNT]元, [customer_name]); not a markdown
    # link's text ([详情](https://…): FMT003's to report)
    r"|\[[a-z_][a-z0-9_ ]{1,30}\](?!\()"
)

_GENERIC_NOUN_RE = lazyre.compile(
    # (and the kinds of name scammers borrow: 冒用“XX理财”“XX金服”等名义 — rt149)
    r"[“”\"']?(?:银行|公司|平台|机构|客服|工作人员|官方|金融|贷款|证券|基金|保险|理财|金服|财富|投资|网贷|小贷|支付|钱包|集团|科技)"
)
_IMPOSTOR_WORDS = ("冒充", "假冒", "自称", "伪装", "冒用", "仿冒")
#: An impostor verb, then quoted names only, up to the next quote (冒用“XX理财”“).
_LISTED_EXAMPLE_RE = lazyre.compile(
    "(?:" + "|".join(_IMPOSTOR_WORDS) + r")[“\"][^，,。；;！!？?“”\"]{1,12}[”\"][、，,]?[“\"]$"
)

# What every placeholder contains; an x only counts where it starts a word (xx, x月), not
# inside one (a link's path, "max"): x-placeholders never follow a letter or digit.
_QUICK_RE = lazyre.compile(
    r"[${}<>#\[□○〇＿_×〔［〈]|某某某|请填写|待填|x(?<![a-z0-9]x)|【[^】]*(?:填|待|变量|占位|姓名|名字|称呼|金额|日期|时间|链接|网址|号|名称|产品名)|%(?:\d\$)?[sd]|%[a-z_]|%[-+0#.\d]{1,6}[sdfiu]|yyyy"
    r"|[（(][^（()）]{0,10}[)）]"
)


#: Before a number's name glossed （后四位）, the reader asked to enter or check it (输入…卡号, 填写…账号).
_ENTER_BEFORE_RE = lazyre.compile(r"(?:输入|填写|录入|核对|键入)[^，,。！!？?；;]{0,10}?(?:卡号|账号|号码)$")


class Placeholders(Detector):
    def detect(self, msg: Message) -> Iterable[Finding]:
        folded = msg.nt.folded
        if _QUICK_RE.search(folded) is None:
            return
        urls = [(s, e) for s, e, _, _ in msg.urls]
        for m in _PLACEHOLDER_RE.finditer(folded):
            start, end = m.start(), m.end()
            if any(s <= start < e for s, e in urls):
                continue
            if m.group()[1:-1] == "后四位" and _ENTER_BEFORE_RE.search(folded, max(0, start - 16), start):
                continue  # 输入本人借记卡卡号（后四位）: the digits the reader is asked to enter, not a blank
            if HTML_TAG_RE.fullmatch(m.group()):
                continue  # <br>, <b>: markup, FMT003's to report
            if self._generic_example(msg, m) or self._quoted_lure(msg, m):
                continue
            if m.group()[0] in "#<" and not _cjk_field_like(m.group(), folded, start, _body_start(msg)):
                continue  # #金融知识普及月#, <个人客户服务协议>: a topic tag or a title, not a field
            if (
                m.group().startswith("[")
                and m.group()[1:2].isascii()
                and not _field_like(msg.text[start + 1 : end - 1])
            ):
                continue  # [App Store]: a name in brackets, not a field ([AMOUNT], [customer_name])
            yield self.finding(msg, start, end)

    @staticmethod
    def _quoted_lure(msg: Message, m: re.Match[str]) -> bool:
        """如接到“XX平台客服”来电…均为诈骗; 内容多为“您的ETC将于X月X日失效”，请勿理会: a scam's
        wording quoted in an anti-fraud message, its X or 某某某 the writer's way of saying "some" —
        the example's blank, not this template's.  Only the anonymising blanks, only inside
        quotes closed in their sentence, and not in the signature."""
        if m.group()[0] != "x" and m.group() != "某某某":
            return False
        sig = msg.signature
        if sig is not None and sig.start <= m.start() < sig.end:
            return False
        if not msg.ctx.anti_fraud_message:
            return False
        folded = msg.nt.folded
        opened = _quote_opened(folded, m.start(), m.end())
        # the quote reported as what a scammer says or sends (接到“XX平台客服”来电, 内容多为“…”, 骗子常发“…”),
        # not the sender's own words in quotes beside an anti-fraud word
        return opened >= 0 and _LURE_REPORTED_RE.search(folded, max(0, opened - 8), opened) is not None

    @staticmethod
    def _generic_example(msg: Message, m: re.Match[str]) -> bool:
        """冒充“XX银行客服”: XX as Chinese writes "some bank" in an anti-fraud example, not a
        blank of this template (an XX银行 with no impostor verb right before it still counts)."""
        if m.group()[0] != "x" or _GENERIC_NOUN_RE.match(msg.nt.folded, m.end()) is None:
            return False
        sig = msg.signature
        if sig is not None and sig.start <= m.start() < sig.end:
            return False  # 【XX银行】: an unfilled signature is never an example
        before = msg.nt.folded[max(0, m.start() - 6) : m.start()]
        if any(w in before for w in _IMPOSTOR_WORDS):
            return True
        if (
            msg.ctx.anti_fraud_message
            and msg.nt.folded[m.start() - 1 : m.start()] == "以"
            and "名义" in msg.nt.folded[m.end() : m.end() + 12]
        ):
            return True  # 反诈提醒：…以XX平台客服名义来电: the name borrowed, said as "some platform" (rt152)
        # …or the next of a list of such names (冒用“XX理财”“XX金服”等名义): the impostor verb before
        # the list, nothing but quoted names between
        listed = _LISTED_EXAMPLE_RE.search(msg.nt.folded, max(0, m.start() - 24), m.start())
        return listed is not None


#: What a template's field is called in Chinese (#姓名#, <客户姓名>, #活动名称#): a topic tag
#: (#金融知识普及月#) or a document's title (<个人客户服务协议>) names none of these.
_CJK_FIELD_RE = lazyre.compile(
    r"姓名|名字|称呼|昵称|客户名|用户名|名称|金额|数额|日期|时间|链接|网址|卡号|尾号|手机号|号码|编号|验证码|地址|额度|余额|积分|利率|期限|数量|变量"
)
#: A place or an occasion to fill in, named short (#活动城市#, #节日# — rt226, rt227; not a campaign's slogan that holds
#: the word: #我们的节日# — rt228).
#: (not a campaign named after a city: #文明城市# — rt229)
_PLACE_FIELD_RE = lazyre.compile(r"^(?:活动|所在|当地|您的|客户|目标|门店|举办)?(?:城市|地区|节日)$")
_HAS_CJK_RE = lazyre.compile(r"[\u4e00-\u9fff]")


#: What a document's title ends with (<个人客户服务协议>, <借记卡章程>): written in angle brackets
#: for want of 《》, a title, not a field.
_TITLE_END_RE = lazyre.compile(
    r"(?:书|协议|章程|办法|合同|条款|规则|须知|细则|通知|公告|说明|指引|报告|声明|守则|规定|条例|手册|函|表|政策|清单"
    # (a statute or a code: <中华人民共和国个人信息保护法>, <民法典> — rt220)
    # (not 意见 or 决定: <审批意见>, <处理决定> are a notice's blanks — rt223)
    # (not 方法: <领取方法> is a blank — rt226)
    r"|(?<!方)法|典|准则|公约|纲要)$"
)
#: What an occasion's name ends with (#金融消费者权益日#, #金融知识宣传月#, #反诈宣传周#): a topic tag
#: inside a sentence too (参与#金融消费者权益日#线上答题 — rt201), not a field whose value is missing.
_TOPIC_END_RE = lazyre.compile(r"(?:权益日|宣传日|纪念日|宣传月|普及月|宣传周|活动周)$")
#: A tag named as a topic, before it (带话题#青岭联名卡# — rt221) or after it (开展#守住钱袋子#主题宣传 —
#: rt220): a campaign's slogan, not a field.
_TOPIC_BEFORE_RE = lazyre.compile(r"话题(?:标签)?[:：]?\s*$")
_TOPIC_AFTER_RE = lazyre.compile(r"\s*(?:主题|话题|专题|宣传|倡议|系列活动)")
#: What a field's name ends with (#客户全名#, #应还款额#, #账单月份#, <投保人称谓>): the last
#: character of a noun naming a value; a topic tag ends otherwise (#金融知识普及月#, #双11#).
_FIELD_END_RE = lazyre.compile(r"[名额号码称谓呼址期份间数值率金费款位量]$")


def _body_start(msg: Message) -> int:
    """Where the body starts in the original offsets (after a head signature), 0 otherwise."""
    sig = msg.signature
    return sig.end if sig is not None and sig.position == "head" else 0


def _cjk_field_like(token: str, folded: str, start: int, body_start: int) -> bool:
    """Whether #…# or <…> (``token`` at ``start``, with its marks) is a template field: Latin
    (#name#, <amount>), a Chinese field word (#姓名#, <客户姓名>) or a noun naming a value
    (#应还款额#), or a name standing inside a sentence (最后还款日#最后还款日#, 至#开户网点#办理).
    A topic tag stands where tags stand — opening the body, or followed by a space (#反诈# 陌生来电…,
    #金融知识普及月# 温馨提示) — and a title in angle brackets ends as titles do (<借记卡章程>,
    <风险揭示书>); a message with two or more #…# pairs is a template whatever they say."""
    inner = token[1:-1]
    if _HAS_CJK_RE.search(inner) is None:
        return True
    if token[0] == "<":
        return _TITLE_END_RE.search(inner) is None
    if (
        folded.count("#") >= 4
        or _CJK_FIELD_RE.search(inner) is not None
        or _PLACE_FIELD_RE.match(inner) is not None
        or _FIELD_END_RE.search(inner) is not None
    ):
        return True
    if len(inner) >= 4 and _TOPIC_END_RE.search(inner) is not None:
        return False
    end = start + len(token)
    if len(inner) >= 3 and (  # (#节日#主题沙龙: a two-character category is a blank's name — rt226)
        _TOPIC_BEFORE_RE.search(folded, max(0, start - 6), start) is not None
        or _TOPIC_AFTER_RE.match(folded, end) is not None
    ):
        return False
    opens_body = not folded[body_start:start].strip()
    spaced = end < len(folded) and folded[end] in " \u3000"
    return not (opens_body or spaced)


#: Right before a quoted lure, how it is reported (接到, 内容多为, 常发, 冒充, 以…为由).
_LURE_REPORTED_RE = lazyre.compile(
    r"接到|收到|称|说|写着|多为|内容为|内容是|发来|常发|发送|冒充|假冒|自称|谎称|声称|宣称|以|诸如|例如|比如|类似"
)
#: Quote marks around an example in the folded text.
_OPENERS = "“「『"
_CLOSERS = "”」』"


def _quote_opened(folded: str, start: int, end: int) -> int:
    """Where the quote that ``folded[start:end]`` stands inside opens, when the quote closes
    in its sentence; -1 when it stands in none."""
    opened = max(folded.rfind(c, 0, start) for c in _OPENERS)
    if opened < 0 or max(folded.rfind(c, 0, start) for c in _CLOSERS) > opened:
        return -1
    for i in range(end, len(folded)):
        ch = folded[i]
        if ch in _CLOSERS:
            return opened
        if ch in "。！!？?\n":
            return -1
    return -1


def _field_like(inner: str) -> bool:
    """An English field name as templates write them: upper case or snake_case (AMOUNT,
    customer_name), not a name in title case ([App Store])."""
    return "_" in inner or (inner.isupper() and " " not in inner.strip())
