// The stylist now lives in src/fix/stylist.h; this header keeps the name pyupgrade's rules (and
// branches written against it) use until they include fix/stylist.h themselves.
#pragma once

#include "fix/stylist.h"
#include "pyupgrade/syntax.h"

namespace lint::rules::up {

using lint::Stylist;

}  // namespace lint::rules::up
