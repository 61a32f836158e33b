"""Builders for comment tests: comments in the real database and a reader who fills the form.

The reader solves the arithmetic question as a person does: reads the question in the form's
label and adds the two numbers. No test mode, no stored answer peeking unless a test says so.
"""

import re
import time

from news.comments import abuse
from news.models import Comment
from portal.text import latin_digits

QUESTION = re.compile(r"data-captcha-question>([^<]*)</label>")
KEY = re.compile(r'name="captcha_0" value="([0-9a-f]{40})"')


def comment(article, status=Comment.Status.APPROVED, parent=None, **fields):
    fields.setdefault("name", "خوانندهٔ آزمایشی")
    fields.setdefault("body", "متن نظر آزمایشی دربارهٔ این خبر.")
    return Comment.objects.create(article=article, parent=parent, status=status, **fields)


def question_in(html):
    match = QUESTION.search(html)
    assert match, "the form shows no arithmetic question"
    return match.group(1)


def answer_to(question):
    """«حاصل ۸ + ۷ چند می‌شود؟» -> "15", computed from the text a reader sees."""
    numbers = [int(number) for number in re.findall(r"\d+", latin_digits(question))]
    assert len(numbers) == 2 and "+" in question, question
    return str(sum(numbers))


def captcha_key_in(html):
    match = KEY.search(html)
    assert match, "the form has no captcha key"
    return match.group(1)


def opened_a_minute_ago(captcha_key):
    """The signed start time of a form a reader opened a minute ago (the honest fill time)."""
    return abuse.started_token(captcha_key, at=time.time() - 60)


def filled_form(client, article, reply_to=None, **fields):
    """Open the comment form like a reader, solve its question and fill it in (POST data).

    ``reply_to`` is a comment to answer; ``parent="..."`` sends any raw value instead.
    """
    url = f"/news/{article.news_code}/comments/form/"
    if reply_to is not None:
        url += f"?parent={reply_to.pk}"
    html = client.get(url).content.decode()
    key = captcha_key_in(html)
    data = {
        "name": "مریم احمدی",
        "email": "",
        "body": "از خدمات مرکز مشاوره راضی بودم.",
        "parent": str(reply_to.pk) if reply_to is not None else "",
        "website": "",
        "started": opened_a_minute_ago(key),
        "captcha_0": key,
        "captcha_1": answer_to(question_in(html)),
    }
    data.update(fields)
    return data


def post_url(article):
    return f"/news/{article.news_code}/comments/"
