from django.apps import AppConfig


class EservicesConfig(AppConfig):
    name = "eservices"
    verbose_name = "خدمات و خطوط تماس"

    def ready(self):
        from eservices import signals

        signals.connect()
