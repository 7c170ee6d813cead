// Replaying the builder's events into scopes, bindings and references, in the order Ruff visits
// them (see semantic.h).
#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include "semantic/builder.h"

namespace lint {


namespace {

struct Resolver {
  SemanticModel& m;
  const std::vector<std::string>& qualified;
  const std::vector<TSNode>& statements;
  std::string_view source;
  const std::vector<std::string_view>& names;  // Impl::event_names
  std::deque<uint32_t> functions, lambdas;

  std::string_view name_of(const Event& e) const {
    return e.name_at ? names[e.name_at] : source.substr(e.start, e.end - e.start);
  }

  uint32_t add_binding(uint32_t scope_id, const Event& e, BindingKind kind, uint32_t extra_flags) {
    const std::string_view name = kind == BindingKind::StarImport ? std::string_view("*") : name_of(e);
    Binding b;
    b.name = name;
    b.kind = kind;
    b.scope = scope_id;
    b.start = e.start;
    b.end = e.end;
    b.stmt_start = e.stmt_start;
    b.flags = e.flags | extra_flags;
    b.branch = e.branch;
    b.node = statements[e.node];
    if (is_import(kind)) b.qualified_name = qualified[e.aux];
    Scope& s = m.scopes[scope_id];
    auto it = s.names.find(name);
    if (it != s.names.end()) {
      const Binding& old = m.bindings[it->second];
      if (kind == BindingKind::Annotation && old.kind != BindingKind::Deletion) {
        // `x = 1; x: int`: the annotation does not replace the value (Ruff).
        const uint32_t id = static_cast<uint32_t>(m.bindings.size());
        b.shadows = static_cast<int32_t>(it->second);
        m.bindings.push_back(std::move(b));
        s.bindings.push_back(id);
        return id;
      }
      b.shadows = static_cast<int32_t>(it->second);
      b.shadows_same_scope = true;
      // A rebinding inherits the uses of the binding it replaces, as in Ruff: in a loop, a
      // read that comes before the assignment in the text still reads it.
      if (old.kind != BindingKind::Deletion && old.kind != BindingKind::Builtin) {
        b.uses = old.uses;
        b.used_from_scope = old.used_from_scope;
        b.first_use = old.first_use;
        b.flags |= old.flags & (kGlobalName | kNonlocalName);
      }
    } else if (s.kind == ScopeKind::Function || s.kind == ScopeKind::Lambda) {
      // Only function scopes shadow enclosing names, for F811 and F402 (Ruff).
      for (int32_t a = s.parent; a >= 0; a = m.scopes[a].parent) {
        const Scope& as = m.scopes[a];
        if (as.kind != ScopeKind::Function && as.kind != ScopeKind::Module) continue;
        auto ai = as.names.find(name);
        if (ai != as.names.end()) {
          b.shadows = static_cast<int32_t>(ai->second);
          break;
        }
      }
    }
    const uint32_t id = static_cast<uint32_t>(m.bindings.size());
    m.bindings.push_back(std::move(b));
    s.names[name] = id;
    s.bindings.push_back(id);
    return id;
  }

  bool declared(const std::vector<std::string_view>& v, std::string_view name) const {
    return std::find(v.begin(), v.end(), name) != v.end();
  }

  // A name declared `global` in a function scope, and not deleted there since: Ruff's binding of
  // `global x` is replaced by the deletion of `del x`, so that afterwards `x` is the function's
  // own (unbound until assigned, and an assignment may be an unused local, F841).
  std::vector<std::pair<uint32_t, std::string_view>> deleted_globals;
  bool global_in(uint32_t scope, std::string_view name) const {
    return m.scopes[scope].kind != ScopeKind::Module && declared(m.scopes[scope].globals, name) &&
           std::find(deleted_globals.begin(), deleted_globals.end(), std::make_pair(scope, name)) ==
               deleted_globals.end();
  }

