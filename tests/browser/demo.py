"""The demo portal as `make run` loads it, some articles read today so «پربازدیدترین» shows."""

import io

from django.utils import timezone

from eservices import demo_content as eservices_demo
from news import demo_content as news_demo
from news.models import NewsDailyViews, NewsPage
from portal import demo_content as portal_demo


def load_demo_portal(most_read):
    portal_demo.load(io.StringIO())
    news_demo.load(io.StringIO())
    eservices_demo.load(io.StringIO())
    today = timezone.localdate()
    NewsDailyViews.objects.filter(day=today).delete()
    for count, article in enumerate(NewsPage.objects.live()[:most_read], start=1):
        NewsDailyViews.objects.create(page=article, day=today, count=count * 10)
