"""The admin's sign-in form with every label in Persian (WAGTAILADMIN_USER_LOGIN_FORM).

Wagtail's form gives the password field no label, so Django derives "Password" from its name,
untranslated."""

from wagtail.admin.forms.auth import LoginForm


class PersianLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "گذرواژه"
