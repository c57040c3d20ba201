//! Numbers computed from an organisation tree. The UI displays these; it computes none itself.

use crate::i18n::{Name, Text};
use crate::model::org::{Branch, Lead, Staff, Unit, UnitKind};

/// A metric the app can show. `key()` is the `data-metric` hook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetricKey {
    StaffTotal,
    OrganStaff,
    StaffFrontline,
    FrontlineShare,
    ManagementTiers,
    CommandChain,
    SubBureaus,
    LocallyRun,
    CountyBureaus,
    Stations,
    InternalUnits,
    AttachedUnits,
    Teams,
    TeamSize,
    StaffPerSubBureau,
    ResidentsPerSubBureau,
    Layers,
    SpanAvg,
    SpanMax,
    UnitsTotal,
    SectionUnits,
    TrafficBrigades,
    PoliceAreas,
    DomesticSecurityStaff,
    StationShare,
    Districts,
    WorkloadSpread,
    WorkloadRatio,
    IncidentsPerOfficer,
    CommunityRooms,
    InvestigationTiers,
    Groups,
    ManagersRatio,
    SpanBand1,
    SpanBand2To3,
    SpanBand4To7,
    SpanBand8To12,
    SpanBand13Plus,
}

/// How a value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A whole count.
    Count,
    /// A mean, one decimal.
    Decimal,
    /// A 0–1 fraction shown as a percentage.
    Share,
    /// A ratio, two decimals.
    Ratio,
}

