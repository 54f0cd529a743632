"""Classes a code-reading red team (rt89, redteam_session71) found in this session's last
commits, each tested here in other words: scoffs and yes answers in more words, a frame that
points at the sender's own agent, narrower asides and left-out words for void words, a
modifier and 的 inside a comparison, conditions that only a deadline makes, 拿回 a share of the
principal paid in, cautions that advise without 请, boilerplate dismissals, myth corrections,
reply codes with 数字, and the sum-and-return question answered as 答案是.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【融信财富】融信安盈到期会不保本吗？您想多了！年化4%，5万起投。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【融信保险】只要住院都给报？那当然，融信百万医疗一年199元。详见 https://www.rongxin-ins.com 回T退订",
            "ADV009",
        ),
        (
            "【融信财富】融信季季盈，起码赚4个点，比银行的大额存单强多了。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【融信财富】融信月月盈，每月可拿回所交本金的1%作为收益。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        ("【融信财富】融信优选，十万块放一年能赚多少呢？答案是一万二。投资有风险。回T退订", "PRO007"),
        ("【融信基金】融信成长今日发售，“基金有风险，投资须谨慎”是标配的提示语，看看就行。回T退订", "ADV003"),
    ],
)
def test_evasions_in_more_words(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【融信银行】您的动态码为448120，如非本人操作，请回复数字1冻结账户。", "PRV003"),
        ("【融信消费金融】我司依法催收，不会联系您的家人、同事，如需延期只要您登录App申请即可。", "COL001"),
        ("【融信保险】小课堂：有人以为买了医疗险什么病都赔，其实不然，既往症一般不赔。", "ADV009"),
        (
            "【融信基金】融信成长今日发售。基金有风险吗？是的，您可以结合自身风险承受能力分散配置。回T退订",
            "ADV003",
        ),
    ],
)
def test_compliant_wordings_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_interest_start_planted_beside_a_pitch(checker: Checker) -> None:
    """rt85: 起息 alone no longer excuses a product and its yield; 已起息 of the recipient's own
    product still does."""
    r = checker.check("【融信银行】您的工资已到账，起息当日即可参与，融信宝七日年化2.4%。")
    assert r.kind != "service" and r.verdict != "pass", r.kind_reason
    r = checker.check("【融信银行】您购买的融信月月盈已起息，七日年化2.4%，可在App查看。")
    assert r.verdict == "pass", [(f.code, f.severity) for f in r.findings]


def test_third_party_to_be_contacted_about_the_debt(checker: Checker) -> None:
    """c98: the emergency contact named, then to be contacted to press for repayment."""
    text = "【快借宝】您的紧急联系人为李强，逾期后我司会与其联系督促还款。"
    assert "COL001" in error_codes(checker, text)
