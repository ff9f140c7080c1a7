import Shared

/// The 2025 calls of the provincial notice (浙江省科学技术厅, 16 April 2024), loaded into an empty registry on first
/// start. This is data, not code: once loaded, staff change calls with `calls.upsert`, and next year's calls are
/// added the same way, with no release.
enum DefaultCatalogue {
    /// Who the first load is recorded as.
    static let operatorName = "default catalogue 2025"

    /// The 2025 calls, each with the rules and contacts the notice gives for every call.
    static func calls() throws -> [ProgrammeCall] {
        let common = try LingyanJSON.decode([Requirement].self, from: Self.everyCallRequirements.utf8)
        let contacts = try LingyanJSON.decode([CallContact].self, from: Self.contacts.utf8)
        return try LingyanJSON.decode([ProgrammeCall].self, from: Self.json.utf8).map { call in
            var call = call
            call.requirements += common
            call.contacts = contacts
            return call
        }
    }

    /// 三、其他事项: what the notice says of every call.
    static let everyCallRequirements = #"""
[
      {"rule": "industry_academia", "textZh": "国合项目均以我省企业牵头，鼓励以产学研结合形式联合进行申报", "textEn": "A Zhejiang enterprise leads every project; applying as an industry–university–research consortium is encouraged"},
      {"rule": "competitive_review", "textZh": "评审采用竞争性分配方式，并结合科技外交需求", "textEn": "Projects are chosen by competitive review, combined with the needs of science and technology diplomacy"},
      {"rule": "not_in_quota", "textZh": "国合项目不计入限额申报数", "textEn": "Projects are not counted against the application quota"},
      {"rule": "per_2025_guide", "textZh": "总体要求应符合 2025 年度“尖兵”“领雁”研发攻关计划申报指南要求，届时请根据正式通知的具体要求进行申报", "textEn": "Applications follow the 2025 \"Jianbing\" \"Lingyan\" R&D programme guide; apply as the formal notice then requires"}
]
"""#

    /// The notice's contacts: policy at the Department's cooperation division, business enquiries and partner
    /// search at the service centre.
    static let contacts = #"""
[
      {"roleZh": "政策咨询", "roleEn": "policy enquiries", "organizationZh": "浙江省科学技术厅合作处", "organizationEn": "Cooperation Division, Zhejiang Provincial Department of Science and Technology", "name": "陈可宝", "phone": "0571-87054066", "email": null, "address": null},
      {"roleZh": "业务咨询及需求对接", "roleEn": "business enquiries and partner search", "organizationZh": "浙江省科技交流和人才服务中心", "organizationEn": "Zhejiang Science and Technology Exchange and Talent Service Centre", "name": "陈晟颖", "phone": "0571-87978953", "email": "csyzju@126.com", "address": "杭州市文二路 212 号高新大厦 4 楼"}
]
"""#

    /// The calls as JSON, in the shape of ``ProgrammeCall``, without what every call shares. "新材料" in the notice
    /// is the policy term for advanced materials as a whole (composites, metals, polymers and nanomaterials among
    /// them), so the calls that name it carry the broad `materials` concept beside `new-materials`.
    static let json = #"""
[
  {
    "id": "2025-FI",
    "year": 2025,
    "category": "bilateral_industrial_rnd",
    "country": "FI",
    "region": null,
    "titleZh": "浙江—芬兰双边产业联合研发计划",
    "titleEn": "Zhejiang–Finland bilateral industrial joint R&D",
    "authority": {"nameZh": "芬兰国家商务促进局", "nameEn": "Business Finland", "website": "https://www.businessfinland.fi/en/locations/asia-india-and-oceania/china/china-innovation"},
    "priorityAreas": [
      {"textZh": "气候变化", "textEn": "climate change", "concepts": ["climate-change"]},
      {"textZh": "循环经济及可持续发展", "textEn": "circular economy and sustainable development", "concepts": ["circular-economy", "sustainable-development"]},
      {"textZh": "医疗健康", "textEn": "health care", "concepts": ["health-care"]}
    ],
    "deadline": "2024-09-25",
    "yangtzeRiverDeltaPreferred": true,
    "universitiesEncouraged": false,
    "eligibleRegions": [],
    "requirements": [
      {"rule": "joint_application", "textZh": "由双方企业牵头开展产业化创新合作，分别向省科技厅、外方主管部门申报，经评审予以共同批准立项", "textEn": "Enterprises on both sides lead; each applies to its own funder (Zhejiang S&T Department and the foreign agency); the project is approved jointly"}
    ],
    "rules": {"minimumDurationMonths": 24, "maximumDurationMonths": 36, "maximumFundingRmb": 1500000, "maximumShareOfRdSpendPercent": 20, "zhejiangEnterpriseLeads": true, "countedAgainstQuota": false}
  },
  {
    "id": "2025-IL",
    "year": 2025,
    "category": "bilateral_industrial_rnd",
    "country": "IL",
    "region": null,
    "titleZh": "浙江—以色列双边产业联合研发计划",
    "titleEn": "Zhejiang–Israel bilateral industrial joint R&D",
    "authority": {"nameZh": "以色列创新署", "nameEn": "Israel Innovation Authority", "website": "https://innovationisrael.org.il"},
    "priorityAreas": [
      {"textZh": "新能源", "textEn": "new energy", "concepts": ["new-energy"]},
      {"textZh": "节能环保", "textEn": "energy saving and environmental protection", "concepts": ["energy-efficiency", "environmental-protection"]},
      {"textZh": "智慧社区", "textEn": "smart communities", "concepts": ["smart-community"]},
      {"textZh": "机器人技术", "textEn": "robotics", "concepts": ["robotics"]},
      {"textZh": "机械电子", "textEn": "mechatronics", "concepts": ["mechatronics"]},
      {"textZh": "信息通讯", "textEn": "information and communications", "concepts": ["ict"]},
      {"textZh": "材料和纳米技术", "textEn": "materials and nanotechnology", "concepts": ["materials", "nanotechnology"]},
      {"textZh": "生物制药", "textEn": "biopharmaceuticals", "concepts": ["biopharmaceuticals"]},
      {"textZh": "农业机械", "textEn": "agricultural machinery", "concepts": ["agricultural-machinery"]},
      {"textZh": "医疗器械", "textEn": "medical devices", "concepts": ["medical-devices"]},
      {"textZh": "水处理", "textEn": "water treatment", "concepts": ["water-treatment"]},
      {"textZh": "生物融合", "textEn": "bio-convergence", "concepts": ["bio-convergence"]},
      {"textZh": "气候技术", "textEn": "climate technology", "concepts": ["climate-tech"]}
    ],
    "deadline": "2024-10-30",
    "yangtzeRiverDeltaPreferred": false,
    "universitiesEncouraged": false,
    "eligibleRegions": [],
    "requirements": [
      {"rule": "joint_application", "textZh": "由双方企业牵头开展产业化创新合作，分别向省科技厅、外方主管部门申报，经评审予以共同批准立项", "textEn": "Enterprises on both sides lead; each applies to its own funder (Zhejiang S&T Department and the foreign agency); the project is approved jointly"}
    ],
    "rules": {"minimumDurationMonths": 24, "maximumDurationMonths": 36, "maximumFundingRmb": 1500000, "maximumShareOfRdSpendPercent": 20, "zhejiangEnterpriseLeads": true, "countedAgainstQuota": false}
  },
  {
    "id": "2025-NO",
    "year": 2025,
    "category": "bilateral_industrial_rnd",
    "country": "NO",
    "region": null,
    "titleZh": "浙江—挪威双边产业联合研发计划",
    "titleEn": "Zhejiang–Norway bilateral industrial joint R&D",
    "authority": {"nameZh": "挪威创新署", "nameEn": "Innovation Norway", "website": "https://www.innovationnorway.no"},
    "priorityAreas": [
      {"textZh": "绿色技术领域，指可运用于各行业的可持续解决方案", "textEn": "green technology: sustainable solutions that can be applied across industries", "concepts": ["green-technology", "sustainable-development"]}
    ],
    "deadline": null,
    "yangtzeRiverDeltaPreferred": false,
    "universitiesEncouraged": false,
    "eligibleRegions": [],
    "requirements": [
      {"rule": "joint_application", "textZh": "由双方企业牵头开展产业化创新合作，分别向省科技厅、外方主管部门申报，经评审予以共同批准立项", "textEn": "Enterprises on both sides lead; each applies to its own funder (Zhejiang S&T Department and the foreign agency); the project is approved jointly"}
    ],
    "rules": {"minimumDurationMonths": 24, "maximumDurationMonths": 36, "maximumFundingRmb": 1500000, "maximumShareOfRdSpendPercent": 20, "zhejiangEnterpriseLeads": true, "countedAgainstQuota": false}
  },
  {
    "id": "2025-SG",
    "year": 2025,
    "category": "bilateral_industrial_rnd",
    "country": "SG",
    "region": null,
    "titleZh": "浙江—新加坡双边产业联合研发计划",
    "titleEn": "Zhejiang–Singapore bilateral industrial joint R&D",
    "authority": {"nameZh": "新加坡企业发展局", "nameEn": "Enterprise Singapore", "website": "https://www.enterprisesg.gov.sg/grow-your-business/innovate-with-us/market-access-and-networks/global-innovation-alliance/cip/singapore-china-yrd-zhejiang-joint-innovation-call"},
    "priorityAreas": [
      {"textZh": "生命健康", "textEn": "life and health", "concepts": ["life-health"]},
      {"textZh": "信息技术", "textEn": "information technology", "concepts": ["information-technology"]},
      {"textZh": "绿色低碳", "textEn": "green and low-carbon", "concepts": ["green-low-carbon"]},
      {"textZh": "智慧城市", "textEn": "smart cities", "concepts": ["smart-city"]},
      {"textZh": "科技金融", "textEn": "technology finance", "concepts": ["fintech"]},
      {"textZh": "新材料", "textEn": "new materials", "concepts": ["new-materials", "materials"]}
    ],
    "deadline": null,
    "yangtzeRiverDeltaPreferred": true,
    "universitiesEncouraged": true,
    "eligibleRegions": [],
    "requirements": [
      {"rule": "joint_application", "textZh": "由双方企业牵头开展产业化创新合作，分别向省科技厅、外方主管部门申报，经评审予以共同批准立项", "textEn": "Enterprises on both sides lead; each applies to its own funder (Zhejiang S&T Department and the foreign agency); the project is approved jointly"}
    ],
    "rules": {"minimumDurationMonths": 24, "maximumDurationMonths": 36, "maximumFundingRmb": 1500000, "maximumShareOfRdSpendPercent": 20, "zhejiangEnterpriseLeads": true, "countedAgainstQuota": false}
  },
  {
    "id": "2025-BE-VWV",
    "year": 2025,
    "category": "bilateral_industrial_rnd",
    "country": "BE",
    "region": "VWV",
    "titleZh": "浙江—比利时西弗兰德省双边产业联合研发计划",
    "titleEn": "Zhejiang–West Flanders (Belgium) bilateral industrial joint R&D",
    "authority": {"nameZh": "比利时西弗兰德省政府", "nameEn": "Province of West Flanders", "website": "https://www.west-vlaanderen.be"},
    "priorityAreas": [
      {"textZh": "绿色低碳技术", "textEn": "green and low-carbon technology", "concepts": ["green-low-carbon"]},
      {"textZh": "循环经济", "textEn": "circular economy", "concepts": ["circular-economy"]},
      {"textZh": "生命健康", "textEn": "life and health", "concepts": ["life-health"]}
    ],
    "deadline": null,
    "yangtzeRiverDeltaPreferred": false,
    "universitiesEncouraged": false,
    "eligibleRegions": ["West Flanders"],
    "requirements": [
      {"rule": "joint_application", "textZh": "由双方企业牵头开展产业化创新合作，分别向省科技厅、外方主管部门申报，经评审予以共同批准立项", "textEn": "Enterprises on both sides lead; each applies to its own funder (Zhejiang S&T Department and the foreign agency); the project is approved jointly"}
    ],
    "rules": {"minimumDurationMonths": 24, "maximumDurationMonths": 36, "maximumFundingRmb": 1500000, "maximumShareOfRdSpendPercent": 20, "zhejiangEnterpriseLeads": true, "countedAgainstQuota": false}
  },
  {
    "id": "2025-GB-MIDLANDS",
    "year": 2025,
    "category": "intergovernmental",
    "country": "GB",
    "region": "Midlands Engine",
    "titleZh": "政府间科技创新合作项目（英国中部引擎地区）",
    "titleEn": "Intergovernmental S&T innovation cooperation (UK Midlands Engine)",
    "authority": null,
    "priorityAreas": [
      {"textZh": "绿色能源", "textEn": "green energy", "concepts": ["green-energy"]},
      {"textZh": "生命健康", "textEn": "life and health", "concepts": ["life-health"]},
      {"textZh": "新材料", "textEn": "new materials", "concepts": ["new-materials", "materials"]},
      {"textZh": "数字文创", "textEn": "digital creative industries", "concepts": ["digital-creative"]}
    ],
    "deadline": null,
    "yangtzeRiverDeltaPreferred": false,
    "universitiesEncouraged": false,
    "eligibleRegions": ["Lincolnshire", "Northamptonshire", "Derbyshire", "Nottinghamshire", "Leicestershire", "Rutland", "Staffordshire", "Warwickshire", "Shropshire", "Herefordshire", "Worcestershire"],
    "requirements": [
      {"rule": "partner_in_midlands_county", "textZh": "合作企业位于英国中部引擎地区 11 个郡之一：林肯郡(Lincolnshire)、北安普敦郡(Northamptonshire)、德比郡(Derbyshire)、诺丁汉郡(Nottinghamshire)、莱斯特郡(Leicestershire)、拉特兰郡(Rutland)、斯塔福德郡(Staffordshire)、沃里克郡(Warwickshire)、什罗普郡(Shropshire)、赫里福德郡(Herefordshire)和伍斯特郡(Worcestershire)", "textEn": "The partner enterprise is in one of the Midlands Engine's 11 counties: Lincolnshire, Northamptonshire, Derbyshire, Nottinghamshire, Leicestershire, Rutland, Staffordshire, Warwickshire, Shropshire, Herefordshire and Worcestershire"},
      {"rule": "single_application", "textZh": "由我省企业联合对方企业向省科技厅申报，经评审批准立项", "textEn": "The Zhejiang enterprise applies, with its partner, to the Zhejiang S&T Department alone"}
    ],
    "rules": {"minimumDurationMonths": 24, "maximumDurationMonths": 36, "maximumFundingRmb": 1500000, "maximumShareOfRdSpendPercent": 20, "zhejiangEnterpriseLeads": true, "countedAgainstQuota": false}
  },
  {
    "id": "2025-F500-RND",
    "year": 2025,
    "category": "foreign_rnd_institution",
    "country": "CN",
    "region": null,
    "titleZh": "高端外资研发机构联合研发项目",
    "titleEn": "Joint R&D with high-end foreign R&D institutions",
    "authority": null,
    "priorityAreas": [],
    "deadline": null,
    "yangtzeRiverDeltaPreferred": false,
    "universitiesEncouraged": true,
    "eligibleRegions": [],
    "requirements": [
      {"rule": "partner_fortune_global_500_rnd_centre", "textZh": "合作方为世界 500 强外资企业在华依法设立的研发机构（通知所附名单参考网站 https://fortune.com/ranking/fortune500/，以最新数据为准；该链接为美国《财富》500 强，世界 500 强指《财富》世界 500 强 Fortune Global 500）", "textEn": "The partner is an R&D institution lawfully set up in China by a Fortune Global 500 foreign company (the notice's reference list is https://fortune.com/ranking/fortune500/, latest edition; that link is the US Fortune 500, while 世界500强 means the Fortune Global 500)"},
      {"rule": "shared_innovation_resources", "textZh": "支持省内企业与世界 500 强外资企业在华依法设立的研发机构开展联合研发合作，共建共享设施设备、研发场所、技术人才、资金、数据等创新资源，融入全球创新体系", "textEn": "Zhejiang enterprises and the R&D institutions of Fortune Global 500 foreign companies in China do joint R&D, jointly building and sharing facilities and equipment, R&D sites, technical talent, funds, data and other innovation resources, to join the global innovation system"},
      {"rule": "university_or_institute_participates", "textZh": "由省内企业牵头、高校院所参与", "textEn": "A Zhejiang enterprise leads and a university or research institute takes part"},
      {"rule": "cooperation_base", "textZh": "中外双方已有较好的科技合作基础", "textEn": "The two sides already have a sound base of S&T cooperation"},
      {"rule": "ip_agreement_signed", "textZh": "对合作形成的知识产权归属和利益分配已有合理划分约定并签署项目合作协议", "textEn": "IP ownership and benefit sharing are agreed, and a project cooperation agreement is signed"}
    ],
    "rules": {"minimumDurationMonths": 24, "maximumDurationMonths": 36, "maximumFundingRmb": 1500000, "maximumShareOfRdSpendPercent": 20, "zhejiangEnterpriseLeads": true, "countedAgainstQuota": false}
  }
]
"""#
}
