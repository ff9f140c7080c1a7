import Foundation
import GRDB
import Shared
import Synchronization

/// Opens a service's SQLite database the way every Lingyan store wants it.
public enum ServiceDatabase {
    /// Opens (creating if needed) a WAL database with `synchronous=FULL`, so that an acknowledged write survives
    /// a power cut, and runs the store's forward-only migrations.
    public static func open(path: String, migrator: DatabaseMigrator) throws -> DatabasePool {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Reads through a memory map instead of a copy per page (the matching index reads many pages per query),
            // and a page cache that holds a working set of a few thousand pages per connection.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        return pool
    }

    /// The bytes the database occupies on disk: the main file plus its write-ahead log.
    public static func sizeBytes(path: String) -> Int64 {
        // stat(2) directly: FileManager's attribute dictionary costs fifteen times more, and health is hot.
        [path, path + "-wal"].reduce(0) { total, file in
            var status = stat()
            return total + (stat(file, &status) == 0 ? Int64(status.st_size) : 0)
        }
    }
}

/// The database size for `system.health`, read at most once a second: health is polled by supervisors and load
/// balancers far more often than the size can matter, and two `stat` calls per poll were a third of its cost.
final class DatabaseSizeGauge: Sendable {
    private let path: String
    private let reading = Mutex<(at: ContinuousClock.Instant, bytes: Int64)?>(nil)

    init(path: String) {
        self.path = path
    }

    func current() -> Int64 {
        let now = ContinuousClock.now
        if let cached = self.reading.withLock({ $0 }), now - cached.at < .seconds(1) { return cached.bytes }
        let bytes = ServiceDatabase.sizeBytes(path: self.path)
        self.reading.withLock { $0 = (now, bytes) }
        return bytes
    }
}