  void bind(const Event& e) {
    const std::string_view name = name_of(e);
    uint32_t scope = e.scope;
    uint32_t flags = 0;
    const Scope& s = m.scopes[scope];
    if (global_in(scope, name)) {
      // Bound here, marked global: reads resolve in the module (see load), as in Ruff.
      flags |= kGlobalName;
    } else if (declared(s.nonlocals, name)) {
      for (int32_t a = s.parent; a >= 0; a = m.scopes[a].parent) {
        if (m.scopes[a].kind == ScopeKind::Function && m.scopes[a].names.count(name)) {
          scope = static_cast<uint32_t>(a);
          break;
        }
      }
      flags |= kNonlocalName;
    }
    add_binding(scope, e, e.bkind, flags);
  }

  void use(uint32_t binding_id, const Event& e) {
    Binding& b = m.bindings[binding_id];
    if (b.uses == 0) {
      b.used_from_scope = static_cast<int32_t>(e.scope);
      b.first_use = e.start;
    }
    ++b.uses;
  }

  // The reference an event makes, resolved to `binding` (-1: not resolved).
  Reference reference_of(const Event& e, int32_t binding = -1) const {
    Reference r;
    r.name = name_of(e);
    r.scope = e.scope;
    r.start = e.start;
    r.end = e.end;
    r.binding = binding;
    return r;
  }

  // A `del` that uses the binding it deletes (or leaves bound).
  void del_use(const Event& e, uint32_t binding) {
    use(binding, e);
    m.references.push_back(reference_of(e, static_cast<int32_t>(binding)));
  }

  void load(const Event& e) {
    const std::string_view name = name_of(e);
    Reference r = reference_of(e);
    r.flags = e.flags & ~kForwardReference;
    if (e.flags & kForwardReference) {
      // A forward reference finds the module's binding first, if it is bound.
      const Scope& module = m.scopes[0];
      const auto it = module.names.find(name);
      if (it != module.names.end()) {
        const BindingKind k = m.bindings[it->second].kind;
        if (k != BindingKind::Annotation && k != BindingKind::Deletion) {
          // Ruff records the reference in the module's scope (so F823 does not see it).
          r.scope = 0;
          r.binding = static_cast<int32_t>(it->second);
          use(it->second, e);
          use_aliased_submodule(module, m.bindings[it->second], e);
          m.references.push_back(r);
          return;
        }
      }
    }
    int32_t s = static_cast<int32_t>(e.scope);
    bool first = true;
    bool star = false;
    bool annotated = false;
    if (global_in(e.scope, name)) s = 0;
    while (s >= 0) {
      const Scope& sc = m.scopes[s];
      if (!first && sc.kind == ScopeKind::Class) {
        s = sc.parent;
        continue;
      }
      star |= sc.star_import;
      auto it = sc.names.find(name);
      if (it != sc.names.end()) {
        const Binding& b = m.bindings[it->second];
        if (b.kind == BindingKind::Deletion && m.is_stub && e.start < b.start && b.shadows >= 0 &&
            b.shadows_same_scope && m.bindings[b.shadows].kind != BindingKind::Deletion) {
          // In a stub, annotations are read after the whole file: one written before the `del`
          // still sees what it deleted.
          const uint32_t shadowed = static_cast<uint32_t>(b.shadows);
          r.binding = static_cast<int32_t>(shadowed);
          use(shadowed, e);
          m.references.push_back(r);
          return;
        }
        if (b.kind == BindingKind::Deletion) {  // deleted: unbound
          r.flags |= kAfterDeletion;
          break;
        }
        if (b.kind == BindingKind::Annotation && !m.is_stub) {
          // `x: int` alone binds nothing to read (the annotation still counts as used, for
          // F842). In a function it declares a local, so the search stops there: the name is
          // unbound, unless a nested scope assigns it through `nonlocal` (F821 checks that at
          // the end, as Ruff does). Elsewhere the search goes on outwards.
          use(it->second, e);
          if (sc.kind == ScopeKind::Function) {
            annotated |= first;
            m.references.push_back(r);
            Unresolved u{name, e.scope, e.start, e.end, e.flags, false, annotated};
            u.annotation = static_cast<int32_t>(it->second);
            m.unresolved.push_back(u);
            return;
          }
          first = false;
          s = sc.parent;
          continue;
        }
        r.binding = static_cast<int32_t>(it->second);
        use(it->second, e);
        use_aliased_submodule(sc, b, e);
        m.references.push_back(r);
        return;
      }
      if (first && sc.kind == ScopeKind::Class && (name == "__module__" || name == "__qualname__")) {
        r.builtin = true;
        m.references.push_back(r);
        return;
      }
      // A method's `__class__` cell; a lambda in a class body has it too.
      if ((sc.kind == ScopeKind::Function || sc.kind == ScopeKind::Lambda) && name == "__class__" && sc.parent >= 0 &&
          m.scopes[sc.parent].kind == ScopeKind::Class) {
        r.builtin = true;
        m.references.push_back(r);
        return;
      }
      first = false;
      s = sc.parent;
    }
    if (is_python_builtin(name, m.target_minor) || (name == "__path__" && m.is_package_init) ||
        (m.is_notebook && (name == "display" || name == "get_ipython" || name == "__IPYTHON__"))) {
      r.builtin = true;
      m.references.push_back(r);
      return;
    }
    m.references.push_back(r);
    m.unresolved.push_back(Unresolved{name, e.scope, e.start, e.end, e.flags, star && !annotated, annotated});
  }

