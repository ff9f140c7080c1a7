/// The bilingual technology taxonomy, shipped as data (DESIGN §8).
///
/// One concept per line: `id | parent | Chinese labels | English labels`, labels separated by `;`, the first of each
/// the preferred one. It holds every priority area of the 2025 notice word for word (the catalogue's concept ids)
/// and the fields partner profiles use, with the words engineers write in both languages. English labels are
/// matched as stemmed word sequences, Chinese labels as substrings.
public enum TaxonomyData {
    public static let text = """
    energy | - | 能源;能源技术 | energy;energy technology
    new-energy | energy | 新能源;新能源技术;可再生能源 | new energy;renewable energy;renewables;clean energy
    green-energy | energy | 绿色能源;清洁能源 | green energy;clean power;sustainable energy
    energy-efficiency | energy | 节能;能效;节能技术;能源效率 | energy efficiency;energy saving;energy-efficient;energy conservation
    energy-storage | new-energy | 储能;储能技术;能量存储 | energy storage;storage systems;grid storage;battery storage
    batteries | energy-storage | 电池;动力电池;电池技术 | battery;batteries;battery technology;battery cells;cell chemistry
    lithium-ion-batteries | batteries | 锂电池;锂离子电池;锂电 | lithium-ion batteries;lithium-ion battery;li-ion;li-ion cells;lithium battery;lithium batteries
    solid-state-batteries | batteries | 固态电池;固态锂电池 | solid-state batteries;solid-state battery;solid electrolyte
    sodium-ion-batteries | batteries | 钠离子电池;钠电池 | sodium-ion batteries;sodium-ion battery;na-ion
    battery-management | batteries | 电池管理系统;电池管理 | battery management system;battery management;bms
    hydrogen | new-energy | 氢能;氢气;制氢;储氢 | hydrogen;hydrogen energy;hydrogen production;hydrogen storage;green hydrogen
    fuel-cells | hydrogen | 燃料电池;氢燃料电池 | fuel cells;fuel cell;pem fuel cell;sofc
    electrolysis | hydrogen | 电解水;电解槽;电解制氢 | electrolysis;electrolyser;electrolyzer;water electrolysis
    solar-energy | new-energy | 太阳能;光伏;光伏发电;太阳能电池 | solar energy;solar;photovoltaic;photovoltaics;pv;solar cells;solar panels
    wind-power | new-energy | 风电;风能;风力发电;海上风电 | wind power;wind energy;wind turbines;wind turbine;offshore wind;wind farms
    bioenergy | new-energy | 生物质能;生物燃料;生物质 | bioenergy;biomass;biofuels;biofuel;biogas
    geothermal | new-energy | 地热;地热能 | geothermal;geothermal energy;ground source
    marine-energy | new-energy | 海洋能;潮汐能;波浪能 | marine energy;tidal energy;wave energy;ocean energy
    smart-grid | energy | 智能电网;电网;微电网;配电网 | smart grid;smart grids;power grid;microgrid;microgrids;grid integration
    power-electronics | energy | 电力电子;变流器;逆变器 | power electronics;inverters;inverter;power converters;converters
    heat-pumps | energy-efficiency | 热泵;热泵技术 | heat pumps;heat pump
    district-heating | energy-efficiency | 区域供热;集中供热;余热回收 | district heating;waste heat recovery;heat recovery
    electric-vehicles | new-energy | 新能源汽车;电动汽车;电动车;充电桩 | electric vehicles;electric vehicle;ev;evs;e-mobility;ev charging;charging infrastructure
    climate | - | 气候;应对气候变化 | climate
    climate-change | climate | 气候变化;气候适应;气候减缓 | climate change;climate adaptation;climate mitigation;climate resilience
    climate-tech | climate | 气候技术;气候科技 | climate technology;climate tech;climatetech
    green-low-carbon | climate | 绿色低碳;低碳;低碳技术;绿色低碳技术;减碳;碳中和;碳达峰 | low carbon;low-carbon;green and low-carbon;decarbonisation;decarbonization;carbon neutral;carbon neutrality;net zero;net-zero
    carbon-capture | green-low-carbon | 碳捕集;碳捕获;碳捕集利用与封存;CCUS | carbon capture;ccs;ccus;carbon capture and storage;co2 capture;carbon storage
    carbon-accounting | green-low-carbon | 碳核算;碳足迹;碳排放监测;碳交易 | carbon accounting;carbon footprint;emissions monitoring;carbon trading;lifecycle assessment;life cycle assessment;lca
    sustainable-development | climate | 可持续发展;可持续 | sustainable development;sustainability;sustainable
    green-technology | climate | 绿色技术;可持续解决方案;绿色科技 | green technology;green tech;cleantech;clean technology;sustainable solutions
    circular-economy | sustainable-development | 循环经济;资源循环;资源综合利用 | circular economy;circularity;resource efficiency;circular
    recycling | circular-economy | 回收;再生利用;回收利用;废旧回收 | recycling;recycle;recycled;reuse;upcycling
    battery-recycling | recycling | 电池回收;废旧电池回收 | battery recycling;recycling of batteries;black mass
    plastics-recycling | recycling | 塑料回收;废塑料;再生塑料 | plastic recycling;plastics recycling;recycled plastics;chemical recycling
    waste-management | circular-economy | 固废处理;固体废物;垃圾处理;废弃物管理 | waste management;solid waste;waste treatment;waste-to-energy;waste to energy
    environment | - | 环境;生态环境 | environment;environmental
    environmental-protection | environment | 节能环保;环保;环境保护;环境治理 | environmental protection;environmental technology;pollution control;environmental engineering
    water-treatment | environmental-protection | 水处理;水处理技术;水务 | water treatment;water technology;water management;water utilities
    water-purification | water-treatment | 净水;水净化;饮用水;水质净化 | water purification;drinking water;potable water;clean water
    wastewater-treatment | water-treatment | 污水处理;废水处理;工业废水;废水回用 | wastewater treatment;wastewater;sewage treatment;effluent treatment;industrial wastewater;water reuse
    desalination | water-treatment | 海水淡化;脱盐 | desalination;seawater desalination;brackish water
    membranes | water-treatment | 膜;膜技术;反渗透;膜分离;超滤 | membranes;membrane;reverse osmosis;ro membranes;membrane filtration;ultrafiltration;nanofiltration
    irrigation | water-treatment | 节水灌溉;滴灌;灌溉 | irrigation;drip irrigation;water saving irrigation
    air-pollution-control | environmental-protection | 大气污染治理;废气处理;除尘;脱硫脱硝 | air pollution control;air quality;emissions control;flue gas treatment;air purification
    soil-remediation | environmental-protection | 土壤修复;污染修复 | soil remediation;remediation;contaminated land
    environmental-monitoring | environmental-protection | 环境监测;水质监测;空气监测 | environmental monitoring;water quality monitoring;air quality monitoring;pollution monitoring
    materials | - | 材料;材料技术;材料和纳米技术 | materials;materials science;materials technology;advanced materials
    new-materials | materials | 新材料;先进材料;新型材料 | new materials;novel materials;advanced materials;innovative materials
    nanotechnology | materials | 纳米技术;纳米材料;纳米 | nanotechnology;nanomaterials;nanoparticles;nano
    graphene | nanotechnology | 石墨烯;碳纳米管 | graphene;carbon nanotubes;2d materials
    polymers | materials | 高分子;高分子材料;聚合物;塑料 | polymers;polymer;plastics;polymer materials;resins
    bioplastics | polymers | 生物基材料;可降解塑料;生物塑料 | bioplastics;biodegradable plastics;bio-based materials;biobased polymers;compostable
    composites | materials | 复合材料;碳纤维 | composites;composite materials;carbon fibre;carbon fiber;fibre-reinforced
    textiles | materials | 纺织;纺织品;纺织材料;面料;化纤 | textiles;textile;fabrics;fibres;fibers;technical textiles;apparel
    ceramics | materials | 陶瓷;先进陶瓷 | ceramics;advanced ceramics;ceramic
    metals | materials | 金属材料;合金;钢铁;铝合金 | metals;alloys;metallurgy;steel;aluminium;aluminum
    rare-earths | metals | 稀土;稀土材料;磁性材料;永磁 | rare earths;rare earth;magnets;permanent magnets;magnetic materials
    coatings | materials | 涂层;涂料;表面处理 | coatings;coating;surface treatment;paints
    chemicals | materials | 化工;精细化工;化学品 | chemicals;chemistry;fine chemicals;chemical engineering
    catalysts | chemicals | 催化剂;催化 | catalysts;catalysis;catalyst
    semiconductor-materials | materials | 半导体材料;硅片;第三代半导体;碳化硅;氮化镓 | semiconductor materials;wafers;silicon carbide;sic;gallium nitride;gan;wide bandgap
    wood-materials | materials | 木材;竹材;林产品 | wood;timber;bamboo;wood products
    life-health | - | 生命健康;大健康 | life sciences;life and health;health
    health-care | life-health | 医疗健康;医疗;医疗服务;健康 | healthcare;health care;medical;health technology;healthtech;medtech
    medical-devices | health-care | 医疗器械;医疗设备;医用设备 | medical devices;medical device;medical equipment;medical technology
    medical-imaging | medical-devices | 医学影像;影像设备;超声;核磁共振;CT | medical imaging;imaging;ultrasound;mri;ct scanners;x-ray;radiology
    in-vitro-diagnostics | medical-devices | 体外诊断;诊断试剂;检测试剂 | in vitro diagnostics;ivd;diagnostic tests;diagnostics;point-of-care testing
    surgical-robots | medical-devices | 手术机器人;微创手术 | surgical robots;surgical robotics;minimally invasive surgery
    implants | medical-devices | 植入物;骨科器械;心血管器械 | implants;orthopaedic implants;orthopedic;cardiovascular devices;stents
    wearables | health-care | 可穿戴设备;可穿戴;智能手环 | wearables;wearable devices;wearable;wearable sensors
    digital-health | health-care | 数字医疗;互联网医疗;远程医疗;智慧医疗 | digital health;telemedicine;telehealth;ehealth;mhealth;remote monitoring
    elderly-care | health-care | 养老;康养;智慧养老;老年护理 | elderly care;ageing;aging;assisted living;aged care
    rehabilitation | health-care | 康复;康复器械;康复机器人 | rehabilitation;rehab;physiotherapy;assistive technology
    biopharmaceuticals | life-health | 生物制药;生物医药;医药;药物 | biopharmaceuticals;biopharma;pharmaceuticals;pharma;biologics;drugs
    drug-discovery | biopharmaceuticals | 新药研发;药物发现;创新药 | drug discovery;drug development;new drugs;preclinical;clinical trials
    vaccines | biopharmaceuticals | 疫苗 | vaccines;vaccine;immunisation;immunization
    antibodies | biopharmaceuticals | 抗体;单抗;抗体药物 | antibodies;antibody;monoclonal antibodies;mabs
    cell-gene-therapy | biopharmaceuticals | 细胞治疗;基因治疗;干细胞 | cell therapy;gene therapy;stem cells;car-t
    traditional-chinese-medicine | biopharmaceuticals | 中医药;中药;中药材 | traditional chinese medicine;tcm;herbal medicine
    api-manufacturing | biopharmaceuticals | 原料药;制剂;仿制药 | active pharmaceutical ingredients;generic drugs;formulation
    bio-convergence | life-health | 生物融合;生物技术;生物科技 | bio-convergence;bioconvergence;biotechnology;biotech
    synthetic-biology | bio-convergence | 合成生物学;合成生物;生物制造;发酵 | synthetic biology;biomanufacturing;fermentation;industrial biotechnology;enzymes
    bioinformatics | bio-convergence | 生物信息;基因组学;基因测序 | bioinformatics;genomics;sequencing;computational biology;omics
    biomaterials | bio-convergence | 生物材料;组织工程 | biomaterials;tissue engineering;biocompatible materials
    information-technology | - | 信息技术;IT;数字技术;数字化 | information technology;digital technology;digitalisation;digitalization;digital transformation
    ict | information-technology | 信息通讯;信息通信;通信;通讯技术 | ict;information and communication technology;telecommunications;telecom;communications
    telecom-5g | ict | 5G;移动通信;无线通信;6G | 5g;6g;mobile networks;wireless communication;wireless
    optical-communication | ict | 光通信;光纤;光模块 | optical communication;fibre optics;fiber optics;optical networks;optical transceivers
    iot | ict | 物联网;智能硬件;传感网络 | internet of things;iot;connected devices;smart devices;iiot
    artificial-intelligence | information-technology | 人工智能;AI;智能算法 | artificial intelligence;ai;intelligent systems
    machine-learning | artificial-intelligence | 机器学习;深度学习;神经网络 | machine learning;deep learning;neural networks;ml
    computer-vision | artificial-intelligence | 计算机视觉;机器视觉;图像识别 | computer vision;machine vision;image recognition;image analysis
    natural-language-processing | artificial-intelligence | 自然语言处理;语音识别;大模型;大语言模型 | natural language processing;nlp;speech recognition;large language models;llm
    big-data | information-technology | 大数据;数据分析;数据挖掘 | big data;data analytics;analytics;data mining;data science
    cloud-computing | information-technology | 云计算;云平台;边缘计算 | cloud computing;cloud;edge computing;saas
    cybersecurity | information-technology | 网络安全;信息安全;数据安全 | cybersecurity;cyber security;information security;data security;encryption
    blockchain | information-technology | 区块链 | blockchain;distributed ledger
    software | information-technology | 软件;软件开发;工业软件 | software;software development;industrial software;enterprise software
    semiconductors | information-technology | 半导体;集成电路;芯片 | semiconductors;semiconductor;integrated circuits;chips;microelectronics;ic design
    sensors | semiconductors | 传感器;传感技术;MEMS | sensors;sensor;sensing;mems;sensor technology
    photonics | semiconductors | 光电;光子;激光;光学 | photonics;optoelectronics;lasers;laser;optics
    quantum | information-technology | 量子;量子计算;量子通信 | quantum;quantum computing;quantum communication;quantum technology
    digital-twin | information-technology | 数字孪生;仿真;虚拟仿真 | digital twin;digital twins;simulation;modelling;modeling
    manufacturing | - | 先进制造;制造;智能制造;高端装备 | manufacturing;advanced manufacturing;industrial equipment
    smart-manufacturing | manufacturing | 智能制造;工业互联网;数字化工厂 | smart manufacturing;industry 4.0;smart factory;industrial internet;digital factory
    robotics | manufacturing | 机器人技术;机器人;工业机器人;服务机器人 | robotics;robots;robot;industrial robots;service robots;cobots;collaborative robots
    mechatronics | manufacturing | 机械电子;机电一体化;机电 | mechatronics;electromechanical;mechatronic systems
    industrial-automation | manufacturing | 自动化;工业自动化;自动控制;PLC | automation;industrial automation;control systems;process control;plc
    additive-manufacturing | manufacturing | 3D打印;增材制造 | additive manufacturing;3d printing;3d-printing
    machine-tools | manufacturing | 机床;数控机床;精密加工 | machine tools;cnc;cnc machining;precision machining;machining
    precision-instruments | manufacturing | 仪器仪表;精密仪器;检测设备;测量仪器 | instrumentation;precision instruments;measurement;metrology;test equipment;analytical instruments
    automotive | manufacturing | 汽车;汽车零部件;智能网联汽车;自动驾驶 | automotive;vehicles;auto parts;autonomous driving;self-driving;connected vehicles
    aerospace | manufacturing | 航空航天;航空;无人机;卫星 | aerospace;aviation;aircraft;drones;uav;satellites;space
    marine-engineering | manufacturing | 海洋工程;船舶;造船;海工装备 | marine engineering;maritime;shipbuilding;ships;offshore engineering
    rail-transit | manufacturing | 轨道交通;高铁;地铁 | rail;railway;rail transit;railways
    hydraulics | manufacturing | 液压;泵阀;流体机械;泵 | hydraulics;pumps;valves;fluid power;fluid handling
    agricultural-machinery | manufacturing | 农业机械;农机;农机装备 | agricultural machinery;farm machinery;agricultural equipment;tractors;harvesters
    packaging | manufacturing | 包装;包装材料;包装机械 | packaging;packaging materials;packaging machinery
    agriculture-food | - | 农业;现代农业;农业技术 | agriculture;agritech;agtech;farming
    smart-agriculture | agriculture-food | 智慧农业;精准农业;数字农业;设施农业 | smart agriculture;precision agriculture;digital agriculture;smart farming;greenhouses;vertical farming
    aquaculture | agriculture-food | 水产养殖;渔业;养殖 | aquaculture;fish farming;fisheries;seafood;salmon farming
    food-processing | agriculture-food | 食品加工;食品;食品工业;食品技术 | food processing;food;food technology;foodtech;food industry
    food-safety | food-processing | 食品安全;食品检测 | food safety;food testing;food quality
    crop-breeding | agriculture-food | 育种;种子;种业;作物育种 | plant breeding;crop breeding;seeds;crop genetics
    animal-health | agriculture-food | 畜牧;动物疫苗;兽药;动物健康 | animal health;livestock;veterinary;animal husbandry
    fertilizers | agriculture-food | 化肥;肥料;植保;农药 | fertilisers;fertilizers;crop protection;pesticides;biostimulants
    cold-chain | agriculture-food | 冷链;冷链物流;保鲜 | cold chain;refrigeration;food preservation
    urban-development | - | 城市建设;城市发展 | urban development;cities;urban
    smart-city | urban-development | 智慧城市;城市治理;数字城市 | smart city;smart cities;urban technology;city management
    smart-community | smart-city | 智慧社区;社区服务;智能社区 | smart community;smart communities;community services;smart neighbourhood
    smart-buildings | urban-development | 智能建筑;智能家居;楼宇自动化 | smart buildings;smart building;smart home;building automation
    green-buildings | urban-development | 绿色建筑;建筑节能;装配式建筑 | green buildings;green building;energy-efficient buildings;sustainable construction;prefabricated buildings
    construction-technology | urban-development | 建筑技术;建筑材料;工程建设 | construction technology;construction;building materials;civil engineering
    smart-transport | urban-development | 智慧交通;智能交通;交通出行 | smart transport;intelligent transport systems;mobility;smart mobility;traffic management
    logistics | urban-development | 物流;智慧物流;供应链 | logistics;supply chain;warehousing;smart logistics
    services | - | 现代服务业 | service industry;modern services
    fintech | services | 科技金融;金融科技;数字金融 | fintech;financial technology;digital finance;payments;insurtech
    digital-creative | services | 数字文创;文化创意;数字内容;数字创意 | digital creative;creative industries;digital content;digital media;cultural and creative
    gaming-animation | digital-creative | 游戏;动漫;动画;电竞 | games;gaming;video games;animation;esports
    virtual-reality | digital-creative | 虚拟现实;增强现实;元宇宙;VR;AR | virtual reality;augmented reality;vr;ar;xr;metaverse
    e-commerce | services | 电子商务;跨境电商;电商 | e-commerce;ecommerce;online retail;cross-border e-commerce
    education-technology | services | 教育科技;在线教育;智慧教育 | education technology;edtech;e-learning;online education
    nuclear-energy | energy | 核能;核电;核聚变;小型堆 | nuclear energy;nuclear power;nuclear fusion;fusion energy;small modular reactors;smr
    oil-gas | energy | 油气;石油天然气;海上油气;天然气 | oil and gas;offshore oil and gas;petroleum;natural gas;lng;upstream oil
    hydropower | new-energy | 水电;水力发电;抽水蓄能 | hydropower;hydroelectric;hydro power;pumped hydro;pumped storage
    power-to-x | hydrogen | 绿氨;绿色甲醇;电制燃料;合成燃料 | power-to-x;e-fuels;efuels;synthetic fuels;green ammonia;green methanol;ammonia fuel
    thermal-storage | energy-storage | 储热;蓄热;相变储能 | thermal energy storage;heat storage;phase change materials;molten salt storage
    ev-charging | electric-vehicles | 充电设施;换电;快充 | charging stations;charging station;fast charging;battery swapping;vehicle-to-grid;v2g
    energy-management | energy-efficiency | 能源管理;综合能源服务;需求响应 | energy management;energy management system;demand response;building energy management;energy audits
    maritime | manufacturing | 航运;船舶设计;港口 | maritime shipping;ship design;ports;port technology;maritime technology
    ship-electrification | maritime | 电动船舶;绿色船舶;船舶电动化 | electric ships;ship electrification;zero-emission vessels;battery-electric ferries;green shipping
    subsea | marine-engineering | 水下装备;海底;水下机器人 | subsea;underwater;rov;remotely operated vehicles;subsea systems;underwater robotics
    offshore-engineering | marine-engineering | 海洋工程装备;海上平台 | offshore structures;offshore platforms;floating structures
    fisheries | aquaculture | 海洋渔业;远洋捕捞 | fishing;fishing vessels;fish stocks
    seafood | food-processing | 水产品加工;海产品;海鲜 | seafood processing;fish processing;salmon processing
    forestry | agriculture-food | 林业;森林;森林资源 | forestry;forests;forest management;forest industry
    pulp-paper | wood-materials | 造纸;纸浆;纸制品 | pulp and paper;pulp;paper industry;paperboard;papermaking
    bioeconomy | sustainable-development | 生物经济;生物基 | bioeconomy;bio-economy;bio-based;biobased;bio-based chemicals
    cellulose | wood-materials | 纤维素;纳米纤维素;木质素 | cellulose;nanocellulose;cellulose fibres;cellulose fibers;lignin;wood fibres
    mining | metals | 矿业;矿山;采矿;选矿 | mining industry;mines;mine automation;mineral processing;ore processing;mining equipment
    metallurgy | metals | 冶金;有色金属;冶炼 | steelmaking;smelting;non-ferrous metals
    advanced-alloys | metals | 高温合金;钛合金;轻合金 | superalloys;titanium alloys;light alloys;high-entropy alloys
    glass | materials | 玻璃;特种玻璃;光学玻璃 | glass;specialty glass;optical glass;glass manufacturing
    adhesives-rubber | polymers | 胶粘剂;橡胶;密封材料 | adhesives;rubber;elastomers;sealants
    fine-chemicals | chemicals | 特种化学品;化工新材料 | specialty chemicals;speciality chemicals;chemical synthesis
    petrochemicals | chemicals | 石化;石油化工;炼化 | petrochemicals;oil refining;refineries;petrochemical
    green-chemistry | chemicals | 绿色化工;绿色化学;化工节能 | green chemistry;sustainable chemistry;solvent recovery;process intensification
    waste-to-energy | waste-management | 垃圾焚烧;垃圾发电 | waste incineration;solid waste treatment;municipal solid waste
    hazardous-waste | waste-management | 危险废物;危废处理;污泥处理 | hazardous waste;sludge treatment;sludge;industrial waste
    smart-water | water-treatment | 智慧水务;管网漏损;供水管网 | smart water;water networks;leak detection;water distribution;water utilities management
    flood-management | climate-change | 防洪;城市内涝;海绵城市;雨水管理 | flood management;flood protection;flood risk;stormwater;sponge city;urban drainage
    ecological-restoration | environmental-protection | 生态修复;生态保护;生物多样性 | ecological restoration;ecosystem restoration;biodiversity;nature-based solutions
    noise-control | environmental-protection | 降噪;噪声控制;减振 | noise control;noise reduction;acoustics;vibration control
    integrated-circuits | semiconductors | 芯片设计;半导体芯片 | chip design;asic;fpga
    power-semiconductors | semiconductors | 功率半导体;IGBT | power semiconductors;igbt
    mems | sensors | 微机电;MEMS传感器 | microelectromechanical systems;mems sensors
    displays-lighting | semiconductors | 新型显示;显示屏;显示面板;LED照明;照明 | displays;display technology;display panels;led lighting;lighting;solid-state lighting;oled;micro-led
    printed-electronics | semiconductors | 印刷电子;柔性电子 | printed electronics;flexible electronics;organic electronics;printed sensors
    lidar-radar | sensors | 激光雷达;毫米波雷达;雷达 | lidar;radar;mmwave radar;radar sensors
    wireless | ict | 射频;物联网通信;卫星通信 | radio frequency;rf;antennas;satellite communication
    edge-computing | cloud-computing | 算力;高性能计算 | high-performance computing;hpc;supercomputing
    data-analytics | big-data | 商业智能 | business intelligence;predictive analytics
    generative-ai | artificial-intelligence | 生成式人工智能 | generative ai;llms;foundation models
    industrial-software | software | 制造执行系统;仿真软件 | manufacturing execution systems;simulation software;cae;plm
    drones | aerospace | 无人驾驶航空器 | drone;uavs;unmanned aerial vehicles
    space | aerospace | 航天;商业航天;遥感 | space technology;satellite;earth observation;remote sensing;new space
    autonomous-driving | automotive | 无人驾驶;车联网 | autonomous vehicles;adas;v2x
    geospatial | information-technology | 地理信息;测绘;北斗;导航定位 | geospatial;gis;gnss;satellite navigation;surveying
    smart-retail | e-commerce | 新零售;智慧零售 | smart retail;retail technology;retail analytics
    predictive-maintenance | industrial-automation | 预测性维护;状态监测;故障诊断 | predictive maintenance;condition monitoring;fault diagnosis;asset monitoring
    inspection-testing | precision-instruments | 检验检测;无损检测;计量 | testing and inspection;non-destructive testing;ndt;inspection systems;quality inspection
    laser-processing | machine-tools | 激光加工;激光切割;激光焊接;激光器 | laser processing;laser cutting;laser welding;industrial lasers
    welding | manufacturing | 焊接;焊接设备 | welding;welding equipment;joining technology
    motors-drives | mechatronics | 电机;驱动器;伺服电机;变频器 | electric motors;motors;motor drives;electric drives;servo motors;variable frequency drives
    pumps-valves | hydraulics | 水泵;阀门;流体控制;压缩机 | flow control;compressors
    bearings-transmission | mechatronics | 轴承;齿轮;减速器;传动 | bearings;gears;gearboxes;reducers;power transmission
    process-automation | industrial-automation | 过程控制;DCS;工业控制 | process automation;dcs;scada;industrial control systems
    textile-machinery | textiles | 纺织机械;印染 | textile machinery;dyeing;textile finishing;knitting machines
    printing | manufacturing | 印刷;数码印刷;包装印刷 | printing industry;digital printing;printing technology;inkjet printing
    cleanroom-vacuum | precision-instruments | 真空设备;洁净室;真空技术 | vacuum technology;vacuum equipment;cleanrooms;cleanroom
    modular-construction | construction-technology | 模块化建筑;建筑工业化 | modular construction;modular buildings;modular building;modular housing;prefabricated;prefabrication;off-site construction
    bim | construction-technology | 建筑信息模型;BIM | building information modelling;building information modeling;bim
    low-carbon-cement | construction-technology | 低碳水泥;绿色建材;低碳混凝土 | low-carbon cement;green cement;low-carbon concrete;green building materials
    infrastructure | urban-development | 基础设施;桥梁;隧道 | infrastructure;bridges;tunnels
    electric-buses | smart-transport | 电动公交;新能源客车 | electric buses;e-buses;zero-emission buses
    rail-signalling | rail-transit | 轨道交通信号;列车控制 | railway signalling;rail signaling;train control;cbtc
    genomics | bio-convergence | 基因检测 | genome sequencing;gene sequencing;dna sequencing;genetic testing
    precision-medicine | health-care | 精准医疗;个性化医疗 | precision medicine;personalised medicine;personalized medicine
    oncology | health-care | 肿瘤;癌症;抗肿瘤 | oncology;cancer;tumour;tumor;cancer therapy
    cardiovascular | health-care | 心血管;心脏 | cardiovascular;cardiology;cardiac;heart disease
    neuroscience | health-care | 神经科学;脑科学;神经退行性疾病;脑机接口 | neuroscience;neurology;brain-computer interface;neurodegenerative;brain health
    mental-health | health-care | 心理健康;精神健康 | mental health;psychiatry;psychological wellbeing
    medical-ai | medical-devices | 医疗人工智能;辅助诊断;智能诊断 | medical ai;ai diagnostics;computer-aided diagnosis;clinical decision support
    telemedicine | digital-health | 远程会诊 | remote consultation;remote patient monitoring
    hospital-it | digital-health | 医院信息化;电子病历;智慧医院 | hospital information systems;electronic health records;ehr;emr;smart hospital
    dental | medical-devices | 口腔;牙科;种植牙 | dental;dentistry;dental implants;orthodontics
    ophthalmology | medical-devices | 眼科;视力 | ophthalmology;eye care;vision care
    orthopedics | medical-devices | 骨科;关节置换 | orthopaedics;orthopedics;joint replacement;spine
    drug-delivery | biopharmaceuticals | 药物递送;缓释 | drug delivery;controlled release;drug formulation;nanomedicine
    clinical-trials | biopharmaceuticals | 临床试验;CRO;临床研究 | clinical research;cro;contract research
    microbiome | bio-convergence | 微生物组;益生菌;肠道菌群 | microbiome;probiotics;gut microbiota
    nutrition | food-processing | 营养健康;功能性食品;保健食品 | nutrition;functional foods;nutraceuticals;dietary supplements
    alternative-proteins | food-processing | 替代蛋白;植物蛋白;细胞培养肉;植物肉 | alternative proteins;plant-based protein;plant-based meat;cultured meat;cultivated meat;precision fermentation
    dairy | food-processing | 乳制品;奶业 | dairy;dairy products;milk processing
    cosmetics | life-health | 化妆品;美妆;护肤 | cosmetics;skincare;personal care;beauty
    controlled-environment-agriculture | smart-agriculture | 植物工厂;垂直农业;温室大棚;智能温室 | greenhouse horticulture;commercial greenhouses;plant factories;controlled environment agriculture
    animal-feed | agriculture-food | 饲料;动物营养 | animal feed;animal nutrition;aquafeed;feed additives
    insurtech | fintech | 保险科技;数字保险 | insurance technology;digital insurance
    payments | fintech | 数字支付;移动支付;跨境支付 | digital payments;mobile payments;payment systems;cross-border payments
    film-music | digital-creative | 影视;音乐;数字出版 | film production;film and television;music;digital publishing;post-production
    industrial-design | services | 工业设计;产品设计 | industrial design;product design;design services
    consulting-ip | services | 技术转移;专利许可;科技咨询 | technology transfer;ip licensing;patent licensing;technology consulting
    """
}
