"""`make deploy-test`: the recipe of deploy/ works, end to end, through nginx.

Starts the stack (deploy/stack.py: fresh PostgreSQL database, migrate, collectstatic, gunicorn,
the task worker, nginx with the repository's site file), then, as people would, over HTTPS
through nginx: the secretary logs in, sends a report to the committee, each sitting member
approves it, the secretary publishes it; a delegate downloads the PDF — served by nginx from
the published file, not by Python — with the bytes and SHA-256 published; the notice e-mails
go out through the worker; the secretary revokes the link and it answers 404 at once. Stops
everything it started, whatever happens. Exit status 0 when every check passes.
"""

import getpass
import hashlib
import http.client
import re
import shutil
import ssl
import subprocess
import sys
import time
import urllib.parse
from http.cookies import SimpleCookie

from render import render
from stack import ROOT, Stack

MEMBER_PASSWORD = "smoke-member-password-2023"
SECRETARY = ("thuky", "thuky-demo-2023")

# The demo data (`loaddemo`), then gives the committee's accounts a password (hashed once) and an
# address, so each member can log in and approve through the site, and notices are mailed.
SETUP = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from unionreports.reports.models import Report
call_command("loaddemo")
password = make_password({MEMBER_PASSWORD!r})
for user in get_user_model().objects.filter(affiliations__role="member"):
    user.password = password
    user.email = user.username + "@example.invalid"
    user.save()
    print("member", user.username)
print("summary", Report.objects.filter(publications__isnull=True).order_by("pk").first().pk)
"""


class Browser:
    """Cookies, CSRF and redirects, by hand: a person with a browser, over HTTPS."""

    def __init__(self, stack: Stack):
        self.stack = stack
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None, headers: dict | None = None):
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.stack.https_port, context=ssl._create_unverified_context(), timeout=60
        )
        headers = {"Host": f"127.0.0.1:{self.stack.https_port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            data = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **data}
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # Django checks the Referer of a secure POST against the host.
            headers["Referer"] = self.stack.url(path)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, content

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict):
        status, headers, content = self.request("POST", path, data=data)
        if status not in (302, 303):
            raise AssertionError(f"POST {path} answered {status}: {content[:300]!r}")
        return headers["Location"]

    def log_in(self, username: str, password: str) -> None:
        self.cookies.clear()
        status, _, _ = self.get("/accounts/login/")
        if status != 200 or "csrftoken" not in self.cookies:
            raise AssertionError(f"the login page answered {status} without a CSRF cookie")
        self.post("/accounts/login/", {"username": username, "password": password, "next": "/"})
        check("sessionid" in self.cookies, f"{username} logs in (CSRF token, session cookie)")


STARTED = time.monotonic()


def check(condition: bool, what: str) -> None:
    if not condition:
        raise AssertionError(what)
    print(f"ok  {time.monotonic() - STARTED:5.1f}s  {what}", flush=True)


def from_nginx(headers) -> bool:
    """Django answers with its own headers (X-Frame-Options, Content-Language, …); nginx doesn't."""
    return headers.get("Server", "").startswith("nginx") and not (
        headers.get("X-Frame-Options") or headers.get("Content-Language") or headers.get("Vary")
    )


