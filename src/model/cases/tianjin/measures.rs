//! The tianjin case's baseline and measures (its data is in `mod.rs`).

use super::*;
use crate::model::params::typed_params;

pub(super) fn unit(id: impl Into<Id>, name: Name, role: Text, kind: UnitKind) -> Unit {
    Unit::new(id, name, role, kind)
}

/// Station sizes spread evenly from `min` to `max` (rounded), in order.
pub fn station_sizes(n: usize, min: u64, max: u64) -> Vec<u64> {
    match n {
        0 => Vec::new(),
        1 => vec![min],
        _ => {
            let d = (n - 1) as u64;
            (0..d + 1)
                .map(|i| min + ((max - min) * i + d / 2) / d)
                .collect()
        }
    }
}

typed_params! {
    /// The parameters `station_baseline` reads.
    struct StationBaselineParams {
        stations: u64,
        station_staff_min: u64,
        station_staff_max: u64,
        station_leaders: u64,
        admin_staff: u64,
        community_share: u64,
        case_share: u64,
    }
}

pub(super) fn station_baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = StationBaselineParams::read(p);
    let n = q.stations as usize;
    let (min, max) = (q.station_staff_min, q.station_staff_max);
    let leaders = q.station_leaders;
    let admin = q.admin_staff;
    let (cs, ks) = (q.community_share, q.case_share);
    ensure!(
        min <= max,
        Msg::ErrTianjin01,
        vec![Arg::plain(min), Arg::plain(max)]
    )?;
    ensure!(
        cs + ks <= 100,
        Msg::ErrTianjin02,
        vec![Arg::plain(cs), Arg::plain(ks)]
    )?;
    ensure!(
        min >= leaders + admin,
        Msg::ErrTianjin03,
        vec![Arg::plain(min), Arg::plain(leaders + admin)]
    )?;
    let stations = station_sizes(n, min, max)
        .into_iter()
        .enumerate()
        .map(|(i, size)| {
            let id = id!["st", i + 1];
            let front = size - leaders - admin;
            let parts = apportion(front, &[cs, ks, 100 - cs - ks]);
            let staff = [
                Staff::new(to_u32(admin), 0),
                Staff::new(0, to_u32(parts.first().copied().unwrap_or(0))),
                Staff::new(0, to_u32(parts.get(1).copied().unwrap_or(0))),
                Staff::new(0, to_u32(parts.get(2).copied().unwrap_or(0))),
            ];
            let desks = desks(&id, staff);
            unit(
                id,
                Name::numbered(STATION, i + 1),
                STATION,
                UnitKind::Station,
            )
            .with_staff(Staff::new(to_u32(leaders), 0))
            .with_ranks(&OLD_STATION_RANKS)
            .placeholder()
            .with_children(desks)
        })
        .collect();
    Ok(
        unit("sb", Name::of(SUB_BUREAU), SUB_BUREAU, UnitKind::SubBureau)
            .placeholder()
            .with_children(stations),
    )
}

/// A station's desks (admin, community, case, patrol) with `staff` in that order; a desk with
/// no one is left out.
fn desks(station: &Id, staff: [Staff; 4]) -> Vec<Unit> {
    DESKS
        .iter()
        .zip(staff)
        .filter(|(_, s)| s.total() > 0)
        .map(|((key, name, branch), s)| {
            unit(
                id![station, "/", key],
                Name::of(*name),
                DESK,
                UnitKind::Section,
            )
            .with_staff(s)
            .with_branch(*branch)
            .with_ranks(&DESK_RANKS)
            .placeholder()
        })
        .collect()
}

/// The station's desk for a line of work (recognised by its branch), if it has one.
pub(super) fn desk(station: &Unit, branch: Branch) -> Option<&Unit> {
    station
        .children
        .iter()
        .find(|c| c.kind == UnitKind::Section && c.branch == Some(branch))
}

/// A station with desks: what one office two teams reorganises.
fn has_desks(u: &Unit) -> bool {
    u.kind.is_station()
        && u.children
            .iter()
            .any(|c| c.kind == UnitKind::Section && c.branch.is_some())
}

typed_params! {
    /// The parameters `give_desks` reads.
    struct GiveDesksParams {
        station_leaders: u64,
        community_share: u64,
        case_share: u64,
    }
}

