//! /cari: the producer directory for staff (PRODUCT.md §3.2). Results are
//! one message of five cards, edited in place for paging and filters; the
//! search itself is stored so its buttons fit in 64 bytes.

pub mod buttons;
pub mod keyboards;
pub mod replies;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, InputFile};
use teloxide::utils::command::BotCommands;

use crate::domain::search::read_query;
use crate::domain::{AccountStatus, Category, RegionCode, Regions, Role};
use crate::store::directory::{self, Matched, Spec};
use crate::telegram::out::Out;
use crate::telegram::shared::codec::button;
use crate::telegram::shared::context::{Caller, Dlg, HandlerResult, local_today};
use crate::telegram::shared::format::{date_text, region_name};
use crate::telegram::shared::press::{self as presses, Press, Refusal};
use crate::telegram::shared::replies::Common;
use crate::telegram::state::State;

use buttons::Button;
use replies::{CardView, ProductView, Reply};

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Cmd {
    /// Search the producer directory.
    Cari(String),
}

/// `/cari`.
pub fn commands() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .filter_command::<Cmd>()
        .branch(dptree::case![Cmd::Cari(text)].endpoint(cari))
}

/// The directory's buttons (none of them belongs to a guided flow).
pub fn buttons() -> UpdateHandler<anyhow::Error> {
    presses::button(on_button)
}

pub const PAGE_SIZE: i64 = 5;

/// Approved staff and admins search; nobody else.
pub fn may_search(caller: &Caller) -> bool {
    matches!(caller.0.role, Some(Role::Staff | Role::Admin))
        && caller.0.status == AccountStatus::Approved
}

/// `/cari [words]`.
pub async fn cari(out: Out, dialogue: Dlg, caller: Caller, text: String) -> HandlerResult {
    if !may_search(&caller) {
        out.say(Reply::SearchStaffOnly).await?;
        return Ok(());
    }
    if text.trim().is_empty() {
        dialogue.update(State::SearchPrompt).await?;
        let markup = InlineKeyboardMarkup::new(keyboards::categories(&out, Button::SearchCategory));
        out.say_with(Reply::SearchAsk, markup).await?;
        return Ok(());
    }
    start(&out, &caller, text.trim(), None).await
}

/// The words typed after a bare /cari.
pub async fn prompt_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
) -> HandlerResult {
    let Some(text) = msg.text() else {
        out.say(Common::TextExpected).await?;
        return Ok(());
    };
    if text.starts_with('/') {
        dialogue.exit().await?;
        out.say(Common::UnknownCommand).await?;
        return Ok(());
    }
    dialogue.exit().await?;
    if !may_search(&caller) {
        out.say(Reply::SearchStaffOnly).await?;
        return Ok(());
    }
    start(&out, &caller, text.trim(), None).await
}

/// Runs a new search and sends its first page.
pub async fn start(
    out: &Out,
    caller: &Caller,
    text: &str,
    category: Option<Category>,
) -> HandlerResult {
    let query = read_query(text, Regions::embedded());
    let mut categories: Vec<String> = query
        .categories
        .iter()
        .map(|c| c.slug().to_string())
        .collect();
    if let Some(c) = category {
        categories.push(c.slug().to_string());
    }
    let spec = Spec {
        terms: query.terms,
        regency: query.place.map(|p| p.regency.as_str().to_string()),
        categories,
        halal_only: query.halal,
        available_on: None,
    };
    let shown: String = text.chars().take(100).collect();
    let id = directory::save_search(&out.pool, caller.0.id, &shown, &spec, out.clock.now()).await?;
    let (text, markup) = results(out, id, &shown, &spec, 0).await?;
    out.send_text(text, Some(markup.into())).await?;
    Ok(())
}

fn regency_label(code: &str, count: Option<i64>) -> String {
    let name = region_name(code, None);
    match count {
        Some(n) => format!("{name} ({n})"),
        None => name,
    }
}

