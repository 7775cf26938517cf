//! The dialogue state of one chat, stored as JSON in `dialogues`.
//!
//! Keep it small and serde-stable: new fields get `#[serde(default)]`, old
//! variants are never renamed. Stored samples are decoded in the tests
//! below; a state that can no longer be decoded resets to `Idle` (see
//! `storage.rs`) instead of locking the chat out.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::request::Budget;
use crate::domain::{Category, PhoneNumber, RegionCode};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state")]
pub enum State {
    #[default]
    Idle,
    Producer {
        step: ProducerStep,
        #[serde(default)]
        draft: ProducerDraft,
        /// Came here with "Ubah": go back to the summary after this step.
        #[serde(default)]
        review: bool,
    },
    Staff {
        step: StaffStep,
        #[serde(default)]
        draft: StaffDraft,
        #[serde(default)]
        review: bool,
    },
    /// /cari without words: the next message is what to look for.
    SearchPrompt,
    /// The date filter of a stored search was asked for.
    SearchDate { search: i64 },
    /// A producer adding a product (`product: None`) or changing one field
    /// of one (`single`).
    Product {
        #[serde(default)]
        product: Option<i64>,
        step: ProductStep,
        #[serde(default)]
        draft: ProductDraft,
        #[serde(default)]
        single: bool,
    },
    /// /libur: the next message is the dates.
    LeaveDates,
    /// Staff writing a quote request; `asking: None` means at the summary.
    Request {
        #[serde(default)]
        draft: RequestDraft,
        #[serde(default)]
        asking: Option<RequestField>,
    },
    /// A producer answering a request with a quote.
    Quoting {
        request: i64,
        step: QuoteStep,
        #[serde(default)]
        price: Option<u64>,
        #[serde(default)]
        quantity: Option<u32>,
    },
    /// A producer declining: the next message is the reason.
    Declining { request: i64 },
    /// Staff choosing several quotes to share one request.
    Awarding {
        request: i64,
        #[serde(default)]
        picks: Vec<(i64, u32)>,
    },
    /// The next message is the reason for cancelling this order.
    CancelReason { order: i64 },
    /// The next message is the comment of a rating of `stars`.
    RatingComment { order: i64, stars: u8 },
    /// Waiting for the contact of an imported business.
    LinkContact,
    /// An admin creating an invite link.
    Invite {
        step: InviteStep,
        #[serde(default)]
        office: Option<String>,
    },
    /// Staff planning an event (/acara); `asking: None` means at the summary.
    Event {
        #[serde(default)]
        draft: EventDraft,
        #[serde(default)]
        asking: Option<EventField>,
    },
    /// An admin writing an announcement (`/siaran`); what was written and
    /// the audience so far live in the `broadcasts` draft row.
    Broadcast {
        step: BroadcastStep,
        #[serde(default)]
        draft: Option<i64>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BroadcastStep {
    /// Waiting for the text or photo.
    Message,
    /// Waiting for an audience button.
    Audience,
    /// Typing region names.
    Regions,
    /// Toggling categories.
    Categories,
    /// The preview with Kirim / Kirim segera / Batal.
    Preview,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProducerStep {
    BusinessName,
    Region,
    Categories,
    Products,
    Capacity,
    LeadDays,
    MinOrder,
    Halal,
    Nib,
    Phone,
    Summary,
}

impl ProducerStep {
    /// The questions in order; `Summary` comes after the last.
    pub const QUESTIONS: [ProducerStep; 10] = [
        ProducerStep::BusinessName,
        ProducerStep::Region,
        ProducerStep::Categories,
        ProducerStep::Products,
        ProducerStep::Capacity,
        ProducerStep::LeadDays,
        ProducerStep::MinOrder,
        ProducerStep::Halal,
        ProducerStep::Nib,
        ProducerStep::Phone,
    ];

    pub fn index(self) -> Option<u8> {
        Self::QUESTIONS
            .iter()
            .position(|s| *s == self)
            .map(|i| i as u8)
    }

    pub fn from_index(i: u8) -> Option<ProducerStep> {
        Self::QUESTIONS.get(i as usize).copied()
    }

    pub fn next(self) -> ProducerStep {
        self.index()
            .and_then(|i| Self::from_index(i + 1))
            .unwrap_or(ProducerStep::Summary)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffStep {
    FullName,
    Office,
    Region,
    Summary,
}

impl StaffStep {
    pub const QUESTIONS: [StaffStep; 3] =
        [StaffStep::FullName, StaffStep::Office, StaffStep::Region];

    pub fn index(self) -> Option<u8> {
        Self::QUESTIONS
            .iter()
            .position(|s| *s == self)
            .map(|i| i as u8)
    }

    pub fn from_index(i: u8) -> Option<StaffStep> {
        Self::QUESTIONS.get(i as usize).copied()
    }

    pub fn next(self, invited: bool) -> StaffStep {
        if invited {
            return StaffStep::Summary;
        }
        self.index()
            .and_then(|i| Self::from_index(i + 1))
            .unwrap_or(StaffStep::Summary)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProductStep {
    Name,
    Price,
    MinOrder,
    LeadDays,
    Photo,
}

impl ProductStep {
    pub const ALL: [ProductStep; 5] = [
        ProductStep::Name,
        ProductStep::Price,
        ProductStep::MinOrder,
        ProductStep::LeadDays,
        ProductStep::Photo,
    ];

    pub fn index(self) -> u8 {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) as u8
    }

    pub fn from_index(i: u8) -> Option<ProductStep> {
        Self::ALL.get(i as usize).copied()
    }

    /// The next question when adding; `None` after the last.
    pub fn next(self) -> Option<ProductStep> {
        Self::from_index(self.index() + 1)
    }
}

/// A product being entered; every field already valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDraft {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub price_from: Option<u64>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub min_order: Option<u32>,
    #[serde(default)]
    pub lead_days: Option<u32>,
    #[serde(default)]
    pub photo: Option<String>,
}

/// What a quote request needs, asked in this order when missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestField {
    Item,
    Quantity,
    Date,
    Place,
    Budget,
}

impl RequestField {
    pub const ALL: [RequestField; 5] = [
        RequestField::Item,
        RequestField::Quantity,
        RequestField::Date,
        RequestField::Place,
        RequestField::Budget,
    ];

    pub fn index(self) -> u8 {
        Self::ALL.iter().position(|f| *f == self).unwrap_or(0) as u8
    }

    pub fn from_index(i: u8) -> Option<RequestField> {
        Self::ALL.get(i as usize).copied()
    }
}

/// A quote request being written; every field already valid, in its
/// domain type. Every field may be absent from what was stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequestDraft {
    pub item: Option<String>,
    pub category: Option<Category>,
    pub quantity: Option<u32>,
    pub unit: Option<String>,
    pub date: Option<NaiveDate>,
    /// The delivery time, when the sentence named one (`"14:30:00"`; the
    /// `"14:30"` of earlier builds reads too).
    pub time: Option<NaiveTime>,
    pub regency: Option<RegionCode>,
    /// District code such as `"64.02.06"` (not a [`RegionCode`], which is
    /// a regency's).
    pub district: Option<String>,
    /// Per unit or in total, never both.
    #[serde(flatten, with = "stored_budget")]
    pub budget: Option<Budget>,
    pub halal: bool,
    pub purpose: Option<String>,
    pub raw: Option<String>,
    /// Only to this producer (from a search card's "Minta penawaran").
    pub producer: Option<i64>,
    /// Made from this planned event (the nudge's "Buat permintaan").
    pub event: Option<i64>,
}

/// A draft's budget is stored as `"budget": {"per_unit": 25000}`; earlier
/// builds stored `budget_per_unit` / `budget_total`, possibly both (per
/// unit wins, as their summary showed it).
mod stored_budget {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::domain::Rupiah;
    use crate::domain::request::Budget;

    #[derive(Default, Serialize, Deserialize)]
    #[serde(default)]
    struct Stored {
        #[serde(skip_serializing_if = "Option::is_none")]
        budget: Option<Budget>,
        #[serde(skip_serializing)]
        budget_per_unit: Option<Rupiah>,
        #[serde(skip_serializing)]
        budget_total: Option<Rupiah>,
    }

    pub fn serialize<S: Serializer>(budget: &Option<Budget>, s: S) -> Result<S::Ok, S::Error> {
        Stored {
            budget: *budget,
            ..Stored::default()
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Budget>, D::Error> {
        let stored = Stored::deserialize(d)?;
        Ok(stored
            .budget
            .or(stored.budget_per_unit.map(Budget::PerUnit))
            .or(stored.budget_total.map(Budget::Total)))
    }
}

/// What a planned event needs, asked in this order when missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventField {
    Name,
    Need,
    Date,
    Place,
}

/// A planned event being written; every field already valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDraft {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub item: Option<String>,
    #[serde(default)]
    pub category: Option<Category>,
    #[serde(default)]
    pub quantity: Option<u32>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub date: Option<chrono::NaiveDate>,
    /// Where it takes place (the code as a string in JSON).
    #[serde(default, deserialize_with = "region_or_none")]
    pub regency: Option<RegionCode>,
}

/// A stored regency code; one that does not read as a code any more is
/// dropped (the flow asks for the place again) instead of making the whole
/// state unreadable.
fn region_or_none<'de, D>(d: D) -> Result<Option<RegionCode>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let code = Option::<String>::deserialize(d)?;
    Ok(code.and_then(|c| RegionCode::parse(&c).ok()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuoteStep {
    Price,
    Quantity,
    Note,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteStep {
    Office,
    Region,
}

/// Answers given so far; each is already valid when stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerDraft {
    #[serde(default)]
    pub business_name: Option<String>,
    #[serde(default)]
    pub regency: Option<RegionCode>,
    /// A district code of `regency` (`"64.02.06"`), when one was named.
    #[serde(default)]
    pub district: Option<String>,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub products: Vec<String>,
    #[serde(default)]
    pub capacity: Option<u32>,
    #[serde(default)]
    pub lead_days: Option<u32>,
    #[serde(default)]
    pub min_order: Option<u32>,
    #[serde(default)]
    pub halal: Option<bool>,
    #[serde(default)]
    pub nib: Option<String>,
    /// The NIB question was answered (with a NIB, or skipped).
    #[serde(default)]
    pub nib_answered: bool,
    #[serde(default)]
    pub phone: Option<PhoneNumber>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffDraft {
    #[serde(default)]
    pub full_name: Option<String>,
    #[serde(default)]
    pub office: Option<String>,
    #[serde(default)]
    pub regency: Option<RegionCode>,
    /// The invite token when registering through an invite link.
    #[serde(default)]
    pub invite: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Rupiah;

    /// States as earlier builds stored them. Never delete a sample: add one
    /// when the state changes, and keep them all decoding.
    const STORED: &[&str] = &[
        r#"{"state":"Idle"}"#,
        r#"{"state":"Producer","step":"Region","draft":{"business_name":"Amplang <b>Bu Sari</b>"},"review":false}"#,
        r#"{"state":"Producer","step":"Phone","draft":{"business_name":"Kue","regency":"64.02","district":"64.02.06","categories":["oleh_oleh","snack"],"products":["Amplang"],"capacity":200,"lead_days":3,"min_order":20,"halal":true,"nib":null,"phone":null},"review":true}"#,
        r#"{"state":"Producer","step":"Summary","draft":{"nib":null,"nib_answered":true}}"#,
        r#"{"state":"Staff","step":"FullName","draft":{"office":"Dinas Pariwisata","regency":"64.72","invite":"abc"}}"#,
        r#"{"state":"Producer","step":"Summary","draft":{"business_name":"Amplang Bu Sari","regency":"64.02","district":"64.02.06","categories":["oleh_oleh"],"products":["Amplang"],"capacity":200,"lead_days":3,"min_order":20,"halal":true,"nib":null,"nib_answered":true,"phone":"+6281234567890"},"review":false}"#,
        r#"{"state":"Staff","step":"Summary","draft":{"full_name":"Rina","office":"Bappeda","regency":"64.72"},"review":true}"#,
        r#"{"state":"Invite","step":"Region","office":"Bappeda"}"#,
        r#"{"state":"SearchPrompt"}"#,
        r#"{"state":"SearchDate","search":12}"#,
        r#"{"state":"Product","product":null,"step":"Price","draft":{"name":"Amplang"},"single":false}"#,
        r#"{"state":"Product","product":5,"step":"Photo","single":true}"#,
        r#"{"state":"LeaveDates"}"#,
        r#"{"state":"LinkContact"}"#,
        r#"{"state":"Request","draft":{"item":"snack box","quantity":250,"unit":"kotak","date":"2026-03-26","regency":"64.72","halal":true},"asking":"Place"}"#,
        r#"{"state":"Request","draft":{},"asking":null}"#,
        r#"{"state":"Quoting","request":3,"step":"Quantity","price":24000}"#,
        r#"{"state":"Declining","request":3}"#,
        r#"{"state":"Awarding","request":3,"picks":[[1,150],[2,100]]}"#,
        r#"{"state":"CancelReason","order":9}"#,
        r#"{"state":"RatingComment","order":9,"stars":5}"#,
        r#"{"state":"Request","draft":{"item":"snack box","quantity":300,"unit":"box","date":"2026-03-26","regency":"64.72","purpose":"rakor triwulan","event":4},"asking":null}"#,
        r#"{"state":"Event","draft":{"name":"Rakor triwulan","item":"snack box","category":"snack","quantity":300,"unit":"box","date":"2026-03-26","regency":"64.72"},"asking":null}"#,
        r#"{"state":"Event","draft":{"name":"Rakor"},"asking":"Need"}"#,
        r#"{"state":"Event","draft":{},"asking":"Name"}"#,
        r#"{"state":"Event","draft":{"name":"Rakor","regency":"Samarinda"},"asking":"Place"}"#,
        r#"{"state":"Event","draft":{"name":"Rakor","regency":null},"asking":"Need"}"#,
        r#"{"state":"Broadcast","step":"Message"}"#,
        r#"{"state":"Broadcast","step":"Regions","draft":4}"#,
        r#"{"state":"Broadcast","step":"Preview","draft":4}"#,
        r#"{"state":"Request","draft":{"item":"snack box","quantity":250,"unit":"kotak","date":"2026-03-26","time":"14:30","regency":"64.72","district":"64.72.01","budget_per_unit":25000,"halal":true},"asking":null}"#,
        r#"{"state":"Request","draft":{"item":"kaos","quantity":100,"date":"2026-04-02","regency":"64.02","budget_total":5000000},"asking":"Budget"}"#,
        r#"{"state":"Request","draft":{"item":"tumbler","quantity":50,"budget_per_unit":30000,"budget_total":1500000},"asking":"Date"}"#,
        r#"{"state":"Request","draft":{"item":"snack box","quantity":250,"date":"2026-03-26","time":"09:15:00","regency":"64.72","budget":{"total":6250000}},"asking":null}"#,
    ];

    #[test]
    fn every_stored_sample_still_decodes() {
        for s in STORED {
            let state: Result<State, _> = serde_json::from_str(s);
            assert!(state.is_ok(), "{s}: {state:?}");
        }
    }

    #[test]
    fn states_round_trip_through_json() {
        let state = State::Producer {
            step: ProducerStep::Capacity,
            draft: ProducerDraft {
                business_name: Some("Kue & Co".into()),
                categories: vec![Category::Snack],
                nib_answered: true,
                ..Default::default()
            },
            review: false,
        };
        let json = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<State>(&json).unwrap(), state);
    }

    #[test]
    fn a_stored_event_draft_decodes_to_what_was_planned() {
        let sample = STORED
            .iter()
            .find(|s| s.contains("Rakor triwulan") && s.contains("\"asking\":null"))
            .expect("the stored event sample");
        let state: State = serde_json::from_str(sample).unwrap();
        let State::Event { draft, asking } = state else {
            panic!("not an event: {state:?}");
        };
        assert_eq!(asking, None);
        assert_eq!(draft.name.as_deref(), Some("Rakor triwulan"));
        assert_eq!(draft.category, Some(Category::Snack));
        assert_eq!(draft.quantity, Some(300));
        assert_eq!(draft.date, chrono::NaiveDate::from_ymd_opt(2026, 3, 26));
        assert_eq!(draft.regency, RegionCode::parse("64.72").ok());
        assert_eq!(draft.unit.as_deref(), Some("box"));
    }

    #[test]
    fn a_stored_event_regency_that_is_no_code_asks_for_the_place_again() {
        for sample in STORED.iter().filter(|s| s.contains("\"name\":\"Rakor\"")) {
            let state: State = serde_json::from_str(sample).unwrap();
            let State::Event { draft, .. } = state else {
                panic!("not an event: {state:?}");
            };
            assert_eq!(draft.regency, None, "{sample}");
            assert_eq!(draft.name.as_deref(), Some("Rakor"));
        }
        let typed = State::Event {
            draft: EventDraft {
                regency: RegionCode::parse("64.02").ok(),
                ..Default::default()
            },
            asking: None,
        };
        let json = serde_json::to_string(&typed).unwrap();
        assert!(json.contains(r#""regency":"64.02""#), "{json}");
        assert_eq!(serde_json::from_str::<State>(&json).unwrap(), typed);
    }

    #[test]
    fn a_stored_broadcast_keeps_its_step_and_draft() {
        let state: State =
            serde_json::from_str(r#"{"state":"Broadcast","step":"Regions","draft":4}"#).unwrap();
        assert_eq!(
            state,
            State::Broadcast {
                step: BroadcastStep::Regions,
                draft: Some(4)
            }
        );
    }

    /// The stored sample that mentions `text`, decoded.
    fn stored(text: &str) -> State {
        let sample = STORED
            .iter()
            .find(|s| s.contains(text))
            .expect("a stored sample");
        serde_json::from_str(sample).unwrap()
    }

    #[test]
    fn stored_registration_drafts_decode_to_their_region_and_phone() {
        let State::Producer { draft, .. } = stored("Amplang Bu Sari") else {
            panic!("not a producer registration");
        };
        assert_eq!(draft.regency, Some(RegionCode::parse("64.02").unwrap()));
        assert_eq!(draft.district.as_deref(), Some("64.02.06"));
        assert_eq!(
            draft.phone,
            Some(PhoneNumber::parse("0812-3456-7890").unwrap())
        );
        let State::Staff { draft, .. } = stored("Dinas Pariwisata") else {
            panic!("not a staff registration");
        };
        assert_eq!(draft.regency, Some(RegionCode::parse("64.72").unwrap()));
        assert_eq!(draft.invite.as_deref(), Some("abc"));
        // The typed draft is stored in the same shape as before.
        let json = serde_json::to_value(&draft).unwrap();
        assert_eq!(json["regency"], "64.72");
    }

    #[test]
    fn a_draft_with_a_malformed_region_does_not_decode() {
        let bad = r#"{"state":"Staff","step":"Summary","draft":{"regency":"Samarinda"}}"#;
        assert!(serde_json::from_str::<State>(bad).is_err());
    }

    fn stored_request(needle: &str) -> RequestDraft {
        match stored(needle) {
            State::Request { draft, .. } => draft,
            other => panic!("not a request: {other:?}"),
        }
    }

    fn rupiah(amount: u64) -> Rupiah {
        Rupiah::new(amount).unwrap()
    }

    #[test]
    fn stored_request_drafts_of_every_shape_decode_to_typed_values() {
        let d = stored_request(r#""time":"14:30""#);
        assert_eq!(d.time, NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(d.regency, Some(RegionCode::parse("64.72").unwrap()));
        assert_eq!(d.district.as_deref(), Some("64.72.01"));
        assert_eq!(d.budget, Some(Budget::PerUnit(rupiah(25_000))));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2026, 3, 26));

        let d = stored_request(r#""budget_total":5000000}"#);
        assert_eq!(d.budget, Some(Budget::Total(rupiah(5_000_000))));
        assert_eq!(d.time, None);

        // Both set by an earlier build: per unit, as its summary showed.
        let d = stored_request(r#""budget_total":1500000"#);
        assert_eq!(d.budget, Some(Budget::PerUnit(rupiah(30_000))));

        let d = stored_request(r#""budget":{"total""#);
        assert_eq!(d.budget, Some(Budget::Total(rupiah(6_250_000))));
        assert_eq!(d.time, NaiveTime::from_hms_opt(9, 15, 0));

        let d = stored_request(r#""purpose":"rakor triwulan""#);
        assert_eq!(d.event, Some(4));
        assert_eq!(d.budget, None);
    }

    #[test]
    fn a_request_draft_round_trips_through_json() {
        let draft = RequestDraft {
            item: Some("snack box".into()),
            quantity: Some(250),
            time: NaiveTime::from_hms_opt(14, 30, 0),
            regency: Some(RegionCode::parse("64.72").unwrap()),
            budget: Some(Budget::Total(rupiah(5_000_000))),
            halal: true,
            ..Default::default()
        };
        let state = State::Request {
            draft,
            asking: Some(RequestField::Budget),
        };
        let json = serde_json::to_string(&state).unwrap();
        assert!(!json.contains("budget_per_unit"), "{json}");
        assert_eq!(serde_json::from_str::<State>(&json).unwrap(), state);
    }

    #[test]
    fn producer_steps_run_in_order_to_the_summary() {
        let mut step = ProducerStep::BusinessName;
        let mut seen = vec![step];
        while step != ProducerStep::Summary {
            step = step.next();
            seen.push(step);
        }
        assert_eq!(seen.len(), 11);
        assert_eq!(StaffStep::FullName.next(true), StaffStep::Summary);
        assert_eq!(StaffStep::FullName.next(false), StaffStep::Office);
        assert_eq!(StaffStep::Region.next(false), StaffStep::Summary);
    }
}
