#!/usr/bin/env python3
"""Writes Tests/GraphTests/Fixtures/seed-graph.json: the graph a careful annotator would
draw from seeds/ under docs ANNOTATION.md, with every evidence sentence located in its
document (offsets in Unicode scalars, which is what Python str indices count).

Run from the repository root: python3 scripts/seed-fixture.py
"""
import hashlib, json, os, sys

SEEDS = "seeds"
D0, D1, D2, D3, D4 = sorted(f for f in os.listdir(SEEDS) if f.endswith(".txt"))
texts = {d: open(os.path.join(SEEDS, d), encoding="utf-8").read() for d in (D0, D1, D2, D3, D4)}

def ev(doc, sentence):
    t = texts[doc]
    i = t.find(sentence)
    if i < 0 or t.find(sentence, i + 1) >= 0:
        sys.exit(f"sentence not found exactly once in {doc}: {sentence[:60]}")
    return {"document": doc, "start": i, "end": i + len(sentence), "text": sentence}

nodes = [
    ("mark-rutte", "Mark Rutte", "person", ["NATO Secretary General", "Rutte", "Secretary General", "NATO chief"]),
    ("jens-stoltenberg", "Jens Stoltenberg", "person", ["Stoltenberg"]),
    ("emmanuel-macron", "Emmanuel Macron", "person", ["Macron"]),
    ("peter-szijjarto", "Péter Szijjártó", "person", ["Peter Siyarto", "Siyarto", "Szijjártó"]),
    ("vladimir-putin", "Vladimir Putin", "person", ["Putin"]),
    ("donald-trump", "Donald Trump", "person", ["Trump", "President Trump"]),
    ("kaja-kallas", "Kaja Kallas", "person", ["Kallas"]),
    ("andrii-sybiha", "Andrii Sybiha", "person", ["Sybiha"]),
    ("nato", "NATO", "organization", ["the alliance", "North Atlantic Treaty Organization"]),
    ("european-union", "European Union", "organization", ["EU"]),
    ("ukraine", "Ukraine", "country", ["Kyiv", "Ukrainian", "Ukrainians"]),
    ("russia", "Russia", "country", ["Moscow", "the Kremlin", "Russian"]),
    ("united-states", "United States", "country", ["U.S.", "Washington", "the Americans", "American"]),
    ("hungary", "Hungary", "country", ["Hungarian"]),
    ("canada", "Canada", "country", []),
    ("germany", "Germany", "country", []),
    ("netherlands", "Netherlands", "country", ["The Netherlands"]),
    ("norway", "Norway", "country", []),
    ("poland", "Poland", "country", []),
    ("france", "France", "country", ["French"]),
    ("united-kingdom", "United Kingdom", "country", ["UK", "Britain"]),
    ("purl", "PURL", "program", ["Prioritised Ukraine Requirements List"]),
    ("30-day-ceasefire", "30-day ceasefire", "program", ["proposed 30-day ceasefire"]),
]

