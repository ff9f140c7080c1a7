import AuditKit
import Foundation
import ServiceKit
import ServiceLifecycle
import Shared

/// Builds the audit service: its store, its signing key, the feed consumers that turn every other service's
/// events into lines, the seal and checkpoint schedule, and its methods. Shared by the executable and the tests.
func buildAudit(_ context: ServiceContext) async throws -> ServiceParts {
    let configuration = context.configuration
    let key = try AuditSigningKey.loadOrCreate(
        keyDirectory: configuration.auditKeyDirectory, archiveDirectory: configuration.auditArchiveDirectory,
        logger: context.logger)
    let store = try AuditStore(path: context.databasePath)
    let sealer = AuditSealer(
        store: store, directory: ArchiveDirectory(path: configuration.auditArchiveDirectory), key: key,
        clock: context.clock, logger: context.logger, gzipLevel: configuration.auditGzipLevel,
        archiveLines: configuration.auditSealLines)
    try sealer.recover()

    var router = RPCRouter(service: .audit)
    AuditHandlers(sealer: sealer).register(in: &router)

    let clock = context.clock
    var background: [any Service] = [ServiceName.registry, .matching, .notification].map { source in
        ChangeFeedConsumer(
            source: source, socketPath: configuration.socketPath(for: source), database: store.database,
            logger: context.logger
        ) { db, event in
            try AuditStore.append(db, source: source, event: event, recordedAt: Timestamp.string(from: clock.now()))
        }
    }
    background.append(AuditSchedule(
        sealer: sealer, clock: context.clock, logger: context.logger, sealLines: configuration.auditSealLines,
        sealAge: .seconds(configuration.auditSealAgeSeconds), checkpointEvery: .seconds(configuration.auditCheckpointSeconds)))
    return ServiceParts(router: router, databasePath: context.databasePath, feed: nil, background: background)
}
