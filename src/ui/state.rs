//! The app's signals and what is derived from them.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use crate::analysis::compare::{Applied, City};
use crate::analysis::is_analysis_key;
use crate::analysis::Planning;
use crate::i18n::{tr, trf, Lang, Msg};
use crate::layout::diagram::{diagram_with, find, Diagram, Found, Options, Orient};
use crate::model::cases::{CaseId, ModelError, Scenario, Variant};
use crate::model::compose::{Recipe, Scope};
use crate::model::lineage::{shape, Changes};
use crate::model::metrics::{compute, Metrics};
use crate::model::params::Params;
use crate::state::url::{self, Notice, Present, Theme, UrlState, View};
use crate::ui::cells::set_if;

/// A scenario that built, with the metrics of its steps (each computed when first read: the
/// page reads the baseline and the step on screen).
#[derive(Clone, Debug)]
pub struct Shown {
    /// Shared by clones: a copy of the result (`ui::off_screen`) costs nothing.
    pub scenario: Arc<Scenario>,
    /// `metrics[i]`: the organisation after `i` levers. Shared by clones.
    metrics: Arc<[OnceLock<Metrics>]>,
    /// Which build this is. Two values are the same result exactly when they come from the same
    /// build, so comparing them costs nothing (`built` runs only for a new model input, and a
    /// new build is a new scenario).
    build: u64,
    /// The build whose baseline this one's equals (its own when the baseline changed): what the
    /// "before" diagram and the baseline's shape follow, so that an edit of a measure's
    /// parameter remakes neither.
    pub before_build: u64,
    /// The scope it was built for: a result is kept while the parameters cannot be modelled
    /// only for the scope it shows (never another organisation's under this one's name).
    pub variant: &'static Variant,
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        self.build == other.build
    }
}

impl Shown {
    /// The result of a new build. The metrics of a step equal to the same step of `prev` (the
    /// result shown before) are taken from it: comparing shares what a measure did not touch
    /// (`Children`), so the baseline of an imported organisation compares in a few steps, where
    /// its metrics walk every unit.
    pub fn new(scenario: Scenario, variant: &'static Variant, prev: Option<&Shown>) -> Self {
        static BUILDS: AtomicU64 = AtomicU64::new(0);
        let build = BUILDS.fetch_add(1, Ordering::Relaxed);
        let same =
            |i: usize| prev.is_some_and(|p| p.scenario.steps.get(i) == scenario.steps.get(i));
        let before_same = same(0);
        let metrics = (0..scenario.steps.len())
            .map(|i| {
                let cell = OnceLock::new();
                let known = prev.and_then(|p| p.metrics.get(i)?.get());
                if let Some(m) = known.filter(|_| if i == 0 { before_same } else { same(i) }) {
                    let _ = cell.set(m.clone());
                }
                cell
            })
            .collect();
        let before_build = match prev {
            Some(p) if before_same => p.before_build,
            _ => build,
        };
        Shown {
            metrics,
            scenario: Arc::new(scenario),
            build,
            before_build,
            variant,
        }
    }
    pub fn before(&self) -> &Metrics {
        self.at(0)
    }
    /// The metrics at `step` (clamped to the last step).
    pub fn at(&self, step: usize) -> &Metrics {
        let i = step.min(self.metrics.len().saturating_sub(1));
        self.metrics[i].get_or_init(|| compute(self.scenario.at(i)))
    }
}

