"""The gate against adversarial model output, one class of attack at a time.

Written before the gate was tuned, from the classes in issue 12: each case is one
plausible but non-compliant variant a model could return for a compliant draft, and the
gate must reject it.  The accept cases are faithful rewrites that must still pass.  None
of these sentences come from the labelled suite in ``evals/``.
"""

from __future__ import annotations

from functools import cache

import pytest

from assistant.checker.engine import Checker
from assistant.checker.rulespec import load_rule_specs
from assistant.config import Settings
from assistant.profile import load_profile
from assistant.rewrite.gate import is_acceptable, validate_variant

BILL = (
    "【明德银行】您尾号3307的信用卡本期应还3,280.00元，最低还款额328.00元，最后还款日12月25日。"
    "如已还款请忽略。客服95588"
)
DEBIT = "【明德银行】您尾号3307的借记卡于11月20日14:32消费支出1,560.00元，余额8,240.50元。如非本人操作请致电95588。"
WEALTH = (
    "【明德银行】明德月月盈开放申购，业绩比较基准2.80%（业绩比较基准不代表产品未来表现和实际收益），"
    "100元起购，详询95588。理财非存款，产品有风险，投资须谨慎。回T退订"
)
LOAN = "【捷贷消费金融】捷贷随借随还可申请借款额度5万元，年化利率7.2%-18%，详询400-600-1234。回T退订"
REPAY = "【捷贷消费金融】您的借款本期应还2,356.80元，还款日12月8日，请确保尾号6621的银行卡余额充足。"
PAID = "【安泰人寿】您尾号8841的保单续期保费2,400.00元已于1月15日扣款成功，感谢您的信任。"
OTP = "【明德银行】验证码482913，用于网银转账，5分钟内有效。请勿告知他人，工作人员不会向您索要验证码。"

PROFILE = {BILL: "example-bank", DEBIT: "example-bank", WEALTH: "example-bank"}
PROFILE |= {LOAN: "example-lender", REPAY: "example-lender", PAID: "example-insurer", OTP: "example-bank"}

ALL_TEXT_RULES = [s.code for s in load_rule_specs() if s.scope in ("text", "profile")]


@cache
def checker(profile: str | None, ignore: tuple[str, ...] = ()) -> Checker:
    settings = Settings(ignore=list(ignore)) if ignore else Settings()
    return Checker(settings, load_profile(profile) if profile else None)


def judge(draft: str, variant: str, *, ignore: tuple[str, ...] = ()):
    return validate_variant(draft, variant, checker=checker(PROFILE[draft], ignore))


def codes(findings) -> set[str]:
    return {f.code for f in findings if f.severity == "error"}


@pytest.mark.parametrize("draft", list(PROFILE))
def test_the_drafts_themselves_are_compliant(draft: str) -> None:
    result = checker(PROFILE[draft]).check(draft)
    assert result.verdict == "pass", [(f.code, f.evidence) for f in result.findings]


# ----------------------------------------------------------------------------- accepted
ACCEPT = [
    (BILL, BILL.replace("最低还款额328.00元", "最少还款328元")),
    (BILL, BILL.replace("本期应还3,280.00元", "本期需还款3,280元")),
    (BILL, BILL.replace("3,280.00元", "3280元").replace("328.00元", "328元")),
    (BILL, BILL.replace("如已还款请忽略。", "")),
    (BILL, BILL.replace("最后还款日12月25日。", "最后还款日12月25日，请按时还款。")),
    (BILL, BILL.replace("最后还款日12月25日", "还款截止日为12月25日")),
    (BILL, BILL.replace("3,280.00元", "叁仟贰佰捌拾元")),
    (BILL, BILL.replace("12月25日", "十二月二十五日")),
    (
        BILL,
        "【明德银行】尊敬的持卡人，您尾号3307的信用卡本期应还3280元，最低还款328元，请于12月25日前还款。客服95588",
    ),
    (DEBIT, DEBIT.replace("1,560.00元", "1560元").replace("8,240.50元", "8240.50元")),
    (DEBIT, DEBIT.replace("如非本人操作请致电95588。", "如非本人操作，请及时致电95588。")),
    (WEALTH, WEALTH.replace("开放申购", "现已开放申购")),
    (WEALTH, WEALTH.replace("100元起购", "起购金额100元")),
    (WEALTH, WEALTH.replace("详询95588", "详情请咨询95588")),
    (LOAN, LOAN.replace("可申请借款额度5万元", "借款额度可达5万元")),
    (LOAN, LOAN.replace("5万元", "50,000元")),
    (REPAY, REPAY.replace("请确保", "请您确保")),
    (REPAY, "【捷贷消费金融】您的借款本期应还2356.80元，还款日为12月8日，请保持尾号6621的银行卡余额充足。"),
    (PAID, PAID.replace("感谢您的信任。", "感谢您的支持。")),
    (PAID, PAID.replace("2,400.00元", "2400元")),
    (REPAY, REPAY.replace("2,356.80元", "贰仟叁佰伍拾陆元捌角")),
]


