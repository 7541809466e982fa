#pragma once
#include "apps/AppConfig.h"

namespace quango {

// django.contrib.contenttypes: one row per installed model in
// django_content_type(app_label, model), created after migrate.
class ContentTypesApp : public AppConfig {
public:
    ContentTypesApp();
    ~ContentTypesApp() override;
    void ready() override;

private:
    QString m_receiverKey;
};

} // namespace quango
