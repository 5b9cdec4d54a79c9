"""The forms of a conversation: the borrower's new message and reply (with files), and the
staff reply, whose words pass the checks every text a borrower reads passes."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.core.pinyin import has_han
from portal.notifications.message_texts.compose import check_plain_language
from portal.support.forms.answers import NoteToBorrowerField

from .files import MAX_FILES, check_files
from .models import About, Post

ACCEPT = "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
MAX_TEXT = Post.MAX_TEXT


def _files_help() -> str:
    return gettext("Up to %(count)s files: JPEG or PNG photos, or PDF documents, 5 MB each.") % {
        "count": MAX_FILES
    }


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to ``MAX_FILES`` photos or PDFs, each checked by its content (``files.check_files``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            uploads = [single(item, initial) for item in data if item]
        else:
            uploads = [single(data, initial)] if data else []
        return check_files(uploads)


def _files():
    return AttachmentsField(
        label=_("Photos or documents"),
        # Filled in when shown, in the reader's language: the form class is built at import.
        help_text=lazy(_files_help, str)(),
    )


def _text(label):
    return forms.CharField(
        label=label,
        max_length=MAX_TEXT,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your message.")},
    )


class NewThreadForm(forms.Form):
    about = forms.ChoiceField(
        label=_("What is it about?"),
        choices=About.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what your message is about.")},
    )
    loan = forms.ModelChoiceField(
        label=_("Which loan?"),
        queryset=None,
        required=False,
        to_field_name="reference",
        empty_label=_("Not about one loan"),
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=120,
        help_text=_("A few words, so you can find it again."),
        error_messages={"required": _("Give your message a subject.")},
    )
    text = _text(_("Your message"))
    files = _files()

    def __init__(self, *args, loans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loan"].queryset = loans
        self.fields["loan"].label_from_instance = lambda loan: loan.reference

    def clean(self):
        cleaned = super().clean()
        about, loan = cleaned.get("about"), cleaned.get("loan")
        if (
            about in (About.LOAN, About.PLAN, About.DISPUTE)
            and loan is None
            and self.fields["loan"].queryset.exists()
        ):
            self.add_error("loan", _("Choose the loan your message is about."))
        return cleaned


class ReplyForm(forms.Form):
    text = _text(_("Your message"))
    files = _files()


class ReplyToBorrowerField(NoteToBorrowerField):
    """A staff reply: the tone check of every note to a borrower, and the plain-language check
    of every text a borrower reads, in the language the reply is written in."""

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        language = "zh-hans" if has_han(value) else "en"
        problems = check_plain_language(value, language)
        if problems:
            raise ValidationError(problems, code="plain_language")


class StaffReplyForm(forms.Form):
    text = ReplyToBorrowerField(
        label=_("Reply to the borrower"),
        max_length=MAX_TEXT,
        help_text=_(
            "The borrower reads this in the portal. Plain words, short sentences, no jargon."
        ),
        error_messages={"required": _("Write your reply.")},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    close = forms.BooleanField(
        label=_("This answers everything: close the conversation"),
        required=False,
        help_text=_("The borrower can still write again; that opens it again."),
    )
