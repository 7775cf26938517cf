//! A verified producer's own tools: /produk (catalogue), /libur (days off),
//! and linking a business the trade office imported (share the contact).

pub mod buttons;
pub mod keyboards;
pub mod replies;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, KeyboardRemove};
use teloxide::utils::command::BotCommands;

use crate::domain::money::price_per_unit;
use crate::domain::registration;
use crate::domain::{AccountStatus, Role, leave};
use crate::store::catalogue::{self, CatalogueError, ProductInput};
use crate::telegram::directory::replies::ProductView;
use crate::telegram::out::Out;
use crate::telegram::shared::codec::button;
use crate::telegram::shared::context::{Caller, Dlg, HandlerResult, local_today};
use crate::telegram::shared::format::date_text;
use crate::telegram::shared::press::{self as presses, Press, Refusal};
use crate::telegram::shared::replies::Common;
use crate::telegram::state::{ProductDraft, ProductStep, State};

use buttons::Button;
use replies::Reply;

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Cmd {
    Produk,
    Libur,
}

/// `/produk` and `/libur`.
pub fn commands() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .filter_command::<Cmd>()
        .branch(dptree::case![Cmd::Produk].endpoint(produk))
        .branch(dptree::case![Cmd::Libur].endpoint(libur))
}

/// The catalogue's buttons (its "Batal" is the shared flow button, left to
/// the legacy tree).
pub fn buttons() -> UpdateHandler<anyhow::Error> {
    presses::button(on_button)
}

async fn produk(out: Out, caller: Caller) -> HandlerResult {
    show_catalogue(&out, &caller).await
}

async fn libur(out: Out, caller: Caller) -> HandlerResult {
    show_leave(&out, &caller).await
}

/// Asks the current question of a catalogue state again (after a restart,
/// /start or /daftar).
pub async fn resume(out: &Out, state: &State) -> HandlerResult {
    match state {
        State::Product { step, .. } => ask_product(out, *step).await,
        State::LeaveDates => out.say(Reply::LeaveAsk).await.map(|_| ()),
        State::LinkContact => out
            .say_with(
                Reply::LinkAsk,
                crate::telegram::shared::contact::share_contact(out),
            )
            .await
            .map(|_| ()),
        _ => Ok(()),
    }
}

pub fn is_producer(caller: &Caller) -> bool {
    caller.0.role == Some(Role::Producer) && caller.0.status == AccountStatus::Approved
}

// ---- /produk -------------------------------------------------------------

/// The catalogue with edit / remove buttons and "add".
pub async fn show_catalogue(out: &Out, caller: &Caller) -> HandlerResult {
    if !is_producer(caller) {
        out.say(Common::ProducerOnly).await?;
        return Ok(());
    }
    let products = catalogue::list(&out.pool, caller.0.id).await?;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    let text = if products.is_empty() {
        out.t(&Reply::CatalogueEmpty)
    } else {
        let lines = products
            .iter()
            .enumerate()
            .map(|(i, p)| {
                out.t(&Reply::CatalogueLine {
                    n: i + 1,
                    product: ProductView::from_product(p),
                    min_order: p.min_order,
                    lead_days: p.lead_days,
                    photo: p.photo_file_id.is_some(),
                })
            })
            .collect();
        for (i, p) in products.iter().enumerate() {
            let n = i + 1;
            rows.push(vec![
                button(
                    out.t(&Reply::BtnProductEdit { n }),
                    &Button::ProductEdit(p.id),
                ),
                button(
                    out.t(&Reply::BtnProductRemove { n }),
                    &Button::ProductRemove(p.id),
                ),
            ]);
        }
        out.t(&Reply::CatalogueList(lines))
    };
    rows.push(vec![button(
        out.t(&Reply::BtnProductAdd),
        &Button::ProductAdd,
    )]);
    out.send_text(text, Some(InlineKeyboardMarkup::new(rows).into()))
        .await?;
    Ok(())
}

async fn ask_product(out: &Out, step: ProductStep) -> HandlerResult {
    match step {
        ProductStep::Name => out.say(Reply::ProductAskName).await?,
        ProductStep::Price => {
            out.say_with(Reply::ProductAskPrice, keyboards::skip(out))
                .await?
        }
        ProductStep::MinOrder => {
            out.say_with(Reply::ProductAskMinOrder, keyboards::skip(out))
                .await?
        }
        ProductStep::LeadDays => {
            out.say_with(Reply::ProductAskLeadDays, keyboards::skip(out))
                .await?
        }
        ProductStep::Photo => {
            out.say_with(Reply::ProductAskPhoto, keyboards::skip(out))
                .await?
        }
    };
    Ok(())
}

