//! A typical prefecture-level city (地级市) before any reform, in the one organisation model, so
//! that every case's measures can be applied to the same city. Not one of the four cases: no
//! source describes such a city whole. Each figure is a labelled default: a count the sources
//! give (Daqing's 10 sub-bureaus and 70 stations, its sub-bureaus' 20 and county bureaus' 30
//! internal units, its 61 rural stations), else an assumption sized from what they give.
//!
//! Three tiers: the municipal bureau (市局) with its internal units; urban sub-bureaus (分局),
//! each with internal units and the city's police stations; county bureaus (县局), each with
//! internal units, county-town stations (城关派出所) and rural stations (农村派出所).

use crate::i18n::{Name, Text};
use crate::model::cases::kit::*;
use crate::model::cases::{Baseline, KeyFigure, ModelError, Variant};
use crate::model::metrics::MetricKey;
use crate::model::org::{
    id, split_evenly, Branch, Id, Ids, Rank, Setting, Staff, Unit, UnitKind, BRIGADE_HEAD, CHIEF,
    DEPUTY_BRIGADE_HEAD, DEPUTY_CHIEF, DEPUTY_STATION_HEAD, OFFICER, SERGEANT, SQUADRON_HEAD,
    STATION_HEAD,
};
use crate::model::params::{ParamSpec, Params};
use crate::model::source::Source;

// Quotes, verbatim from the seed documents (public so that the tests can check them).
pub const Q_URBAN: &str = "把市区10个公安分局和70个派出所合并";
pub const Q_SB_UNITS: &str = "内设机构由平均20个左右统一合并为4个";
pub const Q_COUNTY_UNITS: &str = "内设机构由原来平均30个左右整合为8个";
pub const Q_RURAL: &str = "将全市61个农村派出所合并为31个中心派出所";
/// The offices and police branches a county bureau typically has (001); the internal units are
/// named after them, in this order.
pub const Q_UNIT_LIST: &str = "普遍设立办公室(指挥中心)、政工、装财、警务督察、法制、宣传、出入境管理、信息通讯、控申、户政、纪委、监察、审计等10余个科室和国保、经侦、治安、巡特警、刑侦、网监、交警等诸多专业警种";

const G_AREA: Text = Text::new("城区与县", "Urban area and counties");
const G_UNITS: Text = Text::new("内设机构", "Internal units");
const G_STAFF: Text = Text::new("警力配置", "Officers");
const G_PEOPLE: Text = Text::new("辖区人口与警情", "Residents and incidents");

const PER_1000: Text = Text::new("起/千人·年", "a year per 1,000 residents");

