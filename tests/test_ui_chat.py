"""The tabs' event bodies, without Gradio: chat steps, panel, approvals, thumbs, history, batch, settings.

:mod:`assistant.ui.tabs` only moves values between components and these functions, so
what a click does is pinned here; ``tests/e2e`` checks that the browser shows it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from assistant.ui import chat
from assistant.ui.chat import ChatContext, panel_state
from assistant.ui.handlers import (
    AnswerUpdate,
    AssistantServices,
    KnowledgeService,
    SessionSettings,
    apply_rule_settings,
    check_upload,
    select_profile,
    upload_profile,
)
from assistant.ui.history import exemption_candidates, search_history

DRAFT = "【明德银行】尊享理财，预期年化收益3%，稳赚不赔！回T退订"
LOAN = "【捷贷消费金融】借款3分钟到账，日息0.03%。回T退订"
STOCK = "【明德银行】推荐一只牛股，明天必涨停！回T退订"
PASSING = "【明德银行】您尾号1234的信用卡本期账单已出，请按时还款。"
QUESTION = "营销短信每月最多发几条？"


@pytest.fixture
def svc(services: AssistantServices) -> AssistantServices:
    """Offline services with a temp audit database (``services`` in ``tests/conftest.py``)."""
    return services


def _steps(steps: object) -> list[list[str]]:
    """The messages' contents at each refresh (the context is shared, so copy at each step)."""
    return [[str(m["content"]) for m in ctx.messages] for ctx in steps]  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------ chat


def test_user_message_is_escaped_verbatim() -> None:
    msg = chat.user_message("<b>稳*赚*</b>\n$1$")
    assert msg["role"] == "user"
    assert msg["content"] == '<div class="rv-text">&lt;b&gt;稳*赚*&lt;/b&gt;<br>$1$</div>'
    assert chat.bot_message("x", title="来源") == {
        "role": "assistant",
        "content": "x",
        "metadata": {"title": "来源"},
    }


def test_send_shows_the_review_first_then_replaces_the_note_with_the_rewrite(
    svc: AssistantServices,
) -> None:
    ctx = ChatContext()
    steps = _steps(chat.send(svc, ctx, SessionSettings(), f"  {DRAFT}\n", "auto"))
    assert len(steps) == 2
    first, last = steps
    assert len(first) == 3 and "正在改写" in first[2]  # the findings are on screen before the rewrite
    assert '<mark class="sev-error"' in first[1] and "识别为短信草稿（含【】签名）" in first[1]
    assert len(last) == 3 and "正在改写" not in last[2] and "改写：已给出合规版本" in last[2]
    assert ctx.draft == DRAFT and ctx.review is not None and ctx.rewrite is not None
    assert ctx.rewrite.status == "fixed"
    panel = panel_state(ctx)
    assert (
        panel.status.startswith("**审核**：不通过")
        and "**改写**：已给出合规版本（离线规则引擎）" in panel.status
    )
    assert [v.text for v in panel.variants] == [ctx.rewrite.variants[0].text]
    assert panel.variants[0].meta.startswith("版本 1 · ") and "<del>" in panel.variants[0].diff_html
    assert panel.targets == ["草稿", "版本 1"] and panel.target == "版本 1"
    assert panel.needs == [] and panel.feedback[0].startswith("发现：")


def test_send_blank_does_nothing_and_modes_decide_the_rewrite(svc: AssistantServices) -> None:
    ctx = ChatContext()
    assert list(chat.send(svc, ctx, SessionSettings(), "  \n", "auto")) == []
    assert ctx.messages == [] and panel_state(ctx).status.startswith("提交一条短信草稿后")

    list(chat.send(svc, ctx, SessionSettings(), DRAFT, "review"))
    assert len(ctx.messages) == 2 and ctx.rewrite is None  # reviewed, not rewritten

    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(auto_rewrite=False), DRAFT, "auto"))
    assert len(ctx.messages) == 2 and ctx.rewrite is None
    list(chat.send(svc, ctx, SessionSettings(auto_rewrite=False), DRAFT, "rewrite"))
    assert ctx.rewrite is not None and ctx.rewrite.status == "fixed"  # forced by the mode

    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), PASSING, "rewrite"))
    assert "原稿未发现问题，无需改写" in ctx.messages[-1]["content"] and ctx.rewrite is None


