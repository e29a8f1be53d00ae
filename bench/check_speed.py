"""How fast `copydesk check` is, against the spaCy parse it is built on.

Texts: the seed article and the five coverage texts (``../shared/cases/seed/``; the project's
``examples/`` when the seed case is absent), repeated to ``--articles`` articles. Prints:

- the full check in one process (read → parse → ledger → checks → report model), one
  article at a time (`pipeline.check`) and batched (`pipeline.check_many`);
- bare spaCy `nlp.pipe` over the same texts, and the ratio of check to bare parse (target:
  at most 1.3x);
- the command's cold start: ``copydesk check examples/reworded.txt --format json`` as a
  subprocess, median of three (target: under 3 s).

Figures only, no assertions. ``--profile`` prints where the per-article check spends its time.

    .venv/bin/python bench/check_speed.py [--articles 200] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

from copydesk.nlp.annotate import PIPE_BATCH_SIZE, load_model
from copydesk.pipeline import check, check_many
from copydesk.read import read_input
from copydesk.report.build import build_report

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "cases" / "seed"
EXAMPLES = ROOT / "examples"

#: check, spin fingerprints and the rewording score included, within 1.3x of the bare parse.
RATIO_TARGET = 1.3
COLD_START_TARGET_S = 3.0
COLD_START_RUNS = 3


def corpus_files() -> list[Path]:
    if (SEED / "article.txt").exists():
        return [SEED / "article.txt", *sorted((SEED / "coverage").glob("*.txt"))]
    return sorted(EXAMPLES.glob("*.txt"))


def repeated(files: list[Path], n: int) -> list[Path]:
    return [files[i % len(files)] for i in range(n)]


def rate(label: str, seconds: float, n: int, words: int) -> None:
    print(
        f"{label:<34} {n / seconds:8.1f} articles/s {1000 * seconds / n:8.1f} ms/article "
        f"{words / seconds:9.0f} words/s"
    )


def time_check(paths: list[Path]) -> float:
    started = time.perf_counter()
    for path in paths:
        build_report(check(read_input(str(path))))
    return time.perf_counter() - started


def time_check_many(paths: list[Path]) -> float:
    started = time.perf_counter()
    articles = [read_input(str(p)) for p in paths]
    for result in check_many(articles):
        build_report(result)
    return time.perf_counter() - started


def time_bare_parse(bodies: list[str]) -> float:
    nlp = load_model()
    started = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=PIPE_BATCH_SIZE):
        pass
    return time.perf_counter() - started


def cold_start() -> list[float]:
    command = [str(ROOT / ".venv" / "bin" / "copydesk")]
    if not Path(command[0]).exists():
        command = [sys.executable, "-m", "copydesk"]
    from processes import user_environment

    times = []
    for k in range(COLD_START_RUNS + 1):  # the first writes the bytecode cache; not timed
        started = time.perf_counter()
        run = subprocess.run(
            [*command, "check", str(EXAMPLES / "reworded.txt"), "--format", "json"],
            capture_output=True,
            check=False,
            cwd=ROOT,
            env=user_environment(),
        )
        if k:
            times.append(time.perf_counter() - started)
        if run.returncode not in (0, 1):
            print(run.stderr.decode(errors="replace"), file=sys.stderr)
    return times


def profile(paths: list[Path], top: int = 25) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    time_check(paths)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(top)
    print(out.getvalue())
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="profile the per-article check")
    args = parser.parse_args()

    files = corpus_files()
    paths = repeated(files, args.articles)
    articles = [read_input(str(p)) for p in paths]
    bodies = [a.body for a in articles]
    words = sum(len(b.split()) for b in bodies)
    print(f"{len(files)} texts from {files[0].parent}, repeated to {len(paths)} articles")
    print(f"{words} words, {words // len(paths)} per article\n")

    # Warm up: the model, the word lists and the checks' caches load once per process.
    build_report(check(articles[0]))
    time_bare_parse(bodies[:4])

    bare = time_bare_parse(bodies)
    single = time_check(paths)
    batched = time_check_many(paths)
    rate("bare spaCy nlp.pipe", bare, len(paths), words)
    rate("check, one article at a time", single, len(paths), words)
    rate("check_many, batched", batched, len(paths), words)
    print(
        f"\nratio check / bare parse: {single / bare:.2f}x one at a time, "
        f"{batched / bare:.2f}x batched (target ≤ {RATIO_TARGET}x)"
    )

    times = cold_start()
    print(
        f"cold start, copydesk check examples/reworded.txt --format json: median "
        f"{statistics.median(times):.2f} s of {', '.join(f'{t:.2f}' for t in times)} "
        f"(target < {COLD_START_TARGET_S:.0f} s)"
    )

    if args.profile:
        print()
        profile(paths[: min(len(paths), 30)])


if __name__ == "__main__":
    main()
