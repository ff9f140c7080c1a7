import Foundation
import ServiceKit
import Shared

/// `introductions.create/update/list` and `stats.summary`.
struct IntroductionHandlers: Sendable {
    let store: RegistryStore
    let clock: LingyanClock

    func register(in router: inout RPCRouter) {
        router.registerBlocking(RegistryInterface.IntroductionsCreate.self) { params, context in
            let note = try Self.note(params.note)
            return try Self.translating {
                try self.store.createIntroduction(
                    formId: params.formId, partnerId: params.partnerId, note: note, actor: context.actor, at: self.clock.now())
            }
        }
        router.registerBlocking(RegistryInterface.IntroductionsUpdate.self) { params, context in
            let note = try Self.note(params.note)
            return try Self.translating {
                try self.store.advanceIntroduction(
                    id: params.id, revision: params.revision, to: params.status, note: note, actor: context.actor, at: self.clock.now())
            }
        }
        router.registerBlocking(RegistryInterface.IntroductionsList.self) { params, _ in
            .init(introductions: try self.store.introductions(formId: params.formId, partnerId: params.partnerId, status: params.status))
        }
        router.registerBlocking(RegistryInterface.StatsSummary.self) { _, _ in
            let counts = try self.store.counts()
            let now = self.clock.now()
            var calls: [String: Int] = [:]
            for call in try self.store.calls(year: nil) {
                calls[CatalogueRules.deadlineState(of: call, at: now).rawValue, default: 0] += 1
            }
            return .init(
                formsByStatus: counts.formsByStatus, formsByCountry: counts.formsByCountry, formsByArea: counts.formsByArea,
                callsByDeadlineState: calls, partnersByCountry: counts.partnersByCountry,
                introductionsByStatus: counts.introductionsByStatus)
        }
    }

    private static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RegistryStoreError {
            throw error.wireError
        }
    }

    private static func note(_ text: String?) throws -> String? {
        guard let text else { return nil }
        switch TextRules.clean(text, maximumCharacters: 2_000, multiline: true) {
        case .success(let clean): return clean.isEmpty ? nil : clean
        case .failure(let problem): throw RPCError.validationFailed([problem.fieldProblem(path: "note")])
        }
    }
}