def verify_units(stack: Stack) -> None:
    """The systemd units of deploy/systemd, filled for this checkout, pass `systemd-analyze verify`."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        print("--  systemd-analyze not installed: the units are not checked")
        return
    units = stack.tmp / "units"
    units.mkdir()
    values = {"APP_DIR": str(ROOT), "USER": getpass.getuser(), "PUBLISHED_ROOT": stack.env["PUBLISHED_ROOT"]}
    for template in sorted((ROOT / "deploy" / "systemd").iterdir()):
        text = template.read_text()
        wanted = {name: value for name, value in values.items() if f"@@{name}@@" in text}
        (units / template.name).write_text(render(text, wanted))
    result = subprocess.run([analyze, "verify", *sorted(units.iterdir())], capture_output=True, text=True)
    check(
        result.returncode == 0 and not result.stderr.strip(), f"the systemd units are valid {result.stderr}"
    )


def run(stack: Stack) -> None:
    print(
        f"{time.monotonic() - STARTED:5.1f}s stack up: https://127.0.0.1:{stack.https_port}/ "
        f"(shared cache: {stack.shared_cache})",
        flush=True,
    )
    setup = stack.manage("shell", "-c", SETUP)
    members = re.findall(r"^member (\S+)$", setup, re.M)
    report = int(re.search(r"^summary (\d+)$", setup, re.M)[1])

    verify_units(stack)
    status, headers, body = stack.get("/health/")
    check(status == 200 and b'"database": "ok"' in body and b'"tasks": "ok"' in body, "/health/ is all ok")

    plain = http.client.HTTPConnection("127.0.0.1", stack.http_port, timeout=10)
    plain.request("GET", "/accounts/login/")
    check(
        plain.getresponse().getheader("Location", "").startswith("https://"), "plain HTTP redirects to HTTPS"
    )

    secretary = Browser(stack)
    secretary.log_in(*SECRETARY)
    status, _, page = secretary.get(f"/reports/{report}/")
    check(status == 200, f"the secretary opens report {report}")
    stylesheet = re.search(rb'href="(/static/[^"]+\.css)"', page)[1].decode()
    status, headers, _ = secretary.get(stylesheet)
    check(
        status == 200 and "immutable" in headers["Cache-Control"] and from_nginx(headers),
        "nginx serves static files",
    )

    secretary.post(f"/reports/{report}/review/send", {})
    for username in members:
        member = Browser(stack)
        member.log_in(username, MEMBER_PASSWORD)
        status, _, page = member.get(f"/reports/{report}/review/")
        digest = re.search(rb'name="digest" value="([0-9a-f]{64})"', page)
        check(status == 200 and digest is not None, f"{username} reads the review page")
        member.post(
            f"/reports/{report}/review/verdict", {"digest": digest[1].decode(), "decision": "approve"}
        )
    secretary.post(f"/reports/{report}/publish", {})
    status, _, page = secretary.get(f"/reports/{report}/publications/")
    token = re.search(rb'href="/p/([A-Za-z0-9_-]+)/"', page)
    check(status == 200 and token is not None, "the secretary published the report and sees its public link")
    token = token[1].decode()
    (sha256, stored), = stack.sql(
        "SELECT p.sha256, p.pdf FROM publishing_publication p WHERE p.report_id = %s", report
    )  # fmt: skip

    delegate = Browser(stack)
    status, _, page = delegate.get(f"/p/{token}/")
    check(status == 200 and sha256.encode() in page, "a delegate opens the public page without an account")
    served_before = stack.log("gunicorn").count("GET /p/<secret>/pdf")
    status, headers, pdf = delegate.get(f"/p/{token}/pdf")
    check(status == 200 and pdf.startswith(b"%PDF"), "the delegate downloads the PDF")
    check(
        pdf == bytes(stored) and hashlib.sha256(pdf).hexdigest() == sha256,
        "its bytes are those published (SHA-256)",
    )
    check(from_nginx(headers) and headers["ETag"] != f'"{sha256}"', "nginx served it (no Django headers)")
    check(
        stack.log("gunicorn").count("GET /p/<secret>/pdf") == served_before,
        "and no Python process saw the download",
    )
    check(headers["Cache-Control"] == "public, max-age=60", "a CDN may keep it a minute")
    status, _, _ = delegate.get(f"/p/{token}/pdf", headers={"If-None-Match": headers["ETag"]})
    check(status == 304, "an unchanged download is answered 304")

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        tasks = dict(
            stack.sql("SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status")
        )
        if tasks and set(tasks) == {"SUCCESSFUL"}:
            break
        time.sleep(0.5)
    check(
        set(tasks) == {"SUCCESSFUL"} and tasks["SUCCESSFUL"] >= len(members),
        f"the worker sent the e-mails {tasks}",
    )
    check("Subject:" in stack.log("worker"), "the worker's log shows them")

    secretary.post(f"/reports/{report}/link", {})
    status, headers, _ = delegate.get(f"/p/{token}/pdf")
    check(status == 404, "the revoked link's PDF answers 404 at once through nginx")
    check(delegate.get(f"/p/{token}/")[0] == 404, "and its page too")
    (new_token,), = stack.sql(
        "SELECT token FROM publishing_publiclink WHERE report_id = %s AND revoked_at IS NULL", report
    )  # fmt: skip
    status, headers, pdf = delegate.get(f"/p/{new_token}/pdf")
    check(
        status == 200 and pdf == bytes(stored) and from_nginx(headers),
        "the new link serves the same bytes from nginx",
    )

    log = stack.log("gunicorn")
    check(
        re.search(rf"GET /reports/{report}/ 200 [\d.]+ms user=\d+ union=\d+", log) is not None,
        "gunicorn's output has a line per request with user and union",
    )


def main() -> int:
    try:
        with Stack() as stack:
            run(stack)
    except Exception as error:  # the reason, then a failing exit status
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    print(f"deploy smoke test passed in {time.monotonic() - STARTED:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
