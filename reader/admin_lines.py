"""The lines curators read in the admin, in their own language: History lines and import (job) result lines.

History lines are stored without a language: ``history_line("renamed", old=…)`` is JSON in
``LogEntry.change_message`` (``[{"reader": {"line": "renamed", "values": {"old": …}}}]``), beside Django's own
``[{"changed": {"fields": […]}}]``, and ``history_text(entry)`` says it in the active language; a line stored as
plain text (written before, or by other code) is shown as it was stored.

Result lines are written once, by the import and the job queue, and read by the command line, the logs and the
admin; the stored text is the English form of one of a fixed set of messages with their values (the C locale of
the project's data, like a gettext msgid). ``result_text(message)`` recognises each of them and says it in the
active language; any other line (an error from a library, a database's own words) is shown as stored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_noop, ngettext

MARK = "reader"

# key -> the line in Romanian (the source language), with its values as %(name)s.
HISTORY = {
    "renamed": gettext_noop("redenumită din „%(old)s”"),
    "entity_confirmed": gettext_noop("nume confirmat"),
    "blocked": gettext_noop("„%(name)s” blocat: nu e entitate"),
    "merged": gettext_noop("„%(source)s” unită în aceasta (id %(id)s)"),
    "merge_undone": gettext_noop("unirea în „%(target)s” anulată"),
    "merge_undone_target": gettext_noop("unirea cu „%(source)s” anulată"),
    "quote_confirmed": gettext_noop("citat confirmat"),
    "quote_confirmed_where": gettext_noop("citat confirmat %(where)s"),
    "quote_rejected": gettext_noop("respins: nu e citat"),
    "quote_rejected_where": gettext_noop("respins %(where)s: nu e citat"),
    "speaker_set": gettext_noop("vorbitor schimbat în „%(speaker)s”"),
    "quote_added": gettext_noop("adăugat: un citat pe care mașina nu l-a găsit"),
    "statement_verdict": gettext_noop("versiunea declarației marcată „%(verdict)s”"),
    "statement_no_verdict": gettext_noop("versiunea declarației: fără verdict"),
    "fact_check": gettext_noop("verdictul verificării: „%(rating)s” (%(value)s/%(best)s)"),
    "published": gettext_noop("publicat"),
    "unpublished": gettext_noop("retras din publicare"),
    "reextracted": gettext_noop("reextras: %(detail)s"),
    "imported_from": gettext_noop("importat din %(name)s"),
    "updated_from": gettext_noop("actualizat din %(name)s"),
    "duplicate_from": gettext_noop("același text ca în %(name)s"),
    "unchanged_from": gettext_noop("neschimbat: %(name)s"),
    "reattached": gettext_noop("reatașată la paragraful %(position)s"),
    "feed_poll_queued": gettext_noop("citire pusă la rând"),
}

# Where a decision was taken (reader.views: the reading page, the review screen), by the words they pass.
PLACES = {
    "on the reading page": gettext_noop("pe pagina articolului"),
    "on the review screen": gettext_noop("pe ecranul de revizie"),
}


def history_line(key: str, **values) -> str:
    """A History line to store (``curation.record(message=…)``, ``ModelAdmin.log_change``)."""
    if key not in HISTORY:
        raise KeyError(f"no such history line: {key}")
    return json.dumps([{MARK: {"line": key, "values": values}}], ensure_ascii=False)


def import_line(*, status: str, name: str) -> str:
    """The History line of an article imported or updated from a file (``ingest`` statuses)."""
    key = {"updated": "updated_from", "duplicate": "duplicate_from", "unchanged": "unchanged_from"}.get(status)
    return history_line(key or "imported_from", name=name)


def fields_changed(model, fields) -> str:
    """Django's own History line for changed fields: their names, translated when shown."""
    from django.utils import translation

    with translation.override(None):  # the source names: LogEntry.get_change_message translates them
        names = [str(model._meta.get_field(field).verbose_name) for field in fields]
    return json.dumps([{"changed": {"fields": names}}], ensure_ascii=False)


def _value(key: str, name: str, value):
    if name == "where":
        return gettext(PLACES[value]) if value in PLACES else value
    if name == "verdict":
        from reader.models import Appearance

        return dict(Appearance.Verdict.choices).get(value, value)
    if name == "detail":
        return result_text(str(value))
    return value


