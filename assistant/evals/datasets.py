"""Evaluation datasets (JSONL): labelled drafts for the checker, questions for retrieval.

The type of a dataset is read from its rows (``expected_status`` → rewrites, ``text`` →
drafts, ``question`` → qa), so ``--dataset`` takes any mix of files.  A bad line (malformed
JSON, an unknown rule code, a bad verdict, a missing id or text, a duplicate id) is recorded
in :attr:`Dataset.errors` naming the file, line and field, and the rest of the file is still
loaded; ``assistant eval`` writes the report and then exits 2, like ``check``, so a silently
skipped case can never pass for a clean run.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.config import closest, unknown_keys
from assistant.errors import InputError

VERDICTS = ("pass", "review", "fail")
KINDS = (None, "marketing", "service")
#: What a reviewer decided a draft IS (``expected_kind``): the kind the checker should infer.
EXPECTED_KINDS = ("marketing", "service", "uncertain")
#: Statuses a rewrite case may expect (``failed`` is never the right outcome).
REWRITE_EXPECTED = ("unchanged", "fixed", "needs_input", "refused")


class RowError(Exception):
    """One bad dataset line (the message names the file, line and field)."""


@dataclass(frozen=True, slots=True)
class RewriteCase:
    id: str
    text: str
    profile: str | None = None
    facts: tuple[tuple[str, str], ...] = ()
    expected_status: str = "fixed"
    expected_needs: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    must_not_contain: tuple[str, ...] = ()
    #: Purpose words every returned version must still contain (the product, offer, call to action).
    must_contain: tuple[str, ...] = ()
    note: str = ""
    index: int = 0
    #: Keys of ``facts`` that are deliberately not fact keys (``apr``): the engine must refuse
    #: them.  Any other unknown key is a dataset error (a misspelling, not a test).
    refused_facts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DraftCase:
    id: str
    text: str
    kind: str | None = None
    profile: str | None = None
    must_fire: tuple[str, ...] = ()
    must_not_fire: tuple[str, ...] = ()
    verdict: str | None = None
    category: str = ""
    note: str = ""
    #: ``must_fire`` lists every code that should be reported at error or warning
    #: severity: any other such code is a false finding (see metrics.py).
    exhaustive: bool = False
    index: int = 0
    #: The kind the checker should infer (``marketing``/``service``/``uncertain``); unlike
    #: ``kind``, it is not given to the checker.  ``None``: not labelled.
    expected_kind: str | None = None


@dataclass(frozen=True, slots=True)
class QACase:
    id: str
    question: str
    expected: tuple[Any, ...]
    note: str = ""
    index: int = 0


@dataclass(slots=True)
class Dataset:
    path: str
    name: str
    sha256: str
    type: str  # drafts | qa | rewrites ("invalid" when no line could be read)
    drafts: list[DraftCase] = field(default_factory=list)
    qa: list[QACase] = field(default_factory=list)
    rewrites: list[RewriteCase] = field(default_factory=list)
    #: Bad lines, each naming the file, line and field; those lines are not evaluated.
    errors: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return {"drafts": len(self.drafts), "qa": len(self.qa), "rewrites": len(self.rewrites)}.get(
            self.type, 0
        )

    def info(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "name": self.name,
            "sha256": self.sha256,
            "type": self.type,
            "cases": self.size,
            "input_errors": len(self.errors),
        }


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def known_codes() -> frozenset[str]:
    """Every rule code of the catalogue (``knowledge/rules/*.yaml``)."""
    from assistant.checker.rulespec import load_rule_specs

    return frozenset(spec.code for spec in load_rule_specs())


def _codes(value: Any, where: str, name: str, known: frozenset[str] | None = None) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise RowError(f"{where}：字段 {name} 应为规则代码列表")
    codes = tuple(c.strip().upper() for c in value)
    unknown = sorted({c for c in codes if known is not None and c not in known})
    if unknown:
        raise RowError(f"{where}：字段 {name} 含未知的规则代码 {', '.join(unknown)}")
    return codes


def _row_type(obj: dict[str, Any]) -> str | None:
    if "expected_status" in obj:
        return "rewrites"
    if "text" in obj:
        return "drafts"
    if "question" in obj:
        return "qa"
    return None


def load_dataset(path: str | Path) -> Dataset:
    """Load a dataset; bad lines go to ``errors`` (file, line, field), the rest is kept.

    A missing, empty or non-UTF-8 file is still an :class:`InputError`: there is nothing to
    evaluate.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"评测集不存在：{p}")
    ds = Dataset(path=str(path), name=p.name, sha256=sha256_file(p), type="")
    seen: set[str] = set()
    known: frozenset[str] | None = None
    try:
        lines = p.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise InputError(f"评测集 {p} 不是 UTF-8 文本：{exc}") from exc
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{p} 第{line_no}行"
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RowError(f"{where}：不是有效的 JSON（{exc.msg}）") from exc
            if not isinstance(obj, dict):
                raise RowError(f"{where}：应为 JSON 对象")
            row_type = _row_type(obj)
            if row_type is None:
                raise RowError(
                    f"{where}：既没有 text（草稿评测）、expected_status（改写评测）也没有 question（检索评测）字段"
                )
            unknown = unknown_keys(where, obj, _ROW_KEYS[row_type])
            if unknown:  # exhuastive or must_fires would be dropped and change the case silently
                raise RowError("；".join(unknown))
            if ds.type and row_type != ds.type:
                raise RowError(f"{where}：同一评测集中混有不同类型的数据（{ds.type} 与 {row_type}）")
            case_id = obj.get("id")
            if not isinstance(case_id, str | int) or not str(case_id).strip():
                raise RowError(f"{where}：缺少字段 id")
            case_id = str(case_id).strip()
            if case_id in seen:
                raise RowError(f"{where}：字段 id 的值 {case_id!r} 重复")
            index = len(seen)
            if row_type == "drafts":
                if known is None:
                    known = known_codes()
                case: Any = _draft(obj, case_id, index, where, known)
            elif row_type == "rewrites":
                case = _rewrite(obj, case_id, index, where)
            else:
                case = _qa(obj, case_id, index, where)
        except RowError as exc:
            ds.errors.append(str(exc))
            continue
        seen.add(case_id)
        ds.type = row_type
        getattr(ds, row_type).append(case)
    if not ds.type:
        if not ds.errors:
            raise InputError(f"评测集为空：{p}")
        ds.type = "invalid"
    return ds


#: The keys each kind of row may have: any other is a typo that would change the case
#: without a word (a misspelt ``exhaustive`` made a failing case pass).
_ROW_KEYS = {
    "drafts": frozenset(
        {"id", "text", "kind", "profile", "must_fire", "must_not_fire", "verdict", "expected_kind"}
        | {"category", "note", "exhaustive"}
    ),
    "rewrites": frozenset(
        {"id", "text", "profile", "facts", "expected_status", "expected_needs", "keep", "note"}
        | {"must_contain", "must_not_contain", "refused_facts"}
    ),
    "qa": frozenset({"id", "question", "expected", "note"}),
}


#: The keys of a ``{"file": …, "section": …, "citation_id": …}`` locator (``evals.qa.matches``).
LOCATOR_KEYS = ("file", "section", "citation_id")


def _unknown_names(where: str, name: str, given: Any, known: Any, what: str) -> str | None:
    """One Chinese sentence naming each of ``given`` not in ``known``, with the closest known
    name, or ``None`` when all are known."""
    valid = sorted(str(k) for k in known)
    bad = [g for g in dict.fromkeys(given) if g not in known]
    if not bad:
        return None
    parts = []
    for g in bad:
        hint = closest(str(g), valid)
        parts.append(f"{g!r}" + (f"（是否应为 {hint}？）" if hint else ""))
    return f"{where}：字段 {name} 含未知的{what} {'、'.join(parts)}"


def _qa(obj: dict[str, Any], case_id: str, index: int, where: str) -> QACase:
    expected = obj.get("expected")
    if isinstance(expected, str | dict):
        expected = [expected]
    if not isinstance(expected, list) or not expected:
        raise RowError(f"{where}：字段 expected 应为非空列表")
    _check_locators(expected, where)
    return QACase(case_id, str(obj["question"]), tuple(expected), str(obj.get("note") or ""), index)


def _check_locators(expected: list[Any], where: str) -> None:
    """Every expected citation ID is one the knowledge base has (the citation registry the
    rules cite from), every locator key a known one.  Why: a misspelt ID (GUIDE-9.9) can
    never match a retrieved chunk, so the case silently measured nothing."""
    from assistant.checker.citations import citation_index

    ids: list[str] = []
    for loc in expected:
        if isinstance(loc, str):
            ids.append(loc)
        elif isinstance(loc, dict) and loc and all(isinstance(v, str) for v in loc.values()):
            unknown = unknown_keys(f"{where}：字段 expected 的定位", loc, LOCATOR_KEYS)
            if unknown:
                raise RowError("；".join(unknown))
            if "citation_id" in loc:
                ids.append(loc["citation_id"])
        else:
            raise RowError(
                f"{where}：字段 expected 的每一项应为引用编号或 {{file, section, citation_id}} 对象"
            )
    problem = _unknown_names(where, "expected", ids, citation_index(), "引用编号")
    if problem:
        raise RowError(problem + "（见 knowledge/regulations/ 与 knowledge/guide.md）")


def _strings(obj: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = obj.get(name)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise RowError(f"{where}：字段 {name} 应为非空字符串的列表")
    return tuple(value)


def _rewrite(obj: dict[str, Any], case_id: str, index: int, where: str) -> RewriteCase:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RowError(f"{where}：字段 text 应为非空字符串")
    status = obj.get("expected_status")
    if status not in REWRITE_EXPECTED:
        raise RowError(
            f"{where}：字段 expected_status 的值 {status!r} 无效，应为 {'、'.join(REWRITE_EXPECTED)}"
        )
    profile = _profile(obj, where)
    facts = obj.get("facts") or {}
    if not isinstance(facts, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in facts.items()
    ):
        raise RowError(f"{where}：字段 facts 应为 {{名称: 字符串}} 对象")
    # The keys --fact accepts for this draft: a misspelt key (annual_rate) was never used, so
    # the case measured a rewrite without the fact it meant to give.  A case that gives an
    # unknown key on purpose, to test that it is refused, names it in refused_facts.
    from assistant.labels import NEEDS_ZH
    from assistant.rewrite.validators import accepted_fact_keys

    accepted = accepted_fact_keys(text)
    refused = _strings(obj, "refused_facts", where)
    for key in refused:
        if key not in facts or key in accepted:
            raise RowError(
                f"{where}：字段 refused_facts 中的 {key!r} 应为 facts 中给出的、不被接受的信息项"
                f"（可用的信息项：{'、'.join(accepted)}）"
            )
    problem = _unknown_names(where, "facts", [k for k in facts if k not in refused], accepted, "信息项")
    if problem:
        raise RowError(problem + "（故意给出的未知信息项请列入 refused_facts）")
    needs = _strings(obj, "expected_needs", where)
    problem = _unknown_names(where, "expected_needs", needs, NEEDS_ZH, "待补充信息")
    if problem:  # a misspelt need can never be asked for: the case could only fail, unexplained
        raise RowError(problem)
    if needs and status != "needs_input":
        raise RowError(f"{where}：字段 expected_needs 只用于 expected_status 为 needs_input 的用例")
    if status == "needs_input" and not needs:
        raise RowError(f"{where}：字段 expected_needs 不能为空（expected_status 为 needs_input）")
    return RewriteCase(
        id=case_id,
        text=text,
        profile=profile or None,
        facts=tuple(sorted(facts.items())),
        expected_status=status,
        expected_needs=tuple(sorted(set(needs))),
        keep=_strings(obj, "keep", where),
        must_not_contain=_strings(obj, "must_not_contain", where),
        must_contain=_strings(obj, "must_contain", where),
        note=str(obj.get("note") or ""),
        index=index,
        refused_facts=tuple(sorted(set(refused))),
    )


def profile_path(name: str) -> Path | None:
    """The sender profile a case names: a name under knowledge/profiles/, or a TOML path."""
    from assistant.paths import profiles_dir

    for c in (profiles_dir() / f"{name}.toml", profiles_dir() / name, Path(name)):
        if c.is_file():
            return c
    return None


def _profile(obj: dict[str, Any], where: str) -> str | None:
    """The case's profile, checked when the dataset is read: a mistyped name is a row error
    naming the line, not an abort of the whole evaluation after the good rows ran."""
    profile = obj.get("profile")
    if profile is not None and not isinstance(profile, str):
        raise RowError(f"{where}：字段 profile 应为档案名或 null")
    if profile and profile_path(profile) is None:
        raise RowError(
            f"{where}：字段 profile 引用的发送方档案 {profile!r} 不存在（knowledge/profiles/ 下的名字或 TOML 路径）"
        )
    return profile


def _draft(
    obj: dict[str, Any], case_id: str, index: int, where: str, known: frozenset[str] | None = None
) -> DraftCase:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RowError(f"{where}：字段 text 应为非空字符串")
    kind = obj.get("kind")
    if kind not in KINDS:
        raise RowError(f"{where}：字段 kind 的值 {kind!r} 无效，应为 null、marketing 或 service")
    verdict = obj.get("verdict")
    if verdict is not None and verdict not in VERDICTS:
        raise RowError(f"{where}：字段 verdict 的值 {verdict!r} 无效，应为 pass、review 或 fail")
    profile = _profile(obj, where)
    expected_kind = obj.get("expected_kind")
    if expected_kind is not None and expected_kind not in EXPECTED_KINDS:
        raise RowError(
            f"{where}：字段 expected_kind 的值 {expected_kind!r} 无效，应为 null、{'、'.join(EXPECTED_KINDS)}"
        )
    exhaustive = obj.get("exhaustive", False)
    if not isinstance(exhaustive, bool):
        raise RowError(f"{where}：字段 exhaustive 应为 true 或 false，而不是 {exhaustive!r}")
    must_fire = _codes(obj.get("must_fire"), where, "must_fire", known)
    must_not_fire = _codes(obj.get("must_not_fire"), where, "must_not_fire", known)
    both = sorted(set(must_fire) & set(must_not_fire))
    if both:
        raise RowError(f"{where}：字段 must_fire 与 must_not_fire 同时含有 {', '.join(both)}")
    return DraftCase(
        id=case_id,
        text=text,
        kind=kind,
        profile=profile or None,
        must_fire=must_fire,
        must_not_fire=must_not_fire,
        verdict=verdict,
        category=str(obj.get("category") or ""),
        note=str(obj.get("note") or ""),
        exhaustive=exhaustive,
        index=index,
        expected_kind=expected_kind,
    )
