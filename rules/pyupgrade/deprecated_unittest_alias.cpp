#include <array>
#include <utility>

#include "engine/rule.h"
#include "pyupgrade/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for calls of the deprecated aliases of `unittest.TestCase` assertion methods, such as
`self.assertEquals` or `self.failUnless`.

## Why is this bad?
The aliases were deprecated in Python 3.2 and removed in Python 3.12; the methods they stand for
have always done the same job.

## Example
```python
class Test(unittest.TestCase):
    def test_sum(self):
        self.assertEquals(1 + 1, 2)
```

Use instead:
```python
class Test(unittest.TestCase):
    def test_sum(self):
        self.assertEqual(1 + 1, 2)
```
)";

constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kAliases = {{
    {"assertAlmostEquals", "assertAlmostEqual"},
    {"assertEquals", "assertEqual"},
    {"assertNotAlmostEquals", "assertNotAlmostEqual"},
    {"assertNotEquals", "assertNotEqual"},
    {"assertNotRegexpMatches", "assertNotRegex"},
    {"assertRaisesRegexp", "assertRaisesRegex"},
    {"assertRegexpMatches", "assertRegex"},
    {"assert_", "assertTrue"},
    {"failIf", "assertFalse"},
    {"failIfAlmostEqual", "assertNotAlmostEqual"},
    {"failIfEqual", "assertNotEqual"},
    {"failUnless", "assertTrue"},
    {"failUnlessAlmostEqual", "assertAlmostEqual"},
    {"failUnlessEqual", "assertEqual"},
    {"failUnlessRaises", "assertRaises"},
}};

class DeprecatedUnittestAlias final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode function = callee(node, ctx);
    if (!is(function, "attribute")) return;
    const std::string_view attr = ctx.text(field(function, "attribute"));
    if (attr.size() < 6 || (attr[0] != 'a' && attr[0] != 'f')) return;
    const TSNode object = unparenthesized(field(function, "object"));
    if (!is(object, "identifier") || ctx.text(object) != "self") return;
    for (const auto& [alias, target] : kAliases) {
      if (alias != attr) continue;
      Diagnostic& d = report(ctx, function, "`" + std::string(alias) + "` is deprecated, use `" + std::string(target) + "`");
      d.fix_title = "Replace `" + std::string(target) + "` with `" + std::string(alias) + "`";
      d.fix = Fix::safe(Edit::replace(start_of(function), end_of(function), "self." + std::string(target)));
      return;
    }
  }
};

}  // namespace

extern const RuleSpec deprecated_unittest_alias{
    .code = "UP005",
    .name = "deprecated-unittest-alias",
    .linter = "pyupgrade",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<DeprecatedUnittestAlias>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
