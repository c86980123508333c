#!/usr/bin/env python3
"""Checks gold.json: unique aliases, verbatim evidence, names present in texts, and that a
graph of exactly the required relations scores F1=1.0 with score.py."""
import json, os, re, sys, subprocess, unicodedata, glob
sys.path.insert(0, "/work/shared/eval")
from score import norm, fold
H = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
gold = json.load(open(os.path.join(H, "gold.json")))
docs = {os.path.basename(p)[:3]: fold(open(p, encoding="utf-8").read()) for p in glob.glob(os.path.join(H, "articles", "*.txt"))}
ok = True
seen = {}
for e in gold["entities"]:
    for n in [e["name"]] + e["aliases"]:
        k = norm(n)
        if k in seen and seen[k] != e["name"]:
            print("ALIAS CLASH", n, seen[k], e["name"]); ok = False
        seen[k] = e["name"]
names = {e["name"] for e in gold["entities"]}
alltext = " ".join(docs.values())
for e in gold["entities"]:
    if not any(re.search(r"(?<!\w)" + re.escape(fold(n)) + r"(?!\w)", alltext) for n in [e["name"]] + e["aliases"]):
        print("ENTITY NOT IN TEXT", e["name"]); ok = False
used = set()
nev = 0
for r in gold["relations"]:
    for x in [r["source"], r["target"]] + r.get("alternatives", []):
        if x not in names: print("UNKNOWN ENTITY", x, r); ok = False
    if not r.get("optional"):
        used.update([r["source"], r["target"]])
        if r["kind"] == "statement" and not r.get("evidence"):
            print("REQ STATEMENT WITHOUT EVIDENCE", r); ok = False
    evs = ([(r["evidence_doc"], r["evidence"])] if r.get("evidence") else []) + [(m["doc"], m["text"]) for m in r.get("more_evidence", [])]
    for d, t in evs:
        nev += 1
        if fold(t) not in docs[d]:
            print("EVIDENCE NOT VERBATIM", d, t[:80]); ok = False
        if d not in r.get("docs", []): print("EVIDENCE DOC NOT IN DOCS", r); ok = False
print("evidence items checked:", nev)
# graph of exactly the required relations
nodes = [{"id": e["name"], "label": e["name"], "type": e["type"]} for e in gold["entities"] if not e.get("optional")]
edges = []
for r in gold["relations"]:
    if r.get("optional"): continue
    ev = [{"document": r["evidence_doc"], "text": r["evidence"]}] if r.get("evidence") else []
    edges.append({"source": r["source"], "target": r["target"], "kind": r["kind"], "evidence": ev})
gp = "/tmp/heldout2_required_graph.json"
json.dump({"nodes": nodes, "edges": edges}, open(gp, "w"), ensure_ascii=False)
out = subprocess.run([sys.executable, "/work/shared/eval/score.py", gp, os.path.join(H, "gold.json"), "--docs", os.path.join(H, "articles")], capture_output=True, text=True).stdout
print(out)
if "F1_all=1.000" not in out: ok = False
print("OK" if ok else "PROBLEMS")
