//! Zhejiang merged departments and branches (浙江 大部门大警种制), seed 002;
//! `shared/domain/cases.md` section 2.
//!
//! Two pilots. Nanhu sub-bureau (嘉兴市公安局南湖分局): 32 internal units become 9, then three
//! steps: stations de-generalised with 70 community police rooms, investigation from two tiers
//! to three, and the organs slimmed by a third. Pujiang county bureau (浦江县公安局): 26 internal
//! units become 8 and the organ and police-type departments lose 23.2 % of their staff to the
//! front line.
//!
//! This file holds the case's data (quotes, parameters, reported figures, notes, the lever
//! list); `measures.rs` the baseline and the measures' code.

mod measures;

use crate::i18n::{Msg, Name, Text};
use crate::model::cases::kit::*;
use crate::model::cases::{
    Arg, Baseline, CaseModel, Fact, KeyFigure, ModelError, Reported, Variant,
};
use crate::model::lever::Lever;
use crate::model::metrics::MetricKey;
use crate::model::org::{
    apportion, id, split_evenly, Branch, Id, Rank, Staff, Unit, UnitKind, BRIGADE_HEAD, CHIEF,
    DEPUTY_CHIEF, OFFICER, SERGEANT, SQUADRON_HEAD, STATION_HEAD, TEAM_LEADER,
};
use crate::model::params::{ParamSpec, Params};
use crate::model::planning::{join, RESPONSE_OFF};
use crate::model::source::Source;
#[allow(unused_imports)]
pub use measures::*;

const DOC: &str = "002";

// ---------------------------------------------------------------------------------------------
// Quotes (verbatim from seed 002).

const Q_NH_UNITS: &str = "嘉兴南湖分局原有内设机构32个,整合后,变为1个监督部门(执法执纪监督中心)、3个综合部门(政治处、警令处、警务保障处)、4个执法执勤部门(国内安全保卫局、刑事犯罪侦查局、治安管理局、交通管理局)、1个直属部门(拘留所)";
const Q_NH_32_9: &str =
    "南湖分局将32个部门整合为1个监督部门、3个综合部门、4个执法执勤部门和1个直属部门";
const Q_SUPERVISION: &str = "中心将原法制大队、警务督察大队、监察室、审计室、信访室、民调中心、考核办、行政复议办公室等具有业务监督和队伍监督职能的8个内设机构整合为“三室两队”,即监察室、受案室、考评室、督察队、法制队";
const Q_CID: &str = "将原先分散在刑侦、经侦、禁毒、网警、食药环侦查及打击涉黄涉赌的刑事打处职能统一整合到刑事犯罪侦查局,通过内设综合管理室、专业研判室、刑事科学技术室及7个各有侧重的专业刑侦队";
const Q_ROOMS: &str = "分批次建成了70个社区警务室。70名专职社区民警不参加派出所值班、不参加非本辖区的临时性勤务、不参加执法办案";
const Q_TIERS: &str = "南湖分局改“刑侦大队-派出所刑侦中队”的刑事打处二元机制为“刑侦大队-片区刑侦队-派出所刑侦探组”刑事打击三级架构";
const Q_AREA: &str = "南湖公安刑侦部门共有4个片区刑侦队和一个打黑除恶专业队,每个片区刑侦队对应2至4个派出所辖区的刑事打处任务";
const Q_SLIM: &str = "先后集中精简机关民警89人,下沉警力数占机关原有警力数的三分之一";
const Q_PJ_UNITS: &str = "将原来26个内设机构精简合并成8个";
const Q_PJ_CUT: &str = "机关警种部门警力较改革前减少23.2%,全部充实到基层一线";
pub(crate) const Q_PJ_INCIDENTS: &str = "今年的案件警情数同比下降21.6.%";
const Q_MIDDLE: &str = "南湖分局提出“中层职数不减、职级不降”";
const Q_STARS: &str =
    "每年有3名五星级、7名四星级、15名三星级的社区民警,可分别享受中层正职、副职和警探长待遇";
const Q_COMPETE: &str = "建立中层正副职、警探长全员竞聘机制和民警双向选择上岗机制,3年来累计有15名中层干部落聘,民警岗位流动率达20.6%";
const Q_PROMOTED: &str = "有112人通过竞聘得到提拔,其中来自基层所队的比例达到78%";
const Q_PROVINCE: &str = "治安总队和人口服务管理总队整合成治安监督管理总队,交通管理局和高速交警总队合署成立新的交通管理局";
const Q_THREE_LEVELS: &str = "大部门大警种制改革原则上在省、市、县三级公安机关同时开展";

const INTERNAL: Text = Text::new("内设机构", "Internal unit");
const STATION: Text = Text::new("派出所", "Police station");

const LEADER_RANKS: [Rank; 2] = [CHIEF, DEPUTY_CHIEF];
const UNIT_RANKS: [Rank; 1] = [BRIGADE_HEAD];
const STATION_RANKS: [Rank; 1] = [STATION_HEAD];

// ---------------------------------------------------------------------------------------------
// Nanhu sub-bureau.

const G_NH_BASE: Text = Text::new("改革前的南湖分局", "Nanhu sub-bureau before the reform");
const G_NH_MERGE: Text = Text::new(
    "整合内设机构：32 个变 9 个",
    "Merged units: 32 internal units into 9",
);
const G_NH_STEP1: Text = Text::new("第一步：派出所去全职化", "Step 1: stations de-generalised");
const G_NH_STEP2: Text = Text::new(
    "第二步：改刑事打处二元机制为三级架构",
    "Step 2: investigation in three tiers",
);
const G_NH_STEP3: Text = Text::new(
    "第三步：机关“瘦身”下沉警力",
    "Step 3: slimmer headquarters, staff moved down",
);

