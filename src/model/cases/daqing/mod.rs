//! Daqing flattening (大庆 扁平化), seed 000 and 001; `shared/domain/cases.md` section 1.
//!
//! Urban scope: 10 sub-bureaus with about 20 internal units and 70 stations below them (three
//! tiers) become sub-bureaus sized by residents and staff, each with three police branches and
//! one department, the branches organised in pairs and teams (two tiers); then the traffic
//! detachment's 9 duty brigades and the fire detachment's 6 sections, drawn under the municipal
//! bureau until then, move all their officers into the sub-bureaus (measure 5).
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
    apportion, id, split_evenly, Branch, Id, Ids, Lead, Rank, Setting, Staff, Unit, UnitKind,
    BRIGADE_HEAD, CHIEF, DEPUTY_BRIGADE_HEAD, DEPUTY_CHIEF, DEPUTY_STATION_HEAD, OFFICER, SERGEANT,
    SQUADRON_HEAD, STATION_HEAD, TEAM_LEADER,
};
use crate::model::params::{ParamSpec, Params};
use crate::model::planning::{join, RESPONSE_CALIBRATED, RESPONSE_OFF, RESPONSE_REPORTED};
use crate::model::source::Source;
#[allow(unused_imports)]
pub use measures::*;

const Q_MERGE: &str = "把市区10个公安分局和70个派出所合并,重新设置为20个公安分局";
const Q_SIZING: &str = "按照辖区实有人口10万人左右、配置警力100-150名标准";
const Q_UNITS: &str = "内设机构由平均20个左右统一合并为4个";
const Q_BRANCHES: &str = "内设社区警务、治安巡防、刑事侦查和法制综合三个警种一个部门";
const Q_PAIRS: &str = "“二人一组”即搭档制……构成最基本的战斗单元";
const Q_TEAMS: &str = "“三组一队”即6人队,是最小的作战实体";
const Q_FRONTLINE: &str = "一线警力的比例从48.5%提高到89%";
const Q_TIERS: &str = "变市局、分局、派出所三层管理为市局、分局两层管理";
const Q_CHAIN: &str =
    "局长、副局长、大队长、副大队长、中队长、警长、民警7个层次,改革后,只需要经过局长、副局长、队长即决策、组织和执行3个层次";
const Q_M2: &str = "二是减少层次,变市局、分局、派出所三层管理为市局、分局两层管理";
const Q_M3: &str = "三是整合机构,变“多部门、多警种、多派出所”设置为“三警种、一部门”";
const Q_M4: &str = "四是优化组合,在社区、治安、刑侦“三警种”实行“二人一组、三组一队”建制";
const Q_M5: &str = "五是全警下沉,深化公安交管、消防体制改革,形成全警管交通、全警管消防新格局";
const Q_RESPONSE: &str = "出警反应时间由改革前的平均15分钟,提升到目前的平均9分钟";
const Q_CARS: &str = "按照城区百名民警4台警车巡逻标准";
const Q_VERTICAL: &str = "改革前,各区公安分局人、财、物和党组织关系由所在区管理,市公安局只对干部任用行使有限的协管权;改革后,市公安局对各公安分局实行人、财、物和党组织关系的直接管理,各区对本地分局的业务工作具有协调、指导权,对干部管理具有监督、建议权";
const Q_BUDGET: &str = "分局的经费统一由市财政保障,作为一级预算单位,独立设置账户,直接对口市财政";
const Q_INTEL: &str = "将反恐处与情报信息中心合署办公,将社区、经保工作由市局治安支队转为国保支队管理,构建“大情报”、“大国保”工作体系";
const Q_SINK_ALL: &str = "市局将交警支队的9个勤务大队、公安消防支队的6个消防科人员全部下沉分局,与分局社区、治安共同负责交通、消防工作";
const Q_DIRECT_001: &str = "改革后的分局由市局直接管辖,不再受区政府约束,减少了不必要的出警";
const Q_GUIDE: &str = "交警支队、消防支队负责对分局交管、消防工作进行业务指导、监督和检查";

const G_BASE: Text = Text::new("改革前的城区", "The urban area before the reform");
const G_TIERS: Text = Text::new(
    "二是 减少层次：分局的设置标准",
    "Measure 2, fewer tiers: sizing the sub-bureaus",
);
const G_UNITS: Text = Text::new(
    "三是 整合机构：三警种一部门",
    "Measure 3, merged units: three branches, one department",
);
const G_SINK: Text = Text::new(
    "五是 全警下沉：交警勤务大队和消防科",
    "Measure 5, the whole force moves down: traffic brigades and fire sections",
);
const G_TEAMS: Text = Text::new(
    "四是 优化组合：二人一组、三组一队",
    "Measure 4, pairs of two, three pairs a team",
);

