// Generators for the fuzz targets: an input starting with the byte 0xFE (never valid UTF-8, so
// no text input is lost) is read as a recipe for Python nested tens of thousands deep, the kind
// of input that crashed tree-sitter 0.20.7 and that random mutation never reaches:
//   0xFE, then groups of 3 bytes: construct, depth high byte, depth low byte; then the rest of
//   the input is the innermost text. Each group wraps what the later groups produce; bit 0x80
//   of the construct leaves its closing half out (unclosed brackets, unterminated f-strings).
// Depths are capped so that a whole recipe stays below kMaxNestedBytes of text.
#pragma once

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

// The text a recipe stands for; `data` starts after the 0xFE byte.
inline std::string nested_python(const uint8_t* data, size_t size) {
  struct Group {
    const Construct* construct;
    size_t depth;
    bool closed;
  };
  std::vector<Group> groups;
  size_t i = 0;
  size_t budget = kMaxNestedBytes;
  constexpr size_t kConstructCount = sizeof(kConstructs) / sizeof(kConstructs[0]);
  while (i + 3 <= size && groups.size() < 8) {
    const uint8_t c = data[i];
    const Construct& construct = kConstructs[(c & 0x7F) % kConstructCount];
    size_t depth = (static_cast<size_t>(data[i + 1]) << 8) | data[i + 2];
    const size_t unit = construct.open.size() + construct.close.size();
    if (unit * depth > budget) depth = budget / unit;
    budget -= unit * depth;
    groups.push_back({&construct, depth, (c & 0x80) == 0});
    i += 3;
  }
  std::string out;
  for (const Group& g : groups) {
    if (g.construct->open == "if x:\n") {
      // Blocks: each level indented one space deeper.
      for (size_t k = 0; k < g.depth && out.size() < kMaxNestedBytes; ++k) out += std::string(k, ' ') + "if x:\n";
      out += std::string(g.depth, ' ');
      continue;
    }
    for (size_t k = 0; k < g.depth; ++k) out += g.construct->open;
  }
  out.append(reinterpret_cast<const char*>(data) + i, size - i);
  for (auto g = groups.rbegin(); g != groups.rend(); ++g) {
    if (!g->closed) continue;
    for (size_t k = 0; k < g->depth; ++k) out += g->construct->close;
  }
  out += "\ny == None\n";
  return out;
}

// The text a fuzz input stands for: a recipe's expansion, or the input itself.
inline std::string fuzz_text(const uint8_t* data, size_t size) {
  if (size > 0 && data[0] == 0xFE) return nested_python(data + 1, size - 1);
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace lint::fuzz
