"""What a shared cache in front of the portal must drop when news changes.

Wagtail purges a page's own address when it is published or unpublished. An article also shows
in listings: the home page, the news index, its section, its tags, its Jalali month's archive,
their feeds and the sitemap. Those are purged here, with the article, when it is published or
unpublished.
Nothing is computed when no cache is configured (WAGTAILFRONTENDCACHE, see the settings).
"""

from persiantools.jdatetime import JalaliDate

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.frontend_cache.utils import PurgeBatch

from news.listing import JalaliMonth


def listing_urls(article):
    index = article.get_parent().specific
    routes = [("all", []), ("all_rss", []), ("all_atom", [])]
    if article.section_id:
        slug = article.section.slug
        routes += [("section", [slug]), ("section_rss", [slug]), ("section_atom", [slug])]
    for tag in article.tags.all():
        routes += [("tag", [tag.slug]), ("tag_rss", [tag.slug]), ("tag_atom", [tag.slug])]
    if article.published_at:
        published = JalaliDate(timezone.localtime(article.published_at).date())
        routes.append(("archive", JalaliMonth(published.year, published.month).url_args))
    index_url = index.get_full_url()
    return [index_url + index.reverse_subpage(route, args=args) for route, args in routes]


def purge_listings(sender, instance, **kwargs):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    site = instance.get_site()
    batch = PurgeBatch()
    batch.add_page(site.root_page)
    batch.add_url(site.root_url + reverse("sitemap"))
    batch.add_urls(listing_urls(instance))
    batch.purge()
