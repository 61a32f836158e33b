"""What readers see: the approved thread under the article, the status page, the crisis lines."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from news import fragments
from news.models import Comment, CrisisPhrase
from portal.text import persian_digits
from tests.factories import comments as factories
from tests.factories import news as news_factories


@pytest.fixture
def article(news_index):
    return news_factories.article(news_index)


def comments_section(html):
    start = html.index('<section class="comments"')
    return html[start : html.index("</section>", html.index("data-comments-status"))]


def test_article_html_has_no_csrf_token_and_no_captcha(client, article):
    factories.comment(article)
    html = client.get(article.url).content.decode()

    assert "csrfmiddlewaretoken" not in html
    assert "captcha" not in html
    assert f'data-form-url="/news/{article.news_code}/comments/form/"' in html
    assert "csrftoken" not in client.get(article.url).cookies


def test_replies_nest_under_their_parent_with_author_and_jalali_date(client, article):
    first = factories.comment(article, name="رضا", body="نظر نخست")
    reply = factories.comment(article, parent=first, name="سارا", body="پاسخ به رضا")
    factories.comment(article, parent=reply, name="نادر", body="پاسخ به سارا")

    section = comments_section(client.get(article.url).content.decode())

    outer = section.index(f'id="comment-{first.pk}"')
    nested = section.index('<ol class="comment-list comment-list--nested">', outer)
    assert outer < nested < section.index(f'id="comment-{reply.pk}"')
    assert section.count('<ol class="comment-list comment-list--nested">') == 2
    assert "<bdi>سارا</bdi>" in section
    assert re.search(
        r'<time datetime="[^"]+">[^<]*[۰-۹]{4}، ساعت [۰-۹]{2}:[۰-۹]{2}</time>', section
    )


def test_article_shows_only_approved_comments_and_their_count(client, article):
    factories.comment(article, body="منتشرشده یک")
    factories.comment(article, body="منتشرشده دو")
    factories.comment(article, body="در انتظار", status=Comment.Status.PENDING)
    factories.comment(article, body="ردشده", status=Comment.Status.REJECTED)
    factories.comment(article, body="هرز", status=Comment.Status.SPAM)

    section = comments_section(client.get(article.url).content.decode())

    assert "منتشرشده یک" in section and "منتشرشده دو" in section
    assert "در انتظار" not in section and "ردشده" not in section and "هرز" not in section
    assert f"({persian_digits(2)} نظر منتشرشده)" in section


def test_reply_to_a_rejected_comment_is_hidden_and_not_counted(client, article):
    parent = factories.comment(article, status=Comment.Status.REJECTED)
    factories.comment(article, parent=parent, body="پاسخ یتیم")

    section = comments_section(client.get(article.url).content.decode())
    assert "پاسخ یتیم" not in section
    assert f"({persian_digits(0)} نظر منتشرشده)" in section


def test_each_comment_has_a_reply_link_except_at_the_deepest_level(client, article):
    first = factories.comment(article)
    second = factories.comment(article, parent=first)
    third = factories.comment(article, parent=second)

    section = comments_section(client.get(article.url).content.decode())

    for comment in (first, second):
        assert (
            f'href="/news/{article.news_code}/comments/?parent={comment.pk}#comment-form"'
            in section
        )
    assert f"?parent={third.pk}" not in section
    assert 'aria-label="پاسخ به نظر خوانندهٔ آزمایشی">پاسخ</a>' in section


def test_user_text_is_escaped_isolated_and_links_are_not_clickable(client, article):
    factories.comment(
        article,
        name='<script>alert("x")</script>',
        body="ببینید https://evil.example/ و <a href='https://x.example'>این</a>",
    )
    section = comments_section(client.get(article.url).content.decode())

    assert "<script>alert" not in section
    assert "&lt;script&gt;" in section
    assert "<a href='https://x.example'>" not in section
    assert 'href="https://evil.example/' not in section
    assert 'class="comment__body" dir="auto"' in section


def test_thread_costs_the_same_queries_for_one_or_twenty_comments(
    client, article, django_assert_num_queries, settings
):
    # The cost of rendering the thread, not of the whole-page cache in front of it.
    settings.PAGE_CACHE_SECONDS = 0
    factories.comment(article)
    client.get(article.url)  # warm the site-wide caches
    # As after a moderator's approval: the approved comments are read again.
    fragments.start_new_pages_generation()
    with CaptureQueriesContext(connection) as one:
        client.get(article.url)

    parent = None
    for number in range(19):
        parent = factories.comment(
            article, parent=parent if number % 3 else None, body=f"نظر {number}"
        )
    with django_assert_num_queries(len(one.captured_queries)):
        html = client.get(article.url).content.decode()
    assert f"({persian_digits(20)} نظر منتشرشده)" in html


def test_status_page_says_pending_published_or_not_published_and_nothing_more(client, article):
    comment = factories.comment(
        article, status=Comment.Status.PENDING, name="پنهان", body="متن خصوصی"
    )
    code = comment.tracking_code
    url = f"/news/comments/status/?code={persian_digits(code)}"

    html = client.get(url).content.decode()
    assert "در انتظار بررسی است" in html
    assert "پنهان" not in html and "متن خصوصی" not in html and article.title not in html

    comment.moderate(Comment.Status.APPROVED, None)
    assert "منتشر شده است" in client.get(url).content.decode()

    for status in (Comment.Status.REJECTED, Comment.Status.SPAM):
        comment.moderate(status, None)
        assert "منتشر نشد" in client.get(url).content.decode()
    assert "no-store" in client.get(url)["Cache-Control"]


@pytest.mark.parametrize("code", ["0000000000", "abc", "<script>", "1" * 500])
def test_status_page_for_an_unknown_code_is_a_clear_404(client, db, code):
    response = client.get("/news/comments/status/", {"code": code})
    assert response.status_code == 404
    html = response.content.decode()
    assert "نظری با این کد پیگیری پیدا نشد" in html
    assert "<script>" not in html


def test_guessing_tracking_codes_from_one_address_is_slowed_down(client, article, settings):
    settings.COMMENTS_STATUS_RATE_LIMIT = (3, 600)
    code = factories.comment(article, status=Comment.Status.PENDING).tracking_code
    for guess in ("1111111111", "2222222222", code):
        client.get("/news/comments/status/", {"code": guess}, REMOTE_ADDR="5.1.1.1")

    refused = client.get("/news/comments/status/", {"code": code}, REMOTE_ADDR="5.1.1.1")
    elsewhere = client.get("/news/comments/status/", {"code": code}, REMOTE_ADDR="5.1.1.2")

    assert refused.status_code == 429
    html = refused.content.decode()
    assert "چند دقیقهٔ دیگر دوباره امتحان کنید" in html
    assert "در انتظار بررسی است" not in html
    assert f'value="{persian_digits(code)}"' in html  # the typed code is kept in the field
    assert "در انتظار بررسی است" in elsewhere.content.decode()
    assert client.get("/news/comments/status/", REMOTE_ADDR="5.1.1.1").status_code == 200


def test_crisis_comment_is_flagged_and_the_commenter_sees_the_help_lines(client, article):
    data = factories.filled_form(
        client, article, body="ديگر تحمل ندارم و به خود\u200cكشي فكر مي\u200cكنم"
    )
    html = client.post(factories.post_url(article), data).content.decode()

    assert Comment.objects.get().priority is True
    assert 'href="tel:123"' in html
    assert 'href="tel:1480"' in html


def test_ordinary_comment_is_not_flagged_and_shows_no_help_lines(client, article):
    data = factories.filled_form(client, article, body="ساعت کار مرکز را اعلام کنید")
    html = client.post(factories.post_url(article), data).content.decode()

    assert Comment.objects.get().priority is False
    assert 'href="tel:1480"' not in html


def test_editors_crisis_phrases_match_any_spelling(db):
    CrisisPhrase.objects.create(phrase="آزار خانگي")
    assert CrisisPhrase.objects.get(phrase="آزار خانگی").folded == "ازار خانگی"
    assert CrisisPhrase.matches("او مرا آزار خانگی می‌دهد")
    assert CrisisPhrase.matches("ازار  خانگي")
    assert not CrisisPhrase.matches("خانهٔ امن")
