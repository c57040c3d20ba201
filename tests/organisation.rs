//! Organisation files (issue "Your own organisation"): every shipped organisation round-trips
//! through CSV and JSON; random organisations import equal, broken ones are refused with the
//! right problem at the right row and column; random byte edits never panic; GB18030 and UTF-8
//! (with or without a BOM) files with the same content import equal; and an imported copy of an
//! organisation gives every reform the figures the organisation itself gives.

mod common;

use common::Rng;
use reform_explorer::i18n::{Lang, Name};
use reform_explorer::model::cases::CaseId;
use reform_explorer::model::compose::{Recipe, Scope};
use reform_explorer::model::metrics::compute;
use reform_explorer::model::org::{Staff, Unit, UnitKind};
use reform_explorer::model::own;
use reform_explorer::state::organisation::{
    decode, read, template, to_csv, to_json, Column, Problem, What, MAX_UNITS,
};

fn utf8_only(_: &[u8]) -> Option<String> {
    None
}

fn gb18030(bytes: &[u8]) -> Option<String> {
    let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
    (!bad).then(|| text.into_owned())
}

/// Every scope's "before" at its defaults, and the typical city.
fn shipped() -> Vec<(String, Unit, Name)> {
    Scope::all()
        .into_iter()
        .map(|s| {
            let v = s.variant;
            let tree = v.baseline.make(&v.defaults()).expect("builds");
            let name = Name::new(v.name.zh, v.name.en);
            (s.key(), tree, name)
        })
        .collect()
}

#[test]
fn every_shipped_organisation_round_trips_through_json_and_csv() {
    for (key, tree, name) in shipped() {
        let json = to_json(&tree, &name);
        let back = read(&json).unwrap_or_else(|p| panic!("{key}: {p:?}"));
        assert_eq!(to_json(&back.tree, &back.name), json, "{key} JSON");
        assert_eq!(compute(&back.tree), compute(&tree), "{key} metrics");
        for zh in [true, false] {
            let csv = to_csv(&tree, zh);
            let back = read(&csv).unwrap_or_else(|p| panic!("{key} CSV: {p:?}"));
            assert_eq!(to_json(&back.tree, &name), json, "{key} CSV zh={zh}");
        }
    }
}

#[test]
fn templates_import_and_name_their_columns() {
    for zh in [true, false] {
        let t = template(zh);
        let org = read(&t).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(org.tree.kind, UnitKind::MunicipalBureau);
        assert_eq!(org.tree.children.len(), 1);
        assert_eq!(org.tree.children[0].kind, UnitKind::Station);
        assert_eq!(org.tree.children[0].staff, Staff::new(6, 30));
        assert_eq!(org.tree.children[0].area_km2, 12.5);
    }
    // The Chinese template's header is in Chinese.
    assert!(template(true).starts_with("\u{feff}编号,上级,名称,英文名称,类型,机关警力,一线警力"));
}

#[test]
fn an_imported_copy_gives_every_reform_the_organisations_own_figures() {
    for scope in [
        Scope::TYPICAL_CITY,
        Scope::parse("daqing.urban").unwrap(),
        Scope::parse("haidong.county").unwrap(),
    ] {
        let v = scope.variant;
        let tree = v.baseline.make(&v.defaults()).unwrap();
        let name = Name::new(v.name.zh, v.name.en);
        let csv = to_csv(&tree, false);
        let org = read(&csv).unwrap();
        let content = to_json(&org.tree, &org.name);
        let own_variant = own::register(org.tree, org.name.clone(), &content).unwrap();
        let mine = Scope {
            case: None,
            variant: own_variant,
        };
        assert!(mine.is_own());
        assert_eq!(Scope::parse(&mine.key()), Some(mine), "the key reads back");
        assert_eq!(Scope::own(), Some(mine));
        // Registering the same content again gives the same scope.
        let again = own::register(tree.clone(), name, &content).unwrap();
        assert!(std::ptr::eq(again, own_variant));
        for case in CaseId::ALL {
            let theirs = Recipe::of_reform(case, scope).variant();
            let ours = Recipe::of_reform(case, mine).variant();
            let a = theirs.build(&theirs.defaults());
            let b = ours.build(&ours.defaults());
            match (a, b) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.steps.len(), b.steps.len());
                    for (x, y) in a.steps.iter().zip(&b.steps) {
                        assert_eq!(compute(x), compute(y), "{} {case:?}", scope.key());
                    }
                }
                (Err(a), Err(b)) => assert_eq!(a.message(Lang::En), b.message(Lang::En)),
                (a, b) => panic!(
                    "{} {case:?}: {:?} vs {:?}",
                    scope.key(),
                    a.is_ok(),
                    b.is_ok()
                ),
            }
        }
    }
}

// ---- Random organisations ----

