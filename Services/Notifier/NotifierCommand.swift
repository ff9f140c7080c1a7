import ArgumentParser
import ServiceKit

/// `lingyan-notification`.
@main
struct NotifierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lingyan-notification",
        abstract: "Serve Lingyan's notifications: the outbox, deliveries and deadline reminders.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await ServiceHost.run(.notification, options: self.options, build: buildNotifier)
    }
}
