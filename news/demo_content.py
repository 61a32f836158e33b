"""Demo news: the news index, the newsroom's sections and a handful of articles.

Written for this project in the register of a provincial welfare office's news; names of
people are left out on purpose. Idempotent: pages and sections are looked up by slug first.
"""

import datetime

from django.utils import timezone

from news import renditions
from news.audio import request_missing_audio
from news.demo_illustrations import illustration
from news.models import Comment, NewsIndexPage, NewsPage, NewsSection
from portal.demo_content import home_page

SECTIONS = [
    ("اجتماعی", "social"),
    ("اشتغال", "employment"),
    ("توانبخشی", "rehabilitation"),
    ("شهرستان‌ها", "counties"),
]

ARTICLES = [
    {
        "slug": "مشاغل-خانگی-مددجویان-اهواز",
        "over_title": "با حمایت بهزیستی خوزستان",
        "title": "۳۲۰ مددجوی اهوازی صاحب شغل خانگی شدند",
        "lead": (
            "مدیرکل بهزیستی خوزستان از ایجاد ۳۲۰ فرصت شغلی خانگی برای زنان سرپرست خانوار و "
            "افراد دارای معلولیت اهواز با تسهیلات کم‌بهره در شش ماه نخست امسال خبر داد."
        ),
        "section": "employment",
        "tags": ["اشتغال", "زنان سرپرست خانوار", "اهواز"],
        "days_ago": 1,
        "body": [
            "بیشتر این طرح‌ها در رشته‌های خیاطی، قالی‌بافی، تولید نان محلی و پرورش دام سبک است "
            "و هر مددجو پیش از دریافت تسهیلات دورهٔ آموزش مهارت و مشاورهٔ کسب‌وکار گذرانده است.",
            "متقاضیان می‌توانند برای ثبت‌نام به ادارهٔ بهزیستی شهرستان محل سکونت خود مراجعه کنند.",
        ],
    },
    {
        "slug": "افتتاح-مرکز-توانبخشی-دزفول",
        "over_title": "",
        "title": "مرکز توانبخشی روزانهٔ دزفول افتتاح شد",
        "lead": (
            "مرکز توانبخشی روزانهٔ دزفول با ظرفیت پذیرش ۶۰ کودک دارای معلولیت ذهنی و جسمی-حرکتی "
            "با حضور مسئولان استانی و شهرستانی گشایش یافت."
        ),
        "section": "rehabilitation",
        "tags": ["توانبخشی", "دزفول", "کودکان"],
        "days_ago": 3,
        "body": [
            "این مرکز خدمات کاردرمانی، گفتاردرمانی و فیزیوتراپی را رایگان به خانواده‌های "
            "تحت پوشش ارائه می‌کند و سرویس رفت‌وآمد کودکان را نیز بر عهده دارد.",
        ],
    },
    {
        "slug": "غربالگری-بینایی-کودکان-خوزستان",
        "over_title": "طرح ملی پیشگیری از تنبلی چشم",
        "title": "غربالگری بینایی کودکان ۳ تا ۶ ساله در خوزستان آغاز شد",
        "lead": (
            "پایگاه‌های غربالگری بینایی بهزیستی در سراسر استان تا پایان آبان پذیرای کودکان ۳ تا ۶ "
            "ساله هستند؛ معاینه رایگان است."
        ),
        "section": "social",
        "tags": ["پیشگیری", "کودکان", "خوزستان"],
        "days_ago": 6,
        "body": [
            "تنبلی چشم اگر پیش از شش سالگی شناخته شود درمان‌پذیر است. خانواده‌ها می‌توانند "
            "نشانی نزدیک‌ترین پایگاه را از شمارهٔ ۱۴۸۰ بپرسند.",
        ],
    },
    {
        "slug": "سالمندان-شوشتر-خانه-سالمندان",
        "over_title": "",
        "title": "دیدار با سالمندان خانهٔ سالمندان شوشتر به مناسبت روز جهانی سالمند",
        "lead": (
            "کارکنان بهزیستی شوشتر به مناسبت روز جهانی سالمند با ساکنان خانهٔ سالمندان شهرستان "
            "دیدار کردند و برنامهٔ شادپیمایی برگزار شد."
        ),
        "section": "counties",
        "tags": ["سالمندان", "شوشتر"],
        "days_ago": 10,
        "body": [
            "در این برنامه از پرستاران و مراقبان نمونهٔ مرکز نیز قدردانی شد.",
        ],
    },
    {
        "slug": "مددکاری-اجتماعی-مدارس-آبادان",
        "over_title": "پیشگیری از آسیب‌های اجتماعی",
        "title": "مددکاران بهزیستی در ۴۰ مدرسهٔ آبادان مستقر شدند",
        "lead": (
            "با هماهنگی آموزش‌وپرورش، مددکاران اجتماعی بهزیستی آبادان هفته‌ای دو روز در ۴۰ مدرسهٔ "
            "شهرستان به دانش‌آموزان و خانواده‌هایشان مشاوره می‌دهند."
        ),
        "section": "social",
        "tags": ["پیشگیری", "آبادان", "مشاوره"],
        "days_ago": 0,
        "body": [
            "این طرح برای شناخت زودهنگام کودکان در معرض آسیب و همراهی با خانواده‌ها اجرا می‌شود و "
            "مشاوره‌ها محرمانه و رایگان است.",
        ],
    },
    {
        "slug": "وام-مسکن-خانواده-دو-معلول-اندیمشک",
        "over_title": "",
        "title": "۲۵ خانوادهٔ دارای دو عضو معلول در اندیمشک خانه‌دار شدند",
        "lead": (
            "کلید ۲۵ واحد مسکونی ساخته‌شده با کمک‌هزینهٔ بهزیستی و مشارکت خیران به خانواده‌های "
            "دارای دو عضو معلول و بیشتر در اندیمشک تحویل داده شد."
        ),
        "section": "counties",
        "tags": ["مسکن", "اندیمشک", "معلولیت"],
        "days_ago": 2,
        "body": [
            "خانواده‌های دارای دو عضو معلول و بیشتر در اولویت طرح مسکن بهزیستی هستند و می‌توانند "
            "برای ثبت‌نام به ادارهٔ بهزیستی شهرستان مراجعه کنند.",
        ],
    },
    {
        "slug": "مهارت-آموزی-ناشنوایان-اهواز",
        "over_title": "توانمندسازی افراد دارای معلولیت شنوایی",
        "title": "دورهٔ مهارت‌آموزی رایانه برای ناشنوایان اهواز برگزار شد",
        "lead": (
            "۴۵ فرد ناشنوا و کم‌شنوا در دورهٔ سه‌ماههٔ مهارت‌های رایانه با مربیان آشنا به زبان "
            "اشاره شرکت کردند و گواهی فنی‌وحرفه‌ای گرفتند."
        ),
        "section": "employment",
        "tags": ["اشتغال", "ناشنوایان", "اهواز"],
        "days_ago": 4,
        "body": [
            "دورهٔ بعدی در رشتهٔ طراحی گرافیک از ماه آینده آغاز می‌شود.",
        ],
    },
    {
        "slug": "اهدای-ویلچر-شادگان",
        "over_title": "",
        "title": "۱۲۰ وسیلهٔ کمک‌توانبخشی به مددجویان شادگان اهدا شد",
        "lead": (
            "ویلچر، واکر، عصا و سمعک به ارزش بیش از دو میلیارد ریال میان افراد دارای معلولیت و "
            "سالمندان نیازمند شادگان توزیع شد."
        ),
        "section": "rehabilitation",
        "tags": ["توانبخشی", "شادگان", "وسایل کمک‌توانبخشی"],
        "days_ago": 5,
        "body": [
            "درخواست وسایل کمک‌توانبخشی از سامانهٔ خدمات الکترونیک بهزیستی ثبت می‌شود.",
        ],
    },
    {
        "slug": "مهدکودک-روستایی-باغملک",
        "over_title": "آموزش پیش‌دبستانی در روستاها",
        "title": "۱۸ مهدکودک روستایی تازه در باغملک و ایذه آغاز به کار کرد",
        "lead": (
            "با راه‌اندازی ۱۸ مهدکودک روستایی، بیش از ۴۰۰ کودک روستاهای باغملک و ایذه از آموزش "
            "پیش‌دبستانی و یک وعده غذای گرم رایگان بهره‌مند شدند."
        ),
        "section": "counties",
        "tags": ["کودکان", "باغملک", "ایذه"],
        "days_ago": 8,
        "body": [
            "هزینهٔ مهدکودک‌های روستایی را بهزیستی می‌پردازد و خانواده‌ها شهریه‌ای نمی‌پردازند.",
        ],
    },
]


