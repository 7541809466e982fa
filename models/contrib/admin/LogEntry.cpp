#include "contrib/admin/LogEntry.h"
#include "apps/Registry.h"
#include "contrib/contenttypes/ContentTypes.h"
#include "orm/Manager.h"
#include "orm/QuerySet.h"
#include "utils/Text.h"
#include <QJsonDocument>
#include <QJsonObject>

namespace quango {

using namespace Qt::Literals::StringLiterals;

const ModelMeta &LogEntry::meta() { return Registry::instance().modelOrThrow(u"admin.LogEntry"_s); }

namespace {

// Django's get_text_list(items, "and"): "a, b and c".
QString textList(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    return items.mid(0, items.size() - 1).join(u", "_s) + u" and "_s + items.last();
}

QString pythonString(const QString &text)
{
    QString out = u"\""_s;
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += u"\\\""_s; break;
        case '\\': out += u"\\\\"_s; break;
        case '\n': out += u"\\n"_s; break;
        case '\r': out += u"\\r"_s; break;
        case '\t': out += u"\\t"_s; break;
        case '\b': out += u"\\b"_s; break;
        case '\f': out += u"\\f"_s; break;
        default:
            // ensure_ascii: everything outside printable ASCII as \uXXXX (UTF-16 units, as Python writes them).
            if (c.unicode() < 0x20 || c.unicode() > 0x7e)
                out += u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + u'"';
}
} // namespace

QString LogEntry::pythonJsonDumps(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items << pythonJsonDumps(item);
        return u'[' + items.join(u", "_s) + u']';
    }
    case QJsonValue::Object: {
        // QJsonObject sorts its keys; every message this class writes has one key per object.
        const QJsonObject object = value.toObject();
        QStringList items;
        for (auto it = object.begin(); it != object.end(); ++it)
            items << pythonString(it.key()) + u": "_s + pythonJsonDumps(it.value());
        return u'{' + items.join(u", "_s) + u'}';
    }
    case QJsonValue::String:
        return pythonString(value.toString());
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    default:
        return u"null"_s;
    }
}

QString LogEntry::additionMessage() { return pythonJsonDumps(QJsonArray{QJsonObject{{u"added"_s, QJsonObject()}}}); }

QString LogEntry::changeMessage(const ModelMeta &model, const QStringList &changedFields)
{
    if (changedFields.isEmpty())
        return u"[]"_s;
    QJsonArray labels;
    for (const QString &name : changedFields) {
        const Field *field = model.field(name);
        labels.append(field ? capFirst(field->verboseName()) : name);
    }
    return pythonJsonDumps(QJsonArray{QJsonObject{{u"changed"_s, QJsonObject{{u"fields"_s, labels}}}}});
}

Model LogEntry::logAction(const QVariant &userId, const Model &object, ActionFlag flag, const QString &changeMessage)
{
    Model entry(&meta());
    entry.setValue(u"user"_s, userId);
    entry.setValue(u"content_type"_s, ContentTypes::getForModel(*object.meta()).pk());
    entry.setValue(u"object_id"_s, object.pk().toString());
    entry.setValue(u"object_repr"_s, object.str().left(200));
    entry.setValue(u"action_flag"_s, int(flag));
    entry.setValue(u"change_message"_s, changeMessage);
    entry.save();
    return entry;
}

Model LogEntry::logAddition(const QVariant &userId, const Model &object)
{
    return logAction(userId, object, Addition, additionMessage());
}

Model LogEntry::logChange(const QVariant &userId, const Model &object, const QStringList &changedFields)
{
    return logAction(userId, object, Change, changeMessage(*object.meta(), changedFields));
}

Model LogEntry::logDeletion(const QVariant &userId, const Model &object)
{
    return logAction(userId, object, Deletion, QString(u""_s));
}

QList<Model> LogEntry::history(const ModelMeta &model, const QVariant &pk)
{
    const QVariant ct = ContentTypes::getForModel(model).pk();
    return meta().objects().filter(Q({{u"object_id"_s, pk.toString()}, {u"content_type"_s, ct}}))
        .selectRelated({u"user"_s}).orderBy({u"action_time"_s, u"id"_s}).list();
}

QList<Model> LogEntry::history(const Model &object) { return history(*object.meta(), object.pk()); }

QString LogEntry::changeMessageText(const Model &entry)
{
    const QString raw = entry.value(u"change_message"_s).toString();
    if (!raw.startsWith(u'['))
        return raw;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(raw.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return raw;
    QStringList messages;
    for (const QJsonValue &item : doc.array()) {
        const QJsonObject sub = item.toObject();
        if (sub.contains(u"added"_s)) {
            const QJsonObject added = sub.value(u"added"_s).toObject();
            messages << (added.isEmpty() ? u"Added."_s
                                         : u"Added %1 \u201c%2\u201d."_s.arg(added.value(u"name"_s).toString(), added.value(u"object"_s).toString()));
        } else if (sub.contains(u"changed"_s)) {
            const QJsonObject changed = sub.value(u"changed"_s).toObject();
            QStringList fields;
            for (const QJsonValue &f : changed.value(u"fields"_s).toArray())
                fields << f.toString();
            if (changed.contains(u"name"_s))
                messages << u"Changed %1 for %2 \u201c%3\u201d."_s.arg(textList(fields), changed.value(u"name"_s).toString(), changed.value(u"object"_s).toString());
            else
                messages << u"Changed %1."_s.arg(textList(fields));
        } else if (sub.contains(u"deleted"_s)) {
            const QJsonObject deleted = sub.value(u"deleted"_s).toObject();
            messages << u"Deleted %1 \u201c%2\u201d."_s.arg(deleted.value(u"name"_s).toString(), deleted.value(u"object"_s).toString());
        }
    }
    for (QString &m : messages)
        m = capFirst(m);
    const QString text = messages.join(u' ');
    return text.isEmpty() ? u"No fields changed."_s : text;
}

QString LogEntry::str(const Model &entry)
{
    const QString object = entry.value(u"object_repr"_s).toString();
    switch (entry.value(u"action_flag"_s).toInt()) {
    case Addition:
        return u"Added \u201c%1\u201d."_s.arg(object);
    case Change:
        return u"Changed \u201c%1\u201d \u2014 %2"_s.arg(object, changeMessageText(entry));
    case Deletion:
        return u"Deleted \u201c%1.\u201d"_s.arg(object);
    default:
        return u"LogEntry Object"_s;
    }
}

} // namespace quango
