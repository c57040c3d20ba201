//! Tianjin "one office, two teams" (天津 一室两队), seed 003; `shared/domain/cases.md` section 3.
//!
//! Four scopes, each built from the seed's first two "聚焦". The last two also create bodies
//! (a Beijing-Tianjin-Hebei cooperation corps, an emergency mobile force, discipline
//! commissions and inspectors down to every station), but the source gives none of their sizes
//! or places in a scope's organisation, so they are quoted as facts (`FACTS`), not modelled:
//! - `station`: the police station "一室两隊(兩組)": an intelligence-and-command office leads a
//!   community policing team and a case-handling team (two groups in small stations), under a
//!   commander (指揮長負責制).
//! - `sub_bureau`: the 15 territorial sub-bureaus' "大部制": 20-odd departments into four systems,
//!   102 internal units cut, then 3,870 headquarters officers moved down to the stations.
//! - `binhai`: the Binhai New Area bureau's 11 sub-bureaus abolished (three tiers to two).
//! - `municipal`: the municipal bureau's directly attached units: 13 abolished, 287 section-level
//!   units merged into 92 deputy-division-level units.
//! - `traffic`: the 20 urban traffic brigades divided into 66 police areas, each under a police
//!   area sergeant (警區警長責任制); the brigades remain.
//!
//! This file holds the case's data (quotes, parameters, reported figures, notes, the lever
//! list); `measures.rs` the baseline and the measures' code.

mod measures;

use crate::i18n::{Msg, Name, Text};
use crate::model::cases::kit;
use crate::model::cases::kit::*;
use crate::model::cases::{
    Arg, Baseline, CaseModel, Fact, KeyFigure, Match, ModelError, Reported, Variant,
};
use crate::model::lever::Lever;
use crate::model::metrics::MetricKey;
use crate::model::org::{
    apportion, id, split_evenly, Branch, Id, Ids, Rank, Staff, Unit, UnitKind, BRIGADE_HEAD, CHIEF,
    DEPUTY_CHIEF, DEPUTY_STATION_HEAD, OFFICER, SERGEANT, STATION_HEAD, TEAM_LEADER,
};
use crate::model::params::{ParamSpec, Params};
use crate::model::planning::{join, RESPONSE_OFF};
use crate::model::source::Source;
#[allow(unused_imports)]
pub use measures::*;

const DOC: &str = "003";

// Quotes from seed 003, as written (traditional characters).
const Q_MUNICIPAL: &str = "優化調整40個市局直屬單位機構,撤銷13個直屬單位";
const Q_SECTIONS: &str = "將直屬單位內設的287個科級機構整合為92個副處級機構";
const Q_BINHAI: &str =
    "將濱海新區公安局所轄11個分局全部撤銷,直接管理指揮派出所,變三級管理為兩級管理";
const Q_SUB_BUREAUS: &str = "在15個屬地分局推行“大部制”改革";
const Q_CUT: &str = "裁撤102個內設機構";
const Q_DEPARTMENTS: &str =
    "將原來的20多個部門整合為決策指揮、管理監督、警務實戰、保障支援四大體系";
const Q_DABUZHI: &str = "在15個屬地分局推行“大部制”改革,裁撤102個內設機構,將原來的20多個部門整合為決策指揮、管理監督、警務實戰、保障支援四大體系";
const Q_SINK: &str = "連續兩年開展機關警力充實基層工作,3870名市局、分局機關警力充實至基層所隊";
const Q_SHARE: &str = "派出所警力佔分局總警力的53.6%";
const Q_ONE_OFFICE: &str = "實施“一室兩隊(兩組)”派出所改革";
const Q_LEAD: &str =
    "實行指揮長負責制……情報指揮室整合研判情報資源,“點對點”調派社區警務隊、執法辦案隊";
pub(crate) const Q_RATING: &str = "人民群眾對天津公安工作和隊伍建設綜合評議給出97.66分";
pub(crate) const Q_FRAUD: &str = "今年以來電信網絡詐騙案件下降21%";
const Q_PERMISSIONS: &str = "將33個業務系統資源權限釋放到派出所";
const Q_TRAFFIC: &str = "將20個交警大隊劃分為66個警區";
const Q_TRAFFIC_AREAS: &str =
    "並在城區交警大隊建立“警區警長責任制”,將20個交警大隊劃分為66個警區,警區與派出所管理對應";
const Q_EMERGENCY: &str = "推進特警管理改革,組建應急機動力量,保持常態戰備力量,布設快速反應作戰單元,應急機動力量2小時內全域覆蓋";
const Q_CORPS: &str = "組建京津冀警務協作總隊,不斷完善區域警務協作模式";
const Q_CORPS_CASES: &str =
    "2020年以來通過警務協作,偵破現行命案5起、命案積案9起、侵財案件192起,抓獲嫌疑人64名";
const Q_DISCIPLINE: &str = "設立市局直屬機關紀委,在各直屬單位、分局設置專職紀委書記,在各派出所、看守所、交警大隊設立紀檢專員,形成了“駐市局紀檢組+直屬機關紀委+二級單位紀委+基層紀檢專員”的“大監督”格局";
const Q_ROTATION: &str = "嚴格落實特殊敏感崗位滿5年、同一崗位任職滿10年必須交流的硬性要求,調整交流處級、科級干部5000余人次、民警5800多人,16個公安分局領導班子成員全部交流";

// Ranks the source does not list; the model names them so the command chain can be counted.
const COMMANDER: Rank = Rank(Text::new("指挥长", "commander"));
const GROUP_LEADER: Rank = Rank(Text::new("组长", "group leader"));
const DEPT_HEAD: Rank = Rank(Text::new("部门负责人", "department head"));
const SUB_BUREAU_HEAD: Rank = Rank(Text::new("分局长", "sub-bureau head"));
const DEPUTY_SUB_BUREAU_HEAD: Rank = Rank(Text::new("副分局长", "deputy sub-bureau head"));
const DIVISION_HEAD: Rank = Rank(Text::new("处长", "division head"));
const SECTION_HEAD: Rank = Rank(Text::new("科长", "section head"));
const DEPUTY_DIVISION_HEAD: Rank = Rank(Text::new("副处长", "deputy division head"));

const MUNICIPAL: Text = Text::new("天津市公安局", "Tianjin Public Security Bureau");
const MUNICIPAL_ROLE: Text = Text::new("市局", "Municipal bureau");
const SUB_BUREAU: Text = Text::new("分局", "Sub-bureau");
const STATION: Text = Text::new("派出所", "Police station");

// =============================================================================================
// Scope 1: the police station, "一室兩隊(兩組)".

const G_STATIONS: Text = Text::new("改革前的派出所", "Stations before the reform");
const G_ONE_OFFICE: Text = Text::new(
    "聚焦提质增效：一室两队（两组）",
    "Focus 2, quality and efficiency: one office, two teams (two groups)",
);

const A_STATIONS: Source = Source::assumption(
    "资料未给出派出所数量；取一个分局的规模，假设 20 个（“属地分局”范围按每个分局 18 个计，两者都是假设）",
    "The source gives no station count; taken as one sub-bureau's worth, assumed 20 (the sub-bureau scope assumes 18 per sub-bureau; both are assumptions)",
);

