//! Registration of producers and staff (PRODUCT.md §3.1): one question at a
//! time, each answer checked by the domain rules, the draft kept in the
//! dialogue state so a restart continues at the same step. Staff invited
//! by an admin's link (`/start inv_…`) answer only their name.

pub mod buttons;
pub mod keyboards;
pub mod replies;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardMarkup, KeyboardRemove};

use crate::domain::registration::{self, FieldError, ProducerApplication, StaffApplication};
use crate::domain::{AccountStatus, Category, Place, Role};
use crate::store;
use crate::store::accounts::SubmitError;
use crate::store::catalogue::LinkError;
use crate::telegram::out::Out;
use crate::telegram::shared::contact::{own_phone, share_contact};
use crate::telegram::shared::context::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::flow::{Flow, clear_buttons};
use crate::telegram::shared::format::region_name;
use crate::telegram::shared::menu::refresh_menu;
use crate::telegram::shared::place::{PlaceAnswer, place_from_button, read_place};
use crate::telegram::shared::press::{self, Press, Refusal};
use crate::telegram::shared::replies::Common;
use crate::telegram::shared::toast::Toast;
use crate::telegram::state::{ProducerDraft, ProducerStep, StaffDraft, StaffStep, State};

use buttons::Button;
use replies::{ProducerView, Reply, StaffView};

/// The role choice, the producer's choices (categories, halal, no NIB),
/// and the shared flow buttons (a region, Kirim, Ubah, a field, Batal)
/// while registering.
pub fn buttons() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .branch(press::button(on_button))
        .branch(press::flow(
            |_, s| matches!(s, State::Producer { .. } | State::Staff { .. }),
            on_flow,
        ))
}

/// Asks the current question of a registration again (after a restart,
/// /start or /daftar).
pub async fn resume(out: &Out, state: &State) -> HandlerResult {
    match Form::of(state.clone()) {
        Some((form, _)) => form.ask(out).await,
        None => Ok(()),
    }
}

/// The greeting with the role choice.
pub async fn greet(out: &Out, caller: &Caller) -> HandlerResult {
    out.say_with(
        Reply::Greeting {
            name: caller.0.first_name.clone(),
        },
        keyboards::roles(out),
    )
    .await?;
    Ok(())
}

/// /daftar in an idle chat: the role choice, if this account may register.
pub async fn offer(out: &Out, caller: &Caller) -> HandlerResult {
    if may_start(out, caller).await? {
        greet(out, caller).await?;
    }
    Ok(())
}

/// Whether this account may start a registration; says why not otherwise.
async fn may_start(out: &Out, caller: &Caller) -> anyhow::Result<bool> {
    let user = &caller.0;
    let refusal = match (user.role, user.status) {
        (Some(Role::Admin), _) => Some(Reply::AdminNoRegister),
        (Some(_), AccountStatus::Pending) => Some(Reply::AlreadyPending),
        (Some(role), AccountStatus::Approved) => Some(Reply::AlreadyApproved { role }),
        _ => None,
    };
    match refusal {
        Some(reply) => {
            out.say(reply).await?;
            Ok(false)
        }
        None => Ok(true),
    }
}

// ---- buttons ---------------------------------------------------------------

fn stale(out: &Out) -> Refusal {
    Ok(Some(out.t(&Common::Stale)))
}

async fn on_button(p: Press, b: Button) -> Refusal {
    let (out, dialogue) = (&p.out, &p.dialogue);
    let message = p.message();
    let State::Producer {
        step,
        mut draft,
        review,
    } = p.state.clone()
    else {
        return match (b, &p.state) {
            (Button::Role(role), State::Idle) => {
                clear_buttons(out, message).await;
                begin(out, dialogue, &p.caller, role).await?;
                Ok(None)
            }
            _ => stale(out),
        };
    };
    let answered = match (b, step) {
        (Button::Category(c), ProducerStep::Categories) => {
            toggle(&mut draft.categories, c);
            let chosen = keyboards::categories(out, &draft.categories);
            dialogue
                .update(Form::Producer(step, draft).state(review))
                .await?;
            if let Some(m) = message {
                out.edit_buttons(m.id, chosen).await?;
            }
            return Ok(None);
        }
        (Button::CategoriesDone, ProducerStep::Categories) if draft.categories.is_empty() => {
            return Ok(Some(out.t(&Reply::CategoriesNone)));
        }
        (Button::CategoriesDone, ProducerStep::Categories) => draft,
        (Button::Halal(h), ProducerStep::Halal) => ProducerDraft {
            halal: Some(h),
            ..draft
        },
        (Button::SkipNib, ProducerStep::Nib) => ProducerDraft {
            nib: None,
            nib_answered: true,
            ..draft
        },
        _ => return stale(out),
    };
    let form = Form::Producer(step, answered);
    answered_by_button(out, dialogue, message, form, review).await?;
    Ok(None)
}

