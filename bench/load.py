"""Published PDF downloads under load, against whitenoise serving the same bytes as a static file.

Runs gunicorn with production settings on a throwaway SQLite database holding the published
demo report, then has N concurrent clients fetch, for D seconds each:
  - static: the same PDF bytes from STATIC_ROOT, served by whitenoise;
  - published: /p/<token>/pdf, served by the view (link lookup, bytes kept per process).
Each request opens a connection (gunicorn's sync workers close it). Prints requests per second,
errors, and the ratio published/static.
Usage: python bench/load.py [--clients 100] [--seconds 10] [--workers 2]
"""

import argparse
import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


FIRST_ERROR: list[bytes] = []


async def fetch(host: str, port: int, path: str) -> bool:
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    response = await reader.read()
    writer.close()
    ok = response.startswith(b"HTTP/1.1 200") and response.rstrip().endswith(b"%%EOF")
    if not ok and not FIRST_ERROR:
        FIRST_ERROR.append(response[:300])
    return ok


async def hammer(port: int, path: str, clients: int, seconds: float) -> tuple[int, int]:
    done = errors = 0
    deadline = time.perf_counter() + seconds

    async def client():
        nonlocal done, errors
        while time.perf_counter() < deadline:
            try:
                ok = await fetch("127.0.0.1", port, path)
            except OSError:
                ok = False
            done += ok
            errors += not ok

    await asyncio.gather(*(client() for _ in range(clients)))
    return done, errors


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(clients: int, seconds: float, workers: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="unionreports-load-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp}/load.sqlite3",
        "DEBUG": "false",
        "SECRET_KEY": "load-bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp / "static"),
        "PUBLISHED_ROOT": str(tmp / "published"),
    }
    manage = [PYTHON, "manage.py"]
    try:
        subprocess.run([*manage, "migrate", "--noinput"], cwd=ROOT, env=env, check=True, capture_output=True)
        subprocess.run(
            [*manage, "collectstatic", "--noinput"], cwd=ROOT, env=env, check=True, capture_output=True
        )
        out = subprocess.run(
            [*manage, "loaddemo"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        )
        token = re.search(r"published /p/([^/]+)/", out.stdout).group(1)
        export = [*manage, "shell", "-c", "from unionreports.publishing.models import Publication; "
                  "import sys; sys.stdout.buffer.write(bytes(Publication.objects.get().pdf))"]  # fmt: skip
        pdf = subprocess.run(export, cwd=ROOT, env=env, check=True, capture_output=True).stdout
        (tmp / "static" / "bench").mkdir()
        (tmp / "static" / "bench" / "report.pdf").write_bytes(pdf)

        port = free_port()
        server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "unionreports.wsgi",
                "-w",
                str(workers),
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "error",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            for _ in range(50):
                try:
                    asyncio.run(fetch("127.0.0.1", port, "/static/bench/report.pdf"))
                    break
                except OSError:
                    time.sleep(0.2)
            results = {}
            for name, path in (("static", "/static/bench/report.pdf"), ("published", f"/p/{token}/pdf")):
                asyncio.run(hammer(port, path, clients, 1))  # warm up
                done, errors = asyncio.run(hammer(port, path, clients, seconds))
                results[name] = (done / seconds, errors)
        finally:
            server.terminate()
            server.wait()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(
        f"{clients} clients, {seconds:g} s each, gunicorn with {workers} sync workers, PDF of {len(pdf)} bytes"
    )
    for name, (rate, errors) in results.items():
        print(f"{name:<10}{rate:>9.1f} requests/s {errors:>6} errors")
    if FIRST_ERROR:
        print(f"first failed response: {FIRST_ERROR[0]!r}")
    ratio = results["published"][0] / results["static"][0]
    print(
        f"load: published {results['published'][0]:.1f}/s, static {results['static'][0]:.1f}/s, ratio {ratio:.2f}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    main(args.clients, args.seconds, args.workers)
