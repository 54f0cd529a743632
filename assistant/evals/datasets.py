"""Evaluation datasets (JSONL): labelled drafts for the checker, questions for retrieval.

The type of a dataset is read from its rows (``text`` → drafts, ``question`` → qa), so
``--dataset`` takes any mix of files.  A malformed line is an input error naming the file
and line: a silently skipped case would make two runs' metrics incomparable.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import InputError

VERDICTS = ("pass", "review", "fail")
KINDS = (None, "marketing", "service")


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
    #: Every code expected at error severity is in ``must_fire`` (see metrics.py).
    exhaustive: bool = False
    index: int = 0


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
    type: str  # drafts | qa
    drafts: list[DraftCase] = field(default_factory=list)
    qa: list[QACase] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.drafts) if self.type == "drafts" else len(self.qa)

    def info(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "name": self.name,
            "sha256": self.sha256,
            "type": self.type,
            "cases": self.size,
        }


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def _codes(value: Any, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise InputError(f"{where}：字段 {name} 应为规则代码列表")
    return tuple(c.strip().upper() for c in value)


def load_dataset(path: str | Path) -> Dataset:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"评测集不存在：{p}")
    ds = Dataset(path=str(path), name=p.name, sha256=sha256_file(p), type="")
    seen: set[str] = set()
    try:
        lines = p.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise InputError(f"评测集 {p} 不是 UTF-8 文本：{exc}") from exc
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{p} 第{line_no}行"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}：不是有效的 JSON（{exc.msg}）") from exc
        if not isinstance(obj, dict):
            raise InputError(f"{where}：应为 JSON 对象")
        row_type = "drafts" if "text" in obj else "qa" if "question" in obj else None
        if row_type is None:
            raise InputError(f"{where}：既没有 text（草稿评测）也没有 question（检索评测）字段")
        if ds.type and row_type != ds.type:
            raise InputError(f"{where}：同一评测集中混有草稿与问答两类数据")
        ds.type = row_type
        case_id = str(obj.get("id") or "").strip()
        if not case_id:
            raise InputError(f"{where}：缺少字段 id")
        if case_id in seen:
            raise InputError(f"{where}：id {case_id!r} 重复")
        seen.add(case_id)
        index = len(seen) - 1
        if row_type == "drafts":
            ds.drafts.append(_draft(obj, case_id, index, where))
        else:
            expected = obj.get("expected")
            if isinstance(expected, str | dict):
                expected = [expected]
            if not isinstance(expected, list) or not expected:
                raise InputError(f"{where}：字段 expected 应为非空列表")
            ds.qa.append(
                QACase(case_id, str(obj["question"]), tuple(expected), str(obj.get("note") or ""), index)
            )
    if not ds.type:
        raise InputError(f"评测集为空：{p}")
    return ds


def _draft(obj: dict[str, Any], case_id: str, index: int, where: str) -> DraftCase:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}：字段 text 应为非空字符串")
    kind = obj.get("kind")
    if kind not in KINDS:
        raise InputError(f"{where}：字段 kind 的值 {kind!r} 无效，应为 null、marketing 或 service")
    verdict = obj.get("verdict")
    if verdict is not None and verdict not in VERDICTS:
        raise InputError(f"{where}：字段 verdict 的值 {verdict!r} 无效，应为 pass、review 或 fail")
    profile = obj.get("profile")
    if profile is not None and not isinstance(profile, str):
        raise InputError(f"{where}：字段 profile 应为档案名或 null")
    return DraftCase(
        id=case_id,
        text=text,
        kind=kind,
        profile=profile or None,
        must_fire=_codes(obj.get("must_fire"), where, "must_fire"),
        must_not_fire=_codes(obj.get("must_not_fire"), where, "must_not_fire"),
        verdict=verdict,
        category=str(obj.get("category") or ""),
        note=str(obj.get("note") or ""),
        exhaustive=bool(obj.get("exhaustive", False)),
        index=index,
    )