def test_needs_input_round_trip_through_the_form(svc: AssistantServices) -> None:
    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), LOAN, "auto"))
    assert ctx.rewrite is not None and ctx.rewrite.status == "needs_input"
    panel = panel_state(ctx)
    assert panel.needs == ["annualized_rate"] and panel.variants == [] and panel.target == "草稿"
    assert "补充信息" in ctx.messages[-1]["content"]

    steps = _steps(
        chat.refill(svc, ctx, SessionSettings(), {"annualized_rate": "7.2%-18%", "official_url": " "})
    )
    assert len(steps) == 1
    assert ctx.messages[-2] == {"role": "user", "content": "补充信息：年化利率（或区间）：7.2%-18%"}
    assert ctx.rewrite is not None and ctx.rewrite.status == "fixed"
    assert ctx.rewrite.facts == {"annualized_rate": "7.2%-18%"}  # a blank field is not a fact
    panel = panel_state(ctx)
    assert panel.needs == [] and panel.facts["annualized_rate"] == "7.2%-18%"
    assert "年化利率7.2%-18%" in panel.variants[0].text

    assert list(chat.refill(svc, ChatContext(), SessionSettings(), {"annualized_rate": "1%"})) == []


def test_refused_rewrite_shows_why(svc: AssistantServices) -> None:
    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), STOCK, "auto"))
    assert ctx.rewrite is not None and ctx.rewrite.status == "refused"
    assert 'class="refused"' in ctx.messages[-1]["content"]
    assert "PRO001" in panel_state(ctx).status and panel_state(ctx).variants == []


def test_ask_grows_one_message_then_lists_sources(knowledge_data: Path) -> None:
    svc = AssistantServices(knowledge=KnowledgeService(None))
    ctx = ChatContext()
    steps = _steps(chat.send(svc, ctx, SessionSettings(), QUESTION, "auto"))
    svc.close()
    assert "正在检索知识库" in steps[0][1] and "识别为合规问题" in steps[0][1]
    answer = ctx.messages[1]
    assert "[1]" in answer["content"] and "离线检索答案（未使用大模型） · 来源 5 条" in answer["content"]
    sources = ctx.messages[2:]
    assert [m["metadata"]["title"][:6] for m in sources] == [f"来源 [{n}]" for n in range(1, 6)]
    assert ctx.question == QUESTION and ctx.answer and ctx.answer_engine == "offline"
    assert panel_state(ctx).feedback == [f"回答：{QUESTION}"]


def test_ask_failure_is_a_message_not_a_crash(svc: AssistantServices) -> None:
    class BrokenIndex(KnowledgeService):
        def retriever(self) -> object:
            raise RuntimeError("索引文件损坏")

    svc.knowledge = BrokenIndex(None)
    ctx = ChatContext()
    steps = _steps(chat.send(svc, ctx, SessionSettings(), QUESTION, "ask"))
    assert "正在加载知识库" in steps[-2][1]  # the progress note while the index is not ready
    assert steps[-1][1] == '<div class="refused">无法回答：索引文件损坏</div>'


def test_answer_body_states_the_engine_and_removed_citations() -> None:
    partial = AnswerUpdate("q", "", [], False, "llm", status="大模型正在作答…")
    assert chat.answer_body(partial) == '<div class="muted">大模型正在作答…</div>'
    done = AnswerUpdate("q", "答[1]", [{"id": 1}], True, "llm", model="m1", removed_citations=[2, 3])
    body = chat.answer_body(done)
    assert body.startswith("答[1]") and "模式：大模型 m1 作答 · 来源 1 条" in body and "[2]、[3]" in body
    fallback = AnswerUpdate("q", "摘录", [], True, "offline", notice="大模型未给出回答（超时）")
    assert chat.answer_body(fallback).startswith('<div class="muted">大模型未给出回答（超时）</div>')


