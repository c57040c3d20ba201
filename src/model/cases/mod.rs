//! The case models. A case has one or more variants (scopes); a variant is a list of parameter
//! specs, a baseline organisation built from them, the ordered levers (measures) of the reform,
//! the metrics worth showing, and the outcomes the sources report (shown beside the model's
//! figures, never copied into them).

pub mod daqing;
pub mod haidong;
pub(crate) mod kit;
pub mod related;
pub mod tianjin;
pub mod why;
pub mod zhejiang;

use crate::i18n::{trf, Lang, Msg, Name, Text};
use crate::model::lever::{Lever, StaffFlow};
use crate::model::metrics::MetricKey;
use crate::model::org::Unit;
use crate::model::params::{ParamSpec, Params};
use crate::model::source::Source;

/// The four case models.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CaseId {
    #[default]
    Daqing,
    Zhejiang,
    Tianjin,
    Haidong,
}

impl CaseId {
    pub const ALL: [CaseId; 4] = [
        CaseId::Daqing,
        CaseId::Zhejiang,
        CaseId::Tianjin,
        CaseId::Haidong,
    ];
    /// The `?case=` value.
    pub fn key(self) -> &'static str {
        match self {
            CaseId::Daqing => "daqing",
            CaseId::Zhejiang => "zhejiang",
            CaseId::Tianjin => "tianjin",
            CaseId::Haidong => "haidong",
        }
    }
    pub fn from_key(s: &str) -> Option<CaseId> {
        CaseId::ALL
            .into_iter()
            .find(|c| c.key().eq_ignore_ascii_case(s.trim()))
    }
    pub fn name(self) -> Text {
        match self {
            CaseId::Daqing => Text::new("大庆 扁平化", "Daqing flattening"),
            CaseId::Zhejiang => Text::new(
                "浙江 大部门大警种",
                "Zhejiang merged departments and branches",
            ),
            CaseId::Tianjin => Text::new("天津 一室两队", "Tianjin one office, two teams"),
            CaseId::Haidong => Text::new("海东 多所连片防区", "Haidong multi-station districts"),
        }
    }
    /// The case's scopes: key and name of each, in the order of [`CaseId::variants`]. Known
    /// before the case's model is loaded (the page's pickers list them).
    pub fn scopes(self) -> &'static [(&'static str, Text)] {
        match self {
            CaseId::Daqing => daqing::SCOPES,
            CaseId::Zhejiang => zhejiang::SCOPES,
            CaseId::Tianjin => tianjin::SCOPES,
            CaseId::Haidong => haidong::SCOPES,
        }
    }
    /// The case's model, if it is loaded. The site's build (feature `split`) keeps the model of
    /// each case but the default one (Daqing's, which the home page shows) in a part of the wasm
    /// of its own, which `ui::cases` loads and registers with [`CaseId::register`] before the
    /// page shows the case; every other build (native code, the browser tests) has every model
    /// at once.
    pub fn model(self) -> Option<&'static CaseModel> {
        if self == CaseId::default() {
            return Some(&daqing::MODEL);
        }
        let slot = &MODELS[self as usize];
        #[cfg(not(feature = "split"))]
        return Some(*slot.get_or_init(|| match self {
            CaseId::Daqing => &daqing::MODEL,
            CaseId::Zhejiang => &zhejiang::MODEL,
            CaseId::Tianjin => &tianjin::MODEL,
            CaseId::Haidong => &haidong::MODEL,
        }));
        #[cfg(feature = "split")]
        slot.get().copied()
    }
    /// Makes `model` (this case's, from its part of the wasm) the one [`CaseId::model`] gives.
    pub fn register(self, model: &'static CaseModel) {
        let _ = MODELS[self as usize].set(model);
    }
    /// The case's variants, in the order of [`CaseId::scopes`]; empty while its model is not
    /// loaded.
    pub fn variants(self) -> &'static [Variant] {
        self.model().map_or(&[], |m| m.variants)
    }
    /// The whole reform as one recipe for any organisation: (scope, lever) keys in order.
    pub fn reform(self) -> &'static [(&'static str, &'static str)] {
        self.model().map_or(&[], |m| m.reform)
    }
    /// The source documents the case draws on.
    pub fn documents(self) -> &'static [Document] {
        match self {
            CaseId::Daqing => &[DOC_000, DOC_001],
            CaseId::Zhejiang => &[DOC_002],
            CaseId::Tianjin => &[DOC_003],
            CaseId::Haidong => &[DOC_004],
        }
    }
    /// What the case's sources report in words that the model neither takes nor computes
    /// (measures on people, bodies outside every scope's organisation), each with its quote.
    pub fn facts(self) -> &'static [Fact] {
        self.model().map_or(&[], |m| m.facts)
    }
    /// The facts shown with scope `variant`: those of that scope and those of every scope. None
    /// for a variant that is not one of the case's own (a composed reform, an organisation).
    pub fn facts_of(self, variant: &Variant) -> Vec<&'static Fact> {
        if variant.composed.is_some() || self.variant(variant.key).is_none() {
            return Vec::new();
        }
        self.facts()
            .iter()
            .filter(|f| f.scopes.is_empty() || f.scopes.contains(&variant.key))
            .collect()
    }
    pub fn is_modelled(self) -> bool {
        !self.scopes().is_empty()
    }
    pub fn variant(self, key: &str) -> Option<&'static Variant> {
        self.variants().iter().find(|v| v.key == key)
    }
}

