//! Haidong multi-station districts (海东 多所连片防区制), seed 004; `shared/domain/cases.md`
//! section 4.
//!
//! One county: a county bureau with ten branch brigades and its police stations (one
//! county-town station and rural stations). The county is generated from a seed (positions,
//! residents, incidents, staff); the user can edit any station in a table. The reform groups
//! adjacent rural stations with similar incident levels into at most five districts (the
//! county-town station alone in its own; each district's office in its central station, assumed the
//! one with the most neighbours inside it), binds a bureau leader and brigade officers to each
//! district (shared between districts by the model's own rule, `balance_share`), and forms a
//! command office, a case-handling team (led by a station head) and a community policing team per
//! district from those officers and officers grouped across its stations (跨所编组警力). Stations
//! keep their organisation, establishment and ranks; the officers they group work in the teams.
//!
//! This file holds the case's data (quotes, parameters, reported figures, notes, the lever
//! list); `measures.rs` the baseline and the measures' code.

mod measures;

use crate::i18n::{Msg, Name, Text};
use crate::model::cases::kit::*;
use crate::model::cases::{Arg, Baseline, CaseModel, KeyFigure, ModelError, Reported, Variant};
use crate::model::lever::Lever;
use crate::model::metrics::MetricKey;
use crate::model::org::{
    id, split_evenly, Branch, Id, Ids, Rank, Setting, Staff, Unit, UnitKind, BRIGADE_HEAD, CHIEF,
    DEPUTY_CHIEF, OFFICER, STATION_HEAD, TEAM_LEADER,
};
use crate::model::params::{ParamSpec, Params};
use crate::model::planning::{join, RESPONSE_OFF, WORKLOAD_SPECS};
use crate::model::source::Source;
#[allow(unused_imports)]
pub use measures::*;

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
pub const Q_M4: &str = "以防区为单元,集中打防资源,跨所编组警力,按照工作权限和程序设立综合指挥室、执法办案队、社区警务队";
pub const Q_CASE_TEAM: &str = "由业务能力强的派出所长担任队长,队员一般不少于3人";
pub const Q_STABLE: &str = "现有派出所机构、编制、职数、职级保持不变";
pub const Q_OFFICE: &str = "防区办公室一般设在中心所";
pub const Q_PARTY: &str = "同一防区内的若干个派出所,成立一个党支部,由分管该防区的局领导担任支部书记,几个所中的中心所所长任副书记";
pub const Q_DUTY: &str = "在城关派出所实行“标准型”勤务模式,在农村派出所试行“串联型”勤务模式";
pub const Q_EMERGENCY: &str =
    "各防区整合民警、辅警、村警、保安、民兵及其他群防群治力量,建强机动处突队伍";

const G_COUNTY: Text = Text::new(
    "改革前的县：生成的派出所",
    "The county before the reform: generated stations",
);
const G_BUREAU: Text = Text::new("改革前的县局机关", "The county bureau before the reform");
const G_M1: Text = Text::new("01 跨所设置防区", "01 Districts across stations");
const G_M2: Text = Text::new("02 条块分工明责", "02 Responsibility by district");
const G_M4: Text = Text::new("04 做强“两队一室”", "04 Two teams, one office");

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
        // The source's limit is the range's end: fewer can be tried, never more.
        (1.0, 5.0, 1.0),
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
        "balance_share",
        Text::new(
            "按人均警情派往防区的编入警力比例",
            "Share of bound officers sent by incidents per officer",
        ),
        PCT,
        G_M2,
        (0.0, 100.0, 1.0),
        100.0,
        Source::assumption(
            "模型自己的分配规则，资料没有：资料要求局领导把防区“急需完成的任务分配给各警种大队承接”，针对“警力与警情不相匹配”，但没有说警力怎样在防区之间分配。模型先补足各防区两队一室的最低人数，其余编入民警中这一比例逐人派往当时人均警情最多的防区，再余下的平均分配；改革后各防区工作量离散度的下降主要来自这条规则（取 0 即平均分配）",
            "The model's own allocation rule, not the source's: the source has bureau leaders hand each district's “urgent tasks” to the brigades, against “staff not matching incidents”, but does not say how officers are shared between districts. The model first gives each district the minimum its two teams and office need, then sends this share of the other bound officers one by one to the district with the most incidents per officer at the time, and shares the rest evenly; the fall in the districts' workload spread comes mostly from this rule (0 shares them evenly)",
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
    spec(
        "station_grouped",
        Text::new(
            "派出所民警跨所编入两队一室的比例",
            "Share of station officers grouped across stations into the teams",
        ),
        PCT,
        G_M4,
        (0.0, 100.0, 1.0),
        50.0,
        Source::assumption(
            "资料说两队一室“跨所编组警力”，未给出多少派出所民警编入；假设每个派出所所长以外的民警一半（向下取整）编入本防区的两队一室，其余留在本所。他们仍在本所编制内（“现有派出所机构、编制、职数、职级保持不变”）：模型画的是他们在哪里工作",
            "The source forms the two teams and the office by “grouping officers across stations” without saying how many; assumed half of each station's officers other than its head (rounded down) join their district's teams and office, the rest stay at the station. They stay on their station's establishment (“organisation, establishment, posts and ranks unchanged”): the model draws where they work",
        ),
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
        how: [None, input("max_districts")],
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
        how: [None, input("case_team_min")],
        source: Source::seed("004", Q_CASE_TEAM),
    },
];

