// UP024 and UP041: exception classes that are aliases of a builtin one (`IOError` of `OSError`,
// `socket.timeout` of `TimeoutError`), found where exceptions are caught, raised or constructed.
// The two rules differ in the aliases, the builtin and when a comment makes the fix unsafe.
#pragma once

#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "fix/importer.h"
#include "pyupgrade/mentions.h"
#include "pyupgrade/semantic.h"

namespace lint::rules::up {

struct ErrorAliasSpec {
  std::string_view builtin;          // "OSError"
  bool (*is_alias)(std::string_view qualified, int target_minor);
  bool comments_make_unsafe;         // UP041 makes a fix over a comment unsafe; UP024 does not
  // The last segments of the aliases' qualified names (see mentions_any): a file that writes
  // none of them holds no alias, and the rule keeps no nodes for it.
  std::span<const std::string_view> last_segments;
};

class ErrorAliasRule : public Rule {
 public:
  explicit ErrorAliasRule(const ErrorAliasSpec& spec) : spec_(spec) {}

  void enter(TSNode node, Context& ctx) override {
    if (mentioned_ < 0) mentioned_ = mentions_any(ctx.source(), spec_.last_segments);
    if (!mentioned_) return;
    const std::string_view k = kind(node);
    if (k == "call") {
      const TSNode function = callee(node, ctx);
      if (is(function, "identifier") || is(function, "attribute")) atoms_.push_back(function);
    } else if (k == "raise_statement") {
      const TSNode cause = field(node, "cause");
      for (TSNode c : children(node)) {
        if (!is_named_child(c) || ts_node_eq(c, cause)) continue;
        const TSNode e = unparenthesized(c);
        if (is(e, "identifier") || is(e, "attribute")) atoms_.push_back(e);
        break;
      }
    } else {
      const TSNode type = except_type(node);
      if (ts_node_is_null(type)) return;
      const TSNode e = unparenthesized(type);
      if (is(e, "identifier") || is(e, "attribute")) {
        atoms_.push_back(e);
      } else if (is(e, "tuple")) {
        tuples_.push_back(e);
      }
    }
    (void)ctx;
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const Resolver resolve(*m, ctx);
    Importer importer(ctx, resolve.model());
    const int minor = ctx.target_minor();
    auto alias = [&](TSNode e) {
      const std::string q = resolve.qualified(e);
      return !q.empty() && spec_.is_alias(q, minor);
    };
    for (TSNode e : atoms_) {
      if (!alias(e)) continue;
      const std::string name = dotted_name(e, ctx);
      Diagnostic& d = report(ctx, e, message());
      d.fix_title = name.empty() ? "Replace with builtin `" + std::string(spec_.builtin) + "`"
                                 : "Replace `" + name + "` with builtin `" + std::string(spec_.builtin) + "`";
      if (std::optional<ImportedSymbol> builtin = importer.builtin_symbol(spec_.builtin, start_of(e))) {
        const bool unsafe = spec_.comments_make_unsafe && has_comment(e, start_of(e), end_of(e));
        std::vector<Edit> edits{Edit::replace(start_of(e), end_of(e), builtin->name)};
        if (builtin->edit) edits.push_back(std::move(*builtin->edit));
        d.fix = Fix::with(unsafe ? Applicability::Unsafe : Applicability::Safe, std::move(edits));
      }
    }
    for (TSNode tuple : tuples_) {
      std::vector<TSNode> elements = named_children(tuple);
      std::vector<TSNode> remaining;
      bool any = false;
      for (TSNode el : elements) {
        if (alias(el)) {
          any = true;
        } else {
          remaining.push_back(el);
        }
      }
      if (!any) continue;
      Diagnostic& d = report(ctx, tuple, message());
      d.fix_title = "Replace with builtin `" + std::string(spec_.builtin) + "`";
      if (!resolve.has_builtin_binding(spec_.builtin, start_of(tuple))) continue;
      bool present = false;
      for (TSNode el : elements) present |= resolve.match_builtin(el, spec_.builtin);
      std::vector<std::string> parts;
      if (!present) parts.emplace_back(spec_.builtin);
      for (TSNode el : remaining) parts.push_back(simple_source(el, ctx));
      std::string content;
      if (parts.size() == 1) {
        content = parts[0];
      } else {
        content = "(";
        for (size_t i = 0; i < parts.size(); ++i) content += (i ? ", " : "") + parts[i];
        content += ")";
      }
      const bool unsafe = spec_.comments_make_unsafe && has_comment(tuple, start_of(tuple), end_of(tuple));
      d.fix = Fix::with(unsafe ? Applicability::Unsafe : Applicability::Safe,
                        {Edit::replace(start_of(tuple), end_of(tuple), pad(content, start_of(tuple), end_of(tuple), ctx))});
    }
  }

 private:
  std::string message() const { return "Replace aliased errors with `" + std::string(spec_.builtin) + "`"; }

  // How Ruff's code generator prints a tuple element: a dotted name without its parentheses or
  // spaces; anything else as written.
  static std::string simple_source(TSNode el, const Context& ctx) {
    std::string name = dotted_name(el, ctx);
    return name.empty() ? std::string(ctx.text(unparenthesized(el))) : name;
  }

  const ErrorAliasSpec& spec_;
  std::vector<TSNode> atoms_;
  std::vector<TSNode> tuples_;
  int mentioned_ = -1;  // whether the file writes an alias's name (-1: not known yet)
};

}  // namespace lint::rules::up