/// A station of another organisation with posts but no units of its own: the measure gives it
/// the desks this case's stations have (its leaders stay, the rest of its headquarters posts,
/// at least one, are the admin desk, its frontline splits by the community and case shares), so
/// that one office two teams can form from them. The desks stand for the station in the
/// lineage.
fn give_desks(p: &Params, st: &mut Unit) {
    let q = GiveDesksParams::read(p);
    let organ = u64::from(st.staff.organ);
    let admin = organ.saturating_sub(q.station_leaders).max(1).min(organ);
    let leaders = organ - admin;
    let (cs, ks) = (q.community_share, q.case_share);
    let parts = apportion(
        u64::from(st.staff.frontline),
        &[cs, ks, 100u64.saturating_sub(cs + ks)],
    );
    let part = |i: usize| Staff::new(0, to_u32(parts.get(i).copied().unwrap_or(0)));
    let staff = [Staff::new(to_u32(admin), 0), part(0), part(1), part(2)];
    let origin = Ids::of([&*st]);
    st.children = desks(&st.id, staff)
        .into_iter()
        .map(|d| d.with_from(origin.clone()))
        .collect::<Vec<_>>()
        .into();
    st.staff = Staff::new(to_u32(leaders), 0);
}

typed_params! {
    /// The parameters `lever_one_office_two_teams` reads.
    struct OneOfficeTwoTeamsParams {
        small_station_threshold: u64,
        patrol_to_community: u64,
    }
}

/// 一室兩隊(兩組): the admin desk becomes the command office; community and case officers (and
/// patrol officers, in proportion) form two teams, or two groups in a small station.
pub(super) fn lever_one_office_two_teams(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = OneOfficeTwoTeamsParams::read(p);
    let threshold = q.small_station_threshold;
    let to_community = q.patrol_to_community;
    // Stations with desks (the posts the teams are formed from), or, in another organisation,
    // with frontline posts and no units of their own, wherever they sit.
    let acts = |u: &Unit| {
        has_desks(u)
            || (u.kind.is_station()
                && u.children.is_empty()
                && u.staff.organ > 0
                && u.staff.frontline > 0)
    };
    org.try_each_below(&acts, &mut |st: &mut Unit| {
        if !has_desks(st) {
            give_desks(p, st);
        }
        let size = u64::from(st.staff_total().total());
        let frontline = |b: Branch| desk(st, b).map_or(0, |d| u64::from(d.staff.frontline));
        let patrol = frontline(Branch::Patrol);
        let patrol_c = apportion(patrol, &[to_community, 100 - to_community.min(100)])
            .first()
            .copied()
            .unwrap_or(0);
        let community = frontline(Branch::Community) + patrol_c;
        let case = frontline(Branch::CaseHandling) + patrol - patrol_c;
        let small = size < threshold;
        ensure!(
            community > 0 && case > 0,
            Msg::ErrTianjin04,
            vec![
                Arg::name(&st.name),
                Arg::plain(size),
                Arg::Text(if community == 0 {
                    Text::new("社区警务队", "community team")
                } else {
                    Text::new("执法办案队", "case team")
                })
            ]
        )?;
        let admin = desk(st, Branch::Command);
        let office = unit(
            id![st.id, "/command_office"],
            Name::of(COMMAND_OFFICE),
            COMMAND_OFFICE,
            UnitKind::Office,
        )
        .with_staff(Staff::new(admin.map_or(0, |d| d.staff.organ), 0))
        .formed_from(admin);
        let (kind, ranks, names) = if small {
            (UnitKind::Group, &GROUP_RANKS, [COMMUNITY_GROUP, CASE_GROUP])
        } else {
            (UnitKind::Team, &TEAM_RANKS, [COMMUNITY_TEAM, CASE_TEAM])
        };
        let make = |key: &str, name: Text, staff: u64, from: [Branch; 2]| {
            let u = unit(id![st.id, "/", key], Name::of(name), name, kind)
                .with_staff(Staff::new(0, to_u32(staff)))
                .with_ranks(ranks)
                .with_branch(from[0])
                .formed_from(from.iter().filter_map(|b| desk(st, *b)));
            if small {
                u.placeholder()
            } else {
                u
            }
        };
        let community_team = make(
            "community_team",
            names[0],
            community,
            [Branch::Community, Branch::Patrol],
        );
        let case_team = make(
            "case_team",
            names[1],
            case,
            [Branch::CaseHandling, Branch::Patrol],
        );
        st.children = vec![office, community_team, case_team].into();
        Ok::<(), ModelError>(())
    })?;
    Ok(org)
}

