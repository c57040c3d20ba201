//! Edits to an own organisation (issue "Your own organisation", item 3): each edit gives the
//! tree the user asked for, keeps the rest as it was, never changes the tree it was given, and
//! refuses what would break the tree (moving a unit under itself, deleting the top unit).

mod common;

use common::Rng;
use reform_explorer::i18n::Lang;
use reform_explorer::model::edit::{apply, child_kind, count, parent_of, Edit, EditError};
use reform_explorer::model::metrics::compute;
use reform_explorer::model::org::{Staff, Unit, UnitKind};
use reform_explorer::state::organisation::{read, template, to_json};

fn city() -> Unit {
    let v = reform_explorer::model::compose::Scope::TYPICAL_CITY.variant;
    v.baseline.make(&v.defaults()).unwrap()
}

fn ids(u: &Unit) -> Vec<String> {
    let mut out = vec![u.id.to_string()];
    for c in u.children.iter() {
        out.extend(ids(c));
    }
    out
}

fn find<'a>(u: &'a Unit, id: &str) -> Option<&'a Unit> {
    if u.id.as_str() == id {
        return Some(u);
    }
    u.children.iter().find_map(|c| find(c, id))
}

/// A random edit of one of the units `all` (by id), each kind of edit about as often.
fn random_edit(rng: &mut Rng, all: &[String]) -> Edit {
    let kinds = [
        UnitKind::SubBureau,
        UnitKind::Station,
        UnitKind::Team,
        UnitKind::InternalUnit,
    ];
    let pick = |rng: &mut Rng| all[rng.range(0, all.len() as u64 - 1) as usize].clone();
    match rng.range(0, 5) {
        0 => Edit::AddChild {
            parent: pick(rng),
            kind: kinds[rng.range(0, 3) as usize],
        },
        1 => Edit::Move {
            id: pick(rng),
            parent: pick(rng),
        },
        2 => Edit::Delete {
            id: pick(rng),
            keep_units: rng.range(0, 1) == 0,
        },
        3 => Edit::Staff {
            id: pick(rng),
            staff: Staff::new(rng.range(0, 50) as u32, rng.range(0, 500) as u32),
        },
        4 => Edit::Kind {
            id: pick(rng),
            kind: kinds[rng.range(0, 3) as usize],
        },
        _ => Edit::Rename {
            id: pick(rng),
            zh: format!("单位{}", rng.range(0, 99)),
            en: String::new(),
        },
    }
}

