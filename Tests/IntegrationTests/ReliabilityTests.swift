import Foundation
import GRDB
import Shared
import Testing
import TestSupport

/// A reproducible source of randomness for generated input: the seed is printed with any failure.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        // SplitMix64.
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Sizes of the reliability suite: what fits CI by default, more with LINGYAN_RELIABILITY_SCALE (a multiplier).
enum ReliabilityScale {
    static let factor = max(1, Int(ProcessInfo.processInfo.environment["LINGYAN_RELIABILITY_SCALE"] ?? "1") ?? 1)
}

/// Malformed frames of every kind a hostile or broken peer sends.
struct HostileFrames {
    var random: SeededGenerator

    /// A frame (header and payload) that a service answers with an error and keeps the connection open for.
    mutating func answerable() -> [UInt8] {
        let payload: [UInt8]
        switch Int.random(in: 0..<11, using: &self.random) {
        case 0:
            payload = (0..<Int.random(in: 1...300, using: &self.random)).map { _ in UInt8.random(in: 0...255, using: &self.random) }
        case 1:
            // Invalid UTF-8 inside a string.
            payload = Array(#"{"jsonrpc":"2.0","id":1,"method":""#.utf8) + [0xC3, 0x28, 0xFF, 0xFE] + Array(#""}"#.utf8)
        case 2:
            let depth = Int.random(in: 100...20_000, using: &self.random)
            payload = Array(String(repeating: "[", count: depth).utf8) + Array(String(repeating: "]", count: depth).utf8)
        case 3:
            payload = Array(
                [
                    #"{"jsonrpc":"2.0","id":1e999999,"method":"system.health"}"#,
                    #"{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"system.health"}"#,
                    #"{"jsonrpc":"2.0","id":1,"method":"forms.list","params":{"limit":1e308}}"#,
                    #"{"jsonrpc":"2.0","id":1,"method":"events.read","params":{"after":-99999999999999999999,"limit":5}}"#,
                ][Int.random(in: 0..<4, using: &self.random)].utf8)
        case 4:
            // Wrong types for real methods: never a valid write.
            payload = Array(
                [
                    #"{"jsonrpc":"2.0","id":2,"method":"forms.submit","params":{"form":"x"}}"#,
                    #"{"jsonrpc":"2.0","id":2,"method":"forms.submit","params":[1,2,3]}"#,
                    #"{"jsonrpc":"2.0","id":{"a":1},"method":"system.health"}"#,
                    #"{"jsonrpc":"2.0","id":3,"method":42}"#,
                    #"{"jsonrpc":"1.0","id":3,"method":"system.health"}"#,
                    #"{"jsonrpc":"2.0","id":4,"method":"partners.import","params":{"format":7,"content":null}}"#,
                    #"{"jsonrpc":"2.0","id":5,"method":"forms.review","params":{"id":"F-0000-000000","revision":"one","decision":"publish"}}"#,
                    #"{"jsonrpc":"2.0","id":6,"method":"audit.query","params":{"limit":"all"}}"#,
                    #"{"jsonrpc":"2.0","id":7,"method":"notifications.retry","params":{"id":"x"}}"#,
                    #"{"jsonrpc":"2.0","id":8,"method":"matches.partners","params":{"form":{"organization":5}}}"#,
                ][Int.random(in: 0..<10, using: &self.random)].utf8)
        case 5:
            payload = Array(#"{"jsonrpc":"2.0","id":\#(Int.random(in: 0...1_000_000, using: &self.random)),"method":"junk.\#(UInt32.random(in: 0...UInt32.max, using: &self.random))"}"#.utf8)
        case 6:
            let entries = (0..<Int.random(in: 1...40, using: &self.random)).map { _ in
                ["1", "\"x\"", "{}", "null", "[]", #"{"method":5}"#, #"{"jsonrpc":"2.0","method":"junk.x","id":1}"#][
                    Int.random(in: 0..<7, using: &self.random)]
            }
            payload = Array(("[" + entries.joined(separator: ",") + "]").utf8)
        case 7:
            let text = #"{"jsonrpc":"2.0","id":1,"method":"system.health","params":{}}"#
            payload = Array(text.utf8.prefix(Int.random(in: 1..<text.utf8.count, using: &self.random)))
        case 8:
            payload = Array(["\"hello\"", "null", "42", "true", "[]", "{}"][Int.random(in: 0..<6, using: &self.random)].utf8)
        case 9:
            // Control and bidi characters, and a NUL, in a method name.
            payload = Array("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"system.\u{202E}health\u{0000}\u{0007}\"}".utf8)
        default:
            // Duplicate keys and an unknown member.
            payload = Array(#"{"jsonrpc":"2.0","jsonrpc":"2.0","id":1,"id":2,"method":"junk","extra":[1,{"a":[]}]}"#.utf8)
        }
        return RawSocket.header(UInt32(payload.count)) + payload
    }

    /// A frame after which a service closes the connection: a zero length, a length over the limit, or a cut-off
    /// frame (the peer then closes).
    mutating func closing() -> [UInt8] {
        switch Int.random(in: 0..<3, using: &self.random) {
        case 0: return RawSocket.header(0)
        case 1: return RawSocket.header(UInt32.random(in: 20_000_000...UInt32.max, using: &self.random))
        default: return RawSocket.header(1_000) + Array(#"{"jsonrpc":"2.0","id":1,"#.utf8)
        }
    }

    /// Bytes cut into pieces of 1–143 bytes.
    mutating func pieces(_ bytes: [UInt8]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var offset = 0
        while offset < bytes.count {
            let size = min(bytes.count - offset, Int.random(in: 1...143, using: &self.random))
            pieces.append(Array(bytes[offset..<(offset + size)]))
            offset += size
        }
        return pieces
    }
}

@Suite("Reliability", .serialized)
struct ReliabilityTests {
    /// Partner profiles and one form (published when asked) in a fresh cluster; returns the form's id.
    private static func seed(_ cluster: LingyanProcesses, publish: Bool) async throws -> String {
        let registry = try await cluster.client(.registry)
        _ = try await registry.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: MatchingFlowTests.profiles))
        let form = try await registry.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form())).id
        if publish { _ = try await registry.call(RegistryInterface.FormsReview.self, .init(id: form, revision: 1, decision: .publish)) }
        await registry.close()
        return form
    }