/// 指揮長負責制, 一室引領: one deputy head becomes the commander of the office, and the teams are
/// placed under the office.
pub(super) fn lever_office_leads_teams(_p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    // Stations with a command office (set up by one office, two teams), wherever they sit.
    let with_office =
        |u: &Unit| u.kind.is_station() && u.children.iter().any(|c| c.kind == UnitKind::Office);
    org.try_each_below(&with_office, &mut |st: &mut Unit| {
        ensure!(
            st.staff.organ >= 2,
            Msg::ErrTianjin05,
            vec![Arg::name(&st.name)]
        )?;
        let mut kids = std::mem::take(&mut st.children).into_iter();
        let Some(mut office) = kids.next().filter(|u| u.kind == UnitKind::Office) else {
            return Err(ModelError::new(
                Msg::ErrTianjin06,
                vec![Arg::name(&st.name)],
            ));
        };
        st.staff.organ -= 1;
        st.ranks = &[STATION_HEAD];
        office.staff.organ += 1;
        office.ranks = &[COMMANDER];
        office.children = kids.collect();
        st.children = vec![office].into();
        Ok::<(), ModelError>(())
    })?;
    Ok(org)
}

pub(super) fn municipal_root() -> Unit {
    unit(
        "m",
        Name::of(MUNICIPAL),
        MUNICIPAL_ROLE,
        UnitKind::MunicipalBureau,
    )
}

typed_params! {
    /// The parameters `sub_bureau_baseline` reads.
    struct SubBureauBaselineParams {
        sub_bureaus: u64,
        departments_before: u64,
        sub_bureau_leaders: u64,
        department_staff: u64,
        department_organ_share: u64,
        stations_per_sub_bureau: u64,
        sb_station_staff: u64,
        sb_station_leaders: u64,
    }
}

pub(super) fn sub_bureau_baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = SubBureauBaselineParams::read(p);
    let n = q.sub_bureaus as usize;
    let depts = q.departments_before as usize;
    let leaders = q.sub_bureau_leaders;
    let dept_staff = q.department_staff;
    let organ_pct = q.department_organ_share.min(100);
    let stations = q.stations_per_sub_bureau as usize;
    let st_staff = q.sb_station_staff;
    let st_leaders = q.sb_station_leaders;
    ensure!(
        st_leaders <= st_staff,
        Msg::ErrTianjin07,
        vec![Arg::plain(st_leaders), Arg::plain(st_staff)]
    )?;
    let dept_organ = (dept_staff * organ_pct + 50) / 100;
    let mut station_no = 0usize;
    let children = (0..n)
        .map(|i| {
            let id = id!["sb", i + 1];
            let mut kids: Vec<Unit> = (0..depts)
                .map(|j| {
                    unit(
                        id![id, "/d", j + 1],
                        Name::numbered(DEPARTMENT, j + 1),
                        DEPARTMENT,
                        UnitKind::InternalUnit,
                    )
                    .with_staff(Staff::new(
                        to_u32(dept_organ),
                        to_u32(dept_staff - dept_organ),
                    ))
                    .with_ranks(&DEPT_RANKS)
                    .placeholder()
                })
                .collect();
            for _ in 0..stations {
                station_no += 1;
                kids.push(
                    unit(
                        id!["st", station_no],
                        Name::numbered(STATION, station_no),
                        STATION,
                        UnitKind::Station,
                    )
                    .with_staff(Staff::new(
                        to_u32(st_leaders),
                        to_u32(st_staff - st_leaders),
                    ))
                    .with_ranks(&SB_STATION_RANKS)
                    .placeholder(),
                );
            }
            unit(
                id,
                Name::numbered(SUB_BUREAU, i + 1),
                SUB_BUREAU,
                UnitKind::SubBureau,
            )
            .with_staff(Staff::new(to_u32(leaders), 0))
            .with_ranks(&SB_RANKS)
            .placeholder()
            .with_children(kids)
        })
        .collect();
    Ok(municipal_root().with_children(children))
}

/// 大部制: each sub-bureau's departments, in consecutive runs, become the systems; the last
/// departments of each run are cut (merged into the system itself), the rest become sections.
/// A sub-bureau with departments (internal units) under it: what the four systems act on.
fn has_departments(sb: &Unit) -> bool {
    sb.kind == UnitKind::SubBureau && sb.children.iter().any(|u| u.kind == UnitKind::InternalUnit)
}

