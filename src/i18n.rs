//! The message catalogue: every text the widget shows, in English and German.
//!
//! English is complete by construction (each message is defined with it); German is checked
//! complete by a test. A locale without a translation falls back to English. Templates name
//! their values in braces (`{date}`), filled by [`fill`].

pub mod why;

/// The customer's language, chosen by the `locale` option (`"de-DE"` → German).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    /// The language of a BCP 47 locale tag; anything without a catalogue is English.
    ///
    /// ```
    /// use order_help::i18n::Lang;
    /// assert_eq!(Lang::from_locale("de-AT"), Lang::De);
    /// assert_eq!(Lang::from_locale("fr-FR"), Lang::En);
    /// ```
    pub fn from_locale(locale: &str) -> Lang {
        let primary = locale.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("de") {
            Lang::De
        } else {
            Lang::En
        }
    }
}

macro_rules! catalogue {
    ($( $(#[$doc:meta])* $name:ident => $en:literal, $de:expr; )*) => {
        /// A text of the widget's own (the engine's sentences are translated by code, below).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $( $(#[$doc])* $name, )* }

        impl Msg {
            /// Every message, for the completeness test.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            fn en(self) -> &'static str {
                match self { $(Msg::$name => $en,)* }
            }

            fn de(self) -> Option<&'static str> {
                match self { $(Msg::$name => $de,)* }
            }
        }
    };
}