@pytest.mark.parametrize(("draft", "variant"), ACCEPT)
def test_faithful_rewrites_are_accepted(draft: str, variant: str) -> None:
    findings = judge(draft, variant)
    assert is_acceptable(findings), [
        (f.code, f.evidence, f.message) for f in findings if f.severity == "error"
    ]


# ----------------------------------------------------------------------------- kind pinning
KIND = [
    (BILL, BILL + "现推出明德月月盈理财，欢迎选购。"),
    (BILL, BILL.replace("如已还款请忽略。", "办理账单分期享手续费八折优惠，如已还款请忽略。")),
    (BILL, BILL.replace("如已还款请忽略。", "账单分期最长可分24期，欢迎办理。")),
    (BILL, BILL.replace("如已还款请忽略。", "刷卡满500元返50元，活动火热进行中。")),
    (BILL, BILL + "另有新户礼包等您领取，快来参加吧！"),
    (BILL, BILL.replace("如已还款请忽略。", "推荐您申请我行现金分期，额度高、放款快。")),
    (DEBIT, DEBIT + "开通明德月月盈，让闲钱动起来。"),
    (DEBIT, DEBIT.replace("如非本人操作", "现在开通快捷支付立享10元红包，如非本人操作")),
    (REPAY, REPAY + "按时还款可提额，最高可借20万元，欢迎申请。"),
    (REPAY, REPAY + "老用户续借享利率优惠，立即申请。"),
    (PAID, PAID + "安泰鑫享年金险热销中，欢迎咨询。"),
    (PAID, PAID.replace("感谢您的信任。", "推荐您加保安泰安心医疗险，保障更全面。")),
]


@pytest.mark.parametrize(("draft", "variant"), KIND, ids=range(len(KIND)))
def test_a_service_draft_may_not_turn_into_marketing(draft: str, variant: str) -> None:
    findings = judge(draft, variant)
    assert not is_acceptable(findings)
    # judged as marketing too: the added promotion needs its opt-out like any other
    assert codes(findings) & {"REW004", "OPT001", "REW002"}, codes(findings)


# ----------------------------------------------------------------------------- facts by role
FACTS = [
    (BILL, BILL.replace("最后还款日12月25日", "账单日12月25日，最后还款日12月28日")),
    (BILL, BILL.replace("应还3,280.00元", "应还3307元")),
    (BILL, BILL.replace("最低还款额328.00元", "最低还款额3,280.00元")),
    (BILL, BILL.replace("应还3,280.00元，最低还款额328.00元", "应还328.00元，最低还款额3,280.00元")),
    (BILL, BILL.replace("您尾号3307的信用卡", "您尾号3307及尾号6621的信用卡")),
    (BILL, BILL.replace("3,280.00元", "叁仟贰佰元")),
    (BILL, BILL.replace("12月25日", "十二月二十八日")),
    (BILL, BILL.replace("最后还款日12月25日", "最后还款日12月25日（可顺延三天）")),
    (BILL, BILL.replace("，最低还款额328.00元", "")),
    (BILL, BILL.replace("最后还款日12月25日", "最后还款日2027年12月25日")),
    (BILL, BILL.replace("最后还款日12月25日", "最后还款日12月25日18:00")),
    (DEBIT, DEBIT.replace("余额8,240.50元", "余额1,560.00元")),
    (DEBIT, DEBIT.replace("消费支出1,560.00元", "消费支出1,560.00元，手续费15元")),
    (DEBIT, DEBIT.replace("11月20日", "11月21日")),
    (REPAY, REPAY.replace("还款日12月8日", "还款日12月8日，宽限期5天")),
    (REPAY, REPAY.replace("尾号6621", "尾号6612")),
    (REPAY, REPAY.replace("2,356.80元", "贰仟叁佰伍拾元")),
    (PAID, PAID.replace("1月15日", "一月十六日")),
    (LOAN, LOAN.replace("5万元", "贰拾万元")),
    (LOAN, LOAN.replace("年化利率7.2%-18%", "年化利率7.2%-18%，最低还款额500元")),
    # a status negated, money moving the other way, a fee's period, a safety instruction hollowed out
    (PAID, PAID.replace("已于1月15日扣款成功", "1月15日尚未扣款")),
    (DEBIT, DEBIT.replace("消费支出1,560.00元", "消费收入1,560.00元")),
    (OTP, OTP.replace("请勿告知他人", "请勿告知他人（客服人员除外）")),
    (OTP, OTP.replace("，工作人员不会向您索要验证码", "")),
    (OTP, OTP.replace("工作人员不会向您索要验证码", "工作人员一般不会向您索要验证码")),
    # the minimum and the full amount swapped, each under a role word said in other words
    (
        BILL,
        BILL.replace("本期应还3,280.00元，最低还款额328.00元", "本期至少需还3,280.00元，全部还清需328.00元"),
    ),
]


