// The embedded interpreter, the `_lint` module (read-only node views), and running Python rules.
#include <pybind11/embed.h>
#include <pybind11/stl.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <list>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "syntax/node.h"
#include "output/standard_output.h"
#include "python/embedded_python.h"
#include "python/python_rules.h"
#include "semantic/semantic.h"
#include "syntax/syntax.h"

namespace py = pybind11;

namespace lint {

namespace {

// One file being linted, as Python sees it. Nodes keep it alive and check `alive` before
// touching the tree, which is freed when the file is done.
struct PyFile {
  bool alive = true;
  std::string path;
  std::string_view source;    // what the tree was parsed from, for the semantic model
  std::string_view original;  // the file's own text (same offsets): what rules read and copy
  const TSTree* tree = nullptr;
  const LineIndex* lines = nullptr;
  const std::vector<uint32_t>* cell_offsets = nullptr;  // a notebook's cells (see FileInput)
  // The semantic model, built when first needed (see FileInput::need_model); null when done.
  PythonRules::FileInput* input = nullptr;
  const SemanticModel* model = nullptr;
  const SemanticModel* semantic() {
    if (!model && input) {
      const TimingClock::time_point start = TimingClock::now();
      {
        py::gil_scoped_release unlocked;  // the model is C++ work: other threads may run Python meanwhile
        model = input->need_model();
      }
      released_ns += elapsed_ns(start);
    }
    return model;
  }
  uint64_t released_ns = 0;  // time the GIL was released to build the model (not the rules' time)
  std::vector<Diagnostic>* out = nullptr;
  const RuleSpec* rule = nullptr;  // the rule being called, for report()

  // The model's bindings by the offset of the name they bind, built when first needed: looking
  // each one up in the list made binding() quadratic in the size of the file.
  const std::vector<std::pair<uint32_t, uint32_t>>& bindings_by_start() const {
    if (by_start.empty() && model && !model->bindings.empty()) {
      by_start.reserve(model->bindings.size());
      for (uint32_t i = 0; i < model->bindings.size(); ++i) by_start.emplace_back(model->bindings[i].start, i);
      std::sort(by_start.begin(), by_start.end());  // equal starts stay in the model's order
    }
    return by_start;
  }
  mutable std::vector<std::pair<uint32_t, uint32_t>> by_start;

  // The references resolved to each binding, in the model's order, built when first asked for.
  const std::vector<uint32_t>& references_of(uint32_t binding) const {
    if (refs_start.empty() && model) {
      refs_start.assign(model->bindings.size() + 1, 0);
      for (const Reference& r : model->references) {
        if (r.binding >= 0) ++refs_start[r.binding + 1];
      }
      for (size_t i = 1; i < refs_start.size(); ++i) refs_start[i] += refs_start[i - 1];
      refs.resize(refs_start.back());
      std::vector<uint32_t> next(refs_start.begin(), refs_start.end() - 1);
      for (uint32_t i = 0; i < model->references.size(); ++i) {
        if (model->references[i].binding >= 0) refs[next[model->references[i].binding]++] = i;
      }
    }
    thread_local std::vector<uint32_t> slice;
    slice.assign(refs.begin() + refs_start[binding], refs.begin() + refs_start[binding + 1]);
    return slice;
  }
  mutable std::vector<uint32_t> refs_start, refs;
  int target_minor = kDefaultTargetMinor;

  // The text as `str` and `bytes`, made once per file (rules may ask for it often).
  py::object text_str, text_bytes;
  const py::object& str() {
    if (!text_str) text_str = py::str(original.data(), original.size());
    return text_str;
  }
  const py::object& bytes() {
    if (!text_bytes) text_bytes = py::bytes(original.data(), original.size());
    return text_bytes;
  }
  std::optional<std::string> indentation;  // see indentation_of(), found once

  // ts_node_parent() walks down from the root, so a rule climbing from a node (to its
  // statement, then to the enclosing one) paid the walk at every step. The walk is done once:
  // every node it passes learns its parent too.
  TSNode parent_of(TSNode self) {
    if (const auto it = parents.find(self.id); it != parents.end()) return it->second;
    // As ts_node_parent, which finds each step by byte range.
    TSNode node = ts_tree_root_node(tree);
    if (node.id == self.id) return TSNode{};
    for (;;) {
      const TSNode next = ts_node_child_with_descendant(node, self);
      if (ts_node_is_null(next)) return node;
      if (next.id == self.id) break;
      // A node with text has one parent whichever descendant the walk was looking for; an
      // empty one is found by position, which may depend on what was looked for.
      if (ts_node_end_byte(next) > ts_node_start_byte(next)) parents.emplace(next.id, node);
      node = next;
    }
    parents.emplace(self.id, node);
    return node;
  }
  std::unordered_map<const void*, TSNode> parents;
};

struct PyNode {
  std::shared_ptr<PyFile> file;
  TSNode node;
};

}  // namespace
}  // namespace lint

// Node objects are made and read at every step a rule takes through the tree. pybind11's own
// caster finds the class's type_info by hashing the C++ type's name at each of them; this one
// finds it once. (Otherwise the same: a Node owns its PyNode, moved in.)
namespace pybind11::detail {
template <>
class type_caster<lint::PyNode> : public type_caster_generic {
 public:
  static constexpr auto name = const_name("Node");
  type_caster() : type_caster_generic(info()) {}
  // Registered when `_lint` is imported, before any node exists.
  static const type_info* info() {
    static const type_info* found = nullptr;
    if (!found) found = get_type_info(typeid(lint::PyNode));
    return found;
  }
  static handle cast(lint::PyNode&& src, return_value_policy, handle parent) {
    return type_caster_generic::cast(&src, return_value_policy::move, parent, info(), copy, move);
  }
  static handle cast(const lint::PyNode& src, return_value_policy, handle parent) {
    return type_caster_generic::cast(&src, return_value_policy::copy, parent, info(), copy, move);
  }
  template <typename T>
  using cast_op_type = detail::cast_op_type<T>;
  operator lint::PyNode*() { return static_cast<lint::PyNode*>(value); }
  operator lint::PyNode&() {
    if (!value) throw reference_cast_error();
    return *static_cast<lint::PyNode*>(value);
  }

 private:
  static void* copy(const void* p) { return new lint::PyNode(*static_cast<const lint::PyNode*>(p)); }
  static void* move(const void* p) {
    return new lint::PyNode(std::move(*const_cast<lint::PyNode*>(static_cast<const lint::PyNode*>(p))));
  }
};
}  // namespace pybind11::detail

