/// The Province of West Flanders (比利时西弗兰德省, West-Vlaanderen), the partner region of the Belgian call: its
/// names in Dutch, French, English and Chinese, its NUTS code, and its towns (the 64 municipalities' main names and
/// their English or French forms), so that "Kortrijk" or "Bruges" places a partner there.
enum WestFlanders {
    private static let names: Set<String> = [
        "vwv", "be25", "west flanders", "province of west flanders", "west-vlaanderen", "westvlaanderen",
        "provincie west-vlaanderen", "flandre-occidentale", "flandre occidentale", "西弗兰德", "西弗兰德省", "西佛兰德",
        "西佛兰德省", "比利时西弗兰德省",
    ]

    private static let towns: Set<String> = [
        "brugge", "bruges", "布鲁日", "kortrijk", "courtrai", "科特赖克", "oostende", "ostend", "ostende", "奥斯坦德",
        "roeselare", "roulers", "鲁瑟拉勒", "ieper", "ypres", "伊珀尔", "waregem", "menen", "menin", "izegem",
        "knokke-heist", "knokke", "blankenberge", "diksmuide", "dixmude", "poperinge", "tielt", "torhout", "veurne",
        "furnes", "wevelgem", "harelbeke", "kuurne", "zwevegem", "deerlijk", "anzegem", "avelgem", "spiere-helkijn",
        "wervik", "heuvelland", "mesen", "zonnebeke", "langemark-poelkapelle", "houthulst", "staden", "moorslede",
        "ledegem", "lendelede", "hooglede", "ardooie", "lichtervelde", "pittem", "ruiselede", "wingene", "dentergem",
        "oostrozebeke", "wielsbeke", "meulebeke", "ingelmunster", "kortemark", "koekelare", "gistel", "middelkerke",
        "nieuwpoort", "de panne", "koksijde", "alveringem", "lo-reninge", "vleteren", "jabbeke", "oudenburg",
        "bredene", "de haan", "zuienkerke", "damme", "beernem", "oostkamp", "zedelgem",
    ]

    /// Whether a NUTS 2021 code lies in West Flanders (BE25, BE251 … BE258); nil when it is not a Belgian code
    /// or too coarse to tell (`BE`, `BE2`).
    static func contains(nutsCode: String) -> Bool? {
        let code = nutsCode.uppercased().trimmingCharacters(in: .whitespaces)
        guard code.hasPrefix("BE"), code.count >= 3 else { return nil }
        if code.hasPrefix("BE25") { return true }
        if code == "BE2" { return nil }
        return false
    }

    /// Whether a written place (province, town or an address holding one) lies in West Flanders.
    static func contains(_ place: String) -> Bool {
        let text = place.lowercased().trimmingCharacters(in: .whitespaces)
        if Self.names.contains(text) || Self.towns.contains(text) { return true }
        if text.hasPrefix("be25") { return true }
        // An address: any of its comma- or space-separated parts naming the province or a town.
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }
        for part in parts {
            if Self.names.contains(part) || Self.towns.contains(part) { return true }
            // "8500 Kortrijk": a Belgian postcode, then the town.
            let words = part.split(separator: " ").map(String.init)
            if words.count >= 2, words[0].count == 4, words[0].allSatisfy(\.isNumber),
               Self.towns.contains(words.dropFirst().joined(separator: " ")) {
                return true
            }
            if words.contains(where: { Self.towns.contains($0) && $0.count > 4 }) { return true }
        }
        return ["西弗兰德", "西佛兰德", "west-vlaanderen", "west flanders"].contains { text.contains($0) }
    }
}
