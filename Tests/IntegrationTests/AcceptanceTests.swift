import AuditKit
import Foundation
import GRDB
import Shared
import Testing
import TestSupport

/// The whole flow as staff and enterprises meet it, through `deploy/demo`: the deploy scripts start all four
/// executables, the CLI does every step, and afterwards the kept home is examined from outside.
@Suite("Acceptance", .serialized)
struct AcceptanceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The demo's contact person: neither value may appear in a log, an event or an audit line.
    static let canaries = ["0571-8888 1234", "wang.fang@qingyuan-membrane.example.cn", "wang.fang"]

    @Test("deploy/demo: import, submit in Chinese, return, resubmit, publish, rank, alert, mail, check, introduce, seal, verify, stop")
    func demoFlow() async throws {
        let home = try TestHome()
        defer { home.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["LINGYAN_DEMO_HOME"] = home.path
        environment["LINGYAN_BIN"] = BuiltProducts.directory
        environment["LINGYAN_HOME"] = nil
        let run = try CLIRun.run(["\(Self.root)/deploy/demo", "--keep"], environment: environment)
        let output = run.standardOutput
        #expect(run.status == 0, "\(output.suffix(3_000))\(run.standardError.suffix(2_000))")
        for step in 1...14 { #expect(output.contains("== \(step). "), "step \(step) ran") }
        #expect(output.contains("F-2024-000001: returned (revision 2)"))
        #expect(output.contains("F-2024-000001: published (revision 4)"))
        // Programme fit: Israel first; partners: Israeli water organisations found for a Chinese need.
        let programmes = try #require(output.range(of: "CALL ")).upperBound
        #expect(output[programmes...].split(separator: "\n").dropFirst().first?.hasPrefix("2025-IL") == true)
        #expect(output.contains("Technion Water Lab") && output.contains("BlueBrine Technologies"))
        #expect(output.contains("shared fields: desalination, membranes"))
        #expect(output.contains("eligible"))
        #expect(output.contains("I-000001: accepted (revision 3)"))
        #expect(output.contains("no problem found"))
        #expect(output.contains("Lingyan is stopped."))

        // Every service stopped with SIGTERM: no socket, no process left.
        for service in ServiceName.allCases {
            #expect(!FileManager.default.fileExists(atPath: home.socket(service.rawValue)), "\(service) socket removed")
        }
        let log = try String(contentsOfFile: "\(home.path)/logs/supervisor.log", encoding: .utf8)
        #expect(log.contains("all services stopped"))
        #expect(!log.contains("restarting"), "no service crashed during the demo")

        // The Maildir, parsed back: receipt (contact and staff), return with its reason, publication, match alerts.
        let maildir = "\(home.path)/mail/Maildir/new"
        let messages = try FileManager.default.contentsOfDirectory(atPath: maildir).map {
            try ParsedMessage(Data(contentsOf: URL(fileURLWithPath: "\(maildir)/\($0)")))
        }
        let byTrigger = Dictionary(grouping: messages) { $0.headers["X-Lingyan-Trigger"] ?? "" }
        #expect(byTrigger["form_received"]?.count == 2)
        #expect(byTrigger["form_returned"]?.first?.body.contains("请补充技术路线") == true)
        #expect(byTrigger["form_published"]?.first?.body.contains("已审核通过并发布") == true)
        let matches = byTrigger["match_found"] ?? []
        #expect(matches.allSatisfy { $0.body.contains("领域：") && $0.body.contains("Fields in common") })
        // Staff hear of every proposed pair; the enterprise only of the one staff approved, with the note.
        let toEnterprise = matches.filter { $0.headers["To"]?.contains("zjstec") == false }
        #expect(toEnterprise.count == 1 && matches.count >= 2, "\(matches.map { $0.headers["To"] ?? "" })")
        #expect(toEnterprise.first?.body.contains("服务中心说明：对方曾与浙江企业合作开发膜组件") == true)
        #expect(toEnterprise.allSatisfy { !$0.body.contains("Score") && !$0.body.contains("lingyan ") }, "no score or command for the enterprise")
        #expect(messages.allSatisfy { $0.headers["To"] != nil && $0.headers["Message-ID"]?.hasSuffix("@lingyan>") == true })

        // Offline verification of the sealed record, with the services gone.
        let verified = try CLIRun.lingyan(["audit", "verify", "--dir", "\(home.path)/audit/archive"], home: home)
        #expect(verified.status == 0, "\(verified.standardOutput)\(verified.standardError)")

        // The contact person's phone and e-mail appear in no log, no service's events and no audit line.
        var places: [(String, String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: "\(home.path)/logs") {
            places.append(("logs/\(name)", try String(contentsOfFile: "\(home.path)/logs/\(name)", encoding: .utf8)))
        }
        for service in ServiceName.allCases {
            let queue = try DatabaseQueue(path: "\(home.path)/data/\(service.rawValue).sqlite")
            // The audit service keeps lines, not a feed of its own.
            let events = try await queue.read { db in
                try db.tableExists("events")
                    ? String.fetchAll(db, sql: "SELECT type || ' ' || entity || ' ' || actor || ' ' || data FROM events") : []
            }
            places.append(("\(service) events", events.joined(separator: "\n")))
        }
        let archive = "\(home.path)/audit/archive"
        for name in try FileManager.default.contentsOfDirectory(atPath: archive) where name.hasSuffix(".gz") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(archive)/\(name)")))
            places.append(("audit \(name)", String(decoding: try Gzip.decompress(bytes), as: UTF8.self)))
        }
        #expect(places.count >= 8)
        for (place, text) in places {
            for canary in Self.canaries { #expect(!text.contains(canary), "\(canary) found in \(place)") }
        }
    }
}
