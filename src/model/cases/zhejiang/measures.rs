//! The zhejiang case's baseline and measures (its data is in `mod.rs`).

use super::*;
use crate::model::params::typed_params;

// ---------------------------------------------------------------------------------------------
// Shared helpers.

/// A percentage parameter (one decimal).
pub(super) const fn pct_spec(
    key: &'static str,
    label: Text,
    group: Text,
    default: f64,
    source: Source,
) -> ParamSpec {
    decimal(spec(
        key,
        label,
        PCT,
        group,
        (0.0, 100.0, 0.1),
        default,
        source,
    ))
}

/// `total × pct / 100`, rounded to whole officers.
pub(super) fn share_of(total: u64, pct: f64) -> u64 {
    ((total as f64) * pct.clamp(0.0, 100.0) / 100.0).round() as u64
}

/// Headquarters posts of every unit below the root, depth first (the root's own posts — the
/// bureau's leaders — are left out).
pub(super) fn organ_below(u: &Unit, out: &mut Vec<u64>) {
    for c in &u.children {
        out.push(u64::from(c.staff.organ));
        organ_below(c, out);
    }
}

/// Takes `parts` (in the order `organ_below` lists the units) from their headquarters posts.
pub(super) fn take_organ(u: &mut Unit, parts: &mut impl Iterator<Item = u64>) {
    for c in u.children.iter_mut() {
        let t = to_u32(parts.next().unwrap_or(0));
        c.staff.organ = c.staff.organ.saturating_sub(t);
        take_organ(c, parts);
    }
}

/// Removes `moved` headquarters posts from every unit below the root, in proportion to its
/// headquarters posts; the caller adds them to the front line. Refused when an internal unit
/// would be left empty.
pub(super) fn remove_organ(org: &mut Unit, moved: u64) -> Result<(), ModelError> {
    let mut weights = Vec::new();
    organ_below(org, &mut weights);
    let pool: u64 = weights.iter().sum();
    ensure!(
        moved <= pool,
        Msg::ErrZhejiang01,
        vec![Arg::plain(moved), Arg::plain(pool)]
    )?;
    let parts = apportion(moved, &weights);
    take_organ(org, &mut parts.into_iter());
    // Every internal unit keeps at least its head.
    if let Some(empty) = org
        .children
        .iter()
        .find(|u| u.kind == UnitKind::InternalUnit && u.staff_total().total() == 0)
    {
        return Err(ModelError::new(
            Msg::ErrZhejiang02,
            vec![Arg::plain(moved), Arg::name(&empty.name)],
        ));
    }
    Ok(())
}

pub(super) fn station(n: usize, staff: u64) -> Unit {
    Unit::new(
        id!["st", n],
        Name::numbered(STATION, n),
        STATION,
        UnitKind::Station,
    )
    .with_staff(Staff::new(0, to_u32(staff)))
    .with_ranks(&STATION_RANKS)
    .placeholder()
}

pub(super) fn nanhu_unit(id: Id, name: Name, kind: UnitKind, branch: Option<Branch>) -> Unit {
    let mut u = Unit::new(id, name, INTERNAL, kind);
    u.branch = branch;
    u
}

/// A station investigation squadron (派出所刑侦中队): a team of the investigation branch led by
/// a squadron head.
pub(super) fn is_squad(u: &Unit) -> bool {
    u.kind == UnitKind::Team
        && u.branch == Some(Branch::Investigation)
        && u.ranks.first() == Some(&SQUADRON_HEAD)
}

/// An area investigation team (片区刑侦队): a team of the investigation branch with detective
/// groups under it.
pub(super) fn is_area_team(u: &Unit) -> bool {
    u.kind == UnitKind::Team
        && u.branch == Some(Branch::Investigation)
        && u.children.iter().any(|g| g.kind == UnitKind::Group)
}

/// The position, among the units directly under the top bureau, of the internal unit that
/// leads the investigation line: the first holding units that `holds` recognises.
pub(super) fn investigation_unit(org: &Unit, holds: fn(&Unit) -> bool) -> Option<usize> {
    org.children
        .iter()
        .position(|u| u.kind == UnitKind::InternalUnit && u.children.iter().any(holds))
}