/// The key figures (shown first): Stations grouped into districts, and the workload evened out between them.
const KEY_FIGURES: &[KeyFigure] = &[
    KeyFigure::Metric(MetricKey::Districts),
    KeyFigure::Metric(MetricKey::WorkloadSpread),
    KeyFigure::Metric(MetricKey::WorkloadRatio),
    KeyFigure::Metric(MetricKey::IncidentsPerOfficer),
    KeyFigure::Metric(MetricKey::OrganStaff),
    KeyFigure::Metric(MetricKey::FrontlineShare),
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
        "10 个警种大队各按比例抽出民警编入防区（计为一线：资料说“机关民警变指导为参战”），合在一起分配（不追踪每人来自哪个大队），先保证每个防区综合指挥室和执法办案队的最低人数、社区警务队至少 1 人。其余的分配规则是模型自己的（资料要求局领导把防区“急需完成的任务分配给各警种大队承接”，针对的是“警力与警情不相匹配”，没有说怎样分配）：按“按人均警情派往防区的编入警力比例”，这部分逐人派往当时人均警情最多的防区，余下的平均分配。第 2 步工作量离散度的下降来自这条规则。",
        "Each of the 10 brigades binds a share of its officers to districts (counted as frontline: the source says headquarters officers turn “from guidance to combat”), pooled (the model does not track which brigade each officer comes from): first the minimum of each district's command room and case team and one community officer. How the rest are shared is the model's own rule (the source has leaders hand the district's “urgent tasks” to the brigades, against “staff not matching incidents”, without saying how): the “share sent by incidents per officer” goes one by one to the district with the most incidents per officer at the time, the remainder evenly. The fall in workload spread at step 2 comes from this rule.",
    ),
    Text::new(
        "两队一室“跨所编组警力”：每个派出所所长以外的民警按“跨所编入比例”（假设）编入本防区，与编入的警种民警一起组成综合指挥室、执法办案队和社区警务队；执法办案队队长由办案队所在派出所的所长担任（“由业务能力强的派出所长担任队长”），计入办案队人数，队员另计，至少 3 人（该所只有所长一人时，由编组的民警中一人任队长）。综合指挥室设在防区内人口最多的所（资料：“人口较多、管辖区域较大、治安情况复杂”，模型只用人口），执法办案队设在警力最多的所（资料说设在“有办案区的派出所”，未说哪些所有办案区：假设最大的所有），社区警务队设在村（社区）最多的所（村、社区数 = 人口 ÷ 生成的每村人口，800–3000 人）；同样多时取编号最小的所；所在位置写在名称里。",
        "“Two teams, one office” groups officers across stations: each station's officers other than its head join their district by the “share grouped across stations” (an assumption) and, with the bound brigade officers, form the command room, the case-handling team and the community policing team. The case team is led by the head of the station it sits in (“a capable station head leads it”), counted in the team, its members apart and at least 3 (when that station has only its head, one of the grouped officers leads). The command room sits in the district's station with the most residents (the source: “more residents, a larger area, complex public order”; the model uses residents only), the case team in the station with the most staff (the source says a station “with a case-handling area” without saying which have one: assumed the largest), the community team in the station with the most villages and communities (residents ÷ a generated 800–3,000 per village); ties go to the lowest number. The placement is in the name.",
    ),
    Text::new(
        "派出所的机构、职级在改革前后相同，编制也不变（“现有派出所机构、编制、职数、职级保持不变”）：编入两队一室的民警仍属本所编制，模型把他们画在两队一室，因为那是他们工作的地方，所以第 4 步后派出所的在岗警力减少、防区的总警力不变。工作量离散度：改革前按派出所，改革后按防区（防区内全部人员与警情），所以第 4 步不改变它。",
        "Stations keep their organisation and ranks, and their establishment (“organisation, establishment, posts and ranks unchanged”): the officers grouped into the teams stay on their station's establishment, and the model draws them in the teams because that is where they work, so after step 4 the stations hold fewer officers on duty while each district's total is unchanged. Workload spread: across stations before, across districts after (everyone and every incident in the district), so step 4 does not change it.",
    ),
    Text::new(
        "职级为假设，改革前后相同：局长、副局长 → 所长、民警（或大队长、民警；队长、民警）。",
        "Ranks are an assumption, the same before and after: chief, deputy chief → station head, officer (or brigade head, officer; team leader, officer).",
    ),
    Text::new(
        "防区办公室：资料说“防区办公室一般设在中心所”，未说哪个所是中心所。模型假设中心所是防区内相邻派出所最多的所（在地图上居中），同样多时取编号最小的；城关防区就是城关派出所。办公室所在的所写在防区名称里（第 1 步起）；它不是另设的机构，不调动警力。",
        "District office: the source says “the district office is generally in the central station” (防区办公室一般设在中心所) without saying which station is central. The model assumes the central station is the district's station with the most neighbours inside the district (the middle of the group on the map), ties to the lowest number; the county-town district's is the county-town station. The office's station is in the district's name (from step 1); it is not a separate unit and moves no officer.",
    ),
    Text::new(
        "防区党支部（第 03 条措施，引述，不画）：“同一防区内的若干个派出所,成立一个党支部,由分管该防区的局领导担任支部书记,几个所中的中心所所长任副书记”，其他所长、教导员任委员。即每个防区一个党支部；书记是第 2 步写在防区名称上的负责局领导，副书记是办公室所在中心所的所长。党组织不是警务机构，不计入单位和警力。",
        "The district Party branch (measure 03, quoted, not drawn): “同一防区内的若干个派出所,成立一个党支部,由分管该防区的局领导担任支部书记,几个所中的中心所所长任副书记”: the stations of a district form one Party branch, its secretary the bureau leader in charge of the district, its deputy the head of the central station, the other station heads and instructors its committee members. So one branch per district; its secretary is the leader named on the district at step 2, its deputy the head of the station the office sits in. A Party body is not a police unit and is not counted in units or staff.",
    ),
    Text::new(
        "勤务模式（引述，不建模）：“在城关派出所实行“标准型”勤务模式,在农村派出所试行“串联型”勤务模式”。资料没有说明两种勤务模式的内容（班次、人数、巡逻方式），所以模型不计算它们的效果。",
        "Duty modes (quoted, not modelled): “在城关派出所实行“标准型”勤务模式,在农村派出所试行“串联型”勤务模式”: the county-town station works the “standard” duty mode, rural stations try the “linked” (串联型) mode. The source does not say what either mode is (shifts, numbers, patrols), so the model computes no effect of them.",
    ),
    Text::new(
        "应急处突队伍（第 05 条措施，引述，不画）：以防区为单位重组，“各防区整合民警、辅警、村警、保安、民兵及其他群防群治力量,建强机动处突队伍”，即每个防区一支机动处突队伍。资料没有给出队伍人数或其中民警多少，而队员大多是模型不计的辅警、村警、保安和民兵，所以不画成单位，也不调动警力。群防群治和“1+2+N”防区警务团队同样未建模。县局其他内设机构（政工、保障等）不在模型中。",
        "Emergency teams (measure 05, quoted, not drawn): regrouped by district, “各防区整合民警、辅警、村警、保安、民兵及其他群防群治力量,建强机动处突队伍”: each district builds one mobile emergency team from officers, auxiliaries, village police, guards, militia and other community forces. The source gives neither the team's size nor how many of it are officers, and most members are auxiliaries, village police, guards and militia, whom the model does not count; so it is not drawn as a unit and moves no officer. Community self-defence and the “1+2+N” district police teams are not modelled either. The bureau's other internal units (political work, logistics...) are left out.",
    ),
];

