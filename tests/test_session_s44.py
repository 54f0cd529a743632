"""Session of 2026-12-06 from 02:04: judgment classes from the development thirds of the drafts
and red teams, each written here in words of its own with the wording beside it that must stay
quiet (or stay an error).

- a claim put as a question and then judged by the next words that point back at it (银行理财稳赚不
  赔？这种说法是错误的; 很多人以为…都保本，但这种观念早已过时) is corrected, not made, in a message
  that sells nothing; a judgement asked, denied or followed by the claim restated retracts nothing.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


# ------------------------------------------------- a claim asked, then judged
@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】投教时间：银行理财稳赚不赔？这种说法是错误的，净值型理财会有波动。",
        "【禾川基金】基金定投一定保本？这个观点并不正确，定投同样可能亏损。",
        "【禾川银行】不少人以为买理财都保本保息，但这种观念早已过时，理财已全面净值化。",
        "【禾川证券】炒股稳赚？这样的说法不靠谱，请理性看待市场波动。",
    ],
)
def test_a_claim_asked_then_judged_is_corrected(checker: Checker, text: str) -> None:
    assert "ADV001" not in found_codes(checker, text)


def test_a_claim_asked_then_judged_in_a_promotion_stays_an_error(checker: Checker) -> None:
    """In a message that sells, the judgement may be the pitch's set-up (a red team of this
    mechanism turned it into one): the correction counts only where nothing is sold."""
    text = (
        "【禾川银行】银行理财稳赚不赔？这种说法是错误的。禾川安盈为净值型产品，1万元起购。"
        "理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # the judgement asked, or denied: nothing retracted
        "【禾川财富】理财稳赚不赔？这种说法是错误的吗？当然不是，禾川1号做到了。回T退订",
        "【禾川财富】理财稳赚不赔？这种说法没有任何错误，禾川1号就是。回T退订",
        # the claim said again after the judgement
        "【禾川财富】理财稳赚不赔？这种说法不准确，准确地说是稳赚大赚。回T退订",
        # endorsed, not judged
        "【禾川财富】理财稳赚不赔？这种说法一点没错，选禾川1号。回T退订",
    ],
)
def test_a_claim_asked_and_kept_stays_an_error(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


# ------------------------------------------------- a secret entered while someone watches the screen
@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】请下载会议软件并开启屏幕共享，按客服指引输入验证码完成退款。",
        "【禾川银行】请下载腾讯会议并输入会议号，按专员指引在手机银行输入短信验证码即可领取退款。",
        "【禾川银行】为核实身份，请开启共享屏幕，客服将指导您输入银行卡密码。",
        "【禾川支付】客服将通过远程控制帮您操作，请保持手机解锁并输入收到的验证码。",
        "【禾川银行】请打开视频会议的屏幕共享功能。然后进入手机银行输入支付密码确认退款。",
    ],
)
def test_a_secret_entered_under_a_shared_screen_is_handed_over(checker: Checker, text: str) -> None:
    assert "PRV003" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # help from afar by voice or video: whether anyone sees the code is for a reviewer
        "【禾川银行】请在App内输入验证码，客服将远程协助您完成解冻。",
        "【禾川银行】您的分期申请需视频面签，请按坐席提示在手机上输入收到的短信验证码。",
    ],
)
def test_a_secret_entered_under_remote_guidance_is_reviewed(checker: Checker, text: str) -> None:
    prv = [f for f in checker.check(text).findings if f.code == "PRV003"]
    assert prv and all(f.severity == "warning" for f in prv)


@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】本行工作人员不会要求您开启屏幕共享或远程协助，请勿向他人透露验证码。",
        "【禾川银行】防骗提醒：任何人让您开启屏幕共享后输入验证码，请立即挂断。",
        "【禾川银行】手机银行新增防录屏功能：检测到录屏或投屏时，输入密码的页面自动黑屏。",
        "【禾川证券】请到营业部现场办理，填写开户资料后在密码键盘上输入交易密码。",
        "【禾川银行】如需远程协助，请拨打95555，我行不会索要您的密码。",
        "【禾川银行】反诈提醒：凡是要求您共享屏幕后输入验证码的都是诈骗，请立即挂断。",
        "【禾川银行】网银助手支持远程协助安装证书，协助过程中请勿输入任何密码。",
        # a remote session and a code in unrelated sentences
        "【禾川银行】您的验证码为482913，5分钟内有效。如需远程协助安装网银助手，请致电95555预约。",
    ],
)
def test_a_shared_screen_named_in_a_warning_stays_quiet(checker: Checker, text: str) -> None:
    assert "PRV003" not in error_codes(checker, text)


# ------------------------------------------------- the family as the subject of the debt's consequence
@pytest.mark.parametrize(
    "text",
    [
        "【禾川小贷】您的借款已逾期，再不处理，您的家人也会受牵连。",
        "【禾川小贷】逾期款项至今未还，家里老小都要跟着遭殃。",
        "【禾川小贷】您已逾期30天，您的父母也脱不了干系，请立即还款。",
        # sparing the family made the price of paying
        "【禾川小贷】您已逾期，只要今天还清，就不会让您的家人受牵连。",
    ],
)
def test_the_family_said_to_be_dragged_in_is_a_collection_threat(checker: Checker, text: str) -> None:
    assert "COL001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【禾川小贷】您的借款已逾期，请尽快还款。逾期仅影响您本人的征信，您的家人不会受牵连。",
        "【禾川人寿】一份重疾险，让家人不因一场大病受拖累，详询95500。回T退订",
        "【禾川小贷】您已逾期，我们保证不会让您的家人被牵扯进来，请放心协商。",
    ],
)
def test_the_family_spared_or_insured_is_no_threat(checker: Checker, text: str) -> None:
    assert "COL001" not in error_codes(checker, text)


# ------------------------------------------------- the recipient's product entering its next term
def test_the_readers_product_entering_its_next_term_is_a_notice(checker: Checker) -> None:
    text = (
        "【禾川理财】您持有的禾川月享30天（PR2）于12月1日进入新一期投资周期，本期业绩比较基准1.90%-2.60%，"
        "业绩比较基准不代表产品未来表现和实际收益。"
    )
    assert checker.check(text).kind == "service"


@pytest.mark.parametrize(
    "text",
    [
        "【禾川理财】禾川月享30天于12月1日进入新一期，本期业绩比较基准2.60%，欢迎认购。",
        "【禾川理财】您持有的禾川月享30天即将到期，到期后可转入新一期，业绩比较基准2.6%，欢迎续投。",
    ],
)
def test_a_next_term_offered_is_not_a_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"


# ------------------------------------------------- rt151's classes: what a red team of the start code found
# Each compliant wording below must raise no error; each violation beside it must stay (or become) one.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a topic tag or a document title is no template field
        ("【禾川银行】#315消费者权益日# 温馨提示：请通过官方渠道办理业务。", "FMT001"),
        ("【禾川银行】我行修订了<借记卡章程>，自5月1日起施行，详见手机银行公告栏。", "FMT001"),
        # a scam's wording quoted in an anti-fraud message keeps its blanks
        ("【禾川银行】反诈提醒：骗子常发“您的社保卡将于X月X日停用”，请勿点击任何链接。", "FMT001"),
        # a network connection is no link; the official site named as a place to go is none either
        ("【禾川银行】支付未完成，请检查网络连接后在App内重试。", "FMT002"),
        ("【禾川基金】季度报告已披露，可登录公司官方网站查阅，或拨打客服热线。", "FMT002"),
        # a password set by the holder at the counter, or sent to the holder
        ("【禾川证券】请携带身份证到营业部填写申请表并设置资金密码。", "PRV003"),
        ("【禾川证券】您的初始密码已通过短信发送至您预留的手机号，请登录后修改。", "PRV003"),
        # another platform's advertised rate, quoted to warn
        (
            "【禾川银行】提示：有的网贷平台号称“日息只要0.1%”，折合年化36.5%，远超法定上限，请认准持牌机构。",
            "DIS004",
        ),
        # a deposit's interest at maturity and a prize in a draw are no projected return
        ("【禾川银行】三年期大额存单发售，年利率2.1%，20万元起存，到期预计利息12600元。回T退订", "ADV006"),
        ("【禾川信用卡】消费满100元即可抽奖，有望获得蓝牙耳机一副。回T退订", "ADV006"),
        # a premium paid by the month is no credit
        (
            "【禾川人寿】禾川守护重疾险，保费可按月分期缴纳，条款详见官网 www.hechuanlife.com 。回T退订",
            "DIS001",
        ),
        # an age limit is a fact of the contract
        (
            "【禾川健康】禾川医疗险，投保年龄最高可至65周岁，条款详见官网 www.hechuanhealth.com 。回T退订",
            "ADV002",
        ),
        # an approval of the sender's own business moving between its entities
        (
            "【禾川财险】经国家金融监督管理总局批准，禾川财险江西分公司业务由总公司直接承接，保单服务不变。",
            "ADV005",
        ),
        # a case number and a payment code are no card numbers
        ("【禾川财险】您的报案已受理，报案号6225030144182231，查勘员稍后联系您。", "PRV002"),
        ("【禾川银行】您的物业费缴费单已生成，缴款码6222002600001234，可在App中缴纳。", "PRV002"),
        # a referral the recipient made, thanked for, its reward paid
        ("【禾川信用卡】感谢您邀请好友办卡，1000积分奖励已发放至您的账户。", "LNK003"),
        # a bank's own spot forex and gold products
        (
            "【禾川银行】个人外汇买卖新增英镑/日元货币对，手机银行可交易。外汇买卖有风险，投资须谨慎。回T退订",
            "PRO004",
        ),
        # a home visit the recipient asked for; a marketing-SMS blacklist
        ("【禾川银行】应您要求，我行工作人员将于周三到您家中为您办理社保卡激活，请备好身份证。", "COL001"),
        ("【禾川银行】您的号码已加入营销短信黑名单，服务通知不受影响。", "COL001"),
    ],
)
def test_rt151_compliant_wording_raises_no_error(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【禾川银行】尊敬的#客户姓名#，您的账单已出。", "FMT001"),
        ("【禾川银行】您的社保卡将于X月X日停用，请尽快处理。", "FMT001"),
        ("【禾川基金】季度报告已披露，详见官方网址如下。", "FMT002"),
        ("【禾川证券】为开通权限，请将交易密码发送给您的客户经理。", "PRV003"),
        ("【禾川速贷】别家号称日息0.1%，我们只要日息0.08%，随借随还！回T退订", "DIS004"),
        (
            "【禾川理财】禾川稳盈比大额存单预计收益高一倍，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
        ),
        ("【禾川信用卡】感谢您推荐好友办卡！继续推荐还可再得2000积分。回T退订", "LNK003"),
        ("【禾川汇】外汇宝同款货币对，50倍杠杆，点差低至0.8。回T退订", "PRO004"),
        ("【禾川银行】您的借款已逾期，我行工作人员将到您家中为您办理还款手续。", "COL001"),
        # an opt-out with a price, a warning voided by praise, a fee taken at payout
        ("【禾川银行】春季积分兑换开启，好礼低至7折。回T退订(0.2元/条)", "OPT001"),
        (
            "【禾川理财】禾川稳享理财今日发售，投研团队风险管控严格，谨慎筛选底层资产，1万元起购。回T退订",
            "ADV003",
        ),
        ("【禾川速贷】年化利率15%，借款期限3个月，放款时一次性收取借款金额6%的服务费。回T退订", "DIS004"),
        # a stock's price target, crypto derivatives, a credit dispute run by an agent
        ("【禾川投顾】明日关注禾川科技000888，短线看高至12.6元，跌破9元止损。回T退订", "PRO001"),
        ("【禾川数字】数字资产交易所上线永续合约，U本位最高50倍。回T退订", "PRO003"),
        ("【禾川信用】代办征信异议申诉，逾期记录可撤销，不成功不收费。回T退订", "PRO008"),
    ],
)
def test_rt151_violations_are_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_a_contact_line_alone_decides_no_kind(checker: Checker) -> None:
    """如您对征信记录有异议…详询95555: a contact line ends notices and offers alike."""
    result = checker.check("【禾川银行】如您对账单有疑问，可向我行提出更正申请，详询95555。")
    assert result.kind != "marketing"
    assert "OPT001" not in error_codes(
        checker, "【禾川银行】如您对账单有疑问，可向我行提出更正申请，详询95555。"
    )


def test_a_cue_word_across_two_words_is_no_cue(checker: Checker) -> None:
    """重新|发起 holds no 新发: the kind evidence skips a straddling two-character cue."""
    text = "【禾川银行】您于5月2日发起的转账未成功，资金未扣减，请在手机银行重新发起。"
    assert checker.check(text).kind == "service"


@pytest.mark.parametrize(
    ("text", "code", "severity"),
    [
        # a reserve said to back the principal is a guarantee, not a margin deposit
        (
            "【禾川金服】禾川季享年化6%，3万元起投，本金有风险保证金兜底。投资有风险。回T退订",
            "ADV001",
            "error",
        ),
        # a count of car owners served is a statistic without a source
        ("【禾川财险】禾川车险已累计守护120万名车主，续保请在App一键报价。回T退订", "ADV010", "warning"),
        # scarcity said as 告罄 or the first N only
        (
            "【禾川银行】禾川稳享理财今日发售，本期额度即将告罄。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV007",
            "warning",
        ),
        (
            "【禾川证券】新开户送Level-2行情1个月，仅限前200名。股市有风险，入市需谨慎。回T退订",
            "ADV007",
            "warning",
        ),
        # an insurer's price rise said as 上浮, to hurry a purchase
        (
            "【禾川人寿】禾川重疾险5月起保费普遍上浮10%，详见官网 www.hechuanlife.com 。回T退订",
            "ADV007",
            "error",
        ),
    ],
)
def test_rt151_readings_reported(checker: Checker, text: str, code: str, severity: str) -> None:
    """Read by the rule's own data, not only by the text model's second opinion."""
    assert any(
        f.code == code and f.severity == severity and not any(c.cue.startswith("模型") for c in f.context)
        for f in checker.check(text).findings
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【禾川期货】期货交易实行保证金制度，保证金比例以交易所规定为准。期市有风险，投资需谨慎。",
            "ADV001",
        ),
        ("【禾川银行】50万元客户专享理财，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订", "ADV010"),
        (
            "【禾川安康保险】医保个人账户额度快用完了？禾川医疗险可报销自费部分，详见官网 www.hca.com 。回T退订",
            "ADV007",
        ),
    ],
)
def test_rt151_neighbours_stay_quiet(checker: Checker, text: str, code: str) -> None:
    assert code not in found_codes(checker, text)


# ------------------------------------------------- money sent to friends by a payment feature
@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】手机银行支持扫码转给好友，到账快、免手续费。回T退订",
        "【禾川支付】禾川钱包零钱可直接转给家人，单笔最高5万元。回T退订",
    ],
)
def test_money_moved_to_friends_is_no_forwarding_inducement(checker: Checker, text: str) -> None:
    assert "LNK003" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】把红包转给好友，每转一个送10积分。回T退订",
        "【禾川银行】活动页面转给好友，好友办卡您得50元。回T退订",
    ],
)
def test_a_rewarded_send_to_friends_stays_an_inducement(checker: Checker, text: str) -> None:
    assert "LNK003" in error_codes(checker, text)


# ------------------------------------------------- f63's classes (an independent writer's development two thirds)
def test_a_referral_rewarded_per_success_is_an_inducement(checker: Checker) -> None:
    """推荐亲友…成功，每单奖励: the success is the condition of the reward, not an event reported."""
    text = "【禾川汽车金融】您的月供已扣款成功。推荐朋友贷款购车成功，每单奖励300元加油卡！回T退订"
    assert "LNK003" in error_codes(checker, text)


def test_a_referral_reported_done_is_no_inducement(checker: Checker) -> None:
    assert "LNK003" not in error_codes(
        checker, "【禾川汽车金融】您推荐的朋友已购车成功，300元加油卡奖励已发放。"
    )


@pytest.mark.parametrize(
    "text",
    [
        # a gift of a stated value for paying through the sender
        "【禾川银行】社保缴费提醒：本年度缴费12月20日截止，可在禾川银行App缴纳，缴费送3元话费券。",
        # a benefit unlocked by taking credit
        "【禾川银行】您的账户已入账66元还款金（待激活），办理分期即可激活使用。",
    ],
)
def test_a_notice_carrying_an_incentive_is_not_silently_a_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"


def test_a_coin_that_pays_for_being_held_is_crypto(checker: Checker) -> None:
    text = "【禾川链】“数字钱包积分币”开放认购，持币即享每日分红。回T退订"
    assert "PRO003" in error_codes(checker, text)
    assert "PRO003" not in error_codes(
        checker, "【禾川银行】数字人民币钱包余额不计息，持币无收益，谨防“数币理财”骗局。"
    )


def test_the_cards_own_allowance_with_its_count_is_a_notice(checker: Checker) -> None:
    text = "【禾川银行】您尾号1234的信用卡年费已按约定减免。本卡持卡人每年可享免费洗车4次，今年已使用1次。"
    assert checker.check(text).kind == "service"


def test_a_benefit_used_at_participating_merchants_is_held(checker: Checker) -> None:
    """红包…可在活动商户使用: where a benefit held is spent, not an activity offered."""
    text = "【禾川银行】您已领取“春节消费券”数字人民币红包30元，有效期至2月28日，可在活动商户使用。"
    assert checker.check(text).kind == "service"


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "【禾川人寿】禾川人寿招聘保险代理人，收入以佣金为主，不收任何入职费用，详询400-602-3300。回T退订",
            False,
        ),
        ("【禾川证券】开户享低佣金，万1.5免五，详询95555。回T退订", True),
    ],
)
def test_commission_is_a_brokerage_price_only_beside_trading(
    checker: Checker, text: str, fires: bool
) -> None:
    assert ("ADV003" in error_codes(checker, text)) is fires


# ------------------------------------------------- rt152's classes: a red team of this session's own mechanisms
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【禾川银行】尊敬的#持卡人全名#，您#账单月份#账单已出，本期应还#应还金额#元。", "FMT001"),
        ("【禾川人寿】尊敬的<被保险人称谓>，您的保单已生效。", "FMT001"),
        ("【禾川银行】网银证书即将到期，请复制网址到浏览器打开我行官网完成更新。", "FMT002"),
        (
            "【禾川理财】购买禾川月月盈满1万元，预计每月可赚30元，另送精美礼品一份。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
        ),
        (
            "【禾川理财】禾川国债精选理财，主投国债，有望年化收益3.5%，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
        ),
        ("【禾川信用卡】感谢您推荐好友办卡，推荐越多奖励越多，上不封顶。回T退订", "LNK003"),
        ("【禾川证券】感谢您一路相伴 邀请好友开户双方各得50元京东卡 回T退订", "LNK003"),
        ("【禾川小贷】您已逾期90天，再拖下去您的家人也要跟着背债。", "COL001"),
        (
            "【禾川消费金融】您的借款尚未结清，多次联系不上您，工作人员将于周六到您家中为您办理还款手续。",
            "COL001",
        ),
        ("【禾川信用卡】账单分期手续费7折，分期年化利率（单利）9.8%起。回T退订（运营商另收0.1元）", "OPT001"),
        ("【禾川投顾】明日重点关注禾川股份（600888），反弹目标18元，上方阻力位19元。回T退订", "PRO001"),
        (
            "【禾川速借】有些平台号称日息万五，实际另收服务费，禾川速借日息0.1%明码标价，认准禾川速借！回T退订",
            "DIS004",
        ),
        (
            "【禾川理财】禾川稳盈理财保本保息？这种说法不全面，它每年还另有4%的固定分红，1万元起购。回T退订",
            "ADV001",
        ),
        ("【禾川人寿】经国家金融监督管理总局批准完成吸收合并，原有保单权益由国家全额兜底。", "ADV005"),
        ("【禾川国际】外汇实盘交易：50余个货币对全天可交易，首单点差全额返还。回T退订", "PRO004"),
        (
            "【禾川理财】禾川稳盈理财今日发售，团队高度重视风险，谨慎选择每一笔底层资产，1万元起购。回T退订",
            "ADV003",
        ),
    ],
)
def test_rt152_violations_are_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【禾川信用卡】#双12# 禾川信用卡网购满200元立减30元，每户限1次。回T退订", "FMT001"),
        ("【禾川银行】反诈提醒：有不法分子以XX平台客服名义来电称可注销校园贷，请勿轻信。", "FMT001"),
        ("【禾川基金】年度报告已披露，投资者可访问管理人网址或拨打客服热线查阅。", "FMT002"),
        ("【禾川银行】转账未成功，请打开WiFi连接或切换移动数据后重试。", "FMT002"),
        ("【禾川银行】城南支行已迁址营业，新址详见以下地址：解放路与中山路交叉口禾川大厦2层。", "FMT002"),
        ("【禾川银行】理财小知识：买了理财就能稳赚不赔？答案是否定的，净值会随市场波动。", "ADV001"),
        ("【禾川银行】投教：银行理财稳赚不赔？这是常见的认识误区，净值可能波动。", "ADV001"),
        (
            "【禾川基金】投资者教育：定投一定不会亏？很多人这样认为，但这种看法并不正确。基金有风险，投资须谨慎。",
            "ADV001",
        ),
        ("【禾川银行】您反映的征信问题已登记，客户经理可代为转交您的征信投诉材料至消保部门。", "PRO008"),
        (
            "【禾川银行】借款提示：某网贷平台宣传“日息低至0.1%”，折合年化36.5%，远超法律保护上限，请认准持牌机构。",
            "DIS004",
        ),
        ("【禾川人寿】经国家金融监督管理总局批准，本公司注册资本由20亿元增至40亿元。", "ADV005"),
        (
            "【禾川证券】投资者教育：买入前先定好止盈价和止损价，到价严格执行，避免情绪化操作。股市有风险，入市需谨慎。",
            "PRO001",
        ),
        (
            "【禾川银行】贷款小知识：为他人做担保前请慎重，借款人逾期未还，担保人也会受牵连，需依法承担保证责任。",
            "COL001",
        ),
        ("【禾川银行】已按您的要求将本号码加入营销黑名单，账户变动通知不受影响。", "COL001"),
        (
            "【禾川银行】个人实盘外汇交易升级：手机银行可设置挂单，汇率波动有风险，交易需谨慎。回T退订",
            "PRO004",
        ),
    ],
)
def test_rt152_compliant_wording_raises_no_error(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- f64's classes (an independent set of compliant messages only)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # crypto named and its dealing judged unlawful in the next clause
        ("【禾川银行】防骗提醒：USDT等虚拟货币不具有法定货币地位，相关交易炒作属于非法金融活动。", "PRO003"),
        # a pledge never to ask, its list running on
        ("【禾川支付】提醒：我们不会以“退款”“解冻”等理由让您转账、下载会议软件或提供验证码。", "PRV003"),
        # a legacy capital-protected fund named as it is transformed
        ("【禾川基金】原禾川保本混合基金已于6月1日转型为禾川稳健混合基金，不再具有保本特征。", "ADV001"),
        # 推荐 as advice, nothing rewarded
        ("【禾川银行】禾川App长辈版上线，字体更大，推荐您帮家中长辈开启。回T退订", "LNK003"),
    ],
)
def test_f64_compliant_wording_raises_no_error(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【禾川支付】我们从不在电话中索要验证码，因此请您直接回复验证码完成确认。", "PRV003"),
        ("【禾川支付】我们不会让您转账而会让您把验证码发给专员完成解冻。", "PRV003"),
        ("【禾川基金】禾川保本混合基金已转型升级，依然保本，欢迎认购。回T退订", "ADV001"),
        ("【禾川银行】推荐您为家人申请联名卡，好友成功办卡您得100元刷卡金。回T退订", "LNK003"),
    ],
)
def test_f64_neighbours_stay_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text) | {
        f.code for f in checker.check(text).findings if f.severity == "warning"
    }


# ------------------------------------------------- the session's own mechanisms narrowed again
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a genuine warning that faces the risk (正视风险), and a warning of prevention (风险防范意识)
        ("【禾川理财】禾川稳享理财今日发售，1万元起购。请正视风险，谨慎投资。回T退订", "ADV003"),
        ("【禾川理财】禾川稳享理财今日发售，1万元起购。请增强风险防范意识，谨慎投资。回T退订", "ADV003"),
        # a fee at payout said to be inside the stated rate
        (
            "【禾川速贷】年化利率18%（已包含放款时收取的服务费），借款期限6个月，放款时一次性收取借款金额3%的服务费。回T退订",
            "DIS004",
        ),
        # a prepayment charge is no upfront fee
        ("【禾川速贷】年化利率15%，借款期限3个月，提前还款时一次性收取剩余本金3%的违约金。回T退订", "DIS004"),
        # the family spared in other words
        ("【禾川小贷】您的借款已逾期，我们不会牵连您的家人，也不会让您的家人受牵连，请放心协商。", "COL001"),
    ],
)
def test_narrowed_again_compliant_stays_quiet(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_a_quoted_blank_beside_an_anti_fraud_word_is_still_a_blank(checker: Checker) -> None:
    """The sender's own words in quotes beside 反诈 are not a scam's lure reported."""
    text = "【禾川银行】反诈提醒：您的“XX银行”账户将于X月X日升级，请按时登录。"
    assert "FMT001" in error_codes(checker, text)


# ------------------------------------------------- rt153's classes: a red team of the whole session's diff at a53eb52
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a shared screen stays shared: the code asked for sentences later
        (
            "【禾川银行】请打开腾讯会议并开启屏幕共享。专员将核对您的信息。核对完成后，请在手机上输入短信验证码。",
            "PRV003",
        ),
        # a fraud warning appended to a scam does not launder it
        (
            "【禾川银行】积分兑换需视频认证：请下载会议软件，开启屏幕共享后输入短信验证码。谨防诈骗。",
            "PRV003",
        ),
        # an activation code is asked for, not set
        ("【禾川银行】您的网银证书今日失效，请回复激活验证码至本号码完成续期。", "PRV003"),
        # a field's name inside a sentence
        ("【禾川银行】您的账单已出，最后还款日#最后还款日#，请按时还款。", "FMT001"),
        ("【禾川银行】请本人携带身份证至#开户网点#办理换卡。", "FMT001"),
        # a fee deducted after payout, the term as instalments
        (
            "【禾川速贷】年化利率（单利）15%，分12期还款，放款后一次性扣除借款金额12%的服务费。回T退订",
            "DIS004",
        ),
        # a projected return beside a gift in its clause
        (
            "【禾川理财】认购禾川稳盈理财，预计可获得年化3.8%及精美好礼一份。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
        ),
        # a renamed capital-protected fund still promising it
        (
            "【禾川基金】禾川稳健保本混合基金已更名为禾川安盈混合基金，更名后仍提供到期保本，老客户可放心持有。",
            "ADV001",
        ),
        # the team's prudence praised is no risk warning
        (
            "【禾川理财】禾川稳享1号理财今日发售，业绩比较基准3.2%，投研团队对风险高度敏感，始终谨慎操作。回T退订",
            "ADV003",
        ),
        # an opt-out that costs the carrier's fee
        ("【禾川信用卡】积分兑换季开启，详询95588。回T退订（按运营商标准收取通信费）", "OPT001"),
    ],
)
def test_rt153_violations_are_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【禾川银行】#反诈# 陌生来电要求您共享屏幕的，一律挂断并拨打官方热线核实。", "FMT001"),
        ("【禾川银行】您认购的理财已确认，请在手机银行查阅<风险揭示书>及<产品说明书>。", "FMT001"),
        ("【禾川银行】本行服务中心已迁址，新址详见以下地址：北京市朝阳区望京T3座12层。", "FMT002"),
        (
            "【禾川证券】节前逆回购窗口开启：持币过节也有收益，国债逆回购1000元起。市场有风险，投资需谨慎。回T退订",
            "PRO003",
        ),
        ("【禾川银行】如对征信记录有异议，本人不便的可书面委托他人代理征信异议申请。", "PRO008"),
        ("【禾川基金】禾川均衡混合基金开放申购，申购费率1折，请重视风险，谨慎投资。回T退订", "ADV003"),
        ("【禾川人寿】禾川定期寿险保费支持按月分期缴纳，可从您的借记卡自动扣缴。回T退订", "DIS001"),
        ("【禾川银行】您的大额存单到期预计利息4125元，可在手机银行“存款理财”页面查看。回T退订", "ADV006"),
        (
            "【禾川人寿】经金融监管总局批准，本公司江城分公司业务由总公司直接承接，原有保单及产品服务不受影响。",
            "ADV005",
        ),
        ("【禾川银行】感谢您推荐好友办卡，100元奖励已发放至您的账户，欢迎继续关注本行活动。", "LNK003"),
        (
            "【禾川银行】购买禾川理财满1万元可参与抽奖，有望获得华为手表一块，理财收益按产品说明书约定。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
        ),
        (
            "【禾川银行】您预约的远程开户将通过视频会议办理，连线后请在手机上输入短信验证码完成核验。",
            "PRV003",
        ),
        (
            "【禾川证券】今日沪指收跌0.8%，上方压力位3450点，明日关注量能变化。市场有风险，投资需谨慎。回T退订",
            "PRO001",
        ),
        (
            "【禾川基金】原禾川保本混合基金已于12月1日转型为禾川稳健混合基金，不再具有保本特征，转型后业绩比较基准为中债总指数年化收益率+1%。",
            "ADV001",
        ),
    ],
)
def test_rt153_compliant_wording_raises_no_error(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- this session's exemptions probed for silent passes
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a visit "asked for" that is about repaying
        ("【禾川小贷】应您要求，我们将派人到您家中，与您面谈还款，请配合。", "COL001"),
        # a secret told to someone standing by the counter's device
        ("【禾川证券】请在营业部密码键盘旁把交易密码告诉工作人员。", "PRV003"),
    ],
)
def test_exemptions_do_not_cover_their_look_alikes(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a click on the official site asked for wants a link
        ("【禾川银行】请点击官方网址完成认证。", "FMT002"),
        # advice rewarded is a referral
        ("【禾川银行】推荐您帮家人开通手机银行，家人开通后您可获赠20元话费。回T退订", "LNK003"),
    ],
)
def test_named_sites_and_advice_do_not_cover_their_look_alikes(
    checker: Checker, text: str, code: str
) -> None:
    assert code in error_codes(checker, text)
