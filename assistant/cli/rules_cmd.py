"""``assistant rules`` and ``assistant rule CODE``."""

from __future__ import annotations

import json

from assistant.checker.docs import rule_page
from assistant.checker.rulespec import load_rule_specs
from assistant.errors import InputError


def run_rules(fmt: str) -> int:
    specs = load_rule_specs()
    if fmt == "json":
        rows = [
            {
                "code": s.code,
                "name": s.name,
                "title": s.title,
                "severity": s.severity,
                "scope": s.scope,
                "fix": s.fix.kind,
                "applies_to": s.applies_to,
            }
            for s in specs
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if fmt != "text":
        raise InputError(f"--format 的值 {fmt!r} 无效，应为 text|json")
    for s in specs:
        print(f"{s.code}  {s.name:<28} {s.severity:<8} {s.scope:<8} fix={s.fix.kind:<12} {s.title}")
    print(f"共 {len(specs)} 条规则。用 `assistant rule 代码` 查看说明。")
    return 0


def run_rule(code: str) -> int:
    code = code.strip().upper()
    for s in load_rule_specs():
        if s.code == code:
            print(rule_page(s))
            return 0
    raise InputError(f"没有规则 {code}（用 `assistant rules` 查看全部规则代码）")
