"""The draft pane without a browser: live check, cards and fixes, versions, approvals, settings.

Each test drives the same functions the Gradio layer calls (:mod:`assistant.ui.editor`,
:mod:`assistant.ui.pane`, :mod:`assistant.ui.approval`, :mod:`assistant.ui.prefs`,
:mod:`assistant.ui.history`).
"""

from __future__ import annotations

import csv
import json
from zoneinfo import ZoneInfo

import pytest
from test_ui_handlers import DRAFT

from assistant.ui import chat, editor
from assistant.ui.approval import decide, digest
from assistant.ui.context import ChatContext
from assistant.ui.handlers import AssistantServices, SessionSettings
from assistant.ui.history import exemption_candidates, search_history
from assistant.ui.pane import pane_view
from assistant.ui.prefs import from_prefs, to_prefs
from assistant.ui.tabs.header import profile_chip

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def svc(services: AssistantServices) -> AssistantServices:
    return services


def _action(op: str, ctx: ChatContext, code: str = "", **extra: object) -> str:
    """The JSON a card's button sends for the finding ``code`` of the current review."""
    data: dict[str, object] = {"op": op, **extra}
    if code:
        assert ctx.review is not None
        i, f = next((i, f) for i, f in enumerate(ctx.review.findings) if f.code == code)
        data.update(i=str(i), code=f.code, start=str(f.start), end=str(f.end))
    return json.dumps(data)


# ------------------------------------------------------------------------------ editor


def test_live_check_updates_counts_without_auditing(svc: AssistantServices) -> None:
    ctx = ChatContext()
    sess = SessionSettings()
    before = len(list(svc.audit.rows("events")))
    editor.live_check(svc, ctx, sess, "【明德银行】尊享理财，稳赚不赔")
    assert ctx.review is not None and {f.code for f in ctx.review.findings} >= {"ADV001", "OPT001"}
    view = pane_view(svc, ctx, sess)
    assert "不通过" in view.head and "错误 " in view.head and "提示 " in view.head
    assert 'data-f="' in view.preview and "15 字" in view.preview  # marks name their cards
    editor.live_check(svc, ctx, sess, "")
    assert ctx.review is None and pane_view(svc, ctx, sess).cards == ""
    assert len(list(svc.audit.rows("events"))) == before  # typing is not an audited action
    assert ctx.undo == []  # typing is undone by the browser, not by 撤销


def test_safe_fix_applies_at_once_and_undo_restores(svc: AssistantServices) -> None:
    ctx = ChatContext()
    sess = SessionSettings()
    editor.live_check(svc, ctx, sess, DRAFT)
    view = pane_view(svc, ctx, sess)
    assert view.cards.count('data-act="fix"') == 1 and view.cards.count('data-act="accept"') == 1
    assert "修改预览" in view.cards  # the unsafe fix is a preview to accept
    editor.act(svc, ctx, sess, _action("fix", ctx, "ADV003"))
    assert "理财非存款，产品有风险，投资须谨慎。回T退订" in ctx.draft and ctx.undo == [DRAFT]
    assert ctx.note.startswith("已应用安全修复（ADV003）")
    assert "ADV003" not in {f.code for f in ctx.review.findings}  # type: ignore[union-attr]
    editor.act(svc, ctx, sess, _action("undo", ctx))
    assert ctx.draft == DRAFT and ctx.note == "已撤销上一次修改" and ctx.undo == []
    editor.undo(svc, ctx, sess)
    assert ctx.note == "没有可撤销的修改"


def test_unsafe_fix_is_accepted_from_its_preview(svc: AssistantServices) -> None:
    ctx = ChatContext()
    sess = SessionSettings()
    editor.live_check(svc, ctx, sess, DRAFT)
    editor.act(svc, ctx, sess, _action("accept", ctx, "ADV001"))
    assert "稳赚不赔" not in ctx.draft and "，！" not in ctx.draft and ctx.note.startswith("已接受修改")