def history_text(entry) -> str:
    """A LogEntry's line in the active language."""
    stored = entry.change_message or ""
    if stored.startswith("["):
        try:
            parts = json.loads(stored)
        except ValueError:
            return stored
        if parts and all(isinstance(part, dict) and isinstance(part.get(MARK), dict) for part in parts):
            lines = []
            for part in parts:
                key, values = part[MARK].get("line"), part[MARK].get("values") or {}
                if key not in HISTORY:
                    return stored
                try:
                    lines.append(gettext(HISTORY[key]) % {n: _value(key, n, v) for n, v in values.items()})
                except (KeyError, TypeError, ValueError):
                    return stored
            return "; ".join(lines)
    return entry.get_change_message()


# --- result lines ----------------------------------------------------------------------------------------------


def _n(text: str) -> str:
    """A number as the import wrote it ("12,345"), in the active language's format."""
    return number_format(int(text.replace(",", "")), force_grouping=True)


def _report(match) -> str:
    if match["placed"] is None:
        return ""
    text = gettext("; note: %(placed)s puse la loc, %(detached)s detașate; decizii ale redacției asupra citatelor: "
                   "%(kept)s păstrate") % {"placed": _n(match["placed"]), "detached": _n(match["detached"]),
                                           "kept": _n(match["kept"])}
    if match["lost"] is not None:
        text += gettext(", %(lost)s al căror text a dispărut") % {"lost": _n(match["lost"])}
    return text


STATUSES = {
    "imported": gettext_noop("importat"), "updated": gettext_noop("actualizat"),
    "unchanged": gettext_noop("neschimbat"), "duplicate": gettext_noop("dublură"), "failed": gettext_noop("eșuat"),
}


def _status_counts(text: str) -> str | None:
    counts = []
    for part in text.split(", "):
        number, _, status = part.partition(" ")
        if not number.isdigit() or status not in STATUSES:
            return None
        counts.append(f"{_n(number)} {gettext(STATUSES[status])}")
    return ", ".join(counts)


REPORT = (r"(?:; notes: (?P<placed>\d+) placed, (?P<detached>\d+) detached; human quote decisions: (?P<kept>\d+) kept"
          r"(?:, (?P<lost>\d+) whose text is gone)?)?")
NUMBER = r"[\d,]+"


def _rows(match) -> str | None:
    counts = _status_counts(match["counts"])
    if counts is None:
        return None
    text = ngettext("%(rows)s rând: %(counts)s", "%(rows)s rânduri: %(counts)s", int(match["rows"])) % {
        "rows": _n(match["rows"]), "counts": counts}
    if match["name"] is not None:
        text += gettext("; primul eșec: %(name)s: %(reason)s") % {"name": match["name"],
                                                                  "reason": result_text(match["reason"])}
    return text


