"""`make stack`: the production shape on one machine, in the foreground.

    reader -> Varnish (PORT, default 8080) -> gunicorn x APP_SERVERS (PORT+1, PORT+2, ...)
                                               -> PostgreSQL (DATABASE_URL) + Redis (REDIS_URL)
              task worker (manage.py db_worker): purges, search index, e-mails

Migrates, collects static files and loads the demo content first. Ctrl-C (or SIGTERM) stops
everything it started. Prints "stack ready at http://127.0.0.1:PORT/" once readers can be served.
Needs varnishd (Debian: apt-get install varnish). Run from the project folder:
    .venv/bin/python deploy/stack.py
"""

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import dj_database_url
import psycopg
import psycopg.sql

PROJECT = Path(__file__).resolve().parent.parent
VCL = PROJECT / "deploy" / "varnish" / "portal.vcl"
APP_SERVERS_BLOCK = re.compile(r"# BEGIN app servers\n.*?# END app servers\n", re.DOTALL)


def configuration(environ=os.environ):
    port = int(environ.get("PORT", "8080"))
    app_servers = int(environ.get("APP_SERVERS", "2"))
    return {
        "port": port,
        "app_ports": [port + number for number in range(1, app_servers + 1)],
        "database_url": environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_stack"
        ),
        "redis_url": environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "purgers": environ.get("PURGE_ALLOWED", "127.0.0.1").split(","),
        "var_dir": Path(environ.get("PORTAL_VAR_DIR", PROJECT / "var" / "stack")),
    }


def portal_environment(config, environ=os.environ):
    """The app servers' and worker's settings: production, over plain HTTP on loopback."""
    environment = dict(environ)
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
            "DATABASE_URL": config["database_url"],
            "REDIS_URL": config["redis_url"],
            "CACHE_KEY_PREFIX": environ.get("CACHE_KEY_PREFIX", "portal-stack"),
            "PORTAL_VAR_DIR": str(config["var_dir"]),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{config['port']}",
            # Plain HTTP on loopback: in production nginx terminates TLS (deploy/nginx).
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "SECURE_HSTS_SECONDS": "0",
            "TASKS_BACKEND": "database",
            "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{config['port']}",
            "CLIENT_ADDRESS_HEADER": "HTTP_X_REAL_IP",
            "EMAIL_BACKEND": environ.get(
                "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
            ),
        }
    )
    return environment


def stack_vcl(config):
    """The deploy VCL with this stack's app servers and purge addresses."""
    names = [f"app{number}" for number in range(1, len(config["app_ports"]) + 1)]
    backends = "".join(
        f'backend {name} {{ .host = "127.0.0.1"; .port = "{port}"; .probe = portal_health; }}\n'
        for name, port in zip(names, config["app_ports"], strict=True)
    )
    directors = "".join(f"    portal.add_backend({name});\n" for name in names)
    block = (
        "# BEGIN app servers\n"
        f"{backends}\n"
        "sub vcl_init {\n    new portal = directors.round_robin();\n"
        f"{directors}}}\n"
        "# END app servers\n"
    )
    text = APP_SERVERS_BLOCK.sub(lambda _: block, VCL.read_text())
    purgers = "".join(f'    "{address}";\n' for address in config["purgers"])
    return re.sub(r"acl purgers \{\n.*?\}", f"acl purgers {{\n{purgers}}}", text, flags=re.DOTALL)


