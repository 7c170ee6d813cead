#include "engine/linter.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>
#include <unordered_map>

#include "cache/cache.h"
#include "fix/diff.h"
#include "noqa/noqa.h"
#include "notebook/notebook.h"
#include "engine/registry.h"
#include "output/terminal.h"
#include "syntax/semantic_syntax.h"
#include "syntax/syntax.h"

namespace lint {

namespace {

// Ruff sorts a file's diagnostics by their start alone, keeping the order its checkers produced
// them in where they start at one place; src/engine/ruff_order.inc is that order by rule. A
// syntax error comes first, a rule Ruff does not have (a user's Python rule) last.
int ruff_order(const Diagnostic& d) {
  static constexpr std::string_view kOrder[] = {
#include "engine/ruff_order.inc"
  };
  static const std::unordered_map<std::string_view, int> rank = [] {
    std::unordered_map<std::string_view, int> r;
    for (const std::string_view code : kOrder) r.emplace(code, static_cast<int>(r.size()));
    return r;
  }();
  if (!d.rule) return -1;
  const auto it = rank.find(d.rule->code);
  return it == rank.end() ? static_cast<int>(rank.size()) : it->second;
}

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
constexpr size_t kMaxFileSize = kMaxSourceSize;

// Reads a whole file without blocking on FIFOs or devices. Returns an error message, or "".
std::string read_file(const std::string& path, std::string& out, ReadStamp& stamp) {
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
  stamp.valid = true;
  stamp.device = static_cast<unsigned long long>(st.st_dev);
  stamp.inode = static_cast<unsigned long long>(st.st_ino);
  stamp.size = static_cast<long long>(st.st_size);
  stamp.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
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
    if (is_document_format(options.output.format)) result.reported = reported({d}, nullptr);
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

namespace {

bool contains_rule(const std::vector<const RuleSpec*>& sorted, const RuleSpec* rule) {
  return std::binary_search(sorted.begin(), sorted.end(), rule,
                            [](const RuleSpec* a, const RuleSpec* b) { return a->code < b->code; });
}

}  // namespace

bool LintProfile::is_fixable(const RuleSpec* rule) const { return contains_rule(fixable, rule); }

Applicability LintProfile::applicability(const RuleSpec* rule, Applicability a) const {
  if (a == Applicability::DisplayOnly) return a;
  if (contains_rule(forced_unsafe, rule)) return Applicability::Unsafe;
  if (contains_rule(forced_safe, rule)) return Applicability::Safe;
  return a;
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

namespace {

// One lint pass over a file's text: its diagnostics after per-file-ignores and noqa, sorted, with
// what they point into. Kept behind a pointer: `lines` views `source`, which may view `normalized`.
struct Pass {
  std::string text;              // the file's bytes
  std::string normalized;        // the text with lone carriage returns made line feeds, if any
  std::string_view source;       // what the rules saw: the text after a byte order mark
  size_t bom = 0;                // bytes of byte order mark before `source`
  std::optional<LineIndex> lines;
  std::vector<Diagnostic> diagnostics;
  bool syntax_error = false;     // the text does not parse (or Python refuses it)
  std::optional<std::string> io_error;  // not UTF-8, too large: E902 instead of diagnostics
  std::string warning;
  bool internal_error = false;
  // A notebook's joined cells: where each cell starts (and the end), and its escape commands.
  std::vector<uint32_t> cell_offsets;
  std::vector<std::pair<uint32_t, uint32_t>> escapes;
  // What output shows: `source` with the escape commands the parser did not see (same offsets).
  std::string unmasked;
  std::optional<LineIndex> unmasked_lines;
  std::string_view shown() const { return unmasked_lines ? std::string_view(unmasked) : source; }
  const LineIndex& shown_lines() const { return unmasked_lines ? *unmasked_lines : *lines; }
};

// A pass's text, ready for rules or for cached diagnostics: checked (UTF-8, size), without its
// byte order mark, lone carriage returns made line feeds, and its line index. For a notebook's
// cells (`cells`: their offsets), IPython's escape commands are masked for the parser.
std::unique_ptr<Pass> prepare(std::string file_text, const std::vector<uint32_t>* cells = nullptr) {
  auto pass = std::make_unique<Pass>();
  Pass& out = *pass;
  out.text = std::move(file_text);
  if (cells) out.cell_offsets = *cells;
  const std::string_view text = out.text;
  if (find_invalid_utf8(text) != std::string_view::npos) {
    out.io_error = "stream did not contain valid UTF-8";
    return pass;
  }
  // A byte order mark is not part of the code; columns on the first line ignore it, as in Ruff.
  std::string_view source = text;
  if (source.starts_with("\xEF\xBB\xBF")) {
    source.remove_prefix(3);
    out.bom = 3;
  }
  if (source.size() > kMaxFileSize) {
    out.io_error = "File too large";
    return pass;
  }

  // Python ends a line at a lone carriage return too; tree-sitter-python does not. Replacing it
  // with a line feed keeps every byte offset, so the parse agrees with Python and with the rows
  // the line index counts.
  if (const size_t cr = source.find('\r'); cr != std::string_view::npos) {
    for (size_t i = cr; i < source.size(); i = source.find('\r', i + 1)) {
      if (i + 1 < source.size() && source[i + 1] == '\n') continue;
      if (out.normalized.empty()) out.normalized.assign(source);
      out.normalized[i] = '\n';
    }
  }
  if (cells) {
    const std::string_view before = out.normalized.empty() ? source : std::string_view(out.normalized);
    std::string masked = mask_escape_commands(before, out.escapes);
    if (!masked.empty()) {
      out.unmasked.assign(before);
      out.unmasked_lines.emplace(out.unmasked);
      out.normalized = std::move(masked);
    }
  }
  out.source = out.normalized.empty() ? source : std::string_view(out.normalized);
  out.lines.emplace(out.source);
  return pass;
}

// What Python refuses before parsing, and tree-sitter would misreport: a NUL byte (the grammar
// reads one as the end of a token, and the message quoted it raw), too many brackets or levels
// of indentation. Reported alone, as Python's tokenizer stops there.
std::optional<SyntaxError> refuse_before_parsing(std::string_view text) {
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    const auto at = static_cast<uint32_t>(nul);
    return SyntaxError{at, at, "source code cannot contain null bytes"};
  }
  if (const std::optional<uint32_t> at = too_many_open_brackets(text)) {
    return SyntaxError{*at, *at, "unexpected EOF while parsing (too many unclosed brackets)"};
  }
  if (const std::optional<uint32_t> at = too_many_indentation_levels(text)) {
    return SyntaxError{*at, *at, "too many levels of indentation"};
  }
  return std::nullopt;
}

// Parses as Python reads the text: what the grammar reads otherwise is rewritten at the same
// offsets before parsing, or after a parse with errors (kept only if it then parses).
Tree parse_as_python(Parser& parser, std::string_view text) {
  std::string parse_input = rewrite_type_soft_keyword(text);
  if (std::string joined = join_continuation_runs(parse_input.empty() ? text : parse_input); !joined.empty()) {
    parse_input = std::move(joined);
  }
  Tree tree = parser.parse(parse_input.empty() ? text : std::string_view(parse_input));
  if (ts_node_has_error(ts_tree_root_node(tree.get()))) {
    const std::string rewritten = rewrite_for_parse(parse_input.empty() ? text : std::string_view(parse_input));
    if (!rewritten.empty()) {
      Tree retry = parser.parse(rewritten);
      if (!ts_node_has_error(ts_tree_root_node(retry.get()))) tree = std::move(retry);
    }
  }
  return tree;
}

std::unique_ptr<Pass> check(const SourcePath& path, std::string file_text, const LintOptions& options,
                            const std::vector<uint32_t>* cells = nullptr,
                            const std::vector<uint32_t>* cell_numbers = nullptr) {
  std::unique_ptr<Pass> pass = prepare(std::move(file_text), cells);
  Pass& out = *pass;
  if (out.io_error) return pass;
  const LintProfile& profile = profile_of(path, options);
  static const DispatchTable empty_table({});
  const DispatchTable& table = profile.table ? *profile.table : empty_table;
  const FileRules file_rules(profile, path);
  const std::string_view source = std::string_view(out.text).substr(out.bom);
  const std::string_view parse_text = out.source;
  const LineIndex& lines = *out.lines;
  if (std::optional<SyntaxError> refusal = refuse_before_parsing(parse_text)) {
    Diagnostic d;
    d.message = std::move(refusal->message);
    d.start_byte = d.end_byte = refusal->start_byte;
    d.start = d.end = lines.location(refusal->start_byte);
    out.diagnostics.push_back(std::move(d));
    out.syntax_error = true;
    return pass;
  }
  std::optional<FileTiming> timing;
  if (options.timing) timing.emplace();
  const TimingClock::time_point parse_start = timing ? TimingClock::now() : TimingClock::time_point{};
  Tree tree = parse_as_python(parser(), parse_text);
  if (timing) timing->add(Phase::Parse, elapsed_ns(parse_start));
  Context ctx(path.display, parse_text, lines, tree.get());
  ctx.set_original(source);
  ctx.set_target_minor(profile.target_minor);
  ctx.set_line_length(profile.line_length);
  ctx.set_project(path.absolute, &profile.src);
  ctx.set_typing_modules(&profile.typing_modules);
  if (cells) ctx.set_notebook(out.cell_offsets, out.escapes, cell_numbers);
  ctx.set_rule_enabled([&](std::string_view code) { return file_rules.enabled_code(code) != nullptr; });

  std::vector<std::unique_ptr<Rule>> rules;
  rules.reserve(table.rules().size());
  for (size_t i = 0; i < table.rules().size(); ++i) {
    const RuleSpec* spec = table.rules()[i];
    rules.push_back(i < profile.options.size() ? spec->create(profile.options[i]) : spec->create());
    rules.back()->set_spec(spec);
  }
  WalkResult walked =
      walk(tree.get(), table, rules, ctx, table.needs_semantic(), options.python,
           timing ? &*timing : nullptr, profile.syntax_minor);

  std::vector<Diagnostic>& diagnostics = ctx.diagnostics();
  // Every syntax error: what tree-sitter rejects and what Python 3 alone rejects, in order.
  std::vector<SyntaxError> errors = syntax_errors(tree.get(), parse_text);
  errors.insert(errors.end(), std::make_move_iterator(walked.python_errors.begin()),
                std::make_move_iterator(walked.python_errors.end()));
  std::stable_sort(errors.begin(), errors.end(),
                   [](const SyntaxError& a, const SyntaxError& b) { return a.start_byte < b.start_byte; });
  // Errors Python raises after parsing count only in a file that parses, and do not stop linting.
  std::vector<SyntaxError> semantic_errors;
  for (SyntaxError& e : errors) {
    if (e.semantic) semantic_errors.push_back(std::move(e));
  }
  std::erase_if(errors, [](const SyntaxError& e) { return e.semantic; });
  const bool error = !errors.empty();
  if (error) semantic_errors.clear();
  apply_target_version(semantic_errors, profile.syntax_minor);
  if (options.python && !error) {
    PythonRules::FileInput input{path.display, parse_text, tree.get(), &lines, walked.semantic.get(),
                                 std::move(walked.python), source, &ctx.cell_offsets(),
                                 timing ? &*timing : nullptr, profile.target_minor, ctx.is_notebook(), nullptr,
                                 &profile.python_options, {}, {}};
    PythonRules::FileOutput py = options.python->run(input);
    for (Diagnostic& d : py.diagnostics) {
      // A rule's own text: one line, without controls, in every format (output/terminal.h).
      d.message = terminal_line(d.message);
      d.fix_title = terminal_line(d.fix_title);
      diagnostics.push_back(std::move(d));
    }
    for (std::string& e : py.errors) {
      out.warning += (out.warning.empty() ? "" : "\n") + terminal_text(e);
      out.internal_error = true;
    }
  }
  // (A file that does not parse is not fixed at all: no warning for it.)
  if (const auto [dropped, limit] = ctx.bound_fixes(); dropped > 0 && !error) {
    out.warning += (out.warning.empty() ? "" : "\n") + std::string("warning: Dropped the fixes of ") +
                   std::to_string(dropped) + " diagnostics in " + path.display + ": their new text exceeds " +
                   std::to_string(limit >> 20) + " MB, lint's limit for one file (16 MB plus four times its size)";
  }
  if (timing) options.timing->add(*timing);
  if (error) {
    // As Ruff: only token-based rules report in a file that does not parse, and nothing is fixed.
    std::erase_if(diagnostics, [](const Diagnostic& d) { return !d.rule->runs_on_invalid_syntax; });
    for (Diagnostic& d : diagnostics) d.fix.reset();
    for (SyntaxError& e : errors) {
      Diagnostic d;
      d.message = std::move(e.message);
      d.start_byte = e.start_byte;
      d.end_byte = e.end_byte;
      diagnostics.push_back(std::move(d));
    }
    out.syntax_error = true;
  }
  walked.version_errors.insert(walked.version_errors.end(), std::make_move_iterator(semantic_errors.begin()),
                              std::make_move_iterator(semantic_errors.end()));
  // Syntax newer than the target-version: reported, and the file linted as usual.
  for (SyntaxError& e : walked.version_errors) {
    Diagnostic d;
    d.message = std::move(e.message);
    d.start_byte = e.start_byte;
    d.end_byte = e.end_byte;
    diagnostics.push_back(std::move(d));
  }
  // Python rules run for every profile that selects any; keep what this file enables. Then
  // per-file-ignores, before noqa (a code they turn off is a "non-enabled" one for RUF100).
  std::erase_if(diagnostics, [&](const Diagnostic& d) { return d.rule && !file_rules.enabled(d.rule); });
  for (Diagnostic& d : diagnostics) {
    d.start = lines.location(d.start_byte);
    d.end = lines.location(std::max(d.start_byte, d.end_byte));
    for (Annotation& a : d.secondary) {
      a.start = lines.location(a.start_byte);
      a.end = lines.location(std::max(a.start_byte, a.end_byte));
    }
  }
  const bool json = options.output.format == OutputFormat::Json || options.output.format == OutputFormat::JsonLines;
  noqa::UnusedNoqa unused;
  if (!error) unused.rule = file_rules.enabled_code("RUF100");
  if (unused.rule) {
    unused.enabled = [&](std::string_view code) { return file_rules.enabled_code(code) != nullptr; };
    unused.known = [](std::string_view code) { return noqa::is_ruff_code(code) || find_rule(code) != nullptr; };
  }
  noqa::apply(parse_text, lines, ts_tree_root_node(tree.get()), diagnostics, json, &unused);
  // `fixable` / `unfixable` drop fixes; `extend-safe-fixes` / `extend-unsafe-fixes` change them.
  for (Diagnostic& d : diagnostics) {
    if (!d.fix || !d.rule) continue;
    if (!profile.is_fixable(d.rule)) d.fix.reset();
    else d.fix->set_applicability(profile.applicability(d.rule, d.fix->applicability()));
  }
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.start != b.start) return a.start < b.start;
    const int ra = ruff_order(a), rb = ruff_order(b);
    if (ra != rb) return ra < rb;
    const std::string_view ca = a.rule ? a.rule->code : "", cb = b.rule ? b.rule->code : "";
    if (ca != cb) return ca < cb;
    return a.end < b.end;
  });
  out.diagnostics = std::move(diagnostics);
  return pass;
}

// The rule codes of fixes, for messages: "E711, F401".
std::string codes_of(const FixCounts& counts) {
  std::vector<std::string_view> codes;
  for (const auto& [rule, n] : counts) codes.push_back(rule->code);
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  std::string out;
  for (const std::string_view c : codes) out += (out.empty() ? "" : ", ") + std::string(c);
  return out;
}

// The file's result from its last pass (of a notebook's cells when `notebook` is set).
FileResult result_of(const SourcePath& path, const Pass& pass, const LintOptions& options,
                     const Notebook* notebook = nullptr) {
  if (pass.io_error) return io_error(path, options, *pass.io_error);
  FileResult result;
  result.warning = pass.warning;
  result.internal_error = pass.internal_error;
  const Applicability required = options.fix.required();
  result.diagnostics = pass.diagnostics.size();
  result.found.reserve(pass.diagnostics.size());
  for (const Diagnostic& d : pass.diagnostics) {
    const bool applies = d.fix && d.fix->applies(required);
    result.found.push_back(d.rule);
    result.found_fixable.push_back(applies);
    result.fixable += applies;
    result.unsafe_hidden += d.fix && !applies && d.fix->applicability() == Applicability::Unsafe;
  }
  if (!pass.diagnostics.empty()) {
    RenderContext rc;
    rc.source = pass.shown();
    rc.required = required;
    rc.show_fix_status = options.fix.mode == FixOptions::Mode::Report;
    std::optional<CellIndex> cells;
    if (notebook) {
      cells.emplace(pass.source, pass.cell_offsets, notebook->cell_numbers());
      rc.cells = &*cells;
    }
    result.rendered = render_file(options.output, path, pass.diagnostics, &pass.shown_lines(), &rc);
    // Held until the end of the run: without the room its appends left (up to as much again).
    result.rendered.shrink_to_fit();
    if (is_document_format(options.output.format)) result.reported = reported(pass.diagnostics, &*pass.lines);
  }
  return result;
}

}  // namespace