pub const STATION_SPECS: &[ParamSpec] = &[
    spec(
        "stations",
        Text::new("派出所数", "Police stations"),
        UNITS,
        G_STATIONS,
        (0.0, 200.0, 1.0),
        20.0,
        A_STATIONS,
    ),
    spec(
        "station_staff_min",
        Text::new("最小派出所的警力", "Staff of the smallest station"),
        STAFF,
        G_STATIONS,
        (1.0, 300.0, 1.0),
        12.0,
        Source::assumption(
            "资料未给出派出所规模；假设派出所警力在 12 到 60 人之间均匀分布",
            "The source gives no station sizes; assumed spread evenly between 12 and 60 officers",
        ),
    ),
    spec(
        "station_staff_max",
        Text::new("最大派出所的警力", "Staff of the largest station"),
        STAFF,
        G_STATIONS,
        (1.0, 300.0, 1.0),
        60.0,
        Source::assumption(
            "资料未给出派出所规模；假设派出所警力在 12 到 60 人之间均匀分布",
            "The source gives no station sizes; assumed spread evenly between 12 and 60 officers",
        ),
    ),
    spec(
        "station_leaders",
        Text::new("每个派出所的所领导", "Leaders per station"),
        STAFF,
        G_STATIONS,
        (1.0, 10.0, 1.0),
        3.0,
        Source::assumption(
            "资料未给出；假设所长 1 人 + 副所长 2 人",
            "Not in the source; assumed 1 station head + 2 deputies",
        ),
    ),
    spec(
        "admin_staff",
        Text::new("每个派出所的内勤", "Admin staff per station"),
        STAFF,
        G_STATIONS,
        (0.0, 20.0, 1.0),
        2.0,
        Source::assumption(
            "资料未给出；假设每所内勤 2 人，改革后进入情报指挥室",
            "Not in the source; assumed 2 per station, who staff the intelligence and command office after",
        ),
    ),
    spec(
        "community_share",
        Text::new("一线警力中社区民警比例", "Community officers, share of the frontline"),
        PCT,
        G_STATIONS,
        (0.0, 100.0, 1.0),
        40.0,
        Source::assumption(
            "资料未给出；假设一线警力 40% 为社区民警、30% 为办案民警、其余为巡逻民警",
            "Not in the source; assumed 40% of the frontline community officers, 30% case officers, the rest patrol",
        ),
    ),
    spec(
        "case_share",
        Text::new("一线警力中办案民警比例", "Case officers, share of the frontline"),
        PCT,
        G_STATIONS,
        (0.0, 100.0, 1.0),
        30.0,
        Source::assumption(
            "资料未给出；假设一线警力 40% 为社区民警、30% 为办案民警、其余为巡逻民警",
            "Not in the source; assumed 40% of the frontline community officers, 30% case officers, the rest patrol",
        ),
    ),
    spec(
        "small_station_threshold",
        Text::new("设“两组”的派出所警力上限（少于）", "Stations below this size get two groups"),
        STAFF,
        G_ONE_OFFICE,
        (0.0, 300.0, 1.0),
        30.0,
        Source::assumption(
            "资料只说“一室两队（两组）”，未给出设组的标准；假设警力少于 30 人的派出所设两组",
            "The source writes “two teams (two groups)” without saying which stations get groups; assumed stations with fewer than 30 officers",
        ),
    ),
    spec(
        "patrol_to_community",
        Text::new("巡逻民警进入社区警务队的比例", "Patrol officers joining the community team"),
        PCT,
        G_ONE_OFFICE,
        (0.0, 100.0, 1.0),
        50.0,
        Source::assumption(
            "资料未说明巡逻警力的去向；假设一半进入社区警务队、一半进入执法办案队",
            "The source does not say where patrol officers went; assumed half to the community team, half to the case team",
        ),
    ),
];

pub const STATION_REPORTED: &[Reported] = &[
    effect_q(
        Text::new(
            "释放到派出所的业务系统权限",
            "Business systems opened to stations",
        ),
        Text::new("个", "systems"),
        None,
        33.0,
        [None, QUOTED],
        Q_PERMISSIONS,
    ),
    effect_q(
        Text::new(
            "电信网络诈骗案件变化（今年以来）",
            "Telecom fraud cases, change this year",
        ),
        PCT,
        None,
        -21.0,
        [None, QUOTED],
        Q_FRAUD,
    ),
];

/// The key figures (shown first): One office, two teams: the teams and groups a station is reorganised into.
const STATION_KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::Teams),
    KeyFigure::Metric(MetricKey::Groups),
    KeyFigure::Metric(MetricKey::TeamSize),
    KeyFigure::Metric(MetricKey::Layers),
    KeyFigure::Metric(MetricKey::UnitsTotal),
];

const STATION_METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::Stations,
    MetricKey::Teams,
    MetricKey::Groups,
    MetricKey::TeamSize,
    MetricKey::InternalUnits,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const STATION_NOTES: &[Text] = &[
    Text::new(
        "改革前的派出所为假设的常规结构：所长、副所长（所本级），内勤、社区民警、办案民警、巡逻民警四个岗位组；资料没有描述改革前的派出所。",
        "The station before is an assumed conventional one: head and deputies at the station, and admin, community, case and patrol desks; the source does not describe the station before.",
    ),
    Text::new(
        "派出所警力在最小和最大规模之间均匀分布；警力少于门槛的派出所设社区警务组、执法办案组，其余设社区警务队、执法办案队。",
        "Station sizes are spread evenly between the smallest and the largest; stations below the threshold get a community group and a case group, the others a community team and a case team.",
    ),
    Text::new(
        "内勤进入情报指挥室（机关警力），社区民警进入社区警务队，办案民警进入执法办案队，巡逻民警按比例分到两队；改革不增减警力。",
        "Admin staff go to the intelligence and command office (headquarters posts), community officers to the community team, case officers to the case team, patrol officers to both in the given proportion; no officer is added or removed.",
    ),
    Text::new(
        "指挥长负责制：一名副所长任指挥长，领导情报指挥室，两队（两组）在情报指挥室之下接受“点对点”调派。资料未给出职级：指挥层次按 所长→副所长→警长→民警 与 所长→指挥长→队长→民警 计算，层次数相同。",
        "Commander responsibility: one deputy head becomes the commander and leads the office, and the two teams (groups) sit under the office, dispatched point to point. The source gives no ranks: the chain is head → deputy → sergeant → officer before and head → commander → team leader → officer after, the same length.",
    ),
    Text::new(
        "分局本级不在此范围内（见“分局”范围）。未建模：“1+2+N”警探巡组（资料未说明其构成）、“四合四联”机制。交警警区（20 个交警大队内划分 66 个警区，大队保留）见“交警大队”范围。",
        "The sub-bureau's own organs are outside this scope (see the sub-bureau scope). Not modelled: the “1+2+N” police-detective-patrol groups (the source does not say how they are made up), and the “four joint” mechanism. The traffic police areas (66 areas inside the 20 traffic brigades, which remain) are in the traffic brigades scope.",
    ),
];

