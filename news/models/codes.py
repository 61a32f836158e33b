"""News codes (کد خبر): permanent numbers that readers and the old portal's links use."""

from django.apps import apps
from django.db import models, transaction


class NewsCodeCounter(models.Model):
    """One row holding the last code handed out; locking it serialises allocation.

    Codes are never reused: deleting an article does not lower the counter.
    """

    last_code = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "شمارندهٔ کد خبر"

    def __str__(self):
        return f"آخرین کد خبر: {self.last_code}"


def allocate_news_code(at_least=None):
    """The next free code, above every code handed out or imported so far.

    With `at_least`, makes sure later codes go above an imported one and returns it unchanged.
    """
    # By name: the article model holds the codes and itself asks for a new one (pages.py).
    articles = apps.get_model("news", "NewsPage")
    with transaction.atomic():
        counter, _ = NewsCodeCounter.objects.select_for_update().get_or_create(pk=1)
        # Imported or bulk-created articles may carry codes the counter never saw.
        highest = articles.objects.aggregate(highest=models.Max("news_code"))["highest"] or 0
        if at_least is not None:
            counter.last_code = max(counter.last_code, highest, at_least)
            counter.save(update_fields=["last_code"])
            return at_least
        counter.last_code = max(counter.last_code, highest) + 1
        counter.save(update_fields=["last_code"])
        return counter.last_code
