//! Facts a trainee expects that the model does not build (issue 19): what the sources report in
//! words (`CaseId::facts`), the people measures reported as figures the model does not compute,
//! and document 001's related models. Every quote is verbatim in its document and in its own
//! script; notes no longer say a measure "changes no structure" where the source describes one.

mod common;

use std::collections::HashSet;

use reform_explorer::model::cases::related::{DOC as RELATED_DOC, RELATED};
use reform_explorer::model::cases::{CaseId, Match, Reported};
use reform_explorer::model::source::Source;

fn quote_of(s: Source) -> (&'static str, &'static str) {
    match s {
        Source::Seed { doc, quote } => (doc, quote),
        Source::Assumption { .. } => panic!("a fact or related model must quote its source"),
    }
}

fn assert_verbatim(doc: &str, quote: &str, at: &str) {
    if let Some(text) = common::seed_text(doc) {
        let missing = common::missing_pieces(&text, quote);
        assert!(
            missing.is_empty(),
            "{at}: not verbatim in {doc}: {missing:?}"
        );
    }
}

#[test]
fn every_fact_quotes_its_case_verbatim_in_its_own_script() {
    let mut n = 0;
    for c in CaseId::ALL {
        let mut keys = HashSet::new();
        for f in c.facts() {
            let at = format!("{} {}", c.key(), f.key);
            assert!(keys.insert(f.key), "{at}: key twice");
            assert!(!f.text.zh.is_empty() && !f.text.en.is_empty(), "{at}");
            for s in f.scopes {
                assert!(c.variant(s).is_some(), "{at}: no scope {s}");
            }
            let (doc, quote) = quote_of(f.source);
            assert!(
                c.documents().iter().any(|d| d.id == doc),
                "{at}: cites {doc}, not one of the case's documents"
            );
            assert_verbatim(doc, quote, &at);
            let script = if doc == "003" { "zh-Hant" } else { "zh-Hans" };
            assert_eq!(f.source.quote_lang(), Some(script), "{at}");
            n += 1;
        }
    }
    // 15 until Daqing's vertical management and 大情报/大国保 and Tianjin's police areas became
    // measures (issue 19).
    assert!(n >= 12, "{n} facts");
}

#[test]
fn facts_are_shown_with_their_scopes_and_only_with_the_cases_own() {
    let z = CaseId::Zhejiang;
    let keys = |v: &str| -> Vec<&str> {
        z.facts_of(z.variant(v).expect("scope"))
            .iter()
            .map(|f| f.key)
            .collect()
    };
    let nanhu = keys("nanhu");
    let pujiang = keys("pujiang");
    for k in [
        "middle_posts_kept",
        "star_ratings",
        "competition_rotation",
        "promotions_from_grassroots",
    ] {
        assert!(nanhu.contains(&k), "nanhu lacks {k}");
        assert!(!pujiang.contains(&k), "pujiang shows Nanhu's {k}");
    }
    // The provincial department's merges belong to the whole case.
    assert!(nanhu.contains(&"provincial_merges") && pujiang.contains(&"provincial_merges"));
    // An organisation that is no case's own scope shows none.
    let typical = &reform_explorer::model::typical_city::VARIANT;
    for c in CaseId::ALL {
        assert!(c.facts_of(typical).is_empty(), "{}", c.key());
    }
}

#[test]
fn zhejiang_names_the_provincial_merges() {
    let f = CaseId::Zhejiang
        .facts()
        .iter()
        .find(|f| f.key == "provincial_merges")
        .expect("provincial merges");
    let (_, quote) = quote_of(f.source);
    for body in [
        "治安总队",
        "人口服务管理总队",
        "治安监督管理总队",
        "高速交警总队",
        "交通管理局",
    ] {
        assert!(quote.contains(body), "{body}");
    }
}

/// Nanhu's people measures are reported figures the model only quotes: each with its number
/// in its quote, none fed into or computed by the model.
#[test]
fn nanhu_people_measures_are_reported_not_computed() {
    let v = CaseId::Zhejiang.variant("nanhu").expect("nanhu");
    let quoted: Vec<&Reported> = v
        .reported
        .iter()
        .filter(|r| r.how[1] == Some(Match::Quoted))
        .collect();
    let find = |value: f64, words: &str| {
        quoted
            .iter()
            .find(|r| r.after == Some(value) && quote_of(r.source).1.contains(words))
            .unwrap_or_else(|| panic!("no quoted figure {value} from “{words}”"))
    };
    for (value, words) in [
        (3.0, "3名五星级"),
        (7.0, "7名四星级"),
        (15.0, "15名三星级"),
        (15.0, "15名中层干部落聘"),
        (20.6, "流动率达20.6%"),
        (112.0, "112人"),
        (78.0, "78%"),
    ] {
        let r = find(value, words);
        assert_eq!(r.metric, None);
        assert_eq!(r.before, None, "{words}");
    }
    // "中层职数不减、职级不降" has no number: it is a fact, quoted.
    let kept = CaseId::Zhejiang
        .facts()
        .iter()
        .find(|f| f.key == "middle_posts_kept")
        .expect("middle posts");
    assert!(quote_of(kept.source).1.contains("中层职数不减、职级不降"));
    // The note no longer calls them simply unmodelled without pointing to them.
    assert!(v
        .notes
        .iter()
        .any(|n| n.en.contains("Facts the sources report")));
}