const STATION_LEVERS: &[Lever] = &[
    Lever {
        key: "one_office_two_teams",
        needs: Text::new(
            "设有内勤、社区、办案和巡逻岗位组的派出所，或没有下设单位、有机关和一线岗位的派出所（在组织中的任何位置）",
            "Police stations (wherever they sit in the organisation) with admin, community, case and patrol desks, or with headquarters and frontline posts and no units of their own",
        ),
        name: Text::new(
            "聚焦提质增效：一室两队（两组）",
            "Focus 2: one office, two teams (two groups)",
        ),
        summary: Text::new(
            "每个派出所的内勤组成情报指挥室，社区和办案民警组成社区警务队、执法办案队，巡逻民警分入两队；小所设两组而非两队。用于其他组织中没有岗位组的派出所时（模型假设）：所领导留任，其余机关岗位（至少一个）作为内勤，一线警力按本案的社区、办案比例划分。",
            "In every station the admin desk becomes the intelligence and command office, and community and case officers form a community team and a case team, patrol officers joining both; small stations get two groups instead of two teams. On a station of another organisation without desks (a modelling assumption): its leaders stay, its other headquarters posts (at least one) are the admin desk, and its frontline splits by this case's community and case shares.",
        ),
        source: Source::seed(DOC, Q_ONE_OFFICE),
        conserves_staff: true,
        apply: lever_one_office_two_teams,
    },
    Lever {
        key: "office_leads_teams",
        needs: Text::new(
            "设有情报指挥室（由“一室两队”一步设立）且至少有两名所领导的派出所",
            "Police stations with an intelligence and command office (set up by the one-office-two-teams step) and at least two leaders",
        ),
        name: Text::new(
            "聚焦提质增效：指挥长负责制、一室引领",
            "Focus 2: a commander in charge, the office leads",
        ),
        summary: Text::new(
            "由一名副所长任指挥长（资料未说明由谁担任，为假设），领导情报指挥室；两队（两组）置于情报指挥室之下，由其“点对点”调派。",
            "One deputy head (an assumption; the source does not say who) becomes the commander leading the office; the two teams (groups) sit under the office, which dispatches them point to point.",
        ),
        source: Source::seed(DOC, Q_LEAD),
        conserves_staff: true,
        apply: lever_office_leads_teams,
    },
];

const OLD_STATION_RANKS: [Rank; 2] = [STATION_HEAD, DEPUTY_STATION_HEAD];
const DESK_RANKS: [Rank; 2] = [SERGEANT, OFFICER];
const TEAM_RANKS: [Rank; 2] = [TEAM_LEADER, OFFICER];
const GROUP_RANKS: [Rank; 2] = [GROUP_LEADER, OFFICER];

const DESK: Text = Text::new("岗位组", "Desk");
/// A station's desks before the reform, each with the line of work it is recognised by.
const DESKS: [(&str, Text, Branch); 4] = [
    ("admin", Text::new("内勤", "Admin"), Branch::Command),
    (
        "community",
        Text::new("社区民警", "Community officers"),
        Branch::Community,
    ),
    (
        "case",
        Text::new("办案民警", "Case officers"),
        Branch::CaseHandling,
    ),
    (
        "patrol",
        Text::new("巡逻民警", "Patrol officers"),
        Branch::Patrol,
    ),
];
const COMMAND_OFFICE: Text = Text::new("情报指挥室", "Intelligence and command office");
const COMMUNITY_TEAM: Text = Text::new("社区警务队", "Community policing team");
const CASE_TEAM: Text = Text::new("执法办案队", "Case-handling team");
const COMMUNITY_GROUP: Text = Text::new("社区警务组", "Community policing group");
const CASE_GROUP: Text = Text::new("执法办案组", "Case-handling group");

// =============================================================================================
// Scope 2: the 15 territorial sub-bureaus, "大部制" and moving staff down.

const G_SB: Text = Text::new(
    "改革前的属地分局",
    "Territorial sub-bureaus before the reform",
);
const G_DABUZHI: Text = Text::new(
    "聚焦精简高效：压减层级（大部制）",
    "Focus 1, lean and efficient: fewer tiers (merged departments)",
);
const G_SINK: Text = Text::new(
    "聚焦精简高效：下沉警力",
    "Focus 1, lean and efficient: officers moved down",
);

const A_CALIBRATED: Source = Source::assumption(
    "资料未给出分局的人员结构；取 5 名局领导 + 22 个部门 × 50 人 + 18 个派出所 × 40 人 = 每个分局 1,825 人，使下沉 3,870 人后派出所警力占 53.6%（见说明）",
    "The source gives no staffing of the sub-bureaus; taken as 5 leaders + 22 departments × 50 + 18 stations × 40 = 1,825 per sub-bureau, so that stations hold 53.6% after the 3,870 move (see the notes)",
);

pub const SUB_BUREAU_SPECS: &[ParamSpec] = &[
    spec(
        "sub_bureaus",
        Text::new("属地分局数", "Territorial sub-bureaus"),
        UNITS,
        G_SB,
        (1.0, 30.0, 1.0),
        15.0,
        Source::seed(DOC, Q_SUB_BUREAUS),
    ),
    spec(
        "departments_before",
        Text::new("每个分局的部门（改革前）", "Departments per sub-bureau before"),
        UNITS,
        G_SB,
        (1.0, 40.0, 1.0),
        22.0,
        Source::assumption(
            "资料说“原來的20多個部門”；取 22 个",
            "The source says “20-odd departments”; taken as 22",
        ),
    ),
    spec(
        "sub_bureau_leaders",
        Text::new("每个分局的局领导", "Leaders per sub-bureau"),
        STAFF,
        G_SB,
        (0.0, 20.0, 1.0),
        5.0,
        A_CALIBRATED,
    ),
    spec(
        "department_staff",
        Text::new("每个部门的警力", "Staff per department"),
        STAFF,
        G_SB,
        (1.0, 200.0, 1.0),
        50.0,
        A_CALIBRATED,
    ),
    spec(
        "department_organ_share",
        Text::new("部门警力中机关警力比例", "Headquarters share of department staff"),
        PCT,
        G_SB,
        (0.0, 100.0, 1.0),
        40.0,
        Source::assumption(
            "资料未给出；假设部门警力 40% 为机关岗位，其余为部门所属的实战队伍",
            "Not in the source; assumed 40% of department staff hold headquarters posts, the rest serve in the departments' operational units",
        ),
    ),
    spec(
        "stations_per_sub_bureau",
        Text::new("每个分局的派出所", "Stations per sub-bureau"),
        UNITS,
        G_SB,
        (0.0, 40.0, 1.0),
        18.0,
        A_CALIBRATED,
    ),
    spec(
        "sb_station_staff",
        Text::new("每个派出所的警力（改革前）", "Staff per station before"),
        STAFF,
        G_SB,
        (1.0, 200.0, 1.0),
        40.0,
        A_CALIBRATED,
    ),
    spec(
        "sb_station_leaders",
        Text::new("每个派出所的所领导和内勤", "Leaders and admin per station"),
        STAFF,
        G_SB,
        (0.0, 50.0, 1.0),
        5.0,
        Source::assumption(
            "资料未给出；假设每所 5 个所领导和内勤岗位（机关警力）",
            "Not in the source; assumed 5 leadership and admin posts per station (headquarters posts)",
        ),
    ),
    spec(
        "systems",
        Text::new("每个分局的体系数", "Systems per sub-bureau"),
        UNITS,
        G_DABUZHI,
        (1.0, 4.0, 1.0),
        4.0,
        Source::seed(DOC, Q_DEPARTMENTS),
    ),
    spec(
        "units_cut",
        Text::new("裁撤的内设机构（全部分局）", "Internal units cut (all sub-bureaus)"),
        UNITS,
        G_DABUZHI,
        (0.0, 1_200.0, 1.0),
        102.0,
        Source::seed(DOC, Q_CUT),
    ),
    spec(
        "moved_staff",
        Text::new("充实基层的机关警力", "Headquarters officers moved down"),
        STAFF,
        G_SINK,
        (0.0, 20_000.0, 10.0),
        3_870.0,
        Source::seed(DOC, Q_SINK),
    ),
];

