"""«شنیدن خبر»: each published article's title, lead and body, read by espeak-ng's Persian voice.

The recording is made by the task worker when an article is published (TASKS in the settings;
the immediate backend makes it during the publish itself), encoded as MP3 and kept in the default
storage, so it works with files on disk and in a bucket alike. An article with no recording
shows no player: the voice is missing, reading failed, or the worker has not got to it yet.

MP3 rather than espeak-ng's WAV: at 32 kbit/s mono a minute of speech is about 240 KB, against
2.6 MB of 22 kHz WAV, and every browser plays it. lameenc ships LAME inside its wheel, so no
system package is needed beyond espeak-ng itself.
"""

import hashlib
import html
import io
import logging
import re
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import lameenc
from django_tasks import task

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete

from wagtail.signals import page_published, page_unpublished

from news.models import ArticleAudio, NewsPage
from portal.text import persian_digits

logger = logging.getLogger(__name__)

VOICE = "fa"
# Words a minute: a little slower than espeak-ng's 175, for listeners new to a synthetic voice.
SPEED = 150
MP3_KILOBITS_PER_SECOND = 32
# LAME's default trade-off; its slower "best" settings (0-2) add nothing audible to this voice.
MP3_QUALITY = 5
# espeak-ng reads a long article in a second or two; a stuck process must not hold the worker.
SPEECH_TIMEOUT_SECONDS = 300
# Part of every text hash: changing how text is prepared or read remakes old recordings.
READING_VERSION = "1"

SENTENCE_ENDS = (".", "!", "?", "؟", "…", ":", "؛")
THOUSANDS_SEPARATOR = re.compile(r"(?<=\d)[٬,](?=\d{3}(?!\d))")
DECIMAL_SEPARATOR = re.compile(r"(?<=\d)[٫.](?=\d)")
CLOCK_SEPARATOR = re.compile(r"(?<=\d):(?=\d)")
# Dates: ۱۴۰۳/۰۵/۱۲ is read as ۱۴۰۳ ۵ ۱۲ (espeak-ng would say "slash", in English).
DATE = re.compile(r"(?<!\d)(\d{1,4})/(\d{1,2})/(\d{1,4})(?!\d)")
DIGIT_JOINER = re.compile(r"(?<=\d)[/\-–](?=\d)")
# A number written with a leading zero is a phone number or a code (۰۶۱-۳۳۳۳۴۴۵۵): read digit by
# digit, group by group, not as "sixty-one ... thirty-three million".
LEADING_ZERO_NUMBER = re.compile(r"(?<!\d)[0۰٠]\d+(?:-\d+)*")


@dataclass(frozen=True)
class Recording:
    mp3: bytes
    duration_seconds: float


def sentence(text):
    """One part of the article, ending in punctuation so the voice pauses after it."""
    text = " ".join(html.unescape(text).split())
    if text and not text.endswith(SENTENCE_ENDS):
        text += "."
    return text


def read_date(match):
    return " ".join(persian_digits(int(part)) for part in match.groups())


def read_digit_by_digit(match):
    return "، ".join(" ".join(group) for group in match.group().split("-"))


def speakable(text):
    """Numbers as a Persian listener expects to hear them."""
    text = THOUSANDS_SEPARATOR.sub("", text)
    text = DECIMAL_SEPARATOR.sub(" ممیز ", text)
    text = CLOCK_SEPARATOR.sub(" و ", text)
    text = DATE.sub(read_date, text)
    text = LEADING_ZERO_NUMBER.sub(read_digit_by_digit, text)
    return DIGIT_JOINER.sub(" ", text)


def article_text(article):
    """What the recording says: the title, the lead and the body, one paragraph each."""
    parts = [article.title, article.lead, *article.body_texts()]
    return speakable("\n\n".join(filter(None, (sentence(part) for part in parts))))


def text_hash(text):
    return hashlib.sha256(f"{READING_VERSION}:{VOICE}:{SPEED}:{text}".encode()).hexdigest()


def espeak_path():
    """ESPEAK_NG_COMMAND as found on PATH (or as a path), None when there is no such program."""
    return shutil.which(settings.ESPEAK_NG_COMMAND)