# ------------------------------------------------------------------------------ approvals & thumbs


def test_decide_a_variant_and_report_a_false_positive(svc: AssistantServices) -> None:
    ctx = ChatContext()
    sess = SessionSettings()
    assert chat.decide(svc, ctx, sess, decision="approved", target="草稿", reviewer="李", reason="") == (
        "提示：没有可审批的内容：请先提交一条短信草稿"
    )
    list(chat.send(svc, ctx, sess, DRAFT, "auto"))
    msg = chat.decide(
        svc, ctx, sess, decision="approved", target="版本 1", reviewer="", reason="", login="alice"
    )
    assert msg.startswith("已批准（alice，") and "可在“审核历史”中查看" in msg
    stored = svc.feedback.reviews(query="alice")
    assert len(stored) == 1 and stored[0].variant == 1 and stored[0].text == ctx.rewrite.variants[0].text
    assert stored[0].engine == "离线规则引擎"
    msg = chat.decide(svc, ctx, sess, decision="rejected", target="草稿", reviewer="李", reason="")
    assert msg == "提示：驳回时请填写理由"

    assert chat.rate(svc, ctx, target=None, rating="down", reason="") == (
        "提示：请先选择反馈对象（提交草稿或问题后可选）"
    )
    label = next(x for x in panel_state(ctx).feedback if "ADV003" in x)
    msg = chat.rate(svc, ctx, target=label, rating="down", reason="品牌名", login="alice")
    assert msg == "已记录反馈，谢谢。误报会列入“审核历史 → 误报候选”。"
    rows, path = exemption_candidates(svc.feedback)
    assert [r[:3] for r in rows] == [["ADV003", "理财", 1]] and path is not None
    assert "ADV003" in path.read_text(encoding="utf-8-sig")


def test_thumbs_on_a_message_are_recorded(svc: AssistantServices) -> None:
    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), DRAFT, "review"))
    note = chat.rate_message(svc, ctx, index=1, liked=False, reason="")
    assert note == "已记录对该条消息的踩；可在右侧“反馈”中选择具体发现并填写理由"
    assert chat.rate_message(svc, ctx, index=0, liked=True, reason="好") == "已记录对该条消息的赞"
    events = [e for e in svc.audit.rows("events") if e["kind"] == "feedback"]
    assert sorted(e["status"] for e in events) == ["down", "up"]
    assert any("ADV001" in str(e["input"]) for e in events)  # the rated message's content is kept


# ------------------------------------------------------------------------------ history


def test_history_search_and_export(svc: AssistantServices) -> None:
    view = search_history(svc.feedback, since="2025-13-01")
    assert view.message.startswith("提示：") and view.rows is None and view.export is None
    view = search_history(svc.feedback)
    assert view.message == "共 0 条审核记录" and view.rows == [] and view.export is None
    svc.decide(decision="rejected", reviewer="王审核", reason="含保本承诺", target="draft", draft=DRAFT)
    view = search_history(svc.feedback, query="王审核", decision="rejected")
    assert view.message == "共 1 条审核记录" and view.rows is not None and len(view.rows) == 1
    assert view.export is not None and view.export.name == "reviews.csv"
    with view.export.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 2 and "王审核" in rows[1] and "含保本承诺" in rows[1]
    assert search_history(svc.feedback, decision="approved").rows == []
    assert exemption_candidates(svc.feedback) == ([], None)


# ------------------------------------------------------------------------------ batch


