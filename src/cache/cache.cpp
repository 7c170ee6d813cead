#include "cache/cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "engine/linter.h"
#include "engine/registry.h"
#include "engine/rule.h"

namespace lint {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'L', 'I', 'N', 'T', 'C', 'A', 'C', '1'};
constexpr std::string_view kLayout = "v1";

class Writer {
 public:
  void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>(v >> (8 * i)));
  }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>(v >> (8 * i)));
  }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }
  uint8_t u8() { return static_cast<uint8_t>(take(1).empty() ? 0 : take_last_[0]); }
  uint32_t u32() {
    const std::string_view b = take(4);
    uint32_t v = 0;
    for (size_t i = 0; i < b.size(); ++i) v |= static_cast<uint32_t>(static_cast<uint8_t>(b[i])) << (8 * i);
    return v;
  }
  uint64_t u64() {
    const std::string_view b = take(8);
    uint64_t v = 0;
    for (size_t i = 0; i < b.size(); ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(b[i])) << (8 * i);
    return v;
  }
  std::string str() { return std::string(take(u32())); }

 private:
  std::string_view take(size_t n) {
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      take_last_ = {};
      return {};
    }
    take_last_ = in_.substr(pos_, n);
    pos_ += n;
    return take_last_;
  }
  std::string_view in_;
  std::string_view take_last_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void put_location(Writer& w, const Location& l) {
  w.u32(l.row);
  w.u32(l.column);
}

Location get_location(Reader& r) {
  Location l;
  l.row = r.u32();
  l.column = r.u32();
  return l;
}

std::string encode(const std::vector<Diagnostic>& diagnostics) {
  Writer w;
  w.u32(static_cast<uint32_t>(diagnostics.size()));
  for (const Diagnostic& d : diagnostics) {
    w.str(d.rule ? d.rule->code : std::string_view());
    w.str(d.message);
    w.u32(d.start_byte);
    w.u32(d.end_byte);
    put_location(w, d.start);
    put_location(w, d.end);
    w.u32(d.parent_byte);
    w.u32(d.noqa_row);
    w.str(d.fix_title);
    w.u8(d.fix ? 1 : 0);
    if (d.fix) {
      w.u8(static_cast<uint8_t>(d.fix->applicability()));
      w.u32(d.fix->isolation());
      w.u32(static_cast<uint32_t>(d.fix->edits().size()));
      for (const Edit& e : d.fix->edits()) {
        w.u32(e.start);
        w.u32(e.end);
        w.str(e.content);
      }
    }
    w.str(d.label);
    w.u32(static_cast<uint32_t>(d.secondary.size()));
    for (const Annotation& a : d.secondary) {
      w.u32(a.start_byte);
      w.u32(a.end_byte);
      put_location(w, a.start);
      put_location(w, a.end);
      w.str(a.message);
    }
  }
  return std::move(w.bytes());
}