impl MetricKey {
    /// The metric's name, as tables, the CSV and the sources list say it.
    pub fn label(self) -> Text {
        match self {
            MetricKey::StaffTotal => Text::new("警力总数", "Staff in all"),
            MetricKey::StaffFrontline => Text::new("一线警力", "Frontline staff"),
            MetricKey::FrontlineShare => Text::new("一线警力比例", "Frontline share"),
            MetricKey::ManagementTiers => Text::new("管理层级", "Management tiers"),
            MetricKey::CommandChain => Text::new("指挥层次", "Command chain (ranks)"),
            MetricKey::SubBureaus => Text::new("分局数", "Sub-bureaus"),
            MetricKey::LocallyRun => Text::new(
                "人财物归地方管理的单位",
                "Units run by their local government",
            ),
            MetricKey::CountyBureaus => Text::new("县局数", "County bureaus"),
            MetricKey::Stations => Text::new(
                "派出所数（含中心派出所）",
                "Police stations (central stations included)",
            ),
            MetricKey::InternalUnits => Text::new(
                "每个单位的内设机构（平均）",
                "Internal units per unit (mean)",
            ),
            MetricKey::AttachedUnits => Text::new("直属单位数", "Directly attached units"),
            MetricKey::Teams => Text::new("战斗队数", "Teams"),
            MetricKey::TeamSize => Text::new("每队人数（平均）", "Officers per team (mean)"),
            MetricKey::StaffPerSubBureau => {
                Text::new("每个分局警力（平均）", "Staff per sub-bureau (mean)")
            }
            MetricKey::ResidentsPerSubBureau => Text::new(
                "每个分局辖区人口（平均）",
                "Residents per sub-bureau (mean)",
            ),
            MetricKey::Layers => Text::new("组织层数", "Layers"),
            MetricKey::SpanAvg => Text::new("平均管理幅度", "Span of control (mean)"),
            MetricKey::SpanMax => Text::new("最大管理幅度", "Span of control (max)"),
            MetricKey::UnitsTotal => Text::new("单位总数", "Units in all"),
            MetricKey::OrganStaff => Text::new("机关警力", "Headquarters (organ) staff"),
            MetricKey::PoliceAreas => Text::new("交警警区", "Traffic police areas"),
            MetricKey::TrafficBrigades => Text::new("交警大队", "Traffic brigades"),
            MetricKey::DomesticSecurityStaff => Text::new(
                "国保部门警力（含其下各科）",
                "Domestic security staff (with its sections)",
            ),
            MetricKey::SectionUnits => Text::new(
                "科级（或处级）机构数",
                "Section-level (or division-level) units",
            ),
            MetricKey::StationShare => {
                Text::new("派出所警力占比", "Share of staff in police stations")
            }
            MetricKey::Districts => Text::new("防区数", "Districts"),
            MetricKey::WorkloadSpread => Text::new(
                "人均警情的离散系数",
                "Spread of incidents per officer (coefficient of variation)",
            ),
            MetricKey::WorkloadRatio => Text::new(
                "人均警情 最高 ÷ 最低",
                "Incidents per officer, highest ÷ lowest",
            ),
            MetricKey::IncidentsPerOfficer => {
                Text::new("人均警情（件/人）", "Incidents per officer")
            }
            MetricKey::CommunityRooms => Text::new("社区警务室", "Community police rooms"),
            MetricKey::InvestigationTiers => Text::new("刑侦层级", "Investigation tiers"),
            MetricKey::Groups => Text::new("组数", "Groups"),
            MetricKey::ManagersRatio => {
                Text::new("管理单位占全部单位的比例", "Managing units ÷ all units")
            }
            MetricKey::SpanBand1 => Text::new(
                "管理幅度为 1 的管理单位占比",
                "Managing units with a span of 1",
            ),
            MetricKey::SpanBand2To3 => Text::new(
                "管理幅度 2–3 的管理单位占比",
                "Managing units with a span of 2–3",
            ),
            MetricKey::SpanBand4To7 => Text::new(
                "管理幅度 4–7 的管理单位占比",
                "Managing units with a span of 4–7",
            ),
            MetricKey::SpanBand8To12 => Text::new(
                "管理幅度 8–12 的管理单位占比",
                "Managing units with a span of 8–12",
            ),
            MetricKey::SpanBand13Plus => Text::new(
                "管理幅度 13 及以上的管理单位占比",
                "Managing units with a span of 13 or more",
            ),
        }
    }
    pub const ALL: [MetricKey; 38] = [
        MetricKey::StaffTotal,
        MetricKey::OrganStaff,
        MetricKey::StaffFrontline,
        MetricKey::FrontlineShare,
        MetricKey::ManagementTiers,
        MetricKey::CommandChain,
        MetricKey::SubBureaus,
        MetricKey::LocallyRun,
        MetricKey::CountyBureaus,
        MetricKey::Stations,
        MetricKey::InternalUnits,
        MetricKey::AttachedUnits,
        MetricKey::Teams,
        MetricKey::TeamSize,
        MetricKey::StaffPerSubBureau,
        MetricKey::ResidentsPerSubBureau,
        MetricKey::Layers,
        MetricKey::SpanAvg,
        MetricKey::SpanMax,
        MetricKey::UnitsTotal,
        MetricKey::SectionUnits,
        MetricKey::TrafficBrigades,
        MetricKey::PoliceAreas,
        MetricKey::DomesticSecurityStaff,
        MetricKey::StationShare,
        MetricKey::Districts,
        MetricKey::WorkloadSpread,
        MetricKey::WorkloadRatio,
        MetricKey::IncidentsPerOfficer,
        MetricKey::CommunityRooms,
        MetricKey::InvestigationTiers,
        MetricKey::Groups,
        MetricKey::ManagersRatio,
        MetricKey::SpanBand1,
        MetricKey::SpanBand2To3,
        MetricKey::SpanBand4To7,
        MetricKey::SpanBand8To12,
        MetricKey::SpanBand13Plus,
    ];

    /// The "spans and layers" group, shown for every variant in a table of its own.
    pub const SPANS_AND_LAYERS: [MetricKey; 10] = [
        MetricKey::Layers,
        MetricKey::CommandChain,
        MetricKey::SpanAvg,
        MetricKey::SpanMax,
        MetricKey::ManagersRatio,
        MetricKey::SpanBand1,
        MetricKey::SpanBand2To3,
        MetricKey::SpanBand4To7,
        MetricKey::SpanBand8To12,
        MetricKey::SpanBand13Plus,
    ];

