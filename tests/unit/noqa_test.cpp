#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "noqa/noqa.h"

using lint::noqa::Directive;
using lint::noqa::parse_file_directive;
using lint::noqa::parse_line_directive;
using Kind = lint::noqa::Directive::Kind;

namespace {

std::vector<std::string> codes(const Directive& d) { return {d.codes.begin(), d.codes.end()}; }

}  // namespace

TEST_CASE("a blanket noqa", "[noqa]") {
  for (const char* comment : {"# noqa", "#noqa", "# NOQA", "# NoQa", "# noqa   ", "# noqa# other", "# noqa - why",
                              "# noqa F401", "# noqa because: reasons", "# type: ignore # noqa", "# # noqa",
                              "#\tnoqa", "# noqa\xC2\xA0"}) {
    INFO(comment);
    const Directive d = parse_line_directive(comment);
    CHECK(d.kind == Kind::All);
    CHECK(d.suppresses("F401"));
    CHECK(d.suppresses("E711"));
  }
}

TEST_CASE("a code list", "[noqa]") {
  using V = std::vector<std::string>;
  CHECK(codes(parse_line_directive("# noqa: F401")) == V{"F401"});
  CHECK(codes(parse_line_directive("# noqa:F401,E711")) == V{"F401", "E711"});
  CHECK(codes(parse_line_directive("# noqa: F401 E711")) == V{"F401", "E711"});
  CHECK(codes(parse_line_directive("# noqa : F401")) == V{"F401"});
  CHECK(codes(parse_line_directive("# NOQA: F401")) == V{"F401"});
  // An empty item or a missing delimiter is only a warning in Ruff.
  CHECK(codes(parse_line_directive("# noqa: F401,,E711")) == V{"F401", "E711"});
  CHECK(codes(parse_line_directive("# noqa: F401  ,  E711")) == V{"F401", "E711"});
  CHECK(codes(parse_line_directive("# noqa: F401F811")) == V{"F401", "F811"});
  // The first word that is not a code starts a trailing comment.
  CHECK(codes(parse_line_directive("# noqa: F401 because we re-export it")) == V{"F401"});
  CHECK(codes(parse_line_directive("# noqa: F401, foo, E711")) == V{"F401"});
  CHECK(codes(parse_line_directive("# noqa: F401# more")) == V{"F401"});
  CHECK(codes(parse_line_directive("# noqa: E711 F401 # more")) == V{"E711", "F401"});
  // Anything of the shape [A-Z]+[0-9]+ is a code, known or not.
  CHECK(codes(parse_line_directive("# noqa: X1, F401")) == V{"X1", "F401"});
  // The directive may follow another comment.
  CHECK(codes(parse_line_directive("# type: ignore # noqa: E501")) == V{"E501"});
}

TEST_CASE("codes match exactly, not by prefix", "[noqa]") {
  const Directive d = parse_line_directive("# noqa: F401, E7");
  CHECK(d.kind == Kind::Codes);
  CHECK(d.suppresses("F401"));
  CHECK_FALSE(d.suppresses("E711"));
  CHECK_FALSE(d.suppresses("F4"));
  CHECK_FALSE(d.suppresses("F4011"));
  // Old codes Ruff redirects still count for the code they became.
  CHECK(parse_line_directive("# noqa: TRY200").suppresses("B904"));
}

TEST_CASE("malformed directives suppress nothing", "[noqa]") {
  for (const char* comment : {"# noqa:", "# noqa: ", "# noqa:  # x", "# noqa: F", "# noqa: f401", "# noqa: unused-import",
                              "# noqa123", "# noqaF401", "# noqa; F401", "# noqa: F401abc", "# noqa: F401F"}) {
    INFO(comment);
    const Directive d = parse_line_directive(comment);
    CHECK(d.kind == Kind::Error);
    CHECK_FALSE(d.suppresses("F401"));
  }
}

TEST_CASE("comments without a directive", "[noqa]") {
  for (const char* comment : {"# hello", "# foo noqa", "# ruff: noqa", "# flake8: noqa", "#", "# no qa", "# nonoqa"}) {
    INFO(comment);
    CHECK(parse_line_directive(comment).kind == Kind::None);
  }
}

