//! Outbox rows into messages: what each [`Notice`] says, in the recipient's
//! language and with the state at the moment it is sent, and the courier
//! that sends it through the plain `Bot` (the sender paces; a 429 must
//! reach it rather than be retried out of sight as `Throttle` does).
//!
//! A notice that no longer matters renders to `None` and is dropped: a
//! reminder of a cancelled order, a "not accepted" alert for an order that
//! was accepted meanwhile, a request card for a request already awarded.

use anyhow::Context;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardMarkup, InputFile, ParseMode};
use teloxide::{ApiError, RequestError};

use crate::background::outbox::{Courier, Delivery};
use crate::domain::notice::Notice;
use crate::domain::order::OrderStatus;
use crate::domain::reminder::LATE_AFTER;
use crate::domain::request_status::RequestStatus;
use crate::store;
use crate::store::orders::{Order, Side};
use crate::store::outbox::Ready;

use super::admin;
use super::events;
use super::orders::replies::{QuoteLine, Reply as OrderReply};
use super::out::{App, Out};
use super::quotes::replies::Reply as QuoteReply;
use super::shared::format::{count, rupiah};
use super::{orders, quotes};

/// A message ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub text: String,
    pub markup: Option<InlineKeyboardMarkup>,
    /// A Telegram file id: sent as a photo with `text` as its caption.
    pub photo: Option<String>,
}

impl Rendered {
    fn text(text: String) -> Rendered {
        Rendered {
            text,
            markup: None,
            photo: None,
        }
    }

    fn with(text: String, markup: InlineKeyboardMarkup) -> Rendered {
        Rendered {
            text,
            markup: Some(markup),
            photo: None,
        }
    }
}

fn live(order: &Order) -> bool {
    matches!(
        order.status,
        OrderStatus::Accepted | OrderStatus::InProduction | OrderStatus::Ready
    )
}

/// Which side of `order` the recipient is on.
fn side_of(to_user: i64, order: &Order) -> Option<Side> {
    if order.producer_user_id == Some(to_user) {
        Some(Side::Producer)
    } else if order.staff_user_id == to_user {
        Some(Side::Staff)
    } else {
        None
    }
}