    /// The span bands in order, each with its lowest and highest span.
    pub const SPAN_BANDS: [(MetricKey, usize, usize); 5] = [
        (MetricKey::SpanBand1, 1, 1),
        (MetricKey::SpanBand2To3, 2, 3),
        (MetricKey::SpanBand4To7, 4, 7),
        (MetricKey::SpanBand8To12, 8, 12),
        (MetricKey::SpanBand13Plus, 13, usize::MAX),
    ];

    /// Every metric a variant shows: its own list, then the spans-and-layers group, each key
    /// once; without the command chain where `chain` is false (an organisation whose file
    /// gives no ranks, `own::lacks_ranks`).
    pub fn shown_with(list: &[MetricKey], chain: bool) -> Vec<MetricKey> {
        let mut out = list.to_vec();
        for k in MetricKey::spans_and_layers(chain) {
            if !out.contains(&k) {
                out.push(k);
            }
        }
        out.retain(|k| chain || *k != MetricKey::CommandChain);
        out
    }

    /// The spans-and-layers group, without the command chain where `chain` is false.
    pub fn spans_and_layers(chain: bool) -> impl Iterator<Item = MetricKey> {
        MetricKey::SPANS_AND_LAYERS
            .into_iter()
            .filter(move |k| chain || *k != MetricKey::CommandChain)
    }

    /// Whether the figure is counted from the incidents the units record: an organisation that
    /// records none has nothing to count (it would read 0 → 0), so it is not shown for one.
    pub fn counts_incidents(self) -> bool {
        matches!(
            self,
            MetricKey::WorkloadSpread | MetricKey::WorkloadRatio | MetricKey::IncidentsPerOfficer
        )
    }

    pub fn key(self) -> &'static str {
        match self {
            MetricKey::StaffTotal => "staff_total",
            MetricKey::OrganStaff => "organ_staff",
            MetricKey::StaffFrontline => "staff_frontline",
            MetricKey::FrontlineShare => "frontline_share",
            MetricKey::ManagementTiers => "management_tiers",
            MetricKey::CommandChain => "command_chain",
            MetricKey::SubBureaus => "sub_bureaus",
            MetricKey::LocallyRun => "locally_run",
            MetricKey::CountyBureaus => "county_bureaus",
            MetricKey::Stations => "stations",
            MetricKey::InternalUnits => "internal_units",
            MetricKey::AttachedUnits => "attached_unit_count",
            MetricKey::Teams => "teams",
            MetricKey::TeamSize => "team_size",
            MetricKey::StaffPerSubBureau => "staff_per_sub_bureau",
            MetricKey::ResidentsPerSubBureau => "residents_per_sub_bureau",
            MetricKey::Layers => "layers",
            MetricKey::SpanAvg => "span_avg",
            MetricKey::SpanMax => "span_max",
            MetricKey::UnitsTotal => "units_total",
            MetricKey::SectionUnits => "section_units",
            MetricKey::PoliceAreas => "police_areas",
            MetricKey::TrafficBrigades => "traffic_brigades",
            MetricKey::DomesticSecurityStaff => "domestic_security_staff",
            MetricKey::StationShare => "station_share",
            MetricKey::Districts => "districts",
            MetricKey::WorkloadSpread => "workload_spread",
            MetricKey::WorkloadRatio => "workload_ratio",
            MetricKey::IncidentsPerOfficer => "incidents_per_officer",
            MetricKey::CommunityRooms => "community_rooms",
            MetricKey::InvestigationTiers => "investigation_tiers",
            MetricKey::Groups => "groups",
            MetricKey::ManagersRatio => "managers_ratio",
            MetricKey::SpanBand1 => "span_band_1",
            MetricKey::SpanBand2To3 => "span_band_2_3",
            MetricKey::SpanBand4To7 => "span_band_4_7",
            MetricKey::SpanBand8To12 => "span_band_8_12",
            MetricKey::SpanBand13Plus => "span_band_13_plus",
        }
    }

    /// A mean (or share) over units an organisation may lack: teams, sub-bureaus, managing
    /// units. Such a metric is NaN when there are none, and the page writes "—"; every other
    /// metric is always a number.
    pub fn may_be_undefined(self) -> bool {
        matches!(
            self,
            MetricKey::InternalUnits
                | MetricKey::TeamSize
                | MetricKey::StaffPerSubBureau
                | MetricKey::ResidentsPerSubBureau
                | MetricKey::SpanAvg
                | MetricKey::SpanBand1
                | MetricKey::SpanBand2To3
                | MetricKey::SpanBand4To7
                | MetricKey::SpanBand8To12
                | MetricKey::SpanBand13Plus
        )
    }

    pub fn format(self) -> Format {
        match self {
            MetricKey::FrontlineShare
            | MetricKey::StationShare
            | MetricKey::ManagersRatio
            | MetricKey::SpanBand1
            | MetricKey::SpanBand2To3
            | MetricKey::SpanBand4To7
            | MetricKey::SpanBand8To12
            | MetricKey::SpanBand13Plus => Format::Share,
            MetricKey::WorkloadSpread | MetricKey::WorkloadRatio => Format::Ratio,
            MetricKey::IncidentsPerOfficer => Format::Decimal,
            MetricKey::InternalUnits
            | MetricKey::TeamSize
            | MetricKey::StaffPerSubBureau
            | MetricKey::SpanAvg => Format::Decimal,
            _ => Format::Count,
        }
    }
}

