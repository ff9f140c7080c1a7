import ArgumentParser
import ServiceKit

/// `lingyan-audit`: the tamper-evident record.
@main
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lingyan-audit",
        abstract: "Serve Lingyan's audit record: the hash chain, sealed archives and signed checkpoints.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await ServiceHost.run(.audit, options: self.options, build: buildAudit)
    }
}