const KEYS: [&str; 12] = [
    "municipal_bureau",
    "sub_bureau",
    "county_bureau",
    "station",
    "central_station",
    "district",
    "internal_unit",
    "section",
    "office",
    "team",
    "group",
    "community_room",
];

struct Gen {
    rows: Vec<[String; 11]>,
}

fn random_org(rng: &mut Rng) -> Gen {
    let n = rng.range(1, 40) as usize;
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let parent = if i == 0 {
            String::new()
        } else {
            format!("u{}", rng.range(0, i as u64 - 1))
        };
        let name = match rng.range(0, 3) {
            0 => format!("单位{i}"),
            1 => format!("Unit, \"{i}\""),
            2 => format!("第{i}派出所\n二"),
            _ => format!("u {i}"),
        };
        let neighbours = if i > 1 && rng.range(0, 3) == 0 {
            format!(
                "u{};u{}",
                rng.range(0, i as u64 - 1),
                rng.range(0, i as u64 - 1)
            )
        } else {
            String::new()
        };
        rows.push([
            format!("u{i}"),
            parent,
            name,
            format!("Unit {i}"),
            KEYS[rng.range(0, 11) as usize].to_string(),
            rng.range(0, 300).to_string(),
            rng.range(0, 3000).to_string(),
            rng.range(0, 1_000_000).to_string(),
            rng.range(0, 50_000).to_string(),
            if rng.range(0, 1) == 0 {
                String::new()
            } else {
                format!("{}.5", rng.range(0, 900))
            },
            neighbours,
        ]);
    }
    Gen { rows }
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The rows as CSV: header then rows, columns in a random order (row 1 is the header).
fn csv(g: &Gen, order: &[usize], zh: bool) -> String {
    let head: Vec<&str> = order
        .iter()
        .map(|&i| {
            if zh {
                Column::ALL[i].zh()
            } else {
                Column::ALL[i].key()
            }
        })
        .collect();
    let mut out = head.join(",");
    out.push('\n');
    for r in &g.rows {
        let cells: Vec<String> = order.iter().map(|&i| quote(&r[i])).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn shuffled(rng: &mut Rng) -> Vec<usize> {
    let mut order: Vec<usize> = (0..11).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.range(0, i as u64) as usize);
    }
    order
}

/// The row (1-based, header = 1) where unit `i` is written: multi-line names count.
fn row_of(g: &Gen, i: usize) -> usize {
    2 + g.rows[..i]
        .iter()
        .map(|r| r.iter().map(|c| c.matches('\n').count()).sum::<usize>() + 1)
        .sum::<usize>()
}

#[test]
fn random_valid_organisations_import_equal() {
    let mut rng = Rng::new(20_261_204);
    for _ in 0..10_000 {
        let g = random_org(&mut rng);
        let order = shuffled(&mut rng);
        let text = csv(&g, &order, rng.range(0, 1) == 0);
        let org = read(&text).unwrap_or_else(|p| panic!("{p:?}\n{text}"));
        // Every unit is there, under its parent, with its figures.
        let mut seen = 0;
        let mut stack = vec![(None::<String>, &org.tree)];
        while let Some((parent, u)) = stack.pop() {
            seen += 1;
            let i: usize = u.id[1..].parse().unwrap();
            let r = &g.rows[i];
            assert_eq!(parent.unwrap_or_default(), r[1]);
            assert_eq!(u.name.get(Lang::Zh), r[2].trim());
            assert_eq!(u.kind.key(), r[4]);
            assert_eq!(
                u.staff,
                Staff::new(r[5].parse().unwrap(), r[6].parse().unwrap())
            );
            assert_eq!(u.residents.to_string(), r[7]);
            assert_eq!(
                u.neighbours.len(),
                r[10].split(';').filter(|x| !x.is_empty()).count()
            );
            // Children keep the file's order.
            let kids: Vec<usize> = u
                .children
                .iter()
                .map(|c| c.id[1..].parse().unwrap())
                .collect();
            assert!(kids.windows(2).all(|w| w[0] < w[1]));
            for c in u.children.iter() {
                stack.push((Some(u.id.to_string()), c));
            }
        }
        assert_eq!(seen, g.rows.len());
    }
}

/// Breaks one thing in a valid organisation; the problem it must give (row index of the unit,
/// column, what).
/// The unit broken, the column and a test of the problem expected there.
type Broken = (usize, Column, fn(&What) -> bool);

