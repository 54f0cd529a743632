"""Claims a notice reports in order to retract them, and claims asked and answered "no".

A complaint reply, a correction or an apology quotes what someone said (推介时称“…”,
短信中“…”) and then judges it wrong (此说法错误, 该表述不当, 该言行违反公司规定); an
investor-education Q&A asks a question and answers it with a bare "no" (…吗？答案是没有).
Neither makes the claim — but the Q&A shape also carries claims (red teams rt21/rt22:
你以为…吗？不是。), so that one is only downgraded to a warning for review.  The cancellation needs all of its parts — the claim quoted, the
judgement pointing back at the quote, or the bare negative answer — so a sender cannot
clear its own claim by quoting it, by a judgement that praises it, by a question it answers
"yes", or by a rhetorical question.  Written before the mechanism (held-out reviewer sets
c70 showed the class: 18 false errors per 100 compliant drafts).
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _codes(checker: Checker, text: str) -> dict[str, str]:
    return {f.code: f.severity for f in checker.check(text).findings if f.code != "LEN001"}


RETRACTED = [
    # reported speech, judged by a clause that points back at it
    (
        "【松岩银行】致歉：我行一名员工在朋友圈称“松岩稳盈1号保本保息”，该表述错误，已责令删除并严肃处理。",
        "ADV001",
    ),
    (
        "【诚衡资产】致歉：我司催收员曾在电话中对您称“要通知您单位领导”，该言行违反公司规定，已被辞退。",
        "COL001",
    ),
    (
        "【岚山基金】您投诉的销售人员称“某知名经济学家力荐这只基金”，此说法未经我司授权，已要求渠道整改。",
        "ADV004",
    ),
    # the quote judged right after it
    ("【岚山基金】更正：11月30日短信中“零风险”的表述不当，特此更正：货币基金不保证本金和收益。", "ADV001"),
    # quoted lures disowned
    ("【汇通支付】“转发到3个群领红包”“分享链接赚现金”等消息均非本公司发布，请勿点击不明链接。", "LNK003"),
]


@pytest.mark.parametrize(("text", "code"), RETRACTED)
def test_a_retracted_quote_is_not_the_senders_claim(checker: Checker, text: str, code: str) -> None:
    r = checker.check(text)
    assert code not in _codes(checker, text)
    cancelled = [f for f in r.suppressed if f.code == code]
    assert cancelled, "the cancellation is recorded"
    assert any(e.effect == "cancelled" for e in cancelled[0].context)


NOT_RETRACTED = [
    # quoted and endorsed, not judged
    ("【松岩银行】客户经理常说“松岩稳盈1号保本保息”，这话一点没错！回T退订", "ADV001"),
    # the judgement asked, and answered yes
    ("【松岩银行】我行理财经理称“闭眼买都稳赚不亏”，此说法错误吗？当然不是！回T退订", "ADV001"),
    # the judgement is about the wording, the claim is made again unquoted
    ("【松岩银行】“保本保息”的表述不规范，准确地说，松岩稳盈1号本息无忧。回T退订", "ADV001"),
    # disowned as a slogan, owned as a fact
    ("【松岩银行】“稳赚不赔”不是本行的口号，是客户的真心话。回T退订", "ADV001"),
    # an unquoted lure before a disowned quoted one
    ("【汇通支付】转发给好友即可领现金，名额有限！“转发到群领红包”等消息均非本公司发布。回T退订", "LNK003"),
    # a judgement of someone else's wording, then the claim
    ("【岚山基金】别家说“零风险”的说法错误，岚山稳健A才是真正的零风险。回T退订", "ADV001"),
    # the judgement denied a few words before it (rt52)
    ("【松岩金服】顾问说“不看征信，黑户也能下款”，这个说法并无任何不当，欢迎咨询。回T退订", "DIS003"),
    # "corrected" upward, or endorsed right after (rt52)
    ("【松岩财经】老师说“推荐的股票天天涨停”，该说法不准确，准确地说是十只里九只涨停。回T退订", "PRO001"),
    ("【松岩资本】有人称“原始股内部认购，上市翻十倍”，此说法有误，应为翻二十倍。回T退订", "PRO005"),
    ("【松岩银行】经理称“松岩稳盈保本保息”，该说法未经总行授权，但所言属实。回T退订", "ADV001"),
]


@pytest.mark.parametrize(("text", "code"), NOT_RETRACTED)
def test_a_quote_that_is_not_retracted_still_fires(checker: Checker, text: str, code: str) -> None:
    assert _codes(checker, text).get(code) == "error"


ANSWERED_NO = [
    ("【岚山银行】投资者教育：零风险高收益的产品存在吗？不存在。请通过正规渠道购买理财。", "ADV001"),
    # an A-not-A answered outright outside an education frame (rt82): still reviewed
    ("【岚山基金】货币基金是不是零风险？不是。货币基金也可能亏损。基金有风险，投资需谨慎。", "ADV001"),
]
#: An A-not-A answered "no" outright in an education or Q&A frame that offers nothing (rt53,
#: rt82): the answer's negation is a denial, so nothing is reported.
ANSWERED_NO_IN_EDUCATION = [
    "【岚山证券】问：有没有稳赚不赔的基金？答：没有。基金有风险，投资需谨慎。",
    # (and a plain yes/no question, or an answer that says "the answer is no": session from 23:18)
    "【岚山银行】常有客户问：现在还有保本的理财吗？答案是没有。银行理财均已净值化。",
    "【岚山基金】投教问答：指数基金会不会稳赚不赔？答案是否定的。基金有风险，投资需谨慎。",
    "【岚山基金】投教问答：货币基金是不是零风险？不是。货币基金也可能亏损。基金有风险，投资需谨慎。",
]


@pytest.mark.parametrize("text", ANSWERED_NO_IN_EDUCATION)
def test_an_a_not_a_answered_no_in_education_is_a_denial(checker: Checker, text: str) -> None:
    assert "ADV001" not in _codes(checker, text)
    r = checker.check(text)
    assert any(e.effect == "cancelled" for f in r.suppressed if f.code == "ADV001" for e in f.context)


@pytest.mark.parametrize(("text", "code"), ANSWERED_NO)
def test_a_question_answered_no_is_reviewed_not_failed(checker: Checker, text: str, code: str) -> None:
    """A warning, not a cancellation: the same shape carries claims (see ANSWERED_YES and
    the red-team sets rt21, rt22), so a human looks.  The claim is no marketing evidence
    either: an investor-education Q&A is not read as an ad missing its opt-out."""
    r = checker.check(text)
    f = next(f for f in r.findings if f.code == code)
    assert f.evidence not in checker.kind_evidence(text).words["marketing"]
    assert _codes(checker, text).get(code) == "warning"
    f = next(f for f in r.findings if f.code == code)
    assert any(e.effect == "downgraded" and "否定" in e.reason for e in f.context)


ANSWERED_YES = [
    # the "no" followed by the sender's own yes or a sale, in any words (rt52)
    ("【岚山银行】别的理财能稳赚不赔吗？不能。在岚山就能。回T退订", "ADV001"),
    ("【岚山财经】有没有一只明天必涨停的股票？没有。王老师手里有三只，加V了解。回T退订", "PRO001"),
    ("【岚山银行】稳赚不赔的理财存在吗？不存在。岚山鑫享1号例外，年化5%。回T退订", "ADV001"),
    # an A-not-A question denies nothing: its 没/不 is no negation
    ("【岚山银行】有没有稳赚不赔的理财？有！岚山稳盈1号，1万起购。回T退订", "ADV001"),
    ("【岚山银行】是不是保本的？是！岚山稳盈1号。回T退订", "ADV001"),
    # a "no" that answers a presupposition, or is followed by the claim for the sender
    ("【岚山基金】买基金能稳赚不赔吗？不能。别家不能，岚山稳盈却能做到。回T退订", "ADV001"),
    ("【岚山银行】问：只有存款才保本吗？答：没有的事，岚山安心盈理财也一样。回T退订", "ADV001"),
    ("【岚山银行】现在还有保本的理财吗？有！岚山稳盈1号，到期本金一分不少。回T退订", "ADV001"),
    ("【岚山银行】保本理财还能买到吗？当然能，岚山稳盈1号限量发售。回T退订", "ADV001"),
    ("【岚山银行】还在找稳赚不赔的理财吗？没有比岚山稳盈更好的选择。回T退订", "ADV001"),
    ("【岚山银行】谁说理财不能保本？岚山稳盈1号保本保息。回T退订", "ADV001"),
]


@pytest.mark.parametrize(("text", "code"), ANSWERED_YES)
def test_a_question_answered_yes_or_rhetorical_still_fires(checker: Checker, text: str, code: str) -> None:
    assert _codes(checker, text).get(code) == "error"


def test_a_correction_or_complaint_reply_is_a_notice(checker: Checker) -> None:
    """The retracted words are no marketing evidence, and answering a complaint or
    correcting a message is the sender's own conduct (kind family ``complaint``)."""
    r = checker.check(
        "【岚山基金】更正：11月30日短信中“零风险”的表述不当，特此更正：货币基金不保证本金和收益。给您带来困扰，深表歉意。"
    )
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", r.findings
    # an apology that then sells is still marketing
    sale = checker.check(
        "【岚山基金】给您带来不便深表歉意！为表诚意，岚山稳盈理财新客专享年化4.5%，立即抢购！回T退订"
    )
    assert sale.kind == "marketing"