#[test]
fn related_models_of_document_001_are_quoted_verbatim() {
    assert_eq!(RELATED_DOC, "001");
    let keys: Vec<&str> = RELATED.iter().map(|m| m.key).collect();
    assert_eq!(
        keys,
        ["one_officer_one_area", "three_teams_one_group", "kunming"]
    );
    // The four modes of 一警一区, by the source's own names.
    let modes: Vec<&str> = RELATED[0].parts.iter().map(|p| p.name.zh).collect();
    assert_eq!(
        modes,
        [
            "警长负责制",
            "搭档联勤制",
            "特业场所管理专勤制",
            "一区一警勤务制"
        ]
    );
    let text = common::seed_text("001");
    let mut n = 0;
    for m in RELATED {
        assert!(!m.sources.is_empty(), "{}", m.key);
        let quotes = m
            .sources
            .iter()
            .copied()
            .chain(m.parts.iter().map(|p| p.source));
        for s in quotes {
            let (doc, quote) = quote_of(s);
            assert_eq!(doc, "001", "{}", m.key);
            assert_eq!(s.quote_lang(), Some("zh-Hans"));
            assert_verbatim(doc, quote, m.key);
            n += 1;
        }
        for p in m.parts {
            if let Some(t) = &text {
                assert!(t.contains(p.name.zh), "{}: {} not in 001", m.key, p.name.zh);
            }
        }
    }
    assert!(n >= 13, "{n} quotes");
    // Each names what it is, in the source's words.
    let all: String = RELATED
        .iter()
        .flat_map(|m| m.sources.iter().map(|s| quote_of(*s).1))
        .collect();
    for term in ["一警一区", "责任区", "云南", "一级接警、两级处警", "昆明"] {
        assert!(all.contains(term), "{term}");
    }
}

#[test]
fn no_note_says_a_measure_the_source_describes_changes_no_structure() {
    for c in CaseId::ALL {
        for v in c.variants() {
            for n in v.notes {
                assert!(
                    !n.en.contains("changes no structure") && !n.zh.contains("不改变结构"),
                    "{}/{}: {}",
                    c.key(),
                    v.key,
                    n.en
                );
            }
        }
    }
    // Daqing's vertical management is modelled: a measure, quoted, that changes the reporting
    // line; document 001's corroboration stays among the facts.
    let vm = CaseId::Daqing
        .variant("urban")
        .unwrap()
        .levers
        .iter()
        .find(|l| l.key == "vertical_management")
        .expect("vertical management");
    assert!(quote_of(vm.source).1.contains("直接管理"));
    assert!(!CaseId::Daqing
        .facts()
        .iter()
        .any(|f| f.key == "vertical_management"));
    assert!(CaseId::Daqing
        .facts()
        .iter()
        .any(|f| f.key == "vertical_management_001"));
    // The municipal bureau's merges are modelled (the municipal scope's two measures); the
    // detachments that stay to guide are quoted.
    assert!(!CaseId::Daqing
        .facts()
        .iter()
        .any(|f| f.key == "big_intelligence_security"));
    let hq = CaseId::Daqing
        .variant("municipal")
        .expect("municipal scope");
    for k in ["big_intelligence", "big_domestic_security"] {
        let l = hq.levers.iter().find(|l| l.key == k).expect(k);
        assert!(quote_of(l.source).1.contains("大国保"), "{k}");
    }
    assert!(CaseId::Daqing
        .facts()
        .iter()
        .any(|f| f.key == "detachments_guide"));
    // Tianjin's bodies in the last two focuses are quoted, in traditional characters.
    for k in ["emergency_force", "cooperation_corps", "discipline_bodies"] {
        let f = CaseId::Tianjin
            .facts()
            .iter()
            .find(|f| f.key == k)
            .unwrap_or_else(|| panic!("{k}"));
        assert_eq!(f.source.quote_lang(), Some("zh-Hant"), "{k}");
    }
}

/// Tianjin's 66 police areas are inside the 20 traffic brigades, not in their place: the
/// traffic scope reports the areas 0 → 66 and the brigades 20 → 20, and the areas are no
/// longer a fact the model does not compute.
#[test]
fn tianjin_police_areas_are_inside_the_brigades() {
    use reform_explorer::model::metrics::MetricKey;
    let v = CaseId::Tianjin.variant("traffic").expect("traffic");
    let areas = v
        .reported
        .iter()
        .find(|r| r.metric == Some(MetricKey::PoliceAreas))
        .expect("66 areas");
    assert_eq!((areas.before, areas.after), (Some(0.0), Some(66.0)));
    let brigades = v
        .reported
        .iter()
        .find(|r| r.metric == Some(MetricKey::TrafficBrigades))
        .expect("20 brigades");
    assert_eq!((brigades.before, brigades.after), (Some(20.0), Some(20.0)));
    assert!(quote_of(areas.source).1.contains("66個警區"));
    assert!(!CaseId::Tianjin
        .facts()
        .iter()
        .any(|f| f.key == "traffic_police_areas"));
    assert!(!CaseId::Tianjin
        .variant("station")
        .unwrap()
        .reported
        .iter()
        .any(|r| r.after == Some(66.0)));
}
