"""Everyday traffic the rt61 red team found misjudged (tests written before the fixes): an
institution's dated changes of its own service, maintenance and card-renting warnings, and a
product's minimum holding period."""

from __future__ import annotations

import pytest
from judgment_asserts import assert_service_pass

from assistant.checker.engine import Checker


@pytest.mark.parametrize(
    "text",
    [
        "【杭州银行】我行文三路支行自12月25日起暂停营业装修，业务可至就近的黄龙支行办理，详询95398。",
        "【中国建设银行】自2026年1月1日起，我行将免收个人账户小额账户管理费和年费，详见官网公告。",
        "【国泰君安】12月20日（周六）08:00-18:00进行全网测试，君弘App部分功能暂不可用。",
        "【中国邮政储蓄银行】请勿出租、出借、出售银行卡和手机卡，否则可能承担法律责任，并被限制非柜面业务。",
    ],
)
def test_rt61_notices_are_service(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_a_minimum_holding_period_is_a_product_term(checker: Checker) -> None:
    text = "【建信理财】嘉鑫固收类最低持有180天产品发售中，业绩比较基准2.60%-3.20%，不代表实际收益。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "ADV002" not in {f.code for f in checker.check(text).findings}


def test_a_branch_pitch_is_not_an_errand(checker: Checker) -> None:
    text = "【某银行】鑫享理财年化3.5%，可至就近支行办理。回T退订"
    assert checker.check(text).kind == "marketing"
