"""The home page as a reader meets it: a lead story with its picture, the latest news with
thumbnails, the most read, the newsroom's sections and the help lines, in reading order."""

import itertools
import re
from html.parser import HTMLParser

import pytest

from news.models import NewsDailyViews
from tests.factories import eservices as eservice_factories
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    return factories.news_index(home_page)


class Outline(HTMLParser):
    """The headings of <main> in document order, and the landmarks with their labels."""

    def __init__(self):
        super().__init__()
        self.in_main = False
        self.headings, self.regions = [], []
        self._heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        if not self.in_main:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, ""]
        if tag in ("section", "nav", "aside"):
            self.regions.append((tag, attrs.get("aria-labelledby") or attrs.get("aria-label")))

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[1] += data

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        if self._heading is not None and tag == self._heading[0]:
            self.headings.append((tag, self._heading[1].strip()))
            self._heading = None


def outline(html):
    parser = Outline()
    parser.feed(html)
    return parser


def block(html, css_class):
    """The HTML of the first element whose class list starts with `css_class`, up to the next
    block of the home page (enough to look inside one block)."""
    start = html.index(f'class="{css_class}')
    return html[start : start + 6000]


def test_newest_article_with_a_picture_leads_and_the_rest_follow_newest_first(client, news_index):
    newest_without_picture = factories.article(
        news_index, title="خبر امروز بی‌تصویر", published_at=factories.days_ago(0)
    )
    with_picture = factories.article(
        news_index,
        title="افتتاح مرکز توانبخشی تازه در بهبهان",
        published_at=factories.days_ago(1),
        main_image=factories.image("افتتاح مرکز", 1200, 675),
        main_image_alt="کودکان در اتاق بازی مرکز تازه",
    )
    older = factories.article(
        news_index, title="خبر سه روز پیش", published_at=factories.days_ago(3)
    )

    html = client.get("/").content.decode()

    lead = block(html, "home-lead")
    assert with_picture.title in lead
    assert "<picture><source " in lead
    assert 'type="image/avif"' in lead and 'type="image/webp"' in lead
    assert 'alt="کودکان در اتاق بازی مرکز تازه"' in lead  # its own alt text, not decorative
    latest = block(html, "home-latest")
    assert with_picture.title not in latest  # told once
    assert latest.index(newest_without_picture.title) < latest.index(older.title)


def test_latest_news_cards_carry_thumbnails_and_decorative_ones_say_nothing(client, news_index):
    for day in range(3):
        factories.article(
            news_index,
            published_at=factories.days_ago(day),
            main_image=factories.image(f"تصویر {day}", 640, 360),
            main_image_decorative=True,
        )
    html = client.get("/").content.decode()
    latest = block(html, "home-latest")
    thumbnails = re.findall(r"<img [^>]*news-card__image[^>]*>", latest)
    assert len(thumbnails) == 2  # the newest leads, two cards follow
    for thumbnail in thumbnails:
        assert 'alt=""' in thumbnail and "fill-320x180" in thumbnail
        assert 'loading="lazy"' in thumbnail


def test_most_read_are_ordered_by_this_weeks_readers(client, news_index):
    quiet = factories.article(news_index, title="خبر کم‌خوانده", published_at=factories.days_ago(0))
    popular = factories.article(
        news_index, title="خبر پربازدید", published_at=factories.days_ago(2)
    )
    NewsDailyViews.objects.create(page=popular, day=factories.days_ago(1).date(), count=50)
    NewsDailyViews.objects.create(page=quiet, day=factories.days_ago(1).date(), count=3)
    html = client.get("/").content.decode()
    most_read = block(html, "home-box home-box--popular")
    assert "<ol" in most_read
    assert most_read.index(popular.title) < most_read.index(quiet.title)


def test_home_offers_the_sections_and_the_help_lines(client, news_index):
    factories.section("توانبخشی", "rehabilitation")
    factories.section("اشتغال", "employment")
    eservice_factories.hotline(number="1480", title="صدای مشاور")
    factories.article(news_index)
    html = client.get("/").content.decode()
    sections = block(html, "home-box home-sections")
    assert 'href="/news/section/rehabilitation/"' in sections
    assert ">اشتغال</a>" in sections
    help_lines = block(html, "home-box home-hotlines")
    assert "صدای مشاور" in help_lines and 'href="tel:1480"' in help_lines

    # A section added later shows at once (the cached list belongs to the old content).
    factories.section("شهرستان‌ها", "counties")
    assert ">شهرستان‌ها</a>" in client.get("/").content.decode()


def test_screen_reader_meets_one_h1_then_an_h2_for_each_block_in_labelled_regions(
    client, news_index
):
    factories.section("اشتغال", "employment")
    eservice_factories.hotline()
    eservice_factories.eservice()
    for day in range(4):
        article = factories.article(
            news_index,
            published_at=factories.days_ago(day),
            main_image=factories.image(),
            main_image_decorative=True,
        )
        NewsDailyViews.objects.create(page=article, day=factories.days_ago(0).date(), count=day)

    page = outline(client.get("/").content.decode())

    levels = [tag for tag, _ in page.headings]
    assert levels[0] == "h1" and levels.count("h1") == 1
    names = [text for tag, text in page.headings if tag == "h2"]
    assert names[1:] == [
        "پربازدیدترین خبرهای هفته",
        "سرویس‌های خبری",
        "خطوط کمک",
        "تازه‌ترین خبرها",
        "خدمات الکترونیک پرکاربرد",
    ]
    # Cards are h3 under «تازه‌ترین خبرها», never deeper than one step below their block.
    for previous, current in itertools.pairwise(levels):
        assert int(current[1]) <= int(previous[1]) + 1
    assert all(label for _, label in page.regions), page.regions


def test_empty_portal_says_so_in_persian(client, news_index):
    response = client.get("/")
    assert response.status_code == 200
    assert "هنوز خبری منتشر نشده است." in response.content.decode()
