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

/// How a reader sees a contact person: enough to recognise, not enough to reach. Form contacts and partner
/// profiles' contacts are masked alike.
enum ContactMasking {
    static func masked(_ contact: ContactPerson) -> ContactPerson {
        ContactPerson(
            name: Self.name(contact.name), position: contact.position, phone: Self.phone(contact.phone),
            email: Self.email(contact.email))
    }

    static func name(_ name: String) -> String {
        name.prefix(1) + String(repeating: "*", count: max(1, name.count - 1))
    }

    static func phone(_ phone: String) -> String {
        String(phone.prefix(3)) + String(repeating: "*", count: max(0, phone.count - 7)) + String(phone.suffix(4))
    }

    static func email(_ email: String) -> String {
        let parts = email.split(separator: "@")
        return parts.count == 2 ? String(email.prefix(1)) + "***@" + parts[1] : "***"
    }
}
