"""Readers post comments and replies; bad input gets a Persian error or a 4xx and stores nothing."""

import time
from urllib.parse import urlencode

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from news.comments import abuse
from news.models import Comment
from portal.text import persian_digits
from tests.factories import comments as factories
from tests.factories import news as news_factories


@pytest.fixture
def article(news_index):
    return news_factories.article(news_index, title="افتتاح مرکز مشاوره در اهواز")


def post(client, article, data, **headers):
    return client.post(factories.post_url(article), data, **headers)


def assert_refused(response, message, status=200):
    assert response.status_code == status
    assert message in response.content.decode()
    assert Comment.objects.count() == 0


def test_reader_posts_a_comment_and_gets_a_tracking_code(client, article):
    response = post(client, article, factories.filled_form(client, article, email="a@b.ir"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "نظر شما پس از تأیید منتشر می‌شود" in html
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.article == article
    assert comment.email == "a@b.ir"
    assert len(comment.tracking_code) == 10 and comment.tracking_code.isdigit()
    shown_code = persian_digits(comment.tracking_code)
    assert f'کد پیگیری: <strong class="tracking-code" dir="ltr">{shown_code}' in html


def test_comment_stores_a_salted_address_hash_and_a_short_user_agent(client, article):
    data = factories.filled_form(client, article)
    post(client, article, data, REMOTE_ADDR="5.160.1.2", HTTP_USER_AGENT="Mozilla/5.0 " * 100)

    comment = Comment.objects.get()
    assert "5.160.1.2" not in comment.ip_hash
    assert comment.ip_hash == abuse.address_hash("5.160.1.2")
    assert len(comment.ip_hash) == 64
    assert len(comment.user_agent) == 200


def test_pending_comment_is_not_shown_until_approved(client, article):
    post(client, article, factories.filled_form(client, article, body="نظری برای بررسی"))
    assert "نظری برای بررسی" not in client.get(article.url).content.decode()

    Comment.objects.update(status=Comment.Status.APPROVED)
    assert "نظری برای بررسی" in client.get(article.url).content.decode()


def test_text_is_stored_in_persian_spelling_without_invisible_marks(client, article):
    data = factories.filled_form(
        client, article, name="علي\u200b", body="\ufeffكتاب\u200cها را مي\u200cخوانم\u200b"
    )
    post(client, article, data)

    comment = Comment.objects.get()
    assert comment.name == "علی"
    assert comment.body == "کتاب\u200cها را می\u200cخوانم"  # ZWNJ kept, ZWSP and BOM gone


def test_reader_replies_to_an_approved_comment(client, article):
    parent = factories.comment(article, body="آیا این مرکز روزهای جمعه باز است؟")
    form_html = client.get(
        f"/news/{article.news_code}/comments/form/?parent={parent.pk}"
    ).content.decode()
    assert "شما در حال پاسخ به نظر «" in form_html
    assert "آیا این مرکز روزهای جمعه باز است؟" in form_html
    assert "انصراف از پاسخ" in form_html

    response = post(client, article, factories.filled_form(client, article, reply_to=parent))

    assert response.status_code == 200
    reply = Comment.objects.exclude(pk=parent.pk).get()
    assert reply.parent == parent
    assert reply.depth == 2


def test_comment_page_works_without_javascript(client, article):
    html = client.get(article.url).content.decode()
    assert f'href="/news/{article.news_code}/comments/"' in html

    page = client.get(f"/news/{article.news_code}/comments/")
    assert page.status_code == 200
    page_html = page.content.decode()
    assert "<h1>نظر دربارهٔ «افتتاح مرکز مشاوره در اهواز»</h1>" in page_html
    assert 'name="captcha_1"' in page_html
    assert "no-store" in page["Cache-Control"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "نام خود را بنویسید."),
        ("name", "   ", "نام خود را بنویسید."),
        ("name", "\u200b\ufeff", "نام خود را بنویسید."),
        ("body", "", "متن نظر را بنویسید."),
        ("name", "ن" * 81, "نام حداکثر ۸۰ نویسه است."),
        ("body", "م" * 2001, "متن نظر حداکثر ۲٬۰۰۰ نویسه است."),
        ("email", "not-an-email", "نشانی رایانامه درست نیست"),
        ("body", "<script>alert(1)</script>", "کد HTML یا اسکریپت پذیرفته نیست"),
        ("body", 'سلام <img src=x onerror="alert(1)">', "کد HTML یا اسکریپت پذیرفته نیست"),
        ("name", "<b>مدیر</b>", "کد HTML یا اسکریپت پذیرفته نیست"),
        ("body", "سلام \u202eدرود", "نویسه‌های پنهانِ تغییر جهت متن پذیرفته نیست"),
        ("name", "\u202dعلی", "نویسه‌های پنهانِ تغییر جهت متن پذیرفته نیست"),
        ("body", "سلام\u2067درود", "نویسه‌های پنهانِ تغییر جهت متن پذیرفته نیست"),
        ("body", "سلام\x00درود", "کاراکترهای تهی مجاز نیستند."),
        ("name", "\x00", "کاراکترهای تهی مجاز نیستند."),
    ],
)
def test_bad_field_is_refused_with_a_persian_error_and_nothing_is_stored(
    client, article, field, value, message
):
    data = factories.filled_form(client, article, **{field: value})
    response = post(client, article, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="{field}-error"' in html
    assert f'aria-describedby="{field}-error"' in html
    assert 'aria-invalid="true"' in html
    assert message in html
    assert Comment.objects.count() == 0


def post_body_bytes(client, article, body):
    """A filled form whose comment text is sent as these exact bytes."""
    fields = factories.filled_form(client, article)
    fields.pop("body")
    raw = urlencode(fields).encode() + b"&body=" + body
    return client.post(
        factories.post_url(article), raw, content_type="application/x-www-form-urlencoded"
    )


def test_invalid_utf8_is_refused_and_nothing_is_stored(client, article):
    response = post_body_bytes(client, article, b"%D8%B3%D9%84%FF%FE%D8%A7%D9%85")

    assert_refused(response, "متن نویسه‌های نامعتبر دارد")


def test_wrong_answer_keeps_what_was_typed_and_asks_a_new_question(client, article):
    data = factories.filled_form(client, article, name="زهرا", body="متن طولانی من")
    old_key = data["captcha_0"]
    data["captcha_1"] = str(int(data["captcha_1"]) + 1)

    html = post(client, article, data).content.decode()

    assert "پاسخ پرسش درست نبود" in html
    assert 'id="captcha-error"' in html
    assert 'aria-describedby="captcha-error id_captcha-hint"' in html
    assert 'value="زهرا"' in html
    assert "متن طولانی من</textarea>" in html
    assert factories.captcha_key_in(html) != old_key
    assert factories.question_in(html).startswith("حاصل ")
    assert Comment.objects.count() == 0


def test_form_with_errors_lists_them_and_links_each_to_its_field(client, article):
    data = factories.filled_form(client, article, name="", body="")
    html = post(client, article, data).content.decode()
    assert 'role="alert"' in html
    assert '<a href="#id_name">نام: نام خود را بنویسید.</a>' in html
    assert '<a href="#id_body">متن نظر: متن نظر را بنویسید.</a>' in html


def test_missing_captcha_answer_is_refused(client, article):
    data = factories.filled_form(client, article, captcha_1="")
    assert_refused(post(client, article, data), "پاسخ پرسش را با عدد بنویسید.")


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("x' OR 1=1 --", "پاسخ پرسش درست نبود"),
        ("0" * 40, "پاسخ پرسش درست نبود"),
        ("a" * 5000, "پاسخ پرسش درست نبود"),
        ("abc\x00def", "کاراکترهای تهی مجاز نیستند."),
    ],
)
def test_forged_captcha_key_is_refused(client, article, key, message):
    data = factories.filled_form(client, article, captcha_0=key)
    assert_refused(post(client, article, data), message)


