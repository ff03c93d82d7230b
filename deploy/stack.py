"""The production stack of deploy/, started on loopback ports as the current user.

A fresh PostgreSQL database, migrate, collectstatic, then gunicorn (deploy/gunicorn.conf.py), the
task worker and nginx with the site file of deploy/nginx (filled by deploy/render.py, inside an
nginx.conf whose pid, logs and temporary files are in a temporary directory). Used by
deploy/smoke_test.py (`make deploy-test`) and bench/nginx.py; stops everything it started.
"""

import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
from render import render  # noqa: E402

PYTHON = sys.executable
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# Where the database is created; its name is replaced by a throwaway one.
SERVER_URL = os.environ.get("DEPLOY_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
# A shared cache for the web processes when Redis answers here (db 4 unless told otherwise).
REDIS_URL = os.environ.get("DEPLOY_TEST_REDIS_URL", "redis://127.0.0.1:6379/4")

NGINX_CONF = """\
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 2048; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    access_log {tmp}/nginx-access.log;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
    include {tmp}/site.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_answers(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class Stack:
    """`with Stack() as stack:` everything runs; `stack.url(path)` is its HTTPS address."""

    def __init__(self, *, workers: int = 2):
        self.workers = workers
        self.processes: dict[str, subprocess.Popen] = {}
        self.tmp = Path(tempfile.mkdtemp(prefix="unionreports-deploy-"))
        # nginx's workers run as "nobody" when started by root: they read what the app wrote.
        self.tmp.chmod(0o755)
        self.database = f"unionreports_deploy_{os.getpid()}_{secrets.token_hex(3)}"
        self.http_port, self.https_port, self.app_port = free_port(), free_port(), free_port()
        self.shared_cache = redis_answers(REDIS_URL)
        server = urllib.parse.urlsplit(SERVER_URL)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "unionreports.settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"https://127.0.0.1:{self.https_port}",
            "DATABASE_URL": server._replace(path=f"/{self.database}").geturl(),
            "STATIC_ROOT": str(self.tmp / "static"),
            "PUBLISHED_ROOT": str(self.tmp / "published"),
            "TASKS_BACKEND": "database",
            "GUNICORN_BIND": f"127.0.0.1:{self.app_port}",
            "WEB_CONCURRENCY": str(workers),
            "REQUEST_LOG": "true",
            "PYTHONUNBUFFERED": "1",
        }
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        if self.shared_cache:
            self.env["REDIS_URL"] = REDIS_URL
        else:
            # Without a shared cache, processes would each remember links for a few seconds.
            self.env.pop("REDIS_URL", None)
            self.env["WEB_CONCURRENCY"] = "1"

    # -- setting up ------------------------------------------------------------------------

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
        return result.stdout

    def sql(self, query: str, *params):
        connection = psycopg2.connect(self.env["DATABASE_URL"])
        try:
            with connection, connection.cursor() as cursor:
                cursor.execute(query, params)
                return cursor.fetchall() if cursor.description else None
        finally:
            connection.close()

    def _server(self, statement: str) -> None:
        connection = psycopg2.connect(SERVER_URL)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()

    def _certificate(self) -> None:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
             "-keyout", str(self.tmp / "tls.key"), "-out", str(self.tmp / "tls.crt")],
            check=True, capture_output=True,
        )  # fmt: skip

    def _nginx_config(self) -> Path:
        site = render(
            (ROOT / "deploy" / "nginx" / "unionreports.conf").read_text(),
            {
                "UPSTREAM": f"127.0.0.1:{self.app_port}",
                "SERVER_NAME": "127.0.0.1 localhost",
                "HTTP_LISTEN": f"127.0.0.1:{self.http_port}",
                "HTTPS_LISTEN": f"127.0.0.1:{self.https_port}",
                "TLS_CERTIFICATE": str(self.tmp / "tls.crt"),
                "TLS_CERTIFICATE_KEY": str(self.tmp / "tls.key"),
                "STATIC_ROOT": self.env["STATIC_ROOT"],
                "PUBLISHED_ROOT": self.env["PUBLISHED_ROOT"],
            },
        )
        (self.tmp / "site.conf").write_text(site)
        conf = self.tmp / "nginx.conf"
        conf.write_text(NGINX_CONF.format(tmp=self.tmp))
        return conf

    def _start(self, name: str, command: list[str]) -> None:
        # The process writes its own copy of the file descriptor.
        with open(self.tmp / f"{name}.log", "wb") as log:
            self.processes[name] = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def log(self, name: str) -> str:
        return (self.tmp / f"{name}.log").read_text(errors="replace")

    def __enter__(self) -> "Stack":
        try:
            self._server(f'CREATE DATABASE "{self.database}"')
            # collectstatic (compressing every file) while the database is migrated.
            collect = subprocess.Popen(
                [PYTHON, "manage.py", "collectstatic", "--noinput"],
                cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            )  # fmt: skip
            try:
                self.manage("migrate", "--noinput")
            finally:
                _, errors = collect.communicate()
            if collect.returncode:
                raise RuntimeError(f"collectstatic failed:\n{errors.decode(errors='replace')}")
            self._certificate()
            conf = self._nginx_config()
            subprocess.run(
                [NGINX, "-t", "-p", str(self.tmp), "-c", str(conf)], check=True, capture_output=True
            )
            self._start(
                "gunicorn",
                [PYTHON, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", "unionreports.wsgi"],
            )
            self._start("worker", [PYTHON, "manage.py", "db_worker"])
            self._start("nginx", [NGINX, "-p", str(self.tmp), "-c", str(conf), "-g", "daemon off;"])
            self._wait_until_up()
        except BaseException:
            self.__exit__(*sys.exc_info())
            raise
        return self

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} stopped:\n{self.log(name)}")
            try:
                if self.get("/health/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the site did not answer /health/ within 30 seconds")

    def __exit__(self, *exc_info) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        try:
            self._server(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        finally:
            if os.environ.get("DEPLOY_TEST_KEEP"):
                print(f"kept {self.tmp}", file=sys.stderr)
            else:
                shutil.rmtree(self.tmp, ignore_errors=True)

    # -- talking to it ---------------------------------------------------------------------

    def url(self, path: str) -> str:
        return f"https://127.0.0.1:{self.https_port}{path}"

    def get(self, path: str):
        """A bare GET through nginx: (status, headers, body)."""
        import http.client

        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.https_port, context=ssl._create_unverified_context(), timeout=30
        )
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()
