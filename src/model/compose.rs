//! Compose your own reform: a baseline from any case's scope and an ordered list of levers from
//! any of them. The result is a `Variant` like the cases' own, so everything that shows a case
//! (steps, sources, diagrams, numbers, links, saved files, exports) shows it too.
//!
//! Each lever reads the parameters of the scope it comes from, and the baseline those of its own
//! scope: the composed variant's parameter list is every scope's list once, each key prefixed by
//! its scope (`daqing.urban.staff`), and `build` hands each part its own values. Composed
//! variants are made once per recipe and kept for the page's life (their lists are `'static`
//! like the cases'; a session makes a handful).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::i18n::Text;
use crate::model::cases::{CaseId, KeyFigure, ModelError, Scenario, Variant, MAX_KEY_FIGURES};
use crate::model::lever::Lever;
use crate::model::metrics::{compute, MetricKey};
use crate::model::org::Unit;
use crate::model::own;
use crate::model::params::{self, ParamSpec, Params};
use crate::model::planning::{is_analysis_key, RESPONSE_OFF};

/// Where a baseline or a lever comes from: a case's scope, or an organisation that is no case's
/// (`case: None`: the typical prefecture-level city, `model::typical_city`), which has a
/// "before" and parameters but no measures of its own.
#[derive(Clone, Copy, Debug)]
pub struct Scope {
    pub case: Option<CaseId>,
    pub variant: &'static Variant,
}

/// The key before the dot of an organisation that is no case's (`org.typical_city`).
pub const ORG_KEY: &str = "org";

/// The organisations that are no case's, in the order the composer lists them (read through
/// [`organisations`]: in the site's build they are in the composer's part of the wasm).
pub const ORGANISATIONS: &[&Variant] = &[&crate::model::typical_city::VARIANT];

/// What the composer adds to the cases' models: the organisations that are no case's (the
/// typical city's model with them) and the making of a composed variant. In the site's build
/// (feature `split`) a part of the wasm of its own, loaded with the four cases' models
/// (`ui::cases`: every page that can show a composed reform or an organisation needs all four)
/// and registered here; in every other build there from the start.
pub struct ComposerModel {
    /// [`ORGANISATIONS`].
    pub organisations: &'static [&'static Variant],
    /// Makes a recipe's composed variant ([`Recipe::variant`] keeps it).
    pub make: fn(&Recipe) -> Variant,
}

/// The composer's model, for its part of the wasm to hand to [`register`].
pub const MODEL: ComposerModel = ComposerModel {
    organisations: ORGANISATIONS,
    make: Recipe::make,
};

#[cfg(feature = "split")]
static LOADED: OnceLock<&'static ComposerModel> = OnceLock::new();

/// The composer's model, once loaded (always, outside the site's build).
pub fn model() -> Option<&'static ComposerModel> {
    #[cfg(not(feature = "split"))]
    return Some(&MODEL);
    #[cfg(feature = "split")]
    LOADED.get().copied()
}

/// Makes `m` (from the composer's part of the wasm) the one [`model`] gives.
pub fn register(m: &'static ComposerModel) {
    #[cfg(feature = "split")]
    let _ = LOADED.set(m);
    #[cfg(not(feature = "split"))]
    let _ = m;
}

/// The organisations that are no case's; none while the composer's model is not loaded.
pub fn organisations() -> &'static [&'static Variant] {
    model().map_or(&[], |m| m.organisations)
}

/// The typical city's variant key, known without its model.
const TYPICAL_CITY_KEY: &str = crate::model::typical_city::VARIANT.key;

impl PartialEq for Scope {
    /// The same case (or none) and variant key: a variant's key is unique within its case and
    /// among the organisations, and constants' addresses are not guaranteed to be one.
    fn eq(&self, o: &Self) -> bool {
        self.case == o.case && self.variant.key == o.variant.key
    }
}

