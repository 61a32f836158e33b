"""An article's approved comments as a tree, built from one query."""

from dataclasses import dataclass, field

from news.models import Comment


@dataclass
class CommentNode:
    comment: Comment
    replies: list["CommentNode"] = field(default_factory=list)


@dataclass
class Thread:
    roots: list[CommentNode]
    count: int


def build_thread(article):
    comments = list(Comment.objects.thread_for(article))
    nodes = {comment.pk: CommentNode(comment) for comment in comments}
    roots = []
    for comment in comments:
        node = nodes[comment.pk]
        if comment.parent_id is None:
            roots.append(node)
        elif comment.parent_id in nodes:
            nodes[comment.parent_id].replies.append(node)
    # A reply whose parent was later unpublished is not shown, and is not counted.
    shown = _count(roots)
    return Thread(roots=roots, count=shown)


def _count(nodes):
    return sum(1 + _count(node.replies) for node in nodes)
