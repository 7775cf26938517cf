//! The per-language, per-role command menus Telegram shows. Every room
//! whose action changes an account's role or language refreshes the menu,
//! so it lives here rather than in the general room (which imports the
//! rooms: a menu there would make every room import it back).

pub mod replies;

use teloxide::prelude::*;
use teloxide::types::{BotCommand, BotCommandScope, Recipient};

use crate::domain::{AccountStatus, Lang, Role};
use crate::i18n::Texts;
use crate::store::users::User;
use crate::telegram::out::TgBot;
use crate::telegram::shared::text::Text;

use replies::Reply;

/// The commands a role may use, as shown in Telegram's menu.
pub fn menu(texts: &Texts, lang: Lang, role: Option<Role>) -> Vec<BotCommand> {
    let l = texts.loader(lang);
    let own: &[(&str, Reply)] = match role {
        None => &[("daftar", Reply::CmdDaftar)],
        Some(Role::Producer) => &[
            ("permintaan", Reply::CmdPermintaan),
            ("pesanan", Reply::CmdPesanan),
            ("produk", Reply::CmdProduk),
            ("libur", Reply::CmdLibur),
        ],
        Some(Role::Staff) => &[
            ("cari", Reply::CmdCari),
            ("minta", Reply::CmdMinta),
            ("acara", Reply::CmdAcara),
            ("permintaan", Reply::CmdPermintaan),
            ("pesanan", Reply::CmdPesanan),
        ],
        Some(Role::Admin) => &[
            ("verifikasi", Reply::CmdVerifikasi),
            ("siaran", Reply::CmdSiaran),
            ("cari", Reply::CmdCari),
        ],
    };
    let everyone = [
        ("profil", Reply::CmdProfil),
        ("bahasa", Reply::CmdBahasa),
        ("bantuan", Reply::CmdBantuan),
        ("batal", Reply::CmdBatal),
    ];
    std::iter::once(&("start", Reply::CmdStart))
        .chain(own)
        .chain(&everyone)
        .map(|(name, reply)| BotCommand::new(*name, reply.render(l)))
        .collect()
}

/// The menus for people the bot does not know yet: Indonesian by default,
/// English for English-language Telegram apps.
pub async fn install_default_menus(bot: &TgBot, texts: &Texts) -> anyhow::Result<()> {
    bot.set_my_commands(menu(texts, Lang::Id, None)).await?;
    bot.set_my_commands(menu(texts, Lang::En, None))
        .language_code("en")
        .await?;
    Ok(())
}

/// Admins and verified users get their own menu through a chat scope; it
/// also follows a language picked with /bahasa.
pub async fn install_menu_for(bot: &TgBot, texts: &Texts, user: &User) -> anyhow::Result<()> {
    let role = match user.status {
        AccountStatus::Approved => user.role,
        _ => None,
    };
    bot.set_my_commands(menu(texts, user.language, role))
        .scope(BotCommandScope::Chat {
            chat_id: Recipient::Id(ChatId(user.chat_id)),
        })
        .await?;
    Ok(())
}

/// Re-reads the account and sets its menu; a failure is logged, never
/// shown to the user (the menu is a convenience).
pub async fn refresh_menu(bot: &TgBot, texts: &Texts, pool: &sqlx::SqlitePool, user_id: i64) {
    match crate::store::users::get(pool, user_id).await {
        Ok(Some(user)) => {
            if let Err(e) = install_menu_for(bot, texts, &user).await {
                tracing::warn!(user = user_id, error = %e, "could not set the command menu");
            }
        }
        Ok(None) => {}
        Err(e) => {
            tracing::warn!(user = user_id, error = %e, "could not read the account for its menu")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_sees_only_its_commands_in_both_languages() {
        let texts = Texts::load().unwrap();
        for lang in [Lang::Id, Lang::En] {
            let admin: Vec<_> = menu(&texts, lang, Some(Role::Admin))
                .into_iter()
                .map(|c| c.command)
                .collect();
            assert!(admin.contains(&"verifikasi".to_string()));
            assert!(admin.contains(&"siaran".to_string()));
            assert!(!admin.contains(&"daftar".to_string()));
            let guest: Vec<_> = menu(&texts, lang, None)
                .into_iter()
                .map(|c| c.command)
                .collect();
            assert!(!guest.contains(&"verifikasi".to_string()));
            assert!(!guest.contains(&"siaran".to_string()));
            let staff: Vec<_> = menu(&texts, lang, Some(Role::Staff))
                .into_iter()
                .map(|c| c.command)
                .collect();
            assert!(!staff.contains(&"siaran".to_string()));
            assert!(guest.contains(&"daftar".to_string()));
            for c in menu(&texts, lang, Some(Role::Producer)) {
                assert!(!c.description.is_empty() && c.description.len() <= 256);
            }
        }
    }
}
