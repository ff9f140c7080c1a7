import Foundation
import Shared
import Testing
import TestSupport

/// Partner profiles as real sources send them, through real processes and the CLI: CORDIS kinds and NUTS codes,
/// the sender's own headers, Excel sheets, contacts, withdrawal and expiry.
@Suite("Partner sources", .serialized)
struct PartnerSourceTests {
    private func allPartners(_ client: RPCClient) async throws -> [StoredPartner] {
        var partners: [StoredPartner] = []
        var after: String? = nil
        repeat {
            let page = try await client.call(RegistryInterface.PartnersList.self, .init(limit: 1000, after: after))
            partners += page.partners
            after = page.next
        } while after != nil
        return partners
    }

    @Test(
        "the 4,302 real profiles of the development set import as they are, none refused; re-imported, none duplicated",
        .enabled(if: TestData.matchingDevelopmentSet != nil, "../shared/matching-dev is not beside this checkout"))
    func realProfiles() async throws {
        let file = try #require(TestData.matchingDevelopmentSet) + "/partners.jsonl"
        try await withServices([.registry]) { home in
            let first = try CLIRun.lingyan(["partners", "import", file], home: home)
            #expect(first.status == 0, "\(first.standardOutput)")
            #expect(first.standardOutput.contains("4302 lines accepted (4302 new, 0 updated), 0 rejected"), "\(first.standardOutput)")
            let again = try CLIRun.lingyan(["partners", "import", file], home: home)
            #expect(again.standardOutput.contains("4302 lines accepted (0 new, 0 updated), 0 rejected"), "\(again.standardOutput)")
            let client = try await RPCClient.connect(socketPath: home.socket("registry"))
            let partners = try await self.allPartners(client)
            await client.close()
            #expect(partners.count == 4302)
            #expect(Set(partners.map(\.profile.kind)) == ["company", "university", "institute", "public", "other"])
            let mtc = try #require(partners.first { $0.profile.externalId == "HE-959490342" })
            #expect(mtc.profile.city == "Coventry" && mtc.profile.nutsCode == "UKG13")
            #expect(mtc.profile.region == "Warwickshire", "the code, not the town, places the Manufacturing Technology Centre")
            let birmingham = try #require(partners.first { $0.profile.externalId == "HE-999907526" })
            #expect(birmingham.profile.region == "West Midlands")
        }
    }

    /// Profiles written the way CORDIS and an agency's export write them.
    private static let cordisLines = [
        #"{"externalId":"HE-1","name":"THE MANUFACTURING TECHNOLOGY CENTRE LIMITED","country":"GB","city":"Coventry","region":"West Midlands","kind":"REC","expertise":"Digital manufacturing, additive manufacturing and automated composite layup","keywords":["manufacturing engineering","composites"],"nutsCode":"UKG13"}"#,
        #"{"externalId":"HE-2","name":"THE UNIVERSITY OF BIRMINGHAM","country":"GB","city":"Birmingham","region":"West Midlands","kind":"HES","expertise":"Composite materials and advanced manufacturing research","keywords":["composites"],"nutsCode":"UKG31"}"#,
        #"{"externalId":"HE-3","name":"POM WEST-VLAANDEREN","country":"BE","city":"Brugge","kind":"PUB","expertise":"Regional development agency for blue energy and food processing","nutsCode":"BE251"}"#,
        #"{"externalId":"HE-4","name":"Flanders Make Kortrijk","country":"BE","city":"Kortrijk","kind":"OTH","expertise":"Cluster for mechatronics and smart production"}"#,
        #"{"externalId":"HE-5","name":"Lunar Ventures","country":"FI","kind":"spaceship","expertise":"Space mining"}"#,
    ]