pub(super) fn sub_unit(id: Id, name: Name, role: Text, kind: UnitKind, branch: Branch) -> Unit {
    Unit::new(id, name, role, kind)
        .with_branch(branch)
        .with_ranks(&SUB_RANKS)
}

typed_params! {
    /// The parameters `nanhu_baseline` reads.
    struct NanhuBaselineParams {
        internal_units_before: u64,
        organ_staff_before: u64,
        leaders: u64,
        stations: u64,
        station_staff: u64,
        squad_staff: u64,
    }
}

pub(super) fn nanhu_baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = NanhuBaselineParams::read(p);
    let units_before = q.internal_units_before;
    let organ = q.organ_staff_before;
    let leaders = q.leaders;
    let stations = q.stations as usize;
    let station_staff = q.station_staff;
    let squad_staff = q.squad_staff;
    ensure!(
        units_before >= MIN_NANHU_UNITS,
        Msg::ErrZhejiang03,
        vec![Arg::plain(MIN_NANHU_UNITS)]
    )?;
    ensure!(
        organ >= units_before,
        Msg::ErrZhejiang04,
        vec![Arg::plain(organ), Arg::plain(units_before)]
    )?;
    let unit_staff = split_evenly(organ, units_before as usize);
    let mut children: Vec<Unit> = Vec::with_capacity(units_before as usize + stations);
    for (j, s) in unit_staff.iter().enumerate() {
        let staff = Staff::new(to_u32(*s), 0);
        let unit = match NAMED_OLD.get(j) {
            Some((key, name, branch, _)) => nanhu_unit(
                id!["o/", key],
                Name::of(*name),
                UnitKind::InternalUnit,
                *branch,
            ),
            None => {
                let n = j + 1 - NAMED_OLD.len();
                nanhu_unit(
                    id!["o/u", n],
                    Name::numbered(INTERNAL, n),
                    UnitKind::InternalUnit,
                    None,
                )
                .placeholder()
            }
        };
        children.push(unit.with_staff(staff).with_ranks(&UNIT_RANKS));
    }
    // The station squadrons under the criminal investigation brigade: their line of command.
    let squads: Vec<Unit> = (1..=stations)
        .map(|s| {
            sub_unit(
                id!["sq", s],
                Name::new(
                    format!("派出所{s}{}", SQUAD.zh),
                    format!("Station {s} {}", SQUAD.en.to_lowercase()),
                ),
                SQUAD,
                UnitKind::Team,
                Branch::Investigation,
            )
            .with_staff(Staff::new(0, to_u32(squad_staff)))
            .with_ranks(&[SQUADRON_HEAD])
            .placeholder()
        })
        .collect();
    if let Some(brigade) = children.iter_mut().find(|u| u.id == "o/criminal_brigade") {
        brigade.children = squads.into();
    }
    children.extend((1..=stations).map(|s| station(s, station_staff)));
    Ok(
        Unit::new("nanhu", Name::of(NANHU), SUB_BUREAU, UnitKind::SubBureau)
            .with_staff(Staff::new(to_u32(leaders), 0))
            .with_ranks(&LEADER_RANKS)
            .with_children(children),
    )
}

/// Splits `pool` among a unit's own posts and its `n` sub-units (own posts first).
pub(super) fn posts(pool: u64, n: usize, name: &Text) -> Result<Vec<u64>, ModelError> {
    ensure!(
        pool > n as u64,
        Msg::ErrZhejiang05,
        vec![
            Arg::plain(name.zh),
            Arg::plain(pool),
            Arg::plain(n + 1),
            Arg::plain(name.en),
            Arg::plain(n)
        ]
    )?;
    Ok(split_evenly(pool, n + 1))
}

/// [`posts`] of a unit with `organ` headquarters and `front` frontline posts: the headquarters
/// posts fill the parts in order, the frontline posts the rest (Nanhu's units have only the
/// first; another organisation's branch detachments, the second).
fn staffed_posts(organ: u64, front: u64, n: usize, name: &Text) -> Result<Vec<Staff>, ModelError> {
    let mut left = organ;
    Ok(posts(organ + front, n, name)?
        .into_iter()
        .map(|s| {
            let o = left.min(s);
            left -= o;
            Staff::new(to_u32(o), to_u32(s - o))
        })
        .collect())
}