    /// What a service holds, to compare before and after: its feed head and, for the registry, its counts.
    private func fingerprint(_ cluster: LingyanProcesses) async throws -> [String] {
        var parts: [String] = []
        for service in ServiceName.allCases {
            let client = try await cluster.client(service)
            let health = try await client.call(CommonInterface.Health.self, timeout: .seconds(1))
            parts.append("\(service.rawValue) head \(health.feedHead.map(String.init) ?? "-")")
            await client.close()
        }
        let registry = try await cluster.client(.registry)
        parts.append(try LingyanJSON.string(try await registry.call(RegistryInterface.StatsSummary.self, .init())))
        await registry.close()
        let audit = try await cluster.client(.audit)
        parts.append("audit lines \(try await audit.call(AuditInterface.Query.self, .init(limit: 1000)).lines.count)")
        await audit.close()
        return parts
    }

    @Test("10,000 malformed frames per service, whole and in 1–143-byte pieces: every service still answers within a second, nothing changed")
    func hostileFrames() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let cluster = try await LingyanProcesses(home: home)
        defer { Task { await cluster.terminateAll() } }
        _ = try await Self.seed(cluster, publish: false)
        // Let the other services take in the feed before the picture is taken.
        try await Task.sleep(for: .seconds(1))
        let before = try await self.fingerprint(cluster)

