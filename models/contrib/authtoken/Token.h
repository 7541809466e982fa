#pragma once
#include "orm/Model.h"
#include <QString>
#include <optional>

namespace quango {

// DRF's Token: keys and the lookups TokenAuthentication and the
// drf_create_token command make.
class Token {
public:
    static const ModelMeta &meta();
    // 20 random bytes (OpenSSL RAND_bytes) as 40 lowercase hex characters.
    static QString generateKey();
    // The user's token, created when missing (Token.objects.get_or_create).
    static Model forUser(const Model &user);
    // Deletes the user's token, if any, and creates a new one (drf_create_token -r).
    static Model reset(const Model &user);
    // TokenAuthentication: the active user owning `key`, else nullopt.
    static std::optional<Model> userForKey(const QString &key);
};

} // namespace quango