/// A button answered the current question: its buttons go,
/// the next question comes.
async fn answered_by_button(
    out: &Out,
    dialogue: &Dlg,
    message: Option<&Message>,
    form: Form,
    review: bool,
) -> HandlerResult {
    clear_buttons(out, message).await;
    advance(out, dialogue, form, review).await
}

/// "Ubah" on a summary: the summary's buttons become the fields to change.
async fn show_fields(
    out: &Out,
    toast: &Toast,
    message: Option<&Message>,
    fields: InlineKeyboardMarkup,
) -> HandlerResult {
    if let Some(m) = message {
        out.edit_buttons(m.id, fields).await?;
    }
    toast.toast(out.t(&Common::EditWhich));
    Ok(())
}

/// "Batal" under a registration's question or summary.
async fn cancel(out: &Out, dialogue: &Dlg, message: Option<&Message>) -> HandlerResult {
    clear_buttons(out, message).await;
    dialogue.exit().await?;
    out.say_with(Reply::RegCancelled, KeyboardRemove::new())
        .await?;
    Ok(())
}

/// A shared flow button while registering.
async fn on_flow(p: Press, flow: Flow) -> Refusal {
    let (out, dialogue, caller) = (&p.out, &p.dialogue, &p.caller);
    let message = p.message();
    let Some((form, review)) = Form::of(p.state.clone()) else {
        return stale(out);
    };
    match (flow, form) {
        (Flow::CancelFlow, _) => cancel(out, dialogue, message).await?,
        (
            Flow::Region { regency, district },
            Form::Producer(step @ ProducerStep::Region, mut draft),
        ) => {
            let Some(place) = place_from_button(&regency, district.as_deref()) else {
                return stale(out);
            };
            draft.regency = Some(place.regency);
            draft.district = place.district;
            let form = Form::Producer(step, draft);
            answered_by_button(out, dialogue, message, form, review).await?
        }
        (Flow::Region { regency, .. }, Form::Staff(step @ StaffStep::Region, mut draft)) => {
            let Some(place) = place_from_button(&regency, None) else {
                return stale(out);
            };
            draft.regency = Some(place.regency);
            answered_by_button(out, dialogue, message, Form::Staff(step, draft), review).await?
        }
        (Flow::Submit, Form::Producer(ProducerStep::Summary, draft)) => {
            clear_buttons(out, message).await;
            submit_producer(out, dialogue, caller, draft).await?
        }
        (Flow::Submit, Form::Staff(StaffStep::Summary, draft)) => {
            clear_buttons(out, message).await;
            submit_staff(out, dialogue, caller, draft).await?
        }
        (Flow::Edit, Form::Producer(ProducerStep::Summary, _)) => {
            show_fields(out, &p.toast, message, keyboards::producer_fields(out)).await?
        }
        (Flow::Edit, Form::Staff(StaffStep::Summary, draft)) => {
            let fields = keyboards::staff_fields(out, draft.invite.is_some());
            show_fields(out, &p.toast, message, fields).await?
        }
        (Flow::EditField(i), form) if form.at_summary() => match form.at(i) {
            Some(form) => {
                clear_buttons(out, message).await;
                goto(out, dialogue, form, true).await?
            }
            None => return stale(out),
        },
        _ => return stale(out),
    }
    Ok(None)
}

fn toggle(list: &mut Vec<Category>, c: Category) {
    if let Some(pos) = list.iter().position(|x| *x == c) {
        list.remove(pos);
    } else {
        list.push(c);
        list.sort_by_key(|c| c.index());
    }
}

