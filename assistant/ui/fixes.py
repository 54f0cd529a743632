"""One finding's fix applied to the draft in the editor (the cards' 一键修复 / 接受修改).

Why a module of its own: the card shows what a fix would produce (a preview for a change
that alters meaning) and the editor applies exactly that text, so both call
:func:`fixed_text`.  Only fixes the rule data describes are applied: a ``safe`` fix with
its replacement, or an ``unsafe`` one whose replacement is known (usually a deletion);
``needs_input`` and ``none`` have no one-click fix (the rewrite asks for the fact, or the
content may not be sent at all).
"""

from __future__ import annotations

from assistant.checker.models import Finding
from assistant.rewrite.offline import tidy

__all__ = ["ONE_CLICK", "fixed_text"]

#: The fix kinds a card can apply: directly (safe) or after a preview (unsafe).
ONE_CLICK = ("safe", "unsafe")


def fixed_text(text: str, finding: Finding) -> str | None:
    """``text`` with ``finding``'s fix applied, or ``None`` when it has no one-click fix.

    A deletion leaves its punctuation tidied (``，！`` → ``！``); the finding must still
    describe ``text`` (its evidence at its span), else ``None``: a stale card never edits
    the wrong characters.
    """
    fix = finding.fix
    if fix.kind not in ONE_CLICK or fix.replacement is None:
        return None
    if text[finding.start : finding.end] != finding.evidence:
        return None
    start, end = fix.at if fix.at is not None else (finding.start, finding.end)
    if not (0 <= start <= end <= len(text)):
        return None
    out = text[:start] + fix.replacement + text[end:]
    return tidy(out) if not fix.replacement else out
