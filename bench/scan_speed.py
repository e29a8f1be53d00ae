"""Articles/s of `copydesk scan` with --jobs 1 and --jobs 2 over copies of the shared cases.

Usage: PYTHONPATH=src python bench/scan_speed.py [COPIES]  (prints figures only)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from copydesk.scan.local import scan

CASES = Path(__file__).resolve().parents[2] / "shared" / "cases"

#: Copies of the cases scanned: 8 × 15 texts is long enough (about 10 s a run) that the
#: workers' start-up, paid once, weighs little in the rate.
COPIES = 8


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else COPIES
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for i in range(copies):
            shutil.copytree(CASES, root / "in" / f"copy{i}")
        rates = {}
        for jobs in (1, 2):
            out = root / f"jobs{jobs}.jsonl"
            started = time.perf_counter()
            report = scan([root / "in"], out, jobs=jobs, progress=False)
            seconds = time.perf_counter() - started
            rates[jobs] = report.written / seconds
            print(
                f"--jobs {jobs}: {report.written} articles in {seconds:.1f} s, {rates[jobs]:.2f} articles/s"
            )
        print(f"speed-up --jobs 2 / --jobs 1: {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
