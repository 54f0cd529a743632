"""A benchmark message mix that looks like real traffic, generated from templates.

Real SMS gateways mostly carry service notices (balances, bills, codes, policy and order
notices) and templated marketing that follows the rules; risky and evasive drafts are the
minority a checker exists for.  The throughput figures are only meaningful on such a mix,
so it is built here from templates in code (no real message text is stored):

* ``service``: account, card, bill, repayment, verification-code, policy, fund and payment
  notices (default 50%);
* ``marketing``: compliant templated promotions with signature, opt-out and the required
  disclosures (default 25%);
* ``risky``: promises, high yields, loans without APR, short links, personal data, secret
  requests, illegal finance, and evasions of each (homophones, spacing, traditional
  characters, full-width, pinyin, fragments) (default 25%).

Every message gets fresh slot values (tails, amounts, dates, codes), so no two are equal.
"""

from __future__ import annotations

import random
from collections.abc import Callable

Template = Callable[[random.Random], str]

BANKS = ["明德银行", "华兴银行", "东港农商银行", "瑞丰银行"]
PAY = ["汇通支付", "易付宝钱包"]
INSURERS = ["安泰人寿", "平和财险", "安泰健康"]
FUNDS = ["鼎盛基金", "长河基金"]
LENDERS = ["捷贷消费金融", "信达小贷"]
BROKERS = ["华信证券", "国瑞证券"]
SPAM = ["鑫源控股", "汇盈财富", "金鼎投资"]
PRODUCTS = ["稳盈1号", "月月盈", "安心理财A款", "季季丰2期"]


def _tail(r: random.Random) -> str:
    return f"{r.randrange(10000):04d}"


def _money(r: random.Random, lo: int = 10, hi: int = 50000) -> str:
    return f"{r.randrange(lo, hi):,}.{r.randrange(100):02d}"


def _date(r: random.Random) -> str:
    return f"{r.randrange(1, 13)}月{r.randrange(1, 29)}日"


def _time(r: random.Random) -> str:
    return f"{r.randrange(24):02d}:{r.randrange(60):02d}"


def _pick(r: random.Random, items: list[str]) -> str:
    return items[r.randrange(len(items))]


def _optout(r: random.Random) -> str:
    return _pick(r, ["回T退订", "退订回T", "拒收请回复R", "回T退订"])


SERVICE: list[Template] = [
    lambda r: (
        f"【{_pick(r, BANKS)}】您尾号{_tail(r)}的账户于{_date(r)}{_time(r)}支出（消费）{_money(r)}元，"
        f"余额{_money(r)}元。"
    ),
    lambda r: (
        f"【{_pick(r, BANKS)}】您尾号{_tail(r)}账户{_date(r)}代发工资入账{_money(r)}元，余额{_money(r)}元。"
    ),
    lambda r: (
        f"【{_pick(r, BANKS)}】您尾号{_tail(r)}的信用卡本期账单金额{_money(r)}元，最低还款额{_money(r, 10, 900)}元，"
        f"最后还款日{_date(r)}，请按时还款。"
    ),
    lambda r: (
        f"【{_pick(r, LENDERS)}】您的借款本期应还金额{_money(r, 100, 9000)}元，还款日为{_date(r)}，"
        "请保持绑定账户余额充足。"
    ),
    lambda r: (
        f"【{_pick(r, BANKS + PAY)}】验证码{r.randrange(100000, 1000000)}，您正在进行转账操作，"
        f"{r.randrange(2, 11)}分钟内有效，请勿告知他人。"
    ),
    lambda r: f"【{_pick(r, PAY)}】您的验证码为{r.randrange(1000, 10000)}，用于登录，请勿泄露。",
    lambda r: (
        f"【{_pick(r, INSURERS)}】您投保的保单（尾号{_tail(r)}）已于{_date(r)}生效，电子保单可在官方App查看。"
    ),
    lambda r: (
        f"【{_pick(r, INSURERS)}】您的保单将于{_date(r)}到期，如需续保请登录官方App办理，"
        f"详询客服{r.randrange(95500, 95599)}。"
    ),
    lambda r: (
        f"【{_pick(r, PAY)}】您的订单{r.randrange(10**15, 10**16)}已支付成功，金额{_money(r, 1, 3000)}元。"
    ),
    lambda r: (
        f"【{_pick(r, FUNDS)}】您于{_date(r)}申购的基金已确认，确认份额{_money(r, 100, 90000)}份，"
        "详情请登录官网查询。"
    ),
    lambda r: (
        f"【{_pick(r, BANKS)}】您尾号{_tail(r)}的借记卡已于{_date(r)}挂失成功，如非本人操作请致电客服。"
    ),
    lambda r: (
        f"【{_pick(r, BANKS)}】您尾号{_tail(r)}的信用卡已逾期{r.randrange(1, 30)}天，欠款{_money(r, 100, 9000)}元，"
        f"请尽快还款，如有困难可致电400-820-{_tail(r)}协商。"
    ),
    lambda r: (
        f"【{_pick(r, BANKS)}】您的网银登录密码于{_date(r)}{_time(r)}修改成功，如非本人操作请立即致电客服。"
    ),
    lambda r: (
        f"【{_pick(r, LENDERS)}】您申请的借款{_money(r, 1000, 50000)}元已放款至尾号{_tail(r)}的银行卡，"
        "请注意查收。"
    ),
    lambda r: f"【{_pick(r, BANKS)}】您预约的{_date(r)}网点业务已受理，请携带有效身份证件按时办理。",
    lambda r: f"【{_pick(r, BANKS)}】警惕冒充客服的诈骗电话，本行不会索要验证码，切勿向他人转账。",
    lambda r: (
        f"【{_pick(r, PAY)}】您尾号{_tail(r)}的银行卡于{_date(r)}成功提现{_money(r, 10, 9000)}元，"
        f"预计{r.randrange(1, 3)}个工作日到账。"
    ),
    lambda r: f"【{_pick(r, BROKERS)}】您的资金账户{_date(r)}转入{_money(r)}元，可用资金{_money(r)}元。",
    lambda r: (
        f"【{_pick(r, BANKS)}】尊敬的客户，您的定期存款{_money(r, 1000, 90000)}元将于{_date(r)}到期，"
        "到期后自动转存。"
    ),
    lambda r: (
        f"【{_pick(r, INSURERS)}】您提交的理赔申请（案件号{r.randrange(10**9, 10**10)}）已审核通过，"
        f"赔款{_money(r, 100, 20000)}元将于3个工作日内到账。"
    ),
]

