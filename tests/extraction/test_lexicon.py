"""One lexicon: the word classes the extraction rules read live in reader/extraction/lexicon.py, each once."""

import re
from pathlib import Path

from reader.extraction import lexicon

EXTRACTION = Path(lexicon.__file__).parent
# A set or tuple of three or more words written out: "a b c".split(), {"a", "b", "c"} or ("a", "b", "c").
_WORD_LIST_RE = re.compile(
    r'"[^"\n]*\w \w[^"\n]* \w[^"\n]*"\s*\.split\(\)'
    r'|[({]\s*"[^\W\d_]+",\s*"[^\W\d_]+",\s*"[^\W\d_]+"',
)
# Not word classes: training-corpus fixes, and the data model's own labels (paragraph roles, entity types).
_NOT_RULES = {"ner/train.py", "types.py", "ner/ronec.py"}


def test_no_word_list_is_written_outside_the_lexicon():
    found = []
    for path in sorted(EXTRACTION.rglob("*.py")):
        relative = path.relative_to(EXTRACTION).as_posix()
        if relative == "lexicon.py" or relative in _NOT_RULES:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _WORD_LIST_RE.search(line) and not line.lstrip().startswith("#"):
                found.append(f"{relative}:{number}: {line.strip()[:80]}")
    assert not found, "word lists outside lexicon.py:\n" + "\n".join(found)


def test_each_word_class_is_defined_once():
    source = (EXTRACTION / "lexicon.py").read_text(encoding="utf-8")
    names = re.findall(r"^([A-Z][A-Z_]+) = ", source, re.M)
    assert len(names) == len(set(names))
    contents: dict[frozenset, str] = {}
    for name in names:
        value = getattr(lexicon, name)
        if isinstance(value, (frozenset, set, tuple)) and len(value) > 2:
            key = frozenset(value)
            assert key not in contents, f"{name} repeats {contents.get(key)}"
            contents[key] = name
