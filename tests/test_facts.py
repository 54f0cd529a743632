"""The shared fact extractor: numerals in every form, figures with roles, contact points."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.facts import extract_facts, find_contacts, read_figures, read_rates
from assistant.text.bidi import display_order, to_display
from assistant.text.normalize import fold, normalize
from assistant.text.numbers import parse_cn_number, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十二", 12),
        ("二十五", 25),
        ("三百零五", 305),
        ("两千五", 2500),
        ("一万二", 12000),
        ("叁仟贰佰捌拾", 3280),
        ("贰拾万", 200000),
        ("捌拾", 80),
        ("四点五", 4.5),
        ("零点零三", 0.03),
        ("一亿二千万", 120000000),
        ("幺三八", 138),
    ],
)
def test_chinese_and_capital_numerals(text: str, value: float) -> None:
    assert parse_cn_number(text) == value


@pytest.mark.parametrize("text", ["一点", "点五", "千万不", "稳赚"])
def test_words_are_not_numerals(text: str) -> None:
    assert parse_cn_number(text) is None


def test_digits_of_every_script_fold_to_ascii() -> None:
    assert fold("٣٤ ३ ③ ３ 𝟑") == "34 3 3 3 3"
    assert parse_number("1.2万") == 12000 and parse_number("3,280.00") == 3280


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("年化收益一成", "rate", "10"),
        ("年化收益一成绩效", "rate", "10"),  # right after a rate word: a rate, whatever follows
        ("收益高两成", "rate", "20"),
        ("另享五厘加息", "rate", "0.5"),
        ("年息五厘", "rate", "5"),
        ("相当于八分利", "rate", "8"),
        ("年息一分", "rate", "10"),
        ("再加半个百分点", "rate", "0.5"),
        ("上浮五十个基点", "rate", "0.5"),
        ("业绩比较基准伍%", "rate", "5"),
        ("五％", "rate", "5"),
        ("四点五%", "rate", "4.5"),
        ("十%", "rate", "10"),
        ("⑤%", "rate", "5"),
        ("赎回费3‰", "rate", "0.3"),
        ("千分之三", "rate", "0.3"),
        ("日息万分之一", "rate", "0.01"),
        ("日息万五", "rate", "0.05"),
        ("每万元每天一块五", "rate", "0.015"),
        ("年化利率7.2%-18%", "rate", "7.2-18"),
        ("收益翻番", "multiple", "2"),
        ("收益是存款的三倍", "multiple", "3"),
        ("打八五折", "discount", "8.5"),
        ("本期应还3,280.00元", "money", "3280"),
        ("叁仟贰佰元", "money", "3200"),
        ("贰仟叁佰伍拾陆元捌角", "money", "2356.8"),
        ("一块五", "money", "1.5"),
        ("可借20万", "money", "200000"),
        ("十二月二十五日", "date", "12-25"),
        ("12/25", "date", "12-25"),
        ("请于25日前还款", "date", "?-25"),
        ("下午3点半", "time", "15:30"),
        ("可顺延三天", "duration", "3天"),
        ("1-3个工作日到账", "duration", "3工作日"),
        ("仅剩最后3个名额", "count", "3"),
    ],
)
def test_figures_are_read_in_every_form(text: str, kind: str, value: str) -> None:
    figures = [f for f in read_figures(text) if f.kind == kind]
    assert figures and figures[-1].value == value, read_figures(text)
    for f in read_figures(text):
        assert f.text == text[f.start : f.end]


@pytest.mark.parametrize(
    "text",
    [
        "多一点收益",
        "一起来",
        "一笔借款",
        "成功办理",
        "千万不要错过",
        "一定要",
        "规则一成不变",
        "考试成绩一成绩单",
    ],
)
def test_words_with_numeral_characters_are_not_figures(text: str) -> None:
    assert read_figures(text) == []


def test_rates_carry_their_period() -> None:
    assert [(r.value, r.period) for r in read_rates("月息八厘")] == [("0.8", "month")]
    assert [(r.value, r.period) for r in read_rates("每万元每天一块五")] == [("0.015", "day")]
    assert [r.period for r in read_rates("年化收益4.5%")] == ["year"]


def test_facts_have_roles() -> None:
    bill = "【明德银行】您尾号3307的信用卡本期应还3,280.00元，最低还款额328.00元，账单日12月1日，最后还款日12月25日。"
    roles = {(f.role, f.value) for f in extract_facts(bill)}
    assert {
        ("tail", "3307"),
        ("amount_due", "3280"),
        ("min_payment", "328"),
        ("statement_date", "12-1"),
        ("due_date", "12-25"),
        ("signature", "明德银行"),
    } <= roles
    loan = "【捷贷】借款额度10,000-200,000元，年化利率7.2%-18%，请于12月8日前还款，余额1,000元"
    roles = {(f.role, f.value) for f in extract_facts(loan)}
    assert {
        ("credit_limit", "10000"),
        ("credit_limit", "200000"),
        ("loan_rate", "7.2-18"),
        ("due_date", "12-8"),
        ("balance", "1000"),
    } <= roles
    wealth = "【明德银行】明德月月盈业绩比较基准2.80%，100元起购。"
    roles = {(f.role, f.value) for f in extract_facts(wealth, ["明德月月盈"])}
    assert {("yield", "2.8"), ("min_purchase", "100"), ("product", "明德月月盈")} <= roles


def test_a_tail_in_chinese_numerals_is_the_same_tail() -> None:
    assert {(f.role, f.value) for f in extract_facts("您尾号叁叁零柒的卡")} >= {("tail", "3307")}


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("详询 mingde-vip.com", "url", "mingde-vip.com"),
        ("官网 http://10.2.3.4/wm", "url", "10.2.3.4/wm"),
        ("访问明德理财.中国", "url", "明德理财.中国"),
        ("登录ｍｄ－ｖｉｐ．ｃｏｍ", "url", "md-vip.com"),
        ("访问 mdvip点com", "url", "mdvip.com"),
        ("访问 mdvip dot com", "url", "mdvip.com"),
        ("详询一三八一二三四五六七八", "phone", "13812345678"),
        ("详询壹叁捌壹贰叁肆伍陆柒捌", "phone", "13812345678"),
        ("详询①③⑧①②③④⑤⑥⑦⑧", "phone", "13812345678"),
        ("详询400-820-8888", "phone", "4008208888"),
        ("致电010-88886666", "phone", "01088886666"),
        ("客服95588", "phone", "95588"),
        ("加微信mdbank888", "im", "wechat:mdbank888"),
        ("添加VX：md_vip", "im", "wechat:mdvip"),
        ("加薇信md2026", "im", "wechat:md2026"),
        ("理财交流QQ群123456789", "im", "qq:123456789"),
        ("扣扣87654321", "im", "qq:87654321"),
        ("群号：六六八八九九", "im", "group:668899"),
        ("加客服微信领取", "im", "wechat:@personal"),  # a person's account, not the sender's channel
        ("关注明德银行微信公众号", "im", "channel:公众号"),
        ("欢迎进入我行直播间", "im", "channel:直播间"),
        ("详询 kefu@mingde-vip.com 。", "url", "mingde-vip.com"),
        ("下载明德优选APP即可购买", "im", "app:明德优选"),
        ("添加您的专属理财顾问为好友可了解详情", "im", "friend:您的专属理财顾问"),
        ("加绿泡泡了解详情", "im", "wechat:"),
        ("回T退订【明德理财】", "signature", "明德理财"),
    ],
)
def test_contact_points_in_every_spelling(text: str, kind: str, value: str) -> None:
    found = {(c.kind, c.value) for c in find_contacts(text)}
    assert (kind, value) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "本期应还3,280.00元，最后还款日12月25日",
        "于2026-01-15 14:32消费支出1,560.00元",
        "可通过微信银行查询账单",
        "我们是中国的公司",
        "投资10000元",
        "请登录明德银行App查看",  # an app named, not one to download
        "邀请好友注册",
    ],
)
def test_figures_are_not_contact_points(text: str) -> None:
    assert [c for c in find_contacts(text) if c.kind in ("phone", "url", "im")] == []


def test_a_right_to_left_override_is_matched_in_display_order() -> None:
    text = "理财\u202e赔不赚稳\u202c好"
    assert to_display(text) == "理财稳赚不赔好"
    assert display_order("没有方向控制") is None
    nt = normalize(text)
    assert "稳赚不赔" in nt.compact
    at = nt.compact.find("稳赚不赔")
    start, end = nt.compact_span(at, at + 4)
    assert text[start:end] == "赔不赚稳"  # the span maps to the original characters


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】稳健理财年化一成，欢迎选购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】新品理财月息八厘，欢迎选购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】新品理财收益八分利，欢迎选购。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_the_yield_rule_reads_traditional_rate_forms(text: str) -> None:
    found = {f.code for f in Checker().check(text).findings if f.severity == "error"}
    assert "PRO007" in found


def test_a_loan_rate_in_traditional_form_is_not_a_return() -> None:
    text = "【捷贷消费金融】借款月息八厘，年化利率9.6%。回T退订"
    assert "PRO007" not in {f.code for f in Checker().check(text).findings}


def test_an_age_in_zhousui_is_no_duration_in_weeks() -> None:
    """周岁 is an age in years: 85周岁 is the count 85 (as 85岁 is), while 2周 stays two weeks."""
    age = read_figures("投保年龄最高85周岁")
    assert [(f.kind, f.value) for f in age] == [("count", "85")]
    assert [f.kind for f in read_figures("等待期2周")] == ["duration"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("年息一分二", "12"),
        ("年化一分二", "12"),
        ("年息1分2", "12"),
        ("年利率一分五厘", "15"),
        ("年化收益一分", "10"),
        ("年息八厘", "8"),
        # a hedge or a verb between the year and the figure (rt81)
        ("年化约一分二", "12"),
        ("每年能拿一分二", "12"),
        ("一年下来一分二的收益", "12"),
        ("年均一分二", "12"),
    ],
)
def test_yearly_fen_and_li_are_read_whole(text: str, value: str) -> None:
    """年息一分二 is 12% a year: 分 is ten percent and the digit after it one percent; reading
    only 一分 gave 10% and let a 12% promise pass under the 8% line's neighbours."""
    assert [(r.value, r.period) for r in read_rates(text)] == [(value, "year")]


