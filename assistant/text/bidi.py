"""Display order of text with explicit bidirectional controls.

U+202E (RIGHT-TO-LEFT OVERRIDE) makes a phone show the characters after it reversed:
"\u202e赔不赚稳\u202c" is *displayed* as 稳赚不赔.  Matching must see what the reader sees,
so the normaliser reorders override runs before building its compact view.

Only what changes the display of Chinese and Latin text is modelled: an override
(RLO U+202E, LRO U+202D) runs to its PDF (U+202C), to the PDI (U+2069) closing an
enclosing isolate, or to the end of the line; inside RLO every character is shown in
reverse, nested runs as reversed units.  Embeddings and isolates (U+202A/B, U+2066–8)
do not reorder strong left-to-right text and keep their order here.  The controls
themselves stay in place (the compact view drops them as separators).
"""

from __future__ import annotations

from assistant.text import lazyre

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
BIDI_CONTROLS = LRE + RLE + PDF + LRO + RLO + LRI + RLI + FSI + PDI
BIDI_RE = lazyre.compile(f"[{BIDI_CONTROLS}]")
_OPENERS = {
    LRE: "embed",
    RLE: "embed",
    LRO: "ltr",
    RLO: "rtl",
    LRI: "isolate",
    RLI: "isolate",
    FSI: "isolate",
}


def display_order(text: str) -> list[int] | None:
    """Original indices of ``text`` in display order; ``None`` when nothing is reordered."""
    if RLO not in text:
        return None
    # A tree of runs: each node is (mode, [items]) where an item is an index or a node.
    root: tuple[str, list] = ("ltr", [])
    stack: list[tuple[str, list]] = [root]
    for i, ch in enumerate(text):
        mode = _OPENERS.get(ch)
        if mode is not None:
            stack[-1][1].append(i)
            node: tuple[str, list] = (mode, [])
            stack[-1][1].append(node)
            stack.append(node)
            continue
        if ch == PDF and len(stack) > 1 and stack[-1][0] in ("embed", "ltr", "rtl"):
            stack.pop()
            stack[-1][1].append(i)
            continue
        if ch == PDI:
            while len(stack) > 1 and stack[-1][0] != "isolate":
                stack.pop()  # a PDI closes the overrides opened inside its isolate
            if len(stack) > 1:
                stack.pop()
            stack[-1][1].append(i)
            continue
        if ch == "\n":
            del stack[1:]  # a paragraph ends every run
        stack[-1][1].append(i)

    def flatten(node: tuple[str, list], reverse: bool) -> list[int]:
        mode, items = node
        rtl = mode == "rtl" or (reverse and mode in ("embed", "isolate"))
        parts: list[list[int]] = []
        for item in items:
            parts.append([item] if isinstance(item, int) else flatten(item, rtl))
        if mode == "rtl":
            parts.reverse()
        return [i for part in parts for i in part]

    order = flatten(root, False)
    return None if order == list(range(len(text))) else order


def to_display(text: str) -> str:
    """``text`` in display order, its bidi controls removed."""
    order = display_order(text)
    shown = text if order is None else "".join(text[i] for i in order)
    return BIDI_RE.sub("", shown)