/// The departments of the sub-bureaus under the top bureau.
fn departments(org: &Unit) -> u64 {
    org.children
        .iter()
        .filter(|sb| has_departments(sb))
        .flat_map(|sb| &sb.children)
        .filter(|u| u.kind == UnitKind::InternalUnit)
        .count() as u64
}

/// The scope whose measures are the sub-bureaus'.
fn sub_bureau_scope() -> &'static Variant {
    Variant::find(VARIANTS, "sub_bureau")
}

/// The scope whose measures are the municipal bureau's.
fn municipal_scope() -> &'static Variant {
    Variant::find(VARIANTS, "municipal")
}

typed_params! {
    /// The parameters `lever_big_departments` reads.
    struct BigDepartmentsParams {
        systems: u64,
        units_cut: u64,
    }
}

pub(super) fn lever_big_departments(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = BigDepartmentsParams::read(p);
    let systems = (q.systems as usize).clamp(1, SYSTEMS.len());
    // It acts on the sub-bureaus under the top bureau that have departments (internal units).
    let acts = has_departments;
    let n = org.children.iter().filter(|sb| acts(sb)).count();
    if n == 0 {
        return Ok(org);
    }
    let depts = departments(&org);
    // The source's count of departments cut, as the same share of the departments here.
    let own = sub_bureau_scope().before_lever(p, "big_departments")?;
    let cut = same_share(q.units_cut, departments(&own), depts);
    ensure!(
        cut <= depts,
        Msg::ErrTianjin08,
        vec![Arg::plain(cut), Arg::plain(depts)]
    )?;
    let cuts = split_evenly(cut, n);
    for (i, sb) in org.children.iter_mut().filter(|sb| acts(sb)).enumerate() {
        let (old, rest): (Vec<Unit>, Vec<Unit>) =
            sb.children.take_split(|u| u.kind == UnitKind::InternalUnit);
        let cut_here = cuts.get(i).copied().unwrap_or(0);
        ensure!(
            cut_here <= old.len() as u64,
            Msg::ErrTianjin09,
            vec![
                Arg::name(&sb.name),
                Arg::plain(old.len()),
                Arg::plain(cut_here)
            ]
        )?;
        let groups = runs(old, systems);
        let lens: Vec<u64> = groups.iter().map(|g| g.len() as u64).collect();
        let cut_per = apportion(cut_here, &lens);
        let mut kids: Vec<Unit> = Vec::with_capacity(systems + rest.len());
        for (((key, name), group), c) in SYSTEMS.iter().zip(groups).zip(cut_per) {
            let keep = group.len().saturating_sub(c as usize);
            let system = unit(
                id![sb.id, "/", key],
                Name::of(*name),
                SYSTEM_ROLE,
                UnitKind::InternalUnit,
            )
            .formed_from(&group);
            let mut sections = group;
            let gone = sections.split_off(keep);
            let own = gone
                .iter()
                .fold(Staff::default(), |a, u| a + u.staff_total());
            let sections = sections
                .into_iter()
                .map(|mut d| {
                    d.kind = UnitKind::Section;
                    d.role = SECTION_ROLE;
                    d
                })
                .collect();
            kids.push(system.with_staff(own).with_children(sections));
        }
        kids.extend(rest);
        sb.children = kids.into();
    }
    Ok(org)
}

typed_params! {
    /// The parameters `lever_sink_staff` reads.
    struct SinkStaffParams {
        moved_staff: u64,
    }
}

