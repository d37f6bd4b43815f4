"""Password rules: Django's, with the length rule's message in Dutch (Django's own Dutch
catalogue misses the current wording of it)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError


class MinimaleLengte(MinimumLengthValidator):
    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(
                f"Dit wachtwoord is te kort: gebruik minstens {self.min_length} tekens.",
                code="password_too_short",
                params={"min_length": self.min_length},
            )

    def get_help_text(self) -> str:
        return f"Minstens {self.min_length} tekens."
