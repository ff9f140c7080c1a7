import Shared
import Testing

@Suite("Yangtze River Delta")
struct YangtzeRiverDeltaTests {
    private func form(description: String, contribution: String = "联合开发") -> PartnerSearchForm {
        PartnerSearchForm(
            organization: OrganizationDetails(
                nameZh: "杭州示例科技有限公司", nameEn: nil, address: "杭州市西湖区文二路 212 号", website: nil,
                businessAndProducts: "膜法水处理设备", comments: nil, uscc: "91330100799655058B", city: "杭州"),
            contact: ContactPerson(name: "张伟", position: nil, phone: "0571-87054066", email: "a@example.cn"),
            project: ProjectDetails(technicalArea: "水处理", description: description),
            partner: PartnerWanted(countries: ["FI"], expertiseSought: "膜材料", contributionSought: contribution))
    }

    @Test("a need that names Delta units teams up with them; a Zhejiang address alone does not")
    func teamsUp() {
        #expect(YangtzeRiverDelta.teamsUp(in: self.form(description: "与上海交通大学联合开发抗污染膜")))
        #expect(YangtzeRiverDelta.teamsUp(in: self.form(description: "联合长三角相关单位开展研发")))
        #expect(YangtzeRiverDelta.teamsUp(in: self.form(description: "with Nanjing University", contribution: "joint pilot")))
        #expect(!YangtzeRiverDelta.teamsUp(in: self.form(description: "开发抗污染反渗透膜组件")))
    }

    @Test("provinces as people write them", arguments: ["上海", "上海市", "江苏省", "Anhui Province", " shanghai "])
    func provinces(text: String) {
        #expect(YangtzeRiverDelta.contains(province: text))
    }

    @Test("places outside the Delta", arguments: ["北京", "广东省", "", "Guangdong"])
    func outside(text: String) {
        #expect(!YangtzeRiverDelta.contains(province: text))
    }
}
