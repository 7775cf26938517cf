//! Registration of producers and staff (PRODUCT.md §3.1): one question at a
//! time, each answer checked by the domain rules, the draft kept in the
//! dialogue state so a restart continues at the same step.

use crate::telegram::shared::replies::Common;
use teloxide::prelude::*;
use teloxide::types::KeyboardRemove;

use crate::domain::registration::{self, ProducerApplication, StaffApplication};
use crate::domain::{AccountStatus, PhoneNumber, RegionCode, Role};
use crate::store;
use crate::store::accounts::SubmitError;
use crate::telegram::shared::place::{PlaceAnswer, place_from_button, read_place};

use super::super::keyboards;
use super::super::out::Out;
use super::super::replies::{ProducerView, Reply, StaffView, region_name};
use super::super::state::{ProducerDraft, ProducerStep, StaffDraft, StaffStep, State};
use super::{Caller, Dlg, HandlerResult};

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

/// /daftar: asks for the role, or continues a registration under way.
pub async fn begin_or_resume(
    out: Out,
    _dialogue: Dlg,
    caller: Caller,
    state: State,
) -> HandlerResult {
    if state != State::Idle {
        return resume(out, state).await;
    }
    if may_start(&out, &caller).await? {
        out.say_with(
            Reply::Greeting {
                name: caller.0.first_name.clone(),
            },
            keyboards::roles(&out),
        )
        .await?;
    }
    Ok(())
}

/// Asks the current question again (after a restart, /start or /daftar).
pub async fn resume(out: Out, state: State) -> HandlerResult {
    match state {
        State::Producer { step, draft, .. } => ask_producer(&out, step, &draft).await,
        State::Staff { step, draft, .. } => ask_staff(&out, step, &draft).await,
        State::Invite { step, .. } => crate::telegram::admin::resume(&out, step).await,
        State::Product { .. } | State::LeaveDates | State::LinkContact => {
            crate::telegram::catalogue::resume(&out, &state).await
        }
        State::Request {
            asking: Some(field),
            ..
        } => super::request::ask(&out, field).await,
        State::Quoting { .. } | State::Declining { .. } | State::Awarding { .. } => {
            out.say(Common::UseButtons).await.map(|_| ())
        }
        State::CancelReason { order } => out
            .say(Reply::OrderAskCancelReason { id: order })
            .await
            .map(|_| ()),
        State::RatingComment { .. } => out.say(Reply::OrderAskComment).await.map(|_| ()),
        State::Event { asking, .. } => crate::telegram::events::resume(&out, asking).await,
        State::Broadcast { step, .. } => crate::telegram::broadcasts::resume(&out, step).await,
        State::Request { asking: None, .. }
        | State::Idle
        | State::SearchPrompt
        | State::SearchDate { .. } => Ok(()),
    }
}

/// The role button was pressed.
pub async fn begin(out: Out, dialogue: Dlg, caller: Caller, role: Role) -> HandlerResult {
    if !may_start(&out, &caller).await? {
        return Ok(());
    }
    match role {
        Role::Producer => {
            let step = ProducerStep::BusinessName;
            dialogue
                .update(State::Producer {
                    step,
                    draft: ProducerDraft::default(),
                    review: false,
                })
                .await?;
            out.say(Reply::ProducerIntro).await?;
            ask_producer(&out, step, &ProducerDraft::default()).await
        }
        Role::Staff => {
            let step = StaffStep::FullName;
            dialogue
                .update(State::Staff {
                    step,
                    draft: StaffDraft::default(),
                    review: false,
                })
                .await?;
            out.say(Reply::StaffIntro).await?;
            ask_staff(&out, step, &StaffDraft::default()).await
        }
        Role::Admin => {
            out.say(Common::Stale).await?;
            Ok(())
        }
    }
}

/// `/start inv_<token>`: staff registration for the invite's office.
pub async fn begin_from_invite(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    token: &str,
) -> HandlerResult {
    let invite = store::invites::lookup(&out.pool, token, out.clock.now()).await?;
    let Some(invite) = invite else {
        out.say(Reply::InviteInvalid).await?;
        if may_start(&out, &caller).await? {
            out.say_with(
                Reply::Greeting {
                    name: caller.0.first_name.clone(),
                },
                keyboards::roles(&out),
            )
            .await?;
        }
        return Ok(());
    };
    if !may_start(&out, &caller).await? {
        return Ok(());
    }
    let draft = StaffDraft {
        full_name: None,
        office: Some(invite.office_name.clone()),
        regency: Some(invite.regency.as_str().to_string()),
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
    ask_staff(&out, step, &draft).await
}

pub async fn ask_producer(out: &Out, step: ProducerStep, draft: &ProducerDraft) -> HandlerResult {
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
        ProducerStep::Phone => {
            out.say_with(
                Reply::AskPhone,
                crate::telegram::shared::contact::share_contact(out),
            )
            .await?
        }
        ProducerStep::Summary => {
            let view = ProducerView::from_draft(out.loader(), draft);
            out.say_with(Reply::ProducerSummary(view), keyboards::summary(out))
                .await?
        }
    };
    Ok(())
}

