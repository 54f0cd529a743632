"""Classes the rt83 red team (``evals/redteam_session65*.jsonl``) found in the rt82 fixes,
tests in other words than its texts: outright answers in more forms (那必须不会, 怎么可能, 会亏吗？
绝对不会), pledges refused after their object, restricted offers in more words (受邀, 入选名单)
but not inside a fraud warning, the standard risk disclosures' other wordings, coping with risk
as the reader's task, threats of disclosure to the boss or family, loan products announced in
more words, paying now and repaying later, and deposits' own terms."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


def _codes(checker: Checker, text: str) -> dict[str, str]:
    return {f.code: f.severity for f in checker.check(text).findings}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【丰源理财】丰源月享会不会亏钱？那当然不会！5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【丰源理财】丰源月享会亏本吗？怎么可能！5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【丰源理财】丰源月享不对外公开募集保本保息份额，仅面向受邀客户。回T退订", "ADV001"),
        ("【速还信】您的欠款已逾期20天，再不处理，下周你领导就会知道。", "COL001"),
        ("【速还信】您已逾期20天，您也不希望同事知道这件事吧？请今日还款。", "COL001"),
        ("【禾丰银行】惠农贷焕新归来，欢迎到网点咨询。回T退订", "DIS001"),
        ("【禾丰银行】钱不够？禾丰钱包帮你垫付，以后再还，轻松周转。回T退订", "DIS001"),
    ],
)
def test_rt83_evasions_are_caught(checker: Checker, text: str, code: str) -> None:
    assert _codes(checker, text).get(code) == "error"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【禾丰基金】禾丰成长混合今日开售，10元起购。本基金不保本，投资者须自行承担投资风险。回T退订",
            "ADV003",
        ),
        (
            "【禾丰基金】禾丰成长混合今日开售，10元起购。基金管理人不保证基金一定盈利，也不保证最低收益。回T退订",
            "ADV003",
        ),
        (
            "【禾丰基金】禾丰成长混合今日开售，10元起购。市场波动加剧，请做好应对风险的准备，谨慎投资。回T退订",
            "ADV003",
        ),
        (
            "【禾丰银行】禾丰安盈理财今日开售，1万元起购。本行对产品收益不作任何保证。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【禾丰银行】保本保息不是本行能承诺的，禾丰安盈为净值型产品。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【禾丰银行】提醒：本行不对外发售任何保本理财，谨防有人冒充本行推销“专享理财”行骗。", "ADV001"),
        ("【禾丰银行】一年定存利率1.7%，存满一年利息至少1.7个点，受存款保险保障。回T退订", "ADV001"),
        ("【禾丰银行】禾丰活期宝：存入即按日计息，随存随取，存款受存款保险保障。回T退订", "DIS001"),
    ],
)
def test_rt83_look_alikes_are_not_errors(checker: Checker, text: str, code: str) -> None:
    assert code not in _codes(checker, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【丰源理财】丰源月享保不保证收益？保证！5万元起购。回T退订", "error"),
        ("【丰源理财】丰源月享有没有风险？答案是否定的。5万元起购。回T退订", "error"),
        ("【丰源理财】丰源月享净值会不会跌？不会跌。5万元起购。回T退订", "error"),
        (
            "【禾丰银行】投资者教育：基金能不能稳赚？未必，市场波动可能带来亏损。基金有风险，投资须谨慎。",
            None,
        ),
    ],
)
def test_rt83_answers_yes_no_and_hedged(checker: Checker, text: str, expected: str | None) -> None:
    assert _codes(checker, text).get("ADV001") == expected


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("【丰源基金】丰源成长混合今日开售，100元起购。股市有风险？丰源团队帮您化解。回T退订", {"ADV003"}),
        ("【丰源基金】丰源成长混合今日开售，100元起购。市场有风险，丰源替您规避。回T退订", {"ADV003"}),
        (
            "【丰源基金】丰源成长混合今日开售，100元起购。基金有风险，但丰源让亏损绕道走。回T退订",
            {"ADV001", "ADV003"},
        ),
        (
            "【丰源理财】丰源月享，行情涨跌我来扛，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            {"ADV001"},
        ),
    ],
)
def test_a_warning_made_harmless_is_none(checker: Checker, text: str, codes: set[str]) -> None:
    found = _codes(checker, text)
    assert all(found.get(c) == "error" for c in codes)


def test_a_warning_with_nobody_to_carry_the_loss_stands(checker: Checker) -> None:
    text = "【丰源基金】投资需谨慎，亏了没有人替您兜底，请按风险承受能力选择。回T退订"
    assert "ADV003" not in _codes(checker, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【速还信】您已逾期30天，我们的外访人员明天会去您公司。", "error"),
        ("【速还信】您已逾期30天，我们去不去你家，就看你今天还不还。", "error"),
        ("【速还信】您的借款已逾期，我们不会去您公司，请通过官方APP还款。", None),
    ],
)
def test_the_collector_going_to_the_debtors_place(checker: Checker, text: str, expected: str | None) -> None:
    assert _codes(checker, text).get("COL001") == expected


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        (
            "【禾丰证券】禾丰投顾组合：过往表现不预示未来，投资可能出现亏损，服务费按年收取。回T退订",
            "ADV003",
            None,
        ),
        (
            "【禾丰理财】禾丰安享（R2级）今日发售，业绩比较基准2.6%，净值可能低于1元，不保证本金。回T退订",
            "ADV003",
            None,
        ),
        ("【禾丰基金】禾丰成长混合发行首日，额度售完即止。基金有风险，投资须谨慎。回T退订", "DIS001", None),
        ("【速还信】再拖下去，你的同事和亲戚都会收到你的欠款情况。", "COL001", "error"),
    ],
)
def test_fresh37_classes(checker: Checker, text: str, code: str, expected: str | None) -> None:
    assert _codes(checker, text).get(code) == expected


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("【速享借】网贷记录多？没关系，审批照样批，年化利率（单利）13%起。回T退订", "DIS003", "error"),
        ("【坤元服务】您的案件已移交派出所，两日内不处理就等着被拘留。", "COL001", "error"),
        (
            "【禾丰银行】您反映的贷款被他人冒名申请一事已报送公安机关立案侦查，相关欠款无需您偿还。",
            "COL001",
            None,
        ),
    ],
)
def test_fresh37_more_classes(checker: Checker, text: str, code: str, expected: str | None) -> None:
    assert _codes(checker, text).get(code) == expected


def test_the_debtors_people_said_to_receive_a_letter(checker: Checker) -> None:
    text = "【速还信】您的借款已逾期，若本周仍未处理，您的家人及单位领导将收到催告函。"
    assert _codes(checker, text).get("COL001") == "error"
