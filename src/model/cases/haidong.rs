//! Haidong multi-station districts (海东 多所连片防区制), seed 004; `shared/domain/cases.md`
//! section 4.
//!
//! One county: a county bureau with ten branch brigades and its police stations (one
//! county-town station and rural stations). The county is generated from a seed (positions,
//! residents, incidents, staff); the user can edit any station in a table. The reform groups
//! adjacent rural stations with similar incident levels into at most five districts (the
//! county-town station alone in its own), binds a bureau leader and brigade officers to each
//! district, and forms a command office, a case-handling team and a community policing team per
//! district. Stations themselves do not change.

use crate::i18n::{Msg, Name, Text};
use crate::model::cases::kit::*;
use crate::model::cases::{Arg, ModelError, Reported, Variant};
use crate::model::lever::Lever;
use crate::model::metrics::MetricKey;
use crate::model::org::{
    id, split_evenly, Branch, Id, Ids, Rank, Setting, Staff, Unit, UnitKind, BRIGADE_HEAD, CHIEF,
    DEPUTY_CHIEF, OFFICER, STATION_HEAD, TEAM_LEADER,
};
use crate::model::params::{ParamSpec, Params};
use crate::model::planning::{join, RESPONSE_OFF, WORKLOAD_SPECS};
use crate::model::source::Source;

// Quotes from seed 004, verbatim (public so that the tests can check the ones only the notes
// and tests use).
pub const Q_PROBLEM: &str =
    "警力与警情不相匹配、警力与承担警务工作量不相匹配、警务工作点多面广忙闲不均";
pub const Q_M1: &str = "将位置相邻、警情相似的若干个所的辖区设置为一个防区";
pub const Q_MAX: &str = "各县(区)的防区设置,不多于5个,城关派出所单设1个防区";
pub const Q_NAMES: &str = "名称可以辖区山川或标志性建筑等事物命名";
pub const Q_M2: &str = "要实行“县(区)局领导+责任警种+派出所”三级责任捆绑机制";
pub const Q_LEADERS: &str = "“一把手”负责县府所在防区,其他局领导根据特长分别负责一个防区";
pub const Q_BRANCHES: &str = "法制、治安、刑侦、经侦、禁毒、网安、国保、反恐、交警、巡逻大队等警种领导和民警,做到责任到块,明确分管一个防区“责任田”";
pub const Q_BOTH: &str = "使机关民警变指导为参战,机关基层双兼顾";
pub const Q_M4: &str = "按照工作权限和程序设立综合指挥室、执法办案队、社区警务队";
pub const Q_CASE_TEAM: &str = "由业务能力强的派出所长担任队长,队员一般不少于3人";
pub const Q_STABLE: &str = "现有派出所机构、编制、职数、职级保持不变";

const G_COUNTY: Text = Text::new(
    "改革前的县：生成的派出所",
    "The county before the reform: generated stations",
);
const G_BUREAU: Text = Text::new("改革前的县局机关", "The county bureau before the reform");
const G_M1: Text = Text::new("01 跨所设置防区", "01 Districts across stations");
const G_M2: Text = Text::new("02 条块分工明责", "02 Responsibility by district");
const G_M4: Text = Text::new("04 做强“两队一室”", "04 Two teams and one office");

const PER_YEAR: Text = Text::new("起/年", "a year");
const NONE: Text = Text::new("", "");

