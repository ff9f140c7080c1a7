import Foundation

/// The four Lingyan services: each owns one socket, one database and (except audit) one change feed.
public enum ServiceName: String, Codable, Sendable, CaseIterable {
    case registry
    case matching
    case notification
    case audit

    /// The executable that runs this service.
    public var executableName: String { "lingyan-\(self.rawValue)" }

    /// Whether this service keeps a change feed (`events.read` / `events.wait`).
    public var hasChangeFeed: Bool { self != .audit }
}

/// The one configuration every Lingyan process reads: the services to find their files and limits, the CLI and
/// the tests to find the sockets.
///
/// Sources, later ones winning: built-in defaults (which work on a laptop), the JSON file named by
/// `LINGYAN_CONFIG` or else `$LINGYAN_HOME/lingyan.json` when present, then `LINGYAN_*` environment variables.
public struct LingyanConfiguration: Codable, Sendable, Equatable {
    /// The directory that holds `run/`, `data/`, `audit/`, `mail/` and `logs/`.
    public var home: String
    /// The largest frame payload accepted, in bytes (at most 16 MiB).
    public var maximumFrameBytes: Int
    /// Connections one service accepts at once; one more is answered with -32006 and closed.
    public var maximumConnections: Int
    /// Requests one connection may have in flight at once; one more is answered with -32006.
    public var maximumRequestsInFlight: Int
    /// Connections the kernel queues for a service before it accepts them (`listen(2)`'s backlog, capped by
    /// `net.core.somaxconn`): a burst larger than this is refused with EAGAIN before the service sees it.
    public var listenBacklog: Int
    /// A connection with no request in flight and no traffic for this long is closed.
    public var idleTimeoutSeconds: Int
    /// How long a graceful stop waits for requests in flight before closing their connections.
    public var drainTimeoutSeconds: Int
    /// The log level: `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`.
    public var logLevel: String
    /// The most writes that share one transaction (group commit); 1 gives one transaction per write.
    public var groupCommitLimit: Int
    /// Audit: seal the live lines into an archive once there are this many.
    public var auditSealLines: Int
    /// Audit: seal the live lines once the oldest is this old.
    public var auditSealAgeSeconds: Int
    /// Audit: the gzip level of archives (1 fastest … 9 smallest).
    public var auditGzipLevel: Int
    /// Audit: sign a checkpoint this often when the log has grown.
    public var auditCheckpointSeconds: Int
    /// Matching: a new form–partner pair scoring at least this (0–1) emits `match.found`.
    public var matchAlertThreshold: Double
    /// Whether a match alert goes to the enterprise at once (`LINGYAN_MATCH_AUTO_SEND=1`) instead of waiting for
    /// a staff member's approval.
    public var matchAutoSend: Bool
    /// Notification: staff addresses that receive copies of what concerns staff.
    public var staffAddresses: [String]
    /// Notification: the `From` of every message.
    public var mailFrom: String
    /// Notification: a `sendmail -t -i` style command to deliver through instead of the Maildir.
    public var sendmailCommand: String?
    /// Who may do what (DESIGN §5); nil means root and the services' own user are admins and nobody else is known.
    public var roles: RoleMapConfiguration?

    public init(home: String) {
        self.home = home
        self.maximumFrameBytes = FrameLimits.defaultMaximumBytes
        self.maximumConnections = 256
        self.maximumRequestsInFlight = 64
        self.listenBacklog = 4_096
        self.idleTimeoutSeconds = 300
        self.drainTimeoutSeconds = 10
        self.logLevel = "info"
        self.groupCommitLimit = 1_000
        self.auditSealLines = 10_000
        self.auditSealAgeSeconds = 3_600
        self.auditGzipLevel = 6
        self.auditCheckpointSeconds = 300
        self.matchAlertThreshold = 0.5
        self.matchAutoSend = false
        self.staffAddresses = []
        self.mailFrom = "Lingyan 领雁 <lingyan@localhost>"
        self.roles = nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var configuration = LingyanConfiguration(home: "var")
        if let home = try container.decodeIfPresent(String.self, forKey: .home) { configuration.home = home }
        if let value = try container.decodeIfPresent(Int.self, forKey: .maximumFrameBytes) {
            configuration.maximumFrameBytes = value
        }
        if let value = try container.decodeIfPresent(Int.self, forKey: .maximumConnections) {
            configuration.maximumConnections = value
        }
        if let value = try container.decodeIfPresent(Int.self, forKey: .maximumRequestsInFlight) {
            configuration.maximumRequestsInFlight = value
        }
        if let value = try container.decodeIfPresent(Int.self, forKey: .listenBacklog) {
            configuration.listenBacklog = value
        }
        if let value = try container.decodeIfPresent(Int.self, forKey: .idleTimeoutSeconds) {
            configuration.idleTimeoutSeconds = value
        }
        if let value = try container.decodeIfPresent(Int.self, forKey: .drainTimeoutSeconds) {
            configuration.drainTimeoutSeconds = value
        }
        if let value = try container.decodeIfPresent(String.self, forKey: .logLevel) { configuration.logLevel = value }
        if let value = try container.decodeIfPresent(Int.self, forKey: .groupCommitLimit) {
            configuration.groupCommitLimit = value
        }
        if let value = try container.decodeIfPresent(Int.self, forKey: .auditSealLines) { configuration.auditSealLines = value }
        if let value = try container.decodeIfPresent(Int.self, forKey: .auditSealAgeSeconds) {
            configuration.auditSealAgeSeconds = value
        }
        if let value = try container.decodeIfPresent(Int.self, forKey: .auditGzipLevel) { configuration.auditGzipLevel = value }
        if let value = try container.decodeIfPresent(Int.self, forKey: .auditCheckpointSeconds) {
            configuration.auditCheckpointSeconds = value
        }
        if let value = try container.decodeIfPresent(Bool.self, forKey: .matchAutoSend) { configuration.matchAutoSend = value }
        if let value = try container.decodeIfPresent(Double.self, forKey: .matchAlertThreshold) {
            configuration.matchAlertThreshold = value
        }
        if let value = try container.decodeIfPresent([String].self, forKey: .staffAddresses) {
            configuration.staffAddresses = value
        }
        if let value = try container.decodeIfPresent(String.self, forKey: .mailFrom) { configuration.mailFrom = value }
        configuration.sendmailCommand = try container.decodeIfPresent(String.self, forKey: .sendmailCommand)
        configuration.roles = try container.decodeIfPresent(RoleMapConfiguration.self, forKey: .roles)
        self = configuration
    }

