from django import forms

from reader.models import Note


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["body", "kind", "visibility"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        labels = {"body": "Notă", "kind": "Tip", "visibility": "Vizibilitate"}
        help_texts = {"body": "**aldin**, *cursiv*, [legătură](https://…), liste cu „- ”, citate cu „> ”."}

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Nota este goală.")
        if len(body) > 20_000:
            raise forms.ValidationError("Nota are peste 20 000 de caractere.")
        return body
