from django import forms
from django.utils.translation import gettext_lazy as _

from reader.models import Note, Quote


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["body", "kind", "visibility"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        labels = {"body": _("Notă"), "kind": _("Tip"), "visibility": _("Vizibilitate")}
        help_texts = {"body": _("**aldin**, *cursiv*, [legătură](https://…), liste cu „- ”, citate cu „> ”.")}
        error_messages = {"body": {"required": _("Nota este goală.")}}

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Nota este goală."))
        if len(body) > 20_000:
            raise forms.ValidationError(_("Nota are peste 20 000 de caractere."))
        return body


class NoteEditForm(forms.Form):
    """An edit carries the version it started from, so a stale save can be refused."""

    body = forms.CharField(label=_("Notă"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20_000,
                           error_messages={"required": _("Nota este goală.")})
    kind = forms.ChoiceField(label=_("Tip"), choices=Note.Kind.choices)
    visibility = forms.ChoiceField(label=_("Vizibilitate"), choices=Note.Visibility.choices)
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Nota este goală."))
        return body


class MissedQuoteForm(forms.Form):
    """A quote the machine missed: offsets from a selection, or the exact words pasted without JavaScript."""

    # The classes are editor.js's: a selection in the paragraph fills text, start and end.
    text = forms.CharField(label=_("Textul (sau selectați-l în paragraf)"), max_length=5000, required=False,
                           widget=forms.TextInput(attrs={"class": "missed-text"}))
    start = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput(attrs={"class": "missed-start"}))
    end = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput(attrs={"class": "missed-end"}))
    speaker = forms.CharField(label=_("Vorbitor"), max_length=200, required=False,
                              widget=forms.TextInput(attrs={"list": "people"}))  # the article's people
    kind = forms.ChoiceField(label=_("Tip"), choices=Quote.Kind.choices,
                             initial=Quote.Kind.DIRECT)

    def span_in(self, paragraph_text: str) -> tuple[int, int]:
        """Validated offsets into the paragraph; raises ValidationError with a reason."""
        start, end, text = self.cleaned_data.get("start"), self.cleaned_data.get("end"), self.cleaned_data["text"]
        if start is not None and end is not None:
            if not (0 <= start < end <= len(paragraph_text)):
                raise forms.ValidationError(_("Selecția nu se află în paragraf."))
            if text and paragraph_text[start:end].strip() != text.strip():
                raise forms.ValidationError(_("Selecția nu corespunde textului paragrafului."))
        elif text.strip():
            start = paragraph_text.find(text.strip())
            if start < 0:
                raise forms.ValidationError(_("Textul nu apare în acest paragraf."))
            end = start + len(text.strip())
        else:
            raise forms.ValidationError(_("Selectați sau copiați textul citatului."))
        # Trim spaces and quotation marks so the span is the quoted words only.
        while start < end and paragraph_text[start] in " „“”\"«»‹›'":
            start += 1
        while end > start and paragraph_text[end - 1] in " „“”\"«»‹›'":
            end -= 1
        if start >= end:
            raise forms.ValidationError(_("Selecția este goală."))
        return start, end
