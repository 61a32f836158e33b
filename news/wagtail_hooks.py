"""Admin hooks of the news app; each concern registers its own."""

import news.comments.wagtail_hooks  # noqa: F401 - comment moderation
