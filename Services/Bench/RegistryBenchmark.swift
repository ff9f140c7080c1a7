import ArgumentParser
import Foundation
import GRDB
import NIOCore
import OfficeKit
import Shared

/// `lingyan-bench registry`: durable form submissions per second with one and many clients, with and without group
/// commit, beside what SQLite itself manages on this disk; the acknowledged forms counted again after a SIGKILL;
/// and partner imports through the CLI — the real development set and generated profiles, as JSON Lines, CSV and
/// Excel — beside SQLite's own rate for inserting the same rows in one transaction.
struct RegistryBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Durable form submissions/s (1 and 32 clients, group commit on and off) and the CLI import rate.")

    @Option(help: "Concurrent clients, comma-separated.")
    var clients = "1,32"

    @Option(help: "Seconds to measure each level (after a one-second warm-up).")
    var seconds = 3.0

    @Option(help: "Generated partner profiles in the import runs.")
    var profiles = 100_000

    @Option(help: "The real profiles to import (JSON Lines; default ../shared/matching-dev/partners.jsonl when it is there).")
    var real: String?

    @Flag(help: "Only the import runs.")
    var importOnly = false

    @Option(help: "Directory of the executables to measure (default: beside lingyan-bench).")
    var binDir: String?

    func run() async throws {
        printLineByLine()
        let levels = self.clients.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let directory = productDirectory(self.binDir)
        print("\(System.coreCount) cores; synchronous=FULL; \(self.seconds) s per level")
        print("")
        if self.importOnly { return try await self.measureImports(directory: directory) }
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
        try await self.measureImports(directory: directory)
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

    /// `lingyan partners import` of each set in each format into an empty registry, timed from the outside, and
    /// SQLite inserting the same stored rows in one transaction: the limit the import could reach.
    private func measureImports(directory: String) async throws {
        var sets: [(String, [[String: JSONValue]])] = []
        let realPath = self.real ?? "../shared/matching-dev/partners.jsonl"
        if let text = try? String(contentsOfFile: realPath, encoding: .utf8) {
            let lines = text.split(separator: "\n")
            sets.append(("real (\(lines.count))", try lines.map { line in
                guard case .object(let members) = try JSONReader.read(Array(line.utf8)) else { return [:] }
                return members
            }))
        } else {
            print("(no real profiles at \(realPath); --real PATH names them)")
        }
        sets.append(("generated (\(self.profiles))", (0..<self.profiles).map(Self.profile)))
        print(row(["partners import", "profiles", "lines/s", "seconds", "MiB"]))
        for (label, profiles) in sets {
            for format in ["jsonl", "csv", "xlsx"] {
                let home = try scratchHome()
                defer { try? FileManager.default.removeItem(atPath: home) }
                let file = "\(home)/profiles.\(format)"
                try Self.write(profiles, format: format, to: file)
                let bytes = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                let registry = try spawn("\(directory)/lingyan-registry", home: home, log: "\(home)/registry.log")
                defer { stop(registry) }
                _ = try await RPCClient.connect(socketPath: "\(home)/run/registry.sock", retryingFor: .seconds(10))
                let start = ContinuousClock.now
                let cli = try spawn(
                    "\(directory)/lingyan", arguments: ["partners", "import", file, "--json", "--source", "bench"], home: home,
                    log: "\(home)/import.log")
                var status: Int32 = 0
                waitpid(cli, &status, 0)
                let elapsed = (ContinuousClock.now - start).seconds
                print(row([
                    "\(label) \(format)", String(profiles.count), String(Int(Double(profiles.count) / elapsed)),
                    String(format: "%.2f", elapsed), String(format: "%.1f", Double(bytes) / 1_048_576),
                ]))
                if status != 0 {
                    let output = (try? String(contentsOfFile: "\(home)/import.log", encoding: .utf8)) ?? ""
                    print("  exit \(status >> 8): \(output.prefix(600))")
                }
            }
            try self.measureSQLiteInsert(label: label, profiles)
        }
    }

    /// The profiles as the import stores them, inserted by SQLite alone into a table of the same shape.
    private func measureSQLiteInsert(label: String, _ profiles: [[String: JSONValue]]) throws {
        let home = try scratchHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let pool = try DatabasePool(path: "\(home)/sqlite.sqlite", configuration: configuration)
        try pool.write { db in
            try db.execute(sql: """
                CREATE TABLE partners (id TEXT PRIMARY KEY, source TEXT NOT NULL, externalId TEXT NOT NULL, country TEXT NOT NULL,
                revision INTEGER NOT NULL, body TEXT NOT NULL, importedAt TEXT NOT NULL, updatedAt TEXT NOT NULL,
                status TEXT NOT NULL, expiresOn TEXT, withdrawal TEXT, UNIQUE (source, externalId))
                """)
        }
        let bodies = try profiles.map { try LingyanJSON.string(JSONValue.object($0)) }
        let start = ContinuousClock.now
        try pool.write { db in
            let statement = try db.makeStatement(sql: "INSERT INTO partners VALUES (?, 'bench', ?, ?, 1, ?, ?, ?, 'active', NULL, NULL)")
            for (index, body) in bodies.enumerated() {
                let stamp = "2026-12-02T00:00:00.000Z"
                try statement.execute(arguments: [
                    String(format: "P-%06d", index + 1), profiles[index]["externalId"]?.stringValue ?? "\(index)",
                    profiles[index]["country"]?.stringValue ?? "", body, stamp, stamp,
                ])
            }
        }
        let elapsed = (ContinuousClock.now - start).seconds
        print(row(["\(label) SQLite alone", String(profiles.count), String(Int(Double(profiles.count) / elapsed)), String(format: "%.2f", elapsed), ""]))
    }

    /// The columns every format carries, in this order.
    private static let columns = [
        "externalId", "name", "country", "region", "city", "kind", "expertise", "offers", "seeks", "keywords", "expiresOn", "nutsCode",
    ]

    private static func write(_ profiles: [[String: JSONValue]], format: String, to path: String) throws {
        func cells(_ profile: [String: JSONValue]) -> [String] {
            Self.columns.map { column in
                switch profile[column] {
                case .array(let items)?: items.compactMap(\.stringValue).joined(separator: ";")
                case .string(let text)?: text
                default: ""
                }
            }
        }
        switch format {
        case "jsonl":
            let lines = try profiles.map { try LingyanJSON.string(JSONValue.object($0)) }
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        case "csv":
            let lines = [Self.columns] + profiles.map(cells)
            let text = lines.map { fields in
                fields.map { $0.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                    .joined(separator: ",")
            }.joined(separator: "\n")
            try (text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        default:
            try WorkbookWriter.data(sheetName: "Partners", rows: [Self.columns] + profiles.map(cells)).write(to: URL(fileURLWithPath: path))
        }
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
            "keywords": ["water treatment", "membranes", "desalination"], "source": "bench", "expiresOn": "2099-12-31",
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
