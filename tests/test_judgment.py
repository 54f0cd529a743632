"""Mechanism tests for the checker's judgment (issue 11): message kind as a decision with
evidence, claim families over a folded view, word boundaries, one context pass with its
effects recorded, personal data by shape, and yields read with their period and role.

Each case is written to exercise one mechanism with wording that is not in any rule's
examples, so a test fails when the mechanism breaks, not when a sentence changes.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.checker.models import CheckResult

RISK = "理财非存款，产品有风险，投资须谨慎。回T退订"


def codes(result: CheckResult, severity: str | None = None) -> set[str]:
    return {f.code for f in result.findings if severity is None or f.severity == severity}


def spans_exact(result: CheckResult, text: str) -> None:
    for f in result.findings:
        assert f.evidence == text[f.start : f.end], f


def fires_exactly(checker: Checker, text: str, code: str) -> None:
    """``code`` is an error on ``text`` and every span is exact."""
    result = checker.check(text)
    assert code in codes(result, "error"), [(f.code, f.evidence) for f in result.findings]
    spans_exact(result, text)


# ------------------------------------------------------------------------ message kind


@pytest.mark.parametrize(
    "text",
    [
        # a notice with an offer shape appended (threshold discount, fee waiver, price pitch)
        "【恒信银行】您尾号8812的信用卡账单已出，应还2,300元。本月刷卡满300减30，速来。",
        "【恒信银行】您的信用卡本期账单已出，还款日1月9日，现办理分期可免前3期手续费。",
        "【恒信银行】借5万元每月仅需还1500元，详询客户经理。",
        # credit or a benefit waiting to be taken, pre-approval and invitations
        "【恒信银行】您有一笔10万元备用金待领取，请尽快登录App。",
        "【恒信银行】恭喜，您的消费贷已通过初审，额度最高20万元。",
        "【恒信银行】您已获邀开通私行专属服务，客户经理将与您联系。",
        # an invitation to move money into a product
        "【恒信银行】您的定期存款即将到期，可转入恒信安盈3号理财。",
        # reply to accept
        "【恒信银行】您的临时额度即将到期，回复Y立即恢复。",
        # something done "for you" that is credit or a benefit is a pre-approval pitch
        "【恒信银行】已为您开通20万元备用金额度，登录App即可使用。",
        "【恒信银行】已为您升级专属权益，立即查看。",
        # a reward for doing something (the reader is paid to act)
        "【恒信银行】您的借记卡尚未开通快捷支付，开通后可得最高66元立减金。",
        # a soft invitation after a notice: a shape made of cue words still counts
        "【恒信银行】您的网银证书已更新成功。恒信App全新改版，欢迎下载体验。",
        "【恒信银行】您的存单已到期转存。到网点办理时可一并了解养老理财产品。",
        "【恒信银行】您的信用卡已激活，我们为您准备了一份开卡礼品，请到网点领取。",
        # a credit line stated with its amount as ready, or a prompt to draw it now
        "【恒信消费金融】您的专属信用额度38,000元已下发，登录App即可提款。",
        "【恒信消费金融】您的可用额度已恢复至2万元，马上提现到卡。",
        # credit offered on a condition of need, and an adviser's session offered
        "【恒信银行】您的房贷本月已扣款成功。如需装修贷款，可通过手机银行在线申请。",
        "【恒信人寿】您的保单已满3年，欢迎预约保险顾问做家庭保障检视，电话95599。",
        # instalments offered on a bill, buy-now-pay-later, a named product to enrol in, a product to consider
        "【恒信银行】您尾号2201信用卡本月账单1,860.00元。本期账单支持分期，每期手续费率0.55%。",
        "【恒信支付】您已成功付款56.00元。开通恒信月付，先用后付，最长免息30天。",
        "【恒信银行】您的代发工资已入账。工薪族可开通“恒信日日盈”，闲钱自动理财。",
        "【恒信银行】您的活期账户余额较多，可考虑配置本行R2级稳健理财。",
        # a rate quoted as a range is a price list, whatever the notice around it
        "【恒信消费金融】您的授信已更新。恒信随借随还年化利率（单利）6.8%-21.6%，随借随还。",
        # instalments offered through a channel, a coupon arrived, a followed product's new issue open
        "【恒信银行】您的信用卡本期账单3,280.00元已出，可在App办理账单分期，详情见App。",
        "【恒信支付】您有1张满减券已到账，登录App“我的-卡券”查看。",
        "【恒信银行】您关注的“恒信稳利60天”本期份额已开放，可在手机银行查看。理财非存款，产品有风险，投资须谨慎。",
        # a notice sentence first, then a product put on sale or credit on offer in plain words
        "【恒信基金】您持有恒信货币A 8,806.12份。恒信增利债券A近一年涨幅6.8%，App一键转换。",
        "【恒信银行】到期理财资金顺延至节后首个工作日到账。恒信季季盈26期2月18日开放，手机银行可购。",
        "【恒信消费金融】您有1笔借款额度30000元，日息万3，随借随还，登录App即可提现。",
        # an agent's contact line that sells is still a pitch
        "【恒信速借】急用钱？额度5万，有需要的直接联系我，当天到账。",
        # a holiday named is no notice: the offer made during it is what the message says
        "【恒信车险】春节期间凡进店投保车险者送300元保养代金券，详询门店。",
        # a low fee is a selling point, whatever the account words around it
        "【恒信卡友】您的信用卡账单日前可办理信用卡代还，手续费低。",
        # credit said to be taken back unless drawn now
        "【恒信消费金融】您的备用金30,000元已激活，将于今晚24点收回，请尽快登录App提现。",
        # a grace period promised for the next loan, not earned by repaying a card bill
        "【恒信消费金融】您的借款已结清，下次借款立享免息还款待遇。",
        "【恒信银行】您的信用卡账单已出，本月新办分期可享免息待遇。",
        "【恒信银行】您的信用卡账单已出，到期前按时还款，新办分期可享免息期。",
        # a product said to beat what the recipient has, credit set up unasked or passed in
        # advance, credit with a deadline to take it, a buy call in other words
        "【恒信银行】您的定期存款将于1月3日到期，到期后可转购恒信稳盈2号，收益更高。",
        "【恒信银行】您的存款已到期，同期恒信稳盈2号收益率比定期还高，可在手机银行了解。",
        "【恒信银行】您尾号3307的信用卡额度已调整为50,000元，同时为您开通了预借现金5万元。",
        "【恒信消费金融】您的借款申请已预先通过，登录App确认即可到账。",
        "【恒信消费金融】您的借款资格审核已通过，可用额度50,000元，请于3日内激活。",
        "【恒信消费金融】您的借款已结清，信用良好，可再次借款，最高10万元。",
        "【恒信基金】您的定投已扣款成功。市场低位正是加仓好时机。",
        "【恒信银行】您的账户已完成升级，现可使用恒信月月盈，七日年化2.2%，存取灵活。",
        # a business line launched is an announcement of an offer, not an account event
        "【恒信银行】本行个人养老金业务已全面开通，可通过手机银行或任一网点办理开户。",
        # a verification code does not make the promotion after it a notice
        "【恒信银行】验证码382916，新客专享理财年化4.5%，5分钟内有效，速抢！",
        "【恒信银行】您活期账户余额较多，转存恒信稳享2号收益比活期高10倍，详询客户经理。",
        "【恒信银行】您的验证码为628411，5分钟内有效。新客专享理财年化6%，速抢。",
        "【恒信银行】验证码628411，5分钟内有效。本行理财产品收益稳健，欢迎咨询。",
        # an action on a product offered to the recipient, eligibility announced, credit
        # granted unasked alongside an account event
        "【恒信人寿】您的恒信安康保单可升级为家庭版，每年仅加299元，详询95519。",
        "【恒信基金】您的恒信货币A收益稳定，一键转投恒信增利债券A，详见App。",
        "【恒信银行】您本期信用卡账单满足分期条件，可在App办理，每期手续费率0.6%。",
        "【恒信证券】您已具备两融开户条件，欢迎通过App预约开户。",
        "【恒信消费金融】您的借款已结清，额度可继续使用，随借随还，无需再审批。",
        "【恒信银行】您的信用卡已调额成功，已同时获得5万元预借现金额度，登录App即可使用。",
        "【恒信消费金融】系统已自动为您核定借款额度50,000元，点击App领取。",
        # 您可… is an invitation, not the recipient's own account
        "【恒信银行】恒信稳盈3号今日开售，您可登录手机银行购买。",
        # a claim after a term of the recipient's own contract still counts; a condition that
        # names credit is no service act; a fee's name does not hide the offer around it
        "【恒信人寿】您的医疗险保证续保，什么病都能赔，放心续保。",
        "【恒信银行】您的借款将于12月10日到期。如需借款，可登录APP申请，年化利率低至7.2%。",
        "【恒信基金】恒信优选火热认购中，认购费0元，详询95588。",
        "【恒信基金】您的定投已满12期，追加定投还可享申购费0折。",
        "【恒信人寿】您的保单即将到期，新品恒信长保医疗险保证续保20年，欢迎投保。",
        # offers said in other words: instalments 分成N个月, re-borrowing, a raise offered, a
        # threshold met, pay-later next month, a gap in cover named, a cash rebate
        "【恒信银行】您本期账单应还12,000元，最低还款额1,200元，也可分成12个月慢慢还，每期手续费0.6%。",
        "【恒信消费金融】您的借款已结清，信用良好，随时可再借，最高5万元，当日审批。",
        "【恒信银行】您的个人信息已更新，您的信用卡可用额度可提至8万元，回复TE确认。",
        "【恒信证券】您的资金账户已满足融资融券开户门槛，线上10分钟完成开户。",
        "【恒信支付】您的钱包已升级，新增月付功能，每月可先消费次月再还。",
        "【恒信人寿】您的保单已生效。您的孩子尚未配置重疾保障，少儿重疾险保额50万元。",
        "【恒信银行】您的信用卡已开通境外消费功能，本季度境外刷卡享现金回赠。",
        # a question line does not excuse an offer; urging credit to be taken up is a pitch
        "【恒信银行】新客专享理财年化4.5%，如有疑问详询95588。",
        "【恒信银行】您的额度已提升，请抓紧激活使用。",
        # credit offered in plain words beside an obligation word (月供)
        "【恒信金服】有房有车月供均可，高额信用卡办理，额度5到50万。",
        # a service condition reaches its own clause, not a cross-sell after it; a recipient's
        # application is no excuse for a pre-approval pitch; an ongoing offer is no own act
        "【恒信银行】您尾号1234的信用卡本期账单已出，如需修改账单日可登录APP，新客专享恒信快贷立即申请，当天放款。",
        "【恒信银行】您的申请已通过预审，已获得最高20万元专属额度，登录APP即可提款。",
        "【恒信银行】您参与的新客专享高收益理财抢购活动火热进行中。",
        "【恒信银行】您的个人养老金账户已开立，App内有养老理财及养老基金可供选择。",
        # a warning appended to a product and its figures is no notice
        "【恒信银行】恒信快贷额度最高30万元，年化利率3.6%，仅限官方App办理，谨防诈骗。",
        # credit added unasked, a chance to buy more cover, a benefit changed with nothing said
        # of how (a teaser)
        "【恒信消费金融】您的账户新增一笔可用额度50,000元，有效期至12月31日，登录APP即可提现到卡。",
        "【恒信人寿】您的保单已获得一次免健告加保机会，可将医疗保额升至600万，限12月31日前办理。",
        "【恒信消费金融】您的额度已更新，请登录APP查看。",
        "【恒信人寿】您的保障计划有新变化，请登录恒信人寿APP查看。",
        # a benefit verb after the recipient's own card offers, whatever the subject; a window
        # (将于本月) is no dated event
        "【恒信银行】您的信用卡将于本月享受双倍积分，每笔最高10倍。",
        # a chance to upgrade with words between, a coupon arriving, a price for this month only
        "【恒信银行】您的账户已获得一次免费升级白金卡的机会，App申请即可。",
        "【恒信银行】您有一张50元话费券已到账，充值满100元可用，7天内有效。",
        "【恒信证券】您的账户已开通港股通权限，本月港股交易佣金万分之1.5。",
        # another product put after a notice: money steered into it, a named product with its
        # rate, credit opened online, a new customer's coupons, cash back as a rate, timing
        # advice, a new period of a series, a deadline on a price, credit with its ceiling,
        # English offers
        "【恒信银行】您的定期存款将于6月8日到期，到期后可转存「恒享」两年期大额存单，年利率1.95%。",
        "【恒信银行】您尾号2201的账户12月10日代发工资入账6,200.00元。工资理财“恒薪宝”T+1可取，年化2.1%。",
        "【恒信人寿】您的保单已满期，满期金可一键转入“恒福年金”，当前结算利率3.0%。",
        "【恒信证券】您的账户资产已满足条件，可在线开通融资融券，融资年利率5.2%。",
        "【恒信支付】您的新人专享券包已到账，单笔满20元可用。",
        "【恒信银行】您的信用卡已开通境外交易，本月境外消费返现2%，上限200元。",
        "【恒信基金】您定投的恒信中证500本月扣款成功。当前估值处于低位，正是加仓布局时机。",
        "【恒信理财】您持有的恒盈1号已到期兑付。同系列第8期现已开放，可在App查看。",
        "【恒信银行】您的专享分期费率已生效，每期手续费0.35%，本月底前办理有效。",
        "【恒信消费金融】您的账户借款额度最高可达20万元，按日计息，随借随还。",
        "【恒信银行】Your account ending 3301 has been pre-approved for a personal loan of RMB 80,000. Reply 1 to apply.",
    ],
)
def test_promotions_shaped_like_notices_are_never_silently_service(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind in ("marketing", "uncertain"), result.kind_reason
    # the marketing-only rules then speak (error or a warning naming the condition)
    assert "OPT001" in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "【恒信银行】您于12月2日使用优惠券抵扣8.00元，实付92.00元。",
        "【恒信银行】您的信用卡本期享免息还款期，还款日1月9日。",
        "【恒信银行】本行从未委托任何中介办理贷款，请认准官方渠道。",
        "【恒信银行】提醒：所谓“高息揽储”均涉嫌非法集资，请勿参与。",
        "【恒信银行】您的借款由推荐人王强协助办理，如有疑问请致电95599。",
        # an account action done for the recipient (not credit, not a benefit)
        "【恒信银行】已为您开通手机银行转账功能，如非本人操作请致电95599。",
        "【恒信银行】已为您办理账户解冻，可正常使用。",
        # the recipient's own premium, owed or to be charged, and a fund's own liquidation
        "【恒信健康险】您的恒信百万医疗险将于12月31日到期，届时将从尾号2208银行卡自动扣续保保费368元。",
        "【恒信人寿】您的恒信年金险第2期保费10,000元尚未缴纳，宽限期至1月15日，逾期未缴保单效力将中止。",
        "【恒信基金】恒信优选混合因基金资产净值连续60个工作日低于5000万元，将于1月10日起进入清算程序。",
        "【恒信支付】Your verification code is 662019, valid for 5 minutes. Never share it with anyone.",
        "【恒信银行】验证码628411，用于登录手机银行。限时5分钟有效，请勿泄露给他人。",
        # 联系我司 is the company, not the 联系我 of an agent's pitch
        "【恒信小贷】您的借款已逾期，请联系我司客服处理，逾期时间越长费用越高。",
        # money received by the recipient's own wallet, with its amount: a red packet that arrived
        "【恒信银行】您的数字人民币钱包收到商户红包12.50元，可在App查看明细。",
        # investor education that declares every such lure an impostor's or a thing to guard against
        "【恒信证券】凡以本公司名义推荐“翻倍牛股”、拉人进群的均为冒充，请致电95599核实。",
        "【恒信基金】投资者教育：凡是宣称“保本保息”“零风险”的理财都要提高警惕。",
        # a cap of the recipient's own account and an estimate for the recipient's own request
        "【恒信支付】您的账户未完成实名认证，余额支付单日最高500元。",
        "【恒信支付】您的提现已受理，最快次日到账。",
        # a call word whose object is a service act of the recipient's own
        "【恒信银行】您的挂失已办理完成，诚邀您对本次服务进行评价，回复1-5分。",
        "【恒信证券】您持有的股票所属公司将召开股东大会，诚邀您通过网络投票参与表决。",
        "【恒信消费金融】您的借款已逾期3天，请抓紧还款，以免影响信用记录。",
        # notices to a fund's or a stock's holders, a post-sale call-back, an allotment to pay for
        "【恒信基金】恒信成长混合拟召开份额持有人大会，权益登记日为5月6日，详见官网公告。",
        "【恒信人寿】我司将于近日对您新投保的保单进行电话回访，回访不会索要银行卡密码。",
        "【恒信证券】您申购的新股中签300股，请于T+2日16:00前备足认购资金，逾期视为放弃认购。",
        # scam wording named as a pretext or disowned in a warning
        "【恒信保险】防骗提醒：有人以“退保返现”“保本高息”为由诱导转账，请拨打官方客服核实。",
        "【恒信证券】凡以“场外配资”“保证收益”招揽客户的均非本公司行为，请勿上当。",
        # a dividend per unit and the recipient's own premium per year are not prices on offer
        "【恒信基金】您持有的恒信短债A已于12月3日分红，每份0.0150元，已转入您的资金账户。",
        "【恒信财险】您的家财险保单已续保成功，保费168元/年，已从尾号2208银行卡扣款。",
        # a price or rule changed from a date, and a step asked for the safety of the recipient's money
        "【恒信银行】本行将于1月5日起调整部分基金产品的申购费率，详见手机银行公告。",
        "【恒信支付】为保障您的资金安全，请将恒信支付App升级至7.0版本，旧版本将停止支持。",
        # a product's state told to holders, a bonus allotted, the recipient's own certificate and
        # payment code, a plan the recipient chose
        "【恒信理财】临时公告：受市场利率变动影响，恒信现金宝近7日年化收益率为1.48%，产品运作正常。",
        "【恒信人寿】您的恒信金满仓两全保险（分红型）2026年度红利已分配，红利金额218.40元。",
        "【恒信银行】您的手机银行证书即将到期，请登录App完成更新，逾期将影响转账功能。",
        "【恒信支付】您的商户收款码将于12月10日升级，旧码届时停用，请在App中下载新码。",
        "【恒信基金】您选择的恒信稳健债券A定投计划将于12月8日扣款，请保持账户余额充足。",
        # the recipient's own manager's contact line about the recipient's own deposit
        "【恒信银行】您好，我是您的专属客户经理李娜，您的定期存款将于1月5日到期，如需转存请直接联系我：139****1234。",
        # money the recipient redeemed, and a warning that names an unlawful agent's pitch
        "【恒信银行】您赎回的恒信季季盈本金及收益将于12月6日到账，以实际到账为准。",
        "【恒信银行】提醒您：近期有不法中介以“信用卡代还”招揽客户，本行将对涉及账户采取限制措施。",
        # a cash-back paid, the recipient's counted orders, a statement, a holiday arrangement
        "【恒信支付】您参与的扫码立减活动已返现5.20元至零钱，可在账单中查看。",
        "【恒信分期】您有2笔先享后付订单将于12月9日扣款，合计212.00元，请保持余额充足。",
        "【恒信支付】春节期间商户结算顺延至2月18日统一划付，提现功能正常。",
        # the recipient's own charges per period and own contract rate, stated with ranges or units
        "【恒信银行】您开通的动账通知服务将于1月1日起按2元/月收取，如需取消请回复QX。",
        "【恒信消费金融】您的借款年化利率（单利）为12.6%，在合同约定的7.2%-18%区间内。",
        # services the recipient applied for, set up, launched or upgraded
        "【恒信银行】您申请的个人消费贷款已审批通过，我行已为您开通额度30,000元，年化利率(单利)4.35%。",
        "【恒信银行】根据您的申请，已为您开通临时额度5,000元，有效期至6月30日。",
        "【恒信证券】您的证券账户已开户成功，已为您开通资金账户及银证转账功能，请登录App查看。",
        "【恒信银行】您申请的信用卡已寄出，初始额度20,000元，请于30日内激活，逾期未激活卡片将自动失效。",
        "【恒信基金】尊敬的持有人：您持有的恒信纯债A本季度收益率1.2%，较上季度收益更高系市场利率下行所致。",
        "【恒信银行】您的活期存款本季度利息12.30元已于6月21日结息入账。",
        # the recipient's own quota stated
        "【恒信银行】跨境理财通“南向通”额度提示：您本年度剩余投资额度为126万元。理财产品有风险，投资须谨慎。",
        # a dated debit of a premium with its amount (shown as written in the reason)
        "【恒信银行】您尾号3307的账户于2月15日代扣恒信安心医疗险年度保费968.00元，保单继续有效。详询95599",
        # a credit product named 随借随还, and the recipient's own approved line drawn as needed
        "【恒信消费金融】您的恒信随借随还本期应还1,208.33元，将于7月5日从尾号3318的银行卡自动扣款。",
        "【恒信农商银行】您申请的“兴农贷”授信额度200,000元已审批通过，年化利率4.35%，可通过手机银行随借随还。",
        # a card's grace period earned by repaying in full: the card's terms, offered to nobody
        "【恒信银行】您尾号3307的信用卡本期账单3,280.00元，最后还款日12月3日，到期全额还款可享受免息还款待遇。",
        "【恒信银行】您的信用卡账单已出，12月25日前按时还款即可享免息待遇，最低还款额328.00元。",
        "【恒信银行】您本期账单2,056.00元，最后还款日1月8日。到期前全额还款，新增消费可享免息还款期待遇。",
        # what the recipient may now do with their own account is no action on offer
        "【恒信银行】您的借记卡已解除冻结，可继续使用。",
        "【恒信银行】您的手机银行已升级完成，可继续使用原密码登录。",
        "【恒信银行】您申请的账单分期已办理成功，分12期，每期应还520.00元。",
        "【恒信银行】您的定期存款已到期，可选择转存或支取，如有疑问请致电95599。",
        "【恒信银行】您于3月1日参与的活动获得积分200分，已到账。",
        # a term of the recipient's own policy, the company as a notice's subject, a fee's
        # name, a call word that asks for a service act, what the recipient took part in
        "【恒信人寿】您投保的恒信安康医疗险已续保成功，保证续保期内不因健康状况变化拒绝续保。",
        "【恒信人寿】我公司已收到您的退保申请，将于3个工作日内处理完毕。",
        "【恒信基金】您申购的恒信稳健债券A已确认，申购费0元，可在App查看持仓。",
        "【恒信银行】您的信用卡将于6月30日到期。如需挂失或换卡，可登录App申请。",
        "【恒信支付】您参与的周末立减活动已返现2.00元至余额。",
        "【恒信银行】您申请的账单分期已办理成功，分成12期，每期应还520.00元。",
        # where to ask a question, a missed deadline warned of, a right the recipient applied
        # for, a red packet the recipient sent, a date something starts
        "【恒信银行】您尾号1208的信用卡本期账单已出，如有疑问详询95588。",
        "【恒信银行】若错过缴费时间，将影响您的征信记录，请按时缴费。",
        "【恒信证券】您的创业板权限申请已通过，您已具备创业板股票交易资格。",
        "【恒信支付】您发出的红包24小时未被领取，88.00元将退回零钱。",
        "【恒信银行】即刻起，本行网银停止支持IE浏览器，请更换浏览器后登录。",
        # renewing the recipient's own policy through their adviser is a service act
        "【恒信保险经纪】李先生，我是您的车险顾问马骏，您的车辆交强险将于12月18日到期，可联系我办理续保。",
        "【恒信银行】您的账户发生一笔高额转账，如非本人操作请致电95588。",
        # a figure quoted in a warning sells nothing
        "【恒信基金】投资者教育：谨防“稳赚不赔”“年化20%包收益”等宣传，基金有风险。",
        # a dividend set by the fund contract, the recipient's own dividend option; an errand of
        # the recipient's own named by no product; a limit the recipient asked to have raised;
        # a limit changed with its figure
        "【恒信基金】根据基金合同约定，恒信恒利混合将于12月28日实施分红，每10份派0.35元，您的分红方式为现金分红。",
        "【恒信银行】您的借记卡已挂失。如需办理补卡，请携带身份证至开户网点。",
        "【恒信银行】本行将于12月26日0:00至6:00进行系统升级，期间手机银行暂停服务。如需办理紧急业务，请联系客服95588。",
        "【恒信消费金融】您申请的提额已通过，新增额度5,000元，可登录APP查看。",
        "【恒信银行】您的信用卡额度已调整为50,000元，请登录App查看。",
        # what happens, on a stated date, to the recipient's own thing (新股…上市)
        "【恒信证券】您中签的新股将于3月12日上市，请留意。",
        # a reward received or credited with its amount: the offer words name what it is for
        "【恒信银行】您的数字人民币钱包(尾号8891)收到政府消费券红包200元，有效期至12月31日，可在指定商户使用。",
        "【恒信银行信用卡】您本月消费已满6笔，「加油返现10%」活动返现86.40元将于账单日入账。",
        # the recipient's own money moved as agreed, cash back credited
        "【恒信银行】您的定期存款已于12月1日到期，本息已自动转存为一年期定期。",
        "【恒信人寿】您的保单满期金28,000.00元已于12月2日转入尾号6612账户。",
        "【恒信银行】您尾号2201的信用卡本月刷卡返现38.20元已入账。",
        # a bill's instalment stated, not priced as a pitch
        "【恒信银行】您的房贷本期月供1,580元将于12月10日扣款，请确保账户余额充足。",
    ],
)
def test_notices_with_a_promotional_word_stay_service(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert not codes(result, "error")


def test_instalments_priced_on_a_bill_are_an_offer(checker: Checker) -> None:
    """如需分期，12期年化利率约12.8%: the price of credit offered on a bill makes it marketing
    (compliant here: APR and opt-out), not a notice carrying a stray opt-out."""
    result = checker.check(
        "【恒信银行】您尾号8823的信用卡账单应还5,682.30元，最后还款日12月25日。如需分期，12期年化利率约12.8%（单利）。回T退订"
    )
    assert result.kind == "marketing", result.kind_reason
    assert "OPT002" not in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "【恒信银行】尊敬的客户，感谢您长期以来的支持！",
        "【恒信银行】您有一份新通知，请登录恒信App查看。",
    ],
)
def test_courtesy_wording_alone_is_no_evidence_of_a_notice(checker: Checker, text: str) -> None:
    """Polite or pointer wording says nothing about an account or an event: uncertain, so
    the marketing-only rules warn instead of passing silently."""
    result = checker.check(text)
    assert result.kind == "uncertain", result.kind_reason
    assert "OPT001" in codes(result, "warning")


def test_an_app_upgrade_is_no_launch_offer(checker: Checker) -> None:
    # 上线 alone is an offer word (uncertain at most), but the launch shape must not make an
    # upgrade notice a promotion
    result = checker.check(
        "【恒信银行】尊敬的客户，手机银行7.0版服务已正式上线，旧版本将于6月30日停止服务，请及时升级。"
    )
    assert result.kind != "marketing", result.kind_reason
    assert not codes(result, "error")


def test_a_links_letters_are_no_evidence(checker: Checker) -> None:
    notice = checker.check(
        "【恒信人寿】您的保单2025年度红利已派发，已转入累积生息账户，详见 https://www.hengxin-life.com/bonus"
    )
    assert notice.kind == "service", notice.kind_reason
    assert "bonus" not in notice.kind_reason


def test_kind_reasons_show_figures_as_written(checker: Checker) -> None:
    result = checker.check("【恒信银行】您尾号3307的账户于2月15日代扣年度保费968.00元，保单继续有效。")
    assert result.kind == "service"
    assert "968.00元" in result.kind_reason and "96800" not in result.kind_reason


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a company's own account or equipment is a notice
        ("【恒信银行】贵公司基本存款账户将于12月31日前完成年度核验，请携营业执照至开户网点办理。", "service"),
        ("【恒信支付】贵商户收款终端（尾号7710）将于今晚进行参数更新，届时请保持开机。", "service"),
        # a price per period or per person is an offer
        ("【恒信财险】恒信家财险88元/年，保房屋主体及室内财产，详见官网。", "marketing"),
        ("【恒信健康】城市惠民保每人79元，不限年龄，详见官网。", "marketing"),
    ],
)
def test_shapes_that_decide_the_kind_alone(checker: Checker, text: str, kind: str) -> None:
    """One shape is enough either way: a notice has no error, an offer lacks its opt-out."""
    result = checker.check(text)
    assert result.kind == kind, result.kind_reason
    if kind == "service":
        assert not codes(result, "error")
    else:
        assert "OPT001" in codes(result, "error")


def test_scheme_words_quoted_by_a_warning_are_named_not_said(checker: Checker) -> None:
    text = "【恒信证券】反诈提醒：近期有人冒用我司名义拉人进群，宣称“稳赚不赔、内部消息”。我司从不通过微信群荐股。"
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert not codes(result), [(f.code, f.severity) for f in result.findings]
    cancelled = {f.code: f.context[-1] for f in result.suppressed}
    assert {"ADV001", "PRO001"} <= set(cancelled)
    assert cancelled["ADV001"].effect == "cancelled"
    # the same words unquoted, or in a message that is not plainly a notice, still warn at least
    assert "ADV001" in codes(checker.check("【恒信理财】稳赚不赔的理财，谨防错过！回T退订"), "error")
    # a pretext named after the quote counts as reporting too
    pretext = "【恒信人寿】提醒：我司不会以“保本高收益”“退保理财”为由让您转投其他产品，请拨95599核实。"
    assert not codes(checker.check(pretext), "warning")
    # quotes alone are no report: a notice-shaped message quoting its own claim still warns
    own = "【恒信银行】安全提醒：您的账户已开通。“稳赚不赔”的鑫享理财请登录App查看，谨防诈骗。"
    assert "ADV001" in codes(checker.check(own))
    # the sender naming its own claim with a reporting word, or selling in the sentence, is no report
    for said in (
        "【恒信银行】安全提醒：我司所谓“保本保息”的恒信稳盈计划仅在官方App销售，谨防诈骗。",
        "【恒信证券】安全提醒：我们的首席老师号称“明日必涨停、稳赚不赔”，谨防冒充。",
    ):
        assert "ADV001" in codes(checker.check(said)), said


def test_uncertain_kind_warns_with_its_condition_and_reason(checker: Checker) -> None:
    text = "【恒信银行】您尾号8812的账户本月享转账手续费8折。"
    result = checker.check(text)
    assert result.kind == "uncertain"
    assert "并存" in result.kind_reason or "无法判断" in result.kind_reason
    optout = [f for f in result.findings if f.code == "OPT001"]
    assert optout and optout[0].severity == "warning"
    assert result.verdict == "review"


def test_declared_kind_wins_over_offer_shapes(checker: Checker) -> None:
    text = "【恒信银行】本月刷卡满300减30。"
    assert checker.check(text).kind == "marketing"
    assert checker.check(text, kind="service").kind == "service"


# ----------------------------------------------------------------------- claim families


@pytest.mark.parametrize(
    ("claim", "code"),
    [
        ("投资本金。无忧", "ADV001"),  # split by a full stop
        ("收益，有保障", "ADV001"),  # split by a comma
        ("wz不亏", "ADV001"),  # pinyin initials
        ("保b保息", "ADV001"),  # one character as its initial
        ("亏了算公司的", "ADV001"),  # colloquial loss-borne
        ("回报十拿九稳", "ADV001"),  # idiom of certainty
        ("本金由合作担保机构兜底", "ADV001"),  # third-party guarantee
        ("百分之一百保本", "ADV001"),  # numeral spelled out
        ("保证不让客户亏一分", "ADV001"),  # a negation inside the claim itself
        ("年化收益一定不低于5%", "ADV001"),  # a floor on the return promised
        ("亏钱找我", "ADV001"),  # the seller named as who pays
        ("capital protected", "ADV001"),  # in English
        ("expected yield 4.2%", "ADV006"),
        ("expert recommended", "ADV004"),
        ("government backed", "ADV005"),
        ("全网醉低费率", "ADV002"),  # a homophone of 最
    ],
)
def test_claims_are_families_not_strings(checker: Checker, claim: str, code: str) -> None:
    text = f"【恒信银行】恒信安盈3号{claim}，{RISK}"
    fires_exactly(checker, text, code)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【恒信理财】恒信安盈为净值型产品，政府不兜底，投资者自担风险。" + RISK, "ADV005"),
        ("【恒信理财】恒信安盈，若发生亏损，本行不承担补偿责任。" + RISK, "ADV001"),
        ("【恒信保险】恒信百万医疗险，续保不是保证的，以条款为准。回T退订", "ADV009"),
    ],
)
def test_a_negation_between_a_claims_words_denies_it(checker: Checker, text: str, code: str) -> None:
    result = checker.check(text)
    assert code not in codes(result, "error")
    cancelled = [f for f in result.suppressed if f.code == code]
    assert cancelled and cancelled[0].context[-1].effect == "cancelled"  # recorded, not dropped
    # …while the claim without it is made
    assert code in codes(
        checker.check(text.replace("不兜底", "兜底").replace("不承担", "承担").replace("不是保证的", "保证")),
        "error",
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # look-alikes of a negation between a claim's words deny nothing
        ("【恒信理财】恒信稳享，本金非常安全。" + RISK, "ADV001"),
        ("【恒信消费金融】您已逾期，外访人员不日将到您家。", "COL001"),
        ("【恒信消费金融】您已逾期，我们将联系您未成年子女的学校。", "COL001"),
        # a negation far from the slot it would govern denies something else
        ("【恒信理财】本产品由华信担保公司不可撤销地对本息提供全额担保。" + RISK, "ADV001"),
        # an English "not" is not read as a negation (why not …)
        ("【恒信理财】Why not 保本保息的恒信稳享？" + RISK, "ADV001"),
        # a claim spelled in pinyin that looks like a name, outside where a name stands
        ("【恒信理财】恒信稳享Wen Zhuan不赔。" + RISK, "ADV001"),
        # hypothetical someone, the anti-fraud number and a footer do not excuse the sender's claim
        ("【恒信理财】如有人问哪款理财稳赚不赔，答案就是恒信稳享！谨防电信诈骗。" + RISK, "ADV001"),
        ("【恒信理财】恒信稳享理财，稳赚不赔热线96110。" + RISK, "ADV001"),
        # a lurer's frame with no step against the lure after the claim, or a step waved away
        ("【恒信理财】如有人向您推荐理财，请认准恒信稳享，保本保息。谨防诈骗。" + RISK, "ADV001"),
        ("【恒信理财】如有人向您承诺保本保息，不用核实，恒信稳享就是！" + RISK, "ADV001"),
        ("【恒信理财】如有人承诺稳赚不赔，那一定是恒信稳享，欢迎咨询。" + RISK, "ADV001"),
        ("【恒信理财】如有人向您推荐恒信稳享，它保本保息，谨防错过！" + RISK, "ADV001"),
        # a pretext, a recommendation or a sales line ending in 核实 is no lurer's promise
        (
            "【恒信银行】若有人以收益低为由劝您赎回，请放心，恒信3号保本保息，可拨打95588核实。" + RISK,
            "ADV001",
        ),
        (
            "【恒信银行】如有人向您推荐其他理财，请记住我行恒信3号保本保息，欢迎致电95588核实。" + RISK,
            "ADV001",
        ),
        ("【恒信银行】如有人向您承诺保本保息，我行稳赚不赔，请立即拨打96110核实。" + RISK, "ADV001"),
        ("【恒信理财】如有人承诺稳赚不赔，请立即报警，我行产品稳赚不赔，欢迎认购。" + RISK, "ADV001"),
    ],
)
def test_the_sessions_exceptions_do_not_excuse_claims(checker: Checker, text: str, code: str) -> None:
    """Attacks on the exceptions this checker makes (a negation inside a claim, names in
    pinyin, lurers named in a warning): the sender's own claim still fires."""
    assert code in codes(checker.check(text), "error")