    // MARK: Files

    /// `run/<service>.sock`.
    public func socketPath(for service: ServiceName) -> String { "\(self.home)/run/\(service.rawValue).sock" }
    /// `run/<service>.pid`.
    public func pidPath(for service: ServiceName) -> String { "\(self.home)/run/\(service.rawValue).pid" }
    /// `run/<service>.requests`: the requests being served, read by the supervisor after a crash.
    public func requestLedgerPath(for service: ServiceName) -> String { "\(self.home)/run/\(service.rawValue).requests" }
    /// `data/<service>.sqlite`.
    public func databasePath(for service: ServiceName) -> String { "\(self.home)/data/\(service.rawValue).sqlite" }
    /// `run/`.
    public var runDirectory: String { "\(self.home)/run" }
    /// `data/`.
    public var dataDirectory: String { "\(self.home)/data" }
    /// `logs/`.
    public var logDirectory: String { "\(self.home)/logs" }
    /// `audit/archive/`.
    public var auditArchiveDirectory: String { "\(self.home)/audit/archive" }
    /// `audit/keys/`.
    public var auditKeyDirectory: String { "\(self.home)/audit/keys" }
    /// `mail/Maildir/`.
    public var maildirDirectory: String { "\(self.home)/mail/Maildir" }
    /// The letter templates staff may change: `templates/<trigger>.<audience>.mustache`.
    public var templatesDirectory: String { "\(self.home)/templates" }

    // MARK: Loading

    /// Why a configuration could not be loaded.
    public enum LoadError: Error, CustomStringConvertible {
        /// The config file exists but is not valid JSON of the expected shape.
        case unreadableFile(path: String, reason: String)
        /// A setting is out of its allowed range.
        case invalidSetting(name: String, value: String, expected: String)

        public var description: String {
            switch self {
            case .unreadableFile(let path, let reason):
                return "cannot read the configuration file \(path): \(reason)"
            case .invalidSetting(let name, let value, let expected):
                return "configuration setting \(name) = \(value) is invalid: expected \(expected)"
            }
        }
    }