/// 下沉警力: `moved_staff` headquarters posts leave the sub-bureaus' departments and systems
/// (in proportion to their headquarters posts) and join their sub-bureau's stations' frontline.
pub(super) fn lever_sink_staff(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = SinkStaffParams::read(p);
    // Headquarters posts below each sub-bureau, outside its stations (leaders stay).
    fn organ_below(u: &Unit) -> u64 {
        u.children
            .iter()
            .filter(|c| !c.kind.is_station())
            .map(|c| u64::from(c.staff.organ) + organ_below(c))
            .sum()
    }
    // Only sub-bureaus give officers (any other unit under the top bureau gives none).
    fn pools_of(org: &Unit) -> Vec<u64> {
        org.children
            .iter()
            .map(|c| {
                if c.kind == UnitKind::SubBureau {
                    organ_below(c)
                } else {
                    0
                }
            })
            .collect()
    }
    let pools = pools_of(&org);
    let pool: u64 = pools.iter().sum();
    // The source's 3,870 officers, as the same share of the headquarters posts here.
    let own = sub_bureau_scope().before_lever(p, "sink_staff")?;
    let own_pool: u64 = pools_of(&own).iter().sum();
    let moved = same_share(q.moved_staff, own_pool, pool);
    ensure!(
        moved <= pool,
        Msg::ErrTianjin10,
        vec![Arg::plain(moved), Arg::plain(pool)]
    )?;
    let takes = apportion(moved, &pools);
    for (sb, take) in org.children.iter_mut().zip(takes) {
        if take == 0 {
            continue;
        }
        let stations = sb.children.iter().filter(|c| c.kind.is_station()).count();
        ensure!(
            stations > 0,
            Msg::ErrTianjin11,
            vec![Arg::name(&sb.name), Arg::plain(take)]
        )?;
        // Take from every headquarters post below the sub-bureau, in proportion.
        let weights: Vec<u64> = sb
            .children
            .iter()
            .filter(|c| !c.kind.is_station())
            .flat_map(|c| c.walk())
            .map(|(_, u)| u64::from(u.staff.organ))
            .collect();
        let mut parts = apportion(take, &weights).into_iter();
        for c in sb.children.iter_mut().filter(|c| !c.kind.is_station()) {
            take_organ(c, &mut parts);
        }
        let gives = split_evenly(take, stations);
        for (st, g) in sb
            .children
            .iter_mut()
            .filter(|c| c.kind.is_station())
            .zip(gives)
        {
            st.staff.frontline += to_u32(g);
        }
    }
    Ok(org)
}

/// Removes the next of `parts` from each unit's headquarters posts, in `walk` order.
pub(super) fn take_organ(u: &mut Unit, parts: &mut impl Iterator<Item = u64>) {
    let t = parts.next().unwrap_or(0);
    u.staff.organ = u.staff.organ.saturating_sub(to_u32(t));
    for c in u.children.iter_mut() {
        take_organ(c, parts);
    }
}

typed_params! {
    /// The parameters `binhai_baseline` reads.
    struct BinhaiBaselineParams {
        binhai_sub_bureaus: u64,
        binhai_stations: u64,
        binhai_station_staff: u64,
        binhai_station_leaders: u64,
        binhai_sub_bureau_staff: u64,
        binhai_bureau_staff: u64,
    }
}

pub(super) fn binhai_baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = BinhaiBaselineParams::read(p);
    let n = q.binhai_sub_bureaus as usize;
    let stations = q.binhai_stations;
    let st_staff = q.binhai_station_staff;
    let st_leaders = q.binhai_station_leaders;
    ensure!(
        st_leaders <= st_staff,
        Msg::ErrTianjin12,
        vec![Arg::plain(st_leaders), Arg::plain(st_staff)]
    )?;
    ensure!(
        n > 0 || stations == 0,
        Msg::ErrTianjin13,
        vec![Arg::plain(stations)]
    )?;
    let sb_staff = to_u32(q.binhai_sub_bureau_staff);
    let station_staff = Staff::new(to_u32(st_leaders), to_u32(st_staff - st_leaders));
    let mut station_no = 0usize;
    let children = split_evenly(stations, n)
        .into_iter()
        .enumerate()
        .map(|(i, k)| {
            let kids = (0..k)
                .map(|_| {
                    station_no += 1;
                    unit(
                        id!["st", station_no],
                        Name::numbered(STATION, station_no),
                        STATION,
                        UnitKind::Station,
                    )
                    .with_staff(station_staff)
                    .with_ranks(&SB_STATION_RANKS)
                    .placeholder()
                })
                .collect();
            unit(
                id!["sb", i + 1],
                Name::numbered(SUB_BUREAU, i + 1),
                SUB_BUREAU,
                UnitKind::SubBureau,
            )
            .with_staff(Staff::new(sb_staff, 0))
            .with_ranks(&BINHAI_SB_RANKS)
            .placeholder()
            .with_children(kids)
        })
        .collect();
    Ok(unit(
        "binhai",
        Name::of(BINHAI),
        BINHAI_ROLE,
        UnitKind::CountyBureau,
    )
    .with_staff(Staff::new(to_u32(q.binhai_bureau_staff), 0))
    .with_ranks(&SB_RANKS)
    .with_children(children))
}

