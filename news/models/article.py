"""What an article shows besides its fields: reading time, related news, sharing, metadata.

A mixin of NewsPage (pages.py), so that the page's own methods build its context; nothing here
imports the page model.
"""

import uuid
from functools import cache
from urllib.parse import quote, urlencode

from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.html import strip_tags

from news import fragments
from portal.images import STRUCTURED_DATA_LOGO, existing_rendition
from portal.jalali import iso_8601
from portal.json_ld import json_ld_script
from portal.models import OrganisationSettings
from portal.site_address import absolute_url

# Persian readers read fewer words a minute than English readers (studies of silent reading in
# Persian and Arabic put adults around 150–200 words a minute, against 230–250 for English):
# the script omits short vowels and words joined with ZWNJ count once here. 180 sits in that range.
WORDS_PER_MINUTE = 180
RELATED_COUNT = 6
# The picture social networks show for a shared article (og:image); made at upload and publish
# with the other sizes (news/renditions.py), which reads it from here.
SOCIAL_IMAGE = "fill-1200x630|format-jpeg"
ARTICLE_PARTS = ("article-meta", "article-breadcrumbs", "article-main", "article-sidebar")


def share_links(title, url):
    text = f"{title}\n{url}"
    return [
        {
            "name": "تلگرام",
            "url": "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
        },
        {"name": "واتس‌اپ", "url": "https://wa.me/?" + urlencode({"text": text})},
        {
            "name": "ایکس",
            "url": "https://x.com/intent/post?" + urlencode({"url": url, "text": title}),
        },
        {
            "name": "رایانامه",
            "url": f"mailto:?subject={quote(title)}&body={quote(text)}",
        },
    ]


def fragment_settings(article, request):
    """The cache keys of the article's fragments; a preview shows a draft, so it is never stored
    and never matches a published article's key. The approved comments have a key of their own,
    under the pages generation, which every comment change replaces as well (news/fragments.py)."""
    if getattr(request, "is_preview", False):
        return {"fragment_key": f"preview:{uuid.uuid4().hex}", "fragment_timeout": 0}
    address = (request.scheme, request.get_host(), str(article.pk))
    fragment_key = ":".join((fragments.generation(), *address))
    comments_key = ":".join((fragments.pages_generation(), *address))
    return {
        "fragment_key": fragment_key,
        "comments_key": comments_key,
        "fragment_timeout": fragments.FRAGMENT_TIMEOUT,
        # The {% cached_part %}s of news/news_page.html, read with the page's shell in one trip.
        "page_parts": [
            *((name, fragment_key) for name in ARTICLE_PARTS),
            ("article-comments", comments_key),
        ],
    }


