import unicodedata

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import REPLY_TEXT_MAX_LENGTH, Reply


class ReplyForm(forms.ModelForm):
    """A reader's reply. ``website`` is a honeypot: hidden from people, filled in by bots."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Reply
        fields = ["name", "email", "text"]
        labels = {"name": _("Your name"), "email": _("Your email"), "text": _("Your reply")}
        help_texts = {
            "name": _("Shown with your reply."),
            "email": _("Never shown on the site; only moderators see it."),
            "text": format_lazy(
                _("Plain text, up to {max} characters. Links are not clickable."),
                max=REPLY_TEXT_MAX_LENGTH,
            ),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "text": forms.Textarea(attrs={"rows": 6}),
        }

    def clean_name(self):
        """One line of visible text: no control characters or invisible format marks.

        Line breaks, tabs and bidirectional overrides (U+202E) could disguise the
        name or the date beside it.
        """
        name = self.cleaned_data["name"]
        if any(unicodedata.category(char) in {"Cc", "Cf"} for char in name):
            raise forms.ValidationError(
                _("Use letters, digits, spaces and punctuation only."), code="invisible"
            )
        return name

    def is_honeypot_hit(self):
        """True when the hidden field was filled in, whatever else the form holds."""
        return bool(self.data.get("website", "").strip())
