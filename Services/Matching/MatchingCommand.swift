import ArgumentParser
import ServiceKit

/// `lingyan-matching`.
@main
struct MatchingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lingyan-matching",
        abstract: "Serve Lingyan's matching: the match index and ranked matches with reasons.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await ServiceHost.run(.matching, options: self.options, build: buildMatching)
    }
}