typed_params! {
    /// The parameters `lever_nanhu_merge` reads.
    struct NanhuMergeParams {
        specialised_teams: u64,
    }
}

/// The new unit an internal unit of another organisation merges into by its branch: the
/// department of that police type among the nine (a modelling rule: the source names only
/// Nanhu's old units; the community and economic-protection work of public order goes with
/// it). Intelligence, counter-terrorism and a station's case handling have no department of
/// their own there, and go with the untraced units.
fn new_unit_of_branch(b: Branch) -> Option<&'static str> {
    match b {
        Branch::Supervision => Some("supervision"),
        Branch::Command => Some("command"),
        Branch::Support => Some("logistics"),
        Branch::Investigation => Some("cid"),
        Branch::Patrol | Branch::Community | Branch::EconomicProtection => Some("public_order"),
        Branch::Traffic => Some("traffic"),
        Branch::DomesticSecurity => Some("domestic_security"),
        Branch::Intelligence | Branch::CounterTerrorism | Branch::CaseHandling => None,
    }
}

/// 32 → 9: every old internal unit goes into one new unit; the new unit's headquarters staff
/// are those of its old units.
pub(super) fn lever_nanhu_merge(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = NanhuMergeParams::read(p);
    let teams = q.specialised_teams as usize;
    let (old, rest): (Vec<Unit>, Vec<Unit>) = org
        .children
        .take_split(|u| u.kind == UnitKind::InternalUnit);
    let mut parts: Vec<(&str, Vec<Unit>)> =
        NEW_UNITS.iter().map(|(k, _, _)| (*k, Vec::new())).collect();
    // Each old unit goes where the source puts it (Nanhu's named units), else, on another
    // organisation, into the new unit of its branch (大警种: the units of one police type
    // merge); the rest in order over the units the source does not trace.
    let mut untraced = Vec::new();
    for u in old {
        let named = NAMED_OLD
            .iter()
            .find(|(key, ..)| u.id.strip_prefix("o/") == Some(*key))
            .map(|(.., t)| *t);
        let target = named.or_else(|| u.branch.and_then(new_unit_of_branch));
        match parts.iter_mut().find(|(k, _)| Some(*k) == target) {
            Some(slot) => slot.1.push(u),
            None => untraced.push(u),
        }
    }
    for (key, group) in UNTRACED_NEW.iter().zip(runs(untraced, UNTRACED_NEW.len())) {
        if let Some(slot) = parts.iter_mut().find(|(k, _)| k == key) {
            slot.1.extend(group);
        }
    }
    let mut children = Vec::with_capacity(NEW_UNITS.len() + rest.len());
    for ((key, name, branch), (_, mut from)) in NEW_UNITS.iter().zip(parts) {
        // A department no old unit goes into is not made: another organisation without a
        // detention centre gets none (Nanhu's own always has one of each: MIN_NANHU_UNITS).
        if from.is_empty() {
            continue;
        }
        // The units under the old ones go with them (Nanhu's: the station squadrons under
        // its criminal investigation brigade); the posts pooled are the old units' own.
        let mut carried = Vec::new();
        for u in from.iter_mut() {
            carried.append(&mut u.children);
        }
        let pool: u64 = from.iter().map(|u| u64::from(u.staff_total().organ)).sum();
        // Frontline posts of the old units themselves: another organisation's branch
        // detachments (Nanhu's internal units have none).
        let front: u64 = from
            .iter()
            .map(|u| u64::from(u.staff_total().frontline))
            .sum();
        // "每一个大警种,由一名分局领导统筹指挥": a law-enforcement department's head is the
        // sub-bureau leader who commands it, a rank the sub-bureau already counts; the other
        // departments keep a head of their own.
        let ranks: &'static [Rank] = if LEADER_LED.contains(key) {
            &[]
        } else {
            &UNIT_RANKS
        };
        let mut unit = nanhu_unit(
            Id::from(*key),
            Name::of(*name),
            UnitKind::InternalUnit,
            *branch,
        )
        .with_ranks(ranks)
        .formed_from(&from);
        match *key {
            "supervision" => {
                let s = staffed_posts(pool, front, SUPERVISION_PARTS.len(), name)?;
                unit.staff = s[0];
                unit.children = SUPERVISION_PARTS
                    .iter()
                    .zip(&s[1..])
                    .map(|((k, n, kind), s)| {
                        sub_unit(
                            id!["supervision/", k],
                            Name::of(*n),
                            *n,
                            *kind,
                            Branch::Supervision,
                        )
                        .with_staff(*s)
                    })
                    .collect();
            }
            "cid" => {
                let s = staffed_posts(pool, front, CID_OFFICES.len() + teams, name)?;
                unit.staff = s[0];
                let kids: Vec<Unit> = CID_OFFICES
                    .iter()
                    .map(|(k, n)| (id!["cid/", k], Name::of(*n), *n, UnitKind::Office, false))
                    .chain((1..=teams).map(|t| {
                        (
                            id!["cid/t", t],
                            Name::numbered(SPECIALISED_TEAM, t),
                            SPECIALISED_TEAM,
                            UnitKind::Team,
                            true,
                        )
                    }))
                    .zip(&s[1..])
                    .map(|((id, n, role, kind, ph), s)| {
                        let u = sub_unit(id, n, role, kind, Branch::Investigation).with_staff(*s);
                        if ph {
                            u.placeholder()
                        } else {
                            u
                        }
                    })
                    .collect();
                unit.children = kids.into();
            }
            _ => {
                ensure!(
                    pool + front > 0,
                    Msg::ErrZhejiang06,
                    vec![Arg::plain(name.zh), Arg::plain(name.en)]
                )?;
                unit.staff = Staff::new(to_u32(pool), to_u32(front));
            }
        }
        // After the department's own parts (the investigation bureau's offices and teams).
        unit.children.append(&mut carried);
        children.push(unit);
    }
    children.extend(rest);
    org.children = children.into();
    Ok(org)
}