@pytest.mark.parametrize(("draft", "variant"), FACTS, ids=range(len(FACTS)))
def test_facts_are_compared_by_role(draft: str, variant: str) -> None:
    findings = judge(draft, variant)
    assert not is_acceptable(findings)
    assert codes(findings) & {"REW001", "REW002"}, codes(findings)


# ----------------------------------------------------------------------------- unread figures
FIGURES = [
    (WEALTH, WEALTH.replace("100元起购", "100元起购，另享五厘加息")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，年化收益一成")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，收益比存款高两成")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，相当于八分利")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，新客再加半个百分点")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，基准上浮五十个基点")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，收益翻番")),
    (WEALTH, WEALTH.replace("业绩比较基准2.80%", "业绩比较基准伍%")),
    (WEALTH, WEALTH.replace("业绩比较基准2.80%", "业绩比较基准五％")),
    (WEALTH, WEALTH.replace("业绩比较基准2.80%", "业绩比较基准四点五%")),
    (WEALTH, WEALTH.replace("业绩比较基准2.80%", "业绩比较基准十%")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，收益是存款的三倍")),
    (WEALTH, WEALTH.replace("100元起购", "壹佰万元起购")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，月息八厘")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，千分之三的申购费全免")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，赎回费3‰")),
    (WEALTH, WEALTH.replace("业绩比较基准2.80%", "业绩比较基准⑤%")),
    (WEALTH, WEALTH.replace("业绩比较基准2.80%", "业绩比较基准٣%")),
    (LOAN, LOAN.replace("年化利率7.2%-18%", "年化利率7.2%-18%，每万元每天一块五")),
    (LOAN, LOAN.replace("年化利率7.2%-18%", "年化利率7.2%-18%，日息万分之一")),
    (LOAN, LOAN.replace("5万元", "20万元")),
    (LOAN, LOAN.replace("年化利率7.2%-18%", "年化利率7.2%-18%，首月利率打五折")),
]


@pytest.mark.parametrize(("draft", "variant"), FIGURES, ids=range(len(FIGURES)))
def test_figures_in_every_numeral_form_are_read(draft: str, variant: str) -> None:
    findings = judge(draft, variant)
    assert not is_acceptable(findings)
    assert codes(findings) & {"REW001", "REW002"}, codes(findings)