pub const NANHU_SPECS: &[ParamSpec] = &[
    spec(
        "internal_units_before",
        Text::new("改革前内设机构", "Internal units before"),
        UNITS,
        G_NH_BASE,
        (1.0, 80.0, 1.0),
        32.0,
        Source::seed(DOC, Q_NH_UNITS),
    ),
    spec(
        "organ_staff_before",
        Text::new("机关原有警力（不含局领导）", "Headquarters staff before (leaders apart)"),
        STAFF,
        G_NH_BASE,
        (1.0, 5_000.0, 1.0),
        267.0,
        Source::assumption(
            "资料只说下沉的 89 人占机关原有警力的三分之一；取 89 × 3 = 267 人",
            "The source says only that the 89 moved down were a third of the headquarters' staff; taken as 89 × 3 = 267",
        ),
    ),
    spec(
        "leaders",
        Text::new("分局领导", "Sub-bureau leaders"),
        STAFF,
        G_NH_BASE,
        (1.0, 20.0, 1.0),
        5.0,
        Source::assumption(
            "资料未给出人数；资料说“每一个大警种，由一名分局领导统筹指挥”，取局长 1 人 + 4 个执法执勤部门各 1 名分局领导",
            "Not in the source; it says each merged branch is led by one sub-bureau leader: taken as 1 chief + 1 leader for each of the 4 law-enforcement departments",
        ),
    ),
    spec(
        "stations",
        Text::new("派出所数", "Police stations"),
        UNITS,
        G_NH_BASE,
        (0.0, 200.0, 1.0),
        12.0,
        Source::assumption(
            "资料未给出派出所数；假设 12 个，使每个片区刑侦队对应 3 个派出所时正好得出资料所说的 4 个片区刑侦队",
            "The source does not give the number of stations; assumed 12, so that with 3 stations per area team the model gives the source's 4 area investigation teams",
        ),
    ),
    spec(
        "station_staff",
        Text::new("每个派出所民警（不含刑侦中队）", "Officers per station (squadron apart)"),
        STAFF,
        G_NH_BASE,
        (0.0, 300.0, 1.0),
        20.0,
        Source::assumption(
            "资料未给出；假设每个派出所 20 名民警（刑侦中队另计）",
            "Not in the source; assumed 20 officers per station (its investigation squadron counted apart)",
        ),
    ),
    spec(
        "squad_staff",
        Text::new("每个派出所刑侦中队民警", "Officers per station investigation squadron"),
        STAFF,
        G_NH_BASE,
        (1.0, 100.0, 1.0),
        5.0,
        Source::assumption(
            "资料未给出；假设每个派出所刑侦中队 5 人",
            "Not in the source; assumed 5 officers per station investigation squadron",
        ),
    ),
    spec(
        "specialised_teams",
        Text::new("刑事犯罪侦查局专业刑侦队", "Specialised investigation teams"),
        UNITS,
        G_NH_MERGE,
        (0.0, 30.0, 1.0),
        7.0,
        Source::seed(DOC, Q_CID),
    ),
    spec(
        "community_rooms",
        Text::new("社区警务室", "Community police rooms"),
        UNITS,
        G_NH_STEP1,
        (0.0, 1_000.0, 1.0),
        70.0,
        Source::seed(DOC, Q_ROOMS),
    ),
    spec(
        "community_officers",
        Text::new("专职社区民警", "Dedicated community officers"),
        STAFF,
        G_NH_STEP1,
        (0.0, 2_000.0, 1.0),
        70.0,
        Source::seed(DOC, Q_ROOMS),
    ),
    spec(
        "stations_per_area_team",
        Text::new("每个片区刑侦队对应的派出所", "Stations per area investigation team"),
        UNITS,
        G_NH_STEP2,
        (1.0, 20.0, 1.0),
        3.0,
        Source::assumption(
            "资料说“每个片区刑侦队对应2至4个派出所辖区”；取中值 3",
            "The source says each area investigation team covers 2 to 4 station areas; taken as the middle, 3",
        ),
    ),
    spec(
        "group_staff",
        Text::new("每个派出所刑侦探组民警", "Officers per station detective group"),
        STAFF,
        G_NH_STEP2,
        (1.0, 50.0, 1.0),
        2.0,
        Source::assumption(
            "资料说探组只负责受案和简单案件，未给出人数；假设每组 2 人，刑侦中队其余民警进入片区刑侦队",
            "The source says detective groups only take cases and handle simple ones but gives no size; assumed 2 each, the rest of each squadron joining its area team",
        ),
    ),
    spec(
        "anti_gang_staff",
        Text::new("打黑除恶专业队民警", "Anti-gang team officers"),
        STAFF,
        G_NH_STEP2,
        (1.0, 200.0, 1.0),
        5.0,
        Source::assumption(
            "资料只说有一个打黑除恶专业队，未给出人数；假设 5 人，由原派出所刑侦中队抽调",
            "The source mentions one anti-gang team but not its size; assumed 5, drawn from the station squadrons",
        ),
    ),
    pct_spec(
        "organ_share_moved",
        Text::new("下沉警力占机关原有警力", "Share of headquarters staff moved down"),
        G_NH_STEP3,
        33.3,
        Source::seed(DOC, Q_SLIM),
    ),
    pct_spec(
        "moved_to_investigation",
        Text::new("下沉警力中充实片区刑侦队的比例", "Share of those moved who join area teams"),
        G_NH_STEP3,
        50.0,
        Source::assumption(
            "资料说下沉警力一部分充实片区刑侦队和交警中队、一部分转岗为社区民警，未给出比例；假设一半到片区刑侦队，其余转岗为社区民警",
            "The source says part went to area investigation teams and traffic squadrons and part became community officers, without a split; assumed half to area teams, the rest community officers",
        ),
    ),
];

