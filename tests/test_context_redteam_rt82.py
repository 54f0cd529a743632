"""Classes the rt82 red team (``evals/redteam_session64*.jsonl``) found in the rt81 fixes,
written as tests before the fixes and in other words than its texts: an A-not-A question
(会不会亏？, 保不保本？, 查不查征信？) answered outright asserts the half the answer picks;
look-alike denials and scoffs; risk named without caution asked of the reader; floors and
monthly rates where no investment is offered; loan products opened by shape."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


def _codes(checker: Checker, text: str) -> dict[str, str]:
    return {f.code: f.severity for f in checker.check(text).findings}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the "no" half asked, then answered no: the sender asserts it
        ("【恒丰财富】丰盈1号到底会不会亏钱？当然不会！年化4.8%，5万起购。回T退订", "ADV001"),
        ("【恒丰财富】丰盈1号有没有风险？完全没有。年化4.8%，5万起购。回T退订", "ADV001"),
        ("【易借花】借款看不看征信？不看！最快3分钟到账。回T退订", "DIS003"),
        # the "yes" half asked, then answered yes
        ("【恒丰财富】丰盈1号保不保本？当然保！年化4.8%，5万起购。回T退订", "ADV001"),
        ("【恒丰财富】丰盈1号能不能稳赚？能！年化4.8%，5万起购。回T退订", "ADV001"),
    ],
)
def test_an_a_not_a_question_answered_outright_asserts(checker: Checker, text: str, code: str) -> None:
    assert _codes(checker, text).get(code) == "error"


@pytest.mark.parametrize(
    "text",
    [
        # asked and left open, hedged, or answered against the claim
        "【恒丰银行】投资者教育：理财产品会不会亏钱？会，理财非存款，产品有风险，投资须谨慎。",
        "【恒丰银行】投资者教育：基金能不能稳赚？不能。收益随市场波动，投资须谨慎。",
        "【恒丰银行】投资者教育：净值型理财保不保本？不保本，请根据风险承受能力审慎选择。",
        "【恒丰银行】投资者教育：理财产品会不会亏钱？不一定，取决于市场，投资须谨慎。",
    ],
)
def test_an_a_not_a_question_left_open_or_denied_claims_nothing(checker: Checker, text: str) -> None:
    assert "ADV001" not in _codes(checker, text)


def test_a_denial_answered_no_with_a_sale_after_is_for_review(checker: Checker) -> None:
    # the "no" is a foil for the sender's "yes": never a silent pass
    text = "【恒丰财富】别的理财能不能稳赚？不能。但丰盈1号可以，年化6%。回T退订"
    assert _codes(checker, text).get("ADV001") in ("error", "warning")


@pytest.mark.parametrize(
    "text",
    [
        # a payout if the asked-about thing happens, of an insurance cover: no loss borne
        "【安和财险】台风天会不会停电？会的话，家财险按条款赔付，详见www.anhe-ins.com。回T退订",
        # a pledge withheld: everything between 不对 and the pledge is denied
        "【恒丰银行】投资者教育：本行不对任何理财产品的收益和本金安全提供担保，投资须谨慎。",
        # an education message that retracts a saying, read as marketing only for its opt-out
        "【恒丰银行】投资者教育：“保本保收益”这种说法已经过时，净值型理财不再承诺保本。理财非存款，投资须谨慎。回T退订",
        # a loss hard to avoid is a warning
        "【恒丰银行】投资者教育：行情剧烈波动时，权益基金想亏都难免，请审慎配置。",
        # no gain scoffed at by a shop or a card, not an investment
        "【恒丰银行】收单费率全免，开店不赚钱才怪！详询网点。回T退订",
        # a deposit's contractual floor
        "【恒丰银行】三年期定期存款利率2.1%，到期至少拿2.1%的利息，受存款保险保障。回T退订",
    ],
)
def test_look_alikes_of_adv001_claims_nothing(checker: Checker, text: str) -> None:
    assert "ADV001" not in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【恒丰财富】丰盈1号会不会亏？会的话我们全额补偿，年化4.8%。回T退订",
        "【恒丰财富】行情怎么跌都丝毫不会对您的本金造成任何影响，丰盈1号年化4.8%，5万起购。回T退订",
        "【恒丰财富】丰盈1号5万起购，行情再差本金也不受任何影响。回T退订",
        "【恒丰财富】不对外公开销售的保本理财之外，另有不对外发售保本保息尊享计划，仅限VIP预约。回T退订",
        "【恒丰财富】丰盈1号回报至少5个点，5万起购。回T退订",
        "【恒丰财富】丰盈1号买了不赚钱才怪，5万起购。回T退订",
    ],
)
def test_adv001_claims_in_other_shapes_stand(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("ADV001") == "error"


@pytest.mark.parametrize(
    "text",
    [
        # risk coped with, caution waived or praised as the reassuring choice: no risk warning
        "【恒丰基金】丰盈成长混合，投研团队帮您化解风险，审慎配置更放心，1000元起购。回T退订",
        "【恒丰基金】丰盈债券基金扛风险能力一流，审慎首选，1000元起购。回T退订",
        "【恒丰基金】风险承受能力低的客户也不必谨慎，丰盈债券基金闭眼买，1000元起购。回T退订",
        "【恒丰基金】别家可能出现本金亏损，谨慎起见选丰盈债券基金，1000元起购。回T退订",
    ],
)
def test_risk_without_caution_asked_is_no_warning(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("ADV003") == "error"


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        # 一分 as a score, not a rate
        ("【安和财险】全年驾照一分未扣的车主，续保享9折，详见www.anhe-ins.com。回T退订", "PRO007", None),
        (
            "【恒丰财富】丰盈宝年化一般在一分二，5万起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO007",
            "error",
        ),
        (
            "【恒丰财富】丰盈宝每天能拿万四，5万起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO007",
            "error",
        ),
        # a loan product opened by shape, and look-alikes that lend nothing
        ("【恒丰银行】惠民贷全新上线，欢迎到网点咨询。回T退订", "DIS001", "error"),
        ("【恒丰银行】网点雨伞免费租借已开通，欢迎使用。回T退订", "DIS001", None),
        ("【恒丰银行】公积金冲还贷受理中，可在手机银行办理。", "DIS001", None),
        # a purchase quota is no credit line: a monthly rate paid on money put in
        (
            "【恒丰财富】闲钱放我们这，月息9厘，本金随时可取，每人额度30万，详询4008001234。回T退订",
            "PRO007",
            "error",
        ),
        (
            "【恒丰财富】闲钱放我们这，月息9厘，本金随时可取，每人额度30万，详询4008001234。回T退订",
            "DIS001",
            None,
        ),
    ],
)
def test_rates_scores_and_loan_shapes(checker: Checker, text: str, code: str, expected: str | None) -> None:
    assert _codes(checker, text).get(code) == expected


def test_an_a_not_a_hinged_on_paying_up_is_a_threat(checker: Checker) -> None:
    """能不能贷款…就看您还不还: whether, held over the debtor, not asked; a whether that hinges
    on the reader's choice of product (会不会亏损，要看您选择的产品) claims nothing."""
    threat = "【鼎信资产】赵先生，您的欠款已逾期80天，往后还能不能贷款买车，全看你这周还不还钱。"
    assert _codes(checker, threat).get("COL001") == "error"
    neutral = "【恒丰银行】投资者教育：理财产品会不会亏损，要看您选择的产品风险等级，投资须谨慎。"
    assert "ADV001" not in _codes(checker, neutral)


