//! All user-visible words. UI strings live in one table per language (`zh.rs`, `en.rs`), reached
//! through the `Msg` enum: a missing translation is a compile error, not a blank on screen.
//! Model content (unit names, quotes, reasons) carries both languages in `Text` / `Name`.

mod en;
mod zh;

use std::sync::{Arc, OnceLock};

use crate::model::metrics::MetricKey;

/// A display language. Simplified Chinese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];
    /// The value used in `?lang=` and in the `lang` attribute of the page.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            Lang::En => "en",
        }
    }
    /// Accepts the codes the app writes, and a few common spellings.
    pub fn from_code(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "zh" | "zh-hans" | "zh-cn" | "zh_cn" => Some(Lang::Zh),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }
    /// Between the items of a list in running text.
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::Zh => "，",
            Lang::En => ", ",
        }
    }
    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "简体中文",
            Lang::En => "English",
        }
    }
}

/// A fixed text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(zh: &'static str, en: &'static str) -> Self {
        Text { zh, en }
    }
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// A unit's name in both languages (e.g. "分局 3" / "Sub-bureau 3"). Cheap to clone: a fixed
/// text is two static strings, a numbered one is formatted only when first read, and any other
/// name is shared.
#[derive(Clone)]
pub struct Name(Repr);

#[derive(Clone)]
enum Repr {
    Fixed(Text),
    /// The text followed by `n`, each language written on first `get`.
    Numbered {
        text: Text,
        n: usize,
        zh: OnceLock<Arc<str>>,
        en: OnceLock<Arc<str>>,
    },
    Owned {
        zh: Arc<str>,
        en: Arc<str>,
    },
}

impl Name {
    /// A name from text in both languages.
    pub fn new(zh: impl Into<Arc<str>>, en: impl Into<Arc<str>>) -> Name {
        Name(Repr::Owned {
            zh: zh.into(),
            en: en.into(),
        })
    }
    pub fn get(&self, lang: Lang) -> &str {
        match &self.0 {
            Repr::Fixed(t) => t.get(lang),
            Repr::Numbered { text, n, zh, en } => match lang {
                Lang::Zh => zh.get_or_init(|| format!("{}{n}", text.zh).into()),
                Lang::En => en.get_or_init(|| format!("{} {n}", text.en).into()),
            },
            Repr::Owned { zh, en } => match lang {
                Lang::Zh => zh,
                Lang::En => en,
            },
        }
    }
    /// The Chinese name.
    pub fn zh(&self) -> &str {
        self.get(Lang::Zh)
    }
    /// The English name.
    pub fn en(&self) -> &str {
        self.get(Lang::En)
    }
    /// The fixed text as a name.
    pub fn of(t: Text) -> Name {
        Name(Repr::Fixed(t))
    }
    /// The fixed text followed by a number: "分局3", "Sub-bureau 3".
    pub fn numbered(t: Text, n: usize) -> Name {
        Name(Repr::Numbered {
            text: t,
            n,
            zh: OnceLock::new(),
            en: OnceLock::new(),
        })
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        match (&self.0, &other.0) {
            (Repr::Fixed(a), Repr::Fixed(b)) => a == b,
            (Repr::Numbered { text: a, n: m, .. }, Repr::Numbered { text: b, n, .. })
                if m == n && a == b =>
            {
                true
            }
            _ => Lang::ALL.into_iter().all(|l| self.get(l) == other.get(l)),
        }
    }
}

impl Eq for Name {}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Name")
            .field("zh", &self.zh())
            .field("en", &self.en())
            .finish()
    }
}