pub const NANHU_REPORTED: &[Reported] = &[
    reported(
        MetricKey::InternalUnits,
        32.0,
        9.0,
        [
            input("internal_units_before"),
            emerges("资料列出的 9 个部门", "the 9 departments the source names"),
        ],
        Source::seed(DOC, Q_NH_32_9),
    ),
    Reported {
        before: None,
        ..reported(
            MetricKey::CommunityRooms,
            0.0,
            70.0,
            [None, input("community_rooms")],
            Source::seed(DOC, Q_ROOMS),
        )
    },
    reported(
        MetricKey::InvestigationTiers,
        2.0,
        3.0,
        [
            emerges(
                "改革前的组织图：刑侦大队、派出所刑侦中队",
                "the organisation before: brigade, station squadrons",
            ),
            emerges("第二步加入片区刑侦队一级", "step 2 adds the area-team tier"),
        ],
        Source::seed(DOC, Q_TIERS),
    ),
    effect(
        Text::new("专职社区民警", "Dedicated community officers"),
        STAFF,
        None,
        70.0,
        [None, input("community_officers")],
        Source::seed(DOC, Q_ROOMS),
    ),
    effect(
        Text::new(
            "监督职能机构：8 个内设机构 → “三室两队”",
            "Supervision bodies: 8 internal units → three offices, two teams",
        ),
        UNITS,
        Some(8.0),
        5.0,
        [
            emerges("资料点名的 8 个机构", "the 8 units the source names"),
            emerges("资料的“三室两队”", "the source's three offices, two teams"),
        ],
        Source::seed(DOC, Q_SUPERVISION),
    ),
    effect(
        Text::new("专业刑侦队", "Specialised investigation teams"),
        UNITS,
        None,
        7.0,
        [None, input("specialised_teams")],
        Source::seed(DOC, Q_CID),
    ),
    effect(
        Text::new("片区刑侦队", "Area investigation teams"),
        UNITS,
        None,
        4.0,
        [None, calibrated(&["stations"])],
        Source::seed(DOC, Q_AREA),
    ),
    effect(
        Text::new("打黑除恶专业队", "Anti-gang teams"),
        UNITS,
        None,
        1.0,
        [
            None,
            emerges(
                "模型按资料建一个队",
                "the model builds the one team the source names",
            ),
        ],
        Source::seed(DOC, Q_AREA),
    ),
    effect(
        Text::new("下沉的机关民警", "Headquarters officers moved down"),
        STAFF,
        None,
        89.0,
        [None, calibrated(&["organ_staff_before"])],
        Source::seed(DOC, Q_SLIM),
    ),
    effect(
        Text::new(
            "下沉警力占机关原有警力",
            "Share of headquarters staff moved down",
        ),
        PCT,
        None,
        100.0 / 3.0,
        [None, input("organ_share_moved")],
        Source::seed(DOC, Q_SLIM),
    ),
    // The people measures: reported, not computed (the model has no ratings, posts or careers).
    effect(
        Text::new(
            "五星级社区民警（每年，享受中层正职待遇）",
            "Five-star community officers (a year, paid as middle-management heads)",
        ),
        STAFF,
        None,
        3.0,
        [None, QUOTED],
        Source::seed(DOC, Q_STARS),
    ),
    effect(
        Text::new(
            "四星级社区民警（每年，享受中层副职待遇）",
            "Four-star community officers (a year, paid as middle-management deputies)",
        ),
        STAFF,
        None,
        7.0,
        [None, QUOTED],
        Source::seed(DOC, Q_STARS),
    ),
    effect(
        Text::new(
            "三星级社区民警（每年，享受警探长待遇）",
            "Three-star community officers (a year, paid as senior officers)",
        ),
        STAFF,
        None,
        15.0,
        [None, QUOTED],
        Source::seed(DOC, Q_STARS),
    ),
    effect(
        Text::new(
            "竞聘中落聘的中层干部（3 年累计）",
            "Middle managers not reappointed in open competition (3 years)",
        ),
        STAFF,
        None,
        15.0,
        [None, QUOTED],
        Source::seed(DOC, Q_COMPETE),
    ),
    effect(
        Text::new(
            "民警岗位流动率（3 年）",
            "Officers who changed posts (3 years)",
        ),
        PCT,
        None,
        20.6,
        [None, QUOTED],
        Source::seed(DOC, Q_COMPETE),
    ),
    effect(
        Text::new("通过竞聘得到提拔", "Promoted through open competition"),
        STAFF,
        None,
        112.0,
        [None, QUOTED],
        Source::seed(DOC, Q_PROMOTED),
    ),
    effect(
        Text::new(
            "提拔者中来自基层所队的比例",
            "Share of those promoted who came from stations and frontline teams",
        ),
        PCT,
        None,
        78.0,
        [None, QUOTED],
        Source::seed(DOC, Q_PROMOTED),
    ),
];

/// What seed 002 reports in words that neither pilot's model takes or computes.
pub const FACTS: &[Fact] = &[
    Fact {
        key: "middle_posts_kept",
        scopes: &["nanhu"],
        text: Text::new(
            "中层职数不减、职级不降：32 个内设机构整合为 9 个，但中层干部的职数和职级都不减。模型画的是单位，不计岗位：组织图中内设机构负责人变少，不表示中层职数减少。",
            "Middle-management posts not cut, ranks not lowered: the 32 internal units became 9, but the number of middle-management posts and their ranks were kept. The model draws units, not posts: fewer internal-unit heads in the diagram do not mean fewer middle-management posts.",
        ),
        source: Source::seed(DOC, Q_MIDDLE),
    },
    Fact {
        key: "star_ratings",
        scopes: &["nanhu"],
        text: Text::new(
            "社区民警星级评定：每年评出五星级 3 名、四星级 7 名、三星级 15 名，分别享受中层正职、中层副职和警探长待遇（人数也列在数字下的“资料报告的成效（模型未计算）”中）。",
            "Star ratings for community officers: each year 3 five-star, 7 four-star and 15 three-star officers are paid as middle-management heads, deputies and senior officers (the counts are also under the numbers, in “Effects the sources report”).",
        ),
        source: Source::seed(DOC, Q_STARS),
    },
    Fact {
        key: "competition_rotation",
        scopes: &["nanhu"],
        text: Text::new(
            "全员竞聘和双向选择：中层正副职、警探长全员竞聘，民警双向选择上岗；3 年来 15 名中层干部落聘，民警岗位流动率 20.6%。",
            "Open competition and two-way choice: every middle-management and senior-officer post is competed for, and officers and posts choose each other; in 3 years 15 middle managers were not reappointed and 20.6 % of officers changed posts.",
        ),
        source: Source::seed(DOC, Q_COMPETE),
    },
    Fact {
        key: "promotions_from_grassroots",
        scopes: &["nanhu"],
        text: Text::new(
            "提拔来自基层：112 人通过竞聘得到提拔，其中 78% 来自基层所队。",
            "Promotions from the grassroots: 112 were promoted through open competition, 78 % of them from stations and frontline teams.",
        ),
        source: Source::seed(DOC, Q_PROMOTED),
    },
    Fact {
        key: "provincial_merges",
        scopes: &[],
        text: Text::new(
            "省厅机关的整合：治安总队与人口服务管理总队整合为治安监督管理总队；交通管理局与高速交警总队合署，成立新的交通管理局。省厅机关不在两个试点的组织中，未建模。",
            "Merges in the provincial department: the public order corps and the population services corps became one public order supervision corps; the traffic bureau and the expressway traffic police corps now share one office as a new traffic bureau. The provincial department is in neither pilot's organisation and is not modelled.",
        ),
        source: Source::seed(DOC, Q_PROVINCE),
    },
    Fact {
        key: "three_levels",
        scopes: &[],
        text: Text::new(
            "推广：大部门大警种制改革原则上在省、市、县三级公安机关同时开展；两个试点都是县级。",
            "Roll-out: the reform is in principle carried out at the provincial, city and county levels at once; both pilots are county-level.",
        ),
        source: Source::seed(DOC, Q_THREE_LEVELS),
    },
];