namespace lint {
namespace {

struct NodeExpired {};

const char* scope_kind_name(ScopeKind k);
const char* binding_kind_name(BindingKind k);

// A binding as the Python API's Binding is made from it: (kind, name, defining statement,
// qualified name, scope kind, scope node, binding index, scope index, bound name's node, uses).
py::tuple binding_tuple(const PyFile& f, const std::shared_ptr<PyFile>& fp, uint32_t index) {
  const Binding& b = f.model->bindings[index];
  const Scope& s = f.model->scopes[b.scope];
  const TSNode name = b.end > b.start ? ts_node_descendant_for_byte_range(ts_tree_root_node(f.tree), b.start, b.end)
                                      : TSNode{};
  py::object name_node = ts_node_is_null(name) ? py::object(py::none()) : py::cast(PyNode{fp, name});
  return py::make_tuple(binding_kind_name(b.kind), std::string(b.name), ts_node_is_null(b.node) ? py::object(py::none()) : py::cast(PyNode{fp, b.node}),
                        b.qualified_name, scope_kind_name(s.kind),
                        ts_node_is_null(s.node) ? py::object(py::none()) : py::cast(PyNode{fp, s.node}), index, b.scope,
                        name_node, b.uses);
}

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

// A node's `type`, one interned str per kind made once (the GIL is held): rules compare types
// all the time, and an interned str equals a literal of the rule's code by identity.
py::object type_of(TSNode n) {
  static std::vector<PyObject*> names(ts_language_symbol_count(python_language()), nullptr);
  const TSSymbol s = ts_node_symbol(n);
  if (s >= names.size()) return py::str(ts_node_type(n));  // ERROR
  if (!names[s]) {
    names[s] = PyUnicode_InternFromString(ts_node_type(n));
    if (!names[s]) throw py::error_already_set();
  }
  return py::reinterpret_borrow<py::object>(names[s]);
}

std::string_view node_text(const PyFile& f, TSNode n) {
  const uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (e > f.original.size() || s > e) return {};
  return f.original.substr(s, e - s);
}

// The file's line ending as Ruff's Stylist detects it: that of its first line ("\n" if none).
std::string_view line_ending_of(std::string_view text) {
  const size_t i = text.find_first_of("\r\n");
  if (i == std::string_view::npos || text[i] == '\n') return "\n";
  return i + 1 < text.size() && text[i + 1] == '\n' ? "\r\n" : "\r";
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The file's indentation as Ruff's Stylist detects it: the leading whitespace of the first
// block that starts a line of its own (what follows the last form feed); four spaces if none.
std::string indentation_of(const TSTree* tree, std::string_view text) {
  TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
  std::string found = "    ";
  for (;;) {
    const TSNode n = ts_tree_cursor_current_node(&c);
    if (is(n, "block")) {
      TSNode first{};
      for (TSNode child : children(n)) {
        if (!is(child, "comment")) {
          first = child;
          break;
        }
      }
      if (!ts_node_is_null(first)) {
        const uint32_t start = ts_node_start_byte(first);
        uint32_t line = start;
        while (line > 0 && text[line - 1] != '\n' && text[line - 1] != '\r') --line;
        std::string_view lead = text.substr(line, start - line);
        if (!lead.empty() && std::all_of(lead.begin(), lead.end(), is_blank)) {
          if (const size_t ff = lead.rfind('\f'); ff != std::string_view::npos) lead.remove_prefix(ff + 1);
          found = std::string(lead);
          break;
        }
      }
    }
    if (ts_tree_cursor_goto_first_child(&c)) continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&c))) {
      if (!ts_tree_cursor_goto_parent(&c)) break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&c);
  return found;
}

// Whether `offset` falls inside a UTF-8 sequence (between its lead byte and its last byte).
bool inside_character(std::string_view text, uint32_t offset) {
  return offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80;
}

// A fix a Python rule passed to report(), checked: every edit within the file, on character
// boundaries, and none overlapping another. What is wrong raises ValueError in the rule.
Fix checked_fix(const PyFile& f, const py::handle& given) {
  const py::tuple t = py::reinterpret_borrow<py::tuple>(given);
  const int level = t[0].cast<int>();
  if (level < 0 || level > 2) throw py::value_error("report(): unknown fix applicability");
  const uint32_t isolation = t[1].cast<uint32_t>();
  std::vector<Edit> edits;
  const std::string_view text = f.original;
  auto where = [&](size_t i, const Edit& e) {
    return "edit " + std::to_string(i + 1) + " of the fix (bytes " + std::to_string(e.start) + " to " +
           std::to_string(e.end) + ")";
  };
  for (py::handle item : py::reinterpret_borrow<py::list>(t[2])) {
    const py::tuple e = py::reinterpret_borrow<py::tuple>(item);
    const py::object anchor = e[3];
    if (!anchor.is_none()) {
      const PyNode& n = anchor.cast<const PyNode&>();
      if (!n.file || !n.file->alive) throw NodeExpired{};
      if (n.file.get() != &f) throw py::value_error("report(): an edit of the fix is over a node of another file");
    }
    const int64_t start = e[0].cast<int64_t>(), end = e[1].cast<int64_t>();
    Edit edit{static_cast<uint32_t>(std::max<int64_t>(start, 0)), static_cast<uint32_t>(std::max<int64_t>(end, 0)),
              e[2].cast<std::string>()};
    const size_t i = edits.size();
    if (start < 0 || end < start || static_cast<uint64_t>(end) > text.size()) {
      throw py::value_error("report(): " + where(i, edit) + " is not within the file (" +
                            std::to_string(text.size()) + " bytes)");
    }
    if (inside_character(text, edit.start) || inside_character(text, edit.end)) {
      throw py::value_error("report(): " + where(i, edit) +
                            " starts or ends inside a character (offsets are bytes of the file's UTF-8 text)");
    }
    edits.push_back(std::move(edit));
  }
  if (edits.empty()) throw py::value_error("report(): the fix has no edit");
  Fix fix = Fix::with(static_cast<Applicability>(level), std::move(edits));
  const std::vector<Edit>& sorted = fix.edits();
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i - 1].end > sorted[i].start) {
      throw py::value_error("report(): the edits of the fix overlap: bytes " + std::to_string(sorted[i - 1].start) +
                            " to " + std::to_string(sorted[i - 1].end) + " and " + std::to_string(sorted[i].start) +
                            " to " + std::to_string(sorted[i].end));
    }
  }
  if (isolation) fix.isolate(isolation);
  return fix;
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

