"""A fresh demo shows the layout as it will be: every demo article has a drawn illustration."""

import io

import pytest
from PIL import Image as PILImage

from news import demo_content as news_demo
from news.demo_illustrations import SECTION_COLOURS, draw
from news.models import NewsPage
from portal import demo_content as portal_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_news(db):
    portal_demo.load(io.StringIO())
    news_demo.load(io.StringIO())
    return list(NewsPage.objects.live().select_related("main_image", "section"))


def test_every_demo_article_has_a_decorative_illustration(demo_news):
    assert len(demo_news) == len(news_demo.ARTICLES)
    for article in demo_news:
        assert article.main_image is not None, article.title
        assert article.main_image_decorative
        assert (article.main_image.width, article.main_image.height) == (1200, 675)


def test_illustration_is_in_the_section_colour_and_the_same_every_time():
    colour = SECTION_COLOURS["employment"]
    first = draw("مشاغل-خانگی", colour)
    assert first == draw("مشاغل-خانگی", colour)
    assert first != draw("خبری-دیگر", colour)
    for slug, colour in SECTION_COLOURS.items():
        with PILImage.open(io.BytesIO(draw(f"خبر-{slug}", colour))) as picture:
            average = picture.convert("RGB").resize((1, 1), PILImage.BOX).getpixel((0, 0))

        def distance(other, average=average):
            return sum((a - b) ** 2 for a, b in zip(average, other, strict=True))

        # Tints of its own section's colour: nearer to it than to any other section's.
        assert min(SECTION_COLOURS.values(), key=distance) == colour, slug


def test_loading_the_demo_twice_makes_no_second_picture(demo_news):
    from wagtail.images import get_image_model

    count = get_image_model().objects.count()
    news_demo.load(io.StringIO())
    assert get_image_model().objects.count() == count


def test_listing_shows_thumbnails_that_screen_readers_skip(client, demo_news):
    html = client.get("/news/").content.decode()
    assert html.count('class="news-card__image"') >= len(demo_news)
    assert 'alt=""' in html
