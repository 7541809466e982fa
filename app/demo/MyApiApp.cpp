#include "app/demo/MyApiApp.h"
#include "orm/Manager.h"
#include "orm/Model.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include "orm/fields/BooleanField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/EmailField.h"
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

    auto *user = addModel(QStringLiteral("User"), {
        CharField(QStringLiteral("username"), 150, {.unique = true}),
        EmailField(QStringLiteral("email"), {.blank = true}),
        BooleanField(QStringLiteral("is_active"), {.defaultValue = true}),
    }, {.ordering = {QStringLiteral("username")}});
    user->setStr([](const Model &m) { return m.value(QStringLiteral("username")).toString(); });

    auto *profile = addModel(QStringLiteral("Profile"), {
        OneToOneField(QStringLiteral("user"), QStringLiteral("User"), OnDelete::Cascade, {.relatedName = QStringLiteral("profile")}),
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
    const ModelMeta *user = model(QStringLiteral("User"));
    const ModelMeta *profile = model(QStringLiteral("Profile"));
    m_createProfileKey = signals::postSave.connect(
        [profile](const void *, const Model &instance, const SaveInfo &info) {
            if (info.created && !info.raw)
                profile->objects().create({{QStringLiteral("user"), instance.pk()}});
        },
        user, QStringLiteral("myapi.create_profile"));
}

} // namespace quango::demo