    @Test("CORDIS kinds and NUTS codes: MTC eligible for the UK call and Birmingham not, West Flanders by code and by town; source given once")
    func cordisKindsAndNUTS() async throws {
        try await withServices([.registry]) { home in
            let file = "\(home.path)/cordis.jsonl"
            try Self.cordisLines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let run = try CLIRun.lingyan(["partners", "import", file, "--source", "CORDIS-HE"], home: home)
            #expect(run.status == 65)
            #expect(run.standardOutput.contains("4 lines accepted"), "\(run.standardOutput)")
            #expect(run.standardOutput.contains("line 5: kind"), "\(run.standardOutput)")
            #expect(run.standardOutput.contains("public (public bodies) or other"), "the accepted kinds are named")

            let client = try await RPCClient.connect(socketPath: home.socket("registry"))
            let partners = try await self.allPartners(client)
            #expect(partners.allSatisfy { $0.profile.source == "CORDIS-HE" })
            func profile(_ id: String) throws -> PartnerProfile { try #require(partners.first { $0.profile.externalId == id }).profile }
            #expect(try profile("HE-1").region == "Warwickshire" && profile("HE-1").kind == "institute")
            #expect(try profile("HE-2").region == "West Midlands" && profile("HE-2").kind == "university")
            #expect(try profile("HE-3").region == "West Flanders" && profile("HE-3").kind == "public")
            #expect(try profile("HE-4").region == "West Flanders" && profile("HE-4").kind == "other")

            // The same partners planned for the calls: the code decides, and the finding says so.
            func check(_ call: String, _ partner: PartnerProfile) async throws -> [RegistryInterface.Finding] {
                try await client.call(RegistryInterface.ApplicationsCheck.self, .init(
                    callId: call, leadOrganization: .init(kind: "zj_enterprise", uscc: "91330100799655058B", name: "杭州示例"),
                    partner: .init(name: partner.name, country: partner.country, region: partner.region, city: partner.city,
                                   kind: partner.kind, nutsCode: partner.nutsCode),
                    durationMonths: 36, requestedFundingRmb: 1_000_000, rdSpendRmb: 10_000_000, participants: [],
                    cooperationBase: true, ipAgreementSigned: true)).findings
            }
            let mtc = try await check("2025-GB-MIDLANDS", try profile("HE-1")).filter { $0.rule == "partner_in_midlands_county" }
            #expect(mtc.allSatisfy { $0.severity != "error" }, "\(mtc)")
            #expect(mtc.contains { $0.messageEn.contains("UKG13") && $0.messageEn.contains("code was used") }, "\(mtc)")
            let brum = try await check("2025-GB-MIDLANDS", try profile("HE-2")).filter { $0.rule == "partner_in_midlands_county" }
            #expect(brum.map(\.severity) == ["error"] && brum[0].messageEn.contains("UKG31"), "\(brum)")
            #expect(try await check("2025-BE-VWV", try profile("HE-3")).allSatisfy { $0.rule != "partner_region" })
            #expect(try await check("2025-BE-VWV", try profile("HE-4")).allSatisfy { $0.rule != "partner_region" })

            // An introduction of a partner the UK call cannot take is warned about as it is proposed; MTC is not.
            let form = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form(countries: ["GB"]))).id
            let brumId = try #require(partners.first { $0.profile.externalId == "HE-2" }?.id)
            let mtcId = try #require(partners.first { $0.profile.externalId == "HE-1" }?.id)
            let warned = try CLIRun.lingyan(["intro", "create", form, brumId], home: home)
            #expect(warned.status == 0 && warned.standardError.contains("2025-GB-MIDLANDS") && warned.standardError.contains("UKG31"), "\(warned.standardError)")
            let clear = try await client.call(RegistryInterface.IntroductionsCreate.self, .init(formId: form, partnerId: mtcId))
            #expect(clear.warnings?.filter { $0.severity == "error" }.isEmpty == true, "\(clear.warnings ?? [])")
            await client.close()
        }
    }

    @Test("a CSV with the sender's own headers: recognised in English and Chinese, mapped with --map, shown by the dry run, bad cells named with their header")
    func foreignHeaders() async throws {
        try await withServices([.registry]) { home in
            let file = "\(home.path)/agency.csv"
            try """
                Ref,Organisation name,Land,Typ,"Beschreibung",电子邮件,Notes
                BF-1,Aqua Membranes Oy,Finland,SME,"Reverse osmosis membranes
                for industrial water reuse",aino@aqua.example.fi,met at Slush
                BF-2,Nordic Hydrogen AB,Sweden??,enterprise,Electrolysers,info@nh.example.se,
                BF-3,Voltcell Oy,FI,company,Battery cells,not-an-address,
                """.write(toFile: file, atomically: true, encoding: .utf8)
            let map = "Land=country,Typ=kind,Beschreibung=expertise,Ref=externalId"
            let dry = try CLIRun.lingyan(
                ["partners", "import", file, "--map", map, "--source", "business-finland-2025", "--dry-run", "--lang", "en"], home: home)
            #expect(dry.status == 65)
            let table = dry.standardOutput
            #expect(table.contains("Organisation name") && table.contains("name") && table.contains("mapping"), "\(table)")
            #expect(table.range(of: #"电子邮件\s+contactEmail\s+name"#, options: .regularExpression) != nil, "\(table)")
            #expect(table.range(of: #"Notes\s+—\s+ignored"#, options: .regularExpression) != nil, "\(table)")
            #expect(table.contains("1 lines would be accepted"), "\(table)")
            #expect(table.contains("line 3: country (Land)"), "\(table)")
            #expect(table.contains("line 4: contact.email (电子邮件)"), "\(table)")

            // Without the map, the missing columns are named, with what to do.
            let unmapped = try CLIRun.lingyan(["partners", "import", file], home: home)
            #expect(unmapped.status != 0)
            #expect((unmapped.standardOutput + unmapped.standardError).contains("--map"), "\(unmapped.standardError)")

            let stored = try CLIRun.lingyan(["partners", "import", file, "--map", map, "--source", "business-finland-2025"], home: home)
            #expect(stored.standardOutput.contains("1 lines accepted (1 new"), "\(stored.standardOutput)")
            let client = try await RPCClient.connect(socketPath: home.socket("registry"))
            let aqua = try #require(try await self.allPartners(client).first)
            await client.close()
            #expect(aqua.profile.expertise == "Reverse osmosis membranes\nfor industrial water reuse", "a quoted line break stays")
            #expect(aqua.profile.kind == "company" && aqua.profile.source == "business-finland-2025")
            #expect(aqua.profile.contact?.email == "aino@aqua.example.fi")
        }
    }

    @Test(
        "an .xlsx made with openpyxl: its own headers, a date cell, a gap row, and a bad cell named as C7",
        .enabled(if: TestData.pythonWithOpenpyxl != nil, "openpyxl is not installed (deploy/test installs it)"))
    func excelSheet() async throws {
        let python = try #require(TestData.pythonWithOpenpyxl)
        try await withServices([.registry]) { home in
            let file = "\(home.path)/agency.xlsx"
            let script = """
                import datetime, sys, openpyxl
                book = openpyxl.Workbook()
                sheet = book.active
                sheet.title = "Partners 2025"
                sheet.append(["编号 / Ref", "机构名称 / Organisation", "国家 / Country", "Type", "Expertise", "Valid until", "Keywords"])
                sheet.append(["IL-1", "AquaMem Ltd.", "Israel", "company", "Desalination membranes\\nand pilot plants", datetime.date(2026, 12, 31), "water treatment; membranes"])
                sheet.append(["IL-2", "ShieldOT", "以色列", "SME", "OT cybersecurity", datetime.date(2027, 6, 30), "cybersecurity"])
                sheet.append(["IL-3", "Negev Solar", "IL", "company", "Solar trackers", None, None])
                sheet.append([])
                sheet.append(["IL-5", "Galil Robotics", "IL", "company", "Agricultural robots", None, "robotics"])
                sheet.append(["IL-6", "Atlantis Deep", "Atlantis", "company", "Subsea sensors", None, None])
                sheet.append(["IL-7", "Haifa Labs", "IL", "lab rats", "Biotech", None, None])
                book.save(sys.argv[1])
                """
            let made = try CLIRun.run([python, "-c", script, file], environment: ProcessInfo.processInfo.environment)
            #expect(made.status == 0, "\(made.standardError)")
            let run = try CLIRun.lingyan(["partners", "import", file, "--source", "iia-2025", "--dry-run", "--lang", "en"], home: home)
            #expect(run.status == 65, "\(run.standardOutput)\(run.standardError)")
            #expect(run.standardOutput.contains("4 lines would be accepted"), "\(run.standardOutput)")
            #expect(run.standardOutput.contains("cell C7: country (国家 / Country)"), "\(run.standardOutput)")
            #expect(run.standardOutput.contains("cell D8: kind (Type)"), "\(run.standardOutput)")
            #expect(run.standardOutput.range(of: #"F\s+Valid until\s+expiresOn"#, options: .regularExpression) != nil, "\(run.standardOutput)")

            _ = try CLIRun.lingyan(["partners", "import", file, "--source", "iia-2025"], home: home)
            let client = try await RPCClient.connect(socketPath: home.socket("registry"))
            let partners = try await self.allPartners(client)
            await client.close()
            #expect(partners.map(\.profile.externalId) == ["IL-1", "IL-2", "IL-3", "IL-5"])
            #expect(partners[0].profile.expiresOn == "2026-12-31", "a date cell is a day")
            #expect(partners[0].profile.expertise == "Desalination membranes\nand pilot plants")
            #expect(partners[0].profile.keywords == ["water treatment", "membranes"])
            #expect(partners[1].profile.country == "IL" && partners[1].profile.kind == "company")
        }
    }

    @Test("a profile typed in with its contact: masked for a reader and never in events; withdrawn, it leaves matches.partners and says why")
    func contactsAndWithdrawal() async throws {
        let environment = ["LINGYAN_NOW": "2026-12-02T02:00:00Z", "LINGYAN_STAFF_EMAILS": "staff@zjstec.example.cn"]
        try await withServices([.registry, .matching], environment: environment) { home in
            let registry = try await RPCClient.connect(socketPath: home.socket("registry"))
            _ = try await registry.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: MatchingFlowTests.profiles))
            let file = "\(home.path)/profile.json"
            try """
                {"externalId": "meeting-2026-11", "name": "Desal Innovations Ltd", "country": "以色列", "kind": "企业",
                 "expertise": "Reverse osmosis membranes for seawater desalination and brine treatment",
                 "keywords": ["desalination", "membranes"], "source": "staff", "expiresOn": "2026-12-10",
                 "website": "desal.example.co.il",
                 "contact": {"name": "Noa Levi", "position": "CEO", "email": "noa@desal.example.co.il", "phone": "+972 52 123 4567"}}
                """.write(toFile: file, atomically: true, encoding: .utf8)
            let added = try CLIRun.lingyan(["partners", "add", file], home: home)
            #expect(added.status == 0, "\(added.standardError)")
            let id = try #require(added.standardOutput.firstMatch(of: /P-\d+/)).0
            // Expired before it came in: stored, never matched.
            try #"{"externalId":"old-1","name":"Old Membranes Ltd","country":"IL","kind":"company","expertise":"Reverse osmosis membranes for seawater desalination","source":"staff","expiresOn":"2026-11-01"}"#
                .write(toFile: file, atomically: true, encoding: .utf8)
            let old = try CLIRun.lingyan(["partners", "add", file], home: home)
            #expect(old.standardOutput.contains("expired"), "\(old.standardOutput)\(old.standardError)")

            let shown = try CLIRun.lingyan(["partners", "show", String(id)], home: home)
            #expect(shown.standardOutput.contains("noa@desal.example.co.il") && shown.standardOutput.contains("Noa Levi"))
            let events = try await registry.call(FeedInterface.Read.self, .init(after: 0, limit: 1000)).events
            let feed = try LingyanJSON.string(events)
            #expect(!feed.contains("Noa") && !feed.contains("noa@") && !feed.contains("123 4567") && !feed.contains("4567"),
                    "no contact detail in the feed")

            let form = MatchingFlowTests.need(area: "海水淡化", description: "开发海水淡化反渗透膜组件并开展中试", countries: ["IL"], expertise: "膜材料研发能力")
            let submitted = try await registry.call(RegistryInterface.FormsSubmit.self, .init(form: form))
            _ = try await registry.call(RegistryInterface.FormsReview.self, .init(id: submitted.id, revision: 1, decision: .publish))
            let matching = try await RPCClient.connect(socketPath: home.socket("matching"))
            var names: [String] = []
            #expect(try await eventually(timeout: .seconds(10)) {
                names = try await matching.call(MatchingInterface.Partners.self, .init(formId: submitted.id)).results.map(\.name)
                return names.contains("Desal Innovations Ltd")
            })
            #expect(!names.contains("Old Membranes Ltd"), "an expired profile is not matched: \(names)")

            let withdrawn = try CLIRun.lingyan(["partners", "withdraw", String(id), "--reason", "公司已被收购 / acquired, no longer independent"], home: home)
            #expect(withdrawn.status == 0, "\(withdrawn.standardError)")
            #expect(try await eventually(timeout: .seconds(10)) {
                names = try await matching.call(MatchingInterface.Partners.self, .init(formId: submitted.id)).results.map(\.name)
                return !names.contains("Desal Innovations Ltd")
            }, "\(names)")
            #expect(names.contains("AquaMem Ltd."))
            let why = try CLIRun.lingyan(["partners", "show", String(id)], home: home)
            #expect(why.standardOutput.contains("withdrawn") && why.standardOutput.contains("acquired, no longer independent"))
            let again = try CLIRun.lingyan(["partners", "withdraw", String(id), "--reason", "again"], home: home)
            #expect(again.status != 0 && again.standardError.contains("already withdrawn"), "\(again.standardError)")

            // Staff hear once, within 14 days of its last day, of a profile that expires on 2026-12-10 (8 days after
            // "now"), however often the notifier starts; not of the withdrawn or the expired one.
            try #"{"externalId":"soon-1","name":"Soon Expiring Ltd","country":"IL","kind":"company","expertise":"Water sensors","source":"staff","expiresOn":"2026-12-10"}"#
                .write(toFile: file, atomically: true, encoding: .utf8)
            let soon = try CLIRun.lingyan(["partners", "add", file], home: home)
            #expect(soon.status == 0, "a profile without keywords: \(soon.standardError)")
            let maildir = "\(home.path)/mail/Maildir/new"
            func letters() throws -> [String] {
                guard FileManager.default.fileExists(atPath: maildir) else { return [] }
                return try FileManager.default.contentsOfDirectory(atPath: maildir).compactMap {
                    try? String(contentsOfFile: "\(maildir)/\($0)", encoding: .utf8)
                }.filter { $0.contains("X-Lingyan-Trigger: profile_expiring") }
            }
            for round in 1...2 {
                if round == 2 {
                    // A second profile due: its letter shows the restarted notifier has looked again.
                    try #"{"externalId":"soon-2","name":"Also Expiring Ltd","country":"IL","kind":"company","expertise":"Water meters","source":"staff","expiresOn":"2026-12-12"}"#
                        .write(toFile: file, atomically: true, encoding: .utf8)
                    _ = try CLIRun.lingyan(["partners", "add", file], home: home)
                }
                let notifier = try ServiceProcess(.notification, home: home, environment: environment)
                _ = try await notifier.waitUntilHealthy()
                let outbox = try await RPCClient.connect(socketPath: home.socket("notification"))
                let told = try await eventually(timeout: .seconds(15)) {
                    try await outbox.call(NotificationInterface.List.self, .init()).notifications
                        .filter { $0.trigger == "profile_expiring" && $0.state == .sent }.count == round
                }
                await outbox.close()
                await notifier.terminate()
                #expect(told)
            }
            let told = try letters()
            #expect(told.count == 2, "one letter per pass that found new profiles")
            #expect(told.allSatisfy { $0.contains("To: staff@zjstec.example.cn") })
            // Bodies are base64: decode to see which profiles each letter names.
            let bodies = told.compactMap { letter -> String? in
                guard let start = letter.range(of: "\r\n\r\n") else { return nil }
                let encoded = letter[start.upperBound...].filter { !$0.isWhitespace }
                return Data(base64Encoded: String(encoded)).flatMap { String(data: $0, encoding: .utf8) }
            }
            #expect(bodies.filter { $0.contains("Soon Expiring Ltd") }.count == 1, "each profile once across restarts: \(bodies)")
            #expect(bodies.filter { $0.contains("Also Expiring Ltd") }.count == 1)
            #expect(!bodies.contains { $0.contains("Desal Innovations") || $0.contains("Old Membranes") }, "not the withdrawn or expired ones")
            await matching.close()
            await registry.close()
        }
    }

    @Test("a profile typed in answer by answer (`partners add --interactive`), bad answers named, good ones stored")
    func interactiveAdd() async throws {
        try await withServices([.registry]) { home in
            let answers = ["Vaisala Water Oy", "芬兰", "Vantaa", "SME", "Water quality sensors", "sensors; water",
                           "Mikko Laine", "mikko@example.fi", "+358 50 765 4321", "example.fi", "FI1B1", "2027-06-30", "", "meeting-1"]
            let bad = ["Nowhere Ltd", "Atlantis", "", "", "Sensors", "", "", "not-mail", "", "", "", "", "", ""]
            func add(_ lines: [String]) throws -> CLIRun {
                let input = "\(home.path)/answers.txt"
                try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
                var environment = ProcessInfo.processInfo.environment
                environment["LINGYAN_HOME"] = home.path
                return try CLIRun.run(["/bin/sh", "-c", "exec '\(BuiltProducts.path("lingyan"))' partners add --interactive < '\(input)'"], environment: environment)
            }
            let refused = try add(bad)
            #expect(refused.status == 65, "\(refused.standardOutput)\(refused.standardError)")
            #expect(refused.standardError.contains("profile.country") && refused.standardError.contains("profile.contact.email"), "\(refused.standardError)")
            let added = try add(answers)
            #expect(added.status == 0, "\(added.standardError)")
            #expect(added.standardError.contains("机构名称 / Organisation name"))
            let client = try await RPCClient.connect(socketPath: home.socket("registry"))
            let stored = try #require(try await self.allPartners(client).first)
            await client.close()
            #expect(stored.profile.country == "FI" && stored.profile.kind == "company" && stored.profile.source == "staff")
            #expect(stored.profile.contact?.phone == "+358507654321" && stored.profile.keywords == ["sensors", "water"])
            #expect(stored.profile.externalId == "meeting-1" && stored.profile.expiresOn == "2027-06-30")
        }
    }

    @Test(
        "a reader sees a profile's contact and website masked",
        .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root to run the CLI as another user"))
    func readerMasking() async throws {
        let home = try TestHome()
        try #"{ "roles": { "uids": { "65534": "reader" } } }"#.write(toFile: "\(home.path)/lingyan.json", atomically: true, encoding: .utf8)
        let registry = try ServiceProcess(.registry, home: home)
        do {
            _ = try await registry.waitUntilHealthy()
            let client = try await RPCClient.connect(socketPath: home.socket("registry"))
            var profile = PartnerProfile.example
            profile.contact = PartnerContact(name: "Aino Virtanen", email: "aino.virtanen@water.example.fi", phone: "+358401234567")
            let change = try await client.call(RegistryInterface.PartnersUpsert.self, .init(profile: profile))
            await client.close()
            let reader = ["/usr/bin/setpriv", "--reuid=65534", "--regid=0", "--clear-groups"]
            let shown = try CLIRun.lingyan(["partners", "show", change.id, "--json"], home: home, wrapper: reader)
            #expect(shown.status == 0, "\(shown.standardError)")
            #expect(shown.standardOutput.contains("Example Water Oy"))
            #expect(!shown.standardOutput.contains("Aino Virtanen") && !shown.standardOutput.contains("aino.virtanen@"))
            #expect(!shown.standardOutput.contains("401234567") && !shown.standardOutput.contains("https://water.example.fi"))
            let full = try CLIRun.lingyan(["partners", "show", change.id, "--json"], home: home)
            #expect(full.standardOutput.contains("aino.virtanen@water.example.fi"))
        } catch {
            await registry.terminate()
            home.remove()
            throw error
        }
        await registry.terminate()
        home.remove()
    }
}