MARKETING: list[Template] = [
    lambda r: (
        f"【{_pick(r, BANKS)}】信用卡周末美食满{r.randrange(50, 200)}元减{r.randrange(5, 30)}元，"
        f"活动至{_date(r)}，详见官方App。{_optout(r)}"
    ),
    lambda r: (
        f"【{_pick(r, FUNDS)}】{_pick(r, FUNDS)[:2]}纯债债券基金{_date(r)}起发售，"
        f"基金有风险，投资须谨慎。{_optout(r)}"
    ),
    lambda r: (
        f"【{_pick(r, BANKS)}】{_pick(r, PRODUCTS)}理财产品开放申购，业绩比较基准{r.randrange(2, 4)}.{r.randrange(10)}%，"
        f"理财非存款，产品有风险，投资须谨慎。{_optout(r)}"
    ),
    lambda r: (
        f"【{_pick(r, LENDERS)}】个人消费贷款年化利率（单利）{r.randrange(4, 9)}.{r.randrange(10)}%起，"
        f"最高可借{r.randrange(2, 20)}万元，以审批结果为准。{_optout(r)}"
    ),
    lambda r: (
        f"【{_pick(r, PAY)}】扫码乘车单笔立减{r.randrange(1, 3)}元，每天限{r.randrange(1, 4)}次，"
        f"{_date(r)}截止。{_optout(r)}"
    ),
    lambda r: (
        f"【{_pick(r, INSURERS)}】百万医疗险全新升级，详见官网 https://www.antai-life.com/p/{_tail(r)} "
        f"保险有风险，投保需谨慎。{_optout(r)}"
    ),
    lambda r: (
        f"【{_pick(r, BANKS)}】为行动不便的老年客户提供上门服务，预约请致电400-820-{_tail(r)}。{_optout(r)}"
    ),
    lambda r: (
        f"【{_pick(r, BANKS)}】{_date(r)}起办理信用卡账单分期，手续费率{r.randrange(5, 9)}折优惠，"
        f"年化利率（单利）{r.randrange(9, 15)}.{r.randrange(10)}%。{_optout(r)}"
    ),
    lambda r: (
        f"【{_pick(r, BROKERS)}】两融业务开户指引已更新，详见官方App。股市有风险，入市需谨慎。{_optout(r)}"
    ),
    lambda r: (
        f"【{_pick(r, PAY)}】邀请好友注册，双方各得{r.randrange(2, 10)}元话费券，活动详情见App。{_optout(r)}"
    ),
]