def test_filled_honeypot_is_refused(client, article):
    data = factories.filled_form(client, article, website="http://spam.example/")
    assert_refused(post(client, article, data), "ارسال پذیرفته نشد")


def test_form_sent_back_too_fast_is_refused(client, article):
    data = factories.filled_form(client, article)
    data["started"] = abuse.started_token(data["captcha_0"])  # shown just now
    assert_refused(post(client, article, data), "فرم خیلی زود فرستاده شد")


def test_start_time_saved_from_an_older_form_cannot_skip_the_wait(client, article):
    older = factories.filled_form(client, article)  # opened a minute ago, never sent
    newer = factories.filled_form(client, article)
    newer["started"] = older["started"]  # a robot replays the old token with a fresh question

    assert_refused(post(client, article, newer), "فرم کهنه شده است")


def test_form_shows_its_start_time_signed_with_its_own_question(client, article):
    html = client.get(f"/news/{article.news_code}/comments/form/").content.decode()
    key = factories.captcha_key_in(html)
    token = html.split('name="started" value="')[1].split('"')[0]

    moment, signed_key = abuse.read_started_token(token)
    assert signed_key == key
    assert abs(time.time() - moment) < 60


@pytest.mark.parametrize("field", ["name", "body"])
@pytest.mark.parametrize(
    "invisible", ["\u200b\u200c\u200d\ufeff", "\u200c\u200c", " \u200d \u00a0", "\u2060\u200e"]
)
def test_name_or_text_made_only_of_invisible_characters_is_refused(
    client, article, field, invisible
):
    data = factories.filled_form(client, article, **{field: invisible})
    message = "نام خود را بنویسید" if field == "name" else "متن نظر را بنویسید"
    assert_refused(post(client, article, data), message)


