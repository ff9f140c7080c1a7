import Foundation
import ServiceKit
import Shared

/// `calls.list`, `calls.get`, `calls.upsert`.
struct CatalogueHandlers: Sendable {
    let store: RegistryStore
    let clock: LingyanClock

    func register(in router: inout RPCRouter) {
        router.registerBlocking(RegistryInterface.CallsList.self) { params, _ in
            let now = self.clock.now()
            let calls = try self.store.calls(year: params.year).map { self.stated($0, at: now) }
            return .init(calls: calls.filter { params.deadlineState == nil || $0.deadlineState == params.deadlineState })
        }
        router.registerBlocking(RegistryInterface.CallsGet.self) { params, _ in
            do {
                return self.stated(try self.store.call(id: params.id), at: self.clock.now())
            } catch let error as RegistryStoreError {
                throw error.wireError
            }
        }
        router.registerBlocking(RegistryInterface.CallsUpsert.self) { params, context in
            let problems = CatalogueRules.problems(in: params.call)
            guard problems.isEmpty else { throw RPCError.validationFailed(problems) }
            do {
                let revision = try self.store.upsert(
                    params.call, revision: params.revision, actor: context.actor, at: self.clock.now())
                context.logger.info("call updated", metadata: ["call": "\(params.call.id)", "revision": "\(revision)"])
                return .init(id: params.call.id, revision: revision)
            } catch let error as RegistryStoreError {
                throw error.wireError
            }
        }
    }

    private func stated(_ call: ProgrammeCall, at now: Date) -> ProgrammeCall {
        var call = call
        call.deadlineState = CatalogueRules.deadlineState(of: call, at: now)
        return call
    }
}