namespace lint {
namespace {

// The Node members rules use at every step (type, parent, children, fields, text, offsets),
// as plain CPython getters and methods: pybind11's dispatcher (overloads, argument casters,
// keep-alive bookkeeping) cost several times the work each does, and rules such as T201 call
// them dozens of times per node. Same values and errors as the pybind11 definitions they
// replace (which stay, for the members that are not here).
PyObject* g_node_expired = nullptr;  // lint.NodeExpired

PyNode* live_node(PyObject* self) {
  py::detail::make_caster<PyNode> caster;
  if (!caster.load(self, false)) {
    PyErr_SetString(PyExc_TypeError, "a lint Node was expected");
    return nullptr;
  }
  PyNode* n = static_cast<PyNode*>(caster);
  if (!n->file || !n->file->alive) {
    PyErr_SetString(g_node_expired, "this node's file has been linted; nodes cannot be kept across files");
    return nullptr;
  }
  return n;
}

// Runs `fn` (returning a py::object) as a CPython function body: C++ exceptions become Python's.
template <typename Fn>
PyObject* guarded(Fn&& fn) {
  try {
    return fn().release().ptr();
  } catch (py::error_already_set& e) {
    e.restore();
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
  }
  return nullptr;
}

template <typename Fn>
PyObject* node_getter(PyObject* self, Fn&& fn) {
  PyNode* n = live_node(self);
  return n ? guarded([&] { return fn(*n); }) : nullptr;
}

py::object node_list(const PyNode& n, bool named_only) {
  py::list out;
  for (TSNode c : children(n.node)) {
    if (!named_only || ts_node_is_named(c)) out.append(wrap(n.file, c));
  }
  return out;
}

PyGetSetDef kFastNodeGetters[] = {
    {"type", [](PyObject* self, void*) { return node_getter(self, [](const PyNode& n) { return type_of(n.node); }); },
     nullptr, nullptr, nullptr},
    {"text",
     [](PyObject* self, void*) {
       return node_getter(self, [](const PyNode& n) {
         const std::string_view t = node_text(*n.file, n.node);
         PyObject* s = PyUnicode_DecodeUTF8(t.data(), static_cast<Py_ssize_t>(t.size()), nullptr);
         if (!s) throw py::error_already_set();
         return py::reinterpret_steal<py::object>(s);
       });
     },
     nullptr, nullptr, nullptr},
    {"start_byte",
     [](PyObject* self, void*) {
       return node_getter(self, [](const PyNode& n) { return py::int_(ts_node_start_byte(n.node)); });
     },
     nullptr, nullptr, nullptr},
    {"end_byte",
     [](PyObject* self, void*) {
       return node_getter(self, [](const PyNode& n) { return py::int_(ts_node_end_byte(n.node)); });
     },
     nullptr, nullptr, nullptr},
    {"parent",
     [](PyObject* self, void*) {
       return node_getter(self, [](const PyNode& n) { return wrap(n.file, n.file->parent_of(n.node)); });
     },
     nullptr, nullptr, nullptr},
    {"prev_sibling",
     [](PyObject* self, void*) {
       return node_getter(self, [](const PyNode& n) { return wrap(n.file, ts_node_prev_sibling(n.node)); });
     },
     nullptr, nullptr, nullptr},
    {"next_sibling",
     [](PyObject* self, void*) {
       return node_getter(self, [](const PyNode& n) { return wrap(n.file, ts_node_next_sibling(n.node)); });
     },
     nullptr, nullptr, nullptr},
    {"children",
     [](PyObject* self, void*) { return node_getter(self, [](const PyNode& n) { return node_list(n, false); }); },
     nullptr, nullptr, nullptr},
    {"named_children",
     [](PyObject* self, void*) { return node_getter(self, [](const PyNode& n) { return node_list(n, true); }); },
     nullptr, nullptr, nullptr},
    {"child_count",
     [](PyObject* self, void*) {
       return node_getter(self, [](const PyNode& n) { return py::int_(ts_node_child_count(n.node)); });
     },
     nullptr, nullptr, nullptr},
    {"named_child_count",
     [](PyObject* self, void*) {
       return node_getter(self, [](const PyNode& n) { return py::int_(ts_node_named_child_count(n.node)); });
     },
     nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// An index argument, as pybind11 converted it to uint32_t (a negative or huge one is refused).
bool child_index(PyObject* arg, uint32_t& out) {
  if (!PyLong_Check(arg)) {
    PyErr_SetString(PyExc_TypeError, "the index is an int");
    return false;
  }
  const unsigned long long v = PyLong_AsUnsignedLongLong(arg);
  if (PyErr_Occurred() || v > UINT32_MAX) {
    PyErr_Clear();
    PyErr_SetString(PyExc_TypeError, "the index is an int from 0 to 2**32 - 1");
    return false;
  }
  out = static_cast<uint32_t>(v);
  return true;
}

PyMethodDef kFastNodeMethods[] = {
    {"child_by_field_name",
     [](PyObject* self, PyObject* arg) -> PyObject* {
       Py_ssize_t size = 0;
       const char* name = PyUnicode_Check(arg) ? PyUnicode_AsUTF8AndSize(arg, &size) : nullptr;
       if (!name) {
         if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "child_by_field_name() takes a field's name (a str)");
         return nullptr;
       }
       return node_getter(self, [&](const PyNode& n) {
         return wrap(n.file, field(n.node, std::string_view(name, static_cast<size_t>(size))));
       });
     },
     METH_O, nullptr},
    {"child",
     [](PyObject* self, PyObject* arg) -> PyObject* {
       uint32_t i = 0;
       if (!child_index(arg, i)) return nullptr;
       return node_getter(self, [&](const PyNode& n) { return wrap(n.file, ts_node_child(n.node, i)); });
     },
     METH_O, nullptr},
    {"named_child",
     [](PyObject* self, PyObject* arg) -> PyObject* {
       uint32_t i = 0;
       if (!child_index(arg, i)) return nullptr;
       return node_getter(self, [&](const PyNode& n) { return wrap(n.file, ts_node_named_child(n.node, i)); });
     },
     METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void install_fast_node_members(const py::object& node_class, PyObject* expired) {
  g_node_expired = expired;
  PyTypeObject* type = reinterpret_cast<PyTypeObject*>(node_class.ptr());
  for (PyGetSetDef* d = kFastNodeGetters; d->name; ++d) {
    py::object descriptor = py::reinterpret_steal<py::object>(PyDescr_NewGetSet(type, d));
    if (!descriptor) throw py::error_already_set();
    node_class.attr(d->name) = descriptor;
  }
  for (PyMethodDef* d = kFastNodeMethods; d->ml_name; ++d) {
    py::object descriptor = py::reinterpret_steal<py::object>(PyDescr_NewMethod(type, d));
    if (!descriptor) throw py::error_already_set();
    node_class.attr(d->ml_name) = descriptor;
  }
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
      .def_property_readonly("type", [check](const PyNode& n) { check(n); return type_of(n.node); })
      .def_property_readonly("text", [check](const PyNode& n) { return std::string(node_text(check(n), n.node)); })
      .def_property_readonly("start_byte", [check](const PyNode& n) { check(n); return ts_node_start_byte(n.node); })
      .def_property_readonly("end_byte", [check](const PyNode& n) { check(n); return ts_node_end_byte(n.node); })
      .def_property_readonly("start_point", [check](const PyNode& n) { check(n); return point(ts_node_start_point(n.node)); })
      .def_property_readonly("end_point", [check](const PyNode& n) { check(n); return point(ts_node_end_point(n.node)); })
      .def_property_readonly("_file", [check](const PyNode& n) { check(n); return n.file; })
      .def_property_readonly("is_named", [check](const PyNode& n) { check(n); return ts_node_is_named(n.node); })
      .def_property_readonly("is_missing", [check](const PyNode& n) { check(n); return ts_node_is_missing(n.node); })
      .def_property_readonly("has_error", [check](const PyNode& n) { check(n); return ts_node_has_error(n.node); })
      .def_property_readonly("child_count", [check](const PyNode& n) { check(n); return ts_node_child_count(n.node); })
      .def_property_readonly("named_child_count",
                             [check](const PyNode& n) { check(n); return ts_node_named_child_count(n.node); })
      .def_property_readonly("parent",
                             [check](const PyNode& n) { check(n); return wrap(n.file, n.file->parent_of(n.node)); })
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
             py::detail::make_caster<PyNode> caster;
             if (!caster.load(other, false)) return false;
             const PyNode& b = caster;
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
  install_fast_node_members(m.attr("Node"), expired.ptr());

  // A File (a rule's `_file`) may be kept after its file is done too: everything but `path`
  // reads the file's text, tree or semantic model, which are freed by then.
  auto check_file = [](const PyFile& f) -> const PyFile& {
    if (!f.alive) throw NodeExpired{};
    return f;
  };
  // A node given to a File's method: alive, and of that file (another file's model is not its).
  auto check_node = [check](const PyFile& f, const PyNode& n, const char* method) {
    check(n);
    if (n.file.get() != &f) throw py::value_error(std::string(method) + "(): the node belongs to another file");
  };
  py::class_<PyFile, std::shared_ptr<PyFile>>(m, "File")
      .def_property_readonly("path", [](const PyFile& f) { return f.path; })
      .def_property_readonly("source", [check_file](PyFile& f) { check_file(f); return f.str(); })
      .def_property_readonly("source_bytes", [check_file](PyFile& f) { check_file(f); return f.bytes(); })
      .def_property_readonly("line_ending",
                             [check_file](const PyFile& f) { return std::string(line_ending_of(check_file(f).original)); })
      .def_property_readonly("indentation",
                             [check_file](PyFile& f) {
                               check_file(f);
                               if (!f.indentation) f.indentation = indentation_of(f.tree, f.original);
                               return *f.indentation;
                             })
      .def_property_readonly("is_notebook",
                             [check_file](const PyFile& f) {
                               return check_file(f).cell_offsets && !f.cell_offsets->empty();
                             })
      .def("cell_range",
           [check_file](const PyFile& fr, uint32_t byte) -> py::object {
             const PyFile& f = check_file(fr);
             if (!f.cell_offsets) return py::none();
             const std::vector<uint32_t>& c = *f.cell_offsets;
             // The first cell ending past `byte`, found by binary search (a rule may ask per node).
             if (c.size() < 2) return py::none();
             const auto next = std::upper_bound(c.begin() + 1, c.end(), byte);
             if (next == c.end()) return py::none();
             return py::make_tuple(*std::prev(next), *next);
           })
      .def("report",
           [check_file, check_node](const PyFile& fr, const PyNode& n, const std::string& message,
                                    const py::object& fix, const py::object& fix_title) {
             const PyFile* f = &check_file(fr);
             check_node(fr, n, "report");
             if (!f->out) throw NodeExpired{};
             Diagnostic d;
             d.rule = f->rule;
             d.message = message;
             d.start_byte = ts_node_start_byte(n.node);
             d.end_byte = ts_node_end_byte(n.node);
             if (!fix_title.is_none()) d.fix_title = fix_title.cast<std::string>();
             if (!fix.is_none()) {
               if (f->rule && f->rule->fix == FixAvailability::None) {
                 throw py::value_error(
                     "report(): the rule passes a fix but does not say it fixes: set `fixable = \"always\"` "
                     "or `fixable = \"sometimes\"` in the class");
               }
               d.fix = checked_fix(*f, fix);
             }
             f->out->push_back(std::move(d));
           },
           py::arg("node"), py::arg("message"), py::arg("fix") = py::none(), py::arg("fix_title") = py::none())
      .def("qualified_name",
           [check_file, check_node](PyFile& fr, const py::object& obj) -> py::object {
             // The name; "" when the model finds none; None when the text settles that there is
             // none (not even a class or function of the file's: Rule.qualified_name stops).
             PyFile* f = const_cast<PyFile*>(&check_file(fr));
             if (obj.is_none()) return py::str("");
             const PyNode& n = obj.cast<const PyNode&>();
             check_node(fr, n, "qualified_name");
             // What the text settles needs no model (most names rules ask about: `sys.stderr`).
             std::string settled;
             if (!f->model && f->input && f->input->settled_name(n.node, settled)) {
               return settled.empty() ? py::object(py::none()) : py::object(py::str(settled));
             }
             if (!f->semantic()) return py::str("");
             return py::str(f->model->qualified_name(n.node, f->source));
           })
      .def("binding",
           [check_file, check_node](PyFile& fr, const py::object& obj) -> py::object {
             PyFile* f = const_cast<PyFile*>(&check_file(fr));
             if (obj.is_none() || !f->semantic()) return py::none();
             const PyNode& n = obj.cast<const PyNode&>();
             check_node(fr, n, "binding");
             TSNode head = unparenthesized(n.node);
             while (is(head, "attribute")) head = unparenthesized(field(head, "object"));
             if (!is(head, "identifier")) return py::none();
             const Binding* b = f->model->binding_at(ts_node_start_byte(head));
             if (!b) {
               // The name of a definition or a store: the (first) binding made there.
               const uint32_t start = ts_node_start_byte(head);
               const auto& index = f->bindings_by_start();
               for (auto it = std::lower_bound(index.begin(), index.end(), std::make_pair(start, 0u));
                    it != index.end() && it->first == start; ++it) {
                 if (f->model->bindings[it->second].kind != BindingKind::Deletion) {
                   b = &f->model->bindings[it->second];
                   break;
                 }
               }
             }
             if (!b) return py::none();
             return binding_tuple(*f, n.file, static_cast<uint32_t>(b - f->model->bindings.data()));
           })
      .def("scope",
           [check_file, check_node](PyFile& fr, const PyNode& n) -> py::object {
             PyFile* f = const_cast<PyFile*>(&check_file(fr));
             check_node(fr, n, "scope");
             if (!f->semantic() || f->model->scopes.empty()) {
               return py::make_tuple("module", wrap(n.file, ts_tree_root_node(f->tree)), -1);
             }
             const uint32_t id = f->model->scope_at(ts_node_start_byte(n.node));
             return py::make_tuple(scope_kind_name(f->model->scopes[id].kind), wrap(n.file, f->model->scopes[id].node), id);
           })
      // Scopes and bindings by their index in the model (what the tuples above carry).
      .def("scope_parent",
           [check_file](std::shared_ptr<PyFile> fp, int64_t id) -> py::object {
             const PyFile& f = check_file(*fp);
             if (!f.model || id < 0 || static_cast<size_t>(id) >= f.model->scopes.size()) return py::none();
             const int32_t parent = f.model->scopes[id].parent;
             if (parent < 0) return py::none();
             return py::make_tuple(scope_kind_name(f.model->scopes[parent].kind), wrap(fp, f.model->scopes[parent].node), parent);
           })
      .def("scope_bindings",
           [check_file](std::shared_ptr<PyFile> fp, int64_t id) {
             const PyFile& f = check_file(*fp);
             py::list out;
             if (!f.model || id < 0 || static_cast<size_t>(id) >= f.model->scopes.size()) return out;
             for (uint32_t b : f.model->scopes[id].bindings) {
               if (f.model->bindings[b].kind != BindingKind::Builtin) out.append(binding_tuple(f, fp, b));
             }
             return out;
           })
      .def("scope_lookup",
           [check_file](std::shared_ptr<PyFile> fp, int64_t id, const std::string& name) -> py::object {
             const PyFile& f = check_file(*fp);
             if (!f.model || id < 0 || static_cast<size_t>(id) >= f.model->scopes.size()) return py::none();
             const auto& names = f.model->scopes[id].names;
             const auto it = names.find(std::string_view(name));
             if (it == names.end()) return py::none();
             return binding_tuple(f, fp, it->second);
           })
      .def("references",
           [check_file](std::shared_ptr<PyFile> fp, int64_t id) {
             const PyFile& f = check_file(*fp);
             py::list out;
             if (!f.model || id < 0 || static_cast<size_t>(id) >= f.model->bindings.size()) return out;
             for (uint32_t r : f.references_of(static_cast<uint32_t>(id))) {
               const Reference& ref = f.model->references[r];
               out.append(wrap(fp, ts_node_descendant_for_byte_range(ts_tree_root_node(f.tree), ref.start, ref.end)));
             }
             return out;
           })
      .def("is_builtin",
           [check_file](PyFile& fr, const std::string& name) {
             const PyFile& f = check_file(fr);
             return is_python_builtin(name, f.target_minor) ||
                    (f.cell_offsets && !f.cell_offsets->empty() &&
                     (name == "display" || name == "get_ipython" || name == "__IPYTHON__"));
           })
      .def("refers_to_builtin", [check_file, check_node](PyFile& fr, const PyNode& n) {
        PyFile* f = const_cast<PyFile*>(&check_file(fr));
        check_node(fr, n, "is_builtin");
        const TSNode head = unparenthesized(n.node);
        if (!is(head, "identifier") || !f->semantic()) return false;
        const Reference* r = f->model->reference_at(ts_node_start_byte(head));
        return r && r->builtin;
      });
}

namespace lint {

namespace {

TSSymbol symbol_named(std::string_view name) { return kind_symbol(name); }

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

std::string seconds_text(std::chrono::steady_clock::duration d) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", std::chrono::duration<double>(d).count());
  return text;
}

// Interrupting rules that run too long.
//
// Each thread running rules owns a Slot, registered while it holds the GIL. Before each call into
// a rule it arms the slot with a deadline, and disarms it after (both under the GIL). A timer
// thread wakes at the earliest deadline and asks an interrupter thread to act: that one takes the
// GIL (the interpreter's eval loop hands it over every few milliseconds to a thread asking for
// it), and for each slot still armed past its deadline (its thread is then inside that call,
// since the GIL is not in its hands) schedules lint.RuleTimeout in the slot's thread with
// PyThreadState_SetAsyncExc. The exception is raised when that thread next runs Python bytecode:
// code blocked or looping in C (time.sleep, a regular expression backtracking without end) is not
// interrupted until it returns. A rule that catches the exception is interrupted again every
// 100 ms. A call still running one more time limit (at least a second) after its deadline makes
// lint give up, from the timer thread, which never needs the GIL: a message and exit status 2,
// since nothing else can stop it.
//
// Arming and disarming cost two uncontended lock operations: the timer is woken only when a
// deadline comes before the time it sleeps until, not for every call.
//
// Lock order: the GIL, then `mutex_`; never the GIL while holding `mutex_`.
class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;

  struct Slot {
    unsigned long thread_id = 0;  // PyThread_get_thread_ident() of the owner
    bool armed = false;
    bool fired = false;           // RuleTimeout was scheduled for the armed call
    Clock::time_point deadline, give_up, next_fire;
    // For the message when lint gives up: the rule (null while importing) and the file.
    const PythonRuleInfo* rule = nullptr;
    std::string_view file;
  };

  explicit Watchdog(PyObject* exception) : exception_(exception) {
    // Both live as long as the process: the interpreter is never finalized either.
    std::thread([this] { time(); }).detach();
    std::thread([this] { interrupt(); }).detach();
  }

  // The caller holds the GIL (for all four).
  void add(Slot* slot) {
    slot->thread_id = PyThread_get_thread_ident();
    std::lock_guard<std::mutex> lock(mutex_);
    slots_.push_back(slot);
  }
  void remove(Slot* slot) {
    std::lock_guard<std::mutex> lock(mutex_);
    slots_.remove(slot);
  }
  void arm(Slot* slot, Clock::duration budget, Clock::duration limit, const PythonRuleInfo* rule,
           std::string_view file) {
    const Clock::time_point now = Clock::now();
    bool wake = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      slot->armed = true;
      slot->fired = false;
      slot->deadline = now + budget;
      slot->next_fire = slot->deadline;
      slot->give_up = slot->deadline + std::max<Clock::duration>(limit, std::chrono::seconds(1));
      slot->rule = rule;
      slot->file = file;
      wake = slot->next_fire < timer_wakes_;
    }
    if (wake) timer_.notify_one();
  }
  // Returns whether RuleTimeout was scheduled during the call, and unschedules it if it has not
  // been raised yet (it must not hit whatever runs next in this thread).
  bool disarm(Slot* slot) {
    bool fired;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      slot->armed = false;
      fired = slot->fired;
    }
    if (fired) PyThreadState_SetAsyncExc(slot->thread_id, nullptr);
    return fired;
  }

 private:
  void time() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      const Clock::time_point now = Clock::now();
      Clock::time_point wake = Clock::time_point::max();
      bool due = false;
      for (const Slot* s : slots_) {
        if (!s->armed) continue;
        if (now >= s->give_up) give_up(*s);
        due |= now >= s->next_fire;
        wake = std::min({wake, s->give_up, std::max(s->next_fire, now + std::chrono::milliseconds(20))});
      }
      if (due && !interrupt_requested_) {
        interrupt_requested_ = true;
        interrupter_.notify_one();
      }
      timer_wakes_ = wake;
      if (wake == Clock::time_point::max()) timer_.wait(lock);
      else timer_.wait_until(lock, wake);
      timer_wakes_ = Clock::time_point::min();  // awake: nobody needs to notify
    }
  }

