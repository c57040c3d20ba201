//! The sources panel (documents, the phrase behind every default, lever and reported figure,
//! every assumption with its reason, the facts the sources report in words and the related
//! models of document 001, each with its quote) and the lineage list (which old units became each new
//! one; hovering or focusing an entry highlights them in both diagrams).

use std::collections::HashMap;

use leptos::either::Either;
use leptos::prelude::*;

use crate::i18n::{format_number, tr, trf, Lang, Msg};
use crate::model::cases::related::{DOC as RELATED_DOC, RELATED};
use crate::model::cases::{Match, DOC_001};
use crate::model::lineage;
use crate::model::params::ParamSpec;
use crate::model::source::Source;
use crate::ui::params_panel::SourceNote;
use crate::ui::say;
use crate::ui::state::{set_if_changed, AppState};
use crate::ui::TableScroll;

#[component]
pub fn SourcesPanel(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let body = move || {
        let l = lang.get();
        let case = state.case.get();
        let v = state.variant.get();
        let specs: Vec<ParamSpec> = v.specs.iter().chain(v.row_specs).copied().collect();
        let assumed = specs.iter().filter(|s| s.source.is_assumption()).count();
        let docs = case
            .documents()
            .iter()
            .map(|d| {
                view! {
                    <li data-doc=d.id>
                        <strong>{trf(l, Msg::SourceDoc, &[d.id])}</strong> " "
                        // The title in the document's own script, said as such on any page.
                        <cite lang=if d.id == crate::model::source::TRADITIONAL_DOC { "zh-Hant" } else { "zh-Hans" }>{d.title}</cite>
                        " (" {d.outlet.get(l)} ", " {d.year} ")"
                    </li>
                }
            })
            .collect_view();
        let levers = v
            .levers
            .iter()
            .map(|lv| {
                view! {
                    <li data-lever-source=lv.key>
                        <strong>{lv.name.get(l)}</strong> " " {lv.summary.get(l)}
                        <SourceNote source=lv.source lang=lang/>
                    </li>
                }
            })
            .collect_view();
        let params = specs
            .into_iter()
            .map(|s| {
                let kind = if s.source.is_assumption() {
                    "assumption"
                } else {
                    "seed"
                };
                view! {
                    <tr data-source-param=s.key data-source-kind=kind>
                        <th scope="row">{s.label.get(l)}</th>
                        <td class="num">{format_number(s.default, 3)} " " {s.unit.get(l)}</td>
                        <td>{source_text(s.source, l)}</td>
                    </tr>
                }
            })
            .collect_view();
        let reported = v
            .reported
            .iter()
            .map(|r| {
                let label = match r.metric {
                    Some(k) => k.label().get(l).to_string(),
                    None => r.label.get(l).to_string(),
                };
                let f = r
                    .metric
                    .map_or(crate::model::metrics::Format::Decimal, |k| k.format());
                let values = crate::ui::numbers::reported_text(r, f);
                let unit = if r.metric.is_none() {
                    r.unit.get(l)
                } else {
                    ""
                };
                view! {
                    <li>
                        <strong>{label}</strong> ": " {values} " " {unit} " "
                        <SourceNote source=r.source lang=lang/>
                    </li>
                }
            })
            .collect_view();
        let calibrated: Vec<_> = v
            .reported
            .iter()
            .enumerate()
            .flat_map(|(i, r)| {
                let sides = [("before", r.before), ("after", r.after)];
                r.how
                    .iter()
                    .zip(sides)
                    .filter_map(move |(m, (phase, value))| match m {
                        Some(Match::Calibrated(keys)) => Some((i, r, phase, value, *keys)),
                        _ => None,
                    })
            })
            .map(|(i, r, phase, value, keys)| {
                let label = match r.metric {
                    Some(k) => k.label().get(l),
                    None => r.label.get(l),
                };
                let f = r
                    .metric
                    .map_or(crate::model::metrics::Format::Decimal, |k| k.format());
                let one = crate::model::cases::Reported {
                    before: None,
                    after: value,
                    ..*r
                };
                let value = crate::ui::numbers::reported_text(&one, f);
                let value = value.trim_start_matches("— → ").to_string();
                let side = tr(l, if phase == "before" { Msg::Before } else { Msg::After });
                let which = if l.is_chinese() {
                    format!("（{side} {value}）：")
                } else {
                    format!(" ({side} {value}): ")
                };
                view! {
                    <li data-calibrated=i.to_string() data-phase=phase data-params=keys.join(" ")>
                        <strong>{label}</strong> {which}
                        {tr(l, Msg::CalibratedTuned)}
                        <span class="match match-calibrated">{crate::ui::numbers::param_labels(keys, v.specs, l)}</span>
                    </li>
                }
            })
            .collect();
        let calibrated = if calibrated.is_empty() {
            Either::Left(
                view! { <p class="hint" data-calibrated-none="1">{tr(l, Msg::CalibratedNone)}</p> },
            )
        } else {
            Either::Right(view! {
                <p class="hint">{tr(l, Msg::CalibratedHint)}</p>
                <ul class="calibrated-list">{calibrated}</ul>
            })
        };
        let facts: Vec<_> = case
            .facts_of(v)
            .into_iter()
            .map(|f| {
                view! {
                    <li data-fact=f.key>
                        {f.text.get(l)} " "
                        <span class="match match-quoted">{tr(l, Msg::FactReported)}</span>
                        {source_text(f.source, l)}
                    </li>
                }
            })
            .collect();
        let facts = (!facts.is_empty()).then(|| {
            view! {
                <h3 data-facts-title="1">{tr(l, Msg::FactsTitle)}</h3>
                <p class="hint">{tr(l, Msg::FactsHint)}</p>
                <ul class="facts">{facts}</ul>
            }
        });
        let related = RELATED
            .iter()
            .map(|m| {
                let quotes = m
                    .sources
                    .iter()
                    .map(|s| view! { <li>{source_text(*s, l)}</li> })
                    .collect_view();
                let parts = m
                    .parts
                    .iter()
                    .map(|p| {
                        view! {
                            <li data-related-part=p.key>
                                <strong>{p.name.get(l)}</strong> " " {p.summary.get(l)}
                                <br/>
                                {source_text(p.source, l)}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li data-related=m.key>
                        <strong>{m.name.get(l)}</strong> " " {m.summary.get(l)}
                        <ul class="related-quotes">{quotes}</ul>
                        {(!m.parts.is_empty()).then(|| view! { <ol class="related-parts">{parts}</ol> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="hint" data-assumptions=assumed.to_string()>
                {trf(l, Msg::SourcesCount, &[&(v.specs.len() + v.row_specs.len() - assumed).to_string(), &assumed.to_string()])}
            </p>
            <h3>{tr(l, Msg::Documents)}</h3>
            <ul class="docs">{docs}</ul>
            <h3>{tr(l, Msg::Steps)}</h3>
            <ol class="lever-sources">{levers}</ol>
            <h3>{tr(l, Msg::Parameters)}</h3>
            <TableScroll lang=lang>
                <table class="source-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr(l, Msg::Parameters)}</th>
                            <th scope="col" class="num">{tr(l, Msg::Default)}</th>
                            <th scope="col">{tr(l, Msg::Source)}</th>
                        </tr>
                    </thead>
                    <tbody>{params}</tbody>
                </table>
            </TableScroll>
            <h3>{tr(l, Msg::Reported)}</h3>
            <ul class="reported-sources">{reported}</ul>
            {facts}
            <h3 data-calibrated-title="1">{tr(l, Msg::CalibratedTitle)}</h3>
            {calibrated}
            <h3 data-related-title="1">{tr(l, Msg::RelatedTitle)}</h3>
            <p class="hint">{trf(l, Msg::RelatedHint, &[DOC_001.title])}</p>
            <ul class="related" data-related-doc=RELATED_DOC>{related}</ul>
        }
    };
    view! {
        <details class="sources-panel" data-panel="sources">
            // A heading in the summary: the panel's own headings (h3) are under it, not under the
            // panel before it.
            <summary><h2 class="summary-heading">{say(lang, Msg::SourcesTitle)}</h2></summary>
            {body}
        </details>
    }
}

fn source_text(source: Source, l: Lang) -> impl IntoView {
    match source {
        Source::Seed { doc, quote } => Either::Left(view! {
            <span class="seed-ref">{trf(l, Msg::SourceDoc, &[doc])} "："</span>
            <q lang=source.quote_lang()>{quote}</q>
        }),
        Source::Assumption { why } => Either::Right(view! {
            <span class="assumption-ref"><em>{tr(l, Msg::AssumptionLabel)}</em> ": " {why.get(l)}</span>
        }),
    }
}

/// Which old units became each new unit at the current step.
#[component]
pub fn LineagePanel(state: AppState) -> impl IntoView {
    let lang = state.lang;
    // Remade when the shape of either tree changes (or the language or step): a change of
    // staff alone leaves every entry as it was (tests/cases.rs: same shapes, same entries).
    // Mounted with `off_screen::follow`'s state, whose `shapes` notify at every copy at another
    // step: the step is read with the result it belongs to, never the step of a newer result
    // than the one copied.
    let entries = Memo::new(move |_| {
        let l = lang.get();
        // Read, not only tracked (as in ui/state.rs: a memo only tracked is never remade).
        let _ = state.shapes.get();
        let step = state.step.get_untracked();
        state.shown.with_untracked(|s| {
            s.as_ref()
                .map(|s| lineage::list(s.scenario.before(), s.scenario.at(step), l))
                .unwrap_or_default()
        })
    });
    // The list is written by hand, like the diagrams' boxes (`diagram/boxes.rs`): one pass
    // keyed by unit id makes the entries that are new, writes the texts that changed, removes
    // the entries that are gone and puts the rest in order. An entry's element stays (and keeps
    // focus) while its unit does. As Leptos views, every entry was an owner with three text
    // effects: a parameter that forms 40 new units spent about 1.5 ms making them.
    let list = NodeRef::<leptos::html::Ul>::new();
    let drawn: StoredValue<Drawn, LocalStorage> = StoredValue::new_local(Drawn::default());
    Effect::new(move |_| {
        let ul = list.get();
        entries.with(|e| {
            drawn.update_value(|d| d.sync(ul.map(Into::into), e, state.focus_unit));
        });
    });
    // The entry of the unit in focus (here or in a diagram) is marked by one effect, not one per
    // entry.
    Effect::new(move |_| {
        let focus = state.focus_unit.get();
        entries.track();
        let Some(ul) = list.get() else { return };
        if let Ok(Some(old)) = ul.query_selector(".lineage-item.active") {
            if focus.as_deref() != old.get_attribute("data-lineage").as_deref() {
                let _ = old.class_list().remove_1("active");
            }
        }
        if let Some(id) = focus {
            let sel = format!("[data-lineage=\"{}\"]", id.replace('"', "\\\""));
            if let Ok(Some(el)) = ul.query_selector(&sel) {
                let _ = el.class_list().add_1("active");
            }
        }
    });
    let entry_of = |target: Option<web_sys::EventTarget>| -> Option<String> {
        use wasm_bindgen::JsCast;
        let e: web_sys::Element = target?.dyn_into().ok()?;
        e.closest("[data-lineage]")
            .ok()??
            .get_attribute("data-lineage")
    };
    let enter = move |target: Option<web_sys::EventTarget>| {
        if let Some(id) = entry_of(target) {
            set_if_changed(state.focus_unit, Some(id));
        }
    };
    let leave = move |from: Option<web_sys::EventTarget>, to: Option<web_sys::EventTarget>| {
        if entry_of(from).is_some() && entry_of(to).is_none() {
            set_if_changed(state.focus_unit, None);
        }
    };
    view! {
        <Show when=move || entries.with(|e| !e.is_empty())>
            <details class="lineage" data-panel="lineage" open>
                <summary>{say(lang, Msg::LineageTitle)}</summary>
                <p class="hint">{say(lang, Msg::LineageHint)}</p>
                <ul class="lineage-list" node_ref=list
                    on:mouseover=move |ev| enter(ev.target())
                    on:mouseout=move |ev| leave(ev.target(), ev.related_target())
                    on:focusin=move |ev| enter(ev.target())
                    on:focusout=move |ev| leave(ev.target(), ev.related_target())>
                </ul>
            </details>
        </Show>
    }
}

/// One entry of the lineage list: `<li><button class="lineage-item" data-lineage=id><strong>name
/// </strong> ← <span class="count">…</span> <span class="from">…</span></button></li>`.
struct Entry {
    li: web_sys::Element,
    button: web_sys::Element,
    texts: [web_sys::Element; 3],
    now: (String, String, String),
}

/// The lineage list as drawn: its `<ul>`, its entries by unit id and their ids in the order
/// drawn.
#[derive(Default)]
struct Drawn {
    ul: Option<web_sys::Element>,
    entries: HashMap<String, Entry>,
    order: Vec<String>,
}

type Texts = (String, String, String);

impl Drawn {
    /// Makes `ul` show `rows` (unit id, texts), in their order. A new `ul` (the panel was
    /// hidden and shown again) starts empty.
    fn sync(
        &mut self,
        ul: Option<web_sys::Element>,
        rows: &[(String, Texts)],
        focus: RwSignal<Option<String>>,
    ) {
        let Some(ul) = ul else { return };
        if self.ul.as_ref() != Some(&ul) {
            self.entries.clear();
            self.order.clear();
            ul.set_text_content(None);
            self.ul = Some(ul.clone());
        }
        let Some(doc) = ul.owner_document() else {
            return;
        };
        // Gone: kept as spares, to be written over for the entries that are new (a parameter
        // that renumbers teams renames many entries: an element written over where it stands
        // costs a few texts, one made and one removed cost a third of the list's time), the
        // spares left over removed at the end. Ids are unique: when every row has its entry
        // and the counts agree, none is gone. An entry that holds focus is removed, never
        // written over (focus would stay on another unit's entry). The spares are in the order
        // drawn and new entries take them in turn, so in a renumbering each new entry takes
        // the gone entry where it goes (no JS call to find it).
        let mut spare: std::collections::VecDeque<Entry> = std::collections::VecDeque::new();
        if self.entries.len() != rows.len() || rows.iter().any(|r| !self.entries.contains_key(&r.0))
        {
            let keep: std::collections::HashSet<&str> = rows.iter().map(|r| r.0.as_str()).collect();
            let focused_el = doc.active_element();
            for id in &self.order {
                if keep.contains(id.as_str()) {
                    continue;
                }
                let Some(e) = self.entries.remove(id) else {
                    continue;
                };
                if focused_el.as_ref().is_some_and(|f| e.li.contains(Some(f))) {
                    e.li.remove();
                } else {
                    spare.push_back(e);
                }
            }
        }
        let focused = focus.get_untracked();
        let mut at = ul.first_child();
        for (id, texts) in rows {
            let e = match self.entries.get_mut(id) {
                Some(e) => {
                    e.write(texts);
                    e
                }
                None => {
                    let active = focused.as_deref() == Some(id);
                    let e = match spare.pop_front() {
                        Some(mut e) => {
                            e.assign(id, texts, active);
                            e
                        }
                        None => match Entry::new(&doc, id, texts, active) {
                            Some(e) => e,
                            None => continue,
                        },
                    };
                    self.entries.entry(id.clone()).or_insert(e)
                }
            };
            let li: &web_sys::Node = &e.li;
            if at.as_ref() == Some(li) {
                at = li.next_sibling();
            } else {
                let _ = ul.insert_before(li, at.as_ref());
            }
        }
        for e in spare {
            e.li.remove();
        }
        if self.order.len() != rows.len() || self.order.iter().zip(rows).any(|(a, r)| *a != r.0) {
            self.order = rows.iter().map(|r| r.0.clone()).collect();
        }
    }
}

impl Entry {
    /// Writes the texts that differ from those drawn.
    fn write(&mut self, texts: &Texts) {
        let [name, count, from] = &self.texts;
        for (el, old, new) in [
            (name, &self.now.0, &texts.0),
            (count, &self.now.1, &texts.1),
            (from, &self.now.2, &texts.2),
        ] {
            if old != new {
                el.set_text_content(Some(new));
            }
        }
        if self.now != *texts {
            self.now = texts.clone();
        }
    }

    /// Makes this the entry of unit `id`: a new entry's first write, or a gone unit's entry
    /// written over.
    fn assign(&mut self, id: &str, texts: &Texts, active: bool) {
        let _ = self.button.set_attribute("data-lineage", id);
        // Set whatever it was: the focus effect moves "active" between entries.
        self.button.set_class_name(if active {
            "lineage-item active"
        } else {
            "lineage-item"
        });
        self.write(texts);
    }

    /// An entry's elements, empty, then assigned to unit `id`.
    fn new(doc: &web_sys::Document, id: &str, texts: &Texts, active: bool) -> Option<Entry> {
        let el = |name: &str, class: Option<&str>| {
            let e = doc.create_element(name).ok()?;
            if let Some(c) = class {
                e.set_class_name(c);
            }
            Some(e)
        };
        let li = el("li", None)?;
        let button = el("button", None)?;
        let _ = button.set_attribute("type", "button");
        let name = el("strong", None)?;
        let count = el("span", Some("count"))?;
        let from = el("span", Some("from"))?;
        let _ = button.append_with_node_4(
            &name,
            &doc.create_text_node(" ← "),
            &count,
            &doc.create_text_node(" "),
        );
        let _ = button.append_child(&from);
        let _ = li.append_child(&button);
        let mut e = Entry {
            li,
            button,
            texts: [name, count, from],
            now: Texts::default(),
        };
        e.assign(id, texts, active);
        Some(e)
    }
}
