import Foundation
import ServiceKit
import Shared

/// `forms.submit`, `forms.get`, `forms.list`.
struct FormHandlers: Sendable {
    let store: RegistryStore
    let clock: LingyanClock

    func register(in router: inout RPCRouter) {
        router.register(RegistryInterface.FormsSubmit.self) { params, context in
            let form = try FormValidator.validate(params.form).get()
            let result = try await self.store.submit(form, actor: context.actor, at: self.clock.now())
            context.logger.info("form submitted", metadata: ["form": "\(result.id)", "organization": "\(result.organizationId)"])
            return result
        }
        router.register(RegistryInterface.FormsImport.self) { params, context in
            let (good, bad) = try FormImporter.read(params)
            guard params.dryRun != true else { return .init(accepted: good.count, ids: [], rejected: bad) }
            // In file order, each as `forms.submit` stores it: a line the store refuses is reported, not fatal.
            var ids: [String] = []
            var rejected = bad
            for line in good {
                do {
                    ids.append(try await self.store.submit(line.form, actor: context.actor, at: self.clock.now()).id)
                } catch let error as RegistryStoreError {
                    let wire = error.wireError
                    rejected.append(.init(line: line.number, fields: [FieldProblem(
                        path: "line", code: "refused", messageZh: wire.message, messageEn: wire.message)]))
                }
            }
            context.logger.info("forms imported", metadata: ["submitted": "\(ids.count)", "rejected": "\(rejected.count)"])
            return .init(accepted: ids.count, ids: ids, rejected: rejected.sorted { $0.line < $1.line })
        }
        router.registerBlocking(RegistryInterface.FormsGet.self) { params, context in
            guard let form = try self.store.form(id: params.id) else {
                throw RegistryStoreError.formNotFound(id: params.id).wireError
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

    /// The state changes: update, review, close, renew.
    func registerChanges(in router: inout RPCRouter) {
        router.register(RegistryInterface.FormsUpdate.self) { params, context in
            let form = try FormValidator.validate(params.form).get()
            let change = RegistryStore.FormChange(
                action: "update", allowed: [.submitted, .returned], target: .submitted, event: "form.updated", form: form)
            return try await self.apply(change, to: params.id, revision: params.revision, context: context)
        }
        router.register(RegistryInterface.FormsReview.self) { params, context in
            let change: RegistryStore.FormChange
            switch params.decision {
            case .publish:
                change = .init(action: "review", allowed: [.submitted], target: .published, event: "form.published")
            case .return:
                let reason = try Self.reason(params.reason, required: true)
                change = .init(
                    action: "review", allowed: [.submitted], target: .returned, event: "form.returned",
                    data: ["reason": .string(reason ?? "")])
            }
            return try await self.apply(change, to: params.id, revision: params.revision, context: context)
        }
        router.register(RegistryInterface.FormsClose.self) { params, context in
            let reason = try Self.reason(params.reason, required: false)
            let change = RegistryStore.FormChange(
                action: "close", allowed: [.submitted, .returned, .published], target: .closed, event: "form.closed",
                data: reason.map { ["reason": .string($0)] } ?? [:])
            return try await self.apply(change, to: params.id, revision: params.revision, context: context)
        }
        router.register(RegistryInterface.FormsRenew.self) { params, context in
            try await self.apply(
                .renewal(today: self.clock.now()), to: params.id, revision: params.revision, context: context)
        }
    }

    private func apply(
        _ change: RegistryStore.FormChange, to id: String, revision: Int, context: RPCCallContext
    ) async throws -> RegistryInterface.FormState {
        do {
            let state = try await self.store.change(formID: id, revision: revision, change, actor: context.actor, at: self.clock.now())
            context.logger.info("form \(change.event)", metadata: ["form": "\(id)", "revision": "\(state.revision)"])
            return state
        } catch let error as RegistryStoreError {
            throw error.wireError
        }
    }

    /// A reviewer's reason, cleaned; required when returning a form, so the enterprise knows what to fix.
    private static func reason(_ text: String?, required: Bool) throws -> String? {
        let path = "reason"
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            if required {
                throw RPCError.validationFailed([FieldProblem(
                    path: path, code: "required", messageZh: "退回表单时须说明原因，企业将据此修改",
                    messageEn: "a returned form needs a reason: the enterprise will see it and revise the form")])
            }
            return nil
        }
        switch TextRules.clean(text, maximumCharacters: 2_000, multiline: true) {
        case .success(let clean): return clean
        case .failure(let problem): throw RPCError.validationFailed([problem.fieldProblem(path: path)])
        }
    }

    /// A reader's view: the contact person's name, phone and e-mail masked.
    static func masked(_ form: StoredForm) -> StoredForm {
        var form = form
        form.form.contact = ContactMasking.masked(form.form.contact)
        return form
    }
}