/// All metrics of one organisation.
#[derive(Clone, Debug)]
pub struct Metrics(Vec<(MetricKey, f64)>);

/// Equal when every value is: an undefined mean (NaN) equals an undefined mean.
impl PartialEq for Metrics {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|((k, a), (l, b))| k == l && (a == b || (a.is_nan() && b.is_nan())))
    }
}

impl Metrics {
    pub fn get(&self, key: MetricKey) -> f64 {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .unwrap_or(f64::NAN)
    }
}

/// `sum / n`; NaN over no units, which the page writes "—" (a mean of nothing is not 0).
fn mean(sum: f64, n: usize) -> f64 {
    if n == 0 {
        f64::NAN
    } else {
        sum / n as f64
    }
}

/// A unit whose workload the metrics compare: a district when the organisation has districts,
/// else a police station.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkUnit<'a> {
    pub unit: &'a Unit,
    /// Staff of the unit and everything below it.
    pub staff: u32,
    /// Incidents in the unit's area (its own and its children's).
    pub incidents: u64,
}

impl WorkUnit<'_> {
    /// Incidents per officer; `None` for a unit without staff.
    pub fn per_officer(&self) -> Option<f64> {
        (self.staff > 0).then(|| self.incidents as f64 / f64::from(self.staff))
    }
}

/// The tree flattened once: depth-first order, parents first, with subtree sums.
struct Flat<'a> {
    units: Vec<&'a Unit>,
    depth: Vec<usize>,
    /// Position of each unit's parent (`usize::MAX` for the root).
    parent: Vec<usize>,
    staff: Vec<Staff>,
    incidents: Vec<u64>,
}

fn flatten(root: &Unit) -> Flat<'_> {
    let walk = root.walk();
    let n = walk.len();
    let mut parent = vec![usize::MAX; n];
    // In a depth-first walk a unit's parent is the nearest earlier unit one level up.
    let mut open: Vec<usize> = Vec::new();
    for (i, (d, _)) in walk.iter().enumerate() {
        open.truncate(*d);
        if let Some(&p) = open.last() {
            parent[i] = p;
        }
        open.push(i);
    }
    let mut staff: Vec<Staff> = walk.iter().map(|(_, u)| u.staff).collect();
    let mut incidents: Vec<u64> = walk.iter().map(|(_, u)| u.incidents).collect();
    for i in (1..n).rev() {
        let p = parent[i];
        staff[p] = staff[p] + staff[i];
        incidents[p] += incidents[i];
    }
    Flat {
        depth: walk.iter().map(|(d, _)| *d).collect(),
        units: walk.into_iter().map(|(_, u)| u).collect(),
        parent,
        staff,
        incidents,
    }
}