impl Scope {
    /// The typical prefecture-level city: the organisation the four reforms are compared on
    /// unless the user picks another.
    pub const TYPICAL_CITY: Scope = Scope {
        case: None,
        variant: &crate::model::typical_city::VARIANT,
    };
    /// Whether this is [`Scope::TYPICAL_CITY`] (read without the typical city's model).
    pub fn is_typical_city(&self) -> bool {
        self.case.is_none() && self.variant.key == TYPICAL_CITY_KEY
    }
    /// A case's scope.
    pub fn of(case: CaseId, variant: &'static Variant) -> Scope {
        Scope {
            case: Some(case),
            variant,
        }
    }
    /// `daqing.urban`, `org.typical_city`.
    pub fn key(&self) -> String {
        format!(
            "{}.{}",
            self.case.map_or(ORG_KEY, CaseId::key),
            self.variant.key
        )
    }
    /// The case's name, or "organisation" for one that is no case's.
    pub fn owner_name(&self) -> Text {
        self.case
            .map_or(Text::new("组织", "Organisation"), CaseId::name)
    }
    pub fn parse(s: &str) -> Option<Scope> {
        let (c, v) = s.trim().split_once('.')?;
        if c.trim().eq_ignore_ascii_case(ORG_KEY) {
            let v = v.trim();
            let variant = organisations()
                .iter()
                .copied()
                .find(|o| o.key == v)
                .or_else(|| crate::model::own::find(v))?;
            return Some(Scope {
                case: None,
                variant,
            });
        }
        let case = CaseId::from_key(c)?;
        Some(Scope::of(case, case.variant(v)?))
    }
    /// Every scope of every case, then the organisations that are no case's (the user's own
    /// last, when there is one).
    pub fn all() -> Vec<Scope> {
        CaseId::ALL
            .iter()
            .flat_map(|&case| {
                case.variants()
                    .iter()
                    .map(move |variant| Scope::of(case, variant))
            })
            .chain(organisations().iter().map(|&variant| Scope {
                case: None,
                variant,
            }))
            .chain(Scope::own())
            .collect()
    }
    /// The user's own organisation, if one was imported (`model::own`).
    pub fn own() -> Option<Scope> {
        crate::model::own::current().map(|variant| Scope {
            case: None,
            variant,
        })
    }
    /// Is this an organisation the user imported?
    pub fn is_own(&self) -> bool {
        self.case.is_none() && self.variant.key.starts_with(crate::model::own::KEY_PREFIX)
    }
}

/// One lever of a recipe: a scope and the index of one of its levers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub scope: Scope,
    pub lever: usize,
}

impl Step {
    pub fn lever(&self) -> Option<&'static Lever> {
        self.scope.variant.levers.get(self.lever)
    }
    /// `daqing.urban.fewer_tiers`.
    pub fn key(&self) -> String {
        let lever = self.lever().map_or("", |l| l.key);
        format!("{}.{lever}", self.scope.key())
    }
    pub fn parse(s: &str) -> Option<Step> {
        let (scope, lever) = s.trim().rsplit_once('.')?;
        let scope = Scope::parse(scope)?;
        let lever = scope.variant.levers.iter().position(|l| l.key == lever)?;
        Some(Step { scope, lever })
    }
}

/// A baseline and the levers to apply to it, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Recipe {
    pub base: Scope,
    pub steps: Vec<Step>,
}

/// Why a recipe in a link could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum RecipeError {
    UnknownBase(String),
    UnknownLever(String),
    TooManyLevers(usize),
}

/// More levers than any case has, many times over; a link with more is refused.
pub const MAX_STEPS: usize = 24;

