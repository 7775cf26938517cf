//! The only room that imports teloxide: the handler tree and the feature
//! rooms (each with its commands, buttons, keyboards and replies), the
//! dialogue state, and what they share.

pub mod admin;
pub mod broadcasts;
#[cfg(test)]
mod button_heads;
pub mod catalogue;
pub mod directory;
pub mod events;
pub mod general;
pub mod listener;
pub mod notices;
pub mod orders;
pub mod out;
pub mod quotes;
pub mod registration;
pub mod requests;
pub mod shared;
pub mod state;
pub mod storage;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::UpdateHandler;
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::prelude::*;

use crate::config::Config;
use crate::i18n::Texts;
use crate::store;

use out::TgBot;
use shared::codec::Pressed;
use shared::toast::{Toast, answered};
use state::State;
use storage::DbStorage;

/// The whole handler tree.
///
/// ```text
/// update ─ inbox tracking (skip handled, mark finished)
///   └ identify caller (private chats only) ─ reply context ─ dialogue
///       ├ message ─┬ /verifikasi ........................ admin::commands
///       │          ├ /cari .............................. directory::commands
///       │          ├ /produk, /libur .................... catalogue::commands
///       │          ├ /minta ............................. requests::commands
///       │          ├ /permintaan, /pesanan .............. orders::commands
///       │          ├ /start /daftar /bantuan /profil
///       │          │  /bahasa /batal .................... general::commands
///       │          ├ /acara ............................. events::commands
///       │          ├ /siaran ............................ broadcasts::commands
///       │          ├ State::Producer ..................... registration::producer_message
///       │          ├ State::Staff ........................ registration::staff_message
///       │          ├ State::Invite ....................... admin::invite_message
///       │          ├ State::Product ...................... catalogue::product_message
///       │          ├ State::LeaveDates ................... catalogue::leave_message
///       │          ├ State::LinkContact .................. catalogue::contact_message
///       │          ├ State::Request ...................... requests::request_message
///       │          ├ State::Quoting / Declining .......... quotes::quoting_message / declining_message
///       │          ├ State::CancelReason / RatingComment . orders::cancel_message / rating_message
///       │          ├ State::SearchPrompt ................. directory::prompt_message
///       │          ├ State::SearchDate ................... directory::date_message
///       │          ├ State::Event ........................ events::event_message
///       │          ├ State::Broadcast .................... broadcasts::broadcast_message
///       │          └ State::Idle ......................... general::idle_message
///       └ callback query ─┬ admin buttons ............... admin::buttons
///                         ├ directory buttons ........... directory::buttons
///                         ├ catalogue buttons ........... catalogue::buttons
///                         ├ request buttons ............. requests::buttons
///                         ├ quote buttons ............... quotes::buttons
///                         ├ award and order buttons ..... orders::buttons
///                         ├ event buttons ............... events::buttons
///                         ├ broadcast buttons ........... broadcasts::buttons
///                         ├ registration buttons ........ registration::buttons
///                         └ language, mute, "Batal" ..... general::buttons
/// ```
pub fn schema() -> UpdateHandler<anyhow::Error> {
    let messages = Update::filter_message()
        .branch(admin::commands())
        .branch(directory::commands())
        .branch(catalogue::commands())
        .branch(requests::commands())
        .branch(orders::commands())
        .branch(events::commands())
        .branch(broadcasts::commands())
        .branch(general::commands())
        .branch(
            dptree::case![State::Producer {
                step,
                draft,
                review
            }]
            .endpoint(registration::producer_message),
        )
        .branch(
            dptree::case![State::Staff {
                step,
                draft,
                review
            }]
            .endpoint(registration::staff_message),
        )
        .branch(dptree::case![State::Invite { step, office }].endpoint(admin::invite_message))
        .branch(
            dptree::case![State::Product {
                product,
                step,
                draft,
                single
            }]
            .endpoint(catalogue::product_message),
        )
        .branch(dptree::case![State::LeaveDates].endpoint(catalogue::leave_message))
        .branch(dptree::case![State::Request { draft, asking }].endpoint(requests::request_message))
        .branch(
            dptree::case![State::Quoting {
                request,
                step,
                price,
                quantity
            }]
            .endpoint(quotes::quoting_message),
        )
        .branch(dptree::case![State::Declining { request }].endpoint(quotes::declining_message))
        .branch(dptree::case![State::CancelReason { order }].endpoint(orders::cancel_message))
        .branch(
            dptree::case![State::RatingComment { order, stars }].endpoint(orders::rating_message),
        )
        .branch(dptree::case![State::LinkContact].endpoint(catalogue::contact_message))
        .branch(dptree::case![State::SearchPrompt].endpoint(directory::prompt_message))
        .branch(dptree::case![State::SearchDate { search }].endpoint(directory::date_message))
        .branch(dptree::case![State::Event { draft, asking }].endpoint(events::event_message))
        .branch(
            dptree::case![State::Broadcast { step, draft }].endpoint(broadcasts::broadcast_message),
        )
        .branch(dptree::endpoint(general::idle_message));

    let callbacks = Update::filter_callback_query()
        .map(Pressed::of)
        .map(Toast::new)
        .chain(answered(
            dptree::entry()
                .branch(admin::buttons())
                .branch(directory::buttons())
                .branch(catalogue::buttons())
                .branch(requests::buttons())
                .branch(quotes::buttons())
                .branch(orders::buttons())
                .branch(events::buttons())
                .branch(broadcasts::buttons())
                .branch(registration::buttons())
                .branch(general::buttons()),
        ));

    listener::track_inbox(
        dptree::entry()
            .filter_map_async(shared::context::identify)
            .map(shared::context::make_out)
            .enter_dialogue::<Update, DbStorage, State>()
            .branch(messages)
            .branch(callbacks),
    )
}