@pytest.mark.parametrize(
    "text",
    [
        "【恒信银行】如有人向您承诺保本保息、高额回报，请立即拨打96110核实。",
        "【恒信银行】如有陌生人向您承诺保本保息、稳赚不赔，请立即拨打96110核实。",
    ],
)
def test_a_hypothetical_lurer_warned_against_is_no_claim(checker: Checker, text: str) -> None:
    """如有人向您承诺X，请…核实: the claim is the lure, with the step against it after it."""
    result = checker.check(text)
    assert not codes(result, "error")
    assert any(f.context and f.context[-1].effect == "cancelled" for f in result.suppressed)


def test_a_managers_name_in_pinyin_is_no_claim(checker: Checker) -> None:
    result = checker.check("【恒信银行】您的定期存款将于1月5日到期，请联系您的理财经理（Huang Baoxi）办理。")
    assert not codes(result, "error")


def test_fragment_runs_do_not_join_ordinary_clauses(checker: Checker) -> None:
    text = "【恒信银行】好的，收到，谢谢。"
    assert not codes(checker.check(text), "error")


@pytest.mark.parametrize(
    "text",
    [
        "【恒信银行】Plan B本周开放预约。回T退订",  # a letter inside a Latin word
        "【恒信银行】A股开户请认准官方App。",  # a market name, not an initial
        "【恒信银行】x款新卡面上线。回T退订",  # x is a placeholder, never an initial
    ],
)
def test_initials_need_a_lone_letter(checker: Checker, text: str) -> None:
    assert "ADV001" not in codes(checker.check(text))


