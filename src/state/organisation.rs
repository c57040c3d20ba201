//! Organisation files: the user's own organisation as CSV (one row per unit) or as the
//! project's JSON file, read into a `Unit` tree with every problem found at once, and written
//! back. Reading is total: any input gives a tree or a list of problems, each with the row and
//! column it concerns, never a panic; nothing is half-read.
//!
//! CSV: the canonical header is `id,parent,name,name_en,kind,organ,frontline,residents,
//! incidents,area_km2,neighbours`, columns in any order, Chinese headers accepted (`ALIASES`);
//! `name_en` and the last five may be left out, and four more columns carry what some measures
//! read (`communities`, `setting`, `branch`, `ranks`, `lead`). Text is UTF-8 (with or without a BOM),
//! UTF-16 with a BOM, or GB18030/GBK (what Excel writes in China), which the caller decodes
//! (`decode`: the browser has a decoder, so the download carries none).

use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::i18n::{format_number, to_hans, to_hant_static, tr, trf, Lang, Msg, Name};
use crate::model::org::{
    Branch, Id, Ids, Lead, Rank, Setting, Staff, Unit, UnitKind, MAX_TOTAL_STAFF,
};
use crate::state::export::{row, BOM};

/// The `format` of an organisation file.
pub const FORMAT: &str = "reform-explorer-organisation";
/// The version this writes; higher ones are refused with a message.
pub const VERSION: u32 = 1;
/// Files larger than this are refused unread.
pub const MAX_BYTES: usize = 10_000_000;
/// Most units an organisation may have.
pub const MAX_UNITS: usize = 20_000;
/// Most levels from the top unit down (police organisations have fewer than ten).
pub const MAX_LEVELS: usize = 32;

/// A column of the CSV file, and a field of a unit in the JSON file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Parent,
    Name,
    NameEn,
    Kind,
    Organ,
    Frontline,
    Residents,
    Incidents,
    Area,
    Neighbours,
    Communities,
    Setting,
    Branch,
    Ranks,
    Lead,
}

impl Column {
    pub const ALL: [Column; 16] = [
        Column::Id,
        Column::Parent,
        Column::Name,
        Column::NameEn,
        Column::Kind,
        Column::Organ,
        Column::Frontline,
        Column::Residents,
        Column::Incidents,
        Column::Area,
        Column::Neighbours,
        Column::Communities,
        Column::Setting,
        Column::Branch,
        Column::Ranks,
        Column::Lead,
    ];
    /// Columns a CSV file must have.
    pub const REQUIRED: [Column; 6] = [
        Column::Id,
        Column::Parent,
        Column::Name,
        Column::Kind,
        Column::Organ,
        Column::Frontline,
    ];
    /// The canonical header (`data-column`).
    pub fn key(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Parent => "parent",
            Column::Name => "name",
            Column::NameEn => "name_en",
            Column::Kind => "kind",
            Column::Organ => "organ",
            Column::Frontline => "frontline",
            Column::Residents => "residents",
            Column::Incidents => "incidents",
            Column::Area => "area_km2",
            Column::Neighbours => "neighbours",
            Column::Communities => "communities",
            Column::Setting => "setting",
            Column::Branch => "branch",
            Column::Ranks => "ranks",
            Column::Lead => "lead",
        }
    }
    /// The Chinese header the templates use.
    pub fn zh(self) -> &'static str {
        match self {
            Column::Id => "编号",
            Column::Parent => "上级",
            Column::Name => "名称",
            Column::NameEn => "英文名称",
            Column::Kind => "类型",
            Column::Organ => "机关警力",
            Column::Frontline => "一线警力",
            Column::Residents => "实有人口",
            Column::Incidents => "警情",
            Column::Area => "面积",
            Column::Neighbours => "相邻",
            Column::Communities => "村社区数",
            Column::Setting => "位置",
            Column::Branch => "条线",
            Column::Ranks => "职级",
            Column::Lead => "管理关系",
        }
    }
    /// Other headers accepted for this column (compared without case and spaces).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Id => &["单位编号", "代码", "单位代码", "序号"],
            Column::Parent => &["上级编号", "上级单位", "parent_id"],
            Column::Name => &["单位名称", "中文名称", "名字"],
            Column::NameEn => &["英文名", "nameen", "english_name"],
            Column::Kind => &["单位类型", "类别", "type"],
            Column::Organ => &["机关", "机关民警", "organ_staff", "headquarters"],
            Column::Frontline => &["一线", "一线民警", "frontline_staff"],
            Column::Residents => &["人口", "population"],
            Column::Incidents => &["警情数", "年警情"],
            Column::Area => &["辖区面积", "面积km2", "area"],
            Column::Neighbours => &["相邻单位", "neighbors"],
            Column::Communities => &["村社区", "社区数"],
            Column::Setting => &["城乡"],
            Column::Branch => &["警种"],
            Column::Ranks => &["指挥层次"],
            Column::Lead => &["人财物管理", "led_by"],
        }
    }
    fn from_header(h: &str) -> Option<Column> {
        let norm: String = h
            .trim()
            .trim_start_matches('\u{feff}')
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        // Traditional characters read as the Simplified ones (編號 as 编号).
        let norm = to_hans(norm.trim_matches('"'));
        let norm = norm.as_ref();
        Column::ALL
            .into_iter()
            .find(|c| c.key() == norm || c.zh() == norm || c.aliases().contains(&norm))
    }
}

/// What is wrong with a file, or with one cell of it.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    Empty,
    TooLarge,
    TooManyUnits(usize),
    /// More officers in all than `MAX_TOTAL_STAFF`.
    TooManyStaff(u64),
    /// Neither text in a known encoding nor CSV or JSON.
    NotText,
    /// An Excel workbook (.xlsx, a zip file, or the older .xls).
    Workbook,
    NotOrganisation,
    NotJson(String),
    NewerVersion(u64),
    MissingColumn(Column),
    /// Headers that name no column (named when a column is missing: perhaps misspelt).
    UnknownHeaders(Vec<String>),
    /// A row with more cells than the header has columns.
    ExtraCells(usize),
    Required,
    UnknownKind(String),
    NotANumber(String),
    Negative(String),
    NotWhole(String),
    TooBig(String),
    /// The same id as the unit on that row.
    Duplicate(usize),
    BadId(String),
    UnknownParent(String),
    ParentSelf,
    /// A second top unit (no parent); the first is on that row.
    SecondRoot(usize),
    NoRoot,
    /// A unit whose chain of parents comes back to itself.
    Cycle,
    TooDeep,
    UnknownNeighbour(String),
    UnknownSetting(String),
    UnknownLead(String),
    UnknownBranch(String),
    BadRank(String),
}

