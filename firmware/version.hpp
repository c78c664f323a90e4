#pragma once

namespace linkpos {

// Filled in by the build (firmware/version.cpp.in): which firmware this is, exactly.
extern const char* const kVersion;
extern const char* const kGitRevision;
extern const char* const kBuildTime;

}  // namespace linkpos
