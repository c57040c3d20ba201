//! The daqing case's baseline and measures (its data is in `mod.rs`).

use super::*;
use crate::model::params::typed_params;

/// Number of sub-bureaus after the reform: by residents, kept inside the staffing standard
/// when that is possible.
pub fn sub_bureaus_after(population: u64, per: u64, staff: u64, min: u64, max: u64) -> u64 {
    let by_population = ((population as f64 / per.max(1) as f64).round() as u64).max(1);
    let lo = staff.div_ceil(max.max(1)).max(1);
    let hi = staff / min.max(1);
    if lo <= hi {
        by_population.clamp(lo, hi)
    } else {
        by_population
    }
}

typed_params! {
    /// The parameters `urban_baseline` reads.
    struct UrbanBaselineParams {
        population: u64,
        staff: u64,
        sub_bureaus_before: u64,
        stations_before: u64,
        internal_units_before: u64,
        frontline_share_before: f64,
        station_staff: u64,
        station_frontline: u64,
        leaders: u64,
        traffic_brigades: u64,
        traffic_brigade_staff: u64,
        fire_sections: u64,
        fire_section_staff: u64,
    }
}

pub(super) fn urban_baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = UrbanBaselineParams::read(p);
    let population = q.population;
    let staff = q.staff;
    let n_before = q.sub_bureaus_before as usize;
    let n_stations = q.stations_before;
    let units_before = q.internal_units_before as usize;
    let share_before = q.frontline_share_before / 100.0;
    let station_staff = q.station_staff;
    let station_front = q.station_frontline;
    let leaders = q.leaders;
    // 五是: the traffic brigades and fire sections the municipal bureau runs directly, all
    // frontline, counted in the urban total; the sub-bureaus hold the rest.
    let sinking =
        q.traffic_brigades * q.traffic_brigade_staff + q.fire_sections * q.fire_section_staff;
    let sb_staff = staff.saturating_sub(sinking);

    ensure!(
        station_front <= station_staff,
        Msg::ErrDaqing01,
        vec![Arg::plain(station_front), Arg::plain(station_staff)]
    )?;

    // Before: staff of each sub-bureau, then its stations and leaders, the rest in its units.
    let staff_sb = split_evenly(sb_staff, n_before);
    let stations_sb = split_evenly(n_stations, n_before);
    let need = (0..n_before)
        .map(|i| leaders + stations_sb[i] * station_staff + units_before as u64)
        .collect::<Vec<_>>();
    if let Some(i) = (0..n_before).find(|&i| staff_sb[i] < need[i]) {
        return Err(ModelError::new(
            Msg::ErrDaqing02,
            vec![Arg::plain(need[i]), Arg::plain(staff_sb[i])],
        ));
    }
    let unit_staff: Vec<u64> = (0..n_before)
        .flat_map(|i| {
            split_evenly(
                staff_sb[i] - leaders - stations_sb[i] * station_staff,
                units_before,
            )
        })
        .collect();
    let frontline = (staff as f64 * share_before).round() as u64;
    // Stations' frontline and the brigades' and sections' (all frontline) come first.
    let station_frontline_all = n_stations * station_front + sinking;
    let units_total: u64 = unit_staff.iter().sum();
    if frontline < station_frontline_all || frontline - station_frontline_all > units_total {
        let lo = station_frontline_all as f64 / staff.max(1) as f64 * 100.0;
        let hi = (station_frontline_all + units_total) as f64 / staff.max(1) as f64 * 100.0;
        return Err(ModelError::new(
            Msg::ErrDaqing03,
            vec![
                Arg::Plain(format!("{:.1}", lo)),
                Arg::Plain(format!("{:.1}", hi)),
            ],
        ));
    }
    let unit_front = apportion(frontline - station_frontline_all, &unit_staff);
    let residents_sb = split_evenly(population, n_before);

    let mut station_no = 0usize;
    let before_children: Vec<Unit> = (0..n_before)
        .map(|i| {
            let mut children: Vec<Unit> =
                Vec::with_capacity(units_before + stations_sb[i] as usize);
            children.extend((0..units_before).map(|j| {
                let k = i * units_before + j;
                let s = Staff::new(to_u32(unit_staff[k] - unit_front[k]), to_u32(unit_front[k]));
                Unit::new(
                    id!["sb", i + 1, "/u", j + 1],
                    Name::numbered(INTERNAL, j + 1),
                    INTERNAL,
                    UnitKind::InternalUnit,
                )
                .with_staff(s)
                .with_ranks(&BEFORE_UNIT_RANKS)
                .placeholder()
            }));
            let st_res = split_evenly(residents_sb[i], stations_sb[i] as usize);
            for r in st_res {
                station_no += 1;
                children.push(
                    Unit::new(
                        id!["st", station_no],
                        Name::numbered(STATION, station_no),
                        STATION,
                        UnitKind::Station,
                    )
                    .with_staff(Staff::new(
                        to_u32(station_staff - station_front),
                        to_u32(station_front),
                    ))
                    .with_ranks(&STATION_RANKS)
                    .with_residents(r)
                    .placeholder(),
                );
            }
            Unit::new(
                id!["sb", i + 1],
                Name::numbered(SUB_BUREAU, i + 1),
                SUB_BUREAU,
                UnitKind::SubBureau,
            )
            .with_staff(Staff::new(to_u32(leaders), 0))
            .with_ranks(&BEFORE_SUB_BUREAU_RANKS)
            .with_residents(residents_sb[i])
            // "改革前,各区公安分局人、财、物和党组织关系由所在区管理" (measure 1 changes it).
            .with_lead(Lead::Local)
            .placeholder()
            .with_children(children)
        })
        .collect();

    let mut children = before_children;
    children.extend(sinking_units(
        "tb",
        TRAFFIC_BRIGADE,
        q.traffic_brigades,
        q.traffic_brigade_staff,
    ));
    children.extend(sinking_units(
        "fs",
        FIRE_SECTION,
        q.fire_sections,
        q.fire_section_staff,
    ));
    Ok(municipal().with_children(children))
}

