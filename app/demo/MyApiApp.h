#pragma once
#include "apps/AppConfig.h"

namespace quango::demo {

// The seed's app: MyModel, and a user-like model whose post_save creates a
// Profile (moves to auth.User when auth lands).
class MyApiApp : public AppConfig {
public:
    MyApiApp();
    void ready() override;
};

} // namespace quango::demo