/// What `notice` says to the user of `row`, or `None` if nothing any more.
pub async fn render(to: &Out, row: &Ready, notice: &Notice) -> anyhow::Result<Option<Rendered>> {
    let pool = &to.pool;
    let user = row.user_id;
    Ok(match notice {
        Notice::AccountToReview { user: applicant } => {
            let pending = store::users::get(pool, *applicant)
                .await?
                .is_some_and(|u| u.status == crate::domain::AccountStatus::Pending);
            match admin::card(to, *applicant).await? {
                Some(text) if pending => Some(Rendered::with(
                    text,
                    super::admin::keyboards::decision(to, *applicant),
                )),
                _ => None,
            }
        }
        Notice::AccountDecided => match store::users::get(pool, user).await? {
            Some(target) => admin::decision_text(to, &target).await?.map(Rendered::text),
            None => None,
        },
        Notice::RequestCard { request } => quotes::card(to, *request, user)
            .await?
            .map(|(text, markup)| Rendered::with(text, markup)),
        Notice::QuoteReceived {
            request,
            producer,
            revised,
        } => {
            let Some(answer) = store::requests::answer_of(pool, *request, *producer).await? else {
                return Ok(None);
            };
            let Some((price, quantity)) = answer.quote else {
                return Ok(None); // withdrawn meanwhile
            };
            let text = to.t(&QuoteReply::StaffNewQuote {
                quote: quotes::quote_view(*request, price, quantity),
                producer: answer.business_name,
                revised: *revised,
            });
            Some(Rendered::with(
                text,
                orders::keyboards::view_request(*request),
            ))
        }
        Notice::QuoteDeclined { request, producer } => {
            let Some(answer) = store::requests::answer_of(pool, *request, *producer).await? else {
                return Ok(None);
            };
            Some(Rendered::text(to.t(&QuoteReply::StaffDeclined {
                id: *request,
                producer: answer.business_name,
                reason: answer.decline_reason.unwrap_or_default(),
            })))
        }
        Notice::QuoteDeadline { request } => {
            let Some(r) = store::requests::get(pool, *request).await? else {
                return Ok(None);
            };
            if r.status != RequestStatus::Open {
                return Ok(None); // already awarded or cancelled
            }
            let (quotes, declined, silent) = store::requests::tally(pool, *request).await?;
            let text = to.t(&QuoteReply::StaffQuoteDeadline {
                id: r.id,
                item: r.item.clone(),
                quotes,
                declined,
                silent,
            });
            Some(Rendered::with(text, orders::keyboards::view_request(r.id)))
        }
        Notice::Awarded { order } => {
            let Some(o) = store::orders::get(pool, *order).await? else {
                return Ok(None);
            };
            if o.status != OrderStatus::Awarded {
                return Ok(None);
            }
            let text = to.t(&OrderReply::ProducerAwarded(orders::order_view(to, &o)));
            Some(Rendered::with(
                text,
                orders::keyboards::order(to, &o, Side::Producer),
            ))
        }
        Notice::NotChosen { request } => Some(Rendered::text(
            to.t(&OrderReply::ProducerNotChosen { id: *request }),
        )),
        Notice::OrderMoved { order, status } => {
            let Some(o) = store::orders::get(pool, *order).await? else {
                return Ok(None);
            };
            let Some(side) = side_of(user, &o) else {
                return Ok(None);
            };
            let head = to.t(&OrderReply::OrderChanged {
                id: o.id,
                status: *status,
            });
            let text = format!("{head}\n\n{}", orders::order_text(to, &o, side));
            Some(Rendered::with(text, orders::keyboards::order(to, &o, side)))
        }
        Notice::OrderCancelled { order } => {
            let Some(o) = store::orders::get(pool, *order).await? else {
                return Ok(None);
            };
            let Some(side) = side_of(user, &o) else {
                return Ok(None);
            };
            // The notice goes to the side that did not cancel.
            let who = match side {
                Side::Staff => o.producer_name.clone(),
                Side::Producer => o.office_name.clone(),
            };
            let head = to.t(&OrderReply::OrderCancelledBy {
                id: o.id,
                who,
                reason: o.cancel_reason.clone().unwrap_or_default(),
            });
            Some(Rendered::text(format!(
                "{head}\n\n{}",
                orders::order_text(to, &o, side)
            )))
        }
        Notice::OrderLapsed { order } => Some(Rendered::text(
            to.t(&OrderReply::OrderLapsedProducer { id: *order }),
        )),
        Notice::NotAccepted { order } => {
            let Some(o) = store::orders::get(pool, *order).await? else {
                return Ok(None);
            };
            if o.status != OrderStatus::Awarded {
                return Ok(None);
            }
            let (text, markup) = orders::not_accepted_message(to, &o);
            Some(Rendered::with(text, markup))
        }
        Notice::Reminder { reminder } => {
            let now = to.clock.now();
            let Some(r) = store::reminders::get(pool, *reminder, now).await? else {
                return Ok(None);
            };
            let Some(o) = store::orders::get(pool, r.order_id).await? else {
                return Ok(None);
            };
            let today = to.today_in(Some(o.regency_code.as_str()));
            // After a downtime: only the latest due reminder, and none for
            // a delivery already past.
            if !live(&o) || r.superseded || o.delivery_date < today {
                return Ok(None);
            }
            let (text, markup) = orders::reminder_message(to, r.id, r.kind, &o);
            let text = late(to, row, text);
            Some(Rendered {
                text,
                markup,
                photo: None,
            })
        }
        Notice::ProducerProblem { order } | Notice::NoAnswer { order } => {
            let Some(o) = store::orders::get(pool, *order).await? else {
                return Ok(None);
            };
            if !live(&o) {
                return Ok(None);
            }
            if matches!(notice, Notice::NoAnswer { .. })
                && store::reminders::h1_answer(pool, o.id).await?.is_some()
            {
                return Ok(None); // confirmed, or the problem was already told
            }
            let view = orders::order_view(to, &o);
            let head = match notice {
                Notice::NoAnswer { .. } => OrderReply::StaffNoAnswer(view),
                _ => OrderReply::StaffReminderProblem(view),
            };
            let staff = side_of(user, &o) == Some(Side::Staff);
            let mut parts = Vec::new();
            if !staff {
                parts.push(to.t(&OrderReply::AdminLargeOrder {
                    office: o.office_name.clone(),
                }));
            }
            parts.push(to.t(&head));
            parts.push(alternatives(to, &o).await?);
            parts.push(orders::order_text(to, &o, Side::Staff));
            let text = late(to, row, parts.join("\n\n"));
            if staff {
                let mut markup = orders::keyboards::order(to, &o, Side::Staff);
                markup = markup.append_row(orders::keyboards::replace(to, o.id));
                Some(Rendered::with(text, markup))
            } else {
                Some(Rendered::text(text))
            }
        }
        Notice::Late { order } => {
            let Some(o) = store::orders::get(pool, *order).await? else {
                return Ok(None);
            };
            if !(live(&o) || o.status == OrderStatus::Awarded) {
                return Ok(None);
            }
            let side = side_of(user, &o);
            let head = match side {
                Some(Side::Staff) => to.t(&OrderReply::OrderLateStaff(orders::order_view(to, &o))),
                Some(Side::Producer) => {
                    to.t(&OrderReply::OrderLateProducer(orders::order_view(to, &o)))
                }
                None => return Ok(None),
            };
            let side = side.unwrap_or(Side::Staff);
            Some(Rendered::with(head, orders::keyboards::order(to, &o, side)))
        }
        Notice::EventHeadsUp { event: id } => events::heads_up(to, *id)
            .await?
            .map(|(text, markup)| Rendered::with(text, markup)),
        Notice::EventNudge { event: id } => events::nudge(to, *id)
            .await?
            .map(|(text, markup)| Rendered::with(text, markup)),
        Notice::Broadcast { broadcast } => {
            // Muted since it was queued: skipped.
            if store::users::is_muted(pool, user).await? {
                return Ok(None);
            }
            let Some(b) = store::broadcasts::get(pool, *broadcast).await? else {
                return Ok(None);
            };
            Some(Rendered {
                text: super::broadcasts::replies::announcement(&b.text),
                markup: None,
                photo: b.photo,
            })
        }
    })
}

