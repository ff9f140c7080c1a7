import ArgumentParser
import Foundation
import NIOCore
import Shared

/// `lingyan-bench matching`: `matches.partners` latency with 10,000 and 100,000 profiles, the feed lag from an
/// acknowledged import to a matchable profile, the index build rate and the database size.
struct MatchingBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matching",
        abstract: "matches.partners p50/p99 by index size, feed lag p99, index build rate, database size.")

    @Option(help: "Index sizes, comma-separated.")
    var profiles = "10000,100000"

    @Option(help: "Seconds of queries at each size.")
    var seconds = 5.0

    @Option(help: "Directory of the executables to measure (default: beside lingyan-bench).")
    var binDir: String?

    @Flag(help: "Keep the scratch LINGYAN_HOME (printed) with its index, to examine it afterwards.")
    var keep = false

    @Option(help: "Measure on this LINGYAN_HOME (one kept by --keep) instead of a new one; its profiles count.")
    var home: String?

    func run() async throws {
        printLineByLine()
        let sizes = self.profiles.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.sorted()
        let directory = productDirectory(self.binDir)
        let home = try self.home ?? scratchHome()
        defer {
            if self.keep || self.home != nil { print("kept \(home)") } else { try? FileManager.default.removeItem(atPath: home) }
        }
        let registry = try spawn("\(directory)/lingyan-registry", home: home, log: "\(home)/registry.log")
        defer { stop(registry) }
        let matching = try spawn("\(directory)/lingyan-matching", home: home, log: "\(home)/matching.log")
        defer { stop(matching) }
        let registryClient = try await RPCClient.connect(socketPath: "\(home)/run/registry.sock", retryingFor: .seconds(10))
        let matchingClient = try await RPCClient.connect(socketPath: "\(home)/run/matching.sock", retryingFor: .seconds(10))
        print("\(System.coreCount) cores; generated profiles in English (4 in 5) and Chinese (1 in 5)")
        print("")

        var generator = ProfileGenerator()
        var indexed = try await matchingClient.call(MatchingInterface.IndexStatus.self).documents["partner"] ?? 0
        // Profiles of a kept home are the generator's first ones: continue after them.
        for _ in 0..<indexed { _ = generator.next() }
        for size in sizes {
            // Import up to `size`, in frames of 1,000 lines, and time until the last one is matchable.
            let previous = indexed
            let started = ContinuousClock.now
            while indexed < size {
                let count = min(1_000, size - indexed)
                let lines = (0..<count).map { _ in generator.next() }.joined(separator: "\n")
                _ = try await registryClient.call(
                    RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: lines), timeout: .seconds(300))
                indexed += count
            }
            while try await (matchingClient.call(MatchingInterface.IndexStatus.self).documents["partner"] ?? 0) < indexed {
                try await Task.sleep(for: .milliseconds(20))
            }
            let buildSeconds = (ContinuousClock.now - started).seconds
            let latencies = try await self.queryLatencies(matchingClient)
            let sizeBytes = ["", "-wal"].reduce(0) { total, suffix in
                total + ((try? FileManager.default.attributesOfItem(atPath: "\(home)/data/matching.sqlite\(suffix)")[.size] as? Int) ?? 0)
            }
            let rate = indexed > previous ? "import + index \(Int(Double(indexed - previous) / buildSeconds)) profiles/s; " : ""
            print("\(size) profiles: \(rate)"
                + "matches.partners p50 \(micros(latencies.p50)), p99 \(micros(latencies.p99)) (\(latencies.count) queries); "
                + "matching.sqlite \(sizeBytes / 1_048_576) MiB (\(String(format: "%.1f", Double(sizeBytes) / Double(size) * 100_000 / 1_048_576)) MiB per 100,000)")
        }

        // Feed lag: one profile at a time, from the import's answer to the profile being matchable.
        var lags: [UInt64] = []
        for _ in 0..<100 {
            let line = generator.next()
            let result = try await registryClient.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: line))
            let acknowledged = ContinuousClock.now
            indexed += result.accepted
            // Matchable once the index has applied the registry's feed up to the import's event.
            let head = try await registryClient.call(CommonInterface.Health.self).feedHead ?? 0
            while try await matchingClient.call(MatchingInterface.IndexStatus.self).registryCursor < head {
                try await Task.sleep(for: .milliseconds(1))
            }
            let lag = ContinuousClock.now - acknowledged
            lags.append(UInt64(lag.components.seconds) * 1_000_000_000 + UInt64(lag.components.attoseconds / 1_000_000_000))
        }
        lags.sort()
        print("feed lag (import acknowledged → matchable, 100 single imports): p50 \(micros(percentile(lags, 0.5))), p99 \(micros(percentile(lags, 0.99)))")
        await registryClient.close()
        await matchingClient.close()
    }

    /// Closed-loop `matches.partners` for inline needs in both languages for `seconds`.
    private func queryLatencies(_ client: RPCClient) async throws -> (p50: UInt64, p99: UInt64, count: Int) {
        let needs = ProfileGenerator.needs
        var samples: [UInt64] = []
        let end = ContinuousClock.now + .milliseconds(Int(self.seconds * 1_000))
        var index = 0
        while ContinuousClock.now < end {
            let form = needs[index % needs.count]
            index += 1
            let started = ContinuousClock.now
            _ = try await client.call(MatchingInterface.Partners.self, .init(form: form, limit: 20))
            let elapsed = ContinuousClock.now - started
            samples.append(UInt64(elapsed.components.seconds) * 1_000_000_000 + UInt64(elapsed.components.attoseconds / 1_000_000_000))
        }
        // The slowest needs, to see what a query costs.
        var byNeed: [Int: [UInt64]] = [:]
        for (number, sample) in samples.enumerated() { byNeed[number % needs.count, default: []].append(sample) }
        let slowest = byNeed.map { ($0.key, $0.value.sorted()[$0.value.count / 2]) }.sorted { $0.1 > $1.1 }.prefix(3)
        print("  slowest needs (median): " + slowest.map { "\(needs[$0.0].project.technicalArea) \(micros($0.1))" }.joined(separator: ", "))
        samples.sort()
        return (percentile(samples, 0.5), percentile(samples, 0.99), samples.count)
    }
}

