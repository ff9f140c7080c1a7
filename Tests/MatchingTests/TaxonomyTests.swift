import Testing

@testable import Matching
import TaxonomyKit

@Suite("Taxonomy and text analysis")
struct TaxonomyTests {
    let taxonomy = Taxonomy.shipped

    private func tags(_ text: String) -> [String] { self.taxonomy.tag(text).map(\.concept) }

    @Test("the shipped data parses, every parent exists, and the catalogue's concept ids are all there")
    func shippedData() throws {
        let parsed = try Taxonomy(text: TaxonomyData.text)
        #expect(parsed.ordered.count >= 230)
        let catalogueConcepts = [
            "agricultural-machinery", "bio-convergence", "biopharmaceuticals", "circular-economy", "climate-change",
            "climate-tech", "digital-creative", "energy-efficiency", "environmental-protection", "fintech",
            "green-energy", "green-low-carbon", "green-technology", "health-care", "ict", "information-technology",
            "life-health", "materials", "mechatronics", "medical-devices", "nanotechnology", "new-energy",
            "new-materials", "robotics", "smart-city", "smart-community", "sustainable-development", "water-treatment",
        ]
        for id in catalogueConcepts { #expect(parsed.concepts[id] != nil, "\(id) missing") }
        #expect(throws: Taxonomy.DataError.self) { try Taxonomy(text: "a | missing-parent | 甲 | a") }
    }

    @Test("every priority area of the notice, word for word, is tagged with its concept")
    func noticeAreas() {
        let areas: [(String, [String])] = [
            ("气候变化", ["climate-change"]), ("循环经济及可持续发展", ["circular-economy", "sustainable-development"]),
            ("医疗健康", ["health-care"]), ("新能源", ["new-energy"]), ("节能环保", ["environmental-protection"]),
            ("智慧社区", ["smart-community"]), ("机器人技术", ["robotics"]), ("机械电子", ["mechatronics"]),
            ("信息通讯", ["ict"]), ("材料和纳米技术", ["materials", "nanotechnology"]), ("生物制药", ["biopharmaceuticals"]),
            ("农业机械", ["agricultural-machinery"]), ("医疗器械", ["medical-devices"]), ("水处理", ["water-treatment"]),
            ("生物融合", ["bio-convergence"]), ("气候技术", ["climate-tech"]), ("绿色技术", ["green-technology"]),
            ("生命健康", ["life-health"]), ("信息技术", ["information-technology"]), ("绿色低碳", ["green-low-carbon"]),
            ("智慧城市", ["smart-city"]), ("科技金融", ["fintech"]), ("新材料", ["new-materials"]),
            ("绿色能源", ["green-energy"]), ("数字文创", ["digital-creative"]),
        ]
        for (area, expected) in areas {
            let found = self.tags(area)
            for concept in expected { #expect(found.contains(concept), "\(area) → \(found), expected \(concept)") }
        }
    }

    @Test("the same concept is found in Chinese and in engineers' English")
    func bothLanguages() {
        #expect(self.tags("开发高能量密度锂电池").contains("lithium-ion-batteries"))
        #expect(self.tags("We make Li-ion cells for e-bikes").contains("lithium-ion-batteries"))
        #expect(self.tags("lithium-ion batteries and a BMS").contains("lithium-ion-batteries"))
        #expect(self.tags("工业废水处理与海水淡化").contains("desalination"))
        #expect(self.tags("Seawater desalination plants").contains("desalination"))
        #expect(self.tags("reverse osmosis membranes").contains("membranes"))
        #expect(self.tags("Deep learning for medical imaging").contains("machine-learning"))
        #expect(self.tags("Deep learning for medical imaging").contains("medical-imaging"))
        #expect(self.tags("offshore wind farms").contains("wind-power"))
        #expect(self.tags("海上风电运维").contains("wind-power"))
        #expect(self.tags("salmon farming and fisheries").contains("aquaculture"))
        // A pronoun is not information technology, and "new" alone is not new energy.
        #expect(!self.tags("It is a new product").contains("information-technology"))
        #expect(self.tags("new energy vehicles").contains("new-energy"))
    }

    @Test("fields the programme countries are strong in: offshore, maritime, forest, mining, semiconductors, food")
    func partnerCountryFields() {
        #expect(self.tags("海上油气田水下生产系统").contains("oil-gas"))
        #expect(Set(self.tags("Subsea production systems for offshore oil and gas")).isSuperset(of: ["subsea", "oil-gas"]))
        #expect(self.tags("Battery-electric ferries for zero-emission vessels").contains("ship-electrification"))
        #expect(self.tags("以桦木浆为原料制备纳米纤维素").contains("cellulose"))
        #expect(self.tags("Nanocellulose from birch pulp").contains("cellulose"))
        #expect(self.tags("Underground mine automation and mineral processing").contains("mining"))
        #expect(self.tags("功率半导体与IGBT模块").contains("power-semiconductors"))
        #expect(self.tags("Cultivated meat and plant-based protein").contains("alternative-proteins"))
        #expect(self.tags("细胞培养肉和植物肉").contains("alternative-proteins"))
        #expect(self.tags("城市内涝预警与海绵城市").contains("flood-management"))
        #expect(self.tags("Prefabricated modular buildings").contains("modular-construction"))
        // Words that only look like a field: greenhouse gases are not greenhouses, "led by" is not lighting, and an
        // IP clause is not technology transfer.
        #expect(!self.tags("reducing greenhouse gas emissions").contains("controlled-environment-agriculture"))
        #expect(!self.tags("a project led by the university").contains("displays-lighting"))
        #expect(!self.tags("知识产权归属已约定").contains("consulting-ip"))
        #expect(!self.tags("研究结果显示效率提高").contains("displays-lighting"))
    }

    @Test("Chinese text becomes overlapping bigrams and English words are lower-cased, stemmed, stop words dropped")
    func terms() {
        #expect(TextAnalyzer.terms("水处理技术") == ["水处", "处理", "理技", "技术"])
        #expect(TextAnalyzer.terms("膜") == ["膜"])
        #expect(TextAnalyzer.terms("The Batteries of 锂电池") == ["battery", "锂电", "电池"])
        #expect(TextAnalyzer.stem("membranes") == TextAnalyzer.stem("membrane"))
        #expect(TextAnalyzer.stem("recycling") == TextAnalyzer.stem("recycled"))
        #expect(TextAnalyzer.stem("recycle") == TextAnalyzer.stem("recycled"))
        #expect(TextAnalyzer.terms("R&D, 5G; IoT-based") == ["r", "d", "5g", "iot"])
    }
}
