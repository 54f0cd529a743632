"""Classes a code-reading red team of 96725ad (rt114, redteam_session96) and an independent
writer's month (c110, drafts_fresh50) found, tested here in other words: an exemption for who
bears a loss (自行承担) void when the bearer named is the seller; an own-purchase exemption
(您购买的) void when a promise follows it directly; coupon (票息) as a return; a risk warning
conceded (都说…有风险，可…) or taken back (…有风险，但…) is no warning; state backing said as
who repays (政府最终偿还); crypto slang (上所, token presale); agent surrender (代理退保); a maturity
return stated as fact (期满收益率为); a price rise with 将 (费率将上调) and a last buying window;
account security reassured (账户资金不存在风险, 资金无损失) is no guarantee; 原始股东 is no
原始股; 邀请家人 to a shared account rewards nothing; 分享 as a talk; 创业担保贷款 and a
commemorative coin's approval are no state backing; printf placeholders with a precision; credit offered
without a loan word (预批, 资金已到位…提取, 息费)."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import FUND, MINIMAL_RULE, WEALTH, error_codes


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # who bears a loss: the seller, with 自行 (an exemption written for the investor)
        (f"【澄浦财富】澄浦安享1号年化5.6%，如有亏损，一律由公司自行承担。{WEALTH}", "ADV001", True),
        (f"【澄浦财富】澄浦安享1号年化5.6%，本金亏损由本平台自行承担。{WEALTH}", "ADV001", True),
        (f"【澄浦财富】澄浦安享1号业绩比较基准5.6%，投资亏损由投资者自行承担。{WEALTH}", "ADV001", False),
        # what the recipient buys, promised straight after the own-purchase words
        (f"【澄浦财富】放心，您购买的一定不会亏，澄浦安享1号年化5.2%。{WEALTH}", "ADV001", True),
        ("【澄浦银行】您购买的澄浦安享1号已于12月1日到期，本金及收益已到账。", "ADV001", False),
        # coupon as a return above the threshold
        (f"【澄浦财富】澄浦债券精选，年票息10.5%，5万起投。{WEALTH}", "PRO007", True),
        # a risk warning conceded, or taken back in its sentence
        (
            "【澄浦基金】澄浦成长混合今日发售，人人都说基金有风险，可跟对经理就能稳稳赚，10元起购。回T退订",
            "ADV003",
            True,
        ),
        (
            "【澄浦基金】澄浦成长混合今日发售，10元起购。投资有风险，不过我们从来没让客户亏过。回T退订",
            "ADV003",
            True,
        ),
        (
            "【澄浦基金】澄浦成长混合今日发售，别的基金收益不确定，澄浦成长月月分红准时到账。回T退订",
            "ADV003",
            True,
        ),
        (
            "【澄浦基金】澄浦成长混合今日发售，10元起购。和其他基金一样，基金有风险，投资须谨慎。回T退订",
            "ADV003",
            False,
        ),
        (f"【澄浦基金】澄浦成长混合今日发售，10元起购。{FUND}", "ADV003", False),
        (
            "【澄浦基金】澄浦成长混合今日发售，10元起购。基金有风险，投资须谨慎，但请理性看待短期波动。回T退订",
            "ADV003",
            False,
        ),
        # the state named as who repays
        (f"【澄浦财富】安享1号投向园区建设，到期由区政府负责偿还，年化5%。{WEALTH}", "ADV005", True),
        # crypto by slang
        ("【链通社区】平台币预售火热进行，上所当天翻十倍，名额有限。回T退订", "PRO003", True),
        # agent surrender of policies
        ("【安退无忧】保单不想要了？帮您全额拿回已交保费，成功后再收服务费。回T退订", "PRO008", True),
        ("【平盛人寿】您已在犹豫期内申请退保，我司将为您全额退还已交保费。", "PRO008", False),
        # a maturity return stated as fact for a wealth product
        (f"【澄浦财富】澄浦安享2号，到期年化收益率为4.6%，5万起投。{WEALTH}", "ADV006", True),
        # an insurer's price rise with 将, a last window to buy
        ("【澄浦人寿】安康重疾险明年起保费将上调20%，请抓紧投保。回T退订", "ADV007", True),
        ("【澄浦人寿】安康重疾险本周是旧费率最后的投保窗口，请您把握。回T退订", "ADV007", True),
        # security reassurance about the recipient's own account is no guarantee
        ("【澄浦银行】经核实，您举报的链接为钓鱼网站，您的账户资金不存在风险，请放心。", "ADV001", False),
        ("【澄浦银行】您反映的重复扣款已退回，账户资金无损失，给您带来不便深表歉意。", "ADV001", False),
        ("【澄浦银行】安全提示：本次登录设备已核实为本人，账户安全无风险。", "ADV001", False),
        # …but a product said to carry none is still one
        (f"【澄浦财富】澄浦安享1号不存在风险，年化5%，欢迎认购。{WEALTH}", "ADV001", True),
        # 原始股东 is the company's founders, not 原始股 for sale
        ("【澄浦证券】您持有的澄浦电子原始股东减持计划已公告，详见交易所网站。", "PRO005", False),
        ("【澄浦资本】澄浦电子原始股内部认购，上市翻倍。回T退订", "PRO005", True),
        # a shared account's members invited: nothing rewarded or forwarded
        ("【澄浦银行】您的亲情账户已开通，可邀请家人加入，共同查看账户余额。", "LNK003", False),
        ("【澄浦银行】邀请家人开户，每成功一位奖励您30元。回T退订", "LNK003", True),
        # 分享 as a talk at an event
        ("【澄浦财富】周六下午请来听理财师分享，到场即送精美礼品。回T退订", "LNK003", False),
        ("【澄浦财富】分享本活动给好友，到场即送精美礼品。回T退订", "LNK003", True),
        # a government programme's name and a commemorative coin's approval
        ("【澄浦银行】创业担保贷款开放申请，财政贴息，年化利率3.45%，详询95599。回T退订", "ADV005", False),
        ("【澄浦银行】经中国人民银行批准，本行将受理龙年纪念钞预约兑换，每人限20张。", "ADV005", False),
        (f"【澄浦财富】经中国人民银行批准发行，澄浦安享1号值得信赖。{WEALTH}", "ADV005", True),
        ("【澄浦消金】再不还款，我司将联系您预留的紧急联系人，告知其您的欠款情况。", "COL001", True),
        # terms quoted and judged 不法 in a warning are no offer
        (
            "【平盛银行】谨防贷款黑产：“代办贷款”“征信修复”均为不法中介话术，贷款请认准本行官方渠道。",
            "PRO008",
            False,
        ),
        ("【平盛保险】提醒：“代理退保”都是不法分子的套路，退保请通过本公司官方渠道办理。", "PRO008", False),
        # an insurer's notice of the recipient's own premium rising is no pressure
        ("【平盛人寿】您投保的意外险保费明年将上调5%，续保时按新费率计算。", "ADV007", False),
        # credit offered with no loan word
        ("【速借】您有一笔3万元资金已到位，打开App就能提取。回T退订", "DIS001", True),
        ("【速借】已为您预批6万元，本周提取享息费八折。回T退订", "DIS001", True),
        # printf placeholders with a precision or width
        ("【澄浦银行】您的账户本月结息%.2f元，请登录查看。", "FMT001", True),
        ("【澄浦银行】您的动态码为%06d，5分钟内有效。", "FMT001", True),
    ],
)
def test_rt114_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a turn to a caution or a procedure keeps the warning; the product said to share others' risk too
        (
            "【滨江基金】滨江红利指数基金今日发售，1元起购。基金有风险，但过往业绩不代表未来表现。回T退订",
            "ADV003",
            False,
        ),
        (
            "【滨江证券】新客开户享低佣，详询95555。股市有风险；但请勿轻信非官方渠道的荐股信息。回T退订",
            "ADV003",
            False,
        ),
        (
            "【滨江基金】尽管投资有风险，但长期定投可以平滑波动，请结合自身情况谨慎决策。滨江定投10元起。回T退订",
            "ADV003",
            False,
        ),
        (
            "【滨江银行】滨江30天持有期理财，业绩比较基准2.6%，1万元起购。本产品同其他理财一样存在风险，请谨慎选择。回T退订",
            "ADV003",
            False,
        ),
        # a deposit's interest at maturity, a deposit rate rising, a bond's issuer repaying
        ("【滨江银行】大额存单三年期，20万元起存，存满三年到期收益为13500元。回T退订", "ADV006", False),
        ("【滨江银行】自下月起本行三年期存款利率将上调10个基点，欢迎咨询。回T退订", "ADV007", False),
        ("【滨江证券】本期地方债由省政府负责还本付息，票面利率2.3%，欢迎认购。回T退订", "ADV005", False),
        # a complaint's refund reported, a seller's system fault made good
        (
            "【滨江银行】经核查，您反映的误导销售属实，我行已协调保险公司帮您拿回已交保费8000元。",
            "PRO008",
            False,
        ),
        ("【滨江银行】因本行系统故障产生的交易差错，损失由本行自行承担，您的账户不受影响。", "ADV001", False),
        # 以上所有 and 新币 (Singapore dollar) are no crypto; a cardless-withdrawal code goes to the payee
        (
            "【滨江银行】您的外币账户已开通，美元、新币均可存取，以上所有币种可在手机银行查询。",
            "PRO003",
            False,
        ),
        ("【滨江银行】无卡取款已生效，请将六位数取款口令告知收款人，24小时内有效。", "PRV003", False),
        # a figure's last digit is no nil loss rate (违约率10% is no 违约率0); a nil rate still is
        ("【滨江证券】投资者教育：高票息债券往往风险更高，部分品种违约率达10%，请谨慎。", "ADV001", False),
        ("【鑫源财富】鑫源1号违约率0，年化8%。理财非存款，产品有风险，投资须谨慎。回T退订", "ADV001", True),
        # evasions of the new exemptions
        ("【鑫存宝】资金转入您的账户后按日计息，年利率4.5%，无风险。回T退订", "ADV001", True),
        (
            "【安盈财富】安盈1号年化5.8%，若有亏损，全部由安盈财富自行承担。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
            True,
        ),
        ("【速融通】信用卡代还属于正规服务而非黑产，当天到账。回T退订", "PRO008", True),
        ("【速易借】您有一笔5万元资金已到位，可提取余额50000元，登录App即可到账。回T退订", "DIS001", True),
        (
            "【鑫源财富】鑫源1号由政府创业担保基金兜底，年化7%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV005",
            True,
        ),
        ("【滨江银行】家庭账户上线，推荐给朋友一起开通，开通即享加油券。回T退订", "LNK003", True),
        (
            "【安康人寿】关爱您的父母，安康防癌险下月起保费将上调15%，现在投保仍按原价。回T退订",
            "ADV007",
            True,
        ),
        (
            "【安盈财富】安盈3号已于今日开售，期满年化收益率为5.3%，5万起投。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
            True,
        ),
    ],
)
def test_rt115_regressions_and_evasions(checker: Checker, text: str, code: str, fires: bool) -> None:
    """A red team of the fixes above (rt115, redteam_session97): what they broke and let through."""
    assert (code in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a term of the sale after 不过 keeps the warning
        (
            "【滨江基金】滨江成长混合今日发售。基金有风险，投资须谨慎，不过本公司提供15天犹豫期。回T退订",
            "ADV003",
            False,
        ),
        # a borrower repaying, a subsidy paying: no state backing
        ("【滨江银行】创业贷款财政贴息，贴息后您只需偿还本金部分利息，详询95599。回T退订", "ADV005", False),
        # a matured product's return reported; a corporate bond's yield to maturity
        (
            "【滨江理财】您购买的稳享3号已于3月1日到期，到期年化收益率为3.1%；新一期火热认购中。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
            False,
        ),
        (
            "【滨江证券】本期公司债持有到期年化收益率为3.9%，欢迎认购。债券有风险，投资须谨慎。回T退订",
            "ADV006",
            False,
        ),
        # the recipient's redemption money, a game's tokens, the recipient's own car insurance
        ("【滨江基金】您的赎回资金已到位，可随时提取至银行卡。", "DIS001", False),
        ("【欢乐电玩】游戏代币预售，早鸟价充100送20。回T退订", "PRO003", False),
        ("【滨江财险】您的车险明年起保费将上调，请留意续保通知。", "ADV007", False),
        # evasions
        ("【滨江钱包】开通即享复利，随存随取，账户资金无风险。回T退订", "ADV001", True),
        (
            "【安盈财富】安盈1号年化5.8%，若有亏损，全部由安盈信托自行承担。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
            True,
        ),
        (
            "【滨江财富】滨江2号，期满年化收益率为4.5%，理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
            True,
        ),
        ("【速融通】“征信修复”“代办贷款”均为正规业务，区别于黑产，当天办理。回T退订", "PRO008", True),
        ("【滨江基金】都说投资有风险，其实选对基金就能稳稳赚，10元起购。回T退订", "ADV003", True),
        ("【滨江银行】邀请家人一起开通亲情卡，您和家人各享首年免年费。回T退订", "LNK003", True),
        (
            "【滨江财富】力争年化超额收益0.8%，稳健增值。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
            True,
        ),
    ],
)
def test_rt116_regressions_and_evasions(checker: Checker, text: str, code: str, fires: bool) -> None:
    """A red team of the rt115 fixes (rt116, redteam_session98): what they broke and let through."""
    assert (code in error_codes(checker, text)) is fires


def test_unless_may_name_several_groups_and_each_must_exist() -> None:
    """A family's ``unless`` may list groups (LNK003's share-to-audience: a fraud warning passed on,
    or the recipient's own shared account); a misspelt one is refused, never ignored."""
    from assistant.checker.rulespec import RuleSpec

    base = {
        **MINIMAL_RULE,
        "term_context": {"one": ["丙"], "two": ["丁"]},
    }
    spec = RuleSpec.model_validate({**base, "terms": [{"term": "甲乙", "unless": ["one", "two"]}]})
    assert spec.terms[0].unless_groups == ("one", "two")
    with pytest.raises(ValueError, match="misspelt"):
        RuleSpec.model_validate({**base, "terms": [{"term": "甲乙", "unless": ["one", "misspelt"]}]})


def test_each_listed_unless_group_cancels(checker: Checker) -> None:
    """Either of share-to-audience's groups cancels it; neither, and it fires."""
    warned = "【澄浦银行】请把这条短信转发给家人，提醒他们谨防冒充客服诈骗。"
    shared = "【澄浦银行】您的亲情账户已开通，可邀请家人加入，共同查看账户余额。"
    neither = "【澄浦银行】开通账户后可邀请家人加入，一起来办理。回T退订"
    assert "LNK003" not in error_codes(checker, warned)
    assert "LNK003" not in error_codes(checker, shared)
    assert "LNK003" in error_codes(checker, neither)
