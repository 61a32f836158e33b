"""What both benchmarks share: the database guard, the bulk inserter and the percentile."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import connection

from wagtail.models import Page

from news.models import NewsPage, allocate_news_code


def database_name():
    return str(connection.settings_dict["NAME"])


def require_bench_database():
    """Benchmarks write thousands of rows: never into a database not named for them."""
    name = database_name()
    if "bench" not in name:
        raise CommandError(
            f"پایگاه داده «{name}» برای سنجش نیست: نام پایگاه باید «bench» داشته باشد "
            "(مثلاً DATABASE_URL=sqlite:///var/bench.sqlite3؛ `make bench` و `make bench-search` "
            "آن را می‌سازند)."
        )
    return name


def percentile(values, fraction):
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    position = min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))
    return ordered[position]


def next_news_code():
    top = NewsPage.objects.order_by("-news_code").values_list("news_code", flat=True).first()
    return (top or 0) + 1


def insert_articles(index, articles):
    """Write unsaved, published NewsPage objects under the news index in bulk; returns them saved.

    Skips Wagtail's per-page save (revisions, signals, search indexing): page rows in one
    bulk_create, then the article table's own rows (Django cannot bulk-create a model with a
    parent table), which takes seconds instead of hours for 20,000 articles. Each article needs
    its title, slug, publication dates, news code and own fields; the tree fields come from here.
    """
    if not articles:
        return articles
    content_type = ContentType.objects.get_for_model(NewsPage)
    siblings = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
    last_child = siblings.order_by("-path").values_list("path", flat=True).first()
    next_step = Page._str2int(last_child[-Page.steplen :]) + 1 if last_child else 1
    for number, article in enumerate(articles):
        article.draft_title = article.draft_title or article.title
        article.path = Page._get_path(index.path, index.depth + 1, next_step + number)
        article.depth = index.depth + 1
        article.numchild = 0
        article.url_path = f"{index.url_path}{article.slug}/"
        article.content_type = content_type
        article.locale_id = index.locale_id
        article.live = article.listed = True
        article.has_unpublished_changes = False
        article.translation_key = uuid.uuid4()
    page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    pages = Page.objects.bulk_create(
        [
            Page(**{field.attname: getattr(article, field.attname) for field in page_fields})
            for article in articles
        ]
    )
    for page, article in zip(pages, articles, strict=True):
        article.page_ptr_id = article.pk = article.id = page.pk
    NewsPage._base_manager._insert(
        articles, fields=NewsPage._meta.local_concrete_fields, using=connection.alias
    )
    # treebeard answers "no children" from numchild alone, so count the rows themselves.
    Page.objects.filter(pk=index.pk).update(numchild=siblings.count())
    allocate_news_code(at_least=max(article.news_code for article in articles))
    return articles