typed_params! {
    /// The parameters `lever_abolish_binhai_sub_bureaus` reads.
    struct AbolishBinhaiSubBureausParams {
        binhai_to_stations: u64,
    }
}

/// 壓減層級 (Binhai): the sub-bureaus go; their stations report to the bureau directly and their
/// officers join the stations' frontline or the bureau's headquarters.
pub(super) fn lever_abolish_binhai_sub_bureaus(
    p: &Params,
    mut org: Unit,
) -> Result<Unit, ModelError> {
    let q = AbolishBinhaiSubBureausParams::read(p);
    let pct = q.binhai_to_stations.min(100);
    let mut stations = Vec::new();
    let mut freed = Staff::default();
    let mut rest = Vec::new();
    for c in std::mem::take(&mut org.children) {
        if c.kind == UnitKind::SubBureau {
            freed = freed + c.staff;
            stations.extend(c.children);
        } else {
            rest.push(c);
        }
    }
    let freed = u64::from(freed.total());
    let to_stations = if stations.is_empty() {
        0
    } else {
        (freed * pct + 50) / 100
    };
    let gives = split_evenly(to_stations, stations.len());
    for (st, g) in stations.iter_mut().zip(gives) {
        st.staff.frontline += to_u32(g);
    }
    org.staff.organ += to_u32(freed - to_stations);
    rest.extend(stations);
    org.children = rest.into();
    Ok(org)
}

typed_params! {
    /// The parameters `municipal_baseline` reads.
    struct MunicipalBaselineParams {
        attached_units: u64,
        sections_before: u64,
        section_staff: u64,
        attached_unit_leaders: u64,
        municipal_leaders: u64,
    }
}

pub(super) fn municipal_baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = MunicipalBaselineParams::read(p);
    let n = q.attached_units as usize;
    let sections = q.sections_before;
    let s_staff = to_u32(q.section_staff);
    let leaders = to_u32(q.attached_unit_leaders);
    ensure!(
        n > 0 || sections == 0,
        Msg::ErrTianjin14,
        vec![Arg::plain(sections)]
    )?;
    let mut no = 0usize;
    let children = split_evenly(sections, n)
        .into_iter()
        .enumerate()
        .map(|(j, k)| {
            let kids = (0..k)
                .map(|_| {
                    no += 1;
                    unit(
                        id!["s", no],
                        Name::numbered(SECTION_UNIT, no),
                        SECTION_UNIT,
                        UnitKind::Section,
                    )
                    .with_staff(Staff::new(s_staff, 0))
                    .with_ranks(&[SECTION_HEAD, OFFICER])
                    .placeholder()
                })
                .collect();
            unit(
                id!["a", j + 1],
                Name::numbered(ATTACHED, j + 1),
                ATTACHED,
                UnitKind::InternalUnit,
            )
            .with_staff(Staff::new(leaders, 0))
            .with_ranks(&[DIVISION_HEAD])
            .placeholder()
            .with_children(kids)
        })
        .collect();
    Ok(municipal_root()
        .with_staff(Staff::new(to_u32(q.municipal_leaders), 0))
        .with_ranks(&SB_RANKS)
        .with_children(children))
}

/// Which of `n` units are abolished when `k` are: spread evenly (the `i`-th when
/// `⌊(i+1)k/n⌋ > ⌊ik/n⌋`).
pub fn abolished_indices(n: usize, k: usize) -> Vec<bool> {
    (0..n)
        .map(|i| ((i + 1) * k) / n.max(1) > (i * k) / n.max(1))
        .collect()
}

typed_params! {
    /// The parameters `lever_abolish_attached_units` reads.
    struct AbolishAttachedUnitsParams {
        attached_abolished: u64,
    }
}