def test_threats_an_impostor_makes_quoted_in_a_warning_are_named_not_made(checker: Checker) -> None:
    """以“…”相威胁 frames the quoted words as someone's threat, 自称我司 is the impostor and
    我司严禁 the sender's own ban: none of it is the sender speaking for itself."""
    warned = checker.check(
        "【禾信消费金融】如您接到自称我司催收人员、以“爆通讯录”“上门”相威胁的电话，请立即拨打400-818-2288核实并投诉，我司严禁此类行为。"
    )
    assert warned.verdict == "pass", warned.findings
    # the sender's own threat in the same words stays reported
    own = checker.check("【禾信消费金融】您已逾期30天，再不还款我们将以“爆通讯录”“上门”相威胁，后果自负。")
    assert "COL001" in {f.code for f in own.findings}
    # a ban of the sender's own staff does not launder a quoted claim it then owns
    owned = checker.check("【鑫盛财富】我司严禁员工承诺收益，但“稳赚不赔”是客户的真实体验，详询。回T退订")
    assert "ADV001" in {f.code for f in owned.findings if f.severity == "error"}


@pytest.mark.parametrize(
    "text",
    [
        "【岚山银行】投教提示：无论产品是不是保本，投资前都应仔细阅读产品说明书。",
        "【岚山银行】投资者教育：不论有没有保底收益的承诺，都请通过正规渠道购买理财产品。",
    ],
)
def test_whether_or_not_sets_the_claim_aside(checker: Checker, text: str) -> None:
    """无论/不论 before an A-not-A: "whether or not", no claim (rt53)."""
    assert "ADV001" not in {f.code for f in checker.check(text).findings}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a "retraction" in a message that sells: how a sender vouches for its own claim (rt54)
        ("【松岩银行】客户经理称“松岩稳盈保本保息”，该说法不准确，实际收益更高。1万起购。回T退订", "ADV001"),
        ("【松岩基金】“松岩稳健零风险”的说法经核查不实？恰恰相反，欢迎认购。回T退订", "ADV001"),
    ],
)
def test_a_retraction_in_a_message_that_sells_is_reviewed_not_cancelled(
    checker: Checker, text: str, code: str
) -> None:
    """In a marketing message the claim stays a finding (a warning at least): the
    retraction is not allowed to clear it."""
    r = checker.check(text)
    assert r.kind == "marketing"
    assert code in _codes(checker, text)
    assert not any(f.code == code for f in r.suppressed)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the sender's own product asked about: the "no" is the claim (rt54)
        ("【岚山银行】我们的稳盈1号理财会不会亏？不会。回T退订", "ADV001"),
        ("【岚山银行】本行鑫享2号保本吗？是的，不会少一分。回T退订", "ADV001"),
        # a question about risk or loss answered "no" claims safety (rt54)
        ("【岚山基金】岚山稳健A有没有风险？没有。详询4008001234。回T退订", "ADV001"),
        ("【岚山基金】岚山稳健A基金会亏本吗？不会。回T退订", "ADV001"),
    ],
)
def test_a_no_about_the_senders_own_product_or_its_risk_is_the_claim(
    checker: Checker, text: str, code: str
) -> None:
    assert _codes(checker, text).get(code) == "error"