/// What a case's part of the wasm holds (`ui::cases`): its scopes' models, its reform as one
/// recipe, and the facts its sources report beside the model.
#[derive(Debug)]
pub struct CaseModel {
    pub variants: &'static [Variant],
    pub reform: &'static [(&'static str, &'static str)],
    pub facts: &'static [Fact],
    /// Why the reform was made and what its sources report (`why::of`).
    pub why: &'static why::Why,
}

/// The loaded models, by `CaseId as usize`.
static MODELS: [std::sync::OnceLock<&'static CaseModel>; 4] =
    [const { std::sync::OnceLock::new() }; 4];

/// A source document in `shared/seeds/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Document {
    /// The file's number, as `Source::Seed::doc` cites it.
    pub id: &'static str,
    /// The title as the document gives it (in its own script).
    pub title: &'static str,
    pub outlet: Text,
    pub year: &'static str,
}

pub const DOC_000: Document = Document {
    id: "000",
    title: "关于公安警务体制改革情况的调研报告",
    outlet: Text::new(
        "大庆市公安警务体制改革的详细资料",
        "Report on the Daqing police reform",
    ),
    year: "2010",
};
pub const DOC_001: Document = Document {
    id: "001",
    title: "关于深化公安派出所改革的几点思考",
    outlet: Text::new(
        "论文合集（含《对公安派出所改革的看法——以大庆为例》）",
        "Collected essays (incl. “Views on station reform: the Daqing example”)",
    ),
    year: "≥2010",
};
pub const DOC_002: Document = Document {
    id: "002",
    title: "2017年浙江省公安改革方案最新消息，改革方案细则解读",
    outlet: Text::new("网络转载", "Web reprint"),
    year: "2017",
};
pub const DOC_003: Document = Document {
    id: "003",
    title: "重塑警務體系 再造警務流程——天津公安機關全力構建現代化管理體制機制",
    outlet: Text::new("人民网 天津频道", "People's Daily Online, Tianjin"),
    year: "2021",
};
pub const DOC_004: Document = Document {
    id: "004",
    title: "海东市公安局出台《多所连片防区制警务运行模式改革指导意见》",
    outlet: Text::new("中国新闻网 青海", "China News, Qinghai"),
    year: "2023",
};

/// The organisation at every step: `steps[0]` is the baseline, `steps[i]` the organisation
/// after lever `i`. Never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub steps: Vec<Unit>,
}

