//! Properties every case model must have, checked over all four cases and their variants: the
//! sources it cites exist verbatim, every lever is deterministic and keeps staff unless it says
//! otherwise, ids are unique at every step, and structure is computed, not stored.

mod common;

use std::collections::HashSet;

use reform_explorer::analysis::is_analysis_key;
use reform_explorer::model::cases::{CaseId, Variant};
use reform_explorer::model::metrics::{compute, MetricKey as K};
use reform_explorer::model::source::Source;

fn variants() -> Vec<(CaseId, &'static Variant)> {
    CaseId::ALL
        .into_iter()
        .flat_map(|c| c.variants().iter().map(move |v| (c, v)))
        .collect()
}

fn all_sources(v: &Variant) -> Vec<Source> {
    let mut out: Vec<Source> = v.specs.iter().map(|s| s.source).collect();
    out.extend(v.row_specs.iter().map(|s| s.source));
    out.extend(v.levers.iter().map(|l| l.source));
    out.extend(v.reported.iter().map(|r| r.source));
    out
}

#[test]
fn every_quote_is_in_its_document() {
    let mut checked = 0;
    for (c, v) in variants() {
        for src in all_sources(v) {
            match src {
                Source::Seed { doc, quote } => {
                    assert!(
                        c.documents().iter().any(|d| d.id == doc),
                        "{}/{}: cites {doc}, not one of the case's documents",
                        c.key(),
                        v.key
                    );
                    let Some(text) = common::seed_text(doc) else {
                        continue;
                    };
                    let missing = common::missing_pieces(&text, quote);
                    assert!(
                        missing.is_empty(),
                        "{}/{}: quote not verbatim in {doc}: {missing:?}",
                        c.key(),
                        v.key
                    );
                    checked += 1;
                }
                Source::Assumption { why } => {
                    assert!(
                        !why.zh.is_empty() && !why.en.is_empty(),
                        "{}: empty reason",
                        v.key
                    );
                }
            }
        }
    }
    assert!(
        checked > 50 || common::seed_text("000").is_none(),
        "only {checked} quotes checked"
    );
}

#[test]
fn levers_are_deterministic_keep_staff_and_ids_unique() {
    for (c, v) in variants() {
        let p = v.defaults();
        let a = v.build(&p).expect("defaults build");
        let b = v.build(&p).expect("defaults build");
        assert!(a == b, "{}/{} is not deterministic", c.key(), v.key);
        assert_eq!(a.steps.len(), v.levers.len() + 1);
        for (i, org) in a.steps.iter().enumerate() {
            let walk = org.walk();
            let ids: HashSet<&str> = walk.iter().map(|(_, u)| u.id.as_str()).collect();
            assert_eq!(
                ids.len(),
                walk.len(),
                "{}/{} step {i}: duplicate ids",
                c.key(),
                v.key
            );
            if i > 0 && v.levers[i - 1].conserves_staff {
                let flow = a.flow(i);
                assert_eq!(
                    flow.net(),
                    0,
                    "{}/{}: lever {} says it keeps staff",
                    c.key(),
                    v.key,
                    v.levers[i - 1].key
                );
            }
        }
        // The common metrics are shown for every variant.
        for k in [
            K::StaffTotal,
            K::StaffFrontline,
            K::FrontlineShare,
            K::ManagementTiers,
            K::CommandChain,
            K::InternalUnits,
            K::Layers,
            K::SpanAvg,
        ] {
            assert!(
                v.metrics.contains(&k),
                "{}/{} lacks {}",
                c.key(),
                v.key,
                k.key()
            );
        }
        // The spans-and-layers group is shown for every variant beside its own metrics, each
        // key once.
        let shown = K::shown_with(v.metrics, true);
        for k in [
            K::Layers,
            K::CommandChain,
            K::SpanAvg,
            K::SpanMax,
            K::ManagersRatio,
            K::SpanBand1,
            K::SpanBand2To3,
            K::SpanBand4To7,
            K::SpanBand8To12,
            K::SpanBand13Plus,
        ] {
            assert_eq!(
                shown.iter().filter(|x| **x == k).count(),
                1,
                "{}/{} shows {} once",
                c.key(),
                v.key,
                k.key()
            );
        }
        assert!(shown.starts_with(v.metrics), "{}/{}", c.key(), v.key);
        for org in &a.steps {
            let m = compute(org);
            // A mean over no units is NaN ("—" on the page); everything else is a number.
            for k in K::ALL {
                let x = m.get(k);
                assert!(
                    x.is_finite() || (x.is_nan() && k.may_be_undefined()),
                    "{}/{} {}",
                    c.key(),
                    v.key,
                    k.key()
                );
            }
        }
        let keys: HashSet<&str> = v.levers.iter().map(|l| l.key).collect();
        assert_eq!(
            keys.len(),
            v.levers.len(),
            "{}/{}: lever keys repeat",
            c.key(),
            v.key
        );
        assert!(!v.levers.is_empty(), "{}/{} has no levers", c.key(), v.key);
    }
}