pub const URBAN_SPECS: &[ParamSpec] = &[
    spec(
        "population",
        Text::new("城区实有人口", "Urban residents"),
        PEOPLE,
        G_BASE,
        (10_000.0, 20_000_000.0, 10_000.0),
        2_000_000.0,
        Source::assumption(
            "资料未给出城区人口；取 20 个分局 × 每个约 10 万人",
            "The sources give no urban population; taken as 20 sub-bureaus × about 100,000 residents",
        ),
    ),
    spec(
        "staff",
        Text::new("城区警力总数", "Urban officers in all"),
        STAFF,
        G_BASE,
        (50.0, 100_000.0, 10.0),
        2_500.0,
        Source::assumption(
            "资料未给出城区警力总数；取 20 个分局 × 125 人（100–150 人标准的中值），含第五项措施（五是）下沉到分局的交警、消防人员",
            "The sources give no urban total; taken as 20 sub-bureaus × 125 (the middle of the 100–150 standard), the traffic and fire officers who move into them at measure 5 included",
        ),
    ),
    spec(
        "sub_bureaus_before",
        Text::new("改革前分局数", "Sub-bureaus before"),
        UNITS,
        G_BASE,
        (1.0, 200.0, 1.0),
        10.0,
        Source::seed("000", Q_MERGE),
    ),
    spec(
        "stations_before",
        Text::new("改革前派出所数", "Police stations before"),
        UNITS,
        G_BASE,
        (0.0, 2_000.0, 1.0),
        70.0,
        Source::seed("000", Q_MERGE),
    ),
    spec(
        "internal_units_before",
        Text::new("每个分局的内设机构（改革前）", "Internal units per sub-bureau before"),
        UNITS,
        G_BASE,
        (1.0, 60.0, 1.0),
        20.0,
        Source::seed("000", Q_UNITS),
    ),
    decimal(spec(
            "frontline_share_before",
            Text::new("改革前一线警力比例", "Frontline share before"),
            PCT,
            G_BASE,
            (1.0, 99.0, 0.1),
            48.5,
            Source::seed("001", Q_FRONTLINE),
        )),
    spec(
        "station_staff",
        Text::new("每个派出所警力（改革前）", "Staff per station before"),
        STAFF,
        G_BASE,
        (1.0, 200.0, 1.0),
        13.0,
        Source::assumption(
            "资料只举了一个派出所的例子（13 人中指挥 3 人、行政 4 人、一线 6 人：“有的派出所13人中……真正在工作一线的也就6个人”）；假设改革前每个城区派出所都是这样",
            "The source gives one station as an example (13: 3 in command, 4 in administration, 6 on the front line); assumed every urban station looked like it",
        ),
    ),
    spec(
        "station_frontline",
        Text::new("其中一线警力", "of whom frontline"),
        STAFF,
        G_BASE,
        (0.0, 200.0, 1.0),
        6.0,
        Source::assumption(
            "资料只举了一个派出所的例子（13 人中指挥 3 人、行政 4 人、一线 6 人：“有的派出所13人中……真正在工作一线的也就6个人”）；假设改革前每个城区派出所都是这样",
            "The source gives one station as an example (13: 3 in command, 4 in administration, 6 on the front line); assumed every urban station looked like it",
        ),
    ),
    spec(
        "leaders",
        Text::new("每个分局的局领导", "Leaders per sub-bureau"),
        STAFF,
        G_BASE,
        (1.0, 20.0, 1.0),
        4.0,
        Source::assumption(
            "资料未给出；取局长 1 人 + 副局长 3 人（每个警种一名副局长，与“局长、副局长、队长”的指挥层次相符），改革前后相同",
            "Not in the sources; taken as 1 chief + 3 deputy chiefs (one per police branch, as the chain chief → deputy chief → team leader implies), the same before and after",
        ),
    ),
    spec(
        "residents_per_sub_bureau",
        Text::new("每个分局的辖区人口", "Residents per sub-bureau"),
        PEOPLE,
        G_TIERS,
        (10_000.0, 2_000_000.0, 1_000.0),
        100_000.0,
        Source::seed("000", Q_SIZING),
    ),
    spec(
        "staff_standard_min",
        Text::new("每个分局警力标准（下限）", "Officers per sub-bureau, lower bound"),
        STAFF,
        G_TIERS,
        (1.0, 5_000.0, 1.0),
        100.0,
        Source::seed("000", Q_SIZING),
    ),
    spec(
        "staff_standard_max",
        Text::new("每个分局警力标准（上限）", "Officers per sub-bureau, upper bound"),
        STAFF,
        G_TIERS,
        (1.0, 5_000.0, 1.0),
        150.0,
        Source::seed("000", Q_SIZING),
    ),
    spec(
        "branches_after",
        Text::new("每个分局的警种数", "Police branches per sub-bureau"),
        UNITS,
        G_UNITS,
        (1.0, 3.0, 1.0),
        3.0,
        Source::seed("000", Q_BRANCHES),
    ),
    spec(
        "legal_admin_staff",
        Text::new("法制综合部门警力", "Legal affairs and general administration staff"),
        STAFF,
        G_UNITS,
        (0.0, 500.0, 1.0),
        10.0,
        Source::assumption(
            "资料未给出部门人数；假设每个分局 10 人",
            "The sources give no department size; assumed 10 per sub-bureau",
        ),
    ),
    spec(
        "pair_size",
        Text::new("每组人数", "Officers per pair"),
        STAFF,
        G_TEAMS,
        (1.0, 10.0, 1.0),
        2.0,
        Source::seed("000", Q_PAIRS),
    ),
    spec(
        "pairs_per_team",
        Text::new("每队组数", "Pairs per team"),
        UNITS,
        G_TEAMS,
        (1.0, 10.0, 1.0),
        3.0,
        Source::seed("000", Q_TEAMS),
    ),
    spec(
        "traffic_brigades",
        Text::new("交警支队勤务大队", "Traffic detachment duty brigades"),
        UNITS,
        G_SINK,
        (0.0, 100.0, 1.0),
        9.0,
        Source::seed("000", Q_SINK_ALL),
    ),
    spec(
        "traffic_brigade_staff",
        Text::new("每个勤务大队民警", "Officers per duty brigade"),
        STAFF,
        G_SINK,
        (0.0, 1_000.0, 1.0),
        10.0,
        Source::assumption(
            "资料未给出人数；假设每个勤务大队 10 人（一线），计入城区警力总数，下沉后每个分局仍在 100–150 人标准之内",
            "Not in the sources; assumed 10 frontline officers per duty brigade, counted in the urban total, so that every sub-bureau stays inside the 100–150 standard before and after they move down",
        ),
    ),
    spec(
        "fire_sections",
        Text::new("消防支队消防科", "Fire detachment fire sections"),
        UNITS,
        G_SINK,
        (0.0, 100.0, 1.0),
        6.0,
        Source::seed("000", Q_SINK_ALL),
    ),
    spec(
        "fire_section_staff",
        Text::new("每个消防科民警", "Officers per fire section"),
        STAFF,
        G_SINK,
        (0.0, 1_000.0, 1.0),
        5.0,
        Source::assumption(
            "资料未给出人数；假设每个消防科 5 人，计为一线（下沉后与分局社区、治安共同负责消防工作），计入城区警力总数",
            "Not in the sources; assumed 5 officers per fire section, counted as frontline (after the move they share fire work with the sub-bureaus' community and patrol branches) and in the urban total",
        ),
    ),
];

pub const URBAN_REPORTED: &[Reported] = &[
    reported(
        MetricKey::FrontlineShare,
        0.485,
        0.89,
        [
            input("frontline_share_before"),
            emerges(
                "1 −（4 名局领导 + 10 名法制综合）÷ 每个分局 125 人；三个数都是假设",
                "1 − (4 leaders + 10 legal-admin) ÷ 125 per sub-bureau; all three assumed",
            ),
        ],
        Source::seed("001", Q_FRONTLINE),
    ),
    reported(
        MetricKey::ManagementTiers,
        3.0,
        2.0,
        [
            emerges(
                "改革前的组织图：市局、分局、派出所",
                "the organisation before: bureau, sub-bureaus, stations",
            ),
            emerges("二是撤销派出所一级", "measure 2 removes the station tier"),
        ],
        Source::seed("000", Q_TIERS),
    ),
    reported(
        MetricKey::CommandChain,
        7.0,
        3.0,
        [
            emerges("资料列出的职级", "the ranks the source lists"),
            emerges("资料列出的职级", "the ranks the source lists"),
        ],
        Source::seed("000", Q_CHAIN),
    ),
    reported(
        MetricKey::SubBureaus,
        10.0,
        20.0,
        [
            input("sub_bureaus_before"),
            calibrated(&["population", "staff"]),
        ],
        Source::seed("000", Q_MERGE),
    ),
    reported(
        MetricKey::Stations,
        70.0,
        0.0,
        [
            input("stations_before"),
            emerges(
                "二是把派出所并入分局",
                "measure 2 merges the stations into sub-bureaus",
            ),
        ],
        Source::seed("000", Q_MERGE),
    ),
    reported(
        MetricKey::InternalUnits,
        20.0,
        4.0,
        [
            input("internal_units_before"),
            emerges(
                "3 个警种 + 1 个部门（资料）",
                "3 branches + 1 department (the source)",
            ),
        ],
        Source::seed("000", Q_UNITS),
    ),
    Reported {
        before: None,
        ..reported(
            MetricKey::TeamSize,
            0.0,
            6.0,
            [
                None,
                emerges(
                    "每组 2 人 × 每队 3 组（资料）；第五项措施下沉的交警、消防民警编入各队，平均人数可能因此略高于 6",
                    "pairs of 2 × 3 pairs a team (the source); the traffic and fire officers who move down at measure 5 join the teams, which can raise the mean a little above 6",
                ),
            ],
            Source::seed("000", Q_TEAMS),
        )
    },
    Reported {
        metric: None,
        label: RESPONSE_REPORTED,
        unit: Text::new("分钟", "min"),
        before: Some(15.0),
        after: Some(9.0),
        how: [
            calibrated(&["rt_area", "rt_cars_before"]),
            calibrated(&["rt_area"]),
        ],
        source: Source::seed("000", Q_RESPONSE),
    },
    Reported {
        metric: None,
        label: Text::new(
            "巡逻警车（每百名城区民警）",
            "Patrol cars per 100 urban officers",
        ),
        unit: Text::new("台", "cars"),
        before: None,
        after: Some(4.0),
        how: [None, input("rt_cars_after")],
        source: Source::seed("000", Q_CARS),
    },
];