impl<'a> Flat<'a> {
    fn work_units(&self) -> Vec<WorkUnit<'a>> {
        let has_districts = self.units.iter().any(|u| u.kind == UnitKind::District);
        let is_work = |u: &Unit| {
            if has_districts {
                u.kind == UnitKind::District
            } else {
                u.kind.is_station()
            }
        };
        self.topmost(is_work)
            .into_iter()
            .map(|i| WorkUnit {
                unit: self.units[i],
                staff: self.staff[i].total(),
                incidents: self.incidents[i],
            })
            .collect()
    }

    /// Positions of the units matching `pred` that have no matching unit above them (a station
    /// inside a district, or inside another station, is not counted twice).
    fn topmost(&self, pred: impl Fn(&Unit) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        let mut skip_below: Option<usize> = None;
        for (i, u) in self.units.iter().enumerate() {
            if skip_below.is_some_and(|d| self.depth[i] > d) {
                continue;
            }
            skip_below = None;
            if pred(u) {
                out.push(i);
                skip_below = Some(self.depth[i]);
            }
        }
        out
    }
}

/// The districts (or, without districts, the stations) of the tree with their staff and
/// incidents, in tree order.
pub fn work_units(root: &Unit) -> Vec<WorkUnit<'_>> {
    flatten(root).work_units()
}

/// Units and the staff posted in them (their own posts, not their children's), summed over a
/// group of units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub units: u32,
    pub staff: Staff,
}

impl Tally {
    fn add(&mut self, staff: Staff) {
        self.units += 1;
        self.staff = self.staff + staff;
    }
}

/// A unit directly under the root, with the staff of its whole subtree.
#[derive(Clone, Debug, PartialEq)]
pub struct TopUnit {
    pub id: String,
    pub name: Name,
    pub kind: UnitKind,
    pub staff: Staff,
}

/// Staff and units by management tier and by kind of unit, and the units directly under the
/// root.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    /// `(tier, tally)` for every tier that has units, lowest first. A unit's tier is the number
    /// of territorial units on its path from the root, itself included, so an internal unit or
    /// a team belongs to the tier of the territorial unit above it (0 only when there is none).
    pub tiers: Vec<(usize, Tally)>,
    /// `(kind, tally)` for every kind present, in `UnitKind` order.
    pub kinds: Vec<(UnitKind, Tally)>,
    /// Every unit and all staff.
    pub total: Tally,
    pub root_name: Name,
    /// The root's own posts (not in any unit below it).
    pub root_staff: Staff,
    /// The units directly under the root, in tree order.
    pub top: Vec<TopUnit>,
}

/// The rows of a before/after table: every key present on either side, in order, with the
/// tally of each side (zero where the key is absent).
pub fn paired<K: Copy + Ord>(
    before: &[(K, Tally)],
    after: &[(K, Tally)],
) -> Vec<(K, Tally, Tally)> {
    let mut keys: Vec<K> = before.iter().chain(after).map(|(k, _)| *k).collect();
    super::order::sort_by_key(&mut keys, |k| *k);
    keys.dedup();
    let find = |side: &[(K, Tally)], k: K| {
        side.iter()
            .find(|(x, _)| *x == k)
            .map(|(_, t)| *t)
            .unwrap_or_default()
    };
    keys.into_iter()
        .map(|k| (k, find(before, k), find(after, k)))
        .collect()
}

