#include "contrib/contenttypes/ContentTypesApp.h"
#include "apps/Registry.h"
#include "contrib/contenttypes/ContentTypes.h"
#include "orm/Model.h"
#include "orm/fields/CharField.h"
#include "signals/ModelSignals.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

// Django 4.2's contenttypes.0002 state: the "name" column is gone.
ContentTypesApp::ContentTypesApp() : AppConfig(u"contenttypes"_s, u"Content Types"_s)
{
    auto *contentType = addModel(u"ContentType"_s, {
        CharField(u"app_label"_s, 100),
        CharField(u"model"_s, 100, {.verboseName = u"python model class name"_s}),
    }, {.dbTable = u"django_content_type"_s, .verboseName = u"content type"_s, .verboseNamePlural = u"content types"_s,
        .uniqueTogether = {{u"app_label"_s, u"model"_s}}});
    contentType->setStr([](const Model &m) { return ContentTypes::appLabeledName(m); });
}

ContentTypesApp::~ContentTypesApp()
{
    if (!m_receiverKey.isEmpty())
        signals::postMigrate.disconnect(m_receiverKey);
}

void ContentTypesApp::ready()
{
    // No sender filter: like Django's create_contenttypes, it runs for every app.
    m_receiverKey = signals::postMigrate.connect(
        [](const void *, const MigrateInfo &info) {
            if (info.app)
                ContentTypes::createContentTypes(*info.app, info.using_);
        },
        nullptr, u"contenttypes.create_contenttypes"_s);
}

} // namespace quango
