"""Every figure in a message, in any numeral form, with what it measures.

A rewrite can change a fact by restating it: 3,280.00元 as 叁仟贰佰元, 12月25日 as
十二月二十八日, a new rate as 五厘, 一成, 八分利, 半个百分点 or 每万元每天一块五.  So
figures are *read*, not matched as digit strings: each one gets a kind (money, rate,
date …) and one normalised value, and two spellings of the same figure compare equal.

Rates are returned in percent of their period.  Readings of the traditional forms
(documented here because the gate and PRO007 both rely on them):

* ``N成`` is N×10 % (一成 = 10 %, 两成半 is not read);
* ``N分`` in 月息N分 / N分利 is N % a month; 年息N分 (年化N分) is N×10 % a year, 年息一分二 12 %;
* ``N厘`` is a tenth of 分: 月息N厘 / N厘 = N×0.1 % a month (the folk quote is monthly
  when no period is named); 年息N厘 is N % a year;
* ``N基点`` is N×0.01 %; ``N个百分点`` / ``N个点`` is N % (半个百分点 = 0.5 %);
* ``万分之N`` is N×0.01 % (a day, unless a period is named), ``千分之N`` / ``N‰`` N×0.1 %;
* ``每万元每天N元`` is N/10000 of the principal a day (每万元每天一块五 = 万分之1.5 a day);
* ``N倍``, ``翻番`` / ``翻倍`` are multiples (kind ``multiple``), ``N折`` a discount.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from assistant.text import lazyre
from assistant.text.normalize import fold
from assistant.text.numbers import CN_DIGIT_CHARS, CN_NUMERAL_CHARS, format_number, parse_number
from assistant.text.regexgate import PartialAlternation, group_names

ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CN = f"[{CN_NUMERAL_CHARS}]+"
NUM = f"(?:{ARABIC}|{CN})"
#: A counted or measured number may carry a big unit: 5万人, 1.5万天.
_SCALED = rf"(?:(?:{ARABIC})\s*[万千亿]?|{CN})"
_CND = f"[{CN_DIGIT_CHARS}]"
# Month and day numbers: 12, 十二, 二十五, 三十一.
_MD = r"\d{1,2}|[一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3}"
_RANGE = r"\s*(?:-|~|～|至|到|—|－)\s*"
_DAYPART = "上午|下午|晚上|早上|中午|凌晨|傍晚|晚|今天|明天|今日|明日|当日|当天"
#: Words a counted figure takes (个名额, 3笔, 24期 …).
_COUNTERS = "个工作日|个自然日|个月|个|名|位|人|次|笔|张|份|期|款|项|户|家|种|台|件|条|岁|周岁|克|股|倍"
_ARTICLE_COUNTERS = frozenset("个次张份款项种家笔台件条")  # 一笔借款: "a", not a figure


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: what it measures, one value per meaning, where it stands."""

    kind: str  # money rate multiple discount date year month time duration count number
    value: str  # normalised: 3280 · 12-25 · 18:00 · 3天 · 0.5 (percent) · 7.2-18 (a range)
    start: int
    end: int
    text: str
    number: float | None = None  # the (upper) number; percent for rates
    low: float | None = None  # the lower end of a range
    period: str | None = None  # rates: day / week / month / year, when the form says so
    form: str = ""  # rates: percent 万分之 千分之 成 厘 分 基点 百分点 per_unit
    year: int | None = None  # dates: the year, when written

    @property
    def numbers(self) -> tuple[float, ...]:
        return tuple(n for n in (self.low, self.number) if n is not None)


def _n(text: str | None) -> float | None:
    if text is None:
        return None
    if text == "半":
        return 0.5
    return parse_number(text)