pub const SPECS: &[ParamSpec] = &[
    spec(
        "sub_bureaus",
        Text::new("城区分局数", "Urban sub-bureaus"),
        UNITS,
        G_AREA,
        (1.0, 50.0, 1.0),
        10.0,
        Source::seed("000", Q_URBAN),
    ),
    spec(
        "urban_stations",
        Text::new("城区派出所数（全市）", "Urban police stations (city total)"),
        UNITS,
        G_AREA,
        (0.0, 500.0, 1.0),
        70.0,
        Source::seed("000", Q_URBAN),
    ),
    spec(
        "county_bureaus",
        Text::new("县局数", "County bureaus"),
        UNITS,
        G_AREA,
        (1.0, 30.0, 1.0),
        4.0,
        Source::assumption(
            "资料未给出县局数量；假设 4 个：大庆全市 61 个农村派出所（000）按海东模型每县约 15 个农村派出所计，约为 4 个县（大庆模型也假设 4 个）",
            "The sources do not give the number of county bureaus; assumed 4: Daqing's 61 rural stations citywide (000) at about 15 a county, as the Haidong model has, make about 4 counties (the Daqing model assumes 4 too)",
        ),
    ),
    spec(
        "town_stations",
        Text::new("每个县城的派出所数", "Stations in each county town"),
        UNITS,
        G_AREA,
        (0.0, 10.0, 1.0),
        1.0,
        Source::assumption(
            "资料未给出县城内的派出所数；海东资料说“城关派出所单设1个防区”（004），只说一个城关派出所；假设每县 1 个",
            "The sources do not say how many stations a county town has; Haidong's source speaks of one county-town station (“城关派出所单设1个防区”, 004); assumed 1 a county",
        ),
    ),
    spec(
        "rural_stations",
        Text::new("农村派出所数（全市）", "Rural police stations (city total)"),
        UNITS,
        G_AREA,
        (0.0, 1_000.0, 1.0),
        61.0,
        Source::seed("000", Q_RURAL),
    ),
    spec(
        "municipal_units",
        Text::new("市局内设机构数", "Internal units of the municipal bureau"),
        UNITS,
        G_UNITS,
        (1.0, 80.0, 1.0),
        30.0,
        Source::assumption(
            "资料未给出地级市公安局的内设机构数；假设 30 个：与大庆县局改革前的约 30 个（000）相同，介于浙江两个试点改革前的 26 个和 32 个（002）之间",
            "The sources do not give a municipal bureau's internal units; assumed 30: as many as Daqing's county bureaus had before (about 30, 000), between the Zhejiang pilots' 26 and 32 before (002)",
        ),
    ),
    spec(
        "sub_bureau_units",
        Text::new("每个分局的内设机构数", "Internal units per sub-bureau"),
        UNITS,
        G_UNITS,
        (1.0, 60.0, 1.0),
        20.0,
        Source::seed("000", Q_SB_UNITS),
    ),
    spec(
        "county_units",
        Text::new("每个县局的内设机构数", "Internal units per county bureau"),
        UNITS,
        G_UNITS,
        (1.0, 80.0, 1.0),
        30.0,
        Source::seed("000", Q_COUNTY_UNITS),
    ),
    spec(
        "organ_share",
        Text::new(
            "机关比例（内设机构和派出所岗位）",
            "Headquarters share (internal units, station posts)",
        ),
        PCT,
        G_UNITS,
        (0.0, 100.0, 1.0),
        50.0,
        Source::assumption(
            "资料未给出；假设每个局的内设机构一半是机关科室（只有机关岗位）、一半是警种大队（只有一线岗位），每个派出所一半岗位（四舍五入）是指挥和内勤：13 人的所为 7 人，正是资料例子中的“指挥3人,行政事务4人”（001）。这样默认时全市一线警力比例约 48%，接近大庆改革前的 48.5%（001）",
            "Not in the sources; assumed half of each bureau's internal units are headquarters offices (headquarters posts only) and half branch brigades (frontline posts only), and half of a station's posts (rounded) are command and admin: 7 of 13, the source example's 3 in command and 4 in administration (001). At the defaults the city's frontline share is then about 48%, near Daqing's 48.5% before its reform (001)",
        ),
    ),
    spec(
        "leaders",
        Text::new("每个局的局领导", "Leaders per bureau"),
        STAFF,
        G_STAFF,
        (1.0, 20.0, 1.0),
        4.0,
        Source::assumption(
            "资料未给出；市局、分局、县局各为局长 1 人 + 副局长 3 人，与大庆模型相同",
            "Not in the sources; 1 chief + 3 deputy chiefs in the municipal bureau and in each sub-bureau and county bureau, as in the Daqing model",
        ),
    ),
    spec(
        "unit_staff",
        Text::new("每个内设机构警力", "Officers per internal unit"),
        STAFF,
        G_STAFF,
        (1.0, 200.0, 1.0),
        8.0,
        Source::assumption(
            "资料未给出内设机构人数；假设每个 8 人：默认时城区（分局和派出所）共 2550 人，接近大庆模型的城区警力（20 个分局 × 125 人，“配置警力100-150名”标准的中值，000）",
            "The sources do not give unit sizes; assumed 8 each: at the defaults the urban area (sub-bureaus and stations) then has 2,550 officers, close to the Daqing model's urban force (20 sub-bureaus × 125, the middle of the 100–150 standard, 000)",
        ),
    ),
    spec(
        "station_staff",
        Text::new("每个城区和县城派出所警力", "Officers per urban or county-town station"),
        STAFF,
        G_STAFF,
        (1.0, 200.0, 1.0),
        13.0,
        Source::assumption(
            "资料只举了一个派出所的例子（“有的派出所13人中,指挥3人,行政事务4人,真正在工作一线的也就6个人”，001）；假设每个城区派出所和县城派出所都是 13 人",
            "The source gives one station as an example (13: 3 in command, 4 in administration, 6 on the front line, 001); assumed every urban and county-town station has 13",
        ),
    ),
    spec(
        "rural_station_staff",
        Text::new("每个农村派出所警力", "Officers per rural station"),
        STAFF,
        G_STAFF,
        (1.0, 100.0, 1.0),
        8.0,
        Source::assumption(
            "资料未给出农村派出所人数；假设 8 人，与大庆县域模型和海东模型的农村所平均人数相同",
            "The sources do not give rural station sizes; assumed 8, as in the Daqing county model and the Haidong model's mean rural station",
        ),
    ),
    spec(
        "station_residents",
        Text::new("每个城区和县城派出所辖区人口", "Residents per urban or county-town station"),
        PEOPLE,
        G_PEOPLE,
        (0.0, 500_000.0, 100.0),
        28_600.0,
        Source::assumption(
            "资料未给出；大庆模型取城区约 200 万人（20 个分局 × “辖区实有人口10万人左右”，000），分到 70 个派出所约每所 2.86 万人；县城派出所按同样计",
            "Not in the sources; the Daqing model takes about 2,000,000 urban residents (20 sub-bureaus × about 100,000, 000), about 28,600 for each of 70 stations; county-town stations are taken to be the same",
        ),
    ),
    spec(
        "rural_station_residents",
        Text::new("每个农村派出所辖区人口", "Residents per rural station"),
        PEOPLE,
        G_PEOPLE,
        (0.0, 200_000.0, 100.0),
        15_000.0,
        Source::assumption(
            "资料未给出；假设 1.5 万人，与海东模型农村派出所的平均人口相同",
            "Not in the sources; assumed 15,000, the Haidong model's mean for a rural station",
        ),
    ),
    decimal(spec(
        "incident_rate",
        Text::new("每千人年警情", "Incidents a year per 1,000 residents"),
        PER_1000,
        G_PEOPLE,
        (0.0, 1_000.0, 0.1),
        35.0,
        Source::assumption(
            "资料未给出；海东模型假设县城 8 万人每年 3000 起、农村所 1.5 万人每年 500 起，约为每千人 35 起；全市各所按同一比率",
            "Not in the sources; the Haidong model assumes 3,000 a year for a county town of 80,000 and 500 for a rural station of 15,000, about 35 per 1,000 residents; every station of the city gets the same rate",
        ),
    )),
];