pub const SPECS: &[ParamSpec] = &[
    spec(
        "seed",
        Text::new("生成县的随机种子", "Seed of the generated county"),
        NONE,
        G_COUNTY,
        (1.0, 9_999.0, 1.0),
        1.0,
        Source::assumption(
            "资料不涉及具体的县；派出所的位置、人口、警情和警力由此种子生成（同一种子总得到同一个县），可在表中逐所修改",
            "The source describes no particular county; stations' positions, residents, incidents and staff are generated from this seed (the same seed always gives the same county) and can be edited station by station in the table",
        ),
    ),
    spec(
        "stations",
        Text::new("县内派出所数", "Police stations in the county"),
        UNITS,
        G_COUNTY,
        (1.0, 60.0, 1.0),
        16.0,
        Source::assumption(
            "资料未给出县内派出所数；假设 16 个（1 个城关派出所 + 15 个农村派出所），足以分成资料所说的至多 5 个防区",
            "The source gives no station count; assumed 16 (1 county-town station + 15 rural stations), enough to form the source's at most 5 districts",
        ),
    ),
    spec(
        "town_staff",
        Text::new("城关派出所警力", "County-town station staff"),
        STAFF,
        G_COUNTY,
        (1.0, 500.0, 1.0),
        30.0,
        Source::assumption(
            "资料未给出；假设城关派出所 30 人",
            "Not in the source; assumed 30 officers in the county-town station",
        ),
    ),
    spec(
        "rural_staff",
        Text::new("农村派出所平均警力", "Mean staff per rural station"),
        STAFF,
        G_COUNTY,
        (1.0, 200.0, 1.0),
        8.0,
        Source::assumption(
            "资料未给出；假设平均 8 人，各所在 0.6–1.4 倍之间随机生成、与警情无关（资料所说“警力与警情不相匹配”）",
            "Not in the source; assumed a mean of 8, each station drawn between 0.6 and 1.4 times that, independently of its incidents (the source's “staff do not match incidents”)",
        ),
    ),
    spec(
        "town_residents",
        Text::new("城关派出所辖区人口", "County-town station residents"),
        PEOPLE,
        G_COUNTY,
        (0.0, 2_000_000.0, 1_000.0),
        80_000.0,
        Source::assumption(
            "资料未给出；假设县城 8 万人",
            "Not in the source; assumed 80,000 residents in the county town",
        ),
    ),
    spec(
        "rural_residents",
        Text::new("农村派出所平均辖区人口", "Mean residents per rural station"),
        PEOPLE,
        G_COUNTY,
        (0.0, 500_000.0, 1_000.0),
        15_000.0,
        Source::assumption(
            "资料未给出；假设平均 1.5 万人，各所在 0.4–2 倍之间随机生成",
            "Not in the source; assumed a mean of 15,000, each station drawn between 0.4 and 2 times that",
        ),
    ),
    spec(
        "town_incidents",
        Text::new("城关派出所年警情", "County-town station incidents a year"),
        PER_YEAR,
        G_COUNTY,
        (0.0, 100_000.0, 100.0),
        3_000.0,
        Source::assumption(
            "资料未给出；假设县城每年 3000 起警情",
            "Not in the source; assumed 3,000 incidents a year in the county town",
        ),
    ),
    spec(
        "rural_incidents",
        Text::new("农村派出所平均年警情", "Mean incidents per rural station a year"),
        PER_YEAR,
        G_COUNTY,
        (0.0, 50_000.0, 10.0),
        500.0,
        Source::assumption(
            "资料未给出；假设平均每所每年 500 起，随人口、离县城远近和随机的地方因素变化（约 0.2–4 倍），即资料所说的“忙闲不均”",
            "Not in the source; assumed a mean of 500 a year per station, varying with residents, distance from the county town and a random local factor (about 0.2 to 4 times), the source's “some busy, others idle”",
        ),
    ),
    spec(
        "leaders",
        Text::new("县局领导（班子成员）", "Bureau leaders"),
        STAFF,
        G_BUREAU,
        (1.0, 20.0, 1.0),
        5.0,
        Source::assumption(
            "资料未给出班子人数；假设 5 人（局长 1 人 + 其他局领导 4 人）",
            "The source gives no leadership size; assumed 5 (the chief + 4 other leaders)",
        ),
    ),
    spec(
        "brigade_staff",
        Text::new("每个警种大队警力", "Staff per branch brigade"),
        STAFF,
        G_BUREAU,
        (0.0, 200.0, 1.0),
        12.0,
        Source::assumption(
            "资料列出 10 个警种大队，未给出人数；假设每个大队 12 人，计为机关警力（资料称其为“机关民警”）",
            "The source lists 10 branch brigades without their size; assumed 12 each, counted as headquarters staff (the source calls them “机关民警”, headquarters officers)",
        ),
    ),
    spec(
        "max_districts",
        Text::new("每县防区上限（含城关防区）", "Districts per county at most (incl. the county town's)"),
        UNITS,
        G_M1,
        (1.0, 12.0, 1.0),
        5.0,
        Source::seed("004", Q_MAX),
    ),
    spec(
        "district_cap",
        Text::new("每个防区至多派出所数", "Stations per district at most"),
        UNITS,
        G_M1,
        (1.0, 60.0, 1.0),
        7.0,
        Source::assumption(
            "资料未给出防区大小；假设一个防区至多 7 个所（约为 15 个农村所分成 4 个防区时平均所数的两倍），免得一个防区过大，又让合并在几乎所有生成的县都能完成",
            "The source gives no district size; assumed at most 7 stations per district (about twice the mean when 15 rural stations form 4 districts), so that no district grows too large while the grouping still succeeds in nearly every generated county",
        ),
    ),
    spec(
        "bound_share",
        Text::new("警种大队编入防区的警力比例", "Share of brigade staff bound to districts"),
        PCT,
        G_M2,
        (0.0, 100.0, 1.0),
        50.0,
        Source::assumption(
            "资料要求警种领导和民警“责任到块”，同时“机关基层双兼顾”，重大、复杂案件仍由警种大队主办；假设各大队一半警力（向下取整）编入防区",
            "The source binds brigade leaders and officers to districts while they “serve both headquarters and the grassroots”, and major cases stay with the brigades; assumed half of each brigade (rounded down) is bound to districts",
        ),
    ),
    spec(
        "office_staff",
        Text::new("每个综合指挥室警力", "Staff per integrated command room"),
        STAFF,
        G_M4,
        (0.0, 50.0, 1.0),
        2.0,
        Source::assumption(
            "资料未给出综合指挥室人数及来源；假设由编入防区的警种民警中出 2 人",
            "The source gives neither the room's size nor where its staff come from; assumed 2 of the brigade officers bound to the district",
        ),
    ),
    spec(
        "case_team_min",
        Text::new("执法办案队至少队员", "Case-handling team members at least"),
        STAFF,
        G_M4,
        (1.0, 50.0, 1.0),
        3.0,
        Source::seed("004", Q_CASE_TEAM),
    ),
];

const ROW_SOURCE: Source = Source::assumption(
    "由种子生成，除非你在表中修改",
    "Generated from the seed unless you edit it",
);

/// The station table's editable fields: row `n` (from 1) is station `s{n}`.
pub const ROW_SPECS: &[ParamSpec] = &[
    spec(
        "staff",
        Text::new("警力", "Staff"),
        STAFF,
        G_COUNTY,
        (1.0, 2_000.0, 1.0),
        8.0,
        ROW_SOURCE,
    ),
    spec(
        "incidents",
        Text::new("年警情", "Incidents a year"),
        PER_YEAR,
        G_COUNTY,
        (0.0, 500_000.0, 1.0),
        500.0,
        ROW_SOURCE,
    ),
    spec(
        "population",
        Text::new("辖区人口", "Residents"),
        PEOPLE,
        G_COUNTY,
        (0.0, 5_000_000.0, 1.0),
        15_000.0,
        ROW_SOURCE,
    ),
];

const REPORTED: &[Reported] = &[
    Reported {
        metric: None,
        label: Text::new(
            "每县防区数（上限，含城关防区）",
            "Districts per county (at most, incl. the county town's)",
        ),
        unit: UNITS,
        before: None,
        after: Some(5.0),
        source: Source::seed("004", Q_MAX),
    },
    Reported {
        metric: None,
        label: Text::new(
            "执法办案队队员（至少）",
            "Case-handling team members (at least)",
        ),
        unit: STAFF,
        before: None,
        after: Some(3.0),
        source: Source::seed("004", Q_CASE_TEAM),
    },
];

