"""Session of 2026-12-05 from 23:16: return figures said in forms PRO007 did not read, from the
development thirds of the red teams and the independent drafts, each written here in words of its
own with the wording beside it that must stay quiet.

- a borrower's rate that goes to the reader as lender (借款年化利率13%，利息按月归您; 您出借的资金按
  借款合同年化14%计息) is the reader's return, not a price of credit;
- a gain said as a multiple (近一年净值翻了一番, 今年以来涨了一倍) is a return of 100% or more over its
  period, read as the product-gain figures are (a past result needs its statement) and, like
  them, only of a product or the reader's money named before it;
- a return said as a multiple of a deposit or money fund (收益是定期存款的6倍) is that multiple of
  the benchmark's usual rate, which the rule data states;
- a folk rate per period (每月稳定1个点, 一年12个点, 每个月稳稳2个点) is read with its period.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


def _codes(checker: Checker, text: str, **kwargs: object) -> set[str]:
    """Every code reported for ``text`` at any severity, with a declared kind."""
    return {f.code for f in checker.check(text, **kwargs).findings}  # type: ignore[arg-type]


# ------------------------------------------------- the reader as lender
@pytest.mark.parametrize(
    "text",
    [
        "【禾川财富】禾川债权精选，借款人按年化13%付息，利息全部归出借人。投资有风险。回T退订",
        "【禾川财富】您出借的本金按借款年化利率12.5%计息，到期一次回款。回T退订",
        "【禾川财富】优选债权转让专区：借款利率年化11%，认购后利息按月归您。回T退订",
    ],
)
def test_a_borrowers_rate_paid_to_the_reader_is_a_return(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text, kind="marketing")


@pytest.mark.parametrize(
    "text",
    [
        # the reader borrows: their own rate, reported
        "【禾川银行】您的借款年化利率13%，本月应还利息1,083.33元，最后还款日12月10日。",
        # a loan offer naming the bank that lends: still a price of credit
        "【禾川消费金融】借款年化利率（单利）12%-18%，资金由合作银行出借，具体以审批为准。回T退订",
    ],
)
def test_a_borrowers_own_rate_stays_a_price(checker: Checker, text: str) -> None:
    assert "PRO007" not in found_codes(checker, text)


# ------------------------------------------------- gains said as multiples
@pytest.mark.parametrize(
    "text",
    [
        "【禾川基金】禾川成长混合近一年净值翻了一番，现开放申购。基金有风险，投资须谨慎。回T退订",
        "【禾川基金】禾川科技精选基金今年以来涨了一倍，欢迎申购。基金有风险，投资须谨慎。回T退订",
        "【禾川财富】跟着禾川配置，一年资产翻倍不是梦。投资有风险。回T退订",
        "【禾川财富】禾川1号三年本金翻两番。投资有风险。回T退订",
    ],
)
def test_a_gain_said_as_a_multiple_is_a_high_return(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text, kind="marketing")


@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】周末刷卡积分翻倍，多倍积分可兑换礼品。回T退订",
        "【禾川基金】禾川基金管理规模三年翻了一番，感谢您的信任。",
        # doubling over ten years is about 7.2% a year: under the line
        "【禾川银行】投教小知识：按年化7%复利计算，资产大约十年翻一番。",
        "【禾川银行】您的信用卡额度已翻倍，当前额度40,000元。",
    ],
)
def test_a_multiple_of_something_else_is_no_return(checker: Checker, text: str) -> None:
    assert "PRO007" not in found_codes(checker, text)


# ------------------------------------------------- multiples of a benchmark
@pytest.mark.parametrize(
    "text",
    [
        "【禾川财富】禾川1号收益是银行定期存款的6倍。投资有风险。回T退订",
        "【禾川财富】禾川1号的收益比余额宝高出5倍。投资有风险。回T退订",
        "【禾川财富】禾川1号利息相当于一年定期的七倍。投资有风险。回T退订",
    ],
)
def test_a_return_as_a_multiple_of_a_deposit_is_read(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text, kind="marketing")


@pytest.mark.parametrize(
    "text",
    [
        # five times a current account's rate is under 2%
        "【禾川银行】大额存单利率约为活期存款的5倍，20万元起存。回T退订",
        "【禾川银行】禾川现金宝收益约为活期的3倍，随存随取。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【禾川财富】禾川1号收益是余额宝的1.5倍。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_small_multiple_stays_under_the_line(checker: Checker, text: str) -> None:
    assert "PRO007" not in _codes(checker, text, kind="marketing")


def test_a_multiple_quoted_in_a_warning_is_no_claim(checker: Checker) -> None:
    text = "【禾川银行】反诈提醒：凡是宣称收益是定期存款10倍的“理财”都是诈骗，请勿转账。"
    assert "PRO007" not in error_codes(checker, text)


# ------------------------------------------------- folk rates per period
@pytest.mark.parametrize(
    "text",
    [
        "【禾川财富】禾川收益凭证，每月稳定1个点，一年12个点。投资有风险。回T退订",
        "【禾川财富】禾川月月享，每个月稳稳1个点到手，10万起投。投资有风险。回T退订",
    ],
)
def test_a_folk_rate_per_period_is_read_with_its_period(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text, kind="marketing")


@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】自1月1日起，本行一年期定期存款利率每年下调0.1个百分点。",
        "【禾川证券】两融利率优惠：每月融资利率下调0.5个点，详询客户经理。回T退订",
        "【禾川财富】禾川月月享，每个月稳稳0.5个点到手。投资有风险。回T退订",
    ],
)
def test_a_folk_rate_under_the_line_or_of_credit_stays_quiet(checker: Checker, text: str) -> None:
    assert "PRO007" not in _codes(checker, text, kind="marketing")


def test_universal_life_settlement_rate_is_a_return(checker: Checker) -> None:
    text = "【禾川人寿】禾川稳利万能险，账户结算利率高达9%，万能账户结算利率不保证，投保须谨慎。回T退订"
    assert "PRO007" in error_codes(checker, text)
    quiet = "【禾川人寿】您的万能账户本月结算利率为2.85%，可登录App查看账户价值。"
    assert "PRO007" not in found_codes(checker, quiet)


# ------------------------------------------------- claims waved in or ranked among peers
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a negated claim asked and waved away, with a mark the compact view drops
        (
            "【禾川理财】禾川季享不保本？不存在的~业绩比较基准3.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        # the threshold asked and waved away
        ("【禾川小贷】申请门槛？不存在的！年化利率（单利）10.8%起。回T退订", "DIS003"),
        # peers of the same class, then none better
        ("【禾川小贷】同类平台里找不到比禾川更低的利率，年化利率（单利）7.9%起。回T退订", "ADV002"),
    ],
)
def test_a_claim_waved_in_or_ranked_among_peers_fires(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【禾川小贷】申请有门槛吗？有的：需年满22周岁、有稳定收入，年化利率（单利）10.8%起。回T退订",
        "【禾川银行】与同类产品相比，禾川信用卡分期费率透明，年化利率（单利）9.1%起。回T退订",
        "【禾川理财】有人问禾川季享保本吗？不保本，理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_plain_answer_or_comparison_stays_quiet(checker: Checker, text: str) -> None:
    assert not error_codes(checker, text) - {"LEN001"}


# ------------------------------------------------- credit priced by the days used
@pytest.mark.parametrize(
    "text",
    [
        "【禾川花】需要钱时打开禾川花，利息按天算，早还早省。回T退订",
        "【禾川花】利息按天算，用几天算几天。回T退订",
    ],
)
def test_credit_priced_by_the_days_used_needs_its_apr(checker: Checker, text: str) -> None:
    assert "DIS001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】活期存款利息按天算，随存随取。回T退订",
        "【禾川租车】租车按日结算，用一天算一天，信用卡支付享9折。回T退订",
    ],
)
def test_a_deposit_or_a_rental_by_the_day_is_no_credit(checker: Checker, text: str) -> None:
    assert "DIS001" not in error_codes(checker, text)


# ------------------------------------------------- guarantees in other words
@pytest.mark.parametrize(
    "text",
    [
        # the risk asked about, then carried for the reader by a name
        "【禾川财富】亏损？禾川财富替您担着，禾川月享年化3.9%。理财非存款，产品有风险，投资须谨慎。回T退订",
        # the principal's worry waved away
        "【禾川理财】禾川稳利，本金不用操心，收益天天看得见。理财非存款，产品有风险，投资须谨慎。回T退订",
        # what comes back said never to be less
        "【禾川人寿】禾川福满年金，到期领回的钱只多不少。回T退订",
        # a non-guaranteed dividend given a floor
        "【禾川人寿】禾川鑫享分红险，每年分红不低于4%。回T退订",
    ],
)
def test_a_guarantee_in_other_words_fires(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【禾川财富】亏损？由您自行承担：禾川月享为非保本产品，理财非存款，产品有风险，投资须谨慎。回T退订",
        "【禾川理财】本金不用操心的产品并不存在，请选择与风险承受能力相匹配的产品，理财非存款，产品有风险，投资须谨慎。",
        "【禾川银行】积分只多不少：本月消费积分翻番，可兑换礼品。回T退订",
        # a deposit's principal under deposit insurance, a borrower's principal
        "【禾川银行】三年期大额存单年化利率2.05%，受存款保险保障，本金不用担心。回T退订",
        "【禾川银行】禾川房贷支持提前还款，剩余本金不必担心违约金，年化利率3.5%起。回T退订",
        "【禾川人寿】您的保单本年度红利为312.50元，分红水平不保证，以实际为准。",
    ],
)
def test_a_disclosure_or_a_non_investment_stays_quiet(checker: Checker, text: str) -> None:
    assert "ADV001" not in error_codes(checker, text)


# ------------------------------------------------- words in another sense (rt149's classes)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【禾川银行】刷卡积分兑换季开启，详询95599。回T退订（本短信不收取信息费）", "OPT001"),
        ("【禾川银行】刷卡积分兑换季开启，详询95599。回T退订（本短信不收取信息费）", "DIS001"),
        ("【禾川银行】禾川爱心众筹上线：为乡村学校添置图书，1元起捐，详询95599。回T退订", "ADV003"),
        ("【禾川银行】禾川返利卡，超市消费返利2%，返利次月计入账单。回T退订", "PRO005"),
        ("【禾川支付】亲属卡上线：每月额度由您自行设定，消费从您的账户扣款。回T退订", "DIS001"),
        ("【禾川基金】禾川现金宝赎回T+0实时到账，单日上限5万元。基金有风险，投资须谨慎。回T退订", "PRO002"),
        ("【禾川银行】春节红包空投！登录手机银行参与抽奖，赢取立减金。回T退订", "PRO003"),
        ("【禾川银行】抽奖结果以本行官网公示为唯一依据。回T退订", "ADV002"),
        ("【禾川银行】您尾号1234的账户于12月3日入账最低生活保障金980.00元。", "ADV002"),
        ("【禾川银行】外汇实盘交易服务升级，可在手机银行设置挂单，汇率波动有风险。回T退订", "PRO004"),
        (
            "【禾川银行】禾川结构性存款收益区间1.20%-2.60%，挂钩黄金价格。结构性存款不同于一般性存款，具有投资风险。回T退订",
            "ADV003",
        ),
        ("【禾川银行】忘记登录密码？可在手机银行登录页点“忘记密码”，输入收到的短信验证码后重设。", "PRV003"),
        ("【禾川银行】存贷一站办：明德e贷年化利率（单利）3.6%起，定存客户另享优惠。回T退订", "DIS001"),
    ],
)
def test_a_word_in_another_sense_raises_nothing(checker: Checker, text: str, code: str) -> None:
    assert code not in _codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the risk denied as a property of the product
        ("【禾川理财】禾川稳利年化3.2%，本产品不具有投资风险。回T退订", "ADV001"),
        ("【禾川理财】禾川稳利年化3.2%，不存在投资风险。回T退订", "ADV001"),
        # interest drawn per period on a sum put in
        ("【禾川财富】禾川季季享，每投1万元每季度可领息250元。投资有风险。回T退订", "PRO007"),
        # an account's number is the card's
        ("【禾川银行】您的新社保卡已制成，金融账户编号6217 1234 5678 9012 345，请到网点领取。", "PRV002"),
        # a mail-merge field named alone in brackets
        ("【禾川银行】尊敬的【客户名称】，您的账单已出，应还860.00元，最后还款日12月20日。", "FMT001"),
        # coins by name, in a crypto pitch
        ("【链多多】波场币新人注册即送5枚，随时可兑换提现。回T退订", "PRO003"),
    ],
)
def test_a_claim_in_another_form_is_read(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_a_home_in_a_housing_estate_is_an_address(checker: Checker) -> None:
    text = "【禾川银行】您的纸质账单已寄往杭州市西湖区翠苑小区5号楼3单元402室，如地址有误请致电95599。"
    assert found_codes(checker, text).get("PRV004") == "warning"
    branch = "【禾川银行】本行翠苑支行位于杭州市西湖区翠苑小区5号楼1层，营业时间9:00-17:00。"
    assert "PRV004" not in found_codes(checker, branch)


def test_a_deposits_annual_rate_is_not_taken_for_the_loans(checker: Checker) -> None:
    """The only annual rate prices the deposit: the loan's may be missing — for review, never a
    silent pass (a sure failure would flag compliant messages whose loan rate reads otherwise)."""
    text = "【禾川银行】存贷一站办：三年期定存年化利率2.1%；禾川e贷最高可借20万，手机银行申请。回T退订"
    assert found_codes(checker, text).get("DIS001") == "warning"
    priced = "【禾川银行】禾川e贷最高可借20万，年化利率（单利）3.6%起，手机银行申请。回T退订"
    assert "DIS001" not in found_codes(checker, priced)


# ------------------------------------------------- more of rt149's classes, in other words
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # bad records listed, then welcomed
        ("【禾川小贷】逾期过、网贷多也欢迎来试，年化利率（单利）9.9%起。回T退订", "DIS003"),
        # the code read out to a caller
        ("【禾川支付】稍后专员来电核实身份，请把短信里收到的验证数字念给专员。", "PRV003"),
        # a directed financing sold to the public
        ("【禾川财富】禾川政信定融5号开放认购，年化7%，5万元起投。投资有风险，选择需谨慎。回T退订", "PRO006"),
        # a warning said to be handled for the reader is none
        ("【禾川证券】禾川智投组合上线，市场有风险时系统会自动帮您止损，2000元起投。回T退订", "ADV003"),
        # guaranteed renewal said in other words
        (
            "【禾川保险】禾川百万医疗，续保不查健康，年年都能续，详见 https://www.hechuan-ins.com 回T退订",
            "ADV009",
        ),
        # an opt-out to be sent in another channel
        ("【禾川银行】分期年化利率（单利）8.8%起，详询95599。退订请在禾川银行公众号内回T退订", "OPT001"),
    ],
)
def test_rt149_classes_in_other_words_fire(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【禾川银行】禾川青春卡，献给每一位潜力股：首年免年费，消费满3笔送视频会员。回T退订", "PRO001"),
        ("【禾川银行】积分兑换季开启，详见App内活动页，回T退订", "OPT001"),
        (
            "【禾川保险】您的医疗险已续保成功，新保单年度自1月1日起，详见 https://www.hechuan-ins.com",
            "ADV009",
        ),
    ],
)
def test_rt149_classes_quiet_where_they_should_be(checker: Checker, text: str, code: str) -> None:
    assert code not in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a loan's line riding on a verification code, in a sentence of its own
        "【禾川银行】验证码305518，用于登录禾川App，5分钟内有效，请勿泄露。禾川快贷纯信用，手机银行首页可申请。",
        # a lesson that ends by nudging the reader to start with the sender's app
        "【禾川基金】投教课堂：定投贵在坚持，不妨从每月300元开始，在禾川基金App即可设置。基金有风险，投资须谨慎。",
    ],
)
def test_a_pitch_riding_on_a_code_or_a_lesson_is_marketing(rules_only: Checker, text: str) -> None:
    assert rules_only.check(text).kind == "marketing"


def test_a_bare_code_stays_a_notice(rules_only: Checker) -> None:
    r = rules_only.check("【禾川银行】验证码305518，您正在申请禾川快贷，5分钟内有效，请勿泄露。")
    assert r.kind == "service", r.kind_reason


@pytest.mark.parametrize(
    ("text", "code", "severity"),
    [
        ("【禾川银行】禾川车主卡，全市每四位车主就有一位在用，加油享95折。回T退订", "ADV010", "warning"),
        (
            "【禾川保险】禾川快赔：九成以上的小额车险理赔申请在2小时内赔付，续保详询95599。回T退订",
            "ADV010",
            "warning",
        ),
        (
            "【银行贷款服务中心】上班族均可申请无抵押贷款，当天放款，年化利率（单利）7%起，详询400-800-1234。回T退订",
            "PRO008",
            "error",
        ),
        (
            "【禾川新能源】每户出资5万元加盟屋顶光伏电站，由公司代为运维，按季按发电量返还收益。回T退订",
            "PRO005",
            "error",
        ),
    ],
)
def test_rt149_classes_found_at_their_severity(checker: Checker, text: str, code: str, severity: str) -> None:
    assert found_codes(checker, text).get(code) == severity


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【禾川银行】反诈提醒：不法分子常冒充“XX理财”“XX财富”等机构，以高息诱人转账，请勿轻信。", "FMT001"),
        ("【禾川保险】小额理赔资料齐全的，一般可在24小时内赔付，详询95599。", "ADV010"),
        ("【禾川银行】禾川e贷无抵押，当天放款，年化利率（单利）4.2%起，详询95599。回T退订", "PRO008"),
    ],
)
def test_rt149_neighbours_stay_quiet(checker: Checker, text: str, code: str) -> None:
    assert code not in _codes(checker, text)


# ------------------------------------------------- rt150 (a red team of this session's own mechanisms)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a gain said done since a founding year: the year is no period
        (
            "【禾川基金】禾川新能源混合自2023年成立以来净值已翻一番，现开放申购。基金有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        # a multiple of a large deposit
        ("【禾川财富】禾川稳享3号，收益足足是大额存单的6倍，10万元起投。投资有风险。回T退订", "PRO007"),
        # the lender's own application
        ("【禾川汇】借款年化利率11%，利息按月归您，注册即可申请出借。回T退订", "PRO007"),
        # a dividend's floor said plainly
        ("【禾川人寿】禾川金享分红险，每年红利最少也有3%。回T退订", "ADV001"),
        # a lending platform's principal worry waved, its borrowers named
        ("【禾川汇】资金出借给严格审核的借款人，年化收益9%，本金完全不用担心。回T退订", "ADV001"),
        # credit priced by the time used
        ("【禾川花】手头紧？禾川花帮您周转，利息按天算，用多久算多久，随时可还。回T退订", "DIS001"),
        # a credit record said to be a small problem, welcomed
        ("【禾川小贷】征信有点小问题、查询多也欢迎来试，年化利率（单利）14%起。回T退订", "DIS003"),
        # an airdrop to a bound wallet
        ("【禾川社区】第三轮空投今晚开启，白名单用户绑定钱包即可领取。回T退订", "PRO003"),
        # the opt-out routed to an official account
        ("【禾川银行】周末观影5折，详询网点。退订方式：关注“禾川银行”服务号，回T退订", "OPT001"),
        # a cardholder's name field
        ("【禾川银行】尊敬的【持卡人姓名】，您的账单已出，应还980.00元，最后还款日6月25日。", "FMT001"),
        # a local-government debt product
        ("【禾川财富】江北城投债权3号开放认购，年化8%，10万起投。投资有风险。回T退订", "PRO006"),
    ],
)
def test_rt150_classes_in_other_words_fire(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【禾川银行】积分商城焕新：同样的积分，兑换到手的礼品只多不少。回T退订", "ADV001"),
        ("【禾川基金】禾川红利ETF将于6月20日分红，参与本次分红至少需在6月18日持有份额。", "ADV001"),
        ("【禾川银行】数字人民币是法定货币，钱包余额不计付利息，也不存在投资风险。回T退订", "ADV001"),
        (
            "【禾川银行】投教：选基金市场上没有比较统一的标准，要看自身风险承受能力。基金有风险，投资须谨慎。",
            "ADV002",
        ),
        ("【禾川银行】活动时间以本行系统记录为唯一有效依据，详询95599。回T退订", "ADV002"),
        ("【禾川银行】存单质押年化利率（单利）3.4%起，可借金额达存单面值的90%，随借随还。回T退订", "DIS001"),
        ("【禾川银行】新春空投：2张5元话费立减券已放入您的卡包，有效期至2月28日。回T退订", "PRO003"),
        ("【禾川银行】每日登录领金币，金币空投进行中，集满1000金币兑换话费。回T退订", "PRO003"),
        ("【禾川保理】应收账款回款慢？禾川保理融资年化利率（单利）9%起，按月回款按月结息。回T退订", "PRO007"),
        ("【禾川银行】借贷小课堂：部分网贷的利息能达到存款利息的10倍以上，借款前请看清年化利率。", "PRO007"),
        (
            "【禾川银行】今年手机银行在售理财产品数量翻了一番，更多选择等您发现。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        (
            "【禾川基金】禾川价值混合净值已翻一番（2012年成立至今），过往业绩不代表未来表现。基金有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        ("【禾川证券】致每一位潜力股：新开户即享行情免费体验。股市有风险，入市需谨慎。回T退订", "PRO001"),
        ("【禾川银行】企业网银开通成功【客户名称】禾川科技有限公司【账号尾号】8821。", "FMT001"),
        ("【禾川银行】话费券已发放至禾川App内 回T退订", "OPT001"),
        ("【禾川银行】禾川普惠经营贷为小微企业提供稳定融资支持，年化利率（单利）3.6%起。回T退订", "PRO006"),
    ],
)
def test_rt150_neighbours_raise_no_error(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_an_event_venue_is_no_ones_home(checker: Checker) -> None:
    venue = "【禾川证券】6月20日投资者教育讲座在杭州市西湖区禾川大厦3座1201室举行，免费参加。回T退订"
    assert "PRV004" not in found_codes(checker, venue)
    home = "【禾川银行】您的新卡已寄往杭州市西湖区清河花园2号楼1单元302室，请注意查收。"
    assert found_codes(checker, home).get("PRV004") == "warning"


def test_an_opt_out_priced_in_its_bracket_is_void(checker: Checker) -> None:
    """The bracket after an opt-out is its own terms to the closing bracket: a price there, past a
    comma, voids it (a free opt-out said there keeps it)."""
    priced = "【禾川银行】积分兑换季开启。回T退订（免费，但需支付信息费0.1元/条）"
    assert "OPT001" in error_codes(checker, priced)
    free = "【禾川银行】积分兑换季开启，详询95599。回T退订（本短信不收取信息费）"
    assert "OPT001" not in _codes(checker, free)