        let seed = UInt64.random(in: 0...UInt64.max)
        var frames = HostileFrames(random: SeededGenerator(seed: seed))
        let perService = 10_000 * ReliabilityScale.factor
        var answered: [ServiceName: Int] = [:]
        for service in ServiceName.allCases {
            var sent = 0
            var connection = 0
            while sent < perService {
                // 100 answerable frames per connection, then, on most, one that ends it.
                let count = min(100, perService - sent)
                var bytes: [UInt8] = []
                for _ in 0..<count { bytes += frames.answerable() }
                let ending = connection % 4 != 3
                if ending { bytes += frames.closing() }
                sent += count + (ending ? 1 : 0)
                connection += 1
                let socket = try RawSocket(path: home.socket(service.rawValue), timeout: .seconds(10))
                if connection % 2 == 0 {
                    for piece in frames.pieces(bytes) { socket.send(piece) }
                } else {
                    socket.send(bytes)
                }
                socket.shutdownWrite()
                while case .frame = socket.readFrame() { answered[service, default: 0] += 1 }
            }
            // Still answering, within a second.
            let client = try await cluster.client(service)
            let health = try await client.call(CommonInterface.Health.self, timeout: .seconds(1))
            #expect(health.service == service.rawValue, "seed \(seed)")
            await client.close()
            #expect(cluster[service].isRunning, "\(service) survived (seed \(seed))")
        }
        print("hostile frames: \(perService) per service; answers: \(answered.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", ")); seed \(seed)")
        for service in ServiceName.allCases {
            #expect((answered[service] ?? 0) >= perService / 2, "\(service) answered most of them (seed \(seed))")
        }
        #expect(try await self.fingerprint(cluster) == before, "no data changed (seed \(seed))")
    }

    /// A form with one field spoiled: the field's path and the form.
    private static func spoiled(_ random: inout SeededGenerator) -> (path: String, form: PartnerSearchForm) {
        var form = FormTests.form()
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
        let invisible = pick(["\u{0000}", "\u{0007}", "\u{001B}[31m", "\u{007F}", "\u{0085}", "\u{2028}", "\u{202E}", "\u{2066}", "\u{200F}", "\u{061C}"])
        let injection = pick(["\r\nBcc: victim@example.com", "\nSubject: 中奖通知", "\r\n\r\n<script>", "\rX-Header: 1"])
        // Text fields with their limits; single-line ones refuse line breaks too.
        let texts: [(String, Int, Bool, WritableKeyPath<PartnerSearchForm, String>)] = [
            ("form.organization.nameZh", 200, false, \.organization.nameZh),
            ("form.organization.address", 500, false, \.organization.address),
            ("form.organization.businessAndProducts", 2_000, true, \.organization.businessAndProducts),
            ("form.contact.name", 100, false, \.contact.name),
            ("form.project.technicalArea", 200, false, \.project.technicalArea),
            ("form.project.description", 5_000, true, \.project.description),
            ("form.partner.expertiseSought", 2_000, true, \.partner.expertiseSought),
            ("form.partner.contributionSought", 2_000, true, \.partner.contributionSought),
        ]
        switch Int.random(in: 0..<8, using: &random) {
        case 0:
            let (path, maximum, _, key) = pick(texts)
            form[keyPath: key] = String(repeating: pick(["字", "a", "é", "🙂"]), count: maximum + Int.random(in: 1...5_000, using: &random))
            return (path, form)
        case 1:
            let (path, _, _, key) = pick(texts)
            form[keyPath: key] += invisible
            return (path, form)
        case 2:
            let (path, _, _, key) = pick(texts.filter { !$0.2 })
            form[keyPath: key] += injection
            return (path, form)
        case 3:
            form.contact.email = pick([
                "zhang.wei@example.cn" + injection, "zhang'; DROP TABLE forms; --@example.cn", "no-at-sign.example.cn",
                "zhang@", "@example.cn", "a@b", String(repeating: "x", count: 300) + "@example.cn", "zhang wei@example.cn",
                "\"' OR '1'='1\"@example.cn",
            ])
            return ("form.contact.email", form)
        case 4:
            form.contact.phone = pick([
                "12345", "abc", "+86 ' OR 1=1 --", "0571-8705 4066" + injection, String(repeating: "9", count: 40),
                "1381234567", "+1 (555) 010-9999; DROP TABLE forms", "",
            ])
            return ("form.contact.phone", form)
        case 5:
            form.organization.uscc = pick([
                "91330100799655059B", "913301007996550580", "'; DELETE FROM forms; --", "9133010079965505",
                "91330100799655058B91", "91330100799655058I", "91110000799655058X",
            ])
            return ("form.organization.uscc", form)
        case 6:
            form.organization.website = pick([
                "javascript:alert(1)", "' OR '1'='1", "ftp://example.cn", "https://", "http://localhost",
                "https://www.example.cn" + injection,
            ])
            return ("form.organization.website", form)
        default:
            let entry = pick(["Atlantis", "' OR 1=1 --", "XX", "", "以色列\u{202E}", "FI\r\nBcc: x"])
            form.partner.countries = [entry]
            // An empty cell is a missing 3.1, named as the list; a bad entry is named by its place.
            return (entry.isEmpty ? "form.partner.countries" : "form.partner.countries[0]", form)
        }
    }

    @Test("generated bad form fields — overlong, control and bidi characters, SQL metacharacters, header injection, bad phones: always -32004 naming the field, nothing written")
    func badFormFields() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home)
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        let head = try await client.call(CommonInterface.Health.self).feedHead
        let seed = UInt64.random(in: 0...UInt64.max)
        var random = SeededGenerator(seed: seed)
        let count = 500 * ReliabilityScale.factor
        for _ in 0..<count {
            let (path, form) = Self.spoiled(&random)
            do {
                _ = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: form))
                Issue.record("accepted a form with a bad \(path) (seed \(seed))")
            } catch let error as RPCError {
                #expect(error.code == -32004, "\(path): \(error) (seed \(seed))")
                guard case .array(let fields)? = error.data?["fields"] else {
                    Issue.record("no fields for \(path) (seed \(seed))")
                    continue
                }
                #expect(fields.contains { $0["path"]?.stringValue == path }, "\(path) named (seed \(seed)): \(fields)")
            }
        }
        #expect(try await client.call(CommonInterface.Health.self).feedHead == head, "nothing written (seed \(seed))")
        #expect(try await client.call(RegistryInterface.FormsList.self, .init()).forms.isEmpty)

        // SQL metacharacters in free text are text: stored as written, and harmless.
        var quoted = FormTests.form()
        quoted.project.description = "Robert'); DROP TABLE forms; -- 的膜组件 \"quoted\" 100% _wild_"
        let submitted = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: quoted))
        let stored = try await client.call(RegistryInterface.FormsGet.self, .init(id: submitted.id))
        #expect(stored.form.project.description == quoted.project.description)
        #expect(try await client.call(RegistryInterface.FormsList.self, .init()).forms.count == 1)
        await client.close()
    }

    /// Resident memory of a process, from /proc, in bytes.
    private static func residentBytes(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * 1024
        }
        return 0
    }

    /// One client's share of mixed requests against all four services; returns the errors it met.
    private static func mixedRequests(
        _ count: Int, cluster: LingyanProcesses, formId: String, seed: UInt64
    ) async throws -> [String] {
        var random = SeededGenerator(seed: seed)
        let registry = try await cluster.client(.registry)
        let matching = try await cluster.client(.matching)
        let notification = try await cluster.client(.notification)
        let audit = try await cluster.client(.audit)
        var errors: [String] = []
        for _ in 0..<count {
            do {
                switch Int.random(in: 0..<12, using: &random) {
                case 0: _ = try await registry.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form()))
                case 1: _ = try await registry.call(RegistryInterface.FormsGet.self, .init(id: formId))
                case 2: _ = try await registry.call(RegistryInterface.FormsList.self, .init())
                case 3: _ = try await registry.call(RegistryInterface.PartnersList.self, .init(country: "IL"))
                case 4: _ = try await registry.call(RegistryInterface.CallsList.self, .init())
                case 5: _ = try await registry.call(RegistryInterface.StatsSummary.self, .init())
                case 6: _ = try await matching.call(MatchingInterface.Programs.self, .init(formId: formId))
                case 7: _ = try await matching.call(MatchingInterface.Partners.self, .init(formId: formId, limit: 10))
                case 8: _ = try await matching.call(MatchingInterface.Tag.self, .init(text: "锂电池储能系统 and reverse osmosis membranes"))
                case 9: _ = try await notification.call(NotificationInterface.List.self, .init(formId: formId))
                case 10: _ = try await audit.call(AuditInterface.Query.self, .init(limit: 20))
                default: _ = try await registry.call(CommonInterface.Health.self)
                }
            } catch {
                errors.append("\(error)")
            }
        }
        for client in [registry, matching, notification, audit] { await client.close() }
        return errors
    }

    @Test("32 clients × 500 mixed requests across the four services: no error, and resident memory levels off")
    func load() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let cluster = try await LingyanProcesses(home: home)
        defer { Task { await cluster.terminateAll() } }
        let form = try await Self.seed(cluster, publish: true)

        let clients = 32
        let perClient = 500 * ReliabilityScale.factor
        func round(_ count: Int, seed: UInt64) async throws -> [String] {
            try await withThrowingTaskGroup(of: [String].self) { group in
                for client in 0..<clients {
                    group.addTask { try await Self.mixedRequests(count, cluster: cluster, formId: form, seed: seed &+ UInt64(client)) }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        // A warm-up fills caches and pools; then two halves, with memory read after each.
        let seed = UInt64.random(in: 0...UInt64.max)
        #expect(try await round(50, seed: seed).isEmpty)
        let started = ContinuousClock.now
        let first = try await round(perClient / 2, seed: seed &+ 1_000)
        let middle = Dictionary(uniqueKeysWithValues: ServiceName.allCases.map { ($0, Self.residentBytes(cluster[$0].pid)) })
        let second = try await round(perClient - perClient / 2, seed: seed &+ 2_000)
        let elapsed = ContinuousClock.now - started
        let end = Dictionary(uniqueKeysWithValues: ServiceName.allCases.map { ($0, Self.residentBytes(cluster[$0].pid)) })
        let errors = first + second
        #expect(errors.isEmpty, "\(errors.count) errors, first: \(errors.prefix(3)) (seed \(seed))")
        print("load: \(clients) × \(perClient) mixed requests in \(elapsed); resident memory after half → after all: "
            + ServiceName.allCases.map { "\($0.rawValue) \(middle[$0]! / 1_048_576) → \(end[$0]! / 1_048_576) MiB" }.joined(separator: ", "))
        for service in ServiceName.allCases {
            // A leak grows with the requests: the second half may not add what a kilobyte per request would.
            #expect(end[service]! - middle[service]! < 16 * 1_048_576, "\(service) grew by \((end[service]! - middle[service]!) / 1_048_576) MiB")
            #expect(cluster[service].isRunning)
        }
    }

    /// Runs a deploy script against `home` with the debug products.
    private static func deploy(_ name: String, home: TestHome, environment extra: [String: String] = [:]) throws -> CLIRun {
        var environment = ProcessInfo.processInfo.environment
        environment["LINGYAN_HOME"] = home.path
        environment["LINGYAN_BIN"] = BuiltProducts.directory
        environment.merge(extra) { $1 }
        return try CLIRun.run(["\(AcceptanceTests.root)/deploy/\(name)"], environment: environment)
    }

    private static func pid(_ service: ServiceName, home: TestHome) -> Int32? {
        (try? String(contentsOfFile: "\(home.path)/run/\(service.rawValue).pid", encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Waits until the service answers from a process other than `old`; returns its pid.
    private static func restarted(_ service: ServiceName, home: TestHome, after old: Int32) async throws -> Int32? {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let client = try? await RPCClient.connect(socketPath: home.socket(service.rawValue)) {
                let health = try? await client.call(CommonInterface.Health.self, timeout: .seconds(1))
                await client.close()
                if let pid = health?.pid, pid != old { return pid }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// Writers that submit forms and publish every other one until told to stop, riding out restarts; the ids of
    /// the forms whose submission was acknowledged.
    private final class Writers: @unchecked Sendable {
        private let lock = NSLock()
        private var acknowledged: [String] = []
        private var published: [String] = []
        private var stopping = false

        var stopped: Bool { self.lock.withLock { self.stopping } }
        func stop() { self.lock.withLock { self.stopping = true } }
        func record(_ id: String, published: Bool) {
            self.lock.withLock {
                self.acknowledged.append(id)
                if published { self.published.append(id) }
            }
        }
        var results: (acknowledged: [String], published: [String]) { self.lock.withLock { (self.acknowledged, self.published) } }

        func run(home: TestHome, writer: Int) async {
            var client: RPCClient? = nil
            var count = 0
            while !self.stopped {
                do {
                    if client == nil { client = try await RPCClient.connect(socketPath: home.socket("registry")) }
                    let submitted = try await client!.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form()), timeout: .seconds(5))
                    count += 1
                    var publishedIt = false
                    if count % 2 == 0 {
                        _ = try await client!.call(
                            RegistryInterface.FormsReview.self, .init(id: submitted.id, revision: 1, decision: .publish), timeout: .seconds(5))
                        publishedIt = true
                    }
                    self.record(submitted.id, published: publishedIt)
                    // Steady, not flooding: the other services' catching up is part of what is checked.
                    try await Task.sleep(for: .milliseconds(10))
                } catch {
                    // The registry is restarting: reconnect and go on.
                    await client?.close()
                    client = nil
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
            await client?.close()
        }
    }

    @Test("SIGKILL each service in turn under write load, restarted by the supervisor: acknowledged writes kept, databases intact, audit exactly once and linked, every message once")
    func crashRounds() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let environment = [
            "LINGYAN_STAFF_EMAILS": "staff@zjstec.example.cn", "LINGYAN_MATCH_ALERT_THRESHOLD": "0.3",
            "LINGYAN_RESTART_DELAY_MS": "100", "LINGYAN_RESTART_STABLE_SECONDS": "1",
        ]
        let started = try Self.deploy("start", home: home, environment: environment)
        try #require(started.status == 0, "\(started.standardOutput)\(started.standardError)")
        defer { _ = try? Self.deploy("stop", home: home) }
        let registry = try await RPCClient.connect(socketPath: home.socket("registry"))
        _ = try await registry.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: MatchingFlowTests.profiles))
        await registry.close()

        let writers = Writers()
        let load = Task {
            await withTaskGroup(of: Void.self) { group in
                for writer in 0..<3 { group.addTask { await writers.run(home: home, writer: writer) } }
            }
        }
        let rounds = 10 * ReliabilityScale.factor
        var kills = 0
        for round in 0..<(rounds * ServiceName.allCases.count) {
            let service = ServiceName.allCases[round % ServiceName.allCases.count]
            let old = try #require(Self.pid(service, home: home))
            kill(old, SIGKILL)
            kills += 1
            let new = try await Self.restarted(service, home: home, after: old)
            #expect(new != nil, "\(service) came back after round \(round)")
            try await Task.sleep(for: .milliseconds(Int.random(in: 50...250)))
        }
        writers.stop()
        await load.value
        let (acknowledged, published) = writers.results

        // Everything settles: matching, notification and audit catch up with the registry.
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        let head = try await client.call(CommonInterface.Health.self).feedHead ?? 0
        let audit = try await RPCClient.connect(socketPath: home.socket("audit"))
        let notification = try await RPCClient.connect(socketPath: home.socket("notification"))
        let matching = try await RPCClient.connect(socketPath: home.socket("matching"))
        let matchingHead = { try await matching.call(CommonInterface.Health.self).feedHead ?? 0 }
        // The notification service's place in each feed, read from its database beside it.
        let cursors = try DatabasePool(path: "\(home.path)/data/notification.sqlite")
        let cursor = { (source: String) in
            try await cursors.read { db in
                try Int64.fetchOne(db, sql: "SELECT position FROM feed_cursors WHERE source = ?", arguments: [source]) ?? 0
            }
        }
        /// The source sequence numbers of a feed's lines in the audit record, in record order.
        func audited(_ source: String) async throws -> [Int64] {
            var numbers: [Int64] = []
            var after: Int64? = nil
            repeat {
                let page = try await audit.call(AuditInterface.Query.self, .init(source: source, after: after, limit: 1_000))
                numbers += page.lines.compactMap { line in
                    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
                    return (object["sourceSeq"] as? NSNumber)?.int64Value
                }
                after = page.next
            } while after != nil
            return numbers
        }
        var rows: [NotificationInterface.Notification] = []
        let deadline = ContinuousClock.now + .seconds(90)
        while ContinuousClock.now < deadline {
            let indexed = try await matching.call(MatchingInterface.IndexStatus.self).registryCursor
            guard indexed >= head, try await cursor("registry") >= head, try await cursor("matching") >= matchingHead() else {
                try await Task.sleep(for: .milliseconds(200))
                continue
            }
            rows = []
            for state in NotificationInterface.State.allCases where state != .sent {
                rows += try await notification.call(NotificationInterface.List.self, .init(state: state, limit: 500)).notifications
            }
            let notificationHead = try await notification.call(CommonInterface.Health.self).feedHead ?? 0
            if rows.isEmpty, try await audited("registry").count >= head, try await audited("notification").count >= notificationHead {
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }

        // Every acknowledged form is there.
        var missing = 0
        for id in acknowledged {
            if (try? await client.call(RegistryInterface.FormsGet.self, .init(id: id))) == nil { missing += 1 }
        }
        #expect(missing == 0, "\(missing) of \(acknowledged.count) acknowledged forms missing")
        // Every change of every service reached audit exactly once, in order, and the chain verifies.
        var auditedChanges = 0
        for (source, client) in [("registry", client), ("matching", matching), ("notification", notification)] {
            let sourceHead = try await client.call(CommonInterface.Health.self).feedHead ?? 0
            let numbers = try await audited(source)
            #expect(numbers == Array(stride(from: 1, through: sourceHead, by: 1)), "\(source) events 1…\(sourceHead) once each in audit (\(numbers.count) lines)")
            auditedChanges += numbers.count
        }
        let verification = try await audit.call(AuditInterface.Verify.self)
        #expect(verification.ok, "\(verification)")
        #expect(rows.isEmpty, "messages not delivered: \(rows.prefix(3))")
        for client in [client, audit, notification, matching] { await client.close() }
        try cursors.close()

        // Stopped with SIGTERM, every database passes SQLite's integrity check.
        let stopped = try Self.deploy("stop", home: home)
        #expect(stopped.status == 0)
        for service in ServiceName.allCases {
            let queue = try DatabaseQueue(path: "\(home.path)/data/\(service.rawValue).sqlite")
            let result = try await queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            #expect(result == ["ok"], "\(service): \(result)")
        }
        // Every message delivered once: one Maildir file per outbox row, under its Message-ID, each delivery
        // recorded once; a receipt to the contact and to staff for every acknowledged form.
        let outbox = try DatabaseQueue(path: "\(home.path)/data/notification.sqlite")
        let (messageIds, unsent, recorded) = try await outbox.read { db in
            (
                try String.fetchAll(db, sql: "SELECT messageId FROM outbox"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE state != 'sent'") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE type = 'notification.sent'") ?? -1
            )
        }
        let maildir = "\(home.path)/mail/Maildir/new"
        let files = try FileManager.default.contentsOfDirectory(atPath: maildir)
        let fileIds = try files.map { try ParsedMessage(Data(contentsOf: URL(fileURLWithPath: "\(maildir)/\($0)"))).headers["Message-ID"] ?? "" }
        #expect(unsent == 0)
        #expect(files.count == messageIds.count, "\(files.count) files for \(messageIds.count) messages")
        #expect(Set(fileIds) == Set(messageIds) && Set(fileIds).count == fileIds.count)
        #expect(recorded == messageIds.count, "each delivery recorded once")
        #expect(messageIds.count >= acknowledged.count * 2 + published.count)
        print("crash rounds: \(kills) SIGKILLs (\(rounds) per service); \(acknowledged.count) forms acknowledged "
            + "(\(published.count) published), all found; \(auditedChanges) changes of three services, each once in audit; \(files.count) messages, each once")
    }

    @Test("a full disk: writes fail with -32005 disk_full and store nothing, the services stay up, and recover when space returns")
    func diskFull() async throws {
        guard getuid() == 0 else {
            print("disk full: skipped (needs root to mount a small tmpfs)")
            return
        }
        let home = try TestHome()
        defer { home.remove() }
        let mounted = try CLIRun.run(["/bin/mount", "-t", "tmpfs", "-o", "size=24m,mode=0755", "tmpfs", home.path], environment: [:])
        guard mounted.status == 0 else {
            print("disk full: skipped (cannot mount a tmpfs here: \(mounted.standardError))")
            return
        }
        defer { _ = try? CLIRun.run(["/bin/umount", "-l", home.path], environment: [:]) }
        let cluster = try await LingyanProcesses(home: home)
        defer { Task { await cluster.terminateAll() } }
        let client = try await cluster.client(.registry)
        var acknowledged: [String] = []
        for _ in 0..<5 { acknowledged.append(try await client.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form())).id) }

        // Fill the file system to the last block.
        let filler = "\(home.path)/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: filler))
        let chunk = Data(repeating: 0x5A, count: 64 * 1024)
        while (try? handle.write(contentsOf: chunk)) != nil {}
        while (try? handle.write(contentsOf: Data(repeating: 0x5A, count: 512))) != nil {}
        try? handle.close()

        var refusals = 0
        var otherErrors: [String] = []
        for _ in 0..<40 {
            do {
                acknowledged.append(try await client.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form())).id)
            } catch let error as RPCError where error.code == -32005 && error.data?["reason"]?.stringValue == "disk_full" {
                refusals += 1
            } catch {
                let log = (try? String(contentsOfFile: "\(home.path)/logs/registry.stderr", encoding: .utf8)) ?? ""
                otherErrors.append("\(error)\n\(log.suffix(1_500))")
                break
            }
        }
        #expect(refusals > 0, "the full disk was noticed")
        #expect(otherErrors.isEmpty, "only disk_full refusals: \(otherErrors.prefix(3))")
        for service in ServiceName.allCases {
            #expect(cluster[service].isRunning, "\(service) stayed up")
            do {
                let health = try await cluster.client(service)
                #expect(try await health.call(CommonInterface.Health.self, timeout: .seconds(2)).service == service.rawValue)
                await health.close()
            } catch {
                let log = (try? String(contentsOfFile: "\(home.path)/logs/\(service.rawValue).stderr", encoding: .utf8)) ?? ""
                Issue.record("\(service) does not answer on a full disk: \(error)\n\(log.suffix(1_500))")
            }
        }

        // Space returns: writes succeed again, and what was refused was never half-stored.
        try FileManager.default.removeItem(atPath: filler)
        var recovered = false
        for _ in 0..<50 {
            if let id = try? await client.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form())).id {
                acknowledged.append(id)
                recovered = true
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(recovered)
        let stored = try await client.call(RegistryInterface.FormsList.self, .init(limit: 500)).forms.map(\.id)
        #expect(Set(stored) == Set(acknowledged), "exactly the acknowledged forms: \(stored.count) stored, \(acknowledged.count) acknowledged")
        let registry = try DatabasePool(path: "\(home.path)/data/registry.sqlite")
        #expect(try await registry.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        try registry.close()

        // The audit record catches up with everything the registry stored, and verifies.
        let head = try await client.call(CommonInterface.Health.self).feedHead ?? 0
        let audit = try await cluster.client(.audit)
        var lines = 0
        for _ in 0..<100 {
            lines = Int(try await audit.call(AuditInterface.Query.self, .init(source: "registry", limit: 1)).size)
            if lines >= head { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try await audit.call(AuditInterface.Query.self, .init(source: "registry", limit: 1_000)).lines.count == Int(head))
        #expect(try await audit.call(AuditInterface.Verify.self).ok)
        print("disk full: \(refusals) of 40 writes refused with disk_full, \(acknowledged.count) acknowledged and stored, recovered")
        await audit.close()
        await client.close()
    }

    @Test("the fuzzing corpus, crashes found once included, replays through the frame decoder and the parser without a crash")
    func fuzzCorpus() throws {
        let corpus = "\(AcceptanceTests.root)/Tests/Fuzz/Corpus"
        let replay = try CLIRun.run([BuiltProducts.path("lingyan-fuzz"), corpus], environment: [:])
        let count = try FileManager.default.contentsOfDirectory(atPath: corpus).count
        #expect(replay.status == 0, "\(replay.standardOutput)\(replay.standardError)")
        #expect(replay.standardOutput.contains("\(count) inputs replayed without a crash"))
    }
}