def test_check_upload_refuses_bad_uploads_with_a_message(svc: AssistantServices, tmp_path: Path) -> None:
    view = check_upload(svc, SessionSettings(), None, "auto")
    assert view.outcome is None and view.message == "提示：请先上传 .csv / .xlsx / .jsonl / .txt 文件"
    view = check_upload(svc, SessionSettings(), str(tmp_path / "a.pdf"), "auto")
    assert view.outcome is None and "不支持的文件类型 .pdf" in view.message


def test_check_upload_summary_table_and_session_rules(svc: AssistantServices, tmp_path: Path) -> None:
    src = tmp_path / "drafts.jsonl"
    src.write_text(
        "".join(f'{{"text": "【明德银行】尊享理财{i}号，稳赚不赔！回T退订"}}\n' for i in range(2001))
    )
    ticks: list[int] = []
    view = check_upload(svc, SessionSettings(), str(src), "auto", progress=lambda d, t, _: ticks.append(d))
    assert view.outcome is not None and view.outcome.total == 2001 and ticks[-1] == 2001
    assert view.message.startswith("共 2001 行（逐条检查）：通过 0，需复核 0，不通过 2001")
    assert view.message.endswith("表格显示前 2000 行，完整结果见下载文件。") and len(view.table) == 2000
    assert set(view.outcome.files) == {"csv", "xlsx", "html"}

    small = tmp_path / "one.csv"
    small.write_text(f"text\n{DRAFT}\n", encoding="utf-8")
    only = SessionSettings(select=["ADV001"])
    view = check_upload(svc, only, str(small), "check")
    assert "表格显示前" not in view.message and view.table[0][3].startswith("ADV001")
    assert "ADV003" not in view.table[0][3]  # the session's rule selection applies to the batch


# ------------------------------------------------------------------------------ settings


def test_settings_handlers(tmp_path: Path) -> None:
    sess, text = select_profile(SessionSettings(), "example-bank")
    assert sess.profile() is not None and "明德银行" in text
    sess, text = select_profile(sess, "no-such-profile")
    assert text.startswith("提示：") and "明德银行" in text  # the previous profile stays
    sess, text = select_profile(sess, "")
    assert sess.profile() is None and "未使用发送方档案" in text

    assert upload_profile(sess, None)[2] is False
    bad = tmp_path / "bad.toml"
    bad.write_text('[sender]\nlicenses = ["banking_magic"]\n', encoding="utf-8")
    sess, text, taken = upload_profile(sess, str(bad))
    assert not taken and text.startswith("提示：") and "未知资质" in text
    good = tmp_path / "mine.toml"
    good.write_text('[sender]\nfull_name = "测试银行"\nsignatures = ["测试银行"]\n', encoding="utf-8")
    sess, text, taken = upload_profile(sess, str(good))
    assert taken and "测试银行（上传文件 mine.toml）" in text

    sess, text = apply_rule_settings(
        sess, selected=["ADV001 保本保收益"], ignored=[], variants=2.0, auto_rewrite=False, advisory=True
    )
    assert sess.select == ["ADV001"] and sess.ignore == [] and sess.variants == 2
    assert sess.auto_rewrite is False and sess.advisory is True
    assert "启用规则：ADV001" in text and "改写版本数：2" in text and "自动改写：否" in text


@pytest.mark.parametrize("mode", ["auto", "review"])
def test_review_errors_become_chat_messages(
    svc: AssistantServices, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review that cannot run is a message in the chat, and the conversation goes on."""
    from assistant.errors import AssistantError

    def fail(*_: object, **__: object) -> None:
        raise AssistantError("发送方档案无效：<缺少签名>")

    monkeypatch.setattr(svc, "review", fail)
    ctx = ChatContext()
    steps = _steps(chat.send(svc, ctx, SessionSettings(), DRAFT, mode))
    assert steps == [[chat.user_message(DRAFT)["content"], "提示：发送方档案无效：&lt;缺少签名&gt;"]]
    assert ctx.review is None and ctx.draft == ""
