import Foundation
import ServiceKit
import Shared

/// `partners.import`, `partners.upsert`, `partners.update`, `partners.withdraw`, `partners.get`, `partners.list`.
struct PartnerHandlers: Sendable {
    let store: RegistryStore
    let clock: LingyanClock

    func register(in router: inout RPCRouter) {
        router.registerBlocking(RegistryInterface.PartnersImport.self) { params, context in
            let reading = try PartnerImporter.read(params)
            guard params.dryRun != true else {
                return .init(accepted: reading.good.count, created: 0, updated: 0, rejected: reading.bad, columns: reading.columns)
            }
            let counts = try self.store.importPartners(reading.good.map(\.profile), actor: context.actor, at: self.clock.now())
            context.logger.info(
                "partner profiles imported",
                metadata: ["accepted": "\(reading.good.count)", "created": "\(counts.created)", "updated": "\(counts.updated)", "rejected": "\(reading.bad.count)"])
            return .init(
                accepted: reading.good.count, created: counts.created, updated: counts.updated, rejected: reading.bad, columns: reading.columns)
        }
        router.registerBlocking(RegistryInterface.PartnersUpsert.self) { params, context in
            let profile = try Self.checked(params.profile)
            return try Self.translated { try self.store.upsertPartner(profile, actor: context.actor, at: self.clock.now()) }
        }
        router.registerBlocking(RegistryInterface.PartnersUpdate.self) { params, context in
            let profile = try Self.checked(params.profile)
            return try Self.translated {
                try self.store.updatePartner(id: params.id, revision: params.revision, profile, actor: context.actor, at: self.clock.now())
            }
        }
        router.registerBlocking(RegistryInterface.PartnersWithdraw.self) { params, context in
            let reason: String
            switch TextRules.clean(params.reason, maximumCharacters: 1_000, multiline: true) {
            case .success(let clean) where !clean.isEmpty: reason = clean
            case .success:
                throw RPCError.validationFailed([FieldProblem(
                    path: "reason", code: "required", messageZh: "请说明撤下该档案的原因", messageEn: "say why the profile is withdrawn")])
            case .failure(let problem): throw RPCError.validationFailed([problem.fieldProblem(path: "reason")])
            }
            return try Self.translated { try self.store.withdrawPartner(id: params.id, reason: reason, actor: context.actor, at: self.clock.now()) }
        }
        router.registerBlocking(RegistryInterface.PartnersGet.self) { params, context in
            guard let partner = try self.store.partner(id: params.id) else {
                throw RegistryStoreError.partnerNotFound(id: params.id).wireError
            }
            return context.role == .reader ? Self.masked(partner) : partner
        }
        router.registerBlocking(RegistryInterface.PartnersList.self) { params, context in
            let limit = params.limit ?? 100
            guard (1...1000).contains(limit) else { throw RPCError.invalidParams("limit must be between 1 and 1000") }
            var country: String? = nil
            if let requested = params.country {
                guard let code = CountryCodes.code(for: requested) else {
                    throw RPCError.invalidParams("country \(requested) is not an ISO 3166-1 alpha-2 code or a known name")
                }
                country = code
            }
            var expiringBy: String? = nil
            if let given = params.expiringBy {
                guard let day = PartnerProfileRules.day(given), day == given else {
                    throw RPCError.validationFailed([FieldProblem(
                        path: "expiringBy", code: "invalid_date", messageZh: "日期须写作 YYYY-MM-DD", messageEn: "expiringBy must be a date written YYYY-MM-DD")])
                }
                expiringBy = day
            }
            let partners = try self.store.partners(
                country: country, source: params.source, status: params.status, expiringBy: expiringBy, limit: limit, after: params.after)
            return .init(
                partners: context.role == .reader ? partners.map(Self.masked) : partners,
                next: partners.count == limit ? partners.last?.id : nil)
        }
    }

    /// A profile as staff send it, checked as an import line is; problems under `profile.`.
    private static func checked(_ profile: PartnerProfile) throws -> PartnerProfile {
        switch PartnerProfileRules.validate(PartnerProfileRules.Raw(profile)) {
        case .success(let clean): return clean
        case .failure(let problems):
            throw RPCError.validationFailed(problems.fields.map { problem in
                var problem = problem
                problem.path = "profile." + problem.path
                return problem
            })
        }
    }

    private static func translated<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RegistryStoreError {
            throw error.wireError
        }
    }

    /// A reader's view: the contact person and website hidden, the organisation still recognisable.
    static func masked(_ partner: StoredPartner) -> StoredPartner {
        var partner = partner
        if let contact = partner.profile.contact {
            partner.profile.contact = PartnerContact(
                name: contact.name.map(ContactMasking.name), position: contact.position,
                email: contact.email.map(ContactMasking.email), phone: contact.phone.map(ContactMasking.phone))
        }
        if partner.profile.website != nil { partner.profile.website = "***" }
        return partner
    }
}
