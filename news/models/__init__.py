"""News models, one concern per module; everything other code imports is listed here."""

from news.models.audio import ArticleAudio
from news.models.codes import NewsCodeCounter, allocate_news_code
from news.models.comments import Comment, CrisisPhrase
from news.models.index import NewsIndexPage
from news.models.pages import NewsPage, NewsPageTag, PinnedRelatedNews
from news.models.sections import NewsSection
from news.models.views import NewsDailyViews

__all__ = [
    "ArticleAudio",
    "Comment",
    "CrisisPhrase",
    "NewsCodeCounter",
    "NewsDailyViews",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsSection",
    "PinnedRelatedNews",
    "allocate_news_code",
]