/// Staff and units by tier and by kind, and the root's direct units, in one pass over the tree.
pub fn breakdown(root: &Unit) -> Breakdown {
    let flat = flatten(root);
    let n = flat.units.len();
    let mut tier = vec![0usize; n];
    let mut tiers: Vec<Tally> = Vec::new();
    let mut kinds: Vec<(UnitKind, Tally)> = Vec::new();
    let mut top = Vec::new();
    for (i, u) in flat.units.iter().enumerate() {
        let above = flat.parent.get(i).and_then(|&p| tier.get(p)).copied();
        tier[i] = above.unwrap_or(0) + usize::from(u.kind.is_territorial());
        if tiers.len() <= tier[i] {
            tiers.resize(tier[i] + 1, Tally::default());
        }
        tiers[tier[i]].add(u.staff);
        match kinds.iter_mut().find(|(k, _)| *k == u.kind) {
            Some((_, t)) => t.add(u.staff),
            None => {
                let mut t = Tally::default();
                t.add(u.staff);
                kinds.push((u.kind, t));
            }
        }
        if flat.depth[i] == 1 {
            top.push(TopUnit {
                id: u.id.to_string(),
                name: u.name.clone(),
                kind: u.kind,
                staff: flat.staff[i],
            });
        }
    }
    super::order::sort_by_key(&mut kinds, |(k, _)| *k);
    Breakdown {
        tiers: tiers
            .into_iter()
            .enumerate()
            .filter(|(_, t)| t.units > 0)
            .collect(),
        kinds,
        total: Tally {
            units: n as u32,
            staff: flat.staff[0],
        },
        root_name: root.name.clone(),
        root_staff: root.staff,
        top,
    }
}

/// Coefficient of variation (population standard deviation ÷ mean) and max ÷ min of `xs`;
/// zeros when there are fewer than two values or the mean or minimum is zero.
fn spread(xs: &[f64]) -> (f64, f64) {
    if xs.len() < 2 {
        return (0.0, if xs.is_empty() { 0.0 } else { 1.0 });
    }
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    let cv = if mean > 0.0 { var.sqrt() / mean } else { 0.0 };
    let (mn, mx) = xs
        .iter()
        .fold((f64::INFINITY, 0.0f64), |(a, b), &x| (a.min(x), b.max(x)));
    let ratio = if mn > 0.0 { mx / mn } else { 0.0 };
    (cv, ratio)
}