pub const NOTES: &[Text] = &[
    Text::new(
        "这是一个典型的地级市公安机关（改革前，三层管理：市局—分局/县局—派出所），不是资料中的某一个城市：各项改革措施都可以作用于它，以便比较。",
        "A typical prefecture-level city's police before any reform (three tiers: municipal bureau, sub-bureaus and county bureaus, police stations), not any city of the sources: every measure can be applied to it, for comparison.",
    ),
    Text::new(
        "每个数字都是标明来源的默认值：资料给出的数（大庆的 10 个分局和 70 个派出所、分局约 20 个和县局约 30 个内设机构、61 个农村派出所）直接引用，其余都是假设，并说明按资料中的哪个数确定。派出所按顺序平均分到各分局、各县。",
        "Every figure is a labelled default: the counts the sources give (Daqing's 10 sub-bureaus and 70 stations, about 20 internal units per sub-bureau and 30 per county bureau, 61 rural stations) are quoted; the rest are assumptions, each saying which source figure it is sized from. Stations are spread evenly over the sub-bureaus and counties, in order.",
    ),
    Text::new(
        "内设机构按资料对县级公安机关的描述命名（“办公室(指挥中心)、政工……等10余个科室和国保、经侦……等诸多专业警种”，001）：机关科室只有机关岗位，警种大队（市局为支队）只有一线岗位；名单用完后为占位名。",
        "Internal units are named after the source's account of a county bureau (offices such as the general office and political work, and police branches such as domestic security and economic crime, 001): offices hold headquarters posts only, branch brigades (detachments in the municipal bureau) frontline posts only; past the list, placeholder names.",
    ),
    Text::new(
        "每个县的派出所按顺序与前后两个相邻（县城所在前）：一条链，最简单的地图；资料没有给出地图。海东的防区措施据此把相邻、警情相近的农村派出所组成防区。",
        "Each county's stations border the one before and the one after them, in order (the county town first): a chain, the simplest map; the sources give none. Haidong's districts group neighbouring rural stations with similar incidents by it.",
    ),
    Text::new(
        "指挥层次按大庆资料的算法从分局（县局）局长算起：局长、副局长 → 大队长、副大队长、中队长、警长、民警，共 7 个（000）；派出所的职级（所长、副所长、警长、民警）为假设。",
        "The command chain counts as Daqing's source does, from the sub-bureau (county bureau) chief: chief, deputy chief → brigade head, deputy, squadron head, sergeant, officer, 7 ranks (000); station ranks (head, deputy, sergeant, officer) are an assumption.",
    ),
];