# -------------------------------------------------------------------------- boundaries


def test_latin_tickers_are_judged_as_written(checker: Checker) -> None:
    text = "【汇鑫】ETH、BTC合约跟单，日赚500。回T退订"
    result = checker.check(text)
    assert {f.evidence for f in result.findings if f.code == "PRO003"} >= {"ETH", "BTC"}
    assert "PRO003" not in codes(checker.check("【恒信银行】Please see the method page."))


def test_forex_shares_no_trigger_with_precious_metals(checker: Checker) -> None:
    result = checker.check("【汇鑫】炒匯开户，欧美随心做。回T退订")
    assert "PRO004" in codes(result) and "PRO002" not in codes(result)


# ---------------------------------------------------------------- one context pass


@pytest.mark.parametrize(
    ("text", "code", "cancelled"),
    [
        ("【恒信银行】并非不保本的恒信安盈3号。" + RISK, "ADV001", False),  # double negation
        ("【恒信银行】本产品不承诺任何形式的保本。" + RISK, "ADV001", True),  # object with 的
        ("【恒信银行】不设赎回费的恒信安盈3号年年稳赚。" + RISK, "ADV001", False),  # modifier
        ("【恒信银行】远离亏损稳赚不赔的恒信安盈3号。" + RISK, "ADV001", False),  # complete object
        ("【恒信银行】别错过保本保息的恒信安盈3号。" + RISK, "ADV001", False),  # a hook, not a warning
        ("【恒信银行】谨防以“保本保息”为诱饵的非法集资。", "ADV001", True),  # a real warning
        # a denial covers every item of its list, however long
        ("【恒信消费金融】本公司从未委托任何中介代办贷款、包装资料或代还信用卡。", "PRO008", True),
        ("【恒信消费金融】本公司不收取前期费用，专业包装资料、代还信用卡。回T退订", "PRO008", False),
        # …but not a list of selling points whose first item is no claim, nor past a space
        ("【恒信财富】平台从不挪用客户资金、保本保息、随存随取。回T退订", "ADV001", False),
        ("【恒信财富】从未逾期或坏账 年化3% 保本保息。回T退订", "ADV001", False),
        ("【恒信币汇】本平台不接受银行卡入金、仅支持USDT或比特币充值。回T退订", "PRO003", False),
        ("【恒信基金】本公司不承诺任何形式的保本保息、刚性兑付或最低收益。" + RISK, "ADV002", True),
    ],
)
def test_negation_scope(checker: Checker, text: str, code: str, cancelled: bool) -> None:
    result = checker.check(text)
    fired = code in codes(result, "error")
    assert fired != cancelled, [(f.code, f.severity, f.evidence, f.context) for f in result.findings]


