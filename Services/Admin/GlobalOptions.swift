import ArgumentParser
import Foundation
import Shared

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The Lingyan home directory (default: $LINGYAN_HOME, else ./var).")
    var home: String?

    @Flag(name: .long, help: "Print JSON for scripts instead of a table for people.")
    var json = false

    @Option(name: .long, help: "The staff member to record as the operator of any change.")
    var `operator`: String?

    @Option(name: .long, help: "zh or en: the language of tables, reasons and hints (default: Chinese, unless the locale names another language).")
    var lang: Language?

    /// The language to show people: `--lang`, else the locale's.
    var language: Language { Language.resolve(self.lang) }

    /// The configuration the services use, so the CLI finds the same sockets.
    func configuration() throws -> LingyanConfiguration {
        do {
            return try LingyanConfiguration.load(homeOverride: self.home)
        } catch {
            throw CLIFailure.configuration("\(error)")
        }
    }

    var meta: RequestMeta? {
        self.operator.map { RequestMeta(operator: $0) }
    }
}

/// The language tables, reasons and hints are shown in.
enum Language: String, ExpressibleByArgument, CaseIterable, Sendable {
    case zh
    case en

    /// From `--lang`, else from the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): Chinese when it is Chinese or not set
    /// (`C`, `POSIX`), English for any other language.
    static func resolve(_ given: Language?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        if let given { return given }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let name = locale.lowercased()
        if name.isEmpty || name.hasPrefix("zh") || name == "c" || name.hasPrefix("c.") || name == "posix" { return .zh }
        return .en
    }

    /// The text in this language.
    func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

    func say(_ reason: MatchingInterface.Reason) -> String { self == .zh ? reason.zh : reason.en }
    func label(_ concept: MatchingInterface.ConceptRef) -> String { self == .zh ? concept.labelZh : concept.labelEn }

    /// Column headings in this language, from (Chinese, English) pairs.
    func headings(_ pairs: [(String, String)]) -> [String] { pairs.map { self.pick($0.0, $0.1) } }
}

/// Exit codes that scripts can trust (sysexits.h).
enum ExitStatus {
    /// EX_DATAERR: the service rejected the input.
    static let dataError = ExitCode(65)
    /// EX_UNAVAILABLE: a service is down or unreachable.
    static let unavailable = ExitCode(69)
    /// EX_SOFTWARE: something failed inside a service.
    static let software = ExitCode(70)
    /// EX_CONFIG: the configuration could not be read.
    static let configuration = ExitCode(78)
}

/// A failure the CLI explains in one line and turns into an exit code.
enum CLIFailure: Error, CustomStringConvertible {
    case configuration(String)

    var description: String {
        switch self {
        case .configuration(let message): return message
        }
    }
}

/// Prints to standard error.
func printError(_ message: String) {
    StandardStream.error("lingyan: \(message)\n")
}

/// Prints a JSON value (pretty, keys sorted) to standard output.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Runs a body with a client of one service; an unreachable service becomes exit 69 with a hint, an error answer
/// becomes a one-line message and the matching exit code.
func withService<T>(
    _ service: ServiceName,
    configuration: LingyanConfiguration,
    _ body: (RPCClient) async throws -> T
) async throws -> T {
    let client: RPCClient
    do {
        client = try await RPCClient.connect(socketPath: configuration.socketPath(for: service))
    } catch {
        printError("\(service.executableName) is not running under \(configuration.home) (\(error)). Start Lingyan with deploy/start or deploy/run.")
        throw ExitStatus.unavailable
    }
    defer { Task { await client.close() } }
    do {
        return try await body(client)
    } catch let error as RPCError {
        printError(describe(error))
        switch error.knownCode {
        case .validationFailed?, .invalidParams?, .conflict?, .notFound?: throw ExitStatus.dataError
        case .unavailable?, .overloaded?: throw ExitStatus.unavailable
        case .forbidden?: throw ExitCode(77)
        default: throw ExitStatus.software
        }
    } catch let error as RPCClientError {
        printError("\(error)")
        throw ExitStatus.unavailable
    }
}

/// One readable line (plus field lines) for an error answer.
func describe(_ error: RPCError) -> String {
    var text = "\(error.message) (\(error.code))"
    if let reason = error.data?["reason"]?.stringValue { text += ": \(reason)" }
    if case .array(let fields)? = error.data?["fields"] {
        for field in fields {
            let path = field["path"]?.stringValue ?? "?"
            let message = field["message"]?.stringValue ?? ""
            text += "\n  \(path): \(message)"
        }
    }
    return text
}
