/// The 2025 calls of the provincial notice (浙江省科学技术厅, 16 April 2024), loaded into an empty registry on first
/// start. This is data, not code: once loaded, staff change calls with `calls.upsert`, and next year's calls are
/// added the same way, with no release.
enum DefaultCatalogue {
    /// Who the first load is recorded as.
    static let operatorName = "default catalogue 2025"

    /// The calls as JSON, in the shape of ``ProgrammeCall``.
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
      {"textZh": "绿色技术（可运用于各行业的可持续解决方案）", "textEn": "green technology (sustainable solutions applicable across industries)", "concepts": ["green-technology", "sustainable-development"]}
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
      {"textZh": "新材料", "textEn": "new materials", "concepts": ["new-materials"]}
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
    "authority": {"nameZh": "英国中部引擎", "nameEn": "Midlands Engine", "website": null},
    "priorityAreas": [
      {"textZh": "绿色能源", "textEn": "green energy", "concepts": ["green-energy"]},
      {"textZh": "生命健康", "textEn": "life and health", "concepts": ["life-health"]},
      {"textZh": "新材料", "textEn": "new materials", "concepts": ["new-materials"]},
      {"textZh": "数字文创", "textEn": "digital creative industries", "concepts": ["digital-creative"]}
    ],
    "deadline": null,
    "yangtzeRiverDeltaPreferred": false,
    "universitiesEncouraged": false,
    "eligibleRegions": ["Lincolnshire", "Northamptonshire", "Derbyshire", "Nottinghamshire", "Leicestershire", "Rutland", "Staffordshire", "Warwickshire", "Shropshire", "Herefordshire", "Worcestershire"],
    "requirements": [
      {"rule": "partner_in_midlands_county", "textZh": "合作企业位于英国中部引擎地区 11 个郡之一", "textEn": "The partner enterprise is in one of the Midlands Engine's 11 counties"},
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
      {"rule": "partner_fortune_global_500_rnd_centre", "textZh": "合作方为世界 500 强外资企业在华依法设立的研发机构（名单参考 https://fortune.com/ranking/fortune500/，以最新数据为准）", "textEn": "The partner is an R&D institution lawfully set up in China by a Fortune Global 500 foreign company (list: https://fortune.com/ranking/fortune500/, latest edition)"},
      {"rule": "university_or_institute_participates", "textZh": "由省内企业牵头、高校院所参与", "textEn": "A Zhejiang enterprise leads and a university or research institute takes part"},
      {"rule": "cooperation_base", "textZh": "中外双方已有较好的科技合作基础", "textEn": "The two sides already have a sound base of S&T cooperation"},
      {"rule": "ip_agreement_signed", "textZh": "对合作形成的知识产权归属和利益分配已有合理划分约定并签署项目合作协议", "textEn": "IP ownership and benefit sharing are agreed, and a project cooperation agreement is signed"}
    ],
    "rules": {"minimumDurationMonths": 24, "maximumDurationMonths": 36, "maximumFundingRmb": 1500000, "maximumShareOfRdSpendPercent": 20, "zhejiangEnterpriseLeads": true, "countedAgainstQuota": false}
  }
]
"""#
}
