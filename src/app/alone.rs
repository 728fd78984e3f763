//! What the page says while only part of a large corpus is on screen: a record
//! opened by its address, shown on its own from the few parts that hold it,
//! while the rest is read or until the reader asks for it.

use dossier::i18n::fill;
use leptos::prelude::*;

use super::bits::{data, lang};
use super::{megabytes, progress_text, Loader, Rest, RestProgress};

/// The notice above a record shown alone, or in place of the lists.
#[component]
pub fn AloneNotice() -> impl IntoView {
    let d = data();
    let l = lang();
    let t = l.strings();
    let Some(alone) = d.alone.clone() else {
        return ().into_any();
    };
    let lead = alone
        .record
        .is_some()
        .then(|| view! { <p>{t.alone_record}</p> });
    match alone.rest {
        Rest::Reading => {
            let rest = expect_context::<RestProgress>().0;
            view! {
                <div class="alone" role="status">
                    {lead}
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
            .into_any()
        }
        Rest::OnRequest => {
            let Some(manifest) = d.manifest.as_ref() else {
                return ().into_any();
            };
            let size = megabytes(l, manifest.stored_bytes() as f64);
            let text = fill(
                t.alone_asks,
                &[
                    &l.number(manifest.totals.total()),
                    &l.number(manifest.parts.len()),
                    &size,
                ],
            );
            let loader = expect_context::<Loader>();
            view! {
                <section class="alone" aria-labelledby="alone-title">
                    {lead}
                    <h2 id="alone-title">{t.alone_asks_title}</h2>
                    <p>{text}</p>
                    <button type="button" on:click=move |_| loader.read_everything()>
                        {fill(t.read_everything, &[&size])}
                    </button>
                </section>
            }
            .into_any()
        }
    }
}
