import Shared

extension RegistryStoreError {
    /// The error as the caller should see it: what is wrong and what to do.
    var wireError: RPCError {
        switch self {
        case .callNotFound(let id):
            return .notFound("no call \(id); `lingyan calls list` shows the catalogue")
        case .callExists(let id, let revision):
            return .conflict("call \(id) exists at revision \(revision); send that revision to change it")
        case .staleRevision(let id, let current, let given):
            return .conflict("\(id) is at revision \(current), not \(given); reload it and apply your change again")
        case .formNotFound(let id):
            return .notFound("no form \(id); `lingyan forms list` shows the forms")
        case .formStatus(let id, let status, let allowed, let action):
            let allowedText = allowed.map(\.rawValue).joined(separator: " or ")
            return .conflict("form \(id) is \(status.rawValue); only a form that is \(allowedText) can take a \(action)")
        case .partnerNotFound(let id):
            return .notFound("no partner profile \(id); `lingyan partners list` shows them")
        case .partnerWithdrawn(let id, let at):
            return .conflict("partner profile \(id) was already withdrawn on \(at.prefix(10)); `lingyan partners show \(id)` says why")
        case .partnerIdentity(let id, let source, let externalId):
            return .validationFailed([FieldProblem(
                path: "profile.externalId", code: "identity_changed",
                messageZh: "档案 \(id) 的来源和外部编号为 \(source)/\(externalId)，更新时不能更改；如是另一机构，请新建档案",
                messageEn: "profile \(id) is \(source)/\(externalId); an update cannot change its source or external id (a different organisation is a new profile)")])
        case .introductionNotFound(let id):
            return .notFound("no introduction \(id); `lingyan intro list` shows them")
        case .introductionExists(let id):
            return .conflict("this form and partner already have introduction \(id); advance that one")
        case .introductionStep(let id, let from, let to):
            let allowed = from.next.map(\.rawValue).joined(separator: " or ")
            return .conflict("introduction \(id) is \(from.rawValue) and cannot become \(to.rawValue)" + (allowed.isEmpty ? "; it is final" : "; next can be \(allowed)"))
        }
    }
}
