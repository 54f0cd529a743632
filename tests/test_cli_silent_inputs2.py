"""More inputs that used to give a silent wrong result (a compliant or unchanged label on a bad
text, a row's data dropped, a misnamed field ignored) and now are honoured, refused with a
Chinese message naming what is wrong, or said loudly on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import Cli
from llm_server import ScriptedLLMServer, llm_config, variants_reply

#: A bill reminder: read alone it is a notice, with nothing to fix.
NOTICE = "【明德银行】您的账单已出，应还1200元。"
#: A draft for rewrite-case labels (the dataset tests only load it).
CLAIM_DRAFT = "【明德银行】稳赚不赔的理财"
#: Pressure selling: a warning for most products, an error for insurance (ADV007).
PRESSURE = "【明德银行】名额有限，今天是最后一天，马上抢购！回T退订"


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# ----------------------------------------------------------------------------- 1. rewrite rows
def test_rewrite_honours_a_rows_declared_kind(cli: Cli, tmp_path: Path) -> None:
    """A row declaring kind=marketing without an opt-out came back "unchanged" (原稿已合规):
    the kind column was dropped and the notice-looking text judged as a notice."""
    data = tmp_path / "rw.csv"
    data.write_text(f"text,kind,note\n{NOTICE},marketing,x\n{NOTICE},service,y\n", encoding="utf-8")
    r = cli("rewrite", "-i", str(data), "--engine", "offline", "-f", "jsonl")
    marketing, service = _lines(r.stdout)
    assert marketing["status"] != "unchanged"
    assert "OPT001" in [f["code"] for f in marketing["findings_before"]]
    assert all("退订" in v["text"] for v in marketing["variants"])
    assert marketing["meta"] == {"note": "x"} and marketing["line"] == 2
    assert service["status"] == "unchanged"


def test_rewrite_honours_a_rows_declared_product_type(cli: Cli, tmp_path: Path) -> None:
    """Declared insurance makes pressure selling an error: the row is not "unchanged"."""
    data = tmp_path / "rw.csv"
    data.write_text(f"text,product_type\n{PRESSURE},insurance\n", encoding="utf-8")
    r = cli("rewrite", "-i", str(data), "--engine", "offline", "-f", "jsonl")
    (row,) = _lines(r.stdout)
    assert row["status"] not in ("unchanged", "fixed"), row["status"]
    assert ("ADV007", "error") in [(f["code"], f["severity"]) for f in row["findings_before"]]
    assert r.code == 1


def test_the_model_rewrite_is_gated_with_the_declared_kind(llm_server: ScriptedLLMServer) -> None:
    """The model engine judges each version with the row's declared kind: a model echoing the
    notice gets the opt-out the declared marketing message needs, never "unchanged"."""
    from assistant.service import Assistant

    llm_server.script(variants_reply(NOTICE))
    assistant = Assistant(llm=llm_config(llm_server), audit=None)
    (result,) = assistant.rewrite_many([(NOTICE, "marketing", None)], engine="llm", variants=1)
    assert result.engine == "llm" and result.status == "fixed", result.reason
    assert result.draft is not None and result.draft.kind_source == "declared"
    assert all("退订" in v.text for v in result.variants)


def test_the_gate_judges_versions_with_the_declared_product_type() -> None:
    from assistant.service import Assistant

    assistant = Assistant(audit=None)
    draft = assistant.checker.check(PRESSURE, product_type="insurance")
    report = assistant.gate(draft, PRESSURE.replace("名额有限", "数量有限"))
    adv007 = [f.severity for f in report.findings if f.code == "ADV007"]
    assert adv007 and set(adv007) == {"error"}  # the new wording too, not a mere warning


def test_the_ui_rewrite_keeps_the_declared_kind_under_a_rule_selection(services) -> None:
    """With select/ignore the UI re-checks the draft with every rule: from its text alone it
    used to, losing the declared kind (the declared marketing notice came back unchanged)."""
    from assistant.ui.handlers import SessionSettings, parse_codes

    draft = services.assistant.checker.check(NOTICE, kind="marketing")
    out = services.rewrite(draft, SessionSettings(ignore=parse_codes("LEN001")))
    assert out.result.status != "unchanged"
    assert all("退订" in v.text for v in out.result.variants)


def test_rewrite_dash_reads_standard_input(cli: Cli) -> None:
    """``rewrite -`` rewrote the one-character draft "-" instead of reading standard input."""
    r = cli("rewrite", "-", "--engine", "offline", "-f", "json", input=f"{NOTICE}\n{PRESSURE}\n".encode())
    rows = json.loads(r.stdout)
    assert [row["original"] for row in rows] == [NOTICE, PRESSURE]
    assert [row["line"] for row in rows] == [1, 2]
    r = cli("rewrite", "-", "--engine", "offline", input=b"")
    assert r.code == 2 and "没有可改写的短信" in r.stderr
    r = cli("rewrite", "-", "-i", "-", "--engine", "offline", input=NOTICE.encode())
    assert r.code == 2 and "标准输入（-）只能使用一次" in r.stderr


# ----------------------------------------------------------------------------- 2. official_urls
@pytest.mark.parametrize(
    ("urls", "needles"),
    [
        (
            '{default = "https://evil.com/x"}',
            ["default", "https://evil.com/x", "evil.com", "official_domains"],
        ),
        ('{default = "https://mingde-bank.com@evil.com/"}', ["default", "evil.com"]),
        ('{default = "www.mingde-bank.com"}', ["default", "www.mingde-bank.com", "http(s)"]),
        ('{helth = "https://www.mingde-bank.com/h"}', ["helth", "health"]),
    ],
)
def test_an_official_url_off_the_official_domains_is_a_profile_error(
    cli: Cli, tmp_path: Path, urls: str, needles: list[str]
) -> None:
    """The LNK001 fix inserted https://evil.com into the message as a *safe* fix."""
    profile = tmp_path / "p.toml"
    profile.write_text(
        f'[sender]\nsignatures = ["明德银行"]\nofficial_domains = ["mingde-bank.com"]\nofficial_urls = {urls}\n',
        encoding="utf-8",
    )
    r = cli("check", "【明德银行】岁末活动详情 t.cn/abc 回T退订", "--profile", str(profile), "--fix")
    assert r.code == 2
    assert "p.toml" in r.stderr and "official_urls" in r.stderr
    assert all(n in r.stderr for n in needles), r.stderr
    assert "evil.com" not in r.stdout