#[test]
fn parameter_keys_are_unique_and_not_reserved() {
    const RESERVED: [&str; 6] = ["case", "variant", "lang", "group", "step", "v"];
    for (c, v) in variants() {
        let mut seen = HashSet::new();
        for s in v.specs {
            assert!(seen.insert(s.key), "{}/{}: {} twice", c.key(), v.key, s.key);
            assert!(
                !RESERVED.contains(&s.key),
                "{}: {} is reserved",
                v.key,
                s.key
            );
            assert!(!s.key.contains('.'), "{}: dots are for row edits", s.key);
        }
    }
}

#[test]
fn every_spec_is_read_by_the_model() {
    // For every parameter of every variant some value in its range changes what the user sees
    // (or makes the set infeasible), so no parameter is decoration.
    for (c, v) in variants() {
        let base = v.build(&v.defaults()).expect("defaults build");
        // The analysis parameters change estimates, not the organisation: tests/analysis.rs.
        for s in v.specs.iter().filter(|s| !is_analysis_key(s.key)) {
            let changes = [0.0, 0.02, 0.1, 0.25, 0.5, 0.75, 1.0].iter().any(|f| {
                let steps = ((s.max - s.min) / s.step * f).round();
                let mut p = v.defaults();
                assert!(p.set_raw(s.key, &s.format(s.min + steps * s.step)).is_ok());
                v.build(&p).map_or(true, |sc| sc != base)
            });
            assert!(
                changes,
                "{}/{}: parameter {} changes nothing",
                c.key(),
                v.key,
                s.key
            );
        }
    }
}

/// The change marks (`Changes::of`, one pass into owned maps) classify every unit of both trees
/// exactly as `Lineage::of` does, and count them per kind, for every variant and step, at the
/// defaults and at random parameters.
#[test]
fn change_marks_agree_with_the_lineage() {
    use reform_explorer::model::lineage::{Change, Changes, Lineage};
    let mut rng = common::Rng::new(0x11e4);
    for (c, v) in variants() {
        let mut sets = vec![v.defaults()];
        sets.extend((0..20).map(|_| common::random_params(v, &mut rng)));
        for p in sets {
            let Ok(s) = v.build(&p) else { continue };
            for (i, step) in s.steps.iter().enumerate() {
                let at = format!("{}/{} step {i}", c.key(), v.key);
                let l = Lineage::of(s.before(), step);
                let ch = Changes::of(s.before(), step);
                assert_eq!(ch.before.len(), l.before.len(), "{at}");
                assert_eq!(ch.after.len(), l.after.len(), "{at}");
                for (id, c) in &l.before {
                    assert_eq!(ch.before.get(*id), Some(c), "{at}: {id}");
                }
                for (id, c) in &l.after {
                    assert_eq!(ch.after.get(*id), Some(c), "{at}: {id}");
                }
                let before: Vec<Change> = l.before.values().copied().collect();
                let after: Vec<Change> = l.after.values().copied().collect();
                let sum = |f: fn(&reform_explorer::model::lineage::KindChange) -> usize| {
                    ch.by_kind.iter().map(f).sum::<usize>()
                };
                assert_eq!(sum(|k| k.before), before.len(), "{at}");
                assert_eq!(sum(|k| k.after), after.len(), "{at}");
                // Each count per kind, summed, against the units of that change on its side.
                let counts: [(usize, &[Change], Change); 5] = [
                    (sum(|k| k.kept), &before, Change::Kept),
                    (sum(|k| k.merged), &before, Change::MergedInto),
                    (sum(|k| k.abolished), &before, Change::Abolished),
                    (sum(|k| k.formed), &after, Change::Formed),
                    (sum(|k| k.new), &after, Change::New),
                ];
                for (n, side, change) in counts {
                    let expected = side.iter().filter(|c| **c == change).count();
                    assert_eq!(n, expected, "{at}: {change:?}");
                }
            }
        }
    }
}

