import GRDB
import ServiceKit

/// The audit database, `data/audit.sqlite`: the only code that opens it.
final class AuditStore: Sendable {
    let database: DatabasePool

    init(path: String) throws {
        self.database = try ServiceDatabase.open(path: path, migrator: Self.migrator)
    }

    /// Forward-only migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        ChangeFeedConsumer.registerMigration(in: &migrator)
        return migrator
    }
}