def test_an_official_url_on_a_subdomain_is_accepted(tmp_path: Path) -> None:
    from assistant.profile import load_profile

    profile = tmp_path / "p.toml"
    profile.write_text(
        '[sender]\nofficial_domains = ["mingde-bank.com"]\n'
        'official_urls = { default = "https://www.mingde-bank.com", health = "http://m.mingde-bank.com/i" }\n',
        encoding="utf-8",
    )
    assert load_profile(profile).default_url("health") == "http://m.mingde-bank.com/i"


# ----------------------------------------------------------------------------- 3. profile gaps
def test_a_profile_without_signatures_says_the_signature_was_not_checked(cli: Cli, tmp_path: Path) -> None:
    """SIG002 was skipped without a word: 【假银行】 passed under a profile with no signatures."""
    profile = tmp_path / "p.toml"
    profile.write_text('[sender]\nfull_name = "明德银行股份有限公司"\n', encoding="utf-8")
    r = cli("check", "【假银行】您的账单已出。", "--profile", str(profile), "-f", "json")
    out = json.loads(r.stdout)
    assert out["verdict"] == "review"
    (sig,) = [f for f in out["findings"] if f["code"] == "SIG002"]
    assert sig["severity"] == "warning" and "未配置 signatures" in sig["message"]


def test_a_profile_without_official_domains_says_the_link_was_not_checked(cli: Cli, tmp_path: Path) -> None:
    """LNK002 was skipped without a word: any domain passed under a profile with no domains."""
    profile = tmp_path / "p.toml"
    profile.write_text('[sender]\nsignatures = ["明德银行"]\n', encoding="utf-8")
    text = "【明德银行】您的账单已出，详情见 https://www.evil-bank.com/bill 。"
    r = cli("check", text, "--profile", str(profile), "-f", "json")
    out = json.loads(r.stdout)
    assert out["verdict"] == "review"
    (link,) = [f for f in out["findings"] if f["code"] == "LNK002"]
    assert link["severity"] == "warning" and "未配置 official_domains" in link["message"]
    assert "evil-bank.com" in link["evidence"]


