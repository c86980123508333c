import Foundation
import Testing
@testable import CorpusStore

/// Store URLs are parsed without a server: parameters, and the one-line errors for bad ones.
@Suite struct PostgresURLTests {
    @Test func connectTimeoutIsReadAndChecked() throws {
        let base = "postgres://u:secret@127.0.0.1:5433/db?sslmode=disable"
        #expect(try PostgresURL(base).connectTimeout == nil)
        #expect(try PostgresURL(base + "&connect_timeout=120").connectTimeout == .seconds(120))
        #expect(try PostgresURL(base + "&schema=s&connect_timeout=1").schema == "s")
        for bad in ["0", "-5", "abc", "3601", "1.5", ""] {
            #expect {
                _ = try PostgresURL(base + "&connect_timeout=" + bad)
            } throws: { error in
                "\(error.localizedDescription)".contains("connect_timeout must be whole seconds from 1 to 3600")
                    && !"\(error.localizedDescription)".contains("secret")
            }
        }
    }

    @Test func passwordsAreRedactedInErrors() {
        #expect(PostgresURL.redact("postgres://u:p%40ss@h:1/db?x=1") == "postgres://u:***@h:1/db?x=1")
        #expect(PostgresURL.redact("postgres://u@h/db") == "postgres://u@h/db")
        #expect(PostgresURL.redact("postgres://h/db?a=b@c") == "postgres://h/db?a=b@c")
        #expect(PostgresURL.redact("postgres://h:5432/db?a=b@c") == "postgres://h:5432/db?a=b@c")
        #expect(PostgresURL.redact("postgres://u:a@b@h/db") == "postgres://u:***@h/db")
        #expect(PostgresURL.redact("not a url") == "not a url")
        #expect {
            _ = try PostgresURL("postgres://u:hunter2@127.0.0.1/db?sslmode=bogus")
        } throws: { error in
            error.localizedDescription.contains("u:***@") && !error.localizedDescription.contains("hunter2")
        }
    }

    @Test func unknownParametersNameTheKnownOnes() {
        #expect {
            _ = try PostgresURL("postgres://127.0.0.1/db?timeout=5")
        } throws: { error in
            error.localizedDescription.contains("known: sslmode, schema, connect_timeout")
        }
    }
}
