"""Golden output of the checker: every result field, for every message we have, as JSON lines.

Speed work must not change a single result.  This script runs the checker over every text
at hand, in several configurations, and writes one canonical JSON line per check (kind,
kind source and reason, verdict, length, findings and suppressed findings with every field,
fixed text), so two versions can be compared with ``cmp``/``diff``:

    .venv/bin/python benchmarks/golden_check.py --out /tmp/golden-new.jsonl
    PYTHONPATH=/path/to/old/tree python benchmarks/golden_check.py --out /tmp/golden-old.jsonl
    cmp /tmp/golden-old.jsonl /tmp/golden-new.jsonl

Sources (each read only if present; nothing from outside the repository is stored):
every ``fire``/``ok`` example of ``knowledge/rules/*.examples.yaml`` (with its profile and
kind), ``evals/drafts.jsonl``, and any ``--extra`` JSONL files (a ``text`` field, optional
``profile`` and ``kind``; red-team cases keep their kind under ``expected``).

Each text is checked: as given (its own profile and declared kind, ``fix=True``); with no
profile and an inferred kind (the batch hot path); in strict mode; as declared marketing and
as declared service; and with the ``example-bank`` profile (profile-scoped rules, approved
products).  Checks run through ``check_many`` in chunks too, so batching shares no state
between messages.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _rule_examples() -> Iterator[dict[str, Any]]:
    from assistant.text.yamlload import load_yaml

    for path in sorted((ROOT / "knowledge" / "rules").glob("*.examples.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        default_profile = data.get("profile")
        for key in ("fire", "ok"):
            for i, item in enumerate(data.get(key) or []):
                case = {"text": item} if isinstance(item, str) else dict(item or {})
                if not case.get("text"):
                    continue
                yield {
                    "source": f"{path.name}:{key}:{i}",
                    "text": case["text"],
                    "profile": case.get("profile", default_profile),
                    "kind": case.get("kind"),
                }


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get("text")
            if not isinstance(text, str) or not text:
                continue
            expected = row.get("expected") if isinstance(row.get("expected"), dict) else {}
            yield {
                "source": f"{path.name}:{n}",
                "text": text,
                "profile": row.get("profile"),
                "kind": row.get("kind") or expected.get("kind"),
            }


def cases(extra: list[str]) -> list[dict[str, Any]]:
    out = list(_rule_examples())
    drafts = ROOT / "evals" / "drafts.jsonl"
    if drafts.is_file():
        out.extend(_jsonl(drafts))
    for name in extra:
        path = Path(name)
        if path.is_file():
            out.extend(_jsonl(path))
        else:
            print(f"skipped (not found): {name}", file=sys.stderr)
    return out


def record(result: Any) -> dict[str, Any]:
    """Every field of a result that a user or a later stage can see."""
    d = result.to_dict()
    d.pop("meta", None)
    d.pop("text", None)
    d["suppressed"] = d.get("suppressed", [])
    return d


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="where to write the golden JSON lines")
    ap.add_argument("--extra", nargs="*", default=[], help="more JSONL files with a text field")
    args = ap.parse_args()

    import assistant
    from assistant.checker.engine import Checker
    from assistant.config import Settings
    from assistant.profile import load_profile

    checkers: dict[str | None, Any] = {}

    def checker(profile: str | None) -> Any:
        if profile not in checkers:
            checkers[profile] = Checker(Settings(), load_profile(profile) if profile else None)
        return checkers[profile]

    all_cases = cases(args.extra)
    digest = hashlib.sha256()
    lines = 0
    with open(args.out, "w", encoding="utf-8") as out:

        def emit(case: dict[str, Any], mode: str, result: Any) -> None:
            nonlocal lines
            row = {"source": case["source"], "mode": mode, "text": case["text"], **record(result)}
            line = json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n"
            out.write(line)
            digest.update(line.encode("utf-8"))
            lines += 1

        for case in all_cases:
            text, profile, kind = case["text"], case["profile"], case["kind"]
            emit(case, f"given:{profile}:{kind}", checker(profile).check(text, kind=kind, fix=True))
            emit(case, "plain", checker(None).check(text))
            emit(case, "strict", checker(None).check(text, strict=True))
            emit(case, "marketing", checker(None).check(text, kind="marketing"))
            emit(case, "service", checker(None).check(text, kind="service"))
            emit(case, "bank", checker("example-bank").check(text, fix=True))
        # The batch path: same checker, many messages in a row, results in input order.
        batch = checker(None).check_many([c["text"] for c in all_cases], chunksize=64)
        for case, result in zip(all_cases, batch, strict=True):
            emit(case, "batch", result)
    print(
        f"{len(all_cases)} texts, {lines} checks -> {args.out}; sha256 {digest.hexdigest()[:16]} "
        f"({Path(assistant.__file__).parent})"
    )


if __name__ == "__main__":
    main()