pub async fn ask_staff(out: &Out, step: StaffStep, draft: &StaffDraft) -> HandlerResult {
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

/// Moves a producer registration to its next step (or back to the summary).
pub async fn advance_producer(
    out: &Out,
    dialogue: &Dlg,
    step: ProducerStep,
    draft: ProducerDraft,
    review: bool,
) -> HandlerResult {
    let next = if review {
        ProducerStep::Summary
    } else {
        step.next()
    };
    goto_producer(out, dialogue, next, draft, review).await
}

pub async fn advance_staff(
    out: &Out,
    dialogue: &Dlg,
    step: StaffStep,
    draft: StaffDraft,
    review: bool,
) -> HandlerResult {
    let next = if review {
        StaffStep::Summary
    } else {
        step.next(draft.invite.is_some())
    };
    goto_staff(out, dialogue, next, draft, review).await
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
        out.say(Common::TextExpected).await?;
        return ask_producer(&out, step, &draft).await;
    };
    let answer: Result<(), Reply> = match step {
        ProducerStep::BusinessName => registration::business_name(text)
            .map(|v| draft.business_name = Some(v))
            .map_err(|e| Common::Field(e).into()),
        ProducerStep::Region => match read_place(&out, text).await? {
            PlaceAnswer::Place(place) => {
                draft.regency = Some(place.regency.as_str().to_string());
                draft.district = place.district;
                Ok(())
            }
            PlaceAnswer::Answered => return Ok(()),
        },
        ProducerStep::Products => registration::products(text)
            .map(|v| draft.products = v)
            .map_err(|e| Common::Field(e).into()),
        ProducerStep::Capacity => registration::daily_capacity(text)
            .map(|v| draft.capacity = Some(v))
            .map_err(|e| Common::Field(e).into()),
        ProducerStep::LeadDays => registration::min_lead_days(text)
            .map(|v| draft.lead_days = Some(v))
            .map_err(|e| Common::Field(e).into()),
        ProducerStep::MinOrder => registration::min_order(text)
            .map(|v| draft.min_order = Some(v))
            .map_err(|e| Common::Field(e).into()),
        ProducerStep::Halal => match text.trim().to_lowercase().as_str() {
            "ya" | "iya" | "yes" | "y" => {
                draft.halal = Some(true);
                Ok(())
            }
            "tidak" | "tdk" | "no" | "n" | "belum" => {
                draft.halal = Some(false);
                Ok(())
            }
            _ => Err(Common::UseButtons.into()),
        },
        ProducerStep::Nib => match text.trim().to_lowercase().as_str() {
            "lewati" | "skip" | "-" | "tidak ada" | "belum" | "belum ada" => {
                draft.nib = None;
                draft.nib_answered = true;
                Ok(())
            }
            _ => registration::nib(text)
                .map(|v| {
                    draft.nib = Some(v);
                    draft.nib_answered = true;
                })
                .map_err(|e| Common::Field(e).into()),
        },
        ProducerStep::Categories | ProducerStep::Summary => Err(Common::UseButtons.into()),
        ProducerStep::Phone => Ok(()),
    };
    match answer {
        Ok(()) => advance_producer(&out, &dialogue, step, draft, review).await,
        Err(reply) => {
            out.say(reply).await?;
            ask_producer(&out, step, &draft).await
        }
    }
}

async fn producer_phone(
    out: Out,
    dialogue: Dlg,
    msg: Message,
    mut draft: ProducerDraft,
    review: bool,
) -> HandlerResult {
    let Some(phone) = crate::telegram::shared::contact::own_phone(&out, &msg).await? else {
        return Ok(());
    };
    // The trade office already listed this business: link it instead.
    if let Ok(Some(name)) =
        store::catalogue::link_by_phone(&out.pool, msg.chat.id.0, &phone, out.clock.now()).await
    {
        dialogue.exit().await?;
        out.say_with(
            crate::telegram::catalogue::replies::Reply::LinkDone { name },
            KeyboardRemove::new(),
        )
        .await?;
        super::super::commands::refresh_menu(&out.bot, &out.texts, &out.pool, msg.chat.id.0).await;
        return Ok(());
    }
    draft.phone = Some(phone.to_string());
    out.say_with(Reply::PhoneSaved, KeyboardRemove::new())
        .await?;
    advance_producer(&out, &dialogue, ProducerStep::Phone, draft, review).await
}

