"""Demo content of the e-services app, written for this project.

The help lines 123 and 1480 are the real national numbers. The e-service addresses use the
reserved .example domain and the centres' addresses and numbers are realistic in form only:
nothing here points at a real system or office.
"""

from eservices.models import EService, Hotline, ServiceCentre

HOTLINES = [
    {
        "number": "123",
        "title": "اورژانس اجتماعی",
        "description": "کودک‌آزاری، همسرآزاری، خطر خودکشی و بحران‌های خانوادگی؛ تماس رایگان است.",
        "hours": "شبانه‌روزی",
    },
    {
        "number": "1480",
        "title": "صدای مشاور",
        "description": (
            "مشاورهٔ تلفنی رایگان و محرمانه در زمینهٔ خانواده، ازدواج، فرزندپروری و سلامت روان."
        ),
        "hours": "شبانه‌روزی",
    },
]

SERVICE_SITE = "https://khz.behzisti.example"

E_SERVICES = [
    {
        "title": "ثبت‌نام در سامانهٔ جامع خدمات بهزیستی",
        "description": "تشکیل پرونده و ثبت درخواست خدمات برای نخستین بار.",
        "path": "/register",
        "category": "پرونده و درخواست",
        "builtin_icon": "person",
        "popular": True,
    },
    {
        "title": "پیگیری درخواست با کد رهگیری",
        "description": "وضعیت درخواست‌های ثبت‌شده را با کد ملی و کد رهگیری ببینید.",
        "path": "/tracking",
        "category": "پرونده و درخواست",
        "builtin_icon": "search",
        "popular": True,
    },
    {
        "title": "به‌روزرسانی اطلاعات خانوار",
        "description": "تغییر نشانی، شماره تماس و اعضای خانوار مددجو.",
        "path": "/household",
        "category": "پرونده و درخواست",
        "builtin_icon": "family",
        "popular": False,
    },
    {
        "title": "نوبت‌دهی کمیسیون پزشکی تعیین نوع و شدت معلولیت",
        "description": "انتخاب روز و ساعت حضور در کمیسیون شهرستان محل سکونت.",
        "path": "/commission",
        "category": "توانبخشی و معلولیت",
        "builtin_icon": "calendar",
        "popular": True,
    },
    {
        "title": "درخواست وسایل کمک‌توانبخشی",
        "description": "ویلچر، سمعک، عصای سفید و دیگر وسایل کمکی.",
        "path": "/assistive-devices",
        "category": "توانبخشی و معلولیت",
        "builtin_icon": "rehabilitation",
        "popular": True,
    },
    {
        "title": "استعلام مستمری و کمک‌هزینه‌ها",
        "description": "مبلغ و تاریخ واریز مستمری ماهانه و کمک‌هزینه‌های تحصیلی و درمانی.",
        "path": "/pension",
        "category": "حمایت‌های مالی",
        "builtin_icon": "payment",
        "popular": True,
    },
    {
        "title": "ثبت‌نام طرح مسکن مددجویی",
        "description": "ویژهٔ خانواده‌های دارای دو عضو یا بیشتر با معلولیت و زنان سرپرست خانوار.",
        "path": "/housing",
        "category": "حمایت‌های مالی",
        "builtin_icon": "home",
        "popular": False,
    },
    {
        "title": "نوبت مشاورهٔ حضوری در مراکز مشاورهٔ بهزیستی",
        "description": "مشاورهٔ پیش از ازدواج، خانواده و کودک در مراکز شهرستان‌ها.",
        "path": "/counselling",
        "category": "مشاوره و پیشگیری",
        "builtin_icon": "chat",
        "popular": True,
    },
    {
        "title": "درخواست فرزندخواندگی",
        "description": "ثبت درخواست سرپرستی کودکان و نوجوانان بی‌سرپرست و بدسرپرست.",
        "path": "/guardianship",
        "category": "کودکان و خانواده",
        "builtin_icon": "heart",
        "popular": False,
    },
    {
        "title": "صدور و تمدید پروانهٔ مراکز غیردولتی",
        "description": "ویژهٔ مهدهای کودک، مراکز توانبخشی و مراکز نگهداری سالمندان.",
        "path": "/licences",
        "category": "مؤسسات و مراکز غیردولتی",
        "builtin_icon": "document",
        "popular": False,
    },
]

