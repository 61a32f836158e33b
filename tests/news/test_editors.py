import datetime

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsPage
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def article_form(**overrides):
    data = {
        "title": "كمك به مددجويان اهواز",
        "slug": "کمک-به-مددجویان",
        "over_title": "",
        "lead": "لید خبر با ي عربی",
        "body": streamfield([("paragraph", rich_text("<p>متن خبر</p>"))]),
        "tags": "كار, کار, اهواز",
        "main_image_alt": "",
        "pinned_related": inline_formset([]),
        "comments_open": "on",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_news_index_exists_on_a_fresh_site_at_news(client, news_index, home_page):
    assert news_index.get_parent().specific == home_page
    assert news_index.url == "/news/"
    assert client.get("/news/").status_code == 200


def test_reporter_drafts_and_submits_but_cannot_publish(client, django_user_model, news_index):
    reporter = member_of(django_user_model, "خبرنگار", "reporter")
    permissions = news_index.permissions_for_user(reporter)
    assert permissions.can_add_subpage()
    assert not permissions.can_publish_subpage()
    client.force_login(reporter)
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    response = client.post(url, article_form(**{"action-submit": "submit"}))
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="کمک-به-مددجویان")
    assert not page.live
    workflow_state = page.current_workflow_state
    assert workflow_state is not None and workflow_state.workflow.name == "انتشار خبر"
    assert workflow_state.current_task_state.task.name == "تأیید دبیر"


def test_editor_can_publish_news(django_user_model, news_index):
    editor = member_of(django_user_model, "دبیر", "editor")
    permissions = news_index.permissions_for_user(editor)
    assert permissions.can_publish_subpage()
    page = factories.article(news_index, publish=False)
    assert page.permissions_for_user(editor).can_publish()


def test_groups_have_no_rights_outside_the_news(django_user_model, home_page):
    reporter = member_of(django_user_model, "خبرنگار", "reporter")
    editor = member_of(django_user_model, "دبیر", "editor")
    for user in (reporter, editor):
        assert not home_page.permissions_for_user(user).can_edit()
    assert editor.has_perm("news.change_newssection")
    assert not reporter.has_perm("news.change_newssection")


def test_admin_form_normalises_arabic_letters_and_merges_tags(client, admin_user, news_index):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    response = client.post(url, article_form(**{"action-publish": "publish"}))
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="کمک-به-مددجویان")
    assert page.title == "کمک به مددجویان اهواز"
    assert page.lead == "لید خبر با ی عربی"
    assert sorted(page.tags.names()) == ["اهواز", "کار"]
    assert page.news_code > 0
    assert page.published_at == page.first_published_at


def test_admin_refuses_a_main_image_without_alt_text(client, admin_user, news_index):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    image = factories.image()
    response = client.post(url, article_form(main_image=image.pk))
    assert response.status_code == 200
    assert "متن جایگزین را بنویسید" in response.content.decode()
    assert not NewsPage.objects.filter(slug="کمک-به-مددجویان").exists()


def test_editor_sees_the_news_code_but_cannot_change_it(client, admin_user, news_index):
    page = factories.article(news_index, news_code=5000)
    client.force_login(admin_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert (
        "۵۰۰۰" in client.get(edit_url).content.decode()
        or "5000" in client.get(edit_url).content.decode()
    )
    form = article_form(title=page.title, slug=page.slug, news_code="1")
    client.post(edit_url, {**form, "action-publish": "publish"})
    page.refresh_from_db()
    assert page.news_code == 5000


def test_preview_shows_the_article_before_publishing(client, admin_user, news_index):
    page = factories.article(news_index, publish=False)
    client.force_login(admin_user)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    form = article_form(title="عنوان پیش‌نمایش", slug=page.slug)
    assert client.post(preview_url, form).json()["is_valid"]
    response = client.get(preview_url)
    assert response.status_code == 200
    assert "عنوان پیش‌نمایش" in response.content.decode()


def test_scheduled_article_goes_live_when_publish_scheduled_runs(news_index):
    page = factories.article(news_index, publish=False)
    page.unpublish()
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live and revision.approved_go_live_at is not None
    # An hour passes: the scheduled moment is now in the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert page.published_at == page.first_published_at


def test_preview_of_the_news_index_shows_its_listing(client, admin_user, news_index):
    factories.article(news_index, title="خبر در پیش‌نمایش فهرست")
    client.force_login(admin_user)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(news_index.pk,))
    form = nested_form_data({"title": "اخبار", "slug": "news", "intro": "معرفی تازه"})
    assert client.post(preview_url, form).json()["is_valid"]
    html = client.get(preview_url).content.decode()
    assert "خبر در پیش‌نمایش فهرست" in html and "معرفی تازه" in html
