import Foundation
import Logging
import Shared

/// Writes one JSON object per log record to standard error: `{"at", "level", "service", "message", …metadata}`.
///
/// One line per record keeps the log greppable and machine-readable; the deploy scripts send standard error to
/// `logs/<service>.log`. Personal contact values are never logged by Lingyan code, so none reach this file.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let service: String

    public init(service: String, level: Logger.Level) {
        self.service = service
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var record: [String: JSONValue] = [
            "at": .string(Timestamp.string(from: Date())),
            "level": .string(event.level.rawValue),
            "service": .string(self.service),
            "message": .string(event.message.description),
        ]
        for (key, value) in self.metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
            record[key] = .string(value.description)
        }
        var line = JSONWriter.bytes(.object(record))
        line.append(UInt8(ascii: "\n"))
        StandardStream.error(line)
    }
}