/// The dependencies the tree needs besides the bot and `Me` (which the
/// dispatcher adds itself).
pub fn dependencies(app: out::App) -> dptree::di::DependencyMap {
    dptree::deps![
        app.pool.clone(),
        Arc::clone(&app.texts),
        DbStorage::new(app.pool.clone(), app.clock.clone()),
        app.settings,
        app.clock.clone(),
        app
    ]
}

/// teloxide's `Bot`, pointed at `TELOXIDE_API_URL` when set.
pub fn plain_bot(config: &Config) -> Bot {
    let bot = Bot::new(config.token.expose());
    match &config.api_url {
        Some(url) => bot.set_api_url(url.clone()),
        None => bot,
    }
}

/// The throttled bot: Telegram's rates kept, 429s waited out and retried.
pub fn throttled(bot: Bot, config: &Config) -> TgBot {
    let rates = config.send_rates;
    bot.throttle(Limits {
        messages_per_sec_chat: rates.per_chat_per_sec,
        messages_per_min_chat: rates.per_chat_per_min,
        messages_per_min_channel_or_supergroup: 20,
        messages_per_sec_overall: rates.overall_per_sec,
    })
}

/// Runs the bot until `stop` resolves (SIGTERM / Ctrl-C in the binary).
/// In-flight updates finish; the pool is closed at the end.
pub async fn run(
    config: Config,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    run_with_clock(config, crate::clock::Clock::system(), stop).await
}

/// [`run`] with a given clock (tests move it forward).
pub async fn run_with_clock(
    config: Config,
    clock: crate::clock::Clock,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let pool = store::open(&config.database_url).await?;
    for admin in &config.admins {
        store::users::ensure_admin(&pool, *admin, clock.now())
            .await
            .context("registering the configured admins")?;
    }
    let texts = Arc::new(Texts::load().context("loading the locales")?);
    let plain = plain_bot(&config);
    let bot = throttled(plain.clone(), &config);

    let me = bot
        .get_me()
        .await
        .context("cannot reach the Telegram Bot API (check TELOXIDE_TOKEN and TELOXIDE_API_URL)")?;
    tracing::info!(username = ?me.username, "connected to the Bot API");
    if let Err(e) = shared::menu::install_default_menus(&bot, &texts).await {
        tracing::warn!(error = %e, "could not set the command menus");
    }
    for admin in store::users::admins(&pool).await? {
        if let Err(e) = shared::menu::install_menu_for(&bot, &texts, &admin).await {
            tracing::warn!(admin = admin.id, error = %e, "could not set an admin's command menu");
        }
    }

    let settings = out::Settings {
        default_zone: config.default_timezone,
        max_recipients: config.max_recipients,
    };
    let app = out::App {
        bot: bot.clone(),
        pool: pool.clone(),
        texts: Arc::clone(&texts),
        settings,
        clock: clock.clone(),
    };
    // The outbox sender: every notice and scheduled message goes out here.
    let courier = Arc::new(notices::TgCourier {
        bot: plain.clone(),
        app: app.clone(),
    });
    let pace = crate::background::outbox::Pace {
        quiet: config.quiet_hours,
        ..crate::background::outbox::Pace::telegram(
            config.send_rates.per_chat_per_sec,
            config.send_rates.overall_per_sec,
            config.default_timezone,
        )
    };
    let (sender_stop, sender_stopped) = tokio::sync::oneshot::channel::<()>();
    let sender = tokio::spawn(crate::background::outbox::run(
        pool.clone(),
        clock.clone(),
        pace,
        courier,
        async move {
            let _ = sender_stopped.await;
        },
    ));

    // The broadcast progress reporter: edits admins' progress messages.
    let reporter = Arc::new(notices::TgReporter { app: app.clone() });
    let (reporter_stop, reporter_stopped) = tokio::sync::oneshot::channel::<()>();
    let reporter = tokio::spawn(crate::background::broadcasts::run(
        pool.clone(),
        clock.clone(),
        reporter,
        async move {
            let _ = reporter_stopped.await;
        },
    ));

    let mut dispatcher = Dispatcher::builder(bot, schema())
        .dependencies(dependencies(app))
        .default_handler(|update| async move {
            tracing::debug!(update_id = update.id.0, "update not handled");
        })
        .error_handler(LoggingErrorHandler::with_custom_text("handler failed"))
        .build();

    let shutdown = dispatcher.shutdown_token();
    tokio::spawn(async move {
        stop.await;
        tracing::info!("stopping: finishing updates in flight");
        // The dispatcher may still be starting; retry until it accepts.
        loop {
            match shutdown.shutdown() {
                Ok(done) => {
                    done.await;
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    });

    let listener = listener::InboxListener::new(plain, pool.clone(), clock.clone());
    dispatcher
        .try_dispatch_with_listener(
            listener,
            LoggingErrorHandler::with_custom_text("update listener"),
        )
        .await
        .context("the dispatcher could not start")?;
    let _ = sender_stop.send(());
    let _ = reporter_stop.send(());
    let _ = sender.await;
    let _ = reporter.await;
    pool.close().await;
    tracing::info!("stopped");
    Ok(())
}
