"""The number of quotes left to check, for the admin's index (the review screen shows its own)."""

from django import template

from reader.models import Quote
from reader.paging import capped_count

register = template.Library()


@register.simple_tag
def unverified_quotes():
    """Machine quotes below the confidence threshold, counted no further than the cap ("1000+")."""
    return capped_count(Quote.objects.filter(status=Quote.Status.MACHINE, confidence__lt=Quote.CONFIDENT))
