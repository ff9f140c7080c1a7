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
    /// the organisation, then the form; all in one transaction, with events that carry no contact values.
    func submit(_ form: PartnerSearchForm, actor: CommonInterface.Actor, at now: Date) throws -> RegistryInterface.FormsSubmit.Result {
        try self.database.write { db in
            let stamp = Timestamp.string(from: now)
            let organizationId = try self.fileOrganization(form.organization, db: db, actor: actor, stamp: stamp)
            let contactId = try self.fileContact(form.contact, organizationId: organizationId, db: db, actor: actor)
            let year = Calendar(identifier: .gregorian).component(.year, from: now)
            let id = String(format: "F-%04d-%06d", year, try Self.nextValue("form", db: db))
            var stored = form
            stored.contact = ContactPerson(name: "", position: nil, phone: "", email: "")
            let expiresOn = CatalogueRules.localDate(now.addingTimeInterval(365 * 86_400))
            try db.execute(
                sql: """
                    INSERT INTO forms (id, status, revision, organizationId, contactId, countries, body, submittedAt, updatedAt, expiresOn)
                    VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, FormStatus.submitted.rawValue, organizationId, contactId,
                    "," + form.partner.countries.joined(separator: ",") + ",", try LingyanJSON.string(stored), stamp, stamp,
                    expiresOn,
                ])
            try self.feed.append(
                db, type: "form.submitted", entity: "form:\(id)", actor: actor,
                data: [
                    "revision": 1, "status": "submitted", "organizationId": .string(organizationId),
                    "countries": .array(form.partner.countries.map { .string($0) }),
                    "technicalArea": .string(form.project.technicalArea),
                ])
            return .init(id: id, status: .submitted, revision: 1, organizationId: organizationId)
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
        _ organization: OrganizationDetails, db: Database, actor: CommonInterface.Actor, stamp: String
    ) throws -> String {
        let body = try LingyanJSON.string(organization)
        if let existing = try Row.fetchOne(db, sql: "SELECT id, body FROM organizations WHERE uscc = ?", arguments: [organization.uscc]) {
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
        let id = String(format: "ORG-%06d", try Self.nextValue("organization", db: db))
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
            db, sql: "SELECT id FROM contacts WHERE organizationId = ? AND email = ?", arguments: [organizationId, contact.email])
        {
            try db.execute(
                sql: "UPDATE contacts SET name = ?, position = ?, phone = ? WHERE id = ?",
                arguments: [contact.name, contact.position, contact.phone, id])
            return id
        }
        let id = String(format: "CON-%06d", try Self.nextValue("contact", db: db))
        try db.execute(
            sql: "INSERT INTO contacts (id, organizationId, name, position, phone, email) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, organizationId, contact.name, contact.position, contact.phone, contact.email])
        // Only that a contact exists and whom it belongs to: never its name, phone or e-mail.
        try self.feed.append(
            db, type: "contact.created", entity: "contact:\(id)", actor: actor,
            data: ["organizationId": .string(organizationId)])
        return id
    }

    static func nextValue(_ name: String, db: Database) throws -> Int {
        try db.execute(
            sql: "INSERT INTO id_counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1",
            arguments: [name])
        return try Int.fetchOne(db, sql: "SELECT value FROM id_counters WHERE name = ?", arguments: [name]) ?? 1
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
    struct FormChange {
        /// What the change is called in errors: `review`, `update`, `close`.
        var action: String
        /// The statuses the form may be in.
        var allowed: [FormStatus]
        /// The status afterwards.
        var target: FormStatus
        /// The event type.
        var event: String
        /// Event data beyond revision and status.
        var data: [String: JSONValue] = [:]
        /// New content, for updates.
        var form: PartnerSearchForm? = nil
    }

    /// Applies a change in one transaction: revision check, status check, write, event.
    func change(formID: String, revision: Int, _ change: FormChange, actor: CommonInterface.Actor, at now: Date) throws
        -> RegistryInterface.FormState
    {
        try self.database.write { db in
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
                var sections = Self.changedSections(before, stored)
                let contactChanged = contactId != oldContactID
                    || oldContact.map { ContactPerson(name: $0["name"], position: $0["position"], phone: $0["phone"], email: $0["email"]) } != form.contact
                // Only the section's name: the contact's values never go into an event.
                if contactChanged { sections.insert("contact", at: 1) }
                data["sections"] = .array(sections.map { .string($0) })
                try db.execute(
                    sql: "UPDATE forms SET organizationId = ?, contactId = ?, countries = ?, body = ? WHERE id = ?",
                    arguments: [
                        organizationId, contactId, "," + form.partner.countries.joined(separator: ",") + ",",
                        try LingyanJSON.string(stored), formID,
                    ])
            }
            try db.execute(
                sql: "UPDATE forms SET status = ?, revision = ?, updatedAt = ? WHERE id = ?",
                arguments: [change.target.rawValue, revision + 1, stamp, formID])
            data["revision"] = .integer(Int64(revision + 1))
            data["status"] = .string(change.target.rawValue)
            data["previousStatus"] = .string(status.rawValue)
            try self.feed.append(db, type: change.event, entity: "form:\(formID)", actor: actor, data: .object(data))
            return .init(id: formID, status: change.target, revision: revision + 1)
        }
    }

    private static func changedSections(_ before: PartnerSearchForm, _ after: PartnerSearchForm) -> [String] {
        var sections: [String] = []
        if before.organization != after.organization { sections.append("organization") }
        if before.project != after.project { sections.append("project") }
        if before.partner != after.partner { sections.append("partner") }
        return sections
    }
}
