"""DIS004: an annualised borrowing cost above the configured ceiling (default 24 %).

The figures are read and converted exactly as PRO007 reads returns (one conversion in
:mod:`returns`: 日息/月息/万分之/千分之/月息N分 → annual, ranges at their upper bound),
with PRO007's cue words; only loan messages and loan cues count, and a deposit rate or a
yield is never a borrowing cost.  The simple annualisation decides; when only the
compounded (IRR) figure is above the ceiling the finding is a warning for review, unless
the message says its rate is simple (单利), as FIN-APR allows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.detectors.returns import (
    _PERIOD_ZH,
    LOAN_COST_GATE,
    LOAN_PRINCIPAL_GATE,
    StatedRate,
    cached_stated_rates,
    cue_pattern,
    has_rate_figure,
    implied_loan_rates,
)
from assistant.checker.models import Finding
from assistant.checker.rulespec import rule_spec
from assistant.paths import rules_dir
from assistant.text import lazyre
from assistant.text.numbers import parse_cn_number

if TYPE_CHECKING:
    from assistant.checker.message import Message


#: The period words a fee is charged by, longest first where one begins another (每季度, 每季):
#: the keys of _FEE_PERIODS, written once for every pattern that reads a fee's period.
_PERIODS = "每个月|每月|按月|每期|按期|每季度|按季度|每季|按季|每日|按日|每天|每周|每年|按年"
#: A fee charged on top of the stated rate, per period, as a share of the principal (另收服务费每月1.5%,
#: 另收信息服务费，每月为借款本金的2%) or in yuan (另收会员费每月199元（借1万元）) — rt90: the stated
#: rate is not the whole cost of the loan (FIN-APR asks for the comprehensive annual cost).
_FEE_ADDED_RE = lazyre.compile(
    # the period before the charge (每月另收服务费1.5% — rt93) …
    # (仅收, 只收 too: 每周仅收账户管理费1% — rt204)
    rf"(?P<p1>{_PERIODS})?(?:仅需|只需|还需|需|仅|只)?"
    # (收 alone too: 每月收手续费1% — rt105)
    # (另有 too: 另有服务费按月收取 — rt109)
    r"(?:另收|另外收取|另需(?:支付|缴纳|收取)?|另有|加收|额外收取|额外收|还需(?:支付|缴纳|交)|需另付|另付|另交|另缴|收取"
    # (收 only right before the fee's name, not 收息，月服务费…; plain payments too: 每月需支付服务费1% — rt106)
    r"|收(?=[^，,。！!？?；;]{0,2}?(?:服务费|会员费|手续费|担保费|管理费|咨询费))|需?支付|需?缴纳|需?交纳|扣除|扣收)"
    # … or fused into the fee's name (月服务费 — rt93) …
    r"[^。！!？?；;]{0,6}?(?P<p2>月|日|年)?(?:服务费|会员费|信息服务费|担保费|咨询费|管理费|风险保障金|保障金|技术服务费|平台费|审核费"
    r"|账户管理费|撮合费|手续费|保费|保险费|保证保险费)"
    # … or after it (另收服务费每月1.5%, 每月为借款本金的2%)
    rf"[^。！!？?；;]{{0,4}}?(?P<p3>{_PERIODS})?"
    # (or a rate named by its period: 另收服务费日费率0.03% — rt100)
    r"(?:(?P<p5>日|月|年)(?:费率|利率))?"
    r"(?:为|收取|收|按)?"
    # (the figure in the next clause, named as the fee's rate: 另有服务费按月收取，费率0.6% — rt109)
    # (…or its period: 按季收取，每季为借款本金的4% — rt112)
    r"(?:[，,](?:费率|收费标准|标准|每期|每月|每季度|每季|每年)?(?:为|是)?)?"
    r"(?:借款)?(?:本金|借款金额|贷款金额|借款额)?(?:的)?"
    # (or a rate per thousand: 每期另收账户管理费千分之七 — rt111; read by _fee_value)
    r"(?:(?P<value>\d+(?:\.\d+)?)(?P<unit>%|元)|千分之(?P<permille>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十点]+))"
    # (the period after the amount: 另收会员费300元/月 — rt94; not 20元月底 — rt95; per instalment or
    # quarter: 另收账户管理费0.6%/期 — rt109)
    r"(?:(?:/|每)(?P<p4>月|日|天|年|期|季))?"
)
#: A fee named right after its period with no verb (每期手续费1%, 每月服务费0.5% — rt105): charged as
#: plainly as with one; the same groups as _FEE_ADDED_RE.
#: The fees charged on top of a rate, by name (保障费 too: 信用保障费 — rt224); an instalment's 手续费 is added
#: where the name alone is read, not where a share of the principal is (see _FEE_BY_RE).
_CHARGED_FEES = "服务费|会员费|担保费|咨询费|管理费|平台费|撮合费|保障费"
_FEE_NAMES = rf"(?:[\u4e00-\u9fff]{{0,2}}?(?:{_CHARGED_FEES}|手续费))"
_FEE_BARE_RE = lazyre.compile(
    rf"(?P<p1>{_PERIODS})(?P<p2>){_FEE_NAMES}"
    # (…为借款金额的1% — rt106)
    r"(?:费率|率)?(?P<p3>)(?P<p5>)(?:为|是)?(?:借款)?(?:本金|借款金额|贷款金额|借款额)?(?:的)?"
    r"(?P<value>\d+(?:\.\d+)?)(?P<unit>%|元)(?P<p4>)"
)
#: …or with the period after its name (服务费每月1% — rt106).
_FEE_BARE_AFTER_RE = lazyre.compile(
    rf"(?P<p1>)(?P<p2>){_FEE_NAMES}(?P<p3>{_PERIODS})"
    # (按 too: 服务费每月按借款本金的1.2%计收 — rt113)
    r"(?P<p5>)(?:为|是|收取|收|按照|按)?(?:借款)?(?:本金|借款金额|贷款金额|借款额)?(?:的)?"
    r"(?P<value>\d+(?:\.\d+)?)(?P<unit>%|元)(?P<p4>)"
)
#: …or with the figure before the fee's name (另按月收取借款金额1.5%的服务费, 每月另收本金1%的管理费 — f65).
_FEE_VALUE_FIRST_RE = lazyre.compile(
    rf"(?:另|还|额外|另外)?(?P<p1>{_PERIODS})(?:另|额外|另外)?(?:收取|收|扣除|扣收|支付|缴纳|交纳|加收)"
    r"(?:借款|贷款)?(?:本金|金额|借款金额|贷款金额|借款额)?(?:的)?"
    r"(?P<value>\d+(?:\.\d+)?)(?P<unit>%)(?:的)?(?P<p2>)(?P<p3>)(?P<p4>)(?P<p5>)" + _FEE_NAMES
)
#: …or charged 按 a share of the principal, the charge after the figure (每月另按借款本金的0.8%收取信用保障费,
#: 另每月按借款本金的0.9%收取保证保险费 — rt224, rt225); not an instalment's 手续费, which an instalment's annual
#: rate already prices (每期按本金的0.75%收取分期手续费 beside 年化利率约16.1% — rt225).
_FEE_BY_RE = lazyre.compile(
    rf"(?:另|还|额外|另外)?(?P<p1>{_PERIODS})(?:另|额外|另外)?按"
    r"(?:借款|贷款)?(?:本金|金额|借款金额|贷款金额|借款额)(?:的)?"
    r"(?P<value>\d+(?:\.\d+)?)(?P<unit>%)(?:收取|计收|加收|收)(?P<p2>)(?P<p3>)(?P<p4>)(?P<p5>)"
    rf"(?:[\u4e00-\u9fff]{{0,2}}?(?:{_CHARGED_FEES}|保证保险费|保险费))"
)
#: A fee stopped or waived before it (自…起停止每月按借款本金的0.8%收取…, 取消收取 — rt225).
_FEE_STOPPED_RE = lazyre.compile(r"(?:停止|取消|不再|免收|免除|豁免|减免)[^，,。！!？?；;]{0,4}$")


#: A bare fee named as inside the rate (已包含每月服务费0.6%, 其中年利率14%、服务费每月0.5%, 含利息及服务费
#: — rt108), anywhere in its clause before it, not denied (不含服务费每月0.5% adds it): no fee on top.
_BARE_INSIDE_BEFORE_RE = lazyre.compile(r"(?<![不未没])(?:包含|(?<!包)含|其中|计入|包括)")
#: …or a fee with its period after the amount (服务费1%/月 — rt108).
_FEE_BARE_P4_RE = lazyre.compile(
    rf"(?P<p1>)(?P<p2>){_FEE_NAMES}(?P<p3>)(?P<p5>)(?:为|是)?(?P<value>\d+(?:\.\d+)?)(?P<unit>%|元)"
    r"(?:/|每)(?P<p4>月|日|天|年|期|季)"
)
#: The principal a fee in yuan is charged on (借1万元, 借款金额1万元, 每借1万元): an amount in yuan, so
#: 借12期 and 贷款3分钟 name none (rt93).
_PRINCIPAL_RE = lazyre.compile(
    # (not a credit limit: 最高可借20万元 — rt95; 借1万 without 元 — rt97; a bare number needs 元: not 借12期)
    r"(?<!可)(?<!最高)(?<!最多)(?:每借|借款金额|贷款金额|借款本金|借款|借|贷款|贷)(?:为|是)?(\d+(?:\.\d+)?)(?:(万)元?|元)"
)
#: The message says the fees are in the stated cost (综合年化成本20%（已含担保费）); not 不含/不包含/未含 (rt97).
_FEE_INCLUDED_RE = lazyre.compile(
    r"(?:(?<![不未没包])(?:已含|含)|(?<![不未没])包含)(?:服务费|担保费|会员费|管理费|所有费用|全部费用|各项费用|上述费用)"
)
#: …or states the whole cost with its figure after the fee (…另收…，综合年化成本20%); one stated before the fee
#: (综合年化利率7.2%起，…另收会员费 — rt99) or without a figure (以借款合同为准 — rt95) states nothing of it.
_TOTAL_AFTER_RE = lazyre.compile(r"(?:综合年化|综合成本|综合费率)[^，,。！!？?；;]{0,6}?\d")
#: A period word inside a fee's match (另需按月缴纳担保费): read when no slot caught it.
_PERIOD_INSIDE_RE = lazyre.compile(_PERIODS)
#: The fee said to be inside the stated rate right after it (…服务费0.5%已计入上述年化利率 — rt100).
_FEE_IN_RATE_RE = lazyre.compile(
    # (not denied: 未计入年化利率 says the opposite)
    # (a stated rate, not 综合费用 alone: 已纳入综合费用 names no figure — rt102)
    r"(?:(?![未不没非])[^。！!？?；;]){0,4}?(?:已|均已|均|已经)?(?:计入|包含在|含在|纳入|计算在|折算进|包括在)"
    # (or a total pointed back to: 已计入上述综合成本 — rt103; not what is outside it: 年化利率之外的…)
    r"(?:(?:上述|前述|以上|该|本)?(?:年化|年利率|利率|综合年化)|(?:上述|前述|以上)(?:综合年化成本|综合成本|综合费率))"
    r"(?![^，,。！!？?；;]{0,4}?(?:之外|以外))"
)
#: The stated cost broken down into the rate and the fee (综合成本20%，由年利率14%和每月服务费0.5%构成 — rt100):
#: 由 before the fee in its sentence, 构成/组成 after it.
_MADE_UP_OF_AFTER_RE = lazyre.compile(r"[^。！!？?；;]{0,10}?(?<!不)(?:构成|组成)")
#: …the breakdown opening on the rate (由年利率14%和…; not 由合作机构提供 — rt102).
_MADE_UP_OF_BEFORE_RE = lazyre.compile(
    r"由(?:\d+(?:\.\d+)?%的?)?(?:年|月|日)?(?:利率|利息|年化|贷款利息|借款利息)"
)
#: A denial that the fee is in the rate, anywhere in the message (未计入上述年化利率 — rt102; 不包含服务费 —
#: rt104), naming the rate, the cost or a fee (not 优惠券金额不计入借款本金 — rt103, 红包不计入借款额度 — rt105).
_FEE_NOT_IN_RATE_RE = lazyre.compile(
    r"(?:未|不|没有|并未|并不)(?:计入|包含|含|纳入|包括|算入|算在)(?:在)?(?:上述|前述|以上|该|本|所示)?"
    # (a qualifier before the fee: 未包含分期手续费 — rt106; not any word: 不含逾期费用 — rt108)
    r"(?:分期|账单|上述|其他|各项|该|本|平台|账户|借款)?"
    r"(?:年化|年利率|利率|综合|成本|息费|服务费|手续费|担保费|管理费|会员费|咨询费|费用)"
)
#: A total stated with its percentage (综合年化成本（单利）20%): what 上述综合成本 may point back to
#: (not another figure after it: 综合年化成本以合同为准，3分钟放款 — rt105).
_TOTAL_STATED_RE = lazyre.compile(r"综合(?:年化)?(?:成本|费率|年化)[^，,。！!？?；;]{0,10}?\d+(?:\.\d+)?%")
#: An annual rate stated after an instalment's fee in its sentence (收取手续费月费率0.75%，年化利率
#: （单利）16.2%): for a fee charged as the cost itself (收取, not 另收), the rate annualises it (rt102).
_RATE_AFTER_RE = lazyre.compile(
    r"(?:[（(][^）)]{0,8}[)）])?[，,]?(?:折合|即|对应)?(?:年化利率|年利率|年化费率|年化)(?:[（(]单利[)）])?(?:约为|约|为|是)?"
    r"(?P<apr>\d+(?:\.\d+)?)%"
)
#: What sets a fee apart from the rate in its sentence (另按年化利率…计收利息, 与年化利率…分开计收, …，利息
#: 单独计收 after the rate — rt105); not denied (不另收其他费用 — rt104).
_SEPARATE_RE = lazyre.compile(
    # a charge set apart (另收, 另行计收, 分别收取, 同时按…计收), not 另享积分加倍 (rt106)
    r"(?:另(?:行|外)?(?:收|计|付|缴|交|算|按|加)|分开|单独|以外|之外|额外(?:收|计|加|支付|缴)|此外(?:还)?(?:收|需|要|按|另)"
    r"|分别(?:收|计|按)|同时(?:收|计|按))"
    # (not what a denial follows: 此外无任何其他费用, 除此之外，不收取… — rt104)
    r"(?![，,]?(?:再|也|均|并|概|别)?(?:无|不|没有|免|没))"
)
#: An instalment plan (账单分期, 分12期, 分期手续费), not a loan repaid in instalments (可分期还款).
_INSTALMENT_RE = lazyre.compile(
    # (账单分期还款 is a card instalment's name — rt106)
    # (but 现金分期还款 is a loan repaid in instalments — rt108)
    r"账单分期|(?:消费|现金|信用卡|购物|商品|车位|装修)分期(?!还款|还)|分期(?!还款|偿还|归还|还本|还)|分\d+期(?!还|偿还|归还)"
)
#: A denial in a separating word's clause before it (不另收, 我行不会收取任何额外费用, 无需另外付费):
#: nothing is set apart.
_DENIAL_BEFORE_RE = lazyre.compile(r"不|无|没|免")
#: The fee itself annualised right after it (每期收取手续费0.75%，折合年化利率约16.2% — rt97; not the rate's own
#: 折合年化 before the fee — rt98).
_FEE_ANNUALISED_RE = lazyre.compile(r"[^。！!？?；;]{0,6}?(?:折合|折算|相当于)(?:年化|年利率)")
#: The fee said to be inside, without naming the rate (月服务费0.6%已折算在内 — rt106).
_FEE_INSIDE_AFTER_RE = lazyre.compile(
    r"[^，,。！!？?；;]{0,3}?(?:已|均已)?(?:折算在内|包含在内|含在内|计算在内|计入在内|算在内)"
)
#: The fee is others' (其他平台通常另收…，我们全免 — rt94): in the fee's own clause only.
_OTHERS_FEE_RE = lazyre.compile(r"其他平台|其他机构|别家|同行|有的平台|部分平台")
#: …or a scammer's (若有人要求另交…均为诈骗 — rt94; 若有人自称…，称…但每月另收… — rt98): in its sentence.
#: (a scammer who demands it, not the lender's own footer: 认准官方App，谨防冒充 — rt99)
_SCAM_FEE_RE = lazyre.compile(r"若有人|如有人|有人要求|有人自称|自称|均为诈骗|都是诈骗|是诈骗")
#: A fee denied (不会另收服务费…, 无另收费用 — rt93).
_FEE_DENIED_RE = lazyre.compile(r"(?:不会|不|无|没有|从不|绝不|决不|不得|禁止|严禁)$")
#: A period fused into the fee's name (月服务费) or after the amount (300元/月), as its period word.
_PERIOD_WORDS = {"月": "每月", "日": "每日", "天": "每日", "年": "每年", "期": "每期", "季": "每季"}
#: Where a clause or a sentence ends in the no-space view (the fee is read there, not on the compact
#: view the message context splits).
_CLAUSE_ENDS = "，,。！!？?；;：:"
_SENTENCE_ENDS = "。！!？?；;"
_FEE_PERIODS = {
    "每月": 12,
    "按月": 12,
    "每期": 12,  # (一期 a month: 借1万元每期另收服务费1.5%，分12期还 — rt94)
    "每个月": 12,
    "每季度": 4,
    "按季度": 4,
    "每季": 4,
    "按季": 4,
    "按期": 12,
    "每日": 365,
    "按日": 365,
    "每天": 365,
    "每周": 52,
    "每年": 1,
    "按年": 1,
}


def _fee_value(m: re.Match[str]) -> float:
    """The fee's figure in its unit (a permille read as a percentage: 千分之七 is 0.7%)."""
    permille = m.groupdict().get("permille")
    if permille:
        number = float(permille) if permille[0].isdigit() else parse_cn_number(permille)
        return number / 10 if number is not None else 0.0
    return float(m.group("value"))


