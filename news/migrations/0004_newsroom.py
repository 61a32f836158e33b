"""The newsroom on a fresh site: /news/ exists, reporters draft, editors publish through a workflow.

«خبرنگار» (reporter) may create and edit articles under the news index and submit them for
moderation; «دبیر» (editor) may also publish, lock and manage sections. The workflow
«انتشار خبر» on the news index asks a دبیر to approve every article before it goes live.
"""

from django.db import migrations

REPORTER = "خبرنگار"
EDITOR = "دبیر"
WORKFLOW = "انتشار خبر"
TASK = "تأیید دبیر"
NEWS_TITLE = "اخبار"
TREE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP_LENGTH = 4

PAGE_PERMISSIONS = {
    REPORTER: ["add_page"],
    EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
MODEL_PERMISSIONS = {
    REPORTER: [("news", "newssection", ["view"])],
    EDITOR: [("news", "newssection", ["add", "change", "delete", "view"])],
}
COLLECTION_PERMISSIONS = {
    REPORTER: [("wagtailimages", "image", ["add", "choose"]), ("wagtaildocs", "document", ["add", "choose"])],
    EDITOR: [
        ("wagtailimages", "image", ["add", "change", "choose"]),
        ("wagtaildocs", "document", ["add", "change", "choose"]),
    ],
}


def step(number):
    digits = ""
    while True:
        number, remainder = divmod(number, len(TREE_ALPHABET))
        digits = TREE_ALPHABET[remainder] + digits
        if number == 0:
            return digits.rjust(STEP_LENGTH, "0")


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    # On a fresh database Django creates permissions only after all migrations: make ours now.
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return found


def ensure_news_index(apps):
    Page = apps.get_model("wagtailcore.Page")
    NewsIndexPage = apps.get_model("news.NewsIndexPage")
    HomePage = apps.get_model("portal.HomePage")
    ContentType = apps.get_model("contenttypes.ContentType")
    existing = NewsIndexPage.objects.first()
    if existing:
        return existing
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return None
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    last = children.order_by("-path").values_list("path", flat=True).first()
    next_step = int(last[-STEP_LENGTH:], len(TREE_ALPHABET)) + 1 if last else 1
    slug = "news" if not children.filter(slug="news").exists() else "news-index"
    index = NewsIndexPage.objects.create(
        title=NEWS_TITLE,
        draft_title=NEWS_TITLE,
        slug=slug,
        content_type=ContentType.objects.get_or_create(app_label="news", model="newsindexpage")[0],
        path=home.path + step(next_step),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{slug}/",
        live=True,
        locale_id=home.locale_id,
        intro="تازه‌ترین خبرهای بهزیستی استان خوزستان و شهرستان‌ها.",
    )
    Page.objects.filter(pk=home.pk).update(numchild=children.count())
    return index


def create_newsroom(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore.Collection")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    ContentType = apps.get_model("contenttypes.ContentType")

    index = ensure_news_index(apps)
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    groups = {}
    for name in (REPORTER, EDITOR):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        for app_label, model, actions in MODEL_PERMISSIONS[name]:
            for action in actions:
                group.permissions.add(permission(apps, app_label, model, f"{action}_{model}"))
        if root_collection:
            for app_label, model, actions in COLLECTION_PERMISSIONS[name]:
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=permission(apps, app_label, model, f"{action}_{model}"),
                    )
        if index:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page_id=index.pk,
                    permission=permission(apps, "wagtailcore", "page", codename),
                )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(groups[EDITOR])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if index:
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})


def remove_newsroom(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=TASK).delete()
    apps.get_model("auth.Group").objects.filter(name__in=[REPORTER, EDITOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_comment_moderators_and_crisis_phrases"),
        ("portal", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_newsroom, remove_newsroom)]
