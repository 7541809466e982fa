#pragma once
#include "apps/AppConfig.h"

namespace quango::demo {

// The seed's app: MyModel, and a user-like model whose post_save creates a
// Profile (moves to auth.User when auth lands).
class MyApiApp : public AppConfig {
public:
    MyApiApp();
    // Disconnects the post_save receiver: it holds this app's models, and a
    // test that clears the registry must not leave it firing on dead metadata.
    ~MyApiApp() override;
    void ready() override;

private:
    QString m_createProfileKey;
};

} // namespace quango::demo
