"""«شنیدن خبر»: a published article is read aloud by espeak-ng's Persian voice, and its page
offers the recording with its length. Real espeak-ng, real MP3 files, real storage."""

import io
import subprocess

import pytest
from django_tasks_db.models import DBTaskResult

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news import audio
from news import demo_content as news_demo
from news.models import ArticleAudio, NewsPage
from news.models.audio import spoken_length
from portal import demo_content as portal_demo
from tests.factories import news as factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(audio.espeak_path() is None, reason="espeak-ng is not installed"),
]

PARAGRAPHS = [
    "مدیرکل بهزیستی خوزستان از افتتاح مرکز جامع توانبخشی در شهرستان دزفول خبر داد.",
    "این مرکز با ظرفیت ۱۲۰ نفر به مددجویان دارای معلولیت جسمی و حرکتی خدمات می‌دهد.",
    "خدمات گفتاردرمانی، کاردرمانی و فیزیوتراپی در این مرکز رایگان ارائه می‌شود.",
]

# MPEG audio layer III: kbit/s by bitrate index, Hz by sample-rate index, for MPEG-1 and for
# MPEG-2/2.5 (the low sample rates speech is encoded at).
BITRATES = {
    1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
SAMPLE_RATES = {1: [44100, 48000, 32000], 2: [22050, 24000, 16000], 2.5: [11025, 12000, 8000]}
VERSIONS = {0b11: 1, 0b10: 2, 0b00: 2.5}


def mp3_seconds(data):
    """The length of an MP3 stream, walking every frame header from the first byte to the last:
    anything that is not a whole sequence of layer III frames fails."""
    position = 0
    seconds = 0.0
    while position < len(data):
        header = int.from_bytes(data[position : position + 4], "big")
        assert header >> 21 == 0x7FF, f"no MP3 frame at byte {position}"
        version = VERSIONS[(header >> 19) & 0b11]
        assert (header >> 17) & 0b11 == 0b01, "not layer III"
        bitrate = BITRATES[1 if version == 1 else 2][(header >> 12) & 0b1111] * 1000
        rate = SAMPLE_RATES[version][(header >> 10) & 0b11]
        padding = (header >> 9) & 1
        samples = 1152 if version == 1 else 576
        position += samples // 8 * bitrate // rate + padding
        seconds += samples / rate
    assert position == len(data), "the last frame is cut short"
    return seconds


def publish(news_index, paragraphs=PARAGRAPHS, **fields):
    body = [("paragraph", f"<p>{paragraph}</p>") for paragraph in paragraphs]
    return factories.article(news_index, body=body, **fields)


@pytest.fixture(autouse=True)
def media_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def recordings(media_folder):
    return sorted(path.name for path in (media_folder / "news" / "audio").glob("*"))


def test_reader_hears_the_article_read_in_persian_after_an_editor_publishes_it(
    admin_client, news_index
):
    form = {
        "title": "افتتاح مرکز جامع توانبخشی در دزفول",
        "slug": "مرکز-توانبخشی-دزفول",
        "over_title": "",
        "lead": "نخستین مرکز جامع توانبخشی شمال خوزستان آغاز به کار کرد.",
        "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>")) for text in PARAGRAPHS]),
        "tags": "دزفول",
        "main_image_alt": "",
        "pinned_related": inline_formset([]),
        "comments_open": "on",
        "action-publish": "publish",
    }
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    assert admin_client.post(add_url, nested_form_data(form)).status_code == 302

    article = NewsPage.objects.get(slug="مرکز-توانبخشی-دزفول")
    recording = ArticleAudio.objects.get(article=article)
    with default_storage.open(recording.file.name) as stored:
        data = stored.read()
    assert recording.file.name.endswith(".mp3")
    # A title, a lead and three sentences: well over ten seconds of speech.
    assert recording.duration_seconds > 10
    # LAME's start-up delay and last-frame padding add a few hundredths of a second.
    assert mp3_seconds(data) == pytest.approx(recording.duration_seconds, abs=0.25)


def test_a_longer_article_is_read_for_longer(news_index):
    short = publish(news_index, paragraphs=PARAGRAPHS[:1])
    long = publish(news_index, paragraphs=PARAGRAPHS * 3)
    short_seconds = mp3_seconds(short.audio.file.read())
    long_seconds = mp3_seconds(long.audio.file.read())
    assert long_seconds > short_seconds + 10
    assert long.audio.duration_seconds > short.audio.duration_seconds + 10


