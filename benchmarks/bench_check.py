"""Throughput of the checker: library (1 and W workers), CLI jsonl, and a bare keyword pass.

Run: .venv/bin/python benchmarks/bench_check.py [--n 100000] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import ahocorasick

from assistant.checker.engine import Checker
from assistant.text.normalize import normalize_term
from assistant.text.yamlload import load_yaml

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "knowledge" / "rules"
DIGIT = re.compile(r"[0-9]")
MIB = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss unit: bytes on macOS, KiB on Linux


def fixture_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(RULES.glob("*.examples.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        for key in ("fire", "ok"):
            for item in data.get(key) or []:
                text = item if isinstance(item, str) else (item or {}).get("text")
                if text:
                    texts.append(text)
    drafts = ROOT / "evals" / "drafts.jsonl"
    if drafts.exists():
        for line in drafts.read_text(encoding="utf-8").splitlines():
            if line.strip() and (text := json.loads(line).get("text")):
                texts.append(text)
    return texts


def build_messages(base: list[str], n: int, seed: int = 20240611) -> list[str]:
    """Cycle the fixtures to n; every copy after the first pass gets one digit changed or a number."""
    rng = random.Random(seed)
    out: list[str] = []
    for i in range(n):
        text = base[i % len(base)]
        if i >= len(base):
            digits = [m.start() for m in DIGIT.finditer(text)]
            if digits and rng.random() < 0.7:
                p = rng.choice(digits)
                text = text[:p] + str(rng.randrange(10)) + text[p + 1 :]
            else:
                text = f"{text} {rng.randrange(100, 10000)}"
        out.append(text)
    return out


def rule_words() -> list[str]:
    words: set[str] = set()
    for path in sorted(RULES.glob("[A-Z]*[0-9].yaml")):
        spec = load_yaml(path.read_text(encoding="utf-8")) or {}
        for term in spec.get("terms") or []:
            words.add(term if isinstance(term, str) else term["term"])
        words.update(spec.get("exempt") or [])
        for combo in spec.get("combos") or []:
            words.update(left + right for left in combo["left"] for right in combo["right"])
    return sorted({key for w in words if (key := normalize_term(w))})


def time_library(checker: Checker, texts: list[str], workers: int) -> tuple[float, Counter[str]]:
    mix: Counter[str] = Counter()
    t0 = time.perf_counter()
    for r in checker.check_many(texts, workers=workers):
        mix[str(r.verdict)] += 1
    return time.perf_counter() - t0, mix


def shares(mix: Counter[str]) -> str:
    return ", ".join(f"{k} {v / sum(mix.values()):.0%}" for k, v in sorted(mix.items()))


def run_cli(path: str, extra: list[str]) -> tuple[float, int, int, float]:
    """Returns (seconds, exit code, output lines, peak RSS MiB) of one `assistant check` process.

    GNU time reports the peak RSS where present: a child spawned straight from this (large)
    process starts from its memory (vfork), and Linux keeps that high-water mark across exec.
    """
    cmd = [sys.executable, "-m", "assistant", "check", "-i", path, "--format", "jsonl", *extra]
    gnu_time = sys.platform == "linux" and os.access("/usr/bin/time", os.X_OK)
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss_file:
        if gnu_time:
            cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file.name, *cmd]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
        if rc not in (0, 1):
            sys.exit(f"CLI failed with exit code {rc}: {' '.join(cmd)}")
        out.seek(0)
        lines = sum(1 for _ in out)
        peak = int(rss_file.read().split()[-1]) / 1024 if gnu_time else usage.ru_maxrss / MIB
    return elapsed, rc, lines, peak


def time_bare(texts: list[str], words: list[str]) -> float:
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()
    t0 = time.perf_counter()
    for t in texts:
        list(automaton.iter(t))
    return time.perf_counter() - t0


def time_matcher_py(texts: list[str], words: list[str]) -> float | None:
    try:
        from matcher_py import ProcessType, SimpleMatcherBuilder

        builder = SimpleMatcherBuilder()
        for i, w in enumerate(w for w in words if not set(w) & set("&~|\\")):  # skip operator chars
            builder.add_word(ProcessType.NONE, i + 1, w)
        matcher = builder.build()
        t0 = time.perf_counter()
        for t in texts:
            matcher.process(t)
        return time.perf_counter() - t0
    except Exception:
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000, help="number of messages (default 100000)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes for the parallel run")
    args = ap.parse_args()
    n, w = args.n, args.workers

    meta = {"python": platform.python_version(), "cpus": os.cpu_count(), "n": n, "workers": w}
    base = fixture_texts()
    texts = build_messages(base, n)
    print(f"N={n} from {len(base)} fixture texts; Python {meta['python']}; CPUs {meta['cpus']}")

    checker = Checker()
    _, base_mix = time_library(checker, base, 1)  # warm-up, and the fixtures' own verdict mix
    t_lib1, mix = time_library(checker, texts, 1)
    t_libw, mix_w = time_library(checker, texts, w)
    assert mix == mix_w, "parallel run disagrees with the serial run"
    print(f"verdict mix: fixtures {shares(base_mix)} | generated {shares(mix)}")

    rates: dict[str, float | None] = {"library_1": n / t_lib1, "library_w": n / t_libw}
    rss: dict[str, float] = {}
    help_text = subprocess.run(
        [sys.executable, "-m", "assistant", "check", "--help"], capture_output=True, text=True, cwd=ROOT
    ).stdout
    runs = [("n10", n // 10 or 1, []), ("n", n, [])]
    if "--workers" in help_text:
        runs.append(("n_workers", n, ["--workers", str(w)]))
    with tempfile.TemporaryDirectory() as tmp:
        for label, count, extra in runs:
            path = os.path.join(tmp, f"{count}.jsonl")
            with open(path, "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts[:count])
            secs, rc, lines, rss[label] = run_cli(path, extra)
            assert lines == count, f"CLI wrote {lines} lines for {count} messages"
            rates[f"cli_{label}"] = count / secs
            print(
                f"CLI jsonl{''.join(' ' + a for a in extra)}: {count} msgs in {secs:.2f}s, exit {rc}, ",
                end="",
            )
            print(f"{count / secs:,.0f} msgs/s, peak RSS {rss[label]:.1f} MiB")

    words = rule_words()
    rates["bare_ahocorasick"] = n / time_bare(texts, words)
    t_mp = time_matcher_py(texts, words)
    rates["bare_matcher_py"] = n / t_mp if t_mp else None

    ratio1 = rates["bare_ahocorasick"] / rates["library_1"]
    ratio_w = rates["bare_ahocorasick"] / rates["library_w"]
    rows = [
        ("library, 1 worker", rates["library_1"]),
        (f"library, {w} workers", rates["library_w"]),
        ("CLI jsonl (incl. startup)", rates["cli_n"]),
        (f"CLI jsonl --workers {w}", rates.get("cli_n_workers")),
        (f"bare keyword pass ({len(words)} words)", rates["bare_ahocorasick"]),
        ("bare pass, matcher_py", rates["bare_matcher_py"]),
    ]
    print(f"\n{'measure':<36}{'msgs/s':>14}")
    for name, rate in rows:
        if rate is not None:
            print(f"{name:<36}{rate:>14,.0f}")
    print(f"{'bare / library, 1 worker':<36}{ratio1:>13.1f}x")
    print(f"{f'bare / library, {w} workers':<36}{ratio_w:>13.1f}x")
    print(f"CLI peak RSS: {rss['n10']:.1f} MiB for N/10, {rss['n']:.1f} MiB for N")
    print(f"Python {meta['python']}, CPUs {meta['cpus']}, N {n}")

    payload = {**meta, **{k: round(v, 1) if v is not None else None for k, v in rates.items()}}
    payload |= {"ratio_bare_library_1": round(ratio1, 2), "ratio_bare_library_w": round(ratio_w, 2)}
    payload |= {f"cli_peak_rss_mib_{k}": round(v, 1) for k, v in rss.items()}
    print("BENCH_JSON " + json.dumps(payload, ensure_ascii=False))


if __name__ == "__main__":
    main()
