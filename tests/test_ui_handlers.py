"""The web UI's handlers, without a browser: review, rewrite, needs-input, ask, batch, history.

Everything a user sees in ``assistant serve`` comes from :mod:`assistant.ui.handlers` (and
its batch/feedback/render helpers), so these tests pin the behaviour; the Playwright tests
in ``tests/e2e`` only check that the browser shows it.  The knowledge index is the shared,
cached one (``tests/conftest.py``), copied per test (``knowledge_data``) so this module's
audit rows never land in the shared copy.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from llm_server import ScriptedLLMServer, llm_config, reply, variants_reply
from openpyxl import load_workbook

from assistant.answer.extractive import OFFLINE_LABEL
from assistant.checker.models import Finding, Fix
from assistant.rewrite.models import RewriteResult, Variant
from assistant.ui.batch import run_batch
from assistant.ui.feedback import FeedbackStore
from assistant.ui.handlers import (
    OFFLINE_LABEL as MODE_OFFLINE,
)
from assistant.ui.handlers import (
    AssistantServices,
    KnowledgeService,
    SessionSettings,
    UnsafeVariantError,
    choose_profile,
    detect_intent,
    parse_codes,
    resolve_mode,
    validate_needs,
    variant_views,
)

ROOT = Path(__file__).resolve().parent.parent
DRAFT = "【明德银行】尊享理财，业绩比较基准3%，稳赚不赔！回T退订"
LOAN = "【捷贷消费金融】借款3分钟到账，日息0.03%。回T退订"
STOCK = "【明德银行】推荐一只牛股，明天必涨停！回T退订"
GOOD = [
    "【明德银行】尊享理财，业绩比较基准3%，让闲钱也动起来。理财非存款，产品有风险，投资须谨慎。回T退订",
    "【明德银行】尊享理财现已开放，业绩比较基准3%，欢迎咨询。理财非存款，产品有风险，投资须谨慎。回T退订",
]


# ------------------------------------------------------------------------------ intent


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (DRAFT, "sms"),
        ("【明德银行】可以在线办理吗？", "sms"),  # a signature wins over a question mark
        ("营销短信每月最多发几条？", "question"),
        ("营销短信能不能在晚上九点以后发", "question"),
        ("什么是回T退订", "question"),
        ("是否必须加退订语", "question"),
        ("发送理财短信需要加风险提示吗", "question"),
        ("尊享理财，稳赚不赔，回T退订", "sms"),
        ("稳赚不赔的理财产品限时抢购，年化收益10%，详询客户经理", "sms"),
        # question words anywhere, no ？ needed
        ("理财产品宣传需要注意什么", "question"),
        ("信用卡分期的短信怎么写才合规", "question"),
        ("贷款短信里的年化利率要写到多少位", "question"),
        ("保险短信如何写风险提示", "question"),
        ("这条短信可以发吗", "question"),
        ("借多少都可以，3分钟到账！", "sms"),  # an exclamation is an SMS cue
    ],
)
def test_detect_intent(text: str, kind: str) -> None:
    assert detect_intent(text).kind == kind


def test_forced_mode_overrides_intent() -> None:
    from assistant.errors import AssistantError

    with pytest.raises(AssistantError, match="未知的模式"):
        resolve_mode("chat", DRAFT)
    assert detect_intent(DRAFT).other == "ask" and detect_intent("这条短信可以发吗").other == "rewrite"
    assert resolve_mode("ask", DRAFT) == ("ask", None)
    assert resolve_mode("review", "营销短信每月最多发几条？") == ("review", None)
    action, intent = resolve_mode("auto", DRAFT)
    assert action == "rewrite" and intent is not None and intent.reason == "含【】签名"
    assert resolve_mode("auto", "营销短信每月最多发几条？")[0] == "ask"


# ------------------------------------------------------------------------------ review


def test_review_reports_exact_spans_and_highlights_them(services: AssistantServices) -> None:
    out = services.review(DRAFT, SessionSettings())
    assert out.result.verdict == "fail"
    assert (8, 10, "ADV003", "error") in out.spans
    assert (20, 24, "ADV001", "error") in out.spans
    for f in out.result.findings:
        assert f.evidence == DRAFT[f.start : f.end]
    assert '<mark class="sev-error"' in out.html and ">稳赚不赔</mark>" in out.html
    assert "错误 2 · 警告 0 · 提示 0" in out.html  # counts include 提示
    assert "营销" in out.html and "29 字" in out.html and "1 条短信" in out.html
    assert out.elapsed_ms < 300


def test_review_escapes_html_in_drafts(services: AssistantServices) -> None:
    out = services.review("【明德银行】<script>alert(1)</script>稳赚不赔", SessionSettings())
    assert "<script>" not in out.html and "&lt;script&gt;" in out.html


def test_rule_selection_and_profile_change_the_checker(services: AssistantServices) -> None:
    sess = SessionSettings(ignore=parse_codes(["ADV001 保本保收益"]))
    codes = {f.code for f in services.review(DRAFT, sess).result.findings}
    assert "ADV001" not in codes and "ADV003" in codes
    only = SessionSettings(select=parse_codes("ADV001"))
    assert {f.code for f in services.review(DRAFT, only).result.findings} == {"ADV001"}
    sess = choose_profile(SessionSettings(), "example-bank")
    assert sess.profile() is not None and "明德银行" in sess.profile_label
    found = {f.code for f in services.review("【某某银行】您的账单已出。", sess).result.findings}
    assert "SIG002" in found  # a profile rule: signature not among the sender's own


def test_uploaded_profile_is_validated(tmp_path: Path) -> None:
    good = tmp_path / "mine.toml"
    good.write_text('[sender]\nfull_name = "测试银行"\nsignatures = ["测试银行"]\n', encoding="utf-8")
    sess = choose_profile(SessionSettings(), str(good), label="mine.toml")
    assert sess.profile_data is not None and "上传文件 mine.toml" in sess.profile_label
    bad = tmp_path / "bad.toml"
    bad.write_text('[sender]\nlicenses = ["banking_magic"]\n', encoding="utf-8")
    with pytest.raises(Exception, match="未知资质"):
        choose_profile(SessionSettings(), str(bad))


# ------------------------------------------------------------------------------ rewrite


def test_offline_rewrite_fixed_with_diff_and_resolved_findings(services: AssistantServices) -> None:
    out = services.rewrite(DRAFT, SessionSettings())
    assert out.status == "fixed" and out.result.engine == "offline"
    assert len(out.variants) == 1
    v = out.variants[0]
    assert "稳赚不赔" not in v.text and "理财非存款" in v.text
    assert {f.code for f in v.resolved} >= {"ADV001", "ADV003"}
    assert not [f for f in v.findings if f.severity == "error"]
    assert v.length == len(v.text) and v.segments == 1
    assert "<del>稳赚不赔" in v.diff_html and "<ins>" in v.diff_html
    assert "<del>稳</del>" not in v.diff_html  # words, not characters
    assert "已解决：ADV003、ADV001" in v.meta
    assert "离线规则引擎" in out.html()


def test_offline_rewrite_needs_input_then_fixed_with_supplied_facts(services: AssistantServices) -> None:
    out = services.rewrite(LOAN, SessionSettings())
    assert out.status == "needs_input"
    # at most a partial version with placeholders, never shown as compliant
    assert all(v.style == "partial" and not v.compliant and "【请填写" in v.text for v in out.variants)
    assert out.needs == [("annualized_rate", "年化利率（或区间）")]
    assert "年化利率" in out.html()
    again = services.rewrite(
        LOAN, SessionSettings(), facts={"annualized_rate": "7.2%-18%", "official_url": " "}
    )
    assert again.status == "fixed"
    assert again.facts == {"annualized_rate": "7.2%-18%"}  # blank fields are not facts
    assert "年化利率7.2%-18%" in again.variants[0].text
    assert "DIS001" in {f.code for f in again.variants[0].resolved}


def test_offline_rewrite_refuses_forbidden_content_with_citation(services: AssistantServices) -> None:
    out = services.rewrite(STOCK, SessionSettings())
    assert out.status == "refused" and out.variants == []
    assert "PRO001" in out.reason and "证券法" in out.reason
    card = out.html()
    assert 'class="refused"' in card and "证券法" in card


def test_variant_with_an_error_finding_is_never_shown(services: AssistantServices) -> None:
    checker = services.checker(SessionSettings())
    bad = Finding("ADV001", "x", "error", "承诺保本", 0, 2, "保本", Fix("unsafe"))
    result = RewriteResult(original=DRAFT, status="fixed", engine="llm", variants=[Variant(GOOD[0], [bad])])
    with pytest.raises(UnsafeVariantError):
        variant_views(result, checker)
    # ... and one whose text still fails the checker, whatever its recorded findings say
    result = RewriteResult(original=DRAFT, status="fixed", engine="llm", variants=[Variant(DRAFT, [])])
    with pytest.raises(UnsafeVariantError):
        variant_views(result, checker)


def test_ignored_rules_never_make_a_version_compliant(services: AssistantServices) -> None:
    """Settings choose what a check reports; a version is judged under every rule."""
    sess = SessionSettings(ignore=["ADV001"])
    claim = "【明德银行】尊享理财，稳赚不赔。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "ADV001" not in {f.code for f in services.checker(sess).check(claim).findings}
    result = RewriteResult(original=DRAFT, status="fixed", engine="llm", variants=[Variant(claim, [])])
    with pytest.raises(UnsafeVariantError, match="ADV001"):
        variant_views(result, services.gate_checker(sess))
    assert "已忽略 ADV001" in sess.ignored_note() and "全部规则" in sess.ignored_note()
    assert SessionSettings().ignored_note() == ""


def test_partial_and_remove_instead_versions_are_labelled(services: AssistantServices) -> None:
    """A partial version (placeholders) is shown as not compliant; an alternative as a version."""
    from types import SimpleNamespace

    partial = SimpleNamespace(
        text="【明德银行】信用卡积分兑换活动进行中，详见【请填写：官方网站链接】回T退订",
        findings=[],
        changes=[],
        style="partial",
        label="",
        compliant=False,
    )
    drop = SimpleNamespace(
        text="【明德银行】信用卡积分兑换活动进行中，详询客服热线。回T退订",
        findings=[],
        changes=["删除短链接（LNK001）"],
        style="remove_instead",
        label="删除短链接",
        compliant=True,
    )
    link = "【明德银行】信用卡积分兑换活动进行中，详见 t.cn/abc 回T退订"
    result = SimpleNamespace(
        original=link,
        variants=[],
        alternatives=[drop],
        partial=partial,
        findings_before=services.checker(SessionSettings()).check(link).findings,
        draft=None,
    )
    views = variant_views(result, services.gate_checker(SessionSettings()))  # type: ignore[arg-type]
    assert [(v.index, v.compliant, v.style) for v in views] == [
        (1, True, "remove_instead"),
        (2, False, "partial"),
    ]
    assert views[0].style_label.endswith("删除短链接") and views[1].style_label


def test_needs_form_validation_is_one_function(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blank fields are not given; with the rewrite's validators, refused values name their field."""
    import sys
    import types

    facts, errors = validate_needs({"annualized_rate": " 7.2% ", "official_url": ""}, draft=LOAN)
    if "assistant.rewrite.validators" not in sys.modules:
        assert facts == {"annualized_rate": "7.2%"} and errors == {}
    fake = types.ModuleType("assistant.rewrite.validators")

    def validate_fact(key: str, value: str, **_: object) -> object:
        if value == "不知道":
            return types.SimpleNamespace(key=key, message=f"{key} 的值“不知道”不是有效信息")
        return types.SimpleNamespace(key=key, value=value)

    fake.validate_fact = validate_fact  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "assistant.rewrite.validators", fake)
    import assistant.rewrite as pkg

    monkeypatch.setattr(pkg, "validators", fake, raising=False)
    facts, errors = validate_needs({"annualized_rate": "7.2%", "official_url": "不知道"}, draft=LOAN)
    assert facts == {"annualized_rate": "7.2%"} and set(errors) == {"official_url"}
    assert "不知道" in errors["official_url"]


