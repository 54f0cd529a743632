"""Session of 2026-12-05 from 15:43: mechanisms the development thirds of the red teams rt140 and
rt141 and the independent drafts showed missing, each written here in words of its own with the
wording beside it that must stay quiet.

- a notice that only teaches or warns about classes of products (温馨提示：理财产品不同于存款…)
  is a service notice; one that names the sender's own product, or offers, prices or calls for
  anything, is not;
- guarantee claims said by sameness (本金原样退回), by the worry waved away (完全不用担心会亏本),
  to the cent after the payment (结给您，一分不差), by contrast (别人家的会亏，我们的不会), as an
  A-not-A question answered 答案是肯定的, or fronted as "how could there be…？…就是！";
- state backing by who stands behind (背后站着的是国资委), by a government letter or a budget's
  payment (政府出具的承诺函, 由区财政安排兑付); an expert's figure forecast (首席…判断…翻一番);
- fund-raising by land or herds kept for the buyer (统一管护，每年按亩分红), recruiting said with
  带 (每带一位…获得…奖励; 带得越多拿得越多); a harvest sent as the return is no such scheme;
- the capital tens folded for matching (拾拿玖稳 is 十拿九稳);
- corrections and refusals: a belief pointed at bare and named a mistake (其实这是误解), a
  question whether there is no loss answered 不是的, a class warned against after 凡是 (…的，请
  提高警惕), a suitability line (适合不怕亏…的投资者), a withdrawal said without any negation word
  (保本理财本行已全部停售) — and not a withdrawal of one issue before the next goes on sale, nor a
  delay's interest loss made good (由此产生的利息损失将由我司全额补偿).
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import FUND, WEALTH, error_codes, found_codes


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


# -------------------------------------------------------------- lessons and warnings (kind)
_TEACHES = {
    "deposit-vs-wealth": "【川南银行】温馨提示：理财产品与存款不同，本金和收益都没有保证，购买前请先做风险测评。",
    "fund-class": "【川南基金】投教小课堂：货币基金不等于活期存款，七日年化会随市场变化，请理性看待。",
    "insurance-class": "【川南人寿】温馨提示：保险不是储蓄，中途退保可能损失部分保费，请按需投保。",
    "myth": "【川南证券】所谓“股票长期拿着就不会亏”是误区，个股可能长期下跌，请注意分散风险。",
}
_PITCHES = {
    "own-product-named": "【川南银行】温馨提示：川南少儿教育金保险，守护孩子的每一步。保险产品非存款。",
    "boilerplate-only": "【川南银行】温馨提示：基金定投，让财富稳稳增长。基金有风险，投资需谨慎。",
    "figure": "【川南银行】温馨提示：理财产品不同于存款，川南月月享业绩比较基准3.1%，欢迎了解。",
    "question-only": "【川南银行】想让闲钱也忙起来吗？理财了解一下。",
}


@pytest.mark.parametrize("key", sorted(_TEACHES))
def test_a_lesson_about_classes_of_products_is_a_notice(checker: Checker, key: str) -> None:
    r = checker.check(_TEACHES[key])
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", [(f.code, f.severity, f.evidence) for f in r.findings]


@pytest.mark.parametrize("key", sorted(_PITCHES))
def test_a_heading_does_not_make_a_pitch_a_notice(checker: Checker, key: str) -> None:
    r = checker.check(_PITCHES[key])
    assert r.kind != "service", r.kind_reason


# ------------------------------------------------------------------- guarantees (ADV001)
_GUARANTEES = {
    "principal-as-is": "【川南财富】川南安享一年期理财认购中，业绩比较基准3%，到期本金原封不动退还给您。"
    + WEALTH,
    "worry-waved": "【川南基金】川南短债基金开放申购，您根本不必担心会亏钱。" + FUND,
    "to-the-cent": "【川南银行】川南季季盈理财认购中，业绩比较基准3.2%，到期就照这个数付给您，分毫不差。"
    + WEALTH,
    "contrast": "【川南基金】行情不好时股票基金可能会亏，川南现金宝的从来不会。欢迎申购。" + FUND,
    "a-not-a-yes": "【川南银行】客户常问：川南安盈理财到底保不保本？答案是肯定的，欢迎认购。" + WEALTH,
    "how-could-there-be": "【川南银行】哪有零风险还年化6%的理财？川南稳盈就是！1万元起购。" + WEALTH,
    "capital-tens": "【川南财富】川南债权计划认购中，年化5%，回报拾拿玖稳。投资有风险，选择需谨慎。回T退订",
    "issue-withdrawn-next-sold": "【川南银行】川南保本理财首期已经停售，第二期周一开售，1万元起购。" + WEALTH,
    "nav-certain": "【川南证券】川南成长基金年内净值涨到2元是板上钉钉的事，欢迎申购。" + FUND,
}
_NOT_GUARANTEES = {
    "misconception": "【川南银行】投资者教育：很多人以为银行理财都保本，实际上这是一种误解。理财产品均为净值型，不承诺保本。",
    "asked-answered-no": "【川南基金】投教问答：长期持有就一定不会亏吗？不是的，市场下跌时仍可能亏损。"
    + FUND,
    "class-warned": "【川南银行】温馨提示：凡是向您保证零风险、高收益的，请提高警惕，谨防上当。",
    "suitability": "【川南基金】川南进取混合为R4产品，适合不怕亏损、能承受较大波动的投资者。" + FUND,
    "withdrawn": "【川南银行】保本理财本行已全部停售，目前在售均为净值型产品。",
    "delay-made-good": "【川南理财】因系统维护，您赎回的资金延迟至次日到账，由此产生的利息损失将由我司全额补偿。",
    "answered-no-plain": "【川南银行】客户常问：川南理财保不保本？答案是否定的，理财产品不承诺保本。"
    + WEALTH,
}


@pytest.mark.parametrize("key", sorted(_GUARANTEES))
def test_a_guarantee_in_other_words_is_adv001(checker: Checker, key: str) -> None:
    assert "ADV001" in error_codes(checker, _GUARANTEES[key]), key


@pytest.mark.parametrize("key", sorted(_NOT_GUARANTEES))
def test_corrections_and_refusals_promise_nothing(checker: Checker, key: str) -> None:
    assert "ADV001" not in found_codes(checker, _NOT_GUARANTEES[key]), key


def test_a_tag_after_the_senders_own_claim_is_no_class_warning(checker: Checker) -> None:
    text = "【川南银行】川南理财年化7%零风险，请提高警惕别错过。" + WEALTH
    assert "ADV001" in error_codes(checker, text)


def test_a_buyer_suited_does_not_excuse_a_claim_outside_the_line(checker: Checker) -> None:
    text = "【川南基金】川南稳盈零风险不怕亏，适合所有投资者。" + FUND
    assert "ADV001" in error_codes(checker, text)


# ------------------------------------------------------- state and experts (ADV005, ADV004)
_STATE = {
    "behind": "【川南资产】川南城建收益权产品认购中，年化6%，项目背后是县国资委。投资有风险，选择需谨慎。回T退订",
    "letter": "【川南资产】川南定融3号：另有市政府出具的兜底函，1万元起投，年化6.5%。投资有风险，选择需谨慎。回T退订",
    "budget-pays": "【川南资产】川南城投债权认购中，年化6%，到期由县财政统筹安排兑付。投资有风险，选择需谨慎。回T退订",
}


@pytest.mark.parametrize("key", sorted(_STATE))
def test_state_backing_said_otherwise_is_adv005(checker: Checker, key: str) -> None:
    assert "ADV005" in error_codes(checker, _STATE[key]), key


def test_a_bond_issued_by_a_government_names_no_backing(checker: Checker) -> None:
    text = "【川南证券】地方政府债券本周在柜台发行，票面利率以公告为准。"
    assert "ADV005" not in found_codes(checker, text)


def test_an_experts_figure_forecast_is_adv004(checker: Checker) -> None:
    text = (
        "【川南证券】川南首席策略师在年度会上判断，明年消费板块至少涨一倍，川南消费基金现已开放申购。" + FUND
    )
    assert "ADV004" in error_codes(checker, text)


# ----------------------------------------------------------------- fund-raising (PRO005)
_FUNDRAISING = {
    "plot-kept": "【川南农庄】川南果园开放认领：每亩3万元，由公司统一种植，每年按亩分红3000元。回T退订",
    "recruit-with-dai": "【川南康养】会员招募：每带1位新会员入会，可获得其会费10%的奖励。回T退订",
    "the-more-you-bring": "【川南康养】邀请亲友加入会员计划，带的人越多，返利越多。回T退订",
}


@pytest.mark.parametrize("key", sorted(_FUNDRAISING))
def test_fundraising_said_otherwise_is_pro005(checker: Checker, key: str) -> None:
    assert "PRO005" in error_codes(checker, _FUNDRAISING[key]), key


def test_a_harvest_sent_as_the_return_is_no_scheme(checker: Checker) -> None:
    text = (
        "【川南农商银行】助农活动：认养一棵苹果树168元，秋收后把20斤新鲜水果快递到家，作为认养回报。回T退订"
    )
    assert "PRO005" not in found_codes(checker, text)


def test_a_harvest_beside_a_cash_dividend_is_still_a_scheme(checker: Checker) -> None:
    text = "【川南农场】认养一头牛，每年分红3000元，另送牛肉10斤寄到您家。回T退订"
    assert "PRO005" in error_codes(checker, text)


# ------------------------------------------------- warnings that offer nothing (engine)
_WARNINGS_ONLY = {
    "code-asked": "【川南支付】反诈提醒：有人冒充川南客服，以“账户异常”为由索要短信验证码。我司不会向您索取验证码。",
    "crypto-named": "【川南基金】风险提示：近期有人以“USDT理财”“虚拟币搬砖”为名招募投资者，均涉嫌违法，请勿参与。",
    "gold-named": "【川南银行】提醒：本行未与任何“现货黄金”平台合作，谨防冒用本行名义的投资诈骗！",
}


@pytest.mark.parametrize("key", sorted(_WARNINGS_ONLY))
def test_a_warning_that_offers_nothing_passes(checker: Checker, key: str) -> None:
    r = checker.check(_WARNINGS_ONLY[key])
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", [(f.code, f.severity, f.evidence) for f in r.findings]


def test_a_threat_naming_a_crime_is_no_warning(checker: Checker) -> None:
    text = "【川南小贷】你拖欠的借款已按诈骗罪移交警方处理，今日还清可撤回。"
    assert "COL001" in found_codes(checker, text)


def test_a_warning_with_an_offer_stays_for_review(checker: Checker) -> None:
    text = "【川南银行】谨防虚拟币诈骗！正规理财请到网点办理，川南安盈年化3%。理财非存款，产品有风险，投资须谨慎。"
    assert checker.check(text).verdict != "pass"


# ------------------------------------------------------------ more words of the families
def test_a_dated_price_rise_for_insurance_is_an_adv007_error(checker: Checker) -> None:
    text = "【川南人寿】川南重疾险6月30日后费率上调，现在投保还来得及。回T退订"
    assert "ADV007" in error_codes(checker, text)


def test_a_policy_ending_after_a_date_is_no_pressure(checker: Checker) -> None:
    text = "【川南人寿】您的保单将于6月30日后到期，如需续保请联系代理人。"
    assert "ADV007" not in found_codes(checker, text)


def test_a_loss_someone_else_covers_is_adv001(checker: Checker) -> None:
    text = "【川南财富】川南惠民理财，万一亏了也有人兜。" + WEALTH
    assert "ADV001" in error_codes(checker, text)


def test_the_state_team_holding_it_up_is_adv005(checker: Checker) -> None:
    text = "【川南财富】川南惠民理财背后有国家队托着。" + WEALTH
    assert "ADV005" in error_codes(checker, text)


def test_an_exchange_contract_traded_spot_is_pro002(checker: Checker) -> None:
    text = "【川南商贸】沪银现货开户，双向可做，保证金5%起。回T退订"
    assert "PRO002" in error_codes(checker, text)


# ------------------------------------------------------------------------ comparisons
def test_a_claim_said_of_what_the_product_is_compared_with_is_denied(checker: Checker) -> None:
    text = "【川南银行】温馨提示：银行理财不如大额存单那样保本保息，请审慎选择。"
    assert "ADV001" not in found_codes(checker, text)


def test_a_claim_said_to_be_like_a_deposit_stands(checker: Checker) -> None:
    text = "【川南银行】川南安盈跟定期存款一样保本保息，欢迎认购。回T退订"
    assert "ADV001" in error_codes(checker, text)


def test_the_risk_denied_by_a_comparison_is_adv001(checker: Checker) -> None:
    text = "【川南银行】川南安盈理财不会像基金一样亏钱，欢迎认购。" + WEALTH
    assert "ADV001" in error_codes(checker, text)


# -------------------------------------------------------------- prospects invited (kind)
def test_an_invitation_to_those_who_do_not_hold_it_is_no_plain_notice(checker: Checker) -> None:
    text = (
        "【川南证券】您的资金账户已完成季度对账。即日起融资融券利率调降为年化5.9%，"
        "已开通信用账户的投资者自动适用，尚未开通的投资者可到营业部申请开通。"
    )
    assert checker.check(text).kind != "service"


def test_the_holders_own_terms_changed_stay_a_notice(checker: Checker) -> None:
    text = "【川南证券】您的资金账户已完成季度对账。即日起融资融券利率调降为年化5.9%，已开通信用账户的投资者自动适用。"
    assert checker.check(text).kind == "service"


# ---------------------------------------- attacks on this session's mechanisms (rt142 dev)
_CLASS_TAG_ABUSED = {
    "all-customers": "【川南财富】所有老客户均可追加认购川南安盈理财，保本保息，请保持警惕，认准官方渠道。"
    + WEALTH,
    "fan-in-a-brand": "【川南财富】川南非凡理财零风险，年化4%，请提高警惕，认准官方渠道。" + WEALTH,
    "corrected-then-extended": "【川南银行】不少人以为只有存款才保本保息，其实这是误解，川南安盈理财也一样。"
    + WEALTH,
    "issue-by-kuan": "【川南银行】川南保本理财甲款已停售，乙款今日开售，欢迎认购。" + WEALTH,
    "next-issue-next-sentence": "【川南银行】保本理财第五期已全部停售。第六期周一开售，每人限购20万元。"
    + WEALTH,
    "booking-opens": "【川南银行】川南保本理财第7期已停售，第8期下周开放预约。" + WEALTH,
    "one-channel-withdrawn": "【川南财富】安享保本理财手机银行已全部停售，老客户仍可找理财经理认购。"
    + WEALTH,
}


@pytest.mark.parametrize("key", sorted(_CLASS_TAG_ABUSED))
def test_a_refusal_or_correction_that_sells_still_fails(checker: Checker, key: str) -> None:
    assert "ADV001" in error_codes(checker, _CLASS_TAG_ABUSED[key]), key


_WARNINGS_THAT_HOLD = {
    "but-fan": "【川南证券】温馨提示：但凡有人拉您进群、承诺稳赚不赔，务必提高警惕。本公司从不在群里荐股。",
    "encountered": "【川南银行】温馨提示：遇到承诺保本保息的理财，请提高警惕。",
    "said-there-is": "【川南银行】投教小课堂：哪有保本又高收益的理财？说有的，多半是骗局，请勿轻信。",
    "not-comprehensive": "【川南银行】投资者教育：有人认为理财都是保本的，这种看法并不全面，理财产品现已全部为净值型。",
    "designed-for": "【川南基金】川南进取混合专为不怕亏、能承受较大回撤的投资者设计。" + FUND,
}


@pytest.mark.parametrize("key", sorted(_WARNINGS_THAT_HOLD))
def test_warnings_and_corrections_said_otherwise_hold(checker: Checker, key: str) -> None:
    assert "ADV001" not in error_codes(checker, _WARNINGS_THAT_HOLD[key]), key


def test_a_date_is_no_series_number(checker: Checker) -> None:
    text = (
        "【川南银行】温馨提示：自3月8号起，理财产品宣传不得使用预期收益率，理财净值会随市场波动，请理性看待。"
    )
    assert checker.check(text).kind == "service"


_MORE_CLAIMS = {
    ("ADV001", "card-to-the-cent"): "【川南银行】川南季季盈认购中，到期按基准打到您卡上，分毫不少。" + WEALTH,
    ("ADV001", "worry-fronted"): "【川南基金】川南短债基金开放申购，亏本这事您不用担心。" + FUND,
    ("ADV001", "place-wont"): "【川南基金】股市下跌时股票会亏，放在川南零钱宝里就不会了。" + FUND,
    (
        "ADV004",
        "rise-forecast",
    ): "【川南证券】川南首席分析师判断，明年医药板块涨幅将超过80%，川南医药基金开放申购。" + FUND,
    (
        "ADV005",
        "budget-repays",
    ): "【川南资产】川南城投债权年化6%，到期由县财政统一筹措资金还本付息。投资有风险，选择需谨慎。回T退订",
    (
        "PRO005",
        "plot-managed",
    ): "【川南农庄】果园开放认购：每亩2万元，由公司统一代管，每年每亩分红2000元。回T退订",
}


@pytest.mark.parametrize("code_key", sorted(_MORE_CLAIMS))
def test_more_words_of_the_families(checker: Checker, code_key: tuple[str, str]) -> None:
    assert code_key[0] in error_codes(checker, _MORE_CLAIMS[code_key]), code_key


# ------------------------------------------------------- the sender's own product (kind)
def test_a_lesson_that_presents_the_senders_fund_is_no_plain_notice(checker: Checker) -> None:
    # (no opt-out: the silent case — read as a notice, its missing opt-out would pass unseen)
    text = (
        "【川南基金】投资者教育：分散投资不是稳赚，但能降低波动。本公司的稳健配置基金支持每月定投，"
        "适合长期持有的投资者。基金有风险，投资须谨慎。"
    )
    assert checker.check(text).kind != "service"


def test_a_loan_held_at_the_sender_is_no_presentation(checker: Checker) -> None:
    text = "【川南农商银行】王先生：经核实，借款人王某已去世，其生前在我行的贷款尚余本金12,000元，请继承人携材料至网点咨询。"
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