/// `n` section-level units of `staff` frontline officers each directly under the municipal
/// bureau (the traffic detachment's duty brigades, the fire detachment's sections), with no
/// ranks (the source gives none) and no residents; none when they have no officers.
fn sinking_units(key: &str, name: Text, n: u64, staff: u64) -> impl Iterator<Item = Unit> + '_ {
    let n = if staff == 0 { 0 } else { n as usize };
    (0..n).map(move |i| {
        Unit::new(
            id![key, i + 1],
            Name::numbered(name, i + 1),
            name,
            UnitKind::Section,
        )
        .with_staff(Staff::new(0, to_u32(staff)))
    })
}

pub(super) fn municipal() -> Unit {
    Unit::new(
        "m",
        Name::of(MUNICIPAL),
        MUNICIPAL_ROLE,
        UnitKind::MunicipalBureau,
    )
}

/// The internal units of a sub-bureau sharing `pool` staff, `organ` of them headquarters.
pub(super) fn internal_units(
    id: &str,
    n: usize,
    pool: u64,
    organ: u64,
    ranks: &'static [Rank],
) -> Vec<Unit> {
    let staff = split_evenly(pool, n);
    let organ = apportion(organ.min(pool), &staff);
    staff
        .iter()
        .zip(organ)
        .enumerate()
        .map(|(j, (s, o))| {
            Unit::new(
                id![id, "/u", j + 1],
                Name::numbered(INTERNAL, j + 1),
                INTERNAL,
                UnitKind::InternalUnit,
            )
            .with_staff(Staff::new(to_u32(o), to_u32(s - o)))
            .with_ranks(ranks)
            .placeholder()
        })
        .collect()
}

/// Half-open intervals `[start, end)` of consecutive lengths.
pub(super) fn intervals(lengths: &[u64]) -> Vec<(u64, u64)> {
    let mut at = 0;
    lengths
        .iter()
        .map(|l| {
            let iv = (at, at + l);
            at += l;
            iv
        })
        .collect()
}

typed_params! {
    /// The parameters `lever_fewer_tiers` reads.
    struct FewerTiersParams {
        leaders: u64,
        internal_units_before: u64,
        staff_standard_min: u64,
        staff_standard_max: u64,
        residents_per_sub_bureau: u64,
    }
}

/// 二是 减少层次: the sub-bureaus and stations become new sub-bureaus sized by residents and the
/// staffing standard. Each new sub-bureau is formed from the old sub-bureaus and stations whose
/// areas it covers (residents are laid out in order, so areas are contiguous runs).
pub(super) fn lever_fewer_tiers(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = FewerTiersParams::read(p);
    let leaders = q.leaders;
    let units_before = q.internal_units_before as usize;
    let std_min = q.staff_standard_min;
    let std_max = q.staff_standard_max;
    ensure!(
        std_min <= std_max,
        Msg::ErrDaqing04,
        vec![Arg::plain(std_min), Arg::plain(std_max)]
    )?;
    // It acts on the sub-bureaus under the top bureau and their stations; the top bureau's own
    // posts and every other unit under it (internal units, county bureaus) stay as they are.
    let (sbs, rest): (Vec<Unit>, Vec<Unit>) =
        org.children.take_split(|u| u.kind == UnitKind::SubBureau);
    if sbs.is_empty() {
        org.children = rest.into();
        return Ok(org);
    }
    let staff = sbs
        .iter()
        .fold(Staff::default(), |acc, c| acc + c.staff_total());
    let total = u64::from(staff.total());
    // The residents the sub-bureaus serve, as the organisation records them: a sub-bureau's
    // own figure, or its stations' together when they record more (an organisation file may
    // give residents only to the stations).
    let served: Vec<u64> = sbs
        .iter()
        .map(|sb| sb.residents.max(stations_in(sb).map(|c| c.residents).sum()))
        .collect();
    let population: u64 = served.iter().sum();
    let n_after = sub_bureaus_after(
        population,
        q.residents_per_sub_bureau,
        total,
        std_min,
        std_max,
    ) as usize;
    // Old areas: each sub-bureau's residents in order, its stations' residents inside it.
    let mut old: Vec<(&Unit, (u64, u64))> = Vec::new();
    let mut at = 0u64;
    for (sb, served) in sbs.iter().zip(served) {
        old.push((sb, (at, at + served)));
        let mut st_at = at;
        for st in stations_in(sb) {
            old.push((st, (st_at, st_at + st.residents)));
            st_at += st.residents;
        }
        at += served;
    }
    let residents_after = split_evenly(at, n_after);
    let staff_after = split_evenly(total, n_after);
    let leader_posts = leaders * n_after as u64;
    ensure!(
        staff_after.iter().all(|s| *s >= leaders),
        Msg::ErrDaqing05,
        vec![Arg::plain(leaders)]
    )?;
    // Headquarters posts other than leaders stay headquarters posts until the units merge.
    let organ_pool = u64::from(staff.organ).saturating_sub(leader_posts);
    let unit_pools: Vec<u64> = staff_after.iter().map(|s| s - leaders).collect();
    let organ_parts = apportion(organ_pool.min(unit_pools.iter().sum()), &unit_pools);
    // The old units whose area overlaps each new area, in the order of `old`. New areas are
    // consecutive, so those an old area overlaps are a run of them: found from the first one
    // that ends after it starts, not by testing every pair.
    let areas = intervals(&residents_after);
    let mut covers: Vec<Vec<&Unit>> = vec![Vec::new(); areas.len()];
    for &(u, (a, b)) in &old {
        if a >= b {
            continue;
        }
        let from = areas.partition_point(|&(_, hi)| hi <= a);
        for (k, &(lo, _)) in areas.iter().enumerate().skip(from) {
            if lo >= b {
                break;
            }
            covers[k].push(u);
        }
    }
    // The incidents of the old areas go with their residents: each old unit's own incidents
    // (a sub-bureau's less its stations') are shared over the new areas by the residents they
    // take from it; an old area with no residents gives them to the new area where it lies.
    let mut incidents = vec![0u64; areas.len()];
    for (u, (a, b)) in &old {
        let own = if u.kind == UnitKind::SubBureau {
            let stations: u64 = stations_in(u).map(Unit::incidents_total).sum();
            u.incidents_total().saturating_sub(stations)
        } else {
            u.incidents_total()
        };
        if own == 0 {
            continue;
        }
        let from = areas
            .partition_point(|&(_, hi)| hi <= *a)
            .min(areas.len() - 1);
        let overlaps: Vec<u64> = areas[from..]
            .iter()
            .map_while(|&(lo, hi)| {
                (lo < *b || lo == *a).then(|| hi.min(*b).saturating_sub(lo.max(*a)))
            })
            .collect();
        if overlaps.iter().sum::<u64>() == 0 {
            incidents[from] += own;
        } else {
            for (k, part) in apportion(own, &overlaps).into_iter().enumerate() {
                incidents[from + k] += part;
            }
        }
    }
    let mut children = rest;
    children.extend(
        areas
            .into_iter()
            .zip(covers)
            .zip(incidents)
            .enumerate()
            .map(|(i, (((lo, hi), covered), incidents))| {
                let id = id!["nsb", i + 1];
                Unit::new(
                    id.clone(),
                    Name::numbered(SUB_BUREAU, i + 1),
                    SUB_BUREAU,
                    UnitKind::SubBureau,
                )
                .with_staff(Staff::new(to_u32(leaders), 0))
                .with_ranks(&BEFORE_SUB_BUREAU_RANKS)
                .with_residents(hi - lo)
                .with_incidents(incidents)
                // Run by its district while any sub-bureau it is formed from was.
                .with_lead(lead_of(&covered))
                .placeholder()
                .formed_from(covered)
                .with_children(internal_units(
                    &id,
                    units_before,
                    unit_pools[i],
                    organ_parts[i],
                    &BEFORE_UNIT_RANKS,
                ))
            }),
    );
    Ok(org.with_children(children))
}