catalogue! {
    WidgetLabel => "Order help", Some("Hilfe zur Bestellung");
    OrderHeading => "Order {id}", Some("Bestellung {id}");
    Quantity => "Qty {n}", Some("Menge {n}");
    StatusUnassigned => "Not shipped yet", Some("Noch nicht versandt");
    StatusPending => "Not shipped yet", Some("Noch nicht versandt");
    StatusPreparing => "Being prepared for shipping", Some("Wird für den Versand vorbereitet");
    StatusStaged => "Ready to leave the warehouse", Some("Versandbereit im Lager");
    StatusInTransit => "On its way with {carrier}", Some("Unterwegs mit {carrier}");
    StatusOutForDelivery => "Out for delivery with {carrier}", Some("In Zustellung mit {carrier}");
    StatusDelivered => "Delivered {date}", Some("Zugestellt am {date}");
    StatusRefused => "Refused at delivery", Some("Annahme verweigert");
    StatusReturnedToSender => "Returned to the sender", Some("An den Absender zurückgeschickt");
    StatusCancelled => "Cancelled", Some("Storniert");
    CarrierRetailerFleet => "our own drivers", Some("unseren eigenen Fahrern");
    CarrierOther => "the carrier", Some("dem Versanddienst");
    BadgeCancel => "Can be cancelled", Some("Kann storniert werden");
    BadgeRequest => "Cancellation request — not guaranteed", Some("Stornierungsanfrage – nicht garantiert");
    BadgeRefuseAtDoor => "Refuse at the door", Some("Annahme an der Tür verweigern");
    BadgeRefuseAfter => "Refuse: mark it “Refused”", Some("Annahme verweigern: „Annahme verweigert“ vermerken");
    BadgeReturnBy => "Return by {date}", Some("Rücksendung bis {date}");
    BadgeReturnAfterDelivery => "Returnable after delivery", Some("Nach der Zustellung rücksendbar");
    BadgeNoLongerReturnable => "No longer returnable", Some("Nicht mehr rücksendbar");
    BadgeNotReturnable => "Not returnable", Some("Nicht rücksendbar");
    BadgeContactSeller => "Contact the seller", Some("Verkäufer kontaktieren");
    BadgeNothingToDo => "Nothing to do", Some("Nichts zu tun");
    BadgeCancelled => "Cancelled", Some("Storniert");
    BadgeCancelRequested => "Cancellation requested", Some("Stornierung angefragt");
    ItemCancelled => "The store has cancelled it.", Some("Der Shop hat den Artikel storniert.");
    ItemCancelRequested => "You've asked to cancel it: we'll let you know by email whether it could be stopped.", Some("Sie haben die Stornierung angefragt: Wir informieren Sie per E-Mail, ob sie gelungen ist.");
    CountdownLeft => "{duration} left to return (until {date})", Some("Noch {duration} für die Rücksendung (bis {date})");
    CountdownClosed => "Return window closed on {date}", Some("Rückgabefrist endete am {date}");
    CountdownOpensExpected => "Return window opens at delivery (expected {date})", Some("Die Rückgabefrist beginnt mit der Zustellung (erwartet am {date})");
    CountdownOpens => "Return window opens at delivery", Some("Die Rückgabefrist beginnt mit der Zustellung");
    AnnounceDay => "Less than a day left to return {item}.", Some("Weniger als ein Tag für die Rücksendung von {item}.");
    AnnounceHour => "Less than an hour left to return {item}.", Some("Weniger als eine Stunde für die Rücksendung von {item}.");
    AnnounceTenMinutes => "Less than 10 minutes left to return {item}.", Some("Weniger als 10 Minuten für die Rücksendung von {item}.");
    AnnounceClosed => "The return window for {item} has closed.", Some("Die Rückgabefrist für {item} ist abgelaufen.");
    CancelItems => "Cancel items", Some("Artikel stornieren");
    StepSelect => "Step 1 of 3: Select items", Some("Schritt 1 von 3: Artikel auswählen");
    StepReason => "Step 2 of 3: Choose a reason", Some("Schritt 2 von 3: Grund auswählen");
    StepReview => "Step 3 of 3: Review your request", Some("Schritt 3 von 3: Anfrage prüfen");
    SelectLegend => "Items to cancel", Some("Zu stornierende Artikel");
    SelectNone => "Select at least one item to continue.", Some("Wählen Sie mindestens einen Artikel aus, um fortzufahren.");
    BundleTogether => "Sold as a bundle: cancelled together with {items}.", Some("Im Set verkauft: wird zusammen mit {items} storniert.");
    ReasonLegend => "Why do you want to cancel?", Some("Warum möchten Sie stornieren?");
    ReasonOptional => "(optional)", Some("(optional)");
    ReasonRequired => "Choose a reason to continue.", Some("Wählen Sie einen Grund, um fortzufahren.");
    CommentLabel => "Tell us more (optional)", Some("Erzählen Sie uns mehr (optional)");
    CommentLabelRequired => "Tell us more", Some("Erzählen Sie uns mehr");
    CommentRequired => "Add a short comment to continue.", Some("Fügen Sie einen kurzen Kommentar hinzu, um fortzufahren.");
    ReviewItems => "Items", Some("Artikel");
    ReviewReason => "Reason", Some("Grund");
    ReviewNoReason => "No reason given", Some("Kein Grund angegeben");
    ReviewRefund => "Estimated refund", Some("Voraussichtliche Erstattung");
    ReviewTiming => "Refund timing", Some("Dauer der Erstattung");
    ReviewInstant => "These items can be cancelled right away.", Some("Diese Artikel können sofort storniert werden.");
    ReviewIsRequest => "This is a request: cancellation is not guaranteed. If it can't be stopped, you can still refuse or return it.", Some("Dies ist eine Anfrage: Die Stornierung ist nicht garantiert. Lässt sie sich nicht mehr aufhalten, können Sie die Annahme verweigern oder den Artikel zurücksenden.");
    ReviewSellerApproves => "The seller must approve this request.", Some("Der Verkäufer muss dieser Anfrage zustimmen.");
    Continue => "Continue", Some("Weiter");
    Back => "Back", Some("Zurück");
    RequestCancellation => "Request cancellation", Some("Stornierung anfragen");
    Sending => "Sending your request…", Some("Ihre Anfrage wird gesendet …");
    TryAgain => "Try again", Some("Erneut versuchen");
    BackToOrder => "Back to your order", Some("Zurück zur Bestellung");
    OutcomeCancelled => "Cancelled", Some("Storniert");
    OutcomeCancelledRefund => "You'll get {amount} back {timing}.", Some("Sie erhalten {amount} {timing} zurück.");
    OutcomeRequested => "Request sent", Some("Anfrage gesendet");
    OutcomeRequestedBody => "The seller must approve it. We'll let you know by email.", Some("Der Verkäufer muss zustimmen. Wir informieren Sie per E-Mail.");
    OutcomeRequestedWarehouse => "We'll try to stop it before it leaves us, and let you know by email.", Some("Wir versuchen, die Sendung aufzuhalten, und informieren Sie per E-Mail.");
    OutcomeDeclined => "Cancellation declined", Some("Stornierung abgelehnt");
    OutcomeFallback => "What you can do instead", Some("Was Sie stattdessen tun können");
    FallbackRefuseFleet => "Refuse it at the door: tracking shows our driver on a live map once they're within 10 stops.", Some("Verweigern Sie die Annahme an der Tür: Die Sendungsverfolgung zeigt unseren Fahrer auf einer Live-Karte, sobald er höchstens 10 Stopps entfernt ist.");
    FallbackRefuseFleetStops => "Refuse it at the door: our driver is {stops} stops away, and tracking shows a live map within 10 stops.", Some("Verweigern Sie die Annahme an der Tür: Unser Fahrer ist {stops} Stopps entfernt; ab 10 Stopps zeigt die Sendungsverfolgung eine Live-Karte.");
    FallbackRefuseCarrier => "Refuse it at the door: tell the driver you don't accept the package.", Some("Verweigern Sie die Annahme an der Tür: Sagen Sie dem Fahrer, dass Sie das Paket nicht annehmen.");
    FallbackRefuseUsps => "Don't open it: write “Refused” on the package and give it back to USPS. Return postage is free.", Some("Nicht öffnen: Schreiben Sie „Annahme verweigert“ (Refused) auf das Paket und geben Sie es USPS zurück. Die Rücksendung ist kostenlos.");
    FallbackReturnBy => "Start a return by {date}.", Some("Starten Sie eine Rücksendung bis {date}.");
    FallbackReturnAfterDelivery => "Once it arrives, you can start a return.", Some("Sobald es angekommen ist, können Sie eine Rücksendung starten.");
    FallbackContactSeller => "Contact the seller about this item.", Some("Wenden Sie sich wegen dieses Artikels an den Verkäufer.");
    FallbackNone => "There is nothing more to do for this item.", Some("Für diesen Artikel ist nichts weiter zu tun.");
    /// A failed request: `{why}` is one of the four below, each true to what is known (only
    /// a request that never left the page "couldn't be sent").
    ErrorKept => "{why} Your choices are kept.", Some("{why} Ihre Auswahl bleibt erhalten.");
    ErrorTimeout => "The store didn't answer in time, so we don't know whether your request arrived.", Some("Der Shop hat nicht rechtzeitig geantwortet, daher wissen wir nicht, ob Ihre Anfrage angekommen ist.");
    ErrorRejected => "Your request didn't go through: the store reported an error ({detail}).", Some("Ihre Anfrage ist nicht durchgekommen: Der Shop hat einen Fehler gemeldet ({detail}).");
    ErrorMalformed => "The store answered, but we couldn't tell from its answer whether your request was accepted.", Some("Der Shop hat geantwortet, aber seiner Antwort war nicht zu entnehmen, ob Ihre Anfrage angenommen wurde.");
    ErrorNoHost => "We couldn't send your request: this page can't take cancellation requests.", Some("Wir konnten Ihre Anfrage nicht senden: Diese Seite kann keine Stornierungsanfragen annehmen.");
    PanelTitle => "We can't show this order", Some("Diese Bestellung kann nicht angezeigt werden");
    PanelMissingOrder => "No order was given to the widget.", Some("Dem Widget wurde keine Bestellung übergeben.");
    PanelInvalid => "The order's details are incomplete or invalid.", Some("Die Angaben zur Bestellung sind unvollständig oder ungültig.");
    PanelUnreachable => "The order couldn't be loaded. Check your connection and reload the page.", Some("Die Bestellung konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und laden Sie die Seite neu.");
    PanelNotFound => "The order wasn't found: the site answered {status}. Check the link you followed, or contact the store.", Some("Die Bestellung wurde nicht gefunden: Die Website antwortete mit {status}. Prüfen Sie den Link oder wenden Sie sich an den Shop.");
    PanelStatus => "The site couldn't send the order (it answered {status}). Reload the page later to try again.", Some("Die Website konnte die Bestellung nicht senden (Antwort {status}). Laden Sie die Seite später neu, um es erneut zu versuchen.");
    PanelTimeout => "The order didn't arrive in time: no answer after {seconds} s. Reload the page to try again.", Some("Die Bestellung ist nicht rechtzeitig angekommen: keine Antwort nach {seconds} s. Laden Sie die Seite neu, um es erneut zu versuchen.");
    PanelPolicy => "The store's return policy couldn't be read.", Some("Die Rückgaberichtlinie des Shops konnte nicht gelesen werden.");
    PanelDetail => "Details for the site's support team: {detail}", Some("Details für das Support-Team der Website: {detail}");
    ReasonOrderedByMistake => "Ordered by mistake", Some("Versehentlich bestellt");
    ReasonArrivingTooLate => "Item(s) would not arrive on time", Some("Artikel käme(n) nicht rechtzeitig an");
    ReasonWrongAddress => "Shipping address is incorrect", Some("Lieferadresse ist falsch");
    ReasonPaymentIssue => "Payment issue", Some("Problem mit der Zahlung");
    ReasonBetterPrice => "Found a better price", Some("Günstigeren Preis gefunden");
    ReasonOther => "Other", Some("Anderer Grund");
    TimingHours => "within {max} hours", Some("innerhalb von {max} Stunden");
    TimingBusinessDays => "within {min}–{max} business days", Some("innerhalb von {min}–{max} Werktagen");
}