# Under the first article: a reader's question with the organisation's answer, a thank-you, and
# one comment still waiting, so moderators find something in «نظرها».
COMMENTS = [
    {
        "name": "یکی از مددجویان کارون",
        "body": "سلام. من سرپرست خانوارم و در شهرستان کارون زندگی می‌کنم. این تسهیلات شامل ما هم "
        "می‌شود؟",
        "status": Comment.Status.APPROVED,
        "hours_ago": 20,
        "reply": "با سلام؛ بله. متقاضیان همهٔ شهرستان‌های استان می‌توانند به ادارهٔ بهزیستی "
        "شهرستان خود مراجعه کنند یا برای راهنمایی با شمارهٔ ۱۴۸۰ تماس بگیرند.",
    },
    {
        "name": "خواهر یک مددجو",
        "body": "خواهرم با همین طرح کارگاه خیاطی کوچکی در خانه راه انداخته است. از همکاران "
        "بهزیستی اهواز سپاسگزاریم.",
        "status": Comment.Status.APPROVED,
        "hours_ago": 12,
    },
    {
        "name": "خوانندهٔ خبر",
        "body": "ثبت‌نام مرحلهٔ بعد از چه زمانی آغاز می‌شود؟",
        "status": Comment.Status.PENDING,
        "hours_ago": 2,
    },
]