def test_an_apology_that_then_sells_is_marketing(checker: Checker) -> None:
    """The complaint family is service evidence only when nothing is offered and at most
    one product word is named (rt54: an apology in front of a withdrawal push)."""
    for text in (
        "【松岩人寿】短信重复发送，深表歉意。福满堂年金险月底停售，欢迎咨询。",
        "【华信消费金融】关于您反映的问题，深表歉意。华信借钱，借1万元每天利息仅2元，随借随还。",
    ):
        r = checker.check(text)
        assert r.kind == "marketing", (text, r.kind_reason)
        assert r.verdict == "fail"


@pytest.mark.parametrize(
    "text",
    [
        # a correction that denies the claim, or turns to the reader, after 事实上/但 (rt55)
        "【松岩理财】更正：12月5日短信中“保本保息”的表述错误。事实上，理财产品不保本，收益随市场波动。",
        "【松岩银行】关于您反映的问题：客户经理推介时称该产品“保本保息”，该表述错误，已对其问责。但请放心，您持有的产品运作正常，可在App查询净值。",
    ],
)
def test_a_correction_that_denies_or_reassures_still_retracts(checker: Checker, text: str) -> None:
    assert "ADV001" not in {f.code for f in checker.check(text).findings if f.severity == "error"}


def test_an_a_not_a_question_answered_by_denying_its_words_is_reviewed(checker: Checker) -> None:
    """是不是保本的？…不再承诺保本: the answer denies the very words asked about (rt55); an
    answer that affirms them is still the claim."""
    edu = checker.check("【松岩理财】投资者常问：银行理财是不是保本的？请注意：银行理财产品不再承诺保本。")
    # (an education Q&A that offers nothing: denied outright, session from 23:18)
    assert {f.code: f.severity for f in edu.findings}.get("ADV001") is None
    asked = checker.check(
        "【松岩理财】银行理财是不是保本的？请注意：银行理财产品不再承诺保本。松岩稳盈1万起购。"
    )
    assert {f.code: f.severity for f in asked.findings}.get("ADV001") in ("warning", "error")
    sold = checker.check("【松岩理财】银行理财是不是保本的？请注意：松岩稳盈是保本的，1万起购。回T退订")
    assert {f.code: f.severity for f in sold.findings}.get("ADV001") == "error"


