"""An attacker's afternoon: hostile input at every door the portal opens, public and admin.

For each input: no 5xx, the status a well-run site gives, nothing stored, and no reader's comment
(name or text) in the answer unless the user may moderate. The comment under attack is one
waiting for moderation whose text holds personal and crisis details, as real ones do.
"""

import json
from urllib.parse import quote, urlencode, urlsplit

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from news.models import Comment, CrisisPhrase
from tests.factories import comments as factories
from tests.factories import news as news_factories

SECRET_NAME = "نگار محرمانه‌زاده"
SECRET_BODY = "شمارهٔ من ۰۹۱۶۰۰۰۱۱۲۲ است؛ دیگر نمی‌خواهم زنده بمانم"
SECRET_PHRASE = "نمی‌خواهم زنده بمانم"
ROLES = ["anonymous", "reporter", "editor", "service manager", "moderator"]
GROUP_OF_ROLE = {
    "reporter": "خبرنگار",
    "editor": "دبیر",
    "service manager": "مدیر خدمات",
    "moderator": "ناظر نظرات",
}


@pytest.fixture
def news_index(home_page):
    return news_factories.news_index(home_page)


@pytest.fixture
def article(news_index):
    return news_factories.article(news_index, title="افتتاح مرکز مشاوره در اهواز")


@pytest.fixture
def secret_comment(article):
    """Pending, so never public; only moderators may ever read it."""
    CrisisPhrase.objects.create(phrase=SECRET_PHRASE)
    return factories.comment(
        article, status=Comment.Status.PENDING, name=SECRET_NAME, body=SECRET_BODY, priority=True
    )


@pytest.fixture
def approved_comment(article):
    return factories.comment(article, body="نظر منتشرشده‌ای برای پاسخ")


def browser(**extra):
    return Client(HTTP_HOST="testserver", **extra)


def user_client(django_user_model, role):
    client = browser()
    if role == "anonymous":
        return client
    user = django_user_model.objects.create_user(role.replace(" ", "-"), password="pw")
    user.groups.add(Group.objects.get(name=GROUP_OF_ROLE[role]))
    client.force_login(user)
    return client


def written_as(secret):
    """The ways a page, a JSON answer or an address could carry the secret."""
    return [secret, json.dumps(secret)[1:-1], quote(secret)]


def assert_safe(response, comments_before, expected_status, may_read_comments=False, typed=""):
    """No 5xx, the expected status, nothing stored, no comment's name or text in the answer
    (``typed`` is what the request itself sent, which a page may show back to its sender)."""
    assert response.status_code < 500
    assert response.status_code in expected_status, response.status_code
    assert Comment.objects.count() == comments_before
    if not may_read_comments:
        text = response.content.decode(errors="replace")
        for secret in (SECRET_NAME, SECRET_BODY, "۰۹۱۶۰۰۰۱۱۲۲"):
            if secret in typed:
                continue
            for form in written_as(secret):
                assert form not in text, f"{secret} leaked"


def post_comment(client, article, data, **extra):
    return client.post(factories.post_url(article), data, **extra)


# --- The comment form, field by field -----------------------------------------------------

HOSTILE_FIELDS = [
    ("name", ""),
    ("name", "ن" * 81),
    ("name", "<b>مدیر</b>"),
    ("name", "\u202eمدیر سایت"),
    ("name", "\u200b\u200c\u200d\ufeff"),
    ("name", "نام\x00"),
    ("name", "   "),
    ("name", "نام\ufffd"),
    ("body", ""),
    ("body", "ب" * 2001),
    ("body", "<script>alert(1)</script>"),
    ("body", '<img src=x onerror="alert(1)">'),
    ("body", "<a href='javascript:alert(1)'>اینجا</a>"),
    ("body", "\u2066متن\u2069"),
    ("body", "\u200c\u200c\u200c"),
    ("body", "متن\x00پنهان"),
    ("body", "\ufffd\ufffd"),
    ("body", "<!-- -->"),
    ("email", "not-an-email"),
    ("email", "a@b.ir\r\nBcc: victim@example.com"),
    ("email", "a" * 250 + "@b.ir"),
    ("email", "<script>@x.ir"),
    ("website", "http://spam.example/"),
]