  void interrupt() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      interrupter_.wait(lock, [this] { return interrupt_requested_; });
      lock.unlock();
      const PyGILState_STATE gil = PyGILState_Ensure();
      lock.lock();
      const Clock::time_point now = Clock::now();
      for (Slot* s : slots_) {
        if (!s->armed || now < s->next_fire) continue;
        PyThreadState_SetAsyncExc(s->thread_id, exception_);
        s->fired = true;
        s->next_fire = now + std::chrono::milliseconds(100);
      }
      interrupt_requested_ = false;
      lock.unlock();
      PyGILState_Release(gil);
      lock.lock();
    }
  }

  [[noreturn]] static void give_up(const Slot& s) {
    const std::string what = s.rule ? "rule " + s.rule->code + " (" + s.rule->name + ", " + s.rule->path + ") on " +
                                          std::string(s.file)
                                    : std::string(s.file) + " (importing it)";
    const std::string message = "error: " + what +
                                " does not stop after being interrupted (it is blocked in C code, or it "
                                "catches lint.RuleTimeout); lint gives up\n";
    (void)!::write(STDERR_FILENO, message.data(), message.size());
    std::_Exit(2);
  }

  PyObject* exception_;
  std::mutex mutex_;
  std::condition_variable timer_, interrupter_;
  bool interrupt_requested_ = false;
  Clock::time_point timer_wakes_ = Clock::time_point::min();  // when the sleeping timer wakes
  std::list<Slot*> slots_;
};

}  // namespace

namespace {

// One method of a rule class, as the loader registers it: read from the class, or for a shipped
// rule from what the build read from it (cmake/embed_python.py).
struct MethodSpec {
  std::string name;
  std::string what;                   // visit, leave, call, import, attribute, node
  std::vector<std::string> patterns;  // call, import, attribute
  std::string kind;                   // visit, leave, node
  struct Field {
    std::string name;  // a field, or `child`
    NodeFilter::Field::Test test = NodeFilter::Field::Test::Kinds;
    std::vector<std::string> kinds;
  };
  std::vector<Field> fields;  // node
};
struct ClassSpec {
  std::vector<MethodSpec> methods;
  std::optional<std::string> query;
  bool on_match = false;
};

class Runtime final : public PythonRules {
 public:
  std::unique_ptr<py::scoped_interpreter> interpreter;
  // What loading needs, kept for a start on first use; the `lint` module and the loader of the
  // shipped rules' bytecode once started.
  std::vector<const PythonRuleInfo*> selected;
  std::vector<std::string> python_path;
  py::object lint_module, shipped_loader;
  std::atomic<bool> started{false};
  bool holds_gil_at_start = false;  // started by start_python_rules, on the main thread
  std::once_flag start_once;
  void start_lazily();
  struct RuleClass {
    const PythonRuleInfo* info;
    py::object cls;
    TSQuery* query = nullptr;
    uint32_t query_index = 0;  // into query_root_kinds
  };
  struct Method {
    uint32_t rule;  // index into rules
    std::string name;
    bool passes_name = false;  // on_call / on_import: called with (node, qualified name)
  };
  std::vector<RuleClass> rules;
  std::vector<Method> methods;
  // The time limit of one rule on one file (zero: none), the watchdog enforcing it, and the
  // rules that overran it on some file: they do not run again (guarded by the GIL).
  Watchdog::Clock::duration timeout{};
  std::unique_ptr<Watchdog> watchdog;
  std::vector<uint8_t> timed_out;
  bool loaded = false;  // every selected rule loaded