def add_comments(article):
    if article.comments.exists():
        return
    for spec in COMMENTS:
        written_at = timezone.now() - datetime.timedelta(hours=spec["hours_ago"])
        comment = Comment.objects.create(
            article=article,
            name=spec["name"],
            body=spec["body"],
            status=spec["status"],
            created_at=written_at,
        )
        if "reply" in spec:
            Comment.objects.create(
                article=article,
                parent=comment,
                name="بهزیستی خوزستان",
                body=spec["reply"],
                status=Comment.Status.APPROVED,
                is_official=True,
                created_at=written_at + datetime.timedelta(hours=3),
            )


def news_index():
    index = NewsIndexPage.objects.first()
    if index is None:
        index = NewsIndexPage(
            title="اخبار",
            slug="news",
            intro="تازه‌ترین خبرهای بهزیستی استان خوزستان و شهرستان‌ها.",
        )
        home_page().add_child(instance=index)
        index.save_revision().publish()
    return index


def load(stdout):
    sections = {}
    for name, slug in SECTIONS:
        sections[slug], _ = NewsSection.objects.get_or_create(slug=slug, defaults={"name": name})
    index = news_index()
    created = 0
    for spec in ARTICLES:
        existing = NewsPage.objects.filter(slug=spec["slug"]).first()
        if existing:
            if not existing.main_image_id:  # demo loaded before articles had illustrations
                existing.main_image = illustration(spec["slug"], spec["section"])
                existing.main_image_decorative = True
                existing.save_revision().publish()
            continue
        published_at = timezone.now() - datetime.timedelta(days=spec["days_ago"])
        article = NewsPage(
            slug=spec["slug"],
            title=spec["title"],
            over_title=spec["over_title"],
            lead=spec["lead"],
            section=sections[spec["section"]],
            published_at=published_at,
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["body"]],
            # Shapes in the section's colour, no information in them: decorative (alt="").
            main_image=illustration(spec["slug"], spec["section"]),
            main_image_decorative=True,
        )
        article.tags.set(spec["tags"])
        index.add_child(instance=article)
        article.save_revision().publish()
        created += 1
    add_comments(NewsPage.objects.get(slug=ARTICLES[0]["slug"]))
    # Articles published above were read aloud as they went live; this covers a demo loaded
    # before espeak-ng was installed, or before articles were read aloud at all.
    request_missing_audio()
    stdout.write(f"اخبار: {created} خبر نمونه افزوده شد.")
    # Demo databases made before sizes were generated on upload get them here.
    renditions.backfill(stdout)
