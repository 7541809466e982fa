#include "app/demo/MyApiApp.h"
#include "apps/Registry.h"
#include "orm/Manager.h"
#include "orm/Model.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/TextField.h"
#include "signals/ModelSignals.h"

namespace quango::demo {

MyApiApp::MyApiApp() : AppConfig(QStringLiteral("myapi"), QStringLiteral("My API"))
{
    auto *myModel = addModel(QStringLiteral("MyModel"), {
        CharField(QStringLiteral("name"), 100),
        TextField(QStringLiteral("description"), {.blank = true}),
    }, {.ordering = {QStringLiteral("name")}, .verboseName = QStringLiteral("my model")});
    myModel->setStr([](const Model &m) { return m.value(QStringLiteral("name")).toString(); });

    auto *profile = addModel(QStringLiteral("Profile"), {
        OneToOneField(QStringLiteral("user"), QStringLiteral("auth.User"), OnDelete::Cascade, {.relatedName = QStringLiteral("profile")}),
        TextField(QStringLiteral("bio"), {.blank = true}),
    });
    profile->setStr([](const Model &m) { return QStringLiteral("Profile of user %1").arg(m.value(QStringLiteral("user")).toString()); });
}

MyApiApp::~MyApiApp()
{
    if (!m_createProfileKey.isEmpty())
        signals::postSave.disconnect(m_createProfileKey);
}

void MyApiApp::ready()
{
    // The profile follows auth.User, the way a Django project extends its users.
    const ModelMeta *user = registry()->model(QStringLiteral("auth.User"));
    if (!user)
        return; // auth not installed: check() reports the unresolved relation
    const ModelMeta *profile = model(QStringLiteral("Profile"));
    m_createProfileKey = signals::postSave.connect(
        [profile](const void *, const Model &instance, const SaveInfo &info) {
            if (info.created && !info.raw)
                profile->objects().create({{QStringLiteral("user"), instance.pk()}});
        },
        user, QStringLiteral("myapi.create_profile"));
}

} // namespace quango::demo
