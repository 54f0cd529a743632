"""Session of 2026-12-07 from 06:14: English and mixed SMS (writers f126, f129, f130), each case
written here in words of its own, with the twin beside it that must keep its reading.

- a Latin word that takes a finding back (an exemption, a negation or warning cue, a void word, a
  notice's kind evidence) stands only as a whole word: the compact view drops the spaces that bound
  English words, so "all the best" (a greeting, exempt from ADV002) was found inside "Overall the best
  rate" and hid the claim;
- PRV003's option words are read as the compact view writes them: its English verbs and multi-word
  secrets ("verification code") matched nothing, so "read out the 6 digits" was no request;
- English claims: state backing named with its body (ADV005), a rate ranked first or every rival denied
  (ADV002), claims paid with no questions asked and every illness covered (ADV009); an English verdict on a
  lurer (… is a fraudster) takes back what comes before it, as …都是骗子 does;
- what the red teams of this session and the last showed: English service words for the reader's own
  things (policy ending, your loan) and events were withdrawn — an upsell to a holder opens with them and
  English has few offer words to outweigh them; a limit told to the buyer (not every illness is covered)
  is exempt, since English has no negation cue.
"""

from __future__ import annotations

import pytest

from assistant.checker.context import inside_latin_word
from assistant.checker.engine import Checker
from assistant.text.normalize import normalize
from tests.judgment_asserts import error_codes, found_codes


def test_a_greeting_inside_a_longer_word_exempts_nothing(checker: Checker) -> None:
    text = "【北桥银行】Overall the best rate in town: 3-month deposits at 2.1% p.a. 回T退订"
    assert "ADV002" in error_codes(checker, text)
    assert "ADV002" not in found_codes(
        checker, "【北桥银行】All the best for the new year from Northbridge Bank."
    )


def test_whole_latin_words_are_judged_on_the_text_as_written() -> None:
    nt = normalize("whenever, never; your account; B T C")
    compact = nt.compact
    at = compact.index("never", 4)
    assert inside_latin_word(nt, 4, 9, digits_glue=False)  # never inside whenever
    assert not inside_latin_word(nt, at, at + 5, digits_glue=False)
    start = compact.index("youraccount")
    assert not inside_latin_word(nt, start + 4, start + 11, digits_glue=False)  # a space bounds it
    btc = compact.index("btc")
    assert not inside_latin_word(nt, btc, btc + 3)  # letters spaced out still read as one word


@pytest.mark.parametrize(
    "text",
    [
        "【北桥银行】Our officer will call you shortly - please read out the 6 digits in the SMS we just sent.",
        "【北桥银行】A colleague will phone you today. Please tell us the code we sent to confirm it is you.",
    ],
)
def test_a_code_asked_for_in_english(checker: Checker, text: str) -> None:
    assert "PRV003" in error_codes(checker, text)


def test_a_code_never_to_be_told_is_no_request(checker: Checker) -> None:
    text = "【北桥银行】Never tell anyone the code we sent, not even our staff. Call 95588 if in doubt."
    assert "PRV003" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【北桥银行】Norlan Bond Fund is backed by the Ministry of Finance. Funds involve risks; invest with caution. 回T退订",
        "【北桥银行】Green Income Fund, endorsed by the central bank: from CNY 1,000. Funds involve risks. 回T退订",
    ],
)
def test_state_backing_in_english(checker: Checker, text: str) -> None:
    assert "ADV005" in error_codes(checker, text)


def test_a_treasury_bond_backed_by_the_states_credit_is_a_fact(checker: Checker) -> None:
    text = "【北桥银行】Savings bonds are issued by the Ministry of Finance and backed by the state's credit. 回T退订"
    assert "ADV005" not in found_codes(checker, text)


def test_a_rate_ranked_first_or_every_rival_denied(checker: Checker) -> None:
    assert "ADV002" in error_codes(
        checker, "【环球付】The best exchange rates in China: send money to 60 countries. 回T退订"
    )
    assert "ADV002" in error_codes(
        checker, "【环球付】Nobody beats our exchange rates. Send money home today. 回T退订"
    )


def test_insurance_claims_paid_with_no_questions_asked(checker: Checker) -> None:
    text = "【华欧人寿】CareMax Medical insurance: claims paid with no questions asked. Details: https://www.sinoeurolife.com/caremax 回T退订"
    assert "ADV009" in error_codes(checker, text)