def test_raw_bytes_that_are_not_utf8_are_refused_with_400_and_nothing_is_stored(client, article):
    response = post_body_bytes(client, article, b"\xff\xfe\xc3(abc")

    assert_refused(response, "نویسه‌های نامعتبر", status=400)


@pytest.mark.parametrize("started", ["", "123", "forged:token"])
def test_missing_or_forged_start_time_is_refused(client, article, started):
    data = factories.filled_form(client, article, started=started)
    assert_refused(post(client, article, data), "فرم کهنه شده است")


def test_missing_csrf_token_is_refused(article):
    browser = Client(HTTP_HOST="testserver", enforce_csrf_checks=True)
    data = factories.filled_form(browser, article)
    response = browser.post(factories.post_url(article), data)
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_form_from_the_fragment_carries_a_working_csrf_token(article):
    browser = Client(HTTP_HOST="testserver", enforce_csrf_checks=True)
    data = factories.filled_form(browser, article)
    html = browser.get(f"/news/{article.news_code}/comments/form/").content.decode()
    data["csrfmiddlewaretoken"] = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = browser.post(factories.post_url(article), data)
    assert response.status_code == 200
    assert Comment.objects.count() == 1


def test_flood_from_one_address_is_stopped(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = (2, 600)
    for _ in range(2):
        post(client, article, factories.filled_form(client, article), REMOTE_ADDR="5.1.1.1")
    assert Comment.objects.count() == 2

    response = post(client, article, factories.filled_form(client, article), REMOTE_ADDR="5.1.1.1")
    assert response.status_code == 429
    assert "کمی بعد دوباره بفرستید" in response.content.decode()
    assert Comment.objects.count() == 2

    other = post(client, article, factories.filled_form(client, article), REMOTE_ADDR="5.1.1.2")
    assert other.status_code == 200
    assert Comment.objects.count() == 3


@pytest.mark.parametrize("parent", ["abc", "-1", "99999999999999999999999", "1.5", "۰x1"])
def test_bad_parent_ids_are_refused(client, article, parent):
    data = factories.filled_form(client, article, parent=parent)
    response = post(client, article, data)
    assert_refused(response, "نظری که می‌خواهید به آن پاسخ دهید پیدا نشد")


def test_reply_to_an_unapproved_or_missing_comment_is_refused(client, article):
    pending = factories.comment(article, status=Comment.Status.PENDING)
    data = factories.filled_form(client, article, parent=str(pending.pk))
    html = post(client, article, data).content.decode()
    assert "نظری که می‌خواهید به آن پاسخ دهید پیدا نشد" in html

    data = factories.filled_form(client, article, parent=str(pending.pk + 1000))
    html = post(client, article, data).content.decode()
    assert "نظری که می‌خواهید به آن پاسخ دهید پیدا نشد" in html
    assert Comment.objects.count() == 1


def test_reply_to_a_comment_of_another_article_is_refused(client, article, news_index):
    other = news_factories.article(news_index)
    foreign = factories.comment(other)
    data = factories.filled_form(client, article, parent=str(foreign.pk))
    html = post(client, article, data).content.decode()
    assert "نظری که می‌خواهید به آن پاسخ دهید پیدا نشد" in html
    assert Comment.objects.count() == 1


def test_replies_nest_at_most_three_levels(client, article):
    first = factories.comment(article)
    second = factories.comment(article, parent=first)
    third = factories.comment(article, parent=second)
    assert third.depth == 3

    data = factories.filled_form(client, article, parent=str(third.pk))
    html = post(client, article, data).content.decode()
    assert "حداکثر سه سطح" in html
    assert Comment.objects.count() == 3

    fragment = client.get(f"/news/{article.news_code}/comments/form/?parent={third.pk}")
    assert fragment.status_code == 404
    assert "حداکثر سه سطح" in fragment.content.decode()


def test_posting_to_a_missing_article_is_404(client, article):
    data = factories.filled_form(client, article)
    response = client.post("/news/999999/comments/", data)
    assert response.status_code == 404
    assert Comment.objects.count() == 0


def test_posting_to_an_unpublished_article_is_404(client, article, news_index):
    draft = news_factories.article(news_index)
    draft.unpublish()
    data = factories.filled_form(client, article)
    assert client.get(f"/news/{draft.news_code}/comments/").status_code == 404
    response = client.post(f"/news/{draft.news_code}/comments/", data)
    assert response.status_code == 404
    assert Comment.objects.count() == 0


def test_posting_to_an_article_with_closed_comments_is_refused(client, article):
    data = factories.filled_form(client, article)
    article.comments_open = False
    article.save_revision().publish()

    response = post(client, article, data)
    assert_refused(response, "نظرها برای این خبر بسته است", status=403)
    article_html = client.get(article.url).content.decode()
    assert "نظرها برای این خبر بسته است" in article_html
    assert f'href="/news/{article.news_code}/comments/"' not in article_html


def test_moderators_are_emailed_about_a_new_comment(
    client, article, django_user_model, django_capture_on_commit_callbacks
):
    moderator = django_user_model.objects.create_user("naser", "naser@example.ir", "x")
    moderator.groups.add(Group.objects.get(name="ناظر نظرات"))
    django_user_model.objects.create_user("editor", "editor@example.ir", "x")

    data = factories.filled_form(client, article, body="پرسشی دربارهٔ یارانه")
    with django_capture_on_commit_callbacks(execute=True):
        post(client, article, data)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["naser@example.ir"]
    assert "افتتاح مرکز مشاوره در اهواز" in mail.outbox[0].subject
    assert "پرسشی دربارهٔ یارانه" in mail.outbox[0].body


def test_behind_a_proxy_the_configured_header_gives_the_readers_address(client, article, settings):
    settings.CLIENT_ADDRESS_HEADER = "HTTP_X_REAL_IP"
    data = factories.filled_form(client, article)
    post(client, article, data, REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="5.160.9.9")

    assert Comment.objects.get().ip_hash == abuse.address_hash("5.160.9.9")
