"""The news index at /news/ and its listings: all, by section, by tag, by Jalali month, feeds."""

import hashlib

from django.core.cache import cache
from django.db import models
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from news import fragments
from news.feeds import NewsAtomFeed, NewsRssFeed
from news.listing import JalaliMonth, page_links, paginate
from news.models.pages import NewsPage
from news.models.sections import NewsSection
from news.page_cache import KEPT_QUERY
from portal.jalali_widgets import jalali_settings_panels
from portal.pages import KnownViewRestrictionsMixin
from portal.text import normalize_persian

LISTING_BODY_TEMPLATE = "news/includes/listing_body.html"
ARCHIVE_MONTHS_LISTED = 12
ARCHIVE_MONTHS_CACHE_KEY = "news:archive-months"
# Publishing and unpublishing forget the list at once (news/apps.py); the timeout only bounds how
# long an article scheduled by its date alone (no publish event) waits to appear.
ARCHIVE_MONTHS_CACHE_SECONDS = 600


def archive_months():
    """The newest Jalali months that have news, never an empty one. Cached, so listings cost the
    same number of queries as before the list learnt which months are empty."""
    months = cache.get(ARCHIVE_MONTHS_CACHE_KEY)
    if months is None:
        months = NewsPage.objects.jalali_months()[:ARCHIVE_MONTHS_LISTED]
        cache.set(ARCHIVE_MONTHS_CACHE_KEY, months, ARCHIVE_MONTHS_CACHE_SECONDS)
    return [JalaliMonth(year, month) for year, month in months]


def forget_archive_months(**kwargs):
    cache.delete(ARCHIVE_MONTHS_CACHE_KEY)


def all_sections():
    """Every section, kept until any content changes (news/fragments.py)."""
    key = f"news:sections:{fragments.generation()}"
    sections = cache.get(key)
    if sections is None:
        sections = list(NewsSection.objects.all())
        cache.set(key, sections, fragments.FRAGMENT_TIMEOUT)
    return sections


def listing_key(request):
    """The cache key of a listing's body at this address and page, or None if it is not kept:
    only for the addresses whole pages are kept for (the bare address or `?page=<number>`,
    news/page_cache.py), since the body's page links repeat the query string and must not carry
    another reader's parameters."""
    if getattr(request, "is_preview", False):
        return None
    if not KEPT_QUERY.fullmatch(request.META.get("QUERY_STRING", "")):
        return None
    address = f"{request.scheme}:{request.get_host()}:{request.path_info}:{request.GET.get('page')}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"news:listing:{fragments.generation()}:{digest}"


