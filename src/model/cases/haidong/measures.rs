//! The haidong case's baseline and measures (its data is in `mod.rs`).

use super::*;
use crate::model::params::typed_params;

// ---------------------------------------------------------------------------------------------
// The generated county.

/// A small deterministic generator (splitmix64 to seed, then xorshift64*), so that a seed
/// always gives the same county on every platform.
pub(super) struct Prng(u64);

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

typed_params! {
    /// What the generator needs: the county-level parameters.
    pub(super) struct Shape {
        seed: u64,
        stations: usize,
        town_staff: u64,
        rural_staff: u64,
        town_residents: u64,
        rural_residents: u64,
        town_incidents: u64,
        rural_incidents: u64,
    }
}

pub(super) fn generate(s: &Shape) -> Vec<Station> {
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
    let mut out = generate(&Shape::read(p));
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
pub(super) struct Cluster {
    members: Vec<usize>,
    incidents: u128,
}

/// The cost of merging two groups, as an exact fraction (numerator, denominator): the gap
/// between their incident levels, |a/na − b/nb| (mean incidents per station).
pub(super) fn merge_cost(a: &Cluster, b: &Cluster) -> (u128, u128) {
    let (na, nb) = (a.members.len() as u128, b.members.len() as u128);
    ((a.incidents * nb).abs_diff(b.incidents * na), na * nb)
}

/// The adjacent pair of groups (indices, the lower first) whose merge costs least within the
/// cap, ties to the earliest pair (groups are ordered by their lowest station); with
/// `lone_only`, only pairs where one group is a single station.
pub(super) fn best_merge(
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
pub(super) fn merge(clusters: &mut Vec<Cluster>, a: usize, b: usize) {
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

pub(super) fn station_unit(st: &Station) -> Unit {
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
        .with_communities(st.communities())
        .with_incidents(st.incidents);
    if st.town {
        u
    } else {
        u.placeholder()
    }
}

pub(super) fn brigade_id(key: &str) -> Id {
    id!["cb/", key]
}

typed_params! {
    /// The parameters `baseline` reads.
    struct BaselineParams {
        leaders: u64,
        brigade_staff: u64,
    }
}

pub(super) fn baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = BaselineParams::read(p);
    let leaders = q.leaders;
    let brigade_staff = q.brigade_staff;
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

pub(super) fn district_id(k: usize) -> Id {
    id!["d", k + 1]
}

/// 01 跨所设置防区: the stations are grouped into districts; the stations move into them as
/// they are.
pub(super) fn lever_districts(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    // It acts on the unit whose stations it can group: the top bureau (a county bureau, as in
    // Haidong), else every unit below it that has such stations (the county bureaus of a city).
    org.try_self_or_each_below(&mappable, &mut |u, top| districts_in(p, u, top))?;
    Ok(org)
}

/// A unit whose stations can be grouped into districts: some know their neighbours (a map), or
/// every one is a county-town station (a district of its own, no map needed).
fn mappable(u: &Unit) -> bool {
    let stations: Vec<&Unit> = u.children.iter().filter(|s| s.kind.is_station()).collect();
    !stations.is_empty()
        && (stations.iter().any(|s| !s.neighbours.is_empty())
            || stations.iter().all(|s| s.is_county_town_station()))
}

typed_params! {
    /// The parameters `districts_in` reads.
    struct DistrictsInParams {
        max_districts: u64,
        district_cap: u64,
    }
}

/// The districts of one unit's stations (`top`: the unit is the top bureau, whose districts
/// keep Haidong's ids d1, d2 …; below it they are numbered inside their unit).
fn districts_in(p: &Params, org: &mut Unit, top: bool) -> Result<(), ModelError> {
    let q = DistrictsInParams::read(p);
    // The unit's stations, with their incidents and neighbours as the tree has them (edits
    // included); the caller has checked that they can be grouped (`mappable`).
    let (units, rest): (Vec<Unit>, Vec<Unit>) = org.children.take_split(|u| u.kind.is_station());
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
        q.max_districts as usize,
        q.district_cap as usize,
    )?;
    let slot_ids: Vec<Id> = units.iter().map(|u| u.id.clone()).collect();
    let mut slots: Vec<Option<Unit>> = units.into_iter().map(Some).collect();
    let mut districts = Vec::with_capacity(groups.len());
    for (k, group) in groups.iter().enumerate() {
        let town = group.iter().any(|&i| sites.get(i).is_some_and(|s| s.0));
        let members: Vec<Unit> = group
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
            .collect();
        // "防区办公室一般设在中心所": the office sits in the district's central station, which
        // the source does not name (`central_station`, an assumption); the site is in the name.
        let office = central_station(group, &adj)
            .and_then(|i| members.iter().find(|u| Some(&u.id) == slot_ids.get(i)));
        let (at_zh, at_en) = office.map_or((String::new(), String::new()), |s| {
            (s.name.zh().to_string(), s.name.en().to_string())
        });
        let name = match (town, office.is_some()) {
            (true, true) => Name::new(
                format!("{}{}（城关，办公室设在{at_zh}）", DISTRICT.zh, k + 1),
                format!("{} {} (county town, office at {at_en})", DISTRICT.en, k + 1),
            ),
            (true, false) => Name::new(
                format!("{}{}（城关）", DISTRICT.zh, k + 1),
                format!("{} {} (county town)", DISTRICT.en, k + 1),
            ),
            (false, true) => Name::new(
                format!("{}{}（办公室设在{at_zh}）", DISTRICT.zh, k + 1),
                format!("{} {} (office at {at_en})", DISTRICT.en, k + 1),
            ),
            (false, false) => Name::numbered(DISTRICT, k + 1),
        };
        districts.push(
            Unit::new(
                if top {
                    district_id(k)
                } else {
                    id![org.id, "/d", k + 1]
                },
                name,
                DISTRICT,
                UnitKind::District,
            )
            .placeholder()
            .with_children(members),
        );
    }
    let mut children = rest;
    children.extend(districts);
    // Any station the grouping did not place (none in practice) stays under the bureau.
    children.extend(slots.into_iter().flatten());
    org.children = children.into();
    Ok(())
}

/// The central station (中心所) of a district, where its office sits ("防区办公室一般设在中心所"):
/// the source does not say which station that is, so the model assumes the one with the most
/// neighbours inside the district (the middle of the group on the map), ties to the lowest
/// number; a district of one station has it as its centre. `group` holds indices into `adj`.
pub fn central_station(group: &[usize], adj: &[Vec<usize>]) -> Option<usize> {
    let inside = |i: usize| {
        adj.get(i)
            .map_or(0, |ns| ns.iter().filter(|j| group.contains(j)).count())
    };
    let mut best: Option<usize> = None;
    for &i in group {
        if best.is_none_or(|b| inside(i) > inside(b) || (inside(i) == inside(b) && i < b)) {
            best = Some(i);
        }
    }
    best
}

typed_params! {
    /// The parameters `bound_per_brigade` reads.
    struct BoundPerBrigadeParams {
        bound_share: f64,
    }
}

/// How many officers each brigade binds to districts.
pub(super) fn bound_per_brigade(p: &Params, staff: u32) -> u64 {
    let q = BoundPerBrigadeParams::read(p);
    let share = q.bound_share.clamp(0.0, 100.0);
    (f64::from(staff) * share / 100.0).floor() as u64
}

typed_params! {
    /// The parameters `district_minimum` reads.
    struct DistrictMinimumParams {
        office_staff: u64,
        case_team_min: u64,
    }
}

/// The minimum a district's two teams and one office need: the room, the case team's minimum
/// and one community officer.
pub(super) fn district_minimum(p: &Params) -> u64 {
    let q = DistrictMinimumParams::read(p);
    q.office_staff + q.case_team_min + 1
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
pub(super) fn lever_responsibility(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    // It acts on the unit that holds the districts: the top bureau, else every unit below it
    // that holds some (each county bureau binds its own brigades' officers to its districts).
    org.try_self_or_each_below(&holds_districts, &mut |u, _| responsibility_in(p, u))?;
    Ok(org)
}

/// A unit with districts directly under it.
fn holds_districts(u: &Unit) -> bool {
    u.children.iter().any(|d| d.kind == UnitKind::District)
}

typed_params! {
    /// The parameters `responsibility_in` reads.
    struct ResponsibilityInParams {
        leaders: u64,
        balance_share: f64,
    }
}

/// The model's own allocation rule (the source gives none): `extra` officers shared among the
/// districts, `share` % of them by `balance` (one by one to the most incidents per officer) and
/// the rest evenly first.
pub fn allocate(extra: u64, share: f64, incidents: &[u64], staff: &[u64]) -> Vec<u64> {
    let by_load = ((extra as f64) * share.clamp(0.0, 100.0) / 100.0).round() as u64;
    let even = split_evenly(extra - by_load.min(extra), incidents.len());
    let with_even: Vec<u64> = staff
        .iter()
        .zip(even.iter().chain(std::iter::repeat(&0)))
        .map(|(s, e)| s + e)
        .collect();
    balance(by_load.min(extra), incidents, &with_even)
        .into_iter()
        .zip(even.iter().chain(std::iter::repeat(&0)))
        .map(|(b, e)| b + e)
        .collect()
}

fn responsibility_in(p: &Params, org: &mut Unit) -> Result<(), ModelError> {
    let q = ResponsibilityInParams::read(p);
    let leaders = q.leaders;
    let n = org
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::District)
        .count();
    if n == 0 {
        // No districts to bind officers to: nothing to act on (the step says so).
        return Ok(());
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
    let shares = allocate(bound_total - need, q.balance_share, &incidents, &staff);
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
    Ok(())
}

/// The district's station with the largest `key`, ties to the earliest (lowest number).
pub(super) fn site<'a>(stations: &[&'a Unit], key: impl Fn(&Unit) -> u64) -> Option<&'a Unit> {
    let mut best: Option<&Unit> = None;
    for s in stations {
        if best.is_none_or(|b| key(s) > key(b)) {
            best = Some(s);
        }
    }
    best
}

