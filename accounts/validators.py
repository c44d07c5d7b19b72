from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError


class NorwegianMinimumLengthValidator(MinimumLengthValidator):
    """Django's own, with the message in Norwegian (its nb translation lacks this plural)."""

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(
                self.get_help_text(), code="password_too_short", params={"min_length": self.min_length}
            )

    def get_help_text(self):
        return f"Passordet er for kort. Det må ha minst {self.min_length} tegn – en setning du husker, er ofte lettest."
