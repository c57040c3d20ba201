//! The composer (`?view=compose`): pick a baseline from any case's scope, then add, remove and
//! reorder levers from all four cases. The result shows on the case page below it like any
//! case (steps, diagrams, numbers, sources, link, saved files, exports).

use leptos::either::Either;
use leptos::prelude::*;

use crate::i18n::{tr, Lang, Msg};
use crate::model::compose::{Recipe, Scope, Step};
use crate::state::url::View;
use crate::ui::say;
use crate::ui::state::AppState;

fn scope_name(s: Scope, l: Lang) -> String {
    format!("{} · {}", s.owner_name().get(l), s.variant.name.get(l))
}

/// The button in the case tabs that opens the composer.
#[component]
pub fn ComposeTab(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let active = move || state.view.get() == View::Compose;
    view! {
        <button type="button" class="case-tab compose-tab" class:active=active data-view="compose"
            aria-pressed=move || active().to_string()
            on:click=move |_| state.open_composer()>
            <span>{say(lang, Msg::ComposeTitle)}</span>
        </button>
    }
}

#[component]
pub fn Composer(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let change = move |f: &dyn Fn(&mut Recipe)| {
        if let Some(mut r) = state.recipe.get_untracked() {
            f(&mut r);
            state.set_recipe(r);
        }
    };
    // The measures that found nothing to act on (their step equals the one before): marked in
    // the list, each mark following the scenario on its own (the list is not rebuilt).
    let idle = state.idle;
    // What the panel draws: the recipe, with an own organisation as its baseline counted by
    // its name (an edit of it makes another scope of the same name, whose option's value
    // follows `state.own`), so that an edit draws the panel again only for what it changed.
    let drawn = Memo::new(move |_| {
        state.recipe.with(|r| {
            r.as_ref().map(|r| {
                let base = if r.base.is_own() {
                    format!("own|{}|{}", r.base.variant.name.zh, r.base.variant.name.en)
                } else {
                    r.base.key()
                };
                (base, r.steps.clone())
            })
        })
    });
    move || {
        let l = lang.get();
        // Read, not only tracked: a memo only tracked is never remade.
        drawn.with(|_| ());
        let Some(recipe) = state.recipe.get_untracked() else {
            return ().into_any();
        };
        let scopes = Scope::all();
        let base_key = recipe.base.key();
        let n = recipe.steps.len();
        let items = recipe
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let name = step.lever().map(|x| x.name.get(l)).unwrap_or("?");
                view! {
                    <li data-compose-step=i data-lever-key=step.key()>
                        <span class="lever-name"><small>{step.scope.owner_name().get(l)}</small>" "{name}
                            {move || idle.with(|d| d.contains(&(i + 1))).then(|| view! {
                                " " <span class="step-idle-mark" data-compose-idle=i>{tr(l, Msg::ComposeIdle)}</span>
                            })}
                        </span>
                        <span class="lever-actions">
                            <button type="button" data-action="lever-up" data-index=i disabled=i == 0
                                aria-label=format!("{} {}", tr(l, Msg::ComposeUp), name)
                                on:click=move |_| {
                                    change(&|r: &mut Recipe| r.steps.swap(i - 1, i));
                                    focus_moved(i - 1, n, "lever-up");
                                }>"↑"</button>
                            <button type="button" data-action="lever-down" data-index=i disabled=i + 1 == n
                                aria-label=format!("{} {}", tr(l, Msg::ComposeDown), name)
                                on:click=move |_| {
                                    change(&|r: &mut Recipe| r.steps.swap(i, i + 1));
                                    focus_moved(i + 1, n, "lever-down");
                                }>"↓"</button>
                            <button type="button" data-action="lever-remove" data-index=i
                                aria-label=format!("{} {}", tr(l, Msg::ComposeRemove), name)
                                on:click=move |_| {
                                    change(&|r: &mut Recipe| { r.steps.remove(i); });
                                    // The next measure's ×, the last one's, or "Add a measure".
                                    crate::ui::focus_after_redraw(if n > 1 {
                                        format!("[data-action=\"lever-remove\"][data-index=\"{}\"]", i.min(n - 2))
                                    } else {
                                        "[data-action=\"compose-add\"]".into()
                                    });
                                }>"×"</button>
                        </span>
                    </li>
                }
            })
            .collect_view();
        let base_options = scopes
            .iter()
            .map(|s| {
                let k = s.key();
                let selected = k == base_key;
                if s.is_own() {
                    // The current own organisation, edited or not.
                    let value = move || {
                        state
                            .own
                            .get()
                            .map(|o| o.key())
                            .unwrap_or_else(|| k.clone())
                    };
                    view! { <option value=value selected=selected>{scope_name(*s, l)}</option> }
                        .into_any()
                } else {
                    view! { <option value=k selected=selected>{scope_name(*s, l)}</option> }
                        .into_any()
                }
            })
            .collect_view();
        let add_options = scopes
            .iter()
            .filter(|s| !s.variant.levers.is_empty())
            .map(|s| {
                let levers = (0..s.variant.levers.len())
                    .map(|lever| {
                        let step = Step { scope: *s, lever };
                        let name = step.lever().map(|x| x.name.get(l)).unwrap_or("?");
                        view! { <option value=step.key()>{name.to_string()}</option> }
                    })
                    .collect_view();
                view! { <optgroup label=scope_name(*s, l)>{levers}</optgroup> }
            })
            .collect_view();
        // A measure picked with the mouse, a touch or the open list is added at once; the keys
        // on the closed menu only move its choice, and Enter adds it.
        let pick = crate::ui::PickOnEnter::new();
        let add = move |ev: &web_sys::Event| {
            // The panel is rebuilt in place, so the menu is put back to its prompt by hand:
            // ready for the next pick, even of the same measure.
            let menu = event_target::<web_sys::HtmlSelectElement>(ev);
            let picked = menu.value();
            menu.set_value("");
            if let Some(s) = Step::parse(&picked) {
                change(&|r: &mut Recipe| {
                    if r.steps.len() < crate::model::compose::MAX_STEPS {
                        r.steps.push(s);
                    }
                });
            }
        };
        // Another baseline is taken as the add menu takes a measure: at once when picked with
        // the mouse, a touch or the open list, by Enter after the keys moved the choice; a
        // choice the keys moved to and left without Enter is not kept.
        let base_pick = crate::ui::PickOnEnter::new();
        let set_base = move |ev: &web_sys::Event| {
            if let Some(b) = Scope::parse(&event_target_value(ev)) {
                change(&|r: &mut Recipe| r.base = b);
            }
        };
        // A choice moved to by the keys and left without Enter is not kept.
        let reset =
            |ev: &web_sys::Event| event_target::<web_sys::HtmlSelectElement>(ev).set_value("");
        // An organisation that is no case's has no measures of its own to take.
        let base_own_empty = recipe.base.variant.levers.is_empty();
        view! {
            <section class="composer" data-panel="composer" aria-labelledby="composer-title">
                <h2 id="composer-title">{tr(l, Msg::ComposeTitle)}</h2>
                <p class="hint">{tr(l, Msg::ComposeHint)}</p>
                <label class="compose-base">
                    <span>{tr(l, Msg::ComposeBase)}</span>
                    <select data-action="compose-base"
                        on:keydown=move |ev| if base_pick.enter(&ev) { set_base(&ev) }
                        on:change=move |ev| if base_pick.picked() { set_base(&ev) }
                        on:blur=move |ev| {
                            if let Some(r) = state.recipe.get_untracked() {
                                event_target::<web_sys::HtmlSelectElement>(&ev).set_value(&r.base.key());
                            }
                        }>{base_options}</select>
                </label>
                <h3>{tr(l, Msg::ComposeLevers)}</h3>
                {if n == 0 {
                    Either::Left(view! { <p class="hint" data-compose-empty="1">{tr(l, Msg::ComposeNone)}</p> })
                } else {
                    Either::Right(view! { <ol class="compose-steps">{items}</ol> })
                }}
                <div class="compose-add">
                    <select data-action="compose-add" aria-label=tr(l, Msg::ComposeAdd)
                        on:keydown=move |ev| if pick.enter(&ev) { add(&ev) }
                        on:change=move |ev| if pick.picked() { add(&ev) }
                        on:blur=move |ev| reset(&ev)>
                        <option value="" selected=true>{tr(l, Msg::ComposeAdd)}</option>
                        {add_options}
                    </select>
                    <button type="button" data-action="compose-own" disabled=base_own_empty on:click=move |_| {
                        if let Some(r) = state.recipe.get_untracked() {
                            state.set_recipe(Recipe::of_case(r.base));
                        }
                    }>{tr(l, Msg::ComposeOwn)}</button>
                </div>
            </section>
        }
        .into_any()
    }
}

/// Focus follows a measure moved to place `to` of `n`: on the same arrow (`action`), or on the
/// other one where that arrow is now disabled (the first place has no ↑, the last no ↓).
fn focus_moved(to: usize, n: usize, action: &str) {
    let at_end = (action == "lever-up" && to == 0) || (action == "lever-down" && to + 1 == n);
    let action = match (at_end, action) {
        (true, "lever-up") => "lever-down",
        (true, _) => "lever-up",
        (false, a) => a,
    };
    crate::ui::focus_after_redraw(format!("[data-action=\"{action}\"][data-index=\"{to}\"]"));
}