std::optional<std::vector<Diagnostic>> decode(std::string_view payload) {
  Reader r(payload);
  const uint32_t count = r.u32();
  if (!r.ok() || count > payload.size()) return std::nullopt;
  std::vector<Diagnostic> out;
  out.reserve(count);
  for (uint32_t i = 0; i < count && r.ok(); ++i) {
    Diagnostic d;
    const std::string code = r.str();
    if (!code.empty()) {
      d.rule = find_rule(code);
      if (!d.rule || d.rule->code != code) return std::nullopt;  // a rule lint no longer has
    }
    d.message = r.str();
    d.start_byte = r.u32();
    d.end_byte = r.u32();
    d.start = get_location(r);
    d.end = get_location(r);
    d.parent_byte = r.u32();
    d.noqa_row = r.u32();
    d.fix_title = r.str();
    if (r.u8()) {
      const auto applicability = static_cast<Applicability>(r.u8());
      const uint32_t isolation = r.u32();
      const uint32_t n = r.u32();
      if (!r.ok() || n > payload.size()) return std::nullopt;
      std::vector<Edit> edits;
      for (uint32_t k = 0; k < n && r.ok(); ++k) {
        Edit e;
        e.start = r.u32();
        e.end = r.u32();
        e.content = r.str();
        edits.push_back(std::move(e));
      }
      d.fix = Fix::with(applicability, std::move(edits));
      if (isolation) d.fix->isolate(isolation);
    }
    d.label = r.str();
    const uint32_t annotations = r.u32();
    if (!r.ok() || annotations > payload.size()) return std::nullopt;
    for (uint32_t k = 0; k < annotations && r.ok(); ++k) {
      Annotation a;
      a.start_byte = r.u32();
      a.end_byte = r.u32();
      a.start = get_location(r);
      a.end = get_location(r);
      a.message = r.str();
      d.secondary.push_back(std::move(a));
    }
    out.push_back(std::move(d));
  }
  if (!r.ok() || !r.done()) return std::nullopt;
  return out;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Writes a small file whole (a temporary file, then a rename). Returns whether it worked.
bool write_atomically(const fs::path& path, std::string_view content) {
  std::string temp = (path.parent_path() / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return false;
  const bool ok = ::fchmod(fd, 0644) == 0 && write_all(fd, content);
  if (::close(fd) != 0 || !ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace

std::string CacheKey::hex() const {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(high),
                static_cast<unsigned long long>(low));
  return buf;
}

KeyHasher::KeyHasher() : state_(XXH3_createState()) { XXH3_128bits_reset(static_cast<XXH3_state_t*>(state_)); }
KeyHasher::~KeyHasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

KeyHasher& KeyHasher::add(uint64_t value) {
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), &value, sizeof value);
  return *this;
}

KeyHasher& KeyHasher::add(std::string_view bytes) {
  add(static_cast<uint64_t>(bytes.size()));
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), bytes.data(), bytes.size());
  return *this;
}

CacheKey KeyHasher::finish() const {
  const XXH128_hash_t h = XXH3_128bits_digest(static_cast<XXH3_state_t*>(state_));
  return CacheKey{h.high64, h.low64};
}