def _fee_unit(m: re.Match[str]) -> str:
    return "%" if m.groupdict().get("permille") else m.group("unit")


def _fee_period(m: re.Match[str]) -> str | None:
    """The period a fee is charged for (每月, 每日 …), from whichever slot of _FEE_ADDED_RE holds
    it, or from inside the match (the period between the verb and the fee's name: 另需按月缴纳担保费
    — rt100); ``None`` for a one-off fee."""
    period = (
        m.group("p1")
        or m.group("p3")
        or _PERIOD_WORDS.get(m.group("p2") or m.group("p4") or m.group("p5") or "")
    )
    if period is None:
        inner = _PERIOD_INSIDE_RE.search(m.group(0))
        period = inner.group() if inner is not None else None
    return period


#: A fee taken once, as a share of the principal, when the loan is paid out (放款时一次性收取借款金额10%
#: 的服务费, 下款前扣除5%手续费): the borrower gets less than the principal for the whole term, so the
#: fee adds its share, spread over the term, to the annual cost (the "砍头息" of FIN-PL's lending rules).
_UPFRONT_FEE_RE = lazyre.compile(
    # (at payout only: not 提前还款时一次性收取…违约金, a prepayment charge)
    r"(?:放款时|放款前|放款后一次性|放款后即|下款时|下款前|下款后一次性|到账前|到账时|放款当日|从借款中|从本金中|从贷款中|从放款金额中)"
    r"[^，,。！!？?；;]{0,6}?(?:收取|扣除|扣收|扣取|扣|支付|缴纳|交纳|收)"
    r"[^，,。！!？?；;\d]{0,8}?(?P<value>\d+(?:\.\d+)?)%"
)
#: The stated rate said to hold every fee (已计入年化利率, 年化利率已包含, 含全部费用).
_FEE_IN_STATED_RE = lazyre.compile(
    r"(?<![不未没])(?:已计入|已包含|已含|均已计入|均已包含)[^，,。！!？?；;]{0,8}?(?:年化|利率|成本)|(?:年化|利率|成本)[^，,。！!？?；;]{0,6}?(?<![不未没])(?:已包含|已含|含全部|包含全部|包含所有|含所有)"
)
#: The loan's term (借款期限6个月, 期限12期, 借款30天): what an upfront fee is spread over.
_TERM_RE = lazyre.compile(
    # (or as its instalments: 分12期还款 — rt153)
    r"(?:期限|借期|借款期|贷款期)[为:：]?(?P<n>\d+)(?P<unit>个月|月|期|天|日|年)|分(?P<n2>\d+)期"
)
_TERM_YEARS = {"个月": 1 / 12, "月": 1 / 12, "期": 1 / 12, "天": 1 / 365, "日": 1 / 365, "年": 1.0}


