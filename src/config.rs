//! Configuration from the environment (PRODUCT.md §7). A `.env` file is read
//! by the binary before this runs. Errors are one line; the token is never
//! printed.

use std::fmt;

use chrono_tz::Tz;

/// The bot token. Its `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct BotToken(String);

impl BotToken {
    /// `123456789:AA...`: digits, a colon, then at least 20 of `A-Za-z0-9_-`.
    pub fn parse(raw: &str) -> Result<BotToken, ConfigError> {
        let raw = raw.trim();
        let (id, secret) = raw.split_once(':').ok_or(ConfigError::MalformedToken)?;
        let id_ok = !id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit());
        let secret_ok = secret.len() >= 20
            && secret.len() <= 100
            && secret
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if id_ok && secret_ok {
            Ok(BotToken(raw.to_string()))
        } else {
            Err(ConfigError::MalformedToken)
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for BotToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BotToken(***)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "TELOXIDE_TOKEN is not set: put the bot token from @BotFather in the environment or in .env"
    )]
    MissingToken,
    #[error(
        "TELOXIDE_TOKEN is malformed: expected digits, a colon and the secret, as @BotFather gives it"
    )]
    MalformedToken,
    #[error("TELOXIDE_API_URL is not a valid http(s) URL: {0}")]
    BadApiUrl(String),
    #[error("PESANLOKAL_ADMINS must be comma-separated Telegram user ids, found {0:?}")]
    BadAdmins(String),
    #[error("PESANLOKAL_TIMEZONE is not a known time zone: {0:?}")]
    BadTimezone(String),
    #[error("PESANLOKAL_QUIET_HOURS must look like 21-6 (from 21:00 to 06:00) or off, found {0:?}")]
    BadQuietHours(String),
    #[error("{name} must be a positive whole number, found {value:?}")]
    BadNumber { name: &'static str, value: String },
}

/// Per-chat and overall send rates for teloxide's `Throttle`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendRates {
    pub per_chat_per_sec: u32,
    pub per_chat_per_min: u32,
    pub overall_per_sec: u32,
}