    /// Loads defaults, then the config file, then the environment; validates the result.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeOverride: String? = nil
    ) throws -> LingyanConfiguration {
        let home = Self.absolute(homeOverride ?? environment["LINGYAN_HOME"] ?? "var")
        var configuration = LingyanConfiguration(home: home)
        let filePath = environment["LINGYAN_CONFIG"] ?? "\(home)/lingyan.json"
        if FileManager.default.fileExists(atPath: filePath) {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: filePath))
                configuration = try JSONDecoder().decode(LingyanConfiguration.self, from: data)
            } catch let error as DecodingError {
                throw LoadError.unreadableFile(path: filePath, reason: Self.describe(error))
            } catch {
                throw LoadError.unreadableFile(path: filePath, reason: "\(error)")
            }
            // The home directory the file lives in wins over a home written inside it only when none is set.
            configuration.home = Self.absolute(homeOverride ?? environment["LINGYAN_HOME"] ?? configuration.home)
        }
        try configuration.applyEnvironment(environment)
        try configuration.validate()
        return configuration
    }

    private mutating func applyEnvironment(_ environment: [String: String]) throws {
        func integer(_ name: String) throws -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw LoadError.invalidSetting(name: name, value: text, expected: "a whole number")
            }
            return value
        }
        if let value = try integer("LINGYAN_MAX_FRAME_BYTES") { self.maximumFrameBytes = value }
        if let value = try integer("LINGYAN_MAX_CONNECTIONS") { self.maximumConnections = value }
        if let value = try integer("LINGYAN_MAX_IN_FLIGHT") { self.maximumRequestsInFlight = value }
        if let value = try integer("LINGYAN_LISTEN_BACKLOG") { self.listenBacklog = value }
        if let value = try integer("LINGYAN_IDLE_TIMEOUT_SECONDS") { self.idleTimeoutSeconds = value }
        if let value = try integer("LINGYAN_DRAIN_TIMEOUT_SECONDS") { self.drainTimeoutSeconds = value }
        if let value = try integer("LINGYAN_GROUP_COMMIT_LIMIT") { self.groupCommitLimit = value }
        if let text = environment["LINGYAN_MATCH_AUTO_SEND"] {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "1", "true", "yes": self.matchAutoSend = true
            case "0", "false", "no", "": self.matchAutoSend = false
            default: throw LoadError.invalidSetting(name: "LINGYAN_MATCH_AUTO_SEND", value: text, expected: "1 or 0")
            }
        }
        if let text = environment["LINGYAN_MATCH_ALERT_THRESHOLD"] {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw LoadError.invalidSetting(name: "LINGYAN_MATCH_ALERT_THRESHOLD", value: text, expected: "a number from 0 to 1")
            }
            self.matchAlertThreshold = value
        }
        if let text = environment["LINGYAN_STAFF_EMAILS"] {
            self.staffAddresses = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let value = environment["LINGYAN_MAIL_FROM"] { self.mailFrom = value }
        if let value = environment["LINGYAN_SENDMAIL"] { self.sendmailCommand = value.isEmpty ? nil : value }
        if let value = try integer("LINGYAN_AUDIT_SEAL_LINES") { self.auditSealLines = value }
        if let value = try integer("LINGYAN_AUDIT_SEAL_AGE_SECONDS") { self.auditSealAgeSeconds = value }
        if let value = try integer("LINGYAN_AUDIT_GZIP_LEVEL") { self.auditGzipLevel = value }
        if let value = try integer("LINGYAN_AUDIT_CHECKPOINT_SECONDS") { self.auditCheckpointSeconds = value }
        if let value = environment["LINGYAN_LOG_LEVEL"] { self.logLevel = value }
    }

    private func validate() throws {
        func check(_ name: String, _ value: Int, _ range: ClosedRange<Int>) throws {
            guard range.contains(value) else {
                throw LoadError.invalidSetting(
                    name: name, value: String(value), expected: "\(range.lowerBound)...\(range.upperBound)")
            }
        }
        try check("maximumFrameBytes", self.maximumFrameBytes, 64...FrameLimits.absoluteMaximumBytes)
        try check("maximumConnections", self.maximumConnections, 1...65_536)
        try check("maximumRequestsInFlight", self.maximumRequestsInFlight, 1...65_536)
        try check("listenBacklog", self.listenBacklog, 1...65_535)
        try check("idleTimeoutSeconds", self.idleTimeoutSeconds, 1...86_400)
        try check("drainTimeoutSeconds", self.drainTimeoutSeconds, 0...3_600)
        try check("groupCommitLimit", self.groupCommitLimit, 1...100_000)
        try check("auditSealLines", self.auditSealLines, 1...10_000_000)
        try check("auditSealAgeSeconds", self.auditSealAgeSeconds, 1...31_622_400)
        try check("auditGzipLevel", self.auditGzipLevel, 1...9)
        try check("auditCheckpointSeconds", self.auditCheckpointSeconds, 1...86_400)
        guard (0...1).contains(self.matchAlertThreshold) else {
            throw LoadError.invalidSetting(
                name: "matchAlertThreshold", value: String(self.matchAlertThreshold), expected: "a number from 0 to 1")
        }
        for address in self.staffAddresses + [self.mailFrom]
        where address.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) || !address.contains("@") {
            throw LoadError.invalidSetting(name: "staffAddresses/mailFrom", value: address, expected: "an e-mail address on one line")
        }
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        guard levels.contains(self.logLevel) else {
            throw LoadError.invalidSetting(
                name: "logLevel", value: self.logLevel, expected: levels.joined(separator: ", "))
        }
    }

    private static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context): return "not valid JSON (\(context.debugDescription))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(path): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// The role map as written in the configuration file (DESIGN §5).
///
/// ```json
/// "roles": { "users": { "chen": "staff" }, "uids": { "1001": "reader" }, "groups": { "lingyan": "staff" } }
/// ```
public struct RoleMapConfiguration: Codable, Sendable, Equatable {
    /// Role by user name.
    public var users: [String: Role]?
    /// Role by numeric uid, written as a string key.
    public var uids: [String: Role]?
    /// Role by group name or numeric gid.
    public var groups: [String: Role]?

    public init(users: [String: Role]? = nil, uids: [String: Role]? = nil, groups: [String: Role]? = nil) {
        self.users = users
        self.uids = uids
        self.groups = groups
    }
}

/// What a peer may do (DESIGN §5).
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Read, with personal contact fields masked.
    case reader
    /// Feeds and internal methods.
    case service
    /// Everything but catalogue rules and key material.
    case staff
    /// Everything.
    case admin

    private var rank: Int {
        switch self {
        case .reader: return 0
        case .service: return 1
        case .staff: return 2
        case .admin: return 3
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
