"""Public comment addresses. None is ever cached: each carries a CSRF token or a one-time question.

/news/<code>/comments/       the comment page (works without JavaScript); POST stores a comment
/news/<code>/comments/form/  the same form as a fragment, fetched by comments.js into the article
/news/comments/status/       what became of a comment, by its tracking code
"""

from captcha import views as captcha_views
from captcha.models import CaptchaStore

from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from news.comments import abuse
from news.comments.captcha import is_key, question_text, speak, speech_available, spoken_text
from news.comments.forms import CommentForm, resolve_parent
from news.comments.notifications import notify_moderators
from news.models import Comment, NewsPage
from portal.security import client_address
from portal.text import latin_digits

CLOSED = "نظرها برای این خبر بسته است."
FLOODED = "از این نشانی در چند دقیقهٔ گذشته نظرهای زیادی رسیده است. کمی بعد دوباره بفرستید."


def article_for_comments(news_code):
    article = NewsPage.objects.with_code(news_code)
    if article is None:
        raise Http404("چنین خبری نیست.")
    return article


def wants_fragment(request):
    return request.headers.get("x-requested-with") == "XMLHttpRequest"


def render_comments(request, article, template, context, status=200):
    """The fragment for comments.js, or the whole comment page when JavaScript is off."""
    context = {"article": article, **context}
    if wants_fragment(request):
        return render(request, template, context, status=status)
    context["fragment_template"] = template
    return render(request, "news/comments/comment_page.html", context, status=status)


def form_context(form, article, parent=None):
    if form.is_bound:
        form.mark_errors_for_assistive_technology()
    return {
        "form": form,
        "parent": parent,
        "action": reverse("news_comment_page", args=[article.news_code]),
    }


@never_cache
@require_http_methods(["GET", "POST"])
def comment_page(request, news_code):
    article = article_for_comments(news_code)
    if not article.comments_open:
        return render_comments(
            request,
            article,
            "news/comments/closed.html",
            {"message": CLOSED},
            status=403 if request.method == "POST" else 200,
        )
    if request.method == "POST":
        return post_comment(request, article)
    return show_form(request, article)


@never_cache
@require_GET
def comment_form_fragment(request, news_code):
    article = article_for_comments(news_code)
    if not article.comments_open:
        return render(request, "news/comments/closed.html", {"message": CLOSED})
    return show_form(request, article, fragment=True)


def show_form(request, article, fragment=False):
    parent, problem = resolve_parent(article, request.GET.get("parent"))
    if problem:
        return render_comments(
            request, article, "news/comments/closed.html", {"message": problem}, status=404
        )
    initial = {"parent": parent.pk} if parent else {}
    context = form_context(CommentForm(article=article, initial=initial), article, parent)
    if fragment:
        return render(request, "news/comments/form.html", {"article": article, **context})
    return render_comments(request, article, "news/comments/form.html", context)


def post_comment(request, article):
    ip_hash = abuse.address_hash(client_address(request))
    if not abuse.allow_post(ip_hash):
        return render_comments(
            request, article, "news/comments/closed.html", {"message": FLOODED}, status=429
        )
    form = CommentForm(request.POST, article=article)
    # The question is spent and the comment stored together, or neither (see the captcha field).
    with transaction.atomic():
        comment = form.save(request) if form.is_valid() else None
        if comment is not None:
            transaction.on_commit(lambda: notify_moderators(comment))
    if comment is None:
        return render_comments(
            request,
            article,
            "news/comments/form.html",
            form_context(form, article, form.parent_comment),
        )
    return render_comments(request, article, "news/comments/posted.html", {"comment": comment})


@never_cache
@require_GET
def comment_status(request):
    raw = latin_digits(request.GET.get("code", "")).strip()
    context = {"code": raw, "comment": None, "searched": "code" in request.GET}
    ip_hash = abuse.address_hash(client_address(request))
    if context["searched"] and not abuse.allow_status_lookup(ip_hash):
        context.update(searched=False, too_many=True)
        return render(request, "news/comments/status_page.html", context, status=429)
    if raw.isascii() and raw.isdigit():
        context["comment"] = Comment.objects.filter(tracking_code=raw).only("status").first()
    return render(
        request,
        "news/comments/status_page.html",
        context,
        status=404 if raw and context["comment"] is None else 200,
    )


# The captcha's own addresses, wrapped: nothing a question produces may be cached anywhere.
captcha_image = never_cache(captcha_views.captcha_image)


@never_cache
def captcha_audio(request, key):
    store = CaptchaStore.objects.filter(hashkey=key).first() if is_key(key) else None
    if store is None:
        return HttpResponse(status=410)
    audio = speak(spoken_text(store.challenge))
    if audio is None:
        raise Http404("پخش صوتی در دسترس نیست.")
    response = HttpResponse(audio, content_type="audio/wav")
    response["Content-Disposition"] = 'inline; filename="question.wav"'
    return response


@never_cache
@require_GET
def captcha_refresh(request):
    store = CaptchaStore.objects.get(hashkey=CaptchaStore.generate_key())
    key = store.hashkey
    payload = {
        "key": key,
        "started": abuse.started_token(key),
        "question": question_text(store.challenge),
        "image_url": reverse("captcha-image", kwargs={"key": key}),
        "audio_url": reverse("captcha-audio", kwargs={"key": key}) if speech_available() else "",
    }
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