/// The text and buttons of one page of a stored search.
pub async fn results(
    out: &Out,
    id: i64,
    query: &str,
    spec: &Spec,
    page: i64,
) -> anyhow::Result<(String, InlineKeyboardMarkup)> {
    let filters = spec.filters();
    let mut found = directory::search(
        &out.pool,
        &spec.terms,
        &filters,
        page * PAGE_SIZE,
        PAGE_SIZE,
    )
    .await?;
    let pages = (found.total + PAGE_SIZE - 1) / PAGE_SIZE;
    let mut page = page;
    if found.cards.is_empty() && found.total > 0 {
        // Out of range (results changed meanwhile): show the last page.
        page = pages - 1;
        found = directory::search(
            &out.pool,
            &spec.terms,
            &filters,
            page * PAGE_SIZE,
            PAGE_SIZE,
        )
        .await?;
    }
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    let active = filter_summary(out, spec);

    if found.total == 0 {
        let nearby = match spec
            .regency
            .as_deref()
            .and_then(|r| RegionCode::parse(r).ok())
        {
            Some(code) => {
                let wider = directory::Filters {
                    regency: None,
                    province: Some(code.province_code().to_string()),
                    ..filters.clone()
                };
                directory::regency_counts(&out.pool, &spec.terms, &wider, 5).await?
            }
            None => Vec::new(),
        };
        if let (Some(regency), false) = (&spec.regency, nearby.is_empty()) {
            parts.push(out.t(&Reply::SearchNoneNearby {
                query: query.to_string(),
                region: region_name(regency, None),
            }));
            for (code, n) in nearby {
                rows.push(vec![button(
                    regency_label(&code, Some(n)),
                    &Button::SearchSetRegion {
                        search: id,
                        regency: Some(code),
                    },
                )]);
            }
        } else {
            parts.push(out.t(&Reply::SearchNone {
                query: query.to_string(),
            }));
            parts.push(out.t(&Reply::SearchNoneCategories));
            rows.extend(keyboards::categories(out, |c| Button::SearchSetCategory {
                search: id,
                category: Some(c),
            }));
        }
        if let Some(active) = active {
            parts.push(active);
        }
    } else {
        parts.push(out.t(&Reply::SearchHeader {
            query: query.to_string(),
            total: found.total,
            page: page + 1,
            pages,
            fuzzy: found.matched == Matched::Fuzzy,
        }));
        if let Some(active) = active {
            parts.push(active);
        }
        for (i, card) in found.cards.iter().enumerate() {
            let n = (page * PAGE_SIZE) as usize + i + 1;
            parts.push(out.t(&Reply::SearchCard(CardView::from_card(
                out.loader(),
                n,
                card,
            ))));
            rows.push(vec![
                button(out.t(&Reply::BtnProfile { n }), &Button::Profile(card.id)),
                button(out.t(&Reply::BtnAskQuote { n }), &Button::Quote(card.id)),
            ]);
        }
        let mut nav = Vec::new();
        if page > 0 {
            nav.push(button(
                out.t(&Reply::BtnPrev),
                &Button::SearchPage {
                    search: id,
                    page: (page - 1) as u32,
                },
            ));
        }
        if page + 1 < pages {
            nav.push(button(
                out.t(&Reply::BtnNext),
                &Button::SearchPage {
                    search: id,
                    page: (page + 1) as u32,
                },
            ));
        }
        if !nav.is_empty() {
            rows.push(nav);
        }
    }
    rows.push(vec![
        button(
            out.t(&Reply::BtnFilterRegion),
            &Button::SearchRegionMenu(id),
        ),
        button(
            out.t(&Reply::BtnFilterCategory),
            &Button::SearchCategoryMenu(id),
        ),
    ]);
    rows.push(vec![
        button(
            out.t(&Reply::BtnFilterHalal {
                on: spec.halal_only,
            }),
            &Button::SearchToggleHalal(id),
        ),
        button(out.t(&Reply::BtnFilterDate), &Button::SearchDate(id)),
    ]);
    Ok((parts.join("\n\n"), InlineKeyboardMarkup::new(rows)))
}

