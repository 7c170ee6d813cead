// Python's builtins, by target version, and the names every module has.
#include <array>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "semantic/semantic.h"

namespace lint {

namespace {

// Every Python 3 builtin; those added after 3.7 are listed in kVersionedBuiltins too.
constexpr std::array kBuiltins = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
    "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
    "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
    "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
    "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError",
    "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
    "PythonFinalizationError",
    "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit",
    "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
    "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
    "ValueError", "Warning", "WindowsError", "ZeroDivisionError", "__build_class__", "__debug__", "__doc__",
    "__import__", "__loader__", "__name__", "__package__", "__spec__", "abs", "aiter", "all", "anext", "any",
    "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile",
    "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit",
    "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id",
    "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map", "max",
    "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range",
    "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super",
    "tuple", "type", "vars", "zip",
    // Module attributes every module has (Ruff's "magic globals").
    "__annotations__", "__builtins__", "__cached__", "__file__",
};

// Builtins that appeared after Python 3.7, with the minor version that added them (as Ruff has them).
constexpr std::pair<std::string_view, int> kVersionedBuiltins[] = {
    {"aiter", 10},          {"anext", 10},          {"EncodingWarning", 10},
    {"BaseExceptionGroup", 11}, {"ExceptionGroup", 11}, {"PythonFinalizationError", 13},
};

}  // namespace

bool is_import(BindingKind k) {
  return k == BindingKind::Import || k == BindingKind::SubmoduleImport || k == BindingKind::FromImport ||
         k == BindingKind::FutureImport;
}

bool is_module_magic(std::string_view name) {
  return name == "__annotations__" || name == "__builtins__" || name == "__cached__" || name == "__file__";
}

int builtin_added_in(std::string_view name) {
  for (const auto& [builtin, minor] : kVersionedBuiltins) {
    if (builtin == name) return minor;
  }
  return 0;
}

bool is_python_builtin(std::string_view name, int minor) {
  static const std::unordered_set<std::string_view> set(kBuiltins.begin(), kBuiltins.end());
  return set.count(name) != 0 && builtin_added_in(name) <= minor;
}

}  // namespace lint
