import Foundation
import Shared

/// Section 3.1 (对方机构所属国家/地区) as enterprises fill it: several countries in one cell (以色列、芬兰 /
/// Finland, Israel), a country with its region (英国中部地区, 英国（莱斯特郡）, 西弗兰德), a region alone (莱斯特郡,
/// West Flanders), 不限 / no preference, and 欧洲 / Europe for the programme's European countries. The countries
/// become codes; what is said beyond them is kept as the region text.
enum PartnerCountries {
    /// What 3.1 said.
    struct Reading: Equatable {
        var countries: [String] = []
        var regions: [String] = []
        /// 不限 / no preference: every call is ranked and no country is required.
        var noPreference = false
        /// The parts that name no known country or region, as written, with the entry they were in.
        var unknown: [(entry: Int, text: String)] = []

        static func == (a: Reading, b: Reading) -> Bool {
            a.countries == b.countries && a.regions == b.regions && a.noPreference == b.noPreference
                && a.unknown.map(\.text) == b.unknown.map(\.text)
        }
    }

    private static let noPreference: Set<String> = [
        "不限", "不限国家", "国家不限", "均可", "无", "无要求", "任意", "any", "no preference", "none", "not specified", "open", "all",
    ]

    private static let europe: Set<String> = ["欧洲", "europe", "欧洲国家", "european countries", "eu", "欧盟"]

    /// Regions that name their country: the Midlands Engine and West Flanders, in the ways people write them.
    private static let regions: [(names: [String], country: String)] = [
        (["英国中部地区", "英国中部", "中部引擎", "英国中部引擎", "英国中部引擎地区", "midlands", "midlands engine", "uk midlands",
          "east midlands", "west midlands", "英格兰中部"], "GB"),
        (["西弗兰德", "西弗兰德省", "西佛兰德", "比利时西弗兰德省", "west flanders", "west-vlaanderen", "province of west flanders",
          "flandre-occidentale", "flanders", "弗兰德"], "BE"),
    ]

    /// Reads every entry of `partner.countries` (each may hold several) together with the region given apart.
    static func read(_ entries: [String]) -> Reading {
        var reading = Reading()
        for (index, entry) in entries.enumerated() {
            Self.read(entry: ContactRules.halfWidth(entry), index: index, into: &reading)
        }
        return reading
    }

    private static func read(entry: String, index: Int, into reading: inout Reading) {
        var text = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        // "英国（中部地区，莱斯特郡）": what is in brackets is region.
        var bracketed: [String] = []
        while let open = text.firstIndex(where: { $0 == "(" }), let close = text[open...].firstIndex(of: ")") {
            bracketed.append(String(text[text.index(after: open)..<close]))
            text.removeSubrange(open...close)
        }
        // A whole name first ("Bosnia and Herzegovina"), then the pieces of a list.
        let whole = text.trimmingCharacters(in: .whitespaces)
        let pieces = CountryCodes.code(for: whole) != nil ? [whole] : Self.split(text)
        var countriesHere: [String] = []
        for piece in pieces {
            let lowered = piece.lowercased()
            if Self.noPreference.contains(lowered) {
                reading.noPreference = true
            } else if Self.europe.contains(lowered) {
                countriesHere += CountryCodes.europeanProgrammeCountries
                reading.regions.append(piece)
            } else if let code = CountryCodes.code(for: piece) {
                countriesHere.append(code)
            } else if let region = Self.regions.first(where: { $0.names.contains(lowered) }) {
                countriesHere.append(region.country)
                reading.regions.append(piece)
            } else if let (code, rest) = Self.countryPrefix(piece) {
                // "英国中部地区", "以色列特拉维夫": a country's name, then the region.
                countriesHere.append(code)
                reading.regions.append(rest)
            } else if MidlandsEngine.county(county: piece, district: nil, city: nil, address: nil).map(MidlandsEngine.eligible.contains) == true {
                countriesHere.append("GB")
                reading.regions.append(piece)
            } else {
                reading.unknown.append((index, piece))
            }
        }
        for region in bracketed.flatMap(Self.split) where !region.isEmpty {
            reading.regions.append(region)
            if countriesHere.isEmpty, let known = Self.regions.first(where: { $0.names.contains(region.lowercased()) }) {
                countriesHere.append(known.country)
            }
        }
        for code in countriesHere where !reading.countries.contains(code) { reading.countries.append(code) }
    }

    /// Pieces of one cell: split on the separators people use between countries.
    private static func split(_ text: String) -> [String] {
        var parts = [text]
        for separator in ["、", ",", ";", "/", "，", "；", " and ", " & ", "\n"] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// A Chinese country name at the start of `piece` and the region after it.
    private static func countryPrefix(_ piece: String) -> (String, String)? {
        for length in stride(from: min(piece.count - 1, 8), through: 2, by: -1) {
            let head = String(piece.prefix(length))
            guard head.unicodeScalars.allSatisfy({ $0.value > 0x2E80 }), let code = CountryCodes.code(for: head) else { continue }
            let rest = String(piece.dropFirst(length)).trimmingCharacters(in: .whitespaces)
            return rest.isEmpty ? nil : (code, rest)
        }
        return nil
    }
}
