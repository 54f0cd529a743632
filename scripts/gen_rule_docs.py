"""Regenerate docs/rules/*.md from the rule data (the pages `assistant rule CODE` prints).

Run after changing knowledge/rules/*.yaml; a test fails when the committed pages are stale.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.checker.docs import rule_page
from assistant.checker.rulespec import load_rule_specs

ROOT = Path(__file__).resolve().parent.parent


def render_all() -> dict[str, str]:
    specs = load_rule_specs()
    pages = {f"{s.code}.md": rule_page(s) for s in specs}
    rows = ["# Rules", "", "| code | name | severity | scope | fix | title |", "|---|---|---|---|---|---|"]
    rows += [
        f"| [{s.code}]({s.code}.md) | {s.name} | {s.severity} | {s.scope} | {s.fix.kind} | {s.title} |"
        for s in specs
    ]
    pages["README.md"] = "\n".join(rows) + "\n"
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "rules")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in render_all().items():
        (args.out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(render_all())} pages to {args.out}")


if __name__ == "__main__":
    main()
