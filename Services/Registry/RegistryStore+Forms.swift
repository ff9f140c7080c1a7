import Foundation
import GRDB
import ServiceKit
import Shared

extension RegistryStore {
    /// Tables for organisations, contacts and forms.
    static func registerFormMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("forms-v1") { db in
            try db.create(table: "id_counters") { table in
                table.primaryKey("name", .text)
                table.column("value", .integer).notNull()
            }
            try db.create(table: "organizations") { table in
                table.primaryKey("id", .text)
                table.column("uscc", .text).unique()
                table.column("kind", .text).notNull()
                table.column("body", .text).notNull()
                table.column("createdAt", .text).notNull()
                table.column("updatedAt", .text).notNull()
            }
            try db.create(table: "contacts") { table in
                table.primaryKey("id", .text)
                table.column("organizationId", .text).notNull().references("organizations")
                table.column("name", .text).notNull()
                table.column("position", .text)
                table.column("phone", .text).notNull()
                table.column("email", .text).notNull()
                table.uniqueKey(["organizationId", "email"])
            }
            try db.create(table: "forms") { table in
                table.primaryKey("id", .text)
                table.column("status", .text).notNull().indexed()
                table.column("revision", .integer).notNull()
                table.column("organizationId", .text).notNull().references("organizations")
                table.column("contactId", .text).notNull().references("contacts")
                // Wanted countries as ",FI,IL," so one LIKE finds a country.
                table.column("countries", .text).notNull()
                table.column("body", .text).notNull()
                table.column("submittedAt", .text).notNull()
                table.column("updatedAt", .text).notNull()
                table.column("expiresOn", .text).notNull()
            }
        }
    }

    /// Files a validated form: the organisation by credit code (reused when known), the contact by e-mail within
    /// the organisation, then the form; all in one transaction, with events that carry no contact values. Returns
    /// once the form is durable; submissions arriving together share the commit, so everything that does not need
    /// the database is prepared before joining it.
    func submit(_ form: PartnerSearchForm, actor: CommonInterface.Actor, at now: Date) async throws
        -> RegistryInterface.FormsSubmit.Result
    {
        let stamp = Timestamp.string(from: now)
        let year = CatalogueRules.localDate(now).prefix(4)
        var stored = form
        stored.contact = ContactPerson(name: "", position: nil, phone: "", email: "")
        let body = try LingyanJSON.string(stored)
        let organizationBody = try LingyanJSON.string(form.organization)
        let countries = "," + form.partner.countries.joined(separator: ",") + ","
        let expiresOn = Self.expiryDay(from: now)
        let eventData: [String: JSONValue] = [
            "revision": 1, "status": "submitted",
            "countries": .array(form.partner.countries.map { .string($0) }),
            "technicalArea": .string(form.project.technicalArea),
        ]
        return try await self.groupCommit.write { db in
            let organizationId = try self.fileOrganization(
                form.organization, body: organizationBody, db: db, actor: actor, stamp: stamp)
            let contactId = try self.fileContact(form.contact, organizationId: organizationId, db: db, actor: actor)
            let id = Self.identifier("F-\(year)-", try Self.nextValue("form", db: db))
            try db.cachedStatement(
                sql: """
                    INSERT INTO forms (id, status, revision, organizationId, contactId, countries, body, submittedAt, updatedAt, expiresOn)
                    VALUES (?, 'submitted', 1, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [id, organizationId, contactId, countries, body, stamp, stamp, expiresOn])
            var data = eventData
            data["organizationId"] = .string(organizationId)
            try self.feed.append(db, type: "form.submitted", entity: "form:\(id)", actor: actor, data: .object(data))
            return .init(id: id, status: .submitted, revision: 1, organizationId: organizationId, expiresOn: expiresOn)
        }
    }

    /// One form with its contact.
    func form(id: String) throws -> StoredForm? {
        try self.database.read { db in
            guard let row = try Row.fetchOne(db, sql: Self.formQuery + " WHERE f.id = ?", arguments: [id]) else { return nil }
            return try Self.storedForm(row)
        }
    }

    /// Forms, newest first.
    func forms(status: FormStatus?, country: String?, limit: Int, after: String?) throws -> [StoredForm] {
        try self.database.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let status {
                conditions.append("f.status = ?")
                arguments.append(status.rawValue)
            }
            if let country {
                conditions.append("f.countries LIKE ?")
                arguments.append("%,\(country),%")
            }
            if let after {
                conditions.append("f.id < ?")
                arguments.append(after)
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(
                db, sql: Self.formQuery + filter + " ORDER BY f.id DESC LIMIT ?",
                arguments: StatementArguments(arguments + [limit]))
            return try rows.map(Self.storedForm)
        }
    }

    private static let formQuery = """
        SELECT f.id, f.status, f.revision, f.organizationId, f.body, f.submittedAt, f.updatedAt, f.expiresOn,
               c.name, c.position, c.phone, c.email
        FROM forms f JOIN contacts c ON c.id = f.contactId
        """

    private static func storedForm(_ row: Row) throws -> StoredForm {
        let body: String = row["body"]
        var form = try LingyanJSON.decode(PartnerSearchForm.self, from: body.utf8)
        form.contact = ContactPerson(name: row["name"], position: row["position"], phone: row["phone"], email: row["email"])
        let status: String = row["status"]
        return StoredForm(
            id: row["id"], status: FormStatus(rawValue: status) ?? .submitted, revision: row["revision"],
            organizationId: row["organizationId"], form: form, submittedAt: row["submittedAt"],
            updatedAt: row["updatedAt"], expiresOn: row["expiresOn"])
    }

    func fileOrganization(
        _ organization: OrganizationDetails, body: String? = nil, db: Database, actor: CommonInterface.Actor, stamp: String
    ) throws -> String {
        let body = try body ?? LingyanJSON.string(organization)
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, body FROM organizations WHERE uscc = ?"), arguments: [organization.uscc])
        if let existing {
            let id: String = existing["id"]
            let previous: String = existing["body"]
            if previous != body {
                let before = try LingyanJSON.decode(OrganizationDetails.self, from: previous.utf8)
                let changed = Self.changedFields(before, organization)
                try db.execute(sql: "UPDATE organizations SET body = ?, updatedAt = ? WHERE id = ?", arguments: [body, stamp, id])
                try self.feed.append(
                    db, type: "organization.updated", entity: "org:\(id)", actor: actor,
                    data: ["fields": .array(changed.map { .string($0) })])
            }
            return id
        }
        let id = Self.identifier("ORG-", try Self.nextValue("organization", db: db))
        try db.execute(
            sql: "INSERT INTO organizations (id, uscc, kind, body, createdAt, updatedAt) VALUES (?, ?, 'zj_enterprise', ?, ?, ?)",
            arguments: [id, organization.uscc, body, stamp, stamp])
        try self.feed.append(
            db, type: "organization.created", entity: "org:\(id)", actor: actor,
            data: ["kind": "zj_enterprise", "uscc": .string(organization.uscc), "nameZh": .string(organization.nameZh)])
        return id
    }

    func fileContact(
        _ contact: ContactPerson, organizationId: String, db: Database, actor: CommonInterface.Actor
    ) throws -> String {
        if let id = try String.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM contacts WHERE organizationId = ? AND email = ?"),
            arguments: [organizationId, contact.email])
        {
            try db.cachedStatement(sql: "UPDATE contacts SET name = ?, position = ?, phone = ? WHERE id = ?")
                .execute(arguments: [contact.name, contact.position, contact.phone, id])
            return id
        }
        let id = Self.identifier("CON-", try Self.nextValue("contact", db: db))
        try db.cachedStatement(
            sql: "INSERT INTO contacts (id, organizationId, name, position, phone, email) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [id, organizationId, contact.name, contact.position, contact.phone, contact.email])
        // Only that a contact exists and whom it belongs to: never its name, phone or e-mail.
        try self.feed.append(
            db, type: "contact.created", entity: "contact:\(id)", actor: actor,
            data: ["organizationId": .string(organizationId)])
        return id
    }

    static func nextValue(_ name: String, db: Database) throws -> Int {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO id_counters (name, value) VALUES (?, 1) "
                + "ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value")
        return try Int.fetchOne(statement, arguments: [name]) ?? 1
    }

    /// `prefix` and a number of at least six digits: `ORG-000042`.
    static func identifier(_ prefix: String, _ number: Int) -> String {
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    private static func changedFields(_ before: OrganizationDetails, _ after: OrganizationDetails) -> [String] {
        var fields: [String] = []
        if before.nameZh != after.nameZh { fields.append("nameZh") }
        if before.nameEn != after.nameEn { fields.append("nameEn") }
        if before.address != after.address { fields.append("address") }
        if before.website != after.website { fields.append("website") }
        if before.businessAndProducts != after.businessAndProducts { fields.append("businessAndProducts") }
        if before.comments != after.comments { fields.append("comments") }
        if before.city != after.city { fields.append("city") }
        return fields
    }
}

extension RegistryStore {
    /// A change of a form's status (and, for updates, its content), checked against its revision and status.
    struct FormChange: Sendable {
        /// What the change is called in errors: `review`, `update`, `close`.
        var action: String
        /// The statuses the form may be in.
        var allowed: [FormStatus]
        /// The status afterwards, given the status before.
        var target: @Sendable (FormStatus) -> FormStatus
        /// The event type.
        var event: String
        /// Event data beyond revision and status.
        var data: [String: JSONValue] = [:]
        /// New content, for updates.
        var form: PartnerSearchForm? = nil
        /// A new expiry day, for renewals.
        var expiresOn: String? = nil

        init(
            action: String, allowed: [FormStatus], target: FormStatus, event: String, data: [String: JSONValue] = [:],
            form: PartnerSearchForm? = nil
        ) {
            self.init(action: action, allowed: allowed, event: event, data: data, form: form) { _ in target }
        }

        init(
            action: String, allowed: [FormStatus], event: String, data: [String: JSONValue] = [:],
            form: PartnerSearchForm? = nil, expiresOn: String? = nil, target: @escaping @Sendable (FormStatus) -> FormStatus
        ) {
            self.action = action
            self.allowed = allowed
            self.target = target
            self.event = event
            self.data = data
            self.form = form
            self.expiresOn = expiresOn
        }

        /// Another 365 days from `today`; an expired form goes back to review.
        static func renewal(today: Date) -> FormChange {
            let expiresOn = RegistryStore.expiryDay(from: today)
            return FormChange(
                action: "renew", allowed: [.submitted, .returned, .published, .expired], event: "form.renewed",
                data: ["expiresOn": .string(expiresOn)], expiresOn: expiresOn
            ) { status in status == .expired ? .submitted : status }
        }
    }

    /// The day a form submitted or renewed on `day` expires: 365 days later, by the Hangzhou calendar.
    static func expiryDay(from day: Date) -> String {
        CatalogueRules.localDate(day.addingTimeInterval(365 * 86_400))
    }

    /// Applies a change in one transaction: revision check, status check, write, event.
    func change(formID: String, revision: Int, _ change: FormChange, actor: CommonInterface.Actor, at now: Date) async throws
        -> RegistryInterface.FormState
    {
        try await self.groupCommit.write { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT status, revision, organizationId, contactId, body FROM forms WHERE id = ?", arguments: [formID])
            else { throw RegistryStoreError.formNotFound(id: formID) }
            let current: Int = row["revision"]
            guard current == revision else {
                throw RegistryStoreError.staleRevision(id: formID, current: current, given: revision)
            }
            let statusText: String = row["status"]
            let status = FormStatus(rawValue: statusText) ?? .submitted
            guard change.allowed.contains(status) else {
                throw RegistryStoreError.formStatus(id: formID, status: status, allowed: change.allowed, action: change.action)
            }
            let stamp = Timestamp.string(from: now)
            var data = change.data
            if let form = change.form {
                let oldContactID: String = row["contactId"]
                let oldContact = try Row.fetchOne(
                    db, sql: "SELECT name, position, phone, email FROM contacts WHERE id = ?", arguments: [oldContactID])
                // The organisation's credit code identifies it; a different code is a different organisation.
                let organizationId = try self.fileOrganization(form.organization, db: db, actor: actor, stamp: stamp)
                let contactId = try self.fileContact(form.contact, organizationId: organizationId, db: db, actor: actor)
                var stored = form
                stored.contact = ContactPerson(name: "", position: nil, phone: "", email: "")
                let previous: String = row["body"]
                let before = try LingyanJSON.decode(PartnerSearchForm.self, from: previous.utf8)
                let contactChanged = contactId != oldContactID
                    || oldContact.map { ContactPerson(name: $0["name"], position: $0["position"], phone: $0["phone"], email: $0["email"]) } != form.contact
                // Only the section's name: the contact's values never go into an event.
                let sections = Self.changedSections(before, stored, contactChanged: contactChanged)
                data["sections"] = .array(sections.map { .string($0) })
                try db.execute(
                    sql: "UPDATE forms SET organizationId = ?, contactId = ?, countries = ?, body = ? WHERE id = ?",
                    arguments: [
                        organizationId, contactId, "," + form.partner.countries.joined(separator: ",") + ",",
                        try LingyanJSON.string(stored), formID,
                    ])
            }
            let target = change.target(status)
            let expiresOn: String = try change.expiresOn
                ?? String.fetchOne(db, sql: "SELECT expiresOn FROM forms WHERE id = ?", arguments: [formID]) ?? ""
            try db.execute(
                sql: "UPDATE forms SET status = ?, revision = ?, updatedAt = ?, expiresOn = ? WHERE id = ?",
                arguments: [target.rawValue, revision + 1, stamp, expiresOn, formID])
            data["revision"] = .integer(Int64(revision + 1))
            data["status"] = .string(target.rawValue)
            data["previousStatus"] = .string(status.rawValue)
            try self.feed.append(db, type: change.event, entity: "form:\(formID)", actor: actor, data: .object(data))
            return .init(id: formID, status: target, revision: revision + 1, expiresOn: expiresOn)
        }
    }

    /// The attachment's sections that differ, in the attachment's order.
    private static func changedSections(_ before: PartnerSearchForm, _ after: PartnerSearchForm, contactChanged: Bool) -> [String] {
        var sections: [String] = []
        if before.organization != after.organization { sections.append("organization") }
        if contactChanged { sections.append("contact") }
        if before.project != after.project { sections.append("project") }
        if before.partner != after.partner { sections.append("partner") }
        return sections
    }
}

extension RegistryStore {
    /// Moves every open form whose expiry day has come to `expired`, one event each; returns their ids.
    func expireForms(today now: Date) async throws -> [String] {
        let today = CatalogueRules.localDate(now)
        let actor = CommonInterface.Actor(
            uid: getuid(), user: SystemUsers.name(of: getuid()), pid: getpid(), operator: "form expiry")
        return try await self.groupCommit.write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, status, revision, expiresOn FROM forms
                    WHERE status IN ('submitted', 'returned', 'published') AND expiresOn <= ?
                    ORDER BY id
                    """,
                arguments: [today])
            let stamp = Timestamp.string(from: now)
            for row in rows {
                let id: String = row["id"]
                let status: String = row["status"]
                let revision: Int = row["revision"]
                let expiresOn: String = row["expiresOn"]
                try db.execute(
                    sql: "UPDATE forms SET status = 'expired', revision = ?, updatedAt = ? WHERE id = ?",
                    arguments: [revision + 1, stamp, id])
                try self.feed.append(
                    db, type: "form.expired", entity: "form:\(id)", actor: actor,
                    data: [
                        "revision": .integer(Int64(revision + 1)), "status": "expired",
                        "previousStatus": .string(status), "expiresOn": .string(expiresOn),
                    ])
            }
            return rows.map { $0["id"] }
        }
    }
}
