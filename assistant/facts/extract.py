"""Facts as (role, value, span): what a customer relies on, and what it is *for*.

Comparing facts by value alone lets a rewrite keep every number and still change the
message: the old due date reused as the statement date, the card tail as the amount due,
the amount due as the minimum payment.  So each figure is given the role its words give
it (最低还款额 → minimum payment, 账单日 → statement date, 尾号 → card tail …), read from
the cue nearest before it in its clause or, for a few forms, right after it (12月8日前还款,
100元起购).  A figure with no cue keeps a generic role (``amount``, ``date``, ``rate``),
which matches any role of its family when two texts are compared.

One extractor for the checker, the gate, the evals and the UI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.checker.recognizers import (
    PRODUCT_RE,
    digit_projection,
    plausible_product_name,
    product_core,
)
from assistant.facts.contacts import find_contacts
from assistant.text.figures import Figure, read_figures
from assistant.text.normalize import fold

#: Chinese labels of roles, for messages (改写遗漏或改动了原文的{label}…).
ROLE_LABELS = {
    "amount": "金额",
    "amount_due": "应还金额",
    "min_payment": "最低还款额",
    "balance": "余额",
    "fee": "费用",
    "credit_limit": "额度",
    "txn_limit": "单笔限额",
    "daily_limit": "每日限额",
    "monthly_limit": "每月限额",
    "transaction": "交易金额",
    "premium": "保费",
    "sum_insured": "保额",
    "min_purchase": "起购金额",
    "offer": "优惠金额",
    "date": "日期",
    "due_date": "还款日/到期日",
    "statement_date": "账单日",
    "validity": "有效期/截止日期",
    "year": "年份",
    "month": "月份",
    "time": "时间",
    "duration": "期限",
    "count": "数量",
    "per_customer_count": "每户/每人次数",
    "per_day_count": "每日次数",
    "per_month_count": "每月次数",
    "rate": "利率/比例",
    "loan_rate": "借款利率",
    "yield": "收益率/业绩比较基准",
    "fee_rate": "费率",
    "multiple": "倍数",
    "discount": "折扣",
    "tail": "卡号/账号尾号",
    "phone": "电话",
    "url": "链接",
    "im": "社交账号",
    "product": "产品名称",
    "counterparty": "交易对方（商户/收款方）",
    "means": "支付方式（卡种/付款工具）",
    "signature": "签名",
}
#: Family of each role: a generic role matches any role of its family.
FAMILY = {
    **dict.fromkeys(
        (
            "amount",
            "amount_due",
            "min_payment",
            "balance",
            "fee",
            "credit_limit",
            "txn_limit",
            "daily_limit",
            "monthly_limit",
            "transaction",
            "premium",
            "sum_insured",
            "min_purchase",
            "offer",
        ),
        "amount",
    ),
    **dict.fromkeys(("count", "per_customer_count", "per_day_count", "per_month_count"), "count"),
    **dict.fromkeys(("date", "due_date", "statement_date", "validity"), "date"),
    **dict.fromkeys(("rate", "loan_rate", "yield", "fee_rate"), "rate"),
}
GENERIC = frozenset({"amount", "date", "rate", "count"})
#: Backwards-compatible name of :data:`ROLE_LABELS`.
FACT_LABELS = ROLE_LABELS

# Cue words before a figure, nearest wins; listed per role, longest first where they overlap.
_BEFORE: dict[str, tuple[str, ...]] = {
    "min_payment": (
        "最低还款额",
        "最低还款",
        "最低应还",
        "最低还",
        "最低缴",
        "最少还款",
        "最少还",
        "至少还款",
        "至少还",
        "最少需还款",
        "最少需还",
        "至少需还款",
        "至少需还",
        "最少应还",
        "至少应还",
    ),
    "amount_due": (
        "应还款额",
        "应还金额",
        "应还款",
        "应还",
        "账单金额",
        "本期账单",
        "账单",
        "还款金额",
        "还款额",
        "待还",
        "欠款",
        "应缴",
        "需还款",
        "需还",
        "需缴",
        "应付",
        "本期还款",
        "剩余应还",
    ),
    "balance": ("可用余额", "余额", "结余"),
    "fee": (
        "手续费",
        "年费",
        "服务费",
        "费用",
        "罚息",
        "违约金",
        "滞纳金",
        "管理费",
        "申购费",
        "赎回费",
        "利息",
    ),
    "credit_limit": (
        "借款额度",
        "信用额度",
        "可用额度",
        "额度",
        "最高可借",
        "最高可贷",
        "可借",
        "可贷",
        "授信",
        "提额至",
        "提升至",
        "调整为",
        "最高借",
    ),
    # a limit's scope is its role (单笔限额300元, 每日累计限额1500元: swapped, every figure stays)
    "txn_limit": (
        "单笔限额",
        "单笔最高",
        "单笔上限",
        "每笔限额",
        "每笔最高",
        "每笔上限",
        "单次限额",
        "单笔交易限额",
    ),
    "daily_limit": (
        "每日累计限额",
        "日累计限额",
        "每日限额",
        "单日限额",
        "日限额",
        "每日累计",
        "当日累计",
        "每日上限",
        "单日累计",
        "每日最高",
    ),
    "monthly_limit": (
        "每月累计限额",
        "月累计限额",
        "每月限额",
        "单月限额",
        "月限额",
        "每月累计",
        "当月累计",
        "每月上限",
    ),
    # a count's scope (每户限2次 is not 每日限2次)
    "per_customer_count": (
        "每户限",
        "每人限",
        "每位客户限",
        "每名客户限",
        "每个账户限",
        "每户",
        "每人",
        "每位客户",
        "每名客户",
        "每位用户",
        "每名用户",
        "每个账户",
        "每张卡",
    ),
    "per_day_count": ("每日限", "每天限", "单日限", "每日", "每天", "单日", "当日"),
    "per_month_count": ("每月限", "单月限", "每月", "单月", "当月"),
    "transaction": (
        "消费",
        "支出",
        "转入",
        "转出",
        "入账",
        "收入",
        "扣款",
        "扣费",
        "扣除",
        "支付",
        "付款",
        "交易",
        "取现",
        "退款",
        "到账",
        "缴费",
        "汇款",
        "存入",
        "收到",
        "还款",
    ),
    "premium": ("续期保费", "保费"),
    # the sum insured is not the premium (保险金额500,000元, 年缴保费306元)
    "sum_insured": ("保险金额", "保障额度", "保额"),
    "offer": (
        "立减",
        "返现",
        "红包",
        "优惠",
        "奖励",
        "抵扣",
        "奖金",
        "补贴",
        "减免",
        "赠送",
        "送",
        "返",
        "减",
    ),
    "statement_date": ("账单日", "出账日", "账单日期", "出账"),
    "due_date": (
        "最后还款日",
        "到期还款日",
        "还款截止日",
        "截止还款日",
        "还款日期",
        "还款日",
        "到期日",
        "最迟还款",
    ),
    "validity": ("有效期至", "有效期", "截至", "截止", "活动时间", "活动期间", "有效至"),
    "loan_rate": (
        "年化利率",
        "借款利率",
        "贷款利率",
        "综合年化",
        "日利率",
        "月利率",
        "年利率",
        "日息",
        "月息",
        "年息",
        "利率",
        "费率",
    ),
    "yield": ("业绩比较基准", "七日年化", "年化收益", "预期收益", "收益率", "收益", "回报", "分红"),
    "fee_rate": ("手续费率", "申购费率", "赎回费率", "管理费率"),
}
_AFTER: dict[str, tuple[str, ...]] = {
    "min_purchase": ("起购", "起存", "起投", "起售", "起借"),
    "due_date": ("前还款", "之前还款", "前还清", "前缴", "到期", "前完成还款", "前还", "前归还"),
    "validity": ("前有效", "止", "截止", "结束", "前办理", "前购买", "前申请", "前使用", "内有效"),
}
_FAMILY_ROLES = {
    "money": (
        "min_payment",
        "amount_due",
        "balance",
        "fee",
        "credit_limit",
        "txn_limit",
        "daily_limit",
        "monthly_limit",
        "transaction",
        "premium",
        "sum_insured",
        "offer",
    ),
    "date": ("statement_date", "due_date", "validity"),
    "rate": ("fee_rate", "loan_rate", "yield"),
    "count": ("per_customer_count", "per_day_count", "per_month_count"),
}
_GENERIC_OF = {"money": "amount", "date": "date", "rate": "rate", "count": "count"}
_CLAUSE_END = "，,。；;！!？?\n"
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d)")
_QUOTED_RE = re.compile(r"[《“\"「](?P<q>[^》”\"」]{2,24})[》”\"」]")
#: Words that are no counterparty (在手机银行消费 names a channel; 于12月3日 a date).
_NOT_COUNTERPARTY_RE = re.compile(
    r"\d|手机银行|网上银行|网银|app|本行|我行|您|线上|线下|境外|境内|网点|柜台|今日|当日|本月|进行|正在"
    # …nor a purpose (用于支付和转账: 于 of 用于, then a verb joined to the next)
    r"|^(?:支付|消费|付款|转账|汇款|刷卡|购物|扣款|还款|缴费)|[和及与或、]$"
)
#: The amount's measure word before a payment verb (单笔消费满100元), and the words that introduce how
#: it is paid (使用, 通过, 刷 …): read by the counterparty and by the means of payment alike.
_AMOUNT_MEASURE = "单笔|每笔|首笔|累计|单次|单日|当月"
_MEANS_INTRO = r"使用|(?<![信费使作])用(?!户|于|途)|通过|持|凭|刷|登录|打开"
#: The other side of a transaction (在华联超市消费, 向张三转账, 收款方：某某公司): a fact a
#: notice's reader relies on as much as its amount.  A measure word before the verb is the
#: amount's, not the name's (在指定商超单笔消费满100元: the party is 指定商超).
_COUNTERPARTY_RE = re.compile(
    rf"(?:(?<![存现])在|向|于)(?P<p>[\u4e00-\u9fffA-Za-z]{{2,16}}?)的?(?:{_AMOUNT_MEASURE}|线上|线下|在线|到店)?(?:扫码|刷码)?(?:消费|付款|支付|转账|汇款|刷卡|购物|扣款)"
    r"|(?:收款方|付款方|收款人|商户名称|商户|对方户名|对方账户名)[为是:：]\s*(?P<q>[\u4e00-\u9fffA-Za-z]{2,20})"
)
_MEANS_RE = re.compile(_MEANS_INTRO + r"|借助|出示")
#: How an offer's purchase must be paid (使用明德白金信用卡消费, 用汇通支付付款码支付, 线上支付): a
#: condition of the offer as much as its merchant — 明德信用卡 → 银行卡 widens who qualifies.
_PAYMENT_MEANS_RE = re.compile(
    # (the instrument ends the phrase: a card, a code, an app or wallet — not 用户首次绑定…并完成一笔,
    # not 信用卡境外消费)
    rf"(?:{_MEANS_INTRO})"
    r"(?P<m>(?:(?!在|于|向|并|及|和)[\u4e00-\u9fffA-Za-z]){0,10}?"
    r"(?:卡|付款码|收款码|二维码|钱包|手机银行|app|客户端|云闪付|支付宝|微信|数字人民币|账户))"
    rf"(?:[在于][^，,。；;！!？?]{{2,16}}?)?(?:{_AMOUNT_MEASURE})?(?:扫码|刷码)?"
    r"(?:消费|支付|付款|刷卡|购物|缴费|充值|交易)"
    r"|(?P<w>线上|线下|到店|在线)(?:扫码)?(?:消费|支付|付款|购物)"
)
_TAIL_RE = re.compile(
    r"(?:尾号|末四位|末4位|后四位|后4位|尾数|末尾|尾号为|尾号是)[为是:：\s~]*(?P<t>\d(?:~{0,2}\d){2,3})(?!\d)"
    r"|(?:\*{2,}|x{4,}|\*\*\*\*\s)(?P<m>\d{4})(?!\d)"
)


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact: its ``role`` (see :data:`ROLE_LABELS`), normalised value, and span."""

    role: str
    value: str
    text: str
    start: int
    end: int

    @property
    def kind(self) -> str:
        """The family (amount, date, rate, tail, phone …): what the value measures."""
        return FAMILY.get(self.role, self.role)

    @property
    def label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def generic(self) -> bool:
        return self.role in GENERIC


