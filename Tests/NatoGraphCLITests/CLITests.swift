import Testing
@testable import nato_graph
@Test func parses() throws { _ = try NatoGraph.parseAsRoot(["export", "x.json"]) }