impl Default for SendRates {
    /// Telegram: about 1 message a second per chat (bursts tolerated), 30 a
    /// second overall, 20 a minute into groups. Private chats are not held
    /// to 20 a minute, so a quick user is never kept waiting half a minute.
    fn default() -> Self {
        SendRates {
            per_chat_per_sec: 1,
            per_chat_per_min: 60,
            overall_per_sec: 25,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub token: BotToken,
    pub api_url: Option<url::Url>,
    pub database_url: String,
    pub admins: Vec<i64>,
    pub default_timezone: Tz,
    pub send_rates: SendRates,
    /// When nothing that can wait is sent (`PESANLOKAL_QUIET_HOURS`,
    /// default `21-6`; `off` for none).
    pub quiet_hours: Option<crate::domain::quiet::QuietHours>,
    /// How many producers one quote request goes to at most.
    pub max_recipients: usize,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite:pesanlokal.db";

/// Settings that do not need the token (every subcommand but `run`).
pub fn database_url(get: &dyn Fn(&str) -> Option<String>) -> String {
    get("DATABASE_URL")
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string())
}

fn number(
    get: &dyn Fn(&str) -> Option<String>,
    name: &'static str,
    default: u32,
) -> Result<u32, ConfigError> {
    match get(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    {
        None => Ok(default),
        Some(v) => match v.parse::<u32>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(ConfigError::BadNumber { name, value: v }),
        },
    }
}

impl Config {
    /// Reads the configuration through `get` (the process environment in
    /// production, a map in tests).
    pub fn from_lookup(get: &dyn Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let token = match get("TELOXIDE_TOKEN").filter(|t| !t.trim().is_empty()) {
            None => return Err(ConfigError::MissingToken),
            Some(t) => BotToken::parse(&t)?,
        };
        let api_url = match get("TELOXIDE_API_URL").filter(|u| !u.trim().is_empty()) {
            None => None,
            Some(u) => {
                let parsed =
                    url::Url::parse(u.trim()).map_err(|_| ConfigError::BadApiUrl(u.clone()))?;
                if !matches!(parsed.scheme(), "http" | "https") {
                    return Err(ConfigError::BadApiUrl(u));
                }
                Some(parsed)
            }
        };
        let admins = match get("PESANLOKAL_ADMINS") {
            None => Vec::new(),
            Some(list) => list
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| match s.parse::<i64>() {
                    Ok(id) if id > 0 => Ok(id),
                    _ => Err(ConfigError::BadAdmins(s.to_string())),
                })
                .collect::<Result<Vec<_>, _>>()?,
        };
        let default_timezone = match get("PESANLOKAL_TIMEZONE").filter(|s| !s.trim().is_empty()) {
            None => chrono_tz::Asia::Makassar,
            Some(name) => name
                .trim()
                .parse::<Tz>()
                .map_err(|_| ConfigError::BadTimezone(name.clone()))?,
        };
        let defaults = SendRates::default();
        let send_rates = SendRates {
            per_chat_per_sec: number(get, "PESANLOKAL_CHAT_RATE", defaults.per_chat_per_sec)?,
            per_chat_per_min: number(
                get,
                "PESANLOKAL_CHAT_RATE_MINUTE",
                defaults.per_chat_per_min,
            )?,
            overall_per_sec: number(get, "PESANLOKAL_GLOBAL_RATE", defaults.overall_per_sec)?,
        };
        Ok(Config {
            token,
            api_url,
            database_url: database_url(get),
            admins,
            default_timezone,
            send_rates,
            quiet_hours: match get("PESANLOKAL_QUIET_HOURS").filter(|s| !s.trim().is_empty()) {
                None => Some(crate::domain::quiet::QuietHours::default()),
                Some(v) => crate::domain::quiet::QuietHours::parse(&v)
                    .map_err(|_| ConfigError::BadQuietHours(v.clone()))?,
            },
            max_recipients: number(get, "PESANLOKAL_MAX_RECIPIENTS", 10)? as usize,
        })
    }

    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(&|k| std::env::var(k).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const TOKEN: &str = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(&move |k| map.get(k).cloned())
    }

    #[test]
    fn a_missing_or_malformed_token_is_a_one_line_error_that_never_shows_the_token() {
        assert_eq!(config(&[]).unwrap_err(), ConfigError::MissingToken);
        let err = config(&[("TELOXIDE_TOKEN", "not a token secret123")]).unwrap_err();
        assert_eq!(err, ConfigError::MalformedToken);
        assert!(!err.to_string().contains("secret123"));
        assert!(!err.to_string().contains('\n'));
        let ok = config(&[("TELOXIDE_TOKEN", TOKEN)]).unwrap();
        assert!(!format!("{ok:?}").contains("AAHdq"));
    }

    #[test]
    fn defaults_follow_the_product_specification() {
        let c = config(&[("TELOXIDE_TOKEN", TOKEN)]).unwrap();
        assert_eq!(c.database_url, "sqlite:pesanlokal.db");
        assert_eq!(c.default_timezone, chrono_tz::Asia::Makassar);
        assert!(c.admins.is_empty());
        assert!(c.api_url.is_none());
    }

    #[test]
    fn admins_timezone_and_api_url_are_parsed_and_checked() {
        let c = config(&[
            ("TELOXIDE_TOKEN", TOKEN),
            ("PESANLOKAL_ADMINS", " 11, 22 ,"),
            ("PESANLOKAL_TIMEZONE", "Asia/Jakarta"),
            ("TELOXIDE_API_URL", "http://127.0.0.1:8081/"),
        ])
        .unwrap();
        assert_eq!(c.admins, vec![11, 22]);
        assert_eq!(c.default_timezone, chrono_tz::Asia::Jakarta);
        assert!(c.api_url.is_some());
        assert!(matches!(
            config(&[("TELOXIDE_TOKEN", TOKEN), ("PESANLOKAL_ADMINS", "11,abc")]),
            Err(ConfigError::BadAdmins(_))
        ));
        assert!(matches!(
            config(&[
                ("TELOXIDE_TOKEN", TOKEN),
                ("PESANLOKAL_TIMEZONE", "Mars/Base")
            ]),
            Err(ConfigError::BadTimezone(_))
        ));
        assert!(matches!(
            config(&[("TELOXIDE_TOKEN", TOKEN), ("TELOXIDE_API_URL", "ftp://x")]),
            Err(ConfigError::BadApiUrl(_))
        ));
    }
}