/// A message while staff register.
pub async fn staff_message(
    out: Out,
    dialogue: Dlg,
    msg: Message,
    (step, mut draft, review): (StaffStep, StaffDraft, bool),
) -> HandlerResult {
    let Some(text) = msg.text() else {
        out.say(Common::TextExpected).await?;
        return ask_staff(&out, step, &draft).await;
    };
    let answer: Result<(), Reply> = match step {
        StaffStep::FullName => registration::person_name(text)
            .map(|v| draft.full_name = Some(v))
            .map_err(|e| Common::Field(e).into()),
        StaffStep::Office => registration::office_name(text)
            .map(|v| draft.office = Some(v))
            .map_err(|e| Common::Field(e).into()),
        StaffStep::Region => match read_place(&out, text).await? {
            PlaceAnswer::Place(place) => {
                draft.regency = Some(place.regency.as_str().to_string());
                Ok(())
            }
            PlaceAnswer::Answered => return Ok(()),
        },
        StaffStep::Summary => Err(Common::UseButtons.into()),
    };
    match answer {
        Ok(()) => advance_staff(&out, &dialogue, step, draft, review).await,
        Err(reply) => {
            out.say(reply).await?;
            ask_staff(&out, step, &draft).await
        }
    }
}

/// Builds the application from a finished draft.
fn producer_application(d: &ProducerDraft) -> Option<ProducerApplication> {
    Some(ProducerApplication {
        business_name: d.business_name.clone()?,
        place: place_from_button(d.regency.as_deref()?, d.district.as_deref())?,
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
        phone: PhoneNumber::parse(d.phone.as_deref()?).ok()?,
    })
    .filter(|a| !a.categories.is_empty() && !a.products.is_empty())
}

/// "Kirim" on the producer summary.
pub async fn submit_producer(
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
        Err(SubmitError::RoleTaken(role)) => {
            dialogue.exit().await?;
            out.say(Reply::RoleTaken { role }).await?;
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// Puts the producer registration at `step` and asks its question.
pub async fn goto_producer(
    out: &Out,
    dialogue: &Dlg,
    step: ProducerStep,
    draft: ProducerDraft,
    review: bool,
) -> HandlerResult {
    dialogue
        .update(State::Producer {
            step,
            draft: draft.clone(),
            review,
        })
        .await?;
    ask_producer(out, step, &draft).await
}

/// Puts the staff registration at `step` and asks its question.
pub async fn goto_staff(
    out: &Out,
    dialogue: &Dlg,
    step: StaffStep,
    draft: StaffDraft,
    review: bool,
) -> HandlerResult {
    dialogue
        .update(State::Staff {
            step,
            draft: draft.clone(),
            review,
        })
        .await?;
    ask_staff(out, step, &draft).await
}

fn first_gap(d: &ProducerDraft) -> ProducerStep {
    if d.business_name.is_none() {
        ProducerStep::BusinessName
    } else if d.regency.is_none() {
        ProducerStep::Region
    } else if d.categories.is_empty() {
        ProducerStep::Categories
    } else if d.products.is_empty() {
        ProducerStep::Products
    } else if d.capacity.is_none() {
        ProducerStep::Capacity
    } else if d.lead_days.is_none() {
        ProducerStep::LeadDays
    } else if d.min_order.is_none() {
        ProducerStep::MinOrder
    } else if d.halal.is_none() {
        ProducerStep::Halal
    } else if !d.nib_answered {
        ProducerStep::Nib
    } else {
        ProducerStep::Phone
    }
}

/// "Kirim" on the staff summary.
pub async fn submit_staff(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    mut draft: StaffDraft,
) -> HandlerResult {
    let app = (|| {
        Some(StaffApplication {
            full_name: draft.full_name.clone()?,
            office_name: draft.office.clone()?,
            regency: RegionCode::parse(draft.regency.as_deref()?).ok()?,
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
            super::super::commands::refresh_menu(&out.bot, &out.texts, &out.pool, caller.0.id)
                .await;
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
        Err(SubmitError::RoleTaken(role)) => {
            dialogue.exit().await?;
            out.say(Reply::RoleTaken { role }).await?;
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}