def test_stale_or_unknown_actions_are_refused(svc: AssistantServices) -> None:
    ctx = ChatContext()
    sess = SessionSettings()
    editor.live_check(svc, ctx, sess, DRAFT)
    stale = _action("fix", ctx, "ADV003")
    editor.live_check(svc, ctx, sess, "【明德银行】新的草稿，稳赚不赔！回T退订")
    editor.act(svc, ctx, sess, stale)
    assert ctx.note == "提示：草稿已变化，请在新的发现卡片上操作" and "理财非存款" not in ctx.draft
    editor.act(svc, ctx, sess, json.dumps({"op": "delete_everything"}))
    assert ctx.note.startswith("提示：未知的操作 'delete_everything'")
    editor.act(svc, ctx, sess, "not json")
    assert ctx.note == "操作无效：无法解析"
    editor.act(svc, ctx, sess, json.dumps({"op": "use", "v": 3}))
    assert ctx.note == "提示：该版本已不存在，请重新改写"


def test_action_sees_text_typed_before_the_debounce(svc: AssistantServices) -> None:
    ctx = ChatContext()
    sess = SessionSettings()
    editor.live_check(svc, ctx, sess, DRAFT)
    typed = DRAFT + "！"
    payload = _action("fp", ctx, "ADV001")
    editor.act(svc, ctx, sess, payload, editor_text=typed)
    assert ctx.draft == typed  # the card's finding still matches at the same span
    assert ("ADV001", 20, 24) in ctx.reported and "误报" in ctx.note
    rows, _ = exemption_candidates(svc.feedback)
    assert [r[:3] for r in rows] == [["ADV001", "稳赚不赔", 1]]
    assert "已记录误报" in pane_view(svc, ctx, sess).cards


def test_use_a_version_puts_it_in_the_editor(svc: AssistantServices) -> None:
    ctx = ChatContext()
    sess = SessionSettings()
    list(chat.send(svc, ctx, sess, DRAFT, "auto"))
    assert ctx.rewrite is not None
    version = ctx.rewrite.variants[0].text
    view = pane_view(svc, ctx, sess)
    assert f'data-copy="{version}"' in view.versions  # copy buttons copy the plain text
    assert "<del>" in view.versions and 'data-act="use"' in view.versions
    editor.act(svc, ctx, sess, _action("use", ctx, v="1"))
    assert ctx.draft == version and ctx.undo[-1] == DRAFT and ctx.review is not None
    assert ctx.review.verdict != "fail"


def test_rule_detail_states_the_legal_basis_and_confidence(svc: AssistantServices) -> None:
    ctx = ChatContext()
    editor.live_check(svc, ctx, SessionSettings(), DRAFT)
    cards = pane_view(svc, ctx, SessionSettings()).cards
    assert "<summary>详情</summary>" in cards and "法律依据与可信度" in cards and "可信度：" in cards
    assert "承诺保本保收益" in cards  # the rule's name in plain Chinese
    for english in ("What it does", "Why it matters", "References"):
        assert english not in cards


def test_rule_text_for_copywriters_names_no_setting_or_flag() -> None:
    """The cards explain a rule to a copywriter: no config key, config file or CLI flag."""
    import re

    from assistant.checker.rulespec import load_rule_specs
    from assistant.ui.cards import for_copywriters, rule_detail_html

    for spec in load_rule_specs():
        for text in (spec.doc.what, spec.doc.fix, rule_detail_html(spec.code)):
            out = for_copywriters(text) if "<" not in text else text
            assert not re.search(r"[a-z]+_[a-z_]+|assistant\.toml|--[a-z]", out), (spec.code, out)
    assert for_copywriters("营销短信中查找配置的退订语（optout_phrases），包括全角写法。") == (
        "营销短信中查找配置的退订语，包括全角写法。"
    )
    assert (
        for_copywriters("把时间调整到时段内；时段可在 assistant.toml 中用 send_window 配置。")
        == "把时间调整到时段内。"
    )


def test_the_draft_card_shows_ignored_rules(svc: AssistantServices) -> None:
    ctx = ChatContext()
    sess = SessionSettings(ignore=["ADV001"])
    editor.live_check(svc, ctx, sess, DRAFT)
    view = pane_view(svc, ctx, sess)
    assert "已忽略 ADV001" in view.head and "ADV001" not in view.cards


