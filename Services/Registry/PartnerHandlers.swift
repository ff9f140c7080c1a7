import Foundation
import ServiceKit
import Shared

/// `partners.import`, `partners.get`, `partners.list`.
struct PartnerHandlers: Sendable {
    let store: RegistryStore
    let clock: LingyanClock

    func register(in router: inout RPCRouter) {
        router.registerBlocking(RegistryInterface.PartnersImport.self) { params, context in
            let (good, bad) = try PartnerImporter.read(params)
            guard params.dryRun != true else {
                return .init(accepted: good.count, created: 0, updated: 0, rejected: bad)
            }
            let counts = try self.store.importPartners(good.map(\.profile), actor: context.actor, at: self.clock.now())
            context.logger.info(
                "partner profiles imported",
                metadata: ["accepted": "\(good.count)", "created": "\(counts.created)", "updated": "\(counts.updated)", "rejected": "\(bad.count)"])
            return .init(accepted: good.count, created: counts.created, updated: counts.updated, rejected: bad)
        }
        router.registerBlocking(RegistryInterface.PartnersGet.self) { params, _ in
            guard let partner = try self.store.partner(id: params.id) else {
                throw RPCError.notFound("no partner profile \(params.id); `lingyan partners list` shows them")
            }
            return partner
        }
        router.registerBlocking(RegistryInterface.PartnersList.self) { params, _ in
            let limit = params.limit ?? 100
            guard (1...1000).contains(limit) else { throw RPCError.invalidParams("limit must be between 1 and 1000") }
            var country: String? = nil
            if let requested = params.country {
                guard let code = CountryCodes.code(for: requested) else {
                    throw RPCError.invalidParams("country \(requested) is not an ISO 3166-1 alpha-2 code or a known name")
                }
                country = code
            }
            let partners = try self.store.partners(country: country, source: params.source, limit: limit, after: params.after)
            return .init(partners: partners, next: partners.count == limit ? partners.last?.id : nil)
        }
    }
}
