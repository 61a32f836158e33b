"""Import articles from the old portal's JSON export (see `manage.py import_news --help`)."""

import json
import re
from dataclasses import dataclass, field

import nh3

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.text import slugify

from news.models import NewsIndexPage, NewsPage, NewsSection, allocate_news_code
from portal.text import normalize_persian

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "b",
    "strong",
    "i",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
# Wagtail's rich text stores bold and italic as <b> and <i>.
RICH_TEXT_SPELLINGS = [(r"<(/?)strong>", r"<\1b>"), (r"<(/?)em>", r"<\1i>")]
LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
MAX_SLUG_LENGTH = 80


class MalformedFile(Exception):
    """The file as a whole cannot be read: nothing is imported."""


class RejectedRecord(Exception):
    """One record is unusable; the others are still imported."""


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # (position, news_code or None, reason)


def read_records(text):
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        raise MalformedFile(
            f"JSON نامعتبر است (سطر {error.lineno}، ستون {error.colno}): {error.msg}"
        ) from error
    if not isinstance(records, list):
        raise MalformedFile("پرونده باید فهرستی (JSON array) از خبرها باشد.")
    return records


def clean_html(html):
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    for pattern, replacement in RICH_TEXT_SPELLINGS:
        cleaned = re.sub(pattern, replacement, cleaned)
    return normalize_persian(cleaned)


def body_from(text):
    """Old bodies are HTML or plain paragraphs separated by blank lines; both become rich text."""
    text = (text or "").strip()
    if not text:
        return []
    if LOOKS_LIKE_HTML.search(text):
        html = clean_html(text)
    else:
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
        html = "".join(
            "<p>" + "<br/>".join(escape(line) for line in paragraph.splitlines()) + "</p>"
            for paragraph in paragraphs
        )
        html = normalize_persian(html)
    return [("paragraph", html)] if html.strip() else []


def required_text(record, key, label):
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RejectedRecord(f"{label} ({key}) ندارد.")
    return normalize_persian(value.strip())


def parse_record(record):
    if not isinstance(record, dict):
        raise RejectedRecord("رکورد شیء JSON نیست.")
    code = record.get("news_code")
    if isinstance(code, bool) or not isinstance(code, int) or code <= 0:
        raise RejectedRecord("کد خبر (news_code) باید عدد صحیح مثبت باشد.")
    published_at = parse_datetime(str(record.get("published_at") or ""))
    if published_at is None:
        raise RejectedRecord("تاریخ انتشار (published_at) ندارد یا قالب ISO 8601 ندارد.")
    if timezone.is_naive(published_at):
        published_at = timezone.make_aware(published_at)
    tags = record.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise RejectedRecord("برچسب‌ها (tags) باید فهرستی از متن باشند.")
    section = record.get("section") or ""
    if not isinstance(section, str):
        raise RejectedRecord("سرویس (section) باید متن باشد.")
    body = record.get("body") or ""
    if not isinstance(body, str):
        raise RejectedRecord("متن (body) باید متن باشد.")
    over_title = record.get("over_title") or ""
    if not isinstance(over_title, str):
        raise RejectedRecord("روتیتر (over_title) باید متن باشد.")
    return {
        "news_code": code,
        "title": required_text(record, "title", "عنوان"),
        "lead": required_text(record, "lead", "لید"),
        "over_title": normalize_persian(over_title.strip()),
        "body": body_from(body),
        "published_at": published_at,
        "tags": [normalize_persian(tag).strip() for tag in tags if tag.strip()],
        "section": normalize_persian(section.strip()),
    }


def find_section(name):
    if not name:
        return None
    section = NewsSection.objects.filter(name=name).first()
    return section or NewsSection.objects.create(name=name)


def unique_slug(index, title, code):
    base = slugify(title, allow_unicode=True)[:MAX_SLUG_LENGTH].strip("-") or "خبر"
    if base.isdigit():
        base = f"خبر-{base}"
    siblings = NewsPage.objects.child_of(index)
    if not siblings.filter(slug=base).exclude(news_code=code).exists():
        return base
    return f"{base[: MAX_SLUG_LENGTH - 12]}-{code}"


def import_record(index, data):
    article = NewsPage.objects.filter(news_code=data["news_code"]).first()
    created = article is None
    if created:
        article = NewsPage(
            news_code=data["news_code"], slug=unique_slug(index, data["title"], data["news_code"])
        )
    article.title = data["title"]
    article.draft_title = data["title"]
    article.over_title = data["over_title"]
    article.lead = data["lead"]
    article.body = data["body"]
    article.published_at = data["published_at"]
    article.first_published_at = data["published_at"]
    article.section = find_section(data["section"])
    article.tags.set(data["tags"])
    if created:
        index.add_child(instance=article)
    else:
        article.full_clean()
        article.save()
    article.save_revision(log_action=False).publish(log_action=False)
    return created


def import_news(text):
    """Import every good record; raise MalformedFile before touching anything if the file is bad."""
    records = read_records(text)
    index = NewsIndexPage.objects.first()
    if index is None:
        raise MalformedFile("فهرست اخبار (NewsIndexPage) در سایت نیست؛ نخست migrate را اجرا کنید.")
    report = ImportReport()
    with transaction.atomic():
        for position, record in enumerate(records, start=1):
            code = record.get("news_code") if isinstance(record, dict) else None
            try:
                data = parse_record(record)
                with transaction.atomic():
                    created = import_record(index, data)
            except RejectedRecord as error:
                report.rejected.append((position, code, str(error)))
                continue
            except ValidationError as error:
                reasons = "؛ ".join(
                    f"{key}: {' '.join(messages)}" for key, messages in error.message_dict.items()
                )
                report.rejected.append((position, code, reasons))
                continue
            (report.created if created else report.updated).append(data["news_code"])
        imported = report.created + report.updated
        if imported:
            # Articles written after the import get codes above the old portal's.
            allocate_news_code(at_least=max(imported))
    return report
