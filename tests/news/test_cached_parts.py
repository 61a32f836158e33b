"""{% cached_part %} keeps a rendered part under its key, reads a page's parts together, and
stores nothing when its timeout is 0 (previews)."""

import pytest

from django.template import Context, Template, TemplateSyntaxError

pytestmark = pytest.mark.django_db

PART = '{% load news_tags %}{% cached_part "greeting" key timeout %}{{ text }}{% endcached_part %}'


def render(text, key="k1", timeout=60):
    return Template(PART).render(Context({"text": text, "key": key, "timeout": timeout}))


def test_a_part_is_rendered_once_and_read_back_under_its_key():
    assert render("سلام") == "سلام"
    assert render("درود") == "سلام"  # kept under k1
    assert render("درود", key="k2") == "درود"  # a new generation is a new key


def test_a_part_with_no_timeout_is_rendered_every_time_and_never_kept():
    assert render("پیش‌نویس یک", timeout=0) == "پیش‌نویس یک"
    assert render("پیش‌نویس دو", timeout=0) == "پیش‌نویس دو"
    assert render("منتشرشده") == "منتشرشده"


def test_a_part_without_a_quoted_name_is_a_clear_template_error():
    with pytest.raises(TemplateSyntaxError, match="quoted name"):
        Template("{% load news_tags %}{% cached_part greeting key %}x{% endcached_part %}")
