"""Classes the rt80 red team found in the previous session's changes (its file was lost with
that session's machine; the cases below were rewritten from its notes before the fixes):
praise of a product's risk read as a risk warning, a look-alike negation (并不对外发售), a
denial reaching across 而, verdicts waved away, an A-not-A question answered with a scoff,
a deposit's safety read as an investment's, and a range of rates over one period."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


def _codes(checker: Checker, text: str) -> dict[str, str]:
    return {f.code: f.severity for f in checker.check(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        # risk resisted, hedged, said small, or fenced in: no warning of it
        "【鑫盛基金】鑫盛成长混合近一年收益18%，抗风险能力强，请审慎把握机会，详询4008001234。回T退订",
        "【华润证券】量化对冲基金具有极小风险，请谨慎抓住良机，详询95500。回T退订",
        "【华润证券】这款基金具有对冲风险的能力，谨慎的投资者都在买，详询95500。回T退订",
        "【华润证券】本理财产品有防范风险机制，兜住风险，请审慎把握上车机会，详询95500。回T退订",
    ],
)
def test_praise_of_risk_is_no_risk_warning(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("ADV003") == "error"


@pytest.mark.parametrize(
    "text",
    [
        "【华润证券】融资融券具有杠杆风险，可能放大损失，请审慎参与。详询95500。回T退订",
        "【鑫盛基金】基金投资有一定风险，过往业绩不代表未来表现，请谨慎选择。回T退订",
        "【鑫盛基金】权益类基金风险较高，请审慎投资。回T退订",
    ],
)
def test_a_risk_named_then_caution_asked_is_a_warning(checker: Checker, text: str) -> None:
    assert "ADV003" not in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【恒信财富】这款并不对外发售的保本保息理财，年化8%，仅剩5个名额。回T退订",
        "【恒信财富】我们并不对外宣传的稳赚不赔产品，老客户专享。回T退订",
        "【恒信财富】别家的说法都不对而我们承诺保本保息。回T退订",
        "【恒信财富】保本保息均不受法律保护又怎样，照样稳赚。回T退订",
        "【恒信财富】鑫享1号保本保息，均不受法律保护也不影响赚钱。回T退订",
        "【恒信财富】有人说保本理财涉嫌违规，这种说法早过时了，鑫享1号本金稳赚不赔。回T退订",
        "【恒信财富】理财会不会亏？会亏就见鬼了，放心买。回T退订",
        "【恒信财富】鑫享1号会不会亏？会亏才怪！放心买。回T退订",
        "【恒信财富】鑫享1号理财，投进去的钱一分都不会少，年化6%。回T退订",
    ],
)
def test_claims_behind_look_alikes_stand(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("ADV001") == "error"


@pytest.mark.parametrize(
    "text",
    [
        "【恒信银行】本行并不对外承诺保本保息，理财非存款，产品有风险，投资须谨慎。回T退订",
        "【恒信银行】政府及本行均不对产品收益和本金兜底，理财非存款，投资须谨慎。回T退订",
        "【恒信银行】凡公开推介私募产品并承诺保本保息的，均涉嫌违规，请投资者警惕。",
        "【恒信银行】场外配资、虚拟货币合约、承诺稳赚不赔的理财均不受我国法律保护，切勿参与。",
        "【恒信银行】理财会不会亏？会。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【恒信银行】本行已参加存款保险，存进去的钱有保障，详询95588。回T退订",
        "【恒信银行】定期存款到期自动转存，存进去的钱少不了，利息照常计算。回T退订",
    ],
)
def test_denials_verdicts_and_deposits_claim_nothing(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("ADV001") != "error"


def test_a_range_over_one_period_stays_over_the_period() -> None:
    from assistant.checker.detectors.returns import _RANGE_WORD_RE

    assert _RANGE_WORD_RE.search("期限91天，收益区间1.30%-2.65%") is not None
    assert _RANGE_WORD_RE.search("期限30天，单期收益区间1%-3%") is None
    assert _RANGE_WORD_RE.search("本期收益率区间1%-3%") is None


# --- rt81: a red team of the fixes above (tests written before the second round of fixes) ---


@pytest.mark.parametrize(
    "text",
    [
        "【鑫盛基金】鑫盛稳盈债券基金，风险承受能力低的谨慎投资者也能安心持有，近一年收益6.2%，详询4008001234。回T退订",
        "【鑫盛基金】鑫盛成长混合，产品风险隔离，审慎投研，现已开放申购，详询4008001234。回T退订",
        "【鑫盛基金】鑫盛稳盈债券基金风险微乎其微，谨慎起见赶紧入手，详询4008001234。回T退订",
    ],
)
def test_caution_said_of_buyers_or_managers_is_no_warning(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("ADV003") == "error"


@pytest.mark.parametrize(
    "text",
    [
        "【鑫盛基金】鑫盛稳盈债券基金开放申购，业绩比较基准3.2%。请对风险有充分认识，谨慎投资。回T退订",
        "【青禾银行】青禾稳利理财风险等级为中低风险（R2），净值可能波动，可能出现本金亏损，请谨慎投资。回T退订",
        "【鑫盛基金】鑫盛成长混合开放申购，抗风险能力较弱的投资者请审慎投资。回T退订",
    ],
)
def test_warnings_in_other_words_still_count(checker: Checker, text: str) -> None:
    assert "ADV003" not in _codes(checker, text)


@pytest.mark.parametrize(
    "claim",
    [
        "持有满一年，从来没有客户不赚反亏",
        "持有满一年不可能赚不到钱",
        "持有满一年想亏都难",
        "持有满一年怎么可能不赚？",
        "持有满一年哪有不赚钱的道理",
        "持有满一年不赚钱才奇怪",
        "能亏才有鬼",
        "要是亏了我倒立洗头",
        "投的每一分钱都安全",
        "理财会不会亏？会的话本公司全额补偿",
        "理财会不会亏？会，亏的概率为零",
        "央行降息亦不对保本收益产生影响",
        "股市涨跌都不对您的本金安全产生任何影响",
    ],
)
def test_claims_said_sideways_are_claims(checker: Checker, claim: str) -> None:
    text = f"【恒信财富】鑫享1号稳健理财，{claim}。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert _codes(checker, text).get("ADV001") == "error"


@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】投资者教育：净值型理财会不会亏？当然会。理财非存款，产品有风险，投资须谨慎。",
        "【青禾银行】投资者教育：银行理财会不会亏本？答案是会。资管新规后理财产品不再保本，请理性投资。",
        "【远帆基金】投资者教育：低风险不等于无风险，市场上不存在高收益而零风险的投资，请理性投资。",
        "【远帆基金】投资者教育：不存在因长期持有而稳赚不赔的基金，定投并不能规避基金投资所固有的风险。",
        "【青禾银行】投资者教育：凡公开承诺保本保息的理财均涉嫌违规，刚兑这种说法已经过时，请理性投资。",
        "【青禾银行】投资者教育：承诺保本保息的理财均涉嫌违规，“银行理财一定保本”的说法早已过时，请理性投资。",
        "【青禾银行】郑重声明：本行从来不用“保本保息”“稳赚不赔”等字眼宣传理财产品，理财非存款，产品有风险，投资须谨慎。",
        "【青禾银行】根据资管新规，本行已不对外销售保本理财产品，存量产品已完成整改。理财非存款，产品有风险，投资须谨慎。",
    ],
)
def test_investor_education_claims_nothing(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("ADV001") != "error"


@pytest.mark.parametrize(
    "text",
    [
        "【恒信财富】鑫享1号稳赚不赔，均属违规一说不攻自破，业绩比较基准4%。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【恒信财富】鑫享1号稳赚不赔均不受法律保护的顾虑大可放下，业绩比较基准4%。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_verdict_waved_away_in_other_words_judges_nothing(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("ADV001") == "error"