class ArticleMixin:
    """Methods of NewsPage that its page, its search result and its API entry read."""

    def body_texts(self):
        """The readable text of each body block, from the stored data: building block values
        would query every image."""
        for block in self.body.raw_data:
            value = block["value"]
            if block["type"] == "paragraph" and isinstance(value, str):
                yield strip_tags(value)
            elif not isinstance(value, dict):
                continue
            elif block["type"] == "quote":
                yield value.get("text") or ""
            elif block["type"] in ("image", "video"):
                yield value.get("caption") or value.get("title") or ""
            elif block["type"] == "gallery":
                yield value.get("title") or ""

    def body_text(self):
        return " ".join(text for text in self.body_texts() if text)

    @property
    def reading_minutes(self):
        words = len(strip_tags(self.lead).split()) + len(self.body_text().split())
        return max(1, round(words / WORDS_PER_MINUTE))

    def related_news(self, tag_ids):
        """Pinned articles first, then the newest sharing a tag; never the article itself."""
        pinned = [
            pin.related
            # The list shows titles and dates only; a body is most of an article row's size.
            for pin in self.pinned_related.select_related(
                "related__section", "related__main_image"
            ).defer("related__body")
            if pin.related.live and pin.related_id != self.pk
        ]
        by_tags = (
            type(self)
            .objects.published()
            .tagged(tag_ids)
            .exclude(pk__in=[self.pk, *(item.pk for item in pinned)])
            .defer_streamfields()
            .select_related("section", "main_image")
            .newest_first()[:RELATED_COUNT]
        )
        # Asked even when pins fill the list, so the page always costs the same queries.
        return (pinned + list(by_tags))[:RELATED_COUNT]

    def structured_data(self, request, canonical_url, image_url, tags):
        """schema.org NewsArticle, as the element the page's <head> carries."""
        organisation = OrganisationSettings.for_request(request)
        publisher = {
            "@type": "Organization",
            "name": organisation.name,
            "url": absolute_url(request, "/"),
        }
        logo = organisation.logo and existing_rendition(organisation.logo, STRUCTURED_DATA_LOGO)
        if logo:
            publisher["logo"] = {
                "@type": "ImageObject",
                "url": absolute_url(request, logo.url),
            }
        # A preview of an article never published has no date yet: show the moment of previewing.
        published = self.published_at or self.first_published_at or timezone.now()
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.lead,
            "datePublished": iso_8601(published),
            "dateModified": iso_8601(self.last_published_at or published),
            "mainEntityOfPage": canonical_url,
            "url": canonical_url,
            "identifier": str(self.news_code),
            "inLanguage": "fa-IR",
            "publisher": publisher,
            "author": publisher,
        }
        if image_url:
            data["image"] = [image_url]
        if self.section:
            data["articleSection"] = self.section.name
        if tags:
            data["keywords"] = [tag.name for tag in tags]
        return json_ld_script(data)

    def body_images(self):
        for block in self.body:
            if block.block_type == "image":
                yield block.value["image"]
            elif block.block_type == "gallery":
                yield from (item["image"] for item in block.value["images"])

    def prefetch_renditions(self, *other_images):
        """One query for the renditions of every image on the article, however many there are
        (with `other_images`: the related news' thumbnails).

        Without it each image asks the renditions cache, and falls back to the database per image
        whenever the cache has dropped an entry.
        """
        images = [image for image in (*self.body_images(), *other_images) if image is not None]
        if self.main_image:
            images.append(self.main_image)
        prefetch_related_objects(images, "renditions")

    def article_context(self, request):
        """What the article's template shows, each value computed only when the template first
        reads it: on a warm fragment cache (news/fragments.py) the page reads almost none."""

        @cache
        def tags():
            found = list(self.tags.all())
            for tag in found:
                tag.url = news_index().tag_url(tag)
            return found

        @cache
        def breadcrumbs():
            return list(self.get_ancestors().filter(depth__gt=1))

        @cache
        def news_index():
            return breadcrumbs()[-1].specific

        @cache
        def social_image_url():
            if not self.main_image:
                return None
            prefetch_all_renditions()
            # Made when the image was uploaded (news/renditions.py), never in a reader's request.
            rendition = existing_rendition(self.main_image, SOCIAL_IMAGE)
            return absolute_url(request, rendition.url) if rendition else None

        @cache
        def canonical_url():
            return self.get_full_url(request)

        @cache
        def short_url():
            return absolute_url(request, self.short_url)

        related_news = cache(lambda: self.related_news([tag.pk for tag in tags()]))

        @cache
        def prefetch_all_renditions():
            self.prefetch_renditions(*(item.main_image for item in related_news()))

        def prefetched(value):
            # Every image on the page in one query, before the body or main image renders.
            prefetch_all_renditions()
            return value

        return {
            "breadcrumbs": breadcrumbs,
            "news_index": news_index,
            "section_url": lambda: news_index().section_url(self.section) if self.section else None,
            "canonical_url": canonical_url,
            "short_url": short_url,
            "tags": tags,
            "reading_minutes": lambda: self.reading_minutes,
            "related_news": related_news,
            "share_links": lambda: share_links(self.title, canonical_url()),
            "social_image_url": social_image_url,
            "structured_data": lambda: self.structured_data(
                request, canonical_url(), social_image_url(), tags()
            ),
            "article_images": lambda: prefetched(""),
            **fragment_settings(self, request),
        }
