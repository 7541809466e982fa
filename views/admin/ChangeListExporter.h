#pragma once
#include "orm/QuerySet.h"
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <functional>

class QIODevice;

namespace quango {

class Field;

// Export of a list page's rows: the QuerySet the page shows (filters, search
// and ordering applied), or only the selected objects of it. The pks of the
// matches are read first (one query: the export is a snapshot of the list
// as it was then), then the rows through the ORM chunkSize() at a time by
// pk, so a large export never holds every row, and no chunk rescans the rows
// before it as LIMIT/OFFSET would. Rows deleted meanwhile are left out.
//
// CSV: one column per list_display entry, headed by its verbose name, values
// as the list shows them (a ForeignKey as its target's display string, a
// choice as its label), dates and times in ISO 8601; RFC 4180 quoting, CRLF
// line ends, UTF-8. JSON: Django's dumpdata fixture format, written by
// JsonSerializer (every concrete field and ManyToMany list, not only the
// columns), indented by 2, loadable with loaddata.
//
//   ChangeListExporter exporter(page->model()->querySet(), admin.listDisplay);
//   exporter.writeFile(path, ChangeListExporter::Format::Csv, [&](qint64 done, qint64 total) { ...; return !cancelled; });
class ChangeListExporter {
public:
    enum class Format { Csv, Json };
    // After each chunk (and once with done = 0 before the first): rows
    // written so far and the total. Returning false cancels the export.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    ChangeListExporter(const QuerySet &rows, const QStringList &listDisplay);

    // Exports only these objects (pks in the list's order) instead of every row.
    void setSelection(const QVariantList &pks);
    void setChunkSize(int rows);
    int chunkSize() const { return m_chunkSize; }
    // Rows the export will write: a COUNT of the QuerySet, or the selection's
    // size (write() reports the number it actually found).
    qint64 total() const;
    // Rows written by the last write()/writeFile().
    qint64 exported() const { return m_exported; }

    // Writes the rows to `out`; false when `progress` cancelled (what was
    // written so far stays in `out`). Throws the ORM's errors, and Error when
    // `out` refuses the bytes.
    bool write(QIODevice &out, Format format, const Progress &progress = {});
    // Writes `path` through QSaveFile: the file appears only complete. On
    // cancel (false) or an error (thrown) a file already there is left as it was.
    bool writeFile(const QString &path, Format format, const Progress &progress = {});

    // "csv" / "json"; and back, from a file name's suffix (Csv when unknown).
    static QString suffix(Format format);
    static Format formatForPath(const QString &path);
    // One RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
    static QString csvField(const QString &text);
    // The CSV text of one list_display value of `object` (field nullptr: __str__).
    static QString csvValue(const Model &object, const Field *field);

private:
    QVariantList matchingPks() const;
    QList<Model> chunk(const QVariantList &pks) const;

    QuerySet m_rows;
    QStringList m_listDisplay;
    std::optional<QVariantList> m_selection;
    int m_chunkSize = 500;
    qint64 m_exported = 0;
};

} // namespace quango