impl Scenario {
    pub fn before(&self) -> &Unit {
        &self.steps[0]
    }
    /// The organisation after every lever.
    pub fn after(&self) -> &Unit {
        &self.steps[self.steps.len() - 1]
    }
    /// The organisation after `step` levers (clamped to the last step).
    pub fn at(&self, step: usize) -> &Unit {
        &self.steps[step.min(self.steps.len() - 1)]
    }
    /// True when lever `i` (1-based) left the organisation exactly as it found it: the measure
    /// found nothing to act on (`Lever::needs` says what it looks for). False for the baseline.
    /// Cheap: a lever that touched nothing shares the whole tree with the step before it.
    pub fn idle(&self, i: usize) -> bool {
        i > 0 && i < self.steps.len() && self.steps[i] == self.steps[i - 1]
    }
    /// The steps whose measure found nothing to act on (`idle`), in order.
    pub fn idle_steps(&self) -> Vec<usize> {
        (1..self.steps.len()).filter(|&i| self.idle(i)).collect()
    }
    /// Where staff went in step `i` (1-based: lever `i`); zero for the baseline.
    pub fn flow(&self, i: usize) -> StaffFlow {
        if i == 0 || i >= self.steps.len() {
            return StaffFlow::default();
        }
        StaffFlow::between(self.steps[i - 1].staff_total(), self.steps[i].staff_total())
    }
}

/// Why a set of (individually valid) parameters cannot be modelled: data, like `ParamError`.
/// The message is a `Msg` whose text each language's table holds, with its values in order;
/// `i18n` renders it in the page's language (`message`). The model writes no sentences.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelError {
    pub msg: Msg,
    pub args: Vec<Arg>,
    /// The measure it arose in (`in_lever`), named before the message.
    pub lever: Option<Text>,
}

/// A value in a `ModelError`'s message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// The same in every language (a number as the model writes it).
    Plain(String),
    Text(Text),
    /// A unit's name.
    Name(Name),
}

impl Arg {
    pub fn plain(v: impl std::fmt::Display) -> Arg {
        Arg::Plain(v.to_string())
    }
    pub fn name(n: &Name) -> Arg {
        Arg::Name(n.clone())
    }
    fn get(&self, lang: Lang) -> &str {
        match self {
            Arg::Plain(s) => s,
            Arg::Text(t) => t.get(lang),
            Arg::Name(n) => n.get(lang),
        }
    }
}

impl ModelError {
    pub fn new(msg: Msg, args: Vec<Arg>) -> Self {
        ModelError {
            msg,
            args,
            lever: None,
        }
    }
    /// The same error, with the measure it arose in.
    pub fn in_lever(self, lever: &Lever) -> Self {
        ModelError {
            lever: Some(lever.name),
            ..self
        }
    }
    /// The message in `lang`, after the measure's name when it arose in one.
    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<&str> = self.args.iter().map(|a| a.get(lang)).collect();
        let body = trf(lang, self.msg, &args);
        match self.lever {
            Some(l) => trf(lang, Msg::ErrInLever, &[l.get(lang), &body]),
            None => body,
        }
    }
}

/// How the model comes to one side (before or after) of a reported figure, shown beside it so
/// that a reader sees which matches confirm something and which were arranged.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Match {
    /// The source's number is the default of parameter `key`: the model carries it through.
    Input(&'static str),
    /// These assumptions (parameter keys, each `Source::Assumption`) were chosen so that the
    /// model gives the source's number: a calibrated match, not a confirmation.
    Calibrated(&'static [&'static str]),
    /// Computed by the model from other inputs; the text says from which.
    Emerges(Text),
    /// Only quoted: the model neither takes nor computes it (an outcome it does not model).
    Quoted,
}

impl Match {
    /// The `data-match` hook.
    pub fn key(&self) -> &'static str {
        match self {
            Match::Input(_) => "input",
            Match::Calibrated(_) => "calibrated",
            Match::Emerges(_) => "emerges",
            Match::Quoted => "quoted",
        }
    }
}

