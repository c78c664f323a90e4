#include "tools/wixsim/server/server_log.hpp"

#include <unistd.h>

#include <string>

namespace linkpos::tools::wixsim {

void ServerLog::line(std::string_view text) {
  std::string whole = "wixsim: ";
  whole += text;
  whole += '\n';
  (void)!::write(STDERR_FILENO, whole.data(), whole.size());
}

void ServerLog::request(std::string_view method, std::string_view path, int status,
                        std::string_view route, std::string_view fault) {
  std::string text(method);
  text += ' ';
  text += path;
  text += ' ';
  text += status == 0 ? std::string("-") : std::to_string(status);
  text += " (";
  text += route;
  text += ')';
  if (!fault.empty()) {
    text += " [fault: ";
    text += fault;
    text += ']';
  }
  line(text);
}

}  // namespace linkpos::tools::wixsim