/// The typical city as a scope with no measures of its own: a "before" that the composer (and
/// the matrix of measures × organisations) can apply any case's measures to.
pub const VARIANT: Variant = Variant {
    key: "typical_city",
    name: Text::new(
        "典型地级市（改革前）",
        "Typical prefecture-level city (before)",
    ),
    specs: SPECS,
    row_specs: &[],
    baseline: Baseline::Built(typical_city),
    levers: &[],
    metrics: &[
        MetricKey::StaffTotal,
        MetricKey::OrganStaff,
        MetricKey::StaffFrontline,
        MetricKey::FrontlineShare,
        MetricKey::ManagementTiers,
        MetricKey::CommandChain,
        MetricKey::SubBureaus,
        MetricKey::CountyBureaus,
        MetricKey::Stations,
        MetricKey::InternalUnits,
        MetricKey::UnitsTotal,
    ],
    reported: &[],
    // What the four reforms change: the frontline share, headquarters staff, tiers, command
    // chain, stations and internal units.
    key_figures: &[
        KeyFigure::Metric(MetricKey::FrontlineShare),
        KeyFigure::Metric(MetricKey::OrganStaff),
        KeyFigure::Metric(MetricKey::ManagementTiers),
        KeyFigure::Metric(MetricKey::CommandChain),
        KeyFigure::Metric(MetricKey::Stations),
        KeyFigure::Metric(MetricKey::InternalUnits),
    ],
    notes: NOTES,
    composed: None,
};

// ---------------------------------------------------------------------------------------------
// Names, ranks and the tree.

const MUNICIPAL: Text = Text::new(
    "典型地级市公安局",
    "Public security bureau of a typical prefecture-level city",
);
const MUNICIPAL_ROLE: Text = Text::new("市局", "Municipal bureau");
const SUB_BUREAU: Text = Text::new("分局", "Sub-bureau");
const COUNTY_BUREAU: Text = Text::new("县局", "County bureau");
const STATION: Text = Text::new("派出所", "Police station");
const TOWN_STATION: Text = Text::new("城关派出所", "County-town station");
const RURAL_STATION: Text = Text::new("农村派出所", "Rural station");
const OFFICE: Text = Text::new("机关科室", "Headquarters office");
const BRIGADE: Text = Text::new("警种大队", "Branch brigade");
const DETACHMENT: Text = Text::new("警种支队", "Branch detachment");

/// The offices of `Q_UNIT_LIST`, in its order.
pub const OFFICES: [(Text, Option<Branch>); 13] = [
    (
        Text::new("办公室(指挥中心)", "General office (command centre)"),
        Some(Branch::Command),
    ),
    (Text::new("政工", "Political work"), None),
    (
        Text::new("装财", "Equipment and finance"),
        Some(Branch::Support),
    ),
    (
        Text::new("警务督察", "Police inspection"),
        Some(Branch::Supervision),
    ),
    (
        Text::new("法制", "Legal affairs"),
        Some(Branch::Supervision),
    ),
    (Text::new("宣传", "Publicity"), None),
    (
        Text::new("出入境管理", "Exit and entry administration"),
        None,
    ),
    (
        Text::new("信息通讯", "Information and communications"),
        Some(Branch::Support),
    ),
    (Text::new("控申", "Complaints and appeals"), None),
    (Text::new("户政", "Household registration"), None),
    (
        Text::new("纪委", "Discipline inspection committee"),
        Some(Branch::Supervision),
    ),
    (Text::new("监察", "Supervision"), Some(Branch::Supervision)),
    (Text::new("审计", "Audit"), Some(Branch::Supervision)),
];

/// The police branches of `Q_UNIT_LIST` (criminal investigation first, then the others in the
/// source's order): the short name the source uses, the brigade (county bureau, sub-bureau) and
/// the detachment (municipal bureau), and the line of work.
pub const BRANCHES: [(&str, Text, Text, Option<Branch>); 7] = [
    (
        "刑侦",
        Text::new("刑侦大队", "Criminal investigation brigade"),
        Text::new("刑侦支队", "Criminal investigation detachment"),
        Some(Branch::Investigation),
    ),
    (
        "国保",
        Text::new("国保大队", "Domestic security brigade"),
        Text::new("国保支队", "Domestic security detachment"),
        None,
    ),
    (
        "经侦",
        Text::new("经侦大队", "Economic crime brigade"),
        Text::new("经侦支队", "Economic crime detachment"),
        Some(Branch::Investigation),
    ),
    (
        "治安",
        Text::new("治安大队", "Public order brigade"),
        Text::new("治安支队", "Public order detachment"),
        Some(Branch::Patrol),
    ),
    (
        "巡特警",
        Text::new("巡特警大队", "Patrol and special police brigade"),
        Text::new("巡特警支队", "Patrol and special police detachment"),
        Some(Branch::Patrol),
    ),
    (
        "网监",
        Text::new("网监大队", "Internet security brigade"),
        Text::new("网监支队", "Internet security detachment"),
        None,
    ),
    (
        "交警",
        Text::new("交警大队", "Traffic police brigade"),
        Text::new("交警支队", "Traffic police detachment"),
        None,
    ),
];