class Stack:
    def __init__(self, config):
        self.config = config
        self.environment = portal_environment(config)
        self.processes = []
        self.restartable = {}
        self.python = sys.executable

    def manage(self, *arguments):
        subprocess.run(
            [self.python, "manage.py", *arguments],
            cwd=PROJECT,
            env=self.environment,
            check=True,
        )

    def start(self, name, command, restart=False):
        print(f"stack: starting {name}: {' '.join(command)}", flush=True)
        process = subprocess.Popen(command, cwd=PROJECT, env=self.environment)
        self.processes.append((name, process))
        if restart:
            self.restartable[name] = command
        return process

    def create_database_if_missing(self):
        settings = dj_database_url.parse(self.config["database_url"])
        if "postgresql" not in settings["ENGINE"]:
            return
        server = {
            "host": settings["HOST"] or "127.0.0.1",
            "port": settings["PORT"] or 5432,
            "user": settings["USER"],
            "password": settings["PASSWORD"] or None,
        }
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (settings["NAME"],)
            ).fetchone()
            if not exists:
                print(f"stack: creating database {settings['NAME']}", flush=True)
                connection.execute(
                    psycopg.sql.SQL("CREATE DATABASE {}").format(
                        psycopg.sql.Identifier(settings["NAME"])
                    )
                )

    def prepare(self):
        self.create_database_if_missing()
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("load_demo_content")
        self.manage("set_site_address")
        self.manage("ensure_admin")

    def run_services(self, work_dir):
        for port in self.config["app_ports"]:
            self.start(
                f"gunicorn :{port}",
                [
                    str(Path(self.python).with_name("gunicorn")),
                    "portal.wsgi",
                    f"--bind=127.0.0.1:{port}",
                    "--workers=2",
                    "--no-control-socket",
                    "--graceful-timeout=5",
                ],
            )
        self.start(
            "task worker",
            [
                self.python,
                "manage.py",
                "db_worker",
                "--interval=0.1",
                "--no-startup-delay",
                "--no-reload",
            ],
            # Like systemd's Restart=always: the worker exits when the database goes away.
            restart=True,
        )
        vcl = work_dir / "portal.vcl"
        vcl.write_text(stack_vcl(self.config))
        self.start(
            "varnish",
            [
                shutil.which("varnishd") or "/usr/sbin/varnishd",
                "-F",
                "-n",
                str(work_dir / "varnish"),
                "-a",
                f"127.0.0.1:{self.config['port']}",
                "-T",
                "none",
                "-f",
                str(vcl),
                "-s",
                "malloc,256m",
            ],
        )

    def wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        url = f"http://127.0.0.1:{self.config['port']}/"
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return url
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the stack did not answer at {url} within {timeout} s")

    def check_alive(self):
        for index, (name, process) in enumerate(self.processes):
            if process.poll() is None:
                continue
            if name not in self.restartable:
                raise RuntimeError(f"{name} stopped (exit {process.returncode})")
            print(f"stack: {name} stopped (exit {process.returncode}), restarting", flush=True)
            time.sleep(1)
            command = self.restartable[name]
            self.processes[index] = (
                name,
                subprocess.Popen(command, cwd=PROJECT, env=self.environment),
            )

    def stop(self):
        for _, process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for name, process in reversed(self.processes):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                print(f"stack: {name} ignored SIGTERM, killing it", flush=True)
                process.kill()
                process.wait()


def main():
    if shutil.which("varnishd") is None and not Path("/usr/sbin/varnishd").exists():
        sys.exit("make stack needs Varnish: apt-get install varnish")
    config = configuration()
    stack = Stack(config)

    def stop_on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGINT, stop_on_signal)
    with tempfile.TemporaryDirectory(prefix="portal-stack-") as work_dir:
        os.chmod(work_dir, 0o755)  # varnishd's worker runs as its own user
        try:
            stack.prepare()
            stack.run_services(Path(work_dir))
            url = stack.wait_until_ready()
            print(f"stack ready at {url} (admin: {url}admin/); Ctrl-C stops it", flush=True)
            while True:
                stack.check_alive()
                time.sleep(0.5)
        except KeyboardInterrupt:
            print("stack: stopping", flush=True)
        except (RuntimeError, subprocess.CalledProcessError) as error:
            print(f"stack: {error}", file=sys.stderr, flush=True)
            stack.stop()
            sys.exit(1)
        stack.stop()


if __name__ == "__main__":
    main()
