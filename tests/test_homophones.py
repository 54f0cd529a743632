"""Trigger words spelled with homophones of common characters (政付兜底, 黑明单) are read as the
word they sound like, for matching only; ordinary words that happen to sound like a trigger
(犹豫期/有逾期, 房屋抵押/无抵押) are not."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


@pytest.mark.parametrize(
    ("text", "code", "evidence"),
    [
        (
            "【瑞丰资产】政付兜底的好项目，瑞丰稳盈年化6%。理财有风险，投资须谨慎。回T退订",
            "ADV005",
            "政付兜底",
        ),
        ("【速借催收中心】你已被列入征信黑明单，三日内不还款将安排人员尚门拜访。", "COL001", "尚门拜访"),
        ("【某资本】以泰坊、必特币一起上车，名额有限。回T退订", "PRO003", "以泰坊"),
        ("【某投顾】明日抓涨亭板，先到先得。股市有风险。回T退订", "PRO001", "涨亭板"),
    ],
)
def test_a_homophone_spelling_of_a_trigger_fires_with_the_text_as_written(
    checker: Checker, text: str, code: str, evidence: str
) -> None:
    r = checker.check(text)
    hits = [f for f in r.findings if f.code == code and evidence in f.evidence]
    assert hits, [(f.code, f.evidence) for f in r.findings]
    f = hits[0]
    assert text[f.start : f.end] == f.evidence  # spans into the original, as written


@pytest.mark.parametrize(
    "text",
    [
        # 犹豫 is a word: not 有逾期
        "【岚山人寿】您投保的岚山福寿年金险犹豫期为15天，犹豫期内退保可退还全部保费。",
        # 房屋 is a word: not 无抵押
        "【明德银行】您的个人住房贷款已放款，房屋抵押登记已办结，请留意还款日。",
        # 了解 is a word: not 借现金
        "【明德银行】反诈提醒：如需了解现金管理类理财的赎回规则，请致电95588。",
        # 为 is a function character: 为投资者 is not 位投资者
        "【明德基金】本基金为投资者提供定期报告查询服务，请登录官网查看。",
    ],
)
def test_real_words_that_sound_like_a_trigger_stay_themselves(checker: Checker, text: str) -> None:
    from assistant.text.normalize import normalize

    scan = checker.read(normalize(text)).ctx.scan
    assert scan.homophones == []
    assert not [f for f in checker.check(text).findings if f.severity == "error"]


def test_the_reader_keeps_offsets_and_reports_each_repair(checker: Checker) -> None:
    reader = checker.lexicon._homophones
    assert reader is not None
    view, repairs = reader.read("政付兜底项目", "政付兜底项目")
    assert view == "政府兜底项目"
    assert repairs == [(0, 4, "政府兜底")]
    unchanged, none = reader.read("专家推荐的产品", "专家推荐的产品")  # a lexicon word as written
    assert (unchanged, none) == ("专家推荐的产品", [])


def test_unknown_homophone_settings_are_errors() -> None:
    from assistant.checker.rulespec import context_lexicon_problems

    problems = context_lexicon_problems({"homophones": {"min_char": 3}})
    assert any("min_char" in p for p in problems)
    assert any("min_chars" in p for p in problems)
