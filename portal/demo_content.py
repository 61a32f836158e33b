"""Demo content of the portal app: the organisation, the home page and two plain pages.

Written for this project; the address and phone are realistic in form, not the real office's.
"""

from wagtail.models import Site

from portal.models import HomePage, OrganisationSettings, StandardPage

ORGANISATION = {
    "name": "ادارهٔ کل بهزیستی استان خوزستان",
    "short_name": "بهزیستی خوزستان",
    "address": "اهواز، کیانپارس، خیابان ۱۴ غربی، ساختمان ادارهٔ کل بهزیستی",
    "postal_code": "6155689411",
    "phone": "06133367000",
    "email": "info@behzisti-khz.example",
    "about": (
        "بهزیستی خوزستان در کنار افراد دارای معلولیت، سالمندان، کودکان و زنان سرپرست خانوار و "
        "خانواده‌های نیازمند است؛ از توانبخشی و اشتغال تا پیشگیری از آسیب‌های اجتماعی."
    ),
}

HOME_INTRO = (
    "خبرهای بهزیستی استان، خدمات الکترونیک پرکاربرد و شماره‌های تماس در شرایط بحران، همه در یک جا."
)

PAGES = [
    {
        "slug": "about",
        "title": "دربارهٔ ما",
        "lead": "ادارهٔ کل بهزیستی خوزستان با ۲۷ ادارهٔ شهرستانی در سراسر استان خدمت می‌کند.",
        "body": [
            (
                "paragraph",
                "<p>بهزیستی خوزستان خدمات توانبخشی، مشاوره، پیشگیری از آسیب‌های اجتماعی، حمایت از "
                "کودکان بی‌سرپرست و بدسرپرست، و توانمندسازی زنان سرپرست خانوار را در همهٔ شهرستان‌های "
                "استان ارائه می‌کند.</p>",
            ),
            (
                "paragraph",
                "<h2>مأموریت ما</h2><p>کمک به اینکه هر شهروند، با هر توانایی، "
                "زندگی مستقل و آبرومندی داشته باشد.</p>",
            ),
        ],
    },
    {
        "slug": "contact",
        "title": "تماس با ما",
        "lead": "نشانی، تلفن و ساعت کاری ادارهٔ کل؛ شماره‌های اضطراری شبانه‌روزی پاسخ می‌دهند.",
        "body": [
            (
                "paragraph",
                "<p>ساعت کاری ادارهٔ کل شنبه تا چهارشنبه از ۷:۳۰ تا ۱۴:۳۰ است. "
                "اورژانس اجتماعی ۱۲۳ و صدای مشاور ۱۴۸۰ شبانه‌روزی پاسخگو هستند.</p>",
            ),
        ],
    },
    {
        "slug": "complaints",
        "title": "شکایات و پیشنهادها",
        "lead": (
            "شکایت، انتقاد یا پیشنهاد خود دربارهٔ خدمات بهزیستی خوزستان را با ما در میان بگذارید."
        ),
        "body": [
            (
                "paragraph",
                "<p>شکایت یا پیشنهاد خود را با نام، شمارهٔ تماس و شرح کوتاه موضوع به رایانامهٔ "
                "ادارهٔ کل بفرستید یا در ساعت کاری با دفتر ارتباطات مردمی تماس بگیرید. "
                "هر پیام یک کد پیگیری می‌گیرد و پاسخ آن حداکثر تا ده روز کاری داده می‌شود.</p>",
            ),
            (
                "paragraph",
                "<h2>در شرایط بحران</h2><p>اگر خود یا کسی در خطر است، منتظر پاسخ نمانید: "
                "با اورژانس اجتماعی ۱۲۳ تماس بگیرید.</p>",
            ),
        ],
    },
]


def home_page():
    site = Site.objects.get(is_default_site=True)
    return site.root_page.specific


def load(stdout):
    site = Site.objects.get(is_default_site=True)
    organisation = OrganisationSettings.for_site(site)
    for field, value in ORGANISATION.items():
        setattr(organisation, field, value)
    organisation.save()

    home = home_page()
    if isinstance(home, HomePage) and home.intro != HOME_INTRO:
        home.intro = HOME_INTRO
        home.save_revision().publish()

    for spec in PAGES:
        if StandardPage.objects.filter(slug=spec["slug"]).exists():
            continue
        page = StandardPage(
            title=spec["title"], slug=spec["slug"], lead=spec["lead"], body=spec["body"]
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    stdout.write(
        "سازمان، صفحهٔ نخست و صفحه‌های «دربارهٔ ما»، «تماس با ما» و «شکایات و پیشنهادها» آماده‌اند."
    )
