#include "views/admin/ChangeListExporter.h"
#include "orm/Exceptions.h"
#include "orm/Field.h"
#include "orm/ModelMeta.h"
#include "orm/RelatedField.h"
#include "serializers/JsonSerializer.h"
#include "views/admin/Logging.h"
#include "utils/Text.h"
#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QIODevice>
#include <QSaveFile>
#include <QTime>

namespace quango {

namespace {

void put(QIODevice &out, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("Cannot write the export: %1. Check the disk space and the file's permissions, then export again.")
                        .arg(out.errorString()));
}

} // namespace

ChangeListExporter::ChangeListExporter(const QuerySet &rows, const QStringList &listDisplay)
    : m_rows(rows.all()), m_listDisplay(listDisplay)
{
    if (m_listDisplay.isEmpty())
        m_listDisplay << QStringLiteral("__str__");
}

void ChangeListExporter::setSelection(const QVariantList &pks) { m_selection = pks; }

void ChangeListExporter::setChunkSize(int rows) { m_chunkSize = std::max(1, rows); }

qint64 ChangeListExporter::total() const { return m_selection ? m_selection->size() : m_rows.count(); }

QString ChangeListExporter::suffix(Format format) { return format == Format::Json ? QStringLiteral("json") : QStringLiteral("csv"); }

ChangeListExporter::Format ChangeListExporter::formatForPath(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0 ? Format::Json : Format::Csv;
}

QString ChangeListExporter::csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString ChangeListExporter::csvValue(const Model &object, const Field *field)
{
    if (!field)
        return object.str();
    const QVariant value = object.value(field->name());
    if (value.isNull() || !value.isValid())
        return QString();
    if (dynamic_cast<const ForeignKey *>(field)) {
        const Model related = object.related(field->name()); // JOINed by the list's select_related
        return related.isValid() ? related.str() : value.toString();
    }
    if (!field->choices().isEmpty())
        return field->choiceLabel(value);
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QTime:
        return value.toTime().toString(Qt::ISODateWithMs);
    case QMetaType::QDateTime:
        // UTC with its offset: a spreadsheet in another zone reads the same instant.
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    default:
        return field->displayValue(value);
    }
}

QVariantList ChangeListExporter::matchingPks() const
{
    if (m_selection)
        return *m_selection;
    // The pks of every match first, in the list's order (one query, a
    // snapshot), then the rows by pk: LIMIT/OFFSET pages would rescan all
    // the rows before each page, quadratic on a large table.
    QVariantList pks;
    m_rows.valuesListFlat(m_rows.model()->pk()->name()).iterator(10000, [&pks](const QVariant &pk) { pks << pk; });
    return pks;
}

QList<Model> ChangeListExporter::chunk(const QVariantList &pks) const
{
    // The pks come in the list's order, so each chunk, sorted by the list's
    // ordering, follows the one before it.
    return m_rows.filter(Q(QStringLiteral("pk__in"), pks)).list();
}

bool ChangeListExporter::write(QIODevice &out, Format format, const Progress &progress)
{
    m_exported = 0;
    const ModelMeta *meta = m_rows.model();
    const QVariantList pks = matchingPks();
    const qint64 rows = pks.size();
    if (progress && !progress(0, rows))
        return false;

    QList<const Field *> fields;
    std::unique_ptr<JsonSerializer> serializer;
    if (format == Format::Csv) {
        QStringList header;
        for (const QString &name : std::as_const(m_listDisplay)) {
            const Field *field = name == QLatin1String("__str__") ? nullptr : meta->field(name);
            if (name != QLatin1String("__str__") && !field)
                throw FieldError(QStringLiteral("Cannot export column '%1': %2 has no such field. Valid names: __str__, %3.")
                                     .arg(name, meta->label(), meta->fieldNames().join(QStringLiteral(", "))));
            fields << field;
            header << csvField(capFirst(field ? field->verboseName() : meta->verboseName()));
        }
        put(out, header.join(QLatin1Char(',')) + QStringLiteral("\r\n"));
    } else {
        serializer = std::make_unique<JsonSerializer>([&out](const QString &text) { put(out, text); }, 2, m_rows.db());
        serializer->startSerialization();
    }

    const qint64 chunks = (rows + m_chunkSize - 1) / m_chunkSize;
    for (qint64 index = 0; index < chunks; ++index) {
        const QList<Model> objects = chunk(pks.mid(index * m_chunkSize, m_chunkSize));
        if (format == Format::Csv) {
            QString text;
            for (const Model &object : objects) {
                QStringList line;
                line.reserve(fields.size());
                for (const Field *field : std::as_const(fields))
                    line << csvField(csvValue(object, field));
                text += line.join(QLatin1Char(',')) + QStringLiteral("\r\n");
            }
            put(out, text);
        } else {
            serializer->serializeObjects(objects);
        }
        m_exported += objects.size();
        if (progress && !progress(m_exported, rows)) {
            qCInfo(lcAdmin, "Export of %s cancelled after %lld of %lld rows", qPrintable(meta->label()), m_exported, rows);
            return false;
        }
    }
    if (serializer)
        serializer->endSerialization();
    return true;
}

bool ChangeListExporter::writeFile(const QString &path, Format format, const Progress &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("Cannot write the export to %1: %2. Choose another folder or file name.").arg(path, file.errorString()));
    try {
        if (!write(file, format, progress)) {
            file.cancelWriting();
            return false;
        }
    } catch (...) {
        file.cancelWriting();
        throw;
    }
    if (!file.commit())
        throw Error(QStringLiteral("Cannot save the export as %1: %2. Choose another folder or file name.").arg(path, file.errorString()));
    return true;
}

} // namespace quango