/// The key figures (shown first): The frontline share, the tiers, the command chain, 70 stations merged into 20 sub-bureaus, and the response time the reform is known for.
const URBAN_KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::FrontlineShare),
    KeyFigure::Metric(MetricKey::ManagementTiers),
    KeyFigure::Metric(MetricKey::CommandChain),
    KeyFigure::Metric(MetricKey::SubBureaus),
    KeyFigure::Metric(MetricKey::Stations),
    KeyFigure::ResponseTime,
];

const URBAN_METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::SubBureaus,
    MetricKey::LocallyRun,
    MetricKey::Stations,
    MetricKey::InternalUnits,
    MetricKey::Teams,
    MetricKey::TeamSize,
    MetricKey::StaffPerSubBureau,
    MetricKey::ResidentsPerSubBureau,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const URBAN_NOTES: &[Text] = &[
    Text::new(
        "一线警力比例 48.5% → 89% 是资料给出的全市数字（含县），模型用作城区改革前的比例和对照。",
        "The 48.5% → 89% frontline share is the source's citywide figure (counties included); the model uses it as the urban share before and as the comparison.",
    ),
    Text::new(
        "改革后分局数 = 辖区人口 ÷ 每个分局人口（四舍五入），再调整到使每个分局警力落在 100–150 人标准之内（两者不能同时满足时按人口）。",
        "Sub-bureaus after = residents ÷ residents per sub-bureau (rounded), then moved into the range that keeps each sub-bureau within the staffing standard (by population alone when no count satisfies both).",
    ),
    Text::new(
        "改革不增减警力：改革前后警力总数相同。改革前，一线警力按给定比例分布在派出所（按例子中的一线人数）和分局内设机构中。",
        "The reform neither adds nor removes officers: the total is the same before and after. Before, frontline staff are spread over stations (at the example station's frontline count) and the sub-bureaus' internal units to reach the given share.",
    ),
    Text::new(
        "改革后，局领导和法制综合部门为机关警力，其余警力平均分到各警种，按“二人一组、三组一队”编队；不足一队的人数并入各队。",
        "After, leaders and the legal and admin department are organ staff; the rest go evenly to the police branches and into teams of pairs; the remainder joins existing teams.",
    ),
    Text::new(
        "指挥层次按资料列出的职级计算：改革前 局长、副局长 → 大队长、副大队长、中队长、警长、民警；改革后 局长、副局长 → 队长。派出所的职级（所长、副所长、警长、民警）为假设。",
        "The command chain counts the ranks the source lists: before, chief and deputy chief → brigade head, deputy, squadron head, sergeant, officer; after, chief and deputy chief → team leader. Station ranks (head, deputy, sergeant, officer) are an assumption.",
    ),
    Text::new(
        "五是 全警下沉：改革前，交警支队的 9 个勤务大队和消防支队的 6 个消防科画在市局之下（科级单位；两个支队的机关与市局机关一样不在模型中，其人数为假设，计入城区警力总数，均为一线）。前三步（二是、三是、四是）它们不变；第 4 步（五是）它们的民警全部下沉，平均分到各分局，进入社区警务和治安巡防两个警种（“与分局社区、治安共同负责交通、消防工作”），按“二人一组、三组一队”编入新队（不足一队的并入已有各队），这些大队和科撤销。两个支队留下做业务指导、监督和检查，未画出。资料未给出它们的职级，不计入指挥层次。",
        "Measure 5, the whole force moves down: before, the traffic detachment's 9 duty brigades and the fire detachment's 6 fire sections are drawn under the municipal bureau (section-level units; the two detachments' own headquarters, like the municipal bureau's, are not in the model, and their sizes are assumed, counted in the urban total, all frontline). They stay as they are through steps 1 to 3 (measures 2, 3 and 4); at step 4 (measure 5) all their officers move down, spread evenly over the sub-bureaus into the community and patrol branches (“sharing traffic and fire work with the sub-bureaus' community and patrol”), forming new teams by the pairs-and-teams rule (a remainder joins the existing teams), and the brigades and sections are gone. The two detachments stay to guide, supervise and inspect, and are not drawn. The source gives them no ranks, so they add none to the command chain.",
    ),
    Text::new(
        "一是 垂直管理（最后一步，排在后面是为了让已保存的链接和方案的步骤不变；它与其他措施互不影响）：改革前各分局的人、财、物和党组织关系由所在区管理，图中分局框内注明“人财物归区管”，市局到分局的连线画成虚线（市局只管业务指导和有限的干部协管）；这一步后由市局直接管理，连线变为实线。合并出的新分局沿用原分局的管理关系。区对分局仍有协调、指导和监督、建议权，模型不画区政府。",
        "Measure 1, vertical management (the last step: placed last so that saved links and scenarios keep their steps; it and the other measures do not affect each other): before, each sub-bureau's personnel, finance, assets and Party relations are run by its district. Its box says “run by its district” and the line from the municipal bureau is dashed (the bureau only guides its work and has a limited say in appointments). After this step the municipal bureau runs them directly and the line is solid. Sub-bureaus formed by merging keep the lead of those they were formed from. The district keeps a say (coordination and guidance, oversight and advice on cadres); the model does not draw the district governments.",
    ),
    Text::new(
        "市局机关的整合（“大情报”、“大国保”）见“市局机关”范围。未建模，只引用（见“来源与建模假设”中的“资料报告的事实（模型未计算）”）：分局作为一级预算单位。",
        "The municipal headquarters' merges (“big intelligence”, “big domestic security”) are in the municipal headquarters scope. Not modelled, only quoted (see “Facts the sources report” under Sources): the sub-bureaus as first-level budget units.",
    ),
];

