"""Session of 2026-12-04 from 20:19: an exemption's voiding context as rule data
(``exempt_void``, no longer dispatched on the exemption word's shape in shared code), and the classes
of three red teams (rt118 of the start code, rt119 and rt120 of this session's own fixes) and an
independent writer's month (c112), tested in other words."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import MINIMAL_RULE, WEALTH, error_codes

_BASE = {
    **MINIMAL_RULE,
    "terms": ["甲乙"],
    "exempt": ["自行承担", "您购买的"],
}


def test_exempt_void_names_only_the_rules_own_exemptions() -> None:
    """A voiding context for a word the rule does not exempt would never apply: refused."""
    from assistant.checker.rulespec import RuleSpec

    ok = RuleSpec.model_validate({**_BASE, "exempt_void": [{"words": ["自行承担"], "before": "平台"}]})
    assert set(ok.exempt_voids) == {"自行承担"}
    with pytest.raises(ValueError, match="由您承担"):
        RuleSpec.model_validate({**_BASE, "exempt_void": [{"words": ["由您承担"], "before": "平台"}]})
    with pytest.raises(ValueError, match="before 或 after"):
        RuleSpec.model_validate({**_BASE, "exempt_void": [{"words": ["自行承担"]}]})
    with pytest.raises(ValueError, match="无法编译"):
        RuleSpec.model_validate({**_BASE, "exempt_void": [{"words": ["自行承担"], "after": "(不"}]})
    with pytest.raises(ValueError, match="typo"):
        RuleSpec.model_validate({**_BASE, "exempt_void": [{"words": ["自行承担"], "after": "x", "typo": 1}]})


def test_a_rule_without_exempt_void_voids_nothing() -> None:
    """The voiding lives on the rule: another rule's 自行承担 or 您购买的 is not voided by the
    words ADV001 names (before, the shared code voided every rule's 自行… and 您…的 alike)."""
    from assistant.checker.rulespec import RuleSpec

    spec = RuleSpec.model_validate(_BASE)
    assert spec.exempt_voids == {}


def test_adv001_exempt_void_in_data() -> None:
    """ADV001 names both of its voiding contexts in its YAML (the doc page shows them)."""
    from assistant.checker.rulespec import load_rule_specs

    spec = next(s for s in load_rule_specs() if s.code == "ADV001")
    assert {"自行承担", "您购买的", "您认购的", "您申购的"} <= set(spec.exempt_voids)


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # the seller bears the loss: a guarantee (by role, by name, with 来/负责 between)
        (f"【澄浦财富】澄浦安享2号年化5.1%，若有亏损由我司来自行承担。{WEALTH}", "ADV001", True),
        (f"【澄浦财富】澄浦安享2号年化5.1%，亏了由澄浦信托自行承担。{WEALTH}", "ADV001", True),
        # the investor bears it: the disclosure it was written for
        (f"【澄浦财富】澄浦安享2号业绩比较基准5.1%，投资风险由投资人自行承担。{WEALTH}", "ADV001", False),
        # a promise right after the recipient's own subscription
        (f"【澄浦财富】您申购的澄浦安享2号保证不亏，年化5.1%。{WEALTH}", "ADV001", True),
        ("【澄浦银行】您申购的澄浦安享2号已确认份额，可登录手机银行查看。", "ADV001", False),
        # a nil loss or default rate, and a small one written with decimals
        (f"【澄浦财富】澄浦安享2号，违约率0.00%，业绩比较基准5.1%。{WEALTH}", "ADV001", True),
        (f"【澄浦财富】澄浦安享2号，逾期率为0，业绩比较基准5.1%。{WEALTH}", "ADV001", True),
    ],
)
def test_voided_exemptions_and_nil_figures(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        ("【澄浦证券】国债逆回购今日年化2.1%，可在App操作。投资有风险。回T退订", "ADV001", False),
        # risk borne by the investor is the disclosure
        (f"【澄浦财富】澄浦安享3号业绩比较基准3.1%，投资风险由投资者自行承担。{WEALTH}", "ADV001", False),
        (f"【澄浦财富】投资都有风险，澄浦安享3号也不例外，请谨慎选择。{WEALTH}", "ADV001", False),
        # a floor on what comes back is for review (a policy's guaranteed benefit may be contractual)
        ("【澄浦人寿】澄浦福满年金，保证领取不低于已交保费。回T退订", "ADV001", False),
    ],
)
def test_guarantee_shapes_rt118(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # state backing: credit enhancement, a plaque, the repayment source, funds watched, ownership as safety
        ("【澄浦银行】本行是国有控股商业银行，欢迎到网点办理业务。", "ADV005", False),
        # referral rewards across a clause, and teams sharing a prize
        ("【澄浦银行】每推荐一位朋友办卡，送您30元话费。回T退订", "LNK003", True),
        ("【澄浦银行】每成功还款一期，可享提额机会。", "LNK003", False),
        ("【澄浦证券】上海证券交易所将于周六进行系统测试，请合理安排交易。", "PRO003", False),
    ],
)
def test_backing_referral_crypto_rt118(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # the borrower's rate said to go to the recipient as the lender: a return
        ("【澄浦金服】您出借的资金按年化利率13%计息，按月回款。投资有风险。回T退订", "PRO007", True),
        # a loan's own rate stays a cost
        ("【澄浦消费金融】澄浦贷借款年化利率15%，最高可借5万元。回T退订", "PRO007", False),
        # credit by its repayment plan, with no loan word
    ],
)
def test_lender_and_repayment_plans_rt118(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


def test_a_call_to_draw_credit_makes_a_line_notice_uncertain(checker: Checker) -> None:
    """A guard (the kind cue for a call to draw credit was withdrawn after rt120): a line pushed to be
    drawn from an app is not silently a notice, and a loan contract's own drawdown is one."""
    r = checker.check("【澄浦银行】您的澄浦快贷额度已调整为20万元，打开App即可支用。")
    assert r.kind != "service" and r.verdict != "pass"
    r = checker.check("【澄浦银行】您的贷款合同已生效，合同期内可随时支用，年化利率3.6%。")
    assert r.kind == "service"


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a red team of the rt118 fixes (rt119, redteam_session101): what they broke …
        ("【澄浦证券】要约收购提示：收购方拟以溢价收购方式购买澄浦科技股份，详见公告。", "ADV001", False),
        ("【澄浦银行】您申请提前还款，本金部分不用担心额外收费，利息按实际天数计算。", "ADV001", False),
        (f"【澄浦财富】投资都有风险，债券基金也不是例外，请选择适合的产品。{WEALTH}", "ADV001", False),
        ("【澄浦银行】提前部分还款金额须不少于本金5000元，详询客服。", "ADV001", False),
        ("【澄浦证券】交易提醒：监管部门实时监控异常交易行为，请合规交易。", "ADV005", False),
        ("【澄浦银行】您单位（国企）代发的工资已到账，账户资金安全，请放心使用。", "ADV005", False),
        ("【澄浦保险】旅行社组团出游，建议全队投保旅游意外险。回T退订", "LNK003", False),
        ("【澄浦银行】白金卡贵宾厅权益：每带1位同行人员扣1次，本年度送您10次。", "LNK003", False),
        ("【澄浦证券】澄浦科技新股以人民币认购，定于下周登陆交易所上市。", "PRO003", False),
        (
            "【澄浦基金】澄浦元宇宙主题混合基金，重点投资元宇宙产业相关公司。基金有风险，投资须谨慎。回T退订",
            "PRO003",
            False,
        ),
        ("【澄浦银行】您的车贷已结清（年化利率9%），抵押车辆归您所有，请办理解押。", "PRO007", False),
        # … and the same mechanisms a sender could use
        (f"【澄浦财富】澄浦安享5号，违约率0 3年来零逾期。{WEALTH}", "ADV001", True),
        ("【澄浦消费金融】逾期未还，欠款信息将发给您的家人，卡号会打码处理。", "COL001", True),
        ("【澄浦银行】活动页截图分享给好友并打码，好友开户后您得50元。回T退订", "LNK003", True),
    ],
)
def test_rt119_regressions_and_variants(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


def test_deposit_multiples_and_own_funds_stay_quiet(checker: Checker) -> None:
    """A deposit compared with a deposit claims no return; drawing one's own housing fund is a notice."""
    r = checker.check("【澄浦银行】三年期定期存款利息是活期的8倍，欢迎到网点咨询。回T退订")
    assert "PRO007" not in {f.code for f in r.findings}
    r = checker.check("【澄浦银行】您的公积金提取申请已审核通过，登录App即可提款至本人账户。")
    assert r.kind == "service"


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a red team of the rt119 fixes (rt120, redteam_session102): compliant messages they failed …
        ("【澄浦银行】信用卡被盗刷的风险由本行承担，请放心绑卡。", "ADV001", False),
        ("【澄浦人寿】意外发生时，风险由我们替您承担，澄浦意外险保额50万元。回T退订", "ADV001", False),
        ("【澄浦证券】澄浦科技公告：控股股东承诺回购部分股份，详见公司公告。", "ADV001", False),
        ("【澄浦财富】投资者教育：并非所有产品都有风险提示页，购买前请阅读合同。", "ADV001", False),
        ("【澄浦人寿】请确保扣款账户余额不少于所缴保费，以免保单失效。", "ADV001", False),
        ("【澄浦证券】今日资金面：产业链游资活跃，题材股分化。投资有风险。", "PRO003", False),
        (
            "【澄浦基金】澄浦货币ETF将于下周上线交易所，可场内交易。基金有风险，投资须谨慎。回T退订",
            "PRO003",
            False,
        ),
        ("【澄浦银行】您的借款已放款（年化利率18%），资金由合作银行出借，利息归出借人。", "PRO007", False),
        ("【澄浦银行】信用卡本月消费，次月还款，刷卡满5笔送200积分。回T退订", "DIS001", False),
        # … the violations they hid …
        ("【澄浦消费金融】再不还款，就把欠款信息发给你父母，请注意隐藏好你的秘密。", "COL001", True),
        ("【澄浦银行】把活动页转发给好友，记得打码卡号，好友开户您得30元。回T退订", "LNK003", True),
        ("【澄浦人寿】澄浦安心保就像存款保险一样，出险保证全额赔付。回T退订", "ADV009", True),
        (f"【澄浦财富】澄浦安享5号，违约率0 6.5%年化。{WEALTH}", "ADV001", True),
        # … and near variants of the new classes
        ("【澄浦金服】债权项目年化利率12%，利息收入全部归您。投资有风险。回T退订", "PRO007", True),
    ],
)
def test_rt120_regressions_and_variants(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a red team of the rt120 fixes (rt121, redteam_session103): compliant messages they failed
        ("【澄浦银行】您的卡片已挂失，挂失后发生的一切风险由本行承担。", "ADV001", False),
        ("【澄浦银行】代销产品提示：投资风险不由本行承担，请仔细阅读产品说明书。", "ADV001", False),
        ("【澄浦证券】休市安排：春节期间暂停交易，包括回购及债券业务。", "ADV001", False),
        ("【澄浦银行】安全提示：新设备登录存在风险，常用设备是例外，无需再次验证。", "ADV001", False),
        ("【澄浦银行】风控提示：并非每笔被拦截的交易都有风险，如为本人操作请回复1。", "ADV001", False),
        ("【澄浦旅行】您报名的团已成团，出发前每人领取一份旅游意外险。", "LNK003", False),
        ("【澄浦银行】亲子卡权益：每带1名儿童入园可享门票半价。", "LNK003", False),
        ("【澄浦证券】澄浦控股公告：产业链游学基地项目已签约。", "PRO003", False),
        ("【澄浦游戏】游戏币将于下月上线交易所模式，玩家可自由交换道具。", "PRO003", False),
        (
            "【澄浦银行】反诈提醒：骗子常称某产品“收益是银行存款的10倍”，这是诈骗话术，请勿轻信。",
            "PRO007",
            False,
        ),
        ("【澄浦银行】三年期整存整取年利率2.0%，收益是活期的10倍，5万元起存。回T退订", "PRO007", False),
        (
            "【澄浦金服】网贷机构清退公告：您出借的资金按借款合同年化利率10%计息，本月兑付第3期。",
            "PRO007",
            False,
        ),
        # … and the violations they hid
        ("【澄浦人寿】澄浦福寿年金受存款保险保护，满期保证全额赔付。回T退订", "ADV009", True),
        ("【澄浦消费金融】再不还款，催收函就发给你父母和领导，发给他们前记得打码。", "COL001", True),
        ("【澄浦银行】把本短信转发给好友前请遮挡您的姓名，好友开户您得30元。回T退订", "LNK003", True),
    ],
)
def test_rt121_regressions(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


def test_a_return_multiple_in_a_fraud_warning_is_no_claim(checker: Checker) -> None:
    r = checker.check("【澄浦银行】反诈提醒：骗子常称某产品“收益是银行存款的10倍”，这是诈骗话术，请勿轻信。")
    assert "PRO007" not in {f.code for f in r.findings}


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a friend's act that succeeded, then a reward offered to the recipient: the referral's condition, not an
        # event (the event reading let 邀请好友成功开户，您可得50元 pass silently; a first version that did not ask
        # whose act it was read reports as offers — rt124)
        ("【澄浦银行】邀请亲友注册成功，您可获20元话费。回T退订", "LNK003", True),
        ("【澄浦银行】好友绑卡成功后，你可得20元红包。回T退订", "LNK003", True),
        ("【澄浦银行】推荐亲友开户成功，双方各得30元。回T退订", "LNK003", True),
        # a referral reward reported as paid is a notice
        ("【澄浦银行】您推荐的好友已成功开户，30元奖励已发放至您的账户。", "LNK003", False),
    ],
)
def test_referral_success_as_condition(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a red team of the shipped change (rt122, redteam_session104): what it still broke, now withdrawn
        (
            "【澄浦银行】房贷客户专享：本月起提前还款免收违约金，按月还本付息的客户可在App申请。回T退订",
            "DIS001",
            False,
        ),
        ("【澄浦银行】投资金条支持无条件回购，按当日金价结算，详询网点。回T退订", "ADV001", False),
        (
            "【澄浦人寿】小知识：传统型保险的投资风险由本公司承担，万能险账户价值随结算利率变动。",
            "ADV001",
            False,
        ),
        (
            "【澄浦银行】政采贷：以政府采购合同回款作为还款来源，年化利率3.9%起，详询客户经理。回T退订",
            "ADV005",
            False,
        ),
        ("【澄浦银行】光伏贷年化利率4.5%，电站发电收益归您所有。回T退订", "PRO007", False),
        ("【澄浦证券】请先开通证券账户，战略配售股份锁仓期满后可上市交易。", "PRO003", False),
        ("【澄浦银行】模拟炒股大赛开赛，可组队参赛，冠军队瓜分奖金池。投资有风险。回T退订", "LNK003", False),
        # … and the claims it hid, caught again
        ("【澄浦人寿】本保单纳入存款保险制度保障，确诊保证赔付。回T退订", "ADV009", True),
        ("【澄浦金融】急用钱？凭信用分，3万元到手，随时可取。回T退订", "DIS001", True),
    ],
)
def test_rt122_regressions(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a red team of fa8371f (rt123, redteam_session105): a referral reward reported as paid is a notice …
        ("【澄浦银行】您推荐的好友已成功办卡，您获得的30元刷卡金已到账。", "LNK003", False),
        ("【澄浦银行】好友李女士已成功开户，奖励您的20元话费已充值。", "LNK003", False),
        # … 外国企业 and 跨国资金 are no state ownership …
        ("【澄浦银行】跨国资金池业务上线，跨国资金归集安全可靠，详询客户经理。回T退订", "ADV005", False),
        ("【澄浦银行】外国企业开户指南已更新，资金安全有保障，详询网点。", "ADV005", False),
        # … education about risk is no exception claimed …
        (f"【澄浦财富】所有投资都有风险，没有任何理财产品是例外。{WEALTH}", "ADV001", False),
        (f"【澄浦财富】不是所有基金都会亏损，但所有基金都有风险。{WEALTH}", "ADV001", False),
        # … 澳币 is no coin, 全链游玩 no chain game …
        ("【澄浦证券】本公司发行的澳币债券将于3月5日上线交易所。", "PRO003", False),
        ("【澄浦旅行】古镇全链游玩攻略已发布，欢迎参与。", "PRO003", False),
        # … and a wealth product's floor is expected-return wording whatever else its sentence names
        (f"【澄浦财富】不同于结构性存款，澄浦安享7号最低收益率4.5%。{WEALTH}", "ADV006", True),
    ],
)
def test_rt123_regressions(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


def test_a_reward_named_as_a_noun_after_success_is_reported(checker: Checker) -> None:
    """…成功后，您可得的奖励已发放: the reward is named (可得的), not offered."""
    r = checker.check("【澄浦银行】好友开户成功后，您可获的奖励已全部发放，感谢参与。")
    assert "LNK003" not in {f.code for f in r.findings if f.severity == "error"}


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # a nil loss rate (违约率0) against a small one written with decimals, read in the original text:
        # the compact view drops both the point (违约率0.5% → 05%) and a space (违约率0 6.5% → 065%)
        (f"【澄浦财富】澄浦安享8号，历史违约率0.5%，业绩比较基准3%。{WEALTH}", False),
        (f"【澄浦财富】澄浦安享8号，底层资产违约率为0.02%，业绩比较基准3%。{WEALTH}", False),
        (f"【澄浦财富】澄浦安享8号，违约率0.00%，业绩比较基准3%。{WEALTH}", True),
        (f"【澄浦财富】澄浦安享8号，违约率0 6.5%年化。{WEALTH}", True),
        (f"【澄浦财富】澄浦安享8号，亏损概率为0，业绩比较基准3%。{WEALTH}", True),
    ],
)
def test_nil_rate_against_small_decimal(checker: Checker, text: str, fires: bool) -> None:
    assert ("ADV001" in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a red team of cd6b667 (rt124, redteam_session106): what the narrowed families still broke
        ("【澄浦银行】您推荐的好友已开户成功，您可得30元话费，已发放至您的账户。", "LNK003", False),
        (
            "【澄浦银行】您的保本存款产品到期兑付成功，您可获得本金及收益，已存入尾号1234账户。",
            "ADV001",
            False,
        ),
        ("【澄浦银行】我行为国有控股银行，资金安全提示：请勿向陌生账户转账。", "ADV005", False),
        ("【澄浦银行】父亲节快乐！爸爸的恩情，我们用一生慢慢还。", "DIS001", False),
        ("【澄浦银行】商户补贴说明：每带来一笔扫码交易，您可得0.1元补贴，已按月结算。", "LNK003", False),
        ("【澄浦银行】积分商城上新：金项链、游戏手柄等好礼等您兑换。回T退订", "PRO003", False),
        ("【澄浦证券】澄浦集团发行的马币债券本周登陆交易所。", "PRO003", False),
        ("【澄浦证券】您认购的新币债券已于6月1日上交易所交易。", "PRO003", False),
    ],
)
def test_rt124_regressions(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a red team of 649f628 (rt125, redteam_session107): the PRO003 families (coin listings, virtual land,
        # 区块链游戏, GameFi) were withdrawn — currencies, a mint's name and list items joined by the compact view
        ("【澄浦证券】澄浦集团越南币债券本周登陆交易所。", "PRO003", False),
        (
            "【澄浦基金】澄浦科技ETF投资人工智能、区块链、游戏传媒等板块。基金有风险，投资须谨慎。回T退订",
            "PRO003",
            False,
        ),
        ("【澄浦证券】市场观察：虚拟土地炒作降温，相关个股估值回落。", "PRO003", False),
        # … and the nil-figure reading is ADV001's own: a cap with decimals stays for review
        ("【澄浦银行】购汇汇率优惠最高0.5%，详询网点。回T退订", "ADV002", False),
    ],
)
def test_rt125_regressions(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


def test_a_cap_with_decimals_is_still_reviewed(checker: Checker) -> None:
    """ADV002's 最高0.5% is a cap stated with its figure (a warning for review), not a nil figure."""
    r = checker.check("【澄浦银行】购汇汇率优惠最高0.5%，详询网点。回T退订")
    assert ("ADV002", "warning") in {(f.code, f.severity) for f in r.findings}


def test_nil_figures_is_rule_data() -> None:
    from assistant.checker.rulespec import load_rule_specs

    flagged = {s.code for s in load_rule_specs() if s.nil_figures}
    assert flagged == {"ADV001", "ADV009"}  # ADV009: a decline rate (拒赔率0.3%) since s60


@pytest.mark.parametrize(
    "text",
    [
        # the recipient's own act, or one reported as done, stays a completed event: a notice
        "【澄浦银行】您的保本理财“安享1号”赎回成功，您可获本金及收益共计10,234.56元。",
        "【澄浦银行】您推荐的好友王**已开户成功，您可得50元话费，已发放至您的账户。",
        "【澄浦银行】好友李女士开户成功，奖励您的20元话费已充值。",
        "【澄浦银行】您邀请的好友注册成功，您可得30元，将于3个工作日内到账。",
        # (您获得/奖励您 report a reward: only 可得/可获/即送/各得 offer one — rt126)
        "【澄浦银行】您邀请的好友刘某开户成功，您获得1000积分，请注意查收。",
        "【澄浦银行】好友陈某注册成功，奖励您20元话费，请注意查收。",
    ],
)
def test_success_reported_stays_a_notice(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.verdict == "pass", [(f.code, f.severity) for f in r.findings]


def test_an_exempt_void_word_the_matching_fold_changes_is_refused() -> None:
    """exempt_void is looked up by the key the exemption matched (the folded word): a word the fold changes
    (一 reads 1) would never be found and its exemption never voided, so building the lexicon refuses it."""
    from assistant.checker.context import Lexicon
    from assistant.checker.rulespec import RuleSpec, load_boundaries, load_context_lexicon
    from assistant.errors import ConfigError
    from assistant.paths import rules_dir

    spec = RuleSpec.model_validate(
        {**_BASE, "exempt": ["一次自行承担"], "exempt_void": [{"words": ["一次自行承担"], "before": "平台"}]}
    )
    with pytest.raises(ConfigError, match="一次自行承担"):
        Lexicon([spec], load_context_lexicon(rules_dir()), {}, load_boundaries(rules_dir()))