/// The stations directly under `sb`.
fn stations_in(sb: &Unit) -> impl Iterator<Item = &Unit> {
    sb.children.iter().filter(|c| c.kind.is_station())
}

/// The lead of a unit formed from `parts`: local while any of them was run locally.
fn lead_of(parts: &[&Unit]) -> Lead {
    if parts.iter().any(|u| u.lead == Lead::Local) {
        Lead::Local
    } else {
        Lead::Above
    }
}

/// 一是 垂直管理: every sub-bureau directly under the top bureau whose personnel, finance,
/// assets and Party relations its district ran (以块为主) is now run by the top bureau (以条为主):
/// "改革后,市公安局对各公安分局实行人、财、物和党组织关系的直接管理". Staff and structure stay; the
/// district keeps a say ("协调、指导权 … 监督、建议权"), which the model does not draw.
pub(super) fn lever_vertical_management(_: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    for sb in org
        .children
        .iter_mut()
        .filter(|u| u.kind == UnitKind::SubBureau && u.lead == Lead::Local)
    {
        sb.lead = Lead::Above;
    }
    Ok(org)
}

typed_params! {
    /// The parameters `lever_merge_units` reads.
    struct MergeUnitsParams {
        leaders: u64,
        branches_after: u64,
        legal_admin_staff: u64,
    }
}

/// 三是 整合机构: in every sub-bureau the internal units merge into three police branches and
/// one department; leaders and the department are headquarters, the branches frontline.
pub(super) fn lever_merge_units(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = MergeUnitsParams::read(p);
    let leaders = q.leaders;
    let branches = (q.branches_after as usize).clamp(1, BRANCHES.len());
    let legal_admin = q.legal_admin_staff;
    let organ_after = leaders + legal_admin;
    // It acts on the sub-bureaus under the top bureau that have internal units: their own posts
    // and their internal units' officers form the branches and the department; any other unit
    // under them (stations) stays.
    for sb in org.children.iter_mut().filter(|sb| {
        sb.kind == UnitKind::SubBureau
            && sb.children.iter().any(|u| u.kind == UnitKind::InternalUnit)
    }) {
        let (units, others): (Vec<Unit>, Vec<Unit>) =
            sb.children.take_split(|u| u.kind == UnitKind::InternalUnit);
        let s = u64::from(sb.staff.total())
            + units
                .iter()
                .map(|u| u64::from(u.staff_total().total()))
                .sum::<u64>();
        ensure!(
            s >= organ_after,
            Msg::ErrDaqing06,
            vec![Arg::plain(s), Arg::plain(organ_after)]
        )?;
        let from = Ids::of(&units);
        let per_branch = split_evenly(s - organ_after, branches);
        let mut children: Vec<Unit> = Vec::with_capacity(branches + 1);
        children.extend(
            BRANCHES[..branches]
                .iter()
                .zip(per_branch)
                .map(|((key, name), front)| {
                    let mut u = Unit::new(
                        id![sb.id, "/", key],
                        Name::of(*name),
                        *name,
                        UnitKind::InternalUnit,
                    )
                    .with_staff(Staff::new(0, to_u32(front)))
                    .with_ranks(&BEFORE_UNIT_RANKS)
                    .with_from(from.clone());
                    // Community and patrol are the branches measure 5's officers join.
                    u.branch = match *key {
                        "community" => Some(Branch::Community),
                        "patrol" => Some(Branch::Patrol),
                        _ => None,
                    };
                    u
                }),
        );
        children.push(
            Unit::new(
                id![sb.id, "/legal_admin"],
                Name::of(LEGAL_ADMIN),
                LEGAL_ADMIN,
                UnitKind::InternalUnit,
            )
            .with_staff(Staff::new(to_u32(legal_admin), 0))
            .with_from(from),
        );
        children.extend(others);
        sb.staff = Staff::new(to_u32(leaders), 0);
        sb.children = children.into();
    }
    Ok(org)
}

