"""`make loadtest`: wrk against the stack, next to the same HTML served as a file by nginx.

Starts the stack (deploy/stack.py) on PORT (8090 unless given) with DATABASE_URL / REDIS_URL,
saves the article's HTML as a file and serves it with nginx on a free port, then runs wrk against
the article, the home page, the news index and a search through Varnish, and against the file.
Prints req/s, p50 and p99 latency and non-2xx/3xx answers; the figure is the ratio of the cached
article's req/s to nginx's. LOADTEST_SECONDS (10), LOADTEST_CONNECTIONS (32) change the load.
"""

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

from deploy import stack
from deploy.background_stack import BackgroundStack

PUBLISH_ROUNDS = 5
# Run inside `manage.py shell` with the app servers' settings: publish the article under a new
# title, then read the news index and the article through Varnish until both show it.
MEASURE_PUBLISH = """
import json, os, statistics, time, urllib.request
from urllib.parse import unquote
from news.models import NewsPage

base, path = os.environ["STACK_BASE"], os.environ["ARTICLE_PATH"]
page = NewsPage.objects.get(slug=unquote(path.rstrip("/").rsplit("/", 1)[1]))
delays = []
for number in range(int(os.environ["ROUNDS"])):
    title = f"{page.title.split(' | ')[0]} | {time.time_ns()}"
    page.title = title
    page.save_revision().publish()
    published = time.monotonic()
    waiting = {"/news/", path}
    while waiting and time.monotonic() - published < 30:
        for url in list(waiting):
            with urllib.request.urlopen(base + url, timeout=10) as response:
                if title in response.read().decode():
                    waiting.discard(url)
        time.sleep(0.02)
    delays.append(time.monotonic() - published if not waiting else float("inf"))
print(json.dumps(delays))
"""

NGINX_CONF = """
daemon off;
worker_processes 2;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    types {{ text/html html; }}
    server {{
        listen 127.0.0.1:{port};
        root {work}/www;
    }}
}}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
        return response.read()


def to_milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, seconds, connections):
    result = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk") or "wrk",
            "--threads=2",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    output = result.stdout
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.MULTILINE))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)$", output, re.MULTILINE)
    return {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50_ms": to_milliseconds(percentiles["50"]),
        "p99_ms": to_milliseconds(percentiles["99"]),
        "non_2xx": int(non_2xx[1]) if non_2xx else 0,
        "socket_errors": errors[1].strip() if errors else "none",
    }


def publish_to_visible_seconds(environment, base, article_path):
    """Seconds from each publish returning to its new title showing through Varnish."""
    portal = stack.portal_environment(stack.configuration(environment), environment)
    portal.update(STACK_BASE=base, ARTICLE_PATH=article_path, ROUNDS=str(PUBLISH_ROUNDS))
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", MEASURE_PUBLISH],
        cwd=Path(__file__).resolve().parent.parent,
        env=portal,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    for program in ("wrk", "nginx", "varnishd"):
        if not (shutil.which(program) or Path("/usr/sbin", program).exists()):
            sys.exit(f"make loadtest needs {program}: apt-get install wrk nginx-light varnish")
    seconds = int(os.environ.get("LOADTEST_SECONDS", "10"))
    connections = int(os.environ.get("LOADTEST_CONNECTIONS", "32"))
    environment = {**os.environ, "PORT": os.environ.get("PORT", "8090")}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    base = f"http://127.0.0.1:{environment['PORT']}"

    with BackgroundStack(environment), tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        os.chmod(work_dir, 0o755)  # noqa: S103 - nginx's workers read the file
        newest = json.loads(fetch(base + "/api/v2/news/?limit=1"))["items"][0]
        article = urlsplit(newest["meta"]["html_url"]).path
        html = fetch(base + article)
        (work_dir / "www").mkdir()
        (work_dir / "www" / "article.html").write_bytes(html)
        nginx_port = free_port()
        (work_dir / "nginx.conf").write_text(NGINX_CONF.format(work=work_dir, port=nginx_port))
        nginx = subprocess.Popen(  # noqa: S603
            [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(work_dir / "nginx.conf")]
        )
        try:
            time.sleep(0.5)
            targets = [
                ("article (Varnish)", base + article),
                ("home (Varnish)", base + "/"),
                ("news index (Varnish)", base + "/news/"),
                ("search (Varnish)", base + "/search/?q=" + quote("بهزیستی")),
                (
                    "same article HTML, static file (nginx)",
                    f"http://127.0.0.1:{nginx_port}/article.html",
                ),
            ]
            for _, url in targets:
                fetch(url)  # warm the cache
            results = {}
            for name, url in targets:
                results[name] = wrk(url, seconds, connections)
            delays = publish_to_visible_seconds(environment, base, article)
        finally:
            nginx.terminate()
            nginx.wait()

    print(f"\nwrk: {seconds} s per address, {connections} connections, 2 threads")
    print(f"{'address':42} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, figures in results.items():
        print(
            f"{name:42} {figures['requests_per_second']:>10.0f} {figures['p50_ms']:>8.2f}"
            f" {figures['p99_ms']:>8.2f} {figures['non_2xx']:>8}"
            + (
                f"  socket errors: {figures['socket_errors']}"
                if figures["socket_errors"] != "none"
                else ""
            )
        )
    static = results["same article HTML, static file (nginx)"]["requests_per_second"]
    ratio = results["article (Varnish)"]["requests_per_second"] / static
    print(f"\ncached article / static nginx: {ratio:.2f}x (target >= 0.5x)")
    delays.sort()
    print(
        f"publish -> visible through Varnish (news index and article, {len(delays)} publishes):"
        f" median {statistics.median(delays):.2f} s, slowest {delays[-1]:.2f} s"
        " (target: median <= 1 s)"
    )


if __name__ == "__main__":
    main()