  FileOutput run(FileInput& input) override;
  std::shared_ptr<void> unlock() override {
    // Started on first use, the interpreter is held by no thread between files.
    if (!holds_gil_at_start) return nullptr;
    PyThreadState* state = PyEval_SaveThread();
    return std::shared_ptr<void>(state, [](void* s) { PyEval_RestoreThread(static_cast<PyThreadState*>(s)); });
  }
};

Runtime* g_runtime = nullptr;

}  // namespace

namespace {

// The module name of a rule file inside a package on one of `python_path`'s folders
// (`acme/rules/naming.py` under `vendor/` is "acme.rules.naming"), or "".
std::string module_on_path(const std::filesystem::path& file, const std::vector<std::string>& python_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& entry : python_path) {
    const fs::path root = fs::weakly_canonical(entry, ec);
    const fs::path rel = fs::weakly_canonical(file, ec).lexically_relative(root);
    if (rel.empty() || *rel.begin() == "..") continue;
    std::string name;
    fs::path folder = root;
    bool packages = true;
    for (auto it = rel.begin(); it != rel.end(); ++it) {
      const bool last = std::next(it) == rel.end();
      if (!last) {
        folder /= *it;
        packages &= fs::is_regular_file(folder / "__init__.py", ec);
      }
      if (!name.empty()) name += '.';
      name += last ? it->stem().string() : it->string();
    }
    if (packages && rel.begin() != rel.end()) return name;
  }
  return "";
}

}  // namespace

namespace {

// The folder of the shipped rules, as the loader spells the folders of rule files.
const std::string& shipped_folder() {
  static const std::string folder =
      (std::filesystem::absolute(LINT_PYTHON_RULES_DIR) / "x").lexically_normal().parent_path().string();
  return folder;
}

// The shipped rule file compiled into lint that `path` is, if it still holds the text that was
// compiled; null otherwise.
const EmbeddedPython* embedded_rule_file(const std::string& path) {
  const std::filesystem::path file = std::filesystem::absolute(path).lexically_normal();
  if (file.parent_path().string() != shipped_folder()) return nullptr;
  for (size_t i = 0; i < kShippedRuleCount; ++i) {
    const EmbeddedPython& e = kShippedRules[i];
    if (file.filename() != e.name) continue;
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string_view compiled(reinterpret_cast<const char*>(e.source), e.source_size);
    return in.good() || in.eof() ? (text == compiled ? &e : nullptr) : nullptr;
  }
  return nullptr;
}

// Starts the isolated interpreter and makes the `lint` module. The caller then holds the GIL.
// Without `site`, the site-packages folders are not on sys.path: for shipped rules only, which
// import nothing from there (a third of the interpreter's start-up).
void start_interpreter(Runtime& impl, bool site) {
  // An isolated interpreter: the linted project's files never shadow modules, nothing is
  // written next to the rules, and signals stay lint's.
  PyConfig config;
  PyConfig_InitIsolatedConfig(&config);
  config.write_bytecode = 0;
  config.install_signal_handlers = 0;
  config.parse_argv = 0;
  config.site_import = site ? 1 : 0;
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
    redirect_standard_output(real_stdout);  // still checked (output/standard_output.h)
  }
  // (The module type is sys's: importing `types` costs more than the rest of this.)
  py::object lint_module = py::type::of(sys)("lint");
  // Compiled under a name, so that tracebacks through the API say where they pass: at build
  // time, unless this interpreter's bytecode differs from the one that compiled it.
  py::module_ builtins = py::module_::import("builtins");
  const bool precompiled = PyImport_GetMagicNumber() == kEmbeddedMagic;
  auto bytes_of = [](const unsigned char* data, size_t size) {
    return py::bytes(reinterpret_cast<const char*>(data), size);
  };
  py::module_ marshal;
  if (precompiled) marshal = py::module_::import("marshal");
  py::object api_code = precompiled ? marshal.attr("loads")(bytes_of(kLintApiCode.code, kLintApiCode.code_size))
                                    : builtins.attr("compile")(kLintApiSource, "<lint>", "exec");
  builtins.attr("exec")(api_code, lint_module.attr("__dict__"));
  sys.attr("modules")["lint"] = lint_module;
  // The shipped rule files, and the helpers they import, from their bytecode too.
  if (precompiled) {
    py::dict table;
    for (size_t i = 0; i < kShippedRuleCount; ++i) {
      const EmbeddedPython& e = kShippedRules[i];
      table[py::str(e.name)] = py::make_tuple(bytes_of(e.source, e.source_size), bytes_of(e.code, e.code_size));
    }
    impl.shipped_loader = lint_module.attr("_Shipped")(shipped_folder(), table);
    sys.attr("meta_path").attr("insert")(0, impl.shipped_loader);
  }
  impl.lint_module = lint_module;
  if (impl.timeout > Watchdog::Clock::duration::zero()) {
    impl.watchdog = std::make_unique<Watchdog>(py::object(lint_module.attr("RuleTimeout")).release().ptr());
  }
}

// What a rule class asks for, read from the class (`_lint_filters` of its methods, its
// `visit_`/`leave_` methods, its query), in dir() order: the order the tables are filled in.
ClassSpec spec_of_class(const py::object& cls) {
  ClassSpec spec;
  PyObject* dir = PyObject_Dir(cls.ptr());
  if (!dir) throw py::error_already_set();
  for (py::handle attr : py::reinterpret_steal<py::object>(dir)) {
    const std::string name = attr.cast<std::string>();
    if (name.starts_with("__")) continue;
    py::object member = cls.attr(attr);
    if (py::hasattr(member, "_lint_filters")) {
      for (py::handle item : member.attr("_lint_filters")) {
        const py::tuple t = py::reinterpret_borrow<py::tuple>(item);
        MethodSpec m{name, t[0].cast<std::string>()};
        if (m.what == "node") {
          m.kind = t[1].cast<std::string>();
          for (py::handle f : t[2]) {
            const py::tuple field = py::reinterpret_borrow<py::tuple>(f);
            MethodSpec::Field test{field[0].cast<std::string>()};
            const py::object value = field[1];
            if (value.is_none()) {
              test.test = NodeFilter::Field::Test::Absent;
            } else if (py::isinstance<py::bool_>(value)) {
              test.test = value.cast<bool>() ? NodeFilter::Field::Test::Present : NodeFilter::Field::Test::Absent;
            } else {
              for (py::handle k : value) test.kinds.push_back(k.cast<std::string>());
            }
            m.fields.push_back(std::move(test));
          }
        } else {
          for (py::handle pattern : t[1]) m.patterns.push_back(pattern.cast<std::string>());
        }
        spec.methods.push_back(std::move(m));
      }
      continue;
    }
    const bool visit = name.starts_with("visit_"), leave = name.starts_with("leave_");
    if (visit || leave) spec.methods.push_back(MethodSpec{name, visit ? "visit" : "leave", {}, name.substr(6)});
  }
  py::object query = cls.attr("query");
  if (!query.is_none()) spec.query = query.cast<std::string>();
  spec.on_match = py::hasattr(cls, "on_match");
  return spec;
}

// The same, as cmake/embed_python.py read it from a shipped rule class when lint was built.
ClassSpec spec_of_json(const nlohmann::json& j) {
  ClassSpec spec;
  for (const nlohmann::json& m : j.at("methods")) {
    MethodSpec method{m.at(0).get<std::string>(), m.at(1).get<std::string>()};
    if (method.what == "node") {
      method.kind = m.at(2).get<std::string>();
      for (const nlohmann::json& f : m.at(3)) {
        MethodSpec::Field test{f.at(0).get<std::string>()};
        const nlohmann::json& value = f.at(1);
        if (value.is_null()) test.test = NodeFilter::Field::Test::Absent;
        else if (value.is_boolean()) test.test = value.get<bool>() ? NodeFilter::Field::Test::Present : NodeFilter::Field::Test::Absent;
        else test.kinds = value.get<std::vector<std::string>>();
        method.fields.push_back(std::move(test));
      }
    } else if (method.what == "visit" || method.what == "leave") {
      method.kind = m.at(2).get<std::string>();
    } else {
      method.patterns = m.at(2).get<std::vector<std::string>>();
    }
    spec.methods.push_back(std::move(method));
  }
  if (j.at("query").is_string()) spec.query = j.at("query").get<std::string>();
  spec.on_match = j.at("on_match").get<bool>();
  return spec;
}