impl Recipe {
    /// A case's own reform as a recipe: its baseline and its levers.
    pub fn of_case(scope: Scope) -> Recipe {
        Recipe {
            base: scope,
            steps: (0..scope.variant.levers.len())
                .map(|lever| Step { scope, lever })
                .collect(),
        }
    }
    /// `case`'s whole reform (`CaseId::reform`) applied to `base`.
    pub fn of_reform(case: CaseId, base: Scope) -> Recipe {
        let steps = case
            .reform()
            .iter()
            .filter_map(|(v, l)| {
                let variant = case.variant(v)?;
                let lever = variant.levers.iter().position(|x| x.key == *l)?;
                Some(Step {
                    scope: Scope::of(case, variant),
                    lever,
                })
            })
            .collect();
        Recipe { base, steps }
    }
    /// The levers as a link writes them: `daqing.urban.fewer_tiers,tianjin.station.one_office_two_teams`.
    pub fn levers_key(&self) -> String {
        self.steps
            .iter()
            .map(Step::key)
            .collect::<Vec<_>>()
            .join(",")
    }
    /// Reads `base` (a scope) and `levers` (as `levers_key` writes them; empty for none).
    pub fn parse(base: &str, levers: &str) -> Result<Recipe, RecipeError> {
        let base = Scope::parse(base).ok_or_else(|| RecipeError::UnknownBase(short(base)))?;
        let mut steps = Vec::new();
        for item in levers.split(',').filter(|s| !s.trim().is_empty()) {
            if steps.len() == MAX_STEPS {
                return Err(RecipeError::TooManyLevers(MAX_STEPS));
            }
            steps.push(Step::parse(item).ok_or_else(|| RecipeError::UnknownLever(short(item)))?);
        }
        Ok(Recipe { base, steps })
    }
    /// The scopes whose parameters the recipe reads: the baseline's, then each lever's scope
    /// in order of first use.
    pub fn parts(&self) -> Vec<Scope> {
        let mut parts = vec![self.base];
        for s in &self.steps {
            if !parts.contains(&s.scope) {
                parts.push(s.scope);
            }
        }
        parts
    }
    /// The composed variant (made once per recipe).
    pub fn variant(&self) -> &'static Variant {
        static CACHE: OnceLock<Mutex<HashMap<String, &'static Variant>>> = OnceLock::new();
        // The composer's model not loaded (never where a recipe is shown: those pages load it
        // first): the baseline's own variant, not kept.
        let Some(m) = model() else {
            return self.base.variant;
        };
        let key = format!("{}:{}", self.base.key(), self.levers_key());
        let cache = CACHE.get_or_init(Default::default);
        let Ok(mut map) = cache.lock() else {
            return leak((m.make)(self));
        };
        map.entry(key).or_insert_with(|| leak((m.make)(self)))
    }

    fn make(&self) -> Variant {
        let parts = self.parts();
        let lever_parts: Vec<usize> = self
            .steps
            .iter()
            .filter(|s| s.lever().is_some())
            .map(|s| parts.iter().position(|p| *p == s.scope).unwrap_or(0))
            .collect();
        let shown = self.shown(&parts);
        let base = self.base.variant;
        Variant {
            key: "composed",
            name: shown.name,
            specs: shown.specs,
            row_specs: base.row_specs,
            baseline: base.baseline,
            levers: shown.levers,
            metrics: shown.metrics,
            reported: &[],
            key_figures: shown.key_figures,
            notes: shown.notes,
            composed: Some(Box::leak(Box::new(Composed { parts, lever_parts }))),
        }
    }

    /// What the composed variant shows of its parts, made once per shape of recipe: an own
    /// organisation as a baseline counts by its name, metrics, key figures and whether it
    /// records incidents (it has no parameters of its own), so a recipe on an edited
    /// organisation shares the last one's.
    fn shown(&self, parts: &[Scope]) -> Shown {
        static CACHE: OnceLock<Mutex<HashMap<String, Shown>>> = OnceLock::new();
        let shape = |s: &Scope| {
            let v = s.variant;
            if s.is_own() && v.specs.iter().all(|x| is_analysis_key(x.key)) {
                format!(
                    "own|{}|{}|{:p}|{:p}|{}",
                    v.name.zh,
                    v.name.en,
                    v.metrics.as_ptr(),
                    v.key_figures.as_ptr(),
                    records_incidents_at_defaults(v)
                )
            } else {
                s.key()
            }
        };
        let key = format!(
            "{}:{}",
            parts.iter().map(shape).collect::<Vec<_>>().join(";"),
            self.levers_key()
        );
        let cache = CACHE.get_or_init(Default::default);
        let Ok(mut map) = cache.lock() else {
            return self.make_shown(parts);
        };
        *map.entry(key).or_insert_with(|| self.make_shown(parts))
    }

    fn make_shown(&self, parts: &[Scope]) -> Shown {
        let mut specs: Vec<ParamSpec> = Vec::new();
        for scope in parts {
            let prefix = scope.key();
            let case_name = scope.owner_name();
            for s in scope
                .variant
                .specs
                .iter()
                .filter(|s| !is_analysis_key(s.key))
            {
                specs.push(ParamSpec {
                    key: leak_str(format!("{prefix}.{}", s.key)),
                    group: Text::new(
                        leak_str(format!("{} · {}", case_name.zh, s.group.zh)),
                        leak_str(format!("{} · {}", case_name.en, s.group.en)),
                    ),
                    ..*s
                });
            }
        }
        // The response estimate is available as in every case (no cars unless set).
        specs.extend_from_slice(RESPONSE_OFF);
        let levers: Vec<Lever> = self.steps.iter().filter_map(Step::lever).copied().collect();
        let base = self.base.variant;
        // An own organisation without ranks has no command chain before, so the one the
        // measures' ranks would make after is not shown either.
        // Figures counted from incidents only where the baseline records some (a Haidong measure
        // on Daqing's organisation would show its workload as 0 → 0).
        let incidents = records_incidents_at_defaults(base);
        let shows = |m: MetricKey| own::shows(base, m) && (incidents || !m.counts_incidents());
        let mut metrics: Vec<MetricKey> = Vec::new();
        for scope in parts {
            for m in scope.variant.metrics {
                if !metrics.contains(m) && shows(*m) {
                    metrics.push(*m);
                }
            }
        }
        let figures = key_figures(parts, &shows);
        Shown {
            name: Text::new(
                leak_str(format!(
                    "自组：{} 的基线 + {} 项措施",
                    base.name.zh,
                    levers.len()
                )),
                leak_str(format!(
                    "Composed: {} baseline + {} measures",
                    base.name.en,
                    levers.len()
                )),
            ),
            specs: leak_slice(specs),
            levers: leak_slice(levers),
            metrics: leak_slice(metrics),
            key_figures: leak_slice(figures),
            // An own organisation's notes say where its figures come from (and what its file
            // does not give); a case's baseline's notes belong to its case.
            notes: if self.base.is_own() {
                leak_slice([&[COMPOSED_NOTE][..], base.notes].concat())
            } else {
                &[COMPOSED_NOTE]
            },
        }
    }
}

