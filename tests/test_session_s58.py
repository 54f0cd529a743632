"""Session of 2026-12-07 from 04:20: judgment classes from the development thirds of the sets
written this session (writers f117–f120), each written here in words of its own with the twin
beside it that must keep its reading.

- everyday wording the start code flagged: a suitability result's ceiling (可购买R3及以下的产品), the
  recipient's own application (您申请开通的…权限), a fund's legal documents amended, a card withdrawn
  and replaced, 起存 inside 自…起存款;
- violations the start code missed: a loan product launched by a headline and a colon from a sender
  with no lending licence, a premium rise said with an adverb (保费普遍上调), an absolute term spelled
  in pinyin before a sentence's end and a figure (zui高！20万), a credit flaw said mildly
  (征信有点瑕疵也能试试), an insurance class named (两全险) for pressure's severity;
- the holes two red teams of this session's own changes found (rt211, rt212), and the mechanisms
  withdrawn after them: a deposit's or a wealth product's sales quota (额度) read as no credit, and a
  card's limit said unchanged (额度与卡号不变), leaked credit lines in both rounds, so 额度 there is
  credit again, as at the start.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import WEALTH, assert_service_pass, error_codes, flagged_codes, found_codes


@pytest.mark.parametrize(
    "text",
    [
        "【岚溪银行】五年期大额存单50万元起存，额度有限。另外您名下还有一笔额度，登录App即可提现。回T退订",
        "【岚溪银行】五年期大额存单50万元起存。专属额度已为您备好，最快当天到账。回T退订",
    ],
)
def test_a_credit_line_beside_a_deposit_needs_its_rate(checker: Checker, text: str) -> None:
    assert "DIS001" in error_codes(checker, text)


def test_a_premium_rise_said_with_an_adverb_is_pressure(checker: Checker) -> None:
    text = "【澄湖财险】您的家财险下月到期。明年起家财险保费全面上调，年底前续保可按今年价格。回T退订"
    assert "ADV007" in error_codes(checker, text)


def test_a_deposit_rate_rise_is_no_price_rise(checker: Checker) -> None:
    text = "【澄湖银行】明年起储蓄存款利率统一上调，欢迎到网点咨询。回T退订"
    assert "ADV007" not in flagged_codes(checker, text)


def test_qi_cun_inside_a_dated_start_is_no_deposit_sale(checker: Checker) -> None:
    # 自…起 + 存款: a date's start, not 万元起存
    assert_service_pass(
        checker, "【澄湖银行】自2027年1月1日起存款挂牌利率下调，您已存入的定期存款按原利率计息至到期。"
    )


@pytest.mark.parametrize(
    "text",
    [
        "【鹿鸣理财】您的风险测评结果为C2（稳健型），有效期两年，可购买风险等级R2及以下的产品。",
        "【鹿鸣银行】您的风险承受能力评估将于下月到期，当前等级C4，可投资R4及以下产品，请按时重新评估。",
    ],
)
def test_a_suitability_ceiling_is_a_notice(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_a_product_sold_after_the_ceiling_is_still_an_offer(checker: Checker) -> None:
    text = "【鹿鸣理财】您的风险测评结果为C3，可购买R3及以下产品。鹿鸣稳享6号本周发售，业绩比较基准3.2%，手机银行可购。"
    r = checker.check(text)
    assert r.kind == "marketing", r.kind_reason
    assert {"ADV003", "OPT001"} <= error_codes(checker, text)


def test_a_loan_launched_by_a_headline_needs_a_lending_licence(checker_for) -> None:
    text = "【汇通支付】汇通商户贷上线：按流水核定额度，年化利率（单利）8%-18%，以审批为准。回T退订"
    assert "QUA001" in error_codes(checker_for("example-payment"), text)


def test_a_debit_or_credit_card_word_launches_no_loan(checker_for) -> None:
    text = "【汇通支付】绑定贷记卡还款功能已上线，可在App查看。"
    assert "QUA001" not in flagged_codes(checker_for("example-payment"), text)


def test_the_recipients_own_application_is_a_notice(checker: Checker) -> None:
    assert_service_pass(
        checker,
        "【衡山证券】您好，我是衡山证券营业部的客户经理。您申请开通的科创板权限还需签署风险揭示书，请登录App在“业务办理”中完成。",
    )


def test_an_offer_after_an_own_permission_is_still_marketing(checker: Checker) -> None:
    text = "【衡山证券】您的科创板权限已开通，现推出科创主题基金，欢迎申购。回T退订"
    r = checker.check(text)
    assert r.kind == "marketing", r.kind_reason


def test_a_funds_amended_legal_documents_are_a_holder_notice(checker: Checker) -> None:
    assert_service_pass(
        checker,
        "【岭南基金】尊敬的持有人：岭南纯债债券型证券投资基金经与托管人协商一致，对基金合同及招募说明书中的估值方法条款进行修订，"
        "本次修订对持有人利益无实质性不利影响。修订后的法律文件详见本公司官网，如有疑问请致电400-820-1234。",
    )


def test_a_card_withdrawn_and_replaced_is_a_notice(checker: Checker) -> None:
    assert_service_pass(
        checker,
        "【鹿鸣银行】鹿鸣畅游联名信用卡将于2027年5月31日停止服务，届时您尾号6612的卡片可免费换发为鹿鸣标准金卡，额度与积分不变，详询95511。",
    )


def test_a_new_card_sold_after_a_withdrawal_is_an_offer(checker: Checker) -> None:
    text = "【鹿鸣银行】鹿鸣航旅联名卡将于6月30日停止服务，现推出鹿鸣白金卡，首年免年费，详询95511。"
    r = checker.check(text)
    assert r.kind == "marketing", r.kind_reason
    assert "OPT001" in error_codes(checker, text)


def test_a_pinyin_absolute_term_before_a_sentence_end_is_an_error(checker: Checker) -> None:
    # zui高！20万: the exclamation ends the claim; the figure after it is no cap
    codes = found_codes(checker, "【鹿鸣农商银行】开门红定期存款，全县zui高！20万元起存。回T退订")
    assert codes.get("ADV002") == "error"


def test_a_pinyin_cap_with_its_figure_reads_as_the_characters_do(checker: Checker) -> None:
    # a cap with its figure is a warning in characters; spelled in pinyin it is the same
    chinese = found_codes(checker, "【鹿鸣农商银行】三年期大额存单利率最高2.15%。回T退订")
    pinyin = found_codes(checker, "【鹿鸣农商银行】三年期大额存单利率zui高2.15%。回T退订")
    assert chinese.get("ADV002") == pinyin.get("ADV002") == "warning"


# Red team rt211 of this session's first changes (54234ba): each hole it found, in words of its own.


@pytest.mark.parametrize(
    "text",
    [
        # a credit line in the deposit's sentence, applied for and used: not the deposit's quota
        "【岚溪银行】您的大额存单如需周转，可凭存单在手机银行申请备用额度，当天即可使用。回T退订",
        "【岚溪银行】岚溪季季享业绩比较基准2.9%，持有满30万元的个体工商户可再获经营额度50万元，线上审批。回T退订",
        # a line said unchanged is still a line
        "【捷贷消费金融】您的“随心借”已升级，额度保持不变，新增一次性提取到银行卡，12期按月还本付息。回T退订",
    ],
)
def test_a_credit_line_is_not_exempted_by_the_deposit_or_its_unchanged_limit(
    checker: Checker, text: str
) -> None:
    assert "DIS001" in error_codes(checker, text)


def test_a_pinyin_claim_asked_and_answered_is_read_across_the_question_mark(checker: Checker) -> None:
    text = f"【鑫盛财富】鑫盛优选计划开放预约，kui了？bao赔！5万元起投。{WEALTH}"
    assert "ADV001" in error_codes(checker, text)


def test_a_loan_launched_with_a_word_between_needs_a_lending_licence(checker_for) -> None:
    text = "【汇通支付】汇通生意贷正式上线！小微商户凭收款流水即可在线申请经营资金。回T退订"
    assert "QUA001" in error_codes(checker_for("example-payment"), text)


@pytest.mark.parametrize(
    "text",
    [
        "【汇通支付】地铁站充电宝租借上线：汇通支付App扫码即可使用，每小时2元。回T退订",
        "【汇通支付】汇通支付凭借全新升级的风控系统，将对异常登录进行实时拦截，请按App提示完成身份核验。",
        "【汇通支付】雨季便民伞免费借来了！全市地铁站扫码借伞，48小时内归还不收费。回T退订",
    ],
)
def test_an_object_rented_or_by_virtue_of_launches_no_loan(checker_for, text: str) -> None:
    assert "QUA001" not in flagged_codes(checker_for("example-payment"), text)


def test_a_fee_paid_by_the_month_that_the_sender_advances_is_credit(checker: Checker) -> None:
    # (a fee paid monthly is not exempted: 学费月付 advances the whole fee and is repaid — rt212)
    text = "【汇通支付】学费月付来了！报名课程时选择学费月付，汇通替您一次付清学费，之后每月还给汇通一部分。回T退订"
    assert "DIS001" in error_codes(checker, text)


def test_an_insurers_policy_loan_launch_needs_no_lending_licence(checker_for) -> None:
    text = "【安泰人寿】保单贷上线：持有终身寿险满两年的客户可按现金价值的80%申请，年利率5%。"
    assert "QUA001" not in flagged_codes(checker_for("example-insurer"), text)


@pytest.mark.parametrize(
    "text",
    [
        "【青禾消费金融】征信有点小瑕疵也能申请，青禾闪借年化利率（单利）12%-23.4%，以审批为准。回T退订",
        "【青禾消费金融】征信不太好也可以试试，青禾闪借年化利率（单利）12%-23.4%。回T退订",
    ],
)
def test_a_credit_flaw_said_mildly_with_a_loan_is_an_inducement(checker: Checker, text: str) -> None:
    assert "DIS003" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岚溪银行】金融知识讲堂：征信有点瑕疵也不用怕，不良记录自不良行为终止之日起保存5年，谨防“征信修复”骗局。欢迎报名。回T退订",
        "【汇通支付】ETC在线免费办：信用不太好也可以办，绑定储蓄卡即可，设备包邮到家。回T退订",
    ],
)
def test_a_mild_flaw_without_a_loan_offered_is_no_inducement(checker: Checker, text: str) -> None:
    assert "DIS003" not in flagged_codes(checker, text)


def test_pressure_on_an_insurance_class_named_is_an_error(checker: Checker) -> None:
    text = "【明德银行】我行代销的禾丰人寿两全险下月起费率上调，本月内办理仍按现行费率，详询客户经理。回T退订"
    assert "ADV007" in error_codes(checker, text)


# Red team rt213 (the third round, at 597da21): false alarms of this session's new words, each withdrawn or narrowed.


def test_a_premium_rise_stated_as_a_fact_is_no_pressure(checker: Checker) -> None:
    # a broad rise needs a push to act before it (broad-rise-then-hurry): a statutory premium's new level is a fact
    text = "【岚溪银行】明年起城乡居民医保保费统一上调至每人每年400元，缴费期为9月1日至12月31日。回T退订"
    assert "ADV007" not in error_codes(checker, text)


def test_an_insurance_cover_given_away_does_not_make_a_deposit_insurance(checker: Checker) -> None:
    text = "【鹿鸣农商银行】开门红：即日起存款满5万元，赠送一年期家财险一份，数量有限，送完即止。回T退订"
    assert found_codes(checker, text).get("ADV007") == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "【汇通支付】公交站共享雨伞扫码借上线啦！打开汇通支付App扫码取伞，48小时内归还不收费。回T退订",
        "【汇通支付】车主服务站应急充电宝扫码借开放中，到店扫码即可使用。回T退订",
    ],
)
def test_an_object_lent_by_scanning_launches_no_loan(checker_for, text: str) -> None:
    assert "QUA001" not in flagged_codes(checker_for("example-payment"), text)


def test_a_mild_credit_flaw_with_no_loan_in_its_sentence_is_no_error(checker: Checker) -> None:
    text = "【衡江银行】征信不太好也可以申请提取公积金吗？可以。公积金提取与个人征信无关，可在手机银行线上申请。回T退订"
    assert "DIS003" not in error_codes(checker, text)


def test_a_new_share_calendar_with_its_codes_is_no_promotion(checker: Checker) -> None:
    # (申购代码, 中签后 …: a market operation's notice, like 休市 — f61, f90)
    text = "【衡山证券】今日可申购：岭南智造（申购代码732819，发行价18.60元），请登录衡山证券App申购，中签后请按时缴款。"
    r = checker.check(text)
    assert r.kind != "marketing", r.kind_reason
    assert not error_codes(checker, text)


def test_a_new_share_pitched_is_still_marketing(checker: Checker) -> None:
    text = "【衡山证券】新股申购火热进行中，中签率高，开户即可参与，申购代码732819！回T退订"
    r = checker.check(text)
    assert r.kind == "marketing", r.kind_reason


def test_lures_named_a_pig_butchering_scam_are_warned_against(checker: Checker) -> None:
    text = "【北辰证券】投资者教育：网友推荐的“内部项目”承诺“日收益百分之二”“稳赚不赔”的，都是杀猪盘套路。请认准本公司官方App。"
    assert not error_codes(checker, text)


def test_a_claim_said_not_to_be_a_scam_is_still_a_claim(checker: Checker) -> None:
    assert "ADV001" in error_codes(checker, "【北辰财富】北辰优选稳赚不赔，不是杀猪盘！回T退订")
