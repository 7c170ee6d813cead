// libFuzzer target: arbitrary bytes as one file's text, through everything `lint --select ALL`
// runs on it: the UTF-8 check, line endings, parsing (tree-sitter and the grammar's scanner, the
// rewrites and the retry), the traversal, the semantic model, every native rule, noqa and RUF100,
// and the output formats. Checked besides "no crash, no sanitizer report":
//   - the JSON and JSON-lines output parse, with the fields of Ruff's schema, sane locations;
//   - every output is valid UTF-8 when the input is (messages quote the source);
//   - the same input gives the same output twice (no state leaks from one file to the next).
// Built by scripts/fuzz (clang, -fsanitize=fuzzer,address,undefined).
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "config/config.h"
#include "nesting.h"
#include "engine/linter.h"
#include "syntax/source.h"

namespace {

using namespace lint;

[[noreturn]] void fail(const std::string& what, const std::string& output) {
  std::cerr << "fuzz_lint: " << what << "\n--- output ---\n" << output.substr(0, 4000) << "\n";
  std::abort();
}

struct Setup {
  Settings settings = default_settings("/fuzz");
  SourcePath path;
  Setup() {
    SelectionLayer layer;
    layer.source = "fuzz";
    layer.select = std::vector<Selector>{Selector{"ALL", Origin{}}};
    settings.layers.push_back(layer);
    resolve_rules(settings);
    path.path = "fuzz.py";
    path.display = "fuzz.py";
    path.absolute = "/fuzz/fuzz.py";
    path.profile = &settings.profile;
  }
};

void check_location(const nlohmann::json& l, const std::string& output) {
  if (!l.is_object() || !l["row"].is_number_unsigned() || !l["column"].is_number_unsigned()) fail("bad location", output);
  if (l["row"].get<uint64_t>() < 1 || l["column"].get<uint64_t>() < 1) fail("location below 1:1", output);
}

void check_diagnostic(const nlohmann::json& d, const std::string& output) {
  static const char* const kFields[] = {"cell", "code", "end_location", "filename", "fix", "location",
                                        "message", "name", "noqa_row", "severity", "url"};
  if (!d.is_object() || d.size() != std::size(kFields)) fail("not a diagnostic object", output);
  for (const char* f : kFields) {
    if (!d.contains(f)) fail(std::string("missing field ") + f, output);
  }
  check_location(d["location"], output);
  check_location(d["end_location"], output);
  const auto at = [](const nlohmann::json& l) { return std::make_pair(l["row"].get<uint64_t>(), l["column"].get<uint64_t>()); };
  if (at(d["end_location"]) < at(d["location"])) fail("end before start", output);
  if (d["filename"] != "/fuzz/fuzz.py") fail("wrong filename", output);
}

FileResult lint_as(const Setup& setup, const std::string& text, OutputFormat format, bool color) {
  LintOptions options;
  options.threads = 1;
  options.output.format = format;
  options.output.color = color;
  return lint_source(setup.path, text, options);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Setup setup;
  // A recipe (first byte 0xFE) expands to Python nested tens of thousands deep (fuzz/nesting.h).
  const std::string text = lint::fuzz::fuzz_text(data, size);
  const bool utf8 = find_invalid_utf8(text) == std::string_view::npos;

  // JSON: every element parses and has Ruff's fields.
  const FileResult json = lint_as(setup, text, OutputFormat::Json, false);
  nlohmann::json array;
  try {
    array = nlohmann::json::parse("[" + json.rendered + "]");
  } catch (const nlohmann::json::exception& e) {
    fail(std::string("invalid JSON: ") + e.what(), json.rendered);
  }
  if (array.size() != json.diagnostics) fail("diagnostic count differs from the JSON array", json.rendered);
  for (const auto& d : array) check_diagnostic(d, json.rendered);

  // Another format, chosen by the input (so a crash reproduces from its input alone).
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 16777619u;
  const OutputFormat formats[] = {OutputFormat::Full, OutputFormat::Full, OutputFormat::Concise, OutputFormat::JsonLines};
  const OutputFormat format = formats[h % 4];
  const FileResult other = lint_as(setup, text, format, (h & 4) != 0);
  if (other.diagnostics != json.diagnostics) fail("formats disagree on the number of diagnostics", other.rendered);
  if (utf8 && find_invalid_utf8(other.rendered) != std::string_view::npos) fail("output is not UTF-8", other.rendered);
  if (format == OutputFormat::JsonLines) {
    size_t pos = 0, lines = 0;
    while (pos < other.rendered.size()) {
      size_t end = other.rendered.find('\n', pos);
      if (end == std::string::npos) fail("JSON line without a newline", other.rendered);
      try {
        check_diagnostic(nlohmann::json::parse(other.rendered.substr(pos, end - pos)), other.rendered);
      } catch (const nlohmann::json::exception& e) {
        fail(std::string("invalid JSON line: ") + e.what(), other.rendered);
      }
      ++lines;
      pos = end + 1;
    }
    if (lines != other.diagnostics) fail("one JSON line per diagnostic", other.rendered);
  }
  // Deterministic: the same text again gives the same bytes.
  if (lint_as(setup, text, OutputFormat::Json, false).rendered != json.rendered) fail("not deterministic", json.rendered);
  return 0;
}
