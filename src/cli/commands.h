// The commands besides linting: `lint rule`, `lint rules`, `lint test-rules`, and the
// `--statistics` report.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "engine/linter.h"
#include "output/output.h"
#include "python/python_rules.h"

namespace lint {

// `lint rule CODE|NAME`: the rule's documentation (text: Markdown, as `ruff rule`; or JSON).
// Returns the exit status (2 for an unknown rule).
int show_rule(const std::string& code_or_name, OutputFormat format, const std::deque<PythonRuleInfo>& python_rules);

// `lint rules`: every registered rule with its code, name, origin (native or Python), whether it
// can fix (none can yet) and whether it is on by default.
int list_rules(OutputFormat format);

// `lint test-rules [PATH ...]`: every Python rule's VALID examples must produce nothing from it,
// every INVALID example at least one diagnostic of its code (at the pinned place, if any).
// `rule_timeout` is --rule-timeout's value.
int test_rules(const std::deque<PythonRuleInfo>& rules, double rule_timeout);

// `--statistics`: the number of diagnostics per code, most frequent first, in Ruff's layout
// (text: `count<TAB>code<TAB>name` lines and the summary; JSON: an array). Returns "" when
// there is nothing to report.
// --statistics: the count per code, most frequent first, with which of them have a fix that
// applies (`[*]` all, `[-]` some); the caller prints the summary lines after it.
std::string render_statistics(const std::vector<FileResult>& results, OutputFormat format);

}  // namespace lint