def test_llm_rewrite_through_the_handlers(
    llm_server: ScriptedLLMServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    llm_server.script(variants_reply(*GOOD, changes=["删除“稳赚不赔”（ADV001）"]))
    svc = AssistantServices(llm_config=llm_config(llm_server))
    assert svc.mode_label.startswith("大模型 test-model")
    out = svc.rewrite(DRAFT, SessionSettings(variants=2))
    svc.close()
    assert out.status == "fixed" and [v.text for v in out.variants] == GOOD
    assert "大模型 test-model" in out.engine_label and "调用 1 次" in out.engine_label
    assert all("ADV001" in {f.code for f in v.resolved} for v in out.variants)


# ------------------------------------------------------------------------------ ask


def test_ask_offline_answers_with_numbered_sources(knowledge_data: Path) -> None:
    svc = AssistantServices(knowledge=KnowledgeService(None))
    updates = list(svc.ask("营销短信每月最多发几条？", SessionSettings()))
    svc.close()
    assert svc.mode_label == MODE_OFFLINE
    final = updates[-1]
    assert final.done and final.engine == "offline" and not final.out_of_scope
    assert final.answer.startswith(OFFLINE_LABEL)
    assert "[1]" in final.answer and "要点：" in final.answer
    assert len(final.sources) == 5 and [s["id"] for s in final.sources] == [1, 2, 3, 4, 5]
    assert all(s["text"] and s["title"] for s in final.sources)
    assert any("3" in s["text"] and "条" in s["text"] for s in final.sources)
    assert (knowledge_data / "audit.sqlite3").is_file()  # the answer is audited


def test_ask_streams_the_models_tokens(llm_server: ScriptedLLMServer, knowledge_data: Path) -> None:
    body = "营销短信每月不超过3条[1]，并须附退订方式[2]。"
    llm_server.script(reply(body))
    svc = AssistantServices(llm_config=llm_config(llm_server), knowledge=KnowledgeService(None))
    updates = list(svc.ask("营销短信每月最多发几条？"))
    svc.close()
    partial = [u for u in updates if not u.done and u.answer]
    assert partial and all(body.startswith(u.answer) for u in partial)
    final = updates[-1]
    assert final.done and final.engine == "llm" and final.answer == body and final.model == "test-model"
    assert llm_server.chat_requests[0].body["stream"] is True


# ------------------------------------------------------------------------------ batch


def _write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> None:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)


