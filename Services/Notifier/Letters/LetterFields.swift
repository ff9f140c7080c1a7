import Foundation
import Shared

/// The placeholders' values, taken from the registry's records: names rather than codes (以色列 / Israel, not IL),
/// kinds in words, and the centre's signature.
enum LetterFields {
    /// A form and its organisation.
    static func form(_ form: StoredForm, signature: Signature?) -> [String: Any] {
        let organization = form.form.organization
        let countries = form.form.partner.countries
        var fields = Self.signature(signature)
        fields["formId"] = form.id
        fields["organizationZh"] = organization.nameZh
        fields["organizationEn"] = organization.nameEn ?? organization.nameZh
        fields["technicalArea"] = form.form.project.technicalArea
        fields["countriesZh"] = countries.isEmpty ? "不限" : countries.map(CountryNames.chinese).joined(separator: "、")
        fields["countriesEn"] = countries.isEmpty ? "any country" : Self.list(countries.map(CountryNames.english))
        fields["city"] = organization.city ?? ""
        return fields
    }

    /// A partner profile, without its contact (letters about it go to the enterprise and staff).
    static func partner(_ partner: StoredPartner) -> [String: Any] {
        let profile = partner.profile
        let kind = Self.kind(profile.kind)
        return [
            "partnerId": partner.id, "partnerName": profile.name, "partnerCountryZh": CountryNames.chinese(profile.country),
            "partnerCountryEn": CountryNames.english(profile.country), "partnerKindZh": kind.zh, "partnerKindEn": kind.en,
            "partnerExpertise": profile.expertise, "partnerSource": profile.source,
        ]
    }

    static func signature(_ signature: Signature?) -> [String: Any] {
        ["signatureZh": signature?.zh ?? "", "signatureEn": signature?.en ?? ""]
    }

    /// "Finland, Norway and Israel".
    static func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// A profile's kind as a reader says it.
    static func kind(_ kind: String) -> (zh: String, en: String) {
        switch kind {
        case "company": ("企业", "company")
        case "university": ("高校", "university")
        case "institute": ("科研院所", "research institute")
        case "public": ("政府或公共机构", "public body")
        case "other": ("协会、产业集群或其他机构", "association, cluster or other organisation")
        case "foreign_rnd_centre_in_china": ("跨国公司在华研发中心", "R&D centre in China")
        default: (kind, kind)
        }
    }
}
