// Text from linted files, configuration files, file names and Python rules, made safe to show
// on a terminal.
//
// A source line may hold escape sequences that clear the screen, set the window title, plant
// OSC 8 links or hide text, backspaces that overwrite what was printed, or bidirectional
// controls (U+202E...) that make the printed code read differently from the bytes on disk. As
// Ruff 0.17.3 does in its snippets and titles (annotate-snippets' table), C0 controls become
// their control pictures (U+2400-U+241F: ESC is U+241B), DEL becomes U+2421, the bidirectional
// embedding, override and isolate controls become U+FFFD, and the zero-width joiner is dropped.
// lint goes further where Ruff prints raw text: C1 controls (U+0080-U+009F, which some
// terminals obey as escapes) and bytes that are not UTF-8 become U+FFFD too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lint {

// Appends `character` (one UTF-8 sequence, or one byte that is not UTF-8) to `out` as a
// terminal should show it, and returns the columns that takes (0 or 1). Tabs and line breaks
// are the caller's business: they are appended unchanged.
size_t append_for_terminal(std::string& out, std::string_view character);

// The length of the UTF-8 sequence starting at `text[i]` (1 for a byte that starts none).
size_t utf8_sequence_length(std::string_view text, size_t i);

// `text` with every character replaced as above; tabs and line breaks are kept.
std::string terminal_text(std::string_view text);

// The same for text that must stay on one line (a message, a file name): line breaks and tabs
// become their control pictures too.
std::string terminal_line(std::string_view text);

// Whether terminal_text() would change `text`.
bool needs_terminal_escaping(std::string_view text);

}  // namespace lint