uint64_t binary_fingerprint() {
  static const uint64_t fingerprint = [] {
    std::ifstream in("/proc/self/exe", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return XXH3_64bits(bytes.data(), bytes.size());
  }();
  return fingerprint;
}

CacheKey profile_cache_key(const LintProfile& p, const CacheKey& extra) {
  KeyHasher h;
  h.add(std::string_view(kLayout)).add(binary_fingerprint()).add(extra.high).add(extra.low);
  auto rules = [&](const std::vector<const RuleSpec*>& list) {
    h.add(static_cast<uint64_t>(list.size()));
    for (const RuleSpec* r : list) h.add(r->code);
  };
  rules(p.rules);
  rules(p.fixable);
  rules(p.forced_safe);
  rules(p.forced_unsafe);
  h.add(static_cast<uint64_t>(p.target_minor));
  h.add(static_cast<uint64_t>(p.syntax_minor));
  h.add(static_cast<uint64_t>(p.typing_modules.size()));
  for (const std::string& m : p.typing_modules) h.add(m);
  if (p.table) {
    const auto native = p.table->rules();
    for (size_t i = 0; i < native.size() && i < p.options.size(); ++i) {
      h.add(native[i]->code);
      for (const auto& [name, value] : p.options[i].values()) {
        h.add(name).add(static_cast<uint64_t>(value.index()));
        if (const bool* b = std::get_if<bool>(&value)) h.add(static_cast<uint64_t>(*b));
        else if (const int64_t* n = std::get_if<int64_t>(&value)) h.add(static_cast<uint64_t>(*n));
        else if (const std::string* str = std::get_if<std::string>(&value)) h.add(*str);
        else for (const std::string& item : std::get<std::vector<std::string>>(value)) h.add(item);
      }
    }
  }
  h.add(static_cast<uint64_t>(p.per_file_ignores.size()));
  for (const PerFileIgnore& e : p.per_file_ignores) {
    h.add(e.pattern).add(static_cast<uint64_t>(e.negated));
    rules(e.rules);
  }
  return h.finish();
}

ResultCache::ResultCache(fs::path dir) : dir_(std::move(dir)) {}

CacheKey ResultCache::file_key(const CacheKey& profile_key, std::string_view absolute_path, std::string_view content) {
  KeyHasher h;
  h.add(profile_key.high).add(profile_key.low).add(absolute_path).add(content);
  return h.finish();
}

fs::path ResultCache::entry_path(const CacheKey& key) const {
  const std::string hex = key.hex();
  return dir_ / kLayout / hex.substr(0, 2) / hex.substr(2);
}

std::optional<std::vector<Diagnostic>> ResultCache::load(const CacheKey& key) const {
  const fs::path path = entry_path(key);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    ++misses_;
    return std::nullopt;
  }
  std::string bytes;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 24 && st.st_size < (1LL << 31)) {
    bytes.resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    while (got < bytes.size()) {
      const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    bytes.resize(got);
  }
  ::close(fd);
  std::optional<std::vector<Diagnostic>> out;
  if (bytes.size() >= 24 && std::memcmp(bytes.data(), kMagic, sizeof kMagic) == 0) {
    Reader header(std::string_view(bytes).substr(8, 16));
    const uint64_t length = header.u64();
    const uint64_t checksum = header.u64();
    const std::string_view payload = std::string_view(bytes).substr(24);
    if (length == payload.size() && XXH3_64bits(payload.data(), payload.size()) == checksum) out = decode(payload);
  }
  ++(out ? hits_ : misses_);
  return out;
}

bool ResultCache::prepare() const {
  if (prepared_) return true;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return false;
  if (!fs::exists(dir_ / "CACHEDIR.TAG", ec)) {
    write_atomically(dir_ / "CACHEDIR.TAG",
                     "Signature: 8a477f597d28d172789f06886806bc55\n"
                     "# This file is a cache directory tag created by lint.\n"
                     "# For information about cache directory tags, see:\n"
                     "#\thttps://bford.info/cachedir/\n");
  }
  if (!fs::exists(dir_ / ".gitignore", ec)) write_atomically(dir_ / ".gitignore", "# Automatically created by lint.\n*\n");
  prepared_ = true;
  return true;
}

void ResultCache::store(const CacheKey& key, const std::vector<Diagnostic>& diagnostics) const {
  if (!prepare()) return;
  const std::string payload = encode(diagnostics);
  Writer header;
  header.u64(payload.size());
  header.u64(XXH3_64bits(payload.data(), payload.size()));
  std::string bytes(kMagic, sizeof kMagic);
  bytes += header.bytes();
  bytes += payload;
  const fs::path path = entry_path(key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (!ec) write_atomically(path, bytes);
}

std::vector<fs::path> clean_caches(const fs::path& root, const fs::path& dir) {
  std::vector<fs::path> removed;
  std::error_code ec;
  auto remove = [&](const fs::path& p) {
    // Only what is marked as lint's cache is removed, never a folder that merely has the name.
    if (fs::is_directory(p, ec) && fs::exists(p / "CACHEDIR.TAG", ec)) {
      fs::remove_all(p, ec);
      if (!ec) removed.push_back(p);
    }
  };
  remove(dir);
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
    const std::string name = it->path().filename().string();
    if (name == ".lint_cache") {
      const fs::path p = it->path();
      it.disable_recursion_pending();
      if (std::find(removed.begin(), removed.end(), p) == removed.end()) remove(p);
    } else if (name == ".git") {
      it.disable_recursion_pending();
    }
  }
  return removed;
}

}  // namespace lint
