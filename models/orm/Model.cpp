#include "orm/Model.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "orm/Collector.h"
#include "orm/Exceptions.h"
#include "orm/ManyRelatedManager.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include "orm/RelatedManager.h"
#include "signals/ModelSignals.h"
#include <QHash>
#include <QVarLengthArray>
#include <algorithm>

namespace quango {

class ModelData : public QSharedData {
public:
    const ModelMeta *meta = nullptr;
    QList<QVariant> values;
    QList<QVariant> loaded;       // as read or last saved; empty while adding
    QList<bool> deferred;         // empty when nothing is deferred
    bool adding = true;
    QString db;                   // Django's _state.db: where it was loaded from or saved to
    // A few entries at most: small vectors beat hash tables here, which
    // allocate a large span per instance (100,000 rows read = 100,000 spans).
    QVarLengthArray<QPair<QString, Model>, 2> related;
    QList<QPair<QString, QList<Model>>> prefetched;
    QVariantMap annotations;
};

template <typename List>
static auto findEntry(List &list, const QString &key) -> decltype(&list.first().second)
{
    for (auto &entry : list)
        if (entry.first == key)
            return &entry.second;
    return nullptr;
}

template <typename List, typename Value>
static void putEntry(List &list, const QString &key, const Value &value)
{
    if (auto *existing = findEntry(list, key))
        *existing = value;
    else
        list.append({key, value});
}

template <typename List, typename Predicate>
static void eraseEntries(List &list, Predicate &&matches)
{
    list.erase(std::remove_if(list.begin(), list.end(), matches), list.end());
}

Model::Model() = default;

Model::Model(const ModelMeta *meta) : d(new ModelData)
{
    d->meta = meta;
    const QList<const Field *> &fields = meta->concreteFields();
    d->values.reserve(fields.size());
    for (const Field *field : fields) {
        if (field->hasDefault())
            d->values.append(field->defaultValue());
        else if (field->emptyStringsAllowed() && !field->isNull())
            d->values.append(QStringLiteral(""));
        else
            d->values.append(QVariant());
    }
}

Model::Model(const Model &other) = default;
Model::Model(Model &&other) noexcept = default;
Model &Model::operator=(const Model &other) = default;
Model &Model::operator=(Model &&other) noexcept = default;
Model::~Model() = default;

Model Model::fromRow(const ModelMeta *meta, QList<QVariant> values, const QString &db)
{
    Model m;
    m.d = new ModelData;
    m.d->meta = meta;
    m.d->values = std::move(values);
    m.d->loaded = m.d->values;
    m.d->adding = false;
    m.d->db = db;
    return m;
}

bool Model::isValid() const { return d && d->meta; }

const ModelMeta *Model::meta() const { return d ? d->meta : nullptr; }

static void requireValid(const ModelData *d, const char *what)
{
    if (!d || !d->meta)
        throw FieldError(QStringLiteral("%1 on an invalid (empty) Model instance.").arg(QLatin1String(what)));
}

QVariant Model::value(const QString &name) const
{
    requireValid(d.constData(), "value()");
    const int index = d->meta->concreteIndex(name);
    if (index < 0) {
        if (d->annotations.contains(name))
            return d->annotations.value(name);
        d->meta->fieldOrThrow(name);
        throw FieldError(QStringLiteral("'%1' of %2 has no column: use manyRelated(\"%1\").").arg(name, d->meta->label()));
    }
    return value(index);
}

QVariant Model::value(int index) const
{
    requireValid(d.constData(), "value()");
    if (!d->deferred.isEmpty() && d->deferred.at(index)) {
        // Django loads a deferred field on first access.
        const_cast<Model *>(this)->refreshFromDb({d->meta->concreteFields().at(index)->name()});
    }
    return d->values.at(index);
}

void Model::setValue(const QString &name, const QVariant &value)
{
    requireValid(d.constData(), "setValue()");
    const int index = d->meta->concreteIndex(name);
    if (index < 0) {
        const Field *field = d->meta->fieldOrThrow(name);
        throw FieldError(QStringLiteral("Cannot set '%1' of %2: a many-to-many field is set with manyRelated(\"%1\").set(...).")
                             .arg(field->name(), d->meta->label()));
    }
    const Field *field = d->meta->concreteFields().at(index);
    if (value.metaType() == QMetaType::fromType<Model>()) {
        const Model instance = value.value<Model>();
        setValue(index, instance.isValid() ? instance.pk() : QVariant());
        if (field->isRelation())
            putEntry(d->related, field->name(), instance);
        return;
    }
    setValue(index, value);
}

Model &Model::set(const QString &name, const Model &related)
{
    setValue(name, QVariant::fromValue(related));
    return *this;
}

void Model::setValue(int index, const QVariant &value)
{
    requireValid(d.constData(), "setValue()");
    const Field *field = d->meta->concreteFields().at(index);
    d->values[index] = value;
    if (!d->deferred.isEmpty())
        d->deferred[index] = false;
    if (field->isRelation()) {
        // A new key makes a cached related object stale.
        eraseEntries(d->related, [&](const QPair<QString, Model> &entry) {
            return entry.first == field->name() && (!entry.second.isValid() || entry.second.pk() != value);
        });
    }
}

QVariantList Model::values() const
{
    requireValid(d.constData(), "values()");
    return d->values;
}

QVariant Model::pk() const { return isValid() ? d->values.at(d->meta->pkIndex()) : QVariant(); }

void Model::setPk(const QVariant &pk) { setValue(d->meta->pkIndex(), pk); }

bool Model::isAdding() const { return !d || d->adding; }

QString Model::db() const { return d ? d->db : QString(); }

void Model::setDb(const QString &alias)
{
    requireValid(d.constData(), "setDb()");
    d->db = alias;
}

QString Model::aliasFor(const QString &given) const
{
    if (!given.isEmpty())
        return given;
    if (d && !d->db.isEmpty())
        return d->db;
    return QStringLiteral("default");
}

Model Model::related(const QString &name) const
{
    requireValid(d.constData(), "related()");
    auto *fk = dynamic_cast<const ForeignKey *>(d->meta->fieldOrThrow(name));
    if (!fk)
        throw FieldError(QStringLiteral("'%1' of %2 is not a ForeignKey or OneToOneField.").arg(name, d->meta->label()));
    if (const Model *cached = findEntry(d->related, fk->name()))
        return *cached;
    const QVariant key = d->values.at(d->meta->concreteIndex(fk));
    Model instance;
    if (!key.isNull()) {
        if (!fk->relatedModel())
            throw ImproperlyConfigured(QStringLiteral("%1.%2 points to '%3', which is not installed.").arg(d->meta->label(), name, fk->to()));
        instance = QuerySet(fk->relatedModel(), aliasFor({})).get(Q(QStringLiteral("pk"), key));
    }
    // Caching does not change the instance's values, only what it remembers.
    putEntry(const_cast<ModelData *>(d.constData())->related, fk->name(), instance);
    return instance;
}

void Model::setRelated(const QString &name, const Model &instance)
{
    requireValid(d.constData(), "setRelated()");
    putEntry(d->related, name, instance);
}

bool Model::hasRelatedCached(const QString &name) const { return d && findEntry(d->related, name); }

RelatedManager Model::relatedSet(const QString &accessor) const
{
    requireValid(d.constData(), "relatedSet()");
    const ReverseRelation *relation = d->meta->reverseRelation(accessor);
    if (!relation || relation->manyToMany)
        throw FieldError(QStringLiteral("%1 has no reverse ForeignKey '%2'. Reverse relations: %3")
                             .arg(d->meta->label(), accessor, d->meta->fieldNames().join(QStringLiteral(", "))));
    return RelatedManager(*this, *relation);
}

ManyRelatedManager Model::manyRelated(const QString &accessor) const
{
    requireValid(d.constData(), "manyRelated()");
    if (auto *m2m = dynamic_cast<const ManyToManyField *>(d->meta->field(accessor)))
        return ManyRelatedManager(*this, m2m, false);
    const ReverseRelation *relation = d->meta->reverseRelation(accessor);
    if (relation && relation->manyToMany)
        return ManyRelatedManager(*this, static_cast<const ManyToManyField *>(relation->field), true);
    throw FieldError(QStringLiteral("%1 has no many-to-many relation '%2'. Fields: %3")
                         .arg(d->meta->label(), accessor, d->meta->fieldNames().join(QStringLiteral(", "))));
}

const QList<Model> *Model::prefetched(const QString &accessor) const
{
    if (!d)
        return nullptr;
    return findEntry(d->prefetched, accessor);
}

void Model::setPrefetched(const QString &accessor, const QList<Model> &rows)
{
    requireValid(d.constData(), "setPrefetched()");
    putEntry(d->prefetched, accessor, rows);
}

QVariant Model::annotation(const QString &name) const { return d ? d->annotations.value(name) : QVariant(); }

void Model::setAnnotation(const QString &name, const QVariant &value)
{
    requireValid(d.constData(), "setAnnotation()");
    d->annotations.insert(name, value);
}

QVariantMap Model::annotations() const { return d ? d->annotations : QVariantMap(); }

QStringList Model::changedFields() const
{
    QStringList changed;
    if (!isValid())
        return changed;
    const QList<const Field *> &fields = d->meta->concreteFields();
    for (int i = 0; i < fields.size(); ++i) {
        if (!d->deferred.isEmpty() && d->deferred.at(i))
            continue;
        if (d->loaded.isEmpty() || d->loaded.at(i) != d->values.at(i))
            changed << fields.at(i)->name();
    }
    return changed;
}

QVariant Model::loadedValue(const QString &name) const
{
    requireValid(d.constData(), "loadedValue()");
    const int index = d->meta->concreteIndex(name);
    if (index < 0)
        d->meta->fieldOrThrow(name);
    return d->loaded.isEmpty() ? QVariant() : d->loaded.at(index);
}

void Model::markPersisted()
{
    requireValid(d.constData(), "markPersisted()");
    d->loaded = d->values;
    d->adding = false;
}

void Model::setDeferred(int index, bool deferred)
{
    requireValid(d.constData(), "setDeferred()");
    if (d->deferred.isEmpty()) {
        if (!deferred)
            return;
        d->deferred.fill(false, d->values.size());
    }
    d->deferred[index] = deferred;
}

bool Model::isDeferred(int index) const { return d && !d->deferred.isEmpty() && d->deferred.at(index); }

QString Model::str() const
{
    if (!isValid())
        return QStringLiteral("None");
    if (d->meta->strFunction())
        return d->meta->strFunction()(*this);
    return QStringLiteral("%1 object (%2)").arg(d->meta->objectName(), pk().isNull() ? QStringLiteral("None") : pk().toString());
}

bool Model::operator==(const Model &other) const
{
    if (!isValid() || !other.isValid())
        return !isValid() && !other.isValid();
    if (d->meta != other.d->meta)
        return false;
    if (pk().isNull())
        return d == other.d; // unsaved instances are equal only to themselves
    return pk() == other.pk();
}

// ---- persistence -----------------------------------------------------------

void Model::save(const SaveOptions &options)
{
    requireValid(d.constData(), "save()");
    const ModelMeta *meta = d->meta;
    const QString alias = aliasFor(options.using_);
    Connection &connection = Connection::get(alias);
    const DatabaseOperations &ops = connection.ops();
    const QList<const Field *> &fields = meta->concreteFields();

    QList<int> updateIndexes;
    for (const QString &name : options.updateFields) {
        const int index = meta->concreteIndex(name);
        if (index < 0)
            throw FieldError(QStringLiteral("The following fields do not exist in %1, or are m2m fields: %2").arg(meta->label(), name));
        updateIndexes << index;
    }
    if (!options.updateFields.isEmpty() && isAdding())
        throw FieldError(QStringLiteral("Cannot use update_fields when saving a new %1: it has no row to update yet.").arg(meta->label()));

    const bool pkSet = !pk().isNull();
    // Django: no pk, or a new instance whose pk came from a default, is an
    // INSERT; otherwise try UPDATE first and INSERT when no row matched (so
    // loaddata overwrites rows that exist).
    // A raw save never takes that shortcut: a fixture's row may exist already.
    bool insert = options.forceInsert || !pkSet || (isAdding() && meta->pk()->hasDefault() && !options.forceUpdate && !options.raw);
    SaveInfo info;
    info.updateFields = options.updateFields;
    info.raw = options.raw;
    info.using_ = connection.alias();
    if (signals::preSave.hasListeners(meta))
        signals::preSave.send(meta, *this, info);

    const bool adding = isAdding();
    // A raw save (loaddata) stores the values as given: auto_now/auto_now_add
    // must not overwrite the fixture's timestamps (Django skips pre_save too).
    for (int i = 0; i < fields.size() && !options.raw; ++i) {
        const QVariant updated = fields.at(i)->preSave(d->values.at(i), adding);
        if (updated != d->values.at(i))
            d->values[i] = updated;
    }

    auto bind = [&](int i) {
        const Field *field = fields.at(i);
        return field->toDatabase(field->clean(d->values.at(i)), ops);
    };
    const QString table = ops.quoteName(meta->dbTable());
    const QString pkColumn = ops.quoteName(meta->pk()->column());

    bool updated = false;
    if (!insert && pkSet) {
        QStringList sets;
        QVariantList params;
        for (int i = 0; i < fields.size(); ++i) {
            if (i == meta->pkIndex() || isDeferred(i))
                continue;
            if (!updateIndexes.isEmpty() && !updateIndexes.contains(i))
                continue;
            sets << ops.quoteName(fields.at(i)->column()) + QStringLiteral(" = ?");
            params << bind(i);
        }
        params << bind(meta->pkIndex());
        if (sets.isEmpty()) {
            // Nothing to write: Django still checks that the row exists.
            updated = QuerySet(meta, alias).filter(Q(QStringLiteral("pk"), pk())).exists();
        } else {
            QSqlQuery &query = connection.execute(QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?").arg(table, sets.join(QStringLiteral(", ")), pkColumn), params);
            updated = query.numRowsAffected() > 0;
        }
        if (!updated && (options.forceUpdate || !options.updateFields.isEmpty()))
            throw DatabaseError(options.forceUpdate ? QStringLiteral("Forced update of %1 (pk %2) did not affect any rows.").arg(meta->label(), pk().toString())
                                                    : QStringLiteral("Save with update_fields did not affect any rows: %1 (pk %2) is gone.").arg(meta->label(), pk().toString()));
        insert = !updated;
    }
    if (insert) {
        QStringList columns, marks;
        QVariantList params;
        for (int i = 0; i < fields.size(); ++i) {
            if (i == meta->pkIndex() && fields.at(i)->isAutoField() && d->values.at(i).isNull())
                continue;
            columns << ops.quoteName(fields.at(i)->column());
            marks << QStringLiteral("?");
            params << bind(i);
        }
        QString sql = columns.isEmpty() ? QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(table)
                                        : QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
        const bool needPk = d->values.at(meta->pkIndex()).isNull();
        if (needPk && ops.supportsReturning())
            sql += QStringLiteral(" RETURNING ") + pkColumn;
        QSqlQuery &query = connection.execute(sql, params);
        if (needPk) {
            QVariant id;
            if (ops.supportsReturning()) {
                if (query.next())
                    id = query.value(0);
                query.finish();
            } else {
                id = connection.lastInsertId(query);
            }
            d->values[meta->pkIndex()] = meta->pk()->fromDatabase(id, ops);
        }
    }
    // Keep the Qt types the fields hold (e.g. "12.5" -> "12.50" for DecimalField).
    for (int i = 0; i < fields.size(); ++i)
        if (!isDeferred(i))
            d->values[i] = fields.at(i)->clean(d->values.at(i));
    markPersisted();
    d->db = alias;
    if (signals::postSave.hasListeners(meta)) {
        info.created = insert;
        signals::postSave.send(meta, *this, info);
    }
}

DeleteResult Model::remove(const QString &using_)
{
    requireValid(d.constData(), "remove()");
    if (pk().isNull())
        throw FieldError(QStringLiteral("%1 object can't be deleted because its %2 attribute is set to None.")
                             .arg(d->meta->objectName(), d->meta->pk()->name()));
    Collector collector(aliasFor(using_));
    collector.collect({*this});
    DeleteResult result = collector.deleteAll();
    // Django sets the pk to None after delete().
    d->values[d->meta->pkIndex()] = QVariant();
    d->adding = true;
    return result;
}

void Model::refreshFromDb(const QStringList &fieldNames)
{
    requireValid(d.constData(), "refreshFromDb()");
    if (pk().isNull())
        throw FieldError(QStringLiteral("Cannot refresh this %1 from the database: it has no primary key (never saved, or deleted).")
                             .arg(d->meta->objectName()));
    QuerySet qs = QuerySet(d->meta, aliasFor({})).filter(Q(QStringLiteral("pk"), pk()));
    if (!fieldNames.isEmpty())
        qs = qs.only(fieldNames);
    const Model fresh = qs.get();
    const QList<const Field *> &fields = d->meta->concreteFields();
    for (int i = 0; i < fields.size(); ++i) {
        if (!fieldNames.isEmpty() && !fieldNames.contains(fields.at(i)->name()) && !fieldNames.contains(fields.at(i)->attname()))
            continue;
        d->values[i] = fresh.d->values.at(i);
        if (d->loaded.size() == d->values.size())
            d->loaded[i] = d->values.at(i);
        if (!d->deferred.isEmpty())
            d->deferred[i] = false;
        if (fields.at(i)->isRelation())
            eraseEntries(d->related, [&](const QPair<QString, Model> &entry) { return entry.first == fields.at(i)->name(); });
    }
    if (fieldNames.isEmpty()) {
        d->loaded = d->values;
        d->prefetched.clear();
    }
    d->adding = false;
}

void Model::fullClean(const QStringList &exclude, bool validateUnique) const
{
    requireValid(d.constData(), "fullClean()");
    QMap<QString, QStringList> errors;
    const QList<const Field *> &fields = d->meta->concreteFields();
    for (int i = 0; i < fields.size(); ++i) {
        const Field *field = fields.at(i);
        if (exclude.contains(field->name()) || isDeferred(i))
            continue;
        // Auto fields and auto_now values are filled on save.
        if (field->isAutoField() || (!field->isEditable() && d->values.at(i).isNull()))
            continue;
        QVariant value = d->values.at(i);
        try {
            value = field->clean(value);
        } catch (const ValidationError &error) {
            for (auto it = error.errors().cbegin(); it != error.errors().cend(); ++it)
                errors[field->name()] << it.value();
            continue;
        }
        const QStringList messages = field->validate(value);
        if (!messages.isEmpty())
            errors[field->name()] << messages;
    }
    if (validateUnique) {
        auto excludeSelf = [&](QuerySet qs) { return pk().isNull() ? qs : qs.exclude(Q(QStringLiteral("pk"), pk())); };
        for (int i = 0; i < fields.size(); ++i) {
            const Field *field = fields.at(i);
            if (!field->isUnique() || field->isPrimaryKey() || exclude.contains(field->name()) || errors.contains(field->name()))
                continue;
            const QVariant value = d->values.at(i);
            if (value.isNull())
                continue;
            if (excludeSelf(QuerySet(d->meta).filter(Q(field->name(), value))).exists())
                errors[field->name()] << QStringLiteral("%1 with this %2 already exists.")
                                             .arg(d->meta->verboseName().left(1).toUpper() + d->meta->verboseName().mid(1), field->verboseName());
        }
        QList<QStringList> groups = d->meta->options().uniqueTogether;
        for (const Constraint &constraint : d->meta->options().constraints)
            if (constraint.kind == Constraint::Kind::Unique && constraint.condition.isEmpty())
                groups << constraint.fields;
        for (const QStringList &group : std::as_const(groups)) {
            Q q;
            bool skip = false;
            for (const QString &name : group) {
                if (exclude.contains(name) || errors.contains(name) || value(name).isNull())
                    skip = true;
                q &= Q(name, value(name));
            }
            if (skip || group.isEmpty())
                continue;
            if (excludeSelf(QuerySet(d->meta).filter(q)).exists()) {
                QStringList labels;
                for (const QString &name : group)
                    labels << d->meta->fieldOrThrow(name)->verboseName();
                errors[QString::fromLatin1(ValidationError::NonFieldErrors)]
                    << QStringLiteral("%1 with this %2 already exists.")
                           .arg(d->meta->verboseName().left(1).toUpper() + d->meta->verboseName().mid(1), labels.join(QStringLiteral(" and ")));
            }
        }
    }
    if (!errors.isEmpty())
        throw ValidationError(errors);
}

} // namespace quango
