#include "engine/traversal.h"

#include <string>
#include <vector>

#include "syntax/syntax.h"

namespace lint {

namespace {

// Leaves that mean nothing to the semantic model, which skips them: tokens (anonymous symbols:
// keywords, operators, punctuation), the pieces of a string literal (the model reads a string
// whole), and comments. They are well over a third of all nodes.
const std::vector<uint8_t>& model_skips() {
  static const std::vector<uint8_t> skips = [] {
    const TSLanguage* lang = python_language();
    std::vector<uint8_t> v(ts_language_symbol_count(lang) + 1, 0);
    for (TSSymbol s = 0; s < ts_language_symbol_count(lang); ++s) {
      const std::string_view name = ts_language_symbol_name(lang, s);
      v[s] = ts_language_symbol_type(lang, s) == TSSymbolTypeAnonymous || name == "string_start" ||
             name == "string_content" || name == "string_end" || name == "escape_sequence" || name == "comment";
    }
    return v;
  }();
  return skips;
}

}  // namespace

DispatchTable::DispatchTable(std::span<const RuleSpec* const> rules) : rules_(rules) {
  const TSLanguage* lang = python_language();
  by_symbol_.resize(ts_language_symbol_count(lang));
  leave_by_symbol_.resize(by_symbol_.size());
  for (size_t i = 0; i < rules.size(); ++i) {
    needs_semantic_ |= rules[i]->needs_semantic;
    for (std::string_view k : rules[i]->kinds) {
      const TSSymbol s = kind_symbol(k);
      if (s == 0) {
        throw UnknownNodeKind("rule " + std::string(rules[i]->code) + " (" + std::string(rules[i]->name) +
                              ") visits unknown node kind `" + std::string(k) + "`");
      }
      by_symbol_[s].push_back(static_cast<uint16_t>(i));
      if (rules[i]->create.leaves()) {
        leave_by_symbol_[s].push_back(static_cast<uint16_t>(i));
        any_leave_ = true;
      }
    }
  }
}

std::unique_ptr<SemanticModel> build_semantic_model(const TSTree* tree, std::string_view source, std::string_view path,
                                                    int target_minor, bool notebook) {
  const TSNode root = ts_tree_root_node(tree);
  if (ts_node_has_error(root)) return nullptr;
  SemanticBuilder builder(source, path);
  builder.set_target_minor(target_minor);
  builder.set_notebook(notebook);
  const std::vector<uint8_t>& skips = model_skips();
  for_each_node(root, [&](const TSTreeCursor& cursor, bool entering) {
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    if (ts_node_has_error(n)) return;
    const TSSymbol s = ts_node_symbol(n);
    if (s < skips.size() && skips[s] && ts_node_child_count(n) == 0) return;
    if (entering) builder.enter(n, cursor);
    else builder.leave(n);
  });
  return builder.resolve();
}

WalkResult walk(const TSTree* tree, const DispatchTable& table, std::span<const std::unique_ptr<Rule>> rules,
                Context& ctx, bool semantic, const PythonRules* python, FileTiming* timing, int syntax_minor) {
  WalkResult result;
  const TSNode root = ts_tree_root_node(tree);
  std::unique_ptr<SemanticBuilder> builder;
  if (semantic && !ts_node_has_error(root)) {
    builder = std::make_unique<SemanticBuilder>(ctx.source(), ctx.path());
    builder->set_target_minor(ctx.target_minor());
    builder->set_notebook(ctx.is_notebook());
    builder->set_typing_modules(ctx.typing_modules());
  }
  const std::vector<uint8_t>& skips = model_skips();
  // With timing on, each rule's calls are timed (cost[i] for rule i) and counted.
  std::vector<RuleCost> cost(timing ? rules.size() : 0);
  uint64_t semantic_ns = 0;
  const TimingClock::time_point walk_start = timing ? TimingClock::now() : TimingClock::time_point{};
  auto timed = [&](uint16_t i, bool node, auto&& call) {
    const TimingClock::time_point start = TimingClock::now();
    call();
    cost[i].native_ns += elapsed_ns(start);
    cost[i].nodes += node;
  };
  PythonCollector* collect = python ? &result.python : nullptr;
  if (python) python->start(result.python, ctx.source());
  // Depth first without recursion (trees can be 100,000 deep), as for_each_node, but a leaf's
  // node and symbol are read once for entering and leaving it, and leaving is skipped when
  // nothing listens (no builder, no Python rule's leave_ method or query, no rule that overrides
  // leave()): leaves are most of the nodes.
  const bool any_leave = builder || (collect && python->listens_on_leave) || table.any_leave();
  struct Visited {
    TSNode node;
    TSSymbol symbol;
    bool error;
  };
  const Python3Syntax& python3 = table.python3();
  BlockIndentation indentation;
  // The ancestors of the cursor's node, the root first: the syntax checks read what encloses a
  // node from here (ts_node_parent walks down from the root at each call: quadratic in the depth).
  std::vector<TSNode> ancestors;
  uint32_t depth = 0;  // ancestors.size()
  auto enter = [&](const TSTreeCursor& cursor) -> Visited {
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    const Visited v{n, ts_node_symbol(n), ts_node_has_error(n)};
    if (v.error) {
      // Syntax newer than the target is reported around a syntax error too, as Ruff does: a
      // `match` holding an error is still a `match`.
      if (syntax_minor < kNoSyntaxTarget && table.version().interested(v.symbol)) {
        table.version().check(n, v.symbol, ctx.source(), syntax_minor, ancestors, result.version_errors);
      }
      return v;
    }
    const TSSymbol s = v.symbol;
    if (indentation.is_child(depth)) indentation.child(n, ctx.source(), result.python_errors);
    if (python3.interested(s)) {
      python3.check(n, s, ctx.source(), result.python_errors, ancestors);
      if (python3.opens_block(s)) indentation.open(s == python3.module_symbol(), depth);
    }
    if (syntax_minor < kNoSyntaxTarget && table.version().interested(s)) {
      table.version().check(n, s, ctx.source(), syntax_minor, ancestors, result.version_errors);
    }
    if (builder && !(s < skips.size() && skips[s] && ts_node_child_count(n) == 0)) {
      builder->enter(n, cursor);
    }
    if (timing) {
      for (uint16_t i : table.rules_for(s)) timed(i, true, [&] { rules[i]->enter(n, ctx); });
    } else {
      for (uint16_t i : table.rules_for(s)) rules[i]->enter(n, ctx);
    }
    if (collect && python->interested(s)) python->enter(n, s, *collect);
    return v;
  };
  auto leave = [&](const Visited& v) {
    if (v.error) return;
    const TSNode n = v.node;
    const TSSymbol s = v.symbol;
    if (timing) {
      for (uint16_t i : table.leave_rules_for(s)) timed(i, false, [&] { rules[i]->leave(n, ctx); });
    } else {
      for (uint16_t i : table.leave_rules_for(s)) rules[i]->leave(n, ctx);
    }
    if (collect && python->interested(s)) python->leave(n, s, *collect);
    if (builder && !(s < skips.size() && skips[s] && ts_node_child_count(n) == 0)) builder->leave(n);
  };
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  Visited last = enter(cursor);
  for (bool done = false; !done;) {
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      ancestors.push_back(last.node);
      ++depth;
      last = enter(cursor);
      continue;
    }
    indentation.close(depth);
    if (any_leave) leave(last);  // the leaf just entered
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        last = enter(cursor);
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        done = true;
        break;
      }
      const TSNode n = ancestors.back();
      ancestors.pop_back();
      indentation.close(--depth);
      if (any_leave) leave(Visited{n, ts_node_symbol(n), ts_node_has_error(n)});
    }
  }
  ts_tree_cursor_delete(&cursor);
  if (builder && std::ranges::all_of(result.python_errors, [](const SyntaxError& e) { return e.semantic; })) {
    const TimingClock::time_point start = timing ? TimingClock::now() : TimingClock::time_point{};
    result.semantic = builder->resolve();
    ctx.set_semantic(result.semantic.get());
    if (timing) timing->add(Phase::Semantic, semantic_ns = elapsed_ns(start));
  }
  for (size_t i = 0; i < rules.size(); ++i) {
    if (timing) timed(static_cast<uint16_t>(i), false, [&] { rules[i]->finish(ctx); });
    else rules[i]->finish(ctx);
  }
  if (timing) {
    uint64_t in_rules = 0;
    for (size_t i = 0; i < rules.size(); ++i) {
      (*timing)[table.rules()[i]] += cost[i];
      in_rules += cost[i].native_ns;
    }
    const uint64_t total = elapsed_ns(walk_start);
    timing->add(Phase::Walk, total > in_rules + semantic_ns ? total - in_rules - semantic_ns : 0);
  }
  return result;
}

}  // namespace lint
