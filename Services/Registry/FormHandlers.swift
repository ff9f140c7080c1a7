import Foundation
import ServiceKit
import Shared

/// `forms.submit`, `forms.get`, `forms.list`.
struct FormHandlers: Sendable {
    let store: RegistryStore
    let clock: LingyanClock

    func register(in router: inout RPCRouter) {
        router.registerBlocking(RegistryInterface.FormsSubmit.self) { params, context in
            let form = try FormValidator.validate(params.form).get()
            let result = try self.store.submit(form, actor: context.actor, at: self.clock.now())
            context.logger.info("form submitted", metadata: ["form": "\(result.id)", "organization": "\(result.organizationId)"])
            return result
        }
        router.registerBlocking(RegistryInterface.FormsGet.self) { params, context in
            guard let form = try self.store.form(id: params.id) else {
                throw RPCError.notFound("no form \(params.id); `lingyan forms list` shows the forms")
            }
            return context.role == .reader ? Self.masked(form) : form
        }
        router.registerBlocking(RegistryInterface.FormsList.self) { params, context in
            let limit = params.limit ?? 50
            guard (1...500).contains(limit) else { throw RPCError.invalidParams("limit must be between 1 and 500") }
            var country: String? = nil
            if let requested = params.country {
                guard let code = CountryCodes.code(for: requested) else {
                    throw RPCError.invalidParams("country \(requested) is not an ISO 3166-1 alpha-2 code or a known name")
                }
                country = code
            }
            let forms = try self.store.forms(status: params.status, country: country, limit: limit, after: params.after)
            return .init(
                forms: context.role == .reader ? forms.map(Self.masked) : forms,
                next: forms.count == limit ? forms.last?.id : nil)
        }
    }

    /// A reader's view: the contact person's name, phone and e-mail masked.
    static func masked(_ form: StoredForm) -> StoredForm {
        var form = form
        let contact = form.form.contact
        form.form.contact = ContactPerson(
            name: contact.name.prefix(1) + String(repeating: "*", count: max(1, contact.name.count - 1)),
            position: contact.position,
            phone: String(contact.phone.prefix(3)) + String(repeating: "*", count: max(0, contact.phone.count - 7)) + String(contact.phone.suffix(4)),
            email: contact.email.split(separator: "@").count == 2
                ? String(contact.email.prefix(1)) + "***@" + contact.email.split(separator: "@")[1] : "***")
        return form
    }
}