typed_params! {
    /// The parameters `lever_teams` reads.
    struct TeamsParams {
        pair_size: u64,
        pairs_per_team: u64,
    }
}

/// 四是 优化组合: each branch's officers form pairs and teams of pairs; the brigade, squadron
/// and sergeant ranks go, leaving chief → deputy chief → team leader.
pub(super) fn lever_teams(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = TeamsParams::read(p);
    let team_size = q.pair_size * q.pairs_per_team;
    // It acts on the sub-bureaus under the top bureau that have internal units:
    // each internal unit's own frontline officers (the police branches'; the legal-admin
    // department has none) form teams, and the ranks between the chief and the team leader go.
    // Headquarters posts and units already under a branch stay where they are.
    for sb in org.children.iter_mut().filter(|sb| {
        sb.kind == UnitKind::SubBureau
            && sb.children.iter().any(|u| u.kind == UnitKind::InternalUnit)
    }) {
        for branch in sb
            .children
            .iter_mut()
            .filter(|b| b.kind == UnitKind::InternalUnit && b.staff.frontline > 0)
        {
            let front = u64::from(branch.staff.frontline);
            let teams = (front / team_size.max(1)).max(1) as usize;
            let id = branch.id.clone();
            branch
                .children
                .extend(
                    split_evenly(front, teams)
                        .into_iter()
                        .enumerate()
                        .map(|(t, s)| {
                            Unit::new(
                                id![id, "/t", t + 1],
                                Name::numbered(TEAM, t + 1),
                                TEAM,
                                UnitKind::Team,
                            )
                            .with_staff(Staff::new(0, to_u32(s)))
                            .with_ranks(&[TEAM_LEADER])
                        }),
                );
            branch.staff.frontline = 0;
        }
        for unit in sb.children.iter_mut() {
            unit.ranks = &[];
        }
    }
    Ok(org)
}

/// 五是 全警下沉: the frontline section-level units directly under the top bureau (the traffic
/// detachment's duty brigades and the fire detachment's sections) are abolished and all their
/// officers move into the sub-bureaus under it, spread evenly ("全部下沉分局"); in each
/// sub-bureau they join its community and patrol branches ("与分局社区、治安共同负责交通、消防工作"),
/// shared evenly, and form new teams by the pairs-and-teams rule (a remainder joins the branch's
/// teams). A sub-bureau without those branches takes them on its own frontline posts.
pub(super) fn lever_whole_force_down(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = TeamsParams::read(p);
    let team_size = (q.pair_size * q.pairs_per_team).max(1);
    let sinks =
        |u: &Unit| u.kind == UnitKind::Section && u.children.is_empty() && u.staff.frontline > 0;
    let has_sub_bureaus = org.children.iter().any(|u| u.kind == UnitKind::SubBureau);
    if !has_sub_bureaus || !org.children.iter().any(sinks) {
        return Ok(org);
    }
    let (moving, rest): (Vec<Unit>, Vec<Unit>) = org.children.take_split(sinks);
    // Headquarters posts of a moving unit, if any, move with it as frontline: the whole force.
    let officers: u64 = moving.iter().map(|u| u64::from(u.staff.total())).sum();
    let from = Ids::of(&moving);
    org.children = rest.into();
    let n = org
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::SubBureau)
        .count();
    let shares = split_evenly(officers, n);
    for (sb, share) in org
        .children
        .iter_mut()
        .filter(|u| u.kind == UnitKind::SubBureau)
        .zip(shares)
    {
        let joins = |u: &Unit| {
            u.kind == UnitKind::InternalUnit
                && matches!(u.branch, Some(Branch::Community | Branch::Patrol))
        };
        let branches = sb.children.iter().filter(|u| joins(u)).count();
        if branches == 0 {
            sb.staff.frontline += to_u32(share);
            if share > 0 {
                sb.absorb(&from);
            }
            continue;
        }
        let parts = split_evenly(share, branches);
        for (branch, add) in sb.children.iter_mut().filter(|u| joins(u)).zip(parts) {
            join_branch(branch, add, team_size, &from);
        }
    }
    Ok(org)
}

