// One Suggestion (autocomplete term) per folded text: index main terms, PCS index
// terms, short category titles, synonym terms.
CREATE CONSTRAINT suggestion_key IF NOT EXISTS
FOR (s:Suggestion) REQUIRE s.key IS UNIQUE;