/// Every UI string. Add a variant here and the compiler asks for it in each language table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    AppTitle,
    AppTagline,
    Cases,
    Variant,
    Language,
    NotYetModelled,
    Parameters,
    Reset,
    Before,
    After,
    Change,
    Reported,
    Model,
    Numbers,
    Metric,
    // Numbers: spans, layers, breakdowns
    SpansLayersTitle,
    SpansLayersHint,
    BreakdownTitle,
    BreakdownHint,
    ByTier,
    ByKind,
    Tier,
    TierN,
    KindOfUnit,
    OrganShort,
    FrontlineShort,
    Total,
    UnitCount,
    ChartTiers,
    ChartBands,
    ChartOrganFrontline,
    ChartsText,
    SpanBand,
    PerUnitTitle,
    RootOwn,
    Diagrams,
    Source,
    Assumption,
    AssumptionLabel,
    SourceDoc,
    ErrEmpty,
    ErrNotNumber,
    ErrRange,
    ErrWhole,
    ModelErrorTitle,
    KeepingLastResult,
    UrlNotice,
    UrlUnknownKey,
    UrlBadValue,
    UrlUnknownCase,
    UrlCaseNotModelled,
    UrlUnknownVariant,
    UrlUnknownLang,
    UrlBadStep,
    /// {0}: the link's format version, {1}: this version's.
    UrlNewerFormat,
    Dismiss,
    GroupIdentical,
    StaffSuffix,
    EachSuffix,
    ReportedOnly,
    ReportedNote,
    HowComputed,
    Footer,
    /// {0}: build date, {1}: version.
    OfflineCopy,
    CsvSection,
    CsvKey,
    CsvReportedBefore,
    CsvReportedAfter,
    CsvUnitsBefore,
    CsvUnitsAfter,
    CsvOrganBefore,
    CsvOrganAfter,
    CsvFrontlineBefore,
    CsvFrontlineAfter,
    Export,
    ExportCsv,
    ExportSvg,
    ExportPng,
    ExportFailed,
    Share,
    LinkLabel,
    CopyLink,
    Copied,
    CopyByHand,
    EmbedLabel,
    CopySnippet,
    EmbedHint,
    EmbedFrameTitle,
    OpenFull,
    Notes,
    PanicTitle,
    PanicBody,
    Reload,
    DiagramLabel,
    Legend,
    Placeholder,
    Steps,
    Baseline,
    BaselineSummary,
    PrevStep,
    NextStep,
    StaffFlow,
    FlowNone,
    FlowDown,
    FlowUp,
    FlowNet,
    SourcesTitle,
    SourcesCount,
    Documents,
    Default,
    LineageTitle,
    LineageHint,
    FormedFrom,
    AndMore,
    AfterStep,
    AfterStepShort,
    RowError,
    RowTableTitle,
    RowTableHint,
    ClearEdits,
    Unit,
    Staff,
    Incidents,
    PerOfficer,
    WorkloadTitle,
    WorkloadHint,
    // Diagram view, search, change marks, themes
    UrlBadOption,
    HiddenBelow,
    ViewControls,
    ZoomIn,
    ZoomOut,
    FitView,
    ResetView,
    ExpandAll,
    CollapseAll,
    LayoutTopDown,
    LayoutLeftRight,
    LayoutLabel,
    SearchLabel,
    SearchPlaceholder,
    SearchCount,
    SearchNone,
    DiagramHelp,
    OutlineTitle,
    ChangesTitle,
    ChangeKept,
    ChangeFormed,
    ChangeNew,
    ChangeMerged,
    ChangeAbolished,
    ChangeSummary,
    ChangeNone,
    Theme,
    ThemeAuto,
    ThemeLight,
    ThemeDark,
    ThemeProjector,
    Expand,
    Collapse,
    ShowEach,
    /// The name of a metric.
    MetricName(MetricKey),
}

/// The UI string for `msg` in `lang`.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::Zh => zh::tr(msg),
        Lang::En => en::tr(msg),
    }
}

/// The UI string with `{0}`, `{1}`, … replaced by `args`.
pub fn trf(lang: Lang, msg: Msg, args: &[&str]) -> String {
    let mut s = tr(lang, msg).to_string();
    for (i, a) in args.iter().enumerate() {
        s = s.replace(&format!("{{{i}}}"), a);
    }
    s
}

/// A number as machines read it (URL values, `data-value`): `.` decimal, no grouping, at most
/// six decimals, no trailing zeros; empty for NaN and infinities.
pub fn plain_number(v: f64) -> String {
    if !v.is_finite() {
        String::new()
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A number for display: grouped thousands, at most `decimals` decimals, trailing zeros dropped.
pub fn format_number(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    // Whole numbers (most of what the app shows) skip float formatting.
    let s = if v.fract() == 0.0 && v.abs() < 1e15 {
        (v.abs() as u64).to_string()
    } else {
        format!("{:.*}", decimals, v.abs())
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s.clone(), String::new()),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if v < 0.0 && (int != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers() {
        assert_eq!(format_number(2500.0, 0), "2,500");
        assert_eq!(format_number(1234567.891, 2), "1,234,567.89");
        assert_eq!(format_number(0.5, 1), "0.5");
        assert_eq!(format_number(-12.0, 1), "-12");
        assert_eq!(format_number(-0.001, 1), "0");
        assert_eq!(format_number(f64::NAN, 1), "—");
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(plain_number(2500.0), "2500");
        assert_eq!(plain_number(0.485), "0.485");
        assert_eq!(plain_number(1.0 / 3.0), "0.333333");
        assert_eq!(plain_number(f64::NAN), "");
    }

    #[test]
    fn placeholders_are_filled() {
        let s = trf(Lang::En, Msg::ErrRange, &["1", "10"]);
        assert!(s.contains('1') && s.contains("10") && !s.contains('{'));
        let s = trf(Lang::Zh, Msg::ErrRange, &["1", "10"]);
        assert!(!s.contains('{'));
    }

    #[test]
    fn lang_codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
