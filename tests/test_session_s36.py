"""Session of 2026-12-05: guarantee claims said as their shape rather than their words (an
exception to the risk warning, the loss carried by someone else, a payout floored at the
principal, a non-guaranteed product denied), each with the compliant wording beside it that
must stay quiet.  Written before the families were; every case is in words of its own."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes

_TAIL = "理财非存款，产品有风险，投资须谨慎。回T退订"

_CLAIMS = {
    # an exception to the risk warning
    "exception-but": f"【衡川财富】理财都有风险，不过衡川月享是个例外，年化4.1%。{_TAIL}",
    "exception-not-in-list": f"【衡川财富】说投资有风险？衡川月享可不在此列，年化4.1%。{_TAIL}",
    "exception-not-all": f"【衡川财富】并非所有理财都有风险，衡川月享就是一个例外。{_TAIL}",
    "exception-excluded": f"【衡川财富】市场有风险，衡川月享除外，稳稳年化4.1%。{_TAIL}",
    # the loss carried by someone other than the investor
    "borne-by-name": f"【衡川财富】衡川月享年化4.1%，所有风险均由衡川财富兜着承担。{_TAIL}",
    "borne-by-role": f"【衡川财富】衡川月享年化4.1%，投资风险全部由平台承担。{_TAIL}",
    "borne-by-third": f"【衡川财富】衡川月享年化4.1%，本金亏损由合作担保方全额承担。{_TAIL}",
    "buyback": f"【衡川财富】衡川月享年化4.1%，到期收益不达标，平台按原价无条件回购。{_TAIL}",
    # a payout floored at the principal
    "floor-principal": "【衡川人寿】衡川福满年金，满期可领回的钱不会低于您投入的本金。回T退订",
    "floor-all-back": "【衡川人寿】衡川鑫年年，交5年保15年，期满领回全部本金及收益。回T退订",
    # a non-guaranteed product denied
    "denied-none-sold": f"【衡川财富】不保本的产品？我们这儿一款都没有。衡川月享年化4.1%。{_TAIL}",
    "denied-impossible": f"【衡川财富】衡川月享怎么会不保本呢？年化4.1%，速来预约。{_TAIL}",
    "denied-nonexistent": f"【衡川财富】衡川月享会亏本？不存在的！年化4.1%。{_TAIL}",
    # a slogan is the sender's own words, quoted or not
    "slogan": f"【衡川财富】衡川月享的宣传语是“稳赚不赔的好选择”，年化4.1%。{_TAIL}",
}

_QUIET = {
    # the exception word where nothing is excepted: the product is no exception to the risk
    "no-exception": f"【衡川财富】投资都有风险，衡川月享也不例外，年化4.1%（业绩比较基准）。{_TAIL}",
    "no-exception-2": f"【衡川财富】任何理财都有风险，衡川月享同样不例外。{_TAIL}",
    # an insurance contract's exclusions are not an exception to the risk warning
    "exclusions": "【衡川人寿】衡川意外险保险责任及除外责任以条款为准，投保前请仔细阅读。回T退订",
    # the investor bears the loss
    "borne-by-investor": f"【衡川财富】衡川月享年化4.1%，投资风险由投资者自行承担。{_TAIL}",
    "borne-by-you": f"【衡川财富】衡川月享年化4.1%，产品净值波动的风险由您本人承担。{_TAIL}",
    # the sender's own error made good
    "own-error": "【衡川银行】因我行系统故障导致的扣款差错，相关损失由我行承担，已退回至您尾号3307的账户。",
    # a payout floor that is the recipient's own, already paid
    "paid-back": "【衡川银行】您尾号3307的定期存款已到期，本金及利息已全部转入您的活期账户。",
    # a plain non-guarantee statement, and one answered yes
    "plain-no-guarantee": f"【衡川财富】衡川月享为非保本浮动收益型产品，不保证本金和收益。{_TAIL}",
    "asked-yes": "【衡川财富】投资者教育：银行理财还保本吗？不保本了，资管新规后理财产品均不得承诺保本。",
    # a fraudster's slogan quoted in a warning
    "scam-slogan": "【衡川银行】反诈提醒：骗子的宣传语往往是“稳赚不赔”，请勿轻信，谨防诈骗。",
}


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize("key", sorted(_CLAIMS))
def test_a_guarantee_said_as_its_shape_is_an_error(checker: Checker, key: str) -> None:
    result = checker.check(_CLAIMS[key])
    found = {f.code: f.severity for f in result.findings}
    assert found.get("ADV001") in {"error", "warning"}, (key, found)
    assert result.verdict != "pass", key
    for f in result.findings:
        assert f.evidence == _CLAIMS[key][f.start : f.end]


@pytest.mark.parametrize("key", sorted(_QUIET))
def test_the_compliant_wording_beside_it_stays_quiet(checker: Checker, key: str) -> None:
    found = {f.code: f.severity for f in checker.check(_QUIET[key]).findings}
    assert "ADV001" not in found, (key, found)


# ------------------------------------------------- referral as a team or a person brought in
_REFERRALS = {
    "team": "【衡川银行】约上2位同事组队开户，全队平分3000元现金。回T退订",
    "team-2": "【衡川证券】组个战队开户，每位队员各得20元红包。回T退订",
    "person-brought": "【衡川银行】每拉来一位新客户办卡，您可得30元。回T退订",
    # an event's wording as the condition of the reward (no 已, nobody's own)
    "condition": "【衡川银行】推荐一位朋友开户成功，就奖励您30元话费。回T退订",
}
_REFERRALS_QUIET = {
    # a reward reported paid
    "paid": "【衡川银行】您推荐的朋友开户成功，奖励您的30元话费已充值。",
    # a transaction brought in is no person
    "merchant": "【衡川银行】商户提醒：每带来一笔扫码交易，您可得0.1元补贴，已结算至您的账户。",
    # a team insured
    "tour": "【衡川保险】旅行社组团出游，建议全队投保旅游意外险。回T退订",
}


@pytest.mark.parametrize("key", sorted(_REFERRALS))
def test_others_brought_in_for_a_reward_is_an_inducement(checker: Checker, key: str) -> None:
    assert "LNK003" in error_codes(checker, _REFERRALS[key]), key


@pytest.mark.parametrize("key", sorted(_REFERRALS_QUIET))
def test_a_reward_paid_or_a_transaction_is_not(checker: Checker, key: str) -> None:
    found = {f.code: f.severity for f in checker.check(_REFERRALS_QUIET[key]).findings}
    assert "LNK003" not in found, (key, found)


# ---------------------------------------------------------- virtual assets by what they do
_CRYPTO = {
    "listing": "【衡川数科】全新平台币下周登陆多家交易所，现在上车。回T退订",
    "token-pitched": "【衡川数科】衡川Token即将上线交易所，早鸟价认购中。回T退订",
    "chain-game": "【衡川游戏】链游新赛季开启，打金每日可赚200元。回T退订",
    "gamefi": "【衡川游戏】GameFi新作上线，边玩边赚收益翻倍。回T退订",
    "land": "【衡川数科】虚拟土地首期开售，先到先得，明年升值。回T退订",
}
_CRYPTO_QUIET = {
    "sgd": "【衡川银行】新币、港币、美元定期存款均可在手机银行办理。",
    "sgd-bond": "【衡川证券】衡川集团新币债券将于下周登陆交易所，详询95599。回T退订",
    "ai-token": "【衡川云】大模型Token套餐已上架云市场交易平台，企业可按需采购。回T退订",
    "list": "【衡川基金】本基金关注人工智能、区块链、游戏等板块。基金有风险，投资须谨慎。回T退订",
    "study-tour": "【衡川银行】产业链游学报名开启，走进长三角先进制造企业。回T退订",
    "property-news": "【衡川证券】元宇宙售楼处带动房产认购，开发商一季度销售增长。股市有风险，投资需谨慎。回T退订",
    "scam-warning": "【衡川银行】GameFi骗局频发，请勿参与，谨防诈骗。",
}


@pytest.mark.parametrize("key", sorted(_CRYPTO))
def test_a_virtual_asset_by_its_listing_game_or_land_is_found(checker: Checker, key: str) -> None:
    assert "PRO003" in error_codes(checker, _CRYPTO[key]), key


@pytest.mark.parametrize("key", sorted(_CRYPTO_QUIET))
def test_a_currency_a_model_token_or_a_list_is_not(checker: Checker, key: str) -> None:
    assert "PRO003" not in error_codes(checker, _CRYPTO_QUIET[key]), key


# ------------------------------------------------------ credit by its repayment, no loan word
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("【衡川金融】换车缺钱？30万元资金支持，分60期慢慢还。回T退订", True),
        ("【衡川金融】会员专享：最高可提现5万元，下个月还款即可。回T退订", True),
        ("【衡川金融】开店周转不用愁，资金支持当天批，3年还清。回T退订", True),
        # a bond repays its holder, and a bill is the reader's own debt reported
        ("【衡川证券】记账式国债今日发行，每百元面值年付息2.1元，到期还本付息。回T退订", False),
        ("【衡川银行】您本期信用卡账单应还3,200元，还款日为12月20日。", False),
    ],
)
def test_money_offered_with_a_repayment_is_credit(checker: Checker, text: str, fires: bool) -> None:
    found = {f.code for f in checker.check(text).findings}
    assert ("DIS001" in found) is fires, found


# ------------------------------------------------ a code asked for by its length or shown
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("【衡川银行】您的签约待确认，请将刚收到的6位数报给稍后来电的专员。", True),
        ("【衡川支付】稍后视频核验，请对着镜头展示短信中的数字。", True),
        ("【衡川银行】办理时请出示您的六位数客户号及身份证。", False),
        ("【衡川银行】视频核验时请向工作人员出示身份证正反面。", False),
        ("【衡川银行】请本人到网点，柜员将请您出示证件并输入取款密码。", False),
    ],
)
def test_a_code_named_by_its_length_or_held_up_is_asked_for(checker: Checker, text: str, fires: bool) -> None:
    found = {f.code for f in checker.check(text).findings}
    assert ("PRV003" in found) is fires, found


# ------------------------------------- after the regression red team rt131: what must stay quiet
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # someone other than the seller named as who bears a risk
        ("【衡川证券】温馨提示：通过第三方平台委托交易产生的风险由账户所有人承担。", "ADV001"),
        ("【衡川消费金融】请勿将借款用于投资理财，由此产生的风险由借款人承担。", "ADV001"),
        (
            "【衡川基金】衡川全球精选（QDII）投资境外市场，汇率风险由基金资产承担。基金有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        # the sender's own error made good beside a matured product
        (
            "【衡川银行】您持有的衡川理财已到期，本金已划入活期账户。因我行系统原因造成的到账延迟风险由我行承担。",
            "ADV001",
        ),
        # a purchase limit waived is no exception to the risk
        ("【衡川基金】基金有风险，单日申购上限5万元，机构专户不受此限。投资须谨慎。回T退订", "ADV001"),
        (
            "【衡川银行】理财小课堂：并非所有投资者都有风险承受能力做权益投资。理财非存款，产品有风险，投资须谨慎。",
            "ADV001",
        ),
        # a company's own shares, a loan's amount received, a rumour corrected
        ("【衡川证券】衡川科技公告：拟以溢价回购方式回购公司股份，详见公告。", "ADV001"),
        ("【衡川消费金融】您的借款已放款，到手金额不低于合同本金，本平台不收取砍头息。", "ADV001"),
        (
            "【衡川基金】网传“赎回金额不低于申购金额”的说法系误传，基金净值会波动。基金有风险，投资须谨慎。",
            "ADV001",
        ),
        # a tour group, an e-sports team's card
        ("【衡川银行】旅行团成团后开通境外消费提醒，出行更安心。回T退订", "LNK003"),
        ("【衡川银行】衡川×电竞战队联名卡开卡礼：首刷送战队周边。回T退订", "LNK003"),
        # a bond made a token on a data exchange, an arcade token, a virtual branch, logging in
        ("【衡川证券】衡川集团债券通证化试点落地数据交易所，本信息不构成投资建议。回T退订", "PRO003"),
        ("【衡川银行】积分可兑换游乐场代币，兑换后不可在二手交易平台转卖。回T退订", "PRO003"),
        ("【衡川银行】衡川银行虚拟营业厅上线，数字门店预约开售大额存单。回T退订", "PRO003"),
        # a prepayment calculator and a bill's own figures
        ("【衡川银行】房贷提前还款计算器上线：提前还10万元，可提前3年还清，详询95599。回T退订", "DIS001"),
    ],
)
def test_rt131_compliant_stays_quiet(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【衡川数科】元宇宙虚拟地皮今日发售，明年升值。回T退订", "PRO003"),
        ("【衡川金融】急用钱？先用2万，下个月再还。回T退订", "DIS001"),
    ],
)
def test_rt131_variants_are_found(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


# -------------------------------- an independent set written before running (rt130): its classes
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【衡川银行】买衡川安盈还怕什么亏损？您的本金哪有闪失！理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【衡川银行】以名下车辆抵押即可借款，最长5年，审批后按需支用。回T退订", "DIS001"),
        ("【衡川银行】装修款可由本行代为垫付，您分期归还即可。回T退订", "DIS001"),
    ],
)
def test_rt130_classes_are_found(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a collector's threat to post the debt is COL001's, not a forwarding inducement
        ("【衡川小贷】今晚前不还款，我们将把你的欠款信息发到你所在小区业主群。", "LNK003"),
        # a pledge registered or a repo contract maturing is the recipient's own
        ("【衡川银行】您的房产抵押登记已办结，贷款将于3个工作日内发放。", "DIS001"),
        ("【衡川证券】您的股票质押式回购将于12月10日到期，请及时购回。", "DIS001"),
    ],
)
def test_rt130_neighbours_stay_quiet(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a second regression red team (rt132): the plain words that were withdrawn stay quiet
        ("【衡川银行】账户变动提醒将同步推送给您绑定的家人手机。", "LNK003"),
        ("【衡川银行】衡川马拉松开跑，亲友团为您助力，完赛可领纪念奖牌。回T退订", "LNK003"),
        ("【衡川银行】开户资料凑齐后即可到网点办理开户。", "LNK003"),
        ("【衡川财险】出行意外风险，衡川意外险替您扛，保额50万元。回T退订", "ADV001"),
        ("【衡川消费金融】您的借款到期应还金额不会比借款本金少，请按时还款。", "ADV001"),
        ("【衡川银行】您的养老金账户按天算利息，按季结息。", "DIS001"),
        ("【衡川银行】虚拟房产展厅首发：足不出户看真房，按揭年化利率3.05%起。回T退订", "PRO003"),
    ],
)
def test_rt132_compliant_stays_quiet(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_an_own_fault_elsewhere_in_the_message_cancels_nothing(checker: Checker) -> None:
    """``own_fault`` (like ``theft``) cancels in the hit's own sentence only: a system-fault line
    elsewhere does not excuse the seller carrying the investment risk."""
    text = (
        "【衡川财富】衡川月享年化4.1%，投资风险全部由平台承担。如因系统故障导致交易失败，请联系客服。"
        "理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert "ADV001" in error_codes(checker, text)
