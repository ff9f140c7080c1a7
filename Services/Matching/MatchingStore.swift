import Foundation
import GRDB
import ServiceKit
import Shared

/// The matching database, `data/matching.sqlite`: the only code that opens it.
///
/// It holds the index: one row per indexed document (a published form, a partner profile, a call) in `documents`,
/// its terms and concept tokens in the FTS5 table `search` (same rowid), and the pairs already alerted.
final class MatchingStore: Sendable {
    let database: DatabasePool
    let feed: ChangeFeed
    /// Document frequencies for queries (see `FrequencyCache`).
    let frequencies = FrequencyCache()

    init(path: String, clock: LingyanClock) throws {
        self.database = try ServiceDatabase.open(path: path, migrator: Self.migrator)
        self.feed = try ChangeFeed(database: self.database, clock: clock)
    }

    /// Forward-only migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        ChangeFeed.registerMigration(in: &migrator)
        ChangeFeedConsumer.registerMigration(in: &migrator)
        migrator.registerMigration("index-v1") { db in
            try db.create(table: "documents") { table in
                table.autoIncrementedPrimaryKey("rowid")
                table.column("id", .text).notNull().unique()
                table.column("kind", .text).notNull()
                table.column("ref", .text).notNull()
                table.column("name", .text).notNull()
                table.column("country", .text)
                // Forms: the wanted countries as ",IL,FI,".
                table.column("countries", .text)
                table.column("region", .text)
                table.column("externalId", .text)
                table.column("concepts", .text).notNull()
                table.column("terms", .text).notNull()
                table.column("body", .text).notNull()
                table.column("updatedAt", .text).notNull()
            }
            // Terms and concept tokens; `meta` carries filter tokens (kind, country) that do not count in ranking.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE search USING fts5(terms, meta, tokenize = "unicode61 remove_diacritics 2 tokenchars '_'")
                """)
            try db.create(table: "alerts") { table in
                table.column("formId", .text).notNull()
                table.column("partnerId", .text).notNull()
                table.column("score", .double).notNull()
                table.column("at", .text).notNull()
                table.primaryKey(["formId", "partnerId"])
            }
        }
        migrator.registerMigration("index-kind-v1") { db in
            // Counting and listing by kind (calls, forms) must not scan every profile.
            try db.create(index: "documents_kind", on: "documents", columns: ["kind"])
            // How many documents hold each term: queries leave out the terms nearly every document has.
            try db.execute(sql: "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, 'row')")
        }
        return migrator
    }

    // MARK: Writing the index

    /// Stores or replaces a document and its search row.
    static func upsert(_ document: IndexedDocument, db: Database, at stamp: String) throws {
        let existing = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT rowid FROM documents WHERE id = ?"), arguments: [document.id])
        let arguments: StatementArguments = [
            document.kind.rawValue, document.ref, document.name, document.country, document.countries.map { ",\($0.joined(separator: ",")),"},
            document.region, document.externalId, document.concepts.joined(separator: " "),
            document.uniqueTerms.joined(separator: " "), document.body, stamp,
        ]
        let rowid: Int64
        if let existing {
            try db.cachedStatement(sql: """
                UPDATE documents SET kind = ?, ref = ?, name = ?, country = ?, countries = ?, region = ?, externalId = ?,
                concepts = ?, terms = ?, body = ?, updatedAt = ? WHERE rowid = ?
                """).execute(arguments: arguments + [existing])
            try db.cachedStatement(sql: "DELETE FROM search WHERE rowid = ?").execute(arguments: [existing])
            rowid = existing
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO documents (id, kind, ref, name, country, countries, region, externalId, concepts, terms, body, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [document.id] + arguments)
            rowid = db.lastInsertedRowID
        }
        try db.cachedStatement(sql: "INSERT INTO search (rowid, terms, meta) VALUES (?, ?, ?)")
            .execute(arguments: [rowid, document.searchText, document.metaText])
    }

    /// Removes a document (a form no longer published); nothing when it is not indexed.
    static func remove(id: String, db: Database) throws {
        guard let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM documents WHERE id = ?", arguments: [id]) else {
            return
        }
        try db.execute(sql: "DELETE FROM search WHERE rowid = ?", arguments: [rowid])
        try db.execute(sql: "DELETE FROM documents WHERE rowid = ?", arguments: [rowid])
    }

    /// Empties the index and moves the registry cursor back to the start, in one transaction: the feed consumer
    /// notices the moved cursor and applies the feed again. Alerts and matching's own events stay.
    func rebuild() throws {
        try self.database.write { db in
            try db.execute(sql: "DELETE FROM search")
            try db.execute(sql: "DELETE FROM documents")
            try db.execute(sql: "UPDATE feed_cursors SET position = 0 WHERE source = 'registry'")
        }
    }

    func status() throws -> MatchingInterface.IndexStatus.Result {
        try self.database.read { db in
            let counts = try GRDB.Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS count FROM documents GROUP BY kind")
            return .init(
                documents: Dictionary(uniqueKeysWithValues: counts.map { ($0["kind"], $0["count"]) }),
                registryCursor: try ChangeFeedConsumer.cursor(db, source: .registry))
        }
    }

    // MARK: Reading

    /// An indexed document as ranking needs it.
    struct Row: Sendable {
        var id: String
        var kind: String
        var ref: String
        var name: String
        var country: String?
        var countries: [String]
        var region: String?
        var externalId: String?
        var concepts: [String]
        var terms: Set<Substring>
        var body: String
    }

    static func contains(_ db: Database, id: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM documents WHERE id = ?"), arguments: [id]) ?? false
    }

    static func count(_ db: Database, kind: IndexedDocument.Kind) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM documents WHERE kind = ?"), arguments: [kind.rawValue]) ?? 0
    }

    static func document(_ db: Database, id: String) throws -> Row? {
        try GRDB.Row.fetchOne(db, sql: "SELECT * FROM documents WHERE id = ?", arguments: [id]).map(Self.row)
    }

    static func documents(_ db: Database, kind: IndexedDocument.Kind) throws -> [Row] {
        try GRDB.Row.fetchAll(db, sql: "SELECT * FROM documents WHERE kind = ? ORDER BY id", arguments: [kind.rawValue])
            .map(Self.row)
    }

    /// How many documents hold each of `terms` (absent terms are left out).
    static func documentFrequencies(_ db: Database, terms: [String]) throws -> [String: Int] {
        guard !terms.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: terms.count).joined(separator: ",")
        let rows = try GRDB.Row.fetchAll(
            db, sql: "SELECT term, doc FROM search_vocab WHERE term IN (\(placeholders))", arguments: StatementArguments(terms))
        return Dictionary(rows.map { ($0["term"], $0["doc"]) }, uniquingKeysWith: { first, _ in first })
    }

    static func documentCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM documents")) ?? 0
    }

    /// Candidates for a query: rowids best first with their bm25 (lower is better), at most `limit`.
    ///
    /// The rows come without their terms and body, which ranking does not need; `terms(_:ids:)` reads the terms
    /// of the few that are shown.
    static func search(_ db: Database, match: String, limit: Int) throws -> [(row: Row, bm25: Double)] {
        let rows = try GRDB.Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT d.id, d.kind, d.ref, d.name, d.country, d.countries, d.region, d.externalId, d.concepts,
                       '' AS terms, '' AS body, hits.rank
                FROM (SELECT rowid, bm25(search, 1.0, 0.0) AS rank FROM search WHERE search MATCH ? ORDER BY rank LIMIT ?) hits
                JOIN documents d ON d.rowid = hits.rowid
                ORDER BY hits.rank
                """),
            arguments: [match, limit])
        return rows.map { (Self.row($0), $0["rank"]) }
    }

    /// The index terms of the documents named.
    static func terms(_ db: Database, ids: [String]) throws -> [String: Set<Substring>] {
        var terms: [String: Set<Substring>] = [:]
        let statement = try db.cachedStatement(sql: "SELECT terms FROM documents WHERE id = ?")
        for id in ids {
            if let text = try String.fetchOne(statement, arguments: [id]) { terms[id] = Set(text.split(separator: " ")) }
        }
        return terms
    }

    private static func row(_ row: GRDB.Row) -> Row {
        let countries: String? = row["countries"]
        let concepts: String = row["concepts"]
        let terms: String = row["terms"]
        return Row(
            id: row["id"], kind: row["kind"], ref: row["ref"], name: row["name"], country: row["country"],
            countries: countries?.split(separator: ",").map(String.init) ?? [], region: row["region"],
            externalId: row["externalId"], concepts: concepts.split(separator: " ").map(String.init),
            terms: Set(terms.split(separator: " ")), body: row["body"])
    }
}
