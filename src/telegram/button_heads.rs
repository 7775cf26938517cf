//! The promise of the one callback codec: no two rooms (nor the shared
//! flow buttons) decode the same callback data. Every room's buttons are
//! sampled here; a new room adds its own.
use crate::domain::order::OrderStatus;
use crate::domain::{Category, Lang, Role};
use crate::telegram::shared::codec::Button as _;
use crate::telegram::shared::flow::Flow;
use crate::telegram::{
    admin, broadcasts, catalogue, directory, events, general, orders, quotes, registration,
    requests,
};

/// A room's name and whether its decoder accepts some data.
type Taker = (&'static str, fn(&str) -> bool);

/// Every room's decoder, by name: which rooms accept this data?
fn takers(data: &str) -> Vec<&'static str> {
    let rooms: [Taker; 11] = [
        ("admin", |d| admin::buttons::Button::decode(d).is_some()),
        ("broadcasts", |d| {
            broadcasts::buttons::Button::decode(d).is_some()
        }),
        ("catalogue", |d| {
            catalogue::buttons::Button::decode(d).is_some()
        }),
        ("directory", |d| {
            directory::buttons::Button::decode(d).is_some()
        }),
        ("events", |d| events::buttons::Button::decode(d).is_some()),
        ("general", |d| general::buttons::Button::decode(d).is_some()),
        ("orders", |d| orders::buttons::Button::decode(d).is_some()),
        ("quotes", |d| quotes::buttons::Button::decode(d).is_some()),
        ("registration", |d| {
            registration::buttons::Button::decode(d).is_some()
        }),
        ("requests", |d| {
            requests::buttons::Button::decode(d).is_some()
        }),
        ("shared flow", |d| Flow::decode(d).is_some()),
    ];
    rooms
        .iter()
        .filter(|(_, takes)| takes(data))
        .map(|(name, _)| *name)
        .collect()
}

/// One sample of every button of every room, encoded.
fn every_button() -> Vec<(&'static str, String)> {
    use broadcasts::buttons::Choice;
    let cat = Category::ALL[0];
    let mut all: Vec<(&str, String)> = Vec::new();
    let mut add = |room: &'static str, data: String| all.push((room, data));
    {
        use admin::buttons::Button as B;
        for b in [
            B::Decide {
                user_id: 7,
                approve: true,
            },
            B::NewInvite,
        ] {
            add("admin", b.encode());
        }
    }
    {
        use broadcasts::buttons::Button as B;
        for b in [
            B::Audience(Choice::Everyone),
            B::Audience(Choice::Categories),
            B::Category(cat),
            B::Chosen,
            B::Send { urgent: true },
        ] {
            add("broadcasts", b.encode());
        }
    }
    {
        use catalogue::buttons::Button as B;
        for b in [
            B::ProductAdd,
            B::ProductEdit(3),
            B::ProductRemove(3),
            B::ProductRemoveConfirmed(3),
            B::ProductField {
                product: 3,
                field: 1,
            },
            B::ProductSkip,
            B::LeaveAdd,
            B::LeaveEnd(4),
            B::LinkImported,
        ] {
            add("catalogue", b.encode());
        }
    }
    {
        use directory::buttons::Button as B;
        for b in [
            B::SearchCategory(cat),
            B::SearchPage { search: 5, page: 2 },
            B::SearchRegionMenu(5),
            B::SearchCategoryMenu(5),
            B::SearchSetRegion {
                search: 5,
                regency: Some("64.72".into()),
            },
            B::SearchSetRegion {
                search: 5,
                regency: None,
            },
            B::SearchSetCategory {
                search: 5,
                category: Some(cat),
            },
            B::SearchToggleHalal(5),
            B::SearchDate(5),
            B::Profile(6),
            B::Quote(6),
        ] {
            add("directory", b.encode());
        }
    }
    {
        use events::buttons::Button as B;
        for b in [B::Ready(8), B::Request(8), B::New] {
            add("events", b.encode());
        }
    }
    {
        use general::buttons::Button as B;
        for b in [B::Language(Lang::En), B::Mute(true), B::Mute(false)] {
            add("general", b.encode());
        }
    }
    {
        use orders::buttons::Button as B;
        let mut buttons = vec![
            B::ViewRequest(9),
            B::Award {
                request: 9,
                quote: 2,
            },
            B::SplitStart(9),
            B::SplitToggle {
                request: 9,
                quote: 2,
            },
            B::SplitDone(9),
            B::OrderCancel(10),
            B::OrderRate {
                order: 10,
                stars: 5,
            },
            B::OrderLapse(10),
            B::OrderReplace(10),
            B::ReminderAnswer {
                reminder: 11,
                ok: false,
            },
        ];
        buttons.extend(OrderStatus::ALL.map(|to| B::OrderStep { order: 10, to }));
        for b in buttons {
            add("orders", b.encode());
        }
    }
    {
        use quotes::buttons::Button as B;
        for b in [B::QuoteRequest(12), B::DeclineRequest(12), B::QuoteAll] {
            add("quotes", b.encode());
        }
    }
    {
        use registration::buttons::Button as B;
        for b in [
            B::Role(Role::Producer),
            B::Role(Role::Staff),
            B::Category(cat),
            B::CategoriesDone,
            B::Halal(true),
            B::SkipNib,
        ] {
            add("registration", b.encode());
        }
    }
    {
        use requests::buttons::Button as B;
        if let Some(day) = chrono::NaiveDate::from_ymd_opt(2026, 12, 24) {
            add("requests", B::UseDate(day).encode());
        }
    }
    for f in [
        Flow::Region {
            regency: "64.72".into(),
            district: Some("64.72.01".into()),
        },
        Flow::Submit,
        Flow::Edit,
        Flow::EditField(2),
        Flow::CancelFlow,
        Flow::Skip,
    ] {
        add("shared flow", f.encode());
    }
    all
}

#[test]
fn no_two_rooms_claim_the_same_button_data() {
    let all = every_button();
    assert!(all.len() > 60, "every room's buttons are sampled");
    for (room, data) in &all {
        assert_eq!(takers(data), vec![*room], "{data} belongs to {room} alone");
    }
}
