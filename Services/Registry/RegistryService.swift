import Foundation
import ServiceKit
import Shared

/// Builds the registry: its store, its change feed and its methods. Shared by the executable and the tests.
func buildRegistry(_ context: ServiceContext) async throws -> ServiceParts {
    let store = try RegistryStore(
        path: context.databasePath, clock: context.clock, groupCommitLimit: context.configuration.groupCommitLimit)
    let defaults = try DefaultCatalogue.calls()
    let loader = CommonInterface.Actor(
        uid: getuid(), user: SystemUsers.name(of: getuid()), pid: getpid(), operator: DefaultCatalogue.operatorName)
    let loaded = try store.loadCatalogueIfEmpty(defaults, actor: loader, at: context.clock.now())
    if loaded > 0 { context.logger.notice("loaded the default catalogue", metadata: ["calls": "\(loaded)"]) }

    var router = RPCRouter(service: .registry)
    router.registerFeed(store.feed, database: store.database)
    CatalogueHandlers(store: store, clock: context.clock).register(in: &router)
    let forms = FormHandlers(store: store, clock: context.clock)
    forms.register(in: &router)
    forms.registerChanges(in: &router)
    EligibilityHandlers(store: store, clock: context.clock).register(in: &router)
    PartnerHandlers(store: store, clock: context.clock).register(in: &router)
    IntroductionHandlers(store: store, clock: context.clock).register(in: &router)
    OrganizationHandlers(store: store).register(in: &router)
    let expiry = ExpirySweep(store: store, clock: context.clock, logger: context.logger)
    return ServiceParts(router: router, databasePath: context.databasePath, feed: store.feed, background: [expiry])
}