/// The page builds the organisation from `Params::model_input` (the planning models' values put
/// back to their defaults), so those values must not change any scenario: checked for every
/// analysis parameter of every variant at its bounds and at random values, on top of the
/// defaults and of random model parameters.
#[test]
fn analysis_values_change_no_organisation() {
    let mut rng = common::Rng::new(0xa7a1);
    for (c, v) in variants() {
        let mut bases = vec![v.defaults()];
        bases.extend((0..10).map(|_| common::random_params(v, &mut rng)));
        for base in bases {
            let model = base.model_input(is_analysis_key);
            let expected = v.build(&model);
            for s in v.specs.iter().filter(|s| is_analysis_key(s.key)) {
                for x in [s.min, s.max, s.min + (s.max - s.min) * rng.unit()] {
                    let mut p = base.clone();
                    assert!(p.set_raw(s.key, &s.format(x)).is_ok());
                    assert_eq!(p.model_input(is_analysis_key), model);
                    assert_eq!(
                        v.build(&p),
                        expected,
                        "{}/{}: {} = {x} changes the organisation",
                        c.key(),
                        v.key,
                        s.key
                    );
                }
            }
            // Model values do change the model input.
            for s in v.specs.iter().filter(|s| !is_analysis_key(s.key)) {
                let mut p = base.clone();
                let other = if p.get(s.key) == s.min { s.max } else { s.min };
                assert!(p.set_raw(s.key, &s.format(other)).is_ok());
                assert_ne!(p.model_input(is_analysis_key), model, "{}", s.key);
            }
        }
    }
}

/// The page remakes the change marks only when `lineage::shape` of a tree changes: two steps
/// with the same shape (against the same baseline shape) must get the same marks. Checked over
/// pairs of random parameter sets that differ in one value (which often leaves the shape), and
/// a structural change must change the shape.
#[test]
fn same_shape_same_change_marks() {
    use reform_explorer::model::lineage::{shape, Changes};
    let mut rng = common::Rng::new(0x5a9e);
    let mut same = 0;
    for (c, v) in variants() {
        for _ in 0..30 {
            let p = common::random_params(v, &mut rng);
            let mut q = p.clone();
            let s = &v.specs[rng.range(0, v.specs.len() as u64 - 1) as usize];
            let x = s.min + (s.max - s.min) * rng.unit();
            assert!(q.set_raw(s.key, &s.format(x)).is_ok());
            let (Ok(a), Ok(b)) = (v.build(&p), v.build(&q)) else {
                continue;
            };
            for i in 0..a.steps.len().min(b.steps.len()) {
                let ka = (shape(a.before()), shape(a.at(i)));
                let kb = (shape(b.before()), shape(b.at(i)));
                let (ca, cb) = (
                    Changes::of(a.before(), a.at(i)),
                    Changes::of(b.before(), b.at(i)),
                );
                if ka == kb {
                    same += 1;
                    assert_eq!(ca, cb, "{}/{} step {i}: {} = {x}", c.key(), v.key, s.key);
                    // The lineage list too: the same entries, names and parents' names.
                    assert_eq!(
                        lineage_texts(a.before(), a.at(i)),
                        lineage_texts(b.before(), b.at(i)),
                        "{}/{} step {i}: {} = {x}",
                        c.key(),
                        v.key,
                        s.key
                    );
                } else {
                    // Different shapes: at least the trees differ in ids, kinds, lineage or shape.
                    let ids = |u: &reform_explorer::model::org::Unit| {
                        u.walk()
                            .iter()
                            .map(|(d, u)| (*d, u.id.to_string(), u.kind, u.from.len()))
                            .collect::<Vec<_>>()
                    };
                    assert!(
                        ids(a.before()) != ids(b.before()) || ids(a.at(i)) != ids(b.at(i)),
                        "{}/{}: shapes differ for the same structure",
                        c.key(),
                        v.key
                    );
                }
            }
        }
    }
    assert!(same > 100, "too few same-shape pairs to test ({same})");
    // A structural change: one more sub-bureau in Daqing's city.
    let v = CaseId::Daqing.variant("urban").expect("daqing urban");
    let a = v.build(&v.defaults()).expect("defaults");
    let mut p = v.defaults();
    let n = p.get("sub_bureaus_before");
    assert!(p
        .set_raw("sub_bureaus_before", &format!("{}", n + 1.0))
        .is_ok());
    let b = v.build(&p).expect("one more");
    assert_ne!(shape(a.before()), shape(b.before()));
}