def test_cancelled_findings_record_their_cue(checker: Checker) -> None:
    result = checker.check("【恒信银行】本产品不承诺稳赚，" + RISK)
    gone = [f for f in result.suppressed if f.code == "ADV001"]
    assert gone and gone[0].context and gone[0].context[-1].effect == "cancelled"
    assert gone[0].context[-1].cue == "不承诺"


def test_launch_announcements_are_not_completed_events(checker: Checker) -> None:
    result = checker.check("【恒信银行】稳赚不赔的恒信安盈3号已上线，立即抢购！回T退订")
    assert "ADV001" in codes(result, "error")
    settled = checker.check("【恒信银行】您持有的保本理财已于12月1日到期，本息已返还至尾号8812账户。")
    assert "ADV001" not in codes(settled, "error")


def test_purpose_clauses_are_not_claims(checker: Checker) -> None:
    result = checker.check("【恒信银行】为保障本金安全，请勿将验证码告知他人。")
    assert "ADV001" not in codes(result)
    assert result.kind == "service"


# ------------------------------------------------------------------ loans by shape


@pytest.mark.parametrize(
    "text",
    [
        "【速易】手头紧？10分钟到账5万，回T退订",
        "【速易】凭身份证就能拿钱，当日到手。回T退订",
    ],
)
def test_loan_lures_without_a_loan_word_need_an_apr(checker: Checker, text: str) -> None:
    assert "DIS001" in codes(checker.check(text))


