"""Classes found in an independent writer's development third (drafts_fresh38, c94), each
tested here in other words than the draft that showed it:

* a statutory deposit-insurance disclosure is a notice;
* a quote the sender affirms (这话没错) is the sender's own claim, whatever header frames it;
* a list of quoted phrases reported to warn (听到“…”“…”等说法请提高警惕) is named, not said,
  and a purchase channel advised (请通过正规渠道购买) sells nothing;
* insider news (内部消息) is a stock tip only about something traded;
* a pension account's contribution quota (缴费额度) is no credit line;
* investor education under its own header (定投知识：) is no promotion;
* a return per day counted as one (一天稳赚3个点) is a daily rate;
* recruiting friends said plainly (拉3位好友注册) is a forwarding inducement;
* a rule that found only warnings still hears its model when the model is sure of an error.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import assert_service_pass, error_codes


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def test_deposit_insurance_disclosure_is_a_notice(checker: Checker) -> None:
    assert_service_pass(
        checker,
        "【青澜农商银行】本行已参加存款保险，存款保险实行限额偿付，同一存款人本金和利息合计最高偿付限额为50万元。",
    )
    # the same disclosure before a product on sale is still a promotion
    r = checker.check("【青澜农商银行】本行已参加存款保险，现推出3年期大额存单，年利率2.15%，20万起存。")
    assert r.kind == "marketing" and "OPT001" in error_codes(checker, r.text)


def test_affirmed_quote_is_the_senders_claim(checker: Checker) -> None:
    text = "【瑞合理财】投资课堂：常听人讲“稳赚不赔”，此言不虚，瑞合安享系列就是如此，年化4.8%。投资有风险。回T退订"
    assert "ADV001" in error_codes(checker, text)


def test_quoted_list_reported_to_warn_is_named_not_said(checker: Checker) -> None:
    r = checker.check(
        "【恒川基金】投资者教育：看到“名人代言”“保本保收益”之类的说法要当心，基金可能亏损，请通过正规渠道购买。"
    )
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", [(f.code, f.severity, f.evidence) for f in r.findings]


def test_insider_news_needs_something_traded(checker: Checker) -> None:
    assert "PRO001" not in {
        f.code
        for f in checker.check(
            "【安和人寿】内部消息：安和守护重疾险下月起费率上调，请尽早了解。回T退订"
        ).findings
    }
    assert "PRO001" in error_codes(checker, "【金牛财经】内部消息：这只票下周要拉升，进群领代码。")


def test_contribution_quota_is_no_credit_line(checker: Checker) -> None:
    text = (
        "【青澜银行】个人养老金开户礼：年内开户并缴存可领10元立减金，缴存额度每年12000元以内可税前扣除。"
        "账户资金可购买养老理财、基金等，产品有风险，投资须谨慎。回T退订"
    )
    assert "DIS001" not in {f.code for f in checker.check(text).findings}


def test_education_header_is_no_promotion(checker: Checker) -> None:
    assert_service_pass(
        checker,
        "【恒川基金】基金知识：基金净值会随市场波动，过往业绩不代表未来表现，基金管理人不保证基金一定盈利。",
    )
    # the header does not launder a product on offer
    r = checker.check("【恒川基金】基金知识：恒川成长混合近一年收益26%，现在定投正当时。")
    assert r.kind == "marketing" and r.verdict == "fail"


@pytest.mark.parametrize(
    "text", ["【链金汇】跟单一天稳赚2个点，新人送体验金。回T退订", "【链金汇】跟单，一个月轻松拿10%。回T退订"]
)
def test_period_counted_as_one_is_read(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text)


def test_recruiting_friends_is_an_inducement(checker: Checker) -> None:
    assert "LNK003" in error_codes(
        checker, "【乐借】拉5个好友下载App，每人奖励10元免息券。年化利率（单利）12%起。回T退订"
    )


def test_warned_rule_still_hears_a_sure_model(checker: Checker) -> None:
    # a review-level family matches (a visit at the workplace); the model is sure of a threat
    text = "【远通法务】牛*，后天上午我们三位同事会到你公司门口等你，当着你领导的面把这8,600元说清楚。"
    r = checker.check(text)
    col = [f for f in r.findings if f.code == "COL001"]
    assert any(f.severity == "error" for f in col), [(f.severity, f.evidence) for f in col]
    assert any(e.reason.startswith("规则仅按警告命中") for f in col for e in f.context)