/// What seeds 000 and 001 report about Daqing that the model neither builds nor computes.
pub const FACTS: &[Fact] = &[
    Fact {
        key: "vertical_management_001",
        scopes: &["urban"],
        text: Text::new(
            "资料 001 也说：改革后分局由市局直接管辖，不再受区政府约束，减少了不必要的出警。",
            "Document 001 says the same: after the reform the sub-bureaus are run directly by the municipal bureau, no longer bound by the district governments, and make fewer needless call-outs.",
        ),
        source: Source::seed("001", Q_DIRECT_001),
    },
    Fact {
        key: "own_budget",
        scopes: &["urban"],
        text: Text::new(
            "分局经费由市财政统一保障，分局作为一级预算单位，独立设账户，直接对口市财政。",
            "The sub-bureaus' funds come from the city's budget: each is a first-level budget unit with its own account, dealing with the city's finance bureau directly.",
        ),
        source: Source::seed("000", Q_BUDGET),
    },
    Fact {
        key: "detachments_guide",
        scopes: &["urban"],
        text: Text::new(
            "下沉以后，交警支队、消防支队对分局的交管、消防工作进行业务指导、监督和检查。",
            "After the move, the traffic and fire detachments guide, supervise and inspect the sub-bureaus' traffic and fire work.",
        ),
        source: Source::seed("000", Q_GUIDE),
    },
];

const URBAN_LEVERS: &[Lever] = &[
    Lever {
        key: "fewer_tiers",
        needs: Text::new(
            "本局直接下辖的分局及其下的派出所（按辖区人口重新划分）",
            "Sub-bureaus under the top bureau and the police stations under them (re-drawn by residents)",
        ),
        name: Text::new("二是 减少层次", "Measure 2: fewer tiers"),
        summary: Text::new(
            "分局和派出所合并，按辖区人口和警力标准重新设置分局；派出所一级撤销，分局直接带警。",
            "Sub-bureaus and stations merge and are re-drawn by residents and the staffing standard; the station tier goes and sub-bureaus lead officers directly.",
        ),
        source: Source::seed("000", Q_M2),
        conserves_staff: true,
        apply: lever_fewer_tiers,
    },
    Lever {
        key: "merge_units",
        needs: Text::new(
            "本局直接下辖的分局及其内设机构",
            "Sub-bureaus under the top bureau and their internal units",
        ),
        name: Text::new("三是 整合机构", "Measure 3: merged units"),
        summary: Text::new(
            "每个分局的内设机构合并为三个警种和一个部门；局领导和法制综合部门为机关，其余警力进入警种。",
            "Each sub-bureau's internal units merge into three police branches and one department; leaders and the department are headquarters, everyone else joins a branch.",
        ),
        source: Source::seed("000", Q_M3),
        conserves_staff: true,
        apply: lever_merge_units,
    },
    Lever {
        key: "pairs_and_teams",
        needs: Text::new(
            "分局内有一线民警的警种（法制综合部门除外）",
            "Police branches inside sub-bureaus with frontline officers (not the legal-admin department)",
        ),
        name: Text::new("四是 优化组合", "Measure 4: pairs and teams"),
        summary: Text::new(
            "警种内实行“二人一组、三组一队”；大队长、副大队长、中队长、警长的层次取消，指挥层次为局长、副局长、队长。",
            "Branches work in pairs of two, three pairs a team; the brigade head, deputy brigade head, squadron head and sergeant ranks go, leaving chief, deputy chief, team leader.",
        ),
        source: Source::seed("000", Q_M4),
        conserves_staff: true,
        apply: lever_teams,
    },
    Lever {
        key: "whole_force_down",
        needs: Text::new(
            "本局直接下辖、有一线民警的科级单位（如交警勤务大队、消防科），以及本局直接下辖的分局",
            "Section-level units with frontline officers directly under the top bureau (such as traffic duty brigades and fire sections), and sub-bureaus under the top bureau to take them",
        ),
        name: Text::new(
            "五是 全警下沉",
            "Measure 5: the whole force moves down",
        ),
        summary: Text::new(
            "交警支队 9 个勤务大队、消防支队 6 个消防科的民警全部下沉分局，平均分到各分局的社区警务和治安巡防，按“二人一组、三组一队”编队；这些大队和科撤销，两个支队只做业务指导。",
            "All the officers of the traffic detachment's 9 duty brigades and the fire detachment's 6 fire sections move into the sub-bureaus, spread evenly into their community and patrol branches and formed into teams of pairs; the brigades and sections are gone, and the two detachments only guide.",
        ),
        source: Source::seed("000", Q_M5),
        conserves_staff: true,
        apply: lever_whole_force_down,
    },
    Lever {
        key: "vertical_management",
        needs: Text::new(
            "本局直接下辖、人财物由所在区（县）管理的分局",
            "Sub-bureaus under the top bureau whose personnel, finance and assets their district (or county) runs",
        ),
        name: Text::new("一是 垂直管理", "Measure 1: vertical management"),
        summary: Text::new(
            "分局的人、财、物和党组织关系由所在区管理改为市局直接管理（由“以块为主”变为“以条为主”）；警力和结构不变，市局到分局的连线由虚线（业务指导）变为实线。",
            "The sub-bureaus' personnel, finance, assets and Party relations move from their districts to the municipal bureau (from “mainly local” to “mainly vertical”); staff and structure stay, and the line from the municipal bureau goes from dashed (guidance) to solid.",
        ),
        source: Source::seed("000", Q_VERTICAL),
        conserves_staff: true,
        apply: lever_vertical_management,
    },
];

const COUNTY_LEVERS: &[Lever] = &[
    Lever {
        key: "county_units",
        needs: Text::new(
            "县局（本局，或本局直接下辖的县局）及其内设机构",
            "County bureaus (the top bureau, or those directly under it) and their internal units",
        ),
        name: Text::new("三是 整合机构：县局", "Measure 3: county bureau units"),
        summary: Text::new(
            "县局内设机构由约 30 个整合为 8 个，职能由指导转为实战；按顺序合并（资料未说明哪些机构合在一起）。",
            "County bureaus' internal units go from about 30 to 8 and turn from guidance to operations; merged in order (the source does not say which went together).",
        ),
        source: Source::seed("000", Q_COUNTY_UNITS),
        conserves_staff: true,
        apply: lever_county_units,
    },
    Lever {
        key: "abolish_town_stations",
        needs: Text::new(
            "县局下的城关派出所，以及县局中接收其警力的实战机构（只有一线岗位的内设机构）",
            "County-town stations under county bureaus, and the county bureau's operational units (internal units with frontline posts only) to take their officers",
        ),
        name: Text::new("三是 撤销县城派出所", "Measure 3: county-town stations abolished"),
        summary: Text::new(
            "撤销县城内的全部派出所，其警力并入县局的实战机构。",
            "Every station inside the county town is abolished; its officers join the county bureau's operational units.",
        ),
        source: Source::seed("000", Q_COUNTY_UNITS),
        conserves_staff: true,
        apply: lever_abolish_town_stations,
    },
    Lever {
        key: "central_stations",
        needs: Text::new(
            "县局下的农村派出所",
            "Rural stations under county bureaus",
        ),
        name: Text::new("三是 合并农村派出所", "Measure 3: rural stations merged"),
        summary: Text::new(
            "相邻的农村派出所合并为中心派出所，警力不变，每个中心所只保留一套指挥和内勤岗位；按顺序合并（资料未说明哪些所合在一起）。在其他组织上，按参数给出的比例（资料的 61 并为 31）合并每个县的农村派出所（有农村派出所的县至少一个中心所）。",
            "Neighbouring rural stations merge into central stations with all their officers; each keeps one set of command and admin posts. Merged in order (the source does not say which went together). On another organisation, each county's rural stations merge in the proportion the parameters give (the source's 61 into 31; at least one central station in a county that has any).",
        ),
        source: Source::seed("000", Q_RURAL),
        conserves_staff: true,
        apply: lever_central_stations,
    },
];

