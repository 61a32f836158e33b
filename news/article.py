"""What an article shows besides its fields: reading time, related news, sharing, metadata."""

import json
from urllib.parse import quote, urlencode

from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.html import strip_tags

from portal.jalali import iso_8601
from portal.models import OrganisationSettings

# Persian readers read fewer words a minute than English readers (studies of silent reading in
# Persian and Arabic put adults around 150–200 words a minute, against 230–250 for English):
# the script omits short vowels and words joined with ZWNJ count once here. 180 sits in that range.
WORDS_PER_MINUTE = 180
RELATED_COUNT = 6
SOCIAL_IMAGE = "fill-1200x630|format-jpeg"


def count_words(text):
    return len(strip_tags(text).split())


def body_text(body):
    """The words of a body as stored, without building block values (no image queries)."""
    for block in body.raw_data:
        value = block["value"]
        if block["type"] == "paragraph":
            yield value
        elif block["type"] == "quote":
            yield value.get("text", "")
        elif block["type"] in ("image", "video"):
            yield value.get("caption", "") or value.get("title", "")
        elif block["type"] == "gallery":
            yield value.get("title", "")


def reading_minutes(page):
    words = count_words(page.lead) + sum(count_words(text) for text in body_text(page.body))
    return max(1, round(words / WORDS_PER_MINUTE))


def related_news(page, tag_ids):
    """Pinned articles first, then the newest sharing a tag; never the article itself."""
    from news.models import NewsPage

    pinned = [
        pin.related
        for pin in page.pinned_related.select_related("related__section")
        if pin.related.live and pin.related_id != page.pk
    ]
    by_tags = (
        NewsPage.objects.published()
        .tagged(tag_ids)
        .exclude(pk__in=[page.pk, *(item.pk for item in pinned)])
        .defer_streamfields()
        .select_related("section")
        .newest_first()[:RELATED_COUNT]
    )
    # Asked even when pins fill the list, so the page always costs the same queries.
    return (pinned + list(by_tags))[:RELATED_COUNT]


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


def structured_data(request, page, canonical_url, image_url, tags):
    organisation = OrganisationSettings.for_request(request)
    publisher = {
        "@type": "Organization",
        "name": organisation.name,
        "url": request.build_absolute_uri("/"),
    }
    if organisation.logo_id:
        logo = organisation.logo.get_rendition("height-120|format-png")
        publisher["logo"] = {"@type": "ImageObject", "url": request.build_absolute_uri(logo.url)}
    # A preview of an article never published has no date yet: show the moment of previewing.
    published = page.published_at or page.first_published_at or timezone.now()
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.lead,
        "datePublished": iso_8601(published),
        "dateModified": iso_8601(page.last_published_at or published),
        "mainEntityOfPage": canonical_url,
        "url": canonical_url,
        "identifier": str(page.news_code),
        "inLanguage": "fa-IR",
        "publisher": publisher,
        "author": publisher,
    }
    if image_url:
        data["image"] = [image_url]
    if page.section:
        data["articleSection"] = page.section.name
    if tags:
        data["keywords"] = [tag.name for tag in tags]
    # Safe inside <script>: nothing in the text can close the element or open a comment.
    escaped = json.dumps(data, ensure_ascii=False)
    for char, replacement in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        escaped = escaped.replace(char, replacement)
    return escaped


def body_images(body):
    for block in body:
        if block.block_type == "image":
            yield block.value["image"]
        elif block.block_type == "gallery":
            yield from (item["image"] for item in block.value["images"])


def prefetch_renditions(page):
    """One query for the renditions of every image on the article, however many there are.

    Without it each image asks the renditions cache, and falls back to the database per image
    whenever the cache has dropped an entry.
    """
    images = [image for image in body_images(page.body) if image is not None]
    if page.main_image:
        images.append(page.main_image)
    prefetch_related_objects(images, "renditions")


def article_context(request, page):
    prefetch_renditions(page)
    canonical_url = page.get_full_url(request)
    tags = list(page.tags.all())
    breadcrumbs = list(page.get_ancestors().filter(depth__gt=1))
    news_index = breadcrumbs[-1].specific
    for tag in tags:
        tag.url = news_index.tag_url(tag)
    social_image = None
    if page.main_image:
        social_image = request.build_absolute_uri(page.main_image.get_rendition(SOCIAL_IMAGE).url)
    return {
        "breadcrumbs": breadcrumbs,
        "news_index": news_index,
        "section_url": news_index.section_url(page.section) if page.section else None,
        "canonical_url": canonical_url,
        "short_url": request.build_absolute_uri(f"/n/{page.news_code}"),
        "tags": tags,
        "reading_minutes": reading_minutes(page),
        "related_news": related_news(page, [tag.pk for tag in tags]),
        "share_links": share_links(page.title, canonical_url),
        "social_image_url": social_image,
        "structured_data": structured_data(request, page, canonical_url, social_image, tags),
    }
