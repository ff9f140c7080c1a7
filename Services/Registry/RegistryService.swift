import ServiceKit
import Shared

/// Builds the registry: its store, its change feed and its methods. Shared by the executable and the tests.
func buildRegistry(_ context: ServiceContext) async throws -> ServiceParts {
    let store = try RegistryStore(path: context.databasePath, clock: context.clock)
    var router = RPCRouter(service: .registry)
    router.registerFeed(store.feed, database: store.database)
    return ServiceParts(router: router, databasePath: context.databasePath, feed: store.feed)
}
