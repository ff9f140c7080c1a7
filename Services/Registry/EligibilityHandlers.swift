import Foundation
import ServiceKit
import Shared

/// `applications.check`.
struct EligibilityHandlers: Sendable {
    let store: RegistryStore
    let clock: LingyanClock

    func register(in router: inout RPCRouter) {
        router.registerBlocking(RegistryInterface.ApplicationsCheck.self) { params, _ in
            let problems = PlanLimits.problems(params)
            guard problems.isEmpty else { throw RPCError.validationFailed(problems) }
            let call: ProgrammeCall
            do {
                call = try self.store.call(id: params.callId)
            } catch let error as RegistryStoreError {
                throw error.wireError
            }
            var area = params.technicalArea
            if let formId = params.formId {
                guard let form = try self.store.form(id: formId) else {
                    throw RegistryStoreError.formNotFound(id: formId).wireError
                }
                area = area ?? form.form.project.technicalArea
            }
            let state = CatalogueRules.deadlineState(of: call, at: self.clock.now())
            return EligibilityChecker.check(params, call: call, deadlineState: state, technicalArea: area)
        }
    }
}
