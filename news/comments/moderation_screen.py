"""The moderation screen of one comment (the snippet's inspect view) and its edit form's panels.

A moderator sees everything needed to decide: the text, who wrote it, the article (a link), the
comment it answers, the tracking code, status and crisis flag, and Jalali Tehran times; never a
raw None or False. The approve / reject / spam buttons post to the registered bulk actions, so
the one permission check of those actions guards this screen too.
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils.html import format_html

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.snippets.views.snippets import InspectView

from portal.jalali import format_jalali
from portal.jalali_widgets import JalaliReadOnlyPanel
from portal.text import persian_digits

YES_NO = {True: "بله", False: "خیر"}


def moderation_actions(user, comment, next_url):
    """(label, aria-label, address, icon) of each moderation action the comment can take now."""
    if not user.has_perm("news.moderate_comment"):
        return []
    actions = []
    for action in bulk_action_registry.get_bulk_actions_for_model("news", "comment"):
        new_status = getattr(action, "new_status", None)
        if new_status is None or new_status == comment.status:
            continue
        address = reverse("wagtail_bulk_action", args=["news", "comment", action.action_type])
        actions.append(
            {
                "label": action.display_name,
                "address": f"{address}?id={comment.pk}",
                "next": next_url,
                "icon": action.icon_name,
                "priority": action.action_priority,
            }
        )
    return sorted(actions, key=lambda action: action["priority"])


class CommentModerationView(InspectView):
    template_name = "news/comments/admin/moderate.html"
    inspect_url_name = None  # given by the viewset: the parent comment links to its own screen

    def get_object(self, queryset=None):
        # One query for the comment and everything the screen names besides it.
        related = self.model.objects.select_related("article", "parent", "moderated_by")
        return get_object_or_404(related, pk=unquote(str(self.pk)))

    def get_page_title(self):
        return "بررسی نظر"

    def get_field_display_value(self, field_name, field):
        comment = self.object
        shown = {
            "article": lambda: format_html(
                '<a href="{}">{}</a> (<a href="{}">ویرایش خبر</a>)',
                comment.article.get_url(self.request) or "#",
                comment.article.title,
                reverse("wagtailadmin_pages:edit", args=[comment.article_id]),
            ),
            "parent": lambda: (
                format_html(
                    '<a href="{}">{}</a>',
                    reverse(self.inspect_url_name, args=[comment.parent_id]),
                    str(comment.parent),
                )
                if comment.parent_id
                else "نظر اصلی است، نه پاسخ به نظری دیگر"
            ),
            "name": lambda: format_html("<bdi>{}</bdi>", comment.name),
            "email": lambda: comment.email or "نشانی رایانامه نداده است",
            "body": lambda: format_html(
                '<div class="comment-moderation__body">{}</div>',
                linebreaks_filter(comment.body, autoescape=True),
            ),
            "status": lambda: comment.get_status_display(),
            "priority": lambda: (
                "بله: متن یکی از عبارت‌های بحران را دارد؛ زود بررسی شود"
                if comment.priority
                else "خیر"
            ),
            "is_official": lambda: YES_NO[comment.is_official],
            "created_at": lambda: format_jalali(comment.created_at, "datetime"),
            "moderated_at": lambda: (
                format_jalali(comment.moderated_at, "datetime")
                if comment.moderated_at
                else "هنوز بررسی نشده است"
            ),
            "moderated_by": lambda: (
                comment.moderated_by.get_full_name() or comment.moderated_by.get_username()
                if comment.moderated_by_id
                else "—"
            ),
            "tracking_code": lambda: persian_digits(comment.tracking_code),
        }
        if field_name in shown:
            return shown[field_name]()
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["moderation_actions"] = moderation_actions(
            self.request.user, self.object, self.request.path
        )
        return context


def comment_edit_handler(base_form_class):
    """The edit form changes status and priority; beside them, read-only, what they are about."""
    return ObjectList(
        [
            FieldPanel("body", read_only=True),
            FieldPanel("name", read_only=True),
            FieldPanel("article", read_only=True),
            FieldPanel("parent", read_only=True),
            JalaliReadOnlyPanel("created_at"),
            FieldPanel("status"),
            FieldPanel("priority"),
        ],
        base_form_class=base_form_class,
    )