const BUREAU_RANKS: [Rank; 2] = [CHIEF, DEPUTY_CHIEF];
const UNIT_RANKS: [Rank; 5] = [
    BRIGADE_HEAD,
    DEPUTY_BRIGADE_HEAD,
    SQUADRON_HEAD,
    SERGEANT,
    OFFICER,
];
const STATION_RANKS: [Rank; 4] = [STATION_HEAD, DEPUTY_STATION_HEAD, SERGEANT, OFFICER];

/// The values the tree is built from, read once.
struct City {
    sub_bureaus: usize,
    urban_stations: u64,
    county_bureaus: usize,
    town_stations: usize,
    rural_stations: u64,
    municipal_units: usize,
    sub_bureau_units: usize,
    county_units: usize,
    /// Percent, 0–100.
    organ_share: u64,
    leaders: u64,
    unit_staff: u64,
    station_staff: u64,
    rural_station_staff: u64,
    station_residents: u64,
    rural_station_residents: u64,
    /// Incidents a year per 1,000 residents.
    incident_rate: f64,
}

impl City {
    fn of(p: &Params) -> City {
        City {
            sub_bureaus: p.count("sub_bureaus") as usize,
            urban_stations: p.count("urban_stations"),
            county_bureaus: p.count("county_bureaus") as usize,
            town_stations: p.count("town_stations") as usize,
            rural_stations: p.count("rural_stations"),
            municipal_units: p.count("municipal_units") as usize,
            sub_bureau_units: p.count("sub_bureau_units") as usize,
            county_units: p.count("county_units") as usize,
            organ_share: p.count("organ_share").min(100),
            leaders: p.count("leaders"),
            unit_staff: p.count("unit_staff"),
            station_staff: p.count("station_staff"),
            rural_station_staff: p.count("rural_station_staff"),
            station_residents: p.count("station_residents"),
            rural_station_residents: p.count("rural_station_residents"),
            incident_rate: p.get("incident_rate").max(0.0),
        }
    }
    /// `n` × the headquarters share, rounded half up.
    fn organ_part(&self, n: u64) -> u64 {
        (n * self.organ_share + 50) / 100
    }
    fn incidents(&self, residents: u64) -> u64 {
        (residents as f64 * self.incident_rate / 1_000.0).round() as u64
    }
    fn leaders(&self) -> Staff {
        Staff::new(to_u32(self.leaders), 0)
    }
    /// A station of `staff` officers: the headquarters share of its posts are command and admin.
    fn station(&self, id: Id, name: Name, role: Text, staff: u64, residents: u64) -> Unit {
        let organ = self.organ_part(staff);
        Unit::new(id, name, role, UnitKind::Station)
            .with_staff(Staff::new(to_u32(organ), to_u32(staff - organ)))
            .with_ranks(&STATION_RANKS)
            .with_residents(residents)
            .with_incidents(self.incidents(residents))
            .placeholder()
    }
    /// The internal units of the bureau `parent`: the headquarters share of them offices, the
    /// rest branch brigades (detachments in the municipal bureau), each of `unit_staff`.
    fn internal_units(&self, parent: &Id, n: usize, municipal: bool) -> Vec<Unit> {
        let offices = self.organ_part(n as u64) as usize;
        let s = to_u32(self.unit_staff);
        (0..n)
            .map(|j| {
                // Name, role, posts, line of work, and whether the source names the unit.
                let (name, role, staff, branch, named) = if j < offices {
                    let staff = Staff::new(s, 0);
                    match OFFICES.get(j) {
                        Some(&(name, branch)) => (Name::of(name), OFFICE, staff, branch, true),
                        None => (Name::numbered(OFFICE, j + 1), OFFICE, staff, None, false),
                    }
                } else {
                    let (k, staff) = (j - offices, Staff::new(0, s));
                    let role = if municipal { DETACHMENT } else { BRIGADE };
                    match BRANCHES.get(k) {
                        Some(&(_, brigade, detachment, branch)) => {
                            let name = if municipal { detachment } else { brigade };
                            (Name::of(name), role, staff, branch, true)
                        }
                        None => (Name::numbered(role, k + 1), role, staff, None, false),
                    }
                };
                let mut u = Unit::new(id![parent, "/u", j + 1], name, role, UnitKind::InternalUnit)
                    .with_staff(staff)
                    .with_ranks(&UNIT_RANKS);
                u.branch = branch;
                u.placeholder = !named;
                u
            })
            .collect()
    }
}

