import json

import pytest

from django.core.management import CommandError, call_command

from news.models import NewsPage
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


def old_article(code=126727, **fields):
    record = {
        "news_code": code,
        "title": "نشست شورای هماهنگی بهزيستي استان",
        "over_title": "در اهواز",
        "lead": "لید خبر قديمي",
        "body": "<p>بند نخست</p>",
        "published_at": "2019-01-02T14:30:00+03:30",
        "tags": ["اشتغال", "خوزستان"],
        "section": "اشتغال",
    }
    record.update(fields)
    return record


def run_import(tmp_path, records, raw=None):
    path = tmp_path / "old-news.json"
    path.write_text(raw if raw is not None else json.dumps(records, ensure_ascii=False), "utf-8")
    out, err = [], []

    class Collect:
        def __init__(self, sink):
            self.sink = sink

        def write(self, text, *args, **kwargs):
            self.sink.append(text)

        def flush(self):
            pass

    call_command("import_news", str(path), stdout=Collect(out), stderr=Collect(err))
    return "".join(out), "".join(err)


def test_import_keeps_codes_dates_tags_and_section(client, tmp_path, news_index):
    run_import(tmp_path, [old_article()])
    page = NewsPage.objects.get(news_code=126727)
    assert page.live
    assert page.title == "نشست شورای هماهنگی بهزیستی استان"
    assert page.over_title == "در اهواز" and page.lead == "لید خبر قدیمی"
    assert page.published_at.isoformat() == "2019-01-02T11:00:00+00:00"
    assert page.first_published_at == page.published_at
    assert sorted(page.tags.names()) == ["اشتغال", "خوزستان"]
    assert page.section.name == "اشتغال"
    assert client.get("/news/126727/")["Location"] == page.url
    assert "چهارشنبه ۱۲ دی ۱۳۹۷ - ۱۴:۳۰" in client.get(page.url).content.decode()


def test_importing_again_updates_and_never_duplicates(tmp_path, news_index):
    run_import(tmp_path, [old_article()])
    run_import(tmp_path, [old_article(title="عنوان اصلاح‌شده")])
    assert NewsPage.objects.filter(news_code=126727).count() == 1
    assert NewsPage.objects.get(news_code=126727).title == "عنوان اصلاح‌شده"


def test_articles_written_after_the_import_get_higher_codes(tmp_path, news_index):
    run_import(tmp_path, [old_article(126727), old_article(90000, title="خبر قدیمی‌تر")])
    assert factories.article(news_index).news_code == 126728


def test_html_is_sanitised(tmp_path, news_index):
    hostile = (
        '<p onclick="steal()">متن <strong>مهم</strong> '
        '<a href="javascript:alert(1)">بد</a> <a href="https://example.org/x">خوب</a></p>'
        "<script>alert(1)</script><img src=x onerror=alert(1)><iframe src=//evil></iframe>"
    )
    run_import(tmp_path, [old_article(body=hostile)])
    html = NewsPage.objects.get(news_code=126727).body.raw_data[0]["value"]
    assert "script" not in html and "onclick" not in html and "onerror" not in html
    assert "javascript:" not in html and "iframe" not in html and "<img" not in html
    assert "<b>مهم</b>" in html and 'href="https://example.org/x"' in html


def test_plain_text_body_becomes_paragraphs(tmp_path, news_index):
    run_import(tmp_path, [old_article(body="بند یک <نه تگ>\n\nبند دو\nادامهٔ بند دو")])
    html = NewsPage.objects.get(news_code=126727).body.raw_data[0]["value"]
    assert html == "<p>بند یک &lt;نه تگ&gt;</p><p>بند دو<br/>ادامهٔ بند دو</p>"


def test_bad_records_are_reported_with_position_and_reason_and_the_rest_imported(
    tmp_path, news_index
):
    records = [
        old_article(1001),
        old_article(-5),
        old_article(1002, title=""),
        "not an object",
        old_article(1003, published_at="دیروز"),
        old_article(1004, tags="اشتغال"),
        old_article(1005),
    ]
    out, err = run_import(tmp_path, records)
    assert sorted(NewsPage.objects.values_list("news_code", flat=True)) == [1001, 1005]
    assert "رکورد 2 (کد خبر -5) رد شد: کد خبر" in err
    assert "رکورد 3 (کد خبر 1002) رد شد: عنوان" in err
    assert "رکورد 4 (کد خبر -) رد شد" in err
    assert "رکورد 5 (کد خبر 1003) رد شد: تاریخ انتشار" in err
    assert "رکورد 6 (کد خبر 1004) رد شد: برچسب" in err
    assert "2 خبر تازه" in out and "5 رکورد رد شد" in out


@pytest.mark.parametrize("raw", ["[{", '{"news_code": 1}', "", "\x00\x01", '"just a string"'])
def test_malformed_file_exits_with_an_error_and_changes_nothing(tmp_path, news_index, raw):
    before = NewsPage.objects.count()
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, None, raw=raw)
    assert "هیچ خبری وارد نشد" in str(error.value)
    assert NewsPage.objects.count() == before


def test_missing_file_is_a_clear_error(news_index):
    with pytest.raises(CommandError, match="پرونده خوانده نشد"):
        call_command("import_news", "/nonexistent/old-news.json")


def test_title_that_would_make_a_numeric_or_taken_slug_still_imports(tmp_path, news_index):
    run_import(tmp_path, [old_article(2001, title="1404"), old_article(2002, title="1404")])
    slugs = sorted(NewsPage.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 2 and not any(slug.isdigit() for slug in slugs)