namespace {

// Lints a file's text, or a notebook's joined cells (`notebook`), with the fix rounds when fixes
// are on; writes the fixed file back when `stamp` says what was read.
FileResult lint_text(const SourcePath& path, std::string text, const LintOptions& options, const ReadStamp* stamp,
                     const Notebook* notebook) {
  const std::vector<uint32_t>* cells = notebook ? &notebook->cell_offsets() : nullptr;
  const std::vector<uint32_t>* numbers = notebook ? &notebook->cell_numbers() : nullptr;
  if (options.fix.mode == FixOptions::Mode::Report && options.cache && !path.is_stdin) {
    // The diagnostics of the same text with the same settings, if a run kept them (a
    // notebook's key is its whole JSON: cell numbers are part of its result).
    const CacheKey key = ResultCache::file_key(profile_of(path, options).cache_key, path.absolute,
                                               notebook ? std::string_view(notebook->json()) : std::string_view(text));
    if (std::optional<std::vector<Diagnostic>> cached = options.cache->load(key)) {
      std::unique_ptr<Pass> pass = prepare(std::move(text), cells);
      if (!pass->io_error) pass->diagnostics = std::move(*cached);
      return result_of(path, *pass, options, notebook);
    }
    std::unique_ptr<Pass> pass = check(path, std::move(text), options, cells, numbers);
    // Only results that are the file's alone: not a Python rule's error, not an unreadable file.
    if (!pass->io_error && !pass->internal_error && pass->warning.empty()) options.cache->store(key, pass->diagnostics);
    return result_of(path, *pass, options, notebook);
  }
  std::unique_ptr<Pass> first = check(path, std::move(text), options, cells, numbers);
  if (options.fix.mode == FixOptions::Mode::Report || first->io_error) return result_of(path, *first, options, notebook);

  // Fix, lint again, fix again... until no fix applies.
  const std::string& original = first->text;
  std::unique_ptr<Pass> pass;
  FixCounts fixed;
  const Pass* last = first.get();
  bool converged = true;
  for (int round = 0;; ++round) {
    AppliedFixes applied =
        apply_fixes(std::string_view(last->text).substr(last->bom), last->diagnostics, options.fix.required());
    if (applied.counts.empty()) break;
    if (round == kMaxFixRounds) {
      converged = false;
      break;
    }
    std::vector<uint32_t> moved;
    if (notebook) {
      // The cells move with the text: an edit before a cell's start shifts it.
      std::vector<OffsetEdit> edits;
      for (const AppliedFixes::Applied& e : applied.edits) edits.push_back({e.start, e.end, e.length});
      moved = move_offsets(last->cell_offsets, edits);
    }
    std::unique_ptr<Pass> next =
        check(path, last->text.substr(0, last->bom) + applied.text, options, notebook ? &moved : nullptr, numbers);
    if (!first->syntax_error && next->syntax_error) {
      // Never worse than before: the file is left as it was.
      add_counts(fixed, applied.counts);
      FileResult r = result_of(path, *first, options, notebook);
      r.warning += (r.warning.empty() ? "" : "\n") + std::string("error: Fix introduced a syntax error in `") +
                   path.display + "` with rule codes " + codes_of(fixed) + "; reverting all changes to the file";
      r.internal_error = true;
      if (path.is_stdin && options.fix.mode == FixOptions::Mode::Apply) {
        r.fixed_source_set = true;
        r.fixed_source = original;
      }
      return r;
    }
    add_counts(fixed, applied.counts);
    pass = std::move(next);
    last = pass.get();
  }

  FileResult result = result_of(path, *last, options, notebook);
  if (!converged) {
    // Keep what the rounds so far did, as Ruff does, and say which rules keep fixing.
    FixCounts still;
    for (const Diagnostic& d : last->diagnostics) {
      if (d.rule && d.fix && d.fix->applies(options.fix.required())) add_counts(still, {{d.rule, 1}});
    }
    result.warning += (result.warning.empty() ? "" : "\n") + std::string("warning: Failed to converge after ") +
                      std::to_string(kMaxFixRounds) + " fix rounds in `" + path.display + "` with rule codes " +
                      codes_of(still);
  }
  result.fixed = fixed;
  // What the file holds before and after: a notebook's JSON gets its cells' new sources.
  const std::string before = notebook ? notebook->json() : original;
  const std::string after =
      last == first.get() ? before : notebook ? notebook->with_source(last->text, last->cell_offsets) : last->text;
  if (options.fix.mode == FixOptions::Mode::Diff) {
    if (after != before) {
      // Standard input's diff is headed by its --stdin-filename, if any, as Ruff's.
      const std::string name = path.is_stdin && path.display == "-" ? "" : path.display;
      result.diff = unified_diff(before, after, name, name);
    }
  } else if (path.is_stdin) {
    result.fixed_source_set = true;
    result.fixed_source = after;
  } else if (stamp && after != before) {
    if (std::string err = write_fixed_file(path.path, before, *stamp, after); !err.empty()) {
      result.warning += (result.warning.empty() ? "" : "\n") + std::string("error: Failed to write ") + path.display +
                        ": " + err;
      result.internal_error = true;
      result.fixed.clear();
    }
  }
  return result;
}

}  // namespace