def test_batch_csv_every_row_in_every_report(services: AssistantServices, tmp_path: Path) -> None:
    texts = [DRAFT, LOAN, STOCK, "【明德银行】您尾号1234的信用卡本期账单已出，请按时还款。", "=1+1 稳赚不赔"]
    rows = [["text", "批次"]] + [[t, f"b{i}"] for i, t in enumerate(texts)]
    rows.insert(3, ["多出来的列", "x", "y"])  # a malformed row: reported, not dropped
    src = tmp_path / "drafts.csv"
    _write_csv(src, rows, encoding="gbk")
    seen: list[tuple[int, int]] = []
    out = run_batch(
        src,
        assistant=services.session(SessionSettings()),
        out_dir=tmp_path / "out",
        progress=lambda d, t, _: seen.append((d, t)),
    )
    assert out.total == 6 and out.input_errors == 1 and not out.campaign
    assert out.counts["fail"] == 4 and out.counts["pass"] == 1
    assert seen and seen[-1][0] == seen[-1][1]
    assert [r["行号"] for r in out.rows] == [2, 3, 4, 5, 6, 7]
    bad = out.rows[2]
    assert bad["判定"] == "无法读取" and "列数" in bad["发现"]

    with out.files["csv"].open(encoding="utf-8-sig") as fh:
        report = list(csv.DictReader(fh))
    # a cell Excel would run as a formula is neutralised with a leading '
    assert [r["短信内容"] for r in report if r["判定"] != "无法读取"] == [*texts[:-1], "'=1+1 稳赚不赔"]
    assert report[2]["短信内容"] == "多出来的列"  # the malformed row keeps its text
    assert report[0]["判定"] == "不通过" and "ADV001" in report[0]["发现"]
    assert report[0]["其他列"] == '{"批次": "b0"}'

    ws = load_workbook(out.files["xlsx"]).worksheets[0]
    values = list(ws.iter_rows(values_only=True))
    assert len(values) == 7 and values[-1][1] == "=1+1 稳赚不赔"  # text, not a formula

    html = out.files["html"].read_text(encoding="utf-8")
    assert html.count("<tr class=") == 6 and "<mark" in html and "<script" not in html