@pytest.mark.parametrize(
    "text",
    [
        # the secret named in one clause, handed over in the next
        "【惠贷通】客服小王：为您办理提额，需要校验一下动态码，收到后直接回复给我就行。",
        "【联付支付】店主您好，收款码年审需要验证，稍后给您发个验证码，到了麻烦报给我一下。",
        "【禾丰农商银行】叔叔，我是网点小陈，等下您会收到一条6位数的短信码，您把数字念给我听就行。",
        "【联付支付】客服将来电协助您解除限额，届时请配合提供手机收到的确认码。",
        "【禾丰银行】客服会在来电时核对您的短信校验码，请如实告知。",
        "【速易借】您的借款即将放款，专员稍后来电，请提前准备好银行卡密码以便验证。",
    ],
)
def test_a_secret_handed_over_in_the_next_clause_is_asked_for(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("PRV003") == "error"


@pytest.mark.parametrize(
    "text",
    [
        "【禾丰银行】验证码832913，请勿向任何人透露，如有疑问请告知客服95588。",
        "【禾丰银行】您正在登录手机银行，验证码为552031，5分钟内有效，工作人员不会向您索要。",
        "【禾丰银行】请勿泄露短信验证码，本行工作人员不会以任何理由要求您提供。",
    ],
)
def test_warnings_about_secrets_ask_for_nothing(checker: Checker, text: str) -> None:
    assert "PRV003" not in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a threat held over the debtor as "not yet" done
        "【速e贷】您的逾期记录我们暂时还没发给您的紧急联系人，请把握最后机会。",
        "【速e贷】您的欠款尚未通知您单位领导，今天是最后期限。",
        # sparing the family as the reason to pay
        "【速e贷】您已逾期12天，为了不惊动您的家里人，今晚前记得还款哦~",
        # a letter addressed to a third party
        "【速e贷】您的逾期催告函明日寄出，收件人填的是您的单位人事部门。",
        # menace without specifics
        "【速e贷】敬酒不吃吃罚酒，欠的钱今天不还你就等着。",
    ],
)
def test_collection_threats_by_implication(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("COL001") == "error"


@pytest.mark.parametrize(
    "text",
    [
        "【速e贷】您本期账单尚未还款，请于今日24点前还款，以免产生逾期记录。",
        "【速e贷】您的借款暂未逾期，本期应还1,200元，还款日12月20日。",
        "【明德银行】抽奖结果明天见分晓，感谢参与年终活动。回T退订",
    ],
)
def test_reminders_and_results_are_no_threats(checker: Checker, text: str) -> None:
    assert "COL001" not in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a negation inside the modifier of the insulting noun (不还的老赖) negates the verb only
        "【速e贷】借钱不还的老赖，今晚必须把钱还上。",
        # the debtor's people verified, then to be called one by one
        "【速e贷】系统显示您父母和同事的联系方式均已核实，若今天再不处理，我们将逐一致电。",
    ],
)
def test_collection_threats_in_modifiers_and_sequences(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("COL001") == "error"