/// Partner profiles of realistic length and wording, from a fixed seed.
struct ProfileGenerator {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    private mutating func random(_ bound: Int) -> Int {
        // xorshift64*: the same profiles on every run.
        self.state ^= self.state >> 12
        self.state ^= self.state << 25
        self.state ^= self.state >> 27
        return Int((self.state &* 0x2545_F491_4F6C_DD1D) >> 33) % bound
    }

    private var number = 0

    static let fieldsEn = [
        "reverse osmosis membranes", "seawater desalination", "industrial wastewater treatment", "water purification",
        "lithium-ion batteries", "battery management systems", "grid energy storage", "hydrogen fuel cells",
        "offshore wind turbines", "solar photovoltaics", "heat pumps", "smart grids", "carbon capture",
        "plastics recycling", "battery recycling", "bioplastics", "composite materials", "graphene", "technical textiles",
        "medical imaging", "in vitro diagnostics", "digital health", "elderly care", "drug discovery", "vaccines",
        "machine learning", "computer vision", "cybersecurity", "industrial IoT", "cloud computing", "sensors",
        "industrial robots", "precision machining", "additive manufacturing", "agricultural machinery",
        "aquaculture", "food processing", "precision agriculture", "smart city platforms", "green buildings",
        "fintech payments", "video games", "virtual reality", "logistics software", "autonomous driving",
    ]
    static let fieldsZh = [
        "反渗透膜", "海水淡化", "工业废水处理", "锂电池", "储能系统", "氢燃料电池", "海上风电", "光伏", "热泵", "碳捕集",
        "塑料回收", "复合材料", "石墨烯", "医学影像", "体外诊断", "远程医疗", "智慧养老", "新药研发", "机器学习", "机器视觉",
        "网络安全", "工业机器人", "数控机床", "3D打印", "农业机械", "水产养殖", "食品加工", "智慧城市", "绿色建筑", "金融科技",
    ]
    static let countries = [("FI", nil), ("IL", nil), ("NO", nil), ("SG", nil), ("BE", "West-Vlaanderen"), ("GB", "Warwickshire"), ("GB", "Leicestershire")] as [(String, String?)]