/// 第一步: community police rooms under the stations, each with its dedicated officer taken from
/// the station's own staff.
/// The scope (Nanhu or Pujiang) whose measures these are.
fn scope(key: &str) -> &'static Variant {
    Variant::find(VARIANTS, key)
}

/// The frontline posts of each station (its own, not its units'), wherever it sits in the
/// organisation, in the order `try_each_below` visits them.
fn station_frontline(org: &Unit) -> Vec<u64> {
    org.find_below(&|u: &Unit| u.kind.is_station())
        .into_iter()
        .map(|u| u64::from(u.staff.frontline))
        .collect()
}

/// Headquarters posts below the top bureau's own (what `remove_organ` takes from).
fn organ_pool(org: &Unit) -> u64 {
    let mut weights = Vec::new();
    organ_below(org, &mut weights);
    weights.iter().sum()
}

/// `moved` headquarters posts of the measure's own organisation (`key` of scope `scope_key`),
/// as the same share of the headquarters posts of `org`.
fn moved_here(
    p: &Params,
    scope_key: &str,
    key: &str,
    org: &Unit,
    moved: u64,
) -> Result<u64, ModelError> {
    let own = scope(scope_key).before_lever(p, key)?;
    Ok(same_share(moved, organ_pool(&own), organ_pool(org)))
}

typed_params! {
    /// The parameters `lever_community_rooms` reads.
    struct CommunityRoomsParams {
        community_rooms: u64,
        community_officers: u64,
    }
}

