#include "config/api_key.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace linkpos::config {
namespace {

// Far beyond any Wix API key (a JWT of about a kilobyte); a bigger file is not a key.
constexpr std::size_t kMostKeyBytes = 64 * 1024;

std::string user_name(uid_t uid) {
  std::vector<char> buffer(16384);
  passwd entry{};
  passwd* found = nullptr;
  if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr)
    return found->pw_name;
  return std::to_string(uid);
}

// Closes the descriptor whatever way the read ends.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

ApiKeyRead read_api_key_file(const std::string& path, bool from_systemd) {
  // O_NOFOLLOW refuses a link at the last step; the checks below are made on the very file
  // opened (fstat), so nothing can be swapped in between the check and the read. O_NONBLOCK
  // keeps a FIFO from hanging the start.
  const Descriptor fd(
      ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    const int error = errno;
    if (error == ELOOP) {
      return {{},
              path +
                  " is a symbolic link; linkpos reads the key only from the file itself. "
                  "Put the file in its place: cp --remove-destination \"$(readlink -f " +
                  path + ")\" " + path};
    }
    return {{},
            "cannot read " + path + " (" + std::strerror(error) +
                "): check the path and that linkpos may read it"};
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode))
    return {{}, path + " is not a regular file; put the Wix API key in a file of its own"};

  const uid_t self = ::geteuid();
  std::string commands;
  std::string why;
  if (info.st_uid != self && info.st_uid != 0) {
    why = "belongs to " + user_name(info.st_uid) + ", neither linkpos's user (" + user_name(self) +
          ") nor root";
    commands = "chown " + user_name(self) + " " + path;
  }
  const mode_t allowed = from_systemd ? S_IRGRP : 0;
  if ((info.st_mode & (S_IRWXG | S_IRWXO) & ~allowed) != 0) {
    why += std::string(why.empty() ? "" : ", and ") + "can be read or changed by other users";
    commands += std::string(commands.empty() ? "" : " && ") + "chmod 600 " + path;
  }
  if (!why.empty())
    return {{}, path + " " + why + "; a key file must be its owner's alone. Run: " + commands};

  std::string text;
  char chunk[4096];
  for (;;) {
    const ssize_t got = ::read(fd.get(), chunk, sizeof chunk);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0)
      return {{}, "cannot read " + path + " (" + std::strerror(errno) + ")"};
    if (got == 0)
      break;
    text.append(chunk, static_cast<std::size_t>(got));
    if (text.size() > kMostKeyBytes)
      return {{}, path + " is too large to hold an API key; put only the Wix API key in it"};
  }
  std::string key = trimmed(text);
  if (key.empty()) {
    // Under systemd the credential is a copy: the key goes into the file it is loaded from.
    const bool credential = path.find("/run/credentials/") != std::string::npos;
    return {{},
            path + " is empty; put the Wix API key in " +
                (credential ? std::string("/etc/linkpos/wix-api-key (root's, chmod 600), the "
                                          "file systemd loads it from, and restart linkpos")
                            : std::string("it"))};
  }
  if (const auto problem = api_key_problem(key); !problem.empty())
    return {{}, "the key in " + path + " " + problem};
  return {std::move(key), {}};
}

std::string api_key_problem(std::string_view key) {
  // It goes as it is into the Authorization header: a line end there would add a header.
  for (std::size_t i = 0; i < key.size(); ++i) {
    const auto byte = static_cast<unsigned char>(key[i]);
    if (byte == ' ' || byte == '\t')
      return "has whitespace inside (at character " + std::to_string(i + 1) +
             "); a key is one unbroken token: copy it again from Wix";
    if (byte < 0x20 || byte == 0x7F)
      return "has a control character inside (at character " + std::to_string(i + 1) +
             ", e.g. a line break); a key is one line: copy it again from Wix";
    if (byte > 0x7F)
      return "has a character outside ASCII (at character " + std::to_string(i + 1) +
             "); Wix keys are plain ASCII: copy it again from Wix";
  }
  return {};
}

}  // namespace linkpos::config
