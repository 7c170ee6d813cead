// The embedded interpreter, the `_lint` module (read-only node views), and running Python rules.
#include <pybind11/embed.h>
#include <pybind11/stl.h>

#include <ext/stdio_filebuf.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <mutex>
#include <unordered_map>

#include "node.h"
#include "python/python_rules.h"
#include "semantic.h"
#include "syntax.h"

namespace py = pybind11;

namespace lint {

namespace {

// One file being linted, as Python sees it. Nodes keep it alive and check `alive` before
// touching the tree, which is freed when the file is done.
struct PyFile {
  bool alive = true;
  std::string path;
  std::string_view source;
  const TSTree* tree = nullptr;
  const LineIndex* lines = nullptr;
  const SemanticModel* model = nullptr;
  std::vector<Diagnostic>* out = nullptr;
  const RuleSpec* rule = nullptr;  // the rule being called, for report()
};

struct PyNode {
  std::shared_ptr<PyFile> file;
  TSNode node;
};

struct NodeExpired {};

const PyFile& live(const PyNode& n) {
  if (!n.file || !n.file->alive) {
    throw py::value_error("");  // replaced below by the registered NodeExpired translator
  }
  return *n.file;
}

py::object wrap(const std::shared_ptr<PyFile>& file, TSNode n) {
  if (ts_node_is_null(n)) return py::none();
  return py::cast(PyNode{file, n});
}

py::tuple point(TSPoint p) { return py::make_tuple(p.row, p.column); }

std::string_view node_text(const PyFile& f, TSNode n) {
  const uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (e > f.source.size() || s > e) return {};
  return f.source.substr(s, e - s);
}

const char* scope_kind_name(ScopeKind k) {
  switch (k) {
    case ScopeKind::Module: return "module";
    case ScopeKind::Class: return "class";
    case ScopeKind::Function: return "function";
    case ScopeKind::Lambda: return "lambda";
    case ScopeKind::Comprehension: return "comprehension";
    case ScopeKind::TypeParams: return "type-params";
  }
  return "module";
}

const char* binding_kind_name(BindingKind k) {
  switch (k) {
    case BindingKind::Import: return "import";
    case BindingKind::SubmoduleImport: return "submodule-import";
    case BindingKind::FromImport: return "from-import";
    case BindingKind::FutureImport: return "future-import";
    case BindingKind::StarImport: return "star-import";
    case BindingKind::Assignment: return "assignment";
    case BindingKind::AnnotatedAssignment: return "annotated-assignment";
    case BindingKind::Annotation: return "annotation";
    case BindingKind::AugmentedAssignment: return "augmented-assignment";
    case BindingKind::NamedExpr: return "named-expression";
    case BindingKind::LoopVar: return "loop-variable";
    case BindingKind::WithItem: return "with-item";
    case BindingKind::ExceptHandler: return "except-handler";
    case BindingKind::Argument: return "argument";
    case BindingKind::Function: return "function";
    case BindingKind::Class: return "class";
    case BindingKind::Global: return "global";
    case BindingKind::Nonlocal: return "nonlocal";
    case BindingKind::MatchCapture: return "match-capture";
    case BindingKind::TypeParam: return "type-parameter";
    case BindingKind::TypeAlias: return "type-alias";
    case BindingKind::ComprehensionVar: return "comprehension-variable";
    case BindingKind::Deletion: return "deletion";
    case BindingKind::Builtin: return "builtin";
  }
  return "assignment";
}

}  // namespace

}  // namespace lint

