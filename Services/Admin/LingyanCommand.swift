import ArgumentParser

/// `lingyan`: the admin CLI, a client of all four services.
@main
struct LingyanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lingyan",
        abstract: "Administer Lingyan: the partner search and docking services of Zhejiang's international S&T cooperation programme.",
        discussion: """
            Every command talks to the running services over their Unix sockets under LINGYAN_HOME (default ./var).
            Exit codes: 0 success, 64 usage error, 65 input rejected, 69 a service is down, 70 internal error.
            """,
        version: "0.1.0",
        subcommands: [
            StatusCommand.self, CallsCommand.self, OrgsCommand.self, FormsCommand.self, PartnersCommand.self, CheckCommand.self,
            IntroCommand.self,
            StatsCommand.self, MatchCommand.self, NotifyCommand.self, AuditCommand.self, CallCommand.self,
        ])
}
