#pragma once
#include "signals/Signal.h"
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace quango {

class AppConfig;
class Model;
class ModelMeta;

// What save signals carry besides the instance (Django's kwargs).
struct SaveInfo {
    bool created = false;        // post_save only
    QStringList updateFields;    // empty = all
    bool raw = false;            // loaddata
    QString using_;              // database alias
};

// m2m_changed: action is "pre_add", "post_add", "pre_remove", "post_remove",
// "pre_clear", "post_clear".
struct M2MChange {
    QString action;
    const Model *instance = nullptr;
    bool reverse = false;
    const ModelMeta *model = nullptr;   // the model of the pks in pkSet
    QVariantList pkSet;
    QString using_;
};

struct MigrateInfo {
    AppConfig *app = nullptr;
    QString using_;
    int verbosity = 1;
};

// The model signals. The sender is the ModelMeta of the instance's model, so
// connect(receiver, &meta) listens to one model. bulkCreate, bulkUpdate and
// QuerySet::update send no save signals, as in Django.
namespace signals {
extern Signal<Model &, const SaveInfo &> preSave;
extern Signal<const Model &, const SaveInfo &> postSave;
extern Signal<const Model &, const QString &> preDelete;
extern Signal<const Model &, const QString &> postDelete;
extern Signal<const M2MChange &> m2mChanged;   // sender: the through-field's model
extern Signal<const MigrateInfo &> preMigrate; // sender: the AppConfig
extern Signal<const MigrateInfo &> postMigrate;
} // namespace signals

} // namespace quango
