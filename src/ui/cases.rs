//! The case models, each but the default one a part of the wasm of its own (issue 18: the first
//! download).
//!
//! A case page needs one case's model: its scopes' parameters, baselines and measures, its
//! sources' quotes. In the site's build (feature `split`) each case but the default one
//! (Daqing's, which the home page shows, kept in the main wasm: the home page waits for no part)
//! is a `split_point!` here, so its code and the data only it reads (every quote, note and
//! parameter of the case) leave the main wasm; `load` fetches a case's part once and registers its model with
//! [`CaseId::register`], after which [`CaseId::variants`] and the rest answer at once, as they
//! do in every other build (native code, the browser tests), where the models are all there.
//!
//! Who loads what: `ui::start` loads what the link shows (`state::url::cases_needed`) before the page is built;
//! the panels below the first screen, the comparison, the composer and presenter mode load all
//! four before they are built; a change of case before its part is in waits for it ([`then`],
//! through `AppState::with_cases`: `set_case`, `set_recipe`, `open_composer`, Back and Forward,
//! the phone's menu). index.html's early script (scripts/split.mjs) fetches the link's case's
//! files beside the main wasm, so that `ui::start` finds them on their way.

use crate::model::cases::{haidong, tianjin, zhejiang, CaseId, CaseModel};
use crate::model::compose::{self, ComposerModel};
use crate::ui::PartMissing;
use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

split_point! {
    fn case_zhejiang() -> &'static CaseModel {
        let model: &'static CaseModel = &zhejiang::MODEL;
        model
    }
}
split_point! {
    fn case_tianjin() -> &'static CaseModel {
        let model: &'static CaseModel = &tianjin::MODEL;
        model
    }
}
split_point! {
    fn case_haidong() -> &'static CaseModel {
        let model: &'static CaseModel = &haidong::MODEL;
        model
    }
}

split_point! {
    fn composer_model() -> &'static ComposerModel {
        let model: &'static ComposerModel = &compose::MODEL;
        model
    }
}

/// Loads the composer's model (its part of the wasm, once: `compose::ComposerModel`) and
/// registers it.
async fn load_composer() -> Result<(), PartMissing> {
    if compose::model().is_none() {
        compose::register(composer_model().await?);
    }
    Ok(())
}

/// Whether `cases` are all four: a page that needs all four (the comparison, the composer, a
/// composed reform, an organisation's page) can show a composed reform or an organisation, so
/// it needs the composer's model too.
fn all_four(cases: &[CaseId]) -> bool {
    CaseId::ALL.iter().all(|c| cases.contains(c))
}

/// Loads case `c`'s model (its part of the wasm, once) and registers it.
pub async fn load(c: CaseId) -> Result<(), PartMissing> {
    if c.model().is_some() {
        return Ok(());
    }
    let model = match c {
        // The default case's model is in the main wasm (`CaseId::model`): loaded already.
        CaseId::Daqing => return Ok(()),
        CaseId::Zhejiang => case_zhejiang().await?,
        CaseId::Tianjin => case_tianjin().await?,
        CaseId::Haidong => case_haidong().await?,
    };
    c.register(model);
    Ok(())
}

/// Loads the models of `cases` (with all four, the composer's too), their parts fetched side
/// by side.
pub async fn load_some(cases: Vec<CaseId>) -> Result<(), PartMissing> {
    type Loading = Pin<Box<dyn Future<Output = Result<(), PartMissing>> + Send>>;
    let composer = all_four(&cases).then(|| Box::pin(load_composer()) as Loading);
    let mut pending: Vec<Loading> = cases
        .into_iter()
        .map(|c| Box::pin(load(c)) as Loading)
        .chain(composer)
        .collect();
    std::future::poll_fn(move |cx| {
        let mut failed = false;
        pending.retain_mut(|f| match f.as_mut().poll(cx) {
            Poll::Ready(r) => {
                failed |= r.is_err();
                false
            }
            Poll::Pending => true,
        });
        if failed {
            Poll::Ready(Err(PartMissing))
        } else if pending.is_empty() {
            Poll::Ready(Ok(()))
        } else {
            Poll::Pending
        }
    })
    .await
}

/// Both futures' outputs, the two polled side by side.
pub async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let Poll::Ready(r) = a.as_mut().poll(cx) {
                ra = Some(r);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(r) = b.as_mut().poll(cx) {
                rb = Some(r);
            }
        }
        if ra.is_some() && rb.is_some() {
            Poll::Ready((ra.take().unwrap(), rb.take().unwrap()))
        } else {
            Poll::Pending
        }
    })
    .await
}

/// Loads every case's model.
pub async fn load_all() -> Result<(), PartMissing> {
    load_some(CaseId::ALL.to_vec()).await
}

/// Whether the models of `cases` are all loaded (with all four, the composer's too).
pub fn loaded(cases: &[CaseId]) -> bool {
    cases.iter().all(|c| c.model().is_some()) && (!all_four(cases) || compose::model().is_some())
}

/// Runs `f` once the models of `cases` are loaded: at once when they are (so a click does what
/// it did in one go, as before), else when their parts are in; `missing` if one cannot be
/// fetched (`f` is then not run).
pub fn then(cases: Vec<CaseId>, missing: impl FnOnce() + 'static, f: impl FnOnce() + 'static) {
    crate::ui::when_loaded(loaded(&cases), move || load_some(cases), missing, f);
}