#[test]
fn each_edit_does_what_it_says() {
    let t = city();
    let before = to_json(&t, &t.name);
    let sub = t
        .children
        .iter()
        .find(|c| c.kind == UnitKind::SubBureau)
        .unwrap();
    let station = sub
        .children
        .iter()
        .find(|c| c.kind == UnitKind::Station)
        .unwrap();
    let sid = station.id.to_string();

    let r = apply(
        &t,
        &Edit::Rename {
            id: sid.clone(),
            zh: "新名".into(),
            en: " ".into(),
        },
        100,
    )
    .unwrap();
    assert_eq!(find(&r, &sid).unwrap().name.get(Lang::En), "新名");
    assert_eq!(
        apply(
            &t,
            &Edit::Rename {
                id: sid.clone(),
                zh: " ".into(),
                en: "".into()
            },
            100
        ),
        Err(EditError::EmptyName)
    );

    let r = apply(
        &t,
        &Edit::Staff {
            id: sid.clone(),
            staff: Staff::new(9, 99),
        },
        100,
    )
    .unwrap();
    assert_eq!(
        compute(&r).get(reform_explorer::model::metrics::MetricKey::StaffTotal),
        compute(&t).get(reform_explorer::model::metrics::MetricKey::StaffTotal)
            - f64::from(station.staff.total())
            + 108.0
    );

    let r = apply(
        &t,
        &Edit::Kind {
            id: sid.clone(),
            kind: UnitKind::CentralStation,
        },
        100,
    )
    .unwrap();
    assert_eq!(find(&r, &sid).unwrap().kind, UnitKind::CentralStation);
    assert_eq!(
        find(&r, &sid).unwrap().role,
        UnitKind::CentralStation.name()
    );

    let n = count(&t);
    let r = apply(
        &t,
        &Edit::AddChild {
            parent: sid.clone(),
            kind: UnitKind::Team,
        },
        100_000,
    )
    .unwrap();
    assert_eq!(count(&r), n + 1);
    let new = find(&r, &sid).unwrap().children.iter().last().unwrap();
    assert_eq!(new.kind, UnitKind::Team);
    assert!(new.id.starts_with("new-"));
    assert_eq!(
        apply(
            &t,
            &Edit::AddChild {
                parent: sid.clone(),
                kind: UnitKind::Team
            },
            n
        ),
        Err(EditError::TooMany)
    );

    // Move a station under another sub-bureau, with what is under it.
    let other = t
        .children
        .iter()
        .filter(|c| c.kind == UnitKind::SubBureau)
        .nth(1)
        .unwrap();
    let r = apply(
        &t,
        &Edit::Move {
            id: sid.clone(),
            parent: other.id.to_string(),
        },
        100,
    )
    .unwrap();
    assert_eq!(parent_of(&r, &sid).unwrap().id, other.id);
    assert_eq!(count(&r), n);
    assert_eq!(
        compute(&r).get(reform_explorer::model::metrics::MetricKey::StaffTotal),
        compute(&t).get(reform_explorer::model::metrics::MetricKey::StaffTotal)
    );
    assert_eq!(
        apply(
            &t,
            &Edit::Move {
                id: sub.id.to_string(),
                parent: sid.clone()
            },
            100
        ),
        Err(EditError::UnderItself)
    );
    assert_eq!(
        apply(
            &t,
            &Edit::Move {
                id: t.id.to_string(),
                parent: sid.clone()
            },
            100
        ),
        Err(EditError::TopUnit)
    );

    // Delete a sub-bureau: its stations go with it, or move up in its place.
    let k = count(sub);
    let r = apply(
        &t,
        &Edit::Delete {
            id: sub.id.to_string(),
            keep_units: false,
        },
        100,
    )
    .unwrap();
    assert_eq!(count(&r), n - k);
    let r = apply(
        &t,
        &Edit::Delete {
            id: sub.id.to_string(),
            keep_units: true,
        },
        100,
    )
    .unwrap();
    assert_eq!(count(&r), n - 1);
    assert_eq!(parent_of(&r, &sid).unwrap().id, t.id);
    assert_eq!(
        apply(
            &t,
            &Edit::Delete {
                id: t.id.to_string(),
                keep_units: true
            },
            100
        ),
        Err(EditError::TopUnit)
    );
    assert_eq!(
        apply(
            &t,
            &Edit::Delete {
                id: "nope".into(),
                keep_units: true
            },
            100
        ),
        Err(EditError::NoSuchUnit)
    );

    // The tree given is never changed.
    assert_eq!(to_json(&t, &t.name), before);
}

/// An edit of staff that would take the whole organisation past `MAX_TOTAL_STAFF` is refused
/// (the limit a file is read with), and the message says the same number.
#[test]
fn staff_past_the_organisations_limit_is_refused() {
    use reform_explorer::model::org::MAX_TOTAL_STAFF;
    let t = read(&template(false)).unwrap().tree;
    let others = u64::from(t.staff_total().total()) - u64::from(t.staff.total());
    let room = (MAX_TOTAL_STAFF - others) as u32;
    let at = |organ: u32| Edit::Staff {
        id: t.id.to_string(),
        staff: Staff::new(organ, 0),
    };
    let fits = apply(&t, &at(room), 400).expect("up to the limit");
    assert_eq!(u64::from(fits.staff_total().total()), MAX_TOTAL_STAFF);
    assert_eq!(apply(&t, &at(room + 1), 400), Err(EditError::TooManyStaff));
    let said = reform_explorer::i18n::tr(Lang::En, reform_explorer::i18n::Msg::EditTooManyStaff);
    assert!(said.contains(&reform_explorer::i18n::format_number(
        MAX_TOTAL_STAFF as f64,
        0
    )));
}