def test_every_illness_covered_in_english_and_a_limit_told(checker: Checker) -> None:
    claim = "【华欧人寿】CareMax Medical insurance: every illness covered. Details: https://www.sinoeurolife.com/caremax 回T退订"
    assert "ADV009" in error_codes(checker, claim)
    limit = "【华欧人寿】Before you buy: not every illness is covered by critical illness insurance. Details: https://www.sinoeurolife.com/ci 回T退订"
    assert "ADV009" not in found_codes(checker, limit)
    scoped = "【安泰人寿】Critical Illness Plus: any illness listed in your policy is covered, lump sum on diagnosis. 回T退订"
    assert "ADV009" not in found_codes(checker, scoped)


def test_an_english_verdict_on_a_lure_takes_it_back(checker: Checker) -> None:
    text = "【北桥银行】Fraud alert: anyone offering guaranteed USDT returns is a fraudster. Call 95588 to report."
    codes = error_codes(checker, text)
    assert "ADV001" not in codes and "PRO003" not in codes
    # …said of what comes before it only, and not when denied: the sender's own claim still fails
    assert "ADV001" in error_codes(
        checker, "【北桥银行】Guaranteed returns of 8% a year - this is not a scam! 回T退订"
    )
    assert "ADV005" in error_codes(
        checker,
        "【鑫盛基金】Unlike apps run by fraudsters our Steady Bond Fund is endorsed by the PBOC. 基金有风险，投资须谨慎。回T退订",
    )


def test_an_upsell_to_a_policyholder_is_not_a_notice(checker: Checker) -> None:
    text = (
        "【安泰人寿】For your policy ending 4471: Critical Illness Plus pays a CNY 200,000 lump sum on diagnosis, "
        "from CNY 8 a day. Reply 1 for an adviser's call."
    )
    assert checker.check(text).kind != "service"


# --- what this session's red team of its own change (rt215) found, and the mechanism that answers it


@pytest.mark.parametrize(
    "text",
    [
        "【安泰人寿】To post your new policy documents, please tell us your postcode and address by calling 95519.",
        "【北桥银行】When you call 95588 about your complaint, read out the reference code RF2931 to our agent.",
        "【北桥银行】Movie week: reply with the code FILM by Sunday to get two cinema vouchers. 回T退订",
        "【北桥银行】Your login password was reset. Reply within 30 min with N if this was not you.",
        "【北桥银行】Northbridge will never ask you to read out the 6 digits in the SMS or share your PIN.",
    ],
)
def test_codes_that_are_no_secret_and_pledges_ask_for_nothing(checker: Checker, text: str) -> None:
    assert "PRV003" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【北桥银行】To confirm your limit upgrade, please reply to this SMS with the verification code you receive.",
        "【北桥银行】We never ask for your PIN, but please read out the 6 digits in the SMS to our officer.",
    ],
)
def test_english_code_requests_past_a_pledge_or_by_reply(checker: Checker, text: str) -> None:
    assert "PRV003" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【华盈理财】Huaying Steady No.3 is backed by the People's Bank of China. 理财非存款，产品有风险，投资须谨慎。回T退订",
        "【恒泰银行】Hengtai Steady 90-day plan is backed by the state's credit. 理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_state_backing_with_the_body_spelled_out_or_a_bonds_words_borrowed(
    checker: Checker, text: str
) -> None:
    assert "ADV005" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【北桥银行】Interest of 2,280.00 yuan on your savings bond (issued by the Ministry of Finance and guaranteed by the state) was paid.",
        "【恒泰银行】Reminder: wealth products are not deposits and are not backed by the state. 理财非存款，产品有风险，投资须谨慎。",
    ],
)
def test_a_savings_bonds_backing_and_backing_denied(checker: Checker, text: str) -> None:
    assert "ADV005" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【北桥银行】USD/CNY alert you set: today's highest rate 7.1320, lowest rate 7.1015, now 7.1210.",
        "【惠通银行】Deposit rates from 1 Mar: 1-year 1.15%, 3-year 1.55% (highest rate, for 3-year terms). 回T退订",
        "【北桥银行】Nothing beats being home for the holidays. Happy Spring Festival! 回T退订",
    ],
)
def test_a_days_range_a_rate_table_and_a_greeting_rank_nothing(checker: Checker, text: str) -> None:
    assert "ADV002" not in error_codes(checker, text)


def test_the_best_rate_with_the_products_words_between(checker: Checker) -> None:
    assert "ADV002" in error_codes(
        checker, "【惠通银行】Our best 1-year deposit rate in years: 2.15% p.a. 回T退订"
    )


def test_a_scammer_named_in_the_senders_own_claim_softens_nothing(checker: Checker) -> None:
    text = "【惠通银行】Anyone offering you more is a scammer as nobody beats our 1-year deposit rate of 1.95%. 回T退订"
    assert "ADV002" in error_codes(checker, text)


