"""Offers tucked into a notice (a prize draw after a bill, credit set aside after a loan is
settled, a recommendation to buy cover after a check-up, more credit on a mortgage): the
message is never silently a service notice, so its opt-out, APR and risk-warning rules run.
The notices beside them, with the same own-account words and no offer, stay service."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import assert_service_pass

OFFERS_IN_NOTICES = [
    # a product offered for money that falls due or arrives, a new loan on top of the settled one
    "【华瑞银行】您在本行的定期存款将于1月5日到期，到期后可转存华瑞稳盈2号，业绩比较基准3.2%。",
    "【华瑞银行】您尾号5521账户已到账6000元。温馨提示：华瑞天天盈可随时申购。",
    "【易达】系统显示您符合提前还款减免条件，同时可续借一笔新额度，登录App确认。",
    # credit urged to be drawn before it lapses
    "【易达】您的30000元借款额度即将于1月31日失效，请尽快登录App提款。",
    # a prize draw after a bill
    "【华瑞银行】您尾号5521的信用卡11月账单2,180.00元，到期还款日12月20日。本月刷卡满3笔可抽扫地机器人，登录App参与。",
    # credit said to be ready for the recipient
    "【易达】您尾号3302的借款已按时结清，新的借款额度已为您准备好，登录App查看。",
    # a recommendation to buy cover after a service event
    "【瑞康人寿】您的年度健康体检报告已生成。建议加保一份住院医疗，每月保费不到一顿早餐钱。",
    # more credit offered on the recipient's own loan
    "【华瑞银行】您的住房贷款已还款满两年，可申请加按额度，最高可达评估值的七成。",
    # an invitation to buy or open something the recipient does not hold, after a notice
    "【瑞丰基金】您的11月对账单已生成。瑞丰红利优选已于12月1日成立，现可在App买入。",
    "【瑞丰银行】您的理财本金已转入活期。如需继续理财，可考虑瑞丰稳盈3号（R2级）。",
    "【瑞丰证券】您的账户资产已达30万元，可线上开通融资融券，融资年利率5.2%。",
    # an exception for a notice word never lets a pitch through: an upsell after an allowance or a
    # receipt, a product after a warning, a tax rule beside a named product, a return beside a
    # fund's operations, a product recommended after a cost rise, English pitches after an alert
    "【瑞丰银行】您本年度尚余2次机场贵宾厅权益，升级瑞丰钻石卡可不限次使用，手机银行申请。",
    "【瑞丰银行】您本次支付享受立减5元，实付42.00元，开通瑞丰借钱额度可达5万，日利率0.02%。",
    "【瑞丰人寿】近期有人假冒我司发送退保短信，请直接删除。瑞丰百万医疗请在官方App投保，保额200万。",
    "【瑞丰人寿】您投保的寿险已生效，瑞丰税优养老年金可享受税前扣除，年缴12,000元。",
    "【瑞丰基金】瑞丰科技混合基金大额申购限制已解除，即日起恢复申购，近一年收益6.8%。",
    "【瑞丰财险】您的车险将于12月10日到期，续保保费将上调8%，建议搭配瑞丰车主综合保障计划。",
    "【Ruifeng Bank】Acct *5521 credited CNY 50,000.00. New fund subscriptions open this week, buy in app.",
    # an English promotion
    "【瑞丰信用卡】Double points on all overseas spend until 31 Aug.",
    # instalments offered after a bill, a regular plan suggested after a loss
    "【瑞丰银行】您的信用卡账单已出，本期应还3,260.00元，可分期。",
    "【瑞丰基金】近期市场波动加大，您持有的基金出现回撤，可考虑通过定投分批布局。",
    # a product recommended after an account notice
    "【瑞丰基金】您的个人养老金基金账户已生效。建议配置“瑞丰养老目标2045”，长期收益可观。",
    # points plus cash for goods, after a points notice
    "【瑞丰银行】您的信用卡积分8,600分将于年底到期。积分+19.9元即可换购指定电饭煲，详见App。",
    # a loan product named with its amount after a repayment notice
    "【瑞丰银行】您的房贷已于12月1日扣款成功。装修需要钱？本行装修贷最高30万。",
]

#: Notices that must read as service and pass, by what makes them notices.
NOTICES = [
    # the recipient's own errand named before the call, a deferral on their own debt, a tax rule,
    # a cost going up
    "【瑞丰财险】您的意外险将于12月10日到期，续保可在App一键办理。",
    "【瑞丰消费金融】您的借款已逾期，我们理解您可能遇到了困难，回复1申请延期，回复2联系人工客服。",
    "【瑞丰基金】您的养老目标基金申购已确认，Y份额可享受个人养老金税收优惠。",
    "【瑞丰财险】您的车辆已出险3次，续保保费可能上浮，如有疑问请致电400-888-9595。",
    # a rating of the recipient's own service contact; a code for the recipient's own purchase
    "【瑞丰财险】为提升服务质量，请您对本次车险报案服务进行评价，回复Y满意，回复N不满意。",
    "【瑞丰银行】感谢您使用在线客服，邀请您参与满意度调查，回复数字0-10评分。",
    "【瑞丰保险】验证码：038214，您正在投保瑞丰尊享e生，如非本人操作请忽略。",
    # a service rating after the recipient's own visit
    "【瑞丰银行】感谢您今日到访瑞丰银行东湖支行，请对本次服务进行评价：回复1满意，2一般，3不满意。",
    # warnings: what impostors run, a fake named, a channel the sender never uses
    "【瑞丰证券】风险提示：近期有不法分子冒充我司开展“荐股”“加群听课”活动，我司从不通过微信群推荐个股。",
    "【瑞丰证券】提示：“瑞丰证券内部荐股群”均为假冒，本公司从未授权任何个人荐股。",
    "【瑞丰银行】本行从不通过短信发送链接要求您登录，收到类似短信请直接删除。",
    # an allowance with its count used or left, the card named by its tail
    "【瑞丰银行】您尾号2210的借记卡本月已享受跨行取款免费3次，剩余2次。",
    # a receipt with the discount it applied and the amount charged
    "【瑞丰银行】您尾号1102信用卡于6月3日09:12支付高速通行费42.00元，按ETC约定享受九五折，实扣39.90元。",
    # what the recipient's own event now allows, a fund's operations, what a wallet can be used for
    "【瑞丰证券】您的创业板权限已开通，可买入创业板股票。",
    "【瑞丰基金】您持有的瑞丰定开债将于12月25日进入开放期，期间可申购、赎回。",
    # the notices of OFFERS_IN_NOTICES without the offer
    "【华瑞银行】您尾号5521的信用卡11月账单2,180.00元，到期还款日12月20日。如已还款请忽略。",
    "【易达】您尾号3302的借款已按时结清，结清证明可在App下载。",
    "【瑞康人寿】您的年度健康体检报告已生成，可登录App查看。",
    "【华瑞银行】您尾号5521的账户本月被随机抽检，核验已完成，无需处理。",
    # the recipient's own rights or a policy's benefits named, kept or lost
    "【瑞康人寿】您的保单已过犹豫期，如需了解保单权益，请致电400-818-6666。",
    "【华瑞银行】您的信用卡即将到期，新卡已寄出，原卡权益自动延续。",
    "【华瑞银行】您的会员将于12月31日到期，到期后免费取现权益失效。",
    # restoring the recipient's own line or policy is a service act
    "【易达】您的借款额度已冻结，原因是长期未使用，如需恢复请登录APP申请。",
    "【瑞康人寿】您的保单因未缴费已失效，2年内可申请复效，详询400-818-6666。",
    # a change under a rule, a contract or a regulator's requirement, or dated by the institution
    # a change made under a rule, a contract or a regulator's requirement
    "【华瑞基金】根据基金合同约定，华瑞成长混合A将于3月15日进行份额折算，请留意。",
    "【瑞通证券】根据交易所规定，4月起科创板交易规则调整，请登录App了解详情。",
    "【华瑞银行】根据人民银行要求，自3月1日起个人收款码用于经营的需转为商户收款码，请登录App办理。",
    # the institution's dated change, the month first
    "【华瑞银行】3月起本行部分业务收费标准调整，请登录官网查看。",
    "【华瑞银行】本行《借记卡章程》将于2027年4月1日修订，修订内容请登录官网查看。",
    # receipts, allowances, a booking refused, deposit insurance explained, a suitability update
    # a discount applied to the recipient's own payment: a receipt
    "【星付支付】您本次付款享受优惠立减3.00元，实付47.00元。",
    # the recipient's own allowance counted
    "【星付支付】您的账户本月享受免费提现3次，已使用2次，剩余1次。",
    # a booking that failed because it was full
    "【华瑞银行】因活动名额已满，您报名的“春季理财沙龙”未能预约成功，敬请谅解。",
    # deposit insurance explained: no product on offer
    "【华瑞银行】温馨提示：存款保险标识是本行参加存款保险的标志，同一存款人在本行的存款最高偿付限额为50万元。",
    # a suitability update asked under a regulation
    "【瑞通证券】根据证监会《证券期货投资者适当性管理办法》，请您及时更新风险承受能力评估。",
    # the recipient's own application named by its noun (您提交的理赔申请已受理)
    "【瑞康人寿】您提交的理赔申请已受理，我们将在5个工作日内完成审核，结果将以短信告知您。详询400-818-6666。",
    # something of the recipient's falls due, 将在 as well as 将于
    "【恒安保险经纪】温馨提示：您的车险保单将在1月20日到期，请您及时办理续保手续。详询400-880-7766。",
    # a deposit rolled over, no product named
    "【华瑞银行】您的定期存款将于1月5日到期，到期后将按原存期自动转存，如需支取请至网点办理。",
    # a fee abolished from a date, an investors' rights notice with the regulator's line
    "【华瑞银行】关于调整部分银行卡服务收费的公告：自3月1日起取消借记卡年费，详询95588。",
    "【瑞通基金】投资者权益提示：您可通过官网、客服热线查询持有基金信息，如遇纠纷可拨打12386投诉。",
    # a card ready to collect at leisure (可抽空), a settled loan's certificate ready (证明已准备好)
    "【华瑞银行】您的社保卡已制卡完成，您可抽空携带身份证到网点领取。",
    "【易达】您申请的贷款已结清，贷款结清证明已准备好，请携带身份证到网点领取。",
]

#: The same wording with an offer or a call added still sells.
STILL_SELLS = [
    "【华瑞银行】您的账户已升级，新增专属权益，立即领取。",
    "【华瑞基金】根据监管要求完成备案，华瑞成长混合A今日首发，1元起购，限时费率1折！",
    "【星付支付】开通星付会员，每月享受免费提现3次，立即开通领取。",
    "【星付支付】您的会员本月可享免费洗车2次，升级黄金会员享更多权益，立即开通。",
]


@pytest.mark.parametrize("text", OFFERS_IN_NOTICES)
def test_an_offer_in_a_notice_is_never_silently_service(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind in ("marketing", "uncertain"), r.kind_reason
    assert r.verdict != "pass", [(f.code, f.severity) for f in r.findings]
    assert any(f.code == "OPT001" for f in r.findings)


@pytest.mark.parametrize("text", NOTICES)
def test_a_notice_stays_service(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


@pytest.mark.parametrize("text", STILL_SELLS)
def test_the_same_wording_with_an_offer_still_sells(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind != "service", r.kind_reason


#: English alerts: read as no clear evidence (review), never as a notice that lets an English
#: pitch after them pass (a red team, rt70, abused English alert words to hide offers).
ENGLISH = [
    "【Ruifeng Bank】Acct *2210 credited CNY 6,200.00 (SALARY) 28Nov. Bal CNY 8,410.20.",
    "【Ruifeng Bank】Acct *2210 credited CNY 6,200.00. Salary customers get a personal loan up to CNY 300,000.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_an_english_alert_is_never_silently_service(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"
