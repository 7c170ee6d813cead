#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "../../fuzz/nesting.h"

using lint::fuzz::Construct;
using lint::fuzz::kConstructs;
using lint::fuzz::kMaxNestedBytes;
using lint::fuzz::nested_python;

namespace {

constexpr size_t kConstructCount = sizeof(kConstructs) / sizeof(kConstructs[0]);

uint8_t index_of(std::string_view open) {
  for (size_t i = 0; i < kConstructCount; ++i) {
    if (kConstructs[i].open == open) return static_cast<uint8_t>(i);
  }
  FAIL("no construct opens with " << open);
  return 0;
}

// A recipe: groups of (construct, depth), padded to the eight groups a recipe holds with groups
// of depth 0 (else the innermost text would be read as more groups), then the innermost text.
std::string expand(std::vector<std::pair<uint8_t, uint16_t>> groups, std::string_view inner) {
  groups.resize(lint::fuzz::kMaxGroups, {0, 0});
  std::vector<uint8_t> data;
  for (const auto& [construct, depth] : groups) {
    data.push_back(construct);
    data.push_back(static_cast<uint8_t>(depth >> 8));
    data.push_back(static_cast<uint8_t>(depth & 0xFF));
  }
  data.insert(data.end(), inner.begin(), inner.end());
  return nested_python(data.data(), data.size());
}

}  // namespace

TEST_CASE("a recipe expands as written while it fits", "[nesting]") {
  const uint8_t block = index_of("if x:\n");
  const uint8_t paren = index_of("(");
  CHECK(expand({{block, 2}}, "pass") == "if x:\n if x:\n  pass\ny == None\n");
  CHECK(expand({{paren, 3}}, "1") == "(((1)))\ny == None\n");
  // Bit 0x80 leaves the closing half out.
  CHECK(expand({{static_cast<uint8_t>(paren | 0x80), 2}, {paren, 1}}, "1") == "(((1)\ny == None\n");
  CHECK(expand({{paren, 1}, {block, 1}}, "1") == "(if x:\n 1)\ny == None\n");
}

TEST_CASE("every construct at the deepest depth stays within the budget", "[nesting]") {
  for (size_t c = 0; c < kConstructCount; ++c) {
    const Construct& construct = kConstructs[c];
    INFO("construct " << c << ": " << construct.open);
    const std::string text = expand({{static_cast<uint8_t>(c), 0xFFFF}}, "1");
    CHECK(text.size() <= kMaxNestedBytes);
    // Capped, not dropped: one more level would not have fitted.
    if (construct.open == "if x:\n") {
      size_t levels = 0;
      for (size_t at = text.find("if x:\n"); at != std::string::npos; at = text.find("if x:\n", at + 1)) ++levels;
      CHECK(text.size() + levels + construct.open.size() + 1 > kMaxNestedBytes);
    } else {
      const size_t unit = construct.open.size() + construct.close.size();
      const size_t depth = std::min<size_t>(0xFFFF, (kMaxNestedBytes - 1 - 11) / unit);
      std::string opening;
      for (size_t k = 0; k < depth; ++k) opening += construct.open;
      CHECK(text.starts_with(opening + "1"));
    }
  }
}

TEST_CASE("blocks after other constructs stay within the budget", "[nesting]") {
  // An `if x:` group's indentation grows with the square of its depth; it once ignored the
  // budget and a recipe expanded to 793 KB.
  const uint8_t block = index_of("if x:\n");
  const uint8_t paren = index_of("(");
  const uint8_t lambda = index_of("lambda: ");
  const std::string inner(1000, 'x');
  for (const auto& groups : std::vector<std::vector<std::pair<uint8_t, uint16_t>>>{
           {{block, 0xFFFF}, {block, 0xFFFF}},
           {{paren, 100}, {block, 0xFFFF}, {lambda, 0xFFFF}},
           {{lambda, 1000}, {block, 900}, {block, 900}, {block, 900}, {paren, 0xFFFF}},
           {{block, 1023}, {block, 1023}, {block, 1023}, {block, 1023}, {block, 1023}, {block, 1023},
            {block, 1023}, {block, 1023}},
       }) {
    const std::string text = expand(groups, inner);
    CHECK(text.size() <= kMaxNestedBytes);
  }
  // The innermost text counts too: a long one leaves the constructs no room.
  const std::string huge(kMaxNestedBytes, 'x');
  CHECK(expand({{block, 10}, {paren, 10}}, huge) == huge + "\ny == None\n");
}
