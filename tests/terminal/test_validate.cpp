#include <doctest/doctest.h>

#include <string>

#include "i18n.hpp"
#include "widgets/validate.hpp"

using namespace foh::ui;

TEST_CASE("names: empty, too long, emoji refused; French accents accepted") {
  CHECK(validate_name("") == FieldError::NameEmpty);
  CHECK(validate_name("   ") == FieldError::NameEmpty);
  CHECK(validate_name(std::string(300, 'a')) == FieldError::NameTooLong);
  CHECK(validate_name(std::string(100, 'a')) == FieldError::None);
  CHECK(validate_name(std::string(101, 'a')) == FieldError::NameTooLong);
  CHECK(validate_name("Dupont \xF0\x9F\x98\x80") == FieldError::NameBadChars);  // 😀
  CHECK(validate_name("Bob\x01") == FieldError::NameBadChars);
  CHECK(validate_name("\xC3\x28") == FieldError::NameBadChars);  // malformed UTF-8
  CHECK(validate_name("Zoé Lefèvre-Çœur, l'Hôte") == FieldError::None);
  CHECK(validate_name("Łukasz Šťastný") == FieldError::None);  // Latin Extended-A
  CHECK(validate_name("Ελένη") == FieldError::NameBadChars);   // Greek: outside the font's set
  CHECK(utf8_length("é") == 1);
}

TEST_CASE("party 1..99, phone digits and + . - ( ) spaces") {
  CHECK(validate_party(0) == FieldError::PartyOutOfRange);
  CHECK(validate_party(100) == FieldError::PartyOutOfRange);
  CHECK(validate_party(1) == FieldError::None);
  CHECK(validate_party(99) == FieldError::None);
  CHECK(validate_party_text("0") == FieldError::PartyOutOfRange);
  CHECK(validate_party_text("100") == FieldError::PartyOutOfRange);
  CHECK(validate_party_text("4a") == FieldError::PartyOutOfRange);
  CHECK(validate_party_text("12") == FieldError::None);
  CHECK(validate_phone("06 12 34 56 78") == FieldError::None);
  CHECK(validate_phone("+33 (0)6.12-34-56-78") == FieldError::None);
  CHECK(validate_phone("06 12 AB 56") == FieldError::PhoneBadChars);
  CHECK(validate_phone("", false) == FieldError::None);
  CHECK(validate_phone("", true) == FieldError::PhoneTooShort);
  CHECK(validate_time_text("19:30") == FieldError::None);
  CHECK(validate_time_text("25:61") == FieldError::TimeMalformed);
  CHECK(validate_pin("1234") == FieldError::None);
  CHECK(validate_pin("123") == FieldError::PinFormat);
  CHECK(validate_pin("12a4") == FieldError::PinFormat);
}

TEST_CASE("every field error has a message in French and in English") {
  for (int e = 1; e <= static_cast<int>(FieldError::PinFormat); ++e) {
    std::string fr = field_message(Language::Fr, static_cast<FieldError>(e));
    std::string en = field_message(Language::En, static_cast<FieldError>(e));
    CHECK(!fr.empty());
    CHECK(!en.empty());
    CHECK(fr != en);
  }
  CHECK(std::string(field_message(Language::En, FieldError::PartyOutOfRange)) ==
        "Party size must be 1 to 99");
}

TEST_CASE("i18n: complete table, locale codes, formatting") {
  CHECK(table_complete());
  CHECK(locale_from("en-GB") == Language::En);
  CHECK(locale_from("fr") == Language::Fr);
  CHECK(locale_from("de") == Language::Fr);
  CHECK(std::string(tr(Language::En, "wl.free_now")) !=
        std::string(tr(Language::Fr, "wl.free_now")));
  CHECK(std::string(status_text(Language::En, foh::ReservationStatus::NoShow)) == "No-show");
  CHECK(std::string(status_text(Language::Fr, foh::ReservationStatus::NoShow)) == "Non venue");
  CHECK(std::string(tr(Language::Fr, "no.such.key")) == "no.such.key");
  CHECK(format_date(Language::Fr, foh::Date{2026, 11, 28}) == "sam. 28 nov. 2026");
  CHECK(format_date(Language::En, foh::Date{2026, 11, 28}) == "Sat 28 Nov 2026");
  CHECK(format_minutes(Language::Fr, 65) == "1 h 05");
  CHECK(format_minutes(Language::En, 45) == "45 min");
}