fn break_one(g: &mut Gen, rng: &mut Rng) -> Option<Broken> {
    let n = g.rows.len();
    let i = rng.range(0, n as u64 - 1) as usize;
    Some(match rng.range(0, 7) {
        0 => {
            g.rows[i][4] = "brigade-x".into();
            (i, Column::Kind, |w| matches!(w, What::UnknownKind(_)))
        }
        1 => {
            g.rows[i][5] = "-3".into();
            (i, Column::Organ, |w| matches!(w, What::Negative(_)))
        }
        2 => {
            g.rows[i][6] = "many".into();
            (i, Column::Frontline, |w| matches!(w, What::NotANumber(_)))
        }
        3 if i > 0 => {
            g.rows[i][1] = "nowhere".into();
            (i, Column::Parent, |w| matches!(w, What::UnknownParent(_)))
        }
        4 if i > 0 => {
            let j = rng.range(0, i as u64 - 1) as usize;
            g.rows[i][0] = format!("u{j}");
            // Units under the second copy would hang from the first: leave none below it.
            g.rows.truncate(i + 1);
            (i, Column::Id, |w| matches!(w, What::Duplicate(_)))
        }
        5 if i > 0 => {
            g.rows[i][1] = String::new();
            (i, Column::Parent, |w| matches!(w, What::SecondRoot(_)))
        }
        6 if n > 2 => {
            // u1 under the last unit: if that is below u1, a cycle.
            let last = n - 1;
            let mut p = last;
            let below_u1 = loop {
                if p == 1 {
                    break true;
                }
                if p == 0 {
                    break false;
                }
                p = g.rows[p][1][1..].parse().unwrap();
            };
            if !below_u1 || last == 1 {
                return None;
            }
            g.rows[1][1] = format!("u{last}");
            (1, Column::Parent, |w| matches!(w, What::Cycle))
        }
        7 => {
            g.rows[i][2] = String::new();
            (i, Column::Name, |w| matches!(w, What::Required))
        }
        _ => return None,
    })
}

#[test]
fn random_broken_organisations_are_refused_with_the_right_problem() {
    let mut rng = Rng::new(7);
    let mut checked = 0;
    while checked < 10_000 {
        let mut g = random_org(&mut rng);
        let Some((i, col, is)) = break_one(&mut g, &mut rng) else {
            continue;
        };
        let text = csv(&g, &shuffled(&mut rng), false);
        let problems = read(&text)
            .err()
            .unwrap_or_else(|| panic!("accepted:\n{text}"));
        let row = row_of(&g, i);
        assert!(
            problems
                .iter()
                .any(|p| p.row == Some(row) && p.column == Some(col) && is(&p.what)),
            "expected {col:?} at row {row}: {problems:?}\n{text}"
        );
        // Every message reads in each language.
        for p in &problems {
            assert!(!p.message(Lang::Zh).contains('{'));
            assert!(!p.message(Lang::En).contains('{'));
        }
        checked += 1;
    }
}

/// Line endings of CR alone (old Mac Excel's "CSV (Macintosh)") read as CR LF and LF do: the
/// file was refused with "column frontline is missing".
#[test]
fn a_file_of_cr_line_endings_reads_like_lf() {
    let lf = "id,parent,name,kind,organ,frontline\nm,,市局,municipal_bureau,10,5\ns,m,\"甲\n所\",station,1,2\n";
    let a = read(lf).expect("LF");
    for other in [lf.replace('\n', "\r\n"), lf.replace('\n', "\r")] {
        let b = read(&other).unwrap_or_else(|p| panic!("{other:?}: {p:?}"));
        assert_eq!(b.tree.staff_total(), a.tree.staff_total());
        assert_eq!(b.tree.children.len(), 1);
    }
}

