#!/usr/bin/env python3
"""Query benchmarks: the Swift query index against networkx on the same graph, same run.

Exports the deterministic synthetic graph from Swift (query-bench --export) as graph.json,
times the Swift queries on it (query-bench --graph), times networkx on it, and prints the
ratios; then times whole processes: `nato-graph path` against python loading graph.json
into networkx and answering the same shortest path.

usage: scripts/bench-networkx.py [--nodes 100000] [--edges 1000000] [--work DIR] [--bin .build/release]
Build first: swift build -c release --product query-bench && swift build -c release --product nato-graph
"""
import argparse, itertools, json, os, statistics, subprocess, sys, time

import networkx as nx

ap = argparse.ArgumentParser()
ap.add_argument("--nodes", type=int, default=100_000)
ap.add_argument("--edges", type=int, default=1_000_000)
ap.add_argument("--work", default="/tmp/nato-graph-bench")
ap.add_argument("--bin", default=".build/release")
ap.add_argument("--runs", type=int, default=3, help="whole-process runs (minimum is reported)")
args = ap.parse_args()
os.makedirs(args.work, exist_ok=True)
graph = os.path.join(args.work, f"graph-{args.nodes}-{args.edges}.json")
pairs_file = os.path.join(args.work, f"pairs-{args.nodes}-{args.edges}.json")
swift_report = os.path.join(args.work, "swift.json")
bench = os.path.join(args.bin, "query-bench")
cli = os.path.join(args.bin, "nato-graph")

def run(cmd):
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)

if not (os.path.exists(graph) and os.path.exists(pairs_file)):
    run([bench, "--export", graph, "--pairs-out", pairs_file, "--nodes", str(args.nodes), "--edges", str(args.edges)])
print(f"graph.json: {os.path.getsize(graph) / 1e6:.0f} MB")
run([bench, "--graph", graph, "--pairs-in", pairs_file, "--report", swift_report])
swift = json.load(open(swift_report))
pairs = [tuple(p) for p in json.load(open(pairs_file))]

def cpu_ms(f):
    c0, t0 = time.thread_time(), time.perf_counter()
    r = f()
    return r, (time.perf_counter() - t0) * 1e3, (time.thread_time() - c0) * 1e3

print("networkx", nx.__version__, "loading…", flush=True)
t0 = time.perf_counter()
data = json.load(open(graph))
G = nx.node_link_graph(data, edges="edges")
load_ms = (time.perf_counter() - t0) * 1e3
del data
U = G.to_undirected()
D = nx.DiGraph(G)
UD = nx.Graph(G)
print(f"networkx load json + node_link_graph: {load_ms:.0f} ms", flush=True)

nxr = {}
def per_query(key, items, f):
    results, wall, cpu = [], 0.0, 0.0
    for it in items:
        r, w, c = cpu_ms(lambda: f(*it))
        results.append(r); wall += w; cpu += c
    nxr[key] = {"ms_per_query": wall / len(items), "cpu_ms_per_query": cpu / len(items), "results": results}
    print(f"  {key}: {wall / len(items):.3f} ms/query (cpu {cpu / len(items):.3f})", flush=True)

def sp(g):
    def f(s, t):
        try: return len(nx.shortest_path(g, s, t)) - 1
        except nx.NetworkXNoPath: return -1
    return f

per_query("shortest_undirected", pairs, sp(U))
per_query("shortest_directed", pairs, sp(G))
KF = nx.subgraph_view(U, filter_edge=lambda u, v, k: U[u][v][k].get("kind") in ("pledge", "opposition"))
per_query("shortest_kinds", pairs, sp(KF))
sources = [(s,) for s, _ in pairs[:3]]
per_query("bfs_directed", sources, lambda s: len(nx.single_source_shortest_path_length(G, s)))
per_query("bfs_undirected", sources, lambda s: len(nx.single_source_shortest_path_length(U, s)))
per_query("allpaths_directed", pairs[:10], lambda s, t: sum(1 for _ in nx.all_simple_paths(G, s, t, cutoff=4)))
per_query("allpaths_undirected", pairs[:10], lambda s, t: sum(1 for _ in nx.all_simple_paths(U, s, t, cutoff=4)))
per_query("kshortest_directed", pairs[:10], lambda s, t: [len(p) - 1 for p in itertools.islice(nx.shortest_simple_paths(D, s, t), 5)])
per_query("kshortest_undirected", pairs[:10], lambda s, t: [len(p) - 1 for p in itertools.islice(nx.shortest_simple_paths(UD, s, t), 5)])

# Whole process: load graph.json + one shortest path, directed in both.
s, t = pairs[0]
py = ("import json, networkx as nx, sys; d = json.load(open(sys.argv[1])); "
      "G = nx.node_link_graph(d, edges='edges'); print(len(nx.shortest_path(G, sys.argv[2], sys.argv[3])) - 1)")
def whole(cmd):
    best = float("inf")
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best * 1e3
print("whole-process runs…", flush=True)
swift_whole = whole([cli, "path", "--graph", graph, "--directed", s, t])
nx_whole = whole([sys.executable, "-c", py, graph, s, t])

rows = []
def ratio(key, label, goal, counts_key="results"):
    sw, nw = swift[key], nxr[key]
    same = "yes" if sw.get(counts_key, sw.get("counts", sw.get("lengths"))) == nw["results"] else "no"
    if key.startswith("bfs"):
        same = "yes" if sw["reached"][:len(nw["results"])] == nw["results"] else "no"
    rows.append((label, sw["ms_per_query"], sw["cpu_ms_per_query"], nw["ms_per_query"], nw["cpu_ms_per_query"], goal, same))

ratio("shortest_undirected", "s→t shortest, undirected", 10)
ratio("shortest_directed", "s→t shortest, directed", 10)
ratio("shortest_kinds", "s→t shortest, kinds pledge|opposition", 10)
ratio("bfs_directed", "full BFS, directed", 30)
ratio("bfs_undirected", "full BFS, undirected", 30)
ratio("allpaths_directed", "all simple paths ≤ 4, directed", 30, "counts")
ratio("allpaths_undirected", "all simple paths ≤ 4, undirected", 30, "counts")
ratio("kshortest_directed", "k=5 shortest (Yen), directed", None, "lengths")
ratio("kshortest_undirected", "k=5 shortest (Yen), undirected", None, "lengths")

print()
print(f"graph: {args.nodes} nodes, {args.edges} edges (graph.json {os.path.getsize(graph) / 1e6:.0f} MB); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
print(f"| query | Swift ms (cpu) | networkx ms (cpu) | ratio wall | ratio cpu | goal | same answers |")
print(f"|---|---:|---:|---:|---:|---:|---|")
for label, sw, sc, nw, nc, goal, same in rows:
    print(f"| {label} | {sw:.3f} ({sc:.3f}) | {nw:.3f} ({nc:.3f}) | {nw / sw:.0f}× | {nc / sc:.0f}× | {('≥ %d×' % goal) if goal else '—'} | {same} |")
print(f"| whole process: load graph.json + directed shortest path | {swift_whole:.0f} | {nx_whole:.0f} | {nx_whole / swift_whole:.1f}× | | ≥ 5× | |")
print()
print(f"Swift load graph.json: {swift['load_json_ms']:.0f} ms, GraphIndex(EntityGraph): {swift['index_from_entitygraph_ms']:.0f} ms, peak {swift['peak_mb']:.0f} MB")
print(f"networkx load json + node_link_graph: {load_ms:.0f} ms")
