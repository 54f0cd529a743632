"""Disclosures a product message must carry: APR (DIS001), official link (DIS002),
risk warning (ADV003).  Each fires on a topic word that survives context and the absence
of the disclosure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar

from assistant.checker.detectors.base import KeywordDetector, half_name, sentence_break
from assistant.checker.models import SEVERITY_RANK, Finding, Fix
from assistant.checker.product_type import (
    NOT_INVESTMENT_RE,
    PRODUCT_OFFER_RE,
    body_type_cues,
    profile_mention_spans,
)
from assistant.text import lazyre
from assistant.text.regexgate import literal_gate

if TYPE_CHECKING:
    from assistant.checker.context import Hit
    from assistant.checker.message import Message
    from assistant.checker.models import Severity

_ANNUAL_RATE_RE = lazyre.compile(
    # (no comma between the word and its figure: 不看年化利率，每月服务费仅0.8% states none — rt175)
    # (not 年费率: a flat fee a year is no annualised rate — 折合年费率仅9% is about 16% a year, rt173)
    # (and in English: annual interest rate (simple) from 3.6% — rt230)
    # (apr not of April — rt232; the British spelling too)
    r"(?:(?:年化|年利率|年息|apr(?!il)|annuali[sz]edinterestrate|annualinterestrate|annualrate|annualpercentagerate)(?:利率)?[^，,。；;！!？?]{0,12}?"
    # (not a change of the rate: 年化利率上浮50%计收, 首次借款年化利率直降30% state no rate — rt170;
    # 下调至7.2%, 降为 still do)
    r"(?<!上浮|下浮|上调|下调|直降|降低|下降|减少|立减|减免|优惠|提高|增加|上涨|加收|打折|立省|节省|调了|减了|浮了|省了|涨了)"
    # (…nor in English: annual rate cut by 30% — rt231)
    r"(?<!cutby)(?<!downby)(?<!offby)(?<!reducedby)(?<!loweredby)(?<!raisedby)(?<!increasedby)(?<!discountof)"
    # (…or a multiple of it: 年化利率的150%计收 — rt172)
    r"(?<![降减涨省])(?<!利率的)"
    r"(?:(?<![\d.])\d+(?:\.\d+)?\s*[%％]|百分之[零一二两三四五六七八九十点]+"
    # (as a fraction of one: 年化利率0.36)
    r"|(?<![\d.])0\.\d{1,4}(?![\d%％])))"
    # …or the rate first, named annual in brackets after it (利率3.6%-12%（年化，单利） — rt171)
    # (not a rate per period, nor a bracket that names no annual figure: 每期利率低至0.6%（年化利率以合同为准） — rt175)
    r"|(?<![日月天期])利率(?:为|是|[:：])?(?:低至|最低|仅|只要)?\d+(?:\.\d+)?\s*[%％](?:\s*[-~～至到]\s*\d+(?:\.\d+)?\s*[%％])?(?:起)?"
    r"\s*[（(]\s*(?:按)?(?:年化|年利率)(?!利率以|以)"
    # …or the figure then the words (低至3.6%的年化利率, 3.6%年化利率起 — rt175)
    r"|(?<![\d.])\d+(?:\.\d+)?\s*[%％](?:起)?的?(?:年化利率|年利率)"
)
_SHORT_RATE_RE = lazyre.compile(
    r"(?:日息|日利率|日费率|月息|月利率|月费率|每天|每日|日均|天息|万分之|千分之|每期手续费|分期手续费|费率)"
    r"[^，,。；;！!？?]{0,8}?(?:\d+(?:\.\d+)?\s*[%％]?|[零一二两三四五六七八九十点]+)"
)


#: A borrowing rate quoted per day or month (月息2分5, 日息0.05%, 日费率0.02%) is itself credit
#: on offer, whatever words the message uses for the loan: it needs the annual rate beside it.
#: Not the month a rate changes in (下月费率上调, 本月利率).
_BORROWING_SHORT_RE = lazyre.compile(
    # (not a duration's month: 前3个月费率0.2% is a fee for three months)
    r"(?<![下本上次当每个])(?:日息|月息|天息|日利率|月利率|日费率|月费率)[^，,。；;！!？?]{0,4}?"
    r"(?:万分之[\d.一二两三四五六七八九十点]+|\d+(?:\.\d+)?\s*(?:[%％]|分(?:[1-9一二三四五六七八九]厘?)?|厘)?"
    r"|[一二两三四五六七八九十]+\s*(?:分(?:[一二三四五六七八九]厘?)?|厘))"
)


#: In an annual rate's own clause, what makes it a deposit's or a product's rate (三年期定存年化利率2.15%;
#: 理财年化3.2%), unless a credit word stands there too: not the loan's APR (rt149).
#: (not a class of borrower: 定存客户年化利率3.6%起 prices the loan for deposit holders)
_SAVINGS_SIDE_RE = lazyre.compile(
    # (products only: not 定期/活期/储蓄/收益 alone, which a loan's own terms say too — 按月定期还款)
    r"(?:存款|定存|存单|整存整取|理财产品|理财|基金|国债|结构性)(?![^，,。；;！!？?]{0,2}?(?:客户|用户|会员|持有人|经理))"
)
#: Deposits as a borrower's condition (存款日均达5万元以上客户): who gets the rate, not what it prices.
_DEPOSIT_CONDITION_RE = lazyre.compile(
    r"(?:存款|资产|存单|代发)[^，,。；;]{0,12}?(?:以上|达标)的?(?:客户|用户|人群|会员)"
)
_HEADING_CREDIT_RE = lazyre.compile(r"贷(?!记)|借(?!记)|授信|分期|融资")
_CREDIT_SIDE_RE = lazyre.compile(r"贷|借|分期|额度|授信|信用卡|融资|还款|质押|抵押")


#: What ends the clause an annual rate or a rate word is read in.
_CLAUSE_MARKS = "，,。；;！!？?：:、"


def _savings_clause(clause: str) -> bool:
    """Whether ``clause`` prices a deposit or a product and names no credit (三年期定存年化利率2.15%)."""
    return _SAVINGS_SIDE_RE.search(clause) is not None and _CREDIT_SIDE_RE.search(clause) is None


def _names_credit(compact: str, word: str) -> bool:
    """Whether ``word`` (a credit word of ``_CREDIT_WORDS``) names credit in ``compact``: a rate
    word counts only outside a deposit's or a product's own clause (大额存单3年期年利率2.15%，…今日
    额度尚余不多 prices the deposit, and its quota is a sales quota — rt67)."""
    if word not in _RATE_WORDS:
        return word in compact
    at = compact.find(word)
    while at >= 0:
        c0 = max(compact.rfind(c, 0, at) for c in _CLAUSE_MARKS) + 1
        if not _savings_clause(compact[c0 : at + len(word)]):
            return True
        at = compact.find(word, at + 1)
    return False


_RATE_WORDS = frozenset({"利率", "年化利率", "费率"})


#: In an annual rate's clause before it, a penalty (逾期部分按年化利率24%计收罚息 — rt224): the price of
#: paying late, not of the loan.
#: (a charge, not a borrower's record: 无违约记录的老客户续贷年化利率4.35% — rt225)
#: (nor 逾期的: 征信无逾期的客户年化利率低至3.5% — rt225)
#: (not a penalty waived: 提前还款无违约金 年化利率… in an ad whose spaces the no-space view drops — rt228)
_PENALTY_BEFORE_RE = lazyre.compile(
    # (…nor waived with 任何 between: 提前还款不收取任何违约金 年化利率… — rt230; 任何 alone is no waiver:
    # 逾期产生的任何罚息按年化利率18.25%计收 — rt231)
    r"(?<![无免零])(?<!不收)(?<!免收)(?<!不收任何)(?<!不收取任何)(?<!免收任何)(?<!无任何)(?<!没有任何)罚息"
    r"|逾期部分|逾期利息|逾期本金|逾期后|逾期期间"
    r"|(?<![无免零])(?<!不收)(?<!免收)(?<!不收取)(?<!不收任何)(?<!不收取任何)(?<!免收任何)(?<!无任何)(?<!没有任何)"
    r"(?<!无需支付任何)(?<!无须支付任何)(?<!无需支付)(?<!无须支付)违约金"
    # (…and in English: overdue annual rate 18% — rt231; not 'no … penalty' nor 'by default' — rt232)
    r"|滞纳金|罚金|overdue|late(?:payment|fee)|arrears|penalty(?:rate|interest)|default(?:rate|interest)"
)


_PENALTY_AFTER_RE = lazyre.compile(
    r"(?:起)?(?:计收|收取|加收|计|收)?(?:罚息|违约金|滞纳金|罚金)"
    # (…and in English: APR of 24% applies to arrears — rt232)
    r"|(?:applies|apply|charged|is charged)?(?:to|on|for)(?:arrears|overdue|latepayment)"
)


def _penalty_rate(view: str, m: re.Match[str]) -> bool:
    """Whether the annual rate at ``m`` is a penalty's, named in its clause (按年化利率24%计收罚息), not in a
    bracket after it (年化利率3.45%起（提前还款无违约金） — rt226)."""
    # (an ad's items joined by bars: 首付15%起|提前结清无违约金|年化利率2.99%起 — rt228)
    c0 = max(view.rfind(c, 0, m.start()) for c in (*_CLAUSE_MARKS, "|", "｜", "/", "·")) + 1
    if _PENALTY_BEFORE_RE.search(view, c0, m.start()) is not None:
        return True
    # …or the charge right after it (按年化利率24%计收罚息), not a feature listed further on (年化利率3.05%起 期限可达30年
    # 提前还款免违约金: spaces the no-space view drops — rt227)
    return _PENALTY_AFTER_RE.match(view, m.end()) is not None


def _annual_stated(view: str) -> bool:
    """Whether ``view`` states an annual rate that is not a penalty's: a loan priced only by its
    daily rate, with the overdue rate given annually, states no annual rate of its own."""
    return any(not _penalty_rate(view, m) for m in _ANNUAL_RATE_RE.finditer(view))


def _loan_apr_stated(view: str) -> bool:
    """Whether ``view`` states an annual rate that can be the loan's: any annual rate, except one
    whose clause names a deposit or an investment and no credit (a bank's 存贷一站办 message that
    prices its deposit does not price its loan)."""
    for m in _ANNUAL_RATE_RE.finditer(view):
        if _penalty_rate(view, m):
            continue  # 逾期部分按年化利率24%计收罚息: the price of paying late
        c0 = max(view.rfind(c, 0, m.start()) for c in _CLAUSE_MARKS) + 1
        if _COMPARED_BEFORE_RE.search(view, max(c0, m.start() - 3), m.start()) is not None or any(
            c.start() < m.start() for c in _COMPARED_CLAUSE_RE.finditer(view, c0, m.end())
        ):
            continue  # 比年化18%的网贷省钱多了, 相比网贷平台动辄年化24%的利率: a rival's rate (rt159, rt161)
        if not _savings_clause(view[c0 : m.end()]):
            return True
        # (a loan named as the heading of its sentence: 澄江薪享贷：代发工资及存款日均达5万元以上客户年化利率低至
        # 3.2% prices the loan for depositors — rt230; not a loan named after the rate: 大额存单…年利率2.35%；
        # 另有明德e贷 — rt231)
        # (…and only where the deposit is the borrower's condition: not 存贷一站办：三年期定存年化利率2.15% — rt149)
        s0 = max(view.rfind(ch, 0, c0) for ch in "。！!？?；;\n") + 1
        # (…nor a deposit product priced after the condition: 存贷一站办：存款日均5万元以上客户三年期定存年利率
        # 2.0%; nor 借 of 借记卡 as the loan: 借记卡金卡权益：资产达标客户专享大额存单年利率 — rt232)
        cond = _DEPOSIT_CONDITION_RE.search(view, c0, m.start())
        if (
            view[c0 - 1 : c0] in ("：", ":")
            and _HEADING_CREDIT_RE.search(view, s0, c0) is not None
            and cond is not None
            and _SAVINGS_SIDE_RE.search(view, cond.end(), m.start()) is None
        ):
            return True
    return False


#: …or earlier in its clause (相比网贷平台动辄年化24%的利率 — rt161; a bare 比 only with the rate close
#: after it: not 比亚迪车主专享置换贷款年化利率2.99% — rt162).
_COMPARED_CLAUSE_RE = lazyre.compile(
    r"相比|相较|比起|较之|对比|不像|不同于|(?<![对相无])比(?!亚迪|例|较|如|率)(?=[^，,。]{0,8}?年化)"
)
#: Right before an annual rate: a comparison (比年化18%的网贷, 相较年化24%的平台) — another's rate.
_COMPARED_BEFORE_RE = lazyre.compile(r"(?:比|相比|相较|较之|对比|比起)(?:于)?(?:那些|其他|别家)?$")


class LoanApr(KeywordDetector):
    """DIS001: loan/credit marketing must show the annualised rate (FIN-APR)."""

    needs_trigger: ClassVar[bool] = False  # a per-month borrowing rate alone is credit on offer

    def gate(self) -> Callable[[Message], object] | None:
        """A trigger word of the rule, or the characters a short borrowing rate
        (_BORROWING_SHORT_RE, read without one) cannot be written without."""
        short = literal_gate(_BORROWING_SHORT_RE)
        if short is None:
            return None
        code = self.code
        return lambda msg: msg.ctx.scan.triggers.get(code) or short(msg.nt.folded)

    def detect(self, msg: Message) -> Iterable[Finding]:
        # A loan word in a clause that reports the loan closed (您的保单贷款已还清, 借款已结清)
        # names a loan that is over: it offers none.  Other events do not count: 备用金已到账
        # is how a pre-approved line is pitched.
        hits = [h for h in self.relevant_hits(msg) if not self._closed(msg, h[0].start)]
        if hits and all(h[0].word == "额度" for h in hits) and self._quota_of_investment(msg):
            return  # 额度还剩不到两成 of a wealth product: its sales quota, no credit
        view = msg.nt.nospace
        if not hits:
            rate = _BORROWING_SHORT_RE.search(view)
            returns = self.spec.options.get("return_words", [])
            if rate is None or any(w in msg.nt.compact for w in returns):
                return
            if _annual_stated(view) or _annual_stated(msg.nt.compact):
                return
            start, end = msg.nt.nospace_span(rate.start(), rate.end())
            note = "仅展示日/月借款利率，未以同等显著方式展示年化利率"
            yield self.finding(msg, start, end, note=note)
            return
        severity = max((sev for _, sev, _ in hits), key=SEVERITY_RANK.__getitem__)
        if _annual_stated(view) or _annual_stated(msg.nt.compact):
            if _loan_apr_stated(view) or _loan_apr_stated(msg.nt.compact):
                return
            # Every annual rate stated is a deposit's or a product's (存贷一站办：三年期定存年化利率
            # 2.15%；明德e贷最高可借30万 — rt149): the loan's may be missing, or the reader may take
            # one rate for the other — for review, never a silent pass nor a sure failure.
            hit = hits[0][0]
            start, end = msg.span(hit.start, hit.end)
            note = "所示年化利率似为存款或理财产品的利率，未见贷款本身的年化利率，请核实"
            yield self.finding(
                msg, start, end, severity=min(severity, "warning", key=SEVERITY_RANK.__getitem__), note=note
            )
            return
        short = _SHORT_RATE_RE.search(view)
        if short:
            start, end = msg.nt.nospace_span(short.start(), short.end())
            note = "仅展示日/月利率，未以同等显著方式展示年化利率"
        else:
            hit = hits[0][0]
            start, end = msg.span(hit.start, hit.end)
            note = "贷款营销未展示年化利率"
            if severity == "error" and _listed_for_viewing(msg, hits, _CREDIT_OFFERED_RE):
                # 您名下存款、理财、保险与贷款全景: a category listed among others, nothing lent,
                # priced or applied for — for review (see RiskWarning)
                severity = "warning"
                note = "仅以产品类别列举（如“存款、理财、贷款”），未见具体借贷产品、额度或申请：若推介贷款，须展示年化利率"
        yield self.finding(msg, start, end, severity=severity, note=note)

    def _quota_of_investment(self, msg: Message) -> bool:
        """Whether a bare 额度 is an investment product's quota: the message names a return
        (理财, 基金, 收益 …) and nothing of credit, its words or its price (贷, 借, 分期,
        日息, 随用随还, 现金额度 …: 定期存款可换来20万元现金额度，日息万分之二 is credit)."""
        compact = msg.nt.compact
        if any(_names_credit(compact, w) for w in _CREDIT_WORDS):
            return False
        if any(
            _QUOTA_LEFT_RE.match(compact, h.end) is None
            for h, _, _ in self.relevant_hits(msg)
            if h.word == "额度"
        ):
            return False  # only a quota said to be running out (额度还剩不到两成, 额度有限) is a sales quota
        return any(w in compact for w in self.spec.options.get("return_words", []))

    @staticmethod
    def _closed(msg: Message, pos: int) -> bool:
        if not msg.ctx.reports_event(pos):
            return False
        start, end = msg.ctx.clause(pos)
        return _LOAN_CLOSED_RE.search(msg.nt.compact, start, end) is not None


#: What lends: a figure, a line, a rate, an application or a payout (not a category word alone).
_CREDIT_OFFERED_RE = lazyre.compile(
    r"\d|额度|可借|借款|借钱|申请|放款|下款|利率|利息|分期|随借随还|审批|秒批|到账"
)
#: What separates the items of a list of categories (存款、理财、保险与贷款).
_LIST_SEP = "、和与及"


def _listed_for_viewing(msg: Message, hits: list[tuple[Hit, Severity, str]], sold: re.Pattern[str]) -> bool:
    """Whether every topic word is an item of a list offered to be looked at (see
    ``_in_category_list``) and nothing the rule's ``sold`` pattern names is in the message: the
    one reading ADV003 and DIS001 share for an app's contents listed by category."""
    return (
        all(_in_category_list(msg.nt.folded, *msg.nt.compact_span(h.start, h.end)) for h, _, _ in hits)
        and sold.search(msg.nt.compact) is None
    )