@pytest.mark.parametrize(
    "text", ["年化收益一分钱起算", "年化3分钟到账", "一年下来十分划算", "每年能拿一分不少"]
)
def test_yearly_fen_is_not_a_cent_or_a_minute(text: str) -> None:
    assert read_rates(text) == []


@pytest.mark.parametrize(
    "text", ["每天万三", "每日万三", "日万三", "天天万三", "一天万三", "日赚万三", "日收益万三"]
)
def test_a_day_then_wan_n_is_a_daily_rate(text: str) -> None:
    """Traders' shorthand for 万分之三 a day (about 10.95% a year) after a day word."""
    assert [(r.value, r.period) for r in read_rates(text)] == [("0.03", "day")]


@pytest.mark.parametrize("text", ["今日万三", "节日万三", "每天万元", "生日万事如意"])
def test_a_date_or_an_amount_is_no_daily_rate(text: str) -> None:
    assert read_rates(text) == []


def test_mao_for_fen_after_a_yearly_cue_is_a_rate() -> None:
    """年化一毛二 (folk 毛 for 分) is 12% a year; 一毛钱 is ten cents, no rate (rt79)."""
    from assistant.text.figures import read_rates

    rates = [m for m in read_rates("年化一毛二") if m.kind == "rate"]
    assert rates and abs(rates[0].number - 12.0) < 1e-9
    assert not [m for m in read_rates("每年一毛钱都不收") if m.kind == "rate"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("年化收益十一点五", 11.5), ("年化大概十几个点", 10.0), ("年化收益率两点八", 2.8)],
)
def test_chinese_decimals_and_rough_points_after_a_yearly_cue(text: str, value: float) -> None:
    """年化收益十二点五 is 12.5%; 十来个点 / 十几个点 about ten points (rt83)."""
    from assistant.text.figures import read_rates

    rates = [m.number for m in read_rates(text) if m.kind == "rate"]
    assert rates and abs(rates[0] - value) < 1e-9
