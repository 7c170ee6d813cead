#include "fix/fix.h"

namespace lint {

std::string_view applicability_name(Applicability a) {
  switch (a) {
    case Applicability::Safe: return "safe";
    case Applicability::Unsafe: return "unsafe";
    case Applicability::DisplayOnly: return "displayonly";  // as Ruff's JSON spells it
  }
  return "";
}

std::string_view fix_availability_text(FixAvailability f) {
  switch (f) {
    case FixAvailability::None: return "";
    case FixAvailability::Sometimes: return "Fix is sometimes available.";
    case FixAvailability::Always: return "Fix is always available.";
  }
  return "";
}

}  // namespace lint