/// One problem: where (a 1-based row of the CSV file counting the header as row 1, or the
/// 1-based place of a unit in the JSON file's list; none for the whole file) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub row: Option<usize>,
    pub column: Option<Column>,
    pub what: What,
}

impl Problem {
    /// A problem of the whole file (no row or column).
    pub fn file(what: What) -> Problem {
        Problem {
            row: None,
            column: None,
            what,
        }
    }
    fn at(row: usize, column: Column, what: What) -> Problem {
        Problem {
            row: Some(row),
            column: Some(column),
            what,
        }
    }
    /// The problem in `lang`, with its row and column first.
    pub fn message(&self, lang: Lang) -> String {
        let n = |x: usize| x.to_string();
        let what = match &self.what {
            What::Empty => trf(lang, Msg::OrgEmpty, &[]),
            What::TooLarge => trf(lang, Msg::OrgTooLarge, &[&n(MAX_BYTES / 1_000_000)]),
            What::TooManyUnits(k) => trf(lang, Msg::OrgTooManyUnits, &[&n(*k), &n(MAX_UNITS)]),
            What::TooManyStaff(k) => trf(
                lang,
                Msg::OrgTooManyStaff,
                &[
                    &format_number(*k as f64, 0),
                    &format_number(MAX_TOTAL_STAFF as f64, 0),
                ],
            ),
            What::NotText => trf(lang, Msg::OrgNotText, &[]),
            What::Workbook => trf(lang, Msg::OrgWorkbook, &[]),
            What::NotOrganisation => trf(lang, Msg::OrgNotOrganisation, &[]),
            What::NotJson(w) => trf(lang, Msg::OrgNotJson, &[w]),
            What::NewerVersion(v) => {
                trf(lang, Msg::OrgNewer, &[&v.to_string(), &VERSION.to_string()])
            }
            What::MissingColumn(c) => trf(lang, Msg::OrgMissingColumn, &[c.key(), c.zh()]),
            What::UnknownHeaders(h) => {
                let quoted: Vec<String> = h.iter().map(|x| format!("“{x}”")).collect();
                trf(
                    lang,
                    Msg::OrgUnknownHeaders,
                    &[&quoted.join(lang.list_separator())],
                )
            }
            What::ExtraCells(k) => trf(lang, Msg::OrgExtraCells, &[&n(*k)]),
            What::Required => trf(lang, Msg::OrgRequired, &[]),
            What::UnknownKind(v) => trf(lang, Msg::OrgUnknownKind, &[v, &kind_list(lang)]),
            What::NotANumber(v) => trf(lang, Msg::OrgNotNumber, &[v]),
            What::Negative(v) => trf(lang, Msg::OrgNegative, &[v]),
            What::NotWhole(v) => trf(lang, Msg::OrgNotWhole, &[v]),
            What::TooBig(v) => trf(lang, Msg::OrgTooBig, &[v]),
            What::Duplicate(r) => trf(lang, Msg::OrgDuplicate, &[&n(*r)]),
            What::BadId(v) => trf(lang, Msg::OrgBadId, &[v]),
            What::UnknownParent(v) => trf(lang, Msg::OrgUnknownParent, &[v]),
            What::ParentSelf => trf(lang, Msg::OrgParentSelf, &[]),
            What::SecondRoot(r) => trf(lang, Msg::OrgSecondRoot, &[&n(*r)]),
            What::NoRoot => trf(lang, Msg::OrgNoRoot, &[]),
            What::Cycle => trf(lang, Msg::OrgCycle, &[]),
            What::TooDeep => trf(lang, Msg::OrgTooDeep, &[&n(MAX_LEVELS)]),
            What::UnknownNeighbour(v) => trf(lang, Msg::OrgUnknownNeighbour, &[v]),
            What::UnknownSetting(v) => trf(lang, Msg::OrgUnknownSetting, &[v]),
            What::UnknownLead(v) => trf(lang, Msg::OrgUnknownLead, &[v]),
            What::UnknownBranch(v) => {
                // Every branch the reader knows, by the name the page's language writes.
                let known: Vec<&str> = BRANCHES
                    .iter()
                    .map(|(_, en, zh)| if lang == Lang::En { *en } else { *zh })
                    .collect();
                trf(
                    lang,
                    Msg::OrgUnknownBranch,
                    &[v, &known.join(lang.name_separator())],
                )
            }
            What::BadRank(v) => trf(lang, Msg::OrgBadRank, &[v]),
        };
        match (self.row, self.column) {
            // Named both ways: a file may have the Chinese headers or the English ones.
            (Some(r), Some(c)) => {
                let other = if lang == Lang::En { c.zh() } else { c.key() };
                trf(
                    lang,
                    Msg::OrgAt,
                    &[&n(r), column_label(c, lang), &what, other],
                )
            }
            (Some(r), None) => trf(lang, Msg::OrgAtRow, &[&n(r), &what]),
            _ => what,
        }
    }
}

/// The kinds a cell may name, as the message's language writes them: the Chinese names in
/// Chinese, the keys in English.
fn kind_list(lang: Lang) -> String {
    UnitKind::ALL
        .iter()
        .map(|k| {
            if lang == Lang::ZhHant {
                to_hant_static(k.name().zh)
            } else if lang.is_chinese() {
                k.name().zh
            } else {
                k.key()
            }
        })
        .collect::<Vec<_>>()
        .join(lang.list_separator())
}

/// A kind from its key, its Chinese or English name, or a common Chinese word for it.
pub fn kind_of(s: &str) -> Option<UnitKind> {
    let s = s.trim();
    // The keys as the templates and this app's files write them, without allocating.
    if let Some(k) = UnitKind::ALL.iter().find(|k| k.key() == s) {
        return Some(*k);
    }
    let low = s.to_ascii_lowercase().replace([' ', '-'], "_");
    if let Some(k) = UnitKind::ALL.iter().find(|k| k.key() == low) {
        return Some(*k);
    }
    // Traditional characters read as the Simplified ones (縣局 as 县局).
    let hans = to_hans(s);
    let s = hans.as_ref();
    let zh = match s {
        "市局" | "市公安局" | "公安局" => UnitKind::MunicipalBureau,
        "分局" | "公安分局" => UnitKind::SubBureau,
        "县局" | "县公安局" | "县（市、区）公安局" => UnitKind::CountyBureau,
        "派出所" | "所" => UnitKind::Station,
        "中心派出所" | "中心所" => UnitKind::CentralStation,
        "防区" | "片区" => UnitKind::District,
        "内设机构" | "部门" | "支队" | "大队" | "处" | "交警大队" => {
            UnitKind::InternalUnit
        }
        "科室" | "科" | "股" => UnitKind::Section,
        "指挥室" | "室" | "办公室" => UnitKind::Office,
        "队" | "中队" => UnitKind::Team,
        "警区" | "交警警区" => UnitKind::PoliceArea,
        "组" | "小组" | "探组" => UnitKind::Group,
        "社区警务室" | "警务室" => UnitKind::CommunityRoom,
        // Its name as the page writes it in either language ("Police station", the legend's
        // and the editor's word), in any case.
        _ => {
            return UnitKind::ALL
                .iter()
                .copied()
                .find(|k| k.name().zh == s || k.name().en.eq_ignore_ascii_case(s))
        }
    };
    Some(zh)
}

