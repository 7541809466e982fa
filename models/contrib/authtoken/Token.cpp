#include "contrib/authtoken/Token.h"
#include "apps/Registry.h"
#include "db/Atomic.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/QuerySet.h"
#include <openssl/rand.h>

namespace quango {

using namespace Qt::Literals::StringLiterals;

const ModelMeta &Token::meta() { return Registry::instance().modelOrThrow(u"authtoken.Token"_s); }

QString Token::generateKey()
{
    unsigned char bytes[20];
    if (RAND_bytes(bytes, int(sizeof(bytes))) != 1)
        throw Error(u"OpenSSL's RAND_bytes failed: cannot generate a token key."_s);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes), int(sizeof(bytes))).toHex());
}

Model Token::forUser(const Model &user)
{
    if (!user.isValid() || user.pk().isNull())
        throw FieldError(u"A token needs a saved user."_s);
    return meta().objects().getOrCreate(Q(u"user"_s, user.pk()), {{u"key"_s, generateKey()}}).first;
}

Model Token::reset(const Model &user)
{
    if (!user.isValid() || user.pk().isNull())
        throw FieldError(u"A token needs a saved user."_s);
    Atomic atomic;
    meta().objects().filter(Q(u"user"_s, user.pk())).deleteRows();
    return meta().objects().create({{u"key"_s, generateKey()}, {u"user"_s, user.pk()}});
}

std::optional<Model> Token::userForKey(const QString &key)
{
    if (key.isEmpty())
        return std::nullopt;
    const std::optional<Model> token = meta().objects().selectRelated({u"user"_s}).filter(Q(u"key"_s, key)).first();
    if (!token)
        return std::nullopt;
    Model user = token->related(u"user"_s);
    if (!user.isValid() || !user.value(u"is_active"_s).toBool())
        return std::nullopt;
    return user;
}

} // namespace quango
