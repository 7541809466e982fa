#pragma once
#include "views/admin/AdminUser.h"
#include <QCoreApplication>
#include <QString>

namespace quango {

// The admin's login view: Django's AdminAuthenticationForm over
// Authentication::authenticate (with its lockout). Only active staff users
// get in; every other refusal reads the same, as in Django, so the form does
// not tell which usernames exist.
class AdminLogin {
    Q_DECLARE_TR_FUNCTIONS(AdminLogin)

public:
    struct Result {
        AdminUser user;   // valid when the login succeeded
        QString error;    // the message for the form otherwise
        bool isLockedOut = false;
        bool ok() const { return user.isValid(); }
    };

    // Checks the credentials against the default connection (as Django's
    // ModelBackend does); on success records the login (last_login).
    // Never throws: a database error comes back as the error text.
    static Result login(const QString &username, const QString &password);
    // Whether the database has the auth tables a login needs (the users' and
    // the admin log's); false also when the database cannot be reached.
    static bool isAvailable(const QString &alias = QStringLiteral("default"));

    // Whether anyone could log in: an active staff user exists. False also
    // when the users cannot be read.
    static bool hasStaff(const QString &alias = QStringLiteral("default"));
    // What a fresh database's login says instead: how to create the first account.
    static QString noStaffMessage();

    // Django's invalid_login message for staff accounts.
    static QString invalidLoginMessage();
    // Shown while Authentication's throttle refuses the username.
    static QString lockedOutMessage();
};

} // namespace quango