#[test]
fn whole_file_problems() {
    let only = |text: &str| -> Vec<What> {
        read(text)
            .err()
            .unwrap()
            .into_iter()
            .map(|p: Problem| p.what)
            .collect()
    };
    assert_eq!(only(""), [What::Empty]);
    assert_eq!(only(" \r\n "), [What::Empty]);
    assert_eq!(only("hello world\nfoo"), [What::NotOrganisation]);
    assert_eq!(only("{\"a\": 1}"), [What::NotOrganisation]);
    assert!(matches!(only("{\"format\": ")[..], [What::NotJson(_)]));
    assert_eq!(
        only("{\"format\":\"reform-explorer-organisation\",\"version\":9,\"units\":[]}"),
        [What::NewerVersion(9)]
    );
    let missing = read("id,name,kind\nm,市局,municipal_bureau\n")
        .err()
        .unwrap();
    let cols: Vec<_> = missing.iter().filter_map(|p| p.column).collect();
    assert_eq!(cols, [Column::Parent, Column::Organ, Column::Frontline]);
    assert!(missing.iter().all(|p| p.row == Some(1)));
    // Too many units: refused before any is read.
    let mut big = String::from("id,parent,name,kind,organ,frontline\nm,,M,municipal_bureau,1,1\n");
    for i in 0..MAX_UNITS {
        big.push_str(&format!("s{i},m,S,station,1,1\n"));
    }
    assert!(matches!(only(&big)[..], [What::TooManyUnits(_)]));
    // More officers in all than any case's parameters allow: refused, the total counted wide
    // (11,000 units of 400,000 would wrap a u32 sum to 105,032,704), and just inside is read.
    let force = |units: usize, each: u64| {
        let mut f =
            String::from("id,parent,name,kind,organ,frontline\nm,,M,municipal_bureau,0,0\n");
        for i in 0..units {
            f.push_str(&format!(
                "s{i},m,S,station,{},{}\n",
                each / 2,
                each - each / 2
            ));
        }
        f
    };
    assert_eq!(
        only(&force(11_000, 400_000)),
        [What::TooManyStaff(4_400_000_000)]
    );
    assert_eq!(only(&force(2, 50_001)), [What::TooManyStaff(100_002)]);
    assert_eq!(
        read(&force(2, 50_000)).unwrap().tree.staff_total().total(),
        100_000
    );
    let said = Problem {
        row: None,
        column: None,
        what: What::TooManyStaff(100_002),
    }
    .message(reform_explorer::i18n::Lang::En);
    assert!(
        said.contains("100,002") && said.contains("100,000"),
        "{said}"
    );
    // No top unit: every unit has a parent (a cycle of two).
    let w = only("id,parent,name,kind,organ,frontline\na,b,A,station,1,1\nb,a,B,station,1,1\n");
    assert!(w.contains(&What::NoRoot));
    // A chain 40 levels deep: the unit past the limit says so, and nothing calls the units
    // under it a cycle.
    let mut deep =
        String::from("id,parent,name,kind,organ,frontline\nu0,,U,municipal_bureau,1,1\n");
    for i in 1..40 {
        deep.push_str(&format!("u{i},u{},U,team,1,1\n", i - 1));
    }
    assert_eq!(only(&deep), [What::TooDeep]);
    // Binary.
    assert_eq!(
        decode(&[0x89, b'P', b'N', b'G', 0xff, 0x00, 0xfe], &utf8_only),
        Err(Problem {
            row: None,
            column: None,
            what: What::NotText
        })
    );
}

#[test]
fn every_problem_of_a_file_at_once() {
    let text = "编号,上级,名称,类型,机关警力,一线警力\n\
                m,,某市公安局,市局,10,5\n\
                a,m,甲所,派出所,-1,x\n\
                b,zz,乙所,brigade,2,2\n\
                a,m,丙所,派出所,1,1\n";
    let p = read(text).err().unwrap();
    let at: Vec<(usize, &str)> = p
        .iter()
        .map(|p| (p.row.unwrap(), p.column.unwrap().key()))
        .collect();
    assert_eq!(
        at,
        [
            (3, "organ"),
            (3, "frontline"),
            (4, "parent"),
            (4, "kind"),
            (5, "id")
        ]
    );
    assert_eq!(
        p[0].message(Lang::Zh),
        "第 3 行“机关警力”列（organ）：“-1”是负数。"
    );
    assert_eq!(
        p[4].message(Lang::En),
        "Row 5, column “id” (编号): the id is the same as on row 3."
    );
}

#[test]
fn gb18030_and_utf8_with_and_without_bom_import_equal() {
    for (_, tree, _) in shipped().into_iter().take(4) {
        let text = to_csv(&tree, true);
        let plain = text.trim_start_matches('\u{feff}');
        let (gb, _, _) = encoding_rs::GB18030.encode(plain);
        assert!(
            std::str::from_utf8(&gb).is_err(),
            "GB18030 bytes are not UTF-8"
        );
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice(plain.as_bytes());
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(plain.encode_utf16().flat_map(u16::to_le_bytes));
        let want = read(plain).unwrap().tree;
        for bytes in [plain.as_bytes().to_vec(), bom, gb.into_owned(), utf16] {
            let t = decode(&bytes, &gb18030).unwrap();
            assert_eq!(read(&t).unwrap().tree, want);
        }
    }
    // Without a legacy decoder, GB18030 bytes are not text.
    let (gb, _, _) = encoding_rs::GB18030.encode("编号,上级,名称");
    assert!(decode(&gb, &utf8_only).is_err());
}

