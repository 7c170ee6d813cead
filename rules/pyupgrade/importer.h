// The importer now lives in src/fix/importer.h; this header keeps the names pyupgrade's rules
// (and branches written against it) use until they include fix/importer.h themselves.
#pragma once

#include "fix/importer.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules::up {

using lint::ImportedSymbol;
using lint::ImportRequest;
using lint::Importer;

}  // namespace lint::rules::up
