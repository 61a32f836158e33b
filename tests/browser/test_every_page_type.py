"""Every public page type at four widths, in both themes and at the largest text size.

For each page type a reader can reach, at 360, 768, 1366 and 1920 px: the page does not scroll
sideways, no box cuts off its own content, the HTML the server sent is valid and the axe gate
passes; at 360 and 1366 px the same again after the reader switches, with the real controls in the
header, to high contrast and then to the largest text. Every view is kept as a full-page screenshot
in var/screenshots/ (<page type>-<width>[-contrast|-largest].png), which CI lists as artefacts for
a person to look at.

One test per page type, so a report names the page; inside it, one browser context per width, and
every problem of every width and theme is gathered before the test fails, so one run shows them all.
"""

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from persiantools.jdatetime import JalaliDate

from django.utils import timezone

from eservices import demo_content as eservices_demo
from news import demo_content as news_demo
from news.demo_illustrations import illustration
from news.models import Comment, NewsPage
from portal import demo_content as portal_demo
from tests.browser.accessibility import add_user_style, assert_accessible
from tests.browser.conftest import reader_context
from tests.browser.html_check import html_problems
from tests.factories import news as news_factories

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
WIDTHS = (360, 768, 1366, 1920)
# The reader settings are checked where layouts differ most: a phone and a common laptop.
SETTINGS_WIDTHS = (360, 1366)
HEIGHT = 900
CONTRAST_BUTTON = "کنتراست بالا"
LARGEST_BUTTON = "بزرگ‌تر"

# Enough employment news, beside the demo's own, for a second listing page (12 to a page) and for
# related news under the demo article that carries the comments.
MORE_EMPLOYMENT_NEWS = [
    "آغاز دورهٔ آموزش مهارت خیاطی برای زنان سرپرست خانوار در آبادان",
    "پرداخت تسهیلات اشتغال به ۴۵ مددجوی شهرستان شوش",
    "نمایشگاه دستاوردهای مشاغل خانگی مددجویان در اهواز برپا شد",
    "راه‌اندازی کارگاه قالی‌بافی مددجویان در بهبهان",
    "ثبت‌نام طرح اشتغال افراد دارای معلولیت در ماهشهر آغاز شد",
    "برگزاری کارگاه آموزش کسب‌وکار اینترنتی برای مددجویان دزفول",
    "۱۲۰ مددجوی اندیمشکی در دوره‌های فنی‌وحرفه‌ای ثبت‌نام کردند",
    "تفاهم‌نامهٔ اشتغال مددجویان با اتاق تعاون خوزستان امضا شد",
    "بازارچهٔ محصولات خانگی مددجویان در رامهرمز گشایش یافت",
    "معرفی ۳۰ مددجوی ایذه‌ای به بانک برای دریافت وام خوداشتغالی",
]


@dataclass
class DemoPortal:
    article: NewsPage
    question: Comment


@pytest.fixture
def demo_portal(db):
    portal_demo.load(io.StringIO())
    news_demo.load(io.StringIO())
    eservices_demo.load(io.StringIO())
    index = news_factories.news_index(portal_demo.home_page())
    employment = news_factories.section("اشتغال", "employment")
    for days, title in enumerate(MORE_EMPLOYMENT_NEWS, start=12):
        slug = f"اشتغال-مددجویان-{days}"
        news_factories.article(
            index,
            title=title,
            slug=slug,
            lead=f"{title}؛ به گفتهٔ ادارهٔ بهزیستی شهرستان، ثبت‌نام ادامه دارد.",
            section=employment,
            tags=["اشتغال"],
            published_at=news_factories.days_ago(days),
            main_image=illustration(slug, "employment"),
            main_image_decorative=True,
        )
    article = NewsPage.objects.get(slug=news_demo.ARTICLES[0]["slug"])
    question = article.comments.filter(parent=None, replies__isnull=False).first()
    return DemoPortal(article=article, question=question)


def archive_path(article):
    month = JalaliDate(timezone.localtime(article.published_at).date())
    return f"/news/archive/{month.year}/{month.month:02d}/"


# Page type (the screenshot's name) -> its address on the demo portal.
PAGE_TYPES = {
    "home": lambda demo: "/",
    "news-index": lambda demo: "/news/",
    "news-index-page-2": lambda demo: "/news/?page=2",
    "article": lambda demo: demo.article.url,
    "section": lambda demo: "/news/section/employment/",
    "tag": lambda demo: "/news/tags/اشتغال/",
    "archive-month": lambda demo: archive_path(demo.article),
    "search-empty": lambda demo: "/search/",
    "search-results": lambda demo: "/search/?q=بهزیستی",
    "e-services": lambda demo: "/services/",
    "centres": lambda demo: "/centres/",
    "about": lambda demo: "/about/",
    "contact": lambda demo: "/contact/",
    "complaints": lambda demo: "/complaints/",
    "comment-reply": lambda demo: (
        f"/news/{demo.article.news_code}/comments/?parent={demo.question.pk}"
    ),
    "comment-status": lambda demo: f"/news/comments/status/?code={demo.question.tracking_code}",
    "not-found-404": lambda demo: "/صفحه-ای-که-نیست/",
}
EXPECTED_STATUS = {"not-found-404": 404}