def test_fast_transfers_are_not_loans(checker: Checker) -> None:
    assert "DIS001" not in codes(checker.check("【恒信支付】提现秒到账，转账免手续费。回T退订"))


# -------------------------------------------------------------------- yields (PRO007)


@pytest.mark.parametrize(
    ("claim", "fires"),
    [
        ("季度收益2.5%", True),  # 10% a year
        ("半年收益5%", True),  # 10% a year
        ("60天收益0.6%", False),  # 3.65% a year, not a daily rate
        ("年化收益，可达9%", True),  # cue and figure split by a comma
        ("业绩基准为9%（年化）", True),  # cue after the figure in brackets
        ("年化4%+新客加息3%+券2%", True),  # stacked components: 9%
        ("年化9%，申购免手续费", True),  # a fee waiver elsewhere is no loan
        ("投2万，月月领200元", True),  # 12% a year from principal and payout
        ("5万元存一年，到期拿回5.5万元", True),  # payout includes the principal: 10%
        ("投资1万元，收益300元", False),  # no period: no rate can be read
    ],
)
def test_yields_are_read_with_their_period(checker: Checker, claim: str, fires: bool) -> None:
    text = f"【恒信银行】恒信安盈3号{claim}，{RISK}"
    result = checker.check(text)
    assert ("PRO007" in codes(result, "error")) == fires, [
        (f.code, f.evidence, f.note) for f in result.findings
    ]
    spans_exact(result, text)


