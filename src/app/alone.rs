//! What the page says while only part of a large corpus is on screen: a record
//! opened by its address, shown on its own from the few parts that hold it,
//! while the rest is read or until the reader asks for it.

use dossier::i18n::fill;
use leptos::prelude::*;

use super::bits::{data, lang};
use super::nav::Nav;
use super::pages;
use super::{megabytes, progress_text, Loader, Rest, RestFailure, RestProgress, Source};

/// The notice above a record shown alone, or in place of the lists.
#[component]
pub fn AloneNotice() -> impl IntoView {
    let d = data();
    let l = lang();
    let t = l.strings();
    let Some(alone) = d.alone.clone() else {
        return ().into_any();
    };
    // What the address asks for: a record (shown alone), or the list in pages.
    let nav = expect_context::<Nav>();
    let with_record = Memo::new(move |_| nav.state.with(|s| s.record.is_some()));
    let paged = Memo::new(move |_| nav.state.with(pages::shows_list));
    let lead = move || with_record.get().then(|| view! { <p>{t.alone_record}</p> });
    let rest = expect_context::<RestProgress>().0;
    // Once the reader has asked, the rest is being read.
    let reading = Memo::new(move |_| alone.rest == Rest::Reading || rest.with(Option::is_some));
    let asks = d.manifest.as_ref().map(|manifest| {
        let size = megabytes(l, manifest.stored_bytes() as f64);
        let text = fill(
            t.alone_asks,
            &[
                &l.number(manifest.totals.total()),
                &l.number(manifest.parts.len()),
                &size,
            ],
        );
        // Its events can be paged through meanwhile, where the build cut the list.
        let listed = !manifest.list.is_empty();
        (text, listed, fill(t.read_everything, &[&size]))
    });
    let loader = expect_context::<Loader>();
    let failed = expect_context::<RestFailure>().0;
    let notice = move || {
        // The rest could not be read: said, with a retry, above what is on screen.
        if let Some(failure) = failed.get() {
            return view! {
                <div class="alone failure" role="alert">
                    {lead()}
                    <h2>{t.rest_failed}</h2>
                    <p class="why">{failure.message(l)}</p>
                    <p class="advice">{failure.advice(l)}</p>
                    <button type="button" on:click=move |_| loader.open(Source::Shipped, true)>
                        {t.try_again}
                    </button>
                </div>
            }
            .into_any();
        }
        if reading.get() {
            return view! {
                <div class="alone" role="status">
                    {lead()}
                    <p>{t.alone_reading}</p>
                    {move || {
                        let (text, fraction) = progress_text(l, rest.get());
                        view! {
                            <p>{text}</p>
                            {fraction.map(|(value, max)| view! {
                                <progress value=value max=max aria-label=t.loading_progress></progress>
                            })}
                        }
                    }}
                </div>
            }
            .into_any();
        }
        let Some((text, listed, button)) = asks.clone() else {
            return ().into_any();
        };
        view! {
            <section class="alone" aria-labelledby="alone-title">
                {lead()}
                <h2 id="alone-title">{t.alone_asks_title}</h2>
                <p>{text}</p>
                {move || (listed && paged.get()).then(|| view! { <p>{t.alone_pages}</p> })}
                <button type="button" on:click=move |_| loader.read_everything()>{button}</button>
            </section>
        }
        .into_any()
    };
    notice.into_any()
}
