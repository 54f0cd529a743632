"""The catalogue addendum (v2) codes: ADV006–ADV010, DIS003, DIS004, PRO008, PRV004, FMT002.

Each rule's own examples are run by test_rule_examples.py; this file pins down what those
examples cannot: the basis each rule cites and with what confidence, the figures the
conversions produce, the profile fields the rules read (and what they say without them),
the fixes, the rewrite and gate behaviour, and evasions a determined sender would try
next to the hard negatives a real sender writes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from cli_runner import Result

from assistant.checker.citations import citation_index
from assistant.checker.engine import Checker
from assistant.checker.models import CheckResult, Finding
from assistant.checker.rulespec import load_rule_specs, rule_spec
from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.evals.datasets import load_dataset
from assistant.profile import load_profile
from assistant.rewrite.gate import is_acceptable, validate_variant
from assistant.rewrite.offline import offline_rewrite

ROOT = Path(__file__).resolve().parents[1]
NEW = ("ADV006", "ADV007", "ADV008", "ADV009", "ADV010", "DIS003", "DIS004", "PRO008", "PRV004", "FMT002")


@cache
def checker(profile: str | None = None, ceiling: float | None = None) -> Checker:
    settings = Settings() if ceiling is None else Settings(borrowing_cost_ceiling_percent=ceiling)
    return Checker(settings, load_profile(profile) if profile else None)


def check(text: str, profile: str | None = None, **kw: object) -> CheckResult:
    return checker(profile).check(text, **kw)  # type: ignore[arg-type]


def found(text: str, code: str, profile: str | None = None, **kw: object) -> list[Finding]:
    return [f for f in check(text, profile, **kw).findings if f.code == code]


def errors(text: str, code: str, profile: str | None = None, **kw: object) -> list[Finding]:
    return [f for f in found(text, code, profile, **kw) if f.severity == "error"]


# --------------------------------------------------------------------------- the catalogue

#: The addendum's bases with the confidence the digest gives them ([V] verified, [S]
#: secondary, [M] recalled): never shown as verified when the digest says otherwise.
BASIS = {
    "ADV006": {
        "AM-GUIDE": "recalled",
        "WMP-SALES": "recalled",
        "FIN-316-2": "recalled",
        "ADV-25": "verified",
    },
    "ADV007": {"INS-SALES-19": "verified", "FIN-CP": "recalled", "FIN-NETMKT-10": "secondary"},
    "DIS003": {
        "FIN-NETMKT-10": "secondary",
        "FIN-CC22": "recalled",
        "FIN-NETLOAN": "recalled",
        "FIN-APR": "secondary",
    },
    "DIS004": {"FIN-ZHUDAI": "secondary", "FIN-NETLOAN": "recalled", "FIN-PL": "verified"},
    "ADV008": {"INS-SALES-17": "verified", "FIN-NETMKT-10": "secondary"},
    "ADV009": {"INS-SALES-17": "verified", "INS-NET-15": "secondary"},
    "ADV010": {"ADV-11": "verified", "ADV-28": "verified", "INS-SALES-17": "verified"},
    "PRV004": {"PI-6": "verified", "PI-28": "verified"},
    "FMT002": {"IND-LINK": "verified"},
    "PRO008": {"FIN-AGENT": "recalled", "CC-CASHOUT": "recalled", "FIN-NETLOAN": "recalled"},
}
SEVERITY = {
    "ADV006": "error",
    "ADV007": "warning",
    "ADV008": "error",
    "ADV009": "error",
    "ADV010": "warning",
    "DIS003": "error",
    "DIS004": "error",
    "PRO008": "error",
    "PRV004": "warning",
    "FMT002": "error",
}
FIX = {
    "ADV006": "unsafe",
    "ADV007": "unsafe",
    "ADV008": "unsafe",
    "ADV009": "unsafe",
    "ADV010": "unsafe",
    "DIS003": "unsafe",
    "DIS004": "none",
    "PRO008": "none",
    "PRV004": "safe",
    "FMT002": "needs_input",
}
MARKETING_ONLY = {"ADV006", "ADV007", "ADV008", "ADV009", "ADV010", "DIS003"}


@pytest.mark.parametrize("code", NEW)
def test_rule_cites_the_digest_with_its_confidence(code: str) -> None:
    spec = rule_spec(code)
    assert spec.severity == SEVERITY[code] and spec.fix.kind == FIX[code]
    assert (spec.applies_to == ["marketing"]) == (code in MARKETING_ONLY)
    cited = {c.id: c.confidence for c in spec.resolved_citations}
    assert cited == BASIS[code]
    assert "unresolved" not in cited.values()


@pytest.mark.parametrize("code", NEW)
def test_message_says_what_to_do_instead(code: str) -> None:
    message = rule_spec(code).message
    assert any(w in message for w in ("请", "应", "不得")), message


def test_new_regulation_notes_are_recalled_and_name_their_rules() -> None:
    index = citation_index()
    expected = {
        "AM-GUIDE": ("asset-management-guidance-2018.md", "ADV006"),
        "WMP-SALES": ("wealth-management-sales-measures-2021.md", "ADV006"),
        "FIN-AGENT": ("illegal-loan-intermediary-warnings.md", "PRO008"),
        "CC-CASHOUT": ("credit-card-crime-interpretation.md", "PRO008"),
    }
    for cid, (name, code) in expected.items():
        entry = index[cid]
        assert entry.confidence == "recalled", cid  # tagged [M] in the digest
        assert entry.file == f"regulations/{name}"
        assert code in (ROOT / "knowledge" / entry.file).read_text(encoding="utf-8")
    assert index["FIN-AGENT"].status == "not_law"  # a regulator's risk warning, not a rule


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("【明德银行】尊享理财，预期年化收益率4.5%，限时抢购，名额有限！回T退订", {"ADV006", "ADV007"}),
        ("【捷贷】无视征信，秒批秒到账，0门槛人人可办！回T退订", {"DIS003"}),
        ("【安泰人寿】保证续保，什么病都赔，0免赔额，仅需每月9.9元！回T退订", {"ADV009"}),
        ("【明德银行】请核对您的身份证号110101199003071234", {"PRV001"}),
        ("【明德银行】您的紧急联系人电话13912345678已更新。", {"PRV004"}),
        ("【明德银行】年终回馈活动进行中，点击链接查看详情。回T退订", {"FMT002"}),
    ],
)
def test_the_drafts_of_the_issue_are_stopped(text: str, codes: set[str]) -> None:
    assert codes <= {f.code for f in check(text).findings}


# --------------------------------------------------------------------------- ADV006


def test_adv006_fix_keeps_the_figure_and_adds_the_statement() -> None:
    text = "【明德银行】尊享理财，预期年化收益率4.5%，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订"
    (f,) = found(text, "ADV006")
    assert f.fix.kind == "unsafe" and f.fix.at is not None
    assert text[slice(*f.fix.at)] == "预期年化收益率4.5%"
    assert f.fix.replacement == "业绩比较基准4.5%（业绩比较基准不代表产品未来表现和实际收益）"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "【远帆理财】新品预期收益3.2%-3.9%，5万元起。理财非存款，产品有风险，投资须谨慎。回T退订",
            "3.2%-3.9%",
        ),
        ("【远帆理财】新品预期年化收益百分之五，理财非存款，产品有风险，投资须谨慎。回T退订", "百分之五"),
        ("【远帆理财】新品预期年化收益５．２％，理财非存款，产品有风险，投资须谨慎。回T退订", "５．２％"),
        ("【远帆理财】4.2%的预期年化收益，本周开放。理财非存款，产品有风险，投资须谨慎。回T退订", "4.2%"),
    ],
)
def test_adv006_figure_is_kept_as_written(text: str, figure: str) -> None:
    (f,) = found(text, "ADV006")
    assert f.fix.replacement == f"业绩比较基准{figure}（业绩比较基准不代表产品未来表现和实际收益）"


def test_adv006_statement_not_added_twice() -> None:
    text = (
        "【远帆理财】预期收益3%，业绩比较基准不代表产品未来表现。理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    (f,) = found(text, "ADV006")
    assert f.fix.replacement == "业绩比较基准3%"


def test_adv006_offline_rewrite_keeps_the_figure() -> None:
    text = "【明德银行】尊享理财，预期年化收益率4.5%，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订"
    result = offline_rewrite(text, checker=checker())
    assert result.status == "fixed"
    (variant,) = result.variants
    assert "业绩比较基准4.5%（业绩比较基准不代表产品未来表现和实际收益），1万元起购" in variant.text
    assert "预期" not in variant.text


# --------------------------------------------------------------------------- ADV007 and product type


def test_adv007_is_an_error_for_insurance_and_a_warning_otherwise() -> None:
    insurance = "【安泰人寿】安泰鑫享年金险即将停售，抓紧投保！投保须谨慎。回T退订"
    assert {f.severity for f in found(insurance, "ADV007")} == {"error"}
    assert check(insurance).product_type == "insurance"
    card = "【明德银行】联名信用卡限时办理，名额有限。回T退订"
    assert {f.severity for f in found(card, "ADV007")} == {"warning"}
    # the declared type wins over the text
    assert {f.severity for f in found(card, "ADV007", product_type="insurance")} == {"error"}


def test_adv007_announced_withdrawal_is_a_warning_for_review() -> None:
    text = "【安泰人寿】根据公司官网公告，安泰鑫享年金险即将停售。投保须谨慎。回T退订"
    (f,) = found(text, "ADV007")
    assert f.severity == "warning" and any(e.effect == "downgraded" for e in f.context)


def test_adv007_offline_removal_keeps_the_sentence_readable() -> None:
    text = "【安泰人寿】安泰鑫享年金险，限时投保，名额有限，首年保费1万元起。投保须谨慎。回T退订"
    result = offline_rewrite(text, checker=checker())
    (variant,) = result.variants
    assert variant.text == "【安泰人寿】安泰鑫享年金险，首年保费1万元起。投保须谨慎。回T退订"


# --------------------------------------------------------------------------- DIS003


def test_dis003_removal_is_clean() -> None:
    text = "【捷贷】无视征信，秒批秒到账，0门槛人人可办！年化利率（单利）18%起。回T退订"
    result = offline_rewrite(text, checker=checker())
    (variant,) = result.variants
    assert variant.text == "【捷贷】年化利率（单利）18%起。回T退订"
    removed = {c.removeprefix("删除“").split("”")[0] for c in variant.changes}
    assert all(c.startswith("删除“") and c.endswith("（DIS003）") for c in variant.changes)
    assert {"无视征信", "秒批秒到账"} <= removed and any("人人可办" in r for r in removed)


def test_dis003_zero_interest_needs_the_annual_rate() -> None:
    (f,) = found("【小熊分期】手机分期，24期免息，轻松拥有。回T退订", "DIS003")
    assert f.fix.kind == "needs_input" and f.fix.needs == ("annualized_rate",)
    disclosed = "【小熊分期】手机分期24期免息（免息期内无其他费用），之后年化利率（单利）12%。回T退订"
    assert not found(disclosed, "DIS003")


# --------------------------------------------------------------------------- DIS004


@pytest.mark.parametrize(
    ("text", "annual"),
    [
        ("【速钱包】借款日息0.1%，随借随还。回T退订", 36.5),
        ("【速钱包】借款日利率万分之八，随借随还。回T退订", 29.2),
        ("【速钱包】借款日息千分之一，随借随还。回T退订", 36.5),
        ("【速钱包】借款月息2分5，随借随还。回T退订", 30.0),
        ("【速钱包】借款月息三分，随借随还。回T退订", 36.0),
        ("【速钱包】借款月利率2.2%，随借随还。回T退订", 26.4),
        ("【速钱包】借款年化利率（单利）10%-28%，随借随还。回T退订", 28.0),
        ("【速钱包】借款日利率０．１％，随借随还。回T退订", 36.5),
        ("【速钱包】借款综合年化费率百分之三十六，随借随还。回T退订", 36.0),
    ],
)
def test_dis004_converts_like_pro007_and_takes_the_upper_bound(text: str, annual: float) -> None:
    (f,) = errors(text, "DIS004")
    assert f"{annual:.2f}%" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "【启明消费金融】借款年化利率（单利）18%，以审批为准。回T退订",
        "【启明消费金融】借款年化利率（单利）7.2%-23.9%，按日计息。回T退订",
        "【启明消费金融】借款年化利率（单利）24%封顶。回T退订",
        "【启明消费金融】日利率0.02%（折合年化利率7.3%，单利）。回T退订",
        "【松岩银行】三年期大额存单利率2.35%，20万元起存。回T退订",
        "【北辰基金】北辰成长近一年收益率30%，数据来源：定期报告，过往业绩不代表未来表现。基金有风险，投资须谨慎。回T退订",
    ],
)
def test_dis004_hard_negatives(text: str) -> None:
    assert not errors(text, "DIS004")


def test_dis004_compounded_figure_above_the_ceiling_is_a_warning() -> None:
    (f,) = found("【金穗借款】月息2分，随借随还。回T退订", "DIS004")
    assert f.severity == "warning" and "26.82%" in f.message
    assert not found("【金穗借款】月息2分（单利），随借随还。回T退订", "DIS004")


def test_dis004_ceiling_is_configurable() -> None:
    text = "【速钱包】借款年化利率（单利）30%。回T退订"
    assert errors(text, "DIS004")
    assert not [f for f in checker(ceiling=36.0).check(text).findings if f.code == "DIS004"]
    lower = checker(ceiling=18.0).check("【速钱包】借款年化利率20%。回T退订")
    assert [f for f in lower.findings if f.code == "DIS004" and "18%的上限" in f.message]


@pytest.mark.parametrize("value", [0, -1, 101, float("nan"), float("inf")])
def test_dis004_ceiling_is_range_checked(value: float) -> None:
    with pytest.raises(ConfigError):
        Settings().with_overrides(borrowing_cost_ceiling_percent=value)


def test_dis004_ceiling_in_the_project_config(tmp_path: Path, cli: Callable[..., Result]) -> None:
    (tmp_path / "assistant.toml").write_text(
        "[checker]\nborrowing_cost_ceiling_percent = 500\n", encoding="utf-8"
    )
    proc = cli("check", "【速钱包】借款日息0.1%。回T退订", cwd=tmp_path)
    assert proc.code == 2 and "borrowing_cost_ceiling_percent" in proc.stderr


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【速钱包】借款日息0.1%，审批快。回T退订", "DIS004"),
        ("缺钱找我！无抵押无担保，当天放款，额度3-30万。", "PRO008"),
        ("【卡友之家】信用卡代还、养卡提额，长期合作。回T退订", "PRO008"),
    ],
)
def test_dis004_and_pro008_are_refused_with_their_basis(text: str, code: str) -> None:
    result = offline_rewrite(text, checker=checker())
    assert result.status == "refused" and not result.variants
    assert code in result.reason and "依据" in result.reason


def test_pro008_lure_needs_an_unnamed_lender() -> None:
    lure = "急用钱？无抵押无担保，当天放款，联系王经理。"
    (f,) = errors(lure, "PRO008")
    assert "未署明持牌放贷机构" in f.note
    assert not found(
        "【松岩银行】松e贷无需抵押担保，审批通过当天放款，年化利率（单利）4%-11%。回T退订", "PRO008"
    )
    assert not found(
        "【捷贷】无抵押信用借款，当天放款，年化利率（单利）12%。回T退订", "PRO008", "example-lender"
    )


def test_pro008_named_as_a_violation_is_reviewed_not_cancelled() -> None:
    text = "【松岩银行】如发现信用卡套现等违规行为，本行有权止付。回T退订"
    assert {f.severity for f in found(text, "PRO008")} == {"warning"}
    assert {f.severity for f in found(text, "PRO008", strict=True)} == {"error"}  # model output


# --------------------------------------------------------------------------- profile fields


def test_adv009_guaranteed_renewal_follows_the_profile() -> None:
    allowed = "【安泰人寿】安泰长保医疗险保证续保20年。回T退订"
    assert not found(allowed, "ADV009", "example-insurer")  # guaranteed_renewal = true
    (f,) = found("【安泰人寿】安泰安心医疗险保证续保。回T退订", "ADV009", "example-insurer")
    assert "guaranteed_renewal = false" in f.note
    (f,) = found(allowed, "ADV009")
    assert "未提供发送方档案" in f.note and "guaranteed_renewal" in f.note
    (f,) = found("【安泰人寿】安泰鑫享年金险保证续保。回T退订", "ADV009", "example-insurer")
    assert "未设置" in f.note  # the product's details do not say


def test_adv009_policy_status_notice_is_not_a_claim() -> None:
    text = "【安泰人寿】您的安泰长保医疗险保单（尾号4410）已续保成功，保证续保期间内保费按合同约定。"
    assert not found(text, "ADV009", "example-insurer")


@pytest.mark.parametrize(("code", "field"), [("ADV009", "guaranteed_renewal"), ("PRV004", "service_numbers")])
def test_rule_page_says_which_profile_field_it_needs(
    code: str, field: str, cli: Callable[..., Result]
) -> None:
    proc = cli("rule", code, cwd=ROOT)
    assert proc.code == 0
    notes = proc.stdout.split("## Notes", 1)[1].split("##", 1)[0]
    assert field in notes and "不做猜测" in notes


def test_prv004_masks_other_peoples_numbers_and_spares_the_senders() -> None:
    text = "【明德银行】您的紧急联系人电话138 1234 5678已更新，如有疑问请致电95588。"
    (f,) = found(text, "PRV004", "example-bank")
    assert f.evidence == "138 1234 5678" and f.fix.kind == "safe" and f.fix.replacement == "138****5678"
    assert "service_numbers" in f.note
    fixed = check(text, "example-bank", fix=True).fixed_text
    assert fixed is not None and "138****5678" in fixed and "95588" in fixed
    own = "【恒安保险经纪】您的顾问电话139-1234-5678，工作日在线。"
    assert not found(own, "PRV004", "example-broker")
    (f,) = found(own, "PRV004")
    assert "未提供发送方档案" in f.note


def test_prv004_numbers_inside_longer_numbers_are_not_phones() -> None:
    assert not found("【明德银行】您的卡6217 1380 0000 1234 5678已激活。", "PRV004")
    assert not found("【明德银行】您的订单号13812345678已退款。", "PRV004")
    assert not found("【明德银行】您向138****5678转账成功。", "PRV004")


def test_prv004_addresses() -> None:
    home = "【启明消费金融】材料已寄往江苏省南京市鼓楼区中山北路28号1201室。"
    (f,) = found(home, "PRV004")
    assert f.evidence == "江苏省南京市鼓楼区中山北路28号1201室" and f.fix.kind == "needs_input"
    assert not found("【松岩银行】朝阳支行新址：北京市朝阳区建国路88号，欢迎莅临。回T退订", "PRV004")
    assert not found("【松岩银行】上海市浦东新区张江支行调整营业时间。", "PRV004")


def test_example_profiles_carry_the_v2_fields() -> None:
    for name in ("example-bank", "example-insurer", "example-lender", "example-payment", "example-broker"):
        profile = load_profile(name)
        assert profile.service_numbers, name
        for product in profile.product_details:
            assert profile.products is not None and product in profile.products
    assert load_profile("example-insurer").product_details["安泰长保医疗险"].guaranteed_renewal is True


# --------------------------------------------------------------------------- FMT002, ADV008, ADV010


def test_fmt002_link_present_or_reminder() -> None:
    assert found("【明德银行】账单已出，点击链接查看。", "FMT002")
    assert not found("【明德银行】账单已出，点击链接查看：https://www.mingde-bank.com/bill", "FMT002")
    assert not found("【明德银行】预约成功，无需点击任何链接。", "FMT002")
    (f,) = found("【明德银行】账单已出，点击链接查看。", "FMT002")
    assert f.fix.kind == "needs_input" and f.fix.needs == ("official_url",)


def test_adv008_needs_insurance_in_the_sentence_or_the_product_type() -> None:
    assert found("【禾丰人寿】禾丰年金险，收益比存款高。投保须谨慎。回T退订", "ADV008")
    assert not found("【松岩银行】一年期存款利率1.6%，本行存款受存款保险保护。回T退订", "ADV008")
    listed = "【松岩银行】养老金账户可购买养老储蓄、养老理财、养老基金和商业养老保险。投资有风险，选择需谨慎。回T退订"
    assert not found(listed, "ADV008")


def test_adv010_a_stated_source_satisfies_the_rule() -> None:
    bare = "【松岩银行】松岩信用卡已有52万用户申领！回T退订"
    assert {f.severity for f in found(bare, "ADV010")} == {"warning"}
    sourced = "【松岩银行】据《2026年松岩银行年报》，松岩信用卡已有52万用户申领。回T退订"
    assert not found(sourced, "ADV010")


# --------------------------------------------------------------------------- evasions (attacks)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【康平人寿】康平分红险，每年温赚分红。投保须谨慎。回T退订", "ADV009"),  # homophone 温赚
        ("【快钱包】无视zx，年化利率（单利）18%。回T退订", "DIS003"),  # pinyin initials
        ("【卡管家】代办d款，手续简单。回T退订", "PRO008"),  # pinyin initial
        ("【快钱包】不 看 征 信，年化利率（单利）18%。回T退订", "DIS003"),  # spacing
        ("【快钱包】借款日利率０．０９％，随借随还。回T退订", "DIS004"),  # full-width digits
        (
            "【锦川理财】预期年化收益百分之五，理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
        ),  # numerals
        ("【康平人寿】康平兩全險，和零存整取一樣每月存一點。投保須謹慎。回T退订", "ADV008"),  # traditional
        ("【锦川银行】名额仅剩20个，先到先得。回T退订", "ADV007"),  # reordered
        ("【汇通支付】收货人电话一五九零一二三四五六七。", "PRV004"),  # Chinese numerals
        ("【锦川银行】點擊鏈結查看詳情。回T退订", "FMT002"),  # traditional, Taiwanese word
        ("【汇泉证券】App用户突破８００万，欢迎体验。回T退订", "ADV010"),  # full-width digits
    ],
)
def test_evasions_are_caught(text: str, code: str) -> None:
    assert found(text, code), [(f.code, f.evidence) for f in check(text).findings]


@pytest.mark.parametrize(
    ("text", "code", "profile"),
    [
        ("【锦川银行】两年期整存整取存款利率1.45%，5万元起存。回T退订", "ADV006", None),
        (
            "【安泰人寿】您的安泰安心医疗险已于12月1日续保成功，新保险期间至明年11月30日。",
            "ADV009",
            "example-insurer",
        ),
        (
            "【松岩银行】据中国银行业协会《2025年服务报告》，手机银行客户超8亿（截至2025年末）。回T退订",
            "ADV010",
            None,
        ),
        ("【明德银行】您的账户于1月3日在新设备登录，如非本人操作请致电95588。", "PRV004", "example-bank"),
        ("【明德银行】账单已出，点击链接查看：https://www.mingde-bank.com/bill", "FMT002", None),
        ("【启明消费金融】借款年化利率（单利）18%，以审批为准。回T退订", "DIS004", None),
    ],
)
def test_hard_negatives_do_not_fire(text: str, code: str, profile: str | None) -> None:
    assert not errors(text, code, profile), [
        (f.code, f.severity, f.evidence) for f in check(text, profile).findings
    ]


# --------------------------------------------------------------------------- the gate


@pytest.mark.parametrize(
    ("variant", "code"),
    [
        ("【明德银行】尊享理财，预期年化收益3%。理财非存款，产品有风险，投资须谨慎。回T退订", "ADV006"),
        (
            "【明德银行】尊享理财，业绩比较基准3%，零门槛秒批。理财非存款，产品有风险，投资须谨慎。回T退订",
            "DIS003",
        ),
        (
            "【明德银行】尊享理财，业绩比较基准3%，点击链接了解。理财非存款，产品有风险，投资须谨慎。回T退订",
            "FMT002",
        ),
    ],
)
def test_the_gate_rejects_variants_that_introduce_new_findings(variant: str, code: str) -> None:
    original = "【明德银行】尊享理财，业绩比较基准3%，稳赚不赔！回T退订"
    findings = validate_variant(original, variant, checker=checker())
    assert not is_acceptable(findings)
    assert code in {f.code for f in findings if f.severity == "error"}


# --------------------------------------------------------------------------- the eval drafts


def test_v2_drafts_cover_every_code_with_hard_negatives() -> None:
    ds = load_dataset(ROOT / "evals" / "drafts_v2codes.jsonl")
    assert not ds.errors and ds.type == "drafts"
    for code in NEW:
        pos = [c for c in ds.drafts if code in c.must_fire]
        neg = [c for c in ds.drafts if code in c.must_not_fire]
        assert len(pos) + len(neg) >= 15 and len(neg) >= (len(pos) + len(neg)) // 2, code


def test_v2_drafts_recall_and_no_false_errors() -> None:
    ds = load_dataset(ROOT / "evals" / "drafts_v2codes.jsonl")
    for case in ds.drafts:
        result = checker(case.profile).check(case.text, kind=case.kind)  # type: ignore[arg-type]
        fired = {f.code for f in result.findings}
        errs = {f.code for f in result.errors}
        assert set(case.must_fire) <= fired, (case.id, case.text, fired)
        assert not set(case.must_not_fire) & errs, (case.id, case.text, errs)


def test_every_new_code_is_in_the_json_output_with_the_product_type(cli: Callable[..., Result]) -> None:
    proc = cli(
        "check", "【安泰人寿】安泰鑫享年金险即将停售！投保须谨慎。回T退订", "--format", "json", cwd=ROOT
    )
    out = json.loads(proc.stdout)
    assert out["product_type"] == "insurance" and out["product_type_source"] == "inferred"
    assert "年金险" in out["product_type_reason"]
    assert [f["severity"] for f in out["findings"] if f["code"] == "ADV007"] == ["error"]


def test_every_rule_spec_of_the_addendum_is_loaded() -> None:
    assert set(NEW) <= {s.code for s in load_rule_specs()}


@pytest.mark.parametrize(
    ("text", "value"),
    [("月息2分5", 2.5), ("月息两分五", 2.5), ("月息2分5厘", 2.5), ("月息2分，5天", 2.0), ("月息2分", 2.0)],
)
def test_monthly_fen_with_li_is_read_whole(text: str, value: float) -> None:
    """月息2分5 is 2.5 % a month: reading it as 2 % would understate a borrowing cost."""
    from assistant.text.figures import read_rates

    (m,) = read_rates(text)
    assert (m.number, m.period) == (value, "month")
