import Foundation
import GRDB
import ServiceKit
import Shared

extension RegistryStore {
    /// The introductions table: one row per form × partner pair, its steps as JSON.
    static func registerIntroductionMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("introductions-v1") { db in
            try db.create(table: "introductions") { table in
                table.primaryKey("id", .text)
                table.column("formId", .text).notNull().references("forms").indexed()
                table.column("partnerId", .text).notNull().references("partners").indexed()
                table.column("status", .text).notNull()
                table.column("revision", .integer).notNull()
                table.column("history", .text).notNull()
                table.uniqueKey(["formId", "partnerId"])
            }
        }
    }

    /// Records a proposed introduction.
    func createIntroduction(formId: String, partnerId: String, note: String?, actor: CommonInterface.Actor, at now: Date) throws -> Introduction {
        try self.database.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM forms WHERE id = ?)", arguments: [formId]) == true else {
                throw RegistryStoreError.formNotFound(id: formId)
            }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM partners WHERE id = ?)", arguments: [partnerId]) == true else {
                throw RegistryStoreError.partnerNotFound(id: partnerId)
            }
            if let existing = try String.fetchOne(
                db, sql: "SELECT id FROM introductions WHERE formId = ? AND partnerId = ?", arguments: [formId, partnerId])
            {
                throw RegistryStoreError.introductionExists(id: existing)
            }
            let id = Self.identifier("I-", try Self.nextValue("introduction", db: db))
            let step = IntroductionStep(status: .proposed, at: Timestamp.string(from: now), by: actor.operator ?? actor.user, note: note)
            let introduction = Introduction(id: id, formId: formId, partnerId: partnerId, status: .proposed, revision: 1, history: [step])
            try db.execute(
                sql: "INSERT INTO introductions (id, formId, partnerId, status, revision, history) VALUES (?, ?, ?, 'proposed', 1, ?)",
                arguments: [id, formId, partnerId, try LingyanJSON.string([step])])
            try self.feed.append(
                db, type: "introduction.created", entity: "introduction:\(id)", actor: actor,
                data: ["formId": .string(formId), "partnerId": .string(partnerId), "status": "proposed", "revision": 1])
            return introduction
        }
    }

    /// Moves an introduction one step.
    func advanceIntroduction(
        id: String, revision: Int, to status: IntroductionStatus, note: String?, actor: CommonInterface.Actor, at now: Date
    ) throws -> Introduction {
        try self.database.write { db in
            guard var introduction = try Self.introduction(db, id: id) else { throw RegistryStoreError.introductionNotFound(id: id) }
            guard introduction.revision == revision else {
                throw RegistryStoreError.staleRevision(id: id, current: introduction.revision, given: revision)
            }
            guard introduction.status.next.contains(status) else {
                throw RegistryStoreError.introductionStep(id: id, from: introduction.status, to: status)
            }
            let previous = introduction.status
            introduction.status = status
            introduction.revision += 1
            introduction.history.append(
                IntroductionStep(status: status, at: Timestamp.string(from: now), by: actor.operator ?? actor.user, note: note))
            try db.execute(
                sql: "UPDATE introductions SET status = ?, revision = ?, history = ? WHERE id = ?",
                arguments: [status.rawValue, introduction.revision, try LingyanJSON.string(introduction.history), id])
            try self.feed.append(
                db, type: "introduction.updated", entity: "introduction:\(id)", actor: actor,
                data: [
                    "formId": .string(introduction.formId), "partnerId": .string(introduction.partnerId),
                    "status": .string(status.rawValue), "previousStatus": .string(previous.rawValue),
                    "revision": .integer(Int64(introduction.revision)),
                ])
            return introduction
        }
    }

    /// Introductions, oldest first.
    func introductions(formId: String?, partnerId: String?, status: IntroductionStatus?) throws -> [Introduction] {
        try self.database.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let formId { conditions.append("formId = ?"); arguments.append(formId) }
            if let partnerId { conditions.append("partnerId = ?"); arguments.append(partnerId) }
            if let status { conditions.append("status = ?"); arguments.append(status.rawValue) }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT * FROM introductions" + filter + " ORDER BY id", arguments: StatementArguments(arguments))
                .map(Self.introduction)
        }
    }

    /// Counts for `stats.summary` (calls are counted by the handler, which knows the clock).
    /// What `stats.summary` counts. Forms count when submitted within `submittedFrom`..<`submittedBefore` (UTC
    /// instants, RFC 3339), all of them without bounds.
    struct Counts {
        var formsByStatus: [String: Int]
        var formsByCountry: [String: Int]
        var formsByArea: [String: Int]
        var formsByMonth: [String: Int]
        var formsWithoutCountry: Int
        var partnersByCountry: [String: Int]
        var introductionsByStatus: [String: Int]
    }

    func counts(submittedFrom: String? = nil, submittedBefore: String? = nil) throws -> Counts {
        try self.database.read { db in
            let period = "submittedAt >= ? AND submittedAt < ?"
            let bounds: StatementArguments = [submittedFrom ?? "", submittedBefore ?? "9999"]
            func grouped(_ sql: String, _ arguments: StatementArguments = []) throws -> [String: Int] {
                Dictionary(try Row.fetchAll(db, sql: sql, arguments: arguments).map { ($0[0] as String, $0[1] as Int) }, uniquingKeysWith: +)
            }
            var byCountry: [String: Int] = [:]
            var withoutCountry = 0
            for countries in try String.fetchAll(db, sql: "SELECT countries FROM forms WHERE \(period)", arguments: bounds) {
                let codes = countries.split(separator: ",")
                if codes.isEmpty { withoutCountry += 1 }
                for code in codes { byCountry[String(code), default: 0] += 1 }
            }
            // Counted inside SQLite: decoding every form in Swift made this the dearest read under load.
            let byArea = try grouped("SELECT json_extract(body, '$.project.technicalArea'), COUNT(*) FROM forms WHERE \(period) GROUP BY 1", bounds)
            let byMonth = try grouped("SELECT strftime('%Y-%m', submittedAt, '+8 hours'), COUNT(*) FROM forms WHERE \(period) GROUP BY 1", bounds)
            return Counts(
                formsByStatus: try grouped("SELECT status, COUNT(*) FROM forms WHERE \(period) GROUP BY status", bounds),
                formsByCountry: byCountry, formsByArea: byArea, formsByMonth: byMonth, formsWithoutCountry: withoutCountry,
                partnersByCountry: try grouped("SELECT country, COUNT(*) FROM partners GROUP BY country"),
                introductionsByStatus: try grouped("SELECT status, COUNT(*) FROM introductions GROUP BY status"))
        }
    }

    private static func introduction(_ db: Database, id: String) throws -> Introduction? {
        try Row.fetchOne(db, sql: "SELECT * FROM introductions WHERE id = ?", arguments: [id]).map(Self.introduction)
    }

    private static func introduction(_ row: Row) throws -> Introduction {
        let status: String = row["status"]
        let history: String = row["history"]
        return Introduction(
            id: row["id"], formId: row["formId"], partnerId: row["partnerId"],
            status: IntroductionStatus(rawValue: status) ?? .proposed, revision: row["revision"],
            history: try LingyanJSON.decode([IntroductionStep].self, from: history.utf8))
    }
}
