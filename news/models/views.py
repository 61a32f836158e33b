from django.db import IntegrityError, models, transaction
from django.db.models import F


class NewsDailyViews(models.Model):
    """How many visitors read an article on one day. Nothing about the visitors is stored."""

    page = models.ForeignKey("news.NewsPage", on_delete=models.CASCADE, related_name="daily_views")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="news_daily_views_once_per_day")
        ]
        indexes = [models.Index(fields=["day", "page"])]
        verbose_name = "بازدید روزانه"
        verbose_name_plural = "بازدیدهای روزانه"

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.count}"

    @classmethod
    def add_view(cls, page_id, day):
        rows = cls.objects.filter(page_id=page_id, day=day).update(count=F("count") + 1)
        if rows:
            return
        try:
            with transaction.atomic():
                cls.objects.create(page_id=page_id, day=day, count=1)
        except IntegrityError:
            # Another request created today's row between our update and insert.
            cls.objects.filter(page_id=page_id, day=day).update(count=F("count") + 1)