# ----------------------------------------------------------------------------- rates
_RATE_RE = lazyre.compile(
    rf"(?:(?P<lo>{NUM})\s*[%％]?{_RANGE})?(?P<pct>{NUM})\s*[%％]"
    rf"|百分之(?P<b>{NUM})(?:{_RANGE}(?:百分之)?(?P<b2>{NUM}))?"
    rf"|万分之(?P<c>{NUM})(?:{_RANGE}(?:万分之)?(?P<c2>{NUM}))?"
    # (and after a day: 每天万三, 日万五 — a daily rate in traders' shorthand)
    # (天天万三, 一天万三, 日赚万五, 日收益万三: rt81)
    # (每天收益万三, 每天能赚万五, 每天都有万五收益: the verb between — rt82)
    # (日均万三, 每日平均万三 — rt84)
    rf"|(?:(?<=息|率|利)|(?<=每天|每日|天天|一天|日赚|天赚|日均)|(?<=日收益|日平均)|(?<![每今昨明当节生]日)(?<=日)"
    rf"|(?<=每天|每日|天天|一天)都?(?:收益|能赚|能拿|可赚|可拿|能有|可达|赚|拿|有))\s*万\s*(?P<wf>[一二两三四五六七八九\d](?:\.\d+|点[一二三四五六七八九])?)(?![\d万千百十元块亿])"
    # (千N the same way: 日息千一 is 千分之一 a day — rt204)
    rf"|(?:(?<=息)|(?<=每天|每日|天天|一天|日赚|天赚|日均)|(?<![每今昨明当节生]日)(?<=日))"
    rf"\s*千\s*(?P<qf>[一二两三四五六七八九\d](?:\.\d+|点[一二三四五六七八九])?)(?![\d万千百十元块亿分])"
    rf"|千分之(?P<d>{NUM})"
    rf"|(?P<pm>{NUM})\s*‰"
    rf"|(?P<pmm>{NUM})\s*‱"
    rf"|(?P<pp>{NUM}|半)\s*个?\s*百分点"
    # (十来个点, 十几个点: about ten points, read as ten — rt83)
    # (a half or 多 after the counter: 两个半点 is 2.5, 八个多点 more than 8 — rt204, rt205)
    rf"|(?P<pt>{NUM}|半)\s*(?:来|多|几)?\s*个\s*(?P<pth>半|多)?\s*多?\s*点(?!钟)"
    # 年化收益十二点五: a yearly cue, then a Chinese decimal with no unit — 12.5% (rt83)
    rf"|(?<=年化)(?:收益率?|回报率?)?(?:约|大约|大概|在|为|是|有)?(?P<ycn>[一二两三四五六七八九十零]{{1,3}}点[零一二两三四五六七八九])(?![零一二三四五六七八九万千百元块个份])"
    rf"|(?P<bp>{NUM})\s*个?\s*基点"
    # 年息1分2(厘) / 年化一分二 / 一年一分二: the digit after 分 is 厘, 12 % a year; a verb or a
    # colon may come between (年化能到一分二, 年化收益：1 分 2).  Not 十分 (very), nor the idiom
    # 一分一厘 / 一分不少 (every cent): 年化收益率十分透明, 年息一分不少转入 (rt79)
    # (年化约一分二, 每年能拿一分二, 一年下来一分二的收益, 年均一分二: rt81)
    rf"|(?P<yfen>年(?:息|利率|利|均|化(?:收益率?|回报率?|利率)?|收益率?|回报率?)|一年(?:下来)?|每年)\s*"
    # (年化大概在一分二左右, 年化一般在一分二; not 一年下来一分没扣, a score: rt82)
    # (a floor before it: 年化起码一分二, 年化少说也有一分二 — rt84)
    rf"(?:[:：]|(?:最起码|起码|至少|最少|少说也|少说|怎么也|保底)?(?:约|大约|大概|差不多|足有|一般|基本|基本上|通常|平均|能|可以|可|稳)?(?:能到|给到|可达|高达|达到|到|为|是|有|在|拿到|拿|赚|挣)?)?"
    # (毛 for 分 in folk speech: 年化一毛二 — rt79)
    rf"\s*(?!十\s*分)(?P<yf>{NUM})\s*[分毛]"
    rf"(?!\s*一\s*厘|\s*不少|\s*不差|\s*都|\s*钱|\s*[钟之没未扣罚也])"
    rf"(?:\s*(?P<yf2>[1-9一二三四五六七八九])\s*厘?(?![\d钟之钱]))?"
    rf"|(?P<yli>年(?:息|利率|利))\s*(?P<yl>{NUM})\s*厘"
    # 月息2分5(厘): the digit after 分 is 厘, 2.5 % a month
    # (a month said other ways, an adverb or verb between: 每月收益约一分二, 一个月能拿两分, 每个月能拿到一分二 — s42)
    rf"|(?P<mfen>月(?:息|利率|利|化|收益率?|回报率?)|每个?月(?:收益率?|回报率?|利息)?|一个月(?:下来)?)\s*"
    rf"(?:[:：]|(?:最起码|起码|至少|最少|少说也|少说|保底)?(?:约|大约|大概|差不多|一般|基本|通常|平均|能|可以|可|稳)?(?:能到|给到|可达|高达|达到|到|为|是|有|在|拿到|拿|赚|挣)?)?"
    # (not 都 alone: 月息两分都不止 is a rate — rt147; not a score: 每月可赚5分成长值 — rt147)
    rf"\s*(?!十\s*分)(?P<mf>{NUM})\s*分(?!\s*一\s*厘|\s*不少|\s*不差|\s*都\s*(?:不少|不差|没|未)|\s*钱|\s*[钟之没未扣罚也值]|\s*成长|\s*积分|\s*经验)"
    rf"(?:(?P<mf2>[1-9一二三四五六七八九])厘?(?![\d钟之]))?(?![钟之])"
    rf"|(?P<fl>{NUM})\s*分\s*(?:利|息)"
    rf"|(?P<li>{NUM})\s*厘(?![米])"
    rf"|(?P<cheng>{NUM})\s*成(?![功为本立交员熟长绩果就都了人年型分不])"
    # right after a rate word 一成 is a rate whatever follows (年化收益一成绩…: not 成绩)
    rf"|(?:(?<=收益)|(?<=利率)|(?<=年化)|(?<=回报)|(?<=利息)|(?<=收益率)|(?<=回报率))\s*(?P<cheng2>{NUM})\s*成"
    # (the sum said colloquially too: 每万块钱每天能进账3块 — rt179)
    rf"|每\s*(?P<uq>{NUM})?\s*(?P<uu>万|千|百)\s*(?:元|块钱|块)\s*(?:每|一|1)?\s*(?P<up>天|日|月|年)"
    rf"[^，。；,;！!？?\d{CN_NUMERAL_CHARS}]{{0,6}}(?P<ua>{NUM})\s*(?:元|块)(?P<uj>{_CND}|\d)?"
    rf"|(?P<mul>{NUM}|半|双)\s*倍"
    rf"|(?P<fan>翻\s*(?:(?P<fann>{NUM})\s*)?[番倍])"
    rf"|(?P<zhe>(?<![\d.])\d{{1,2}}(?:\.\d)?|{_CND}{{1,2}})\s*折(?![扣旧叠返])"
)