/// All state. Copy: every field is a signal or a memo.
#[derive(Clone, Copy)]
pub struct AppState {
    pub case: RwSignal<CaseId>,
    /// The variant the page shows: the one picked (`picked`), new only when something the page
    /// shows of it changes (`shows_same`). A composed reform on an edited organisation is a
    /// new variant that differs from the last one by its baseline alone: the parameter list,
    /// the steps, the key figures and the sources are not drawn again for it.
    pub variant: Memo<&'static Variant>,
    /// The variant picked: the one whose scenario is built (set by `show`).
    picked: RwSignal<&'static Variant>,
    pub lang: RwSignal<Lang>,
    pub group: RwSignal<bool>,
    pub orient: RwSignal<Orient>,
    pub theme: RwSignal<Theme>,
    /// Ids of the diagram boxes drawn without what is below them (both diagrams).
    pub collapsed: RwSignal<HashSet<String>>,
    /// The user asked for every box to be drawn ("expand all"): no automatic collapse.
    pub allow_big: RwSignal<bool>,
    /// What is typed in the unit search box.
    pub search: RwSignal<String>,
    /// Units whose name matches the search, and their ancestors: (before, after).
    pub found: Memo<(Found, Found)>,
    /// What became of every unit between the baseline and the step shown.
    pub changes: Memo<Option<Changes>>,
    /// `lineage::shape` of the baseline and of the step shown: what the change marks and the
    /// lineage list depend on (ids, kinds, lineage lists, the tree's shape).
    pub shapes: Memo<Option<(u64, u64)>>,
    /// The step shown as "after": 0 = baseline, `levers.len()` = final.
    pub step: RwSignal<usize>,
    /// The unit whose lineage is highlighted (hover or focus on a diagram box or list item).
    pub focus_unit: RwSignal<Option<String>>,
    /// What is typed in each parameter input, by spec index: one signal per input, so typing
    /// in one wakes only that input (the list is replaced when the parameter set is).
    pub raw: RwSignal<Typed>,
    /// The last valid value of every parameter.
    pub params: RwSignal<Params>,
    /// What the response estimate and the workload table read of the parameters (`rt_`, `wl_`)
    /// besides the result: a memo of its own, which the panels off screen take after the frame
    /// with the result (`ui::off_screen`).
    pub planning: Memo<Planning>,
    pub notices: RwSignal<Vec<Notice>>,
    /// A case's model could not be loaded for what the user asked to see (`ui::cases`), or a
    /// language's part (`set_lang`): the page says so, and shows what it showed, until the next
    /// case or language asked for is in.
    pub part_missing: RwSignal<bool>,
    /// How many changes of place (case, scope, page: `with_cases`) and of language (`set_lang`)
    /// were asked for: one that waits for its part is dropped when a later one was asked for
    /// meanwhile (a click on English, then on 简体中文 before English's part is in, ends on
    /// 简体中文).
    asked_place: StoredValue<u64>,
    asked_lang: StoredValue<u64>,
    pub built: Memo<Result<Scenario, ModelError>>,
    /// The last scenario that built: stays on screen while the parameters are bad.
    pub shown: Memo<Option<Shown>>,
    /// The steps of `shown` whose measure found nothing to act on (`Scenario::idle_steps`):
    /// the step list and the composer's list mark them.
    pub idle: Memo<Vec<usize>>,
    pub diagram_before: Memo<Option<Diagram>>,
    pub diagram_after: Memo<Option<Diagram>>,
    /// Embedded in another page (`?embed=1`): diagrams and numbers only. Fixed for the page.
    pub embed: bool,
    /// What the embedded page shows (`?show=`). Fixed for the page.
    pub show: url::Parts,
    /// Presenter mode (`?present=1`, `?present=notes`; `ui::presenter`). Fixed for the page:
    /// the "Present" button and "Exit" open the page's link with or without it.
    pub present: Present,
    /// One case's model, or one city under all four (`?view=compare`).
    pub view: RwSignal<View>,
    /// The compared city's values (always valid) and what is typed in each of its inputs.
    pub city: RwSignal<Params>,
    pub city_raw: RwSignal<Typed>,
    /// The user's composed reform, once they open the composer (kept when they leave it).
    pub recipe: RwSignal<Option<Recipe>>,
    /// The organisation the comparison page applies the four reforms to (`None`: the typical
    /// city, `Scope::TYPICAL_CITY`).
    pub four: RwSignal<Option<Scope>>,
    /// The user's own organisation the page offers (`model::own::current`), if any.
    pub own: RwSignal<Option<Scope>>,
    /// A unit of the own organisation to edit: set from the diagram, the editor opens at it.
    pub edit_unit: RwSignal<Option<String>>,
}