def test_forward_words_beat_past_words(checker: Checker) -> None:
    promise = checker.check(f"【恒信银行】超越往期的新一期预期年化收益10%，{RISK}")
    assert "PRO007" in codes(promise, "error")
    assert "过往业绩" not in " ".join(f.message for f in promise.findings if f.code == "PRO007")


def test_past_results_above_the_line_need_their_statement(checker: Checker) -> None:
    """A past result above the line sells by its height: an error asking for the period,
    source and non-promise statement (never another figure); with the statement it is a
    fact, stated."""
    bare = checker.check(f"【恒信银行】恒信成长基金成立以来年化收益10%，{RISK}")
    found = [f for f in bare.findings if f.code == "PRO007"]
    assert [f.severity for f in found] == ["error"]
    assert "过往业绩" in found[0].message and "未注明" in found[0].message
    said = checker.check(
        f"【恒信银行】恒信成长基金成立以来年化收益10%（数据来源：基金定期报告），过往业绩不代表未来表现。{RISK}"
    )
    assert "PRO007" not in codes(said)
    low = checker.check(f"【恒信银行】恒信成长基金成立以来年化收益6%，{RISK}")
    assert "PRO007" not in codes(low)


def test_loan_rates_are_judged_per_figure(checker: Checker) -> None:
    text = "【恒信银行】信用卡账单分期，年化利率（单利）5.6%-16.8%，详询95599。回T退订"
    assert "PRO007" not in codes(checker.check(text))
    lender = checker.check("【恒信财富】出借项目月息1分，按月付息。回T退订")
    assert "PRO007" in codes(lender, "error")


# ------------------------------------------------------------- personal data by shape


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【恒信银行】请核对身份证号11010519880605123X。", "PRV001"),  # wrong check digit
        ("【恒信银行】请核对身份证号１１０１０５１９８８０６０５２３１５。", "PRV001"),  # full width
        ("【恒信银行】您的卡号6222 0212 3456 7890 123已激活。", "PRV002"),  # spaced
        ("【恒信银行】您的卡号6222~0212~3456~7890~128已激活。", "PRV002"),  # odd separators
    ],
)
def test_personal_data_by_shape(checker: Checker, text: str, code: str) -> None:
    fires_exactly(checker, text, code)


@pytest.mark.parametrize(
    "text",
    [
        "【恒信人寿】您的保单号880260918300125468已生效。",
        "【恒信支付】您的订单已发货，快递单号77001234567890126。",
        "【恒信银行】您的贷款（合同编号320106202612030051）已放款。",
    ],
)
def test_labelled_reference_numbers_are_not_personal_data(checker: Checker, text: str) -> None:
    assert not codes(checker.check(text)) & {"PRV001", "PRV002"}


def test_a_card_word_after_the_number_wins_over_a_label(checker: Checker) -> None:
    text = "【恒信银行】编号6222021234567890128的卡已冻结。"
    assert "PRV002" in codes(checker.check(text))


# ------------------------------------------------------------------------- rule data


def test_duplicate_keys_in_rule_data_are_errors() -> None:
    from assistant.text.yamlload import load_yaml

    with pytest.raises(Exception, match="重复"):
        load_yaml("match_fold:\n  风: [凤]\n  风: [枫]\n")


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        ("【诚达顾问】房贷代办，包下款。", "PRO008", True),  # reversed, adjacent
        ("【诚达顾问】房贷业务均可代办。", "PRO008", False),  # reversed with a gap beyond reverse_gap
        (
            "【青禾银行】青禾季季丰，年化收益预期3.2%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
            True,
        ),
    ],
)
def test_families_read_in_either_order_where_the_data_says(
    checker: Checker, text: str, code: str, fires: bool
) -> None:
    assert (code in codes(checker.check(text))) is fires


def test_reverse_gap_needs_exactly_two_slots() -> None:
    from pydantic import ValidationError

    from assistant.checker.rulespec import FamilySpec

    with pytest.raises(ValidationError, match="reverse_gap"):
        FamilySpec(name="x", slots=[["甲"], ["乙"], ["丙"]], reverse_gap=1)


@pytest.mark.parametrize(
    ("text", "over_ceiling"),
    [
        ("【快易借】借5000元，每月利息150元，当天到账。回T退订", True),  # 3% a month: 36% a year
        ("【快易借】借款2万元，每天手续费只需12元。回T退订", False),  # 21.9% simple: under the ceiling
        ("【快易借】借1万元，年化利率（单利）18%，一年利息1800元。回T退订", False),
    ],
)
def test_loan_costs_stated_as_money_are_annualised(checker: Checker, text: str, over_ceiling: bool) -> None:
    result = checker.check(text)
    assert ("DIS004" in codes(result, "error")) is over_ceiling
    # an amount to borrow is a loan offer: without its annual rate, DIS001
    assert ("DIS001" in codes(result)) is ("年化利率" not in text)