S = {
 "000a": (D0, "Following a Tuesday meeting between US and Russian representatives regarding the future of Ukraine, NATO Secretary General Mark Rutte affirmed Wednesday the alliance’s commitment to maintaining pressure on Moscow."),
 "000b": (D0, "He emphasized that continued support for Ukraine, including substantial military aid, is intrinsically linked to exerting pressure on Russia."),
 "000c": (D0, "Rutte highlighted the significant human cost of the conflict, pointing to estimates suggesting Russia suffers approximately 20,000 soldier losses monthly."),
 "001a": (D1, "NATO Secretary General Mark Rutte recently made headlines by asserting the need for NATO countries to amplify their support for Ukraine amid the deteriorative war with Russia."),
 "001b": (D1, "During a press conference held alongside French President Emmanuel Macron, Rutte emphasized the urgency of enhancing military assistance beyond mere sustenance for Ukraine’s defenses."),
 "001c": (D1, "Macron echoed this sentiment, stressing the importance of sustained support for Ukraine until victory is achieved."),
 "001d": (D1, "The issue of military supplies was underscored by recent reports indicating the UK hadn't delivered promised Storm Shadow cruise missiles to Ukraine, which has raised eyebrows among defense analysts and observers of the conflict."),
 "001e": (D1, "Despite these hurdles, Rutte acknowledged the supportive actions already taken, expressing gratitude toward France for providing substantial military supplies, including artillery and armored vehicles."),
 "001f": (D1, "The acknowledgment of France's early involvement demonstrates how integral its support has been throughout the war, especially with the pledge to send Mirage fighter jets expected early next year."),
 "001g": (D1, "Instead, he proposed proactive measures to change the conflict's course, urging allies to instigate costs for Russian President Vladimir Putin and his authoritarian allies."),
 "002a": (D2, "NATO Secretary General Mark Rutte stated that Russia is not making sufficient efforts to end the war in Ukraine."),
 "002b": (D2, "The U.S. has conveyed to NATO that Russia must increase its actions to facilitate a resolution."),
 "002c": (D2, "Rutte stressed that both the U.S. and NATO allies are working together to counter Russian aggression and enhance security in the region."),
 "002d": (D2, "Furthermore, Rutte underscored that the U.S. and NATO allies remain united in their strategy to counter Russian aggression and achieve resolution in Ukraine."),
 "002e": (D2, "Ukrainian positions are reportedly aligning more closely with American viewpoints, suggesting that there might be room for negotiation, yet Russia's hesitation to agree to a proposed 30-day ceasefire remains a major hurdle."),
 "002f": (D2, "Rutte also expressed confidence in the United States' nuclear deterrent capability as a cornerstone of NATO's commitment to maintaining security across its European territories."),
 "002g": (D2, "In a recent interview, NATO Secretary General Mark Rutte emphasized the urgent need for Russia to expedite its efforts to bring the ongoing conflict in Ukraine to a close."),
 "002h": (D2, "President Trump's administration has been pivotal in reactivating peace discussions, which had stalled until earlier this year."),
 "003a": (D3, "NATO Secretary General Mark Rutte has made a clear and resolute statement regarding the ongoing conflict in Ukraine, emphasizing that the alliance will not waver in its support for Kyiv if peace talks fail."),
 "003b": (D3, "He revealed that NATO member states plan to allocate 1 billion euros per month to purchase U.S.-manufactured arms for Kyiv over the next year."),
 "003c": (D3, "In a related development, NATO’s previous secretary general, Jens Stoltenberg, provided further financial context for the alliance’s support of Ukraine."),
 "003d": (D3, "On December 3, Hungary’s Foreign Minister Peter Siyarto reiterated the country’s refusal to participate in NATO’s mechanism for providing military assistance to Ukraine."),
 "003e": (D3, "This stance has drawn criticism from some quarters, with U.S. officials expressing concern over Hungary’s reluctance to contribute to the collective effort."),
 "003f": (D3, "This declaration aligns with NATO’s broader strategy of maintaining a firm stance against Russian aggression while reinforcing Kyiv’s capacity to resist occupation."),
 "003g": (D3, "The divergence in Hungary’s approach highlights the challenges of maintaining a unified front among NATO members."),
 "004a": (D4, "NATO Secretary General Mark Rutte welcomes negotiations on a peace plan for Ukraine and says allies will remain steadfast in their commitment to support Ukraine."),
 "004b": (D4, "“Turning to Ukraine, we all want the bloodshed to end, and I strongly welcome President Trump’s continued efforts to bring about a just and lasting peace … And as negotiations proceed, we cannot waver in our commitment to Ukraine,” NATO Secretary General stated."),
 "004c": (D4, "EU High Representative Kallas joined us, underscoring the close cooperation between NATO and the EU in bolstering Ukrainian resilience,” he reported."),
 "004d": (D4, "“During today's NATO-Ukraine Council, Foreign Minister Sybiha briefed us on the latest developments, Ukraine's urgent requirements, and progress on the path to a durable peace."),
 "004e": (D4, "“Through the Prioritised Ukraine Requirements List (PURL), funded by Allies, we are delivering essential, lethal and non-lethal U.S. capabilities, including desperately needed air defence, to help Ukraine hold the front line and protect its people."),
 "004f": (D4, "And today we heard from Allies who are committing more resources to support Ukraine through PURL including, Canada, Germany, The Netherlands, Norway and Poland."),
 "004g": (D4, "We are strengthening our support for Ukraine and increasing pressure on Russia,” the Secretary General stated."),
 "004h": (D4, "“Putin believes he can outlast us, but we are not going anywhere."),
}