def _in_category_list(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` of ``text`` (the folded text: the compact view drops
    the 、) is an item of a list of at least three (a separator right beside it and another
    within a short reach) that a sentence offers to be looked at (查看…存款、理财、贷款全景):
    positive evidence of an app's contents, not the absence of sales words — a list of
    categories sold (理财、基金、保险一站配齐，轻松赚) is a promotion (red team rt127)."""
    before, after = text[max(0, start - 6) : start], text[end : end + 6]
    seps = sum(before.count(c) + after.count(c) for c in _LIST_SEP)
    near = (start > 0 and text[start - 1] in _LIST_SEP) or text[end : end + 1] in tuple(_LIST_SEP)
    if not (near and seps >= 2):
        return False
    s0 = max((text.rfind(c, 0, start) for c in "。！!？?；;\n"), default=-1) + 1
    ends = [i for i in (text.find(c, end) for c in "。！!？?；;\n") if i >= 0]
    s1 = min(ends, default=len(text))
    if _VIEWING_RE.search(text, s0, s1) is not None:
        return True
    # (or an app's new version listing what it does: App新版上线：转账、理财、贷款还款更便捷 — s42;
    # not with a gain in the sentence: App上线：理财、基金、保险一站配齐，轻松赚)
    return _APP_RELEASE_RE.search(text, s0, s1) is not None and _SELLING_RE.search(text, s0, s1) is None


#: What offers a list to be looked at, not bought: an app page's contents, or a channel's services
#: said to be available there (存款、理财、贷款业务均可在手机银行办理 — c-sets; not 更便捷, which a list of
#: categories sold says too: 理财、基金、保险一站配齐，更便捷，轻松赚).
_VIEWING_RE = lazyre.compile(r"查看|查询|明细|全景|总览|一览|持仓|资产页|资产总览|业务均可|均可在|均可通过")


#: An app's new version announced in the sentence (App新版上线, APP全新改版, 手机银行升级).
_APP_RELEASE_RE = lazyre.compile(
    r"(?:app|APP|App|手机银行|客户端|网上银行|网银)[^。！!？?；;]{0,6}?(?:新版|全新改版|改版|升级|焕新|上线)"
)
#: A gain, an offer or a call said in a sentence (轻松赚, 收益高; 一键办理, 新客首单费率1折 — rt147): a list
#: of categories sold, not an app's contents.
_SELLING_RE = lazyre.compile(
    r"赚|收益|回报|年化|利息|稳|高|翻|涨|%|办理|申请|一键|轻松|新客|首单|费率|折|优惠|专享|低至|立享|额度|放款|秒批|搞定|配齐"
)


#: A product being sold: a figure, a return, a minimum or a purchase.
_SOLD_RE = lazyre.compile(
    r"\d%|收益|回报|年化|起投|起购|万起|认购|申购|购买|买入|产品|计划|项目|投资|闲钱|利息|分红|比存"
)


#: A quota said to be running out, right after 额度 (额度还剩不到两成, 本期额度有限): how much of an
#: investment product is left to sell, never how a credit line is described.
_QUOTA_LEFT_RE = lazyre.compile(
    r"[^，,。！!？?；;]{0,2}?(?:还剩|仅剩|只剩|所剩|剩余不|有限|告急|紧张|售罄|抢完|不多|即将售完|已消耗|消耗|用完|已用)"
)


#: Words of credit, its kinds and its price: with one of them, 额度 is a credit line whatever
#: else is sold.
_CREDIT_WORDS = (
    "贷",
    "借",
    "分期",
    "信用卡",
    "授信",
    "透支",
    "花呗",
    "白条",
    "备用金",
    "提额",
    "取现",
    "日息",
    "日利率",
    "日费率",
    "日费",
    "月息",
    "月利率",
    "年化利率",
    "利率",
    "费率",
    "息费",
    "随用随还",
    "随用随取",
    "按日计",
    "每天仅需",
    "每天只需",
    "每日仅需",
    "现金额度",
    "周转",
    "质押",
    # credit drawn to a card (提现至储蓄卡, 放款到卡): 储蓄 is not a return then
    "提现",
    "放款",
    "下款",
    "到卡",
    "储蓄卡",
    "借记卡",
    "信用额度",
    "抵押",
    "急用",
)


#: A loan reported as over: repaid, settled, cancelled.
_LOAN_CLOSED_RE = lazyre.compile("已(?:全部|全额|提前)?(?:还清|结清|还款成功|清偿|注销|终止|撤销|撤回)")


class HealthInsuranceLink(KeywordDetector):
    """DIS002: a health-insurance product description must link to the official site."""

    def lexicon_groups(self) -> dict[str, list[str]]:
        return {"_health_description": list(self.spec.options.get("description_words", []))}

    def detect(self, msg: Message) -> Iterable[Finding]:
        hits = self.relevant_hits(msg)
        if not hits:
            return
        # A policy-status notice is not a product description unless it describes cover.
        if msg.kind != "marketing" and not msg.ctx.scan.contexts.get("_health_description"):
            return
        profile = msg.profile
        short = set(self.spec.options.get("short_domains", []))
        for _, _, host, _ in msg.urls:
            bare = host.removeprefix("www.")
            if any(bare == d or bare.endswith("." + d) for d in short):
                continue
            if profile is None or not profile.official_domains or profile.is_official_host(host):
                return
        hit, severity, note = hits[0]
        if msg.kind != "marketing":
            if msg.ctx.reports_event(hit.start):
                return  # 您的住院医疗理赔申请已审核完成：the recipient's own claim, not a product
            if msg.kind == "uncertain" and severity == "error":
                severity = "warning"  # a notice that may also sell: a reviewer decides
                note = note or "短信类型不确定：若为健康险产品说明，须附官网链接"
        start, end = msg.span(hit.start, hit.end)
        url = profile.default_url("health") if profile else None
        if url:
            pos = msg.optout_span[0] if msg.optout_span else msg.body_end
            text = f"{sentence_break(msg.text, pos)}产品详情见官网{url} "
            fix = Fix("safe", text, "附上保险公司官网链接", at=(pos, pos))
            yield self.finding(msg, start, end, severity=severity, fix=fix, note=note)
            return
        yield self.finding(msg, start, end, severity=severity, note=note)


_PTYPE_ZH = {"wealth": "理财", "fund": "基金"}
_PERCENT_RE = lazyre.compile(r"\d+(?:\.\d+)?\s*[%％]")


#: What right after a listed risk warning makes it harmless (see ``_voided_warning``).
_WARNING_ASKED_RE = lazyre.compile(r"(?:吗|么)?[?？]")
#: The risk affirmed right after the question mark (投资有风险？是的，请审慎选择): still a warning.
_WARNING_AFFIRMED_RE = lazyre.compile(
    r"(?:吗|么)?[?？](?:是的|是|对的|对|没错|当然有|当然|确实有|确实|有的|有)[，,。！!；;]"
)
_WARNING_PAST_RE = lazyre.compile(
    r"的?(?:时代|日子|年代)?(?:已经|早已|早就|已)?(?:过去|结束|成为历史|成历史|一去不复返)"
)
_WARNING_TAKEN_BACK_RE = lazyre.compile(
    r"(?:但|不过|可是|然而)?[^。！!？?\n]{0,10}?(?<!没人)(?<!无人)(?<!没有人)(?<![不没])(?:帮您|帮你|替您|替你|为您|为你|让风险|让亏损|风险|亏损)(?![警提揭][示醒])[^。！!？?\n]{0,6}?"
    # (or cut for the reader: 市场有风险时系统自动帮您调仓止损 — rt149)
    r"(?:化解|避险|规避|扛|兜底|靠边站|不用愁|不用怕|绕道|远离|不沾边|一扫而空|消失|止损|挡住|拦住)"
)


#: Before a listed warning, what sets it up to be dismissed (别被“净值可能低于1元”吓到).
_WARNING_SCORNED_BEFORE_RE = lazyre.compile(r"(?:别|不要|不用|无需|不必|莫|甭)(?:再)?[被把][“\"'「『]?$")
_WARNING_SCORNED_AFTER_RE = lazyre.compile(
    r"[”\"'」』]?(?:这句话|这种话|这话|这类话|(?:这|那)?[几两三四五六七八九十\d]*个?字)?(?:给|所)?"
    r"(?:吓到|吓倒|吓住|唬住|吓着|吓跑|吓退|吓坏|吓唬住|吓唬|劝退|忽悠|当回事|当真|放在心上|放心上)"
)
#: After a listed warning, in its sentence, the warning waved off as a formality (“基金有风险，投资须
#: 谨慎”只是例行公事，别当真 — rt86).
#: A warning named a formality (例行公事, 套话): the words both wave-off readers take as a dismissal.
_FORMALITY = "例行公事|走个过场|走过场|场面话|客套话|套话"
_WARNING_WAVED_OFF_RE = lazyre.compile(
    rf"[^。！!？?\n]{{0,20}}?(?:{_FORMALITY}|别当真|不用当真|不必当真|听听就好|看看就好|不必理会|不用理会"
    r"|心里有数就行|格式条款|不用管它|不用管|别管它|无视即可|可以忽略|忽略即可|必须写的|看看就行|例行提示|标配的提示|标配提示)"
)
#: …or the next sentence pointing back at it to wave it off (理财非存款…投资须谨慎。以上为监管要求的标准表述，
#: 对这款产品您不必太在意 — rt224): the warning named as boilerplate and the reader told to mind it no more.
#: (a dismissal of the warning itself, not of anything after 以上: 以上内容可在App查阅，无需担心遗漏 — rt225;
#: the boilerplate named and said not to concern the product: 以上是按规定必须附上的固定话术，跟这款产品关系不大 — rt225)
_WARNING_WAVED_NEXT_RE = lazyre.compile(
    r"(?:[^。！!？?\n]{0,20}?[。！!])?(?:以上|上述|上面|前面|这些|这句话?|这段话?|那句话?)[^。！!？?\n]{0,24}?"
    # the boilerplate itself named a dismissal (上述提示只是例行公事)…
    rf"(?:{_FORMALITY}"
    # …or named as the warning, then dismissed, the dismissal ending its clause (以上为监管要求的标准表述，对这款
    # 产品您不必太在意; not a request or a swing dismissed: 如有此类要求请不要理会, 短期涨跌不必太在意 — rt226)
    r"|(?:提示|表述|话术|警示|格式条款|风险揭示|规定动作|必须附上|必须写)[^。！!？?\n]{0,16}?"
    r"(?:(?:不必|不用|无需|无须|别|不要)太?(?:在意|当真|理会|放在心上)(?=[。！!，,；;]|$|了|即可|就好|哦|吧)"
    # (not 不适用: 上述风险提示不适用于存款 scopes the warning — rt229)
    r"|关系不大|没什么关系|无关|别当真|可以忽略|忽略即可))"
)
#: After a yes, what turns it (对，所以更要选业绩好的; 没错，可您看看去年谁家赚得最多 — rt86), and
#: what keeps it a caution (是的，但请量力而行).
_AFFIRMED_TURNED_RE = lazyre.compile(
    r"所以|因此|正因如此|正因为如此|正因为这样|这才|可(?!能)|但|不过|可是|然而|只是|关键|重要的是"
)
#: (理性 as a caution, not as praise of buyers: 理性的投资者都选它 — rt87; a loss said plainly is one)
#: (advice to the reader, not a pitch that borrows its words: 但长期持有就能把风险熬过去, 只要理性投资，
#: 跟着基金经理走就对了 — rt88)
_CAUTION_RE = lazyre.compile(
    r"(?:请|建议|务必|应当|应|需|注意|可以|可先|您可)[^。！!？?\n]{0,10}?(?:谨慎|审慎|量力|承受能力|理性|闲钱|闲置资金|长期持有|阅读|了解|根据自身|自身情况|风险测评|分散)"
    r"|量力而行|可能损失|可能亏损|损失本金|亏损本金|结合自身|参考风险测评|分散配置"
)


#: After a listed warning, the advertised product exempted from it (投资有风险（本产品除外）; “基金有
#: 风险”说的是股票型，本基金不在此列; 投资有风险的提示仅针对权益类基金 — rt91): a warning that leaves
#: out the product warns of nothing.  Up to this many characters after it, one sentence end at most.
_EXEMPTED_REACH = 30
_WARNING_EXEMPTED_RE = lazyre.compile(
    # (the product named between: 不过这支短债基金可以放心持有 — rt95)
    r"(?:本|该|此|这只|这支|这款|这个|我们的?)[\u4e00-\u9fffa-z]{0,6}?(?:产品|基金|理财|保险|计划|款|只)(?:则|却|可|可以)?(?:除外|例外|不在此列|不在其列|不在此内|不受此限"
    # (不适用 of the warning itself: 本基金不适用此前的定投免费活动 is a promotion's rule — rt93)
    r"|不适用(?:此|该|这|上述)(?:提示|风险提示|警示|说法)|无此风险|没有这个风险|没有这种风险|不存在这种风险|不存在此风险|可放心持有|可以放心持有|放心持有)"
    # the product named (（短债C除外）, 澄江短债C例外，可放心持有 — rt92)
    r"|(?<![不非])(?:除外|例外)[，,]?(?:可放心|放心|可以放心|无此风险|没有风险)"
    # the risk taken back for the product's kind (但短债基金几乎没有 — rt92)
    r"|(?:但|不过|可是|然而)[^，,。！!？?；;]{0,10}?(?:几乎没有|基本没有|几乎为零|没有风险|没什么风险|可以忽略|忽略不计"
    # (not 不必担心错过: timing, not the risk — rt94; and the fund likened to a deposit: 不过本基金跟存款差不多)
    r"|(?:大可不必担心|不必担心|不用担心|无需担心)(?!错过|错失|买不到|抢不到|额度)|大可放心|尽管放心)"
    # (the product likened to a deposit after a 但/不过, in the next clause too: 不过本基金是货币基金，跟存款差不多
    # — rt94; not denied: 不能简单理解为跟存款一样, 并不相当于存款 — rt97)
    r"|(?:但|不过|可是|然而|其实|实际上|说白了|说到底)[^。！!？?；;]{0,16}?(?<![不非])"
    r"(?:(?:跟|和|与)[^，,。！!？?；;]{0,4}?(?:存款|存钱)(?:差不多|一样|无异|没区别)|(?:等同于|相当于)[^，,。！!？?；;]{0,4}?存款|就是存款)"
)
#: Right after the warning, the warning itself limited to something else (投资有风险的提示仅针对权益类基金):
#: only there, so an eligibility note later (场内交易仅对已开通证券账户的投资者开放 — rt92) limits nothing.
_WARNING_LIMITED_RE = lazyre.compile(
    r"[”\"」』]?(?:的|这句)?(?:提示|话|说法)?(?:仅|只)(?:针对|适用于|限于|是说)(?!本|该|此|所有|全部|一切)"
    # the type said to be about something else, right after the warning (“基金有风险”说的是股票型 — rt91;
    # not a benchmark's definition later on: 业绩比较基准指的是中债综合类指数 — rt93)
    r"|[”\"」』]?(?:说的是|指的是|针对的是)[^，,。！!？?；;]{0,8}?(?:型|类)"
    # a type exempted by name right after the warning (基金有风险，投资须谨慎，货币基金不在此列 — rt94; not a
    # promotion's scope note in a later sentence — rt95)
    r"|(?:[，,][^，,。！!？?；;]{0,8})?[，,][\u4e00-\u9fff]{1,8}(?:基金|产品|理财|债|存款)(?:则|却)?(?:不在此列|不在其列|不在此内)"
    # the product exempted in a parenthesis right after the warning (投资有风险（本产品除外）, 基金有风险（短债C除外）;
    # not a promotion's scope note later: 申购费率1折（货币基金除外） — rt97; nor 亦不例外 — rt93)
    r"|[（(][^（）()，,。]{1,14}?(?<![不非])(?:除外|例外)[）)]"
    # a parenthesis right after the warning that names another type (基金有风险（指股票型基金） — rt91)
    r"|[（(](?:仅|只)?(?:指|针对|适用于)[^，,。！!？?；;）)]{0,8}?(?:型|类)"
    # the warning said to be meant for others (该提示主要面向股票基金持有人 — rt93)
    r"|[，,]?(?:这句|此句|该句|该|此|这|本)?(?:提示|风险提示|警示|话)(?:主要|仅|只)?(?:面向|针对|适用于|是对)"
)


def _exempted_warning(compact: str, end: int) -> bool:
    """Whether the product is exempted from the listed warning ending at compact ``end``."""
    stop, ends = min(len(compact), end + _EXEMPTED_REACH), 0
    for i in range(end, stop):
        if compact[i] in "。！!？?\n":
            ends += 1
            if ends > 1:
                stop = i
                break
    return (
        _WARNING_LIMITED_RE.match(compact, end) is not None
        or _WARNING_EXEMPTED_RE.search(compact, end, stop) is not None
    )


#: Before a listed warning, hearsay conceded (都说投资有风险，可…; 虽说股市有风险，但…): with a turn right
#: after it, the warning is raised only to be set aside (rt114).
_WARNING_CONCEDED_BEFORE_RE = lazyre.compile(
    r"(?:都说|人人说|大家说|常说|常言道|虽说|虽然|尽管|别看|谁都知道|都知道)$"
)
_CONCESSION_TURN_RE = lazyre.compile(r"[^。！!？?\n]{0,6}?(?:可|但|不过|可是|然而|却|其实)")
#: …or the risk pinned on others in its clause (别家产品收益不确定, 其他平台投资有风险 — rt114); not the
#: product said to share it (本产品与其他理财产品一样存在风险 — rt115).
_WARNING_OTHERS_BEFORE_RE = lazyre.compile(
    r"(?:别家|别人家|别人的|其他家|他家|别的|其他|其它|市面上|同类|友商)[^，,。！!？?；;一同也都均]{0,8}$"
)
#: After a listed warning, a turn in its sentence to the sender's reassurance (投资有风险，不过我们从没让客户亏过;
#: 股市有风险，但我们有经验): the warning taken back.  Only a reassurance: a turn to a caution or a procedure
#: (…，但过往业绩不代表未来表现; …；但请勿轻信非官方渠道; …，不过中签后请按时缴款 — rt115) keeps it.
#: What a reassurance says after a turn (…，不过您可以放心; …，当然闭眼入也没问题).
_REASSURED = "放心|安心|不用担心|不必担心|无需担心|稳稳|靠谱|无忧|闭眼入|闭眼买"
_WARNING_TURN_RE = lazyre.compile(
    r"[，,；;]?(?:但|不过|可是|然而)[^。！!？?\n]{0,20}?"
    # (not the sender named alone: 不过本公司提供15天犹豫期 is a term of the sale — rt116)
    rf"(?:有经验|更专业|够专业|没让|从没|从未|有保障|兜底|扛|{_REASSURED})"
    # (…or 当然 before the reassurance: 请审慎购买，当然本产品稳健，闭眼入也没问题 — rt232)
    rf"|[，,；;]?当然[^。！!？?\n]{{0,20}}?(?:没问题|{_REASSURED})"
)
#: …or the risk set on an alternative to sell the product in its sentence (股市有风险，不如把钱放进稳盈理财 —
#: rt230; with 与其 before, or no comma: 投资有风险 不如试试… — rt231; 不如让专业团队帮您打理 — rt232), unless
#: what follows is itself a caution (不如先做一次风险测评, 不如选择与自身风险承受能力相匹配的产品, 不如买前
#: 多看一眼产品说明书 — rt231, rt232): :data:`_RATHER_CAUTION_RE`.
_WARNING_RATHER_RE = lazyre.compile(r"[^。！!？?；;\n]{0,24}?(?:还不如|倒不如|不如|莫不如|何不)")
_RATHER_CAUTION_RE = lazyre.compile(
    r"风险承受|风险等级|测评|说明书|适合自己|适合您|相匹配|匹配|了解|熟悉|阅读|谨慎|审慎|量力|留好|预留|应急|模拟|分散"
)
#: …and in English, in the warning's sentence or the next: not with us (Investment involves risk, but not
#: with our managers! — rt230; Investments carry risk. Not at Xinghe! — rt232), or a reassurance that the
#: risk is handled (but our team watches your portfolio … so you can relax; yet our managers let you sleep
#: well; but our managers have not had a losing year — rt231, rt232), unless a caution follows
#: (never with your emergency fund; but we want you to invest with peace of mind, so please read the fund
#: documents first — rt232): :data:`_EN_CAUTION_RE`.
_WARNING_TURN_EN_RE = lazyre.compile(
    r"[,;.!，；。–—-]?(?:but|however|though|yet)?[,，]?(?:not|never)(?:with|at)(?!your|you|equal|every|all|any)"
    r"|[,;，；–—-]?(?:but|however|though|yet)[,，]?(?:our|we)[a-z0-9',]{0,80}?(?:relax|noneedtoworry|don'?tworry"
    r"|nothingtoworry|worryfree|worry-free|resteasy|sleepwell|peaceofmind|losing|neverlost|notlost|nolosses)"
)
_EN_CAUTION_RE = lazyre.compile(
    r"read|document|prospectus|consider|suitab|careful|advice|advis|recommend|remind|emergency|tolerance|diversif"
)


def _sentence_stop(compact: str, pos: int) -> int:
    """Where the sentence holding compact ``pos`` ends (its 。！？ or line break, else the text's end):
    what comes after a warning's turn or yes is read up to there."""
    return next((i for i in range(pos, len(compact)) if compact[i] in "。！!？?\n"), len(compact))


#: A worry the reader may have, right before the listed wording (担心投资有风险的话，可以先从…开始 —
#: rt163): the risk named as what the reader fears, to sell past it, is no warning.
_WARNING_WORRIED_BEFORE_RE = lazyre.compile(r"(?:担心|担忧|害怕|顾虑|顾忌|怕)(?:的是)?(?:您的?)?$")
#: What still makes such a sentence a caution: care or the reader's tolerance asked for, a loss named.
_WORRY_CAUTION_RE = lazyre.compile(
    # (care asked for, not a kind of customer: 担心投资有风险的谨慎型客户，可以先从…开始 — rt168; the risk-averse
    # told not to buy: 如果您担心基金有风险…请勿购买)
    r"(?:请|须|需|应|务必|建议)[^，,。！!？?；;]{0,6}?(?:谨慎|审慎)|量力而行|风险承受能力|可能损失|可能亏损|损失本金|亏损本金"
    r"|请勿购买|不建议购买|不宜购买|不要购买|慎重购买"
)


def _voided_warning(compact: str, end: int, start: int | None = None) -> bool:
    """A listed warning ending at compact ``end`` made harmless by what follows it in its
    sentence: a question mark, a dismissal as past, or the risk said to be handled away (the
    taken-back shape cannot run past a sentence end: none of its characters is one).  A question
    answered yes (投资有风险？是的，…) warns, unless what follows the yes takes it back.  A
    warning quoted only to be scorned (别被“净值可能低于1元”吓到) warns of nothing (rt84)."""
    if (
        start is not None
        and _WARNING_SCORNED_BEFORE_RE.search(compact, max(0, start - 4), start) is not None
        and _WARNING_SCORNED_AFTER_RE.match(compact, end) is not None
    ):
        return True
    if _WARNING_WAVED_OFF_RE.match(compact, end) is not None or _exempted_warning(compact, end):
        return True
    if (waved := _WARNING_WAVED_NEXT_RE.match(compact, end)) is not None and _CAUTION_RE.search(
        compact, waved.end(), _sentence_stop(compact, waved.end())
    ) is None:
        # (a caution after it keeps the warning: 以上内容不必太紧张，也请量力而行)
        return True
    if (
        start is not None
        and _WARNING_WORRIED_BEFORE_RE.search(compact, max(0, start - 6), start) is not None
        and _WORRY_CAUTION_RE.search(compact, end, _sentence_stop(compact, end)) is None
    ):
        return True  # (a caution after it still warns: 担心投资有风险的，请谨慎选择; not a pitch: 可以先用闲钱试试 — rt165)
    if start is not None and _WARNING_OTHERS_BEFORE_RE.search(compact, max(0, start - 12), start) is not None:
        return True
    if (rather := _WARNING_RATHER_RE.match(compact, end)) is not None and _RATHER_CAUTION_RE.search(
        compact, rather.end(), _sentence_stop(compact, end)
    ) is None:
        return True
    if (en := _WARNING_TURN_EN_RE.match(compact, end)) is not None and _EN_CAUTION_RE.search(
        compact, en.end(), _sentence_stop(compact, min(len(compact), en.end() + 1))
    ) is None:
        return True
    conceded = (
        start is not None
        and _WARNING_CONCEDED_BEFORE_RE.search(compact, max(0, start - 5), start) is not None
        and (turn := _CONCESSION_TURN_RE.match(compact, end)) is not None
    )
    # (either way, a caution after the turn keeps the warning: 尽管投资有风险，但…请结合自身情况谨慎决策 — rt115)
    if (conceded or (turn := _WARNING_TURN_RE.match(compact, end)) is not None) and _CAUTION_RE.search(
        compact, turn.end(), _sentence_stop(compact, turn.end())
    ) is None:
        return True
    if (affirmed := _WARNING_AFFIRMED_RE.match(compact, end)) is not None:
        after = affirmed.end()
        if (
            _AFFIRMED_TURNED_RE.match(compact, after) is not None
            and _CAUTION_RE.search(compact, after, _sentence_stop(compact, after)) is None
        ):
            return True  # the yes turned into a pitch, with no caution after it
    elif (
        _WARNING_ASKED_RE.match(compact, end) is not None or _WARNING_PAST_RE.match(compact, end) is not None
    ):
        return True
    else:
        after = end + 1 if compact[end : end + 1] in "，,；;" else end
    return _WARNING_TAKEN_BACK_RE.match(compact, after) is not None


class RiskWarning(KeywordDetector):
    """ADV003: investment-type product marketing without a risk warning (ADV-25, CPL-28)."""

    groups: ClassVar[dict[str, list[str]]] = {}
    needs_trigger: ClassVar[bool] = False  # the product decision may name the product instead

    def lexicon_groups(self) -> dict[str, list[str]]:
        return {
            "_risk_warning": list(self.spec.options.get("warnings", [])),
            "_risk_warning_weak": list(self.spec.options.get("weak_warnings", [])),
            "_implied_investment": list(self.spec.options.get("implied_investment", [])),
            "_investment_trait": list(self.spec.options.get("investment_traits", [])),
        }

    def _gated(self, option: str) -> tuple[tuple[re.Pattern[str], Callable[[str], bool] | None], ...]:
        """The option's patterns, each with the free test of the characters it cannot match without."""
        patterns = [lazyre.compile(p) for p in self.spec.options.get(option, ())]
        return tuple((p, literal_gate(p)) for p in patterns)

    @cached_property
    def _trait_shapes(self) -> tuple[tuple[re.Pattern[str], Callable[[str], bool] | None], ...]:
        """Each investment-trait shape (比放活期强) with its literal gate."""
        return self._gated("investment_trait_patterns")

    @cached_property
    def _warning_shapes(self) -> tuple[tuple[re.Pattern[str], Callable[[str], bool] | None], ...]:
        """Each warning shape with its literal gate."""
        return self._gated("warning_patterns")

    @cached_property
    def _weak_shapes(self) -> tuple[tuple[re.Pattern[str], Callable[[str], bool] | None], ...]:
        """Each shape of a warning in other than the standard words, with its literal gate."""
        return self._gated("weak_warning_patterns")

    def gate(self) -> Callable[[Message], object] | None:
        """What the rule's finding stands on, each read from the message's dictionary pass and
        product decision: a topic word of its own, a product read as wealth or a fund (its type
        cue, the only reading of ADV001's guarantees here too), a return promised
        (``_implied_investment``), or an investment trait (``_investment_trait`` words, or the
        characters one of its shapes cannot match without)."""
        shapes = [gate for _, gate in self._trait_shapes]
        if any(g is None for g in shapes):
            return None
        code = self.code

        def may_find(msg: Message) -> object:
            scan = msg.ctx.scan
            if (
                scan.triggers.get(code)
                or msg.product_type in _PTYPE_ZH
                or scan.contexts.get("_implied_investment")
                or scan.contexts.get("_investment_trait")
            ):
                return True
            compact = msg.nt.compact
            return any(g(compact) for g in shapes)  # type: ignore[misc]

        return may_find

    def has_warning(self, msg: Message) -> bool:
        """A risk warning in the message: a listed wording, or one of the warning shapes.
        A listed wording made harmless is none (rt83): asked and answered (投资有风险？专业团队帮您
        化解), said to be handled for the reader (市场有风险，鑫源帮您稳稳避险), taken back (投资有风险，
        但…让风险靠边站) or dismissed as past (投资有风险的时代已经过去)."""
        return self._listed_warning(msg) or self._shaped_warning(msg)

    @staticmethod
    def _listed_warning(msg: Message, group: str = "_risk_warning") -> bool:
        """A listed warning wording (from the dictionary pass), not made harmless: the cheap half
        of :meth:`has_warning`.  ``group``: ``_risk_warning_weak`` for the non-standard wordings."""
        compact = msg.nt.compact
        warned = msg.ctx.scan.contexts.get(group)
        return bool(warned) and any(not _voided_warning(compact, h.end, h.start) for h in warned)

    def _shaped_warning(self, msg: Message, weak: bool = False) -> bool:
        """A warning shape, not made harmless: the costly half of :meth:`has_warning` (every
        shape whose characters the message holds is searched).  ``weak``: the shapes of a warning
        in other than the standard words instead."""
        compact = msg.nt.compact
        # (a shape is voided like a listed wording: “…有风险…”只是例行公事 — rt86)
        return any(
            not _voided_warning(compact, m.end(), m.start())
            for p, gate in (self._weak_shapes if weak else self._warning_shapes)
            if gate is None or gate(compact)
            for m in p.finditer(compact)
        )

    def _weak_warning(self, msg: Message) -> bool:
        """A warning in other than the standard words (本产品非银行存款，存在本金损失风险; Investments carry
        risk; 请根据自身风险承受能力审慎购买), not made harmless.  Why not a pass: each such wording was
        also written hollow by a red team (taken back, set on another asset) in ways the voiding
        readers do not all know (rt231, rt232); why not an error: careful senders use them (rt230).
        So the rule warns, and a human reads the wording."""
        return self._listed_warning(msg, "_risk_warning_weak") or self._shaped_warning(msg, weak=True)

    def detect(self, msg: Message) -> Iterable[Finding]:
        # The listed wordings first (a dictionary lookup); the warning shapes only once there is
        # something to warn of: most promotions name no investment (a card, a loan, a reward),
        # and searching every shape for a warning nobody would read was ~40% of this rule's
        # time on the traffic mix.  The findings are the same: none when a warning is there.
        if self._listed_warning(msg):
            return
        # 衡谷基金2026年度持有人问卷上线: a topic word in the sender's own name offers nothing
        hits = [h for h in self.relevant_hits(msg) if not msg.in_sender_name(h[0].start, h[0].end)]
        if not hits:
            # No topic word, but the product decision says wealth or fund (明德月月盈年化3.5%,
            # 1万元起购; 【鸿远基金】…现在上车): the product is offered all the same.  Or a
            # return is promised (本金无忧，只赚不赔): only an investment is sold that way.
            span = self._product_span(msg)
            if span is not None:
                note = f"产品类型为{_PTYPE_ZH[msg.product_type or '']}，宣传时未附风险提示"
            elif (span := self._promised_return(msg)) is not None:
                note = f"承诺收益（{msg.text[span[0] : span[1]]}），所推介的是投资类产品，却未附风险提示"
            elif (span := self._investment_trait(msg)) is not None:
                note = (
                    f"以风险、波动或收益高低描述产品（{msg.text[span[0] : span[1]]}），"
                    "所推介的是投资类产品，却未附风险提示"
                )
            else:
                return
            if self._shaped_warning(msg):
                return
            start, end = span
            severity = self.spec.severity
        else:
            if self._shaped_warning(msg):
                return
            hit, severity, note = self._anchor(msg, hits)
            start, end = msg.span(hit.start, hit.end)
            if severity == "error" and _listed_for_viewing(msg, hits, _SOLD_RE):
                # 一键查看您名下存款、理财、保险与贷款全景: categories listed as an app's
                # contents, no product named, priced or sold — for review
                severity = "warning"
                note = "仅以产品类别列举（如“存款、理财、保险”），未见具体产品、收益或购买：若推介投资类产品，须附风险提示"
        if self._weak_warning(msg):
            severity = min(severity, "warning", key=SEVERITY_RANK.__getitem__)
            note = "风险提示未使用标准表述（如“理财非存款，产品有风险，投资须谨慎”），请核实其是否针对所推介产品且完整有效"
        warning = self._warning_for(msg)
        pos = msg.optout_span[0] if msg.optout_span else msg.body_end
        fix = Fix("safe", sentence_break(msg.text, pos) + warning, f"补充风险提示“{warning}”", at=(pos, pos))
        yield self.finding(
            msg, start, end, severity=severity, fix=fix, note=note or "宣传投资类产品但未附风险提示"
        )

    def _anchor(self, msg: Message, hits: list[tuple[Hit, Severity, str]]) -> tuple[Hit, Severity, str]:
        """The topic word the finding stands on: the first of the gravest not inside a trigger of
        a rule it defers to.  The engine defers only on the same words (see engine._defer): in 本周精选3只
        牛股，另有稳健理财年化4% the wealth product lacks its warning whatever the tip is."""
        others = [h for code in self.spec.defers_to for h in msg.ctx.scan.triggers.get(code, ())]
        if others:
            free = [c for c in hits if not any(o.start < c[0].end and c[0].start < o.end for o in others)]
            hits = free or hits
        # (the gravest first: 年金保险（分红型） is a participating policy, not a review — s43)
        top = max(SEVERITY_RANK[c[1]] for c in hits)
        return next(c for c in hits if SEVERITY_RANK[c[1]] == top)

    def _sells_investment(self, msg: Message, *, sold: bool) -> bool:
        """Whether a promotion may be selling an investment: not a notice, not a deposit (保本
        is its nature), a loan, a card or a payment product, and not a product a rule bans
        outright (crypto, forex, unlicensed fund-raising: a risk warning would not make those
        lawful).  ``sold``: something must be sold (a product type, a figure, 购买 …)."""
        if msg.kind == "service" or msg.product_type in ("deposit", "loan", "card", "payment"):
            return False
        if (
            sold
            and msg.product_type not in ("wealth", "fund", "insurance")
            and _SOLD_RE.search(msg.nt.compact) is None
        ):
            return False  # 稳赚不赔！ alone sells nothing yet: ADV001 speaks, there is no product to warn of
        triggers = msg.ctx.scan.triggers
        return not any(triggers.get(code) for code in self.spec.options.get("banned_product_rules", ()))

    def _investment_trait(self, msg: Message) -> tuple[int, int] | None:
        """Where a product is described by what only an investment has: its risk or volatility
        (风险低、波动小, 适合稳健型客户, R2级) or a return compared with a deposit's (比放活期强):
        the thing sold is an investment, whatever it is called (明德月月盈).  Such a trait is
        itself the sale, so no further figure is asked for."""
        hits = msg.ctx.scan.contexts.get("_investment_trait")
        compact = msg.nt.compact
        shaped = [
            m for p, gate in self._trait_shapes if gate is None or gate(compact) for m in p.finditer(compact)
        ]
        if not hits and not shaped:
            return None
        if not self._sells_investment(msg, sold=False) or NOT_INVESTMENT_RE.search(compact):
            return None  # not a government bond either
        excludes = self.spec.options.get("investment_trait_excludes", ())
        for h in hits or ():
            if (
                msg.ctx.negated(h.start, h.end)
                or msg.in_sender_name(h.start, h.end)
                or msg.ctx.quoted(h.start)
            ):
                continue
            s0, s1 = msg.ctx.sentence(h.start)
            if any(w in compact[s0:s1] for w in excludes):
                continue  # 转账更安全、风险低, 低风险车主: the risk of something else
            return msg.span(h.start, h.end)
        for m in shaped:
            if msg.ctx.negated(m.start(), m.end()) or msg.ctx.quoted(m.start()):
                continue
            return msg.span(m.start(), m.end())
        return None

    def _promised_return(self, msg: Message) -> tuple[int, int] | None:
        """Where a return is promised in a promotion (保本, 只赚不赔, 本金无忧): the thing sold
        is an investment whatever it is called (安心债); see _sells_investment."""
        # (and any guarantee ADV001 reads, in whatever words, of a product read as wealth or a
        # fund: 有公司兜底，亏了我们全额补 — rt134; not of insurance, a wallet or a bond, whose
        # guarantee words are ADV001's and ADV008's alone)
        hits = list(msg.ctx.scan.contexts.get("_implied_investment", ()))
        if msg.product_type in ("wealth", "fund") and NOT_INVESTMENT_RE.search(msg.nt.compact) is None:
            hits += msg.ctx.scan.triggers.get("ADV001", ())
        if not hits or not self._sells_investment(msg, sold=True):
            return None
        for h in hits:
            if msg.ctx.negated(h.start, h.end) or msg.in_sender_name(h.start, h.end):
                continue
            if msg.ctx.straddles(h.start, h.end, msg.ctx_boundaries):
                continue  # 确保本人: the characters of 保本 belong to two other words
            if half_name(msg, h.start, h.end):
                continue  # 【水滴保】本月: no return promised (ADV001 still asks for review)
            return msg.span(h.start, h.end)
        return None

    def _product_span(self, msg: Message) -> tuple[int, int] | None:
        """Where a wealth or fund product is offered without a topic word: its type's cue
        word, else the first rate figure; only with an offer (a figure, 起购, 申购 …)."""
        ptype = msg.product_type
        if ptype not in _PTYPE_ZH or msg.kind != "marketing":
            return None
        compact = msg.nt.compact
        if NOT_INVESTMENT_RE.search(compact):
            return None  # a government bond, which needs no warning
        if PRODUCT_OFFER_RE.search(compact) is None:
            # No figure or 起购: a product the sender lists as wealth or a fund, named in a
            # promotion, is what it promotes all the same (明德月月盈新客体验金已发放…APP搜索月月盈 — f144)
            return _listed_product(msg)
        cues = body_type_cues(msg, ptype)
        if cues:
            return msg.span(cues[0].start, cues[0].end)
        m = _PERCENT_RE.search(msg.nt.nospace)
        if m is not None:
            return msg.nt.nospace_span(m.start(), m.end())
        offer = PRODUCT_OFFER_RE.search(compact)
        return msg.span(offer.start(), offer.end()) if offer is not None else None

    def _warning_for(self, msg: Message) -> str:
        compact = msg.nt.compact
        for rule in self.spec.options.get("warning_by_product", []):
            if any(w in compact for w in rule["words"]):
                return str(rule["warning"])
        return str(self.spec.options.get("default_warning", "投资有风险，选择需谨慎。"))


def _listed_product(msg: Message) -> tuple[int, int] | None:
    """The span of the first mention of a product of the message's type that the sender's profile
    lists, in a sentence that promotes it (the product type decision read the name there:
    提到发送方档案中的产品…)."""
    compact = msg.nt.compact
    for at, end, _name, ptype in profile_mention_spans(msg):
        if ptype != msg.product_type:
            continue
        # promoted in its own sentence (体验金, 搜索, 开售 …), not named in thanks or an invitation to
        # its holders (感谢您对明德月月盈的支持, …持有客户均可参加 — rt238)
        s0, s1 = msg.ctx.sentence(msg.nt.compact_pos(at))
        if _PROMOTED_RE.search(compact, s0, s1) is not None:
            return at, end
    return None


#: What a sentence naming a listed product does when it promotes it (see :func:`_listed_product`).
_PROMOTED_RE = lazyre.compile(
    # (not 开放 or 预约 alone: 开放日, 可预约…体检 invite holders — rt239)
    r"体验金|新客|首购|搜索|开售|发售|开放(?:申购|认购|购买|预约)|上线|申购|认购|购买|买入|起购|起投|抢购|转入|存入|放进"
    r"|体验|开通|预约(?:认购|申购|购买)|办理|升级"
)
