// The PEP 585 tables that UP006 and the flake8-future-annotations rules share: which `typing`
// aliases a standard collection replaces, and which standard classes can be subscripted at
// runtime from Python 3.9 on.
#pragma once

#include <string_view>

namespace lint::rules::up {

// Ruff's as_pep_585_generic: the collection that replaces a `typing` alias ("" module: a builtin).
struct Pep585Replacement {
  std::string_view module, member;
};

inline bool pep585_replacement(std::string_view q, Pep585Replacement& out) {
  static constexpr struct {
    std::string_view from;
    Pep585Replacement to;
  } kTable[] = {
      {"typing.Dict", {"", "dict"}},
      {"typing.FrozenSet", {"", "frozenset"}},
      {"typing.List", {"", "list"}},
      {"typing.Set", {"", "set"}},
      {"typing.Tuple", {"", "tuple"}},
      {"typing.Type", {"", "type"}},
      {"typing_extensions.Type", {"", "type"}},
      {"typing.Deque", {"collections", "deque"}},
      {"typing_extensions.Deque", {"collections", "deque"}},
      {"typing.DefaultDict", {"collections", "defaultdict"}},
      {"typing_extensions.DefaultDict", {"collections", "defaultdict"}},
  };
  for (const auto& e : kTable) {
    if (e.from == q) {
      out = e.to;
      return true;
    }
  }
  return false;
}

// Ruff's is_pep585_generic: a class (dotted qualified name, builtins as "builtins.list") that
// Python 3.9 made subscriptable, so `name[...]` fails when evaluated on 3.8 and older.
inline bool is_pep585_generic(std::string_view q) {
  static constexpr std::string_view kGenerics[] = {
      "builtins.dict", "builtins.frozenset", "builtins.list", "builtins.set", "builtins.tuple", "builtins.type",
      "collections.deque", "collections.defaultdict", "collections.ChainMap", "collections.Counter",
      "collections.OrderedDict", "asyncio.Future", "asyncio.Task", "contextlib.AbstractAsyncContextManager",
      "contextlib.AbstractContextManager", "dataclasses.Field", "functools.cached_property",
      "functools.partialmethod", "os.PathLike", "queue.LifoQueue", "queue.PriorityQueue", "queue.Queue",
      "queue.SimpleQueue", "re.Match", "re.Pattern", "shelve.BsdDbShelf", "shelve.DbfilenameShelf", "shelve.Shelf",
      "types.MappingProxyType", "weakref.WeakKeyDictionary", "weakref.WeakMethod", "weakref.WeakSet",
      "weakref.WeakValueDictionary",
  };
  static constexpr std::string_view kAbc[] = {
      "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable",       "ByteString",     "Callable",
      "Collection",     "Container",     "Coroutine",     "Generator",       "ItemsView",      "Iterable",
      "Iterator",       "KeysView",      "Mapping",       "MappingView",     "MutableMapping", "MutableSequence",
      "MutableSet",     "Reversible",    "Sequence",      "Set",             "ValuesView",
  };
  for (std::string_view g : kGenerics) {
    if (g == q) return true;
  }
  if (q.starts_with("collections.abc.")) {
    const std::string_view member = q.substr(16);
    for (std::string_view a : kAbc) {
      if (a == member) return true;
    }
  }
  return false;
}

}  // namespace lint::rules::up