pub const SUB_BUREAU_REPORTED: &[Reported] = &[
    Reported {
        before: None,
        ..reported(
            MetricKey::InternalUnits,
            0.0,
            4.0,
            [None, input("systems")],
            Source::seed(DOC, Q_DEPARTMENTS),
        )
    },
    Reported {
        before: None,
        ..reported(
            MetricKey::StationShare,
            0.0,
            0.536,
            [
                None,
                calibrated(&[
                    "sub_bureau_leaders",
                    "department_staff",
                    "stations_per_sub_bureau",
                    "sb_station_staff",
                ]),
            ],
            Source::seed(DOC, Q_SHARE),
        )
    },
    effect_q(
        Text::new("裁撤的内设机构", "Internal units cut"),
        Text::new("个", "units"),
        None,
        102.0,
        [None, input("units_cut")],
        Q_CUT,
    ),
    effect_q(
        Text::new(
            "充实基层的市局、分局机关警力",
            "Headquarters officers moved to stations and teams",
        ),
        Text::new("人", "officers"),
        None,
        3_870.0,
        [None, input("moved_staff")],
        Q_SINK,
    ),
    effect_q(
        Text::new("社会评议综合得分（2020 年）", "Public rating, 2020"),
        Text::new("分", "points"),
        None,
        97.66,
        [None, QUOTED],
        Q_RATING,
    ),
];

/// The key figures (shown first): Merged departments (4 in place of the internal units) and headquarters officers moved to stations (53.6 %).
const SUB_BUREAU_KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::InternalUnits),
    KeyFigure::Metric(MetricKey::OrganStaff),
    KeyFigure::Metric(MetricKey::StaffFrontline),
    KeyFigure::Metric(MetricKey::FrontlineShare),
    KeyFigure::Metric(MetricKey::StationShare),
];

const SUB_BUREAU_METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::StationShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::SubBureaus,
    MetricKey::Stations,
    MetricKey::InternalUnits,
    MetricKey::StaffPerSubBureau,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const SUB_BUREAU_NOTES: &[Text] = &[
    Text::new(
        "“20多个部门”就是分局的内设机构：102 个被裁撤的内设机构是这些部门的一部分。每个分局的部门按顺序分成四段，分别整合为决策指挥、管理监督、警务实战、保障支援四大体系；每段末尾的部门被裁撤、并入体系本级，其余部门作为科室保留在体系之下（资料未说明哪些部门归入哪个体系、哪些被裁撤）。",
        "The “20-odd departments” are the sub-bureau's internal units, and the 102 units cut are among them. Each sub-bureau's departments are split in order into four runs that become the four systems (decision and command, management and supervision, operations, support); the last departments of each run are cut and merged into the system itself, the others stay as sections under it (the source does not say which department went where or which were cut).",
    ),
    Text::new(
        "102 个被裁撤的内设机构平均分到 15 个分局（每个 6 或 7 个），再按部门数分到各体系。",
        "The 102 units cut are spread evenly over the 15 sub-bureaus (6 or 7 each), then over the systems by their departments.",
    ),
    Text::new(
        "下沉警力：3,870 名机关警力（参数）从各分局部门和体系的机关岗位按比例抽出，平均充实到本分局的派出所一线。资料说来自“市局、分局机关”；市局机关不在此范围内，模型全部从分局机关抽出。",
        "Moving officers down: the 3,870 (a parameter) leave the departments' and systems' headquarters posts in proportion and join the frontline of their sub-bureau's stations evenly. The source says they came from “municipal and sub-bureau organs” and went to “stations and teams”; the municipal organs are outside this scope, so the model takes all of them from the sub-bureaus and gives all of them to stations.",
    ),
    Text::new(
        "派出所警力占比由树计算：15 × (18 × 40) = 10,800 人在派出所，占 15 × 1,825 = 27,375 人的 39.5%；下沉后 10,800 + 3,870 = 14,670 人，占 53.59%，四舍五入为资料的 53.6%。基线人数正是为此选定的假设。",
        "The station share is computed from the tree: 15 × (18 × 40) = 10,800 in stations, 39.5% of 15 × 1,825 = 27,375; after the move 10,800 + 3,870 = 14,670, 53.59%, which rounds to the source's 53.6%. The baseline staffing was chosen (an assumption) to land there.",
    ),
    Text::new(
        "资料未给出职级：部门与体系下的科室均按 部门负责人→民警 计算，体系本级不加职级，指挥层次改革前后相同。",
        "The source gives no ranks: departments and the sections under systems both count department head → officer, the systems add no rank, and the chain is the same before and after.",
    ),
];

const SUB_BUREAU_LEVERS: &[Lever] = &[
    Lever {
        key: "big_departments",
        needs: Text::new(
            "本局直接下辖的分局及其部门（内设机构）",
            "Sub-bureaus under the top bureau and their departments (internal units)",
        ),
        name: Text::new(
            "聚焦精简高效：压减层级（大部制）",
            "Focus 1: fewer tiers (merged departments)",
        ),
        summary: Text::new(
            "每个分局的 20 多个部门整合为四大体系；102 个内设机构被裁撤、并入体系本级，其余部门成为体系下的科室。用于其他组织时，裁撤的部门数按同一比例换算。",
            "Each sub-bureau's 20-odd departments are integrated into four systems; 102 internal units are cut and merged into the systems themselves, the other departments become sections under them. On another organisation, the same share of its departments is cut.",
        ),
        source: Source::seed(DOC, Q_DABUZHI),
        conserves_staff: true,
        apply: lever_big_departments,
    },
    Lever {
        key: "sink_staff",
        needs: Text::new(
            "分局中派出所以外的机关岗位，以及分局下接收下沉警力的派出所",
            "Headquarters posts of sub-bureaus outside their stations, and the stations under them to take the officers moved down",
        ),
        name: Text::new("聚焦精简高效：下沉警力", "Focus 1: officers moved down"),
        summary: Text::new(
            "机关警力从分局的部门和体系抽出，充实到派出所一线。用于其他组织时，下沉的警力按同一比例（占分局机关岗位）换算。",
            "Headquarters officers leave the sub-bureaus' departments and systems for the stations' frontline. On another organisation, the same share of the sub-bureaus' headquarters posts moves down.",
        ),
        source: Source::seed(DOC, Q_SINK),
        conserves_staff: true,
        apply: lever_sink_staff,
    },
];

const SB_RANKS: [Rank; 2] = [CHIEF, DEPUTY_CHIEF];
const DEPT_RANKS: [Rank; 2] = [DEPT_HEAD, OFFICER];
const SB_STATION_RANKS: [Rank; 2] = [STATION_HEAD, OFFICER];
const DEPARTMENT: Text = Text::new("部门", "Department");
const SECTION_ROLE: Text = Text::new("科室", "Section");
const SYSTEMS: [(&str, Text); 4] = [
    (
        "command",
        Text::new("决策指挥体系", "Decision and command system"),
    ),
    (
        "supervision",
        Text::new("管理监督体系", "Management and supervision system"),
    ),
    ("operations", Text::new("警务实战体系", "Operations system")),
    ("support", Text::new("保障支援体系", "Support system")),
];
const SYSTEM_ROLE: Text = Text::new("体系", "System");

// =============================================================================================
// Scope 3: the Binhai New Area bureau, three tiers to two.

const G_BINHAI: Text = Text::new(
    "改革前的滨海新区公安局",
    "The Binhai New Area bureau before",
);
const G_BINHAI_AFTER: Text = Text::new(
    "聚焦精简高效：压减层级（滨海新区）",
    "Focus 1, lean and efficient: fewer tiers (Binhai)",
);

