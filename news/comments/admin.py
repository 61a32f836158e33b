"""Moderation in the Wagtail admin: the «نظرها» menu, its list, actions and official replies.

Every view and action here asks for news.moderate_comment, including the bulk actions reached by
posting straight to /admin/bulk/news/comment/<action>/: Wagtail's bulk action base class allows
everything unless check_perm says otherwise. Comments can hold personal and crisis details, so
every address the two viewsets register (listing, inspect, history, usage, the snippet choosers
and their results) and every bulk view of comments and crisis phrases, Wagtail's generic delete
included, is refused before it reads a row to anyone without that permission.
"""

import functools
import re

import django_filters

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, URLResolver, path, reverse
from django.utils import timezone
from django.utils.html import format_html

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetChosenView
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from news.comments.moderation_screen import CommentModerationView, comment_edit_handler
from news.models import Comment, CrisisPhrase, NewsPage
from portal.jalali import format_jalali
from portal.jalali_widgets import JalaliDateFromToRangeFilter
from portal.middleware import bad_request
from portal.models import OrganisationSettings
from portal.text import normalize_persian, persian_digits

MODERATE = "news.moderate_comment"
NOT_REPLIABLE = "فقط به نظرهای منتشرشده‌ای که کمتر از سه سطح دارند می‌توان پاسخ داد."
BAD_IDS = "شناسهٔ نظرهای انتخاب‌شده نامعتبر است. از فهرست نظرها دوباره انتخاب کنید."
# What the bulk views accept in ?id=: a row id, or "all" (every row in the listing).
BULK_ID = re.compile(r"[0-9]{1,18}|all")


def organisation_name(request):
    return OrganisationSettings.for_request(request).short_name or "بهزیستی خوزستان"


def can_moderate(user):
    return user.is_active and user.has_perm(MODERATE)


def moderators_only(view):
    """The view, refused (before it reads anything) to users who may not moderate comments."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def moderators_only_urls(patterns):
    guarded = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            guarded.append(
                URLResolver(
                    pattern.pattern,
                    moderators_only_urls(pattern.url_patterns),
                    pattern.default_kwargs,
                    pattern.app_name,
                    pattern.namespace,
                )
            )
        else:
            guarded.append(
                URLPattern(
                    pattern.pattern,
                    moderators_only(pattern.callback),
                    pattern.default_args,
                    pattern.name,
                )
            )
    return guarded


class ModeratorsOnlyViewSetMixin:
    """Every address the viewset registers, now and as Wagtail adds views, asks for moderation."""

    def get_urlpatterns(self):
        return moderators_only_urls(super().get_urlpatterns())


class ChosenByIdView(SnippetChosenView):
    """Wagtail's chosen view, answering 404 (not 500) for an id that is not a number."""

    def get_object(self, pk):
        try:
            return super().get_object(pk)
        except (ValueError, ValidationError) as error:
            raise Http404 from error


class ModeratorsOnlyChooserViewSet(ModeratorsOnlyViewSetMixin, SnippetChooserViewSet):
    chosen_view_class = ChosenByIdView