#: The sender's own offer in the same sentence (我们只要日息0.08%, 本行年化3.6%起): then a rate there may be its own.
_SENDER_OFFERS_RE = lazyre.compile(
    r"我们|我行|本行|我司|本司|本公司|本平台|我平台|只要|仅需|立即|详询|联系我"
)
#: What makes the message a warning about such rates (远超…上限, 理性借贷, 认准持牌机构, 高利贷).
_RATE_WARNING_RE = lazyre.compile(
    r"上限|远超|超过法定|高利贷|违法|违规|骗|谨防|警惕|提防|理性借贷|认准|持牌|提示|提醒|真实成本|算清|小心"
)


def _others_rate(msg: Message, cpos: int) -> bool:
    """The rate at compact ``cpos`` is a third party's advertised rate that the message warns
    about (部分网络平台宣传“日息低至0.1%”，折合年化利率高达36.5%，远超法律保护上限): a third party
    reported as advertising before it in its sentence, no offer of the sender's own there, and
    a warning word in the message."""
    compact = msg.nt.compact
    _, s_end = msg.ctx.sentence(cpos)
    said = msg.ctx.third_party_claim(cpos)
    if said is None:
        return False
    sig = msg.signature
    name = sig.name.strip() if sig is not None else ""
    if len(name) >= 2 and name[:2] in compact[said.end() : s_end]:
        return False  # the sender named after their claim (…，速借宝日息0.1%): its own offer
    # (an offer word inside the quoted ad is theirs: 号称“日息只要0.1%”)
    if any(not msg.ctx.quoted(m.start()) for m in _SENDER_OFFERS_RE.finditer(compact, said.end(), s_end)):
        return False
    return _RATE_WARNING_RE.search(compact) is not None


