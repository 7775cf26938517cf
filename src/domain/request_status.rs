//! Where a quote request stands, and where each producer it went to stands.

/// A quote request's life: open for quotes until staff award it (or it is
/// cancelled); it opens again when its order is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestStatus {
    Open,
    Awarded,
    Cancelled,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 3] = [
        RequestStatus::Open,
        RequestStatus::Awarded,
        RequestStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Open => "open",
            RequestStatus::Awarded => "awarded",
            RequestStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// One recipient producer's answer to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecipientStatus {
    /// Sent; no answer yet.
    Sent,
    Quoted,
    Declined,
    Awarded,
    /// Another quote was awarded.
    NotChosen,
}

impl RecipientStatus {
    pub const ALL: [RecipientStatus; 5] = [
        RecipientStatus::Sent,
        RecipientStatus::Quoted,
        RecipientStatus::Declined,
        RecipientStatus::Awarded,
        RecipientStatus::NotChosen,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecipientStatus::Sent => "sent",
            RecipientStatus::Quoted => "quoted",
            RecipientStatus::Declined => "declined",
            RecipientStatus::Awarded => "awarded",
            RecipientStatus::NotChosen => "not_chosen",
        }
    }

    pub fn parse(s: &str) -> Option<RecipientStatus> {
        RecipientStatus::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_back_from_its_code() {
        for s in RequestStatus::ALL {
            assert_eq!(RequestStatus::parse(s.as_str()), Some(s));
        }
        for s in RecipientStatus::ALL {
            assert_eq!(RecipientStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(RequestStatus::parse("Open"), None);
    }
}
