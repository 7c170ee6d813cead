#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `.digest().hex()` on a hash object of `hashlib`.

## Why is this bad?
Hash objects have `hexdigest()`, which gives the same string directly, without the intermediate
bytes.

## Example
```python
import hashlib

key = hashlib.sha256(data).digest().hex()
```

Use instead:
```python
import hashlib

key = hashlib.sha256(data).hexdigest()
```

## Fix safety
The fix is unsafe when the replaced text holds a comment: it would be lost. It is not offered
when `digest` is given arguments (as the `shake` algorithms need).
)";

class HashlibDigestHex final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    // `<call>.digest(...).hex()`
    const CallArguments& args = call_arguments(node, ctx);
    if (!args.args.empty() || !args.keywords.empty()) return;
    if (!is(args.function, "attribute") || ctx.text(field(args.function, "attribute")) != "hex") return;
    const TSNode digest = unparenthesized(field(args.function, "object"));
    if (!is(digest, "call")) return;
    const TSNode digest_function = unparenthesized(field(digest, "function"));
    if (!is(digest_function, "attribute") || ctx.text(field(digest_function, "attribute")) != "digest") return;
    const TSNode constructor = unparenthesized(field(digest_function, "object"));
    if (!is(constructor, "call")) return;
    candidates_.push_back({node, digest, constructor});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    static constexpr std::string_view kAlgorithms[] = {"md5",      "sha1",     "sha224",   "sha256",   "sha384",
                                                       "sha512",   "blake2b",  "blake2s",  "sha3_224", "sha3_256",
                                                       "sha3_384", "sha3_512", "shake_128", "shake_256"};
    for (const Candidate& c : candidates_) {
      const std::string q = resolve.qualified(field(c.constructor, "function"));
      if (!q.starts_with("hashlib.")) continue;
      bool known = false;
      for (std::string_view a : kAlgorithms) known |= q.substr(8) == a;
      if (!known) continue;
      Diagnostic& d = report(ctx, c.call, "Use of hashlib's `.digest().hex()`");
      d.fix_title = "Replace with `.hexdigest()`";
      const CallArguments& digest_args = call_arguments(c.digest, ctx);
      if (!digest_args.args.empty() || !digest_args.keywords.empty()) continue;
      const uint32_t start = ts_node_end_byte(c.constructor);
      const uint32_t end = ts_node_end_byte(field(c.call, "function"));
      d.fix = Fix::with(up::has_comment(c.call, start, end) ? Applicability::Unsafe : Applicability::Safe,
                        {Edit::replace(start, end, ".hexdigest")});
    }
  }

 private:
  struct Candidate {
    TSNode call, digest, constructor;
  };
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec hashlib_digest_hex{
    .code = "FURB181",
    .name = "hashlib-digest-hex",
    .linter = "refurb",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<HashlibDigestHex>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
