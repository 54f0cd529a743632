"""COL001 beyond its threat grammars: a collection message that names the debtor's relatives,
colleagues, employer, landlord or group chats is a warning for review (the threat is often left
unsaid); insults over a debt are errors; a named third party never softens an explicit threat
it overlaps; and a line about someone acting in the sender's name is no threat of the sender's.

Written for the mechanisms, in wording that is in no rule example or eval set.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


def col(checker: Checker, text: str) -> list[str]:
    return [f.severity for f in checker.check(text).findings if f.code == "COL001"]


@pytest.mark.parametrize(
    "text",
    [
        "【顺达小贷】刘*，欠款3,200元拖了两个月，听说你女儿下个月要办婚礼了？",
        "【佳信资产】你的借款逾期已45天，你爱人在哪里上班我们是知道的。",
        "【快来钱】逾期欠款2,150元，你老板下周生日，你看着办。",
        "【快来钱】你拖欠的4,000元，我们已经加了你们小区的业主群。",
    ],
)
def test_a_third_party_named_over_a_debt_is_a_warning(text: str) -> None:
    # the rule's own severity: its fitted model may still raise a sure reading of a veiled
    # threat (你爱人在哪里上班我们是知道的) to an error, which is its job, not the rule's
    severities = col(Checker(code_models=False), text)
    assert severities and set(severities) == {"warning"}, text


@pytest.mark.parametrize(
    "text",
    [
        "【顺达小贷】欠款拖着不还，你这种人渣也配借钱？",
        "【顺达小贷】借钱的时候说得好听，逾期了就装死，真是丢人现眼。",
    ],
)
def test_insults_over_a_debt_are_errors(checker: Checker, text: str) -> None:
    assert "error" in col(checker, text)


def test_a_named_relative_does_not_soften_the_threat_it_overlaps(checker: Checker) -> None:
    text = "【速通】再不还钱，下周让你亲戚朋友都知道你欠钱不还。"
    assert col(checker, text) == ["error"]


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】您尾号1234的信用卡已逾期5天，欠款860.00元，请尽快还款，客服95588。",
        "【安借】我司不会联系您的家人、同事，也不会上门，如有人以我司名义上门催收，请拨打400-100-2000核实。",
        "【安借】您的借款已结清，感谢您一直以来的信任，祝您和家人新年快乐。",
        "【明德银行】您单位的公务卡尾号5521已逾期，请及时办理还款。",
        "【安泰人寿】您为您女儿投保的少儿医疗险续期保费已逾期5天，请在宽限期内缴纳。",
        "【明德银行】您的房贷已全部结清，无欠款。如需办理抵押注销，工作人员可上门协助。",
        "【中原消费金融】您的结清证明材料已寄送至您的单位地址，请注意查收。",
    ],
)
def test_lawful_collection_stays_clear(checker: Checker, text: str) -> None:
    assert col(checker, text) == [], checker.check(text).findings