/// The key figures (shown first): 32 internal units into 9 departments, headquarters officers moved down, 70 community rooms, a third investigation tier.
const NANHU_KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::InternalUnits),
    KeyFigure::Metric(MetricKey::OrganStaff),
    KeyFigure::Metric(MetricKey::FrontlineShare),
    KeyFigure::Metric(MetricKey::CommunityRooms),
    KeyFigure::Metric(MetricKey::InvestigationTiers),
];

const NANHU_METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::InternalUnits,
    MetricKey::Stations,
    MetricKey::CommunityRooms,
    MetricKey::InvestigationTiers,
    MetricKey::Teams,
    MetricKey::Groups,
    MetricKey::StationShare,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const NANHU_NOTES: &[Text] = &[
    Text::new(
        "资料说两个试点“压缩了指挥层级”，并说“每一个大警种,由一名分局领导统筹指挥”：模型中 4 个执法执勤部门由分管的分局领导直接指挥，不另计一级负责人，所以侦查加了片区刑侦队一级，指挥层次仍为 4，不加长。资料未给出改革前后的职级，压缩了多少无法算出。",
        "The source says both pilots “compressed command levels”, and that “each merged branch is commanded by one sub-bureau leader”: in the model the 4 law-enforcement departments are commanded directly by their sub-bureau leader, with no head of their own, so the area-team tier added to investigation leaves the command chain at 4, no longer. The source gives no ranks before or after, so by how much it was compressed cannot be computed.",
    ),
    Text::new(
        "改革前的 32 个内设机构中，资料点名 15 个：并入执法执纪监督中心的 8 个；并入刑事犯罪侦查局的刑侦大队和经侦、禁毒、网警、食药环侦查、打击涉黄涉赌（资料按职能点名，模型各画为一个机构）；以及拘留所（假设改革前已有并保留）。其余 17 个为生成的占位机构，按顺序分给政治处、警令处、警务保障处、国内安全保卫局、治安管理局、交通管理局（资料未说明哪些机构并入哪里）。",
        "Of the 32 internal units before, the source names 15: the 8 merged into the supervision centre; the criminal investigation brigade and economic crime, narcotics, cyber, food-drug-environment and vice enforcement (named as functions; each drawn as one unit), all merged into the criminal investigation bureau; and the detention centre (assumed to exist before and to continue). The other 17 are generated placeholders, given in order to the political department, command office, logistics office, domestic security, public order and traffic bureaus (the source does not say which went where).",
    ),
    Text::new(
        "改革前各内设机构警力相同，内设机构及其下设科室、队的岗位都计为机关警力；派出所、刑侦中队、片区刑侦队、刑侦探组和社区警务室为一线。分局领导计为机关，但不计入“机关原有警力”，也不下沉。",
        "Before, every internal unit has the same staff; posts in internal units and their offices and teams count as headquarters; stations, investigation squadrons, area teams, detective groups and community rooms are frontline. Sub-bureau leaders count as headquarters but are not part of the “headquarters staff” that is cut, and do not move.",
    ),
    Text::new(
        "改革前的刑侦中队画在刑侦大队之下（资料“刑侦大队-派出所刑侦中队”的指挥关系），而不在派出所之下；其警力只计一次。",
        "Before, the station investigation squadrons are drawn under the criminal investigation brigade, because that is their line of command (the source's “brigade – station squadron”), not under their stations; their staff are counted once.",
    ),
    Text::new(
        "“三室两队”和刑事犯罪侦查局的三个室、专业刑侦队平分所在机构的警力；资料未说明原来 8 个机构分别进入五个室队中的哪一个，故只记录监督中心整体由这 8 个机构组成。其他机构下设的正股级机构资料未列出，未建模。",
        "The five offices and teams of the supervision centre, and the three offices and specialised teams of the investigation bureau, share their unit's staff evenly. The source does not say which of the 8 old units went into which of the five, so only the centre as a whole is traced to them. The section-level units of the other departments are not listed in the source and are not modelled.",
    ),
    Text::new(
        "第一步：社区警务室平均分到各派出所，每个警务室的专职社区民警先从所在派出所抽出（警力不增不减）；第三步由下沉的机关民警转岗接替（资料：“一部分转岗成为社区民警”）。警务辅助人员不是民警，不计入。",
        "Step 1: community rooms are spread evenly over the stations, and each room's dedicated community officer first comes from its station's own staff (no officers added or removed); at step 3 headquarters officers moved down take over these posts (the source: “part became community officers”). Auxiliaries are not police officers and are not counted.",
    ),
    Text::new(
        "第二步：片区刑侦队数 = 派出所数 ÷ 每队对应的派出所数（向上取整），每队负责相邻的几个派出所；每个派出所刑侦中队变为一个刑侦探组，放在其片区刑侦队之下，中队其余民警进入片区刑侦队，打黑除恶专业队也从中抽调。资料三级架构中的“刑侦大队”在模型中即刑事犯罪侦查局。片区刑侦队与大所同址办公未建模。",
        "Step 2: area teams = stations ÷ stations per team, rounded up, each covering neighbouring stations; each station squadron becomes a detective group under its area team, the rest of its officers join the area team, and the anti-gang team is drawn from them too. The source's “brigade” at the top of the three tiers is the criminal investigation bureau here. Area teams sharing premises with a larger station is not modelled.",
    ),
    Text::new(
        "第三步：下沉人数 = 机关原有警力 × 下沉比例（四舍五入），按各机构、科室的机关岗位比例抽出；一部分（假设的比例）充实片区刑侦队，其余“转岗成为社区民警”，逐所接替社区警务室的岗位（第一步从派出所抽出的民警回到派出所），超出警务室岗位的平均充实派出所。交警中队未建模；“50岁以上非领导职位的男民警全部下沉”（年龄）未建模。",
        "Step 3: officers moved = headquarters staff × share moved (rounded), taken from every unit and office in proportion to its headquarters posts; part (an assumed share) join the area teams, the others “become community officers”, taking over the community rooms' posts station by station (the station officers who staffed them at step 1 return to their stations), and any beyond the rooms' posts join the stations evenly. Traffic squadrons are not modelled, nor the rule that all non-leading male headquarters officers over 50 move down (the model has no ages).",
    ),
    Text::new(
        "资料未给出职级：每个单位的负责人计一个层次（分局领导 2、内设机构 1、队/室/组 1、派出所 1、社区警务室 1），只有一处按资料改变：改革后 4 个执法执勤部门（大警种）的负责人就是统筹指挥它的分局领导，不再另计（监督中心、三个综合部门和拘留所仍计 1）。刑侦一线改革前为局长—副局长—刑侦大队长—刑侦中队长，改革后为局长—分管副局长—片区刑侦队长—探组长，都是 4 个层次。",
        "The source gives no ranks: each unit's head counts as one rank (sub-bureau leaders 2, internal unit 1, team/office/group 1, station 1, community room 1), with one change the source gives: after the merge the head of each of the 4 law-enforcement departments (merged branches) is the sub-bureau leader who commands it and is not counted again (the supervision centre, the three comprehensive departments and the detention centre still count 1). The investigation line goes from chief – deputy chief – brigade head – squadron head to chief – deputy chief in charge – area team head – detective group head: 4 ranks both.",
    ),
    Text::new(
        "用人和考核机制（中层职数不减、职级不降，星级社区民警，竞聘，岗位流动率 20.6%，112 人提拔、78% 来自基层）和省厅机关的整合是资料报告的事实，模型不计算：见“来源与建模假设”中的“资料报告的事实（模型未计算）”；有数字的也列在数字下的“资料报告的成效（模型未计算）”中。",
        "The staffing and assessment measures (middle-management posts and ranks kept, star-rated community officers, open competition, 20.6 % post rotation, 112 promotions, 78 % from the grassroots) and the merges in the provincial department are facts the source reports and the model does not compute: see “Facts the sources report (not computed by the model)” under Sources; those with a number are also under the numbers, in “Effects the sources report”.",
    ),
];