def _reports(out: object) -> tuple[list[dict[str, str]], list[dict[str, object]], str]:
    """The CSV and XLSX reports as lists of dicts (by column), and the HTML report's text."""
    files = out.files  # type: ignore[attr-defined]
    with files["csv"].open(encoding="utf-8-sig") as fh:
        csv_rows = list(csv.DictReader(fh))
    values = list(load_workbook(files["xlsx"]).worksheets[0].iter_rows(values_only=True))
    xlsx_rows = [dict(zip(values[0], row, strict=True)) for row in values[1:]]
    return csv_rows, xlsx_rows, files["html"].read_text(encoding="utf-8")


def test_batch_unreadable_csv_row_keeps_its_text_and_columns(
    services: AssistantServices, tmp_path: Path
) -> None:
    src = tmp_path / "kinds.csv"
    _write_csv(src, [["text", "kind", "批次"], [DRAFT, "marketing", "b1"], [LOAN, "bogus", "b2"]])
    out = run_batch(
        src,
        assistant=services.session(SessionSettings()),
        out_dir=tmp_path / "o",
    )
    assert out.input_errors == 1
    csv_rows, xlsx_rows, html = _reports(out)
    for rows in (csv_rows, xlsx_rows):
        bad = rows[1]
        assert bad["行号"] in (3, "3") and bad["判定"] == "无法读取" and "bogus" in bad["发现"]
        assert bad["短信内容"] == LOAN
        assert bad["类型"] == "bogus" and bad["其他列"] == '{"批次": "b2"}'
    assert LOAN in html