const ALL_URBAN_SPECS: &[ParamSpec] =
    &join::<{ URBAN_SPECS.len() + RESPONSE_CALIBRATED.len() }>(URBAN_SPECS, RESPONSE_CALIBRATED);
const ALL_COUNTY_SPECS: &[ParamSpec] =
    &join::<{ COUNTY_SPECS.len() + RESPONSE_OFF.len() }>(COUNTY_SPECS, RESPONSE_OFF);

/// The whole reform as one recipe for another organisation (the comparison of four reforms on
/// one organisation): the urban measures, then the counties'. Measure 5 (`whole_force_down`)
/// is left out: it acts only where frontline section-level units sit directly under the top
/// bureau (Daqing's traffic brigades and fire sections), which the typical city has not; the
/// composer offers it.
pub const REFORM: &[(&str, &str)] = &[
    ("urban", "fewer_tiers"),
    ("urban", "merge_units"),
    ("urban", "pairs_and_teams"),
    ("county", "county_units"),
    ("county", "abolish_town_stations"),
    ("county", "central_stations"),
];

// ---------------------------------------------------------------------------------------------
// Municipal headquarters scope: "big intelligence" and "big domestic security" (seed 000).

const G_HQ: Text = Text::new(
    "改革前的市局机关（相关部门）",
    "Municipal headquarters before (the units concerned)",
);

pub const HQ_SPECS: &[ParamSpec] = &[
    spec(
        "hq_leaders",
        Text::new("市局领导", "Municipal bureau leaders"),
        STAFF,
        G_HQ,
        (0.0, 50.0, 1.0),
        6.0,
        Source::assumption(
            "资料未给出；假设 6 人（局长和副局长）",
            "Not in the source; assumed 6 (the chief and deputy chiefs)",
        ),
    ),
    spec(
        "counter_terrorism_staff",
        Text::new("反恐处警力", "Counter-terrorism division staff"),
        STAFF,
        G_HQ,
        (0.0, 500.0, 1.0),
        10.0,
        Source::assumption(
            "资料未给出市局各部门的人数；假设反恐处 10 人",
            "The source gives no headquarters unit's size; assumed 10 in the counter-terrorism division",
        ),
    ),
    spec(
        "intelligence_staff",
        Text::new("情报信息中心警力", "Intelligence and information centre staff"),
        STAFF,
        G_HQ,
        (0.0, 500.0, 1.0),
        20.0,
        Source::assumption(
            "资料未给出；假设情报信息中心 20 人",
            "Not in the source; assumed 20 in the intelligence and information centre",
        ),
    ),
    spec(
        "public_order_staff",
        Text::new("治安支队警力（社区、经保工作以外）", "Public order detachment staff (besides community and economic-protection work)"),
        STAFF,
        G_HQ,
        (0.0, 1_000.0, 1.0),
        40.0,
        Source::assumption(
            "资料未给出；假设 40 人",
            "Not in the source; assumed 40",
        ),
    ),
    spec(
        "community_work_staff",
        Text::new("治安支队做社区工作的警力", "Public order detachment staff on community work"),
        STAFF,
        G_HQ,
        (0.0, 500.0, 1.0),
        6.0,
        Source::assumption(
            "资料只说社区工作转归国保支队，未给出人数；假设 6 人，随工作一起转过去",
            "The source says community work moved to the domestic security detachment but not how many did it; assumed 6, who move with the work",
        ),
    ),
    spec(
        "economic_protection_staff",
        Text::new("治安支队做经保工作的警力", "Public order detachment staff on economic protection"),
        STAFF,
        G_HQ,
        (0.0, 500.0, 1.0),
        6.0,
        Source::assumption(
            "资料只说经保工作转归国保支队，未给出人数；假设 6 人，随工作一起转过去",
            "The source says economic-protection work moved to the domestic security detachment but not how many did it; assumed 6, who move with the work",
        ),
    ),
    spec(
        "domestic_security_staff",
        Text::new("国保支队警力", "Domestic security detachment staff"),
        STAFF,
        G_HQ,
        (0.0, 1_000.0, 1.0),
        30.0,
        Source::assumption(
            "资料未给出；假设 30 人",
            "Not in the source; assumed 30",
        ),
    ),
];

const ALL_HQ_SPECS: &[ParamSpec] =
    &join::<{ HQ_SPECS.len() + RESPONSE_OFF.len() }>(HQ_SPECS, RESPONSE_OFF);

/// The key figures: the units answering to the municipal bureau, and the staff of the
/// detachment the two kinds of work join (the source gives no figure; these are the model's).
const HQ_KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::SpanMax),
    KeyFigure::Metric(MetricKey::DomesticSecurityStaff),
];

const HQ_METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::InternalUnits,
    MetricKey::SectionUnits,
    MetricKey::DomesticSecurityStaff,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const HQ_NOTES: &[Text] = &[
    Text::new(
        "只画出资料提到的市局部门：反恐处、情报信息中心、治安支队（及其社区、经保工作）和国保支队；市局其他部门不在此范围内。各部门人数均为假设，都算机关警力。",
        "Only the headquarters units the source names are drawn: the counter-terrorism division, the intelligence and information centre, the public order detachment (with its community and economic-protection work) and the domestic security detachment; the rest of the headquarters is outside this scope. Every size is an assumption, all counted as headquarters staff.",
    ),
    Text::new(
        "“大情报”：反恐处与情报信息中心合署办公。两个机构都保留，在图中放进一个合署办公的框里（本身没有人员），所以市局直接管理的部门少一个，层级多一层。",
        "“Big intelligence”: the counter-terrorism division shares offices with the intelligence and information centre. Both units remain; the diagram puts them inside one shared-office box (with no staff of its own), so the bureau has one unit fewer directly under it and the drawing one level more.",
    ),
    Text::new(
        "“大国保”：社区、经保工作由治安支队转归国保支队管理。模型把做这两项工作的警力（人数为假设）作为两个科随工作转到国保支队；资料只说工作转了，没说人是否一起转。",
        "“Big domestic security”: community and economic-protection work moves from the public order detachment to the domestic security detachment. The model moves the officers doing that work (their numbers assumed) as two sections with it; the source says the work moved, not whether its officers went with it.",
    ),
];

