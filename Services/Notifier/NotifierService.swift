import ServiceKit
import Shared

/// Builds the notification service: its store, its change feed and its methods. Shared by the executable and the tests.
func buildNotifier(_ context: ServiceContext) async throws -> ServiceParts {
    let store = try NotifierStore(path: context.databasePath, clock: context.clock)
    var router = RPCRouter(service: .notification)
    router.registerFeed(store.feed, database: store.database)
    return ServiceParts(router: router, databasePath: context.databasePath, feed: store.feed)
}
