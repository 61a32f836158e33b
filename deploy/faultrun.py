"""`make faultrun`: readers and commenters keep using the stack while its services fail.

Starts its OWN throwaway PostgreSQL cluster (initdb under /tmp) and Redis (redis-server on a free
port) — never the machine's shared ones — and the stack (deploy/stack.py) on them. While reader
threads fetch pages through Varnish and commenter threads fill in and send the comment form, it
kills a gunicorn worker, restarts PostgreSQL (down for a few seconds), stops Redis for a few
seconds, and restarts PostgreSQL again. Then it prints what readers saw (status counts) and what
happened to every comment sent (stored and found in the database, refused with a Persian message,
or lost). Targets: 0 reader-visible 5xx, 0 comments lost or saved after a refusal.
"""

import glob
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg

from deploy.background_stack import BackgroundStack

PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
QUESTION = re.compile(r"data-captcha-question>([^<]*)</label>")
HIDDEN = re.compile(r'name="(captcha_0|started|csrfmiddlewaretoken)" value="([^"]*)"')
PERSIAN_TEXT = re.compile(r"[\u0600-\u06ff]{3,}")
TRACKING_CODE = "کد پیگیری"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_program(name):
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else shutil.which(name)


class ThrowawayPostgres:
    """A PostgreSQL cluster of its own under a temporary folder (initdb refuses to run as root,
    so as root it runs as the postgres user)."""

    def __init__(self, work_dir):
        self.data = work_dir / "pg"
        self.port = free_port()
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.data.mkdir()
        if self.as_owner:
            shutil.chown(self.data, "postgres", "postgres")
            shutil.chown(work_dir, "postgres")
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "portal")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal"

    def run(self, program, *arguments):
        # Output to a file, never a pipe: a server started by pg_ctl would hold a pipe open.
        with open(self.data.parent / "postgres-commands.log", "a") as log:
            subprocess.run(  # noqa: S603
                [*self.as_owner, postgres_program(program), *arguments],
                check=True,
                stdout=log,
                stderr=log,
            )

    def pg_ctl(self, *arguments):
        self.run("pg_ctl", "-D", str(self.data), "-w", *arguments)

    def start(self):
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.pg_ctl("-o", options, "-l", str(self.data / "log"), "start")

    def stop(self, mode="fast"):
        self.pg_ctl("-m", mode, "stop")


class ThrowawayRedis:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(50):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)

    def stop(self):
        self.process.terminate()
        self.process.wait()


def child_pids(pid):
    children = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.split("/")[2]))
    return children


def command_of(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


class Traffic:
    def __init__(self, port, reader_paths, news_code):
        self.port = port
        self.reader_paths = reader_paths
        self.form_path = f"/news/{news_code}/comments/form/"
        self.post_path = f"/news/{news_code}/comments/"
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.reader_statuses = Counter()
        self.comments = []  # (marker, outcome, status)
        self.forms_unavailable = Counter()
        self.run_id = uuid.uuid4().hex[:8]

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read().decode()
        finally:
            connection.close()

    def reader(self):
        number = 0
        while not self.stopping.is_set():
            path = self.reader_paths[number % len(self.reader_paths)]
            number += 1
            try:
                status = self.request("GET", path)[0]
            except OSError as error:
                status = f"connection error ({type(error).__name__})"
            with self.lock:
                self.reader_statuses[status] += 1

    def commenter(self, number):
        sent = 0
        while not self.stopping.is_set():
            sent += 1
            address = f"10.{number}.{sent // 250}.{sent % 250 + 1}"
            try:
                status, headers, html = self.request(
                    "GET", self.form_path, headers={"X-Real-IP": address}
                )
            except OSError:
                status, headers, html = "connection error", [], ""
            fields = dict(HIDDEN.findall(html))
            question = QUESTION.search(html)
            cookie = next(
                (value.split(";")[0] for name, value in headers if name.lower() == "set-cookie"),
                "",
            )
            if status != 200 or question is None or len(fields) < 3:
                with self.lock:
                    self.forms_unavailable[status] += 1
                time.sleep(1)
                continue
            numbers = [int(n) for n in re.findall(r"\d+", question[1].translate(PERSIAN_DIGITS))]
            time.sleep(3.2)  # the form refuses answers faster than a person types
            marker = f"fault-{self.run_id}-{number}-{sent}"
            body = urlencode(
                {
                    **fields,
                    "name": "آزمون قطعی",
                    "email": "",
                    "body": f"نظر آزمایشی در میانهٔ قطعی {marker}",
                    "parent": "",
                    "website": "",
                    "captcha_1": str(sum(numbers)),
                }
            )
            try:
                status, _, html = self.request(
                    "POST",
                    self.post_path,
                    body=body,
                    headers={
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Cookie": cookie,
                        "X-Real-IP": address,
                    },
                )
            except OSError:
                outcome = "no answer"
            else:
                if status == 200 and TRACKING_CODE in html:
                    outcome = "stored"
                elif PERSIAN_TEXT.search(html):
                    outcome = "refused with a Persian message"
                else:
                    outcome = "unclear answer"
            with self.lock:
                self.comments.append((marker, outcome, status))


def stored_markers(database_url, run_id):
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT body FROM news_comment WHERE body LIKE %s", (f"%fault-{run_id}-%",)
        ).fetchall()
    return {re.search(r"fault-\S+", body)[0] for (body,) in rows}