// ---- starting --------------------------------------------------------------

/// The role button was pressed.
async fn begin(out: &Out, dialogue: &Dlg, caller: &Caller, role: Role) -> HandlerResult {
    if !may_start(out, caller).await? {
        return Ok(());
    }
    match role {
        Role::Producer => {
            out.say(Reply::ProducerIntro).await?;
            let step = ProducerStep::BusinessName;
            goto_producer(out, dialogue, step, ProducerDraft::default(), false).await
        }
        Role::Staff => {
            out.say(Reply::StaffIntro).await?;
            goto_staff(
                out,
                dialogue,
                StaffStep::FullName,
                StaffDraft::default(),
                false,
            )
            .await
        }
        Role::Admin => {
            out.say(Common::Stale).await?;
            Ok(())
        }
    }
}

/// `/start inv_<token>`: staff registration for the invite's office.
pub async fn begin_from_invite(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    token: &str,
) -> HandlerResult {
    let invite = store::invites::lookup(&out.pool, token, out.clock.now()).await?;
    let Some(invite) = invite else {
        out.say(Reply::InviteInvalid).await?;
        return offer(out, caller).await;
    };
    if !may_start(out, caller).await? {
        return Ok(());
    }
    let draft = StaffDraft {
        full_name: None,
        office: Some(invite.office_name.clone()),
        regency: Some(invite.regency.clone()),
        invite: Some(invite.token.clone()),
    };
    let step = StaffStep::FullName;
    dialogue
        .update(State::Staff {
            step,
            draft: draft.clone(),
            review: false,
        })
        .await?;
    out.say(Reply::StaffInviteIntro {
        office: invite.office_name,
        region: region_name(invite.regency.as_str(), None),
    })
    .await?;
    ask_staff(out, step, &draft).await
}

// ---- the questions ---------------------------------------------------------

/// One registration under way: whose, at which step, with which answers.
#[derive(Debug, Clone)]
enum Form {
    Producer(ProducerStep, ProducerDraft),
    Staff(StaffStep, StaffDraft),
}

impl Form {
    /// The registration a state is in, and whether it came from "Ubah".
    fn of(state: State) -> Option<(Form, bool)> {
        match state {
            State::Producer {
                step,
                draft,
                review,
            } => Some((Form::Producer(step, draft), review)),
            State::Staff {
                step,
                draft,
                review,
            } => Some((Form::Staff(step, draft), review)),
            _ => None,
        }
    }

    fn at_summary(&self) -> bool {
        matches!(
            self,
            Form::Producer(ProducerStep::Summary, _) | Form::Staff(StaffStep::Summary, _)
        )
    }

    /// The form at question `i` (from the "which field?" buttons); invited
    /// staff may change only their name.
    fn at(self, i: u8) -> Option<Form> {
        match self {
            Form::Producer(_, draft) => Some(Form::Producer(ProducerStep::from_index(i)?, draft)),
            Form::Staff(_, draft) => {
                let step = StaffStep::from_index(i)
                    .filter(|s| draft.invite.is_none() || *s == StaffStep::FullName)?;
                Some(Form::Staff(step, draft))
            }
        }
    }

    fn state(self, review: bool) -> State {
        match self {
            Form::Producer(step, draft) => State::Producer {
                step,
                draft,
                review,
            },
            Form::Staff(step, draft) => State::Staff {
                step,
                draft,
                review,
            },
        }
    }

    /// The form at the step after this one (or back at the summary).
    fn next(self, review: bool) -> Form {
        match self {
            Form::Producer(_, draft) if review => Form::Producer(ProducerStep::Summary, draft),
            Form::Producer(step, draft) => Form::Producer(step.next(), draft),
            Form::Staff(_, draft) if review => Form::Staff(StaffStep::Summary, draft),
            Form::Staff(step, draft) => {
                let invited = draft.invite.is_some();
                Form::Staff(step.next(invited), draft)
            }
        }
    }

    /// Asks the question of the current step.
    async fn ask(&self, out: &Out) -> HandlerResult {
        match self {
            Form::Producer(step, draft) => ask_producer(out, *step, draft).await,
            Form::Staff(step, draft) => ask_staff(out, *step, draft).await,
        }
    }
}

