import ArgumentParser
import Foundation
import GRDB
import NIOCore
import Shared

/// `lingyan-bench registry`: durable form submissions per second with one and many clients, with and without group
/// commit, beside what SQLite itself manages on this disk; the acknowledged forms counted again after a SIGKILL;
/// and the rate of a 10,000-profile import through the CLI.
struct RegistryBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Durable form submissions/s (1 and 32 clients, group commit on and off) and the CLI import rate.")

    @Option(help: "Concurrent clients, comma-separated.")
    var clients = "1,32"

    @Option(help: "Seconds to measure each level (after a one-second warm-up).")
    var seconds = 3.0

    @Option(help: "Partner profiles in the import run.")
    var profiles = 10_000

    @Option(help: "Directory of the executables to measure (default: beside lingyan-bench).")
    var binDir: String?

    func run() async throws {
        printLineByLine()
        let levels = self.clients.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let directory = productDirectory(self.binDir)
        print("\(System.coreCount) cores; synchronous=FULL; \(self.seconds) s per level")
        print("")
        try self.measureSQLite()
        print("")
        print(row(["forms.submit", "clients", "forms/s", "p50", "p99"]))
        for (label, limit) in [("one transaction per request", 1), ("group commit", 1_000)] {
            for level in levels {
                let home = try scratchHome()
                defer { try? FileManager.default.removeItem(atPath: home) }
                let registry = try spawn(
                    "\(directory)/lingyan-registry", home: home, log: "\(home)/registry.log",
                    environment: ["LINGYAN_GROUP_COMMIT_LIMIT": String(limit)])
                let socket = "\(home)/run/registry.sock"
                _ = try await RPCClient.connect(socketPath: socket, retryingFor: .seconds(10))
                let killAtEnd = limit > 1 && level == levels.last
                let frame = try Self.submission()
                var crash: (@Sendable () -> Void)? = nil
                if killAtEnd { crash = { @Sendable in _ = kill(registry, SIGKILL) } }
                let result = try await LoadGenerator.run(
                    socket: socket, frame: frame, clients: level, seconds: self.seconds, whenDone: crash)
                print(row([label, String(level), String(Int(result.perSecond.rounded())), micros(result.p50), micros(result.p99)]))
                if result.errors > 0 { print("  errors: \(result.errors)") }
                if killAtEnd {
                    var status: Int32 = 0
                    waitpid(registry, &status, 0)
                    let restarted = try spawn("\(directory)/lingyan-registry", home: home, log: "\(home)/registry.log")
                    defer { stop(restarted) }
                    let client = try await RPCClient.connect(socketPath: socket, retryingFor: .seconds(10))
                    let stats = try await client.call(RegistryInterface.StatsSummary.self, .init())
                    let stored = stats.formsByStatus.values.reduce(0, +)
                    print("  SIGKILL while \(level) clients were submitting: \(result.acknowledged) acknowledged, \(stored) stored after restart"
                        + (stored >= result.acknowledged ? " — none lost" : " — \(result.acknowledged - stored) LOST"))
                    await client.close()
                } else {
                    stop(registry)
                }
            }
        }
        print("")
        try await self.measureImport(directory: directory)
    }

    /// What SQLite does on this disk with nothing else in the way: one-row transactions, and 1,000-row ones.
    private func measureSQLite() throws {
        let home = try scratchHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let pool = try DatabasePool(path: "\(home)/sqlite.sqlite", configuration: configuration)
        try pool.write { db in try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)") }
        let body = String(repeating: "x", count: 1_000)
        var rows = 0
        var start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(2) {
            try pool.write { db in try db.execute(sql: "INSERT INTO t (body) VALUES (?)", arguments: [body]) }
            rows += 1
        }
        let single = Double(rows) / (ContinuousClock.now - start).seconds
        rows = 0
        start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(2) {
            try pool.write { db in
                for _ in 0..<1_000 { try db.execute(sql: "INSERT INTO t (body) VALUES (?)", arguments: [body]) }
            }
            rows += 1_000
        }
        let batched = Double(rows) / (ContinuousClock.now - start).seconds
        print("SQLite alone (1 KB rows): \(Int(single)) one-row transactions/s; \(Int(batched)) rows/s in 1,000-row transactions")
    }

    /// `lingyan partners import` of a generated JSON Lines file, timed from the outside.
    private func measureImport(directory: String) async throws {
        let home = try scratchHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let registry = try spawn("\(directory)/lingyan-registry", home: home, log: "\(home)/registry.log")
        defer { stop(registry) }
        _ = try await RPCClient.connect(socketPath: "\(home)/run/registry.sock", retryingFor: .seconds(10))
        let file = "\(home)/profiles.jsonl"
        let lines = try (0..<self.profiles).map { try LingyanJSON.string(Self.profile($0)) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let bytes = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        let start = ContinuousClock.now
        let cli = try spawn(
            "\(directory)/lingyan", arguments: ["partners", "import", file, "--json"], home: home, log: "\(home)/import.log")
        var status: Int32 = 0
        waitpid(cli, &status, 0)
        let elapsed = (ContinuousClock.now - start).seconds
        let output = (try? String(contentsOfFile: "\(home)/import.log", encoding: .utf8)) ?? ""
        print("lingyan partners import: \(self.profiles) profiles (\(bytes / 1024) KiB) in \(String(format: "%.2f", elapsed)) s = "
            + "\(Int(Double(self.profiles) / elapsed)) lines/s, exit \(status >> 8)")
        if status != 0 { print(output.suffix(2_000)) }
    }

    /// One submission frame: a complete, valid form.
    static func submission() throws -> ByteBuffer {
        let request = try RPCRequestWriter.request(
            method: RegistryInterface.FormsSubmit.name, params: RegistryInterface.FormsSubmit.Params(form: Self.sampleForm), id: 1)
        var buffer = ByteBuffer()
        buffer.writeFrame(request)
        return buffer
    }

    /// A complete, valid form.
    static var sampleForm: PartnerSearchForm {
        PartnerSearchForm(
            organization: OrganizationDetails(
                nameZh: "杭州示例水务科技有限公司", nameEn: "Hangzhou Example Water Technology Co., Ltd.",
                address: "杭州市西湖区文二路 212 号", website: "https://www.example.cn",
                businessAndProducts: "膜法水处理设备的研发与生产", comments: nil, uscc: "91330100799655058B", city: "杭州"),
            contact: ContactPerson(name: "张伟", position: "技术总监", phone: "0571-8705 4066", email: "zhang.wei@example.cn"),
            project: ProjectDetails(technicalArea: "水处理", description: "开发适用于工业废水回用的抗污染反渗透膜组件"),
            partner: PartnerWanted(countries: ["IL", "FI"], expertiseSought: "膜材料研发能力", contributionSought: "联合开发并在以色列试点"))
    }

    /// A synthetic foreign partner profile.
    private static func profile(_ number: Int) -> [String: JSONValue] {
        let countries: [(String, String?)] = [("FI", nil), ("IL", nil), ("NO", nil), ("SG", nil), ("BE", "West-Vlaanderen"), ("GB", "Warwickshire")]
        let (country, region) = countries[number % countries.count]
        var profile: [String: JSONValue] = [
            "externalId": .string("bench-\(number)"), "name": .string("Benchmark Partner \(number) Oy"),
            "country": .string(country), "kind": "company",
            "expertise": "Membrane water treatment, desalination and industrial wastewater reuse; pilot plants.",
            "offers": "Joint development and pilot sites", "seeks": "Manufacturing partners in China",
            "keywords": ["water treatment", "membranes", "desalination"], "source": "bench", "expiresOn": "2027-12-31",
        ]
        if let region { profile["region"] = .string(region) }
        return profile
    }
}

/// One aligned line: the first column left-aligned, the others right-aligned.
private func row(_ cells: [String]) -> String {
    let widths = [30, 8, 10, 10, 10]
    return cells.enumerated().map { index, cell in
        let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
        return index == 0 ? cell + padding : padding + cell
    }.joined(separator: " ")
}

extension Duration {
    var seconds: Double { Double(self.components.seconds) + Double(self.components.attoseconds) / 1e18 }
}