/// A figure the sources report, shown beside the model's and never fed into it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reported {
    /// The metric the figure compares with, or `None` for effects the model does not compute.
    pub metric: Option<MetricKey>,
    /// Label for effects without a metric.
    pub label: Text,
    pub unit: Text,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// How the model matches each side, `[before, after]`; `None` exactly where the side is.
    pub how: [Option<Match>; 2],
    pub source: Source,
}

/// A fact a source reports in words, which the model neither takes nor computes: a measure on
/// people (Nanhu's star ratings), a body outside every scope's organisation (Zhejiang's
/// provincial department), a change the diagram does not draw. Shown with its quote as
/// reported, not computed (the sources panel, `[data-fact]`); a figure the model could set
/// beside a metric is a `Reported` instead.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact {
    /// The `data-fact` hook, unique in its case.
    pub key: &'static str,
    /// The scopes (variant keys) it belongs to; empty for every scope of the case.
    pub scopes: &'static [&'static str],
    /// What the source says, in the page's words.
    pub text: Text,
    /// Where it says it: always a quote (`tests/facts.rs`).
    pub source: Source,
}

/// One figure of the key-figures strip at the top of the page: a metric, or the response-time
/// estimate (`analysis::response`, from the patrol parameters; only where the sources report a
/// response time and the patrol is calibrated to it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFigure {
    Metric(MetricKey),
    ResponseTime,
}

impl KeyFigure {
    /// The `data-key-figure` hook: the metric's key, or `response_time` (as `data-reported`).
    pub fn key(self) -> &'static str {
        match self {
            KeyFigure::Metric(k) => k.key(),
            KeyFigure::ResponseTime => "response_time",
        }
    }
    pub fn label(self) -> Text {
        match self {
            KeyFigure::Metric(k) => k.label(),
            KeyFigure::ResponseTime => {
                Text::new("出警反应时间（估算）", "Response time (estimate)")
            }
        }
    }
    pub fn metric(self) -> Option<MetricKey> {
        match self {
            KeyFigure::Metric(k) => Some(k),
            KeyFigure::ResponseTime => None,
        }
    }
}

/// The most key figures a variant shows (the strip must fit a phone's first screen).
pub const MAX_KEY_FIGURES: usize = 6;

/// How a variant's "before" organisation is made: built from its parameters (the cases and
/// the typical city), or given whole (an organisation the user imported, `model::own`).
#[derive(Clone, Copy)]
pub enum Baseline {
    Built(fn(&Params) -> Result<Unit, ModelError>),
    Given(&'static Unit),
}

impl Baseline {
    /// The organisation before the reform, for parameters `p`.
    pub fn make(&self, p: &Params) -> Result<Unit, ModelError> {
        match self {
            Baseline::Built(f) => f(p),
            Baseline::Given(u) => Ok((*u).clone()),
        }
    }
}

impl std::fmt::Debug for Baseline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Baseline::Built(_) => f.write_str("Built"),
            Baseline::Given(u) => write!(f, "Given({})", u.id.as_str()),
        }
    }
}

/// One scope of a case (e.g. Daqing's urban area, or its counties).
#[derive(Clone, Copy, Debug)]
pub struct Variant {
    pub key: &'static str,
    pub name: Text,
    pub specs: &'static [ParamSpec],
    /// Fields of a table the user can edit row by row (Haidong's stations); empty for most
    /// variants. Row edits live in `Params::edits`, keyed by row number and field key.
    pub row_specs: &'static [ParamSpec],
    /// The organisation before the reform.
    pub baseline: Baseline,
    /// The reform's measures, in the source's order.
    pub levers: &'static [Lever],
    pub metrics: &'static [MetricKey],
    pub reported: &'static [Reported],
    /// The five or six figures the reform is known for, shown first (the key-figures strip):
    /// data of the case, chosen from its metrics and reported figures.
    pub key_figures: &'static [KeyFigure],
    /// How the model works and what it leaves out, for the notes panel.
    pub notes: &'static [Text],
    /// For a reform composed by the user (`model::compose`): how each lever gets its own
    /// scope's parameters. `None` for the cases' own scopes.
    pub composed: Option<&'static crate::model::compose::Composed>,
}

