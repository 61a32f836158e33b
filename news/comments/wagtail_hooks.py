"""Registers comment moderation with the Wagtail admin (imported by news/wagtail_hooks.py)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from news.comments.admin import (
    BULK_ACTIONS,
    CommentPermissionPolicy,
    CommentViewSet,
    CrisisPhraseViewSet,
    ModeratorsOnlyDeleteBulkAction,
)
from news.models import Comment

register_permission_policy(Comment, CommentPermissionPolicy(Comment), exact_class=True)
register_snippet(CommentViewSet)
register_snippet(CrisisPhraseViewSet)

for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)

# After Wagtail's own snippet delete (order 0), so this one answers for comments and phrases.
hooks.register("register_bulk_action", ModeratorsOnlyDeleteBulkAction, order=1)
