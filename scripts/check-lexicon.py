#!/usr/bin/env python3
"""Validate the bundled actor lexicon (Sources/Graph/Resources/lexicon/actors*.yaml).

Checks, following docs/LEXICON_SCHEMA.md:
  * every actors*.yaml parses and has only the known top-level keys;
  * every entry has a string `name`; all names/aliases/demonyms/references are strings
    (guards against YAML 1.1 surprises such as `No` -> false or `2024` -> int);
  * ids (explicit `id` or slug of `name`) are unique across all sections and files;
  * every `member_of` and `roles[].of` names an existing id (and the right kind:
    member_of -> organization, roles[].of -> country or organization);
  * role titles come from the schema's canonical set; dates are valid ISO YYYY-MM-DD
    and from <= to;
  * no normalized surface form (name, alias, demonym) belongs to two entities;
  * no alias is a common English word (error), except a short documented allow-list
    that is printed as warnings (e.g. "Chad", "Turkey", "Jordan");
  * entries in each section are sorted by id (tidy, deterministic diffs).

Usage: scripts/check-lexicon.py [LEXICON_DIR]   (exit 1 on errors, 0 otherwise)
"""
import datetime
import glob
import os
import re
import sys
import unicodedata

import yaml

SECTIONS = ("countries", "organizations", "people", "programs")
KINDS = {"alliance", "union", "body", "council", "agency", "company", "media",
         "court", "bank", "party", "group"}
TITLES = {"President", "Vice President", "Prime Minister", "Chancellor", "Foreign Minister",
          "Defence Minister", "Secretary General", "Deputy Secretary General",
          "High Representative", "President of the European Commission",
          "President of the European Council", "King", "Queen", "Secretary of State",
          "Secretary of Defense", "Secretary-General", "Director General", "Chairman",
          "Chief of Staff", "Spokesperson", "Ambassador", "Minister"}
ENTRY_KEYS = {
    "countries": {"id", "name", "aliases", "demonyms", "member_of"},
    "organizations": {"id", "name", "aliases", "references", "kind"},
    "people": {"id", "name", "aliases", "roles"},
    "programs": {"id", "name", "aliases", "references"},
}
ROLE_KEYS = {"title", "of", "from", "to", "portfolio"}

# Aliases that are also ordinary English words (or very common first names / surnames).
# Matching is case-folded by normalize(), so such an alias would fire on plain prose.
COMMON_WORDS = set("""
a an and are as at be bear bloc board body bush by can capital chair china chief
coalition council court day did do does east even fed field for from gate general
good government group guard hall hill home house in is it just king lead leader
major march may member mission nation navy new news north of office on one or
order party peace plan post press prime queen rally ram ring rock rose
said say secretary security senate south state states still summit sun the times
to union us war was watch west white will with world young
who fed is car pa male army military forces fund bank commission guardian economist
independent mark bill rob frank grant hope joy rich sky rain
pence waltz wiles barrack amnesty truss borne gallant cleverly tanner store kiwi era
safe conservatives liberals greens fund treasury ministry parliament
""".split())
# Common-word aliases kept on purpose (country names / established forms); printed as
# warnings so they stay visible. Keep each entry justified in actors*.yaml comments.
ALLOWED_COMMON = {
    "chad": "country; also a first name",
    "turkey": "country; also a bird",
    "jordan": "country; also a first name and a river",
    "georgia": "country; also a US state",
    "china": "country; also porcelain",
    "guinea": "country; also a coin",
    "niger": "country; also a river",
    "israel": "country; also a first name",
    "poles": "demonym of Poland; also 'poles'",
    "swedes": "demonym of Sweden; also a vegetable",
    "kingston": "capital of Jamaica; also other towns",
    "georgetown": "capital of Guyana; also a Washington district and university",
    "us": "United States only",
    "washington": "United States capital; also the US state",
    "musk": "Elon Musk; also a scent",
    "sofia": "capital of Bulgaria; also a first name",
}
SHORT_OK = {"uk", "eu", "un", "us", "ap", "au", "dw", "b9", "xi"}  # two-character forms kept on purpose

errors = []
warnings = []


