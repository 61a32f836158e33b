from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "پرتال"

    def ready(self):
        from portal import images

        images.connect()