edges = []
def edge(src, kind, dst, keys, **extra):
    e = {"source": src, "target": dst, "key": kind, "kind": kind,
         "evidence": sorted((ev(*S[k]) for k in keys), key=lambda x: (x["document"], x["start"], x["end"], x["text"]))}
    e.update(extra)
    edges.append(e)

R = "mark-rutte"
edge(R, "statement", "russia", ["000a", "000b", "000c", "002a", "002c", "002d", "002g", "004g"])
edge(R, "statement", "ukraine", ["000b", "001a", "001b", "002a", "003a", "004a", "004b", "004g"])
edge(R, "statement", "united-states", ["002f"])
edge(R, "statement", "france", ["001e"])
edge(R, "statement", "vladimir-putin", ["001g", "004h"])
edge(R, "statement", "donald-trump", ["004b"])
edge(R, "role", "nato", ["002g", "003a"], attributes={"title": "Secretary General"})
edge("jens-stoltenberg", "role", "nato", ["003c"], attributes={"title": "former Secretary General"})
edge("jens-stoltenberg", "statement", "ukraine", ["003b"])
edge("emmanuel-macron", "role", "france", ["001b"], attributes={"title": "President"})
edge("emmanuel-macron", "statement", "ukraine", ["001c"])
edge("vladimir-putin", "role", "russia", ["001g"], attributes={"title": "President"})
edge("donald-trump", "role", "united-states", ["002h"], attributes={"title": "President"})
edge("kaja-kallas", "role", "european-union", ["004c"], attributes={"title": "High Representative"})
edge("andrii-sybiha", "role", "ukraine", ["004d"], attributes={"title": "Foreign Minister"})
edge("andrii-sybiha", "statement", "ukraine", ["004d"])
edge("peter-szijjarto", "role", "hungary", ["003d"], attributes={"title": "Foreign Minister"})
edge("peter-szijjarto", "opposition", "purl", ["003d"])
edge("hungary", "opposition", "purl", ["003d"])
edge("hungary", "member", "nato", ["003g"])
edge("united-states", "opposition", "hungary", ["003e"])
edge("united-states", "statement", "russia", ["002b"])
edge("united-states", "opposition", "russia", ["002c", "002d"])
edge("united-states", "member", "nato", ["002c"])
edge("nato", "opposition", "russia", ["000a", "002c", "002d", "003f", "004g"])
edge("nato", "pledge", "ukraine", ["003a", "003b", "004a", "004e", "004g"],
     amount={"value": 1000000000, "currency": "EUR", "period": "month"}, items=["U.S.-manufactured arms"], status="pledged")
for c in ["canada", "germany", "netherlands", "norway", "poland"]:
    edge(c, "pledge", "ukraine", ["004f"], status="pledged")
    edge(c, "pledge", "purl", ["004f"], status="pledged")
    edge(c, "member", "nato", ["004f"])
edge("united-kingdom", "pledge", "ukraine", ["001d"], items=["Storm Shadow cruise missiles"], status="undelivered")
edge("france", "pledge", "ukraine", ["001e", "001f"], items=["Mirage fighter jets", "armored vehicles", "artillery"], status="delivered")
edge("russia", "opposition", "30-day-ceasefire", ["002e"])

edges.sort(key=lambda e: (e["source"], e["kind"], e["target"]))
docs = []
for d in sorted(texts):
    raw = open(os.path.join(SEEDS, d), "rb").read()
    docs.append({"id": d, "title": texts[d].split("\n", 1)[0].strip(), "sha256": hashlib.sha256(raw).hexdigest()})
graph = {
    "directed": True, "multigraph": True,
    "graph": {"documents": docs, "conflicts": [{
        "entity": "purl", "field": "expansion",
        "values": ["Partnership for Ukraine’s Reform and Leadership", "Prioritised Ukraine Requirements List"],
        "documents": [D3, D4]}]},
    "nodes": [{"id": i, "label": n, "type": t, "aliases": sorted(a)} for i, n, t, a in sorted(nodes)],
    "edges": edges,
}
out = "Tests/GraphTests/Fixtures/seed-graph.json"
with open(out, "w", encoding="utf-8") as f:
    json.dump(graph, f, ensure_ascii=False, indent=2, sort_keys=True)
    f.write("\n")
print(f"wrote {out}: {len(nodes)} nodes, {len(edges)} edges")