/// What the user asked for is in: a notice that a part could not be fetched (`part_missing`)
/// no longer holds (the connection is back, or the click went to what was loaded).
fn found_again(missing: RwSignal<bool>) {
    if missing.get_untracked() {
        missing.set(false);
    }
}

/// The variant a link shows: the composed one on the composer page, else the case's scope.
/// The variant a link shows (see [`crate::state::url::page_variant`]).
fn variant_of(u: &UrlState) -> &'static Variant {
    crate::state::url::page_variant(
        u.case,
        &u.variant,
        u.view,
        u.recipe.as_ref(),
        u.params.iter().map(|(k, _)| k.as_str()),
    )
    .or_else(|| CaseId::default().variants().first())
    // The default case's model is in the main wasm (`CaseId::model`), and it has scopes.
    .expect("the default case's model is always loaded")
}

/// The variant's defaults with what a link (or a saved scenario) sets.
fn params_of(variant: &'static Variant, u: &UrlState) -> Params {
    let mut params = variant.defaults();
    for (k, v) in &u.params {
        // decode only passes values that parse, so this cannot fail; ignore if it does.
        let _ = params.set_raw(k, v);
    }
    for (row, field, v) in &u.edits {
        if let Some(spec) = variant.row_specs.iter().find(|s| s.key == field) {
            let _ = params.set_edit(*row, spec, v);
        }
    }
    params
}

/// The city's defaults with what a link sets.
fn city_of(u: &UrlState) -> Params {
    let mut p = City::defaults();
    for (k, v) in &u.city {
        let _ = p.set_raw(k, v);
    }
    p
}

/// What is typed in each input of a parameter list, one signal per input.
pub type Typed = Vec<ArcRwSignal<String>>;

/// Keeps `text` as what is typed in input `i` of a parameter list; a valid value is taken.
fn type_into(raw: RwSignal<Typed>, params: RwSignal<Params>, i: usize, text: String) {
    raw.with_untracked(|r| {
        if let Some(slot) = r.get(i) {
            set_if(slot, text.clone());
        }
    });
    let key = params.with_untracked(|p| p.specs().get(i).map(|s| s.key));
    if let Some(key) = key {
        let mut p = params.get_untracked();
        if p.set_raw(key, &text).is_ok() {
            params.set(p);
        }
    }
}

/// Sets `s` to `v` unless it holds that already (a set always wakes its readers).
pub(crate) fn set_if_changed<T: PartialEq + Send + Sync + 'static>(s: RwSignal<T>, v: T) {
    if s.with_untracked(|old| *old != v) {
        s.set(v);
    }
}

/// Whether the page shows `a` and `b` alike: the same key, name, parameters, row fields,
/// measures, metrics, reported figures, key figures and notes. Their baselines may differ
/// (what is built from them is compared on its own: `Shown`).
fn shows_same(a: &Variant, b: &Variant) -> bool {
    std::ptr::eq(a, b)
        || (a.key == b.key
            && a.name == b.name
            && a.specs == b.specs
            && a.row_specs == b.row_specs
            && a.levers.len() == b.levers.len()
            && a.levers
                .iter()
                .zip(b.levers)
                .all(|(x, y)| x.key == y.key && x.name == y.name && x.summary == y.summary)
            && a.metrics == b.metrics
            && a.reported.len() == b.reported.len()
            && a.reported
                .iter()
                .zip(b.reported)
                .all(|(x, y)| std::ptr::eq(x, y))
            && a.key_figures == b.key_figures
            && a.notes == b.notes
            && a.composed.is_some() == b.composed.is_some())
}

fn raw_of(p: &Params) -> Typed {
    p.specs()
        .iter()
        .map(|s| ArcRwSignal::new(s.format(p.get(s.key))))
        .collect()
}

