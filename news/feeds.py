"""RSS 2.0 and Atom feeds of all news, one section or one tag.

The news index's feed routes render these; they read only what the index hands them, so this
module imports nothing of the news app (the index page depends on it, never the reverse).
"""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure

from portal.images import existing_rendition
from portal.site_address import absolute_url

FEED_LENGTH = 30
FEED_RENDITION = "width-800|format-jpeg"


class NewsRssFeed(Feed):
    language = "fa"

    def get_object(self, request, index, section=None, tag=None):
        self.request = request
        return {"index": index, "section": section, "tag": tag}

    def title(self, obj):
        index = obj["index"]
        if obj["section"]:
            return f"{index.title} - سرویس {obj['section'].name}"
        if obj["tag"]:
            return f"{index.title} - برچسب {obj['tag'].name}"
        return index.title

    # Absolute addresses from the site's own address (portal.site_address): Django's feeds would
    # otherwise prefix the request's Host header.
    def link(self, obj):
        index = obj["index"]
        if obj["section"]:
            return absolute_url(self.request, index.section_url(obj["section"]))
        if obj["tag"]:
            return absolute_url(self.request, index.tag_url(obj["tag"]))
        return absolute_url(self.request, index.url)

    def feed_url(self, obj):
        return absolute_url(self.request, self.request.path)

    def description(self, obj):
        return obj["index"].intro or "خبرهای بهزیستی استان خوزستان"

    def items(self, obj):
        articles = obj["index"].articles()
        if obj["section"]:
            articles = articles.filter(section=obj["section"])
        if obj["tag"]:
            articles = articles.tagged([obj["tag"].pk])
        return articles[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return absolute_url(self.request, item.url)

    def item_guid(self, item):
        return absolute_url(self.request, item.short_url)

    item_guid_is_permalink = True

    # Dates in Tehran time, as the portal shows them.
    def item_pubdate(self, item):
        return timezone.localtime(item.published_at)

    def item_updateddate(self, item):
        return timezone.localtime(item.last_published_at or item.published_at)

    def item_categories(self, item):
        return [item.section.name] if item.section else []

    def item_enclosures(self, item):
        if not item.main_image:
            return []
        # Made at upload and publish (news/renditions.py); a reader's request never makes it.
        rendition = existing_rendition(item.main_image, FEED_RENDITION)
        if rendition is None:
            return []
        try:
            length = str(rendition.file.size)
        except OSError:
            length = "0"
        return [Enclosure(absolute_url(self.request, rendition.url), length, "image/jpeg")]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