/// The answer to one product question, applied to the draft.
/// `Ok(false)`: not acceptable; the bot already said why.
async fn apply_answer(
    out: &Out,
    step: ProductStep,
    draft: &mut ProductDraft,
    msg: &Message,
) -> anyhow::Result<bool> {
    if step == ProductStep::Photo {
        match msg.photo().and_then(|sizes| sizes.last()) {
            Some(photo) => {
                draft.photo = Some(photo.file.id.to_string());
                return Ok(true);
            }
            None => {
                out.say_with(Reply::ProductPhotoExpected, keyboards::skip(out))
                    .await?;
                return Ok(false);
            }
        }
    }
    let Some(text) = msg.text() else {
        out.say(Common::TextExpected).await?;
        ask_product(out, step).await?;
        return Ok(false);
    };
    let result: Result<(), Reply> = match step {
        ProductStep::Name => match registration::products(text) {
            Ok(names) if names.len() == 1 => {
                draft.name = names.into_iter().next();
                Ok(())
            }
            Ok(_) => Err(Common::Field(registration::FieldError::TooMany { max: 1 }).into()),
            Err(e) => Err(Common::Field(e).into()),
        },
        ProductStep::Price => match price_per_unit(text) {
            Ok((price, unit)) => {
                draft.price_from = Some(price.amount());
                draft.unit = unit;
                Ok(())
            }
            Err(_) => Err(Common::ErrPrice.into()),
        },
        ProductStep::MinOrder => registration::min_order(text)
            .map(|v| draft.min_order = Some(v))
            .map_err(|e| Common::Field(e).into()),
        ProductStep::LeadDays => registration::min_lead_days(text)
            .map(|v| draft.lead_days = Some(v))
            .map_err(|e| Common::Field(e).into()),
        ProductStep::Photo => Ok(()),
    };
    match result {
        Ok(()) => Ok(true),
        Err(reply) => {
            out.say(reply).await?;
            ask_product(out, step).await?;
            Ok(false)
        }
    }
}

/// A message while adding or changing a product.
pub async fn product_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
    (product, step, mut draft, single): (Option<i64>, ProductStep, ProductDraft, bool),
) -> HandlerResult {
    if !apply_answer(&out, step, &mut draft, &msg).await? {
        return Ok(());
    }
    next_product_step(&out, &dialogue, &caller, product, step, draft, single).await
}

/// After an answer (or "Lewati"): the next question, or save.
pub async fn next_product_step(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    product: Option<i64>,
    step: ProductStep,
    draft: ProductDraft,
    single: bool,
) -> HandlerResult {
    if !single && let Some(next) = step.next() {
        dialogue
            .update(State::Product {
                product,
                step: next,
                draft,
                single,
            })
            .await?;
        return ask_product(out, next).await;
    }
    dialogue.exit().await?;
    let saved = match product {
        None => {
            let input = ProductInput {
                name: draft.name.clone().unwrap_or_default(),
                photo_file_id: draft.photo,
                price_from: draft.price_from,
                unit: draft.unit,
                min_order: draft.min_order,
                lead_days: draft.lead_days,
            };
            if input.name.is_empty() {
                return Ok(());
            }
            catalogue::add(&out.pool, caller.0.id, &input, out.clock.now())
                .await
                .map(|_| input.name)
        }
        Some(id) => match catalogue::get(&out.pool, caller.0.id, id).await {
            Ok(current) => {
                let mut input = ProductInput {
                    name: current.name,
                    photo_file_id: current.photo_file_id,
                    price_from: current.price_from.map(|v| v.max(0) as u64),
                    unit: current.unit,
                    min_order: current.min_order.map(|v| v.max(0) as u32),
                    lead_days: current.lead_days.map(|v| v.max(0) as u32),
                };
                match step {
                    ProductStep::Name => input.name = draft.name.unwrap_or(input.name),
                    ProductStep::Price => {
                        input.price_from = draft.price_from;
                        input.unit = draft.unit;
                    }
                    ProductStep::MinOrder => input.min_order = draft.min_order,
                    ProductStep::LeadDays => input.lead_days = draft.lead_days,
                    ProductStep::Photo => input.photo_file_id = draft.photo,
                }
                catalogue::update(&out.pool, caller.0.id, id, &input)
                    .await
                    .map(|_| input.name)
            }
            Err(e) => Err(e),
        },
    };
    match saved {
        Ok(name) => {
            out.say(Reply::ProductSaved { name }).await?;
            show_catalogue(out, caller).await
        }
        Err(CatalogueError::NotYours) => {
            out.say(Common::Stale).await?;
            Ok(())
        }
        Err(CatalogueError::Db(e)) => Err(e.into()),
    }
}