pub(super) fn sited(t: Text, at: Option<&Unit>) -> Name {
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
pub(super) fn lever_two_teams(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    // It acts on the unit that holds the districts: the top bureau, else every unit below it
    // that holds some.
    org.try_self_or_each_below(&holds_districts, &mut |u, _| two_teams_in(p, u))?;
    Ok(org)
}

typed_params! {
    /// The parameters `two_teams_in` reads.
    struct TwoTeamsInParams {
        office_staff: u64,
        case_team_min: u64,
        station_grouped: f64,
    }
}

/// Officers a station of `staff` groups across stations into its district's teams: `share` %
/// of those other than its head, rounded down (the head stays with the station).
pub fn grouped_from(staff: u32, share: f64) -> u32 {
    let others = f64::from(staff.saturating_sub(1));
    (others * share.clamp(0.0, 100.0) / 100.0).floor() as u32
}

fn two_teams_in(p: &Params, org: &mut Unit) -> Result<(), ModelError> {
    let q = TwoTeamsInParams::read(p);
    let office = q.office_staff;
    let case_min = q.case_team_min;
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
        // "跨所编组警力": each station's officers other than its head, by the assumed share,
        // join the bound brigade officers (the district's own posts since step 02).
        let bound = u64::from(d.staff.total());
        let stations: Vec<&Unit> = d.children.iter().filter(|u| u.kind.is_station()).collect();
        // "设在防区内人口较多……的派出所", "设在防区内有办案区的派出所" (assumed: the largest),
        // "设在防区内社区较多的派出所".
        let office_at = site(&stations, |s| s.residents).map(|s| s.id.clone());
        let case_at = site(&stations, |s| u64::from(s.staff_total().total())).map(|s| s.id.clone());
        let community_at = site(&stations, |s| s.communities).map(|s| s.id.clone());
        let station_ids = Ids::of(stations.iter().copied());
        let mut from_stations = 0u64;
        // "由业务能力强的派出所长担任队长": the case station's head leads the case team, counted
        // there, when his station keeps another officer; else a grouped officer leads.
        for st in d.children.iter_mut().filter(|u| u.kind.is_station()) {
            let own = st.staff.frontline;
            let mut take = grouped_from(own, q.station_grouped);
            if case_at.as_ref() == Some(&st.id) && own >= 2 {
                // The head and the grouped officers leave at least one officer at the station.
                take = take.min(own - 2) + 1;
            }
            st.staff.frontline = own - take;
            from_stations += u64::from(take);
        }
        let n = bound + from_stations;
        // The leader is one of the n (the station head, or a grouped officer).
        ensure!(
            n > office + case_min + 1,
            Msg::ErrHaidong07,
            vec![
                Arg::name(&d.name),
                Arg::plain(n),
                Arg::plain(office),
                Arg::plain(case_min)
            ]
        )?;
        let rest = n - office - 1;
        let members = case_min.max(rest.div_ceil(2)).min(rest - 1);
        let case = members + 1;
        let community = rest - members;
        let at = |id: &Option<Id>| {
            id.as_ref()
                .and_then(|id| d.children.iter().find(|u| u.id == *id))
        };
        let names = (
            sited(OFFICE, at(&office_at)),
            sited(CASE_TEAM, at(&case_at)),
            sited(COMMUNITY_TEAM, at(&community_at)),
        );
        // Officers of the police types (the source's "N" of "1+N") and of the district's
        // stations staff the three units; both are pooled, so each unit lists every brigade
        // and every station of its district.
        let mut from: Vec<Id> = brigades.iter().cloned().collect();
        from.extend(station_ids.iter().cloned());
        let from = Ids::from(from);
        let units = vec![
            Unit::new(id![d.id, "/office"], names.0, OFFICE, UnitKind::Office)
                .with_staff(Staff::new(0, to_u32(office)))
                .with_ranks(&OFFICE_RANKS)
                .with_branch(Branch::Command),
            Unit::new(id![d.id, "/case"], names.1, CASE_TEAM, UnitKind::Team)
                .with_staff(Staff::new(0, to_u32(case)))
                .with_ranks(&TEAM_RANKS)
                .with_branch(Branch::Investigation),
            Unit::new(
                id![d.id, "/community"],
                names.2,
                COMMUNITY_TEAM,
                UnitKind::Team,
            )
            .with_staff(Staff::new(0, to_u32(community)))
            .with_ranks(&TEAM_RANKS)
            .with_branch(Branch::Community),
        ];
        let mut units: Vec<Unit> = units
            .into_iter()
            .map(|u| u.with_from(from.clone()))
            .collect();
        d.staff = Staff::default();
        units.extend(std::mem::take(&mut d.children));
        // Stations first, then the room and the teams.
        units.rotate_left(3);
        d.children = units.into();
    }
    Ok(())
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
