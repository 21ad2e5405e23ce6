"""Helpers shared by the seed-plan builder (build_seeds.py) and its tests.

The builder never retypes plan text: node titles and texts are cut from the
seed files by line number, and every quoted note is checked to occur in the
seed text (whitespace-normalised: page breaks in the published texts split
some paragraphs over several lines).
"""
import json
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("KHCN_SHARED") or os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))
SEEDS = os.path.join(SHARED, "seeds")
OBS_FILE = os.path.join(SHARED, "data", "observations.jsonl")
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "examples", "data"))

# plan id -> seed file
PLAN_FILES = {
    "ben-tre-5611-2022": "000_d7bd2484ac500d28.txt",
    "hung-yen-2023": "001_e73abf8cd4b1bf6c.txt",
    "bac-giang-2021": "002_d59d553fab5800b2.txt",
    "bac-ninh-149-2023": "003_a2a8a343bceeefb5.txt",
    "ca-mau-kl50": "004_0b151e137ea50164.txt",
}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def norm_ws(s):
    """Collapse every run of whitespace (newlines, NBSP, blank lines) to one space."""
    return " ".join(nfc(s).split())


def seed_lines(fname):
    with open(os.path.join(SEEDS, fname), encoding="utf-8") as f:
        return [nfc(l.rstrip("\n")) for l in f]


def seed_text_norm(fname):
    with open(os.path.join(SEEDS, fname), encoding="utf-8") as f:
        return norm_ws(f.read())


def load_observations():
    rows = []
    with open(OBS_FILE, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


LABEL_RES = [
    (re.compile(r"^([IVX]+)\.\s+(.*)$"), None),
    (re.compile(r"^(\d+)\.\s+(.*)$"), None),
    (re.compile(r"^([a-zđ])[\)\.]\s+(.*)$"), None),
    (re.compile(r"^- \+\s+(.*)$"), "+"),
    (re.compile(r"^-\s+(.*)$"), "-"),
    (re.compile(r"^\+\s+(.*)$"), "+"),
]


def split_label(s):
    """('label', 'rest') of a printed paragraph; label None when unlabelled."""
    s = s.strip()
    for rx, fixed in LABEL_RES:
        m = rx.match(s)
        if m:
            if fixed is not None:
                return fixed, m.group(1).strip()
            return m.group(1), m.group(2).strip()
    return None, s


def first_sentence(s):
    """Up to and including the first '.' that is followed by a space and a capital."""
    for m in re.finditer(r"\.\s+", s):
        nxt = s[m.end():m.end() + 1]
        if nxt and nxt.isupper():
            return s[:m.start() + 1]
    return s
