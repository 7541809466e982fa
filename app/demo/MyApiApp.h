#pragma once
#include "apps/AppConfig.h"

namespace quango::demo {

// The seed's app: MyModel, and a Profile per auth.User, created by a
// post_save receiver on auth.User.
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