const HQ_LEVERS: &[Lever] = &[
    Lever {
        key: "big_intelligence",
        needs: Text::new(
            "本局直接下辖的反恐部门和情报部门（条线为反恐、情报的内设机构）",
            "A counter-terrorism unit and an intelligence unit directly under the top bureau (internal units of those branches)",
        ),
        name: Text::new("三是 整合机构：大情报", "Measure 3: big intelligence"),
        summary: Text::new(
            "反恐处与情报信息中心合署办公，构建“大情报”工作体系；两个机构保留，人员不变。",
            "The counter-terrorism division and the intelligence and information centre share offices as “big intelligence”; both remain, with their staff.",
        ),
        source: Source::seed("000", Q_INTEL),
        conserves_staff: true,
        apply: lever_big_intelligence,
    },
    Lever {
        key: "big_domestic_security",
        needs: Text::new(
            "本局直接下辖的治安部门（其下有社区或经保工作的科）和国保部门",
            "A public order unit directly under the top bureau with community or economic-protection sections, and a domestic security unit",
        ),
        name: Text::new("三是 整合机构：大国保", "Measure 3: big domestic security"),
        summary: Text::new(
            "社区、经保工作由治安支队转归国保支队管理，构建“大国保”工作体系；做这两项工作的科随之转入国保支队。",
            "Community and economic-protection work moves from the public order detachment to the domestic security detachment as “big domestic security”; the sections doing it move with it.",
        ),
        source: Source::seed("000", Q_INTEL),
        conserves_staff: true,
        apply: lever_big_domestic_security,
    },
];

const HQ_UNIT: Text = Text::new("市局部门", "Headquarters unit");
const COUNTER_TERRORISM: Text = Text::new("反恐处", "Counter-terrorism division");
const INTELLIGENCE: Text = Text::new("情报信息中心", "Intelligence and information centre");
const PUBLIC_ORDER: Text = Text::new("治安支队", "Public order detachment");
const DOMESTIC_SECURITY: Text = Text::new("国保支队", "Domestic security detachment");
const COMMUNITY_WORK: Text = Text::new("社区工作", "Community work");
const ECONOMIC_PROTECTION: Text = Text::new("经保工作", "Economic-protection work");
const BIG_INTELLIGENCE: Text = Text::new(
    "大情报（反恐处与情报信息中心合署办公）",
    "Big intelligence (shared offices)",
);
const HQ_RANKS: [Rank; 2] = [CHIEF, DEPUTY_CHIEF];
const DETACHMENT_RANKS: [Rank; 2] = [DETACHMENT_HEAD, OFFICER];
const DETACHMENT_HEAD: Rank = Rank(Text::new("支队长", "detachment head"));

// ---------------------------------------------------------------------------------------------
// Document 001's Yunnan station model, "三队一组": the station head leads community officers,
// criminal investigation and patrol. Placed with Daqing because Daqing's sources include 001.

const Q_YN_UNDER_HEAD: &str =
    "由于社区民警、刑侦、巡警三个警种都在派出所所长的领导下,由一个脑袋指挥";

const G_YN: Text = Text::new(
    "改革前的县城（派出所与驻所中队）",
    "A county town before (the station and the squadrons posted there)",
);

pub const YN_SPECS: &[ParamSpec] = &[
    spec(
        "yn_stations",
        Text::new("城区派出所", "Town stations"),
        UNITS,
        G_YN,
        (1.0, 30.0, 1.0),
        2.0,
        Source::assumption(
            "资料未给出；假设县城有 2 个派出所，每所各驻一个刑侦中队和一个巡警中队",
            "Not in the source; assumed 2 stations in the town, each with a criminal investigation squadron and a patrol squadron posted to it",
        ),
    ),
    spec(
        "yn_leaders",
        Text::new("县局领导", "County bureau leaders"),
        STAFF,
        G_YN,
        (0.0, 30.0, 1.0),
        5.0,
        Source::assumption("资料未给出；假设 5 人", "Not in the source; assumed 5"),
    ),
    spec(
        "yn_brigade_staff",
        Text::new("刑侦大队、巡警大队本级警力（各）", "Staff of each brigade itself (investigation, patrol)"),
        STAFF,
        G_YN,
        (0.0, 200.0, 1.0),
        8.0,
        Source::assumption("资料未给出；假设各 8 人", "Not in the source; assumed 8 each"),
    ),
    spec(
        "yn_cid_squadron_staff",
        Text::new("每个驻所刑侦中队的警力", "Staff per criminal investigation squadron"),
        STAFF,
        G_YN,
        (1.0, 200.0, 1.0),
        8.0,
        Source::assumption("资料未给出；假设每个 8 人", "Not in the source; assumed 8 each"),
    ),
    spec(
        "yn_patrol_squadron_staff",
        Text::new("每个巡警中队的警力", "Staff per patrol squadron"),
        STAFF,
        G_YN,
        (1.0, 200.0, 1.0),
        10.0,
        Source::assumption("资料未给出；假设每个 10 人", "Not in the source; assumed 10 each"),
    ),
    spec(
        "yn_station_leaders",
        Text::new("每个派出所的所领导和内勤", "Leaders and admin per station"),
        STAFF,
        G_YN,
        (0.0, 30.0, 1.0),
        3.0,
        Source::assumption("资料未给出；假设每所 3 人", "Not in the source; assumed 3 per station"),
    ),
    spec(
        "yn_community_officers",
        Text::new("每个派出所的社区民警", "Community officers per station"),
        STAFF,
        G_YN,
        (1.0, 200.0, 1.0),
        12.0,
        Source::assumption("资料未给出；假设每所 12 人", "Not in the source; assumed 12 per station"),
    ),
];

const ALL_YN_SPECS: &[ParamSpec] =
    &join::<{ YN_SPECS.len() + RESPONSE_OFF.len() }>(YN_SPECS, RESPONSE_OFF);

/// The key figures: the station's share of the town's officers and the units its head leads.
const YN_KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::StationShare),
    KeyFigure::Metric(MetricKey::Teams),
    KeyFigure::Metric(MetricKey::CommandChain),
];

const YN_METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::StationShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::Stations,
    MetricKey::InternalUnits,
    MetricKey::Teams,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const YN_NOTES: &[Text] = &[
    Text::new(
        "这是资料 001 介绍的云南模式，不是大庆的改革；因为大庆的资料包括 001，放在这里。资料只给出结构，没有给出任何人数：所有人数都是假设。",
        "This is the Yunnan model document 001 describes, not Daqing's reform; it sits here because Daqing's sources include document 001. The source gives the structure and no numbers: every size is an assumption.",
    ),
    Text::new(
        "改革前，一个县城的治安由派出所、驻所刑侦中队和巡警中队几个部门分别管理：中队分属县局刑侦大队、巡警大队。改革后，三支队伍都归派出所所长领导：驻所的刑侦中队和巡警中队划归派出所，派出所的社区民警组成社区民警中队。县局刑侦大队、巡警大队保留，负责指导、监督。",
        "Before, a county town's policing is run by several departments: the station, and the criminal investigation and patrol squadrons posted there, which belong to the county bureau's brigades. After, all three come under the station head: the squadrons posted to the station join it, and the station's community officers form a community officers' squadron. The county bureau's investigation and patrol brigades remain, to guide and supervise.",
    ),
    Text::new(
        "资料未说明“一组”是什么，模型不画它。假设的职级：改革前 局长、副局长 → 大队长 → 中队长 → 民警（派出所：所长 → 民警）；改革后 局长、副局长 → 所长 → 中队长 → 民警。",
        "The source does not say what the “one group” is, and the model does not draw it. Assumed ranks: before, chief, deputy chief → brigade head → squadron head → officer (a station: station head → officer); after, chief, deputy chief → station head → squadron head → officer.",
    ),
];