// Fills the engine's tables (what the walk collects for Python) with a rule's methods and query.
// Throws PythonRuleError for an unknown node kind or field, or a query that does not compile.
void register_rule(Runtime& impl, const PythonRuleInfo* info, const ClassSpec& spec) {
  Runtime* rt = &impl;
  const uint32_t index = static_cast<uint32_t>(impl.rules.size());
  Runtime::RuleClass rc{info, py::object(), nullptr};
  const TSLanguage* lang = python_language();
  const size_t symbols = ts_language_symbol_count(lang);
  rt->enter_methods.resize(symbols);
  rt->leave_methods.resize(symbols);
  rt->node_filters.resize(symbols);
  rt->query_roots_by_symbol.resize(symbols);
  rt->interest.resize(symbols, 0);
  const std::string where = info->path + ":" + std::to_string(info->line) + ": class " + info->class_name;
  auto add_method = [&](const std::string& name, bool passes_name) {
    impl.methods.push_back({index, name, passes_name});
    rt->method_rule.push_back(&info->spec);
    return static_cast<uint32_t>(impl.methods.size() - 1);
  };
  auto kind_symbol = [&](const std::string& method, const std::string& kind) {
    const TSSymbol sym = symbol_named(kind);
    if (sym == 0) {
      throw PythonRuleError{where + ", method " + method + ": tree-sitter-python has no node kind `" + kind + "`"};
    }
    return sym;
  };
  for (const MethodSpec& method : spec.methods) {
    const std::string& name = method.name;
    const std::string& what = method.what;
    if (what == "attribute") {
      const uint32_t m = add_method(name, true);
      for (const std::string& pattern : method.patterns) rt->attribute_patterns.add(pattern, m);
      rt->attribute_symbol = kind_symbol(name, "attribute");
      rt->attribute_field = ts_language_field_id_for_name(lang, "attribute", 9);
      rt->interest[rt->attribute_symbol] = 1;
    } else if (what == "call" || what == "import") {
      const uint32_t m = add_method(name, true);
      for (const std::string& pattern : method.patterns) {
        (what == "call" ? rt->call_patterns : rt->import_patterns).add(pattern, m);
      }
      if (what == "call") {
        rt->call_symbol = kind_symbol(name, "call");
        rt->interest[rt->call_symbol] = 1;
      }
      // Imports are watched too: on_import's, and for on_call their aliases.
      rt->import_symbol = kind_symbol(name, "import_statement");
      rt->import_from_symbol = kind_symbol(name, "import_from_statement");
      rt->interest[rt->import_symbol] = rt->interest[rt->import_from_symbol] = 1;
    } else if (what == "node") {
      NodeFilter filter;
      filter.method = add_method(name, false);
      const TSSymbol sym = kind_symbol(name, method.kind);
      for (const MethodSpec::Field& f : method.fields) {
        NodeFilter::Field field;
        if (f.name != "child") {
          field.field = ts_language_field_id_for_name(lang, f.name.data(), static_cast<uint32_t>(f.name.size()));
          if (field.field == 0) {
            throw PythonRuleError{where + ", method " + name + ": tree-sitter-python has no field `" + f.name +
                                  "` (on_node takes fields, or `child` for the first named child)"};
          }
        }
        field.test = f.test;
        for (const std::string& k : f.kinds) field.kinds.push_back(kind_symbol(name, k));
        filter.fields.push_back(std::move(field));
      }
      rt->node_filters[sym].push_back(std::move(filter));
      rt->interest[sym] = 1;
    } else {  // visit, leave
      const TSSymbol sym = kind_symbol(name, method.kind);
      const uint32_t m = add_method(name, false);
      (what == "visit" ? rt->enter_methods : rt->leave_methods)[sym].push_back(m);
      rt->interest[sym] = 1;
      rt->listens_on_leave |= what == "leave";
    }
  }
  if (spec.query) {
    const std::string& q = *spec.query;
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
    // The kinds its patterns start at: the query runs on the outermost such subtrees,
    // collected by the walk, not over the whole file (unless a pattern starts otherwise).
    std::vector<TSSymbol> roots;
    bool rooted = true;
    for (uint32_t pattern = 0; pattern < ts_query_pattern_count(rc.query) && rooted; ++pattern) {
      size_t i = ts_query_start_byte_for_pattern(rc.query, pattern);
      auto skip = [&] { while (i < q.size() && std::isspace(static_cast<unsigned char>(q[i]))) ++i; };
      skip();
      rooted = i < q.size() && q[i] == '(';
      if (!rooted) break;
      ++i;
      skip();
      size_t end = i;
      while (end < q.size() && (std::isalnum(static_cast<unsigned char>(q[end])) || q[end] == '_')) ++end;
      const std::string kind = q.substr(i, end - i);
      const TSSymbol sym = kind.empty() || kind == "_" ? 0 : symbol_named(kind);
      rooted = sym != 0;
      if (rooted && std::find(roots.begin(), roots.end(), sym) == roots.end()) roots.push_back(sym);
    }
    const uint32_t qi = static_cast<uint32_t>(rt->query_root_kinds.size());
    rc.query_index = qi;
    if (!rooted) roots.clear();
    for (TSSymbol sym : roots) {
      rt->query_roots_by_symbol[sym].push_back(qi);
      rt->interest[sym] = 1;
      rt->listens_on_leave = true;  // to know when the walk is out of the outermost root
    }
    rt->query_root_kinds.push_back(std::move(roots));
    if (!spec.on_match) {
      throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name +
                            " has a query but no on_match(captures) method"};
    }
  }
  impl.rules.push_back(std::move(rc));
}

// Imports each file that defines a selected rule, once, and checks each class. With `specs`
// (the classes' specs known without Python: shipped rules, registered already), only finds the
// classes; otherwise reads each class's spec and registers it. Throws PythonRuleError.
void load_rules(Runtime& impl, bool registered) {
  Runtime* rt = &impl;
  const std::vector<const PythonRuleInfo*>& selected = impl.selected;
  const std::vector<std::string>& python_path = impl.python_path;
  py::module_ sys = py::module_::import("sys");
  py::object rule_base = impl.lint_module.attr("Rule");
  const py::object& shipped_loader = impl.shipped_loader;
  const std::string& shipped = shipped_folder();
  // Import each file that defines a selected rule, once. Each folder of rule files is a package
  // (`lint_rules_N`), so that a rule file can import helpers beside it with a relative import
  // (`from ._helpers import x`) without putting the folder on sys.path, where its files could
  // shadow other modules.
  // `python-path`: after everything else, so that it never shadows the standard library.
  for (const std::string& folder : python_path) sys.attr("path").attr("append")(folder);
  // importlib.util's functions, from the import system's own modules (always loaded): importing
  // importlib.util imports functools, collections and more, a fifth of the interpreter's start.
  py::module_ bootstrap_external = py::module_::import("_frozen_importlib_external");
  py::module_ bootstrap = py::module_::import("_frozen_importlib");
  std::unordered_map<std::string, py::object> modules;
  std::unordered_map<std::string, std::string> packages;  // folder -> package name
  for (const PythonRuleInfo* info : selected) {
    auto it = modules.find(info->path);
    if (it == modules.end()) {
      const std::filesystem::path file = std::filesystem::absolute(info->path).lexically_normal();
      const std::string folder = file.parent_path().string();
      auto [package, created] = packages.emplace(folder, "lint_rules_" + std::to_string(packages.size()));
      if (created) {
        py::object pkg = py::type::of(sys)(package->second);
        py::list path;
        path.append(folder);
        pkg.attr("__path__") = path;
        pkg.attr("__package__") = package->second;
        sys.attr("modules")[py::str(package->second)] = pkg;
      }
      std::string stem = file.stem().string();
      std::replace(stem.begin(), stem.end(), '.', '_');  // a dot would name a subpackage
      std::string module_name = package->second + "." + stem;
      for (int n = 2; sys.attr("modules").contains(py::str(module_name)); ++n) {
        module_name = package->second + "." + stem + "_" + std::to_string(n);
      }
      // Importing runs the file's code: under the time limit too.
      Watchdog::Slot slot;
      if (impl.watchdog) {
        impl.watchdog->add(&slot);
        impl.watchdog->arm(&slot, impl.timeout, impl.timeout, nullptr, info->path);
      }
      std::string error;
      try {
        if (const std::string own = module_on_path(file, python_path); !own.empty()) {
          // A package's rule: imported as itself, so its absolute and relative imports work.
          it = modules.emplace(info->path, py::module_::import("importlib").attr("import_module")(own)).first;
        } else {
          const bool is_shipped = shipped_loader && file.parent_path().string() == shipped &&
                               std::any_of(kShippedRules, kShippedRules + kShippedRuleCount, [&](const EmbeddedPython& e) {
                                 return file.filename() == e.name;
                               });
          py::object spec = is_shipped ? bootstrap_external.attr("spec_from_file_location")(
                                             module_name, file.string(), py::arg("loader") = shipped_loader)
                                       : bootstrap_external.attr("spec_from_file_location")(module_name, info->path);
          py::object mod = bootstrap.attr("module_from_spec")(spec);
          sys.attr("modules")[py::str(module_name)] = mod;
          spec.attr("loader").attr("exec_module")(mod);
          it = modules.emplace(info->path, mod).first;
        }
      } catch (py::error_already_set& e) {
        if (!slot.fired) error = format_exception(e);
      }
      if (impl.watchdog) {
        const bool fired = impl.watchdog->disarm(&slot);
        impl.watchdog->remove(&slot);
        if (fired) error = "importing it took over " + seconds_text(impl.timeout) + " s (--rule-timeout)";
      }
      if (!error.empty()) throw PythonRuleError{info->path + ": the rule file failed to load:\n" + error};
    }
    // Whatever the class holds is the rule's code: a `query` that is not a string, a `__dir__`
    // that raises... are the rule file's errors, not lint's.
    try {
      py::object cls;
      try {
        cls = it->second.attr(info->class_name.c_str());
      } catch (py::error_already_set&) {
        throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name + " not found"};
      }
      const int derives = py::isinstance<py::type>(cls) ? PyObject_IsSubclass(cls.ptr(), rule_base.ptr()) : 0;
      if (derives < 0) throw py::error_already_set();
      if (!derives) {
        throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name +
                              " has a `code` but does not derive from lint.Rule"};
      }
      // `fixable` was read by the scan, from the class body's literal: what runs must agree.
      const py::object fixable = cls.attr("fixable");
      const char* scanned = info->spec.fix == FixAvailability::Always      ? "always"
                            : info->spec.fix == FixAvailability::Sometimes ? "sometimes"
                                                                           : nullptr;
      const bool agrees = scanned ? py::isinstance<py::str>(fixable) && fixable.cast<std::string>() == scanned
                                  : fixable.is_none();
      if (!agrees) {
        throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name +
                              ": set `fixable` in the class body to the string \"always\" or \"sometimes\" "
                              "(lint reads it without running the rule file)"};
      }
      if (registered) {
        // Registered in the order of `selected` when the run started.
        for (Runtime::RuleClass& rc : rt->rules) {
          if (rc.info == info) rc.cls = cls;
        }
      } else {
        register_rule(impl, info, spec_of_class(cls));
        rt->rules.back().cls = cls;
      }
    } catch (py::error_already_set& e) {
      throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name + ":\n" +
                            format_exception(e)};
    } catch (const PythonRuleError&) {
      throw;
    } catch (const std::exception& e) {
      throw PythonRuleError{info->path + ":" + std::to_string(info->line) + ": class " + info->class_name + ": " +
                            e.what()};
    }
  }
}

