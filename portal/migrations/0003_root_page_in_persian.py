from django.db import migrations

ROOT_TITLE = "ریشهٔ درخت صفحه‌ها"


def name_root_in_persian(apps, schema_editor):
    """Wagtail names the invisible root of the page tree "Root"; editors see it in the explorer."""
    apps.get_model("wagtailcore.Page").objects.filter(depth=1, title="Root").update(
        title=ROOT_TITLE, draft_title=ROOT_TITLE
    )


def name_root_in_english(apps, schema_editor):
    apps.get_model("wagtailcore.Page").objects.filter(depth=1, title=ROOT_TITLE).update(
        title="Root", draft_title="Root"
    )


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_create_homepage"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(name_root_in_persian, name_root_in_english)]