def test_a_no_followed_by_a_numbered_product_is_a_foil(checker: Checker) -> None:
    """没有。鑫享2号打破了这个答案: the product named after the "no" is the sender's yes (rt55)."""
    r = checker.check("【松岩财富】有没有稳赚不赔的理财？没有。松岩鑫享3号做到了另一种可能。回T退订")
    assert {f.code: f.severity for f in r.findings}.get("ADV001") == "error"


def test_an_apology_with_pressure_to_buy_is_not_a_notice(checker: Checker) -> None:
    """Complaint words are no service evidence beside a withdrawal pushed (rt55)."""
    r = checker.check(
        "【松岩人寿】致歉：昨日短信误将福满堂年金险停售日期写为12月31日，实际停售日为12月20日，请尽快安排。"
    )
    assert r.kind != "service", r.kind_reason
    assert r.verdict != "pass"


def test_a_condemned_past_act_reported_in_a_complaint_reply_is_not_a_threat(checker: Checker) -> None:
    """外包催收人员曾向您的同事发送消息，此行为违反我司规定: someone else's past act reported
    to condemn it (rt55).  The act endorsed, or a threat made afterwards, still fires."""
    reply = checker.check(
        "【禾信消费金融】关于您投诉的催收问题：经核实，委外催收员曾向您的领导发送消息，此行为违反我司规定，已终止合作。"
    )
    assert "COL001" not in {f.code for f in reply.findings}
    assert any(f.code == "COL001" and f.context for f in reply.suppressed)
    endorsed = checker.check(
        "【禾信消费金融】委外催收员曾向您的领导发送消息，此行为完全合规。再不还款将继续通知。"
    )
    assert "COL001" in {f.code for f in endorsed.findings if f.severity == "error"}
    later = checker.check(
        "【禾信消费金融】我司催收员此前曾上门拜访，该行为违反规定，已处理。您的欠款请于3日内还清，否则将通知您的家人。"
    )
    assert "COL001" in {f.code for f in later.findings if f.severity == "error"}


def test_an_answer_that_denies_the_words_asked_is_reviewed_one_that_says_yes_is_not(checker: Checker) -> None:
    """还保本吗？答：…不再保本 denies the very words asked about: a warning, or nothing at all in a
    Q&A that offers nothing (session from 23:18); an answer that opens with yes (答：有，…不保本…
    才怪) asserts."""
    denied = checker.check("【松岩银行】问：银行理财还保本吗？答：资管新规后，银行理财不再保本。")
    assert {f.code: f.severity for f in denied.findings}.get("ADV001") is None
    offered = checker.check(
        "【松岩银行】银行理财还保本吗？答：资管新规后，银行理财不再保本。松岩稳盈1万起购。"
    )
    assert {f.code: f.severity for f in offered.findings}.get("ADV001") in ("warning", "error")
    yes = checker.check("【松岩银行】还有保本理财吗？答：有，松岩稳盈不保本…才怪。回T退订")
    assert {f.code: f.severity for f in yes.findings}.get("ADV001") == "error"


def test_a_quote_called_a_rumour_is_retracted(checker: Checker) -> None:
    r = checker.check("【松岩银行】网传“松岩稳盈保本保息”系谣言，我行从未发行该产品。")
    assert "ADV001" not in {f.code for f in r.findings if f.severity == "error"}
    confirmed = checker.check("【松岩银行】网传松岩稳盈“保本保息”，经核实属实，欢迎认购。回T退订")
    assert "ADV001" in {f.code for f in confirmed.findings if f.severity == "error"}


def test_a_confirmed_complaint_does_not_own_the_quoted_claim(checker: Checker) -> None:
    """您投诉的…承诺“保本”一事，经核实属实: the complaint is confirmed, the claim is the staff's."""
    r = checker.check("【松岩银行】您投诉的理财经理承诺“保本”一事，经核实属实，我行已对其处分并向您致歉。")
    assert "ADV001" not in {f.code for f in r.findings if f.severity == "error"}