def test_batch_broken_jsonl_line_keeps_its_text(services: AssistantServices, tmp_path: Path) -> None:
    src = tmp_path / "drafts.jsonl"
    broken = '{"text": "' + LOAN + '", "id": 2'
    src.write_text('{"text": "' + DRAFT + '"}\n' + broken + '\n{"id": 3, "body": "x"}\n', encoding="utf-8")
    out = run_batch(
        src,
        assistant=services.session(SessionSettings()),
        out_dir=tmp_path / "o",
    )
    assert out.input_errors == 2
    csv_rows, xlsx_rows, _ = _reports(out)
    for rows in (csv_rows, xlsx_rows):
        assert rows[1]["短信内容"] == broken and "JSON" in rows[1]["发现"]
        assert rows[2]["短信内容"] in ("", None) and rows[2]["其他列"] == '{"id": 3, "body": "x"}'


def test_batch_csv_report_neutralises_formulas(services: AssistantServices, tmp_path: Path) -> None:
    src = tmp_path / "evil.csv"
    cells = ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tx"]
    _write_csv(src, [["text", "note"], *[[f"{c} 稳赚不赔", c] for c in cells]])
    out = run_batch(
        src,
        assistant=services.session(SessionSettings()),
        out_dir=tmp_path / "o",
    )
    csv_rows, xlsx_rows, _ = _reports(out)
    assert csv_rows[0]["短信内容"] == '\'=HYPERLINK("http://evil") 稳赚不赔'
    assert [r["短信内容"] for r in csv_rows] == [f"'{c} 稳赚不赔" for c in cells]
    assert xlsx_rows[0]["短信内容"] == '=HYPERLINK("http://evil") 稳赚不赔'  # stored as text