#[test]
fn random_byte_edits_never_panic() {
    let mut rng = Rng::new(99);
    let shipped = shipped();
    let files: Vec<Vec<u8>> = shipped
        .iter()
        .take(6)
        .flat_map(|(_, t, n)| [to_csv(t, true).into_bytes(), to_json(t, n).into_bytes()])
        .chain([template(true).into_bytes(), template(false).into_bytes()])
        .collect();
    let mut accepted = 0;
    for k in 0..10_000 {
        let mut b = files[k % files.len()].clone();
        for _ in 0..rng.range(1, 8) {
            let at = rng.range(0, b.len() as u64 - 1) as usize;
            match rng.range(0, 2) {
                0 => b[at] = rng.range(0, 255) as u8,
                1 => {
                    b.remove(at);
                }
                _ => b.insert(
                    at,
                    *b"\",\n;{}[]-0x".get(rng.range(0, 10) as usize).unwrap(),
                ),
            }
        }
        if let Ok(t) = decode(&b, &gb18030) {
            if read(&t).is_ok() {
                accepted += 1;
            }
        }
    }
    // Some edits land in names and stay valid; most break something.
    assert!(accepted > 0 && accepted < 10_000, "{accepted}");
}

/// A scenario file (as JSON) composed on a new own organisation with one station `name` of
/// `frontline` officers, carrying it; with the organisation's content and scope key.
fn scenario_on_own(name: &str, frontline: u32) -> (serde_json::Value, String, String) {
    use reform_explorer::state::scenario::{to_json as scenario_json, Saved};
    use reform_explorer::state::url::decode;
    let mut text = template(false);
    text.push_str(&format!("s2,m,{name},{name},station,3,{frontline},,,,\r\n"));
    let org = read(&text).unwrap();
    let content = to_json(&org.tree, &org.name);
    let key = format!("org.own-{:016x}", own::content_hash(&content));
    let (state, notices) =
        decode("?view=compose&base=org.typical_city&levers=daqing.urban.fewer_tiers&lang=en");
    assert!(notices.is_empty());
    let base = Saved {
        name: "mine".into(),
        state,
        organisation: None,
    };
    let mut file: serde_json::Value = serde_json::from_str(&scenario_json(&base)).unwrap();
    file["recipe"]["base"] = key.clone().into();
    file["organisation"] = serde_json::from_str(&content).unwrap();
    (file, content, key)
}

#[test]
fn a_scenario_file_carries_its_own_organisation() {
    use reform_explorer::state::scenario::{
        from_json, to_json as scenario_json, Problem as FileProblem,
    };
    // An organisation this process has not seen: the file alone must make it known.
    let (mut file, content, key) = scenario_on_own("Carried station", 17);
    assert_eq!(
        Scope::parse(&key),
        None,
        "not registered before the file is read"
    );
    let written = file.to_string();
    let saved = from_json(&written).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(saved.state.recipe.as_ref().unwrap().base.key(), key);
    assert_eq!(saved.organisation.as_deref(), Some(content.as_str()));
    // Known now, but not offered: reading a file does not change the page's organisation.
    assert!(Scope::parse(&key).is_some());
    // Written again, it reads the same.
    assert_eq!(from_json(&scenario_json(&saved)), Ok(saved.clone()));
    // A broken organisation inside refuses the file, with its problems.
    file["organisation"]["units"][1]["kind"] = "brigade-x".into();
    let problems = from_json(&file.to_string()).unwrap_err();
    assert!(problems
        .iter()
        .any(|p| matches!(p, FileProblem::Organisation(q) if q.column == Some(Column::Kind))));
    assert!(problems.iter().any(|p| p
        .message(Lang::En)
        .starts_with("The organisation in the file: Row 2, column “kind”")));
}

#[test]
fn a_scenario_file_whose_organisation_was_edited_or_left_out_says_so() {
    use reform_explorer::state::scenario::{from_json, Problem as FileProblem};
    let (mut file, _, key) = scenario_on_own("Edited station", 23);
    // Edited by hand: still a good organisation, but no longer the one the scenario names.
    file["organisation"]["units"][1]["frontline"] = 24.into();
    let problems = from_json(&file.to_string()).unwrap_err();
    assert_eq!(
        problems,
        vec![FileProblem::OrganisationChanged(key.clone())]
    );
    let said = problems[0].message(Lang::En);
    assert!(
        said.contains("changed after the scenario was saved"),
        "{said}"
    );
    assert!(!said.contains("not a baseline"), "{said}");
    // Left out, and never seen by this process: the file lacks it.
    let missing = "org.own-00000000000000a1";
    file["recipe"]["base"] = missing.into();
    file["organisation"] = serde_json::Value::Null;
    let problems = from_json(&file.to_string()).unwrap_err();
    assert_eq!(
        problems,
        vec![FileProblem::OrganisationMissing(missing.into())]
    );
    // A refused file says what is wrong, not what a link would do instead.
    file["recipe"]["base"] = "org.typical_city".into();
    file["step"] = 99.into();
    let problems = from_json(&file.to_string()).unwrap_err();
    for l in Lang::ALL {
        let said: Vec<String> = problems.iter().map(|p| p.message(l)).collect();
        assert_eq!(said.len(), 1, "{said:?}");
        for link_words in ["showing the last step", "已显示最后一步", "已顯示最後一步"]
        {
            assert!(!said[0].contains(link_words), "{said:?}");
        }
        assert!(said[0].contains("99"), "{said:?}");
    }
}

