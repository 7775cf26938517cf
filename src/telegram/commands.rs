//! Bot commands (names are part of the interface) and the per-language,
//! per-role command menus shown by Telegram.

use teloxide::prelude::*;
use teloxide::types::{BotCommand, BotCommandScope, Recipient};
use teloxide::utils::command::BotCommands;

use crate::domain::{AccountStatus, Lang, Role};
use crate::i18n::Texts;
use crate::store::users::User;

use super::out::TgBot;
use super::replies::Reply;

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Command {
    /// Greeting; the payload of a deep link (`?start=inv_...`) arrives here.
    Start(String),
    Bantuan,
    Help,
    Daftar,
    Profil,
    Bahasa,
    Batal,
    Cancel,
    /// Ask producers for quotes.
    Minta(String),
    Permintaan,
    Pesanan,
}

/// The commands a role may use, as shown in Telegram's menu.
pub fn menu(texts: &Texts, lang: Lang, role: Option<Role>) -> Vec<BotCommand> {
    let l = texts.loader(lang);
    let cmd = |name: &str, reply: Reply| BotCommand::new(name, reply.render(l));
    let mut list = vec![cmd("start", Reply::CmdStart)];
    match role {
        None => list.push(cmd("daftar", Reply::CmdDaftar)),
        Some(Role::Producer) => {
            list.push(cmd("permintaan", Reply::CmdPermintaan));
            list.push(cmd("pesanan", Reply::CmdPesanan));
            list.push(cmd("produk", Reply::CmdProduk));
            list.push(cmd("libur", Reply::CmdLibur));
        }
        Some(Role::Staff) => {
            list.push(cmd("cari", Reply::CmdCari));
            list.push(cmd("minta", Reply::CmdMinta));
            list.push(cmd("acara", Reply::CmdAcara));
            list.push(cmd("permintaan", Reply::CmdPermintaan));
            list.push(cmd("pesanan", Reply::CmdPesanan));
        }
        Some(Role::Admin) => {
            list.push(cmd("verifikasi", Reply::CmdVerifikasi));
            list.push(cmd("siaran", Reply::CmdSiaran));
            list.push(cmd("cari", Reply::CmdCari));
        }
    }
    list.push(cmd("profil", Reply::CmdProfil));
    list.push(cmd("bahasa", Reply::CmdBahasa));
    list.push(cmd("bantuan", Reply::CmdBantuan));
    list.push(cmd("batal", Reply::CmdBatal));
    list
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

    #[test]
    fn commands_parse_with_and_without_deep_link_payloads() {
        assert_eq!(
            Command::parse("/start inv_abc123", "pesanlokal_bot").unwrap(),
            Command::Start("inv_abc123".into())
        );
        assert_eq!(
            Command::parse("/start", "pesanlokal_bot").unwrap(),
            Command::Start(String::new())
        );
        assert_eq!(
            Command::parse("/batal", "pesanlokal_bot").unwrap(),
            Command::Batal
        );
        assert_eq!(
            Command::parse("/help@pesanlokal_bot", "pesanlokal_bot").unwrap(),
            Command::Help
        );
        assert_eq!(
            Command::parse("/minta 250 kotak", "pesanlokal_bot").unwrap(),
            Command::Minta("250 kotak".into())
        );
    }
}