pub(super) fn lever_community_rooms(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = CommunityRoomsParams::read(p);
    // The source's rooms and officers, as the same share of the stations' frontline here, each
    // station's rooms in proportion to its frontline.
    let own: u64 = station_frontline(&scope("nanhu").before_lever(p, "community_rooms")?)
        .iter()
        .sum();
    let weights = station_frontline(&org);
    let here: u64 = weights.iter().sum();
    let rooms = same_share(q.community_rooms, own, here);
    let officers = same_share(q.community_officers, own, here);
    ensure!(
        officers >= rooms,
        Msg::ErrZhejiang07,
        vec![Arg::plain(officers), Arg::plain(rooms)]
    )?;
    ensure!(
        rooms > 0 || officers == 0,
        Msg::ErrZhejiang08,
        vec![Arg::plain(officers)]
    )?;
    // The stations, wherever they sit in the organisation.
    let is_station = |u: &Unit| u.kind.is_station();
    let stations = org.count_below(&is_station);
    ensure!(
        rooms == 0 || stations > 0,
        Msg::ErrZhejiang09,
        vec![Arg::plain(rooms)]
    )?;
    let per_room = split_evenly(officers, rooms as usize);
    // Stations with no frontline at all: evenly (and the first one refuses below).
    let per_station = if here == 0 {
        split_evenly(rooms, weights.len())
    } else {
        apportion(rooms, &weights)
    };
    let mut room_no = 0usize;
    let mut station_no = 0usize;
    org.try_each_below(&is_station, &mut |st: &mut Unit| {
        let n = per_station.get(station_no).copied().unwrap_or(0);
        station_no += 1;
        let mut kids = Vec::with_capacity(n as usize);
        let mut taken = 0u64;
        for _ in 0..n {
            let staff = per_room.get(room_no).copied().unwrap_or(0);
            room_no += 1;
            taken += staff;
            kids.push(
                Unit::new(
                    id!["cr", room_no],
                    Name::numbered(ROOM, room_no),
                    ROOM,
                    UnitKind::CommunityRoom,
                )
                .with_staff(Staff::new(0, to_u32(staff)))
                .with_branch(Branch::Community)
                .with_ranks(&[OFFICER])
                .placeholder(),
            );
        }
        let own = u64::from(st.staff.frontline);
        ensure!(
            taken <= own,
            Msg::ErrZhejiang10,
            vec![Arg::name(&st.name), Arg::plain(own), Arg::plain(taken)]
        )?;
        st.staff.frontline = to_u32(own - taken);
        st.children.extend(kids);
        Ok(())
    })?;
    Ok(org)
}

typed_params! {
    /// The parameters `lever_three_tiers` reads.
    struct ThreeTiersParams {
        stations_per_area_team: u64,
        group_staff: u64,
        anti_gang_staff: u64,
    }
}

/// 第二步: station squadrons become detective groups under area investigation teams, each
/// team covering neighbouring stations; the anti-gang team is drawn from the squadrons too.
pub(super) fn lever_three_tiers(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = ThreeTiersParams::read(p);
    let per = (q.stations_per_area_team as usize).max(1);
    let group_staff = q.group_staff;
    let anti_gang = q.anti_gang_staff;
    // No investigation unit with station squadrons: nothing to act on (the step says so).
    let Some(cid) = investigation_unit(&org, is_squad).and_then(|i| org.children.get_mut(i)) else {
        return Ok(org);
    };
    let (squads, mut kids): (Vec<Unit>, Vec<Unit>) = cid.children.take_split(is_squad);
    let pool: u64 = squads
        .iter()
        .map(|u| u64::from(u.staff_total().total()))
        .sum();
    let need = squads.len() as u64 * group_staff + anti_gang;
    ensure!(
        pool >= need,
        Msg::ErrZhejiang12,
        vec![
            Arg::plain(pool),
            Arg::plain(squads.len()),
            Arg::plain(group_staff),
            Arg::plain(anti_gang)
        ]
    )?;
    let chunks: Vec<&[Unit]> = squads.chunks(per).collect();
    let area_staff = split_evenly(pool - need, chunks.len());
    for (k, (chunk, s)) in chunks.iter().zip(area_staff).enumerate() {
        let groups: Vec<Unit> = chunk
            .iter()
            .enumerate()
            .map(|(j, sq)| {
                // Squadrons are numbered by their station, in order.
                let n = k * per + j + 1;
                sub_unit(
                    id!["dg", n],
                    Name::new(
                        format!("派出所{n}{}", GROUP.zh),
                        format!("Station {n} {}", GROUP.en.to_lowercase()),
                    ),
                    GROUP,
                    UnitKind::Group,
                    Branch::Investigation,
                )
                .with_staff(Staff::new(0, to_u32(group_staff)))
                .with_ranks(&[SERGEANT])
                .placeholder()
                .formed_from([sq])
            })
            .collect();
        kids.push(
            sub_unit(
                id!["area", k + 1],
                Name::numbered(AREA_TEAM, k + 1),
                AREA_TEAM,
                UnitKind::Team,
                Branch::Investigation,
            )
            .with_staff(Staff::new(0, to_u32(s)))
            .placeholder()
            .formed_from(chunk.iter())
            .with_children(groups),
        );
    }
    kids.push(
        sub_unit(
            Id::from("anti_gang"),
            Name::of(ANTI_GANG),
            ANTI_GANG,
            UnitKind::Team,
            Branch::Investigation,
        )
        .with_staff(Staff::new(0, to_u32(anti_gang))),
    );
    cid.children = kids.into();
    Ok(org)
}