/// `add` officers join `branch`: with teams, they form new teams of `team_size` (at least one
/// when the branch has none big enough to take them), the teams' officers shared evenly again;
/// without teams, they join its own frontline posts.
fn join_branch(branch: &mut Unit, add: u64, team_size: u64, from: &Ids) {
    let teams = branch
        .children
        .iter()
        .filter(|t| t.kind == UnitKind::Team)
        .count();
    if teams == 0 {
        branch.staff.frontline += to_u32(add);
        branch.absorb(from);
        return;
    }
    let in_teams: u64 = branch
        .children
        .iter()
        .filter(|t| t.kind == UnitKind::Team)
        .map(|t| u64::from(t.staff.frontline))
        .sum();
    let total = in_teams + add;
    let new_teams = ((total / team_size) as usize).saturating_sub(teams);
    let id = branch.id.clone();
    for t in 0..new_teams {
        branch.children.push(
            Unit::new(
                id![id, "/t", teams + t + 1],
                Name::numbered(TEAM, teams + t + 1),
                TEAM,
                UnitKind::Team,
            )
            .with_ranks(&[TEAM_LEADER])
            .with_from(from.clone()),
        );
    }
    // With no new team, the officers join the teams there are: those record where they came
    // from (with new teams, the new ones do).
    if new_teams == 0 && add > 0 {
        for t in branch
            .children
            .iter_mut()
            .filter(|t| t.kind == UnitKind::Team)
        {
            t.absorb(from);
        }
    }
    let count = teams + new_teams;
    let staff = split_evenly(total, count);
    for (t, s) in branch
        .children
        .iter_mut()
        .filter(|t| t.kind == UnitKind::Team)
        .zip(staff)
    {
        t.staff.frontline = to_u32(s);
    }
}

pub(super) fn station_staff(staff: u64, posts: u64) -> Staff {
    let organ = posts.min(staff);
    Staff::new(to_u32(organ), to_u32(staff - organ))
}

pub(super) fn county_bureau(i: usize) -> Unit {
    Unit::new(
        id!["c", i + 1],
        Name::numbered(COUNTY_BUREAU, i + 1),
        COUNTY_BUREAU,
        UnitKind::CountyBureau,
    )
    .with_ranks(&BEFORE_SUB_BUREAU_RANKS)
    .placeholder()
}

pub(super) fn county_unit(id: Id, j: usize, staff: Staff) -> Unit {
    Unit::new(
        id,
        Name::numbered(INTERNAL, j + 1),
        INTERNAL,
        UnitKind::InternalUnit,
    )
    .with_staff(staff)
    .with_ranks(&BEFORE_UNIT_RANKS)
    .placeholder()
}

pub(super) fn station(
    id: Id,
    name: Text,
    kind: UnitKind,
    setting: Setting,
    n: usize,
    staff: Staff,
) -> Unit {
    Unit::new(id, Name::numbered(name, n), name, kind)
        .with_setting(setting)
        .with_staff(staff)
        .with_ranks(&STATION_RANKS)
        .placeholder()
}

typed_params! {
    /// The parameters `county_baseline` reads.
    struct CountyBaselineParams {
        county_bureaus: u64,
        county_units_before: u64,
        county_unit_staff: u64,
        town_stations: u64,
        town_station_staff: u64,
        rural_stations_before: u64,
        rural_station_staff: u64,
        station_command_posts: u64,
        leaders: u64,
    }
}

pub(super) fn county_baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = CountyBaselineParams::read(p);
    let counties = q.county_bureaus as usize;
    let units_before = q.county_units_before as usize;
    let unit_staff = q.county_unit_staff;
    let town = q.town_stations as usize;
    let town_staff = q.town_station_staff;
    let rural = q.rural_stations_before;
    let rural_staff = q.rural_station_staff;
    let posts = q.station_command_posts;
    let leaders = q.leaders;
    let rural_c = split_evenly(rural, counties);
    let mut rural_no = 0usize;
    let children = (0..counties)
        .map(|i| {
            // Guidance units (headquarters), county-town stations, rural stations.
            let mut kids: Vec<Unit> = (0..units_before)
                .map(|j| {
                    county_unit(
                        id!["c", i + 1, "/u", j + 1],
                        j,
                        Staff::new(to_u32(unit_staff), 0),
                    )
                })
                .collect();
            for t in 0..town {
                kids.push(station(
                    id!["c", i + 1, "/ts", t + 1],
                    TOWN_STATION,
                    UnitKind::Station,
                    Setting::CountyTown,
                    t + 1,
                    station_staff(town_staff, posts),
                ));
            }
            for _ in 0..rural_c[i] {
                rural_no += 1;
                kids.push(station(
                    id!["rs", rural_no],
                    RURAL_STATION,
                    UnitKind::Station,
                    Setting::Rural,
                    rural_no,
                    station_staff(rural_staff, posts),
                ));
            }
            county_bureau(i)
                .with_staff(Staff::new(to_u32(leaders), 0))
                .with_children(kids)
        })
        .collect();
    Ok(municipal().with_children(children))
}

typed_params! {
    /// The parameters `lever_county_units` reads.
    struct CountyUnitsParams {
        county_units_after: u64,
        county_organ_units_after: u64,
        county_units_before: u64,
    }
}

