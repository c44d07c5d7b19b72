from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from accounts.models import SHORT_LENGTH, User, clean_short_code

MAX_PASSWORD_CHARS = 1024


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Brukernavnet eller passordet stemmer ikke. Prøv igjen – husk at store og små bokstaver teller."
        ),
        "inactive": _(
            "Denne kontoen er ikke i bruk lenger. Trenger du den, si fra til den du har kontakt med"
            " – eller til en teamleder, hvis du jobber her."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django sets max_length on the username after building the field, so it is never checked;
        # without this, a long name reaches authenticate() and the lockout table (255 characters).
        self.fields["username"].validators.append(MaxLengthValidator(self.fields["username"].max_length))
        self.fields["username"].error_messages["max_length"] = _("Brukernavnet er for langt.")
        self.fields["password"].validators.append(MaxLengthValidator(MAX_PASSWORD_CHARS))
        self.fields["password"].error_messages["max_length"] = _("Passordet er for langt.")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Engangskode"),
        max_length=12,
        help_text=_("Seks sifre fra appen på telefonen din."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
        error_messages={"required": _("Skriv inn koden fra appen.")},
    )


class SetUpLoginForm(forms.Form):
    """A person sets up their own login from an invitation."""

    username = forms.CharField(
        label=_("Brukernavn"),
        max_length=150,
        help_text=_("Det du vil logge inn med. Bokstaver, tall og . - _ går fint."),
        error_messages={"required": _("Velg et brukernavn.")},
    )
    password1 = forms.CharField(
        label=_("Passord"),
        strip=False,
        max_length=MAX_PASSWORD_CHARS,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minst 12 tegn. En setning du husker, er ofte lettest."),
        error_messages={"required": _("Velg et passord.")},
    )
    password2 = forms.CharField(
        label=_("Passord en gang til"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Skriv passordet en gang til.")},
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        User.username_validator(username)
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Det brukernavnet er tatt. Prøv et annet."))
        return username

    def clean(self):
        data = super().clean()
        one, two = data.get("password1"), data.get("password2")
        if one and two and one != two:
            self.add_error("password2", _("De to passordene er ikke like."))
        elif one:
            try:
                password_validation.validate_password(one, User(username=data.get("username", "")))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


def _bounded(field) -> None:
    """A password field that refuses 10,000 characters with a sentence, not a slow hash."""
    field.max_length = MAX_PASSWORD_CHARS
    field.validators.append(MaxLengthValidator(MAX_PASSWORD_CHARS))
    field.error_messages["max_length"] = _("Passordet er for langt: høyst 1024 tegn.")
    field.error_messages["null_characters_not_allowed"] = _("Passordet kan ikke inneholde tegnet NUL.")


class NewPasswordForm(SetPasswordForm):
    """Someone chooses a new password: from a renewal link, a reset link or an e-mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Nytt passord")
        self.fields["new_password1"].help_text = _("Minst 12 tegn. En setning du husker, er ofte lettest.")
        self.fields["new_password2"].label = _("Nytt passord en gang til")
        self.error_messages["password_mismatch"] = _("De to passordene er ikke like.")
        for name in ("new_password1", "new_password2"):
            _bounded(self.fields[name])


class ChangePasswordForm(PasswordChangeForm, NewPasswordForm):
    """Signed in: the old password, then the new one twice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Passordet du har nå")
        self.error_messages["password_incorrect"] = _("Det er ikke passordet du har nå. Prøv igjen.")
        _bounded(self.fields["old_password"])


class EmailResetForm(PasswordResetForm):
    """«Glemt passord» by e-mail, where an address is known. It never says whether one is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-postadressen din")
        self.fields["email"].help_text = _("Er adressen registrert hos oss, får du en lenke dit. Den virker én gang.")
        self.fields["email"].error_messages = {
            "required": _("Skriv e-postadressen din."),
            "invalid": _("Det ser ikke ut som en e-postadresse. Sjekk at den er skrevet riktig."),
        }


class ShortCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Koden du har fått"),
        max_length=20,
        help_text=_("Åtte tegn, for eksempel K7MX-4TQ2. Store eller små bokstaver spiller ingen rolle."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        error_messages={"required": _("Skriv inn koden."), "max_length": _("Koden er for lang. Den har åtte tegn.")},
    )

    def clean_code(self):
        # A code that cannot be one (too short, too long) is a slip of the finger, not a guess:
        # it is answered here and does not use up one of the tries that are counted.
        code = self.cleaned_data["code"]
        if len(clean_short_code(code)) != SHORT_LENGTH:
            raise forms.ValidationError(
                _("Koden har åtte tegn, for eksempel K7MX-4TQ2. Sjekk at du har fått med alle."),
                code="length",
            )
        return code
