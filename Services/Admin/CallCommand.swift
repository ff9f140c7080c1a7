import ArgumentParser
import Foundation
import Shared

/// `lingyan call SERVICE METHOD [PARAMS]`: any method by name, for operators and scripts.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Call any method of a service by name and print the JSON result.",
        discussion: "Example: lingyan call registry events.read '{\"after\": 0, \"limit\": 10}'")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The service: registry, matching, notification or audit.")
    var service: String

    @Argument(help: "The method name, for example system.health.")
    var method: String

    @Argument(help: "The params as a JSON object (default {}).")
    var params: String?

    func validate() throws {
        guard ServiceName(rawValue: self.service) != nil else {
            throw ValidationError("unknown service '\(self.service)': use registry, matching, notification or audit")
        }
    }

    func run() async throws {
        let configuration = try self.global.configuration()
        var params: JSONValue = [:]
        if let text = self.params {
            guard let parsed = try? JSONReader.read(Array(text.utf8)),
                case .object = parsed
            else { throw ValidationError("params must be a JSON object, for example '{\"after\": 0}'") }
            params = parsed
        }
        if let meta = self.global.meta, case .object(var members) = params {
            members["_meta"] = ["operator": .string(meta.operator ?? "")]
            params = .object(members)
        }
        let result = try await withService(ServiceName(rawValue: self.service)!, configuration: configuration) { client in
            try await client.call(method: self.method, params: params)
        }
        try printJSON(result)
    }
}
