"""Structure checks for knowledge/regulations/*.md.

Every Markdown file in that folder is a regulation: YAML front matter between the first two
``---`` lines, then a body with one ``## <article> <heading>`` section per article entry.
The citation IDs are the interface to the checker's rule data, so the IDs below must exist,
each exactly once across all files.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
REG_DIR = REPO_ROOT / "knowledge" / "regulations"
CATALOGUE = REPO_ROOT.parent / "shared" / "reference" / "rule-catalogue.md"

REQUIRED_KEYS = {"id", "title", "issuer", "document_number", "dates", "status", "articles"}
OPTIONAL_KEYS = {"status_note"}
ARTICLE_KEYS = {"id", "article", "confidence", "heading", "rules"}
STATUSES = {"in_force", "draft", "reported_in_force", "reported_repealed", "not_law"}
CONFIDENCES = {"verified", "secondary", "recalled"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
RULE_CODE_RE = re.compile(r"^[A-Z]{3}\d{3}$")
BODY_LABELS = ("**要求**", "**对短信的意义**", "**相关规则**", "**可信度**")

# Cited by the checker's rule data: spelled exactly as the rules use them.
REQUIRED_IDS = [
    "TEL-NPC-7",
    "TEL-SMS15-18",
    "TEL-SMS15-19",
    "TEL-SMS15-ID",
    "TEL-SMS20D",
    "TEL-CPL29",
    "TEL-CPL28",
    "TEL-CPLIR",
    "TEL-CIV1033",
    "TEL-EC18",
    "TEL-AFDF31",
    "AFDF",
    "TEL-TEL56",
    "ADV-2",
    "ADV-4",
    "ADV-8",
    "ADV-9",
    "ADV-11",
    "ADV-25",
    "ADV-28",
    "ADV-43",
    "ADV-62",
    "ADV-IAD",
    "SAMR-ABS",
    "FIN-316",
    "FIN-316-1",
    "FIN-316-2",
    "FIN-316-4",
    "FIN-316-5",
    "FIN-316-7",
    "FIN-NETMKT-D",
    "FIN-NETMKT",
    "FIN-CP",
    "FIN-PBOC-CP",
    "FIN-APR",
    "FIN-CC22",
    "FIN-NETLOAN",
    "FIN-ZHUDAI",
    "FIN-PL",
    "FIN-PAY32",
    "PI-6",
    "PI-13",
    "PI-15",
    "PI-17",
    "PI-23",
    "PI-24",
    "PI-28",
    "PI",
    "PI-CSL41",
    "PRO-STOCK-160",
    "PRO-STOCK-CONSULT",
    "PRO-FUNDRAISE-11",
    "PRO-FUNDRAISE-SPC",
    "PRO-VC",
    "PRO-VC-2026",
    "PRO-FX",
    "PRO-PM",
    "PRO-YIELD",
    "INS-SALES-3",
    "INS-SALES-11",
    "INS-SALES-14",
    "INS-SALES-17",
    "INS-SALES-19",
    "INS-SALES-22",
    "INS-SALES-24",
    "INS-LAW-116",
    "INS-NET",
    "COL-CRIM",
    "COL-CC",
    "COL-CFC",
    "COL-NIFA",
    "COL-PI",
    "IND-PORT",
    "IND-SIG",
    "IND-UNSUB",
    "IND-TIME",
    "IND-FREQ",
    "IND-LEN",
    "IND-LINK",
    "IND-INDUSTRY",
]

# Items the digest reports only from secondary sources (2025–2026 changes).
REPORTED_SECONDARY = {"FIN-NETMKT", "PRO-VC-2026", "FIN-ZHUDAI"}


def _files() -> list[Path]:
    return sorted(REG_DIR.glob("*.md"))


def _split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == "---", f"{path.name}: must start with '---'"
    end = lines.index("---", 1)
    meta = yaml.safe_load("\n".join(lines[1:end]))
    assert isinstance(meta, dict), f"{path.name}: front matter is not a mapping"
    return meta, "\n".join(lines[end + 1 :])


def _sections(body: str) -> dict[str, str]:
    """'## ' heading text → section body (up to the next '## ' or '# ' heading)."""
    sections: dict[str, str] = {}
    current: str | None = None
    chunks: list[str] = []
    for line in body.split("\n"):
        if line.startswith("## ") or line.startswith("# "):
            if current is not None:
                sections[current] = "\n".join(chunks)
            current = line[3:].strip() if line.startswith("## ") else None
            chunks = []
        elif current is not None:
            chunks.append(line)
    if current is not None:
        sections[current] = "\n".join(chunks)
    return sections


@pytest.fixture(scope="module")
def parsed() -> dict[str, tuple[dict, str]]:
    files = _files()
    assert files, "no regulation files in knowledge/regulations"
    return {path.name: _split(path) for path in files}


def _catalogue_codes() -> set[str] | None:
    if not CATALOGUE.is_file():
        return None
    return set(re.findall(r"\b([A-Z]{3}\d{3})\b", CATALOGUE.read_text(encoding="utf-8")))


def test_front_matter_keys_and_values(parsed):
    for name, (meta, _) in parsed.items():
        missing = REQUIRED_KEYS - set(meta)
        assert not missing, f"{name}: missing keys {missing}"
        extra = set(meta) - REQUIRED_KEYS - OPTIONAL_KEYS
        assert not extra, f"{name}: unknown keys {extra}"
        assert meta["id"] == Path(name).stem, f"{name}: id must equal the file name"
        for key in ("title", "issuer"):
            assert isinstance(meta[key], str) and meta[key].strip(), f"{name}: {key} empty"
        assert isinstance(meta["document_number"], str), f"{name}: document_number must be a string"
        assert meta["status"] in STATUSES, f"{name}: bad status {meta['status']!r}"
        if "status_note" in meta:
            assert isinstance(meta["status_note"], str) and meta["status_note"].strip()
        assert isinstance(meta["dates"], dict), f"{name}: dates must be a mapping"
        for key, value in meta["dates"].items():
            values = value if isinstance(value, list) else [value]
            for v in values:
                assert isinstance(v, str) and DATE_RE.match(v), f"{name}: dates.{key} = {v!r}"
        assert isinstance(meta["articles"], list) and meta["articles"], f"{name}: no articles"


def test_article_entries(parsed):
    known_codes = _catalogue_codes()
    for name, (meta, _) in parsed.items():
        for art in meta["articles"]:
            assert set(art) == ARTICLE_KEYS, f"{name}: article keys {set(art)}"
            for key in ("id", "article", "heading"):
                assert isinstance(art[key], str) and art[key].strip(), f"{name}: {key} empty in {art}"
            assert art["confidence"] in CONFIDENCES, f"{name}/{art['id']}: bad confidence"
            assert isinstance(art["rules"], list), f"{name}/{art['id']}: rules must be a list"
            for code in art["rules"]:
                assert isinstance(code, str) and RULE_CODE_RE.match(code), f"{name}/{art['id']}: {code!r}"
                if known_codes is not None:
                    assert code in known_codes, f"{name}/{art['id']}: {code} not in the rule catalogue"


def test_ids_unique_across_files(parsed):
    counts = Counter(art["id"] for meta, _ in parsed.values() for art in meta["articles"])
    dupes = {i: n for i, n in counts.items() if n > 1}
    assert not dupes, f"citation IDs used more than once: {dupes}"
    file_ids = [meta["id"] for meta, _ in parsed.values()]
    assert len(file_ids) == len(set(file_ids))


def test_required_ids_present(parsed):
    ids = {art["id"] for meta, _ in parsed.values() for art in meta["articles"]}
    missing = [i for i in REQUIRED_IDS if i not in ids]
    assert not missing, f"citation IDs missing: {missing}"


def test_sections_match_articles(parsed):
    for name, (meta, body) in parsed.items():
        assert f"\n# {meta['title']}\n" in "\n" + body, f"{name}: body must start with '# {meta['title']}'"
        sections = _sections(body)
        expected = {f"{a['article']} {a['heading']}" for a in meta["articles"]}
        for art in meta["articles"]:
            key = f"{art['article']} {art['heading']}"
            assert key in sections, f"{name}: no section '## {key}'"
            text = sections[key]
            assert text.strip(), f"{name}: section '{key}' is empty"
            for label in BODY_LABELS:
                assert label in text, f"{name}: section '{key}' lacks {label}"
            for code in art["rules"]:
                assert code in text, f"{name}: section '{key}' does not name rule {code}"
            assert art["confidence"] in text, f"{name}: section '{key}' does not state its confidence"
        stray = set(sections) - expected
        assert not stray, f"{name}: sections without an article entry: {stray}"


def test_no_empty_sections(parsed):
    for name, (_, body) in parsed.items():
        for heading, text in _sections(body).items():
            assert text.strip(), f"{name}: empty section '## {heading}'"
        intro = body.split("\n## ", 1)[0]
        assert len(intro.strip().split("\n")) >= 2, f"{name}: needs a status/confidence paragraph"


def test_reported_items_are_not_presented_as_settled(parsed):
    by_id = {art["id"]: (meta, art) for meta, _ in parsed.values() for art in meta["articles"]}
    for cid in REPORTED_SECONDARY:
        meta, art = by_id[cid]
        assert meta["status"] == "reported_in_force", f"{cid}: status {meta['status']}"
        assert art["confidence"] == "secondary", f"{cid}: confidence {art['confidence']}"
    meta, art = by_id["PRO-VC"]
    assert meta["status"] == "reported_repealed"
    assert art["confidence"] != "verified"
    assert by_id["PRO-YIELD"][0]["status"] == "not_law"
    assert by_id["IND-SIG"][0]["status"] == "not_law"
    assert by_id["FIN-NETMKT-D"][0]["status"] == "draft"
    assert by_id["TEL-SMS20D"][0]["status"] == "draft"


def test_only_regulations_in_folder():
    names = {p.name.lower() for p in _files()}
    assert "readme.md" not in names, "every .md in knowledge/regulations is parsed as a regulation"