FileResult lint_source(const SourcePath& path, std::string text, const LintOptions& options, const ReadStamp* stamp) {
  return lint_text(path, std::move(text), options, stamp, nullptr);
}

FileResult unreadable(const SourcePath& path, const LintOptions& options, const std::string& message) {
  return io_error(path, options, message);
}

std::string read_and_parse(const std::string& path, std::string& text, Tree& tree) {
  ReadStamp stamp;
  std::string raw;
  if (std::string err = read_file(path, raw, stamp); !err.empty()) return err;
  std::unique_ptr<Pass> pass = prepare(std::move(raw));
  if (pass->io_error) return *pass->io_error;
  if (std::optional<SyntaxError> refusal = refuse_before_parsing(pass->source)) {
    const Location at = pass->lines->location(refusal->start_byte);
    return std::to_string(at.row) + ":" + std::to_string(at.column) + ": invalid-syntax: " + refusal->message;
  }
  tree = parse_as_python(parser(), pass->source);
  text.assign(pass->source);
  return "";
}

TreeDump dump_tree(const SourcePath& path) {
  TreeDump out;
  std::string text;
  Tree tree;
  if (std::string err = read_and_parse(path.path, text, tree); !err.empty()) {
    // A refused text says where ("row:col: ..."); an unreadable file is E902 at 1:1.
    const bool located = !err.empty() && std::isdigit(static_cast<unsigned char>(err[0]));
    out.error = path.display + ":" + (located ? err : "1:1: E902 " + err);
    return out;
  }
  out.tree = tree_string(ts_tree_root_node(tree.get()), text);
  return out;
}

FileResult lint_path(const SourcePath& path, const LintOptions& options) {
  std::string text;
  ReadStamp stamp;
  if (std::string err = read_file(path.path, text, stamp); !err.empty()) return io_error(path, options, err);
  if (path.notebook) {
    // A notebook that is not one is a syntax error at 1:1, as in Ruff.
    std::string error;
    std::optional<Notebook> notebook = Notebook::parse(std::move(text), error);
    if (!notebook) {
      Diagnostic d;
      d.message = error;
      FileResult result;
      result.diagnostics = 1;
      result.found.push_back(nullptr);
      result.found_fixable.push_back(false);
      result.rendered = render_file(options.output, path, {d}, nullptr);
      if (is_document_format(options.output.format)) result.reported = reported({d}, nullptr);
      return result;
    }
    if (!notebook->is_python()) return FileResult{};
    return lint_text(path, notebook->source(), options, &stamp, &*notebook);
  }
  return lint_source(path, std::move(text), options, &stamp);
}

}  // namespace lint