RESULTS: list[tuple[re.Pattern, Callable]] = [(re.compile(pattern, re.DOTALL), say) for pattern, say in [
    (r"revision (?P<revision>\d+)" + REPORT,
     lambda m: gettext("revizia %(revision)s") % {"revision": m["revision"]} + _report(m)),
    (r"re-extracted as revision (?P<revision>\d+)" + REPORT,
     lambda m: gettext("reextras, revizia %(revision)s") % {"revision": m["revision"]} + _report(m)),
    (r"same text as the stored revision", lambda m: gettext("același text ca revizia salvată")),
    (r"the same text as (?P<key>.+); not imported again",
     lambda m: gettext("același text ca %(key)s; nu s-a importat din nou") % {"key": m["key"]}),
    (r"already at revision (?P<revision>\d+)",
     lambda m: gettext("deja la revizia %(revision)s") % {"revision": m["revision"]}),
    (r"the article was deleted", lambda m: gettext("articolul a fost șters")),
    (r"could not be analysed \((?P<error>.*)\)",
     lambda m: gettext("nu a putut fi analizat (%(error)s)") % {"error": m["error"]}),
    (r"the database refused it \((?P<error>.*)\); nothing was saved",
     lambda m: gettext("baza de date l-a refuzat (%(error)s); nu s-a salvat nimic") % {"error": m["error"]}),
    (r"the database refused it \((?P<error>.*)\)",
     lambda m: gettext("baza de date l-a refuzat (%(error)s)") % {"error": m["error"]}),
    (r"(?P<rows>\d+) rows: (?P<counts>[^;]*?)(?:; first failure: (?P<name>.+?): (?P<reason>.*))?", _rows),
    (r"(?P<articles>\d+) article\(s\), (?P<notes>\d+) annotation\(s\), (?P<chars>" + NUMBER + ") characters",
     lambda m: gettext("articole: %(articles)s, adnotări: %(notes)s, caractere: %(chars)s") % {
         "articles": _n(m["articles"]), "notes": _n(m["notes"]), "chars": _n(m["chars"])}),
    (r"try (?P<try>\d+) failed, trying again: (?P<reason>.*)",
     lambda m: gettext("încercarea %(try)s a eșuat, se reîncearcă: %(reason)s") % {
         "try": m["try"], "reason": result_text(m["reason"])}),
    (r"its worker \((?P<worker>.*?)\) stopped during each of (?P<tries>\d+) tries; nothing was saved by the "
     r"unfinished tries",
     lambda m: gettext("lucrătorul (%(worker)s) s-a oprit la fiecare din cele %(tries)s încercări; încercările "
                       "neterminate n-au salvat nimic") % {"worker": m["worker"], "tries": m["tries"]}),
    (r"its worker \((?P<worker>.*?)\) stopped during try (?P<try>\d+); handed out again",
     lambda m: gettext("lucrătorul (%(worker)s) s-a oprit la încercarea %(try)s; lucrarea a fost dată din nou") % {
         "worker": m["worker"], "try": m["try"]}),
    (r"The file is empty\.", lambda m: gettext("Fișierul e gol.")),
    (r"The file has no name\.", lambda m: gettext("Fișierul nu are nume.")),
    (r"The file contains only whitespace\.", lambda m: gettext("Fișierul conține doar spații.")),
    (r"The name contains control characters\.", lambda m: gettext("Numele conține caractere de control.")),
    (r"The article has no title \(no text after the header line\)\.",
     lambda m: gettext("Articolul nu are titlu (niciun text după linia de antet).")),
    (r"The file looks like binary data \((?:it contains NUL bytes|too many control characters)\), not a text "
     r"article\.", lambda m: gettext("Fișierul pare să conțină date binare, nu un articol text.")),
    (r"The file contains a NUL character \(line (?P<line>" + NUMBER + r")\).*",
     lambda m: gettext("Fișierul conține un caracter NUL (linia %(line)s): sunt date binare, nu un articol text.")
     % {"line": _n(m["line"])}),
    (r"The file cannot be decoded as UTF-8, Windows-1250 or ISO-8859-2\.",
     lambda m: gettext("Fișierul nu poate fi decodat ca UTF-8, Windows-1250 sau ISO-8859-2.")),
    (r"The file is too large \((?P<size>" + NUMBER + r") bytes\); the limit is (?P<limit>" + NUMBER + r") bytes\.",
     lambda m: gettext("Fișierul e prea mare (%(size)s octeți); limita e de %(limit)s octeți.") % {
         "size": _n(m["size"]), "limit": _n(m["limit"])}),
    (r"The file is larger than the limit of (?P<limit>" + NUMBER + r") bytes\.",
     lambda m: gettext("Fișierul depășește limita de %(limit)s octeți.") % {"limit": _n(m["limit"])}),
    (r"The name is (?P<length>" + NUMBER + r") characters long; the limit is (?P<limit>" + NUMBER + r")\.",
     lambda m: gettext("Numele are %(length)s caractere; limita e de %(limit)s.") % {
         "length": _n(m["length"]), "limit": _n(m["limit"])}),
    (r"broken zip archive: (?P<error>.*)",
     lambda m: gettext("arhivă zip deteriorată: %(error)s") % {"error": m["error"]}),
    (r"cannot be unpacked: (?P<error>.*)",
     lambda m: gettext("nu poate fi dezarhivat: %(error)s") % {"error": m["error"]}),
    (r"cannot read: (?P<error>.*)", lambda m: gettext("nu poate fi citit: %(error)s") % {"error": m["error"]}),
    (r"the archive holds no article files \(\.txt, \.html, \.jsonl, \.json, \.csv\)",
     lambda m: gettext("arhiva nu conține fișiere de articole (.txt, .html, .jsonl, .json, .csv)")),
]]


def result_text(message: str) -> str:
    """An import or job result line in the active language; a line of another shape as it was stored."""
    for pattern, say in RESULTS:
        match = pattern.fullmatch(message or "")
        if match:
            said = say(match)
            if said is not None:
                return said
    return message
