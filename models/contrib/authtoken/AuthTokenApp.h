#pragma once
#include "apps/AppConfig.h"

namespace quango {

// Django REST framework's rest_framework.authtoken: one 40-hex-character key
// per user in authtoken_token(key, user_id, created).
class AuthTokenApp : public AppConfig {
public:
    AuthTokenApp();
    ~AuthTokenApp() override;
    void ready() override;

private:
    QString m_receiverKey;
};

} // namespace quango