async fn ask_producer(out: &Out, step: ProducerStep, draft: &ProducerDraft) -> HandlerResult {
    match step {
        ProducerStep::BusinessName => out.say(Reply::AskBusinessName).await?,
        ProducerStep::Region => out.say(Reply::AskRegion).await?,
        ProducerStep::Categories => {
            out.say_with(
                Reply::AskCategories,
                keyboards::categories(out, &draft.categories),
            )
            .await?
        }
        ProducerStep::Products => out.say(Reply::AskProducts).await?,
        ProducerStep::Capacity => out.say(Reply::AskCapacity).await?,
        ProducerStep::LeadDays => out.say(Reply::AskLeadDays).await?,
        ProducerStep::MinOrder => out.say(Reply::AskMinOrder).await?,
        ProducerStep::Halal => out.say_with(Reply::AskHalal, keyboards::halal(out)).await?,
        ProducerStep::Nib => {
            out.say_with(Reply::AskNib, keyboards::skip_nib(out))
                .await?
        }
        ProducerStep::Phone => out.say_with(Reply::AskPhone, share_contact(out)).await?,
        ProducerStep::Summary => {
            let view = ProducerView::from_draft(out.loader(), draft);
            out.say_with(Reply::ProducerSummary(view), keyboards::summary(out))
                .await?
        }
    };
    Ok(())
}

async fn ask_staff(out: &Out, step: StaffStep, draft: &StaffDraft) -> HandlerResult {
    match step {
        StaffStep::FullName => out.say(Reply::AskFullName).await?,
        StaffStep::Office => out.say(Reply::AskOffice).await?,
        StaffStep::Region => out.say(Reply::AskStaffRegion).await?,
        StaffStep::Summary => {
            let view = StaffView::from_draft(out.loader(), draft);
            out.say_with(Reply::StaffSummary(view), keyboards::summary(out))
                .await?
        }
    };
    Ok(())
}

/// Puts the registration at the form's step and asks its question.
async fn goto(out: &Out, dialogue: &Dlg, form: Form, review: bool) -> HandlerResult {
    dialogue.update(form.clone().state(review)).await?;
    form.ask(out).await
}

/// The current step was answered: on to the next one (or back to the
/// summary).
async fn advance(out: &Out, dialogue: &Dlg, form: Form, review: bool) -> HandlerResult {
    goto(out, dialogue, form.next(review), review).await
}

async fn goto_producer(
    out: &Out,
    dialogue: &Dlg,
    step: ProducerStep,
    draft: ProducerDraft,
    review: bool,
) -> HandlerResult {
    goto(out, dialogue, Form::Producer(step, draft), review).await
}

async fn goto_staff(
    out: &Out,
    dialogue: &Dlg,
    step: StaffStep,
    draft: StaffDraft,
    review: bool,
) -> HandlerResult {
    goto(out, dialogue, Form::Staff(step, draft), review).await
}

// ---- typed answers ---------------------------------------------------------

/// Keeps a valid answer in its slot of the draft, or says what is wrong.
fn keep<T>(slot: &mut Option<T>, answer: Result<T, FieldError>) -> Result<(), Common> {
    answer.map(|v| *slot = Some(v)).map_err(Common::Field)
}

/// After a typed answer: the next question, or what was wrong and the
/// same question again.
async fn answered(
    out: &Out,
    dialogue: &Dlg,
    answer: Result<(), Common>,
    form: Form,
    review: bool,
) -> HandlerResult {
    match answer {
        Ok(()) => advance(out, dialogue, form, review).await,
        Err(reply) => {
            out.say(reply).await?;
            form.ask(out).await
        }
    }
}

/// Something else than text where a typed answer was expected.
async fn text_expected(out: &Out, form: Form) -> HandlerResult {
    out.say(Common::TextExpected).await?;
    form.ask(out).await
}