PYBIND11_EMBEDDED_MODULE(_lint, m) {
  using namespace lint;
  m.doc() = "lint's syntax tree, read-only";
  static py::exception<NodeExpired> expired(m, "NodeExpired", PyExc_RuntimeError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const NodeExpired&) {
      expired("this node's file has been linted; nodes cannot be kept across files");
    }
  });
  auto check = [](const PyNode& n) -> const PyFile& {
    if (!n.file || !n.file->alive) throw NodeExpired{};
    return *n.file;
  };

  py::class_<PyNode>(m, "Node")
      .def_property_readonly("type", [check](const PyNode& n) { check(n); return std::string(ts_node_type(n.node)); })
      .def_property_readonly("text", [check](const PyNode& n) { return std::string(node_text(check(n), n.node)); })
      .def_property_readonly("start_byte", [check](const PyNode& n) { check(n); return ts_node_start_byte(n.node); })
      .def_property_readonly("end_byte", [check](const PyNode& n) { check(n); return ts_node_end_byte(n.node); })
      .def_property_readonly("start_point", [check](const PyNode& n) { check(n); return point(ts_node_start_point(n.node)); })
      .def_property_readonly("end_point", [check](const PyNode& n) { check(n); return point(ts_node_end_point(n.node)); })
      .def_property_readonly("is_named", [check](const PyNode& n) { check(n); return ts_node_is_named(n.node); })
      .def_property_readonly("is_missing", [check](const PyNode& n) { check(n); return ts_node_is_missing(n.node); })
      .def_property_readonly("has_error", [check](const PyNode& n) { check(n); return ts_node_has_error(n.node); })
      .def_property_readonly("child_count", [check](const PyNode& n) { check(n); return ts_node_child_count(n.node); })
      .def_property_readonly("named_child_count",
                             [check](const PyNode& n) { check(n); return ts_node_named_child_count(n.node); })
      .def_property_readonly("parent", [check](const PyNode& n) { check(n); return wrap(n.file, ts_node_parent(n.node)); })
      .def_property_readonly("next_sibling",
                             [check](const PyNode& n) { check(n); return wrap(n.file, ts_node_next_sibling(n.node)); })
      .def_property_readonly("prev_sibling",
                             [check](const PyNode& n) { check(n); return wrap(n.file, ts_node_prev_sibling(n.node)); })
      .def_property_readonly("next_named_sibling",
                             [check](const PyNode& n) { check(n); return wrap(n.file, ts_node_next_named_sibling(n.node)); })
      .def_property_readonly("prev_named_sibling",
                             [check](const PyNode& n) { check(n); return wrap(n.file, ts_node_prev_named_sibling(n.node)); })
      .def_property_readonly("children",
                             [check](const PyNode& n) {
                               check(n);
                               py::list out;
                               for (TSNode c : children(n.node)) out.append(py::cast(PyNode{n.file, c}));
                               return out;
                             })
      .def_property_readonly("named_children",
                             [check](const PyNode& n) {
                               check(n);
                               py::list out;
                               for (TSNode c : children(n.node)) {
                                 if (ts_node_is_named(c)) out.append(py::cast(PyNode{n.file, c}));
                               }
                               return out;
                             })
      .def("child_by_field_name",
           [check](const PyNode& n, const std::string& name) {
             check(n);
             return wrap(n.file, field(n.node, name));
           })
      .def("children_by_field_name",
           [check](const PyNode& n, const std::string& name) {
             check(n);
             py::list out;
             Children kids(n.node);
             for (auto it = kids.begin(); it != kids.end(); ++it) {
               const char* f = it.field_name();
               if (f && name == f) out.append(py::cast(PyNode{n.file, *it}));
             }
             return out;
           })
      .def("child", [check](const PyNode& n, uint32_t i) { check(n); return wrap(n.file, ts_node_child(n.node, i)); })
      .def("named_child",
           [check](const PyNode& n, uint32_t i) { check(n); return wrap(n.file, ts_node_named_child(n.node, i)); })
      .def("descendants",
           [check](const PyNode& n) {
             // Pre-order, the node itself first; iterative, so deep trees are fine.
             check(n);
             py::list out;
             TSTreeCursor c = ts_tree_cursor_new(n.node);
             for (;;) {
               out.append(py::cast(PyNode{n.file, ts_tree_cursor_current_node(&c)}));
               if (ts_tree_cursor_goto_first_child(&c)) continue;
               bool moved = false;
               while (!(moved = ts_tree_cursor_goto_next_sibling(&c))) {
                 if (!ts_tree_cursor_goto_parent(&c)) break;
               }
               if (!moved) break;
             }
             ts_tree_cursor_delete(&c);
             return out;
           })
      .def("__eq__",
           [](const PyNode& a, const py::object& other) {
             if (!py::isinstance<PyNode>(other)) return false;
             const PyNode& b = other.cast<const PyNode&>();
             return a.file == b.file && ts_node_eq(a.node, b.node);
           })
      .def("__hash__",
           [](const PyNode& n) {
             return std::hash<const void*>()(n.node.id) ^ (std::hash<const void*>()(n.file.get()) << 1);
           })
      .def("__repr__", [](const PyNode& n) {
        if (!n.file || !n.file->alive) return std::string("<Node (expired)>");
        const TSPoint s = ts_node_start_point(n.node), e = ts_node_end_point(n.node);
        return "<Node type=" + std::string(ts_node_type(n.node)) + ", start_point=(" + std::to_string(s.row) + ", " +
               std::to_string(s.column) + "), end_point=(" + std::to_string(e.row) + ", " + std::to_string(e.column) + ")>";
      });

  py::class_<PyFile, std::shared_ptr<PyFile>>(m, "File")
      .def_property_readonly("path", [](const PyFile& f) { return f.path; })
      .def_property_readonly("source", [](const PyFile& f) { return std::string(f.source); })
      .def("report",
           [check](const PyFile& fr, const PyNode& n, const std::string& message) {
             check(n);
             const PyFile* f = &fr;
             if (n.file.get() != f) throw py::value_error("report(): the node belongs to another file");
             if (!f->out) throw NodeExpired{};
             Diagnostic d;
             d.rule = f->rule;
             d.message = message;
             d.start_byte = ts_node_start_byte(n.node);
             d.end_byte = ts_node_end_byte(n.node);
             f->out->push_back(std::move(d));
           })
      .def("qualified_name",
           [check](const PyFile& fr, const py::object& obj) -> std::string {
             const PyFile* f = &fr;
             if (obj.is_none() || !f->model) return "";
             const PyNode& n = obj.cast<const PyNode&>();
             check(n);
             return f->model->qualified_name(n.node, f->source);
           })
      .def("binding",
           [check](const PyFile& fr, const py::object& obj) -> py::object {
             const PyFile* f = &fr;
             if (obj.is_none() || !f->model) return py::none();
             const PyNode& n = obj.cast<const PyNode&>();
             check(n);
             TSNode head = unparenthesized(n.node);
             while (is(head, "attribute")) head = unparenthesized(field(head, "object"));
             if (!is(head, "identifier")) return py::none();
             const Binding* b = f->model->binding_at(ts_node_start_byte(head));
             if (!b) {
               // The name of a definition or a store: the binding made there.
               for (const Binding& x : f->model->bindings) {
                 if (x.start == ts_node_start_byte(head) && x.kind != BindingKind::Deletion) {
                   b = &x;
                   break;
                 }
               }
             }
             if (!b) return py::none();
             const Scope& s = f->model->scopes[b->scope];
             return py::make_tuple(binding_kind_name(b->kind), std::string(b->name), wrap(n.file, b->node),
                                   b->qualified_name, scope_kind_name(s.kind), wrap(n.file, s.node));
           })
      .def("scope", [check](const PyFile& fr, const PyNode& n) -> py::object {
        const PyFile* f = &fr;
        check(n);
        if (!f->model) return py::make_tuple("module", wrap(n.file, ts_tree_root_node(f->tree)));
        const Scope& s = f->model->scopes[f->model->scope_at(ts_node_start_byte(n.node))];
        return py::make_tuple(scope_kind_name(s.kind), wrap(n.file, s.node));
      });
}