pub const BINHAI_SPECS: &[ParamSpec] = &[
    spec(
        "binhai_sub_bureaus",
        Text::new("滨海新区公安局所辖分局", "Sub-bureaus under the Binhai bureau"),
        UNITS,
        G_BINHAI,
        (0.0, 40.0, 1.0),
        11.0,
        Source::seed(DOC, Q_BINHAI),
    ),
    spec(
        "binhai_stations",
        Text::new("派出所数", "Police stations"),
        UNITS,
        G_BINHAI,
        (0.0, 300.0, 1.0),
        33.0,
        Source::assumption(
            "资料未给出滨海新区的派出所数；假设每个分局 3 个，共 33 个",
            "The source gives no station count for Binhai; assumed 3 per sub-bureau, 33 in all",
        ),
    ),
    spec(
        "binhai_bureau_staff",
        Text::new("新区公安局本级警力", "Staff of the bureau itself"),
        STAFF,
        G_BINHAI,
        (0.0, 2_000.0, 1.0),
        60.0,
        Source::assumption(
            "资料未给出；假设新区公安局本级（领导和机关）60 人",
            "Not in the source; assumed 60 for the bureau's own leaders and headquarters",
        ),
    ),
    spec(
        "binhai_sub_bureau_staff",
        Text::new("每个分局本级警力", "Staff of each sub-bureau itself"),
        STAFF,
        G_BINHAI,
        (0.0, 500.0, 1.0),
        30.0,
        Source::assumption(
            "资料未给出；假设每个分局本级（领导和机关）30 人",
            "Not in the source; assumed 30 for each sub-bureau's own leaders and headquarters",
        ),
    ),
    spec(
        "binhai_station_staff",
        Text::new("每个派出所的警力", "Staff per station"),
        STAFF,
        G_BINHAI,
        (1.0, 300.0, 1.0),
        40.0,
        Source::assumption(
            "资料未给出；假设每所 40 人",
            "Not in the source; assumed 40 per station",
        ),
    ),
    spec(
        "binhai_station_leaders",
        Text::new("每个派出所的所领导和内勤", "Leaders and admin per station"),
        STAFF,
        G_BINHAI,
        (0.0, 50.0, 1.0),
        5.0,
        Source::assumption(
            "资料未给出；假设每所 5 个所领导和内勤岗位",
            "Not in the source; assumed 5 leadership and admin posts per station",
        ),
    ),
    spec(
        "binhai_to_stations",
        Text::new("撤销分局的警力充实派出所的比例", "Abolished sub-bureaus' staff going to stations"),
        PCT,
        G_BINHAI_AFTER,
        (0.0, 100.0, 1.0),
        100.0,
        Source::assumption(
            "资料未说明撤销分局后人员的去向；按改革的方向（“3870名市局、分局机关警力充实至基层所队……瘦了机关的身，强了基层的体”）假设全部充实派出所一线，新区公安局本级不增加人员",
            "The source does not say where the abolished sub-bureaus' officers went; assumed, in the reform's direction (3,870 headquarters officers “充實至基層所隊”, “瘦了機關的身，強了基層的體”), that all join the stations' frontline and the bureau's own headquarters gains no one",
        ),
    ),
];

pub const BINHAI_REPORTED: &[Reported] = &[
    reported(
        MetricKey::ManagementTiers,
        3.0,
        2.0,
        [
            emerges(
                "改革前的组织图：新区公安局、分局、派出所",
                "the organisation before: district bureau, sub-bureaus, stations",
            ),
            emerges("撤销分局一级", "the sub-bureau tier abolished"),
        ],
        Source::seed(DOC, Q_BINHAI),
    ),
    reported(
        MetricKey::SubBureaus,
        11.0,
        0.0,
        [
            input("binhai_sub_bureaus"),
            emerges("撤销全部分局", "every sub-bureau abolished"),
        ],
        Source::seed(DOC, Q_BINHAI),
    ),
];

/// The key figures (shown first): Three tiers to two: the 11 sub-bureaus abolished.
const BINHAI_KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::ManagementTiers),
    KeyFigure::Metric(MetricKey::SubBureaus),
    KeyFigure::Metric(MetricKey::CommandChain),
    KeyFigure::Metric(MetricKey::OrganStaff),
    KeyFigure::Metric(MetricKey::FrontlineShare),
];

const BINHAI_METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::StationShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::SubBureaus,
    MetricKey::Stations,
    MetricKey::InternalUnits,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const BINHAI_NOTES: &[Text] = &[
    Text::new(
        "滨海新区公安局是区级公安局，模型中作为树根（县区局）；11 个分局各管若干派出所（平均分配，数量为假设）。",
        "The Binhai New Area bureau is a district-level bureau, the root of this tree (a county-level bureau); its 11 sub-bureaus each command some stations (spread evenly; the count is an assumption).",
    ),
    Text::new(
        "分局全部撤销，派出所（保持原编号）直接由新区公安局管理指挥；撤销分局的警力按比例充实派出所一线或进入新区公安局本级，警力总数不变。",
        "Every sub-bureau is abolished and the stations (keeping their ids) report to the bureau directly; the abolished sub-bureaus' officers join the stations' frontline or the bureau's own headquarters in the given proportion, and the total is unchanged.",
    ),
    Text::new(
        "资料未给出职级：假设 局长、副局长 → 分局长、副分局长 → 所长、民警；撤销分局一级即去掉其两个职级。新区公安局内设机构未建模。",
        "The source gives no ranks: assumed chief, deputy chief → sub-bureau head, deputy → station head, officer; removing the sub-bureau tier removes its two ranks. The bureau's internal units are not modelled.",
    ),
];

const BINHAI_LEVERS: &[Lever] = &[Lever {
    key: "abolish_binhai_sub_bureaus",
    needs: Text::new(
        "本局直接下辖的分局",
        "Sub-bureaus under the top bureau",
    ),
    name: Text::new(
        "聚焦精简高效：压减层级（滨海新区）",
        "Focus 1: fewer tiers (Binhai New Area)",
    ),
    summary: Text::new(
        "撤销滨海新区公安局所辖的全部分局，新区公安局直接管理指挥派出所；三级管理变为两级。",
        "All sub-bureaus of the Binhai New Area bureau are abolished and the bureau commands its stations directly: three tiers become two.",
    ),
    source: Source::seed(DOC, Q_BINHAI),
    conserves_staff: true,
    apply: lever_abolish_binhai_sub_bureaus,
}];

const BINHAI: Text = Text::new("滨海新区公安局", "Binhai New Area Public Security Bureau");
const BINHAI_ROLE: Text = Text::new("区公安局", "County bureau");
const BINHAI_SB_RANKS: [Rank; 2] = [SUB_BUREAU_HEAD, DEPUTY_SUB_BUREAU_HEAD];

// =============================================================================================
// Scope 4: the municipal bureau's directly attached units.

const G_MUNICIPAL: Text = Text::new("改革前的市局直属单位", "Attached units before the reform");
const G_ORGANS: Text = Text::new(
    "聚焦精简高效：精简机关",
    "Focus 1, lean and efficient: leaner headquarters",
);