const METRICS: &[MetricKey] = &[
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::StaffFrontline,
    MetricKey::FrontlineShare,
    MetricKey::ManagementTiers,
    MetricKey::CommandChain,
    MetricKey::Stations,
    MetricKey::Districts,
    MetricKey::WorkloadSpread,
    MetricKey::WorkloadRatio,
    MetricKey::IncidentsPerOfficer,
    MetricKey::Teams,
    MetricKey::InternalUnits,
    MetricKey::Layers,
    MetricKey::SpanAvg,
    MetricKey::SpanMax,
    MetricKey::UnitsTotal,
];

const NOTES: &[Text] = &[
    Text::new(
        "第 1 步的离散度下降只是把派出所合并计算的结果，没有调动警力；调配警力的效果看第 2 步。",
        "The fall at step 1 comes only from pooling stations into districts; no officer moves until step 2.",
    ),
    Text::new(
        "县是生成的：城关派出所居中，农村派出所按螺旋排在其周围的方格上（位置略有扰动），相邻方格（上下左右）的所互为相邻；人口、警情和警力按种子随机生成，警力与警情无关。表中可逐所修改警力、警情和人口。",
        "The county is generated: the county-town station in the middle, rural stations on a spiral of grid cells around it (positions slightly jittered), stations in cells sharing a side are neighbours; residents, incidents and staff are drawn from the seed, staff independently of incidents. The table edits any station's staff, incidents and residents.",
    ),
    Text::new(
        "分防区：城关派出所单设一个防区（计入“不多于5个”）；农村派出所从各自成一组开始，反复合并警情水平（每所平均警情）最接近的一对相邻组（同样接近时取编号最小的），合并后不超过每个防区的所数上限，直到防区数不超过上限；之后仍单独成区的农村派出所（资料说防区由“若干个所”组成）并入最相近的相邻防区，只要不超过上限。合并不下去时给出错误。",
        "Districts: the county-town station is a district of its own (counted in the “at most 5”); rural stations start as one group each, and the pair of adjacent groups with the closest incident level (mean incidents per station; ties to the lowest numbers) merges, never beyond the stations-per-district cap, until the count is within the limit; then a rural station still on its own (the source has districts of “several stations”) joins its most similar neighbouring district where the cap allows. When no merge is possible the model says so.",
    ),
    Text::new(
        "防区名称用占位名“防区1”等；资料说防区“可以辖区山川或标志性建筑等事物命名”。",
        "Districts carry placeholder names (“District 1”...); the source says they are named after local mountains, rivers or landmarks.",
    ),
    Text::new(
        "责任捆绑：局长负责城关防区，其他局领导各负责一个防区，只写在防区名称上，不调动警力，也不增加指挥层次（防区主官就是局领导本人）。局领导少于防区时给出错误。",
        "Responsibility: the chief heads the county-town district and each other leader one district; this is a label on the district, not a move of staff, and adds no rank (the district head is the bureau leader). Fewer leaders than districts is an error.",
    ),
    Text::new(
        "10 个警种大队各按比例抽出民警编入防区（计为一线：资料说“机关民警变指导为参战”），合在一起分配（不追踪每人来自哪个大队），先保证每个防区综合指挥室和执法办案队的最低人数、社区警务队至少 1 人，其余逐人派往当时人均警情最多的防区（资料要求局领导把防区“急需完成的任务分配给各警种大队承接”，针对的是“警力与警情不相匹配”；分配规则为假设）。资料还说“跨所编组警力”：派出所民警也参加两队，但仍在本所编制内，模型把他们留在派出所。",
        "Each of the 10 brigades binds a share of its officers to districts (counted as frontline: the source says headquarters officers turn “from guidance to combat”), pooled (the model does not track which brigade each officer comes from): first the minimum of each district's command room and case team and one community officer, then one by one to the district with the most incidents per officer at the time (the source has leaders hand the district's “urgent tasks” to the brigades, against “staff not matching incidents”; the rule is an assumption). The source also has stations' officers grouped across stations; they stay on their stations' establishment, and the model keeps them in their stations.",
    ),
    Text::new(
        "两队一室：综合指挥室设在防区内人口最多的所（资料：“人口较多、管辖区域较大、治安情况复杂”，模型只用人口），执法办案队设在警力最多的所（资料说设在“有办案区的派出所”，未说哪些所有办案区：假设最大的所有），社区警务队设在村（社区）最多的所（村、社区数 = 人口 ÷ 生成的每村人口，800–3000 人）；同样多时取编号最小的所；所在位置写在名称里。执法办案队队长由派出所长兼任，不另算人数。",
        "Two teams and one office: the command room sits in the district's station with the most residents (the source: “more residents, a larger area, complex public order”; the model uses residents only), the case team in the station with the most staff (the source says a station “with a case-handling area” without saying which have one: assumed the largest), the community team in the station with the most villages and communities (residents ÷ a generated 800–3,000 per village); ties go to the lowest number. The placement is in the name. The case team's leader is a station head and is not counted again.",
    ),
    Text::new(
        "派出所的机构、人员在改革前后完全相同（“现有派出所机构、编制、职数、职级保持不变”）。工作量离散度：改革前按派出所，改革后按防区（防区内全部人员与警情）。",
        "Stations are identical before and after (“organisation, establishment, posts and ranks unchanged”). Workload spread: across stations before, across districts after (everyone and every incident in the district).",
    ),
    Text::new(
        "职级为假设，改革前后相同：局长、副局长 → 所长、民警（或大队长、民警；队长、民警）。",
        "Ranks are an assumption, the same before and after: chief, deputy chief → station head, officer (or brigade head, officer; team leader, officer).",
    ),
    Text::new(
        "未建模：防区党支部（03，不改变警务机构）、城关所“标准型”和农村所“串联型”勤务、群防群治和“1+2+N”防区警务团队、以防区重组的应急处突队伍（05，主要是辅警、村警、保安、民兵等警力以外的力量）。县局其他内设机构（政工、保障等）不在模型中。",
        "Not modelled: the districts' Party branches (03, no change to police units), the “standard” and “linked” duty modes, community self-defence and the “1+2+N” teams, and emergency teams regrouped by district (05, mostly auxiliaries, village police, guards and militia). The bureau's other internal units (political work, logistics...) are left out.",
    ),
];