def test_batch_campaign_file_gets_cmp_checks(services: AssistantServices, tmp_path: Path) -> None:
    src = tmp_path / "plan.csv"
    good = "【明德银行】您尾号1234的信用卡本期账单已出，请按时还款。"
    _write_csv(
        src,
        [
            ["recipient", "send_time", "text"],
            ["13812345678", "2026-11-28 10:00", good],
            ["13812345678", "2026-11-28 22:30", DRAFT],
        ],
    )
    out = run_batch(
        src,
        assistant=services.session(SessionSettings()),
        out_dir=tmp_path / "o",
    )
    assert out.campaign and out.total == 2
    assert all(r["收件人"] == "138****5678" for r in out.rows)
    assert "CMP002" in out.rows[1]["发现"]  # sent at 22:30, outside 08:00-21:00
    assert "13812345678" not in out.files["csv"].read_text(encoding="utf-8-sig")


@pytest.mark.slow  # a big batch: 1,000 rows
def test_batch_thousand_rows_report_progress(services: AssistantServices, tmp_path: Path) -> None:
    src = tmp_path / "big.jsonl"
    src.write_text(
        "".join(f'{{"text": "【明德银行】尊享理财{i}号，稳赚不赔！回T退订"}}\n' for i in range(1000)),
        encoding="utf-8",
    )
    ticks: list[int] = []
    out = run_batch(
        src,
        assistant=services.session(SessionSettings()),
        out_dir=tmp_path / "o",
        progress=lambda d, t, _: ticks.append(d),
    )
    assert out.total == 1000 and out.counts["fail"] == 1000
    assert ticks[-1] == 1000
    with out.files["csv"].open(encoding="utf-8-sig") as fh:
        assert sum(1 for _ in csv.reader(fh)) == 1001


# ------------------------------------------------------------------------------ reviews & feedback


def test_approve_appears_in_history_and_export(services: AssistantServices) -> None:
    sess = SessionSettings()
    rw = services.rewrite(DRAFT, sess)
    review = services.decide(
        decision="approved",
        reviewer="王审核",
        reason="风险提示已补充",
        target="variant",
        draft=DRAFT,
        variant_text=rw.variants[0].text,
        variant=1,
        session=sess,
        engine=rw.engine_label,
    )
    found = services.feedback.reviews(query="王审核")
    assert [r.id for r in found] == [review.id]
    got = found[0]
    assert got.decision == "approved" and got.text == rw.variants[0].text and got.original == DRAFT
    assert got.verdict == "通过" and got.target == "variant" and got.variant == 1
    assert services.feedback.reviews(decision="rejected") == []
    assert services.feedback.reviews(since="2000-01-01", query="闲钱") == []
    csv_text = FeedbackStore.reviews_csv(found)
    assert "王审核" in csv_text and "批准" in csv_text and "改写版本 1" in csv_text
    # the decision is in the audit log too
    events = list(services.audit.rows("events"))
    assert any(e["kind"] == "review" and e["status"] == "approved" for e in events)


def test_decisions_need_a_reviewer_and_reasons_where_it_matters(services: AssistantServices) -> None:
    from assistant.errors import AssistantError

    with pytest.raises(AssistantError, match="审核人"):
        services.decide(decision="approved", reviewer=" ", reason="", target="draft", draft=DRAFT)
    with pytest.raises(AssistantError, match="错误级发现"):
        services.decide(decision="approved", reviewer="李", reason="", target="draft", draft=DRAFT)
    with pytest.raises(AssistantError, match="驳回"):
        services.decide(decision="rejected", reviewer="李", reason="", target="draft", draft=DRAFT)
    r = services.decide(decision="rejected", reviewer="李", reason="含保本承诺", target="draft", draft=DRAFT)
    assert r.verdict == "不通过" and "ADV001" in r.codes
    assert services.feedback.reviews(decision="rejected")[0].reason == "含保本承诺"