/// A note that the message comes late (after a downtime), where it matters.
fn late(to: &Out, row: &Ready, text: String) -> String {
    let overdue = to.clock.now() - row.due_at;
    if overdue > LATE_AFTER {
        format!("{}\n\n{text}", to.t(&OrderReply::LateNote))
    } else {
        text
    }
}

/// The next-best quotes of the order's request.
async fn alternatives(to: &Out, order: &Order) -> anyhow::Result<String> {
    let quotes =
        store::requests::alternatives(&to.pool, order.request_id, order.producer_id, 3).await?;
    if quotes.is_empty() {
        return Ok(to.t(&OrderReply::AltNone));
    }
    let mut lines = vec![to.t(&OrderReply::AltHeader)];
    for (i, q) in quotes.iter().enumerate() {
        lines.push(to.t(&OrderReply::AltLine {
            quote: QuoteLine {
                n: i + 1,
                producer: q.business_name.clone(),
                price: rupiah(q.unit_price),
                quantity: count(q.quantity),
            },
            unit: order.unit.clone(),
        }));
    }
    Ok(lines.join("\n"))
}

/// Sends outbox rows: renders them for their user and sends through the
/// plain bot, telling the sender how it went.
pub struct TgCourier {
    /// Unthrottled: the sender paces, and must see a 429.
    pub bot: Bot,
    /// The context to render in (its chat and language are replaced).
    pub app: App,
}

impl Courier for TgCourier {
    async fn deliver(&self, row: Ready) -> Delivery {
        match self.try_deliver(&row).await {
            Ok(d) => d,
            Err(e) => Delivery::Transient(format!("{e:#}")),
        }
    }
}

