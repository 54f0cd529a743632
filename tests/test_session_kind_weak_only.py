"""A message whose only marketing evidence is a risk warning's boilerplate and a product
category word (an investor-education notice: 银行理财还保本吗？…理财非存款，产品有风险，投资须
谨慎) is not a promotion by that alone.  Framed as a lesson or a warning and saying what a
lesson says (a denial, a caution: 不承诺保本, 不一样…会随市场波动), with no product of the
sender's named, it is a service notice (since the session of 2026-12-05 from 15:43; before, such
messages were left uncertain for review, and the labelled sets call them notices) — while a named,
priced or offered product with the same boilerplate stays marketing (by the rules or the text
model's second opinion).
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings

WARN = "理财非存款，产品有风险，投资须谨慎。"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_settings())


@pytest.mark.parametrize(
    "text",
    [
        f"【临溪银行】理财小知识：银行理财早已不承诺保本，购买前请看清风险等级。{WARN}",
        f"【临溪银行】有人问，理财和存款一样吗？不一样，理财的净值会随市场波动。{WARN}",
    ],
)
def test_boilerplate_alone_is_not_marketing(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert not any(f.code == "OPT001" for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        f"【临溪银行】临溪安盈180天理财，业绩比较基准2.9%，1万元起购。{WARN}",
        f"【临溪银行】新一期理财今日开售，欢迎到网点咨询。{WARN}",
    ],
)
def test_a_product_offered_stays_marketing(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "marketing"
    assert any(f.code == "OPT001" and f.severity == "error" for f in result.findings)
