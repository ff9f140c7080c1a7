import ArgumentParser
import Foundation
import Shared

/// `lingyan check FILE`: the eligibility check for a planned application.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a planned application against every rule of the notice.",
        discussion: """
            FILE holds the applications.check params as JSON (callId, leadOrganization, partner, durationMonths,
            requestedFundingRmb, rdSpendRmb, participants, cooperationBase, ipAgreementSigned; formId optional).
            Exit 0 when eligible, 1 when a rule is broken.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A JSON file with the planned application.")
    var file: String


    func run() async throws {
        let configuration = try self.global.configuration()
        guard let data = FileManager.default.contents(atPath: self.file) else { throw ValidationError("cannot read \(self.file)") }
        let plan: RegistryInterface.ApplicationsCheck.Params
        do {
            plan = try LingyanJSON.decode(RegistryInterface.ApplicationsCheck.Params.self, from: data)
        } catch {
            printError("\(self.file) is not a planned application: \(error)")
            throw ExitStatus.dataError
        }
        let result = try await withService(.registry, configuration: configuration) { client in
            try await client.call(RegistryInterface.ApplicationsCheck.self, plan)
        }
        if self.global.json {
            try printJSON(result)
        } else {
            let chinese = self.global.language == .zh
            print(result.eligible ? (chinese ? "符合申报条件 / eligible" : "eligible") : (chinese ? "不符合申报条件 / not eligible" : "not eligible"))
            var table = TableRenderer(headings: self.global.language.headings([("级别", "SEVERITY"), ("规则", "RULE"), ("结论", "FINDING")]))
            for finding in result.findings {
                table.append([finding.severity, finding.rule, chinese ? finding.messageZh : finding.messageEn])
            }
            print(table.render())
        }
        if !result.eligible { throw ExitCode(1) }
    }
}