const LEVERS: &[Lever] = &[
    Lever {
        key: "districts",
        needs: Text::new(
            "本局直接下辖、知道相邻派出所（地图）和警情的派出所",
            "Police stations under the top bureau whose neighbours (a map) and incidents are known",
        ),
        name: Text::new("01 跨所设置防区", "01 Districts across stations"),
        summary: Text::new(
            "位置相邻、警情相近的农村派出所组成防区（派出所本身不合并，防区数不超过上限），城关派出所单设一个防区；派出所原样进入防区。",
            "Adjacent rural stations with similar incident levels are grouped into districts (up to the limit), the county-town station alone in its own; stations move into the districts unchanged.",
        ),
        source: Source::seed("004", Q_M1),
        conserves_staff: true,
        apply: lever_districts,
    },
    Lever {
        key: "responsibility",
        needs: Text::new(
            "本局直接下辖的防区，以及向防区抽调民警的警种大队",
            "Districts under the top bureau, and the branch brigades that bind officers to them",
        ),
        name: Text::new("02 条块分工明责", "02 Responsibility by district"),
        summary: Text::new(
            "每个防区由一名局领导负责（局长负责城关防区）；各警种大队按比例抽出民警编入防区，先补足各防区两队一室的最低人数，其余逐人派往人均警情最多的防区。",
            "A bureau leader heads each district (the chief the county town's); each brigade binds a share of its officers to districts: first the minimum each district's teams need, then one by one to the district with the most incidents per officer.",
        ),
        source: Source::seed("004", Q_M2),
        conserves_staff: true,
        apply: lever_responsibility,
    },
    Lever {
        key: "two_teams_one_office",
        needs: Text::new(
            "已编入警种民警的防区（由“条块分工明责”一步编入）",
            "Districts with officers bound to them (by the responsibility step)",
        ),
        name: Text::new("04 做强“两队一室”", "04 Two teams and one office"),
        summary: Text::new(
            "编入防区的民警组成综合指挥室、执法办案队（至少 3 名队员）和社区警务队，分别设在防区内的派出所。",
            "The officers bound to each district form an integrated command room, a case-handling team (at least 3 members) and a community policing team, each sited in one of the district's stations.",
        ),
        source: Source::seed("004", Q_M4),
        conserves_staff: true,
        apply: lever_two_teams,
    },
];

const ANALYSIS_SPECS: &[ParamSpec] =
    &join::<{ RESPONSE_OFF.len() + WORKLOAD_SPECS.len() }>(RESPONSE_OFF, WORKLOAD_SPECS);
const ALL_SPECS: &[ParamSpec] =
    &join::<{ SPECS.len() + ANALYSIS_SPECS.len() }>(SPECS, ANALYSIS_SPECS);

pub const VARIANTS: &[Variant] = &[Variant {
    key: "county",
    name: Text::new("一个县（区）", "One county"),
    specs: ALL_SPECS,
    row_specs: ROW_SPECS,
    baseline,
    levers: LEVERS,
    metrics: METRICS,
    reported: REPORTED,
    notes: NOTES,
    composed: None,
}];

// ---------------------------------------------------------------------------------------------
// Names and ranks.

const COUNTY_BUREAU: Text = Text::new("县（区）公安局", "County public security bureau");
const COUNTY_ROLE: Text = Text::new("县局", "County bureau");
const TOWN_STATION: Text = Text::new("城关派出所", "County-town station");
const RURAL_STATION: Text = Text::new("农村派出所", "Rural station");
const DISTRICT: Text = Text::new("防区", "District");
const BRIGADE: Text = Text::new("警种大队", "Branch brigade");
const OFFICE: Text = Text::new("综合指挥室", "Integrated command room");
const CASE_TEAM: Text = Text::new("执法办案队", "Case-handling team");
const COMMUNITY_TEAM: Text = Text::new("社区警务队", "Community policing team");

/// The ten police types the source binds to districts, in its order.
pub const BRIGADES: [(&str, Text); 10] = [
    ("legal", Text::new("法制大队", "Legal affairs brigade")),
    ("order", Text::new("治安大队", "Public order brigade")),
    (
        "criminal",
        Text::new("刑侦大队", "Criminal investigation brigade"),
    ),
    ("economic", Text::new("经侦大队", "Economic crime brigade")),
    ("narcotics", Text::new("禁毒大队", "Narcotics brigade")),
    ("cyber", Text::new("网安大队", "Cyber security brigade")),
    (
        "domestic",
        Text::new("国保大队", "Domestic security brigade"),
    ),
    (
        "terrorism",
        Text::new("反恐大队", "Counter-terrorism brigade"),
    ),
    ("traffic", Text::new("交警大队", "Traffic police brigade")),
    ("patrol", Text::new("巡逻大队", "Patrol brigade")),
];

const BUREAU_RANKS: [Rank; 2] = [CHIEF, DEPUTY_CHIEF];
const STATION_RANKS: [Rank; 2] = [STATION_HEAD, OFFICER];
const BRIGADE_RANKS: [Rank; 2] = [BRIGADE_HEAD, OFFICER];
const TEAM_RANKS: [Rank; 2] = [TEAM_LEADER, OFFICER];
const OFFICE_RANKS: [Rank; 2] = [Rank(Text::new("主任", "head")), OFFICER];

// ---------------------------------------------------------------------------------------------
// The generated county.

/// A small deterministic generator (splitmix64 to seed, then xorshift64*), so that a seed
/// always gives the same county on every platform.
struct Prng(u64);

