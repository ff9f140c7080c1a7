import ServiceKit
import Shared

/// Builds the audit service: its store, its signing key and its methods. Shared by the executable and the tests.
func buildAudit(_ context: ServiceContext) async throws -> ServiceParts {
    _ = try AuditSigningKey.loadOrCreate(
        keyDirectory: context.configuration.auditKeyDirectory,
        archiveDirectory: context.configuration.auditArchiveDirectory,
        logger: context.logger)
    _ = try AuditStore(path: context.databasePath)
    let router = RPCRouter(service: .audit)
    return ServiceParts(router: router, databasePath: context.databasePath, feed: nil)
}
