import ServiceKit
import Shared

/// Builds the matching service: its store, its change feed and its methods. Shared by the executable and the tests.
func buildMatching(_ context: ServiceContext) async throws -> ServiceParts {
    let store = try MatchingStore(path: context.databasePath, clock: context.clock)
    var router = RPCRouter(service: .matching)
    router.registerFeed(store.feed, database: store.database)
    return ServiceParts(router: router, databasePath: context.databasePath, feed: store.feed)
}