const NANHU_LEVERS: &[Lever] = &[
    Lever {
        key: "merge_units",
        needs: Text::new(
            "本局直接下辖的内设机构（资料点名的 15 个机构按资料归入；其他机构按警种归入相应部门，为模型假设；其余按顺序）",
            "Internal units under the top bureau (the 15 the source names go where it puts them; others to the department of their police type, a modelling assumption; the rest in order)",
        ),
        name: Text::new("整合内设机构", "Merged internal units"),
        summary: Text::new(
            "32 个内设机构整合为 1 个监督部门、3 个综合部门、4 个执法执勤部门和 1 个直属部门；监督中心下设“三室两队”，刑事犯罪侦查局下设三个室和专业刑侦队，刑侦中队随刑侦大队并入该局。",
            "The 32 internal units merge into 1 supervision, 3 comprehensive, 4 law-enforcement and 1 attached department; the supervision centre has three offices and two teams, the investigation bureau three offices and the specialised teams, and the station squadrons follow their brigade into the bureau.",
        ),
        source: Source::seed(DOC, Q_NH_UNITS),
        conserves_staff: true,
        apply: lever_nanhu_merge,
    },
    Lever {
        key: "community_rooms",
        needs: Text::new(
            "派出所（在组织中的任何位置），且本所有一线民警",
            "Police stations (wherever they sit in the organisation) with frontline officers of their own",
        ),
        name: Text::new(
            "第一步 派出所去全职化",
            "Step 1: stations de-generalised",
        ),
        summary: Text::new(
            "各派出所下设社区警务室，每室一名专职社区民警，从派出所现有民警中抽出。用于其他组织时，警务室和专职社区民警按派出所一线警力的同一比例换算，各所按一线警力分配。",
            "Each station gets community police rooms, each with one dedicated community officer taken from the station's own staff. On another organisation, rooms and officers are the same share of the stations' frontline, each station's in proportion to its frontline.",
        ),
        source: Source::seed(DOC, Q_ROOMS),
        conserves_staff: true,
        apply: lever_community_rooms,
    },
    Lever {
        key: "three_tiers",
        needs: Text::new(
            "本局直接下辖、其下设有派出所刑侦中队（由中队长带领的刑侦队）的内设机构",
            "An internal unit under the top bureau with station investigation squadrons (investigation teams led by a squadron head) under it",
        ),
        name: Text::new(
            "第二步 改刑事打处二元机制为三级架构",
            "Step 2: investigation in three tiers",
        ),
        summary: Text::new(
            "派出所刑侦中队改为刑侦探组，归入按片区设立的片区刑侦队，另设打黑除恶专业队：刑侦由两级变三级。",
            "Station squadrons become detective groups under area investigation teams, plus one anti-gang team: investigation goes from two tiers to three.",
        ),
        source: Source::seed(DOC, Q_TIERS),
        conserves_staff: true,
        apply: lever_three_tiers,
    },
    Lever {
        key: "slim_organs",
        needs: Text::new(
            "本局领导以下各单位的机关岗位，以及接收下沉民警的片区刑侦队或派出所（在组织中的任何位置）",
            "Headquarters posts below the top bureau's leaders, and area investigation teams or police stations (wherever they sit) to take the officers moved down",
        ),
        name: Text::new(
            "第三步 机关“瘦身”下沉警力",
            "Step 3: slimmer headquarters, staff moved down",
        ),
        summary: Text::new(
            "机关原有警力的三分之一下沉：从各机构按比例抽出，一部分充实片区刑侦队，其余转岗成为社区民警，接替社区警务室的岗位（原来抽出的派出所民警回到派出所），多出的充实派出所。交警中队不在模型中。用于其他组织时，下沉同一比例的机关岗位。",
            "A third of the headquarters staff move down, taken from every unit in proportion; part join the area investigation teams, the others become community officers, taking over the community rooms' posts (the station officers who staffed them return to station duty), and any beyond that join the stations. The traffic squadrons the source also names are not in the model. On another organisation, the same share of its headquarters posts moves down.",
        ),
        source: Source::seed(DOC, Q_SLIM),
        conserves_staff: true,
        apply: lever_slim_organs,
    },
];

