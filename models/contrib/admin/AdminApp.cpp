#include "contrib/admin/AdminApp.h"
#include "contrib/admin/LogEntry.h"
#include "orm/Model.h"
#include "orm/RelatedField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/DateTimeField.h"
#include "orm/fields/PositiveSmallIntegerField.h"
#include "orm/fields/TextField.h"
#include <QDateTime>

namespace quango {

using namespace Qt::Literals::StringLiterals;

// Django 4.2's LogEntry (admin migrations 0001-0003).
AdminApp::AdminApp() : AppConfig(u"admin"_s, u"Administration"_s)
{
    auto *entry = addModel(u"LogEntry"_s, {
        DateTimeField(u"action_time"_s, {.defaultFactory = [] { return QVariant(QDateTime::currentDateTimeUtc()); },
                                         .verboseName = u"action time"_s, .editable = false}),
        ForeignKey(u"user"_s, u"auth.User"_s, OnDelete::Cascade, {.verboseName = u"user"_s}),
        ForeignKey(u"content_type"_s, u"contenttypes.ContentType"_s, OnDelete::SetNull,
                   {.null = true, .blank = true, .verboseName = u"content type"_s}),
        TextField(u"object_id"_s, {.null = true, .blank = true, .verboseName = u"object id"_s}),
        CharField(u"object_repr"_s, 200, {.verboseName = u"object repr"_s}),
        PositiveSmallIntegerField(u"action_flag"_s, {.choices = {{LogEntry::Addition, u"Addition"_s},
                                                                  {LogEntry::Change, u"Change"_s},
                                                                  {LogEntry::Deletion, u"Deletion"_s}},
                                                     .verboseName = u"action flag"_s}),
        TextField(u"change_message"_s, {.blank = true, .verboseName = u"change message"_s}),
    }, {.dbTable = u"django_admin_log"_s, .ordering = {u"-action_time"_s},
        .verboseName = u"log entry"_s, .verboseNamePlural = u"log entries"_s});
    entry->setStr([](const Model &m) { return LogEntry::str(m); });
}

} // namespace quango