class Loader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as text, so a bad date is reported, not raised."""


Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(name):
    s = fold(name).lower()
    s = re.sub(r"['\u2019`]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")


def normalize(alias):
    s = fold(alias).lower()
    s = re.sub(r"[.'\u2019`]", "", s)
    s = re.sub(r"[\s\-\u2010-\u2015]+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def parse_date(v, where):
    if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
        return v
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        try:
            return datetime.date.fromisoformat(v)
        except ValueError:
            pass
    err(f"{where}: invalid date {v!r} (want ISO YYYY-MM-DD)")
    return None


def strings(entry, key, where):
    v = entry.get(key, [])
    if v is None:
        return []
    if not isinstance(v, list):
        err(f"{where}: `{key}` must be a list")
        return []
    out = []
    for x in v:
        if not isinstance(x, str) or not x.strip():
            err(f"{where}: `{key}` item {x!r} is not a non-empty string (quote it)")
        else:
            out.append(x)
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "Sources", "Graph", "Resources", "lexicon")
    lexdir = sys.argv[1] if len(sys.argv) > 1 else default
    files = sorted(glob.glob(os.path.join(lexdir, "actors*.yaml")))
    if not files:
        print(f"error: no actors*.yaml in {lexdir}")
        return 1

    entries = []  # (section, id, entry, where)
    for path in files:
        fname = os.path.basename(path)
        try:
            with open(path, encoding="utf-8") as f:
                doc = yaml.load(f, Loader=Loader)
        except yaml.YAMLError as e:
            err(f"{fname}: YAML does not parse: {e}")
            continue
        if not isinstance(doc, dict):
            err(f"{fname}: top level must be a mapping")
            continue
        for k in doc:
            if k not in ("version",) + SECTIONS:
                err(f"{fname}: unknown top-level key {k!r}")
        if doc.get("version") != 1:
            err(f"{fname}: version must be 1")
        for section in SECTIONS:
            items = doc.get(section) or []
            if not isinstance(items, list):
                err(f"{fname}: `{section}` must be a list")
                continue
            prev = None
            for i, e in enumerate(items):
                where = f"{fname}:{section}[{i}]"
                if not isinstance(e, dict) or not isinstance(e.get("name"), str) or not e["name"].strip():
                    err(f"{where}: entry without a string `name`")
                    continue
                where = f"{fname}:{section}:{e['name']}"
                for k in e:
                    if k not in ENTRY_KEYS[section]:
                        err(f"{where}: unknown key {k!r}")
                eid = e.get("id", slug(e["name"]))
                if not isinstance(eid, str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", eid):
                    err(f"{where}: bad id {eid!r}")
                    continue
                if prev is not None and slug(e["name"]) < prev:
                    warn(f"{where}: not sorted by name (after {prev})")
                prev = slug(e["name"])
                entries.append((section, eid, e, where))

    ids = {}
    for section, eid, e, where in entries:
        if eid in ids:
            err(f"{where}: duplicate id {eid!r} (also {ids[eid][1]})")
        else:
            ids[eid] = (section, where)

    surface = {}  # normalized form -> set of ids
    origin = {}
    counts = {s: 0 for s in SECTIONS}
    nroles = 0
    for section, eid, e, where in entries:
        counts[section] += 1
        forms = [e["name"]] + strings(e, "aliases", where)
        if section == "countries":
            forms += strings(e, "demonyms", where)
            for m in strings(e, "member_of", where):
                if m not in ids:
                    err(f"{where}: member_of {m!r} is not an id")
                elif ids[m][0] != "organizations":
                    err(f"{where}: member_of {m!r} is not an organization")
            if len(set(e.get("member_of") or [])) != len(e.get("member_of") or []):
                err(f"{where}: member_of has duplicates")
        if section == "organizations":
            if e.get("kind") not in KINDS:
                err(f"{where}: kind {e.get('kind')!r} not in {sorted(KINDS)}")
        if section in ("organizations", "programs"):
            strings(e, "references", where)
        if section == "people":
            roles = e.get("roles") or []
            if not isinstance(roles, list):
                err(f"{where}: roles must be a list")
                roles = []
            for j, r in enumerate(roles):
                rw = f"{where}: roles[{j}]"
                if not isinstance(r, dict):
                    err(f"{rw}: not a mapping")
                    continue
                nroles += 1
                for k in r:
                    if k not in ROLE_KEYS:
                        err(f"{rw}: unknown key {k!r}")
                if r.get("title") not in TITLES:
                    err(f"{rw}: title {r.get('title')!r} not canonical")
                if r.get("title") == "Minister" and not r.get("portfolio"):
                    warn(f"{rw}: Minister without portfolio")
                of = r.get("of")
                if of not in ids:
                    err(f"{rw}: of {of!r} is not an id")
                elif ids[of][0] not in ("countries", "organizations"):
                    err(f"{rw}: of {of!r} is not a country or organization")
                d0 = parse_date(r["from"], rw) if "from" in r else None
                d1 = parse_date(r["to"], rw) if "to" in r else None
                if "from" not in r:
                    warn(f"{rw}: no `from` date")
                if d0 and d1 and d0 > d1:
                    err(f"{rw}: from {d0} after to {d1}")
        seen_here = set()
        for f in forms:
            n = normalize(f)
            if not n:
                err(f"{where}: empty alias after normalization: {f!r}")
                continue
            if n in seen_here:
                continue
            seen_here.add(n)
            surface.setdefault(n, set()).add(eid)
            origin.setdefault(n, []).append(f"{eid} ({f})")
            if f == e["name"]:
                if n in ALLOWED_COMMON or n in COMMON_WORDS:
                    warn(f"{where}: name {f!r} is also a common word: {ALLOWED_COMMON.get(n, 'check the extractor')}")
            else:
                if n in ALLOWED_COMMON:
                    if ALLOWED_COMMON[n]:
                        warn(f"{where}: alias {f!r} is a common word, kept: {ALLOWED_COMMON[n]}")
                elif n in COMMON_WORDS:
                    err(f"{where}: alias {f!r} is a common English word")
                elif len(n) <= 2 and n not in SHORT_OK:
                    err(f"{where}: alias {f!r} is too short to match safely")

    for n, owners in sorted(surface.items()):
        if len(owners) > 1:
            err(f"alias collision {n!r}: " + ", ".join(origin[n]))

    # references are anaphors ("the alliance"); they may be shared, but must not be an
    # alias of some other entity.
    for section, eid, e, where in entries:
        for r in e.get("references") or []:
            n = normalize(r) if isinstance(r, str) else None
            if n in surface and eid not in surface[n]:
                err(f"{where}: reference {r!r} is an alias of {sorted(surface[n])}")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"files: {', '.join(os.path.basename(f) for f in files)}")
    print("counts: " + ", ".join(f"{s}={counts[s]}" for s in SECTIONS) + f", roles={nroles}")
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