def test_article_page_offers_the_recording_with_its_length_in_persian_digits(client, news_index):
    article = publish(news_index)
    recording = article.audio
    html = client.get(article.url).content.decode()

    header = html.split('<header class="news-article__header">', 1)[1].split("</header>", 1)[0]
    assert "شنیدن خبر" in header
    assert f'<source src="{recording.file.url}" type="audio/mpeg">' in header
    label = spoken_length(recording.duration_seconds)
    assert f"{label}</time>" in header
    assert any(digit in label for digit in "۱۲۳۴۵۶۷۸۹")
    assert not any(digit in label for digit in "0123456789")
    assert recording.file.url.startswith("/media/news/audio/")
    assert default_storage.exists(recording.file.name)


@pytest.mark.parametrize(
    ("seconds", "label"),
    [
        (135, "۲ دقیقه و ۱۵ ثانیه"),
        (134.6, "۲ دقیقه و ۱۵ ثانیه"),
        (180, "۳ دقیقه"),
        (45.2, "۴۵ ثانیه"),
        (0.3, "۱ ثانیه"),
    ],
)
def test_length_reads_as_minutes_and_seconds_in_persian(seconds, label):
    assert spoken_length(seconds) == label


# A program that is not there, and one that is there but fails (coreutils' `false`).
@pytest.mark.parametrize("program", ["/nonexistent/espeak-ng", "false"])
def test_without_a_working_voice_publishing_succeeds_and_no_player_shows(
    admin_client, client, news_index, settings, media_folder, program
):
    settings.ESPEAK_NG_COMMAND = program
    article = publish(news_index, publish=False)
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    form = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "over_title": "",
            "lead": article.lead,
            "body": streamfield([("paragraph", rich_text("<p>متن خبر</p>"))]),
            "tags": "",
            "main_image_alt": "",
            "pinned_related": inline_formset([]),
            "comments_open": "on",
            "action-publish": "publish",
        }
    )
    assert admin_client.post(edit_url, form).status_code == 302

    article.refresh_from_db()
    assert article.live
    assert not ArticleAudio.objects.exists()
    assert not (media_folder / "news" / "audio").exists()
    response = client.get(article.url)
    assert response.status_code == 200
    assert "شنیدن خبر" not in response.content.decode()
    assert "<audio" not in response.content.decode()


def test_an_editors_preview_of_new_text_offers_no_recording_of_the_old_one(
    admin_client, news_index
):
    article = publish(news_index)
    assert ArticleAudio.objects.filter(article=article).exists()
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))
    form = nested_form_data(
        {
            "title": "عنوان تازه در پیش‌نمایش",
            "slug": article.slug,
            "over_title": "",
            "lead": article.lead,
            "body": streamfield([("paragraph", rich_text("<p>متن تازه</p>"))]),
            "tags": "",
            "main_image_alt": "",
            "pinned_related": inline_formset([]),
            "comments_open": "on",
        }
    )
    assert admin_client.post(preview_url, form).json()["is_valid"]
    html = admin_client.get(preview_url).content.decode()
    assert "عنوان تازه در پیش‌نمایش" in html
    assert "<audio" not in html


def test_player_appears_on_a_cached_page_once_the_recording_is_saved(client, news_index, settings):
    settings.ESPEAK_NG_COMMAND = "/nonexistent/espeak-ng"
    article = publish(news_index)
    client.get(article.url)
    assert "<audio" not in client.get(article.url).content.decode()  # served from the fragments

    settings.ESPEAK_NG_COMMAND = "espeak-ng"
    audio.make_article_audio.enqueue(article.pk)
    assert "<audio" in client.get(article.url).content.decode()


def test_the_player_adds_no_query_to_a_warm_article_page(client, news_index, settings):
    def warm_queries(article):
        client.get(article.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.url).status_code == 200
        return len(captured.captured_queries)

    with_audio = publish(news_index)
    settings.ESPEAK_NG_COMMAND = "/nonexistent/espeak-ng"
    without_audio = publish(news_index)
    assert ArticleAudio.objects.filter(article=with_audio).exists()
    assert not ArticleAudio.objects.filter(article=without_audio).exists()
    assert warm_queries(with_audio) == warm_queries(without_audio)


def test_a_revision_with_new_text_is_read_again_and_the_old_file_removed(
    news_index, media_folder, django_capture_on_commit_callbacks
):
    article = publish(news_index)
    first = ArticleAudio.objects.get(article=article)
    first_name = first.file.name

    article.body = [("paragraph", f"<p>{text}</p>") for text in PARAGRAPHS * 2]
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    second = ArticleAudio.objects.get(article=article)
    assert second.file.name != first_name
    assert second.text_hash != first.text_hash
    assert second.duration_seconds > first.duration_seconds
    assert recordings(media_folder) == [second.file.name.rsplit("/", 1)[1]]


