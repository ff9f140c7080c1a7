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

    /// A match: the form, the partner and the fields in common by their labels (ids when no labels came).
    static func match(form: StoredForm, partner: StoredPartner, concepts: [(zh: String, en: String)], signature: Signature?) -> [String: Any] {
        var fields = Self.form(form, signature: signature)
        fields.merge(Self.partner(partner)) { _, new in new }
        fields["fieldsZh"] = concepts.isEmpty ? "（见合作方专长）" : concepts.map(\.zh).joined(separator: "、")
        fields["fieldsEn"] = concepts.isEmpty ? "(see the partner's expertise)" : concepts.map(\.en).joined(separator: ", ")
        return fields
    }

    /// A call's deadline: the days actually left, not the reminder's offset (23 on 2024-09-02 for 2024-09-25).
    static func deadline(_ call: ProgrammeCall, daysLeft: Int, signature: Signature?) -> [String: Any] {
        var fields = Self.signature(signature)
        fields["callId"] = call.id
        fields["callTitleZh"] = call.titleZh
        fields["callTitleEn"] = call.titleEn
        fields["deadline"] = call.deadline ?? ""
        fields["daysLeft"] = String(daysLeft)
        fields["authorityZh"] = call.authority?.nameZh ?? ""
        fields["authorityEn"] = call.authority?.nameEn ?? ""
        fields["authorityWebsite"] = call.authority?.website ?? ""
        return fields
    }

    /// A form about to expire.
    static func expiry(_ form: StoredForm, daysLeft: Int, signature: Signature?) -> [String: Any] {
        var fields = Self.form(form, signature: signature)
        fields["expiresOn"] = form.expiresOn
        fields["daysLeft"] = String(daysLeft)
        return fields
    }

    /// Profiles about to expire, for staff; the first 50 listed.
    static func expiringProfiles(_ profiles: [StoredPartner], today: String, withinDays: Int, signature: Signature?) -> [String: Any] {
        let shown = profiles.prefix(50)
        var fields = Self.signature(signature)
        fields["profileCount"] = String(profiles.count)
        fields["withinDays"] = String(withinDays)
        fields["lastDay"] = profiles.compactMap(\.profile.expiresOn).max() ?? today
        fields["profiles"] = shown.map { partner -> [String: Any] in
            var item = Self.partner(partner)
            item["expiresOn"] = partner.profile.expiresOn ?? ""
            item["daysLeft"] = String(Reminders.daysBetween(today, partner.profile.expiresOn ?? today) ?? 0)
            return item
        }
        if profiles.count > shown.count { fields["more"] = String(profiles.count - shown.count) }
        return fields
    }

    /// An introduction's two sides; their contacts only when `contacts` (both have agreed).
    static func introduction(id: String, form: StoredForm, partner: StoredPartner, contacts: Bool, signature: Signature?) -> [String: Any] {
        var fields = Self.form(form, signature: signature)
        fields.merge(Self.partner(partner)) { _, new in new }
        fields["introductionId"] = id
        fields["projectDescription"] = form.form.project.description
        fields["expertiseSought"] = form.form.partner.expertiseSought
        fields["contributionSought"] = form.form.partner.contributionSought
        fields["partnerOffers"] = partner.profile.offers ?? ""
        fields["partnerContactName"] = partner.profile.contact?.name ?? ""
        guard contacts else { return fields }
        let contact = form.form.contact
        fields["partnerContactEmail"] = partner.profile.contact?.email ?? "—"
        fields["partnerContactPhone"] = partner.profile.contact?.phone ?? "—"
        fields["partnerWebsite"] = partner.profile.website ?? "—"
        fields["enterpriseContactName"] = contact.name
        fields["enterpriseContactPosition"] = contact.position ?? ""
        fields["enterpriseContactEmail"] = contact.email
        fields["enterpriseContactPhone"] = contact.phone
        fields["enterpriseWebsite"] = form.form.organization.website ?? "—"
        return fields
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
