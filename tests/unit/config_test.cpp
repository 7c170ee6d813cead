#include <catch2/catch.hpp>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "config/config.h"
#include "config/glob.h"
#include "noqa/noqa.h"
#include "engine/registry.h"
#include "config/selection.h"

using namespace lint;
namespace fs = std::filesystem;

namespace {

// A temporary folder, removed afterwards; the current directory is restored too.
struct TempDir {
  fs::path path;
  fs::path old_cwd = fs::current_path();
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "lint-config-XXXXXX").string();
    path = fs::path(mkdtemp(tmpl.data()));
  }
  ~TempDir() {
    fs::current_path(old_cwd);
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& rel, const std::string& text) const {
    const fs::path p = path / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  void enter() const { fs::current_path(path); }
};

std::vector<std::string> codes(const std::vector<const RuleSpec*>& rules) {
  std::vector<std::string> out;
  for (const RuleSpec* r : rules) out.emplace_back(r->code);
  std::sort(out.begin(), out.end());
  return out;
}

bool has(const std::vector<std::string>& v, std::string_view code) { return std::find(v.begin(), v.end(), code) != v.end(); }

Settings load(const TempDir& dir, const std::string& rel, const std::string& text) {
  const fs::path p = dir.write(rel, text);
  Settings s = load_settings_file(p.string(), p.parent_path().string());
  resolve_rules(s);
  return s;
}

