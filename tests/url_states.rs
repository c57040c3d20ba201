//! Property test of the URL format: random valid states of every case and variant (parameters
//! within their ranges, row edits, steps, languages, view options) encode to a link that
//! decodes to the same state with no notice, and the decoded parameters are the same values.
//! And the scenario file format: the same states through `to_json` / `from_json`.

mod common;

use common::{random_params, Rng};
use reform_explorer::analysis::compare::CITY_SPECS;
use reform_explorer::i18n::Lang;
use reform_explorer::layout::diagram::Orient;
use reform_explorer::model::cases::CaseId;
use reform_explorer::model::compose::Scope;
use reform_explorer::state::scenario::{from_json, to_json, Saved};
use reform_explorer::state::url::{decode, encode, Part, Parts, Present, Theme, UrlState, View};

const PER_VARIANT: usize = 600;

#[test]
fn random_valid_states_round_trip_through_links_and_files() {
    let mut rng = Rng::new(20261202);
    let mut tried = 0;
    for c in CaseId::ALL {
        for v in c.variants() {
            for _ in 0..PER_VARIANT {
                let mut p = random_params(v, &mut rng);
                // Row edits where the variant has a table.
                for _ in 0..rng.range(0, 3) {
                    if let Some(spec) = v
                        .row_specs
                        .get(rng.range(0, 9) as usize % v.row_specs.len().max(1))
                    {
                        let row = rng.range(1, 16) as usize;
                        let steps = ((spec.max - spec.min) / spec.step).floor() as u64;
                        let value = spec.min + rng.range(0, steps.min(50)) as f64 * spec.step;
                        assert!(p.set_edit(row, spec, &spec.format(value)).is_ok());
                    }
                }
                let levers = v.levers.len();
                let step = rng.range(0, levers as u64) as usize;
                let embed = rng.unit() < 0.1;
                let state = UrlState {
                    case: c,
                    variant: v.key.to_string(),
                    lang: Lang::ALL[rng.range(0, 2) as usize],
                    group: rng.unit() < 0.5,
                    orient: if rng.unit() < 0.5 {
                        Orient::TopDown
                    } else {
                        Orient::LeftRight
                    },
                    theme: Theme::ALL[rng.range(0, 3) as usize],
                    params: p
                        .changed()
                        .into_iter()
                        .map(|(k, s)| (k.to_string(), s))
                        .collect(),
                    step: (step < levers).then_some(step),
                    edits: p
                        .edits()
                        .iter()
                        .map(|(r, f, x)| {
                            (*r, f.to_string(), reform_explorer::i18n::plain_number(*x))
                        })
                        .collect(),
                    embed,
                    show: if embed {
                        let parts: Vec<Part> =
                            Part::ALL.into_iter().filter(|_| rng.unit() < 0.5).collect();
                        Parts::of(&parts)
                    } else {
                        Parts::default()
                    },
                    present: Present::ALL[rng.range(0, 2) as usize],
                    view: if rng.unit() < 0.2 {
                        View::Compare
                    } else {
                        View::Case
                    },
                    recipe: None,
                    four: if rng.unit() < 0.2 {
                        let all = Scope::all();
                        Some(all[rng.range(0, all.len() as u64 - 1) as usize])
                            .filter(|s| s.key() != "org.typical_city")
                    } else {
                        None
                    },
                    city: CITY_SPECS
                        .iter()
                        .filter_map(|spec| {
                            let steps = ((spec.max - spec.min) / spec.step).floor() as u64;
                            let value = spec.min + rng.range(0, steps.min(500)) as f64 * spec.step;
                            (rng.unit() < 0.3).then(|| (spec.key.to_string(), spec.format(value)))
                        })
                        .collect(),
                };
                let link = encode(&state);
                let (back, notices) = decode(&link);
                assert!(notices.is_empty(), "{link}: {notices:?}");
                assert_eq!(back, state, "{link}");
                // The same values, not only the same text.
                let mut q = v.defaults();
                for (k, s) in &back.params {
                    assert!(q.set_raw(k, s).is_ok());
                }
                for (r, f, s) in &back.edits {
                    let spec = v.row_specs.iter().find(|x| x.key == f).expect("row spec");
                    assert!(q.set_edit(*r, spec, s).is_ok());
                }
                assert_eq!(q, p, "{link}");
                // Scenario files carry the same state (not the embed flag: a file is not a frame).
                let saved = Saved {
                    name: format!("{} {}", c.key(), tried),
                    state: UrlState {
                        embed: false,
                        show: Parts::default(),
                        present: Present::Off,
                        ..state
                    },
                    organisation: None,
                };
                assert_eq!(from_json(&to_json(&saved)), Ok(saved));
                tried += 1;
            }
        }
    }
    assert_eq!(
        tried,
        PER_VARIANT
            * CaseId::ALL
                .iter()
                .map(|c| c.variants().len())
                .sum::<usize>()
    );
    println!("{tried} random valid states round-tripped through links and scenario files");
}
