import Shared

/// How the centre signs its letters: the office, the person for business enquiries and partner search, phone,
/// e-mail and address, and whom to ask about policy — all from the catalogue's contacts, which staff keep with
/// `calls.upsert`, so a new phone number needs no release.
struct Signature: Sendable, Equatable {
    let zh: String
    let en: String

    /// The signature from the contacts of the catalogue's calls; nil when no call names any.
    init?(calls: [ProgrammeCall]) {
        let contacts = calls.compactMap(\.contacts).first { !$0.isEmpty } ?? []
        guard let centre = contacts.first(where: { $0.email != nil }) ?? contacts.first else { return nil }
        var zh = ["——", centre.organizationZh, "联系人：\(centre.name)　电话：\(centre.phone)"]
        var en = ["--", centre.organizationEn, "Contact: \(centre.name), tel. +86 \(centre.phone.hasPrefix("0") ? String(centre.phone.dropFirst()) : centre.phone)"]
        if let email = centre.email {
            zh.append("电子邮箱：\(email)")
            en.append("E-mail: \(email)")
        }
        if let address = centre.address {
            zh.append("地址：\(address)")
            en.append("Address: \(address)")
        }
        for other in contacts where other != centre {
            zh.append("\(other.roleZh)：\(other.organizationZh) \(other.name)，电话 \(other.phone)")
            en.append("\(other.roleEn.prefix(1).uppercased() + other.roleEn.dropFirst()): \(other.organizationEn), \(other.name), tel. \(other.phone)")
        }
        self.zh = zh.joined(separator: "\n")
        self.en = en.joined(separator: "\n")
    }

    /// The key under which a page's prefetched entities carry the signature.
    static let fetchKey = "signature"
}