class ModeratorsOnlyBulkActionMixin:
    """A bulk view of comments or crisis phrases: moderators only, and only well-formed ids."""

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        ids = request.GET.getlist("id")
        if not all(BULK_ID.fullmatch(value) for value in ids):
            return bad_request(BAD_IDS)
        return super().dispatch(request, *args, **kwargs)


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Seeing and changing comments is moderating them; nobody adds one through the admin."""

    def _get_permission_codename(self, action):
        if action in ("view", "change", "moderate"):
            return "moderate_comment"
        return super()._get_permission_codename(action)

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class PendingCountMenuItem(MenuItem):
    """«نظرها (۳ در انتظار)»: the label counts what waits for a moderator (one small query)."""

    def is_shown(self, request):
        return can_moderate(request.user)

    def render_component(self, request):
        component = super().render_component(request)
        pending = Comment.objects.pending().count()
        if pending:
            component.label = f"{self.label} ({persian_digits(pending)} در انتظار)"
        return component


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="وضعیت", choices=Comment.Status.choices)
    article = django_filters.ModelChoiceFilter(
        label="خبر", queryset=NewsPage.objects.filter(comments__isnull=False).distinct()
    )
    created_at = JalaliDateFromToRangeFilter(label="تاریخ ارسال")
    priority = django_filters.BooleanFilter(label="اولویت (نشانهٔ بحران)")

    class Meta:
        model = Comment
        fields = ["status", "article", "created_at", "priority"]


class CommentModerationForm(WagtailAdminModelForm):
    """The edit form changes status and priority only, and records who moderated and when."""

    def save(self, commit=True):
        if "status" in self.changed_data:
            self.instance.moderated_by = self.for_user
            self.instance.moderated_at = timezone.now()
        return super().save(commit=commit)


def moderation_url(action, comment, next_url):
    base = reverse("wagtail_bulk_action", args=["news", "comment", action])
    return f"{base}?id={comment.pk}&next={next_url}"


class CommentIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not can_moderate(self.request.user):
            return buttons
        next_url = self.request.get_full_path()
        # Row actions are links to the permission-checked bulk actions, so one path guards both.
        for action in BULK_ACTIONS:
            if instance.status != action.new_status:
                buttons.append(
                    ListingMenuItem(
                        action.display_name,
                        moderation_url(action.action_type, instance, next_url),
                        icon_name=action.icon_name,
                    )
                )
        if instance.can_be_replied_to:
            buttons.append(
                ListingMenuItem(
                    "پاسخ رسمی",
                    reverse(Comment.snippet_viewset.get_url_name("reply"), args=[instance.pk]),
                    icon_name="comment",
                )
            )
        return buttons


def sent_at(comment):
    return format_jalali(comment.created_at, "datetime")


def status_label(comment):
    if comment.priority:
        return format_html("<strong>{}</strong> · فوری", comment.get_status_display())
    return comment.get_status_display()


class OfficialReplyForm(forms.Form):
    body = forms.CharField(
        label="متن پاسخ رسمی", max_length=2000, widget=forms.Textarea(attrs={"rows": 6})
    )


class CommentViewSet(ModeratorsOnlyViewSetMixin, SnippetViewSet):
    model = Comment
    chooser_viewset_class = ModeratorsOnlyChooserViewSet
    icon = "comment"
    menu_label = "نظرها"
    menu_name = "comments"
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = PendingCountMenuItem
    index_view_class = CommentIndexView
    inspect_view_enabled = True
    inspect_view_class = CommentModerationView
    copy_view_enabled = False
    filterset_class = CommentFilterSet
    search_fields = ["body", "name", "email", "tracking_code"]
    search_backend_name = None  # plain database lookups: no search index of private texts
    list_per_page = 50
    ordering = ["-priority", "-created_at"]
    list_display = [
        "__str__",
        "article",
        Column("status", label="وضعیت", accessor=status_label),
        Column("created_at", label="زمان ارسال", accessor=sent_at, sort_key="created_at"),
    ]
    inspect_view_fields = [
        "article",
        "parent",
        "name",
        "email",
        "body",
        "status",
        "priority",
        "is_official",
        "created_at",
        "moderated_at",
        "moderated_by",
        "tracking_code",
    ]
    edit_handler = comment_edit_handler(base_form_class=CommentModerationForm)

    def get_queryset(self, request):
        return Comment.objects.select_related("article")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("reply/<int:pk>/", self.reply_view, name="reply"),
        ]

    def reply_view(self, request, pk):
        if not can_moderate(request.user):
            raise PermissionDenied
        parent = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
        form = OfficialReplyForm(request.POST or None)
        if not parent.can_be_replied_to:
            messages.error(request, NOT_REPLIABLE)
            return redirect(self.get_url_name("list"))
        if request.method == "POST" and form.is_valid():
            reply = Comment(
                article=parent.article,
                parent=parent,
                name=organisation_name(request),
                body=normalize_persian(form.cleaned_data["body"]),
                is_official=True,
            )
            reply.save()
            reply.moderate(Comment.Status.APPROVED, request.user)
            messages.success(request, "پاسخ رسمی منتشر شد.")
            return redirect(self.get_url_name("list"))
        return TemplateResponse(
            request,
            "news/comments/admin/official_reply.html",
            {"parent": parent, "form": form, "header_icon": self.icon},
        )


class ModerationBulkAction(ModeratorsOnlyBulkActionMixin, SnippetBulkAction):
    models = [Comment]
    template_name = "news/comments/admin/confirm_moderation.html"
    new_status = None

    def check_perm(self, obj):
        return can_moderate(self.request.user)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for comment in objects:
            comment.moderate(cls.new_status, kwargs["self"].request.user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{self.display_name}: {persian_digits(num_parent_objects)} نظر."


class ApproveBulkAction(ModerationBulkAction):
    display_name = "انتشار"
    action_type = "approve"
    aria_label = "انتشار نظرهای انتخاب‌شده"
    action_priority = 10
    new_status = Comment.Status.APPROVED
    icon_name = "check"


class RejectBulkAction(ModerationBulkAction):
    display_name = "رد"
    action_type = "reject"
    aria_label = "رد نظرهای انتخاب‌شده"
    action_priority = 20
    new_status = Comment.Status.REJECTED
    icon_name = "cross"


class SpamBulkAction(ModerationBulkAction):
    display_name = "هرزنامه"
    action_type = "spam"
    aria_label = "علامت هرزنامه برای نظرهای انتخاب‌شده"
    action_priority = 25
    new_status = Comment.Status.SPAM
    icon_name = "warning"


BULK_ACTIONS = [ApproveBulkAction, RejectBulkAction, SpamBulkAction]


class ModeratorsOnlyDeleteBulkAction(ModeratorsOnlyBulkActionMixin, DeleteBulkAction):
    """Wagtail's generic snippet delete, for comments and crisis phrases: its confirmation page
    lists every chosen row by name, even rows the user may not delete, so it must not open at
    all to anyone else. The delete permission itself is still checked row by row."""

    models = [Comment, CrisisPhrase]


class CrisisPhraseViewSet(ModeratorsOnlyViewSetMixin, SnippetViewSet):
    model = CrisisPhrase
    chooser_viewset_class = ModeratorsOnlyChooserViewSet
    icon = "warning"
    menu_label = "عبارت‌های بحران"
    list_display = ["phrase"]
    search_fields = ["phrase"]
    search_backend_name = None
