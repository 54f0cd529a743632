"""Mechanisms behind the rt57 red team's dev cases (written before the fixes): warnings that
carry their own act (不要相信…), lures named a trap, money back to the last cent, mail-merge
fields in square brackets, link text by colour, and cards that hold no bank account."""

from __future__ import annotations

import pytest
from judgment_asserts import assert_service_pass

from assistant.checker.engine import Checker


def _errors(checker: Checker, text: str) -> set[str]:
    return {f.code for f in checker.check(text).findings if f.severity == "error"}


@pytest.mark.parametrize(
    "text",
    [
        "【华信银行】提醒您：不要相信保本高息的养老项目投资，谨防非法集资。",
        "【华信银行】警惕“保本高收益”投资骗局，凡承诺稳赚不赔的理财都是陷阱，请通过我行官方渠道购买产品。",
        "【汇通支付】您的交通卡号3104 0000 1234 5678充值50.00元成功。",
    ],
)
def test_warnings_and_non_bank_cards_raise_no_error(checker: Checker, text: str) -> None:
    assert _errors(checker, text) == set()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the warning verb's own object ends at the comma: the claim after it is asserted
        ("【明德理财】不要相信别人，鑫享1号保本保息，年化6%。回T退订", "ADV001"),
        (
            "【华信银行】鑫享理财第8期今日开售，到期一分不少还您，理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【华信银行】尊敬的[客户姓名]，您的信用卡已激活。", "FMT001"),
        ("【华信银行】年终好礼，详情请点击下方蓝色文字查看。回T退订", "FMT002"),
        ("【汇通支付】您的银行卡号6222 0212 3456 7890 123已绑定成功。", "PRV002"),
    ],
)
def test_the_violation_is_an_error(checker: Checker, text: str, code: str) -> None:
    assert code in _errors(checker, text)


def test_every_cent_back_needs_an_investment(checker: Checker) -> None:
    """A refund notice's 一分不少 is not a promise of principal."""
    text = "【汇通支付】您申请的退款已处理完毕，款项一分不少退回原支付账户，请注意查收。"
    assert "ADV001" not in _errors(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【华信银行】您的专属理财经理已更换为张伟，如需服务请致电95588。",
        "【恒泰证券】自12月1日起，恒泰稳健1号基金管理费率由1.5%下调至1.2%，详见基金公告。",
        "【华信银行】您好，我行城南支行将于12月10日迁址至建设路88号，理财、贷款等业务照常办理。",
        "【华信证券】尊敬的投资者，12月1日起沪深交易所调整交易规则，详见我司官网公告。股市有风险，投资需谨慎。",
        "【鼎盛基金】鼎盛稳健债券A将于12月10日进行分红，每10份派发0.15元，权益登记日为12月9日。",
        "【汇通支付】您的账户已完成实名认证升级，单日转账限额提升至5万元。",
    ],
)
def test_operational_change_notices_are_service(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_a_price_cut_pitched_is_still_marketing(checker: Checker) -> None:
    r = checker.check("【华信银行】好消息！鑫享理财认购费率由1%下调至0.1%，限时抢购，回T退订")
    assert r.kind == "marketing"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a return over the product's stated term, annualised over that term (2.3% × 365/91)
        ("【恒泰证券】恒泰收益凭证第12期，期限91天，期间收益率2.3%，投资有风险。回T退订", "PRO007"),
        ("【链融科技】区块链数字资产增值计划，持币生息，回T退订", "PRO003"),
        ("【金汇通】黄金微交易，1元起投，涨跌都能赚，回T退订", "PRO002"),
        ("【速借钱包】信用卡POS刷卡取现，费率0.38%，当天到账，回T退订", "PRO008"),
        ("【汇通支付】您的汇通白条额度已开通，可先消费后付款，免息期最长40天。回T退订", "DIS001"),
    ],
)
def test_rt57_violations_fire(checker: Checker, text: str, code: str) -> None:
    assert code in {f.code for f in checker.check(text).findings}


def test_a_credit_line_announced_as_arrived_still_owes_its_rate(checker: Checker) -> None:
    """额度已到账 is how a pre-approved line is pitched: not an exemption from DIS001."""
    r = checker.check("【捷贷】额度已到账，提现即可用，利息按天计算。回T退订")
    assert "DIS001" in {f.code for f in r.findings}
    assert r.verdict != "pass"


@pytest.mark.parametrize(
    "text",
    [
        "【恒泰证券】恒泰收益凭证第12期，期限365天，期间收益率2.3%，投资有风险。回T退订",
        "【华信银行】本次交易验证码为382915，是您本次交易的唯一凭证，请勿泄露。",
    ],
)
def test_rt57_lawful_texts_pass(checker: Checker, text: str) -> None:
    assert checker.check(text).verdict == "pass"


def test_a_warning_after_its_object_judges_its_own_clause_only(checker: Checker) -> None:
    assert (
        checker.check("【恒丰银行】提醒您：承诺保本高收益的理财要警惕，请通过正规渠道购买。").verdict
        == "pass"
    )
    # a later clause's 需警惕 judges nothing before it, and 警惕错过 is a push
    pushed = checker.check("【恒丰银行】保本保收益的鑫盈理财，名额有限，需警惕错过。回T退订")
    assert "ADV001" in {f.code for f in pushed.findings if f.severity == "error"}


def test_a_transfer_minimum_is_no_price_pitch(checker: Checker) -> None:
    r = checker.check("【恒丰银行】单笔转账最高限额5万元，最低10元起转。")
    assert r.kind == "service"
    assert not [f for f in r.findings if f.severity == "error"]


def test_old_customers_counted_need_a_source(checker: Checker) -> None:
    r = checker.check(
        "【恒丰银行】10万老客户的共同选择，鑫盈理财，理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert "ADV010" in {f.code for f in r.findings}


def test_event_pattern_entries_take_a_weight_and_nothing_else() -> None:
    from assistant.checker.context import event_pattern_entries
    from assistant.checker.rulespec import context_lexicon_problems

    assert event_pattern_entries({"kind_event_patterns": ["已到账", {"pattern": "由\\d", "weight": 2}]}) == [
        ("已到账", None),
        ("由\\d", 2),
    ]
    problems = context_lexicon_problems({"kind_event_patterns": [{"pattern": "x", "wieght": 2}]})
    assert any("wieght" in p for p in problems)


def test_a_price_cut_announced_with_an_opt_out_stays_marketing(checker: Checker) -> None:
    text = "【鼎盛基金】鼎盛中证红利指数A自12月1日起管理费率由0.5%降至0.15%，托管费率降至0.05%。基金有风险，投资须谨慎。回T退订"
    assert checker.check(text).kind == "marketing"


def test_a_lenders_raised_line_still_owes_its_rate_but_a_cards_limit_does_not(checker: Checker) -> None:
    lender = checker.check("【金桔花】您的额度已提升至30,000元，快去看看吧~")
    assert "DIS001" in {f.code for f in lender.findings}
    card = checker.check("【明德银行】尊敬的客户，您的信用卡额度已提升。回T退订")
    assert "DIS001" not in {f.code for f in card.findings}
