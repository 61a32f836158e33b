"""However a reader types a word, the article that spells it another way is found.

Runs on whichever database the suite runs on: SQLite FTS5 by default, PostgreSQL full-text with
DATABASE_URL pointing at PostgreSQL.
"""

import pytest

from django.db import connection

from wagtail.models import Page

from tests.factories import news as factories
from tests.portal.search_helpers import article_with, found_titles

# (what the reader types, how the article spells it, where the article says it)
SPELLING_PAIRS = [
    ("مي\u200cرود", "می\u200cرود", "lead"),  # Arabic yeh
    ("میرود", "می\u200cرود", "body"),  # joined against ZWNJ
    ("می رود", "میرود", "body"),  # space against joined
    ("نمی رود", "نمی\u200cرود", "lead"),
    ("می\u200cرود", "می رود", "body"),  # ZWNJ against space
    ("كودكان", "کودکان", "title"),  # Arabic kaf and yeh
    ("کودکان", "كودكان", "body"),
    ("۱۴۰۳", "1403", "body"),  # Persian against Latin digits
    ("١٤٠٣", "۱۴۰۳", "lead"),  # Arabic-Indic against Persian digits
    ("1480", "۱۴۸۰", "title"),
    ("خانه", "خانۀ", "body"),  # ۀ
    ("خانۀ", "خانهٔ", "lead"),  # ه with hamza mark
    ("رحمه", "رحمة", "body"),  # ة
    ("مدرسه", "مدرســـه", "body"),  # tatweel
    ("کتاب", "کِتاب", "lead"),  # diacritics
    ("لاله", "ﻻله", "body"),  # presentation form ligature in the text
    ("ﻛﻮﺩﻙ", "کودک", "over_title"),  # presentation forms in the query
    ("كتابها", "کتاب\u200cها", "lead"),  # suffix ها with ZWNJ
    ("کتاب های", "کتابهای", "body"),  # suffix های with a space
    ("بزرگترین", "بزرگ\u200cترین", "title"),  # ترین
    ("موسسه", "مؤسسه", "body"),  # hamza on waw
    ("توان‌بخشی", "توانبخشی", "body"),
]


@pytest.fixture
def news_index(home_page):
    return factories.news_index(home_page)


@pytest.mark.parametrize(("typed", "written", "where"), SPELLING_PAIRS)
def test_reader_finds_the_article_however_the_word_is_spelled(news_index, typed, written, where):
    text = f"گزارش {written} در اهواز"
    fields = {"title": "گزارش روز"}
    if where == "body":
        fields["body_text"] = text
    else:
        fields[where] = text
    article = article_with(news_index, **fields)
    article_with(news_index, title="خبر دیگری", lead="متنی بی‌ربط دربارهٔ آب و هوا")

    assert found_titles(typed) == [article.title], f"{typed!r} did not find {written!r} ({where})"


def test_tag_names_are_searched_with_the_same_folding(news_index):
    article = article_with(news_index, title="همایش سالانه", tags=["توان‌بخشی"])

    assert found_titles("توانبخشي") == [article.title]


def test_wagtail_admin_page_search_folds_the_same_way(news_index, admin_client):
    article_with(news_index, title="افتتاح مرکز توانبخشی کودکان")

    response = admin_client.get("/admin/pages/search/", {"q": "كودكان"})

    assert response.status_code == 200
    assert "افتتاح مرکز توانبخشی کودکان" in response.content.decode()


def test_editors_find_an_image_in_the_admin_however_its_title_is_spelled(admin_client, db):
    factories.image(title="کارگاه كودكان نابینا")
    factories.image(title="جشنوارهٔ فیلم")

    response = admin_client.get("/admin/images/", {"q": "کودکان"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "کارگاه كودكان نابینا" in html and "جشنوارهٔ فیلم" not in html


def test_the_database_search_engine_in_use_matches_the_database(db):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    expected = "Postgres" if connection.vendor == "postgresql" else "SQLite"
    assert expected in type(backend).__name__
    if connection.vendor == "postgresql":
        assert backend.config == "simple"


def test_every_page_type_title_is_folded_for_the_admin(home_page):
    page = home_page.add_child(instance=Page(title="صفحهٔ كمك\u200cهاي مردمي", slug="komak"))

    assert list(Page.objects.filter(pk=page.pk).search("کمکهای مردمی")) == [page]
