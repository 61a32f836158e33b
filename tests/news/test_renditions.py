"""Pictures in AVIF, WebP and JPEG are made when an editor uploads an image or publishes an article,
never while a reader waits: reading a page creates no rendition, even when one is missing."""

import io
import re

import pytest
from PIL import Image as PILImage

from django.core.management import call_command

from wagtail.images import get_image_model

from news import renditions
from tests.factories import news as factories

pytestmark = pytest.mark.django_db
Rendition = get_image_model().get_rendition_model()


def specs_of(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def photo(title="عکس مراسم", width=1600, height=900):
    """A real photograph-sized JPEG, larger than every size the pages ask for."""
    return factories.image(title, width, height)


def test_uploading_an_image_makes_every_size_in_avif_webp_and_jpeg():
    image = photo()
    expected = set(renditions.specs_for(renditions.UPLOAD_PICTURES, renditions.SINGLE_SPECS))
    assert specs_of(image) == expected
    assert "format-avif|width-1200" in expected and "format-jpeg|fill-320x180" in expected
    # The files are what their names say, at the sizes the pages ask for.
    for spec, pillow_format, size in [
        ("format-avif|width-1200", "AVIF", (1200, 675)),
        ("format-webp|fill-640x360", "WEBP", (640, 360)),
        ("format-jpeg|fill-320x180", "JPEG", (320, 180)),
    ]:
        rendition = image.renditions.get(filter_spec=spec)
        with rendition.file.open("rb") as stored:
            picture = PILImage.open(io.BytesIO(stored.read()))
        assert (picture.format, picture.size) == (pillow_format, size)


def test_publishing_an_article_makes_the_pictures_its_images_lack(news_index):
    main, in_body, in_gallery = photo("اصلی"), photo("متن"), photo("گالری")
    Rendition.objects.all().delete()  # as for images uploaded before sizes were made on upload
    factories.article(
        news_index,
        main_image=main,
        main_image_decorative=True,
        body=[
            ("image", {"image": in_body, "alt_text": "شرح", "decorative": False}),
            (
                "gallery",
                {
                    "title": "گالری مراسم",
                    "images": [{"image": in_gallery, "alt_text": "شرح", "decorative": False}],
                },
            ),
        ],
    )
    assert set(renditions.picture_specs("thumbnail")) <= specs_of(main)
    assert renditions.SOCIAL_IMAGE in specs_of(main)
    assert specs_of(in_body) == set(renditions.picture_specs("large"))
    assert specs_of(in_gallery) == set(renditions.picture_specs("gallery"))


def test_reading_pages_creates_no_rendition(client, news_index):
    tag = ["بهزیستی"]
    older = factories.article(
        news_index, tags=tag, main_image=photo("قدیمی", 800, 450), main_image_decorative=True
    )
    article = factories.article(
        news_index,
        tags=tag,
        main_image=photo(),
        main_image_alt="مددجویان در کارگاه خیاطی",
        body=[("image", {"image": photo("متن"), "alt_text": "شرح", "decorative": False})],
    )
    before = Rendition.objects.count()
    for path in ["/", "/news/", article.url, older.url, "/news/rss/", "/news/tags/بهزیستی/"]:
        assert client.get(path).status_code == 200
    assert Rendition.objects.count() == before


def test_a_missing_rendition_shows_no_picture_and_is_not_made_for_the_reader(client, news_index):
    article = factories.article(
        news_index, main_image=photo(), main_image_alt="مددجویان در کارگاه خیاطی"
    )
    Rendition.objects.filter(filter_spec="format-avif|width-800").delete()
    html = client.get(article.url).content.decode()
    main = html[html.index('class="news-article"') :]
    assert "<picture>" not in main[: main.index("news-article__body")]
    assert not Rendition.objects.filter(filter_spec="format-avif|width-800").exists()

    call_command("generate_renditions", stdout=io.StringIO())

    assert Rendition.objects.filter(filter_spec="format-avif|width-800").exists()
    html = client.get(article.url).content.decode()  # a new fragment generation shows it
    assert 'alt="مددجویان در کارگاه خیاطی"' in html and "format-avif.width-800" in html


def test_backfill_command_reports_what_it_made_and_makes_nothing_twice(news_index):
    factories.article(news_index, main_image=photo(), main_image_decorative=True)
    Rendition.objects.all().delete()
    out = io.StringIO()
    call_command("generate_renditions", stdout=out)
    expected = len(renditions.specs_for(renditions.UPLOAD_PICTURES, renditions.SINGLE_SPECS))
    assert f"{expected} نسخهٔ تازه" in out.getvalue()
    again = io.StringIO()
    call_command("generate_renditions", stdout=again)
    assert "0 نسخهٔ تازه" in again.getvalue()


def test_related_news_and_listings_show_thumbnails_with_the_right_alt(client, news_index):
    tag = ["توانبخشی"]
    decorative = factories.article(
        news_index, tags=tag, main_image=photo("تزئینی"), main_image_decorative=True
    )
    described = factories.article(
        news_index, tags=tag, main_image=photo("گویا"), main_image_alt="ویلچرهای اهدایی در انبار"
    )
    article = factories.article(news_index, tags=tag)

    html = client.get(article.url).content.decode()
    related = html[html.index('class="related-news"') :]
    related = related[: related.index("</section>")]
    thumbnails = re.findall(r"<img [^>]*related-news__image[^>]*>", related)
    assert len(thumbnails) == 2
    assert any('alt=""' in thumbnail for thumbnail in thumbnails)
    assert any('alt="ویلچرهای اهدایی در انبار"' in thumbnail for thumbnail in thumbnails)
    assert related.count('type="image/avif"') == 2
    assert decorative.title in related and described.title in related

    listing = client.get("/news/").content.decode()
    assert len(re.findall(r"<img [^>]*news-card__image[^>]*>", listing)) == 2
    assert 'alt="ویلچرهای اهدایی در انبار"' in listing