/// 三是 (county bureaus): the guidance units merge into fewer units that operate; all but the
/// headquarters units count as frontline. Which old units went into which new one the source
/// does not say: the model merges them in order.
fn county_units_in_counties(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = CountyUnitsParams::read(p);
    let units_after = q.county_units_after as usize;
    let organ_units = q.county_organ_units_after as usize;
    let units_before = q.county_units_before as usize;
    ensure!(
        units_after <= units_before,
        Msg::ErrDaqing07,
        vec![Arg::plain(units_after), Arg::plain(units_before)]
    )?;
    ensure!(
        organ_units <= units_after,
        Msg::ErrDaqing08,
        vec![Arg::plain(organ_units), Arg::plain(units_after)]
    )?;
    for county in org.children.iter_mut().filter(|c| {
        c.kind == UnitKind::CountyBureau
            && c.children.iter().any(|u| u.kind == UnitKind::InternalUnit)
    }) {
        let (old, rest): (Vec<Unit>, Vec<Unit>) = county
            .children
            .take_split(|u| u.kind == UnitKind::InternalUnit);
        let pool: u64 = old.iter().map(|u| u64::from(u.staff_total().total())).sum();
        let groups = runs(old, units_after);
        let mut kids: Vec<Unit> = split_evenly(pool, units_after)
            .into_iter()
            .zip(groups)
            .enumerate()
            .map(|(j, (s, from))| {
                let staff = if j < organ_units {
                    Staff::new(to_u32(s), 0)
                } else {
                    Staff::new(0, to_u32(s))
                };
                county_unit(id![county.id, "/v", j + 1], j, staff).formed_from(&from)
            })
            .collect();
        kids.extend(rest);
        county.children = kids.into();
    }
    Ok(org)
}

/// 三是 (county towns): every station inside the county town is abolished; its officers join
/// the county bureau's operational units.
fn abolish_town_stations_in_counties(_: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    for county in org.children.iter_mut() {
        let (town, rest): (Vec<Unit>, Vec<Unit>) =
            county.children.take_split(Unit::is_county_town_station);
        let moved: u64 = town
            .iter()
            .map(|u| u64::from(u.staff_total().total()))
            .sum();
        // The county bureau polices the county town itself now: its incidents are the bureau's.
        county.incidents += town.iter().map(Unit::incidents_total).sum::<u64>();
        county.children = rest.into();
        if moved == 0 {
            continue;
        }
        let operational: Vec<usize> = county
            .children
            .iter()
            .enumerate()
            .filter(|(_, u)| {
                // Operational units: internal units whose posts are frontline posts (after the
                // county units' merge, every unit past the headquarters ones).
                u.kind == UnitKind::InternalUnit && u.staff.organ == 0 && u.staff.frontline > 0
            })
            .map(|(i, _)| i)
            .collect();
        ensure!(
            !operational.is_empty(),
            Msg::ErrDaqing09,
            vec![Arg::name(&county.name), Arg::plain(moved)]
        )?;
        for (k, add) in split_evenly(moved, operational.len())
            .into_iter()
            .enumerate()
        {
            let u = &mut county.children[operational[k]];
            u.staff.frontline += to_u32(add);
        }
    }
    Ok(org)
}

typed_params! {
    /// The parameters `lever_central_stations` reads.
    struct CentralStationsParams {
        rural_stations_before: u64,
        central_stations_after: u64,
        station_command_posts: u64,
    }
}

/// 三是 (rural): neighbouring rural stations merge into central stations with all their staff;
/// each central station keeps one set of command and admin posts.
fn central_stations_in_counties(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = CentralStationsParams::read(p);
    let rural = q.rural_stations_before;
    let central = q.central_stations_after;
    let posts = q.station_command_posts;
    ensure!(
        central <= rural,
        Msg::ErrDaqing10,
        vec![Arg::plain(central), Arg::plain(rural)]
    )?;
    // Only counties with rural stations share the central stations (a county without any has
    // nothing to merge; with none anywhere the step finds nothing to act on).
    let with_rural = |c: &Unit| c.children.iter().any(Unit::is_rural_station);
    let counts: Vec<u64> = org
        .children
        .iter()
        .filter(|c| with_rural(c))
        .map(|c| c.children.iter().filter(|u| u.is_rural_station()).count() as u64)
        .collect();
    let here: u64 = counts.iter().sum();
    let central_c = if here == rural {
        split_evenly(central, counts.len())
    } else {
        // On another organisation, the source's 61 into 31 as the same share of each county's
        // rural stations, at least one central station in a county that has any (nine stations
        // had become nine central stations of one each).
        counts
            .iter()
            .map(|&n| same_share(central, rural, n).max(u64::from(central > 0)))
            .collect()
    };
    let mut central_no = 0usize;
    for (i, county) in org
        .children
        .iter_mut()
        .filter(|c| with_rural(c))
        .enumerate()
    {
        let (stations, rest): (Vec<Unit>, Vec<Unit>) =
            county.children.take_split(Unit::is_rural_station);
        if !stations.is_empty() && central_c[i] == 0 {
            return Err(ModelError::new(
                Msg::ErrDaqing11,
                vec![Arg::name(&county.name), Arg::plain(stations.len())],
            ));
        }
        let mut kids = rest;
        // Never more central stations than the stations merged into them: on an organisation
        // with fewer rural stations than the parameter's share, no empty ones are made.
        let groups = (central_c[i] as usize).min(stations.len());
        for group in runs(stations, groups) {
            central_no += 1;
            let staff: u64 = group
                .iter()
                .map(|u| u64::from(u.staff_total().total()))
                .sum();
            // A central station serves the areas of the stations merged into it.
            let residents: u64 = group.iter().map(|u| u.residents).sum();
            let incidents: u64 = group.iter().map(Unit::incidents_total).sum();
            kids.push(
                station(
                    id!["cs", central_no],
                    CENTRAL_STATION,
                    UnitKind::CentralStation,
                    Setting::Rural,
                    central_no,
                    station_staff(staff, posts),
                )
                .with_residents(residents)
                .with_incidents(incidents)
                .formed_from(&group),
            );
        }
        county.children = kids.into();
    }
    Ok(org)
}