impl Prng {
    fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Prng(z.max(1))
    }
    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in [lo, hi).
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    /// Log-uniform in [lo, hi): as likely to halve as to double.
    fn log_between(&mut self, lo: f64, hi: f64) -> f64 {
        (lo.ln() + (hi.ln() - lo.ln()) * self.unit()).exp()
    }
}

/// Grid cells of a county: the county town at the origin, then the cells of a square spiral
/// around it. Consecutive cells share a side, so the cells after the first form a connected
/// set even without the origin.
pub fn spiral(n: usize) -> Vec<(i32, i32)> {
    let mut out = Vec::with_capacity(n);
    let (mut x, mut y) = (0i32, 0i32);
    let dirs = [(1, 0), (0, 1), (-1, 0), (0, -1)];
    let mut leg = 1usize;
    let mut d = 0usize;
    if n > 0 {
        out.push((0, 0));
    }
    'outer: loop {
        for _ in 0..2 {
            let (dx, dy) = dirs[d % 4];
            for _ in 0..leg {
                if out.len() >= n {
                    break 'outer;
                }
                x += dx;
                y += dy;
                out.push((x, y));
            }
            d += 1;
        }
        leg += 1;
    }
    out
}

/// Kilometres between neighbouring grid cells (an assumption; positions are for display).
const CELL_KM: f64 = 15.0;

/// One police station of the generated county, with the user's edits applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Station {
    /// "s1" (the county-town station), "s2", ...: row `n` of the table is station `s{n}`.
    pub id: String,
    /// Table row (from 1).
    pub row: usize,
    pub town: bool,
    /// The grid cell; neighbours share a side.
    pub cell: (i32, i32),
    /// Position in km from the county town (the cell, jittered).
    pub x: f64,
    pub y: f64,
    pub residents: u64,
    pub incidents: u64,
    pub staff: u32,
    /// Residents per village or community (社区/村) in the station's area, generated.
    pub community_size: u64,
}

impl Station {
    /// Villages and communities in the station's area: its residents over the generated
    /// community size (at least one where anyone lives), so edits of residents carry through.
    pub fn communities(&self) -> u64 {
        if self.residents == 0 {
            0
        } else {
            (self.residents as f64 / self.community_size.max(1) as f64)
                .round()
                .max(1.0) as u64
        }
    }
}

/// What the generator needs: the county-level parameters.
struct Shape {
    seed: u64,
    stations: usize,
    town_staff: u64,
    rural_staff: u64,
    town_residents: u64,
    rural_residents: u64,
    town_incidents: u64,
    rural_incidents: u64,
}

fn generate(s: &Shape) -> Vec<Station> {
    let mut rng = Prng::new(s.seed);
    spiral(s.stations)
        .into_iter()
        .enumerate()
        .map(|(i, cell)| {
            // Every station draws the same six numbers in the same order, so the first k
            // stations of a county do not change when more stations are added.
            let jx = rng.between(-0.3, 0.3);
            let jy = rng.between(-0.3, 0.3);
            let r = rng.log_between(0.4, 2.0);
            let local = rng.log_between(0.3, 2.5);
            let staff_f = rng.between(0.6, 1.4);
            let community_size = rng.log_between(800.0, 3_000.0).round() as u64;
            let (x, y) = (
                (f64::from(cell.0) + jx) * CELL_KM,
                (f64::from(cell.1) + jy) * CELL_KM,
            );
            let town = i == 0;
            let (residents, incidents, staff) = if town {
                (s.town_residents, s.town_incidents, s.town_staff)
            } else {
                // Busier near the county town, with residents and a local factor (markets,
                // roads, mines...) the model does not name.
                let d = (x * x + y * y).sqrt() / CELL_KM;
                let near = 0.6 + 0.9 * (-d / 1.5).exp();
                let residents = (s.rural_residents as f64 * r).round();
                let incidents = (s.rural_incidents as f64 * r.sqrt() * near * local).round();
                let staff = ((s.rural_staff as f64 * staff_f).round()).max(1.0);
                (residents as u64, incidents as u64, staff as u64)
            };
            Station {
                id: format!("s{}", i + 1),
                row: i + 1,
                town,
                cell,
                x: (x * 10.0).round() / 10.0,
                y: (y * 10.0).round() / 10.0,
                residents,
                incidents,
                staff: to_u32(staff),
                community_size,
            }
        })
        .collect()
}

/// The county's stations from the parameters: generated from the seed, then the user's table
/// edits (row `n` is station `s{n}`; rows beyond the station count are ignored).
pub fn county_stations(p: &Params) -> Vec<Station> {
    let shape = Shape {
        seed: p.count("seed"),
        stations: p.count("stations") as usize,
        town_staff: p.count("town_staff"),
        rural_staff: p.count("rural_staff"),
        town_residents: p.count("town_residents"),
        rural_residents: p.count("rural_residents"),
        town_incidents: p.count("town_incidents"),
        rural_incidents: p.count("rural_incidents"),
    };
    let mut out = generate(&shape);
    for st in out.iter_mut() {
        if let Some(v) = p.edit(st.row, "staff") {
            st.staff = to_u32(v.max(0.0).round() as u64);
        }
        if let Some(v) = p.edit(st.row, "incidents") {
            st.incidents = v.max(0.0).round() as u64;
        }
        if let Some(v) = p.edit(st.row, "population") {
            st.residents = v.max(0.0).round() as u64;
        }
    }
    out
}

/// Neighbours of each station (indices into `stations`): stations whose grid cells share a
/// side. For a generated county the rural stations alone form a connected graph.
pub fn adjacency(stations: &[Station]) -> Vec<Vec<usize>> {
    stations
        .iter()
        .map(|a| {
            stations
                .iter()
                .enumerate()
                .filter(|(_, b)| (a.cell.0 - b.cell.0).abs() + (a.cell.1 - b.cell.1).abs() == 1)
                .map(|(j, _)| j)
                .collect()
        })
        .collect()
}

/// A group of rural stations while merging: its members (sorted indices) and incidents.
struct Cluster {
    members: Vec<usize>,
    incidents: u128,
}

