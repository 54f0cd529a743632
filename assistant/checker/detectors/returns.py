"""PRO007: stated returns above the yield threshold (the guide's 8% heuristic, PRO-YIELD).

Figures are converted to a simple annual rate first, so 月收益1%, 日收益万分之三 and
百分之十二 are all compared on the same footing.  Loan rates are not returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.models import Finding, Fix
from assistant.text import lazyre
from assistant.text.figures import RATE_PATTERN, Figure, read_rates
from assistant.text.numbers import parse_number
from assistant.text.regexgate import LeftmostAlternation, any_search, literal_gate

if TYPE_CHECKING:
    from assistant.checker.message import Message
    from assistant.text.normalize import NormalizedText

# "存入5万，每天收益15元", "投1万，月月领150元", "10万元存一年，利息1.2万元", "1万元买入，一年后
# 拿回11200元": a principal and an earning (or a payout) per period imply a rate too.
# (and the small change a cost or a yield is made to look tiny in: 每天只要1毛钱, 每天收益约3分钱 — rt163)
_SMALL_UNITS = r"|毛钱|毛(?![利重巾衣])|角钱|角(?![度色落])|分钱"
_AMOUNT = (
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(万元|万块|万|千元|千块|千|元|块"
    + _SMALL_UNITS
    + ")"
)
# (a lump sum paid in advance: 预交5万元入会 — c106; not 交 or 一次性交: a premium, 一次性交10万元…每年返还
# 1万元 pays an annuity's premium back — rt107; 申购 — rt107)
# (持有 and 放 too: 持有5万元，每月稳定派发400元; 放一万，一年拿一千二 — rt107, rt100; not 放款/放贷, lending)
_PRINCIPAL_VERBS = (
    # (not the 放 of 发放/派放/释放: 首月发放6000元 pays out — rt112)
    r"存入|存|投资|投入|投|买入|购买|买|认购|申购|本金|理财|起投|预交|预存|预缴|持有|(?<![发派释])放(?!款|贷)"
)
_PRINCIPAL_RE = lazyre.compile(
    rf"(?:{_PRINCIPAL_VERBS}){_AMOUNT}|{_AMOUNT}(?:起投|起存|起购|本金|存|买入|投资|投入|理财)"
    # (a sum paid to lock in a stake, not a premium: 交5万元锁定养老床位，每月返还租金800元 — s42;
    # 一次缴纳8万元购得康养公寓十年使用权 — rt146)
    rf"|(?<![年月季每])(?:一次性?)?(?:交|缴纳|交纳|缴|支付)(?:了)?{_AMOUNT}(?=锁定|认购|入股|入会|加盟|买断|认领|购得|买下)"
    # a unit of the product priced (每份5万元，每月返还收益800元 — f73): what one unit costs is its principal
    rf"|(?<!净值)(?<!面值)(?<!单价)(?:每份|一份)(?:认购|购买)?(?:价格|金额|售价)?(?:为|是)?{_AMOUNT}"
    # a bare amount in 万 followed by the period it is held for (10万元一年收益约9000元, 100万放一年
    # 多出9万), not a borrowed one (借1万元每天利息8元) nor a spending threshold (满1000元…返100元)
    r"|(?<![借贷款用满\d.])(?<!\d,)(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(万元|万块|万)"
    r"(?=(?:[放存投买]|持有|存满|投满|放满)?(?:一年|每年|一个月|每月|每天|一天|半年|一季度))"
    # 万元起投 with no number: one 万 (万元起投，每月收益120元 is 14.4% a year)
    r"|(?<![\d.零〇一二两三四五六七八九十百千万])(?P<unit_only>万元|万)(?:起投|起存|起购)"
    # …or per 万 with the period after it (每万元每天收益约6毛钱 — rt168): one 万
    r"|(?<=每)(?P<per_unit>万元|万份)(?=每|一天|一年|一个月|[天日月年])"
)
_PERIOD_WORDS = r"每天|每日|天天|一天|日|每个月|每月|月月|一个月|月|每个季度|每季度|每季|季度|一季|每半年|半年|每年|年年|一年|年"
#: An earning's amount: as a principal's, or bare digits ending their clause (存10万，每个季度多拿3000，
#: 随存随取 — rt159: the yuan left unsaid).
_EARNED_AMOUNT = (
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
    # (an amount said as more than a round figure, read at the figure: 可得收益九百多元 — rt224)
    r"(?:多|余)?"
    r"(万元|万块|万|千元|千块|千|元|块" + _SMALL_UNITS + r"|(?<=\d\d\d)(?=[，,。！!；;]|$))"
)
_EARNING_RE = lazyre.compile(
    # (a payout fixed per period: 每月固定返还500元, 每季度稳定派发3000元 — c106)
    rf"(?P<period>{_PERIOD_WORDS})?(?:后|到期)?(?:可以|可|就|多|能|稳|净|约|都|再|还|固定|稳定|定期|按时|准时)*"
    # (interest drawn per period: 每投1万元每季度可领息260元 — rt149)
    r"(?P<verb>收益|赚取|赚|到手|利息|可得|回报|获得|收入|领取|领息|付息|得息|领|拿回|拿到|拿|返还|返利|返息|返|派息|分红|本息合计|连本带息|多出|多赚"
    # (到账 — rt107; what is paid, named between: 发放现金红包400元 — rt107)
    # (进账 too: 存入1万元，每天进账约2.5元 — rt224)
    r"|(?:到账|入账|进账|发放|派发)(?:现金红包|现金|分红|收益|利息|奖励金)?)"
    # (what is paid named after the verb: 每月返还租金800元 — s42)
    r"(?:租金|租息|红利|补贴)?"
    r"(?:约|近|达|高达|超|至少|多|共|合计)*" + _EARNED_AMOUNT
)
_PRINCIPAL_GATE = literal_gate(_PRINCIPAL_RE)
_NUMERAL_START = r"[\d零〇一二两三四五六七八九十百千]"  # how an _AMOUNT begins
#: ``_PRINCIPAL_RE.search``, alternative by alternative (see :class:`LeftmostAlternation`):
#: its five alternatives open with verbs, numbers and look-behinds, so the whole pattern was
#: tried at every position of every message with an amount and a verb's character (~16 µs
#: on such a message, ~2.6 this way).  Each gate is two neighbours every match of its
#: alternative holds, in order: a principal verb's last character right before the amount;
#: the amount's unit right before the word after it; a payment verb's last character (or 了)
#: right before the amount; a number right before 万; 万 (or 万元) right before 起投/起存/起购.
_PRINCIPAL_SEARCH = LeftmostAlternation(
    _PRINCIPAL_RE,
    gates=(
        rf"[入存资投买购财金交缴有放]{_NUMERAL_START}",
        r"[元块万千](?:起投|起存|起购|本金|存|买入|投资|投入|理财)",
        rf"[交纳缴付了]{_NUMERAL_START}",
        rf"份(?:认购|购买)?(?:价格|金额|售价)?(?:为|是)?{_NUMERAL_START}",
        r"[\d一二两三四五六七八九十百千]万",
        r"万元?(?:起投|起存|起购)",
        r"每万",
    ),
)
#: A principal stated as one unit's price (每份100元): second to any sum stated before it.
_UNIT_PRICE_RE = lazyre.compile(r"(?:每份|一份)")
#: The dimes said after a yuan amount (2块8毛, 1元5角, 3块5).
_DIME_TAIL_RE = lazyre.compile(r"([1-9]|[一二两三四五六七八九])(?:毛|角)钱?")
#: A count right before a period word found between the principal and its earning (持有5年, 存3个月);
#: not a calendar year or month (2026年, 12月份) nor an ordinal (第二年): those are no count (rt168).
_PERIOD_COUNT_RE = lazyre.compile(r"(?<![第\d])([2-9]|[1-9]\d|[两二三四五六七八九十]+)个?$")
_PERIOD_BETWEEN_RE = lazyre.compile(rf"(?:存|投|放|持有|买)?(?P<period>{_PERIOD_WORDS})(?:后|期|到期)?")
#: A period word that is part of a date (于2月18日到期, 已于1月5日全部结清, 2026年12月): a day on the
#: calendar, not how long the money was held (rt171: a maturity's interest read as per month).
#: …or a named day (观察日, 工作日, 开放日): a day of the calendar too.
_DATE_PART_RE = lazyre.compile(
    r"\d{4}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月\d{1,2}[日号]"
    r"|(?:观察|交易|工作|开放|到期|起息|还款|结算|申购|赎回|估值|确认|生效|节假|纪念|生)日"
    # …or a day or month named relative to now or as a schedule (次日, 当日, 本月, 次月, 按月等额还款 — rt175)
    r"|(?:次|当|本|上|下|同|首|今|昨|明|按|逐)(?:日|月|年)"
)


def _period_between(view: str, start: int, end: int) -> re.Match[str] | None:
    """The first period word between ``start`` and ``end`` that is not part of a date (a term said
    sentences before still counts: 封闭期一年。到期收益1.2万元 — rt175)."""
    dates = [(d.start(), d.end()) for d in _DATE_PART_RE.finditer(view, max(0, start - 4), end)]
    pos = start
    while (m := _PERIOD_BETWEEN_RE.search(view, pos, end)) is not None:
        at = m.start("period")
        if not any(a <= at < b for a, b in dates):
            return m
        pos = m.end()
    return None


_UNIT = {
    "万元": 10000,
    "万块": 10000,
    "万": 10000,
    "千元": 1000,
    "千块": 1000,
    "千": 1000,
    "元": 1,
    "块": 1,
    "毛钱": 0.1,
    "毛": 0.1,
    "角钱": 0.1,
    "角": 0.1,
    "分钱": 0.01,
    "": 1,
}
_PAYOUT_VERBS = frozenset({"拿回", "返还", "到手", "本息合计", "连本带息", "拿到"})


def _amount(number: str, unit: str) -> float | None:
    value = parse_number(number.replace(",", ""))
    return None if value is None else value * _UNIT[unit]


def _period_factor(word: str) -> tuple[str, float] | None:
    if word in ("每天", "每日", "日", "天天", "一天"):
        return "day", 365
    if "季" in word:
        return "quarter", 4
    if "半年" in word:
        return "half-year", 2
    if "年" in word:
        return "year", 1
    if "月" in word:
        return "month", 12
    return None


# "借1000元，一个月利息只要30元", "贷款1万元每天息费5元": a loan's cost stated as money
# (the drawdown said with 用款/支用/提款 too: 用款1万元每天利息约7元 — rt169)
_LOAN_PRINCIPAL_RE = lazyre.compile(rf"(?:借款|贷款|借用|借|贷|用款|支用|提款){_AMOUNT}")
_AMOUNT_NAMED = (
    r"(?P<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
    r"(?P<unit2>万元|万|千元|千|元|块)"
)
_LOAN_COST_RE = lazyre.compile(
    rf"(?P<period>{_PERIOD_WORDS})?(?:的)?(?:只|仅|才|需|要|共|约|都)*"
    r"(?P<verb>利息|息费|手续费|服务费|费用|管理费|综合费用)"
    r"(?:只要|仅需|只需|仅|只|才|需|共|约|为|是|合计|不到|不超过|低至|最低)*"
    + _AMOUNT
    # …or the amount first: 每天只要一块钱利息
    + rf"|(?P<period2>{_PERIOD_WORDS})(?:只要|仅需|只需|仅|只|才|需|共|约|都)*"
    + _AMOUNT_NAMED
    + r"钱?的?(?P<verb2>利息|息费|手续费|服务费)"
    # …or no cost word, the price made small instead (借1000元每天只要1元): not a bare amount
    # per period (每天100元 may be a repayment instalment)
    + rf"|(?P<period3>{_PERIOD_WORDS})(?:只要|仅需|只需|才|不到|低至)+"
    + r"(?P<num3>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(?P<unit3>元|块|毛|角|分(?=钱))钱?(?![\d万千])"
)
LOAN_PRINCIPAL_GATE = literal_gate(_LOAN_PRINCIPAL_RE)
#: …and of the cost read after it (an implied borrowing cost needs a match of each).
LOAN_COST_GATE = literal_gate(_LOAN_COST_RE)
#: The cue of a borrowing cost read from a principal and a cost in money (DIS004).
LOAN_AMOUNT_CUE = "借款利息金额"


def implied_loan_rates(msg: Message) -> list[StatedRate]:
    """Borrowing costs stated as money per period against a borrowed principal.

    The same reading as :func:`implied_rates`, with the borrower's verbs and cost words,
    so 借1000元，一个月利息30元 is a 36% annual cost however the ad avoids the word 利率.
    """
    return implied_rates(msg, _LOAN_PRINCIPAL_RE, _LOAN_COST_RE, LOAN_PRINCIPAL_GATE, LOAN_AMOUNT_CUE)


def _principal_amount(principal: re.Match[str]) -> float | None:
    """The sum a principal match states (万元起投 with no number: one 万)."""
    if "unit_only" in principal.re.groupindex and principal.group("unit_only"):
        return _amount("1", principal.group("unit_only"))
    if "per_unit" in principal.re.groupindex and principal.group("per_unit"):
        return 10000.0
    groups = principal.groups()
    number, unit = next((groups[i], groups[i + 1]) for i in range(0, len(groups), 2) if groups[i])
    return _amount(number, unit)


def implied_rates(
    msg: Message,
    principal_re: re.Pattern[str] | LeftmostAlternation = _PRINCIPAL_SEARCH,
    earning_re: re.Pattern[str] = _EARNING_RE,
    gate: Callable[[str], bool] | None = _PRINCIPAL_GATE,
    cue: str = "收益金额",
) -> list[StatedRate]:
    view = msg.nt.nospace
    if gate is not None and not gate(view):
        return []  # no principal can be stated without these characters
    # Each earning is read against the principal nearest before it (1元起存…1万元每天利息约1毛钱: the
    # 1万元, not the minimum to open — rt165); most messages state one principal.  (The gated search
    # again from each match's end: the same matches as ``finditer``, without trying every alternative
    # at every position.)
    principals: list[tuple[re.Match[str], float]] = []
    found = principal_re.search(view)
    while found is not None:
        if amount := _principal_amount(found):
            principals.append((found, amount))
        found = principal_re.search(view, found.end())
    if not principals:
        return []
    out = []
    for m in earning_re.finditer(view, principals[0][0].end()):
        before = [p for p in principals if p[0].end() <= m.start()]
        principal, base = before[-1]
        if _UNIT_PRICE_RE.match(principal.group(0)) and len(before) > 1:
            # a unit's price named after the sum bought (以购买5万元计（500份，每份100元），每年付息815元 — rt168)
            principal, base = next(p for p in reversed(before) if not _UNIT_PRICE_RE.match(p[0].group(0)))
        second = "num2" in m.re.groupindex and m.group("num2") is not None  # amount before its verb
        third = "num3" in m.re.groupindex and m.group("num3") is not None  # no cost word at all
        if third:
            a0, a1 = m.start("num3"), m.end("unit3")
            earned = _amount(m.group("num3"), m.group("unit3"))
        elif second:
            a0, a1 = m.start("num2"), m.end("unit2")
            earned = _amount(m.group("num2"), m.group("unit2"))
        else:
            a0, a1 = m.start(3), m.end(4)
            earned = _amount(m.group(3), m.group(4))
            if earned is not None and m.group(4) == "万" and (tail := _WAN_TAIL_RE.match(view, a1)):
                earned += int(tail.group(1)) * 1000  # 拿回5万6, 10万9千: the thousands said after 万
                a1 = tail.end()
            elif (
                earned is not None and m.group(4) in ("元", "块") and (dime := _DIME_TAIL_RE.match(view, a1))
            ):
                earned += (parse_number(dime.group(1)) or 0) / 10  # 2块8毛, 1元5角 (rt165)
                a1 = dime.end()
        if earned is None:
            continue
        if _VOUCHER_AFTER_RE.match(view, a1) is not None:
            continue  # 每月返还200元加油券: vouchers, not money earned (rt107)
        if _TAX_SAVED_RE.search(view, _mark_start(view, m.start(), _SENTENCE_MARKS), a1) is not None:
            continue  # 存入金额可在税前扣除…相当于每年多赚一千多元: a tax saved, not a return (rt225)
        word = m.group("period3") if third else m.group("period2") if second else m.group("period")
        word_at = m.start("period") if word is not None and not third and not second else -1
        if word is None:  # 10万元存一年，利息1.2万元: the period is stated with the principal
            between = _period_between(view, principal.start(), m.start())
            word = between.group("period") if between else None
            word_at = between.start("period") if between else -1
        # …held for several of them (持有5年到期本息合计112.5元 — rt165): the gain is spread over the count
        count = 1.0
        if (
            cue != LOAN_AMOUNT_CUE
            and word in ("年", "月", "个月")
            and word_at >= 0
            and not view.startswith("份", word_at + len(word))
            and (n := _PERIOD_COUNT_RE.search(view, principal.start(), word_at))
        ):
            count = parse_number(n.group(1)) or 1.0
        found = _period_factor(word) if word else None
        if found is None:
            continue  # 投资1万元，收益1200元: over what period?  No rate can be read.
        period, factor = found
        factor /= max(count, 1.0)
        # (a payout every period is income, not the principal back: 预交5万元，每月固定返还500元 — c106;
        # unless the payouts counted add up to no more than the sum: 每年返还1万元，返还10年 — rt107)
        recurring = word.startswith("每") or word in ("天天", "月月", "年年")
        if recurring and cue != LOAN_AMOUNT_CUE and _paid_back_only(view, a1, earned, base, factor):
            continue
        if cue != LOAN_AMOUNT_CUE and ((m.group("verb") in _PAYOUT_VERBS and not recurring) or earned > base):
            earned -= base  # 拿回11200元 pays the principal back with the gain
            if earned <= 0:
                continue
        out.append(StatedRate(a0, a1, round(earned * factor / base * 100, 6), period, cue))
    return out


#: A tax saving said as a gain (按10%的税率测算，相当于每年多赚一千多元 — rt225): the law's deduction, not a return.
_TAX_SAVED_RE = lazyre.compile(r"税前扣除|税率|抵税|节税|个税|减税|退税|递延纳税|税收优惠")

#: A payout in vouchers, points or coupons right after its amount (200元加油券, 50元代金券).
#: (right after it, not 外加积分奖励: cash plus points — rt108)
_VOUCHER_AFTER_RE = lazyre.compile(
    r"(?:加油|消费|购物|代金|优惠|抵用|现金|话费|电影|体检)?(?:券|积分|礼品卡|购物卡)"
    # …nor a cover's benefit (意外身故可得10万元保险金, 延误满4小时可得300元补偿 — rt165): insurance pays a loss
    # (not 保障金, 津贴: a wealth plan names its payout so too — rt168)
    r"|(?:的)?(?:保险金|身故金|赔偿金?|补偿金?|赔付|理赔金)"
)
#: How many payouts a plan makes (返还10年, 共返10个月, 领取20期).
_PAYOUT_COUNT_RE = lazyre.compile(
    # (not a delay: 首次返还3个月内到账 — rt109)
    r"(?:返还|返|领取|领|发放|派发|支付)(?:共|合计)?(\d+|[一二两三四五六七八九十]+)(?:个)?(年|月|期|次)(?![内后])"
    r"|共(?:返还|返|领取|领|发放|派发|支付)?(\d+|[一二两三四五六七八九十]+)(?:个)?(年|月|期|次)(?![内后])"
)
#: The sum itself refunded as well (期满会员费全额退还, 到期预存款可申请退还 — rt109): the payouts are a gain.
_SUM_REFUNDED_RE = lazyre.compile(
    r"(?:全额|如数|足额)(?:退还|返还)|可申请退还|退还(?:本金|预存款|会员费)|本金(?:全额)?返还"
)


def _paid_back_only(view: str, pos: int, earned: float, base: float, factor: float) -> bool:
    """Whether the payouts counted in the sentence after ``pos`` (返还10年, 共返10个月) add up to no
    more than the sum put in: the premium or the deposit paid back in parts, no gain.  ``factor``
    is the payouts a year; a count in years or months is converted (每月返还1000元，连续返还10年 is
    120 payouts — rt108)."""
    end = _mark_end(view, pos, "。！!？?；;")
    m = _PAYOUT_COUNT_RE.search(view, pos, end)
    if m is None or _SUM_REFUNDED_RE.search(view, pos) is not None:
        return False
    count = parse_number(m.group(1) or m.group(3))
    if count is None:
        return False
    unit = m.group(2) or m.group(4)
    payouts = count * factor if unit == "年" else count * factor / 12 if unit == "月" else count
    return earned * payouts <= base + 1e-9


#: The thousands said after 万 in speech (5万6 = 56,000, 10万9千 = 109,000): one digit, then
#: 千 or nothing more of a number.
_WAN_TAIL_RE = lazyre.compile(r"([1-9])千?(?![\d.%％万千元块])")

#: Periods per year of a rate quoted per day, week, month, quarter, half-year or year.
PERIODS_PER_YEAR = {"day": 365, "week": 52, "month": 12, "quarter": 4, "half-year": 2, "year": 1}

#: More than the figure said right after it (8%以上, 8%+, 8%起).
_MORE_AFTER_RE = lazyre.compile(r"(?:以上|\+|起|多|往上|不止|打底|保底)")
#: …or right before it (突破8%, 超过8%, 高于8%).
_MORE_BEFORE_RE = lazyre.compile(r"(?:突破|超过|超出|高于|超|逾|不止|不低于|不少于|至少|最少)$")
#: A double-digit return said in words (收益率两位数, 年化回报做到双位数).
_DOUBLE_DIGIT_RE = lazyre.compile(
    # (not a fall or a cut: 两位数的下跌, 利息支出降幅达两位数)
    r"(?:收益|回报|年化|利息|收益率|回报率)(?:(?![降跌亏减损])[^,。!?;:]){0,6}?(?P<dd>两位数|双位数|二位数)"
    r"(?!的?(?:下跌|跌|亏|回撤|降|下降|负))"
    r"|(?P<dd2>两位数|双位数|二位数)(?:的)?(?:年化)?(?:收益|回报)"
)

_PAST_FIX = Fix(
    "needs_input",
    None,
    "注明统计期间与数据来源，并提示“过往业绩不代表未来表现”；不得替换或换算该业绩数字",
    needs=("past_performance_disclosure",),
)


#: A purchase, a switch or a rise offered before a figure in the recipient's own sentence (可购买,
#: 可提升至, 开通…后): the figure is then the offer's, not the holding's.
_OFFERED_BEFORE_RE = lazyre.compile(
    r"可(?:以)?(?:购买|认购|申购|转入|转购|配置|买入|提升|升至|享|达|参与|参加|加入|投资)|提升至|升至|放进|转入[^，,。！!？?；;]{0,10}?(?:即可|就能|可)"
    r"|开通[^，,。！!？?；;]{0,10}?后|升级[^，,。！!？?；;]{0,6}?后|加入[^，,。！!？?；;]{0,6}?后"
)


@dataclass(slots=True)
class StatedRate:
    start: int  # no-space view offsets
    end: int
    annual: float  # simple annualisation (×365, ×12 …)
    period: str
    cue: str

    @property
    def compound(self) -> float:
        """The same per-period rate compounded over a year (IRR-style), in percent."""
        n = PERIODS_PER_YEAR.get(self.period, 1)
        return round(((1 + self.annual / n / 100) ** n - 1) * 100, 6)


def cue_pattern(opts: dict) -> re.Pattern[str]:
    """The rate-cue regex of PRO007's data (return and loan cues), shared with DIS004."""
    cues = sorted(opts["return_cues"] + opts["loan_cues"], key=len, reverse=True)
    # (a 拿 cue is a gain taken, not money got back: 可拿回医疗费用的90%, 退保可拿回已交保费的65% — rt85)
    # (a share of a cost or premium got back, not a bare rate: 每月可拿回1.2% is a return — rt87)
    # (…of a cost or premium: 可拿回投资金额的1.5% is a return — rt88)
    got_back = (
        "(?!回[^，,。！!？?；;]{0,8}?(?:费用|保费|医疗费|自付|花费|支出|损失)[^，,。！!？?；;]{0,4}?的)"
    )
    alts = [re.escape(c) + (got_back if c.endswith("拿") else "") for c in cues]
    # pinyin spellings (nh, nianhua for 年化): whole Latin words only, never inside enhanced or John
    alts += [
        "(?<![a-z])" + re.escape(c) + "(?![a-z])"
        for c in sorted(opts.get("pinyin_cues", ()), key=len, reverse=True)
    ]
    # Zero-width lookahead: overlapping matches, longest alternative at each position.
    return lazyre.compile_now("(?=(" + "|".join(alts) + "))")


