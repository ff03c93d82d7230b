"""Fills the @@NAMES@@ of a template of deploy/ and prints it.

    python deploy/render.py deploy/nginx/unionreports.conf SERVER_NAME=bao-cao.example.vn \
        HTTP_LISTEN=80 HTTPS_LISTEN=443 UPSTREAM=unix:/run/unionreports/gunicorn.sock \
        TLS_CERTIFICATE=/etc/letsencrypt/live/bao-cao.example.vn/fullchain.pem \
        TLS_CERTIFICATE_KEY=/etc/letsencrypt/live/bao-cao.example.vn/privkey.pem \
        STATIC_ROOT=/srv/unionreports/static PUBLISHED_ROOT=/srv/unionreports/published

Refuses (exit status 2) a name the template does not have, or a name it has and was not given.
"""

import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")


def render(template: str, values: dict[str, str]) -> str:
    wanted = set(PLACEHOLDER.findall(template))
    if missing := wanted - set(values):
        raise ValueError(f"no value for {', '.join(sorted(missing))}")
    if unknown := set(values) - wanted:
        raise ValueError(f"the template has no {', '.join(sorted(unknown))}")
    return PLACEHOLDER.sub(lambda match: values[match[1]], template)


def main(argv: list[str]) -> int:
    if not argv or any("=" not in arg for arg in argv[1:]):
        print(__doc__, file=sys.stderr)
        return 2
    values = dict(arg.split("=", 1) for arg in argv[1:])
    try:
        sys.stdout.write(render(Path(argv[0]).read_text(), values))
    except (OSError, ValueError) as error:
        print(f"{argv[0]}: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
