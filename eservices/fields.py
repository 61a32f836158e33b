"""Model fields that tidy what editors type before it is validated and stored."""

from django import forms
from django.db import models

from eservices.validators import (
    normalize_phone,
    split_phone_list,
    validate_https_address,
    validate_phone,
    validate_phone_list,
)


class HttpsAddressField(models.CharField):
    """An https address; a plain text field so only our Persian messages reach the editor."""

    default_validators = [validate_https_address]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 500)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        kwargs.setdefault("widget", forms.URLInput(attrs={"dir": "ltr"}))
        return super().formfield(**kwargs)


class _TelephoneField(models.CharField):
    """Numbers are typed left to right, with a telephone keypad on phones."""

    def formfield(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"dir": "ltr", "inputmode": "tel"}))
        return super().formfield(**kwargs)


class PhoneNumberField(_TelephoneField):
    """One number, stored as Latin digits only; Persian digits, spaces and dashes are accepted."""

    default_validators = [validate_phone]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_phone(value) if value else value


class PhoneNumberListField(_TelephoneField):
    """Several numbers separated by commas, stored as "06133331234,06133335678"."""

    default_validators = [validate_phone_list]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        return ",".join(split_phone_list(value)) or value
