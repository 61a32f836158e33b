"""Snippets of the text around what the reader searched for, with the matches marked.

The match is found in the text as written (so the reader sees the article's own spelling), by a
pattern that accepts every spelling fold_for_search would turn into the searched word.
"""

import functools
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.text import DETACHED_PREFIXES, DETACHED_SUFFIXES, fold_for_search

SNIPPET_LENGTH = 240
# Characters folding drops from inside a word: diacritics, tatweel, ZWNJ and invisible controls.
IGNORABLE = "[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u2060\ufeff]*"
# Code points whose folded form is one character: Arabic, Persian, presentation forms, digits.
_FOLDABLE_RANGES = [(0x0600, 0x06FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0x30, 0x39)]


@functools.cache
def _spellings_of():
    """For each folded character, every character that folds to it."""
    spellings = {}
    for start, end in _FOLDABLE_RANGES:
        for code in range(start, end + 1):
            character = chr(code)
            folded = fold_for_search(character)
            if len(folded) == 1 and folded != character:
                spellings.setdefault(folded, {folded}).add(character)
    return spellings


def _character_pattern(character):
    spellings = _spellings_of().get(character)
    if not spellings:
        return re.escape(character)
    return "[" + "".join(re.escape(item) for item in sorted(spellings)) + "]"


def _word_pattern(word):
    """A folded word as a pattern over text as written."""
    # Where a detached part may sit apart from its word, written with a space.
    splits = {len(p) for p in DETACHED_PREFIXES if word.startswith(p) and len(word) > len(p)}
    splits |= {len(word) - len(s) for s in DETACHED_SUFFIXES if word.endswith(s) and word != s}
    parts = []
    for index, character in enumerate(word):
        if index:
            parts.append(f"{IGNORABLE}\\s?{IGNORABLE}" if index in splits else IGNORABLE)
        parts.append(_character_pattern(character))
    return "".join(parts)


def match_pattern(query):
    """One pattern for every word of the query, longest first so the longest word wins."""
    words = sorted(set(fold_for_search(query).split()), key=len, reverse=True)
    if not words:
        return None
    # Whole words only, as the search engines match them.
    alternatives = "|".join(_word_pattern(word) for word in words)
    return re.compile(f"(?<!\\w)(?:{alternatives})(?!\\w)", re.IGNORECASE)


def _marked(text, pattern):
    """Escape first, then mark: the only HTML in the result is our own <mark>."""
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() == match.end():
            continue
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text above is escaped


def highlight(text, pattern):
    """The whole (short) text with matches marked, e.g. a title."""
    if not text:
        return ""
    if pattern is None:
        return escape(text)
    return _marked(text, pattern)


def snippet(texts, pattern, length=SNIPPET_LENGTH):
    """A window of about ``length`` characters around the first match in ``texts``.

    Falls back to the beginning of the first text when nothing matches (a tag or title match).
    """
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts:
        return ""
    chosen, match = texts[0], None
    if pattern is not None:
        for text in texts:
            match = pattern.search(text)
            if match:
                chosen = text
                break
    start = 0
    if match and match.start() > length // 3:
        start = chosen.rfind(" ", 0, match.start() - length // 3) + 1
    end = start + length
    if end < len(chosen):
        end = chosen.rfind(" ", start, end) if chosen.rfind(" ", start, end) > start else end
    window = chosen[start:end]
    marked = highlight(window, pattern)
    return mark_safe(  # noqa: S308 - marked is escaped by highlight()
        ("… " if start else "") + marked + (" …" if end < len(chosen) else "")
    )