/// The catalogue's label for one of the policy's default cancellation reasons, so German
/// customers see them in German; a store's own reasons keep the policy's label.
pub fn default_reason(id: &str) -> Option<Msg> {
    Some(match id {
        "ordered_by_mistake" => Msg::ReasonOrderedByMistake,
        "arriving_too_late" => Msg::ReasonArrivingTooLate,
        "wrong_shipping_address" => Msg::ReasonWrongAddress,
        "payment_issue" => Msg::ReasonPaymentIssue,
        "found_better_price" => Msg::ReasonBetterPrice,
        "other" => Msg::ReasonOther,
        _ => return None,
    })
}

/// The text of `msg` in `lang`, falling back to English.
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::En => msg.en(),
        Lang::De => msg.de().unwrap_or_else(|| msg.en()),
    }
}

/// `text` with its `{name}` placeholders filled. Values are plain text; the view renders the
/// result as text, so nothing in them is ever read as HTML.
///
/// ```
/// use order_help::i18n::{fill, Lang, Msg};
/// assert_eq!(fill(Lang::En, Msg::Quantity, &[("n", "3")]), "Qty 3");
/// ```
pub fn fill(lang: Lang, msg: Msg, values: &[(&str, &str)]) -> String {
    fill_template(text(lang, msg), values)
}

