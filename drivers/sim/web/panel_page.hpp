#pragma once

#include <string_view>

namespace linkpos::drivers::sim::web {

// The panel's whole page: HTML with its CSS and JavaScript inline, nothing loaded from
// elsewhere. Built from assets/ into the binary (embed_page.cmake).
std::string_view panel_page();

}  // namespace linkpos::drivers::sim::web
