"""A fund's or a wealth product's price gain (涨幅, 升幅, 累计上涨, 涨了) is its return: PRO007
reads it as one only when the clause names such a product before the gain word, with no
market, price or account measure between them (金价, 大盘, 指数, 额度, 账单, 租金 …) — three
red teams (rt102–rt104) showed a bare 涨幅 cue firing on limits, bills and prices and its
measure list hiding returns, so the product, not the word, decides.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings
from tests.judgment_asserts import error_codes

WARN = "基金有风险，投资须谨慎。回T退订"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_settings())


@pytest.mark.parametrize(
    "text",
    [
        f"【汀州基金】汀州价值精选混合过去12个月涨幅达41%，现开放申购。{WARN}",
        f"【汀州基金】汀州医药创新股票基金今年来升幅28%，欢迎定投。{WARN}",
        f"【汀州基金】汀州中证红利指数基金成立以来累计上涨56%，欢迎关注。{WARN}",
        f"【汀州基金】汀州科技先锋混合C半年就涨了19%，抓紧上车。{WARN}",
        "【汀州理财】汀州鑫享理财产品近一年净值涨幅9.6%，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_product_gain_is_a_return(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # the same gain with its period, source and disclaimer: a past result, disclosed
        f"【汀州基金】汀州价值精选混合近一年涨幅41%（数据来源：基金2026年三季度报告），过往业绩不代表未来表现。{WARN}",
        # markets, prices, limits, bills and rents are no product's return
        f"【汀州基金】今年以来沪深300指数涨幅12%，汀州价值精选混合现开放申购。{WARN}",
        "【汀州银行】本周黄金价格涨幅超过9%，积存金买卖请注意价格波动风险。",
        "【汀州银行】您的信用卡额度涨幅达30%，新额度已生效。",
        "【汀州银行】您本月账单金额较上月涨幅18%，请按时还款。",
        f"【汀州基金】基金经理提醒：大盘短期涨幅已达15%，请理性看待，注意回撤。{WARN}",
        f"【汀州基金】您持有的汀州价值精选混合近一月涨幅10.2%，详情请登录App查看。{WARN}",
    ],
)
def test_other_gains_are_no_return(checker: Checker, text: str) -> None:
    assert "PRO007" not in error_codes(checker, text)