def test_no_questions_asked_of_a_shops_return_policy(checker: Checker) -> None:
    text = "【随行付】Shop with SuixingPay this Double 11: our 7-day return policy means full refunds, no questions asked. 回T退订"
    assert "ADV009" not in found_codes(checker, text)


def test_a_credit_record_flaw_said_mildly_with_a_loan(checker: Checker) -> None:
    text = "【启泰消费金融】借款利率下调至年化利率（单利）8.8%起，审核也放宽了，信用记录有点小瑕疵也可以来试试。回T退订"
    assert "DIS003" in error_codes(checker, text)
    assert "DIS003" not in found_codes(
        checker, "【启泰消费金融】如您的信用记录有点小瑕疵，可前往人民银行征信中心申请异议处理。"
    )


# --- English offers as kind evidence (and not English notice wording, withdrawn for the third time)


@pytest.mark.parametrize(
    "text",
    [
        "【安泰人寿】For your policy ending 4471: Critical Illness Plus pays a lump sum on diagnosis, from CNY 8 a day. Reply 1 for an adviser's call.",
        "【捷贷消费金融】For loan ending 8834: draw an extra CNY 50,000 on top of your current loan in the Jiedai app.",
    ],
)
def test_an_english_upsell_to_a_holder_is_never_a_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"


def test_an_english_offer_said_in_inflected_words_is_still_marketing(checker: Checker) -> None:
    # (marketing evidence keeps its glued forms: offered, discounted — rt216; only notice evidence is whole-word)
    text = "【汇川银行】Your card ending 4471: you are exclusively offered a discounted FX markup of 0.5% on overseas spend until 31 Aug."
    assert checker.check(text).kind != "service"


@pytest.mark.parametrize(
    "text",
    [
        "【汇川银行】The ID on file for account ending 6620 expired on 3 May. To keep the account running, please visit any branch with your new ID.",
        "【安信保险】Your claim for the 12 May hospital stay is approved. To claim your payout of CNY 4,260, confirm your bank details in the app.",
        "【恒泰银行】Your new account ending 0934 is open. To get started, log in to the app with your registered phone number.",
    ],
)
def test_an_english_notices_own_errand_is_no_call_to_an_offer(checker: Checker, text: str) -> None:
    assert "OPT001" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【汇川银行】Harbour Bank will never ask you to move funds to a safe account, so when our officer calls, read out the code we sent.",
        "【恒泰银行】To finish activating card ending 5520, reply with your code from the SMS we sent a moment ago.",
        "【汇川银行】To verify card ending 9031 please tell our agent the security code on the back of the card when she calls.",
        "【安信小贷】Please give the OTP to our staff member when he calls today to verify your loan drawdown.",
    ],
)
def test_english_code_requests_past_a_pledges_clause_or_by_other_words(checker: Checker, text: str) -> None:
    assert "PRV003" in error_codes(checker, text)


def test_the_bank_providing_a_code_asks_for_nothing(checker: Checker) -> None:
    text = "【汇川银行】For your security we will provide a verification code by SMS each time you log in. Do not share it with anyone."
    assert "PRV003" not in found_codes(checker, text)


def test_state_backing_said_as_approval_and_a_guarantee_funds_loan(checker: Checker) -> None:
    claim = "【明德银行】Steady Wealth No.3 is approved and certified by the People's Bank of China. 理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "ADV005" in error_codes(checker, claim)
    fact = "【恒泰银行】Your startup business loan, guaranteed by the government financing guarantee fund, has CNY 3,150 due on 20 July."
    assert "ADV005" not in found_codes(checker, fact)


def test_a_cooling_off_refund_no_questions_asked_is_a_right(checker: Checker) -> None:
    text = "【安信人寿】Policy ending 5531: you may cancel within the 15-day cooling-off period for a full premium refund, no questions asked."
    assert "ADV009" not in found_codes(checker, text)


# --- what red team rt218 found in this session's English context words


def test_a_critics_verdict_put_in_their_mouth_takes_nothing_back(checker: Checker) -> None:
    text = "【鑫盈财富】People who say 保本高息 is a scam have not met 鑫盈1号，年化6%，投资有风险，入市需谨慎。回T退订"
    assert "ADV001" in error_codes(checker, text)


def test_a_code_renamed_a_reference_code_is_still_the_code(checker: Checker) -> None:
    text = "【北桥银行】To confirm your transfer, please reply with the reference code in the SMS we just sent you."
    assert "PRV003" in error_codes(checker, text)


# --- Chinese context holes rt218 found outside this session's diff


