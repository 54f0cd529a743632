"""Classes a code-reading red team of this session's first changes (rt111, redteam_session93, of
49768b3) found, tested here in other words.  Regressions of those changes: 监管 alone as a backer
(an escrow account's 监管期间资金受保护), 没有任何 with a loss (a fraud intercepted: 没有任何损失),
a universal denial with a digit in its subject or a comparison in it (像我们这样), 需要…方可回本,
commentary on a fund's holdings or its manager's view a clause before a gain, 旧版本/请抓紧 as
pressure, 可借 inside 可借助, a belief about claims corrected (以为…其实本产品设有免赔额),
第一顺位 as a marketing word, a pitch's 值得您持有的 as the recipient's own.  Misses beside them:
这条消息给, 不设置任何门槛, 当晚即可到卡, 不押房不押车…下午到账, 泰达 settling and Tether, 按季收取，费率,
从来不卖 with the sender fronted as a place, the sender's own 才是真正保本保息 after a fraud actor."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import FUND, WEALTH, error_codes


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        ("【滨川银行】您的购房款监管账户已开通，监管期间资金受到保护，详询95577。", "ADV005", False),
        (f"【滨川银行】滨川稳享，经监管审核认可，请放心。{WEALTH}", "ADV005", True),
        ("【滨川银行】可疑交易已成功拦截，您的资金没有任何损失，请放心。", "ADV001", False),
        ("【滨川银行】市场上没有任何5年期理财是保本的，请理性投资。", "ADV001", False),
        (f"【滨川银行】没有哪家银行像我们一样保本保息，滨川稳享今日开售。{WEALTH}", "ADV001", True),
        ("【滨川基金】投教：净值跌去一半，需要上涨100%方可回本。基金有风险，投资须谨慎。", "PRO007", False),
        (
            f"【滨川基金】滨川成长混合季报点评：持仓偏重新能源，龙头企业年内累计涨幅超150%，波动较大。{FUND}",
            "PRO007",
            False,
        ),
        (
            f"【滨川基金】滨川成长混合基金经理观点：消费行情有望修复，年初以来白酒累计涨幅达40%。{FUND}",
            "PRO007",
            False,
        ),
        ("【滨川人寿】旧版本App将于月底停用，请抓紧升级，以免影响保单查询。", "ADV007", False),
        ("【滨川人寿】您的保单续期保费调整为2800元，请抓紧在3月1日前缴费，以免保单失效。", "ADV007", False),
        ("【滨川银行】年满18周岁的客户，可借助手机银行在线开户。", "DIS003", False),
        (
            "【滨川人寿】有客户以为医疗险理赔无门槛，其实本产品设有5000元免赔额，详见条款。回T退订",
            "ADV009",
            False,
        ),
        (f"【滨川银行】滨川理财是您资产配置的第一顺位选择。{WEALTH}", "ADV002", True),
        (f"【滨川基金】值得您长期持有的滨川成长混合，近三年涨幅90%，现开放申购。{FUND}", "PRO007", True),
        ("【滨川银行】把这条消息给爸妈看看，爸妈开户也能领30元红包。回T退订", "LNK003", True),
        ("【滨川人寿】滨川百万医疗，理赔时不设置任何条件。详见官网。回T退订", "ADV009", True),
        ("【滨川助贷】无需抵押，当晚即可到卡，年化利率（单利）12%起。回T退订", "PRO008", True),
        ("【滨川助贷】不押房不押车，上午申请下午到账，年化利率（单利）12%起。回T退订", "PRO008", True),
        ("【滨川车贷】二手车抵押贷，押证不押车，当天放款，年化利率（单利）14%起。回T退订", "PRO008", False),
        ("【滨川支付】跨境商户可用泰达收款结算。回T退订", "PRO003", True),
        ("【滨川支付】跨境商户可用Tether结算，秒级到账。回T退订", "PRO003", True),
        ("【滨川消金】借款年化利率（单利）17%，另有会员服务费，按季收取，费率3%。回T退订", "DIS004", True),
        (f"【滨川银行】在滨川银行，不保本的理财从来不卖。滨川稳享今日开售。{WEALTH}", "ADV001", True),
        (f"【滨川银行】别信骗子的高息承诺，滨川稳享才是真正保本保息。{WEALTH}", "ADV001", True),
        ("【滨川银行】骗子常以“保本保息”为诱饵，就是要骗您转账，请提高警惕。", "ADV001", False),
    ],
)
def test_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires, text


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a product's gain with its name two clauses back, or in the sentence before (rt111)
        (
            f"【滨川基金】滨川成长混合，成立六年，投资需要耐心，累计涨幅达110%，现开放申购。{FUND}",
            "PRO007",
            True,
        ),
        (f"【滨川基金】滨川成长混合业绩出众。成立以来累计涨幅达110%，现开放申购。{FUND}", "PRO007", True),
        (
            f"【滨川基金】滨川成长混合今日开放申购。今年以来大盘累计上涨15%，请理性投资。{FUND}",
            "PRO007",
            False,
        ),
        # a fee per thousand (千分之七 is 0.7% a period)
        ("【滨川消金】借款年化利率（单利）17%，每期另收账户管理费千分之七。回T退订", "DIS004", True),
        ("【滨川消金】借款年化利率（单利）17%，每期另收账户管理费千分之二。回T退订", "DIS004", False),
    ],
)
def test_more_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires, text