    mutating func next() -> String {
        self.number += 1
        let (country, region) = Self.countries[self.random(Self.countries.count)]
        let chinese = self.random(5) == 0
        let expertise: String
        if chinese {
            let a = Self.fieldsZh[self.random(Self.fieldsZh.count)]
            let b = Self.fieldsZh[self.random(Self.fieldsZh.count)]
            expertise = "本机构长期从事\(a)与\(b)的研发，拥有中试平台和国际合作经验，可提供技术许可、联合开发和人员培训，希望与中国企业在\(a)领域开展产业化合作。"
        } else {
            let a = Self.fieldsEn[self.random(Self.fieldsEn.count)]
            let b = Self.fieldsEn[self.random(Self.fieldsEn.count)]
            let c = Self.fieldsEn[self.random(Self.fieldsEn.count)]
            expertise = "We develop \(a) and \(b) for industrial customers, with pilot lines and field deployments in Europe and Asia. "
                + "Our team of engineers and researchers also works on \(c), and offers joint development, licensing and testing. "
                + "We are looking for manufacturing partners in China to scale up production."
        }
        var profile: [String: JSONValue] = [
            "externalId": .string("bench-\(self.number)"), "name": .string("Partner \(self.number) \(chinese ? "研究院" : "Ltd")"),
            "country": .string(country), "kind": "company", "expertise": .string(expertise), "source": "bench",
        ]
        if let region { profile["region"] = .string(region) }
        return (try? LingyanJSON.string(JSONValue.object(profile))) ?? "{}"
    }

    /// Needs as enterprises write them, in both languages.
    static let needs: [PartnerSearchForm] = {
        let texts: [(String, String, [String])] = [
            ("水处理", "开发适用于工业废水回用的抗污染反渗透膜组件，并开展海水淡化中试", ["IL", "FI"]),
            ("储能", "开发用于电网储能的锂电池系统和电池管理系统", ["FI", "NO"]),
            ("医疗器械", "基于人工智能的医学影像辅助诊断设备", ["IL", "SG"]),
            ("新材料", "汽车轻量化复合材料与碳纤维部件", ["GB", "BE"]),
            ("智能制造", "工业机器人与机器视觉在柔性装配线中的应用", []),
            ("Water treatment", "Anti-fouling reverse osmosis membranes for industrial wastewater reuse", ["IL"]),
            ("Energy storage", "Li-ion battery packs and BMS for grid storage", ["FI"]),
            ("Aquaculture", "Recirculating aquaculture systems and fish health monitoring", ["NO"]),
            ("Digital health", "Remote monitoring platform for elderly care", ["SG", "FI"]),
            ("Circular economy", "Recycling of textiles and plastics into new materials", ["BE"]),
        ]
        return texts.map { area, description, countries in
            PartnerSearchForm(
                organization: OrganizationDetails(
                    nameZh: "杭州示例科技有限公司", nameEn: "Hangzhou Example Technology", address: "杭州市西湖区",
                    website: "https://www.example.cn", businessAndProducts: area, comments: nil,
                    uscc: "91330100799655058B", city: "杭州"),
                contact: ContactPerson(name: "张伟", position: nil, phone: "13812345678", email: "zhang.wei@example.cn"),
                project: ProjectDetails(technicalArea: area, description: description),
                partner: PartnerWanted(countries: countries, expertiseSought: description, contributionSought: "联合开发"))
        }
    }()
}
