"""Settings safe for production; dev.py, test.py and production.py adjust them."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from .environment import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))

DEBUG = env_bool("DEBUG", default=False)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "portal",
    "news",
    "eservices",
    "captcha",
    "axes",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]

MIDDLEWARE = [
    # Outermost, so every response carries them, the 400s of the next one included.
    "portal.security.PortalCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Refuses a request without a Host header and form bodies that are not UTF-8, with a 400.
    "portal.middleware.RequestHygieneMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Form widgets render through TEMPLATES, so the admin's Jalali date widgets live in templates/
# like every other template ("django.forms" above supplies Django's own widget templates).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache_backends.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            "TIMEOUT": 600,
        },
        # Wagtail's advice: keep image renditions in their own cache.
        "renditions": {
            "BACKEND": "portal.cache_backends.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal") + "-renditions",
            "TIMEOUT": 3600,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal-renditions",
        },
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fa"
LANGUAGES = [("fa", "فارسی")]
TIME_ZONE = "Asia/Tehran"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Wagtail
WAGTAIL_SITE_NAME = "بهزیستی خوزستان"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fa", "فارسی")]
WAGTAILADMIN_USER_LOGIN_FORM = "portal.admin_login.PersianLoginForm"
# Every admin date is Tehran time (the Jalali fields parse and show it); no other zone to pick.
WAGTAIL_USER_TIME_ZONES = ["Asia/Tehran"]
WAGTAIL_CONTENT_LANGUAGES = [("fa", "فارسی")]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# django-simple-captcha: an arithmetic question, drawn with a font that has Persian digits.
CAPTCHA_CHALLENGE_FUNCT = "news.comments.captcha.addition_challenge"  # only +, Persian digits
CAPTCHA_TIMEOUT = 30  # minutes; someone writing a long comment must not lose the question
CAPTCHA_FONT_PATH = os.environ.get(
    "CAPTCHA_FONT_PATH", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
)
# The question is in the form as text, so a distorted picture stops no robot: draw it plainly,
# large and without noise, for readers with low vision.
CAPTCHA_FONT_SIZE = 32
CAPTCHA_LETTER_ROTATION = None
CAPTCHA_NOISE_FUNCTIONS = ()
CAPTCHA_FILTER_FUNCTIONS = ()

# Comments: (posts, seconds) and (tracking-code lookups, seconds) per address, counted in the
# shared cache; the least time a person takes to fill the form; the salt for address hashes
# (SECRET_KEY when empty).
COMMENTS_RATE_LIMIT = (5, 10 * 60)
COMMENTS_STATUS_RATE_LIMIT = (30, 10 * 60)
COMMENTS_MIN_FILL_SECONDS = 3
COMMENTS_IP_SALT = os.environ.get("COMMENTS_IP_SALT", "")
TEMPLATES[0]["OPTIONS"]["libraries"] = {"comments": "news.comments.templatetags"}

# The header a reverse proxy overwrites with the client's address (e.g. HTTP_X_REAL_IP), read by
# comment limits, login lockout and password-reset limits; never one a client can set itself.
CLIENT_ADDRESS_HEADER = os.environ.get("CLIENT_ADDRESS_HEADER") or os.environ.get(
    "COMMENTS_CLIENT_ADDRESS_HEADER", ""
)

# Security defaults that hold in every environment.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override it to SAMEORIGIN themselves


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Images, audio and documents may live on another origin (object storage, a CDN).
MEDIA_ORIGINS = [origin for origin in [_origin(MEDIA_URL)] if origin]
MEDIA_ORIGINS += env_list("CSP_EXTRA_MEDIA_ORIGINS", [])

# Content-Security-Policy (django-csp 4). The public site runs no inline script or style at all;
# JSON-LD data blocks are not scripts to the browser. The admin gets its own looser policy
# (portal.security.PortalCSPMiddleware): Wagtail's admin needs inline scripts and styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "media-src": ["'self'", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://www.aparat.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "media-src": ["'self'", "blob:", *MEDIA_ORIGINS],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://www.aparat.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # Wagtail's live preview frames the page inside the editor.
        "frame-ancestors": ["'self'"],
    }
}
# Powerful browser features no page of the portal uses (django-permissions-policy).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# Admin login lockout (django-axes): after AXES_FAILURE_LIMIT failures for one username from one
# address, that pair is locked out for AXES_COOLOFF_TIME, or until `manage.py axes_reset_username`
# / `axes_reset_ip` / `axes_reset`. Other editors and addresses are not affected.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.security.client_address"
AXES_LOCKOUT_CALLABLE = "portal.security.admin_lockout_response"
# Password-reset requests: (per address, per e-mail address, seconds).
PASSWORD_RESET_RATE_LIMIT = (5, 3, 60 * 60)

# Search (issue 6): Wagtail's database backend (SQLite FTS5, or PostgreSQL full-text with the
# "simple" configuration), folding Persian spellings. Elasticsearch or OpenSearch by configuration
# alone: SEARCH_BACKEND=portal.search.backends.elasticsearch.Elasticsearch8SearchBackend (or
# ...Elasticsearch9/OpenSearch2/OpenSearch3SearchBackend), SEARCH_URL, SEARCH_INDEX.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # On PostgreSQL this backend sets SEARCH_CONFIG to "simple" itself.
        "BACKEND": os.environ.get("SEARCH_BACKEND", "portal.search.backends"),
    }
}
if os.environ.get("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS["default"].update(
        {
            "URLS": env_list("SEARCH_URL", []),
            # modelsearch names each model's index INDEX_PREFIX + app_model ("INDEX" is ignored).
            "INDEX_PREFIX": os.environ.get(
                "SEARCH_INDEX_PREFIX", os.environ.get("SEARCH_INDEX", "portal")
            )
            + "_",
            "TIMEOUT": 5,
        }
    )

# A shared cache in front of the portal (Varnish, nginx with a purge module, Squid) that accepts
# PURGE at this address: pages are purged when published or unpublished (an article with the
# listings that show it, news/cache.py), and an article when a comment under it is approved or
# withdrawn. Unset: nothing to purge.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "portal.frontend_cache.TimelyHTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        "TIMEOUT": float(os.environ.get("FRONTEND_CACHE_PURGE_TIMEOUT", "3")),
    }

# Production shape (issue 11): what pages tell browsers and shared caches (portal/cache_policy.py).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "portal.cache_policy.SharedCachePolicyMiddleware",
)
CACHE_POLICY_BROWSER_MAX_AGE = int(os.environ.get("CACHE_POLICY_BROWSER_MAX_AGE", "60"))
# Purged on publish (Wagtail pages, sitemap): the shared cache may keep them a day.
CACHE_POLICY_PURGED_SHARED_MAX_AGE = int(
    os.environ.get("CACHE_POLICY_PURGED_SHARED_MAX_AGE", "86400")
)
# Never purged (search, API, e-service lists, errors): a few minutes.
CACHE_POLICY_SHARED_MAX_AGE = int(os.environ.get("CACHE_POLICY_SHARED_MAX_AGE", "300"))
CACHE_POLICY_STALE_WHILE_REVALIDATE = 60
CACHE_POLICY_STALE_IF_ERROR = 86400
# Whole pages for anonymous readers (news/page_cache.py), just outside the policy above. Edits
# show at once (generation key); only the most-read list may lag by this long. 0 turns it off.
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.cache_policy.SharedCachePolicyMiddleware"),
    "news.page_cache.PageCacheMiddleware",
)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
# Outside both caches below: a request reads the generation tokens they are keyed on once.
MIDDLEWARE.insert(
    MIDDLEWARE.index("news.page_cache.PageCacheMiddleware"),
    "news.fragments.GenerationPerRequestMiddleware",
)
# A page's address, site and view restrictions, kept until content changes (news/route_cache.py):
# a rendered page then loads one row instead of walking the tree. After sessions and auth, which
# the restrictions read.
MIDDLEWARE.insert(
    MIDDLEWARE.index("axes.middleware.AxesMiddleware"), "news.route_cache.RouteCacheMiddleware"
)

# Background work (issue 11): shared-cache purges, search index updates and moderators' e-mails are
# tasks (Wagtail 8 enqueues its purges and index updates through django-tasks). "immediate" runs
# them in the request (development, tests); "database" stores them in the portal's database for
# `manage.py db_worker` (production: no extra service, works on SQLite and PostgreSQL).
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]}}
# «شنیدن خبر» (news/audio.py): the program that reads articles aloud, a name on PATH or a path.
ESPEAK_NG_COMMAND = os.environ.get("ESPEAK_NG_COMMAND", "espeak-ng")

# Shared media (issue 11): with MEDIA_STORAGE=s3, images, documents and renditions live in an
# S3-compatible bucket (AWS, MinIO, Ceph, ArvanCloud), so every app server sees the same files.
# Keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (read by boto3 itself). Default: disk.
if os.environ.get("MEDIA_STORAGE", "local") == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            # Public files at a stable address a shared cache can keep (no signed query strings).
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
    # Pages show images and play audio from the bucket: the CSP must allow its origin.
    MEDIA_S3_ORIGIN = (
        "https://" + os.environ["MEDIA_S3_CUSTOM_DOMAIN"]
        if os.environ.get("MEDIA_S3_CUSTOM_DOMAIN")
        else _origin(os.environ.get("MEDIA_S3_ENDPOINT_URL", "")) or "https://*.amazonaws.com"
    )
    for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):
        for _directive in ("img-src", "media-src"):
            _policy["DIRECTIVES"][_directive].append(MEDIA_S3_ORIGIN)
