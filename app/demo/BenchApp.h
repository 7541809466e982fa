#pragma once
#include "apps/AppConfig.h"

namespace quango::demo {

// The schema of shared/bench/WORKLOAD.md, exactly.
class BenchApp : public AppConfig {
public:
    BenchApp();
};

} // namespace quango::demo
