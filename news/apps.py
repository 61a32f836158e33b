from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "اخبار"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from news import fragments
        from news.cache import purge_listings
        from news.models import NewsPage

        page_published.connect(purge_listings, sender=NewsPage)
        page_unpublished.connect(purge_listings, sender=NewsPage)
        fragments.connect()
