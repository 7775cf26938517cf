//! Where a quote request stands, and where each producer it went to stands.

/// A quote request's life: open for quotes until staff award it (or it is
/// cancelled); it opens again when its order is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestStatus {
    Open,
    Awarded,
    Cancelled,
}

stored_codes!(RequestStatus {
    Open => "open",
    Awarded => "awarded",
    Cancelled => "cancelled",
});

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

stored_codes!(RecipientStatus {
    Sent => "sent",
    Quoted => "quoted",
    Declined => "declined",
    Awarded => "awarded",
    NotChosen => "not_chosen",
});

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