// ---- /libur --------------------------------------------------------------

pub async fn show_leave(out: &Out, caller: &Caller) -> HandlerResult {
    if !is_producer(caller) {
        out.say(Common::ProducerOnly).await?;
        return Ok(());
    }
    let today = local_today(out, caller).await;
    let periods = catalogue::leave(&out.pool, caller.0.id, today).await?;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    let text = if periods.is_empty() {
        out.t(&Reply::LeaveNone)
    } else {
        let lines = periods
            .iter()
            .enumerate()
            .map(|(i, p)| {
                out.t(&Reply::LeaveLine {
                    n: i + 1,
                    from: date_text(out.lang, p.start_date),
                    to: date_text(out.lang, p.end_date),
                })
            })
            .collect();
        for (i, p) in periods.iter().enumerate() {
            rows.push(vec![button(
                out.t(&Reply::BtnLeaveEnd { n: i + 1 }),
                &Button::LeaveEnd(p.id),
            )]);
        }
        out.t(&Reply::LeaveList(lines))
    };
    rows.push(vec![button(out.t(&Reply::BtnLeaveAdd), &Button::LeaveAdd)]);
    out.send_text(text, Some(InlineKeyboardMarkup::new(rows).into()))
        .await?;
    Ok(())
}

/// The dates typed after "Tambah libur".
pub async fn leave_message(out: Out, dialogue: Dlg, caller: Caller, msg: Message) -> HandlerResult {
    let Some(text) = msg.text() else {
        out.say(Common::TextExpected).await?;
        return out.say(Reply::LeaveAsk).await.map(|_| ());
    };
    let today = local_today(&out, &caller).await;
    let reply = match leave::read_leave(text, today) {
        Ok((start, end)) => {
            match catalogue::add_leave(&out.pool, caller.0.id, start, end, out.clock.now()).await {
                Ok(_) => {
                    dialogue.exit().await?;
                    out.say(Reply::LeaveSaved {
                        from: date_text(out.lang, start),
                        to: date_text(out.lang, end),
                    })
                    .await?;
                    return show_leave(&out, &caller).await;
                }
                Err(CatalogueError::NotYours) => {
                    dialogue.exit().await?;
                    return out.say(Common::ProducerOnly).await.map(|_| ());
                }
                Err(CatalogueError::Db(e)) => return Err(e.into()),
            }
        }
        Err(leave::LeaveError::EndBeforeStart) => Reply::LeaveEndBeforeStart,
        Err(leave::LeaveError::TooLong) => Reply::LeaveTooLong {
            max: leave::MAX_DAYS,
        },
        Err(leave::LeaveError::Date(crate::domain::when::DateError::Past { .. })) => {
            Common::DatePast.into()
        }
        Err(leave::LeaveError::Date(_)) => Common::DateBad.into(),
    };
    out.say(reply).await?;
    out.say(Reply::LeaveAsk).await?;
    Ok(())
}

// ---- buttons -------------------------------------------------------------

/// A catalogue or leave button; ownership is checked by the store. A
/// refusal is the press's alert.
async fn on_button(p: Press, b: Button) -> Refusal {
    press(
        &p.out,
        &p.dialogue,
        &p.caller,
        p.message(),
        p.state.clone(),
        b,
    )
    .await
}