/// The cost of merging two groups, as an exact fraction (numerator, denominator): the gap
/// between their incident levels, |a/na − b/nb| (mean incidents per station).
fn merge_cost(a: &Cluster, b: &Cluster) -> (u128, u128) {
    let (na, nb) = (a.members.len() as u128, b.members.len() as u128);
    ((a.incidents * nb).abs_diff(b.incidents * na), na * nb)
}

/// The adjacent pair of groups (indices, the lower first) whose merge costs least within the
/// cap, ties to the earliest pair (groups are ordered by their lowest station); with
/// `lone_only`, only pairs where one group is a single station.
fn best_merge(
    clusters: &[Cluster],
    adj: &[Vec<usize>],
    cap: usize,
    lone_only: bool,
) -> Option<(usize, usize)> {
    let in_cluster = |c: &Cluster, j: usize| c.members.binary_search(&j).is_ok();
    let mut best: Option<(usize, usize, (u128, u128))> = None;
    for (a, ca) in clusters.iter().enumerate() {
        for (b, cb) in clusters.iter().enumerate().skip(a + 1) {
            if ca.members.len() + cb.members.len() > cap {
                continue;
            }
            if lone_only && ca.members.len() > 1 && cb.members.len() > 1 {
                continue;
            }
            let touch = ca.members.iter().any(|&i| {
                adj.get(i)
                    .is_some_and(|ns| ns.iter().any(|&j| in_cluster(cb, j)))
            });
            if !touch {
                continue;
            }
            let cost = merge_cost(ca, cb);
            // cost < best, exactly (cross-multiplied); equal costs keep the earlier pair.
            let better = best.is_none_or(|(_, _, (bn, bd))| cost.0 * bd < bn * cost.1);
            if better {
                best = Some((a, b, cost));
            }
        }
    }
    best.map(|(a, b, _)| (a, b))
}

/// Merges group `b` into group `a` (`a < b`).
fn merge(clusters: &mut Vec<Cluster>, a: usize, b: usize) {
    if b >= clusters.len() || a >= b {
        return;
    }
    let gone = clusters.remove(b);
    if let Some(keep) = clusters.get_mut(a) {
        keep.members.extend(gone.members);
        keep.members.sort_unstable();
        keep.incidents += gone.incidents;
    }
}

/// Groups the stations into districts: the county-town station alone, and the rural stations
/// merged agglomeratively — always the pair of adjacent groups with the closest incident level
/// (mean incidents per station; ties to the groups with the lowest station numbers), never
/// beyond `cap` stations — until there are at most `max_districts` districts in all; then a
/// rural station still alone joins its most similar neighbouring group where the cap allows
/// (the source's districts are of "若干个所", several stations). Returns
/// the districts as lists of indices into `stations`: the county-town district first, then the
/// rural districts by their lowest station.
pub fn group_districts(
    stations: &[Station],
    max_districts: usize,
    cap: usize,
) -> Result<Vec<Vec<usize>>, ModelError> {
    let sites: Vec<(bool, u64)> = stations.iter().map(|s| (s.town, s.incidents)).collect();
    group_sites(&sites, &adjacency(stations), max_districts, cap)
}