#[test]
fn random_edits_keep_a_tree_that_writes_and_reads_back() {
    let mut rng = Rng::new(42);
    let start = read(&template(false)).unwrap().tree;
    let mut t = start;
    for _ in 0..3_000 {
        let e = random_edit(&mut rng, &ids(&t));
        if let Ok(next) = apply(&t, &e, 400) {
            // Ids stay unique, and the tree writes and reads back the same.
            let mut seen = ids(&next);
            let n = seen.len();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), n, "{e:?}");
            let text = to_json(&next, &next.name);
            let back = read(&text).unwrap_or_else(|p| panic!("{e:?}: {p:?}"));
            assert_eq!(to_json(&back.tree, &back.name), text);
            t = next;
        }
    }
    assert!(count(&t) > 2);
}

/// The file the page writes for each edited tree (`organisation::file`, made from the one
/// written before it) is exactly `to_json`'s, and its hash is the key's: so an edited
/// organisation keeps the key links and saved scenarios name it by. Undo (an older tree),
/// another organisation between two edits and a renamed organisation are written right too.
#[test]
fn the_file_of_an_edited_tree_is_to_json_and_hashes_to_its_key() {
    use reform_explorer::i18n::Name;
    use reform_explorer::model::own::{content_hash, key_of, key_of_hash};
    use reform_explorer::state::organisation::file;
    let check = |t: &Unit, name: &Name, what: &str| {
        let f = file(t, name);
        let json = to_json(t, name);
        assert!(*f.text == *json, "{what}: the text differs");
        assert_eq!(f.hash, content_hash(&json), "{what}: the hash");
        assert_eq!(key_of_hash(f.hash), key_of(&json));
    };
    let other = read(&template(true)).unwrap();
    let mut name = Name::new("城市", "City");
    let mut rng = Rng::new(7);
    let mut t = city();
    let mut history = vec![t.clone()];
    check(&t, &name, "the city");
    for i in 0..400 {
        // Names with what JSON escapes, too.
        let e = match random_edit(&mut rng, &ids(&t)) {
            Edit::Rename { id, zh, en } => Edit::Rename {
                id,
                zh: format!("\"{zh}\n\\ 名"),
                en,
            },
            e => e,
        };
        let Ok(next) = apply(&t, &e, 20_000) else {
            continue;
        };
        check(&next, &name, &format!("edit {i}: {e:?}"));
        match rng.range(0, 19) {
            0 => {
                // Undo: a tree from before.
                let back = &history[rng.range(0, history.len() as u64 - 1) as usize];
                check(back, &name, &format!("undo after edit {i}"));
            }
            1 => check(&other.tree, &other.name, "another organisation"),
            2 => name = Name::new(format!("城市 {i}"), format!("City {i}")),
            _ => {}
        }
        history.push(next.clone());
        t = next;
    }
}

#[test]
fn a_new_unit_takes_the_kind_its_siblings_have() {
    let t = city();
    let most = |u: &Unit| {
        let mut best = (0, None);
        for c in u.children.iter() {
            let n = u.children.iter().filter(|x| x.kind == c.kind).count();
            if n > best.0 {
                best = (n, Some(c.kind));
            }
        }
        best.1.unwrap()
    };
    assert_eq!(child_kind(&t), most(&t));
    let sub = t
        .children
        .iter()
        .find(|c| c.kind == UnitKind::SubBureau)
        .unwrap();
    assert_eq!(child_kind(sub), most(sub));
    let leaf = Unit::new(
        "x",
        reform_explorer::i18n::Name::new("x", "x"),
        UnitKind::CountyBureau.name(),
        UnitKind::CountyBureau,
    );
    assert_eq!(child_kind(&leaf), UnitKind::Station);
}
