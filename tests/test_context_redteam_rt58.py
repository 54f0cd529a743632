"""Mechanisms behind the rt58 red team's dev cases (tests written before the fixes): verdicts
with words between (均为贷款中介骗局, 多未经批准), verdicts after their object (…请谨慎对待),
short-link services named rather than linked, and scam messages quoted in a warning."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】提醒：现货黄金、伦敦金等场外杠杆交易平台多未经批准，投资者请勿参与。",
        "【明德银行】防骗提醒：自称“央行批准”“国家担保”的理财项目都是假的，请通过正规渠道购买理财产品。",
        "【华夏基金】投资者教育：资管新规实施后，理财产品已不再使用“预期收益率”，宣传保本保息的产品请谨慎对待。",
        "【明德银行】温馨提示：网传“内部渠道放款、包装资料包下款”均为贷款中介骗局，贷款请认准正规金融机构。",
        "【明德银行】本行短信不含t.cn、dwz.cn等短链接，收到此类链接请勿点击。",
        "【明德银行】有客户反映收到冒充我行的短信，称“您的积分即将清零，点击t.cn/xxxx兑换”，此为诈骗短信，请勿点击。",
    ],
)
def test_warnings_pass(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.verdict == "pass", [(f.code, f.severity, f.evidence) for f in r.findings]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the sender's own claims stay claims whatever verdict words sit elsewhere
        ("【某平台】现货黄金，保本保息，别信那些说我们未经批准的谣言。回T退订", "PRO002"),
        ("【鑫盈】保本保息的理财，请远离风险，选择鑫盈。回T退订", "ADV001"),
        # a link is a link: before a call, or quoted by the sender itself
        ("【某行】积分兑换点击t.cn领取，回T退订", "LNK001"),
        ("【某行】我行短信称“积分兑换点击t.cn/Ab9”，回T退订", "LNK001"),
        ("【某行】反诈提醒：谨防诈骗，积分兑换请点击t.cn/Ab9", "LNK001"),
    ],
)
def test_claims_and_links_still_fire(checker: Checker, text: str, code: str) -> None:
    assert code in {f.code for f in checker.check(text).findings if f.severity == "error"}


def test_a_quoted_scam_link_fires_when_judging_a_models_text(checker: Checker) -> None:
    text = "【明德银行】有客户反映收到冒充我行的短信，称“您的积分即将清零，点击t.cn/xxxx兑换”，此为诈骗短信，请勿点击。"
    assert "LNK001" in {f.code for f in checker.check(text, strict=True).findings}