/// `group_districts` on any stations: each a (county town?, incidents a year) with its
/// neighbours' indices in `adj`.
pub fn group_sites(
    sites: &[(bool, u64)],
    adj: &[Vec<usize>],
    max_districts: usize,
    cap: usize,
) -> Result<Vec<Vec<usize>>, ModelError> {
    let town: Vec<usize> = (0..sites.len()).filter(|&i| sites[i].0).collect();
    let mut clusters: Vec<Cluster> = (0..sites.len())
        .filter(|&i| !sites[i].0)
        .map(|i| Cluster {
            members: vec![i],
            incidents: u128::from(sites[i].1),
        })
        .collect();
    let town_districts = usize::from(!town.is_empty());
    if !clusters.is_empty() {
        ensure!(
            max_districts > town_districts,
            Msg::ErrHaidong01,
            vec![Arg::plain(max_districts), Arg::plain(town_districts + 1)]
        )?;
    }
    let max_rural = max_districts.saturating_sub(town_districts);
    ensure!(cap >= 1, Msg::ErrHaidong02, vec![])?;
    while clusters.len() > max_rural {
        let Some((a, b)) = best_merge(&clusters, adj, cap, false) else {
            let rural = sites.len() - town.len();
            return Err(ModelError::new(
                Msg::ErrHaidong03,
                vec![Arg::plain(rural), Arg::plain(max_rural), Arg::plain(cap)],
            ));
        };
        merge(&mut clusters, a, b);
    }
    // "若干个所": a rural station left on its own joins its most similar neighbouring district
    // while the cap allows (the count only falls).
    while let Some((a, b)) = best_merge(&clusters, adj, cap, true) {
        merge(&mut clusters, a, b);
    }
    let mut out = Vec::with_capacity(clusters.len() + 1);
    if !town.is_empty() {
        out.push(town);
    }
    out.extend(clusters.into_iter().map(|c| c.members));
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The baseline and the levers.

fn station_unit(st: &Station) -> Unit {
    let (name, role) = if st.town {
        (Name::of(TOWN_STATION), TOWN_STATION)
    } else {
        (Name::numbered(RURAL_STATION, st.row), RURAL_STATION)
    };
    let setting = if st.town {
        Setting::CountyTown
    } else {
        Setting::Rural
    };
    let u = Unit::new(st.id.clone(), name, role, UnitKind::Station)
        .with_setting(setting)
        // Stations are grassroots units: all their officers count as frontline (基层警力).
        .with_staff(Staff::new(0, st.staff))
        .with_ranks(&STATION_RANKS)
        .with_residents(st.residents)
        .with_incidents(st.incidents);
    if st.town {
        u
    } else {
        u.placeholder()
    }
}

fn brigade_id(key: &str) -> Id {
    id!["cb/", key]
}

fn baseline(p: &Params) -> Result<Unit, ModelError> {
    let leaders = p.count("leaders");
    let brigade_staff = p.count("brigade_staff");
    let stations = county_stations(p);
    let mut children: Vec<Unit> = BRIGADES
        .iter()
        .map(|(key, name)| {
            Unit::new(
                brigade_id(key),
                Name::of(*name),
                BRIGADE,
                UnitKind::InternalUnit,
            )
            .with_staff(Staff::new(to_u32(brigade_staff), 0))
            .with_ranks(&BRIGADE_RANKS)
        })
        .collect();
    // Each station knows its neighbours (the stations whose grid cells share a side).
    let adj = adjacency(&stations);
    children.extend(stations.iter().zip(&adj).map(|(st, ns)| {
        let ids: Vec<Id> = ns
            .iter()
            .filter_map(|&j| stations.get(j))
            .map(|s| Id::from(s.id.as_str()))
            .collect();
        station_unit(st).with_neighbours(Ids::from(ids))
    }));
    Ok(Unit::new(
        "cb",
        Name::of(COUNTY_BUREAU),
        COUNTY_ROLE,
        UnitKind::CountyBureau,
    )
    .with_staff(Staff::new(to_u32(leaders), 0))
    .with_ranks(&BUREAU_RANKS)
    .with_residents(stations.iter().map(|s| s.residents).sum())
    .placeholder()
    .with_children(children))
}

fn district_id(k: usize) -> Id {
    id!["d", k + 1]
}

/// 01 跨所设置防区: the stations are grouped into districts; the stations move into them as
/// they are.
fn lever_districts(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    // The stations under the top bureau, with their incidents and neighbours as the tree has
    // them (edits included). Without a map (no station knows its neighbours) and no
    // county-town station to form its own district, there is nothing to group.
    let (units, rest): (Vec<Unit>, Vec<Unit>) = org.children.take_split(|u| u.kind.is_station());
    if !units
        .iter()
        .any(|u| !u.neighbours.is_empty() || u.is_county_town_station())
    {
        let mut children = rest;
        children.extend(units);
        org.children = children.into();
        return Ok(org);
    }
    let sites: Vec<(bool, u64)> = units
        .iter()
        .map(|u| (u.is_county_town_station(), u.incidents_total()))
        .collect();
    let adj: Vec<Vec<usize>> = units
        .iter()
        .map(|u| {
            u.neighbours
                .iter()
                .filter_map(|n| units.iter().position(|v| v.id == *n))
                .collect()
        })
        .collect();
    let groups = group_sites(
        &sites,
        &adj,
        p.count("max_districts") as usize,
        p.count("district_cap") as usize,
    )?;
    let mut slots: Vec<Option<Unit>> = units.into_iter().map(Some).collect();
    let mut districts = Vec::with_capacity(groups.len());
    for (k, group) in groups.iter().enumerate() {
        let town = group.iter().any(|&i| sites.get(i).is_some_and(|s| s.0));
        let members: Vec<Unit> = group
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
            .collect();
        let name = if town {
            Name::new(
                format!("{}{}（城关）", DISTRICT.zh, k + 1),
                format!("{} {} (county town)", DISTRICT.en, k + 1),
            )
        } else {
            Name::numbered(DISTRICT, k + 1)
        };
        districts.push(
            Unit::new(district_id(k), name, DISTRICT, UnitKind::District)
                .placeholder()
                .with_children(members),
        );
    }
    let mut children = rest;
    children.extend(districts);
    // Any station the grouping did not place (none in practice) stays under the bureau.
    children.extend(slots.into_iter().flatten());
    org.children = children.into();
    Ok(org)
}

/// How many officers each brigade binds to districts.
fn bound_per_brigade(p: &Params, staff: u32) -> u64 {
    let share = p.get("bound_share").clamp(0.0, 100.0);
    (f64::from(staff) * share / 100.0).floor() as u64
}

/// The minimum a district's two teams and one office need: the room, the case team's minimum
/// and one community officer.
fn district_minimum(p: &Params) -> u64 {
    p.count("office_staff") + p.count("case_team_min") + 1
}

/// Shares `extra` officers among work units one at a time, each to the unit with the most
/// incidents per officer (`incidents[i] / staff[i]`, compared exactly; ties to the earliest):
/// staff matched to incidents, the source's problem "警力与警情不相匹配" addressed.
pub fn balance(extra: u64, incidents: &[u64], staff: &[u64]) -> Vec<u64> {
    let mut add = vec![0u64; incidents.len()];
    if incidents.is_empty() {
        return add;
    }
    if incidents.iter().all(|i| *i == 0) {
        return split_evenly(extra, incidents.len());
    }
    for _ in 0..extra {
        let mut best = 0usize;
        for i in 1..incidents.len() {
            let (si, sb) = (
                u128::from(staff.get(i).copied().unwrap_or(0) + add[i]),
                u128::from(staff.get(best).copied().unwrap_or(0) + add[best]),
            );
            // incidents[i] / si > incidents[best] / sb, with a unit without staff first.
            let (ii, ib) = (u128::from(incidents[i]), u128::from(incidents[best]));
            let busier = match (si, sb) {
                (0, 0) => ii > ib,
                (0, _) => ii > 0,
                (_, 0) => false,
                _ => ii * sb > ib * si,
            };
            if busier {
                best = i;
            }
        }
        add[best] += 1;
    }
    add
}

/// 02 条块分工明责: a bureau leader heads each district (a label: the chief the county town's,
/// the other leaders one each); each brigade binds a share of its officers to the districts,
/// where they are frontline, shared first by the minimum each district's teams need and then
/// one by one to the district with the most incidents per officer (`balance`).
fn lever_responsibility(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let leaders = p.count("leaders");
    let n = org
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::District)
        .count();
    if n == 0 {
        // No districts to bind officers to: nothing to act on (the step says so).
        return Ok(org);
    }
    ensure!(
        n as u64 <= leaders,
        Msg::ErrHaidong05,
        vec![Arg::plain(n), Arg::plain(leaders)]
    )?;
    // The bound officers, taken from the brigades in turn.
    let mut bound_total = 0u64;
    for b in org
        .children
        .iter_mut()
        .filter(|u| u.kind == UnitKind::InternalUnit)
    {
        let take = bound_per_brigade(p, b.staff.organ);
        b.staff.organ -= to_u32(take);
        bound_total += take;
    }
    let need = district_minimum(p) * n as u64;
    ensure!(
        bound_total >= need,
        Msg::ErrHaidong06,
        vec![Arg::plain(bound_total), Arg::plain(n), Arg::plain(need)]
    )?;
    let districts: Vec<&Unit> = org
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::District)
        .collect();
    let incidents: Vec<u64> = districts
        .iter()
        .map(|d| d.children.iter().map(|s| s.incidents).sum())
        .collect();
    let staff: Vec<u64> = districts
        .iter()
        .map(|d| u64::from(d.staff_total().total()) + district_minimum(p))
        .collect();
    let shares = balance(bound_total - need, &incidents, &staff);
    let mut other = 1usize;
    for (k, d) in org
        .children
        .iter_mut()
        .filter(|u| u.kind == UnitKind::District)
        .enumerate()
    {
        let add = shares.get(k).copied().unwrap_or(0);
        d.staff = Staff::new(0, to_u32(district_minimum(p) + add));
        // "“一把手”负责县府所在防区,其他局领导根据特长分别负责一个防区".
        let seat = d.children.iter().any(Unit::is_county_town_station);
        d.name = if seat {
            Name::new(
                format!("{}·局长负责", d.name.zh()),
                format!("{}, headed by the chief", d.name.en()),
            )
        } else {
            other += 1;
            Name::new(
                format!("{}·局领导{other}负责", d.name.zh()),
                format!("{}, headed by bureau leader {other}", d.name.en()),
            )
        };
    }
    Ok(org)
}