pub const MUNICIPAL_SPECS: &[ParamSpec] = &[
    spec(
        "attached_units",
        Text::new("市局直属单位", "Directly attached units"),
        UNITS,
        G_MUNICIPAL,
        (0.0, 100.0, 1.0),
        40.0,
        Source::seed(DOC, Q_MUNICIPAL),
    ),
    spec(
        "sections_before",
        Text::new(
            "直属单位内设的科级机构",
            "Section-level units in the attached units",
        ),
        UNITS,
        G_MUNICIPAL,
        (0.0, 1_500.0, 1.0),
        287.0,
        Source::seed(DOC, Q_SECTIONS),
    ),
    spec(
        "section_staff",
        Text::new("每个科级机构的警力", "Staff per section-level unit"),
        STAFF,
        G_MUNICIPAL,
        (1.0, 100.0, 1.0),
        8.0,
        Source::assumption(
            "资料未给出；假设每个科级机构 8 人",
            "Not in the source; assumed 8 per section-level unit",
        ),
    ),
    spec(
        "attached_unit_leaders",
        Text::new("每个直属单位的领导", "Leaders per attached unit"),
        STAFF,
        G_MUNICIPAL,
        (0.0, 20.0, 1.0),
        3.0,
        Source::assumption(
            "资料未给出；假设每个直属单位 3 名领导",
            "Not in the source; assumed 3 leaders per attached unit",
        ),
    ),
    spec(
        "municipal_leaders",
        Text::new("市局领导", "Municipal bureau leaders"),
        STAFF,
        G_MUNICIPAL,
        (0.0, 30.0, 1.0),
        8.0,
        Source::assumption(
            "资料未给出；假设市局领导 8 人",
            "Not in the source; assumed 8 leaders of the municipal bureau",
        ),
    ),
    spec(
        "attached_abolished",
        Text::new("撤销的直属单位", "Attached units abolished"),
        UNITS,
        G_ORGANS,
        (0.0, 100.0, 1.0),
        13.0,
        Source::seed(DOC, Q_MUNICIPAL),
    ),
    spec(
        "division_units_after",
        Text::new("整合后的副处级机构", "Deputy-division-level units after"),
        UNITS,
        G_ORGANS,
        (0.0, 1_500.0, 1.0),
        92.0,
        Source::seed(DOC, Q_SECTIONS),
    ),
];

pub const MUNICIPAL_REPORTED: &[Reported] = &[
    reported(
        MetricKey::SectionUnits,
        287.0,
        92.0,
        [input("sections_before"), input("division_units_after")],
        Source::seed(DOC, Q_SECTIONS),
    ),
    Reported {
        after: None,
        ..reported(
            MetricKey::AttachedUnits,
            40.0,
            0.0,
            [input("attached_units"), None],
            Source::seed(DOC, Q_MUNICIPAL),
        )
    },
    effect_q(
        Text::new("撤销的直属单位", "Attached units abolished"),
        Text::new("个", "units"),
        None,
        13.0,
        [None, input("attached_abolished")],
        Q_MUNICIPAL,
    ),
    effect_q(
        Text::new("社会评议综合得分（2020 年）", "Public rating, 2020"),
        Text::new("分", "points"),
        None,
        97.66,
        [None, QUOTED],
        Q_RATING,
    ),
];

/// The key figures (shown first): 287 sections into 92 division-level units, 13 of 40 attached units abolished.
const MUNICIPAL_KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::SectionUnits),
    KeyFigure::Metric(MetricKey::AttachedUnits),
    KeyFigure::Metric(MetricKey::UnitsTotal),
    KeyFigure::Metric(MetricKey::SpanAvg),
    KeyFigure::Metric(MetricKey::SpanMax),
];

const MUNICIPAL_METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::AttachedUnits,
    MetricKey::InternalUnits,
    MetricKey::SectionUnits,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const MUNICIPAL_NOTES: &[Text] = &[
    Text::new(
        "模型把“优化调整40个市局直属单位机构，撤销13个直属单位”读作：40 个直属单位中撤销 13 个，保留 27 个（资料也可读作另有 13 个被撤销）。被撤销的单位均匀分布在 40 个之中，其科级机构和领导并入前一个保留的单位。",
        "The model reads “reorganised 40 attached units, abolished 13” as 13 of the 40 abolished and 27 kept (it could also mean 13 besides the 40). The abolished units are spread evenly among the 40; their sections and leaders join the preceding kept unit.",
    ),
    Text::new(
        "287 个科级机构平均分布在 40 个直属单位中（每个 7 或 8 个）；整合时每个保留单位至少得到一个副处级机构，其余 92 个按科级机构数分配，每个副处级机构由本单位相邻的若干科级机构合并而成（资料未说明如何合并）。",
        "The 287 sections are spread evenly over the 40 attached units (7 or 8 each); in the merge every kept unit gets at least one deputy-division-level unit and the rest of the 92 go by section count, each formed from consecutive sections of its unit (the source does not say which merged).",
    ),
    Text::new(
        "市局机关和直属单位的警力均计为机关警力；改革不增减警力。资料未给出职级：按 局长、副局长 → 处长 → 科长（改革后副处长）、民警 计算，层次不变。",
        "The municipal headquarters and attached units' staff all count as headquarters posts; no officer is added or removed. The source gives no ranks: chief, deputy → division head → section head (deputy division head after), officer, the same length.",
    ),
    Text::new(
        "未建模：出入境管理等职能下放到分局（分局不在此范围内）。",
        "Not modelled: exit-entry and other functions devolved to the sub-bureaus (outside this scope).",
    ),
];

const MUNICIPAL_LEVERS: &[Lever] = &[
    Lever {
        key: "abolish_attached_units",
        needs: Text::new(
            "本局直接下辖的直属单位",
            "Attached units under the top bureau",
        ),
        name: Text::new(
            "聚焦精简高效：精简机关（撤销直属单位）",
            "Focus 1: leaner headquarters (attached units abolished)",
        ),
        summary: Text::new(
            "撤销 13 个直属单位，其科级机构和领导并入相邻的保留单位。用于其他组织时，撤销的单位数按同一比例换算。",
            "13 attached units are abolished; their sections and leaders join a neighbouring kept unit. On another organisation, the same share of its attached units is abolished.",
        ),
        source: Source::seed(DOC, Q_MUNICIPAL),
        conserves_staff: true,
        apply: lever_abolish_attached_units,
    },
    Lever {
        key: "merge_sections",
        needs: Text::new(
            "直属单位内的科级机构（科室）",
            "Section-level units inside the attached units",
        ),
        name: Text::new(
            "聚焦精简高效：精简机关（科级整合为副处级）",
            "Focus 1: leaner headquarters (sections into deputy-division units)",
        ),
        summary: Text::new(
            "各直属单位内的科级机构按顺序合并为副处级机构，共 287 个合为 92 个。用于其他组织时，合并后的机构数按同一比例换算。",
            "Each attached unit's section-level units merge in order into deputy-division-level units, 287 into 92 in all. On another organisation, the sections merge in the same proportion.",
        ),
        source: Source::seed(DOC, Q_SECTIONS),
        conserves_staff: true,
        apply: lever_merge_sections,
    },
];

const ATTACHED: Text = Text::new("直属单位", "Attached unit");
const SECTION_UNIT: Text = Text::new("科级机构", "Section-level unit");
const DIVISION_UNIT: Text = Text::new("副处级机构", "Deputy-division-level unit");

// =============================================================================================

const ALL_STATION_SPECS: &[ParamSpec] =
    &join::<{ STATION_SPECS.len() + RESPONSE_OFF.len() }>(STATION_SPECS, RESPONSE_OFF);
const ALL_SUB_BUREAU_SPECS: &[ParamSpec] =
    &join::<{ SUB_BUREAU_SPECS.len() + RESPONSE_OFF.len() }>(SUB_BUREAU_SPECS, RESPONSE_OFF);
const ALL_BINHAI_SPECS: &[ParamSpec] =
    &join::<{ BINHAI_SPECS.len() + RESPONSE_OFF.len() }>(BINHAI_SPECS, RESPONSE_OFF);