const BRANCHES: [(Branch, &str, &str); 12] = [
    (Branch::Command, "command", "指挥"),
    (Branch::Community, "community", "社区"),
    (Branch::Patrol, "patrol", "巡逻"),
    (Branch::Investigation, "investigation", "刑侦"),
    (Branch::CaseHandling, "case_handling", "执法办案"),
    (Branch::Supervision, "supervision", "督察"),
    (Branch::Support, "support", "保障"),
    (Branch::Traffic, "traffic", "交警"),
    (Branch::Intelligence, "intelligence", "情报"),
    (Branch::CounterTerrorism, "counter_terrorism", "反恐"),
    (Branch::DomesticSecurity, "domestic_security", "国保"),
    (Branch::EconomicProtection, "economic_protection", "经保"),
];

fn branch_key(b: Branch) -> &'static str {
    BRANCHES
        .iter()
        .find(|(x, _, _)| *x == b)
        .map_or("", |(_, k, _)| k)
}

fn lead_key(l: Lead) -> &'static str {
    match l {
        Lead::Above => "",
        Lead::Local => "local",
    }
}

fn setting_key(s: Setting) -> &'static str {
    match s {
        Setting::Unspecified => "",
        Setting::CountyTown => "county_town",
        Setting::Rural => "rural",
    }
}

/// An organisation read from a file: its tree, its name, and its text as this version writes
/// it (the JSON file: the same organisation always writes the same text).
#[derive(Clone, Debug)]
pub struct Organisation {
    pub name: Name,
    pub tree: Unit,
}

impl Organisation {
    /// The JSON file of this organisation (what "download this organisation" gives).
    pub fn to_json(&self) -> String {
        to_json(&self.tree, &self.name)
    }
}

// ---- Decoding ----

/// The text of a file's bytes: UTF-8 with or without a BOM, UTF-16 with a BOM, or else what
/// `legacy` makes of it (the browser's GB18030 decoder; it gives `None` where the bytes are not
/// GB18030 either).
pub fn decode(bytes: &[u8], legacy: &dyn Fn(&[u8]) -> Option<String>) -> Result<String, Problem> {
    if bytes.len() > MAX_BYTES {
        return Err(Problem::file(What::TooLarge));
    }
    // A workbook saved as .xlsx (a zip file) or .xls, perhaps renamed to .csv.
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        return Err(Problem::file(What::Workbook));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return std::str::from_utf8(rest)
            .map(str::to_string)
            .map_err(|_| Problem::file(What::NotText));
    }
    for (bom, le) in [([0xff, 0xfe], true), ([0xfe, 0xff], false)] {
        if let Some(rest) = bytes.strip_prefix(&bom) {
            let units = rest.chunks_exact(2).map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            });
            return char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .map_err(|_| Problem::file(What::NotText));
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    legacy(bytes).ok_or_else(|| Problem::file(What::NotText))
}

// ---- Reading ----

/// One unit as read, every field as text (JSON numbers as they are written), with the row
/// it came from.
#[derive(Default)]
struct Row {
    at: usize,
    /// By `Column as usize` (a file has a handful of columns; no hashing per cell).
    cells: [String; Column::ALL.len()],
}

impl Row {
    fn new(at: usize) -> Row {
        Row {
            at,
            ..Row::default()
        }
    }
    fn get(&self, c: Column) -> &str {
        self.cells[c as usize].trim()
    }
    fn set(&mut self, c: Column, v: String) {
        self.cells[c as usize] = v;
    }
}

/// Reads an organisation file's text: JSON when it starts with `{`, else CSV.
pub fn read(text: &str) -> Result<Organisation, Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return Err(vec![Problem::file(What::TooLarge)]);
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(vec![Problem::file(What::Empty)]);
    }
    if text.contains('\0') {
        return Err(vec![Problem::file(What::NotText)]);
    }
    let (rows, name) = if text.trim_start().starts_with('{') {
        let (rows, name) = json_rows(text)?;
        (rows, name)
    } else {
        (csv_rows(text)?, None)
    };
    build(rows, name)
}

