"""The arithmetic question: readable text, Persian digits, forgiving answers, one use, no cache."""

import datetime
import re
import threading
import time

import pytest
from captcha.models import CaptchaStore

from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from news.comments import abuse, captcha
from news.models import Comment
from portal.text import latin_digits, persian_digits
from tests.factories import comments as factories
from tests.factories import news as news_factories

ONLY_ON_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="real parallel posts need PostgreSQL (SQLite runs one writer at a time); "
    "run with DATABASE_URL=postgres://...",
)


@pytest.fixture
def article(news_index):
    return news_factories.article(news_index)


def form_html(client, article):
    return client.get(f"/news/{article.news_code}/comments/form/").content.decode()


def test_question_is_the_answer_fields_label_in_persian_digits(client, article):
    html = form_html(client, article)

    match = re.search(
        r'<label class="captcha__question" for="id_captcha_1"[^>]*>([^<]*)</label>', html
    )
    assert match, "the answer field has no label with the question"
    assert re.fullmatch(r"حاصل [۱-۹] \+ [۱-۹] چند می‌شود؟", match.group(1))
    assert 'id="id_captcha_1"' in html
    assert 'alt=""' in html  # the image only repeats the text


def test_questions_only_add_so_they_read_the_same_right_to_left():
    for _ in range(300):
        challenge, answer = captcha.addition_challenge()
        assert re.fullmatch(r"[۱-۹] \+ [۱-۹]", challenge)
        assert int(answer) == sum(int(n) for n in re.findall(r"\d", latin_digits(challenge)))


@pytest.mark.parametrize(
    "typed",
    [
        lambda answer: answer,
        lambda answer: persian_digits(answer),
        lambda answer: answer.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
        lambda answer: f"  {' '.join(persian_digits(answer))}  ",
        lambda answer: f"\u200f{persian_digits(answer)}\u200c\u200b",
    ],
    ids=["latin", "persian", "arabic-indic", "spaced", "invisible-marks"],
)
def test_answer_is_accepted_in_any_digits_with_spaces_and_marks(client, article, typed):
    data = factories.filled_form(client, article)
    data["captcha_1"] = typed(data["captcha_1"])

    response = client.post(factories.post_url(article), data)

    assert "نظر شما پس از تأیید منتشر می‌شود" in response.content.decode()
    assert Comment.objects.count() == 1


def test_reader_can_solve_from_the_stored_question(client, article):
    data = factories.filled_form(client, article, captcha_1="")
    store = CaptchaStore.objects.get(hashkey=data["captcha_0"])
    data["captcha_1"] = persian_digits(store.response)

    client.post(factories.post_url(article), data)

    assert Comment.objects.count() == 1


def test_questions_stay_valid_for_at_least_twenty_minutes(client, article):
    key = factories.captcha_key_in(form_html(client, article))
    store = CaptchaStore.objects.get(hashkey=key)
    assert store.expiration - timezone.now() >= datetime.timedelta(minutes=20)


def test_expired_question_is_refused_and_nothing_is_stored(client, article):
    data = factories.filled_form(client, article)
    CaptchaStore.objects.filter(hashkey=data["captcha_0"]).update(
        expiration=timezone.now() - datetime.timedelta(seconds=1)
    )

    html = client.post(factories.post_url(article), data).content.decode()

    assert "زمان این پرسش گذشته بود" in html
    assert Comment.objects.count() == 0


def test_question_expired_long_ago_says_so_even_after_it_was_swept_away(client, article):
    """A reader who wrote for an hour is told the question expired, not that it was wrong."""
    data = factories.filled_form(client, article)
    data["started"] = abuse.started_token(data["captcha_0"], at=time.time() - 31 * 60)
    CaptchaStore.objects.filter(hashkey=data["captcha_0"]).update(
        expiration=timezone.now() - datetime.timedelta(minutes=1)
    )
    CaptchaStore.remove_expired()  # what any other reader's answer does meanwhile
    assert not CaptchaStore.objects.filter(hashkey=data["captcha_0"]).exists()

    html = client.post(factories.post_url(article), data).content.decode()

    assert "زمان این پرسش گذشته بود" in html
    assert "پاسخ پرسش درست نبود" not in html
    assert 'value="مریم احمدی"' in html
    assert Comment.objects.count() == 0


