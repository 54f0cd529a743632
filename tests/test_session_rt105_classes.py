"""Classes a code-reading red team (rt105, redteam_session87) found in d8e9047, tested here in
other words: a customer group fronted before a refusal (by age or risk type) is suitability,
but a customer word after the claim is not (不向任何客户销售 refuses everyone); a fee set apart
from the rate anywhere in its sentence, a fee said to be outside the rate, or 分期 only in
another sentence leaves an instalment fee on top; a total needs its percentage; a denial of
inclusion must name a rate or a fee; screenshots and news told to an audience for a reward
are sharing; quoted event names after the brand are no products, quoted names in other quote
marks or before 新产品 are.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings
from assistant.profile import load_profile
from tests.judgment_asserts import error_codes

WARN = "理财非存款，产品有风险，投资须谨慎。回T退订"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_settings())


@pytest.fixture(scope="module")
def bank() -> Checker:
    return Checker(load_settings(), load_profile("knowledge/profiles/example-bank.toml"))


@pytest.mark.parametrize(
    "text",
    [
        f"【泾川银行】70周岁以上的老人，不保本的理财本行一概不推荐。泾川安盈年化2.8%。{WARN}",
        f"【泾川银行】高龄客户，不保本的理财我们都不主动推荐。泾川安盈年化2.8%。{WARN}",
        f"【泾川银行】对于风险承受能力较低的客户，不保本的理财本行一律不推荐。泾川安盈年化2.8%。{WARN}",
        f"【泾川银行】未满18岁的用户，不保本的理财我们一律不卖。泾川安盈年化2.8%。{WARN}",
    ],
)
def test_group_fronted_before_refusal_is_suitability(checker: Checker, text: str) -> None:
    assert "ADV001" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a customer word after the claim that names everyone, or a group that restricts nothing
        f"【泾川银行】不保本的理财，泾川银行从不卖给任何客户，泾川安盈年化2.8%。{WARN}",
        f"【泾川银行】不保本的产品我们不向投资者推荐，泾川安盈年化2.8%。{WARN}",
        f"【泾川银行】尊敬的客户，不保本的理财我们一律不卖。泾川安盈年化2.8%。{WARN}",
        f"【泾川银行】广大投资者，不保本的理财我们一律不卖。泾川安盈年化2.8%。{WARN}",
    ],
)
def test_refusal_to_everyone_is_still_a_claim(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # set apart after the rate, said outside the rate, 分期 only in another sentence
        "【泾川银行】账单分期6期，每期手续费1%，年化利率（单利）14%，利息另行收取。回T退订",
        "【泾川银行】分期每期收取手续费1%，年化利率（单利）14%，该手续费未纳入年化利率。回T退订",
        "【泾川消金】贷款每月收手续费1%，年化利率14%。本产品支持分期还款。回T退订",
        "【泾川消金】本产品可分12期还款。贷款每月收取手续费1%，年化利率14%。回T退订",
        # no total stated: the digit after 综合成本 is another figure
        "【泾川消金】综合年化成本详见合同，2小时到账，年化利率（单利）15%，每月收取服务费1%，已计入上述综合成本。回T退订",
    ],
)
def test_fee_on_top_still_reported(checker: Checker, text: str) -> None:
    assert "DIS004" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a denial of something else's inclusion says nothing of the fee
        "【泾川消金】信用贷年化利率（单利）19%，每月收取服务费1%，已计入上述年化利率。红包不计入借款额度。回T退订",
        # an instalment fee annualised by the rate after it, 分期 before it
        "【泾川银行】账单分期12期，每期手续费0.6%，年化利率（单利）约13%，不另收其他费用。回T退订",
        # a separating word the denial follows says nothing is set apart
        "【泾川银行】账单分期12期，每期收取手续费0.8%，年化利率（单利）17.6%，除此之外不收取任何费用。回T退订",
        "【泾川银行】账单分期12期，每期收取手续费0.8%，年化利率（单利）17.6%，本行不会收取任何额外费用。回T退订",
        # the instalment named in the sentence before the fee
        "【泾川银行】账单分期12期上线。每期收取手续费0.75%，年化利率（单利）16.2%。回T退订",
        # a total stated with its percentage
        "【泾川消金】综合年化成本（单利）20%，年化利率14%，每月收取服务费0.5%，已计入上述综合成本。回T退订",
    ],
)
def test_fee_inside_is_no_error(checker: Checker, text: str) -> None:
    assert "DIS004" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【泾川银行】截图给同事，同事开户成功你就能领30元话费。回T退订",
        "【泾川银行】把这条好消息告诉亲人，亲人办卡即得20元立减金。回T退订",
        "【泾川银行】截屏发给闺蜜，就送您10元红包。回T退订",
    ],
)
def test_told_to_an_audience_for_a_reward(checker: Checker, text: str) -> None:
    assert "LNK003" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【泾川银行】收到可疑短信请截图给家人核实，或拨打95521。",
        "【泾川银行】活动奖励未到账的，请截屏给客服专员，核实后补发红包。",
        "【泾川银行】请把防骗知识告诉家人：领取养老金从不需要先交钱。",
        "【泾川银行】请告诉家人，凡是要求先转账才能领红包的都是诈骗。",
    ],
)
def test_told_without_reward_is_no_sharing(checker: Checker, text: str) -> None:
    assert "LNK003" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】明德“金秋”理财节本月开幕，欢迎到网点咨询。回T退订",
        "【明德银行】明德“安心”保险服务中心为您办理保全业务。回T退订",
        "【明德银行】明德“春华”产品推介会周日下午举行，欢迎报名。回T退订",
    ],
)
def test_quoted_event_is_no_product(bank: Checker, text: str) -> None:
    assert "PRO006" not in error_codes(bank, text)


@pytest.mark.parametrize(
    "text",
    [
        f"【明德银行】明德“安瑞”新产品本周发售，业绩比较基准3.1%（业绩比较基准不代表未来表现和实际收益）。{WARN}",
        f"【明德银行】明德‘安瑞’理财本周发售，业绩比较基准3.1%（业绩比较基准不代表未来表现和实际收益）。{WARN}",
        f"【明德银行】明德《安瑞》产品本周发售，业绩比较基准3.1%（业绩比较基准不代表未来表现和实际收益）。{WARN}",
    ],
)
def test_quoted_product_in_other_marks_is_reported(bank: Checker, text: str) -> None:
    assert "PRO006" in error_codes(bank, text)
