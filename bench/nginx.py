"""Delegates' PDF downloads through the deployment of deploy/: nginx in front of gunicorn.

Starts the stack of deploy/stack.py (PostgreSQL, gunicorn, the worker, nginx with the
repository's site file, over HTTPS), loads the published demo report, and has wrk's C
concurrent connections fetch, in alternating runs of D seconds:
  - static: the same PDF bytes copied into STATIC_ROOT, served by nginx as a plain static file;
  - published: /p/<token>/pdf, the delegates' address, as the site file serves it;
  - django: the same address once the file is removed, so that nginx passes it to gunicorn
    (what every download would cost if Django served or checked each one).
Prints requests per second, non-2xx answers and socket errors, and the ratio published/static.
Needs wrk (Debian package `wrk`) and PostgreSQL (DEPLOY_TEST_DATABASE_URL).
Usage: python bench/nginx.py [--clients 100] [--seconds 5] [--threads 2] [--rounds 3]
"""

import argparse
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
from stack import Stack  # noqa: E402


def wrk(url: str, *, clients: int, seconds: float, threads: int) -> tuple[float, int]:
    """Requests per second and failures (non-2xx answers and socket errors) of one run."""
    command = ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds:g}s", url]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    failures = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    if errors := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        failures += sum(int(n) for n in errors.groups())
    return rate, failures


def main(clients: int, seconds: float, threads: int, rounds: int) -> None:
    if not shutil.which("wrk"):
        sys.exit("bench/nginx.py needs wrk (apt-get install wrk)")
    with Stack() as stack:
        token = re.search(r"published /p/([^/]+)/", stack.manage("loaddemo"))[1]
        status, _, pdf = stack.get(f"/p/{token}/pdf")
        assert status == 200 and pdf.startswith(b"%PDF")
        static = Path(stack.env["STATIC_ROOT"]) / "bench"
        static.mkdir()
        (static / "report.pdf").write_bytes(pdf)
        paths = {"static": "/static/bench/report.pdf", "published": f"/p/{token}/pdf"}
        for path in paths.values():
            wrk(stack.url(path), clients=clients, seconds=1, threads=threads)  # warm up
        # Alternating runs, the median of each: the machine's other load weighs on both alike.
        runs = {name: [] for name in paths}
        for _ in range(rounds):
            for name, path in paths.items():
                runs[name].append(wrk(stack.url(path), clients=clients, seconds=seconds, threads=threads))
        # For comparison, what the file spares: without it nginx hands the download to Django.
        (Path(stack.env["PUBLISHED_ROOT"]) / "links" / f"{token}.pdf").unlink()
        runs["django"] = [
            wrk(stack.url(paths["published"]), clients=clients, seconds=seconds, threads=threads)
            for _ in range(rounds)
        ]
        results = {
            name: (statistics.median(r for r, _ in got), sum(f for _, f in got)) for name, got in runs.items()
        }
    print(
        f"{clients} connections (wrk, {threads} threads), median of {rounds} alternating runs of {seconds:g} s, "
        f"HTTPS through nginx, PDF of {len(pdf)} bytes"
    )
    for name, (rate, failures) in results.items():
        print(f"{name:<10}{rate:>10.1f} requests/s {failures:>6} failed")
    ratio = results["published"][0] / results["static"][0]
    print(
        f"nginx: published {results['published'][0]:.1f}/s, static {results['static'][0]:.1f}/s, ratio {ratio:.2f}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    main(args.clients, args.seconds, args.threads, args.rounds)