  // `import pyarrow as pa` with `import pyarrow.csv`: using `pa` uses the submodule import too
  // (Ruff's resolve_submodule).
  void use_aliased_submodule(const Scope& sc, const Binding& b, const Event& e) {
    if (b.kind != BindingKind::Import) return;
    const std::string& q = b.qualified_name;
    const size_t dot = q.rfind('.');
    const std::string_view tail = dot == std::string::npos ? std::string_view(q) : std::string_view(q).substr(dot + 1);
    if (tail == b.name) return;
    auto it = sc.names.find(tail);
    if (it == sc.names.end()) return;
    const Binding& sub = m.bindings[it->second];
    if (sub.kind == BindingKind::SubmoduleImport && sub.qualified_name.size() > q.size() &&
        sub.qualified_name.compare(0, q.size(), q) == 0 && sub.qualified_name[q.size()] == '.') {
      use(it->second, e);
    }
  }

  void del(const Event& e) {
    const std::string_view name = name_of(e);
    uint32_t scope = e.scope;
    if (global_in(scope, name)) {
      // `global x; del x` in a function: the module's binding is used, and stays for Ruff.
      auto it = m.scopes[0].names.find(name);
      if (it != m.scopes[0].names.end()) {
        del_use(e, it->second);
      }
      if (!(e.flags & kConditional)) {
        add_binding(scope, e, BindingKind::Deletion, 0);
        deleted_globals.emplace_back(scope, name);
      }
      return;
    }
    Scope& s = m.scopes[scope];
    auto it = s.names.find(name);
    if (it != s.names.end() && m.bindings[it->second].kind != BindingKind::Deletion && (e.flags & kConditional)) {
      // A conditional `del` leaves the name bound (Ruff's ConditionalDeletion).
      del_use(e, it->second);
      return;
    }
    if (it != s.names.end() && m.bindings[it->second].kind != BindingKind::Deletion) {
      del_use(e, it->second);
      add_binding(scope, e, BindingKind::Deletion, 0);
      return;
    }
    // Deleting what this scope never bound is an error, whatever outer scopes hold; a builtin
    // or a nonlocal name is not reported (as Ruff).
    if (declared(m.scopes[e.scope].nonlocals, name)) return;
    if (is_python_builtin(name, m.target_minor) && !is_module_magic(name)) {
      // Still a deletion for what follows (E721: the name is no longer the builtin), unless it
      // sits on a conditional branch. Loads of it still resolve to the builtin, as before.
      if (!(e.flags & kConditional)) add_binding(scope, e, BindingKind::Deletion, 0);
      return;
    }
    m.references.push_back(reference_of(e));
    // Ruff reports an unbound `del` as F821 even where a star import might define the name.
    m.unresolved.push_back(Unresolved{name, e.scope, e.start, e.end, e.flags, false, false});
  }