/// The district's station with the largest `key`, ties to the earliest (lowest number).
fn site<'a>(stations: &[&'a Unit], key: impl Fn(&Unit) -> u64) -> Option<&'a Unit> {
    let mut best: Option<&Unit> = None;
    for s in stations {
        if best.is_none_or(|b| key(s) > key(b)) {
            best = Some(s);
        }
    }
    best
}

fn sited(t: Text, at: Option<&Unit>) -> Name {
    match at {
        Some(s) => Name::new(
            format!("{}（设在{}）", t.zh, s.name.zh()),
            format!("{} (at {})", t.en, s.name.en()),
        ),
        None => Name::of(t),
    }
}

/// 04 做强“两队一室”: each district's bound officers form its integrated command room,
/// case-handling team and community policing team.
fn lever_two_teams(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let office = p.count("office_staff");
    let case_min = p.count("case_team_min");
    let generated = county_stations(p);
    let communities = |s: &Unit| {
        generated
            .iter()
            .find(|g| g.id == s.id)
            .map_or(0, Station::communities)
    };
    let brigades = Ids::of(
        org.children
            .iter()
            .filter(|u| u.kind == UnitKind::InternalUnit),
    );
    for d in org
        .children
        .iter_mut()
        .filter(|u| u.kind == UnitKind::District)
    {
        let n = u64::from(d.staff.total());
        ensure!(
            n > office + case_min,
            Msg::ErrHaidong07,
            vec![
                Arg::name(&d.name),
                Arg::plain(n),
                Arg::plain(office),
                Arg::plain(case_min)
            ]
        )?;
        let rest = n - office;
        let case = case_min.max(rest.div_ceil(2)).min(rest - 1);
        let community = rest - case;
        let stations: Vec<&Unit> = d.children.iter().filter(|u| u.kind.is_station()).collect();
        // "设在防区内人口较多……的派出所", "设在防区内有办案区的派出所" (assumed: the largest),
        // "设在防区内社区较多的派出所".
        let office_at = site(&stations, |s| s.residents);
        let case_at = site(&stations, |s| u64::from(s.staff_total().total()));
        let community_at = site(&stations, communities);
        let units = vec![
            Unit::new(
                id![d.id, "/office"],
                sited(OFFICE, office_at),
                OFFICE,
                UnitKind::Office,
            )
            .with_staff(Staff::new(0, to_u32(office)))
            .with_ranks(&OFFICE_RANKS)
            .with_branch(Branch::Command),
            Unit::new(
                id![d.id, "/case"],
                sited(CASE_TEAM, case_at),
                CASE_TEAM,
                UnitKind::Team,
            )
            .with_staff(Staff::new(0, to_u32(case)))
            .with_ranks(&TEAM_RANKS)
            .with_branch(Branch::Investigation),
            Unit::new(
                id![d.id, "/community"],
                sited(COMMUNITY_TEAM, community_at),
                COMMUNITY_TEAM,
                UnitKind::Team,
            )
            .with_staff(Staff::new(0, to_u32(community)))
            .with_ranks(&TEAM_RANKS)
            .with_branch(Branch::Community),
        ];
        // Officers of the police types (the source's "N" of "1+N") staff the three units; the
        // brigades' bound officers are pooled, so each unit lists every brigade.
        let mut units: Vec<Unit> = units
            .into_iter()
            .map(|u| u.with_from(brigades.clone()))
            .collect();
        d.staff = Staff::default();
        units.extend(std::mem::take(&mut d.children));
        // Stations first, then the room and the teams.
        units.rotate_left(3);
        d.children = units.into();
    }
    Ok(org)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spiral_cells_are_distinct_and_consecutive_cells_touch() {
        let c = spiral(60);
        assert_eq!(c.len(), 60);
        for w in c.windows(2) {
            let d = (w[0].0 - w[1].0).abs() + (w[0].1 - w[1].1).abs();
            assert_eq!(d, 1);
        }
        let mut s = c.clone();
        s.sort_unstable();
        s.dedup();
        assert_eq!(s.len(), 60);
        assert!(spiral(0).is_empty());
    }
}
