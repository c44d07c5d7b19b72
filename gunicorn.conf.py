"""gunicorn for Medvandrer (`make serve`; docs/DEPLOYMENT.md). Every setting can be changed
from the environment, so the same file serves a laptop, a benchmark and a region."""

import multiprocessing
import os

bind = os.getenv("BIND", "127.0.0.1:8000")
# Processes share nothing but the database (and Redis, when set): any number of them, on
# any number of machines, can serve the same signed-in users.
workers = int(os.getenv("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.getenv("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.getenv("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
max_requests = int(os.getenv("GUNICORN_MAX_REQUESTS", "2000"))  # recycle workers now and then
max_requests_jitter = 200
accesslog = os.getenv("GUNICORN_ACCESS_LOG", None)  # "-" for stdout
# The path without its query string (%(U)s), and no referrer: an address can hold what someone
# typed, and the log must never (docs/SECURITY.md, «Nothing sensitive in addresses or logs»).
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
# …and a one-time link's token becomes «…» (medvandrer/log_paths.py).
logger_class = "medvandrer.log_paths.AccessLogger"
errorlog = "-"
forwarded_allow_ips = os.getenv("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "medvandrer"
