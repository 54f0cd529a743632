"""Peak memory of the CLI on long inputs: is every output format streamed?

Run: .venv/bin/python benchmarks/bench_memory.py [--lines 200000] [--rewrite-lines 20000]

Each command runs in its own process on a generated file of N lines and on one of N/10;
equal peaks mean the input is streamed (memory does not grow with the file).  The target
is a peak RSS under 200 MiB for any input the readers accept.  Peak RSS comes from GNU
``/usr/bin/time -f %M`` where present (a child spawned from this process would otherwise
inherit its high-water mark), else from ``os.wait4``.  Messages are the rule examples and
drafts cycled with a cheap variation (``bench_check.build_messages``).  Not a test: it
prints figures and asserts only that every run wrote one result per message.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import MIB, build_messages, fixture_texts

TARGET_MIB = 200


def run(cmd: list[str], cwd: Path, out_path: Path) -> tuple[float, int, float]:
    """(seconds, exit code, peak RSS MiB) of one ``assistant`` process; stdout to ``out_path``."""
    gnu_time = sys.platform == "linux" and os.access("/usr/bin/time", os.X_OK)
    env = {**os.environ, "ASSISTANT_AUDIT_DB": str(cwd / "audit.sqlite3")}
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL"):
        env.pop(var, None)
    with out_path.open("wb") as out, tempfile.NamedTemporaryFile("r") as rss_file:
        full = ["/usr/bin/time", "-f", "%M", "-o", rss_file.name, *cmd] if gnu_time else cmd
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdout=out, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        rc = os.waitstatus_to_exitcode(status)
        peak = int(rss_file.read().split()[-1]) / 1024 if gnu_time else usage.ru_maxrss / MIB
    return elapsed, rc, peak


def results_written(fmt: str, path: Path) -> int | None:
    """How many results the run wrote (``None`` for text, which has no per-row structure)."""
    if fmt == "json":
        with path.open(encoding="utf-8") as fh:
            return len(json.load(fh))
    if fmt == "jsonl":
        with path.open(encoding="utf-8") as fh:
            return sum(1 for line in fh if line.strip())
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lines", type=int, default=200_000, help="lines for check (default 200000)")
    ap.add_argument("--rewrite-lines", type=int, default=20_000, help="lines for rewrite (default 20000)")
    args = ap.parse_args()
    texts = build_messages(fixture_texts(), max(args.lines, args.rewrite_lines))
    py = [sys.executable, "-m", "assistant"]
    plans = []
    for n in (args.lines // 10, args.lines):
        for fmt in ("json", "jsonl", "text"):
            plans.append((f"check --format {fmt}", n, [*py, "check", "-i", "{file}", "--format", fmt], fmt))
    for n in (args.rewrite_lines // 10, args.rewrite_lines):
        plans.append(
            (
                "rewrite -i --format json (offline)",
                n,
                [*py, "rewrite", "-i", "{file}", "--format", "json", "--engine", "offline", "-n", "1"],
                "json",
            )
        )
    print(f"Python {platform.python_version()}; CPUs {os.cpu_count()}; target peak RSS < {TARGET_MIB} MiB")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for label, n, template, fmt in plans:
            data = work / f"{n}.txt"
            if not data.exists():
                data.write_text("".join(t.replace("\n", " ") + "\n" for t in texts[:n]), encoding="utf-8")
            cmd = [str(data) if part == "{file}" else part for part in template]
            out = work / "out"
            secs, rc, peak = run(cmd, work, out)
            assert rc in (0, 1), f"{label} on {n} lines: exit code {rc}"
            written = results_written(fmt, out)
            assert written in (None, n), f"{label} wrote {written} results for {n} lines"
            row = {"command": label, "lines": n, "seconds": round(secs, 1), "peak_mib": round(peak, 1)}
            row["output_mib"] = round(out.stat().st_size / 2**20, 1)
            out.unlink()
            results.append(row)
            flag = "ok" if peak < TARGET_MIB else "OVER TARGET"
            print(
                f"{label:<38} {n:>8,} lines  {secs:7.1f} s  peak RSS {peak:6.1f} MiB  "
                f"output {row['output_mib']:7.1f} MiB  {flag}"
            )
    print("BENCH_JSON " + json.dumps({"target_mib": TARGET_MIB, "runs": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
