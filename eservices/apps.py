from django.apps import AppConfig


class EservicesConfig(AppConfig):
    name = "eservices"
    verbose_name = "خدمات و خطوط تماس"