#: The rate pattern, for a cheap character gate before it is searched (see regexgate).
RATE_PATTERN = _RATE_RE
#: The rate alternation, searched with only the alternatives a text can match and only
#: where a rate can start (the full pattern cost ~1.4 µs per character of every message
#: that passes the gate).  Its matches are read by group name (see ``_rate``).
_RATE_ALTERNATION = PartialAlternation(_RATE_RE)
#: Every group of the rate pattern, unset: a reduced pattern's match lacks the groups of
#: the alternatives it left out.  Read from the parsed pattern (the names in order, as
#: ``groupindex`` has them): compiling the whole alternation only for its group names was
#: ~7 ms of every cold start, and a message's rates compile only the alternatives it can match.
_RATE_GROUPS: dict[str, str | None] = dict.fromkeys(group_names(_RATE_RE.pattern))

_PERIOD_WORDS = (
    ("day", ("日息", "日利率", "日化", "每日", "每天", "日费率", "日收益", "/天", "/日", "一天")),
    ("month", ("月息", "月利率", "月化", "每月", "月费率", "月收益", "/月", "一个月")),
    ("year", ("年化", "年息", "年利率", "年收益", "每年", "/年", "一年")),
)


#: The period words that may follow a figure (/天, 每月): filtered once, not per figure.
_PERIOD_AFTER = tuple((period, tuple(w for w in words if w[0] in "/每")) for period, words in _PERIOD_WORDS)