def test_a_new_text_the_voice_fails_to_read_takes_the_old_recording_away(
    client, news_index, settings, media_folder, django_capture_on_commit_callbacks
):
    article = publish(news_index)
    settings.ESPEAK_NG_COMMAND = "false"
    article.lead = "لید تازهٔ خبر که صدای قبلی آن را نمی‌خواند."
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert not ArticleAudio.objects.exists()
    assert recordings(media_folder) == []
    assert "<audio" not in client.get(article.url).content.decode()


def test_a_revision_with_the_same_text_keeps_the_recording(news_index, media_folder):
    article = publish(news_index)
    first = ArticleAudio.objects.get(article=article)
    article.comments_open = False  # not part of what is read
    article.save_revision().publish()
    second = ArticleAudio.objects.get(article=article)
    assert (second.pk, second.file.name, second.created) == (
        first.pk,
        first.file.name,
        first.created,
    )
    assert len(recordings(media_folder)) == 1


def test_deleting_an_article_deletes_its_recording(
    news_index, media_folder, django_capture_on_commit_callbacks
):
    article = publish(news_index)
    assert len(recordings(media_folder)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        NewsPage.objects.get(pk=article.pk).delete()
    assert not ArticleAudio.objects.exists()
    assert recordings(media_folder) == []


def test_unpublishing_an_article_withdraws_its_recording(
    client, news_index, media_folder, django_capture_on_commit_callbacks
):
    article = publish(news_index)
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert not ArticleAudio.objects.exists()
    assert recordings(media_folder) == []

    article.save_revision().publish()  # published again: read again
    assert ArticleAudio.objects.filter(article=article).exists()


def phonemes(text):
    """What espeak-ng's Persian voice says, as phoneme names; (en) marks a switch to English."""
    return subprocess.run(
        [audio.espeak_path(), "-v", "fa", "-b", "1", "-q", "-x", "--stdin"],
        input=text.encode(),
        capture_output=True,
        check=True,
    ).stdout.decode()


def test_numbers_dates_and_phone_numbers_are_read_in_persian(news_index):
    article = publish(
        news_index,
        title="پرداخت ۱٬۲۵۰ مستمری در تاریخ ۱۴۰۳/۰۵/۱۲",
        lead="ساعت ۸:۳۰ تماس با ۰۶۱-۳۳۳۳۴۴۵۵ و رشد ۱۲٫۵ درصدی",
        paragraphs=["<b>متن</b> با &laquo;نشانه&raquo;"],
    )
    text = audio.article_text(article)
    assert text == (
        "پرداخت ۱۲۵۰ مستمری در تاریخ ۱۴۰۳ ۵ ۱۲.\n\n"
        "ساعت ۸ و ۳۰ تماس با ۰ ۶ ۱، ۳ ۳ ۳ ۳ ۴ ۴ ۵ ۵ و رشد ۱۲ ممیز ۵ درصدی.\n\n"
        "متن با «نشانه»."
    )
    said = phonemes(text)
    assert "(en)" not in said  # no "slash", "comma" or "colon" in English
    assert "hez,AR" in said  # ۱۲۵۰: «هزار و دویست و پنجاه», one number
    assert "milj" not in said  # the phone number is not read as millions


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_backend_the_worker_records_the_article(client, news_index, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    article = publish(news_index)

    # The editor's publish only left the work in the queue.
    assert not ArticleAudio.objects.exists()
    waiting = DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True)
    assert "news.audio.make_article_audio" in waiting
    assert "<audio" not in client.get(article.url).content.decode()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    recording = ArticleAudio.objects.get(article=article)
    assert mp3_seconds(recording.file.read()) == pytest.approx(recording.duration_seconds, abs=0.25)
    assert recording.file.url in client.get(article.url).content.decode()


def test_demo_articles_are_read_aloud_even_when_loaded_before_espeak_ng(settings, media_folder):
    settings.ESPEAK_NG_COMMAND = "/nonexistent/espeak-ng"
    portal_demo.load(io.StringIO())
    news_demo.load(io.StringIO())
    demo_articles = NewsPage.objects.live()
    assert demo_articles.count() > 1
    assert not ArticleAudio.objects.exists()

    settings.ESPEAK_NG_COMMAND = "espeak-ng"
    news_demo.load(io.StringIO())
    assert ArticleAudio.objects.count() == demo_articles.count()
    files = recordings(media_folder)
    news_demo.load(io.StringIO())  # loaded again: nothing is recorded twice
    assert recordings(media_folder) == files
