//! The languages other than Simplified Chinese, each a part of the wasm of its own (issue 18:
//! the first download): English's UI table and Traditional Chinese's converter (`i18n`'s
//! `Table` and `Converter`). Most visitors read the default language, so the main wasm holds
//! only Simplified Chinese's text.
//!
//! Who loads what: `ui::start` loads the link's language (`state::url::lang_needed`) before the
//! page is built, beside the case models (index.html's early script fetches its files beside the
//! main wasm); a change of language waits for its part (`AppState::set_lang`: the language
//! buttons, the embed's `set` message), and keeps the language shown, with the part-missing
//! notice, when it cannot be fetched. Outside the site's build (feature `split`) every language
//! is there from the start and these are ready at once.

use crate::i18n::{self, Converter, Lang, Table};
use crate::ui::PartMissing;

split_point! {
    fn lang_en() -> Table {
        i18n::en_part()
    }
}
split_point! {
    fn lang_hant() -> Converter {
        i18n::hant_part()
    }
}

/// Loads `lang`'s part of the wasm (once) and registers what it holds.
pub async fn load(lang: Lang) -> Result<(), PartMissing> {
    if lang.is_loaded() {
        return Ok(());
    }
    match lang {
        // The main wasm's own: loaded already.
        Lang::Zh => {}
        Lang::En => i18n::register_en(lang_en().await?),
        Lang::ZhHant => i18n::register_hant(lang_hant().await?),
    }
    Ok(())
}

/// Runs `f` once `lang`'s part is loaded: at once when it is, else when it is in; `missing` if
/// it cannot be fetched (`f` is then not run).
pub fn then(lang: Lang, missing: impl FnOnce() + 'static, f: impl FnOnce() + 'static) {
    crate::ui::when_loaded(lang.is_loaded(), move || load(lang), missing, f);
}
