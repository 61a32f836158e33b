"""Admin hooks of the news app; each concern registers its own."""

import news.comments.wagtail_hooks  # noqa: F401 - comment moderation
from news import sections_admin  # noqa: F401 - sections as snippets
