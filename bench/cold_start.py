"""The cold start of ``copydesk check examples/reworded.txt --format json`` against a bare
``spacy.load`` of the same model, each a fresh process, run alternately so that the machine's
load falls on both alike. Prints the medians, their ratio (target: at most 1.3x) and, from one
``python -X importtime`` run of the command, the packages whose import costs the most.

Figures only, no assertions.

    .venv/bin/python bench/cold_start.py [--runs 7] [--top 12]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from processes import user_environment

from copydesk.nlp.annotate import model_name

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "reworded.txt"
RATIO_TARGET = 1.3

COMMAND = [sys.executable, "-m", "copydesk", "check", str(ARTICLE), "--format", "json"]
BARE_LOAD = [sys.executable, "-c", f"import spacy; spacy.load({model_name()!r})"]


def run(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        command, capture_output=True, check=False, cwd=ROOT, env=user_environment()
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(done.stderr.decode(errors="replace"))
    return seconds


def import_costs(command: list[str]) -> list[tuple[float, str]]:
    """(cumulative seconds, package) for each top-level package the command imports."""
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        capture_output=True,
        check=False,
        cwd=ROOT,
        env=user_environment(),
    )
    costs: dict[str, float] = {}
    for line in done.stderr.decode(errors="replace").splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        name = name.strip()
        if cumulative.strip().isdigit() and "." not in name and name not in costs:
            costs[name] = int(cumulative) / 1e6
    return sorted(((s, n) for n, s in costs.items()), reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--top", type=int, default=12, help="packages listed by import cost")
    args = parser.parse_args()

    run(BARE_LOAD)  # warm the file cache for both, and write the bytecode cache
    run(COMMAND)
    bare: list[float] = []
    check: list[float] = []
    for _ in range(args.runs):
        bare.append(run(BARE_LOAD))
        check.append(run(COMMAND))
    b, c = statistics.median(bare), statistics.median(check)
    print(f"bare spacy.load({model_name()!r}): median {b:.2f} s of {len(bare)} runs")
    print(f"copydesk check {ARTICLE.relative_to(ROOT)} --format json: median {c:.2f} s")
    print(f"ratio: {c / b:.2f}x (target ≤ {RATIO_TARGET}x)")
    ratios = sorted(x / y for x, y in zip(check, bare))
    print(f"per-pair ratios: {', '.join(f'{r:.2f}' for r in ratios)}")
    print("\nimport cost of the command, by top-level package (cumulative, one run):")
    for seconds, name in import_costs(COMMAND)[: args.top]:
        print(f"  {1000 * seconds:7.0f} ms  {name}")


if __name__ == "__main__":
    main()