const NANHU: Text = Text::new("嘉兴市公安局南湖分局", "Nanhu Sub-bureau, Jiaxing PSB");
const SUB_BUREAU: Text = Text::new("分局", "Sub-bureau");

/// The old internal units the source names: id key, name, branch, and the new unit they went
/// into.
const NAMED_OLD: [(&str, Text, Option<Branch>, &str); 15] = [
    (
        "legal_brigade",
        Text::new("法制大队", "Legal affairs brigade"),
        Some(Branch::Supervision),
        "supervision",
    ),
    (
        "inspection_brigade",
        Text::new("警务督察大队", "Police inspection brigade"),
        Some(Branch::Supervision),
        "supervision",
    ),
    (
        "discipline_office",
        Text::new("监察室", "Discipline inspection office"),
        Some(Branch::Supervision),
        "supervision",
    ),
    (
        "audit_office",
        Text::new("审计室", "Audit office"),
        Some(Branch::Supervision),
        "supervision",
    ),
    (
        "petitions_office",
        Text::new("信访室", "Petitions office"),
        Some(Branch::Supervision),
        "supervision",
    ),
    (
        "survey_centre",
        Text::new("民调中心", "Public opinion survey centre"),
        Some(Branch::Supervision),
        "supervision",
    ),
    (
        "assessment_office",
        Text::new("考核办", "Performance assessment office"),
        Some(Branch::Supervision),
        "supervision",
    ),
    (
        "review_office",
        Text::new("行政复议办公室", "Administrative review office"),
        Some(Branch::Supervision),
        "supervision",
    ),
    (
        "criminal_brigade",
        Text::new("刑侦大队", "Criminal investigation brigade"),
        Some(Branch::Investigation),
        "cid",
    ),
    (
        "economic",
        Text::new("经侦", "Economic crime investigation"),
        Some(Branch::Investigation),
        "cid",
    ),
    (
        "narcotics",
        Text::new("禁毒", "Narcotics control"),
        Some(Branch::Investigation),
        "cid",
    ),
    (
        "cyber",
        Text::new("网警", "Cyber police"),
        Some(Branch::Investigation),
        "cid",
    ),
    (
        "food_drug_environment",
        Text::new(
            "食药环侦查",
            "Food, drug and environmental crime investigation",
        ),
        Some(Branch::Investigation),
        "cid",
    ),
    (
        "vice",
        Text::new(
            "打击涉黄涉赌",
            "Vice enforcement (pornography and gambling)",
        ),
        Some(Branch::Investigation),
        "cid",
    ),
    (
        "detention",
        Text::new("拘留所", "Detention centre"),
        None,
        "detention",
    ),
];

/// The nine units after the merge, in the source's order: key, name, branch.
const NEW_UNITS: [(&str, Text, Option<Branch>); 9] = [
    (
        "supervision",
        Text::new(
            "执法执纪监督中心",
            "Law-enforcement and discipline supervision centre",
        ),
        Some(Branch::Supervision),
    ),
    (
        "political",
        Text::new("政治处", "Political department"),
        None,
    ),
    (
        "command",
        Text::new("警令处", "Command and orders office"),
        Some(Branch::Command),
    ),
    (
        "logistics",
        Text::new("警务保障处", "Logistics and support office"),
        Some(Branch::Support),
    ),
    (
        "domestic_security",
        Text::new("国内安全保卫局", "Domestic security bureau"),
        None,
    ),
    (
        "cid",
        Text::new("刑事犯罪侦查局", "Criminal investigation bureau"),
        Some(Branch::Investigation),
    ),
    (
        "public_order",
        Text::new("治安管理局", "Public order bureau"),
        Some(Branch::Patrol),
    ),
    ("traffic", Text::new("交通管理局", "Traffic bureau"), None),
    ("detention", Text::new("拘留所", "Detention centre"), None),
];

/// The four law-enforcement departments, the merged branches (大警种) that the source has each
/// commanded by one sub-bureau leader ("每一个大警种,由一名分局领导统筹指挥"): their head is that
/// leader, so they add no rank of their own to the command chain.
const LEADER_LED: [&str; 4] = ["domestic_security", "cid", "public_order", "traffic"];

/// The new units the source does not trace to any named old unit: the placeholders go to
/// these, in order.
const UNTRACED_NEW: [&str; 6] = [
    "political",
    "command",
    "logistics",
    "domestic_security",
    "public_order",
    "traffic",
];

