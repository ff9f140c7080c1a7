import ServiceKit
import Shared

/// `orgs.get`, `orgs.list`, `contacts.get`.
struct OrganizationHandlers: Sendable {
    let store: RegistryStore

    func register(in router: inout RPCRouter) {
        router.registerBlocking(RegistryInterface.OrgsGet.self) { params, _ in
            guard let organization = try self.store.organization(id: params.id) else {
                throw RPCError.notFound("no organisation \(params.id)")
            }
            return organization
        }
        router.registerBlocking(RegistryInterface.OrgsList.self) { params, _ in
            let limit = params.limit ?? 100
            guard (1...500).contains(limit) else { throw RPCError.invalidParams("limit must be between 1 and 500") }
            let organizations = try self.store.organizations(limit: limit, after: params.after)
            return .init(organizations: organizations, next: organizations.count == limit ? organizations.last?.id : nil)
        }
        router.registerBlocking(RegistryInterface.ContactsGet.self) { params, context in
            guard var result = try self.store.contact(id: params.id) else {
                throw RPCError.notFound("no contact \(params.id)")
            }
            if context.role == .reader { result.contact = ContactMasking.masked(result.contact) }
            return result
        }
    }
}

/// How a reader sees a contact person: enough to recognise, not enough to reach.
enum ContactMasking {
    static func masked(_ contact: ContactPerson) -> ContactPerson {
        let parts = contact.email.split(separator: "@")
        return ContactPerson(
            name: contact.name.prefix(1) + String(repeating: "*", count: max(1, contact.name.count - 1)),
            position: contact.position,
            phone: String(contact.phone.prefix(3)) + String(repeating: "*", count: max(0, contact.phone.count - 7))
                + String(contact.phone.suffix(4)),
            email: parts.count == 2 ? String(contact.email.prefix(1)) + "***@" + parts[1] : "***")
    }
}