const YN_LEVERS: &[Lever] = &[Lever {
    key: "three_teams_one_group",
    needs: Text::new(
        "本局直接下辖的派出所，以及本局直接下辖的刑侦、巡警部门下驻所的中队",
        "Stations directly under the top bureau, and the squadrons of its investigation and patrol units posted to them",
    ),
    name: Text::new("云南：“三队一组”", "Yunnan: three teams, one group"),
    summary: Text::new(
        "社区民警、刑侦、巡警三个警种都归派出所所长领导：驻所的刑侦中队、巡警中队划归派出所，社区民警组成中队；县局的大队保留，负责指导、监督。",
        "Community officers, criminal investigation and patrol all come under the station head: the squadrons posted to each station join it and its community officers form a squadron; the county bureau's brigades remain, to guide and supervise.",
    ),
    source: Source::seed("001", Q_YN_UNDER_HEAD),
    conserves_staff: true,
    apply: lever_three_teams_one_group,
}];

const YN_COUNTY: Text = Text::new("县公安局", "County public security bureau");
const YN_COUNTY_ROLE: Text = Text::new("县局", "County bureau");
const YN_CID_BRIGADE: Text = Text::new("刑侦大队", "Criminal investigation brigade");
const YN_PATROL_BRIGADE: Text = Text::new("巡警大队", "Patrol brigade");
const YN_CID_SQUADRON: Text = Text::new("刑侦中队", "Criminal investigation squadron");
const YN_PATROL_SQUADRON: Text = Text::new("巡警中队", "Patrol squadron");
const YN_COMMUNITY_SQUADRON: Text = Text::new("社区民警中队", "Community officers' squadron");
const YN_BUREAU_RANKS: [Rank; 2] = [CHIEF, DEPUTY_CHIEF];
const YN_BRIGADE_RANKS: [Rank; 1] = [BRIGADE_HEAD];
const YN_SQUADRON_RANKS: [Rank; 2] = [SQUADRON_HEAD, OFFICER];
const YN_STATION_BEFORE_RANKS: [Rank; 2] = [STATION_HEAD, OFFICER];
const YN_STATION_AFTER_RANKS: [Rank; 1] = [STATION_HEAD];

/// The scopes' keys and names, in the order of [`VARIANTS`]: the page's pickers read these
/// before the case's part of the wasm is loaded (`ui::cases`).
pub const SCOPES: &[(&str, Text)] = &[
    (
        "urban",
        Text::new("城区（分局与派出所）", "Urban (sub-bureaus and stations)"),
    ),
    (
        "county",
        Text::new("县局与农村派出所", "County bureaus and rural stations"),
    ),
    (
        "municipal",
        Text::new(
            "市局机关：大情报、大国保",
            "Municipal headquarters: big intelligence, big domestic security",
        ),
    ),
    (
        "yunnan",
        Text::new(
            "相关模式（资料 001）：云南“三队一组”",
            "Related model (document 001): Yunnan's three teams, one group",
        ),
    ),
];

/// Everything of the case's model that the page reaches through [`CaseId::model`].
pub const MODEL: CaseModel = CaseModel {
    variants: VARIANTS,
    reform: REFORM,
    facts: FACTS,
    why: &super::why::DAQING,
};

pub const VARIANTS: &[Variant] = &[
    Variant {
        key: SCOPES[0].0,
        name: SCOPES[0].1,
        specs: ALL_URBAN_SPECS,
        row_specs: &[],
        baseline: Baseline::Built(urban_baseline),
        levers: URBAN_LEVERS,
        metrics: URBAN_METRICS,
        key_figures: URBAN_KEY_FIGURES,
        reported: URBAN_REPORTED,
        notes: URBAN_NOTES,
        composed: None,
    },
    Variant {
        key: SCOPES[1].0,
        name: SCOPES[1].1,
        specs: ALL_COUNTY_SPECS,
        row_specs: &[],
        baseline: Baseline::Built(county_baseline),
        levers: COUNTY_LEVERS,
        metrics: COUNTY_METRICS,
        key_figures: COUNTY_KEY_FIGURES,
        reported: COUNTY_REPORTED,
        notes: COUNTY_NOTES,
        composed: None,
    },
    Variant {
        key: SCOPES[2].0,
        name: SCOPES[2].1,
        specs: ALL_HQ_SPECS,
        row_specs: &[],
        baseline: Baseline::Built(hq_baseline),
        levers: HQ_LEVERS,
        metrics: HQ_METRICS,
        key_figures: HQ_KEY_FIGURES,
        reported: &[],
        notes: HQ_NOTES,
        composed: None,
    },
    Variant {
        key: SCOPES[3].0,
        name: SCOPES[3].1,
        specs: ALL_YN_SPECS,
        row_specs: &[],
        baseline: Baseline::Built(yunnan_baseline),
        levers: YN_LEVERS,
        metrics: YN_METRICS,
        key_figures: YN_KEY_FIGURES,
        reported: &[],
        notes: YN_NOTES,
        composed: None,
    },
];

const MUNICIPAL: Text = Text::new("大庆市公安局", "Daqing Public Security Bureau");
const MUNICIPAL_ROLE: Text = Text::new("市局", "Municipal bureau");
const SUB_BUREAU: Text = Text::new("分局", "Sub-bureau");
const STATION: Text = Text::new("派出所", "Police station");
const INTERNAL: Text = Text::new("内设机构", "Internal unit");
const TEAM: Text = Text::new("队", "Team");

/// The three police branches and the one department, in the source's order.
const BRANCHES: [(&str, Text); 3] = [
    ("community", Text::new("社区警务", "Community policing")),
    ("patrol", Text::new("治安巡防", "Patrol and public order")),
    (
        "investigation",
        Text::new("刑事侦查", "Criminal investigation"),
    ),
];
const TRAFFIC_BRIGADE: Text = Text::new("交警勤务大队", "Traffic duty brigade");
const FIRE_SECTION: Text = Text::new("消防科", "Fire section");
const LEGAL_ADMIN: Text = Text::new("法制综合", "Legal affairs and general administration");

const BEFORE_SUB_BUREAU_RANKS: [Rank; 2] = [CHIEF, DEPUTY_CHIEF];
const BEFORE_UNIT_RANKS: [Rank; 5] = [
    BRIGADE_HEAD,
    DEPUTY_BRIGADE_HEAD,
    SQUADRON_HEAD,
    SERGEANT,
    OFFICER,
];
const STATION_RANKS: [Rank; 4] = [STATION_HEAD, DEPUTY_STATION_HEAD, SERGEANT, OFFICER];

// ---------------------------------------------------------------------------------------------
// County scope: county bureaus' internal units ~30 → 8, stations inside county towns abolished,
// 61 rural stations merged into 31 central stations.

const Q_COUNTY_UNITS: &str =
    "在县局,工作职能由指导转为实战,内设机构由原来平均30个左右整合为8个,撤销县城内的全部派出所";
const Q_RURAL: &str = "将全市61个农村派出所合并为31个中心派出所";

const G_COUNTY: Text = Text::new("改革前的县局与农村", "Counties before the reform");
const G_COUNTY_AFTER: Text = Text::new(
    "三是 整合机构：县局与中心派出所",
    "Measure 3, merged units: county bureaus and central stations",
);