/// A message while a producer registers.
pub async fn producer_message(
    out: Out,
    dialogue: Dlg,
    msg: Message,
    (step, mut draft, review): (ProducerStep, ProducerDraft, bool),
) -> HandlerResult {
    if step == ProducerStep::Phone {
        return producer_phone(out, dialogue, msg, draft, review).await;
    }
    let Some(text) = msg.text() else {
        return text_expected(&out, Form::Producer(step, draft)).await;
    };
    let answer: Result<(), Common> = match step {
        ProducerStep::BusinessName => {
            keep(&mut draft.business_name, registration::business_name(text))
        }
        ProducerStep::Region => match read_place(&out, text).await? {
            PlaceAnswer::Place(place) => {
                draft.regency = Some(place.regency);
                draft.district = place.district;
                Ok(())
            }
            PlaceAnswer::Answered => return Ok(()),
        },
        ProducerStep::Products => registration::products(text)
            .map(|v| draft.products = v)
            .map_err(Common::Field),
        ProducerStep::Capacity => keep(&mut draft.capacity, registration::daily_capacity(text)),
        ProducerStep::LeadDays => keep(&mut draft.lead_days, registration::min_lead_days(text)),
        ProducerStep::MinOrder => keep(&mut draft.min_order, registration::min_order(text)),
        ProducerStep::Halal => match text.trim().to_lowercase().as_str() {
            "ya" | "iya" | "yes" | "y" => {
                draft.halal = Some(true);
                Ok(())
            }
            "tidak" | "tdk" | "no" | "n" | "belum" => {
                draft.halal = Some(false);
                Ok(())
            }
            _ => Err(Common::UseButtons),
        },
        ProducerStep::Nib => match text.trim().to_lowercase().as_str() {
            "lewati" | "skip" | "-" | "tidak ada" | "belum" | "belum ada" => {
                draft.nib = None;
                draft.nib_answered = true;
                Ok(())
            }
            _ => keep(&mut draft.nib, registration::nib(text)).map(|()| draft.nib_answered = true),
        },
        ProducerStep::Categories | ProducerStep::Summary => Err(Common::UseButtons),
        ProducerStep::Phone => Ok(()),
    };
    answered(&out, &dialogue, answer, Form::Producer(step, draft), review).await
}

async fn producer_phone(
    out: Out,
    dialogue: Dlg,
    msg: Message,
    mut draft: ProducerDraft,
    review: bool,
) -> HandlerResult {
    let Some(phone) = own_phone(&out, &msg).await? else {
        return Ok(());
    };
    // The trade office already listed this business: link it instead.
    match store::catalogue::link_by_phone(&out.pool, msg.chat.id.0, &phone, out.clock.now()).await {
        Ok(Some(name)) => {
            dialogue.exit().await?;
            out.say_with(
                crate::telegram::catalogue::replies::Reply::LinkDone { name },
                KeyboardRemove::new(),
            )
            .await?;
            refresh_menu(&out.bot, &out.texts, &out.pool, msg.chat.id.0).await;
            return Ok(());
        }
        // Nothing to link (or the account cannot take it over): register.
        Ok(None) | Err(LinkError::RoleTaken) => {}
        Err(LinkError::Db(e)) => return Err(e.into()),
    }
    draft.phone = Some(phone);
    out.say_with(Reply::PhoneSaved, KeyboardRemove::new())
        .await?;
    advance(
        &out,
        &dialogue,
        Form::Producer(ProducerStep::Phone, draft),
        review,
    )
    .await
}

/// A message while staff register.
pub async fn staff_message(
    out: Out,
    dialogue: Dlg,
    msg: Message,
    (step, mut draft, review): (StaffStep, StaffDraft, bool),
) -> HandlerResult {
    let Some(text) = msg.text() else {
        return text_expected(&out, Form::Staff(step, draft)).await;
    };
    let answer: Result<(), Common> = match step {
        StaffStep::FullName => keep(&mut draft.full_name, registration::person_name(text)),
        StaffStep::Office => keep(&mut draft.office, registration::office_name(text)),
        StaffStep::Region => match read_place(&out, text).await? {
            PlaceAnswer::Place(place) => {
                draft.regency = Some(place.regency);
                Ok(())
            }
            PlaceAnswer::Answered => return Ok(()),
        },
        StaffStep::Summary => Err(Common::UseButtons),
    };
    answered(&out, &dialogue, answer, Form::Staff(step, draft), review).await
}

// ---- submitting ------------------------------------------------------------