# ----------------------------------------------------------------------------- 4. near-miss columns
@pytest.mark.parametrize(
    ("header", "meant"),
    [
        *[
            (h, "kind")
            for h in ("kinds", "type", "Type", "类别", "种类", "message_kind", "短信种类", "消息类别")
        ],
        *[
            (h, "product_type")
            for h in ("product type", "product-type", "producttype", "product_types", "产品")
        ],
    ],
)
def test_a_column_that_looks_like_a_declared_one_is_said(
    cli: Cli, tmp_path: Path, header: str, meant: str
) -> None:
    """``kinds``/``type``/``产品`` … went to meta unsaid and the declaration was lost."""
    data = tmp_path / "h.csv"
    data.write_text(f"text,{header}\n{NOTICE},marketing\n", encoding="utf-8")
    r = cli("check", "-i", str(data), "-f", "jsonl")
    assert f"h.csv 的列 {header} 看起来像" in r.stderr and f"请把列名改为 {meant}" in r.stderr
    (row,) = _lines(r.stdout)
    assert row["meta"] == {header: "marketing"}  # nothing dropped
    rows = tmp_path / "h.jsonl"
    rows.write_text(
        json.dumps({"text": NOTICE, header: "marketing"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"text": NOTICE, header: "service"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    r = cli("check", "-i", str(rows), "-f", "jsonl")
    assert r.stderr.count(f"列 {header} 看起来像") == 1  # once a file, not once a row
    assert len(_lines(r.stdout)) == 2


def test_ordinary_columns_are_not_said(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "h.csv"
    data.write_text(f"id,text,kind,product_type,note,phone\n1,{NOTICE},service,card,x,1\n", encoding="utf-8")
    r = cli("check", "-i", str(data), "-f", "jsonl")
    assert r.code == 0 and "看起来像" not in r.stderr


def test_two_product_type_columns_are_refused(cli: Cli, tmp_path: Path) -> None:
    """product_type,产品类型: the first silently won."""
    data = tmp_path / "p2.csv"
    data.write_text(f"text,product_type,产品类型\n{PRESSURE},wealth,insurance\n", encoding="utf-8")
    r = cli("check", "-i", str(data), "-f", "jsonl")
    assert r.code == 2 and "多个产品类型列（product_type、产品类型）" in r.stderr
    rows = tmp_path / "p2.jsonl"
    rows.write_text(
        json.dumps({"text": PRESSURE, "product_type": "wealth", "产品类型": "insurance"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"text": PRESSURE, "product_type": "insurance"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    r = cli("check", "-i", str(rows), "-f", "jsonl")
    assert r.code == 2 and "第1行" in r.stderr and "多个产品类型字段" in r.stderr
    assert [row["line"] for row in _lines(r.stdout)] == [2]  # the good row is still checked


# ----------------------------------------------------------------------------- 5. campaign product type
def test_campaign_honours_a_plans_product_type(cli: Cli, tmp_path: Path) -> None:
    """The plan's product_type column was dropped: insurance pressure selling passed as a warning.
    The same text under two declared types is checked twice (the cache key includes the type)."""
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "recipient,send_time,text,product_type\n"
        f"13800001111,2026-11-05 10:00,{PRESSURE},insurance\n"
        f"13800001112,2026-11-05 10:01,{PRESSURE},card\n"
        f"13800001113,2026-11-05 10:02,{PRESSURE},insurance\n",
        encoding="utf-8",
    )
    r = cli("campaign", str(plan), "-f", "jsonl")
    rows = [row for row in _lines(r.stdout) if "summary" not in row]
    assert [row["product_type"] for row in rows] == ["insurance", "card", "insurance"]
    severities = [{f["severity"] for f in row["findings"] if f["code"] == "ADV007"} for row in rows]
    assert severities == [{"error"}, {"warning"}, {"error"}]
    assert r.code == 1


def test_campaign_rows_from_memory_read_product_type_like_a_file() -> None:
    from assistant.campaign import CampaignRunner, rows_source

    rows = [
        {"recipient": "13800001111", "send_time": "2026-11-05 10:00", "text": PRESSURE, "产品类型": "保险"}
    ]
    (row,) = CampaignRunner().run(rows_source(rows))
    assert row.product_type == "insurance" and row.verdict == "fail"
    bad = [
        {
            "recipient": "13800001111",
            "send_time": "2026-11-05 10:00",
            "text": PRESSURE,
            "product_type": "stock",
        }
    ]
    errors: list = []
    assert list(CampaignRunner().run(rows_source(bad), on_error=errors.append)) == []
    assert len(errors) == 1 and "product_type" in str(errors[0])


def test_campaign_says_a_plan_column_that_looks_like_kind(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text(
        f"recipient,send_time,text,type\n13800001111,2026-11-05 10:00,{NOTICE},marketing\n", "utf-8"
    )
    r = cli("campaign", str(plan), "-f", "jsonl")
    assert r.stderr.count("列 type 看起来像短信类型列 kind") == 1


# ----------------------------------------------------------------------------- 6. consent lists
OFFER = "【明德银行】信用卡境外消费享5%返现，详询95555。回T退订"


def _campaign_with_consent(cli: Cli, tmp_path: Path, consent: str) -> tuple:
    plan = tmp_path / "plan.csv"
    plan.write_text(f"recipient,send_time,text\n13800001111,2026-11-05 10:00,{OFFER}\n", encoding="utf-8")
    book = tmp_path / "consent.csv"
    book.write_text(consent, encoding="utf-8")
    r = cli("campaign", str(plan), "--consent", str(book), "-f", "jsonl")
    rows = [row for row in _lines(r.stdout) if "summary" not in row]
    return r, [f["code"] for row in rows for f in row["findings"]]


def test_an_unknown_consent_scope_is_a_row_error(cli: Cli, tmp_path: Path) -> None:
    """scope 无 ("none") counted as marketing consent: anything unknown did."""
    r, codes = _campaign_with_consent(
        cli, tmp_path, "recipient,status,scope\n13800001111,consent,无\n13800002222,consent,marketing\n"
    )
    assert r.code == 2
    assert "consent.csv 第2行" in r.stderr and "scope" in r.stderr and "'无'" in r.stderr
    assert "CMP003" in codes  # the unreadable record is no consent


def test_a_list_of_consent_scopes_is_read_part_by_part(cli: Cli, tmp_path: Path) -> None:
    """'marketing,service' was read as notices only, so the marketing send was flagged."""
    r, codes = _campaign_with_consent(
        cli, tmp_path, 'recipient,status,scope\n13800001111,consent,"marketing,service"\n'
    )
    assert r.code == 0, r.stderr
    assert "CMP003" not in codes
    r, codes = _campaign_with_consent(
        cli, tmp_path, 'recipient,status,scope\n13800001111,consent,"service、通知"\n'
    )
    assert "CMP003" in codes


def test_consent_scope_values() -> None:
    from assistant.campaign.consent import scope_covers_marketing

    assert [scope_covers_marketing(s) for s in ("", "全部", "营销", "信用卡", "service", "仅服务通知")] == [
        True,
        True,
        True,
        True,
        False,
        False,
    ]
    assert scope_covers_marketing("marketnig") is None and scope_covers_marketing("无") is None


@pytest.mark.parametrize(
    ("header", "meant"),
    [
        ("scopes", "scope"),
        ("consent_scope", "scope"),
        ("consent_at", "consented_at"),
        ("consent_time", "consented_at"),
        ("date", "consented_at"),
    ],
)
def test_a_consent_column_that_looks_like_a_known_one_is_said(
    cli: Cli, tmp_path: Path, header: str, meant: str
) -> None:
    """consent_at was ignored, so a consent given after the send covered it, unsaid."""
    r, _ = _campaign_with_consent(cli, tmp_path, f"recipient,status,{header}\n13800001111,consent,x\n")
    assert f"consent.csv 的列 {header} 看起来像" in r.stderr and f"请把列名改为 {meant}" in r.stderr
    rows = tmp_path / "c.jsonl"
    rows.write_text(
        json.dumps({"recipient": "13800001111", "status": "consent", header: "x"}) + "\n", encoding="utf-8"
    )
    plan = tmp_path / "plan.csv"
    r = cli("campaign", str(plan), "--consent", str(rows), "-f", "jsonl")
    assert r.stderr.count(f"列 {header} 看起来像") == 1


# ----------------------------------------------------------------------------- 7. xlsx sheets
def test_a_workbook_with_a_second_non_empty_sheet_is_refused(cli: Cli, tmp_path: Path) -> None:
    """Only the first worksheet was read: the rows of 十二月 were skipped without a word."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    first.title = "十一月"
    first.append(["text"])
    first.append([NOTICE])
    second = wb.create_sheet("十二月")
    second.append(["text"])
    second.append([PRESSURE])
    wb.create_sheet("空白")  # an empty sheet is no reason to refuse
    path = tmp_path / "two.xlsx"
    wb.save(path)
    r = cli("check", "-i", str(path), "-f", "jsonl")
    assert r.code == 2 and r.stdout == ""
    assert "two.xlsx" in r.stderr and "“十二月”" in r.stderr and "空白" not in r.stderr
    plan = tmp_path / "plan.xlsx"
    wb = Workbook()
    wb.active.append(["recipient", "send_time", "text"])
    wb.active.append(["13800001111", "2026-11-05 10:00", NOTICE])
    wb.create_sheet("备注").append(["说明"])
    wb.save(plan)
    r = cli("campaign", str(plan), "-f", "jsonl")
    assert r.code == 2 and "“备注”" in r.stderr


# ----------------------------------------------------------------------------- 8. eval --out
def test_eval_out_may_not_replace_the_baseline(cli: Cli, tmp_path: Path) -> None:
    """--out holding --baseline overwrote it: the next run compared with itself, and the
    regression it had just reported vanished."""
    data = tmp_path / "ev.jsonl"
    data.write_text(
        '{"id": "c1", "text": "【明德银行】保本", "must_fire": ["ADV001"], "verdict": "fail"}\n', "utf-8"
    )
    out = tmp_path / "base"
    assert cli("eval", "--dataset", str(data), "--out", str(out), "--engine", "offline").code == 0
    baseline = out / "report.json"
    before = baseline.read_bytes()
    r = cli(
        "eval", "--dataset", str(data), "--baseline", str(baseline), "--out", str(out), "--engine", "offline"
    )
    assert r.code == 2 and "--baseline" in r.stderr and "report.json" in r.stderr
    assert baseline.read_bytes() == before
    r = cli("eval", "--dataset", str(data), "--out", str(out), "--engine", "offline")
    assert r.code == 0 and "已覆盖" in r.stderr and "report.json" in r.stderr
    r = cli("eval", "--merge", str(baseline), "--out", str(out))
    assert r.code == 2 and "--merge" in r.stderr


# ----------------------------------------------------------------------------- 9. eval datasets
def _load(tmp_path: Path, rows: list[dict]):
    from assistant.evals.datasets import load_dataset

    path = tmp_path / "ds.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return load_dataset(path)


LOAN = "【捷贷消费金融】借款3分钟到账，日息0.03%。回T退订"


def test_an_unknown_fact_key_in_a_rewrite_case_is_a_dataset_error(tmp_path: Path) -> None:
    """facts: {annual_rate: …} was never used: the case measured a rewrite without its fact."""
    base = {"text": LOAN, "expected_status": "fixed"}
    ds = _load(
        tmp_path,
        [
            {**base, "id": "bad", "facts": {"annual_rate": "10.95%"}},
            {**base, "id": "good", "facts": {"annualized_rate": "10.95%"}},
            {**base, "id": "meant", "facts": {"apr": "10.95%"}, "refused_facts": ["apr"]},
            {**base, "id": "wrong", "facts": {"annualized_rate": "1%"}, "refused_facts": ["annualized_rate"]},
        ],
    )
    assert [c.id for c in ds.rewrites] == ["good", "meant"]
    assert ds.rewrites[1].refused_facts == ("apr",)
    assert len(ds.errors) == 2
    assert "第1行" in ds.errors[0] and "annual_rate" in ds.errors[0] and "annualized_rate" in ds.errors[0]
    assert "第4行" in ds.errors[1] and "refused_facts" in ds.errors[1]


def test_a_template_variable_is_a_known_fact_key(tmp_path: Path) -> None:
    text = "【明德银行】您的信用卡最后还款日为${due_date}，应还518.00元。"
    ds = _load(
        tmp_path, [{"id": "t", "text": text, "expected_status": "fixed", "facts": {"due_date": "12月3日"}}]
    )
    assert not ds.errors and len(ds.rewrites) == 1


def test_an_unknown_expected_need_is_a_dataset_error(tmp_path: Path) -> None:
    """expected_needs: [anualized_rate] can never be asked for: the case could only fail."""
    ds = _load(
        tmp_path,
        [
            {
                "id": "a",
                "text": CLAIM_DRAFT,
                "expected_status": "needs_input",
                "expected_needs": ["anualized_rate"],
            },
            {
                "id": "b",
                "text": CLAIM_DRAFT,
                "expected_status": "needs_input",
                "expected_needs": ["annualized_rate"],
            },
        ],
    )
    assert [c.id for c in ds.rewrites] == ["b"]
    assert len(ds.errors) == 1 and "第1行" in ds.errors[0] and "anualized_rate" in ds.errors[0]


def test_an_unknown_citation_id_in_a_qa_case_is_a_dataset_error(tmp_path: Path) -> None:
    """expected: [GUIDE-9.9] can never match a chunk: the case measured nothing."""
    ds = _load(
        tmp_path,
        [
            {"id": "q1", "question": "健康险短信要注意什么？", "expected": ["GUIDE-9.9"]},
            {"id": "q2", "question": "健康险短信要注意什么？", "expected": [{"citation_id": "GUIDE-1.2"}]},
            {"id": "q3", "question": "健康险短信要注意什么？", "expected": [{"sectoin": "x"}]},
            {"id": "q4", "question": "健康险短信要注意什么？", "expected": ["GUIDE-1.2", "INS-SALES-14"]},
        ],
    )
    assert [c.id for c in ds.qa] == ["q2", "q4"]
    assert len(ds.errors) == 2
    assert "第1行" in ds.errors[0] and "GUIDE-9.9" in ds.errors[0]
    assert "第3行" in ds.errors[1] and "sectoin" in ds.errors[1]


def test_a_refused_fact_the_engine_used_fails_the_case() -> None:
    from assistant.evals.datasets import RewriteCase
    from assistant.evals.rewrites import score_rewrite

    case = RewriteCase(id="x", text=LOAN, facts=(("apr", "7%"),), refused_facts=("apr",))
    assert score_rewrite(case, "fixed", [], [], refused=["apr"])["passed"]
    missed = score_rewrite(case, "fixed", [], [], refused=[])
    assert not missed["passed"] and missed["not_refused"] == ["apr"]


# ----------------------------------------------------------------------------- 10. audit export
def test_audit_export_takes_its_format_from_the_file_name(cli: Cli, tmp_path: Path) -> None:
    """--out audit.csv without --format wrote JSON lines into the .csv file."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    env["ASSISTANT_DATA_DIR"] = str(tmp_path)
    assert cli("check", NOTICE, env=env, cwd=tmp_path).code == 0  # one audited event
    out = tmp_path / "audit.csv"
    r = cli("audit", "export", "--out", str(out), env=env, cwd=tmp_path)
    assert r.code == 0, r.stderr
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("table,") and not text.startswith("{")
    lines = tmp_path / "audit.jsonl"
    assert cli("audit", "export", "--out", str(lines), env=env, cwd=tmp_path).code == 0
    assert json.loads(lines.read_text(encoding="utf-8").splitlines()[0])["table"] == "events"
    r = cli("audit", "export", "--format", "jsonl", "--out", str(out), env=env, cwd=tmp_path)
    assert r.code == 2 and "扩展名" in r.stderr
    assert out.read_text(encoding="utf-8-sig") == text  # the refused export wrote nothing