def _period_near(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - 8) : start]
    after = text[end : end + 4]
    for period, words in _PERIOD_AFTER:
        if any(w in after[:3] for w in words):
            return period
    best: tuple[int, str] | None = None
    for period, words in _PERIOD_WORDS:
        for w in words:
            at = before.rfind(w)
            if at >= 0 and (best is None or at > best[0]):
                best = (at, period)
    return best[1] if best else None


def _rate(m: re.Match[str], folded: str) -> Figure | None:
    g = _RATE_GROUPS | m.groupdict()
    low: float | None = None
    period: str | None = None
    kind = "rate"
    if g["pct"] is not None:
        value, low, form = _n(g["pct"]), _n(g["lo"]), "percent"
    elif g["b"] is not None:
        value, low, form = _n(g["b"]), None, "percent"
        if g["b2"] is not None:
            value, low = _n(g["b2"]), value
    elif g["c"] is not None:
        one, two = _n(g["c"]), _n(g["c2"])
        value = two / 100 if two is not None else (one / 100 if one is not None else None)
        low = one / 100 if two is not None and one is not None else None
        form = "万分之"
    elif g["wf"] is not None:
        v = _n(g["wf"])
        value, form = (v / 100 if v is not None else None), "万分之"  # 日息万五 = 万分之五
    elif g["d"] is not None or g["pm"] is not None or g["qf"] is not None:
        v = _n(g["d"] or g["pm"] or g["qf"])
        value, form = (v / 10 if v is not None else None), "千分之"
    elif g["pmm"] is not None:
        v = _n(g["pmm"])
        value, form = (v / 100 if v is not None else None), "万分之"
    elif g.get("ycn") is not None:
        value, form, period = _n(g["ycn"]), "点", "year"
    elif g["pp"] is not None or g["pt"] is not None:
        value, form = _n(g["pp"] or g["pt"]), "百分点"
        if g["pth"] is not None and value is not None:
            value += 0.5  # 两个半点 is 2.5; 八个多点, more than eight, is read as 8.5 (rt205)
    elif g["bp"] is not None:
        v = _n(g["bp"])
        value, form = (v / 100 if v is not None else None), "基点"
    elif g["yf"] is not None:
        v = _n(g["yf"])
        value, form, period = (v * 10 if v is not None else None), "分", "year"
        tenth = _n(g["yf2"]) if g["yf2"] else None
        if value is not None and tenth is not None:
            value += tenth
    elif g["yl"] is not None:
        value, form, period = _n(g["yl"]), "厘", "year"
    elif g["mf"] is not None or g["fl"] is not None:
        value, form, period = _n(g["mf"] or g["fl"]), "分", "month"
        tenth = _n(g["mf2"]) if g["mf"] is not None and g["mf2"] else None
        if value is not None and tenth is not None:
            value += tenth / 10
    elif g["li"] is not None:
        v = _n(g["li"])
        value, form, period = (v / 10 if v is not None else None), "厘", "month"
    elif g["cheng"] is not None or g["cheng2"] is not None:
        v = _n(g["cheng"] if g["cheng"] is not None else g["cheng2"])
        value, form = (v * 10 if v is not None else None), "成"
    elif g["ua"] is not None:
        amount = _n(g["ua"])
        if amount is not None and g["uj"]:
            tenth = _n(g["uj"])
            amount = amount + (tenth or 0) / 10
        per = {"万": 10_000, "千": 1_000, "百": 100}[g["uu"]] * ((_n(g["uq"]) or 1) if g["uq"] else 1)
        value = amount / per * 100 if amount is not None else None
        form = "per_unit"
        period = {"天": "day", "日": "day", "月": "month", "年": "year"}[g["up"]]
    elif g["mul"] is not None:
        value, form, kind = (2.0 if g["mul"] == "双" else _n(g["mul"])), "倍", "multiple"
    elif g["fan"] is not None:
        n = _n(g["fann"]) if g["fann"] else 1.0
        if g["fan"].endswith("番"):
            value = 2**n if n is not None else None  # 翻番 ×2, 翻两番 ×4
        else:
            value = 2.0 if not g["fann"] else n  # 翻倍 ×2, 翻3倍 read as ×3
        form, kind = "翻番", "multiple"
    else:
        raw = g["zhe"]
        v = _n(raw) if raw and raw[0].isdigit() else parse_number(raw or "")
        if v is not None and v >= 10:
            v = v / 10  # 八五折 / 85折 = 8.5折
        value, form, kind = v, "折", "discount"
    if value is None:
        return None
    if kind == "rate" and period is None:
        period = _period_near(folded, m.start(), m.end())
        if period is None and form == "万分之":
            period = "day"  # 万分之N is quoted per day
    shown = format_number(value) if low is None else f"{format_number(low)}-{format_number(value)}"
    return Figure(kind, shown, m.start(), m.end(), m.group(), value, low, period, form)


