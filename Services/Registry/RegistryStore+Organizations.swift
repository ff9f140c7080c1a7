import Foundation
import GRDB
import Shared

extension RegistryStore {
    /// One organisation.
    func organization(id: String) throws -> StoredOrganization? {
        try self.database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM organizations WHERE id = ?", arguments: [id]).map { try Self.organization($0, db: db) }
        }
    }

    /// Organisations in id order.
    func organizations(limit: Int, after: String?) throws -> [StoredOrganization] {
        try self.database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM organizations WHERE id > ? ORDER BY id LIMIT ?", arguments: [after ?? "", limit]
            ).map { try Self.organization($0, db: db) }
        }
    }

    /// One contact person with their organisation.
    func contact(id: String) throws -> RegistryInterface.ContactsGet.Result? {
        try self.database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM contacts WHERE id = ?", arguments: [id]).map { row in
                .init(
                    id: row["id"], organizationId: row["organizationId"],
                    contact: ContactPerson(name: row["name"], position: row["position"], phone: row["phone"], email: row["email"]))
            }
        }
    }

    /// Province codes of the Yangtze River Delta in GB/T 2260: Shanghai 31, Jiangsu 32, Zhejiang 33, Anhui 34.
    private static let yangtzeRiverDeltaProvinces: Set<String> = ["31", "32", "33", "34"]

    private static func organization(_ row: Row, db: Database) throws -> StoredOrganization {
        let body: String = row["body"]
        let uscc: String? = row["uscc"]
        let id: String = row["id"]
        let province = uscc.map { String(Array($0)[2..<4]) }
        return StoredOrganization(
            id: id, kind: row["kind"], uscc: uscc, details: try LingyanJSON.decode(OrganizationDetails.self, from: body.utf8),
            yangtzeRiverDelta: province.map { Self.yangtzeRiverDeltaProvinces.contains($0) } ?? false,
            contactIds: try String.fetchAll(db, sql: "SELECT id FROM contacts WHERE organizationId = ? ORDER BY id", arguments: [id]))
    }
}