def test_refreshed_question_comes_with_its_own_start_time_and_can_be_answered(client, article):
    data = factories.filled_form(client, article)
    refreshed = client.get("/captcha/refresh/", HTTP_X_REQUESTED_WITH="XMLHttpRequest").json()
    store = CaptchaStore.objects.get(hashkey=refreshed["key"])
    assert abuse.read_started_token(refreshed["started"])[1] == refreshed["key"]

    data.update(
        captcha_0=refreshed["key"],
        captcha_1=store.response,
        started=factories.opened_a_minute_ago(refreshed["key"]),
    )
    client.post(factories.post_url(article), data)

    assert Comment.objects.count() == 1


def test_one_solved_question_is_good_for_one_comment(client, article):
    data = factories.filled_form(client, article)
    client.post(factories.post_url(article), data)
    html = client.post(factories.post_url(article), data).content.decode()

    assert "پاسخ پرسش درست نبود" in html
    assert Comment.objects.count() == 1


def test_wrong_answer_spends_the_question(client, article):
    data = factories.filled_form(client, article)
    right = data["captcha_1"]
    data["captcha_1"] = "0"
    client.post(factories.post_url(article), data)

    data["captcha_1"] = right
    html = client.post(factories.post_url(article), data).content.decode()
    assert "پاسخ پرسش درست نبود" in html
    assert Comment.objects.count() == 0


def test_refresh_gives_a_new_question_as_json_never_cached(client, db):
    response = client.get("/captcha/refresh/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    payload = response.json()
    store = CaptchaStore.objects.get(hashkey=payload["key"])
    assert payload["question"] == captcha.question_text(store.challenge)
    assert payload["image_url"] == f"/captcha/image/{store.hashkey}/"


def test_question_image_and_audio_are_never_cached(client, article):
    key = factories.captcha_key_in(form_html(client, article))

    image = client.get(f"/captcha/image/{key}/")
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    assert "no-store" in image["Cache-Control"]

    if captcha.speech_available():
        audio = client.get(f"/captcha/audio/{key}.wav")
        assert audio.status_code == 200
        assert audio.content[:4] == b"RIFF"
        assert "no-store" in audio["Cache-Control"]


def test_audio_for_an_unknown_question_is_gone(client, db):
    assert client.get(f"/captcha/audio/{'0' * 40}.wav").status_code == 410
    assert client.get("/captcha/audio/dummy.wav").status_code == 410


@pytest.mark.skipif(not captcha.speech_available(), reason="espeak-ng is not installed")
def test_audio_control_is_offered_when_espeak_ng_speaks_persian(client, article):
    html = form_html(client, article)
    assert "شنیدن پرسش" in html


def test_audio_control_is_hidden_without_espeak_ng(client, article, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    captcha.espeak_path.cache_clear()
    try:
        html = form_html(client, article)
        refresh = client.get("/captcha/refresh/").json()
    finally:
        monkeypatch.undo()
        captcha.espeak_path.cache_clear()
    assert "شنیدن پرسش" not in html
    assert refresh["audio_url"] == ""


def test_spoken_question_uses_persian_words_for_plus():
    assert captcha.spoken_text("۸ + ۷") == "حاصل ۸ به‌علاوهٔ ۷ چند می‌شود؟"


def post_in_parallel(article, payloads):
    """Post every payload at the same moment, each from its own thread, connection and address."""
    barrier = threading.Barrier(len(payloads))
    statuses = []

    def send(number, data):
        try:
            barrier.wait()
            response = Client(HTTP_HOST="testserver").post(
                factories.post_url(article), data, REMOTE_ADDR=f"10.0.0.{number + 1}"
            )
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=send, args=(number, data)) for number, data in enumerate(payloads)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@ONLY_ON_POSTGRESQL
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_posts_with_distinct_solved_questions_are_all_stored(client, article):
    payloads = [factories.filled_form(client, article, body=f"نظر {n}") for n in range(12)]

    statuses = post_in_parallel(article, payloads)

    assert statuses == [200] * 12
    assert Comment.objects.count() == 12


@ONLY_ON_POSTGRESQL
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_reuse_of_one_solved_question_stores_exactly_one(client, article):
    data = factories.filled_form(client, article)

    post_in_parallel(article, [dict(data) for _ in range(12)])

    assert Comment.objects.count() == 1