class BorrowingCost(Detector):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        base = Path(self.spec.source_path).parent if self.spec.source_path else None
        directory = None if base is None or base.resolve() == rules_dir().resolve() else str(base)
        rates = rule_spec("PRO007", directory).options  # the conversion's cue data lives there
        self._rates = rates
        self._cue_re = cue_pattern(rates)
        self._cost_cues = frozenset(rates["loan_cues"]) | frozenset(rates.get("ambiguous_cues", []))
        words = sorted(rates["loan_context"], key=len, reverse=True)
        self._loan_context = lazyre.compile_now("|".join(map(re.escape, words)))
        opts = self.spec.options
        self._not_cost = tuple(opts.get("not_cost_cues", []))
        self._borrowing_cues = frozenset(opts.get("borrowing_cues", []))
        # (whether a text holds any of them: one search, not a substring test per cue)
        self._borrowing_cue_re = lazyre.any_of(self._borrowing_cues)
        self._compound = tuple(opts.get("compound_words", []))
        self._simple = tuple(opts.get("simple_words", []))

    def gate(self) -> Callable[[Message], object] | None:
        """What detect reads before any stated rate: the characters a borrowed principal and
        the cost after it cannot be written without (:data:`LOAN_PRINCIPAL_GATE`,
        :data:`LOAN_COST_GATE`: an implied cost, 借1000元…利息30元, is read from a match of each);
        else a rate figure (:func:`has_rate_figure`) in a message about borrowing
        (:meth:`_about_borrowing`).  Without an implied cost, detect returns before reading a
        rate unless both hold (a fee on a rate needs 利率, which _about_borrowing reads)."""
        loan, cost = LOAN_PRINCIPAL_GATE, LOAN_COST_GATE
        if loan is None or cost is None:
            return None
        about = self._about_borrowing

        def may_find(msg: Message) -> object:
            if has_rate_figure(msg) and about(msg.nt.compact):
                return True
            folded = msg.nt.folded
            return loan(folded) and cost(folded)

        return may_find

    def _about_borrowing(self, compact: str) -> bool:
        """A loan word (PRO007's loan_context), 利率 (which a fee on a rate needs), or a
        borrowing cue of the rule's own: what makes a stated rate a borrowing cost here."""
        return (
            self._loan_context.search(compact) is not None
            or "利率" in compact
            or (self._borrowing_cue_re is not None and self._borrowing_cue_re.search(compact) is not None)
        )

    def detect(self, msg: Message) -> Iterable[Finding]:
        implied = implied_loan_rates(msg)  # 借1000元，一个月利息30元: a cost by construction
        if not implied and not has_rate_figure(msg):
            return
        compact = msg.nt.compact
        loan = self._loan_context.search(compact) is not None
        # the fees charged on top of a rate, read once; a fee on a rate makes the rate a borrowing cost
        # (年化利率10%，每月另收服务费1.5% — rt97)
        fees = _fees(msg.nt.nospace) if loan or "利率" in compact else []
        fee_on_rate = bool(fees) and "利率" in compact
        if (
            not loan
            and not implied
            and not fee_on_rate
            and (self._borrowing_cue_re is None or self._borrowing_cue_re.search(compact) is None)
        ):
            return  # not about borrowing: a yield or a deposit rate is judged by PRO007
        rates = [
            r
            for r in cached_stated_rates(msg, self._rates, self._cue_re)
            if r.cue in self._cost_cues or r.cue in ("月息", "万分之")
        ]
        cost_rates = list(rates)
        if not loan:  # 日利率万分之八: a per-day or per-month rate beside a borrowing cue
            rates = [
                r
                for r in rates
                if r.cue in self._borrowing_cues
                or (r.period in ("day", "month") and r.cue in self._cost_cues)
            ]
        rates += implied
        ceiling = float(msg.settings.borrowing_cost_ceiling_percent)
        if fees:
            yield from self._fees_added(msg, fees, cost_rates + implied, ceiling)
        if loan:
            yield from self._upfront_fee(msg, [r for r in rates if r.period == "year"], ceiling)
        simple_stated = any(w in compact for w in self._simple)
        compound_stated = any(w in compact for w in self._compound)
        for rate in rates:
            value = rate.compound if compound_stated and rate.period != "year" else rate.annual
            over = value > ceiling + 1e-9
            if not over and (
                rate.period == "year" or simple_stated or compound_stated or rate.compound <= ceiling + 1e-9
            ):
                # under the ceiling either way (what the two findings below ask): the clause tests
                # that only skip a figure need not be read (most stated costs are lawful)
                continue
            start, end = msg.nt.nospace_span(rate.start, rate.end)
            cpos = msg.nt.compact_pos(start)
            c_start, _ = msg.ctx.clause(cpos)
            if any(w in compact[max(c_start, cpos - 12) : cpos] for w in self._not_cost):
                continue  # 存单利率, 七日年化: not the cost of a loan
            if _others_rate(msg, cpos):
                continue  # 部分网络平台宣传“日息低至0.1%”…远超法律保护上限: theirs, warned about
            period = _PERIOD_ZH.get(rate.period, rate.period)
            basis = "复利" if compound_stated and rate.period != "year" else "单利"
            if over:
                how = f"按{period}利率折算（{basis}）" if rate.period != "year" else "按所示年化口径"
                yield self.finding(
                    msg,
                    start,
                    end,
                    message=(
                        f"借款成本{how}约为年化{value:.2f}%，超过{ceiling:g}%的上限：该产品或利率不得如此宣传，"
                        "请调整产品定价后再发送"
                    ),
                    note=f"上限{ceiling:g}%据报来自金规〔2025〕9号（二手资料，待核），可在配置中调整（borrowing_cost_ceiling_percent）",
                )
                continue
            if (
                rate.period != "year"
                and not simple_stated
                and not compound_stated
                and rate.compound > ceiling + 1e-9
            ):
                yield self.finding(
                    msg,
                    start,
                    end,
                    severity="warning",
                    message=(
                        f"借款成本按{period}利率单利折算约为年化{rate.annual:.2f}%，按复利（IRR）折算约为"
                        f"{rate.compound:.2f}%，超过{ceiling:g}%的上限：请核实年化利率口径并明示"
                    ),
                    note="未注明单利或复利，两种口径结论不同，请人工核对",
                )

    def _upfront_fee(self, msg: Message, annual: list[StatedRate], ceiling: float) -> Iterable[Finding]:
        """A fee taken once at payout with the loan's term stated (年化利率18%，借款期限6个月，放款时一次性
        收取借款金额10%的服务费): the fee spread over the term (10% over half a year is 20% a year)
        added to the highest annual rate stated; above the ceiling, the cost is over it whatever
        the rate alone says.  Without a term nothing is computed (a fee on a revolving line)."""
        nospace = msg.nt.nospace
        fee = _UPFRONT_FEE_RE.search(nospace)
        if fee is None:
            return
        if (
            _FEE_INCLUDED_RE.search(nospace)
            or _TOTAL_AFTER_RE.search(nospace)
            or _FEE_IN_STATED_RE.search(nospace)
        ):
            return  # the stated cost says it holds the fee (综合年化成本…已含服务费, 已计入年化利率)
        term = _TERM_RE.search(nospace)
        if term is None:
            return
        n, unit = (term.group("n"), term.group("unit")) if term.group("n") else (term.group("n2"), "期")
        years = int(n) * _TERM_YEARS[unit]
        if years <= 0:
            return
        spread = float(fee.group("value")) / years
        stated = max((r.annual for r in annual), default=0.0)
        total = stated + spread
        if total <= ceiling + 1e-9:
            return
        start, end = msg.nt.nospace_span(fee.start(), fee.end())
        said = f"连同所示年化利率{stated:g}%，" if stated else ""
        yield self.finding(
            msg,
            start,
            end,
            message=(
                f"放款时一次性收取的费用（借款金额的{fee.group('value')}%）按借款期限{n}{unit}"
                f"折合年化约{spread:.2f}%，{said}借款综合成本约为年化{total:.2f}%，超过{ceiling:g}%的上限："
                "该产品或费率不得如此宣传，请调整产品定价后再发送"
            ),
            note="一次性费用按期限平摊折算为年化（单利），未计入提前扣除使实际到手本金减少的影响",
        )

    def _fees_added(
        self, msg: Message, fees: list[re.Match[str]], rates: list[StatedRate], ceiling: float
    ) -> Iterable[Finding]:
        """A fee charged per period on top of the stated rate: the rate (annualised, whatever its
        period) plus the fee, annualised, is the cost the recipient bears.  Only when the rate
        itself is within the ceiling (a rate above it is reported on its own) and the message
        does not state the whole cost itself."""
        nospace = msg.nt.nospace
        if _FEE_INCLUDED_RE.search(nospace) is not None:
            return
        base = max((r.annual for r in rates), default=0.0)
        if base > ceiling + 1e-9:
            return
        for m in fees:
            if _FEE_DENIED_RE.search(nospace, max(0, m.start() - 3), m.start()) is not None:
                continue  # 不会另收服务费…: the fee denied
            sentence_lo = _unit_start(nospace, m.start(), _SENTENCE_ENDS)
            # (in the fee's own clause only: 拒绝同行套路，年化利率10%，每月另收服务费 is the lender's own — rt97)
            clause_lo = _unit_start(nospace, m.start(), _CLAUSE_ENDS)
            # (…or the sentence, when the fee's clause goes on about them: 其他平台往往标低利率，但每月另收… — rt99)
            if nospace[clause_lo : clause_lo + 2].startswith(("但", "却", "还", "又", "而且", "并且")):
                clause_lo = sentence_lo
            if _OTHERS_FEE_RE.search(nospace, max(0, m.start() - 24, clause_lo), m.start()) is not None:
                continue  # 其他平台通常另收…: not this loan's fee
            sentence_hi = min(
                (i for i in (nospace.find(d, m.end()) for d in _SENTENCE_ENDS) if i >= 0),
                default=len(nospace),
            )
            if _SCAM_FEE_RE.search(nospace, sentence_lo, sentence_hi) is not None:
                continue  # 若有人要求另交…均为诈骗: a scammer's fee
            if _TOTAL_AFTER_RE.search(nospace, m.end()) is not None:
                continue  # …另收担保费每月1%，综合年化成本20%: the whole cost stated after the fee
            if _FEE_INSIDE_AFTER_RE.match(nospace, m.end()) is not None:
                continue  # 月服务费0.6%已折算在内: inside the stated rate (rt106)
            if _FEE_ANNUALISED_RE.match(nospace, m.end()) is not None:
                continue  # 每期收取手续费0.75%，折合年化利率约16.2%: the fee is the stated rate
            if (
                (inside := _FEE_IN_RATE_RE.match(nospace, m.end())) is not None
                and _FEE_NOT_IN_RATE_RE.search(nospace) is None
                # (上述综合成本 points back to a total stated before the fee — rt104)
                and (
                    "综合" not in inside.group() or _TOTAL_STATED_RE.search(nospace, 0, m.start()) is not None
                )
            ):
                continue  # …服务费0.5%已计入上述年化利率: inside the stated rate
            if (
                _MADE_UP_OF_BEFORE_RE.search(nospace, sentence_lo, m.start()) is not None
                and _MADE_UP_OF_AFTER_RE.match(nospace, m.end()) is not None
            ):
                continue  # …20%，由年利率14%和每月收取的服务费0.5%构成: the stated cost broken down
            if (
                "手续费" in m.group(0)
                # (an instalment named before the fee or in its sentence, not a loan's repayment: 可分期
                # 还款 — rt105)
                and _INSTALMENT_RE.search(nospace, 0, sentence_hi) is not None
                and (after := _RATE_AFTER_RE.match(nospace, m.end())) is not None
                # (nothing in the sentence sets it apart: 利息单独计收 after the rate — rt105; 不另收其他费用
                # says nothing — rt104), nor does the message say it is outside the rate (手续费不计入年化利率)
                and not _set_apart(nospace, sentence_lo, sentence_hi)
                and _FEE_NOT_IN_RATE_RE.search(nospace) is None
                # (and the rate can hold it: 每期1.5%，年化12% does not — rt104)
                and _fee_unit(m) == "%"
                and float(after.group("apr")) + 1e-9
                >= _fee_value(m) * _FEE_PERIODS.get(_fee_period(m) or "", 0)
            ):
                # 账单分期…收取手续费月费率0.75%，年化利率（单利）16.2%: an instalment's fee is its cost,
                # the rate after it annualises it (not a service fee: 每月收取服务费1%，年化利率18%)
                continue
            period = _fee_period(m)
            if period is None:
                continue  # a one-off fee: not a rate
            per_year = _FEE_PERIODS[period]
            value = _fee_value(m)
            if value <= 0:
                continue  # (a permille the numeral reader could not read)
            if _fee_unit(m) == "元":
                # the principal the fee is stated for: the nearest before it (以借1万元为例，另收…),
                # else the first after it (另收会员费每月199元（借1万元）) — not a credit limit (最高可借20万元)
                before = list(_PRINCIPAL_RE.finditer(nospace, 0, m.start()))
                principal = before[-1] if before else _PRINCIPAL_RE.search(nospace, m.end())
                if principal is None:
                    continue  # a fee in yuan with no principal named: nothing to compare it to
                amount = float(principal.group(1)) * (10000 if principal.group(2) else 1)
                if amount <= 0:
                    continue
                value = value / amount * 100
            total = base + value * per_year
            if total <= ceiling + 1e-9:
                continue
            start, end = msg.nt.nospace_span(m.start(), m.end())
            yield self.finding(
                msg,
                start,
                end,
                message=(
                    f"另收的费用折合年化约{value * per_year:.2f}%，加上所示利率折合年化{base:g}%，借款综合成本约为年化"
                    f"{total:.2f}%，超过{ceiling:g}%的上限：该产品或利率不得如此宣传，请调整产品定价后再发送"
                ),
                note=f"上限{ceiling:g}%据报来自金规〔2025〕9号（二手资料，待核），可在配置中调整（borrowing_cost_ceiling_percent）",
            )