def same_value(a: str, b: str, role: str) -> bool:
    """Two values of one family are the same fact (a day-only date matches its full date:
    12月3日 and 3日; 1月1日 and 下月1日, whose month the rewrite gate then reads around it)."""
    if a == b:
        return True
    if FAMILY.get(role) == "date" and ("?-" in a or "?-" in b):
        return a.split("-")[-1] == b.split("-")[-1]
    return False


def _clause_before(folded: str, start: int, width: int = 14) -> str:
    head = _THOUSANDS_RE.sub("_", folded[max(0, start - width) : start])  # 10,000 is one number
    cut = max(head.rfind(ch) for ch in _CLAUSE_END)
    return re.sub(r"\s", "", head[cut + 1 :])


def _clause_after(folded: str, end: int, width: int = 8) -> str:
    tail = _THOUSANDS_RE.sub("_", re.sub(r"\s", "", folded[end : end + width]))
    cuts = [i for i in (tail.find(ch) for ch in _CLAUSE_END) if i >= 0]
    return tail[: min(cuts)] if cuts else tail


def role_of(folded: str, fig: Figure) -> str:
    """The role of a money, date or rate figure from the words around it."""
    family = "money" if fig.kind == "money" else fig.kind
    roles = _FAMILY_ROLES.get(family)
    if roles is None:
        return fig.kind
    after = _clause_after(folded, fig.end)
    for role, cues in _AFTER.items():
        usable = role in roles or (role == "min_purchase" and family == "money")
        if usable and any(after.startswith(c) for c in cues):
            return role
    before = _clause_before(folded, fig.start)
    best: tuple[int, int, str] | None = None  # (position of the cue's end, length, role)
    for role in roles:
        for cue in _BEFORE[role]:
            at = before.rfind(cue)
            if at < 0:
                continue
            key = (at + len(cue), len(cue), role)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else _GENERIC_OF[family]