const LEVERS: &[Lever] = &[
    Lever {
        key: "districts",
        needs: Text::new(
            "知道相邻派出所（地图）和警情的派出所，在本局之下或在其下各县局之下",
            "Police stations whose neighbours (a map) and incidents are known, under the top bureau or under each county bureau below it",
        ),
        name: Text::new("01 跨所设置防区", "01 Districts across stations"),
        summary: Text::new(
            "位置相邻、警情相近的农村派出所组成防区（派出所本身不合并，防区数不超过上限），城关派出所单设一个防区；派出所原样进入防区，防区办公室设在中心所（假设：防区内相邻所最多的所）。",
            "Adjacent rural stations with similar incident levels are grouped into districts (up to the limit), the county-town station alone in its own; stations move into the districts unchanged, and each district's office sits in its central station (assumed: the one with the most neighbours in the district).",
        ),
        source: Source::seed("004", Q_M1),
        conserves_staff: true,
        apply: lever_districts,
    },
    Lever {
        key: "responsibility",
        needs: Text::new(
            "防区，以及同一局中向防区抽调民警的警种大队（本局或其下各县局）",
            "Districts, and the branch brigades of the same bureau (the top one or each county bureau below it) that bind officers to them",
        ),
        name: Text::new("02 条块分工明责", "02 Responsibility by district"),
        summary: Text::new(
            "每个防区由一名局领导负责（局长负责城关防区）；各警种大队按比例抽出民警编入防区，先补足各防区两队一室的最低人数，其余按模型自己的规则（资料未说明）逐人派往人均警情最多的防区。",
            "A bureau leader heads each district (the chief the county town's); each brigade binds a share of its officers to districts: first the minimum each district's teams need, then, by the model's own rule (the source gives none), one by one to the district with the most incidents per officer.",
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
        name: Text::new("04 做强“两队一室”", "04 Two teams, one office"),
        summary: Text::new(
            "防区内各派出所的民警跨所编组，与编入防区的警种民警一起组成综合指挥室、执法办案队（派出所长任队长，至少 3 名队员）和社区警务队，分别设在防区内的派出所；编组的民警仍属本所编制。",
            "Officers of the district's stations, grouped across stations, and the brigade officers bound to the district form an integrated command room, a case-handling team (led by a station head, at least 3 members) and a community policing team, each sited in one of the district's stations; the grouped officers stay on their stations' establishment.",
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

/// The whole reform as one recipe for another organisation: its three measures in order.
pub const REFORM: &[(&str, &str)] = &[
    ("county", "districts"),
    ("county", "responsibility"),
    ("county", "two_teams_one_office"),
];

/// The scopes' keys and names, in the order of [`VARIANTS`]: the page's pickers read these
/// before the case's part of the wasm is loaded (`ui::cases`).
pub const SCOPES: &[(&str, Text)] = &[("county", Text::new("一个县（区）", "One county"))];

/// Everything of the case's model that the page reaches through [`CaseId::model`].
pub const MODEL: CaseModel = CaseModel {
    variants: VARIANTS,
    reform: REFORM,
    facts: &[],
    why: &super::why::HAIDONG,
};

pub const VARIANTS: &[Variant] = &[Variant {
    key: SCOPES[0].0,
    name: SCOPES[0].1,
    specs: ALL_SPECS,
    row_specs: ROW_SPECS,
    baseline: Baseline::Built(baseline),
    levers: LEVERS,
    metrics: METRICS,
    key_figures: KEY_FIGURES,
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

/// Kilometres between neighbouring grid cells (an assumption; positions are for display).
const CELL_KM: f64 = 15.0;