impl Variant {
    pub fn defaults(&self) -> Params {
        Params::defaults(self.specs)
    }
    /// The baseline and the organisation after each lever in turn.
    pub fn build(&self, p: &Params) -> Result<Scenario, ModelError> {
        if let Some(c) = self.composed {
            return c.build(self, p);
        }
        let mut steps = Vec::with_capacity(self.levers.len() + 1);
        let mut org = self.baseline.make(p)?;
        for lever in self.levers {
            let next = lever.apply(p, org.clone()).map_err(|e| e.in_lever(lever))?;
            steps.push(org);
            org = next;
        }
        steps.push(org);
        Ok(Scenario { steps })
    }
    /// The organisation just before lever `key`: the baseline and every lever before it, with
    /// the same parameters. A measure that takes a count its source gives for its own
    /// organisation reads what that count was a share of here (`kit::same_share`).
    pub fn before_lever(&self, p: &Params, key: &str) -> Result<Unit, ModelError> {
        let mut org = self.baseline.make(p)?;
        for lever in self.levers.iter().take_while(|l| l.key != key) {
            org = lever.apply(p, org)?;
        }
        Ok(org)
    }
    /// The variant with key `key` among `variants` (a case's own list; the key is a constant of
    /// that case, so it is there).
    pub fn find(variants: &'static [Variant], key: &str) -> &'static Variant {
        variants
            .iter()
            .find(|v| v.key == key)
            .unwrap_or(&variants[0])
    }
    /// The lever whose result is step `step` (none for the baseline or past the last step).
    pub fn lever_at(&self, step: usize) -> Option<&'static Lever> {
        step.checked_sub(1).and_then(|i| self.levers.get(i))
    }
    pub fn reported_for(&self, key: MetricKey) -> Option<&'static Reported> {
        self.reported.iter().find(|r| r.metric == Some(key))
    }
    /// The reported figure beside key figure `f`: the metric's, or the reported response time.
    pub fn reported_key(&self, f: KeyFigure) -> Option<&'static Reported> {
        match f {
            KeyFigure::Metric(k) => self.reported_for(k),
            KeyFigure::ResponseTime => self.reported.iter().find(|r| {
                r.metric.is_none() && r.label == crate::model::planning::RESPONSE_REPORTED
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pickers' list of a case's scopes (known before its model is loaded) is the model's.
    #[test]
    fn every_case_lists_its_scopes_as_its_model_has_them() {
        for c in CaseId::ALL {
            let listed: Vec<_> = c.scopes().iter().map(|(k, n)| (*k, *n)).collect();
            let modelled: Vec<_> = c.variants().iter().map(|v| (v.key, v.name)).collect();
            assert_eq!(listed, modelled, "{}", c.key());
            assert!(c.is_modelled() && c.model().is_some(), "{}", c.key());
        }
    }

    #[test]
    fn case_keys_round_trip() {
        for c in CaseId::ALL {
            assert_eq!(CaseId::from_key(c.key()), Some(c));
        }
        assert_eq!(CaseId::from_key("DAQING"), Some(CaseId::Daqing));
        assert_eq!(CaseId::from_key("nowhere"), None);
    }

    #[test]
    fn every_variant_builds_at_its_defaults() {
        for c in CaseId::ALL {
            for v in c.variants() {
                assert!(v.build(&v.defaults()).is_ok(), "{} {}", c.key(), v.key);
                for s in v.specs {
                    assert!(s.min <= s.default && s.default <= s.max, "{}", s.key);
                    assert!(s.step > 0.0, "{}", s.key);
                }
            }
        }
    }
}
