#include "engine/linter.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>

#include "noqa/noqa.h"
#include "engine/registry.h"
#include "syntax/syntax.h"

namespace lint {

namespace {

thread_local std::unique_ptr<Parser> tls_parser;

Parser& parser() {
  if (!tls_parser) tls_parser = std::make_unique<Parser>();
  return *tls_parser;
}

const LintProfile& profile_of(const SourcePath& path, const LintOptions& options) {
  static const LintProfile none;
  if (path.profile) return *path.profile;
  return options.profile ? *options.profile : none;
}

// The rules enabled for one file: its profile's, less what `per-file-ignores` turns off.
struct FileRules {
  const LintProfile& profile;
  std::vector<const RuleSpec*> ignored;

  FileRules(const LintProfile& p, const SourcePath& path) : profile(p) {
    if (!p.per_file_ignores.empty() && !path.absolute.empty()) ignored = p.ignored_for(path.absolute);
  }
  bool enabled(const RuleSpec* rule) const {
    return profile.enabled(rule) && std::find(ignored.begin(), ignored.end(), rule) == ignored.end();
  }
  const RuleSpec* enabled_code(std::string_view code) const {
    const RuleSpec* r = profile.enabled_code(code);
    return r && enabled(r) ? r : nullptr;
  }
};

std::string os_error(int err) { return std::string(std::strerror(err)) + " (os error " + std::to_string(err) + ")"; }

// Byte offsets are 32-bit (tree-sitter's); lint_source refuses more than this.
constexpr size_t kMaxFileSize = UINT32_MAX / 2;

// Reads a whole file without blocking on FIFOs or devices. Returns an error message, or "".
std::string read_file(const std::string& path, std::string& out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return os_error(errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return os_error(err);
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return os_error(EISDIR);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return "Not a regular file";
  }
  // Neither read gigabytes only to refuse them, nor follow a file that grows while it is read.
  if (static_cast<uintmax_t>(st.st_size) > kMaxFileSize) {
    ::close(fd);
    return "File too large";
  }
  out.clear();
  out.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    if (out.size() > kMaxFileSize) {
      ::close(fd);
      return "File too large";
    }
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return os_error(err);
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return "";
}

FileResult io_error(const SourcePath& path, const LintOptions& options, const std::string& message) {
  FileResult result;
  if (const RuleSpec* rule = FileRules(profile_of(path, options), path).enabled_code("E902")) {
    Diagnostic d;
    d.rule = rule;
    d.message = message;
    result.diagnostics = 1;
    result.found.push_back(rule);
    result.rendered = render_file(options.output, path, {d}, nullptr);
  } else {
    result.warning = "warning: Failed to lint " + path.display + ": " + message;
  }
  return result;
}

}  // namespace

bool PerFileIgnore::applies_to(std::string_view absolute_path) const {
  const size_t slash = absolute_path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? absolute_path : absolute_path.substr(slash + 1);
  const bool match = absolute.matches(absolute_path) || basename.matches(name);
  return match != negated;
}

bool LintProfile::enabled(const RuleSpec* rule) const {
  return std::binary_search(rules.begin(), rules.end(), rule,
                            [](const RuleSpec* a, const RuleSpec* b) { return a->code < b->code; });
}

const RuleSpec* LintProfile::enabled_code(std::string_view code) const {
  auto it = std::lower_bound(rules.begin(), rules.end(), code,
                             [](const RuleSpec* a, std::string_view c) { return a->code < c; });
  return it != rules.end() && (*it)->code == code ? *it : nullptr;
}

std::vector<const RuleSpec*> LintProfile::ignored_for(std::string_view absolute_path) const {
  std::vector<const RuleSpec*> out;
  for (const PerFileIgnore& entry : per_file_ignores) {
    if (entry.applies_to(absolute_path)) out.insert(out.end(), entry.rules.begin(), entry.rules.end());
  }
  return out;
}

std::shared_ptr<const DispatchTable> dispatch_table_for(const std::vector<const RuleSpec*>& native_rules) {
  static std::mutex mutex;
  static std::map<std::vector<const RuleSpec*>, std::shared_ptr<const DispatchTable>> tables;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = tables.find(native_rules);
  if (it != tables.end()) return it->second;
  // The table keeps a span of its rules: give it a copy that lives as long as it does.
  auto owned = std::make_shared<std::vector<const RuleSpec*>>(native_rules);
  auto table = std::shared_ptr<const DispatchTable>(
      new DispatchTable(*owned), [owned](const DispatchTable* t) { delete t; });
  tables.emplace(native_rules, table);
  return table;
}

FileResult lint_source(const SourcePath& path, std::string text, const LintOptions& options) {
  const LintProfile& profile = profile_of(path, options);
  static const DispatchTable empty_table({});
  const DispatchTable& table = profile.table ? *profile.table : empty_table;
  const FileRules file_rules(profile, path);
  if (find_invalid_utf8(text) != std::string_view::npos) {
    return io_error(path, options, "stream did not contain valid UTF-8");
  }
  // A byte order mark is not part of the code; columns on the first line ignore it, as in Ruff.
  std::string_view source = text;
  if (source.starts_with("\xEF\xBB\xBF")) source.remove_prefix(3);
  if (source.size() > kMaxFileSize) return io_error(path, options, "File too large");

  // Python ends a line at a lone carriage return too; tree-sitter-python does not. Replacing it
  // with a line feed keeps every byte offset, so the parse agrees with Python and with the rows
  // the line index counts.
  std::string normalized;
  if (const size_t cr = source.find('\r'); cr != std::string_view::npos) {
    for (size_t i = cr; i < source.size(); i = source.find('\r', i + 1)) {
      if (i + 1 < source.size() && source[i + 1] == '\n') continue;
      if (normalized.empty()) normalized.assign(source);
      normalized[i] = '\n';
    }
  }
  const std::string_view parse_text = normalized.empty() ? source : std::string_view(normalized);

  const LineIndex lines(parse_text);
  // What Python refuses before parsing, and tree-sitter would misreport: a NUL byte (the grammar
  // reads one as the end of a token, and the message quoted it raw), too many brackets or levels
  // of indentation. Reported alone, as Python's tokenizer stops there.
  const char* refusal = "source code cannot contain null bytes";
  std::optional<uint32_t> refused;
  if (const size_t nul = parse_text.find('\0'); nul != std::string_view::npos) refused = static_cast<uint32_t>(nul);
  if (!refused && (refused = too_many_open_brackets(parse_text))) {
    refusal = "unexpected EOF while parsing (too many unclosed brackets)";
  }
  if (!refused && (refused = too_many_indentation_levels(parse_text))) refusal = "too many levels of indentation";
  if (const auto end = refused) {
    Diagnostic d;
    d.message = refusal;
    d.start_byte = d.end_byte = *end;
    d.start = d.end = lines.location(*end);
    FileResult result;
    result.diagnostics = 1;
    result.found.push_back(nullptr);
    result.rendered = render_file(options.output, path, {d}, &lines);
    return result;
  }
  const std::string soft_keyword_fixed = rewrite_type_soft_keyword(parse_text);
  Tree tree = parser().parse(soft_keyword_fixed.empty() ? parse_text : std::string_view(soft_keyword_fixed));
  std::string rewritten;
  if (ts_node_has_error(ts_tree_root_node(tree.get()))) {
    // Try again where the grammar is stricter than Python; keep the retry only if it parses.
    rewritten = rewrite_for_parse(soft_keyword_fixed.empty() ? parse_text : std::string_view(soft_keyword_fixed));
    if (!rewritten.empty()) {
      Tree retry = parser().parse(rewritten);
      if (!ts_node_has_error(ts_tree_root_node(retry.get()))) tree = std::move(retry);
    }
  }
  Context ctx(path.display, parse_text, lines, tree.get());
  ctx.set_target_minor(profile.target_minor);

  std::vector<std::unique_ptr<Rule>> rules;
  rules.reserve(table.rules().size());
  for (size_t i = 0; i < table.rules().size(); ++i) {
    const RuleSpec* spec = table.rules()[i];
    rules.push_back(i < profile.options.size() ? spec->create(profile.options[i]) : spec->create());
    rules.back()->set_spec(spec);
  }
  WalkResult walked =
      walk(tree.get(), table, rules, ctx, table.needs_semantic() || options.python != nullptr, options.python);

  std::vector<Diagnostic>& diagnostics = ctx.diagnostics();
  std::optional<SyntaxError> error = first_syntax_error(tree.get(), parse_text);
  if (walked.python_error && (!error || walked.python_error->start_byte < error->start_byte)) {
    error = walked.python_error;
  }
  FileResult result;
  if (options.python && !error) {
    PythonRules::FileInput input{path.display, parse_text, tree.get(), &lines, walked.semantic.get(),
                                 std::move(walked.python_events)};
    PythonRules::FileOutput py = options.python->run(input);
    for (Diagnostic& d : py.diagnostics) diagnostics.push_back(std::move(d));
    for (std::string& e : py.errors) {
      result.warning += (result.warning.empty() ? "" : "\n") + e;
      result.internal_error = true;
    }
  }
  if (error) {
    // As Ruff: only token-based rules report in a file that does not parse.
    std::erase_if(diagnostics, [](const Diagnostic& d) { return !d.rule->runs_on_invalid_syntax; });
    Diagnostic d;
    d.message = error->message;
    d.start_byte = error->start_byte;
    d.end_byte = error->end_byte;
    diagnostics.push_back(std::move(d));
  }
  // Python rules run for every profile that selects any; keep what this file enables. Then
  // per-file-ignores, before noqa (a code they turn off is a "non-enabled" one for RUF100).
  std::erase_if(diagnostics, [&](const Diagnostic& d) { return d.rule && !file_rules.enabled(d.rule); });
  for (Diagnostic& d : diagnostics) {
    d.start = lines.location(d.start_byte);
    d.end = lines.location(std::max(d.start_byte, d.end_byte));
  }
  const bool json = options.output.format == OutputFormat::Json || options.output.format == OutputFormat::JsonLines;
  noqa::UnusedNoqa unused;
  if (!error) unused.rule = file_rules.enabled_code("RUF100");
  if (unused.rule) {
    unused.enabled = [&](std::string_view code) { return file_rules.enabled_code(code) != nullptr; };
    unused.known = [](std::string_view code) { return noqa::is_ruff_code(code) || find_rule(code) != nullptr; };
  }
  noqa::apply(parse_text, lines, ts_tree_root_node(tree.get()), diagnostics, json, &unused);
  std::sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.start != b.start) return a.start < b.start;
    const std::string_view ca = a.rule ? a.rule->code : "", cb = b.rule ? b.rule->code : "";
    if (ca != cb) return ca < cb;
    return a.end < b.end;
  });
  result.diagnostics = diagnostics.size();
  result.found.reserve(diagnostics.size());
  for (const Diagnostic& d : diagnostics) result.found.push_back(d.rule);
  if (!diagnostics.empty()) result.rendered = render_file(options.output, path, diagnostics, &lines);
  return result;
}

FileResult lint_path(const SourcePath& path, const LintOptions& options) {
  std::string text;
  if (std::string err = read_file(path.path, text); !err.empty()) return io_error(path, options, err);
  return lint_source(path, std::move(text), options);
}

}  // namespace lint
