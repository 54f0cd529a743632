"""Classes found in an independent writer's development third (drafts_fresh40, c95: a
year-end and Spring-Festival campaign season), each tested here in other words:

* lending whatever the record (不管有没有逾期…都能借) is a credit inducement;
* every illness from the least to the worst said to be paid (从头疼脑热到重疾…全报) and
  一律报 are exaggerated cover;
* a quote signed by a customer (——来自一位老客户的好评) is a testimonial;
* a shortfall made good by the seller (差额由我们补上) is a guarantee;
* the applicant's file polished by the sender (帮你把流水美化) is 包装资料;
* a heading's deposit word is likened to the insurance its colon introduces.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, flagged_codes


def test_lending_whatever_the_record(checker: Checker) -> None:
    text = "【安易借】无论网贷多不多、有没有逾期，年前都给借，年化利率（单利）14.4%起。回T退订"
    assert "DIS003" in error_codes(checker, text)
    # a reminder that applies whatever the record lends nothing
    text = "【安易借】无论是否有逾期，都请按合同约定按时还款，以免影响征信。"
    assert "DIS003" not in flagged_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【瑞康保险】瑞康医疗险，小到头疼脑热，大到重疾住院，全报！条款见 https://www.ruikang-ins.com 回T退订",
        "【瑞康保险】瑞康百万医疗，门诊住院一律报，条款见 https://www.ruikang-ins.com 回T退订",
    ],
)
def test_every_illness_paid(checker: Checker, text: str) -> None:
    assert "ADV009" in error_codes(checker, text)


def test_quote_signed_by_a_customer(checker: Checker) -> None:
    text = "【瑞丰基金】“定投三年，收益比存银行强多了！”——来自一位基民的好评。基金有风险，投资须谨慎。回T退订"
    assert "ADV004" in error_codes(checker, text)
    text = "【瑞丰基金】以下问答来自客户的咨询：定投如何修改扣款日？答：登录App在定投计划中修改。"
    assert "ADV004" not in flagged_codes(checker, text)


def test_shortfall_made_good_by_the_seller(checker: Checker) -> None:
    text = "【瑞丰理财】瑞丰季季盈，万一净值跌了，少的部分我们给您补回来。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "ADV001" in error_codes(checker, text)


def test_file_polished_for_the_applicant(checker: Checker) -> None:
    text = "【快融】征信一般也不怕，我们替你把流水美化一下，贷款轻松下来。回T退订"
    assert "PRO008" in error_codes(checker, text)


def test_heading_deposit_word_likens_the_insurance_after_its_colon(checker: Checker) -> None:
    text = (
        "【青山农商银行】新春存款好选择：每年交2万，交满5年，第10年起领回本金和收益，由安和人寿承保。回T退订"
    )
    assert "ADV008" in error_codes(checker, text)
    text = "【青山农商银行】新春存款好选择：3年期大额存单年利率2.1%，20万元起存。回T退订"
    assert "ADV008" not in flagged_codes(checker, text)