def main():
    for program in ("varnishd", "redis-server"):
        if not (shutil.which(program) or Path("/usr/sbin", program).exists()):
            raise SystemExit(f"make faultrun needs {program}")
    with tempfile.TemporaryDirectory(prefix="portal-fault-") as work:
        work_dir = Path(work)
        os.chmod(work_dir, 0o755)  # noqa: S103 - varnishd's and PostgreSQL's users read it
        print("faultrun: own PostgreSQL cluster and Redis under", work_dir, flush=True)
        postgres = ThrowawayPostgres(work_dir)
        redis = ThrowawayRedis()
        port = int(os.environ.get("PORT", "8095"))
        environment = {
            **os.environ,
            "PORT": str(port),
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis.url,
            "CACHE_KEY_PREFIX": "faultrun",
            "PORTAL_VAR_DIR": str(work_dir / "var"),
        }
        environment.pop("DJANGO_SETTINGS_MODULE", None)
        try:
            with BackgroundStack(environment) as running:
                run_faults(running, port, postgres, redis)
        finally:
            redis.stop()
            postgres.stop("immediate")


def run_faults(running, port, postgres, redis):
    traffic = Traffic(port, [], 0)
    _, _, listing = traffic.request("GET", "/api/v2/news/?limit=6&fields=news_code")
    items = json.loads(listing)["items"]
    paths = ["/", "/news/", "/news/?page=2", "/services/"] + [
        urlsplit(item["meta"]["html_url"]).path for item in items
    ]
    traffic = Traffic(port, paths, items[0]["news_code"])
    for path in paths:  # what readers were reading before the trouble began
        traffic.request("GET", path)

    threads = [threading.Thread(target=traffic.reader) for _ in range(4)]
    threads += [threading.Thread(target=traffic.commenter, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    started = time.monotonic()

    def log(event):
        print(f"faultrun: {time.monotonic() - started:5.1f} s  {event}", flush=True)

    time.sleep(5)
    masters = [pid for pid in child_pids(running.process.pid) if "gunicorn" in command_of(pid)]
    worker = child_pids(masters[0])[0]
    os.kill(worker, signal.SIGKILL)
    log(f"killed gunicorn worker {worker} (its master starts another)")
    time.sleep(5)
    log("PostgreSQL: stopping (fast)")
    postgres.stop()
    time.sleep(4)
    postgres.start()
    log("PostgreSQL: started again")
    time.sleep(6)
    log("Redis: stopping")
    redis.stop()
    time.sleep(5)
    redis.start()
    log("Redis: started again")
    time.sleep(6)
    log("PostgreSQL: restart")
    postgres.stop()
    postgres.start()
    log("PostgreSQL: back")
    time.sleep(8)
    traffic.stopping.set()
    for thread in threads:
        thread.join()
    log("traffic stopped")

    found = stored_markers(running.environment["DATABASE_URL"], traffic.run_id)
    report(traffic, found)


def report(traffic, found):
    statuses = traffic.reader_statuses
    total = sum(statuses.values())
    failures = sum(
        count for status, count in statuses.items() if not isinstance(status, int) or status >= 500
    )
    print(f"\nReaders: {total} page requests through Varnish")
    for status, count in sorted(statuses.items(), key=lambda item: str(item[0])):
        print(f"  {status}: {count}")
    print(f"  reader-visible 5xx or connection errors: {failures} (target 0)")

    outcomes = Counter(outcome for _, outcome, _ in traffic.comments)
    stored = {marker for marker, outcome, _ in traffic.comments if outcome == "stored"}
    refused = {marker for marker, outcome, _ in traffic.comments if outcome != "stored"}
    lost = stored - found
    saved_though_refused = refused & found
    print(f"\nComments: {len(traffic.comments)} sent")
    for outcome, count in sorted(outcomes.items()):
        statuses = Counter(status for _, o, status in traffic.comments if o == outcome)
        print(f"  {outcome}: {count}  (HTTP {dict(statuses)})")
    print(f"  stored and found in the database: {len(stored & found)}")
    print(f"  told stored but missing (lost): {len(lost)} (target 0)")
    print(f"  told refused but saved anyway: {len(saved_though_refused)} (target 0)")
    if traffic.forms_unavailable:
        print(f"  form could not be fetched (nothing sent): {dict(traffic.forms_unavailable)}")


if __name__ == "__main__":
    main()
