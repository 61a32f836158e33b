"""{% load comments %} (registered in settings.TEMPLATES' libraries)

{% comment_thread page as thread %}   thread.roots (nested CommentNode), thread.count
"""

from django import template

from news.comments.thread import build_thread

register = template.Library()


@register.simple_tag
def comment_thread(article):
    return build_thread(article)