typed_params! {
    /// The parameters `hq_baseline` reads.
    struct HqBaselineParams {
        hq_leaders: u64,
        counter_terrorism_staff: u64,
        intelligence_staff: u64,
        public_order_staff: u64,
        community_work_staff: u64,
        economic_protection_staff: u64,
        domestic_security_staff: u64,
    }
}

/// The municipal bureau with the headquarters units seed 000 names in its "big intelligence"
/// and "big domestic security" sentence, all headquarters staff.
pub(super) fn hq_baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = HqBaselineParams::read(p);
    let hq = |id: &str, name: Text, branch: Branch, staff: u64| {
        // Each named unit is its own class, so that the diagram never groups two of them.
        Unit::new(id, Name::of(name), name, UnitKind::InternalUnit)
            .with_staff(Staff::new(to_u32(staff), 0))
            .with_branch(branch)
            .with_ranks(&DETACHMENT_RANKS)
    };
    let section = |id: &str, name: Text, branch: Branch, staff: u64| {
        Unit::new(id, Name::of(name), name, UnitKind::Section)
            .with_staff(Staff::new(to_u32(staff), 0))
            .with_branch(branch)
            .placeholder()
    };
    Ok(Unit::new(
        "dq",
        Name::of(MUNICIPAL),
        MUNICIPAL_ROLE,
        UnitKind::MunicipalBureau,
    )
    .with_staff(Staff::new(to_u32(q.hq_leaders), 0))
    .with_ranks(&HQ_RANKS)
    .with_children(vec![
        hq(
            "ct",
            COUNTER_TERRORISM,
            Branch::CounterTerrorism,
            q.counter_terrorism_staff,
        ),
        hq(
            "intel",
            INTELLIGENCE,
            Branch::Intelligence,
            q.intelligence_staff,
        ),
        hq("po", PUBLIC_ORDER, Branch::Patrol, q.public_order_staff).with_children(vec![
            section(
                "po/community",
                COMMUNITY_WORK,
                Branch::Community,
                q.community_work_staff,
            ),
            section(
                "po/economic",
                ECONOMIC_PROTECTION,
                Branch::EconomicProtection,
                q.economic_protection_staff,
            ),
        ]),
        hq(
            "ds",
            DOMESTIC_SECURITY,
            Branch::DomesticSecurity,
            q.domestic_security_staff,
        ),
    ]))
}

/// The first unit directly under `org` that is an internal unit of `branch`.
fn hq_unit(org: &Unit, branch: Branch) -> Option<usize> {
    org.children
        .iter()
        .position(|u| u.kind == UnitKind::InternalUnit && u.branch == Some(branch))
}

/// 大情报: "将反恐处与情报信息中心合署办公". The counter-terrorism and intelligence units directly
/// under the top bureau go, whole, into one shared-office unit (no staff of its own) where the
/// first of them was.
pub(super) fn lever_big_intelligence(_: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let (Some(ct), Some(intel)) = (
        hq_unit(&org, Branch::CounterTerrorism),
        hq_unit(&org, Branch::Intelligence),
    ) else {
        return Ok(org);
    };
    let shares = |u: &Unit| {
        u.kind == UnitKind::InternalUnit
            && matches!(
                u.branch,
                Some(Branch::CounterTerrorism | Branch::Intelligence)
            )
    };
    let (pair, mut rest): (Vec<Unit>, Vec<Unit>) = org.children.take_split(shares);
    let shared = Unit::new(
        id![org.id, "/big-intel"],
        Name::of(BIG_INTELLIGENCE),
        HQ_UNIT,
        UnitKind::InternalUnit,
    )
    .with_branch(Branch::Intelligence)
    .formed_from(&pair)
    .with_children(pair);
    rest.insert(ct.min(intel).min(rest.len()), shared);
    org.children = rest.into();
    Ok(org)
}

/// 大国保: "将社区、经保工作由市局治安支队转为国保支队管理". The community and economic-protection
/// sections of the public order unit directly under the top bureau move, whole, under its
/// domestic security unit.
pub(super) fn lever_big_domestic_security(_: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let moves = |u: &Unit| {
        u.kind == UnitKind::Section
            && matches!(
                u.branch,
                Some(Branch::Community | Branch::EconomicProtection)
            )
    };
    let (Some(po), Some(ds)) = (
        hq_unit(&org, Branch::Patrol),
        hq_unit(&org, Branch::DomesticSecurity),
    ) else {
        return Ok(org);
    };
    if !org.children[po].children.iter().any(moves) {
        return Ok(org);
    }
    let mut kids = org.children.to_vec();
    let (moving, rest): (Vec<Unit>, Vec<Unit>) = kids[po].children.take_split(moves);
    kids[po].children = rest.into();
    let mut under = kids[ds].children.to_vec();
    under.extend(moving);
    kids[ds].children = under.into();
    org.children = kids.into();
    Ok(org)
}

typed_params! {
    /// The parameters `yunnan_baseline` reads.
    struct YunnanBaselineParams {
        yn_stations: u64,
        yn_leaders: u64,
        yn_brigade_staff: u64,
        yn_cid_squadron_staff: u64,
        yn_patrol_squadron_staff: u64,
        yn_station_leaders: u64,
        yn_community_officers: u64,
    }
}

