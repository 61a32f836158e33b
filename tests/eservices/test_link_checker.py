"""check_eservice_links against a small HTTPS server of our own on 127.0.0.1; never the internet.

The model accepts only https addresses, so the tests do not weaken it: they serve real HTTPS with
a throw-away self-signed certificate for 127.0.0.1 and hand that certificate to the command with
--cafile, the same option a site with an internal certificate authority would use.
"""

import http.server
import shutil
import ssl
import subprocess
import threading
import time
from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.urls import reverse

from eservices import snapshots
from eservices.link_check import check_address
from eservices.models import EService
from portal.text import persian_digits
from tests.factories import eservices as make

pytestmark = pytest.mark.django_db

SLOW_SECONDS = 1.5
TIMEOUT_SECONDS = "0.4"


class Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self, with_body):
        path = self.path
        if path == "/no-head" and self.command == "HEAD":
            return self._send(405, with_body)
        if path in ("/ok", "/no-head"):
            return self._send(200, with_body)
        if path == "/moved":
            return self._send(301, with_body, location="/ok")
        if path == "/to-http":
            return self._send(302, with_body, location="http://127.0.0.1:9/")
        if path == "/loop":
            return self._send(302, with_body, location="/loop")
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
            return self._send(200, with_body)
        return self._send(404, with_body)

    def _send(self, status, with_body, location=None):
        self.server.seen.append((self.command, self.path))
        body = b"<!doctype html><title>ok</title>"
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def do_HEAD(self):
        self._answer(with_body=False)

    def do_GET(self):
        self._answer(with_body=True)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make the test server's certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture(scope="module")
def local_https(certificate):
    cert, key = certificate
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.seen = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}", server, str(cert)
    server.shutdown()
    server.server_close()


def run_checker(cafile, *extra):
    out = StringIO()
    call_command(
        "check_eservice_links", "--cafile", cafile, "--timeout", TIMEOUT_SECONDS, *extra, stdout=out
    )
    return out.getvalue()


def test_checker_stores_each_result_and_lists_only_the_broken_ones(local_https):
    base, server, cafile = local_https
    healthy = make.eservice(title="سامانهٔ سالم", address=f"{base}/ok")
    head_refused = make.eservice(title="سامانهٔ بی‌HEAD", address=f"{base}/no-head")
    moved = make.eservice(title="سامانهٔ جابه‌جاشده", address=f"{base}/moved")
    missing = make.eservice(title="سامانهٔ حذف‌شده", address=f"{base}/missing")
    server.seen.clear()

    output = run_checker(cafile)

    for service in (healthy, head_refused, moved, missing):
        service.refresh_from_db()
        assert service.last_link_checked_at is not None
    assert healthy.last_link_check_ok is True
    assert healthy.last_link_check_result == "سالم (پاسخ ۲۰۰)"
    assert head_refused.last_link_check_ok is True  # GET after HEAD was refused
    assert moved.last_link_check_ok is True
    assert moved.last_link_check_result.endswith(f"به {base}/ok می‌رود")
    assert missing.last_link_check_ok is False
    assert missing.last_link_check_result == "خراب: پاسخ ۴۰۴ از سامانه"

    assert ("HEAD", "/ok") in server.seen and ("GET", "/ok") not in server.seen
    assert ("HEAD", "/no-head") in server.seen and ("GET", "/no-head") in server.seen
    assert ("HEAD", "/moved") in server.seen and ("GET", "/moved") not in server.seen

    assert "سامانهٔ حذف‌شده" in output and f"{base}/missing" in output
    assert "سامانهٔ سالم" not in output
    assert "۴ پیوند بررسی شد؛ ۱ پیوند خراب است." in output


def test_slow_looping_or_downgrading_addresses_are_reported_broken(local_https):
    base, _server, cafile = local_https
    slow = make.eservice(title="سامانهٔ کند", address=f"{base}/slow")
    loop = make.eservice(title="سامانهٔ چرخشی", address=f"{base}/loop")
    downgrade = make.eservice(title="سامانهٔ ناامن", address=f"{base}/to-http")

    output = run_checker(cafile)

    results = dict(EService.objects.values_list("title", "last_link_check_result"))
    assert results["سامانهٔ کند"] == f"خراب: در {persian_digits(TIMEOUT_SECONDS)} ثانیه پاسخی نیامد"
    assert "تغییر مسیرهای پی‌درپی" in results["سامانهٔ چرخشی"]
    assert results["سامانهٔ ناامن"] == "خراب: به نشانی ناامن http://127.0.0.1:9/ می‌رود"
    assert all(title in output for title in (slow.title, loop.title, downgrade.title))


def test_a_certificate_the_checker_does_not_trust_is_a_broken_link(local_https):
    base, _server, _cafile = local_https
    make.eservice(title="سامانهٔ با گواهی ناشناس", address=f"{base}/ok")
    output = StringIO()
    call_command("check_eservice_links", "--timeout", TIMEOUT_SECONDS, stdout=output)
    result = EService.objects.get().last_link_check_result
    assert result == "خراب: گواهی امنیتی (SSL) سامانه معتبر نیست"


def test_fail_on_broken_makes_the_command_exit_with_an_error(local_https):
    base, _server, cafile = local_https
    make.eservice(title="سامانهٔ حذف‌شده", address=f"{base}/missing")
    with pytest.raises(CommandError, match="۱ پیوند خراب است"):
        run_checker(cafile, "--fail-on-broken")
    assert EService.objects.get().last_link_check_ok is False  # stored before failing


def test_checker_never_sends_a_request_to_anything_but_https():
    assert check_address("http://127.0.0.1:9/").summary == "خراب: فقط نشانی‌های https بررسی می‌شوند"
    assert not check_address("javascript:alert(1)").ok


def test_a_link_check_is_not_an_edit_and_shows_in_the_admin(local_https, client, django_user_model):
    base, _server, cafile = local_https
    make.eservice(title="سامانهٔ حذف‌شده", address=f"{base}/missing")
    generation = snapshots.current_generation()
    run_checker(cafile)
    assert snapshots.current_generation() == generation  # the public blocks stay cached

    admin = django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
    client.force_login(admin)
    listing = client.get(reverse("wagtailsnippets_eservices_eservice:list")).content.decode()
    assert "خراب: پاسخ ۴۰۴ از سامانه" in listing