@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】您的大额存单将于12月8日到期，到期后本息将转入活期账户。",
        "【青禾人寿】您名下的两全保险合同将于下月满期，请留意满期金领取安排。",
        "【青禾银行】您尾号5678的储蓄卡本月年费已减免。",
    ],
)
def test_the_recipients_own_account_is_read_as_a_shape(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason


def test_your_agent_is_not_your_account(checker: Checker) -> None:
    text = "青禾月月盈，年化收益率2.8%-3.2%，欢迎认购！理财非存款，产品有风险，投资须谨慎。您的理财经理小李"
    assert checker.check(text).kind == "marketing"


def test_a_contact_line_does_not_make_a_notice_marketing(checker: Checker) -> None:
    bill = "【青禾银行】您尾号6621的信用卡本期应还1,200.00元，最后还款日12月8日。详询95588"
    assert checker.check(bill).kind == "service"
    pitch = "【青禾银行】您尾号6621的账户已开通手机银行，理财产品详询客户经理。"
    assert checker.check(pitch).kind != "service"  # said of a product in its clause: a pitch


def test_a_dated_transaction_with_its_amount_is_an_event(checker: Checker) -> None:
    notice = "【青禾银行】尾号1208信用卡7月9日网上支付1,999.00元，当前可用额度18,001.00元。"
    assert checker.check(notice).kind == "service"
    offer = "【青禾银行】12月12日消费满100元返20元，回T退订"
    assert checker.check(offer).kind == "marketing"


def test_an_uncertain_variant_of_a_notice_is_judged_as_marketing() -> None:
    from assistant.rewrite.gate import judge_variant

    checker = Checker()
    draft = "【青禾银行】您尾号1208的信用卡于7月9日消费1,999.00元。"
    variant = "【青禾银行】您尾号1208的信用卡于7月9日消费1,999.00元。本笔消费可分期，享手续费8折。"
    report = judge_variant(draft, variant, checker=checker)
    assert any(f.code == "OPT001" and f.severity == "error" for f in report.findings)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "【青禾证券】您资金账户尾号3321于5月9日申购的新股已中签200股，请于5月11日16:00前足额缴款。",
            "service",
        ),
        ("【青禾基金】您的定投计划本月扣款失败，原因为银行卡余额不足，请保持余额充足。", "service"),
        ("【青禾支付】您参与的满减活动返现5.00元已于今日到账，可在余额中查看。", "service"),
        (
            "【青禾银行】青禾银行为您提供最新的理财产品，详情请咨询客户经理。",
            "not service",
        ),  # 为您…的: an offer
        (
            "【青禾金服】车主信用贷额度5-30万，年化利率（单利）7%-16%，不需要请忽略。",
            "marketing",
        ),  # a range on offer
        # a transaction alert that carries a pitch is never silently a notice
        ("【青禾银行】您12月1日转账5,000.00元成功。青禾e贷最高可借30万元，详询95511。", "not service"),
        (
            "【青禾银行】您12月1日起可享受理财产品申购费1折优惠，回T退订",
            "marketing",
        ),  # 起: an offer from a date
        # an invitation dated today is no completed act (您今日登录…可抽奖)
        ("【青禾银行】您今日登录手机银行可参与年终抽奖，最高888元。", "not service"),
        (
            "【青禾基金】您持有青禾货币A 3,000份，现追加申购满1万元享申购费0折，回T退订",
            "not service",
        ),  # a holding as the opening of a cross-sell
    ],
)
def test_own_account_shapes_events_and_offer_ranges(checker: Checker, text: str, kind: str) -> None:
    result = checker.check(text)
    if kind == "not service":
        assert result.kind != "service", result.kind_reason
    else:
        assert result.kind == kind, result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】您的U盾证书将于12月31日到期，请登录网上银行办理证书更新。",
        "【青禾银行】您的跨行转账申请已提交，最快2小时到账，请留意账户变动。",
        "【青禾捷贷】您在APP发起的借款申请需补充收入证明，请于3日内上传。",
        "【青禾银行】本行人民路支行将于12月28日迁至建设路88号，原址同日停止营业。",
    ],
)
def test_notices_of_the_recipients_own_affairs_are_service(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason


def test_an_offer_inside_an_own_account_shape_still_counts(checker: Checker) -> None:
    result = checker.check("【青禾支付】您账户中有2张满30减5元优惠券将于11月30日过期。")
    assert result.kind != "service", result.kind_reason


def test_investor_education_is_not_marketing(checker: Checker) -> None:
    text = "【青禾证券】投资者教育：本公司从不通过短信荐股，遇到“带你炒股”“加群听课”请立即举报。股市有风险，入市需谨慎。"
    result = checker.check(text)
    assert result.kind != "marketing", result.kind_reason
    assert not [f for f in result.findings if f.severity == "error"]


@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】您尾号3716的信用卡本月可分期金额为8,600元，可在App查询。",
        "【青禾捷贷】您的借款已结清，随借随还额度仍可继续使用。",
        "【青禾支付】您的账户积分1,280分将于12月31日清零，可在积分商城兑换礼品。",
        # a reward for signing up, spending or drawing credit, credited later: an offer, whatever
        # event words follow it
        "【恒信银行】新户首刷满99元，奖励50元刷卡金将于次月15日前返还至您的信用卡。",
        "【恒信银行】下载恒信App完成实名，可获88元现金红包将于24小时内到账。",
        "【恒信银行】绑定微信支付消费任意金额，奖励10元立减金将在3个工作日内到账，马上参与！",
    ],
)
def test_a_soft_pitch_inside_a_notice_is_never_silently_service(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason


def test_a_due_date_is_evidence_beside_the_account_it_belongs_to(checker: Checker) -> None:
    text = (
        "【青禾银行】您尾号2290的定期存款将于2027年1月15日到期，到期后将自动转存一年期。详询客服热线95577。"
    )
    assert checker.check(text).kind == "service"


def test_an_eligibility_announced_is_an_offer(checker: Checker) -> None:
    text = "【青禾信用卡】通知：您的信用卡已具备办理大额分期资格，最高可分36期，详询400-888-1234。"
    assert checker.check(text).kind != "service"


def test_the_recipients_own_act_hides_no_offer(checker: Checker) -> None:
    text = "【青禾理财】您认购的青禾安盈180天持有期产品已成立，认购金额50,000.00元，到期日为2027年1月8日。"
    assert checker.check(text).kind == "service"


# ------------------------------------------------------------ readings, weights, comparisons


def test_a_polyphonic_character_is_read_the_way_the_word_says_it(checker: Checker) -> None:
    """央行 is yang-hang: a sender spelling 行 in pinyin writes hang, not its first reading."""
    result = checker.check("【恒信财富】央hang批准的项目，放心投，年化6%。回T退订")
    assert "ADV005" in codes(result, "error")


@pytest.mark.parametrize(
    ("spelled", "code"),
    [
        ("wen zhuan bu pei", "ADV001"),  # a whole claim in pinyin, spaced
        ("BAO BEN", "ADV001"),  # upper case
        ("Bao-Ben", "ADV001"),  # hyphenated
        ("baobengaoxi", "PRO005"),  # run together, read bao|ben|gao|xi, not bao|beng|ao|xi
    ],
)
def test_a_claim_spelled_wholly_in_pinyin_is_read(checker: Checker, spelled: str, code: str) -> None:
    text = f"【恒信财富】恒信安盈，{spelled}，年化6%。{RISK}"
    fires_exactly(checker, text, code)


@pytest.mark.parametrize(
    "text",
    [
        "【恒信银行】Your verification code is 628411. Do not share it with anyone.",
        "【恒信银行】您的客户经理Zhang Wei将于周一联系您，电话95588。",
        "【恒信银行】请登录 www.hengxin-bank.com/baoben 查看。",
    ],
)
def test_english_names_and_addresses_are_no_pinyin_claims(checker: Checker, text: str) -> None:
    assert not codes(checker.check(text), "error")


def test_emoji_drawn_for_a_character_are_read_as_it(checker: Checker) -> None:
    result = checker.check("【恒信投顾】🐂股内参，明日⬆️停标的抢先看，加群领取。回T退订")
    assert "PRO001" in codes(result, "error")


def test_a_percentage_weighing_an_index_is_no_return(checker: Checker) -> None:
    text = "【恒信基金】恒信稳享债券发售，业绩比较基准：中证全债指数收益率*85%+一年期定存利率*15%。基金有风险，投资须谨慎。回T退订"
    assert "PRO007" not in codes(checker.check(text))


def test_a_deposit_named_as_what_a_product_beats_is_not_its_type(checker: Checker) -> None:
    """比银行存款划算 says what the product is not: a yield pitch without a topic word is
    still an investment offer and needs its risk warning."""
    result = checker.check("【恒信财富】年化6.5%，每月付息，比银行存款划算多了，放心投。回T退订")
    assert result.product_type != "deposit"
    assert "ADV003" in codes(result, "error")


# ------------------------------------------------- kind: gaps a code-reading red team found


@pytest.mark.parametrize(
    "text",
    [
        "【恒信银行】您的借记卡已激活，周末观影半价，首刷再得刷卡金。",  # price cut and reward words
        "【恒信银行】您尾号2201的信用卡已开通商圈优惠，餐饮满百减二十。",  # threshold in numerals
        "【恒信消费金融】您的账户已完成实名认证，借款年化利率6.8%起。",  # a rate "from"
        "【恒信消费金融】已经为您开通8万元备用金，打开App即可提取。",  # done "for you", reworded
        "【恒信证券】您的新客礼包已派发至账户：万1佣金、理财加息券。",  # the event is the offer
        "【恒信银行】您已符合钻石卡升级条件，登录App一键升级。",  # eligibility is a pitch
        # a return put to the reader after a notice, in a sentence of its own
        "【恒信银行】您的定期存款已到期转入活期。同系列恒信季季盈近三月年化3.6%，周一至周五可买入。",
        "【恒信银行】您的专属资产配置方案已生成，登录App一键开启。",
        "【恒信信用卡】您尾号1209信用卡的固定额度可上调至5万元，回复Y确认。",
        "【恒信支付】贵商户本月刷卡流水达10万可换领扫码枪一台。",
    ],
)
def test_offers_framed_as_account_events_are_not_service(checker: Checker, text: str) -> None:
    assert checker.check(text).kind in ("marketing", "uncertain")


@pytest.mark.parametrize(
    "text",
    [
        "【恒信银行】验证码306518，用于手机银行登录，限时5分钟内有效，请勿泄露。",
        "【恒信支付】您的信用钱包已冻结，冻结期间无法使用信用钱包付款。",
        "【恒信银行】您的网银用户名已修改，新用户名请妥善保管，详询95599。",
        "【恒信银行】即日起本行网银停止支持旧版浏览器，请升级后登录。",
        "【恒信信用卡】您的分期手续费优惠期至6月30日结束，7月1日起按标准费率收取。",
        # notices that name an offer without making one
        "【恒信银行】郑重声明：近期有人冒用本行名义发送“无抵押秒批”“低息贷款”短信，本行从未发送此类信息。",
        "【恒信消费金融】您的备用金借款将于6月30日到期，应还5,120.00元，详询400-600-1234。",
        "【恒信基金】根据基金合同约定，恒信稳健债券A自6月1日起申购费率由0.8%降至0.6%。",
        # the recipient's own trade, accrued cash back, loan signing, a verification reply,
        # credited interest, an ID renewal, the card's own terms: the offer shapes added for
        # notices with an offer appended must not read these as promotions
        "【恒信银行】基金交易确认：3月5日经手机银行买入恒信稳健混合基金1,000.00元，确认份额980.39份。",
        "【恒信银行】您的信用卡消费返现1%将于下月账单日入账，本期累计消费1,230.00元。",
        "【恒信银行】尊敬的客户，您的贷款申请资料已收到，可线上办理贷款签约，请登录手机银行完成。",
        "【恒信银行】Did you make a CNY 5,000 purchase on card ending 1234 at 14:32? Reply Y to confirm or N to decline.",
        "【恒信银行】Your time deposit ending 5678 matured on 3 Mar. Interest of CNY 412.50 at 1.65% p.a. has been credited.",
        "【恒信银行】您的身份证件将于3月31日到期，请于3月31日前办理有效证件更新，以免影响账户使用。",
        "【恒信银行】您的白金卡年费终身免费，无需办理任何手续，感谢您的支持。",
        "【恒信银行】您的房贷已全部还清，可网上办理贷款解押手续，需携带身份证至网点。",
        "【恒信银行】您的临时额度最高为5万元，有效期至6月30日。",
        "【恒信银行】Your fixed deposit rate is 2.1% p.a. until 30 Jun. Thank you for banking with us.",
        "【恒信银行】Fraud alert: messages saying you are pre-approved for a loan are scams. We never send such SMS.",
        "【恒信银行】Scam alert: we never ask you to reply Y to claim a refund. Call 95555 if in doubt.",
    ],
)
def test_notices_with_cue_words_inside_other_words_are_not_marketing(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "marketing", result.kind_reason
    assert not codes(result, "error")


@pytest.mark.parametrize("sep", ["\n", " ", "～", "🎉"])
def test_a_break_the_compact_view_drops_still_ends_an_event_clause(checker: Checker, sep: str) -> None:
    """您的账户已开通 / 首借30天免息: the offer on the next line is not part of the event."""
    text = f"【恒信银行】您的借记卡已开通{sep}新客理财专享加息0.5%"
    assert checker.check(text).kind in ("marketing", "uncertain")


@pytest.mark.parametrize(
    "text",
    [
        "【恒信基金】您持有的恒信货币A截至12月31日累计收益88.20元，近七日年化收益率1.86%。",
        "【恒信银行】您的个人住房贷款已于12月9日发放，年化利率3.30%，月供约6,837元。",
    ],
)
def test_the_recipients_own_rate_is_no_offer(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【恒信基金】投教小课堂：零风险的投资并不存在，收益越高风险越大。基金有风险，投资须谨慎。",
        "【恒信基金】投教小课堂：任何投资都难以保证收益，请理性配置。基金有风险，投资须谨慎。",
        "【恒信基金】投教小课堂：所谓稳赚不赔只是营销噱头，请理性看待涨跌。基金有风险，投资须谨慎。",
    ],
)
def test_a_claim_declared_false_after_it_is_not_made(checker: Checker, text: str) -> None:
    assert "ADV001" not in codes(checker.check(text), "error")


def test_a_claim_is_still_a_claim_without_the_verdict(checker: Checker) -> None:
    assert "ADV001" in codes(checker.check("【恒信财富】零风险投资，稳赚不赔，年化6%。回T退订"), "error")


@pytest.mark.parametrize(
    "text",
    [
        "【恒信基金】恒信稳健混合：目标年化波动率控制在5%以内。基金有风险，投资须谨慎。回T退订",
        "【恒信基金】恒信增利债券：投资于固定收益类资产的比例不低于基金资产的80%。基金有风险，投资须谨慎。回T退订",
    ],
)
def test_percentages_that_measure_something_else_are_no_return(checker: Checker, text: str) -> None:
    assert "PRO007" not in codes(checker.check(text))


@pytest.mark.parametrize(
    ("text", "cancelled"),
    [
        ("【恒信银行】您的公积金贷款本月应还3,250.00元，如单位缴存变化，请及时通知单位经办人。", True),
        ("【恒信银行】如接到自称客服要求转账还款的电话，请及时告知家人并致电95599核实。", True),
        ("【恒信小贷】您已逾期3天，请及时还款，否则将通知单位。", False),
        ("【恒信小贷】您是张三的紧急联系人，请您转告其尽快还款。", False),  # pressed through a third person
    ],
)
def test_an_act_asked_of_the_recipient_is_no_collection_threat(
    checker: Checker, text: str, cancelled: bool
) -> None:
    result = checker.check(text)
    assert ("COL001" not in codes(result, "error")) == cancelled, [
        (f.code, f.evidence) for f in result.findings
    ]
    if cancelled:
        assert any(
            e.effect == "cancelled" and e.cue.startswith("请") for f in result.suppressed for e in f.context
        )


def test_what_an_impostor_does_is_a_warning_not_an_offer(checker: Checker) -> None:
    warned = checker.check("【恒信银行】近期有不法分子冒用本行名义推销虚拟币投资，请提高警惕，谨防诈骗。")
    assert not codes(warned, "error") and not codes(warned, "warning"), warned.findings
    assert any(e.cue == "冒用" and e.effect == "cancelled" for f in warned.suppressed for e in f.context)
    # the impersonation word in another clause launders nothing
    ad = checker.check("【鑫融】冒充我们的人很多，认准官方稳赚不赔理财，年化15%。回T退订")
    assert "ADV001" in codes(ad, "error") | codes(ad, "warning")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a claim asked in a question stays a claim, whatever the answer: three red teams turned
        # every form of "denied question" into a way to say the claim (…只有大户能玩吗？不是。,
        # FAQ answers that go on 也有 / 即可), so no question cancels a claim (a bare "no" to a
        # plain question only makes it a warning: test_context_retraction.py)
        ("【恒信基金】问：买基金能稳赚吗？答：不能。别家不能，恒信稳盈却能。回T退订", "ADV001"),
        (
            "【恒信财富】稳赚不赔的理财真的只是传说吗？不，恒信月月盈就做到了。理财非存款，产品有风险。回T退订",
            "ADV001",
        ),
        ("【恒信保险】问：只有国债才有国家担保吗？答：不是，本行的恒信稳利也有。回T退订", "ADV005"),
    ],
)
def test_a_claim_in_a_question_is_still_a_claim(checker: Checker, text: str, code: str) -> None:
    result = checker.check(text)
    assert code in codes(result, "error"), [(f.code, f.evidence) for f in result.findings]


