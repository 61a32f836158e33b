"""News on pages the news app does not own (the home page): {% home_news as news %}."""

import uuid
from dataclasses import dataclass, field

from django import template
from django.core.cache import cache

from news import fragments
from news.models import NewsIndexPage, NewsPage, NewsSection

register = template.Library()

# The lead story and a grid of eight: two full rows of four on a desktop, four of two on a tablet.
HOME_GRID_SIZE = 8
MOST_READ_COUNT = 5
# View counts change on every read and start no new generation, so the most-read list is also
# kept only this long: a list minutes old is what the whole-page cache shows readers anyway.
MOST_READ_CACHE_SECONDS = 300


@dataclass
class HomeNews:
    lead: NewsPage | None = None
    latest: list = field(default_factory=list)
    popular: list = field(default_factory=list)
    index: NewsIndexPage | None = None
    sections: list = field(default_factory=list)


def split_lead(articles):
    """The newest article with an image leads; the others keep their newest-first order."""
    lead = next((article for article in articles if article.main_image_id), None)
    if lead is None and articles:
        lead = articles[0]
    return lead, [article for article in articles if article is not lead]


def section_links(index):
    """(name, url) of every section, kept until any content changes (news/fragments.py): the
    list changes rarely and would otherwise cost the home page a query."""
    key = f"news:home-sections:{fragments.generation()}"
    links = cache.get(key)
    if links is None:
        links = [
            {"name": section.name, "url": index.section_url(section)}
            for section in NewsSection.objects.all()
        ]
        cache.set(key, links, fragments.FRAGMENT_TIMEOUT)
    return links


def cached_for_generation(name, build, timeout=fragments.FRAGMENT_TIMEOUT):
    """`build()`, kept until any content changes (news/fragments.py) or `timeout` passes."""
    key = f"news:{name}:{fragments.generation()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def most_read():
    return cached_for_generation(
        "home-most-read",
        lambda: list(NewsPage.objects.most_read().defer_streamfields()[:MOST_READ_COUNT]),
        MOST_READ_CACHE_SECONDS,
    )


def news_index():
    # A list, so that "no index yet" is kept too.
    return cached_for_generation("home-index", lambda: list(NewsIndexPage.objects.live()[:1]))


# The parts every page shares (templates/base.html, includes/header.html, includes/footer.html),
# read from the cache together in one round trip when the page starts.
SHELL_PARTS = (
    "shell-short-name",
    "shell-about",
    "shell-hotline-bar",
    "shell-brand",
    "shell-footer",
)


class CachedParts:
    """Rendered parts of one page, read together: a page names the parts it will show with their
    key (a generation token, the address and the page), and the first lookup reads them all with
    one `get_many`; a part missing from the cache is rendered and stored on its own."""

    def __init__(self):
        self.wanted = {}
        self.found = None

    @staticmethod
    def cache_key(name, key):
        return f"news:part:{name}:{key}"

    def expect(self, names, key):
        for name in names:
            self.wanted[self.cache_key(name, key)] = name

    def get(self, name, key):
        cache_key = self.cache_key(name, key)
        if self.found is None:
            self.found = cache.get_many(list(self.wanted)) if self.wanted else {}
        if cache_key in self.found:
            return self.found[cache_key]
        if cache_key in self.wanted:
            return None  # asked for with the others and not there: no second read
        return cache.get(cache_key)

    def set(self, name, key, html, timeout):
        if timeout:
            cache.set(self.cache_key(name, key), html, timeout)


@register.simple_tag(takes_context=True)
def page_shell(context):
    """Cache key and timeout of the parts every page shares (organisation name, logo, contact
    details in the title, header and footer): any content change starts a new generation
    (news/fragments.py), so a renamed organisation shows at once. A page whose context names
    `page_parts` ((name, key) pairs) has those read in the same round trip."""
    request = context.get("request")
    address = f"{request.scheme}:{request.get_host()}" if request is not None else ""
    key = f"{fragments.generation()}:{address}"
    parts = CachedParts()
    parts.expect(SHELL_PARTS, key)
    if context.get("fragment_timeout"):
        for name, part_key in context.get("page_parts", ()):
            parts.expect([name], part_key)
    return {"key": key, "timeout": fragments.FRAGMENT_TIMEOUT, "parts": parts}


class CachedPartNode(template.Node):
    def __init__(self, name, key, timeout, nodelist):
        self.name, self.key, self.timeout, self.nodelist = name, key, timeout, nodelist

    def render(self, context):
        key = str(self.key.resolve(context))
        timeout = self.timeout.resolve(context)
        shell = context.get("shell")
        parts = shell["parts"] if shell else CachedParts()
        html = parts.get(self.name, key) if timeout else None
        if html is None:
            html = self.nodelist.render(context)
            parts.set(self.name, key, html, timeout)
        return html


@register.tag
def cached_part(parser, token):
    """{% cached_part "name" key timeout %}...{% endcached_part %}: Django's {% cache %}, read
    with the page's other parts (page_shell). A timeout of 0 renders and stores nothing."""
    bits = token.split_contents()
    if len(bits) != 4 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            '{% cached_part "name" key timeout %} takes a quoted name, a key and a timeout'
        )
    nodelist = parser.parse(("endcached_part",))
    parser.delete_first_token()
    return CachedPartNode(
        bits[1][1:-1], parser.compile_filter(bits[2]), parser.compile_filter(bits[3]), nodelist
    )


@register.simple_tag(takes_context=True)
def home_fragment(context):
    """Cache key and timeout of the home page's content (lead story, most read, sections, help
    lines, latest news, e-services): any content change starts a new generation, and the most-read
    list it shows is no older than its own cache allows."""
    request = context.get("request")
    if getattr(request, "is_preview", False):
        # A draft's title and intro: never stored, never matching what readers are shown.
        return {"key": f"preview:{uuid.uuid4().hex}", "timeout": 0}
    return {**page_shell(context), "timeout": MOST_READ_CACHE_SECONDS}


@register.simple_tag
def home_news():
    articles = list(NewsPage.objects.for_listing()[: HOME_GRID_SIZE + 1])
    lead, latest = split_lead(articles)
    index = next(iter(news_index()), None)
    return HomeNews(
        lead=lead,
        latest=latest[:HOME_GRID_SIZE],
        popular=most_read(),
        index=index,
        sections=section_links(index) if index else [],
    )