// The error a configuration text gives, as `row:col: message` (the path left out).
std::string error_of(const std::string& text, const std::string& name = "lint.toml") {
  TempDir dir;
  dir.enter();
  dir.write(name, text);
  try {
    Settings s = load_settings_file(name, dir.path.string());
    resolve_rules(s);
  } catch (const ConfigError& e) {
    CHECK(e.path == name);
    return std::to_string(e.row) + ":" + std::to_string(e.column) + ": " + e.message;
  }
  return "no error";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// config/default.toml

TEST_CASE("config/default.toml parses and agrees with the built-in defaults", "[config]") {
  const std::string path = std::string(LINT_SOURCE_DIR) + "/config/default.toml";
  Settings from_file = load_settings_file(path, "/somewhere");
  resolve_rules(from_file);
  Settings builtin = default_settings("/somewhere");
  resolve_rules(builtin);

  CHECK(codes(from_file.profile.rules) == codes(builtin.profile.rules));
  CHECK(codes(from_file.profile.fixable) == codes(builtin.profile.fixable));
  CHECK(builtin.profile.fixable.size() == all_rules().size());
  CHECK(from_file.profile.forced_safe.empty());
  CHECK(from_file.profile.forced_unsafe.empty());
  CHECK(from_file.fix.value_or(false) == false);
  CHECK(!from_file.unsafe_fixes);
  CHECK(from_file.effective_line_length() == builtin.effective_line_length());
  CHECK(from_file.effective_line_length() == 88);
  CHECK(from_file.effective_target_minor() == builtin.effective_target_minor());
  CHECK(from_file.effective_target_minor() == kDefaultTargetMinor);
  CHECK(from_file.effective_respect_gitignore() == builtin.effective_respect_gitignore());
  CHECK(from_file.effective_per_file_ignores().empty());
  CHECK(from_file.python_rules.value_or(std::vector<std::string>{}).empty());
  std::vector<std::string> file_excludes, builtin_excludes;
  for (const FilePattern& p : from_file.effective_exclude()) file_excludes.push_back(p.pattern);
  for (const FilePattern& p : builtin.effective_exclude()) builtin_excludes.push_back(p.pattern);
  CHECK(file_excludes == builtin_excludes);
  CHECK(builtin_excludes == std::vector<std::string>(kDefaultExcludes.begin(), kDefaultExcludes.end()));
  REQUIRE(from_file.profile.options.size() == builtin.profile.options.size());
  for (size_t i = 0; i < builtin.profile.options.size(); ++i) {
    CHECK(from_file.profile.options[i] == builtin.profile.options[i]);
  }

  // Every setting is documented, and every rule option, at its default value.
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const toml::table doc = toml::parse(text);
  for (const std::string_view key : setting_keys()) {
    INFO(key);
    if (key == "extend" || key == "unsafe-fixes" || key == "cache-dir" || key == "select") {
      // No default value to write (or, for select, a long list): documented, commented out.
      CHECK(text.find("# " + std::string(key) + " = ") != std::string::npos);
    } else {
      CHECK(doc.contains(key));
    }
  }
  for (const RuleSpec* r : all_rules()) {
    for (const RuleOption& o : r->options) {
      INFO(r->name << "." << o.name);
      // In the rule's own table, or once for all in the linter table that sets it.
      const toml::node* table = doc.get(r->name);
      if (!table || !table->as_table()->contains(o.name)) table = doc.get(option_table(*r, o));
      REQUIRE(table);
      REQUIRE(table->as_table()->contains(o.name));
      const toml::table d = toml::parse("v = " + std::string(o.default_value));
      toml::table documented;
      documented.insert("v", *table->as_table()->get(o.name));
      CHECK(documented == d);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Each setting

TEST_CASE("select, extend-select and ignore in a configuration", "[config]") {
  TempDir dir;
  auto rules = [&](const std::string& text) { return codes(load(dir, "lint.toml", text).profile.rules); };
  CHECK(rules("select = [\"E7\"]\nignore = [\"E711\"]\n") ==
        codes(resolve(RuleSelection{std::vector<std::string>{"E7"}, {}, {"E711"}})));
  const auto e7 = rules("select = [\"E7\"]\n");
  CHECK(has(e7, "E711"));
  CHECK(!has(e7, "F401"));
  const auto extended = rules("extend-select = [\"W605\", \"unused-noqa\"]\n");
  CHECK(has(extended, "W605"));
  CHECK(has(extended, "RUF100"));
  CHECK(has(extended, "F401"));
  const auto ignored = rules("ignore = [\"F\"]\n");
  CHECK(!has(ignored, "F401"));
  CHECK(has(ignored, "E902"));
  CHECK(has(ignored, "B002"));
  // The more specific selector wins; ignore wins a tie.
  CHECK(has(rules("select = [\"E711\"]\nignore = [\"E7\"]\n"), "E711"));
  CHECK(!has(rules("select = [\"E7\"]\nignore = [\"E7\"]\n"), "E711"));
  CHECK(rules("select = []\n").empty());
}

TEST_CASE("selection layers: an extended file, the file, the command line", "[config][selection]") {
  TempDir dir;
  dir.write("base.toml", "select = [\"E\"]\nignore = [\"E711\"]\n");
  Settings s = load(dir, "lint.toml", "extend = \"base.toml\"\nextend-select = [\"F401\"]\n");
  auto c = codes(s.profile.rules);
  CHECK(has(c, "E701"));
  CHECK(!has(c, "E711"));  // the base's ignore stays
  CHECK(has(c, "F401"));
  CHECK(!has(c, "F841"));
  REQUIRE(s.extends.size() == 1);
  CHECK(fs::path(s.extends[0]).filename() == "base.toml");

  // A later `select` starts over.
  s = load(dir, "lint.toml", "extend = \"base.toml\"\nselect = [\"F841\"]\n");
  CHECK(codes(s.profile.rules) == std::vector<std::string>{"F841"});

  // Layers as Ruff applies them, command line last.
  std::vector<RuleSelection> layers(2);
  layers[0].select = std::vector<std::string>{"E7"};
  layers[1].extend_select = {"F401"};
  layers[1].ignore = {"E711"};
  c = codes(resolve(layers));
  CHECK(has(c, "E701"));
  CHECK(has(c, "F401"));
  CHECK(!has(c, "E711"));
  // An empty select with ignores passes the ignores on to the next layer.
  layers[0] = RuleSelection{std::vector<std::string>{}, {}, {"E711"}};
  layers[1] = RuleSelection{{}, {"E7"}, {}};
  c = codes(resolve(layers));
  CHECK(has(c, "E701"));
  CHECK(!has(c, "E711"));
  // `ignore = ["ALL"]` turns off the default set.
  CHECK(resolve(RuleSelection{{}, {}, {"ALL"}}).empty());
}

TEST_CASE("per-file-ignores and extend-per-file-ignores", "[config]") {
  TempDir dir;
  Settings s = load(dir, "proj/lint.toml",
                    "per-file-ignores = { \"tests/*\" = [\"F401\"], \"__init__.py\" = [\"F4\"], \"!*.pyi\" = [\"E711\"] }\n"
                    "extend-per-file-ignores = { \"gen_*.py\" = [\"unused-variable\"] }\n");
  const LintProfile& p = s.profile;
  const std::string root = (dir.path / "proj").string();
  auto ignored = [&](const std::string& rel) { return codes(p.ignored_for(root + "/" + rel)); };
  CHECK(has(ignored("tests/test_a.py"), "F401"));
  CHECK(has(ignored("tests/deep/test_a.py"), "F401"));  // `*` matches `/`, as in Ruff
  CHECK(!has(ignored("src/a.py"), "F401"));
  CHECK(has(ignored("src/__init__.py"), "F403"));   // by the file name; F4 names every F4 rule
  CHECK(has(ignored("a.py"), "E711"));              // negated: every file but stubs
  CHECK(!has(ignored("a.pyi"), "E711"));
  CHECK(has(ignored("stubs/gen_x.py"), "F841"));    // extend-per-file-ignores, by name
  CHECK(!has(ignored("stubs/x.py"), "F841"));
  CHECK(!has(ignored("other/tests/x.py"), "F401"));  // relative to the configuration's folder

  // `per-file-ignores` replaces the base's; `extend-per-file-ignores` adds to it.
  dir.write("proj/base.toml", "per-file-ignores = { \"a.py\" = [\"F401\"] }\nextend-per-file-ignores = { \"b.py\" = [\"F401\"] }\n");
  s = load(dir, "proj/lint.toml", "extend = \"base.toml\"\nper-file-ignores = { \"c.py\" = [\"F401\"] }\n");
  CHECK(!has(codes(s.profile.ignored_for(root + "/a.py")), "F401"));
  CHECK(has(codes(s.profile.ignored_for(root + "/b.py")), "F401"));
  CHECK(has(codes(s.profile.ignored_for(root + "/c.py")), "F401"));
}

TEST_CASE("exclude, extend-exclude and respect-gitignore", "[config]") {
  TempDir dir;
  const std::string root = (dir.path / "p").string();
  Settings s = load(dir, "p/lint.toml", "");
  CHECK(s.walk.respect_gitignore);
  CHECK(s.walk.excluded(root + "/.git", ".git"));
  CHECK(s.walk.excluded(root + "/x/build", "build"));
  CHECK(!s.walk.excluded(root + "/src", "src"));

  s = load(dir, "p/lint.toml", "extend-exclude = [\"generated\", \"*_pb2.py\", \"docs/conf.py\"]\nrespect-gitignore = false\n");
  CHECK(!s.walk.respect_gitignore);
  CHECK(s.walk.excluded(root + "/.git", ".git"));  // the defaults stay
  CHECK(s.walk.excluded(root + "/a/generated", "generated"));
  CHECK(s.walk.excluded(root + "/a/x_pb2.py", "x_pb2.py"));
  CHECK(s.walk.excluded(root + "/docs/conf.py", "conf.py"));
  CHECK(!s.walk.excluded(root + "/a/docs/conf.py", "conf.py"));  // anchored at the configuration's folder

  s = load(dir, "p/lint.toml", "exclude = [\"only\"]\n");
  CHECK(!s.walk.excluded(root + "/.git", ".git"));  // `exclude` replaces the defaults
  CHECK(s.walk.excluded(root + "/only", "only"));
}

TEST_CASE("line-length, target-version and python-rules", "[config]") {
  TempDir dir;
  Settings s = load(dir, "lint.toml", "line-length = 100\ntarget-version = \"py39\"\n");
  CHECK(s.effective_line_length() == 100);
  CHECK(s.effective_target_minor() == 9);
  CHECK(s.profile.target_minor == 9);
  for (int m = kMinTargetMinor; m <= kMaxTargetMinor; ++m) {
    CHECK(load(dir, "lint.toml", "target-version = \"" + target_version_name(m) + "\"\n").profile.target_minor == m);
  }
  CHECK(load(dir, "lint.toml", "").profile.target_minor == 11);  // Ruff's default

  // pyproject.toml: without target-version, requires-python decides.
  CHECK(load(dir, "pyproject.toml", "[project]\nrequires-python = \">=3.9\"\n[tool.lint]\n").profile.target_minor == 9);
  CHECK(load(dir, "pyproject.toml", "[project]\nrequires-python = \">= 3.12, <4\"\n[tool.lint]\n").profile.target_minor == 12);
  CHECK(load(dir, "pyproject.toml", "[project]\nrequires-python = \">=3.9\"\n[tool.lint]\ntarget-version = \"py313\"\n")
            .profile.target_minor == 13);

  dir.write("rules/my_rule.py", "");
  s = load(dir, "lint.toml", "python-rules = [\"rules\", \"rules/my_rule.py\"]\n");
  REQUIRE(s.python_rules);
  CHECK(*s.python_rules == std::vector<std::string>{(dir.path / "rules").string(), (dir.path / "rules/my_rule.py").string()});
}

TEST_CASE("a rule's option table", "[config]") {
  TempDir dir;
  const RuleSpec* f821 = find_rule("F821");
  REQUIRE(f821);
  auto options_of = [&](const Settings& s) {
    const auto rules = s.profile.table->rules();
    const auto it = std::find(rules.begin(), rules.end(), f821);
    REQUIRE(it != rules.end());
    return s.profile.options[static_cast<size_t>(it - rules.begin())];
  };
  CHECK(options_of(load(dir, "lint.toml", "")).strings("builtins").empty());
  CHECK(options_of(load(dir, "lint.toml", "[undefined-name]\nbuiltins = [\"_\", \"__\"]\n")).strings("builtins") ==
        std::vector<std::string>{"_", "__"});
  // By code, and in pyproject.toml.
  CHECK(options_of(load(dir, "lint.toml", "[F821]\nbuiltins = [\"x\"]\n")).strings("builtins") == std::vector<std::string>{"x"});
  CHECK(options_of(load(dir, "pyproject.toml", "[tool.lint.undefined-name]\nbuiltins = [\"y\"]\n")).strings("builtins") ==
        std::vector<std::string>{"y"});
  // The rule receives them when it is created.
  auto rule = f821->create(options_of(load(dir, "lint.toml", "[undefined-name]\nbuiltins = [\"_\"]\n")));
  CHECK(rule != nullptr);
  // A linter's table (as Ruff's plugin tables, `[tool.ruff.lint.flake8-bugbear]`) sets the option
  // for each of its rules that declares it; the rule's own table wins.
  CHECK(options_of(load(dir, "lint.toml", "[pyflakes]\nbuiltins = [\"p\"]\n")).strings("builtins") ==
        std::vector<std::string>{"p"});
  CHECK(options_of(load(dir, "lint.toml", "[pyflakes]\nbuiltins = [\"p\"]\n[F821]\nbuiltins = [\"r\"]\n"))
            .strings("builtins") == std::vector<std::string>{"r"});
}

// ---------------------------------------------------------------------------------------------
// Discovery across nested folders

TEST_CASE("the closest configuration wins", "[config][discovery]") {
  TempDir dir;
  dir.write("lint.toml", "select = [\"E\"]\n");
  dir.write("a/pyproject.toml", "[tool.lint]\nselect = [\"F\"]\n");
  dir.write("a/b/c.py", "");
  dir.write("d/pyproject.toml", "[project]\nname = \"no-lint-table\"\n");  // not a lint configuration
  dir.write("e/lint.toml", "select = [\"E7\"]\n");
  dir.write("e/.lint.toml", "select = [\"E4\"]\n");  // preferred in its folder
  dir.write("f/g/.keep", "");
  dir.enter();
  ConfigResolver resolver(ConfigOptions{});
  auto path_of = [&](const std::string& rel) {
    const Settings& s = resolver.for_directory(dir.path / rel);
    return fs::path(s.path).lexically_relative(dir.path).string();
  };
  CHECK(path_of("") == "lint.toml");
  CHECK(path_of("a") == "a/pyproject.toml");
  CHECK(path_of("a/b") == "a/pyproject.toml");
  CHECK(path_of("d") == "lint.toml");
  CHECK(path_of("e") == "e/.lint.toml");
  CHECK(path_of("f/g") == "lint.toml");
  CHECK(resolver.loaded().size() == 3);
  // Outside every configuration's tree: the one found from the current directory.
  CHECK(resolver.for_directory("/").path == (dir.path / "lint.toml").string());

  // --isolated: the defaults everywhere; --config PATH: that file everywhere.
  ConfigOptions isolated;
  isolated.isolated = true;
  ConfigResolver none(isolated);
  CHECK(none.for_directory(dir.path / "a").path.empty());
  ConfigOptions one;
  one.config_file = "e/lint.toml";
  ConfigResolver fixed(one);
  CHECK(fixed.for_directory(dir.path / "a/b").path == (dir.path / "e/lint.toml").string());
  CHECK(fixed.for_directory(dir.path / "a/b").root == dir.path.string());  // relative to the current directory

  // --config 'key = value' goes over every configuration; so does the command line.
  ConfigOptions overridden;
  overridden.overrides = {{"--config", "line-length = 120"}};
  overridden.command_line.source = "command line";
  overridden.command_line.extend_select = {Selector{"W605", {}}};
  ConfigResolver over(overridden);
  over.resolve_rules();
  for (const std::string rel : {"", "a", "e"}) {
    Settings& s = over.for_directory(dir.path / rel);
    if (!s.resolved) resolve_rules(s);
    CHECK(s.effective_line_length() == 120);
    CHECK(s.profile.enabled(find_rule("W605")));
  }
}

TEST_CASE("discovery skips what each folder's configuration excludes", "[config][discovery]") {
  TempDir dir;
  dir.write("lint.toml", "extend-exclude = [\"skipped\"]\n");
  dir.write("a.py", "");
  dir.write("skipped/b.py", "");
  dir.write("sub/lint.toml", "extend-exclude = [\"c.py\"]\n");
  dir.write("sub/c.py", "");
  dir.write("sub/d.py", "");
  dir.write("sub/skipped/e.py", "");  // sub's configuration does not exclude `skipped`
  dir.enter();
  ConfigResolver resolver(ConfigOptions{});
  std::vector<std::string> found;
  for (const SourcePath& sp : discover({"."}, resolver.discovery_options())) {
    found.push_back(fs::path(sp.absolute).lexically_relative(dir.path).string());
  }
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<std::string>{"a.py", "sub/d.py", "sub/skipped/e.py"});
  // A file named on the command line is linted whatever excludes it.
  CHECK(discover({"sub/c.py"}, resolver.discovery_options()).size() == 1);
}

// ---------------------------------------------------------------------------------------------
// Errors: each stops the run, at a position, with a suggestion where there is one.

TEST_CASE("configuration errors name their position", "[config][errors]") {
  // Unknown keys.
  CHECK(error_of("selct = [\"E\"]\n") == "1:1: unknown setting `selct`; did you mean `select`?");
  CHECK(error_of("line-length = 80\nextend-selct = []\n") == "2:1: unknown setting `extend-selct`; did you mean `extend-select`?");
  CHECK(error_of("[tool.lint]\nfrobnicate = 1\n", "pyproject.toml") == "2:1: unknown setting `frobnicate`");
  CHECK(error_of("[undefined-nam]\n") == "1:2: unknown setting `undefined-nam`; did you mean `undefined-name`?");
  CHECK(error_of("[undefined-name]\nbuiltin = []\n") == "2:1: unknown option `builtin` of the rule `undefined-name`; did you mean `builtins`?");
  CHECK(error_of("[none-comparison]\nx = 1\n") == "1:2: the rule `none-comparison` (E711) has no options");
  // Wrong types.
  CHECK(error_of("select = \"E\"\n") == "1:10: `select` must be a list of rule codes, prefixes or names, not a string");
  CHECK(error_of("ignore = [\"E\", 7]\n") == "1:16: `ignore` must be a list of rule codes, prefixes or names; this is an integer");
  CHECK(error_of("line-length = \"88\"\n") == "1:15: `line-length` must be an integer, not a string");
  CHECK(error_of("line-length = 0\n") == "1:15: `line-length` must be between 1 and 320, not 0");
  CHECK(error_of("respect-gitignore = 1\n") == "1:21: `respect-gitignore` must be a boolean (true or false), not an integer");
  CHECK(error_of("target-version = \"py3l2\"\n") == "1:18: unknown target-version `py3l2`; did you mean `py312`?");
  CHECK(error_of("target-version = \"python3\"\n") == "1:18: unknown target-version `python3` (expected one of py37 to py314)");
  CHECK(error_of("per-file-ignores = [\"a\"]\n") ==
        "1:20: `per-file-ignores` must be a table of glob patterns to lists of rule codes, not an array");
  CHECK(error_of("[undefined-name]\nbuiltins = \"_\"\n") == "2:1: `builtins` of the rule `undefined-name` must be a list of strings, not a string");
  CHECK(error_of("[pyflakes]\nbuiltin = []\n") == "2:1: unknown option `builtin` of `pyflakes`; did you mean `builtins`?");
  CHECK(error_of("[pyflakes]\nbuiltins = 1\n") == "2:1: `builtins` of `pyflakes` must be a list of strings, not an integer");
  CHECK(error_of("[tool]\nlint = 3\n", "pyproject.toml") == "2:8: `tool.lint` must be a table, not an integer");
  // Unknown rule codes and prefixes, wherever they are.
  CHECK(error_of("select = [\"E7111\"]\n") == "1:11: unknown rule selector `E7111`; did you mean `E711`?");
  CHECK(error_of("select = [\"E\", \"Q9\"]\n") == "1:16: unknown rule selector `Q9`");
  CHECK(error_of("extend-select = [\"none-comparisn\"]\n") == "1:18: unknown rule selector `none-comparisn`; did you mean `none-comparison`?");
  CHECK(error_of("per-file-ignores = { \"a.py\" = [\"F4011\"] }\n") == "1:32: unknown rule selector `F4011`; did you mean `F401`?");
  // Bad globs.
  CHECK(error_of("exclude = [\"a\", \"[b\"]\n") == "1:17: invalid glob `[b`: unclosed character class; missing ']'");
  CHECK(error_of("per-file-ignores = { \"{a\" = [\"F401\"] }\n") ==
        "1:22: invalid glob `{a`: unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)");
  CHECK(error_of("extend-exclude = [\"[z-a]\"]\n") == "1:19: invalid glob `[z-a]`: invalid range; 'z' > 'a'");
  // Invalid TOML.
  CHECK(error_of("select = [\"E\"\n") == "1:15: invalid TOML: encountered end-of-file (while parsing array)");
  CHECK(error_of("a = 1\na = 2\n") == "2:5: invalid TOML: cannot redefine existing integer 'a' (while parsing key-value pair)");
  CHECK(error_of("[project\n", "pyproject.toml").starts_with("1:9: invalid TOML: "));
  // Paths.
  CHECK(error_of("python-rules = [\"missing\"]\n") == "1:17: `python-rules`: `missing` does not exist");
  CHECK(error_of("extend = \"missing.toml\"\n") == "1:10: `extend`: `missing.toml` is not a file");
  CHECK(error_of("extend = \"lint.toml\"\n") == "1:10: `extend` makes a cycle: lint.toml -> lint.toml");
}

TEST_CASE("an error in an extended file names that file", "[config][errors]") {
  TempDir dir;
  dir.enter();
  dir.write("base.toml", "\nignore = [\"NOPE1\"]\n");
  dir.write("lint.toml", "extend = \"base.toml\"\n");
  try {
    Settings s = load_settings_file("lint.toml", dir.path.string());
    resolve_rules(s);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(e.format() == "base.toml:2:11: unknown rule selector `NOPE1`");
  }
}

TEST_CASE("overrides are checked with their own position", "[config][errors]") {
  ConfigOptions options;
  options.isolated = true;
  options.overrides = {{"--config", "line-lenght = 3"}};
  try {
    ConfigResolver r(options);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(e.format() == "--config:1:1: unknown setting `line-lenght`; did you mean `line-length`?");
  }
  options.overrides = {{"--config", "extend = \"x.toml\""}};
  CHECK_THROWS_AS(ConfigResolver(options), ConfigError);
}

// ---------------------------------------------------------------------------------------------
// Globs and codes

TEST_CASE("globs as Ruff's globset reads them", "[glob]") {
  CHECK(Glob("*.py").matches("a.py"));
  CHECK(Glob("*.py").matches("/x/y/a.py"));  // `*` matches `/`
  CHECK(!Glob("*.py").matches("a.pyi"));
  CHECK(Glob("/r/tests/**").matches("/r/tests/a/b.py"));
  CHECK(Glob("/r/**/test_*.py").matches("/r/a/b/test_x.py"));
  CHECK(Glob("a?c").matches("abc"));
  CHECK(Glob("a?c").matches("a\xC3\xA9" "c"));  // one character, not one byte
  CHECK(Glob("[ab]x").matches("bx"));
  CHECK(!Glob("[!ab]x").matches("bx"));
  CHECK(Glob("[^ab]x").matches("cx"));
  CHECK(Glob("[a-c]x").matches("bx"));
  CHECK(Glob("[]]x").matches("]x"));
  CHECK(Glob("{a,b}.py").matches("b.py"));
  CHECK(Glob("{a,{b,c}d}.py").matches("cd.py"));
  CHECK(Glob("\\*.py").matches("*.py"));
  CHECK(!Glob("\\*.py").matches("a.py"));
  CHECK(Glob("build").is_literal());
  CHECK_THROWS_WITH(Glob("[a"), "unclosed character class; missing ']'");
  CHECK_THROWS_WITH(Glob("a}"), "unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)");
  CHECK_THROWS_WITH(Glob("{a"), "unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)");
  CHECK_THROWS_WITH(Glob("a\\"), "dangling '\\'");
  CHECK_THROWS_WITH(Glob("[z-a]"), "invalid range; 'z' > 'a'");
  // Alternatives compile to an automaton: any number of them, nested up to a limit.
  CHECK(Glob("{,a}b").matches("b"));
  CHECK(Glob("{,a}b").matches("ab"));
  CHECK(Glob("a,b").matches("a,b"));
  CHECK(Glob("{a*,b}c").matches("axyzc"));
  CHECK(!Glob("{a*,b}c").matches("bxc"));
  CHECK(Glob("**/x").matches("/r/a/x"));
  std::string many, text;
  for (int i = 0; i < 30; ++i) many += "{a,b}", text += i % 3 ? "a" : "b";
  CHECK(Glob(many + ".py").matches(text + ".py"));
  CHECK(!Glob(many + ".py").matches(text + "c.py"));
  const std::string deep = std::string(Glob::kMaxNesting, '{') + "a" + std::string(Glob::kMaxNesting, '}');
  CHECK(Glob(deep).matches("a"));
  CHECK_THROWS_WITH(Glob("{" + deep + "}"), "alternate groups nested more than 256 deep");
}

TEST_CASE("the codes Ruff knows, for RUF100", "[noqa]") {
  CHECK(noqa::is_ruff_code("F401"));
  CHECK(noqa::is_ruff_code("E501"));
  CHECK(noqa::is_ruff_code("ANN101"));  // removed, still known
  CHECK(noqa::is_ruff_code("U001"));    // redirected to UP001
  CHECK(!noqa::is_ruff_code("XYZ123"));
  CHECK(!noqa::is_ruff_code("F4"));
}

TEST_CASE("the range of a directive, for RUF100", "[noqa]") {
  auto range = [](std::string_view comment) {
    const noqa::Directive d = noqa::parse_line_directive(comment);
    return std::string(comment.substr(d.start, d.end - d.start));
  };
  CHECK(range("# noqa") == "# noqa");
  CHECK(range("# noqa - because") == "# noqa");
  CHECK(range("# noqa: F401, E711 because") == "# noqa: F401, E711");
  CHECK(range("# type: ignore # noqa:E711") == "# noqa:E711");
  const noqa::Directive f = noqa::parse_file_directive("# ruff: noqa: F401 trailing");
  CHECK(f.start == 0);
  CHECK(f.end == 18);
}