RISKY: list[Template] = [
    lambda r: f"【{_pick(r, SPAM)}】{_pick(r, PRODUCTS)}稳赚不赔，保本保息，名额有限。{_optout(r)}",
    lambda r: (
        f"【{_pick(r, SPAM)}】内部渠道，年化收益{r.randrange(12, 36)}%，月月分红，当天到账。{_optout(r)}"
    ),
    lambda r: f"【{_pick(r, SPAM)}】稳*赚*不*赔的好项目，日收益{r.randrange(1, 9)}‰起，加V详聊。",
    lambda r: f"【{_pick(r, SPAM)}】wen赚不赔，bao本高息，私募内部额度，速来。",
    lambda r: f"【{_pick(r, SPAM)}】穩賺不賠，保本保息，內部認購額度有限。回T退订",
    lambda r: f"【{_pick(r, SPAM)}】ｂａｏ本理财，年化１５％，零风险，立即抢购。",
    lambda r: f"【{_pick(r, SPAM)}】稳，赚，不，赔！本金。安全！收益，有保障！",
    lambda r: (
        f"【{_pick(r, LENDERS)}】无抵押无担保，日息低至0.0{r.randrange(2, 6)}%，借1万元每天仅需{r.randrange(2, 6)}元。{_optout(r)}"
    ),
    lambda r: (
        f"【{_pick(r, LENDERS)}】您有一笔备用金待领取，额度{r.randrange(2, 9)}000元，点击 t.cn/{_tail(r)}x 领取。"
    ),
    lambda r: (
        f"【{_pick(r, BANKS)}】您的账户存在异常，请点击 http://{r.randrange(10, 99)}.96.128.33/bank 输入验证码解除冻结。"
    ),
    lambda r: f"{_pick(r, BANKS)}：您的新卡 6217 0012 3456 {_tail(r)} 122 已寄出，请注意查收。",
    lambda r: f"【{_pick(r, BANKS)}】请将收到的短信验证码告知工作人员以完成身份核实。",
    lambda r: (
        f"【{_pick(r, SPAM)}】拉-人-头奖励翻倍，每发展1名下线返现{r.randrange(100, 900)}元。{_optout(r)}"
    ),
    lambda r: f"【{_pick(r, BROKERS)}】牛 股 池 更新：3只翻 倍 股 本周启动，回复1领取。{_optout(r)}",
    lambda r: (
        f"【{_pick(r, LENDERS)}】您已被列入征信黑名单，继续逾期将承担刑事责任，速还{_money(r, 100, 9000)}元。"
    ),
    lambda r: f"【{_pick(r, SPAM)}】外汇保证金交易，百倍杠杆，专家带单，日赚{r.randrange(500, 5000)}元。",
    lambda r: (
        f"【{_pick(r, BANKS)}】{_pick(r, PRODUCTS)}预期年化收益{r.randrange(8, 12)}.{r.randrange(10)}%，央行认证，绝对安全。{_optout(r)}"
    ),
    lambda r: f"【{_pick(r, SPAM)}】投1万元，月月领{r.randrange(150, 900)}元，到期本金全额返还。",
    lambda r: (
        f"【{_pick(r, INSURERS)}】重疾险限时投保，{r.randrange(100, 130)}种重疾确诊即赔，首年保费{r.randrange(100, 500)}元起。{_optout(r)}"
    ),
    lambda r: f"【{_pick(r, PAY)}】{{{{name}}}}您好，您的${{product}}已开通，详询xxxx。",
]

SHARES = {"service": 0.5, "marketing": 0.25, "risky": 0.25}
GROUPS = {"service": SERVICE, "marketing": MARKETING, "risky": RISKY}


def build_mix(n: int, seed: int = 20240611, shares: dict[str, float] | None = None) -> list[tuple[str, str]]:
    """``n`` messages as ``(group, text)``, groups in the given shares, order shuffled."""
    rng = random.Random(seed)
    shares = shares or SHARES
    counts = {g: int(n * s) for g, s in shares.items()}
    counts[next(iter(shares))] += n - sum(counts.values())
    out: list[tuple[str, str]] = []
    for group, count in counts.items():
        templates = GROUPS[group]
        out.extend((group, templates[i % len(templates)](rng)) for i in range(count))
    rng.shuffle(out)
    return out


def texts(n: int, seed: int = 20240611) -> list[str]:
    return [text for _, text in build_mix(n, seed)]