namespace lint {

namespace {

TSSymbol symbol_named(std::string_view name) {
  const TSLanguage* lang = python_language();
  TSSymbol s = ts_language_symbol_for_name(lang, name.data(), static_cast<uint32_t>(name.size()), true);
  if (s == 0) s = ts_language_symbol_for_name(lang, name.data(), static_cast<uint32_t>(name.size()), false);
  return s;
}

std::string format_exception(py::error_already_set& e) {
  try {
    py::module_ tb = py::module_::import("traceback");
    py::list lines = tb.attr("format_exception")(e.type(), e.value(), e.trace());
    std::string out;
    for (auto l : lines) out += l.cast<std::string>();
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  } catch (...) {
    return e.what();
  }
}

}  // namespace

namespace {

class Runtime final : public PythonRules {
 public:
  std::unique_ptr<py::scoped_interpreter> interpreter;
  struct RuleClass {
    const PythonRuleInfo* info;
    py::object cls;
    TSQuery* query = nullptr;
  };
  struct Method {
    uint32_t rule;  // index into rules
    std::string name;
  };
  std::vector<RuleClass> rules;
  std::vector<Method> methods;

  void load(const std::vector<const PythonRuleInfo*>& selected);
  FileOutput run(const FileInput& input) override;
  std::shared_ptr<void> unlock() override {
    PyThreadState* state = PyEval_SaveThread();
    return std::shared_ptr<void>(state, [](void* s) { PyEval_RestoreThread(static_cast<PyThreadState*>(s)); });
  }
};

Runtime* g_runtime = nullptr;

}  // namespace

PythonRules& start_python_rules(const std::vector<const PythonRuleInfo*>& selected) {
  if (g_runtime) return *g_runtime;
  auto* rt = new Runtime();
  Runtime& impl = *rt;

  // An isolated interpreter: the linted project's files never shadow modules, nothing is
  // written next to the rules, and signals stay lint's.
  PyConfig config;
  PyConfig_InitIsolatedConfig(&config);
  config.write_bytecode = 0;
  config.install_signal_handlers = 0;
  config.parse_argv = 0;
  PyConfig_SetBytesString(&config, &config.executable, LINT_PYTHON_EXECUTABLE);
  impl.interpreter = std::make_unique<py::scoped_interpreter>(&config, 0, nullptr, false);
  PyConfig_Clear(&config);

  py::module_ sys = py::module_::import("sys");
  // A rule that prints must not corrupt the diagnostics on standard output: Python's stdout
  // is its stderr, and so is file descriptor 1 (os.write(1, ...), sys.__stdout__); lint's own
  // output goes to the real standard output through std::cout, which keeps a copy of it.
  sys.attr("stdout") = sys.attr("stderr");
  std::cout.flush();
  static const int real_stdout = ::dup(STDOUT_FILENO);
  if (real_stdout >= 0 && ::dup2(STDERR_FILENO, STDOUT_FILENO) >= 0) {
    static __gnu_cxx::stdio_filebuf<char> buffer(real_stdout, std::ios::out);
    std::cout.rdbuf(&buffer);
  }
  py::module_ types = py::module_::import("types");
  py::object lint_module = types.attr("ModuleType")("lint");
  py::exec(kLintApiSource, lint_module.attr("__dict__"));
  sys.attr("modules")["lint"] = lint_module;
  py::object rule_base = lint_module.attr("Rule");

  // Import each file that defines a selected rule, once.
  py::module_ util = py::module_::import("importlib.util");
  std::unordered_map<std::string, py::object> modules;
  int counter = 0;
  for (const PythonRuleInfo* info : selected) {
    auto it = modules.find(info->path);
    if (it == modules.end()) {
      const std::string module_name = "lint_rules_" + std::to_string(counter++);
      try {
        py::object spec = util.attr("spec_from_file_location")(module_name, info->path);
        py::object mod = util.attr("module_from_spec")(spec);
        sys.attr("modules")[py::str(module_name)] = mod;
        spec.attr("loader").attr("exec_module")(mod);
        it = modules.emplace(info->path, mod).first;
      } catch (py::error_already_set& e) {
        throw PythonRuleError{info->path + ": the rule file failed to load:\n" + format_exception(e)};
      }
    }
    py::object cls;
    try {
      cls = it->second.attr(info->class_name.c_str());
    } catch (py::error_already_set&) {
      throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name + " not found"};
    }
    if (!py::isinstance<py::type>(cls) || !PyObject_IsSubclass(cls.ptr(), rule_base.ptr())) {
      throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name +
                            " has a `code` but does not derive from lint.Rule"};
    }
    const uint32_t index = static_cast<uint32_t>(impl.rules.size());
    Runtime::RuleClass rc{info, cls, nullptr};
    // visit_<kind> / leave_<kind>: each kind must exist in the grammar.
    const size_t symbols = ts_language_symbol_count(python_language());
    impl.enter.resize(symbols);
    impl.leave.resize(symbols);
    rt->interest.resize(symbols, 0);
    for (py::handle attr : py::reinterpret_steal<py::list>(PyObject_Dir(cls.ptr()))) {
      const std::string name = attr.cast<std::string>();
      const bool visit = name.starts_with("visit_"), leave = name.starts_with("leave_");
      if (!visit && !leave) continue;
      const std::string kind = name.substr(6);
      const TSSymbol sym = symbol_named(kind);
      if (sym == 0) {
        throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name +
                              ", method " + name + ": tree-sitter-python has no node kind `" + kind + "`"};
      }
      impl.methods.push_back({index, name});
      const uint32_t m = static_cast<uint32_t>(impl.methods.size() - 1);
      (visit ? impl.enter : impl.leave)[sym].push_back(m);
      rt->interest[sym] = 1;
    }
    py::object query = cls.attr("query");
    if (!query.is_none()) {
      const std::string q = query.cast<std::string>();
      uint32_t error_offset = 0;
      TSQueryError error = TSQueryErrorNone;
      rc.query = ts_query_new(python_language(), q.data(), static_cast<uint32_t>(q.size()), &error_offset, &error);
      if (!rc.query) {
        throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name +
                              ": the query does not compile (error " + std::to_string(static_cast<int>(error)) +
                              " at offset " + std::to_string(error_offset) + ")"};
      }
      // Predicates lint does not evaluate would silently widen the match: refuse them.
      for (uint32_t pattern = 0; pattern < ts_query_pattern_count(rc.query); ++pattern) {
        uint32_t steps = 0;
        const TSQueryPredicateStep* p = ts_query_predicates_for_pattern(rc.query, pattern, &steps);
        bool at_start = true;
        for (uint32_t i = 0; i < steps; ++i) {
          if (p[i].type == TSQueryPredicateStepTypeDone) {
            at_start = true;
            continue;
          }
          if (at_start && p[i].type == TSQueryPredicateStepTypeString) {
            uint32_t len = 0;
            const char* op_text = ts_query_string_value_for_id(rc.query, p[i].value_id, &len);
            const std::string op(op_text, len);
            if (op != "eq?" && op != "not-eq?" && op != "match?" && op != "not-match?" && op != "any-of?") {
              throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name +
                                    ": the query uses #" + op +
                                    ", which lint does not evaluate (#eq?, #not-eq?, #match?, #not-match?, #any-of?)"};
            }
          }
          at_start = false;
        }
      }
      if (!py::hasattr(cls, "on_match")) {
        throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name +
                              " has a query but no on_match(captures) method"};
      }
    }
    impl.rules.push_back(std::move(rc));
  }
  g_runtime = rt;
  return *rt;
}