CENTRES = [
    {
        "name": "ادارهٔ کل بهزیستی استان خوزستان",
        "county": "اهواز",
        "city": "اهواز",
        "address": "کیانپارس، خیابان ۱۴ غربی، ساختمان ادارهٔ کل بهزیستی",
        "phone_numbers": "06133367000",
        "hours": "شنبه تا چهارشنبه، ۷:۳۰ تا ۱۴:۳۰",
        "latitude": "31.318400",
        "longitude": "48.693100",
    },
    {
        "name": "مرکز اورژانس اجتماعی اهواز",
        "county": "اهواز",
        "city": "اهواز",
        "address": "کوی ملت، خیابان شهید بهشتی، نبش کوچهٔ سوم",
        "phone_numbers": "06133381230,06133381231",
        "hours": "شبانه‌روزی",
    },
    {
        "name": "ادارهٔ بهزیستی شهرستان دزفول",
        "county": "دزفول",
        "city": "دزفول",
        "address": "خیابان آفرینش، کوچهٔ بهار، پلاک ۱۲",
        "phone_numbers": "06142224150",
        "hours": "شنبه تا چهارشنبه، ۷:۳۰ تا ۱۴:۳۰",
        "latitude": "32.382200",
        "longitude": "48.405600",
    },
    {
        "name": "ادارهٔ بهزیستی شهرستان آبادان",
        "county": "آبادان",
        "city": "آبادان",
        "address": "خیابان امیری، روبه‌روی پارک ولایت",
        "phone_numbers": "06153332740",
        "hours": "شنبه تا چهارشنبه، ۷:۳۰ تا ۱۴:۳۰",
    },
    {
        "name": "ادارهٔ بهزیستی شهرستان خرمشهر",
        "county": "خرمشهر",
        "city": "خرمشهر",
        "address": "بلوار ساحلی، خیابان ۴۰ متری دوم",
        "phone_numbers": "06153520610",
        "hours": "شنبه تا چهارشنبه، ۷:۳۰ تا ۱۴:۳۰",
    },
    {
        "name": "ادارهٔ بهزیستی شهرستان بهبهان",
        "county": "بهبهان",
        "city": "بهبهان",
        "address": "خیابان شهدا، کوچهٔ فرهنگ",
        "phone_numbers": "06152724090",
        "hours": "شنبه تا چهارشنبه، ۷:۳۰ تا ۱۴:۳۰",
    },
    {
        "name": "مرکز اورژانس اجتماعی شوشتر",
        "county": "شوشتر",
        "city": "شوشتر",
        "address": "خیابان طالقانی، جنب درمانگاه شبانه‌روزی",
        "phone_numbers": "06136224123",
        "hours": "شبانه‌روزی",
    },
    {
        "name": "ادارهٔ بهزیستی شهرستان ایذه",
        "county": "ایذه",
        "city": "ایذه",
        "address": "بلوار پاسداران، کوچهٔ ششم",
        "phone_numbers": "06143623180",
        "hours": "شنبه تا چهارشنبه، ۷:۳۰ تا ۱۴:۳۰",
    },
    {
        "name": "ادارهٔ بهزیستی شهرستان ماهشهر",
        "county": "ماهشهر",
        "city": "بندر ماهشهر",
        "address": "خیابان امام، کوچهٔ نسترن",
        "phone_numbers": "06152342170",
        "hours": "شنبه تا چهارشنبه، ۷:۳۰ تا ۱۴:۳۰",
    },
    {
        "name": "ادارهٔ بهزیستی شهرستان اندیمشک",
        "county": "اندیمشک",
        "city": "اندیمشک",
        "address": "خیابان شهید بهشتی، کوچهٔ لاله",
        "phone_numbers": "06142627300",
        "hours": "شنبه تا چهارشنبه، ۷:۳۰ تا ۱۴:۳۰",
    },
]


def load(stdout):
    for spec in HOTLINES:
        Hotline.objects.get_or_create(number=spec["number"], defaults=spec)

    for spec in E_SERVICES:
        values = {key: value for key, value in spec.items() if key != "path"}
        values["address"] = SERVICE_SITE + spec["path"]
        EService.objects.get_or_create(title=spec["title"], defaults=values)

    for spec in CENTRES:
        ServiceCentre.objects.get_or_create(name=spec["name"], defaults=spec)

    stdout.write(
        f"خطوط تماس ({len(HOTLINES)})، خدمات الکترونیک ({len(E_SERVICES)}) "
        f"و مراکز خدمات ({len(CENTRES)}) آماده‌اند."
    )