def read_rates(text: str) -> list[Figure]:
    """Rates, multiples and discounts in ``text`` (spans index ``text``).

    Rates are in percent of their period (``period`` when the form or the words right
    around it say so); see the module docstring for the traditional forms.
    """
    folded = fold(text)
    out = []
    for m in _RATE_ALTERNATION.finditer(folded):
        fig = _rate(m, folded)
        if fig is not None:
            shown = text[fig.start : fig.end]
            out.append(fig if fig.text == shown else replace(fig, text=shown))  # a copy costs µs
    return out


# ----------------------------------------------------------------------------- the rest
_MONEY_RANGE_RE = lazyre.compile(
    rf"(?P<r1>{NUM})\s*(?P<ru1>亿元|亿|万元|万|千元|千|元)?{_RANGE}(?P<r2>{NUM})\s*(?P<ru2>亿元|亿|万元|万|千元|仟元|千|元|块)"
)
_MONEY_RE = lazyre.compile(
    rf"[¥￥]\s*(?P<ma>{ARABIC})\s*(?P<mau>万|千|亿)?"
    rf"|(?P<mb>{NUM})\s*(?P<mu>亿元|亿|万元|万|千元|仟元|千|百元|元整|元|块|圆)"
    # (cents with no tenths first: 壹仟贰佰元伍分 — gate red team rg13)
    rf"(?:(?P<fen2>{_CND}|\d)分|(?P<jiao>{_CND}|\d)(?P<ju>[角毛])?(?:(?P<fen>{_CND}|\d)分)?)?"
)
_MONEY_UNITS = {
    "亿元": 1e8,
    "亿": 1e8,
    "万元": 1e4,
    "万": 1e4,
    "千元": 1e3,
    "仟元": 1e3,
    "千": 1e3,
    "百元": 100,
    "元整": 1,
    "元": 1,
    "块": 1,
    "圆": 1,
}
_DATE_RE = lazyre.compile(
    rf"(?:(?P<y>\d{{4}}|{_CND}{{4}})\s*年\s*)?(?P<m>{_MD})\s*月\s*(?P<d>{_MD})\s*[日号]"
    # the month's last day (1月底 = 1月31日, 12月末)
    rf"|(?:(?P<y8>\d{{4}}|{_CND}{{4}})\s*年\s*)?(?P<m8>{_MD})\s*月\s*[底末]"
    # …and the year's (年底 = 12月31日, 2026年末)
    rf"|(?:(?P<y9>\d{{4}})\s*)?(?P<ye>年底|年末)"
    r"|(?P<y2>\d{4})\s*[-/.]\s*(?P<m2>\d{1,2})\s*[-/.]\s*(?P<d2>\d{1,2})(?![\d.])"
    r"|(?<![\d/.])(?P<m3>\d{1,2})/(?P<d3>\d{1,2})(?![\d/])"
    rf"|(?P<rel>每月|本月|下月|次月|当月|上月|下个月|每个月)\s*(?P<d4>{_MD})\s*[日号]"
    rf"|(?<![\d{CN_NUMERAL_CHARS}])(?P<d5>{_MD})\s*[日号](?=\s*(?:前|之前|以前|起|至|到|止|截止|当天|上午|下午|晚))"
    # the end of a range within one month (12月1日至31日)
    rf"|(?<=[至到~～—])\s*(?P<d6>{_MD})\s*[日号]"
    rf"|(?P<y6>\d{{4}}|{_CND}{{4}})\s*年(?:度)?"
    rf"|(?<![\d{CN_NUMERAL_CHARS}])(?P<m7>{_MD})\s*月(?!\s*[\d{CN_NUMERAL_CHARS}]+\s*[日号])(?!份?[日号])"
)
_TIME_RE = lazyre.compile(
    rf"(?P<part0>{_DAYPART})?\s*(?<![\d.])(?P<h>[01]?\d|2[0-4])\s*[:：]\s*(?P<mi>[0-5]\d)(?![\d])"
    rf"|(?P<part>{_DAYPART})?\s*(?P<h2>\d{{1,2}}|[一二三四五六七八九十两]{{1,3}})\s*[点时]"
    rf"(?:\s*(?P<mi2>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*分|(?P<half>半)|整)?"
)
#: 周岁 is an age in years, not a week (投保年龄85周岁).
_DURATION_RE = lazyre.compile(
    # (not a weekday: the 六周 of 周六周日 is Saturday and Sunday)
    rf"(?<!周)(?<!星期)(?<!礼拜)(?P<n>{_SCALED}|半)\s*(?P<u>个工作日|个自然日|个月|个小时|天|小时|分钟|周(?!岁)|个星期|星期|日(?=\s*(?:内|以内|后|之内))|年(?![\d{CN_NUMERAL_CHARS}]+月))"
)
#: A limit right before 一次 / 一张 makes it a count (每人限一次, 限领一张), not an article.
_LIMIT_BEFORE_RE = lazyre.compile(r"限[领享用购参]?$|仅$|最多$")
_COUNT_RE = lazyre.compile(rf"(?P<ord>第)?\s*(?P<n>{_SCALED})\s*(?P<u>{_COUNTERS})")
_BARE_RE = lazyre.compile(r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?")
# Four or more Chinese digits in a row are a number read digit by digit (一三八一二三…).
_CN_RUN_RE = lazyre.compile(f"{_CND}{{4,}}")
_DURATION_UNITS = {"个工作日": "工作日", "个自然日": "天", "日": "天", "个月": "月", "个小时": "小时"}
_DURATION_UNITS |= {"个星期": "周", "星期": "周"}
#: Units that are an exact number of another (一周 = 7天, 1年 = 12个月): compared as that.
_EXACT_DURATION = {"周": (7, "天"), "年": (12, "月")}


def _money(m: re.Match[str], folded: str) -> Figure | None:
    if m.group("ma") is not None:
        base, unit = _n(m.group("ma")), m.group("mau") or ""
        scale = {"万": 1e4, "千": 1e3, "亿": 1e8}.get(unit, 1)
        end = m.end()
    else:
        base, unit = _n(m.group("mb")), m.group("mu")
        scale = _MONEY_UNITS[unit]
        end = m.end("mu")
        raw = m.group("mb")
        if (
            unit in ("万", "千", "亿")
            and folded[end : end + 1]
            and folded[end] in "人名位户次笔张份个家天年月周"
        ):
            return None  # 5万人: a count
        if _unit_only(raw):
            return None  # 千万 (by all means), 百万 alone: words before they are figures
        if unit in ("万", "千", "亿") and raw and not raw[0].isdigit():
            return None  # 两千, 三万 with no 元: a round word (两千多), not an amount
    if base is None:
        return None
    value = base * scale
    if m.group("mb") is not None:
        jiao, ju = m.group("jiao"), m.group("ju")
        # cents: with no tenths (壹仟贰佰元伍分 — gate red team rg13), after 零 (叁佰捌拾伍元零肆分 — rg12) or
        # after the tenths (叁佰捌拾伍元陆角肆分 = 385.64 — rg11)
        cents = m.group("fen2")
        if jiao is not None and (ju or m.group("mu") == "块"):
            tenth = _n(jiao)
            if tenth is not None:
                value += tenth / 10
                end = m.end("ju") if ju else m.end("jiao")
                if ju:
                    cents = m.group("fen")
        elif jiao in ("零", "〇", "0"):
            cents = m.group("fen")
        hundredth = _n(cents) if cents is not None else None
        if hundredth is not None:
            value = round(value + hundredth / 100, 2)
            end = m.end()
    return Figure("money", format_number(value), m.start(), end, folded[m.start() : end], value)


def _unit_only(raw: str | None) -> bool:
    """千万, 万, 百: units with no digit are words (千万不要), not figures."""
    return bool(raw) and all(ch in "百千万亿点佰仟萬億" for ch in raw or "")


def _md(text: str | None) -> int | None:
    v = _n(text)
    return int(v) if v is not None and v == int(v) else None


def _date(m: re.Match[str]) -> Figure | None:
    g = m.groupdict()
    text = m.group()
    if g["m"] is not None or g["m2"] is not None or g["m3"] is not None:
        month = _md(g["m"] or g["m2"] or g["m3"])
        day = _md(g["d"] or g["d2"] or g["d3"])
        if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        year = _md(g["y"] or g["y2"])
        return Figure("date", f"{month}-{day}", m.start(), m.end(), text, float(day), year=year)
    if g["ye"] is not None:
        year = _md(g["y9"]) if g["y9"] else None
        return Figure("date", "12-31", m.start(), m.end(), text, 31.0, year=year)
    if g["m8"] is not None:
        month, year = _md(g["m8"]), _md(g["y8"])
        if month is None or not 1 <= month <= 12:
            return None
        day = calendar.monthrange(year if year and 1900 <= year <= 2200 else 2001, month)[1]
        return Figure("date", f"{month}-{day}", m.start(), m.end(), text, float(day), year=year)
    if g["d4"] is not None or g["d5"] is not None or g["d6"] is not None:
        day = _md(g["d4"] or g["d5"] or g["d6"])
        if day is None or not 1 <= day <= 31:
            return None
        return Figure("date", f"?-{day}", m.start(), m.end(), text, float(day))
    if g["y6"] is not None:
        year = _md(g["y6"])
        if year is None or not 1900 <= year <= 2200:
            return None
        return Figure("year", str(year), m.start(), m.end(), text, float(year))
    month = _md(g["m7"])
    if month is None or not 1 <= month <= 12:
        return None
    return Figure("month", str(month), m.start(), m.end(), text, float(month))


def _time(m: re.Match[str]) -> Figure | None:
    if m.group("h") is not None:
        hour, minute = int(m.group("h")), int(m.group("mi"))
        if m.group("part0") in ("下午", "晚上", "傍晚", "晚") and hour < 12:
            hour += 12  # 下午2:32 is 14:32
    else:
        raw = m.group("h2")
        if not raw[0].isdigit() and m.group("part") is None and not m.group("mi2") and not m.group("half"):
            return None  # 一点, 两点 without 上午/下午 or minutes: "a little", not a time
        hour = _md(raw) or 0
        minute = 30 if m.group("half") else (_md(m.group("mi2")) or 0)
        if m.group("part") in ("下午", "晚上", "傍晚", "晚") and hour < 12:
            hour += 12
    if hour > 24 or minute > 59:
        return None
    return Figure("time", f"{hour}:{minute:02d}", m.start(), m.end(), m.group(), float(hour))


def read_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, non-overlapping, in order (spans index ``text``).

    Chinese numerals count only with a unit or counter (三天, 两成, 叁仟元): 一起 and
    一定 are words.  Arabic digits left over count as bare numbers.
    """
    folded = fold(text)
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def take(fig: Figure | None) -> None:
        if fig is not None and fig.end > fig.start and free(fig.start, fig.end):
            found.append(replace(fig, text=text[fig.start : fig.end]))
            taken.append((fig.start, fig.end))

    for m in _RATE_ALTERNATION.finditer(folded):
        take(_rate(m, folded))
    for m in _DATE_RE.finditer(folded):
        take(_date(m))
    for m in _TIME_RE.finditer(folded):
        take(_time(m))
    for m in _MONEY_RANGE_RE.finditer(folded):
        # 1万-20万元, 1,000-200,000元, 1-20万元: both ends are money, in the unit written
        first, second = _n(m.group("r1")), _n(m.group("r2"))
        if first is None or second is None or _unit_only(m.group("r1")) or _unit_only(m.group("r2")):
            continue
        if not free(m.start(), m.end()):
            continue
        high = second * _MONEY_UNITS[m.group("ru2")]
        low = first * _MONEY_UNITS[m.group("ru1") or m.group("ru2")]
        take(
            Figure(
                "money",
                format_number(low),
                m.start("r1"),
                m.end("ru1") if m.group("ru1") else m.end("r1"),
                "",
                low,
            )
        )
        take(Figure("money", format_number(high), m.start("r2"), m.end("ru2"), "", high))
    for m in _MONEY_RE.finditer(folded):
        take(_money(m, folded))
    for m in _DURATION_RE.finditer(folded):
        n = _n(m.group("n").replace(" ", ""))
        if n is not None and not _unit_only(m.group("n")):
            unit = _DURATION_UNITS.get(m.group("u"), m.group("u"))
            n, unit = _EXACT_DURATION.get(unit, (1, unit))[0] * n, _EXACT_DURATION.get(unit, (1, unit))[1]
            take(Figure("duration", f"{format_number(n)}{unit}", m.start(), m.end(), m.group(), n))
    for m in _COUNT_RE.finditer(folded):
        n = _n(m.group("n").replace(" ", ""))
        if _unit_only(m.group("n")):
            continue
        if n is None or (
            n == 1
            and m.group("u")[0] in _ARTICLE_COUNTERS
            and not m.group("n").isdigit()
            and _LIMIT_BEFORE_RE.search(folded, max(0, m.start() - 3), m.start()) is None
        ):
            continue  # 一笔借款 is "a loan"; 限领一张, 每人限一次 count
        start = m.start("n") if m.group("ord") is None else m.start()
        take(Figure("count", format_number(n), start, m.end(), m.group(), n))
    for m in _BARE_RE.finditer(folded):
        n = _n(m.group())
        if n is not None:
            take(Figure("number", format_number(n), m.start(), m.end(), m.group(), n))
    for m in _CN_RUN_RE.finditer(folded):
        n = _n(m.group())
        if n is not None:
            take(Figure("number", format_number(n), m.start(), m.end(), m.group(), n))
    found.sort(key=lambda f: (f.start, f.end))
    return found
