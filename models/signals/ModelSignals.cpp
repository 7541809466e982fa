#include "signals/ModelSignals.h"

namespace quango::signals {
Signal<Model &, const SaveInfo &> preSave;
Signal<const Model &, const SaveInfo &> postSave;
Signal<const Model &, const QString &> preDelete;
Signal<const Model &, const QString &> postDelete;
Signal<const M2MChange &> m2mChanged;
Signal<const MigrateInfo &> preMigrate;
Signal<const MigrateInfo &> postMigrate;
} // namespace quango::signals
