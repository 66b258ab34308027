"""Numbers for the sidebar's small charts, computed from what the page already loaded (no queries)."""

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext_lazy as _

from reader.models import Entity

register = template.Library()


@dataclass
class Share:
    name: str
    colour: int
    count: int
    percent: int


@dataclass
class People:
    quoted: int
    mentioned_only: int

    @property
    def total(self) -> int:
        return self.quoted + self.mentioned_only

    @property
    def quoted_percent(self) -> int:
        return round(100 * self.quoted / self.total) if self.total else 0


@register.simple_tag
def quote_shares(reading) -> list[Share]:
    """Each speaker's share of the article's attributed quotes, in whole percent."""
    total = sum(s.quote_count for s in reading.speakers) or 1
    return [Share(s.name, s.colour, s.quote_count, round(100 * s.quote_count / total)) for s in reading.speakers]


@register.simple_tag
def people_quoted(reading) -> People:
    """People mentioned in the article: how many are quoted, how many only mentioned."""
    speakers = {s.name for s in reading.speakers}
    people = [row.entity for _, rows in reading.entity_groups for row in rows if row.entity.type == Entity.Type.PERSON]
    quoted = sum(1 for e in people if e.name in speakers)
    return People(quoted=quoted, mentioned_only=len(people) - quoted)


QUALIFIERS = {
    "more_than": _("peste"),
    "less_than": _("sub"),
    "approximately": _("aproximativ"),
    "up_to": _("până la"),
    "thousands": _("mii"),
}


@register.filter
def qualifier_label(qualifier: str) -> str:
    """A figure's qualifier (extraction's code, e.g. ``more_than``) in the interface language."""
    return QUALIFIERS.get(qualifier, qualifier)


ENTITY_TYPES = {
    Entity.Type.PERSON: _("Persoane"),
    Entity.Type.PLACE: _("Locuri"),
    Entity.Type.ORGANIZATION: _("Organizații"),
    Entity.Type.FACILITY: _("Clădiri și construcții"),
    Entity.Type.EVENT: _("Evenimente"),
    Entity.Type.OTHER: _("Altele"),
}


@register.filter
def entity_type_label(type_: str) -> str:
    """The sidebar heading for a group of entities, by the type's value ("PERSON"), never its label: labels
    are for people and may be translated."""
    return ENTITY_TYPES.get(type_, type_)
