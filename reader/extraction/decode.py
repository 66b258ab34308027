"""Turn the bytes of an exported article into text.

Exports arrive as UTF-8 (with or without BOM), UTF-16/32 with BOM, or legacy single-byte Windows-1250 /
ISO-8859-2.  The single-byte encodings always "decode", so we score each candidate by how Romanian the
result looks and keep the best one.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .types import ExtractionError

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY = ("cp1250", "iso-8859-2")
_ROMANIAN = re.compile("[ăâîșțşţĂÂÎȘȚŞŢ]")
_TYPOGRAPHIC = re.compile("[„”“‘’–—…«»]")
# Letters that exist in the two legacy code pages but almost never in Romanian text: seeing them means the
# other code page was the right one (e.g. cp1250 0x9A "š" is a C1 control in ISO-8859-2 and vice versa).
_UNLIKELY = re.compile("[ŠšŽžĄąĽľŤťŚśŹźŻżĹĺŔŕ¦©®±¤ˇ˘˛˝°]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_C1_CONTROLS = re.compile("[\u0080-\u009f]")
_MAX_CONTROL_RATIO = 0.02


def decode_article(data: bytes, *, max_bytes: int = 5_000_000) -> str:
    """Decode an article file; raise ExtractionError with a one-line message for unusable input."""
    if not data or not data.strip():
        raise ExtractionError("The file is empty.")
    if len(data) > max_bytes:
        raise ExtractionError(f"The file is too large ({len(data):,} bytes); the limit is {max_bytes:,} bytes.")
    text = _decode_bom(data)
    if text is None:
        if b"\x00" in data:
            raise ExtractionError("The file looks like binary data (it contains NUL bytes), not a text article.")
        text = _decode_plain(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise ExtractionError("The file looks like binary data (too many control characters), not a text article.")
    if not text.strip():
        raise ExtractionError("The file contains only whitespace.")
    return text


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ExtractionError(f"The file starts with a {encoding.upper()} mark but cannot be decoded as "
                                      f"{encoding.upper()} (bad byte at position {exc.start}).") from None
    return None


def _decode_plain(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    candidates = []
    for encoding in _LEGACY:
        try:
            candidates.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise ExtractionError("The file cannot be decoded as UTF-8, Windows-1250 or ISO-8859-2.")
    return max(candidates, key=_romanian_score)  # max keeps the first (cp1250) on ties


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few corrupt bytes (a bad copy-paste) stays UTF-8; the bad bytes become U+FFFD."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(_UTF8_MULTIBYTE.findall(data))
    return text if good >= 5 * bad and good >= 5 else None


def _romanian_score(text: str) -> int:
    return (
        2 * len(_ROMANIAN.findall(text))
        + len(_TYPOGRAPHIC.findall(text))
        - 3 * len(_UNLIKELY.findall(text))
        - 5 * len(_C1_CONTROLS.findall(text))
    )


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    if "\x00" in sample:
        return True
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\t\f\v")
    return controls > max(2, _MAX_CONTROL_RATIO * len(sample))
