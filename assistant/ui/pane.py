"""The draft pane for a session, as data: what every part of the right-hand side shows.

One function, :func:`pane_view`, computes the whole pane from the session's
:class:`~assistant.ui.context.ChatContext`, so a chat send, a keystroke, a card's button
and an approval all redraw it the same way; the Gradio layer turns a :class:`PaneView`
into component updates.  Tested without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.ui import cards, render
from assistant.ui.approval import approval_targets, prior_decisions
from assistant.ui.context import ChatContext
from assistant.ui.feedback import local_time
from assistant.ui.handlers import NEED_LABELS, AssistantServices, SessionSettings

__all__ = ["NEED_KEYS", "PaneView", "pane_view"]

NEED_KEYS = list(NEED_LABELS)


@dataclass(frozen=True)
class PaneView:
    """Everything the draft pane shows for one context."""

    head: str  # verdict, counts, ignored rules
    preview: str  # the phone preview with highlights and counters
    cards: str  # finding cards
    versions: str  # rewrite versions
    note: str  # the last action's message ("" hides it)
    needs: list[str]  # fact keys the form asks for (their fields are shown)
    needs_values: dict[str, str]  # every field's value
    needs_errors: str  # the refused values, each naming its field (HTML)
    remove_instead: int | None  # the version that removes instead of supplying a fact
    targets: list[tuple[str, str]]  # (label, key) of what can be approved
    target: str | None  # the selected key
    approval: str  # exact text, hash and earlier decisions of the selected target
    approval_hash: str  # the hash the panel shows (the decision must match it)
    can_approve: bool = field(default=False)


def pane_view(
    services: AssistantServices, ctx: ChatContext, session: SessionSettings, target: str | None = None
) -> PaneView:
    """The pane for ``ctx``; ``target`` is the approval target the user picked (kept if still there)."""
    review = ctx.review if ctx.review is not None and ctx.review.text == ctx.draft else None
    head = cards.draft_head_html(review, ignored_note=session.ignored_note())
    preview = cards.preview_html(review, ctx.draft)
    finding_cards = cards.finding_cards_html(review, reported=ctx.reported)
    rw = ctx.rewrite
    versions = ""
    needs: list[str] = []
    remove_instead: int | None = None
    if rw is not None:
        version_cards = [
            cards.VersionCard(
                index=v.index,
                text=v.text,
                style=v.style_label,
                length=v.length,
                segments=v.segments,
                diff_html=v.diff_html,
                resolved=render.codes_text(v.resolved),
                remaining=render.codes_text(f for f in v.findings if v.compliant),
                changes=v.changes,
                compliant=v.compliant,
            )
            for v in rw.variants
        ]
        status = rw.status_text
        if rw.status in ("refused", "failed", "needs_input") and rw.reason:
            status += "：" + rw.reason
        versions = cards.version_cards_html(version_cards, status=status, note=rw.notice)
        # asked for now, or supplied before: the form stays editable after a version is produced
        asked = set(dict(rw.needs)) if rw.status == "needs_input" else set()
        needs = [k for k in NEED_KEYS if k in asked or k in rw.facts]
        remove_instead = next((v.index for v in rw.variants if v.style == "remove_instead"), None)
    if ctx.needs_errors:
        needs = sorted(
            set(needs) | set(ctx.needs_errors), key=lambda k: NEED_KEYS.index(k) if k in NEED_KEYS else 99
        )
    values = {
        k: ctx.needs_values.get(k) or (rw.facts.get(k, "") if rw is not None else "") for k in NEED_KEYS
    }
    errors = "".join(
        f"<li>{render.e(NEED_LABELS.get(k, k))}：{render.text_html(why)}</li>"
        for k, why in ctx.needs_errors.items()
    )
    targets = approval_targets(ctx)
    chosen = next((t for t in targets if t.key == target), targets[0] if targets else None)
    approval, approval_hash = "", ""
    if chosen is not None:
        prior = prior_decisions(services, chosen.text)
        approval = cards.approval_html(
            chosen.text,
            chosen.digest,
            prior,
            tz_label=services.tz_label,
            when=lambda ts: local_time(ts, services.tz),
        )
        approval_hash = chosen.digest
    return PaneView(
        head=head,
        preview=preview,
        cards=finding_cards,
        versions=versions,
        note=ctx.note,
        needs=needs,
        needs_values=values,
        needs_errors=f'<ul class="needs">{errors}</ul>' if errors else "",
        remove_instead=remove_instead,
        targets=[(t.label, t.key) for t in targets],
        target=chosen.key if chosen is not None else None,
        approval=approval,
        approval_hash=approval_hash,
        can_approve=chosen is not None,
    )