typed_params! {
    /// The parameters `lever_slim_organs` reads.
    struct SlimOrgansParams {
        organ_staff_before: u64,
        organ_share_moved: f64,
        moved_to_investigation: f64,
    }
}

/// 第三步: a share of the headquarters staff (leaders apart) move down, taken in proportion
/// from every unit; part join the area investigation teams, the rest the stations.
pub(super) fn lever_slim_organs(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = SlimOrgansParams::read(p);
    let moved = share_of(q.organ_staff_before, q.organ_share_moved);
    let moved = moved_here(p, "nanhu", "slim_organs", &org, moved)?;
    let to_area_share = q.moved_to_investigation;
    let cid = investigation_unit(&org, is_area_team);
    let area: Vec<usize> = cid
        .and_then(|i| org.children.get(i))
        .map(|cid| {
            cid.children
                .iter()
                .enumerate()
                .filter(|(_, u)| is_area_team(u))
                .map(|(i, _)| i)
                .collect()
        })
        .unwrap_or_default();
    // Stations take the rest, wherever they sit in the organisation.
    let is_station = |u: &Unit| u.kind.is_station();
    let stations = org.count_below(&is_station);
    ensure!(
        moved == 0 || !area.is_empty() || stations > 0,
        Msg::ErrZhejiang13,
        vec![Arg::plain(moved)]
    )?;
    remove_organ(&mut org, moved)?;
    let to_area = if area.is_empty() {
        0
    } else if stations == 0 {
        moved
    } else {
        share_of(moved, to_area_share)
    };
    if let Some(cid) = cid.and_then(|i| org.children.get_mut(i)) {
        for (i, s) in area.iter().zip(split_evenly(to_area, area.len())) {
            if let Some(t) = cid.children.get_mut(*i) {
                t.staff.frontline += to_u32(s);
            }
        }
    }
    // "一部分转岗成为社区民警": the others become community officers, taking over the community
    // rooms' posts (the station officers who staffed them return to station duty: the station
    // gains them), station by station; any beyond the rooms join the stations evenly.
    let mut left = moved - to_area;
    org.try_each_below(&is_station, &mut |st: &mut Unit| {
        let rooms: u64 = st
            .children
            .iter()
            .filter(|u| u.kind == UnitKind::CommunityRoom)
            .map(|u| u64::from(u.staff.frontline))
            .sum();
        let taken_over = rooms.min(left);
        st.staff.frontline += to_u32(taken_over);
        left -= taken_over;
        Ok::<(), ModelError>(())
    })?;
    org.add_frontline_below(&is_station, left);
    Ok(org)
}

typed_params! {
    /// The parameters `pujiang_baseline` reads.
    struct PujiangBaselineParams {
        internal_units_before: u64,
        organ_staff_before: u64,
        leaders: u64,
        stations: u64,
        station_staff: u64,
    }
}

