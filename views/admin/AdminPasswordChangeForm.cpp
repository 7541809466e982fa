#include "views/admin/AdminPasswordChangeForm.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/auth/UserService.h"
#include "db/Atomic.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/ModelMeta.h"
#include "views/admin/Logging.h"
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
QString tr(const char *text) { return QCoreApplication::translate("AdminPasswordChangeForm", text); }
const QString NonField = QString::fromLatin1(ValidationError::NonFieldErrors);
} // namespace

AdminPasswordChangeForm::AdminPasswordChangeForm(const Model &user, const AdminUser &admin, PasswordValidation::Validators validators)
    : m_user(user), m_admin(admin), m_validators(std::move(validators))
{
}

bool AdminPasswordChangeForm::isPermitted() const
{
    return m_admin.isValid() && m_admin.hasPermission(u"change"_s, UserService::userMeta());
}

QString AdminPasswordChangeForm::permissionError() const
{
    if (isPermitted())
        return {};
    return tr("You do not have permission to change users' passwords: %1 needs the permission %2, "
              "which a superuser can grant to the user or to one of their groups.")
        .arg(m_admin.isValid() ? u"\u201c%1\u201d"_s.arg(m_admin.username()) : tr("an admin who is not logged in"),
             AdminUser::permissionName(u"change"_s, UserService::userMeta()));
}

QString AdminPasswordChangeForm::password1HelpText() const { return passwordHelpText(m_validators); }

QString AdminPasswordChangeForm::changeMessage()
{
    return LogEntry::pythonJsonDumps(QJsonArray{QJsonObject{{u"changed"_s, QJsonObject{{u"fields"_s, QJsonArray{u"password"_s}}}}}});
}

QStringList AdminPasswordChangeForm::nonFieldErrors() const { return m_errors.value(NonField); }

bool AdminPasswordChangeForm::isValid(const QString &password1, const QString &password2)
{
    m_errors = passwordErrors(password1, password2, m_user, m_validators);
    return m_errors.isEmpty();
}

bool AdminPasswordChangeForm::save(const QString &password1, const QString &password2)
{
    if (!isPermitted()) {
        m_errors.clear();
        m_errors[NonField] << permissionError();
        qCInfo(lcAdmin) << "Password change of" << m_user.str() << "refused for" << m_admin.username();
        return false;
    }
    if (!isValid(password1, password2))
        return false;
    try {
        Atomic atomic;
        // The row as stored now, so a stale copy never writes back other fields.
        Model user = UserService::userMeta().objects().get(Q(u"pk"_s, m_user.pk()));
        UserService::setPassword(user, password1);
        user.save();
        LogEntry::logAction(m_admin.id(), user, LogEntry::Change, changeMessage());
        m_user = user;
    } catch (const ValidationError &error) { // a pre_save receiver said no; rolled back
        for (auto it = error.errors().cbegin(); it != error.errors().cend(); ++it)
            m_errors[it.key()] << it.value();
        return false;
    }
    qCInfo(lcAdmin) << "Changed the password of" << m_user.str() << "for" << m_admin.username();
    return true;
}

} // namespace quango