/// "Saring: wilayah Kota Samarinda, halal saja", or nothing.
fn filter_summary(out: &Out, spec: &Spec) -> Option<String> {
    let mut items = Vec::new();
    if let Some(r) = &spec.regency {
        items.push(out.t(&Reply::FilterRegion {
            region: region_name(r, None),
        }));
    }
    for c in spec
        .categories
        .iter()
        .filter_map(|c| Category::from_slug(c))
    {
        items.push(out.t(&Reply::FilterCategory(c)));
    }
    if spec.halal_only {
        items.push(out.t(&Reply::FilterHalal));
    }
    if let Some(d) = spec.available_on {
        items.push(out.t(&Reply::FilterDate {
            date: date_text(out.lang, d),
        }));
    }
    (!items.is_empty()).then(|| out.t(&Reply::SearchFilters(items.join(", "))))
}

/// A directory button; what it asked for is checked against the caller and
/// the stored search. A refusal is the press's alert.
async fn on_button(p: Press, b: Button) -> Refusal {
    press(&p.out, &p.dialogue, &p.caller, p.message(), b).await
}

/// What a search button asked for; `Some` text goes to the callback answer.
async fn press(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    message: Option<&Message>,
    cb: Button,
) -> anyhow::Result<Option<String>> {
    if !may_search(caller) {
        return Ok(Some(out.t(&Reply::SearchStaffOnly)));
    }
    let search_id = cb.search();
    match cb {
        Button::SearchCategory(c) => {
            if dialogue
                .get()
                .await?
                .is_some_and(|s| s == State::SearchPrompt)
            {
                dialogue.exit().await?;
            }
            crate::telegram::shared::flow::clear_buttons(out, message).await;
            start(out, caller, &out.t(&Common::Category(c)), Some(c)).await?;
            Ok(None)
        }
        Button::Profile(producer) => profile(out, producer).await,
        Button::Quote(producer) => {
            if directory::card(&out.pool, producer).await?.is_none() {
                return Ok(Some(out.t(&Reply::ProfileGone)));
            }
            // Into the request room, one way.
            crate::telegram::requests::start(out, dialogue, caller, "", Some(producer)).await?;
            Ok(None)
        }
        _ => {
            let Some(id) = search_id else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            // Only the person who searched may page or filter it.
            let Some((query, mut spec)) =
                directory::load_search(&out.pool, caller.0.id, id).await?
            else {
                return Ok(Some(out.t(&Reply::SearchExpired)));
            };
            let Some(message) = message else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            let page = match cb {
                Button::SearchPage { page, .. } => i64::from(page),
                Button::SearchRegionMenu(_) => {
                    let wider = directory::Filters {
                        regency: None,
                        ..spec.filters()
                    };
                    let counts =
                        directory::regency_counts(&out.pool, &spec.terms, &wider, 8).await?;
                    let rows: Vec<Vec<InlineKeyboardButton>> = counts
                        .into_iter()
                        .map(|(code, n)| {
                            vec![button(
                                regency_label(&code, Some(n)),
                                &Button::SearchSetRegion {
                                    search: id,
                                    regency: Some(code),
                                },
                            )]
                        })
                        .collect();
                    let all = Button::SearchSetRegion {
                        search: id,
                        regency: None,
                    };
                    choices(
                        out,
                        message,
                        Reply::PickRegion,
                        rows,
                        Reply::BtnAllRegions,
                        all,
                        id,
                    )
                    .await?;
                    return Ok(None);
                }
                Button::SearchCategoryMenu(_) => {
                    let rows = keyboards::categories(out, |c| Button::SearchSetCategory {
                        search: id,
                        category: Some(c),
                    });
                    let all = Button::SearchSetCategory {
                        search: id,
                        category: None,
                    };
                    choices(
                        out,
                        message,
                        Reply::PickCategory,
                        rows,
                        Reply::BtnAllCategories,
                        all,
                        id,
                    )
                    .await?;
                    return Ok(None);
                }
                Button::SearchSetRegion { regency, .. } => {
                    if let Some(code) = &regency
                        && RegionCode::parse(code)
                            .ok()
                            .and_then(|c| Regions::embedded().regency(&c).cloned())
                            .is_none()
                    {
                        return Ok(Some(out.t(&Common::Stale)));
                    }
                    spec.regency = regency;
                    directory::update_search(&out.pool, caller.0.id, id, &spec).await?;
                    0
                }
                Button::SearchSetCategory { category, .. } => {
                    spec.categories = category
                        .map(|c| vec![c.slug().to_string()])
                        .unwrap_or_default();
                    directory::update_search(&out.pool, caller.0.id, id, &spec).await?;
                    0
                }
                Button::SearchToggleHalal(_) => {
                    spec.halal_only = !spec.halal_only;
                    directory::update_search(&out.pool, caller.0.id, id, &spec).await?;
                    0
                }
                Button::SearchDate(_) => {
                    dialogue.update(State::SearchDate { search: id }).await?;
                    out.say(Reply::AskDate).await?;
                    return Ok(None);
                }
                _ => return Ok(Some(out.t(&Common::Stale))),
            };
            let (text, markup) = results(out, id, &query, &spec, page).await?;
            out.edit(message.id, text, Some(markup)).await?;
            Ok(None)
        }
    }
}