async fn press(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    message: Option<&Message>,
    state: State,
    cb: Button,
) -> anyhow::Result<Option<String>> {
    if cb == Button::LinkImported {
        dialogue.update(State::LinkContact).await?;
        out.say_with(
            Reply::LinkAsk,
            crate::telegram::shared::contact::share_contact(out),
        )
        .await?;
        return Ok(None);
    }
    if !is_producer(caller) {
        return Ok(Some(out.t(&Common::ProducerOnly)));
    }
    let stale = Ok(Some(out.t(&Common::Stale)));
    match cb {
        Button::ProductAdd => {
            dialogue
                .update(State::Product {
                    product: None,
                    step: ProductStep::Name,
                    draft: ProductDraft::default(),
                    single: false,
                })
                .await?;
            ask_product(out, ProductStep::Name).await?;
        }
        Button::ProductEdit(id) => {
            let Ok(product) = catalogue::get(&out.pool, caller.0.id, id).await else {
                return stale;
            };
            out.say_with(
                Reply::ProductEditWhich { name: product.name },
                keyboards::product_fields(out, id),
            )
            .await?;
        }
        Button::ProductField { product, field } => {
            let (Some(step), Ok(_)) = (
                ProductStep::from_index(field),
                catalogue::get(&out.pool, caller.0.id, product).await,
            ) else {
                return stale;
            };
            crate::telegram::shared::flow::clear_buttons(out, message).await;
            dialogue
                .update(State::Product {
                    product: Some(product),
                    step,
                    draft: ProductDraft::default(),
                    single: true,
                })
                .await?;
            ask_product(out, step).await?;
        }
        Button::ProductSkip => {
            let State::Product {
                product,
                step,
                draft,
                single,
            } = state
            else {
                return stale;
            };
            if step == ProductStep::Name {
                return stale;
            }
            crate::telegram::shared::flow::clear_buttons(out, message).await;
            next_product_step(out, dialogue, caller, product, step, draft, single).await?;
        }
        Button::ProductRemove(id) => {
            let Ok(product) = catalogue::get(&out.pool, caller.0.id, id).await else {
                return stale;
            };
            let markup = keyboards::confirm_remove(out, id);
            out.say_with(Reply::ProductConfirmRemove { name: product.name }, markup)
                .await?;
        }
        Button::ProductRemoveConfirmed(id) => {
            let Ok(product) = catalogue::get(&out.pool, caller.0.id, id).await else {
                return stale;
            };
            match catalogue::remove(&out.pool, caller.0.id, id).await {
                Ok(()) => {
                    crate::telegram::shared::flow::clear_buttons(out, message).await;
                    out.say(Reply::ProductRemoved { name: product.name })
                        .await?;
                    show_catalogue(out, caller).await?;
                }
                Err(CatalogueError::NotYours) => return stale,
                Err(CatalogueError::Db(e)) => return Err(e.into()),
            }
        }
        Button::LeaveAdd => {
            dialogue.update(State::LeaveDates).await?;
            out.say(Reply::LeaveAsk).await?;
        }
        Button::LeaveEnd(id) => {
            let today = local_today(out, caller).await;
            match catalogue::end_leave(&out.pool, caller.0.id, id, today).await {
                Ok(()) => {
                    crate::telegram::shared::flow::clear_buttons(out, message).await;
                    out.say(Reply::LeaveEnded).await?;
                    show_leave(out, caller).await?;
                }
                Err(CatalogueError::NotYours) => return stale,
                Err(CatalogueError::Db(e)) => return Err(e.into()),
            }
        }
        _ => return stale,
    }
    Ok(None)
}

// ---- linking an imported business ---------------------------------------

/// A contact shared while linking, or in a chat with nothing running:
/// links the imported business with that phone, if there is one.
pub async fn contact_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
) -> HandlerResult {
    let Some(phone) = crate::telegram::shared::contact::own_phone(&out, &msg).await? else {
        return Ok(());
    };
    dialogue.exit().await?;
    match catalogue::link_by_phone(&out.pool, caller.0.id, &phone, out.clock.now()).await {
        Ok(Some(name)) => {
            out.say_with(Reply::LinkDone { name }, KeyboardRemove::new())
                .await?;
            crate::telegram::shared::menu::refresh_menu(
                &out.bot,
                &out.texts,
                &out.pool,
                caller.0.id,
            )
            .await;
        }
        Ok(None) => {
            out.say_with(Reply::LinkNone, KeyboardRemove::new()).await?;
        }
        Err(catalogue::LinkError::RoleTaken) => {
            let role = caller.0.role.unwrap_or(Role::Staff);
            out.say_with(Common::RoleTaken { role }, KeyboardRemove::new())
                .await?;
        }
        Err(catalogue::LinkError::Db(e)) => return Err(e.into()),
    }
    Ok(())
}
