"""The Content-Security-Policy breaks nothing: a reader and an editor use the portal in Chromium
and the browser reports no blocked script, style, image, frame or request."""

import pytest

from django.contrib.auth.models import Group

from tests.factories import comments as factories
from tests.factories import news as news_factories

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def watched_page(browser_page):
    """A page that remembers every CSP report, from events and from the console."""
    browser_page.add_init_script(RECORD_VIOLATIONS)
    console = []
    browser_page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    browser_page.console_reports = console
    return browser_page


def violations(page):
    return page.evaluate("window.__cspViolations") + page.console_reports


@pytest.fixture
def article(home_page):
    index = news_factories.news_index(home_page)
    page = news_factories.article(
        index,
        title="گشایش مرکز مشاورهٔ خانواده در دزفول",
        main_image=news_factories.image(),
        main_image_alt="ساختمان مرکز مشاوره",
    )
    factories.comment(page, name="رضا", body="ساعت کار این مرکز چیست؟")
    return page


def test_reader_reads_comments_and_uses_scripts_without_any_blocked_resource(
    watched_page, live_url, article
):
    page = watched_page
    response = page.goto(live_url(article.url))
    assert "script-src 'self'" in response.headers["content-security-policy"]

    page.click("[data-comment-write]")
    page.wait_for_selector("#comment-form [data-captcha-question]")
    question_before = page.locator("[data-captcha-question]").inner_text()
    page.click("[data-captcha-refresh]")
    page.wait_for_function(
        "(before) => document.querySelector('[data-captcha-question]').textContent !== before",
        arg=question_before,
    )
    for address in ("/", "/news/", "/search/?q=مشاوره", "/services/"):
        page.goto(live_url(address))

    assert violations(page) == []


def test_editor_works_in_the_admin_without_any_blocked_resource(
    watched_page, live_url, article, django_user_model
):
    editor = django_user_model.objects.create_user("dabir", password="a-good-long-password")
    editor.groups.add(Group.objects.get(name="دبیر"))
    page = watched_page

    page.goto(live_url("/admin/login/"))
    page.fill("#id_username", "dabir")
    page.fill("#id_password", "a-good-long-password")
    page.keyboard.press("Enter")
    page.wait_for_url(live_url("/admin/"))

    page.goto(live_url(f"/admin/pages/{article.pk}/edit/"))
    title = page.locator("#id_title")
    title.wait_for()
    assert title.input_value() == article.title
    page.get_by_role("tab", name="تبلیغ").or_(page.get_by_role("tab").nth(1)).first.click()
    page.goto(live_url("/admin/pages/"))
    page.wait_for_selector("main")

    assert violations(page) == []
