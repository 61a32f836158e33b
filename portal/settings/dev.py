from .base import *  # noqa: F403
from .environment import env_bool, secret_key

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = secret_key(DEBUG, development_key="dev-only-not-secret-khuzestan-portal")
if DEBUG:
    ALLOWED_HOSTS = ["*"]
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    # Plain storage so the dev server serves sources without collectstatic.
    STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