pub(super) fn pujiang_baseline(p: &Params) -> Result<Unit, ModelError> {
    let q = PujiangBaselineParams::read(p);
    let units = q.internal_units_before;
    let organ = q.organ_staff_before;
    let leaders = q.leaders;
    let stations = q.stations as usize;
    let station_staff = q.station_staff;
    ensure!(
        organ >= units,
        Msg::ErrZhejiang14,
        vec![Arg::plain(organ), Arg::plain(units)]
    )?;
    let mut children: Vec<Unit> = split_evenly(organ, units as usize)
        .into_iter()
        .enumerate()
        .map(|(j, s)| {
            Unit::new(
                id!["o/u", j + 1],
                Name::numbered(INTERNAL, j + 1),
                INTERNAL,
                UnitKind::InternalUnit,
            )
            .with_staff(Staff::new(to_u32(s), 0))
            .with_ranks(&UNIT_RANKS)
            .placeholder()
        })
        .collect();
    children.extend((1..=stations).map(|s| station(s, station_staff)));
    Ok(Unit::new(
        "pujiang",
        Name::of(PUJIANG),
        COUNTY_BUREAU,
        UnitKind::CountyBureau,
    )
    .with_staff(Staff::new(to_u32(leaders), 0))
    .with_ranks(&LEADER_RANKS)
    .with_children(children))
}

typed_params! {
    /// The parameters `lever_pujiang_merge` reads.
    struct PujiangMergeParams {
        internal_units_before: u64,
        internal_units_after: u64,
    }
}

/// 26 → 8: neighbouring internal units merge in order.
pub(super) fn lever_pujiang_merge(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = PujiangMergeParams::read(p);
    let before = q.internal_units_before;
    let after = q.internal_units_after;
    fn internal(org: &Unit) -> u64 {
        org.children
            .iter()
            .filter(|u| u.kind == UnitKind::InternalUnit)
            .count() as u64
    }
    ensure!(
        after <= before,
        Msg::ErrZhejiang15,
        vec![Arg::plain(after), Arg::plain(before)]
    )?;
    if !org
        .children
        .iter()
        .any(|u| u.kind == UnitKind::InternalUnit)
    {
        // No internal units to merge: nothing to act on (the step says so).
        return Ok(org);
    }
    // The source's 26 into 8, as the same share of the internal units here (at least one).
    let own = internal(&scope("pujiang").before_lever(p, "merge_units")?);
    let after = same_share(after, own, internal(&org)).max(1);
    let (old, rest): (Vec<Unit>, Vec<Unit>) = org
        .children
        .take_split(|u| u.kind == UnitKind::InternalUnit);
    let mut children: Vec<Unit> = runs(old, after as usize)
        .into_iter()
        .enumerate()
        .map(|(j, from)| {
            let staff = from
                .iter()
                .fold(Staff::default(), |acc, u| acc + u.staff_total());
            Unit::new(
                id!["u", j + 1],
                Name::numbered(MERGED, j + 1),
                INTERNAL,
                UnitKind::InternalUnit,
            )
            .with_staff(staff)
            .with_ranks(&UNIT_RANKS)
            .placeholder()
            .formed_from(&from)
        })
        .collect();
    children.extend(rest);
    org.children = children.into();
    Ok(org)
}

typed_params! {
    /// The parameters `lever_pujiang_sink` reads.
    struct PujiangSinkParams {
        organ_staff_before: u64,
        organ_cut: f64,
    }
}

/// The department staff cut: taken from every internal unit in proportion, all to the stations.
pub(super) fn lever_pujiang_sink(p: &Params, mut org: Unit) -> Result<Unit, ModelError> {
    let q = PujiangSinkParams::read(p);
    let moved = share_of(q.organ_staff_before, q.organ_cut);
    let moved = moved_here(p, "pujiang", "sink_staff", &org, moved)?;
    // The stations take them, wherever they sit in the organisation.
    let is_station = |u: &Unit| u.kind.is_station();
    ensure!(
        moved == 0 || org.has_below(&is_station),
        Msg::ErrZhejiang16,
        vec![Arg::plain(moved)]
    )?;
    remove_organ(&mut org, moved)?;
    org.add_frontline_below(&is_station, moved);
    Ok(org)
}
