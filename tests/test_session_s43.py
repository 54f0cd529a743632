"""Session of 2026-12-05 from 23:16: return figures said in forms PRO007 did not read, from the
development thirds of the red teams and the independent drafts, each written here in words of its
own with the wording beside it that must stay quiet.

- a borrower's rate that goes to the reader as lender (借款年化利率13%，利息按月归您; 您出借的资金按
  借款合同年化14%计息) is the reader's return, not a price of credit;
- a gain said as a multiple (近一年净值翻了一番, 今年以来涨了一倍) is a return of 100% or more over its
  period, read as the product-gain figures are (a past result needs its statement) and, like
  them, only of a product or the reader's money named before it;
- a return said as a multiple of a deposit or money fund (收益是定期存款的6倍) is that multiple of
  the benchmark's usual rate, which the rule data states;
- a folk rate per period (每月稳定1个点, 一年12个点, 每个月稳稳2个点) is read with its period.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


def _codes(checker: Checker, text: str, **kwargs: object) -> set[str]:
    """Every code reported for ``text`` at any severity, with a declared kind."""
    return {f.code for f in checker.check(text, **kwargs).findings}  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


# ------------------------------------------------- the reader as lender
@pytest.mark.parametrize(
    "text",
    [
        "【禾川财富】禾川债权精选，借款人按年化13%付息，利息全部归出借人。投资有风险。回T退订",
        "【禾川财富】您出借的本金按借款年化利率12.5%计息，到期一次回款。回T退订",
        "【禾川财富】优选债权转让专区：借款利率年化11%，认购后利息按月归您。回T退订",
    ],
)
def test_a_borrowers_rate_paid_to_the_reader_is_a_return(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text, kind="marketing")


@pytest.mark.parametrize(
    "text",
    [
        # the reader borrows: their own rate, reported
        "【禾川银行】您的借款年化利率13%，本月应还利息1,083.33元，最后还款日12月10日。",
        # a loan offer naming the bank that lends: still a price of credit
        "【禾川消费金融】借款年化利率（单利）12%-18%，资金由合作银行出借，具体以审批为准。回T退订",
    ],
)
def test_a_borrowers_own_rate_stays_a_price(checker: Checker, text: str) -> None:
    assert "PRO007" not in found_codes(checker, text)


# ------------------------------------------------- gains said as multiples
@pytest.mark.parametrize(
    "text",
    [
        "【禾川基金】禾川成长混合近一年净值翻了一番，现开放申购。基金有风险，投资须谨慎。回T退订",
        "【禾川基金】禾川科技精选基金今年以来涨了一倍，欢迎申购。基金有风险，投资须谨慎。回T退订",
        "【禾川财富】跟着禾川配置，一年资产翻倍不是梦。投资有风险。回T退订",
        "【禾川财富】禾川1号三年本金翻两番。投资有风险。回T退订",
    ],
)
def test_a_gain_said_as_a_multiple_is_a_high_return(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text, kind="marketing")


@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】周末刷卡积分翻倍，多倍积分可兑换礼品。回T退订",
        "【禾川基金】禾川基金管理规模三年翻了一番，感谢您的信任。",
        # doubling over ten years is about 7.2% a year: under the line
        "【禾川银行】投教小知识：按年化7%复利计算，资产大约十年翻一番。",
        "【禾川银行】您的信用卡额度已翻倍，当前额度40,000元。",
    ],
)
def test_a_multiple_of_something_else_is_no_return(checker: Checker, text: str) -> None:
    assert "PRO007" not in found_codes(checker, text)


# ------------------------------------------------- multiples of a benchmark
@pytest.mark.parametrize(
    "text",
    [
        "【禾川财富】禾川1号收益是银行定期存款的6倍。投资有风险。回T退订",
        "【禾川财富】禾川1号的收益比余额宝高出5倍。投资有风险。回T退订",
        "【禾川财富】禾川1号利息相当于一年定期的七倍。投资有风险。回T退订",
    ],
)
def test_a_return_as_a_multiple_of_a_deposit_is_read(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text, kind="marketing")


@pytest.mark.parametrize(
    "text",
    [
        # five times a current account's rate is under 2%
        "【禾川银行】大额存单利率约为活期存款的5倍，20万元起存。回T退订",
        "【禾川银行】禾川现金宝收益约为活期的3倍，随存随取。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【禾川财富】禾川1号收益是余额宝的1.5倍。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_small_multiple_stays_under_the_line(checker: Checker, text: str) -> None:
    assert "PRO007" not in _codes(checker, text, kind="marketing")


def test_a_multiple_quoted_in_a_warning_is_no_claim(checker: Checker) -> None:
    text = "【禾川银行】反诈提醒：凡是宣称收益是定期存款10倍的“理财”都是诈骗，请勿转账。"
    assert "PRO007" not in error_codes(checker, text)


# ------------------------------------------------- folk rates per period
@pytest.mark.parametrize(
    "text",
    [
        "【禾川财富】禾川收益凭证，每月稳定1个点，一年12个点。投资有风险。回T退订",
        "【禾川财富】禾川月月享，每个月稳稳1个点到手，10万起投。投资有风险。回T退订",
    ],
)
def test_a_folk_rate_per_period_is_read_with_its_period(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text, kind="marketing")


@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】自1月1日起，本行一年期定期存款利率每年下调0.1个百分点。",
        "【禾川证券】两融利率优惠：每月融资利率下调0.5个点，详询客户经理。回T退订",
        "【禾川财富】禾川月月享，每个月稳稳0.5个点到手。投资有风险。回T退订",
    ],
)
def test_a_folk_rate_under_the_line_or_of_credit_stays_quiet(checker: Checker, text: str) -> None:
    assert "PRO007" not in _codes(checker, text, kind="marketing")


def test_universal_life_settlement_rate_is_a_return(checker: Checker) -> None:
    text = "【禾川人寿】禾川稳利万能险，账户结算利率高达9%，万能账户结算利率不保证，投保须谨慎。回T退订"
    assert "PRO007" in error_codes(checker, text)
    quiet = "【禾川人寿】您的万能账户本月结算利率为2.85%，可登录App查看账户价值。"
    assert "PRO007" not in found_codes(checker, quiet)


# ------------------------------------------------- claims waved in or ranked among peers
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a negated claim asked and waved away, with a mark the compact view drops
        (
            "【禾川理财】禾川季享不保本？不存在的~业绩比较基准3.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        # the threshold asked and waved away
        ("【禾川小贷】申请门槛？不存在的！年化利率（单利）10.8%起。回T退订", "DIS003"),
        # peers of the same class, then none better
        ("【禾川小贷】同类平台里找不到比禾川更低的利率，年化利率（单利）7.9%起。回T退订", "ADV002"),
    ],
)
def test_a_claim_waved_in_or_ranked_among_peers_fires(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【禾川小贷】申请有门槛吗？有的：需年满22周岁、有稳定收入，年化利率（单利）10.8%起。回T退订",
        "【禾川银行】与同类产品相比，禾川信用卡分期费率透明，年化利率（单利）9.1%起。回T退订",
        "【禾川理财】有人问禾川季享保本吗？不保本，理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_plain_answer_or_comparison_stays_quiet(checker: Checker, text: str) -> None:
    assert not error_codes(checker, text) - {"LEN001"}


# ------------------------------------------------- credit priced by the days used
@pytest.mark.parametrize(
    "text",
    [
        "【禾川花】需要钱时打开禾川花，利息按天算，早还早省。回T退订",
        "【禾川花】利息按天算，用几天算几天。回T退订",
    ],
)
def test_credit_priced_by_the_days_used_needs_its_apr(checker: Checker, text: str) -> None:
    assert "DIS001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】活期存款利息按天算，随存随取。回T退订",
        "【禾川租车】租车按日结算，用一天算一天，信用卡支付享9折。回T退订",
    ],
)
def test_a_deposit_or_a_rental_by_the_day_is_no_credit(checker: Checker, text: str) -> None:
    assert "DIS001" not in error_codes(checker, text)


# ------------------------------------------------- guarantees in other words
@pytest.mark.parametrize(
    "text",
    [
        # the risk asked about, then carried for the reader by a name
        "【禾川财富】亏损？禾川财富替您担着，禾川月享年化3.9%。理财非存款，产品有风险，投资须谨慎。回T退订",
        # the principal's worry waved away
        "【禾川理财】禾川稳利，本金不用操心，收益天天看得见。理财非存款，产品有风险，投资须谨慎。回T退订",
        # what comes back said never to be less
        "【禾川人寿】禾川福满年金，到期领回的钱只多不少。回T退订",
        # a non-guaranteed dividend given a floor
        "【禾川人寿】禾川鑫享分红险，每年分红不低于4%。回T退订",
    ],
)
def test_a_guarantee_in_other_words_fires(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【禾川财富】亏损？由您自行承担：禾川月享为非保本产品，理财非存款，产品有风险，投资须谨慎。回T退订",
        "【禾川理财】本金不用操心的产品并不存在，请选择与风险承受能力相匹配的产品，理财非存款，产品有风险，投资须谨慎。",
        "【禾川银行】积分只多不少：本月消费积分翻番，可兑换礼品。回T退订",
        # a deposit's principal under deposit insurance, a borrower's principal
        "【禾川银行】三年期大额存单年化利率2.05%，受存款保险保障，本金不用担心。回T退订",
        "【禾川银行】禾川房贷支持提前还款，剩余本金不必担心违约金，年化利率3.5%起。回T退订",
        "【禾川人寿】您的保单本年度红利为312.50元，分红水平不保证，以实际为准。",
    ],
)
def test_a_disclosure_or_a_non_investment_stays_quiet(checker: Checker, text: str) -> None:
    assert "ADV001" not in error_codes(checker, text)