/// What a composed variant shows of its parts (`Recipe::shown`).
#[derive(Clone, Copy)]
struct Shown {
    name: Text,
    specs: &'static [ParamSpec],
    levers: &'static [Lever],
    metrics: &'static [MetricKey],
    key_figures: &'static [KeyFigure],
    notes: &'static [Text],
}

/// Whether `v`'s organisation, at its defaults, records incidents (one that cannot be built
/// counts as recording some: its figures are then shown, as before this rule).
fn records_incidents_at_defaults(v: &Variant) -> bool {
    v.baseline
        .make(&v.defaults())
        .map_or(true, |t| own::records_incidents(&t))
}

/// The key figures of a composed reform: the parts' own (the baseline's first, then each
/// lever scope's), taken in turn from each so that the measures' figures show beside the
/// organisation's, each once, at most six. Metrics only: a composed reform has no calibrated
/// patrol.
fn key_figures(parts: &[Scope], shows: &dyn Fn(MetricKey) -> bool) -> Vec<KeyFigure> {
    let lists: Vec<Vec<KeyFigure>> = parts
        .iter()
        .map(|s| {
            s.variant
                .key_figures
                .iter()
                .copied()
                .filter(|f| f.metric().is_some_and(shows))
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
    for i in 0..longest {
        for f in lists.iter().filter_map(|l| l.get(i)) {
            if out.len() < MAX_KEY_FIGURES && !out.contains(f) {
                out.push(*f);
            }
        }
    }
    out
}

const COMPOSED_NOTE: Text = Text::new(
    "自组的改革：每项措施按它所属案例的参数运行（参数组名前标有案例），作用在上一步的组织上。为另一个案例的组织写的措施可能找不到要改的单位（这一步就不改变组织，并说明它需要什么样的单位），或者说明为什么做不了。资料报告的数字只属于原案例，这里不列。",
    "A composed reform: each measure runs with the parameters of the case it comes from (their groups are prefixed with the case) on the organisation the previous step left. A measure written for another case's organisation may find nothing to act on (the step then changes nothing and says what the measure looks for) or say why it cannot apply. Figures the sources report belong to their own cases and are not shown here.",
);

/// How a composed variant hands each part its own parameters.
#[derive(Debug)]
pub struct Composed {
    /// The scopes whose parameters it holds (the baseline's first).
    pub parts: Vec<Scope>,
    /// For each lever, the index of its scope in `parts`.
    pub lever_parts: Vec<usize>,
}

impl Composed {
    /// Part `i`'s own parameters, read from the composed set (row edits go to the baseline).
    pub fn part_params(&self, p: &Params, i: usize) -> Params {
        let Some(scope) = self.parts.get(i) else {
            return p.clone();
        };
        let mut own = scope.variant.defaults();
        let prefix = scope.key();
        for s in scope
            .variant
            .specs
            .iter()
            .filter(|s| !is_analysis_key(s.key))
        {
            let key = format!("{prefix}.{}", s.key);
            if let Some(spec) = p.specs().iter().find(|x| x.key == key) {
                let _ = own.set_raw(s.key, &spec.format(p.get(spec.key)));
            }
        }
        if i == 0 {
            for (row, field, v) in p.edits() {
                if let Some(spec) = scope.variant.row_specs.iter().find(|s| s.key == *field) {
                    let _ = own.set_edit(*row, spec, &spec.format(*v));
                }
            }
        }
        own
    }

    pub fn build(&self, v: &Variant, p: &Params) -> Result<Scenario, ModelError> {
        self.run(v, p, |lever, own, org, _| lever.apply(own, org.clone()))
    }

    /// The steps of `v` with `p`: the baseline, then each lever's organisation, made by `step`
    /// from the lever, its scope's parameters, the organisation before it and the index of its
    /// scope in `parts` (`build` applies the lever; `unused_keys` also records what it reads).
    fn run(
        &self,
        v: &Variant,
        p: &Params,
        mut step: impl FnMut(&Lever, &Params, &Unit, usize) -> Result<Unit, ModelError>,
    ) -> Result<Scenario, ModelError> {
        let own: Vec<Params> = (0..self.parts.len())
            .map(|i| self.part_params(p, i))
            .collect();
        let mut steps = Vec::with_capacity(v.levers.len() + 1);
        let mut org = v.baseline.make(&own[0])?;
        for (lever, part) in v.levers.iter().zip(&self.lever_parts) {
            let next = step(lever, &own[*part], &org, *part).map_err(|e| e.in_lever(lever))?;
            steps.push(org);
            org = next;
        }
        steps.push(org);
        Ok(Scenario { steps })
    }

    /// The composed keys of the parameters that no measure reads at their defaults, where a
    /// measure changes anything: a lever scope's parameters that describe its case's own
    /// organisation (its residents, its stations before) change nothing when another
    /// organisation is the baseline. The baseline's parameters are all used (they build it).
    /// Made once per variant.
    pub fn unused_keys(&self, v: &'static Variant) -> &'static [&'static str] {
        static CACHE: OnceLock<Mutex<HashMap<usize, &'static [&'static str]>>> = OnceLock::new();
        let at = std::ptr::from_ref(v) as usize;
        let cache = CACHE.get_or_init(Default::default);
        if let Some(k) = cache.lock().ok().and_then(|m| m.get(&at).copied()) {
            return k;
        }
        let mut read: Vec<(usize, &'static str)> = Vec::new();
        // The steps up to the first that cannot apply; only the keys of those that changed
        // something count.
        let _ = self.run(v, &v.defaults(), |lever, own, org, part| {
            let (next, keys) = params::reading(|| lever.apply(own, org.clone()));
            if next.as_ref().is_ok_and(|n| n != org) {
                read.extend(keys.into_iter().map(|k| (part, k)));
            }
            next
        });
        let mut unused = Vec::new();
        for (i, scope) in self.parts.iter().enumerate().skip(1) {
            let prefix = scope.key();
            for s in scope.variant.specs {
                if !is_analysis_key(s.key) && !read.contains(&(i, s.key)) {
                    let key = format!("{prefix}.{}", s.key);
                    if let Some(x) = v.specs.iter().find(|x| x.key == key) {
                        unused.push(x.key);
                    }
                }
            }
        }
        let unused = leak_slice(unused);
        if let Ok(mut m) = cache.lock() {
            m.insert(at, unused);
        }
        unused
    }
}

/// What one measure does to one organisation: a cell of the matrix of measures × organisations.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// A figure the page shows changes.
    Changed,
    /// The organisation is left as it was: the measure found nothing to act on, and the step
    /// says what it looks for (`Lever::needs`).
    Idle,
    /// The organisation changed but no figure the page shows did (a measure should never do
    /// this silently; `tests/compose.rs` checks that none does).
    Unshown,
    /// The measure says why it cannot apply.
    Refused(ModelError),
}

impl Effect {
    /// `changed`, `idle`, `unshown`, `refused`.
    pub fn key(&self) -> &'static str {
        match self {
            Effect::Changed => "changed",
            Effect::Idle => "idle",
            Effect::Unshown => "unshown",
            Effect::Refused(_) => "refused",
        }
    }
}

/// The effect of `step`'s lever, at its own scope's defaults, on `base`'s "before" organisation
/// at its defaults.
pub fn effect(base: Scope, step: Step) -> Effect {
    Effect::of(&single(base, step))
}

/// `base`'s "before" and `step`'s lever after it, each at its defaults.
pub fn single(base: Scope, step: Step) -> Result<Scenario, ModelError> {
    let v = Recipe {
        base,
        steps: vec![step],
    }
    .variant();
    v.build(&v.defaults())
}

impl Effect {
    /// What a one-measure scenario's measure did (or why it could not).
    pub fn of(built: &Result<Scenario, ModelError>) -> Effect {
        match built {
            Err(e) => Effect::Refused(e.clone()),
            Ok(s) if s.idle(1) => Effect::Idle,
            Ok(s) if compute(s.before()) != compute(s.after()) => Effect::Changed,
            Ok(_) => Effect::Unshown,
        }
    }
}

fn short(s: &str) -> String {
    s.trim().chars().take(60).collect()
}

fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn leak_slice<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}