/// FIRST STRONG ISOLATE (U+2068): opens an isolate whose direction is its first strong letter's.
pub const FSI: char = '\u{2068}';
/// POP DIRECTIONAL ISOLATE (U+2069): closes the last open isolate.
pub const PDI: char = '\u{2069}';

/// `value` (a string from the order or the host: a title, an id, a seller's name, a message)
/// as a bidirectional isolate (FSI … PDI, Unicode Bidirectional Algorithm, UAX #9), to be put
/// into a sentence built as text: its direction is its own (a Hebrew title reads right to
/// left), and whatever controls it holds (U+202E RIGHT-TO-LEFT OVERRIDE, say) end with it, so
/// it cannot reorder the sentence around it. A PDI in `value` without its own opening isolate
/// would end the isolate early and let the rest loose: it is dropped.
///
/// ```
/// use order_help::i18n::isolate;
/// assert_eq!(isolate("Kettle"), "\u{2068}Kettle\u{2069}");
/// assert_eq!(isolate("a\u{2069}\u{202e}b"), "\u{2068}a\u{202e}b\u{2069}");
/// ```
pub fn isolate(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 6);
    out.push(FSI);
    let mut open = 0u32;
    for c in value.chars() {
        match c {
            // LRI, RLI, FSI: an isolate of the value's own, which its PDI may close.
            '\u{2066}'..='\u{2068}' => open += 1,
            PDI if open == 0 => continue,
            PDI => open -= 1,
            _ => {}
        }
        out.push(c);
    }
    out.push(PDI);
    out
}