/// A county town before "三队一组": the county bureau's investigation and patrol brigades, each
/// with one squadron posted to every station, and the stations with their community officers.
pub(super) fn yunnan_baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = YunnanBaselineParams::read(p);
    let n = q.yn_stations as usize;
    let brigade = |id: &str, name: Text, squad: Text, branch: Branch, staff: u64| {
        Unit::new(id, Name::of(name), name, UnitKind::InternalUnit)
            .with_staff(Staff::new(to_u32(q.yn_brigade_staff), 0))
            .with_branch(branch)
            .with_ranks(&YN_BRIGADE_RANKS)
            .with_children(
                (0..n)
                    .map(|i| {
                        Unit::new(
                            id![id, "/sq", i + 1],
                            Name::numbered(squad, i + 1),
                            squad,
                            UnitKind::Team,
                        )
                        .with_staff(Staff::new(0, to_u32(staff)))
                        .with_branch(branch)
                        .with_ranks(&YN_SQUADRON_RANKS)
                        .placeholder()
                    })
                    .collect(),
            )
    };
    let stations = (0..n).map(|i| {
        Unit::new(
            id!["st", i + 1],
            Name::numbered(STATION, i + 1),
            STATION,
            UnitKind::Station,
        )
        .with_staff(Staff::new(
            to_u32(q.yn_station_leaders),
            to_u32(q.yn_community_officers),
        ))
        .with_ranks(&YN_STATION_BEFORE_RANKS)
        .placeholder()
    });
    let mut children = vec![
        brigade(
            "cid",
            YN_CID_BRIGADE,
            YN_CID_SQUADRON,
            Branch::Investigation,
            q.yn_cid_squadron_staff,
        ),
        brigade(
            "patrol",
            YN_PATROL_BRIGADE,
            YN_PATROL_SQUADRON,
            Branch::Patrol,
            q.yn_patrol_squadron_staff,
        ),
    ];
    children.extend(stations);
    Ok(Unit::new(
        "county",
        Name::of(YN_COUNTY),
        YN_COUNTY_ROLE,
        UnitKind::CountyBureau,
    )
    .with_staff(Staff::new(to_u32(q.yn_leaders), 0))
    .with_ranks(&YN_BUREAU_RANKS)
    .with_children(children))
}

/// 三队一组: "社区民警、刑侦、巡警三个警种都在派出所所长的领导下". The squadrons of the investigation
/// and patrol units directly under the top bureau go, the k-th of each unit to the k-th station
/// directly under it (the squadron posted there); each such station's own frontline officers
/// form a community officers' squadron, and its head leads the three. The brigades remain.
pub(super) fn lever_three_teams_one_group(_: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let posted = |u: &Unit| {
        u.kind == UnitKind::Team && matches!(u.branch, Some(Branch::Investigation | Branch::Patrol))
    };
    let is_brigade = |u: &Unit| {
        u.kind == UnitKind::InternalUnit
            && matches!(u.branch, Some(Branch::Investigation | Branch::Patrol))
            && u.children.iter().any(posted)
    };
    let n = org
        .children
        .iter()
        .filter(|u| u.kind.is_station() && u.staff.frontline > 0)
        .count();
    if n == 0 || !org.children.iter().any(is_brigade) {
        return Ok(org);
    }
    let mut kids = org.children.to_vec();
    // Each brigade's first `n` squadrons, in order, by station.
    let mut to_station: Vec<Vec<Unit>> = vec![Vec::new(); n];
    for b in kids.iter_mut().filter(|u| is_brigade(u)) {
        let (mut moving, mut rest) = (Vec::new(), Vec::new());
        for u in b.children.iter().cloned() {
            if posted(&u) && moving.len() < n {
                moving.push(u);
            } else {
                rest.push(u);
            }
        }
        b.children = rest.into();
        for (i, sq) in moving.into_iter().enumerate() {
            to_station[i].push(sq);
        }
    }
    for (st, squads) in kids
        .iter_mut()
        .filter(|u| u.kind.is_station() && u.staff.frontline > 0)
        .zip(to_station)
    {
        let id = st.id.clone();
        let community = Unit::new(
            id![id, "/community"],
            Name::of(YN_COMMUNITY_SQUADRON),
            YN_COMMUNITY_SQUADRON,
            UnitKind::Team,
        )
        .with_staff(Staff::new(0, st.staff.frontline))
        .with_branch(Branch::Community)
        .with_ranks(&YN_SQUADRON_RANKS)
        .placeholder();
        st.staff.frontline = 0;
        st.ranks = &YN_STATION_AFTER_RANKS;
        let mut under = st.children.to_vec();
        under.push(community);
        under.extend(squads);
        st.children = under.into();
    }
    org.children = kids.into();
    Ok(org)
}

/// A county measure (`county_units`, `abolish_town_stations`, `central_stations`) acts on the
/// county bureaus directly under the top bureau; on an organisation whose top unit is itself a
/// county bureau (a county's own organisation, such as Haidong's), it acts on that bureau.
fn in_counties(
    org: Unit,
    measure: impl FnOnce(Unit) -> Result<Unit, ModelError>,
) -> Result<Unit, ModelError> {
    if org.kind != UnitKind::CountyBureau {
        return measure(org);
    }
    let mut holder = org.clone();
    holder.kind = UnitKind::MunicipalBureau;
    holder.children = vec![org.clone()].into();
    let (mut county, _) = measure(holder)?.children.take_split(|_| true);
    // The measures change a county's units, never remove the county.
    Ok(county.pop().unwrap_or(org))
}

pub(super) fn lever_county_units(p: &Params, org: Unit) -> Result<Unit, ModelError> {
    in_counties(org, |org| county_units_in_counties(p, org))
}

pub(super) fn lever_abolish_town_stations(p: &Params, org: Unit) -> Result<Unit, ModelError> {
    in_counties(org, |org| abolish_town_stations_in_counties(p, org))
}

pub(super) fn lever_central_stations(p: &Params, org: Unit) -> Result<Unit, ModelError> {
    in_counties(org, |org| central_stations_in_counties(p, org))
}
