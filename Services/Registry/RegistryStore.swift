import Foundation
import GRDB
import ServiceKit
import Shared

/// Why a registry write did not happen; the handlers turn these into wire errors.
enum RegistryStoreError: Error {
    /// No call with this id.
    case callNotFound(id: String)
    /// A call with this id exists, and the request did not name the revision it replaces.
    case callExists(id: String, revision: Int)
    /// The request named a revision that is no longer current.
    case staleRevision(id: String, current: Int, given: Int)
    /// No form with this id.
    case formNotFound(id: String)
    /// The form's status does not allow the change.
    case formStatus(id: String, status: FormStatus, allowed: [FormStatus], action: String)
    /// No partner profile with this id.
    case partnerNotFound(id: String)
    /// The profile was already withdrawn.
    case partnerWithdrawn(id: String, at: String)
    /// An update tried to change what identifies the profile.
    case partnerIdentity(id: String, source: String, externalId: String)
    /// No introduction with this id.
    case introductionNotFound(id: String)
    /// The pair already has an introduction.
    case introductionExists(id: String)
    /// The funnel does not allow this step.
    case introductionStep(id: String, from: IntroductionStatus, to: IntroductionStatus)
}

/// The registry's database, `data/registry.sqlite`: the only code that opens it.
final class RegistryStore: Sendable {
    let database: DatabasePool
    let feed: ChangeFeed
    /// Form writes from concurrent clients share transactions.
    let groupCommit: GroupCommit

    init(path: String, clock: LingyanClock, groupCommitLimit: Int = 1_000) throws {
        self.database = try ServiceDatabase.open(path: path, migrator: Self.migrator)
        self.feed = try ChangeFeed(database: self.database, clock: clock)
        self.groupCommit = GroupCommit(database: self.database, limit: groupCommitLimit)
    }

    /// Forward-only migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        ChangeFeed.registerMigration(in: &migrator)
        migrator.registerMigration("catalogue-v1") { db in
            try db.create(table: "calls") { table in
                table.primaryKey("id", .text)
                table.column("year", .integer).notNull().indexed()
                table.column("revision", .integer).notNull()
                table.column("body", .text).notNull()
                table.column("updatedAt", .text).notNull()
            }
        }
        Self.registerFormMigrations(in: &migrator)
        Self.registerPartnerMigrations(in: &migrator)
        Self.registerIntroductionMigrations(in: &migrator)
        return migrator
    }

    // MARK: Catalogue

    /// Loads `calls` when the catalogue is empty (first start); returns how many were loaded.
    @discardableResult
    func loadCatalogueIfEmpty(_ calls: [ProgrammeCall], actor: CommonInterface.Actor, at now: Date) throws -> Int {
        try self.database.write { db in
            guard try CallRecord.fetchCount(db) == 0 else { return 0 }
            for call in calls {
                try self.insert(call, revision: 1, db: db, actor: actor, at: now, source: "default")
            }
            return calls.count
        }
    }

    /// Every call, by year then id.
    func calls(year: Int?) throws -> [ProgrammeCall] {
        try self.database.read { db in
            var request = CallRecord.order(CallRecord.Columns.year, CallRecord.Columns.id)
            if let year { request = request.filter(CallRecord.Columns.year == year) }
            return try request.fetchAll(db).map { try $0.call() }
        }
    }

    /// One call.
    func call(id: String) throws -> ProgrammeCall {
        try self.database.read { db in
            guard let record = try CallRecord.fetchOne(db, key: id) else { throw RegistryStoreError.callNotFound(id: id) }
            return try record.call()
        }
    }

    /// Adds a call (no `revision`) or replaces the call at `revision`; returns the new revision.
    func upsert(_ call: ProgrammeCall, revision: Int?, actor: CommonInterface.Actor, at now: Date) throws -> Int {
        try self.database.write { db in
            let existing = try CallRecord.fetchOne(db, key: call.id)
            switch (existing, revision) {
            case (nil, nil):
                try self.insert(call, revision: 1, db: db, actor: actor, at: now, source: "upsert")
                return 1
            case (nil, .some):
                throw RegistryStoreError.callNotFound(id: call.id)
            case (let current?, nil):
                throw RegistryStoreError.callExists(id: call.id, revision: current.revision)
            case (let current?, let given?):
                guard current.revision == given else {
                    throw RegistryStoreError.staleRevision(id: call.id, current: current.revision, given: given)
                }
                try self.insert(call, revision: given + 1, db: db, actor: actor, at: now, source: "upsert")
                return given + 1
            }
        }
    }

    private func insert(
        _ call: ProgrammeCall, revision: Int, db: Database, actor: CommonInterface.Actor, at now: Date, source: String
    ) throws {
        // The deadline before this change travels with the event: a deadline newly set on a call whose date was
        // "to be agreed" is news for the enterprises seeking its country.
        let previous = try CallRecord.fetchOne(db, key: call.id).map { try $0.call() }
        var stored = call
        stored.deadlineState = nil
        stored.revision = revision
        try CallRecord(
            id: call.id, year: call.year, revision: revision, body: try LingyanJSON.string(stored),
            updatedAt: Timestamp.string(from: now)
        ).save(db)
        try self.feed.append(
            db, type: "call.updated", entity: "call:\(call.id)", actor: actor,
            data: [
                "revision": .integer(Int64(revision)), "source": .string(source), "deadline": call.deadline.map { .string($0) } ?? .null,
                "previousDeadline": previous?.deadline.map { .string($0) } ?? .null, "country": .string(call.country),
            ])
    }
}

/// One row of `calls`: the call as JSON, with the columns it is looked up by.
struct CallRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "calls"

    var id: String
    var year: Int
    var revision: Int
    /// The ``ProgrammeCall`` as JSON, without its computed deadline state.
    var body: String
    var updatedAt: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let year = Column(CodingKeys.year)
    }

    func call() throws -> ProgrammeCall {
        try LingyanJSON.decode(ProgrammeCall.self, from: self.body.utf8)
    }
}
