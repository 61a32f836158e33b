"""What an editor may type into an e-service address or a phone number, with Persian messages."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from portal.text import latin_digits

PHONE_DIGITS = re.compile(r"[0-9]{3,15}")
# Spaces and dashes people type inside a number ("061-3333 1234") are dropped, not refused.
PHONE_SEPARATORS = re.compile(r"[\s\-‐–]+")
# Between numbers in a list: comma, Persian comma, semicolon or a new line.
PHONE_LIST_SEPARATORS = re.compile(r"[,،;؛\n]+")

_https_url = URLValidator(
    schemes=["https"],
    message="نشانی معتبر نیست. یک نشانی کامل مانند https://example.ir/service بنویسید.",
)


def validate_https_address(value):
    if any(character.isspace() for character in value):
        raise ValidationError(
            "نشانی نباید فاصله داشته باشد. نشانی را بدون فاصله از نوار مرورگر رونوشت کنید.",
            code="space",
        )
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme == "http":
        raise ValidationError(
            "نشانی باید امن باشد و با https:// شروع شود؛ نشانی http پذیرفته نمی‌شود.",
            code="insecure",
        )
    if scheme != "https":
        raise ValidationError(
            "فقط نشانی وب امنی که با https:// شروع می‌شود پذیرفته است.",
            code="scheme",
        )
    _https_url(value)


def normalize_phone(value):
    """Latin digits without the separators people type; anything else is left for the validator."""
    return PHONE_SEPARATORS.sub("", latin_digits(value or "").strip())


def validate_phone(value):
    if not PHONE_DIGITS.fullmatch(value or ""):
        raise ValidationError(
            "شماره تلفن فقط باید رقم باشد (۳ تا ۱۵ رقم، بدون حرف یا نشانه)؛ "
            "مثلاً 123 یا 06133331234.",
            code="phone",
        )


def split_phone_list(value):
    parts = PHONE_LIST_SEPARATORS.split(value or "")
    return [normalize_phone(part) for part in parts if part.strip()]


def validate_phone_list(value):
    numbers = split_phone_list(value)
    if not numbers:
        raise ValidationError("دست‌کم یک شماره تلفن بنویسید.", code="empty")
    for number in numbers:
        try:
            validate_phone(number)
        except ValidationError:
            raise ValidationError(
                "«%(number)s» شماره تلفن درستی نیست: هر شماره فقط رقم است "
                "و شماره‌ها با ویرگول جدا می‌شوند.",
                code="phone",
                params={"number": number},
            ) from None