/// Replaces the results with a list of choices, then "all" and "back".
async fn choices(
    out: &Out,
    message: &Message,
    title: Reply,
    mut rows: Vec<Vec<InlineKeyboardButton>>,
    all_label: Reply,
    all: Button,
    search: i64,
) -> HandlerResult {
    rows.push(keyboards::all_and_back(out, all_label, all, search));
    out.edit(
        message.id,
        out.t(&title),
        Some(InlineKeyboardMarkup::new(rows)),
    )
    .await
}

/// "Lihat profil": the full card, then up to three product photos.
async fn profile(out: &Out, producer: i64) -> anyhow::Result<Option<String>> {
    let Some(card) = directory::card(&out.pool, producer).await? else {
        return Ok(Some(out.t(&Reply::ProfileGone)));
    };
    let products = directory::products(&out.pool, producer).await?;
    let views = products.iter().map(ProductView::from_product).collect();
    out.say(Reply::ProfileFull {
        card: CardView::from_card(out.loader(), 1, &card),
        products: views,
    })
    .await?;
    for p in products
        .iter()
        .filter(|p| p.photo_file_id.is_some())
        .take(3)
    {
        if let Some(file) = &p.photo_file_id {
            out.send_photo(
                InputFile::file_id(file.clone().into()),
                Some(teloxide::utils::html::escape(&p.name)),
            )
            .await?;
        }
    }
    Ok(None)
}

/// The date typed after the date filter button.
pub async fn date_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
    search: i64,
) -> HandlerResult {
    let Some(text) = msg.text() else {
        out.say(Common::TextExpected).await?;
        return Ok(());
    };
    let Some((query, mut spec)) = directory::load_search(&out.pool, caller.0.id, search).await?
    else {
        dialogue.exit().await?;
        out.say(Reply::SearchExpired).await?;
        return Ok(());
    };
    let today = local_today(&out, &caller).await;
    let lower = text.trim().to_lowercase();
    spec.available_on = if matches!(
        lower.as_str(),
        "-" | "semua" | "kapan saja" | "any" | "tanggal berapa saja"
    ) {
        None
    } else {
        match crate::domain::when::parse_date(text, today) {
            Ok(d) => Some(d),
            Err(crate::domain::when::DateError::Past { .. }) => {
                out.say(Common::DatePast).await?;
                return Ok(());
            }
            Err(_) => {
                out.say(Common::DateBad).await?;
                return Ok(());
            }
        }
    };
    dialogue.exit().await?;
    directory::update_search(&out.pool, caller.0.id, search, &spec).await?;
    let (text, markup) = results(&out, search, &query, &spec, 0).await?;
    out.send_text(text, Some(markup.into())).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cari_parses_with_its_words() {
        assert_eq!(
            Cmd::parse("/cari kue talam", "pesanlokal_bot").unwrap(),
            Cmd::Cari("kue talam".into())
        );
    }
}