# ----------------------------------------------------------------------------- contact points
CONTACTS = [
    (WEALTH, WEALTH.replace("详询95588", "详询 mingde-vip.com")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588或登录 md-bank.top/a")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，官网 http://10.2.3.4/wm")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，访问明德理财.中国")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，登录ｍｄ－ｖｉｐ．ｃｏｍ")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，访问 mdvip点com")),
    (WEALTH, WEALTH.replace("详询95588", "详询13812345678")),
    (WEALTH, WEALTH.replace("详询95588", "详询一三八一二三四五六七八")),
    (WEALTH, WEALTH.replace("详询95588", "详询壹叁捌壹贰叁肆伍陆柒捌")),
    (WEALTH, WEALTH.replace("详询95588", "详询①③⑧①②③④⑤⑥⑦⑧")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，加微信mdbank888")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，添加VX：md_vip")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，加薇信md2026")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，理财交流QQ群123456789")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，扣扣87654321")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，群号：六六八八九九")),
    (WEALTH, WEALTH.replace("回T退订", "回T退订【明德理财】")),
    (WEALTH, WEALTH.replace("【明德银行】", "【明德银行信用卡中心】")),
    (WEALTH, WEALTH.replace("95588", "95566")),
    (LOAN, LOAN.replace("400-600-1234", "400-600-1243")),
    (LOAN, LOAN.replace("详询400-600-1234", "详询400-600-1234或010-88886666")),
    (REPAY, REPAY + "如有疑问请联系专属顾问微信jd_kefu01。"),
    (REPAY, REPAY.replace("请确保", "可登录jiedai-pay.cn还款，请确保")),
]


@pytest.mark.parametrize(("draft", "variant"), CONTACTS, ids=range(len(CONTACTS)))
def test_a_new_contact_point_is_rejected(draft: str, variant: str) -> None:
    findings = judge(draft, variant)
    assert not is_acceptable(findings)
    assert codes(findings) & {"REW003", "REW001", "SIG002"}, codes(findings)


def test_a_rewrite_keeping_the_drafts_contact_points_passes_rew003() -> None:
    variant = WEALTH.replace("详询95588", "详情请致电95588")
    assert "REW003" not in codes(judge(WEALTH, variant))
    with_official = WEALTH.replace("详询95588", "详询95588或登录 https://www.mingde-bank.com")
    assert "REW003" not in codes(judge(WEALTH, with_official))  # the profile's own site


# ----------------------------------------------------------------------------- added claims
CLAIMS = [
    (WEALTH, WEALTH.replace("100元起购", "100元起购，本金有保障")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，收益稳稳的")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，闭眼买不会亏")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，背靠大行兜底")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，已通过监管部门审核")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，经国家金融监督管理总局备案认可")),
    (
        WEALTH,
        WEALTH.replace("100元起购", "100元起购，根据《商业银行理财业务监督管理办法》第8条本产品安全可靠"),
    ),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，理财专家力荐")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，限时发售，售完即止")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，今日截止，错过再等一年")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，手慢无")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，新客专享礼品一份")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，另有明德稳盈1号同步发售")),
    (WEALTH, WEALTH.replace("回T退订", "回T退订无效")),
    (WEALTH, WEALTH.replace("回T退订", "回T退订（需支付信息费）")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，比存款划算多了")),
    (LOAN, LOAN.replace("年化利率7.2%-18%", "年化利率7.2%-18%，不看征信当天放款")),
    (LOAN, LOAN.replace("年化利率7.2%-18%", "年化利率7.2%-18%，人人都能借")),
    (REPAY, REPAY + "逾期将上报征信并通知您的紧急联系人。"),
    (REPAY, REPAY.replace("请确保", "请务必立即处理，请确保")),
]


@pytest.mark.parametrize(("draft", "variant"), CLAIMS, ids=range(len(CLAIMS)))
def test_added_claims_offers_and_pressure_are_rejected(draft: str, variant: str) -> None:
    assert not is_acceptable(judge(draft, variant))