/// 撤銷13個直屬單位: the abolished units' sections and leaders join the preceding kept unit (or
/// the next one, for a unit before any kept one).
pub(super) fn lever_abolish_attached_units(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = AbolishAttachedUnitsParams::read(p);
    fn attached(org: &Unit) -> u64 {
        org.children
            .iter()
            .filter(|u| u.kind == UnitKind::InternalUnit)
            .count() as u64
    }
    // The source's 13 abolished units, as the same share of the attached units here.
    let own = municipal_scope().before_lever(p, "abolish_attached_units")?;
    let k = same_share(q.attached_abolished, attached(&own), attached(&org)) as usize;
    // The attached units are the internal units directly under the top bureau; any other unit
    // under it (sub-bureaus, stations) stays where it is.
    let (units, others): (Vec<Unit>, Vec<Unit>) = org
        .children
        .take_split(|u| u.kind == UnitKind::InternalUnit);
    let n = units.len();
    if n == 0 {
        // No attached units: nothing to act on (the step says so).
        org.children = others.into();
        return Ok(org);
    }
    ensure!(
        k <= n,
        Msg::ErrTianjin15,
        vec![Arg::plain(k), Arg::plain(n)]
    )?;
    let has_sections = units.iter().any(|u| !u.children.is_empty());
    ensure!(k < n || !has_sections || n == 0, Msg::ErrTianjin16, vec![])?;
    let gone = abolished_indices(n, k);
    let mut kept: Vec<Unit> = Vec::new();
    // Units abolished before any kept unit wait for the first kept one.
    let mut pending: Vec<Unit> = Vec::new();
    for (u, g) in units.into_iter().zip(gone) {
        if g {
            match kept.last_mut() {
                Some(last) => absorb(last, u),
                None => pending.push(u),
            }
        } else {
            let mut u = u;
            if !pending.is_empty() {
                // Sections of the earlier abolished units come first, in order.
                let own = std::mem::take(&mut u.children);
                for a in std::mem::take(&mut pending) {
                    absorb(&mut u, a);
                }
                u.children.extend(own);
            }
            kept.push(u);
        }
    }
    if !pending.is_empty() {
        // Only reachable when every unit is abolished and none has sections: staff go to the
        // bureau itself.
        for a in pending {
            org.staff = org.staff + a.staff_total();
        }
    }
    kept.extend(others);
    org.children = kept.into();
    Ok(org)
}

pub(super) fn absorb(into: &mut Unit, gone: Unit) {
    into.staff = into.staff + gone.staff;
    into.children.extend(gone.children);
}

typed_params! {
    /// The parameters `lever_merge_sections` reads.
    struct MergeSectionsParams {
        division_units_after: u64,
    }
}

/// 287個科級機構整合為92個副處級機構: in each attached unit, consecutive sections merge into
/// deputy-division-level units; every unit with sections gets at least one, the rest go by
/// section count.
pub(super) fn lever_merge_sections(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = MergeSectionsParams::read(p);
    // Sections in each unit under the top bureau.
    fn sections(org: &Unit) -> Vec<u64> {
        org.children
            .iter()
            .map(|u| {
                u.children
                    .iter()
                    .filter(|c| c.kind == UnitKind::Section)
                    .count() as u64
            })
            .collect()
    }
    let counts = sections(&org);
    let total: u64 = counts.iter().sum();
    // The source's 92 units from 287 sections, as the same share of the sections here.
    let own = municipal_scope().before_lever(p, "merge_sections")?;
    let target = same_share(q.division_units_after, sections(&own).iter().sum(), total);
    let holders = counts.iter().filter(|c| **c > 0).count() as u64;
    ensure!(
        target <= total,
        Msg::ErrTianjin17,
        vec![Arg::plain(target), Arg::plain(total)]
    )?;
    ensure!(
        target >= holders,
        Msg::ErrTianjin18,
        vec![Arg::plain(target), Arg::plain(holders)]
    )?;
    let extra: Vec<u64> = counts.iter().map(|c| c.saturating_sub(1)).collect();
    let more = apportion(target - holders, &extra);
    let mut no = 0usize;
    for ((au, c), m) in org.children.iter_mut().zip(&counts).zip(more) {
        let parts = if *c > 0 { (1 + m) as usize } else { 0 };
        let (old, rest): (Vec<Unit>, Vec<Unit>) =
            au.children.take_split(|u| u.kind == UnitKind::Section);
        let mut kids: Vec<Unit> = runs(old, parts)
            .into_iter()
            .map(|group| {
                no += 1;
                let staff = group
                    .iter()
                    .fold(Staff::default(), |a, u| a + u.staff_total());
                unit(
                    id!["dv", no],
                    Name::numbered(DIVISION_UNIT, no),
                    DIVISION_UNIT,
                    UnitKind::Section,
                )
                .with_staff(staff)
                .with_ranks(&[DEPUTY_DIVISION_HEAD, OFFICER])
                .placeholder()
                .formed_from(&group)
            })
            .collect();
        kids.extend(rest);
        au.children = kids.into();
    }
    Ok(org)
}