/// "三室两队" inside the supervision centre.
const SUPERVISION_PARTS: [(&str, Text, UnitKind); 5] = [
    (
        "discipline",
        Text::new("监察室", "Discipline inspection office"),
        UnitKind::Office,
    ),
    (
        "intake",
        Text::new("受案室", "Complaints intake office"),
        UnitKind::Office,
    ),
    (
        "evaluation",
        Text::new("考评室", "Evaluation office"),
        UnitKind::Office,
    ),
    (
        "inspection",
        Text::new("督察队", "Inspection team"),
        UnitKind::Team,
    ),
    (
        "legal",
        Text::new("法制队", "Legal affairs team"),
        UnitKind::Team,
    ),
];

/// The three offices of the criminal investigation bureau.
const CID_OFFICES: [(&str, Text); 3] = [
    (
        "admin",
        Text::new("综合管理室", "General management office"),
    ),
    ("analysis", Text::new("专业研判室", "Analysis office")),
    (
        "forensics",
        Text::new("刑事科学技术室", "Forensic science office"),
    ),
];

const SPECIALISED_TEAM: Text = Text::new("专业刑侦队", "Specialised investigation team");
const AREA_TEAM: Text = Text::new("片区刑侦队", "Area investigation team");
const ANTI_GANG: Text = Text::new("打黑除恶专业队", "Anti-gang team");
const SQUAD: Text = Text::new("刑侦中队", "Investigation squadron");
const GROUP: Text = Text::new("刑侦探组", "Detective group");
const ROOM: Text = Text::new("社区警务室", "Community police room");

const SUB_RANKS: [Rank; 1] = [TEAM_LEADER];

/// At least the 15 named old units plus one placeholder for each new unit the source does not
/// trace.
const MIN_NANHU_UNITS: u64 = (NAMED_OLD.len() + UNTRACED_NEW.len()) as u64;

// ---------------------------------------------------------------------------------------------
// Pujiang county bureau.

const G_PJ_BASE: Text = Text::new(
    "改革前的浦江县公安局",
    "Pujiang county bureau before the reform",
);
const G_PJ_REFORM: Text = Text::new("大部门大警种制改革", "Merged departments and branches");

pub const PUJIANG_SPECS: &[ParamSpec] = &[
    spec(
        "internal_units_before",
        Text::new("改革前内设机构", "Internal units before"),
        UNITS,
        G_PJ_BASE,
        (1.0, 80.0, 1.0),
        26.0,
        Source::seed(DOC, Q_PJ_UNITS),
    ),
    spec(
        "organ_staff_before",
        Text::new(
            "机关警种部门警力（改革前）",
            "Headquarters and branch department staff before",
        ),
        STAFF,
        G_PJ_BASE,
        (1.0, 5_000.0, 1.0),
        250.0,
        Source::assumption(
            "资料未给出；假设 250 人（26 个内设机构平均约 10 人）。取这个数是为了让资料的 23.2% 恰好是整数（58 人），模型的减少比例因此与资料一致：这是校准出的吻合，不是印证",
            "Not in the source; assumed 250 (about 10 for each of the 26 internal units), chosen so that the source's 23.2 % is a whole number of officers (58) and the model's cut equals it: a calibrated match, not a confirmation",
        ),
    ),
    spec(
        "leaders",
        Text::new("局领导", "Bureau leaders"),
        STAFF,
        G_PJ_BASE,
        (1.0, 20.0, 1.0),
        5.0,
        Source::assumption(
            "资料未给出；假设局长 1 人 + 副局长 4 人，改革前后相同",
            "Not in the source; assumed 1 chief + 4 deputy chiefs, the same before and after",
        ),
    ),
    spec(
        "stations",
        Text::new("派出所数", "Police stations"),
        UNITS,
        G_PJ_BASE,
        (0.0, 200.0, 1.0),
        12.0,
        Source::assumption(
            "资料未给出；假设 12 个派出所",
            "Not in the source; assumed 12 stations",
        ),
    ),
    spec(
        "station_staff",
        Text::new("每个派出所民警（改革前）", "Officers per station before"),
        STAFF,
        G_PJ_BASE,
        (0.0, 300.0, 1.0),
        20.0,
        Source::assumption(
            "资料未给出；假设每个派出所 20 名民警",
            "Not in the source; assumed 20 officers per station",
        ),
    ),
    spec(
        "internal_units_after",
        Text::new("改革后内设机构", "Internal units after"),
        UNITS,
        G_PJ_REFORM,
        (1.0, 80.0, 1.0),
        8.0,
        Source::seed(DOC, Q_PJ_UNITS),
    ),
    pct_spec(
        "organ_cut",
        Text::new(
            "机关警种部门警力减少",
            "Cut in headquarters and branch department staff",
        ),
        G_PJ_REFORM,
        23.2,
        Source::seed(DOC, Q_PJ_CUT),
    ),
];

pub const PUJIANG_REPORTED: &[Reported] = &[
    reported(
        MetricKey::InternalUnits,
        26.0,
        8.0,
        [
            input("internal_units_before"),
            input("internal_units_after"),
        ],
        Source::seed(DOC, Q_PJ_UNITS),
    ),
    effect(
        Text::new(
            "机关警种部门警力变化",
            "Change in headquarters and branch department staff",
        ),
        PCT,
        None,
        -23.2,
        [None, calibrated(&["organ_staff_before"])],
        Source::seed(DOC, Q_PJ_CUT),
    ),
    effect(
        Text::new(
            "浦江：案件警情数（同比）",
            "Pujiang: cases and incidents (year on year)",
        ),
        PCT,
        None,
        -21.6,
        [None, QUOTED],
        Source::seed(DOC, Q_PJ_INCIDENTS),
    ),
];

/// The key figures (shown first): 26 internal units into 8, and the headquarters staff cut and moved to the stations.
const PUJIANG_KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::InternalUnits),
    KeyFigure::Metric(MetricKey::OrganStaff),
    KeyFigure::Metric(MetricKey::StaffFrontline),
    KeyFigure::Metric(MetricKey::FrontlineShare),
    KeyFigure::Metric(MetricKey::UnitsTotal),
];