namespace {

// Evaluates the predicates tree-sitter leaves to its callers: #eq?, #not-eq?, #match?,
// #not-match?, #any-of? on the captured text.
bool predicates_hold(const TSQuery* q, const TSQueryMatch& m, std::string_view source, py::module_& re) {
  uint32_t steps = 0;
  const TSQueryPredicateStep* p = ts_query_predicates_for_pattern(q, m.pattern_index, &steps);
  auto capture_text = [&](uint32_t id) -> std::string {
    for (uint16_t i = 0; i < m.capture_count; ++i) {
      if (m.captures[i].index == id) {
        const TSNode n = m.captures[i].node;
        return std::string(source.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n)));
      }
    }
    return {};
  };
  auto value = [&](const TSQueryPredicateStep& s) -> std::string {
    uint32_t len = 0;
    if (s.type == TSQueryPredicateStepTypeString) {
      const char* text = ts_query_string_value_for_id(q, s.value_id, &len);  // sets len: call first
      return std::string(text, len);
    }
    if (s.type == TSQueryPredicateStepTypeCapture) return capture_text(s.value_id);
    return {};
  };
  uint32_t i = 0;
  while (i < steps) {
    uint32_t end = i;
    while (end < steps && p[end].type != TSQueryPredicateStepTypeDone) ++end;
    if (end > i && p[i].type == TSQueryPredicateStepTypeString) {
      uint32_t len = 0;
      const char* op_text = ts_query_string_value_for_id(q, p[i].value_id, &len);
      const std::string op(op_text, len);
      if ((op == "eq?" || op == "not-eq?") && end - i == 3) {
        const bool eq = value(p[i + 1]) == value(p[i + 2]);
        if (eq != (op == "eq?")) return false;
      } else if ((op == "match?" || op == "not-match?") && end - i == 3) {
        const bool found = !re.attr("search")(value(p[i + 2]), value(p[i + 1])).is_none();
        if (found != (op == "match?")) return false;
      } else if (op == "any-of?" && end - i >= 2) {
        const std::string v = value(p[i + 1]);
        bool any = false;
        for (uint32_t k = i + 2; k < end; ++k) any |= value(p[k]) == v;
        if (!any) return false;
      }
    }
    i = end + 1;
  }
  return true;
}

}  // namespace