@pytest.mark.parametrize("field,value", HOSTILE_FIELDS)
def test_hostile_comment_field_is_refused_and_nothing_is_stored(
    client, article, secret_comment, field, value
):
    before = Comment.objects.count()
    data = factories.filled_form(client, article, **{field: value})
    response = post_comment(client, article, data)
    assert_safe(response, before, {200})
    assert "form" in response.content.decode()  # the form again, with what was typed


# --- The arithmetic question ----------------------------------------------------------------

HOSTILE_CAPTCHA = [
    {"captcha_0": ""},
    {"captcha_1": ""},
    {"captcha_0": "not-hex"},
    {"captcha_0": "g" * 40},
    {"captcha_0": "0" * 40},
    {"captcha_0": "' OR 1=1 --"},
    {"captcha_0": "a" * 5000},
    {"captcha_1": "۱" * 5000},
    {"captcha_1": "پانزده"},
    {"captcha_1": "1e1"},
    {"captcha_1": "-0"},
    {"captcha_1": "\x00"},
    {"started": ""},
    {"started": "eyJ0IjoxfQ:forged:signature"},
]


@pytest.mark.parametrize("change", HOSTILE_CAPTCHA, ids=lambda change: repr(change)[:40])
def test_hostile_captcha_input_is_refused_and_nothing_is_stored(
    client, article, secret_comment, change
):
    before = Comment.objects.count()
    data = factories.filled_form(client, article)
    wrong = str(int(data["captcha_1"]) + 1)
    data.update(change)
    if "captcha_1" not in change and "started" not in change:
        data["captcha_1"] = wrong  # an unknown key with the right sum would prove nothing
    assert_safe(post_comment(client, article, data), before, {200})


def test_a_second_question_key_smuggled_into_one_body_is_refused(client, article, secret_comment):
    before = Comment.objects.count()
    data = factories.filled_form(client, article)
    other = factories.filled_form(client, article)
    body = urlencode(data) + "&" + urlencode({"captcha_0": other["captcha_0"]})
    response = client.post(
        factories.post_url(article), body, content_type="application/x-www-form-urlencoded"
    )
    assert_safe(response, before, {200})


# --- Replies: the parent ------------------------------------------------------------------

HOSTILE_PARENTS = ["abc", "-1", "0", "1.5", "0x10", "99999999999999999999", "١٢٣", " ", "1 OR 1=1"]


@pytest.mark.parametrize("parent", HOSTILE_PARENTS)
def test_hostile_parent_is_refused_when_posting(client, article, secret_comment, parent):
    before = Comment.objects.count()
    data = factories.filled_form(client, article, parent=parent)
    response = post_comment(client, article, data)
    if parent == " ":  # blank: a top-level comment, which is fine
        assert_safe(response, before + 1, {200})
    else:
        assert_safe(response, before, {200})


@pytest.mark.parametrize("parent", [*HOSTILE_PARENTS[:-2], "pending", "other article"])
def test_hostile_parent_in_the_form_address_is_not_found(
    client, article, news_index, secret_comment, parent
):
    if parent == "pending":
        parent = str(secret_comment.pk)
    elif parent == "other article":
        other = news_factories.article(news_index)
        parent = str(factories.comment(other).pk)
    before = Comment.objects.count()
    response = client.get(f"/news/{article.news_code}/comments/form/", {"parent": parent})
    assert_safe(response, before, {404})


def test_reply_to_a_comment_waiting_for_moderation_is_refused(client, article, secret_comment):
    before = Comment.objects.count()
    data = factories.filled_form(client, article, parent=str(secret_comment.pk))
    assert_safe(post_comment(client, article, data), before, {200})