const PUJIANG_METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::InternalUnits,
    MetricKey::Stations,
    MetricKey::StationShare,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const PUJIANG_NOTES: &[Text] = &[
    Text::new(
        "资料只给出浦江县公安局内设机构 26 个变 8 个和警力下沉比例，未点名任何机构：全部机构为生成的占位机构，按顺序相邻合并（资料未说明哪些机构合在一起）。",
        "The source gives only Pujiang's 26 → 8 internal units and the share of staff moved; it names no unit. All units are generated placeholders, merged in order (the source does not say which went together).",
    ),
    Text::new(
        "内设机构（“机关警种部门”）的警力计为机关警力，平均分配；派出所为一线。局领导计为机关，但不计入被精简的警力。",
        "Internal units (the “headquarters and branch departments”) hold headquarters staff, spread evenly; stations are frontline. Bureau leaders count as headquarters but are not part of the staff cut.",
    ),
    Text::new(
        "下沉人数 = 机关警种部门警力 × 减少比例（四舍五入），按各机构人数比例抽出，平均充实到各派出所（资料说“全部充实到基层一线”，未说明去向）。",
        "Officers moved = department staff × the cut (rounded), taken from each unit in proportion and spread evenly over the stations (the source says all went to the front line, not where).",
    ),
    Text::new(
        "案件警情同比下降 21.6% 只作为资料报告的结果列出，模型不计算警情。资料未给出职级，改革前后按相同职级计算。",
        "The 21.6 % fall in cases and incidents is listed as the source reports it; the model does not compute incidents. The source gives no ranks: the same ranks are used before and after.",
    ),
];

const PUJIANG_LEVERS: &[Lever] = &[
    Lever {
        key: "merge_units",
        needs: Text::new(
            "本局直接下辖的内设机构",
            "Internal units under the top bureau",
        ),
        name: Text::new("内设机构精简合并", "Internal units merged"),
        summary: Text::new(
            "26 个内设机构按顺序合并为 8 个，每个新机构的警力为并入机构之和。用于其他组织时，按同一比例合并。",
            "The 26 internal units merge in order into 8; each new unit has the staff of the units it absorbed. On another organisation, its internal units merge in the same proportion.",
        ),
        source: Source::seed(DOC, Q_PJ_UNITS),
        conserves_staff: true,
        apply: lever_pujiang_merge,
    },
    Lever {
        key: "sink_staff",
        needs: Text::new(
            "本局领导以下各单位的机关岗位，以及接收下沉民警的派出所（在组织中的任何位置）",
            "Headquarters posts below the top bureau's leaders, and police stations (wherever they sit) to take the officers moved down",
        ),
        name: Text::new("机关警力下沉", "Staff moved to the front line"),
        summary: Text::new(
            "机关警种部门警力减少 23.2%，按比例从各机构抽出，全部充实到派出所。用于其他组织时，下沉同一比例的机关岗位。",
            "Headquarters and branch department staff are cut by 23.2 %, taken from each unit in proportion, and all join the stations. On another organisation, the same share of its headquarters posts moves down.",
        ),
        source: Source::seed(DOC, Q_PJ_CUT),
        conserves_staff: true,
        apply: lever_pujiang_sink,
    },
];

const PUJIANG: Text = Text::new("浦江县公安局", "Pujiang County PSB");
const COUNTY_BUREAU: Text = Text::new("县局", "County bureau");
const MERGED: Text = Text::new("合并后机构", "Merged unit");

const ALL_NANHU_SPECS: &[ParamSpec] =
    &join::<{ NANHU_SPECS.len() + RESPONSE_OFF.len() }>(NANHU_SPECS, RESPONSE_OFF);
const ALL_PUJIANG_SPECS: &[ParamSpec] =
    &join::<{ PUJIANG_SPECS.len() + RESPONSE_OFF.len() }>(PUJIANG_SPECS, RESPONSE_OFF);

/// The whole reform as one recipe for another organisation: Pujiang's merge of internal units
/// in order (Nanhu's merge maps the 15 units its source names, which another organisation does
/// not have), Nanhu's community rooms and three-tier investigation, and Pujiang's officers
/// moved down.
pub const REFORM: &[(&str, &str)] = &[
    ("pujiang", "merge_units"),
    ("nanhu", "community_rooms"),
    ("nanhu", "three_tiers"),
    ("pujiang", "sink_staff"),
];

/// The scopes' keys and names, in the order of [`VARIANTS`]: the page's pickers read these
/// before the case's part of the wasm is loaded (`ui::cases`).
pub const SCOPES: &[(&str, Text)] = &[
    (
        "nanhu",
        Text::new("嘉兴市公安局南湖分局", "Jiaxing Nanhu sub-bureau"),
    ),
    (
        "pujiang",
        Text::new("浦江县公安局", "Pujiang county bureau"),
    ),
];

/// Everything of the case's model that the page reaches through [`CaseId::model`].
pub const MODEL: CaseModel = CaseModel {
    variants: VARIANTS,
    reform: REFORM,
    facts: FACTS,
    why: &super::why::ZHEJIANG,
};

pub const VARIANTS: &[Variant] = &[
    Variant {
        key: SCOPES[0].0,
        name: SCOPES[0].1,
        specs: ALL_NANHU_SPECS,
        row_specs: &[],
        baseline: Baseline::Built(nanhu_baseline),
        levers: NANHU_LEVERS,
        metrics: NANHU_METRICS,
        key_figures: NANHU_KEY_FIGURES,
        reported: NANHU_REPORTED,
        notes: NANHU_NOTES,
        composed: None,
    },
    Variant {
        key: SCOPES[1].0,
        name: SCOPES[1].1,
        specs: ALL_PUJIANG_SPECS,
        row_specs: &[],
        baseline: Baseline::Built(pujiang_baseline),
        levers: PUJIANG_LEVERS,
        metrics: PUJIANG_METRICS,
        key_figures: PUJIANG_KEY_FIGURES,
        reported: PUJIANG_REPORTED,
        notes: PUJIANG_NOTES,
        composed: None,
    },
];