/// Computes every metric from the tree.
pub fn compute(root: &Unit) -> Metrics {
    let flat = flatten(root);
    let staff = flat.staff[0];
    let units = &flat.units;

    // Per path: management tiers (territorial units on the path), command chain (ranks) and the
    // longest run of investigation units.
    let mut tiers_max = 0usize;
    let mut chain_max = 0usize;
    let mut inv_max = 0usize;
    let mut stack: Vec<(&Unit, usize, usize, usize)> = vec![(root, 0, 0, 0)];
    while let Some((u, tiers, chain, inv)) = stack.pop() {
        let tiers = tiers + usize::from(u.kind.is_territorial());
        let chain = chain + u.ranks.len();
        let inv = if u.branch == Some(Branch::Investigation) {
            inv + 1
        } else {
            0
        };
        inv_max = inv_max.max(inv);
        if u.children.is_empty() {
            tiers_max = tiers_max.max(tiers);
            chain_max = chain_max.max(chain);
        }
        for c in &u.children {
            stack.push((c, tiers, chain, inv));
        }
    }

    let count = |k: UnitKind| units.iter().filter(|u| u.kind == k).count();
    let total_of = |pred: &dyn Fn(&Unit) -> bool| -> (f64, usize) {
        let mut sum = 0.0;
        let mut n = 0;
        for (i, u) in units.iter().enumerate() {
            if pred(u) {
                sum += f64::from(flat.staff[i].total());
                n += 1;
            }
        }
        (sum, n)
    };
    let sub_bureaus: Vec<&Unit> = units
        .iter()
        .copied()
        .filter(|u| u.kind == UnitKind::SubBureau)
        .collect();
    let locally_run = units.iter().filter(|u| u.lead == Lead::Local).count();
    let (team_staff, teams) = total_of(&|u| u.kind == UnitKind::Team);
    let (sb_staff, _) = total_of(&|u| u.kind == UnitKind::SubBureau);
    let internal_units = count(UnitKind::InternalUnit);
    let units_with_internal = units
        .iter()
        .filter(|u| u.children.iter().any(|c| c.kind == UnitKind::InternalUnit))
        .count();
    let managers: Vec<usize> = units
        .iter()
        .map(|u| u.children.len())
        .filter(|n| *n > 0)
        .collect();
    let layers = flat.depth.iter().map(|d| d + 1).max().unwrap_or(0);
    let mut bands = [0usize; MetricKey::SPAN_BANDS.len()];
    for &span in &managers {
        if let Some(b) = MetricKey::SPAN_BANDS
            .iter()
            .position(|&(_, lo, hi)| (lo..=hi).contains(&span))
        {
            bands[b] += 1;
        }
    }
    let of_managers = |n: usize| mean(n as f64, managers.len());

    // Staff under the units a test picks: the topmost such unit on each path holds its whole
    // subtree.
    let staff_under = |pick: &dyn Fn(&Unit) -> bool| -> u64 {
        flat.topmost(pick)
            .into_iter()
            .map(|i| u64::from(flat.staff[i].total()))
            .sum()
    };
    let in_stations = staff_under(&|u| u.kind.is_station());
    let domestic_security = staff_under(&|u| u.branch == Some(Branch::DomesticSecurity));

    let work = flat.work_units();
    let per: Vec<f64> = work.iter().filter_map(WorkUnit::per_officer).collect();
    let (cv, ratio) = spread(&per);
    let (w_inc, w_staff) = work.iter().fold((0u64, 0u64), |(i, s), w| {
        (i + w.incidents, s + u64::from(w.staff))
    });

    let total = f64::from(staff.total());
    let share = |x: f64| if total > 0.0 { x / total } else { 0.0 };
    let mut out = vec![
        (MetricKey::StaffTotal, total),
        (MetricKey::OrganStaff, f64::from(staff.organ)),
        (MetricKey::StaffFrontline, f64::from(staff.frontline)),
        (MetricKey::FrontlineShare, share(f64::from(staff.frontline))),
        (MetricKey::ManagementTiers, tiers_max as f64),
        (MetricKey::CommandChain, chain_max as f64),
        (MetricKey::SubBureaus, sub_bureaus.len() as f64),
        (MetricKey::LocallyRun, locally_run as f64),
        (
            MetricKey::CountyBureaus,
            count(UnitKind::CountyBureau) as f64,
        ),
        (
            MetricKey::Stations,
            (count(UnitKind::Station) + count(UnitKind::CentralStation)) as f64,
        ),
        (
            MetricKey::InternalUnits,
            mean(internal_units as f64, units_with_internal),
        ),
        // The internal units directly under the top unit: a municipal bureau's directly
        // attached units (直属单位).
        (
            MetricKey::AttachedUnits,
            root.children
                .iter()
                .filter(|c| c.kind == UnitKind::InternalUnit)
                .count() as f64,
        ),
        (MetricKey::Teams, teams as f64),
        (MetricKey::TeamSize, mean(team_staff, teams)),
        (
            MetricKey::StaffPerSubBureau,
            mean(sb_staff, sub_bureaus.len()),
        ),
        (
            MetricKey::ResidentsPerSubBureau,
            mean(
                sub_bureaus.iter().map(|u| u.residents as f64).sum(),
                sub_bureaus.len(),
            )
            .round(),
        ),
        (MetricKey::Layers, layers as f64),
        (
            MetricKey::SpanAvg,
            mean(managers.iter().sum::<usize>() as f64, managers.len()),
        ),
        (
            MetricKey::SpanMax,
            managers.iter().copied().max().unwrap_or(0) as f64,
        ),
        (MetricKey::UnitsTotal, units.len() as f64),
        (MetricKey::SectionUnits, count(UnitKind::Section) as f64),
        (
            MetricKey::TrafficBrigades,
            units
                .iter()
                .filter(|u| u.kind == UnitKind::Section && u.branch == Some(Branch::Traffic))
                .count() as f64,
        ),
        (MetricKey::DomesticSecurityStaff, domestic_security as f64),
        (MetricKey::PoliceAreas, count(UnitKind::PoliceArea) as f64),
        (MetricKey::StationShare, share(in_stations as f64)),
        (MetricKey::Districts, count(UnitKind::District) as f64),
        (MetricKey::WorkloadSpread, cv),
        (MetricKey::WorkloadRatio, ratio),
        (
            MetricKey::IncidentsPerOfficer,
            if w_staff > 0 {
                w_inc as f64 / w_staff as f64
            } else {
                0.0
            },
        ),
        (
            MetricKey::CommunityRooms,
            count(UnitKind::CommunityRoom) as f64,
        ),
        (MetricKey::InvestigationTiers, inv_max as f64),
        (MetricKey::Groups, count(UnitKind::Group) as f64),
        (
            MetricKey::ManagersRatio,
            mean(managers.len() as f64, units.len()),
        ),
    ];
    out.extend(
        MetricKey::SPAN_BANDS
            .iter()
            .zip(bands)
            .map(|(&(k, _, _), n)| (k, of_managers(n))),
    );
    Metrics(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Name, Text};
    use crate::model::org::{Staff, CHIEF, OFFICER, TEAM_LEADER};

    fn unit(id: &str, kind: UnitKind) -> Unit {
        Unit::new(
            id,
            Name::numbered(Text::new("u", "u"), 0),
            Text::new("", ""),
            kind,
        )
    }

    #[test]
    fn metrics_come_from_the_tree() {
        let team = |i: usize| {
            unit(&format!("t{i}"), UnitKind::Team)
                .with_staff(Staff::new(0, 6))
                .with_ranks(&[TEAM_LEADER, OFFICER])
        };
        let branch = unit("b", UnitKind::InternalUnit).with_children(vec![team(1), team(2)]);
        let dept = unit("d", UnitKind::InternalUnit).with_staff(Staff::new(4, 0));
        let sb = unit("sb", UnitKind::SubBureau)
            .with_staff(Staff::new(2, 0))
            .with_ranks(&[CHIEF])
            .with_residents(1000)
            .with_children(vec![branch, dept]);
        let root = unit("m", UnitKind::MunicipalBureau).with_children(vec![sb]);
        let m = compute(&root);
        assert_eq!(m.get(MetricKey::StaffTotal), 18.0);
        assert_eq!(m.get(MetricKey::OrganStaff), 6.0);
        assert_eq!(m.get(MetricKey::StaffFrontline), 12.0);
        assert!((m.get(MetricKey::FrontlineShare) - 12.0 / 18.0).abs() < 1e-12);
        assert_eq!(m.get(MetricKey::ManagementTiers), 2.0);
        assert_eq!(m.get(MetricKey::CommandChain), 3.0);
        assert_eq!(m.get(MetricKey::InternalUnits), 2.0);
        assert_eq!(m.get(MetricKey::Teams), 2.0);
        assert_eq!(m.get(MetricKey::TeamSize), 6.0);
        assert_eq!(m.get(MetricKey::Layers), 4.0);
        assert_eq!(m.get(MetricKey::SpanAvg), (1.0 + 2.0 + 2.0) / 3.0);
        assert_eq!(m.get(MetricKey::SpanMax), 2.0);
        assert_eq!(m.get(MetricKey::UnitsTotal), 6.0);
        assert_eq!(m.get(MetricKey::StaffPerSubBureau), 18.0);
        assert_eq!(m.get(MetricKey::ResidentsPerSubBureau), 1000.0);
    }

    #[test]
    fn a_mean_over_no_units_is_undefined_and_every_count_is_a_number() {
        let m = compute(&unit("m", UnitKind::MunicipalBureau));
        // A lone unit manages nothing and holds no teams, internal units or sub-bureaus: each
        // mean over those is undefined, not 0. Everything else is a number.
        for k in MetricKey::ALL {
            assert_eq!(m.get(k).is_nan(), k.may_be_undefined(), "{k:?}");
        }
        assert_eq!(m.get(MetricKey::ManagersRatio), 0.0);
        assert_eq!(m.get(MetricKey::Teams), 0.0);
    }
}