def test_false_positive_reports_become_candidate_exemptions(services: AssistantServices) -> None:
    for why in ("品牌名里的理财", "品牌名里的理财", "产品名称"):
        services.feedback.record_feedback(
            rating=-1, target="finding", text=DRAFT, rule_code="ADV003", evidence="理财", reason=why
        )
    services.feedback.record_feedback(rating=1, target="finding", rule_code="ADV001", evidence="稳赚不赔")
    services.feedback.record_feedback(rating=-1, target="answer", text="问题", reason="答非所问")
    rows = services.feedback.candidate_exemptions()
    assert len(rows) == 1
    code, evidence, count, reasons, _ = rows[0]
    assert (code, evidence, count) == ("ADV003", "理财", 3)
    assert "品牌名里的理财" in reasons and "产品名称" in reasons
    assert "ADV003" in FeedbackStore.exemptions_csv(rows)


# ------------------------------------------------------------------------------ app & serving


@pytest.mark.slow  # builds the whole Gradio app: imports gradio
def test_app_builds(services: AssistantServices) -> None:
    from assistant.ui.app import build_app

    demo = build_app(services)
    ids = {getattr(b, "elem_id", None) for b in demo.blocks.values()}
    for elem in (
        "chat",
        "chat-input",
        "send-btn",
        "draft-editor",
        "draft-view",
        "cards",
        "versions",
        "approve-panel",
        "ui-action",
        "ui-action-go",
        "live-go",
        "batch-file",
        "rule-filter",
    ):
        assert elem in ids, elem


@pytest.mark.slow
def test_check_command_does_not_import_gradio() -> None:
    probe = (
        "import sys\nfrom assistant.cli.app import app\n"
        "try:\n    app(['check', '【明德银行】稳赚不赔，回T退订'], standalone_mode=False)\n"
        "except SystemExit:\n    pass\nprint('GRADIO=' + str('gradio' in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.stdout.strip().splitlines()[-1] == "GRADIO=False", proc.stderr


def test_each_burst_of_tokens_is_one_update(
    llm_server: ScriptedLLMServer, knowledge_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow model's tokens reach the UI one by one (a handshake makes this deterministic)."""
    import threading

    from assistant.llm.client import ChatReply, LLMClient

    shown = threading.Event()
    pieces = ["营销短信", "每月不超过", "3条[1]。"]

    def fake(self, messages, *, purpose, on_token, event_id=None, prompt_version="", max_tokens=None):
        for piece in pieces:
            on_token(piece)
            assert shown.wait(10)
            shown.clear()
        return ChatReply("".join(pieces), "test-model", 0, 0, "tiktoken", 0, 1)

    monkeypatch.setattr(LLMClient, "stream", fake)
    svc = AssistantServices(llm_config=llm_config(llm_server), knowledge=KnowledgeService(None))
    seen = []
    for upd in svc.ask("营销短信每月最多发几条？"):
        if not upd.done and upd.answer:
            seen.append(upd.answer)
            shown.set()
    svc.close()
    assert seen == ["营销短信", "营销短信每月不超过", "营销短信每月不超过3条[1]。"]


def test_advisory_notes_come_from_the_model_and_leave_the_verdict(
    llm_server: ScriptedLLMServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llm_server import json_reply

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    note = {"category": "tone", "quote": "尊享", "note": "语气夸张", "suggestion": "改为平实表述"}
    llm_server.script(json_reply({"notes": [note]}))
    svc = AssistantServices(llm_config=llm_config(llm_server))
    notes = svc.advisory(DRAFT, SessionSettings())
    verdict = svc.review(DRAFT, SessionSettings()).result.verdict
    svc.close()
    assert [(n["category_label"], n["note"]) for n in notes] == [("语气", "语气夸张")]
    assert verdict == "fail"
    offline = AssistantServices(llm_config=llm_config(llm_server, model=None))
    assert offline.advisory(DRAFT, SessionSettings()) == [] and offline.mode_label == MODE_OFFLINE
    offline.close()


def test_review_and_exemption_csv_neutralise_formulas() -> None:
    from assistant.ui.feedback import FeedbackStore

    out = FeedbackStore.exemptions_csv([["ADV001", '=HYPERLINK("http://evil")', 2, "@SUM(1)", "2026-11-28"]])
    assert "'=HYPERLINK" in out and "'@SUM(1)" in out
    assert "\n=HYPERLINK" not in out and ",=HYPERLINK" not in out
