import GRDB
import ServiceKit

/// The notification database, `data/notification.sqlite`: the only code that opens it.
final class NotifierStore: Sendable {
    let database: DatabasePool
    let feed: ChangeFeed

    init(path: String, clock: LingyanClock) throws {
        self.database = try ServiceDatabase.open(path: path, migrator: Self.migrator)
        self.feed = try ChangeFeed(database: self.database, clock: clock)
    }

    /// Forward-only migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        ChangeFeed.registerMigration(in: &migrator)
        ChangeFeedConsumer.registerMigration(in: &migrator)
        return migrator
    }
}