PythonRules::FileOutput Runtime::run(const FileInput& input) {
  FileOutput out;
  py::gil_scoped_acquire gil;
  Runtime& impl = *this;
  auto file = std::make_shared<PyFile>();
  file->path = std::string(input.path);
  file->source = input.source;
  file->tree = input.tree;
  file->lines = input.lines;
  file->model = input.model;
  file->out = &out.diagnostics;
  py::object file_obj = py::cast(file);

  std::vector<py::object> instances(impl.rules.size());
  std::vector<bool> failed(impl.rules.size(), false);
  auto fail = [&](uint32_t r, py::error_already_set& e) {
    failed[r] = true;
    const PythonRuleInfo& info = *impl.rules[r].info;
    out.errors.push_back("error: rule " + info.code + " (" + info.name + ", " + info.path + ") failed on " +
                         std::string(input.path) + ":\n" + format_exception(e));
  };
  for (uint32_t r = 0; r < impl.rules.size(); ++r) {
    try {
      instances[r] = impl.rules[r].cls();
      instances[r].attr("_file") = file_obj;
    } catch (py::error_already_set& e) {
      fail(r, e);
    }
  }
  // Bound methods are looked up once per file, and consecutive events on one node (several
  // rules visiting it) share one Python node object.
  std::vector<py::object> bound(impl.methods.size());
  py::object node_obj;
  TSNode node_of_obj{};
  for (const PythonEvent& ev : input.events) {
    const Runtime::Method& m = impl.methods[ev.method];
    if (failed[m.rule]) continue;
    file->rule = &impl.rules[m.rule].info->spec;
    try {
      if (!bound[ev.method]) bound[ev.method] = instances[m.rule].attr(m.name.c_str());
      if (!node_obj || !ts_node_eq(node_of_obj, ev.node)) {
        node_obj = py::cast(PyNode{file, ev.node});
        node_of_obj = ev.node;
      }
      bound[ev.method](node_obj);
    } catch (py::error_already_set& e) {
      fail(m.rule, e);
    }
  }
  // Query rules.
  py::module_ re;
  for (uint32_t r = 0; r < impl.rules.size(); ++r) {
    const TSQuery* q = impl.rules[r].query;
    if (!q || failed[r]) continue;
    if (!re) re = py::module_::import("re");
    file->rule = &impl.rules[r].info->spec;
    TSQueryCursor* cursor = ts_query_cursor_new();
    ts_query_cursor_exec(cursor, q, ts_tree_root_node(input.tree));
    TSQueryMatch match;
    try {
      while (ts_query_cursor_next_match(cursor, &match)) {
        if (!predicates_hold(q, match, input.source, re)) continue;
        // One node per capture name; a list when a quantified capture matched several.
        py::dict captures;
        for (uint16_t i = 0; i < match.capture_count; ++i) {
          uint32_t len = 0;
          const char* name = ts_query_capture_name_for_id(q, match.captures[i].index, &len);
          py::str key(name, len);
          py::object node = py::cast(PyNode{file, match.captures[i].node});
          if (!captures.contains(key)) {
            captures[key] = node;
          } else if (py::isinstance<py::list>(captures[key])) {
            captures[key].cast<py::list>().append(node);
          } else {
            py::list both;
            both.append(captures[key]);
            both.append(node);
            captures[key] = both;
          }
        }
        instances[r].attr("on_match")(captures);
      }
    } catch (py::error_already_set& e) {
      fail(r, e);
    }
    ts_query_cursor_delete(cursor);
  }
  // Nodes kept by a rule now refuse to touch the freed tree.
  file->alive = false;
  file->out = nullptr;
  return out;
}

}  // namespace lint

namespace lint {

RuleExamples rule_examples(const PythonRuleInfo& rule) {
  RuleExamples out;
  if (!g_runtime) return out;
  py::gil_scoped_acquire gil;
  for (const auto& rc : g_runtime->rules) {
    if (rc.info != &rule) continue;
    auto read = [](const py::object& seq, std::vector<RuleExample>& into) {
      for (py::handle item : seq) {
        RuleExample ex;
        if (py::isinstance<py::dict>(item)) {
          py::dict d = py::reinterpret_borrow<py::dict>(item);
          ex.source = d["code"].cast<std::string>();
          if (d.contains("row")) ex.row = d["row"].cast<uint32_t>();
          if (d.contains("column")) ex.column = d["column"].cast<uint32_t>();
          if (d.contains("message")) ex.message = d["message"].cast<std::string>();
        } else {
          ex.source = item.cast<std::string>();
        }
        into.push_back(std::move(ex));
      }
    };
    read(rc.cls.attr("VALID"), out.valid);
    read(rc.cls.attr("INVALID"), out.invalid);
  }
  return out;
}

}  // namespace lint
