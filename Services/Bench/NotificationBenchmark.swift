import ArgumentParser
import Crypto
import Foundation
import GRDB
import NIOCore
import Shared

/// `lingyan-bench notification`: messages delivered per second into the Maildir from a burst of outbox rows; letters
/// per second written from a burst of registry events (each letter rendered from its template, to the contact and
/// to staff); and the time from an acknowledged `forms.submit` (its `form.submitted` event committed) to the
/// receipt in `new/`.
struct NotificationBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notification",
        abstract: "Maildir deliveries/s from a burst of outbox rows; p50/p99 from form.submitted to the file in new/.")

    @Option(help: "Outbox rows in the burst.")
    var burst = 10_000

    @Option(help: "Forms submitted one at a time for the latency figure.")
    var forms = 300

    @Option(help: "Forms submitted while the notifier is stopped, for the letters/s figure (two letters each).")
    var letters = 5_000

    @Option(help: "Directory of the executables to measure (default: beside lingyan-bench).")
    var binDir: String?

    func run() async throws {
        printLineByLine()
        let directory = productDirectory(self.binDir)
        print("\(System.coreCount) cores; Maildir on \(NSTemporaryDirectory()); every message fsynced, then new/ fsynced")
        try await self.measureBurst(directory: directory)
        try await self.measureLetters(directory: directory)
        try await self.measureLatency(directory: directory)
    }

    /// Fills the outbox of a stopped notifier with `burst` due rows, starts it, and times until all are in `new/`.
    private func measureBurst(directory: String) async throws {
        let home = try scratchHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        // One start creates the database and the Maildir; the rows go in while the service is stopped.
        var notifier = try spawn("\(directory)/lingyan-notification", home: home, log: "\(home)/notification.log")
        _ = try await RPCClient.connect(socketPath: "\(home)/run/notification.sock", retryingFor: .seconds(10))
        stop(notifier)
        let now = Timestamp.string(from: Date())
        let queue = try DatabaseQueue(path: "\(home)/data/notification.sqlite")
        let bytes = try await queue.write { db in
            var bytes = 0
            for number in 0..<self.burst {
                let key = "bench:\(number):contact"
                let message = Self.message(number: number, key: key)
                bytes += message.count
                try db.execute(
                    sql: """
                        INSERT INTO outbox (dedupKey, trigger, recipient, formId, subject, message, messageId, state,
                                            attempts, nextAttemptAt, createdAt)
                        VALUES (?, 'form_received', ?, ?, ?, ?, ?, 'pending', 0, ?, ?)
                        """,
                    arguments: [
                        key, "contact-\(number)@example.cn", "ZJ-2025-\(number)", "表单已收到 / Form received",
                        Data(message), "<\(Self.token(key))@lingyan>", now, now,
                    ])
            }
            return bytes
        }
        try queue.close()
        let new = "\(home)/mail/Maildir/new"
        let started = ContinuousClock.now
        notifier = try spawn("\(directory)/lingyan-notification", home: home, log: "\(home)/notification.log")
        defer { stop(notifier) }
        // Each delivery is recorded with one `notification.sent` event after its file is in new/: the burst is done
        // when the feed holds `burst` events. (Listing new/ while it fills would contend with the renames.)
        let client = try await RPCClient.connect(socketPath: "\(home)/run/notification.sock", retryingFor: .seconds(10))
        while try await client.call(FeedInterface.Read.self, .init(after: Int64(self.burst - 1), limit: 1)).events.isEmpty {
            try await Task.sleep(for: .milliseconds(5))
            if ContinuousClock.now - started > .seconds(600) { break }
        }
        await client.close()
        let delivered = (try? FileManager.default.contentsOfDirectory(atPath: new).count) ?? 0
        let seconds = (ContinuousClock.now - started).seconds
        print("burst: \(delivered) of \(self.burst) messages (\(bytes / self.burst) bytes each) in \(String(format: "%.2f", seconds)) s "
            + "from start-up = \(Int(Double(delivered) / seconds)) messages/s")
    }

    /// Forms submitted while the notifier is stopped; then the notifier starts and turns their events into letters
    /// (a receipt to the contact, a letter to staff), each built from its template and delivered.
    private func measureLetters(directory: String) async throws {
        let home = try scratchHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = ["LINGYAN_STAFF_EMAILS": "desk@zjstec.example.cn"]
        let registry = try spawn("\(directory)/lingyan-registry", home: home, log: "\(home)/registry.log", environment: environment)
        defer { stop(registry) }
        let client = try await RPCClient.connect(socketPath: "\(home)/run/registry.sock", retryingFor: .seconds(10))
        let form = RegistryBenchmark.sampleForm
        for _ in 0..<self.letters { _ = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: form)) }
        await client.close()
        let expected = 2 * self.letters
        let started = ContinuousClock.now
        let notifier = try spawn("\(directory)/lingyan-notification", home: home, log: "\(home)/notification.log", environment: environment)
        defer { stop(notifier) }
        let outbox = try await RPCClient.connect(socketPath: "\(home)/run/notification.sock", retryingFor: .seconds(10))
        while try await outbox.call(FeedInterface.Read.self, .init(after: Int64(expected - 1), limit: 1)).events.isEmpty {
            try await Task.sleep(for: .milliseconds(5))
            if ContinuousClock.now - started > .seconds(600) { break }
        }
        await outbox.close()
        let delivered = (try? FileManager.default.contentsOfDirectory(atPath: "\(home)/mail/Maildir/new").count) ?? 0
        let seconds = (ContinuousClock.now - started).seconds
        print("letters: \(delivered) of \(expected) from \(self.letters) form.submitted events in \(String(format: "%.2f", seconds)) s "
            + "from start-up = \(Int(Double(delivered) / seconds)) letters/s")
    }

    /// Forms submitted one at a time; for each, the time from the acknowledgement to its receipt appearing in `new/`.
    private func measureLatency(directory: String) async throws {
        let home = try scratchHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let registry = try spawn("\(directory)/lingyan-registry", home: home, log: "\(home)/registry.log")
        defer { stop(registry) }
        let notifier = try spawn("\(directory)/lingyan-notification", home: home, log: "\(home)/notification.log")
        defer { stop(notifier) }
        let client = try await RPCClient.connect(socketPath: "\(home)/run/registry.sock", retryingFor: .seconds(10))
        _ = try await RPCClient.connect(socketPath: "\(home)/run/notification.sock", retryingFor: .seconds(10))
        let form = RegistryBenchmark.sampleForm
        var samples: [UInt64] = []
        for _ in 0..<self.forms {
            let submitted = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: form))
            let acknowledged = ContinuousClock.now
            let file = "\(home)/mail/Maildir/new/\(Self.token("form.submitted:\(submitted.id):contact")).lingyan"
            while access(file, F_OK) != 0 {
                if ContinuousClock.now - acknowledged > .seconds(10) { throw ValidationError("no receipt for \(submitted.id)") }
                try await Task.sleep(for: .microseconds(200))
            }
            let elapsed = ContinuousClock.now - acknowledged
            samples.append(UInt64(elapsed.components.seconds) * 1_000_000_000 + UInt64(elapsed.components.attoseconds / 1_000_000_000))
        }
        samples.sort()
        print("form.submitted → receipt in new/: \(samples.count) forms, p50 \(micros(percentile(samples, 0.5))), "
            + "p99 \(micros(percentile(samples, 0.99))), max \(micros(samples.last ?? 0))")
        await client.close()
    }

    /// The Maildir file name and Message-ID token of a dedup key, as the notifier derives them.
    private static func token(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// A receipt of the size and shape the notifier writes: headers, a bilingual base64 body.
    private static func message(number: Int, key: String) -> [UInt8] {
        let body = """
            杭州示例水务科技有限公司：

            您提交的国际科技合作需求信息表（ZJ-2025-\(number)）已收到，我们将尽快审核。
            技术领域：水处理

            ----------------------------------------

            Hangzhou Example Water Technology Co., Ltd.:

            Your partner search form ZJ-2025-\(number) has been received and will be reviewed shortly.
            Technical area: 水处理

            """
        let encoded = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let text = [
            "From: Lingyan <lingyan@localhost>", "To: contact-\(number)@example.cn",
            "Subject: =?UTF-8?B?6KGo5Y2V5bey5pS25YiwIC8gRm9ybSByZWNlaXZlZA==?=", "Date: Mon, 30 Nov 2026 08:00:00 +0800",
            "Message-ID: <\(Self.token(key))@lingyan>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64", "", encoded, "",
        ].joined(separator: "\r\n")
        return Array(text.utf8)
    }
}