const ALL_MUNICIPAL_SPECS: &[ParamSpec] =
    &join::<{ MUNICIPAL_SPECS.len() + RESPONSE_OFF.len() }>(MUNICIPAL_SPECS, RESPONSE_OFF);
const ALL_TRAFFIC_SPECS: &[ParamSpec] =
    &join::<{ TRAFFIC_SPECS.len() + RESPONSE_OFF.len() }>(TRAFFIC_SPECS, RESPONSE_OFF);

// =============================================================================================
// Scope 5: the urban traffic brigades, divided into police areas (警區警長責任制).

const G_TRAFFIC: Text = Text::new("改革前的城区交警大队", "Urban traffic brigades before");
const G_TRAFFIC_AFTER: Text = Text::new(
    "聚焦提质增效：警区警长责任制",
    "Focus 2, better results: police area sergeants",
);

pub const TRAFFIC_SPECS: &[ParamSpec] = &[
    spec(
        "traffic_brigades",
        Text::new("城区交警大队", "Urban traffic brigades"),
        UNITS,
        G_TRAFFIC,
        (1.0, 100.0, 1.0),
        20.0,
        Source::seed(DOC, Q_TRAFFIC_AREAS),
    ),
    spec(
        "traffic_brigade_staff",
        Text::new("每个交警大队的警力", "Staff per traffic brigade"),
        STAFF,
        G_TRAFFIC,
        (1.0, 1_000.0, 1.0),
        60.0,
        Source::assumption(
            "资料未给出交警大队的人数；假设每个大队 60 人",
            "The source gives no traffic brigade's size; assumed 60 each",
        ),
    ),
    spec(
        "traffic_brigade_command",
        Text::new("每个大队的大队领导和内勤", "Brigade leaders and admin per brigade"),
        STAFF,
        G_TRAFFIC,
        (0.0, 100.0, 1.0),
        6.0,
        Source::assumption(
            "资料未给出；假设每个大队 6 个大队领导和内勤岗位，留在大队本级",
            "Not in the source; assumed 6 leadership and admin posts per brigade, which stay with the brigade",
        ),
    ),
    spec(
        "traffic_bureau_staff",
        Text::new("交管局本级警力", "Staff of the traffic bureau itself"),
        STAFF,
        G_TRAFFIC,
        (0.0, 2_000.0, 1.0),
        80.0,
        Source::assumption(
            "资料未给出；假设交通管理局本级（领导和机关）80 人",
            "Not in the source; assumed 80 for the traffic bureau's own leaders and headquarters",
        ),
    ),
    spec(
        "police_areas",
        Text::new("划分的警区", "Police areas formed"),
        UNITS,
        G_TRAFFIC_AFTER,
        (0.0, 1_000.0, 1.0),
        66.0,
        Source::seed(DOC, Q_TRAFFIC_AREAS),
    ),
];

pub const TRAFFIC_REPORTED: &[Reported] = &[
    reported(
        MetricKey::PoliceAreas,
        0.0,
        66.0,
        [
            emerges("改革前没有警区", "no police areas before"),
            input("police_areas"),
        ],
        Source::seed(DOC, Q_TRAFFIC),
    ),
    reported(
        MetricKey::TrafficBrigades,
        20.0,
        20.0,
        [
            input("traffic_brigades"),
            emerges(
                "警区设在大队之内，大队保留",
                "the areas sit inside the brigades, which remain",
            ),
        ],
        Source::seed(DOC, Q_TRAFFIC_AREAS),
    ),
];

/// The key figures (shown first): the 66 areas inside the 20 brigades that remain.
const TRAFFIC_KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::PoliceAreas),
    KeyFigure::Metric(MetricKey::TrafficBrigades),
    KeyFigure::Metric(MetricKey::SpanAvg),
    KeyFigure::Metric(MetricKey::CommandChain),
];

const TRAFFIC_METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::TrafficBrigades,
    MetricKey::SectionUnits,
    MetricKey::PoliceAreas,
    MetricKey::InternalUnits,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const TRAFFIC_NOTES: &[Text] = &[
    Text::new(
        "树根是天津市公安交通管理局（市局直属单位），其下为城区 20 个交警大队（资料给出的数字）；大队和交管局本级的人数为假设。交警大队在属地之外另成一条线：派出所属于分局，不在本范围内。",
        "The root is the Tianjin traffic management bureau (an attached unit of the municipal bureau), with the 20 urban traffic brigades (the source's number) under it; the sizes of the brigades and of the bureau itself are assumptions. Traffic brigades are a line of their own beside the territorial one: the stations belong to the sub-bureaus and are not in this scope.",
    ),
    Text::new(
        "警区警长责任制：警区平均分到各大队（66 个分到 20 个大队：6 个大队各 4 个，14 个各 3 个），每个大队的一线警力平均分到其警区，每个警区由一名警长负责；大队领导和内勤留在大队本级。警区在大队之内，大队保留，警力总数不变。资料说“警区与派出所管理对应”：每个警区对应若干派出所的辖区，本范围不画派出所，所以这一对应只在此说明。",
        "Police area sergeants: the areas are spread evenly over the brigades (66 over 20: 6 brigades have 4, 14 have 3), each brigade's frontline officers are shared evenly among its areas, and each area is led by a sergeant (警长); the brigade's leaders and admin stay with the brigade. The areas are inside the brigades, which remain, and the total is unchanged. The source says the areas “match the stations' management”: each area covers the ground of some stations; this scope does not draw the stations, so that match is only stated here.",
    ),
    Text::new(
        "资料只给出警长一个职级。模型假设改革前大队领导直接带民警（大队长 → 民警），所以警长使指挥层次多一层；若改革前大队下设中队而警区取代了中队，指挥层次就不变。资料未说明是哪一种。",
        "The source names one rank only, the area sergeant. The model assumes brigade leaders led officers directly before (brigade head → officer), so the sergeant adds one rank to the command chain; if brigades had squadrons that the areas replaced, the chain would not change. The source does not say which.",
    ),
];

const TRAFFIC_LEVERS: &[Lever] = &[Lever {
    key: "traffic_police_areas",
    needs: Text::new(
        "本局直接下辖、有一线民警、尚未划分警区的交警大队（交警条线的科级单位）",
        "Traffic brigades directly under the top unit (section-level units of the traffic branch) with frontline officers and no police areas yet",
    ),
    name: Text::new(
        "聚焦提质增效：警区警长责任制",
        "Focus 2: police area sergeants (traffic)",
    ),
    summary: Text::new(
        "城区交警大队划分为警区，每个警区由一名警长负责，警区与派出所管理对应；大队保留，其一线民警平均分到各警区。",
        "The urban traffic brigades are divided into police areas, each led by a sergeant and matching the stations' ground; the brigades remain, and their frontline officers are shared among the areas.",
    ),
    source: Source::seed(DOC, Q_TRAFFIC_AREAS),
    conserves_staff: true,
    apply: lever_traffic_police_areas,
}];

const TRAFFIC_BUREAU: Text = Text::new("天津市公安交通管理局", "Tianjin Traffic Management Bureau");
const TRAFFIC_BUREAU_ROLE: Text = Text::new("交管局", "Traffic bureau");
const TRAFFIC_BRIGADE: Text = Text::new("交警大队", "Traffic brigade");
const POLICE_AREA: Text = Text::new("警区", "Police area");
const TRAFFIC_BUREAU_RANKS: [Rank; 2] = [CHIEF, DEPUTY_CHIEF];
const BRIGADE_BEFORE_RANKS: [Rank; 2] = [BRIGADE_HEAD, OFFICER];
const BRIGADE_AFTER_RANKS: [Rank; 1] = [BRIGADE_HEAD];
const AREA_RANKS: [Rank; 2] = [SERGEANT, OFFICER];