/// Splits CSV text into records (RFC 4180: quoted fields may hold separators, quotes written
/// twice and line breaks), with the 1-based line each starts on. The separator is a comma, or
/// a tab or semicolon when the first line has one of those and no comma.
fn records(text: &str) -> Vec<(usize, Vec<String>)> {
    let first = text.split(['\n', '\r']).next().unwrap_or("");
    let sep = if first.contains(',') {
        ','
    } else if first.contains('\t') {
        '\t'
    } else if first.contains(';') {
        ';'
    } else {
        ','
    };
    let sep = sep as u8;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut rec: Vec<String> = Vec::new();
    // The field being read: unquoted text is taken as one slice (separators, quotes and line
    // breaks are ASCII, so every index where one is found is a character boundary); a quoted
    // field is copied, its doubled quotes written once.
    let mut field = String::new();
    let mut from = 0;
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut i = 0;
    let end_record = |rec: &mut Vec<String>, out: &mut Vec<(usize, Vec<String>)>, start: usize| {
        if rec.iter().any(|f| !f.trim().is_empty()) {
            out.push((start, std::mem::take(rec)));
        }
        rec.clear();
    };
    while i < bytes.len() {
        let b = bytes[i];
        if quoted {
            match b {
                b'"' if bytes.get(i + 1) == Some(&b'"') => {
                    field.push_str(&text[from..=i]);
                    i += 2;
                    from = i;
                    continue;
                }
                b'"' => {
                    field.push_str(&text[from..i]);
                    quoted = false;
                    from = i + 1;
                }
                b'\n' => line += 1,
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'"' if field.trim().is_empty() && text[from..i].trim().is_empty() => {
                field.clear();
                quoted = true;
                from = i + 1;
            }
            // CR LF: the CR is dropped and the LF ends the record.
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                field.push_str(&text[from..i]);
                from = i + 1;
            }
            // LF, or a CR alone (old Mac Excel's "CSV (Macintosh)").
            b'\n' | b'\r' => {
                field.push_str(&text[from..i]);
                rec.push(std::mem::take(&mut field));
                from = i + 1;
                end_record(&mut rec, &mut out, start);
                line += 1;
                start = line;
            }
            b if b == sep => {
                field.push_str(&text[from..i]);
                rec.push(std::mem::take(&mut field));
                from = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    field.push_str(&text[from..]);
    rec.push(field);
    end_record(&mut rec, &mut out, start);
    out
}

fn csv_rows(text: &str) -> Result<Vec<Row>, Vec<Problem>> {
    let recs = records(text);
    let Some((_, header)) = recs.first() else {
        return Err(vec![Problem::file(What::Empty)]);
    };
    let cols: Vec<Option<Column>> = header.iter().map(|h| Column::from_header(h)).collect();
    if cols.iter().all(Option::is_none) {
        return Err(vec![Problem::file(What::NotOrganisation)]);
    }
    let mut problems: Vec<Problem> = Column::REQUIRED
        .iter()
        .filter(|c| !cols.contains(&Some(**c)))
        .map(|c| Problem {
            row: Some(1),
            column: Some(*c),
            what: What::MissingColumn(*c),
        })
        .collect();
    // A column missing may be one whose header is misspelt: the headers not recognised are
    // named (only then; other columns a file has are left alone).
    let unknown: Vec<String> = header
        .iter()
        .zip(&cols)
        .filter(|(h, c)| c.is_none() && !h.trim().is_empty())
        .map(|(h, _)| h.trim().chars().take(40).collect())
        .take(10)
        .collect();
    if !problems.is_empty() && !unknown.is_empty() {
        problems.push(Problem {
            row: Some(1),
            column: None,
            what: What::UnknownHeaders(unknown),
        });
    }
    if recs.len() - 1 > MAX_UNITS {
        problems.push(Problem::file(What::TooManyUnits(recs.len() - 1)));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = Vec::with_capacity(recs.len() - 1);
    for (line, rec) in recs.into_iter().skip(1) {
        let mut row = Row::new(line);
        if rec.len() > cols.len() && rec[cols.len()..].iter().any(|f| !f.trim().is_empty()) {
            problems.push(Problem {
                row: Some(line),
                column: None,
                what: What::ExtraCells(rec.len()),
            });
        }
        for (c, v) in cols.iter().zip(rec) {
            if let Some(c) = c {
                row.set(*c, v);
            }
        }
        rows.push(row);
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// The JSON file as read: loose, so that every unit's problems are found in one reading.
#[derive(Deserialize)]
struct FileIn {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    name: Option<NameIn>,
    units: Option<Vec<serde_json::Map<String, serde_json::Value>>>,
}

#[derive(Deserialize)]
struct NameIn {
    #[serde(default)]
    zh: String,
    #[serde(default)]
    en: String,
}

fn json_rows(text: &str) -> Result<(Vec<Row>, Option<Name>), Vec<Problem>> {
    // serde_json refuses nesting deeper than 128 before it recurses further: no stack overflow.
    let file: FileIn = serde_json::from_str(text).map_err(|e| {
        let what = if e.is_data() {
            What::NotOrganisation
        } else {
            What::NotJson(format!("{}:{}", e.line(), e.column()))
        };
        vec![Problem::file(what)]
    })?;
    if file.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(vec![Problem::file(What::NotOrganisation)]);
    }
    match file.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => {
            return Err(vec![Problem::file(What::NewerVersion(v))]);
        }
        Some(_) => {}
        None => return Err(vec![Problem::file(What::NotOrganisation)]),
    }
    let Some(units) = file.units else {
        return Err(vec![Problem::file(What::NotOrganisation)]);
    };
    if units.len() > MAX_UNITS {
        return Err(vec![Problem::file(What::TooManyUnits(units.len()))]);
    }
    let mut problems = Vec::new();
    let rows = units
        .iter()
        .enumerate()
        .map(|(i, obj)| {
            let mut row = Row::new(i + 1);
            for (k, v) in obj {
                let Some(c) = Column::ALL.into_iter().find(|c| c.key() == k) else {
                    continue;
                };
                let text = match (c, v) {
                    (_, serde_json::Value::Null) => String::new(),
                    (_, serde_json::Value::String(s)) => s.clone(),
                    (_, serde_json::Value::Number(n)) => n.to_string(),
                    (Column::Neighbours, serde_json::Value::Array(a)) => a
                        .iter()
                        .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
                        .collect::<Vec<_>>()
                        .join(";"),
                    (Column::Ranks, serde_json::Value::Array(a)) => a
                        .iter()
                        .map(|x| match x.as_array().map(Vec::as_slice) {
                            Some(
                                [serde_json::Value::String(zh), serde_json::Value::String(en)],
                            ) => {
                                format!("{zh}|{en}")
                            }
                            _ => x.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(";"),
                    (_, other) => {
                        problems.push(Problem::at(i + 1, c, What::NotANumber(other.to_string())));
                        continue;
                    }
                };
                row.set(c, text);
            }
            row
        })
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    let name = file
        .name
        .filter(|n| !n.zh.trim().is_empty() || !n.en.trim().is_empty())
        .map(|n| {
            let zh = if n.zh.trim().is_empty() { &n.en } else { &n.zh };
            let en = if n.en.trim().is_empty() { &n.zh } else { &n.en };
            Name::new(zh.trim(), en.trim())
        });
    Ok((rows, name))
}

/// A number cell as Rust reads numbers: digit-group separators dropped, full-width digits,
/// point and minus (what a Chinese input method types) made ASCII. Most cells have none of
/// them (no copy then).
fn ascii_number(raw: &str) -> std::borrow::Cow<'_, str> {
    let wide = |c: char| ('\u{ff10}'..='\u{ff19}').contains(&c) || c == '．' || c == '－';
    if !raw.contains([',', '，', '_']) && !raw.contains(wide) {
        return raw.into();
    }
    raw.chars()
        .filter(|c| !matches!(c, ',' | '，' | '_'))
        .map(|c| match c {
            '\u{ff10}'..='\u{ff19}' => char::from(b'0' + (c as u32 - 0xff10) as u8),
            '．' => '.',
            '－' => '-',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// A whole number of at most `max` from a cell (empty reads `0` where `optional`).
fn whole(
    row: &Row,
    c: Column,
    max: u64,
    optional: bool,
    problems: &mut Vec<Problem>,
) -> Option<u64> {
    let s = ascii_number(row.get(c));
    if s.is_empty() {
        if !optional {
            problems.push(Problem::at(row.at, c, What::Required));
        }
        return optional.then_some(0);
    }
    let Ok(v) = s.parse::<f64>() else {
        problems.push(Problem::at(row.at, c, What::NotANumber(row.get(c).into())));
        return None;
    };
    let what = if !v.is_finite() {
        What::NotANumber(row.get(c).into())
    } else if v < 0.0 {
        What::Negative(row.get(c).into())
    } else if v.fract() != 0.0 {
        What::NotWhole(row.get(c).into())
    } else if v > max as f64 {
        What::TooBig(row.get(c).into())
    } else {
        return Some(v as u64);
    };
    problems.push(Problem::at(row.at, c, what));
    None
}

/// Staff per unit and more: far above any bureau, and small enough that sums stay in `u32`.
const MAX_STAFF: u64 = 200_000;

fn build(rows: Vec<Row>, name: Option<Name>) -> Result<Organisation, Vec<Problem>> {
    if rows.is_empty() {
        return Err(vec![Problem::file(What::Empty)]);
    }
    let mut problems = Vec::new();
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let id = row.get(Column::Id);
        if id.is_empty() {
            problems.push(Problem::at(row.at, Column::Id, What::Required));
        } else if id.contains(';') || id.chars().count() > 120 {
            problems.push(Problem::at(row.at, Column::Id, What::BadId(id.into())));
        } else if let Some(&j) = first.get(id) {
            problems.push(Problem::at(row.at, Column::Id, What::Duplicate(rows[j].at)));
        } else {
            first.insert(id, i);
        }
    }
    // Parents, and the one top unit.
    let mut parent: Vec<Option<usize>> = vec![None; rows.len()];
    let mut root: Option<usize> = None;
    for (i, row) in rows.iter().enumerate() {
        let p = row.get(Column::Parent);
        if p.is_empty() {
            match root {
                None => root = Some(i),
                Some(r) => problems.push(Problem::at(
                    row.at,
                    Column::Parent,
                    What::SecondRoot(rows[r].at),
                )),
            }
        } else if p == row.get(Column::Id) {
            problems.push(Problem::at(row.at, Column::Parent, What::ParentSelf));
        } else {
            match first.get(p) {
                Some(&j) => parent[i] = Some(j),
                None => problems.push(Problem::at(
                    row.at,
                    Column::Parent,
                    What::UnknownParent(p.into()),
                )),
            }
        }
    }
    let Some(root) = root else {
        problems.push(Problem::file(What::NoRoot));
        return Err(problems);
    };
    // Depth of each unit by walking up (a cycle never reaches the top; capped walks).
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    for (i, p) in parent.iter().enumerate() {
        if let Some(p) = p {
            children[*p].push(i);
        }
    }
    let mut depth: Vec<Option<usize>> = vec![None; rows.len()];
    let mut stack = vec![(root, 1usize)];
    while let Some((u, d)) = stack.pop() {
        depth[u] = Some(d);
        // The first unit past the limit on each path says so; those under it are reached
        // (not a cycle) and say nothing more.
        if d == MAX_LEVELS + 1 {
            problems.push(Problem::at(rows[u].at, Column::Parent, What::TooDeep));
        }
        stack.extend(children[u].iter().map(|&c| (c, d + 1)));
    }
    for (i, row) in rows.iter().enumerate() {
        // Reached from nowhere although its parent is known: its parents come back round.
        if depth[i].is_none() && parent[i].is_some() {
            problems.push(Problem::at(row.at, Column::Parent, What::Cycle));
        }
    }
    // Every other cell.
    let mut units: Vec<Option<Unit>> = Vec::with_capacity(rows.len());
    let mut total_staff = 0u64;
    for row in &rows {
        let kind = match kind_of(row.get(Column::Kind)) {
            Some(k) => Some(k),
            None => {
                let what = if row.get(Column::Kind).is_empty() {
                    What::Required
                } else {
                    What::UnknownKind(row.get(Column::Kind).into())
                };
                problems.push(Problem::at(row.at, Column::Kind, what));
                None
            }
        };
        let zh = row.get(Column::Name);
        if zh.is_empty() {
            problems.push(Problem::at(row.at, Column::Name, What::Required));
        }
        let organ = whole(row, Column::Organ, MAX_STAFF, false, &mut problems);
        let frontline = whole(row, Column::Frontline, MAX_STAFF, false, &mut problems);
        total_staff += organ.unwrap_or(0) + frontline.unwrap_or(0);
        let residents = whole(row, Column::Residents, 1 << 40, true, &mut problems);
        let incidents = whole(row, Column::Incidents, 1 << 40, true, &mut problems);
        let communities = whole(row, Column::Communities, 1 << 20, true, &mut problems);
        let area = {
            let s = ascii_number(row.get(Column::Area));
            if s.is_empty() {
                Some(0.0)
            } else {
                match s.parse::<f64>() {
                    Ok(v) if (0.0..1e9).contains(&v) => Some(v),
                    Ok(v) if v < 0.0 => {
                        problems.push(Problem::at(
                            row.at,
                            Column::Area,
                            What::Negative(row.get(Column::Area).into()),
                        ));
                        None
                    }
                    _ => {
                        problems.push(Problem::at(
                            row.at,
                            Column::Area,
                            What::NotANumber(row.get(Column::Area).into()),
                        ));
                        None
                    }
                }
            }
        };
        let mut neighbours = Vec::new();
        for n in row
            .get(Column::Neighbours)
            .split([';', '；', '|'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            if first.contains_key(n) {
                neighbours.push(Id::from(n));
            } else {
                problems.push(Problem::at(
                    row.at,
                    Column::Neighbours,
                    What::UnknownNeighbour(n.into()),
                ));
            }
        }
        // Words in Traditional characters read as the Simplified ones (農村 as 农村).
        let setting = match to_hans(row.get(Column::Setting)).as_ref() {
            "" => Some(Setting::Unspecified),
            "county_town" | "城关" | "县城" => Some(Setting::CountyTown),
            "rural" | "农村" | "乡镇" => Some(Setting::Rural),
            s => {
                problems.push(Problem::at(
                    row.at,
                    Column::Setting,
                    What::UnknownSetting(s.into()),
                ));
                None
            }
        };
        let lead = match to_hans(row.get(Column::Lead)).as_ref() {
            "" | "above" | "条" | "垂直" => Some(Lead::Above),
            "local" | "块" | "属地" | "地方" => Some(Lead::Local),
            s => {
                problems.push(Problem::at(
                    row.at,
                    Column::Lead,
                    What::UnknownLead(s.into()),
                ));
                None
            }
        };
        let branch = match to_hans(row.get(Column::Branch)).as_ref() {
            "" => Some(None),
            s => match BRANCHES.iter().find(|(_, k, zh)| *k == s || *zh == s) {
                Some((b, _, _)) => Some(Some(*b)),
                None => {
                    problems.push(Problem::at(
                        row.at,
                        Column::Branch,
                        What::UnknownBranch(s.into()),
                    ));
                    None
                }
            },
        };
        let mut ranks = Vec::new();
        for r in row
            .get(Column::Ranks)
            .split([';', '；'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            match r.split_once('|') {
                Some((zh, en)) if !zh.trim().is_empty() && !en.trim().is_empty() => {
                    ranks.push((zh.trim().to_string(), en.trim().to_string()));
                }
                None if r.chars().count() <= 40 => ranks.push((r.to_string(), r.to_string())),
                _ => problems.push(Problem::at(row.at, Column::Ranks, What::BadRank(r.into()))),
            }
        }
        if ranks.len() > 16 {
            problems.push(Problem::at(
                row.at,
                Column::Ranks,
                What::BadRank(row.get(Column::Ranks).into()),
            ));
        }
        let made = (|| {
            let kind = kind?;
            let en = match row.get(Column::NameEn) {
                "" => zh,
                en => en,
            };
            let mut u = Unit::new(row.get(Column::Id), Name::new(zh, en), kind.name(), kind)
                .with_staff(Staff::new(organ? as u32, frontline? as u32))
                .with_residents(residents?)
                .with_incidents(incidents?)
                .with_communities(communities?)
                .with_area(area?)
                .with_neighbours(Ids::from(neighbours))
                .with_setting(setting?)
                .with_lead(lead?)
                .with_ranks(crate::model::own::ranks(&ranks));
            u.branch = branch?;
            Some(u)
        })();
        units.push(made);
    }
    if total_staff > MAX_TOTAL_STAFF {
        problems.push(Problem::file(What::TooManyStaff(total_staff)));
    }
    if !problems.is_empty() {
        crate::model::order::sort_by_key(&mut problems, |p| {
            (p.row.unwrap_or(0), p.column.map(|c| c as usize))
        });
        return Err(problems);
    }
    // Every unit is made and reached from the top: assemble bottom-up, deepest first.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    crate::model::order::sort_by_key(&mut order, |&i| std::cmp::Reverse(depth[i].unwrap_or(0)));
    for &i in &order {
        if children[i].is_empty() {
            continue;
        }
        let kids: Vec<Unit> = children[i]
            .iter()
            .filter_map(|&c| units[c].take())
            .collect();
        if let Some(u) = units[i].take() {
            units[i] = Some(u.with_children(kids));
        }
    }
    let Some(tree) = units[root].take() else {
        return Err(vec![Problem::file(What::NoRoot)]);
    };
    let name = name.unwrap_or_else(|| tree.name.clone());
    Ok(Organisation { name, tree })
}

// ---- In a link ----

/// Longest fragment value a link carries (characters): browsers take far longer addresses,
/// but chat tools and mail clients cut them. Compressed (`#orgz=`, deflate), that is about
/// 2,000 units of a generated file of sub-bureaus, stations and teams (fewer where names and
/// figures vary more); uncompressed (`#org=`, where the browser has no `CompressionStream`),
/// about 160.
pub const LINK_MAX: usize = 32_000;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
fn b64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(B64[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

fn b64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let v = B64.iter().position(|b| *b == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The organisation as the compact JSON file a link carries (compressed or not).
pub fn link_json(tree: &Unit, name: &Name) -> String {
    serde_json::to_string(&file_out(tree, name)).unwrap_or_default()
}

/// `bytes` (a link's JSON, compressed or not) as a fragment value in base64url, or `None` when
/// that would be longer than `LINK_MAX`.
pub fn link_value(bytes: &[u8]) -> Option<String> {
    // Base64 without padding writes 4 characters for every 3 bytes, rounded up.
    ((bytes.len() * 4).div_ceil(3) <= LINK_MAX).then(|| b64_encode(bytes))
}

/// The bytes a fragment value carries (still compressed, for `#orgz=`).
pub fn link_bytes(value: &str) -> Result<Vec<u8>, Vec<Problem>> {
    if value.len() > LINK_MAX {
        return Err(vec![Problem::file(What::TooLarge)]);
    }
    b64_decode(value.trim()).ok_or_else(|| vec![Problem::file(What::NotText)])
}

/// The organisation in a link's JSON (decompressed).
pub fn from_link_json(bytes: Vec<u8>) -> Result<Organisation, Vec<Problem>> {
    let text = String::from_utf8(bytes).map_err(|_| vec![Problem::file(What::NotText)])?;
    read(&text)
}

/// The organisation as an uncompressed link's fragment value (`#org=`), or `None` when that
/// would be longer than `LINK_MAX`.
pub fn to_link(tree: &Unit, name: &Name) -> Option<String> {
    link_value(link_json(tree, name).as_bytes())
}

/// The organisation an uncompressed link's `org=` value carries.
pub fn from_link(value: &str) -> Result<Organisation, Vec<Problem>> {
    from_link_json(link_bytes(value)?)
}

// ---- Writing ----

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    name: NameOut<'a>,
    units: Vec<UnitOut<'a>>,
}

#[derive(Serialize)]
struct NameOut<'a> {
    zh: &'a str,
    en: &'a str,
}

#[derive(Serialize)]
struct UnitOut<'a> {
    id: &'a str,
    parent: Option<&'a str>,
    name: &'a str,
    name_en: &'a str,
    kind: &'static str,
    organ: u32,
    frontline: u32,
    #[serde(skip_serializing_if = "is_zero")]
    residents: u64,
    #[serde(skip_serializing_if = "is_zero")]
    incidents: u64,
    #[serde(skip_serializing_if = "is_zero_f")]
    area_km2: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    neighbours: Vec<&'a str>,
    #[serde(skip_serializing_if = "is_zero")]
    communities: u64,
    #[serde(skip_serializing_if = "str::is_empty")]
    setting: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    branch: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ranks: Vec<[&'static str; 2]>,
    #[serde(skip_serializing_if = "str::is_empty")]
    lead: &'static str,
}

fn is_zero(v: &u64) -> bool {
    *v == 0
}

fn is_zero_f(v: &f64) -> bool {
    *v == 0.0
}

/// Every unit, top down (each after its parent), with its parent's id.
fn units_of(tree: &Unit) -> Vec<(Option<&str>, &Unit)> {
    let mut out = Vec::new();
    let mut stack: Vec<(Option<&str>, &Unit)> = vec![(None, tree)];
    while let Some((p, u)) = stack.pop() {
        out.push((p, u));
        for c in u.children.iter().rev() {
            stack.push((Some(u.id.as_str()), c));
        }
    }
    out
}

fn unit_out<'a>(parent: Option<&'a str>, u: &'a Unit) -> UnitOut<'a> {
    UnitOut {
        id: u.id.as_str(),
        parent,
        name: u.name.get(Lang::Zh),
        name_en: u.name.get(Lang::En),
        kind: u.kind.key(),
        organ: u.staff.organ,
        frontline: u.staff.frontline,
        residents: u.residents,
        incidents: u.incidents,
        area_km2: u.area_km2,
        neighbours: u.neighbours.iter().map(Id::as_str).collect(),
        communities: u.communities,
        setting: setting_key(u.setting),
        branch: u.branch.map_or("", branch_key),
        ranks: u.ranks.iter().map(|Rank(t)| [t.zh, t.en]).collect(),
        lead: lead_key(u.lead),
    }
}

/// The JSON organisation file of `tree`.
pub fn to_json(tree: &Unit, name: &Name) -> String {
    serde_json::to_string_pretty(&file_out(tree, name)).unwrap_or_default()
}

/// An organisation file as `to_json` writes it, with the hash its key is made of
/// (`own::content_hash`).
#[derive(Clone, Debug)]
pub struct File {
    pub text: Rc<str>,
    pub hash: u64,
}

/// The file of the tree written last, kept to write the next one quickly (`file`).
struct Written {
    /// The tree, kept so that every `Children` list of it stays alive: their addresses name
    /// them in `under` and cannot be another list's.
    _tree: Unit,
    file: File,
    /// For each unit with units under it, in the order of the text: its `Children` list's
    /// address, its id, and where the text of the units under it is (from the `,` after the
    /// unit's own object to the end of its last descendant's).
    under: Vec<(usize, Id, usize, usize)>,
    /// `at[i]`: the hash of the text's first `i * STRIDE` bytes.
    at: Vec<u64>,
}

/// Bytes between two kept states of the hash.
const STRIDE: usize = 4096;

thread_local! {
    static WRITTEN: std::cell::RefCell<Option<Written>> = const { std::cell::RefCell::new(None) };
}

/// The organisation file of `tree` named `name` and its hash: the same text as `to_json`,
/// written in a fraction of its time after a small edit. The file last written is kept; every
/// subtree the new tree shares with it (`Children` are shared by the trees an edit makes) is
/// copied from its text, only the units on the edited path are written, and the hash goes on
/// from the last kept state before the first byte that differs. One file is kept at a time.
pub fn file(tree: &Unit, name: &Name) -> File {
    WRITTEN.with(|w| {
        let mut w = w.borrow_mut();
        let next = write(tree, name, w.as_ref());
        let file = next.file.clone();
        *w = Some(next);
        file
    })
}

/// The file `file` wrote last, if any.
pub fn last_file() -> Option<File> {
    WRITTEN.with(|w| w.borrow().as_ref().map(|w| w.file.clone()))
}

/// What `to_json` writes around the units: before the first and after the last.
fn frame(name: &Name) -> (String, String) {
    let empty = FileOut {
        format: FORMAT,
        version: VERSION,
        name: NameOut {
            zh: name.get(Lang::Zh),
            en: name.get(Lang::En),
        },
        units: Vec::new(),
    };
    let text = serde_json::to_string_pretty(&empty).unwrap_or_default();
    let cut = text.rfind("[]").unwrap_or(text.len());
    let (head, tail) = text.split_at(cut);
    (
        format!("{head}[\n"),
        format!("\n  ]{}", tail.get(2..).unwrap_or_default()),
    )
}

/// One unit's object as `to_json` writes it inside the list of units (indented two levels).
fn write_unit(out: &mut String, parent: Option<&str>, u: &Unit) {
    let one = serde_json::to_string_pretty(&unit_out(parent, u)).unwrap_or_default();
    for (i, line) in one.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("    ");
        out.push_str(line);
    }
}

fn write(tree: &Unit, name: &Name, last: Option<&Written>) -> Written {
    enum Item<'a> {
        Unit(Option<&'a str>, &'a Unit),
        /// The end of the units under the unit of `under[i]`.
        End(usize),
    }
    let (head, tail) = frame(name);
    let mut out = String::with_capacity(last.map_or(0, |l| l.file.text.len()) + 256);
    out.push_str(&head);
    let mut under: Vec<(usize, Id, usize, usize)> = Vec::new();
    let old: HashMap<usize, usize> = last
        .map(|l| l.under.iter().enumerate().map(|(i, e)| (e.0, i)).collect())
        .unwrap_or_default();
    let mut stack = vec![Item::Unit(None, tree)];
    while let Some(item) = stack.pop() {
        let (parent, u) = match item {
            Item::Unit(p, u) => (p, u),
            Item::End(i) => {
                under[i].3 = out.len();
                continue;
            }
        };
        if parent.is_some() {
            out.push_str(",\n");
        }
        write_unit(&mut out, parent, u);
        if u.children.is_empty() {
            continue;
        }
        let addr = u.children.addr();
        let shared = last
            .zip(old.get(&addr))
            .filter(|(l, i)| l.under[**i].1 == u.id);
        if let Some((l, &i)) = shared {
            // The units under `u` are the ones written last time: their text is copied, and
            // where each subtree inside it lies, moved with it.
            let (s, e) = (l.under[i].2, l.under[i].3);
            let shift = out.len() as isize - s as isize;
            out.push_str(&l.file.text[s..e]);
            for (a, id, es, ee) in l.under[i..].iter().take_while(|x| x.2 < e) {
                under.push((
                    *a,
                    id.clone(),
                    (*es as isize + shift) as usize,
                    (*ee as isize + shift) as usize,
                ));
            }
            continue;
        }
        under.push((addr, u.id.clone(), out.len(), out.len()));
        stack.push(Item::End(under.len() - 1));
        for c in u.children.iter().rev() {
            stack.push(Item::Unit(Some(u.id.as_str()), c));
        }
    }
    out.push_str(&tail);
    // The hash: the same as the last file's up to the kept state before the first byte that
    // differs, then on over the rest.
    let (same, text) = match last {
        Some(l) if *l.file.text == *out => (out.len(), l.file.text.clone()),
        Some(l) => (
            first_difference(l.file.text.as_bytes(), out.as_bytes()),
            Rc::from(out),
        ),
        None => (0, Rc::from(out)),
    };
    let kept = last.map_or(0, |l| (same / STRIDE).min(l.at.len().saturating_sub(1)));
    let mut at: Vec<u64> = last.map_or_else(Vec::new, |l| l.at[..=kept].to_vec());
    if at.is_empty() {
        at.push(crate::model::own::HASH_START);
    }
    let bytes = text.as_bytes();
    let mut h = at[at.len() - 1];
    let mut from = (at.len() - 1) * STRIDE;
    while from < bytes.len() {
        let to = (from + STRIDE).min(bytes.len());
        h = crate::model::own::hash_on(h, &bytes[from..to]);
        if to - from == STRIDE {
            at.push(h);
        }
        from = to;
    }
    Written {
        _tree: tree.clone(),
        file: File { text, hash: h },
        under,
        at,
    }
}

/// The first byte where `a` and `b` differ (the shorter one's length when it begins the other).
fn first_difference(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let blocks = a
        .chunks(BLOCK)
        .zip(b.chunks(BLOCK))
        .position(|(x, y)| x != y);
    match blocks {
        None => a.len().min(b.len()),
        Some(i) => {
            let (x, y) = (&a[i * BLOCK..], &b[i * BLOCK..]);
            i * BLOCK
                + x.iter()
                    .zip(y)
                    .position(|(p, q)| p != q)
                    .unwrap_or(x.len().min(y.len()))
        }
    }
}

fn file_out<'a>(tree: &'a Unit, name: &'a Name) -> FileOut<'a> {
    FileOut {
        format: FORMAT,
        version: VERSION,
        name: NameOut {
            zh: name.get(Lang::Zh),
            en: name.get(Lang::En),
        },
        units: units_of(tree)
            .into_iter()
            .map(|(p, u)| unit_out(p, u))
            .collect(),
    }
}

/// The CSV file of `tree` (UTF-8 with a BOM, CRLF, RFC 4180 quoting; `zh` headers in Chinese):
/// the canonical columns, and the five more only where a unit has a value for them.
pub fn to_csv(tree: &Unit, zh: bool) -> String {
    let units = units_of(tree);
    let extra = [
        (
            Column::Communities,
            units.iter().any(|(_, u)| u.communities > 0),
        ),
        (
            Column::Setting,
            units.iter().any(|(_, u)| u.setting != Setting::Unspecified),
        ),
        (
            Column::Branch,
            units.iter().any(|(_, u)| u.branch.is_some()),
        ),
        (
            Column::Ranks,
            units.iter().any(|(_, u)| !u.ranks.is_empty()),
        ),
        (
            Column::Lead,
            units.iter().any(|(_, u)| u.lead != Lead::Above),
        ),
    ];
    let cols: Vec<Column> = Column::ALL[..11]
        .iter()
        .copied()
        .chain(extra.iter().filter(|(_, on)| *on).map(|(c, _)| *c))
        .collect();
    let mut out = String::from(BOM);
    let head: Vec<String> = cols
        .iter()
        .map(|c| if zh { c.zh() } else { c.key() }.to_string())
        .collect();
    row(&mut out, &head);
    for (p, u) in units {
        let o = unit_out(p, u);
        let cells: Vec<String> = cols
            .iter()
            .map(|c| match c {
                Column::Id => o.id.to_string(),
                Column::Parent => o.parent.unwrap_or("").to_string(),
                Column::Name => o.name.to_string(),
                Column::NameEn => o.name_en.to_string(),
                Column::Kind => o.kind.to_string(),
                Column::Organ => o.organ.to_string(),
                Column::Frontline => o.frontline.to_string(),
                Column::Residents => o.residents.to_string(),
                Column::Incidents => o.incidents.to_string(),
                Column::Area => crate::i18n::plain_number(o.area_km2),
                Column::Neighbours => o.neighbours.join(";"),
                Column::Communities => o.communities.to_string(),
                Column::Setting => o.setting.to_string(),
                Column::Branch => o.branch.to_string(),
                Column::Lead => o.lead.to_string(),
                Column::Ranks => o
                    .ranks
                    .iter()
                    .map(|[zh, en]| format!("{zh}|{en}"))
                    .collect::<Vec<_>>()
                    .join(";"),
            })
            .collect();
        row(&mut out, &cells);
    }
    out
}

/// A template to fill in: the header and two example rows, in Chinese or English.
pub fn template(zh: bool) -> String {
    let (a, b) = if zh {
        (
            "m,,某市公安局,Municipal bureau,市局,120,40,800000,,,",
            "s1,m,城区派出所,Urban station,派出所,6,30,50000,4000,12.5,",
        )
    } else {
        (
            "m,,Municipal bureau,Municipal bureau,municipal_bureau,120,40,800000,,,",
            "s1,m,Urban station,Urban station,station,6,30,50000,4000,12.5,",
        )
    };
    let head: Vec<&str> = Column::ALL[..11]
        .iter()
        .map(|c| if zh { c.zh() } else { c.key() })
        .collect();
    format!("{BOM}{}\r\n{a}\r\n{b}\r\n", head.join(","))
}

/// The stations of `tree` with no incidents (a blank cell reads 0) where another station has
/// some: the workload figures count them as 0, which makes the spread of incidents per officer
/// look worse or better than it is, so the import says so. Empty when no station has incidents
/// (the workload figures are then not about this file).
pub fn stations_without_incidents(tree: &Unit) -> Vec<&Unit> {
    let stations: Vec<&Unit> = tree
        .walk()
        .into_iter()
        .map(|(_, u)| u)
        .filter(|u| u.kind.is_station())
        .collect();
    if !stations.iter().any(|u| u.incidents > 0) {
        return Vec::new();
    }
    stations.into_iter().filter(|u| u.incidents == 0).collect()
}

/// The message for a list of problems' first line in `lang` ("3 problems; nothing was
/// imported").
pub fn summary(n: usize, lang: Lang) -> String {
    if n == 1 {
        return tr(lang, Msg::OrgProblem).to_string();
    }
    trf(lang, Msg::OrgProblems, &[&n.to_string()])
}

/// The name of a column as `lang` shows it.
pub fn column_label(c: Column, lang: Lang) -> &'static str {
    match lang {
        Lang::En => c.key(),
        _ => c.zh(),
    }
}