// The spec of every selected rule when all of them are shipped rules whose files are the text
// lint was built from (their specs were read then); empty otherwise.
// (Their bytecode is another matter, checked when the interpreter starts.)
std::vector<ClassSpec> shipped_specs(const std::vector<const PythonRuleInfo*>& selected) {
  static const nlohmann::json filters = nlohmann::json::parse(kShippedFilters, nullptr, false);
  if (filters.is_discarded()) return {};
  std::vector<ClassSpec> specs;
  for (const PythonRuleInfo* info : selected) {
    const EmbeddedPython* file = embedded_rule_file(info->path);
    if (!file) return {};
    const auto f = filters.find(file->name);
    if (f == filters.end()) return {};
    const auto c = f->find(info->class_name);
    if (c == f->end()) return {};
    try {
      specs.push_back(spec_of_json(*c));
    } catch (const nlohmann::json::exception&) {
      return {};
    }
  }
  return specs;
}

}  // namespace

PythonRules& start_python_rules(const std::vector<const PythonRuleInfo*>& selected, double timeout_seconds,
                                const std::vector<std::string>& python_path, bool lazy) {
  if (g_runtime) {
    if (!g_runtime->loaded) throw PythonRuleError{"the Python rules failed to load"};
    return *g_runtime;
  }
  // Kept in g_runtime even when loading fails below: the process then exits with the interpreter
  // running, as always (LeakSanitizer reported the lost Runtime).
  auto* rt = new Runtime();
  g_runtime = rt;
  Runtime& impl = *rt;
  if (timeout_seconds > 0) {
    impl.timeout = std::chrono::duration_cast<Watchdog::Clock::duration>(std::chrono::duration<double>(timeout_seconds));
  }
  impl.selected = selected;
  impl.python_path = python_path;
  // Shipped rules need no interpreter to say what they want: it starts when a file first has
  // a node for one of them (Runtime::run), and a run where none has any never starts it.
  if (lazy) {
    const std::vector<ClassSpec> specs = shipped_specs(selected);
    if (!specs.empty()) {
      for (size_t i = 0; i < selected.size(); ++i) register_rule(impl, selected[i], specs[i]);
      impl.timed_out.assign(impl.rules.size(), 0);
      impl.loaded = true;
      return *rt;
    }
  }
  start_interpreter(impl, true);
  impl.started.store(true, std::memory_order_release);
  impl.holds_gil_at_start = true;
  load_rules(impl, false);
  impl.timed_out.assign(impl.rules.size(), 0);
  impl.loaded = true;
  return *rt;
}

bool python_started() { return g_runtime && g_runtime->started.load(std::memory_order_acquire); }

namespace {

// Starts the interpreter and imports the rules, once, when a file first needs them (rules whose
// specs were known without Python). Exits the process, as a rule file failing to load stops a
// run, if that fails; that needs a shipped rule file that no longer loads.
void Runtime::start_lazily() {
  std::call_once(start_once, [this] {
    try {
      start_interpreter(*this, false);
      load_rules(*this, true);
    } catch (const PythonRuleError& e) {
      const std::string message = "error: " + e.message + "\n";
      (void)!::write(STDERR_FILENO, message.data(), message.size());
      std::_Exit(2);
    } catch (py::error_already_set& e) {
      const std::string message = "error: the Python rules failed to load:\n" + format_exception(e) + "\n";
      (void)!::write(STDERR_FILENO, message.data(), message.size());
      std::_Exit(2);
    }
    // This thread holds the GIL now: released, so that every thread takes it per file.
    PyEval_SaveThread();
    started.store(true, std::memory_order_release);
  });
}

}  // namespace

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

namespace {

// Holds the GIL with this thread's own Python thread state, made the first time and kept:
// pybind11's gil_scoped_acquire, on a thread Python did not start (every worker), made one at
// each acquisition and deleted it at each release, once per file, holding the GIL.
class ThreadGil {
 public:
  ThreadGil() {
    if (PyGILState_Check()) {  // already held (the main thread, after the parallel part)
      held_ = true;
      return;
    }
    if (state_) {
      PyEval_RestoreThread(state_);
    } else {
      // This thread's state if it has one (the one that started Python), else a new one; never
      // released, so it is kept.
      PyGILState_Ensure();
    }
  }
  ~ThreadGil() {
    if (!held_) state_ = PyEval_SaveThread();
  }
  ThreadGil(const ThreadGil&) = delete;
  ThreadGil& operator=(const ThreadGil&) = delete;

 private:
  bool held_ = false;
  static thread_local PyThreadState* state_;
};
thread_local PyThreadState* ThreadGil::state_ = nullptr;

}  // namespace