impl AppState {
    /// State from a URL query; its notices are kept for the user to read.
    pub fn from_query(query: &str) -> Self {
        let (u, notices) = url::decode(query);
        let variant = variant_of(&u);
        let params = params_of(variant, &u);
        let raw = RwSignal::new(raw_of(&params));
        let params = RwSignal::new(params);
        let step = RwSignal::new(u.step.unwrap_or(variant.levers.len()));
        let picked = RwSignal::new(variant);
        let variant = Memo::new_with_compare(
            move |_| picked.get(),
            |a, b| !matches!((a, b), (Some(a), Some(b)) if shows_same(a, b)),
        );
        // What the organisation is built from: the parameters less the planning models' own
        // (response time, workload), compared cheaply, so that those rebuild nothing.
        let model_input = Memo::new(move |_| params.with(|p| p.model_input(is_analysis_key)));
        // Not compared with the last value: a new model input is a new scenario (a deep
        // comparison of two organisations would cost about as much as building one).
        let built = Memo::new_with_compare(
            move |_| model_input.with(|p| picked.get().build(p)),
            |_, _| true,
        );
        // While the parameters cannot be modelled, the last result stays (faded), if it is of
        // this scope: after another organisation is picked it would show that one's figures
        // under this one's name.
        let shown = Memo::new(move |prev: Option<&Option<Shown>>| {
            let v = picked.get_untracked();
            match built.get() {
                Ok(scenario) => Some(Shown::new(scenario, v, prev.and_then(Option::as_ref))),
                Err(_) => prev.cloned().flatten().filter(|s| shows_same(s.variant, v)),
            }
        });
        let lang = RwSignal::new(u.lang);
        let group = RwSignal::new(u.group);
        let orient = RwSignal::new(u.orient);
        let collapsed = RwSignal::new(HashSet::new());
        let search = RwSignal::new(String::new());
        let found = Memo::new(move |_| {
            let q = search.get();
            let at = step.get();
            shown.with(|s| match s {
                Some(s) if !q.trim().is_empty() => {
                    (find(s.scenario.before(), &q), find(s.scenario.at(at), &q))
                }
                _ => Default::default(),
            })
        });
        // The shape of both trees (ids, kinds, lineage lists): all the change marks depend on,
        // cheap to make and to compare, so that a change of staff alone remakes no marks.
        // The baseline's: remade only when the baseline changes (`Shown::before_build`).
        let before_build = Memo::new(move |_| shown.with(|s| s.as_ref().map(|s| s.before_build)));
        let before_shape = Memo::new(move |_| {
            // Read, not only tracked (a memo only tracked is never remade).
            let _ = before_build.get();
            shown.with_untracked(|s| s.as_ref().map(|s| shape(s.scenario.before())))
        });
        let shapes = Memo::new(move |_| {
            let at = step.get();
            let before = before_shape.get()?;
            shown.with(|s| s.as_ref().map(|s| (before, shape(s.scenario.at(at)))))
        });
        // Remade when a shape changes, and then not compared with the last value: comparing
        // two maps of every unit costs as much as making them.
        let changes = Memo::new_with_compare(
            move |_| {
                // Read, not only tracked: a tracked memo that nobody reads is never remade, and
                // the marks stayed those of the first scenario shown.
                let _ = shapes.get();
                let at = step.get_untracked();
                shown.with_untracked(|s| {
                    s.as_ref()
                        .map(|s| Changes::of(s.scenario.before(), s.scenario.at(at)))
                })
            },
            |_, _| true,
        );
        let diagram_of = move |after: bool| {
            Memo::new(move |_| {
                let at = if after { step.get() } else { 0 };
                // Boxes on the way to a search match are drawn open.
                let mut closed = collapsed.get();
                found.with(|(b, a)| {
                    let f = if after { a } else { b };
                    closed.retain(|id| !f.path.contains(id));
                });
                let opts = Options {
                    lang: lang.get(),
                    group: group.get(),
                    orient: orient.get(),
                    collapsed: closed,
                };
                // The "before" follows the baseline only (a measure's parameter leaves it).
                let draw =
                    |s: &Option<Shown>| s.as_ref().map(|s| diagram_with(s.scenario.at(at), &opts));
                if after {
                    shown.with(draw)
                } else {
                    let _ = before_build.get();
                    shown.with_untracked(draw)
                }
            })
        };
        let idle = Memo::new(move |_| {
            shown
                .with(|s| s.as_ref().map(|s| s.scenario.idle_steps()))
                .unwrap_or_default()
        });
        let city = RwSignal::new(city_of(&u));
        let view = RwSignal::new(u.view);
        let planning = Memo::new(move |_| params.with(Planning::of));
        AppState {
            recipe: RwSignal::new(u.recipe.clone()),
            four: RwSignal::new(u.four),
            own: RwSignal::new(Scope::own()),
            edit_unit: RwSignal::new(None),
            view,
            city_raw: RwSignal::new(raw_of(&city.get_untracked())),
            city,
            case: RwSignal::new(u.case),
            variant,
            picked,
            lang,
            group,
            orient,
            theme: RwSignal::new(u.theme),
            collapsed,
            allow_big: RwSignal::new(false),
            search,
            found,
            changes,
            shapes,
            step,
            focus_unit: RwSignal::new(None),
            raw,
            params,
            planning,
            notices: RwSignal::new(notices),
            part_missing: RwSignal::new(false),
            asked_place: StoredValue::new(0),
            asked_lang: StoredValue::new(0),
            built,
            shown,
            idle,
            diagram_before: diagram_of(false),
            diagram_after: diagram_of(true),
            embed: u.embed,
            show: u.show,
            present: u.present,
        }
    }

