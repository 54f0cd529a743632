"""The chat's steps, without Gradio: send, intent and its switch, rewrite, needs form, answers.

:mod:`assistant.ui.tabs.workspace` only moves values between components and these
functions, so what a send does is pinned here; ``tests/e2e`` checks that the browser shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ui import chat
from assistant.ui.context import ChatContext
from assistant.ui.handlers import AnswerUpdate, AssistantServices, KnowledgeService, SessionSettings
from assistant.ui.pane import pane_view

DRAFT = "【明德银行】尊享理财，业绩比较基准3%，稳赚不赔！回T退订"
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


# ------------------------------------------------------------------------------ messages


def test_user_message_is_escaped_verbatim() -> None:
    msg = chat.user_message("<b>稳*赚*</b>\n$1$ [点此](http://x.cn)")
    assert msg["role"] == "user"
    content = msg["content"]
    assert "<b>" not in content and "&#60;b&#62;" in content and "<br>" in content
    # no Markdown survives: no emphasis, no link, no LaTeX
    for raw in ("*", "[", "](", "$", "http://"):
        assert raw not in content
    assert chat.bot_message("x", title="来源") == {
        "role": "assistant",
        "content": "x",
        "metadata": {"title": "来源"},
    }


def test_send_puts_the_draft_in_the_editor_then_rewrites(svc: AssistantServices) -> None:
    ctx = ChatContext()
    steps = _steps(chat.send(svc, ctx, SessionSettings(), f"  {DRAFT}\n", "auto"))
    assert len(steps) == 2
    first, last = steps
    assert len(first) == 3 and "正在改写" in first[2]  # the review is on screen before the rewrite
    assert '<mark class="sev-error"' in first[1] and "识别为短信草稿（含【】签名）" in first[1]
    assert "错误 2 · 警告 0 · 提示 0" in first[1]
    assert len(last) == 3 and "正在改写" not in last[2] and "改写：已给出合规版本" in last[2]
    assert ctx.draft == DRAFT and ctx.review is not None and ctx.rewrite is not None
    assert ctx.rewrite.status == "fixed" and ctx.last_intent is not None and ctx.last_input == DRAFT
    view = pane_view(svc, ctx, SessionSettings())
    assert 'class="fcard error"' in view.cards and view.cards.count('class="fcard ') == 2
    assert "版本 1" in view.versions and view.targets[0][1] == "draft" and view.target == "draft"
    assert [key for _, key in view.targets] == ["draft", "variant:1"]


def test_send_blank_does_nothing_and_modes_decide_the_rewrite(svc: AssistantServices) -> None:
    ctx = ChatContext()
    assert list(chat.send(svc, ctx, SessionSettings(), "  \n", "auto")) == []
    assert ctx.messages == [] and not pane_view(svc, ctx, SessionSettings()).can_approve

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

    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), DRAFT, "bogus"))
    assert "未知的模式" in ctx.messages[-1]["content"] and ctx.draft == ""


def test_needs_input_round_trip_and_the_form_stays_editable(svc: AssistantServices) -> None:
    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), LOAN, "auto"))
    assert ctx.rewrite is not None and ctx.rewrite.status == "needs_input"
    view = pane_view(svc, ctx, SessionSettings())
    # the only version is the partial one, labelled as not compliant (placeholders to fill)
    assert view.needs == ["annualized_rate"] and "版本 2" not in view.versions
    assert "待补充版" in view.versions and "未合规" in view.versions
    assert view.versions.count("待补充版") == 1  # the style is named once
    assert [key for _, key in view.targets] == ["draft"]
    assert "补充信息" in ctx.messages[-1]["content"]
    assert "--fact" not in ctx.messages[-1]["content"]  # never a CLI flag in the web UI

    steps = _steps(
        chat.refill(svc, ctx, SessionSettings(), {"annualized_rate": "7.2%-18%", "official_url": " "})
    )
    assert len(steps) == 1
    assert "补充信息：年化利率（或区间）：7&#46;2%&#45;18%" in ctx.messages[-2]["content"]
    assert ctx.rewrite is not None and ctx.rewrite.status == "fixed"
    assert ctx.rewrite.facts == {"annualized_rate": "7.2%-18%"}  # a blank field is not a fact
    view = pane_view(svc, ctx, SessionSettings())
    # still editable after a version: the field stays, with the value given
    assert view.needs == ["annualized_rate"] and view.needs_values["annualized_rate"] == "7.2%-18%"
    assert "年化利率7.2%-18%" in ctx.rewrite.variants[0].text

    assert list(chat.refill(svc, ChatContext(), SessionSettings(), {"annualized_rate": "1%"})) == []


def test_refused_values_are_shown_per_field_and_never_used(
    svc: AssistantServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(values: dict[str, str], **_: object) -> tuple[dict[str, str], dict[str, str]]:
        return {}, {"annualized_rate": "年化利率（annualized_rate）的值“不知道”不是有效信息"}

    monkeypatch.setattr(chat, "validate_needs", refuse)
    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), LOAN, "auto"))
    before = ctx.rewrite
    list(chat.refill(svc, ctx, SessionSettings(), {"annualized_rate": "不知道"}))
    assert ctx.rewrite is before  # no rewrite with a refused value
    assert "补充信息有误，未改写" in ctx.messages[-1]["content"]
    view = pane_view(svc, ctx, SessionSettings())
    assert "年化利率（或区间）" in view.needs_errors and "不知道" in view.needs_errors
    assert view.needs == ["annualized_rate"]


def test_refused_rewrite_shows_why(svc: AssistantServices) -> None:
    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), STOCK, "auto"))
    assert ctx.rewrite is not None and ctx.rewrite.status == "refused"
    assert 'class="refused"' in ctx.messages[-1]["content"]
    view = pane_view(svc, ctx, SessionSettings())
    assert "拒绝改写" in view.versions and "PRO001" in view.versions


def test_intent_switch_reads_the_last_input_the_other_way(
    svc: AssistantServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_ask(question: str, session: object = None) -> object:
        asked.append(question)
        yield AnswerUpdate(question, "答[1]", [{"id": 1, "title": "t", "text": "原文"}], True, "offline")

    monkeypatch.setattr(svc, "ask", fake_ask)
    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), "尊享理财，稳赚不赔", "auto"))
    assert ctx.review is not None and ctx.last_intent is not None and ctx.last_intent.kind == "sms"
    list(chat.switch_intent(svc, ctx, SessionSettings()))
    assert asked == ["尊享理财，稳赚不赔"] and "已改为按合规问题回答" in ctx.messages[-2]["content"]
    assert ctx.last_intent is None and list(chat.switch_intent(svc, ctx, SessionSettings())) == []

    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), "这条可以发吗", "auto"))
    assert asked[-1] == "这条可以发吗" and ctx.last_intent is not None and ctx.last_intent.kind == "question"
    list(chat.switch_intent(svc, ctx, SessionSettings()))
    assert ctx.draft == "这条可以发吗" and ctx.review is not None


# ------------------------------------------------------------------------------ answers


def test_ask_grows_one_message_with_the_answer_first(knowledge_data: Path) -> None:
    svc = AssistantServices(knowledge=KnowledgeService(None))
    ctx = ChatContext()
    steps = _steps(chat.send(svc, ctx, SessionSettings(), QUESTION, "auto"))
    svc.close()
    assert "正在检索知识库" in steps[0][1] and "识别为合规问题" in steps[0][1]
    assert len(ctx.messages) == 2  # one message: the answer with its sources inside
    answer = ctx.messages[1]["content"]
    assert '<div class="lead">' in answer and "<ul>" in answer  # the answer, then the supporting points
    assert '<details class="cite"><summary>[1]</summary>' in answer  # opens the passage in place
    assert "来源 5 条" in answer and "离线检索答案" in answer
    assert "（离线检索答案，未使用大模型）" not in answer  # the label is in the footer, not the answer
    assert ctx.question == QUESTION and ctx.answer and ctx.answer_engine == "offline"


def test_off_topic_question_says_the_knowledge_base_has_nothing(knowledge_data: Path) -> None:
    svc = AssistantServices(knowledge=KnowledgeService(None))
    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), "今天北京天气怎么样", "auto"))
    svc.close()
    answer = ctx.messages[-1]["content"]
    assert "知识库中没有相关内容" in answer and "cite" not in answer and "来源" not in answer


def test_ask_failure_is_a_message_not_a_crash(svc: AssistantServices) -> None:
    class BrokenIndex(KnowledgeService):
        def retriever(self) -> object:
            raise RuntimeError("索引文件损坏")

    svc.knowledge = BrokenIndex(None)
    ctx = ChatContext()
    steps = _steps(chat.send(svc, ctx, SessionSettings(), QUESTION, "ask"))
    assert "正在加载知识库" in steps[-2][1]  # the progress note while the index is not ready
    assert steps[-1][1] == '<div class="refused">无法回答：索引文件损坏</div>'


def test_model_answers_are_inert_text_with_our_citations_only() -> None:
    """A model's Markdown image or link is shown as characters; [n] of a known source is ours."""
    src = [{"id": 1, "title": "指南", "section": "五", "text": "每月不超过3条。", "confidence": "guide"}]
    evil = "![x](http://evil.example/p.png) 见[官网](http://evil.example)与<img src=x onerror=alert(1)>[1][7]"
    body = chat.answer_body(AnswerUpdate("q", evil, src, True, "llm", model="m1", removed_citations=[7]))
    assert "<img" not in body and "<a " not in body and "http://" not in body
    assert body.count('<details class="cite">') == 2  # the inline [1] and the source list
    assert "&#91;7&#93;" in body  # an unknown source stays text
    assert "大模型 m1 作答" in body and "[7]" in body  # the removed citation is named in the footer
    partial = AnswerUpdate("q", "", [], False, "llm", status="大模型正在作答…")
    assert chat.answer_body(partial) == '<div class="muted">大模型正在作答…</div>'
    fallback = AnswerUpdate(
        "q", "摘录", [], True, "offline", notice="大模型未给出回答（超时），可使用 --engine offline"
    )
    out = chat.answer_body(fallback)
    assert "大模型未给出回答（超时）" in out and "--engine" not in out


def test_thumbs_on_a_message_are_recorded(svc: AssistantServices) -> None:
    ctx = ChatContext()
    list(chat.send(svc, ctx, SessionSettings(), DRAFT, "review"))
    assert chat.rate_message(svc, ctx, index=1, liked=False) == "已记录对该条消息的踩，谢谢。"
    assert chat.rate_message(svc, ctx, index=0, liked=True) == "已记录对该条消息的赞，谢谢。"
    events = [e for e in svc.audit.rows("events") if e["kind"] == "feedback"]
    assert sorted(e["status"] for e in events) == ["down", "up"]


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
    assert steps == [
        [
            chat.user_message(DRAFT)["content"],
            '<div class="refused">提示：发送方档案无效：&lt;缺少签名&gt;</div>',
        ]
    ]
    assert ctx.review is None and ctx.draft == ""
