"""The «مدیر خدمات» group: edits e-services, help lines and centres, and may upload their icons."""

from django.db import migrations

GROUP_NAME = "مدیر خدمات"
MODELS = {
    "eservice": "e service",
    "hotline": "hotline",
    "servicecentre": "service centre",
}
ACTIONS = ("add", "change", "delete", "view")
IMAGE_ACTIONS = ("add", "choose")


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _created = Group.objects.get_or_create(name=GROUP_NAME)

    # Permissions are normally created after all migrations; create ours now so a fresh
    # database has a working group straight away (post_migrate will find them existing).
    for model, readable_name in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="eservices", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {readable_name}"},
            )
            group.permissions.add(permission)

    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    group.permissions.add(access_admin)

    image_type, _ = ContentType.objects.get_or_create(app_label="wagtailimages", model="image")
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for action in IMAGE_ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=image_type,
                codename=f"{action}_image",
                defaults={"name": f"Can {action} image"},
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("eservices", "0001_services_hotlines_centres"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0026_group_collection_permission"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