    /// Records what was typed in input `i`; a valid value updates the model at once.
    pub fn input(&self, i: usize, text: String) {
        type_into(self.raw, self.params, i, text);
    }

    /// Records what was typed in city input `i`; a valid value updates the comparison.
    pub fn city_input(&self, i: usize, text: String) {
        type_into(self.city_raw, self.city, i, text);
    }

    /// Opens the composer: the recipe kept from before, or the shown case's own reform with the
    /// values on screen.
    pub fn open_composer(&self) {
        let recipe = self.recipe.get_untracked().unwrap_or_else(|| {
            let (case, variant) = (self.case.get_untracked(), self.variant.get_untracked());
            Recipe::of_case(Scope::of(case, variant))
        });
        let s = *self;
        self.with_cases(CaseId::ALL.to_vec(), move || {
            s.set_recipe_now(recipe);
            s.view.set(View::Compose);
        });
    }

    /// Shows the page in `l` once its part of the wasm is in (`ui::langs`); if it cannot be
    /// fetched, the page keeps its language and says so (until a later part is in).
    pub fn set_lang(&self, l: Lang) {
        let (lang, missing) = (self.lang, self.part_missing);
        let last = Self::ask(self.asked_lang);
        crate::ui::langs::then(
            l,
            move || {
                if last() {
                    missing.set(true);
                }
            },
            move || {
                if last() {
                    found_again(missing);
                    lang.set(l);
                }
            },
        );
    }

