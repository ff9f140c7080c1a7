import ArgumentParser
import Foundation
import GRDB
import Shared

/// `lingyan-bench matching-quality`: nDCG@10 and recall@20 of `matches.partners` on a labelled set, per language,
/// beside a plain FTS5 BM25 ranking of the same profiles for the same texts.
struct MatchingQualityBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matching-quality",
        abstract: "nDCG@10 and recall@20 per language on a labelled set, Lingyan beside plain FTS5 BM25.")

    @Option(help: "The labelled set: a directory with profiles.jsonl and needs.json.")
    var set = "Tests/Fixtures/matching-eval"

    @Option(help: "Directory of the executables to measure (default: beside lingyan-bench).")
    var binDir: String?

    @Flag(help: "Print each need's top results.")
    var verbose = false

    struct LabelledNeed: Decodable {
        var language: String
        var technicalArea: String
        var description: String
        /// externalId → grade (2 relevant, 1 partly relevant).
        var relevant: [String: Int]
    }

    func run() async throws {
        printLineByLine()
        let profilesText = try String(contentsOfFile: "\(self.set)/profiles.jsonl", encoding: .utf8)
        let needs = try JSONDecoder().decode([LabelledNeed].self, from: Data(contentsOf: URL(fileURLWithPath: "\(self.set)/needs.json")))
        let profiles = profilesText.split(separator: "\n").compactMap { try? JSONReader.read(Array($0.utf8)) }

        let directory = productDirectory(self.binDir)
        let home = try scratchHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let registry = try spawn("\(directory)/lingyan-registry", home: home, log: "\(home)/registry.log")
        defer { stop(registry) }
        let matching = try spawn("\(directory)/lingyan-matching", home: home, log: "\(home)/matching.log")
        defer { stop(matching) }
        let registryClient = try await RPCClient.connect(socketPath: "\(home)/run/registry.sock", retryingFor: .seconds(10))
        let client = try await RPCClient.connect(socketPath: "\(home)/run/matching.sock", retryingFor: .seconds(10))
        let imported = try await registryClient.call(
            RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: profilesText))
        let last = String(format: "P-%06d", imported.accepted)
        while (try? await client.call(MatchingInterface.Forms.self, .init(partnerId: last, limit: 1))) == nil {
            try await Task.sleep(for: .milliseconds(50))
        }

        // The baseline: the same profiles, raw, in FTS5 with its default tokenizer, queried with the need's words.
        let baseline = try DatabaseQueue()
        try await baseline.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE p USING fts5(externalId UNINDEXED, text)")
            for profile in profiles {
                let text = [profile["name"], profile["expertise"]].compactMap { $0?.stringValue }.joined(separator: " ")
                try db.execute(sql: "INSERT INTO p VALUES (?, ?)", arguments: [profile["externalId"]?.stringValue, text])
            }
        }

        var scores: [String: [(lingyanNDCG: Double, lingyanRecall: Double, bm25NDCG: Double, bm25Recall: Double)]] = [:]
        for need in needs {
            let form = Self.form(need)
            let result = try await client.call(MatchingInterface.Partners.self, .init(form: form, limit: 20))
            let ours = result.results.compactMap(\.externalId)
            let text = need.technicalArea + " " + need.description
            let tokens = text.split { !$0.isLetter && !$0.isNumber }.map { "\"\($0)\"" }
            let theirs: [String] = try await baseline.read { db in
                guard !tokens.isEmpty else { return [] }
                return try String.fetchAll(
                    db, sql: "SELECT externalId FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 20",
                    arguments: [tokens.joined(separator: " OR ")])
            }
            scores[need.language, default: []].append((
                Self.ndcg(ours, need.relevant, at: 10), Self.recall(ours, need.relevant, at: 20),
                Self.ndcg(theirs, need.relevant, at: 10), Self.recall(theirs, need.relevant, at: 20)))
            if self.verbose {
                print("[\(need.language)] \(need.technicalArea): \(ours.prefix(5).map { "\($0)(\(need.relevant[$0] ?? 0))" }.joined(separator: " "))")
            }
        }
        print("\(profiles.count) profiles, \(needs.count) needs (\(needs.filter { $0.language == "zh" }.count) Chinese, \(needs.filter { $0.language == "en" }.count) English); relevance graded 2 / 1")
        print("")
        print("language  needs   Lingyan nDCG@10  recall@20   FTS5 BM25 nDCG@10  recall@20")
        for language in scores.keys.sorted().reversed() + ["all"] {
            let rows = language == "all" ? scores.values.flatMap { $0 } : scores[language]!
            func mean(_ pick: ((lingyanNDCG: Double, lingyanRecall: Double, bm25NDCG: Double, bm25Recall: Double)) -> Double) -> String {
                String(format: "%.3f", rows.map(pick).reduce(0, +) / Double(max(1, rows.count)))
            }
            print("\(language.padding(toLength: 8, withPad: " ", startingAt: 0))  \(String(rows.count).padding(toLength: 6, withPad: " ", startingAt: 0))  "
                + "\(mean { $0.lingyanNDCG })            \(mean { $0.lingyanRecall })       \(mean { $0.bm25NDCG })              \(mean { $0.bm25Recall })")
        }
        await client.close()
        await registryClient.close()
    }

    static func ndcg(_ ranked: [String], _ relevant: [String: Int], at k: Int) -> Double {
        func dcg(_ grades: [Int]) -> Double {
            grades.prefix(k).enumerated().reduce(0) { total, item in
                total + (pow(2, Double(item.element)) - 1) / log2(Double(item.offset) + 2)
            }
        }
        let ideal = dcg(relevant.values.sorted(by: >))
        return ideal > 0 ? dcg(ranked.map { relevant[$0] ?? 0 }) / ideal : 0
    }

    static func recall(_ ranked: [String], _ relevant: [String: Int], at k: Int) -> Double {
        guard !relevant.isEmpty else { return 0 }
        return Double(ranked.prefix(k).filter { relevant[$0] != nil }.count) / Double(relevant.count)
    }

    static func form(_ need: LabelledNeed) -> PartnerSearchForm {
        PartnerSearchForm(
            organization: OrganizationDetails(
                nameZh: "杭州示例科技有限公司", nameEn: "Hangzhou Example Technology", address: "杭州市西湖区",
                website: "https://www.example.cn", businessAndProducts: "", comments: nil, uscc: "91330100799655058B",
                city: "杭州"),
            contact: ContactPerson(name: "张伟", position: nil, phone: "13812345678", email: "zhang.wei@example.cn"),
            project: ProjectDetails(technicalArea: need.technicalArea, description: need.description),
            partner: PartnerWanted(countries: [], expertiseSought: "", contributionSought: ""))
    }
}
