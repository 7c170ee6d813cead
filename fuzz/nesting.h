// Generators for the fuzz targets: an input starting with the byte 0xFE (never valid UTF-8, so
// no text input is lost) is read as a recipe for Python nested tens of thousands deep, the kind
// of input that crashed tree-sitter 0.20.7 and that random mutation never reaches:
//   0xFE, then groups of 3 bytes: construct, depth high byte, depth low byte; then the rest of
//   the input is the innermost text. Each group wraps what the later groups produce; bit 0x80
//   of the construct leaves its closing half out (unclosed brackets, unterminated f-strings).
// Depths are capped so that a whole recipe's text, the innermost text included, stays within
// kMaxNestedBytes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lint::fuzz {

// Half a megabyte: 65,535 levels of a short construct (`(`, `not `, `#\n`) fit, and the slowest
// expansions (long constructs closed by lines that are each a syntax error, whose recovery costs
// tree-sitter time linear in the depth per error) stay within the fuzzer's timeout under the
// sanitizers.
constexpr size_t kMaxNestedBytes = 512u << 10;

struct Construct {
  std::string_view open;   // repeated `depth` times before the inner text
  std::string_view close;  // repeated `depth` times after it
};

// Every construct that nests: brackets, calls, subscripts, lambdas, unpacking, f-strings,
// comments, line continuations, decorators, comprehensions, blocks, operators.
inline constexpr Construct kConstructs[] = {
    {"(", ")"},
    {"[", "]"},
    {"{", "}"},
    {"f(", ")"},
    {"x[", "]"},
    {"lambda x=", ""},
    {"lambda: ", ""},
    {"*", ""},
    {"[*", "]"},
    {"f(**{'a': ", "})"},
    {"f\"{", "}\""},
    {"f'{x:{", "}}'"},
    {"t\"{", "}\""},
    {"#\n", ""},
    {"\\\n", ""},
    {"x = 1 + \\\n", ""},
    {"@d\n", ""},
    {"[x for x in ", "]"},
    {"{k: v for k, v in ", "}"},
    {"(x async for x in ", ")"},
    {"not ", ""},
    {"-", ""},
    {"await ", ""},
    {"(yield ", ")"},
    {"a.", ""},
    {"if x:\n", ""},
    {"x if y else (", ")"},
    {"(a := ", ")"},
    {"match (", "):\n    case _: pass\n"},
    {"def f(a=(", ")): pass\n"},
    {"class C(", "): pass\n"},
    {"\"\"\"", "\"\"\""},
};

// Blocks are written apart: each level of `if x:` is indented one space deeper than the last, so
// their text grows with the square of the depth.
inline bool is_block(const Construct& c) { return c.open == "if x:\n"; }

// The bytes `depth` levels of `c` take (opening and closing halves).
inline size_t nested_bytes(const Construct& c, size_t depth) {
  // Levels 0 to depth - 1 indented by their level, then the innermost text's indentation.
  if (is_block(c)) return depth * (depth - (depth > 0)) / 2 + depth * c.open.size() + depth;
  return depth * (c.open.size() + c.close.size());
}

// The deepest nesting of `c` that fits in `budget` bytes, up to `depth`.
inline size_t deepest_within(const Construct& c, size_t depth, size_t budget) {
  if (nested_bytes(c, depth) <= budget) return depth;
  size_t fits = 0, too_deep = depth;  // nested_bytes grows with the depth
  while (too_deep - fits > 1) {
    const size_t mid = fits + (too_deep - fits) / 2;
    (nested_bytes(c, mid) <= budget ? fits : too_deep) = mid;
  }
  return fits;
}

inline constexpr std::string_view kNestedEnd = "\ny == None\n";
inline constexpr size_t kMaxGroups = 8;

// The text a recipe stands for; `data` starts after the 0xFE byte.
inline std::string nested_python(const uint8_t* data, size_t size) {
  struct Group {
    const Construct* construct;
    size_t depth;
    bool closed;
  };
  const size_t group_count = std::min(kMaxGroups, size / 3);
  const size_t inner = size - 3 * group_count;  // the innermost text
  // What the constructs may take: the rest of the text is the input's own.
  size_t budget = kMaxNestedBytes - std::min(kMaxNestedBytes, inner + kNestedEnd.size());
  std::vector<Group> groups;
  size_t i = 0;
  constexpr size_t kConstructCount = sizeof(kConstructs) / sizeof(kConstructs[0]);
  for (; groups.size() < group_count; i += 3) {
    const uint8_t c = data[i];
    const Construct& construct = kConstructs[(c & 0x7F) % kConstructCount];
    const size_t wanted = (static_cast<size_t>(data[i + 1]) << 8) | data[i + 2];
    const size_t depth = deepest_within(construct, wanted, budget);
    budget -= nested_bytes(construct, depth);
    groups.push_back({&construct, depth, (c & 0x80) == 0});
  }
  std::string out;
  for (const Group& g : groups) {
    if (is_block(*g.construct)) {
      for (size_t k = 0; k < g.depth; ++k) out.append(k, ' ').append(g.construct->open);
      out.append(g.depth, ' ');
      continue;
    }
    for (size_t k = 0; k < g.depth; ++k) out += g.construct->open;
  }
  out.append(reinterpret_cast<const char*>(data) + i, size - i);
  for (auto g = groups.rbegin(); g != groups.rend(); ++g) {
    if (!g->closed) continue;
    for (size_t k = 0; k < g->depth; ++k) out += g->construct->close;
  }
  out += kNestedEnd;
  return out;
}

// The text a fuzz input stands for: a recipe's expansion, or the input itself.
inline std::string fuzz_text(const uint8_t* data, size_t size) {
  if (size > 0 && data[0] == 0xFE) return nested_python(data + 1, size - 1);
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace lint::fuzz