    /// Counts one more request in `asked`; whether it is still the last one.
    fn ask(asked: StoredValue<u64>) -> impl Fn() -> bool + Copy + 'static {
        asked.update_value(|a| *a += 1);
        let n = asked.get_value();
        move || asked.get_value() == n
    }

    /// Runs `f` once the models of `cases` are loaded: at once when they are, else when their
    /// parts of the wasm are in (`ui::cases::then`); if one cannot be fetched, the page says so
    /// and `f` does not run.
    pub(crate) fn with_cases(&self, cases: Vec<CaseId>, f: impl FnOnce() + 'static) {
        let missing = self.part_missing;
        let last = Self::ask(self.asked_place);
        crate::ui::cases::then(
            cases,
            move || {
                if last() {
                    missing.set(true);
                }
            },
            move || {
                if last() {
                    found_again(missing);
                    f();
                }
            },
        );
    }

    /// Shows `recipe`, keeping every value the user set that the new parameter list still has
    /// (a case's own value carries over to its prefixed key), and the step shown when the
    /// measures are the same ones (else the final organisation).
    pub fn set_recipe(&self, recipe: Recipe) {
        let s = *self;
        self.with_cases(CaseId::ALL.to_vec(), move || s.set_recipe_now(recipe));
    }

    fn set_recipe_now(&self, recipe: Recipe) {
        let v = recipe.variant();
        let old = self.params.get_untracked();
        let from = self.picked.get_untracked();
        let own_prefix = (from.composed.is_none())
            .then(|| format!("{}.{}.", self.case.get_untracked().key(), from.key));
        let mut p = v.defaults();
        for spec in v.specs {
            let same = old.specs().iter().find(|s| s.key == spec.key);
            let own = own_prefix.as_deref().and_then(|pre| {
                let k = spec.key.strip_prefix(pre)?;
                old.specs().iter().find(|s| s.key == k)
            });
            if let Some(s) = same.or(own) {
                let _ = p.set_raw(spec.key, &s.format(old.get(s.key)));
            }
        }
        if std::ptr::eq(v.row_specs, from.row_specs) {
            for (row, field, value) in old.edits() {
                if let Some(spec) = v.row_specs.iter().find(|s| s.key == *field) {
                    let _ = p.set_edit(*row, spec, &spec.format(*value));
                }
            }
        }
        // The same measures (an edit of the organisation under them): the step shown stays.
        let same_steps = v.levers.len() == from.levers.len()
            && v.levers
                .iter()
                .zip(from.levers)
                .all(|(a, b)| a.key == b.key);
        let step = if same_steps {
            self.step.get_untracked().min(v.levers.len())
        } else {
            v.levers.len()
        };
        self.show(v, p, step);
        self.recipe.set(Some(recipe));
    }

    /// Opens one compared model in the case view, with the parameters the city gave it.
    pub fn open_applied(&self, a: &Applied) {
        let p = a.params.clone();
        self.case.set(a.case);
        self.show(a.variant, p, a.variant.levers.len());
        self.view.set(View::Case);
    }

    /// Switches to another scope of the case, with that scope's defaults, at its final step.
    pub fn set_variant(&self, v: &'static Variant) {
        if std::ptr::eq(self.picked.get_untracked(), v) {
            return;
        }
        let p = v.defaults();
        self.show(v, p, v.levers.len());
    }

    /// Shows variant `v` with parameters `p` at `step`, with the view state that belongs to
    /// one organisation (highlight, collapsed boxes, "expand all") cleared.
    ///
    /// Only what differs is set, so that showing a variant like the one shown (a composed
    /// reform on an edited organisation, with the same parameters) wakes only what depends
    /// on the organisation: the parameter inputs keep their signals when the list of
    /// parameters is the same, each given its value.
    fn show(&self, v: &'static Variant, p: Params, step: usize) {
        set_if_changed(self.focus_unit, None);
        set_if_changed(self.collapsed, HashSet::new());
        set_if_changed(self.allow_big, false);
        let same_list = self.params.with_untracked(|old| {
            old.specs().len() == p.specs().len()
                && old
                    .specs()
                    .iter()
                    .zip(p.specs())
                    .all(|(a, b)| a.key == b.key)
        });
        if same_list {
            self.raw.with_untracked(|r| {
                for (slot, s) in r.iter().zip(p.specs()) {
                    set_if(slot, s.format(p.get(s.key)));
                }
            });
        } else {
            self.raw.set(raw_of(&p));
        }
        set_if_changed(self.params, p);
        set_if_changed(self.step, step);
        self.picked.set(v);
    }

    /// Switches to a case's page, at the case's first scope.
    pub fn set_case(&self, c: CaseId) {
        let s = *self;
        self.with_cases(vec![c], move || match c.variants().first() {
            Some(v) => s.set_case_variant(c, v),
            None => s.view.set(View::Case),
        });
    }

    /// Shows case `c`'s variant `v` at its defaults, on the case page: in one go (not the case's
    /// first variant, then `v`).
    pub fn set_case_variant(&self, c: CaseId, v: &'static Variant) {
        self.view.set(View::Case);
        self.case.set(c);
        self.set_variant(v);
    }

    /// What the "after" side shows: "After", the baseline, or "After step N" (with the
    /// measure's name when `long`). Reactive.
    pub fn after_title(&self, long: bool) -> String {
        let l = self.lang.get();
        let step = self.step.get();
        let v = self.variant.get();
        match v.lever_at(step) {
            _ if step >= v.levers.len() => tr(l, Msg::After).to_string(),
            None => tr(l, Msg::Baseline).to_string(),
            Some(lever) if long => trf(l, Msg::AfterStep, &[&step.to_string(), lever.name.get(l)]),
            Some(_) => trf(l, Msg::AfterStepShort, &[&step.to_string()]),
        }
    }

    /// The number of the last step (the final organisation).
    pub fn last_step(&self) -> usize {
        self.variant.with(|v| v.levers.len())
    }

    pub fn reset(&self) {
        let v = self.picked.get_untracked();
        let p = v.defaults();
        self.raw.set(raw_of(&p));
        self.params.set(p);
        self.step.set(v.levers.len());
    }

    /// The query for the current state, embedded or not (the embed snippet and the "open in
    /// the full explorer" link).
    pub fn query_with(&self, embed: bool) -> String {
        let mut u = self.url_state();
        u.embed = embed;
        url::encode(&u)
    }

    /// Shows a saved or imported scenario (a decoded link's state) in place. The language and
    /// the theme stay the reader's: a scenario saved in English opens in Chinese on a Chinese
    /// page (a link, opened as a new page, still carries its own).
    pub fn apply(&self, u: &UrlState) {
        let v = variant_of(u);
        let p = params_of(v, u);
        self.case.set(u.case);
        self.show(v, p, u.step.unwrap_or(v.levers.len()));
        self.group.set(u.group);
        self.orient.set(u.orient);
        let city = city_of(u);
        self.city_raw.set(raw_of(&city));
        self.city.set(city);
        self.recipe.set(u.recipe.clone());
        self.four.set(u.four);
        self.view.set(u.view);
    }

    /// This state with `shown`, `shapes` and `planning` read from elsewhere (`ui::off_screen`).
    /// The rest (`step`, `variant`, `params`, and `changes`, `found`, `idle` and the diagrams,
    /// derived from the real result) is this state's: within an update a panel may read the new
    /// step or parameters with the result before, so it must not index one by the other (every
    /// reader today clamps: `Shown::at`, `Scenario::at`).
    pub(crate) fn with_result(
        self,
        shown: Memo<Option<Shown>>,
        shapes: Memo<Option<(u64, u64)>>,
        planning: Memo<Planning>,
    ) -> AppState {
        AppState {
            shown,
            shapes,
            planning,
            ..self
        }
    }

    /// The current state as a link would carry it (valid values only). Reactive.
    pub fn url_state(&self) -> UrlState {
        let composed = self.variant.with(|v| v.composed.is_some());
        let recipe = self.recipe.get();
        let (case, variant) = match (&recipe, composed) {
            // A case's scope below the composer; an organisation that is no case's leaves the
            // case page below it as it was.
            (Some(r), true) => match r.base.case {
                Some(c) => (c, r.base.variant.key.to_string()),
                None => {
                    let c = self.case.get();
                    (c, c.variants().first().map_or("", |v| v.key).to_string())
                }
            },
            _ => (self.case.get(), self.variant.get().key.to_string()),
        };
        let mut u = self.url_state_raw();
        u.case = case;
        u.variant = variant;
        u.recipe = recipe;
        u
    }

    fn url_state_raw(&self) -> UrlState {
        UrlState {
            recipe: None,
            four: self.four.get(),
            embed: self.embed,
            show: self.show,
            present: self.present,
            view: self.view.get(),
            city: self.city.with(|p| {
                p.changed()
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect()
            }),
            case: self.case.get(),
            variant: self.variant.get().key.to_string(),
            lang: self.lang.get(),
            group: self.group.get(),
            orient: self.orient.get(),
            theme: self.theme.get(),
            params: self.params.with(|p| {
                p.changed()
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect()
            }),
            step: Some(self.step.get()).filter(|s| *s < self.last_step()),
            edits: self.params.with(|p| {
                p.edits()
                    .iter()
                    .map(|(r, f, v)| (*r, f.to_string(), crate::i18n::plain_number(*v)))
                    .collect()
            }),
        }
    }
}