/// The whole reform as one recipe for another organisation: the stations' one office two teams
/// and commander, the sub-bureaus' four systems and officers moved down, and the municipal
/// bureau's attached units and sections. Binhai's abolished sub-bureaus are left out: the source
/// abolishes one district's 11 sub-bureaus and keeps the city's 15 territorial ones (which it
/// reorganises), so on a whole city the measure would abolish every sub-bureau the other
/// measures have just reorganised. The composer still offers it.
/// What seed 003 reports in words that no scope's model builds: bodies whose size and place
/// the source does not give, and the measures on people.
pub const FACTS: &[Fact] = &[
    Fact {
        key: "emergency_force",
        scopes: &[],
        text: Text::new(
            "特警管理改革：组建应急机动力量，布设快速反应作战单元，2 小时内覆盖全市。资料未给出其人数和隶属，未建模。",
            "Special police reform: an emergency mobile force with rapid-reaction units, covering the whole city within 2 hours. The source gives neither its size nor where it sits, so it is not modelled.",
        ),
        source: Source::seed(DOC, Q_EMERGENCY),
    },
    Fact {
        key: "cooperation_corps",
        scopes: &[],
        text: Text::new(
            "组建京津冀警务协作总队（一个新的总队），完善区域警务协作。资料未给出总队的人数和内部结构，未建模。",
            "A new Beijing-Tianjin-Hebei police cooperation corps, for regional police cooperation. The source gives neither the corps' size nor its structure, so it is not modelled.",
        ),
        source: Source::seed(DOC, Q_CORPS),
    },
    Fact {
        key: "cooperation_cases",
        scopes: &[],
        text: Text::new(
            "警务协作的成效（资料报告）：现行命案 5 起、命案积案 9 起、侵财案件 192 起，抓获嫌疑人 64 名。",
            "What cooperation achieved (as reported): 5 current and 9 old homicides and 192 property crimes solved, 64 suspects caught.",
        ),
        source: Source::seed(DOC, Q_CORPS_CASES),
    },
    Fact {
        key: "discipline_bodies",
        scopes: &[],
        text: Text::new(
            "“大监督”格局：设立市局直属机关纪委；各直属单位、分局设专职纪委书记；各派出所、看守所、交警大队设纪检专员：驻市局纪检组 + 直属机关纪委 + 二级单位纪委 + 基层纪检专员。这些多为岗位，资料未给出人数，未建模。",
            "“Big supervision”: a discipline commission for the municipal bureau's attached bodies; a full-time discipline secretary in every attached unit and sub-bureau; a discipline inspector in every station, detention house and traffic brigade: the inspection team stationed at the bureau + the attached bodies' commission + the second-level units' commissions + the grassroots inspectors. Most are posts, not units, and the source gives no numbers, so this is not modelled.",
        ),
        source: Source::seed(DOC, Q_DISCIPLINE),
    },
    Fact {
        key: "rotation",
        scopes: &[],
        text: Text::new(
            "刚性干部交流：特殊敏感岗位满 5 年、同一岗位满 10 年必须交流；交流处级、科级干部 5000 余人次、民警 5800 多人，16 个分局领导班子成员全部交流。",
            "Compulsory rotation: sensitive posts after 5 years, any post after 10; over 5,000 division- and section-level cadre moves and over 5,800 officers moved, and every member of the 16 sub-bureaus' leadership teams rotated.",
        ),
        source: Source::seed(DOC, Q_ROTATION),
    },
];

pub const REFORM: &[(&str, &str)] = &[
    ("station", "one_office_two_teams"),
    ("station", "office_leads_teams"),
    ("sub_bureau", "big_departments"),
    ("sub_bureau", "sink_staff"),
    ("municipal", "abolish_attached_units"),
    ("municipal", "merge_sections"),
];

/// The scopes' keys and names, in the order of [`VARIANTS`]: the page's pickers read these
/// before the case's part of the wasm is loaded (`ui::cases`).
pub const SCOPES: &[(&str, Text)] = &[
    (
        "station",
        Text::new(
            "派出所：一室两队（两组）",
            "Police station: one office, two teams",
        ),
    ),
    (
        "sub_bureau",
        Text::new(
            "属地分局：大部制与警力下沉",
            "Sub-bureaus: merged departments, officers moved down",
        ),
    ),
    (
        "binhai",
        Text::new(
            "滨海新区：三级变两级",
            "Binhai New Area: three tiers to two",
        ),
    ),
    (
        "municipal",
        Text::new(
            "市局机关：直属单位与科级机构",
            "Municipal organs: attached units and sections",
        ),
    ),
    (
        "traffic",
        Text::new(
            "交警大队：警区警长责任制",
            "Traffic brigades: police area sergeants",
        ),
    ),
];

/// Everything of the case's model that the page reaches through [`CaseId::model`].
pub const MODEL: CaseModel = CaseModel {
    variants: VARIANTS,
    reform: REFORM,
    facts: FACTS,
    why: &super::why::TIANJIN,
};

pub const VARIANTS: &[Variant] = &[
    Variant {
        key: SCOPES[0].0,
        name: SCOPES[0].1,
        specs: ALL_STATION_SPECS,
        row_specs: &[],
        baseline: Baseline::Built(station_baseline),
        levers: STATION_LEVERS,
        metrics: STATION_METRICS,
        key_figures: STATION_KEY_FIGURES,
        reported: STATION_REPORTED,
        notes: STATION_NOTES,
        composed: None,
    },
    Variant {
        key: SCOPES[1].0,
        name: SCOPES[1].1,
        specs: ALL_SUB_BUREAU_SPECS,
        row_specs: &[],
        baseline: Baseline::Built(sub_bureau_baseline),
        levers: SUB_BUREAU_LEVERS,
        metrics: SUB_BUREAU_METRICS,
        key_figures: SUB_BUREAU_KEY_FIGURES,
        reported: SUB_BUREAU_REPORTED,
        notes: SUB_BUREAU_NOTES,
        composed: None,
    },
    Variant {
        key: SCOPES[2].0,
        name: SCOPES[2].1,
        specs: ALL_BINHAI_SPECS,
        row_specs: &[],
        baseline: Baseline::Built(binhai_baseline),
        levers: BINHAI_LEVERS,
        metrics: BINHAI_METRICS,
        key_figures: BINHAI_KEY_FIGURES,
        reported: BINHAI_REPORTED,
        notes: BINHAI_NOTES,
        composed: None,
    },
    Variant {
        key: SCOPES[3].0,
        name: SCOPES[3].1,
        specs: ALL_MUNICIPAL_SPECS,
        row_specs: &[],
        baseline: Baseline::Built(municipal_baseline),
        levers: MUNICIPAL_LEVERS,
        metrics: MUNICIPAL_METRICS,
        key_figures: MUNICIPAL_KEY_FIGURES,
        reported: MUNICIPAL_REPORTED,
        notes: MUNICIPAL_NOTES,
        composed: None,
    },
    Variant {
        key: SCOPES[4].0,
        name: SCOPES[4].1,
        specs: ALL_TRAFFIC_SPECS,
        row_specs: &[],
        baseline: Baseline::Built(traffic_baseline),
        levers: TRAFFIC_LEVERS,
        metrics: TRAFFIC_METRICS,
        key_figures: TRAFFIC_KEY_FIGURES,
        reported: TRAFFIC_REPORTED,
        notes: TRAFFIC_NOTES,
        composed: None,
    },
];