def speak(text):
    """The text read in Persian, as WAV bytes; None when espeak-ng is missing or fails."""
    program = espeak_path()
    if program is None:
        logger.warning("No article audio: %r is not installed.", settings.ESPEAK_NG_COMMAND)
        return None
    with tempfile.TemporaryDirectory(prefix="article-audio-") as folder:
        wav = Path(folder) / "article.wav"
        try:
            subprocess.run(  # noqa: S603 - a configured program; the text goes in on stdin
                [program, "-v", VOICE, "-s", str(SPEED), "-b", "1", "-w", str(wav), "--stdin"],
                input=text.encode(),
                check=True,
                capture_output=True,
                timeout=SPEECH_TIMEOUT_SECONDS,
            )
            return wav.read_bytes()
        except (OSError, subprocess.SubprocessError) as error:
            logger.warning("No article audio: espeak-ng failed: %s", error)
            return None


def encode(wav_bytes):
    """WAV as a mono MP3, with the length of the speech in it."""
    with wave.open(io.BytesIO(wav_bytes)) as source:
        channels, sample_width, rate, frames = source.getparams()[:4]
        pcm = source.readframes(frames)
    if sample_width != 2 or not frames:
        raise ValueError(f"expected 16-bit speech, got {sample_width}-byte samples, {frames}")
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(MP3_KILOBITS_PER_SECOND)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(channels)
    encoder.set_quality(MP3_QUALITY)
    mp3 = bytes(encoder.encode(pcm) + encoder.flush())
    return Recording(mp3=mp3, duration_seconds=frames / rate)


def record(text):
    wav_bytes = speak(text)
    if wav_bytes is None:
        return None
    try:
        return encode(wav_bytes)
    except (wave.Error, EOFError, ValueError, RuntimeError) as error:
        logger.warning("No article audio: espeak-ng's output could not be encoded: %s", error)
        return None


def remove_audio(article_pk):
    """Forget an article's recording; its file goes once the deletion is committed."""
    for audio in ArticleAudio.objects.filter(article_id=article_pk):
        audio.delete()


@task()
def make_article_audio(article_pk):
    """Read the published article aloud, unless its recording already says the same text."""
    article = NewsPage.objects.published().filter(pk=article_pk).first()
    if article is None:
        remove_audio(article_pk)
        return "not published"
    text = article_text(article)
    digest = text_hash(text)
    existing = ArticleAudio.objects.filter(article=article).first()
    if existing is not None and existing.text_hash == digest:
        return "unchanged"
    recording = record(text)
    if recording is None:
        # A recording of older text would read out what the article no longer says.
        remove_audio(article_pk)
        return "no voice"
    name = default_storage.save(
        f"news/audio/{article.news_code}-{digest[:12]}.mp3", ContentFile(recording.mp3)
    )
    try:
        # A savepoint: with the immediate backend this runs inside the editor's publish, which
        # must succeed whatever happens here.
        with transaction.atomic():
            ArticleAudio.objects.update_or_create(
                article=article,
                defaults={
                    "file": name,
                    "duration_seconds": recording.duration_seconds,
                    "text_hash": digest,
                },
            )
    except Exception:
        default_storage.delete(name)
        raise
    if existing is not None and existing.file.name != name:
        delete_file_after_commit(existing.file.name)
    return "recorded"


def delete_file_after_commit(name):
    # After the commit: a rolled-back deletion must not leave a row whose file is gone.
    transaction.on_commit(lambda: default_storage.delete(name))


def article_published(sender, instance, **kwargs):
    make_article_audio.enqueue(instance.pk)


def article_unpublished(sender, instance, **kwargs):
    # A withdrawn article's words should not stay reachable at a media address; publishing it
    # again records it again.
    remove_audio(instance.pk)


def audio_deleted(sender, instance, **kwargs):
    if instance.file:
        delete_file_after_commit(instance.file.name)


def request_missing_audio():
    """Enqueue a recording for every published article without one (demo content, or articles
    published before espeak-ng was installed)."""
    if espeak_path() is None:
        return
    missing = NewsPage.objects.published().filter(audio__isnull=True).values_list("pk", flat=True)
    for article_pk in missing:
        make_article_audio.enqueue(article_pk)


def connect():
    page_published.connect(article_published, sender=NewsPage, dispatch_uid="news-audio-publish")
    page_unpublished.connect(
        article_unpublished, sender=NewsPage, dispatch_uid="news-audio-unpublish"
    )
    post_delete.connect(audio_deleted, sender=ArticleAudio, dispatch_uid="news-audio-delete")