def test_a_wealth_products_quota_is_no_credit(checker: Checker) -> None:
    """额度还剩不到两成 of a wealth product is its sales quota; with a credit word 额度 is credit."""
    wealth = checker.check(
        "【恒信银行】「恒信稳健6月」额度还剩不到两成。理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert "DIS001" not in codes(wealth)
    credit = checker.check(
        "【恒信银行】理财客户专享信用贷，额度最高30万，在线申请。理财非存款，产品有风险。回T退订"
    )
    assert "DIS001" in codes(credit, "error")


def test_an_opt_out_as_heavy_as_the_notice_evidence_is_no_silent_notice(checker: Checker) -> None:
    """Its sender filed it as marketing: uncertain (reviewed) by the rules, marketing once the
    kind model settles it, never a notice whose opt-out is merely misplaced; a notice with
    clear evidence and an opt-out stays one (OPT002)."""
    text = "【恒信支付】小微商户可在恒信App申领收款音箱，开通后首月交易手续费按0.2%收取，次月起恢复0.38%。拒收请回复R"
    assert Checker(kind_model=False).check(text).kind == "uncertain"
    offer = checker.check(text)
    assert offer.kind == "marketing", offer.kind_reason
    notice = checker.check(
        "【恒信银行】您尾号8812的借记卡11月15日转入工资9,200.00元，余额15,487.33元。回复T退订"
    )
    assert notice.kind == "service" and "OPT002" in codes(notice)


def test_english_claim_terms_are_claims(checker: Checker) -> None:
    """An English claim term is a claim (expected return 3.8% p.a.).  English negation is not
    read: every way of reading it that was tried let a red team cancel claims still being made
    ("no target return under 7%", "won't offer a zero risk product to everyone"), and a
    silent pass costs more than a false alarm a reviewer clears."""
    made = checker.check(
        "【恒信银行】恒信季季红理财，expected return 3.8% p.a.，理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert "ADV006" in codes(made, "error")
    hook = checker.check(
        "【恒信银行】No target return under 7%? 恒信稳盈，5万起投。理财非存款，产品有风险。回T退订"
    )
    assert "ADV006" in codes(hook, "error")
