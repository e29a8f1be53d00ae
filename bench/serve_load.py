"""How `copydesk serve` holds up under load: starts the service on a loopback port, then runs
concurrent clients (4 by default) for a fixed time (60 s by default), each posting the same
~800-word article to ``/v1/check`` as soon as its last answer came. Prints p50/p95 latency,
requests per second and failed requests (any answer but 200, or none). Asserts nothing.

    PYTHONPATH=src .venv/bin/python bench/serve_load.py [--clients 4] [--seconds 60]

The article is the rewrite in `compare_speed.py` (checked without its source).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare_speed import ARTICLE

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 120  # model load and warm-up on a busy machine
CLIENT_TIMEOUT_S = 120  # longer than the service's own limit, so its 503 is what is counted


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "copydesk", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("copydesk serve exited before it answered /health")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise SystemExit("copydesk serve did not answer /health in time")


def client(url: str, until: float, latencies: list[float], failures: list[str]) -> None:
    with httpx.Client(timeout=CLIENT_TIMEOUT_S) as http:
        while time.monotonic() < until:
            began = time.perf_counter()
            try:
                answer = http.post(url, json={"text": ARTICLE})
            except httpx.HTTPError as exc:
                failures.append(type(exc).__name__)
                continue
            if answer.status_code == 200:
                latencies.append(time.perf_counter() - began)
            else:
                failures.append(str(answer.status_code))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()

    port = free_port()
    began = time.perf_counter()
    proc = start(port)
    print(f"start-up (models loaded, warm-up check): {time.perf_counter() - began:.1f} s")
    print(f"article: {len(ARTICLE.split())} words; {args.clients} clients for {args.seconds:.0f} s")
    latencies: list[float] = []
    failures: list[str] = []
    url = f"http://127.0.0.1:{port}/v1/check"
    try:
        start_at = time.monotonic()
        until = start_at + args.seconds
        threads = [
            threading.Thread(target=client, args=(url, until, latencies, failures))
            for _ in range(args.clients)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - start_at
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    done = len(latencies)
    print(
        f"requests: {done} answered, {len(failures)} failed ({', '.join(sorted(set(failures))) or 'none'})"
    )
    print(f"throughput: {done / elapsed:.2f} requests/s over {elapsed:.1f} s")
    if done >= 2:
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        print(
            f"latency: p50 {cuts[49] * 1000:.0f} ms, p95 {cuts[94] * 1000:.0f} ms, "
            f"max {max(latencies) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
