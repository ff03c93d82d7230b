"""The templates of deploy/: filled only when every placeholder has a value, and nginx takes the
site file (the whole recipe runs in `make deploy-test`)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
from render import PLACEHOLDER, render  # noqa: E402
from stack import NGINX_CONF  # noqa: E402

SITE = ROOT / "deploy" / "nginx" / "unionreports.conf"


def test_a_placeholder_without_a_value_is_refused():
    with pytest.raises(ValueError, match="no value for UPSTREAM"):
        render("server @@UPSTREAM@@;", {})
    with pytest.raises(ValueError, match="has no SERVER"):
        render("server @@UPSTREAM@@;", {"UPSTREAM": "x", "SERVER": "y"})
    assert render("server @@UPSTREAM@@;", {"UPSTREAM": "127.0.0.1:8000"}) == "server 127.0.0.1:8000;"


def test_the_site_file_has_the_placeholders_the_readme_names():
    assert set(PLACEHOLDER.findall(SITE.read_text())) == {
        "UPSTREAM", "SERVER_NAME", "HTTP_LISTEN", "HTTPS_LISTEN", "TLS_CERTIFICATE",
        "TLS_CERTIFICATE_KEY", "STATIC_ROOT", "PUBLISHED_ROOT",
    }  # fmt: skip


@pytest.mark.skipif(not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists(), reason="no nginx")
def test_nginx_accepts_the_site_file(tmp_path):
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t",
         "-keyout", str(tmp_path / "tls.key"), "-out", str(tmp_path / "tls.crt")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = render(
        SITE.read_text(),
        {
            "UPSTREAM": "unix:/run/unionreports/gunicorn.sock",
            "SERVER_NAME": "bao-cao.example.vn",
            "HTTP_LISTEN": "127.0.0.1:8080",
            "HTTPS_LISTEN": "127.0.0.1:8443",
            "TLS_CERTIFICATE": str(tmp_path / "tls.crt"),
            "TLS_CERTIFICATE_KEY": str(tmp_path / "tls.key"),
            "STATIC_ROOT": str(tmp_path / "static"),
            "PUBLISHED_ROOT": str(tmp_path / "published"),
        },
    )
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(NGINX_CONF.format(tmp=tmp_path))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
