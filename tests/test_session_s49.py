"""Session of 2026-12-06 from 13:48: judgment classes from the development thirds of the sets
written this session and of the development pools, each written here in words of its own with
the wording beside it that must stay as it is.

- (withdrawn after red team rt178: three PRO007 readings — English "percent", a figure with
  only its period before it, 年息 on money raised from the reader — raised errors on everyday
  shares, fees and statistics; the everyday wording stays here as a guard);
- one weak marketing word alone (办理, 投保, 领取), nothing offered, called for or priced, and
  no sentence that alone reads as an offer: the kind model's sure "notice" settles it as one
  (``kind_decision.model_settle_word``) when the word is an act (``kind_settle_words``: 办理, 投保,
  领取 …); a product named or a call made keeps it in doubt (six real spam-labelled messages that
  named one loan, insurance or fund read to the model as notices); 您的 in a polite phrase (恭候您的
  光临) is courtesy, not the reader's own account;
- a retraction that is itself denied (的说法从未违规, 的宣传没半点不实, 的表述谈不上误导) or
  vouched for after all (所言非虚) retracts nothing: the claim is the sender's;
- the kind (red team rt176's development third): the reader's act reported done with no object
  after it (您已成功报名…讲座) and a quoted name as one word of the act's object (您报名的“…”活动因…)
  are the reader's own; a benefit withdrawn with the usual price restored (优惠政策到期，恢复按…收取)
  offers nothing; a certificate renewed (立即办理证书更新), a tax deduction the law gives (专项附加扣除)
  and an instalment missed (视为错过) are no calls; the next issue by its number put on sale
  (第15期6月12日开售) and a bill turned into N periods (将本期账单转为12期还款) are offers, so the notice
  they ride on is no longer silent (an issue's establishment, overdue debt restructured and credit by
  its share were withdrawn after rt180 found them in genuine notices);
- COL001: 诈骗 in a charge made against the reader (按诈骗罪向警方举报, 作为诈骗线索) is the threat, not
  an anti-fraud warning (a lender's signature as the debt's context was withdrawn after rt180);
- word boundaries (red team rt177's development third): the matching fold leaves everyday words
  alone (``match_fold_keep``: 最温暖 is no 最稳, 福袋 no loan) unless the trigger is the whole word;
  a claim family's hit does not start across two words (个人|大额 is no 人大, 家人|行车 no 人行:
  the generated boundaries now cover the two-character words a family starts with); a mixed
  trigger's Latin end does not run into a longer Latin word (支出USD is no 出u); fixed terms
  exempt (公益基金, 外商投资, 第一波, 续保需保证, 立即报案, 凭借, 亏待, 联系本公司协商,
  集团赞助, 供应链, a company's collection account);
- a determined sender (red team rt179's development third): a rank in slang after the peers
  (本地同行里算得上扛把子; not 一枝独秀, a market review's word — rt180), late payments waved off
  (晚还过几次也不打紧), a yield per 万块钱 a day, the PIN by when it is keyed and its count without 字 (取钱时输的那六个数), a message's
  text copied back (整条内容照抄回复), a season's 福利 in the signature's brackets (【年终福利】);
- an amount to draw held out with nothing asked for (您名下可支用的消费贷款额度为20万元, 当前可支用资金
  50000元) keeps a notice from being silent, not a line the reader applied for or got back.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import assert_service_pass, error_codes


# ------------------------------------------------- withdrawn: rates read by their period alone
# Three PRO007 readings added this session (a rate written with the English word "percent", a
# figure with only its period before it in a sale, 年息 on money raised from the reader) were
# withdrawn after a code-reading red team of them (rt178) showed them raising errors on everyday
# text: shares and statistics said per period (每年约20%的交易日, 每月约95%的来电), card
# instalment fees beside the mandatory 不得用于投资理财 line, a loan's APR beside the slogan 远离非法
# 集资, English bills, policies and fraud statistics (pay 10 percent of the balance, pays 100
# percent of costs).  These stay clear.
@pytest.mark.parametrize(
    "text",
    [
        "【青禾基金】定投小知识：A股波动较大，每年约20%的交易日涨跌幅超过2%，定投能够分散入场时点。投资有风险，入市需谨慎。",
        "【青禾理财】服务升级公告：自12月起客服热线新增智能应答，据统计，每月约95%的来电可在30秒内接通。",
        "【青禾银行】青禾薪享贷年化利率（单利）7.2%-14.4%，随借随还。请理性借贷，远离非法集资。回T退订",
        "【青禾银行】青禾信用卡账单分期：12期，每月约0.75%，折合年化利率约16.3%（单利）。分期资金不得用于购房、投资理财等。回T退订",
        "【Qinghe Bank】Card ending 3307: statement balance CNY 8,650.00, due 25 Dec. Minimum option: pay 10 percent of the balance.",
        "【Qinghe Insurance】Your travel policy is confirmed. It pays 100 percent of emergency medical costs abroad, up to CNY 500,000.",
    ],
)
def test_shares_fees_and_english_statistics_are_no_high_return(checker: Checker, text: str) -> None:
    assert "PRO007" not in error_codes(checker, text)


# ------------------------------------------------- one weak word, a notice's wording
@pytest.mark.parametrize(
    "text",
    [
        "【青禾人寿】您为孩子投保的教育金将于2027年9月1日领取第一笔，请提前确认领取账户。",
        "【青禾银行】网点柜员机支持远程协助办理业务，办理时请在密码键盘上自行输入密码，工作人员不会代您操作。",
    ],
)
def test_one_weak_word_in_a_notices_wording_is_a_notice(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_a_request_for_the_code_settled_as_a_notice_still_fails(checker: Checker) -> None:
    result = checker.check("【青禾银行】客服稍后来电为您办理额度调整，届时请把收到的6位数字读给客服核对。")
    assert result.kind == "service"
    assert "PRV003" in {f.code for f in result.findings if f.severity == "error"}
    assert "仅有一个营销词" in result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】您的专属理财经理为王芳，如需了解理财产品可致电400-620-9555转8。",
        "【青禾证券】12月起营业部新增港股通开通服务，符合条件的投资者可预约办理。",
        "【青禾人寿】青禾福寿年金险将于12月31日停售，请您提前确认。",
        "【青禾银行】本行大额存单利率近期将下调，请您提前做好资金安排。",
        # (too few features the model knows: its reading is the prior, which leans to notices)
        "【青禾银行】这款产品口碑不错。",
        # (a product named is never the one word settled: real spam reads to the model as a notice)
        "【青禾车行】本店提供二手车置换、贷款、上牌等多种服务，地址：南城路18号，随时恭候您的光临。",
        "【青禾车行】车辆保险、年检、过户一站式服务，联系电话0571-88001234，地址：南城路18号。",
    ],
)
def test_a_product_named_or_offered_stays_in_doubt(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"


# ------------------------------------------------- a retraction denied
@pytest.mark.parametrize(
    "text",
    [
        "【青禾财富】“青禾稳盈保本保息”的说法从来没有违规，本月认购享费率1折。回T退订",
        "【青禾财富】青禾1号“零风险”的宣传没一点不实，12月31日截止认购。回T退订",
        "【青禾财富】青禾稳盈“稳赚不赔”的表述算不上误导，欢迎来电咨询。回T退订",
        "【青禾财富】理财经理称“青禾1号保本保息”，该说法未经公司授权发布，但句句属实。回T退订",
    ],
)
def test_a_retraction_denied_or_vouched_for_keeps_the_claim(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】网传“青禾理财保本保息”的说法不实，我行从未作出此类承诺，理财非存款，产品有风险。",
        "【青禾银行】理财经理称“青禾1号保本保息”，该说法未经公司授权，系个人行为，我行从未作出此类承诺。",
    ],
)
def test_a_retraction_followed_by_never_still_retracts(checker: Checker, text: str) -> None:
    assert "ADV001" not in error_codes(checker, text)


# ------------------------------------------------- the kind (rt176)
@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】您已成功报名7月3日19:00“远离电信诈骗”线上课堂，届时登录手机银行“直播”栏目即可观看。",
        "【青禾银行】您参加的“存款有礼”活动因存期未满3个月，礼品价值66元将从您尾号4410账户扣回，请知悉。",
        "【青禾银行】自8月1日起，本行手机银行跨行转账手续费优惠政策到期，恢复按每笔0.5元收取。详询95388。",
        "【青禾银行】您的网银U盾证书将于7月31日到期，请立即办理证书更新，可登录网上银行“安全中心”在线完成。",
        "【青禾基金】您定投的青禾中证500指数A本期扣款失败，请于7月20日前确保账户资金充足，逾期本期定投视为错过。",
        "【青禾银行】您已预约7月12日10:00在城东支行办理大额存单提前支取，请回复1确认预约，回复2取消预约。",
        "【青禾银行】您尾号4412的储蓄卡已于7月3日办理销户，余额已转入您尾号7780的账户。感恩一路相伴。",
    ],
)
def test_notices_of_the_readers_own_act_or_price_are_notices(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】本行转账手续费优惠活动将于7月31日结束，抓紧办理！回T退订",
        "【青禾银行】您已成功报名青禾理财节，邀请好友报名再得50元。回T退订",
        "【青禾银行】您有一笔大额存单额度，回复1立即预约办理。",
        "【青禾银行】感恩回馈，存款满5万送好礼。回T退订",
    ],
)
def test_an_offer_ending_or_riding_on_an_act_still_sells(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "marketing"


@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】您持有的青禾稳盈90天理财（第21期）已于7月10日到期，本金及收益已划转至您尾号2231的账户。第22期7月12日开售，手机银行有售。",
        "【青禾银行】您尾号6621的信用卡7月账单已出，应还金额16,320.00元，到期还款日8月5日，可致电95388将本期账单转为12期还款。",
    ],
)
def test_an_offer_without_offer_words_after_a_notice_is_not_silent(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"


@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】您认购的青禾稳盈第22期已于7月12日成立，份额已确认。",
        "【青禾银行】您申请的账单分期已办理成功，本期账单已转为12期还款，首期还款日8月5日。",
        "【青禾人寿】您申请的保单贷款20,000元已到账，可按合同约定随时还款。",
    ],
)
def test_the_readers_own_issue_instalment_or_loan_is_a_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "service"


# ------------------------------------------------- COL001: withdrawn, the sender as the debt's context
# A lender's or collector's signature taken as the debt context (context.sender_pattern) was withdrawn
# after a red team of it (rt180) wrote lenders' everyday notices it turned into errors: a post-loan
# visit, a collateral appraisal, a contact's change confirmed.  These stay for review, not errors.
@pytest.mark.parametrize(
    "text",
    [
        "【青禾小贷】工作人员将于明日到您家中为您办理签约，请准备好身份证。",
        "【青禾小贷】您提交的紧急联系人变更已生效，新的紧急联系人已收到确认短信。",
        "【青禾消费金融】温馨提示：我司不会上门催收，也不会联系您的家人，如有人冒充请报警。",
    ],
)
def test_a_lenders_everyday_visit_is_no_error(checker: Checker, text: str) -> None:
    assert "COL001" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青禾小贷】你逾期不还，已按诈骗罪向警方举报。",
        "【青禾小贷】你拖欠的款项已作为诈骗线索提交给经济侦查部门。",
    ],
)
def test_a_fraud_charge_against_the_reader_is_the_threat(checker: Checker, text: str) -> None:
    assert "COL001" in error_codes(checker, text)


def test_a_fraud_charge_named_in_a_warning_is_no_threat(checker: Checker) -> None:
    text = "【青禾银行】有人冒充警方称您涉嫌诈骗罪，要求转账到安全账户，请勿相信。"
    assert checker.check(text).verdict == "pass"


# ------------------------------------------------- boundaries (rt177)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾银行】新春佳节，青禾银行向您送上最温暖的祝福，新春活动详见青禾银行App。回T退订", "ADV002"),
        ("【青禾银行】新春福袋来了！每天可抽1次福袋，抽中即得微信立减金。回T退订", "DIS001"),
        (
            "【青禾银行】您持有的个人大额存单到期还本付息，本息合计105,160.00元已转入您尾号6618的账户。",
            "ADV005",
        ),
        (
            "【青禾财险】驾乘意外险每份99元，为您和家人行车保障再添一道防线，投保请登录青禾财险App。回T退订",
            "ADV005",
        ),
        ("【青禾支付】您于12月3日在境外商户消费支出USD 58.20，已从尾号3307银行卡扣款。", "PRO003"),
        ("【青禾银行】“益起走”活动：每使用借记卡消费一笔，本行向青禾公益基金捐赠0.1元。回T退订", "ADV003"),
        ("【青禾银行】外商投资企业资本金账户开立、外汇登记一站式办理，详询对公客户经理。回T退订", "ADV003"),
        ("【青禾银行】开门红第一波福利来袭：新开借记卡并绑定手机银行，可领10元话费券。回T退订", "ADV002"),
        ("【青禾财险】开通自动续保需保证绑定银行卡余额充足，详询95500。回T退订", "ADV009"),
        (
            "【青禾基金】青禾基金凭借十余年固收投资经验，推出青禾纯债债券基金。基金有风险，投资须谨慎。回T退订",
            "DIS001",
        ),
        (
            "【青禾银行】感恩十年相伴，青禾银行绝不会亏待每一位老朋友，缴纳水电费可享随机立减。回T退订",
            "ADV001",
        ),
        (
            "【青禾消费金融】您的借款已逾期3天，请尽快还款。如确有困难，可致电95536联系本公司协商还款安排。",
            "COL001",
        ),
        ("【青禾银行】由青禾金融集团赞助的2026江城马拉松开放报名，持卡人报名可享9折。回T退订", "LNK003"),
        (
            "【青禾银行】为外贸企业及其供应链上下游人民币跨境结算提供一站式服务，详询客户经理。回T退订",
            "PRO003",
        ),
        (
            "【青禾消费金融】本期应还1,268.50元。如需对公转账还款，收款户名：青禾消费金融有限公司，"
            "账号：1202 0219 0900 6612 345，开户行：青禾银行上海分行。",
            "PRV002",
        ),
    ],
)
def test_everyday_words_are_not_the_triggers_inside_them(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾理财】青禾1号，温赚不赔。回T退订", "ADV001"),
        ("【青禾理财】本产品已获县人大常委会批准，到期由区财政兜底。回T退订", "ADV005"),
        ("【青禾理财】人行批准发行，稳健可靠。回T退订", "ADV005"),
        (
            "【青禾理财】政府信用担保，年化5.2%，1万元起投。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV005",
        ),
        ("【青禾币圈】高价收u，出u秒到账，微信联系。回T退订", "PRO003"),
        ("【青禾人寿】满期金可转投青禾鑫享年金险，相当于一份“零存整取”，年年领取。回T退订", "ADV008"),
        ("【青禾小贷】新春福利袋来了！额度最高可借20万元。回T退订", "DIS001"),
        ("【青禾银行】请核对您的银行卡号6222 0219 0900 6612 345是否正确。", "PRV002"),
    ],
)
def test_the_triggers_themselves_still_fire(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


# ------------------------------------------------- a determined sender (rt179)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾消费金融】青禾易贷年化利率（单利）7.2%-15.4%，在本地同行里算得上扛把子。回T退订", "ADV002"),
        ("【青禾消费金融】青禾贷年化利率（单利）7.2%-18%，过去晚还过几次也不打紧。回T退订", "DIS003"),
        (
            "【青禾基金】青禾日日盈货币基金，每万块钱每天能进账3块左右。基金有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        ("【青禾银行】客户经理周五上门办理激活，届时请把您平时取钱时输的那六个数报给他核对。", "PRV003"),
        ("【青禾银行】稍后系统会发您一条核对短信，收到后请把整条内容照抄回复给专员小刘。", "PRV003"),
        ("【年终福利】尊敬的客户，三年期定期存款年利率2.6%，5万元起存，欢迎到网点办理。回T退订", "SIG001"),
    ],
)
def test_a_determined_senders_wording_is_read(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾银行】您上月晚还过一次，已产生逾期记录，请按时还款，以免影响征信。", "DIS003"),
        ("【青禾银行】取钱时输的密码请勿告诉任何人，包括银行工作人员。", "PRV003"),
        (
            "【青禾基金】上周市场回顾：消费板块一枝独秀，本基金净值上涨1.2%。基金有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        (
            "【青禾基金】上周市场回顾：全市场中红利板块一枝独秀，科技板块有所回调。基金有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        (
            "【青禾银行】投资者提示：理财宣传中“稳赚不赔”的表述从来不符合监管规定，我行不会以任何形式承诺收益。",
            "ADV001",
        ),
        (
            "【青禾银行】如您掌握以保本保息为名非法吸收资金的诈骗线索，请拨打96110或向当地公安机关提供。",
            "ADV001",
        ),
        ("【平安好福利】您的积分将于12月31日到期，可在App兑换。", "SIG001"),
    ],
)
def test_its_everyday_neighbours_stay_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- an amount to draw held out
@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】您的房贷已连续36期按时还款，经系统评估，您名下可支用的消费贷款额度为20万元，登录手机银行可查看。",
        "【青禾消费金融】尊敬的用户，您的信用评分已更新，当前可支用资金50000元，登录青禾App首页查看。",
    ],
)
def test_an_amount_to_draw_held_out_is_not_a_silent_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"


@pytest.mark.parametrize(
    "text",
    [
        "【青禾消费金融】您申请的借款已审批通过，可支用额度为50000元，请登录App签约。",
        "【青禾消费金融】您已还款成功，可支用额度已恢复为50000元。",
        "【青禾银行】您的住房公积金账户当前可提取金额为32,000元。",
    ],
)
def test_a_line_applied_for_or_restored_is_a_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "service"
