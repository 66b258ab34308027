from django import template

from reader.claims import claim_review, jsonld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def claim_reviews_jsonld(context):
    """The article's fact-check verdicts as one JSON-LD script (a list of ClaimReview), or nothing."""
    reading, request = context.get("reading"), context.get("request")
    if reading is None or request is None:
        return ""
    article = reading.article
    article_url = request.build_absolute_uri(article.get_absolute_url())
    reviews = []
    for paragraph in reading.paragraphs:
        for note in paragraph.visible_notes:
            note.article = article
            review = claim_review(note, article_url=article_url, note_url=f"{article_url}#note-{note.pk}")
            if review:
                reviews.append(review)
    return jsonld_script(reviews[0] if len(reviews) == 1 else reviews)
