"""What one browser session's workspace holds: the conversation and the draft in the editor.

One :class:`ChatContext` per session (``gr.State``), shared by the chat (:mod:`assistant.ui.chat`)
and the editor (:mod:`assistant.ui.editor`), so a draft sent in the chat lands in the editor
and a version used from a card is what the chat's next review sees.  Plain data: it
deep-copies, and every field is written by one of those modules only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.checker.models import CheckResult
    from assistant.ui.handlers import Intent, RewriteOutcome

#: How many earlier editor texts 撤销 can go back to.
UNDO_DEPTH = 30


@dataclass
class ChatContext:
    """The conversation (chat messages) and the draft pane's state."""

    messages: list[dict[str, Any]] = field(default_factory=list)
    draft: str = ""  # the text in the editor
    review: CheckResult | None = None  # the check of ``draft`` (None: not checked yet)
    rewrite: RewriteOutcome | None = None  # the last rewrite (of ``rewrite.result.original``)
    question: str = ""
    answer: str = ""
    answer_engine: str = ""
    undo: list[str] = field(default_factory=list)  # earlier editor texts, newest last
    note: str = ""  # a one-line message for the pane (已应用修复 …), cleared by the next action
    reported: set[tuple[str, int, int]] = field(default_factory=set)  # (code, start, end) marked 误报
    last_input: str = ""  # what the last chat input was, and how it was read (the intent switch)
    last_intent: Intent | None = None
    needs_values: dict[str, str] = field(default_factory=dict)  # the form, as last submitted
    needs_errors: dict[str, str] = field(default_factory=dict)  # key → why the value was refused

    def set_draft(self, text: str, *, keep_undo: bool = True) -> None:
        """Put ``text`` in the editor, remembering the previous text for 撤销."""
        if text == self.draft:
            return
        if keep_undo and self.draft:
            self.undo.append(self.draft)
            del self.undo[:-UNDO_DEPTH]
        self.draft = text
        self.review = None
        self.reported = set()