# --- Methods ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "TRACE"])
@pytest.mark.parametrize("address", ["comment page", "form", "status", "refresh"])
def test_other_methods_are_refused(client, article, secret_comment, method, address):
    path = {
        "comment page": factories.post_url(article),
        "form": f"/news/{article.news_code}/comments/form/",
        "status": "/news/comments/status/",
        "refresh": "/captcha/refresh/",
    }[address]
    before = Comment.objects.count()
    assert_safe(client.generic(method, path), before, {405})


# --- Character sets and hosts -------------------------------------------------------------


@pytest.mark.parametrize("charset", ["iso-8859-1", "utf-16", "shift_jis", "no-such-charset"])
@pytest.mark.parametrize(
    "address", ["/", "/admin/login/", "comment page", "/news/comments/status/"]
)
def test_form_posted_in_another_charset_answers_400(article, secret_comment, charset, address):
    strict = browser(enforce_csrf_checks=True)
    strict.cookies["csrftoken"] = "a" * 32
    path = factories.post_url(article) if address == "comment page" else address
    before = Comment.objects.count()
    response = strict.generic(
        "POST",
        path,
        b"name=%E9t%E9&body=x",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert_safe(response, before, {400})
    assert "UTF-8" in response.content.decode()


@pytest.mark.parametrize("raw", [b"\xff\xfe\xc3(abc", b"\xd8\xb3", b"\x80", b"caf\xe9"])
def test_raw_bytes_in_a_comment_body_answer_400(client, article, secret_comment, raw):
    fields = factories.filled_form(client, article)
    fields.pop("body")
    before = Comment.objects.count()
    response = client.post(
        factories.post_url(article),
        urlencode(fields).encode() + b"&body=" + raw,
        content_type="application/x-www-form-urlencoded",
    )
    assert_safe(response, before, {400})


@pytest.mark.parametrize("path", ["/", "/news/", "/admin/login/", "/api/v2/news/", "/search/"])
def test_request_without_a_host_header_answers_400(db, secret_comment, path):
    hostless = Client()  # Django's test client, like a raw HTTP/1.0 request, sends no Host
    before = Comment.objects.count()
    assert_safe(hostless.get(path), before, {400})


# --- The tracking-code status page ---------------------------------------------------------

HOSTILE_CODES = [
    "abc",
    "' OR 1=1 --",
    "٠١٢٣٤٥٦٧٨٩",
    "1" * 5000,
    "\x00",
    "12345%",
    "*",
    "<script>alert(1)</script>",
    "-1",
]


@pytest.mark.parametrize("code", HOSTILE_CODES)
def test_hostile_tracking_code_finds_nothing(client, secret_comment, code):
    before = Comment.objects.count()
    assert_safe(client.get("/news/comments/status/", {"code": code}), before, {404, 200})


def test_real_tracking_code_tells_the_status_and_nothing_else(client, secret_comment):
    response = client.get("/news/comments/status/", {"code": secret_comment.tracking_code})
    assert_safe(response, Comment.objects.count(), {200})
    assert "در انتظار" in response.content.decode()


# --- Search filters ------------------------------------------------------------------------

HOSTILE_SEARCHES = [
    {"q": '"'},
    {"q": "\x00"},
    {"q": "بهزیستی " * 300},
    {"q": "AND OR NOT"},
    {"q": "*"},
    {"q": "\\"},
    {"q": "<script>alert(1)</script>"},
    {"q": "a:b (c) [d] {e} ~f ^g"},
    {"q": SECRET_NAME},
    {"q": SECRET_BODY},
    {"section": "abc"},
    {"section": "99999999999999999999"},
    {"tag": "\x00"},
    {"tag": "ت" * 1000},
    {"from": "۱۴۰۵/۱۳/۴۰"},
    {"from": "abc", "to": "99999/1/1"},
    {"to": "-1/-1/-1"},
    {"sort": "drop table"},
    {"page": "-1"},
    {"page": "99999999999999999999"},
    {"page": "abc"},
]


@pytest.mark.parametrize("params", HOSTILE_SEARCHES, ids=lambda params: repr(params)[:40])
def test_hostile_search_never_fails_and_never_finds_a_comment(
    client, article, secret_comment, params
):
    before = Comment.objects.count()
    typed = " ".join(params.values())
    assert_safe(client.get("/search/", params), before, {200}, typed=typed)


# --- The read-only API: every parameter of every endpoint ---------------------------------
# (tests/portal/test_api_parameters.py checks the messages for numbers out of range.)

API_PARAMETERS = {
    "news": [
        "offset",
        "limit",
        "order",
        "fields",
        "search",
        "search_operator",
        "tags",
        "section",
        "news_code",
        "id",
        "child_of",
        "descendant_of",
        "type",
    ],
    "tags": ["offset", "limit", "order", "fields", "id"],
    "eservices": ["offset", "limit", "order", "fields", "search", "popular", "id"],
    "hotlines": ["offset", "limit", "order", "fields", "id"],
}
API_VALUES = ["99999999999999999999", "-1", "abc", "\x00", '"', "comments", "tags,-id"]
API_CASES = [
    (endpoint, parameter, value)
    for endpoint, parameters in API_PARAMETERS.items()
    for parameter in parameters
    for value in API_VALUES
]


@pytest.mark.parametrize(("endpoint", "parameter", "value"), API_CASES)
def test_hostile_api_parameter_never_fails_and_never_shows_a_comment(
    client, article, approved_comment, secret_comment, endpoint, parameter, value
):
    before = Comment.objects.count()
    response = client.get(f"/api/v2/{endpoint}/", {parameter: value})
    assert_safe(response, before, {200, 400}, typed=value)
    text = response.content.decode()
    assert "نظر منتشرشده‌ای برای پاسخ" not in text  # even approved comments are not in the API


@pytest.mark.parametrize("endpoint", list(API_PARAMETERS))
@pytest.mark.parametrize("item", ["99999999999999999999", "0", "abc", "-1"])
def test_hostile_api_item_address_is_not_found(client, secret_comment, endpoint, item):
    before = Comment.objects.count()
    assert_safe(client.get(f"/api/v2/{endpoint}/{item}/"), before, {400, 404})


def test_api_refuses_ordering_by_tags_instead_of_repeating_articles(client, news_index):
    news_factories.article(news_index, tags=["کودکان", "سالمندان", "اشتغال"])
    response = client.get("/api/v2/news/", {"order": "tags"})
    assert response.status_code == 400


# --- Every admin address of comments and crisis phrases, as each role ---------------------


def admin_addresses(comment, phrase):
    choose = "wagtailsnippetchoosers_news_comment"
    phrase_choose = "wagtailsnippetchoosers_news_crisisphrase"
    bulk = "wagtail_bulk_action"
    return {
        "comment list": reverse("wagtailsnippets_news_comment:list"),
        "comment list results": reverse("wagtailsnippets_news_comment:list_results") + "?q=محرمانه",
        "comment inspect": reverse("wagtailsnippets_news_comment:inspect", args=[comment.pk]),
        "comment edit": reverse("wagtailsnippets_news_comment:edit", args=[comment.pk]),
        "comment history": reverse("wagtailsnippets_news_comment:history", args=[comment.pk]),
        "comment usage": reverse("wagtailsnippets_news_comment:usage", args=[comment.pk]),
        "comment reply": reverse("wagtailsnippets_news_comment:reply", args=[comment.pk]),
        "comment chooser": reverse(f"{choose}:choose"),
        "comment chooser results": reverse(f"{choose}:choose_results") + "?q=نگار",
        "comment chosen": reverse(f"{choose}:chosen", args=[comment.pk]),
        "comment chosen (bad id)": reverse(f"{choose}:chosen", args=["abc"]),
        "comment chosen multiple": reverse(f"{choose}:chosen_multiple") + f"?id={comment.pk}",
        "bulk approve": reverse(bulk, args=["news", "comment", "approve"]) + f"?id={comment.pk}",
        "bulk reject": reverse(bulk, args=["news", "comment", "reject"]) + f"?id={comment.pk}",
        "bulk spam": reverse(bulk, args=["news", "comment", "spam"]) + f"?id={comment.pk}",
        "bulk delete": reverse(bulk, args=["news", "comment", "delete"]) + f"?id={comment.pk}",
        "bulk delete all": reverse(bulk, args=["news", "comment", "delete"]) + "?id=all",
        "bulk approve ?id=abc": reverse(bulk, args=["news", "comment", "approve"]) + "?id=abc",
        "bulk reject ?id=1,2": reverse(bulk, args=["news", "comment", "reject"]) + "?id=1,2",
        "phrase list": reverse("wagtailsnippets_news_crisisphrase:list"),
        "phrase edit": reverse("wagtailsnippets_news_crisisphrase:edit", args=[phrase.pk]),
        "phrase chooser": reverse(f"{phrase_choose}:choose"),
        "phrase chooser results": reverse(f"{phrase_choose}:choose_results") + "?q=زنده",
        "phrase chosen": reverse(f"{phrase_choose}:chosen", args=[phrase.pk]),
        "phrase bulk delete": reverse(bulk, args=["news", "crisisphrase", "delete"])
        + f"?id={phrase.pk}",
    }


ADMIN_ADDRESS_NAMES = [
    "comment list",
    "comment list results",
    "comment inspect",
    "comment edit",
    "comment history",
    "comment usage",
    "comment reply",
    "comment chooser",
    "comment chooser results",
    "comment chosen",
    "comment chosen (bad id)",
    "comment chosen multiple",
    "bulk approve",
    "bulk reject",
    "bulk spam",
    "bulk delete",
    "bulk delete all",
    "bulk approve ?id=abc",
    "bulk reject ?id=1,2",
    "phrase list",
    "phrase edit",
    "phrase chooser",
    "phrase chooser results",
    "phrase chosen",
    "phrase bulk delete",
]
BAD_IDS = {"bulk approve ?id=abc", "bulk reject ?id=1,2"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ADMIN_ADDRESS_NAMES)
def test_admin_addresses_of_comments_open_to_moderators_only(
    django_user_model, secret_comment, role, name
):
    phrase = CrisisPhrase.objects.get(phrase=SECRET_PHRASE)
    path = admin_addresses(secret_comment, phrase)[name]
    client = user_client(django_user_model, role)
    before = Comment.objects.count()
    status_before = Comment.objects.get(pk=secret_comment.pk).status

    for headers in ({}, {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}):
        response = client.get(path, **headers)
        if role == "moderator":
            expected = {400} if name in BAD_IDS else {200, 302, 404}
            assert_safe(response, before, expected, may_read_comments=True)
        else:
            # Anonymous: to the login page; staff without the permission: to the dashboard
            # (or 403 for a script), never a row.
            assert_safe(response, before, {302, 403})
            if response.status_code == 302:
                target = urlsplit(response["Location"]).path
                assert "/snippets/" not in target and "/bulk/" not in target
        # Opening a confirmation page changes nothing.
        assert Comment.objects.get(pk=secret_comment.pk).status == status_before
    assert CrisisPhrase.objects.filter(phrase=SECRET_PHRASE).exists()


@pytest.mark.parametrize("role", ["reporter", "editor", "service manager"])
@pytest.mark.parametrize("action", ["approve", "reject", "spam", "delete"])
def test_staff_without_the_permission_cannot_act_on_a_comment_by_posting(
    django_user_model, secret_comment, role, action
):
    client = user_client(django_user_model, role)
    url = reverse("wagtail_bulk_action", args=["news", "comment", action])
    before = Comment.objects.count()
    response = client.post(f"{url}?id={secret_comment.pk}")
    assert_safe(response, before, {302, 403})
    assert Comment.objects.get(pk=secret_comment.pk).status == Comment.Status.PENDING


def test_moderator_sees_the_comment_where_others_are_refused(django_user_model, secret_comment):
    """The other side of the leak tests: the same address shows the comment to a moderator."""
    moderator = user_client(django_user_model, "moderator")
    url = reverse("wagtailsnippetchoosers_news_comment:chosen", args=[secret_comment.pk])
    assert json.loads(moderator.get(url).content)["result"]["string"].startswith(SECRET_NAME)
