import Foundation
import ServiceKit
import ServiceLifecycle
import Shared
import TaxonomyKit

/// Builds the matching service: its store and change feed, the indexer following the registry's feed, and its
/// methods. Shared by the executable and the tests.
func buildMatching(_ context: ServiceContext) async throws -> ServiceParts {
    let store = try MatchingStore(path: context.databasePath, clock: context.clock)
    let taxonomy = Taxonomy.shipped
    let registrySocket = context.configuration.socketPath(for: .registry)
    var router = RPCRouter(service: .matching)
    router.registerFeed(store.feed, database: store.database)
    MatchingHandlers(
        store: store, taxonomy: taxonomy, registry: RegistryLink(socketPath: registrySocket), clock: context.clock
    ).register(in: &router)

    let indexer = Indexer(
        taxonomy: taxonomy, feed: store.feed, clock: context.clock,
        alertThreshold: context.configuration.matchAlertThreshold)
    let consumer = ChangeFeedConsumer(
        source: .registry, socketPath: registrySocket, database: store.database, logger: context.logger,
        prefetch: Indexer.prefetch, apply: indexer.apply)
    return ServiceParts(router: router, databasePath: context.databasePath, feed: store.feed, background: [consumer])
}
