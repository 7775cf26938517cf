//! Bot commands of the features not yet in a room of their own (names are
//! part of the interface). The menus are `shared::menu`.

use teloxide::utils::command::BotCommands;

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Command {
    /// Ask producers for quotes.
    Minta(String),
    Permintaan,
    Pesanan,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse_with_and_without_deep_link_payloads() {
        assert_eq!(
            Command::parse("/minta 250 kotak", "pesanlokal_bot").unwrap(),
            Command::Minta("250 kotak".into())
        );
    }
}