/// Replaces each `{name}` in `template` by its value; unknown names stay as they are.
pub fn fill_template(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(template: &str) -> Vec<&str> {
        let mut names: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn german_is_complete_and_keeps_every_placeholder() {
        for &msg in Msg::ALL {
            let de = msg
                .de()
                .unwrap_or_else(|| panic!("{msg:?} has no German text"));
            assert_eq!(
                placeholders(de),
                placeholders(msg.en()),
                "placeholders of {msg:?}"
            );
            assert!(!de.trim().is_empty(), "{msg:?} is empty in German");
        }
    }

    #[test]
    fn locale_tags_choose_the_language() {
        for (tag, lang) in [
            ("de", Lang::De),
            ("de-DE", Lang::De),
            ("DE_ch", Lang::De),
            ("en-US", Lang::En),
            ("fr", Lang::En),
            ("", Lang::En),
            ("deu", Lang::En),
        ] {
            assert_eq!(Lang::from_locale(tag), lang, "{tag:?}");
        }
    }

    #[test]
    fn an_isolate_cannot_be_closed_from_inside() {
        // The value's own balanced isolates stay; an unbalanced PDI could end ours early.
        assert_eq!(
            isolate("\u{2067}a\u{2069}\u{2069}b"),
            "\u{2068}\u{2067}a\u{2069}b\u{2069}"
        );
        // Overrides and embeddings need no help: our PDI ends them all (UAX #9, X6a).
        assert_eq!(
            isolate("Invoice \u{202e}fdp.exe"),
            "\u{2068}Invoice \u{202e}fdp.exe\u{2069}"
        );
        let filled = fill(
            Lang::En,
            Msg::OrderHeading,
            &[("id", &isolate("\u{202e}123\u{2069}\u{202e}"))],
        );
        // After our PDI nothing of the value is left: the isolate's end is the sentence's end.
        assert!(filled.ends_with("\u{202e}\u{2069}"), "{filled:?}");
        assert_eq!(filled.matches(PDI).count(), 1, "{filled:?}");
    }

    #[test]
    fn fill_replaces_known_names_and_keeps_the_rest() {
        assert_eq!(
            fill_template("{a} and {b}", &[("a", "1"), ("b", "2")]),
            "1 and 2"
        );
        assert_eq!(fill_template("{a} {missing}", &[("a", "x")]), "x {missing}");
        assert_eq!(fill_template("open { brace", &[]), "open { brace");
        // A value is inserted as is, never re-read as a template.
        assert_eq!(fill_template("{a}", &[("a", "{b}"), ("b", "no")]), "{b}");
    }
}