pub const COUNTY_SPECS: &[ParamSpec] = &[
    spec(
        "county_bureaus",
        Text::new("县局数", "County bureaus"),
        UNITS,
        G_COUNTY,
        (1.0, 50.0, 1.0),
        4.0,
        Source::assumption(
            "资料未给出县局数量；假设 4 个",
            "The sources do not give the number of county bureaus; assumed 4",
        ),
    ),
    spec(
        "county_units_before",
        Text::new("每个县局的内设机构（改革前）", "Internal units per county bureau before"),
        UNITS,
        G_COUNTY,
        (1.0, 80.0, 1.0),
        30.0,
        Source::seed("000", Q_COUNTY_UNITS),
    ),
    spec(
        "county_unit_staff",
        Text::new("每个内设机构警力（改革前）", "Staff per internal unit before"),
        STAFF,
        G_COUNTY,
        (1.0, 100.0, 1.0),
        6.0,
        Source::assumption(
            "资料未给出；假设每个内设机构 6 人",
            "Not in the sources; assumed 6 per internal unit",
        ),
    ),
    spec(
        "town_stations",
        Text::new("每个县城内的派出所", "Stations inside each county town"),
        UNITS,
        G_COUNTY,
        (0.0, 20.0, 1.0),
        2.0,
        Source::assumption(
            "资料只说撤销县城内的全部派出所，未给出数量；假设每县 2 个",
            "The source says all stations inside county towns were abolished but not how many; assumed 2 per county",
        ),
    ),
    spec(
        "town_station_staff",
        Text::new("每个县城派出所警力", "Staff per county-town station"),
        STAFF,
        G_COUNTY,
        (1.0, 200.0, 1.0),
        13.0,
        Source::assumption(
            "资料未给出县城派出所人数；借用资料中一个派出所的例子（13 人）",
            "The sources give no county-town station size; borrowed from the source's example station of 13",
        ),
    ),
    spec(
        "rural_stations_before",
        Text::new("农村派出所（改革前）", "Rural stations before"),
        UNITS,
        G_COUNTY,
        (0.0, 1_000.0, 1.0),
        61.0,
        Source::seed("000", Q_RURAL),
    ),
    spec(
        "rural_station_staff",
        Text::new("每个农村派出所警力", "Staff per rural station"),
        STAFF,
        G_COUNTY,
        (1.0, 100.0, 1.0),
        8.0,
        Source::assumption(
            "资料未给出农村派出所人数；假设 8 人",
            "The sources do not give rural station sizes; assumed 8",
        ),
    ),
    spec(
        "station_command_posts",
        Text::new("每个派出所的指挥和内勤岗位", "Command and admin posts per station"),
        STAFF,
        G_COUNTY,
        (0.0, 50.0, 1.0),
        3.0,
        Source::assumption(
            "资料中的例子（13 人中指挥 3 人、行政 4 人）是较大的所；假设农村所有 3 个此类岗位，合并后的中心所保留一套",
            "The source's example (3 command and 4 admin of 13) is a larger station; assumed 3 such posts in a rural station, one set kept by each merged central station",
        ),
    ),
    spec(
        "leaders",
        Text::new("每个县局的局领导", "Leaders per county bureau"),
        STAFF,
        G_COUNTY,
        (1.0, 20.0, 1.0),
        4.0,
        Source::assumption(
            "资料未给出；假设局长 1 人 + 副局长 3 人",
            "Not in the sources; assumed 1 chief + 3 deputy chiefs",
        ),
    ),
    spec(
        "county_units_after",
        Text::new("每个县局的内设机构（改革后）", "Internal units per county bureau after"),
        UNITS,
        G_COUNTY_AFTER,
        (1.0, 80.0, 1.0),
        8.0,
        Source::seed("000", Q_COUNTY_UNITS),
    ),
    spec(
        "county_organ_units_after",
        Text::new("其中机关（非实战）机构", "of which headquarters units"),
        UNITS,
        G_COUNTY_AFTER,
        (0.0, 80.0, 1.0),
        2.0,
        Source::assumption(
            "资料说县局职能“由指导转为实战”，未说明几个机构仍为机关；假设 8 个中 2 个",
            "The source says county bureaus turned “from guidance to operations” without saying how many units stay headquarters; assumed 2 of 8",
        ),
    ),
    spec(
        "central_stations_after",
        Text::new("中心派出所（改革后）", "Central stations after"),
        UNITS,
        G_COUNTY_AFTER,
        (0.0, 1_000.0, 1.0),
        31.0,
        Source::seed("000", Q_RURAL),
    ),
];

pub const COUNTY_REPORTED: &[Reported] = &[
    reported(
        MetricKey::InternalUnits,
        30.0,
        8.0,
        [input("county_units_before"), input("county_units_after")],
        Source::seed("000", Q_COUNTY_UNITS),
    ),
    effect(
        Text::new(
            "农村派出所 → 中心派出所",
            "Rural stations → central stations",
        ),
        UNITS,
        Some(61.0),
        31.0,
        [
            input("rural_stations_before"),
            input("central_stations_after"),
        ],
        Source::seed("000", Q_RURAL),
    ),
];

/// The key figures (shown first): County internal units 30 → 8, rural stations merged into central ones, headquarters staff moved to operations.
const COUNTY_KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::InternalUnits),
    KeyFigure::Metric(MetricKey::Stations),
    KeyFigure::Metric(MetricKey::OrganStaff),
    KeyFigure::Metric(MetricKey::FrontlineShare),
    KeyFigure::Metric(MetricKey::UnitsTotal),
];

const COUNTY_METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::CountyBureaus,
    MetricKey::Stations,
    MetricKey::InternalUnits,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const COUNTY_NOTES: &[Text] = &[
    Text::new(
        "改革前，县局内设机构承担指导职能，其警力计为机关警力（假设）；改革后内设机构转为实战，除机关机构外均计为一线。",
        "Before, county internal units guide rather than operate, so their staff count as headquarters (an assumption); after, all but the headquarters units operate and count as frontline.",
    ),
    Text::new(
        "县城内的派出所全部撤销，其警力并入县局的实战机构；农村派出所按顺序相邻合并为中心派出所，警力不变，每个中心所只保留一套指挥和内勤岗位。",
        "Stations inside county towns are abolished and their staff join the county bureau's operational units; neighbouring rural stations merge into central stations with all their staff, and each central station keeps one set of command and admin posts.",
    ),
    Text::new(
        "农村派出所和中心派出所按县平均分配（资料只给出全市总数）。县局的指挥层次资料未说明，改革前后按相同职级计算。",
        "Rural and central stations are spread evenly over the counties (the source gives only city totals). The source gives no county command chain: the same ranks are used before and after.",
    ),
    Text::new(
        "“派出所数”包括县城内的派出所；资料报告的 61 → 31 只计农村派出所。",
        "“Police stations” counts the county-town stations too; the reported 61 → 31 counts rural stations only.",
    ),
];

const COUNTY_BUREAU: Text = Text::new("县局", "County bureau");
const TOWN_STATION: Text = Text::new("城关派出所", "County-town station");
const RURAL_STATION: Text = Text::new("农村派出所", "Rural station");
const CENTRAL_STATION: Text = Text::new("中心派出所", "Central station");
