"""The arithmetic question every commenter answers: readable as text, as an image and aloud.

Only addition: «۸ − ۷» shown right to left can be read as ۷ − ۸, a sum reads the same both ways.
The challenge is stored with Persian digits, so the captcha image draws them too (with a font
that has them, CAPTCHA_FONT_PATH), and the answer is stored with Latin digits.
"""

import functools
import re
import secrets
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from portal.text import latin_digits, normalize_persian, persian_digits

SMALLEST_OPERAND = 1
LARGEST_OPERAND = 9
KEY_PATTERN = re.compile(r"[0-9a-f]{40}")
SPEECH_TIMEOUT_SECONDS = 10


def addition_challenge():
    """CAPTCHA_CHALLENGE_FUNCT: («۸ + ۷», "15")."""
    first = SMALLEST_OPERAND + secrets.randbelow(LARGEST_OPERAND - SMALLEST_OPERAND + 1)
    second = SMALLEST_OPERAND + secrets.randbelow(LARGEST_OPERAND - SMALLEST_OPERAND + 1)
    return persian_digits(f"{first} + {second}"), str(first + second)


def question_text(challenge):
    return f"حاصل {challenge} چند می‌شود؟"


def spoken_text(challenge):
    # espeak-ng reads "+" with its English voice inside Persian text; the Persian word reads right.
    return question_text(challenge.replace("+", "به‌علاوهٔ"))


def normalize_answer(answer):
    """What the reader typed, as the stored answer looks: Latin digits, no spaces or marks."""
    answer = normalize_persian(latin_digits(answer or ""))
    # Spaces and every invisible format character (ZWNJ, direction marks...) typed around digits.
    kept = (char for char in answer if not char.isspace() and unicodedata.category(char) != "Cf")
    return "".join(kept).lower()


def is_key(value):
    return bool(value) and KEY_PATTERN.fullmatch(value) is not None


@functools.cache
def espeak_path():
    return shutil.which("espeak-ng")


def speech_available():
    return espeak_path() is not None


def speak(text):
    """The text read by espeak-ng's Persian voice, as WAV bytes (None when it cannot speak)."""
    if not speech_available():
        return None
    with tempfile.TemporaryDirectory(prefix="captcha-audio-") as folder:
        wav = Path(folder) / "question.wav"
        try:
            subprocess.run(  # noqa: S603 - a fixed program; the text is our own question
                [espeak_path(), "-v", "fa", "-s", "140", "-w", str(wav), "--", text],
                check=True,
                capture_output=True,
                timeout=SPEECH_TIMEOUT_SECONDS,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return wav.read_bytes() if wav.exists() else None
