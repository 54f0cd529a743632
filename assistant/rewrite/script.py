"""The draft's script and punctuation, followed by every word a fix adds.

A draft written in traditional characters gets its risk warning, opt-out and placeholders
in traditional characters too (``回T退訂``, ``理財非存款，產品有風險``), and text is added in
full-width Chinese punctuation at a sentence boundary.  Conversion is OpenCC's (already the
checker's folding dependency; character-level ``s2t``, so no regional vocabulary is
substituted): a hand-written table would cover only the phrases someone thought of.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

Script = Literal["simplified", "traditional"]


@cache
def _converter(config: str) -> Any:
    import opencc  # local: loaded once, only by rewrites

    return opencc.OpenCC(config)


def detect_script(text: str) -> Script:
    """``traditional`` when more characters are traditional-only than simplified-only."""
    t2s, s2t = _converter("t2s.json"), _converter("s2t.json")
    hant = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" and t2s.convert(ch) != ch)
    hans = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" and s2t.convert(ch) != ch)
    return "traditional" if hant > hans else "simplified"


def in_script(text: str, script: Script) -> str:
    """``text`` (our own wording, simplified in rule data) in the draft's script."""
    return _converter("s2t.json").convert(text) if script == "traditional" and text else text
