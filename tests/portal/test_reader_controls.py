"""Reader controls in the HTML the server sends: one page for everyone, the script in <head>."""

import re

import pytest

pytestmark = pytest.mark.django_db

HEAD = re.compile(r"<head>(.*?)</head>", re.S)


def test_reader_settings_script_runs_in_head_before_the_style_sheets(client, home_page):
    head = HEAD.search(client.get("/").content.decode()).group(1)
    script = re.search(r"<script[^>]*reader-settings\.js[^>]*>", head)
    assert script, "the reader settings script belongs in <head>"
    # Blocking on purpose: a deferred script would apply the saved size after the first paint.
    assert "defer" not in script.group(0) and "async" not in script.group(0)
    assert head.index("reader-settings.js") < head.index('rel="stylesheet"')


def test_every_reader_control_is_a_real_button_with_a_pressed_state(client, home_page):
    html = client.get("/").content.decode()
    controls = re.search(r'<div class="reader-controls">(.*?)</div>\s*</div>', html, re.S).group(1)
    buttons = re.findall(r"<button ([^>]*)>([^<]+)</button>", controls)
    assert [text for _, text in buttons] == ["عادی", "بزرگ", "بزرگ‌تر", "کنتراست بالا"]
    for attributes, _ in buttons:
        assert 'type="button"' in attributes
        assert re.search(r'aria-pressed="(true|false)"', attributes)
    assert 'role="group" aria-labelledby="reader-size-label"' in controls


def test_reader_settings_never_reach_the_server(client, home_page):
    plain = client.get("/")
    client.cookies["portal-reader-settings"] = '{"size": "largest", "theme": "contrast"}'
    with_cookie = client.get("/")
    assert with_cookie.content == plain.content
    assert "Cookie" not in with_cookie.get("Vary", "")
    assert not with_cookie.cookies
