#include "syntax/arguments.h"

#include "engine/rule.h"
#include "syntax/node.h"

namespace lint {

TSNode Arguments::keyword(const Context& ctx, std::string_view name) const {
  for (TSNode k : keywords) {
    if (is(k, "keyword_argument") && ctx.text(field(k, "name")) == name) return k;
  }
  return TSNode{};
}

TSNode Arguments::keyword_value(std::string_view name, const Context& ctx) const {
  const TSNode k = keyword(ctx, name);
  return ts_node_is_null(k) ? k : field(k, "value");
}

TSNode Arguments::positional(size_t position) const {
  for (size_t i = 0; i < args.size() && i <= position; ++i) {
    if (is(args[i], "list_splat")) return TSNode{};
    if (i == position) return args[i];
  }
  return TSNode{};
}

TSNode Arguments::argument(std::string_view name, size_t position, const Context& ctx) const {
  const TSNode k = keyword_value(name, ctx);
  return ts_node_is_null(k) ? positional(position) : k;
}

void load_arguments(TSNode list, Arguments& out) {
  out.list = list;
  out.args.clear();
  out.keywords.clear();
  out.all.clear();
  out.bare_generator = false;
  if (ts_node_is_null(list)) return;
  if (is(list, "generator_expression")) {
    out.bare_generator = true;
    out.args.push_back(list);
    out.all.push_back(list);
    return;
  }
  for (TSNode c : children(list)) {
    if (!is_named_child(c)) continue;
    const std::string_view k = kind(c);
    if (k == "keyword_argument" || k == "dictionary_splat") {
      out.keywords.push_back(c);
    } else {
      out.args.push_back(c);
    }
    out.all.push_back(c);
  }
}

Arguments arguments_of(TSNode list) {
  Arguments a;
  load_arguments(list, a);
  return a;
}

void load_call_arguments(TSNode call, const Context& ctx, CallArguments& out) {
  out.call = call;
  out.function = callee(call, ctx);
  load_arguments(field(call, "arguments"), out);
}

const CallArguments& call_arguments(TSNode call, const Context& ctx) {
  thread_local SharedNodeKey key;
  thread_local CallArguments value;
  if (key.changed(ctx, call)) load_call_arguments(call, ctx, value);
  return value;
}

namespace {

// What rules ask first of a call, worked out once per call node for all of this thread's rules.
struct Callee {
  TSNode function{};
  std::string_view name;
};

const Callee& callee_of(TSNode call, const Context& ctx) {
  thread_local SharedNodeKey key;
  thread_local Callee value;
  if (key.changed(ctx, call)) {
    value.function = unparenthesized(field(call, "function"));
    const std::string_view k = kind_of(value.function);
    value.name = k == "identifier"  ? ctx.text(value.function)
                 : k == "attribute" ? ctx.text(field(value.function, "attribute"))
                                    : std::string_view{};
  }
  return value;
}

}  // namespace

TSNode callee(TSNode call, const Context& ctx) { return callee_of(call, ctx).function; }

std::string_view callee_name(TSNode call, const Context& ctx) { return callee_of(call, ctx).name; }

TSNode find_keyword(TSNode list, const Context& ctx, std::string_view name) {
  if (ts_node_is_null(list) || !is(list, "argument_list")) return TSNode{};
  for (TSNode c : children(list)) {
    if (is(c, "keyword_argument") && ctx.text(field(c, "name")) == name) return c;
  }
  return TSNode{};
}

TSNode keyword_name(TSNode keyword) { return is(keyword, "keyword_argument") ? field(keyword, "name") : TSNode{}; }

TSNode keyword_value(TSNode keyword) {
  return is(keyword, "keyword_argument") ? field(keyword, "value") : first_named_child(keyword);
}

}  // namespace lint
