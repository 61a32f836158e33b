from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "اخبار"

    def ready(self):
        from django.db.models.signals import post_delete

        from wagtail.signals import page_published, page_unpublished

        from news import audio, fragments, renditions
        from news.cache import purge_listings
        from news.models import NewsPage
        from news.models.index import forget_archive_months

        page_published.connect(purge_listings, sender=NewsPage)
        page_unpublished.connect(purge_listings, sender=NewsPage)
        fragments.connect()
        audio.connect()
        renditions.connect()
        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(forget_archive_months, sender=NewsPage)
