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
        // Withdrawal and expiry (DESIGN §7): a profile leaves every ranking but stays on record.
        migrator.registerMigration("partners-v2-status") { db in
            try db.alter(table: "partners") { table in
                table.add(column: "status", .text).notNull().defaults(to: PartnerStatus.active.rawValue)
                table.add(column: "expiresOn", .text)
                table.add(column: "withdrawal", .text)
            }
            try db.execute(sql: "UPDATE partners SET expiresOn = json_extract(body, '$.expiresOn')")
            try db.create(index: "partners_status_expiry", on: "partners", columns: ["status", "expiresOn"])
        }
    }

    /// Stores profiles in one transaction: new ones created, known ones (same source and external id) updated
    /// when they changed. A profile whose last day has passed is stored as expired; a re-import with a later day
    /// makes an expired one active again; a withdrawn one stays withdrawn. Returns how many were created and updated.
    func importPartners(_ profiles: [PartnerProfile], actor: CommonInterface.Actor, at now: Date) throws -> (created: Int, updated: Int) {
        try self.database.write { db in
            var created = 0
            var updated = 0
            for profile in profiles {
                let change = try self.store(profile, id: nil, revision: nil, db: db, actor: actor, at: now)
                if change?.created == true { created += 1 } else if change != nil { updated += 1 }
            }
            return (created, updated)
        }
    }

    /// Stores one profile by its source and external id (`partners.upsert`).
    func upsertPartner(_ profile: PartnerProfile, actor: CommonInterface.Actor, at now: Date) throws -> RegistryInterface.PartnerChange {
        try self.database.write { db in
            if let change = try self.store(profile, id: nil, revision: nil, db: db, actor: actor, at: now) { return change }
            // Unchanged: the profile as it stands.
            let record = try PartnerRecord.filter(PartnerRecord.Columns.source == profile.source && PartnerRecord.Columns.externalId == profile.externalId).fetchOne(db)
            guard let record else { throw RegistryStoreError.partnerNotFound(id: profile.externalId) }
            return .init(id: record.id, created: false, revision: record.revision, status: try record.partnerStatus())
        }
    }

    /// Replaces one profile by id at a known revision (`partners.update`).
    func updatePartner(id: String, revision: Int, _ profile: PartnerProfile, actor: CommonInterface.Actor, at now: Date) throws -> RegistryInterface.PartnerChange {
        try self.database.write { db in
            guard let record = try PartnerRecord.fetchOne(db, key: id) else { throw RegistryStoreError.partnerNotFound(id: id) }
            guard record.revision == revision else {
                throw RegistryStoreError.staleRevision(id: id, current: record.revision, given: revision)
            }
            guard record.source == profile.source && record.externalId == profile.externalId else {
                throw RegistryStoreError.partnerIdentity(id: id, source: record.source, externalId: record.externalId)
            }
            if let change = try self.store(profile, id: id, revision: revision, db: db, actor: actor, at: now) { return change }
            return .init(id: id, created: false, revision: record.revision, status: try record.partnerStatus())
        }
    }

    /// Withdraws a profile with a reason; matching takes it out of every ranking when it reads the event.
    func withdrawPartner(id: String, reason: String, actor: CommonInterface.Actor, at now: Date) throws -> RegistryInterface.PartnerChange {
        try self.database.write { db in
            guard var record = try PartnerRecord.fetchOne(db, key: id) else { throw RegistryStoreError.partnerNotFound(id: id) }
            if let earlier = try record.partnerWithdrawal() { throw RegistryStoreError.partnerWithdrawn(id: id, at: earlier.at) }
            let stamp = Timestamp.string(from: now)
            let withdrawal = PartnerWithdrawal(reason: reason, at: stamp, by: actor.operator ?? actor.user ?? "uid \(actor.uid)")
            record.revision += 1
            record.status = PartnerStatus.withdrawn.rawValue
            record.withdrawal = try LingyanJSON.string(withdrawal)
            record.updatedAt = stamp
            try record.update(db)
            // The reason is staff's words about an organisation, not a person's contact details.
            try self.feed.append(
                db, type: "partner.withdrawn", entity: "partner:\(id)", actor: actor,
                data: ["revision": .integer(Int64(record.revision)), "source": .string(record.source), "reason": .string(reason)])
            return .init(id: id, created: false, revision: record.revision, status: .withdrawn)
        }
    }

    /// Marks as expired every active profile whose last day is before `now`'s Hangzhou day; returns their ids.
    func expirePartners(today now: Date) async throws -> [String] {
        let today = CatalogueRules.localDate(now)
        let actor = CommonInterface.Actor(uid: getuid(), user: SystemUsers.name(of: getuid()), pid: getpid(), operator: "profile expiry")
        return try await self.groupCommit.write { db in
            let due = try PartnerRecord
                .filter(PartnerRecord.Columns.status == PartnerStatus.active.rawValue && PartnerRecord.Columns.expiresOn < today)
                .order(PartnerRecord.Columns.id).fetchAll(db)
            let stamp = Timestamp.string(from: now)
            for var record in due {
                record.revision += 1
                record.status = PartnerStatus.expired.rawValue
                record.updatedAt = stamp
                try record.update(db)
                try self.feed.append(
                    db, type: "partner.expired", entity: "partner:\(record.id)", actor: actor,
                    data: ["revision": .integer(Int64(record.revision)), "source": .string(record.source), "expiresOn": .string(record.expiresOn ?? "")])
            }
            return due.map(\.id)
        }
    }

    /// Writes one profile when it changed and appends its event; nil when it was already stored as it is.
    /// `id` and `revision` are given by an update, which has already checked them.
    private func store(
        _ profile: PartnerProfile, id: String?, revision: Int?, db: Database, actor: CommonInterface.Actor, at now: Date
    ) throws -> RegistryInterface.PartnerChange? {
        let stamp = Timestamp.string(from: now)
        let body = try LingyanJSON.string(profile)
        let lapsed = profile.expiresOn.map { $0 < CatalogueRules.localDate(now) } ?? false
        // Imports look up and insert one row per line: prepared once per connection, not generated per line.
        let existing: PartnerRecord?
        if let id {
            existing = try PartnerRecord.fetchOne(db, key: id)
        } else {
            existing = try PartnerRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM partners WHERE source = ? AND externalId = ?"),
                arguments: [profile.source, profile.externalId])
        }
        guard var record = existing else {
            let id = Self.identifier("P-", try Self.nextValue("partner", db: db))
            let status: PartnerStatus = lapsed ? .expired : .active
            try db.cachedStatement(sql: """
                INSERT INTO partners (id, source, externalId, country, revision, body, importedAt, updatedAt, status, expiresOn)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    id, profile.source, profile.externalId, profile.country, body, stamp, stamp, status.rawValue, profile.expiresOn,
                ])
            try self.feed.append(
                db, type: "partner.imported", entity: "partner:\(id)", actor: actor,
                data: [
                    "revision": 1, "source": .string(profile.source), "externalId": .string(profile.externalId),
                    "country": .string(profile.country), "status": .string(status.rawValue),
                ])
            return .init(id: id, created: true, revision: 1, status: status)
        }
        guard record.body != body else { return nil }
        var status = try record.partnerStatus()
        if status != .withdrawn { status = lapsed ? .expired : .active }
        record.country = profile.country
        record.revision += 1
        record.body = body
        record.updatedAt = stamp
        record.status = status.rawValue
        record.expiresOn = profile.expiresOn
        try record.update(db)
        try self.feed.append(
            db, type: "partner.updated", entity: "partner:\(record.id)", actor: actor,
            data: [
                "revision": .integer(Int64(record.revision)), "source": .string(profile.source),
                "country": .string(profile.country), "status": .string(status.rawValue),
            ])
        return .init(id: record.id, created: false, revision: record.revision, status: status)
    }

    /// One profile.
    func partner(id: String) throws -> StoredPartner? {
        try self.database.read { db in try PartnerRecord.fetchOne(db, key: id)?.storedPartner() }
    }

    /// Profiles in id order.
    func partners(
        country: String?, source: String?, status: PartnerStatus?, expiringBy: String?, limit: Int, after: String?
    ) throws -> [StoredPartner] {
        try self.database.read { db in
            var request = PartnerRecord.all()
            if let country { request = request.filter(PartnerRecord.Columns.country == country) }
            if let source { request = request.filter(PartnerRecord.Columns.source == source) }
            if let status { request = request.filter(PartnerRecord.Columns.status == status.rawValue) }
            if let expiringBy {
                request = request.filter(PartnerRecord.Columns.status == PartnerStatus.active.rawValue && PartnerRecord.Columns.expiresOn <= expiringBy)
            }
            if let after { request = request.filter(PartnerRecord.Columns.id > after) }
            return try request.order(PartnerRecord.Columns.id).limit(limit).fetchAll(db).map { try $0.storedPartner() }
        }
    }
}

/// One row of `partners`: the profile as JSON, with the columns it is looked up and swept by.
struct PartnerRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "partners"

    var id: String
    var source: String
    var externalId: String
    var country: String
    var revision: Int
    /// The ``PartnerProfile`` as JSON.
    var body: String
    var importedAt: String
    var updatedAt: String
    /// A ``PartnerStatus`` raw value.
    var status: String
    var expiresOn: String?
    /// The ``PartnerWithdrawal`` as JSON, for a withdrawn profile.
    var withdrawal: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let source = Column(CodingKeys.source)
        static let externalId = Column(CodingKeys.externalId)
        static let country = Column(CodingKeys.country)
        static let status = Column(CodingKeys.status)
        static let expiresOn = Column(CodingKeys.expiresOn)
    }

    /// The status; a value this version does not know is an error, not a guess.
    func partnerStatus() throws -> PartnerStatus {
        guard let status = PartnerStatus(rawValue: self.status) else {
            throw DatabaseError(message: "partner \(self.id) has an unknown status '\(self.status)'")
        }
        return status
    }

    func partnerWithdrawal() throws -> PartnerWithdrawal? {
        try self.withdrawal.map { try LingyanJSON.decode(PartnerWithdrawal.self, from: $0.utf8) }
    }

    func storedPartner() throws -> StoredPartner {
        StoredPartner(
            id: self.id, profile: try LingyanJSON.decode(PartnerProfile.self, from: self.body.utf8), revision: self.revision,
            importedAt: self.importedAt, updatedAt: self.updatedAt, status: try self.partnerStatus(),
            withdrawal: try self.partnerWithdrawal())
    }
}