# ------------------------------------------------------------------------------ approval


def _reviewed(svc: AssistantServices, sess: SessionSettings) -> ChatContext:
    ctx = ChatContext()
    list(chat.send(svc, ctx, sess, DRAFT, "auto"))
    return ctx


def test_approval_records_the_exact_text_its_hash_and_what_was_ignored(svc: AssistantServices) -> None:
    sess = SessionSettings(ignore=["ADV001"])
    ctx = _reviewed(svc, sess)
    view = pane_view(svc, ctx, sess, "variant:1")
    version = ctx.rewrite.variants[0].text  # type: ignore[union-attr]
    assert view.target == "variant:1" and view.approval_hash == digest(version)
    assert digest(version) in view.approval and "SHA-256" in view.approval
    msg = decide(
        svc,
        ctx,
        sess,
        decision="approved",
        target="variant:1",
        reviewer="王审核",
        reason="",
        expected_hash=view.approval_hash,
    )
    assert msg.startswith("已批准：版本 1") and "北京时间" in msg
    stored = svc.feedback.reviews(text_hash=digest(version))
    assert len(stored) == 1 and stored[0].text == version and stored[0].original == DRAFT
    assert stored[0].detail["ignored"] == ["ADV001"] and stored[0].detail["verdict_all_rules"] == "pass"
    # the draft itself: an error under every rule (ADV001 is ignored, not gone) needs a reason
    msg = decide(svc, ctx, sess, decision="approved", target="draft", reviewer="王审核", reason="")
    assert msg.startswith("提示：该文本仍有错误级发现") and "ADV001" in msg and "忽略" in msg
    msg = decide(svc, ctx, sess, decision="approved", target="draft", reviewer="王审核", reason="领导特批")
    review = svc.feedback.reviews(text_hash=digest(DRAFT))[0]
    assert review.reason == "领导特批" and {f["code"] for f in review.detail["findings_ignored"]} == {
        "ADV001"
    }
    assert "ADV001" not in {f["code"] for f in review.detail["findings"]}


def test_second_decision_on_the_same_text_is_refused_unless_superseded(svc: AssistantServices) -> None:
    sess = SessionSettings()
    ctx = _reviewed(svc, sess)
    first = decide(svc, ctx, sess, decision="rejected", target="draft", reviewer="李", reason="含保本承诺")
    assert first.startswith("已驳回")
    again = decide(svc, ctx, sess, decision="rejected", target="draft", reviewer="张", reason="同上")
    assert again.startswith("提示：该文本已于") and "不重复记录" in again
    flip = decide(svc, ctx, sess, decision="approved", target="draft", reviewer="张", reason="领导特批")
    assert "推翻先前决定" in flip and flip.startswith("提示：")
    no_reason = decide(
        svc, ctx, sess, decision="approved", target="draft", reviewer="张", reason="", supersede=True
    )
    assert no_reason.startswith("提示：")  # an approval of a failing text, or a flip, needs a reason
    done = decide(
        svc,
        ctx,
        sess,
        decision="approved",
        target="draft",
        reviewer="张",
        reason="已确认可发",
        supersede=True,
    )
    assert done.startswith("已批准") and "推翻了编号" in done
    stored = svc.feedback.reviews(text_hash=digest(DRAFT))
    assert [r.decision for r in stored] == ["approved", "rejected"]
    assert stored[0].supersedes == stored[1].id
    view = pane_view(svc, ctx, sess)
    assert view.approval.count('class="prior ') == 2 and "已批准" in view.approval
    assert len(svc.feedback.reviews()) == 2  # the refused ones were never stored


def test_a_changed_text_cannot_be_approved_with_the_old_hash(svc: AssistantServices) -> None:
    sess = SessionSettings()
    ctx = _reviewed(svc, sess)
    shown = pane_view(svc, ctx, sess).approval_hash
    editor.live_check(svc, ctx, sess, DRAFT + "理财非存款。")
    msg = decide(
        svc, ctx, sess, decision="rejected", target="draft", reviewer="李", reason="x", expected_hash=shown
    )
    assert msg == "提示：待审批的文本已变化（与面板显示的不一致），请确认新的文本后再审批"
    assert decide(
        svc, ChatContext(), sess, decision="approved", target="draft", reviewer="李", reason=""
    ).startswith("提示：没有可审批的内容")