def extract_facts(text: str, products: list[str] | None = None) -> list[Fact]:
    """Every fact in ``text`` with its role (spans index ``text``).

    Figures (money, dates, times, rates, durations, counts, multiples), card and account
    tails, contact points (phone, link, IM handle, signature) and product names
    (``products``: the sender's registered names, found wherever they occur).
    """
    folded = fold(text)
    facts: list[Fact] = []
    contacts = find_contacts(text)
    in_contact = [(c.start, c.end) for c in contacts if c.kind in ("url", "phone")]

    def add(role: str, value: str, start: int, end: int) -> None:
        facts.append(Fact(role, value, text[start:end], start, end))

    proj = digit_projection(folded)
    tails: list[tuple[int, int]] = []
    for m in _TAIL_RE.finditer(proj):
        group = "t" if m.group("t") is not None else "m"
        digits = re.sub(r"\D", "", m.group(group))
        add("tail", digits, m.start(group), m.end(group))
        tails.append((m.start(group), m.end(group)))
    skip = in_contact + tails
    for fig in read_figures(text):
        if any(s <= fig.start < e for s, e in skip):
            continue
        if fig.kind in ("money", "date", "rate", "count"):
            add(role_of(folded, fig), fig.value, fig.start, fig.end)
        elif fig.kind != "number":
            add(fig.kind, fig.value, fig.start, fig.end)
    head, tail = len(text) - len(text.lstrip()), len(text.rstrip())
    for c in contacts:
        if c.kind == "signature" and c.start != head and c.end != tail:
            continue  # 【双十二】 in the body is no signature (SIG003), it is reworded as 「双十二」
        add(c.kind, c.value, c.start, c.end)
    for m in PRODUCT_RE.finditer(folded):
        core = product_core(m.group(), m.start())
        if core is not None and plausible_product_name(core[0]):
            add("product", core[0], core[1], m.end())
    for m in _QUOTED_RE.finditer(folded):
        add("product", m.group("q"), m.start("q"), m.end("q"))  # a quoted name is kept as written
    for m in _COUNTERPARTY_RE.finditer(folded):
        g = "p" if m.group("p") is not None else "q"
        name, end = m.group(g), m.end(g)
        # the party, then how it was paid (在指定超市使用信用卡消费): the party alone
        means = _MEANS_RE.search(name, 2)
        if means is not None:
            name, end = name[: means.start()], m.start(g) + means.start()
        if not _NOT_COUNTERPARTY_RE.search(name):
            add("counterparty", name, m.start(g), end)
    for m in _PAYMENT_MEANS_RE.finditer(folded):
        g = "m" if m.group("m") is not None else "w"
        value = re.sub(r"(?:扫码|刷码)$", "", m.group(g))  # 通过手机银行扫码 names the app, not the act
        add("means", value, m.start(g), m.start(g) + len(value))
    for name in products or []:
        key = fold(name)
        for m in re.finditer(re.escape(key), folded):
            add("product", key, m.start(), m.end())
    facts.sort(key=lambda f: (f.start, f.end, f.role))
    return facts