/// A reported effect the model does not compute, quoted from this case's document.
pub(super) const fn effect_q(
    label: Text,
    unit: Text,
    before: Option<f64>,
    after: f64,
    how: [Option<Match>; 2],
    quote: &'static str,
) -> Reported {
    kit::effect(label, unit, before, after, how, Source::seed(DOC, quote))
}

typed_params! {
    /// The parameters `traffic_baseline` reads.
    struct TrafficBaselineParams {
        traffic_brigades: u64,
        traffic_brigade_staff: u64,
        traffic_brigade_command: u64,
        traffic_bureau_staff: u64,
    }
}

/// The traffic management bureau with its urban traffic brigades (section-level units of the
/// traffic branch), each with its leaders and admin as headquarters posts and the rest frontline.
pub(super) fn traffic_baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = TrafficBaselineParams::read(p);
    ensure!(
        q.traffic_brigade_command <= q.traffic_brigade_staff,
        Msg::ErrTianjin19,
        vec![
            Arg::plain(q.traffic_brigade_command),
            Arg::plain(q.traffic_brigade_staff)
        ]
    )?;
    let staff = Staff::new(
        to_u32(q.traffic_brigade_command),
        to_u32(q.traffic_brigade_staff - q.traffic_brigade_command),
    );
    let brigades = (0..q.traffic_brigades as usize)
        .map(|i| {
            unit(
                id!["tb", i + 1],
                Name::numbered(TRAFFIC_BRIGADE, i + 1),
                TRAFFIC_BRIGADE,
                UnitKind::Section,
            )
            .with_staff(staff)
            .with_branch(Branch::Traffic)
            .with_ranks(&BRIGADE_BEFORE_RANKS)
            .placeholder()
        })
        .collect();
    Ok(unit(
        "traffic",
        Name::of(TRAFFIC_BUREAU),
        TRAFFIC_BUREAU_ROLE,
        UnitKind::InternalUnit,
    )
    .with_staff(Staff::new(to_u32(q.traffic_bureau_staff), 0))
    .with_ranks(&TRAFFIC_BUREAU_RANKS)
    .with_children(brigades))
}

typed_params! {
    /// The parameters `lever_traffic_police_areas` reads.
    struct TrafficAreasParams {
        police_areas: u64,
    }
}

/// 警區警長責任制: "將20個交警大隊劃分為66個警區,警區與派出所管理對應". The traffic brigades directly
/// under the top unit that have frontline officers and no areas yet share the areas evenly (in
/// order); each brigade's frontline officers are shared evenly among its areas, each led by a
/// sergeant. The brigades remain with their leaders and admin; the total is unchanged.
pub(super) fn lever_traffic_police_areas(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let areas = TrafficAreasParams::read(p).police_areas;
    let divides = |u: &Unit| {
        u.kind == UnitKind::Section
            && u.branch == Some(Branch::Traffic)
            && u.staff.frontline > 0
            && u.children.is_empty()
    };
    let n = org.children.iter().filter(|u| divides(u)).count();
    if n == 0 {
        return Ok(org);
    }
    let mut number = 0usize;
    for (b, k) in org
        .children
        .iter_mut()
        .filter(|u| divides(u))
        .zip(split_evenly(areas, n))
    {
        if k == 0 {
            continue;
        }
        let front = u64::from(b.staff.frontline);
        ensure!(
            front >= k,
            Msg::ErrTianjin20,
            vec![Arg::plain(k), Arg::name(&b.name), Arg::plain(front)]
        )?;
        let bid = b.id.clone();
        let kids: Vec<Unit> = split_evenly(front, k as usize)
            .into_iter()
            .map(|f| {
                number += 1;
                unit(
                    id![bid, "/area", number],
                    Name::numbered(POLICE_AREA, number),
                    POLICE_AREA,
                    UnitKind::PoliceArea,
                )
                .with_staff(Staff::new(0, to_u32(f)))
                .with_branch(Branch::Traffic)
                .with_ranks(&AREA_RANKS)
                .placeholder()
            })
            .collect();
        b.staff.frontline = 0;
        b.ranks = &BRIGADE_AFTER_RANKS;
        b.children = kids.into();
    }
    Ok(org)
}