def test_history_in_beijing_time_as_cards_on_a_phone(svc: AssistantServices) -> None:
    sess = SessionSettings()
    ctx = _reviewed(svc, sess)
    decide(
        svc, ctx, sess, decision="rejected", target="draft", reviewer="王审核", reason="含保本承诺", login="w"
    )
    stored = svc.feedback.reviews()[0]
    view = search_history(svc.feedback, query="王审核", tz=SHANGHAI)
    assert view.message == "共 1 条审核记录" and view.html is not None
    assert "时间（北京时间）" in view.html and 'data-label="审核人"' in view.html
    utc = stored.ts.replace("T", " ")[:19]
    local = view.rows[0][0]  # type: ignore[index]
    assert local != utc and int(local[11:13]) == (int(utc[11:13]) + 8) % 24
    with view.export.open(encoding="utf-8-sig") as fh:  # type: ignore[union-attr]
        rows = list(csv.reader(fh))
    assert rows[0][0] == "时间（北京时间）" and rows[0][-1] == "文本SHA-256" and rows[1][-1] == digest(DRAFT)
    assert search_history(svc.feedback, since="2025-13-01").message.startswith("提示：")


# ------------------------------------------------------------------------------ settings per browser


def test_settings_round_trip_through_the_browser(svc: AssistantServices) -> None:
    from assistant.ui.handlers import choose_profile

    sess = choose_profile(SessionSettings(), "example-bank")
    sess.ignore, sess.select, sess.variants, sess.mode, sess.auto_rewrite = ["ADV001"], [], 2, "ask", False
    saved = json.loads(json.dumps(to_prefs(sess)))  # what localStorage keeps is JSON
    back, notes = from_prefs(saved, known_codes=svc.rule_codes())
    assert notes == [] and back.profile_name == "example-bank" and back.profile() is not None
    assert (back.ignore, back.variants, back.mode, back.auto_rewrite) == (["ADV001"], 2, "ask", False)
    assert "明德银行" in profile_chip(back) and "未使用" in profile_chip(SessionSettings())


def test_restored_settings_drop_what_no_longer_holds_and_say_so(svc: AssistantServices) -> None:
    saved = to_prefs(SessionSettings())
    saved.update(profile_name="gone-bank", ignore=["ADV001", "ZZZ999"], variants="many", mode="bogus")
    back, notes = from_prefs(saved, known_codes=svc.rule_codes())
    assert back.profile() is None and back.ignore == ["ADV001"] and back.variants == 3 and back.mode == "auto"
    assert any("gone-bank" in n for n in notes) and any("ZZZ999" in n for n in notes)
    assert from_prefs(None, known_codes=[])[0] == SessionSettings()
    assert from_prefs({"version": 99}, known_codes=[])[0] == SessionSettings()
    uploaded = to_prefs(SessionSettings(profile_label="测试", profile_data={"full_name": "测试银行"}))
    back, notes = from_prefs(uploaded, known_codes=[])
    assert notes == [] and back.profile() is not None and back.profile().full_name == "测试银行"  # type: ignore[union-attr]


def test_one_session_runs_its_chat_events_one_after_another() -> None:
    """A message sent while the previous one is still being rewritten waits for it (the
    older message's last step can no longer overwrite the newer draft); sessions are apart."""
    from types import SimpleNamespace

    from assistant.ui.tabs.workspace import session_lock

    a, b = SimpleNamespace(session_hash="a"), SimpleNamespace(session_hash="b")
    assert session_lock(a) is session_lock(a)  # type: ignore[arg-type]
    assert session_lock(a) is not session_lock(b)  # type: ignore[arg-type]
    with session_lock(a):  # type: ignore[arg-type]
        assert session_lock(a).locked() and not session_lock(b).locked()  # type: ignore[arg-type]