def sideways_scroll(page):
    """How many CSS pixels the page is wider than the window (0 when it fits)."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def clipped_boxes(page):
    """Boxes that cut off their own content sideways (overflow hidden or clip), e.g. a card whose
    words at the largest text are wider than the card: the page fits, but the reader loses text.
    Boxes of a pixel or two (visually hidden text for screen readers) are meant to clip."""
    return page.evaluate(
        """() => [...document.querySelectorAll("body *")].filter((element) => {
            const style = getComputedStyle(element);
            if (!["hidden", "clip"].includes(style.overflowX) || element.clientWidth <= 2) {
                return false;
            }
            return element.scrollWidth > element.clientWidth + 1;
        }).map((element) => `<${element.localName} class="${element.className}">`
            + ` ${element.scrollWidth}px of content in ${element.clientWidth}px`)"""
    )


def load_every_image(page):
    """Scroll each lazy image into view, as a reader scrolling down would, and wait for them all:
    a full-page screenshot does not scroll, and would keep empty frames where pictures belong."""
    page.evaluate(
        """async () => {
            for (const image of document.querySelectorAll('img[loading="lazy"]')) {
                image.scrollIntoView({block: "center"});
                await new Promise((resolve) => requestAnimationFrame(resolve));
            }
            window.scrollTo(0, 0);
        }"""
    )
    page.wait_for_function("() => [...document.images].every((image) => image.complete)")


def check_view(page, name, width, variant, problems):
    """The checks every view gets; what fails is added to ``problems`` with where it was seen."""
    where = f"{name} at {width}px{' ' + variant if variant else ''}"
    page.evaluate("document.fonts.ready.then(() => true)")
    load_every_image(page)
    suffix = f"-{variant}" if variant else ""
    page.screenshot(path=SCREENSHOTS / f"{name}-{width}{suffix}.png", full_page=True)
    overflow = sideways_scroll(page)
    if overflow > 0:
        problems.append(f"{where}: scrolls sideways by {overflow}px")
    problems += [f"{where}: cuts off its content: {box}" for box in clipped_boxes(page)]
    try:
        assert_accessible(page, context=where)
    except AssertionError as failure:
        problems.append(str(failure))


def press_reader_control(page, name, *, turns_on=True):
    button = page.locator(".site-header").get_by_role("button", name=name, exact=True)
    button.click()
    # The control says what it did once the page has changed.
    page.wait_for_function(
        "([name, pressed]) => [...document.querySelectorAll('.reader-controls button')].some("
        "(button) => button.textContent.trim() === name"
        " && button.getAttribute('aria-pressed') === pressed)",
        arg=[name, "true" if turns_on else "false"],
    )


def visit_every_width(chromium, live_url, name, path):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for width in WIDTHS:
        context = reader_context(chromium, {"width": width, "height": HEIGHT})
        page = context.new_page()
        page.set_default_timeout(10_000)
        try:
            response = page.goto(live_url(path))
            expected = EXPECTED_STATUS.get(name, 200)
            assert response.status == expected, f"{name} answered {response.status}"
            if width == WIDTHS[0]:  # the same HTML at every width and in every theme
                problems += [f"{name}: invalid HTML: {p}" for p in html_problems(response.text())]
            check_view(page, name, width, "", problems)
            if width in SETTINGS_WIDTHS:
                press_reader_control(page, CONTRAST_BUTTON)
                check_view(page, name, width, "contrast", problems)
                press_reader_control(page, CONTRAST_BUTTON, turns_on=False)
                press_reader_control(page, LARGEST_BUTTON)
                check_view(page, name, width, "largest", problems)
        finally:
            context.close()
    assert not problems, f"{len(problems)} problem(s) on {name}:\n\n" + "\n\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize(
    "name",
    list(PAGE_TYPES),
)
def test_reader_meets_no_barrier_on_every_page_type_at_every_width(
    chromium, live_url, demo_portal, name
):
    visit_every_width(chromium, live_url, name, PAGE_TYPES[name](demo_portal))


@pytest.mark.browser
def test_the_width_checks_catch_a_page_that_scrolls_sideways_or_cuts_off_text(
    browser_page, live_url, db
):
    """The checks above are worth something only if they can fail: a reader's own style sheet
    makes the About page too wide for a phone, then makes its text run out of a clipping box."""
    portal_demo.load(io.StringIO())
    browser_page.set_viewport_size({"width": 360, "height": HEIGHT})
    browser_page.goto(live_url("/about/"))
    assert sideways_scroll(browser_page) == 0
    assert clipped_boxes(browser_page) == []

    add_user_style(browser_page, "main { min-width: 30rem; }")
    assert sideways_scroll(browser_page) > 0

    add_user_style(
        browser_page, "main { min-width: 0; } main p { overflow: hidden; white-space: nowrap; }"
    )
    assert sideways_scroll(browser_page) == 0
    assert clipped_boxes(browser_page)