/// Builds the application from a finished draft.
fn producer_application(d: &ProducerDraft) -> Option<ProducerApplication> {
    Some(ProducerApplication {
        business_name: d.business_name.clone()?,
        place: Place {
            regency: d.regency.clone()?,
            district: d.district.clone(),
        },
        categories: d.categories.clone(),
        products: d.products.clone(),
        daily_capacity: d.capacity?,
        min_lead_days: d.lead_days?,
        min_order: d.min_order?,
        halal: d.halal?,
        nib: if d.nib_answered {
            d.nib.clone()
        } else {
            return None;
        },
        phone: d.phone.clone()?,
    })
    .filter(|a| !a.categories.is_empty() && !a.products.is_empty())
}

/// "Kirim" on the producer summary.
async fn submit_producer(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    draft: ProducerDraft,
) -> HandlerResult {
    let Some(app) = producer_application(&draft) else {
        // A field is missing (should not happen): ask from the first gap.
        return goto_producer(out, dialogue, first_gap(&draft), draft, false).await;
    };
    match store::accounts::submit_producer(&out.pool, caller.0.id, &app, out.clock.now()).await {
        Ok(()) => {
            dialogue.exit().await?;
            out.say(Reply::Submitted).await.map(|_| ())
        }
        Err(SubmitError::PhoneTaken) => {
            out.say(Reply::PhoneTaken).await?;
            goto_producer(out, dialogue, ProducerStep::Phone, draft, true).await
        }
        Err(SubmitError::NibTaken) => {
            out.say(Reply::NibTaken).await?;
            goto_producer(out, dialogue, ProducerStep::Nib, draft, true).await
        }
        Err(SubmitError::RoleTaken(role)) => role_taken(out, dialogue, role).await,
        Err(e) => Err(e.into()),
    }
}

/// The first question without an answer (the phone when all have one).
fn first_gap(d: &ProducerDraft) -> ProducerStep {
    let answered = [
        d.business_name.is_some(),
        d.regency.is_some(),
        !d.categories.is_empty(),
        !d.products.is_empty(),
        d.capacity.is_some(),
        d.lead_days.is_some(),
        d.min_order.is_some(),
        d.halal.is_some(),
        d.nib_answered,
        d.phone.is_some(),
    ];
    ProducerStep::QUESTIONS
        .into_iter()
        .zip(answered)
        .find_map(|(step, done)| (!done).then_some(step))
        .unwrap_or(ProducerStep::Phone)
}

/// "Kirim" on the staff summary.
async fn submit_staff(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    mut draft: StaffDraft,
) -> HandlerResult {
    let app = (|| {
        Some(StaffApplication {
            full_name: draft.full_name.clone()?,
            office_name: draft.office.clone()?,
            regency: draft.regency.clone()?,
        })
    })();
    let Some(app) = app else {
        let step = if draft.full_name.is_none() {
            StaffStep::FullName
        } else if draft.office.is_none() {
            StaffStep::Office
        } else {
            StaffStep::Region
        };
        return goto_staff(out, dialogue, step, draft, false).await;
    };
    match store::accounts::submit_staff(
        &out.pool,
        caller.0.id,
        &app,
        draft.invite.as_deref(),
        out.clock.now(),
    )
    .await
    {
        Ok(AccountStatus::Approved) => {
            dialogue.exit().await?;
            out.say(Reply::ApprovedByInvite {
                office: app.office_name,
            })
            .await?;
            refresh_menu(&out.bot, &out.texts, &out.pool, caller.0.id).await;
            Ok(())
        }
        Ok(_) => {
            dialogue.exit().await?;
            out.say(Reply::Submitted).await.map(|_| ())
        }
        Err(SubmitError::InviteInvalid) => {
            // The invite expired meanwhile: continue as a normal registration.
            out.say(Reply::InviteInvalid).await?;
            draft.invite = None;
            draft.office = None;
            draft.regency = None;
            goto_staff(out, dialogue, StaffStep::Office, draft, false).await
        }
        Err(SubmitError::RoleTaken(role)) => role_taken(out, dialogue, role).await,
        Err(e) => Err(e.into()),
    }
}

/// The account took another role meanwhile: this registration ends.
async fn role_taken(out: &Out, dialogue: &Dlg, role: Role) -> HandlerResult {
    dialogue.exit().await?;
    out.say(Common::RoleTaken { role }).await?;
    Ok(())
}
