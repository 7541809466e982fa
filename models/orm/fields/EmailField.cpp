#include "orm/fields/EmailField.h"
#include <QRegularExpression>
#include <QUrl>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
bool validDomainPart(const QString &domain)
{
    static const QRegularExpression domainRegex(
        u"\\A((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\\.)+)(?:[A-Z0-9-]{2,63}(?<!-))\\z"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression literalRegex(u"\\A\\[([A-F0-9:.]+)\\]\\z"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression ipv4(
        u"\\A(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}\\z"_s);
    static const QRegularExpression ipv6(u"\\A[0-9A-F]{0,4}(?::[0-9A-F]{0,4}){2,7}\\z"_s, QRegularExpression::CaseInsensitiveOption);
    if (domainRegex.match(domain).hasMatch())
        return true;
    const QRegularExpressionMatch literal = literalRegex.match(domain);
    if (literal.hasMatch()) {
        QString address = literal.captured(1);
        if (address.startsWith(u"IPv6:"_s, Qt::CaseInsensitive))
            address = address.mid(5);
        if (ipv4.match(address).hasMatch())
            return true;
        return address.count(u"::"_s) <= 1 && ipv6.match(address).hasMatch();
    }
    return false;
}
} // namespace

bool EmailField::isValidEmail(const QString &value)
{
    // Django's EmailValidator: a dot-atom or quoted local part, then a domain,
    // "localhost", an address literal or an internationalized domain.
    static const QRegularExpression userRegex(
        u"(\\A[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*\\z"
        u"|\\A\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\"\\z)"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (value.isEmpty() || !value.contains(u'@') || value.size() > 320)
        return false;
    const qsizetype at = value.lastIndexOf(u'@');
    const QString user = value.left(at);
    const QString domain = value.mid(at + 1);
    if (!userRegex.match(user).hasMatch())
        return false;
    if (domain == u"localhost"_s || validDomainPart(domain))
        return true;
    const QString ace = QString::fromLatin1(QUrl::toAce(domain));
    return !ace.isEmpty() && ace != domain && validDomainPart(ace);
}

static FieldOptions emailOptions(FieldOptions options)
{
    // Django's default_validators come before the field's own validators.
    options.validators.prepend([](const QVariant &value) {
        const QString text = value.toString();
        return text.isEmpty() || EmailField::isValidEmail(text) ? QString() : u"Enter a valid email address."_s;
    });
    return options;
}

EmailField::EmailField(QString name, FieldOptions options, int maxLength)
    : CharField(std::move(name), maxLength, emailOptions(std::move(options)))
{
}

} // namespace quango
