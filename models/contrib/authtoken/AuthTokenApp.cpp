#include "contrib/authtoken/AuthTokenApp.h"
#include "contrib/authtoken/Token.h"
#include "orm/Model.h"
#include "orm/RelatedField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/DateTimeField.h"
#include "signals/ModelSignals.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

// DRF 3.14's Token (authtoken migrations 0001-0002; TokenProxy has no table).
AuthTokenApp::AuthTokenApp() : AppConfig(u"authtoken"_s, u"Auth Token"_s)
{
    auto *token = addModel(u"Token"_s, {
        CharField(u"key"_s, 40, {.verboseName = u"Key"_s, .primaryKey = true}),
        OneToOneField(u"user"_s, u"auth.User"_s, OnDelete::Cascade, {.verboseName = u"User"_s, .relatedName = u"auth_token"_s}),
        DateTimeField(u"created"_s, {.verboseName = u"Created"_s, .autoNowAdd = true}),
    }, {.verboseName = u"Token"_s, .verboseNamePlural = u"Tokens"_s});
    token->setStr([](const Model &m) { return m.value(u"key"_s).toString(); });
}

AuthTokenApp::~AuthTokenApp()
{
    if (!m_receiverKey.isEmpty())
        signals::preSave.disconnect(m_receiverKey);
}

void AuthTokenApp::ready()
{
    // DRF's Token.save(): a token saved without a key gets a fresh one.
    m_receiverKey = signals::preSave.connect(
        [](const void *, Model &instance, const SaveInfo &) {
            if (instance.value(u"key"_s).toString().isEmpty())
                instance.setValue(u"key"_s, Token::generateKey());
        },
        model(u"Token"_s), u"authtoken.generate_key"_s);
}

} // namespace quango
