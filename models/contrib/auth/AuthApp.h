#pragma once
#include "apps/AppConfig.h"

namespace quango {

// django.contrib.auth: Permission, Group and User in Django's tables
// (auth_permission, auth_group, auth_user and their many-to-many tables). After
// migrate, every model gets its default and Meta permissions.
class AuthApp : public AppConfig {
public:
    AuthApp();
    ~AuthApp() override;
    void ready() override;

private:
    QString m_receiverKey;
};

} // namespace quango