/// The city before any reform. Always builds: every parameter set within the ranges gives a
/// tree (a sub-bureau or county with no stations has only its internal units).
pub fn typical_city(p: &Params) -> Result<Unit, ModelError> {
    let c = City::of(p);
    let root = Id::from("tc");
    let mut children: Vec<Unit> = c.internal_units(&root, c.municipal_units, true);

    let mut station_no = 0usize;
    for (i, n) in split_evenly(c.urban_stations, c.sub_bureaus)
        .into_iter()
        .enumerate()
    {
        let sb = id![root, "/sb", i + 1];
        let mut kids = c.internal_units(&sb, c.sub_bureau_units, false);
        for k in 0..n as usize {
            station_no += 1;
            kids.push(c.station(
                id![sb, "/st", k + 1],
                Name::numbered(STATION, station_no),
                STATION,
                c.station_staff,
                c.station_residents,
            ));
        }
        children.push(
            Unit::new(
                sb,
                Name::numbered(SUB_BUREAU, i + 1),
                SUB_BUREAU,
                UnitKind::SubBureau,
            )
            .with_staff(c.leaders())
            .with_ranks(&BUREAU_RANKS)
            .with_residents(n * c.station_residents)
            .placeholder()
            .with_children(kids),
        );
    }

    let (mut town_no, mut rural_no) = (0usize, 0usize);
    for (i, rural) in split_evenly(c.rural_stations, c.county_bureaus)
        .into_iter()
        .enumerate()
    {
        let cb = id![root, "/c", i + 1];
        let mut kids = c.internal_units(&cb, c.county_units, false);
        for t in 0..c.town_stations {
            town_no += 1;
            kids.push(
                c.station(
                    id![cb, "/ts", t + 1],
                    Name::numbered(TOWN_STATION, town_no),
                    TOWN_STATION,
                    c.station_staff,
                    c.station_residents,
                )
                .with_setting(Setting::CountyTown),
            );
        }
        for r in 0..rural as usize {
            rural_no += 1;
            kids.push(
                c.station(
                    id![cb, "/rs", r + 1],
                    Name::numbered(RURAL_STATION, rural_no),
                    RURAL_STATION,
                    c.rural_station_staff,
                    c.rural_station_residents,
                )
                .with_setting(Setting::Rural),
            );
        }
        // A county's stations border the one before and the one after them, in order (the
        // county town first): a chain, the simplest map; the sources give none.
        let at: Vec<usize> = (0..kids.len())
            .filter(|&j| kids[j].kind.is_station())
            .collect();
        let ids: Vec<Id> = at.iter().map(|&j| kids[j].id.clone()).collect();
        for (k, &j) in at.iter().enumerate() {
            let near: Vec<Id> = [k.checked_sub(1), Some(k + 1)]
                .into_iter()
                .flatten()
                .filter_map(|n| ids.get(n).cloned())
                .collect();
            kids[j].neighbours = Ids::from(near);
        }
        let residents =
            c.town_stations as u64 * c.station_residents + rural * c.rural_station_residents;
        children.push(
            Unit::new(
                cb,
                Name::numbered(COUNTY_BUREAU, i + 1),
                COUNTY_BUREAU,
                UnitKind::CountyBureau,
            )
            .with_staff(c.leaders())
            .with_ranks(&BUREAU_RANKS)
            .with_residents(residents)
            .placeholder()
            .with_children(kids),
        );
    }

    let residents = children
        .iter()
        .filter(|u| u.kind.is_territorial())
        .map(|u| u.residents)
        .sum();
    Ok(Unit::new(
        root,
        Name::of(MUNICIPAL),
        MUNICIPAL_ROLE,
        UnitKind::MunicipalBureau,
    )
    .with_staff(c.leaders())
    .with_residents(residents)
    .placeholder()
    .with_children(children))
}