def _set_apart(nospace: str, lo: int, hi: int) -> bool:
    """Whether ``nospace[lo:hi]`` (a fee's sentence) sets a charge apart from the stated rate
    (利息另行收取, 与年化利率分开计收), not denied in its clause (不收取额外费用)."""
    for sep in _SEPARATE_RE.finditer(nospace, lo, hi):
        if (
            _DENIAL_BEFORE_RE.search(
                nospace, max(lo, _unit_start(nospace, sep.start(), _CLAUSE_ENDS)), sep.start()
            )
            is None
        ):
            return True
    return False


def _fees(nospace: str) -> list[re.Match[str]]:
    """The fees charged per period in the message: with a charging verb, or named bare after
    their period where no charged fee covers them."""
    if "费" not in nospace and "保障金" not in nospace:
        # every fee these patterns read is named by a word ending in 费, or is a 保障金: most
        # loan messages name none, and the four searches cost ~14 µs (the charged-fee one
        # tries its optional period and verbs at every position)
        return []
    fees = list(_FEE_ADDED_RE.finditer(nospace))
    for bare in [
        *_FEE_VALUE_FIRST_RE.finditer(nospace),
        *(
            m
            for m in _FEE_BY_RE.finditer(nospace)
            if _FEE_STOPPED_RE.search(nospace, max(0, m.start() - 8), m.start()) is None
        ),
        *_FEE_BARE_RE.finditer(nospace),
        *_FEE_BARE_AFTER_RE.finditer(nospace),
        *_FEE_BARE_P4_RE.finditer(nospace),
    ]:
        lo = _unit_start(nospace, bare.start(), _CLAUSE_ENDS)
        if _BARE_INSIDE_BEFORE_RE.search(nospace, lo, bare.start() + 2) is not None:
            continue  # （已包含每月服务费0.6%）, 其中…服务费每月0.5%: named as inside the rate
        if not any(f.start() < bare.end() and bare.start() < f.end() for f in fees):
            fees.append(bare)
    return fees


def _unit_start(text: str, pos: int, ends: str) -> int:
    """Where the clause or sentence holding ``pos`` starts: after the last of ``ends`` before it."""
    return max(text.rfind(d, 0, pos) for d in ends) + 1
