"""PRO006 reads a product's name where a sender promotes one: a quoted name of a product type
in a sales sentence (代销“鼎盛消费精选混合”), a distributed fund or policy named after 代销, a
coined name after the brand with a longer stem or a class in brackets (明德季季享（固收类）),
and a listed name made into another product by a suffix (明德月月盈Plus).  Written before the
change; the product names below are new."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.checker.engine import Checker


def _pro006(checker: Checker, text: str) -> list[str]:
    return [f.evidence for f in checker.check(text).findings if f.code == "PRO006"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "【明德银行】明德银行代销“青山价值优选混合”，即日起申购费率1折，基金有风险，投资须谨慎。回T退订",
            "青山价值优选混合",
        ),
        ("【明德银行】本行代销「远帆稳健债券C」开放申购，基金有风险，投资须谨慎。回T退订", "远帆稳健债券C"),
        ('【明德银行】本行代销"福满堂终身寿险"火热销售中，详询网点。回T退订', "福满堂终身寿险"),
        ("【明德银行】代销青山成长混合基金，今日首发，基金有风险，投资须谨慎。回T退订", "青山成长混合基金"),
        (
            "【明德银行】明德双周享（固收类）本周开放申购，业绩比较基准2.8%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "明德双周享",
        ),
        (
            "【明德银行】明德添利365天持有期理财火热发售，理财非存款，产品有风险，投资须谨慎。回T退订",
            "明德添利365天持有期理财",
        ),
        ("【明德银行】明德月月盈Pro今日开售，理财非存款，产品有风险，投资须谨慎。回T退订", "明德月月盈Pro"),
    ],
)
def test_an_unlisted_product_named_in_a_sale_is_found(
    checker_for: Callable[[str | None], Checker], text: str, name: str
) -> None:
    assert name in _pro006(checker_for("example-bank"), text)


@pytest.mark.parametrize(
    "text",
    [
        # listed products, a campaign's name, a warning about a fake product
        "【明德银行】本行推出“明德月月盈”，理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】明德月月盈今日开售，理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】本行推出“暖冬有礼”活动，刷卡满额赠好礼，详询95588。回T退订",
        "【明德银行】谨防“高息养老理财”骗局：本行从未发售此类产品。",
    ],
)
def test_listed_products_campaigns_and_warnings_are_not_unlisted_products(
    checker_for: Callable[[str | None], Checker], text: str
) -> None:
    assert _pro006(checker_for("example-bank"), text) == []
