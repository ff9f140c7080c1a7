import Foundation
import GRDB
import ServiceKit
import Shared

extension RegistryStore {
    /// The partner profiles table.
    static func registerPartnerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("partners-v1") { db in
            try db.create(table: "partners") { table in
                table.primaryKey("id", .text)
                table.column("source", .text).notNull()
                table.column("externalId", .text).notNull()
                table.column("country", .text).notNull().indexed()
                table.column("revision", .integer).notNull()
                table.column("body", .text).notNull()
                table.column("importedAt", .text).notNull()
                table.column("updatedAt", .text).notNull()
                table.uniqueKey(["source", "externalId"])
            }
        }
    }

    /// Stores profiles in one transaction: new ones created, known ones (same source and external id) updated
    /// when they changed. Returns how many were created and updated.
    func importPartners(_ profiles: [PartnerProfile], actor: CommonInterface.Actor, at now: Date) throws -> (created: Int, updated: Int) {
        try self.database.write { db in
            let stamp = Timestamp.string(from: now)
            var created = 0
            var updated = 0
            for profile in profiles {
                let body = try LingyanJSON.string(profile)
                if let row = try Row.fetchOne(
                    db, sql: "SELECT id, revision, body FROM partners WHERE source = ? AND externalId = ?",
                    arguments: [profile.source, profile.externalId])
                {
                    let id: String = row["id"]
                    let previous: String = row["body"]
                    guard previous != body else { continue }
                    let revision: Int = row["revision"]
                    try db.execute(
                        sql: "UPDATE partners SET country = ?, revision = ?, body = ?, updatedAt = ? WHERE id = ?",
                        arguments: [profile.country, revision + 1, body, stamp, id])
                    try self.feed.append(
                        db, type: "partner.updated", entity: "partner:\(id)", actor: actor,
                        data: ["revision": .integer(Int64(revision + 1)), "source": .string(profile.source), "country": .string(profile.country)])
                    updated += 1
                } else {
                    let id = Self.identifier("P-", try Self.nextValue("partner", db: db))
                    try db.execute(
                        sql: "INSERT INTO partners (id, source, externalId, country, revision, body, importedAt, updatedAt) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
                        arguments: [id, profile.source, profile.externalId, profile.country, body, stamp, stamp])
                    try self.feed.append(
                        db, type: "partner.imported", entity: "partner:\(id)", actor: actor,
                        data: ["revision": 1, "source": .string(profile.source), "externalId": .string(profile.externalId), "country": .string(profile.country)])
                    created += 1
                }
            }
            return (created, updated)
        }
    }

    /// One profile.
    func partner(id: String) throws -> StoredPartner? {
        try self.database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM partners WHERE id = ?", arguments: [id]).map(Self.storedPartner)
        }
    }

    /// Profiles in id order.
    func partners(country: String?, source: String?, limit: Int, after: String?) throws -> [StoredPartner] {
        try self.database.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let country { conditions.append("country = ?"); arguments.append(country) }
            if let source { conditions.append("source = ?"); arguments.append(source) }
            if let after { conditions.append("id > ?"); arguments.append(after) }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM partners" + filter + " ORDER BY id LIMIT ?", arguments: StatementArguments(arguments + [limit])
            ).map(Self.storedPartner)
        }
    }

    private static func storedPartner(_ row: Row) throws -> StoredPartner {
        let body: String = row["body"]
        return StoredPartner(
            id: row["id"], profile: try LingyanJSON.decode(PartnerProfile.self, from: body.utf8), revision: row["revision"],
            importedAt: row["importedAt"], updatedAt: row["updatedAt"])
    }
}
