#pragma once
#include "orm/QuerySet.h"

namespace quango {

// Django's Paginator over a QuerySet: count, numPages, page(n). page() with a
// number out of range throws EmptyPage naming the number and the valid range.
template <typename Row>
class Page {
public:
    Page(QList<Row> rows, int number, int numPages, qint64 count, int perPage)
        : m_rows(std::move(rows)), m_number(number), m_numPages(numPages), m_count(count), m_perPage(perPage) {}
    const QList<Row> &objectList() const { return m_rows; }
    int number() const { return m_number; }
    bool hasNext() const { return m_number < m_numPages; }
    bool hasPrevious() const { return m_number > 1; }
    bool hasOtherPages() const { return hasNext() || hasPrevious(); }
    int nextPageNumber() const;     // EmptyPage when there is none
    int previousPageNumber() const;
    qint64 startIndex() const { return m_count == 0 ? 0 : qint64(m_perPage) * (m_number - 1) + 1; }
    qint64 endIndex() const { return m_number == m_numPages ? m_count : qint64(m_number) * m_perPage; }

private:
    QList<Row> m_rows;
    int m_number, m_numPages;
    qint64 m_count;
    int m_perPage;
};

template <typename Row>
class Paginator {
public:
    // perPage >= 1; orphans: a last page this short joins the one before.
    Paginator(BasicQuerySet<Row> querySet, int perPage, int orphans = 0, bool allowEmptyFirstPage = true);
    qint64 count() const;
    int numPages() const;
    int validateNumber(const QString &number) const;  // PageNotAnInteger / EmptyPage
    Page<Row> page(int number) const;
    Page<Row> page(const QString &number) const { return page(validateNumber(number)); }

private:
    BasicQuerySet<Row> m_querySet;
    int m_perPage, m_orphans;
    bool m_allowEmptyFirstPage;
    mutable std::optional<qint64> m_count;
};

extern template class Paginator<Model>;
extern template class Paginator<QVariantMap>;

} // namespace quango