class NewsIndexPage(KnownViewRestrictionsMixin, RoutablePageMixin, Page):
    intro = models.TextField("معرفی کوتاه", blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = jalali_settings_panels(Page.settings_panels)

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = "فهرست اخبار"
        verbose_name_plural = "فهرست‌های اخبار"

    # Routing

    def route(self, request, path_components):
        """An article's address costs one query instead of two (the child by slug, then its
        specific row): the slug's page id is kept until any content changes (news/fragments.py),
        so a renamed, moved or deleted article is never found at its old address."""
        if self.live and len(path_components) == 1:
            try:
                self.resolve_subpage(f"/{path_components[0]}/")
            except Http404:
                article = self.child_article(path_components[0])
                if article is not None:
                    article._cached_parent_obj = self  # as Page.route does
                    return article.route(request, [])
        return super().route(request, path_components)

    def child_article(self, slug):
        digest = hashlib.sha256(slug.encode()).hexdigest()
        key = f"news:route:{fragments.generation()}:{self.pk}:{digest}"
        article_id = cache.get(key)
        if article_id is None:
            article_id = self.get_children().filter(slug=slug).values_list("pk", flat=True).first()
            if article_id is None:
                # Not kept: made-up addresses must not fill the cache. Page.route answers 404.
                return None
            cache.set(key, article_id, fragments.FRAGMENT_TIMEOUT)
        return NewsPage.objects.filter(pk=article_id).first()

    # Listings

    def articles(self):
        # Articles live only under the one news index (parent_page_types, max_count), so no tree
        # filter: it would stop the database from reading the newest-first index in order.
        return NewsPage.objects.for_listing()

    def render_listing(
        self, request, find_articles, heading, feed_route=None, feed_args=(), **extra
    ):
        """The listing's body (cards, pages, sections, months) is rendered once per generation
        and address: the next request reads it from the cache, and `find_articles()` (the
        listing's queryset) is not even built."""
        feeds = self.feed_links(feed_route, feed_args, heading)
        key = listing_key(request)
        listing = cache.get(key) if key else None
        if listing is None:
            page_obj = paginate(request, find_articles())
            context = {
                "page": self,
                "heading": heading,
                "page_obj": page_obj,
                "articles": page_obj.object_list,
                "page_links": page_links(page_obj),
                "sections": all_sections(),
                "archive_months": archive_months(),
                "feeds": feeds,
                **extra,
            }
            listing = {
                "body": render_to_string(LISTING_BODY_TEMPLATE, context, request=request),
                "number": page_obj.number,
            }
            if key:
                cache.set(key, listing, fragments.FRAGMENT_TIMEOUT)
        context = {
            "heading": heading,
            "listing_body": mark_safe(listing["body"]),  # noqa: S308 - our own template's output
            "page_number": listing["number"],
            "feeds": feeds,
        }
        return self.render(request, template="news/news_listing.html", context_overrides=context)

    def feed_links(self, route, args, heading):
        route = route or "all"
        return [
            {
                "type": "application/rss+xml",
                "title": f"خوراک RSS: {heading}",
                "url": self.url + self.reverse_subpage(f"{route}_rss", args=list(args)),
            },
            {
                "type": "application/atom+xml",
                "title": f"خوراک Atom: {heading}",
                "url": self.url + self.reverse_subpage(f"{route}_atom", args=list(args)),
            },
        ]

    def serve_preview(self, request, mode_name):
        return self.all_news(request)

    @path("", name="all")
    def all_news(self, request):
        return self.render_listing(request, self.articles, self.title, is_all_news=True)

    @path("section/<str:slug>/", name="section")
    def section_news(self, request, slug):
        section = self.find_section(slug)
        return self.render_listing(
            request,
            lambda: self.articles().filter(section=section),
            f"سرویس {section.name}",
            feed_route="section",
            feed_args=[section.slug],
            current_section=section,
        )

    @path("tags/<str:slug>/", name="tag")
    def tag_news(self, request, slug):
        tag = self.find_tag(slug)
        if tag.slug != slug:
            # Typed with Arabic letters or by name: send readers and search engines to one address.
            return HttpResponsePermanentRedirect(self.tag_url(tag))
        return self.render_listing(
            request,
            lambda: self.articles().tagged([tag.pk]),
            f"برچسب: {tag.name}",
            feed_route="tag",
            feed_args=[tag.slug],
            current_tag=tag,
        )

    @re_path(r"^archive/(?P<year>[0-9۰-۹]{4})/(?P<month>[0-9۰-۹]{1,2})/$", name="archive")
    def archive(self, request, year, month):
        jalali_month = JalaliMonth.from_url(year, month)
        if [year, month] != jalali_month.url_args:
            return HttpResponsePermanentRedirect(self.archive_url(jalali_month))
        start, end = jalali_month.gregorian_range()
        current = JalaliMonth.current()
        is_past = (jalali_month.year, jalali_month.month) < (current.year, current.month)
        return self.render_listing(
            request,
            lambda: self.articles().published_between(start, end),
            f"بایگانی اخبار {jalali_month.label}",
            current_month=jalali_month,
            previous_month=jalali_month.previous(),
            next_month=jalali_month.next() if is_past else None,
        )

    @re_path(r"^(?P<code>[0-9۰-۹]{1,10})/$", name="by_code")
    def by_code(self, request, code):
        article = NewsPage.objects.with_code(code)
        if article is None:
            raise Http404("خبری با این کد پیدا نشد")
        return HttpResponsePermanentRedirect(article.get_url(request))

    # Feeds

    @path("rss/", name="all_rss")
    def all_rss(self, request):
        return self.feed(request, "rss")

    @path("atom/", name="all_atom")
    def all_atom(self, request):
        return self.feed(request, "atom")

    @path("section/<str:slug>/rss/", name="section_rss")
    def section_rss(self, request, slug):
        return self.feed(request, "rss", section=self.find_section(slug))

    @path("section/<str:slug>/atom/", name="section_atom")
    def section_atom(self, request, slug):
        return self.feed(request, "atom", section=self.find_section(slug))

    @path("tags/<str:slug>/rss/", name="tag_rss")
    def tag_rss(self, request, slug):
        return self.feed(request, "rss", tag=self.find_tag(slug))

    @path("tags/<str:slug>/atom/", name="tag_atom")
    def tag_atom(self, request, slug):
        return self.feed(request, "atom", tag=self.find_tag(slug))

    def feed(self, request, kind, section=None, tag=None):
        feed_class = NewsRssFeed if kind == "rss" else NewsAtomFeed
        return feed_class()(request, index=self, section=section, tag=tag)

    # Sitemap

    def get_sitemap_urls(self, request=None):
        """The index, then every section and tag with a published article, each dated by its
        newest one: listings are where many readers arrive from a search engine."""
        published = NewsPage.objects.published().order_by("-published_at")
        newest_in_section = published.filter(section=OuterRef("pk")).values("published_at")[:1]
        newest_with_tag = published.filter(tags=OuterRef("pk")).values("published_at")[:1]
        listings = [
            ("section", section.slug, section.newest)
            for section in NewsSection.objects.annotate(newest=Subquery(newest_in_section))
            .filter(newest__isnull=False)
            .order_by("name")
        ] + [
            ("tag", tag.slug, tag.newest)
            for tag in Tag.objects.annotate(newest=Subquery(newest_with_tag))
            .filter(newest__isnull=False)
            .order_by("name")
        ]
        index_url = self.get_full_url(request)
        return super().get_sitemap_urls(request) + [
            {"location": index_url + self.reverse_subpage(route, args=[slug]), "lastmod": newest}
            for route, slug, newest in listings
        ]

    # Lookups shared by listings and feeds

    def find_section(self, slug):
        wanted = normalize_persian(slug)
        section = next((section for section in all_sections() if section.slug == wanted), None)
        if section is None:
            raise Http404("سرویس پیدا نشد")
        return section

    def find_tag(self, slug):
        """The tag with this slug or name; kept until content changes once found (a made-up
        slug is looked up again, so it cannot fill the cache)."""
        wanted = normalize_persian(slug).strip()
        key = f"news:tag:{fragments.generation()}:{hashlib.sha256(wanted.encode()).hexdigest()}"
        tag = cache.get(key)
        if tag is None:
            tag = Tag.objects.filter(models.Q(slug=wanted) | models.Q(name=wanted)).first()
            if tag is None:
                raise Http404("برچسب پیدا نشد")
            cache.set(key, tag, fragments.FRAGMENT_TIMEOUT)
        return tag

    @property
    def feed_links_all(self):
        return self.feed_links(None, (), self.title)

    def section_url(self, section):
        return self.url + self.reverse_subpage("section", args=[section.slug])

    def tag_url(self, tag):
        return self.url + self.reverse_subpage("tag", args=[tag.slug])

    def archive_url(self, jalali_month):
        return self.url + self.reverse_subpage("archive", args=jalali_month.url_args)
