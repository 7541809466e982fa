#include "orm/fields/URLField.h"
#include <QRegularExpression>
#include <QUrl>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
const QRegularExpression &urlRegex()
{
    // Django's URLValidator.regex, translated to PCRE (\Z is \z; ul is \x{a1}-\x{ffff}).
    static const QString ul = u"\\x{00a1}-\\x{ffff}"_s;
    static const QString ipv4 = u"(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)"
                                u"(?:\\.(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)){3}"_s;
    static const QString ipv6 = u"\\[[0-9a-f:.]+\\]"_s;
    static const QString hostname = u"[a-z"_s + ul + u"0-9](?:[a-z"_s + ul + u"0-9-]{0,61}[a-z"_s + ul + u"0-9])?"_s;
    static const QString domain = u"(?:\\.(?!-)[a-z"_s + ul + u"0-9-]{1,63}(?<!-))*"_s;
    static const QString tld = u"\\.(?!-)(?:[a-z"_s + ul + u"-]{2,63}|xn--[a-z0-9]{1,59})(?<!-)\\.?"_s;
    static const QString host = u"("_s + hostname + domain + tld + u"|localhost)"_s;
    static const QRegularExpression regex(
        u"\\A(?:[a-z0-9.+-]*)://"_s               // scheme, checked separately
            + u"(?:[^\\s:@/]+(?::[^\\s:@/]*)?@)?"_s // user:pass authentication
            + u"(?:"_s + ipv4 + u'|' + ipv6 + u'|' + host + u')'
            + u"(?::[0-9]{1,5})?"_s                // port
            + u"(?:[/?#][^\\s]*)?"_s               // resource path
            + u"\\z"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return regex;
}
} // namespace

bool URLField::isValidUrl(const QString &value)
{
    if (value.isEmpty() || value.size() > 2048)
        return false;
    for (const QChar c : value)
        if (c == u'\t' || c == u'\r' || c == u'\n')
            return false;
    const QString scheme = value.section(u"://"_s, 0, 0).toLower();
    static const QStringList schemes = {u"http"_s, u"https"_s, u"ftp"_s, u"ftps"_s};
    if (!value.contains(u"://"_s) || !schemes.contains(scheme))
        return false;
    if (urlRegex().match(value).hasMatch())
        return true;
    // An internationalized domain: try its punycode form, as Django does.
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString ace = QString::fromLatin1(QUrl::toAce(url.host()));
    if (ace.isEmpty())
        return false;
    QUrl asciiUrl = url;
    asciiUrl.setHost(ace);
    const QString ascii = asciiUrl.toString(QUrl::FullyEncoded);
    return ascii != value && urlRegex().match(ascii).hasMatch() && url.host().size() <= 253;
}

static FieldOptions urlOptions(FieldOptions options)
{
    options.validators.prepend([](const QVariant &value) {
        const QString text = value.toString();
        return text.isEmpty() || URLField::isValidUrl(text) ? QString() : u"Enter a valid URL."_s;
    });
    return options;
}

URLField::URLField(QString name, FieldOptions options, int maxLength)
    : CharField(std::move(name), maxLength, urlOptions(std::move(options)))
{
}

} // namespace quango