#[test]
fn a_link_carries_a_small_organisation_and_says_when_one_is_too_large() {
    use reform_explorer::state::organisation::{from_link, to_link, LINK_MAX};
    for (key, tree, name) in shipped() {
        let json = to_json(&tree, &name);
        match to_link(&tree, &name) {
            Some(link) => {
                assert!(link.len() <= LINK_MAX);
                assert!(link
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
                let back = from_link(&link).unwrap_or_else(|p| panic!("{key}: {p:?}"));
                // The same file, so the same key.
                assert_eq!(to_json(&back.tree, &back.name), json, "{key}");
            }
            None => assert!(
                json.len() > LINK_MAX / 2,
                "{key} refused at {} bytes",
                json.len()
            ),
        }
    }
    let small = read(&template(true)).unwrap();
    assert!(to_link(&small.tree, &small.name).is_some());
    assert!(from_link("@@@").is_err());
    assert!(from_link("").is_err());
    // Random values never panic.
    let mut rng = Rng::new(5);
    for _ in 0..10_000 {
        let n = rng.range(0, 60) as usize;
        let s: String = (0..n)
            .map(|_| char::from(b"AZaz09-_=+/%"[rng.range(0, 11) as usize]))
            .collect();
        let _ = from_link(&s);
    }
}

/// Daqing's rural merge on an organisation with fewer rural stations than the case's share of
/// central stations: no central station is made empty, and none more than the stations merged.
#[test]
fn daqing_rural_merge_on_a_small_organisation_makes_no_empty_central_stations() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/e2e/fixtures/organisation-utf8.csv"
    ))
    .unwrap();
    let org = read(&text).unwrap();
    let content = org.to_json();
    let v = own::register(org.tree, org.name, &content).unwrap();
    let scope = Scope {
        case: None,
        variant: v,
    };
    let rv = Recipe::of_reform(CaseId::Daqing, scope).variant();
    let s = rv.build(&rv.defaults()).unwrap();
    let count = |u: &Unit, k: UnitKind| u.walk().iter().filter(|(_, x)| x.kind == k).count();
    let rural_before = s
        .before()
        .walk()
        .iter()
        .filter(|(_, x)| x.is_rural_station())
        .count();
    let central = count(s.after(), UnitKind::CentralStation);
    assert!(central > 0, "the merge acts on the county's stations");
    assert!(
        central <= rural_before,
        "{central} central stations from {rural_before} rural"
    );
    for (_, u) in s.after().walk() {
        if u.kind == UnitKind::CentralStation {
            assert!(u.staff_total().total() > 0, "{} is empty", u.id.as_str());
        }
    }
}

#[test]
fn every_kind_is_read_by_its_key_and_its_chinese_name() {
    use reform_explorer::model::org::UnitKind;
    use reform_explorer::state::organisation::kind_of;
    for k in UnitKind::ALL {
        assert_eq!(kind_of(k.key()), Some(k), "{}", k.key());
        assert_eq!(kind_of(k.name().zh), Some(k), "{}", k.name().zh);
    }
    assert_eq!(kind_of("警区"), Some(UnitKind::PoliceArea));
    assert_eq!(kind_of("police_area"), Some(UnitKind::PoliceArea));
}

/// What a planner types (a review's list): a kind by the name the legend and the editor show
/// ("Police station", any case) or a short word (所, 交警大队), full-width digits from a Chinese
/// input method; and an Excel workbook renamed to .csv is named as one, with what to do.
#[test]
fn a_planners_words_and_digits_read_and_a_workbook_is_named() {
    let text = "编号,上级,名称,类型,机关警力,一线警力,面积\n\
                m,,县局,County bureau,１２,0,\n\
                a,m,河口,Police station,2,７,１２．５\n\
                b,m,北门,所,1,1,\n\
                c,m,交警,交警大队,3,1２,\n";
    let org = read(text).unwrap_or_else(|p| panic!("{p:?}"));
    let kids = &org.tree.children;
    assert_eq!(org.tree.kind, UnitKind::CountyBureau);
    assert_eq!(org.tree.staff.organ, 12);
    assert_eq!(
        kids.iter().map(|u| u.kind).collect::<Vec<_>>(),
        [UnitKind::Station, UnitKind::Station, UnitKind::InternalUnit]
    );
    assert_eq!(org.tree.staff_total().total(), 12 + 9 + 2 + 15);
    for (magic, name) in [
        (&b"PK\x03\x04\x14\x00"[..], "xlsx"),
        (&[0xd0, 0xcf, 0x11, 0xe0, 0xa1][..], "xls"),
    ] {
        let p = decode(magic, &gb18030).expect_err(name);
        assert_eq!(p.what, What::Workbook, "{name}");
        assert!(p.message(Lang::En).contains("CSV UTF-8"), "{name}");
    }
}

