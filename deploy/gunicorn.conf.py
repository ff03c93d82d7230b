"""gunicorn's settings for unionreports: `gunicorn --config deploy/gunicorn.conf.py unionreports.wsgi`.

Process workers (the default sync ones): WeasyPrint's font configuration is kept per thread.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "unix:/run/unionreports/gunicorn.sock")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A cold PDF takes about 0.2 s, the largest import 1.5 s.
timeout = 60
graceful_timeout = 30
# No recycling of workers after N requests: a worker takes seconds to start (Django, WeasyPrint),
# and downloads that reach Django come by the thousand a minute when a congress opens.
# The socket is nginx's to write to (the service's group is nginx's).
umask = 0o007
# Django writes one line per request (REQUEST_LOG); gunicorn's own errors go to standard error.
accesslog = None
errorlog = "-"
# gunicorn's control socket (in the home directory by default) is not used; systemd controls it.
control_socket_disable = True
