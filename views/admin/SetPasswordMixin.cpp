#include "views/admin/SetPasswordMixin.h"
#include <QCoreApplication>

namespace quango {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("SetPasswordMixin", text); }
} // namespace

QString SetPasswordMixin::password1Label() { return tr("Password"); }
QString SetPasswordMixin::password2Label() { return tr("Password (again)"); }
QString SetPasswordMixin::password2HelpText() { return tr("Enter the same password as before, for verification."); }
QString SetPasswordMixin::mismatchMessage() { return tr("The two password fields didn\u2019t match."); }
QString SetPasswordMixin::requiredMessage() { return tr("This field is required."); }

QString SetPasswordMixin::passwordHelpText(const PasswordValidation::Validators &validators)
{
    return PasswordValidation::helpTexts(validators).join(QLatin1Char('\n'));
}

QMap<QString, QStringList> SetPasswordMixin::passwordErrors(const QString &password1, const QString &password2, const Model &user,
                                                            const PasswordValidation::Validators &validators)
{
    const QString first = QString::fromLatin1(Password1);
    const QString second = QString::fromLatin1(Password2);
    QMap<QString, QStringList> errors;
    // CharField(required=True): the empty string is missing.
    if (password1.isEmpty())
        errors[first] << requiredMessage();
    if (password2.isEmpty()) {
        errors[second] << requiredMessage();
        return errors;
    }
    // The mismatch alone, else the validators on password2 (even when
    // password1 is missing, as Django does).
    QStringList messages;
    if (!password1.isEmpty() && password1 != password2)
        messages << mismatchMessage();
    else
        messages = PasswordValidation::passwordErrors(password2, &user, validators);
    if (!messages.isEmpty())
        errors[second] = messages;
    return errors;
}

} // namespace quango