/// A station whose incidents cell is blank, where others have incidents, is named on import
/// (the workload figures count it as 0: a review's Haidong spread read 0 → 7.23); a file with
/// no incidents at all names none.
#[test]
fn stations_without_incidents_are_named_only_where_others_have_some() {
    use reform_explorer::state::organisation::stations_without_incidents;
    let text = "id,parent,name,name_en,kind,organ,frontline,incidents\n\
                m,,县局,County,county_bureau,10,0,\n\
                a,m,甲所,A,station,2,8,500\n\
                b,m,乙所,B,station,2,6,\n\
                c,m,丙队,C,team,0,6,\n";
    let org = read(text).unwrap_or_else(|p| panic!("{p:?}"));
    let names: Vec<_> = stations_without_incidents(&org.tree)
        .iter()
        .map(|u| u.name.en().to_string())
        .collect();
    assert_eq!(names, ["B"]);
    let none = read(&text.replace(",500\n", ",\n")).unwrap_or_else(|p| panic!("{p:?}"));
    assert!(stations_without_incidents(&none.tree).is_empty());
}

/// Linhe County (`e2e/fixtures/organisation-county-linhe.csv`, a review's county file: no
/// ranks, one station without incidents, one central station already), imported.
fn linhe() -> Scope {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/e2e/fixtures/organisation-county-linhe.csv"
    ))
    .unwrap();
    let org = read(&text).unwrap();
    let content = org.to_json();
    Scope {
        case: None,
        variant: own::register(org.tree, org.name, &content).unwrap(),
    }
}

/// A file without ranks has no command chain: neither the organisation nor any reform applied
/// to it shows one (before, "0 → 5": the measures' ranks alone), and its notes say why. The same
/// organisation with ranks shows it.
#[test]
fn an_organisation_without_ranks_shows_no_command_chain() {
    use reform_explorer::model::metrics::MetricKey;
    let v = linhe().variant;
    let tree = v.baseline.make(&v.defaults()).unwrap();
    assert!(tree.walk().iter().all(|(_, u)| u.ranks.is_empty()));
    assert!(own::lacks_ranks(v));
    let chain = |keys: &[MetricKey], figures: &[reform_explorer::model::cases::KeyFigure]| {
        keys.contains(&MetricKey::CommandChain)
            || figures
                .iter()
                .any(|f| f.metric() == Some(MetricKey::CommandChain))
    };
    assert!(!chain(v.metrics, v.key_figures));
    assert!(v.notes.iter().any(|n| n.en.contains("no ranks")));
    let scope = Scope {
        case: None,
        variant: v,
    };
    for case in CaseId::ALL {
        let rv = Recipe::of_reform(case, scope).variant();
        assert!(!chain(rv.metrics, rv.key_figures), "{case:?}");
        assert!(
            !rv.key_figures.is_empty(),
            "{case:?} keeps its other figures"
        );
        assert!(
            rv.notes.iter().any(|n| n.en.contains("no ranks")),
            "{case:?} says why"
        );
        assert!(own::lacks_ranks(rv), "{case:?}");
        assert!(!MetricKey::shown_with(rv.metrics, false).contains(&MetricKey::CommandChain));
    }

    // The typical city has ranks: imported, it keeps its command chain, and so do its reforms.
    let city = Scope::TYPICAL_CITY.variant;
    let tree = city.baseline.make(&city.defaults()).unwrap();
    let org = read(&to_csv(&tree, false)).unwrap();
    let content = org.to_json();
    let v = own::register(org.tree, org.name, &content).unwrap();
    assert!(!own::lacks_ranks(v));
    assert!(chain(v.metrics, v.key_figures));
    let scope = Scope {
        case: None,
        variant: v,
    };
    let rv = Recipe::of_reform(CaseId::Daqing, scope).variant();
    assert!(chain(rv.metrics, rv.key_figures));
}

/// A composed reform's parameters that no measure reads (`Composed::unused_keys`, folded away
/// in the panel as "not used on this organisation") change nothing: each, set to its lowest and
/// its highest value, builds the same organisation at every step. The typical city under
/// Daqing's reform does not use Daqing's own urban area (its residents).
#[test]
fn parameters_no_measure_reads_change_nothing() {
    let linhe = linhe();
    let mut folded = 0;
    for base in [Scope::TYPICAL_CITY, linhe] {
        for case in CaseId::ALL {
            let v = Recipe::of_reform(case, base).variant();
            let unused = v.composed.unwrap().unused_keys(v);
            let Ok(at_defaults) = v.build(&v.defaults()) else {
                continue;
            };
            for key in unused {
                let spec = v.specs.iter().find(|s| s.key == *key).unwrap();
                for value in [spec.min, spec.max] {
                    let mut p = v.defaults();
                    p.set_raw(key, &spec.format(value)).unwrap();
                    if let Ok(s) = v.build(&p) {
                        assert!(
                            s.steps == at_defaults.steps,
                            "{} {case:?}: {key}={value} changed it",
                            base.key()
                        );
                    }
                }
            }
            folded += unused.len();
        }
    }
    let daqing = Recipe::of_reform(CaseId::Daqing, Scope::TYPICAL_CITY).variant();
    let unused = daqing.composed.unwrap().unused_keys(daqing);
    assert!(unused.contains(&"daqing.urban.population"), "{unused:?}");
    assert!(folded > 10, "{folded}");
}