PythonRules::FileOutput Runtime::run(FileInput& input) {
  FileOutput out;
  // Which calls match which on_call patterns is decided here, before taking the GIL.
  resolve_calls(input);
  const PythonCollector& collected = input.collected;
  bool any_query = false;
  for (const RuleClass& rc : rules) {
    any_query |= rc.query && (query_root_kinds[rc.query_index].empty() || !collected.query_roots[rc.query_index].empty());
  }
  FileTiming* timing = input.timing;
  if (timing) {
    for (const RuleClass& rc : rules) (*timing)[&rc.info->spec];  // every rule has a row, if only of zeros
  }
  // A file on which no rule is to be called costs no Python at all.
  if (collected.events.empty() && !any_query) return out;
  if (!started.load(std::memory_order_acquire)) {
    const TimingClock::time_point start = timing ? TimingClock::now() : TimingClock::time_point{};
    start_lazily();
    if (timing) timing->add(Phase::PythonStart, elapsed_ns(start));
  }
  const TimingClock::time_point setup_start = timing ? TimingClock::now() : TimingClock::time_point{};
  // Times the GIL's holding, from its acquisition until its release (destroyed after `gil`).
  struct GilTimer {
    FileTiming* timing;
    uint64_t released = 0;  // set at the end: the time the GIL was released meanwhile
    TimingClock::time_point acquired{};
    ~GilTimer() {
      if (timing) timing->gil_held_ns += elapsed_ns(acquired) - released;
    }
  } gil_timer{timing};
  ThreadGil gil;
  if (timing) {
    gil_timer.acquired = TimingClock::now();
    timing->gil_wait_ns += static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(gil_timer.acquired - setup_start).count());
  }
  Runtime& impl = *this;
  auto file = std::make_shared<PyFile>();
  file->path = std::string(input.path);
  file->source = input.source;
  file->original = input.original.empty() ? input.source : input.original;
  file->tree = input.tree;
  file->lines = input.lines;
  file->cell_offsets = input.cell_offsets;
  file->model = input.model;
  file->input = &input;
  file->target_minor = input.target_minor;
  file->out = &out.diagnostics;
  py::object file_obj = py::cast(file);

  // This thread's watchdog slot, registered for the duration of the file.
  Watchdog::Slot slot;
  struct Registration {
    Watchdog* watchdog;
    Watchdog::Slot* slot;
    ~Registration() {
      if (watchdog) watchdog->remove(slot);
    }
  } registration{impl.watchdog.get(), &slot};
  if (impl.watchdog) impl.watchdog->add(&slot);

  std::vector<py::object> instances(impl.rules.size());
  std::vector<bool> failed(impl.rules.size(), false);
  std::vector<Watchdog::Clock::duration> used(impl.rules.size(), Watchdog::Clock::duration::zero());
  auto describe = [&](uint32_t r) {
    const PythonRuleInfo& info = *impl.rules[r].info;
    return "rule " + info.code + " (" + info.name + ", " + info.path + ")";
  };
  auto fail = [&](uint32_t r, const std::string& why) {
    failed[r] = true;
    out.errors.push_back("error: " + describe(r) + " failed on " + std::string(input.path) + ":\n" + why);
  };
  auto time_out = [&](uint32_t r) {
    failed[r] = true;
    impl.timed_out[r] = 1;
    out.errors.push_back("error: " + describe(r) + " timed out on " + std::string(input.path) + ": it ran over " +
                         seconds_text(impl.timeout) + " s (--rule-timeout) and is not run again");
  };
  // Calls into rule `r` (`what` names the method, for messages): under the time limit, with its
  // exceptions and a non-None return value reported as the rule's failure. False when the rule
  // failed or timed out: it is not called again on this file.
  auto call = [&](uint32_t r, const char* what, auto&& fn) -> bool {
    if (failed[r]) return false;
    if (impl.timed_out[r]) {  // on another file
      failed[r] = true;
      return false;
    }
    const auto start = Watchdog::Clock::now();
    bool fired = false;
    std::string error;
    if (impl.watchdog) {
      impl.watchdog->arm(&slot, impl.timeout - used[r], impl.timeout, impl.rules[r].info, input.path);
    }
    try {
      py::object result = fn();
      if (result && !result.is_none()) {
        // The type's name only: the object's own repr() is the rule's code, and may misbehave.
        error = std::string(what) + " returned a value of type `" + Py_TYPE(result.ptr())->tp_name +
                "`, not None (visit_*, leave_* and on_match return nothing; one containing `yield` is a "
                "generator and never runs)";
      }
    } catch (py::error_already_set& e) {
      // Formatted while the call is still timed: a hostile __str__ or __repr__ is the rule's code.
      if (!impl.watchdog || !(fired = slot.fired)) error = format_exception(e);
    } catch (const std::exception& e) {  // pybind11 failing to convert what the rule gave it
      error = e.what();
    }
    if (impl.watchdog) fired = impl.watchdog->disarm(&slot) || fired;
    used[r] += Watchdog::Clock::now() - start;
    if (fired || (impl.watchdog && used[r] >= impl.timeout)) {
      time_out(r);
      return false;
    }
    if (!error.empty()) {
      fail(r, error);
      return false;
    }
    return true;
  };

  // `self.options`: the rule's options for this file's configuration, when it declares any.
  auto set_options = [&](py::object& instance, uint32_t r) {
    if (!input.options) return;
    for (const auto& [spec, values] : *input.options) {
      if (spec != &impl.rules[r].info->spec) continue;
      py::dict d;
      // Not a structured binding: clang before 16 (the fuzzing build's) cannot capture one.
      for (const auto& option : values.values()) {
        std::visit([&](const auto& v) { d[py::str(option.first)] = py::cast(v); }, option.second);
      }
      instance.attr("options") = d;
    }
  };
  // Per rule: the time in its Python calls and their number, when timing.
  std::vector<RuleCost> cost(timing ? impl.rules.size() : 0);
  uint64_t in_calls = 0;
  auto timed_call = [&](uint32_t r, const char* what, auto&& fn, bool on_node = true) {
    if (!timing) return call(r, what, fn);
    const TimingClock::time_point start = TimingClock::now();
    const uint64_t released = file->released_ns;
    const bool ok = call(r, what, fn);
    const uint64_t ns = elapsed_ns(start) - (file->released_ns - released);  // the model is not the rule's
    cost[r].python_ns += ns;
    cost[r].nodes += on_node;
    in_calls += ns;
    return ok;
  };
  // A rule is instantiated on a file when it is first called there: a rule that is called on
  // nothing costs no Python call.
  auto instance = [&](uint32_t r) -> bool {
    if (instances[r]) return true;
    if (failed[r]) return false;
    return timed_call(r, "__init__", [&] {
      instances[r] = impl.rules[r].cls();
      instances[r].attr("_file") = file_obj;
      set_options(instances[r], r);
      return py::object();
    }, false) && instances[r];
  };
  // Bound methods are looked up once per file, and consecutive events on one node (several
  // rules visiting it) share one Python node object.
  std::vector<py::object> bound(impl.methods.size());
  py::object node_obj;
  TSNode node_of_obj{};
  std::vector<py::object> names(collected.names.size());
  for (const PythonEvent& ev : collected.events) {
    const Runtime::Method& m = impl.methods[ev.method];
    if (failed[m.rule] || !instance(m.rule)) continue;
    file->rule = &impl.rules[m.rule].info->spec;
    if (!node_obj || !ts_node_eq(node_of_obj, ev.node)) {
      node_obj = py::cast(PyNode{file, ev.node});
      node_of_obj = ev.node;
    }
    timed_call(m.rule, m.name.c_str(), [&] {
      if (!bound[ev.method]) bound[ev.method] = instances[m.rule].attr(m.name.c_str());
      if (!m.passes_name) return bound[ev.method](node_obj);
      py::object& name = names[ev.name];
      if (!name) name = py::str(collected.names[ev.name]);
      return bound[ev.method](node_obj, name);
    });
  }
  // Query rules: the matches are enumerated in C++ (on the subtrees the walk collected), under
  // the rule's time limit too; on_match is called for each.
  py::module_ re;
  for (uint32_t r = 0; r < impl.rules.size(); ++r) {
    const TSQuery* q = impl.rules[r].query;
    if (!q || failed[r]) continue;
    const uint32_t qi = impl.rules[r].query_index;
    const bool whole_file = query_root_kinds[qi].empty();
    const std::vector<TSNode>& roots = collected.query_roots[qi];
    if (!whole_file && roots.empty()) continue;
    file->rule = &impl.rules[r].info->spec;
    TSQueryCursor* cursor = ts_query_cursor_new();
    const TimingClock::time_point start = timing ? TimingClock::now() : TimingClock::time_point{};
    uint64_t python_ns = 0, matches = 0;
    call(r, "on_match", [&]() -> py::object {
      const size_t count = whole_file ? 1 : roots.size();
      for (size_t i = 0; i < count; ++i) {
        ts_query_cursor_exec(cursor, q, whole_file ? ts_tree_root_node(input.tree) : roots[i]);
        TSQueryMatch match;
        while (ts_query_cursor_next_match(cursor, &match)) {
          // Out of time between two matches (the enumeration is C++, which nothing interrupts).
          if (impl.watchdog && (slot.fired || Watchdog::Clock::now() >= slot.deadline)) return py::object();
          if (!re) re = py::module_::import("re");
          if (!predicates_hold(q, match, input.source, re)) continue;
          if (!instances[r]) {
            instances[r] = impl.rules[r].cls();
            instances[r].attr("_file") = file_obj;
            set_options(instances[r], r);
          }
          const TimingClock::time_point call_start = timing ? TimingClock::now() : TimingClock::time_point{};
          // One node per capture name; a list when a quantified capture matched several.
          py::dict captures;
          for (uint16_t c = 0; c < match.capture_count; ++c) {
            uint32_t len = 0;
            const char* name = ts_query_capture_name_for_id(q, match.captures[c].index, &len);
            py::str key(name, len);
            py::object node = py::cast(PyNode{file, match.captures[c].node});
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
          py::object result = instances[r].attr("on_match")(captures);
          if (timing) python_ns += elapsed_ns(call_start);
          ++matches;
          if (!result.is_none()) return result;
        }
      }
      return py::object();
    });
    if (timing) {
      const uint64_t total = elapsed_ns(start);
      cost[r].python_ns += python_ns;
      cost[r].native_ns += total > python_ns ? total - python_ns : 0;
      cost[r].nodes += matches;
      in_calls += total;
    }
    ts_query_cursor_delete(cursor);
  }
  // The instances go, timed too (a rule's __del__ is its code; Python prints what it raises).
  bound.clear();
  node_obj = py::object();
  for (uint32_t r = 0; r < impl.rules.size(); ++r) {
    if (!instances[r]) continue;
    if (impl.watchdog) impl.watchdog->arm(&slot, impl.timeout, impl.timeout, impl.rules[r].info, input.path);
    instances[r] = py::object();
    if (impl.watchdog && impl.watchdog->disarm(&slot) && !impl.timed_out[r]) time_out(r);
  }
  if (timing) {
    for (uint32_t r = 0; r < impl.rules.size(); ++r) {
      (*timing)[&impl.rules[r].info->spec] += cost[r];
    }
    const uint64_t total = elapsed_ns(setup_start) - file->released_ns;
    timing->add(Phase::PythonSetup, total > in_calls ? total - in_calls : 0);
    gil_timer.released = file->released_ns;
  }
  // Nodes kept by a rule now refuse to touch the freed tree.
  file->alive = false;
  file->input = nullptr;
  file->model = nullptr;
  file->out = nullptr;
  file->text_str = py::object();
  file->text_bytes = py::object();
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
          if (d.contains("fixed")) ex.fixed = d["fixed"].cast<std::string>();
        } else {
          ex.source = item.cast<std::string>();
        }
        into.push_back(std::move(ex));
      }
    };
    // They are the rule's data: anything may be there.
    try {
      read(rc.cls.attr("VALID"), out.valid);
      read(rc.cls.attr("INVALID"), out.invalid);
    } catch (const std::exception& e) {
      out = RuleExamples{};
      out.error = std::string("VALID and INVALID must be lists of strings or of dicts with a string `code` "
                              "(and `row`, `column`, `message`, `fixed`): ") + e.what();
    }
  }
  return out;
}

}  // namespace lint
