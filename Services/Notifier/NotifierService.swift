import Foundation
import GRDB
import ServiceKit
import ServiceLifecycle
import Shared

/// Builds the notification service: its store and change feed, the consumers of the registry and matching feeds
/// that fill the outbox, the dispatcher that delivers it, and its methods. Shared by the executable and the tests.
func buildNotifier(_ context: ServiceContext) async throws -> ServiceParts {
    let configuration = context.configuration
    let store = try NotifierStore(path: context.databasePath, clock: context.clock)
    var router = RPCRouter(service: .notification)
    router.registerFeed(store.feed, database: store.database)

    let letters: LetterTemplates
    do {
        letters = try LetterTemplates(directory: configuration.templatesDirectory)
    } catch let problem as LetterTemplates.Problem {
        throw StartupConfigurationError(problem.description)
    }
    NotifierHandlers(
        store: store, clock: context.clock, letters: letters, from: configuration.mailFrom, staff: configuration.staffAddresses
    ).register(in: &router)
    let preview = LetterPreview(
        templatesDirectory: configuration.templatesDirectory, registrySocket: configuration.socketPath(for: .registry),
        matchingSocket: configuration.socketPath(for: .matching), clock: context.clock)
    router.register(NotificationInterface.LettersPreview.self) { params, _ in try await preview.preview(params) }
    let triggers = Triggers(
        from: configuration.mailFrom, staff: configuration.staffAddresses, clock: context.clock, letters: letters,
        autoSend: configuration.matchAutoSend)
    let signal = store.queued
    // Every queued row wakes the dispatcher once the page's transaction commits.
    let wake: @Sendable (Database) -> Void = { db in db.afterNextTransaction { _ in signal.advance(to: signal.head + 1) } }
    let registry = ChangeFeedConsumer(
        source: .registry, socketPath: configuration.socketPath(for: .registry), database: store.database,
        logger: context.logger, prefetch: Triggers.prefetch
    ) { db, event, fetched in
        try triggers.applyRegistry(db, event, fetched)
        wake(db)
    }
    let matching = ChangeFeedConsumer(
        source: .matching, socketPath: configuration.socketPath(for: .matching), database: store.database,
        logger: context.logger,
        prefetch: { _, events in
            // Match events name registry entities: fetch them from the registry, not from matching.
            let client = try await RPCClient.connect(socketPath: configuration.socketPath(for: .registry))
            defer { Task { await client.close() } }
            return try await Triggers.prefetch(client, events)
        }
    ) { db, event, fetched in
        try triggers.applyMatching(db, event, fetched)
        wake(db)
    }
    let reminders = Reminders(
        store: store, registrySocket: configuration.socketPath(for: .registry), from: configuration.mailFrom,
        staff: configuration.staffAddresses, clock: context.clock, logger: context.logger, letters: letters)
    let dispatcher = Dispatcher(
        store: store, maildir: Maildir(path: configuration.maildirDirectory), sendmail: configuration.sendmailCommand,
        clock: context.clock, logger: context.logger,
        crashAfterDeliveries: CrashPoint(ProcessInfo.processInfo.environment["LINGYAN_FAULT_KILL_AFTER_DELIVERY"]))
    return ServiceParts(
        router: router, databasePath: context.databasePath, feed: store.feed, background: [registry, matching, reminders, dispatcher])
}