  void except_end(const Event& e) {
    Scope& s = m.scopes[e.scope];
    auto it = s.names.find(name_of(e));
    if (it == s.names.end()) return;
    const Binding& b = m.bindings[it->second];
    if (b.kind != BindingKind::ExceptHandler) return;
    // The name is unbound after the handler; a name it shadowed comes back.
    if (b.shadows >= 0 && b.shadows_same_scope) {
      s.names[name_of(e)] = static_cast<uint32_t>(b.shadows);
      m.bindings[b.shadows].flags |= kBehindHandler;
    } else {
      s.names.erase(it);
    }
  }

  bool module_name_unbound(std::string_view name) const {
    const auto it = m.scopes[0].names.find(name);
    if (it == m.scopes[0].names.end()) return true;
    const BindingKind k = m.bindings[it->second].kind;
    return k == BindingKind::Annotation || k == BindingKind::Deletion;
  }

  // Replays a unit's events, freeing them as it goes (events are copied into bindings and
  // references, never pointed to).
  void run(EventList& unit) {
    unit.consume([&](const Event& e) {
      switch (e.kind) {
        case Ev::Bind: bind(e); break;
        case Ev::Load: load(e); break;
        case Ev::Del: del(e); break;
        case Ev::Global: {
          Scope& s = m.scopes[e.scope];
          if (s.kind != ScopeKind::Module) s.globals.push_back(name_of(e));
          break;
        }
        case Ev::PreGlobal:
          // A builtin stays the builtin (Ruff binds it first): `def f(): global range` leaves
          // the module's `range(...)` calls to the builtin.
          // A module name that is only annotated (`n: int`) or deleted is still unbound: the
          // global declaration binds it too.
          if (!is_python_builtin(name_of(e), m.target_minor) && module_name_unbound(name_of(e))) {
            add_binding(0, e, BindingKind::Assignment, kGlobalName);
          }
          break;
        case Ev::Nonlocal: {
          m.scopes[e.scope].nonlocals.push_back(name_of(e));
          // The enclosing function's variable is used by the closure that declares it nonlocal.
          for (int32_t a = m.scopes[e.scope].parent; a >= 0; a = m.scopes[a].parent) {
            if (m.scopes[a].kind != ScopeKind::Function) continue;
            auto it = m.scopes[a].names.find(name_of(e));
            if (it != m.scopes[a].names.end()) {
              use(it->second, e);
              m.bindings[it->second].flags |= kReboundNonlocal;
              break;
            }
          }
          break;
        }
        case Ev::DeferFunction: functions.push_back(e.aux); break;
        case Ev::DeferLambda: lambdas.push_back(e.aux); break;
        case Ev::ExceptEnd: except_end(e); break;
        case Ev::StarImport: {
          m.scopes[e.scope].star_import = true;
          add_binding(e.scope, e, BindingKind::StarImport, 0);
          break;
        }
        case Ev::Locals: m.scopes[e.scope].uses_locals = true; break;
      }
    });
  }
};

}  // namespace

std::unique_ptr<SemanticModel> SemanticBuilder::Impl::resolve() {
  // Memory: on dense code (generated tests, tables) nearly every byte of source is a name, and
  // the events and references are, after the tree, what a file costs. References are reserved
  // (one per Load or Del event) instead of growing by doubling, and events are freed as they
  // are replayed.
  model->references.reserve(reference_events);
  Resolver r{*model, qualified, statements, source, event_names, {}, {}, {}};
  auto replay = [&](EventList& unit) { r.run(unit); };
  replay(units[0]);
  while (!r.functions.empty()) {
    const uint32_t u = r.functions.front();
    r.functions.pop_front();
    replay(units[u]);
  }
  while (!r.lambdas.empty()) {
    const uint32_t u = r.lambdas.front();
    r.lambdas.pop_front();
    replay(units[u]);
  }
  replay(*annotations_unit);

  // __all__: its names are uses of the module's bindings.
  Scope& module = model->scopes[0];
  for (const ExportName& ex : model->exports) {
    if (ex.mutation) continue;
    auto it = module.names.find(ex.name);
    if (it != module.names.end()) {
      Binding& b = model->bindings[it->second];
      b.flags |= kExported;
      ++b.uses;
    }
  }
  model->index_references();
  return std::move(model);
}

}  // namespace lint
