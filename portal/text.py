"""Persian text: one place that decides how spellings are stored, shown and matched.

Stored text keeps the writer's words but uses one spelling of each letter (Arabic ي/ى/ك become
Persian ی/ک) and loses invisible characters that can reorder or hide text. ZWNJ (U+200C) is part
of Persian spelling (می‌رود) and is always kept when storing; only search folding removes it.
"""

import re
import unicodedata

from django.utils.text import slugify

ZWNJ = "\u200c"

LETTER_SPELLINGS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})

# Bidi embeddings/overrides/isolates, marks, zero-width space/joiner, word joiner, BOM, NUL and
# other C0 controls except tab and newlines: they reorder or hide text and are never needed.
INVISIBLE_CONTROLS = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u200d\u200e\u200f"
    "\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"
TO_PERSIAN_DIGITS = str.maketrans(LATIN_DIGITS + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)
TO_LATIN_DIGITS = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, LATIN_DIGITS * 2)


def normalize_persian(text):
    """The spelling we store: Persian letters, no invisible controls, ZWNJ kept."""
    if not text:
        return text
    text = text.translate(LETTER_SPELLINGS)
    text = INVISIBLE_CONTROLS.sub("", text)
    # Several ZWNJs in a row, or one beside a space, are typing slips.
    text = re.sub(f"{ZWNJ}+", ZWNJ, text)
    text = re.sub(f" ?{ZWNJ} ?", lambda m: ZWNJ if m.group(0) == ZWNJ else " ", text)
    return text


def persian_digits(value):
    """Any value as text with Persian digits (for readers)."""
    return str(value).translate(TO_PERSIAN_DIGITS)


def persian_number(value):
    """A count with Persian digits and thousands separators: ۲۰٬۰۰۰."""
    try:
        grouped = f"{int(value):,}"
    except (TypeError, ValueError):
        return persian_digits(value)
    return persian_digits(grouped).replace(",", "٬")


def latin_digits(value):
    """Any value as text with Latin digits (for parsing what people typed)."""
    return str(value).translate(TO_LATIN_DIGITS)


ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
SEARCH_LETTERS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ې": "ی",
        "ك": "ک",
        "ڪ": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ە": "ه",
        "ھ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
    }
)
# Anything that is not a letter, a digit or a combining mark separates words. Search engines
# disagree about punctuation (PostgreSQL's parser keeps «،» inside a word in a C locale, SQLite's
# does not), and quotes, brackets and operators mean syntax to them: none of it survives folding.
NOT_WORD = re.compile(r"[^\w]+|_+")
# Parts that Persian writes joined, with a ZWNJ or with a space: می‌رود, میرود, می رود.
# Folding glues a detached part to its word, so every spelling becomes the joined one.
DETACHED_PREFIXES = frozenset({"می", "نمی"})
DETACHED_SUFFIXES = frozenset(
    {"ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "تر", "ترین"}
)


def _join_detached_parts(words):
    joined = []
    glue_next = False
    for word in words:
        if glue_next or (word in DETACHED_SUFFIXES and joined):
            joined[-1] += word
        else:
            joined.append(word)
        glue_next = word in DETACHED_PREFIXES
    return joined


def fold_for_search(text):
    """One spelling for matching: the same function runs at index time and at query time.

    Returns lower-case words separated by single spaces, with Persian letters, Latin digits, no
    diacritics, tatweel, ZWNJ or punctuation, and the detached parts of words glued on.
    """
    if not text:
        return ""
    # NFKC turns Arabic presentation forms (ﻻ, ﻙ ...) into ordinary letters.
    text = unicodedata.normalize("NFKC", str(text))
    text = ARABIC_DIACRITICS.sub("", text).replace(TATWEEL, "")
    text = text.translate(SEARCH_LETTERS).translate(TO_LATIN_DIGITS)
    text = INVISIBLE_CONTROLS.sub("", text)
    # ZWNJ joins the parts of a word, as the joined spelling does.
    text = text.replace(ZWNJ, "")
    words = NOT_WORD.sub(" ", text).lower().split()
    return " ".join(_join_detached_parts(words))


PERSIAN_ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_ALPHABET_POSITION = {letter: position for position, letter in enumerate(PERSIAN_ALPHABET)}


def persian_sort_key(text):
    """Sort Persian words in dictionary order (پ after ب, گ after ک), which Unicode order is not."""
    folded = normalize_persian(text or "").replace(ZWNJ, "").replace(" ", "")
    return [_ALPHABET_POSITION.get(char, len(PERSIAN_ALPHABET) + ord(char)) for char in folded]


def slug_from_title(title):
    """A Unicode slug that keeps the parts of a word apart: «مهارت‌آموزی» → «مهارت-آموزی».

    Django's slugify drops the ZWNJ (it is not a word character) and glues the parts; a hyphen
    keeps them readable in the address, as the admin's slug field does while the title is typed.
    """
    return slugify(normalize_persian(title or "").replace(ZWNJ, "-"), allow_unicode=True)
