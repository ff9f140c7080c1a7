import Foundation
import GRDB
import Logging
import ServiceLifecycle
import Shared

/// Follows another service's change feed with a durable cursor (DESIGN §6).
///
/// Each page of events is applied and the cursor advanced in **one** transaction of the consumer's own database,
/// so every event takes effect exactly once across crashes and restarts. While the source is down the consumer
/// keeps retrying with backoff; it never gives up and never skips.
public final class ChangeFeedConsumer: Service, Sendable {
    /// Applies one event inside the consumer's transaction.
    public typealias Apply = @Sendable (Database, FeedInterface.FeedEvent) throws -> Void
    /// Applies one event with what `Prefetch` fetched for its page.
    public typealias ApplyFetched = @Sendable (Database, FeedInterface.FeedEvent, [String: any Sendable]) throws -> Void
    /// Fetches what a page's events need from elsewhere (the entities they name), before the transaction that
    /// applies them: the transaction cannot wait on another service.
    public typealias Prefetch = @Sendable (RPCClient, [FeedInterface.FeedEvent]) async throws -> [String: any Sendable]

    private let source: ServiceName
    private let socketPath: String
    private let database: any DatabaseWriter
    private let logger: Logger
    private let pageSize: Int
    private let prefetch: Prefetch?
    private let apply: ApplyFetched

    public convenience init(
        source: ServiceName,
        socketPath: String,
        database: any DatabaseWriter,
        logger: Logger,
        pageSize: Int = 500,
        apply: @escaping Apply
    ) {
        self.init(
            source: source, socketPath: socketPath, database: database, logger: logger, pageSize: pageSize,
            prefetch: nil) { db, event, _ in try apply(db, event) }
    }

    /// A consumer whose events need data from the source service: `prefetch` gets it for each page.
    public init(
        source: ServiceName,
        socketPath: String,
        database: any DatabaseWriter,
        logger: Logger,
        pageSize: Int = 500,
        prefetch: Prefetch?,
        apply: @escaping ApplyFetched
    ) {
        self.source = source
        self.socketPath = socketPath
        self.database = database
        self.logger = logger
        self.pageSize = pageSize
        self.prefetch = prefetch
        self.apply = apply
    }

    /// Adds the `feed_cursors` table to a store's migrations.
    public static func registerMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("feed-cursors-v1") { db in
            try db.create(table: "feed_cursors") { table in
                table.primaryKey("source", .text)
                table.column("position", .integer).notNull()
            }
        }
    }

    /// The stored cursor for a source: the `seq` of the last event applied.
    public static func cursor(_ db: Database, source: ServiceName) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT position FROM feed_cursors WHERE source = ?", arguments: [source.rawValue]) ?? 0
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var pause = Duration.milliseconds(100)
            while !Task.isCancelled {
                do {
                    let client = try await RPCClient.connect(socketPath: self.socketPath)
                    pause = .milliseconds(100)
                    do {
                        try await self.follow(client)
                    } catch {
                        await client.close()
                        throw error
                    }
                } catch is CancellationError {
                    return
                } catch {
                    self.logger.info(
                        "feed source unreachable, retrying",
                        metadata: ["source": "\(self.source.rawValue)", "error": "\(error)"])
                    try? await Task.sleep(for: pause)
                    pause = min(pause * 2, .seconds(5))
                }
            }
        }
    }

    private func follow(_ client: RPCClient) async throws {
        while !Task.isCancelled {
            // Read each time: the store may move its cursor (an index rebuild sets it back to the start).
            let cursor = try await self.database.read { [source] db in try Self.cursor(db, source: source) }
            let page = try await client.call(
                FeedInterface.Wait.self,
                .init(after: cursor, timeoutMilliseconds: 5_000, limit: self.pageSize),
                timeout: .seconds(20))
            guard !page.events.isEmpty else { continue }
            let fetched = try await self.prefetch?(client, page.events) ?? [:]
            try await self.database.write { [source, apply] db in
                // The cursor may have moved meanwhile (a rebuild, a restart racing this one); never apply twice.
                guard try Self.cursor(db, source: source) == cursor else { return }
                for event in page.events { try apply(db, event, fetched) }
                try db.execute(
                    sql: "INSERT INTO feed_cursors (source, position) VALUES (?, ?) "
                        + "ON CONFLICT(source) DO UPDATE SET position = excluded.position",
                    arguments: [source.rawValue, page.next])
            }
        }
    }
}