TEST_CASE("file-level directives", "[noqa]") {
  for (const char* comment : {"# ruff: noqa", "# flake8: noqa", "# lint: noqa", "#ruff:noqa", "# ruff : NOQA",
                              "# flake8: noqa because", "# ruff: noqa F401", "# hello # ruff: noqa"}) {
    INFO(comment);
    CHECK(parse_file_directive(comment).kind == Kind::All);
  }
  using V = std::vector<std::string>;
  CHECK(codes(parse_file_directive("# ruff: noqa: F401, E711")) == V{"F401", "E711"});
  CHECK(codes(parse_file_directive("# flake8: noqa: F401")) == V{"F401"});
  CHECK(codes(parse_file_directive("# lint: noqa:E711")) == V{"E711"});
  // The prefix is case-sensitive; a plain `# noqa` is line-level only.
  for (const char* comment : {"# RUFF: noqa", "# Flake8: noqa", "# noqa", "# ruffian: noqa", "# ruff noqa"}) {
    INFO(comment);
    CHECK(parse_file_directive(comment).kind == Kind::None);
  }
  CHECK(parse_file_directive("# ruff: noqa:").kind == Kind::Error);
}

TEST_CASE("the scanner finds comments outside strings", "[noqa]") {
  const std::string text =
      "x = '# not'  # one\n"
      "y = \"\"\"\n# not\n\"\"\"  # two\n"
      "z = f\"{a['#']}\" # three\n"
      "w = f'''{\nb  # four\n}'''\n";
  const auto scan = lint::noqa::scan(text);
  std::vector<std::string> found;
  for (uint32_t c : scan.comments) found.push_back(text.substr(c, text.find('\n', c) - c));
  CHECK(found == std::vector<std::string>{"# one", "# two", "# three", "# four"});
}

TEST_CASE("the scanner maps multi-line strings and continuations", "[noqa]") {
  SECTION("a triple-quoted string maps from the start of its first line to its end") {
    const std::string text = "x = 1\ny = '''abc\ndef\nghi\n'''\nz = 2";
    const auto scan = lint::noqa::scan(text);
    REQUIRE(scan.mapping.size() == 1);
    CHECK(scan.mapping[0] == std::pair<uint32_t, uint32_t>{6, 28});
    CHECK(scan.resolve(6) == 28);
    CHECK(scan.resolve(27) == 28);
    CHECK(scan.resolve(28) == 28);
    CHECK(scan.resolve(29) == 29);
    CHECK(scan.resolve(0) == 0);
  }
  SECTION("single-line and single-quoted strings are not mapped") {
    CHECK(lint::noqa::scan("x = '''abc'''\ny = 'a\\\nb'\n").mapping.empty());
  }
  SECTION("a multi-line f-string is mapped as a whole") {
    const std::string text = "x = f'abc {\na\n    *\n        b\n}'\ny = 2\n";
    const auto scan = lint::noqa::scan(text);
    REQUIRE(scan.mapping.size() == 1);
    CHECK(scan.mapping[0] == std::pair<uint32_t, uint32_t>{0, 32});
  }
  SECTION("nested f-strings map to the outermost") {
    const std::string text = "x = 1\ny = f'''abc\ndef {f'''nested\nfstring''' f'another nested'}\nend'''\n";
    const auto scan = lint::noqa::scan(text);
    REQUIRE(scan.mapping.size() == 1);
    CHECK(scan.mapping[0] == std::pair<uint32_t, uint32_t>{6, 70});
  }
  SECTION("continued lines map up to the start of the last line") {
    const std::string text = "from foo import \\\n    bar as baz, \\\n    qux as quux\n";
    const auto scan = lint::noqa::scan(text);
    REQUIRE(scan.mapping.size() == 1);
    CHECK(scan.mapping[0] == std::pair<uint32_t, uint32_t>{0, 36});
  }
  SECTION("a backslash inside a comment or a string is no continuation") {
    CHECK(lint::noqa::scan("x = 1  # \\\ny = '\\\\'\n").mapping.empty());
  }
  SECTION("touching ranges merge") {
    const std::string text = "x = 1 + \\\n  '''a\nb''' + \\\n  3\n";
    const auto scan = lint::noqa::scan(text);
    REQUIRE(scan.mapping.size() == 1);
    CHECK(scan.mapping[0].first == 0);
    CHECK(scan.mapping[0].second == text.rfind("  3"));
  }
  SECTION("string prefixes") {
    CHECK(lint::noqa::scan("x = rb'''a\nb'''\n").mapping.size() == 1);
    CHECK(lint::noqa::scan("x = Rf'''{a}\n'''\n").mapping.size() == 1);
    // `bar'...'` is a name followed by a string, not a prefixed string.
    CHECK(lint::noqa::scan("x = bar'#'  # c\n").comments.size() == 1);
  }
}

TEST_CASE("mentions_noqa is case-insensitive", "[noqa]") {
  CHECK(lint::noqa::mentions_noqa("x = 1  # NoQa"));
  CHECK(lint::noqa::mentions_noqa("noqa"));
  CHECK_FALSE(lint::noqa::mentions_noqa("x = 1  # no qa"));
  CHECK_FALSE(lint::noqa::mentions_noqa("noq"));
}