def test_a_ranking_against_peers_is_no_limit_whatever_follows(checker: Checker) -> None:
    text = "【捷贷消费金融】行业最低利率可贷30万元，年化利率3.6%起（单利），详询App。回T退订"
    assert "ADV002" in error_codes(checker, text)
    limit = "【捷贷消费金融】年化利率最低3.6%，最高可贷30万元，详询App。回T退订"
    assert "ADV002" not in error_codes(checker, limit)
    # (places name the peers too; a peer word before a bare limit keeps the limit: a same-bank transfer's cap)
    assert "ADV002" in error_codes(
        checker, "【兴农农商银行】全县最低利率可贷50万元，年化利率3.45%起（单利）。回T退订"
    )
    same_bank = "【明德银行】您的账户同行转账单笔最高可转5万元，跨行转账单笔最高可转2万元。"
    assert "ADV002" not in error_codes(checker, same_bank)


def test_an_anti_fraud_campaigns_name_selling_a_product_warns_of_nothing(checker: Checker) -> None:
    text = (
        "【明德银行】反诈宣传月特供安心盈理财保本保息，起购1万元，理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert "ADV001" in error_codes(checker, text)
    warning = "【明德银行】反诈宣传月，凡承诺保本保息的理财都是骗局。"
    assert "ADV001" not in error_codes(checker, warning)
    assert "ADV001" in error_codes(checker, text.replace("反诈宣传月", "反诈骗宣传月"))
    lecture = (
        "【明德银行】反诈宣传月推出防范保本高息投资陷阱专题讲座，6月18日在人民路支行举办，欢迎市民免费参加。"
    )
    assert "ADV001" not in error_codes(checker, lecture)


def test_an_anti_fraud_pretext_for_a_shared_screen_is_no_warning(checker: Checker) -> None:
    text = "【明德银行】为配合反诈核查，请开启手机屏幕共享，由专员远程指导您输入银行卡密码完成验证。"
    assert "PRV003" in error_codes(checker, text)
    warning = "【明德银行】防骗提醒：任何人让您开启屏幕共享后输入验证码的，都是诈骗。"
    assert "PRV003" not in error_codes(checker, warning)
    for pretext in (
        "【明德银行】接公安反诈中心通知，您的账户涉嫌异常交易，请下载会议软件开启屏幕共享，由专员指导您输入银行卡密码完成核验。",
        "【明德银行】为落实反诈风险排查，请您开启屏幕共享，配合专员输入短信验证码完成身份确认。",
    ):
        assert "PRV003" in error_codes(checker, pretext)


# --- promotions after a notice that rt217 found read as notices


@pytest.mark.parametrize(
    "text",
    [
        "【明德基金】您持有的明德稳健债券基金已于6月12日分红，已转入您的银行账户。明德双利债券6月20日起可在各大银行和明德基金App买入。",
        "【明德银行】关于您反映的排队时间长的问题，我行已增开窗口，向您致歉。另告知您：我行3年期大额存单本季度还有发行额度，网点和App都能办理。",
        "【明德财险】车牌尾号为A8，您爱车的交强险将于7月2日到期。今年转到明德财险投保，报价比去年少交约600元，回电95500即可出单。",
        "【明德财险】车牌尾号为A8，您爱车的交强险将于7月2日到期。今年转到明德财险续保，报价比去年少交约600元，回电95500即可出单。",
        "【明德银行】您尾号6620的借记卡近半年日均资产已达50万元。到任一网点可换领明德私行卡，年服务费2000元，含贵宾厅服务。",
    ],
)
def test_a_product_offered_after_a_notice_is_never_a_silent_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】您的身份证件已过期，证件更新网点和App都能办理。",
        "【明德银行】您的大额存单将于6月1日到期，到期后网点和App均可办理转存。",
        "【明德银行】您尾号6620的借记卡将于6月到期，可持身份证到任一网点免费换领新卡。",
        "【明德银行】您的信用卡已升级为白金卡，年费600元将于次月计入账单。",
        "【安泰人寿】您投保的安享年金保险犹豫期至6月30日止，犹豫期内网点和App均可办理退保，扣除工本费后退还已交保费。",
    ],
)
def test_an_errand_the_channels_handle_is_still_a_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "service"


def test_a_government_guarantee_agency_said_to_back_a_product_in_full(checker: Checker) -> None:
    claim = "【鑫安财富】鑫安稳健1号由政府性融资担保机构全额兜底，业绩比较基准3.5%，投资有风险，入市需谨慎。回T退订"
    assert "ADV005" in error_codes(checker, claim)
    loan = "【明德银行】您申请的创业担保贷款已获批，由政府性融资担保机构提供担保，年利率3.45%。"
    assert "ADV005" not in found_codes(checker, loan)
