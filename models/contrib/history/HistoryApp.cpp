#include "contrib/history/HistoryApp.h"
#include "contrib/history/FieldChange.h"
#include "orm/Model.h"
#include "orm/RelatedField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/TextField.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

HistoryApp::HistoryApp() : AppConfig(u"history"_s, u"History"_s)
{
    // Values are JSON texts in the fixture format (FieldChange::encodeValue);
    // SQL NULL means "no value": the old one of an addition, the new one of a
    // deletion. A JSON null is a field that was NULL.
    auto *change = addModel(u"FieldChange"_s, {
        ForeignKey(u"log_entry"_s, u"admin.LogEntry"_s, OnDelete::Cascade,
                   {.verboseName = u"log entry"_s, .relatedName = u"field_changes"_s}),
        CharField(u"field_name"_s, 255, {.verboseName = u"field name"_s}),
        TextField(u"old_value"_s, {.null = true, .blank = true, .verboseName = u"old value"_s,
                                   .helpText = u"JSON in the fixture format; empty for an addition."_s}),
        TextField(u"new_value"_s, {.null = true, .blank = true, .verboseName = u"new value"_s,
                                   .helpText = u"JSON in the fixture format; empty for a deletion."_s}),
    }, {.dbTable = u"quango_history_fieldchange"_s, .ordering = {u"id"_s},
        .verboseName = u"field change"_s, .verboseNamePlural = u"field changes"_s});
    change->setStr([](const Model &m) { return FieldChange::str(m); });
}

} // namespace quango
