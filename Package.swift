// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nato-graph",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Graph", targets: ["Graph"]),
        .library(name: "CorpusStore", targets: ["CorpusStore"]),
        .executable(name: "nato-graph", targets: ["nato-graph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(
            name: "Graph",
            dependencies: ["CGraphviz", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/lexicon")]
        ),
        .target(
            name: "CorpusStore",
            dependencies: [
                "Graph",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "store-crash-test",
            dependencies: ["CorpusStore", "Graph"],
            path: "Benchmarks/StoreCrash"
        ),
        .executableTarget(
            name: "nato-graph",
            dependencies: ["Graph", "CorpusStore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "query-bench", dependencies: ["Graph"], path: "Benchmarks/QueryBench"),
        .executableTarget(name: "build-bench", dependencies: ["Graph"], path: "Benchmarks/BuildBench"),
        .executableTarget(
            name: "graphviz-bench",
            dependencies: ["Graph"],
            path: "Benchmarks/GraphvizBench"
        ),
        // Fuzz targets (libFuzzer): scripts/fuzz.sh builds them with -sanitize=fuzzer,address
        // and -DFUZZING; without FUZZING each replays the files it is given. docs/FUZZING.md.
        .executableTarget(name: "fuzz-extract", dependencies: ["Graph"], path: "Fuzz/Extract"),
        .executableTarget(name: "fuzz-graph-json", dependencies: ["Graph"], path: "Fuzz/GraphJSON"),
        .executableTarget(name: "fuzz-lexicon", dependencies: ["Graph"], path: "Fuzz/Lexicon"),
        .executableTarget(name: "fuzz-dot", dependencies: ["Graph"], path: "Fuzz/DOT"),
        .executableTarget(name: "fuzz-pattern", dependencies: ["Graph"], path: "Fuzz/Pattern"),
        .testTarget(
            name: "GraphTests",
            dependencies: ["Graph"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CorpusStoreTests",
            dependencies: ["CorpusStore", "Graph", "store-crash-test", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "NatoGraphCLITests",
            dependencies: ["nato-graph", "Graph"]
        ),
    ]
)