/// What the lineage list shows, in both languages: each formed unit's id, name and parent's
/// name, and the names of the units it was formed from.
fn lineage_texts(
    before: &reform_explorer::model::org::Unit,
    after: &reform_explorer::model::org::Unit,
) -> Vec<(String, Vec<String>)> {
    use reform_explorer::i18n::Lang;
    use reform_explorer::model::lineage::formed;
    let mut parents = std::collections::HashMap::new();
    for (_, u) in after.walk() {
        for c in u.children.iter() {
            parents.insert(c.id.to_string(), u);
        }
    }
    formed(before, after)
        .iter()
        .map(|f| {
            let mut texts = Vec::new();
            for l in [Lang::Zh, Lang::En] {
                texts.push(f.unit.name.get(l).to_string());
                if let Some(p) = parents.get(f.unit.id.as_str()) {
                    texts.push(p.name.get(l).to_string());
                }
                texts.extend(f.from.iter().map(|u| u.name.get(l).to_string()));
            }
            (f.unit.id.to_string(), texts)
        })
        .collect()
}

/// Each quote is marked with the script it is written in (`Source::quote_lang`): a quote with a
/// character only traditional writing has is `zh-Hant`, one with a character only simplified
/// writing has is `zh-Hans`, and document 003 has quotes of the first kind.
#[test]
fn every_quote_is_marked_with_its_own_script() {
    const TRADITIONAL: &str = "個們這機關單屬為與區專發變務體隊辦軍壓";
    const SIMPLIFIED: &str = "个们这机关单属为与区专发变务体队办军压";
    let mut hant = 0;
    for (c, v) in variants() {
        for src in all_sources(v) {
            let Source::Seed { quote, .. } = src else {
                continue;
            };
            let lang = src.quote_lang();
            if quote.chars().any(|ch| TRADITIONAL.contains(ch)) {
                assert_eq!(lang, Some("zh-Hant"), "{}/{}: {quote}", c.key(), v.key);
                hant += 1;
            }
            if quote.chars().any(|ch| SIMPLIFIED.contains(ch)) {
                assert_eq!(lang, Some("zh-Hans"), "{}/{}: {quote}", c.key(), v.key);
            }
        }
    }
    assert!(hant > 5, "only {hant} traditional quotes found");
}

/// In every variant at defaults, at every step, no two entries of the lineage list read alike
/// (a name that repeats is told apart by its parents), and each entry names as many old units
/// as it says formed it, unless it says how many more there are.
#[test]
fn lineage_entries_read_apart() {
    use reform_explorer::i18n::Lang;
    use reform_explorer::model::lineage::{formed, list};
    for (c, v) in variants() {
        let s = v.build(&v.defaults()).expect("defaults build");
        for step in 1..s.steps.len() {
            for l in [Lang::Zh, Lang::En] {
                let entries = list(s.before(), s.at(step), l);
                let f = formed(s.before(), s.at(step));
                assert_eq!(entries.len(), f.len());
                let mut seen = std::collections::HashSet::new();
                for ((id, (name, _, from)), f) in entries.iter().zip(&f) {
                    assert_eq!(id, f.unit.id.as_str());
                    assert!(
                        seen.insert(name.clone()),
                        "{}/{} step {step}: two entries read {name}",
                        c.key(),
                        v.key
                    );
                    // Each old unit is named, or inside a run "<text><a>–<b>".
                    let covered = |name: &str| {
                        if from.contains(name) {
                            return true;
                        }
                        let head = name.trim_end_matches(|c: char| c.is_ascii_digit());
                        let Ok(n) = name[head.len()..].parse::<u64>() else {
                            return false;
                        };
                        from.match_indices(head).any(|(i, _)| {
                            let rest = &from[i + head.len()..];
                            let a: String = rest.chars().take_while(char::is_ascii_digit).collect();
                            let Some(tail) = rest[a.len()..].strip_prefix('–') else {
                                return false;
                            };
                            let b: String = tail.chars().take_while(char::is_ascii_digit).collect();
                            matches!((a.parse::<u64>(), b.parse::<u64>()), (Ok(a), Ok(b)) if a <= n && n <= b)
                        })
                    };
                    let more = from.contains("more") || from.contains('另');
                    for u in &f.from {
                        let name = u.name.get(l);
                        assert!(
                            covered(name) || more,
                            "{}/{} step {step}: {name} is not in {from}",
                            c.key(),
                            v.key,
                        );
                    }
                }
            }
        }
    }
}
