#include "orm/Paginator.h"
#include "orm/Exceptions.h"
#include <cmath>

namespace quango {

template <typename Row>
int Page<Row>::nextPageNumber() const
{
    if (!hasNext())
        throw EmptyPage(QStringLiteral("That page contains no results: page %1 is the last one.").arg(m_number));
    return m_number + 1;
}

template <typename Row>
int Page<Row>::previousPageNumber() const
{
    if (!hasPrevious())
        throw EmptyPage(QStringLiteral("That page number is less than 1."));
    return m_number - 1;
}

template <typename Row>
Paginator<Row>::Paginator(BasicQuerySet<Row> querySet, int perPage, int orphans, bool allowEmptyFirstPage)
    : m_querySet(std::move(querySet)), m_perPage(perPage), m_orphans(orphans), m_allowEmptyFirstPage(allowEmptyFirstPage)
{
    if (perPage < 1)
        throw EmptyPage(QStringLiteral("A Paginator needs at least 1 item per page, got %1.").arg(perPage));
    if (orphans < 0)
        throw EmptyPage(QStringLiteral("orphans must be 0 or more, got %1.").arg(orphans));
}

template <typename Row>
qint64 Paginator<Row>::count() const
{
    if (!m_count)
        m_count = m_querySet.isEvaluated() ? m_querySet.size() : m_querySet.count();
    return *m_count;
}

template <typename Row>
int Paginator<Row>::numPages() const
{
    const qint64 n = count();
    if (n == 0 && !m_allowEmptyFirstPage)
        return 0;
    const qint64 hits = std::max<qint64>(1, n - m_orphans);
    return int((hits + m_perPage - 1) / m_perPage);
}

template <typename Row>
int Paginator<Row>::validateNumber(const QString &text) const
{
    bool ok = false;
    const int number = text.trimmed().toInt(&ok);
    if (!ok)
        throw PageNotAnInteger(QStringLiteral("That page number is not an integer: '%1'.").arg(text));
    return number;
}

template <typename Row>
Page<Row> Paginator<Row>::page(int number) const
{
    if (number < 1)
        throw EmptyPage(QStringLiteral("That page number is less than 1 (got %1).").arg(number));
    const int pages = numPages();
    if (number > pages && !(number == 1 && m_allowEmptyFirstPage))
        throw EmptyPage(QStringLiteral("That page contains no results: page %1 of %2.").arg(number).arg(pages));
    const qint64 bottom = qint64(number - 1) * m_perPage;
    qint64 top = bottom + m_perPage;
    if (top + m_orphans >= count())
        top = count();
    QList<Row> rows = m_querySet.slice(bottom, top).list();
    return Page<Row>(std::move(rows), number, std::max(pages, 1), count(), m_perPage);
}

template class Page<Model>;
template class Page<QVariantMap>;
template class Paginator<Model>;
template class Paginator<QVariantMap>;

} // namespace quango
