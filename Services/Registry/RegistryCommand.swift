import ArgumentParser
import ServiceKit

/// `lingyan-registry`: the system of record.
@main
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lingyan-registry",
        abstract: "Serve Lingyan's registry: catalogue, organisations, forms, partner profiles, introductions.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await ServiceHost.run(.registry, options: self.options, build: buildRegistry)
    }
}