impl TgCourier {
    async fn try_deliver(&self, row: &Ready) -> anyhow::Result<Delivery> {
        let Some(notice) = &row.notice else {
            return Ok(Delivery::Failed("unknown notice".into()));
        };
        let Some(user) = store::users::get(&self.app.pool, row.user_id).await? else {
            return Ok(Delivery::Obsolete);
        };
        let to = self.app.to(ChatId(row.chat_id), user.language);
        let Some(message) = render(&to, row, notice)
            .await
            .context("rendering a notice")?
        else {
            return Ok(Delivery::Obsolete);
        };
        let sent = match &message.photo {
            Some(file) => {
                let mut request = self
                    .bot
                    .send_photo(to.chat, InputFile::file_id(file.clone().into()))
                    .caption(message.text.clone())
                    .parse_mode(ParseMode::Html);
                if let Some(markup) = message.markup.clone() {
                    request = request.reply_markup(markup);
                }
                request.await
            }
            None => {
                let mut request = self
                    .bot
                    .send_message(to.chat, message.text.clone())
                    .parse_mode(ParseMode::Html);
                if let Some(markup) = message.markup.clone() {
                    request = request.reply_markup(markup);
                }
                request.await
            }
        };
        Ok(match sent {
            Ok(m) => {
                let method = if message.photo.is_some() {
                    "sendPhoto"
                } else {
                    "sendMessage"
                };
                if let Err(e) = store::inbox::log_outgoing(
                    &to.pool,
                    to.chat.0,
                    Some(i64::from(m.id.0)),
                    method,
                    Some(&message.text),
                    to.clock.now(),
                )
                .await
                {
                    tracing::warn!(error = %e, "a sent notice could not be logged");
                }
                Delivery::Sent {
                    message_id: i64::from(m.id.0),
                }
            }
            Err(e) => classify(e),
        })
    }
}

/// What a failed send means for the row.
pub fn classify(e: RequestError) -> Delivery {
    match e {
        RequestError::RetryAfter(s) => Delivery::RetryAfter(s.duration()),
        RequestError::Api(
            ApiError::BotBlocked
            | ApiError::UserDeactivated
            | ApiError::ChatNotFound
            | ApiError::BotKicked,
        ) => Delivery::Blocked,
        RequestError::Api(ApiError::Unknown(d))
            if [
                "Internal Server Error",
                "Bad Gateway",
                "Gateway",
                "Service Unavailable",
            ]
            .iter()
            .any(|w| d.contains(w)) =>
        {
            Delivery::Transient(d)
        }
        RequestError::Api(e) => Delivery::Failed(e.to_string()),
        RequestError::MigrateToChatId(_) => Delivery::Failed(e.to_string()),
        RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } => {
            Delivery::Transient(e.to_string())
        }
    }
}

/// Shows broadcast progress to the admin who sent it: edits the progress
/// message through the throttled bot, in the admin's language.
pub struct TgReporter {
    /// The context to send in (its chat and language are replaced).
    pub app: App,
}

impl crate::background::broadcasts::Reporter for TgReporter {
    async fn report(
        &self,
        b: &store::broadcasts::Broadcast,
        tally: store::outbox::Tally,
        done: bool,
    ) -> anyhow::Result<()> {
        let lang = store::users::get(&self.app.pool, b.admin_user_id)
            .await?
            .map(|u| u.language)
            .unwrap_or_default();
        let to = self
            .app
            .to(ChatId(b.progress_chat_id.unwrap_or(b.admin_user_id)), lang);
        use super::broadcasts::replies::Reply;
        let reply = if done {
            Reply::BcDone {
                id: b.id,
                total: b.total,
                tally,
            }
        } else {
            Reply::BcProgress {
                id: b.id,
                total: b.total,
                tally,
            }
        };
        match b.progress_message_id.and_then(|m| i32::try_from(m).ok()) {
            Some(m) => {
                to.edit(teloxide::types::MessageId(m), to.t(&reply), None)
                    .await
            }
            None if done => to.say(reply).await.map(|_| ()),
            None => Ok(()),
        }
    }
}

/// A courier with its own bot pointed at `api_url` (the benchmark's fake
/// Bot API), rendering in Indonesian by default.
pub fn courier_for(
    api_url: url::Url,
    pool: sqlx::SqlitePool,
    clock: crate::clock::Clock,
) -> anyhow::Result<TgCourier> {
    let bot = Bot::new("123456789:bench").set_api_url(api_url);
    let texts = std::sync::Arc::new(crate::i18n::Texts::load().context("loading the locales")?);
    Ok(TgCourier {
        bot: bot.clone(),
        app: App {
            bot: bot.throttle(teloxide::adaptors::throttle::Limits::default()),
            pool,
            texts,
            settings: super::out::Settings {
                default_zone: chrono_tz::Asia::Makassar,
                max_recipients: 10,
            },
            clock,
        },
    })
}
