#pragma once
// The ORM's errors, named as in django.core.exceptions and django.db. They are
// thrown inside models/ and caught by views, commands and HTTP handlers, which
// turn them into a message, an exit code or a DRF-shaped JSON body.
#include <QMap>
#include <QString>
#include <QStringList>
#include <exception>

namespace quango {

class Error : public std::exception {
public:
    explicit Error(QString message) : m_message(std::move(message)), m_utf8(m_message.toUtf8()) {}
    const char *what() const noexcept override { return m_utf8.constData(); }
    const QString &message() const { return m_message; }

private:
    QString m_message;
    QByteArray m_utf8;
};

// An unknown field, lookup or path in a query, or a misuse of the ORM.
class FieldError : public Error { using Error::Error; };
// Wrong project set-up: unknown model, unresolved relation, bad settings.
class ImproperlyConfigured : public Error { using Error::Error; };
class DoesNotExist : public Error { using Error::Error; };
class MultipleObjectsReturned : public Error { using Error::Error; };
class EmptyPage : public Error { using Error::Error; };
class PageNotAnInteger : public EmptyPage { using EmptyPage::EmptyPage; };
class IrreversibleError : public Error { using Error::Error; };
class InconsistentMigrationHistory : public Error { using Error::Error; };

// The database said no. Carries the driver's text and the SQL that failed.
class DatabaseError : public Error {
public:
    DatabaseError(QString message, QString driverText = {}, QString sql = {})
        : Error(std::move(message)), m_driverText(std::move(driverText)), m_sql(std::move(sql)) {}
    const QString &driverText() const { return m_driverText; }
    const QString &sql() const { return m_sql; }

private:
    QString m_driverText;
    QString m_sql;
};
class IntegrityError : public DatabaseError { using DatabaseError::DatabaseError; };
class OperationalError : public DatabaseError { using DatabaseError::DatabaseError; };

// Per-field messages; the key "__all__" (NON_FIELD_ERRORS) holds the others.
class ValidationError : public Error {
public:
    static constexpr const char *NonFieldErrors = "__all__";
    explicit ValidationError(QMap<QString, QStringList> errors)
        : Error(summarize(errors)), m_errors(std::move(errors)) {}
    explicit ValidationError(const QString &message)
        : ValidationError(QMap<QString, QStringList>{{NonFieldErrors, {message}}}) {}
    const QMap<QString, QStringList> &errors() const { return m_errors; }

private:
    static QString summarize(const QMap<QString, QStringList> &errors)
    {
        QStringList parts;
        for (auto it = errors.cbegin(); it != errors.cend(); ++it)
            parts << it.key() + QStringLiteral(": ") + it.value().join(u' ');
        return parts.join(QStringLiteral("; "));
    }
    QMap<QString, QStringList> m_errors;
};

class Model;
// delete() met on_delete=PROTECT or RESTRICT; lists the objects that block it.
class ProtectedError : public IntegrityError {
public:
    ProtectedError(QString message, QStringList protectedObjects)
        : IntegrityError(std::move(message)), m_objects(std::move(protectedObjects)) {}
    const QStringList &protectedObjects() const { return m_objects; }

private:
    QStringList m_objects;
};
class RestrictedError : public ProtectedError { using ProtectedError::ProtectedError; };

} // namespace quango
