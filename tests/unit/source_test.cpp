#include <catch2/catch.hpp>

#include "syntax/source.h"

using lint::LineIndex;
using lint::Location;

TEST_CASE("columns count code points, rows start at 1", "[source]") {
  const std::string text = "a = 1\nb = 'é' == None\n";
  LineIndex idx(text);
  CHECK(idx.location(0) == Location{1, 1});
  CHECK(idx.location(6) == Location{2, 1});
  // `é` is two bytes: `None` starts at byte 18 of the text, the 12th character of its line.
  CHECK(text.substr(18, 4) == "None");
  CHECK(idx.location(18) == Location{2, 12});
}

TEST_CASE("CRLF and lone CR end lines", "[source]") {
  const std::string text = "a\r\nb\rc\nd";
  LineIndex idx(text);
  REQUIRE(idx.line_count() == 4);
  CHECK(idx.location(3) == Location{2, 1});
  CHECK(idx.location(5) == Location{3, 1});
  CHECK(idx.location(7) == Location{4, 1});
  CHECK(idx.line_text(1) == "a");
  CHECK(idx.line_text(2) == "b");
}

TEST_CASE("an offset past the end maps to the end", "[source]") {
  LineIndex idx("ab");
  CHECK(idx.location(99) == Location{1, 3});
}

TEST_CASE("UTF-8 validation", "[source]") {
  using lint::find_invalid_utf8;
  CHECK(find_invalid_utf8("plain ascii text that is long enough") == std::string_view::npos);
  CHECK(find_invalid_utf8("caf\xC3\xA9") == std::string_view::npos);
  CHECK(find_invalid_utf8("\xF0\x9F\x98\x80") == std::string_view::npos);
  CHECK(find_invalid_utf8("abc\xFF") == 3);
  CHECK(find_invalid_utf8("\xC3") == 0);              // truncated
  CHECK(find_invalid_utf8("\xC0\x80") == 0);          // overlong
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);      // surrogate
  CHECK(find_invalid_utf8("x\xF4\x90\x80\x80") == 1);  // above U+10FFFF
  CHECK(find_invalid_utf8("latin-1: caf\xE9!") == 12);
}