@cache
def _default_cue_pattern() -> re.Pattern[str]:
    """:func:`cue_pattern` of the shipped PRO007 (``rule_spec`` is cached too): built once,
    not on every call of :func:`annualised_rates`."""
    from assistant.checker.rulespec import rule_spec

    return cue_pattern(rule_spec("PRO007").options)


def cached_stated_rates(msg: Message, opts: dict, cue_re: re.Pattern[str]) -> list[StatedRate]:
    """:func:`stated_rates`, computed once per message and cue set: PRO007 (returns) and
    DIS004 (borrowing costs) read the same figures with the same conversion."""
    cache: dict[str, list[StatedRate]] = msg.__dict__.setdefault("_stated_rates", {})
    rates = cache.get(cue_re.pattern)
    if rates is None:
        rates = cache[cue_re.pattern] = stated_rates(msg, opts, cue_re)
    return rates


_RETURN_SIDE_RE = lazyre.compile("出借|(?:理财|投资|认购|申购|购买|存款|存单)额度")


@cache
def _lender_side_re(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return lazyre.compile_now("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _lender_side(compact: str, patterns: tuple[str, ...]) -> bool:
    """Whether the message makes the reader the lender (您出借的资金, 利息按月归您, 债权转让,
    每月回款 — rt118, rt120): then a borrower's rate it quotes is what the reader earns.  Not
    a loan offer naming who lends (资金由合作银行出借): the patterns name the reader's side."""
    found = _lender_side_re(patterns)
    return found is not None and found.search(compact) is not None


def quotes_borrowing_cost(msg: Message, cpos: int, opts: dict, *, ambiguous: bool, cue: str = "") -> bool:
    """Whether a loan-sounding cue at compact position ``cpos`` (利率, 年化, 利息) quotes the
    cost of borrowing, read with PRO007's words (``opts``); ADV006 asks the same question.

    Decided per figure: its own clause names a loan (借款年化利率, 贷款利息) or a
    return (理财年化, 收益, 出借); else, for 年化/利息 alone, a message that names a
    return sells returns; else the message as a whole decides (贷, 额度 …).  A fee waiver
    or a quota elsewhere (申购0手续费, 额度有限) does not turn a yield into a loan rate.
    """
    compact = msg.nt.compact
    if (
        msg.kind != "service"
        and not any(w in compact for w in opts.get("lender_side_unless", ()))
        and _lender_side(compact, tuple(opts.get("lender_side_patterns", ())))
    ):
        return False  # 借款年化13%，利息按月归您: the borrower's price is the reader's return
    c_start, c_end = msg.ctx.clause(cpos)
    # 出借 is the lender's side, 理财额度 / 认购额度 a quota to buy a product: returns, not credit
    clause = _RETURN_SIDE_RE.sub("", compact[c_start:c_end])
    if any(w in clause for w in opts.get("loan_clause_context", [])):
        return True
    returns = opts.get("return_clause_context", [])
    if any(w in compact[c_start:c_end] for w in returns):
        return False
    if ambiguous and any(w in compact for w in returns):
        return False  # a wealth message whose quota is 额度有限 still sells returns
    if any(w in compact for w in opts.get("money_put_in_context", ())):
        return False  # 闲钱放我们这…本金随时可取: the reader's money is put in, a return is paid
    if cue and ("利率" in cue or "费率" in cue or "成本" in cue) and not any(w in compact for w in returns):
        return (
            True  # 利率 / 年化利率 in a message that names no return is a price of credit (月息 stays open)
        )
    return any(w in compact for w in opts["loan_context"])


_RATE_FIGURE_KEY = ("returns", "rate_figure")


def has_rate_figure(msg: Message) -> bool:
    """A cheap test (on the folded text) that the message can state a rate at all; asked
    once per message (DIS004 and PRO007 both ask, and the search costs µs)."""
    found = msg.memo.get(_RATE_FIGURE_KEY)
    if found is None:
        folded = msg.nt.folded
        found = msg.memo[_RATE_FIGURE_KEY] = _quick(folded) or _may_state_fraction(folded)
    return found  # type: ignore[return-value]


#: The cues :func:`_multiple_rates` and :func:`_payback_rates` give their figures: returns by construction.
_MULTIPLE_CUES = frozenset({"翻倍", "已翻倍", "倍数", "回本"})


def _figureless_return_said(folded: str) -> bool:
    """A multiple (翻了一番, 定期存款的6倍) or a payback period (约6年即可收回全部投入): a return with
    no figure sign either."""
    return "倍" in folded or "番" in folded or "回本" in folded or "收回" in folded


#: A payback period: the whole sum back from what the product pays, in N months or years (平均8个月回本,
#: 约6年即可收回全部投入 — rt204, rt224): a return of 1/N of the sum a year.
_PAYBACK_RE = lazyre.compile(
    r"(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十]+)(?P<unit>个月|年)(?:左右|多)?"
    r"(?:即可|就能|就可|便可|就可以|就|即|可|能)?"
    r"(?:收回(?:全部|所有)?(?:投入|本金|成本|投资)|回本)"
    # (the period after its name: 回本周期仅需10年左右 — rt225)
    r"|回本(?:周期|期)(?:仅需|只需|仅|只要|约|大约|为|是|在)*(?P<n2>\d+(?:\.\d+)?|[一二两三四五六七八九十]+)(?P<unit2>个月|年)"
)
#: In the sentence, what the sum comes back from (分派, 租金, 每月收益…): a product's payouts.
_PAYBACK_INCOME_RE = lazyre.compile(r"分派|分红|派息|收益|租金|返还|返利|产出|利润|回报|每月|每天|每年|每季")
#: …and what makes it no return: a policy's cash value breaking even (第8年现金价值回本), a loan paid off,
#: an example or a warning (骗局常称…个月回本).
#: (a projection said with 如果 is still the pitch: 如果按上一年度…测算，约8年即可收回全部投入 — rt225; an industry's
#: capital in a research report, or a saving that pays for equipment, is no product's return — rt225)
_PAYBACK_OTHER_RE = lazyre.compile(
    r"现金价值|保单|退保|保费|贷款|借款|还款|假设|假如|骗|诈|声称|号称|谨防|警惕"
    # (not 设备 or 工厂: a scheme sells shares of equipment and factories paying back in months)
    r"|行业|研究报告|深度报告|产线|节省|省下|节约|电费|成本下降"
    # (a fee recouped through perks: 年费600元…大约3个月就能回本, 会员年费99元…4个月就能回本 — rt226)
    r"|年费|会员|券|权益"
    # (an illustration of the borrower's own machine: 以一台收割机为例…3年左右就能回本 — rt227)
    r"|为例|例如|比如"
    # (a loan's own purpose paying back, 光伏贷…卖电收入…约6年即可收回全部投入 — rt229)
    r"|贷款年化|光伏贷|贷款利率"
)


def _payback_rates(view: str) -> list[StatedRate]:
    """Payback periods stated as what the product pays: 100% over N years, simple."""
    out: list[StatedRate] = []
    for m in _PAYBACK_RE.finditer(view):
        n = parse_number(m.group("n") or m.group("n2"))
        if not n:
            continue
        unit = m.group("unit") or m.group("unit2")
        s0 = _mark_start(view, m.start(), _SENTENCE_MARKS)
        s1 = _mark_end(view, m.end(), "。！!？?；;")
        sentence = view[s0:s1]
        if _PAYBACK_INCOME_RE.search(sentence) is None or _PAYBACK_OTHER_RE.search(sentence) is not None:
            continue
        years = n / 12 if unit == "个月" else n
        label = f"{n:g}{unit}回本"
        out.append(StatedRate(m.start(), m.end(), round(100 / years, 6), label, "回本"))
    return out


class Returns(Detector):
    def gate(self) -> Callable[[Message], object] | None:
        """What detect reads before any figure: a return in two digits said in words
        (_DOUBLE_DIGIT_RE's characters), a multiple, or a rate figure (:func:`has_rate_figure`)."""
        double = literal_gate(_DOUBLE_DIGIT_RE)
        if double is None:
            return None

        def may_find(msg: Message) -> object:
            folded = msg.nt.folded
            return _figureless_return_said(folded) or double(folded) or has_rate_figure(msg)

        return may_find

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        opts = self.spec.options
        self._cue_re = cue_pattern(opts)
        self._loan_cues = frozenset(opts["loan_cues"])
        self._return_cues = (
            frozenset(opts["return_cues"])
            | frozenset(opts.get("product_gain_cues", ()))
            | frozenset(opts.get("pinyin_cues", ()))
            | _MULTIPLE_CUES  # (a multiple is read only with a return's subject or word)
        )
        self._ambiguous = frozenset(opts.get("ambiguous_cues", []))
        self._past = tuple(opts.get("past_markers", []))
        self._past_disclosures = tuple(opts.get("past_disclosures", []))
        patterns = [str(p) for p in opts.get("past_disclosure_patterns", [])]
        self._past_disclosure_re = lazyre.compile_now("|".join(patterns)) if patterns else None
        self._forward = tuple(opts.get("forward_markers", []))
        self._forward_claims = tuple(opts.get("forward_claims", []))
        self._fees = tuple(opts.get("fee_words", []))
        self._own = tuple(opts.get("own_words", []))
        patterns = [str(p) for p in opts.get("own_patterns", [])]
        self._own_re = lazyre.compile_now("|".join(patterns)) if patterns else None

    def detect(self, msg: Message) -> Iterable[Finding]:
        """Each figure once: two readers may state the same figure (annual return of 12%: the
        English cue and the Chinese one read the same span), which is one finding, not two."""
        seen: set[tuple[int, int, str]] = set()
        for finding in self._detect(msg):
            key = (finding.start, finding.end, finding.message)
            if key not in seen:
                seen.add(key)
                yield finding

    def _detect(self, msg: Message) -> Iterable[Finding]:
        threshold = float(msg.settings.yield_threshold_percent)
        if threshold < 10 and ("位数" in msg.nt.compact):
            # 年化回报做到两位数: a return of 10% or more said in words, no figure to read
            for m in _DOUBLE_DIGIT_RE.finditer(msg.nt.compact):
                g = "dd" if m.group("dd") else "dd2"
                a, b = msg.nt.compact_span(m.start(g), m.end(g))
                if self._own and self._own_holding(msg, a):
                    continue
                yield self.finding(
                    msg,
                    a,
                    b,
                    message=f"宣传收益率为“两位数”（年化10%以上），超过{threshold:g}%的高收益警戒线，属高收益理财承诺",
                    note=f"“两位数”收益即年化不低于10%；{threshold:g}%为合规指南的经验阈值，并非法定标准",
                )
        folded = msg.nt.folded
        multiple = _figureless_return_said(folded)
        if not multiple and not has_rate_figure(msg):  # before building the no-space view
            return
        fraction = _may_state_fraction(folded)  # 年化收益率0.096: no rate sign for the gates below
        if (
            not fraction
            and not multiple
            and _RATE_GATE is not None
            and _PRINCIPAL_GATE is not None
            and not _RATE_GATE(folded)
            and not _PRINCIPAL_GATE(folded)
            and _EN_PERCENT_RE.search(folded) is None
        ):
            return  # the gates test characters only: what the folded text lacks, its views lack
        opts = self.spec.options
        stated = cached_stated_rates(msg, opts, self._cue_re)
        # (an implied rate on a span a stated rate already reads is the same figure: 每万元每天收益约3元)
        taken = {(r.start, r.end) for r in stated}
        implied = [r for r in implied_rates(msg) if (r.start, r.end) not in taken]
        for rate in (*stated, *implied):
            # The line first: most figures (a deposit's 1.5%, a bill's amounts read as money
            # back) are under it, and the tests below (a fee, the reader's own holding, a cost of
            # borrowing) read clauses and sentences around the figure.  Each test only skips a
            # figure, so which comes first changes nothing but the work.
            if rate.annual <= threshold + 1e-9 and not (
                rate.annual >= threshold - 1e-9
                and (
                    _MORE_AFTER_RE.match(msg.nt.nospace, rate.end) is not None
                    or _MORE_BEFORE_RE.search(msg.nt.nospace, max(0, rate.start - 3), rate.start) is not None
                )
            ):
                continue  # (8%以上, 突破8%: at the line, said to be more, is over it)
            start, end = msg.nt.nospace_span(rate.start, rate.end)
            if self._fees and self._fee(msg, start):
                continue  # 佣金万分之二点五: a price, not a return
            if rate.cue.isascii() and _english_warning(msg.nt.nospace, rate.start, rate.end):
                continue  # an English cue (returns of 20%) in a sentence that warns against it
            if self._own and self._own_holding(msg, start):
                continue  # 您持有的…近一周收益率3.1%: the recipient's own result, reported
            # A figure with no return word of its own (逾期按日收取万分之五罚息: its cue is the
            # numeral form) is as open as 年化: its clause decides whether it is a cost.
            if (
                rate.cue in self._loan_cues
                or rate.cue in self._ambiguous
                or rate.cue not in self._return_cues
            ) and self._borrowing_cost(msg, start, ambiguous=rate.cue not in self._loan_cues, cue=rate.cue):
                continue
            past = self._past_marker(msg, start)
            if past is None and rate.cue == "已翻倍":
                past = "已实现"  # 净值已翻一番: a gain said done is a past result
            if past is not None and self._past_carried_forward(msg, start):
                past = None  # 去年收益率18%，今年只会更高: the past figure is promised again
            if past is not None:
                if self._disclosed(msg):
                    continue  # a past result with its non-promise statement: a fact, stated
                # Without the statement a past result above the line sells by its height
                # (independent reviewers hold it to the catalogue's PRO007): an error whose fix
                # asks for the period, source and statement (past_performance_disclosure),
                # never another figure.  Outside a promotion (a notice, or a kind in doubt) the
                # figure may be a report: a warning.
                yield self.finding(
                    msg,
                    start,
                    end,
                    severity="error" if msg.kind == "marketing" else "warning",
                    message=f"过往业绩（{past}）折合年化约{rate.annual:.2f}%，高于{threshold:g}%的高收益警戒线，且未注明期间、数据来源及“过往业绩不代表未来表现”",
                    fix=_PAST_FIX,
                )
                continue
            period = _PERIOD_ZH.get(rate.period, rate.period)
            if rate.cue == "收益金额":
                period = f"本金与每{period}收益金额推算、{period}"
            if rate.cue == "倍数":
                note = f"按{rate.period}估算年化约{rate.annual:.2f}%（基准利率取规则数据中的偏高值）；{threshold:g}%为合规指南的经验阈值，并非法定标准"
            else:
                note = f"按{period}利率口径折算年化约{rate.annual:.2f}%；{threshold:g}%为合规指南的经验阈值，并非法定标准"
            message = (
                f"宣传收益率折合年化约{rate.annual:.2f}%，超过{threshold:g}%的高收益警戒线，属高收益理财承诺"
            )
            yield self.finding(msg, start, end, message=message, note=note)

    def _disclosed(self, msg: Message) -> bool:
        """Whether the message says its past results promise nothing (过往业绩不代表未来表现, or
        in other words), about its own results: not of others (别家的历史收益不能保证未来)."""
        compact = msg.nt.compact
        spans = [
            (m.start(), m.end()) for d in self._past_disclosures for m in re.finditer(re.escape(d), compact)
        ]
        if self._past_disclosure_re is not None:
            spans += [(m.start(), m.end()) for m in self._past_disclosure_re.finditer(compact)]
        for s, _ in spans:
            c0, _ = msg.ctx.clause(s)
            if _OTHERS_RE.search(compact, c0, s) is None or _OWN_PRODUCT_RE.search(compact, c0, s):
                return True
        return False

    def _past_carried_forward(self, msg: Message, start: int) -> bool:
        """Whether the past result's sentence, or the next, says it will go on (今年只会更高,
        跟上就对了): a past figure carried forward is a promise, whatever statement follows."""
        words = self._forward_claims
        if not words:
            return False
        compact = msg.nt.compact
        s0, s1 = msg.ctx.sentence(msg.nt.compact_pos(start))
        s2 = msg.ctx.sentence(s1 + 1)[1] if s1 + 1 < len(compact) else s1  # through the next sentence
        lo = max(0, s0 - 40)
        for w in words:
            for m in re.finditer(re.escape(w), compact[lo:s2]):
                at, end = lo + m.start(), lo + m.end()
                if compact[end : end + 1] == "跌":
                    continue  # 还会涨跌: it may rise or fall
                if _RISK_NEAR_RE.search(compact, max(0, at - 6), at):
                    continue  # 波动还会更高: said of the risk, not the return
                return True
        return False

    def _own_holding(self, msg: Message, start: int) -> bool:
        """Whether the figure's sentence names the recipient's own holding before it (您持有的…,
        您的投资组合本年…) — and does not, before the figure, invite a purchase or a switch
        (您个人养老金账户中的资金可购买…理财，年化收益9.2%; 开通…后，您的账户收益可提升至年化9.5% —
        rt144): then the figure is what the sender offers, however the account is named."""
        cpos = msg.nt.compact_pos(start)
        s_start, _ = msg.ctx.sentence(cpos)
        if (
            s_start > 0
            and msg.nt.compact[s_start - 1] in ":："
            and _ACCOUNT_RETURN_RE.search(msg.nt.compact, s_start, cpos) is not None
            and _PUSHED_RE.search(msg.nt.compact) is None
            and _PERIOD_RE.search(msg.nt.compact, s_start, cpos) is not None
        ):
            # 您的2025年度投资账单已生成：全年账户收益率12.6%: the heading before the colon names
            # whose account the figure is of (not a product's: …报告已生成：恒屿量化1号近一年收益率18.6%)
            s_start = msg.ctx.sentence(s_start - 1)[0]
        before = msg.nt.compact[s_start:cpos]
        owned = any(_owned_at(before, w) for w in self._own) or (
            self._own_re is not None and self._own_re.search(before) is not None
        )
        return owned and _OFFERED_BEFORE_RE.search(before) is None

    def _fee(self, msg: Message, start: int) -> bool:
        cpos = msg.nt.compact_pos(start)
        c_start, _ = msg.ctx.clause(cpos)
        before = msg.nt.compact[max(c_start, cpos - 6) : cpos]
        return any(w in before for w in self._fees)

    def _borrowing_cost(self, msg: Message, start: int, *, ambiguous: bool, cue: str = "") -> bool:
        return quotes_borrowing_cost(
            msg, msg.nt.compact_pos(start), self.spec.options, ambiguous=ambiguous, cue=cue
        )

    def _past_marker(self, msg: Message, start: int) -> str | None:
        """A past-period word before the figure in its clause (成立以来…净值增长率28.4%).

        A forward-looking word nearer the figure (比去年更高的预期年化收益12%) makes it a
        promise again, whatever past word stands before it."""
        cpos = msg.nt.compact_pos(start)
        c_start, _ = msg.ctx.clause(cpos)
        before = msg.nt.compact[max(c_start, cpos - 24) : cpos]
        past = [(before.rfind(w), w) for w in self._past if w in before]
        if not past:
            return None
        at, word = max(past)
        if any(f in before[at:] for f in self._forward):
            return None
        return word


def _rates_read(nt: NormalizedText) -> list[Figure]:
    """:func:`read_rates` of ``nt.nospace``, read once per message: PRO007 and DIS004 each
    read the message's rates with their own cues (:func:`cached_stated_rates` keeps one list
    per cue set), and the figure reader was a tenth of their time on a message with a rate.
    The figures are frozen and the list is only iterated, so sharing it is safe."""
    kept: list[Figure] | None = nt.__dict__.get("_rates_read")
    if kept is None:
        kept = nt.__dict__["_rates_read"] = read_rates(nt.nospace)
    return kept


def stated_rates(msg: Message, opts: dict, cue_re: re.Pattern[str]) -> list[StatedRate]:
    """Rates that a return cue (收益, 回报, 利息, 年化 …) introduces in the same clause.

    Rates are read by the shared figure reader (:func:`assistant.facts.read_rates`) on the
    no-space view, in every form it knows (12%, 百分之十二, 一成, 八厘, 八分利, 万分之三,
    每万元每天一块五 …); cues are looked for in the compact view, so 收*益 still counts as
    收益.  A cue may also follow the figure (12%的年化收益).  月息N分, N厘, 万分之N and
    per-unit pricing carry their own cue.
    """
    view = msg.nt.nospace
    compact = msg.nt.compact
    out: list[StatedRate] = []
    if _may_state_fraction(view):
        for m in _FRACTION_RE.finditer(view):
            # 年化收益率约为0.096, 年化收益零点一二: an annual rate written as a fraction of one
            value = parse_number(m.group("f"))
            if value is not None and 0 < value < 1 and cue_re.search(m.group("cue")) is not None:
                out.append(
                    StatedRate(m.start("f"), m.end("f"), round(value * 100, 6), "year", m.group("cue"))
                )
    if "年" in view:
        for m in _BARE_PERCENT_RE.finditer(view):
            value = parse_number(m.group("f"))
            if value is not None and cue_re.search(m.group("cue")) is not None:
                out.append(StatedRate(m.start("f"), m.end("f"), value, "year", m.group("cue")))
    if _EN_GATE_RE.search(view) is not None:
        out.extend(_english_rates(view, msg.nt.folded))  # (12 percent a year: no % for the gate below)
    if "万" in view:
        out.extend(_money_back_rates(view))
    if "倍" in view or "番" in view:
        out.extend(_multiple_rates(view, opts))
    if "回本" in view or "收回" in view:
        out.extend(_payback_rates(view))
    if _RATE_GATE is not None and not _RATE_GATE(view):
        return out  # no other rate figure can be written without these characters
    width = int(opts.get("window", 16))
    # (the body's start: a bare view of a text — annualised_rates — has no signature read)
    sig = getattr(msg, "signature", None)
    body_start = (
        msg.signature_span[1] if sig is not None and sig.position == "head" and msg.signature_span else 0
    )
    for m in _rates_read(msg.nt):
        value = m.number
        if m.kind != "rate" or value is None:
            continue
        if (
            view[m.start - 1 : m.start] in _TIMES
            or view[m.end : m.end + 1] in _TIMES
            or (view[max(0, m.start - 2) : m.start] == "乘以")
        ):
            continue  # 指数收益率×95%+活期存款利率×5%: a weight in a benchmark's formula
        ostart, _ = msg.nt.nospace_span(m.start, m.start + 1)
        _, oend = msg.nt.nospace_span(m.end - 1, m.end)
        cpos = msg.nt.compact_pos(ostart)
        cend = msg.nt.compact_pos(oend)
        before = _clause_tail(compact[max(0, cpos - width) : cpos])
        if len(before) <= 3 and before.strip(_LINKS) == "":
            # 年化收益，高达12%: a clause that is only a linking word continues the cue
            # that ends the clause before it.
            prev = compact[max(0, cpos - len(before) - 1 - width) : max(0, cpos - len(before) - 1)]
            tail = _clause_tail(prev)
            if tail and cue_re.search(tail[-8:]) is not None:
                before = tail + before
        after = _clause_head(compact[cend : cend + 16])  # 16: the English cues (annualreturn)
        measures = opts.get("not_return_measures") or ()
        if measures and any(w in before[-12:] or w in after[:4] for w in measures):
            continue  # 年化波动率12%, 分红实现率100%, 利率上浮10%: the figure measures something else
        if after[:2] in ("返利", "返现") and _SPEND_BEFORE_RE.search(before[-8:]) is not None:
            continue  # 消费享10%返利: a spending rebate (rt188), not a return (刷卡享年化收益率9.5% is — rt191)
        own = _OWN_CUE.get(m.form)
        if own == "月息" and m.period == "year":
            own = "年息"
        if own is None and m.form == "百分点" and m.period in _FORM_PERIOD:
            own = "个点"  # 每月稳定1个点, 一年12个点: a folk rate whose period the reader found
        last = None
        for last in cue_re.finditer(before):  # noqa: B007 - the last (rightmost) cue wins
            pass
        if last is not None:
            at, cue = last.start(), last.group(1)
            near = before[max(0, at - 2) :]
            # 每月服务费率2.5%, 每月固定返利2%: a per-period word, a few words, then a cue that
            # names no period of its own (not 按月付息，年化收益5%)
            if cue in opts["loan_cues"] or not _OWN_PERIOD_RE.search(cue):
                per = _PER_PERIOD_RE.search(before[max(0, at - 8) : at])
                if per is not None:
                    near = per.group(1) + near
        elif own is not None:
            cue, near = own, before[-4:] + own
        else:
            inner = after.lstrip("的(（[【")
            head = cue_re.match(inner)
            if head is None:
                # (the clause read from the body only: a fund house's signature 【明德基金】 names no
                # product of 创业板涨幅 — rt107; not a loss: 涨跌幅为-18.5%)
                body = _clause_tail(compact[max(body_start, cpos - width) : cpos])
                # (the clauses before it in its sentence: 明德成长混合成立以来表现优异，累计涨幅达120%;
                # 明德成长混合，成立五年，投资需要耐心，累计涨幅达120% — rt111; or, when the gain opens
                # its sentence with nothing named, the last clause of the sentence before: 明德成长混合业绩
                # 出众。成立以来累计涨幅达120%)
                cut = cpos - len(body) - 1
                prev = ""
                if cut >= body_start and compact[cut : cut + 1] in ("，", ","):
                    window = compact[max(body_start, cut - 2 * width) : cut]
                    prev = window[max(window.rfind(d) for d in "。！!？?；;") + 1 :]
                elif cut >= body_start and compact[cut : cut + 1] in ("。", "！", "!", "；", ";"):
                    prev = _clause_tail(compact[max(body_start, cut - width) : cut])
                gain = (
                    None
                    if _NEGATIVE_BEFORE_RE.search(view, max(0, m.start - 1), m.start)
                    else (_product_gain(body, opts, after, prev))
                )
                if gain is None:
                    continue
                # 明德成长混合近一年涨幅35%: a product's gain is its return (a year's unless said)
                out.append(StatedRate(m.start, m.end, round(value, 6), "year", gain))
                continue
            if len(inner) < len(after.lstrip("的")) and _DIGIT_AFTER_RE.match(inner, head.end()) is not None:
                continue  # 返现5%（每月返现上限100元）: the bracket's cue has a figure of its own
            # 每月稳拿1.2%收益: a per-period word before the figure names the period of a cue
            # that follows it
            per = _PER_PERIOD_RE.search(before[-8:])
            cue, near = head.group(1), (per.group(1) if per is not None else "") + after
        period, factor = _period(near, view[m.end : m.end + 6], m, before)
        if (
            factor == 1
            and period == "year"
            and (
                (
                    _has(_OVER_TERM, _RANGE_WORD_RE.sub("", near))
                    and "年化" not in near
                    and "年化" not in view[m.end : m.end + 6]
                )
                or _NOT_ANNUAL_RE.search(view[m.end : m.end + 16]) is not None
            )
        ):
            # (持有到期年化2.5%, 到期收益率2.4%（年化）: already a year's rate)
            # 期限91天，期间收益率2.3%: a return over the product's stated term, not a year's
            term = _TERM_RE.search(compact) or _LOCK_TERM_RE.search(compact)
            if term is not None:
                period, factor = _term_period(term)
        out.append(StatedRate(m.start, m.end, round(value * factor, 6), period, cue))
    for m in _PER_10K_RE.finditer(view):
        # 万份收益2.8元: a money fund's daily income per 10,000 units, 2.8 × 365 / 10,000 a year
        value = parse_number(m.group(1))
        if value is not None and m.group(2):
            tenth = parse_number(m.group(2))  # 三块五: 3.5
            value = value + tenth / 10 if tenth is not None and "." not in m.group(1) else value
        if value is not None:
            out.append(StatedRate(m.start(1), m.end(), round(value * 3.65, 6), "day", "万份收益"))
    return _stacked(view, out)


#: A sum put in and what comes back over a term (1万元起，90天后可拿回10,250元; 一万块一年到手一千二
#: — rt63, rt79): the return as a rate, not a loan's repayment (借1万…还款).
_NUM = r"(?:\d[\d,]*(?:\.\d+)?|[零一二两三四五六七八九十百千]+)"
_MONEY_BACK_RE = lazyre.compile(
    rf"(?P<p>{_NUM})万(?:元|块)?(?:起)?[^，,。！!？?；;]{{0,6}}?[，,]?[^，,。！!？?；;]{{0,4}}?"
    rf"(?P<n>{_NUM}|半)?(?P<u>天|日|个月|月|年)(?:后|下来|期满|到期)?[^，,。！!？?；;]{{0,3}}?"
    # (the gain said with 多拿/赚: 1万块一年多拿1500 — c97)
    rf"(?:可|能|就能|就可|即可)?(?:拿回|到手|收回|变成|连本带利|一共拿|共拿回|取回|多拿|多赚|多得|净赚|净挣|赚|挣)"
    # (asked and answered: 十万块放一年能赚多少？一万二 — c96)
    rf"(?:多少呢?[?？](?:答[:：]|答案是|告诉您[:：]?|告诉你[:：]?)?)?(?P<b>{_NUM}(?:万)?)(?:元|块)?"
)
_TERM_DAYS = {"天": 1.0, "日": 1.0, "个月": 30.0, "月": 30.0, "年": 365.0}


def _money_back_rates(view: str) -> list[StatedRate]:
    out: list[StatedRate] = []
    for m in _MONEY_BACK_RE.finditer(view):
        c0 = max(view.rfind(c, 0, m.start()) for c in "，,。！!？?；;") + 1
        if any(w in view[c0 : m.end()] for w in ("借", "贷", "还款", "分期")):
            continue
        principal = parse_number(m.group("p"))
        back = parse_number(m.group("b"))
        n = 0.5 if m.group("n") == "半" else parse_number(m.group("n")) if m.group("n") else 1.0
        if not principal or back is None or not n:
            continue
        principal *= 10000
        gain = back - principal if back > principal else back  # 到手一千二: the gain itself
        if gain <= 0 or gain >= principal:
            continue
        days = n * _TERM_DAYS[m.group("u")]
        annual = gain / principal * 100 * 365 / days
        out.append(StatedRate(m.start("b"), m.end(), round(annual, 6), "year", "收益"))
    return out


#: A gain said as a multiple (净值翻了一番, 翻倍, 涨了一倍, 翻两番 — rt107, rt109): 翻N番 is 2^N − 1,
#: 翻倍 and 翻一倍 100%, 翻N倍 (N ≥ 2) read as N times (N − 1, the lower reading), 涨了N倍 N.
_MULTIPLE_NUM = r"\d+(?:\.\d+)?|[一两二三四五六七八九十]+"
_MULTIPLE_GAIN_RE = lazyre.compile(
    r"(?:翻了?(?P<fan>[一两二三四1-4])番|翻番|翻了?一?倍"
    rf"|翻了?(?P<times>{_MULTIPLE_NUM})倍|(?:上涨|涨|增长|增值|升值)了?(?P<up>{_MULTIPLE_NUM})倍)"
    # (not a coupon that doubles a yield, 收益翻倍卡, nor a multiple that leads to its figure,
    # 七日年化翻倍至4%: that figure is read as a rate)
    r"(?![数卡券]|[至到达]\d)"
)
#: A wish or a question, not a claim (想让资产翻倍？, 如何让本金翻一番).
_MULTIPLE_WISH = ("想", "希望", "如何", "怎样", "怎么", "能否", "是否", "能不能", "梦想")
#: …over a period said before it in its clause (近一年, 三年, 半年, 6个月; 今年以来 is a year).
_MULTIPLE_PERIOD_RE = lazyre.compile(
    # (not a calendar year or month: 自2024年成立以来, 3月起 — rt150)
    r"(?<![\d.])(?P<n>\d{1,2}(?:\.\d+)?|[一两二三四五六七八九十]+|半)(?:个)?(?P<u>年|月|季度)(?![\d前初底末])(?:来|内|里|后|间|时间)?"
    r"|(?P<ytd>今年|年内|当年)"
)
#: A return said as a multiple of a benchmark's (收益是定期存款的6倍, 比余额宝高出5倍, 5倍于存款
#: — rt118, rt119, rt67): the multiple of the benchmark's usual rate (``multiple_benchmarks``).
_BENCH_RATE_WORD = r"(?:的)?(?:利率|利息|收益率|收益|年化)?"


@cache
def _benchmark_re(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    bench = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return lazyre.compile_now(
        # (the base stated in brackets, read as stated: 一年期定期存款利率（1.5%）的6倍 — rt224)
        rf"(?:是|为|相当于|达到|达|等于|约为|约是|有|顶|抵)(?:银行|一年期?|三年期?)?(?P<b>{bench})(?:存款|储蓄)?{_BENCH_RATE_WORD}"
        r"(?:[（(](?:约|大约|约为)?(?P<base>\d+(?:\.\d+)?)%[）)])?"
        rf"的?(?P<n>{_MULTIPLE_NUM})倍"
        rf"|比(?:银行|一年期?|三年期?)?(?P<b2>{bench})(?:存款|储蓄)?{_BENCH_RATE_WORD}"
        r"(?:[（(](?:约|大约|约为)?(?P<base2>\d+(?:\.\d+)?)%[）)])?"
        rf"(?:还)?(?:高出|高|多出|多赚|多)了?(?P<n2>{_MULTIPLE_NUM})倍"
        rf"|(?P<n3>{_MULTIPLE_NUM})倍于(?:银行)?(?P<b3>{bench})"
    )


#: A return word in the clause before a benchmark multiple (收益是…, 利息相当于…): not a size or a
#: limit (额度是…的5倍).
_BENCH_RETURN_RE = lazyre.compile(r"收益|回报|利息|利率|年化|赚|挣|收入|息")
_BENCH_LOAN_RE = lazyre.compile(r"贷|借款|借钱|网贷|欠款|透支")


#: What ends the sentence a multiple is read in (the signature's bracket too).
_SENTENCE_MARKS = "。！!？?；;】"


def _mark_start(view: str, pos: int, marks: str) -> int:
    """Where the span ending at ``pos`` starts: right after the last of ``marks`` before it."""
    return max(view.rfind(c, 0, pos) for c in marks) + 1


def _mark_end(view: str, pos: int, marks: str) -> int:
    """Where the span starting at ``pos`` ends: at the first of ``marks`` after it (the text's end when none)."""
    return min((i for i in (view.find(c, pos) for c in marks) if i >= 0), default=len(view))


def _years(clause: str) -> float:
    """The period a multiple is over, from the last period word of its clause (1 when none)."""
    last = None
    for last in _MULTIPLE_PERIOD_RE.finditer(clause):  # noqa: B007 - the nearest period
        pass
    if last is None or last.group("ytd"):
        return 1.0
    n = 0.5 if last.group("n") == "半" else parse_number(last.group("n"))
    if not n or n <= 0:
        return 1.0
    return {"年": n, "月": n / 12, "季度": n / 4}[last.group("u")]


def _multiple_rates(view: str, opts: dict) -> list[StatedRate]:
    """Returns said as multiples: a gain that doubles (净值翻了一番) and a return as a multiple of
    a deposit's or a money fund's (收益是定期存款的6倍).  A gain needs a product or the reader's
    money as its subject (not 积分翻倍, 规模翻了一番, 额度翻倍) and no example's word (如果, 假设);
    over N years it is annualised compounded (十年翻一番 is about 7.2% a year)."""
    out: list[StatedRate] = []
    subjects = tuple(opts.get("multiple_gain_subjects", ()))
    blockers = tuple(opts.get("product_gain_blockers", ())) + tuple(opts.get("multiple_gain_blockers", ()))
    examples = tuple(h for h in opts.get("product_gain_hypotheticals", ()) if "…" not in h)
    leverage = tuple(opts.get("multiple_gain_leverage", ()))
    for m in _MULTIPLE_GAIN_RE.finditer(view):
        if not subjects:
            break
        c0 = _mark_start(view, m.start(), "，,。！!？?；;：:】")
        s0 = _mark_start(view, m.start(), _SENTENCE_MARKS)
        clause = view[c0 : m.start()]
        at = max((clause.rfind(w), w) for w in subjects)
        if at[0] < 0:
            # (the reader's money named in the clause before, in its sentence: 您的钱放我们这，一年就能翻一番)
            clause = view[s0 : m.start()]
            at = max((clause.rfind(w), w) for w in subjects)
            if at[0] < 0:
                continue
        if any(h in clause for h in examples) or any(w in clause for w in _MULTIPLE_WISH):
            continue
        if any(w in view[s0 : m.start()] for w in leverage):
            continue  # 10倍杠杆，小资金也能翻倍: what leverage may do, judged by the leverage rules
        if any(b in clause[at[0] + len(at[1]) :] for b in blockers):
            continue  # 资产规模翻了一番: a size, not a gain
        if m.group("fan"):
            gain = 2 ** (parse_number(m.group("fan")) or 1) - 1
        elif m.group("times"):
            gain = max(1.0, (parse_number(m.group("times")) or 2) - 1)
        elif m.group("up"):
            gain = parse_number(m.group("up")) or 1.0
        else:
            gain = 1.0
        years = _years(clause)
        annual = ((1 + gain) ** (1 / years) - 1) * 100 if years >= 1 else gain * 100 / years
        period = "year" if years == 1 else f"{years:g}年" if years >= 1 else f"{years * 12:g}个月"
        # (said done — 已翻一番, 翻了一番 — it is a past result: its statement makes it a fact — rt150)
        done = "了" in m.group() or view[max(0, m.start() - 2) : m.start()].endswith(("已", "已经"))
        out.append(StatedRate(m.start(), m.end(), round(annual, 6), period, "已翻倍" if done else "翻倍"))
    bench_re = _benchmark_re(tuple(str(w) for w, _ in opts.get("multiple_benchmarks", ())))
    if bench_re is None:
        return out
    rates = [(str(w), float(r)) for w, r in opts["multiple_benchmarks"]]
    for m in bench_re.finditer(view):
        bench = m.group("b") or m.group("b2") or m.group("b3")
        n = parse_number(m.group("n") or m.group("n2") or m.group("n3"))
        c0 = _mark_start(view, m.start(), "，,。！!？?；;】")
        if not n or (_BENCH_RETURN_RE.search(view, c0, m.end()) is None):
            continue
        if _BENCH_LOAN_RE.search(view, _mark_start(view, m.start(), _SENTENCE_MARKS), m.start()) is not None:
            continue  # 部分网贷的实际利息能达到存款利息的10倍以上: a loan's cost, taught (rt150)
        base = next((r for w, r in rates if w in bench), None)
        stated = m.group("base") or m.group("base2")
        if stated is not None:
            base = float(stated)  # the base the message states is the one it multiplies
        if base is None:
            continue
        out.append(
            StatedRate(m.start(), m.end(), round(n * base, 6), f"{bench}（按约{base:g}%计）的{n:g}倍", "倍数")
        )
    return out


#: A rate written with the English word (1 percent a month): no rate sign for the figure gates (rt178).
_EN_PERCENT_RE = lazyre.compile(r"\d\s*(?:percent|per[\s-]*cent|pct)")
#: Rates stated in English (12% p.a., 1% monthly return, target IRR 11%, 12 percent a year,
#: 12% APR paid to investors — rt79), on the no-space view; see ``_english_rates``.
_EN_GATE_RE = lazyre.compile(r"\d(?:%|percent|pct)|irr|yield|return|earn|p\.?a\.?")
#: An English period after a rate (a year, per month, /day, each day …).
_EN_PERIOD = (
    r"perannum|ayear|peryear|annual(?:ly)?|yearly|eachyear|everyyear|/year|/yr"
    r"|monthly|amonth|permonth|eachmonth|everymonth|/month|/mo"
    # (not "everyday", an adjective: 2% everyday cashback — rt238)
    r"|daily|aday|perday|eachday|/day"
    # (a week's or a quarter's rate, and p.m. for a month: 1% weekly, 3 percent a quarter, 1.5% p.m. — rt238)
    r"|weekly|aweek|perweek|eachweek|/week|quarterly|aquarter|perquarter|eachquarter|p\.m\.?"
    # (every week, every quarter, /mth — rt240)
    r"|everyweek|everyquarter|/mth"
)
_EN_RATE_RE = lazyre.compile(
    # (interest named between: pays interest at 11 percent, 10 percent interest p.a. — rt178)
    # (a target return said so, returns up to a figure: target return: 15 percent, returns up to 12% — rt238)
    r"(?P<pre>target(?:ed)?(?:irr|returns?|yield)|irr|yield|annual(?:ized|ised)?returns?|returns?of|returns?upto|earns?|pays?"
    r"|paying)(?:interest)?:?(?:of|at|upto|about|around|ashighas)?"
    # (with its period after it: pays 1 percent a month — rt178; per cent and pct spelt so — rt238)
    # (or after what it is paid on: pays 1.5% of your initial deposit every month, 1% on your money every month — rt239)
    r"(?P<a>\d+(?:\.\d+)?)(?:%|per-?cent|pct)(?:extra)?(?:interest)?(?:(?:(?:of|on|to)[a-z']{0,30}?)?(?P<post_a>"
    + _EN_PERIOD
    + r"))?"
    r"|(?P<b>\d+(?:\.\d+)?)(?:%|per-?cent|pct)(?:interest)?"
    # (p.a. as a word: not the "pa" of "past" — rt240)
    r"(?P<post>p\.?a\.?(?![a-z])|apr|irr|" + _EN_PERIOD + r")"
)
_EN_LOAN_RE = lazyre.compile(r"loan|borrow|credit|lend|cash|借|贷|还款")
#: In a figure's clause: what makes a bare "12% a year" a return, and what makes it a
#: measure of something else (15% annualized volatility, margin financing rate 8.35% per annum,
#: 0.75% per month on instalments — rt79).
_EN_RETURN_WORD_RE = lazyre.compile(r"return|earn|yield|irr|investor|income|profit|payout|gain")
_EN_OTHER_MEASURE_RE = lazyre.compile(
    # (a share of income put aside, a reward's: set aside 20% each month — rt239; not "rewards", which an
    # investment pays too)
    r"volatil|drawdown|fee|rate|charge|instal|financ|margin|loan|cost|inflation|gdp|cpi|tax|cashback|rebate|points"
    r"|setaside|putaside|budget|波动|费|利率"
)
#: (a note or a bond sold: Qinghe Plus Note: 1 percent a month — rt178)
#: Read as whole words on the folded text: "the funds are in your account" is money, not a fund (rt220),
#: "refund", "learn" and "please note" name no investment.
_EN_INVEST_RE = lazyre.compile(
    r"(?i)\binvest|\bearn(?:s|ed|ing|ings)?\b|\byields?\b|\bwealth\b|\bfund\b|\bfund'?s\b(?=\s+(?:manager|performance|return))"
    r"|\b(?:mutual|bond|equity|index|money[- ]market|balanced|hybrid|growth|income)\s+funds\b|\breturns?\b"
    r"|(?<!please )\bnotes?\b(?!\s+that)|\bbonds?\b|理财|收益|投资|起投|起购"
    # (the reader as the lender: lend your idle funds to verified borrowers … 12% a year — rt226)
    # (not a lender's own "we lend to small businesses" — rt229)
    r"|\blend (?:your|us)\b|\blend to us\b|\bidle (?:funds|money|cash)\b"
)


#: After an English figure: a share of something or a comparison (20% more reward points, 100% of the
#: sum assured, 30% off), not a rate earned.  A share "of" counts only where what it is of is named as
#: no money put in (of the sum assured, of medical costs, of your spending, pay 10% of the balance — rt178):
#: of your initial deposit, of
#: the sum you put in is the return (rt239).  Not "extra": 10% extra interest a year is a rate (rt238).
_EN_SHARE_AFTER_RE = lazyre.compile(
    r"(?:%|per-?cent|pct)(?:more|less|fewer|higher|lower|off|back|cashback|discount|rebate"
    r"|of(?:the|your|all|each|every|eligible)?[a-z]{0,15}?(?:sumassured|suminsured|medical|hospital|treatment|costs?|bills?"
    r"|expenses|spend|spending|purchases?|statement|premiums?|fees?|fares?|tickets?|bookings?|claims?|salary|income|profits?))"
)
#: After an English rate and its period: what the rate is paid in (1% monthly cashback, 2% a month in
#: loyalty points, 1% a day in Mingde coins — rt238, rt239): a reward, no return.  Not "rewards": 1.5%
#: daily rewards on an investment is a return (rt239).
_EN_REWARD_AFTER_RE = lazyre.compile(
    # (paid in something, or the reward's own name right after; not a perk said after it: 12% a year with bonus
    # vouchers, plus welcome points — rt240)
    r"(?:in|as)[a-z]{0,12}?(?:cashback|rebate|points|coins|miles|vouchers?|discount)"
    r"|(?:bonus|loyalty)?(?:cashback|rebate|points|coins|miles|vouchers?|discount)"
)
#: Something said to grow or fall right before the figure (profit grew 12%, bills have grown about 10%),
#: named in the clause as something no one invests in: the figure measures that thing.  Only a figure
#: with no return verb of its own (earn, pays, yield …), and the grown thing named: savings, capital,
#: clients' money that grew is a return (rt239); beat inflation and earn 12% is one too (rt238).
_EN_GROWTH_RE = lazyre.compile(
    r"(?:grew|grown|risen|rose|increased|fell|fallen|dropped)(?:by)?(?:about|around|nearly|almost|over|some)?$"
)
#: The reader's own payment, a share of what they owe (Minimum option: pay 10 percent of the balance — rt178):
#: only after the bare verb "pay"; a product's share of the reader's balance is its return (rt240).
_EN_PAYMENT_SHARE_RE = lazyre.compile(
    r"(?:%|per-?cent|pct)of(?:the|your)?(?:balance|outstanding|statement|bill|amountdue)"
)
#: Money words between a grown thing and its verb, or whose owners before it (customers' money rose, clients'
#: profits rose — rt240): the reader's or investors' money grew, a return.
_EN_MONEY_GROWN_RE = lazyre.compile(
    r"money|savings|capital|wealth|balance|stake|portfolio|investment|returns?|funds?"
)
_EN_OWNERS_RE = lazyre.compile(r"(?:client|customer|investor|member|holder|your|our)s?'?s?$")
_EN_PRODUCT_RE = lazyre.compile(
    r"fund|portfolio|investment|nav|unitvalue|note|bond|plan|product|wealth|deposit"
)
_EN_GROWN_THING_RE = lazyre.compile(
    r"profit|bills?|prices?|costs?|inflation|phishing|fraud|scams?|texts?|cases|premiums|salar|wages|gdp|sales"
    r"|revenue|users|customers|members(?!'|hip)|complaints|rents?|fees|expenses|tuition|spending|population"
)
#: A warning before an English figure in its clause, naming something suspicious as what it warns of
#: (be wary of anyone promising returns of 20% a year; not beware of missing out, watch out for our new
#: plan — rt239), or a verdict on it after, in its sentence (…20% a year on crypto deposits are scams):
#: not a question, nor a verdict on others or in others' mouths (Think 15% a year is fake?, unlike
#: platforms that were fraudulent, they said it was a scam — rt239).  Not "never", which a floor claim
#: says too (never lower than a target return of 8.5% — rt21).
_EN_WARNING_BEFORE_RE = lazyre.compile(
    r"(?:bewary|beware|becareful|watchout)(?:of|for)(?:any|anyone|those|people|schemes?|offers?|calls?|messages?"
    r"|texts?|platforms?|apps?|promises?|claims?|fake|fraud|scam|strangers?|unlicensed|illegal|so-called|unknown)"
)
#: Verbs that state a rate only with a period or in a message about investing (see :func:`_english_rates`).
_EN_PLAIN_VERBS = frozenset({"earn", "earns", "pay", "pays", "paying"})
#: The sender's own offer between a warning and the figure (and download our app to earn …, join us …).
_EN_OWN_OFFER_RE = lazyre.compile(
    r"(?<![y])our|(?<![a-z])we|withus|joinus|download|and(?:get|earn|enjoy|join)"
)
_EN_VERDICT_AFTER_RE = lazyre.compile(
    r"(?:is|are)(?:a|all|always|usually|often)?(?:scams?|fraud|fraudulent|fraudsters?|scammers?|illegal|fake)(?![a-z])"
)
_EN_VERDICT_OTHERS_RE = lazyre.compile(
    r"unlike|than|other|said|says|think|thought|claim|call|believ|until|who"
)


def _grown_elsewhere(clause: str, verb: int) -> bool:
    """Whether the thing said to grow right before ``verb`` in ``clause`` is no money put in: named
    (profit, bills, prices …) at most a few words before the verb, with no money word between and no
    owner of it before (customers' money rose, clients' profits rose are returns — rt240)."""
    near = max(0, verb - 16)
    for thing in _EN_GROWN_THING_RE.finditer(clause, near, verb):
        if _EN_MONEY_GROWN_RE.search(clause, thing.start(), verb) is None and (
            _EN_OWNERS_RE.search(clause, max(0, thing.start() - 10), thing.start()) is None
        ):
            return True
    return False


#: Each English period's marks (one of them in the words after the figure) and its factor to a year, in the
#: order they are tried; none of them is a year's rate (p.a., annually, /yr).
_EN_PERIOD_FACTORS = (
    ("month", 12.0, ("mo", "p.m", "mth")),
    ("day", 365.0, ("da",)),
    ("week", 52.0, ("week",)),
    ("quarter", 4.0, ("quarter",)),
)


def _english_period(post: str) -> tuple[str, float]:
    """The period an English rate is quoted for (``post``: the words :data:`_EN_PERIOD` read after
    it) and its factor to a simple annual rate."""
    for period, factor, marks in _EN_PERIOD_FACTORS:
        if any(mark in post for mark in marks):
            return period, factor
    return "year", 1.0


def _english_warning(view: str, start: int, end: int) -> bool:
    """Whether the English clause before ``view[start:end]`` warns against it, or its sentence
    after it gives a verdict on it (the context pass's warning verbs reach a few characters, an
    English object is words long)."""
    # (a dash ends a clause too: Watch out for fake apps — 明德稳盈1号 pays 15% a year — rt240)
    c0 = max(view.rfind(c, 0, start) for c in ",.;:!?，。；：！？—–") + 1
    c1 = min((i for i in (view.find(c, end) for c in ",;:!?，。；：！？—–") if i >= 0), default=len(view))
    s1 = min((i for i in (view.find(c, end) for c in ".;!?。；！？") if i >= 0), default=len(view))
    c1 = min(c1, s1)
    warned = _EN_WARNING_BEFORE_RE.search(view, c0, start)
    if warned is not None and _EN_OWN_OFFER_RE.search(view, warned.end(), start) is None:
        return True  # (not the sender's own offer after the warning: …fake apps and download our app to earn 15% — rt240)
    # (the verdict in the figure's own clause: not …12% a year — inflation is a scam — rt240)
    verdict = _EN_VERDICT_AFTER_RE.search(view, end, c1)
    return (
        verdict is not None
        and view[s1 : s1 + 1] not in "?？"
        and _EN_VERDICT_OTHERS_RE.search(view, end, verdict.start()) is None
    )


def _english_rates(view: str, words: str) -> list[StatedRate]:
    """Rates an English cue states, before or after the figure; not a loan's (24% APR on a
    loan or cash offer, unless the message speaks of investing or a return: ``words``, the folded
    text, whose spaces bound the words)."""
    invested = _EN_INVEST_RE.search(words) is not None
    if not invested and _EN_LOAN_RE.search(view) is not None:
        return []
    out: list[StatedRate] = []
    for m in _EN_RATE_RE.finditer(view):
        figure = m.group("a") or m.group("b")
        value = parse_number(figure)
        if value is None:
            continue
        post = m.group("post") or m.group("post_a") or ""
        c0 = max(view.rfind(c, 0, m.start()) for c in ",.;:!?，。；：！？—–") + 1
        ends = [i for i in (view.find(c, m.end()) for c in ",;:!?，。；：！？") if i >= 0]
        clause = view[c0 : min(ends, default=len(view))]
        if not m.group("pre") and (
            _EN_RETURN_WORD_RE.search(clause) is None
            and (_EN_OTHER_MEASURE_RE.search(clause) is not None or not invested)
        ):
            continue  # a rate of something else, or no investment in the message
        if m.group("pre") in _EN_PLAIN_VERBS and not post and not invested:
            continue  # pays 100% upon diagnosis, earn 10 pct back: no period, nothing invested (rt240)
        figure_end = m.end("a") if m.group("a") else m.end("b")
        if _EN_SHARE_AFTER_RE.match(view, figure_end) is not None or (
            m.group("pre") == "pay" and _EN_PAYMENT_SHARE_RE.match(view, figure_end) is not None
        ):
            continue  # earn 20% more reward points, pays 100% of the sum assured: a share, no return
        if (
            not m.group("pre")
            and (grown := _EN_GROWTH_RE.search(clause[: m.start() - c0])) is not None
            and _grown_elsewhere(clause, grown.start())
            and _EN_PRODUCT_RE.search(clause, 0, m.start() - c0) is None
        ):
            continue  # net profit grew 12% a year, bills have grown about 10% a year: something else grew
        if post and _EN_REWARD_AFTER_RE.match(view, m.end()) is not None:
            continue  # 1% monthly cashback: a reward's share
        if _english_warning(view, m.start(), m.end()):
            continue  # be wary of anyone promising returns of 20% a year: warned against
        period, factor = _english_period(post)
        at = m.start("a") if m.group("a") else m.start("b")
        out.append(StatedRate(at, m.end(), round(value * factor, 6), period, "收益"))
    return out


#: An annual rate written as a fraction of one right after its cue (年化收益率约为0.096,
#: 年化收益零点一二): 0.096 is 9.6%.  Only an annual cue, and not a figure with a unit or a
#: percent sign after it (年化0.5%, 年化收益0.5万元).
_FRACTION_RE = lazyre.compile(
    r"(?P<cue>年化收益率|年化回报率|年化利率|年化收益|年化回报|年化|年收益率)"
    r"(?:约为|约合|约|为|达|高达|可达|是|达到|在|大概|大约|≈|[:：])*"
    # (not the low end of a percent range: 0.9~1.5%)
    r"(?P<f>0\.\d{1,4}|[零〇]点[零〇一二三四五六七八九]{1,4})(?![\d%％‰万千元块倍个点~～\-—至到])"
)


#: An annual rate with its percent sign left off, the clause ending on the figure (近一年年化9.2，
#: — rt189): a bare figure of 1–99 right after an annual cue, nothing after it but the clause's
#: end, is that many percent.  Not a figure with a unit, a range or more digits after it
#: (年化9.2%, 年化3.5-4.0%, 年化收益9.2万元), nor one inside a longer clause.
_BARE_PERCENT_RE = lazyre.compile(
    r"(?P<cue>年化收益率|年化回报率|年化收益|年化回报|年化|年收益率)"
    r"(?:约为|约合|约|为|达|高达|可达|是|达到|大概|大约|≈|[:：])*"
    # (or an approximation after it: 年化9.6上下 — rt192)
    r"(?P<f>[1-9]\d?(?:\.\d{1,2})?)(?=[，,。；;！!？?]|$|左右|上下|附近|以上)"
)


def _may_state_fraction(text: str) -> bool:
    """A cheap test that ``text`` can hold an annual rate written as a fraction of one
    (_FRACTION_RE: 年化…0.096, 年化…零点一二) or with its percent sign left off (_BARE_PERCENT_RE:
    年化9.2，), which the rate gates' characters do not cover."""
    return (("0." in text or "点" in text) and "年" in text) or (
        ("年化" in text or "年收益率" in text) and _BARE_PERCENT_RE.search(text) is not None
    )


#: A figure after a cue inside a bracket (（每月返现上限100元）): the cue is that figure's.
_DIGIT_AFTER_RE = lazyre.compile(r"[^)）\]】]*?\d")


#: Others' results named before a past-performance statement (别家的历史收益不能保证未来): the
#: statement is about them, not about the figure sold.
_OTHERS_RE = lazyre.compile("别家|别人|他家|其他|其它|同业|友商|市面上|他们")
#: The product itself named beside others (本基金及…其他基金过往业绩不代表未来表现): its own statement.
_OWN_PRODUCT_RE = lazyre.compile("本基金|本产品|该基金|该产品|本理财|本计划|本行")
#: Risk words right before a forward word (波动还会更高): the risk rises, no return is promised.
_RISK_NEAR_RE = lazyre.compile("波动|风险|回撤|亏损|下跌")
#: A money fund's daily income per 10,000 units, in yuan (万份收益2.8元, 每万份收益0.52元), or a
#: product's per 10,000 yuan a day (万元日收益3元); not a loan's 万元每天利息 (DIS004's).
#: (每万份日收益约三块五: the day named, the figure in words with 块 and its tenth — c73)
_PER_10K_RE = lazyre.compile(
    r"(?:万份(?:基金)?(?:单位)?(?:日|每日|每天)?收益|(?:每)?万元(?:每)?(?:日|天)(?:收益|回报))"
    r"(?:为|约|达|高达|是|大约|约为|有)?[:：]?(\d+(?:\.\d+)?|[零一二两三四五六七八九十]{1,3})(?:元|块)"
    r"([一二三四五六七八九]|\d)?(?![\d万千百亿角毛分])"
)
#: Multiplication signs: a percentage next to one weighs an index, it states no return.
_TIMES = frozenset("×*✕╳")
#: (and a period counted as one: 一天稳赚3个点, 一个月轻松拿2% — c94)
_PER_PERIOD_RE = lazyre.compile(
    # (not a product's name: 一天通知存款, 七天通知存款 — rt85)
    "(每月|按月|每个月|每天|每日|按日|按天|一天(?!通知存款|通知储蓄)|一日(?!通知存款|通知储蓄)|一个月|每周|一周)[\u4e00-\u9fff]{0,4}$"
)
#: A cue that names its own period (年化, 月息, 日收益): no period word before it applies.
_OWN_PERIOD_RE = lazyre.compile("[年月日天周季]")
#: Words that may stand alone between a cue's clause and its figure (年化收益，高达12%).
_LINKS = "高达可达达为约是有最高超过近"
_STACK_RE = lazyre.compile(r"^[^，,。！!？?；;]{0,8}?[+＋]")
#: A boost said in words after a rate (年化4.5%，额外再加息7.5%; 新客再享加息券5%): added to it too (rt100),
#: unless the second figure is the total it comes to (加息至4.8%, 叠加加息券后可达5.0%, 加息后年化7.5% — rt102).
_BOOST_RE = lazyre.compile(r"^[，,]?[^，,。！!？?；;]{0,8}?(?:加息|叠加|额外再?加|再加)")
#: (the total after the boost: 后 or 至 names it — 叠加加息券后可达5.0%, 加息至4.8%; not 加息幅度为4%,
#: 加息最高可达4%, the boost itself — rt103)
#: (a total is at least the base and is said to be one at the gap's end — 后可达5.0%, 加息至4.8%, 一起共7.8%,
#: 加息到7.9%; 首购后再加息3.5%, 加息幅度为4% are boosts — rt103, rt104)
#: (后/至/到/共 right before the figure or its 可达/为: 加息幅度为4.5%, 再加息可达4.5% are boosts, …后实际年化5%
#: a total — rt105)
_BOOST_TOTAL_RE = lazyre.compile(
    r"(?:(?:后|至|到|共|共计|合计|总计|提升到|提高到|升到)(?:实际|最终)?(?:可获得?|可享|可达|达到|达|为)?"
    r"(?:年化|收益率?|利率)?(?:约|高达)?"
    # (or the figure introduced as the annual rate itself: 叠加加息券年化可达7.8% — rt104)
    r"|(?:年化|年化收益率?)(?:可达|达到|高达|为|约))$"
)
#: …or the boost named after its figure (新客再享4%加息, 首月另享4%奖励收益).
_BOOST_BEFORE_RE = lazyre.compile(r"^[，,]?[^，,。！!？?；;]{0,8}?(?:再享|另享|额外享|还享|再送|另送|加享)$")
#: (no ``^``: it is matched at the figure's end, where ``^`` never holds — the form was never read, rt102)
_BOOST_AFTER_RE = lazyre.compile(r"(?:的)?(?:加息|奖励收益|额外收益|加息收益|奖励利率|补贴收益)")


def _added_on(view: str, prev: StatedRate, nxt: StatedRate) -> bool:
    """Whether ``nxt`` is added on to ``prev``: joined by a plus (6%+加息券4%), or a boost said in
    words (额外再加息7.5%, 再享4%加息) that is not the total it comes to (加息至4.8%)."""
    gap = view[prev.end : nxt.start]
    if _STACK_RE.match(gap + "+") is not None and "+" in gap.replace("＋", "+"):
        return True
    if _BOOST_RE.match(gap) is not None and not (
        nxt.annual >= prev.annual and _BOOST_TOTAL_RE.search(gap) is not None
    ):
        return True
    return _BOOST_BEFORE_RE.match(gap) is not None and _BOOST_AFTER_RE.match(view, nxt.end) is not None


def _stacked(view: str, rates: list[StatedRate]) -> list[StatedRate]:
    """Components added up (年化收益：6%+加息券4%+新客奖励3%) are one promised rate: their
    sum is reported on the whole span as well."""
    out = list(rates)
    i = 0
    while i < len(rates):
        j = i
        while (
            j + 1 < len(rates)
            and rates[j + 1].period == rates[i].period
            and _added_on(view, rates[j], rates[j + 1])
        ):
            j += 1
        if j > i:
            total = sum(r.annual for r in rates[i : j + 1])
            out.append(
                StatedRate(rates[i].start, rates[j].end, round(total, 6), rates[i].period, rates[i].cue)
            )
        i = j + 1
    return out


@cache
def _gain_patterns(
    cues: tuple[str, ...],
    subjects: tuple[str, ...],
    blockers: tuple[str, ...],
    moves: tuple[str, ...] = (),
    hypotheticals: tuple[str, ...] = (),
    pitches: tuple[str, ...] = (),
) -> tuple | None:
    """PRO007's product-gain words as regexes, built once per rule data: the gain word ending
    the clause before a figure (or right after it), the product words, the measures that are no
    product's, the short periods of a market move."""
    if not cues or not subjects:
        return None
    alt = "|".join(map(re.escape, sorted(cues, key=len, reverse=True)))
    cue_after = re.compile(rf"的?(?P<cue>{alt})")
    never = re.compile(r"(?!x)x")
    # (a day's word heading a pick is no move: 本周力荐：…累计上涨80% — rt109)
    heading = "(?!" + "|".join(map(re.escape, pitches)) + ")" if pitches else ""
    move = re.compile("(?:" + "|".join(map(re.escape, moves)) + ")" + heading) if moves else never
    # (需要…才: a word before the figure that is an example only with its partner after it —
    # 需要上涨100%才能回本, not 投资需要耐心：…涨幅96% — rt109)
    single = [h for h in hypotheticals if "…" not in h]
    hypothetical = re.compile("|".join(map(re.escape, single))) if single else never
    paired = tuple(
        (re.compile(re.escape(a)), re.compile(re.escape(b)))
        for a, b in (h.split("…", 1) for h in hypotheticals if "…" in h)
    )
    gain = re.compile(rf"(?P<cue>{alt})(?:达到|达|为|高达|超过|超|近|约为|约|竟达|足足)?$")
    # (a share class right after a name: 成长A, 红利C)
    subject = re.compile(
        "|".join(map(re.escape, sorted(subjects, key=len, reverse=True)))
        + r"|(?<=[\u4e00-\u9fff])[ac](?![a-z0-9股])"
    )
    # (a measure's word after 为/给/帮 is who gains, not what is measured: 为用户带来涨幅38% — rt109)
    blocker = re.compile("(?<![为给帮])(?:" + "|".join(map(re.escape, blockers)) + ")") if blockers else never
    return gain, subject, blocker, cue_after, move, hypothetical, paired


#: A period longer than a week between a product and its gain (近一年, 今年以来, 成立以来, 过去6个月).
_LONGER_PERIOD_RE = lazyre.compile(
    r"近|过去|以来|去年|今年|前年|累计|\d+年|[一二两三四五六七八九十半]+年|个月|季度"
)
#: A minus sign or 负 right before a figure: a loss (涨跌幅为-18.5%), never a return.
_NEGATIVE_BEFORE_RE = lazyre.compile(r"[-－−—负]")


def _product_gain(before: str, opts: dict, after: str = "", prev: str = "") -> str | None:
    """The gain word (涨幅, 累计上涨 …) that makes the figure after ``before`` (its clause so
    far, body only) a product's return: the clause names a fund or wealth product before it,
    the nearest such word with no market, price or account measure between (沪深300指数涨幅,
    额度涨幅 and 基金经理说大盘涨幅 are not a product's), and no short-term market move (今日,
    单日, 本周 …: a day's or a week's move is market news — rt107).  The gain word may also
    follow the figure (斩获35%的涨幅), and the product the gain (涨幅35%的明德成长混合 — rt107).
    A clause that names no product nor any other measure continues ``prev``, the clause before
    it in its sentence (明德成长混合成立以来表现优异，累计涨幅达120% — rt109)."""
    patterns = _gain_patterns(
        tuple(opts.get("product_gain_cues", ())),
        tuple(opts.get("product_gain_subjects", ())),
        tuple(opts.get("product_gain_blockers", ())),
        tuple(opts.get("product_gain_moves", ())),
        tuple(opts.get("product_gain_hypotheticals", ())),
        tuple(opts.get("product_gain_pitches", ())),
    )
    if patterns is None:
        return None
    gain_re, subject_re, blocker_re, cue_after_re, move_re, hypothetical_re, paired = patterns
    if hypothetical_re.search(before) is not None:
        return None  # 假设一只基金第一年涨了50%: an example, not a product's return
    if paired and any(
        first.search(before) is not None and second.search(_clause_head(after)) is not None
        for first, second in paired
    ):
        return None  # 净值下跌50%后需要上涨100%才能回本: arithmetic, not a product's return
    # (a day's word in the clause before dates the move too: 今日半导体板块大涨，相关ETF涨幅9.8%)
    move = move_re.search(before) or (move_re.search(prev) if prev else None)
    g = gain_re.search(before)
    if g is None:
        cue_after = cue_after_re.match(after)
        if cue_after is None:
            return None
        end, cue = len(before), cue_after.group("cue")  # 斩获35%的涨幅: the gain word after the figure
    else:
        end, cue = g.start(), g.group("cue")
    last = None
    for last in subject_re.finditer(before, 0, end):  # noqa: B007 - the nearest product word
        pass
    if move is not None and (last is None or _LONGER_PERIOD_RE.search(before, last.end(), end) is None):
        return None  # 今日半导体ETF涨幅9.8%: a day's move (not 今日推荐：…混合近一年涨幅35% — rt108)
    if last is not None and blocker_re.search(before, last.end(), end) is None:
        return cue
    if last is None and prev and move is None and blocker_re.search(before, 0, end) is None:
        # the product named in the clause before, nothing else measured since
        if hypothetical_re.search(prev) is not None:
            return None
        for last in subject_re.finditer(prev):  # noqa: B007 - the nearest product word
            pass
        if last is not None and blocker_re.search(prev, last.end()) is None:
            return cue
    if g is not None and after.startswith("的"):
        # 近一年涨幅35%的明德成长混合: the product named right after the figure
        named = subject_re.search(after, 1, 14)
        if named is not None and blocker_re.search(after, 1, named.start()) is None:
            return cue
    return None


#: Before the recipient's own word, a pitch's lead-in (适合您持有的, 值得您持有的 — rt113): no holding.
_PITCH_BEFORE = ("适合", "值得", "推荐", "建议", "可供", "为您", "向您")


#: A push anywhere in the message (主推的稳健组合收益率达16.8%，立即一键跟投 — rt156; …远超您当前持仓。
#: 开通一键跟投请回复1 — rt157): the portfolio is on offer, not the recipient's own.
_PUSHED_RE = lazyre.compile(
    r"主推|推荐|精选|优选|跟投|一键|加仓|认购|申购|购买|抢购|起投|起购|欢迎|热销|新发|开放|远超|远高于|匹配|回复\d|详询|退订|追加"
    r"|加微信|加v|微信|同步|跟单|带单|实盘|vip|调整配置|配置|同期|相比|对比"
)
#: A return said of an account or portfolio as a whole (全年账户收益率, 组合整体收益), not of a product,
#: nor of one watched, recommended or averaged (您关注的组合, 同类账户平均), nor one to come (可达, 预计).
_ACCOUNT_RETURN_RE = lazyre.compile(
    r"(?<!关注的)(?<!推荐的)(?<!精选的)(?<!同类)(?<!平均)(?:账户|帐户|持仓|资产)(?:整体|总|累计|的)?(?:收益率|收益|回报率|回报|盈亏)"
    r"(?!可达|可至|预计|预期|目标|有望|最高)"
)
#: The period a reported figure is of (全年, 本年, 2026年度, 上月, 累计, 截至…): what happened, not a promise.
_PERIOD_RE = lazyre.compile(
    r"全年|本年|今年|上年|去年|年度|本月|上月|当月|本季|上季|累计|截至|近一年|近1年|以来|\d{4}年"
    r"|\d{1,2}月(?:份)?(?:对账单|账单)"
)


def _owned_at(text: str, word: str) -> bool:
    """Whether ``word`` (您持有的 …) stands in ``text`` as the recipient's own, not after a pitch's
    lead-in (最适合您持有的明德成长混合 offers a fund)."""
    at = text.find(word)
    while at >= 0:
        if not text[max(0, at - 2) : at].endswith(_PITCH_BEFORE):
            return True
        at = text.find(word, at + 1)
    return False


def _clause_tail(text: str) -> str:
    cut = max(text.rfind(d) for d in "，,。！!？?；;")
    return text[cut + 1 :] if cut >= 0 else text


def _clause_head(text: str) -> str:
    cuts = [i for i in (text.find(d) for d in "，,。！!？?；;") if i >= 0]
    return text[: min(cuts)] if cuts else text


_YEARLY = ("年化", "年收益", "年利率", "年息", "每年", "年回报", "年均", "年率", "按年", "一年")
#: Every rate figure :func:`read_rates` reads needs one of these characters.
_RATE_GATE = literal_gate(RATE_PATTERN)
#: What a rate figure (or the money an implied rate is read from) needs somewhere in the
#: text (see :func:`any_search`): the usual answers (an amount in 元, a % sign) come first,
#: so most messages stop after one or two searches.
_quick = any_search(
    r"[\d一二两三四五六七八九十百千]\s*(?:万元|万|千元|千|元|块)",
    r"[%％‰‱]",
    # (a rate in English words: 10 percent interest p.a., 1 percent a month — rt178; read by _english_rates)
    r"\d\s*(?:percent|per[\s-]*cent|pct)",
    r"分\s*之",
    r"[月年日]\s*息",
    r"[月年]\s*(?:收益|回报|利率|利|化)\S{0,3}\s*\S{1,3}\s*分",
    # (a verb between the period and the folk rate: 每个月能拿到一分二 — rt146)
    r"[月年]\S{0,8}?(?:拿|赚|到|有|是|达|在)\S{0,2}?[一二两三四五六七八九\d]\s*分",
    r"个\s*点",
    r"厘",
    r"分\s*利",
    r"[一二两三四五六七八九十\d]\s*成",
    r"基\s*点",
    r"百分点",
)


_DAILY = (
    "日返",
    "每天返",
    "每日返",
    "日收益",
    "日息",
    "日利率",
    "日化",
    "每日",
    "每天",
    "天天",
    "日回报",
    "按日",
    "一天",
    "日赚",
    "天赚",
    "日均收益",
    "日利",
    "日费率",
    "天收益",
)
_MONTHLY = (
    # 月月 only with what is paid (月月分红), never alone: 明德月月盈 is a product's name
    "月月分红",
    "月月返",
    "月月派",
    "月月付息",
    "月月领",
    "月返",
    "每月返",
    "月收益",
    "月息",
    "月利率",
    "月化",
    "每月",
    "每个月",
    "月回报",
    "按月",
    "月赚",
    "月均收益",
    "月利",
    "月费率",
    "一个月",
)
_WEEKLY = ("周返", "周收益", "每周", "周化", "周回报", "周利率", "一周", "每个星期", "每星期")


def _has(words: tuple[str, ...], text: str) -> bool:
    return any(w in text for w in words)


_N_DAYS_RE = lazyre.compile(
    r"(?<![\d.])(\d+)(?:个)?(?:天|日)(?:期)?(?:内|后|的)?(?:收益|回报|利息|可得|可获)"
)
_QUARTERLY = ("季度", "每季", "季收益", "季返", "季化", "一季")
_HALF_YEARLY = ("半年",)
_PERIOD_ZH = {"day": "日", "month": "月", "week": "周", "year": "年", "quarter": "季度", "half-year": "半年"}


#: Forms that name their own cue (and, for 分/厘/per-unit pricing, their own period).
_OWN_CUE = {"分": "月息", "厘": "月息", "万分之": "万分之", "per_unit": "日息"}
_FORM_PERIOD = {"day": ("day", 365.0), "month": ("month", 12.0), "year": ("year", 1.0)}


#: Cues of a return over the product's whole term (期间收益率, 持有期收益, 区间收益率): with the
#: term stated elsewhere in the message (期限91天), the figure is over that term.
#: A return over the product's term, not a year's (期间收益率2.3%; 180天期，到期收益率5%).
_OVER_TERM = ("期间", "持有期", "区间", "全期", "整期", "到期", "期满", "满期")
#: Spending right before a rebate's figure (消费享10%返利, 刷卡返5%返现).
_SPEND_BEFORE_RE = lazyre.compile("消费|刷卡|购物|支付|买单|加油")
#: A figure said right after it not to be a year's (收益率6.3%（封闭期累计，非年化） — rt189): a
#: return over the stated term, like an _OVER_TERM cue's.
_NOT_ANNUAL_RE = lazyre.compile("^[^。！!？?；;]{0,10}?(?:非|未经?|不)年化")
#: 收益区间 / 收益率区间 names a range of (yearly) rates, not a return over the interval
#: (区间收益): a structured deposit's 期限91天，收益区间1.30%-2.65% is 2.65% a year (c90);
#: not after a word that puts the range over one period (单期收益区间, 本期收益区间: rt80).
_RANGE_WORD_RE = lazyre.compile(r"(?<!单期|本期|每期|期间|到期|全期|整期)(?:收益率?|利率|回报率?)区间")
#: A length of time after its word: the number and its unit (two groups, read by :func:`_term_period`).
_TERM_LENGTH = r"(?:为|是|共|[:：])?(\d{1,4}|[一二两三四五六七八九十百]{1,4})(?:个)?(天|日|月|年)"
_TERM_RE = lazyre.compile(
    # (in years too: 产品期限2年 — rt191; 存续 too, and not a subscription's window: 存续91天, 认购期限3天 — rt192)
    rf"(?<!认购)(?<!申购)(?<!募集)(?<!发行)(?:期限|存续期限|存续期|存续){_TERM_LENGTH}"
    r"|(\d{1,4}|[一二两三四五六七八九十百]{1,4})(?:个)?(天|日|月)期(?!限)|(?P<half>半年期|期限半年|期限为半年)"
)
#: …else the time the money is locked (封闭9个月, 封闭期180天 — rt189): only where no term is stated,
#: since a lock-up is shorter than the term a return is paid over (期限2年，封闭期3个月 — rt191).
_LOCK_TERM_RE = lazyre.compile(rf"(?:封闭|锁定)期?{_TERM_LENGTH}")


def _term_period(term: re.Match[str]) -> tuple[str, float]:
    """A stated term as a period and its factor to a year (91天: 365/91; 6个月: 12/6)."""
    if term.groupdict().get("half"):
        return "6个月", 2
    number, unit = (g for g in term.groups() if g is not None)
    n = int(parse_number(number) or 0)
    if n <= 0:
        return "year", 1
    if unit == "年":
        return f"{n}年", 1 / n
    if unit == "月":
        return f"{n}个月", 12 / n
    return f"{n}天", 365 / n


def _period(near: str, after: str, m: Figure, clause: str = "") -> tuple[str, float]:
    """The period a rate is quoted for, and its factor to a year, from explicit words
    around its cue (never dates).  N天收益 is a rate over N days (持有满30天收益0.3% is
    3.65% a year), not a daily rate.  月息N分, N厘 and 每万元每天N元 carry their period."""
    if m.form in ("分", "厘", "per_unit") and m.period in _FORM_PERIOD:
        return _FORM_PERIOD[m.period]
    if _has(_HALF_YEARLY, near):
        return "half-year", 2
    if _has(_YEARLY, near):
        return "year", 1
    days = _N_DAYS_RE.search(clause or near)
    if days is not None:
        n = int(days.group(1))
        if n > 1:
            return f"{n}天", 365 / n
    if _has(("/天", "/日", "每天", "每日", "一天"), after[:4]):
        return "day", 365
    if _has(("/月", "每月", "一个月"), after[:4]):
        return "month", 12
    if _has(_QUARTERLY, near):
        return "quarter", 4
    if _has(_DAILY, near):
        return "day", 365
    if _has(_MONTHLY, near):
        return "month", 12
    if _has(_WEEKLY, near):
        return "week", 52
    if m.form == "万分之":
        return "day", 365  # 万分之N is quoted per day
    return "year", 1


@dataclass(slots=True, frozen=True)
class WrittenRate:
    """A rate as written in a text, with its period and simple annual equivalent."""

    text: str
    period: str
    annual: float
    cue: str


def annualised_rates(text: str) -> list[WrittenRate]:
    """Every rate a cue introduces in ``text``, converted like PRO007 does (日息×365, 月息×12).

    For callers without a checker message (the rewrite's fact validators compare a supplied
    APR with the draft's 日息0.03%): one conversion for the whole product.
    """
    from types import SimpleNamespace

    from assistant.checker.rulespec import rule_spec
    from assistant.text.normalize import normalize

    opts = rule_spec("PRO007").options
    cue_re = _default_cue_pattern()
    nt = normalize(text)
    out = []
    for rate in stated_rates(SimpleNamespace(nt=nt), opts, cue_re):  # type: ignore[arg-type]
        start, end = nt.nospace_span(rate.start, rate.end)
        out.append(WrittenRate(text[start:end], rate.period, rate.annual, rate.cue))
    return out