/// Daqing's rural merge on a county's own organisation merges its rural stations in the
/// proportion the parameters give (the source's 61 into 31), not into Daqing's 31 central
/// stations: on Linhe's nine, every station had become a central station of its own.
#[test]
fn daqing_rural_merge_on_a_county_merges_in_the_sources_proportion() {
    let scope = linhe();
    let rv = Recipe::of_reform(CaseId::Daqing, scope).variant();
    let p = rv.defaults();
    let value = |suffix: &str| {
        let spec = rv.specs.iter().find(|s| s.key.ends_with(suffix)).unwrap();
        p.get(spec.key) as u64
    };
    let (rural, central) = (
        value(".rural_stations_before"),
        value(".central_stations_after"),
    );
    let s = rv.build(&p).unwrap();
    let here = s
        .before()
        .walk()
        .iter()
        .filter(|(_, u)| u.is_rural_station())
        .count() as u64;
    let central_in = |u: &Unit| {
        u.walk()
            .iter()
            .filter(|(_, u)| u.kind == UnitKind::CentralStation)
            .count() as u64
    };
    // Linhe has a central station already.
    let made = central_in(s.after()) - central_in(s.before());
    assert!(here > 1 && here != rural, "{here}");
    assert_eq!(
        made,
        ((here * central + rural / 2) / rural).max(1),
        "{here} rural stations"
    );
    assert!(made < here, "{made} central stations from {here}");
}

/// A missing column names the headers not recognised (perhaps misspelt), and an unknown branch
/// lists every branch the reader knows.
#[test]
fn misspelt_headers_and_unknown_branches_are_named() {
    let p = read("id,parent,name,unit_type,organ,front_line\nsj,,City,municipal_bureau,10,5\n")
        .unwrap_err();
    assert!(p
        .iter()
        .any(|x| x.what == What::MissingColumn(Column::Kind)));
    assert!(p
        .iter()
        .any(|x| x.what == What::MissingColumn(Column::Frontline)));
    assert!(p
        .iter()
        .any(|x| x.what == What::UnknownHeaders(vec!["unit_type".into(), "front_line".into()])));
    let all = p
        .iter()
        .map(|x| x.message(Lang::En))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(all.contains("“unit_type”, “front_line”"), "{all}");
    // A file with every column has none to name.
    let ok = read("id,parent,name,kind,organ,frontline,notes\nsj,,City,municipal_bureau,10,5,x\n");
    assert!(ok.is_ok());

    let p = read("id,parent,name,kind,organ,frontline,branch\nsj,,City,municipal_bureau,10,5,\nzh,sj,Cmd,internal_unit,3,0,nonsense\n")
        .unwrap_err();
    let en = p[0].message(Lang::En);
    for b in [
        "command",
        "traffic",
        "economic_protection",
        "domestic_security",
    ] {
        assert!(en.contains(b), "{en}");
    }
    assert!(p[0].message(Lang::Zh).contains("经保"));
}

/// A file written in Traditional characters (headers 編號、上級…, kinds 縣局、內設機構, settings
/// 農村) reads as its Simplified copy; a kind not known is answered, on the Traditional page,
/// with the kinds in Traditional characters.
#[test]
fn a_file_in_traditional_characters_reads_like_its_simplified_copy() {
    use reform_explorer::i18n::to_hant;
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/e2e/fixtures/organisation-county-linhe.csv"
    ))
    .unwrap();
    let hant = to_hant(&text).into_owned();
    assert!(hant.contains("編號") && hant.contains("縣局") && hant.contains("內設機構"));
    let a = read(&text).unwrap();
    let b = read(&hant).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(compute(&a.tree), compute(&b.tree));
    assert_eq!(a.tree.walk().len(), b.tree.walk().len());
    let p = read("編號,上級,名稱,類型,機關警力,一線警力\nsj,,市局,警察總部,10,5\n").unwrap_err();
    let msg = p[0].message(Lang::ZhHant);
    assert!(msg.contains("縣局") && !msg.contains("县局"), "{msg}");
}