# ----------------------------------------------------------------------------- markup
MARKUP = [
    (WEALTH, WEALTH.replace("明德月月盈", "<b>明德月月盈</b>")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，[官网](https://www.mingde-bank.com)")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588![](https://www.mingde-bank.com/a.png)")),
    (WEALTH, WEALTH.replace("开放申购", "\x1b[31m开放申购\x1b[0m")),
    (WEALTH, WEALTH.replace("开放申购", "开放\x00申购")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，\u202e赔不赚稳\u202c")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，\u2067收益可观\u2069")),
    (WEALTH, WEALTH.replace("开放申购", "开放\u200b申购")),
    (WEALTH, WEALTH.replace("开放申购", "开放&nbsp;申购")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588<script>alert(1)</script>")),
    (WEALTH, WEALTH.replace("详询95588", "详询<a href='https://www.mingde-bank.com'>95588</a>")),
    (WEALTH, WEALTH.replace("开放申购", "开放\x85申购")),
    (WEALTH, WEALTH.replace("开放申购", "开放\x07申购")),
    (WEALTH, WEALTH.replace("开放申购", "开放\r申购")),
    (WEALTH, WEALTH.replace("开放申购", "<!-- x -->开放申购")),
]


@pytest.mark.parametrize(("draft", "variant"), MARKUP, ids=range(len(MARKUP)))
def test_markup_and_control_characters_are_rejected(draft: str, variant: str) -> None:
    findings = judge(draft, variant)
    assert not is_acceptable(findings)
    assert "FMT003" in codes(findings), codes(findings)


def test_a_reversed_claim_under_an_override_is_read_in_display_order() -> None:
    variant = WEALTH.replace("100元起购", "100元起购，\u202e赔不赚稳\u202c")
    found = codes(judge(WEALTH, variant))
    assert "ADV001" in found


# ----------------------------------------------------------------------------- settings
SETTINGS = [
    (("ADV001",), WEALTH.replace("100元起购", "100元起购，稳赚不赔")),
    (("ADV001", "REW004"), WEALTH.replace("100元起购", "100元起购，保本保息")),
    (("OPT001",), WEALTH.replace("回T退订", "")),
    (("ADV003",), WEALTH.replace("理财非存款，产品有风险，投资须谨慎。", "")),
    (("REW001", "REW002"), WEALTH.replace("2.80%", "3.80%")),
    (("REW003",), WEALTH.replace("详询95588", "详询13812345678")),
    (("FMT003",), WEALTH.replace("开放申购", "<b>开放申购</b>")),
    (tuple(ALL_TEXT_RULES), WEALTH.replace("100元起购", "100元起购，零风险")),
    (("PRO", "ADV"), WEALTH.replace("100元起购", "100元起购，加群听课带你炒股")),
]


@pytest.mark.parametrize(("ignore", "variant"), SETTINGS, ids=range(len(SETTINGS)))
def test_ignored_rules_do_not_switch_the_gate_off(ignore: tuple[str, ...], variant: str) -> None:
    assert not is_acceptable(judge(WEALTH, variant, ignore=ignore))


def test_a_faithful_rewrite_passes_with_rules_ignored() -> None:
    variant = WEALTH.replace("详询95588", "详情请咨询95588")
    assert is_acceptable(judge(WEALTH, variant, ignore=("ADV001", "OPT001")))


def test_the_cli_never_writes_control_characters_to_the_terminal(tmp_path) -> None:
    import os
    import subprocess
    import sys

    draft = "【明德银行】开放\x1b[31m申购\x1b[0m，\u202e赔不赚稳\u202c。回T退订"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "check", draft, "--format", "text"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    out = proc.stdout + proc.stderr
    assert "FMT003" in out and "ADV001" in out
    assert "\x1b" not in out and "\u202e" not in out and "\\x1b[31m" in out and "\\u202e" in out


def test_the_service_gate_ignores_settings_and_names_what_was_ignored() -> None:
    from assistant.service.core import Assistant

    assistant = Assistant.open(profile="example-bank", ignore="ADV001,OPT001", audit=False)
    assert assistant.ignored_rules == ["ADV001", "OPT001"]
    draft = assistant.check(WEALTH)
    report = assistant.gate(draft, WEALTH.replace("100元起购", "100元起购，稳赚不赔"))
    assert not report.acceptable and "ADV001" in {f.code for f in report.errors}
    assert report.ignored == ["ADV001", "OPT001"] and report.draft_kind == "marketing"
    assert assistant.gate(WEALTH, WEALTH.replace("详询95588", "详情请咨询95588")).acceptable
    result = assistant.rewrite(draft, engine="offline")
    assert result.extra["gate"] == {"rules": "all", "ignored_rules": ["ADV001", "OPT001"]}


@pytest.mark.parametrize("added", ["理财并非都能稳赚不赔", "本金已全额保本返还"])
def test_context_never_softens_what_the_model_added(added: str) -> None:
    variant = WEALTH.replace("100元起购", "100元起购，" + added)
    check = checker("example-bank").check(variant)
    assert "ADV001" in {f.code for f in check.suppressed}  # a user's check reads the context
    assert "ADV001" in codes(judge(WEALTH, variant))  # the gate does not: the model wrote it too


def test_a_rhetorical_denial_the_model_added_is_a_claim_in_both() -> None:
    # (谁说…不能稳赚不赔 asserts the claim: a user's check reports it too since rt93)
    variant = WEALTH.replace("100元起购", "100元起购，谁说理财不能稳赚不赔")
    assert "ADV001" in {f.code for f in checker("example-bank").check(variant).findings}
    assert "ADV001" in codes(judge(WEALTH, variant))


def test_a_draft_negation_kept_by_the_rewrite_still_counts() -> None:
    draft = "【明德银行】明德月月盈不承诺保本，业绩比较基准2.80%（业绩比较基准不代表产品未来表现和实际收益）。理财非存款，产品有风险，投资须谨慎。回T退订"
    variant = draft.replace("不承诺保本，", "不承诺保本，现已开放，")
    findings = validate_variant(draft, variant, checker=checker("example-bank"))
    assert is_acceptable(findings), [(f.code, f.evidence) for f in findings if f.severity == "error"]


# ----------------------------------------------------------------------------- more, by mechanism
MORE = [
    (WEALTH, WEALTH.replace("100元起购", "100元起购，根据《商业银行理财业务监督管理办法》可放心购买")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，依第十二条规定享受优先兑付")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，国资背景")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，已完成监管报备")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，回报丰厚")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，轻松实现财务自由")),
    (WEALTH, WEALTH.replace("100元起购", "100元起购，额满即止")),
    (WEALTH, WEALTH.replace("回T退订", "回T退订，退订后将无法享受专属服务")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，关注明德财富公众号领取资料")),
    (WEALTH, WEALTH.replace("详询95588", "详询95588，扫码添加理财顾问")),
    (WEALTH, WEALTH.replace("回T退订", "回T退订【明德】")),
    (WEALTH, WEALTH.replace("开放申购", "开放\u2028申购")),
    (WEALTH, WEALTH.replace("开放申购", "开放\U000e0041申购")),
    (WEALTH, WEALTH.replace("开放申购", "开放\u2063申购")),
]


@pytest.mark.parametrize(("draft", "variant"), MORE, ids=range(len(MORE)))
def test_more_additions_are_rejected(draft: str, variant: str) -> None:
    assert not is_acceptable(judge(draft, variant))


# Promotions appended to notices in words no claim list names: a notice may not invite.
KIND_MORE = [
    (BILL, BILL + "新开通的白金卡年费全免，欢迎申请。"),
    (BILL, BILL + "特邀您参加本周六的财富沙龙。"),
    (BILL, BILL + "欢迎体验手机银行新功能，了解更多请咨询客户经理。"),
    (BILL, BILL.replace("如已还款请忽略。", "现可申请额度调升，如已还款请忽略。")),
    (BILL, BILL + "ETC业务上线，欢迎办理。"),
    (DEBIT, DEBIT + "尊享借记卡专属权益，详询网点。"),
    (DEBIT, DEBIT + "诚邀您开通工资代发服务。"),
    (REPAY, REPAY + "按时还款的客户可享专属利率。"),
    (REPAY, REPAY + "新推出的随借随还产品已开售。"),
    (PAID, PAID + "诚邀您了解我们的新款养老规划。"),
    (PAID, PAID.replace("感谢您的信任。", "感谢您的信任，欢迎推荐亲友投保。")),
]


@pytest.mark.parametrize(("draft", "variant"), KIND_MORE, ids=range(len(KIND_MORE)))
def test_a_notice_may_not_invite_or_promote(draft: str, variant: str) -> None:
    assert not is_acceptable(judge(draft, variant))


NOTICE_PARAPHRASES = [
    (BILL, BILL.replace("如已还款请忽略。", "请您按时还款，如已还款请忽略。")),
    (DEBIT, DEBIT.replace("如非本人操作请致电95588。", "如非本人操作，请尽快致电95588。")),
    (REPAY, REPAY.replace("请确保", "还款日前请确保")),
    (PAID, PAID.replace("感谢您的信任。", "感谢您一直以来的信任。")),
]


@pytest.mark.parametrize(("draft", "variant"), NOTICE_PARAPHRASES, ids=range(len(NOTICE_PARAPHRASES)))
def test_a_notice_paraphrase_is_still_accepted(draft: str, variant: str) -> None:
    findings = judge(draft, variant)
    assert is_acceptable(findings), [(f.code, f.evidence) for f in findings if f.severity == "error"]
