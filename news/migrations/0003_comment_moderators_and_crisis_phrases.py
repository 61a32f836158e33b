"""The «ناظر نظرات» group, which may moderate comments and edit crisis phrases, and a first list
of crisis phrases that editors can change."""

from django.db import migrations

GROUP_NAME = "ناظر نظرات"
GROUP_PERMISSIONS = {
    "comment": [("moderate_comment", "می‌تواند نظرها را بررسی کند")],
    "crisisphrase": [
        (f"{action}_crisisphrase", f"Can {action} crisis phrase")
        for action in ("add", "change", "delete", "view")
    ],
}
# Stored with their folded spelling as portal.text.fold_for_search writes it today: a migration
# must not import project code that may change later.
FIRST_CRISIS_PHRASES = {
    "خودکشی": "خودکشی",
    "خودزنی": "خودزنی",
    "می‌خواهم بمیرم": "میخواهم بمیرم",
    "خودم را بکشم": "خودم را بکشم",
    "کودک‌آزاری": "کودکازاری",
    "همسرآزاری": "همسرازاری",
    "خشونت خانگی": "خشونت خانگی",
    "آزار جنسی": "ازار جنسی",
    "تجاوز": "تجاوز",
    "کتکم می‌زند": "کتکم میزند",
}


def create_group_and_phrases(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    CrisisPhrase = apps.get_model("news", "CrisisPhrase")

    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    # Permissions are normally created after all migrations; create ours now so a fresh
    # database has a working group straight away (post_migrate will find them existing).
    for model, permissions in GROUP_PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="news", model=model)
        for codename, name in permissions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            group.permissions.add(permission)

    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    group.permissions.add(access_admin)

    for phrase, folded in FIRST_CRISIS_PHRASES.items():
        CrisisPhrase.objects.get_or_create(phrase=phrase, defaults={"folded": folded})


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_comments"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group_and_phrases, remove_group)]
