#include "contrib/auth/AuthApp.h"
#include "contrib/auth/Permissions.h"
#include "contrib/contenttypes/ContentTypes.h"
#include "orm/Model.h"
#include "orm/RelatedField.h"
#include "orm/fields/BooleanField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/DateTimeField.h"
#include "orm/fields/EmailField.h"
#include "signals/ModelSignals.h"
#include <QDateTime>

namespace quango {

using namespace Qt::Literals::StringLiterals;

// Fields, options and tables as Django 4.2's auth migrations leave them
// (0001_initial through 0012_alter_user_first_name_max_length).
AuthApp::AuthApp() : AppConfig(u"auth"_s, u"Authentication and Authorization"_s)
{
    auto *permission = addModel(u"Permission"_s, {
        CharField(u"name"_s, 255, {.verboseName = u"name"_s}),
        ForeignKey(u"content_type"_s, u"contenttypes.ContentType"_s, OnDelete::Cascade, {.verboseName = u"content type"_s}),
        CharField(u"codename"_s, 100, {.verboseName = u"codename"_s}),
    }, {.ordering = {u"content_type__app_label"_s, u"content_type__model"_s, u"codename"_s},
        .verboseName = u"permission"_s, .verboseNamePlural = u"permissions"_s,
        .uniqueTogether = {{u"content_type"_s, u"codename"_s}}});
    permission->setStr([](const Model &m) {
        return ContentTypes::appLabeledName(m.related(u"content_type"_s)) + u" | "_s + m.value(u"name"_s).toString();
    });

    auto *group = addModel(u"Group"_s, {
        CharField(u"name"_s, 150, {.unique = true, .verboseName = u"name"_s}),
        ManyToManyField(u"permissions"_s, u"Permission"_s, {.blank = true, .verboseName = u"permissions"_s}),
    }, {.verboseName = u"group"_s, .verboseNamePlural = u"groups"_s});
    group->setStr([](const Model &m) { return m.value(u"name"_s).toString(); });

    auto *user = addModel(u"User"_s, {
        CharField(u"password"_s, 128, {.verboseName = u"password"_s}),
        DateTimeField(u"last_login"_s, {.null = true, .blank = true, .verboseName = u"last login"_s}),
        BooleanField(u"is_superuser"_s, {.defaultValue = false, .verboseName = u"superuser status"_s,
                                          .helpText = u"Designates that this user has all permissions without explicitly assigning them."_s}),
        CharField(u"username"_s, 150, {.unique = true, .verboseName = u"username"_s,
                                       .helpText = u"Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only."_s}),
        CharField(u"first_name"_s, 150, {.blank = true, .verboseName = u"first name"_s}),
        CharField(u"last_name"_s, 150, {.blank = true, .verboseName = u"last name"_s}),
        EmailField(u"email"_s, {.blank = true, .verboseName = u"email address"_s}),
        BooleanField(u"is_staff"_s, {.defaultValue = false, .verboseName = u"staff status"_s,
                                     .helpText = u"Designates whether the user can log into this admin site."_s}),
        BooleanField(u"is_active"_s, {.defaultValue = true, .verboseName = u"active"_s,
                                      .helpText = u"Designates whether this user should be treated as active. Unselect this instead of deleting accounts."_s}),
        DateTimeField(u"date_joined"_s, {.defaultFactory = [] { return QVariant(QDateTime::currentDateTimeUtc()); },
                                         .verboseName = u"date joined"_s}),
        ManyToManyField(u"groups"_s, u"Group"_s, {.blank = true, .verboseName = u"groups"_s,
                                                  .helpText = u"The groups this user belongs to. A user will get all permissions granted to each of their groups."_s}),
        ManyToManyField(u"user_permissions"_s, u"Permission"_s, {.blank = true, .verboseName = u"user permissions"_s,
                                                                 .helpText = u"Specific permissions for this user."_s}),
    }, {.verboseName = u"user"_s, .verboseNamePlural = u"users"_s});
    user->setStr([](const Model &m) { return m.value(u"username"_s).toString(); });
}

AuthApp::~AuthApp()
{
    if (!m_receiverKey.isEmpty())
        signals::postMigrate.disconnect(m_receiverKey);
}

void AuthApp::ready()
{
    // Every app, like Django's create_permissions (connected without a sender).
    m_receiverKey = signals::postMigrate.connect(
        [](const void *, const MigrateInfo &info) {
            if (info.app)
                Permissions::createPermissions(*info.app, info.using_, info.verbosity);
        },
        nullptr, u"auth.create_permissions"_s);
}

} // namespace quango
